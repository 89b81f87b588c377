"""`make run`'s processes: the embedded Redis (lms/embedded.py) and the supervisor that keeps
the web server up whatever happens to the worker, beat or the broker (lms/supervisor.py)."""

import os
import re
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from lms import embedded
from lms.supervisor import Service, Supervisor

ROOT = Path(__file__).resolve().parents[2]


def _redis(socket_path: Path, *command: str) -> bytes:
    """One command in Redis' inline protocol, its raw reply."""
    with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as client:
        client.settimeout(2)
        client.connect(str(socket_path))
        client.sendall(" ".join(command).encode() + b"\r\n")
        return client.recv(256)


def test_supervisor_restarts_a_crashing_service_with_back_off_and_leaves_the_others_alone():
    lines = []
    crashing = Service("worker", [sys.executable, "-c", "import sys; sys.exit(3)"])
    steady = Service("web", [sys.executable, "-c", "import time; time.sleep(60)"])
    supervisor = Supervisor([], log=lines.append, backoff_base=0.2, backoff_max=0.8)
    supervisor.add(crashing)
    supervisor.add(steady)
    web_pid = steady.process.pid
    deadline = time.monotonic() + 4
    while time.monotonic() < deadline:
        supervisor.poll()
        time.sleep(0.02)
    try:
        assert crashing.restarts >= 3
        assert set(crashing.exits) == {3}
        delays = [float(d) for d in re.findall(r"redémarrage dans (\d+) s", " ".join(lines))]
        # 0.2, 0.4, 0.8, 0.8… shown rounded: the back-off grows, then stays at its maximum.
        assert delays and max(delays) <= 1
        assert any("worker s’est arrêté (code 3)" in line for line in lines)
        assert steady.process.pid == web_pid and steady.process.poll() is None
        assert steady.restarts == 0
    finally:
        supervisor.stop_all(timeout=5)
    assert steady.process is None and crashing.process is None


def test_supervisor_back_off_doubles_is_capped_and_resets_once_stable():
    now = [0.0]
    lines = []
    supervisor = Supervisor(
        [], log=lines.append, backoff_base=1, backoff_max=4, stable_after=60, clock=lambda: now[0]
    )
    service = Service("beat", [sys.executable, "-c", "import sys; sys.exit(1)"])
    supervisor.add(service)
    for _ in range(40):
        if service.process is not None:
            service.process.wait()
        supervisor.poll()
        now[0] += 0.5
    # A service that ran for a minute before dying starts again after the base delay.
    service.argv = [sys.executable, "-c", "import time; time.sleep(60)"]
    while service.process is None:
        supervisor.poll()
        now[0] += 0.5
    now[0] += 61
    supervisor.poll()
    service.process.kill()
    service.process.wait()
    supervisor.poll()
    supervisor.stop_all()
    delays = [int(d) for d in re.findall(r"redémarrage dans (\d+) s", "\n".join(lines))]
    assert delays[:5] == [1, 2, 4, 4, 4]
    assert delays[-1] == 1


def test_embedded_redis_keeps_queued_messages_across_a_kill(tmp_path):
    """The broker's append-only file: a message queued before a SIGKILL is there after."""
    process = embedded.redis_start(tmp_path)
    socket_path = embedded.redis_socket(tmp_path)
    try:
        assert _redis(socket_path, "RPUSH", "celery", "message-1").startswith(b":1")
        time.sleep(1.5)  # appendfsync everysec
        process.kill()
        process.wait()
        process = embedded.redis_start(tmp_path)
        assert _redis(socket_path, "LRANGE", "celery", "0", "-1") == b"*1\r\n$9\r\nmessage-1\r\n"
        config = (tmp_path / "redis" / "redis.conf").read_text()
        assert "appendonly yes" in config and "port 0" in config
    finally:
        process.terminate()
        process.wait(timeout=10)


def test_socket_path_stays_within_the_unix_limit(tmp_path):
    deep = tmp_path / ("d" * 120)
    path = embedded.redis_socket(deep)
    assert len(str(path)) <= 100
    assert path != embedded.redis_socket(tmp_path / ("e" * 120))


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _get(url: str) -> tuple[int, bytes]:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:  # noqa: S310 - loopback only
            return response.status, response.read()
    except OSError:
        return 0, b""


@pytest.mark.timeout(120)
def test_run_platform_keeps_the_web_server_up_when_the_worker_and_redis_die(tmp_path):
    """The whole stack as `make run` starts it (without the demo set-up): killing the worker
    and the broker restarts them, the web server keeps answering, Ctrl-C stops everything."""
    port = _free_port()
    env = {
        key: value
        for key, value in os.environ.items()
        if key not in ("DATABASE_URL", "CELERY_BROKER_URL", "CACHE_URL", "DJANGO_SETTINGS_MODULE")
    }
    env.update(KALAN_VAR_DIR=str(tmp_path), DJANGO_SETTINGS_MODULE="lms.settings.dev", DEBUG="0")
    log = tmp_path / "run.log"
    with log.open("wb") as out:
        platform = subprocess.Popen(
            [sys.executable, "manage.py", "run_platform", "--addr", f"127.0.0.1:{port}"],
            cwd=ROOT,
            env=env,
            stdout=out,
            stderr=subprocess.STDOUT,
            start_new_session=True,
            # As `make run &` from a shell script starts it: SIGINT ignored. Ctrl-C (SIGINT)
            # must stop it all the same.
            preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_IGN),
        )
    pids = {}

    def wait_for(predicate, timeout=60):
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            text = log.read_text(errors="replace")
            pids.update(dict(re.findall(r"\] (\w+) démarré \(pid (\d+)\)", text)))
            if predicate(text):
                return text
            time.sleep(0.2)
        raise AssertionError(log.read_text(errors="replace")[-3000:])

    healthz = f"http://127.0.0.1:{port}/healthz"
    try:
        wait_for(lambda text: _get(healthz)[0] == 200 and "celery@" in text and "ready" in text)
        _status, body = _get(healthz)
        assert b'"broker": "ok"' in body
        old_worker, old_redis = int(pids["worker"]), int(pids["redis"])
        os.kill(old_worker, signal.SIGKILL)
        os.kill(old_redis, signal.SIGKILL)
        wait_for(lambda text: "worker s’est arrêté (code -9)" in text)
        wait_for(lambda text: int(pids["worker"]) != old_worker and int(pids["redis"]) != old_redis)
        assert _get(healthz)[0] == 200
        wait_for(lambda text: b'"broker": "ok"' in _get(healthz)[1])
        children = [int(pid) for pid in pids.values()]
    finally:
        platform.send_signal(signal.SIGINT)
        platform.wait(timeout=60)
    assert "arrêt demandé" in log.read_text(errors="replace")
    time.sleep(0.5)
    for pid in children:
        with pytest.raises(ProcessLookupError):
            os.kill(pid, 0)
