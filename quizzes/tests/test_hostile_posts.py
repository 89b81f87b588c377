"""Hostile input on the quiz endpoints: hypothesis-generated POST bodies. The answer is always
a 400 with nothing stored, or the normal redirect after a save; never a 500."""

import pytest
from django.urls import reverse
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from accounts.tests.factories import LearnerFactory
from courses import services as course_services
from courses.tests.factories import course_build
from quizzes import services
from quizzes.models import Attempt, AttemptItem

from .factories import question_make, quiz_make

KINDS = ["single", "truefalse", "multiple", "short", "numerical", "matching", "ordering"]

pytestmark = pytest.mark.django_db


@pytest.fixture
def attempt(db):
    course = course_build(title="Formation hostile", modules=1, lessons=1, sequential=False)
    quiz = quiz_make(
        course, questions=[question_make(kind) for kind in KINDS], questions_per_page=len(KINDS)
    )
    learner = LearnerFactory()
    course_services.enrollment_create(learner=learner, course=course)
    return services.attempt_start(learner=learner, quiz=quiz)


def _field_names(attempt: Attempt) -> list[str]:
    """The names the page really uses, so that hypothesis hits the parsing code, plus the
    tokens and ids it could guess or forge."""
    names = ["save_id", "nav", "csrfmiddlewaretoken"]
    for item in attempt.items.all():
        names.append(f"q{item.pk}")
        for token, real in item.display_order:
            names += [f"q{item.pk}-{token}", f"q{item.pk}-{real}"]
        for pair in item.snapshot.get("pairs", []):
            names.append(f"q{item.pk}-{pair['id']}")
    return names


def _values(attempt: Attempt):
    tokens = [t for item in attempt.items.all() for t, _real in item.display_order]
    return st.one_of(
        st.text(max_size=40),
        st.sampled_from(tokens or ["x"]),
        st.integers(-5, 1000).map(str),
        st.sampled_from(
            ["", " ", "1", "2", "3", "01", "1e9", "NaN", "-0", "\u0661", "\x00", "é" * 300]
        ),
    )


def _stored(attempt: Attempt):
    return list(
        AttemptItem.objects.filter(attempt=attempt)
        .order_by("pk")
        .values_list("response", "saved_at")
    )


@settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(data=st.data())
def test_attempt_page_post_never_500_and_stores_nothing_on_400(client, attempt, data):
    client.force_login(attempt.learner)
    names = _field_names(attempt)
    body = data.draw(
        st.lists(
            st.tuples(st.one_of(st.sampled_from(names), st.text(max_size=12)), _values(attempt)),
            max_size=12,
        )
    )
    multi = {}
    for name, value in body:
        multi.setdefault(name, []).append(value)
    before = _stored(attempt)
    url = reverse("quizzes:attempt_page", kwargs={"attempt_id": attempt.pk, "page": 1})
    response = client.post(url, multi)
    assert response.status_code in (302, 400), response.status_code
    if response.status_code == 400:
        assert _stored(attempt) == before
        assert "Rien n’a été enregistré" in response.content.decode()


@settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(body=st.dictionaries(st.text(max_size=12), st.text(max_size=20), max_size=6))
def test_submit_ignores_whatever_body_it_gets(client, attempt, body):
    client.force_login(attempt.learner)
    url = reverse("quizzes:attempt_submit", kwargs={"attempt_id": attempt.pk})
    response = client.post(url, body)
    assert response.status_code == 302
    # Submitted once, whatever came with it; then it stays submitted.
    assert Attempt.objects.get(pk=attempt.pk).state == Attempt.State.FINISHED


@pytest.mark.parametrize(
    "field", ["save_id", "short"], ids=["nul in the save id", "nul in a text answer"]
)
def test_a_nul_character_is_bad_input_not_a_server_error(client, attempt, field):
    """Found by the test above on PostgreSQL, which cannot store NUL in JSON."""
    client.force_login(attempt.learner)
    short = next(i for i in attempt.items.all() if i.snapshot["type"] == "short")
    body = {"save_id": "abc", f"q{short.pk}": "garde"}
    body["save_id" if field == "save_id" else f"q{short.pk}"] = "a\x00b"
    before = _stored(attempt)
    url = reverse("quizzes:attempt_page", kwargs={"attempt_id": attempt.pk, "page": 1})
    response = client.post(url, body)
    assert response.status_code == 400
    assert _stored(attempt) == before
