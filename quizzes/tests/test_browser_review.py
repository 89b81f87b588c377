"""« Un éditeur modifie une question et la soumet, un relecteur l'approuve », in Wagtail's admin,
with Debian's chromium."""

import re

import pytest
from django.contrib.auth.models import Group, Permission

from accounts import roles
from accounts.tests.factories import UserFactory
from conftest import admin_sign_in
from courses import services as course_services
from quizzes import services
from quizzes.models import Question
from quizzes.tests.factories import question_make

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

# The flush after a transactional test drops the groups' permissions given by migrations.
QUESTION_RIGHTS = {
    roles.EDITORS: ("add", "change", "view"),
    roles.REVIEWERS: ("add", "change", "view", "publish", "lock", "unlock"),
}


@pytest.fixture
def review_setup(wagtail_site, role_groups):
    for name, actions in QUESTION_RIGHTS.items():
        Group.objects.get(name=name).permissions.add(
            *Permission.objects.filter(
                content_type__app_label="quizzes",
                codename__in=[f"{a}_question" for a in actions]
                + [f"{a}_questioncategory" for a in ("add", "change", "view")],
            )
        )
    course_services.course_tree_setup()
    services.question_review_setup()
    question = question_make("single", name="Durée de la garde à vue")
    question.save_revision().publish()
    UserFactory(matricule="ED-1", role=roles.EDITORS)
    UserFactory(matricule="REL-1", role=roles.REVIEWERS)
    return question


def test_editor_edits_a_question_and_submits_it_a_reviewer_approves_it(
    page, review_setup, screenshot_dir, live_server
):
    from playwright.sync_api import expect

    question = review_setup
    edit_url = f"/admin/snippets/quizzes/question/edit/{question.pk}/"

    admin_sign_in(page, "ED-1")
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(edit_url)
    page.screenshot(path=screenshot_dir / "question-edition-390.png", full_page=True)
    page.set_viewport_size({"width": 1366, "height": 900})
    editor = page.locator(".public-DraftEditor-content").first
    editor.click()
    page.keyboard.press("End")
    editor.press_sequentially(" Précisez le délai légal.")
    expect(editor).to_contain_text("Précisez le délai légal.")
    # Draftail writes its hidden input when the editor loses focus.
    page.get_by_label("Nom").first.click()
    expect(page.locator("input[name='text']")).to_have_value(re.compile("délai légal"))
    page.screenshot(path=screenshot_dir / "question-edition-1366.png", full_page=True)
    footer = page.locator("footer [data-w-dropdown-target=toggle]").last
    assert not page.get_by_role("button", name="Publier", exact=True).is_visible()
    footer.click()
    expect(page.get_by_role("button", name="Publier", exact=True)).to_have_count(0)
    with page.expect_navigation():
        page.get_by_role("button", name="Soumettre à Relecture CNDH").click()
    question.refresh_from_db()
    assert question.text == "<p>Énoncé single</p>"
    assert question.workflow_in_progress and question.has_unpublished_changes

    admin_sign_in(page, "REL-1")
    page.goto(edit_url)
    expect(page.locator(".public-DraftEditor-content").first).to_contain_text("délai légal")
    page.screenshot(path=screenshot_dir / "question-relecture-1366.png", full_page=True)
    page.locator("footer [data-w-dropdown-target=toggle]").last.click()
    approve = page.get_by_role("button", name="Approuver et Publier", exact=True)
    expect(approve).to_be_visible()
    page.wait_for_timeout(400)  # the menu fades in
    page.screenshot(path=screenshot_dir / "question-relecture-actions-1366.png")
    with page.expect_navigation():
        approve.click()
    question = Question.objects.get(pk=question.pk)
    assert "Précisez le délai légal." in question.text
    assert question.live and not question.has_unpublished_changes
    assert not question.workflow_in_progress
