"""`make run`: the web server and a real Celery worker (with beat), stopped together by Ctrl-C."""

import signal
import subprocess
import sys
import time

from django.conf import settings
from django.core.management.base import BaseCommand
from django.utils.translation import gettext as _


class Command(BaseCommand):
    help = _("Lance le serveur web et un worker Celery (avec beat) ; Ctrl-C arrête les deux.")

    def add_arguments(self, parser):
        parser.add_argument("--addr", default="127.0.0.1:8000")

    def handle(self, *args, addr, **options):
        python = sys.executable
        worker = subprocess.Popen(
            [
                python,
                "-m",
                "celery",
                "-A",
                "lms",
                "worker",
                "--beat",
                "--loglevel=INFO",
                "--concurrency=2",
                "--schedule",
                str(settings.VAR_DIR / "celerybeat-schedule"),
            ]
        )
        web = subprocess.Popen([python, "manage.py", "runserver", addr, "--noreload"])
        self.stdout.write(
            self.style.SUCCESS(
                _("Kalan est servi sur http://%(addr)s/ (Ctrl-C pour arrêter)") % {"addr": addr}
            )
        )
        processes = [web, worker]
        try:
            while all(p.poll() is None for p in processes):
                time.sleep(0.5)
        except KeyboardInterrupt:
            pass
        finally:
            for process in processes:
                if process.poll() is None:
                    process.send_signal(signal.SIGTERM)
            for process in processes:
                try:
                    process.wait(timeout=15)
                except subprocess.TimeoutExpired:
                    process.kill()
        failed = [p.args[2] for p in processes if p.returncode not in (0, -signal.SIGTERM, None)]
        if failed:
            self.stderr.write(_("Arrêt anormal : %(names)s") % {"names": ", ".join(failed)})
