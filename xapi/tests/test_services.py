"""The outbox's housekeeping: what the LRS has is deleted after XAPI_OUTBOX_KEEP_DAYS days,
never a statement still to send. (Sending is tested against Ralph in test_sender.py.)"""

from datetime import timedelta

import pytest
from django.utils import timezone

from xapi import services, statements, tasks
from xapi.models import OutboxStatement

pytestmark = pytest.mark.django_db


def rows(count, *, prefix, status, sent_days_ago=None):
    now = timezone.now()
    items = [
        statements.build(
            f"{prefix}:{n}",
            verb_name="registered",
            user_id=n,
            obj={"objectType": "Activity", "id": f"https://kalan.example/f/{n}/"},
            moment=now,
        )
        for n in range(count)
    ]
    services.outbox_add(items)
    sent_at = None if sent_days_ago is None else now - timedelta(days=sent_days_ago)
    made = OutboxStatement.objects.filter(statement__id__in=[s["id"] for _v, s in items])
    return made.update(status=status, sent_at=sent_at)


def test_sent_rows_older_than_the_retention_go_and_nothing_else(settings):
    settings.XAPI_OUTBOX_KEEP_DAYS = 30
    rows(3, prefix="old-sent", status="sent", sent_days_ago=31)
    rows(2, prefix="recent-sent", status="sent", sent_days_ago=29)
    rows(2, prefix="old-failing", status="failing")
    OutboxStatement.objects.filter(status="failing").update(
        created_at=timezone.now() - timedelta(days=400)
    )
    rows(1, prefix="waiting", status="waiting")

    assert tasks.outbox_purge() == 3
    left = sorted(OutboxStatement.objects.values_list("status", flat=True))
    assert left == ["failing", "failing", "sent", "sent", "waiting"]
    assert services.outbox_purge() == 0  # a second run finds nothing


def test_zero_keeps_everything(settings):
    settings.XAPI_OUTBOX_KEEP_DAYS = 0
    rows(2, prefix="kept", status="sent", sent_days_ago=3650)
    assert services.outbox_purge() == 0
    assert OutboxStatement.objects.count() == 2


def test_a_purge_larger_than_one_slice(settings, monkeypatch):
    settings.XAPI_OUTBOX_KEEP_DAYS = 1
    rows(12, prefix="many", status="sent", sent_days_ago=2)
    real_filter = OutboxStatement.objects.filter
    slices = []

    def counting_filter(*args, **kwargs):
        queryset = real_filter(*args, **kwargs)
        if "status" in kwargs:
            slices.append(1)
        return queryset

    monkeypatch.setattr(OutboxStatement.objects, "filter", counting_filter)
    monkeypatch.setattr(services, "PURGE_SLICE", 5)
    assert services.outbox_purge() == 12
    assert len(slices) == 4  # 5 + 5 + 2, then an empty slice ends it
    assert OutboxStatement.objects.count() == 0


def test_the_beat_runs_the_purge_daily(settings):
    entry = next(
        e for e in settings.CELERY_BEAT_SCHEDULE.values() if e["task"] == "xapi.tasks.outbox_purge"
    )
    assert entry["schedule"].hour == {3}
