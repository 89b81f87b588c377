"""Supervisor pages. Every object comes from a scoped selector: out of scope answers 404."""

from functools import wraps

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import formats, timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from accounts.selectors import (
    learner_list_in_scope,
    unit_labels,
    unit_list_in_scope,
    unit_parent_in_scope,
)
from courses.models import CoursePage
from jobs.services import JobRefused, job_create

from . import charts, selectors, services
from .forms import AssignmentForm, DashboardFilterForm, dashboard_filters
from .jobs import EXPORT, export_params

PAGE_SIZE = 50


class CountedPaginator(Paginator):
    """A paginator given the number of items, which the page has already counted: it does
    not ask the database again."""

    def __init__(self, object_list, per_page, *, count: int, **kwargs):
        super().__init__(object_list, per_page, **kwargs)
        self.count = count  # `count` is a cached property: this is its value


def supervisor_required(view=None, *, object_view: bool = False):
    """Signed in, and a supervisor of at least one unit or an administrator. Others get a
    403 explanation on the dashboard, and a 404 on a URL naming an object (a learner, an
    assignment), like any object outside their scope."""

    def decorate(view):
        @login_required
        @wraps(view)
        def wrapper(request, *args, **kwargs):
            if not selectors.user_is_supervisor(request.user):
                if object_view:
                    raise Http404
                raise PermissionDenied(_("Cette page est réservée aux superviseurs."))
            return view(request, *args, **kwargs)

        return wrapper

    return decorate(view) if view is not None else decorate


def _filters_from(request, labels) -> tuple[DashboardFilterForm, selectors.Filters]:
    return dashboard_filters(user=request.user, query=request.GET, labels=labels)


@require_GET
@supervisor_required
def dashboard(request):
    labels = unit_labels()
    form, filters = _filters_from(request, labels)
    today = timezone.localdate()
    enrollments = selectors.enrollments_filtered(user=request.user, filters=filters, today=today)
    stats = selectors.course_stats(
        enrollments=enrollments,
        today=today,
        related=selectors.related_q(user=request.user, filters=filters),
        titles=form.course_titles,
    )
    units = selectors.unit_breakdown(
        user=request.user, enrollments=enrollments, unit=filters.unit, today=today
    )
    weeks = selectors.completions_by_week(enrollments=enrollments, today=today)
    # Every filtered enrollment is in exactly one course row: their sum is the table's count.
    page = CountedPaginator(
        selectors.learner_rows(enrollments=enrollments, sort=filters.sort),
        PAGE_SIZE,
        count=sum(row.enrolled for row in stats),
    ).get_page(request.GET.get("page"))
    for row in page:
        row.unit_label = labels.get(row.learner.unit_id, "")
    query = request.GET.copy()
    query.pop("page", None)
    unit_chart = charts.horizontal_bars(
        [
            (
                row.heading,
                row.completion_rate,
                f"{row.completion_rate} % ({row.completed}/{row.enrolled})",
            )
            for row in units
        ]
    )
    # « 14 sept. »: short enough for six labels on a phone; the table below has full dates.
    week_chart = charts.columns(
        [(formats.date_format(point.week, "j N"), point.completed) for point in weeks]
    )
    return render(
        request,
        "tracking/dashboard.html",
        {
            "form": form,
            "filters": filters,
            "unit_path": labels.get(filters.unit.pk) if filters.unit else "",
            "parent_unit": unit_parent_in_scope(user=request.user, unit=filters.unit),
            "stats": stats,
            "units": units,
            "unit_chart": unit_chart,
            "weeks": weeks,
            "week_chart": week_chart,
            "week_total": sum(point.completed for point in weeks),
            "page": page,
            "query": query.urlencode(),
            "today": today,
        },
    )


@require_POST
@supervisor_required
def export(request, fmt: str):
    """Queues the export of the filtered table; a worker writes the file, which the supervisor
    downloads from the job's page. A full export takes seconds of database and CPU time: it
    must not hold a web worker (issue 14)."""
    _filters_from(request, unit_labels())  # a unit out of scope answers 404 now, not later
    try:
        job = job_create(
            owner=request.user,
            kind=EXPORT,
            params=export_params(user=request.user, fmt=fmt, query=request.GET),
        )
    except JobRefused as refused:
        messages.error(request, str(refused))
        query = request.GET.urlencode()
        return redirect(reverse("tracking:dashboard") + (f"?{query}" if query else ""))
    return redirect("jobs:job", pk=job.pk)


@require_GET
@supervisor_required(object_view=True)
def learner_detail(request, pk: int):
    learner = get_object_or_404(
        learner_list_in_scope(user=request.user).select_related("unit"), pk=pk
    )
    courses = selectors.learner_detail(learner=learner)
    titles = {c.enrollment.course_id: c.enrollment.course.title for c in courses}
    return render(
        request,
        "tracking/learner_detail.html",
        {
            "learner": learner,
            "unit_path": unit_labels().get(learner.unit_id, ""),
            "courses": courses,
            "reminders": selectors.learner_reminders(learner=learner, course_titles=titles),
            "last_activity": selectors.learner_last_activity(learner=learner),
            "today": timezone.localdate(),
        },
    )


@require_http_methods(["GET", "POST"])
@supervisor_required
def assignments(request):
    labels = unit_labels()
    searching = "search" in request.POST and (
        request.POST.get("target") == AssignmentForm.TARGET_LEARNERS
    )
    if searching:
        # « Rechercher » posts the form to list other learners, not to assign: the same form
        # comes back unbound (no error for a field not filled in yet) with what was typed.
        # Enter in any field also "clicks" it (the form's first submit button), so with the
        # unit target, where the button is hidden, the form is submitted as an assignment.
        initial = {
            name: values if name == "learners" else values[-1]
            for name, values in request.POST.lists()
            if name != "csrfmiddlewaretoken"
        }
        form = AssignmentForm(initial=initial, user=request.user, labels=labels)
    else:
        form = AssignmentForm(request.POST or None, user=request.user, labels=labels)
    if request.method == "POST" and form.is_bound and form.is_valid():
        data = form.cleaned_data
        course = get_object_or_404(CoursePage.objects.live(), pk=data["course"])
        unit = (
            get_object_or_404(unit_list_in_scope(user=request.user), pk=data["unit"])
            if data.get("unit")
            else None
        )
        try:
            services.assignment_create(
                course=course,
                due_date=data["due_date"],
                assigned_by=request.user,
                unit=unit,
                learners=data["learners"],
            )
        except services.TrackingError as error:
            form.add_error(None, str(error))
        else:
            messages.success(
                request,
                _("La formation « %(course)s » est affectée, échéance le %(date)s.")
                % {
                    "course": course.title,
                    "date": formats.date_format(data["due_date"], "SHORT_DATE_FORMAT"),
                },
            )
            return redirect("tracking:assignments")
    items = list(
        selectors.assignment_list_in_scope(user=request.user).order_by("due_date", "pk")[:500]
    )
    for item in items:
        item.unit_label = labels.get(item.unit_id, "")
    return render(
        request,
        "tracking/assignments.html",
        {"form": form, "assignments": items, "today": timezone.localdate()},
        status=400 if form.errors else 200,
    )


@require_POST
@supervisor_required(object_view=True)
def assignment_delete(request, pk: int):
    assignment = get_object_or_404(selectors.assignment_list_in_scope(user=request.user), pk=pk)
    services.assignment_delete(assignment=assignment)
    messages.success(request, _("L’affectation est supprimée. Les inscriptions sont conservées."))
    return redirect("tracking:assignments")
