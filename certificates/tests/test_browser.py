import pytest

from accounts.tests.factories import LearnerFactory
from conftest import login_browser
from courses import services as course_services
from courses.tests.factories import course_build, lessons_of

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_last_lesson_gives_a_certificate_to_download_and_verify(
    page, client, live_server, wagtail_site, role_groups, settings, tmp_path, screenshot_dir
):
    settings.MEDIA_ROOT = str(tmp_path)
    settings.CELERY_TASK_ALWAYS_EAGER = True  # the task runs in the server's thread
    learner = LearnerFactory(full_name="Awa Touré")
    course = course_build(
        title="Droits de la personne gardée à vue", modules=1, lessons=1, rule="all_lessons"
    )
    course_services.enrollment_create(learner=learner, course=course)
    login_browser(page, client, learner, live_server.url)

    page.goto(lessons_of(course)[0].url)
    page.get_by_role("button", name="J’ai terminé cette leçon").click()
    assert "Bravo : vous avez terminé la formation" in page.content()

    page.get_by_role("link", name="Mes attestations").click()
    assert "Droits de la personne gardée à vue" in page.content()
    with page.expect_download() as download:
        page.get_by_role("link", name="Télécharger le PDF").click()
    assert download.value.suggested_filename.startswith("CNDH-")
    code = page.locator("article strong").first.inner_text()

    page.context.clear_cookies()  # anyone can verify, signed in or not
    page.goto("/certificats/verifier/")
    page.get_by_label("Code de vérification").fill(code.lower())
    page.get_by_role("button", name="Vérifier").click()
    assert "Attestation valide" in page.content() and "Awa Touré" in page.content()
    page.screenshot(path=screenshot_dir / "verification.png", full_page=True)
