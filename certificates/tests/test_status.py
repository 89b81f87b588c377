"""The completion page asks whether its certificate is issued yet (issue 16, point 4): the
learner's own completed enrollment only, and the links once the task has issued it, through
the same service the task calls."""

import pytest
from django.template import Context, Template
from django.test import RequestFactory
from django.urls import reverse
from django.utils import timezone

from accounts.tests.factories import LearnerFactory, SupervisorFactory, UnitFactory
from certificates import services
from certificates.tests.factories import completed_enrollment
from courses import services as course_services
from courses.tests.factories import course_build

pytestmark = pytest.mark.django_db


@pytest.fixture
def completed(settings, tmp_path):
    settings.MEDIA_ROOT = str(tmp_path)
    learner = LearnerFactory(full_name="Awa Touré", unit=UnitFactory())
    return completed_enrollment(learner=learner)


def status_url(enrollment):
    return reverse("certificates:status", args=[enrollment.course_id])


def test_not_ready_then_ready_with_the_pdf_and_the_verification_page(client, completed):
    client.force_login(completed.learner)
    response = client.get(status_url(completed))
    assert response.status_code == 200
    assert response.json() == {"ready": False}
    assert "no-cache" in response["Cache-Control"]

    certificate = services.certificate_issue(
        learner_id=completed.learner_id, course_id=completed.course_id
    )
    response = client.get(status_url(completed))
    assert response.json() == {
        "ready": True,
        "pdf": f"/certificats/{certificate.serial}/pdf/",
        "verify": f"/certificats/verifier/{certificate.code_display}/",
    }


def test_a_revoked_certificate_is_not_ready(client, completed):
    client.force_login(completed.learner)
    certificate = services.certificate_issue(
        learner_id=completed.learner_id, course_id=completed.course_id
    )
    services.certificate_revoke(certificate=certificate, reason="Erreur de saisie")
    assert client.get(status_url(completed)).json() == {"ready": False}


@pytest.mark.parametrize("who", ["another learner", "supervisor of the unit"])
def test_nobody_else_learns_anything(client, completed, who):
    services.certificate_issue(learner_id=completed.learner_id, course_id=completed.course_id)
    if who == "another learner":
        visitor = LearnerFactory()
    else:
        visitor = SupervisorFactory(supervised_units=[completed.learner.unit])
    client.force_login(visitor)
    response = client.get(status_url(completed))
    assert response.status_code == 404
    assert b"CNDH-" not in response.content


def test_an_enrollment_not_completed_is_404(client):
    learner = LearnerFactory()
    course = course_build(modules=1, lessons=2, rule="all_lessons")
    course_services.enrollment_create(learner=learner, course=course)
    client.force_login(learner)
    assert client.get(reverse("certificates:status", args=[course.pk])).status_code == 404


def test_anonymous_visitors_are_sent_to_sign_in(client, completed):
    response = client.get(status_url(completed))
    assert response.status_code == 302 and reverse("accounts:login") in response.url


@pytest.mark.parametrize("course_id", ["0", "2147483648", "99999999999999999999"])
def test_hostile_ids_are_404_not_500(client, completed, course_id):
    client.force_login(completed.learner)
    assert client.get(f"/certificats/formation/{course_id}/etat/").status_code == 404


def _render(user, course):
    request = RequestFactory().get("/formation/1/terminee/")
    request.user = user
    template = Template("{% load certificates_tags %}{% course_completion_certificate course %}")
    return template.render(Context({"request": request, "course": course}))


def test_the_tag_waits_then_links_the_certificate(completed):
    html = _render(completed.learner, completed.course)
    assert "Votre attestation est en cours de création…" in html
    assert 'role="status"' in html
    assert "data-certificate-links hidden" in html
    assert '<a href="/formation/1/terminee/">Actualiser la page</a>' in html

    certificate = services.certificate_issue(
        learner_id=completed.learner_id, course_id=completed.course_id
    )
    html = _render(completed.learner, completed.course)
    assert "en cours de création" not in html and "Actualiser la page" not in html
    assert f'href="/certificats/{certificate.serial}/pdf/"' in html
    assert f'href="/certificats/verifier/{certificate.code_display}/"' in html

    # Another learner's page never shows this one's certificate.
    assert certificate.serial not in _render(LearnerFactory(), completed.course)
    certificate.revoked_at = timezone.now()
    certificate.save()
    assert certificate.serial not in _render(completed.learner, completed.course)
