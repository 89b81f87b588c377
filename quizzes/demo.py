"""Demo quizzes of `load_demo` (questions in quizzes/demo_content.py), idempotent: a quiz
already present under a module or course is left as it is, except that a review policy
still at the demo's first, unsafe one is brought to the safe one, and questions added to
the demo content join the bank."""

from django.db import transaction

from courses.models import CoursePage, ModulePage

from .bank import question_create
from .demo_content import QUIZZES
from .models import Question, QuestionCategory, QuizPage, QuizSlot

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
# The final evaluation draws this many questions from a larger category (demo_content.py).
FINAL_DRAW = 8


def _question(data: dict, category: QuestionCategory) -> Question:
    question = Question.objects.filter(name=data["name"]).first()
    return question or question_create(data=data, category=category, publish=True)


def _review_policy_upgrade(quiz: QuizPage) -> None:
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


def _quiz(parent, *, title: str, slots: list[QuizSlot], **settings) -> QuizPage:
    existing = QuizPage.objects.child_of(parent).first()
    if existing is not None:
        _review_policy_upgrade(existing)
        return existing
    quiz = QuizPage(title=title, **REVIEW_POLICY, **settings)
    quiz.slots = slots
    parent.add_child(instance=quiz)
    quiz.save_revision().publish()
    return quiz


@transaction.atomic
def demo_quizzes_load(*, courses: list[CoursePage]) -> list[QuizPage]:
    quizzes = []
    for course in courses:
        data = QUIZZES.get(course.slug)
        if data is None:
            continue
        root, _created = QuestionCategory.objects.get_or_create(name=course.title, parent=None)
        modules = list(ModulePage.objects.child_of(course).live().order_by("path"))
        for module, questions in zip(modules, data["modules"], strict=False):
            category, _created = QuestionCategory.objects.get_or_create(
                name=module.title[:150], parent=root
            )
            slots = [
                QuizSlot(question=_question(q, category), sort_order=i)
                for i, q in enumerate(questions)
            ]
            quizzes.append(
                _quiz(
                    module,
                    title=f"Quiz : {module.title}",
                    slots=slots,
                    pass_percent=60,
                    attempts_allowed=0,
                    delay_minutes=0,
                )
            )
        final, _created = QuestionCategory.objects.get_or_create(
            name="Évaluation finale", parent=root
        )
        for q in data["final"]:
            _question(q, final)
        # The final quiz draws its questions at random from the course's final category,
        # which holds more than it draws, so that two attempts do not ask the same questions.
        quizzes.append(
            _quiz(
                course,
                title="Évaluation finale",
                pass_percent=70,
                attempts_allowed=3,
                delay_minutes=10,
                time_limit_minutes=30,
                slots=[
                    QuizSlot(
                        category=final,
                        random_count=FINAL_DRAW,
                        include_subcategories=False,
                        sort_order=0,
                    )
                ],
            )
        )
    return quizzes


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
