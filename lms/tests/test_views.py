import pytest
from django.contrib.staticfiles import finders


def test_favicon_ico_redirects_to_the_svg_icon(client):
    response = client.get("/favicon.ico")
    assert response.status_code == 301
    assert response["Location"].endswith("img/favicon.svg")
    assert finders.find("img/favicon.svg")


@pytest.mark.django_db
def test_pages_link_the_icon(client):
    html = client.get("/connexion/").content.decode()
    assert 'rel="icon"' in html and "img/favicon.svg" in html


UTF16_FORM = "application/x-www-form-urlencoded; charset=utf-16"


@pytest.mark.django_db
@pytest.mark.parametrize("path", ["/connexion/", "/langue/", "/certificats/verifier/"])
@pytest.mark.parametrize(("language", "text"), [("fr", "Requête invalide"), ("en", "Bad request")])
def test_a_body_in_an_unreadable_charset_is_a_400_page_not_a_500(path, language, text):
    """The CSRF check reads the form, which fails to parse; Django's default 400 view then
    read it again (requires_csrf_token) and raised a 500."""
    from django.conf import settings
    from django.test import Client

    client = Client(enforce_csrf_checks=True, raise_request_exception=False)
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = language
    client.get("/connexion/")  # a CSRF cookie, so that the check goes on to read the form
    response = client.generic("POST", path, data="a=b".encode("utf-16"), content_type=UTF16_FORM)
    assert response.status_code == 400
    assert text in response.content.decode()


def test_security_txt_names_the_contact_and_an_expiry(client, settings):
    """RFC 9116: a Contact and an Expires field, in plain text, at the well-known address."""
    settings.KALAN_SECURITY_CONTACT = "mailto:securite@example.ml"
    response = client.get("/.well-known/security.txt")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/plain")
    fields = dict(line.split(": ", 1) for line in response.content.decode().splitlines())
    assert fields["Contact"] == "mailto:securite@example.ml"
    from datetime import UTC, datetime

    expires = datetime.strptime(fields["Expires"], "%Y-%m-%dT%H:%M:%SZ").replace(tzinfo=UTC)
    assert 300 < (expires - datetime.now(UTC)).days <= 365


SIGNIN_PASSWORD = "motdepasse-test"


def _sign_in(client, user, next_url=None):
    from django.urls import reverse

    url = reverse("accounts:login") + (f"?next={next_url}" if next_url else "")
    data = {"username": user.matricule, "password": SIGNIN_PASSWORD}
    if next_url:
        data["next"] = next_url
    return client.post(url, data)


@pytest.mark.django_db
def test_a_supervisor_lands_on_the_dashboard_and_a_learner_on_my_courses(client):
    from accounts.tests.factories import LearnerFactory, SupervisorFactory, UnitFactory

    unit = UnitFactory(name="Brigade de Sévaré")
    supervisor = SupervisorFactory(supervised_units=[unit])
    response = _sign_in(client, supervisor)
    assert response.status_code == 302 and response["Location"] == "/suivi/"
    client.logout()
    response = _sign_in(client, LearnerFactory(unit=unit))
    assert response.status_code == 302 and response["Location"] == "/"


@pytest.mark.django_db
def test_a_supervisor_without_units_and_an_explicit_next_are_not_redirected_to_the_dashboard(
    client,
):
    from accounts.tests.factories import SupervisorFactory, UnitFactory

    # In the Superviseurs group but given no unit yet: the dashboard would only say 403.
    response = _sign_in(client, SupervisorFactory())
    assert response["Location"] == "/"
    client.logout()
    supervisor = SupervisorFactory(supervised_units=[UnitFactory()])
    response = _sign_in(client, supervisor, next_url="/certificats/")
    assert response.status_code == 302 and response["Location"] == "/certificats/"
    # Already signed in, the sign-in page sends the supervisor to their landing page too.
    assert client.get("/connexion/")["Location"] == "/suivi/"


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("groups", "superuser", "with_units", "landing"),
    [
        (["Apprenants"], False, False, "/"),
        ([], False, False, "/"),
        (["Superviseurs"], False, True, "/suivi/"),
        (["Superviseurs"], False, False, "/"),  # no unit yet: the dashboard would say 403
        (["Apprenants", "Superviseurs"], False, True, "/suivi/"),
        (["Éditeurs"], False, False, "/admin/"),
        (["Relecteurs"], False, False, "/admin/"),
        (["Éditeurs", "Relecteurs"], False, False, "/admin/"),
        (["Administrateurs"], False, False, "/admin/"),
        ([], True, False, "/admin/"),
        (["Administrateurs"], False, True, "/suivi/"),  # an administrator who also supervises
        (["Éditeurs", "Superviseurs"], False, True, "/suivi/"),
        (["Éditeurs", "Apprenants"], False, False, "/admin/"),
    ],
)
def test_each_role_lands_where_it_works(
    client, role_groups, groups, superuser, with_units, landing
):
    """Without `next`, sign-in lands each person where they work, and that page opens for
    them (no 403 or 404 after signing in)."""
    from accounts.tests.factories import UnitFactory, UserFactory

    user = UserFactory(is_superuser=superuser, is_staff=superuser)
    user.groups.add(*(role_groups[name] for name in groups))
    if with_units:
        user.supervised_units.add(UnitFactory())
    response = _sign_in(client, user)
    assert response.status_code == 302 and response["Location"] == landing
    assert client.get(landing).status_code == 200
    # Already signed in, the sign-in page sends them to the same place.
    assert client.get("/connexion/")["Location"] == landing
