from datetime import date, timedelta

import pytest
from django.db import connection
from django.db.models import Count
from django.http import Http404
from django.template import Context, Template
from wagtail.models import Page
from wagtail.rich_text import RichText

from accounts.tests.factories import LearnerFactory
from courses.models import CourseIndexPage, CoursePage, Enrollment, LessonPage, ModulePage
from courses.tests.factories import course_build, lessons_of

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("parent", "child", "allowed"),
    [
        (Page, CourseIndexPage, True),
        (CourseIndexPage, CoursePage, True),
        (CoursePage, ModulePage, True),
        (ModulePage, LessonPage, True),
        (CourseIndexPage, LessonPage, False),
        (CoursePage, LessonPage, False),
        (Page, CoursePage, False),
        (LessonPage, LessonPage, False),
        (ModulePage, ModulePage, False),
    ],
)
def test_page_tree_rules(parent, child, allowed):
    assert (child in parent.allowed_subpage_models()) == allowed
    assert (parent in child.allowed_parent_page_models()) == allowed


def test_reading_time_counts_words_and_video_minutes():
    course = course_build(modules=1, lessons=1)
    lesson = lessons_of(course)[0]
    lesson.body = [
        ("paragraph", RichText("<p>" + " ".join(["mot"] * 400) + "</p>")),
        (
            "video",
            {"url": "", "title": "T", "duration_minutes": 5, "transcript": RichText("<p>a</p>")},
        ),
    ]
    lesson.save()
    assert lesson.reading_minutes == 3 + 5


def test_lesson_url_resolves_with_one_routing_query(client):
    course = course_build(modules=1, lessons=1)
    lesson = lessons_of(course)[0]
    index = CourseIndexPage.objects.get()
    components = lesson.url_path[len(index.url_path) :].strip("/").split("/")
    assert index.route(None, components).page == lesson
    with pytest.raises(Http404):
        index.route(None, [*components[:-1], "inconnue"])


@pytest.mark.django_db
def test_recent_activity_index_has_nulls_last_where_the_database_takes_it():
    """The learner table's default order (latest activity first, never active last) has an
    index in that order: NULLS LAST on PostgreSQL, implied by DESC on SQLite (which refuses
    the clause in CREATE INDEX)."""
    (index,) = [i for i in Enrollment._meta.indexes if i.name == "courses_enrollment_recent_idx"]
    sql = str(index.create_sql(Enrollment, connection.schema_editor()))
    if connection.vendor == "postgresql":
        assert '("last_activity_at" DESC NULLS LAST, "id")' in sql
    else:
        assert '("last_activity_at" DESC, "id")' in sql


# --- The enrollment rules (EnrollmentQuerySet, Enrollment.is_overdue) ------------------------

TODAY = date(2025, 3, 10)
STATUSES = list(Enrollment.Status)


def _enrollments_every_case():
    """One learner per (status, due date) pair, the due dates around TODAY and none."""
    course = course_build(modules=1, lessons=1)
    dues = [None, TODAY - timedelta(days=1), TODAY, TODAY + timedelta(days=1)]
    dues += [TODAY + timedelta(days=6), TODAY + timedelta(days=7), TODAY + timedelta(days=8)]
    return [
        Enrollment.objects.create(learner=LearnerFactory(), course=course, status=s, due_date=d)
        for s in STATUSES
        for d in dues
    ]


def _pks(queryset):
    return set(queryset.values_list("pk", flat=True))


def test_overdue_is_a_due_date_before_today_on_a_course_not_completed():
    rows = _enrollments_every_case()
    overdue = _pks(Enrollment.objects.overdue(TODAY))
    expected = {
        e.pk
        for e in rows
        if e.due_date == TODAY - timedelta(days=1) and e.status != Enrollment.Status.COMPLETED
    }
    assert overdue == expected and len(expected) == 2
    # Due today is not overdue yet; it is the day after.
    assert not Enrollment.objects.overdue(TODAY).filter(due_date=TODAY).exists()
    assert len(_pks(Enrollment.objects.overdue(TODAY + timedelta(days=1)))) == 4


def test_the_row_and_the_queryset_say_the_same_overdue():
    rows = _enrollments_every_case()
    for today in (TODAY - timedelta(days=1), TODAY, TODAY + timedelta(days=1)):
        in_sql = _pks(Enrollment.objects.overdue(today))
        in_python = {e.pk for e in rows if e.is_overdue(today)}
        assert in_sql == in_python
        counted = Enrollment.objects.aggregate(
            n=Count("pk", filter=Enrollment.objects.overdue_q(today))
        )["n"]
        assert counted == len(in_python)


def test_due_within_counts_the_days_from_today_and_keeps_the_overdue():
    rows = _enrollments_every_case()
    within = _pks(Enrollment.objects.due_within(7, TODAY))
    expected = {
        e.pk
        for e in rows
        if e.due_date is not None
        and e.due_date <= TODAY + timedelta(days=7)
        and e.status != Enrollment.Status.COMPLETED
    }
    assert within == expected
    # Two open statuses, each with (yesterday, today, tomorrow, +6, +7): +8 and no date stay out.
    assert len(expected) == 10
    assert len(_pks(Enrollment.objects.due_within(0, TODAY))) == 4
    assert _pks(Enrollment.objects.due_within(6, TODAY)) < within


def test_completed_and_not_started():
    rows = _enrollments_every_case()
    completed = {e.pk for e in rows if e.is_completed}
    assert completed and _pks(Enrollment.objects.completed()) == completed
    assert _pks(Enrollment.objects.not_completed()) == {e.pk for e in rows} - completed
    assert all(e.is_not_started == (e.status == "not_started") for e in rows)


def test_the_template_filter_reads_the_row_rule():
    rows = _enrollments_every_case()
    html = Template("{% load courses_tags %}{% if e|overdue_on:today %}late{% endif %}")
    for e in rows:
        out = html.render(Context({"e": e, "today": TODAY}))
        assert (out == "late") == e.is_overdue(TODAY)
    assert html.render(Context({"e": None, "today": TODAY})) == ""


def test_progress_apply_is_the_completion_rule_and_never_takes_completion_back():
    from django.utils import timezone

    from courses.completion import Progress

    now = timezone.now()
    enrollment = Enrollment()
    assert enrollment.progress_apply(Progress(done=0, total=4), now=now) == (
        ["progress_percent", "last_activity_at", "status"],
        False,
    )
    assert (enrollment.status, enrollment.started_at) == (Enrollment.Status.NOT_STARTED, None)
    fields, just_completed = enrollment.progress_apply(Progress(done=1, total=4), now=now)
    assert not just_completed and "started_at" in fields
    assert (enrollment.status, enrollment.progress_percent) == (Enrollment.Status.IN_PROGRESS, 25)
    later = now + timedelta(hours=1)
    assert enrollment.progress_apply(Progress(done=4, total=4), now=later)[1]
    assert enrollment.is_completed and enrollment.completed_at == later
    assert enrollment.started_at == now  # the first step's time stays
    # A lesson published later: 4 of 5 done, the course stays completed at 100 %.
    fields, just_completed = enrollment.progress_apply(Progress(done=4, total=5), now=later)
    assert not just_completed and "status" not in fields
    assert (enrollment.progress_percent, enrollment.completed_at) == (100, later)
