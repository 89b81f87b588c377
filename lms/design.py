"""The design tokens of static/css/kalan.css, for what cannot read CSS variables.

`:root` of kalan.css is the one place where Kalan's colours, sizes and spacings are written
(static/css/DESIGN.md). Pages use them as `var(--c-…)`; an HTML email cannot (mail clients
ignore custom properties), so it reads the same values from here, parsed from the stylesheet
itself: changing a colour in kalan.css changes it in the emails too."""

from functools import cache
from pathlib import Path

import tinycss2
from django.conf import settings

STYLESHEET = Path(settings.BASE_DIR) / "static" / "css" / "kalan.css"


def root_tokens(css: str) -> dict[str, str]:
    """The custom properties declared by the top-level `:root` rule of `css` (those redefined
    inside a media query are the wider screens' values and are left out)."""
    tokens: dict[str, str] = {}
    for rule in tinycss2.parse_stylesheet(css, skip_comments=True, skip_whitespace=True):
        if rule.type != "qualified-rule" or tinycss2.serialize(rule.prelude).strip() != ":root":
            continue
        for declaration in tinycss2.parse_blocks_contents(
            rule.content, skip_comments=True, skip_whitespace=True
        ):
            if declaration.type == "declaration" and declaration.name.startswith("--"):
                tokens[declaration.name] = tinycss2.serialize(declaration.value).strip()
    return tokens


@cache
def tokens() -> dict[str, str]:
    """kalan.css's `:root` tokens, read once per process: {"--c-brand": "#0b6b3a", …}."""
    return root_tokens(STYLESHEET.read_text(encoding="utf-8"))


def palette() -> dict[str, str]:
    """The colour tokens by short name, for templates: {"brand": "#0b6b3a", "text": …}."""
    return {
        name.removeprefix("--c-").replace("-", "_"): value
        for name, value in tokens().items()
        if name.startswith("--c-")
    }


def palette_context(request) -> dict:
    """Context processor: `kalan_colours.brand` and the others, for a template that cannot
    use kalan.css (the admin's charts, an HTML email rendered with a request)."""
    return {"kalan_colours": palette()}
