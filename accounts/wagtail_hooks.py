import copy

from django.urls import NoReverseMatch, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import Menu, MenuItem, SubmenuMenuItem

from .jobs import can_import
from .units_admin import UnitViewSet


@hooks.register("register_admin_viewset")
def register_units():
    return UnitViewSet()


@hooks.register("register_admin_urls")
def register_learners_import_urls():
    from . import admin_views

    return [
        path(
            "apprenants/importer/",
            admin_views.learners_import_view,
            name="accounts_admin_learners_import",
        )
    ]


class LearnersImportMenuItem(MenuItem):
    def is_shown(self, request):
        return can_import(request.user)


@hooks.register("register_admin_menu_item")
def register_learners_import_menu_item():
    # Next to « Unités » (610): the administrator's people and places, together.
    return LearnersImportMenuItem(
        _("Importer des apprenants"),
        reverse("accounts_admin_learners_import"),
        icon_name="upload",
        order=611,
    )


# The administrator's everyday pages, by URL name: apps declare them on their own, and they
# were scattered among the editors' items (content, questions) of the main menu.
ADMINISTRATION = (
    "units:index",
    "accounts_admin_learners_import",
    "certificates_admin_list",
    "rappels:index",
)


def _administration_urls() -> list[str]:
    urls = []
    for name in ADMINISTRATION:
        try:
            urls.append(reverse(name))
        except NoReverseMatch:  # an app left out of INSTALLED_APPS
            continue
    return urls


@hooks.register("construct_main_menu")
def group_administration_items(request, menu_items):
    """Gathers what an administrator sees of units, learners import, certificates and
    reminders under one « Administration » entry, before « Rapports » and « Paramètres ».
    Each item keeps its own check: a person allowed one page only sees that one."""
    urls = _administration_urls()
    grouped = sorted(
        (item for item in menu_items if getattr(item, "url", None) in urls),
        key=lambda item: urls.index(item.url),
    )
    if len(grouped) < 2:
        return
    for item in grouped:
        menu_items.remove(item)
    # Copies, ordered as listed above: the registered items are shared by every request.
    ordered = []
    for position, item in enumerate(grouped):
        item = copy.copy(item)
        item.order = position
        ordered.append(item)
    menu_items.append(
        SubmenuMenuItem(
            _("Administration"),
            Menu(items=ordered),
            name="administration",
            icon_name="cogs",
            order=8900,
        )
    )
    menu_items.sort(key=lambda item: item.order)
