"""Importing a package: all or nothing, every problem named by file and line, an update in
place on a second import, a copy on demand, and hostile archives refused before reading."""

import io
import zipfile

import pytest
from django.core.management import CommandError, call_command

from courses import services as course_services
from courses.models import CoursePage, LessonPage
from packages.archive import PackageError, read_package, read_zip, zip_bytes
from packages.importer import course_import
from packages.models import PageSource
from packages.tests.factories import COURSE, LESSON, package, zipped
from quizzes.models import Question, QuizPage

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def tree():
    course_services.course_tree_setup()


def problems_of(files) -> list[str]:
    with pytest.raises(PackageError) as caught:
        course_import(files)
    assert CoursePage.objects.count() == 0 and Question.objects.count() == 0  # nothing written
    return caught.value.problems


def test_a_package_imports_as_drafts_with_its_links_resolved():
    result = course_import(package())
    course = result.course
    assert not course.live and result.created == 4 and result.questions_created == 1
    lesson = LessonPage.objects.get(package_source__key="m1/l1")
    quiz = QuizPage.objects.get(package_source__key="m1/quiz")
    draft = lesson.get_latest_revision_as_object()
    assert f'<a linktype="page" id="{quiz.pk}">' in draft.body[0].value.source
    assert [b.block_type for b in draft.body] == ["paragraph", "remember"]
    assert quiz.get_latest_revision_as_object().slots.get().question.name == "Capitale"
    assert not Question.objects.get().live  # waits for the review


def test_a_second_import_updates_in_place_and_a_copy_is_a_new_course():
    first = course_import(package(), publish=True)
    lesson = LessonPage.objects.get(package_source__key="m1/l1")
    changed = LESSON.replace("Un texte avec", "Un texte revu avec")
    second = course_import(package(**{"lessons/m1/l1.md": changed}), publish=True)
    assert second.course.pk == first.course.pk and second.created == 0
    assert LessonPage.objects.count() == 1 and Question.objects.count() == 1
    again = LessonPage.objects.get(pk=lesson.pk)
    assert "Un texte revu avec" in again.body[0].value.source
    copy = course_import(package(), copy=True)
    assert copy.course.pk != first.course.pk
    assert copy.course.slug == "formation-essai-copie" and copy.course.title.endswith("(copie)")
    assert PageSource.objects.filter(package_id="essai-copie").count() == 4
    assert CoursePage.objects.count() == 2 and Question.objects.count() == 2


@pytest.mark.parametrize(
    ("changes", "expected"),
    [
        ({"course.yaml": None}, "course.yaml : fichier manquant"),
        (
            {"lessons/m1/l1.md": None},
            "course.yaml, ligne 14 : fichier de leçon « lessons/m1/l1.md »",
        ),
        (
            {"course.yaml": COURSE.replace("title: Module un", "title: [")},
            "course.yaml, ligne 13 : YAML illisible",
        ),
        (
            {"lessons/m1/l1.md": LESSON.replace("::: remember", "::: marquee")},
            "lessons/m1/l1.md, ligne 9 : type de bloc inconnu « marquee »",
        ),
        (
            {"lessons/m1/l1.md": LESSON.replace("page:m1/quiz", "page:m1/absent")},
            "lessons/m1/l1.md, ligne 7 : lien « page:m1/absent » : cible inconnue",
        ),
        (
            {"course.yaml": COURSE.replace("question: Capitale", "question: Absente")},
            "la question « Absente » n’est pas dans la banque du paquet",
        ),
        (
            {"course.yaml": "format: kalan-course/1\nid: !!python/object/apply:os.system [ls]\n"},
            "course.yaml, ligne 2 : YAML illisible",
        ),
        (
            {"course.yaml": "a: &x [1]\nb: *x\n"},
            "les alias YAML (*nom) ne sont pas admis",
        ),
        (
            {
                "lessons/m1/l1.md": LESSON.replace(
                    "Un texte", "<script>alert(1)</script>\n\n> citation"
                )
            },
            "lessons/m1/l1.md, ligne 9 : élément non pris en charge ici : citation",
        ),
        ({"questions.gift": "\xff"}, None),
    ],
)
def test_a_bad_package_is_refused_whole_with_its_file_and_line(changes, expected):
    files = package(**changes)
    if expected is None:
        files["questions.gift"] = b"\xff\xfe"
        expected = "questions.gift : le fichier n’est pas en UTF-8"
    problems = problems_of(files)
    assert any(expected in problem for problem in problems), problems


def test_hostile_archives_are_refused_before_anything_is_read(settings):
    traversal = zipped([("../../etc/cron.d/x", b"x"), ("course.yaml", b"")])
    with pytest.raises(PackageError, match="sort du paquet"):
        read_zip(traversal)
    absolute = zipped([("/etc/passwd", b"x")])
    with pytest.raises(PackageError, match="chemin absolu"):
        read_zip(absolute)
    link = zipfile.ZipInfo("media/lien")
    link.external_attr = 0o120777 << 16
    with pytest.raises(PackageError, match="lien symbolique"):
        read_zip(zipped([(link, b"/etc/passwd")]))
    bomb = zipped([("media/bombe.txt", b"\0" * (20 * 1024 * 1024))])
    with pytest.raises(PackageError, match="archive piégée"):
        read_zip(bomb)
    settings.KALAN_PACKAGE_MAX_FILES = 3
    with pytest.raises(PackageError, match="4 fichiers"):
        read_zip(zipped([(f"f{n}", b"x") for n in range(4)]))
    with pytest.raises(PackageError, match="zip lisible"):
        read_zip(b"PK\x03\x04 pas une archive")


def test_a_2_gb_file_is_refused_from_its_size_alone(tmp_path, settings):
    huge = tmp_path / "formation.zip"
    with huge.open("wb") as handle:
        handle.truncate(2 * 1024**3)  # sparse: nothing is written, nothing is read
    with pytest.raises(PackageError, match="la limite est de"):
        read_package(huge)


def test_the_commands_export_and_import_a_zip(tmp_path):
    course_import(package(), publish=True)
    target = tmp_path / "essai.zip"
    call_command("course_export", "formation-essai", str(target))
    assert read_package(target) == read_zip(zip_bytes(read_package(target)))
    call_command("course_import", str(target), "--copy")
    assert CoursePage.objects.filter(slug="formation-essai-copie").exists()
    broken = tmp_path / "casse.zip"
    broken.write_bytes(zip_bytes(package(**{"course.yaml": "format: autre\n"})))
    with pytest.raises(CommandError, match="Rien n’a été importé"):
        call_command("course_import", str(broken))


def test_a_refused_import_leaves_no_file_in_storage(settings, tmp_path):
    """A rollback takes back the rows, not the files: the first image was saved to storage
    before the second was refused, and the failed import must delete it again."""
    import io

    from PIL import Image as PillowImage
    from wagtail.images import get_image_model

    settings.MEDIA_ROOT = str(tmp_path)
    buffer = io.BytesIO()
    PillowImage.new("RGB", (8, 8), "green").save(buffer, "PNG")
    lesson = LESSON + (
        "\n::: image\nfile: media/bonne.png\nalt_text: Une image\n:::\n"
        "\n::: image\nfile: media/cassee.png\nalt_text: Une autre\n:::\n"
    )
    files = package(**{"lessons/m1/l1.md": lesson})
    files["media/bonne.png"] = buffer.getvalue()
    files["media/cassee.png"] = b"\x89PNG\r\n\x1a\n" + b"\x00" * 40  # a header, then nothing
    with pytest.raises(PackageError) as caught:
        course_import(files)
    assert any("cassee.png" in p or "image" in p.lower() for p in caught.value.problems)
    assert get_image_model().objects.count() == 0
    left = [p for p in tmp_path.rglob("*") if p.is_file()]
    assert left == [], left


def test_a_bad_package_is_reported_in_the_importers_language():
    """Problems follow the language of whoever imports, the names of Markdown elements too
    (they are looked up when the problem is found, not when the module is first imported)."""
    from django.utils import translation

    lesson = LESSON.replace("Un texte", "<script>alert(1)</script>\n\n> citation")
    with translation.override("fr"):
        french = problems_of(package(**{"lessons/m1/l1.md": lesson}))
    with translation.override("en"):
        english = problems_of(package(**{"lessons/m1/l1.md": lesson}))
        with pytest.raises(PackageError) as refused:
            read_zip(zipped([("../../etc/cron.d/x", b"x"), ("course.yaml", b"")]))
    assert "lessons/m1/l1.md, ligne 9 : élément non pris en charge ici : citation (>)." in french
    assert "lessons/m1/l1.md, line 9: element not supported here: quotation (>)." in english
    assert refused.value.problems == [
        "../../etc/cron.d/x: path leaving the package (« .. ») not allowed."
    ]


def test_a_question_that_shows_an_image_travels_in_moodle_xml_with_its_file(settings, tmp_path):
    """GIFT carries no file: a question whose text shows an image goes to questions.xml, and a
    second site gets the image back."""
    import base64

    from PIL import Image

    from packages.exporter import course_export

    settings.MEDIA_ROOT = str(tmp_path)
    buffer = io.BytesIO()
    Image.new("RGB", (4, 4), "red").save(buffer, "PNG")
    xml = (
        '<?xml version="1.0" encoding="UTF-8"?>\n<quiz>\n'
        '<question type="multichoice"><name><text>Capitale</text></name>\n'
        '<questiontext format="html"><text><![CDATA[<p>Quelle ville ?</p>'
        '<img src="@@PLUGINFILE@@/carte.png" alt="Carte">]]></text>'
        f'<file name="carte.png" encoding="base64">{base64.b64encode(buffer.getvalue()).decode()}'
        "</file></questiontext>\n"
        '<answer fraction="100"><text>Bamako</text></answer>'
        '<answer fraction="0"><text>Mopti</text></answer></question>\n</quiz>\n'
    )
    first = course_import(package(**{"questions.gift": None, "questions.xml": xml}))
    files = course_export(first.course)
    assert "questions.gift" not in files
    assert b'<file name="carte.png"' in files["questions.xml"]
    before = set(Question.objects.values_list("pk", flat=True))
    assert course_import(files, copy=True).questions_created == 1
    question = Question.objects.exclude(pk__in=before).get()
    assert '<embed embedtype="image"' in question.text


def test_a_second_import_finds_the_images_of_the_first(settings, tmp_path):
    """Images are matched by their file's hash: updating a course from the same package does
    not make a second copy of each image."""
    from PIL import Image as PillowImage
    from wagtail.images import get_image_model

    settings.MEDIA_ROOT = str(tmp_path)
    buffer = io.BytesIO()
    PillowImage.new("RGB", (8, 8), "green").save(buffer, "PNG")
    lesson = LESSON + "\n::: image\nfile: media/bonne.png\nalt_text: Une image\n:::\n"
    files = package(**{"lessons/m1/l1.md": lesson})
    files["media/bonne.png"] = buffer.getvalue()
    course_import(files)
    image = get_image_model().objects.get()
    assert image.file_hash and image.file_size == len(buffer.getvalue())
    course_import(files)
    assert get_image_model().objects.count() == 1
