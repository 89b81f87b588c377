"""Moodle XML format: parse (Moodle XML → ParsedQuestion dicts) and export.

See quizzes/interop/__init__.py for the ParsedQuestion format and the error policy. The XML is
read with defusedxml and any DTD is refused, which stops XXE and entity expansion (billion
laughs). Whole-file problems raise ImportFormatError: over 10 Mo (« Le fichier dépasse 10 Mo. »),
DTD or entities (« Fichier XML refusé : entités ou DTD interdites. »), malformed XML
(« XML invalide : ligne N, colonne M … »), a root other than <quiz>. A bad question becomes one
message in ParseResult.errors, e.g. an answer grade that Moodle does not allow (33 % instead of
33,33333 %), as Moodle's own importer refuses it.

Files (<file encoding="base64">) found anywhere in a question go into its "images"; export writes
them all next to the question text.
"""

import base64
import binascii
import xml.etree.ElementTree as ET  # only builds the export; parsing uses defusedxml

from defusedxml import DefusedXmlException
from defusedxml.ElementTree import ParseError, fromstring

from . import (
    FALSE_LABEL,
    TRUE_LABEL,
    ImportFormatError,
    ParseResult,
    QuestionError,
    answers_cap_check,
    check_size,
    default_name,
    error_message,
    finite,
    html_to_plain,
    join_category,
    max_questions,
    num_str,
    plain_to_html,
    skipped_label,
    split_category,
    structure_reason,
    too_many_questions,
)

# Moodle's question_bank::fraction_options_full(), in percent.
_GRADES = [
    100,
    90,
    83.33333,
    80,
    75,
    70,
    66.66667,
    60,
    50,
    40,
    33.33333,
    30,
    25,
    20,
    16.66667,
    14.28571,
    12.5,
    11.11111,
    10,
    5,
]
ALLOWED_GRADES = sorted({0.0, *(float(g) for g in _GRADES), *(-float(g) for g in _GRADES)})
_TYPE_NAMES = {"shortanswer": "short", "numerical": "numerical", "matching": "matching"}
_TYPE_NAMES |= {"truefalse": "truefalse", "ordering": "ordering"}
_TYPE_NAMES |= {"essay": "essay", "description": "description"}


def _grade_allowed(fraction: float) -> bool:
    # Moodle's match_grade_options(): |grade - option| < 0.00001, as fractions of 1.
    return any(abs(fraction - option) < 0.001 for option in ALLOWED_GRADES)


def _text(element, path: str = "text") -> str:
    if element is None:
        return ""
    found = element.find(path)
    return (found.text or "") if found is not None else ""


def _formatted_html(element) -> str:
    """<questiontext format="…"><text>…</text></questiontext> → HTML."""
    if element is None:
        return ""
    text = _text(element)
    if element.get("format", "html") in ("plain_text", "markdown"):
        return plain_to_html(text)
    return text.strip()


def _formatted_plain(element) -> str:
    """A feedback or answer text element → plain text."""
    if element is None:
        return ""
    text = _text(element)
    if element.get("format", "html") in ("html", "moodle_auto_format"):
        return html_to_plain(text)
    return text.strip()


def _number(element, tag: str, default: float) -> float:
    found = element.find(tag)
    if found is None or not (found.text or "").strip():
        return default
    return finite(found.text, f"<{tag}>")


def _images(element) -> list[dict]:
    images, seen = [], set()
    for file in element.iter("file"):
        name = (file.get("name") or "").strip()
        if not name or name in seen:
            continue
        if (file.get("encoding") or "base64") != "base64":
            raise QuestionError(f"fichier « {name} » : seul l’encodage base64 est lu.")
        try:
            data = base64.b64decode("".join((file.text or "").split()), validate=True)
        except (binascii.Error, ValueError):
            raise QuestionError(f"fichier « {name} » : base64 illisible.") from None
        seen.add(name)
        images.append({"name": name, "data": data})
    return images


def _fraction(answer) -> float:
    value = finite(answer.get("fraction", "0"), "La note")
    if not _grade_allowed(value):
        raise QuestionError(
            f"la note {num_str(value)} % de la réponse « {_formatted_plain(answer)[:60]} » "
            "n’est pas une valeur de Moodle (par exemple 33,33333 et non 33)."
        )
    return value


def _choice(text: str, fraction: float, feedback: str, tolerance=None) -> dict:
    return {"text": text, "fraction": fraction, "tolerance": tolerance, "feedback": feedback}


def _answers(node, kind: str) -> tuple[list[dict], list[dict]]:
    choices, pairs = [], []
    answers = node.findall("answer")
    if kind in ("single", "multiple"):
        for a in answers:
            choices.append(
                _choice(_formatted_plain(a), _fraction(a), _formatted_plain(a.find("feedback")))
            )
    elif kind == "truefalse":
        by_value = {}
        for a in answers:
            value = _text(a).strip().lower()
            if value not in ("true", "false") or value in by_value:
                raise QuestionError(
                    "une question vrai/faux a une réponse « true » et une « false »."
                )
            by_value[value] = a
        if len(by_value) != 2:
            raise QuestionError("une question vrai/faux a une réponse « true » et une « false ».")
        for value, label in (("true", TRUE_LABEL), ("false", FALSE_LABEL)):
            a = by_value[value]
            choices.append(_choice(label, _fraction(a), _formatted_plain(a.find("feedback"))))
    elif kind == "short":
        for a in answers:
            choices.append(
                _choice(_text(a).strip(), _fraction(a), _formatted_plain(a.find("feedback")))
            )
    elif kind == "numerical":
        for a in answers:
            value = _text(a).strip()
            if value == "*":
                continue  # Moodle's "any other answer": Kalan has no equivalent.
            finite(value, "La valeur")
            tolerance = abs(_number(a, "tolerance", 0.0))
            choices.append(
                _choice(value, _fraction(a), _formatted_plain(a.find("feedback")), tolerance)
            )
    elif kind == "matching":
        for sub in node.findall("subquestion"):
            pairs.append(
                {"prompt": _formatted_plain(sub), "answer": _text(sub, "answer/text").strip()}
            )
    elif kind == "ordering":
        items = []
        for index, a in enumerate(answers):
            try:
                position = float(a.get("fraction", index + 1))
            except ValueError:
                position = index + 1
            items.append((position, index, _formatted_plain(a)))
        items.sort()
        pairs = [{"prompt": text, "answer": ""} for _pos, _i, text in items]
    return choices, pairs


def _kind(node) -> str | None:
    moodle_type = node.get("type", "")
    if moodle_type == "multichoice":
        single = node.findtext("single") or "true"
        return "single" if single.strip().lower() in ("true", "1") else "multiple"
    return _TYPE_NAMES.get(moodle_type)


def _question(node, category: list[str]) -> dict:
    kind = _kind(node)
    text = _formatted_html(node.find("questiontext"))
    name = _text(node.find("name")).strip() or default_name(text) or "Question sans titre"
    max_score = _number(node, "defaultgrade", 1.0)
    if max_score < 0:
        raise QuestionError("la note par défaut doit être positive.")
    if kind in ("essay", "description"):
        choices, pairs = [], []  # an essay's <answer> is Moodle's empty placeholder
    else:
        choices, pairs = _answers(node, kind)
    question = {
        "name": name,
        "type": kind,
        "text": text,
        "max_score": 0.0 if kind == "description" else max_score,
        "general_feedback": _formatted_plain(node.find("generalfeedback")),
        "category": list(category),
        "choices": choices,
        "pairs": pairs,
        "images": _images(node),
    }
    if kind == "essay":
        question["response_template"] = _formatted_plain(node.find("responsetemplate"))
        question["grader_info"] = _formatted_plain(node.find("graderinfo"))
    return question


def _root(data: bytes):
    check_size(data)
    try:
        root = fromstring(bytes(data), forbid_dtd=True, forbid_entities=True, forbid_external=True)
    except DefusedXmlException:
        raise ImportFormatError("Fichier XML refusé : entités ou DTD interdites.") from None
    except ParseError as exc:
        line, column = getattr(exc, "position", (0, 0))
        reason = str(exc).split(":")[0]
        raise ImportFormatError(
            f"XML invalide : ligne {line}, colonne {column + 1} ({reason})."
        ) from None
    except (ValueError, LookupError) as exc:  # unknown or bad encoding declaration
        raise ImportFormatError(f"XML invalide : encodage illisible ({exc}).") from None
    if root.tag != "quiz":
        raise ImportFormatError("Ce n’est pas un fichier Moodle XML : la racine doit être <quiz>.")
    return root


def parse(data: bytes) -> ParseResult:
    """Parses a Moodle XML file. Raises ImportFormatError only for the whole file."""
    root = _root(data)
    result = ParseResult()
    category: list[str] = []
    number = 0
    for node in root.findall("question"):
        moodle_type = node.get("type", "")
        if moodle_type == "category":
            category = split_category(_text(node.find("category")))
            continue
        number += 1
        if number > max_questions():
            raise too_many_questions()
        name = _text(node.find("name")).strip()
        if _kind(node) is None:
            label = name or default_name(_formatted_html(node.find("questiontext")))
            result.skipped.append(skipped_label(label or f"Question {number}", moodle_type))
            continue
        try:
            # Counted before any answer is built (the caps: quizzes/interop/__init__.py).
            answers_cap_check(len(node.findall("answer")) + len(node.findall("subquestion")))
            question = _question(node, category)
        except QuestionError as exc:
            result.errors.append(error_message(number, name, str(exc)))
            continue
        reason = structure_reason(question)
        if reason:
            result.errors.append(error_message(number, question["name"], reason))
        else:
            result.questions.append(question)
    return result


# --- export ---------------------------------------------------------------------------------


def _sub(parent, tag: str, text: str | None = None, **attrs) -> ET.Element:
    element = ET.SubElement(parent, tag, {k: str(v) for k, v in attrs.items()})
    if text is not None:
        element.text = text
    return element


def _text_field(parent, tag: str, text: str, fmt: str) -> ET.Element:
    element = _sub(parent, tag, format=fmt)
    _sub(element, "text", text)
    return element


def _answer(parent, fraction: float, text: str, feedback: str, fmt="plain_text") -> ET.Element:
    answer = _sub(parent, "answer", fraction=num_str(fraction), format=fmt)
    _sub(answer, "text", text)
    _text_field(answer, "feedback", feedback or "", "plain_text")
    return answer


def _export_question(quiz, q: dict) -> None:
    kind = q["type"]
    moodle_type = {"single": "multichoice", "multiple": "multichoice", "short": "shortanswer"}
    node = _sub(quiz, "question", type=moodle_type.get(kind, kind))
    name = _sub(node, "name")
    _sub(name, "text", q.get("name", ""))
    questiontext = _text_field(node, "questiontext", q.get("text", ""), "html")
    for image in q.get("images") or []:
        encoded = base64.b64encode(image["data"]).decode("ascii")
        _sub(questiontext, "file", encoded, name=image["name"], path="/", encoding="base64")
    _text_field(node, "generalfeedback", q.get("general_feedback", ""), "plain_text")
    _sub(node, "defaultgrade", num_str(float(q.get("max_score", 1))))
    _sub(node, "penalty", "0.3333333")
    _sub(node, "hidden", "0")
    choices = q.get("choices") or []
    if kind in ("single", "multiple"):
        _sub(node, "single", "true" if kind == "single" else "false")
        _sub(node, "shuffleanswers", "true")
        _sub(node, "answernumbering", "abc")
        for c in choices:
            _answer(node, float(c["fraction"]), c["text"], c.get("feedback", ""))
    elif kind == "truefalse":
        for c, value in zip(choices, ("true", "false"), strict=False):
            _answer(node, float(c["fraction"]), value, c.get("feedback", ""), "moodle_auto_format")
    elif kind == "short":
        _sub(node, "usecase", "0")
        for c in choices:
            _answer(node, float(c["fraction"]), c["text"], c.get("feedback", ""))
    elif kind == "numerical":
        for c in choices:
            answer = _answer(node, float(c["fraction"]), c["text"], c.get("feedback", ""))
            _sub(answer, "tolerance", num_str(float(c.get("tolerance") or 0)))
    elif kind == "matching":
        _sub(node, "shuffleanswers", "true")
        for p in q.get("pairs") or []:
            sub = _text_field(node, "subquestion", p["prompt"], "plain_text")
            answer = _sub(sub, "answer")
            _sub(answer, "text", p["answer"])
    elif kind == "essay":
        _sub(node, "responseformat", "plain")
        _sub(node, "responserequired", "1")
        _sub(node, "responsefieldlines", "10")
        _sub(node, "attachments", "0")
        _sub(node, "attachmentsrequired", "0")
        _text_field(node, "graderinfo", q.get("grader_info", ""), "plain_text")
        _text_field(node, "responsetemplate", q.get("response_template", ""), "plain_text")
    elif kind == "ordering":
        _sub(node, "layouttype", "VERTICAL")
        _sub(node, "selecttype", "ALL")
        _sub(node, "selectcount", "0")
        _sub(node, "gradingtype", "ABSOLUTE_POSITION")
        for index, p in enumerate(q.get("pairs") or [], start=1):
            answer = _sub(node, "answer", fraction=str(index), format="plain_text")
            _sub(answer, "text", p["prompt"])


def export(questions: list[dict]) -> bytes:
    """ParsedQuestion dicts → Moodle XML (UTF-8), with a category entry at each change."""
    quiz = ET.Element("quiz")
    category = None
    for q in questions:
        changed = list(q.get("category") or []) != category
        if changed and (category is not None or q.get("category")):
            category = list(q.get("category") or [])
            node = _sub(quiz, "question", type="category")
            _sub(_sub(node, "category"), "text", join_category(category))
        _export_question(quiz, q)
    ET.indent(quiz)
    return b'<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(
        quiz, encoding="utf-8", xml_declaration=False
    )
