"""The access sweep: every URL pattern that names an object (an id, a serial, a code) is
visited by a second learner, an out-of-scope supervisor and an anonymous visitor. They get a
404 or the sign-in redirect, never the owner's data. A new URL with a parameter that is not
listed below makes `test_every_url_with_a_parameter_is_swept` fail."""

from dataclasses import dataclass
from datetime import date, timedelta

import pytest
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import URLPattern, URLResolver, get_resolver, reverse
from django.utils import timezone
from wagtail.documents.models import Document

from accounts.tests.factories import LearnerFactory, SupervisorFactory
from certificates.models import Certificate
from courses import services as course_services
from courses.models import Enrollment, LessonPage, LessonResource
from courses.tests.factories import course_build
from jobs.models import Job
from quizzes import services as quiz_services
from quizzes.models import Attempt
from quizzes.tests.factories import question_make, quiz_make
from tracking.jobs import scope_key
from tracking.models import Assignment
from tracking.tests.factories import tree_build
from workshops import services as workshop_services
from workshops.models import Attendance, TestResult
from workshops.tests.factories import participants_make, workshop_make

OWNER_NAME = "Awa Sweep-Traoré"
SERIAL = "CNDH-2026-990001"

# Patterns with a parameter that show nobody's personal data, and why.
PUBLIC = {
    "verify_code": "public verification by design: valid or revoked, holder, course, date",
    "password_reset_confirm": "Django's signed reset token; reveals nothing without it",
    "wagtaildocs_authenticate_with_password": "Wagtail's password form for documents",
    "wagtailcore_authenticate_with_password": "Wagtail's password form for pages",
    "export": "the format (csv or xlsx), not an object; scoped in tracking's tests",
    "lesson_complete": "acts on the signed-in learner's own record only (see below)",
    "enroll": "acts on the signed-in learner's own record only (see below)",
    "start": "acts on the signed-in learner's own record only (see below)",
    None: "media files in DEBUG only; wagtail_serve pages are editorial content",
    "wagtail_serve": "course pages: editorial content, not personal data",
}


@dataclass
class World:
    owner: object
    code: str
    in_scope_supervisor: object
    intruders: dict
    kwargs: dict


@pytest.fixture
def world(db, settings, tmp_path):
    settings.MEDIA_ROOT = str(tmp_path)
    tree = tree_build()
    course = course_build(title="Formation balayée", modules=1, lessons=1, sequential=False)
    # A lesson document: for the enrolled owner and staff, like the lesson itself.
    document = Document.objects.create(
        title="Formation balayée : guide",
        file=SimpleUploadedFile("guide.pdf", "%PDF Formation balayée".encode(), "application/pdf"),
    )
    LessonResource.objects.create(lesson=LessonPage.objects.get(), document=document)
    quiz = quiz_make(course, questions=[question_make()], title="Quiz balayé")
    owner = LearnerFactory(unit=tree.sevare, full_name=OWNER_NAME)
    course_services.enrollment_create(learner=owner, course=course)
    attempt = quiz_services.attempt_submit(
        attempt=quiz_services.attempt_start(learner=owner, quiz=quiz)
    )
    # A completed enrollment (set directly: the owner's lessons stay unread for
    # test_self_service_actions_never_touch_another_learners_records), so that the completion
    # page and the certificate's status have something to show the owner.
    Enrollment.objects.filter(learner=owner, course=course).update(
        status=Enrollment.Status.COMPLETED, completed_at=timezone.now(), progress_percent=100
    )
    certificate = Certificate.objects.create(
        learner=owner,
        course=course,
        serial=SERIAL,
        learner_name=OWNER_NAME,
        course_title=course.title,
    )
    assignment = Assignment.objects.create(
        course=course, unit=tree.mopti, due_date=date(2030, 1, 1)
    )
    supervisor = SupervisorFactory(supervised_units=[tree.mopti])
    # The supervisor's finished export, which lists the owner: only its author may see it.
    job = Job.objects.create(
        owner=supervisor,
        kind="tracking.export",
        params={"format": "csv", "query": "", "scope": scope_key(supervisor)},
        status=Job.Status.DONE,
        message="1 ligne exportée.",
        result_name="kalan-suivi.csv",
        expires_at=timezone.now() + timedelta(hours=1),
    )
    job.result.save("kalan-suivi.csv", ContentFile(f"MOP;{OWNER_NAME}\n".encode()))
    # A workshop with the owner as participant: its trainer and the owner's supervisor see it.
    workshop = workshop_make(title="Formation balayée en atelier")
    (record,) = participants_make(workshop, [owner])
    session = workshop.sessions.first()
    workshop_services.attendance_save(session=session, marks={record.pk: "present"}, marked_by=None)
    return World(
        owner=owner,
        code=certificate.code,
        in_scope_supervisor=supervisor,
        intruders={
            "second learner": LearnerFactory(unit=tree.segou),
            "out-of-scope supervisor": SupervisorFactory(supervised_units=[tree.segou]),
            "anonymous": None,
        },
        kwargs={
            "attempt_page": {"attempt_id": attempt.pk, "page": 1},
            "attempt_summary": {"attempt_id": attempt.pk},
            "attempt_submit": {"attempt_id": attempt.pk},
            "attempt_review": {"attempt_id": attempt.pk},
            "download": {"serial": SERIAL},
            "openbadge": {"serial": SERIAL},
            # The owner's enrollment is completed below: both answer the owner only.
            "completed": {"course_id": course.pk},
            "status": {"course_id": course.pk},
            # Wagtail's pattern has positional groups only.
            "wagtaildocs_serve": [document.pk, "guide.pdf"],
            "learner": {"pk": owner.pk},
            "assignment_delete": {"pk": assignment.pk},
            "lesson_complete": None,
            "enroll": None,
            "start": None,
            "job": {"pk": job.pk},
            "job_download": {"pk": job.pk},
            "workshop": {"pk": workshop.pk},
            "workshop_attendance": {"pk": workshop.pk, "session_id": session.pk},
            "workshop_participants": {"pk": workshop.pk},
            "workshop_report": {"pk": workshop.pk},
            "workshop_paper_scores": {"pk": workshop.pk, "kind": "pre"},
        },
    )


# name → (namespace, method). The sweep visits each with every intruder.
SWEPT = {
    "attempt_page": ("quizzes", "get"),
    "attempt_summary": ("quizzes", "get"),
    "attempt_submit": ("quizzes", "post"),
    "attempt_review": ("quizzes", "get"),
    "download": ("certificates", "get"),
    "openbadge": ("certificates", "get"),
    "completed": ("courses", "get"),
    "status": ("certificates", "get"),
    "wagtaildocs_serve": (None, "get"),
    "learner": ("tracking", "get"),
    "assignment_delete": ("tracking", "post"),
    "job": ("jobs", "get"),
    "job_download": ("jobs", "get"),
    "workshop": ("workshops", "get"),
    "workshop_attendance": ("workshops", "post"),
    "workshop_participants": ("workshops", "post"),
    "workshop_report": ("workshops", "get"),
    "workshop_paper_scores": ("workshops", "post"),
}


def _url(world, name) -> str:
    namespace, _method = SWEPT[name]
    params = world.kwargs[name]
    if isinstance(params, list):
        return reverse(name if namespace is None else f"{namespace}:{name}", args=params)
    return reverse(name if namespace is None else f"{namespace}:{name}", kwargs=params)


def _patterns_with_parameters(patterns=None, prefix=""):
    for pattern in patterns if patterns is not None else get_resolver().url_patterns:
        if isinstance(pattern, URLResolver):
            route = str(pattern.pattern)
            if route.startswith(("admin/", "django-admin/")):
                continue  # Wagtail's and Django's admins check their own permissions
            yield from _patterns_with_parameters(pattern.url_patterns, prefix + route)
        elif isinstance(pattern, URLPattern):
            regex = pattern.pattern.regex
            if regex.groups or "<" in str(pattern.pattern):
                yield pattern.name


def test_every_url_with_a_parameter_is_swept():
    names = set(_patterns_with_parameters())
    unlisted = names - set(SWEPT) - set(PUBLIC)
    assert not unlisted, f"URL à couvrir par le balayage d’accès : {sorted(unlisted)}"


@pytest.mark.parametrize("name", sorted(SWEPT))
@pytest.mark.parametrize("who", ["second learner", "out-of-scope supervisor", "anonymous"])
def test_intruders_get_404_or_sign_in_never_the_data(client, world, name, who):
    _namespace, method = SWEPT[name]
    url = _url(world, name)
    intruder = world.intruders[who]
    if intruder is not None:
        client.force_login(intruder)
    response = getattr(client, method)(url)
    if intruder is None:
        assert response.status_code in (302, 404), response.status_code
        if response.status_code == 302:
            assert response["Location"].startswith(reverse("accounts:login"))
    else:
        assert response.status_code == 404, response.status_code
    body = b"".join(response.streaming_content) if response.streaming else response.content
    # The serial is in the URL the intruder typed (a 404 page may echo it); the data is not.
    assert OWNER_NAME.encode() not in body
    assert world.code.encode() not in body
    assert b"Formation balay" not in body
    # Nothing was changed on the owner's behalf.
    assert Assignment.objects.count() == 1
    assert list(Attendance.objects.values_list("status", flat=True)) == ["present"]
    assert not TestResult.objects.exists()
    assert not Attempt.objects.filter(learner=world.owner, state="in_progress").exists()


@pytest.mark.parametrize(
    "name",
    [
        "download",
        "openbadge",
        "learner",
        "job",
        "job_download",
        "workshop",
        "workshop_participants",
        "workshop_report",
    ],
)
def test_the_owners_supervisor_does_get_the_data(client, world, name):
    """The sweep's other half: the same URLs do work for someone in scope."""
    namespace, _method = SWEPT[name]
    client.force_login(world.in_scope_supervisor)
    response = client.get(reverse(f"{namespace}:{name}", kwargs=world.kwargs[name]))
    assert response.status_code == 200


def test_the_enrolled_owner_does_get_the_lesson_document(client, world):
    client.force_login(world.owner)
    response = client.get(_url(world, "wagtaildocs_serve"))
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == "%PDF Formation balayée".encode()


def test_self_service_actions_never_touch_another_learners_records(client, world):
    """lesson_complete, enroll and start take a page id, not a person: whoever calls them
    acts on their own enrollment. Another learner calling them leaves the owner's untouched."""
    from courses.models import Enrollment, LessonCompletion, LessonPage
    from quizzes.models import QuizPage

    lesson = LessonPage.objects.get()
    quiz = QuizPage.objects.get()
    before = list(Enrollment.objects.filter(learner=world.owner).values())
    client.force_login(world.intruders["second learner"])
    client.post(reverse("courses:lesson_complete", kwargs={"lesson_id": lesson.pk}))
    client.post(
        reverse("courses:enroll", kwargs={"course_id": lesson.get_parent().get_parent().pk})
    )
    client.post(reverse("quizzes:start", kwargs={"quiz_id": quiz.pk}))
    assert list(Enrollment.objects.filter(learner=world.owner).values()) == before
    assert not LessonCompletion.objects.filter(learner=world.owner).exists()
    assert Attempt.objects.filter(learner=world.owner).count() == 1


@pytest.mark.parametrize("name", ["completed", "status"])
def test_the_owner_does_get_the_completion_page_and_the_certificate_status(client, world, name):
    """The other half for the owner's own pages: they answer the owner."""
    namespace, _method = SWEPT[name]
    client.force_login(world.owner)
    response = client.get(reverse(f"{namespace}:{name}", kwargs=world.kwargs[name]))
    assert response.status_code == 200
    assert SERIAL.encode() in response.content


@pytest.mark.parametrize(
    "name", ["workshop", "workshop_attendance", "workshop_report", "workshop_paper_scores"]
)
def test_the_workshops_trainer_does_get_the_data(client, world, name):
    from workshops.models import Workshop

    client.force_login(Workshop.objects.get().trainers.get())
    response = client.get(_url(world, name))
    assert response.status_code == 200
    assert OWNER_NAME.encode() in response.content


def test_the_owner_does_get_their_workshop_record(client, world):
    client.force_login(world.owner)
    response = client.get(_url(world, "workshop"))
    assert response.status_code == 200
    assert "Mes présences".encode() in response.content
