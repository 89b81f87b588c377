import pytest
from django.core.cache import cache


@pytest.fixture
def empty_cache():
    """The shared cache emptied before and after the test (what a start keeps there:
    quizzes/snapshots.py, quizzes/drawing.py)."""
    cache.clear()
    yield
    cache.clear()
