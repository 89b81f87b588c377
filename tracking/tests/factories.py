"""Data for supervision tests: a small command tree with a supervisor on each side."""

from dataclasses import dataclass

from accounts.models import Unit
from accounts.tests.factories import LearnerFactory, SupervisorFactory, UnitFactory


@dataclass
class Tree:
    gendarmerie: Unit
    mopti: Unit
    sevare: Unit
    segou: Unit


def tree_build() -> Tree:
    """Gendarmerie nationale › {Région de Mopti › Brigade de Sévaré, Région de Ségou}."""
    gendarmerie = UnitFactory(name="Gendarmerie nationale")
    mopti = UnitFactory(name="Région de Mopti", parent=gendarmerie)
    sevare = UnitFactory(name="Brigade de Sévaré", parent=Unit.objects.get(pk=mopti.pk))
    segou = UnitFactory(name="Région de Ségou", parent=Unit.objects.get(pk=gendarmerie.pk))
    return Tree(
        gendarmerie=Unit.objects.get(pk=gendarmerie.pk),
        mopti=Unit.objects.get(pk=mopti.pk),
        sevare=Unit.objects.get(pk=sevare.pk),
        segou=Unit.objects.get(pk=segou.pk),
    )


def supervisor_of(unit: Unit, **kwargs):
    return SupervisorFactory(supervised_units=[unit], **kwargs)


def learners_in(unit: Unit, count: int, **kwargs):
    return [LearnerFactory(unit=unit, **kwargs) for _ in range(count)]


def export_download(client, fmt: str, **params) -> bytes:
    """Asks for an export as the signed-in client, runs its job right here (eager Celery,
    on-commit callbacks executed), follows the job page and returns the downloaded file."""
    from urllib.parse import urlencode

    from django.test import TestCase, override_settings
    from django.urls import reverse

    url = reverse("tracking:export", args=[fmt])
    with (
        override_settings(CELERY_TASK_ALWAYS_EAGER=True),
        TestCase.captureOnCommitCallbacks(execute=True),
    ):
        response = client.post(f"{url}?{urlencode(params)}" if params else url)
    assert response.status_code == 302, response.status_code
    page = client.get(response["Location"])
    assert page.status_code == 200
    job = page.context["job"]
    assert job.status == "done", (job.status, job.message)
    download = client.get(reverse("jobs:job_download", args=[job.pk]))
    assert download.status_code == 200
    return b"".join(download.streaming_content)
