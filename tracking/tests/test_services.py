from datetime import date, timedelta

import pytest
from django.contrib.auth.models import Group
from django.core import mail
from django.utils import translation

from accounts import roles
from accounts.models import User
from accounts.tests.factories import LearnerFactory, SupervisorFactory
from courses import services as course_services
from courses.models import Enrollment
from courses.tests.factories import course_build, lessons_of
from tracking import services
from tracking.models import Assignment, Reminder

from .factories import learners_in, supervisor_of

pytestmark = pytest.mark.django_db

TODAY = date(2026, 11, 23)  # a Monday


def _assign(course, supervisor, due, **target):
    return services.assignment_create(
        course=course, due_date=due, assigned_by=supervisor, today=TODAY, **target
    )


def test_assigning_a_unit_enrolls_its_whole_subtree_once(tree, course):
    mopti_people = learners_in(tree.mopti, 2) + learners_in(tree.sevare, 2)
    learners_in(tree.segou, 2)
    chief = supervisor_of(tree.mopti)
    due = TODAY + timedelta(days=30)

    _assign(course, chief, due, unit=tree.mopti)
    _assign(course, chief, due, unit=tree.mopti)  # twice: nothing more

    enrolled = Enrollment.objects.filter(course=course)
    assert sorted(enrolled.values_list("learner_id", flat=True)) == sorted(
        u.pk for u in mopti_people
    )
    assert set(enrolled.values_list("due_date", flat=True)) == {due}
    assert Assignment.objects.count() == 1


def test_a_learner_already_enrolled_keeps_their_enrollment_and_gets_the_due_date(tree, course):
    learner = learners_in(tree.sevare, 1)[0]
    mine = course_services.enrollment_create(learner=learner, course=course)
    course_services.lesson_complete(learner=learner, lesson=lessons_of(course)[0])

    _assign(course, supervisor_of(tree.mopti), TODAY + timedelta(days=10), unit=tree.mopti)

    enrollment = Enrollment.objects.get(learner=learner, course=course)
    assert enrollment.pk == mine.pk
    assert enrollment.progress_percent == 50
    assert enrollment.due_date == TODAY + timedelta(days=10)


def test_the_earliest_covering_assignment_sets_the_due_date(tree, course):
    learner = learners_in(tree.sevare, 1)[0]
    chief = supervisor_of(tree.gendarmerie)
    _assign(course, chief, TODAY + timedelta(days=60), unit=tree.gendarmerie)
    _assign(course, chief, TODAY + timedelta(days=20), learners=[learner])
    assert Enrollment.objects.get(learner=learner).due_date == TODAY + timedelta(days=20)

    services.assignment_delete(assignment=Assignment.objects.get(learner=learner))
    assert Enrollment.objects.get(learner=learner).due_date == TODAY + timedelta(days=60)

    services.assignment_delete(assignment=Assignment.objects.get(unit=tree.gendarmerie))
    # The enrollment stays (progress belongs to the learner); only the due date goes.
    assert Enrollment.objects.get(learner=learner).due_date is None


def test_reassigning_the_same_target_moves_its_due_date(tree, course):
    learner = learners_in(tree.mopti, 1)[0]
    chief = supervisor_of(tree.mopti)
    _assign(course, chief, TODAY + timedelta(days=10), unit=tree.mopti)
    _assign(course, chief, TODAY + timedelta(days=40), unit=tree.mopti)
    assert Enrollment.objects.get(learner=learner).due_date == TODAY + timedelta(days=40)
    assert Assignment.objects.get().due_date == TODAY + timedelta(days=40)


def test_a_learner_who_joins_the_unit_later_is_picked_up(
    tree, course, django_capture_on_commit_callbacks
):
    _assign(course, supervisor_of(tree.mopti), TODAY + timedelta(days=30), unit=tree.mopti)
    with django_capture_on_commit_callbacks(execute=True):
        newcomer = LearnerFactory(unit=tree.sevare)
    assert Enrollment.objects.filter(learner=newcomer, course=course).exists()

    with django_capture_on_commit_callbacks(execute=True):
        mover = LearnerFactory(unit=tree.segou)
    assert not Enrollment.objects.filter(learner=mover).exists()
    mover.unit = tree.mopti
    with django_capture_on_commit_callbacks(execute=True):
        mover.save()
    assert Enrollment.objects.get(learner=mover).due_date == TODAY + timedelta(days=30)


def test_learners_created_without_signals_are_picked_up_by_the_periodic_apply(tree, course):
    _assign(course, supervisor_of(tree.mopti), TODAY + timedelta(days=30), unit=tree.mopti)
    (bulk,) = User.objects.bulk_create([User(matricule="BULK-1", unit=tree.sevare)])
    bulk.groups.add(Group.objects.get_or_create(name=roles.LEARNERS)[0])
    assert services.assignments_apply() == 1
    assert services.assignments_apply() == 0  # idempotent
    assert Enrollment.objects.filter(learner__matricule="BULK-1").count() == 1


def test_supervisors_attached_to_the_unit_are_not_enrolled(tree, course):
    chief = SupervisorFactory(unit=tree.mopti, supervised_units=[tree.mopti])
    _assign(course, chief, TODAY + timedelta(days=30), unit=tree.mopti)
    assert not Enrollment.objects.filter(learner=chief).exists()


def test_assignment_refuses_out_of_scope_targets_and_past_dates(tree, course):
    chief = supervisor_of(tree.mopti)
    stranger = learners_in(tree.segou, 1)[0]
    with pytest.raises(services.TrackingError, match="périmètre"):
        _assign(course, chief, TODAY + timedelta(days=5), unit=tree.segou)
    with pytest.raises(services.TrackingError, match="périmètre"):
        _assign(course, chief, TODAY + timedelta(days=5), learners=[stranger])
    with pytest.raises(services.TrackingError, match="passé"):
        _assign(course, chief, TODAY - timedelta(days=1), unit=tree.mopti)
    assert not Assignment.objects.exists()
    assert not Enrollment.objects.exists()


def _due_enrollment(learner, course, due):
    return Enrollment.objects.create(learner=learner, course=course, due_date=due)


def test_learner_reminders_are_sent_once_a_day_and_skip_learners_without_email(tree):
    course_a = course_build(title="Formation A", modules=1, lessons=1)
    course_b = course_build(title="Formation B", modules=1, lessons=1)
    with_mail = LearnerFactory(unit=tree.mopti, email="awa@example.ml")
    without = LearnerFactory(unit=tree.mopti, email="")
    far = LearnerFactory(unit=tree.mopti, email="far@example.ml")
    done = LearnerFactory(unit=tree.mopti, email="done@example.ml")
    _due_enrollment(with_mail, course_a, TODAY + timedelta(days=3))
    _due_enrollment(with_mail, course_b, TODAY - timedelta(days=2))  # overdue
    _due_enrollment(without, course_a, TODAY + timedelta(days=1))
    _due_enrollment(far, course_a, TODAY + timedelta(days=8))  # beyond 7 days
    Enrollment.objects.create(
        learner=done, course=course_a, due_date=TODAY, status=Enrollment.Status.COMPLETED
    )

    first = services.reminders_send_learners(today=TODAY)
    second = services.reminders_send_learners(today=TODAY)  # beat ran twice

    assert first == {"sent": 1, "already_sent": 0, "without_email": 1, "failed": 0}
    assert second["sent"] == 0 and second["already_sent"] == 1
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == ["awa@example.ml"]
    assert "Formation A" in mail.outbox[0].body and "Formation B" in mail.outbox[0].body
    assert "en retard" in mail.outbox[0].body
    assert Reminder.objects.get().details == {"courses": [course_b.pk, course_a.pk]}

    # The next day: reminded again, and the course due in 8 days is now within 7.
    services.reminders_send_learners(today=TODAY + timedelta(days=1))
    assert sorted(m.to[0] for m in mail.outbox[1:]) == ["awa@example.ml", "far@example.ml"]


def test_a_failed_send_is_not_recorded_and_is_retried(tree, course, monkeypatch):
    learner = LearnerFactory(unit=tree.mopti, email="awa@example.ml")
    _due_enrollment(learner, course, TODAY + timedelta(days=3))

    def broken(*args, **kwargs):
        raise OSError("SMTP down")

    monkeypatch.setattr(services, "_send", broken)
    assert services.reminders_send_learners(today=TODAY)["failed"] == 1
    assert not Reminder.objects.exists()
    monkeypatch.undo()
    assert services.reminders_send_learners(today=TODAY)["sent"] == 1
    assert len(mail.outbox) == 1


def test_weekly_digest_once_per_week_counts_learners_without_email(tree, course):
    supervisor_of(tree.mopti, email="chef@example.ml", full_name="Cdt Diarra")
    supervisor_of(tree.segou, email="")  # no address: skipped
    late = LearnerFactory(unit=tree.sevare, email="", full_name="Moussa Keïta")
    _due_enrollment(late, course, TODAY - timedelta(days=3))
    outsider = LearnerFactory(unit=tree.segou, email="", full_name="Hors Périmètre")
    _due_enrollment(outsider, course, TODAY - timedelta(days=3))

    assert services.reminders_send_digests(today=TODAY)["sent"] == 1
    assert services.reminders_send_digests(today=TODAY + timedelta(days=2))["sent"] == 0
    assert len(mail.outbox) == 1
    body = mail.outbox[0].body
    assert mail.outbox[0].to == ["chef@example.ml"]
    assert "Moussa Keïta" in body
    assert "Hors Périmètre" not in body
    assert "1 apprenant à relancer n’a pas d’adresse e-mail" in body
    assert Reminder.objects.get().period == "2026-W48"

    services.reminders_send_digests(today=TODAY + timedelta(days=7))
    assert len(mail.outbox) == 2


def test_reminders_are_written_in_the_recipients_language(tree, course):
    learner = LearnerFactory(unit=tree.mopti, email="en@example.ml", language="en")
    _due_enrollment(learner, course, TODAY + timedelta(days=2))
    services.reminders_send_learners(today=TODAY)
    assert mail.outbox[0].subject == "Kalan: your courses to finish"
    assert translation.get_language() == "fr"  # the active language is restored afterwards
