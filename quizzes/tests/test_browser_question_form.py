"""The question editor shows the answer fields of the chosen type only, and changes them when
the editor changes the type (static/js/question-form.js), with Debian's chromium."""

import pytest
from django.contrib.auth.models import Group, Permission

from accounts import roles
from accounts.tests.factories import UserFactory
from conftest import login_browser
from quizzes.tests.factories import question_make

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

ADD = "/admin/snippets/quizzes/question/add/"


@pytest.fixture
def editor(wagtail_site, role_groups):
    # The flush after a transactional test drops the groups' permissions given by migrations.
    Group.objects.get(name=roles.EDITORS).permissions.add(
        *Permission.objects.filter(
            content_type__app_label="quizzes",
            codename__in=["add_question", "change_question", "view_question"],
        )
    )
    return UserFactory(role=roles.EDITORS)


def shoot(page, screenshot_dir, name, target):
    # The admin scrolls inside its own container, which a full-page shot does not follow.
    for width, height in ((390, 844), (1366, 900)):
        page.set_viewport_size({"width": width, "height": height})
        target.scroll_into_view_if_needed()
        page.screenshot(path=screenshot_dir / f"{name}-{width}.png")


def test_the_form_follows_the_type_the_editor_chooses(
    page, client, live_server, editor, screenshot_dir
):
    from playwright.sync_api import expect

    login_browser(page, client, editor, live_server.url)
    page.goto(ADD)
    page.locator("#id_choices-ADD").click()
    page.locator("#id_pairs-ADD").click()
    tolerance = page.locator("#id_choices-0-tolerance")
    choice_text = page.locator("#id_choices-0-text")
    prompt = page.locator("#id_pairs-0-prompt")
    answer = page.locator("#id_pairs-0-answer")
    kind = page.locator("#id_question_type")

    kind.select_option("single")
    expect(choice_text).to_be_visible()
    expect(tolerance).to_be_hidden()
    expect(prompt).to_be_hidden()
    expect(page.locator("#id_pairs-ADD")).to_be_hidden()
    expect(page.get_by_text("Association ou remise en ordre")).to_be_hidden()

    kind.select_option("numerical")
    expect(tolerance).to_be_visible()
    expect(prompt).to_be_hidden()

    kind.select_option("matching")
    expect(choice_text).to_be_hidden()
    expect(page.locator("#id_choices-ADD")).to_be_hidden()
    expect(prompt).to_be_visible()
    expect(answer).to_be_visible()
    # A row added while the type is chosen follows it too.
    page.locator("#id_pairs-ADD").click()
    expect(page.locator("#id_pairs-1-answer")).to_be_visible()

    kind.select_option("ordering")
    expect(prompt).to_be_visible()
    expect(answer).to_be_hidden()
    expect(page.locator("#id_pairs-1-answer")).to_be_hidden()

    kind.select_option("single")  # and back: nothing typed is lost on the way
    choice_text.fill("48 heures")
    kind.select_option("numerical")
    kind.select_option("single")
    expect(choice_text).to_have_value("48 heures")
    expect(tolerance).to_be_hidden()


def test_an_existing_question_opens_with_its_types_fields(
    page, client, live_server, editor, screenshot_dir
):
    from playwright.sync_api import expect

    numerical = question_make("numerical", name="Durée en heures")
    matching = question_make("matching", name="Textes et sujets")
    login_browser(page, client, editor, live_server.url)

    page.goto(f"/admin/snippets/quizzes/question/edit/{numerical.pk}/")
    expect(page.locator("#id_choices-0-tolerance")).to_be_visible()
    expect(page.locator("#id_pairs-ADD")).to_be_hidden()
    shoot(page, screenshot_dir, "question-numerique", page.locator("#id_choices-0-feedback"))

    page.goto(f"/admin/snippets/quizzes/question/edit/{matching.pk}/")
    expect(page.locator("#id_pairs-0-answer")).to_be_visible()
    expect(page.locator("#id_choices-ADD")).to_be_hidden()
    shoot(page, screenshot_dir, "question-association", page.locator("#id_pairs-2-answer"))

    # The bank's list, filtered and searched, leads to the import page.
    page.goto("/admin/snippets/quizzes/question/?q=dur%C3%A9e&question_type=numerical")
    expect(page.get_by_role("link", name="Durée en heures")).to_be_visible()
    expect(page.get_by_role("link", name="Textes et sujets")).to_have_count(0)
    shoot(page, screenshot_dir, "banque-questions", page.locator("main h1"))
    page.get_by_role("link", name="Importer / exporter").click()
    page.wait_for_url("**/admin/questions/import/")


def test_without_javascript_every_field_shows(browser, client, live_server, editor):
    question = question_make("single", name="Durée")
    context = browser.new_context(java_script_enabled=False, base_url=live_server.url)
    client.force_login(editor)
    from django.conf import settings

    context.add_cookies(
        [
            {
                "name": settings.SESSION_COOKIE_NAME,
                "value": client.cookies[settings.SESSION_COOKIE_NAME].value,
                "url": live_server.url,
            }
        ]
    )
    page = context.new_page()
    page.goto(f"/admin/snippets/quizzes/question/edit/{question.pk}/")
    assert page.locator("#id_choices-0-tolerance").is_visible()
    assert page.get_by_text(
        "Numérique seulement ; ignorée pour les autres types."
    ).first.is_visible()
    assert page.get_by_text("Association et remise en ordre seulement").is_visible()
    context.close()
