"""The design system of static/css/DESIGN.md, held: colours only as tokens, measured contrast,
a visible focus ring, no inline styles, error pages and charts on the same palette."""

import re
from pathlib import Path

import pytest
import tinycss2
import tinycss2.color3
from django.conf import settings
from django.contrib.auth.models import AnonymousUser
from django.test import RequestFactory

from lms import design

BASE = Path(settings.BASE_DIR)
CSS_PATH = BASE / "static" / "css" / "kalan.css"
DESIGN_MD = BASE / "static" / "css" / "DESIGN.md"
TEMPLATES = BASE / "templates"
# Templates allowed to carry styles of their own; each is explained in DESIGN.md.
STYLE_EXCEPTIONS = {"certificates/pdf.html", "workshops/attestation_pdf.html"}
NOT_A_COLOUR = {"currentcolor", "transparent", "inherit", "initial", "unset"}


def css() -> str:
    return CSS_PATH.read_text(encoding="utf-8")


def rules(nodes, media=None):
    """(media prelude or None, selector, declarations) for every style rule, media queries
    opened."""
    for node in nodes:
        if node.type == "at-rule" and node.content is not None:
            inner = tinycss2.parse_rule_list(node.content, skip_comments=True, skip_whitespace=True)
            yield from rules(inner, media=tinycss2.serialize(node.prelude).strip())
        elif node.type == "qualified-rule":
            declarations = [
                d
                for d in tinycss2.parse_blocks_contents(
                    node.content, skip_comments=True, skip_whitespace=True
                )
                if d.type == "declaration"
            ]
            yield media, tinycss2.serialize(node.prelude).strip(), declarations


def stylesheet_rules(text=None):
    parsed = tinycss2.parse_stylesheet(text or css(), skip_comments=True, skip_whitespace=True)
    return list(rules(parsed))


def colour_literals(tokens) -> list[str]:
    """The colours written as such (#hex, a name, rgb()/hsl()…) among CSS component values."""
    found = []
    for token in tokens:
        if token.type == "function":
            if token.lower_name in {"rgb", "rgba", "hsl", "hsla", "hwb", "lab", "lch", "oklch"}:
                found.append(tinycss2.serialize([token]))
                continue
            found += colour_literals(token.arguments)
        elif token.type in {"hash", "ident"}:
            if token.type == "ident" and token.lower_value in NOT_A_COLOUR:
                continue
            if tinycss2.color3.parse_color(token) is not None:
                found.append(tinycss2.serialize([token]))
        elif token.type in {"() block", "[] block", "{} block"}:
            found += colour_literals(token.content)
    return found


def luminance(hex_colour: str) -> float:
    """WCAG 2 relative luminance of an sRGB colour written #rgb or #rrggbb."""
    value = hex_colour.lstrip("#")
    if len(value) == 3:
        value = "".join(c * 2 for c in value)
    channels = [int(value[i : i + 2], 16) / 255 for i in (0, 2, 4)]
    linear = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast(a: str, b: str) -> float:
    high, low = sorted((luminance(a), luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def contrast_table() -> list[tuple[str, str, float, str]]:
    """The rows of DESIGN.md's « Contrast » table: (foreground, background, ratio, kind)."""
    text = DESIGN_MD.read_text(encoding="utf-8")
    section = text.split("## Contrast", 1)[1].split("\n## ", 1)[0]
    row = re.compile(r"^\| `(--c-[\w-]+)` \| `(--c-[\w-]+)` \| ([\d.]+):1 \| (text|non-text) \|")
    return [
        (m[1], m[2], float(m[3]), m[4]) for line in section.splitlines() if (m := row.match(line))
    ]


def test_the_contrast_formula_gives_wcag_values():
    assert contrast("#000", "#fff") == pytest.approx(21)
    assert contrast("#777777", "#777777") == pytest.approx(1)
    assert contrast("#767676", "#ffffff") == pytest.approx(4.54, abs=0.01)  # WCAG's example


def test_the_email_palette_is_kalan_css_root():
    """lms/design.py reads the tokens from the stylesheet: the values an email uses are the
    ones the pages use."""
    tokens = design.tokens()
    assert tokens["--c-brand"] == "#0b6b3a"
    assert tokens["--sp-4"] == "1rem"
    assert design.palette()["brand_dark"] == tokens["--c-brand-dark"]
    assert set(design.palette()) == {
        name.removeprefix("--c-").replace("-", "_") for name in tokens if name.startswith("--c-")
    }
    # The parser keeps the top-level :root only, not a media query's redefinitions.
    sample = (
        ":root { --c-x: #111; --fs-lg: 1rem } @media (min-width: 1px) { :root { --fs-lg: 2rem } }"
    )
    assert design.root_tokens(sample) == {"--c-x": "#111", "--fs-lg": "1rem"}


def test_no_colour_is_written_outside_root():
    offenders = []
    for media, selector, declarations in stylesheet_rules():
        if selector == ":root":
            continue
        for declaration in declarations:
            for literal in colour_literals(declaration.value):
                offenders.append(f"{media or ''} {selector} {{ {declaration.name}: {literal} }}")
    assert not offenders, "Use a var(--c-…) token instead:\n" + "\n".join(offenders)


def test_the_colour_check_finds_every_way_of_writing_a_colour():
    sample = (
        "a { color: #fff } b { border: 1px solid red } i { box-shadow: 0 0 1px rgb(0 0 0 / .5) }"
        " u { color: var(--c-text); outline-color: currentColor; background: transparent }"
    )
    found = [
        literal
        for _, _, declarations in stylesheet_rules(sample)
        for d in declarations
        for literal in colour_literals(d.value)
    ]
    assert found == ["#fff", "red", "rgb(0 0 0 / .5)"]


def test_every_var_names_a_declared_token():
    tokens = design.tokens()
    used = set(re.findall(r"var\((--[\w-]+)\)", css()))
    assert used - set(tokens) == set()


def test_contrast_pairs_meet_wcag_aa_and_match_the_documented_ratios():
    tokens = design.tokens()
    table = contrast_table()
    assert len(table) >= 15
    for foreground, background, documented, kind in table:
        ratio = contrast(tokens[foreground], tokens[background])
        minimum = 4.5 if kind == "text" else 3.0
        assert ratio >= minimum, f"{foreground} on {background}: {ratio:.2f}:1 < {minimum}:1"
        assert round(ratio, 1) == documented, (
            f"DESIGN.md says {documented}:1 for {foreground} on {background}, "
            f"measured {ratio:.2f}:1"
        )


def test_every_text_colour_token_has_a_measured_contrast():
    documented = {foreground for foreground, _, _, kind in contrast_table() if kind == "text"}
    text_colours = set()
    for _, selector, declarations in stylesheet_rules():
        if selector == ":root":
            continue
        for declaration in declarations:
            if declaration.lower_name == "color":
                value = tinycss2.serialize(declaration.value)
                text_colours |= set(re.findall(r"var\((--c-[\w-]+)\)", value))
    assert text_colours, "kalan.css sets no text colour?"
    assert text_colours - documented == set()


def test_every_colour_token_is_documented():
    documented = DESIGN_MD.read_text(encoding="utf-8")
    for name, value in design.tokens().items():
        if name.startswith("--c-"):
            assert f"| `{name}` | `{value}` |" in documented, name


def test_the_focus_ring_is_visible_and_never_removed():
    rings = []
    for _, selector, declarations in stylesheet_rules():
        for declaration in declarations:
            value = tinycss2.serialize(declaration.value).strip()
            if declaration.lower_name.startswith("outline"):
                assert not re.fullmatch(r"(none|0)(\s*!important)?", value), (selector, value)
            if ":focus-visible" in selector and declaration.lower_name == "outline":
                rings.append((selector, value))
    assert (":focus-visible", "3px solid var(--c-focus)") in rings, rings


def template_files():
    return sorted(p for p in TEMPLATES.rglob("*") if p.suffix in {".html", ".txt", ".svg"})


def test_no_template_carries_its_own_styles():
    documented = DESIGN_MD.read_text(encoding="utf-8")
    for name in STYLE_EXCEPTIONS:
        assert f"`templates/{name}`" in documented, f"{name} is an undocumented exception"
    offenders = []
    for path in template_files():
        name = path.relative_to(TEMPLATES).as_posix()
        if name in STYLE_EXCEPTIONS:
            continue
        text = path.read_text(encoding="utf-8")
        if re.search(r"""\sstyle\s*=\s*["'{]""", text) or re.search(r"<style[\s>]", text, re.I):
            offenders.append(name)
    assert template_files(), "no template found"
    assert not offenders, offenders


def error_templates():
    return sorted(p.name for p in TEMPLATES.glob("*.html") if re.fullmatch(r"\d{3}\.html", p.name))


def test_error_pages_use_the_site_layout():
    names = error_templates()
    assert {"400.html", "403.html", "404.html", "500.html"} <= set(names)
    for name in names:
        text = (TEMPLATES / name).read_text(encoding="utf-8")
        assert '{% extends "base.html" %}' in text or "{% static 'css/kalan.css' %}" in text, name


@pytest.mark.django_db
def test_each_error_page_renders_with_the_stylesheet_and_header():
    from lms import views

    request = RequestFactory().get("/nulle-part/")
    request.user = AnonymousUser()
    request.session = {}
    for view, status in (
        (views.error_400, 400),
        (views.error_403, 403),
        (views.error_404, 404),
        (views.error_500, 500),
    ):
        response = view(request) if view is views.error_500 else view(request, None)
        html = response.content.decode()
        assert response.status_code == status
        assert re.search(r'<link rel="stylesheet" href="[^"]*css/kalan[.\w]*\.css"', html), status
        assert 'class="site-header"' in html and 'class="main"' in html, status
        assert "style=" not in html and "<style" not in html, status


def test_charts_take_their_colours_from_tokens():
    """The supervisor's SVG charts colour their shapes through chart classes, and each of
    those classes paints with a token."""
    painted = {}
    for _, selector, declarations in stylesheet_rules():
        for declaration in declarations:
            if declaration.lower_name in {"fill", "stroke"}:
                for part in selector.split(","):
                    painted[part.strip()] = tinycss2.serialize(declaration.value).strip()
    charts = [
        p
        for app in ("tracking", "workshops")
        for p in (TEMPLATES / app).rglob("*.html")
        if "<svg" in p.read_text()
    ]
    assert charts, "no chart in the supervisor's templates?"
    for path in charts:
        text = path.read_text(encoding="utf-8")
        shapes = re.findall(r"<(?:rect|line|circle|path|polyline|text)\b[^>]*>", text)
        assert shapes, path
        for shape in shapes:
            assert not re.search(r"\s(fill|stroke)=", shape), shape
            classes = re.search(r'class="([^"]+)"', shape)
            assert classes, f"{path.name}: a shape without a chart class: {shape}"
            colours = [painted.get(f".{name}") for name in classes[1].split()]
            assert any(colours), f"{path.name}: {classes[1]} has no fill or stroke rule"
            for colour in filter(None, colours):
                assert re.fullmatch(r"var\(--c-[\w-]+\)", colour), (classes[1], colour)


def test_no_template_writes_a_colour_literal():
    """Outside the documented exceptions, a template that cannot use kalan.css (the admin's
    chart) takes its colours from the `kalan_colours` context (lms/design.py)."""
    offenders = []
    for path in template_files():
        name = path.relative_to(TEMPLATES).as_posix()
        if name in STYLE_EXCEPTIONS:
            continue
        text = path.read_text(encoding="utf-8")
        for found in re.findall(
            r"""\b(?:fill|stroke|color|bgcolor)=["']?(#[0-9a-fA-F]{3,8}|rgb)""", text
        ):
            offenders.append(f"{name}: {found}")
    assert not offenders, offenders


def test_the_palette_reaches_templates():
    from django.template import engines

    html = (
        engines["django"]
        .from_string("{{ kalan_colours.brand }}")
        .render({}, request=RequestFactory().get("/"))
    )
    assert html == design.tokens()["--c-brand"]


@pytest.mark.parametrize("name", sorted(STYLE_EXCEPTIONS))
def test_the_certificate_pdf_declares_the_tokens_values_of_kalan_css(name):
    """The PDFs cannot link kalan.css (DESIGN.md, Exceptions): their `:root` repeats the
    tokens they use, and each must keep the value kalan.css gives it, so a colour changed in
    one place is caught here rather than printed in the other."""
    source = (TEMPLATES / name).read_text(encoding="utf-8")
    style = re.search(r"<style>(.*?)</style>", source, flags=re.S).group(1)
    declared = design.root_tokens(style)
    assert declared, "pdf.html no longer declares its tokens in :root"
    tokens = design.tokens()
    for name, value in declared.items():
        assert name in tokens, f"pdf.html declares {name}, which kalan.css does not have"
        assert value.lower() == tokens[name].lower(), f"{name}: {value} in pdf.html"
