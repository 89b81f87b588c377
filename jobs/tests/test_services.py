import os
from datetime import timedelta

import pytest
from celery.exceptions import SoftTimeLimitExceeded
from django.core.files.base import ContentFile
from django.utils import timezone

from accounts.tests.factories import UserFactory
from conftest import run_together
from jobs import services
from jobs.models import Job

from .factories import JobFactory

pytestmark = pytest.mark.django_db


def test_a_job_runs_once_and_keeps_its_file(
    test_kind, django_capture_on_commit_callbacks, settings
):
    settings.CELERY_TASK_ALWAYS_EAGER = True
    owner = UserFactory()
    with django_capture_on_commit_callbacks(execute=True):
        job = services.job_create(owner=owner, kind="jobs.test", params={"a": 1})
    job.refresh_from_db()
    assert job.status == Job.Status.DONE and job.progress == 100
    assert job.message == "1 ligne." and job.result_name == "essai.csv"
    assert job.result.read() == b"matricule;nom\nT-1;Awa\n"
    assert job.started_at <= job.finished_at
    # Delivered again (acks_late after a lost connection): nothing runs a second time.
    services.job_run(job_id=job.pk)
    assert test_kind["runs"] == 1


def test_a_running_job_is_not_started_twice(test_kind):
    job = JobFactory(status=Job.Status.RUNNING, started_at=timezone.now())
    services.job_run(job_id=job.pk)
    assert test_kind["runs"] == 0
    assert Job.objects.get(pk=job.pk).status == Job.Status.RUNNING


def test_an_expected_failure_keeps_its_message_and_errors(test_kind):
    test_kind["behaviour"] = "fail"
    job = JobFactory()
    services.job_run(job_id=job.pk)
    job.refresh_from_db()
    assert job.status == Job.Status.FAILED
    assert job.message == "Refusé pour la démonstration."
    assert job.errors == ["Question 2 : x"]
    assert not job.result


def test_a_bug_fails_the_job_with_a_plain_message_in_the_owners_language(test_kind):
    test_kind["behaviour"] = "crash"
    job = JobFactory(owner=UserFactory(language="en"))
    services.job_run(job_id=job.pk)
    job.refresh_from_db()
    assert job.status == Job.Status.FAILED
    assert "bug" not in job.message and "Traceback" not in job.message
    assert job.message == "An unexpected error stopped the task. Try again later."


def test_the_soft_time_limit_fails_the_job_with_its_reason(test_kind):
    def slow(job, report):
        raise SoftTimeLimitExceeded

    test_kind["behaviour"] = slow
    job = JobFactory()
    services.job_run(job_id=job.pk)
    job.refresh_from_db()
    assert job.status == Job.Status.FAILED
    assert "durée maximale de 10 minutes" in job.message


def test_the_upload_is_deleted_once_the_job_ran(test_kind):
    job = JobFactory()
    job.upload.save("envoi", ContentFile(b"::Q:: x {T}"))
    path = job.upload.path
    services.job_run(job_id=job.pk)
    job.refresh_from_db()
    assert not job.upload
    assert not os.path.exists(path)


def test_at_most_n_active_jobs_per_user_then_a_clear_message(test_kind, settings):
    settings.KALAN_JOBS_MAX_ACTIVE_PER_USER = 2
    owner, other = UserFactory(), UserFactory()
    services.job_create(owner=owner, kind="jobs.test", params={})
    services.job_create(owner=owner, kind="jobs.test", params={})
    with pytest.raises(services.JobRefused) as refused:
        services.job_create(owner=owner, kind="jobs.test", params={})
    assert "Vous avez déjà 2 exports ou imports en cours" in str(refused.value)
    assert Job.objects.filter(owner=owner).count() == 2
    # Another user is not affected, and a finished job frees a place.
    services.job_create(owner=other, kind="jobs.test", params={})
    Job.objects.filter(owner=owner).update(status=Job.Status.DONE)
    services.job_create(owner=owner, kind="jobs.test", params={})


@pytest.mark.django_db(transaction=True)
def test_simultaneous_requests_do_not_exceed_the_limit(test_kind, settings, monkeypatch):
    settings.KALAN_JOBS_MAX_ACTIVE_PER_USER = 2
    owner = UserFactory()
    # The jobs stay queued: the suite's worker would otherwise finish one while the others
    # are still being created, and a finished job rightly frees a place.
    from jobs import tasks

    monkeypatch.setattr(tasks.job_run, "delay_on_commit", lambda *args, **kwargs: None)

    def create():
        return services.job_create(owner=owner, kind="jobs.test", params={})

    results, errors = run_together(6, create)
    assert len(results) == 2, errors
    assert all(isinstance(error, services.JobRefused) for error in errors)
    assert Job.objects.filter(owner=owner).count() == 2


def test_the_sweep_fails_dead_jobs_and_deletes_expired_files(test_kind, settings):
    now = timezone.now()
    dead = JobFactory(
        status=Job.Status.RUNNING,
        started_at=now - timedelta(seconds=settings.KALAN_JOBS_TIME_LIMIT + 120),
    )
    alive = JobFactory(status=Job.Status.RUNNING, started_at=now - timedelta(seconds=30))
    stuck = JobFactory(status=Job.Status.QUEUED)
    Job.objects.filter(pk=stuck.pk).update(created_at=now - timedelta(hours=2))
    expired = JobFactory(status=Job.Status.DONE, expires_at=now - timedelta(minutes=1))
    expired.result.save("vieux.csv", ContentFile(b"x"))
    expired_path = expired.result.path
    kept = JobFactory(status=Job.Status.DONE)

    assert services.jobs_sweep(now=now) == {"failed": 2, "deleted": 1}
    dead.refresh_from_db()
    assert dead.status == Job.Status.FAILED and "interrompue" in dead.message
    assert Job.objects.get(pk=stuck.pk).status == Job.Status.FAILED
    assert Job.objects.get(pk=alive.pk).status == Job.Status.RUNNING
    assert not Job.objects.filter(pk=expired.pk).exists()
    assert not os.path.exists(expired_path)
    assert Job.objects.filter(pk=kept.pk).exists()
    # A second run finds nothing more to do.
    assert services.jobs_sweep(now=now) == {"failed": 0, "deleted": 0}


def test_a_job_of_a_kind_nobody_declares_fails_instead_of_staying_queued():
    job = JobFactory(kind="ancien.type")
    services.job_run(job_id=job.pk)
    job.refresh_from_db()
    assert job.status == Job.Status.FAILED and "n’existe plus" in job.message


def test_the_sweep_is_scheduled_and_registered(settings):
    from lms.celery import app

    app.loader.import_default_modules()
    task = settings.CELERY_BEAT_SCHEDULE["jobs-sweep"]["task"]
    assert task in app.tasks
