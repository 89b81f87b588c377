"""Reads for course pages and "Mes formations". Each function runs a fixed number of queries
whatever the size of the course or the number of courses."""

import math
from dataclasses import dataclass, field
from datetime import date

from django.contrib.contenttypes.models import ContentType
from django.db.models import BooleanField, Exists, ExpressionWrapper, OuterRef, Q, Value
from django.utils.encoding import iri_to_uri
from wagtail.models import Page

from accounts.selectors import ancestor_paths, sql_has_row

from .caching import OpenCourse, learner_outline, learner_outlines, open_courses
from .completion import completed_pages_subqueries
from .models import CoursePage, Enrollment, LessonCompletion, ModulePage
from .scores import CourseScore, course_score

STEPLEN = Page.steplen


@dataclass
class OutlineItem:
    id: int
    title: str
    url: str
    kind: str  # model name: "lessonpage", later "quizpage"
    module_index: int
    completed: bool = False
    locked: bool = False
    # Published after the learner completed the course: shown as « Nouveau ».
    new: bool = False


@dataclass
class OutlineModule:
    id: int
    title: str
    index: int
    items: list[OutlineItem] = field(default_factory=list)
    locked: bool = False

    @property
    def complete(self) -> bool:
        return all(item.completed for item in self.items)


@dataclass
class Outline:
    course_id: int
    modules: list[OutlineModule]

    @property
    def items(self) -> list[OutlineItem]:
        return [item for module in self.modules for item in module.items]

    def item(self, page_id: int) -> OutlineItem | None:
        return next((i for i in self.items if i.id == page_id), None)

    def neighbours(self, page_id: int) -> tuple[OutlineItem | None, OutlineItem | None]:
        items = self.items
        for index, item in enumerate(items):
            if item.id == page_id:
                before = items[index - 1] if index > 0 else None
                after = items[index + 1] if index + 1 < len(items) else None
                return before, after
        return None, None

    def next_unfinished(self) -> OutlineItem | None:
        return next((i for i in self.items if not i.completed and not i.locked), None)


def outlines_build(
    *,
    courses: list[CoursePage],
    learner=None,
    enrollments: list[Enrollment] | None = None,
) -> dict[int, Outline]:
    """Outlines of several courses in one query. URLs come from url_path, relative to each
    course's URL, so no per-page URL lookup is needed. What `learner` has done (lessons read,
    and the pages other apps register in courses/completion.py: passed quizzes) is read in
    that same query; without a learner nothing is done. A completed enrollment among
    `enrollments` locks nothing in its course (completion is never taken back), and the pages
    published after that completion are flagged `new`. For one course, use `outline_for`."""
    if not courses:
        return {}
    completed_at = {
        e.course_id: e.completed_at
        for e in enrollments or []
        if e.is_completed and e.completed_at is not None
    }
    module_ct = ContentType.objects.get_for_model(ModulePage)
    query = Q()
    for course in courses:
        query |= Q(path__startswith=course.path, depth__in=[course.depth + 1, course.depth + 2])
    pages = Page.objects.live().filter(query).order_by("path")
    if learner is not None and learner.is_authenticated:
        done = Q(Exists(LessonCompletion.objects.filter(learner=learner, lesson_id=OuterRef("pk"))))
        # Pages other apps count as done (passed quizzes), read in this same query.
        for subquery in completed_pages_subqueries(learner=learner):
            done |= Q(subquery)
        pages = pages.annotate(done=ExpressionWrapper(done, output_field=BooleanField()))
    else:
        pages = pages.annotate(done=Value(False))
    rows = pages.values_list(
        "id", "title", "path", "depth", "url_path", "content_type_id", "done", "first_published_at"
    )
    outlines = {course.pk: Outline(course_id=course.pk, modules=[]) for course in courses}
    current_module: dict[int, OutlineModule | None] = {}
    course_urls = {course.pk: course.url for course in courses}
    for page_id, title, path, depth, url_path, ct_id, done, published_at in rows:
        course = next(c for c in courses if path.startswith(c.path))
        outline = outlines[course.pk]
        if depth == course.depth + 1:
            # A module, or a page placed directly in the course (a final quiz), which is then
            # a step of its own.
            module = OutlineModule(id=page_id, title=title, index=len(outline.modules))
            outline.modules.append(module)
            is_module = ct_id == module_ct.pk
            current_module[course.pk] = module if is_module else None
            if is_module:
                continue
        else:
            module = current_module.get(course.pk)
            if module is None:
                continue
        module.items.append(
            OutlineItem(
                id=page_id,
                title=title,
                url=course_urls[course.pk] + iri_to_uri(url_path[len(course.url_path) :]),
                kind=ContentType.objects.get_for_id(ct_id).model,  # cached by Django
                module_index=module.index,
                completed=done,
                new=course.pk in completed_at
                and published_at is not None
                and published_at > completed_at[course.pk],
            )
        )
    for course in courses:
        _apply_locks(
            outlines[course.pk],
            sequential=course.sequential_modules and course.pk not in completed_at,
        )
    return outlines


def may_be_locked(*, page, course) -> bool:
    """Whether the outline could lock `page`, known without reading it: only a sequential
    course locks, and never its first step (`_apply_locks` opens the first module), that is
    the course's first child or what lies in it: no sibling's path sorts before the first path
    treebeard gives. `course`: the CoursePage or its `caching.CourseBrief`."""
    if not course.sequential_modules:
        return False
    first = CoursePage._get_path(course.path, course.depth + 1, 1)
    return not page.path.startswith(first)


def _apply_locks(outline: Outline, *, sequential: bool) -> None:
    if not sequential:
        return
    previous_complete = True
    for module in outline.modules:
        module.locked = not previous_complete
        for item in module.items:
            item.locked = module.locked
        previous_complete = previous_complete and module.complete


# Not enrolled: `outline_for` reads the enrollment itself unless the caller passes it.
_UNREAD = object()


def outline_for(*, course: CoursePage, learner, enrollment=_UNREAD, shown=False) -> Outline:
    """The outline of `course` as `learner` sees it: what they have done ticked, modules
    locked in a sequential course, pages published since their completion flagged `new`.
    A visitor (`learner` None or anonymous) and a learner not enrolled see the bare outline.
    `enrollment`: the learner's enrollment in the course (or None, not enrolled) when the
    caller has read it already; read here otherwise. Two queries at most, one when the
    enrollment is given, whatever the size of the course. `shown`: for a page that only
    shows it, an enrolled learner's outline comes from the shared cache
    (`courses.caching.learner_outline`); what decides (a completion, a start) reads it."""
    if learner is None or not learner.is_authenticated:
        learner, enrollment = None, None
    elif enrollment is _UNREAD:
        enrollment = enrollment_get(learner=learner, course=course)
    elif enrollment is not None and (
        enrollment.learner_id != learner.pk or enrollment.course_id != course.pk
    ):
        raise ValueError("outline_for: the enrollment is not this learner's in this course")
    if enrollment is None:
        return outlines_build(courses=[course])[course.pk]

    def compute():
        return outlines_build(courses=[course], learner=learner, enrollments=[enrollment])[
            course.pk
        ]

    if shown:
        return learner_outline(course_id=course.pk, learner_id=learner.pk, compute=compute)
    return compute()


def enrollment_get(*, learner, course) -> Enrollment | None:
    """The learner's enrollment in the course, with its learner and course, or None (also for
    a visitor). `learner` and `course` are objects or primary keys. The one read of an
    enrollment for the other apps: they never query Enrollment themselves."""
    if learner is None or not getattr(learner, "is_authenticated", True):
        return None
    relations = (("learner", learner), ("course", course))
    enrollments = Enrollment.objects.filter(learner=learner, course=course)
    # A key is read with the enrollment; an object the caller has is attached, not joined
    # again (a simpler query to build).
    if keys := [name for name, value in relations if isinstance(value, int)]:
        enrollments = enrollments.select_related(*keys)
    enrollment = enrollments.first()
    if enrollment is not None:
        for name, value in relations:
            if not isinstance(value, int):
                setattr(enrollment, name, value)
    return enrollment


def is_enrolled(*, learner, course_id: int) -> bool:
    return Enrollment.objects.filter(learner=learner, course_id=course_id).exists()


def enrolled_sql() -> str:
    """An SQL boolean for raw statements of other apps: the person (%(user)s) is enrolled in
    the course (%(course)s)."""
    return sql_has_row(Enrollment, "learner", course="course")


def enrollment_for_page(*, learner, page) -> Enrollment | None:
    """The learner's enrollment in the course above `page` (any page of the course tree: a
    quiz in a module or in the course), with its course, in one query where `course_for_page`
    then `enrollment_get` take two; the course is kept on the page as `course_for_page` keeps
    it. None for a visitor or a learner not enrolled (`course_for_page` then reads the
    course, when the caller needs it)."""
    if learner is None or not getattr(learner, "is_authenticated", True):
        return None
    known = page.__dict__.get("_course_for_page")
    if known is not None and known[0] == page.path:
        return enrollment_get(learner=learner, course=known[1])
    paths = ancestor_paths(page.path, steplen=STEPLEN, itself=False)
    enrollment = (
        Enrollment.objects.select_related("course")
        .filter(learner=learner, course__path__in=paths)
        .first()
    )
    if enrollment is not None:
        if not isinstance(learner, int):
            enrollment.learner = learner
        page.__dict__["_course_for_page"] = (page.path, enrollment.course)
    return enrollment


def completed_enrollments(*, completed_before=None):
    """The completed enrollments (a queryset), those completed before `completed_before` when
    given: what the certificates' sweep checks."""
    enrollments = Enrollment.objects.completed()
    if completed_before is not None:
        enrollments = enrollments.filter(completed_at__lt=completed_before)
    return enrollments


def enrollment_dates(*, course_ids, learner_ids) -> dict[tuple[int, int], dict]:
    """The dates of many enrollments in one query, keyed by (learner id, course id): enrolled,
    started and completed (the workshops' report follows its relays with them)."""
    if not course_ids or not learner_ids:
        return {}
    return {
        (row["learner_id"], row["course_id"]): row
        for row in Enrollment.objects.filter(
            course_id__in=list(course_ids), learner_id__in=list(learner_ids)
        ).values("learner_id", "course_id", "enrolled_at", "started_at", "completed_at")
    }


def course_path_for(lesson) -> str:
    """The materialised path of the course above a lesson (course › module › lesson)."""
    return lesson.path[: STEPLEN * (lesson.depth - 2)]


def course_for_lesson(lesson) -> CoursePage:
    """The course above a lesson, in one query."""
    return CoursePage.objects.get(path=course_path_for(lesson))


def course_for_page(page, *, remembered=True) -> CoursePage:
    """The course above any page of the course tree (a quiz in a module or in the course),
    in one query on the ancestors' materialised paths. Kept on the page instance for its
    path, so that a request asking again reads it once (a quiz's submit: the xAPI
    statements, then the grade); `remembered=False` reads it again."""
    known = page.__dict__.get("_course_for_page")
    if remembered and known is not None and known[0] == page.path:
        return known[1]
    course = CoursePage.objects.get(
        path__in=ancestor_paths(page.path, steplen=STEPLEN, itself=False)
    )
    page.__dict__["_course_for_page"] = (page.path, course)
    return course


def course_page_context(*, course: CoursePage, user) -> dict:
    enrollment = enrollment_get(learner=user, course=course)
    outline = outline_for(course=course, learner=user, enrollment=enrollment, shown=True)
    return {
        "outline": outline,
        "enrollment": enrollment,
        "next_item": outline.next_unfinished() if enrollment else None,
        "enrollment_refusal": enrollment_refusal(course=course, user=user)
        if not enrollment
        else None,
    }


@dataclass
class CourseCompletion:
    course: CoursePage
    enrollment: Enrollment
    score: CourseScore | None


def course_completion(*, enrollment: Enrollment) -> CourseCompletion:
    """The completion page of a completed enrollment: the course, the date, and the course's
    score as the apps that grade it report it (courses/scores.py), the figure the certificate
    states."""
    course = enrollment.course
    return CourseCompletion(
        course=course,
        enrollment=enrollment,
        score=course_score(learner=enrollment.learner, course=course),
    )


def enrollment_refusal(*, course: CoursePage, user) -> str | None:
    """Why `user` may not enrol in `course` by themself, or None when they may."""
    from django.utils.translation import gettext as _

    if not user.is_authenticated:
        return _("Connectez-vous pour vous inscrire.")
    if not course.self_enrollment:
        return _("Cette formation est attribuée par votre hiérarchie : pas d’inscription libre.")
    missing = [
        p.title
        for p in course.prerequisites.all()
        if not Enrollment.objects.completed().filter(learner=user, course=p).exists()
    ]
    if missing:
        return _("Terminez d’abord : %(courses)s.") % {"courses": ", ".join(missing)}
    return None


@dataclass
class MyCourse:
    course: CoursePage | OpenCourse  # an OpenCourse in « available »
    enrollment: Enrollment | None
    next_item: OutlineItem | None = None


def my_courses(*, user) -> dict[str, list[MyCourse]]:
    """ "Mes formations": courses to start (soonest due date first, undated last), in
    progress, completed and available (courses/caching.py::open_courses): the enrolments in
    one query, the outlines from the shared cache (`caching.learner_outlines`, those to
    compute again in one more query)."""
    enrollments = list(
        Enrollment.objects.filter(learner=user, course__live=True)
        .select_related("course")
        .order_by("-last_activity_at", "-enrolled_at")
    )
    courses = [e.course for e in enrollments]

    def compute_many(course_ids):
        return outlines_build(
            courses=[c for c in courses if c.pk in course_ids],
            learner=user,
            enrollments=[e for e in enrollments if e.course_id in course_ids],
        )

    outlines = learner_outlines(
        course_ids=[c.pk for c in courses], learner_id=user.pk, compute_many=compute_many
    )
    groups: dict[str, list[MyCourse]] = {
        "to_start": [],
        "in_progress": [],
        "completed": [],
        "available": [],
    }
    group_of = {
        Enrollment.Status.NOT_STARTED: "to_start",
        Enrollment.Status.IN_PROGRESS: "in_progress",
        Enrollment.Status.COMPLETED: "completed",
    }
    for enrollment in enrollments:
        item = MyCourse(
            course=enrollment.course,
            enrollment=enrollment,
            next_item=outlines[enrollment.course_id].next_unfinished(),
        )
        groups[group_of.get(enrollment.status, "in_progress")].append(item)
    groups["to_start"].sort(
        key=lambda e: (e.enrollment.due_date is None, e.enrollment.due_date or date.min)
    )
    enrolled = {c.pk for c in courses}
    groups["available"] = [
        MyCourse(course=c, enrollment=None) for c in open_courses() if c.pk not in enrolled
    ]
    return groups


def document_readable_by(*, user, document) -> bool:
    """The lesson's rule for its documents: people who work in the admin (they choose the
    documents), and learners enrolled in a course whose live lesson offers it, as a resource
    or in its body. A document that no live lesson uses is for the admin only."""
    from wagtail.models import ReferenceIndex

    from .models import LessonPage, LessonResource

    if not user.is_authenticated:
        return False
    if user.has_perm("wagtailadmin.access_admin"):
        return True
    # Wagtail's reference index knows the body's document blocks and rich-text links; the
    # resources are read directly, whatever the index holds for child objects.
    referencing = ReferenceIndex.get_references_to(document).filter(
        base_content_type=ContentType.objects.get_for_model(Page)
    )
    page_ids = Q(pk__in=[int(pk) for pk in referencing.values_list("object_id", flat=True)])
    resource_ids = Q(pk__in=LessonResource.objects.filter(document=document).values("lesson_id"))
    paths = [
        path[: STEPLEN * (depth - 2)]
        for path, depth in LessonPage.objects.live()
        .filter(page_ids | resource_ids)
        .values_list("path", "depth")
    ]
    return bool(paths) and Enrollment.objects.filter(learner=user, course__path__in=paths).exists()


# The search reads at most this many matches of each kind (whole words, prefixes): enough for
# twenty pages of results, and the cost of a search stays bounded.
SEARCH_MAX_RESULTS = 200
SEARCH_PAGE_SIZE = 10


@dataclass
class SearchHit:
    page: Page
    url: str
    kind: str
    title: str  # escaped, the matches in <mark>
    excerpt: str  # escaped, the matches in <mark>
    course_title: str | None
    module_title: str | None


@dataclass
class SearchResults:
    terms: list[str]
    page: object  # django.core.paginator.Page of page ids
    hits: list[SearchHit]
    truncated: bool  # more than SEARCH_MAX_RESULTS matched

    @property
    def count(self) -> int:
        return self.page.paginator.count


def search_scope(*, user) -> Q:
    """The pages a learner may find: the courses open to self-enrolment (their page only) and
    the whole of the live courses they are enrolled in. Below a page restricted by Wagtail's
    privacy settings, only the members of its groups find anything (a password-protected page
    is never found: its password is asked on the page itself)."""
    from wagtail.models import PageViewRestriction

    from .caching import view_restrictions_exist

    open_courses = CoursePage.objects.live().filter(self_enrollment=True).values("pk")
    scope = Q(pk__in=open_courses)
    for path in Enrollment.objects.filter(learner=user, course__live=True).values_list(
        "course__path", flat=True
    ):
        scope |= Q(path__startswith=path)
    if view_restrictions_exist():
        group_ids = set(user.groups.values_list("pk", flat=True))
        for restriction in PageViewRestriction.objects.select_related("page").prefetch_related(
            "groups"
        ):
            kind = restriction.restriction_type
            if kind == PageViewRestriction.LOGIN:
                continue
            if kind == PageViewRestriction.GROUPS and (
                user.is_superuser or group_ids & {g.pk for g in restriction.groups.all()}
            ):
                continue
            scope &= ~Q(path__startswith=restriction.page.path)
    return scope


def search_results(*, user, query: str, page_number) -> SearchResults:
    """The pages of the learner's scope (`search_scope`) that hold every word of `query`, whole
    (stemmed by PostgreSQL's French configuration) or as a prefix (« tortur »), the most
    relevant first, SEARCH_PAGE_SIZE a page; each with its course, module and an excerpt.
    A fixed number of queries, whatever the number of results."""
    from django.core.paginator import Paginator

    from . import search

    terms = search.query_terms(query)
    ids: list[int] = []
    truncated = False
    if terms:
        pages = Page.objects.live().filter(search_scope(user=user)).only("pk")
        whole = [p.pk for p in pages.search(search.full_text_query(terms))[:SEARCH_MAX_RESULTS]]
        prefixed = [
            p.pk for p in pages.autocomplete(search.prefix_query(terms))[:SEARCH_MAX_RESULTS]
        ]
        seen = set(whole)
        ids = whole + [pk for pk in prefixed if pk not in seen]
        truncated = len(ids) > SEARCH_MAX_RESULTS or SEARCH_MAX_RESULTS in (
            len(whole),
            len(prefixed),
        )
        ids = ids[:SEARCH_MAX_RESULTS]
    page = Paginator(ids, SEARCH_PAGE_SIZE).get_page(page_number)
    hits = _search_hits(list(page.object_list), terms)
    return SearchResults(terms=terms, page=page, hits=hits, truncated=truncated)


def _search_hits(ids: list[int], terms: list[str]) -> list[SearchHit]:
    from wagtail.search.index import SearchField

    from . import search

    if not ids:
        return []
    pages = {page.pk: page for page in Page.objects.filter(pk__in=ids).specific()}
    paths_above = {
        path
        for page in pages.values()
        for path in ancestor_paths(page.path, steplen=STEPLEN, itself=False)
    }
    course_type = ContentType.objects.get_for_model(CoursePage)
    module_type = ContentType.objects.get_for_model(ModulePage)
    ancestors = {
        path: (content_type_id, title)
        for path, content_type_id, title in Page.objects.filter(
            path__in=paths_above, content_type__in=[course_type, module_type]
        ).values_list("path", "content_type_id", "title")
    }
    hits = []
    for pk in ids:
        page = pages.get(pk)
        if page is None:
            continue
        course_title = module_title = None
        for n in range(STEPLEN, len(page.path), STEPLEN):
            content_type_id, title = ancestors.get(page.path[:n], (None, None))
            if content_type_id == course_type.pk:
                course_title = title
            elif content_type_id == module_type.pk:
                module_title = title
        texts = []
        for search_field in page.get_search_fields():
            if isinstance(search_field, SearchField) and search_field.field_name != "title":
                texts.append(_flatten(search_field.get_value(page)))
        hits.append(
            SearchHit(
                page=page,
                url=page.url,
                kind=str(page._meta.verbose_name),
                title=search.highlight(page.title, terms),
                excerpt=search.excerpt(" ".join(texts), terms),
                course_title=course_title,
                module_title=module_title,
            )
        )
    return hits


def _flatten(value) -> str:
    """The text of a search field's value: strings, lists of strings (a StreamField's
    searchable content), nothing for None."""
    from django.utils.html import strip_tags

    if value is None:
        return ""
    if isinstance(value, (list, tuple)):
        return " ".join(_flatten(item) for item in value)
    return strip_tags(str(value))


# The offline pack of a course (issue 19): what a learner's device downloads to read it
# without a connection. Sizes are an estimate, not a rendering of every page: a page weighs
# the site's frame and the outline (measured on the demo courses by bench/offline_pack.py)
# plus its own stored content. bench/offline_pack.py compares the estimate with the real pages.
OFFLINE_PAGE_FRAME_BYTES = 6_000  # header, footer, navigation, lesson form, pager
OFFLINE_OUTLINE_ITEM_BYTES = 260  # one line of the outline, shown on every page of the course
OFFLINE_QUIZ_PAGE_BYTES = 2_500  # a quiz's front page: its rules and the start button
OFFLINE_IMAGE_FILTER = "width-400|format-jpeg"  # the smallest rendition the pages offer


def offline_user_key(user) -> str:
    """An opaque id of `user` for the names of their caches on the device: stable, not
    guessable, and meaningless elsewhere (an HMAC of the primary key with SECRET_KEY)."""
    from django.utils.crypto import salted_hmac

    return salted_hmac("kalan.offline.user", str(user.pk)).hexdigest()[:20]


def _version(*parts) -> str:
    import hashlib

    return hashlib.blake2b("|".join(str(p) for p in parts).encode(), digest_size=8).hexdigest()


@dataclass
class OfflineEntry:
    url: str
    kind: str  # "page", "lessonpage", "quizpage", "static", "image"
    title: str
    version: str
    size: int

    def as_dict(self) -> dict:
        return {
            "url": self.url,
            "kind": self.kind,
            "title": self.title,
            "version": self.version,
            "size": self.size,
        }


@dataclass
class OfflinePack:
    course: CoursePage
    entries: list[OfflineEntry]

    @property
    def size(self) -> int:
        return sum(entry.size for entry in self.entries)

    @property
    def version(self) -> str:
        return _version(*(entry.version for entry in self.entries))


def _static_entry(path: str, title: str) -> OfflineEntry:
    from django.templatetags.static import static

    size, digest = _static_facts(path)
    return OfflineEntry(url=static(path), kind="static", title=title, version=digest, size=size)


def _static_facts(path: str, _cache: dict = {}) -> tuple[int, str]:  # noqa: B006 (per process)
    """Size and content hash of a static file, read once per process (files change only with
    a deployment, which restarts it)."""
    if path not in _cache:
        import hashlib

        from django.contrib.staticfiles import finders

        data = open(finders.find(path), "rb").read()  # noqa: SIM115
        _cache[path] = (len(data), hashlib.blake2b(data, digest_size=8).hexdigest())
    return _cache[path]


OFFLINE_STATIC_FILES = (("css/kalan.css", "CSS"), ("img/icon-192.png", "Icône"))


def offline_pack(*, course: CoursePage, enrollment: Enrollment) -> OfflinePack:
    """The offline pack of `course` for the learner of `enrollment`: the course page, every
    page of the outline the learner may open (lessons, quiz front pages; a locked page comes
    in the pack once it opens), the stylesheet, the icon and the images of the lessons at their
    smallest rendition. Each entry has a version that changes when the page is published
    again or when the learner's state shown on it (done, locked) changes, so a device only
    fetches again what changed. Five queries whatever the size of the course, plus two when
    its lessons have images."""
    import json

    from django.db.models import TextField
    from django.db.models.functions import Cast
    from wagtail.images import get_image_model

    from .models import LessonPage

    learner = enrollment.learner
    outline = outline_for(course=course, learner=learner, enrollment=enrollment)
    items = [item for item in outline.items if not item.locked]
    revisions = dict(
        Page.objects.filter(pk__in=[course.pk, *(item.id for item in items)]).values_list(
            "pk", "latest_revision_id"
        )
    )
    lesson_ids = [item.id for item in items if item.kind == "lessonpage"]
    bodies = dict(
        LessonPage.objects.filter(pk__in=lesson_ids)
        .annotate(body_text=Cast("body", TextField()))
        .values_list("pk", "body_text")
    )
    frame = OFFLINE_PAGE_FRAME_BYTES + OFFLINE_OUTLINE_ITEM_BYTES * len(outline.items)
    entries = [
        OfflineEntry(
            url=course.url,
            kind="page",
            title=course.title,
            version=_version(
                course.pk,
                revisions.get(course.pk),
                course.last_published_at,
                enrollment.status,
                enrollment.progress_percent,
            ),
            size=frame + len(course.summary.encode()),
        )
    ]
    image_ids: list[int] = []
    for item in items:
        body = bodies.get(item.id)
        if body is not None:
            size = frame + len(body.encode())
            for block in json.loads(body):
                if block.get("type") == "image" and isinstance(block.get("value"), dict):
                    image_id = block["value"].get("image")
                    if isinstance(image_id, int) and image_id not in image_ids:
                        image_ids.append(image_id)
        else:
            size = OFFLINE_QUIZ_PAGE_BYTES + frame
        entries.append(
            OfflineEntry(
                url=item.url,
                kind=item.kind,
                title=item.title,
                version=_version(item.id, revisions.get(item.id), item.completed),
                size=size,
            )
        )
    entries.extend(_static_entry(path, title) for path, title in OFFLINE_STATIC_FILES)
    if image_ids:
        images = get_image_model().objects.filter(pk__in=image_ids).prefetch_renditions()
        for image in images:
            rendition = image.get_rendition(OFFLINE_IMAGE_FILTER)
            entries.append(
                OfflineEntry(
                    url=rendition.url,
                    kind="image",
                    title=image.title,
                    version=_version(image.pk, image.file_hash, OFFLINE_IMAGE_FILTER),
                    # About one bit a pixel for a JPEG of a photograph: no file is opened
                    # to measure it.
                    size=rendition.width * rendition.height // 8,
                )
            )
    return OfflinePack(course=course, entries=entries)


def size_label(size: int) -> str:
    """A download's size as a learner reads it on a phone: « 180 Ko », « 1,4 Mo »."""
    from django.utils.formats import number_format
    from django.utils.translation import gettext as _

    kilobytes = max(1, math.ceil(size / 1000))
    if kilobytes < 1000:
        return _("%(size)s Ko") % {"size": kilobytes}
    return _("%(size)s Mo") % {"size": number_format(round(size / 1_000_000, 1), 1)}
