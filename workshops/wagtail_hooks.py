"""The administrators' side: workshops and their sessions in the Wagtail admin (« Ateliers »),
with the model's panels (sessions inline), and the attestations de participation
(« Attestations de participation »: list, revoke, reissue; `admin_views.py`)."""

from django.contrib import messages
from django.db.models import ProtectedError
from django.http import HttpResponseRedirect
from django.urls import reverse
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.views.generic import DeleteView
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permissions import register_permission_policy

from .admin_views import AttestationPermissionPolicy, AttestationViewSet
from .models import Attestation, Workshop

register_permission_policy(Attestation, AttestationPermissionPolicy(Attestation))


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


@hooks.register("register_admin_viewset")
def register_attestation_viewset():
    return AttestationViewSet()
