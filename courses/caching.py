"""Shared-cache entries that save queries and rendering on every lesson page. In production
the cache must be shared by all processes (CACHE_URL=redis://...), or one process could keep a
stale entry."""

import hashlib
import uuid
from pathlib import Path

from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.safestring import mark_safe
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Page, PageViewRestriction, Site
from wagtail.signals import post_page_move

from .models import GlossaryTerm

RESTRICTIONS_KEY = "courses:view-restrictions-exist"


def view_restrictions_exist() -> bool:
    """Whether any page view restriction exists at all (usually none: lessons are guarded by
    enrolment). Recomputed after any restriction is saved or deleted."""
    return cache.get_or_set(RESTRICTIONS_KEY, PageViewRestriction.objects.exists, timeout=None)


@receiver(post_save, sender=PageViewRestriction)
@receiver(post_delete, sender=PageViewRestriction)
def _restrictions_changed(**kwargs):
    cache.delete(RESTRICTIONS_KEY)


# A lesson's body, rendered once per live revision and language, then served from the shared
# cache (its blocks are the same for every learner: nothing in templates/blocks/ reads the
# request or the person). What the body shows of other objects (glossary terms, documents,
# images, the URLs of linked pages) can change without a new revision of the lesson: any such
# change, committed, gives the content a new version, and a body rendered under an older
# version is rendered again. The key also carries a digest of the code and translations that
# render blocks, so a deployment never serves bodies rendered by the code it replaced.
CONTENT_VERSION_KEY = "courses:content-version"
BODY_TIMEOUT = 24 * 60 * 60


def _render_digest() -> str:
    root = Path(settings.BASE_DIR)
    files = sorted(
        [
            *(root / "templates" / "blocks").glob("*.html"),
            root / "templates" / "includes" / "icon.html",  # {% icon %} in the blocks
            root / "templates" / "courses" / "includes" / "lesson_body.html",
            root / "courses" / "blocks.py",
            *(root / "locale").glob("*/LC_MESSAGES/django.mo"),
        ]
    )
    digest = hashlib.sha256()
    for path in files:
        digest.update(str(path.relative_to(root)).encode())
        digest.update(path.read_bytes() if path.exists() else b"")
    return digest.hexdigest()[:16]


RENDER_DIGEST = _render_digest()


def content_version_bump() -> None:
    cache.set(CONTENT_VERSION_KEY, uuid.uuid4().hex, timeout=None)


def lesson_body_html(lesson) -> str:
    """The lesson's blocks as HTML (templates/courses/includes/lesson_body.html), from the
    shared cache when rendered under the current content version. One cache round trip when
    found; the version is read before anything is rendered, so a body that a change overtook
    while it rendered is stored under the older version and rendered again on the next read."""
    language = translation.get_language() or settings.LANGUAGE_CODE
    key = f"courses:lesson-body:{lesson.pk}:{lesson.live_revision_id}:{language}:{RENDER_DIGEST}"
    found = cache.get_many([CONTENT_VERSION_KEY, key])
    version = found.get(CONTENT_VERSION_KEY)
    if version is None:
        cache.add(CONTENT_VERSION_KEY, uuid.uuid4().hex, timeout=None)
        version = cache.get(CONTENT_VERSION_KEY)
    entry = found.get(key)
    if version is not None and entry is not None and entry[0] == version:
        return mark_safe(entry[1])  # noqa: S308 (rendered by our templates, escaped there)
    html = render_to_string("courses/includes/lesson_body.html", {"page": lesson})
    if version is not None:
        cache.set(key, (version, str(html)), timeout=BODY_TIMEOUT)
    return html


def _content_changed(sender, instance=None, **kwargs):
    if isinstance(instance, BODY_SOURCES):
        transaction.on_commit(content_version_bump)


@receiver(post_page_move)
def _page_moved(**kwargs):
    transaction.on_commit(content_version_bump)


# Saved or deleted, each of these can change a rendered body: a lesson itself (a save outside
# a new revision), a linked page's URL (its page, or a site), a glossary term, a document, an
# image.
BODY_SOURCES = (Page, Site, GlossaryTerm, get_document_model(), get_image_model())
post_save.connect(_content_changed, dispatch_uid="courses-content-saved")
post_delete.connect(_content_changed, dispatch_uid="courses-content-deleted")
