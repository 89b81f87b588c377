"""The workshops' role read with the others (accounts.selectors.role_register): « Mes
formations » links to the workshops a person runs without a query of its own."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from accounts import roles
from accounts.models import User
from accounts.selectors import user_roles
from accounts.tests.factories import LearnerFactory, SupervisorFactory, UnitFactory, UserFactory
from courses.services import enrollment_create
from courses.tests.factories import course_build
from workshops import selectors
from workshops.selectors import TAKES_PART
from workshops.tests.factories import (
    invitations_make,
    participants_make,
    workshop_ahead,
    workshop_make,
)

pytestmark = pytest.mark.django_db


def _fresh(user) -> User:
    return User.objects.get(pk=user.pk)


def test_trainers_and_authors_have_the_role_and_learners_do_not(role_groups):
    trainer, author, learner = LearnerFactory(), SupervisorFactory(), LearnerFactory()
    workshop_make(trainers=[trainer], created_by=author)
    assert selectors.RUNS_WORKSHOPS in user_roles(_fresh(trainer)).registered
    assert selectors.RUNS_WORKSHOPS in user_roles(_fresh(author)).registered
    assert selectors.RUNS_WORKSHOPS not in user_roles(_fresh(learner)).registered


def test_may_see_workshops_agrees_with_the_list_of_visible_workshops(role_groups):
    """Whoever `may_see_workshops` turns away would have found an empty list."""
    unit = UnitFactory()
    in_scope = LearnerFactory(unit=unit)
    workshop = workshop_make(trainers=[UserFactory()], created_by=UserFactory())
    participants_make(workshop, [in_scope])
    people = [
        LearnerFactory(),
        in_scope,
        workshop.trainers.first(),
        workshop.created_by,
        SupervisorFactory(supervised_units=[unit]),
        SupervisorFactory(supervised_units=[UnitFactory()]),
        UserFactory(role=roles.ADMINISTRATORS),
        UserFactory(role=roles.EDITORS),
    ]
    for person in people:
        visible = selectors.workshop_list_visible(user=_fresh(person)).exists()
        if visible:
            assert selectors.may_see_workshops(_fresh(person)), person
    assert not selectors.may_see_workshops(_fresh(people[0]))
    assert selectors.may_see_workshops(_fresh(people[2]))


def test_my_courses_of_a_learner_asks_nothing_about_workshops_they_do_not_run(client, role_groups):
    learner = LearnerFactory()
    enrollment_create(learner=learner, course=course_build(modules=1, lessons=1))
    client.force_login(learner)
    client.get("/")
    with CaptureQueriesContext(connection) as queries:
        assert client.get("/").status_code == 200
    first_tables = [q["sql"].split(" FROM ", 1)[1].split(" ", 1)[0] for q in queries]
    assert '"workshops_workshop"' not in first_tables
    assert '"workshops_participant"' not in first_tables  # never in a workshop: not read
    assert len(queries) == 3  # the person, the enrolments, the roles (the outlines: cached)


def test_a_participant_s_workshops_are_read_and_others_are_not(role_groups):
    invited, registered, never = LearnerFactory(), LearnerFactory(), LearnerFactory()
    workshop = workshop_ahead()
    participants_make(workshop, [registered])
    invitations_make(workshop, [invited])
    assert TAKES_PART in user_roles(_fresh(invited)).registered
    assert TAKES_PART in user_roles(_fresh(registered)).registered
    assert TAKES_PART not in user_roles(_fresh(never)).registered
    assert [p.workshop for p in selectors.participant_records_of(_fresh(registered))] == [workshop]
    assert selectors.participant_records_of(_fresh(never)) == []
