"""Rich text of a package as Markdown, and back.

Markdown → Wagtail rich text: markdown-it-py (CommonMark, raw HTML off: `<script>` in a
package is text, never markup), limited to the features of the target field; anything else
(a quote, code, an image, a heading level the field does not offer) is a problem reported
with its line. Links: `page:KEY` is a page of the package, `media/NAME` a document of the
package, `https://…` or `mailto:` an outside address.

Wagtail rich text → Markdown: the stored HTML holds only the tags of the editor's features,
so the export walks it with the standard library's HTML parser and writes the one Markdown
form that the import reads back to the same HTML. Its output is canonical: an export of what
an import made from an export is the same bytes.

The parser is built at its first use, in the Celery job or the command that imports: the web
processes, which load this module through the job registry, never load markdown-it.
"""

import functools
import re
from collections.abc import Callable
from html.parser import HTMLParser

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

LINK_SCHEMES = ("http://", "https://", "mailto:")


@functools.cache
def markdown_parser():
    """The one MarkdownIt of the process (it is not changed after this)."""
    from markdown_it import MarkdownIt
    from mdit_py_plugins.container import container_plugin

    md = MarkdownIt("commonmark", {"html": False})
    # `::: type` … `:::` containers hold the lesson's structured blocks (packages/lessons.py).
    md.use(container_plugin, name="block", validate=lambda params, *args: True)
    md.add_render_rule("softbreak", lambda *args: " ")
    md.add_render_rule("hardbreak", lambda *args: "<br/>")
    return md


_BLOCK_TOKENS = {
    "paragraph_open": None,
    "paragraph_close": None,
    "inline": None,
    "bullet_list_open": "ul",
    "bullet_list_close": "ul",
    "ordered_list_open": "ol",
    "ordered_list_close": "ol",
    "list_item_open": None,
    "list_item_close": None,
}
_INLINE_TOKENS = {
    "text": None,
    "softbreak": None,
    "hardbreak": None,
    "strong_open": "bold",
    "strong_close": "bold",
    "em_open": "italic",
    "em_close": "italic",
    "link_open": "link",
    "link_close": "link",
}
# Lazy: read at import, shown in the language of whoever imports.
_NAMES = {
    "blockquote_open": gettext_lazy("citation (>)"),
    "code_block": gettext_lazy("bloc de code"),
    "fence": gettext_lazy("bloc de code"),
    "code_inline": gettext_lazy("code (`…`)"),
    "image": gettext_lazy("image Markdown (utilisez un bloc ::: image)"),
    "hr": gettext_lazy("ligne de séparation"),
    "heading_open": gettext_lazy("titre"),
    "html_block": gettext_lazy("HTML"),
    "html_inline": gettext_lazy("HTML"),
    "container_block_open": gettext_lazy("bloc :::"),
}


def _unsupported(token) -> str:
    name = _NAMES.get(token.type, token.type)
    if token.type == "heading_open":
        name = _("titre de niveau %(n)s") % {"n": token.tag[1:]}
    return _("élément non pris en charge ici : %(what)s.") % {"what": name}


LinkResolver = Callable[[str], dict | None]


def tokens_to_html(tokens, *, features, resolve: LinkResolver, report, line: int) -> str:
    """HTML of block tokens. `report(line, message)` receives each problem; `resolve(href)`
    returns the attributes of a link (None: unknown target, reported)."""
    for token in tokens:
        at = line + (token.map[0] if token.map else 0)
        if token.map:
            current = at
        if token.type in _BLOCK_TOKENS:
            feature = _BLOCK_TOKENS[token.type]
            if feature and feature not in features:
                report(at, _unsupported(token) + " " + _("(liste)"))
        elif token.type in ("heading_open", "heading_close"):
            if token.tag not in features and token.type == "heading_open":
                report(at, _unsupported(token))
        elif not token.type.endswith("_close"):
            report(at, _unsupported(token))
        for child in token.children or []:
            if child.type not in _INLINE_TOKENS:
                report(current, _unsupported(child))
                continue
            feature = _INLINE_TOKENS[child.type]
            if feature and feature not in features:
                report(current, _unsupported(child))
            if child.type == "link_open":
                # The written href, kept: the tokens are rendered again once every page of
                # the package exists (a link to a page further on).
                href = child.meta.setdefault("href", child.attrGet("href") or "")
                attrs = resolve(href)
                if attrs is None:
                    report(current, _("lien « %(href)s » : cible inconnue.") % {"href": href})
                    attrs = {"href": "#"}
                child.attrs = dict(attrs)
    md = markdown_parser()
    html = md.renderer.render(tokens, md.options, {})
    return html.replace("\n", "")


def markdown_to_html(text: str, *, features, resolve: LinkResolver, report, line: int) -> str:
    return tokens_to_html(
        markdown_parser().parse(text), features=features, resolve=resolve, report=report, line=line
    )


def outside_link(href: str) -> dict | None:
    if href.startswith(LINK_SCHEMES):
        return {"href": href}
    return None


# --- HTML → Markdown ---------------------------------------------------------------------


class _Node:
    def __init__(self, tag: str, attrs: dict | None = None):
        self.tag = tag
        self.attrs = attrs or {}
        self.children: list = []


class _TreeBuilder(HTMLParser):
    VOID = {"br", "embed", "img", "hr"}

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.root = _Node("root")
        self.stack = [self.root]

    def handle_starttag(self, tag, attrs):
        node = _Node(tag, {k: v or "" for k, v in attrs})
        self.stack[-1].children.append(node)
        if tag not in self.VOID:
            self.stack.append(node)

    def handle_startendtag(self, tag, attrs):
        self.stack[-1].children.append(_Node(tag, {k: v or "" for k, v in attrs}))

    def handle_endtag(self, tag):
        for index in range(len(self.stack) - 1, 0, -1):
            if self.stack[index].tag == tag:
                del self.stack[index:]
                return

    def handle_data(self, data):
        self.stack[-1].children.append(data)


_SPECIAL = re.compile(r"([\\`*_\[\]<>])")
_ENTITY = re.compile(r"&(?=#?[A-Za-z0-9]+;)")
_LINE_START = re.compile(r"^(\s*)(?:([#+\-=])|(\d+)([.)]))")


def escape_markdown(text: str) -> str:
    text = _SPECIAL.sub(r"\\\1", text)
    return _ENTITY.sub(r"\\&", text)


def _escape_line_start(text: str) -> str:
    def repl(match):
        if match.group(2):
            return match.group(1) + "\\" + match.group(2)
        return match.group(1) + match.group(3) + "\\" + match.group(4)

    return _LINE_START.sub(repl, text)


HrefWriter = Callable[[dict], str | None]


class _Writer:
    def __init__(self, href: HrefWriter):
        self.href = href

    def inline(self, nodes) -> str:
        parts = []
        for node in nodes:
            if isinstance(node, str):
                parts.append(re.sub(r"\s+", " ", node))
                continue
            if node.tag == "br":
                parts.append("\\\n")
                continue
            inner = self.inline(node.children)
            marker = {"strong": "**", "b": "**", "em": "*", "i": "*"}.get(node.tag)
            if marker:
                core = inner.strip()
                if core:
                    lead = " " if inner[:1].isspace() else ""
                    trail = " " if inner[-1:].isspace() else ""
                    parts.append(f"{lead}{marker}{core}{marker}{trail}")
                else:
                    parts.append(inner)
            elif node.tag == "a":
                href = self.href(node.attrs)
                # A link to a page outside the package has no address there: its text stays.
                parts.append(f"[{inner.strip()}]({href})" if href else inner)
            else:
                parts.append(inner)
        return "".join(parts)

    def text(self, nodes, *, heading: bool = False) -> str:
        """Inline content with its Markdown specials escaped (links and markers kept)."""
        escaped = [_escape_nodes(node) for node in nodes]
        text = re.sub(r" {2,}", " ", self.inline(escaped)).strip()
        return text if heading else _escape_line_start(text)

    def blocks(self, nodes, indent: str = "") -> list[str]:
        out, loose = [], []

        def flush():
            text = self.text(loose)
            if text:
                out.append(text)
            loose.clear()

        for node in nodes:
            if isinstance(node, str) or node.tag not in ("p", "h2", "h3", "h4", "ul", "ol"):
                loose.append(node)
                continue
            flush()
            if node.tag == "p":
                text = self.text(node.children)
                if text:
                    out.append(text)
            elif node.tag in ("h2", "h3", "h4"):
                out.append("#" * int(node.tag[1]) + " " + self.text(node.children, heading=True))
            else:
                out.append(self.list(node))
        flush()
        return out

    def list(self, node) -> str:
        lines, number = [], 0
        for item in node.children:
            if isinstance(item, str) or item.tag != "li":
                continue
            number += 1
            marker = f"{number}. " if node.tag == "ol" else "- "
            pad = " " * len(marker)
            inline = [c for c in item.children if isinstance(c, str) or c.tag not in ("ul", "ol")]
            nested = [c for c in item.children if not isinstance(c, str) and c.tag in ("ul", "ol")]
            content = "\n\n".join(self.blocks(inline)) or ""
            first, *rest = content.split("\n") if content else [""]
            lines.append((marker + first).rstrip())
            lines += [(pad + line) if line else "" for line in rest]
            for sub in nested:
                lines += [(pad + line) if line else "" for line in self.list(sub).split("\n")]
        return "\n".join(lines)


def _escape_nodes(node):
    if isinstance(node, str):
        return escape_markdown(re.sub(r"\s+", " ", node))
    copy = _Node(node.tag, node.attrs)
    copy.children = [_escape_nodes(child) for child in node.children]
    return copy


def html_to_markdown(html: str, *, href: HrefWriter) -> str:
    """The canonical Markdown of a rich text value: blocks separated by a blank line."""
    builder = _TreeBuilder()
    builder.feed(html or "")
    builder.close()
    return "\n\n".join(_Writer(href).blocks(builder.root.children))
