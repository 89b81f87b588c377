"""Moodle XML format: parse (Moodle XML → ParsedQuestion dicts) and export.

See quizzes/interop/__init__.py for the ParsedQuestion format and the error policy. The XML is
read with defusedxml and any DTD is refused, which stops XXE and entity expansion (billion
laughs). Whole-file problems raise ImportFormatError: over KALAN_UPLOAD_MAX_SIZE (« Le fichier
dépasse 10 Mo. »), DTD or entities (« Fichier XML refusé : entités ou DTD interdites. »),
malformed XML (« XML invalide : ligne N, colonne M … »), a root other than <quiz>. A bad
question becomes one message in ParseResult.errors, e.g. an answer grade that Moodle does not
allow (33 % instead of 33,33333 %), as Moodle's own importer refuses it.

Files (<file encoding="base64">, at most MAX_FILE_BYTES each): those the question text shows
(<img src="@@PLUGINFILE@@/name">, names URL-encoded as Moodle writes them) or links to
(<a href="@@PLUGINFILE@@/name">, a document of a type Wagtail accepts) go into its "images";
quizzes/bank.py makes them Wagtail images and documents. Every other file, and everything else
Kalan does not keep (an image in feedback, units, usecase, hints' options, unknown elements…),
is named with the question and its line in ParseResult.warnings. Export writes the files next
to the question text, as Moodle does.
"""

import base64
import binascii
import html
import re
import xml.etree.ElementTree as ET  # only builds the export; parsing uses defusedxml
from urllib.parse import unquote
from xml.parsers import expat

from defusedxml import DefusedXmlException
from defusedxml.ElementTree import ParseError, fromstring
from django.utils.translation import gettext as _

from . import (
    FALSE_LABEL,
    TRUE_LABEL,
    ImportFormatError,
    ParseResult,
    QuestionError,
    answers_cap_check,
    check_size,
    default_name,
    finite,
    html_to_plain,
    join_category,
    max_questions,
    num_str,
    plain_to_html,
    question_label,
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
DEFAULT_PENALTY = 0.3333333


MAX_FILE_BYTES = 2 * 1024 * 1024
_PLUGINFILE = "@@PLUGINFILE@@/"
_IMG = re.compile(r"<img\b[^>]*>", re.IGNORECASE)
_LINK = re.compile(r"<a\b[^>]*>", re.IGNORECASE)
_URL = re.compile(r"""\b(?:src|href)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))""", re.IGNORECASE)
_COMBINED = {
    "correctfeedback": "correct_feedback",
    "partiallycorrectfeedback": "partially_correct_feedback",
    "incorrectfeedback": "incorrect_feedback",
}
COMBINED_TYPES = ("single", "multiple", "matching", "ordering")
_COMMON_TAGS = {"name", "questiontext", "generalfeedback", "defaultgrade", "penalty", "hidden"}
_COMMON_TAGS |= {"idnumber", "tags", "hint"}
_CHOICE_TAGS = {"single", "shuffleanswers", "answernumbering", "showstandardinstruction", "answer"}
_TYPE_TAGS = {
    "single": _CHOICE_TAGS | set(_COMBINED) | {"shownumcorrect"},
    "multiple": _CHOICE_TAGS | set(_COMBINED) | {"shownumcorrect"},
    "truefalse": {"answer"},
    "short": {"usecase", "answer"},
    "numerical": {"answer", "units", "unitgradingtype", "unitpenalty", "showunits", "unitsleft"},
    "matching": {"shuffleanswers", "subquestion", "shownumcorrect", *_COMBINED},
    "ordering": {"layouttype", "selecttype", "selectcount", "gradingtype", "showgrading"}
    | {"numberingstyle", "answer", "shownumcorrect", *_COMBINED},
    # An essay's <answer> is Moodle's empty placeholder; its options are read or reported in
    # _Reader.options.
    "essay": {"responseformat", "responserequired", "responsefieldlines", "attachments"}
    | {"attachmentsrequired", "maxbytes", "filetypeslist", "minwordlimit", "maxwordlimit"}
    | {"graderinfo", "responsetemplate", "answer"},
    "description": set(),
}
# qtype_ordering's options that Kalan's ordering follows (all the items, one column, graded on
# each item's absolute position); any other value is reported.
_ORDERING_DEFAULTS = {
    "layouttype": ("VERTICAL", "0"),
    "selecttype": ("ALL", "0"),
    "gradingtype": ("ABSOLUTE_POSITION", "0"),
    "showgrading": ("SHOW", "1", "TRUE", "YES"),
    "numberingstyle": ("none",),
}


def _grade_allowed(fraction: float) -> bool:
    # Moodle's match_grade_options(): |grade - option| < 0.00001, as fractions of 1.
    return any(abs(fraction - option) < 0.001 for option in ALLOWED_GRADES)


def _text(element, path: str = "text") -> str:
    if element is None:
        return ""
    found = element.find(path)
    return (found.text or "") if found is not None else ""


def _flag(element, tag: str, default: bool) -> bool:
    found = element.find(tag)
    if found is None:
        return default
    value = (found.text or "").strip().lower()
    # Moodle writes <shownumcorrect/> (empty: set) and <shuffleanswers>true|1</shuffleanswers>.
    return (
        value in ("", "1", "true", "yes")
        if tag in ("shownumcorrect", "clearwrong")
        else (value in ("1", "true", "yes"))
    )


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


def _url(tag: str) -> str:
    match = _URL.search(tag)
    if not match:
        return ""
    return html.unescape(next(group for group in match.groups() if group is not None)).strip()


def _file_name(url: str) -> str:
    """``@@PLUGINFILE@@/sch%C3%A9ma.png`` → ``schéma.png`` (Moodle writes names URL-encoded)."""
    return unquote(url.removeprefix(_PLUGINFILE).split("?")[0])


def _document_extensions() -> list[str]:
    """The file types a question may link to: those of Wagtail's documents."""
    from django.conf import settings

    return list(getattr(settings, "WAGTAILDOCS_EXTENSIONS", None) or ["pdf", "txt"])


def _decode(file, name: str, line: int | None) -> bytes:
    where = " " + _("(ligne %(line)d)") % {"line": line} if line else ""
    if (file.get("encoding") or "base64") != "base64":
        raise QuestionError(
            _("fichier « %(name)s »%(where)s : seul l’encodage base64 est lu.")
            % {"name": name, "where": where}
        )
    encoded = "".join((file.text or "").split())
    if len(encoded) * 3 // 4 > MAX_FILE_BYTES:
        raise QuestionError(
            _("fichier « %(name)s »%(where)s : plus de %(size)d Mo, la limite d’un fichier joint.")
            % {"name": name, "where": where, "size": MAX_FILE_BYTES // (1024 * 1024)}
        )
    try:
        return base64.b64decode(encoded, validate=True)
    except (binascii.Error, ValueError):
        raise QuestionError(
            _("fichier « %(name)s »%(where)s : base64 illisible.") % {"name": name, "where": where}
        ) from None


class _Reader:
    """Reads one <question>, noting in `losses` whatever Kalan does not keep."""

    def __init__(self, node, lines: dict[int, int]):
        self.node = node
        self.lines = lines
        self.losses: list[str] = []

    def lose(self, what: str) -> None:
        if what not in self.losses:
            self.losses.append(what)

    def line(self, element) -> int | None:
        return self.lines.get(id(element))

    def plain(self, element, where: str) -> str:
        """A text reduced to plain text, its files and images reported by name."""
        if element is None:
            return ""
        self.files_lost(element, where)
        return _formatted_plain(element)

    def files_lost(self, element, where: str) -> None:
        html_text = _text(element)
        images = set()  # a file that an image shows is named once, as that image
        for tag in _IMG.findall(html_text):
            url = _url(tag)
            name = _file_name(url) if url.startswith(_PLUGINFILE) else url
            images.add(name)
            self.lose(
                _("image « %(name)s » (%(where)s) ignorée : seul l’énoncé garde ses images")
                % {"name": name, "where": where}
            )
        for file in element.findall("file"):
            name = (file.get("name") or "").strip()
            if name and name not in images:
                self.lose(
                    _("fichier « %(name)s » (%(where)s) ignoré : seul l’énoncé garde ses images")
                    % {"name": name, "where": where}
                )

    def question_text(self) -> tuple[str, list[dict]]:
        """The question text (HTML) and the files it shows (images) or links to (documents
        of an accepted type); other links, outside images and unused files are reported."""
        element = self.node.find("questiontext")
        text = _formatted_html(element)
        if element is None:
            return text, []
        files = {}
        for file in element.findall("file"):
            name = (file.get("name") or "").strip()
            if name and name not in files:
                files[name] = file
        shown = []
        for tag in _IMG.findall(text):
            url = _url(tag)
            if not url.startswith(_PLUGINFILE):
                self.lose(
                    _(
                        "image externe « %(url)s » ignorée : seules les images jointes au "
                        "fichier sont reprises"
                    )
                    % {"url": url[:80]}
                )
            elif _file_name(url) not in files:
                self.lose(
                    _("image « %(name)s » absente du fichier, ignorée") % {"name": _file_name(url)}
                )
            elif _file_name(url) not in shown:
                shown.append(_file_name(url))
        linked, refused = [], []
        accepted = _document_extensions()
        for tag in _LINK.findall(text):
            url = _url(tag)
            name = _file_name(url)
            if not url.startswith(_PLUGINFILE):
                if url:
                    self.lose(
                        _("lien « %(url)s » ignoré (le texte du lien est gardé)")
                        % {"url": url[:80]}
                    )
            elif name not in files:
                self.lose(
                    _(
                        "lien vers le fichier « %(name)s » absent du fichier, ignoré (le texte "
                        "du lien est gardé)"
                    )
                    % {"name": name}
                )
            elif name.rpartition(".")[2].lower() not in accepted:
                refused.append(name)
                self.lose(
                    _(
                        "lien vers le fichier « %(name)s » ignoré : les documents acceptés sont "
                        "%(types)s (le texte du lien est gardé)"
                    )
                    % {"name": name, "types": ", ".join(accepted)}
                )
            elif name not in linked and name not in shown:
                linked.append(name)
        for name in files:
            if name not in shown and name not in linked and name not in refused:
                self.lose(
                    _("fichier « %(name)s » joint à l’énoncé mais pas affiché, ignoré")
                    % {"name": name}
                )
        # The images it shows, then the documents it links to (Wagtail documents).
        kept = [
            {"name": name, "data": _decode(files[name], name, self.line(files[name]))}
            for name in [*shown, *linked]
        ]
        return text, kept

    def fraction(self, answer) -> float:
        value = finite(answer.get("fraction", "0"), _("La note"))
        if not _grade_allowed(value):
            raise QuestionError(
                _(
                    "la note %(grade)s %% de la réponse « %(answer)s » n’est pas une valeur de "
                    "Moodle (par exemple 33,33333 et non 33)."
                )
                % {"grade": num_str(value), "answer": _formatted_plain(answer)[:60]}
            )
        return value

    def feedback(self, answer, label: str) -> str:
        return self.plain(
            answer.find("feedback"),
            _("retour de la réponse « %(answer)s »") % {"answer": label[:40]},
        )

    def answers(self, kind: str) -> tuple[list[dict], list[dict]]:
        node = self.node
        choices, pairs = [], []
        answers = node.findall("answer")
        if kind in ("single", "multiple"):
            for a in answers:
                text = _formatted_plain(a)
                self.files_lost(a, _("réponse « %(answer)s »") % {"answer": text[:40]})
                choices.append(_choice(text, self.fraction(a), self.feedback(a, text)))
        elif kind == "truefalse":
            by_value = {}
            for a in answers:
                value = _text(a).strip().lower()
                if value not in ("true", "false") or value in by_value:
                    raise QuestionError(
                        _("une question vrai/faux a une réponse « %(true)s » et une « %(false)s ».")
                        % {"true": "true", "false": "false"}
                    )
                by_value[value] = a
            if len(by_value) != 2:
                raise QuestionError(
                    _("une question vrai/faux a une réponse « %(true)s » et une « %(false)s ».")
                    % {"true": "true", "false": "false"}
                )
            for value, label in (("true", TRUE_LABEL), ("false", FALSE_LABEL)):
                a = by_value[value]
                choices.append(_choice(label, self.fraction(a), self.feedback(a, label)))
        elif kind == "short":
            for a in answers:
                text = _text(a).strip()
                choices.append(_choice(text, self.fraction(a), self.feedback(a, text)))
        elif kind == "numerical":
            for a in answers:
                value = _text(a).strip()
                if value == "*":
                    self.lose(
                        _(
                            "réponse « * » (toute autre valeur) ignorée, avec sa note et son "
                            "retour : Kalan n’a pas d’équivalent"
                        )
                    )
                    continue
                finite(value, _("La valeur"))
                tolerance = abs(_number(a, "tolerance", 0.0))
                choices.append(_choice(value, self.fraction(a), self.feedback(a, value), tolerance))
        elif kind == "matching":
            for sub in node.findall("subquestion"):
                prompt = _formatted_plain(sub)
                self.files_lost(sub, _("élément « %(item)s »") % {"item": prompt[:40]})
                pairs.append({"prompt": prompt, "answer": _text(sub, "answer/text").strip()})
        elif kind == "ordering":
            items = []
            for index, a in enumerate(answers):
                try:
                    position = float(a.get("fraction", index + 1))
                except ValueError:
                    position = index + 1
                text = _formatted_plain(a)
                self.files_lost(a, _("élément « %(item)s »") % {"item": text[:40]})
                items.append((position, index, text))
            items.sort()
            pairs = [{"prompt": text, "answer": ""} for _pos, _i, text in items]
        return choices, pairs

    def options(self, kind: str) -> None:
        """Reports the type's options that Kalan does not follow, and unknown elements."""
        node = self.node
        known = _COMMON_TAGS | _TYPE_TAGS[kind]
        for child in node:
            if child.tag not in known and ((child.text or "").strip() or len(child)):
                self.lose(
                    _("élément <%(tag)s> (ligne %(line)s) ignoré")
                    % {"tag": child.tag, "line": self.line(child)}
                )
        value = (node.findtext("hidden") or "0").strip()
        if value not in ("0", ""):
            self.lose(
                _("question cachée dans Moodle (%(tag)s) : importée comme les autres")
                % {"tag": "hidden"}
            )
        if kind in ("single", "multiple"):
            numbering = (node.findtext("answernumbering") or "abc").strip()
            if numbering != "abc":
                self.lose(
                    _("numérotation des réponses (%(tag)s « %(value)s ») ignorée")
                    % {"tag": "answernumbering", "value": numbering}
                )
            if (node.findtext("showstandardinstruction") or "0").strip() not in ("0", ""):
                self.lose(
                    _("consigne standard de Moodle (%(tag)s) non reprise")
                    % {"tag": "showstandardinstruction"}
                )
        if kind == "essay":
            # Kalan's essay: a required plain-text answer in a box of 10 lines, no attachment
            # (what the export writes); any other option of Moodle's is named.
            follows = {
                "responseformat": ("plain", "editor"),
                "responserequired": ("1",),
                "responsefieldlines": ("10",),
                "attachments": ("0",),
                "attachmentsrequired": ("0",),
                "minwordlimit": ("0",),
                "maxwordlimit": ("0",),
                "maxbytes": ("0",),
            }
            for tag, same in follows.items():
                value = (node.findtext(tag) or "").strip()
                if value and value not in same:
                    self.lose(
                        _("option de composition <%(tag)s> « %(value)s » non appliquée")
                        % {"tag": tag, "value": value}
                    )
            if (node.findtext("responseformat") or "").strip() == "editor":
                self.lose(
                    _("format de réponse « %(value)s » : réponse en texte simple dans Kalan")
                    % {"value": "editor"}
                )
            filetypes = (node.findtext("filetypeslist") or "").strip()
            if filetypes:
                self.lose(
                    _("option de composition <%(tag)s> « %(value)s » non appliquée")
                    % {"tag": "filetypeslist", "value": filetypes}
                )
        if kind == "short" and (node.findtext("usecase") or "0").strip() not in ("0", ""):
            self.lose(
                _("respect de la casse (%(tag)s) non appliqué : Kalan ignore la casse")
                % {"tag": "usecase"}
            )
        if kind == "numerical":
            units = [
                (unit.findtext("unit_name") or "").strip() for unit in node.findall("units/unit")
            ]
            if units:
                self.lose(
                    _("unités (%(units)s) ignorées, avec leurs options")
                    % {"units": ", ".join(units)}
                )
        if kind == "ordering":
            for tag, allowed in _ORDERING_DEFAULTS.items():
                value = (node.findtext(tag) or "").strip()
                if value and value.upper() not in (a.upper() for a in allowed):
                    self.lose(
                        _("option <%(tag)s> « %(value)s » ignorée") % {"tag": tag, "value": value}
                    )

    def hints(self) -> list[dict]:
        hints = []
        for number, hint in enumerate(self.node.findall("hint"), start=1):
            text = self.plain(hint, _("indice %(n)d") % {"n": number})
            if (hint.findtext("options") or "").strip():
                self.lose(
                    _("options de l’indice %(n)d (%(tag)s) ignorées")
                    % {"n": number, "tag": "options"}
                )
            for child in hint:
                if child.tag not in ("text", "file", "shownumcorrect", "clearwrong", "options"):
                    self.lose(
                        _("élément <%(tag)s> de l’indice %(n)d ignoré")
                        % {"tag": child.tag, "n": number}
                    )
            shownumcorrect = _flag(hint, "shownumcorrect", False)
            clearwrong = _flag(hint, "clearwrong", False)
            if text or shownumcorrect or clearwrong:  # Moodle skips an empty hint too
                hints.append(
                    {"text": text, "shownumcorrect": shownumcorrect, "clearwrong": clearwrong}
                )
        return hints

    def tags(self) -> list[str]:
        tags = []
        for tag in self.node.findall("tags/tag"):
            value = " ".join(_text(tag).split())
            if value and value not in tags:
                tags.append(value)
        return tags


def _choice(text: str, fraction: float, feedback: str, tolerance=None) -> dict:
    return {"text": text, "fraction": fraction, "tolerance": tolerance, "feedback": feedback}


def _kind(node) -> str | None:
    moodle_type = node.get("type", "")
    if moodle_type == "multichoice":
        single = node.findtext("single") or "true"
        return "single" if single.strip().lower() in ("true", "1") else "multiple"
    return _TYPE_NAMES.get(moodle_type)


def _question(reader: _Reader, category: list[str], infos: list[str]) -> dict:
    node = reader.node
    kind = _kind(node)
    text, images = reader.question_text()
    name = _text(node.find("name")).strip() or default_name(text) or _("Question sans titre")
    max_score = _number(node, "defaultgrade", 1.0)
    if max_score < 0:
        raise QuestionError(_("la note par défaut doit être positive."))
    penalty = _number(node, "penalty", DEFAULT_PENALTY)
    if not 0 <= penalty <= 1:
        raise QuestionError(
            _("la pénalité « %(value)s » doit être entre 0 et 1.") % {"value": num_str(penalty)}
        )
    if kind in ("essay", "description"):
        choices, pairs = [], []  # an essay's <answer> is Moodle's empty placeholder
    else:
        choices, pairs = reader.answers(kind)
    reader.options(kind)
    question = {
        "name": name,
        "type": kind,
        "text": text,
        "max_score": 0.0 if kind == "description" else max_score,
        "general_feedback": reader.plain(node.find("generalfeedback"), _("commentaire général")),
        "category": list(category),
        "choices": choices,
        "pairs": pairs,
        "images": images,
        "line": reader.line(node),
        "idnumber": " ".join((node.findtext("idnumber") or "").split())[:100],
        "tags": reader.tags(),
        "hints": reader.hints(),
        "penalty": round(penalty, 7),
        "category_info": list(infos),
    }
    if kind in ("single", "multiple", "matching"):
        question["shuffle_answers"] = _flag(node, "shuffleanswers", True)
    if kind in COMBINED_TYPES:
        for tag, key in _COMBINED.items():
            question[key] = reader.plain(
                node.find(tag), _("retour combiné <%(tag)s>") % {"tag": tag}
            )
        question["show_num_correct"] = _flag(node, "shownumcorrect", False)
    if kind == "essay":
        question["response_template"] = reader.plain(
            node.find("responsetemplate"), _("modèle de réponse")
        )
        question["grader_info"] = reader.plain(
            node.find("graderinfo"), _("consignes de correction")
        )
    return question


def _source_lines(data: bytes, root) -> dict[int, int]:
    """Each element's line in the file. ElementTree keeps no line numbers: a second pass with
    expat (safe: the first pass refused any DTD) lists the start tags in document order, which
    is the order of root.iter()."""
    starts: list[int] = []
    parser = expat.ParserCreate()
    parser.StartElementHandler = lambda _name, _attrs: starts.append(parser.CurrentLineNumber)
    try:
        parser.Parse(bytes(data), True)
    except expat.ExpatError:
        return {}
    return {id(element): line for element, line in zip(root.iter(), starts, strict=False)}


def _root(data: bytes):
    check_size(data)
    try:
        root = fromstring(bytes(data), forbid_dtd=True, forbid_entities=True, forbid_external=True)
    except DefusedXmlException:
        raise ImportFormatError(_("Fichier XML refusé : entités ou DTD interdites.")) from None
    except ParseError as exc:
        line, column = getattr(exc, "position", (0, 0))
        reason = str(exc).split(":")[0]
        raise ImportFormatError(
            _("XML invalide : ligne %(line)s, colonne %(column)s (%(reason)s).")
            % {"line": line, "column": column + 1, "reason": reason}
        ) from None
    except (ValueError, LookupError) as exc:  # unknown or bad encoding declaration
        raise ImportFormatError(
            _("XML invalide : encodage illisible (%(reason)s).") % {"reason": exc}
        ) from None
    if root.tag != "quiz":
        raise ImportFormatError(
            _("Ce n’est pas un fichier Moodle XML : la racine doit être <%(tag)s>.")
            % {"tag": "quiz"}
        )
    return root


def _where(number: int, name: str, line: int | None) -> str:
    return question_label(number, name, line)


def parse(data: bytes) -> ParseResult:
    """Parses a Moodle XML file. Raises ImportFormatError only for the whole file."""
    root = _root(data)
    lines = _source_lines(data, root)
    result = ParseResult()
    category: list[str] = []
    infos: dict[tuple, str] = {}
    declared: dict[tuple, int | None] = {}
    used: set[tuple] = set()
    number = 0
    for node in root.findall("question"):
        moodle_type = node.get("type", "")
        if moodle_type == "category":
            category = split_category(_text(node.find("category")))
            line = lines.get(id(node))
            label = _("Catégorie « %(path)s » (ligne %(line)s)") % {
                "path": "/".join(category) or "$course$",
                "line": line,
            }
            info = node.find("info")
            if info is not None:
                infos[tuple(category)] = _formatted_plain(info)
                declared[tuple(category)] = line
            idnumber = (node.findtext("idnumber") or "").strip()
            if idnumber:
                result.warnings.append(
                    _("%(category)s : identifiant (%(tag)s « %(value)s ») ignoré")
                    % {"category": label, "tag": "idnumber", "value": idnumber}
                )
            for child in node:
                if child.tag not in ("category", "info", "idnumber") and (
                    (child.text or "").strip() or len(child)
                ):
                    result.warnings.append(
                        _("%(category)s : élément <%(tag)s> ignoré")
                        % {"category": label, "tag": child.tag}
                    )
            continue
        number += 1
        if number > max_questions():
            raise too_many_questions()
        name = _text(node.find("name")).strip()
        line = lines.get(id(node))
        if _kind(node) is None:
            label = name or default_name(_formatted_html(node.find("questiontext")))
            result.skipped.append(
                skipped_label(label or _("Question %(n)d") % {"n": number}, moodle_type)
            )
            result.warnings.append(
                _("%(question)s : non importée : type %(type)s non pris en charge")
                % {"question": _where(number, label, line), "type": moodle_type or "?"}
            )
            continue
        reader = _Reader(node, lines)
        path_infos = [infos.get(tuple(category[: i + 1]), "") for i in range(len(category))]
        try:
            # Counted before any answer is built (the caps: quizzes/interop/__init__.py).
            answers_cap_check(len(node.findall("answer")) + len(node.findall("subquestion")))
            question = _question(reader, category, path_infos)
        except QuestionError as exc:
            result.errors.append(
                _("%(question)s : %(reason)s")
                % {"question": _where(number, name, line), "reason": exc}
            )
            continue
        reason = structure_reason(question)
        if reason:
            result.errors.append(
                _("%(question)s : %(reason)s")
                % {"question": _where(number, question["name"], line), "reason": reason}
            )
            continue
        result.questions.append(question)
        used.update(tuple(category[: i + 1]) for i in range(len(category)))
        where = _where(number, question["name"], line)
        result.warnings.extend(
            _("%(question)s : %(reason)s") % {"question": where, "reason": loss}
            for loss in reader.losses
        )
    for path, line in declared.items():
        if infos.get(path) and path not in used:
            result.warnings.append(
                _(
                    "Catégorie « %(path)s » (ligne %(line)s) : aucune question importée, sa "
                    "description est ignorée"
                )
                % {"path": "/".join(path), "line": line}
            )
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
    # As Moodle writes them: the text points at @@PLUGINFILE@@/<URL-encoded name>, the file
    # sits next to it under its plain name.
    for image in q.get("images") or []:
        encoded = base64.b64encode(image["data"]).decode("ascii")
        _sub(questiontext, "file", encoded, name=image["name"], path="/", encoding="base64")
    _text_field(node, "generalfeedback", q.get("general_feedback", ""), "plain_text")
    _sub(node, "defaultgrade", num_str(float(q.get("max_score", 1))))
    _sub(node, "penalty", f"{float(q.get('penalty', DEFAULT_PENALTY)):.7f}")
    _sub(node, "hidden", "0")
    _sub(node, "idnumber", q.get("idnumber") or "")
    choices = q.get("choices") or []
    shuffle = "true" if q.get("shuffle_answers", True) else "false"
    if kind in ("single", "multiple"):
        _sub(node, "single", "true" if kind == "single" else "false")
        _sub(node, "shuffleanswers", shuffle)
        _sub(node, "answernumbering", "abc")
        _combined_feedback(node, q)
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
        _sub(node, "shuffleanswers", shuffle)
        _combined_feedback(node, q)
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
        _combined_feedback(node, q)
        for index, p in enumerate(q.get("pairs") or [], start=1):
            answer = _sub(node, "answer", fraction=str(index), format="plain_text")
            _sub(answer, "text", p["prompt"])
    for hint in q.get("hints") or []:
        element = _text_field(node, "hint", hint.get("text", ""), "plain_text")
        if hint.get("shownumcorrect"):
            _sub(element, "shownumcorrect")
        if hint.get("clearwrong"):
            _sub(element, "clearwrong")
    if q.get("tags"):
        tags = _sub(node, "tags")
        for tag in q["tags"]:
            _sub(_sub(tags, "tag"), "text", tag)


def _combined_feedback(node, q: dict) -> None:
    for tag, key in _COMBINED.items():
        _text_field(node, tag, q.get(key) or "", "plain_text")
    if q.get("show_num_correct"):
        _sub(node, "shownumcorrect")


def _export_category(quiz, path: list[str], info: str) -> None:
    node = _sub(quiz, "question", type="category")
    _sub(_sub(node, "category"), "text", join_category(path))
    _text_field(node, "info", info, "plain_text")


def export(questions: list[dict]) -> bytes:
    """ParsedQuestion dicts → Moodle XML (UTF-8), with a category entry at each change. A
    parent category with a description and no question of its own gets an entry too, before
    its first child, so that its description travels."""
    quiz = ET.Element("quiz")
    category = None
    described = set()
    for q in questions:
        path = list(q.get("category") or [])
        infos = list(q.get("category_info") or [])
        infos += [""] * (len(path) - len(infos))
        if path != category and (category is not None or path):
            for depth in range(1, len(path)):
                if infos[depth - 1] and tuple(path[:depth]) not in described:
                    described.add(tuple(path[:depth]))
                    _export_category(quiz, path[:depth], infos[depth - 1])
            category = path
            described.add(tuple(path))
            _export_category(quiz, path, infos[-1] if path else "")
        _export_question(quiz, q)
    ET.indent(quiz)
    return b'<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(
        quiz, encoding="utf-8", xml_declaration=False
    )
