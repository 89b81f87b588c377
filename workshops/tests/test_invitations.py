"""Invitations to a workshop (issue 20, point 2): inviting holds a place, the invited person
confirms or declines once, and only the people registered count anywhere else (roll call,
scores, the funders' report, attestations)."""

from datetime import date, timedelta
from decimal import Decimal

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.db import connection
from django.db.models import Q
from django.http import Http404
from django.utils import timezone

from accounts.selectors import user_roles
from accounts.tests.factories import LearnerFactory, SupervisorFactory
from conftest import run_together
from courses.models import Enrollment
from courses.tests.factories import course_build
from quizzes.tests.factories import question_make, quiz_make
from tracking.tests.factories import tree_build
from workshops import attestations, reports, selectors, services
from workshops.models import Attendance, Participant, TestResult

from .factories import invitations_make, participants_make, workshop_ahead, workshop_make

pytestmark = pytest.mark.django_db

INVITED, REGISTERED, DECLINED = (
    Participant.Status.INVITED,
    Participant.Status.REGISTERED,
    Participant.Status.DECLINED,
)


@pytest.fixture
def mailer(settings, django_capture_on_commit_callbacks):
    """Invitations leave through Celery after the commit: both run on the spot here."""
    settings.CELERY_TASK_ALWAYS_EAGER = True
    settings.WAGTAILADMIN_BASE_URL = "https://kalan.cndh.ml"
    return django_capture_on_commit_callbacks


def _status(record) -> str:
    return Participant.objects.get(pk=record.pk).status


# --- Inviting -----------------------------------------------------------------------------


def test_an_invitation_holds_a_place_enrolls_nobody_and_is_emailed_in_french(mailer):
    course = course_build(title="Droits humains et OPJ", modules=1, lessons=1)
    workshop = workshop_ahead(course=course)
    awa = LearnerFactory(full_name="Awa Traoré", email="awa@example.ml")
    moussa = LearnerFactory(full_name="Moussa Keïta", email="")
    with mailer(execute=True):
        added = services.participants_add(
            workshop=workshop, learners=[awa, moussa], added_by=None, invite=True
        )
    assert added == 2
    assert set(workshop.participants.values_list("status", flat=True)) == {INVITED}
    assert not Enrollment.objects.exists()  # enrolled once they confirm
    (message,) = mail.outbox  # Moussa has no address
    assert message.to == ["awa@example.ml"]
    assert message.subject == f"Kalan : invitation à l’atelier « {workshop.title} »"
    start = workshop.start_date
    assert "Bonjour Awa Traoré," in message.body
    assert "Hôtel La Palmeraie, Sévaré (Mopti)" in message.body
    assert f"{start.day} " in message.body and str(start.year) in message.body
    assert f"https://kalan.cndh.ml/ateliers/{workshop.pk}/" in message.body
    assert "{%" not in message.body and "{{" not in message.body


def test_the_email_leaves_only_once_the_invitation_is_committed(mailer):
    workshop = workshop_ahead()
    with mailer(execute=False) as callbacks:
        invitations_make(workshop, [LearnerFactory(email="opj@example.ml")])
    assert mail.outbox == [] and len(callbacks) == 1


def test_capacity_counts_pending_invitations_and_a_decline_frees_a_place():
    workshop = workshop_ahead(capacity=3)
    registered = participants_make(workshop, [LearnerFactory()])
    first, second = invitations_make(workshop, [LearnerFactory(), LearnerFactory()])
    newcomers = [LearnerFactory(), LearnerFactory()]
    for invite in (True, False):
        with pytest.raises(ValidationError, match="3 places, 3 déjà prises, 2 ajouts demandés"):
            services.participants_add(
                workshop=workshop, learners=newcomers, added_by=None, invite=invite
            )
    assert workshop.participants.count() == 3
    services.invitation_respond(record=second, accept=False)
    assert services.participants_add(workshop=workshop, learners=newcomers[:1], added_by=None) == 1
    assert registered and first


def test_inviting_someone_registered_or_invited_changes_nothing_for_them(mailer):
    workshop = workshop_ahead()
    (registered,) = participants_make(workshop, [LearnerFactory(email="r@example.ml")])
    (invited,) = invitations_make(workshop, [LearnerFactory(email="i@example.ml")])
    before = list(Participant.objects.order_by("pk").values())
    with mailer(execute=True):
        added = services.participants_add(
            workshop=workshop,
            learners=[registered.learner, invited.learner],
            added_by=SupervisorFactory(),
            invite=True,
        )
    assert added == 0
    assert list(Participant.objects.order_by("pk").values()) == before
    assert mail.outbox == []


def test_someone_who_declined_may_be_invited_again_or_registered_directly():
    workshop = workshop_ahead()
    first, second = invitations_make(workshop, [LearnerFactory(), LearnerFactory()])
    for record in (first, second):
        services.invitation_respond(record=record, accept=False)
    assert services.participants_add(
        workshop=workshop, learners=[first.learner], added_by=None, invite=True
    )
    again = Participant.objects.get(pk=first.pk)
    assert (again.status, again.responded_at) == (INVITED, None)
    assert services.participants_add(workshop=workshop, learners=[second.learner], added_by=None)
    assert _status(second) == REGISTERED


def test_registering_directly_someone_invited_registers_and_enrolls_them():
    course = course_build(title="Droits humains et OPJ", modules=1, lessons=1)
    workshop = workshop_ahead(course=course)
    (invited,) = invitations_make(workshop, [LearnerFactory()])
    assert services.participants_add(workshop=workshop, learners=[invited.learner], added_by=None)
    assert _status(invited) == REGISTERED
    assert Enrollment.objects.filter(learner=invited.learner, course=course).exists()


def test_nobody_is_invited_to_a_workshop_that_is_over():
    workshop = workshop_make()  # November 2022
    with pytest.raises(ValidationError, match="Cet atelier est terminé"):
        invitations_make(workshop, [LearnerFactory()])
    assert not workshop.participants.exists()


# --- Responding ---------------------------------------------------------------------------


def test_confirming_registers_and_enrolls_in_the_linked_course_and_the_tests_courses():
    course = course_build(title="Droits humains et OPJ", modules=1, lessons=1)
    tests_course = course_build(title="Tests des ateliers", modules=1, lessons=1)
    quiz = quiz_make(tests_course, questions=[question_make(name="Q1")], title="Test")
    workshop = workshop_ahead(course=course, pre_test=quiz, post_test=quiz)
    (record,) = invitations_make(workshop, [LearnerFactory()])
    assert not Enrollment.objects.exists()
    mine = selectors.invitation_own_get(user=record.learner, pk=workshop.pk)
    answered = services.invitation_respond(record=mine, accept=True)
    assert answered.status == REGISTERED and answered.responded_at is not None
    assert set(
        Enrollment.objects.filter(learner=record.learner).values_list("course_id", flat=True)
    ) == {course.pk, tests_course.pk}
    assert list(selectors.participants_of(workshop)) == [answered]


def test_declining_frees_the_place_and_enrolls_nobody():
    course = course_build(title="Droits humains et OPJ", modules=1, lessons=1)
    workshop = workshop_ahead(course=course)
    (record,) = invitations_make(workshop, [LearnerFactory()])
    answered = services.invitation_respond(record=record, accept=False)
    assert answered.status == DECLINED and answered.responded_at is not None
    assert not Enrollment.objects.exists()
    assert not workshop.participants.holding_place().exists()


@pytest.mark.parametrize("first", [True, False])
@pytest.mark.parametrize("second", [True, False])
def test_answering_twice_is_refused_in_french_and_changes_nothing(first, second):
    workshop = workshop_ahead()
    (record,) = invitations_make(workshop, [LearnerFactory()])
    services.invitation_respond(record=record, accept=first)
    before = Participant.objects.filter(pk=record.pk).values().get()
    message = "déjà confirmée" if first else "vous ne pourrez pas venir"
    with pytest.raises(ValidationError, match=message):
        services.invitation_respond(record=record, accept=second)
    assert Participant.objects.filter(pk=record.pk).values().get() == before


def test_someone_elses_invitation_or_a_direct_registration_is_404():
    workshop = workshop_ahead()
    (registered,) = participants_make(workshop, [LearnerFactory()])
    (invited,) = invitations_make(workshop, [LearnerFactory()])
    with pytest.raises(Http404):
        selectors.invitation_own_get(user=LearnerFactory(), pk=workshop.pk)
    with pytest.raises(Http404):
        selectors.invitation_own_get(user=registered.learner, pk=workshop.pk)
    with pytest.raises(Http404):
        selectors.invitation_own_get(user=invited.learner, pk=workshop.pk + 1000)
    assert selectors.invitation_own_get(user=invited.learner, pk=workshop.pk) == invited


def test_no_answer_once_the_workshops_last_day_has_passed():
    workshop = workshop_ahead()
    (record,) = invitations_make(workshop, [LearnerFactory()])
    yesterday = timezone.localdate() - timedelta(days=1)
    type(workshop).objects.filter(pk=workshop.pk).update(
        start_date=yesterday - timedelta(days=2), end_date=yesterday
    )
    with pytest.raises(ValidationError, match="Cet atelier est terminé"):
        services.invitation_respond(record=record, accept=True)
    assert _status(record) == INVITED
    assert selectors.invitations_pending_of(record.learner) == []


@pytest.mark.django_db(transaction=True)
@pytest.mark.skipif(connection.vendor != "postgresql", reason="needs PostgreSQL")
def test_two_answers_at_once_one_applied_the_other_told(wagtail_site):
    workshop = workshop_ahead()
    (record,) = invitations_make(workshop, [LearnerFactory()])
    answers = iter([True, False, True, False])
    results, errors = run_together(
        4, lambda: services.invitation_respond(record=record, accept=next(answers))
    )
    assert len(results) == 1 and len(errors) == 3
    assert all(isinstance(error, ValidationError) for error in errors)
    assert _status(record) == results[0].status


# --- Only the registered count ------------------------------------------------------------


@pytest.fixture
def mixed(db):
    """A workshop ahead with Awa registered, Bakary invited and Coumba who declined; marks
    and paper scores written for all three directly (the services refuse them for the two
    invitations), so that each read must filter on its own."""
    tree = tree_build()
    workshop = workshop_ahead(days=1)
    awa = LearnerFactory(full_name="Awa Registered", unit=tree.sevare)
    bakary = LearnerFactory(full_name="Bakary Invited", unit=tree.sevare)
    coumba = LearnerFactory(full_name="Coumba Declined", unit=tree.segou)
    (registered,) = participants_make(workshop, [awa])
    invited, declined = invitations_make(workshop, [bakary, coumba])
    services.invitation_respond(record=declined, accept=False)
    now = timezone.now()
    Attendance.objects.bulk_create(
        Attendance(
            session=session, participant=row, status="present", marked_at=now, attended_since=now
        )
        for session in workshop.sessions.all()
        for row in (registered, invited, declined)
    )
    TestResult.objects.bulk_create(
        TestResult(participant=row, kind=kind, percent=Decimal(50), entered_at=now)
        for row in (registered, invited, declined)
        for kind in ("pre", "post")
    )
    return {"tree": tree, "workshop": workshop, "rows": (registered, invited, declined)}


def test_the_roll_call_lists_and_accepts_only_the_registered(mixed):
    workshop = mixed["workshop"]
    registered, invited, declined = mixed["rows"]
    session = workshop.sessions.first()
    assert [row.participant for row in selectors.attendance_rows(session)] == [registered]
    for row in (invited, declined):
        with pytest.raises(ValidationError, match="Relevé de présence invalide"):
            services.attendance_save(session=session, marks={row.pk: "absent"}, marked_by=None)
    summary = selectors.session_summaries(workshop)[0]
    assert (summary.marked, summary.attended) == (1, 1)


def test_the_knowledge_report_and_paper_scores_count_only_the_registered(mixed):
    workshop = mixed["workshop"]
    registered, invited, _declined = mixed["rows"]
    report = selectors.workshop_report(workshop)
    assert report.participants == 1 and report.gain.count == 1
    assert [row.participant for row in report.rows] == [registered]
    assert list(selectors.paper_scores_of(workshop=workshop, kind="pre")) == [registered.pk]
    with pytest.raises(ValidationError, match="Pas d’inscription confirmée"):
        services.paper_result_enter(
            participant=invited, kind="pre", percent=Decimal(60), entered_by=None
        )


def test_the_funders_report_counts_only_the_registered(mixed):
    workshop, tree = mixed["workshop"], mixed["tree"]
    report = reports.funders_report(workshops=[workshop], people_q=Q())
    (line,) = report.lines
    assert (report.participations, report.trained) == (1, 1)
    assert (line.participants, line.trained, line.attended, line.marked) == (1, 1, 2, 2)
    assert report.gain.count == 1
    # A supervisor of Ségou, where only the person who declined is: no workshop to report on.
    segou = SupervisorFactory(supervised_units=[tree.segou])
    filters = reports.Filters(start=date(2000, 1, 1), end=date(2100, 1, 1))
    assert not reports.workshops_in_period(user=segou, filters=filters).exists()
    assert reports.period_bounds(user=segou) is None
    assert reports.filter_choices(user=segou) == ([], [])
    # ... though they see the workshop, to follow the invitation up.
    assert selectors.workshop_list_visible(user=segou).filter(pk=workshop.pk).exists()


def test_attestations_go_only_to_the_registered(mixed, settings, tmp_path):
    settings.MEDIA_ROOT = str(tmp_path)
    workshop = mixed["workshop"]
    registered, invited, declined = mixed["rows"]
    ids = [row.pk for row in mixed["rows"]]
    assert attestations.attestations_queue(workshop_id=workshop.pk, participant_ids=ids) == 1
    # Marked just now: with a cutoff five minutes ahead, every one due and without one.
    missing = attestations.participants_missing_attestation(older_than=timedelta(minutes=-5))
    assert missing == [registered.pk]
    for row in (invited, declined):
        with pytest.raises(attestations.AttestationError):
            attestations.attestation_issue(participant_id=row.pk)
    issued = attestations.attestations_issue_due(workshop=workshop)
    assert [a.participant_id for a in issued] == [registered.pk]
    listed = attestations.participants_with_attestations(workshop)
    assert [p.pk for p in listed] == [registered.pk]


def test_the_invitations_are_listed_apart_for_those_who_follow_them(mixed):
    workshop = mixed["workshop"]
    _registered, invited, declined = mixed["rows"]
    assert list(selectors.invitations_of(workshop)) == [invited, declined]
    assert selectors.invitations_pending_of(invited.learner) == [invited]
    assert selectors.invitations_pending_of(declined.learner) == []
    assert selectors.participant_records_of(invited.learner) == []


def test_a_persons_workshops_and_invitations_are_read_in_one_query(django_assert_num_queries):
    """« Mes formations » lists both: one query for the two, on the same user instance; the
    invitations to a workshop that is over, and those declined, are left out."""
    learner = LearnerFactory()
    past = workshop_make(title="Atelier passé")
    later = workshop_ahead(title="Atelier à venir")
    today = timezone.localdate()
    soon = workshop_make(
        title="Atelier plus proche", start_date=today, end_date=today + timedelta(days=2)
    )
    refused = workshop_ahead(title="Atelier décliné")
    participants_make(past, [learner])
    invitations_make(later, [learner])
    invitations_make(soon, [learner])
    declined = invitations_make(refused, [learner])[0]
    services.invitation_respond(record=declined, accept=False)
    other_past = workshop_make(title="Invitation périmée")
    Participant.objects.create(workshop=other_past, learner=learner, status=INVITED)

    user_roles(learner)  # read by « Mes formations » anyway: they tell there is something
    with django_assert_num_queries(1):
        records = selectors.participant_records_of(learner)
        pending = selectors.invitations_pending_of(learner)
    assert [r.workshop.title for r in records] == ["Atelier passé"]
    assert [p.workshop.title for p in pending] == ["Atelier plus proche", "Atelier à venir"]
