"""Administrators create and edit workshops and their sessions in the Wagtail admin."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

CODENAMES = ["add_workshop", "change_workshop", "delete_workshop", "view_workshop"]


def grant(apps, schema_editor):
    app_config = apps.get_app_config("workshops")
    app_config.models_module = True
    create_permissions(app_config, verbosity=0, apps=apps)
    app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    group, _created = Group.objects.get_or_create(name="Administrateurs")
    group.permissions.add(
        *Permission.objects.filter(content_type__app_label="workshops", codename__in=CODENAMES)
    )


class Migration(migrations.Migration):
    dependencies = [("workshops", "0001_initial"), ("accounts", "0002_role_groups")]

    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]
