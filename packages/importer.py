"""The files of a package → a course of the site, all or nothing.

First everything is read and checked without writing (every problem is collected, by file
and line); then, only if there is none, one transaction writes: the question bank, the
media, the pages. A package already imported (same `id`) is updated in place: same page
ids, so learners' progress stays. Pages are drafts (a revision waiting for « Relecture
CNDH ») unless `publish`."""

import hashlib
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import PurePosixPath

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.dateparse import parse_datetime
from django.utils.translation import gettext as _
from wagtail.blocks import StreamValue
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Page

from courses.blocks import RICH_FEATURES, SHORT_FEATURES
from courses.models import CourseIndexPage, CoursePage, GlossaryTerm, LessonPage, ModulePage
from quizzes import richtext as quiz_richtext
from quizzes.bank import category_get_or_create, question_create, question_data
from quizzes.interop import ImportFormatError, comparable, gift, moodlexml
from quizzes.models import Question, QuestionChoice, QuestionPair, QuizPage, QuizSlot

from .archive import MANIFEST, PackageError
from .exporter import GIFT_FILE, QUIZ_FIELDS, REVIEW_MOMENTS, XML_FILE
from .fileformat import (
    BLOCK_FIELDS,
    BOOL,
    CHOICE_FIELDS,
    FORMAT,
    INT,
    LIST,
    MARKDOWN,
    MEDIA,
    TEXT,
    URL,
    LineDict,
    YamlProblem,
    body_parts,
    split_front_matter,
    yaml_load,
)
from .models import COURSE_KEY, PageSource
from .richtext import markdown_to_html, outside_link, tokens_to_html

COURSE_MD = ["bold", "italic", "ul"]
MODULE_INTRO_MD = ["bold", "italic", "ul", "ol"]
QUIZ_INTRO_MD = ["bold", "italic", "ul"]
IMAGE_SUFFIXES = {".png", ".jpg", ".jpeg", ".gif", ".webp"}


@dataclass
class ImportResult:
    course: CoursePage
    created: int = 0
    updated: int = 0
    questions_created: int = 0
    questions_updated: int = 0
    published: bool = False
    warnings: list[str] = field(default_factory=list)


class _Problems:
    def __init__(self):
        self.items: list[str] = []

    def add(self, path: str, line: int | None, message: str) -> None:
        if line:
            self.items.append(
                _("%(file)s, ligne %(line)d : %(message)s")
                % {"file": path, "line": line, "message": message}
            )
        else:
            self.items.append(_("%(file)s : %(message)s") % {"file": path, "message": message})


def _text_files(files: dict[str, bytes], problems: _Problems) -> dict[str, str]:
    texts = {}
    for name, data in files.items():
        if PurePosixPath(name).suffix in (".yaml", ".yml", ".md", ".gift", ".xml"):
            try:
                texts[name] = data.decode("utf-8")
            except UnicodeDecodeError:
                problems.add(name, None, _("le fichier n’est pas en UTF-8."))
    return texts


class _Importer:
    """`write` False: checks only (ids are placeholders); True: writes."""

    def __init__(self, files, *, publish, user, copy):
        self.files = files
        self.publish = publish
        self.user = user
        self.copy = copy
        self.problems = _Problems()
        self.texts = _text_files(files, self.problems)
        self.write = False
        self.keys: dict[str, dict] = {}  # key → page spec
        self.pages: dict[str, Page] = {}  # key → page written
        self.media_objects: dict[str, object] = {}
        self.forward: set[str] = set()
        self.result = None
        self.copy_number = 1
        self.prerequisites: list[str] = []
        self.questions: list[dict] = []

    # --- reading ------------------------------------------------------------------------

    def field(self, path, mapping, name, kind, *, required=False, choices=None, default=None):
        line = mapping.line_of(name) if isinstance(mapping, LineDict) else None
        value = mapping.get(name, default) if isinstance(mapping, dict) else default
        if value is None or value == "":
            if required:
                self.problems.add(
                    path, line, _("le champ « %(name)s » est obligatoire.") % {"name": name}
                )
            return default if value is None else value
        ok = {
            TEXT: isinstance(value, str | int | float) and not isinstance(value, bool),
            MARKDOWN: isinstance(value, str),
            URL: isinstance(value, str) and value.startswith(("http://", "https://")),
            MEDIA: isinstance(value, str),
            INT: isinstance(value, int) and not isinstance(value, bool) and value >= 0,
            BOOL: isinstance(value, bool),
            LIST: isinstance(value, list) and all(isinstance(v, str | int | float) for v in value),
        }.get(kind, True)
        if not ok:
            expected = {
                TEXT: _("un texte"),
                MARKDOWN: _("un texte"),
                URL: _("une adresse http(s)://"),
                MEDIA: _("un chemin media/…"),
                INT: _("un nombre entier positif"),
                BOOL: _("true ou false"),
                LIST: _("une liste de textes"),
            }.get(kind, kind)
            self.problems.add(
                path,
                line,
                _("le champ « %(name)s » doit être %(expected)s.")
                % {"name": name, "expected": expected},
            )
            return default
        if choices is not None and value not in choices:
            self.problems.add(
                path,
                line,
                _("« %(value)s » n’est pas une valeur de « %(name)s » (%(choices)s).")
                % {"value": value, "name": name, "choices": ", ".join(choices)},
            )
            return default
        if kind == MEDIA:
            return self.media(path, line, value)
        if kind == TEXT:
            return str(value)
        if kind == LIST:
            return [str(v) for v in value]
        return value

    def unknown_keys(self, path, mapping, allowed) -> None:
        if not isinstance(mapping, LineDict):
            return
        for key in mapping:
            if key not in allowed:
                self.problems.add(
                    path,
                    mapping.line_of(key),
                    _("champ inconnu « %(name)s » (attendus : %(allowed)s).")
                    % {"name": key, "allowed": ", ".join(allowed)},
                )

    def media(self, path, line, name):
        if not name.startswith("media/") or name not in self.files:
            self.problems.add(
                path, line, _("fichier « %(name)s » absent du paquet.") % {"name": name}
            )
            return None
        if not self.write:
            return None
        return self.media_objects.get(name) or self._media_create(path, line, name)

    def _media_create(self, path, line, name):
        """The package's image or document, checked and saved as the question imports do
        (quizzes.bank): an unreadable image or a type Wagtail's documents refuse is a problem
        of this file and line, never an exception."""
        from quizzes.bank import QuestionImageError, document_from_file, image_from_file

        data = self.files[name]
        digest = hashlib.sha1(data).hexdigest()  # noqa: S324 (Wagtail's own file_hash)
        stem = PurePosixPath(name).stem
        is_image = PurePosixPath(name).suffix.lower() in IMAGE_SUFFIXES
        model = get_image_model() if is_image else get_document_model()
        obj = model.objects.filter(file_hash=digest).first()
        if obj is None:
            create = image_from_file if is_image else document_from_file
            try:
                obj = create(name=name, data=data, title=stem)
            except QuestionImageError as error:
                self.problems.add(path, line, str(error))
                return None
        self.media_objects[name] = obj
        return obj

    def resolver(self, path):
        def resolve(href: str):
            if href.startswith("page:"):
                key = href.removeprefix("page:")
                if key not in self.keys:
                    return None
                page = self.pages.get(key)
                if page is None:
                    if self.write:
                        self.forward.add(self.current)
                    return {"href": "#"}
                return {"linktype": "page", "id": str(page.pk)}
            if href.startswith("media/"):
                if href not in self.files:
                    return None
                document = self.media(path, None, href)
                return {"linktype": "document", "id": str(document.pk if document else 0)}
            return outside_link(href)

        return resolve

    def markdown(self, path, line, text, features) -> str:
        def report(at, message):
            self.problems.add(path, at, message)

        return markdown_to_html(
            str(text or ""),
            features=features,
            resolve=self.resolver(path),
            report=report,
            line=line,
        )

    # --- the manifest --------------------------------------------------------------------

    def manifest(self):
        text = self.texts.get(MANIFEST)
        if text is None:
            if MANIFEST not in self.files:
                self.problems.add(
                    MANIFEST, None, _("fichier manquant : c’est le sommaire du paquet.")
                )
            raise PackageError(self.problems.items)
        try:
            data = yaml_load(text)
        except YamlProblem as problem:
            self.problems.add(MANIFEST, problem.line, problem.message)
            raise PackageError(self.problems.items) from None
        if not isinstance(data, LineDict):
            self.problems.add(MANIFEST, None, _("le sommaire doit être une table YAML."))
            raise PackageError(self.problems.items)
        if data.get("format") != FORMAT:
            self.problems.add(
                MANIFEST,
                data.line_of("format"),
                _("format « %(found)s » inconnu : ce Kalan lit « %(format)s ».")
                % {"found": data.get("format", ""), "format": FORMAT},
            )
            raise PackageError(self.problems.items)
        return data

    def plan(self, data):
        """Walks the manifest: every page spec, keyed, in order."""
        package_id = self.field(MANIFEST, data, "id", TEXT, required=True) or ""
        if self.copy and package_id:
            package_id, n = f"{package_id}-copie", 1
            while PageSource.objects.filter(package_id=package_id, key=COURSE_KEY).exists():
                n += 1
                package_id = f"{data['id']}-copie-{n}"
            self.copy_number = n
        self.package_id = package_id
        course = {"kind": "course", "key": COURSE_KEY, "data": data, "path": MANIFEST}
        self.keys[COURSE_KEY] = course
        course["children"] = self.contents(data, ("module", "quiz"))
        return course

    def contents(self, parent, kinds):
        entries = parent.get("contents") if isinstance(parent, dict) else None
        if not isinstance(entries, list):
            self.problems.add(
                MANIFEST,
                parent.line_of("contents") if isinstance(parent, LineDict) else None,
                _("« contents » doit être une liste."),
            )
            return []
        specs = []
        for entry in entries:
            line = entry.line if isinstance(entry, LineDict) else parent.line_of("contents")
            if not isinstance(entry, dict) or len(entry) != 1 or next(iter(entry)) not in kinds:
                self.problems.add(
                    MANIFEST,
                    line,
                    _("chaque élément de « contents » est l’un de : %(kinds)s.")
                    % {"kinds": ", ".join(kinds)},
                )
                continue
            kind, value = next(iter(entry.items()))
            if kind == "lesson":
                spec = self.lesson_spec(value, line)
            else:
                if not isinstance(value, LineDict):
                    self.problems.add(
                        MANIFEST, line, _("« %(kind)s » doit être une table.") % {"kind": kind}
                    )
                    continue
                key = self.field(MANIFEST, value, "key", TEXT, required=True)
                spec = {"kind": kind, "key": key, "data": value, "path": MANIFEST}
                if kind == "module":
                    spec["children"] = self.contents(value, ("lesson", "quiz"))
            if spec is None or not spec["key"]:
                continue
            if spec["key"] in self.keys:
                self.problems.add(
                    spec["path"],
                    line,
                    _("la clé « %(key)s » est déjà prise.") % {"key": spec["key"]},
                )
                continue
            self.keys[spec["key"]] = spec
            specs.append(spec)
        return specs

    def lesson_spec(self, path, line):
        if not isinstance(path, str) or path not in self.files:
            self.problems.add(
                MANIFEST,
                line,
                _("fichier de leçon « %(path)s » absent du paquet.") % {"path": path},
            )
            return None
        text = self.texts.get(path)
        if text is None:
            return None
        try:
            front_text, body, body_line = split_front_matter(text)
            front = yaml_load(front_text, line=2)
        except ValueError as error:
            self.problems.add(path, 1, str(error))
            return None
        except YamlProblem as problem:
            self.problems.add(path, problem.line, problem.message)
            return None
        if not isinstance(front, LineDict):
            self.problems.add(path, 1, _("l’en-tête doit être une table YAML."))
            return None
        key = self.field(path, front, "key", TEXT, required=True)
        return {
            "kind": "lesson",
            "key": key,
            "data": front,
            "path": path,
            "parts": body_parts(body, first_line=body_line),
        }

    # --- questions ----------------------------------------------------------------------

    def bank(self):
        questions = []
        for name, module in ((GIFT_FILE, gift), (XML_FILE, moodlexml)):
            if name not in self.files:
                continue
            try:
                parsed = module.parse(self.files[name])
            except ImportFormatError as error:
                self.problems.add(name, None, str(error))
                continue
            for message in parsed.errors:
                self.problems.add(name, None, message)
            for label in parsed.skipped:
                self.problems.add(
                    name, None, _("question d’un type non pris en charge : %(q)s") % {"q": label}
                )
            questions += parsed.questions
        seen = set()
        # A question without a category goes into one named after the course.
        default = [str(self.course_spec["data"].get("title") or _("Importées"))]
        for question in questions:
            question["category"] = self.category_path(question.get("category") or default)
            ident = (tuple(question["category"]), question["name"])
            if ident in seen:
                self.problems.add(
                    GIFT_FILE,
                    None,
                    _("question « %(name)s » en double dans sa catégorie.")
                    % {"name": question["name"]},
                )
            seen.add(ident)
        self.questions = questions

    def category_path(self, path):
        path = [str(p) for p in path]
        if self.copy and path:
            suffix = " (copie)" if self.copy_number == 1 else f" (copie {self.copy_number})"
            path = [path[0] + suffix, *path[1:]]
        return path

    # --- pages ----------------------------------------------------------------------------

    def course_values(self, spec):
        data, p = spec["data"], MANIFEST
        self.unknown_keys(
            p,
            data,
            [
                "format",
                "id",
                "title",
                "slug",
                "summary",
                "audience",
                "objectives",
                "duration_minutes",
                "level",
                "sequential_modules",
                "completion_rule",
                "self_enrollment",
                "cover_image",
                "prerequisites",
                "contents",
            ],
        )
        values = {
            "title": self.field(p, data, "title", TEXT, required=True),
            "slug": self.field(p, data, "slug", TEXT, required=True),
            "summary": self.field(p, data, "summary", TEXT, required=True),
            "audience": self.field(p, data, "audience", TEXT, default=""),
            "objectives": self.markdown(
                p, data.line_of("objectives"), data.get("objectives"), COURSE_MD
            ),
            "duration_minutes": self.field(p, data, "duration_minutes", INT, default=60),
            "level": self.field(
                p, data, "level", TEXT, choices=CoursePage.Level.values, default="initiation"
            ),
            "sequential_modules": self.field(p, data, "sequential_modules", BOOL, default=True),
            "completion_rule": self.field(
                p,
                data,
                "completion_rule",
                TEXT,
                choices=CoursePage.CompletionRule.values,
                default=CoursePage.CompletionRule.ALL_REQUIREMENTS,
            ),
            "self_enrollment": self.field(p, data, "self_enrollment", BOOL, default=True),
            "cover_image": self.field(p, data, "cover_image", MEDIA),
        }
        if self.copy and values["title"]:
            suffix = " (copie)" if self.copy_number == 1 else f" (copie {self.copy_number})"
            values["title"] += suffix
            values["slug"] = f"{values['slug']}-copie" + (
                "" if self.copy_number == 1 else f"-{self.copy_number}"
            )
        self.prerequisites = self.field(p, data, "prerequisites", LIST, default=[])
        return values

    def module_values(self, spec):
        data, p = spec["data"], MANIFEST
        self.unknown_keys(
            p, data, ["key", "title", "slug", "introduction", "objectives", "contents"]
        )
        return {
            "title": self.field(p, data, "title", TEXT, required=True),
            "slug": self.field(p, data, "slug", TEXT, required=True),
            "introduction": self.markdown(
                p, data.line_of("introduction"), data.get("introduction"), MODULE_INTRO_MD
            ),
            "objectives": self.markdown(
                p, data.line_of("objectives"), data.get("objectives"), COURSE_MD
            ),
        }

    def quiz_values(self, spec):
        data, p = spec["data"], MANIFEST
        allowed = ["key", "title", "slug", "intro", *QUIZ_FIELDS, "close_at", "review", "slots"]
        self.unknown_keys(p, data, allowed)
        values = {
            "title": self.field(p, data, "title", TEXT, required=True),
            "slug": self.field(p, data, "slug", TEXT, required=True),
            "intro": self.markdown(p, data.line_of("intro"), data.get("intro"), QUIZ_INTRO_MD),
        }
        defaults = {f.name: f.default for f in QuizPage._meta.fields if f.name in QUIZ_FIELDS}
        choices = {
            "expiry_policy": QuizPage.ExpiryPolicy.values,
            "grading_method": QuizPage.GradingMethod.values,
        }
        for name in QUIZ_FIELDS:
            kind = BOOL if isinstance(defaults[name], bool) else TEXT if name in choices else INT
            values[name] = self.field(
                p, data, name, kind, choices=choices.get(name), default=defaults[name]
            )
        close_at = data.get("close_at")
        values["close_at"] = None
        if close_at:
            values["close_at"] = parse_datetime(str(close_at))
            if values["close_at"] is None:
                self.problems.add(
                    p,
                    data.line_of("close_at"),
                    _("date « %(v)s » illisible (AAAA-MM-JJTHH:MM:SS+00:00).") % {"v": close_at},
                )
        review = data.get("review") or {}
        for moment in REVIEW_MOMENTS:
            parts = review.get(moment, []) if isinstance(review, dict) else []
            if not isinstance(parts, list) or not set(parts) <= {
                "score",
                "correctness",
                "answer",
                "feedback",
            }:
                self.problems.add(
                    p,
                    data.line_of("review"),
                    _("relecture « %(m)s » : parties inconnues.") % {"m": moment},
                )
                parts = []
            values[f"review_{moment}"] = parts
        spec["slots"] = self.slots(data)
        return values

    def slots(self, data):
        raw = data.get("slots")
        line = data.line_of("slots")
        if not isinstance(raw, list) or not raw:
            self.problems.add(MANIFEST, line, _("un quiz a au moins un emplacement (« slots »)."))
            return []
        slots = []
        for index, slot in enumerate(raw):
            at = slot.line if isinstance(slot, LineDict) else line
            if not isinstance(slot, dict):
                self.problems.add(MANIFEST, at, _("emplacement illisible."))
                continue
            category = self.category_path(slot.get("category") or [])
            if "question" in slot:
                matches = [
                    q
                    for q in self.questions
                    if q["name"] == slot["question"] and (not category or q["category"] == category)
                ]
                if len(matches) != 1:
                    self.problems.add(
                        MANIFEST,
                        at,
                        _("la question « %(name)s » n’est pas dans la banque du paquet.")
                        % {"name": slot["question"]},
                    )
                    continue
                slots.append({"question": matches[0], "sort_order": index})
            else:
                draw = slot.get("draw")
                pool = [q for q in self.questions if q["category"][: len(category)] == category]
                if not slot.get("subcategories", True):
                    pool = [q for q in pool if q["category"] == category]
                if not category or not pool:
                    self.problems.add(
                        MANIFEST,
                        at,
                        _("catégorie « %(path)s » : aucune question du paquet.")
                        % {"path": " / ".join(category)},
                    )
                    continue
                if not isinstance(draw, int) or isinstance(draw, bool) or draw < 1:
                    self.problems.add(
                        MANIFEST, at, _("« draw » doit être un nombre entier positif.")
                    )
                    continue
                slots.append(
                    {
                        "category": category,
                        "draw": draw,
                        "subcategories": bool(slot.get("subcategories", True)),
                        "sort_order": index,
                    }
                )
        return slots

    def lesson_values(self, spec):
        data, path = spec["data"], spec["path"]
        self.unknown_keys(path, data, ["key", "title", "slug", "resources"])
        values = {
            "title": self.field(path, data, "title", TEXT, required=True),
            "slug": self.field(path, data, "slug", TEXT, required=True),
        }
        resources = []
        for item in data.get("resources") or []:
            if isinstance(item, LineDict):
                document = self.field(path, item, "file", MEDIA, required=True)
                resources.append((document, str(item.get("title") or "")))
        spec["resources"] = resources
        body = []
        for kind, content, line in spec["parts"]:
            if kind == "text":
                html = tokens_to_html(
                    content,
                    features=RICH_FEATURES,
                    resolve=self.resolver(path),
                    report=lambda at, m: self.problems.add(path, at, m),
                    line=line,
                )
                body.append({"type": "paragraph", "value": html})
                continue
            block = self.block(path, line, *content)
            if block:
                body.append(block)
        if not body:
            self.problems.add(path, None, _("la leçon n’a aucun bloc."))
        values["body"] = body
        return values

    def block(self, path, line, block_type, text, closed):
        if not closed:
            self.problems.add(
                path, line, _("bloc « %(type)s » non fermé par « ::: ».") % {"type": block_type}
            )
            return None
        if block_type not in BLOCK_FIELDS:
            self.problems.add(
                path,
                line,
                _("type de bloc inconnu « %(type)s » (connus : %(known)s).")
                % {"type": block_type, "known": ", ".join(sorted(BLOCK_FIELDS))},
            )
            return None
        try:
            data = yaml_load(text, line=line + 1) if text.strip() else LineDict()
        except YamlProblem as problem:
            self.problems.add(path, problem.line, problem.message)
            return None
        if not isinstance(data, LineDict):
            self.problems.add(path, line, _("les champs du bloc doivent être une table YAML."))
            return None
        fields = BLOCK_FIELDS[block_type]
        self.unknown_keys(path, data, list(fields))
        value = {}
        for name, (kind, required) in fields.items():
            if kind == MARKDOWN:
                if required and not data.get(name):
                    self.problems.add(
                        path,
                        data.line_of(name),
                        _("le champ « %(name)s » est obligatoire.") % {"name": name},
                    )
                value[name] = self.markdown(
                    path, data.line_of(name) + 1, data.get(name), SHORT_FEATURES
                )
            elif kind == "choices":
                value[name] = self.choices(path, data)
            else:
                value[name] = self.field(
                    path, data, name, kind, required=required, default="" if kind != INT else None
                )
        if block_type == "glossary_term":
            if not self.write:
                return {"type": block_type, "value": 0}
            term, _created = GlossaryTerm.objects.get_or_create(
                term=value["term"], defaults={"definition": value["definition"]}
            )
            return {"type": block_type, "value": term.pk}
        if block_type in ("image", "document"):
            obj = value.pop("file")
            value[block_type] = obj.pk if obj else None
        for name in [n for n, (k, _r) in fields.items() if k == LIST]:
            value[name] = value[name] or []
        return {"type": block_type, "value": value, "line": line}

    def choices(self, path, data):
        raw = data.get("choices")
        if not isinstance(raw, list) or len(raw) < 2:
            self.problems.add(
                path, data.line_of("choices"), _("au moins deux réponses (« choices »).")
            )
            return []
        choices = []
        for item in raw:
            if not isinstance(item, LineDict):
                self.problems.add(path, data.line_of("choices"), _("réponse illisible."))
                continue
            self.unknown_keys(path, item, list(CHOICE_FIELDS))
            choices.append(
                {
                    "text": self.field(path, item, "text", TEXT, required=True, default=""),
                    "is_correct": bool(self.field(path, item, "correct", BOOL, default=False)),
                    "feedback": self.field(path, item, "feedback", TEXT, default=""),
                }
            )
        if sum(1 for c in choices if c["is_correct"]) != 1:
            self.problems.add(
                path, data.line_of("choices"), _("exactement une réponse « correct: true ».")
            )
        return choices

    def values(self, spec):
        self.current = spec["key"]
        return {
            "course": self.course_values,
            "module": self.module_values,
            "quiz": self.quiz_values,
            "lesson": self.lesson_values,
        }[spec["kind"]](spec)

    # --- the two passes -------------------------------------------------------------------

    def check(self):
        data = self.manifest()
        self.course_spec = self.plan(data)
        self.bank()
        for spec in self.walk(self.course_spec):
            self.values(spec)
        self.check_slugs()
        if self.problems.items:
            raise PackageError(self.problems.items)

    def walk(self, spec):
        yield spec
        for child in spec.get("children", []):
            yield from self.walk(child)

    def check_slugs(self):
        index = CourseIndexPage.objects.first()
        if index is None:
            self.problems.add(MANIFEST, None, _("le site n’a pas de catalogue des formations."))
            return
        existing = PageSource.objects.filter(package_id=self.package_id, key=COURSE_KEY).first()
        slug = self.course_spec["data"].get("slug", "")
        if self.copy:
            slug = f"{slug}-copie" + ("" if self.copy_number == 1 else f"-{self.copy_number}")
        clash = Page.objects.child_of(index).filter(slug=slug)
        if existing:
            clash = clash.exclude(pk=existing.page_id)
        if clash.exists():
            self.problems.add(
                MANIFEST,
                self.course_spec["data"].line_of("slug"),
                _("l’adresse « %(slug)s » est déjà celle d’une autre formation du site.")
                % {"slug": slug},
            )
        for spec in self.walk(self.course_spec):
            slugs = [c["data"].get("slug") for c in spec.get("children", [])]
            for s in {s for s in slugs if slugs.count(s) > 1}:
                self.problems.add(
                    MANIFEST,
                    None,
                    _("l’adresse « %(slug)s » est prise deux fois au même niveau.") % {"slug": s},
                )

    @transaction.atomic
    def run(self):
        self.check()
        self.write = True
        self.media_objects = {}
        self.result = ImportResult(course=None, published=self.publish)
        self.write_bank()
        index = CourseIndexPage.objects.first()
        self.write_page(self.course_spec, index)
        for key in sorted(self.forward):
            spec = self.keys[key]
            page = self.pages[key]
            self.save(spec, page, self.values(spec), created=False, count=False)
        course = self.pages[COURSE_KEY]
        if self.prerequisites:
            found = {
                s.package_id: s.page_id
                for s in PageSource.objects.filter(
                    package_id__in=self.prerequisites, key=COURSE_KEY
                )
            }
            missing = [p for p in self.prerequisites if p not in found]
            if missing:
                self.result.warnings.append(
                    _("Prérequis absents du site, ignorés : %(ids)s.") % {"ids": ", ".join(missing)}
                )
        if self.problems.items:
            raise PackageError(self.problems.items)
        self.result.course = CoursePage.objects.get(pk=course.pk)
        return self.result

    def write_bank(self):
        self.question_objects = {}
        for data in self.questions:
            category = category_get_or_create(path=data["category"])
            existing = Question.objects.filter(category=category, name=data["name"][:200]).first()
            if existing is None:
                question = question_create(
                    data=data, category=category, publish=self.publish, user=self.user
                )
                self.result.questions_created += 1
            else:
                question = existing
                latest = (
                    existing.get_latest_revision_as_object()
                    if existing.has_unpublished_changes
                    else existing
                )
                current = question_data(latest)
                current["category"] = data["category"]
                if comparable(current) != comparable({**data, "images": []}) or (
                    self.publish and not existing.live
                ):
                    self.question_update(existing, data)
                    self.result.questions_updated += 1
            self.question_objects[(tuple(data["category"]), data["name"])] = question

    def question_update(self, question, data):
        question.question_type = data["type"]
        question.text = quiz_richtext.field_clean(Question, "text", data["text"])
        question.max_score = Decimal(str(data.get("max_score", 1)))
        question.general_feedback = data.get("general_feedback", "")
        question.choices = [
            QuestionChoice(
                text=c["text"][:500],
                fraction_percent=Decimal(str(c["fraction"])),
                tolerance=Decimal(str(c["tolerance"])) if c.get("tolerance") is not None else None,
                feedback=c.get("feedback", "")[:500],
                sort_order=i,
            )
            for i, c in enumerate(data["choices"])
        ]
        question.pairs = [
            QuestionPair(prompt=p["prompt"][:300], answer=p.get("answer", "")[:300], sort_order=i)
            for i, p in enumerate(data["pairs"])
        ]
        revision = question.save_revision(user=self.user)
        if self.publish:
            revision.publish(user=self.user)

    MODELS = {"course": CoursePage, "module": ModulePage, "lesson": LessonPage, "quiz": QuizPage}

    def write_page(self, spec, parent):
        self.current = spec["key"]
        values = self.values(spec)
        if self.problems.items:
            raise PackageError(self.problems.items)
        source = PageSource.objects.filter(package_id=self.package_id, key=spec["key"]).first()
        page = source.page.specific if source else None
        created = page is None
        if created:
            page = self.MODELS[spec["kind"]]()
        self.apply(spec, page, values)
        if created:
            page.live = self.publish
            try:
                parent.add_child(instance=page)
            except ValidationError as error:
                self.validation(spec, error)
            PageSource.objects.create(page=page, package_id=self.package_id, key=spec["key"])
        elif page.get_parent().pk != parent.pk:
            page.move(parent, pos="last-child")
            page = Page.objects.get(pk=page.pk).specific
            self.apply(spec, page, values)
        self.pages[spec["key"]] = page
        self.save(spec, page, values, created=created)
        children = spec.get("children", [])
        for child in children:
            self.write_page(child, page)
        order = [self.pages[c["key"]].pk for c in children]
        current = [pk for pk in page.get_children().values_list("pk", flat=True) if pk in order]
        if current != order:
            for pk in order:
                Page.objects.get(pk=pk).move(Page.objects.get(pk=page.pk), pos="last-child")

    def apply(self, spec, page, values):
        for name, value in values.items():
            if name == "body":
                page.body = StreamValue(page.body.stream_block, self.stream(value), is_lazy=True)
            else:
                setattr(page, name, value)
        if spec["kind"] == "quiz":
            page.slots = [self.slot(s) for s in spec["slots"]]
        if spec["kind"] == "lesson":
            from courses.models import LessonResource

            page.resources = [
                LessonResource(document=d, title=t[:200], sort_order=i)
                for i, (d, t) in enumerate(spec["resources"])
                if d is not None
            ]
        if spec["kind"] == "course":
            found = PageSource.objects.filter(package_id__in=self.prerequisites, key=COURSE_KEY)
            page.prerequisites = list(CoursePage.objects.filter(pk__in=[s.page_id for s in found]))

    def stream(self, body):
        return [{"type": b["type"], "value": b["value"]} for b in body]

    def slot(self, slot):
        if "question" in slot:
            q = slot["question"]
            question = self.question_objects[(tuple(q["category"]), q["name"])]
            return QuizSlot(question=question, sort_order=slot["sort_order"])
        return QuizSlot(
            category=category_get_or_create(path=slot["category"]),
            random_count=slot["draw"],
            include_subcategories=slot["subcategories"],
            sort_order=slot["sort_order"],
        )

    def validation(self, spec, error):
        messages = []
        for name, errors in getattr(error, "message_dict", {"": error.messages}).items():
            for message in errors:
                messages.append(
                    _("%(field)s : %(message)s") % {"field": name, "message": message}
                    if name and name != "__all__"
                    else message
                )
        self.problems.add(spec["path"], None, " ".join(messages))
        raise PackageError(self.problems.items)

    def save(self, spec, page, values, *, created, count=True):
        if not created:
            self.apply(spec, page, values)
        try:
            revision = page.save_revision(user=self.user)
        except ValidationError as error:
            self.validation(spec, error)
        if self.publish:
            revision.publish(user=self.user)
        if count:
            if created:
                self.result.created += 1
            else:
                self.result.updated += 1


def course_import(files: dict[str, bytes], *, publish=False, user=None, copy=False) -> ImportResult:
    """Imports a package's files (archive.read_package); raises PackageError with every
    problem, and then nothing is written."""
    from jobs.files import files_removed_on_failure

    with files_removed_on_failure():
        return _Importer(files, publish=publish, user=user, copy=copy).run()


def package_check(files: dict[str, bytes]) -> None:
    _Importer(files, publish=False, user=None, copy=False).check()


def package_target(files: dict[str, bytes]) -> CoursePage | None:
    """The course of the site that an update of this package would change (same `id`), or
    None: a new course, or a manifest too broken to say (the import then reports why)."""
    try:
        data = yaml_load(files.get(MANIFEST, b"").decode("utf-8"))
    except (UnicodeDecodeError, YamlProblem, ValueError):
        return None
    package_id = data.get("id") if isinstance(data, dict) else None
    if not isinstance(package_id, str | int) or isinstance(package_id, bool):
        return None
    source = PageSource.objects.filter(package_id=str(package_id), key=COURSE_KEY).first()
    return CoursePage.objects.filter(pk=source.page_id).first() if source else None
