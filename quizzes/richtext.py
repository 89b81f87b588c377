"""HTML from outside (Moodle imports, pasted text, rows written before this check) reduced to what
Wagtail's rich text editor lets an editor write in the same field, with nh3 (ammonia).

The allow-list is read from the field's declared features through Wagtail's own feature
registry (its "editorhtml" whitelist rules), so a field that gains a feature gains its tags here
too. `Question.text` (bold, italic, ol, ul, image, document-link) keeps p, br, div, b, strong, i,
em, ol, ul, li, Wagtail image embeds and Wagtail document links (`<a linktype="document"
id="…">`); everything else (script, iframe, meta, form controls, event attributes, style,
outside images and links, whose text stays) is dropped.

Images: only Wagtail's own `<embed embedtype="image" id="…" format="…" alt="…"/>` survives,
so a page never loads an image from elsewhere; an `<img>` (outside URL or data: URI) is removed.
Moodle's `@@PLUGINFILE@@` images are turned into Wagtail images by the importer
(quizzes/bank.py) before this runs, and its links to joined files into documents. Page links
and other embed types are not kept: no field cleaned here declares them."""

import html
import re
from functools import cache

import nh3
from wagtail.rich_text import features as feature_registry
from wagtail.rich_text.rewriters import extract_attrs

# Elements whose content is meaningless or dangerous as text: removed with what they hold.
DROPPED_WITH_CONTENT = frozenset(
    {
        "script",
        "style",
        "iframe",
        "object",
        "template",
        "noscript",
        "noembed",
        "noframes",
        "textarea",
        "select",
        "title",
        "svg",
        "math",
        "xmp",
    }
)
URL_SCHEMES = frozenset({"http", "https", "mailto", "tel"})
# Draftail writes a block key on every block; keeping it keeps inline comments anchored.
BLOCK_KEY = "data-block-key"
# nh3 escapes ">" inside attribute values, so in its output an embed tag ends at the first ">".
_EMBED = re.compile(r"<embed\b([^>]*)>")
# nh3 writes HTML's "<br>"; Wagtail's editor reads only "<br/>" (its own storage format) and
# fails on the other with « Unmatched tags: expected br, got p »: the question's edit page
# answered 500 for any imported text with a line break.
_LINE_BREAK = re.compile(r"<br\s*/?>")


def _image_formats() -> list[str]:
    from wagtail.images.formats import get_image_formats

    return [image_format.name for image_format in get_image_formats()]


def _allow_list(features: tuple[str, ...]) -> tuple[set[str], set[str]]:
    """The tags and the embed types Wagtail's editor allows for `features`."""
    # Imported here: Wagtail's admin converters load models, and models.py imports this module.
    from wagtail.admin.rich_text.converters.editor_html import (
        BASE_WHITELIST_RULES,
        EmbedTypeRule,
        LinkTypeRule,
        WhitelistRule,
    )

    tags = {name for name in BASE_WHITELIST_RULES if not name.startswith("[")}
    embed_types: set[str] = set()
    for feature in features:
        for rule in feature_registry.get_converter_rule("editorhtml", feature) or []:
            if isinstance(rule, WhitelistRule):
                tags.add(rule.element)
            elif isinstance(rule, EmbedTypeRule) and rule.embed_type == "image":
                embed_types.add(rule.embed_type)
            elif isinstance(rule, LinkTypeRule) and rule.link_type == "document":
                # Wagtail's own document links: `<a linktype="document" id="…">`.
                embed_types.add(DOCUMENT_LINK)
    return tags, embed_types


DOCUMENT_LINK = "document-link"
# In nh3's output an <a> never nests in another and its attributes end at the first ">".
_LINK = re.compile(r"<a\b([^>]*)>(.*?)</a>", re.DOTALL)


def field_tags(features) -> frozenset[str]:
    """The plain tags (no embeds) that `features` allow."""
    return frozenset(_allow_list(tuple(features))[0])


@cache
def _cleaner(features: tuple[str, ...]) -> tuple[nh3.Cleaner, frozenset[str]]:
    """The nh3 cleaner for a field's features, and the embed types they allow."""
    tags, embed_types = _allow_list(features)
    attributes: dict[str, set[str]] = {"*": {BLOCK_KEY}}
    tag_values: dict[str, dict[str, set[str]]] = {}
    if "a" in tags:
        attributes["a"] = {"href"}
    if DOCUMENT_LINK in embed_types:
        tags.add("a")
        attributes["a"] = attributes.get("a", set()) | {"id"}
        tag_values["a"] = {"linktype": {"document"}}
    if "image" in embed_types:
        tags.add("embed")
        attributes["embed"] = {"id", "alt"}
        tag_values["embed"] = {"embedtype": {"image"}, "format": set(_image_formats())}

    def attribute_filter(element: str, attribute: str, value: str) -> str | None:
        if element in ("embed", "a") and attribute == "id":
            return value if value.isdigit() else None
        return value

    cleaner = nh3.Cleaner(
        tags=tags,
        clean_content_tags=set(DROPPED_WITH_CONTENT - tags),
        attributes=attributes,
        tag_attribute_values=tag_values,
        attribute_filter=attribute_filter,
        url_schemes=set(URL_SCHEMES),
        link_rel=None,
        strip_comments=True,
    )
    return cleaner, frozenset(embed_types)


def _embed_canonical(match: re.Match, *, embed_types: frozenset[str], default_format: str) -> str:
    """Wagtail renders only `<embed …/>` (its rewriter looks for "/>") and fails on an image
    embed without an id or a format: anything short of that is dropped or completed."""
    attrs = extract_attrs(match.group(1))
    if attrs.get("embedtype") not in embed_types or not attrs.get("id"):
        return ""
    return '<embed embedtype="image" id="{}" format="{}" alt="{}"/>'.format(
        attrs["id"],
        _attribute(attrs.get("format") or default_format),
        _attribute(attrs.get("alt", "")),
    )


def _link_canonical(match: re.Match) -> str:
    """A document link as Wagtail writes it; a link that is not one (no id, an outside
    address in a field without the "link" feature…) keeps only its text."""
    attrs = extract_attrs(match.group(1))
    if attrs.get("linktype") == "document" and attrs.get("id", "").isdigit():
        return f'<a linktype="document" id="{attrs["id"]}">{match.group(2)}</a>'
    if "href" in attrs and "linktype" not in attrs and "id" not in attrs:
        return match.group(0)  # a field with the "link" feature: nh3 checked the address
    return match.group(2)


def _attribute(value: str) -> str:
    # The escapes Wagtail's extract_attrs() undoes, and no others.
    return html.escape(value, quote=False).replace('"', "&quot;")


def richtext_clean(value: str, *, features) -> str:
    """`value` with only what the rich text editor allows for `features`; idempotent."""
    if not value:
        return ""
    cleaner, embed_types = _cleaner(tuple(features or feature_registry.get_default_features()))
    cleaned = cleaner.clean(value)
    if DOCUMENT_LINK in embed_types and "<a" in cleaned:
        cleaned = _LINK.sub(_link_canonical, cleaned)
    if "<embed" in cleaned:
        default_format = (_image_formats() or ["fullwidth"])[0]
        cleaned = _EMBED.sub(
            lambda match: _embed_canonical(
                match, embed_types=embed_types, default_format=default_format
            ),
            cleaned,
        )
    return _LINE_BREAK.sub("<br/>", cleaned)


def field_clean(model, field_name: str, value: str) -> str:
    """`value` cleaned for the rich text field `field_name` of `model`, by its features."""
    return richtext_clean(value, features=model._meta.get_field(field_name).features)


def plain_text(value: str) -> str:
    """HTML reduced to its text (tags removed, the content of scripts and the like too),
    unescaped: for fields that hold plain text and are escaped when shown."""
    if not value:
        return ""
    return html.unescape(nh3.clean(value, tags=set(), clean_content_tags=set(DROPPED_WITH_CONTENT)))
