"""Questions and quizzes built in code (importers, demo) before sort_order was set had choices,
pairs and slots with no order: the database could return them in any order, and an ordering
question's right answer is that order. Give them their creation (pk) order."""

from django.db import migrations


def backfill(apps, schema_editor):
    for name, parent in (("QuestionChoice", "question_id"), ("QuestionPair", "question_id"), ("QuizSlot", "quiz_id")):
        model = apps.get_model("quizzes", name)
        rows = model.objects.filter(sort_order__isnull=True).order_by(parent, "pk")
        current, index, changed = None, 0, []
        for row in rows:
            if getattr(row, parent) != current:
                current = getattr(row, parent)
                index = model.objects.filter(
                    **{parent: current, "sort_order__isnull": False}
                ).count()
            row.sort_order = index
            index += 1
            changed.append(row)
        model.objects.bulk_update(changed, ["sort_order"], batch_size=1000)


class Migration(migrations.Migration):
    dependencies = [("quizzes", "0002_question_bank_permissions")]

    operations = [migrations.RunPython(backfill, migrations.RunPython.noop)]
