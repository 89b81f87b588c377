"""Essays graded by a person and descriptions: the provisional grade, the « À corriger »
pages, their scope, their hostile inputs, and the final grade reaching completion."""

from decimal import Decimal

import pytest
from django.urls import reverse

from accounts import roles
from accounts.tests.factories import LearnerFactory, SupervisorFactory, UnitFactory, UserFactory
from courses import services as course_services
from courses.models import Enrollment, ModulePage
from courses.signals import course_completed
from courses.tests.factories import course_build
from quizzes import services
from quizzes.models import Attempt, AttemptItem, QuizGrade
from quizzes.tests.factories import question_make, quiz_make

pytestmark = pytest.mark.django_db

SECRET = "CONSIGNE-SECRETE"


@pytest.fixture
def units():
    root = UnitFactory(name="Police nationale")
    mopti = UnitFactory(name="Commissariat de Mopti", parent=root)
    segou = UnitFactory(name="Commissariat de Ségou", parent=root)
    return mopti, segou


@pytest.fixture
def course():
    # A course completed by its one quiz: no lessons to read.
    return course_build(modules=1, lessons=0, rule="all_requirements")


@pytest.fixture
def quiz(course):
    module = ModulePage.objects.child_of(course).first()
    return quiz_make(
        module,
        questions=[
            question_make("description"),
            question_make("single"),
            question_make("essay", max_score="4"),
        ],
        questions_per_page=3,
        pass_percent=60,
        review_after=["score", "correctness", "feedback"],
        review_open=["score", "correctness", "feedback"],
    )


@pytest.fixture
def learner(course, units):
    user = LearnerFactory(unit=units[0], full_name="Fatoumata Essai-Keïta")
    course_services.enrollment_create(learner=user, course=course)
    return user


def answer_and_submit(learner, quiz, *, essay="Le droit au silence et à un avocat."):
    attempt = services.attempt_start(learner=learner, quiz=quiz)
    items = {item.snapshot["type"]: item for item in attempt.items.all()}
    single = items["single"]
    right = next(t for t, real in single.display_order if real == "c0")
    services.attempt_save(
        attempt=attempt,
        responses={single.pk: {"choice": right}, items["essay"].pk: {"text": essay}},
    )
    return services.attempt_submit(attempt=attempt), items


def test_a_description_counts_nothing_and_an_essay_makes_the_grade_provisional(quiz, learner):
    attempt, _items = answer_and_submit(learner, quiz)
    assert attempt.max_score == Decimal(5)  # 1 + 4: the description is worth nothing
    assert attempt.state == Attempt.State.NEEDS_GRADING
    assert not attempt.passed
    assert attempt.percent == Decimal(20)  # 1 of 5, provisional
    states = dict(AttemptItem.objects.filter(attempt=attempt).values_list("position", "state"))
    assert sorted(states.values()) == ["correct", "info", "needs_grading"]
    # Neither passed nor failed: no QuizGrade, so neither completion nor certificate.
    assert not QuizGrade.objects.filter(learner=learner, quiz=quiz).exists()


def test_grading_the_last_essay_finalises_the_attempt_and_completes_the_course(
    quiz, learner, django_capture_on_commit_callbacks
):
    attempt, items = answer_and_submit(learner, quiz)
    grader = UserFactory(role=roles.EDITORS)
    sent = []

    def receiver(sender, enrollment, **kwargs):
        sent.append(enrollment.learner_id)

    course_completed.connect(receiver)
    try:
        with django_capture_on_commit_callbacks(execute=True):
            item = services.essay_grade(
                item_id=items["essay"].pk, grader=grader, score=3.5, feedback="Bien argumenté."
            )
    finally:
        course_completed.disconnect(receiver)
    assert (item.score, item.state, item.graded_by) == (Decimal("3.5"), "partial", grader)
    attempt.refresh_from_db()
    assert attempt.state == Attempt.State.FINISHED
    assert attempt.percent == Decimal(90)
    assert attempt.passed
    grade = QuizGrade.objects.get(learner=learner, quiz=quiz)
    assert (grade.percent, grade.passed) == (Decimal(90), True)
    assert Enrollment.objects.get(learner=learner).status == Enrollment.Status.COMPLETED
    assert sent == [learner.pk]


def test_a_second_grader_finds_the_essay_graded_and_changes_nothing(quiz, learner):
    _attempt, items = answer_and_submit(learner, quiz)
    first, second = UserFactory(role=roles.EDITORS), UserFactory(role=roles.EDITORS)
    services.essay_grade(item_id=items["essay"].pk, grader=first, score=4, feedback="Parfait.")
    with pytest.raises(services.GradingError, match="corrigée par quelqu’un d’autre"):
        services.essay_grade(item_id=items["essay"].pk, grader=second, score=0, feedback="Non.")
    item = AttemptItem.objects.get(pk=items["essay"].pk)
    assert (item.score, item.grader_feedback, item.graded_by) == (Decimal(4), "Parfait.", first)


def test_an_unanswered_essay_needs_no_person(quiz, learner):
    attempt = services.attempt_start(learner=learner, quiz=quiz)
    attempt = services.attempt_submit(attempt=attempt)
    assert attempt.state == Attempt.State.FINISHED
    assert attempt.percent == 0


# --- Pages ------------------------------------------------------------------------------------


def test_the_learner_sees_a_provisional_grade_and_never_the_rubric(client, quiz, learner):
    attempt, _items = answer_and_submit(learner, quiz)
    client.force_login(learner)
    review = client.get(reverse("quizzes:attempt_review", args=[attempt.pk]))
    text = review.content.decode()
    assert "Note provisoire : 20 %" in text
    assert "correction en attente" in text
    assert "quiz réussi" not in text
    assert SECRET not in text
    assert SECRET not in client.get(quiz.url).content.decode()


def test_the_review_shows_the_graders_score_and_feedback_once_final(client, quiz, learner):
    attempt, items = answer_and_submit(learner, quiz)
    services.essay_grade(
        item_id=items["essay"].pk,
        grader=UserFactory(role=roles.EDITORS),
        score=2,
        feedback="Citez l’article <b>10</b>.",
    )
    client.force_login(learner)
    text = client.get(reverse("quizzes:attempt_review", args=[attempt.pk])).content.decode()
    assert "Note : 60 %" in text
    assert "Citez l’article &lt;b&gt;10&lt;/b&gt;." in text
    assert "2 / 4" in text
    assert SECRET not in text


def test_a_supervisor_sees_and_grades_only_the_learners_of_their_units(
    client, quiz, learner, units
):
    mopti, segou = units
    answer_and_submit(learner, quiz)
    essay = AttemptItem.objects.get(state="needs_grading")
    outsider = SupervisorFactory(supervised_units=[segou])
    client.force_login(outsider)
    listing = client.get(reverse("quizzes:grading_list"))
    assert listing.status_code == 200
    assert "Essai-Keïta" not in listing.content.decode()
    url = reverse("quizzes:grading_item", args=[essay.pk])
    assert client.get(url).status_code == 404
    assert client.post(url, {"score": "4", "feedback": ""}).status_code == 404
    assert AttemptItem.objects.get(pk=essay.pk).state == "needs_grading"

    client.force_login(SupervisorFactory(supervised_units=[mopti]))
    listing = client.get(reverse("quizzes:grading_list")).content.decode()
    assert "Essai-Keïta" in listing
    page = client.get(url).content.decode()
    assert SECRET in page  # the rubric is for the grader
    response = client.post(url, {"score": "3,5", "feedback": "Bien."})
    assert response.status_code == 302
    assert AttemptItem.objects.get(pk=essay.pk).score == Decimal("3.5")


@pytest.mark.parametrize("who", ["learner", "nobody"])
def test_people_who_grade_nobody_get_404(client, quiz, learner, who):
    answer_and_submit(learner, quiz)
    essay = AttemptItem.objects.get(state="needs_grading")
    client.force_login(learner if who == "learner" else LearnerFactory())
    assert client.get(reverse("quizzes:grading_list")).status_code == 404
    assert client.get(reverse("quizzes:grading_item", args=[essay.pk])).status_code == 404


def test_anonymous_visitors_are_sent_to_sign_in(client):
    response = client.get(reverse("quizzes:grading_list"))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("accounts:login"))


@pytest.mark.parametrize(
    ("score", "feedback", "message"),
    [
        ("4,5", "", "La note doit être comprise entre 0 et 4."),
        ("-1", "", "La note doit être comprise entre 0 et 4."),
        ("deux", "", "Saisissez un nombre, par exemple 3 ou 3,5."),
        ("=1+1", "", "Saisissez un nombre, par exemple 3 ou 3,5."),
        ("", "", "Champ requis."),
        ("1e3", "", "Saisissez un nombre, par exemple 3 ou 3,5."),
        ("NaN", "", "Saisissez un nombre, par exemple 3 ou 3,5."),
        ("2", "x" * 5001, "5000"),
        ("2", "bad\x00char", "Le caractère nul n’est pas autorisé."),
    ],
)
def test_hostile_grading_posts_get_a_french_error_and_change_nothing(
    client, quiz, learner, score, feedback, message
):
    answer_and_submit(learner, quiz)
    essay = AttemptItem.objects.get(state="needs_grading")
    client.force_login(UserFactory(role=roles.EDITORS))
    response = client.post(
        reverse("quizzes:grading_item", args=[essay.pk]), {"score": score, "feedback": feedback}
    )
    assert response.status_code == 400
    assert message in response.content.decode()
    essay.refresh_from_db()
    assert (essay.state, essay.graded_by) == ("needs_grading", None)
    assert Attempt.objects.get().state == Attempt.State.NEEDS_GRADING


def test_a_grade_posted_for_an_essay_already_graded_says_so(client, quiz, learner):
    answer_and_submit(learner, quiz)
    essay = AttemptItem.objects.get(state="needs_grading")
    editor = UserFactory(role=roles.EDITORS)
    client.force_login(editor)
    url = reverse("quizzes:grading_item", args=[essay.pk])
    # Another grader was first: the item has left the queue, the page answers 404.
    services.essay_grade(
        item_id=essay.pk, grader=UserFactory(role=roles.EDITORS), score=1, feedback=""
    )
    assert client.post(url, {"score": "4", "feedback": ""}).status_code == 404
    assert AttemptItem.objects.get(pk=essay.pk).score == Decimal(1)


def test_the_attempt_page_offers_a_text_box_and_shows_the_description(client, quiz, learner):
    attempt = services.attempt_start(learner=learner, quiz=quiz)
    client.force_login(learner)
    text = client.get(reverse("quizzes:attempt_page", args=[attempt.pk, 1])).content.decode()
    assert "<textarea" in text
    assert "Énoncé description" in text
    assert SECRET not in text
    essay = attempt.items.get(snapshot__type="essay")
    response = client.post(
        reverse("quizzes:attempt_page", args=[attempt.pk, 1]),
        {f"q{essay.pk}": "x" * 10_001, "nav": "summary"},
    )
    assert response.status_code == 400
    assert "10000 caractères au maximum" in response.content.decode()
    assert AttemptItem.objects.get(pk=essay.pk).response is None


def test_the_grading_form_refuses_unstorable_feedback():
    from quizzes.forms import EssayGradeForm

    form = EssayGradeForm({"score": "1", "feedback": "a\ud800b"}, max_score=4.0)
    assert not form.is_valid()
    assert form.errors["feedback"] == ["Le commentaire contient un caractère non valide."]


def test_editors_find_the_page_in_the_admin_menu_and_supervisors_on_their_dashboard(
    client, role_groups, units
):
    client.force_login(UserFactory(role=roles.EDITORS))
    assert reverse("quizzes:grading_list") in client.get("/admin/").content.decode()
    client.force_login(SupervisorFactory(supervised_units=[units[0]]))
    dashboard = client.get(reverse("tracking:dashboard")).content.decode()
    assert reverse("quizzes:grading_list") in dashboard


def test_the_summary_does_not_count_a_description_as_unanswered(client, quiz, learner):
    attempt = services.attempt_start(learner=learner, quiz=quiz)
    client.force_login(learner)
    text = client.get(reverse("quizzes:attempt_summary", args=[attempt.pk])).content.decode()
    assert "2 questions sans réponse." in text  # the single choice and the essay


def test_the_supervisor_sees_the_grade_as_provisional_and_statistics_skip_descriptions(
    client, quiz, learner, units
):
    from quizzes.statistics import quiz_stats

    _attempt, items = answer_and_submit(learner, quiz)
    client.force_login(SupervisorFactory(supervised_units=[units[0]]))
    page = client.get(reverse("tracking:learner", args=[learner.pk])).content.decode()
    assert '20 % <span class="muted">(provisoire)</span>' in page
    assert quiz_stats(quiz).attempts == 0  # provisional attempts wait
    services.essay_grade(
        item_id=items["essay"].pk, grader=UserFactory(role=roles.EDITORS), score=4, feedback=""
    )
    stats = quiz_stats(quiz)
    assert stats.attempts == 1
    assert sorted(q.question_type for q in stats.questions) == ["essay", "single"]


def test_nobody_grades_their_own_essay(client, course, quiz, units):
    supervisor = SupervisorFactory(supervised_units=[units[0]], unit=units[0])
    course_services.enrollment_create(learner=supervisor, course=course)
    answer_and_submit(supervisor, quiz)
    essay = AttemptItem.objects.get(state="needs_grading")
    client.force_login(supervisor)
    assert client.get(reverse("quizzes:grading_item", args=[essay.pk])).status_code == 404
    client.force_login(SupervisorFactory(supervised_units=[units[0]]))
    assert client.get(reverse("quizzes:grading_item", args=[essay.pk])).status_code == 200


def test_the_delay_between_attempts_runs_from_a_provisional_attempt(quiz, learner):
    quiz.delay_minutes = 30
    quiz.save()
    answer_and_submit(learner, quiz)
    refusal = services.attempt_start_refusal(learner=learner, quiz=quiz)
    assert refusal is not None and "recommencer dans" in refusal
