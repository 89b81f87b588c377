"""The two Moodle formats, by name, for the command and the admin upload view."""

from django.utils.translation import gettext_lazy as _

FORMATS = {"gift": _("GIFT (texte)"), "moodlexml": _("Moodle XML")}
EXTENSIONS = {"gift": "txt", "moodlexml": "xml"}


def format_module(name: str):
    from .interop import gift, moodlexml

    return {"gift": gift, "moodlexml": moodlexml}[name]


def category_from_path(path: str):
    """« Garde à vue / Droits » → the category, created as needed; None for an empty path."""
    from .bank import category_get_or_create

    names = [part.strip() for part in path.replace("›", "/").split("/") if part.strip()]
    return category_get_or_create(path=names) if names else None
