"""The package pages in the admin: « Importer une formation » (menu, and a button on the
catalogue's explorer page) and « Exporter (paquet .zip) » on each course (its header and its
row's « … » menu in the explorer)."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.widgets import Button

from courses.models import CourseIndexPage, CoursePage

from .jobs import can_export, can_import


@hooks.register("register_admin_urls")
def register_package_urls():
    from . import admin_views

    return [
        path("formations/importer/", admin_views.import_view, name="packages_admin_import"),
        path(
            "formations/<int:course_id>/exporter/",
            admin_views.export_view,
            name="packages_admin_export",
        ),
    ]


class ImportMenuItem(MenuItem):
    def is_shown(self, request):
        return can_import(request.user)


@hooks.register("register_admin_menu_item")
def register_import_menu_item():
    # Next to the question bank's import and export (310).
    return ImportMenuItem(
        _("Importer une formation"),
        reverse("packages_admin_import"),
        icon_name="upload",
        order=305,
    )


def _export_button(page, user, priority):
    if page.specific_class is CoursePage and can_export(user, page.specific):
        return Button(
            _("Exporter (paquet .zip)"),
            reverse("packages_admin_export", args=[page.pk]),
            icon_name="download",
            priority=priority,
        )
    return None


@hooks.register("register_page_header_buttons")
def package_header_buttons(page, user, view_name, next_url=None):
    if page.specific_class is CourseIndexPage and can_import(user):
        yield Button(
            _("Importer une formation"),
            reverse("packages_admin_import"),
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
