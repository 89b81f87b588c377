"""Attestations de participation: the rule, exactly once (a task run twice, two workers, a
killed worker, the sweep), revocation that stands, the PDF's words."""

import io
import os
import signal
import subprocess
import sys
from datetime import time, timedelta

import pytest
from django.conf import settings as django_settings
from django.db import connection
from django.utils import timezone
from pypdf import PdfReader

from accounts.tests.factories import LearnerFactory, UserFactory
from conftest import run_together
from workshops import attestations, services, tasks
from workshops.models import Attendance, Attestation, Participant, Session

from .factories import participants_make, workshop_make

pytestmark = pytest.mark.django_db


@pytest.fixture
def media(settings, tmp_path):
    settings.MEDIA_ROOT = str(tmp_path)
    return tmp_path


def roll_call(workshop, participant, statuses):
    """Marks `participant` session by session with `statuses` (as many as given)."""
    for session, status in zip(workshop.sessions.order_by("date", "part"), statuses, strict=False):
        services.attendance_save(session=session, marks={participant.pk: status}, marked_by=None)


@pytest.mark.parametrize(
    ("attended", "total", "threshold", "reached"),
    [
        (5, 6, 80, True),  # 83 %
        (4, 6, 80, False),  # 67 %
        (4, 5, 80, True),  # exactly 80 %: reached
        (5, 6, 84, False),  # 83.3 % < 84, no rounding up
        (6, 6, 100, True),
        (0, 0, 1, False),  # no session, no attestation
    ],
)
def test_the_rule_in_integers(attended, total, threshold, reached):
    assert (
        attestations.threshold_reached(attended=attended, total=total, threshold=threshold)
        is reached
    )


@pytest.mark.parametrize("threshold", [50, 80, 83, 84, 100])
def test_present_and_late_count_excused_and_absent_do_not_and_sql_agrees(threshold):
    workshop = workshop_make(attendance_threshold=threshold)  # 3 days: 6 sessions
    people = participants_make(workshop, [LearnerFactory() for _ in range(5)])
    plans = [
        ["present"] * 6,
        ["present", "late", "late", "present", "present", "excused"],  # 5
        ["present", "present", "present", "present", "absent", "excused"],  # 4
        ["late"] * 3,  # 3, the other three not marked
        ["excused"] * 6,  # 0
    ]
    for person, plan in zip(people, plans, strict=True):
        roll_call(workshop, person, plan)
    expected = {
        person.pk
        for person, attended in zip(people, [6, 5, 4, 3, 0], strict=True)
        if attestations.threshold_reached(attended=attended, total=6, threshold=threshold)
    }
    due = set(
        attestations.due(Participant.objects.filter(workshop=workshop)).values_list("pk", flat=True)
    )
    assert due == expected
    counted = {
        p.pk: p.sessions_attended
        for p in attestations.with_attendance(Participant.objects.filter(workshop=workshop))
    }
    assert [counted[p.pk] for p in people] == [6, 5, 4, 3, 0]


def test_the_roll_call_that_reaches_the_threshold_queues_the_task_after_commit(
    media, settings, django_capture_on_commit_callbacks
):
    settings.CELERY_TASK_ALWAYS_EAGER = True
    workshop = workshop_make()
    (person,) = participants_make(workshop, [LearnerFactory(full_name="Mariam Cissé")])
    sessions = list(workshop.sessions.order_by("date", "part"))
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        for session in sessions[:4]:
            services.attendance_save(session=session, marks={person.pk: "present"}, marked_by=None)
    assert callbacks == [] and not Attestation.objects.exists()  # 4 of 6: 67 %
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        services.attendance_save(session=sessions[4], marks={person.pk: "late"}, marked_by=None)
    assert len(callbacks) == 1
    attestation = Attestation.objects.get()
    assert (attestation.sessions_attended, attestation.sessions_total) == (5, 6)
    assert attestation.serial.startswith(f"CNDH-AP-{timezone.now():%Y}-")
    assert attestation.pdf_sha256
    # The last roll call queues nothing more: there is one already.
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        services.attendance_save(session=sessions[5], marks={person.pk: "present"}, marked_by=None)
    assert callbacks == [] and Attestation.objects.count() == 1


def test_a_task_run_twice_gives_one_attestation_and_one_pdf(media, settings):
    workshop = workshop_make(days=1)
    (person,) = participants_make(workshop, [LearnerFactory()])
    roll_call(workshop, person, ["present", "present"])
    first = tasks.attestation_issue.apply(args=[person.pk]).get()
    second = tasks.attestation_issue.apply(args=[person.pk]).get()
    assert first == second == Attestation.objects.get().pk
    assert [p.name for p in (media / "attestations-participation").iterdir()] == [
        f"{Attestation.objects.get().serial}.pdf"
    ]


def test_below_the_threshold_nothing_is_issued(media):
    workshop = workshop_make(days=1)
    (person,) = participants_make(workshop, [LearnerFactory()])
    roll_call(workshop, person, ["present", "excused"])
    with pytest.raises(attestations.AttestationError, match="Présence insuffisante"):
        attestations.attestation_issue(participant_id=person.pk)
    assert tasks.attestation_issue.apply(args=[person.pk]).get() is None
    assert tasks.attestation_issue.apply(args=[999_999]).get() is None
    assert not Attestation.objects.exists()


def test_a_revocation_stands_until_an_administrator_reissues(media, settings):
    settings.CELERY_TASK_ALWAYS_EAGER = True
    settings.WORKSHOPS_ATTESTATIONS_SWEEP_AFTER_MINUTES = 0
    workshop = workshop_make(days=1)
    (person,) = participants_make(workshop, [LearnerFactory()])
    roll_call(workshop, person, ["present", "present"])
    attestation = attestations.attestation_issue(participant_id=person.pk)
    with pytest.raises(attestations.AttestationError, match="motif"):
        attestations.attestation_revoke(attestation=attestation, reason=" \n ")
    attestations.attestation_revoke(attestation=attestation, reason="Erreur   de nom")
    attestation.refresh_from_db()
    assert not attestation.is_valid and attestation.revoked_reason == "Erreur de nom"
    # Neither the task nor the sweep issues another one.
    assert tasks.attestation_issue.apply(args=[person.pk]).get() is None
    assert tasks.attestations_sweep.apply().get() == 0
    assert Attestation.objects.valid().count() == 0
    # The administrator's reissue does.
    new = attestations.attestation_issue(participant_id=person.pk, reissue=True)
    assert new.pk != attestation.pk and new.is_valid and new.code != attestation.code
    assert Attestation.objects.count() == 2 and Attestation.objects.valid().count() == 1


def test_the_sweep_issues_what_a_lost_message_left_and_finishes_a_pdf(media, settings):
    settings.CELERY_TASK_ALWAYS_EAGER = True
    workshop = workshop_make(days=1)
    first, second = participants_make(workshop, [LearnerFactory(), LearnerFactory()])
    # The roll call's messages were lost (its on-commit callbacks never ran: no transaction
    # commits in this test).
    roll_call(workshop, first, ["present", "late"])
    roll_call(workshop, second, ["present", "present"])
    assert not Attestation.objects.exists()
    # Too recent for the sweep (the task may still be on its way).
    assert tasks.attestations_sweep.apply().get() == 0
    Attendance.objects.update(marked_at=timezone.now() - timedelta(hours=1))
    assert tasks.attestations_sweep.apply().get() == 2
    assert Attestation.objects.valid().exclude(pdf_sha256="").count() == 2
    assert tasks.attestations_sweep.apply().get() == 0
    # A worker died after creating the row, before storing its PDF.
    Attestation.objects.filter(participant=first).update(pdf="", pdf_sha256="")
    assert tasks.attestations_sweep.apply().get() == 1
    assert Attestation.objects.count() == 2
    assert Attestation.objects.get(participant=first).pdf_sha256


def _pdf_text(attestation) -> str:
    with attestation.pdf.open("rb") as handle:
        reader = PdfReader(io.BytesIO(handle.read()))
    return " ".join(reader.pages[0].extract_text().split())


def test_the_pdf_says_participation_with_dates_place_attendance_and_trainers(media):
    trainers = [
        UserFactory(full_name="Hawa Dembélé"),
        UserFactory(full_name="Amadou Coulibaly"),
    ]
    workshop = workshop_make(trainers=trainers)
    (person,) = participants_make(
        workshop, [LearnerFactory(full_name="Boubacar Touré", rank="Adjudant")]
    )
    roll_call(workshop, person, ["present", "late", "present", "excused", "present", "present"])
    attestation = attestations.attestation_issue(participant_id=person.pk)
    text = _pdf_text(attestation)
    for words in (
        "Attestation de participation",
        "Adjudant Boubacar Touré",
        "a participé à l’atelier en présentiel",
        "Atelier droits humains des OPJ",
        "Hôtel La Palmeraie, Sévaré (Mopti), du 8 novembre au 10 novembre 2022",
        "5 demi-journées sur 6 (83 %)",
        "Amadou Coulibaly, Hawa Dembélé",
        attestation.serial,
        attestation.code_display,
    ):
        assert words in text, words
    lowered = text.lower()
    assert "réussite" not in lowered and "succès" not in lowered and "note" not in lowered
    assert "soit" not in lowered  # no hours: the sessions have no times
    reader = PdfReader(attestation.pdf.open("rb"))
    assert reader.metadata.title.startswith("Attestation de participation – Boubacar Touré")


def test_the_pdf_states_the_hours_when_the_sessions_have_times(media):
    workshop = workshop_make(days=1)
    Session.objects.filter(workshop=workshop, part="am").update(
        start_time=time(8, 30), end_time=time(12, 30)
    )
    Session.objects.filter(workshop=workshop, part="pm").update(
        start_time=time(14, 0), end_time=time(17, 30)
    )
    (person,) = participants_make(workshop, [LearnerFactory()])
    roll_call(workshop, person, ["present", "present"])
    attestation = attestations.attestation_issue(participant_id=person.pk)
    assert attestation.minutes_attended == 450
    assert "2 demi-journées sur 2 (100 %), soit 7,5 h" in _pdf_text(attestation)


@pytest.mark.django_db(transaction=True)
@pytest.mark.skipif(connection.vendor != "postgresql", reason="needs PostgreSQL")
def test_four_workers_at_once_make_one_attestation_and_one_pdf(media, wagtail_site):
    workshop = workshop_make(days=1)
    (person,) = participants_make(workshop, [LearnerFactory()])
    roll_call(workshop, person, ["present", "present"])
    results, errors = run_together(
        4, lambda: attestations.attestation_issue(participant_id=person.pk)
    )
    assert errors == []
    assert len({a.pk for a in results}) == 1
    assert Attestation.objects.count() == 1
    assert [p.name for p in (media / "attestations-participation").iterdir()] == [
        f"{Attestation.objects.get().serial}.pdf"
    ]


KILLED_WORKER = """
import sys, time
import django
django.setup()
from workshops import attestations, models
stage = sys.argv[1]
if stage == "render":
    def render_then_hang(attestation):
        print("RENDERING", attestation.serial, flush=True)
        time.sleep(120)  # killed here: the row is committed, its PDF never stored
    attestations.attestation_pdf_render = render_then_hang
else:
    real_save = models.Attestation.save
    def save_then_hang(self, *args, **kwargs):
        real_save(self, *args, **kwargs)
        if kwargs.get("update_fields") == ["serial"]:
            print("CREATED", self.serial, flush=True)
            time.sleep(120)  # killed here: inside the transaction, before its commit
    models.Attestation.save = save_then_hang
attestations.attestation_issue(participant_id=int(sys.argv[2]))
"""


@pytest.mark.django_db(transaction=True)
@pytest.mark.skipif(connection.vendor != "postgresql", reason="needs PostgreSQL")
@pytest.mark.parametrize("stage", ["create", "render"])
def test_a_worker_killed_while_issuing_leaves_one_attestation_after_the_sweep(
    media, settings, wagtail_site, stage
):
    """A worker killed with SIGKILL while creating the row (its transaction rolls back) or
    while rendering the PDF (the row is there, without a PDF): Celery delivers the message
    again (acks_late) or the sweep finds it; either way, one attestation with its PDF."""
    workshop = workshop_make(days=1)
    (person,) = participants_make(workshop, [LearnerFactory()])
    roll_call(workshop, person, ["present", "present"])
    Attendance.objects.update(marked_at=timezone.now() - timedelta(hours=1))
    db = connection.settings_dict
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "lms.settings.test",
        "DATABASE_URL": f"postgres://{db['USER']}@{db['HOST']}:{db['PORT']}/{db['NAME']}",
        "MEDIA_ROOT": str(media),
        "WAGTAILADMIN_BASE_URL": django_settings.WAGTAILADMIN_BASE_URL,
    }
    worker = subprocess.Popen(
        [sys.executable, "-c", KILLED_WORKER, stage, str(person.pk)],
        env=env,
        cwd=django_settings.BASE_DIR,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        line = worker.stdout.readline()
        expected = "CREATED" if stage == "create" else "RENDERING"
        assert line.startswith(expected), line + worker.stderr.read()
    finally:
        worker.send_signal(signal.SIGKILL)
        worker.wait(timeout=30)
    if stage == "create":
        assert not Attestation.objects.exists()  # rolled back with the killed connection
    else:
        assert Attestation.objects.get().pdf_sha256 == ""
    # The message delivered again: the task runs in full.
    settings.CELERY_TASK_ALWAYS_EAGER = True
    assert tasks.attestations_sweep.apply().get() == 1
    tasks.attestation_issue.apply(args=[person.pk]).get()  # and once more, for good measure
    attestation = Attestation.objects.get()
    assert attestation.pdf_sha256 and attestation.pdf.storage.exists(attestation.pdf.name)
    assert [p.name for p in (media / "attestations-participation").iterdir()] == [
        f"{attestation.serial}.pdf"
    ]
