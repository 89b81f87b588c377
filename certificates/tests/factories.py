from accounts.tests.factories import LearnerFactory
from courses import services as course_services
from courses.tests.factories import course_build, lessons_of


def completed_enrollment(*, learner=None, course=None, title="Formation certifiante"):
    """A learner who has completed a one-lesson course (certificate task run eagerly or not,
    depending on the test's settings)."""
    learner = learner or LearnerFactory(full_name="Awa Touré", rank="Adjudant")
    course = course or course_build(title=title, modules=1, lessons=1, rule="all_lessons")
    course_services.enrollment_create(learner=learner, course=course)
    enrollment = course_services.lesson_complete(learner=learner, lesson=lessons_of(course)[0])
    return enrollment
