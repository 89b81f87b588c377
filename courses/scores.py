"""The course score's extension point: the one figure a certificate states about a learner.

`courses` knows no grades. The app that grades (quizzes) registers a provider in its
AppConfig.ready(); a provider returns the learner's score in a course, or None when it has
none. Certificates read the score here, never from the quizzes app.

A score carries its basis, so that whoever shows the figure says what it is: the grade of
the final evaluation the learner saw, or a mean of quiz grades."""

from collections.abc import Callable
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from django.db import models
from django.utils.translation import gettext_lazy as _


class ScoreBasis(models.TextChoices):
    FINAL_EVALUATION = "final_evaluation", _("Note à l’évaluation finale")
    QUIZ_MEAN = "quiz_mean", _("Moyenne des quiz")


@dataclass(frozen=True)
class CourseScore:
    percent: Decimal
    basis: str  # a ScoreBasis value
    title: str = ""  # the final evaluation's title, when the basis is FINAL_EVALUATION
    url: str = ""  # where the learner reviews it

    @property
    def label(self) -> str:
        return ScoreBasis(self.basis).label


def percent_as_shown(value) -> Decimal:
    """A percentage rounded to a whole number the way the pages show it (the template filter
    floatformat:0 rounds half up), so that a stored score reads as the learner saw it."""
    return Decimal(value).quantize(Decimal(1), rounding=ROUND_HALF_UP)


ScoreProvider = Callable[..., CourseScore | None]
_providers: dict[str, ScoreProvider] = {}


def score_provider_register(name: str, provider: ScoreProvider) -> None:
    """`provider(learner=..., course=...)` returns a CourseScore or None."""
    _providers[name] = provider


def score_provider_unregister(name: str) -> None:
    _providers.pop(name, None)


def course_score(*, learner, course) -> CourseScore | None:
    """The first score a registered provider gives, None when none has one."""
    for provider in _providers.values():
        score = provider(learner=learner, course=course)
        if score is not None:
            return score
    return None
