import re
import uuid

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.auth.views import redirect_to_login
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from courses import selectors as course_selectors

from . import grading, selectors, services
from .forms import EssayGradeForm
from .models import Attempt, QuizPage
from .types import question_type, responses_from_post

# A save id is chosen by the client (a uuid from our page, later an offline client's own id).
SAVE_ID = re.compile(r"[A-Za-z0-9_.:-]{1,64}")


def quiz_serve(request, quiz: QuizPage):
    """The quiz's front page: rules, the learner's attempts, and start or resume."""
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    attempts = list(Attempt.objects.filter(learner=request.user, quiz=quiz).order_by("number"))
    rows = []
    for attempt in attempts:
        parts = selectors.review_parts(attempt=attempt, attempts=attempts)
        rows.append({"attempt": attempt, "show_score": "score" in parts, "can_review": bool(parts)})
    step = _next_step(learner=request.user, quiz=quiz, attempts=attempts)
    return TemplateResponse(
        request,
        "quizzes/quiz_page.html",
        {
            "page": quiz,
            "self": quiz,
            "course": step["course"],
            "rows": rows,
            "grade": step["grade"],
            "step": step,
        },
    )


def _next_step(*, learner, quiz: QuizPage, attempts: list[Attempt]) -> dict:
    """What the quiz page and an attempt's review offer next (templates/quizzes/includes/
    next_step.html): once the quiz is passed, « Continuer la formation » to the next item
    of the course, or the completion page of a completed course; a new attempt when the
    rules allow one, otherwise why not and, after a delay, when; and always a way back to
    the course."""
    course = services.quiz_course(quiz)
    grade = quiz.grades.filter(learner=learner).first()
    enrollment = course_selectors.enrollment_get(learner=learner, course=course)
    in_progress = next((a for a in attempts if a.state == Attempt.State.IN_PROGRESS), None)
    step = {
        "course": course,
        "grade": grade,
        "passed": bool(grade and grade.passed),
        "started": bool(attempts),
        "in_progress": in_progress,
        "completion_url": None,
        "next_item": None,
        "refusal": None,
        "retry_at": None,
    }
    if enrollment is not None and enrollment.is_completed:
        step["completion_url"] = reverse("courses:completed", args=[course.pk])
    elif enrollment is not None and step["passed"]:
        outline = course_selectors.outline_for(
            course=course, learner=learner, enrollment=enrollment
        )
        step["next_item"] = selectors.quiz_next_item(quiz_id=quiz.pk, outline=outline)
    if in_progress is None:
        step["refusal"] = services.attempt_start_refusal(
            learner=learner, quiz=quiz, attempts=attempts
        )
        step["retry_at"] = services.attempt_retry_at(quiz=quiz, attempts=attempts)
    return step


def _own_attempt(request, attempt_id: int) -> Attempt:
    """Another learner's attempt answers 404, like one that does not exist."""
    return get_object_or_404(
        Attempt.objects.select_related("quiz"), pk=attempt_id, learner=request.user
    )


@login_required
@require_POST
def attempt_start(request, quiz_id: int):
    quiz = get_object_or_404(QuizPage.objects.live(), pk=quiz_id)
    try:
        attempt = services.attempt_start(learner=request.user, quiz=quiz)
    except services.QuizError as error:
        messages.error(request, str(error))
        return redirect(quiz.url)
    return redirect("quizzes:attempt_page", attempt_id=attempt.pk, page=1)


def _raw_responses(request, items) -> dict[int, object]:
    """Reads the page's fields into raw responses (each type reads its own, quizzes/types;
    attempt_save cleans them)."""
    responses = responses_from_post(request.POST, items)
    save_id = request.POST.get("save_id", "")
    if save_id and not SAVE_ID.fullmatch(save_id):
        raise grading.ResponseError(_("Identifiant d’enregistrement non valide."))
    return responses


def _seconds_left(attempt: Attempt) -> int | None:
    """The countdown's start, from the server's clock: a phone's clock is often wrong."""
    if attempt.deadline is None:
        return None
    return max(0, int((attempt.deadline - timezone.now()).total_seconds()))


def attempt_page(request, attempt_id: int, page: int):
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    attempt = _own_attempt(request, attempt_id)
    if attempt.state != Attempt.State.IN_PROGRESS:
        return redirect("quizzes:attempt_review", attempt_id=attempt.pk)
    if not 1 <= page <= attempt.page_count:
        raise Http404
    items = list(attempt.items.filter(page_number=page))
    error, status, posted = None, 200, None
    if request.method == "POST":
        try:
            responses = _raw_responses(request, items)
            services.attempt_save(
                attempt=attempt, responses=responses, save_id=request.POST.get("save_id", "")
            )
        except grading.ResponseError as exc:
            error, status, posted = str(exc), 400, request.POST
        except services.QuizError as exc:
            messages.error(request, str(exc))
            return redirect("quizzes:attempt_summary", attempt_id=attempt.pk)
        else:
            nav = request.POST.get("nav", "next")
            if nav == "prev" and page > 1:
                return redirect("quizzes:attempt_page", attempt_id=attempt.pk, page=page - 1)
            if nav == "next" and page < attempt.page_count:
                return redirect("quizzes:attempt_page", attempt_id=attempt.pk, page=page + 1)
            return redirect("quizzes:attempt_summary", attempt_id=attempt.pk)
        items = list(attempt.items.filter(page_number=page))
    return TemplateResponse(
        request,
        "quizzes/attempt_page.html",
        {
            "attempt": attempt,
            "quiz": attempt.quiz,
            "page_number": page,
            "questions": [selectors.item_view(item, posted) for item in items],
            "save_id": uuid.uuid4().hex,
            "error": error,
            "pages": range(1, attempt.page_count + 1),
            "seconds_left": _seconds_left(attempt),
        },
        status=status,
    )


@login_required
def attempt_summary(request, attempt_id: int):
    attempt = _own_attempt(request, attempt_id)
    if attempt.state != Attempt.State.IN_PROGRESS:
        return redirect("quizzes:attempt_review", attempt_id=attempt.pk)
    # A description asks nothing: it is neither answered nor unanswered.
    items = [i for i in attempt.items.all() if not question_type(i.snapshot["type"]).information]
    return TemplateResponse(
        request,
        "quizzes/attempt_summary.html",
        {
            "attempt": attempt,
            "quiz": attempt.quiz,
            "items": [
                {
                    "position": i.position + 1,
                    "page": i.page_number,
                    "answered": i.response is not None,
                }
                for i in items
            ],
            "unanswered": sum(1 for i in items if i.response is None),
            "seconds_left": _seconds_left(attempt),
        },
    )


def _course_completed(*, learner, course) -> bool:
    enrollment = course_selectors.enrollment_get(learner=learner, course=course)
    return enrollment is not None and enrollment.is_completed


@login_required
@require_POST
def attempt_submit(request, attempt_id: int):
    attempt = _own_attempt(request, attempt_id)
    course = services.quiz_course(attempt.quiz)
    was_completed = _course_completed(learner=request.user, course=course)
    attempt = services.attempt_submit(attempt=attempt)
    if attempt.state == Attempt.State.ABANDONED:
        messages.error(request, _("Le temps était écoulé : cette tentative n’est pas comptée."))
    elif not was_completed and _course_completed(learner=request.user, course=course):
        # The submit that completes the course: the completion moment, not a plain review.
        return redirect("courses:completed", course_id=course.pk)
    return redirect("quizzes:attempt_review", attempt_id=attempt.pk)


@login_required
def attempt_review(request, attempt_id: int):
    attempt = _own_attempt(request, attempt_id)
    if attempt.state == Attempt.State.IN_PROGRESS:
        return redirect("quizzes:attempt_summary", attempt_id=attempt.pk)
    attempts = list(
        Attempt.objects.filter(learner=request.user, quiz=attempt.quiz).order_by("number")
    )
    parts = selectors.review_parts(attempt=attempt, attempts=attempts)
    items = [selectors.item_review(item, parts) for item in attempt.items.all()]
    return TemplateResponse(
        request,
        "quizzes/attempt_review.html",
        {
            "attempt": attempt,
            "quiz": attempt.quiz,
            "parts": parts,
            "later": selectors.review_later(quiz=attempt.quiz, parts=parts),
            "items": items,
            "quiz_url": attempt.quiz.url,
            "step": _next_step(learner=request.user, quiz=attempt.quiz, attempts=attempts),
        },
    )


# --- « À corriger »: essays graded by a person -----------------------------------------------

GRADING_LIST_SIZE = 200


# Both pages: signed in, and allowed to grade someone (selectors.user_may_grade); others get
# a 404, like an object out of their scope (the pages name learners).


@login_required
def grading_list(request):
    if not selectors.user_may_grade(request.user):
        raise Http404
    waiting = selectors.essays_to_grade(user=request.user)
    items = list(waiting[:GRADING_LIST_SIZE])
    return TemplateResponse(
        request,
        "quizzes/grading_list.html",
        {"items": items, "total": len(items) if len(items) < GRADING_LIST_SIZE else None},
    )


@require_http_methods(["GET", "POST"])
@login_required
def grading_item(request, item_id: int):
    if not selectors.user_may_grade(request.user):
        raise Http404
    item = get_object_or_404(selectors.essays_to_grade(user=request.user), pk=item_id)
    essay = selectors.essay_for_grader(item)
    form = EssayGradeForm(request.POST or None, max_score=essay["max_score"])
    status = 200
    if request.method == "POST":
        if form.is_valid():
            try:
                services.essay_grade(
                    item_id=item.pk,
                    grader=request.user,
                    score=form.cleaned_data["score"],
                    feedback=form.cleaned_data["feedback"],
                )
            except (services.GradingError, grading.ResponseError) as error:
                messages.error(request, str(error))
                return redirect("quizzes:grading_list")
            messages.success(request, _("Correction enregistrée."))
            following = selectors.essays_to_grade(user=request.user).first()
            if following is not None:
                return redirect("quizzes:grading_item", item_id=following.pk)
            return redirect("quizzes:grading_list")
        status = 400
    return TemplateResponse(
        request, "quizzes/grading_item.html", {"essay": essay, "form": form}, status=status
    )
