"""The demo's three courses, imported by `load_demo` from their packages (content/demo/),
published. Idempotent: a course already on the site (by its package id, or by its slug for a
database loaded before the packages) is left as it is, except that a demo quiz whose review
policy is still the first, unsafe one gets the safe one (quizzes/demo.py)."""

from pathlib import Path

from django.conf import settings
from django.db import transaction

from courses.models import CourseIndexPage, CoursePage
from quizzes.demo import demo_review_policy_upgrade
from quizzes.models import QuizPage

from .archive import read_package
from .importer import course_import
from .models import COURSE_KEY, PageSource

DEMO_DIR = Path(settings.BASE_DIR) / "content" / "demo"
# In the catalogue's order; the demo learners' states (load_demo) follow it.
DEMO_PACKAGES = [
    "droits-humains-fonctions-opj",
    "defenseurs-droits-humains-mnpddh",
    "securite-physique-numerique-defenseurs",
]


def _existing(index: CourseIndexPage, name: str) -> CoursePage | None:
    source = PageSource.objects.filter(package_id=name, key=COURSE_KEY).first()
    if source is not None:
        return CoursePage.objects.get(pk=source.page_id)
    return CoursePage.objects.child_of(index).filter(slug=name).first()


@transaction.atomic
def demo_courses_load(*, index: CourseIndexPage) -> list[CoursePage]:
    courses = []
    for name in DEMO_PACKAGES:
        course = _existing(index, name)
        if course is None:
            course = course_import(read_package(DEMO_DIR / name), publish=True).course
        else:
            for quiz in QuizPage.objects.descendant_of(course):
                demo_review_policy_upgrade(quiz)
        courses.append(course)
    return courses


def demo_quizzes(courses: list[CoursePage]) -> list[QuizPage]:
    return [
        quiz
        for course in courses
        for quiz in QuizPage.objects.descendant_of(course).order_by("path")
    ]
