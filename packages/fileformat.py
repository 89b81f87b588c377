"""The text files of a package: YAML (course.yaml, lesson front matter, block fields) and the
lesson files themselves. README.md documents the format; `FORMAT` is its version.

A lesson file is YAML front matter between two `---` lines, then a Markdown body in which
each block of the lesson is either Markdown text (a « Texte » block; two text blocks in a
row are separated by a `---` line) or a container `::: type` … `:::` whose lines are the
block's fields in YAML."""

import yaml
from django.utils.translation import gettext as _

from .richtext import markdown_parser

FORMAT = "kalan-course/1"


# --- YAML ----------------------------------------------------------------------------------


class _Loader(yaml.SafeLoader):
    """safe_load without aliases: `&a`/`*a` let a few lines expand into gigabytes (« billion
    laughs ») for whoever walks the result. A package has no use for them."""

    def compose_node(self, parent, index):
        if self.check_event(yaml.AliasEvent):
            event = self.peek_event()
            raise yaml.composer.ComposerError(
                None, None, _("les alias YAML (*nom) ne sont pas admis"), event.start_mark
            )
        return super().compose_node(parent, index)


class LineDict(dict):
    """A YAML mapping that knows its line and each key's line (counted from 1)."""

    line = 1
    lines: dict = {}

    def line_of(self, key) -> int:
        return self.lines.get(key, self.line)


def _construct_map(loader, node):
    data = LineDict()
    data.line = node.start_mark.line + 1
    yield data
    data.update(loader.construct_mapping(node))
    data.lines = {
        key.value: key.start_mark.line + 1
        for key, _value in node.value
        if isinstance(key, yaml.ScalarNode)
    }


_Loader.add_constructor("tag:yaml.org,2002:map", _construct_map)


class YamlProblem(Exception):
    def __init__(self, line: int, message: str):
        super().__init__(message)
        self.line = line
        self.message = message


def _reason(problem: str) -> str:
    """PyYAML's reason in French for the mistakes an editor makes; another one as it is."""
    problem = problem or ""
    known = [
        ("could not find expected ':'", _("deux-points (:) attendu après une clé")),
        (
            "mapping values are not allowed here",
            _(
                "deux-points (:) inattendu ici (une valeur qui en contient s’écrit entre "
                "guillemets)"
            ),
        ),
        (
            "found character '\\t' that cannot start any token",
            _("tabulation : l’indentation se fait avec des espaces"),
        ),
        ("found character", _("caractère impossible en début de valeur")),
        (
            "found unexpected end of stream",
            _("fin du texte inattendue (un guillemet ou un crochet non fermé ?)"),
        ),
        ("expected <block end>", _("indentation incohérente")),
        ("did not find expected", _("indentation incohérente")),
        ("expected ',' or ']'", _("liste entre crochets mal fermée")),
        ("expected ',' or '}'", _("table entre accolades mal fermée")),
        ("could not determine a constructor for the tag", _("balise YAML (!…) non admise")),
    ]
    for start, french in known:
        if problem.startswith(start):
            return french
    return problem


def yaml_load(text: str, *, line: int = 1):
    """Parses YAML; a YamlProblem gives the line (counted from `line`) and the reason."""
    try:
        data = yaml.load(text, Loader=_Loader)  # noqa: S506 (a SafeLoader, without aliases)
        _shift(data, line - 1)
        return data
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        where = line + (mark.line if mark else 0)
        reason = _reason(error.problem or error.context or "")
        raise YamlProblem(where, _("YAML illisible : %(reason)s.") % {"reason": reason}) from None
    except yaml.YAMLError as error:
        raise YamlProblem(line, _("YAML illisible : %(reason)s.") % {"reason": error}) from None


def _shift(data, offset: int) -> None:
    if isinstance(data, LineDict):
        data.line += offset
        data.lines = {key: value + offset for key, value in data.lines.items()}
        for value in data.values():
            _shift(value, offset)
    elif isinstance(data, list):
        for value in data:
            _shift(value, offset)


class _Dumper(yaml.SafeDumper):
    pass


def _str(dumper, data):
    return dumper.represent_scalar(
        "tag:yaml.org,2002:str", data, style="|" if "\n" in data else None
    )


_Dumper.add_representer(str, _str)


def yaml_dump(data) -> str:
    return yaml.dump(
        data,
        Dumper=_Dumper,
        allow_unicode=True,
        sort_keys=False,
        width=100,
        default_flow_style=False,
    )


# --- lesson files --------------------------------------------------------------------------

TEXT, MARKDOWN, LIST, INT, URL, MEDIA, BOOL = "text", "md", "list", "int", "url", "media", "bool"

# Each structured block: its fields in the order written, (kind, required).
BLOCK_FIELDS = {
    "key_concept": {"term": (TEXT, True), "definition": (MARKDOWN, True)},
    "legal_reference": {
        "instrument": (TEXT, True),
        "article": (TEXT, False),
        "quote": (TEXT, True),
        "source_url": (URL, False),
    },
    "case_scenario": {
        "title": (TEXT, True),
        "situation": (MARKDOWN, True),
        "questions": (LIST, True),
        "analysis": (MARKDOWN, True),
    },
    "checklist": {"title": (TEXT, True), "do": (LIST, True), "dont": (LIST, True)},
    "remember": {"title": (TEXT, True), "points": (LIST, True)},
    "glossary_term": {"term": (TEXT, True), "definition": (TEXT, True)},
    "video": {
        "title": (TEXT, True),
        "url": (URL, False),
        "duration_minutes": (INT, False),
        "transcript": (MARKDOWN, True),
    },
    "image": {
        "file": (MEDIA, True),
        "alt_text": (TEXT, False),
        "caption": (TEXT, False),
        "credit": (TEXT, False),
    },
    "document": {"file": (MEDIA, True), "title": (TEXT, False), "description": (TEXT, False)},
    "self_check": {
        "question": (TEXT, True),
        "choices": ("choices", True),
        "explanation": (MARKDOWN, False),
    },
}
CHOICE_FIELDS = {"text": (TEXT, True), "correct": (BOOL, False), "feedback": (TEXT, False)}


def split_front_matter(text: str) -> tuple[str, str, int]:
    """(front matter, body, line number of the body's first line); ValueError if absent."""
    lines = text.split("\n")
    if not lines or lines[0].strip() != "---":
        raise ValueError(_("le fichier doit commencer par « --- » et l’en-tête YAML."))
    for index in range(1, len(lines)):
        if lines[index].strip() == "---":
            return "\n".join(lines[1:index]), "\n".join(lines[index + 1 :]), index + 2
    raise ValueError(_("l’en-tête YAML n’est pas fermé par une ligne « --- »."))


def body_parts(body: str, *, first_line: int):
    """The body's blocks in order: ("text", tokens, line of the body's first line: the
    tokens' maps count from it) for Markdown text and
    ("block", (type, yaml text, closed), line) for a container; lines count from 1 in the file."""
    lines = body.split("\n")
    tokens = markdown_parser().parse(body)
    parts, pending = [], []

    def flush():
        nonlocal pending
        if pending:
            parts.append(("text", pending, first_line))
        pending = []

    index = 0
    while index < len(tokens):
        token = tokens[index]
        if token.level == 0 and token.type == "container_block_open":
            flush()
            start, end = token.map
            # The map ends on the closing `:::` line (excluded), or at the end of the body.
            closed = end < len(lines) and lines[end].strip().startswith(":::")
            inner = lines[start + 1 : end]
            parts.append(
                ("block", (token.info.strip(), "\n".join(inner), closed), first_line + start)
            )
            depth = 1
            index += 1
            while index < len(tokens) and depth:
                if tokens[index].type == "container_block_open":
                    depth += 1
                elif tokens[index].type == "container_block_close":
                    depth -= 1
                index += 1
            continue
        if token.level == 0 and token.type == "hr":
            flush()
            index += 1
            continue
        pending.append(token)
        index += 1
    flush()
    return parts


def lesson_file(front: dict, blocks: list[tuple[str, object]]) -> str:
    """Writes a lesson file: `blocks` holds ("paragraph", markdown) or (type, fields dict)."""
    out = ["---", yaml_dump(front).rstrip("\n"), "---", ""]
    previous = None
    for block_type, value in blocks:
        if block_type == "paragraph":
            if previous == "paragraph":
                out += ["---", ""]
            out += [value, ""]
        else:
            out += [f"::: {block_type}", yaml_dump(value).rstrip("\n"), ":::", ""]
        previous = block_type
    return "\n".join(out)
