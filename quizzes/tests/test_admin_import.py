"""The question import of the admin as a background job: caps, hostile files, all or nothing
with errors question by question on the job's page."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from accounts import roles
from accounts.tests.factories import UserFactory
from jobs.models import Job
from quizzes.models import Question

pytestmark = pytest.mark.django_db

GOOD = "::Q{n}:: Durée maximale de la garde à vue {n} ? {{=48 heures ~24 heures ~72 heures}}\n"


def gift(count: int) -> bytes:
    return "\n".join(GOOD.format(n=n) for n in range(count)).encode()


@pytest.fixture
def editor(client):
    user = UserFactory(role=roles.EDITORS)
    client.force_login(user)
    return user


def post_import(client, content: bytes, *, fmt="gift", name="questions.txt", settings=None):
    """Posts the form, runs the job here (eager Celery) and returns (response, job page)."""
    from django.test import TestCase

    with TestCase.captureOnCommitCallbacks(execute=True):
        response = client.post(
            reverse("question_bank:import"),
            {"file": SimpleUploadedFile(name, content), "format": fmt},
        )
    if response.status_code != 302:
        return response, None
    return response, client.get(response["Location"])


@pytest.fixture(autouse=True)
def eager(settings):
    settings.CELERY_TASK_ALWAYS_EAGER = True


def test_an_import_goes_through_its_progress_page(client, editor):
    response, page = post_import(client, gift(3))
    job = Job.objects.get()
    assert response["Location"] == reverse("jobs:job", args=[job.pk])
    assert job.status == Job.Status.DONE and job.owner == editor
    assert "3 questions importées." in page.content.decode()
    assert reverse("question_bank:import") in page.content.decode()  # the way back
    assert Question.objects.count() == 3
    assert not job.upload  # the uploaded file does not stay on disk


def test_a_file_over_the_size_cap_is_refused_at_once(client, editor, settings):
    settings.KALAN_QUESTION_IMPORT_MAX_SIZE = 1024
    response, _page = post_import(client, gift(40))
    assert response.status_code == 400
    assert "la limite est de 1,0" in response.content.decode()
    assert not Job.objects.exists() and not Question.objects.exists()


def test_the_task_checks_the_size_again(client, editor, settings, monkeypatch):
    """The cap is what keeps the task within its time: a file that reached the storage by
    another way than the form is refused by the task too."""
    from quizzes import admin_views

    monkeypatch.setattr(
        admin_views.ImportForm, "clean_file", lambda form: form.cleaned_data["file"]
    )
    settings.KALAN_QUESTION_IMPORT_MAX_SIZE = 1024
    _response, page = post_import(client, gift(40))
    assert Job.objects.get().status == Job.Status.FAILED
    assert "la limite est de 1,0" in page.content.decode()
    assert not Question.objects.exists()


def test_too_many_questions_import_nothing_and_say_why(client, editor, settings):
    settings.KALAN_QUESTION_IMPORT_MAX_QUESTIONS = 5
    _response, page = post_import(client, gift(6))
    job = Job.objects.get()
    assert job.status == Job.Status.FAILED
    # Refused while parsing, at the first question over the cap (quizzes/interop).
    assert (
        "Le fichier contient plus de 5 questions (la question 6 commence à la ligne"
        in page.content.decode()
    )
    assert not Question.objects.exists()


def test_a_file_that_is_not_utf8_is_refused_with_a_message(client, editor):
    _response, page = post_import(
        client, "::Q:: Qu’est-ce qu’un OPJ ? {=oui ~non}".encode("cp1252")
    )
    job = Job.objects.get()
    assert job.status == Job.Status.FAILED
    body = page.content.decode()
    assert "Rien n’a été importé." in body and "UTF-8" in body
    assert "Traceback" not in body
    assert not Question.objects.exists()


def test_all_or_nothing_with_errors_question_by_question(client, editor):
    bad = gift(2) + b"\n::Sans bonne r\xc3\xa9ponse:: Laquelle ? {~a ~b}\n"
    _response, page = post_import(client, bad)
    job = Job.objects.get()
    assert job.status == Job.Status.FAILED
    assert job.errors and "Sans bonne réponse" in job.errors[0]
    body = page.content.decode()
    assert "Rien n’a été importé" in body and "Sans bonne réponse" in body
    assert not Question.objects.exists()


def test_a_third_import_waits_for_the_first_two(client, editor, settings):
    settings.CELERY_TASK_ALWAYS_EAGER = False  # the first two stay queued
    settings.KALAN_JOBS_MAX_ACTIVE_PER_USER = 2
    for _n in range(2):
        assert post_import(client, gift(1))[0].status_code == 302
    response, _page = post_import(client, gift(1))
    assert response.status_code == 400
    assert "Vous avez déjà 2 exports ou imports en cours" in response.content.decode()
    assert Job.objects.count() == 2


def test_another_editor_cannot_see_the_import(client, editor):
    post_import(client, gift(1))
    job = Job.objects.get()
    client.force_login(UserFactory(role=roles.EDITORS))
    assert client.get(reverse("jobs:job", args=[job.pk])).status_code == 404


def test_an_editors_import_is_drafts_submitted_for_review(client, editor):
    """The job passes its owner to the import: an editor's questions wait for a reviewer,
    and the job's page says so."""
    from courses.services import course_tree_setup
    from quizzes.services import question_review_setup

    course_tree_setup()  # makes the « Relecture CNDH » workflow
    question_review_setup()
    _response, page = post_import(client, gift(2))
    assert Job.objects.get().status == Job.Status.DONE
    assert "brouillons, soumis à la relecture" in page.content.decode()
    assert Question.objects.count() == 2
    assert not Question.objects.filter(live=True).exists()
    assert all(q.workflow_in_progress for q in Question.objects.all())


def test_a_reviewers_import_is_live_at_once(client, role_groups):
    client.force_login(UserFactory(role=roles.REVIEWERS))
    _response, page = post_import(client, gift(2))
    assert "Elles sont publiées" in page.content.decode()
    assert Question.objects.filter(live=True).count() == 2


def edit_url(question):
    return reverse("wagtailsnippets_quizzes_question:edit", args=[question.pk])


def test_the_jobs_page_lists_the_imported_questions_with_their_edit_links(client, editor):
    """An editor's import: each question linked to its edit page, marked as a draft waiting
    for review, and the summary said once in the whole journey."""
    from courses.services import course_tree_setup
    from quizzes.services import question_review_setup

    course_tree_setup()
    question_review_setup()
    response, page = post_import(client, gift(3))
    job = Job.objects.get()
    questions = list(Question.objects.order_by("pk"))
    assert job.outcome == {"created": {"quizzes.question": [q.pk for q in questions]}}
    body = page.content.decode()
    for question in questions:
        assert f'<a href="{edit_url(question)}">{question.name}</a>' in body
    assert body.count("Brouillon soumis à la relecture") == 3
    summary = "3 questions importées."
    assert body.count(summary) == 1
    # Nothing else repeats it: no flash message waits for the next pages (the form, the
    # bank's list), and the page shows it once again when refreshed.
    assert client.get(response["Location"]).content.decode().count(summary) == 1
    for url in (reverse("question_bank:import"), "/admin/snippets/quizzes/question/"):
        assert summary not in client.get(url).content.decode()


def test_a_reviewers_import_lists_live_questions(client, role_groups):
    client.force_login(UserFactory(role=roles.REVIEWERS))
    _response, page = post_import(client, gift(2))
    body = page.content.decode()
    assert body.count("En ligne") == 2
    for question in Question.objects.all():
        assert edit_url(question) in body


def test_the_list_shows_only_what_still_exists_and_only_to_the_owner(client, editor):
    post_import(client, gift(3))
    job = Job.objects.get()
    gone = Question.objects.order_by("pk").first()
    Question.objects.filter(pk=gone.pk).delete()
    body = client.get(reverse("jobs:job", args=[job.pk])).content.decode()
    assert edit_url(gone) not in body
    assert body.count("/admin/snippets/quizzes/question/edit/") == 2
    client.force_login(UserFactory(role=roles.REVIEWERS))  # may edit them, yet not their job
    response = client.get(reverse("jobs:job", args=[job.pk]))
    assert response.status_code == 404
    assert b"/admin/snippets/quizzes/question/edit/" not in response.content


def test_the_jobs_page_names_what_the_file_held_and_kalan_does_not_keep(
    client, editor, settings, tmp_path
):
    from pathlib import Path

    settings.MEDIA_ROOT = str(tmp_path)
    content = (Path(__file__).parent / "fixtures" / "every_type.xml").read_bytes()
    _response, page = post_import(client, content, fmt="moodlexml", name="every_type.xml")
    job = Job.objects.get()
    assert job.status == Job.Status.DONE and Question.objects.count() == 9
    body = page.content.decode()
    # Every loss of every_type.xml is named, its essay's « editor » response format included.
    assert "10 éléments du fichier ne sont pas repris ; ils sont nommés ci-dessous." in body
    assert len(job.errors) == 10
    for named in (
        "respect de la casse (usecase) non appliqué",
        "unités (h, min) ignorées",
        "réponse de distraction « Juge le dossier » ignorée",
        "image « pouce.png » (commentaire général) ignorée",
        "(ligne 318) « Rédaction » : format de réponse « editor » : réponse en texte simple "
        "dans Kalan",
    ):
        assert named in body, named


def test_an_english_speaking_editor_reads_the_import_report_in_english(client, settings, tmp_path):
    """The job runs in its owner's language (jobs/services.py), so the parsers' and the bank's
    messages reach the job's page in English for an editor who chose English."""
    import base64
    from pathlib import Path

    settings.MEDIA_ROOT = str(tmp_path)
    client.force_login(UserFactory(role=roles.EDITORS, language="en"))
    bad = gift(1) + "\n::Vide::Énoncé {\n=a\n~\n}\n".encode()
    _response, page = post_import(client, bad)
    job = Job.objects.get()
    assert job.status == Job.Status.FAILED
    assert job.errors == ["Question 2 (line 3) « Vide »: an answer is empty (line 5)."]
    assert "Question 2 (line 3) « Vide »: an answer is empty (line 5)." in page.content.decode()

    # A file the parser accepts and the bank refuses: bytes that are not an image.
    fake = base64.b64encode(b"not an image at all").decode()
    xml = (
        '<?xml version="1.0" encoding="UTF-8"?>\n<quiz>\n'
        '<question type="shortanswer"><name><text>Image</text></name>\n'
        '<questiontext format="html"><text><![CDATA[<img src="@@PLUGINFILE@@/a.png">]]></text>'
        f'<file name="a.png" encoding="base64">{fake}</file></questiontext>\n'
        '<answer fraction="100"><text>x</text></answer></question>\n</quiz>\n'
    ).encode()
    Job.objects.all().delete()
    post_import(client, xml, fmt="moodlexml", name="image.xml")
    job = Job.objects.get()
    assert job.status == Job.Status.FAILED and not Question.objects.exists()
    assert job.errors == [
        'Question (line 3) « Image »: image "a.png" refused: Upload a valid image. The file you '
        "uploaded was either not an image or a corrupted image."
    ]

    Job.objects.all().delete()
    content = (Path(__file__).parent / "fixtures" / "every_type.xml").read_bytes()
    _response, page = post_import(client, content, fmt="moodlexml", name="every_type.xml")
    job = Job.objects.get()
    assert job.status == Job.Status.DONE
    body = page.content.decode()
    for named in (
        "case sensitivity (usecase) not applied: Kalan ignores case",
        "units (h, min) ignored, with their options",
        "image « pouce.png » (general feedback) ignored: only the question text keeps its images",
        "(line 318) « Rédaction »: response format « editor »: plain-text answer in Kalan",
    ):
        assert named in body, named
    assert "ignorée" not in body and "non pris en charge" not in body
