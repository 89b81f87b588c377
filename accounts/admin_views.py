"""« Importer des apprenants » in the Wagtail admin, a viewset (`learners_import:`): the form
queues a background job (the same parser and service as `manage.py import_learners`) and sends
the administrator to its progress page, where the counts and every error with its line are
shown. Its permission policy's one action, « import », is `jobs.can_import` (the accounts'
and units' permissions it needs)."""

from django import forms
from django.conf import settings
from django.urls import path
from django.utils.translation import gettext_lazy as _

from lms.viewsets import JobUploadView, PolicyViewSet, RulePolicy

from .jobs import IMPORT, can_import, size_error
from .models import Unit, User
from .units_admin import ParentChoiceField

POLICY = RulePolicy(User, rules={"import": can_import})


class LearnersImportForm(forms.Form):
    file = forms.FileField(
        label=_("Fichier CSV"),
        help_text=_(
            "Colonnes : matricule, nom_complet, grade, unite, email, telephone (UTF-8, "
            "séparateur , ou ;)."
        ),
        widget=forms.ClearableFileInput(attrs={"accept": ".csv,text/csv"}),
    )
    unit = ParentChoiceField(
        queryset=Unit.objects.order_by("path"),
        required=False,
        label=_("Importer dans l’unité"),
        empty_label=_("(aucune : la colonne unite donne le chemin complet)"),
        help_text=_(
            "Chaque colonne unite est alors lue sous cette unité (« Brigade de Gao » devient "
            "une sous-unité) ; une colonne unite vide place l’apprenant dans l’unité même."
        ),
    )
    passwords = forms.BooleanField(
        required=False,
        label=_("Créer un mot de passe initial pour chaque nouveau compte"),
        help_text=_(
            "Ils sont remis dans un fichier CSV téléchargeable une seule fois, et par vous "
            "seulement. Sinon, les nouveaux comptes n’ont pas de mot de passe : « Mot de passe "
            "oublié » (avec une adresse e-mail) ou la fiche de l’utilisateur en donne un."
        ),
    )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        error = size_error(upload.size)
        if error:
            raise forms.ValidationError(error)
        return upload


class LearnersImportView(JobUploadView):
    permission_required = "import"
    page_title = _("Importer des apprenants")
    template_name = "accounts/admin/learners_import.html"
    form_class = LearnersImportForm
    job_kind = IMPORT

    def job_params(self, form):
        unit = form.cleaned_data["unit"]
        return {"unit": unit.pk if unit else None, "passwords": form.cleaned_data["passwords"]}

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            max_size=settings.KALAN_LEARNER_IMPORT_MAX_SIZE,
            max_rows=settings.KALAN_LEARNER_IMPORT_MAX_ROWS,
            **kwargs,
        )


class LearnersImportViewSet(PolicyViewSet):
    name = "learners_import"
    url_prefix = "apprenants/importer"
    icon = "upload"
    permission_policy = POLICY
    # Next to « Unités » (610): the administrator's people and places, together.
    menu_label = _("Importer des apprenants")
    menu_order = 611
    add_to_admin_menu = True
    menu_permissions = ("import",)

    def get_urlpatterns(self):
        return [path("", self.construct_view(LearnersImportView), name="index")]
