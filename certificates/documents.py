"""Building blocks shared by every document Kalan issues as a PDF with a verification code:
course certificates here, and what apps above certificates issue (the workshops' attestations
de participation). A document is a model row with `serial`, `pdf` and `pdf_sha256`; its PDF
is written once, under a row lock, and rewritten only when the stored file is missing,
unreadable or not the one whose hash was recorded."""

import hashlib
from collections.abc import Callable

from django.core.files.base import ContentFile
from django.db import transaction


def pdf_is_current(document) -> bool:
    """The stored file exists, is readable and has the recorded SHA-256."""
    if not (document.pdf and document.pdf_sha256):
        return False
    try:
        with document.pdf.open("rb") as handle:
            return hashlib.sha256(handle.read()).hexdigest() == document.pdf_sha256
    except (OSError, ValueError):
        return False  # missing or unreadable file: render it again


def pdf_ensure(*, document, render: Callable[[object], bytes], force: bool = False):
    """Renders `document` with `render(document)` and stores the PDF as `<serial>.pdf` in the
    field's upload folder, unless a current one exists. The row is locked meanwhile (two
    workers never write two files) and read again under the lock, so that a worker that
    waited finds the other's file. Returns the row as stored."""
    if not force and pdf_is_current(document):
        return document
    model = type(document)
    with transaction.atomic():
        document = model.objects.select_for_update().get(pk=document.pk)
        if not force and pdf_is_current(document):
            return document  # another worker rendered it while we waited
        data = render(document)
        field = document.pdf.field
        name = field.generate_filename(document, f"{document.serial}.pdf")
        storage = document.pdf.storage
        if storage.exists(name):
            storage.delete(name)
        document.pdf.save(f"{document.serial}.pdf", ContentFile(data), save=False)
        document.pdf_sha256 = hashlib.sha256(data).hexdigest()
        document.save(update_fields=["pdf", "pdf_sha256"])
    return document
