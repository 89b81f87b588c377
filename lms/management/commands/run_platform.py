"""`make run`: the embedded Redis, the web server, a Celery worker and beat, supervised.

Each runs as its own process. One that dies is started again after a back-off (1 s, 2 s, 4 s…
up to a minute), with a line in the log; the others keep running, so the web server never stops
because the worker did. Ctrl-C stops everything, the broker last."""

import os
import subprocess
import sys

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from lms import embedded
from lms.supervisor import Service, Supervisor


class Command(BaseCommand):
    help = _(
        "Lance Redis (embarqué), le serveur web, un worker Celery et beat, et les relance "
        "s’ils s’arrêtent ; Ctrl-C arrête tout."
    )

    def add_arguments(self, parser):
        parser.add_argument("--addr", default="127.0.0.1:8000")
        parser.add_argument(
            "--setup",
            action="store_true",
            help=_("Applique les migrations et charge la démonstration avant de servir."),
        )

    def handle(self, *args, addr, setup, **options):
        python = sys.executable
        var_dir = settings.VAR_DIR
        env = {**os.environ}
        env.setdefault("WAGTAILADMIN_BASE_URL", f"http://{addr}")
        log = self._log

        supervisor = Supervisor([], log=log)
        if embedded.is_embedded(settings.CELERY_BROKER_URL, var_dir) or embedded.is_embedded(
            settings.CACHES["default"].get("LOCATION", ""), var_dir
        ):
            socket_path = embedded.redis_socket(var_dir)
            if embedded.redis_ping(socket_path):
                raise CommandError(
                    _(
                        "Un serveur Redis répond déjà sur %(path)s : une autre instance "
                        "tourne-t-elle ?"
                    )
                    % {"path": socket_path}
                )
            if socket_path.exists():
                socket_path.unlink()  # left by a server that was killed
            redis = Service(
                "redis",
                embedded.redis_command(var_dir),
                wait_ready=lambda process: embedded.redis_wait(socket_path, process),
            )
            supervisor.add(redis)
            if redis.process is None:
                raise CommandError(_("Le serveur Redis embarqué n’a pas démarré."))

        if setup:
            steps = [
                ["migrate", "--noinput"],
                ["load_demo"],
                ["ob3_keygen", "--if-missing"],
            ]
            for step in steps:
                result = subprocess.run([python, "manage.py", *step], env=env, check=False)
                if result.returncode != 0:
                    supervisor.stop_all()
                    raise CommandError(
                        _("Échec de « manage.py %(step)s » (code %(code)d).")
                        % {"step": " ".join(step), "code": result.returncode}
                    )

        celery = [python, "-m", "celery", "-A", "lms"]
        for service in [
            Service(
                "worker",
                [*celery, "worker", "--loglevel=INFO", "--concurrency=2"],
                env=env,
            ),
            Service(
                "beat",
                [
                    *celery,
                    "beat",
                    "--loglevel=INFO",
                    "--schedule",
                    str(var_dir / "celerybeat-schedule"),
                ],
                env=env,
            ),
            Service("web", [python, "manage.py", "runserver", addr, "--noreload"], env=env),
        ]:
            supervisor.add(service)
        log(
            self.style.SUCCESS(
                _("Kalan est servi sur http://%(addr)s/ (Ctrl-C pour arrêter)") % {"addr": addr}
            )
        )
        supervisor.run()

    def _log(self, line: str) -> None:
        self.stdout.write(line)
        self.stdout.flush()
