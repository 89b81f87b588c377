"""Moodle GIFT format: parse (GIFT text → ParsedQuestion dicts) and export.

See quizzes/interop/__init__.py for the ParsedQuestion format and the error policy: parse raises
ImportFormatError only for the whole file (over KALAN_UPLOAD_MAX_SIZE, not UTF-8, over the
questions cap) and never raises anything else; a bad question becomes one message in
ParseResult.errors, with the question's number, the line where it starts and, where it is known,
the line of the fault: « Question 3 (ligne 12) « Titre » : une réponse est vide (ligne 14). »

GIFT has no grade field: export writes ``// max_score: N`` in the comment before a question whose
grade is not 1, and parse reads it back (Moodle ignores comments). The "missing word" layout
(text after the answer block) is imported as Moodle does, with `_____` in place of the block.

``[markdown]`` texts are rendered with markdown-it-py (raw HTML escaped), then cleaned like any
HTML: to the question text's allow-list, or to plain text for answers and feedback.

Ordering questions use the syntax of Moodle's ordering plugin (qtype_ordering), one item per
line in the right order after a header line::

    ::Titre::Remettez dans l’ordre {>4 ALL VERTICAL ABSOLUTE_POSITION SHOW
    premier
    deuxième
    }

The header holds the number of items shown, then optionally the selection (ALL, EXACT,
RANDOM, REL, CONTIGUOUS, CONTIG), the layout (HORIZONTAL, HORI, H, 1, VERTICAL, VERT, V, 0), the
grading and whether to show it. Kalan always shows every item and grades the absolute
position, so those options are read and not kept; export writes ``ALL VERTICAL
ABSOLUTE_POSITION SHOW`` with the number of items.
"""

import html
import re

from django.utils.translation import gettext as _

from . import (
    FALSE_LABEL,
    TRUE_LABEL,
    TYPES,
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
    markdown_to_html,
    max_answers,
    max_questions,
    num_str,
    plain_to_html,
    skipped_label,
    split_category,
    structure_reason,
    too_many_questions,
)

# Escaped characters become private-use placeholders while the block is cut up.
_ESCAPES = {"\\": "\ue000", "~": "\ue001", "=": "\ue002", "#": "\ue003", "{": "\ue004"}
_ESCAPES |= {"}": "\ue005", ":": "\ue006", "-": "\ue007", ">": "\ue008", "%": "\ue009"}
_ESCAPES |= {"[": "\ue00a", "n": "\ue00b"}
_RESTORE = {v: k for k, v in _ESCAPES.items()} | {"\ue00b": "\n"}
# "\n" (a line break inside a text) stays one character until the end, so that the lines of
# the protected text are the lines of the file (error messages give them).
_PLACEHOLDERS = re.compile("[\ue000-\ue00b]")
_FORMAT = re.compile(r"^\s*\[(html|moodle|plain|markdown)\]", re.IGNORECASE)
_WEIGHT = re.compile(r"^\s*%(-?\d+(?:\.\d+)?)%")
_TF = re.compile(r"^(T|TRUE|F|FALSE)\s*(#.*)?$", re.IGNORECASE | re.DOTALL)
_MAX_SCORE = re.compile(r"^\s*//\s*max_score:\s*(\S+)\s*$")


def _protect(text: str) -> str:
    text = _PLACEHOLDERS.sub("", text)

    def repl(match: re.Match) -> str:
        char = match.group(1)
        return _ESCAPES.get(char, char)

    return re.sub(r"\\(.)", repl, text, flags=re.DOTALL)


def _restore(text: str) -> str:
    return _PLACEHOLDERS.sub(lambda m: _RESTORE[m.group(0)], text)


def _split_format(text: str, default: str) -> tuple[str, str]:
    match = _FORMAT.match(text)
    if match:
        return text[match.end() :], match.group(1).lower()
    return text, default


def _to_plain(text: str, fmt: str) -> str:
    """Answer or feedback text (with placeholders) → plain text."""
    text, fmt = _split_format(text, fmt)
    text = _restore(text).strip()
    if fmt == "markdown":
        return html_to_plain(markdown_to_html(text))
    return html_to_plain(text) if fmt == "html" else text


def _to_html(text: str, fmt: str) -> str:
    text = _restore(text).strip()
    if fmt == "markdown":
        from quizzes.models import Question
        from quizzes.richtext import field_clean

        return field_clean(Question, "text", markdown_to_html(text))
    return text if fmt == "html" else plain_to_html(text)


def _raw(text: str) -> str:
    """Short answer and matching answer texts: Moodle keeps them raw, without format marker."""
    return _restore(_split_format(text, "")[0]).strip()


def _split_items(text: str, markers: str) -> list[tuple[str, str]]:
    """Cuts an answer block at every unescaped marker: [(marker, body), ...]."""
    items: list[tuple[str, str]] = []
    start = None
    marker = ""
    for index, char in enumerate(text):
        if char in markers:
            if start is not None:
                items.append((marker, text[start:index]))
            elif text[:index].strip():
                items.append(("", text[:index]))
            marker, start = char, index + 1
    if start is not None:
        items.append((marker, text[start:]))
    elif text.strip():
        items.append(("", text))
    return items


def _weight(body: str, default: float) -> tuple[float, str]:
    match = _WEIGHT.match(body)
    if not match:
        return default, body
    return float(match.group(1)), body[match.end() :]


def _answer_feedback(body: str) -> tuple[str, str]:
    answer, _sep, feedback = body.partition("#")
    return answer, feedback


def _choice(text: str, fraction: float, feedback: str, tolerance=None) -> dict:
    return {"text": text, "fraction": fraction, "tolerance": tolerance, "feedback": feedback}


_MARKER = re.compile("[=~]")


def _cap_answers(answers: str, markers) -> None:
    """Counts the answers before any is built; past the cap, the fault is the first answer
    over it."""
    limit = max_answers()
    count = 0
    for match in markers.finditer(answers):
        count += 1
        if count == limit + 1:
            over = answers[match.start() : match.start() + 40]
    if count > limit:
        answers_cap_check(count, fragment=over)


_ORDERING_OPTIONS = (
    ("ALL", "EXACT", "RANDOM", "REL", "CONTIGUOUS", "CONTIG"),
    ("HORIZONTAL", "HORI", "H", "1", "VERTICAL", "VERT", "V", "0"),
    (
        "ALL_OR_NOTHING",
        "ABSOLUTE_POSITION",
        "ABSOLUTE",
        "ABS",
        "RELATIVE_NEXT_EXCLUDE_LAST",
        "RELATIVE_NEXT_INCLUDE_LAST",
        "RELATIVE_ONE_PREVIOUS_AND_NEXT",
        "RELATIVE_ALL_PREVIOUS_AND_NEXT",
        "RELATIVE_TO_CORRECT",
        "RELATIVE",
        "REL",
        "LONGEST_ORDERED_SUBSET",
        "LONGEST_CONTIGUOUS_SUBSET",
    ),
    ("SHOW", "TRUE", "YES", "1", "HIDE", "FALSE", "NO", "0"),
)


def _ordering(answers: str, fmt: str) -> list[dict]:
    """Moodle qtype_ordering's block without its ">": the count, the options (each optional,
    in this order), then one item per line (the first may follow the options)."""
    header, _sep, rest = answers.partition("\n")
    words = header.split()
    if not words or not words[0].isdigit():
        raise QuestionError(
            _("une remise en ordre commence par « {>N » (N : le nombre d’éléments montrés).")
        )
    position = 1
    for options in _ORDERING_OPTIONS:
        if position < len(words) and words[position] in options:
            position += 1
    lines = [" ".join(words[position:]), *rest.split("\n")]
    lines = [line for line in lines if line.strip()]
    limit = max_answers()
    answers_cap_check(len(lines), fragment=lines[limit] if len(lines) > limit else "")
    pairs = []
    for line in lines:
        item = _to_plain(line, fmt)
        if not item:
            raise QuestionError(_("un élément est vide."), fragment=line)
        pairs.append({"prompt": item, "answer": ""})
    return pairs


def _numerical(answers: str, fmt: str) -> list[dict]:
    choices = []
    for marker, body in _split_items(answers, "=~"):
        fraction, body = _weight(body, 0.0 if marker == "~" else 100.0)
        value, feedback = _answer_feedback(body)
        value = _restore(value).strip()
        feedback = _to_plain(feedback, fmt)
        if not value:
            if marker == "~":
                # Moodle's "any other answer" entry: Kalan has no equivalent, so it is dropped.
                continue
            raise QuestionError(_("une réponse numérique est vide."), fragment=body)
        try:
            if ".." in value:
                low_text, _sep, high_text = value.partition("..")
                low = finite(low_text, _("La borne"))
                high = finite(high_text, _("La borne"))
                if low > high:
                    low, high = high, low
                text, tolerance = num_str((low + high) / 2), (high - low) / 2
            else:
                number, _sep, tol_text = value.partition(":")
                finite(number, _("La valeur"))
                text = number.strip()
                tolerance = abs(finite(tol_text, _("La tolérance"))) if tol_text.strip() else 0.0
        except QuestionError as exc:
            raise QuestionError(str(exc), fragment=body) from None
        choices.append(_choice(text, fraction, feedback, float(tolerance)))
    if not choices:
        raise QuestionError(_("aucune réponse numérique."))
    return choices


def _question(block: str, category: list[str], max_score: float) -> dict | tuple[str, str]:
    """One GIFT question (comments removed, escapes protected) → ParsedQuestion, or
    (name, moodle type) for an unsupported type. Raises QuestionError."""
    text = block.strip()
    name = ""
    if text.startswith("::"):
        end = text.find("::", 2)
        if end < 0:
            raise QuestionError(_("le titre « ::…:: » n’est pas fermé."))
        name = _restore(text[2:end]).strip()
        text = text[end + 2 :]
    text, fmt = _split_format(text.lstrip(), "moodle")
    start = text.find("{")
    if start < 0:
        if "}" in text:
            raise QuestionError(_("accolade « } » sans « { »."))
        # Text with no answer block: a description, shown as information, never graded.
        text_html = _to_html(text, fmt)
        return {
            "name": name or default_name(text_html) or "Description",
            "type": "description",
            "text": text_html,
            "max_score": 0.0,
            "general_feedback": "",
            "category": list(category),
            "choices": [],
            "pairs": [],
            "images": [],
        }
    finish = text.rfind("}")
    if finish < start:
        raise QuestionError(_("le bloc de réponses « { » n’est pas fermé par « } »."))
    before, inner, after = text[:start], text[start + 1 : finish], text[finish + 1 :]
    if "{" in inner:
        raise QuestionError(_("un seul bloc de réponses « {…} » par question."))
    qtext = before
    if after.strip():  # "missing word" layout, as in Moodle
        qtext = before.rstrip() + " _____ " + after.lstrip()
    text_html = _to_html(qtext, fmt)
    name = name or default_name(text_html) or _("Question sans titre")

    answers, _sep, general = inner.partition("####")
    general = _to_plain(general, fmt)
    answers = answers.strip()
    question = {
        "name": name,
        "type": "",
        "text": text_html,
        "max_score": max_score,
        "general_feedback": general,
        "category": list(category),
        "choices": [],
        "pairs": [],
        "images": [],
    }
    if not answers:
        # "{}": an essay, graded by a person (GIFT carries no template nor instructions).
        question["type"] = "essay"
        question["response_template"] = ""
        question["grader_info"] = ""
        return question
    if answers.startswith(">"):
        question["type"] = "ordering"
        question["pairs"] = _ordering(answers[1:], fmt)
        return question
    _cap_answers(answers, _MARKER)
    if answers.startswith("#"):
        question["type"] = "numerical"
        question["choices"] = _numerical(answers[1:], fmt)
    elif "~" in answers:
        items = _split_items(answers, "=~")
        if any(marker == "" for marker, _body in items):
            raise QuestionError(_("texte avant la première réponse « = » ou « ~ »."))
        question["type"] = "single" if any(m == "=" for m, _b in items) else "multiple"
        for marker, body in items:
            fraction, rest = _weight(body, 100.0 if marker == "=" else 0.0)
            answer, feedback = _answer_feedback(rest)
            answer = _to_plain(answer, fmt)
            if not answer:
                raise QuestionError(_("une réponse est vide."), fragment=marker + body)
            question["choices"].append(_choice(answer, fraction, _to_plain(feedback, fmt)))
    elif "=" in answers and "->" in answers:
        question["type"] = "matching"
        for marker, body in _split_items(answers, "="):
            if not marker or "->" not in body:
                raise QuestionError(
                    _("chaque élément d’une association s’écrit « =élément -> réponse »."),
                    fragment=marker + body,
                )
            prompt, _sep, answer = body.partition("->")
            question["pairs"].append({"prompt": _to_plain(prompt, fmt), "answer": _raw(answer)})
    elif _TF.match(answers):
        match = _TF.match(answers)
        is_true = match.group(1).upper().startswith("T")
        feedbacks = [*(match.group(2) or "").split("#")[1:], "", ""]
        wrong, right = _to_plain(feedbacks[0], fmt), _to_plain(feedbacks[1], fmt)
        question["type"] = "truefalse"
        question["choices"] = [
            _choice(TRUE_LABEL, 100.0 if is_true else 0.0, right if is_true else wrong),
            _choice(FALSE_LABEL, 0.0 if is_true else 100.0, wrong if is_true else right),
        ]
    else:
        question["type"] = "short"
        for marker, body in _split_items(answers, "="):
            if marker != "=":
                raise QuestionError(
                    _("syntaxe non reconnue dans le bloc de réponses."), fragment=marker + body
                )
            fraction, rest = _weight(body, 100.0)
            answer, feedback = _answer_feedback(rest)
            answer = _raw(answer)
            if not answer:
                raise QuestionError(_("une réponse acceptée est vide."), fragment=marker + body)
            question["choices"].append(_choice(answer, fraction, _to_plain(feedback, fmt)))
    return question


def _decode(data: bytes) -> str:
    check_size(data)
    try:
        text = bytes(data).decode("utf-8")
    except UnicodeDecodeError:
        raise ImportFormatError(_("Le fichier n’est pas en UTF-8.")) from None
    return text.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n")


def _blocks(text: str):
    """The blocks between blank lines, each with the number of its first line."""
    line, position = 1, 0
    for separator in re.finditer(r"\n[ \t\f\v]*\n", text):
        yield line, text[position : separator.start()]
        line += text.count("\n", position, separator.end())
        position = separator.end()
    yield line, text[position:]


def _fault_line(protected: str, fragment: str, first_line: int) -> int | None:
    """The line of `fragment` (text at fault) in the question, searched from its answer block
    (an answer text may also appear in the question text)."""
    if not fragment.strip():
        return None
    start = max(protected.find("{"), 0)
    position = protected.find(fragment, start)
    if position < 0:
        position = protected.find(fragment)
    if position < 0:
        return None
    return first_line + protected.count("\n", 0, position)


def parse(data: bytes) -> ParseResult:
    """Parses a GIFT file. Raises ImportFormatError only for the whole file (including a file
    with more questions than the cap: it stops at the first one over it)."""
    text = _decode(data)
    result = ParseResult()
    category: list[str] = []
    number = 0
    limit = max_questions()
    for block_line, raw_block in _blocks(text):
        max_score = 1.0
        # Comment lines become empty lines, so that line numbers stay those of the file.
        lines = []
        for line in raw_block.split("\n"):
            if line.lstrip().startswith("//"):
                match = _MAX_SCORE.match(line)
                if match:
                    max_score = match.group(1)
                line = ""
            lines.append(line)
        block = "\n".join(lines)
        if not block.strip():
            continue
        first_line = block_line + block[: len(block) - len(block.lstrip())].count("\n")
        block = block.strip()
        if block.startswith("$CATEGORY:"):
            first, _sep, rest = block.partition("\n")
            category = split_category(first[len("$CATEGORY:") :])
            if not rest.strip():
                continue
            first_line += 1 + rest[: len(rest) - len(rest.lstrip())].count("\n")
            block = rest.strip()
        number += 1
        if number > limit:
            raise too_many_questions(first_line)
        name = ""
        protected = ""
        try:
            protected = _protect(block)
            if protected.startswith("::") and "::" in protected[2:]:
                name = _restore(protected[2 : protected.find("::", 2)]).strip()
            if isinstance(max_score, str):
                max_score = finite(max_score, _("La note"))
                if max_score < 0:
                    raise QuestionError(_("la note doit être positive."))
            question = _question(protected, category, float(max_score))
        except QuestionError as exc:
            fault = _fault_line(protected, exc.fragment, first_line)
            result.errors.append(
                error_message(number, name, str(exc), line=first_line, fault=fault)
            )
            continue
        except Exception:  # any input must give an error message, never a crash
            result.errors.append(
                error_message(number, name, _("syntaxe GIFT non reconnue."), line=first_line)
            )
            continue
        if isinstance(question, tuple):
            result.skipped.append(skipped_label(*question))
            continue
        reason = structure_reason(question)
        if reason:
            result.errors.append(error_message(number, question["name"], reason, line=first_line))
        else:
            result.questions.append(question)
    return result


# --- export ---------------------------------------------------------------------------------

_SPECIALS = "\\~=#{}:"


def _escape(text: str) -> str:
    text = "".join("\\" + c if c in _SPECIALS else c for c in str(text))
    text = text.replace("->", "-\\>")
    if text.startswith("%"):
        text = "\\" + text
    if text.startswith("["):
        text = "\\" + text
    return text.replace("\r\n", "\n").replace("\n", "\\n")


def _escape_plain_in_html(text: str) -> str:
    """Plain text inside an [html] question: HTML-escaped, then GIFT-escaped."""
    return _escape(html.escape(str(text), quote=False))


def _feedback(text: str) -> str:
    return f" #{_escape_plain_in_html(text)}" if text else ""


def _weight_prefix(fraction: float) -> str:
    return f"%{num_str(fraction)}%"


def _export_answers(q: dict) -> list[str]:
    kind = q["type"]
    lines = []
    if kind in ("single", "multiple"):
        for c in q["choices"]:
            fraction = float(c["fraction"])
            if kind == "single" and fraction == 100:
                prefix = "="
            else:
                prefix = "~" + (
                    "" if kind == "single" and fraction == 0 else _weight_prefix(fraction)
                )
            text = _escape_plain_in_html(c["text"])
            lines.append(f"{prefix}{text}{_feedback(c.get('feedback', ''))}")
    elif kind == "truefalse":
        choices = q["choices"]
        true_right = float(choices[0]["fraction"]) == 100 if choices else True
        right = choices[0 if true_right else 1].get("feedback", "") if len(choices) == 2 else ""
        wrong = choices[1 if true_right else 0].get("feedback", "") if len(choices) == 2 else ""
        line = "TRUE" if true_right else "FALSE"
        if wrong or right:
            line += f"#{_escape_plain_in_html(wrong)}#{_escape_plain_in_html(right)}"
        lines.append(line)
    elif kind == "short":
        for c in q["choices"]:
            text = _escape(c["text"])
            lines.append(
                f"={_weight_prefix(float(c['fraction']))}{text}{_feedback(c.get('feedback', ''))}"
            )
    elif kind == "numerical":
        lines.append("#")
        for c in q["choices"]:
            value = f"{_escape(c['text'])}:{num_str(float(c.get('tolerance') or 0))}"
            prefix = _weight_prefix(float(c["fraction"]))
            lines.append(f"={prefix}{value}{_feedback(c.get('feedback', ''))}")
    elif kind == "matching":
        for p in q["pairs"]:
            lines.append(f"={_escape_plain_in_html(p['prompt'])} -> {_escape(p['answer'])}")
    elif kind == "ordering":
        # Moodle qtype_ordering's header, then the items in the right order, one per line.
        lines.append(f">{len(q['pairs'])} ALL VERTICAL ABSOLUTE_POSITION SHOW")
        for p in q["pairs"]:
            lines.append(_escape_plain_in_html(p["prompt"]))
    return lines


# GIFT writes every type Kalan has (the README's coverage table).
EXPORTED_TYPES = TYPES


def export_refusal(question: dict) -> str | None:
    """Why `question` cannot be written in GIFT, or None (see interop.export_file)."""
    if question.get("type") not in EXPORTED_TYPES:
        return _("type inconnu de GIFT")
    return None


def export(questions: list[dict]) -> bytes:
    """ParsedQuestion dicts → GIFT (UTF-8). A question `export_refusal` refuses is left out
    with a comment saying why; interop.export_file reports it to whoever exports."""
    blocks = []
    category = None
    for q in questions:
        name = q.get("name", "")
        reason = export_refusal(q)
        if reason:
            comment = "// " + _("Question « %(name)s » (%(type)s) : %(reason)s.") % {
                "name": name,
                "type": q.get("type"),
                "reason": reason,
            }
            blocks.append(comment.replace("\n", " "))
            continue
        if list(q.get("category") or []) != category:
            if category is not None or q.get("category"):
                blocks.append(f"$CATEGORY: {join_category(q.get('category') or [])}")
            category = list(q.get("category") or [])
        header = f"// question: {name}".replace("\n", " ")
        max_score = float(q.get("max_score", 1))
        if max_score != 1 and q["type"] != "description":
            header += f"\n// max_score: {num_str(max_score)}"
        if q["type"] == "description":
            # Text with no answer block (no general feedback: GIFT has nowhere to put it).
            blocks.append(f"{header}\n::{_escape(name)}::[html]{_escape(q.get('text', ''))}")
            continue
        answers = _export_answers(q)
        opening = f"{header}\n::{_escape(name)}::[html]{_escape(q.get('text', ''))}{{"
        if q["type"] == "ordering":
            # Moodle's ordering plugin reads its header only right after the brace.
            opening += answers.pop(0)
        body = [opening, *(f"\t{line}" for line in answers)]
        if q.get("general_feedback"):
            body.append(f"\t####{_escape_plain_in_html(q['general_feedback'])}")
        body.append("}")
        blocks.append("\n".join(body))
    return ("\n\n".join(blocks) + "\n").encode("utf-8")
