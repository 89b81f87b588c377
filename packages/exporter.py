"""A course of the site → the files of its package (README.md, « Paquets de formation »).

What is exported is what the editors see: the latest revision of each page and question,
draft or live. The output is canonical (same course → same bytes), which the round-trip
test holds: export, import into an empty site, export again, same bytes."""

from pathlib import PurePosixPath

from django.db import transaction
from django.utils.text import slugify
from wagtail.documents import get_document_model
from wagtail.models import Page

from courses.models import CoursePage, LessonPage, ModulePage
from quizzes.bank import question_data
from quizzes.interop import comparable, gift, moodlexml
from quizzes.models import Question, QuizPage

from .fileformat import BLOCK_FIELDS, FORMAT, LIST, MARKDOWN, lesson_file, yaml_dump
from .models import COURSE_KEY, PageSource
from .richtext import html_to_markdown

QUIZ_FIELDS = [
    "required",
    "pass_percent",
    "attempts_allowed",
    "delay_minutes",
    "time_limit_minutes",
    "expiry_policy",
    "grace_minutes",
    "grading_method",
    "shuffle_questions",
    "shuffle_choices",
    "questions_per_page",
]
REVIEW_MOMENTS = ["after", "open", "final", "closed"]
GIFT_FILE, XML_FILE, MANIFEST = "questions.gift", "questions.xml", "course.yaml"


def _latest(page):
    page = page.specific
    if page.has_unpublished_changes:
        return page.get_latest_revision_as_object()
    return page


class _Export:
    def __init__(self, course: CoursePage):
        self.course = course
        self.files: dict[str, bytes] = {}
        self.media: dict[tuple[str, int], str] = {}
        self.keys: dict[int, str] = {}
        self.package_id = ""

    # --- keys ---------------------------------------------------------------------------

    def _assign_keys(self, tree) -> None:
        """Every page of the course gets its key; one that has none yet gets one now, from
        its path in the course, and keeps it whatever its slug becomes."""
        sources = {s.page_id: s for s in PageSource.objects.filter(page__in=[p for p, _ in tree])}
        course_source = sources.get(self.course.pk)
        if course_source is None:
            package_id, n = self.course.slug, 1
            while PageSource.objects.filter(package_id=package_id, key=COURSE_KEY).exists():
                n += 1
                package_id = f"{self.course.slug}-{n}"
            course_source = PageSource.objects.create(
                page=self.course, package_id=package_id, key=COURSE_KEY
            )
        self.package_id = course_source.package_id
        taken = {s.key for s in PageSource.objects.filter(package_id=self.package_id)}
        for page, key in tree:
            source = sources.get(page.pk) or (course_source if page.pk == self.course.pk else None)
            if source is None or source.package_id != self.package_id:
                base, n = key, 1
                while key in taken:
                    n += 1
                    key = f"{base}-{n}"
                taken.add(key)
                if source is None:
                    source = PageSource.objects.create(
                        page=page, package_id=self.package_id, key=key
                    )
                else:
                    source.package_id, source.key = self.package_id, key
                    source.save()
            self.keys[page.pk] = source.key

    # --- media and links ----------------------------------------------------------------

    def media_name(self, kind: str, obj) -> str:
        if (kind, obj.pk) not in self.media:
            suffix = PurePosixPath(obj.file.name).suffix.lower()
            base = slugify(obj.title)[:60] or kind
            name, n = f"media/{base}{suffix}", 1
            while name in self.media.values():
                n += 1
                name = f"media/{base}-{n}{suffix}"
            self.media[(kind, obj.pk)] = name
            with obj.file.open("rb") as handle:
                self.files[name] = handle.read()
        return self.media[(kind, obj.pk)]

    def href(self, attrs: dict) -> str | None:
        if attrs.get("linktype") == "page":
            key = self.keys.get(int(attrs.get("id") or 0))
            return f"page:{key}" if key else None
        if attrs.get("linktype") == "document":
            document = get_document_model().objects.filter(pk=attrs.get("id") or 0).first()
            return self.media_name("document", document) if document else None
        return attrs.get("href") or None

    def md(self, html) -> str:
        return html_to_markdown(str(html or ""), href=self.href)

    # --- pages --------------------------------------------------------------------------

    def block(self, block_type: str, value) -> tuple[str, object] | None:
        if block_type == "paragraph":
            return ("paragraph", self.md(value.source))
        if block_type == "glossary_term":
            if value is None:
                return None
            return (block_type, {"term": value.term, "definition": value.definition})
        data = {}
        for name, (kind, required) in BLOCK_FIELDS[block_type].items():
            if name == "file":
                obj = value.get("image" if block_type == "image" else "document")
                if obj is None:
                    return None
                data["file"] = self.media_name(block_type, obj)
                continue
            raw = value.get(name)
            if name == "choices":
                data["choices"] = [
                    {"text": c["text"]}
                    | ({"correct": True} if c["is_correct"] else {})
                    | ({"feedback": c["feedback"]} if c["feedback"] else {})
                    for c in raw
                ]
                continue
            if kind == MARKDOWN:
                raw = self.md(raw.source if raw is not None else "")
            elif kind == LIST:
                raw = [str(item) for item in raw or []]
            if raw in (None, "", []) and not required:
                continue
            data[name] = raw if raw is not None else ""
        return (block_type, data)

    def lesson(self, module_slug: str, page: LessonPage) -> str:
        page = _latest(page)
        path = f"lessons/{module_slug}/{page.slug}.md"
        front = {"key": self.keys[page.pk], "title": page.title, "slug": page.slug}
        resources = [
            {"file": self.media_name("document", r.document)}
            | ({"title": r.title} if r.title else {})
            for r in page.resources.all()
        ]
        if resources:
            front["resources"] = resources
        blocks = [self.block(child.block_type, child.value) for child in page.body]
        self.files[path] = lesson_file(front, [b for b in blocks if b]).encode()
        return path

    def quiz(self, page: QuizPage, questions: dict) -> dict:
        page = _latest(page)
        data = {"key": self.keys[page.pk], "title": page.title, "slug": page.slug}
        if page.intro:
            data["intro"] = self.md(page.intro)
        data |= {name: getattr(page, name) for name in QUIZ_FIELDS}
        if page.close_at:
            data["close_at"] = page.close_at.isoformat()
        data["review"] = {m: list(getattr(page, f"review_{m}") or []) for m in REVIEW_MOMENTS}
        slots = []
        for slot in page.slots.all():
            if slot.question_id:
                question = Question.objects.get(pk=slot.question_id)
                questions[question.pk] = question
                slots.append({"question": question.name, "category": _path(question.category)})
            else:
                ids = (
                    slot.category.subtree_ids()
                    if slot.include_subcategories
                    else {slot.category_id}
                )
                for question in Question.objects.filter(category_id__in=ids):
                    questions[question.pk] = question
                slots.append(
                    {
                        "draw": slot.random_count,
                        "category": _path(slot.category),
                        "subcategories": slot.include_subcategories,
                    }
                )
        data["slots"] = slots
        return data

    def run(self) -> dict[str, bytes]:
        course = _latest(self.course)
        children = list(self.course.get_children().specific().order_by("path"))
        tree = [(self.course, COURSE_KEY)]
        grandchildren = {}
        for child in children:
            tree.append((child, child.slug))
            grandchildren[child.pk] = list(child.get_children().specific().order_by("path"))
            tree += [(g, f"{child.slug}/{g.slug}") for g in grandchildren[child.pk]]
        self._assign_keys(tree)
        questions: dict[int, Question] = {}
        manifest = {"format": FORMAT, "id": self.package_id, "title": course.title}
        manifest |= {
            "slug": course.slug,
            "summary": course.summary,
            "audience": course.audience,
            "objectives": self.md(course.objectives),
            "duration_minutes": course.duration_minutes,
            "level": course.level,
            "sequential_modules": course.sequential_modules,
            "completion_rule": course.completion_rule,
            "self_enrollment": course.self_enrollment,
        }
        if course.cover_image_id:
            manifest["cover_image"] = self.media_name("image", course.cover_image)
        prerequisites = sorted(
            s.package_id
            for s in PageSource.objects.filter(page__in=course.prerequisites.all(), key=COURSE_KEY)
        )
        if prerequisites:
            manifest["prerequisites"] = prerequisites
        contents = []
        for child in children:
            if isinstance(child, QuizPage):
                contents.append({"quiz": self.quiz(child, questions)})
                continue
            if not isinstance(child, ModulePage):
                continue
            module = _latest(child)
            entry = {"key": self.keys[child.pk], "title": module.title, "slug": module.slug}
            if module.introduction:
                entry["introduction"] = self.md(module.introduction)
            if module.objectives:
                entry["objectives"] = self.md(module.objectives)
            items = []
            for page in grandchildren[child.pk]:
                if isinstance(page, LessonPage):
                    items.append({"lesson": self.lesson(child.slug, page)})
                elif isinstance(page, QuizPage):
                    items.append({"quiz": self.quiz(page, questions)})
            entry["contents"] = items
            contents.append({"module": entry})
        manifest["contents"] = contents
        self.files[MANIFEST] = yaml_dump(manifest).encode()
        self._bank(questions.values())
        return self.files

    def _bank(self, questions) -> None:
        data = []
        for question in questions:
            latest = (
                question.get_latest_revision_as_object()
                if question.has_unpublished_changes
                else question
            )
            item = question_data(latest)
            item["category"] = _path(question.category)
            data.append(item)
        data.sort(key=lambda q: (q["category"], q["name"]))
        in_gift, in_xml = [], []
        for item in data:
            (in_gift if gift_says_all(item) else in_xml).append(item)
        if in_gift:
            self.files[GIFT_FILE] = gift.export(in_gift)
        if in_xml:
            self.files[XML_FILE] = moodlexml.export(in_xml)


def _path(category) -> list[str]:
    return [c.name for c in category.lineage()]


def gift_says_all(question: dict) -> bool:
    """GIFT where it says everything (read back, the same question), Moodle XML otherwise."""
    if question.get("images"):
        return False  # GIFT carries no file (and comparable() leaves the images out)
    parsed = gift.parse(gift.export([question]))
    if parsed.errors or len(parsed.questions) != 1:
        return False
    return comparable(parsed.questions[0]) == comparable(question)


@transaction.atomic
def course_export(course: CoursePage) -> dict[str, bytes]:
    """The package's files by path. Pages without a key get theirs (written in PageSource)."""
    course = Page.objects.get(pk=course.pk).specific
    return _Export(course).run()
