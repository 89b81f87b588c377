"""Certificates in the Wagtail admin, one viewset (`attestations:`): the list with its search,
and three actions, each behind a confirmation page (nothing changes on a GET): revoke with a
reason, reissue (what it does is `services.certificate_reissue`'s decision), and render every
valid PDF again.

Certificates are issued by the service only, never added, edited or deleted by hand: the
permission policy grants the list and the actions to `certificates.change_certificate`
(administrators) and nothing else to anybody, superusers included."""

from django import forms
from django.contrib import messages
from django.contrib.auth import get_user_model
from django.shortcuts import get_object_or_404, redirect
from django.urls import path, reverse
from django.utils import formats, timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.admin.ui.tables import Column
from wagtail.admin.views import generic
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.admin.widgets import ListingButton
from wagtail.permission_policies.base import ModelPermissionPolicy
from wagtail.permissions import policy_registry

from lms.viewsets import AdminFormView, AdminTemplateView

from . import services, tasks
from .models import Certificate


class CertificatePermissionPolicy(ModelPermissionPolicy):
    ACTIONS = frozenset({"view", "revoke", "reissue", "regenerate"})

    def user_has_permission(self, user, action):
        return (
            action in self.ACTIONS
            and user.is_active
            and user.has_perm("certificates.change_certificate")
        )

    def users_with_any_permission(self, actions):
        if not self.ACTIONS.intersection(actions):
            return get_user_model().objects.none()
        return super().users_with_any_permission(["change"])


def _policy():
    return policy_registry.get_by_type(Certificate)


class RevokeForm(forms.Form):
    reason = forms.CharField(
        label=gettext_lazy("Motif de la révocation"),
        max_length=500,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=gettext_lazy(
            "Il est conservé avec l’attestation et montré aux administrateurs. La vérification "
            "publique indiquera « révoquée »."
        ),
    )

    def clean_reason(self):
        reason = " ".join(self.cleaned_data["reason"].split())
        if not reason:
            raise forms.ValidationError(_("Indiquez le motif de la révocation."))
        return reason


class DateColumn(Column):
    def get_value(self, instance):
        value = super().get_value(instance)
        return formats.date_format(timezone.localtime(value), "j F Y") if value else ""


class StateColumn(Column):
    def get_value(self, instance):
        if instance.is_valid:
            return _("valide")
        revoked = formats.date_format(timezone.localtime(instance.revoked_at), "j F Y")
        return _("révoquée le %(date)s — %(reason)s") % {
            "date": revoked,
            "reason": instance.revoked_reason,
        }


class IssuedDocumentIndexView(generic.IndexView):
    """The admin list of issued documents (course certificates here, workshops' attestations
    de participation there): each row offers « Révoquer… » (valid ones) and « Réémettre… »,
    the URLs named in `actions_namespace`, to those the policy allows."""

    any_permission_required = ["view"]
    actions_namespace = ""
    # The actions keep their words whole on a phone; the table scrolls sideways instead.
    table_classname = "listing kalan-listing-actions"

    def get_list_more_buttons(self, instance):
        buttons = []
        if instance.is_valid and self.user_has_permission("revoke"):
            buttons.append(
                ListingButton(
                    _("Révoquer…"),
                    url=reverse(f"{self.actions_namespace}:revoke", args=[instance.pk]),
                    classname="no",
                    priority=10,
                )
            )
        if self.user_has_permission("reissue"):
            buttons.append(
                ListingButton(
                    _("Réémettre…"),
                    url=reverse(f"{self.actions_namespace}:reissue", args=[instance.pk]),
                    priority=20,
                )
            )
        return buttons


class CertificateIndexView(IssuedDocumentIndexView):
    actions_namespace = "attestations"
    page_title = gettext_lazy("Attestations")
    search_box_placeholder = gettext_lazy("Numéro, nom, matricule, formation")

    def get_base_queryset(self):
        return Certificate.objects.order_by("-issued_at")


class _CertificateMixin:
    """The certificate named by the URL (404 if none), once past the permission check."""

    @cached_property
    def certificate(self):
        return get_object_or_404(Certificate, pk=self.kwargs["pk"])

    def get_page_subtitle(self):
        return self.certificate.serial

    def get_context_data(self, **kwargs):
        return super().get_context_data(certificate=self.certificate, **kwargs)


class RevokeView(_CertificateMixin, AdminFormView):
    """GET asks for the reason and a confirmation; POST revokes. A revocation cannot be undone
    (a new certificate can be issued instead), so it never happens in one click."""

    permission_required = "revoke"
    page_title = gettext_lazy("Révoquer une attestation")
    template_name = "certificates/admin/revoke.html"
    form_class = RevokeForm

    def get(self, request, *args, **kwargs):
        return self._already_revoked() or super().get(request, *args, **kwargs)

    def post(self, request, *args, **kwargs):
        return self._already_revoked() or super().post(request, *args, **kwargs)

    def _already_revoked(self):
        if self.certificate.is_valid:
            return None
        messages.error(
            self.request, _("Attestation %(serial)s déjà révoquée.") % {"serial": self.certificate}
        )
        return redirect("attestations:index")

    def form_valid(self, form):
        try:
            services.certificate_revoke(
                certificate=self.certificate, reason=form.cleaned_data["reason"]
            )
        except services.CertificateError as error:
            messages.error(self.request, str(error))
        else:
            messages.success(
                self.request, _("Attestation %(serial)s révoquée.") % {"serial": self.certificate}
            )
        return redirect("attestations:index")


class ReissueView(_CertificateMixin, AdminTemplateView):
    """GET says what reissuing will do; POST does it (`services.certificate_reissue`)."""

    permission_required = "reissue"
    page_title = gettext_lazy("Réémettre une attestation")
    template_name = "certificates/admin/reissue.html"

    def post(self, request, *args, **kwargs):
        try:
            issued = services.certificate_reissue(certificate=self.certificate)
        except services.CertificateError as error:
            messages.error(request, str(error))
        else:
            messages.success(request, _("Attestation %(serial)s émise.") % {"serial": issued})
        return redirect("attestations:index")


class RegenerateView(AdminTemplateView):
    """GET asks for a confirmation; POST queues the rendering of every valid PDF."""

    permission_required = "regenerate"
    page_title = gettext_lazy("Régénérer tous les PDF")
    template_name = "certificates/admin/regenerate.html"

    def get_context_data(self, **kwargs):
        return super().get_context_data(valid_count=Certificate.objects.valid().count(), **kwargs)

    def post(self, request, *args, **kwargs):
        tasks.certificates_regenerate_all.delay_on_commit()
        messages.success(
            request, _("Les PDF de toutes les attestations valides vont être régénérés.")
        )
        return redirect("attestations:index")


class CertificateViewSet(ModelViewSet):
    model = Certificate
    name = "attestations"
    url_prefix = "attestations"
    icon = "doc-full"
    menu_label = gettext_lazy("Attestations")
    menu_order = 320
    add_to_admin_menu = True
    index_view_class = CertificateIndexView
    index_template_name = "certificates/admin/index.html"
    copy_view_enabled = False
    # Nothing refers to a certificate from content: indexing its references would only add
    # queries to every issue and render (test_pdf_is_rendered_once_in_bounded_queries).
    add_to_reference_index = False
    list_per_page = 50
    search_fields = ["serial", "learner_name", "learner__matricule", "course_title"]
    # Certificate is not in the search index: the list filters with the database.
    search_backend_name = None

    @property
    def list_display(self):
        return [
            "serial",  # the title column, with the row's actions
            Column("learner_name", label=gettext_lazy("Titulaire")),
            Column("course_title", label=gettext_lazy("Formation")),
            DateColumn("issued_at", label=gettext_lazy("Délivrée le")),
            StateColumn("state", label=gettext_lazy("État")),
        ]

    def get_common_view_kwargs(self, **kwargs):
        # Neither added, edited, copied nor deleted by hand: no link to such views.
        view_kwargs = super().get_common_view_kwargs(**kwargs)
        for name in ("add", "edit", "delete", "history", "usage"):
            view_kwargs[f"{name}_url_name"] = None
        return view_kwargs

    def _action(self, view_class):
        return self.construct_view(view_class, permission_policy=_policy(), header_icon=self.icon)

    def get_urlpatterns(self):
        return [
            path("", self.index_view, name="index"),
            path("results/", self.index_results_view, name="index_results"),
            path("<int:pk>/revoquer/", self._action(RevokeView), name="revoke"),
            path("<int:pk>/reemettre/", self._action(ReissueView), name="reissue"),
            path("regenerer/", self._action(RegenerateView), name="regenerate"),
        ]
