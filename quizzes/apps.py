from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class QuizzesConfig(AppConfig):
    name = "quizzes"
    verbose_name = _("Quiz")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from django.db.models.signals import post_delete, post_save

        from courses.completion import completed_pages_register, requirement_register
        from courses.models import CoursePage, ModulePage
        from courses.scores import score_provider_register

        from . import drawing, jobs, selectors, snapshots
        from .models import Question, QuestionChoice, QuestionPair, QuizGrade

        # "Every required quiz of the course is passed" joins the course completion rule.
        requirement_register("quizzes", selectors.required_quizzes_progress)
        jobs.register()
        # The course's score, on the certificate and the completion page: the final
        # evaluation's grade, or the mean of the quizzes.
        score_provider_register("quizzes", selectors.course_score)
        completed_pages_register(
            "quizzes", subquery=selectors.passed_quiz_subquery, source=QuizGrade
        )
        # Quizzes go in a module or at the end of a course; courses does not know about them.
        for model in (ModulePage, CoursePage):
            if "quizzes.QuizPage" not in model.subpage_types:
                model.subpage_types = [*model.subpage_types, "quizzes.QuizPage"]
        # A question's cached snapshot (quizzes/snapshots.py) is keyed on its live revision;
        # a row written without a new revision (the shell, a script) forgets it.
        for sender, receiver in (
            (Question, snapshots.on_question_written),
            (QuestionChoice, snapshots.on_answer_written),
            (QuestionPair, snapshots.on_answer_written),
        ):
            post_save.connect(receiver, sender=sender, dispatch_uid=f"snapshot-{sender.__name__}")
            post_delete.connect(
                receiver, sender=sender, dispatch_uid=f"snapshot-del-{sender.__name__}"
            )
        # A start's plan (quizzes/drawing.py) is cached under the bank's version.
        for sender in drawing.BANK_SOURCES:
            post_save.connect(
                drawing.on_bank_written, sender=sender, dispatch_uid=f"bank-{sender.__name__}"
            )
            post_delete.connect(
                drawing.on_bank_written, sender=sender, dispatch_uid=f"bank-del-{sender.__name__}"
            )
