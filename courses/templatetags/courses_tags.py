"""The enrollment rules of `courses.models` for the templates, which cannot pass arguments to
a method: `{% if enrollment|overdue_on:today %}`."""

from django import template

register = template.Library()


@register.filter
def overdue_on(enrollment, today) -> bool:
    """`Enrollment.is_overdue(today)`; False for no enrollment."""
    return enrollment is not None and enrollment.is_overdue(today)
