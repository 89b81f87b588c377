"""Tests of quizzes.grading: property tests on generated snapshots, then worked examples."""

import copy
import itertools
import math
import re

import pytest
from hypothesis import assume, example, given, settings
from hypothesis import strategies as st

from quizzes.grading import (
    Grade,
    ResponseError,
    correct_response,
    grade,
    manual_grade,
    normalise,
    response_clean,
    wildcard_match,
)

PROPERTY = settings(max_examples=100, deadline=None)
UNITS = 10**7  # fractions have 7 decimals, as in Moodle

TYPES = ["single", "truefalse", "multiple", "short", "numerical", "matching", "ordering"]
RESPONSE_KEYS = {
    "single": "choice",
    "truefalse": "choice",
    "multiple": "choices",
    "short": "text",
    "numerical": "value",
    "matching": "matches",
    "ordering": "order",
}
# Accents, capitals, ligature, apostrophes, spaces and the wildcard: what normalise() folds.
ANSWER_ALPHABET = "abeéèàçœ AÉŒ'’-*"


# --- Snapshot strategies ----------------------------------------------------------------------


def fractions(low: int, high: int) -> st.SearchStrategy[float]:
    """Fractions in [low, high] with 7 decimals."""
    return st.integers(low * UNITS, high * UNITS).map(lambda units: units / UNITS)


wrong_fractions = fractions(-1, 0)
any_fractions = fractions(-1, 1)


max_scores = st.one_of(
    st.sampled_from([1.0, 2.0, 0.5, 10.0]),
    st.floats(min_value=0.01, max_value=100, allow_nan=False, allow_infinity=False),
)


def feedback(index: int) -> str:
    """Some entries have feedback, some none (fixed rather than drawn: fewer draws, faster)."""
    return "" if index % 3 == 2 else f"Relisez l’article {index}."


def base(kind: str, max_score: float) -> dict:
    return {"type": kind, "max_score": max_score, "text": "<p>Question ?</p>"}


@st.composite
def single_snapshots(draw: st.DrawFn, kind: str = "single") -> dict:
    ids = (
        ["true", "false"]
        if kind == "truefalse"
        else [f"c{i}" for i in range(draw(st.integers(2, 6)))]
    )
    right = draw(st.sampled_from(ids))
    choices = [
        {
            "id": choice_id,
            "text": f"Choix {choice_id}",
            "fraction": 1.0 if choice_id == right else draw(wrong_fractions),
            "feedback": feedback(i),
        }
        for i, choice_id in enumerate(ids)
    ]
    return {**base(kind, draw(max_scores)), "choices": choices}


@st.composite
def weights(draw: st.DrawFn, count: int) -> list[float]:
    """`count` positive 7-decimal weights summing to 1 (e.g. 0.3333333 + 0.3333333 + 0.3333334)."""
    cuts = sorted(draw(st.sets(st.integers(1, UNITS - 1), min_size=count - 1, max_size=count - 1)))
    bounds = [0, *cuts, UNITS]
    return [(high - low) / UNITS for low, high in itertools.pairwise(bounds)]


@st.composite
def multiple_snapshots(draw: st.DrawFn) -> dict:
    size = draw(st.integers(2, 7))
    right = draw(st.integers(1, size))
    equal = [round(1 / right, 7)] * (right - 1)
    right_fractions = draw(st.one_of(weights(right), st.just([*equal, 1 - math.fsum(equal)])))
    wrong = [draw(wrong_fractions) for _ in range(size - right)]
    shuffled = draw(st.permutations(right_fractions + wrong))
    choices = [
        {"id": f"c{i}", "text": f"Choix {i}", "fraction": fraction, "feedback": feedback(i)}
        for i, fraction in enumerate(shuffled)
    ]
    return {**base("multiple", draw(max_scores)), "choices": choices}


answer_texts = st.text(ANSWER_ALPHABET, min_size=1, max_size=15).filter(
    lambda text: len(normalise(text).replace("*", "")) >= 2
)


short_answer_lists = st.lists(answer_texts, min_size=1, max_size=4)


@st.composite
def short_snapshots(draw: st.DrawFn) -> dict:
    texts = draw(short_answer_lists)
    full = draw(st.integers(0, len(texts) - 1))
    answers = [
        {
            "text": text,
            "fraction": 1.0 if i == full else draw(any_fractions),
            "feedback": feedback(i),
        }
        for i, text in enumerate(texts)
    ]
    return {**base("short", draw(max_scores)), "answers": answers}


numbers = st.one_of(
    st.integers(-10_000, 10_000).map(float),
    st.floats(min_value=-1e6, max_value=1e6, allow_nan=False, allow_infinity=False),
)


tolerances = st.one_of(st.just(0.0), st.floats(min_value=0, max_value=100))


@st.composite
def numerical_snapshots(draw: st.DrawFn) -> dict:
    count = draw(st.integers(1, 3))
    full = draw(st.integers(0, count - 1))
    answers = [
        {
            "value": draw(numbers),
            "tolerance": draw(tolerances),
            "fraction": 1.0 if i == full else draw(any_fractions),
            "feedback": feedback(i),
        }
        for i in range(count)
    ]
    return {**base("numerical", draw(max_scores)), "answers": answers}


# Distinct answers: pairs with the same answer text are interchangeable (tested below).
matching_answers = st.lists(
    st.text("abcé ", min_size=1, max_size=8), min_size=2, max_size=6, unique=True
)


@st.composite
def matching_snapshots(draw: st.DrawFn) -> dict:
    answers = draw(matching_answers)
    pairs = [
        {"id": f"p{i}", "prompt": f"Énoncé {i}", "answer": answer}
        for i, answer in enumerate(answers)
    ]
    return {**base("matching", draw(max_scores)), "pairs": pairs}


@st.composite
def ordering_snapshots(draw: st.DrawFn) -> dict:
    items = [{"id": f"i{i}", "text": f"Étape {i}"} for i in range(draw(st.integers(2, 7)))]
    return {**base("ordering", draw(max_scores)), "items": items}


SNAPSHOTS = {
    "single": single_snapshots(),
    "truefalse": single_snapshots("truefalse"),
    "multiple": multiple_snapshots(),
    "short": short_snapshots(),
    "numerical": numerical_snapshots(),
    "matching": matching_snapshots(),
    "ordering": ordering_snapshots(),
}


def ids_of(snapshot: dict) -> list[str]:
    entries = snapshot.get("choices") or snapshot.get("pairs") or snapshot.get("items") or []
    return [entry["id"] for entry in entries]


def french(number: float) -> str:
    """A number as a French learner types it: decimal comma."""
    return repr(number).replace(".", ",")


# --- Response strategies: valid raw input built from the snapshot --------------------------


short_texts = st.text(ANSWER_ALPHABET, max_size=30)


@st.composite
def raw_responses(draw: st.DrawFn, snapshot: dict) -> dict:
    """Well-formed raw input for `snapshot`, blank answers included."""
    ids = ids_of(snapshot)
    kind = snapshot["type"]
    if kind in ("single", "truefalse"):
        value = draw(st.sampled_from(["", *ids]))
    elif kind == "multiple":
        value = draw(st.lists(st.sampled_from(ids), unique=True))
        if len(value) == 1 and draw(st.booleans()):
            value = value[0]  # one ticked box may come as a plain string
    elif kind == "short":
        texts = [answer["text"] for answer in snapshot["answers"]]
        value = draw(st.one_of(short_texts, st.sampled_from(texts)))
    elif kind == "numerical":
        edges = [a["value"] + a["tolerance"] for a in snapshot["answers"]]
        number = draw(st.one_of(numbers, st.sampled_from(edges)))
        value = draw(st.sampled_from([number, french(number), f" {number} "]))
    elif kind == "matching":
        value = draw(st.dictionaries(st.sampled_from(ids), st.sampled_from(ids)))
    else:
        value = draw(st.permutations(ids))
    return {RESPONSE_KEYS[kind]: value}


# --- Properties, for every type -----------------------------------------------------------


def state_of(fraction: float) -> str:
    if fraction == 1:
        return "correct"
    return "partial" if fraction > 0 else "wrong"


def assert_consistent(result: Grade, answered: bool) -> None:
    assert 0 <= result.score <= result.max_score
    assert 0 <= result.fraction <= 1
    assert math.isclose(result.score, result.fraction * result.max_score, abs_tol=1e-7)
    if answered:
        assert result.state == state_of(result.fraction)
    else:
        assert (result.score, result.state, result.feedback) == (0, "unanswered", [])


@pytest.mark.parametrize("kind", TYPES)
@PROPERTY
@given(data=st.data())
def test_score_is_within_bounds_for_any_valid_response(kind: str, data: st.DataObject) -> None:
    snapshot = data.draw(SNAPSHOTS[kind])
    response = response_clean(snapshot, data.draw(raw_responses(snapshot)))
    assert_consistent(grade(snapshot, response), answered=response is not None)
    assert response_clean(snapshot, response) == response  # cleaning is idempotent


@pytest.mark.parametrize("kind", TYPES)
@PROPERTY
@given(data=st.data())
def test_correct_response_gets_full_marks(kind: str, data: st.DataObject) -> None:
    snapshot = data.draw(SNAPSHOTS[kind])
    response = correct_response(snapshot)
    assert response_clean(snapshot, response) == response
    result = grade(snapshot, response)
    assert (result.fraction, result.state) == (1.0, "correct")
    assert math.isclose(result.score, result.max_score, abs_tol=1e-7)


wide_numbers = st.floats(min_value=-1e7, max_value=1e7)


@st.composite
def wrong_responses(draw: st.DrawFn, snapshot: dict) -> dict:
    """Clean responses that differ from every full-marks response."""
    ids = ids_of(snapshot)
    kind = snapshot["type"]
    if kind in ("single", "truefalse"):
        wrong = [choice["id"] for choice in snapshot["choices"] if choice["fraction"] < 1]
        return {"choice": draw(st.sampled_from(wrong))}
    if kind == "multiple":
        chosen = sorted(draw(st.lists(st.sampled_from(ids), min_size=1, unique=True)))
        assume(chosen != correct_response(snapshot)["choices"])
        return {"choices": chosen}
    if kind == "short":
        text = draw(short_texts).strip()
        full = [normalise(a["text"]) for a in snapshot["answers"] if a["fraction"] == 1]
        assume(text and not any(wildcard_match(pattern, normalise(text)) for pattern in full))
        return {"text": text}
    if kind == "numerical":
        value = draw(wide_numbers)
        full = [a for a in snapshot["answers"] if a["fraction"] == 1]
        # A margin well above the grader's 1e-9 relative slack.
        assume(all(abs(value - a["value"]) > a["tolerance"] * 1.001 + 1e-3 for a in full))
        return {"value": value}
    if kind == "matching":
        matches = draw(st.dictionaries(st.sampled_from(ids), st.sampled_from(ids), min_size=1))
        assume(matches != {pair_id: pair_id for pair_id in ids})
        return {"matches": response_clean(snapshot, {"matches": matches})["matches"]}
    order = draw(st.permutations(ids))
    assume(order != ids)
    return {"order": order}


@pytest.mark.parametrize("kind", TYPES)
@PROPERTY
@given(data=st.data())
def test_only_a_correct_response_gets_full_marks(kind: str, data: st.DataObject) -> None:
    snapshot = data.draw(SNAPSHOTS[kind])
    result = grade(snapshot, data.draw(wrong_responses(snapshot)))
    assert result.fraction < 1
    assert result.state != "correct"
    assert result.score < result.max_score


@settings(max_examples=200, deadline=None)
@given(data=st.data())
def test_grading_is_pure(data: st.DataObject) -> None:
    """Same input, same output; neither the snapshot nor the response is modified."""
    snapshot = data.draw(st.one_of(*SNAPSHOTS.values()))
    raw = data.draw(raw_responses(snapshot))
    snapshot_before, raw_before = copy.deepcopy(snapshot), copy.deepcopy(raw)
    response = response_clean(snapshot, raw)
    assert response_clean(snapshot, raw) == response
    response_before = copy.deepcopy(response)
    assert grade(snapshot, response) == grade(snapshot, response)
    assert correct_response(snapshot) == correct_response(snapshot)
    assert (snapshot, raw, response) == (snapshot_before, raw_before, response_before)


# Every id the snapshot strategies use, so that garbage sometimes gets past the first checks.
KNOWN_IDS = ["true", "false"] + [f"{prefix}{i}" for prefix in "cpi" for i in range(7)]
garbage = st.recursive(
    st.one_of(
        st.none(),
        st.booleans(),
        st.integers(),
        st.floats(),
        st.text(max_size=10),
        st.sampled_from(KNOWN_IDS),
    ),
    lambda children: st.one_of(
        st.lists(children, max_size=5),
        st.dictionaries(st.one_of(st.text(max_size=5), st.sampled_from(KNOWN_IDS)), children),
    ),
    max_leaves=5,
)
# Garbage as the whole input or under the key the type expects, to reach its own checks.
RAW_GARBAGE = {
    kind: st.one_of(garbage, st.dictionaries(st.just(key), garbage))
    for kind, key in RESPONSE_KEYS.items()
}


@pytest.mark.parametrize("kind", TYPES)
@PROPERTY
@given(data=st.data())
def test_response_clean_only_raises_response_error(kind: str, data: st.DataObject) -> None:
    snapshot = data.draw(SNAPSHOTS[kind])
    raw = data.draw(RAW_GARBAGE[kind])
    try:
        response = response_clean(snapshot, raw)
    except ResponseError as error:
        assert str(error)  # a message for the learner, never an empty 400
    else:
        assert response_clean(snapshot, response) == response
        assert_consistent(grade(snapshot, response), answered=response is not None)


@settings(max_examples=200, deadline=None)
@given(pattern=st.text("ab*", max_size=8), text=st.text("ab", max_size=12))
def test_wildcard_match_agrees_with_a_regex(pattern: str, text: str) -> None:
    regex = ".*".join(re.escape(part) for part in pattern.split("*"))
    assert wildcard_match(pattern, text) == (re.fullmatch(regex, text, re.DOTALL) is not None)


# --- Examples ------------------------------------------------------------------------------


def short_question(*answers: tuple[str, float, str]) -> dict:
    return {
        "type": "short",
        "max_score": 1.0,
        "answers": [{"text": t, "fraction": f, "feedback": fb} for t, f, fb in answers],
    }


def choice_question(kind: str, *fractions_: float, max_score: float = 1.0) -> dict:
    choices = [
        {"id": f"c{i}", "text": f"Choix {i}", "fraction": fraction, "feedback": f"Retour {i}"}
        for i, fraction in enumerate(fractions_, start=1)
    ]
    return {"type": kind, "max_score": max_score, "choices": choices}


def graded(snapshot: dict, raw: dict) -> Grade:
    return grade(snapshot, response_clean(snapshot, raw))


@pytest.mark.parametrize("text", ["garde à vue", "GARDE A VUE", "Garde   à  vue", "  garde à vue "])
def test_short_answer_ignores_case_accents_and_spaces(text: str) -> None:
    question = short_question(("garde à vue", 1.0, "Exact."))
    result = graded(question, {"text": text})
    assert (result.state, result.feedback) == ("correct", ["Exact."])


def test_short_answer_folds_ligatures_and_apostrophes() -> None:
    question = short_question(("l’œuvre", 1.0, ""))
    assert graded(question, {"text": "L'OEUVRE"}).state == "correct"


def test_short_answer_wildcard_gives_its_fraction() -> None:
    question = short_question(
        ("garde à vue", 1.0, "Exact."), ("garde*", 0.5, "Presque."), ("*", -1.0, "Non.")
    )
    assert graded(question, {"text": "Garde à vue"}).fraction == 1.0
    partial = graded(question, {"text": "garde des sceaux"})
    assert (partial.fraction, partial.state, partial.feedback) == (0.5, "partial", ["Presque."])
    wrong = graded(question, {"text": "détention"})
    assert (wrong.score, wrong.state, wrong.feedback) == (0.0, "wrong", ["Non."])


def test_blank_short_answer_is_unanswered() -> None:
    question = short_question(("garde à vue", 1.0, ""))
    assert response_clean(question, {"text": "   "}) is None
    assert grade(question, None).state == "unanswered"


def numerical_question(value: float, tolerance: float = 0.0) -> dict:
    answer = {"value": value, "tolerance": tolerance, "fraction": 1.0, "feedback": "Oui."}
    return {"type": "numerical", "max_score": 1.0, "answers": [answer]}


@pytest.mark.parametrize(
    ("raw", "value"),
    [("48", 48.0), ("48,5", 48.5), ("48.5", 48.5), (" 1 000,5 ", 1000.5), ("-0,25", -0.25)],
)
def test_numerical_accepts_french_notation(raw: str, value: float) -> None:
    assert response_clean(numerical_question(48.5), {"value": raw}) == {"value": value}


def test_numerical_decimal_comma_gets_full_marks() -> None:
    assert graded(numerical_question(48.5), {"value": "48,5"}).state == "correct"


@pytest.mark.parametrize(
    "raw", ["abc", "nan", "inf", "-infinity", "1e999", "48,5,3", "4 8", "1,2.3"]
)
def test_numerical_rejects_non_numbers(raw: str) -> None:
    with pytest.raises(ResponseError, match="nombre"):
        response_clean(numerical_question(48.0), {"value": raw})


def test_numerical_tolerance_survives_floating_point() -> None:
    # 0.4 - 0.3 == 0.10000000000000003: the interval's edge must still count.
    assert graded(numerical_question(0.3, 0.1), {"value": "0,4"}).state == "correct"
    assert graded(numerical_question(0.3, 0.1), {"value": "0,41"}).state == "wrong"


def test_multiple_negative_marks_never_go_below_zero() -> None:
    question = choice_question("multiple", 0.5, 0.5, -0.5)
    result = graded(question, {"choices": ["c3"]})
    assert (result.score, result.state, result.feedback) == (0.0, "wrong", ["Retour 3"])
    assert graded(question, {"choices": ["c1", "c3"]}).fraction == 0.0
    assert graded(question, {"choices": ["c1", "c2", "c3"]}).fraction == 0.5


def test_multiple_partial_credit() -> None:
    result = graded(choice_question("multiple", 0.5, 0.5, 0.0, max_score=2.0), {"choices": "c2"})
    assert (result.score, result.fraction, result.state) == (1.0, 0.5, "partial")


def test_multiple_zero_percent_wrong_choice_still_costs() -> None:
    question = choice_question("multiple", 0.5, 0.5, 0.0, 0.0)
    result = graded(question, {"choices": ["c1", "c2", "c3"]})
    assert (result.fraction, result.state) == (0.75, "partial")


def test_multiple_thirds_sum_to_full_marks() -> None:
    question = choice_question("multiple", 0.3333333, 0.3333333, 0.3333334, -1.0)
    assert graded(question, {"choices": ["c3", "c1", "c2"]}).state == "correct"
    assert graded(question, {"choices": ["c1", "c2"]}).fraction == 0.6666666


def test_single_and_truefalse() -> None:
    single = choice_question("single", 0.0, 1.0, -0.5)
    assert graded(single, {"choice": "c2"}).state == "correct"
    assert graded(single, {"choice": "c3"}).score == 0.0
    truefalse = {
        "type": "truefalse",
        "choices": [
            {"id": "true", "text": "Vrai", "fraction": 0.0, "feedback": ""},
            {"id": "false", "text": "Faux", "fraction": 1.0, "feedback": "Bien."},
        ],
    }
    result = graded(truefalse, {"choice": "false"})
    assert (result.max_score, result.state, result.feedback) == (1.0, "correct", ["Bien."])


def test_matching_partial_and_interchangeable_answers() -> None:
    pairs = [
        {"id": "p1", "prompt": "Article 1", "answer": "Constitution"},
        {"id": "p2", "prompt": "Article 2", "answer": "Constitution"},
        {"id": "p3", "prompt": "Article 3", "answer": "Code pénal"},
        {"id": "p4", "prompt": "Article 4", "answer": "Code civil"},
    ]
    question = {"type": "matching", "pairs": pairs}
    swapped = graded(question, {"matches": {"p1": "p2", "p2": "p1", "p3": "p4", "p4": "p3"}})
    assert swapped.fraction == 0.5
    assert graded(question, {"matches": {"p3": "p3", "p4": ""}}).fraction == 0.25
    assert response_clean(question, {"matches": {"p1": "", "p2": None}}) is None


def test_ordering_counts_items_in_place() -> None:
    question = {"type": "ordering", "items": [{"id": i, "text": i} for i in ("a", "b", "c")]}
    result = graded(question, {"order": ["a", "c", "b"]})
    assert (result.fraction, result.state) == (0.3333333, "partial")
    with pytest.raises(ResponseError):
        response_clean(question, {"order": ["a", "b"]})
    with pytest.raises(ResponseError):
        response_clean(question, {"order": ["a", "a", "b"]})


def test_response_clean_rejects_unknown_choice_in_french() -> None:
    with pytest.raises(ResponseError) as excinfo:
        response_clean(choice_question("single", 1.0, 0.0), {"choice": "c9"})
    assert "choix" in str(excinfo.value).lower() or "réponse" in str(excinfo.value).lower()


@pytest.mark.parametrize(
    "raw",
    [
        {"choices": ["c1", "c1"]},
        {"choices": ["c1", 2]},
        {"choices": {"c1": True}},
        {"choices": ["c9"]},
        "c1",
        ["c1"],
    ],
)
def test_response_clean_rejects_malformed_multiple(raw: object) -> None:
    with pytest.raises(ResponseError):
        response_clean(choice_question("multiple", 0.5, 0.5), raw)


@pytest.mark.parametrize("text", ["x" * 501, "abc\x00", "\ud800"])
def test_response_clean_rejects_unstorable_text(text: str) -> None:
    with pytest.raises(ResponseError):
        response_clean(short_question(("a", 1.0, "")), {"text": text})


def test_unknown_type() -> None:
    with pytest.raises(ResponseError, match="inconnu"):
        response_clean({"type": "cloze"}, {"text": "…"})
    with pytest.raises(ValueError, match="unknown question type"):
        grade({"type": "cloze"}, None)
    with pytest.raises(ValueError, match="unknown question type"):
        correct_response({"type": "cloze"})


def essay_question(max_score: float = 4.0, template: str = "") -> dict:
    return {
        "type": "essay",
        "max_score": max_score,
        "text": "<p>Décrivez</p>",
        "general_feedback": "",
        "response_template": template,
        "grader_info": "Barème secret",
    }


def test_an_answered_essay_waits_for_a_person_and_an_unanswered_one_scores_zero() -> None:
    waiting = grade(essay_question(), {"text": "  Une réponse  "})
    assert (waiting.score, waiting.state) == (0.0, "needs_grading")
    assert grade(essay_question(), None).state == "unanswered"
    assert response_clean(essay_question(), {"text": "  Une réponse  "}) == {"text": "Une réponse"}
    assert correct_response(essay_question()) is None


def test_an_essay_left_as_its_template_is_no_answer() -> None:
    question = essay_question(template="Faits :\nDroits :")
    assert response_clean(question, {"text": " Faits :  \n Droits : "}) is None
    assert response_clean(question, {"text": "Faits : vol\nDroits :"}) is not None


@pytest.mark.parametrize("text", ["x" * 10_001, "abc\x00", "\ud800", 5, ["a"]])
def test_essay_rejects_what_cannot_be_stored(text: object) -> None:
    with pytest.raises(ResponseError):
        response_clean(essay_question(), {"text": text})


def test_a_description_is_never_answered_nor_counted() -> None:
    description = {"type": "description", "max_score": 0.0, "text": "<p>Info</p>"}
    assert response_clean(description, {"text": "x"}) is None
    result = grade(description, {"choice": "c0"})
    assert (result.score, result.max_score, result.state) == (0.0, 0.0, "info")


@given(
    max_score=st.floats(min_value=0.01, max_value=9999.99, allow_nan=False),
    ratio=st.floats(min_value=0, max_value=1, allow_nan=False),
)
@example(max_score=1.1423123854463029, ratio=1.0)  # rounding overshot the max once
def test_manual_grade_stays_in_bounds(max_score: float, ratio: float) -> None:
    result = manual_grade(essay_question(max_score), ratio * max_score)
    assert 0 <= result.score <= max_score
    assert 0 <= result.fraction <= 1
    assert (result.state == "correct") == (result.score >= max_score)


@pytest.mark.parametrize("score", [-0.5, 4.01, float("nan"), float("inf"), "3", True, None])
def test_manual_grade_refuses_a_score_out_of_range_in_french(score: object) -> None:
    with pytest.raises(ResponseError, match=r"note|nombre"):
        manual_grade(essay_question(4.0), score)


def test_grade_rejects_a_response_that_does_not_fit_the_snapshot() -> None:
    with pytest.raises(ResponseError):
        grade(choice_question("single", 1.0, 0.0), {"choice": "c9"})


def test_score_never_exceeds_an_odd_max_score() -> None:
    result = graded(choice_question("single", 1.0, 0.0, max_score=0.123456789), {"choice": "c1"})
    assert (result.score, result.state) == (0.123456789, "correct")


def test_rounding_never_turns_a_partial_answer_into_full_marks() -> None:
    # Found by hypothesis: 0.9999999 * 0.5 = 0.49999995, which rounds to 0.5 at 7 decimals.
    question = choice_question("multiple", 0.9999999, 0.0000001, max_score=0.5)
    result = graded(question, {"choices": ["c1"]})
    assert (result.score, result.fraction, result.state) == (0.4999999, 0.9999999, "partial")
