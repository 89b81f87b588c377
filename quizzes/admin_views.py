"""The question bank's pages in the Wagtail admin, one viewset (`question_bank:`): the import
and export of questions (background jobs, the same services as the commands) and the
statistics of a quiz and of a question.

Every view asks the question bank's permission policy (the Question snippet's, registered by
Wagtail): importing needs « add », exporting and the statistics « view »."""

from django import forms
from django.conf import settings
from django.contrib import messages
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.urls import path
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy
from django.views import View
from wagtail.permissions import policy_registry

from jobs.services import JobRefused, job_create
from lms import charts
from lms.viewsets import AdminTemplateView, JobUploadView, PolicyCheckedMixin, PolicyViewSet

from .formats import FORMATS
from .jobs import EXPORT, IMPORT, size_error
from .models import AttemptItem, Question, QuestionCategory, QuizPage
from .statistics import BINS, quiz_stats


class ImportForm(forms.Form):
    file = forms.FileField(label=gettext_lazy("Fichier"))
    format = forms.ChoiceField(label=gettext_lazy("Format"), choices=list(FORMATS.items()))
    category = forms.ModelChoiceField(
        label=gettext_lazy("Catégorie d’accueil"),
        queryset=QuestionCategory.objects.all(),
        required=False,
        help_text=gettext_lazy("Vide : les catégories du fichier sont créées à la racine."),
    )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        error = size_error(upload.size)
        if error:
            raise forms.ValidationError(error)
        return upload


class ImportView(JobUploadView):
    """Queues the import and sends the editor to its progress page: parsing and writing
    thousands of questions takes minutes, which a web request must not hold."""

    permission_required = "add"
    page_title = gettext_lazy("Importer et exporter des questions")
    template_name = "quizzes/admin/import.html"
    form_class = ImportForm
    job_kind = IMPORT

    def job_params(self, form):
        category = form.cleaned_data["category"]
        return {
            "format": form.cleaned_data["format"],
            "category": category.pk if category else None,
        }

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            categories=QuestionCategory.objects.all(),
            formats=FORMATS,
            max_size=settings.KALAN_QUESTION_IMPORT_MAX_SIZE,
            max_questions=settings.KALAN_QUESTION_IMPORT_MAX_QUESTIONS,
            **kwargs,
        )


class ExportView(PolicyCheckedMixin, View):
    """POST: queues the export of a category (sub-categories included) and sends the editor
    to the job's page, where the file is offered when ready."""

    permission_required = "view"
    http_method_names = ["post"]

    def post(self, request, category_id: int, format_name: str):
        if format_name not in FORMATS:
            raise Http404
        category = get_object_or_404(QuestionCategory, pk=category_id)
        try:
            job = job_create(
                owner=request.user,
                kind=EXPORT,
                params={
                    "format": format_name,
                    "category": category.pk,
                    "category_name": category.name,
                },
            )
        except JobRefused as refused:
            messages.error(request, str(refused))
            return redirect("question_bank:import")
        return redirect("jobs:job", pk=job.pk)


def distribution_chart(distribution: list[int]) -> charts.ColumnChart:
    """The grades' distribution in BINS buckets, each labelled with its range (in its bar's
    title; under the axis four of them, the first and the last included, which fit side by
    side on a phone: five « 90–100 % » touched)."""
    width = 100 // BINS
    return charts.columns(
        [
            (f"{n * width}–{n * width + width - 1 if n < BINS - 1 else 100} %", count)
            for n, count in enumerate(distribution)
        ],
        ticks_max=4,
    )


class QuizStatisticsView(AdminTemplateView):
    """Quiz statistics for editors, next to the quiz in the admin."""

    permission_required = "view"
    page_title = gettext_lazy("Statistiques")
    template_name = "quizzes/admin/statistics.html"

    @cached_property
    def quiz(self):
        return get_object_or_404(QuizPage, pk=self.kwargs["quiz_id"])

    def get_page_subtitle(self):
        return self.quiz.title

    def get_context_data(self, **kwargs):
        stats = quiz_stats(self.quiz)
        return super().get_context_data(
            quiz=self.quiz, stats=stats, chart=distribution_chart(stats.distribution), **kwargs
        )


class QuestionStatisticsView(AdminTemplateView):
    """The quizzes where a question was answered, each with its statistics link."""

    permission_required = "view"
    page_title = gettext_lazy("Statistiques de la question")
    template_name = "quizzes/admin/question_statistics.html"

    @cached_property
    def question(self):
        return get_object_or_404(Question, pk=self.kwargs["question_id"])

    def get_page_subtitle(self):
        return self.question.name

    def get_context_data(self, **kwargs):
        quiz_ids = AttemptItem.objects.filter(question=self.question).values_list(
            "attempt__quiz_id", flat=True
        )
        return super().get_context_data(
            question=self.question,
            quizzes=QuizPage.objects.filter(pk__in=quiz_ids).order_by("title"),
            **kwargs,
        )


class QuestionBankViewSet(PolicyViewSet):
    name = "question_bank"
    url_prefix = "questions"
    icon = "download"
    menu_label = gettext_lazy("Import / export de questions")
    menu_order = 310
    add_to_admin_menu = True
    menu_permissions = ("add",)

    @cached_property
    def permission_policy(self):
        return policy_registry.get_by_type(Question)

    def get_urlpatterns(self):
        return [
            path("import/", self.construct_view(ImportView), name="import"),
            path(
                "export/<int:category_id>/<str:format_name>/",
                self.construct_view(ExportView),
                name="export",
            ),
            path(
                "<int:question_id>/statistiques/",
                self.construct_view(QuestionStatisticsView, header_icon="view"),
                name="question_statistics",
            ),
            path(
                "quiz/<int:quiz_id>/statistiques/",
                self.construct_view(QuizStatisticsView, header_icon="view"),
                name="quiz_statistics",
            ),
        ]
