"""A timed quiz that survives a dropped connection, in chromium (issue 19, point 4): started
online, answered and sent offline, the browser restarted, back online. Within the quiz's
offline window the attempt is graded once and flagged « synchronisée hors ligne »; outside
it, the answers are refused with a clear message and the attempt closes by the expiry rule.

The connection comes back two hours after the start: the server's clock (quizzes.services'
`timezone`) is moved two hours on while the browser's stays, as a learner's phone that was
offline through the deadline and presses its buttons in time."""

import re
import time
from datetime import timedelta

import pytest
from django.urls import reverse

from accounts.tests.factories import LearnerFactory, SupervisorFactory, UnitFactory, UserFactory
from courses import services as course_services
from courses.models import ModulePage, OfflineReceipt
from courses.tests.factories import course_build
from courses.tests.test_browser_offline import _launch as launch
from courses.tests.test_browser_offline import _ready as ready
from courses.tests.test_browser_offline import _sign_in as sign_in
from courses.tests.test_browser_offline import _wait_for as wait_for
from lms.tests.test_accessibility import axe_check
from quizzes import services
from quizzes.models import Attempt, QuizGrade
from quizzes.signals import attempt_graded
from quizzes.tests.factories import question_make, quiz_make

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

OUTAGE = timedelta(hours=2)


class _LaterClock:
    """django.utils.timezone, OUTAGE later: the server once the connection comes back."""

    def __init__(self, real):
        self._real = real

    def now(self):
        return self._real.now() + OUTAGE

    def __getattr__(self, name):
        return getattr(self._real, name)


def _timed_quiz(window_hours, expiry_policy):
    course = course_build(title="Formation chronométrée", modules=1, lessons=1, sequential=False)
    module = ModulePage.objects.child_of(course).first()
    quiz = quiz_make(
        module,
        questions=[question_make("single"), question_make("short")],
        questions_per_page=1,
        shuffle_choices=False,
        time_limit_minutes=10,
        required=False,
        offline_late_hours=window_hours,
        expiry_policy=expiry_policy,
        review_after=["score", "correctness"],
        title="Quiz hors ligne",
    )
    learner = LearnerFactory()
    course_services.enrollment_create(learner=learner, course=course)
    return quiz, learner


def _answer_everything_offline(context, page, quiz, page_shots, violations):
    """Starts online, goes offline, answers both pages and sends; returns the attempt."""
    from playwright.sync_api import expect

    page.goto(quiz.url)
    page.get_by_role("button", name="Commencer le quiz").click()
    expect(page.locator(".meta-line")).to_contain_text("Page 1 sur 2")
    ready(page)
    attempt = Attempt.objects.get()
    # Starting kept every page of the attempt on the device (pages, summary, quiz page).
    kept = (
        "caches.keys().then(names => Promise.all(names.filter(n => n.startsWith('kalan-user-'))"
        ".map(n => caches.open(n).then(c => c.keys()))))"
        ".then(lists => lists.flat().map(r => new URL(r.url).pathname).sort())"
    )
    expected = sorted(
        [f"/tentatives/{attempt.pk}/page/{n}/" for n in (1, 2)]
        + [f"/tentatives/{attempt.pk}/recapitulatif/", quiz.url]
    )
    assert wait_for(lambda: page.evaluate(kept) == expected), page.evaluate(kept)

    context.set_offline(True)
    page.get_by_label("48 heures").check()
    page.get_by_role("button", name="Enregistrer et continuer").click()
    expect(page.locator(".meta-line")).to_contain_text("Page 2 sur 2")
    ready(page)
    status = page.locator("[data-offline-quiz-status]")
    expect(status).to_have_text("1 réponse en attente d’envoi.")
    page.get_by_label("Votre réponse").fill("garde à vue")
    page_shots(page, "quiz-hors-ligne-page")
    page.get_by_role("button", name="Enregistrer et terminer").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Récapitulatif")
    ready(page)
    expect(status).to_have_text("2 réponses en attente d’envoi.")
    # Back to page 1, offline: the answer queued for it is in its fields again.
    page.go_back()
    page.go_back()
    expect(page.locator(".meta-line")).to_contain_text("Page 1 sur 2")
    ready(page)
    expect(page.get_by_label("48 heures")).to_be_checked()
    page.go_forward()
    page.go_forward()
    expect(page.get_by_role("heading", level=1)).to_have_text("Récapitulatif")
    ready(page)
    page.get_by_role("button", name="Envoyer et terminer").click()
    expect(status).to_contain_text("2 réponses en attente d’envoi.")
    expect(status).to_contain_text("Tentative envoyée sans connexion")
    expect(page.get_by_role("button", name="Envoyer et terminer")).to_be_hidden()
    page_shots(page, "quiz-hors-ligne-envoye")
    axe_check(page, "quiz envoyé hors ligne")
    attempt.refresh_from_db()
    assert attempt.state == "in_progress"
    assert not attempt.items.exclude(response=None).exists()
    assert not OfflineReceipt.objects.exists()
    context.close()
    return attempt


@pytest.fixture
def graded():
    calls = []

    def receiver(attempt, **kwargs):
        calls.append(attempt.pk)

    attempt_graded.connect(receiver, weak=False)
    yield calls
    attempt_graded.disconnect(receiver)


def test_within_the_window_the_attempt_is_graded_once_and_flagged(
    browser_type, client, live_server, wagtail_site, tmp_path, page_shots, monkeypatch, graded
):
    from playwright.sync_api import expect

    quiz, learner = _timed_quiz(window_hours=3, expiry_policy="not_counted")
    profile = tmp_path / "profil"
    violations = []
    context, page = launch(browser_type, profile, live_server.url, violations)
    sign_in(context, client, learner, live_server.url)
    attempt = _answer_everything_offline(context, page, quiz, page_shots, violations)

    monkeypatch.setattr(services, "timezone", _LaterClock(services.timezone))
    context, page = launch(browser_type, profile, live_server.url, violations)
    page.goto("/")
    ready(page)
    assert wait_for(lambda: Attempt.objects.get(pk=attempt.pk).state != "in_progress")
    attempt.refresh_from_db()
    assert attempt.state == "finished" and attempt.percent == 100
    # Finished when the learner pressed (the browser's clock, in time), arrived ~1 h 50 late.
    assert attempt.finished_at < attempt.deadline
    assert timedelta(hours=1, minutes=49) < attempt.offline_delay < timedelta(hours=1, minutes=51)
    page.reload()
    ready(page)
    time.sleep(1)
    assert graded == [attempt.pk]
    assert OfflineReceipt.objects.filter(learner=learner).count() == 3
    assert QuizGrade.objects.get(learner=learner, quiz=quiz).passed
    expect(page.get_by_text("Envois en attente")).to_have_count(0)

    page.goto(f"/tentatives/{attempt.pk}/relecture/")
    flag = page.get_by_text(re.compile(r"^Synchronisée hors ligne : vos réponses"))
    expect(flag).to_contain_text("arrivées 1 h 5")
    page_shots(page, "quiz-synchronise-hors-ligne")
    axe_check(page, "relecture synchronisée hors ligne")

    # The supervisor's learner page says it too; so do the quiz's statistics in the admin.
    unit = UnitFactory(name="Brigade de Ségou")
    learner.unit = unit
    learner.save(update_fields=["unit"])
    context.clear_cookies()
    sign_in(context, client, SupervisorFactory(supervised_units=[unit]), live_server.url)
    page.goto(f"/suivi/apprenants/{learner.pk}/")
    expect(page.get_by_text("synchronisée hors ligne, arrivée 1 h 5")).to_be_visible()
    page_shots(page, "suivi-apprenant-synchronise")
    assert not violations, violations
    context.clear_cookies()
    sign_in(context, client, UserFactory(is_superuser=True), live_server.url)
    page.goto(reverse("question_bank:quiz_statistics", args=[quiz.pk]))
    expect(page.locator("dd", has_text="(réponses données à temps sans connexion")).to_contain_text(
        "1 (réponses"
    )
    page_shots(page, "statistiques-synchronisees")
    context.close()


def test_outside_the_window_the_answers_are_refused_and_the_attempt_closes(
    browser_type, client, live_server, wagtail_site, tmp_path, page_shots, monkeypatch, graded
):
    from playwright.sync_api import expect

    quiz, learner = _timed_quiz(window_hours=1, expiry_policy="not_counted")
    profile = tmp_path / "profil"
    violations = []
    context, page = launch(browser_type, profile, live_server.url, violations)
    sign_in(context, client, learner, live_server.url)
    attempt = _answer_everything_offline(context, page, quiz, page_shots, violations)

    monkeypatch.setattr(services, "timezone", _LaterClock(services.timezone))
    context, page = launch(browser_type, profile, live_server.url, violations)
    page.goto("/")
    ready(page)
    refusal = page.get_by_role("status").filter(has_text="Quiz « Quiz hors ligne »")
    expect(refusal).to_contain_text("au-delà des 1 h acceptées")
    expect(refusal).to_contain_text("la tentative est close selon la règle du quiz")
    page_shots(page, "quiz-hors-ligne-refuse")
    attempt.refresh_from_db()
    # The quiz's rule at expiry: « La tentative n'est pas comptée ».
    assert attempt.state == "abandoned" and attempt.offline_delay is None
    assert not attempt.items.exclude(response=None).exists()
    assert graded == [] and not QuizGrade.objects.exists()
    assert not OfflineReceipt.objects.exists()
    page.reload()
    ready(page)
    expect(page.get_by_text("Envois en attente")).to_have_count(0)
    expect(refusal).to_have_count(0)  # said once
    context.close()
    assert not violations, violations
