"""The user create and edit forms of the admin in chromium: both tabs work, with Kalan's fields
(the templates share one include, wagtailusers/users/includes/user_form_tabs.html)."""

import pytest

from accounts.tests.factories import UnitFactory, UserFactory
from conftest import login_browser

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_an_administrator_reaches_both_tabs_of_the_user_forms(page, client, base_url, page_shots):
    from playwright.sync_api import expect

    admin = UserFactory(is_superuser=True)
    UnitFactory(name="Brigade de Sévaré")
    other = UserFactory(full_name="Nana Diallo")
    login_browser(page, client, admin, base_url)

    page.goto("/admin/users/new/")
    expect(page.get_by_label("Nom complet")).to_be_visible()
    expect(page.get_by_text("Unités supervisées")).to_be_hidden()
    page_shots(page, "admin-user-create")
    page.locator('#tab-account a[href="#tab-roles"]').click()
    expect(page.get_by_text("Unités supervisées")).to_be_visible()
    expect(page.get_by_label("Brigade de Sévaré")).to_be_visible()
    page_shots(page, "admin-user-create-roles")

    page.goto(f"/admin/users/edit/{other.pk}/")
    expect(page.get_by_label("Nom complet")).to_have_value("Nana Diallo")
    expect(page.locator("#id_is_active")).to_be_attached()
    page_shots(page, "admin-user-edit")
    page.locator("#tab-label-roles").click()
    expect(page.get_by_text("Unités supervisées")).to_be_visible()
    page_shots(page, "admin-user-edit-roles")
