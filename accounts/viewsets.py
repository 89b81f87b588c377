"""Wagtail's user admin for our User: matricule instead of username, one full-name field, and
the rank, unit, phone, language and supervised units."""

from django import forms
from django.urls import reverse
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from wagtail.admin.widgets import HeaderButton
from wagtail.users.forms import UserCreationForm, UserEditForm
from wagtail.users.views.users import IndexView as WagtailUserIndexView
from wagtail.users.views.users import UserViewSet as WagtailUserViewSet

from .models import User

PROFILE_FIELDS = ("full_name", "rank", "unit", "phone", "language", "supervised_units")


class _ProfileFields(forms.ModelForm):
    first_name = None
    last_name = None
    email = forms.EmailField(required=False, label=_("Adresse e-mail"))


class KalanUserCreationForm(_ProfileFields, UserCreationForm):
    class Meta(UserCreationForm.Meta):
        model = User
        fields = {"matricule", "email", "is_superuser", "groups", *PROFILE_FIELDS}
        widgets = {
            "groups": forms.CheckboxSelectMultiple,
            "supervised_units": forms.CheckboxSelectMultiple,
        }


class KalanUserEditForm(_ProfileFields, UserEditForm):
    class Meta(UserEditForm.Meta):
        model = User
        fields = {"matricule", "email", "is_active", "is_superuser", "groups", *PROFILE_FIELDS}
        widgets = KalanUserCreationForm.Meta.widgets


class UserIndexView(WagtailUserIndexView):
    @cached_property
    def header_buttons(self):
        from .admin_views import POLICY

        buttons = super().header_buttons
        if POLICY.user_has_permission(self.request.user, "import"):
            buttons.append(
                HeaderButton(
                    _("Importer des apprenants"),
                    url=reverse("learners_import:index"),
                    icon_name="upload",
                )
            )
        return buttons


class UserViewSet(WagtailUserViewSet):
    index_view_class = UserIndexView

    def get_form_class(self, for_update=False):
        return KalanUserEditForm if for_update else KalanUserCreationForm
