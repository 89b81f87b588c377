"""Tests of the registry of question types (quizzes/types/): every kind has one type, and
each type does every operation, from the editor's rows to the attempt page and back."""

import random
from html.parser import HTMLParser
from types import SimpleNamespace

import pytest
from django.db import transaction
from django.http import QueryDict
from django.template.loader import render_to_string
from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import database_for_module
from quizzes import grading, services, snapshots
from quizzes.models import Question
from quizzes.selectors import answer_text, item_view
from quizzes.snapshots import QuestionStructureError, structure_check
from quizzes.tests.factories import question_make
from quizzes.types import (
    QuestionType,
    ResponseError,
    UnknownQuestionType,
    item_field,
    question_type,
    question_types,
    responses_from_post,
)
from quizzes.types.base import register

KINDS = Question.Type.values
ESSAY_ANSWER = {"text": "Le droit à un avocat, à un médecin, de prévenir un proche."}


def test_every_kind_of_question_has_one_type_and_no_type_is_left_over() -> None:
    assert sorted(found.kind for found in question_types()) == sorted(KINDS)
    for kind in KINDS:
        assert question_type(kind).kind == kind


@pytest.mark.parametrize("kind", [None, "", "cloze", "SINGLE", " single", 3, ("single",)])
def test_an_unknown_kind_fails_loudly(kind) -> None:
    with pytest.raises(UnknownQuestionType, match="unknown question type"):
        question_type(kind)
    with pytest.raises(ResponseError, match="inconnu"):
        grading.response_clean({"type": kind}, {"choice": "c0"})
    with pytest.raises(ValueError, match="unknown question type"):
        grading.grade({"type": kind, "max_score": 1.0}, None)


def test_an_unknown_kind_is_a_structure_error_for_the_editor_and_the_importers() -> None:
    with pytest.raises(QuestionStructureError, match="inconnu : cloze"):
        structure_check("cloze", [], [])


def test_a_kind_is_registered_once_and_a_type_names_its_kind() -> None:
    class Again(QuestionType):
        kind = "single"

    class Nameless(QuestionType):
        pass

    with pytest.raises(ValueError, match="registered twice"):
        register(Again)
    with pytest.raises(ValueError, match="no kind"):
        register(Nameless)
    assert type(question_type("single")).__name__ == "SingleType"


def test_the_editor_s_field_groups_come_from_the_types() -> None:
    """What the question form shows and keeps for each type (data-kalan-types)."""
    assert snapshots.CHOICE_TYPES == ("single", "multiple", "truefalse", "short", "numerical")
    assert snapshots.PAIR_TYPES == ("matching", "ordering")
    assert snapshots.TOLERANCE_TYPES == ("numerical",)
    assert snapshots.PAIR_ANSWER_TYPES == ("matching",)
    assert snapshots.ESSAY_TYPES == ("essay",)


class _Fields(HTMLParser):
    """The fields a browser sends for a rendered form fragment: checked radios and
    checkboxes, text inputs, selected options, textareas."""

    def __init__(self) -> None:
        super().__init__()
        self.sent: list[tuple[str, str]] = []
        self._select: str | None = None
        self._textarea: str | None = None

    def handle_starttag(self, tag, attrs) -> None:
        attrs = dict(attrs)
        if tag == "input" and attrs.get("type") in ("radio", "checkbox"):
            if "checked" in attrs:
                self.sent.append((attrs["name"], attrs["value"]))
        elif tag == "input":
            self.sent.append((attrs["name"], attrs.get("value") or ""))
        elif tag == "select":
            self._select = attrs["name"]
        elif tag == "option" and self._select and "selected" in attrs:
            self.sent.append((self._select, attrs["value"]))
        elif tag == "textarea":
            self._textarea = attrs["name"]
            self.sent.append((self._textarea, ""))

    def handle_endtag(self, tag) -> None:
        if tag == "select":
            self._select = None
        elif tag == "textarea":
            self._textarea = None

    def handle_data(self, data) -> None:
        if self._textarea:
            name, text = self.sent.pop()
            self.sent.append((name, text + data))


def _query(fields: dict) -> QueryDict:
    post = QueryDict(mutable=True)
    for name, value in fields.items():
        post.setlist(name, value if isinstance(value, list) else [value])
    return post


def _item(snapshot: dict) -> SimpleNamespace:
    """An attempt item as quizzes.services.attempt_start makes one, without the database."""
    found = question_type(snapshot["type"])
    order = found.display_order(snapshot, random.Random(7), shuffle=True)
    return SimpleNamespace(pk=41, position=0, snapshot=snapshot, display_order=order, response=None)


@pytest.mark.django_db
@pytest.mark.parametrize("kind", KINDS)
def test_every_type_does_every_operation(kind: str) -> None:
    """A question of the kind, frozen; its right answer (an essay: some text) sent as the
    page's fields, read back, cleaned and graded; saved, shown pre-filled by the type's
    template, and sent again as the browser would send that page: the same response."""
    found = question_type(kind)
    snapshot = question_make(kind).snapshot()
    assert snapshot["type"] == kind
    item = _item(snapshot)
    if found.information:
        assert (found.template, snapshot["max_score"]) == ("", 0.0)
        assert item_view(item)["information"] is True
        assert grading.grade(snapshot, None).state == grading.INFO
        assert responses_from_post(_query({item_field(item): "x"}), [item]) == {}
        return
    response = grading.correct_response(snapshot)
    assert (response is None) == found.graded_by_person
    response = response or ESSAY_ANSWER

    fields = found.to_post(item_field(item), response, item.display_order)
    raw = responses_from_post(_query(fields), [item])[item.pk]
    assert grading.response_clean(snapshot, services.tokens_translate(item, raw)) == response
    expected = grading.NEEDS_GRADING if found.graded_by_person else "correct"
    assert grading.grade(snapshot, response).state == expected
    assert answer_text(snapshot, response)

    item.response = response
    view = item_view(item)
    assert (view["template"], view["information"]) == (found.template, False)
    html = render_to_string(found.template, {"q": view})
    parser = _Fields()
    parser.feed(html)
    shown = QueryDict(mutable=True)
    for name, value in parser.sent:
        shown.appendlist(name, value)
    raw = responses_from_post(shown, [item])[item.pk]
    assert grading.response_clean(snapshot, services.tokens_translate(item, raw)) == response


@pytest.mark.django_db
@pytest.mark.parametrize("kind", ["single", "multiple", "matching", "ordering"])
def test_the_page_never_shows_the_real_ids(kind: str) -> None:
    item = _item(question_make(kind).snapshot())
    item.response = grading.correct_response(item.snapshot)
    html = render_to_string(question_type(kind).template, {"q": item_view(item)})
    assert item.display_order
    for _token, real in item.display_order:
        assert f'value="{real}"' not in html


@pytest.fixture(scope="module")
def frozen(django_db_setup, django_db_blocker) -> dict[str, dict]:
    """A snapshot of each kind, made once for the property test (rolled back at once)."""
    with database_for_module(django_db_blocker), transaction.atomic():
        snapshots_ = {kind: question_make(kind).snapshot() for kind in KINDS}
        transaction.set_rollback(True)
    return snapshots_


@pytest.mark.parametrize("kind", KINDS)
@settings(max_examples=60, deadline=None)
@given(data=st.data())
def test_any_post_is_read_as_a_response_or_refused_in_french(frozen, kind: str, data) -> None:
    """Hostile fields (the item's own names, with the page's tokens, or anything) give a raw
    response that cleans, or a ResponseError with a message: never another exception."""
    item = _item(frozen[kind])
    field = item_field(item)
    tokens = [token for token, _real in item.display_order]
    names = st.one_of(
        st.just(field),
        st.sampled_from([f"{field}-{key}" for key in [*tokens, "p0", "p1", "i0"]]),
        st.text(max_size=8),
    )
    values = st.one_of(
        st.sampled_from([*tokens, "1", "2", "3", "01", "0", "-1", "²", "", " ", "48,5", "\x00"]),
        st.text(max_size=12),
    )
    post = QueryDict(mutable=True)
    for name, value in data.draw(st.lists(st.tuples(names, values), max_size=8)):
        post.appendlist(name, value)
    try:
        raw = responses_from_post(post, [item])
        translated = services.tokens_translate(item, raw.get(41))
        response = grading.response_clean(item.snapshot, translated)
    except ResponseError as error:
        assert str(error)
    else:
        assert grading.response_clean(item.snapshot, response) == response
