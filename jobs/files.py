"""Files that an import writes, taken back when the import fails.

An import is all or nothing: its database writes are in one transaction. But a Wagtail image
or document also writes its file to storage when it is saved, and a rollback does not take
that back: a refused package or question file would leave orphan files in media/. Imports run
their writes inside `files_removed_on_failure()`, which notes the file of every image and
document created in the block, in this thread, and deletes those files if the block raises."""

import threading
from contextlib import contextmanager, suppress

from django.db.models.signals import post_save


def _file_models():
    from wagtail.documents import get_document_model
    from wagtail.images import get_image_model

    return [get_image_model(), get_document_model()]


@contextmanager
def files_removed_on_failure():
    thread = threading.get_ident()
    written: list[tuple[object, str]] = []

    def note(sender, instance, created, **kwargs):
        # Signals are process-wide: another request's upload in another thread is not ours.
        if created and threading.get_ident() == thread and instance.file:
            written.append((instance.file.storage, instance.file.name))

    models = _file_models()
    for model in models:
        post_save.connect(note, sender=model, weak=False)
    try:
        yield
    except BaseException:
        for storage, name in written:
            with suppress(OSError):
                storage.delete(name)
        raise
    finally:
        for model in models:
            post_save.disconnect(note, sender=model)
