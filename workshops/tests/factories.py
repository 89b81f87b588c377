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
