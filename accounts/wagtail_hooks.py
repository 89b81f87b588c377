from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

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
