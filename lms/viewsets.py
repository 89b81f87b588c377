"""The one idiom of Kalan's admin pages that are not a model's plain CRUD (certificates'
actions, the question bank's import and statistics, the learners import, course packages, the
xAPI outbox).

Each area is a Wagtail viewset registered with `register_admin_viewset`: its URLs are named in
the viewset's namespace (`certificates:revoke`), its views are Wagtail's generic views, and
every permission is asked of a permission policy (`wagtail.permission_policies`), never of a
helper of the view: the views check it through Wagtail's `PermissionCheckedMixin`, the menu
item through the same policy. A model's own policy is registered for the model
(`register_permission_policy`); a check that is not one model permission (the learners
import needs several, a package export the course's page permissions) is a `RulePolicy`.

Wagtail's admin turns a refused check (PermissionDenied) into a redirect to its home page
with « pas la permission », as for its own views; an object that does not exist is a 404.

Like `lms/charts.py`, this module is shared by the apps' admin sides; it imports `jobs` only
(for the upload forms, which every importing app already uses)."""

from collections.abc import Callable

from django.core.exceptions import ImproperlyConfigured
from django.utils.functional import cached_property
from django.views.generic import FormView, TemplateView
from wagtail.admin.menu import MenuItem
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.views.generic.permissions import PermissionCheckedMixin
from wagtail.admin.viewsets.base import ViewSet
from wagtail.permission_policies.base import BasePermissionPolicy

from jobs.views import job_start_from_form


class RulePolicy(BasePermissionPolicy):
    """A permission policy whose actions are rules: `rules` maps an action to a function of
    the user, `instance_rules` an action to a function of the user and the object. An action
    that is in neither is refused, superusers included."""

    def __init__(
        self,
        model,
        *,
        rules: dict[str, Callable] | None = None,
        instance_rules: dict[str, Callable] | None = None,
    ):
        super().__init__(model)
        self.rules = rules or {}
        self.instance_rules = instance_rules or {}

    def user_has_permission(self, user, action):
        rule = self.rules.get(action)
        return bool(rule and user.is_active and rule(user))

    def user_has_permission_for_instance(self, user, action, instance):
        rule = self.instance_rules.get(action)
        if rule is None:
            return self.user_has_permission(user, action)
        return bool(user.is_active and rule(user, instance))


class PolicyViewSet(ViewSet):
    """A group of admin views sharing one permission policy and one menu item (optional:
    `add_to_admin_menu`), shown to whoever the policy grants one of `menu_permissions`."""

    permission_policy = None
    menu_permissions = ("view",)

    def get_common_view_kwargs(self, **kwargs):
        return super().get_common_view_kwargs(
            permission_policy=self.permission_policy,
            header_icon=self.icon,
            **kwargs,
        )

    @cached_property
    def menu_item_class(self):
        viewset = self

        def is_shown(_item, request):
            return viewset.permission_policy.user_has_any_permission(
                request.user, viewset.menu_permissions
            )

        return type(f"{type(self).__name__}MenuItem", (MenuItem,), {"is_shown": is_shown})


class PolicyCheckedMixin(PermissionCheckedMixin):
    """Wagtail's check of `permission_required` against `permission_policy`, which lets
    everyone in when a view has no policy: here a view without one is a configuration error,
    never an open door."""

    permission_policy = None

    def dispatch(self, request, *args, **kwargs):
        if self.permission_policy is None or not (
            self.permission_required or self.any_permission_required
        ):
            raise ImproperlyConfigured(f"{type(self).__name__}: no permission policy or action")
        return super().dispatch(request, *args, **kwargs)


class _AdminPage(PolicyCheckedMixin, WagtailAdminTemplateMixin):
    def get_breadcrumbs_items(self):
        # The page under the admin's home, as Wagtail's own pages are.
        return [*super().get_breadcrumbs_items(), {"url": "", "label": self.get_page_title()}]


class AdminTemplateView(_AdminPage, TemplateView):
    """A page of the admin, refused unless the policy grants `permission_required`."""


class AdminFormView(_AdminPage, FormView):
    """A form of the admin; refused as above. A form sent back with errors answers 400."""

    def form_invalid(self, form):
        return self.render_to_response(self.get_context_data(form=form), status=400)


class JobUploadView(AdminFormView):
    """An upload that queues a background job (`jobs`) and sends to its progress page. The
    three uploads of the admin (learners, questions, course packages) share this view and the
    template `jobs/admin/upload.html`; each says what its file holds and how it is read."""

    job_kind = ""

    def job_params(self, form) -> dict:
        raise NotImplementedError

    def form_valid(self, form):
        upload = form.cleaned_data["file"]
        started = job_start_from_form(
            request=self.request,
            form=form,
            kind=self.job_kind,
            params={"filename": upload.name[:150], **self.job_params(form)},
            upload=upload,
        )
        return started or self.form_invalid(form)
