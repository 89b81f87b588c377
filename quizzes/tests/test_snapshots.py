"""The snapshots' cache per live revision (quizzes/snapshots.py): never an old snapshot for
new content, and a miss gives what a hit gives."""

from decimal import Decimal

import pytest
from django.core.cache import cache

from accounts.tests.factories import LearnerFactory
from courses import services as course_services
from courses.models import ModulePage
from courses.tests.factories import course_build
from quizzes import services
from quizzes.models import Question, QuestionChoice
from quizzes.snapshots import question_snapshot, question_snapshots, snapshot_cache_key
from quizzes.tests.factories import question_make, quiz_make

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("empty_cache")]

KINDS = ["single", "multiple", "truefalse", "short", "numerical", "matching", "ordering", "essay"]


@pytest.fixture
def course():
    return course_build(modules=1, lessons=1, rule="all_requirements")


def published(kind="single", **kwargs):
    question = question_make(kind, **kwargs)
    question.save_revision().publish()
    question.refresh_from_db()
    return question


def start(course, quiz):
    learner = LearnerFactory()
    course_services.enrollment_create(learner=learner, course=course)
    attempt = services.attempt_start(learner=learner, quiz=quiz)
    return {item.question_id: item.snapshot for item in attempt.items.all()}


def test_a_published_revision_is_frozen_once_then_read_from_the_cache(
    course, django_assert_num_queries
):
    questions = [published(kind) for kind in KINDS]
    first = question_snapshots(questions)
    assert all(cache.get(snapshot_cache_key(q.pk, q.live_revision_id)) for q in questions)
    with django_assert_num_queries(0):
        second = question_snapshots(questions)
    assert first == second
    # Fresh dicts each time: an attempt that changed its copy would not change the next.
    assert first[0] is not second[0]


def test_a_new_revision_is_never_served_the_old_snapshot(course):
    question = published("single")
    quiz = quiz_make(ModulePage.objects.child_of(course).first(), questions=[question])
    old = start(course, quiz)[question.pk]
    assert old["text"] == "<p>Énoncé single</p>"
    old_revision = question.live_revision_id

    question.text = "<p>Énoncé corrigé</p>"
    question.choices = [
        QuestionChoice(text="24 heures", fraction_percent=Decimal(100), sort_order=0),
        QuestionChoice(text="72 heures", fraction_percent=Decimal(0), sort_order=1),
    ]
    question.save_revision().publish()
    question.refresh_from_db()
    assert question.live_revision_id != old_revision

    new = start(course, quiz)[question.pk]
    assert new["text"] == "<p>Énoncé corrigé</p>"
    assert [c["text"] for c in new["choices"]] == ["24 heures", "72 heures"]
    assert new == question_snapshot(question)


def test_an_edit_waiting_for_review_is_not_drawn(course):
    """A draft revision is not the live one: the start keeps the approved snapshot."""
    question = published("short")
    quiz = quiz_make(ModulePage.objects.child_of(course).first(), questions=[question])
    approved = start(course, quiz)[question.pk]
    question.text = "<p>Brouillon</p>"
    question.save_revision()
    assert start(course, quiz)[question.pk] == approved


def test_a_row_written_without_a_revision_forgets_its_cached_snapshot(course):
    """The shell or a script may write the live row (or a choice alone) and keep the live
    revision: the cached snapshot of that revision is dropped."""
    question = published("single")
    quiz = quiz_make(ModulePage.objects.child_of(course).first(), questions=[question])
    start(course, quiz)
    question.general_feedback = "Revu à la main"
    question.save()
    assert start(course, quiz)[question.pk]["general_feedback"] == "Revu à la main"

    choice = QuestionChoice.objects.get(question=question, sort_order=1)  # no question cached
    choice.text = "12 jours"
    choice.save()
    assert start(course, quiz)[question.pk]["choices"][1]["text"] == "12 jours"

    QuestionChoice.objects.get(question=question, sort_order=2).delete()
    assert len(start(course, quiz)[question.pk]["choices"]) == 2


def test_a_cache_miss_or_flush_gives_the_same_snapshot(course):
    questions = [published(kind) for kind in KINDS]
    quiz = quiz_make(ModulePage.objects.child_of(course).first(), questions=questions)
    cold = start(course, quiz)
    warm = start(course, quiz)
    cache.clear()
    flushed = start(course, quiz)
    assert cold == warm == flushed
    assert cold == {q.pk: question_snapshot(q) for q in questions}


def test_a_question_without_a_revision_is_frozen_each_time_and_not_cached(
    course, django_assert_num_queries
):
    question = question_make("matching")  # saved outside Wagtail's revisions
    assert question.live_revision_id is None
    first = question_snapshots([question])[0]
    row = Question.objects.get(pk=question.pk)
    with django_assert_num_queries(2):  # its choices and pairs, read again
        again = question_snapshots([row])[0]
    assert first == again == question_snapshot(question)
