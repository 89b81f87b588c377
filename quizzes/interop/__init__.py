"""Import and export of question banks in Moodle's GIFT and Moodle XML formats.

Both modules (``gift`` and ``moodlexml``) share one intermediate format, a list of
ParsedQuestion dicts (pure Python data, no Django models)::

    {
        "name": str,               # Moodle's question name
        "type": "single" | "multiple" | "truefalse" | "short" | "numerical"
                | "matching" | "ordering",
        "text": "<p>…</p>",       # HTML
        "max_score": float,        # Moodle defaultgrade (GIFT: 1, or a ``// max_score: N`` comment)
        "general_feedback": str,   # plain text
        "category": [str, ...],    # category path without Moodle's ``$course$`` prefix, [] if none
        "choices": [{"text": str, "fraction": float, "tolerance": float | None,
                     "feedback": str}],   # fraction in percent (100, 50, -33.33333)
        "pairs": [{"prompt": str, "answer": str}],  # ordering: answer "", in the right order
        "images": [{"name": str, "data": bytes}],   # referenced as @@PLUGINFILE@@/name
    }

Moodle XML adds optional keys (absent means Moodle's default; see moodlexml.py): "line",
"idnumber", "tags", "hints", "penalty", "shuffle_answers", the combined feedback
("correct_feedback", "partially_correct_feedback", "incorrect_feedback", "show_num_correct")
and "category_info" (the description of each level of "category").

Each module offers ``parse(data: bytes) -> ParseResult`` and ``export(questions) -> bytes``.

Error policy (all-or-nothing is decided by the caller):

- a problem with the whole file (too big, not UTF-8, malformed XML, DTD or entities, wrong root)
  raises ImportFormatError, with a French message;
- a problem with one question never stops the parse: the question is left out of ``questions``
  and one French message « Question N « Nom » : raison » goes into ``errors``;
- a question of a type Kalan does not support (essay, cloze, description, calculated…) is left
  out and listed in ``skipped`` as « Nom (type essay) »; it is not an error.

Every question in ``questions`` passed ``quizzes.snapshots.structure_check``.

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

MAX_BYTES = 10 * 1024 * 1024
TYPES = ("single", "multiple", "truefalse", "short", "numerical", "matching", "ordering")
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
    """One question cannot be imported; the message is the French reason."""


def check_size(data: bytes) -> None:
    if not isinstance(data, (bytes, bytearray)):
        raise ImportFormatError("Le fichier doit être lu en octets.")
    if len(data) > MAX_BYTES:
        raise ImportFormatError("Le fichier dépasse 10 Mo.")


def error_message(number: int, name: str, reason: str) -> str:
    label = f"Question {number}"
    if name:
        label += f" « {name} »"
    return f"{label} : {reason}"


def skipped_label(name: str, moodle_type: str) -> str:
    return f"{name} (type {moodle_type})"


def structure_reason(question: dict) -> str | None:
    """Runs quizzes.snapshots.structure_check on a ParsedQuestion; returns the reason or None."""
    from quizzes.snapshots import QuestionStructureError, structure_check

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
        pairs = [{"prompt": p["prompt"], "answer": p["answer"]} for p in question["pairs"]]
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
        raise QuestionError(f"{what} « {value.strip()} » n’est pas un nombre.") from None
    if not math.isfinite(number):
        raise QuestionError(f"{what} « {value.strip()} » n’est pas un nombre fini.")
    return number


def num_str(value: float) -> str:
    """A float written without a useless ``.0`` nor an exponent: 100.0 → "100", 0.5 → "0.5"."""
    text = repr(float(value))
    if "e" in text or "E" in text:
        text = format(Decimal(text), "f")
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text


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


def comparable(question: dict) -> dict:
    """A ParsedQuestion without images nor source line, for round-trip comparisons."""
    return {key: value for key, value in question.items() if key not in ("images", "line")}
