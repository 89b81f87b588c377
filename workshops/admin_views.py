"""Attestations de participation in the Wagtail admin, one viewset (`workshop_attestations:`),
in the course certificates' idiom (certificates/admin_views.py): the list with its search, and
two actions, each behind a confirmation page (nothing changes on a GET): revoke with a reason,
and reissue (what it does is `attestations.attestation_reissue`'s decision).

Attestations are issued by the service only, never added, edited or deleted by hand: the
permission policy grants the list to `workshops.view_attestation` and the actions to
`workshops.change_attestation` (both given to the Administrateurs group by the migration
0003_attestation), and nothing else to anybody, superusers included."""

from django.contrib import messages
from django.contrib.auth import get_user_model
from django.shortcuts import get_object_or_404, redirect
from django.urls import path
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.admin.ui.tables import Column
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permission_policies.base import ModelPermissionPolicy
from wagtail.permissions import policy_registry

from certificates.admin_views import (
    DateColumn,
    IssuedDocumentIndexView,
    RevokeForm,
    StateColumn,
)
from lms.viewsets import AdminFormView, AdminTemplateView

from . import attestations
from .models import Attestation


class AttestationPermissionPolicy(ModelPermissionPolicy):
    """Each action of the admin and the Django permission it asks for."""

    ACTIONS = {"view": "view", "revoke": "change", "reissue": "change"}

    def user_has_permission(self, user, action):
        model_action = self.ACTIONS.get(action)
        return bool(
            model_action and user.is_active and super().user_has_permission(user, model_action)
        )

    def users_with_any_permission(self, actions):
        model_actions = {self.ACTIONS[action] for action in actions if action in self.ACTIONS}
        if not model_actions:
            return get_user_model().objects.none()
        return super().users_with_any_permission(sorted(model_actions))


def _policy():
    return policy_registry.get_by_type(Attestation)


class AttendanceColumn(Column):
    def get_value(self, instance):
        return _("%(attended)d sur %(total)d") % {
            "attended": instance.sessions_attended,
            "total": instance.sessions_total,
        }


class AttestationIndexView(IssuedDocumentIndexView):
    actions_namespace = "workshop_attestations"
    page_title = gettext_lazy("Attestations de participation")
    search_box_placeholder = gettext_lazy("Numéro, nom, matricule, atelier")

    def get_base_queryset(self):
        return Attestation.objects.select_related("participant__learner").order_by("-issued_at")


class _AttestationMixin:
    """The attestation named by the URL (404 if none), once past the permission check."""

    @cached_property
    def attestation(self):
        return get_object_or_404(
            Attestation.objects.select_related("participant__learner"), pk=self.kwargs["pk"]
        )

    def get_page_subtitle(self):
        return self.attestation.serial

    def get_context_data(self, **kwargs):
        return super().get_context_data(attestation=self.attestation, **kwargs)


class RevokeView(_AttestationMixin, AdminFormView):
    """GET asks for the reason and a confirmation; POST revokes. A revocation cannot be undone
    (a new attestation can be issued instead), so it never happens in one click."""

    permission_required = "revoke"
    page_title = gettext_lazy("Révoquer une attestation de participation")
    template_name = "workshops/admin/revoke.html"
    form_class = RevokeForm

    def get(self, request, *args, **kwargs):
        return self._already_revoked() or super().get(request, *args, **kwargs)

    def post(self, request, *args, **kwargs):
        return self._already_revoked() or super().post(request, *args, **kwargs)

    def _already_revoked(self):
        if self.attestation.is_valid:
            return None
        messages.error(
            self.request, _("Attestation %(serial)s déjà révoquée.") % {"serial": self.attestation}
        )
        return redirect("workshop_attestations:index")

    def form_valid(self, form):
        try:
            attestations.attestation_revoke(
                attestation=self.attestation, reason=form.cleaned_data["reason"]
            )
        except attestations.AttestationError as error:
            messages.error(self.request, str(error))
        else:
            messages.success(
                self.request, _("Attestation %(serial)s révoquée.") % {"serial": self.attestation}
            )
        return redirect("workshop_attestations:index")


class ReissueView(_AttestationMixin, AdminTemplateView):
    """GET says what reissuing will do; POST does it (`attestations.attestation_reissue`)."""

    permission_required = "reissue"
    page_title = gettext_lazy("Réémettre une attestation de participation")
    template_name = "workshops/admin/reissue.html"

    def post(self, request, *args, **kwargs):
        try:
            issued = attestations.attestation_reissue(attestation=self.attestation)
        except attestations.AttestationError as error:
            messages.error(request, str(error))
        else:
            messages.success(request, _("Attestation %(serial)s émise.") % {"serial": issued})
        return redirect("workshop_attestations:index")


class AttestationViewSet(ModelViewSet):
    model = Attestation
    name = "workshop_attestations"
    url_prefix = "ateliers-attestations"
    icon = "group"
    menu_label = gettext_lazy("Attestations de participation")
    menu_order = 251
    add_to_admin_menu = True
    index_view_class = AttestationIndexView
    index_template_name = "workshops/admin/index.html"
    copy_view_enabled = False
    # Nothing refers to an attestation from content (as for certificates).
    add_to_reference_index = False
    list_per_page = 50
    search_fields = [
        "serial",
        "learner_name",
        "participant__learner__matricule",
        "workshop_title",
    ]
    # Attestation is not in the search index: the list filters with the database.
    search_backend_name = None

    @property
    def list_display(self):
        return [
            "serial",  # the title column, with the row's actions
            Column("learner_name", label=gettext_lazy("Titulaire")),
            Column(
                "matricule",
                accessor="participant.learner.matricule",
                label=gettext_lazy("Matricule"),
            ),
            Column("workshop_title", label=gettext_lazy("Atelier")),
            AttendanceColumn("attendance", label=gettext_lazy("Présence")),
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
        ]
