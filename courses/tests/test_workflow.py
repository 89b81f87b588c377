"""Editors write, reviewers approve: an editor's submission is not live until approved."""

import pytest
from wagtail.models import Workflow

from accounts import roles
from accounts.tests.factories import UserFactory
from courses import services
from courses.models import LessonPage, ModulePage
from courses.tests.factories import course_build, lesson_body

pytestmark = pytest.mark.django_db


@pytest.fixture
def setup():
    index = services.course_tree_setup()
    course = course_build()
    module = ModulePage.objects.child_of(course).first()
    return index, module


def test_setup_is_idempotent_and_assigns_the_workflow(setup):
    index, _module = setup
    assert services.course_tree_setup().pk == index.pk
    workflow = Workflow.objects.get(name="Relecture CNDH")
    assert index.get_workflow() == workflow


def test_editor_submission_is_not_live_until_a_reviewer_approves(setup):
    _index, module = setup
    editor = UserFactory(role=roles.EDITORS)
    reviewer = UserFactory(role=roles.REVIEWERS)
    lesson = module.add_child(
        instance=LessonPage(title="Nouvelle leçon", body=lesson_body(), live=False)
    )
    assert not lesson.permissions_for_user(editor).can_publish()
    assert lesson.permissions_for_user(editor).can_edit()
    lesson.save_revision(user=editor)
    workflow_state = lesson.get_workflow().start(lesson, editor)
    lesson.refresh_from_db()
    assert not lesson.live

    task = workflow_state.current_task_state.task.specific
    assert task.get_actions(lesson, editor) == []
    assert "approve" in [name for name, *_rest in task.get_actions(lesson, reviewer)]
    task.on_action(workflow_state.current_task_state, reviewer, "approve")
    lesson.refresh_from_db()
    assert lesson.live


def test_editor_cannot_edit_outside_the_course_tree(setup):
    from wagtail.models import Page

    editor = UserFactory(role=roles.EDITORS)
    site_root = Page.objects.get(depth=2)
    assert not site_root.permissions_for_user(editor).can_edit()
    assert not site_root.permissions_for_user(editor).can_add_subpage()
