"""Issue 21, point 6, against Ralph: the LRS away while 1,000 events happen, two workers at
once, a worker killed in the middle of a batch. Every statement arrives, none twice."""

import os
import signal
import subprocess
import sys
import threading
from collections import Counter
from datetime import date

import pytest
from django.conf import settings as django_settings
from django.db import connection
from django.utils import timezone

from accounts.tests.factories import LearnerFactory
from conftest import run_together
from courses import services as course_services
from courses.tests.factories import course_build
from xapi import services, statements
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


KILLED_WORKER = """
import time
import django
django.setup()
from xapi import services
real_post = services._post

def post_then_hang(session, batch):
    response = real_post(session, batch)
    print("POSTED", len(batch), response.status_code, flush=True)
    time.sleep(120)  # killed here: the LRS has the batch, the commit never comes
    return response

services._post = post_then_hang
services.outbox_flush(batch_size=50)
"""


@pytest.mark.django_db(transaction=True)
def test_a_worker_killed_mid_batch_loses_nothing_and_sends_nothing_twice(
    lrs, settings, monkeypatch
):
    # Only the killed worker sends here. The suite's in-process Celery worker (conftest's
    # celery_project_worker, alive for the whole session once a test starts it) could run an
    # earlier test's nudge meanwhile and send these rows first: in this process, the task's
    # service does nothing while the subprocess works.
    real_flush = services.outbox_flush
    monkeypatch.setattr(services, "outbox_nudge", lambda: None)
    monkeypatch.setattr(services, "outbox_flush", lambda **kwargs: services.FlushReport())
    ours = rows_make(120, "killed")
    assert OutboxStatement.objects.filter(status="waiting").count() == 120
    db = connection.settings_dict
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "lms.settings.test",
        "DATABASE_URL": f"postgres://{db['USER']}@{db['HOST']}:{db['PORT']}/{db['NAME']}",
        "XAPI_LRS_URL": lrs.xapi_url,
        "XAPI_LRS_KEY": settings.XAPI_LRS_KEY,
        "XAPI_LRS_SECRET": settings.XAPI_LRS_SECRET,
        "WAGTAILADMIN_BASE_URL": django_settings.WAGTAILADMIN_BASE_URL,
    }
    worker = subprocess.Popen(
        [sys.executable, "-c", KILLED_WORKER],
        env=env,
        cwd=django_settings.BASE_DIR,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        line = worker.stdout.readline()
        assert line.startswith("POSTED 50 200"), line + worker.stderr.read()
    finally:
        worker.send_signal(signal.SIGKILL)
        worker.wait(timeout=30)
    # The killed worker's transaction rolled back: nothing is marked sent, nothing is lost.
    assert OutboxStatement.objects.filter(status="sent").count() == 0
    assert sum(stored_counts(lrs)[i] for i in ours) == 50
    report = real_flush(batch_size=50)
    assert report.sent == 120 and report.failed == 0
    counts = stored_counts(lrs)
    assert all(counts[i] == 1 for i in ours)
