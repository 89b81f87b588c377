from datetime import timedelta

import factory
from django.utils import timezone

from accounts.tests.factories import UserFactory
from jobs.models import Job


class JobFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Job

    owner = factory.SubFactory(UserFactory)
    kind = "jobs.test"
    params = factory.LazyFunction(dict)
    expires_at = factory.LazyFunction(lambda: timezone.now() + timedelta(hours=24))
