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
    assert "9 question(s), 0 catégorie(s) créée(s), 0 ignorée(s)." in out
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


# --- Moodle XML: every element kept or named, images both ways, round trip -------------------

EVERY_TYPE = Path(__file__).parent / "fixtures" / "every_type.xml"
MOODLE_XML = [
    p for p in sorted((FIXTURES / "xml").iterdir()) if p.name != "error_invalid_grades.xml"
]


def _import_xml(path: Path, root=None):
    from quizzes.bank import questions_import
    from quizzes.interop import moodlexml

    return questions_import(parsed=moodlexml.parse(path.read_bytes()), root=root, publish=True)


def _export_xml(root) -> bytes:
    from quizzes.bank import category_questions, question_data
    from quizzes.interop import moodlexml

    return moodlexml.export([question_data(q, root=root) for q in category_questions(root)])


def _plain(element) -> str:
    from quizzes.interop import html_to_plain

    return "" if element is None else html_to_plain(element.findtext("text") or "")


def _files_kept_or_named(question, node, warnings) -> None:
    from wagtail.documents import get_document_model
    from wagtail.images import get_image_model

    for file in node.iter("file"):
        name = file.get("name")
        title = f"{question.name} · {name}"
        images = get_image_model().objects.filter(title=title)
        documents = get_document_model().objects.filter(title=title)
        shown = any(f'embedtype="image" id="{i.pk}"' in question.text for i in images) or any(
            f'<a linktype="document" id="{d.pk}">' in question.text for d in documents
        )
        assert shown or any(f"« {name} »" in w for w in warnings), name


# Elements whose value is the one Kalan applies anyway (nothing to keep, nothing lost).
SAME_AS_KALAN = {
    "responserequired": "1",
    "responsefieldlines": "10",
    "attachments": "0",
    "attachmentsrequired": "0",
    "hidden": "0",
    "usecase": "0",
    "answernumbering": "abc",
    "showstandardinstruction": "0",
    "selecttype": "ALL",
    "selectcount": "0",
    "gradingtype": "ABSOLUTE_POSITION",
    "showgrading": "SHOW",
    "numberingstyle": "none",
}
# Elements reported under another word than their tag.
REPORTED_AS = {
    "responseformat": "format de réponse",
    "units": "unités",
    "unitgradingtype": "unités",
    "unitpenalty": "unités",
    "showunits": "unités",
    "unitsleft": "unités",
    "hidden": "(hidden)",
    "usecase": "(usecase)",
}


def _element_kept(q, child) -> bool | None:
    """True when the DB question holds the element; None when Kalan does not keep it."""
    from decimal import Decimal

    from quizzes.interop import html_to_plain

    tag, text = child.tag, (child.text or "").strip()
    kept = {
        "name": lambda: q.name == child.findtext("text").strip(),
        "questiontext": lambda: html_to_plain(q.text) == _plain(child),
        "generalfeedback": lambda: q.general_feedback == _plain(child),
        "defaultgrade": lambda: q.max_score == Decimal(text).quantize(Decimal("0.01")),
        "penalty": lambda: q.penalty == Decimal(text),
        "idnumber": lambda: q.idnumber == text,
        "tags": lambda: q.tags == [t.findtext("text") for t in child.findall("tag")],
        "hint": lambda: _plain(child) in [h["text"] for h in q.hints],
        "single": lambda: q.question_type == ("single" if text == "true" else "multiple"),
        "shuffleanswers": lambda: q.shuffle_answers == (text == "true"),
        "correctfeedback": lambda: q.correct_feedback == _plain(child),
        "partiallycorrectfeedback": lambda: q.partially_correct_feedback == _plain(child),
        "incorrectfeedback": lambda: q.incorrect_feedback == _plain(child),
        "shownumcorrect": lambda: q.show_num_correct,
        "layouttype": lambda: text == "VERTICAL" or None,
        "graderinfo": lambda: q.grader_info == _plain(child),
        "responsetemplate": lambda: q.response_template == _plain(child),
    }
    if tag in kept:
        return kept[tag]()
    if tag == "answer":
        if q.question_type == "truefalse":
            return {"true": "Vrai", "false": "Faux"}[text or _plain(child)] in [
                c.text for c in q.choices.all()
            ]
        if q.question_type == "ordering":
            return _plain(child) in [p.prompt for p in q.pairs.all()]
        if _plain(child) == "*" and q.question_type == "numerical":
            return None
        return _plain(child) in [c.text for c in q.choices.all()]
    if tag == "subquestion":
        return _plain(child) in [p.prompt for p in q.pairs.all() if p.prompt] or None
    if SAME_AS_KALAN.get(tag) == text:
        return True
    return None


def test_every_element_of_every_type_is_kept_or_named(settings, tmp_path):
    """For Moodle's fixtures and a hand-written file of every type and option: each element
    of each question is in the database or named in the import's warnings, file by file."""
    from defusedxml.ElementTree import fromstring

    settings.MEDIA_ROOT = str(tmp_path)
    for path in [*MOODLE_XML, EVERY_TYPE]:
        Question.objects.all().delete()
        summary = _import_xml(path)
        by_line = {}
        for question in summary.questions:
            by_line[question.name] = question
        root = fromstring(path.read_bytes())
        for node in root.findall("question"):
            kind = node.get("type")
            name = (node.findtext("name/text") or "").strip()
            mine = [w for w in summary.warnings if f"« {name} »" in w]
            if kind == "category":
                path_text = node.findtext("category/text").split("/")[-1]
                category = QuestionCategory.objects.get(name=path_text)
                assert category.description == _plain(node.find("info"))
                idnumber = (node.findtext("idnumber") or "").strip()
                assert not idnumber or any(
                    f"idnumber « {idnumber} »" in w for w in summary.warnings
                )
                continue
            question = by_line[name]
            _files_kept_or_named(question, node, mine)
            for child in node:
                if not ((child.text or "").strip() or len(child)) and child.tag not in (
                    "shownumcorrect",
                ):
                    continue
                kept = _element_kept(question, child)
                if kept is None:
                    word = REPORTED_AS.get(child.tag, child.tag)
                    if child.tag == "answer":
                        word = "« * »"
                    if child.tag == "subquestion":
                        word = f"« {child.findtext('answer/text')} »"
                    assert any(word in w for w in mine), (path.name, name, child.tag, mine)
                else:
                    assert kept, (path.name, name, child.tag)


def test_round_trip_of_moodle_fixtures_and_every_type_is_byte_identical(settings, tmp_path):
    """Import Moodle's fixtures and every_type.xml, export, import that export into an empty
    bank, export again: the two exports are identical byte for byte (nothing normalised)."""
    from wagtail.documents import get_document_model
    from wagtail.images import get_image_model

    settings.MEDIA_ROOT = str(tmp_path)
    root = QuestionCategory.objects.create(name="Moodle")
    for path in [*MOODLE_XML, EVERY_TYPE]:
        _import_xml(path, root=root)
    first = _export_xml(root)
    count = Question.objects.count()
    assert count == 18

    Question.objects.all().delete()
    while QuestionCategory.objects.exists():  # leaves first: a parent is protected
        QuestionCategory.objects.filter(children__isnull=True).delete()
    get_image_model().objects.all().delete()
    get_document_model().objects.all().delete()
    (tmp_path / "first.xml").write_bytes(first)
    _import_xml(tmp_path / "first.xml")
    assert Question.objects.count() == count
    second = _export_xml(QuestionCategory.objects.get(name="Moodle", parent=None))
    assert second == first

    # Images travel as Moodle writes them: the URL-encoded name, the alt text, the file.
    text = first.decode()
    assert 'src="@@PLUGINFILE@@/sch%C3%A9ma.png" alt="Schéma de la garde à vue"' in text
    assert 'src="@@PLUGINFILE@@/balance%20rouge.png" alt="Une balance rouge"' in text
    assert '<file name="schéma.png" path="/" encoding="base64">' in text
    assert '<file name="logo.jpg" path="/" encoding="base64">' in text
    # A link to a joined document travels the same way.
    assert (
        'Lisez &lt;a href="@@PLUGINFILE@@/consignes%20GAV.txt"&gt;les consignes&lt;/a&gt;.' in text
    )
    assert '<file name="consignes GAV.txt" path="/" encoding="base64">' in text
    assert "<embed" not in text
    for kept in ("<idnumber>GAV-01</idnumber>", "<penalty>0.5000000</penalty>"):
        assert kept in text
    assert "<text>Relisez l’article 10.</text>" in text and "<clearwrong />" in text
    assert "<text>This is Kappa category for test</text>" in text


def _xml_with_file(data: bytes, name: str = "photo.png") -> bytes:
    import base64

    encoded = base64.b64encode(data).decode()
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<quiz>
  <question type="truefalse">
    <name><text>Avec image</text></name>
    <questiontext format="html">
      <text><![CDATA[<p>Vrai ? <img src="@@PLUGINFILE@@/{name}" alt="x"></p>]]></text>
      <file name="{name}" path="/" encoding="base64">{encoded}</file>
    </questiontext>
    <answer fraction="100"><text>true</text></answer>
    <answer fraction="0"><text>false</text></answer>
  </question>
</quiz>""".encode()


def _png(size=(8, 8), mode="1") -> bytes:
    import io
    import random

    from PIL import Image as PillowImage

    image = PillowImage.new(mode, size)
    if mode == "RGB":  # noise: the compressed data is long enough to cut in the middle
        noise = random.Random(17)
        image.putdata(
            [tuple(noise.randrange(256) for _ in "rgb") for _ in range(size[0] * size[1])]
        )
    out = io.BytesIO()
    image.save(out, "PNG")
    return out.getvalue()


@pytest.mark.parametrize(
    "data, reason",
    [
        (b"\x89PNG random bytes \x00\x01\x02" * 20, "refusée"),
        (_png((64, 64), "RGB")[:6000], "tronqué"),
        (
            b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>',
            "refusée",
        ),
        (_png((20000, 20000)), "pixels"),
        (b"ID3\x03\x00 not an image, a sound file", "refusée"),
    ],
    ids=["random-bytes", "truncated-png", "svg-with-script", "decompression-bomb", "mp3"],
)
def test_a_bad_image_names_the_question_and_line_and_imports_nothing(
    data, reason, settings, tmp_path
):
    from wagtail.images import get_image_model

    from quizzes.bank import ImportRefused, questions_import
    from quizzes.interop import moodlexml

    settings.MEDIA_ROOT = str(tmp_path)
    with pytest.raises(ImportRefused) as refused:
        questions_import(parsed=moodlexml.parse(_xml_with_file(data)), publish=True)
    (message,) = refused.value.errors
    assert message.startswith("Question (ligne 3) « Avec image » : image « photo.png » refusée")
    assert reason in message
    assert not Question.objects.exists() and not get_image_model().objects.exists()


def test_a_truncated_image_is_refused_even_after_weasyprint_is_imported(settings, tmp_path):
    """WeasyPrint sets Pillow's LOAD_TRUNCATED_IMAGES for the whole process on import (the
    Celery worker renders certificates and runs the import jobs): the check must not depend
    on which module was imported first."""
    import weasyprint  # noqa: F401
    from PIL import ImageFile as PillowImageFile

    from quizzes.bank import ImportRefused, questions_import
    from quizzes.interop import moodlexml

    assert PillowImageFile.LOAD_TRUNCATED_IMAGES is True  # what WeasyPrint left
    settings.MEDIA_ROOT = str(tmp_path)
    data = _png((64, 64), "RGB")[:6000]
    with pytest.raises(ImportRefused) as refused:
        questions_import(parsed=moodlexml.parse(_xml_with_file(data)), publish=True)
    assert "tronqué" in refused.value.errors[0]
    assert PillowImageFile.LOAD_TRUNCATED_IMAGES is True  # left as it was found


def test_an_embedded_file_over_its_cap_is_refused_with_its_line(monkeypatch):
    from quizzes.interop import moodlexml

    monkeypatch.setattr(moodlexml, "MAX_FILE_BYTES", 1024 * 1024)
    result = moodlexml.parse(_xml_with_file(b"x" * (1024 * 1024 + 10)))
    assert result.questions == []
    assert result.errors == [
        "Question 1 (ligne 3) « Avec image » : fichier « photo.png » (ligne 7) : plus de 1 Mo, "
        "la limite d’un fichier joint."
    ]


def test_the_command_names_what_it_does_not_keep(capsys, settings, tmp_path):
    settings.MEDIA_ROOT = str(tmp_path)
    call_command("import_questions", str(EVERY_TYPE), format="moodlexml")
    out = capsys.readouterr().out
    assert (
        "Non repris : Question 5 (ligne 183) « Numérique avec unités » : réponse « * » (toute "
        "autre valeur) ignorée, avec sa note et son retour : Kalan n’a pas d’équivalent"
    ) in out
    assert "Non repris : Catégorie « Tous les types » (ligne 5) : identifiant" in out
    assert "Import terminé : 9 question(s), 1 catégorie(s) créée(s), 0 ignorée(s)." in out
    assert QuestionCategory.objects.get().description == "Un exemple de chaque type de Moodle."


def test_a_linked_file_becomes_a_wagtail_document_that_the_learner_page_links_to(
    settings, tmp_path
):
    from wagtail.documents import get_document_model
    from wagtail.rich_text import expand_db_html

    settings.MEDIA_ROOT = str(tmp_path)
    _import_xml(EVERY_TYPE)
    document = get_document_model().objects.get()
    assert document.title == "Choix unique avec image · consignes GAV.txt"
    assert document.file.read().decode().startswith("Consignes de garde à vue")
    question = Question.objects.get(name="Choix unique avec image")
    assert f'Lisez <a linktype="document" id="{document.pk}">les consignes</a>.' in question.text
    assert f'<a href="{document.url}">les consignes</a>' in expand_db_html(question.text)
