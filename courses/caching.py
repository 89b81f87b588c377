"""Shared-cache entries that save queries and rendering on every lesson page. In production
the cache must be shared by all processes (CACHE_URL=redis://...), or one process could keep a
stale entry."""

import hashlib
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings
from django.core.cache import cache
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.safestring import mark_safe
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Page, PageViewRestriction, Site
from wagtail.signals import post_page_move

from lms.versioned_cache import version_bump_now_and_on_commit, versioned_get

from .models import CoursePage, GlossaryTerm

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
    """For code that changes content without a signal (a queryset's `update()`)."""
    version_bump_now_and_on_commit(CONTENT_VERSION_KEY)


def lesson_body_html(lesson) -> str:
    """The lesson's blocks as HTML (templates/courses/includes/lesson_body.html), from the
    shared cache when rendered under the current content version (lms/versioned_cache.py):
    one cache round trip when found."""
    language = translation.get_language() or settings.LANGUAGE_CODE
    key = f"courses:lesson-body:{lesson.pk}:{lesson.live_revision_id}:{language}:{RENDER_DIGEST}"
    html = versioned_get(
        CONTENT_VERSION_KEY,
        key,
        lambda: str(render_to_string("courses/includes/lesson_body.html", {"page": lesson})),
        timeout=BODY_TIMEOUT,
    )
    return mark_safe(html)  # noqa: S308 (rendered by our templates, escaped there)


@dataclass(frozen=True)
class OpenCourse:
    """A live course open to self-enrolment, as « Mes formations » lists it."""

    pk: int
    title: str
    url: str
    summary: str


def open_courses() -> list[OpenCourse]:
    """The live courses open to self-enrolment, in the tree's order, from the shared cache
    under the content version (a course saved, published, moved or deleted, or a site
    changed, gives a new one): the same list for everyone, read on every « Mes formations »."""
    return versioned_get(
        CONTENT_VERSION_KEY,
        "courses:open-courses",
        lambda: [
            OpenCourse(pk=c.pk, title=c.title, url=c.url, summary=c.summary)
            for c in CoursePage.objects.live().filter(self_enrollment=True).order_by("path")
        ],
        timeout=BODY_TIMEOUT,
    )


def _content_changed(sender, instance=None, **kwargs):
    if isinstance(instance, BODY_SOURCES):
        version_bump_now_and_on_commit(CONTENT_VERSION_KEY)


@receiver(post_page_move)
def _page_moved(**kwargs):
    version_bump_now_and_on_commit(CONTENT_VERSION_KEY)


# Saved or deleted, each of these can change a rendered body: a lesson itself (a save outside
# a new revision), a linked page's URL (its page, or a site), a glossary term, a document, an
# image.
BODY_SOURCES = (Page, Site, GlossaryTerm, get_document_model(), get_image_model())
post_save.connect(_content_changed, dispatch_uid="courses-content-saved")
post_delete.connect(_content_changed, dispatch_uid="courses-content-deleted")
