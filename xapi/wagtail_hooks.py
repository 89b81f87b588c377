from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from . import admin_views


@hooks.register("register_admin_urls")
def register_xapi_urls():
    return [
        path("xapi/", admin_views.outbox_list, name="xapi_admin_outbox"),
        path("xapi/<int:pk>/renvoyer/", admin_views.outbox_retry, name="xapi_admin_outbox_retry"),
        path(
            "xapi/renvoyer/",
            admin_views.outbox_retry_failing,
            name="xapi_admin_outbox_retry_failing",
        ),
    ]


class OutboxMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm(admin_views.PERMISSION)


@hooks.register("register_admin_menu_item")
def register_outbox_menu_item():
    return OutboxMenuItem(
        _("Envois xAPI"), reverse("xapi_admin_outbox"), icon_name="upload", order=330
    )
