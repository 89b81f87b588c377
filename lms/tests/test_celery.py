"""A real worker thread consuming from the configured broker (Redis in CI, the embedded Redis
otherwise), not eager mode."""

import pytest
from django.core import mail

from lms.celery import app as celery_app


def test_app_configuration_is_reliable():
    conf = celery_app.conf
    assert conf.task_acks_late is True
    assert conf.task_reject_on_worker_lost is True
    assert conf.worker_prefetch_multiplier == 1
    assert conf.task_serializer == "json" and conf.accept_content == ["json"]
    assert conf.task_time_limit and conf.task_soft_time_limit < conf.task_time_limit
    assert conf.broker_url.startswith("redis")
    assert conf.broker_transport_options["visibility_timeout"] > 10 * conf.task_time_limit


def test_tasks_are_discovered_per_app():
    celery_app.loader.import_default_modules()
    assert "accounts.tasks.email_send" in celery_app.tasks


@pytest.mark.django_db(transaction=True)
def test_worker_round_trip_sends_the_email(celery_project_worker):
    from accounts.tasks import email_send

    email_send.delay(subject="Essai", body="Bonjour", to=["awa@example.ml"])
    import time

    deadline = time.monotonic() + 20
    while not mail.outbox and time.monotonic() < deadline:
        time.sleep(0.05)
    assert [m.subject for m in mail.outbox] == ["Essai"]
    assert mail.outbox[0].to == ["awa@example.ml"]
