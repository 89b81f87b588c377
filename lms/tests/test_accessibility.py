"""Accessibility in the browser: axe-core on every page of the learner's and the supervisor's
journeys (no serious or critical violation), and a quiz completed with the keyboard alone."""

import re

import pytest
from axe_playwright_python.sync_playwright import Axe
from django.core.management import call_command

from conftest import login_browser

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

BLOCKING = {"serious", "critical"}


def axe_check(page, label: str) -> None:
    results = Axe().run(page)
    assert results.response["testEngine"]["name"] == "axe-core"  # it did run
    blocking = [v for v in results.response["violations"] if v["impact"] in BLOCKING]
    details = [
        f"{v['id']} ({v['impact']}): {v['help']} → {[n['target'] for n in v['nodes']][:3]}"
        for v in blocking
    ]
    assert not blocking, f"{label}: " + "; ".join(details)


@pytest.fixture
def demo(settings, wagtail_site, role_groups):
    settings.DEBUG = True  # load_demo refuses otherwise
    call_command("load_demo")
    settings.DEBUG = False


def test_learner_and_supervisor_pages_have_no_serious_violation(page, client, base_url, demo):
    from accounts.models import User
    from certificates.models import Certificate
    from courses.models import CoursePage, LessonPage
    from quizzes import services as quiz_services
    from quizzes.models import Attempt, QuizPage

    learner = User.objects.get(matricule="OPJ-0001")
    page.set_viewport_size({"width": 390, "height": 844})

    page.goto("/connexion/")
    axe_check(page, "connexion")

    login_browser(page, client, learner, base_url)
    page.goto("/")
    axe_check(page, "mes formations")
    course = CoursePage.objects.live().order_by("path").first()
    page.goto(course.url)
    axe_check(page, "formation")
    lesson = LessonPage.objects.live().descendant_of(course).order_by("path").first()
    page.goto(lesson.url)
    axe_check(page, "leçon")

    review = Attempt.objects.filter(learner=learner, state="finished").first()
    page.goto(f"/tentatives/{review.pk}/relecture/")
    axe_check(page, "relecture du quiz")
    quiz = next(
        q
        for q in QuizPage.objects.live().descendant_of(course).order_by("path")
        if quiz_services.attempt_start_refusal(learner=learner, quiz=q) is None
    )
    attempt = quiz_services.attempt_start(learner=learner, quiz=quiz)
    page.goto(f"/tentatives/{attempt.pk}/page/1/")
    axe_check(page, "question de quiz")

    certificate = Certificate.objects.create(
        learner=learner,
        course=course,
        serial="CNDH-2026-009999",
        learner_name=learner.full_name,
        course_title=course.title,
        score_percent=85,
        score_basis="final_evaluation",
    )
    page.goto("/certificats/")
    axe_check(page, "mes attestations")
    page.context.clear_cookies()
    page.goto("/certificats/verifier/")
    axe_check(page, "vérification (formulaire)")
    page.goto(f"/certificats/verifier/{certificate.code_display}/")
    axe_check(page, "vérification (résultat)")

    supervisor = User.objects.get(matricule="SUP-0001")
    login_browser(page, client, supervisor, base_url)
    page.goto("/suivi/")
    axe_check(page, "tableau de suivi")
    page.goto(f"/suivi/apprenants/{learner.pk}/")
    axe_check(page, "fiche de l’apprenant")
    page.goto("/suivi/affectations/")
    axe_check(page, "affectations")


def _tab_to(page, predicate, limit=60):
    """Presses Tab until the focused element matches `predicate` (a JS function body)."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate(f"(() => {{ const e = document.activeElement; return {predicate}; }})()"):
            return
    raise AssertionError(f"Focus never reached: {predicate}")


def test_a_quiz_is_completed_with_the_keyboard_alone(page, client, base_url, wagtail_site):
    from accounts.tests.factories import LearnerFactory
    from courses import services as course_services
    from courses.tests.factories import course_build
    from quizzes.models import Attempt
    from quizzes.tests.factories import question_make, quiz_make

    course = course_build(title="Formation au clavier", modules=1, lessons=1, sequential=False)
    quiz = quiz_make(
        course,
        questions=[question_make("single"), question_make("short")],
        title="Quiz au clavier",
    )
    learner = LearnerFactory()
    course_services.enrollment_create(learner=learner, course=course)
    login_browser(page, client, learner, base_url)
    page.goto(quiz.url)

    _tab_to(page, "e.tagName === 'BUTTON' && e.textContent.includes('Commencer le quiz')")
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"/page/1/$"))
    # Page 1: the first answer with the arrow-free way, Space on a radio button.
    _tab_to(page, "e.type === 'radio'")
    page.keyboard.press("Space")
    _tab_to(page, "e.tagName === 'BUTTON' && e.textContent.includes('Enregistrer et continuer')")
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"/page/2/$"))
    # Page 2: type the answer and press Enter in the field: that must save and go forward,
    # not trigger the "Précédent" button shown first on the page.
    _tab_to(page, "e.type === 'text'")
    page.keyboard.type("garde à vue")
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"/recapitulatif/$"))
    _tab_to(page, "e.tagName === 'BUTTON' && e.textContent.includes('Envoyer et terminer')")
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"/relecture/$"))

    attempt = Attempt.objects.get(learner=learner)
    assert attempt.state == Attempt.State.FINISHED
    first, second = attempt.items.order_by("position")
    assert first.response is not None  # the radio chosen with Space (shuffled: any choice)
    assert second.response == {"text": "garde à vue"}
