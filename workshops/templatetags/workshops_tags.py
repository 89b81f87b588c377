"""The workshops on « Mes formations »: courses shows them through this tag, without
importing workshops (docs/architecture.md)."""

from django import template
from django.utils import timezone

from .. import selectors

register = template.Library()


@register.inclusion_tag("workshops/includes/my_workshops.html", takes_context=True)
def my_workshops(context) -> dict:
    """The workshops the user takes part in (dates, place, programme on their page), and a
    link to the workshops they train or follow."""
    user = context["request"].user
    return {
        "records": selectors.participant_records_of(user),
        "runs_workshops": selectors.may_see_workshops(user)
        and selectors.workshop_list_visible(user=user).exists(),
    }


@register.inclusion_tag("workshops/includes/my_invitations.html", takes_context=True)
def my_workshop_invitations(context) -> dict:
    """The invitations to workshops the user has yet to answer, with the two answers, at the
    top of « Mes formations »."""
    return {
        "invitations": selectors.invitations_pending_of(context["request"].user),
        "today": timezone.localdate(),
        "csrf_token": context.get("csrf_token"),
    }
