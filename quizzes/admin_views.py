"""Question import and export in the Wagtail admin (same services as the commands)."""

from django import forms
from django.conf import settings
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from jobs.services import JobRefused, job_create
from jobs.views import job_start_from_form

from .formats import FORMATS
from .jobs import EXPORT, IMPORT, size_error
from .models import QuestionCategory


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


def _require(request, codename):
    if not request.user.has_perm(f"quizzes.{codename}"):
        raise PermissionDenied


def import_view(request):
    """Queues the import and sends the editor to its progress page: parsing and writing
    thousands of questions takes minutes, which a web request must not hold."""
    _require(request, "add_question")
    form = ImportForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        category = form.cleaned_data["category"]
        started = job_start_from_form(
            request=request,
            form=form,
            kind=IMPORT,
            params={
                "format": form.cleaned_data["format"],
                "category": category.pk if category else None,
                "filename": upload.name[:150],
            },
            upload=upload,
        )
        if started:
            return started
    return TemplateResponse(
        request,
        "quizzes/admin/import.html",
        {
            "form": form,
            "categories": QuestionCategory.objects.all(),
            "formats": FORMATS,
            "max_size": settings.KALAN_QUESTION_IMPORT_MAX_SIZE,
            "max_questions": settings.KALAN_QUESTION_IMPORT_MAX_QUESTIONS,
        },
        status=400 if form.errors else 200,
    )


@require_POST
def export_view(request, category_id: int, format_name: str):
    """Queues the export of a category (sub-categories included) and sends the editor to the
    job's page, where the file is offered when ready."""
    _require(request, "view_question")
    if format_name not in FORMATS:
        raise PermissionDenied
    category = get_object_or_404(QuestionCategory, pk=category_id)
    try:
        job = job_create(
            owner=request.user,
            kind=EXPORT,
            params={"format": format_name, "category": category.pk, "category_name": category.name},
        )
    except JobRefused as refused:
        messages.error(request, str(refused))
        return redirect("quizzes_admin_import")
    return redirect("jobs:job", pk=job.pk)


def statistics_view(request, quiz_id: int):
    """Quiz statistics for editors, next to the quiz in the admin."""
    from .models import QuizPage
    from .statistics import BINS, quiz_stats

    _require(request, "view_question")
    quiz = get_object_or_404(QuizPage, pk=quiz_id)
    stats = quiz_stats(quiz)
    peak = max(stats.distribution) or 1
    width = 100 // BINS
    bars = [
        {
            "label": f"{n * width}–{n * width + width - 1 if n < BINS - 1 else 100} %",
            "count": count,
            # Wide enough for the bucket's label under each bar ("90–100 %").
            "x": n * 60 + 4,
            "height": round(120 * count / peak),
            "y": 130 - round(120 * count / peak),
        }
        for n, count in enumerate(stats.distribution)
    ]
    return TemplateResponse(
        request, "quizzes/admin/statistics.html", {"quiz": quiz, "stats": stats, "bars": bars}
    )


def question_statistics_view(request, question_id: int):
    """The quizzes where a question was answered, each with its statistics link."""
    from .models import AttemptItem, Question, QuizPage

    _require(request, "view_question")
    question = get_object_or_404(Question, pk=question_id)
    quiz_ids = AttemptItem.objects.filter(question=question).values_list(
        "attempt__quiz_id", flat=True
    )
    quizzes = QuizPage.objects.filter(pk__in=quiz_ids).order_by("title")
    return TemplateResponse(
        request,
        "quizzes/admin/question_statistics.html",
        {"question": question, "quizzes": quizzes},
    )
