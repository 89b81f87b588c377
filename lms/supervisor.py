"""A small process supervisor for `make run` (run_platform): each service runs as a child
process; one that exits is started again after a back-off, and never takes the others down.

Children run in their own session, so a Ctrl-C in the terminal reaches the supervisor only,
which then stops them in the reverse order of their start (the worker before the broker)."""

import signal
import subprocess
import time
from collections.abc import Callable
from dataclasses import dataclass, field

from django.utils import timezone
from django.utils.translation import gettext as _


@dataclass
class Service:
    name: str
    argv: list[str]
    env: dict | None = None
    # Waits until the service answers, or raises RuntimeError (the start then counts as a failure).
    wait_ready: Callable[["subprocess.Popen"], None] | None = None
    process: subprocess.Popen | None = None
    started_at: float = 0.0
    next_start: float = 0.0
    failures: int = 0  # consecutive exits that came before the service was stable
    restarts: int = 0
    exits: list[int] = field(default_factory=list)


class Supervisor:
    def __init__(
        self,
        services: list[Service],
        *,
        log: Callable[[str], None],
        backoff_base: float = 1.0,
        backoff_max: float = 60.0,
        stable_after: float = 60.0,
        clock: Callable[[], float] = time.monotonic,
    ):
        self.services = services
        self.log = log
        self.backoff_base = backoff_base
        self.backoff_max = backoff_max
        self.stable_after = stable_after
        self.clock = clock

    def _say(self, message: str) -> None:
        self.log(f"{timezone.localtime():%H:%M:%S} [run_platform] {message}")

    def _start(self, service: Service) -> None:
        service.process = subprocess.Popen(  # noqa: S603 - argv built by run_platform
            service.argv, env=service.env, start_new_session=True
        )
        service.started_at = self.clock()
        self._say(
            _("%(name)s démarré (pid %(pid)d)") % {"name": service.name, "pid": service.process.pid}
        )
        if service.wait_ready is not None:
            try:
                service.wait_ready(service.process)
            except RuntimeError as exc:
                self._say(
                    _("%(name)s ne répond pas : %(error)s") % {"name": service.name, "error": exc}
                )
                self._terminate(service.process)

    def add(self, service: Service) -> None:
        """Supervise one more service, started now."""
        self.services.append(service)
        self._start(service)

    def poll(self) -> None:
        """Notice the services that exited, and start again those whose back-off is over."""
        now = self.clock()
        for service in self.services:
            if service.process is not None:
                code = service.process.poll()
                if code is None:
                    if now - service.started_at >= self.stable_after:
                        service.failures = 0
                    continue
                service.exits.append(code)
                ran_for = now - service.started_at
                service.failures = 0 if ran_for >= self.stable_after else service.failures + 1
                delay = min(self.backoff_base * 2 ** max(service.failures - 1, 0), self.backoff_max)
                service.process = None
                service.next_start = now + delay
                self._say(
                    _(
                        "%(name)s s’est arrêté (code %(code)s) après %(ran).0f s ; "
                        "redémarrage dans %(delay).0f s"
                    )
                    % {"name": service.name, "code": code, "ran": ran_for, "delay": delay}
                )
            elif now >= service.next_start:
                service.restarts += 1
                self._start(service)

    def run(self, *, interval: float = 0.5, until: Callable[[], bool] | None = None) -> None:
        """Supervise until Ctrl-C, SIGTERM or `until()`; then stop everything."""
        # Ctrl-C raises KeyboardInterrupt only where SIGINT was not ignored at start: a shell
        # script that runs `make run &` starts it with SIGINT ignored, and the stack then
        # never stopped on SIGINT (the soak bench found it). Both signals stop it, always.
        previous = {
            signum: signal.signal(signum, _raise_interrupt)
            for signum in (signal.SIGINT, signal.SIGTERM)
        }
        try:
            while until is None or not until():
                self.poll()
                time.sleep(interval)
        except KeyboardInterrupt:
            self._say(_("arrêt demandé"))
        finally:
            for signum, handler in previous.items():
                signal.signal(signum, handler)
            self.stop_all()

    def stop_all(self, timeout: float = 15.0) -> None:
        for service in reversed(self.services):
            if service.process is not None and service.process.poll() is None:
                self._terminate(service.process, timeout=timeout)
            service.process = None

    @staticmethod
    def _terminate(process: subprocess.Popen, timeout: float = 15.0) -> None:
        process.terminate()
        try:
            process.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def _raise_interrupt(signum, frame):
    raise KeyboardInterrupt
