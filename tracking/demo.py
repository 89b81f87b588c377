"""Demo assignments for `load_demo`: the demo supervisor's region has a course due in three
weeks and one learner has another due in three days, so that the dashboard, the overdue
logic and the reminders have something to show. Idempotent: existing assignments stay."""

from datetime import timedelta

from django.utils import timezone

from accounts.models import User

from . import services
from .models import Assignment


def demo_assignments_load(*, courses) -> int:
    supervisor = User.objects.get(matricule="SUP-0001")
    region = supervisor.supervised_units.first()
    today = timezone.localdate()
    made = 0
    if not Assignment.objects.filter(course=courses[0], unit=region).exists():
        services.assignment_create(
            course=courses[0],
            due_date=today + timedelta(days=21),
            assigned_by=supervisor,
            unit=region,
        )
        made += 1
    learner = User.objects.get(matricule="OPJ-0002")
    if not Assignment.objects.filter(course=courses[1], learner=learner).exists():
        services.assignment_create(
            course=courses[1],
            due_date=today + timedelta(days=3),
            assigned_by=supervisor,
            learners=[learner],
        )
        made += 1
    return made
