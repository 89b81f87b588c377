"""Ralph (PyPI `ralph-malph`, the LRS of France Université Numérique), run by the tests.

Ralph's pins (fastapi, pydantic, bcrypt) differ from ours, so it lives in its own virtual
environment under var/test/ralph/, reused while its requirements are unchanged. Its
file-system backend needs no other server; its credentials are made by `ralph auth`. The same
environment validates statements with Ralph's pydantic xAPI models (`validate`).

Ralph is served by uvicorn like `ralph runserver -b fs` does, with two differences (SERVE):
no auto-reload (runserver watches the current directory and restarts on any change), and the
fs LRS backend appends to its file. Ralph 5.1.0's fs LRS writes with operation CREATE, so
every POST after the first answers 500 « Statements bulk indexation failed » (the file
exists); with APPEND it keeps every statement, and still answers 409 to a known id."""

import hashlib
import json
import os
import shutil
import socket
import subprocess
import sys
import time
from pathlib import Path

import requests

REQUIREMENTS = ["ralph-malph[cli,lrs]==5.1.0", "requests"]
KEY = "kalan"
SECRET = "kalan-test-secret"

VALIDATE = """
import json, sys
from ralph.models.xapi.base.statements import BaseXapiStatement
errors = []
for index, statement in enumerate(json.load(sys.stdin)):
    try:
        BaseXapiStatement.model_validate(statement)
    except Exception as exc:
        errors.append(f"{index}: {exc}")
print(json.dumps(errors))
"""


SERVE = """
import sys
import uvicorn
from ralph.backends.data.base import BaseOperationType
from ralph.backends.lrs.fs import FSLRSBackend
from ralph.conf import settings

FSLRSBackend.default_operation_type = BaseOperationType.APPEND
uvicorn.run("ralph.api:app", host="127.0.0.1", port=int(sys.argv[1]), log_config=settings.LOGGING)
"""


class RalphUnavailable(Exception):
    pass


def install(root: Path) -> Path:
    """The venv's directory, created or reused. Raises RalphUnavailable with pip's words."""
    venv = root / "venv"
    stamp = root / "requirements.sha256"
    digest = hashlib.sha256("\n".join(REQUIREMENTS).encode()).hexdigest()
    ralph = venv / "bin" / "ralph"
    if ralph.exists() and stamp.exists() and stamp.read_text().strip() == digest:
        return venv
    shutil.rmtree(venv, ignore_errors=True)
    root.mkdir(parents=True, exist_ok=True)
    steps = [
        [sys.executable, "-m", "venv", str(venv)],
        [str(venv / "bin" / "pip"), "install", "-q", *REQUIREMENTS],
    ]
    for step in steps:
        done = subprocess.run(step, capture_output=True, text=True, timeout=900)
        if done.returncode != 0:
            raise RalphUnavailable(
                f"{' '.join(step)} a échoué ({done.returncode}) :\n{done.stderr[-2000:]}"
            )
    stamp.write_text(digest)
    return venv


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class Ralph:
    def __init__(self, venv: Path, workdir: Path):
        self.venv = venv
        self.home = workdir / "home"
        self.data = workdir / "data"
        self.log = workdir / "ralph.log"
        self.port = free_port()
        self.process = None
        self.data.mkdir(parents=True, exist_ok=True)
        self.env = {
            **os.environ,
            "HOME": str(self.home),
            "RALPH_RUNSERVER_BACKEND": "fs",
            "RALPH_BACKENDS__LRS__FS__DEFAULT_DIRECTORY_PATH": str(self.data),
        }
        done = subprocess.run(
            [
                str(venv / "bin" / "ralph"),
                "auth",
                "-u",
                KEY,
                "-p",
                SECRET,
                "-s",
                "all",
                "-A",
                "kalan",
                "https://kalan.example",
                "-w",
            ],
            env=self.env,
            capture_output=True,
            text=True,
            timeout=120,
        )
        if done.returncode != 0:
            raise RalphUnavailable(f"ralph auth a échoué :\n{done.stderr[-2000:]}")

    @property
    def base(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    @property
    def xapi_url(self) -> str:
        return f"{self.base}/xAPI/"

    def start(self, timeout: float = 60.0) -> None:
        command = [str(self.venv / "bin" / "python"), "-c", SERVE, str(self.port)]
        with self.log.open("a") as log:
            self.process = subprocess.Popen(
                command, env=self.env, stdout=log, stderr=log, cwd=self.home
            )
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RalphUnavailable(f"ralph runserver s’est arrêté :\n{self.log.read_text()}")
            try:
                if requests.get(f"{self.base}/__heartbeat__", timeout=1).ok:
                    return
            except requests.RequestException:
                pass
            time.sleep(0.2)
        self.stop()
        raise RalphUnavailable(f"ralph n’a pas répondu en {timeout} s :\n{self.log.read_text()}")

    def stop(self) -> None:
        if self.process is not None and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        self.process = None

    def statements(self) -> list[dict]:
        """Every statement Ralph holds, following the `more` links."""
        found, url = [], f"{self.base}/xAPI/statements?limit=500"
        while url:
            response = requests.get(
                url,
                auth=(KEY, SECRET),
                headers={"X-Experience-API-Version": "1.0.3"},
                timeout=30,
            )
            response.raise_for_status()
            body = response.json()
            found += body["statements"]
            url = f"{self.base}{body['more']}" if body.get("more") else None
        return found

    def validate(self, statements: list[dict]) -> list[str]:
        """Ralph's pydantic xAPI models' objections, one per invalid statement."""
        done = subprocess.run(
            [str(self.venv / "bin" / "python"), "-c", VALIDATE],
            input=json.dumps(statements),
            capture_output=True,
            text=True,
            timeout=120,
        )
        if done.returncode != 0:
            raise RalphUnavailable(done.stderr[-2000:])
        return json.loads(done.stdout)
