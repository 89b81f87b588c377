"""Creates the five role groups with their Wagtail admin permissions. Page permissions on the
course tree are added by the courses app once that tree exists."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

LEARNERS = "Apprenants"
EDITORS = "Éditeurs"
REVIEWERS = "Relecteurs"
SUPERVISORS = "Superviseurs"
ADMINISTRATORS = "Administrateurs"

MEDIA_PERMISSIONS = {
    ("wagtailimages", "image"): ("add", "change", "choose"),
    ("wagtaildocs", "document"): ("add", "change", "choose"),
}


def _ensure_permissions(apps):
    # Permissions are normally created after all migrations; a data migration on a fresh
    # database must create them itself.
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, verbosity=0, apps=apps)
        app_config.models_module = None


def create_groups(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    Collection = apps.get_model("wagtailcore", "Collection")
    GroupCollectionPermission = apps.get_model("wagtailcore", "GroupCollectionPermission")
    _ensure_permissions(apps)
    # Wagtail's own starter groups would grant page rights outside our roles.
    Group.objects.filter(name__in=["Moderators", "Editors"]).delete()

    access_admin = Permission.objects.get(
        content_type__app_label="wagtailadmin", codename="access_admin"
    )
    groups = {name: Group.objects.get_or_create(name=name)[0] for name in
              (LEARNERS, EDITORS, REVIEWERS, SUPERVISORS, ADMINISTRATORS)}
    for name in (EDITORS, REVIEWERS, ADMINISTRATORS):
        groups[name].permissions.add(access_admin)

    root_collection = Collection.objects.filter(depth=1).first()
    if root_collection is not None:
        for (app_label, model), actions in MEDIA_PERMISSIONS.items():
            for action in actions:
                permission = Permission.objects.get(
                    content_type__app_label=app_label, codename=f"{action}_{model}"
                )
                for name in (EDITORS, REVIEWERS, ADMINISTRATORS):
                    GroupCollectionPermission.objects.get_or_create(
                        group=groups[name], collection=root_collection, permission=permission
                    )
            delete = Permission.objects.get(content_type__app_label=app_label, codename=f"delete_{model}")
            GroupCollectionPermission.objects.get_or_create(
                group=groups[ADMINISTRATORS], collection=root_collection, permission=delete
            )

    # Administrators manage accounts, units and groups from the Wagtail admin.
    admin_permissions = Permission.objects.filter(
        content_type__app_label__in=["accounts", "auth", "wagtailusers"],
    ) | Permission.objects.filter(content_type__app_label="wagtailcore", content_type__model="site")
    groups[ADMINISTRATORS].permissions.add(*admin_permissions)


def delete_groups(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Group.objects.filter(
        name__in=[LEARNERS, EDITORS, REVIEWERS, SUPERVISORS, ADMINISTRATORS]
    ).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("accounts", "0001_initial"),
        ("wagtailadmin", "0006_formstate"),
        ("wagtailcore", "0098_apitoken"),
        ("wagtailimages", "0027_image_description"),
        ("wagtaildocs", "0014_alter_document_file_size"),
        ("wagtailusers", "0015_userprofile_keyboard_shortcuts"),
    ]

    operations = [migrations.RunPython(create_groups, delete_groups)]
