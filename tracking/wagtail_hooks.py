"""The reminders sent, for the CNDH's administrators: a read-only list in the Wagtail admin
(who was reminded of what, and when). Reminders are written by the Celery tasks only."""

from django.contrib.auth import get_user_model
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.views.generic.models import IndexView
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permission_policies.base import ModelPermissionPolicy
from wagtail.permissions import register_permission_policy

from jobs.spreadsheets import cell_escape, formula_like

from .models import Reminder


class ReadOnlyPermissionPolicy(ModelPermissionPolicy):
    """Only "view", for superusers too: a record of emails sent is never edited by hand."""

    def user_has_permission(self, user, action):
        return action == "view" and super().user_has_permission(user, action)

    def users_with_any_permission(self, actions):
        # Not super() with an empty list: Wagtail's filter would still match every superuser.
        if "view" not in actions:
            return get_user_model().objects.none()
        return super().users_with_any_permission(["view"])


register_permission_policy(Reminder, ReadOnlyPermissionPolicy(Reminder))


class ReminderIndexView(IndexView):
    """Wagtail's CSV export writes texts as they are, and its XLSX export only turns a
    leading "=" into text: a recipient named "+…" or "@…" would still run. Every text goes
    through the project's one escaping function instead."""

    def preprocess_field_value(self, field, value, export_format):
        return cell_escape(super().preprocess_field_value(field, value, export_format))

    def generate_xlsx_row(self, worksheet, row_dict, date_format=None):
        for cell in super().generate_xlsx_row(worksheet, row_dict, date_format):
            value = cell.value
            if isinstance(value, str) and value.startswith("'") and formula_like(value[1:]):
                # Escaped above: also stored as text, so that editing it keeps it text.
                cell.data_type = "s"
                cell.quotePrefix = True
            yield cell


class ReminderViewSet(ModelViewSet):
    model = Reminder
    index_view_class = ReminderIndexView
    icon = "mail"
    menu_label = _("Rappels envoyés")
    menu_order = 330
    add_to_admin_menu = True
    inspect_view_enabled = True
    list_display = ["recipient", "kind", "period", "sent_at"]
    list_filter = ["kind", "sent_at"]
    search_fields = ["recipient__matricule", "recipient__full_name", "period"]
    ordering = ["-sent_at"]
    list_export = ["recipient", "kind", "period", "sent_at", "details"]
    export_filename = "rappels"
    form_fields = ["kind", "recipient", "period", "details"]  # never shown: nobody may edit


@hooks.register("register_admin_viewset")
def register_reminder_viewset():
    return ReminderViewSet("rappels")
