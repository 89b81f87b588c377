"""Import and export of question banks in Moodle's GIFT and Moodle XML formats.

Both modules (``gift`` and ``moodlexml``) share one intermediate format, a list of
ParsedQuestion dicts (pure Python data, no Django models)::

    {
        "name": str,               # Moodle's question name
        "type": "single" | "multiple" | "truefalse" | "short" | "numerical"
                | "matching" | "ordering" | "essay" | "description",
        "text": "<p>…</p>",       # HTML
        "max_score": float,        # Moodle defaultgrade (GIFT: 1, or a ``// max_score: N`` comment)
        "general_feedback": str,   # plain text
        "category": [str, ...],    # category path without Moodle's ``$course$`` prefix, [] if none
        "choices": [{"text": str, "fraction": float, "tolerance": float | None,
                     "feedback": str}],   # fraction in percent (100, 50, -33.33333)
        "pairs": [{"prompt": str, "answer": str}],  # ordering: answer "", in the right order
        "images": [{"name": str, "data": bytes}],   # referenced as @@PLUGINFILE@@/name
        # essay only (plain text; GIFT carries neither):
        "response_template": str, "grader_info": str,
    }

Moodle XML adds optional keys (absent means Moodle's default; see moodlexml.py): "line",
"idnumber", "tags", "hints", "penalty", "shuffle_answers", the combined feedback
("correct_feedback", "partially_correct_feedback", "incorrect_feedback", "show_num_correct")
and "category_info" (the description of each level of "category").

An essay has no choices and no pairs; a description neither, and its max_score is 0.

Each module offers ``parse(data: bytes) -> ParseResult`` and ``export(questions) -> bytes``.

Error policy (all-or-nothing is decided by the caller):

- a problem with the whole file (too big, not UTF-8, malformed XML, DTD or entities, wrong root)
  raises ImportFormatError, with a French message;
- a problem with one question never stops the parse: the question is left out of ``questions``
  and one French message « Question N « Nom » : raison » goes into ``errors``;
- a question of a type Kalan does not support (cloze, calculated, drag and drop…) is left
  out and listed in ``skipped`` as « Nom (type essay) »; it is not an error.

Every question in ``questions`` passed ``quizzes.snapshots.structure_check`` and the caps below.

Caps (settings, read while parsing so that a hostile file is refused before it is built):
``KALAN_QUESTION_IMPORT_MAX_QUESTIONS`` questions per file (beyond it, ImportFormatError),
``KALAN_QUESTION_IMPORT_MAX_ANSWERS`` answers, pairs or items per question and
``KALAN_QUESTION_IMPORT_MAX_TEXT`` characters per question text or general feedback (beyond
them, an error for that question); an answer or a feedback longer than its model field
(500 characters, 300 for pairs) is an error too, never cut silently.

Export: ``export_file(module, questions)`` gives the bytes and what was written and what was
not (with the reason), so that the command and the admin job report what the file holds.

Choice texts and all feedback are plain text in Kalan (the model stores them in CharFields, pages
escape them): HTML coming from Moodle there is reduced to its text by nh3. Question texts stay
HTML here; quizzes/bank.py cleans them to the text field's allow-list (quizzes/richtext.py)
before anything is stored.
"""

import html
import math
import re
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation

from django.conf import settings
from django.utils.translation import gettext as _

from jobs.registry import file_size_cap_error

TYPES = (
    "single",
    "multiple",
    "truefalse",
    "short",
    "numerical",
    "matching",
    "ordering",
    "essay",
    "description",
)
TRUE_LABEL = "Vrai"
FALSE_LABEL = "Faux"


class ImportFormatError(ValueError):
    """French message, with the question (name or number) and the reason."""


@dataclass
class ParseResult:
    questions: list[dict] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    # What the file holds and Kalan does not keep, named: « Question N « Nom » (ligne L) : … ».
    warnings: list[str] = field(default_factory=list)


class QuestionError(ValueError):
    """One question cannot be imported; the message is the French reason. `fragment`, when
    given, is the text at fault, so that a parser can tell on which line it stands."""

    def __init__(self, message: str, *, fragment: str = ""):
        super().__init__(message)
        self.fragment = fragment


# The model fields' lengths (quizzes.models): longer is an error, not a silent cut.
CHOICE_MAX_LENGTH = 500
PAIR_MAX_LENGTH = 300


def max_questions() -> int:
    return settings.KALAN_QUESTION_IMPORT_MAX_QUESTIONS


def max_answers() -> int:
    return settings.KALAN_QUESTION_IMPORT_MAX_ANSWERS


def max_text() -> int:
    return settings.KALAN_QUESTION_IMPORT_MAX_TEXT


def too_many_questions(line: int | None = None) -> ImportFormatError:
    """The whole file is refused as soon as it holds one question more than the cap."""
    limit = max_questions()
    if line:
        message = _(
            "Le fichier contient plus de %(limit)d questions (la question %(next)d commence à "
            "la ligne %(line)d) : découpez-le en plusieurs fichiers. Rien n’a été importé."
        ) % {"limit": limit, "next": limit + 1, "line": line}
    else:
        message = _(
            "Le fichier contient plus de %(limit)d questions : découpez-le en plusieurs "
            "fichiers. Rien n’a été importé."
        ) % {"limit": limit}
    return ImportFormatError(message)


def answers_cap_check(count: int, *, fragment: str = "") -> None:
    """Raises QuestionError when a question holds more answers than the cap: called with a
    count made before any answer is built."""
    limit = max_answers()
    if count > limit:
        raise QuestionError(
            _("%(count)d réponses ou éléments, au-delà de la limite de %(limit)d par question.")
            % {"count": count, "limit": limit},
            fragment=fragment,
        )


def check_size(data: bytes) -> None:
    if not isinstance(data, (bytes, bytearray)):
        raise ImportFormatError(_("Le fichier doit être lu en octets."))
    if too_large := file_size_cap_error(len(data)):
        raise ImportFormatError(too_large)


def question_label(number: int, name: str, line: int | None = None) -> str:
    """« Question 3 (ligne 12) « Titre » »: how every import message names a question, in
    GIFT and Moodle XML alike."""
    if line:
        label = _("Question %(n)d (ligne %(line)d)") % {"n": number, "line": line}
    else:
        label = _("Question %(n)d") % {"n": number}
    if name:
        label += f" « {name} »"
    return label


def error_message(
    number: int, name: str, reason: str, *, line: int | None = None, fault: int | None = None
) -> str:
    """« Question 3 (ligne 12) « Titre » : raison (ligne 14). »: the question's number, the
    line where it starts and, when it is another one, the line of the fault."""
    if fault and fault != line:
        reason = reason.rstrip().rstrip(".") + " " + _("(ligne %(line)d).") % {"line": fault}
    return _("%(question)s : %(reason)s") % {
        "question": question_label(number, name, line),
        "reason": reason,
    }


def skipped_label(name: str, moodle_type: str) -> str:
    return _("%(name)s (type %(type)s)") % {"name": name, "type": moodle_type}


def _length_reason(question: dict) -> str | None:
    """The caps on texts: the question's (settings) and the model fields' (answers, pairs)."""
    limit = max_text()
    for key, label in (
        ("text", _("l’énoncé")),
        ("general_feedback", _("le commentaire général")),
        ("response_template", _("le modèle de réponse")),
        ("grader_info", _("les consignes de correction")),
    ):
        if len(question.get(key) or "") > limit:
            return _("%(what)s dépasse %(limit)d caractères.") % {"what": label, "limit": limit}
    for choice in question["choices"]:
        for key in ("text", "feedback"):
            if len(choice.get(key) or "") > CHOICE_MAX_LENGTH:
                return _("la réponse « %(start)s… » dépasse %(limit)d caractères.") % {
                    "start": (choice.get(key) or "")[:40],
                    "limit": CHOICE_MAX_LENGTH,
                }
    for pair in question["pairs"]:
        for key in ("prompt", "answer"):
            if len(pair.get(key) or "") > PAIR_MAX_LENGTH:
                return _("l’élément « %(start)s… » dépasse %(limit)d caractères.") % {
                    "start": (pair.get(key) or "")[:40],
                    "limit": PAIR_MAX_LENGTH,
                }
    # The model's decimal fields: beyond them the database refuses the row (a 500, not a
    # message).
    if question["type"] == "description":
        pass  # information: its points are ignored (0 on import)
    elif not 0 < float(question.get("max_score", 1)) <= 9999.99:
        return _("la note doit être comprise entre 0,01 et 9999,99.")
    for choice in question["choices"]:
        if choice.get("tolerance") is not None and not 0 <= choice["tolerance"] < 10**8:
            return _("la tolérance « %(value)s » doit être comprise entre 0 et 99999999.") % {
                "value": num_str(choice["tolerance"])
            }
    return None


def structure_reason(question: dict) -> str | None:
    """Runs quizzes.snapshots.structure_check and the caps on a ParsedQuestion; returns the
    reason or None."""
    from quizzes.snapshots import QuestionStructureError, structure_check

    if len(question["choices"]) + len(question["pairs"]) > max_answers():
        try:
            answers_cap_check(len(question["choices"]) + len(question["pairs"]))
        except QuestionError as exc:
            return str(exc)
    reason = _length_reason(question)
    if reason:
        return reason

    choices = [
        {
            "text": c["text"],
            "fraction_percent": Decimal(str(c["fraction"])),
            "tolerance": None if c.get("tolerance") is None else Decimal(str(c["tolerance"])),
            "feedback": c.get("feedback", ""),
        }
        for c in question["choices"]
    ]
    if question["type"] == "ordering":
        pairs = [{"prompt": p["prompt"], "answer": ""} for p in question["pairs"]]
    else:
        # Moodle's matching distractors (no prompt) are dropped on import (quizzes/bank.py).
        pairs = [
            {"prompt": p["prompt"], "answer": p["answer"]}
            for p in question["pairs"]
            if p["prompt"].strip()
        ]
    try:
        structure_check(question["type"], choices, pairs)
    except QuestionStructureError as exc:
        return str(exc)
    return None


def finite(value: str, what: str) -> float:
    """Parses a number written with a dot or a comma; raises QuestionError if it is not one."""
    cleaned = value.strip().replace("\u202f", "").replace(" ", "").replace(",", ".")
    try:
        number = float(Decimal(cleaned))
    except (InvalidOperation, ValueError):
        raise QuestionError(
            _("%(what)s « %(value)s » n’est pas un nombre.")
            % {"what": what, "value": value.strip()}
        ) from None
    if not math.isfinite(number):
        raise QuestionError(
            _("%(what)s « %(value)s » n’est pas un nombre fini.")
            % {"what": what, "value": value.strip()}
        )
    return number


def num_str(value: float) -> str:
    """A float written without a useless ``.0`` nor an exponent: 100.0 → "100", 0.5 → "0.5"."""
    text = repr(float(value))
    if "e" in text or "E" in text:
        text = format(Decimal(text), "f")
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text


def markdown_to_html(text: str) -> str:
    """Markdown (GIFT's ``[markdown]``, Moodle's ``format="markdown"``) → HTML, with raw HTML
    in the source escaped rather than passed through; the caller still cleans the result to
    its field's allow-list (quizzes/richtext.py), as any HTML from outside."""
    from markdown_it import MarkdownIt

    if not text.strip():
        return ""
    renderer = MarkdownIt("commonmark", {"html": False, "linkify": False, "typographer": False})
    return renderer.render(text.strip()).strip()


def plain_to_html(text: str) -> str:
    if not text.strip():
        return ""
    return "<p>" + html.escape(text.strip(), quote=False).replace("\n", "<br>") + "</p>"


_BLOCK_END = re.compile(r"<\s*(br\s*/?|/p|/div|/li|/h[1-6])\s*>", re.IGNORECASE)


def html_to_plain(text: str) -> str:
    # nh3 rather than strip_tags: whatever the markup, only text is left, and the content of a
    # <script> or a <style> goes with its tags instead of showing as text.
    from quizzes.richtext import plain_text

    text = plain_text(_BLOCK_END.sub("\n", text)).replace("\xa0", " ")
    lines = [" ".join(line.split()) for line in text.splitlines()]
    return "\n".join(line for line in lines if line)


def default_name(text_html: str) -> str:
    plain = " ".join(html_to_plain(text_html).split())
    return plain[:60]


def split_category(path: str) -> list[str]:
    """``$course$/Iota/Kappa`` → ["Iota", "Kappa"]; ``//`` stands for a literal slash."""
    path = path.strip()
    path = re.sub(r"^\$[a-z0-9]+\$/?", "", path)
    parts = [p.replace("\x00", "/").strip() for p in path.replace("//", "\x00").split("/")]
    return [p for p in parts if p]


def join_category(category: list[str]) -> str:
    return "$course$/" + "/".join(str(p).replace("/", "//") for p in category)


# The optional keys' values when a file does not give them (Moodle's defaults): a question
# that holds only these says no more than one without the keys, so GIFT can carry it.
OPTIONAL_DEFAULTS = {
    "idnumber": "",
    "tags": [],
    "hints": [],
    "penalty": 0.3333333,
    "shuffle_answers": True,
    "correct_feedback": "",
    "partially_correct_feedback": "",
    "incorrect_feedback": "",
    "show_num_correct": False,
}


def comparable(question: dict) -> dict:
    """A ParsedQuestion for round-trip comparisons: without images nor source line, and
    without the optional keys that hold their default value (an empty description of every
    category level included)."""
    kept = {}
    for key, value in question.items():
        if key in ("images", "line"):
            continue
        if key in OPTIONAL_DEFAULTS and value == OPTIONAL_DEFAULTS[key]:
            continue
        if key == "category_info" and not any(value):
            continue
        kept[key] = value
    return kept


@dataclass
class ExportResult:
    """What an export wrote: the file, the names of the questions in it, and those left out
    with the reason (« Nom » (type …) : raison)."""

    data: bytes
    exported: list[str] = field(default_factory=list)
    left_out: list[str] = field(default_factory=list)

    def summary(self) -> str:
        from django.utils.translation import ngettext

        message = ngettext(
            "%(n)d question exportée", "%(n)d questions exportées", len(self.exported)
        ) % {"n": len(self.exported)}
        if self.left_out:
            message = _("%(exported)s ; %(left_out)s") % {
                "exported": message,
                "left_out": ngettext(
                    "%(n)d non exportée : %(list)s",
                    "%(n)d non exportées : %(list)s",
                    len(self.left_out),
                )
                % {"n": len(self.left_out), "list": _(" ; ").join(self.left_out)},
            }
        return message + "."


def export_file(module, questions: list[dict]) -> ExportResult:
    """Exports with `module` what it can write, and says what it could not and why (the
    module's ``export_refusal(question)`` gives the reason, or None)."""
    refusal = getattr(module, "export_refusal", lambda question: None)
    kept, left_out = [], []
    for question in questions:
        reason = refusal(question)
        if reason:
            left_out.append(
                _("« %(name)s » (type %(type)s : %(reason)s)")
                % {"name": question.get("name", ""), "type": question.get("type"), "reason": reason}
            )
        else:
            kept.append(question)
    return ExportResult(
        data=module.export(kept), exported=[q.get("name", "") for q in kept], left_out=left_out
    )
