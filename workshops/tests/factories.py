"""Workshops for tests: Sévaré, three days, a trainer, participants from a unit tree."""

from datetime import date

from accounts.tests.factories import UserFactory

from .. import services
from ..models import Workshop


def workshop_make(*, trainers=None, created_by=None, days=3, **fields) -> Workshop:
    trainers = trainers if trainers is not None else [UserFactory(full_name="Formatrice CNDH")]
    values = {
        "title": "Atelier droits humains des OPJ",
        "place": "Hôtel La Palmeraie, Sévaré",
        "region": "Mopti",
        "start_date": date(2022, 11, 8),
        "end_date": date(2022, 11, 8 + days - 1),
        "funder": "EUCAP Sahel Mali",
        "capacity": 40,
        "programme": "<p>Les catégories de droits humains.</p>",
    }
    values.update(fields)
    return services.workshop_create(created_by=created_by, trainers=trainers, **values)


def participants_make(workshop, learners, added_by=None):
    services.participants_add(workshop=workshop, learners=learners, added_by=added_by)
    return list(workshop.participants.select_related("learner").order_by("pk"))


def workshop_ahead(*, days=3, **fields) -> Workshop:
    """A workshop a week from today: one may still be invited to it and answer."""
    from datetime import timedelta

    from django.utils import timezone

    start = timezone.localdate() + timedelta(days=7)
    return workshop_make(
        days=days, start_date=start, end_date=start + timedelta(days=days - 1), **fields
    )


def invitations_make(workshop, learners, added_by=None):
    """Invites the learners (status INVITED); returns their rows."""
    services.participants_add(workshop=workshop, learners=learners, added_by=added_by, invite=True)
    return list(
        workshop.participants.filter(learner__in=learners).select_related("learner").order_by("pk")
    )
