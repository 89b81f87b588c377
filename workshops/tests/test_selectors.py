"""The participant's side of a workshop's tests: open on the workshop's days even in a
sequential course, the post-test after the pre-test with one quiz, a paper pre-test."""

from datetime import timedelta

import pytest
from django.utils import timezone

from accounts.tests.factories import LearnerFactory
from courses import selectors as course_selectors
from courses.tests.factories import course_build
from quizzes import services as quiz_services
from quizzes.tests.factories import question_make, quiz_make
from workshops import selectors, services
from workshops.demo import attempt_with_answers

from .factories import participants_make, workshop_make

pytestmark = pytest.mark.django_db

LOCKED = "Ce quiz est verrouillé : terminez d’abord les modules précédents."


def test_quiz_in_a_later_module_of_a_sequential_course_opens_to_participants_on_the_days():
    course = course_build(modules=2, lessons=1, sequential=True)
    quiz = quiz_make(course.get_children().last(), questions=[question_make()])
    today = timezone.localdate()
    workshop = workshop_make(start_date=today, end_date=today, pre_test=quiz, post_test=quiz)
    learner, outsider = LearnerFactory(), LearnerFactory()
    participants_make(workshop, [learner])
    # The participant is enrolled in the quiz's course although no course is linked.
    assert course_selectors.enrollment_get(learner=learner, course=course) is not None
    assert quiz_services.attempt_start_refusal(learner=learner, quiz=quiz) is None
    # Not a participant: the order holds.
    from courses.services import enrollment_create

    enrollment_create(learner=outsider, course=course)
    assert quiz_services.attempt_start_refusal(learner=outsider, quiz=quiz) == LOCKED
    # The day after the workshop: the order holds again.
    tomorrow = timezone.now() + timedelta(days=1)
    assert quiz_services.attempt_start_refusal(learner=learner, quiz=quiz, now=tomorrow) == LOCKED


def test_participants_are_enrolled_in_the_linked_course_and_in_the_courses_of_the_tests():
    linked = course_build(title="Formation liée", modules=1, lessons=1)
    other = course_build(title="Banque de tests", modules=1, lessons=1)
    quiz = quiz_make(other, questions=[question_make()])
    workshop = workshop_make(course=linked, pre_test=quiz, post_test=quiz)
    learner = LearnerFactory()
    participants_make(workshop, [learner])
    for course in (linked, other):
        assert course_selectors.enrollment_get(learner=learner, course=course) is not None
    assert {c.pk for c in services.workshop_courses(workshop)} == {linked.pk, other.pk}


def _one_quiz_workshop(questions=4):
    course = course_build(modules=1, lessons=1, sequential=False)
    quiz = quiz_make(
        course, questions=[question_make(name=f"Q{n}") for n in range(questions)], delay_minutes=0
    )
    today = timezone.localdate()
    workshop = workshop_make(start_date=today, end_date=today, pre_test=quiz, post_test=quiz)
    learner = LearnerFactory()
    (record,) = participants_make(workshop, [learner])
    return workshop, quiz, learner, record


def test_with_one_quiz_the_post_test_is_offered_once_the_pre_test_is_done():
    _workshop, quiz, learner, record = _one_quiz_workshop()
    today = timezone.localdate()
    pre, post = selectors.participant_tests(record, today=today)
    assert (pre.kind, pre.may_take, pre.done) == ("pre", True, False)
    assert (post.kind, post.may_take, post.waits_for_pre) == ("post", False, True)
    attempt_with_answers(learner=learner, quiz=quiz, right=1)
    pre, post = selectors.participant_tests(record, today=today)
    assert pre.done_online and not pre.may_take
    assert post.may_take and not post.waits_for_pre
    attempt_with_answers(learner=learner, quiz=quiz, right=3)
    pre, post = selectors.participant_tests(record, today=today)
    assert pre.done_online and post.done_online and not post.may_take
    # Outside the workshop's days, nothing is offered.
    pre, post = selectors.participant_tests(record, today=today + timedelta(days=1))
    assert not pre.may_take and not post.may_take


def test_after_a_paper_pre_test_a_single_attempt_on_kalan_is_the_post_test():
    workshop, quiz, learner, record = _one_quiz_workshop()
    services.paper_result_enter(
        participant=record, kind="pre", percent=25, entered_by=workshop.trainers.first()
    )
    pre, post = selectors.participant_tests(record, today=timezone.localdate())
    assert pre.on_paper and not pre.may_take and post.may_take
    attempt_with_answers(learner=learner, quiz=quiz, right=3)
    (row,), _pre, _post = selectors.score_rows(workshop)
    assert row.pre.on_paper and row.pre.percent == 25
    assert not row.post.on_paper and row.post.percent == 75
    pre, post = selectors.participant_tests(record, today=timezone.localdate())
    assert pre.on_paper and post.done_online
    # The paper copy's page reads the same rule: that attempt is the post-test, not the pre.
    assert not selectors.paper_test_online(participant=record, kind="pre")
    assert selectors.paper_test_online(participant=record, kind="post")
    # Two attempts on Kalan: they are the pre-test and the post-test, paper or not.
    attempt_with_answers(learner=learner, quiz=quiz, right=4)
    (row,), _pre, _post = selectors.score_rows(workshop)
    assert (row.pre.on_paper, row.pre.percent, row.post.percent) == (False, 75, 100)
