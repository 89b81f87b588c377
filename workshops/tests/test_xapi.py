"""The workshops' learning records (workshops/xapi.py): attendance and paper scores reach
xapi's outbox in the roll call's transaction, with stable ids; a correction voids."""

import json
import os
import subprocess
from decimal import Decimal

import pytest
from django.conf import settings as django_settings
from django.db import transaction

from accounts.tests.factories import LearnerFactory
from workshops import services
from xapi import statements as xs
from xapi.models import OutboxStatement
from xapi.tests.ralph import VALIDATE, RalphUnavailable, install

from .factories import participants_make, workshop_make

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def site(settings):
    settings.WAGTAILADMIN_BASE_URL = "https://kalan.cndh.ml"
    settings.XAPI_LRS_URL = ""


def outbox(verb=None) -> list[dict]:
    rows = OutboxStatement.objects.order_by("id")
    if verb:
        rows = rows.filter(verb=verb)
    return [row.statement for row in rows]


def test_present_or_late_is_attended_once_and_a_correction_voids_it():
    workshop = workshop_make()
    awa, moussa = participants_make(workshop, [LearnerFactory(), LearnerFactory()])
    session = workshop.sessions.order_by("date", "part").first()
    trainer = workshop.trainers.get()

    services.attendance_save(
        session=session, marks={awa.pk: "present", moussa.pk: "absent"}, marked_by=trainer
    )
    (attended,) = outbox("attended")
    assert attended["actor"] == xs.actor(awa.learner_id)
    assert attended["object"]["id"] == (
        f"https://kalan.cndh.ml/ateliers/{workshop.pk}/#seance-{session.pk}"
    )
    assert attended["object"]["definition"]["type"] == xs.MEETING
    parent = attended["context"]["contextActivities"]["parent"][0]
    assert parent["id"] == f"https://kalan.cndh.ml/ateliers/{workshop.pk}/"
    assert parent["definition"]["name"]["fr-FR"] == f"Atelier : {workshop.title}"

    # Saved again, or present → late: still attended, nothing new.
    services.attendance_save(
        session=session, marks={awa.pk: "late", moussa.pk: "absent"}, marked_by=trainer
    )
    assert OutboxStatement.objects.count() == 1

    # Corrected to absent: the « attended » statement is voided, by the platform.
    services.attendance_save(session=session, marks={awa.pk: "absent"}, marked_by=trainer)
    (voided,) = outbox("voided")
    assert voided["object"] == {"objectType": "StatementRef", "id": attended["id"]}
    assert voided["actor"] == xs.platform_agent()

    # Present again: a new statement, with a new id (the voided one cannot come back).
    services.attendance_save(session=session, marks={awa.pk: "present"}, marked_by=trainer)
    first, again = outbox("attended")
    assert first["id"] == attended["id"] and again["id"] != attended["id"]
    assert [row["verb"]["id"].rsplit("/", 1)[1] for row in outbox()] == [
        "attended",
        "voided",
        "attended",
    ]


def test_a_roll_call_rolled_back_leaves_no_statement():
    workshop = workshop_make()
    (awa,) = participants_make(workshop, [LearnerFactory()])
    session = workshop.sessions.first()
    with pytest.raises(RuntimeError), transaction.atomic():
        services.attendance_save(
            session=session, marks={awa.pk: "present"}, marked_by=workshop.trainers.get()
        )
        raise RuntimeError
    assert not OutboxStatement.objects.exists()


def test_a_paper_score_is_scored_with_the_trainer_as_instructor():
    workshop = workshop_make()
    (awa,) = participants_make(workshop, [LearnerFactory()])
    trainer = workshop.trainers.get()
    services.paper_result_enter(
        participant=awa, kind="pre", percent=Decimal("45"), entered_by=trainer
    )
    (scored,) = outbox("scored")
    assert scored["actor"] == xs.actor(awa.learner_id)
    assert scored["result"]["score"] == {"scaled": 0.45, "raw": 45.0, "min": 0.0, "max": 100.0}
    assert scored["context"]["instructor"] == xs.actor(trainer.pk)
    # No quiz linked: the test is an anchor of the workshop's page.
    assert scored["object"]["id"].endswith(f"/ateliers/{workshop.pk}/#pre-test")
    # A corrected score is a new statement; entering the same again changes nothing else.
    services.paper_result_enter(
        participant=awa, kind="pre", percent=Decimal("55"), entered_by=trainer
    )
    assert [s["result"]["score"]["raw"] for s in outbox("scored")] == [45.0, 55.0]


def test_the_workshop_statements_are_valid_for_ralphs_xapi_models():
    try:
        venv = install(django_settings.VAR_DIR / "test" / "ralph")
    except (RalphUnavailable, OSError) as exc:  # as xapi/tests/conftest.py does
        if os.environ.get("CI"):
            pytest.fail(f"Ralph indisponible : {exc}", pytrace=False)
        pytest.skip(f"Ralph indisponible : {exc}")
    workshop = workshop_make()
    (awa,) = participants_make(workshop, [LearnerFactory()])
    trainer = workshop.trainers.get()
    session = workshop.sessions.first()
    services.attendance_save(session=session, marks={awa.pk: "present"}, marked_by=trainer)
    services.attendance_save(session=session, marks={awa.pk: "excused"}, marked_by=trainer)
    services.paper_result_enter(
        participant=awa, kind="post", percent=Decimal("80"), entered_by=trainer
    )
    items = outbox()
    assert len(items) == 3
    done = subprocess.run(
        [str(venv / "bin" / "python"), "-c", VALIDATE],
        input=json.dumps(items),
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout) == []
