import pytest
from django.db import connection
from django.http import Http404
from wagtail.models import Page
from wagtail.rich_text import RichText

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
