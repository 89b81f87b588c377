"""Issue 21, point 6, against Ralph: the LRS away while 1,000 events happen, two workers at
once, a worker killed in the middle of a batch. Every statement arrives, none twice."""

import http.server
import os
import signal
import subprocess
import sys
import threading
import time
from collections import Counter
from datetime import date
from pathlib import Path

import pytest
import requests
from django.conf import settings as django_settings
from django.db import connection
from django.utils import timezone

from accounts.tests.factories import LearnerFactory
from conftest import run_together
from courses import services as course_services
from courses.tests.factories import course_build
from xapi import services, statements, tasks
from xapi.models import OutboxStatement


def stored_counts(ralph) -> Counter:
    return Counter(statement["id"] for statement in ralph.statements())


def rows_make(count: int, prefix: str) -> set[str]:
    """`count` statements in the outbox, as the receivers write them."""
    items = [
        statements.build(
            f"{prefix}:{n}",
            verb_name="registered",
            user_id=n,
            obj={"objectType": "Activity", "id": f"https://kalan.example/formations/{n}/"},
            moment=timezone.now(),
        )
        for n in range(count)
    ]
    services.outbox_add(items)
    return {statement["id"] for _verb, statement in items}


@pytest.mark.django_db
def test_a_thousand_events_while_the_lrs_is_away_all_arrive_once(lrs, settings):
    lrs.stop()
    course = course_build(modules=1, lessons=1)
    learners = LearnerFactory.create_batch(1000)
    course_services.enrollments_due_set(
        course=course, due_dates={learner.pk: date(2027, 6, 1) for learner in learners}
    )
    assert OutboxStatement.objects.count() == 1000
    assert services.outbox_flush().failed == 100  # one batch tried, then the run stops
    lrs.start()
    OutboxStatement.objects.update(next_try_at=timezone.now())  # the back-off has passed
    report = services.outbox_flush()
    assert report.sent == 1000 and report.failed == 0
    counts = stored_counts(lrs)
    ours = {str(i) for i in OutboxStatement.objects.values_list("statement_id", flat=True)}
    assert len(ours) == 1000 and all(counts[i] == 1 for i in ours)


@pytest.mark.django_db(transaction=True)
def test_two_workers_never_send_the_same_statement(lrs, settings, monkeypatch):
    ours = rows_make(300, "two-workers")
    posted = []
    lock = threading.Lock()
    real_post = services._post

    def recording_post(session, batch):
        with lock:
            posted.extend(statement["id"] for statement in batch)
        return real_post(session, batch)

    monkeypatch.setattr(services, "_post", recording_post)
    results, errors = run_together(2, lambda: services.outbox_flush(batch_size=25))
    assert not errors
    assert sum(report.sent for report in results) == 300
    assert all(report.sent > 0 for report in results)  # both worked, on different rows
    assert Counter(posted) == Counter(dict.fromkeys(ours, 1))
    counts = stored_counts(lrs)
    assert all(counts[i] == 1 for i in ours)


class HangingProxy:
    """Between the worker and Ralph: forwards the first POST and hands Ralph's answer back
    only once released (the worker is killed before that); later requests go through."""

    def __init__(self, target: str):
        self.target = target.rstrip("/")
        self.forwarded = threading.Event()
        self.release = threading.Event()
        proxy = self

        class Handler(http.server.BaseHTTPRequestHandler):
            def log_message(self, *args):
                pass

            def do_POST(self):
                body = self.rfile.read(int(self.headers["Content-Length"]))
                answer = requests.post(
                    proxy.target + self.path.removeprefix("/xAPI"),
                    data=body,
                    headers={k: v for k, v in self.headers.items() if k.lower() != "host"},
                    timeout=30,
                )
                first = not proxy.forwarded.is_set()
                proxy.forwarded.set()
                if first:
                    proxy.release.wait(120)  # the LRS has the batch; the worker never hears
                self.send_response(answer.status_code)
                self.send_header("Content-Type", "application/json")
                self.end_headers()
                self.wfile.write(answer.content)

        self.server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        self.url = f"http://127.0.0.1:{self.server.server_port}/xAPI/"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def stop(self):
        self.release.set()
        self.server.shutdown()
        self.server.server_close()


def database_url() -> str:
    db = connection.settings_dict
    if db["ENGINE"].endswith("sqlite3"):
        return f"sqlite:///{db['NAME']}"
    return f"postgres://{db['USER']}@{db['HOST']}:{db['PORT']}/{db['NAME']}"


def celery_worker(queue: str, lrs_url: str, settings, log: Path) -> subprocess.Popen:
    """A real Celery worker (the `celery worker` command, solo pool: the task runs in this
    very process) on the test database and broker, consuming only `queue`, so that the
    suite's in-process worker never takes its task. What it prints goes to `log`."""
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "lms.settings.test",
        "DATABASE_URL": database_url(),
        "CELERY_BROKER_URL": django_settings.CELERY_BROKER_URL,
        "XAPI_LRS_URL": lrs_url,
        "XAPI_LRS_KEY": settings.XAPI_LRS_KEY,
        "XAPI_LRS_SECRET": settings.XAPI_LRS_SECRET,
        "XAPI_BATCH_SIZE": "50",
        "WAGTAILADMIN_BASE_URL": django_settings.WAGTAILADMIN_BASE_URL,
    }
    with log.open("ab") as output:
        return subprocess.Popen(
            [
                *(sys.executable, "-m", "celery", "-A", "lms", "worker", "--pool=solo"),
                *("-Q", queue, "--without-gossip", "--without-mingle", "--without-heartbeat"),
                *("-n", f"{queue}@%h", "--loglevel=INFO"),
            ],
            env=env,
            cwd=django_settings.BASE_DIR,
            stdout=output,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )


def tail(log: Path) -> str:
    return log.read_text(errors="replace")[-3000:] if log.exists() else "(no output)"


def worker_kill(worker: subprocess.Popen) -> None:
    if worker.poll() is None:
        os.killpg(worker.pid, signal.SIGKILL)
    worker.wait(timeout=30)


@pytest.mark.django_db(transaction=True)
def test_a_celery_worker_killed_mid_batch_loses_nothing_and_sends_nothing_twice(
    lrs, settings, monkeypatch, tmp_path
):
    """A real `celery worker` takes the flush task, the LRS stores its first batch of 50, and
    the worker is killed (SIGKILL) before it hears the answer: its transaction rolls back, so
    no row is marked sent and none is lost. A new worker, woken as beat wakes it, sends all
    120; the 50 that Ralph already has come back as « already have this id », and Ralph
    holds each statement once."""
    monkeypatch.setattr(services, "outbox_nudge", lambda: None)
    # Only the subprocess workers may send: the suite's in-process worker may still hold a
    # flush queued by an earlier test, and it would drain the outbox first.
    lrs_url = lrs.xapi_url
    settings.XAPI_LRS_URL = ""
    queue = f"xapi-kill-{os.getpid()}"
    ours = rows_make(120, "killed")
    proxy = HangingProxy(lrs_url)
    log = tmp_path / "workers.log"
    worker = celery_worker(queue, proxy.url, settings, log)
    try:
        tasks.outbox_flush.apply_async(queue=queue)
        assert proxy.forwarded.wait(180), "the worker never sent its first batch:\n" + tail(log)
        worker_kill(worker)
    finally:
        worker_kill(worker)
        proxy.stop()
    assert OutboxStatement.objects.filter(status="sent").count() == 0
    assert sum(stored_counts(lrs)[i] for i in ours) == 50

    worker = celery_worker(queue, lrs_url, settings, log)
    try:
        tasks.outbox_flush.apply_async(queue=queue)  # beat's next tick
        deadline = time.monotonic() + 180
        while OutboxStatement.objects.filter(status="sent").count() < 120:
            assert time.monotonic() < deadline, "the second worker stopped short:\n" + tail(log)
            time.sleep(0.5)
    finally:
        worker_kill(worker)
    counts = stored_counts(lrs)
    assert all(counts[i] == 1 for i in ours)
