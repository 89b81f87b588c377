"""What the demo needs of the quizzes besides its packages (content/demo/, imported by
packages/demo.py): the safe review policy its quizzes carry, the upgrade of a demo database
loaded when that policy was unsafe, and a passed attempt for a demo learner's history."""

from .models import QuizPage

ALL_PARTS = ["score", "correctness", "answer", "feedback"]
# Every demo quiz counts for its course: while attempts remain, the learner sees the score
# only; right/wrong marks, right answers and feedback come after the last attempt or once
# the quiz is closed (quizzes.models.ANSWER_PARTS).
REVIEW_POLICY = {
    "review_after": ["score"],
    "review_open": ["score"],
    "review_final": ALL_PARTS,
    "review_closed": ALL_PARTS,
}
# The policy the demo used to set, which showed the answers after a blank first attempt.
UNSAFE_POLICY = {
    "review_after": ALL_PARTS,
    "review_open": ["score", "correctness", "feedback"],
    "review_closed": ALL_PARTS,
}


def demo_review_policy_upgrade(quiz: QuizPage) -> None:
    """A demo database loaded before the safe policy gets it; a policy an editor chose since
    is kept."""
    if any(getattr(quiz, field) != value for field, value in UNSAFE_POLICY.items()):
        return
    draft = quiz.get_latest_revision_as_object() if quiz.has_unpublished_changes else None
    for field, value in REVIEW_POLICY.items():
        setattr(quiz, field, value)
    quiz.save_revision().publish()
    if draft is not None:
        # An editor's unpublished draft stays a draft, with the safe policy too.
        for field, value in REVIEW_POLICY.items():
            setattr(draft, field, value)
        draft.save_revision()


def demo_attempt_pass(*, learner, quiz: QuizPage):
    """A finished attempt with every answer right, for a demo learner's history."""
    from . import grading, services
    from .models import Attempt

    if Attempt.objects.filter(learner=learner, quiz=quiz, passed=True).exists():
        return
    attempt = services.attempt_start(learner=learner, quiz=quiz)
    for item in attempt.items.all():
        item.response = grading.correct_response(item.snapshot)
        item.save(update_fields=["response"])
    services.attempt_submit(attempt=attempt)
