"""Quiz and question statistics, Moodle's definitions, as pure functions of finished attempts.

- Facility index: the mean score on a question as a % of its maximum (how easy it is).
- Discrimination index: Pearson's correlation times 100, between the score on the question and
  the score on the rest of the quiz (total minus that question): positive when those who do
  well overall do well on it. Undefined (None) with fewer than 2 attempts or no variance.
- Choice frequency: how many attempts picked each choice (single, multiple, true/false)."""

import math
import statistics
from collections import Counter, defaultdict
from dataclasses import dataclass, field

from django.db.models import Prefetch

from .types import question_type

BINS = 10  # score distribution in tenths: 0-9 %, 10-19 %, ..., 90-100 %


@dataclass
class QuestionStats:
    question_id: int | None
    name: str
    question_type: str
    attempts: int = 0
    facility: float | None = None
    discrimination: float | None = None
    choices: list[tuple[str, int, bool]] = field(default_factory=list)  # text, picks, right


@dataclass
class QuizStats:
    attempts: int
    mean: float | None
    median: float | None
    pass_rate: float | None
    distribution: list[int]
    questions: list[QuestionStats]
    # Attempts « synchronisées hors ligne »: graded with answers accepted after the deadline.
    offline_synced: int = 0


def pearson(xs: list[float], ys: list[float]) -> float | None:
    if len(xs) < 2:
        return None
    mean_x, mean_y = statistics.fmean(xs), statistics.fmean(ys)
    sxx = sum((x - mean_x) ** 2 for x in xs)
    syy = sum((y - mean_y) ** 2 for y in ys)
    if sxx == 0 or syy == 0:
        return None
    sxy = sum((x - mean_x) * (y - mean_y) for x, y in zip(xs, ys, strict=True))
    return sxy / math.sqrt(sxx * syy)


def distribution(percents: list[float]) -> list[int]:
    bins = [0] * BINS
    for percent in percents:
        bins[min(BINS - 1, int(percent // (100 / BINS)))] += 1
    return bins


def quiz_stats_compute(*, attempts: list[dict], pass_percent: float) -> QuizStats:
    """`attempts`: [{"percent": float, "offline": bool (optional), "items": [{"question_id",
    "name", "type", "score", "max_score", "snapshot", "response"}]}] for finished attempts."""
    percents = [a["percent"] for a in attempts]
    per_question: dict = defaultdict(list)
    totals: list[float] = []
    for index, attempt in enumerate(attempts):
        total = sum(item["score"] for item in attempt["items"])
        totals.append(total)
        for item in attempt["items"]:
            key = item["question_id"] or item["name"]
            per_question[key].append((index, item))
    questions = []
    for rows in per_question.values():
        first = rows[0][1]
        stats = QuestionStats(
            question_id=first["question_id"],
            name=first["name"],
            question_type=first["type"],
            attempts=len(rows),
        )
        scores = [item["score"] for _i, item in rows]
        max_score = first["max_score"] or 1
        stats.facility = 100 * statistics.fmean(scores) / max_score
        rest = [totals[i] - item["score"] for i, item in rows]
        correlation = pearson(scores, rest)
        stats.discrimination = None if correlation is None else 100 * correlation
        stats.choices = _choice_counts(first, [item for _i, item in rows])
        questions.append(stats)
    return QuizStats(
        attempts=len(attempts),
        mean=statistics.fmean(percents) if percents else None,
        median=statistics.median(percents) if percents else None,
        pass_rate=100 * sum(p >= pass_percent for p in percents) / len(percents)
        if percents
        else None,
        distribution=distribution(percents),
        questions=questions,
        offline_synced=sum(1 for a in attempts if a.get("offline")),
    )


def _choice_counts(first: dict, items: list[dict]) -> list[tuple[str, int, bool]]:
    snapshot = first["snapshot"]
    if not question_type(snapshot["type"]).picks_choices:
        return []
    picks: Counter = Counter()
    for item in items:
        response = item["response"] or {}
        for choice_id in response.get("choices", []) or [response.get("choice")]:
            if choice_id:
                picks[choice_id] += 1
    return [(c["text"], picks[c["id"]], c["fraction"] > 0) for c in snapshot["choices"]]


def quiz_stats(quiz) -> QuizStats:
    """Statistics of a quiz's finished attempts, in two queries."""
    from .models import Attempt, AttemptItem

    attempts = Attempt.objects.filter(quiz=quiz, state=Attempt.State.FINISHED).prefetch_related(
        Prefetch("items", queryset=AttemptItem.objects.order_by("position"))
    )
    data = [
        {
            "percent": float(attempt.percent or 0),
            "offline": attempt.offline_delay is not None,
            "items": [
                {
                    "question_id": item.snapshot.get("question_id"),
                    "name": item.snapshot.get("name", ""),
                    "type": item.snapshot["type"],
                    "score": float(item.score or 0),
                    "max_score": float(item.snapshot["max_score"]),
                    "snapshot": item.snapshot,
                    "response": item.response,
                }
                for item in attempt.items.all()
                # A description is information: no score, no statistic.
                if not question_type(item.snapshot["type"]).information
            ],
        }
        for attempt in attempts
    ]
    return quiz_stats_compute(attempts=data, pass_percent=float(quiz.pass_percent))
