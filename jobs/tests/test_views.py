from datetime import timedelta

import pytest
from django.core.files.base import ContentFile
from django.urls import reverse
from django.utils import timezone

from accounts.tests.factories import UserFactory
from jobs.models import Job

from .factories import JobFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def done_job(test_kind):
    job = JobFactory(status=Job.Status.DONE, message="3 lignes exportées.", result_name="a.csv")
    job.result.save("a.csv", ContentFile(b"matricule;nom\nT-1;Awa\n"))
    return job


def test_the_progress_page_refreshes_itself_while_the_job_runs(client, test_kind):
    job = JobFactory(status=Job.Status.RUNNING, processed=500, total=2000, progress=25)
    client.force_login(job.owner)
    body = client.get(reverse("jobs:job", args=[job.pk])).content.decode()
    assert '<meta http-equiv="refresh" content="2">' in body
    assert "En cours · 25 %" in body and "500 sur 2000" in body
    assert f'href="{reverse("jobs:job", args=[job.pk])}"' in body  # "Actualiser" without JS


def test_the_owner_sees_the_outcome_and_downloads_the_file(client, done_job):
    client.force_login(done_job.owner)
    page = client.get(reverse("jobs:job", args=[done_job.pk]))
    body = page.content.decode()
    assert "http-equiv" not in body
    assert "3 lignes exportées." in body
    assert reverse("jobs:job_download", args=[done_job.pk]) in body
    download = client.get(reverse("jobs:job_download", args=[done_job.pk]))
    assert download.status_code == 200
    assert download["Content-Disposition"] == 'attachment; filename="a.csv"'
    assert b"".join(download.streaming_content) == b"matricule;nom\nT-1;Awa\n"


def test_a_done_job_offers_its_links_onward_local_ones_only(client, test_kind):
    job = JobFactory(
        status=Job.Status.DONE,
        message="Importé.",
        outcome={
            "links": [
                {"label": "Voir la formation", "url": "/admin/pages/7/"},
                {"label": "Ailleurs", "url": "https://example.com/"},
                {"label": "Ailleurs aussi", "url": "//example.com/"},
                {"label": "Script", "url": "javascript:alert(1)"},
            ]
        },
    )
    client.force_login(job.owner)
    body = client.get(reverse("jobs:job", args=[job.pk])).content.decode()
    assert (
        '<a class="button button--secondary" href="/admin/pages/7/">Voir la formation</a>' in body
    )
    assert "example.com" not in body and "javascript:" not in body


def test_failed_jobs_list_their_errors(client, test_kind):
    job = JobFactory(
        status=Job.Status.FAILED,
        message="Rien n’a été importé : 2 erreurs.",
        errors=["Question 1 « A » : pas de bonne réponse", "Question 4 « D » : vide"],
    )
    client.force_login(job.owner)
    body = client.get(reverse("jobs:job", args=[job.pk])).content.decode()
    assert "Rien n’a été importé : 2 erreurs." in body
    assert "Question 4 « D » : vide" in body
    assert client.get(reverse("jobs:job_download", args=[job.pk])).status_code == 404


@pytest.mark.parametrize("name", ["jobs:job", "jobs:job_download"])
def test_anybody_else_gets_404(client, done_job, name):
    client.force_login(UserFactory(is_superuser=True, is_staff=True))
    response = client.get(reverse(name, args=[done_job.pk]))
    assert response.status_code == 404
    assert b"Awa" not in response.content


@pytest.mark.parametrize("name", ["jobs:job", "jobs:job_download"])
def test_the_kind_checks_the_owner_again_at_every_request(client, done_job, test_kind, name):
    client.force_login(done_job.owner)
    test_kind["allowed"] = False
    assert client.get(reverse(name, args=[done_job.pk])).status_code == 404


def test_an_expired_file_is_not_served(client, done_job):
    Job.objects.filter(pk=done_job.pk).update(expires_at=timezone.now() - timedelta(seconds=1))
    client.force_login(done_job.owner)
    assert client.get(reverse("jobs:job_download", args=[done_job.pk])).status_code == 404
    assert (
        "Le fichier a expiré"
        in client.get(reverse("jobs:job", args=[done_job.pk])).content.decode()
    )


def test_anonymous_visitors_are_sent_to_sign_in(client, done_job):
    response = client.get(reverse("jobs:job_download", args=[done_job.pk]))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("accounts:login"))


def test_a_job_of_a_kind_nobody_declares_is_404_not_500(client):
    job = JobFactory(kind="ancien.type", status=Job.Status.DONE)
    client.force_login(job.owner)
    assert client.get(reverse("jobs:job", args=[job.pk])).status_code == 404


def test_a_long_list_of_created_objects_is_cut_with_a_count(client, test_kind, monkeypatch):
    from jobs import selectors

    monkeypatch.setattr(selectors, "CREATED_SHOWN", 2)
    users = UserFactory.create_batch(3)
    job = JobFactory(
        status=Job.Status.DONE,
        message="3 comptes créés.",
        outcome={"created": {"accounts.user": [u.pk for u in users], "gone.model": [1]}},
    )
    client.force_login(job.owner)  # not staff: no admin link, only the names
    response = client.get(reverse("jobs:job", args=[job.pk]))
    body = response.content.decode()
    assert response.status_code == 200
    assert str(users[0]) in body and str(users[1]) in body and str(users[2]) not in body
    assert "Et 1 autre, non listé ici." in body
    assert "/admin/" not in body
