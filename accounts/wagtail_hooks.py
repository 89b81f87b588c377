import copy

from django.urls import NoReverseMatch, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import Menu, SubmenuMenuItem

from .units_admin import UnitViewSet


@hooks.register("register_admin_viewset")
def register_units():
    return UnitViewSet()


@hooks.register("register_admin_viewset")
def register_learners_import():
    from .admin_views import LearnersImportViewSet

    return LearnersImportViewSet()


# The administrator's everyday pages, by URL name: apps declare them on their own, and they
# were scattered among the editors' items (content, questions) of the main menu.
ADMINISTRATION = (
    "units:index",
    "learners_import:index",
    "attestations:index",
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
