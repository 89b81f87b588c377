"""The administrators' side: workshops and their sessions in the Wagtail admin (« Ateliers »),
with the model's panels (sessions inline), and the attestations de participation
(« Attestations de participation »: list, revoke, reissue)."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.viewsets.model import ModelViewSet

from . import admin_views
from .models import Workshop


class WorkshopViewSet(ModelViewSet):
    model = Workshop
    menu_label = _("Ateliers")
    icon = "group"
    add_to_admin_menu = True
    menu_order = 250
    list_display = ["title", "place", "start_date", "end_date"]
    search_fields = ["title", "place", "region"]
    ordering = ["-start_date"]
    name = "ateliers"


@hooks.register("register_admin_viewset")
def register_workshop_viewset():
    return WorkshopViewSet()


@hooks.register("register_admin_urls")
def register_attestation_urls():
    return [
        path(
            "ateliers-attestations/",
            admin_views.attestation_list,
            name="workshops_admin_attestations",
        ),
        path(
            "ateliers-attestations/<int:pk>/revoquer/",
            admin_views.attestation_revoke,
            name="workshops_admin_attestation_revoke",
        ),
        path(
            "ateliers-attestations/<int:pk>/reemettre/",
            admin_views.attestation_reissue,
            name="workshops_admin_attestation_reissue",
        ),
    ]


class AttestationsMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm("workshops.change_attestation")


@hooks.register("register_admin_menu_item")
def register_attestations_menu_item():
    return AttestationsMenuItem(
        _("Attestations de participation"),
        reverse("workshops_admin_attestations"),
        icon_name="group",
        order=251,
    )
