import pytest
from django.utils import timezone

from accounts.tests.factories import LearnerFactory
from conftest import login_browser
from courses import services as course_services
from courses.models import ModulePage
from courses.tests.factories import course_build
from quizzes.models import Attempt
from quizzes.tests.factories import question_make, quiz_make

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def quiz_setup(wagtail_site, role_groups):
    course = course_build(modules=1, lessons=1, rule="all_requirements")
    learner = LearnerFactory()
    course_services.enrollment_create(learner=learner, course=course)
    module = ModulePage.objects.child_of(course).first()
    quiz = quiz_make(
        module,
        questions=[question_make("single"), question_make("short")],
        attempts_allowed=3,
        delay_minutes=1,
        pass_percent=100,
        review_after=["score", "correctness", "answer", "feedback"],
        shuffle_choices=False,
    )
    return learner, quiz


def test_learner_fails_waits_retries_passes_and_reviews(
    page, client, live_server, quiz_setup, screenshot_dir
):
    learner, quiz = quiz_setup
    login_browser(page, client, learner, live_server.url)
    page.goto(quiz.url)
    page.get_by_role("button", name="Commencer le quiz").click()
    page.get_by_label("10 jours").check()  # wrong
    page.get_by_role("button", name="Enregistrer et continuer").click()
    page.get_by_label("Votre réponse").fill("garde à vue")
    page.get_by_role("button", name="Enregistrer et terminer").click()
    page.get_by_role("button", name="Envoyer et terminer").click()
    assert "Note : 50 %" in page.content()
    assert "Bonne réponse :" in page.content()
    page.get_by_role("link", name="Retour au quiz").click()
    assert "Vous pourrez recommencer dans 1 minute" in page.content()

    # The delay passes.
    Attempt.objects.update(finished_at=timezone.now() - timezone.timedelta(minutes=2))
    page.reload()
    page.get_by_role("button", name="Nouvelle tentative").click()
    page.get_by_label("48 heures").check()
    page.get_by_role("button", name="Enregistrer et continuer").click()
    page.get_by_label("Votre réponse").fill("GARDE A VUE")
    page.get_by_role("button", name="Enregistrer et terminer").click()
    page.get_by_role("button", name="Envoyer et terminer").click()
    assert "Note : 100 %" in page.content() and "quiz réussi" in page.content()
    page.screenshot(path=screenshot_dir / "quiz-relecture.png", full_page=True)


def test_learner_closes_the_page_mid_attempt_and_finds_the_answers(
    page, client, live_server, quiz_setup
):
    learner, quiz = quiz_setup
    login_browser(page, client, learner, live_server.url)
    page.goto(quiz.url)
    page.get_by_role("button", name="Commencer le quiz").click()
    page.get_by_label("48 heures").check()
    page.get_by_role("button", name="Enregistrer et continuer").click()
    page.get_by_label("Votre réponse").fill("garde à vue")
    page.get_by_role("button", name="Enregistrer et terminer").click()

    # Closing the browser loses the session: nothing is kept on the device.
    page.context.clear_cookies()
    page.goto("about:blank")
    login_browser(page, client, learner, live_server.url)
    page.goto(quiz.url)
    page.get_by_role("link", name="Reprendre la tentative").click()
    assert page.get_by_label("48 heures").is_checked()
    page.get_by_role("button", name="Enregistrer et continuer").click()
    assert page.get_by_label("Votre réponse").input_value() == "garde à vue"
