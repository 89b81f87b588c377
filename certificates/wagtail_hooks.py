from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from . import admin_views


@hooks.register("register_admin_urls")
def register_certificate_urls():
    return [
        path("attestations/", admin_views.certificate_list, name="certificates_admin_list"),
        path(
            "attestations/<int:pk>/revoquer/",
            admin_views.certificate_revoke,
            name="certificates_admin_revoke",
        ),
        path(
            "attestations/<int:pk>/reemettre/",
            admin_views.certificate_reissue,
            name="certificates_admin_reissue",
        ),
        path(
            "attestations/regenerer/",
            admin_views.certificates_regenerate,
            name="certificates_admin_regenerate",
        ),
    ]


class CertificatesMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm("certificates.change_certificate")


@hooks.register("register_admin_menu_item")
def register_certificates_menu_item():
    return CertificatesMenuItem(
        _("Attestations"), reverse("certificates_admin_list"), icon_name="doc-full", order=320
    )
