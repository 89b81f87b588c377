"""The administrators' side: workshops and their sessions in the Wagtail admin (« Ateliers »),
with the model's panels (sessions inline), and the attestations de participation
(« Attestations de participation »: list, revoke, reissue)."""

from django.contrib import messages
from django.db.models import ProtectedError
from django.http import HttpResponseRedirect
from django.urls import path, reverse
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.views.generic import DeleteView
from wagtail.admin.viewsets.model import ModelViewSet

from . import admin_views
from .models import Workshop


class WorkshopDeleteView(DeleteView):
    """A workshop whose participants hold attestations de participation (valid or revoked)
    stays, for the record: the attestations protect their participations. Said in French,
    instead of the database's refusal."""

    def form_valid(self, form):
        try:
            return super().form_valid(form)
        except ProtectedError:
            messages.error(
                self.request,
                gettext(
                    "L’atelier « %(title)s » ne peut pas être supprimé : des attestations de "
                    "participation y ont été délivrées."
                )
                % {"title": self.object},
            )
            return HttpResponseRedirect(reverse(self.index_url_name))


class WorkshopViewSet(ModelViewSet):
    model = Workshop
    delete_view_class = WorkshopDeleteView
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
