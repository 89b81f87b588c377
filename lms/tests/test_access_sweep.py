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
from courses.models import CoursePage, Enrollment, LessonPage, LessonResource
from courses.selectors import offline_user_key
from courses.tests.factories import course_build
from jobs.models import Job
from quizzes import services as quiz_services
from quizzes.models import Attempt, Question, QuestionCategory, QuizPage
from quizzes.tests.factories import question_make, quiz_make
from tracking.jobs import scope_key
from tracking.models import Assignment
from tracking.tests.factories import tree_build
from workshops import services as workshop_services
from workshops.models import Attendance, Attestation, TestResult, Workshop
from workshops.tests.factories import participants_make, workshop_make
from xapi.models import OutboxStatement

OWNER_NAME = "Awa Sweep-Traoré"
SERIAL = "CNDH-2026-990001"
ATTESTATION_SERIAL = "CNDH-AP-2026-990001"

# Patterns with a parameter that show nobody's personal data, and why; by their full name
# (namespace:name), so that a new pattern sharing a listed pattern's name in another app is not
# taken for it.
PUBLIC = {
    "certificates:verify_code": "public verification by design: valid or revoked, holder, "
    "course, date",
    "certificates:status_list": "the public revocation list (bits only); see "
    "test_the_status_list_is_bits",
    "accounts:password_reset_confirm": "Django's signed reset token; reveals nothing without it",
    "wagtaildocs_authenticate_with_password": "Wagtail's password form for documents",
    "wagtailcore_authenticate_with_password": "Wagtail's password form for pages",
    "tracking:export": "the format (csv or xlsx), not an object; scoped in tracking's tests",
    "courses:lesson_complete": "acts on the signed-in learner's own record only (see below)",
    "courses:enroll": "acts on the signed-in learner's own record only (see below)",
    "quizzes:start": "acts on the signed-in learner's own record only (see below)",
    "courses:lesson_complete_sync": "acts on the signed-in learner's own record only (see below)",
    "workshops:reports_export": "the format (xlsx or pdf), not an object; the report counts the "
    "asker's scope only, swept in test_the_period_report_shows_each_intruder_nothing_of_the_owner",
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
    quiz = quiz_make(
        course, questions=[question_make(), question_make("essay")], title="Quiz balayé"
    )
    owner = LearnerFactory(unit=tree.sevare, full_name=OWNER_NAME)
    course_services.enrollment_create(learner=owner, course=course)
    attempt = quiz_services.attempt_start(learner=owner, quiz=quiz)
    # An essay answered: it waits for a grader on « À corriger ».
    essay = attempt.items.get(snapshot__type="essay")
    quiz_services.attempt_save(attempt=attempt, responses={essay.pk: {"text": "Ma réponse."}})
    attempt = quiz_services.attempt_submit(attempt=attempt)
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
    # The owner's attestation de participation (made directly: one session of six attended).
    Attestation.objects.create(
        participant=record,
        serial=ATTESTATION_SERIAL,
        learner_name=OWNER_NAME,
        workshop_title=workshop.title,
        place=workshop.place,
        region=workshop.region,
        start_date=workshop.start_date,
        end_date=workshop.end_date,
        sessions_attended=5,
        sessions_total=6,
    )
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
            "attempt_save_sync": {"attempt_id": attempt.pk, "page": 1},
            "attempt_submit_sync": {"attempt_id": attempt.pk},
            "download": {"serial": SERIAL},
            "openbadge": {"serial": SERIAL},
            # The owner's enrollment is completed below: both answer the owner only.
            "completed": {"course_id": course.pk},
            "status": {"course_id": course.pk},
            # The offline pack lists the course's pages for its enrolled learner only.
            "offline_manifest": {"course_id": course.pk},
            # Wagtail's pattern has positional groups only.
            "wagtaildocs_serve": [document.pk, "guide.pdf"],
            "learner": {"pk": owner.pk},
            "assignment_delete": {"pk": assignment.pk},
            "lesson_complete": None,
            "enroll": None,
            "start": None,
            "job": {"pk": job.pk},
            "job_download": {"pk": job.pk},
            "grading_item": {"item_id": essay.pk},
            "workshop": {"pk": workshop.pk},
            "workshop_attendance": {"pk": workshop.pk, "session_id": session.pk},
            "workshop_participants": {"pk": workshop.pk},
            # The owner is registered, not invited: nobody, the owner included, may answer.
            "invitation_respond": {"pk": workshop.pk, "answer": "oui"},
            "workshop_report": {"pk": workshop.pk},
            "workshop_report_xlsx": {"pk": workshop.pk},
            "workshop_paper_scores": {"pk": workshop.pk, "kind": "pre"},
            "workshop_paper_answers": {
                "pk": workshop.pk,
                "kind": "post",
                "participant_id": record.pk,
            },
            "attestation_download": {"serial": ATTESTATION_SERIAL},
            "workshop_funders": {"pk": workshop.pk},
            "workshop_funders_export": {"pk": workshop.pk, "fmt": "xlsx"},
        },
    )


# name → (namespace, method). The sweep visits each with every intruder.
SWEPT = {
    "attempt_page": ("quizzes", "get"),
    "attempt_summary": ("quizzes", "get"),
    "attempt_submit": ("quizzes", "post"),
    "attempt_review": ("quizzes", "get"),
    "attempt_save_sync": ("quizzes", "post"),
    "attempt_submit_sync": ("quizzes", "post"),
    "download": ("certificates", "get"),
    "openbadge": ("certificates", "get"),
    "completed": ("courses", "get"),
    "status": ("certificates", "get"),
    "offline_manifest": ("courses", "get"),
    "wagtaildocs_serve": (None, "get"),
    "learner": ("tracking", "get"),
    "assignment_delete": ("tracking", "post"),
    "job": ("jobs", "get"),
    "job_download": ("jobs", "get"),
    "grading_item": ("quizzes", "post"),
    "workshop": ("workshops", "get"),
    "workshop_attendance": ("workshops", "post"),
    "workshop_participants": ("workshops", "post"),
    "invitation_respond": ("workshops", "post"),
    "workshop_report": ("workshops", "get"),
    "workshop_report_xlsx": ("workshops", "get"),
    "workshop_paper_scores": ("workshops", "post"),
    "workshop_paper_answers": ("workshops", "post"),
    "attestation_download": ("workshops", "get"),
    "workshop_funders": ("workshops", "get"),
    "workshop_funders_export": ("workshops", "get"),
}


# JSON endpoints that a device's service worker replays to: signed out, they answer 401 (the
# device keeps what waits), never a sign-in page it would take for an answer.
SIGNED_OUT_401 = {"attempt_save_sync", "attempt_submit_sync"}

# Kalan's own pages of the Wagtail admin (its viewsets, lms/viewsets.py): the generic sweep
# leaves admin/ to the admin's checks, so those that name an object are listed here, and
# visited by the same intruders and by a member of the staff without the permission, with GET
# and POST. Each name gives the URL's arguments, read from the world.
ADMIN_SWEPT = {
    "packages:export": lambda w: {"course_id": CoursePage.objects.get().pk},
    "attestations:revoke": lambda w: {"pk": Certificate.objects.get().pk},
    "attestations:reissue": lambda w: {"pk": Certificate.objects.get().pk},
    "question_bank:export": lambda w: {
        "category_id": QuestionCategory.objects.first().pk,
        "format_name": "gift",
    },
    "question_bank:question_statistics": lambda w: {"question_id": Question.objects.first().pk},
    "question_bank:quiz_statistics": lambda w: {"quiz_id": QuizPage.objects.get().pk},
    "units:edit": lambda w: {"pk": w.owner.unit_id},
    "units:delete": lambda w: {"pk": w.owner.unit_id},
    "xapi_outbox:retry": lambda w: {"pk": OutboxStatement.objects.first().pk},
    "workshop_attestations:revoke": lambda w: {"pk": Attestation.objects.get().pk},
    "workshop_attestations:reissue": lambda w: {"pk": Attestation.objects.get().pk},
    # Wagtail's delete view, made Kalan's by its French refusal (workshops/wagtail_hooks.py).
    "ateliers:delete": lambda w: {"pk": Workshop.objects.get().pk},
}
# Without an object, the same visit: whole lists and imports.
ADMIN_SWEPT_LISTS = [
    "packages:import",
    "attestations:index",
    "attestations:regenerate",
    "question_bank:import",
    "learners_import:index",
    "xapi_outbox:index",
    "xapi_outbox:retry_failing",
    "workshop_attestations:index",
]
ADMIN_NOT_SWEPT = {
    "wagtailsnippets_quizzes_question:workflow_action": "Wagtail's workflow action (its "
    "task's permission decides), with a confirmation page of ours (courses/admin_workflow.py)",
}


def _url(world, name) -> str:
    namespace, _method = SWEPT[name]
    params = world.kwargs[name]
    if isinstance(params, list):
        return reverse(name if namespace is None else f"{namespace}:{name}", args=params)
    return reverse(name if namespace is None else f"{namespace}:{name}", kwargs=params)


def _full_name(namespace, name):
    """« quizzes:attempt_page », as reverse() takes it; a nameless pattern stays None."""
    return f"{namespace}:{name}" if namespace and name else name


def _patterns_with_parameters(patterns=None, namespace=None):
    """The full name of every pattern with a parameter, outside the admins."""
    for pattern in patterns if patterns is not None else get_resolver().url_patterns:
        if isinstance(pattern, URLResolver):
            route = str(pattern.pattern)
            if route.startswith(("admin/", "django-admin/")):
                continue  # Wagtail's and Django's admins check their own permissions
            inner = _full_name(namespace, pattern.namespace) if pattern.namespace else namespace
            yield from _patterns_with_parameters(pattern.url_patterns, inner)
        elif isinstance(pattern, URLPattern):
            regex = pattern.pattern.regex
            if regex.groups or "<" in str(pattern.pattern):
                yield _full_name(namespace, pattern.name)


def test_every_url_with_a_parameter_is_swept():
    names = set(_patterns_with_parameters())
    swept = {_full_name(namespace, name) for name, (namespace, _method) in SWEPT.items()}
    unlisted = names - swept - set(PUBLIC)
    assert not unlisted, f"URL à couvrir par le balayage d’accès : {sorted(unlisted)}"
    # And every swept name is a real pattern's full name (a stale or bare one sweeps nothing).
    assert swept <= names, sorted(swept - names)


@pytest.mark.parametrize("name", sorted(SWEPT))
@pytest.mark.parametrize("who", ["second learner", "out-of-scope supervisor", "anonymous"])
def test_intruders_get_404_or_sign_in_never_the_data(client, world, name, who):
    _namespace, method = SWEPT[name]
    url = _url(world, name)
    intruder = world.intruders[who]
    if intruder is not None:
        client.force_login(intruder)
    response = getattr(client, method)(url)
    if intruder is None and name in SIGNED_OUT_401:
        assert response.status_code == 401, response.status_code
    elif intruder is None:
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
    assert Attempt.objects.get(learner=world.owner).state == "needs_grading"


def _admin_patterns_with_parameters(patterns=None, namespace=None, prefix=""):
    """Every pattern under admin/ whose view is Kalan's (not Wagtail's or Django's own) and
    that takes a parameter, by its full name."""
    for pattern in patterns if patterns is not None else get_resolver().url_patterns:
        if isinstance(pattern, URLResolver):
            inner = _full_name(namespace, pattern.namespace) if pattern.namespace else namespace
            yield from _admin_patterns_with_parameters(
                pattern.url_patterns, inner, prefix + str(pattern.pattern)
            )
        elif prefix.startswith("admin/") and "<" in str(pattern.pattern):
            view = getattr(pattern.callback, "view_class", pattern.callback)
            if not view.__module__.startswith(("wagtail.", "django.")):
                yield _full_name(namespace, pattern.name)


def test_every_admin_page_of_kalan_with_a_parameter_is_swept():
    names = set(_admin_patterns_with_parameters())
    unlisted = names - set(ADMIN_SWEPT) - set(ADMIN_NOT_SWEPT)
    assert not unlisted, f"Page d’administration à couvrir par le balayage : {sorted(unlisted)}"
    assert set(ADMIN_SWEPT) <= names, sorted(set(ADMIN_SWEPT) - names)


def _staff_without_permissions():
    """Past Wagtail's admin gate and nothing more: what the admin refuses is then refused by
    the views' permission policies, not by the gate."""
    from django.contrib.auth.models import Group, Permission

    from accounts.tests.factories import UserFactory

    group = Group.objects.create(name="Accès à l’admin seulement")
    group.permissions.add(
        Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin")
    )
    user = UserFactory()
    user.groups.add(group)
    return user


@pytest.mark.parametrize(
    "who", ["second learner", "out-of-scope supervisor", "anonymous", "staff without permission"]
)
def test_intruders_never_reach_kalans_admin_pages(client, world, who):
    from accounts.models import Unit

    staff = who == "staff without permission"
    intruder = _staff_without_permissions() if staff else world.intruders[who]
    if intruder is not None:
        client.force_login(intruder)
    row = OutboxStatement.objects.order_by("pk").first()
    units = Unit.objects.count()
    for name in sorted(ADMIN_SWEPT) + ADMIN_SWEPT_LISTS:
        url = reverse(name, kwargs=ADMIN_SWEPT[name](world) if name in ADMIN_SWEPT else None)
        for response in (client.get(url), client.post(url)):
            # Wagtail's answers: its sign-in without admin access, its home page with « pas
            # la permission » for the staff member (admin access, not these pages).
            assert response.status_code == 302, (response.status_code, url)
            expected = "/admin/" if staff else "/admin/login/"
            assert response["Location"].split("?")[0] == expected, url
            assert b"Formation balay" not in response.content
    assert Job.objects.count() == 1  # the supervisor's, nothing queued
    assert CoursePage.objects.count() == 1
    assert Certificate.objects.get().is_valid and Certificate.objects.count() == 1
    assert Attestation.objects.get().is_valid and Attestation.objects.count() == 1
    assert Workshop.objects.count() == 1
    assert Unit.objects.count() == units
    assert OutboxStatement.objects.order_by("pk").first().next_try_at == row.next_try_at


@pytest.mark.parametrize(
    "name",
    [
        "download",
        "openbadge",
        "learner",
        "job",
        "job_download",
        "grading_item",
        "workshop",
        "workshop_participants",
        "workshop_report",
        "workshop_report_xlsx",
        "attestation_download",
        "workshop_funders",
        "workshop_funders_export",
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


def test_the_status_list_is_bits_only(client, world):
    """Public by design, for verifiers: once the owner's certificate has a bit and is revoked,
    anyone may read the list, which names nobody (no name, code, serial, course, reason)."""
    from certificates import services as certificate_services

    certificate = Certificate.objects.get(code=world.code)
    certificate = certificate_services.status_entry_ensure(certificate=certificate)
    certificate_services.certificate_revoke(certificate=certificate, reason="Motif balayé")
    url = reverse("certificates:status_list", args=[certificate.status_list_id])
    for who in ("second learner", "out-of-scope supervisor", "anonymous"):
        client.logout()
        if world.intruders[who] is not None:
            client.force_login(world.intruders[who])
        response = client.get(url)
        assert response.status_code == 200
        for private in (OWNER_NAME, world.code, SERIAL, "Formation balay", "Motif balay"):
            assert private.encode() not in response.content


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
    intruder_key = offline_user_key(world.intruders["second learner"])
    client.post(
        reverse("courses:lesson_complete_sync", kwargs={"lesson_id": lesson.pk}),
        data={"client_id": "6f1f8a52-8f53-4a59-9a51-3b1e0b0d2f10", "user": intruder_key},
        content_type="application/json",
    )
    client.post(
        reverse("courses:lesson_complete_sync", kwargs={"lesson_id": lesson.pk}),
        data={
            "client_id": "6f1f8a52-8f53-4a59-9a51-3b1e0b0d2f11",
            "user": offline_user_key(world.owner),
        },
        content_type="application/json",
    )
    assert list(Enrollment.objects.filter(learner=world.owner).values()) == before
    assert not LessonCompletion.objects.filter(learner=world.owner).exists()
    assert not world.owner.offline_receipts.exists()
    assert Attempt.objects.filter(learner=world.owner).count() == 1


@pytest.mark.parametrize("name", ["completed", "status"])
def test_the_owner_does_get_the_completion_page_and_the_certificate_status(client, world, name):
    """The other half for the owner's own pages: they answer the owner."""
    namespace, _method = SWEPT[name]
    client.force_login(world.owner)
    response = client.get(reverse(f"{namespace}:{name}", kwargs=world.kwargs[name]))
    assert response.status_code == 200
    assert SERIAL.encode() in response.content


# The Wagtail admin's routes are skipped above (its views check their own permissions); the
# xAPI outbox names a row by id and lists every learner's statements, so it is swept here.
@pytest.mark.parametrize("who", ["second learner", "out-of-scope supervisor", "anonymous"])
def test_intruders_never_see_or_resend_the_xapi_outbox(client, world, who):
    row = OutboxStatement.objects.filter(statement__actor__account__isnull=False).first()
    assert row is not None  # the owner's enrolment and attempt wrote statements
    before = row.next_try_at
    intruder = world.intruders[who]
    if intruder is not None:
        client.force_login(intruder)
    for method, url in (
        ("get", reverse("xapi_outbox:index")),
        ("post", reverse("xapi_outbox:retry", args=[row.pk])),
        ("post", reverse("xapi_outbox:retry_failing")),
    ):
        response = getattr(client, method)(url)
        assert response.status_code in (302, 403, 404), (who, url)
        if response.status_code == 302:
            assert "login" in response["Location"] or response["Location"] == "/admin/"
        assert str(row.statement_id) not in response.content.decode()
    row.refresh_from_db()
    assert row.next_try_at == before


@pytest.mark.parametrize(
    "name",
    [
        "workshop",
        "workshop_attendance",
        "workshop_report",
        "workshop_paper_scores",
        "workshop_paper_answers",
    ],
)
def test_the_workshops_trainer_does_get_the_data(client, world, name):
    from workshops.models import Workshop

    client.force_login(Workshop.objects.get().trainers.get())
    response = client.get(_url(world, name))
    assert response.status_code == 200
    assert OWNER_NAME.encode() in response.content


@pytest.mark.parametrize("who", ["owner", "trainer"])
def test_the_owner_and_the_trainer_do_get_the_attestation(client, world, who):
    from workshops.models import Workshop

    user = world.owner if who == "owner" else Workshop.objects.get().trainers.get()
    client.force_login(user)
    response = client.get(_url(world, "attestation_download"))
    assert response.status_code == 200
    assert b"".join(response.streaming_content).startswith(b"%PDF")


def test_the_workshops_trainer_does_get_its_funders_report(client, world):
    """The funders' report counts people, never names them: the trainer sees the workshop."""
    from workshops.models import Workshop

    client.force_login(Workshop.objects.get().trainers.get())
    response = client.get(_url(world, "workshop_funders"))
    assert response.status_code == 200
    assert "Formation balayée en atelier" in response.content.decode()


def test_the_owner_does_get_their_workshop_record(client, world):
    client.force_login(world.owner)
    response = client.get(_url(world, "workshop"))
    assert response.status_code == 200
    assert "Mes présences".encode() in response.content


# The funders' report over a period names no object: whoever may open it sees the workshops
# and people of their own scope. Intruders get 404, the sign-in, or a report without the owner.
PERIOD_REPORTS = [
    ("workshops:reports", {}),
    ("workshops:reports_export", {"fmt": "xlsx"}),
    ("workshops:reports_export", {"fmt": "pdf"}),
]


@pytest.mark.parametrize("name, kwargs", PERIOD_REPORTS)
@pytest.mark.parametrize("who", ["second learner", "out-of-scope supervisor", "anonymous"])
def test_the_period_report_shows_each_intruder_nothing_of_the_owner(
    client, world, who, name, kwargs
):
    import io

    from openpyxl import load_workbook
    from pypdf import PdfReader

    intruder = world.intruders[who]
    if intruder is not None:
        client.force_login(intruder)
    response = client.get(reverse(name, kwargs=kwargs), {"du": "2015-01-01", "au": "2034-12-31"})
    if who == "anonymous":
        assert response.status_code == 302
        assert response["Location"].startswith(reverse("accounts:login"))
        return
    if who == "second learner":
        assert response.status_code == 404
        assert b"Formation balay" not in response.content
        return
    # The out-of-scope supervisor may open the report: it holds nothing of the owner's.
    assert response.status_code == 200
    if kwargs.get("fmt") == "xlsx":
        book = load_workbook(io.BytesIO(response.content))
        text = " ".join(
            str(v) for sheet in book for row in sheet.iter_rows(values_only=True) for v in row
        )
    elif kwargs.get("fmt") == "pdf":
        text = "".join(p.extract_text() for p in PdfReader(io.BytesIO(response.content)).pages)
    else:
        text = response.content.decode()
    assert "Formation balay" not in text and "Sévaré" not in text
    assert OWNER_NAME not in text


def test_the_owners_supervisor_does_get_the_period_report(client, world):
    client.force_login(world.in_scope_supervisor)
    response = client.get(reverse("workshops:reports"), {"du": "2015-01-01", "au": "2034-12-31"})
    assert response.status_code == 200
    assert "Formation balayée en atelier" in response.content.decode()
