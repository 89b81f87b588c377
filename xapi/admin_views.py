"""The xAPI outbox in the Wagtail admin (administrators), one viewset (`xapi_outbox:`): what
waits, what was sent, what fails and why, and « Renvoyer ». Every view asks the outbox's
permission policy (Wagtail's model policy: `xapi.change_outboxstatement`)."""

from django.contrib import messages
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect
from django.urls import path
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext
from django.views import View
from wagtail.permissions import policy_registry

from lms.viewsets import AdminTemplateView, PolicyCheckedMixin, PolicyViewSet

from . import selectors, services
from .models import OutboxStatement


class OutboxView(AdminTemplateView):
    permission_required = "change"
    page_title = gettext_lazy("Envois xAPI")
    template_name = "xapi/admin/outbox.html"

    def get_context_data(self, **kwargs):
        status = self.request.GET.get("etat", OutboxStatement.Status.FAILING)
        if status not in OutboxStatement.Status.values:
            status = OutboxStatement.Status.FAILING
        counts = selectors.outbox_counts()
        tabs = [
            {"value": value, "label": label, "count": counts[value], "current": value == status}
            for value, label in OutboxStatement.Status.choices
        ]
        rows = selectors.outbox_rows(status=status)
        return super().get_context_data(
            page=Paginator(rows, 50).get_page(self.request.GET.get("page")),
            tabs=tabs,
            status=status,
            status_label=OutboxStatement.Status(status).label,
            failing=status == OutboxStatement.Status.FAILING,
            configured=services.lrs_configured(),
            **kwargs,
        )


class RetryView(PolicyCheckedMixin, View):
    permission_required = "change"
    http_method_names = ["post"]

    def post(self, request, pk: int):
        row = get_object_or_404(OutboxStatement, pk=pk)
        if services.outbox_retry(statement_ids=[row.pk]):
            messages.success(request, _("La déclaration sera renvoyée dans un instant."))
        else:
            messages.warning(request, _("Cette déclaration a déjà été envoyée."))
        return redirect("xapi_outbox:index")


class RetryFailingView(PolicyCheckedMixin, View):
    permission_required = "change"
    http_method_names = ["post"]

    def post(self, request):
        count = services.outbox_retry()
        messages.success(
            request,
            ngettext(
                "%(count)s déclaration sera renvoyée dans un instant.",
                "%(count)s déclarations seront renvoyées dans un instant.",
                count,
            )
            % {"count": count},
        )
        return redirect("xapi_outbox:index")


class OutboxViewSet(PolicyViewSet):
    name = "xapi_outbox"
    url_prefix = "xapi"
    icon = "upload"
    menu_label = gettext_lazy("Envois xAPI")
    menu_order = 330
    add_to_admin_menu = True
    menu_permissions = ("change",)

    @cached_property
    def permission_policy(self):
        return policy_registry.get_by_type(OutboxStatement)

    def get_urlpatterns(self):
        return [
            path("", self.construct_view(OutboxView), name="index"),
            path("<int:pk>/renvoyer/", self.construct_view(RetryView), name="retry"),
            path("renvoyer/", self.construct_view(RetryFailingView), name="retry_failing"),
        ]
