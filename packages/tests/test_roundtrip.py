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
