from decimal import Decimal

from courses import scores


def test_the_first_provider_with_a_score_answers(monkeypatch):
    monkeypatch.setattr(scores, "_providers", {})
    calls = []

    def none(*, learner, course):
        calls.append("none")
        return None

    def some(*, learner, course):
        calls.append("some")
        return scores.CourseScore(percent=Decimal(85), basis=scores.ScoreBasis.FINAL_EVALUATION)

    assert scores.course_score(learner=None, course=None) is None
    scores.score_provider_register("a", none)
    scores.score_provider_register("b", some)
    assert scores.course_score(learner=None, course=None).percent == 85
    assert calls == ["none", "some"]
    scores.score_provider_unregister("b")
    assert scores.course_score(learner=None, course=None) is None


def test_quizzes_registers_its_provider():
    from quizzes import selectors

    assert scores._providers["quizzes"] is selectors.course_score
