import pytest
from django.core import mail
from django.urls import reverse

from accounts import roles
from accounts.tests.factories import LearnerFactory, UserFactory

pytestmark = pytest.mark.django_db

PASSWORD = "motdepasse-test"


def sign_in(client, matricule, password=PASSWORD):
    return client.post(reverse("accounts:login"), {"username": matricule, "password": password})


def test_sign_in_page_is_french(client):
    response = client.get(reverse("accounts:login"))
    assert response.status_code == 200
    html = response.content.decode()
    assert '<html lang="fr">' in html
    assert "Connectez-vous avec votre matricule" in html
    assert 'for="id_username">Matricule' in html
    assert 'href="#contenu"' in html and 'id="contenu"' in html


def test_anonymous_home_redirects_to_sign_in(client):
    response = client.get("/")
    assert response.status_code == 302
    assert response.url.startswith(reverse("accounts:login"))


def test_learner_signs_in_with_matricule_in_any_case(client):
    learner = LearnerFactory(matricule="OPJ-0042", full_name="Awa Touré")
    response = sign_in(client, "opj-0042")
    assert response.status_code == 302
    home = client.get("/")
    assert "Bonjour Awa Touré." in home.content.decode()
    assert "Aucune formation en cours" in home.content.decode()
    assert home.wsgi_request.user == learner


def test_wrong_password_gives_a_french_message(client):
    LearnerFactory(matricule="OPJ-1")
    response = sign_in(client, "OPJ-1", "mauvais")
    assert response.status_code == 200
    assert "Matricule ou mot de passe incorrect" in response.content.decode()


def test_five_failures_lock_the_matricule_for_fifteen_minutes(client):
    LearnerFactory(matricule="OPJ-7")
    for _ in range(4):
        assert sign_in(client, "OPJ-7", "mauvais").status_code == 200
    locked = sign_in(client, "OPJ-7", "mauvais")
    assert locked.status_code == 429
    assert "Compte temporairement bloqué" in locked.content.decode()
    assert "15 minutes" in locked.content.decode()
    # Even the right password is refused while locked, whatever the case of the matricule.
    assert sign_in(client, "opj-7").status_code == 429
    assert "_auth_user_id" not in client.session


def test_lockout_is_per_matricule(client):
    LearnerFactory(matricule="OPJ-7")
    LearnerFactory(matricule="OPJ-8")
    for _ in range(5):
        sign_in(client, "OPJ-7", "mauvais")
    assert sign_in(client, "OPJ-8").status_code == 302


def test_sign_out_requires_post(client):
    learner = LearnerFactory()
    client.force_login(learner)
    assert client.get(reverse("accounts:logout")).status_code == 405
    assert client.post(reverse("accounts:logout")).status_code == 302
    assert "_auth_user_id" not in client.session


def test_password_change(client):
    learner = LearnerFactory()
    client.force_login(learner)
    response = client.post(
        reverse("accounts:password_change"),
        {
            "old_password": PASSWORD,
            "new_password1": "un-nouveau-mot-2026",
            "new_password2": "un-nouveau-mot-2026",
        },
    )
    assert response.status_code == 302
    learner.refresh_from_db()
    assert learner.check_password("un-nouveau-mot-2026")


def test_password_reset_email_goes_through_celery(
    client, settings, django_capture_on_commit_callbacks
):
    settings.CELERY_TASK_ALWAYS_EAGER = True
    LearnerFactory(matricule="OPJ-9", email="awa@example.ml", full_name="Awa Touré")
    LearnerFactory(matricule="OPJ-10", email="")
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("accounts:password_reset"), {"email": "AWA@example.ml"})
    assert response.status_code == 302
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["awa@example.ml"]
    assert "Bonjour Awa Touré" in message.body
    assert "OPJ-9" in message.body
    link = next(line for line in message.body.splitlines() if "/mot-de-passe-oublie/" in line)
    path = link.split("testserver", 1)[1]
    form = client.get(path, follow=True)
    assert "Choisir un nouveau mot de passe" in form.content.decode()


def test_unknown_email_sends_nothing_and_reveals_nothing(client, settings):
    settings.CELERY_TASK_ALWAYS_EAGER = True
    response = client.post(
        reverse("accounts:password_reset"), {"email": "x@example.ml"}, follow=True
    )
    assert "Si un compte correspond" in response.content.decode()
    assert mail.outbox == []


def test_language_switch_is_remembered_on_the_account(client):
    learner = LearnerFactory()
    client.force_login(learner)
    response = client.post(reverse("accounts:language"), {"language": "en", "next": "/"})
    assert response.status_code == 302
    learner.refresh_from_db()
    assert learner.language == "en"
    home = client.get("/").content.decode()
    assert '<html lang="en">' in home
    assert "My courses" in home


def test_language_switch_refuses_foreign_redirects(client):
    response = client.post(
        reverse("accounts:language"), {"language": "en", "next": "https://evil.example/"}
    )
    assert response.status_code == 302
    assert response["Location"] == "/"


def test_language_switch_keeps_csrf(client):
    csrf_client = client.__class__(enforce_csrf_checks=True)
    response = csrf_client.post(reverse("accounts:language"), {"language": "en"})
    assert response.status_code == 403


@pytest.mark.parametrize(
    ("role", "allowed"),
    [
        (roles.LEARNERS, False),
        (roles.SUPERVISORS, False),
        (roles.EDITORS, True),
        (roles.REVIEWERS, True),
        (roles.ADMINISTRATORS, True),
    ],
)
def test_only_editors_reviewers_and_admins_reach_wagtail_admin(client, role, allowed):
    user = UserFactory(role=role)
    client.force_login(user)
    response = client.get("/admin/")
    if allowed:
        assert response.status_code == 200
    else:
        assert response.status_code == 302
        assert "/admin/login/" in response.url


def test_role_groups_exist_with_admin_access(db):
    from django.contrib.auth.models import Group

    for name in roles.ALL:
        group = Group.objects.get(name=name)
        has_access = group.permissions.filter(codename="access_admin").exists()
        assert has_access == (name in roles.ADMIN_ACCESS), name
    assert not Group.objects.filter(name__in=["Moderators", "Editors"]).exists()


def test_error_pages_are_friendly_and_french(client):
    response = client.get("/cette-page-n-existe-pas/")
    assert response.status_code == 404
    assert "Page introuvable" in response.content.decode()
