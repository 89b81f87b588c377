from accounts.tests.factories import LearnerFactory
from courses import services as course_services
from courses.tests.factories import course_build, lessons_of


def _enrolled(*, learner=None, course=None, title="Formation certifiante"):
    """A learner enrolled in a one-lesson course: (learner, course)."""
    learner = learner or LearnerFactory(full_name="Awa Touré", rank="Adjudant")
    course = course or course_build(title=title, modules=1, lessons=1, rule="all_lessons")
    course_services.enrollment_create(learner=learner, course=course)
    return learner, course


def completed_enrollment(*, learner=None, course=None, title="Formation certifiante"):
    """A learner who has completed a one-lesson course (certificate task run eagerly or not,
    depending on the test's settings)."""
    learner, course = _enrolled(learner=learner, course=course, title=title)
    return course_services.lesson_complete(learner=learner, lesson=lessons_of(course)[0])


def completed_with_grades(*, final=None, module_grades=(), learner=None):
    """A completed enrollment whose learner has these quiz grades: one optional quiz per
    grade in the course's module, and `final` at a quiz placed in the course itself, its
    final evaluation (None: the course has no final evaluation). The grades come first, then
    the completion, as on the platform: a certificate that the completion's task issues (a
    real worker, or Celery eager) states the same score as one issued afterwards."""
    from decimal import Decimal

    from courses.models import ModulePage
    from quizzes.models import QuizGrade
    from quizzes.tests.factories import question_make, quiz_make

    learner, course = _enrolled(learner=learner)
    module = ModulePage.objects.child_of(course).first()
    quizzes = [(module, f"Quiz {n}", percent) for n, percent in enumerate(module_grades, start=1)]
    if final is not None:
        quizzes.append((course, "Évaluation finale", final))
    for parent, title, percent in quizzes:
        quiz = quiz_make(
            parent, questions=[question_make("single", name=title)], title=title, required=False
        )
        QuizGrade.objects.create(
            learner=learner, quiz=quiz, course=course, percent=Decimal(str(percent)), passed=True
        )
    return course_services.lesson_complete(learner=learner, lesson=lessons_of(course)[0])
