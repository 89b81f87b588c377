"""Offline use (issue 19): the person's opaque key and the texts of static/js/offline.js."""

from django import template
from django.utils.html import json_script
from django.utils.translation import gettext as _

from courses.selectors import offline_user_key

register = template.Library()


@register.simple_tag
def offline_user(user) -> str:
    return offline_user_key(user) if user.is_authenticated else ""


@register.simple_tag
def offline_strings():
    """The texts offline.js shows, translated here: {name} marks a value the script fills."""
    return json_script(
        {
            "available": _("Disponible hors ligne · téléchargée le {date}"),
            "download": _("Télécharger pour lire hors ligne ({size})"),
            "update": _("Mettre à jour la copie hors ligne ({size})"),
            "downloading": _("Téléchargement : {done} sur {total}"),
            "done": _("Formation disponible hors ligne : fichiers reçus, {fetched} sur {total}."),
            "failed": _("Échec : vérifiez la connexion puis réessayez."),
            "queued": _(
                "C’est noté : cette leçon sera marquée terminée au retour de la connexion."
            ),
            "pending": _("Envois en attente : {count}."),
            "sent": _("Envoyés au retour de la connexion : {count}."),
            "offline": _(
                "Pas de connexion : rien n’a pu être envoyé. Réessayez une fois le réseau "
                "revenu, ou abandonnez ces envois."
            ),
        },
        "offline-strings",
    )
