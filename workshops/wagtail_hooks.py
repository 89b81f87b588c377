"""The administrators' side: workshops and their sessions in the Wagtail admin (« Ateliers »),
with the model's panels (sessions inline)."""

from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.viewsets.model import ModelViewSet

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
