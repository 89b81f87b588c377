"""The admin's package pages (import, export): editors and administrators."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

GROUPS = ("Éditeurs", "Administrateurs")
CODENAMES = ("import_course", "export_course")


def grant(apps, schema_editor):
    app_config = apps.get_app_config("packages")
    app_config.models_module = True
    create_permissions(app_config, verbosity=0, apps=apps)
    app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    permissions = Permission.objects.filter(
        content_type__app_label="packages", codename__in=CODENAMES
    )
    for name in GROUPS:
        group, _created = Group.objects.get_or_create(name=name)
        group.permissions.add(*permissions)


class Migration(migrations.Migration):
    dependencies = [("packages", "0001_initial"), ("accounts", "0002_role_groups")]

    operations = [
        migrations.AlterModelOptions(
            name="pagesource",
            options={
                "permissions": [
                    ("import_course", "Importer une formation depuis un paquet"),
                    ("export_course", "Exporter une formation en paquet"),
                ]
            },
        ),
        migrations.RunPython(grant, migrations.RunPython.noop),
    ]
