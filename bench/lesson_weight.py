"""Weight and query count of every demo lesson page, as the demo learner sees it.

Run by hand after `make run` (or `manage.py migrate && manage.py load_demo`):

    .venv/bin/python bench/lesson_weight.py

Budgets (static/css/DESIGN.md): at most 10 SQL queries, 14 KB of gzipped HTML, and 60 KB gzipped
for everything but images (HTML + CSS + the one deferred script, static/js/offline.js, that
every page loads for offline use; no web font). Lessons need no JavaScript to work."""

import gzip
import os
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "lms.settings.dev")

import django

django.setup()

from django.conf import settings  # noqa: E402
from django.contrib.staticfiles import finders  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402

from accounts.models import User  # noqa: E402
from courses import services  # noqa: E402
from courses.models import CoursePage, Enrollment, LessonPage  # noqa: E402


def gz(data: bytes) -> int:
    return len(gzip.compress(data, compresslevel=6))


def main():
    settings.ALLOWED_HOSTS = ["*"]
    learner = User.objects.get(matricule="OPJ-0001")
    for course in CoursePage.objects.live():
        if not Enrollment.objects.filter(learner=learner, course=course).exists():
            print(f"(enrolling the demo learner in « {course.title} » for the measure)")
            services.enrollment_create(learner=learner, course=course)
    client = Client()
    client.force_login(learner)
    css = Path(finders.find("css/kalan.css")).read_bytes()
    print(f"CSS: {len(css)} B, {gz(css)} B gzipped")
    js = Path(finders.find("js/offline.js")).read_bytes()
    print(f"JS (offline.js): {len(js)} B, {gz(js)} B gzipped")
    print(f"{'lesson':<70} {'queries':>7} {'HTML':>8} {'HTML gz':>8} {'total gz':>8}")
    worst = 0
    # Measure every lesson, locked or not; the course settings are restored afterwards.
    sequential = dict(CoursePage.objects.values_list("pk", "sequential_modules"))
    CoursePage.objects.update(sequential_modules=False)
    try:
        for lesson in LessonPage.objects.live().order_by("path"):
            client.get(lesson.url)
            with CaptureQueriesContext(connection) as ctx:
                response = client.get(lesson.url)
            html = response.content
            total = gz(html) + gz(css) + gz(js)
            worst = max(worst, gz(html))
            print(f"{lesson.title[:70]:<70} {len(ctx):>7} {len(html):>8} {gz(html):>8} {total:>8}")
    finally:
        for pk, value in sequential.items():
            CoursePage.objects.filter(pk=pk).update(sequential_modules=value)
    print(f"Heaviest lesson: {worst} B of gzipped HTML (budget 14336 B)")


if __name__ == "__main__":
    main()
