"""The countdown of a timed attempt, and the review of a true/false question, in chromium."""

import re
from datetime import timedelta

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
def timed_quiz(wagtail_site, role_groups):
    course = course_build(modules=1, lessons=1)
    learner = LearnerFactory()
    course_services.enrollment_create(learner=learner, course=course)
    module = ModulePage.objects.child_of(course).first()
    quiz = quiz_make(
        module,
        questions=[question_make("truefalse"), question_make("ordering")],
        questions_per_page=2,
        time_limit_minutes=30,
        review_after=["score", "correctness", "answer", "feedback"],
    )
    return learner, quiz


def seconds(text: str) -> int:
    parts = [int(p) for p in text.split(":")]
    return sum(p * 60**i for i, p in enumerate(reversed(parts)))


def test_the_countdown_counts_down_and_speaks_at_five_and_one_minute(
    page, client, live_server, timed_quiz, screenshot_dir
):
    from playwright.sync_api import expect

    learner, quiz = timed_quiz
    login_browser(page, client, learner, live_server.url)
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(quiz.url)
    page.get_by_role("button", name="Commencer le quiz").click()
    box = page.locator("[data-countdown]")
    expect(box).to_be_visible()
    clock = page.locator("[data-countdown-clock]")
    first = seconds(clock.inner_text())
    assert 1790 <= first <= 1800
    page.wait_for_timeout(2100)
    assert first - 3 <= seconds(clock.inner_text()) <= first - 2
    live = page.locator("[data-countdown-announce]")
    assert live.inner_text() == ""
    page.screenshot(path=screenshot_dir / "quiz-compte-a-rebours-390.png", full_page=True)
    page.set_viewport_size({"width": 1366, "height": 900})
    page.screenshot(path=screenshot_dir / "quiz-compte-a-rebours-1366.png", full_page=True)

    # The server moves the deadline: the page counts from what the server says.
    attempt = Attempt.objects.get()
    attempt.deadline = timezone.now() + timedelta(minutes=5, seconds=2)
    attempt.save(update_fields=["deadline"])
    page.reload()
    assert live.inner_text() == ""
    expect(live).to_have_text("Il reste 5 minutes.", timeout=6000)
    expect(box).to_have_class(re.compile("countdown--soon"))
    attempt.deadline = timezone.now() + timedelta(seconds=62)
    attempt.save(update_fields=["deadline"])
    page.reload()
    expect(live).to_have_text("Il reste 1 minute.", timeout=6000)
    page.screenshot(path=screenshot_dir / "quiz-compte-a-rebours-1-minute-1366.png")


def test_without_javascript_the_page_shows_the_deadline_s_time(
    browser, client, live_server, timed_quiz
):
    learner, quiz = timed_quiz
    context = browser.new_context(java_script_enabled=False, base_url=live_server.url)
    page = context.new_page()
    login_browser(page, client, learner, live_server.url)
    page.goto(quiz.url)
    page.get_by_role("button", name="Commencer le quiz").click()
    attempt = Attempt.objects.get()
    deadline = f"{timezone.localtime(attempt.deadline):%H:%M}"
    assert page.get_by_text(f"À envoyer avant {deadline}").is_visible()
    assert not page.locator("[data-countdown]").is_visible()
    page.get_by_role("button", name="Enregistrer et terminer").click()
    page.wait_for_load_state()
    assert page.get_by_text(f"À envoyer avant {deadline}.").is_visible()
    context.close()


def test_the_review_of_a_true_false_question_says_the_verdict_in_its_own_words(
    page, client, live_server, timed_quiz, screenshot_dir
):
    learner, quiz = timed_quiz
    login_browser(page, client, learner, live_server.url)
    page.goto(quiz.url)
    page.get_by_role("button", name="Commencer le quiz").click()
    page.get_by_label("Faux", exact=True).check()
    page.get_by_role("button", name="Enregistrer et terminer").click()
    page.get_by_role("button", name="Envoyer et terminer").click()
    verdicts = page.locator(".verdict")
    assert verdicts.first.inner_text() == "Réponse incorrecte"
    assert "Bonne réponse : Vrai" in page.locator("main").inner_text()
    for width in (390, 1366):
        page.set_viewport_size({"width": width, "height": 900})
        page.screenshot(
            path=screenshot_dir / f"quiz-relecture-vrai-faux-{width}.png", full_page=True
        )


def test_at_zero_the_page_s_answers_are_saved_and_the_attempt_sent(
    page, client, live_server, timed_quiz
):
    """The countdown used to stop at zero and leave the answers on the page unsaved: now it
    saves them, and on the summary of a quiz whose attempts are sent at the deadline
    (« Envoi automatique »), sends the attempt; the server judges whether it came in time."""
    from playwright.sync_api import expect

    learner, quiz = timed_quiz
    login_browser(page, client, learner, live_server.url)
    page.goto(quiz.url)
    page.get_by_role("button", name="Commencer le quiz").click()
    attempt = Attempt.objects.get()
    attempt.deadline = timezone.now() + timedelta(seconds=4)
    attempt.save(update_fields=["deadline"])
    page.reload()
    page.get_by_label("Vrai", exact=True).check()  # chosen, never saved by the learner
    page.wait_for_url(re.compile(r"/relecture/$"), timeout=15_000)
    attempt.refresh_from_db()
    assert attempt.state == Attempt.State.FINISHED
    first = attempt.items.order_by("position").first()
    assert first.response == {"choice": "true"}
    assert first.score == 1
    expect(page.locator("main")).to_contain_text("Tentative 1")


def test_at_zero_with_a_grace_period_the_answers_are_saved_but_the_learner_sends(
    page, client, live_server, timed_quiz
):
    from playwright.sync_api import expect

    learner, quiz = timed_quiz
    quiz.expiry_policy = "grace"
    quiz.grace_minutes = 5
    quiz.save()
    login_browser(page, client, learner, live_server.url)
    page.goto(quiz.url)
    page.get_by_role("button", name="Commencer le quiz").click()
    attempt = Attempt.objects.get()
    attempt.deadline = timezone.now() + timedelta(seconds=4)
    attempt.save(update_fields=["deadline"])
    page.reload()
    page.get_by_label("Faux", exact=True).check()
    page.wait_for_url(re.compile(r"/recapitulatif/$"), timeout=15_000)
    page.wait_for_timeout(1500)  # nothing else is sent by itself during the grace period
    expect(page).to_have_url(re.compile(r"/recapitulatif/$"))
    attempt.refresh_from_db()
    assert attempt.state == Attempt.State.IN_PROGRESS
    assert attempt.items.order_by("position").first().response == {"choice": "false"}
    page.get_by_role("button", name="Envoyer et terminer").click()
    page.wait_for_url(re.compile(r"/relecture/$"))
    attempt.refresh_from_db()
    assert attempt.state == Attempt.State.FINISHED


def test_a_page_saved_too_late_is_refused_by_the_server(page, client, live_server, timed_quiz):
    """A page left open long after the deadline (a phone that slept): the countdown sends it at
    once, and the server, past the deadline and its network leeway, keeps nothing of it."""
    learner, quiz = timed_quiz
    quiz.expiry_policy = "not_counted"
    quiz.save()
    login_browser(page, client, learner, live_server.url)
    page.goto(quiz.url)
    page.get_by_role("button", name="Commencer le quiz").click()
    page.get_by_label("Vrai", exact=True).check()
    attempt = Attempt.objects.get()
    attempt.deadline = timezone.now() - timedelta(minutes=5)
    attempt.save(update_fields=["deadline"])
    # The page still counts from its load: reload it to reach zero at once.
    page.reload()
    page.wait_for_url(re.compile(r"/recapitulatif/$"), timeout=15_000)
    assert "Le temps est écoulé : cette réponse n’a pas été enregistrée." in page.content()
    attempt.refresh_from_db()
    assert attempt.state == Attempt.State.IN_PROGRESS  # not sent by itself: not counted
    assert attempt.items.order_by("position").first().response is None
