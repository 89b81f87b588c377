"""Page weight budgets (HTML_BUDGET, TOTAL_BUDGET below, for phones on slow and costly links).
Bytes are deterministic, so this is a test."""

import gzip
import re

import pytest
from django.contrib.staticfiles import finders

from accounts.tests.factories import LearnerFactory
from courses import services
from courses.models import LessonPage
from courses.tests.factories import course_build, lessons_of

pytestmark = pytest.mark.django_db

HTML_BUDGET = 14 * 1024
TOTAL_BUDGET = 60 * 1024
OFFLINE_SCRIPTS = [
    b'<script src="/static/js/offline.js" defer>',
    b'<script id="offline-strings" type="application/json">',
]


def heaviest_demo_body():
    """The body of the demo's heaviest lesson file (content/demo/), imported with its course."""
    from pathlib import Path

    from django.conf import settings

    from packages.archive import read_package
    from packages.importer import course_import

    demo = Path(settings.BASE_DIR) / "content" / "demo"
    heaviest = max(demo.glob("*/lessons/*/*.md"), key=lambda path: path.stat().st_size)
    package = heaviest.parents[2]
    course = course_import(read_package(package), publish=True).course
    key = heaviest.relative_to(package / "lessons").with_suffix("").as_posix()
    lesson = LessonPage.objects.get(package_source__key=key, path__startswith=course.path)
    return lesson.body


def test_heaviest_demo_lesson_fits_the_budgets(client):
    learner = LearnerFactory()
    client.force_login(learner)
    course = course_build(modules=2, lessons=3)
    body = heaviest_demo_body()
    services.enrollment_create(learner=learner, course=course)
    lesson = lessons_of(course)[0]
    lesson.body = body.raw_data
    lesson.save_revision().publish()
    lesson = LessonPage.objects.get(pk=lesson.pk)

    response = client.get(lesson.url)
    assert response.status_code == 200
    html = gzip.compress(response.content)
    with open(finders.find("css/kalan.css"), "rb") as css_file:
        css = gzip.compress(css_file.read())
    with open(finders.find("js/offline.js"), "rb") as script_file:
        script = gzip.compress(script_file.read())
    # Nothing to run but the offline script (issue 19), deferred, and its texts (JSON).
    assert re.findall(rb"<script[^>]*>", response.content) == OFFLINE_SCRIPTS
    assert len(html) <= HTML_BUDGET, len(html)
    assert len(html) + len(css) + len(script) <= TOTAL_BUDGET
