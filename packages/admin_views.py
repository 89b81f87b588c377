"""« Importer une formation » and « Exporter (paquet .zip) » in the Wagtail admin: each form
queues a background job (packages/jobs.py, the same importer and exporter as the commands)
and sends the editor to its progress page."""

from django import forms
from django.conf import settings
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext_lazy as _

from courses.models import CoursePage
from jobs.services import JobRefused, job_create
from jobs.views import job_start_from_form

from .archive import PackageError, zip_check
from .jobs import EXPORT, IMPORT, MODE_COPY, MODE_UPDATE, can_export, can_import, size_error


class PackageImportForm(forms.Form):
    file = forms.FileField(
        label=_("Paquet (.zip)"),
        help_text=_("L’archive écrite par « Exporter (paquet .zip) » ou par course_export."),
        widget=forms.ClearableFileInput(attrs={"accept": ".zip,application/zip"}),
    )
    mode = forms.ChoiceField(
        label=_("Si la formation est déjà sur le site"),
        choices=[
            (MODE_UPDATE, _("Mettre à jour la formation existante")),
            (MODE_COPY, _("Importer comme copie")),
        ],
        initial=MODE_UPDATE,
        widget=forms.RadioSelect,
        help_text=_(
            "Mettre à jour garde les mêmes pages, et donc la progression des apprenants. "
            "Une copie est une nouvelle formation à côté de l’autre, son titre suivi de "
            "(copie)."
        ),
    )
    publish = forms.BooleanField(
        label=_("Publier directement"),
        required=False,
        help_text=_(
            "Sinon les pages et les questions restent en brouillon, à soumettre à la "
            "« Relecture CNDH »."
        ),
    )

    def __init__(self, *args, may_publish: bool, **kwargs):
        super().__init__(*args, **kwargs)
        if not may_publish:
            # Not offered, and a forged field is ignored: cleaned_data never says True.
            del self.fields["publish"]

    def clean_file(self):
        upload = self.cleaned_data["file"]
        error = size_error(upload.size)
        if error:
            raise forms.ValidationError(error)
        try:
            zip_check(upload)
        except PackageError as refused:
            raise forms.ValidationError(
                [f"{upload.name} : {problem}" for problem in refused.problems]
            ) from None
        finally:
            upload.seek(0)
        return upload


def _may_publish(user) -> bool:
    """Offered on the form to whoever may publish a new course under the catalogue and
    questions; the job decides again for the course it actually changes."""
    from .jobs import can_publish

    return can_publish(user, None)


def import_view(request):
    if not can_import(request.user):
        raise PermissionDenied
    form = PackageImportForm(
        request.POST or None, request.FILES or None, may_publish=_may_publish(request.user)
    )
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        started = job_start_from_form(
            request=request,
            form=form,
            kind=IMPORT,
            params={
                "filename": upload.name[:150],
                "mode": form.cleaned_data["mode"],
                "publish": bool(form.cleaned_data.get("publish")),
            },
            upload=upload,
        )
        if started:
            return started
    return TemplateResponse(
        request,
        "packages/admin/import.html",
        {"form": form, "max_size": settings.KALAN_PACKAGE_IMPORT_MAX_SIZE},
        status=400 if form.errors else 200,
    )


def export_view(request, course_id: int):
    """GET: what the package holds and the button; POST: queues the export (it writes the
    pages' stable keys the first time, so not on a GET) and sends to the job's page."""
    course = CoursePage.objects.filter(pk=course_id).first()
    if course is None:
        raise Http404
    if not can_export(request.user, course):
        raise PermissionDenied
    if request.method == "POST":
        try:
            job = job_create(
                owner=request.user,
                kind=EXPORT,
                params={"course": course.pk, "title": course.title[:200]},
            )
        except JobRefused as refused:
            messages.error(request, str(refused))
            return redirect("packages_admin_export", course_id=course.pk)
        return redirect("jobs:job", pk=job.pk)
    return TemplateResponse(request, "packages/admin/export.html", {"course": course})
