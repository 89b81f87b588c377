"""Attestations de participation (issue 20, point 5).

The rule: a participant's attendance is the share of the workshop's sessions (half-days) at
which the roll call marked them present or late; absent and excused do not count, and a
session not marked yet counts as not attended. The attestation is due once that share
reaches the workshop's `attendance_threshold` (80 % by default): attended * 100 >= threshold *
sessions. Since the denominator is every session of the workshop, a participant who reaches it
keeps it whatever the next roll calls say; a roll call corrected afterwards does not revoke an
attestation already issued (an administrator does, with a reason).

The guarantees are the course certificates' (certificates/services.py), with their building
blocks (certificates/documents.py, certificates/pdf.py, certificates/verification.py):

- the roll call that brings someone to the threshold queues `tasks.attestation_issue` after
  its commit, and a beat sweep re-queues those left without one (a lost message, a worker
  killed before the PDF was stored);
- `attestation_issue` is idempotent: one valid attestation per participation, enforced by a
  partial unique constraint, and its PDF is stored once under a row lock;
- automatic issuing never replaces a revoked attestation: only an administrator reissues;
- the public verification page finds attestations by their code (the finder registered in
  `WorkshopsConfig.ready()`) and shows a revoked one as revoked.

It states participation, never a result: nothing here reads the tests' scores."""

from datetime import date, datetime, timedelta

from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models import (
    Count,
    Exists,
    F,
    IntegerField,
    Max,
    OuterRef,
    Q,
    QuerySet,
    Subquery,
    Value,
)
from django.db.models.functions import Coalesce
from django.http import Http404
from django.urls import reverse
from django.utils import formats, timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from accounts.selectors import learner_list_in_scope
from certificates import documents, verification
from certificates.models import verification_code_normalise

from .models import Attendance, Attestation, Participant, Session, Workshop
from .selectors import participants_of, user_is_trainer

ATTENDED = (Attendance.Status.PRESENT, Attendance.Status.LATE)


class AttestationError(Exception):
    pass


def threshold_reached(*, attended: int, total: int, threshold: int) -> bool:
    """The rule for one participant, in integers (no rounding): attended * 100 >= threshold *
    total, and a workshop without sessions gives no attestation."""
    return total > 0 and attended * 100 >= threshold * total


def _sessions_total():
    count = (
        Session.objects.filter(workshop_id=OuterRef("workshop_id"))
        .order_by()
        .values("workshop_id")
        .annotate(n=Count("pk"))
        .values("n")
    )
    return Coalesce(Subquery(count, output_field=IntegerField()), Value(0))


def with_attendance(participants: QuerySet[Participant]) -> QuerySet[Participant]:
    """The participants with `sessions_attended` and `sessions_total`, in the same query."""
    return participants.annotate(
        sessions_attended=Count(
            "attendances", filter=Q(attendances__status__in=ATTENDED), distinct=True
        ),
        sessions_total=_sessions_total(),
    )


def due(participants: QuerySet[Participant]) -> QuerySet[Participant]:
    """Those whose attendance reaches their workshop's threshold: `threshold_reached` in SQL."""
    return (
        with_attendance(participants)
        .filter(sessions_total__gt=0)
        .alias(attended_x100=F("sessions_attended") * 100)
        .filter(attended_x100__gte=F("workshop__attendance_threshold") * F("sessions_total"))
    )


def _minutes_attended(participant: Participant) -> int | None:
    """Minutes of the sessions attended when each has its start and end times, else None
    (the attestation then states half-days only)."""
    sessions = Session.objects.filter(
        attendances__participant=participant, attendances__status__in=ATTENDED
    ).only("date", "start_time", "end_time")
    minutes = 0
    for session in sessions:
        if session.start_time is None or session.end_time is None:
            return None
        start = datetime.combine(date.min, session.start_time)
        end = datetime.combine(date.min, session.end_time)
        if end <= start:
            return None
        minutes += int((end - start).total_seconds() // 60)
    return minutes


def attestation_issue(*, participant_id: int, reissue: bool = False) -> Attestation:
    """Gets or creates the valid attestation of a participation whose attendance reaches the
    threshold, then its PDF. Safe to run twice, or in two workers at once: the partial unique
    constraint lets one row through. A participation whose attestation was revoked gets a new
    one only with `reissue` (an administrator's decision, never the task's or the sweep's)."""
    participant = (
        with_attendance(Participant.objects.registered().filter(pk=participant_id))
        .select_related("workshop", "learner")
        .first()
    )
    if participant is None:
        raise AttestationError(_("Cette participation n’existe pas."))
    attestation = Attestation.objects.valid().filter(participant=participant).first()
    if attestation is None:
        # Revoked ones only: a valid one that another worker has just committed is not a
        # revocation (the constraint below hands it over).
        if not reissue and Attestation.objects.revoked().filter(participant=participant).exists():
            raise AttestationError(
                _(
                    "L’attestation de cette participation a été révoquée : seul un "
                    "administrateur peut en émettre une nouvelle."
                )
            )
        workshop = participant.workshop
        if not threshold_reached(
            attended=participant.sessions_attended,
            total=participant.sessions_total,
            threshold=workshop.attendance_threshold,
        ):
            raise AttestationError(
                _(
                    "Présence insuffisante pour l’attestation : %(attended)d séance(s) sur "
                    "%(total)d, le seuil est de %(threshold)d %%."
                )
                % {
                    "attended": participant.sessions_attended,
                    "total": participant.sessions_total,
                    "threshold": workshop.attendance_threshold,
                }
            )
        learner = participant.learner
        trainers = ", ".join(
            workshop.trainers.order_by("full_name").values_list("full_name", flat=True)
        )
        try:
            with transaction.atomic():
                attestation = Attestation.objects.create(
                    participant=participant,
                    learner_name=learner.full_name,
                    learner_rank=learner.rank,
                    workshop_title=workshop.title,
                    place=workshop.place,
                    region=workshop.region,
                    start_date=workshop.start_date,
                    end_date=workshop.end_date,
                    trainer_names=trainers[:500],
                    sessions_attended=participant.sessions_attended,
                    sessions_total=participant.sessions_total,
                    minutes_attended=_minutes_attended(participant),
                )
                attestation.serial = f"CNDH-AP-{attestation.issued_at:%Y}-{attestation.pk:06d}"
                attestation.save(update_fields=["serial"])
        except IntegrityError:
            # Another worker created it first: the unique constraint chose the winner.
            attestation = Attestation.objects.valid().get(participant=participant)
    return attestation_pdf_ensure(attestation=attestation)


def verify_url_for(attestation: Attestation) -> str:
    """The public verification URL the QR code holds: certificates' page, which finds
    attestations through the registry."""
    base = settings.WAGTAILADMIN_BASE_URL.rstrip("/")
    return base + reverse("certificates:verify_code", args=[attestation.code_display])


def attestation_pdf_render(attestation: Attestation) -> bytes:
    from weasyprint import HTML

    from certificates.pdf import PDF_VARIANT

    return HTML(string=attestation_html(attestation)).write_pdf(pdf_variant=PDF_VARIANT)


def attestation_html(attestation: Attestation) -> str:
    """The HTML WeasyPrint lays out, always in French (an official document), with the
    certificates' branding (organisation, logo, signatory) and QR code."""
    from django.template.loader import render_to_string
    from django.utils import translation

    from certificates.pdf import LOGO_RENDITION, SIGNATURE_RENDITION, image_data_uri, qr_svg
    from certificates.services import branding_get

    branding = branding_get()
    url = verify_url_for(attestation)
    with translation.override("fr"):
        return render_to_string(
            "workshops/attestation_pdf.html",
            {
                "attestation": attestation,
                "branding": branding,
                "verify_url": url,
                "percent": round(100 * attestation.sessions_attended / attestation.sessions_total),
                "qr": qr_svg(url, title=_("Code QR de vérification : %(url)s") % {"url": url}),
                "logo": image_data_uri(branding.logo, LOGO_RENDITION),
                "signature": image_data_uri(branding.signature, SIGNATURE_RENDITION),
            },
        )


def attestation_pdf_ensure(*, attestation: Attestation, force: bool = False) -> Attestation:
    return documents.pdf_ensure(document=attestation, render=attestation_pdf_render, force=force)


def attestation_reissue(*, attestation: Attestation) -> Attestation:
    """The administrator's « Réémettre »: a valid attestation keeps its number and code and
    gets its PDF rendered again (after a change of presentation or signatory); a revoked one
    is replaced by a new attestation of the same participation, with a new number, unless a
    valid one exists already (then that one is returned). Raises AttestationError when the
    attendance no longer reaches the workshop's threshold."""
    if attestation.is_valid:
        return attestation_pdf_ensure(attestation=attestation, force=True)
    return attestation_issue(participant_id=attestation.participant_id, reissue=True)


@transaction.atomic
def attestation_revoke(*, attestation: Attestation, reason: str) -> Attestation:
    """Revokes at once: the verification page reads the row on every request."""
    reason = " ".join((reason or "").split())
    if not reason:
        raise AttestationError(_("Indiquez le motif de la révocation."))
    attestation = Attestation.objects.select_for_update().get(pk=attestation.pk)
    if attestation.is_valid:
        attestation.revoked_at = timezone.now()
        attestation.revoked_reason = reason
        attestation.save(update_fields=["revoked_at", "revoked_reason"])
    return attestation


def _without_attestation(participants: QuerySet[Participant]) -> QuerySet[Participant]:
    """Participants with neither a valid attestation whose PDF is stored nor a revoked one
    (a revocation stands until an administrator reissues)."""
    stored = Attestation.objects.valid().filter(participant=OuterRef("pk")).exclude(pdf_sha256="")
    valid = Attestation.objects.valid().filter(participant=OuterRef("pk"))
    revoked = Attestation.objects.revoked().filter(participant=OuterRef("pk"))
    return participants.exclude(Exists(stored)).exclude(Q(Exists(revoked)) & ~Q(Exists(valid)))


def attestations_queue(*, workshop_id: int, participant_ids) -> int:
    """After a roll call (inside its transaction): queues, once it commits, the attestation of
    each of these participants that the roll call brought to the threshold and who has none
    yet. Returns how many were queued."""
    from .tasks import attestation_issue as task

    candidates = _without_attestation(
        Participant.objects.registered().filter(
            workshop_id=workshop_id, pk__in=list(participant_ids)
        )
    )
    ids = list(due(candidates).values_list("pk", flat=True))
    for participant_id in ids:
        task.delay_on_commit(participant_id)
    return len(ids)


def participants_missing_attestation(*, older_than: timedelta) -> list[int]:
    """Participations due an attestation that have none (or one without its PDF) although
    their last roll call is older than `older_than`: the sweep re-queues them."""
    cutoff = timezone.now() - older_than
    return list(
        due(_without_attestation(Participant.objects.registered()))
        .annotate(last_marked=Max("attendances__marked_at"))
        .filter(last_marked__lt=cutoff)
        .values_list("pk", flat=True)
    )


def attestations_issue_due(*, workshop: Workshop) -> list[Attestation]:
    """Issues, synchronously, every attestation due in a workshop (the demo)."""
    ids = due(
        _without_attestation(Participant.objects.registered().filter(workshop=workshop))
    ).values_list("pk", flat=True)
    return [attestation_issue(participant_id=pk) for pk in list(ids)]


# --- Reads --------------------------------------------------------------------------------


def participants_with_attestations(
    workshop: Workshop, people_q: Q | None = None
) -> QuerySet[Participant]:
    """The workshop's participants for its page (one query), those `people_q` keeps:
    attendance and, when they have one, their valid attestation's serial, or whether one
    was revoked."""
    valid = Attestation.objects.valid().filter(participant=OuterRef("pk"))
    return with_attendance(participants_of(workshop, people_q)).annotate(
        attestation_serial=Subquery(valid.values("serial")[:1]),
        attestation_revoked=Exists(
            Attestation.objects.revoked().filter(participant=OuterRef("pk"))
        ),
    )


def participant_attestation(record: Participant) -> dict:
    """What the participant's own page says: their attendance, the threshold, and their
    attestation (valid, revoked, or being issued)."""
    counted = with_attendance(Participant.objects.filter(pk=record.pk)).get()
    attestations = list(record.attestations.order_by("-issued_at"))
    valid = next((a for a in attestations if a.is_valid), None)
    revoked = next((a for a in attestations if not a.is_valid), None)
    reached = threshold_reached(
        attended=counted.sessions_attended,
        total=counted.sessions_total,
        threshold=record.workshop.attendance_threshold,
    )
    return {
        "attended": counted.sessions_attended,
        "total": counted.sessions_total,
        "threshold": record.workshop.attendance_threshold,
        "reached": reached,
        "valid": valid if valid is not None and valid.serial else None,
        "revoked": revoked if valid is None else None,
        "pending": reached and valid is None and revoked is None,
    }


def attestation_for(*, user, serial: str) -> Attestation:
    """The attestation for its holder, the workshop's trainers, administrators and the
    supervisors whose scope holds the holder; anyone else gets 404, as if it did not exist."""
    attestation = (
        Attestation.objects.filter(serial=serial).select_related("participant__workshop").first()
        if user.is_authenticated
        else None
    )
    if attestation is None:
        raise Http404
    learner_id = attestation.participant.learner_id
    allowed = (
        learner_id == user.pk
        or user_is_trainer(user=user, workshop=attestation.participant.workshop)
        or learner_list_in_scope(user=user).filter(pk=learner_id).exists()
    )
    if not allowed:
        raise Http404
    return attestation


# --- Public verification (certificates/verification.py's registry) -------------------------


def _dates_text(start: date, end: date) -> str:
    if start == end:
        return formats.date_format(start, "j F Y")
    return _("Du %(start)s au %(end)s") % {
        "start": formats.date_format(start, "j F"),
        "end": formats.date_format(end, "j F Y"),
    }


def attendance_text(attestation: Attestation) -> str:
    text = ngettext(
        "%(attended)d demi-journée sur %(total)d",
        "%(attended)d demi-journées sur %(total)d",
        attestation.sessions_attended,
    ) % {"attended": attestation.sessions_attended, "total": attestation.sessions_total}
    if attestation.hours_attended is not None:
        hours = formats.number_format(round(attestation.hours_attended, 1), decimal_pos=None)
        text += " " + _("(%(hours)s h)") % {"hours": hours}
    return text


def verification_find(code: str) -> verification.VerifiedDocument | None:
    """The attestation with this code, as the public verification page shows it."""
    attestation = Attestation.objects.filter(code=verification_code_normalise(code)).first()
    if attestation is None:
        return None
    return verification.VerifiedDocument(
        serial=attestation.serial or "",
        holder=attestation.learner_name,
        is_valid=attestation.is_valid,
        revoked_at=attestation.revoked_at,
        issued_at=attestation.issued_at,
        facts=[
            (_("Document"), _("Attestation de participation")),
            (_("Atelier"), attestation.workshop_title),
            (_("Lieu"), f"{attestation.place} ({attestation.region})"),
            (_("Dates"), _dates_text(attestation.start_date, attestation.end_date)),
            (_("Présence"), attendance_text(attestation)),
        ],
        public={
            "document": "attestation_de_participation",
            "workshop": attestation.workshop_title,
            "place": attestation.place,
            "start_date": attestation.start_date.isoformat(),
            "end_date": attestation.end_date.isoformat(),
        },
    )
