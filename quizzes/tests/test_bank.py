"""Importing Moodle's own fixtures into the bank, all or nothing, and exporting them back."""

from pathlib import Path

import pytest
from django.core.management import CommandError, call_command
from wagtail.images.models import Image

from quizzes.models import Question, QuestionCategory

pytestmark = pytest.mark.django_db

FIXTURES = Path(__file__).parent / "fixtures" / "moodle"


def fixture(name):
    return str(FIXTURES / name)


def test_gift_fixture_imports_with_the_essay(capsys):
    call_command(
        "import_questions",
        fixture("gift/questions.gift.txt"),
        format="gift",
        category="Import GIFT",
    )
    out = capsys.readouterr().out
    assert "ignorée" not in out.replace("0 ignorée", "")
    assert Question.objects.count() == 9
    assert Question.objects.get(question_type="essay").name == "Q8"
    colours = Question.objects.get(question_type="multiple")
    assert sorted(float(c.fraction_percent) for c in colours.choices.all()) == [-100, -100, 50, 50]
    numerical = Question.objects.get(question_type="numerical")
    assert float(numerical.choices.get().tolerance) == 2
    assert all(q.category.lineage()[0].name == "Import GIFT" for q in Question.objects.all())


def test_moodle_xml_nested_categories(capsys):
    call_command(
        "import_questions", fixture("xml/nested_categories_with_questions.xml"), format="moodlexml"
    )
    paths = sorted(str(q.category) for q in Question.objects.all())
    assert paths == [
        "Iota",
        "Iota › Kappa",
        "Iota › Kappa",
        "Iota › Kappa › Lambda",
        "Iota › Mu",
    ]
    assert Question.objects.get(question_type="essay").name == "Kappa Essay Question"
    assert "(type essay)" not in capsys.readouterr().out


def test_embedded_images_become_wagtail_images(settings, tmp_path):
    settings.MEDIA_ROOT = str(tmp_path)
    call_command("import_questions", fixture("xml/truefalse.xml"), format="moodlexml")
    assert Question.objects.count() == 2
    assert Image.objects.count() >= 1
    assert 'embedtype="image"' in Question.objects.first().text


def test_invalid_grades_import_nothing_and_name_the_question(capsys):
    with pytest.raises(CommandError, match="aucune question n'a été importée"):
        call_command(
            "import_questions", fixture("xml/error_invalid_grades.xml"), format="moodlexml"
        )
    assert "invalid grades" in capsys.readouterr().err
    assert not Question.objects.exists() and not QuestionCategory.objects.exists()


@pytest.mark.parametrize(
    "name",
    [
        "xml/multichoice.xml",
        "xml/html_chars_in_idnumbers.xml",
        "gift/questions_in_category.gift.txt",
    ],
)
def test_other_fixtures_import(name, settings, tmp_path):
    settings.MEDIA_ROOT = str(tmp_path)
    fmt = "gift" if name.startswith("gift") else "moodlexml"
    call_command("import_questions", fixture(name), format=fmt)
    assert Question.objects.exists()


@pytest.mark.parametrize("fmt", ["gift", "moodlexml"])
def test_export_then_import_gives_the_same_questions(fmt, tmp_path):
    from quizzes.bank import question_data

    call_command(
        "import_questions", fixture("gift/questions.gift.txt"), format="gift", category="Origine"
    )
    before = sorted(
        (q.name, q.question_type, [(c.text, float(c.fraction_percent)) for c in q.choices.all()])
        for q in Question.objects.all()
    )
    exported = tmp_path / f"export.{fmt}"
    call_command("export_questions", category="Origine", format=fmt, output=str(exported))
    Question.objects.all().delete()
    call_command("import_questions", str(exported), format=fmt, category="Retour")
    after = sorted(
        (q.name, q.question_type, [(c.text, float(c.fraction_percent)) for c in q.choices.all()])
        for q in Question.objects.all()
    )
    assert after == before
    assert question_data(Question.objects.first())["category"][0] == "Retour"


def test_admin_upload_view(client, tmp_path, settings, django_capture_on_commit_callbacks):
    from accounts import roles
    from accounts.tests.factories import UserFactory

    settings.CELERY_TASK_ALWAYS_EAGER = True
    client.force_login(UserFactory(role=roles.EDITORS))
    with (
        open(fixture("xml/error_invalid_grades.xml"), "rb") as handle,
        django_capture_on_commit_callbacks(execute=True),
    ):
        response = client.post("/admin/questions/import/", {"file": handle, "format": "moodlexml"})
    assert response.status_code == 302  # to the job's page, which reports the outcome
    assert "Rien n’a été importé" in client.get(response["Location"]).content.decode()
    with (
        open(fixture("gift/questions.gift.txt"), "rb") as handle,
        django_capture_on_commit_callbacks(execute=True),
    ):
        response = client.post("/admin/questions/import/", {"file": handle, "format": "gift"})
    assert response.status_code == 302
    assert Question.objects.count() == 9  # the essay included
    category = QuestionCategory.objects.first()
    assert client.get(f"/admin/questions/export/{category.pk}/gift/").status_code == 405
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(f"/admin/questions/export/{category.pk}/gift/")
    job_page = client.get(response["Location"])
    assert "9 questions exportées." in job_page.content.decode()
    download = client.get(f"{response['Location']}telecharger/")
    assert download.status_code == 200 and b"::" in b"".join(download.streaming_content)


def test_imported_choices_and_pairs_keep_their_authored_order():
    """Orderable rows built in code must carry sort_order, or the database picks the order:
    an ordering question's right answer would then depend on PostgreSQL's mood."""
    from quizzes.models import QuestionChoice, QuestionPair

    call_command(
        "import_questions", fixture("gift/questions.gift.txt"), format="gift", category="Ordre"
    )
    assert not QuestionChoice.objects.filter(sort_order__isnull=True).exists()
    assert not QuestionPair.objects.filter(sort_order__isnull=True).exists()
    for question in Question.objects.all():
        orders = [c.sort_order for c in question.choices.all()]
        assert orders == list(range(len(orders)))
