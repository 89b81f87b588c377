"""Offline use on a shared phone (issue 19, point 5), in chromium with one browser profile:
- two people in turn: the second never sees the first's pages, online or offline, and the
  first's queue is not sent under the second's session (it waits for the first);
- signing out while a completion waits offline: the page asks, « Envoyer d'abord » sends it
  (once the connection is back) then signs out, « Abandonner » discards it and signs out,
  the server hearing of it at the next connection;
- the connection dies in the middle of a sync: nothing duplicated, nothing lost."""

import re
import time

import pytest
from django.contrib.sessions.models import Session
from django.test import Client

from accounts.tests.factories import LearnerFactory
from courses import services
from courses.models import Enrollment, LessonCompletion, OfflineReceipt
from courses.selectors import offline_user_key
from courses.tests.factories import course_build, lessons_of
from courses.tests.test_browser_offline import _launch, _ready, _sign_in
from lms.tests.test_accessibility import axe_check

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

SYNC_URLS = "**/hors-ligne/lecons/**"
# What the device holds, read in the page: cache names and IndexedDB records.
DEVICE = """async () => {
  const base = await new Promise((resolve, reject) => {
    const request = indexedDB.open("kalan-offline");
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
  const all = (name) => new Promise((resolve) => {
    const request = base.transaction(name).objectStore(name).getAll();
    request.onsuccess = () => resolve(request.result);
  });
  return {
    caches: await caches.keys(),
    courses: (await all("courses")).map((record) => record.user),
    queue: (await all("queue")).map((item) => item.user),
    refused: (await all("refused")).map((item) => item.user),
  };
}"""


def _download(page, course, files):
    from playwright.sync_api import expect

    page.goto(course.url)
    _ready(page)
    page.locator(".offline-pack button").click()
    expect(page.locator("[data-offline-state]")).to_contain_text(
        f"fichiers reçus, {files} sur {files}"
    )


def _done_offline(page, lesson, pending):
    from playwright.sync_api import expect

    page.goto(lesson.url)
    expect(page.get_by_role("heading", level=1)).to_have_text(lesson.title)
    _ready(page)
    page.get_by_role("button", name="J’ai terminé cette leçon").click()
    expect(page.get_by_text("C’est noté : cette leçon sera marquée terminée")).to_be_visible()
    expect(page.get_by_text(f"Envois en attente : {pending}.")).to_be_visible()


def _wait_for(page, predicate, timeout=20):
    """Waits with the page's clock, not time.sleep: Playwright's sync API runs route handlers
    only while the test is inside one of its calls."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if predicate():
            return True
        page.wait_for_timeout(200)
    return predicate()


def _session_key(context):
    from django.conf import settings

    return next(c["value"] for c in context.cookies() if c["name"] == settings.SESSION_COOKIE_NAME)


def test_the_next_person_on_the_phone_never_sees_the_first_ones_pages_nor_sends_their_queue(
    browser_type, live_server, wagtail_site, tmp_path
):
    from playwright.sync_api import expect

    course = course_build(title="Formation partagée", modules=1, lessons=2, sequential=False)
    lesson, other_lesson = lessons_of(course)
    first, second = LearnerFactory(), LearnerFactory()
    for learner in (first, second):
        services.enrollment_create(learner=learner, course=course)
    violations, sent = [], []
    context, page = _launch(browser_type, tmp_path / "profil", live_server.url, violations)
    context.on("request", lambda r: sent.append(r.url) if "/hors-ligne/lecons/" in r.url else None)

    _sign_in(context, Client(), first, live_server.url)
    _download(page, course, 5)
    context.set_offline(True)
    _done_offline(page, lesson, 1)
    # The phone changes hands without « Se déconnecter » (the first's session ended) and the
    # second signs in. The first's tab, still open, may try its queue when the connection
    # returns, before any page names the second: the server refuses it (409), it stays.
    context.clear_cookies()
    _sign_in(context, Client(), second, live_server.url)
    context.set_offline(False)
    page.goto("/")
    _ready(page)
    sent.clear()  # from here on, the worker knows the second is signed in
    expect(page.locator(f"[data-offline-course='{course.pk}']")).not_to_contain_text(
        "Disponible hors ligne"
    )
    expect(page.get_by_text("Envois en attente")).to_have_count(0)
    device = page.evaluate(DEVICE)
    # The first's pages and downloads left the device; their queue waits for them.
    assert not [name for name in device["caches"] if offline_user_key(first) in name]
    assert device["courses"] == []
    assert device["queue"] == [offline_user_key(first)]
    page.goto(lesson.url)  # online: the server's page, the second's
    expect(page.get_by_role("button", name="J’ai terminé cette leçon")).to_be_visible()

    context.set_offline(True)
    for url in (lesson.url, other_lesson.url, course.url):
        page.goto(url)
        expect(page.get_by_role("heading", level=1)).to_have_text("Hors ligne")
    _ready(page)
    expect(page.locator("[data-offline-list] li")).to_have_count(0)
    context.set_offline(False)
    page.goto("/")
    _ready(page)
    page.wait_for_timeout(1000)
    assert sent == []  # never under the second's session
    assert not LessonCompletion.objects.exists() and not OfflineReceipt.objects.exists()

    # The second signs out (nothing waits: no question); the first comes back and their
    # completion goes, once.
    page.get_by_role("button", name="Se déconnecter").click()
    page.wait_for_url(re.compile(r"/connexion/"))
    _sign_in(context, Client(), first, live_server.url)
    page.goto("/")
    _ready(page)
    assert _wait_for(page, lambda: LessonCompletion.objects.filter(learner=first).exists())
    assert list(LessonCompletion.objects.values_list("learner_id", "lesson_id")) == [
        (first.pk, lesson.pk)
    ]
    assert sent  # the worker's requests are seen: the empty list above meant something
    context.close()
    assert not violations, violations


def test_signing_out_with_a_completion_waiting_asks_first(
    browser_type, live_server, wagtail_site, tmp_path, page_shots
):
    from playwright.sync_api import expect

    course = course_build(title="Formation du poste commun", modules=1, lessons=3, sequential=False)
    lessons = lessons_of(course)
    learner = LearnerFactory()
    services.enrollment_create(learner=learner, course=course)
    violations = []
    context, page = _launch(browser_type, tmp_path / "profil", live_server.url, violations)
    _sign_in(context, Client(), learner, live_server.url)
    key = offline_user_key(learner)
    _download(page, course, 6)
    context.set_offline(True)
    _done_offline(page, lessons[0], 1)

    # « Se déconnecter » offline with a completion waiting: the page asks.
    page.get_by_role("button", name="Se déconnecter").click()
    dialog = page.get_by_role("dialog", name="Des envois attendent sur cet appareil")
    expect(dialog).to_be_visible()
    expect(dialog).to_contain_text("Envois en attente : 1.")
    page_shots(page, "deconnexion-envois-en-attente")
    axe_check(page, "déconnexion, envois en attente")
    # « Envoyer d'abord » without a connection: nothing sent, nothing lost, still signed in.
    dialog.get_by_role("button", name="Envoyer d’abord").click()
    expect(dialog.get_by_role("status")).to_have_text(re.compile(r"^Pas de connexion"))
    expect(dialog).to_be_visible()
    assert not LessonCompletion.objects.exists()
    # « Annuler » keeps everything; the connection returns; « Envoyer d'abord » then signs out.
    dialog.get_by_role("button", name="Annuler").click()
    expect(dialog).to_be_hidden()
    assert page.evaluate(DEVICE)["queue"] == [key]
    context.set_offline(False)
    page.get_by_role("button", name="Se déconnecter").click()
    page.wait_for_url(re.compile(r"/connexion/"))
    assert list(LessonCompletion.objects.values_list("lesson_id", flat=True)) == [lessons[0].pk]
    assert OfflineReceipt.objects.count() == 1
    device = page.evaluate(DEVICE)
    assert not [name for name in device["caches"] if key in name]
    assert (device["courses"], device["queue"]) == ([], [])

    # Again, and this time « Abandonner » while still offline: discarded, and signed out
    # on the device at once; the server hears of it at the next connection.
    _sign_in(context, Client(), learner, live_server.url)
    _download(page, course, 6)
    session_key = _session_key(context)
    context.set_offline(True)
    _done_offline(page, lessons[1], 1)
    page.get_by_role("button", name="Se déconnecter").click()
    dialog.get_by_role("button", name="Abandonner et me déconnecter").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Hors ligne")
    _ready(page)
    expect(page.locator("[data-offline-list] li")).to_have_count(0)
    device = page.evaluate(DEVICE)
    assert not [name for name in device["caches"] if key in name]
    assert (device["courses"], device["queue"]) == ([], [])
    page.goto(lessons[0].url)
    expect(page.get_by_role("heading", level=1)).to_have_text("Hors ligne")
    context.set_offline(False)
    page.goto("/")
    page.wait_for_url(re.compile(r"/connexion/"))
    assert not Session.objects.filter(session_key=session_key).exists()
    assert list(LessonCompletion.objects.values_list("lesson_id", flat=True)) == [lessons[0].pk]
    context.close()
    assert not violations, violations


def test_a_connection_lost_in_the_middle_of_a_sync_duplicates_nothing_and_loses_nothing(
    browser_type, live_server, wagtail_site, tmp_path
):
    from playwright.sync_api import expect

    course = course_build(title="Formation synchronisée", modules=1, lessons=3, sequential=False)
    lessons = lessons_of(course)
    learner = LearnerFactory()
    services.enrollment_create(learner=learner, course=course)
    violations = []
    context, page = _launch(browser_type, tmp_path / "profil", live_server.url, violations)
    _sign_in(context, Client(), learner, live_server.url)
    _download(page, course, 6)
    context.set_offline(True)
    for number, lesson in enumerate(lessons, 1):
        _done_offline(page, lesson, number)

    # Back online: the first send is answered; the second reaches the server, which records
    # it, but its answer is lost with the connection; the third cannot leave.
    calls = []

    def cut(route):
        calls.append(route.request.url)
        if len(calls) == 1:
            route.continue_()
        elif len(calls) == 2:
            route.fetch()
            route.abort("internetdisconnected")
        else:
            route.abort("internetdisconnected")

    context.route(SYNC_URLS, cut)
    context.set_offline(False)
    page.goto("/")
    ok = _wait_for(page, lambda: LessonCompletion.objects.count() == 2 and len(calls) >= 2)
    assert ok, (calls, LessonCompletion.objects.count())
    page.wait_for_timeout(1000)
    assert OfflineReceipt.objects.count() == 2
    _ready(page)
    expect(page.get_by_text("Envois en attente : 2.")).to_be_visible()

    # The next sync: the second is a replay (counted once), the third goes.
    context.unroute(SYNC_URLS)
    page.reload()
    _ready(page)
    assert _wait_for(page, lambda: LessonCompletion.objects.count() == 3)
    page.reload()
    _ready(page)
    expect(page.get_by_text("Envois en attente")).to_have_count(0)
    assert sorted(LessonCompletion.objects.values_list("lesson_id", flat=True)) == sorted(
        lesson.pk for lesson in lessons
    )
    assert OfflineReceipt.objects.count() == 3
    assert Enrollment.objects.get(learner=learner).is_completed
    context.close()
    assert not violations, violations
