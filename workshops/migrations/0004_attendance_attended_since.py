from django.db import migrations, models


def attended_since_from_marks(apps, schema_editor):
    # Rows marked before this field: their attendance began, at the latest, when marked.
    Attendance = apps.get_model("workshops", "Attendance")
    Attendance.objects.filter(status__in=["present", "late"]).update(
        attended_since=models.F("marked_at")
    )


class Migration(migrations.Migration):
    dependencies = [("workshops", "0003_attestation")]

    operations = [
        migrations.AddField(
            model_name="attendance",
            name="attended_since",
            field=models.DateTimeField(
                blank=True, null=True, verbose_name="présence relevée depuis"
            ),
        ),
        migrations.RunPython(attended_since_from_marks, migrations.RunPython.noop),
    ]
