import pytest
from django.urls import reverse

from accounts import roles
from accounts.tests.factories import UserFactory
from certificates import services
from certificates.models import Certificate
from certificates.tests.factories import completed_enrollment

pytestmark = pytest.mark.django_db


@pytest.fixture
def certificate(settings, tmp_path):
    settings.MEDIA_ROOT = str(tmp_path)
    enrollment = completed_enrollment()
    return services.certificate_issue(
        learner_id=enrollment.learner_id, course_id=enrollment.course_id
    )


def test_admin_revokes_with_a_reason_and_reissues(client, certificate):
    client.force_login(UserFactory(role=roles.ADMINISTRATORS))
    listing = client.get(reverse("attestations:index"), {"q": certificate.serial})
    assert certificate.serial in listing.content.decode()
    client.post(reverse("attestations:revoke", args=[certificate.pk]), {"reason": ""})
    certificate.refresh_from_db()
    assert certificate.is_valid  # no reason, no revocation
    client.post(
        reverse("attestations:revoke", args=[certificate.pk]), {"reason": "Identité erronée"}
    )
    certificate.refresh_from_db()
    assert not certificate.is_valid and certificate.revoked_reason == "Identité erronée"
    # Reissuing asks first (a GET changes nothing), then replaces the revoked certificate.
    confirm = client.get(reverse("attestations:reissue", args=[certificate.pk]))
    assert "nouveau numéro" in confirm.content.decode()
    assert not Certificate.objects.valid().exists()
    client.post(reverse("attestations:reissue", args=[certificate.pk]))
    assert Certificate.objects.valid().count() == 1
    listing = client.get(reverse("attestations:index")).content.decode()
    assert "Révoquer…" in listing and "Réémettre…" in listing and "Identité erronée" in listing


def test_regenerate_all_renders_every_valid_pdf(
    client, certificate, settings, django_capture_on_commit_callbacks
):
    settings.CELERY_TASK_ALWAYS_EAGER = True
    client.force_login(UserFactory(role=roles.ADMINISTRATORS))
    old_name = certificate.pdf.name
    with django_capture_on_commit_callbacks(execute=True) as queued:
        confirm = client.get(reverse("attestations:regenerate"))
    assert confirm.status_code == 200 and not queued  # a GET only asks
    assert "attestation valide" in confirm.content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("attestations:regenerate"))
    certificate.refresh_from_db()
    assert certificate.pdf.name == old_name and certificate.pdf.storage.exists(old_name)


@pytest.mark.parametrize(
    "role", [roles.EDITORS, roles.REVIEWERS, roles.LEARNERS, roles.SUPERVISORS]
)
def test_only_administrators_manage_certificates(client, certificate, role):
    client.force_login(UserFactory(role=role))
    for name, args in (
        ("attestations:index", []),
        ("attestations:revoke", [certificate.pk]),
        ("attestations:reissue", [certificate.pk]),
        ("attestations:regenerate", []),
    ):
        for response in (
            client.get(reverse(name, args=args)),
            client.post(reverse(name, args=args), {"reason": "x"}),
        ):
            # Editors and reviewers reach the admin: its home page, « pas la permission ».
            assert response.status_code == 302, name
            assert response["Location"].split("?")[0] in ("/admin/", "/admin/login/"), name
    assert "/admin/attestations/" not in client.get("/admin/").content.decode()
    certificate.refresh_from_db()
    assert certificate.is_valid and Certificate.objects.count() == 1


def test_the_policy_grants_the_list_and_actions_never_a_hand_made_certificate(db):
    """Issued by the service only: not added, edited or deleted from the admin, even by a
    superuser; the list and the actions go with `certificates.change_certificate`."""
    from wagtail.permissions import policy_registry

    policy = policy_registry.get_by_type(Certificate)
    administrator = UserFactory(role=roles.ADMINISTRATORS)
    superuser = UserFactory(is_superuser=True)
    editor = UserFactory(role=roles.EDITORS)
    for action in ("view", "revoke", "reissue", "regenerate"):
        assert policy.user_has_permission(administrator, action)
        assert policy.user_has_permission(superuser, action)
        assert not policy.user_has_permission(editor, action)
    for action in ("add", "change", "delete"):
        assert not policy.user_has_permission(superuser, action)
    assert set(policy.users_with_any_permission(["revoke"])) == {administrator, superuser}
    assert not policy.users_with_any_permission(["delete"]).exists()
    administrator.is_active = False
    assert not policy.user_has_permission(administrator, "view")


def test_an_unknown_certificate_is_a_404(client, db):
    client.force_login(UserFactory(role=roles.ADMINISTRATORS))
    for name in ("attestations:revoke", "attestations:reissue"):
        assert client.get(reverse(name, args=[999999])).status_code == 404
        assert client.post(reverse(name, args=[999999]), {"reason": "x"}).status_code == 404


def test_reissuing_an_enrollment_no_longer_completed_says_why(client, certificate):
    from courses.models import Enrollment

    client.force_login(UserFactory(role=roles.ADMINISTRATORS))
    services.certificate_revoke(certificate=certificate, reason="Formation à refaire")
    Enrollment.objects.update(status=Enrollment.Status.IN_PROGRESS)
    done = client.post(reverse("attestations:reissue", args=[certificate.pk]), follow=True)
    assert "pas terminée" in done.content.decode()
    assert not Certificate.objects.valid().exists()


def test_revoking_asks_for_a_confirmation_and_a_reason_first(client, certificate):
    """The list links to a confirmation page; nothing is revoked by a GET, an empty or
    blank reason is refused on the page, and the search field is a Wagtail-styled field."""
    client.force_login(UserFactory(role=roles.ADMINISTRATORS))
    url = reverse("attestations:revoke", args=[certificate.pk])
    listing = client.get(reverse("attestations:index")).content.decode()
    assert f'href="{url}"' in listing and 'class="w-field__input"' in listing
    page = client.get(url)
    assert page.status_code == 200
    html = page.content.decode()
    assert certificate.learner_name in html and "Révoquer définitivement" in html
    assert 'class="w-field__input"' in html
    certificate.refresh_from_db()
    assert certificate.is_valid
    for reason in ("", "   \n  ", "x" * 501):
        refused = client.post(url, {"reason": reason})
        assert refused.status_code == 400
        assert "w-field--error" in refused.content.decode()
    certificate.refresh_from_db()
    assert certificate.is_valid
    done = client.post(url, {"reason": "  Identité\nerronée "}, follow=True)
    assert "révoquée" in done.content.decode()
    certificate.refresh_from_db()
    assert certificate.revoked_reason == "Identité erronée"
    again = client.get(url, follow=True)
    assert "déjà révoquée" in again.content.decode()


def _branding_url():
    from wagtail.models import Site

    site = Site.objects.get(is_default_site=True)
    return reverse("wagtailsettings:edit", args=["certificates", "certificatebranding", site.pk])


def _branding_post(**changes):
    from certificates.services import branding_get

    branding = branding_get()
    data = {
        "organisation": branding.organisation,
        "logo": "",
        "signatory_name": "Djénéba Samaké",
        "signatory_title": "Présidente de la CNDH",
        "signature": "",
    }
    data.update(changes)
    return data


@pytest.mark.parametrize("role", [roles.EDITORS, roles.REVIEWERS, roles.SUPERVISORS])
def test_only_administrators_edit_the_signatory(client, role):
    from certificates.services import branding_get

    client.force_login(UserFactory(role=role))
    assert client.get(_branding_url()).status_code in (302, 403)
    response = client.post(_branding_url(), _branding_post())
    assert response.status_code in (302, 403)
    assert branding_get().signatory_name == ""


def test_an_administrator_sets_the_signatory_and_bad_input_is_refused(client):
    from certificates.services import branding_get

    client.force_login(UserFactory(role=roles.ADMINISTRATORS))
    page = client.get(_branding_url())
    assert page.status_code == 200 and "nom du signataire" in page.content.decode().lower()
    for hostile in (
        {"signatory_name": "x" * 151},
        {"signatory_title": ""},
        {"signature": "999999"},  # no such image: only an existing Wagtail image is accepted
        {"signature": "../../etc/passwd"},  # was a 500 in Wagtail's chooser (widgets.py)
        {"logo": "abc"},
    ):
        refused = client.post(_branding_url(), _branding_post(**hostile))
        assert refused.status_code == 200, hostile
        assert "error" in refused.content.decode()
        assert branding_get().signatory_name == ""
    saved = client.post(_branding_url(), _branding_post())
    assert saved.status_code == 302
    branding = branding_get()
    assert (branding.signatory_name, branding.signatory_title) == (
        "Djénéba Samaké",
        "Présidente de la CNDH",
    )
