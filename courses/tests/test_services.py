import pytest

from accounts.tests.factories import LearnerFactory
from courses import completion, services
from courses.models import Enrollment, LessonCompletion
from courses.signals import course_completed
from courses.tests.factories import course_build, lessons_of

pytestmark = pytest.mark.django_db


def test_enrollment_is_idempotent_and_keeps_the_earliest_due_date():
    import datetime

    learner = LearnerFactory()
    course = course_build()
    first = services.enrollment_create(
        learner=learner, course=course, due_date=datetime.date(2027, 3, 1)
    )
    again = services.enrollment_create(
        learner=learner, course=course, due_date=datetime.date(2027, 6, 1)
    )
    assert first.pk == again.pk
    assert Enrollment.objects.count() == 1
    again.refresh_from_db()
    assert again.due_date == datetime.date(2027, 3, 1)


def test_self_enrolment_refused_when_course_is_assigned_only_or_prerequisite_missing():
    learner = LearnerFactory()
    closed = course_build(title="Fermée", self_enrollment=False)
    with pytest.raises(services.CourseError, match="attribuée"):
        services.enrollment_self_enroll(learner=learner, course=closed)
    basic = course_build(title="Base")
    advanced = course_build(title="Avancée")
    advanced.prerequisites.add(basic)
    advanced.save()
    with pytest.raises(services.CourseError, match="Base"):
        services.enrollment_self_enroll(learner=learner, course=advanced)
    assert not Enrollment.objects.filter(course=advanced).exists()


def test_lesson_completion_is_idempotent_and_updates_progress():
    learner = LearnerFactory()
    course = course_build(modules=2, lessons=2)
    services.enrollment_create(learner=learner, course=course)
    first = lessons_of(course)[0]
    enrollment = services.lesson_complete(learner=learner, lesson=first)
    assert enrollment.progress_percent == 25
    assert enrollment.status == Enrollment.Status.IN_PROGRESS
    assert enrollment.started_at is not None
    enrollment = services.lesson_complete(learner=learner, lesson=first)
    assert enrollment.progress_percent == 25
    assert LessonCompletion.objects.count() == 1


def test_sequential_course_locks_the_next_module_on_the_server():
    learner = LearnerFactory()
    course = course_build(modules=2, lessons=2, sequential=True)
    services.enrollment_create(learner=learner, course=course)
    lessons = lessons_of(course)
    with pytest.raises(services.CourseError, match="verrouillée"):
        services.lesson_complete(learner=learner, lesson=lessons[2])
    assert LessonCompletion.objects.count() == 0
    services.lesson_complete(learner=learner, lesson=lessons[0])
    services.lesson_complete(learner=learner, lesson=lessons[1])
    services.lesson_complete(learner=learner, lesson=lessons[2])
    assert LessonCompletion.objects.count() == 3


def test_free_order_course_has_no_lock():
    learner = LearnerFactory()
    course = course_build(modules=2, lessons=1, sequential=False)
    services.enrollment_create(learner=learner, course=course)
    services.lesson_complete(learner=learner, lesson=lessons_of(course)[1])
    assert LessonCompletion.objects.count() == 1


def test_completion_requires_enrolment():
    learner = LearnerFactory()
    course = course_build()
    with pytest.raises(services.CourseError, match="Inscrivez-vous"):
        services.lesson_complete(learner=learner, lesson=lessons_of(course)[0])


def test_last_lesson_completes_the_course_and_signals_once(django_capture_on_commit_callbacks):
    learner = LearnerFactory()
    course = course_build(modules=1, lessons=2)
    services.enrollment_create(learner=learner, course=course)
    received = []

    def listener(sender, enrollment, **kwargs):
        received.append(enrollment.pk)

    course_completed.connect(listener)
    try:
        with django_capture_on_commit_callbacks(execute=True):
            for lesson in lessons_of(course):
                enrollment = services.lesson_complete(learner=learner, lesson=lesson)
            services.lesson_complete(learner=learner, lesson=lessons_of(course)[-1])
    finally:
        course_completed.disconnect(listener)
    assert enrollment.status == Enrollment.Status.COMPLETED
    assert enrollment.progress_percent == 100
    assert enrollment.completed_at is not None
    assert received == [enrollment.pk]


def test_registered_requirement_holds_completion_back():
    learner = LearnerFactory()
    course = course_build(modules=1, lessons=1, rule="all_requirements")
    services.enrollment_create(learner=learner, course=course)
    completion.requirement_register("test-quiz", lambda *, enrollment, outline: (0, 1))
    try:
        enrollment = services.lesson_complete(learner=learner, lesson=lessons_of(course)[0])
        assert enrollment.progress_percent == 50
        assert enrollment.status == Enrollment.Status.IN_PROGRESS
        completion.requirement_register("test-quiz", lambda *, enrollment, outline: (1, 1))
        enrollment = services.enrollment_progress_refresh(enrollment=enrollment)
        assert enrollment.status == Enrollment.Status.COMPLETED
    finally:
        completion.requirement_unregister("test-quiz")


def test_all_lessons_rule_ignores_requirements():
    learner = LearnerFactory()
    course = course_build(modules=1, lessons=1, rule="all_lessons")
    services.enrollment_create(learner=learner, course=course)
    completion.requirement_register("test-quiz", lambda *, enrollment, outline: (0, 1))
    try:
        enrollment = services.lesson_complete(learner=learner, lesson=lessons_of(course)[0])
    finally:
        completion.requirement_unregister("test-quiz")
    assert enrollment.status == Enrollment.Status.COMPLETED
