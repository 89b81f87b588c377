"""A learner finishes a course, on a phone and on a desktop (issue 16, point 4): a failed module
quiz says what next, a passed one leads on to the final evaluation, whose pass opens the
completion page; the certificate's links appear there as soon as it is issued, announced
without reloading, and axe finds nothing serious on the way."""

import re

import pytest

from conftest import login_browser
from lms.tests.test_accessibility import axe_check

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

SIZES = ((390, 844), (1366, 768))


@pytest.fixture
def queued(monkeypatch):
    """The completion's certificate task is recorded, not sent: this test issues it itself,
    with the task run here, at the moment it chooses (a worker of the session could issue it
    before the page had shown its waiting state)."""
    from certificates.tasks import certificate_issue

    calls = []
    monkeypatch.setattr(certificate_issue, "delay_on_commit", lambda *args: calls.append(args))
    return calls


def _course_for(learner, width):
    from courses import services
    from courses.models import ModulePage
    from courses.tests.factories import course_build, lessons_of
    from quizzes.tests.factories import question_make, quiz_make

    course = course_build(
        title=f"Droits de la personne gardée à vue ({width})",
        modules=1,
        lessons=1,
        rule="all_requirements",
    )
    module = ModulePage.objects.child_of(course).get()
    module_quiz = quiz_make(
        module,
        questions=[question_make()],
        title="Quiz du module",
        shuffle_choices=False,
        review_after=["score"],
    )
    final = quiz_make(
        course,
        questions=[question_make("truefalse")],
        title="Évaluation finale",
        shuffle_choices=False,
        review_after=["score"],
    )
    services.enrollment_create(learner=learner, course=course)
    services.lesson_complete(learner=learner, lesson=lessons_of(course)[0])
    return course, module_quiz, final


def _fits(page, width):
    assert page.evaluate("document.documentElement.scrollWidth") <= width


def _shoot(page, screenshot_dir, name, width):
    _fits(page, width)
    page.screenshot(path=screenshot_dir / f"{name}-{width}.png", full_page=True)


def test_a_learner_finishes_a_course_and_gets_the_certificate(
    page, client, base_url, wagtail_site, settings, tmp_path, screenshot_dir, queued
):
    from playwright.sync_api import expect

    from accounts.tests.factories import LearnerFactory
    from certificates.models import Certificate
    from certificates.tasks import certificate_issue
    from courses.models import Enrollment
    from quizzes.models import QuizPage

    settings.MEDIA_ROOT = str(tmp_path)
    for width, height in SIZES:
        learner = LearnerFactory(full_name="Mariam Diarra")
        course, module_quiz, final = _course_for(learner, width)
        page.context.clear_cookies()
        login_browser(page, client, learner, base_url)
        page.set_viewport_size({"width": width, "height": height})

        # The module quiz, failed: a new attempt is the way on.
        page.goto(module_quiz.url)
        page.get_by_role("button", name="Commencer le quiz").click()
        page.get_by_label("10 jours").check()
        page.get_by_role("button", name="Enregistrer et terminer").click()
        page.get_by_role("button", name="Envoyer et terminer").click()
        page.wait_for_url(re.compile(r"/relecture/$"))
        expect(page.get_by_text("il faut 70 % pour réussir")).to_be_visible()
        # With a delay between attempts, the page says when, and leads back to the course.
        QuizPage.objects.filter(pk=module_quiz.pk).update(delay_minutes=10)
        page.reload()
        retry = page.get_by_text(re.compile(r"Prochaine tentative possible le .* à"))
        expect(retry).to_be_visible()
        back = page.get_by_role("link", name="Retour à la formation")
        assert back.get_attribute("href") == course.url
        axe_check(page, f"relecture d’un échec avec délai ({width})")
        _shoot(page, screenshot_dir, "quiz-echec-delai", width)

        # The delay over, a second attempt passes, and the review leads on.
        QuizPage.objects.filter(pk=module_quiz.pk).update(delay_minutes=0)
        page.reload()
        page.get_by_role("button", name="Nouvelle tentative").click()
        page.get_by_label("48 heures").check()
        page.get_by_role("button", name="Enregistrer et terminer").click()
        page.get_by_role("button", name="Envoyer et terminer").click()
        page.wait_for_url(re.compile(r"/relecture/$"))
        expect(page.get_by_text("quiz réussi")).to_be_visible()
        expect(page.get_by_text("Suite : Évaluation finale")).to_be_visible()
        expect(page.get_by_role("button", name="Nouvelle tentative")).to_be_visible()
        axe_check(page, f"relecture d’une réussite ({width})")
        _shoot(page, screenshot_dir, "quiz-reussite-continuer", width)
        # The quiz's own page offers the same way on.
        page.goto(module_quiz.url)
        expect(page.get_by_role("button", name="Nouvelle tentative")).to_be_visible()
        _shoot(page, screenshot_dir, "quiz-page-reussi", width)
        page.get_by_role("link", name="Continuer la formation").click()
        page.wait_for_url(re.compile(re.escape(final.url) + "$"))

        # The final evaluation, passed: the completion page, not a plain review.
        page.get_by_role("button", name="Commencer le quiz").click()
        page.get_by_label("Vrai").check()
        page.get_by_role("button", name="Enregistrer et terminer").click()
        page.get_by_role("button", name="Envoyer et terminer").click()
        page.wait_for_url(re.compile(rf"/formation/{course.pk}/terminee/$"))
        enrollment = Enrollment.objects.get(learner=learner, course=course)
        assert enrollment.status == Enrollment.Status.COMPLETED
        assert (learner.pk, course.pk) in queued
        expect(page.get_by_role("heading", level=1)).to_have_text(
            "Bravo : vous avez terminé la formation\u00a0!"
        )
        main = page.locator("main")
        expect(main).to_contain_text(course.title)
        expect(main).to_contain_text("100 % (Évaluation finale)")
        status = page.locator("[data-certificate-status]")
        expect(status).to_have_attribute("role", "status")
        expect(status).to_contain_text("Votre attestation est en cours de création")
        expect(page.get_by_role("link", name="Actualiser la page")).to_be_visible()
        assert not page.get_by_role("link", name="Télécharger l’attestation (PDF)").is_visible()
        axe_check(page, f"formation terminée, attestation en préparation ({width})")
        _shoot(page, screenshot_dir, "formation-terminee-attente", width)

        # The task issues the certificate, run here as the worker would: the page's script
        # finds it and shows the links without a reload.
        certificate_issue.apply(args=[learner.pk, course.pk]).get()
        certificate = Certificate.objects.get(learner=learner, course=course)
        pdf = page.get_by_role("link", name="Télécharger l’attestation (PDF)")
        expect(pdf).to_be_visible(timeout=20_000)
        assert pdf.get_attribute("href") == f"/certificats/{certificate.serial}/pdf/"
        verify = page.get_by_role("link", name="Page de vérification")
        assert verify.get_attribute("href") == (
            f"/certificats/verifier/{certificate.code_display}/"
        )
        expect(status).to_have_text("Votre attestation est disponible.")
        assert not page.get_by_role("link", name="Actualiser la page").is_visible()
        axe_check(page, f"formation terminée, attestation disponible ({width})")
        _shoot(page, screenshot_dir, "formation-terminee-attestation", width)

        with page.expect_download() as download:
            pdf.click()
        assert download.value.suggested_filename == f"{certificate.serial}.pdf"
        page.goto(verify.get_attribute("href"))
        expect(page.locator("main")).to_contain_text("Attestation valide")

        # The course page leads back to this moment.
        page.goto(course.url)
        page.get_by_role("link", name="Votre note et votre attestation").click()
        page.wait_for_url(re.compile(rf"/formation/{course.pk}/terminee/$"))
        expect(page.get_by_role("link", name="Télécharger l’attestation (PDF)")).to_be_visible()


def test_without_javascript_the_page_offers_a_refresh_that_brings_the_certificate(
    browser, client, live_server, wagtail_site, settings, tmp_path, queued
):
    from accounts.tests.factories import LearnerFactory
    from certificates import services as certificate_services
    from quizzes import services as quiz_services

    settings.MEDIA_ROOT = str(tmp_path)
    learner = LearnerFactory()
    course, module_quiz, final = _course_for(learner, 390)
    for quiz in (module_quiz, final):
        attempt = quiz_services.attempt_start(learner=learner, quiz=quiz)
        item = attempt.items.get()
        right = item.display_order[0][0]  # not shuffled: the first choice is right
        quiz_services.attempt_save(attempt=attempt, responses={item.pk: {"choice": right}})
        quiz_services.attempt_submit(attempt=attempt)
    context = browser.new_context(
        java_script_enabled=False,
        base_url=live_server.url,
        viewport={"width": 390, "height": 844},
    )
    page = context.new_page()
    login_browser(page, client, learner, live_server.url)
    page.goto(f"/formation/{course.pk}/terminee/")
    assert page.get_by_text("Votre attestation est en cours de création").is_visible()
    certificate = certificate_services.certificate_issue(learner_id=learner.pk, course_id=course.pk)
    page.get_by_role("link", name="Actualiser la page").click()
    link = page.get_by_role("link", name="Télécharger l’attestation (PDF)")
    assert link.is_visible()
    assert link.get_attribute("href") == f"/certificats/{certificate.serial}/pdf/"
    context.close()
