import pytest
from django.db import IntegrityError, transaction
from django.utils import timezone

from accounts.tests.factories import LearnerFactory
from certificates.models import Certificate
from courses.tests.factories import course_build

pytestmark = pytest.mark.django_db


def _certificate(learner, course, *, revoked: bool) -> Certificate:
    return Certificate.objects.create(
        learner=learner,
        course=course,
        learner_name=learner.full_name,
        course_title=course.title,
        revoked_at=timezone.now() if revoked else None,
    )


def test_valid_is_not_revoked_and_revoked_is_the_rest():
    course = course_build(modules=1, lessons=1)
    first, second = LearnerFactory(), LearnerFactory()
    old = _certificate(first, course, revoked=True)
    current = _certificate(first, course, revoked=False)
    other = _certificate(second, course, revoked=False)
    assert set(Certificate.objects.valid()) == {current, other}
    assert list(Certificate.objects.revoked()) == [old]
    assert [c.is_valid for c in (old, current, other)] == [False, True, True]
    # The querysets chain with any other filter, in both orders.
    assert list(Certificate.objects.filter(learner=first).valid()) == [current]
    assert list(Certificate.objects.valid().filter(learner=second)) == [other]


def test_the_one_valid_certificate_constraint_reads_the_same_rule():
    course = course_build(modules=1, lessons=1)
    learner = LearnerFactory()
    _certificate(learner, course, revoked=True)
    _certificate(learner, course, revoked=True)  # revoked ones are kept, as many as there are
    _certificate(learner, course, revoked=False)
    with pytest.raises(IntegrityError), transaction.atomic():
        _certificate(learner, course, revoked=False)
    assert Certificate.objects.valid().count() == 1


def test_the_serial_is_the_year_of_issue_and_the_id():
    from datetime import UTC, datetime

    certificate = Certificate(pk=42, issued_at=datetime(2026, 12, 31, 23, 0, tzinfo=UTC))
    certificate.serial_assign()
    assert certificate.serial == "CNDH-2026-000042"
