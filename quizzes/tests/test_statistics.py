import pytest

from quizzes.statistics import distribution, pearson, quiz_stats_compute

SNAP = {
    "type": "single",
    "max_score": 1.0,
    "choices": [
        {"id": "c0", "text": "48 heures", "fraction": 1.0, "feedback": ""},
        {"id": "c1", "text": "10 jours", "fraction": 0.0, "feedback": ""},
    ],
}


def attempt(percent, q1, q2, choice):
    return {
        "percent": percent,
        "items": [
            {
                "question_id": 1,
                "name": "Q1",
                "type": "single",
                "score": q1,
                "max_score": 1.0,
                "snapshot": SNAP,
                "response": {"choice": choice},
            },
            {
                "question_id": 2,
                "name": "Q2",
                "type": "short",
                "score": q2,
                "max_score": 1.0,
                "snapshot": {"type": "short", "max_score": 1.0},
                "response": {"text": "x"},
            },
        ],
    }


def test_quiz_figures_facility_discrimination_and_choices():
    attempts = [
        attempt(100, 1, 1, "c0"),
        attempt(50, 1, 0, "c0"),
        attempt(0, 0, 0, "c1"),
        attempt(50, 0, 1, "c1"),
    ]
    stats = quiz_stats_compute(attempts=attempts, pass_percent=60)
    assert stats.attempts == 4
    assert stats.mean == 50 and stats.median == 50 and stats.pass_rate == 25
    assert stats.distribution == [1, 0, 0, 0, 0, 2, 0, 0, 0, 1]
    q1, q2 = stats.questions
    assert q1.facility == 50 and q2.facility == 50
    # Q1 against the rest (Q2): scores (1,1,0,0) vs (1,0,0,1): correlation 0.
    assert q1.discrimination == pytest.approx(0)
    assert q1.choices == [("48 heures", 2, True), ("10 jours", 2, False)]
    assert q2.choices == []


def test_discrimination_is_positive_when_the_strong_succeed():
    attempts = [attempt(100, 1, 1, "c0"), attempt(0, 0, 0, "c1"), attempt(100, 1, 1, "c0")]
    q1 = quiz_stats_compute(attempts=attempts, pass_percent=60).questions[0]
    assert q1.discrimination == pytest.approx(100)


def test_undefined_cases():
    assert pearson([1.0], [1.0]) is None
    assert pearson([1.0, 1.0], [0.0, 1.0]) is None
    empty = quiz_stats_compute(attempts=[], pass_percent=60)
    assert empty.mean is None and empty.pass_rate is None and empty.questions == []
    assert distribution([100, 99.9, 0, 9.99]) == [2, 0, 0, 0, 0, 0, 0, 0, 0, 2]
