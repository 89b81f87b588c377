"""The reminders' read-only list in the Wagtail admin."""

import pytest
from django.urls import reverse

from accounts import roles
from accounts.tests.factories import LearnerFactory, UserFactory
from tracking.models import Reminder
from tracking.wagtail_hooks import ReadOnlyPermissionPolicy

pytestmark = pytest.mark.django_db


@pytest.fixture
def reminder(tree):
    learner = LearnerFactory(unit=tree.mopti, matricule="MOP-001", email="awa@example.ml")
    return Reminder.objects.create(
        kind=Reminder.Kind.LEARNER_DUE, recipient=learner, period="2026-11-30", details={}
    )


def test_administrators_list_and_inspect_the_reminders_sent(client, reminder):
    client.force_login(UserFactory(role=roles.ADMINISTRATORS))
    listing = client.get(reverse("rappels:index"))
    assert listing.status_code == 200
    assert "MOP-001" in listing.content.decode()
    inspect = client.get(reverse("rappels:inspect", args=[reminder.pk]))
    assert inspect.status_code == 200 and "2026-11-30" in inspect.content.decode()
    export = client.get(reverse("rappels:index"), {"export": "csv"})
    assert b"2026-11-30" in b"".join(export.streaming_content)


@pytest.mark.parametrize("superuser", [False, True])
def test_nobody_adds_edits_or_deletes_a_reminder(client, reminder, superuser):
    user = UserFactory(is_superuser=True) if superuser else UserFactory(role=roles.ADMINISTRATORS)
    client.force_login(user)
    before = list(Reminder.objects.values())
    for name, args in (("add", []), ("edit", [reminder.pk]), ("delete", [reminder.pk])):
        url = reverse(f"rappels:{name}", args=args)
        assert client.get(url).status_code in (302, 403), name
        client.post(url, {"kind": "learner_due", "period": "2000-01-01", "recipient": user.pk})
    assert list(Reminder.objects.values()) == before
    assert "/admin/rappels/new/" not in client.get(reverse("rappels:index")).content.decode()


def test_editors_do_not_see_the_reminders(client, reminder):
    client.force_login(UserFactory(role=roles.EDITORS))
    response = client.get(reverse("rappels:index"))
    assert response.status_code in (302, 403)
    assert "MOP-001" not in response.content.decode()


def test_the_policy_names_nobody_who_may_change_a_reminder(reminder):
    administrator = UserFactory(role=roles.ADMINISTRATORS)
    superuser = UserFactory(is_superuser=True)
    policy = ReadOnlyPermissionPolicy(Reminder)
    for action in ("add", "change", "delete"):
        assert not policy.users_with_permission(action).exists(), action
    assert set(policy.users_with_permission("view")) >= {administrator, superuser}


def test_the_exports_escape_formulas_and_keep_numbers(client, tree):
    """Wagtail's CSV export wrote a recipient named "=HYPERLINK(…)" as a live formula."""
    import csv
    import io

    from openpyxl import load_workbook

    learner = LearnerFactory(unit=tree.mopti, matricule="MOP-666", full_name='=HYPERLINK("x")')
    Reminder.objects.create(
        kind=Reminder.Kind.LEARNER_DUE, recipient=learner, period="+2026", details={}
    )
    client.force_login(UserFactory(role=roles.ADMINISTRATORS))
    response = client.get(reverse("rappels:index"), {"export": "csv"})
    rows = list(csv.reader(io.StringIO(b"".join(response.streaming_content).decode())))
    assert rows[1][0] == '\'=HYPERLINK("x") (MOP-666)'
    assert rows[1][2] == "'+2026"
    response = client.get(reverse("rappels:index"), {"export": "xlsx"})
    sheet = load_workbook(io.BytesIO(b"".join(response.streaming_content))).active
    recipient, _kind, period, sent_at, _details = next(sheet.iter_rows(min_row=2))
    for cell in (recipient, period):
        assert cell.data_type == "s" and cell.quotePrefix and cell.value.startswith("'")
    assert sent_at.is_date  # dates stay typed
