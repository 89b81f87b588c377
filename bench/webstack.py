"""What bench/ttfb.py and bench/memory.py share: production settings for a gunicorn started
here, a minimal HTTP/1.1 client that times the first byte of each answer, the same requests
through the WSGI handler in this process, and a demo learner's sign-in.

Not a benchmark by itself. The client speaks plain HTTP to gunicorn and sends
`X-Forwarded-Proto: https`, as the TLS proxy of the README's production layout does: TLS is
the proxy's work, not Kalan's."""

import os
import re
import secrets
import shlex
import signal
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from urllib.parse import urlencode

ROOT = Path(__file__).resolve().parent.parent
VENV_BIN = ROOT / ".venv" / "bin"
DEMO_PASSWORD = "kalan-demo-2026"  # noqa: S105 (lms/management/commands/load_demo.py)


def production_env(port: int) -> dict:
    """The environment of a production web process on this machine. DATABASE_URL and
    CACHE_URL come from the caller (production refuses to start without a shared cache);
    static files are collected once into a directory of their own (the manifest storage
    needs them)."""
    env = dict(os.environ)
    missing = [name for name in ("DATABASE_URL", "CACHE_URL") if not env.get(name)]
    if missing:
        sys.exit(f"set {' and '.join(missing)} (PostgreSQL with the demo, a Redis cache)")
    env["DJANGO_SETTINGS_MODULE"] = "lms.settings.production"
    env.setdefault("SECRET_KEY", secrets.token_urlsafe(50))
    env.setdefault("ALLOWED_HOSTS", "127.0.0.1,localhost")
    env.setdefault("CELERY_BROKER_URL", "redis://127.0.0.1:6379/5")
    scratch = Path(tempfile.gettempdir())
    env.setdefault("KALAN_VAR_DIR", str(scratch / "kalan-bench-var"))
    env.setdefault("STATIC_ROOT", str(scratch / "kalan-bench-static"))
    env.setdefault("LOG_LEVEL", "WARNING")
    env.setdefault("WAGTAILADMIN_BASE_URL", f"https://127.0.0.1:{port}")
    return env


def collectstatic(env: dict) -> None:
    if (Path(env["STATIC_ROOT"]) / "staticfiles.json").exists():
        return
    subprocess.run(
        [sys.executable, "manage.py", "collectstatic", "--noinput", "-v0"],
        cwd=ROOT,
        env=env,
        check=True,
    )


def self_signed(directory: Path) -> list[str]:
    """gunicorn's arguments to serve HTTPS with a P-256 certificate made here (as
    bench/load/run.sh does)."""
    key, cert = directory / "key.pem", directory / "cert.pem"
    subprocess.run(
        ["openssl", "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1",
         "-nodes", "-days", "2", "-subj", "/CN=127.0.0.1", "-keyout", str(key), "-out", str(cert)],
        check=True,
        capture_output=True,
    )  # fmt: skip
    return ["--certfile", str(cert), "--keyfile", str(key)]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Gunicorn:
    """gunicorn in its own process group, stopped (with its workers) on exit."""

    def __init__(self, args: str, port: int, env: dict, log: Path, tls_args=()):
        self.port = port
        self.tls = bool(tls_args)
        self.argv = [
            str(VENV_BIN / "gunicorn"),
            "lms.wsgi",
            *shlex.split(args),
            *tls_args,
            "--bind",
            f"127.0.0.1:{port}",
            "--log-level",
            "warning",
            "--error-logfile",
            str(log),
        ]
        self.process = subprocess.Popen(self.argv, cwd=ROOT, env=env, start_new_session=True)
        deadline = time.monotonic() + 90
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                sys.exit(f"gunicorn stopped (see {log})")
            try:
                probe = Connection("127.0.0.1", port, tls=self.tls)
                status, *_ = probe.request("GET", "/healthz")
                probe.close()
                if status == 200:
                    return
            except OSError:
                pass
            time.sleep(0.3)
        self.stop()
        sys.exit("gunicorn did not answer /healthz within 90 s")

    def worker_pids(self) -> list[int]:
        pids = []
        for stat in Path("/proc").glob("[0-9]*/stat"):
            try:
                fields = stat.read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            if int(fields[1]) == self.process.pid:
                pids.append(int(stat.parent.name))
        return sorted(pids)

    def cpu_seconds(self) -> float:
        """CPU time (user + system) spent so far by the master and its live workers."""
        ticks = 0
        for pid in [self.process.pid, *self.worker_pids()]:
            try:
                fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            ticks += int(fields[11]) + int(fields[12])  # utime, stime
        return ticks / os.sysconf("SC_CLK_TCK")

    def stop(self) -> None:
        if self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGTERM)
            try:
                self.process.wait(30)
            except subprocess.TimeoutExpired:
                os.killpg(self.process.pid, signal.SIGKILL)
                self.process.wait()


class Response:
    def __init__(self, status: int, headers: dict, body: bytes, ttfb: float, wire: int):
        self.status = status
        self.headers = headers
        self.body = body
        self.ttfb = ttfb  # seconds from the request's first byte sent to the answer's first
        self.wire = wire  # bytes received, headers included


class Connection:
    """One kept-alive HTTP/1.1 connection; opened again (outside the timing) when the server
    closed it, as gunicorn's sync workers do after every answer."""

    def __init__(self, host: str, port: int, *, tls: bool = False, fresh: bool = False):
        """tls: speak HTTPS (without checking the certificate: the bench made it); fresh: a
        new connection for every request, its set-up (TCP, TLS handshake) counted in the
        time to first byte, as for a phone whose kept-alive connection was closed."""
        self.host, self.port = host, port
        self.sock = None
        self.fresh = fresh
        self.tls = None
        if tls:
            import ssl

            self.tls = ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
            self.tls.check_hostname = False
            self.tls.verify_mode = ssl.CERT_NONE

    def _open(self):
        self.sock = socket.create_connection((self.host, self.port), timeout=30)
        self.sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        if self.tls is not None:
            self.sock = self.tls.wrap_socket(self.sock, server_hostname=self.host)

    def close(self):
        if self.sock is not None:
            self.sock.close()
            self.sock = None

    def request(self, method, path, headers=None, body=b""):
        start = time.perf_counter()
        if self.fresh:
            self.close()
        if self.sock is None:
            self._open()
        if not self.fresh:
            start = time.perf_counter()
        lines = [f"{method} {path} HTTP/1.1", f"Host: {self.host}:{self.port}"]
        lines += [f"{k}: {v}" for k, v in (headers or {}).items()]
        if body or method == "POST":
            lines.append(f"Content-Length: {len(body)}")
        raw = ("\r\n".join(lines) + "\r\n\r\n").encode("latin-1") + body
        self.sock.sendall(raw)
        first = self.sock.recv(65536)
        ttfb = time.perf_counter() - start
        if not first:  # closed by the server before answering: once more on a new one
            self.close()
            return self.request(method, path, headers, body)
        data = first
        while b"\r\n\r\n" not in data:
            data += self._recv()
        head, rest = data.split(b"\r\n\r\n", 1)
        status_line, *header_lines = head.decode("latin-1").split("\r\n")
        status = int(status_line.split()[1])
        response_headers: dict[str, list[str]] = {}
        for line in header_lines:
            name, value = line.split(":", 1)
            response_headers.setdefault(name.strip().lower(), []).append(value.strip())
        if "chunked" in response_headers.get("transfer-encoding", [""])[0]:
            body_bytes, rest = self._chunked(rest)
        else:
            length = int(response_headers.get("content-length", ["0"])[0])
            while len(rest) < length:
                rest += self._recv()
            body_bytes = rest[:length]
        wire = len(head) + 4 + len(body_bytes)
        if response_headers.get("connection", [""])[0].lower() == "close":
            self.close()
        return status, response_headers, body_bytes, ttfb, wire

    def _recv(self):
        chunk = self.sock.recv(65536)
        if not chunk:
            raise ConnectionError("connection closed in the middle of an answer")
        return chunk

    def _chunked(self, data):
        body = b""
        while True:
            while b"\r\n" not in data:
                data += self._recv()
            size_line, data = data.split(b"\r\n", 1)
            size = int(size_line.split(b";")[0], 16)
            while len(data) < size + 2:
                data += self._recv()
            body += data[:size]
            data = data[size + 2 :]
            if size == 0:
                return body, data


class InProcess:
    """The same requests through Django's WSGI handler in this process: no socket, no
    gunicorn; the first byte is the first chunk the application returns."""

    def __init__(self):
        from lms.wsgi import application

        self.application = application

    def request(self, method, path, headers=None, body=b""):
        import io

        path_only, _, query = path.partition("?")
        environ = {
            "REQUEST_METHOD": method,
            "PATH_INFO": path_only,
            "QUERY_STRING": query,
            "SERVER_NAME": "127.0.0.1",
            "SERVER_PORT": "8000",
            "SERVER_PROTOCOL": "HTTP/1.1",
            "REMOTE_ADDR": "127.0.0.1",
            "wsgi.url_scheme": "http",
            "wsgi.input": io.BytesIO(body),
            "wsgi.errors": sys.stderr,
            "wsgi.version": (1, 0),
            "wsgi.multithread": False,
            "wsgi.multiprocess": True,
            "wsgi.run_once": False,
            "HTTP_HOST": "127.0.0.1:8000",
        }
        for name, value in (headers or {}).items():
            key = name.upper().replace("-", "_")
            if key in ("CONTENT_TYPE", "CONTENT_LENGTH"):
                environ[key] = value
            else:
                environ[f"HTTP_{key}"] = value
        if body:
            environ["CONTENT_LENGTH"] = str(len(body))
        started = {}

        def start_response(status, response_headers, exc_info=None):
            started["status"] = int(status.split()[0])
            started["headers"] = response_headers

        start = time.perf_counter()
        result = self.application(environ, start_response)
        chunks = iter(result)
        first = next(chunks, b"")
        ttfb = time.perf_counter() - start
        body_bytes = first + b"".join(chunks)
        if hasattr(result, "close"):
            result.close()
        response_headers: dict[str, list[str]] = {}
        for name, value in started["headers"]:
            response_headers.setdefault(name.lower(), []).append(value)
        return started["status"], response_headers, body_bytes, ttfb, len(body_bytes)

    def close(self):
        pass


class Browser:
    """Cookies and the proxy's headers over one transport (a Connection or InProcess)."""

    def __init__(self, transport, origin: str, accept_encoding: str | None = None):
        self.transport = transport
        self.origin = origin
        self.cookies: dict[str, str] = {}
        self.accept_encoding = accept_encoding

    def request(self, method, path, data=None) -> Response:
        headers = {"X-Forwarded-Proto": "https", "User-Agent": "kalan-bench"}
        if self.accept_encoding:
            headers["Accept-Encoding"] = self.accept_encoding
        if self.cookies:
            headers["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        body = b""
        if data is not None:
            body = urlencode(data).encode()
            headers["Content-Type"] = "application/x-www-form-urlencoded"
            headers["Origin"] = self.origin
            headers["Referer"] = self.origin + path
        status, response_headers, body_bytes, ttfb, wire = self.transport.request(
            method, path, headers, body
        )
        for cookie in response_headers.get("set-cookie", []):
            name, _, rest = cookie.partition("=")
            value = rest.split(";", 1)[0]
            if value in ('""', ""):
                self.cookies.pop(name, None)
            else:
                self.cookies[name] = value
        return Response(status, response_headers, body_bytes, ttfb, wire)

    def sign_in(self, path: str, username: str, password: str, field="username") -> None:
        form = self.request("GET", path)
        match = re.search(rb'name="csrfmiddlewaretoken" value="([^"]+)"', form.body)
        if form.status != 200 or match is None:
            sys.exit(f"GET {path}: {form.status}, no sign-in form")
        answer = self.request(
            "POST",
            path,
            {"csrfmiddlewaretoken": match.group(1).decode(), field: username, "password": password},
        )
        if answer.status != 302:
            sys.exit(f"POST {path} as {username}: {answer.status} (expected a redirect)")


def kalan_lesson_path(env: dict, matricule: str = "OPJ-0001") -> str:
    """The first lesson, in the tree's order, of the first course the learner is enrolled in."""
    code = (
        "import django; django.setup()\n"
        "from courses.models import Enrollment, LessonPage\n"
        f"e = Enrollment.objects.filter(learner__matricule={matricule!r}).order_by('pk').first()\n"
        "lesson = LessonPage.objects.live().descendant_of(e.course).order_by('path').first()\n"
        "print(lesson.url)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True, check=False
    )
    if result.returncode != 0:
        sys.exit(f"could not find the learner's lesson (demo loaded?):\n{result.stderr}")
    return result.stdout.strip().splitlines()[-1]


class LayerTimer:
    """Where the time of one in-process request goes: each middleware's own time (its work
    before and after the next one), the session and user loads, the site lookup and the
    routing (Kalan's, then Wagtail's), the template rendering, and the SQL (count and time).
    Patches this process only; what is loaded lazily (the session, the user) is counted apart
    from the middleware that first touched it."""

    def __init__(self, application):
        import django.contrib.auth as auth
        from django.contrib.sessions.backends import cached_db
        from django.db import connection
        from django.template import response as template_response
        from wagtail.models import Page, Site

        self.totals: dict[str, float] = {}
        self.cpu: dict[str, float] = {}
        self.queries = 0
        self.sql = 0.0
        self.names = []
        chain = application._middleware_chain
        layer = chain
        instances = []
        while hasattr(layer, "__wrapped__") and hasattr(layer.__wrapped__, "get_response"):
            instances.append(layer.__wrapped__)
            layer = layer.__wrapped__.get_response
        for index, instance in enumerate(instances):
            name = type(instance).__name__
            self.names.append(name)
            instance.get_response = self._inside(instance.get_response, f"inside {index}")

        def timed(owner, attribute, label):
            original = getattr(owner, attribute)

            def wrapper(*args, **kwargs):
                start, cpu = time.perf_counter(), time.thread_time()
                try:
                    return original(*args, **kwargs)
                finally:
                    self._add(label, time.perf_counter() - start, time.thread_time() - cpu)

            setattr(owner, attribute, wrapper)

        timed(cached_db.SessionStore, "load", "session load (cached_db)")
        timed(auth, "get_user", "user load")
        try:  # since issue 22: the site and the route found by lms/routing.py first
            from lms import routing

            timed(routing, "site_for_request", "site for the request")
            timed(routing, "route_for_request", "site + route to the page (lms.routing)")
        except ImportError:
            pass
        timed(Site, "find_for_request", "site for the request")
        timed(Page, "route_for_request", "site + route to the page (Wagtail)")
        timed(template_response.SimpleTemplateResponse, "render", "template rendering")
        self._connection = connection

    def _add(self, label, seconds, cpu):
        self.totals[label] = self.totals.get(label, 0.0) + seconds
        self.cpu[label] = self.cpu.get(label, 0.0) + cpu

    def _inside(self, get_response, label):
        def wrapper(request):
            start, cpu = time.perf_counter(), time.thread_time()
            try:
                return get_response(request)
            finally:
                self._add(label, time.perf_counter() - start, time.thread_time() - cpu)

        return wrapper

    def sql_wrapper(self, execute, sql, params, many, context):
        start = time.perf_counter()
        try:
            return execute(sql, params, many, context)
        finally:
            self.queries += 1
            self.sql += time.perf_counter() - start

    def run(self, call, count):
        """`call()` `count` times; for each part, the mean wall time and the mean CPU time of
        this thread, in ms (the CPU column does not count the waits for PostgreSQL and
        Redis, nor for the other processes of a busy machine)."""
        self.totals, self.cpu = {}, {}
        self.queries, self.sql = 0, 0.0
        with self._connection.execute_wrapper(self.sql_wrapper):
            for _ in range(count):
                start, cpu = time.perf_counter(), time.thread_time()
                call()
                self._add("whole request", time.perf_counter() - start, time.thread_time() - cpu)
        wall = {label: seconds * 1000 / count for label, seconds in self.totals.items()}
        cpu = {label: seconds * 1000 / count for label, seconds in self.cpu.items()}
        rows = [("whole request", wall["whole request"], cpu["whole request"])]
        outer = (wall["whole request"], cpu["whole request"])
        for index, name in enumerate(self.names):
            inner = (wall.get(f"inside {index}", 0.0), cpu.get(f"inside {index}", 0.0))
            rows.append((f"middleware {name} (own)", outer[0] - inner[0], outer[1] - inner[1]))
            outer = inner
        rows.append(("URL resolving, view, rendering (below the middleware)", *outer))
        for label in (
            "session load (cached_db)",
            "user load",
            "site for the request",
            "site + route to the page (lms.routing)",
            "site + route to the page (Wagtail)",
            "template rendering",
        ):
            rows.append((f"  of which {label}", wall.get(label, 0.0), cpu.get(label, 0.0)))
        rows.append(("SQL: time waiting for PostgreSQL", self.sql * 1000 / count, 0.0))
        rows.append(("SQL: queries per request", self.queries / count, 0.0))
        return rows
