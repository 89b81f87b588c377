"""« Mon attestation » on the course pages, through the tags certificates gives courses."""

import pytest
from django.urls import reverse
from django.utils import timezone

from accounts.tests.factories import LearnerFactory
from certificates.models import Certificate
from courses import services as course_services
from courses.tests.factories import course_build, lessons_of

pytestmark = pytest.mark.django_db


@pytest.fixture
def learner(client):
    user = LearnerFactory()
    client.force_login(user)
    return user


def _complete(learner, course):
    course_services.enrollment_create(learner=learner, course=course)
    for lesson in lessons_of(course):
        course_services.lesson_complete(learner=learner, lesson=lesson)


def _certificate(learner, course, serial, **fields) -> Certificate:
    return Certificate.objects.create(
        learner=learner,
        course=course,
        serial=serial,
        learner_name=learner.full_name,
        course_title=course.title,
        **fields,
    )


def test_completed_course_links_its_certificate(client, learner):
    """Issue 16, point 10: nothing led from a completed course to its certificate."""
    course = course_build(title="Formation certifiée", modules=1, lessons=1)
    _complete(learner, course)
    # Issued by a background task a moment later: the page says so meanwhile.
    html = client.get(course.url).content.decode()
    assert "Mon attestation" not in html
    assert f'href="{reverse("certificates:mine")}"' in html
    certificate = _certificate(learner, course, "CNDH-2026-000042")
    download = reverse("certificates:download", args=[certificate.serial])
    for url in (course.url, "/"):
        html = client.get(url).content.decode()
        assert f'href="{download}"' in html and "Mon attestation" in html, url


def test_only_the_learners_own_valid_certificate_is_linked(client, learner):
    course = course_build(title="Formation certifiée", modules=1, lessons=1)
    _complete(learner, course)
    revoked = _certificate(
        learner, course, "CNDH-2026-000050", revoked_at=timezone.now(), revoked_reason="Erreur"
    )
    someone = LearnerFactory()
    _complete(someone, course)
    theirs = _certificate(someone, course, "CNDH-2026-000051")
    for url in (course.url, "/"):
        html = client.get(url).content.decode()
        assert "Mon attestation" not in html, url
        assert revoked.serial not in html and theirs.serial not in html, url


def test_home_reads_the_certificates_in_one_query(client, learner):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    counts = []
    for n in (1, 3):
        for i in range(n):
            course = course_build(title=f"Formation {n}-{i}", modules=1, lessons=1)
            _complete(learner, course)
            _certificate(learner, course, f"CNDH-2026-{n:02d}{i:04d}")
        with CaptureQueriesContext(connection) as queries:
            html = client.get("/").content.decode()
        assert html.count("Mon attestation") == Certificate.objects.filter(learner=learner).count()
        counts.append(len(queries))
    assert counts[0] == counts[1]
