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

from lms.versioned_cache import (
    Versioned,
    version_bump_now_and_on_commit,
    versioned_get,
    versioned_get_many,
)

from .completion import progress_models
from .models import CoursePage, Enrollment, GlossaryTerm, LessonCompletion

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


@dataclass(frozen=True)
class CourseBrief:
    """What a quiz's start reads of the course above it, from the shared cache: enough for
    the start's rules (`courses.selectors.may_be_locked`) and for an xAPI activity
    (`xapi.statements.activity` reads `title` and `get_url_parts()`, as on a page)."""

    pk: int
    title: str
    path: str
    depth: int
    sequential_modules: bool
    url_parts: tuple | None

    def get_url_parts(self, request=None):
        return self.url_parts

    @classmethod
    def of(cls, page) -> "CourseBrief":
        """The brief of the course above `page` (any page of its tree), read from the
        database; raises CoursePage.DoesNotExist for a page outside any course."""
        from .selectors import course_for_page

        course = course_for_page(page, remembered=False)
        return cls(
            pk=course.pk,
            title=course.title,
            path=course.path,
            depth=course.depth,
            sequential_modules=course.sequential_modules,
            url_parts=course.get_url_parts(),
        )


def course_brief(page) -> CourseBrief:
    """The course above `page` (any page of its tree), from the shared cache under the
    content version: a page saved, published, moved or deleted, or a site changed, gives a new
    one. Raises CoursePage.DoesNotExist for a page outside any course."""
    return versioned_get(
        CONTENT_VERSION_KEY,
        f"courses:course-brief:{page.pk}",
        lambda: CourseBrief.of(page),
        timeout=BODY_TIMEOUT,
    )


# A learner's outline of a course (what they have done ticked, modules locked, pages new
# since their completion) depends on the content and on their own progress: their lessons
# done, the pages other apps count as done (passed quizzes, courses/completion.py) and their
# enrolments. Each learner's progress has its own version, renewed when one of those rows is
# saved or deleted. Enrolments made in bulk (`courses.services.enrollments_due_set`'s
# bulk_create) send no signal and need none: a learner had no entry for a course they were
# not enrolled in (an enrolment deleted before renewed the version).


# An outline is 3–3.6 kB pickled for a demo course of 11–13 steps, and there is one per
# learner and course: kept an hour after it was computed (a learner's sitting), not a day, so
# that the cache holds those of the learners of the last hour.
OUTLINE_TIMEOUT = 60 * 60


def progress_version_key(learner_id: int) -> str:
    return f"courses:progress-version:{learner_id}"


def _outline_entry(course_id: int, learner_id: int, compute=None) -> Versioned:
    return Versioned(
        (CONTENT_VERSION_KEY, progress_version_key(learner_id)),
        f"courses:outline:{course_id}:{learner_id}",
        compute,
        OUTLINE_TIMEOUT,
    )


def learner_outline(*, course_id: int, learner_id: int, compute):
    """`compute()` (the learner's outline of the course), from the shared cache when computed
    under the current versions of the content and of the learner's progress. For pages that
    show the outline; what decides (a completion, a certificate, a start) reads the rows."""
    return versioned_get_many([_outline_entry(course_id, learner_id, compute)])[0]


def learner_outlines(*, course_ids: list[int], learner_id: int, compute_many) -> dict:
    """The learner's outlines of several courses, {course id: outline}, as `learner_outline`
    keeps them: one round trip when all are found; those that are not are computed together
    by `compute_many(course ids)` ({course id: outline})."""
    entries = [_outline_entry(course_id, learner_id) for course_id in course_ids]
    course_of = {entry.key: course_id for entry, course_id in zip(entries, course_ids, strict=True)}

    def compute_missing(missing):
        computed = compute_many([course_of[entry.key] for entry in missing])
        return [computed[course_of[entry.key]] for entry in missing]

    values = versioned_get_many(entries, compute_missing=compute_missing)
    return dict(zip(course_ids, values, strict=True))


def _progress_changed(sender, instance=None, **kwargs):
    if isinstance(instance, (LessonCompletion, Enrollment, *progress_models())):
        version_bump_now_and_on_commit(progress_version_key(instance.learner_id))


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
post_save.connect(_progress_changed, dispatch_uid="courses-progress-saved")
post_delete.connect(_progress_changed, dispatch_uid="courses-progress-deleted")
