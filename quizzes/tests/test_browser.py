import re

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
    page.wait_for_load_state()
    assert "Note : 50 %" in page.content()
    assert "Bonne réponse :" in page.content()
    page.get_by_role("link", name="Retour au quiz").click()
    page.wait_for_load_state()
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
    page.wait_for_load_state()
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


@pytest.fixture
def final_quiz(wagtail_site, role_groups):
    """A final evaluation shaped like the demo's before the fix: 8 questions drawn from a
    category of 8."""
    from quizzes.models import QuizSlot
    from quizzes.tests.factories import category_make

    course_services.course_tree_setup()  # the editors' page permissions
    course = course_build(modules=1, lessons=1, rule="all_requirements")
    module = ModulePage.objects.child_of(course).first()
    category = category_make("Évaluation finale")
    for i in range(8):
        question_make("single", category=category, name=f"Finale {i}")

    def make(**settings):
        quiz = quiz_make(module, title="Évaluation finale", attempts_allowed=3, **settings)
        quiz.slots = [QuizSlot(category=category, random_count=8, include_subcategories=False)]
        quiz.save_revision().publish()
        return course, quiz

    return make


def test_editor_reads_the_review_warning_and_a_certifying_quiz_refuses_the_leak(
    page, live_server, final_quiz, screenshot_dir
):
    from playwright.sync_api import expect

    from accounts import roles
    from accounts.tests.factories import UserFactory
    from quizzes.models import QuizPage

    all_parts = ["score", "correctness", "answer", "feedback"]
    _course, quiz = final_quiz(required=False, review_after=all_parts)
    UserFactory(matricule="ED-1", role=roles.EDITORS)
    page.goto("/admin/login/")
    page.fill("input[name=username]", "ED-1")
    page.fill("input[name=password]", "motdepasse-test")
    page.click("button[type=submit]")
    page.wait_for_url("**/admin/")

    page.goto(f"/admin/pages/{quiz.pk}/edit/")
    page.get_by_role("tab", name="Paramètres").click()
    warning = page.locator("[data-review-leak]")
    expect(warning).to_be_visible()
    expect(warning).to_contain_text(
        "la catégorie « Évaluation finale » : 8 questions pour un tirage de 8"
    )
    for width in (1366, 390):
        page.set_viewport_size({"width": width, "height": 900})
        warning.scroll_into_view_if_needed()
        page.screenshot(path=screenshot_dir / f"quiz-relecture-avertissement-{width}.png")

    # The quiz now counts for the certificate: the same policy is refused.
    page.locator("input[name=required]").check()
    page.get_by_role("button", name="Enregistrer le brouillon").click()
    page.wait_for_load_state()
    page.get_by_role("tab", name="Paramètres").click()
    refusal = page.get_by_text("Refusé pour un quiz obligatoire").first
    expect(refusal).to_be_visible()
    refusal.scroll_into_view_if_needed()
    page.screenshot(path=screenshot_dir / "quiz-relecture-refus-390.png")
    assert not QuizPage.objects.get(pk=quiz.pk).get_latest_revision_as_object().required

    # The safe policy: the score after each attempt, the rest after the last one.
    for part in ("correctness", "answer", "feedback"):
        page.locator(f"input[name=review_after][value={part}]").uncheck()
    for part in all_parts:
        page.locator(f"input[name=review_final][value={part}]").check()
    page.get_by_role("button", name="Enregistrer le brouillon").click()
    page.wait_for_load_state()
    expect(page.get_by_text("Refusé pour un quiz obligatoire")).to_have_count(0)
    saved = QuizPage.objects.get(pk=quiz.pk).get_latest_revision_as_object()
    assert saved.required and saved.review_after == ["score"]
    assert saved.review_final == all_parts
    page.get_by_role("tab", name="Paramètres").click()
    expect(page.locator("[data-review-leak]")).to_have_count(0)
    page.set_viewport_size({"width": 1366, "height": 900})
    page.locator("input[name=review_final]").first.scroll_into_view_if_needed()
    page.screenshot(path=screenshot_dir / "quiz-relecture-reglages-1366.png")


def test_learner_sees_the_answers_only_after_the_last_attempt(
    page, client, live_server, final_quiz, screenshot_dir
):
    from quizzes.demo import REVIEW_POLICY

    course, quiz = final_quiz(**REVIEW_POLICY)
    learner = LearnerFactory()
    course_services.enrollment_create(learner=learner, course=course)
    login_browser(page, client, learner, live_server.url)
    for number in (1, 2, 3):
        page.set_viewport_size({"width": 390 if number == 1 else 1366, "height": 900})
        page.goto(quiz.url)
        page.get_by_role("button", name=re.compile("Commencer le quiz|Nouvelle tentative")).click()
        page.goto(re.sub(r"/page/1/$", "/recapitulatif/", page.url))
        page.get_by_role("button", name="Envoyer et terminer").click()
        page.wait_for_load_state()
        content = page.content()
        assert "Note : 0 %" in content
        if number < 3:
            assert "Bonne réponse" not in content and "verdict--" not in content
            assert "visibles quand vous aurez utilisé toutes vos tentatives" in content
        else:
            assert content.count("Bonne réponse") == 8
        for width in (390, 1366) if number in (1, 3) else ():
            page.set_viewport_size({"width": width, "height": 900})
            page.screenshot(
                path=screenshot_dir / f"quiz-relecture-tentative-{number}-{width}.png",
                full_page=True,
            )
