"""A start's plan from the shared cache (quizzes/drawing.py): read once per version of the
bank and of the content, never drawing what the bank no longer holds."""

import random

import pytest

from accounts.tests.factories import LearnerFactory
from courses import services as course_services
from courses.models import LessonPage, ModulePage
from courses.tests.factories import course_build
from quizzes import drawing, services
from quizzes.models import Question, QuestionChoice, QuizPage, QuizSlot
from quizzes.tests.factories import category_make, question_make, quiz_make

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("empty_cache")]


@pytest.fixture
def module():
    return ModulePage.objects.child_of(course_build(modules=1, lessons=1)).get()


def fresh(quiz) -> QuizPage:
    """The quiz as a request reads it: from the database, no slot held in memory."""
    return QuizPage.objects.get(pk=quiz.pk)


def drawn_ids(quiz) -> list[int]:
    return [q.pk for q in drawing.questions_draw(fresh(quiz), random.Random(4))]


def test_the_plan_is_read_once_then_from_the_cache(module, django_assert_num_queries):
    category = category_make("Tirage")
    pool = [question_make("single", category=category, name=f"Q{n}") for n in range(4)]
    fixed = question_make("truefalse", name="Fixe")
    quiz = quiz_make(module, questions=[fixed])
    QuizSlot.objects.create(quiz=quiz, category=category, random_count=2, sort_order=9)
    quiz = fresh(quiz)
    # The quiz page, the site's root paths (its URL) and its course; the slots with their
    # questions and categories, the fixed questions' choices and pairs, the categories below,
    # the pool.
    with django_assert_num_queries(8):
        plan = drawing.draw_plan(quiz)
    with django_assert_num_queries(0):
        assert drawing.draw_plan(quiz) == plan
    assert plan[0].fixed.pk == fixed.pk
    assert [q.pk for q in plan[1].pool] == [q.pk for q in pool]
    ids = drawn_ids(quiz)
    assert ids[0] == fixed.pk and len(ids) == 3 and set(ids[1:]) <= {q.pk for q in pool}


def test_a_question_unpublished_is_no_longer_drawn(module):
    kept, withdrawn = question_make("single", name="Gardée"), question_make("short")
    quiz = quiz_make(module, questions=[kept, withdrawn])
    assert drawn_ids(quiz) == [kept.pk, withdrawn.pk]
    withdrawn.live = False
    withdrawn.save()
    assert drawn_ids(quiz) == [kept.pk]


def test_a_question_added_to_a_category_joins_its_pool(module):
    parent = category_make("Procédure")
    child = category_make("Garde à vue", parent=parent)
    question_make("single", category=child, name="Première")
    quiz = quiz_make(module)
    QuizSlot.objects.create(quiz=quiz, category=parent, random_count=2, sort_order=0)
    with pytest.raises(drawing.DrawError, match="Procédure"):
        drawn_ids(quiz)
    question_make("single", category=child, name="Seconde")
    assert len(drawn_ids(quiz)) == 2


def test_a_category_moved_out_takes_its_questions_out_of_the_pool(module):
    parent, other = category_make("Procédure"), category_make("Autre")
    child = category_make("Garde à vue", parent=parent)
    moved = question_make("single", category=child, name="Déplacée")
    quiz = quiz_make(module)
    QuizSlot.objects.create(quiz=quiz, category=parent, random_count=1, sort_order=0)
    assert drawn_ids(quiz) == [moved.pk]
    child.parent = other
    child.save()
    with pytest.raises(drawing.DrawError):
        drawn_ids(quiz)


def test_a_new_revision_of_the_quiz_with_other_slots_gives_a_new_plan(module):
    first, second = question_make("single"), question_make("short")
    quiz = quiz_make(module, questions=[first])
    quiz.save_revision().publish()
    assert drawn_ids(quiz) == [first.pk]
    quiz = fresh(quiz)
    quiz.slots = [QuizSlot(question=second, sort_order=0)]
    quiz.save_revision().publish()
    assert drawn_ids(quiz) == [second.pk]


def test_a_new_live_revision_of_a_question_is_the_one_frozen(module):
    question = question_make("single", name="Avant")
    question.save_revision().publish()
    quiz = quiz_make(module, questions=[question])
    before = drawing.questions_draw(fresh(quiz), random.Random(1))[0].live_revision_id
    question = Question.objects.get(pk=question.pk)
    question.text = "<p>Nouvel énoncé</p>"
    question.save_revision().publish()
    after = drawing.questions_draw(fresh(quiz), random.Random(1))[0]
    assert after.live_revision_id != before
    learner = LearnerFactory()
    course_services.enrollment_create(learner=learner, course=module.get_parent().specific)
    attempt = services.attempt_start(learner=learner, quiz=fresh(quiz))
    assert attempt.items.get().snapshot["text"] == "<p>Nouvel énoncé</p>"


def test_slots_held_in_memory_are_drawn_as_they_are_and_not_cached(module):
    first, second = question_make("single"), question_make("short")
    quiz = quiz_make(module, questions=[first])
    quiz.slots = [QuizSlot(question=second, sort_order=0)]  # not saved
    assert drawing.slots_unsaved(quiz)
    assert [q.pk for q in drawing.questions_draw(quiz, random.Random(1))] == [second.pk]
    assert drawn_ids(quiz) == [first.pk]


def test_a_random_slot_never_draws_a_question_a_fixed_slot_holds(module):
    category = category_make("Mêlée")
    fixed = question_make("single", category=category, name="Fixe")
    other = question_make("single", category=category, name="Autre")
    quiz = quiz_make(module, questions=[fixed])
    QuizSlot.objects.create(quiz=quiz, category=category, random_count=1, sort_order=5)
    for seed in range(5):
        ids = [q.pk for q in drawing.questions_draw(fresh(quiz), random.Random(seed))]
        assert ids == [fixed.pk, other.pk]


def test_a_quiz_start_comes_from_the_cache_until_the_quiz_changes(
    module, django_assert_num_queries
):
    question = question_make("single", name="Fixe")
    quiz = quiz_make(module, questions=[question], title="Avant")
    first = drawing.quiz_start(quiz.pk)
    assert (first.quiz.pk, first.quiz.title) == (quiz.pk, "Avant")
    assert first.course.pk == module.get_parent().pk
    assert [slot.fixed.pk for slot in first.plan] == [question.pk]
    assert first.plan[0].fixed.snapshot == question.snapshot()
    # From the cache, the quiz's URL too (Wagtail's site root paths kept on the instance).
    with django_assert_num_queries(0):
        again = drawing.quiz_start(quiz.pk)
        assert again.quiz.url == quiz.url
    assert again.quiz is not first.quiz
    quiz = fresh(quiz)
    quiz.title = "Après"
    quiz.save_revision().publish()
    assert drawing.quiz_start(quiz.pk).quiz.title == "Après"
    quiz.unpublish()
    assert drawing.quiz_start(quiz.pk) is None
    quiz.save_revision().publish()
    assert drawing.quiz_start(quiz.pk).quiz.pk == quiz.pk
    assert drawing.quiz_start(10**9) is None
    assert drawing.quiz_start(LessonPage.objects.first().pk) is None  # another type of page


def test_a_choice_written_alone_gives_a_fixed_question_its_new_snapshot(module):
    """A fixed question's snapshot travels in the plan: a choice saved without its question
    (the shell, a script) gives the bank a new version too."""
    question = question_make("single", name="Fixe")
    quiz = quiz_make(module, questions=[question])
    before = drawing.draw_plan(fresh(quiz))[0].fixed.snapshot
    choice = QuestionChoice.objects.filter(question=question).order_by("pk").first()
    choice.text = "Réponse corrigée"
    choice.save()
    after = drawing.draw_plan(fresh(quiz))[0].fixed.snapshot
    assert after != before
    assert "Réponse corrigée" in str(after)
    learner = LearnerFactory()
    course_services.enrollment_create(learner=learner, course=module.get_parent().specific)
    attempt = services.attempt_start(learner=learner, quiz=fresh(quiz))
    assert attempt.items.get().snapshot == after
    choice.delete()
    assert "Réponse corrigée" not in str(drawing.draw_plan(fresh(quiz))[0].fixed.snapshot)
