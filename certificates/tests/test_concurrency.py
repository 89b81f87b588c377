"""Two workers issuing the same certificate at once, on PostgreSQL with real threads."""

import pytest
from django.db import connection

from certificates import services
from certificates.models import Certificate
from certificates.tests.factories import completed_enrollment
from conftest import run_together

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(connection.vendor != "postgresql", reason="needs PostgreSQL"),
]


def test_concurrent_issues_make_one_certificate_and_one_pdf(
    wagtail_site, role_groups, settings, tmp_path
):
    settings.MEDIA_ROOT = str(tmp_path)
    enrollment = completed_enrollment()
    results, errors = run_together(
        4,
        lambda: services.certificate_issue(
            learner_id=enrollment.learner_id, course_id=enrollment.course_id
        ),
    )
    assert errors == []
    assert len({c.pk for c in results}) == 1
    assert Certificate.objects.count() == 1
    certificate = Certificate.objects.get()
    assert certificate.pdf.storage.exists(certificate.pdf.name)
    assert sorted(p.name for p in (tmp_path / "certificats").iterdir()) == [
        f"{certificate.serial}.pdf"
    ]
