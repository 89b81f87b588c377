"""The outbox's writes: adding the statements of a fact (in its transaction), sending them
to the Learning Record Store (Celery only, never in a learner's request), retrying."""

import logging
import time
from dataclasses import dataclass
from datetime import timedelta

import requests
from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.utils import timezone

from lms.bulk import rows_insert

from .models import OutboxStatement

logger = logging.getLogger(__name__)

XAPI_VERSION = "1.0.3"
NUDGE_KEY = "xapi:outbox-nudge"
# A burst of events (a class finishing a quiz) makes one task a few seconds later.
NUDGE_DELAY_SECONDS = 2
BACKOFF_FIRST_SECONDS = 30
BACKOFF_MAX_SECONDS = 3600
PURGE_SLICE = 5000


def lrs_configured() -> bool:
    return bool(settings.XAPI_LRS_URL)


def outbox_add(items: list[tuple[str, dict]]) -> None:
    """Writes a fact's statements: one INSERT in the caller's transaction. A statement whose
    id is already there (the same fact replayed) is left as it is. The outbox fills even when
    no LRS is configured, so that nothing is lost before one is (README, « xAPI »)."""
    if not items:
        return
    # One INSERT with the documents sent as text (lms/bulk.py): a graded quiz writes 11
    # statements (14 kB of JSON) in the learner's request.
    rows_insert(
        [
            OutboxStatement(statement_id=statement["id"], verb=verb, statement=statement)
            for verb, statement in items
        ],
        ignore_conflicts=True,
    )
    if lrs_configured():
        transaction.on_commit(outbox_nudge)


def outbox_nudge() -> None:
    """Asks for a send soon, at most once per few seconds (the beat sends anyway): a burst of
    events is one batch. Never raises into the request that caused it."""
    from .tasks import outbox_flush

    try:
        if cache.add(NUDGE_KEY, 1, NUDGE_DELAY_SECONDS):
            outbox_flush.apply_async(countdown=NUDGE_DELAY_SECONDS)
    except Exception:  # the broker away: the beat will send
        logger.warning("xapi: could not queue the outbox flush", exc_info=True)


def backoff(attempts: int) -> timedelta:
    return timedelta(
        seconds=min(BACKOFF_FIRST_SECONDS * 2 ** max(attempts - 1, 0), BACKOFF_MAX_SECONDS)
    )


def _post(session: requests.Session, statements: list[dict]) -> requests.Response:
    return session.post(
        settings.XAPI_LRS_URL.rstrip("/") + "/statements",
        json=statements,
        auth=(settings.XAPI_LRS_KEY, settings.XAPI_LRS_SECRET),
        headers={"X-Experience-API-Version": XAPI_VERSION},
        timeout=(settings.XAPI_LRS_CONNECT_TIMEOUT, settings.XAPI_LRS_TIMEOUT),
    )


def _error_of(response: requests.Response) -> str:
    return f"HTTP {response.status_code} : {response.text[:500]}"


def _deliver(session, rows: list[OutboxStatement]) -> dict[int, str]:
    """Sends rows; returns the errors by row id (a row without error is delivered). A 409
    means the LRS already has that id: delivered. A batch refused as a whole (409 or 400) is
    sent again one statement at a time, so that one bad or known statement does not hold
    back, or wrongly mark as delivered, the others."""
    try:
        response = _post(session, [row.statement for row in rows])
    except requests.RequestException as exc:
        message = f"{type(exc).__name__} : {exc}"[:500]
        return {row.pk: message for row in rows}
    if response.ok:
        return {}
    if response.status_code == 409 and len(rows) == 1:
        return {}
    if response.status_code in (400, 409) and len(rows) > 1:
        errors = {}
        for row in rows:
            errors.update(_deliver(session, [row]))
        return errors
    return {row.pk: _error_of(response) for row in rows}


@dataclass
class FlushReport:
    sent: int = 0
    failed: int = 0
    more: bool = False


def outbox_flush(*, batch_size: int | None = None, budget_seconds: float = 60.0) -> FlushReport:
    """Sends what is due, batch after batch, until nothing is due, a batch fails (the LRS is
    away: the back-off decides the next try) or the time budget is spent (`more` is then
    true). Each batch's rows stay locked while they are sent (skip_locked: two workers never
    send the same row); a worker killed mid-batch rolls back, and the rows are sent again,
    which the LRS answers with 409 for those it already has."""
    report = FlushReport()
    if not lrs_configured():
        return report
    batch_size = batch_size or settings.XAPI_BATCH_SIZE
    started = time.monotonic()
    with requests.Session() as session:
        while True:
            if time.monotonic() - started > budget_seconds:
                report.more = True
                break
            with transaction.atomic():
                now = timezone.now()
                rows = list(
                    OutboxStatement.objects.select_for_update(skip_locked=True)
                    .filter(
                        status__in=[OutboxStatement.Status.WAITING, OutboxStatement.Status.FAILING],
                        next_try_at__lte=now,
                    )
                    .order_by("next_try_at", "id")[:batch_size]
                )
                if not rows:
                    break
                errors = _deliver(session, rows)
                now = timezone.now()
                delivered = [row.pk for row in rows if row.pk not in errors]
                OutboxStatement.objects.filter(pk__in=delivered).update(
                    status=OutboxStatement.Status.SENT, sent_at=now, last_error=""
                )
                for row in rows:
                    if row.pk in errors:
                        row.attempts += 1
                        row.status = OutboxStatement.Status.FAILING
                        row.last_error = errors[row.pk]
                        row.next_try_at = now + backoff(row.attempts)
                OutboxStatement.objects.bulk_update(
                    [row for row in rows if row.pk in errors],
                    ["attempts", "status", "last_error", "next_try_at"],
                )
            report.sent += len(delivered)
            report.failed += len(errors)
            if errors:
                logger.warning(
                    "xapi: %s statements not delivered (%s)",
                    len(errors),
                    next(iter(errors.values())),
                )
                break
    return report


@transaction.atomic
def outbox_retry(*, statement_ids=None) -> int:
    """« Renvoyer »: the given rows (or every failing one) are due now. A sent row is left as
    it is. Returns how many rows were put back."""
    rows = OutboxStatement.objects.exclude(status=OutboxStatement.Status.SENT)
    if statement_ids is not None:
        rows = rows.filter(pk__in=statement_ids)
    else:
        rows = rows.filter(status=OutboxStatement.Status.FAILING)
    count = rows.update(next_try_at=timezone.now())
    if count and lrs_configured():
        transaction.on_commit(outbox_nudge)
    return count


def outbox_purge(*, now=None) -> int:
    """Deletes the statements the LRS has had for XAPI_OUTBOX_KEEP_DAYS days (the LRS is the
    record; the outbox is only the way there). Waiting and failing rows are never deleted,
    however old. 0 keeps everything. Deletes in slices, so that a first purge of a year of
    rows never holds a long lock. Returns how many rows went."""
    days = settings.XAPI_OUTBOX_KEEP_DAYS
    if days <= 0:
        return 0
    cutoff = (now or timezone.now()) - timedelta(days=days)
    deleted = 0
    while True:
        ids = list(
            OutboxStatement.objects.filter(
                status=OutboxStatement.Status.SENT, sent_at__lt=cutoff
            ).values_list("pk", flat=True)[:PURGE_SLICE]
        )
        if not ids:
            return deleted
        deleted += OutboxStatement.objects.filter(pk__in=ids).delete()[0]
