"""The package pages of the admin: the import form and its job (drafts unless the person may
publish, update in place or copy, hostile uploads refused with their reason), the export of a
course as a job, and who may do either."""

import io
import zipfile

import pytest
from django.contrib.auth.models import Group
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import TestCase
from django.urls import reverse
from wagtail.models import GroupPagePermission, Page

from accounts import roles
from accounts.tests.factories import LearnerFactory, SupervisorFactory, UserFactory
from courses import services as course_services
from courses.models import CoursePage, LessonPage
from jobs.models import Job
from packages.archive import read_zip
from packages.exporter import course_export
from packages.tests.factories import COURSE, package_zip, zipped
from quizzes.models import Question

pytestmark = pytest.mark.django_db

IMPORT_URL = "/admin/formations/importer/"


@pytest.fixture(autouse=True)
def setup(settings, tmp_path):
    settings.MEDIA_ROOT = str(tmp_path)
    settings.CELERY_TASK_ALWAYS_EAGER = True
    return course_services.course_tree_setup()


@pytest.fixture
def editor(client):
    user = UserFactory(role=roles.EDITORS)
    client.force_login(user)
    return user


@pytest.fixture
def administrator(client):
    user = UserFactory(role=roles.ADMINISTRATORS)
    client.force_login(user)
    return user


def post_import(client, content: bytes, *, name="formation.zip", **fields):
    """Posts the form, runs the job here (eager Celery); returns (response, job page)."""
    with TestCase.captureOnCommitCallbacks(execute=True):
        response = client.post(
            IMPORT_URL, {"file": SimpleUploadedFile(name, content), "mode": "update", **fields}
        )
    if response.status_code != 302:
        return response, None
    return response, client.get(response["Location"])


def nothing_written():
    return not CoursePage.objects.exists() and not Question.objects.exists()


def test_an_editor_imports_drafts_and_the_job_page_leads_to_the_course(client, editor):
    form = client.get(IMPORT_URL)
    assert form.status_code == 200
    body = form.content.decode()
    assert "Mettre à jour la formation existante" in body and "Importer comme copie" in body
    assert 'name="publish"' not in body  # an editor does not publish
    # A forged « publish » is ignored: the pages wait for « Relecture CNDH ».
    response, page = post_import(client, package_zip(), publish="on")
    job = Job.objects.get()
    assert response["Location"] == reverse("jobs:job", args=[job.pk])
    assert job.status == Job.Status.DONE and job.owner == editor
    course = CoursePage.objects.get()
    assert not course.live and not Question.objects.get().live
    assert not course.get_latest_revision().approved_go_live_at
    text = page.content.decode()
    assert "« Formation d’essai » : 4 pages créées, 0 mises à jour" in text
    assert "En brouillon : à soumettre à la relecture" in text
    assert reverse("wagtailadmin_explore", args=[course.pk]) in text
    assert "Voir la formation dans l’explorateur" in text
    assert not job.upload


def test_an_administrator_may_publish_directly(client, administrator):
    assert 'name="publish"' in client.get(IMPORT_URL).content.decode()
    _response, page = post_import(client, package_zip(), publish="on")
    assert Job.objects.get().status == Job.Status.DONE
    assert CoursePage.objects.get().live and Question.objects.get().live
    assert "Publiées." in page.content.decode()


def test_update_in_place_then_a_copy(client, editor):
    post_import(client, package_zip())
    course = CoursePage.objects.get()
    lesson = LessonPage.objects.get()
    changed = package_zip(**{"course.yaml": COURSE.replace("Un résumé.", "Un résumé revu.")})
    _response, page = post_import(client, changed)
    assert CoursePage.objects.get().pk == course.pk and LessonPage.objects.get().pk == lesson.pk
    assert "0 pages créées, 4 mises à jour" in page.content.decode()
    assert CoursePage.objects.get().get_latest_revision_as_object().summary == "Un résumé revu."
    _response, page = post_import(client, package_zip(), mode="copy")
    assert CoursePage.objects.count() == 2
    copy = CoursePage.objects.exclude(pk=course.pk).get()
    assert copy.slug == "formation-essai-copie" and not copy.live
    assert reverse("wagtailadmin_explore", args=[copy.pk]) in page.content.decode()


def test_an_update_of_a_course_the_person_may_not_edit_is_refused(client, editor):
    """Someone who may only add courses (not change others') imports a copy, never an update
    of somebody else's course."""
    post_import(client, package_zip())
    course = CoursePage.objects.get()
    adder = Group.objects.create(name="Ajout seulement")
    adder.permissions.set(Group.objects.get(name=roles.EDITORS).permissions.all())
    GroupPagePermission.objects.create(
        group=adder, page=Page.objects.get(pk=course.get_parent().pk), permission_type="add"
    )
    other = UserFactory()
    other.groups.add(adder)
    client.force_login(other)
    _response, page = post_import(client, package_zip())
    assert Job.objects.filter(owner=other).get().status == Job.Status.FAILED
    assert "que vous ne pouvez pas modifier. Importez-le comme copie." in page.content.decode()
    assert CoursePage.objects.get().pk == course.pk
    post_import(client, package_zip(), mode="copy")
    assert CoursePage.objects.count() == 2


def bomb() -> bytes:
    return zipped([("course.yaml", COURSE), ("media/bombe.bin", b"\0" * (20 * 1024 * 1024))])


@pytest.mark.parametrize(
    ("content", "name", "expected"),
    [
        (b"Ceci n'est pas un zip.", "formation.zip", "Le fichier n’est pas une archive zip"),
        (b"", "formation.zip", "Le fichier soumis est vide."),
        (None, "bombe.zip", "bombe.zip : media/bombe.bin : compressé"),
        (
            zipped([("course.yaml", COURSE), ("../../etc/cron.d/kalan", b"x")]),
            "traversee.zip",
            "traversee.zip : ../../etc/cron.d/kalan : chemin qui sort du paquet",
        ),
    ],
)
def test_a_hostile_upload_is_refused_on_the_form(client, editor, content, name, expected):
    content = bomb() if content is None else content
    response, _page = post_import(client, content, name=name)
    assert response.status_code == 400
    assert expected in response.content.decode()
    assert not Job.objects.exists() and nothing_written()


def test_an_oversize_upload_is_refused_on_the_form(client, editor, settings):
    settings.KALAN_PACKAGE_IMPORT_MAX_SIZE = 1024
    response, _page = post_import(client, package_zip() + b"\0" * 2048)
    assert response.status_code == 400
    assert "la limite est de 1,0" in response.content.decode()
    assert not Job.objects.exists() and nothing_written()


def test_the_job_checks_size_and_archive_again(client, editor, settings, monkeypatch):
    """A file that reached the storage without the form's checks is refused by the job."""
    from packages.admin_views import PackageImportForm

    monkeypatch.setattr(PackageImportForm, "clean_file", lambda form: form.cleaned_data["file"])
    _response, page = post_import(client, bomb())
    assert Job.objects.get().status == Job.Status.FAILED
    assert "media/bombe.bin : compressé" in page.content.decode()
    settings.KALAN_PACKAGE_IMPORT_MAX_SIZE = 1024
    _response, page = post_import(client, package_zip() + b"\0" * 2048)
    assert "la limite est de 1,0" in page.content.decode()
    assert nothing_written()


@pytest.mark.parametrize(
    ("changes", "expected"),
    [
        (
            {"course.yaml": COURSE.replace("title: Module un", "title: [")},
            "course.yaml, ligne 13 : YAML illisible : liste entre crochets mal fermée.",
        ),
        (
            {"course.yaml": COURSE.replace("    slug: module-un", "\tslug: module-un")},
            "course.yaml, ligne 12 : YAML illisible : tabulation : l’indentation se fait avec "
            "des espaces.",
        ),
        (
            {"course.yaml": COURSE.replace("slug: module-un", "slug: module-un\n    couleur: 3")},
            "course.yaml, ligne 13 : champ inconnu « couleur »",
        ),
        ({"course.yaml": None}, "course.yaml : fichier manquant"),
    ],
)
def test_a_broken_package_fails_its_job_with_file_and_line(client, editor, changes, expected):
    _response, page = post_import(client, package_zip(**changes))
    job = Job.objects.get()
    assert job.status == Job.Status.FAILED
    body = page.content.decode()
    assert "Rien n’a été importé" in body and expected in body, job.errors
    assert "Traceback" not in body
    assert nothing_written()


def test_a_member_that_cannot_be_read_fails_with_its_name(client, editor, monkeypatch):
    """A zip whose directory is fine but a member's bytes are damaged (wrong checksum)."""
    from packages.admin_views import PackageImportForm

    data = bytearray(package_zip())
    start = data.index(b"lessons/m1/l1.md") + len("lessons/m1/l1.md")  # the local header's name
    data[start + 5] ^= 0xFF  # a byte of the compressed lesson
    monkeypatch.setattr(PackageImportForm, "clean_file", lambda form: form.cleaned_data["file"])
    _response, page = post_import(client, bytes(data))
    job = Job.objects.get()
    assert job.status == Job.Status.FAILED, job.message
    assert "lessons/m1/l1.md" in page.content.decode()
    assert nothing_written()


def test_export_is_a_job_whose_zip_holds_the_course(client, editor):
    post_import(client, package_zip())
    course = CoursePage.objects.get()
    url = reverse("packages:export", args=[course.pk])
    page = client.get(url)
    assert page.status_code == 200 and "Formation d’essai" in page.content.decode()
    with TestCase.captureOnCommitCallbacks(execute=True):
        response = client.post(url)
    job = Job.objects.get(kind="packages.export")
    assert response["Location"] == reverse("jobs:job", args=[job.pk])
    assert job.status == Job.Status.DONE and job.result_name == "formation-essai.zip"
    assert "3 fichiers dans le paquet" in client.get(response["Location"]).content.decode()
    download = client.get(reverse("jobs:job_download", args=[job.pk]))
    data = b"".join(download.streaming_content)
    files = course_export(course)
    assert zipfile.ZipFile(io.BytesIO(data)).namelist() == sorted(files)
    assert "course.yaml" in files and "questions.gift" in files
    assert read_zip(data) == files


def test_the_admin_shows_the_buttons_to_those_allowed(client, editor):
    post_import(client, package_zip())
    course = CoursePage.objects.get()
    export = reverse("packages:export", args=[course.pk])
    catalogue = client.get(reverse("wagtailadmin_explore", args=[course.get_parent().pk]))
    assert IMPORT_URL in catalogue.content.decode()  # the header's « Importer une formation »
    assert export in catalogue.content.decode()  # the course row's « … » menu
    edit = client.get(reverse("wagtailadmin_pages:edit", args=[course.pk]))
    assert export in edit.content.decode()
    lesson = LessonPage.objects.get()
    assert (
        "Exporter (paquet .zip)"
        not in client.get(reverse("wagtailadmin_pages:edit", args=[lesson.pk])).content.decode()
    )
    assert "Importer une formation" in client.get("/admin/").content.decode()  # the menu


@pytest.mark.parametrize("role", ["learner", "supervisor", "reviewer", "anonymous"])
def test_only_editors_and_administrators_import_or_export(client, role):
    owner = UserFactory(role=roles.EDITORS)
    client.force_login(owner)
    post_import(client, package_zip())
    course = CoursePage.objects.get()
    client.logout()
    person = {
        "learner": LearnerFactory,
        "supervisor": SupervisorFactory,
        "reviewer": lambda: UserFactory(role=roles.REVIEWERS),
        "anonymous": lambda: None,
    }[role]()
    if person is not None:
        client.force_login(person)
    export = reverse("packages:export", args=[course.pk])
    for response in (
        client.get(IMPORT_URL),
        post_import(client, package_zip(), mode="copy")[0],
        client.get(export),
        client.post(export),
    ):
        # Wagtail's answers: the admin's sign-in for those without admin access, the
        # dashboard with « pas la permission » for a reviewer. Never the page.
        assert response.status_code == 302, response.status_code
        expected = "/admin/login/" if role != "reviewer" else "/admin/"
        assert response["Location"].split("?")[0] == expected
    assert CoursePage.objects.count() == 1
    assert list(Job.objects.values_list("owner", flat=True)) == [owner.pk]
    if person is not None:
        assert (
            "Exporter (paquet .zip)"
            not in client.get(
                reverse("wagtailadmin_explore", args=[course.get_parent().pk])
            ).content.decode()
        )


def test_an_editor_outside_the_course_tree_gets_no_export(client, editor):
    """The export follows the page permissions: a course the person may not edit is refused,
    and a page id that is no course is a 404."""
    post_import(client, package_zip())
    course = CoursePage.objects.get()
    GroupPagePermission.objects.filter(group__name=roles.EDITORS).delete()
    response = client.get(reverse("packages:export", args=[course.pk]))
    assert response.status_code == 302 and response["Location"] == "/admin/"
    GroupPagePermission.objects.create(
        group=Group.objects.get(name=roles.EDITORS),
        page=course.get_parent(),
        permission_type="change",
    )
    lesson = LessonPage.objects.get()
    assert client.get(reverse("packages:export", args=[lesson.pk])).status_code == 404
