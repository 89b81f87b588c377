"""lms/bulk.py: new rows inserted in one statement, as `bulk_create` would store them."""

import uuid
from decimal import Decimal

import pytest
from django.db import IntegrityError, connection, transaction
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from lms.bulk import rows_insert
from xapi.models import OutboxStatement

pytestmark = pytest.mark.django_db

DOCUMENTS = [
    {"id": "a", "texte": "Garde à vue : 48 heures, « prolongation »", "liste": [1, 2.5, None]},
    {"id": "b", "guillemets": 'il a dit "non" \\ puis {oui}', "vide": {}, "unicode": "\u2028"},
    ["une", "liste", 3],
    "un texte seul",
]

FIELDS = ["statement_id", "verb", "statement", "status", "attempts", "last_error", "sent_at"]


def _id(prefix: str, n: int) -> uuid.UUID:
    return uuid.uuid5(uuid.NAMESPACE_URL, f"{prefix}{n}")


def _rows(prefix: str):
    return [
        OutboxStatement(statement_id=_id(prefix, n), verb="x", statement=doc)
        for n, doc in enumerate(DOCUMENTS)
    ]


def _stored(prefix: str) -> list[tuple]:
    """Each row's values but its id, in the order of DOCUMENTS."""
    rows = OutboxStatement.objects.in_bulk(
        [_id(prefix, n) for n in range(len(DOCUMENTS))], field_name="statement_id"
    )
    return [
        tuple(getattr(rows[_id(prefix, n)], f) for f in FIELDS[1:]) for n in range(len(DOCUMENTS))
    ]


def test_the_rows_are_stored_as_bulk_create_stores_them():
    OutboxStatement.objects.bulk_create(_rows("orm-"))
    with CaptureQueriesContext(connection) as queries:
        rows_insert(_rows("rows-"))
    assert len(queries) == 1
    assert _stored("rows-") == _stored("orm-")
    assert [row[1] for row in _stored("rows-")] == DOCUMENTS
    created = OutboxStatement.objects.filter(verb="x").values_list("created_at", flat=True)
    assert all(abs(timezone.now() - moment).total_seconds() < 60 for moment in created)


def test_conflicting_rows_are_left_out_when_asked():
    rows_insert(_rows("once-"))
    with pytest.raises(IntegrityError), transaction.atomic():
        rows_insert(_rows("once-"))
    rows_insert(_rows("once-"), ignore_conflicts=True)
    assert len(_stored("once-")) == len(DOCUMENTS)


def test_null_decimal_and_foreign_keys_are_prepared_as_their_fields_do():
    from accounts.tests.factories import LearnerFactory
    from courses.tests.factories import course_build
    from quizzes.models import Attempt, AttemptItem, QuizPage
    from quizzes.tests.factories import question_make, quiz_make

    course = course_build(modules=1, lessons=1)
    question = question_make()
    quiz = quiz_make(course, questions=[question])
    attempt = Attempt.objects.create(
        learner=LearnerFactory(), quiz=QuizPage.objects.get(pk=quiz.pk), number=1, max_score=1
    )
    rows_insert(
        [
            AttemptItem(
                attempt=attempt,
                position=0,
                page_number=1,
                question=question,
                snapshot={"type": "single", "max_score": 1.0},
                display_order=[["t1", "c1"]],
                score=Decimal("0.50"),
            )
        ]
    )
    item = AttemptItem.objects.get(attempt=attempt)
    assert (item.question_id, item.score, item.response, item.save_ids) == (
        question.pk,
        Decimal("0.50"),
        None,
        [],
    )
    assert item.display_order == [["t1", "c1"]]


def test_a_model_with_parents_is_refused():
    from courses.models import CoursePage

    with pytest.raises(ValueError, match="inherits"):
        rows_insert([CoursePage(title="Non")])
