from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class QuizzesConfig(AppConfig):
    name = "quizzes"
    verbose_name = _("Quiz")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from courses.completion import completed_pages_register, requirement_register
        from courses.models import CoursePage, ModulePage
        from courses.scores import score_provider_register

        from . import jobs, selectors

        # "Every required quiz of the course is passed" joins the course completion rule.
        requirement_register("quizzes", selectors.required_quizzes_progress)
        jobs.register()
        # The course's score, on the certificate and the completion page: the final
        # evaluation's grade, or the mean of the quizzes.
        score_provider_register("quizzes", selectors.course_score)
        completed_pages_register("quizzes", subquery=selectors.passed_quiz_subquery)
        # Quizzes go in a module or at the end of a course; courses does not know about them.
        for model in (ModulePage, CoursePage):
            if "quizzes.QuizPage" not in model.subpage_types:
                model.subpage_types = [*model.subpage_types, "quizzes.QuizPage"]
