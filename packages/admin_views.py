"""« Importer une formation » and « Exporter (paquet .zip) » in the Wagtail admin, a viewset
(`packages:`): each form queues a background job (packages/jobs.py, the same importer and
exporter as the commands) and sends the editor to its progress page.

The permission policy's actions are packages/jobs.py's rules: « import » is `can_import`,
« export » the permission itself, then `can_export` for the course at hand (its page
permissions); the jobs check them again when they run."""

from django import forms
from django.conf import settings
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.urls import path
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _

from courses.models import CoursePage
from jobs.services import JobRefused, job_create
from lms.viewsets import AdminTemplateView, JobUploadView, PolicyViewSet, RulePolicy

from .archive import PackageError, zip_check
from .jobs import EXPORT, IMPORT, MODE_COPY, MODE_UPDATE, can_export, can_import, size_error
from .models import PageSource

POLICY = RulePolicy(
    PageSource,
    rules={
        "import": can_import,
        "export": lambda user: user.has_perm("packages.export_course"),
    },
    instance_rules={"export": can_export},
)


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


class ImportView(JobUploadView):
    permission_required = "import"
    page_title = _("Importer une formation")
    template_name = "packages/admin/import.html"
    form_class = PackageImportForm
    job_kind = IMPORT

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "may_publish": _may_publish(self.request.user)}

    def job_params(self, form):
        return {
            "mode": form.cleaned_data["mode"],
            "publish": bool(form.cleaned_data.get("publish")),
        }

    def get_context_data(self, **kwargs):
        return super().get_context_data(max_size=settings.KALAN_PACKAGE_IMPORT_MAX_SIZE, **kwargs)


class ExportView(AdminTemplateView):
    """GET: what the package holds and the button; POST: queues the export (it writes the
    pages' stable keys the first time, so not on a GET) and sends to the job's page."""

    permission_required = "export"
    page_title = _("Exporter")
    template_name = "packages/admin/export.html"

    @cached_property
    def course(self):
        course = get_object_or_404(CoursePage, pk=self.kwargs["course_id"])
        if not self.permission_policy.user_has_permission_for_instance(
            self.request.user, "export", course
        ):
            raise PermissionDenied
        return course

    def get_page_subtitle(self):
        return self.course.title

    def get_context_data(self, **kwargs):
        return super().get_context_data(course=self.course, **kwargs)

    def post(self, request, *args, **kwargs):
        course = self.course
        try:
            job = job_create(
                owner=request.user,
                kind=EXPORT,
                params={"course": course.pk, "title": course.title[:200]},
            )
        except JobRefused as refused:
            messages.error(request, str(refused))
            return redirect("packages:export", course_id=course.pk)
        return redirect("jobs:job", pk=job.pk)


class PackagesViewSet(PolicyViewSet):
    name = "packages"
    url_prefix = "formations"
    icon = "upload"
    permission_policy = POLICY
    # Next to the question bank's import and export (310).
    menu_label = _("Importer une formation")
    menu_order = 305
    add_to_admin_menu = True
    menu_permissions = ("import",)

    def get_urlpatterns(self):
        return [
            path("importer/", self.construct_view(ImportView), name="import"),
            path(
                "<int:course_id>/exporter/",
                self.construct_view(ExportView, header_icon="download"),
                name="export",
            ),
        ]
