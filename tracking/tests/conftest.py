import pytest

from courses.tests.factories import course_build

from .factories import tree_build


@pytest.fixture
def tree(db):
    return tree_build()


@pytest.fixture
def course(db):
    return course_build(title="Garde à vue et droits de la défense", modules=1, lessons=2)
