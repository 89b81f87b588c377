"""The read API that courses offers the other apps (courses/selectors.py): the outline of a
course as a learner sees it, a learner's enrollment, the course above a page."""

import ast
from datetime import timedelta
from pathlib import Path

import pytest
from django.conf import settings
from django.contrib.auth.models import AnonymousUser
from django.db import connection
from django.db.models import Exists, OuterRef
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from wagtail.models import Page

from accounts.tests.factories import LearnerFactory
from courses import completion, selectors, services
from courses.models import CoursePage, Enrollment, LessonCompletion, LessonPage, ModulePage
from courses.tests.factories import course_build, lesson_body, lessons_of

pytestmark = pytest.mark.django_db


def _done(outline) -> list[str]:
    return [item.title for item in outline.items if item.completed]


def _locked(outline) -> list[str]:
    return [item.title for item in outline.items if item.locked]


def test_outline_for_ticks_what_the_learner_did_and_locks_the_modules_after():
    learner = LearnerFactory()
    course = course_build(modules=2, lessons=2, sequential=True)
    enrollment = services.enrollment_create(learner=learner, course=course)
    first = lessons_of(course)[0]
    services.lesson_complete(learner=learner, lesson=first)
    # Another learner's completion is not this one's.
    other = LearnerFactory()
    services.enrollment_create(learner=other, course=course)
    services.lesson_complete(learner=other, lesson=lessons_of(course)[1])

    outline = selectors.outline_for(course=course, learner=learner, enrollment=enrollment)

    assert _done(outline) == ["Leçon 1.1"]
    assert _locked(outline) == ["Leçon 2.1", "Leçon 2.2"]
    assert outline.next_unfinished().title == "Leçon 1.2"


def test_a_visitor_and_a_learner_not_enrolled_see_the_bare_outline():
    learner = LearnerFactory()
    course = course_build(modules=2, lessons=1, sequential=True)
    services.enrollment_create(learner=learner, course=course)
    services.lesson_complete(learner=learner, lesson=lessons_of(course)[0])
    Enrollment.objects.filter(learner=learner).delete()  # left the course; the rows stay

    for reader in (None, AnonymousUser(), learner):
        outline = selectors.outline_for(course=course, learner=reader)
        assert _done(outline) == []
        assert _locked(outline) == ["Leçon 2.1"]


def test_outline_for_reads_the_enrollment_when_not_given(django_assert_num_queries):
    """A completed enrollment unlocks every module and flags the pages published since; the
    outline reads it itself in one more query."""
    learner = LearnerFactory()
    course = course_build(modules=2, lessons=1, sequential=True)
    services.enrollment_create(learner=learner, course=course)
    for lesson in lessons_of(course):
        services.lesson_complete(learner=learner, lesson=lesson)
    enrollment = Enrollment.objects.get(learner=learner, course=course)
    assert enrollment.is_completed
    Enrollment.objects.filter(pk=enrollment.pk).update(
        completed_at=timezone.now() - timedelta(days=1)
    )
    module = ModulePage.objects.child_of(course).first()
    added = module.add_child(instance=LessonPage(title="Leçon ajoutée", body=lesson_body()))
    added.save_revision().publish()
    selectors.outline_for(course=course, learner=None)  # warms the content types' cache

    with django_assert_num_queries(2):
        outline = selectors.outline_for(course=course, learner=learner)
    enrollment = selectors.enrollment_get(learner=learner, course=course)
    with django_assert_num_queries(1):
        same = selectors.outline_for(course=course, learner=learner, enrollment=enrollment)

    assert outline == same
    assert _locked(outline) == []
    assert [item.title for item in outline.items if item.new] == ["Leçon ajoutée"]
    assert _done(outline) == ["Leçon 1.1", "Leçon 2.1"]


def test_outline_for_refuses_an_enrollment_of_another_learner_or_course():
    learner, other = LearnerFactory(), LearnerFactory()
    course, second = course_build(title="Une"), course_build(title="Deux")
    theirs = services.enrollment_create(learner=other, course=course)
    mine_elsewhere = services.enrollment_create(learner=learner, course=second)
    with pytest.raises(ValueError):
        selectors.outline_for(course=course, learner=learner, enrollment=theirs)
    with pytest.raises(ValueError):
        selectors.outline_for(course=course, learner=learner, enrollment=mine_elsewhere)


def test_pages_another_app_completes_are_ticked_in_the_outline_query(
    monkeypatch, django_assert_num_queries
):
    """The extension point of courses/completion.py: a registered subquery (quizzes: a passed
    quiz) ticks its pages and opens the next module, read in the outline's own query."""
    learner = LearnerFactory()
    course = course_build(modules=2, lessons=1, sequential=True)
    enrollment = services.enrollment_create(learner=learner, course=course)
    first = lessons_of(course)[0]

    def subquery(*, learner):
        return Exists(Page.objects.filter(pk=OuterRef("pk")).filter(pk=first.pk))

    monkeypatch.setitem(completion._completed_pages, "test", subquery)
    selectors.outline_for(course=course, learner=None)
    with django_assert_num_queries(1):
        outline = selectors.outline_for(course=course, learner=learner, enrollment=enrollment)
    assert _done(outline) == ["Leçon 1.1"]
    assert _locked(outline) == []
    assert not LessonCompletion.objects.exists()


def test_progress_counts_the_lessons_the_outline_ticks():
    """The progress and the outline read completion the same way: a lesson the outline
    ticks is a lesson the progress counts, and only a published one."""
    learner = LearnerFactory()
    course = course_build(modules=1, lessons=4, sequential=False)
    enrollment = services.enrollment_create(learner=learner, course=course)
    lessons = lessons_of(course)
    for lesson in lessons[:2]:
        services.lesson_complete(learner=learner, lesson=lesson)
    lessons[0].unpublish()
    outline = selectors.outline_for(course=course, learner=learner, enrollment=enrollment)
    progress = completion.progress_compute(enrollment=enrollment, outline=outline)
    assert (progress.done, progress.total) == (1, 3)
    assert services.enrollment_progress_refresh(enrollment=enrollment).progress_percent == 33


def test_enrollment_get_returns_the_learners_own_enrollment_with_its_relations(
    django_assert_num_queries,
):
    learner, other = LearnerFactory(), LearnerFactory()
    course, second = course_build(title="Une"), course_build(title="Deux")
    enrollment = services.enrollment_create(learner=learner, course=course)
    services.enrollment_create(learner=other, course=second)

    with django_assert_num_queries(1):
        found = selectors.enrollment_get(learner=learner, course=course)
        assert (found.learner.full_name, found.course.title) == (learner.full_name, "Une")
    assert found == enrollment
    assert selectors.enrollment_get(learner=learner.pk, course=course.pk) == enrollment
    assert selectors.enrollment_get(learner=learner, course=second) is None
    assert selectors.enrollment_get(learner=other, course=course) is None
    with django_assert_num_queries(0):
        assert selectors.enrollment_get(learner=AnonymousUser(), course=course) is None
        assert selectors.enrollment_get(learner=None, course=course) is None


def test_enrollment_get_attaches_the_learner_and_course_it_was_given():
    """Given as objects, the learner and the course are attached to the enrollment, not read
    again in a join; given as keys, they are read with it."""
    learner, course = LearnerFactory(), course_build(title="Une")
    services.enrollment_create(learner=learner, course=course)
    with CaptureQueriesContext(connection) as ctx:
        found = selectors.enrollment_get(learner=learner, course=course)
    assert found.learner is learner and found.course is course
    assert "JOIN" not in ctx.captured_queries[0]["sql"]
    with CaptureQueriesContext(connection) as ctx:
        found = selectors.enrollment_get(learner=learner.pk, course=course)
    assert found.course is course and found.learner == learner
    assert "accounts_user" in ctx.captured_queries[0]["sql"].split("FROM")[0]


def test_completed_enrollments_before_a_moment():
    learners = [LearnerFactory() for _ in range(3)]
    course = course_build(modules=1, lessons=1)
    lesson = lessons_of(course)[0]
    for learner in learners:
        services.enrollment_create(learner=learner, course=course)
    for learner in learners[:2]:
        services.lesson_complete(learner=learner, lesson=lesson)
    Enrollment.objects.filter(learner=learners[0]).update(
        completed_at=timezone.now() - timedelta(hours=2)
    )
    every = selectors.completed_enrollments()
    earlier = selectors.completed_enrollments(completed_before=timezone.now() - timedelta(hours=1))
    assert {e.learner_id for e in every} == {learners[0].pk, learners[1].pk}
    assert [e.learner_id for e in earlier] == [learners[0].pk]


def test_the_course_above_a_page_in_one_query(django_assert_num_queries):
    course = course_build(modules=1, lessons=1)
    course_build(title="Voisine", modules=1, lessons=1)
    lesson = lessons_of(course)[0]
    module = ModulePage.objects.child_of(course).first()
    assert selectors.course_path_for(lesson) == course.path
    with django_assert_num_queries(1):
        assert selectors.course_for_lesson(lesson) == course
    with django_assert_num_queries(1):
        assert selectors.course_for_page(lesson) == course
    # A page placed directly in the course (a final quiz): its parent is the course.
    assert selectors.course_for_page(module) == course
    # Asked again of the same instance: no query; once its path is another (the page moved),
    # asked anew.
    with django_assert_num_queries(0):
        assert selectors.course_for_page(lesson) == course
    other = CoursePage.objects.get(title="Voisine")
    lesson.path = lessons_of(other)[0].path
    with django_assert_num_queries(1):
        assert selectors.course_for_page(lesson) == other


# The apps above courses read it through its selectors and write through its services; they
# never query its Enrollment model themselves, nor reach another app with apps.get_model.
LAYERED_APPS = ("quizzes", "certificates", "xapi", "workshops", "packages")


def _sources(app: str):
    root = Path(settings.BASE_DIR) / app
    for path in sorted(root.rglob("*.py")):
        parts = path.relative_to(root).parts
        if parts[0] not in ("tests", "migrations"):
            yield path


def test_apps_above_courses_read_enrollments_only_through_its_selectors():
    offenders = []
    for app in LAYERED_APPS:
        for path in _sources(app):
            tree = ast.parse(path.read_text(encoding="utf-8"))
            for node in ast.walk(tree):
                if (
                    isinstance(node, ast.ImportFrom)
                    and node.module == "courses.models"
                    and any(alias.name == "Enrollment" for alias in node.names)
                ):
                    offenders.append(f"{path}:{node.lineno} imports Enrollment")
                if (
                    isinstance(node, ast.Attribute)
                    and node.attr == "get_model"
                    and isinstance(node.value, ast.Name)
                    and node.value.id == "apps"
                ):
                    offenders.append(f"{path}:{node.lineno} apps.get_model")
    assert offenders == []


@pytest.mark.parametrize("sequential", [True, False])
def test_only_a_sequential_course_may_lock_and_never_its_first_module(sequential):
    course = course_build(modules=2, lessons=1, sequential=sequential)
    first, second = lessons_of(course)
    assert selectors.may_be_locked(page=first, course=course) is False
    assert selectors.may_be_locked(page=second, course=course) is sequential


# --- The enrollment above a page ------------------------------------------------------------------


@pytest.mark.parametrize("where", ["module", "course"])
def test_enrollment_for_page_reads_the_enrollment_and_its_course_in_one_query(
    where, django_assert_num_queries
):
    course = course_build(modules=1, lessons=1)
    parent = course if where == "course" else ModulePage.objects.child_of(course).first()
    page = parent.add_child(instance=LessonPage(title="Page du test", body=lesson_body()))
    learner = LearnerFactory()
    services.enrollment_create(learner=learner, course=course)
    page = Page.objects.get(pk=page.pk)
    with django_assert_num_queries(1):
        enrollment = selectors.enrollment_for_page(learner=learner, page=page)
        assert enrollment.course == course and enrollment.learner is learner
        assert selectors.course_for_page(page) == course  # kept on the page: no query


def test_enrollment_for_page_is_none_when_not_enrolled_or_a_visitor():
    course = course_build(modules=1, lessons=1)
    page = lessons_of(course)[0]
    assert selectors.enrollment_for_page(learner=LearnerFactory(), page=page) is None
    assert selectors.enrollment_for_page(learner=AnonymousUser(), page=page) is None
    other = course_build(title="Autre formation", modules=1, lessons=1)
    learner = LearnerFactory()
    services.enrollment_create(learner=learner, course=other)
    assert selectors.enrollment_for_page(learner=learner, page=page) is None
    assert selectors.enrollment_for_page(learner=learner, page=lessons_of(other)[0]).course == other
