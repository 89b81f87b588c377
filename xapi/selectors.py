"""The outbox as the admin page shows it."""

from django.db.models import Count

from .models import OutboxStatement


def outbox_counts() -> dict[str, int]:
    counts = dict.fromkeys(OutboxStatement.Status.values, 0)
    for row in OutboxStatement.objects.values("status").annotate(n=Count("id")).order_by():
        counts[row["status"]] = row["n"]
    return counts


def outbox_rows(*, status: str):
    rows = OutboxStatement.objects.filter(status=status).only(
        "statement_id",
        "verb",
        "status",
        "attempts",
        "last_error",
        "next_try_at",
        "created_at",
        "sent_at",
    )
    return rows.order_by("-id")
