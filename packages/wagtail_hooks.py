"""The package pages in the admin: « Importer une formation » (menu, and a button on the
catalogue's explorer page) and « Exporter (paquet .zip) » on each course (its header and its
row's « … » menu in the explorer)."""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.widgets import Button

from courses.models import CourseIndexPage, CoursePage

from .admin_views import POLICY, PackagesViewSet


@hooks.register("register_admin_viewset")
def register_packages_viewset():
    return PackagesViewSet()


def _export_button(page, user, priority):
    if page.specific_class is CoursePage and POLICY.user_has_permission_for_instance(
        user, "export", page.specific
    ):
        return Button(
            _("Exporter (paquet .zip)"),
            reverse("packages:export", args=[page.pk]),
            icon_name="download",
            priority=priority,
        )
    return None


@hooks.register("register_page_header_buttons")
def package_header_buttons(page, user, view_name, next_url=None):
    if page.specific_class is CourseIndexPage and POLICY.user_has_permission(user, "import"):
        yield Button(
            _("Importer une formation"),
            reverse("packages:import"),
            icon_name="upload",
            priority=90,
        )
    button = _export_button(page, user, priority=90)
    if button:
        yield button


@hooks.register("register_page_listing_more_buttons")
def package_listing_buttons(page, user, next_url=None):
    button = _export_button(page, user, priority=55)
    if button:
        yield button
