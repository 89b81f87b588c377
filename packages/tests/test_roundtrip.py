"""The demo's three packages (content/demo/) survive a round trip byte for byte: imported into
an empty site, then exported, they are the same files."""

from pathlib import Path

import pytest
from django.conf import settings

from courses import services as course_services
from packages.archive import read_package, zip_bytes
from packages.exporter import course_export
from packages.importer import course_import

pytestmark = pytest.mark.django_db

DEMO = Path(settings.BASE_DIR) / "content" / "demo"


def test_the_three_demo_packages_round_trip_byte_for_byte():
    course_services.course_tree_setup()
    packages = sorted(DEMO.iterdir())
    assert len(packages) == 3
    for folder in packages:
        files = read_package(folder)
        result = course_import(files, publish=True)
        again = course_export(result.course)
        assert sorted(again) == sorted(files), folder.name
        for name in files:
            assert again[name] == files[name], f"{folder.name}/{name}"
        assert zip_bytes(again) == zip_bytes(files)


def test_a_question_with_an_image_goes_to_moodle_xml_with_its_file():
    """GIFT cannot carry files: a question that holds an image is written in Moodle XML, whose
    <file> keeps it, even when its text and answers would read back the same from GIFT."""
    from packages.exporter import gift_says_all
    from quizzes.interop import gift, moodlexml

    question = gift.parse("::Schéma::Ce schéma est-il juste ? {T}\n".encode()).questions[0]
    assert gift_says_all(question) is True
    question["text"] += '<p><img src="@@PLUGINFILE@@/sch%C3%A9ma.png" alt="Schéma"></p>'
    question["images"] = [{"name": "schéma.png", "data": b"\x89PNG\r\n\x1a\n"}]
    assert gift_says_all(question) is False
    written = moodlexml.export([question]).decode()
    assert '<file name="schéma.png"' in written
