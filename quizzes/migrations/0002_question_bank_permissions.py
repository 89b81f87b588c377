"""Editors, reviewers and administrators manage the question bank."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

GROUPS = ("Éditeurs", "Relecteurs", "Administrateurs")
MODELS = ("question", "questioncategory")


def grant(apps, schema_editor):
    app_config = apps.get_app_config("quizzes")
    app_config.models_module = True
    create_permissions(app_config, verbosity=0, apps=apps)
    app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    actions = {"Éditeurs": ("add", "change", "view"), "Relecteurs": ("add", "change", "view"),
               "Administrateurs": ("add", "change", "view", "delete")}
    for name in GROUPS:
        group, _created = Group.objects.get_or_create(name=name)
        codenames = [f"{action}_{model}" for action in actions[name] for model in MODELS]
        group.permissions.add(
            *Permission.objects.filter(content_type__app_label="quizzes", codename__in=codenames)
        )


class Migration(migrations.Migration):
    dependencies = [("quizzes", "0001_initial"), ("accounts", "0002_role_groups")]

    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]
