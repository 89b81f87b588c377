"""The outbox page in the Wagtail admin, on a phone and a desktop: readable, « Renvoyer »
works without JavaScript, no serious axe violation."""

import pytest
from django.contrib.auth.models import Permission
from django.utils import timezone
from playwright.sync_api import expect

from accounts import roles
from accounts.tests.factories import UserFactory
from conftest import admin_sign_in
from lms.tests.test_accessibility import axe_check
from xapi.models import OutboxStatement

from .test_admin_views import row_make

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.mark.parametrize("width", [390, 1366])
def test_an_administrator_sends_a_failing_statement_again(
    page, live_server, wagtail_site, role_groups, settings, screenshot_dir, width
):
    settings.XAPI_LRS_URL = ""
    # A transactional test's flush removed migration 0002's grant: give it back.
    role_groups[roles.ADMINISTRATORS].permissions.add(
        Permission.objects.get(content_type__app_label="xapi", codename="change_outboxstatement")
    )
    admin = UserFactory(role=roles.ADMINISTRATORS, matricule="ADM-XAPI")
    for n in range(3):
        row_make(key=f"enrolled:{n}")
    later = timezone.now() + timezone.timedelta(hours=1)
    failing = row_make(
        OutboxStatement.Status.FAILING,
        key="enrolled:99",
        attempts=4,
        next_try_at=later,
        last_error='HTTP 500 : {"detail":"Statements bulk indexation failed"}',
    )
    page.set_viewport_size({"width": width, "height": 844})
    page.goto(live_server.url + "/admin/login/")
    admin_sign_in(page, admin.matricule)
    page.goto(live_server.url + "/admin/xapi/")
    assert page.get_by_text("Statements bulk indexation failed").is_visible()
    assert page.get_by_role("link", name="En attente (3)").is_visible()
    assert page.get_by_text("Aucun entrepôt d’apprentissage (LRS) n’est configuré").is_visible()
    axe_check(page, f"envois xAPI ({width})")
    page.screenshot(path=screenshot_dir / f"xapi-outbox-{width}.png", full_page=True)
    page.get_by_role("button", name="Renvoyer", exact=True).click()
    expect(page.get_by_text("La déclaration sera renvoyée dans un instant.")).to_be_visible()
    failing.refresh_from_db()
    assert failing.next_try_at <= timezone.now()
    page.get_by_role("link", name="En attente (3)").click()
    expect(page.locator("table.listing tbody tr")).to_have_count(3)
    page.screenshot(path=screenshot_dir / f"xapi-outbox-waiting-{width}.png", full_page=True)
