"""The sender against a real LRS (Ralph, xapi/tests/ralph.py): statements read back with
GET /xAPI/statements, none lost and none twice when the LRS was away or a batch is sent
again, and never an HTTP call in a learner's request."""

import socket
import threading
import time
from collections import Counter
from datetime import date, timedelta

import pytest
import requests
from django.urls import reverse
from django.utils import timezone

from accounts.tests.factories import LearnerFactory
from courses import services as course_services
from courses.tests.factories import course_build, lessons_of
from xapi import services, tasks
from xapi.models import OutboxStatement

from .factories import journey

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = str(tmp_path)


def stored_counts(ralph) -> Counter:
    return Counter(statement["id"] for statement in ralph.statements())


def ids(rows) -> set[str]:
    return {str(row.statement_id) for row in rows}


def test_a_journey_reaches_ralph_and_reads_back(lrs):
    journey()
    assert tasks.outbox_flush() == 8
    rows = list(OutboxStatement.objects.all())
    assert {row.status for row in rows} == {OutboxStatement.Status.SENT}
    assert all(row.sent_at and row.attempts == 0 for row in rows)
    stored = {s["id"]: s for s in lrs.statements()}
    # The « earned » statement is voided by the revocation: an LRS no longer lists it.
    earned = OutboxStatement.objects.get(verb="earned")
    assert ids(rows) - {str(earned.statement_id)} <= set(stored)
    for row in rows:
        if str(row.statement_id) in stored:
            back = stored[str(row.statement_id)]
            assert back["verb"]["id"] == row.statement["verb"]["id"]
            assert back["actor"]["account"] == row.statement["actor"]["account"]
    assert tasks.outbox_flush() == 0  # nothing left, nothing sent again


def enrol_many(count: int):
    course = course_build(modules=1, lessons=1)
    learners = LearnerFactory.create_batch(count)
    course_services.enrollments_due_set(
        course=course, due_dates={learner.pk: date(2027, 3, 1) for learner in learners}
    )
    return course


def test_lrs_away_then_back_every_statement_arrives_once(lrs, settings):
    settings.XAPI_BATCH_SIZE = 40
    lrs.stop()
    enrol_many(100)
    report = services.outbox_flush()
    assert report.sent == 0 and report.failed == 40  # the first batch fails, the run stops
    failing = OutboxStatement.objects.filter(status=OutboxStatement.Status.FAILING)
    assert failing.count() == 40
    row = failing.first()
    assert row.attempts == 1 and "ConnectionError" in row.last_error
    assert row.next_try_at > timezone.now() + timedelta(seconds=20)  # backed off
    # Each later run tries one batch of those never tried, and stops at its failure; then
    # nothing is due until the back-off ends.
    assert services.outbox_flush().failed == 40
    assert services.outbox_flush().failed == 20
    assert services.outbox_flush().failed == 0

    lrs.start()
    assert services.outbox_flush().sent == 0  # still backing off
    assert services.outbox_retry() == 100  # « Renvoyer » the failing ones
    assert services.outbox_flush().sent == 100
    counts = stored_counts(lrs)
    ours = ids(OutboxStatement.objects.all())
    assert all(counts[i] == 1 for i in ours)
    assert OutboxStatement.objects.exclude(status=OutboxStatement.Status.SENT).count() == 0


def test_a_batch_sent_again_after_a_crash_is_delivered_once(lrs, settings, monkeypatch):
    """A worker killed after the LRS stored its batch but before its commit: the rows are
    still waiting, and go again with new ones. Ralph drops the copies it already has; a copy
    it judges different (here one whose timestamp was written otherwise) makes it answer 409
    « Differing statements already exist » for the whole batch: the sender then sends one by
    one, counts that 409 as delivered, and the new ones are stored."""
    settings.XAPI_BATCH_SIZE = 50
    enrol_many(10)
    assert services.outbox_flush().sent == 10
    OutboxStatement.objects.update(status=OutboxStatement.Status.WAITING, sent_at=None)
    changed = OutboxStatement.objects.first()
    changed.statement["timestamp"] = "2026-01-01T00:00:00+00:00"
    changed.save(update_fields=["statement"])
    enrol_many(5)
    posts = []
    real_post = services._post
    monkeypatch.setattr(
        services,
        "_post",
        lambda session, batch: posts.append(len(batch)) or real_post(session, batch),
    )
    assert services.outbox_flush().sent == 15
    assert posts == [15] + [1] * 15  # the batch refused with 409, then one by one
    counts = stored_counts(lrs)
    assert len(ids(OutboxStatement.objects.all())) == 15
    assert all(counts[i] == 1 for i in ids(OutboxStatement.objects.all()))


class FakeLRS:
    """A local server that answers 500, or accepts and never answers."""

    def __init__(self, mode: str):
        self.mode = mode
        self.connections = 0
        self.sock = socket.socket()
        self.sock.bind(("127.0.0.1", 0))
        self.sock.listen(16)
        self.held = []
        self.thread = threading.Thread(target=self.serve, daemon=True)
        self.thread.start()

    @property
    def url(self):
        return f"http://127.0.0.1:{self.sock.getsockname()[1]}/xAPI/"

    def serve(self):
        while True:
            try:
                conn, _addr = self.sock.accept()
            except OSError:
                return
            self.connections += 1
            if self.mode == "500":
                conn.recv(65536)
                conn.sendall(
                    b"HTTP/1.1 500 Internal Server Error\r\nContent-Length: 5\r\n"
                    b"Connection: close\r\n\r\nboom!"
                )
                conn.close()
            else:
                self.held.append(conn)  # hangs

    def close(self):
        self.sock.close()
        for conn in self.held:
            conn.close()


@pytest.mark.parametrize("mode", ["500", "hang"])
def test_a_failing_lrs_never_slows_a_learners_request(
    mode, client, settings, monkeypatch, django_capture_on_commit_callbacks
):
    fake = FakeLRS(mode)
    settings.XAPI_LRS_URL = fake.url
    settings.XAPI_LRS_KEY, settings.XAPI_LRS_SECRET = "kalan", "secret"
    settings.XAPI_LRS_TIMEOUT = 1.0
    calls = []
    real_send = requests.Session.send
    monkeypatch.setattr(
        requests.Session, "send", lambda *a, **kw: calls.append(a) or real_send(*a, **kw)
    )
    try:
        learner = LearnerFactory()
        course = course_build(modules=1, lessons=1)
        client.force_login(learner)
        started = time.monotonic()
        with django_capture_on_commit_callbacks(execute=True):
            client.post(reverse("courses:enroll", args=[course.pk]))
            response = client.post(
                reverse("courses:lesson_complete", args=[lessons_of(course)[0].pk])
            )
        elapsed = time.monotonic() - started
        assert response.status_code in (200, 302)
        assert OutboxStatement.objects.filter(status="waiting").count() == 3
        assert calls == [] and fake.connections == 0  # no HTTP in the request cycle
        assert elapsed < 3

        # The worker meets the failure, records it and backs off.
        report = services.outbox_flush()
        assert report.failed == 3 and len(calls) == 1 and fake.connections == 1
        row = OutboxStatement.objects.first()
        assert row.status == OutboxStatement.Status.FAILING
        assert ("HTTP 500" if mode == "500" else "ReadTimeout") in row.last_error
    finally:
        fake.close()


def test_off_when_unset_the_outbox_fills_and_nothing_is_sent(settings, monkeypatch):
    settings.XAPI_LRS_URL = ""
    monkeypatch.setattr(
        requests.Session, "send", lambda *a, **kw: pytest.fail("no HTTP when unset")
    )
    enrol_many(3)
    assert services.outbox_flush().sent == 0
    assert OutboxStatement.objects.filter(status="waiting").count() == 3
