"""A real worker (Redis in CI) issues the certificate when a course is completed."""

import time

import pytest

from certificates.models import Certificate
from certificates.tests.factories import completed_enrollment

pytestmark = pytest.mark.django_db(transaction=True)


def test_real_worker_issues_the_certificate(
    celery_project_worker, wagtail_site, settings, tmp_path
):
    settings.MEDIA_ROOT = str(tmp_path)
    enrollment = completed_enrollment()
    deadline = time.monotonic() + 30
    while not Certificate.objects.filter(learner=enrollment.learner).exists():
        assert time.monotonic() < deadline, "no certificate after 30 s"
        time.sleep(0.1)
    certificate = Certificate.objects.get(learner=enrollment.learner)
    while not certificate.pdf_sha256 and time.monotonic() < deadline:
        time.sleep(0.1)
        certificate.refresh_from_db()
    assert certificate.pdf_sha256
