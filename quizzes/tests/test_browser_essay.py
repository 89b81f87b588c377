"""« Un apprenant rédige une composition, une superviseure la corrige au téléphone »: the
provisional grade, « À corriger » at 390 px, the final grade in the review, axe clean."""

import pytest

from accounts.tests.factories import LearnerFactory, SupervisorFactory, UnitFactory
from conftest import login_browser
from courses import services as course_services
from courses.models import ModulePage
from courses.tests.factories import course_build
from lms.tests.test_accessibility import axe_check
from quizzes.models import Attempt, AttemptItem
from quizzes.tests.factories import question_make, quiz_make

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def essay_setup(wagtail_site, role_groups):
    unit = UnitFactory(name="Brigade de Sévaré")
    course = course_build(modules=1, lessons=0, rule="all_requirements", sequential=False)
    module = ModulePage.objects.child_of(course).first()
    quiz = quiz_make(
        module,
        title="Quiz rédigé",
        questions=[question_make("description"), question_make("essay", max_score="4")],
        questions_per_page=2,
        pass_percent=50,
        review_after=["score", "correctness", "feedback"],
        review_open=["score", "correctness", "feedback"],
    )
    learner = LearnerFactory(unit=unit, full_name="Moussa Rédacteur-Diarra")
    course_services.enrollment_create(learner=learner, course=course)
    supervisor = SupervisorFactory(supervised_units=[unit])
    return quiz, learner, supervisor


def test_learner_writes_an_essay_a_supervisor_grades_it_on_a_phone(
    page, client, base_url, essay_setup, page_shots
):
    from playwright.sync_api import expect

    quiz, learner, supervisor = essay_setup
    login_browser(page, client, learner, base_url)
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(quiz.url)
    page.get_by_role("button", name="Commencer le quiz").click()
    expect(page.get_by_text("Énoncé description")).to_be_visible()
    page.get_by_label("Votre réponse").fill("Droit au silence.\nDroit à un avocat.")
    axe_check(page, "tentative avec composition")
    page_shots(page, "essay-attempt")
    page.get_by_role("button", name="Enregistrer et terminer").click()
    page.get_by_role("button", name="Envoyer et terminer").click()
    expect(page.locator(".result")).to_contain_text("Note provisoire : 0 %")
    expect(page.locator(".result")).to_contain_text("correction en attente")
    expect(page.get_by_text("En attente de correction")).to_be_visible()
    assert "CONSIGNE-SECRETE" not in page.content()
    axe_check(page, "relecture provisoire")
    page_shots(page, "essay-review-provisional")
    assert Attempt.objects.get().state == Attempt.State.NEEDS_GRADING

    page.context.clear_cookies()
    login_browser(page, client, supervisor, base_url)
    page.goto("/suivi/")
    page.get_by_role("link", name="À corriger").click()
    expect(page.get_by_role("cell", name="Moussa Rédacteur-Diarra")).to_be_visible()
    axe_check(page, "à corriger")
    page_shots(page, "essay-grading-list")
    page.get_by_role("link", name="Moussa Rédacteur-Diarra").click()
    expect(page.get_by_text("CONSIGNE-SECRETE")).to_be_visible()  # the rubric, for graders
    page.get_by_label("Note", exact=True).fill("9")
    page.get_by_role("button", name="Enregistrer la note").click()
    expect(page.locator(".errorlist")).to_contain_text("La note doit être comprise entre 0 et 4.")
    axe_check(page, "correction avec erreur")
    page.get_by_label("Note", exact=True).fill("3,5")
    page.get_by_label("Commentaire (montré avec la note)").fill("Bien. Citez aussi le médecin.")
    axe_check(page, "correction")
    page_shots(page, "essay-grading-form")
    page.get_by_role("button", name="Enregistrer la note").click()
    expect(page.get_by_text("Correction enregistrée.")).to_be_visible()
    expect(page.get_by_text("Aucune composition n’attend de correction.")).to_be_visible()
    assert AttemptItem.objects.get(snapshot__type="essay").score == 3.5

    page.context.clear_cookies()
    login_browser(page, client, learner, base_url)
    attempt = Attempt.objects.get()
    page.goto(f"/tentatives/{attempt.pk}/relecture/")
    expect(page.locator(".result")).to_contain_text("Note : 88 %")
    expect(page.locator(".result")).to_contain_text("quiz réussi")
    expect(page.get_by_text("Bien. Citez aussi le médecin.")).to_be_visible()
    axe_check(page, "relecture finale")
    page_shots(page, "essay-review-final")
