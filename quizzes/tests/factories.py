"""Question bank and quizzes for tests."""

from decimal import Decimal

from quizzes.models import (
    Question,
    QuestionCategory,
    QuestionChoice,
    QuestionPair,
    QuizPage,
    QuizSlot,
)


def category_make(name="Garde à vue", parent=None) -> QuestionCategory:
    return QuestionCategory.objects.get_or_create(name=name, parent=parent)[0]


def question_make(kind="single", *, category=None, name=None, max_score="1") -> Question:
    """A valid question of each type; the right answer is always the first choice or the
    given order."""
    category = category or category_make()
    question = Question(
        category=category,
        name=name or f"Question {kind}",
        question_type=kind,
        text=f"<p>Énoncé {kind}</p>",
        max_score=Decimal(max_score),
        general_feedback="Commentaire général",
    )
    choices, pairs = [], []
    if kind == "single":
        choices = [("48 heures", 100, "Exact"), ("10 jours", 0, "Trop long"), ("2 heures", 0, "")]
    elif kind == "truefalse":
        choices = [("Vrai", 100, "Oui"), ("Faux", 0, "Non")]
    elif kind == "multiple":
        choices = [("Avocat", 50, ""), ("Médecin", 50, ""), ("Journaliste", -50, "Non")]
    elif kind == "short":
        choices = [("garde à vue", 100, "Exact"), ("garde*", 50, "Presque")]
    elif kind == "numerical":
        choices = [("48", 100, "Exact")]
    elif kind == "matching":
        pairs = [
            ("Torture", "Convention de 1984"),
            ("Défenseurs", "Déclaration de 1998"),
            ("Droits civils", "Pacte de 1966"),
        ]
    elif kind == "ordering":
        pairs = [("Interpellation", ""), ("Notification des droits", ""), ("Audition", "")]
    if kind == "essay":
        question.grader_info = "Barème : un point par droit cité, CONSIGNE-SECRETE."
    question.choices = [
        QuestionChoice(text=t, fraction_percent=Decimal(f), feedback=fb, sort_order=i)
        for i, (t, f, fb) in enumerate(choices)
    ]
    question.pairs = [
        QuestionPair(prompt=p, answer=a, sort_order=i) for i, (p, a) in enumerate(pairs)
    ]
    question.save()
    return question


def quiz_make(parent, *, questions=(), title="Quiz du module", **settings) -> QuizPage:
    quiz = QuizPage(title=title, **{"shuffle_questions": False, **settings})
    quiz.slots = [QuizSlot(question=q, sort_order=i) for i, q in enumerate(questions)]
    parent.add_child(instance=quiz)
    return quiz
