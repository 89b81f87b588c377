"""Writes: enrolment, lesson completion, progress and the course tree's editorial setup."""

import uuid
from dataclasses import dataclass
from datetime import date

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from . import selectors
from .completion import progress_compute
from .models import (
    CourseIndexPage,
    CoursePage,
    Enrollment,
    LessonCompletion,
    LessonPage,
    OfflineReceipt,
)
from .signals import course_completed, enrolled, lesson_completed


class CourseError(Exception):
    """A refusal to show the learner, in their language."""


def enrollment_create(*, learner, course: CoursePage, due_date=None) -> Enrollment:
    """Idempotent: enrolling twice returns the same enrollment. A due date is set only when
    given, and never pushed later by a second assignment."""
    try:
        with transaction.atomic():
            enrollment, created = Enrollment.objects.get_or_create(
                learner=learner, course=course, defaults={"due_date": due_date}
            )
            if created:
                enrolled.send(sender=Enrollment, enrollments=[enrollment])
    except IntegrityError:  # a concurrent request created it first
        enrollment, created = Enrollment.objects.get(learner=learner, course=course), False
    if not created and due_date and (enrollment.due_date is None or due_date < enrollment.due_date):
        enrollment.due_date = due_date
        enrollment.save(update_fields=["due_date"])
    return enrollment


def enrollments_due_set(*, course: CoursePage, due_dates: dict[int, date | None]) -> int:
    """Assignments' write into enrollments, in bulk: every learner in `due_dates` gets an
    enrollment in the course (created if missing, never duplicated) with exactly that due date.
    Returns how many enrollments were created or changed."""
    if not due_dates:
        return 0
    changed = 0
    with transaction.atomic():
        existing = {
            e.learner_id: e
            for e in Enrollment.objects.select_for_update().filter(
                course=course, learner_id__in=list(due_dates)
            )
        }
        to_update = []
        for learner_id, enrollment in existing.items():
            if enrollment.due_date != due_dates[learner_id]:
                enrollment.due_date = due_dates[learner_id]
                to_update.append(enrollment)
        Enrollment.objects.bulk_update(to_update, ["due_date"], batch_size=1000)
        missing = [
            Enrollment(learner_id=learner_id, course=course, due_date=due)
            for learner_id, due in due_dates.items()
            if learner_id not in existing and due is not None
        ]
        # ignore_conflicts: a learner enrolling at this very moment keeps their own row.
        Enrollment.objects.bulk_create(missing, batch_size=1000, ignore_conflicts=True)
        if missing:
            enrolled.send(
                sender=Enrollment,
                enrollments=Enrollment.objects.filter(
                    course=course, learner_id__in=[e.learner_id for e in missing]
                ).select_related("learner", "course"),
            )
        changed = len(to_update) + len(missing)
    return changed


def enrollment_self_enroll(*, learner, course: CoursePage) -> Enrollment:
    existing = selectors.enrollment_get(learner=learner, course=course)
    if existing:
        return existing
    refusal = selectors.enrollment_refusal(course=course, user=learner)
    if refusal:
        raise CourseError(refusal)
    return enrollment_create(learner=learner, course=course)


@transaction.atomic
def enrollment_progress_refresh(*, enrollment: Enrollment) -> Enrollment:
    """Recomputes progress and status from the completions and the registered requirements.
    Sends course_completed (in the transaction) the first time the enrollment becomes complete."""
    enrollment = (
        Enrollment.objects.select_for_update(of=("self",))
        .select_related("course", "learner")
        .get(pk=enrollment.pk)
    )
    outline = selectors.outline_for(
        course=enrollment.course, learner=enrollment.learner, enrollment=enrollment
    )
    progress = progress_compute(enrollment=enrollment, outline=outline)
    fields, just_completed = enrollment.progress_apply(progress, now=timezone.now())
    enrollment.save(update_fields=fields)
    if just_completed:
        course_completed.send(sender=Enrollment, enrollment=enrollment)
    return enrollment


@transaction.atomic
def lesson_complete(*, learner, lesson: LessonPage) -> Enrollment:
    """ "J'ai terminé cette leçon". Idempotent; refuses a lesson that is locked or outside the
    learner's enrollments."""
    course = selectors.course_for_lesson(lesson)
    enrollment = (
        Enrollment.objects.select_for_update().filter(learner=learner, course=course).first()
    )
    if enrollment is None:
        raise CourseError(_("Inscrivez-vous à la formation avant de terminer ses leçons."))
    outline = selectors.outline_for(course=course, learner=learner, enrollment=enrollment)
    item = outline.item(lesson.pk)
    if item is None:
        raise CourseError(_("Cette leçon n’est pas publiée."))
    if item.locked:
        raise CourseError(_("Cette leçon est verrouillée : terminez d’abord le module précédent."))
    _completion, created = LessonCompletion.objects.get_or_create(
        learner=learner, lesson=lesson, defaults={"course": course}
    )
    if created:
        lesson_completed.send(
            sender=LessonPage, learner=learner, lesson=lesson, enrollment=enrollment
        )
    return enrollment_progress_refresh(enrollment=enrollment)


@dataclass(frozen=True)
class OfflineResult:
    enrollment: Enrollment
    replay: bool  # the device had sent this client id before: nothing changed


def lesson_complete_offline(
    *, learner, lesson: LessonPage, client_id: uuid.UUID, done_at=None
) -> OfflineResult:
    """ "J'ai terminé cette leçon" pressed offline and sent later by the device, under the
    client id it gave the action. Accepted once whatever the number of replays: the receipt
    (learner, client id) is unique, and it is written in the same transaction as the
    completion, so a refusal (a locked lesson) leaves no receipt. A client id that the learner
    already used for another action is refused. `done_at` is the device's clock, kept for the
    record and never later than the arrival."""
    now = timezone.now()
    if done_at is not None and done_at > now:
        done_at = now
    try:
        with transaction.atomic():
            OfflineReceipt.objects.create(
                learner=learner,
                client_id=client_id,
                kind=OfflineReceipt.Kind.LESSON_COMPLETE,
                object_id=lesson.pk,
                done_at=done_at,
            )
            return OfflineResult(
                enrollment=lesson_complete(learner=learner, lesson=lesson), replay=False
            )
    except IntegrityError:
        # A replay; also a concurrent one, which waited for the first insert to commit.
        receipt = OfflineReceipt.objects.filter(learner=learner, client_id=client_id).first()
        if receipt is None:
            raise
    if receipt.kind != OfflineReceipt.Kind.LESSON_COMPLETE or receipt.object_id != lesson.pk:
        raise CourseError(_("Cet envoi porte l’identifiant d’une autre action : il est ignoré."))
    enrollment = Enrollment.objects.select_related("course").get(
        learner=learner, course__path=selectors.course_path_for(lesson)
    )
    return OfflineResult(enrollment=enrollment, replay=True)


EDITORIAL_PAGE_PERMISSIONS = {
    "Éditeurs": ("add_page", "change_page"),
    "Relecteurs": ("add_page", "change_page", "publish_page", "lock_page", "unlock_page"),
    "Administrateurs": (
        "add_page",
        "change_page",
        "publish_page",
        "bulk_delete_page",
        "lock_page",
        "unlock_page",
    ),
}
WORKFLOW_NAME = "Relecture CNDH"


@transaction.atomic
def course_tree_setup() -> CourseIndexPage:
    """Idempotent editorial setup: the catalogue page under the site root, page rights limited
    to that tree, and the "Relecture CNDH" workflow (a reviewer approves before publication)."""
    from django.contrib.auth.models import Group, Permission
    from wagtail.models import (
        GroupApprovalTask,
        GroupPagePermission,
        Site,
        Workflow,
        WorkflowPage,
        WorkflowTask,
    )

    from .models import GlossaryTerm

    site = Site.objects.get(is_default_site=True)
    if site.site_name != "Kalan":
        site.site_name = "Kalan"
        site.save(update_fields=["site_name"])
    index = CourseIndexPage.objects.first()
    if index is None:
        index = site.root_page.add_child(
            instance=CourseIndexPage(
                title=_("Formations"),
                slug="formations",
                intro="<p>Formations en ligne de la CNDH pour les officiers de police "
                "judiciaire.</p>",
            )
        )
        index.save_revision().publish()
    for group_name, codenames in EDITORIAL_PAGE_PERMISSIONS.items():
        group, _created = Group.objects.get_or_create(name=group_name)
        for codename in codenames:
            permission = Permission.objects.get(
                content_type__app_label="wagtailcore", codename=codename
            )
            GroupPagePermission.objects.get_or_create(
                group=group, page=index, permission=permission
            )
        glossary = Permission.objects.filter(
            content_type__app_label="courses",
            codename__in=[
                f"{a}_{GlossaryTerm._meta.model_name}" for a in ("add", "change", "view")
            ],
        )
        group.permissions.add(*glossary)

    workflow, _created = Workflow.objects.get_or_create(
        name=WORKFLOW_NAME, defaults={"active": True}
    )
    task = GroupApprovalTask.objects.filter(name="Validation par un relecteur").first()
    if task is None:
        task = GroupApprovalTask.objects.create(name="Validation par un relecteur")
    task.groups.set([Group.objects.get_or_create(name="Relecteurs")[0]])
    WorkflowTask.objects.get_or_create(workflow=workflow, task=task, defaults={"sort_order": 0})
    WorkflowPage.objects.update_or_create(page=index, defaults={"workflow": workflow})
    return index
