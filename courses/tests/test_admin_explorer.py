"""The editors' side of the page tree in the Wagtail admin: the explorer shows a course in
the learners' order, a new lesson lands before the module's quiz, and a reviewer's decision
is confirmed."""

import json
import re

import pytest
from django.urls import reverse

from accounts import roles
from accounts.tests.factories import UserFactory
from courses import services
from courses.models import LessonPage, ModulePage
from courses.tests.factories import course_build, lesson_body
from quizzes.tests.factories import question_make, quiz_make

pytestmark = pytest.mark.django_db


@pytest.fixture
def course():
    services.course_tree_setup()
    return course_build(modules=3, lessons=2)


def _titles_in(html: str, titles: list[str]) -> list[str]:
    return sorted(titles, key=lambda title: html.index(title))


def test_the_explorer_lists_modules_and_lessons_in_the_course_order(client, course):
    editor = UserFactory(role=roles.EDITORS)
    # A later change to the first module and lesson: Wagtail's default order (last change
    # first) would list them first; the course's order keeps them where learners meet them.
    first_module = ModulePage.objects.child_of(course).order_by("path").first()
    modules = list(ModulePage.objects.child_of(course).order_by("-path"))
    for module in [*modules, first_module]:
        module.save_revision()
    first_lesson = LessonPage.objects.child_of(first_module).order_by("path").first()
    first_lesson.save_revision()
    quiz_make(first_module, questions=[question_make()], title="Quiz du module 1")
    client.force_login(editor)
    course_html = client.get(f"/admin/pages/{course.pk}/").content.decode()
    titles = ["Module 1", "Module 2", "Module 3"]
    assert _titles_in(course_html, titles) == titles
    module_html = client.get(f"/admin/pages/{first_module.pk}/").content.decode()
    titles = ["Leçon 1.1", "Leçon 1.2", "Quiz du module 1"]
    assert _titles_in(module_html, titles) == titles


def _lesson_post(title: str) -> dict:
    paragraph = {
        "blocks": [
            {
                "key": "a1b2c",
                "type": "unstyled",
                "text": "Le contenu de la leçon.",
                "depth": 0,
                "inlineStyleRanges": [],
                "entityRanges": [],
            }
        ],
        "entityMap": {},
    }
    return {
        "title": title,
        "slug": re.sub(r"[^a-z0-9]+", "-", title.lower()).strip("-"),
        "body-count": "1",
        "body-0-type": "paragraph",
        "body-0-deleted": "",
        "body-0-order": "0",
        "body-0-id": "0d0e0a0d-0000-4000-8000-000000000001",
        "body-0-value": json.dumps(paragraph),
        "resources-TOTAL_FORMS": "0",
        "resources-INITIAL_FORMS": "0",
        "resources-MIN_NUM_FORMS": "0",
        "resources-MAX_NUM_FORMS": "1000",
        "seo_title": "",
        "search_description": "",
    }


def test_a_new_lesson_goes_before_the_modules_quiz(client, course):
    module = ModulePage.objects.child_of(course).order_by("path").first()
    quiz = quiz_make(module, questions=[question_make()], title="Quiz du module 1")
    client.force_login(UserFactory(role=roles.EDITORS))
    response = client.post(
        f"/admin/pages/add/courses/lessonpage/{module.pk}/", _lesson_post("Leçon nouvelle")
    )
    assert response.status_code == 302, response.content.decode()[:3000]
    children = [p.title for p in module.get_children().order_by("path")]
    assert children == ["Leçon 1.1", "Leçon 1.2", "Leçon nouvelle", quiz.title]


def test_a_new_lesson_in_a_module_without_quiz_stays_last(client, course):
    module = ModulePage.objects.child_of(course).order_by("path").first()
    client.force_login(UserFactory(role=roles.EDITORS))
    client.post(f"/admin/pages/add/courses/lessonpage/{module.pk}/", _lesson_post("Dernière"))
    children = [p.title for p in module.get_children().order_by("path")]
    assert children == ["Leçon 1.1", "Leçon 1.2", "Dernière"]


def _submitted_lesson(course):
    module = ModulePage.objects.child_of(course).order_by("path").first()
    editor = UserFactory(role=roles.EDITORS)
    lesson = module.add_child(
        instance=LessonPage(title="Leçon soumise", body=lesson_body(), live=False)
    )
    lesson.save_revision(user=editor)
    workflow_state = lesson.get_workflow().start(lesson, editor)
    return lesson, workflow_state.current_task_state


def test_a_reviewer_is_told_that_the_approval_was_taken(client, course):
    lesson, task_state = _submitted_lesson(course)
    client.force_login(UserFactory(role=roles.REVIEWERS))
    url = reverse("wagtailadmin_pages:workflow_action", args=(lesson.pk, "approve", task_state.pk))
    response = client.post(url, follow=True)
    assert "« Leçon soumise » : approbation enregistrée." in response.content.decode()
    lesson.refresh_from_db()
    assert lesson.live


def test_a_reviewer_is_told_that_the_changes_were_requested(client, course):
    lesson, task_state = _submitted_lesson(course)
    client.force_login(UserFactory(role=roles.REVIEWERS))
    url = reverse("wagtailadmin_pages:workflow_action", args=(lesson.pk, "reject", task_state.pk))
    response = client.post(url, {"comment": "Citer l’article 10."}, follow=True)
    assert "« Leçon soumise » : la demande de modifications est envoyée." in (
        response.content.decode()
    )
    lesson.refresh_from_db()
    assert not lesson.live


def test_an_editor_cannot_use_the_reviewers_action(client, course):
    lesson, task_state = _submitted_lesson(course)
    client.force_login(UserFactory(role=roles.EDITORS))
    url = reverse("wagtailadmin_pages:workflow_action", args=(lesson.pk, "approve", task_state.pk))
    response = client.post(url, follow=True)
    assert "approbation enregistrée" not in response.content.decode()
    lesson.refresh_from_db()
    assert not lesson.live


def test_the_live_preview_may_be_framed_by_the_admin_and_nothing_else(client, course):
    """The preview panel frames the page: its policy allows the site itself, while a page
    served to learners still refuses every frame."""
    lesson = LessonPage.objects.child_of(
        ModulePage.objects.child_of(course).order_by("path").first()
    ).first()
    client.force_login(UserFactory(role=roles.EDITORS))
    url = f"/admin/pages/{lesson.pk}/edit/preview/"
    assert client.post(url, _lesson_post("Aperçu de la leçon")).json()["is_valid"]
    preview = client.get(url)
    assert "Aperçu de la leçon" in preview.content.decode()
    assert "frame-ancestors 'self'" in preview["Content-Security-Policy"]
    assert preview["X-Frame-Options"] == "SAMEORIGIN"
    served = client.get(lesson.url)
    assert "frame-ancestors 'none'" in served["Content-Security-Policy"]


def test_a_new_page_form_does_not_save_itself(client, course):
    """No autosave on a creation form: an abandoned « Nouveau : Leçon » leaves no page. The
    edit form of an existing page still autosaves."""
    module = ModulePage.objects.child_of(course).order_by("path").first()
    client.force_login(UserFactory(role=roles.EDITORS))

    def editor_form(url):
        html = client.get(url).content.decode()
        return re.search(r'<form[^>]*id="page-edit-form".*?>', html, re.S).group(0)

    assert "w-autosave" not in editor_form(f"/admin/pages/add/courses/lessonpage/{module.pk}/")
    lesson = LessonPage.objects.child_of(module).first()
    assert "w-autosave" in editor_form(f"/admin/pages/{lesson.pk}/edit/")


def test_approving_from_the_edit_pages_menu_says_the_approval_was_taken(client, course):
    lesson, _task_state = _submitted_lesson(course)
    client.force_login(UserFactory(role=roles.REVIEWERS))
    data = {
        **_lesson_post("Leçon soumise"),
        "action-workflow-action": "true",
        "workflow-action-name": "approve",
    }
    response = client.post(f"/admin/pages/{lesson.pk}/edit/", data, follow=True)
    html = response.content.decode()
    assert "« Leçon soumise » : approbation enregistrée." in html
    assert "a été mise à jour" not in html
    lesson.refresh_from_db()
    assert lesson.live


def test_saving_a_page_still_says_it_was_updated(client, course):
    lesson = LessonPage.objects.child_of(ModulePage.objects.child_of(course).first()).first()
    client.force_login(UserFactory(role=roles.EDITORS))
    data = {**_lesson_post(lesson.title), "slug": lesson.slug}
    response = client.post(f"/admin/pages/{lesson.pk}/edit/", data, follow=True)
    html = response.content.decode()
    # Wagtail's own message, with non-breaking spaces inside its « ».
    assert f"La page «\xa0{lesson.title}\xa0» a été mise à jour." in html
    assert "approbation enregistrée" not in html
