"""Offline use in chromium (issue 19): a learner downloads a course, goes offline, reads three
lessons, marks one done, closes the browser; back online in the same profile, the completion
reaches the server once. Offline, a page that was not downloaded shows « Hors ligne »."""

import re
import time

import pytest
from django.conf import settings

from accounts.tests.factories import LearnerFactory
from conftest import CHROMIUM, CHROMIUM_ARGS
from courses import services
from courses.models import Enrollment, LessonCompletion, OfflineReceipt
from courses.tests.factories import course_build, lessons_of
from lms.tests.test_accessibility import axe_check

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _launch(browser_type, user_data_dir, base_url, violations):
    context = browser_type.launch_persistent_context(
        user_data_dir,
        executable_path=CHROMIUM,
        args=CHROMIUM_ARGS,
        base_url=base_url,
        service_workers="allow",
        viewport={"width": 390, "height": 844},
    )
    context.on(
        "console",
        lambda message: (
            violations.append(message.text) if "Content Security Policy" in message.text else None
        ),
    )
    return context, context.pages[0] if context.pages else context.new_page()


def _sign_in(context, client, user, base_url):
    """The session cookie of a Django test client, with an expiry so that it outlives the
    browser's restart as a real « remember me » session does."""
    client.force_login(user)
    context.add_cookies(
        [
            {
                "name": settings.SESSION_COOKIE_NAME,
                "value": client.cookies[settings.SESSION_COOKIE_NAME].value,
                "url": base_url,
                "expires": time.time() + 3600,
            }
        ]
    )


def _ready(page):
    page.wait_for_selector("body[data-offline-ready]", state="attached", timeout=15_000)


def _wait_for(predicate, timeout=20):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if predicate():
            return True
        time.sleep(0.2)
    return predicate()


def test_a_downloaded_course_is_read_offline_and_its_completion_arrives_once(
    browser_type, client, live_server, wagtail_site, tmp_path, page_shots
):
    from playwright.sync_api import expect

    course = course_build(title="Formation téléchargée", modules=2, lessons=2, sequential=False)
    course_build(title="Formation restée en ligne", modules=1, lessons=1)
    lessons = lessons_of(course)
    learner = LearnerFactory()
    services.enrollment_create(learner=learner, course=course)
    profile = tmp_path / "profil"
    violations = []

    context, page = _launch(browser_type, profile, live_server.url, violations)
    _sign_in(context, client, learner, live_server.url)
    page.goto(course.url)
    _ready(page)
    button = page.locator(".offline-pack button")
    expect(button).to_have_text(re.compile(r"^Télécharger pour lire hors ligne \(\d+ Ko\)$"))
    button.click()
    expect(page.locator("[data-offline-state]")).to_have_text(
        "Formation disponible hors ligne : fichiers reçus, 7 sur 7."
    )
    expect(page.locator(".offline-pack progress")).to_be_hidden()
    expect(button).to_have_text(re.compile(r"^Mettre à jour la copie hors ligne \(\d+ Ko\)$"))
    expect(page.locator(".offline-pack [data-offline-date]")).to_contain_text(
        "Disponible hors ligne · téléchargée le"
    )
    page_shots(page, "formation-telechargee")
    # An editor publishes a change to one lesson: updating fetches that page only.
    lessons[3].title = "Leçon 2.2 revue"
    lessons[3].save_revision().publish()
    button.click()
    expect(page.locator("[data-offline-state]")).to_have_text(
        "Formation disponible hors ligne : fichiers reçus, 1 sur 7."
    )
    axe_check(page, "formation téléchargée")

    page.goto("/")
    _ready(page)
    card = page.locator(f"[data-offline-course='{course.pk}']")
    expect(card).to_contain_text("Disponible hors ligne · téléchargée le")
    page_shots(page, "mes-formations-hors-ligne")

    # Offline: three lessons read from the device, the third one marked done.
    context.set_offline(True)
    page.goto(lessons[0].url)
    expect(page.get_by_role("heading", level=1)).to_have_text(lessons[0].title)
    page.get_by_role("link", name=re.compile(lessons[1].title)).first.click()
    expect(page.get_by_role("heading", level=1)).to_have_text(lessons[1].title)
    page.get_by_role("link", name=re.compile(lessons[2].title)).first.click()
    expect(page.get_by_role("heading", level=1)).to_have_text(lessons[2].title)
    _ready(page)
    page.get_by_role("button", name="J’ai terminé cette leçon").click()
    expect(page.get_by_text("C’est noté : cette leçon sera marquée terminée")).to_be_visible()
    expect(page.get_by_text("Envois en attente : 1.")).to_be_visible()
    page_shots(page, "lecon-terminee-hors-ligne")
    assert not LessonCompletion.objects.exists()

    # A page that was not downloaded: « Hors ligne », with what the device holds.
    other = lessons_of(course_build(title="Formation absente", modules=1, lessons=1))[0]
    page.goto(other.url)
    expect(page.get_by_role("heading", level=1)).to_have_text("Hors ligne")
    _ready(page)
    expect(page.locator("[data-offline-list]")).to_contain_text("Formation téléchargée")
    expect(page.locator("[data-offline-list]")).to_contain_text("Leçon 2.2 revue")
    expect(page.locator("[data-offline-empty]")).to_be_hidden()
    page_shots(page, "hors-ligne")
    axe_check(page, "hors ligne")
    context.close()
    assert not OfflineReceipt.objects.exists()

    # The browser restarts with the connection back: the completion is sent, once.
    context, page = _launch(browser_type, profile, live_server.url, violations)
    page.goto("/")
    _ready(page)
    # Sent by Background Sync when chromium sees the connection, or by the page's hello.
    assert _wait_for(lambda: LessonCompletion.objects.filter(learner=learner).exists())
    page.reload()
    _ready(page)
    page.goto(course.url)
    _ready(page)
    time.sleep(1)
    assert list(LessonCompletion.objects.values_list("lesson_id", flat=True)) == [lessons[2].pk]
    assert OfflineReceipt.objects.filter(learner=learner).count() == 1
    assert Enrollment.objects.get(learner=learner).progress_percent == 25
    expect(page.get_by_text("Envois en attente")).to_have_count(0)
    context.close()
    assert not violations, violations


def test_a_second_person_on_the_same_browser_never_gets_the_first_ones_pages(
    browser_type, live_server, wagtail_site, tmp_path
):
    """Caches are per person: on a shared phone, the one signed in after another is offered
    nothing of what the first downloaded, online or offline."""
    from django.test import Client
    from playwright.sync_api import expect

    course = course_build(title="Formation partagée", modules=1, lessons=2, sequential=False)
    lesson = lessons_of(course)[0]
    first, second = LearnerFactory(), LearnerFactory()
    for learner in (first, second):
        services.enrollment_create(learner=learner, course=course)
    violations = []
    context, page = _launch(browser_type, tmp_path / "profil", live_server.url, violations)
    _sign_in(context, Client(), first, live_server.url)
    page.goto(course.url)
    _ready(page)
    page.locator(".offline-pack button").click()
    expect(page.locator("[data-offline-state]")).to_contain_text("fichiers reçus, 5 sur 5")

    context.clear_cookies()
    _sign_in(context, Client(), second, live_server.url)
    page.goto("/")
    _ready(page)
    expect(page.locator(f"[data-offline-course='{course.pk}']")).not_to_contain_text(
        "Disponible hors ligne"
    )
    context.set_offline(True)
    page.goto(lesson.url)
    expect(page.get_by_role("heading", level=1)).to_have_text("Hors ligne")
    _ready(page)
    expect(page.locator("[data-offline-empty]")).to_be_visible()
    expect(page.locator("[data-offline-list] li")).to_have_count(0)
    context.close()
    assert not violations, violations
