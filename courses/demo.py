"""Builds the demo courses of `load_demo` from courses/demo_content.py, idempotently: a
course whose slug exists is left as it is."""

from django.db import transaction
from wagtail.rich_text import RichText

from .demo_content import COURSES
from .models import CourseIndexPage, CoursePage, GlossaryTerm, LessonPage, ModulePage


def _objectives_html(items: list[str]) -> str:
    from django.utils.html import escape

    return "<ul>" + "".join(f"<li>{escape(item)}</li>" for item in items) + "</ul>"


def _block(block_type: str, value):
    if block_type == "glossary_term":
        term, _created = GlossaryTerm.objects.get_or_create(
            term=value["term"], defaults={"definition": value["definition"]}
        )
        return (block_type, term)
    if block_type == "paragraph":
        return (block_type, RichText(value))
    return (block_type, value)


@transaction.atomic
def demo_courses_load(*, index: CourseIndexPage) -> list[CoursePage]:
    courses = []
    for data in COURSES:
        course = CoursePage.objects.child_of(index).filter(slug=data["slug"]).first()
        if course is None:
            course = index.add_child(
                instance=CoursePage(
                    title=data["title"],
                    slug=data["slug"],
                    summary=data["summary"],
                    audience=data["audience"],
                    objectives=_objectives_html(data["objectives"]),
                    duration_minutes=data["duration_minutes"],
                    level=data["level"],
                    sequential_modules=data["sequential"],
                )
            )
            course.save_revision().publish()
            for module_data in data["modules"]:
                module = course.add_child(
                    instance=ModulePage(
                        title=module_data["title"],
                        introduction=module_data["introduction"],
                        objectives=_objectives_html(module_data["objectives"]),
                    )
                )
                module.save_revision().publish()
                for lesson_data in module_data["lessons"]:
                    lesson = module.add_child(
                        instance=LessonPage(
                            title=lesson_data["title"],
                            body=[_block(t, v) for t, v in lesson_data["body"]],
                        )
                    )
                    lesson.save_revision().publish()
        courses.append(course)
    return courses
