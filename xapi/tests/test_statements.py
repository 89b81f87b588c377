import json
import subprocess
import uuid
from datetime import date

import pytest
from django.db import connection, transaction
from django.test.utils import CaptureQueriesContext

from accounts.tests.factories import LearnerFactory
from courses import services as course_services
from courses.models import Enrollment
from courses.tests.factories import course_build
from xapi import statements
from xapi.models import OutboxStatement

from .factories import JOURNEY_VERBS, journey
from .ralph import VALIDATE

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = str(tmp_path)
    settings.WAGTAILADMIN_BASE_URL = "https://kalan.cndh.ml"
    settings.XAPI_LRS_URL = ""


def outbox() -> list[dict]:
    return [row.statement for row in OutboxStatement.objects.order_by("id")]


def test_a_journey_writes_each_fact_as_a_statement_in_order():
    _learner, course, quiz = journey()
    rows = list(OutboxStatement.objects.order_by("id"))
    assert [row.verb for row in rows] == JOURNEY_VERBS
    assert all(row.status == OutboxStatement.Status.WAITING for row in rows)
    by_verb = {row.verb: row.statement for row in rows}
    course_url = "https://kalan.cndh.ml" + course.get_url_parts()[2]
    quiz_url = "https://kalan.cndh.ml" + quiz.get_url_parts()[2]
    assert course_url.startswith("https://kalan.cndh.ml/") and course_url != quiz_url

    registered = by_verb["registered"]
    assert registered["verb"]["id"] == "http://adlnet.gov/expapi/verbs/registered"
    assert registered["object"]["id"] == course_url
    assert registered["object"]["definition"]["name"] == {
        "fr-FR": course.title,
        "en-US": course.title,
    }
    assert registered["context"]["platform"] == "Kalan"

    failed = by_verb["failed"]
    assert failed["object"]["id"] == quiz_url
    assert failed["result"]["success"] is False and failed["result"]["completion"] is True
    assert failed["result"]["score"] == {"scaled": 0.0, "raw": 0.0, "min": 0.0, "max": 1.0}
    assert failed["result"]["duration"].startswith("P0DT")
    assert failed["context"]["contextActivities"]["parent"][0]["id"] == course_url

    answered = by_verb["answered"]
    assert answered["object"]["id"].startswith(quiz_url + "#question-")
    assert answered["context"]["contextActivities"]["parent"][0]["id"] == quiz_url
    assert answered["context"]["contextActivities"]["grouping"][0]["id"] == course_url

    lesson, course_done = (row.statement for row in rows if row.verb == "completed")
    assert lesson["object"]["definition"]["type"] == statements.LESSON
    assert lesson["context"]["contextActivities"]["parent"][0]["id"] == course_url
    assert course_done["object"]["id"] == course_url and course_done["result"]["completion"]

    earned = by_verb["earned"]
    assert earned["object"]["id"] == course_url + "#attestation"
    assert earned["object"]["definition"]["name"]["en-US"] == f"Certificate: {course.title}"
    voided = by_verb["voided"]
    assert voided["object"] == {"objectType": "StatementRef", "id": earned["id"]}


def test_the_actor_is_opaque_and_stable():
    learner, _course, _quiz = journey()
    learner_statements = [s for s in outbox() if s["verb"]["id"] != statements.VERBS["voided"][0]]
    actors = {json.dumps(s["actor"], sort_keys=True) for s in learner_statements}
    assert len(actors) == 1
    account = learner_statements[0]["actor"]["account"]
    assert account["homePage"] == "https://kalan.cndh.ml/"
    assert len(account["name"]) == 32 and account["name"] == statements.actor_name(learner.pk)
    assert "name" not in learner_statements[0]["actor"]
    text = json.dumps(outbox(), ensure_ascii=False)
    for personal in (learner.full_name, learner.matricule, learner.email, "Journey"):
        assert personal not in text
    # Another learner is another account; a new secret makes a new one too.
    assert statements.actor_name(learner.pk + 1) != account["name"]


def validate(venv, items) -> list[str]:
    done = subprocess.run(
        [str(venv / "bin" / "python"), "-c", VALIDATE],
        input=json.dumps(items),
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)


def test_statements_are_valid_for_ralphs_xapi_models(ralph_venv):
    journey()
    assert len(outbox()) == len(JOURNEY_VERBS)
    assert validate(ralph_venv, outbox()) == []
    # The validator does object: a statement without a verb, or with a scaled score out of
    # bounds, is refused.
    broken = {k: v for k, v in outbox()[0].items() if k != "verb"}
    out_of_bounds = json.loads(json.dumps(outbox()[3]))
    out_of_bounds["result"]["score"]["scaled"] = 1.5
    errors = validate(ralph_venv, [broken, out_of_bounds])
    assert len(errors) == 2 and "verb" in errors[0] and "scaled" in errors[1]


def test_a_fact_rolled_back_leaves_no_statement():
    learner = LearnerFactory()
    course = course_build(modules=1, lessons=1)
    with pytest.raises(RuntimeError), transaction.atomic():
        course_services.enrollment_create(learner=learner, course=course)
        assert OutboxStatement.objects.count() == 1  # written in the fact's transaction
        raise RuntimeError("the request fails after the enrolment")
    assert not Enrollment.objects.exists() and not OutboxStatement.objects.exists()


def test_a_replayed_fact_keeps_its_id_and_one_row():
    from courses.signals import enrolled

    learner = LearnerFactory()
    course = course_build(modules=1, lessons=1)
    enrollment = course_services.enrollment_create(learner=learner, course=course)
    course_services.enrollment_create(learner=learner, course=course)  # not a new fact
    enrolled.send(sender=Enrollment, enrollments=[enrollment])  # the same fact again
    row = OutboxStatement.objects.get()
    expected = uuid.uuid5(
        uuid.uuid5(uuid.NAMESPACE_URL, "https://kalan.cndh.ml/xapi"), f"enrolled:{enrollment.pk}"
    )
    assert row.statement_id == expected and row.statement["id"] == str(expected)


def test_an_assignment_writes_one_statement_per_new_enrolment_in_one_insert():
    course = course_build(modules=1, lessons=1)
    already = LearnerFactory()
    course_services.enrollment_create(learner=already, course=course)
    learners = LearnerFactory.create_batch(5)
    due = {learner.pk: date(2027, 1, 31) for learner in [already, *learners]}
    with CaptureQueriesContext(connection) as queries:
        course_services.enrollments_due_set(course=course, due_dates=due)
    inserts = [q for q in queries if q["sql"].startswith('INSERT INTO "xapi_outboxstatement"')]
    assert len(inserts) == 1
    rows = OutboxStatement.objects.filter(verb="registered")
    assert rows.count() == 6  # the earlier enrolment's, and one per new enrolment
    names = {row.statement["actor"]["account"]["name"] for row in rows}
    assert names == {statements.actor_name(u.pk) for u in [already, *learners]}
