"""Quiz answers queued on a device without connection and sent when it returns (issue 19,
point 4): the server decides, per the quiz's offline window; a replay, an older save
delivered after a newer one, or a save for a finished attempt changes nothing."""

import json
import re
import uuid
from datetime import timedelta

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from accounts.tests.factories import LearnerFactory
from conftest import run_together
from courses import services as course_services
from courses.models import ModulePage, OfflineReceipt
from courses.selectors import offline_user_key
from courses.tests.factories import course_build
from quizzes import grading, services
from quizzes.models import Attempt, QuizGrade
from quizzes.tests.factories import question_make, quiz_make

pytestmark = pytest.mark.django_db

TIMED = {"time_limit_minutes": 10, "required": False, "offline_late_hours": 3}


@pytest.fixture
def course():
    return course_build(modules=1, lessons=1)


@pytest.fixture
def learner(course):
    user = LearnerFactory()
    course_services.enrollment_create(learner=user, course=course)
    return user


def _quiz(course, **settings):
    module = ModulePage.objects.child_of(course).first()
    questions = [question_make("single"), question_make("short")]
    return quiz_make(module, questions=questions, questions_per_page=1, **{**TIMED, **settings})


def _fields(item, right=True):
    """The page's fields as the device sends them: [[name, value], …]."""
    if item.snapshot["type"] == "single":
        wanted = grading.correct_response(item.snapshot)["choice"]
        token = next(t for t, real in item.display_order if (real == wanted) == right)
        return [[f"q{item.pk}", token]]
    return [[f"q{item.pk}", "garde à vue" if right else "perquisition"]]


def _save(client, attempt, page, fields, *, pressed, client_id=None, user=None):
    body = {
        "client_id": str(client_id or uuid.uuid4()),
        "user": user or offline_user_key(attempt.learner),
        "done_at": pressed.isoformat(),
        "fields": fields,
    }
    return client.post(
        reverse("quizzes:attempt_save_sync", args=[attempt.pk, page]),
        data=json.dumps(body),
        content_type="application/json",
    )


def _submit(client, attempt, *, pressed, client_id=None):
    body = {
        "client_id": str(client_id or uuid.uuid4()),
        "user": offline_user_key(attempt.learner),
        "done_at": pressed.isoformat(),
    }
    return client.post(
        reverse("quizzes:attempt_submit_sync", args=[attempt.pk]),
        data=json.dumps(body),
        content_type="application/json",
    )


def _late(attempt, hours):
    """The attempt as if started `hours` ago: its deadline passed while the device was
    offline; what the learner pressed in time is dated just after the start."""
    started = timezone.now() - timedelta(hours=hours)
    Attempt.objects.filter(pk=attempt.pk).update(
        started_at=started, deadline=started + timedelta(minutes=10)
    )
    attempt.refresh_from_db()
    return started + timedelta(minutes=2)


def test_answers_sent_in_time_count_without_a_flag(client, course, learner):
    quiz = _quiz(course)
    attempt = services.attempt_start(learner=learner, quiz=quiz)
    single, short = attempt.items.all()
    client.force_login(learner)
    pressed = timezone.now()
    assert _save(client, attempt, 1, _fields(single), pressed=pressed).json()["status"] == (
        "accepted"
    )
    assert _save(client, attempt, 2, _fields(short), pressed=pressed).json()["status"] == (
        "accepted"
    )
    answer = _submit(client, attempt, pressed=pressed + timedelta(seconds=5))
    assert answer.status_code == 200
    assert answer.json() == {
        "status": "accepted",
        "state": "finished",
        "offline_delay_minutes": None,
    }
    attempt.refresh_from_db()
    assert attempt.percent == 100 and attempt.offline_delay is None
    assert OfflineReceipt.objects.filter(learner=learner).count() == 3
    assert set(OfflineReceipt.objects.values_list("kind", flat=True)) == {
        "quiz_save",
        "quiz_submit",
    }


def test_within_the_window_late_answers_are_graded_once_and_flagged(client, course, learner):
    quiz = _quiz(course)
    attempt = services.attempt_start(learner=learner, quiz=quiz)
    single, short = attempt.items.all()
    pressed = _late(attempt, hours=2)
    client.force_login(learner)
    submit_id = uuid.uuid4()
    answers = [
        _save(client, attempt, 1, _fields(single), pressed=pressed),
        _save(client, attempt, 2, _fields(short), pressed=pressed + timedelta(minutes=1)),
        *[
            _submit(client, attempt, pressed=pressed + timedelta(minutes=2), client_id=submit_id)
            for _ in range(3)
        ],
    ]
    assert [a.status_code for a in answers] == [200] * 5
    assert [a.json()["status"] for a in answers] == [
        "accepted",
        "accepted",
        "accepted",
        "replay",
        "replay",
    ]
    attempt.refresh_from_db()
    assert attempt.state == "finished" and attempt.percent == 100
    # Finished when the learner pressed, flagged with the arrival's lateness (about 1 h 50).
    assert attempt.finished_at == pressed + timedelta(minutes=2)
    assert timedelta(hours=1, minutes=49) < attempt.offline_delay < timedelta(hours=1, minutes=51)
    assert attempt.offline_delay_label == "1 h 50 min"
    assert answers[2].json()["offline_delay_minutes"] == 110
    assert QuizGrade.objects.get(learner=learner, quiz=quiz).passed
    review = client.get(reverse("quizzes:attempt_review", args=[attempt.pk]))
    assert "Synchronisée hors ligne" in review.content.decode()
    assert "1 h 50 min après l’échéance" in review.content.decode()


def test_outside_the_window_refused_and_closed_by_the_expiry_rule(client, course, learner):
    quiz = _quiz(course, offline_late_hours=1, expiry_policy="not_counted")
    attempt = services.attempt_start(learner=learner, quiz=quiz)
    single, _short = attempt.items.all()
    pressed = _late(attempt, hours=2)
    client.force_login(learner)
    save = _save(client, attempt, 1, _fields(single), pressed=pressed)
    assert save.status_code == 422
    message = save.json()["error"]
    assert message.startswith("Quiz « Quiz du module » : vos réponses enregistrées sans")
    assert "au-delà des 1 h acceptées" in message and "ne sont pas comptées" in message
    attempt.refresh_from_db()
    assert attempt.state == "abandoned" and attempt.offline_delay is None
    assert attempt.items.get(pk=single.pk).response is None
    # The submit that follows it gets the same message and changes nothing.
    submit = _submit(client, attempt, pressed=pressed + timedelta(minutes=1))
    assert submit.status_code == 422 and submit.json()["error"] == message
    assert not OfflineReceipt.objects.exists()
    assert not QuizGrade.objects.exists()


def test_outside_the_window_an_autosubmit_quiz_grades_what_the_server_held(client, course, learner):
    quiz = _quiz(course, offline_late_hours=0, expiry_policy="autosubmit")
    attempt = services.attempt_start(learner=learner, quiz=quiz)
    single, short = attempt.items.all()
    services.attempt_save(attempt=attempt, responses={single.pk: None})
    pressed = _late(attempt, hours=1)
    client.force_login(learner)
    answer = _save(client, attempt, 2, _fields(short), pressed=pressed)
    assert answer.status_code == 422
    assert "ce quiz n’accepte aucune réponse en retard" in answer.json()["error"]
    attempt.refresh_from_db()
    assert attempt.state == "finished" and attempt.percent == 0
    assert attempt.offline_delay is None


def test_an_older_save_delivered_after_a_newer_one_changes_nothing(client, course, learner):
    quiz = _quiz(course)
    attempt = services.attempt_start(learner=learner, quiz=quiz)
    single = attempt.items.get(position=0)
    client.force_login(learner)
    now = timezone.now()
    newer = _save(client, attempt, 1, _fields(single), pressed=now)
    older = _save(
        client, attempt, 1, _fields(single, right=False), pressed=now - timedelta(seconds=30)
    )
    assert [newer.json()["status"], older.json()["status"]] == ["accepted", "older"]
    single.refresh_from_db()
    assert single.response == grading.correct_response(single.snapshot)
    assert single.saved_at == now


def test_a_save_pressed_before_an_online_save_changes_nothing(client, course, learner):
    quiz = _quiz(course)
    attempt = services.attempt_start(learner=learner, quiz=quiz)
    single = attempt.items.get(position=0)
    pressed = timezone.now()
    right = {"choice": _fields(single)[0][1]}
    services.attempt_save(attempt=attempt, responses={single.pk: right})
    client.force_login(learner)
    answer = _save(client, attempt, 1, _fields(single, right=False), pressed=pressed)
    assert answer.json()["status"] == "older"
    single.refresh_from_db()
    assert single.response == grading.correct_response(single.snapshot)


def test_a_save_for_a_finished_attempt_changes_nothing(client, course, learner):
    quiz = _quiz(course)
    attempt = services.attempt_start(learner=learner, quiz=quiz)
    single = attempt.items.get(position=0)
    pressed = timezone.now()
    services.attempt_submit(attempt=attempt)
    client.force_login(learner)
    answer = _save(client, attempt, 1, _fields(single), pressed=pressed)
    assert answer.status_code == 422
    assert "la tentative était déjà terminée" in answer.json()["error"]
    single.refresh_from_db()
    assert single.response is None
    attempt.refresh_from_db()
    assert attempt.percent == 0
    # A submit queued offline for it: nothing either.
    assert _submit(client, attempt, pressed=pressed).json()["status"] == "finished"
    attempt.refresh_from_db()
    assert attempt.percent == 0 and attempt.offline_delay is None


@pytest.mark.parametrize(
    ("shift", "expected"),
    [
        (timedelta(hours=1), "dans le futur"),
        (-timedelta(hours=1), "précède le début de la tentative"),
        (timedelta(minutes=11), "après la fin du temps"),
    ],
)
def test_a_press_time_outside_the_time_limit_is_refused(client, course, learner, shift, expected):
    quiz = _quiz(course)
    attempt = services.attempt_start(learner=learner, quiz=quiz)
    single = attempt.items.get(position=0)
    if shift == timedelta(minutes=11):
        # After the deadline as pressed, arriving within the window.
        pressed = _late(attempt, hours=1) + shift
    else:
        pressed = timezone.now() + shift
    client.force_login(learner)
    answer = _save(client, attempt, 1, _fields(single), pressed=pressed)
    assert answer.status_code == 422 and expected in answer.json()["error"]
    single.refresh_from_db()
    attempt.refresh_from_db()
    assert single.response is None and attempt.state == "in_progress"
    assert not OfflineReceipt.objects.exists()


def test_a_required_quiz_never_takes_late_answers(client, course, learner):
    """0 for a certifying quiz whatever the row holds (the form refuses more)."""
    quiz = _quiz(course, required=True, offline_late_hours=5)
    assert quiz.offline_window() == timedelta(0)
    attempt = services.attempt_start(learner=learner, quiz=quiz)
    single = attempt.items.get(position=0)
    pressed = _late(attempt, hours=1)
    client.force_login(learner)
    answer = _save(client, attempt, 1, _fields(single), pressed=pressed)
    assert answer.status_code == 422
    assert "n’accepte aucune réponse en retard" in answer.json()["error"]


def test_the_beat_waits_for_the_window_then_closes_by_the_expiry_rule(course, learner):
    quiz = _quiz(course, offline_late_hours=2)
    attempt = services.attempt_start(learner=learner, quiz=quiz)
    deadline = attempt.deadline
    assert services.attempts_close_overdue(now=deadline + timedelta(hours=1)) == 0
    assert services.attempts_close_overdue(now=deadline + timedelta(hours=2, minutes=1)) == 1
    attempt.refresh_from_db()
    assert attempt.state == "finished"
    # Without a window, as before: closed at the deadline plus the network's leeway.
    other = _quiz(course, offline_late_hours=0, title="Quiz sans délai")
    attempt = services.attempt_start(learner=learner, quiz=other)
    assert services.attempts_close_overdue(now=attempt.deadline + timedelta(minutes=1)) == 1


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        (b"not json", "Envoi illisible"),
        (b"[1, 2]", "Envoi illisible"),
        (b'{"client_id": "x"}', "client_id"),
        (b'{"client_id": "6f1f8a52-8f53-4a59-9a51-3b1e0b0d2f10"}', "done_at"),
        (
            b'{"client_id": "6f1f8a52-8f53-4a59-9a51-3b1e0b0d2f10", "done_at": "2026-01-01T10:00"}',
            "done_at",
        ),
        (b'{"client_id": "6f1f8a52-8f53-4a59-9a51-3b1e0b0d2f10", "done_at": 12}', "done_at"),
        (b"\xff\xfe", "Envoi illisible"),
    ],
)
def test_hostile_bodies_get_a_clear_french_error_and_change_nothing(
    client, course, learner, body, expected
):
    attempt = services.attempt_start(learner=learner, quiz=_quiz(course))
    client.force_login(learner)
    for url in (
        reverse("quizzes:attempt_save_sync", args=[attempt.pk, 1]),
        reverse("quizzes:attempt_submit_sync", args=[attempt.pk]),
    ):
        response = client.post(url, data=body, content_type="application/json")
        assert response.status_code == 400, response.content
        assert expected in response.json()["error"]
    assert not OfflineReceipt.objects.exists()
    assert not attempt.items.exclude(response=None).exists()


@pytest.mark.parametrize(
    ("fields", "expected"),
    [
        ("q1=abc", "fields"),
        ([["q1"]], "fields"),
        ([["q1", 3]], "fields"),
        ([["q1", "a"]] * 2001, "fields"),
        ("token", "ne fait pas partie"),
        ("nul", "caractère non valide"),
    ],
)
def test_hostile_fields_get_a_clear_french_error_and_change_nothing(
    client, course, learner, fields, expected
):
    attempt = services.attempt_start(learner=learner, quiz=_quiz(course))
    single = attempt.items.get(position=0)
    if fields == "token":
        fields = [[f"q{single.pk}", "c0"]]  # a real id, not the page's token
        expected = "Quiz « Quiz du module », page 1 :"
    elif fields == "nul":
        fields = [[f"q{single.pk}", "a\x00b"]]
    client.force_login(learner)
    answer = _save(client, attempt, 1, fields, pressed=timezone.now())
    assert answer.status_code == 400
    assert expected in answer.json()["error"]
    assert not OfflineReceipt.objects.exists()
    single.refresh_from_db()
    assert single.response is None


def test_another_persons_key_or_attempt_and_a_signed_out_device(client, course, learner):
    attempt = services.attempt_start(learner=learner, quiz=_quiz(course))
    single = attempt.items.get(position=0)
    pressed = timezone.now()
    anonymous = _save(Client(), attempt, 1, _fields(single), pressed=pressed)
    assert anonymous.status_code == 401 and "Connectez-vous" in anonymous.json()["error"]
    client.force_login(learner)
    other_key = offline_user_key(LearnerFactory())
    answer = _save(client, attempt, 1, _fields(single), pressed=pressed, user=other_key)
    assert answer.status_code == 409 and "autre personne" in answer.json()["error"]
    assert _save(client, attempt, 9, _fields(single), pressed=pressed).status_code == 404
    intruder = LearnerFactory()
    client.force_login(intruder)
    answer = _save(
        client, attempt, 1, _fields(single), pressed=pressed, user=offline_user_key(intruder)
    )
    assert answer.status_code == 404
    single.refresh_from_db()
    assert single.response is None and not OfflineReceipt.objects.exists()


def test_a_client_id_used_for_another_action_is_refused(client, course, learner):
    attempt = services.attempt_start(learner=learner, quiz=_quiz(course))
    single = attempt.items.get(position=0)
    client_id = uuid.uuid4()
    client.force_login(learner)
    pressed = timezone.now()
    assert (
        _save(client, attempt, 1, _fields(single), pressed=pressed, client_id=client_id).json()[
            "status"
        ]
        == "accepted"
    )
    answer = _submit(client, attempt, pressed=pressed, client_id=client_id)
    assert answer.status_code == 422 and "une autre action" in answer.json()["error"]
    attempt.refresh_from_db()
    assert attempt.state == "in_progress"


def test_the_csrf_token_is_required(course, learner):
    attempt = services.attempt_start(learner=learner, quiz=_quiz(course))
    browser = Client(enforce_csrf_checks=True)
    browser.force_login(learner)
    page = browser.get(reverse("quizzes:attempt_page", args=[attempt.pk, 1]))
    body = json.dumps(
        {
            "client_id": str(uuid.uuid4()),
            "user": offline_user_key(learner),
            "done_at": timezone.now().isoformat(),
        }
    )
    url = reverse("quizzes:attempt_submit_sync", args=[attempt.pk])
    assert browser.post(url, data=body, content_type="application/json").status_code == 403
    token = str(page.context["csrf_token"])
    answer = browser.post(url, data=body, content_type="application/json", HTTP_X_CSRFTOKEN=token)
    assert answer.status_code == 200 and answer.json()["status"] == "accepted"


TIMESTAMP = re.compile(r"\d{4}-\d{2}-\d{2}[ T][\d:.]+(?:[+-]\d{2}:\d{2})?")


def test_the_pages_kept_on_the_device_hold_no_answer_and_no_weight(client, course, learner):
    """What offline.js caches at the start: the attempt's pages, its summary and the quiz's
    page (data-offline-urls). None of them holds a right answer, a weight or a feedback."""
    quiz = _quiz(course)
    attempt = services.attempt_start(learner=learner, quiz=quiz)
    client.force_login(learner)
    page = client.get(reverse("quizzes:attempt_page", args=[attempt.pk, 1]))
    html = page.content.decode()
    urls = page.context["offline_urls"].split(" ")
    assert urls == [
        reverse("quizzes:attempt_page", args=[attempt.pk, 1]),
        reverse("quizzes:attempt_page", args=[attempt.pk, 2]),
        reverse("quizzes:attempt_summary", args=[attempt.pk]),
        quiz.url,
    ]
    assert f'data-offline-urls="{" ".join(urls)}"' in html
    for url in urls:
        # The countdown's deadline is a timestamp whose microseconds may read « 100 ».
        body = TIMESTAMP.sub("", client.get(url).content.decode())
        for secret in ("garde*", "Exact", "Trop long", "Presque", "fraction", "100", "Commentaire"):
            assert secret not in body, (url, secret)
        for item in attempt.items.all():
            # The page's values are opaque tokens, never the snapshot's ids (c0 is often right).
            for choice in item.snapshot.get("choices", []):
                assert f'value="{choice["id"]}"' not in body


@pytest.mark.django_db(transaction=True)
def test_concurrent_replays_of_one_submit_grade_once(wagtail_site):
    course = course_build(title="Formation concurrente", modules=1, lessons=1)
    learner = LearnerFactory()
    course_services.enrollment_create(learner=learner, course=course)
    attempt = services.attempt_start(learner=learner, quiz=_quiz(course))
    client_id = uuid.uuid4()
    pressed = timezone.now()

    def send():
        return services.attempt_submit_offline(
            attempt=attempt, client_id=client_id, pressed_at=pressed
        ).status

    results, errors = run_together(4, send)
    assert errors == []
    assert sorted(results) == ["accepted", "replay", "replay", "replay"]
    assert OfflineReceipt.objects.count() == 1
    assert Attempt.objects.get(pk=attempt.pk).state == "finished"
