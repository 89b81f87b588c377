"""Quiz answers queued offline on a shared phone (issue 19, points 4 and 5), in chromium with
one browser profile: the attempt's pages and its queued answers carry their person's key; the
next person to sign in never sees the pages nor sends the answers (they wait for their
author, counted in her « Envois en attente »); signing out with an answer waiting asks, and
« Abandonner » takes the answers and the pages off the device."""

import re

import pytest
from django.test import Client

from accounts.tests.factories import LearnerFactory
from courses import services as course_services
from courses.models import ModulePage, OfflineReceipt
from courses.selectors import offline_user_key
from courses.tests.factories import course_build
from courses.tests.test_browser_offline import _launch, _ready, _sign_in
from courses.tests.test_browser_offline_shared import DEVICE, _wait_for
from quizzes.models import Attempt
from quizzes.tests.factories import question_make, quiz_make

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _start_and_save_offline(context, page, quiz):
    """Starts online (the attempt's pages go into the person's cache), then answers page 1
    offline: one save queued. Returns the attempt."""
    from playwright.sync_api import expect

    page.goto(quiz.url)
    page.get_by_role("button", name="Commencer le quiz").click()
    expect(page.locator(".meta-line")).to_contain_text("Page 1 sur 2")
    _ready(page)
    attempt = Attempt.objects.latest("pk")
    first_page = f"/tentatives/{attempt.pk}/page/1/"
    cached = (
        "caches.keys().then(names => Promise.all(names.filter(n => n.startsWith('kalan-user-'))"
        ".map(n => caches.open(n).then(c => c.keys()))))"
        ".then(lists => lists.flat().map(r => new URL(r.url).pathname))"
    )
    assert _wait_for(page, lambda: first_page in page.evaluate(cached))
    context.set_offline(True)
    page.get_by_label("48 heures").check()
    page.get_by_role("button", name="Enregistrer et continuer").click()
    expect(page.locator(".meta-line")).to_contain_text("Page 2 sur 2")
    _ready(page)
    expect(page.locator("[data-offline-quiz-status]")).to_have_text("1 réponse en attente d’envoi.")
    return attempt


def test_a_quiz_queue_waits_for_its_author_and_leaves_with_her(
    browser_type, live_server, wagtail_site, tmp_path
):
    from playwright.sync_api import expect

    course = course_build(title="Formation du poste", modules=1, lessons=1, sequential=False)
    module = ModulePage.objects.child_of(course).first()
    quiz = quiz_make(
        module,
        questions=[question_make("single"), question_make("short")],
        questions_per_page=1,
        shuffle_choices=False,
        required=False,
        title="Quiz partagé",
    )
    first, second = LearnerFactory(), LearnerFactory()
    for learner in (first, second):
        course_services.enrollment_create(learner=learner, course=course)
    violations, sent = [], []
    context, page = _launch(browser_type, tmp_path / "profil", live_server.url, violations)
    context.on("request", lambda r: sent.append(r.url) if "/hors-ligne/" in r.url else None)

    _sign_in(context, Client(), first, live_server.url)
    attempt = _start_and_save_offline(context, page, quiz)
    first_key = offline_user_key(first)
    assert page.evaluate(DEVICE)["queue"] == [first_key]

    # The phone changes hands (the first's session ended without « Se déconnecter »).
    context.clear_cookies()
    _sign_in(context, Client(), second, live_server.url)
    context.set_offline(False)
    page.goto("/")
    _ready(page)
    sent.clear()  # from here on, the worker knows the second is signed in
    expect(page.get_by_text("Envois en attente")).to_have_count(0)
    device = page.evaluate(DEVICE)
    assert not [name for name in device["caches"] if first_key in name]
    assert device["queue"] == [first_key]  # waits for the first
    context.set_offline(True)
    page.goto(f"/tentatives/{attempt.pk}/page/1/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Hors ligne")
    context.set_offline(False)
    page.goto("/")
    _ready(page)
    page.wait_for_timeout(1000)
    assert sent == []  # never under the second's session
    assert not OfflineReceipt.objects.exists()
    assert not attempt.items.exclude(response=None).exists()

    # The second signs out; the first comes back: her save goes, once, under her session.
    page.get_by_role("button", name="Se déconnecter").click()
    page.wait_for_url(re.compile(r"/connexion/"))
    _sign_in(context, Client(), first, live_server.url)
    page.goto("/")
    _ready(page)
    assert _wait_for(page, lambda: OfflineReceipt.objects.filter(learner=first).exists())
    assert attempt.items.get(page_number=1).response is not None
    assert page.evaluate(DEVICE)["queue"] == []

    # Another answer queued offline, then « Se déconnecter »: it is counted and asked about;
    # « Abandonner » takes the answer and the attempt's pages off the device.
    page.goto(f"/tentatives/{attempt.pk}/page/2/")
    _ready(page)
    page.wait_for_timeout(500)
    context.set_offline(True)
    page.get_by_label("Votre réponse").fill("garde à vue")
    page.get_by_role("button", name="Enregistrer et terminer").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Récapitulatif")
    _ready(page)
    page.get_by_role("button", name="Se déconnecter").click()
    dialog = page.get_by_role("dialog", name="Des envois attendent sur cet appareil")
    expect(dialog).to_contain_text("Envois en attente : 1.")
    dialog.get_by_role("button", name="Abandonner et me déconnecter").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Hors ligne")
    device = page.evaluate(DEVICE)
    assert not [name for name in device["caches"] if first_key in name]
    assert (device["queue"], device["refused"]) == ([], [])
    page.goto(f"/tentatives/{attempt.pk}/page/1/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Hors ligne")
    context.close()
    assert OfflineReceipt.objects.count() == 1
    assert not violations, violations
