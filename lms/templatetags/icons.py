"""`{% icon "lock" %}`: an inline SVG icon of templates/includes/icon.html, rendered once per
name and process. The course outline shows one per step: an `{% include %}` for each cost
more than the rest of the step's markup."""

from functools import cache

from django import template
from django.template.loader import render_to_string
from django.utils.safestring import mark_safe

register = template.Library()


@cache
def _icon(name: str) -> str:
    return render_to_string("includes/icon.html", {"name": name}).strip()


@register.simple_tag
def icon(name: str) -> str:
    html = _icon(name)
    if not html:
        raise template.TemplateSyntaxError(f"icon: no icon named {name!r}")
    return mark_safe(html)  # noqa: S308 (our own template, no variable in it)
