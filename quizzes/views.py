import json
import re
import uuid
from types import SimpleNamespace

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.auth.views import redirect_to_login
from django.http import Http404, JsonResponse, QueryDict
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.dateparse import parse_datetime
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from courses import selectors as course_selectors
from courses.selectors import offline_user_key

from . import drawing, grading, selectors, services
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
    enrollment = course_selectors.enrollment_for_page(learner=learner, page=quiz)
    course = enrollment.course if enrollment is not None else services.quiz_course(quiz)
    grade = quiz.grades.filter(learner=learner).first()
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
            course=course, learner=learner, enrollment=enrollment, shown=True
        )
        step["next_item"] = selectors.quiz_next_item(quiz_id=quiz.pk, outline=outline)
    if in_progress is None:
        counts = selectors.AttemptCounts.of(attempts)
        step["refusal"] = services.attempt_start_refusal(
            learner=learner,
            quiz=quiz,
            counts=counts,
            enrolled=enrollment is not None,
            course=course,
        )
        step["retry_at"] = services.attempt_retry_at(quiz=quiz, counts=counts)
    return step


def _own_attempt(request, attempt_id: int) -> Attempt:
    """Another learner's attempt answers 404, like one that does not exist."""
    return get_object_or_404(
        Attempt.objects.select_related("quiz"), pk=attempt_id, learner=request.user
    )


@login_required
@require_POST
def attempt_start(request, quiz_id: int):
    start = drawing.quiz_start(quiz_id)
    if start is None:
        raise Http404
    quiz = start.quiz
    try:
        attempt = services.attempt_start(learner=request.user, quiz=quiz, start=start)
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


def _offline_urls(attempt: Attempt) -> str:
    """What the device keeps of an attempt to go on without connection (static/js/offline.js):
    its pages, its summary and the quiz's page, which hold no answer and no weight."""
    urls = [
        reverse("quizzes:attempt_page", args=[attempt.pk, page])
        for page in range(1, attempt.page_count + 1)
    ]
    urls += [reverse("quizzes:attempt_summary", args=[attempt.pk]), attempt.quiz.url]
    return " ".join(urls)


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
            "offline_urls": _offline_urls(attempt),
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
            "offline_urls": _offline_urls(attempt),
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


# --- Answers queued offline (issue 19) ---------------------------------------------------------

# A page's fields, as the device read them from the form: at most this many [name, value] pairs.
OFFLINE_FIELDS_MAX = 2000


class _Refusal(Exception):
    def __init__(self, message: str, status: int):
        super().__init__(message)
        self.status = status


def _offline_request(request, attempt_id: int):
    """The learner's own attempt and the JSON body of an answer queued offline: client_id
    (UUID), user (the device's key of the person who queued it) and done_at (the press
    time, ISO 8601 with its zone, on the server's clock). Raises _Refusal or Http404."""
    if not request.user.is_authenticated:
        # 401, not the sign-in page: the device keeps the answer and sends it once signed in.
        raise _Refusal(_("Connectez-vous pour envoyer ce qui attend sur cet appareil."), 401)
    attempt = _own_attempt(request, attempt_id)
    try:
        data = json.loads(request.body.decode("utf-8"))
        if not isinstance(data, dict):
            raise ValueError
    except (ValueError, UnicodeDecodeError):
        raise _Refusal(_("Envoi illisible : le corps doit être un objet JSON."), 400) from None
    try:
        client_id = uuid.UUID(str(data.get("client_id", "")))
    except ValueError:
        raise _Refusal(_("Champ « client_id » : un identifiant UUID est attendu."), 400) from None
    done_at = parse_datetime(data["done_at"]) if isinstance(data.get("done_at"), str) else None
    if done_at is None or timezone.is_naive(done_at):
        raise _Refusal(
            _("Champ « done_at » : une date ISO 8601 avec son fuseau est attendue."), 400
        )
    if data.get("user") != offline_user_key(request.user):
        raise _Refusal(_("Cet envoi a été préparé par une autre personne."), 409)
    return attempt, data, client_id, done_at


def _offline_fields(data) -> QueryDict:
    """The page's fields ([[name, value], …]) as the form would have posted them."""
    fields = data.get("fields")
    if (
        not isinstance(fields, list)
        or len(fields) > OFFLINE_FIELDS_MAX
        or not all(
            isinstance(pair, list) and len(pair) == 2 and all(isinstance(v, str) for v in pair)
            for pair in fields
        )
    ):
        raise _Refusal(
            _("Champ « fields » : une liste de paires [nom, valeur] (textes) est attendue."),
            400,
        )
    posted = QueryDict(mutable=True)
    for name, value in fields:
        posted.appendlist(name, value)
    return posted


def _offline_answer(sync) -> JsonResponse:
    attempt = sync.attempt
    delay = attempt.offline_delay
    return JsonResponse(
        {
            "status": sync.status,
            "state": attempt.state,
            "offline_delay_minutes": int(delay.total_seconds() // 60) if delay else None,
        }
    )


@require_POST
def attempt_save_sync(request, attempt_id: int, page: int):
    """A page's answers saved on a device without connection, sent when it returns (JSON:
    client_id, user, done_at, fields). The server decides (services.attempt_save_offline).
    Answers JSON; a refusal is {"error": message}, which the device shows and drops."""
    try:
        attempt, data, client_id, pressed_at = _offline_request(request, attempt_id)
        if not 1 <= page <= attempt.page_count:
            raise Http404
        items = list(attempt.items.filter(page_number=page))
        responses = _raw_responses(SimpleNamespace(POST=_offline_fields(data)), items)
        sync = services.attempt_save_offline(
            attempt=attempt, responses=responses, client_id=client_id, pressed_at=pressed_at
        )
    except _Refusal as refusal:
        return JsonResponse({"error": str(refusal)}, status=refusal.status)
    except grading.ResponseError as error:
        message = _("Quiz « %(quiz)s », page %(page)d : %(error)s") % {
            "quiz": attempt.quiz.title,
            "page": page,
            "error": error,
        }
        return JsonResponse({"error": message}, status=400)
    except services.QuizError as error:
        return JsonResponse({"error": str(error)}, status=422)
    return _offline_answer(sync)


@require_POST
def attempt_submit_sync(request, attempt_id: int):
    """« Envoyer et terminer » pressed on a device without connection, sent when it returns
    (JSON: client_id, user, done_at). The server decides (services.attempt_submit_offline)."""
    try:
        attempt, _data, client_id, pressed_at = _offline_request(request, attempt_id)
        sync = services.attempt_submit_offline(
            attempt=attempt, client_id=client_id, pressed_at=pressed_at
        )
    except _Refusal as refusal:
        return JsonResponse({"error": str(refusal)}, status=refusal.status)
    except services.QuizError as error:
        return JsonResponse({"error": str(error)}, status=422)
    return _offline_answer(sync)


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
