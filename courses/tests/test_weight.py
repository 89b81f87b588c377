"""Page weight budgets (shared/design.md). Bytes are deterministic, so this is a test."""

import gzip

import pytest
from django.contrib.staticfiles import finders

from accounts.tests.factories import LearnerFactory
from courses import services
from courses.demo import _block
from courses.demo_content import COURSES
from courses.models import LessonPage
from courses.tests.factories import course_build, lessons_of

pytestmark = pytest.mark.django_db

HTML_BUDGET = 14 * 1024
TOTAL_BUDGET = 60 * 1024


def heaviest_demo_body():
    lessons = [lesson for c in COURSES for m in c["modules"] for lesson in m["lessons"]]
    return max(lessons, key=lambda lesson: len(repr(lesson["body"])))["body"]


def test_heaviest_demo_lesson_fits_the_budgets(client):
    learner = LearnerFactory()
    client.force_login(learner)
    course = course_build(modules=2, lessons=3)
    services.enrollment_create(learner=learner, course=course)
    lesson = lessons_of(course)[0]
    lesson.body = [_block(block_type, value) for block_type, value in heaviest_demo_body()]
    lesson.save_revision().publish()
    lesson = LessonPage.objects.get(pk=lesson.pk)

    response = client.get(lesson.url)
    assert response.status_code == 200
    html = gzip.compress(response.content)
    with open(finders.find("css/kalan.css"), "rb") as css_file:
        css = gzip.compress(css_file.read())
    assert b"<script" not in response.content  # nothing to download but HTML and CSS
    assert len(html) <= HTML_BUDGET, len(html)
    assert len(html) + len(css) <= TOTAL_BUDGET
