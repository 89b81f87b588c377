"""lms/bulk.py: rows with JSON inserted as a VALUES list, their documents intact."""

import uuid

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from lms.bulk import json_param
from xapi.models import OutboxStatement

pytestmark = pytest.mark.django_db

DOCUMENTS = [
    {"id": "a", "texte": "Garde à vue : 48 heures, « prolongation »", "liste": [1, 2.5, None]},
    {"id": "b", "guillemets": 'il a dit "non" \\ puis {oui}', "vide": {}},
]


def _insert(wrap: bool) -> str:
    rows = [
        OutboxStatement(
            statement_id=uuid.uuid4(),
            verb="attempted",
            statement=json_param(doc, OutboxStatement.statement.field) if wrap else doc,
        )
        for doc in DOCUMENTS
    ]
    with CaptureQueriesContext(connection) as queries:
        OutboxStatement.objects.bulk_create(rows)
    return queries.captured_queries[-1]["sql"]


def test_the_documents_are_stored_as_given():
    _insert(wrap=True)
    stored = sorted(OutboxStatement.objects.values_list("statement", flat=True), key=str)
    assert stored == sorted(DOCUMENTS, key=str)


@pytest.mark.skipif(connection.vendor != "postgresql", reason="UNNEST is PostgreSQL's")
def test_the_insert_is_a_values_list_not_unnest():
    assert "UNNEST" in _insert(wrap=False).upper()  # what Django does with plain values
    assert "UNNEST" not in _insert(wrap=True).upper()
