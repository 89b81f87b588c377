"""Course trees for tests: index › course › modules › lessons, published."""

from wagtail.models import Page, Site
from wagtail.rich_text import RichText

from courses.models import CourseIndexPage, CoursePage, LessonPage, ModulePage


def course_index_get() -> CourseIndexPage:
    index = CourseIndexPage.objects.first()
    if index is None:
        site = Site.objects.filter(is_default_site=True).first()
        root = site.root_page if site else Page.get_first_root_node().get_children().first()
        index = root.add_child(instance=CourseIndexPage(title="Formations", slug="formations"))
    return index


def lesson_body(words: int = 40):
    text = " ".join(["droit"] * words)
    return [
        ("paragraph", RichText(f"<p>{text}</p>")),
        ("remember", {"title": "À retenir", "points": ["Premier point", "Second point"]}),
    ]


def course_build(
    *,
    title="Droits humains et OPJ",
    modules=3,
    lessons=2,
    sequential=True,
    rule="all_lessons",
    self_enrollment=True,
) -> CoursePage:
    index = course_index_get()
    course = index.add_child(
        instance=CoursePage(
            title=title,
            summary="Résumé de la formation.",
            sequential_modules=sequential,
            completion_rule=rule,
            self_enrollment=self_enrollment,
        )
    )
    for m in range(modules):
        module = course.add_child(instance=ModulePage(title=f"Module {m + 1}"))
        for n in range(lessons):
            module.add_child(
                instance=LessonPage(title=f"Leçon {m + 1}.{n + 1}", body=lesson_body())
            )
    return course


def lessons_of(course: CoursePage) -> list[LessonPage]:
    return list(LessonPage.objects.live().descendant_of(course).order_by("path"))
