"""Issuing, rendering, revoking. Every function here is idempotent: a task run twice, or by
two workers at once, ends with one valid certificate and one PDF."""

from datetime import timedelta

from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models import Exists, F, OuterRef
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from courses import selectors as course_selectors
from courses.scores import course_score

from . import documents
from .models import Certificate, CertificateBranding, StatusList
from .signals import certificate_issued, certificate_revoked


class CertificateError(Exception):
    pass


def verify_url_for(certificate: Certificate) -> str:
    base = settings.WAGTAILADMIN_BASE_URL.rstrip("/")
    return base + reverse("certificates:verify_code", args=[certificate.code_display])


def _course_score(enrollment):
    """The score the certificate states and what it is (courses.scores: the quizzes app
    registers it; certificates does not import quizzes). See quizzes.selectors.course_score:
    the final evaluation's grade as the learner saw it, else the mean of the quiz grades said
    as a mean, else no score."""
    return course_score(learner=enrollment.learner, course=enrollment.course)


def certificate_issue(*, learner_id: int, course_id: int) -> Certificate:
    """Get or create the valid certificate of a completed enrollment, then its PDF."""
    enrollment = course_selectors.enrollment_get(learner=learner_id, course=course_id)
    if enrollment is None or not enrollment.is_completed:
        raise CertificateError(_("Cette formation n’est pas terminée."))
    certificate = (
        Certificate.objects.valid().filter(learner_id=learner_id, course_id=course_id).first()
    )
    if certificate is None:
        learner = enrollment.learner
        score = _course_score(enrollment)
        try:
            with transaction.atomic():
                certificate = Certificate.objects.create(
                    learner=learner,
                    course=enrollment.course,
                    learner_name=learner.full_name,
                    learner_rank=learner.rank,
                    course_title=enrollment.course.title,
                    score_percent=score.percent if score else None,
                    score_basis=score.basis if score else "",
                )
                certificate.serial_assign()
                certificate.save(update_fields=["serial"])
                # Its bit in the status list, in the same transaction: no certificate without.
                _status_allocate(certificate)
                certificate_issued.send(sender=Certificate, certificate=certificate)
        except IntegrityError:
            # Another worker created it first: the unique constraint chose the winner.
            certificate = Certificate.objects.valid().get(
                learner_id=learner_id, course_id=course_id
            )
    certificate = certificate_pdf_ensure(certificate=certificate)
    certificate_email_once(certificate=certificate)
    return certificate


def certificate_email_once(*, certificate: Certificate) -> bool:
    """Tells the learner by email, once, when they have an address."""
    from django.core.mail import EmailMessage
    from django.template.loader import render_to_string
    from django.utils import translation

    learner = certificate.learner
    if not learner.email:
        return False
    with transaction.atomic():
        claimed = Certificate.objects.filter(pk=certificate.pk, emailed_at__isnull=True).update(
            emailed_at=timezone.now()
        )
        if not claimed:
            return False
        with translation.override(learner.language or "fr"):
            context = {
                "certificate": certificate,
                "verify_url": verify_url_for(certificate),
                "learner": learner,
            }
            subject = render_to_string("certificates/email/issued_subject.txt", context).strip()
            body = render_to_string("certificates/email/issued.txt", context)
        message = EmailMessage(subject=subject, body=body, to=[learner.email])
        message.attach(f"{certificate.serial}.pdf", certificate.pdf.read(), "application/pdf")
        message.send()
    return True


def branding_get() -> CertificateBranding:
    """The default site's branding (administrators set it in Settings), or the defaults."""
    from wagtail.models import Site

    site = Site.objects.filter(is_default_site=True).first()
    return CertificateBranding.for_site(site) if site else CertificateBranding()


def certificate_pdf_ensure(*, certificate: Certificate, force: bool = False) -> Certificate:
    """Renders and stores the PDF unless a readable one with the recorded hash exists. The
    certificate's row is locked meanwhile, so two workers never write two files
    (certificates/documents.py, shared with the other documents Kalan issues)."""
    from .pdf import certificate_pdf_render

    def render(locked: Certificate) -> bytes:
        return certificate_pdf_render(
            certificate=locked, branding=branding_get(), verify_url=verify_url_for(locked)
        )

    return documents.pdf_ensure(document=certificate, render=render, force=force)


@transaction.atomic
def certificate_revoke(*, certificate: Certificate, reason: str) -> Certificate:
    """Revokes at once: the status list is built from the database on every request, so the
    next fetch of the list has the bit set; its `changed_at` moves, which changes the list's
    validFrom and ETag."""
    if not reason.strip():
        raise CertificateError(_("Indiquez le motif de la révocation."))
    certificate = Certificate.objects.select_for_update().get(pk=certificate.pk)
    if certificate.is_valid:
        certificate.revoked_at = timezone.now()
        certificate.revoked_reason = reason.strip()
        certificate.save(update_fields=["revoked_at", "revoked_reason"])
        if certificate.status_list_id is not None:
            StatusList.objects.filter(pk=certificate.status_list_id).update(
                changed_at=certificate.revoked_at
            )
        certificate_revoked.send(sender=Certificate, certificate=certificate)
    return certificate


# --- Status lists (W3C Bitstring Status List) ------------------------------------------------


def _status_allocate(certificate: Certificate) -> None:
    """Gives the certificate (new, or locked by the caller) the next free bit. The list's row
    lock serialises allocations, so two certificates never share a bit (the unique constraint
    would refuse it anyway). Indexes go in order: the list reveals only how many badges
    there were, and a revoked bit is one among at least 131,072."""
    status_list = (
        StatusList.objects.select_for_update()
        .filter(next_index__lt=F("length"))
        .order_by("pk")
        .first()
    )
    if status_list is None:
        status_list = StatusList.objects.create()
        status_list = StatusList.objects.select_for_update().get(pk=status_list.pk)
    certificate.status_list = status_list
    certificate.status_index = status_list.next_index
    status_list.next_index += 1
    status_list.save(update_fields=["next_index"])
    certificate.save(update_fields=["status_list", "status_index"])


def status_entry_ensure(*, certificate: Certificate) -> Certificate:
    """The certificate with its status bit: certificates issued before status lists existed
    (or created outside `certificate_issue`) get one the first time their badge is signed."""
    if certificate.status_list_id is not None:
        return certificate
    with transaction.atomic():
        certificate = Certificate.objects.select_for_update().get(pk=certificate.pk)
        if certificate.status_list_id is None:
            _status_allocate(certificate)
    return certificate


def status_list_revoked_indexes(*, status_list: StatusList) -> list[int]:
    return list(
        Certificate.objects.revoked()
        .filter(status_list=status_list)
        .order_by("status_index")
        .values_list("status_index", flat=True)
    )


def status_is_revoked(*, number: int, index: int) -> bool:
    """What the published list says of bit `index` of list `number` (the same query as the
    list itself). An index never handed out is an error, not "valid"."""
    certificate = Certificate.objects.filter(status_list_id=number, status_index=index).first()
    if certificate is None:
        raise CertificateError(
            _("Aucune attestation au rang %(index)s de la liste de statut %(number)s.")
            % {"index": index, "number": number}
        )
    return not certificate.is_valid


def enrollments_missing_certificate(*, older_than: timedelta):
    """Completed enrollments with no valid certificate and PDF, completed more than
    `older_than` ago: the sweep re-queues them (a lost message or a worker that died)."""
    cutoff = timezone.now() - older_than
    # A certificate whose worker died before the PDF was stored counts as missing too.
    valid = (
        Certificate.objects.valid()
        .filter(learner_id=OuterRef("learner_id"), course_id=OuterRef("course_id"))
        .exclude(pdf_sha256="")
    )
    return (
        course_selectors.completed_enrollments(completed_before=cutoff)
        .exclude(Exists(valid))
        .values_list("learner_id", "course_id")
    )
