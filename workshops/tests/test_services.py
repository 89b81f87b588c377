from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError

from accounts.tests.factories import LearnerFactory
from workshops import services
from workshops.models import Attendance, Session, TestResult, Workshop

from .factories import participants_make, workshop_make

pytestmark = pytest.mark.django_db


def test_a_workshop_gets_a_morning_and_an_afternoon_per_day_and_a_clean_programme():
    workshop = workshop_make(programme='<p onclick="x()">Programme</p><script>alert(1)</script>')
    sessions = list(workshop.sessions.order_by("date", "part"))
    assert len(sessions) == 6
    assert [s.part for s in sessions[:2]] == [Session.Part.MORNING, Session.Part.AFTERNOON]
    assert workshop.programme == "<p>Programme</p>"
    assert workshop.trainers.count() == 1


def test_dates_out_of_order_or_too_long_are_refused():
    from datetime import date

    with pytest.raises(ValidationError):
        workshop_make(start_date=date(2022, 11, 10), end_date=date(2022, 11, 8))
    with pytest.raises(ValidationError):
        workshop_make(start_date=date(2022, 1, 1), end_date=date(2022, 3, 1))
    assert not Workshop.objects.exists()


def test_participants_over_capacity_are_all_refused():
    workshop = workshop_make(capacity=2)
    learners = [LearnerFactory() for _ in range(3)]
    with pytest.raises(ValidationError, match="Capacité dépassée"):
        services.participants_add(workshop=workshop, learners=learners, added_by=None)
    assert not workshop.participants.exists()
    assert services.participants_add(workshop=workshop, learners=learners[:2], added_by=None) == 2
    # Already there: nothing new, no error.
    assert services.participants_add(workshop=workshop, learners=learners[:1], added_by=None) == 0


def test_attendance_saves_a_whole_session_and_updates_on_a_second_call():
    workshop = workshop_make()
    first, second = participants_make(workshop, [LearnerFactory(), LearnerFactory()])
    session = workshop.sessions.first()
    trainer = workshop.trainers.get()
    services.attendance_save(
        session=session, marks={first.pk: "present", second.pk: "late"}, marked_by=trainer
    )
    services.attendance_save(session=session, marks={second.pk: "excused"}, marked_by=trainer)
    marks = dict(Attendance.objects.values_list("participant_id", "status"))
    assert marks == {first.pk: "present", second.pk: "excused"}


def test_attendance_for_another_workshops_participant_writes_nothing():
    workshop, other = workshop_make(), workshop_make(title="Autre atelier")
    (mine,) = participants_make(workshop, [LearnerFactory()])
    (stranger,) = participants_make(other, [LearnerFactory()])
    with pytest.raises(ValidationError):
        services.attendance_save(
            session=workshop.sessions.first(),
            marks={mine.pk: "present", stranger.pk: "present"},
            marked_by=None,
        )
    assert not Attendance.objects.exists()


def test_a_paper_score_is_a_percentage_marked_as_entered_by_the_trainer():
    workshop = workshop_make()
    (participant,) = participants_make(workshop, [LearnerFactory()])
    trainer = workshop.trainers.get()
    result = services.paper_result_enter(
        participant=participant, kind="pre", percent=Decimal("45"), entered_by=trainer
    )
    assert result.entered_by == trainer
    with pytest.raises(ValidationError):
        services.paper_result_enter(
            participant=participant, kind="pre", percent=Decimal("101"), entered_by=trainer
        )
    assert TestResult.objects.get().percent == 45
