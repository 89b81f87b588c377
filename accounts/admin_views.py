"""« Importer des apprenants » in the Wagtail admin: the form queues a background job (the
same parser and service as `manage.py import_learners`) and sends the administrator to its
progress page, where the counts and every error with its line are shown."""

from django import forms
from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.template.response import TemplateResponse
from django.utils.translation import gettext_lazy as _

from jobs.views import job_start_from_form

from .jobs import IMPORT, can_import, size_error
from .models import Unit
from .units_admin import ParentChoiceField


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


def learners_import_view(request):
    if not can_import(request.user):
        raise PermissionDenied
    form = LearnersImportForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        unit = form.cleaned_data["unit"]
        started = job_start_from_form(
            request=request,
            form=form,
            kind=IMPORT,
            params={
                "filename": upload.name[:150],
                "unit": unit.pk if unit else None,
                "passwords": form.cleaned_data["passwords"],
            },
            upload=upload,
        )
        if started:
            return started
    return TemplateResponse(
        request,
        "accounts/admin/learners_import.html",
        {
            "form": form,
            "max_size": settings.KALAN_LEARNER_IMPORT_MAX_SIZE,
            "max_rows": settings.KALAN_LEARNER_IMPORT_MAX_ROWS,
        },
        status=400 if form.errors else 200,
    )
