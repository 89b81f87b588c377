"""Reads about quizzes, and the quiz side of the course completion rule."""

import math
from datetime import timedelta

from django.db.models import Exists, OuterRef
from django.utils import timezone

from .models import Question, QuizGrade, QuizPage
from .richtext import field_clean


def passed_quiz_ids(*, learner, course_ids: list[int]) -> set[int]:
    return set(
        QuizGrade.objects.filter(
            learner=learner, course_id__in=course_ids, passed=True
        ).values_list("quiz_id", flat=True)
    )


def passed_quiz_subquery(*, learner):
    """True on a page (OuterRef "pk") that is a quiz the learner has passed."""
    return Exists(QuizGrade.objects.filter(learner=learner, quiz_id=OuterRef("pk"), passed=True))


def required_quizzes_progress(*, enrollment, outline) -> tuple[int, int]:
    """(required quizzes passed, required quizzes) among the course's published quizzes."""
    quiz_ids = [item.id for item in outline.items if item.kind == "quizpage"]
    if not quiz_ids:
        return 0, 0
    required = set(
        QuizPage.objects.filter(pk__in=quiz_ids, required=True).values_list("pk", flat=True)
    )
    passed = passed_quiz_ids(learner=enrollment.learner, course_ids=[enrollment.course_id])
    return len(required & passed), len(required)


# --- Presenting attempts ------------------------------------------------------------------
# What a page may show is built here from the snapshot, field by field: fractions, feedback and
# right answers are copied only into review data, and only for the parts the policy allows.

REVIEW_IMMEDIATE = timedelta(minutes=2)


def review_moment(*, attempt, now=None) -> str | None:
    """Moodle's three moments: "after" (within 2 minutes of finishing), "open" (later, quiz
    still open) and "closed" (after the quiz closes). None while the attempt is in progress."""
    from .models import Attempt

    if attempt.state == Attempt.State.IN_PROGRESS or attempt.finished_at is None:
        return None
    now = now or timezone.now()
    quiz = attempt.quiz
    if quiz.close_at and now >= quiz.close_at:
        return "closed"
    if now - attempt.finished_at <= REVIEW_IMMEDIATE:
        return "after"
    return "open"


def review_parts(*, attempt, now=None) -> set[str]:
    moment = review_moment(attempt=attempt, now=now)
    return attempt.quiz.review_parts(moment=moment) if moment else set()


def item_view(item) -> dict:
    """The question as the learner answers it: text and options, in display order, with the
    saved response pre-filled. No fraction, feedback or right answer is in here."""
    snapshot, response = item.snapshot, item.response or {}
    back = {real: token for token, real in item.display_order}
    kind = snapshot["type"]
    view = {
        "id": item.pk,
        "type": kind,
        # Cleaned again as shown: snapshots frozen before imports were cleaned keep their
        # text as it was, and a page must never carry it raw.
        "text": field_clean(Question, "text", snapshot["text"]),
        "position": item.position + 1,
        "max_score": snapshot["max_score"],
        "points_label": f"{snapshot['max_score']:g}".replace(".", ","),
        "points_count": math.ceil(snapshot["max_score"]),
        "field": f"q{item.pk}",
    }
    if kind in ("single", "multiple", "truefalse"):
        texts = {c["id"]: c["text"] for c in snapshot["choices"]}
        chosen = set(response.get("choices", [])) | {response.get("choice")}
        view["options"] = [
            {"value": token, "text": texts[real], "checked": real in chosen}
            for token, real in item.display_order
        ]
    elif kind in ("short", "numerical"):
        value = response.get("text", response.get("value", ""))
        view["value"] = (
            str(value).replace(".", ",") if kind == "numerical" and value != "" else value
        )
    elif kind == "matching":
        answers = {p["id"]: p["answer"] for p in snapshot["pairs"]}
        matches = response.get("matches", {})
        view["options"] = [
            {"value": token, "text": answers[real]} for token, real in item.display_order
        ]
        view["prompts"] = [
            {
                "key": p["id"],
                "field": f"q{item.pk}-{p['id']}",
                "text": p["prompt"],
                "selected": back.get(matches.get(p["id"]), ""),
            }
            for p in snapshot["pairs"]
        ]
    elif kind == "ordering":
        texts = {i["id"]: i["text"] for i in snapshot["items"]}
        order = response.get("order", [])
        view["count"] = len(item.display_order)
        view["positions"] = list(range(1, len(item.display_order) + 1))
        view["entries"] = [
            {
                "field": f"q{item.pk}-{token}",
                "text": texts[real],
                "position": order.index(real) + 1 if real in order else "",
            }
            for token, real in item.display_order
        ]
    return view


def item_review(item, parts: set[str]) -> dict:
    """What the review may show of one item, by the policy's parts."""
    from . import grading

    view = item_view(item)
    view["answered"] = item.response is not None
    view["your_answer"] = answer_text(item.snapshot, item.response)
    if "score" in parts:
        view["score"] = item.score
    if "correctness" in parts:
        view["state"] = item.state
    if "answer" in parts:
        view["right_answer"] = answer_text(item.snapshot, grading.correct_response(item.snapshot))
    if "feedback" in parts:
        result = grading.grade(item.snapshot, item.response)
        view["feedback"] = result.feedback
        view["general_feedback"] = item.snapshot.get("general_feedback", "")
    return view


def answer_text(snapshot: dict, response: dict | None) -> str:
    """A response as readable text, for the review."""
    if not response:
        return ""
    kind = snapshot["type"]
    if kind in ("single", "truefalse"):
        return next(c["text"] for c in snapshot["choices"] if c["id"] == response["choice"])
    if kind == "multiple":
        return " ; ".join(c["text"] for c in snapshot["choices"] if c["id"] in response["choices"])
    if kind == "short":
        return response["text"]
    if kind == "numerical":
        return f"{response['value']:g}".replace(".", ",")
    if kind == "matching":
        answers = {p["id"]: p["answer"] for p in snapshot["pairs"]}
        return " ; ".join(
            f"{p['prompt']} → {answers[response['matches'][p['id']]]}"
            for p in snapshot["pairs"]
            if p["id"] in response["matches"]
        )
    texts = {i["id"]: i["text"] for i in snapshot["items"]}
    return " → ".join(texts[i] for i in response["order"])
