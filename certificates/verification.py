"""What the public verification page (`/certificats/verifier/<code>/`) finds by code.

A verifier holds a paper with a code and a QR: they expect one form whatever the document.
Course certificates are found here; an app above certificates that issues documents of its
own (workshops: the attestations de participation) registers a finder in its
`AppConfig.ready()`, so that certificates never imports it (docs/architecture.md). A finder
takes a normalised code and returns a `VerifiedDocument`, or None when the code is not one of
its documents. Codes are 100 random bits, so two kinds of document never share one."""

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime

from django.template.defaultfilters import floatformat
from django.utils.translation import gettext as _

from .models import Certificate
from .openbadges.proof import xsd_datetime


@dataclass(frozen=True)
class VerifiedDocument:
    """The public facts of one document, as the verification page and its JSON state them."""

    serial: str
    holder: str
    is_valid: bool
    revoked_at: datetime | None
    issued_at: datetime
    # Further lines of the page, after the holder: (label, value), already in words.
    facts: list[tuple[str, str]] = field(default_factory=list)
    # Further JSON members, after status and holder (e.g. {"course": …}).
    public: dict = field(default_factory=dict)

    def as_json(self) -> dict:
        """The facts a verifier's program reads, no more: never a rank, a score or a reason."""
        return {
            "status": "valid" if self.is_valid else "revoked",
            "revoked_at": xsd_datetime(self.revoked_at) if self.revoked_at else None,
            "holder": self.holder,
            **self.public,
            "issued_at": xsd_datetime(self.issued_at),
        }


Finder = Callable[[str], VerifiedDocument | None]
_finders: list[Finder] = []


def finder_register(finder: Finder) -> None:
    """Called from an AppConfig.ready(); registering the same function twice keeps one."""
    if finder not in _finders:
        _finders.append(finder)


def certificate_document(certificate: Certificate) -> VerifiedDocument:
    facts = [(_("Formation"), certificate.course_title)]
    if certificate.score_percent is not None:
        facts.append((certificate.score_label, f"{floatformat(certificate.score_percent, 0)} %"))
    return VerifiedDocument(
        serial=certificate.serial or "",
        holder=certificate.learner_name,
        is_valid=certificate.is_valid,
        revoked_at=certificate.revoked_at,
        issued_at=certificate.issued_at,
        facts=facts,
        public={"course": certificate.course_title},
    )


def document_find(code: str) -> VerifiedDocument | None:
    """The document with this (normalised) code: a course certificate, else what a registered
    finder knows, else None."""
    certificate = Certificate.objects.filter(code=code).first()
    if certificate is not None:
        return certificate_document(certificate)
    for finder in _finders:
        document = finder(code)
        if document is not None:
            return document
    return None
