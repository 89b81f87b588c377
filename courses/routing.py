"""Finding the page at a URL in one query instead of Wagtail's two per level.

Wagtail routes a URL by walking down the tree: for /formations/course/module/lesson/ it reads
each level's child by its slug, then that child's specific row. A page's `url_path` is the
chain of its ancestors' slugs, so the same page is found by `url_path` at once. The usual page
type at each depth below the catalogue (course, module, lesson) is read with its specific
fields in that one query; any other type (a quiz) takes two more."""

import hashlib

from django.apps import apps
from wagtail.models import Page

from lms.versioned_cache import versioned_get

# The usual page type at each depth below the catalogue: course, module, lesson.
ROUTE_TYPES = {1: "CoursePage", 2: "ModulePage", 3: "LessonPage"}


def page_at(url_path: str, *, depth_below_catalogue: int | None = None):
    """The specific page whose url_path is `url_path` (live or not), or None.
    `depth_below_catalogue`: how far below the catalogue the URL leads, if known, so that the
    usual type at that depth is tried first. From the shared cache under the content version
    (courses/caching.py: a page saved, published, moved or deleted gives a new one), unpickled
    in a twentieth of the query's time; a URL that leads nowhere is read each time, never
    kept."""
    from .caching import BODY_TIMEOUT, CONTENT_VERSION_KEY

    digest = hashlib.sha256(url_path.encode()).hexdigest()[:32]
    return versioned_get(
        CONTENT_VERSION_KEY,
        f"courses:page-at:{digest}:{depth_below_catalogue}",
        lambda: _page_read(url_path, depth_below_catalogue),
        timeout=BODY_TIMEOUT,
    )


def _page_read(url_path: str, depth_below_catalogue: int | None):
    model_name = ROUTE_TYPES.get(depth_below_catalogue)
    if model_name is not None:
        page = apps.get_model("courses", model_name).objects.filter(url_path=url_path).first()
        if page is not None:
            return page
    page = Page.objects.filter(url_path=url_path).first()
    return page.specific if page is not None else None
