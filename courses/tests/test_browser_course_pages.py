"""The learner's course pages on a phone and a desktop (issue 16, points 5, 9, 10, 12):
« Mes formations » with its groups, a course in progress (locks drawn as SVG) and a completed
one (nothing locked, a new lesson flagged, the certificate linked)."""

from datetime import date, timedelta

import pytest

from conftest import login_browser

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

WIDTHS = (390, 1366)


def _learner_with_courses():
    from accounts.tests.factories import LearnerFactory
    from certificates import services as certificate_services
    from courses import services
    from courses.models import LessonPage, ModulePage
    from courses.tests.factories import course_build, lesson_body, lessons_of

    learner = LearnerFactory(full_name="Aminata Traoré")
    done = course_build(title="Droits de la personne gardée à vue", modules=4, lessons=1)
    services.enrollment_create(learner=learner, course=done)
    for lesson in lessons_of(done):
        services.lesson_complete(learner=learner, lesson=lesson)
    module = ModulePage.objects.child_of(done).order_by("path").first()
    new = module.add_child(
        instance=LessonPage(title="Nouvelle jurisprudence", body=lesson_body(), live=False)
    )
    new.save_revision().publish()
    # The completion queued the certificate task: a worker running in this test session may
    # issue it at any moment. The service is idempotent: whoever comes first issues it.
    certificate = certificate_services.certificate_issue(learner_id=learner.pk, course_id=done.pk)
    ongoing = course_build(title="Interdiction de la torture", modules=3, lessons=2)
    services.enrollment_create(
        learner=learner, course=ongoing, due_date=date.today() + timedelta(days=20)
    )
    services.lesson_complete(learner=learner, lesson=lessons_of(ongoing)[0])
    services.enrollment_create(
        learner=learner,
        course=course_build(title="Procès-verbal d’audition", modules=1, lessons=1),
        due_date=date.today() + timedelta(days=40),
    )
    services.enrollment_create(
        learner=learner,
        course=course_build(title="Mineurs en conflit avec la loi", modules=1, lessons=1),
        due_date=date.today() + timedelta(days=10),
    )
    course_build(title="Violences basées sur le genre", modules=1, lessons=1)
    return learner, done, ongoing, certificate.serial


def _fits(page, width):
    assert page.evaluate("document.documentElement.scrollWidth") <= width


def test_learner_course_pages_on_a_phone_and_a_desktop(
    page, wagtail_site, client, base_url, screenshot_dir
):
    learner, done, ongoing, certificate_serial = _learner_with_courses()
    login_browser(page, client, learner, base_url)
    for width in WIDTHS:
        page.set_viewport_size({"width": width, "height": 900})

        page.goto("/")
        groups = page.locator("main h2").all_inner_texts()
        assert groups[:3] == ["À commencer", "En cours", "Terminées"]
        to_start = page.locator("section[aria-labelledby=to-start] h3").all_inner_texts()
        assert to_start == ["Mineurs en conflit avec la loi", "Procès-verbal d’audition"]
        assert page.get_by_role("link", name="Mon attestation").is_visible()
        _fits(page, width)
        page.screenshot(path=screenshot_dir / f"mes-formations-{width}.png", full_page=True)

        page.goto(ongoing.url)
        lock = page.locator("svg.icon--lock").first
        assert lock.is_visible()
        box = lock.bounding_box()
        assert box["width"] >= 10 and box["height"] >= 10  # drawn, not an empty glyph
        assert "🔒" not in page.content()
        assert page.get_by_text("À terminer avant le").is_visible()
        _fits(page, width)
        page.screenshot(path=screenshot_dir / f"formation-en-cours-{width}.png", full_page=True)

        page.goto(done.url)
        assert page.locator("svg.icon--lock").count() == 0
        assert page.locator(".badge--new").inner_text() == "Nouveau"
        assert page.get_by_role("link", name="Nouvelle jurisprudence").is_visible()
        link = page.get_by_role("link", name="Mon attestation")
        assert link.get_attribute("href") == f"/certificats/{certificate_serial}/pdf/"
        assert page.get_by_text("À terminer avant le").count() == 0
        _fits(page, width)
        page.screenshot(path=screenshot_dir / f"formation-terminee-{width}.png", full_page=True)
