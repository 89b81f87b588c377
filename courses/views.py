import json
import uuid

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.auth.views import redirect_to_login
from django.http import JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.dateparse import parse_datetime
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from accounts.selectors import user_roles

from . import search as search_helpers
from . import selectors, services
from .caching import lesson_body_html
from .models import CoursePage, Enrollment, LessonPage


@login_required
def home(request):
    """ "Mes formations": courses in progress, completed and open to enrolment."""
    return render(
        request,
        "courses/home.html",
        {
            "groups": selectors.my_courses(user=request.user),
            "today": timezone.localdate(),
            "roles": user_roles(request.user),
        },
    )


def lesson_serve(request, lesson: LessonPage):
    """A lesson, for an enrolled learner, unless its module is still locked."""
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    course_path = selectors.course_path_for(lesson)
    enrollment = (
        Enrollment.objects.select_related("course")
        .filter(learner=request.user, course__path=course_path)
        .first()
    )
    if enrollment is None:
        messages.info(request, _("Inscrivez-vous pour suivre cette formation."))
        return redirect(CoursePage.objects.get(path=course_path).url)
    course = enrollment.course
    outline = selectors.outline_for(
        course=course, learner=request.user, enrollment=enrollment, shown=True
    )
    item = outline.item(lesson.pk)
    context = {
        "page": lesson,
        "self": lesson,
        "course": course,
        "enrollment": enrollment,
        "outline": outline,
        "item": item,
    }
    if item is None or item.locked:
        return TemplateResponse(request, "courses/lesson_locked.html", context, status=403)
    previous_item, next_item = outline.neighbours(lesson.pk)
    context.update(
        previous_item=previous_item, next_item=next_item, body_html=lesson_body_html(lesson)
    )
    return TemplateResponse(request, "courses/lesson_page.html", context)


@login_required
@require_POST
def lesson_complete(request, lesson_id: int):
    lesson = get_object_or_404(LessonPage.objects.live(), pk=lesson_id)
    was_completed = (
        Enrollment.objects.completed()
        .filter(learner=request.user, course__path=selectors.course_path_for(lesson))
        .exists()
    )
    try:
        enrollment = services.lesson_complete(learner=request.user, lesson=lesson)
    except services.CourseError as error:
        messages.error(request, str(error))
        return redirect(lesson.url)
    course = enrollment.course
    outline = selectors.outline_for(
        course=course, learner=request.user, enrollment=enrollment, shown=True
    )
    if enrollment.is_completed and not was_completed:
        # The lesson that completes the course: the completion moment.
        return redirect("courses:completed", course_id=course.pk)
    messages.success(
        request,
        _("Leçon terminée. Progression : %(percent)d %%.")
        % {"percent": enrollment.progress_percent},
    )
    _previous, following = outline.neighbours(lesson.pk)
    if following is not None and not following.locked:
        return redirect(following.url)
    return redirect(course.url)


@login_required
@require_POST
def course_enroll(request, course_id: int):
    course = get_object_or_404(CoursePage.objects.live(), pk=course_id)
    try:
        services.enrollment_self_enroll(learner=request.user, course=course)
    except services.CourseError as error:
        messages.error(request, str(error))
        return redirect(course.url)
    messages.success(request, _("Vous suivez désormais « %(title)s ».") % {"title": course.title})
    return redirect(course.url)


@login_required
def course_completed(request, course_id: int):
    """The completion moment: congratulations, the date, the final grade and the certificate.
    Only for the learner whose enrollment it is (anyone else: 404); an enrollment not yet
    completed goes back to its course page."""
    enrollment = get_object_or_404(
        Enrollment.objects.select_related("course", "learner"),
        learner=request.user,
        course_id=course_id,
        course__live=True,
    )
    if not enrollment.is_completed:
        return redirect(enrollment.course.url)
    completion = selectors.course_completion(enrollment=enrollment)
    return render(
        request,
        "courses/course_completed.html",
        {"completion": completion, "course": completion.course, "enrollment": enrollment},
    )


@login_required
def search(request):
    """Search in the courses open to the learner: lessons, quizzes, modules and courses."""
    query = " ".join(request.GET.get("q", "").split())[: search_helpers.MAX_QUERY_LENGTH]
    results = (
        selectors.search_results(
            user=request.user, query=query, page_number=request.GET.get("page")
        )
        if query
        else None
    )
    return render(
        request,
        "courses/search.html",
        {
            "query": query,
            "results": results,
            "max_length": search_helpers.MAX_QUERY_LENGTH,
            "max_results": selectors.SEARCH_MAX_RESULTS,
        },
    )


@login_required
@require_GET
def offline_manifest(request, course_id: int):
    """The offline pack of a course as JSON, for the learner's service worker: only for a
    learner enrolled in it (anyone else: 404)."""
    enrollment = get_object_or_404(
        Enrollment.objects.select_related("course", "learner"),
        learner=request.user,
        course_id=course_id,
        course__live=True,
    )
    pack = selectors.offline_pack(course=enrollment.course, enrollment=enrollment)
    return JsonResponse(
        {
            "course": {"id": pack.course.pk, "title": pack.course.title, "url": pack.course.url},
            "user": selectors.offline_user_key(request.user),
            "version": pack.version,
            "size": pack.size,
            "size_label": selectors.size_label(pack.size),
            "entries": [entry.as_dict() for entry in pack.entries],
        },
        json_dumps_params={"ensure_ascii": False},
    )


def _sync_refusal(message: str, status: int) -> JsonResponse:
    return JsonResponse({"error": message}, status=status)


@require_POST
def lesson_complete_sync(request, lesson_id: int):
    """A lesson completion queued offline on the learner's device, sent when the connection
    returns (JSON: client_id, user, done_at). Accepted once whatever the number of replays.
    Answers in JSON; the device drops the item on any answer but 403 (CSRF: sent again with
    a fresh token) and 5xx."""
    if not request.user.is_authenticated:
        return _sync_refusal(_("Connectez-vous pour envoyer ce qui attend sur cet appareil."), 401)
    try:
        data = json.loads(request.body.decode("utf-8"))
        if not isinstance(data, dict):
            raise ValueError
    except (ValueError, UnicodeDecodeError):
        return _sync_refusal(_("Envoi illisible : le corps doit être un objet JSON."), 400)
    try:
        client_id = uuid.UUID(str(data.get("client_id", "")))
    except ValueError:
        return _sync_refusal(_("Champ « client_id » : un identifiant UUID est attendu."), 400)
    done_at = None
    if data.get("done_at") is not None:
        done_at = parse_datetime(str(data["done_at"])) if isinstance(data["done_at"], str) else None
        if done_at is None or timezone.is_naive(done_at):
            return _sync_refusal(
                _("Champ « done_at » : une date ISO 8601 avec son fuseau est attendue."), 400
            )
    if data.get("user") != selectors.offline_user_key(request.user):
        # Queued on this device by someone else who was signed in: never counted for you.
        return _sync_refusal(_("Cet envoi a été préparé par une autre personne."), 409)
    lesson = get_object_or_404(LessonPage.objects.live(), pk=lesson_id)
    try:
        result = services.lesson_complete_offline(
            learner=request.user, lesson=lesson, client_id=client_id, done_at=done_at
        )
    except services.CourseError as error:
        return _sync_refusal(str(error), 422)
    enrollment = result.enrollment
    return JsonResponse(
        {
            "status": "replay" if result.replay else "accepted",
            "progress": enrollment.progress_percent,
            "completed": enrollment.is_completed,
        }
    )


@require_GET
def offline_page(request):
    """« Hors ligne »: what the service worker shows for a page that is not on the device. It
    is the same for everybody (fetched without cookies); its script lists what the signed-in
    person downloaded."""
    return render(request, "courses/offline.html")
