"""`{% icon %}` (lms/templatetags/icons.py): the inline SVG of templates/includes/icon.html."""

import pytest
from django.template import Context, Template, TemplateSyntaxError

from accounts.tests.factories import LearnerFactory
from courses import services
from courses.tests.factories import course_build, lessons_of

ICONS = ["lock", "check", "cross", "circle"]


def _render(source: str, **context) -> str:
    return Template("{% load icons %}" + source).render(Context(context))


@pytest.mark.parametrize("name", ICONS)
def test_the_tag_renders_the_svg_of_each_icon(name):
    html = _render(f'{{% icon "{name}" %}}')
    assert html.startswith(f'<svg class="icon icon--{name}"') and html.endswith("</svg>")
    assert 'aria-hidden="true"' in html  # decorative: the caller writes the label
    assert "&lt;" not in html  # not escaped
    assert _render(f'{{% icon "{name}" %}}') == html  # rendered once, the same every time


def test_each_icon_has_its_own_svg():
    assert len({_render(f'{{% icon "{name}" %}}') for name in ICONS}) == len(ICONS)


def test_the_tag_takes_a_variable():
    assert _render("{% icon name %}", name="lock").startswith('<svg class="icon icon--lock"')


@pytest.mark.parametrize("name", ["inconnu", "", "Lock"])
def test_an_unknown_icon_is_an_error(name):
    with pytest.raises(TemplateSyntaxError, match="icon"):
        _render(f'{{% icon "{name}" %}}')


@pytest.mark.django_db
def test_the_course_outline_shows_the_icons(client):
    """A done lesson is checked, the next one circled, the locked module's lessons locked."""
    course = course_build(modules=2, lessons=2, sequential=True)
    learner = LearnerFactory()
    services.enrollment_create(learner=learner, course=course)
    services.lesson_complete(learner=learner, lesson=lessons_of(course)[0])
    client.force_login(learner)
    html = client.get(course.url).content.decode()
    outline = html.split('<ol class="outline">', 1)[1]

    def mark_of(title):
        item = outline.split(title, 1)[0].rsplit('<li class="outline__item', 1)[1]
        return item.split('<span class="outline__mark">', 1)[1].split("</span>", 1)[0]

    assert mark_of("Leçon 1.1").startswith('<svg class="icon icon--check"')
    assert mark_of("Leçon 1.2").startswith('<svg class="icon icon--circle"')
    assert mark_of("Leçon 2.1").startswith('<svg class="icon icon--lock"')
    module_title = outline.split("Leçon 2.1", 1)[0].rsplit('<h3 class="outline__title">', 1)[1]
    assert '<span class="badge badge--muted"><svg class="icon icon--lock"' in module_title


@pytest.mark.django_db
def test_a_checklist_block_shows_its_check_and_cross_icons(client):
    course = course_build(modules=1, lessons=1)
    lesson = lessons_of(course)[0]
    lesson.body = [
        (
            "checklist",
            {"title": "Lors de la garde à vue", "do": ["Notifier les droits"], "dont": ["Menacer"]},
        )
    ]
    lesson.save_revision().publish()
    learner = LearnerFactory()
    services.enrollment_create(learner=learner, course=course)
    client.force_login(learner)
    html = client.get(lesson.url).content.decode()
    checklist = html.split('<section class="block block--checklist">', 1)[1].split("</section>")[0]
    assert '<li><svg class="icon icon--check"' in checklist
    assert "</svg> Notifier les droits</li>" in checklist.split("checklist__col--dont")[0]
    assert '<li><svg class="icon icon--cross"' in checklist
    assert "</svg> Menacer</li>" in checklist.split("checklist__col--dont")[1]
