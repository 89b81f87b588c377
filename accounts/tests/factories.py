import factory
from django.contrib.auth.models import Group

from accounts import roles
from accounts.models import Unit, User


class UnitFactory(factory.django.DjangoModelFactory):
    """A root unit by default; pass parent= to place it in the tree."""

    class Meta:
        model = Unit

    name = factory.Sequence(lambda n: f"Unité {n}")

    @classmethod
    def _create(cls, model_class, *args, parent=None, **kwargs):
        if parent is None:
            return model_class.add_root(**kwargs)
        return parent.add_child(**kwargs)


def _role(default):
    """Adds the user to a role group: `role=` when given, else the factory's default."""

    @factory.post_generation
    def role(obj, create, extracted, **kwargs):
        name = extracted or default
        if create and name:
            obj.groups.add(Group.objects.get_or_create(name=name)[0])

    return role


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        skip_postgeneration_save = True

    matricule = factory.Sequence(lambda n: f"T-{n:05d}")
    full_name = factory.Faker("name", locale="fr_FR")
    rank = "Adjudant"
    unit = None
    password = factory.django.Password("motdepasse-test")
    role = _role(None)


class LearnerFactory(UserFactory):
    role = _role(roles.LEARNERS)


class SupervisorFactory(UserFactory):
    role = _role(roles.SUPERVISORS)

    @factory.post_generation
    def supervised_units(self, create, extracted, **kwargs):
        if create and extracted:
            self.supervised_units.add(*extracted)


# The address of the proxy in front of gunicorn, in the tests of limits per client address.
NGINX = "10.0.0.1"
