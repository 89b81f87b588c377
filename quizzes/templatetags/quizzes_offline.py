"""Offline quiz attempts (issue 19): the texts that static/js/offline.js shows on an attempt's
pages, translated here ({count} is filled by the script)."""

from django import template
from django.utils.html import json_script
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

register = template.Library()


def _pending(count: int) -> str:
    return ngettext(
        "{count} réponse en attente d’envoi.", "{count} réponses en attente d’envoi.", count
    )


@register.simple_tag
def offline_quiz_strings():
    # The script picks the form by the count: « one » for 1, « other » beyond (the pending
    # count is never 0 when shown), which holds for French and English.
    return json_script(
        {
            "pending_one": _pending(1),
            "pending_other": _pending(2),
            "submitted": _(
                "Tentative envoyée sans connexion : elle partira au retour de la connexion, "
                "avec l’heure où vous avez appuyé. Le serveur décide si elle compte."
            ),
        },
        "offline-quiz-strings",
    )
