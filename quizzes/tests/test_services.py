from datetime import timedelta
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from accounts.tests.factories import LearnerFactory
from courses import selectors as course_selectors
from courses import services as course_services
from courses.models import Enrollment, ModulePage
from courses.tests.factories import course_build, lessons_of
from quizzes import grading, services
from quizzes.models import Attempt, AttemptItem, Question, QuizGrade, QuizPage, QuizSlot
from quizzes.snapshots import snapshot_cache_key
from quizzes.tests.factories import question_make, quiz_make

pytestmark = pytest.mark.django_db

KINDS = ["single", "multiple", "truefalse", "short", "numerical", "matching", "ordering"]


@pytest.fixture
def course():
    return course_build(modules=1, lessons=1, rule="all_requirements")


@pytest.fixture
def learner(course):
    user = LearnerFactory()
    course_services.enrollment_create(learner=user, course=course)
    return user


def module_of(course):
    return ModulePage.objects.child_of(course).first()


def right_raw(item: AttemptItem):
    """The raw POST of a right answer, in the page's opaque tokens."""
    response = grading.correct_response(item.snapshot)
    back = {real: token for token, real in item.display_order}
    kind = item.snapshot["type"]
    if kind in ("single", "truefalse"):
        return {"choice": back[response["choice"]]}
    if kind == "multiple":
        return {"choices": [back[c] for c in response["choices"]]}
    if kind == "matching":
        return {"matches": {k: back[v] for k, v in response["matches"].items()}}
    if kind == "ordering":
        return {"order": [back[i] for i in response["order"]]}
    if kind == "numerical":
        return {"value": str(response["value"]).replace(".", ",")}
    return response


def test_every_type_scores_full_marks_for_the_right_answers(course, learner):
    questions = [question_make(kind) for kind in KINDS]
    quiz = quiz_make(module_of(course), questions=questions, questions_per_page=3)
    attempt = services.attempt_start(learner=learner, quiz=quiz)
    assert attempt.page_count == 3
    items = list(attempt.items.all())
    assert [i.snapshot["type"] for i in items] == KINDS
    services.attempt_save(attempt=attempt, responses={i.pk: right_raw(i) for i in items})
    attempt = services.attempt_submit(attempt=attempt)
    assert attempt.state == Attempt.State.FINISHED
    assert attempt.percent == 100 and attempt.passed
    assert QuizGrade.objects.get(learner=learner, quiz=quiz).passed


def test_tokens_hide_the_real_ids(course, learner):
    quiz = quiz_make(module_of(course), questions=[question_make("matching")])
    item = services.attempt_start(learner=learner, quiz=quiz).items.get()
    tokens = [token for token, _real in item.display_order]
    assert not set(tokens) & {p["id"] for p in item.snapshot["pairs"]}


def test_a_choice_not_in_the_question_is_refused_and_nothing_is_stored(course, learner):
    quiz = quiz_make(module_of(course), questions=[question_make("single"), question_make("short")])
    attempt = services.attempt_start(learner=learner, quiz=quiz)
    single, short = attempt.items.all()
    with pytest.raises(grading.ResponseError):
        services.attempt_save(
            attempt=attempt,
            responses={
                short.pk: {"text": "garde à vue"},
                single.pk: {"choice": "c0"},
            },  # a real id, not a token
        )
    assert not AttemptItem.objects.filter(response__isnull=False).exists()


def test_save_replay_changes_nothing(course, learner):
    quiz = quiz_make(module_of(course), questions=[question_make("short")])
    attempt = services.attempt_start(learner=learner, quiz=quiz)
    item = attempt.items.get()
    services.attempt_save(attempt=attempt, responses={item.pk: {"text": "un"}}, save_id="s1")
    services.attempt_save(attempt=attempt, responses={item.pk: {"text": "deux"}}, save_id="s2")
    services.attempt_save(attempt=attempt, responses={item.pk: {"text": "un"}}, save_id="s1")
    item.refresh_from_db()
    assert item.response == {"text": "deux"}


def test_submit_twice_grades_once(course, learner):
    quiz = quiz_make(module_of(course), questions=[question_make("single")])
    attempt = services.attempt_start(learner=learner, quiz=quiz)
    first = services.attempt_submit(attempt=attempt)
    second = services.attempt_submit(attempt=attempt)
    assert first.finished_at == second.finished_at
    assert first.score == second.score == 0


def test_start_resumes_the_attempt_in_progress(course, learner):
    quiz = quiz_make(module_of(course), questions=[question_make("single")])
    assert (
        services.attempt_start(learner=learner, quiz=quiz).pk
        == services.attempt_start(learner=learner, quiz=quiz).pk
    )
    assert Attempt.objects.count() == 1


def test_attempt_limit_and_delay(course, learner):
    quiz = quiz_make(
        module_of(course), questions=[question_make("single")], attempts_allowed=2, delay_minutes=10
    )
    services.attempt_submit(attempt=services.attempt_start(learner=learner, quiz=quiz))
    with pytest.raises(services.QuizError, match="recommencer dans 10 minute"):
        services.attempt_start(learner=learner, quiz=quiz)
    Attempt.objects.update(finished_at=timezone.now() - timedelta(minutes=11))
    services.attempt_submit(attempt=services.attempt_start(learner=learner, quiz=quiz))
    Attempt.objects.update(finished_at=timezone.now() - timedelta(minutes=11))
    with pytest.raises(services.QuizError, match="2 tentatives"):
        services.attempt_start(learner=learner, quiz=quiz)


def test_unenrolled_learner_cannot_start(course):
    quiz = quiz_make(module_of(course), questions=[question_make("single")])
    with pytest.raises(services.QuizError, match="Inscrivez-vous"):
        services.attempt_start(learner=LearnerFactory(), quiz=quiz)


def test_answers_after_the_deadline_are_refused(course, learner):
    quiz = quiz_make(module_of(course), questions=[question_make("short")], time_limit_minutes=5)
    attempt = services.attempt_start(learner=learner, quiz=quiz)
    item = attempt.items.get()
    late = attempt.deadline + timedelta(minutes=2)
    with pytest.raises(services.QuizError, match="temps est écoulé"):
        services.attempt_save(attempt=attempt, responses={item.pk: {"text": "x"}}, now=late)


def test_grace_period_then_autosubmit_by_the_sweep(course, learner):
    quiz = quiz_make(
        module_of(course),
        questions=[question_make("short")],
        time_limit_minutes=5,
        expiry_policy="grace",
        grace_minutes=10,
    )
    attempt = services.attempt_start(learner=learner, quiz=quiz)
    item = attempt.items.get()
    in_grace = attempt.deadline + timedelta(minutes=5)
    services.attempt_save(
        attempt=attempt, responses={item.pk: {"text": "garde à vue"}}, now=in_grace
    )
    assert services.attempts_close_overdue(now=in_grace) == 0
    assert services.attempts_close_overdue(now=attempt.deadline + timedelta(minutes=11)) == 1
    attempt.refresh_from_db()
    assert attempt.state == Attempt.State.FINISHED and attempt.percent == 100


def test_not_counted_policy_abandons_a_late_attempt(course, learner):
    quiz = quiz_make(
        module_of(course),
        questions=[question_make("short")],
        time_limit_minutes=5,
        expiry_policy="not_counted",
    )
    attempt = services.attempt_start(learner=learner, quiz=quiz)
    services.attempts_close_overdue(now=attempt.deadline + timedelta(minutes=1))
    attempt.refresh_from_db()
    assert attempt.state == Attempt.State.ABANDONED and attempt.score is None


def test_editing_a_question_later_changes_no_past_score(course, learner):
    question = question_make("single")
    quiz = quiz_make(module_of(course), questions=[question])
    attempt = services.attempt_start(learner=learner, quiz=quiz)
    item = attempt.items.get()
    services.attempt_save(attempt=attempt, responses={item.pk: right_raw(item)})
    question.choices.all().update(fraction_percent=0)
    QuizSlot.objects.filter(question=question).delete()  # slots protect their questions
    question.delete()
    attempt = services.attempt_submit(attempt=attempt)
    assert attempt.percent == 100


@pytest.mark.parametrize(
    ("method", "expected"), [("highest", 100), ("last", 0), ("first", 100), ("average", 50)]
)
def test_grading_methods(course, learner, method, expected):
    quiz = quiz_make(
        module_of(course),
        questions=[question_make("single")],
        grading_method=method,
        attempts_allowed=0,
    )
    attempt = services.attempt_start(learner=learner, quiz=quiz)
    item = attempt.items.get()
    services.attempt_save(attempt=attempt, responses={item.pk: right_raw(item)})
    services.attempt_submit(attempt=attempt)
    services.attempt_submit(attempt=services.attempt_start(learner=learner, quiz=quiz))
    assert QuizGrade.objects.get(learner=learner, quiz=quiz).percent == expected


def test_required_quiz_holds_course_completion_until_passed(course, learner):
    quiz = quiz_make(module_of(course), questions=[question_make("single")], attempts_allowed=0)
    course_services.lesson_complete(learner=learner, lesson=lessons_of(course)[0])
    enrollment = Enrollment.objects.get(learner=learner)
    assert enrollment.status == Enrollment.Status.IN_PROGRESS and enrollment.progress_percent == 50
    services.attempt_submit(attempt=services.attempt_start(learner=learner, quiz=quiz))
    enrollment.refresh_from_db()
    assert enrollment.status == Enrollment.Status.IN_PROGRESS
    attempt = services.attempt_start(learner=learner, quiz=quiz)
    item = attempt.items.get()
    services.attempt_save(attempt=attempt, responses={item.pk: right_raw(item)})
    services.attempt_submit(attempt=attempt)
    enrollment.refresh_from_db()
    assert enrollment.status == Enrollment.Status.COMPLETED


def test_final_quiz_in_the_course_is_a_step_of_the_outline(course, learner):
    from courses import selectors

    quiz = quiz_make(course, questions=[question_make("single")], title="Évaluation finale")
    outline = selectors.outlines_build(courses=[course], learner=learner)[course.pk]
    assert outline.modules[-1].items[0].id == quiz.pk
    assert outline.modules[-1].items[0].kind == "quizpage"


def test_beat_task_closes_overdue_attempts(course, learner, settings):
    from quizzes.tasks import attempts_close_overdue

    settings.CELERY_TASK_ALWAYS_EAGER = True
    quiz = quiz_make(module_of(course), questions=[question_make("short")], time_limit_minutes=1)
    attempt = services.attempt_start(learner=learner, quiz=quiz)
    Attempt.objects.filter(pk=attempt.pk).update(deadline=timezone.now() - timedelta(minutes=5))
    assert attempts_close_overdue.delay().get() == 1
    attempt.refresh_from_db()
    assert attempt.state == Attempt.State.FINISHED


@pytest.mark.parametrize("shuffle", [False, True])
def test_start_reads_the_questions_in_a_fixed_number_of_queries(course, shuffle):
    """A whole unit starts at the same bell: the start must not cost a query per question.
    Fixed questions, and a random slot (one more query for its pool)."""
    category = question_make("single").category
    counts = []
    for size in (1, 3, 12):
        learner = LearnerFactory()
        course_services.enrollment_create(learner=learner, course=course)
        fixed = [question_make(kind) for kind in (KINDS * 2)[:size]]
        for n in range(size):
            question_make("multiple", category=category, name=f"Tirée {size}-{n}")
        quiz = quiz_make(
            module_of(course), questions=fixed, title=f"Quiz {size}", shuffle_questions=shuffle
        )
        QuizSlot.objects.create(quiz=quiz, category=category, random_count=size, sort_order=99)
        with CaptureQueriesContext(connection) as ctx:
            attempt = services.attempt_start(learner=learner, quiz=quiz)
        assert attempt.items.count() == 2 * size
        assert len({i.question_id for i in attempt.items.all()}) == 2 * size
        assert attempt.max_score == sum(i.question.max_score for i in attempt.items.all())
        counts.append(len(ctx))
    # The first start also fills Wagtail's cache of the site's root paths.
    assert counts[1] == counts[2], counts


@pytest.mark.parametrize("sequential", [True, False])
def test_a_quiz_in_a_locked_module_cannot_be_started(sequential):
    course = course_build(modules=2, lessons=1, sequential=sequential)
    learner = LearnerFactory()
    course_services.enrollment_create(learner=learner, course=course)
    second_module = ModulePage.objects.child_of(course).order_by("path").last()
    quiz = quiz_make(second_module, questions=[question_make("single")])
    if sequential:
        with pytest.raises(services.QuizError, match="verrouillé"):
            services.attempt_start(learner=learner, quiz=quiz)
        assert not Attempt.objects.exists()
        course_services.lesson_complete(learner=learner, lesson=lessons_of(course)[0])
    attempt = services.attempt_start(learner=learner, quiz=quiz)
    assert attempt.state == Attempt.State.IN_PROGRESS


def test_final_quiz_stays_open_after_completion_when_a_lesson_is_published_later():
    """Issue 16, point 5: the final evaluation became unclickable for a learner who had
    finished the course, once an editor published a new lesson in an early module."""
    from courses.models import LessonPage
    from courses.tests.factories import lesson_body

    course = course_build(modules=2, lessons=1, sequential=True)
    quiz = quiz_make(course, questions=[question_make("single")], title="Évaluation finale")
    learner = LearnerFactory()
    course_services.enrollment_create(learner=learner, course=course)
    for lesson in lessons_of(course):
        course_services.lesson_complete(learner=learner, lesson=lesson)
    assert Enrollment.objects.get(learner=learner).status == Enrollment.Status.COMPLETED
    new = module_of(course).add_child(
        instance=LessonPage(title="Nouvelle leçon", body=lesson_body(), live=False)
    )
    new.save_revision().publish()
    assert services.attempt_start_refusal(learner=learner, quiz=quiz) is None
    # Someone who has not finished is still held back by the same new lesson.
    other = LearnerFactory()
    course_services.enrollment_create(learner=other, course=course)
    assert "verrouillé" in services.attempt_start_refusal(learner=other, quiz=quiz)


@pytest.mark.parametrize("kind", ["single", "matching"])
def test_a_question_that_keeps_its_order_is_not_shuffled(course, learner, kind):
    """Moodle's shuffleanswers off (« Aucune des réponses ci-dessus » last) is kept by the
    import and followed by an attempt, even in a quiz that shuffles the answers."""
    question = question_make(kind)
    if kind == "single":
        question.choices.add(
            question.choices.model(text="Aucune", fraction_percent=0, sort_order=3)
        )
    question.shuffle_answers = False
    question.save()
    quiz = quiz_make(module_of(course), questions=[question], shuffle_choices=True)
    expected = [f"c{n}" for n in range(4)] if kind == "single" else [f"p{n}" for n in range(3)]
    for _attempt in range(5):
        item = services.attempt_start(learner=learner, quiz=quiz).items.get()
        assert [real for _token, real in item.display_order] == expected
        item.attempt.delete()


@pytest.mark.parametrize(
    ("method", "grade"),
    [("highest", Decimal("80")), ("last", Decimal("40")), ("first", Decimal("20"))],
)
def test_grade_of_follows_the_grading_method(method, grade):
    from quizzes.models import QuizPage

    quiz = QuizPage(grading_method=method, pass_percent=50)
    percents = [Decimal("20"), Decimal("80"), Decimal("40")]
    assert quiz.grade_of(percents) == grade
    assert quiz.grade_of([]) is None
    assert quiz.is_pass(Decimal("50")) and not quiz.is_pass(Decimal("49.99"))


def test_grade_of_averages_and_totals_set_judges_the_pass():
    from quizzes.models import Attempt, QuizPage

    quiz = QuizPage(grading_method="average", pass_percent=70)
    assert quiz.grade_of([Decimal("60"), Decimal("90")]) == Decimal("75")
    attempt = Attempt(quiz=quiz, max_score=Decimal("5"))
    attempt.totals_set(Decimal("4"), final=True)
    assert (attempt.percent, attempt.passed, attempt.state) == (80, True, "finished")
    attempt.totals_set(Decimal("4"), final=False)  # an essay waits: provisional, not passed
    assert (attempt.passed, attempt.state) == (False, "needs_grading")
    attempt.totals_set(Decimal("3"), final=True)
    assert (attempt.percent, attempt.passed) == (60, False)


@pytest.mark.usefixtures("empty_cache")
def test_a_start_with_cached_snapshots_reads_no_question_twice(
    course, django_assert_max_num_queries
):
    """Issue 22, point 4: once a quiz's start is cached (its plan, with its fixed questions'
    snapshots, and its course: quizzes.drawing.quiz_start), a start reads neither the bank
    nor the course: 15 queries before, for this quiz and course, 11 at a later step, 7 now."""
    from django.core.cache import cache

    questions = [question_make(kind) for kind in KINDS]
    for question in questions:
        question.save_revision().publish()
    quiz = quiz_make(module_of(course), questions=questions, shuffle_questions=True)
    first, second = LearnerFactory(), LearnerFactory()
    for learner in (first, second):
        course_services.enrollment_create(learner=learner, course=course)
    services.attempt_start(learner=first, quiz=quiz)  # caches the quiz's plan
    # The plan carries its fixed questions' snapshots: those cached per revision are not read.
    cache.delete_many(
        [snapshot_cache_key(q.pk, q.live_revision_id) for q in Question.objects.all()]
    )
    quiz = QuizPage.objects.get(pk=quiz.pk)
    # The savepoint and its release, the learner's lock, the attempts with the enrollment,
    # the attempt, its items, the xAPI outbox row.
    with django_assert_max_num_queries(7) as ctx:
        attempt = services.attempt_start(learner=second, quiz=quiz)
    sql = " ".join(q["sql"] for q in ctx.captured_queries)
    for table in ("quizzes_question", "quizzes_quizslot", "wagtailcore_page"):
        assert f'"{table}"' not in sql, table
    assert attempt.items.count() == len(KINDS)


def test_a_quiz_of_the_first_module_starts_without_reading_the_outline(
    django_assert_max_num_queries,
):
    """Nothing comes before a sequential course's first module, so its quizzes are never
    locked: the start does not read the outline for them, and still does for a later one."""
    course = course_build(modules=2, lessons=1, sequential=True)
    learner = LearnerFactory()
    course_services.enrollment_create(learner=learner, course=course)
    first_module, second_module = ModulePage.objects.child_of(course).order_by("path")
    first = quiz_make(first_module, questions=[question_make("single")])
    later = quiz_make(second_module, questions=[question_make("single")], title="Plus loin")
    final = quiz_make(course, questions=[question_make("single")], title="Évaluation finale")
    assert not course_selectors.may_be_locked(page=first, course=course)
    assert course_selectors.may_be_locked(page=later, course=course)
    assert course_selectors.may_be_locked(page=final, course=course)

    with CaptureQueriesContext(connection) as ctx:
        assert services.attempt_start_refusal(learner=learner, quiz=first) is None
    assert not any("wagtailcore_page" in q["sql"] and "EXISTS" in q["sql"] for q in ctx)
    with CaptureQueriesContext(connection) as ctx:
        assert "verrouillé" in services.attempt_start_refusal(learner=learner, quiz=later)
    assert any("courses_lessoncompletion" in q["sql"] for q in ctx)
