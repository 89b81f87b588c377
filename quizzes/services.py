"""Quiz attempts: start, save, submit, close. Scores are computed here, on the server, from
each item's frozen snapshot and saved response (quizzes/grading.py); nothing the browser sends
is trusted but the choice of answers."""

import random
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import timedelta
from decimal import Decimal

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.selectors import user_row_lock
from courses import selectors as course_selectors
from courses import services as course_services
from courses.caching import CourseBrief, course_brief
from courses.models import CoursePage, OfflineReceipt
from lms.bulk import rows_insert

from . import access, drawing, grading, selectors
from .models import Attempt, AttemptItem, Question, QuizGrade, QuizPage, delay_label
from .selectors import AttemptCounts
from .signals import attempt_graded, attempt_started
from .snapshots import question_snapshots
from .types import question_type

# A save that reaches the server this long after the deadline still counts: the learner
# pressed the button in time, the network was slow.
NETWORK_LEEWAY = timedelta(seconds=30)
SAVE_IDS_KEPT = 20


class QuizError(Exception):
    """A refusal to show the learner, in their language."""


def quiz_course(quiz: QuizPage):
    """The course of a quiz placed in a module or directly in the course."""
    return course_selectors.course_for_page(quiz)


def attempt_cutoff(attempt: Attempt, quiz: QuizPage):
    """When answers stop being accepted: the deadline, plus the grace period if any."""
    if attempt.deadline is None:
        return None
    grace = timedelta(minutes=quiz.grace_minutes)
    if quiz.expiry_policy == QuizPage.ExpiryPolicy.GRACE:
        return attempt.deadline + grace
    return attempt.deadline


def attempt_start_refusal(
    *,
    learner,
    quiz: QuizPage,
    now=None,
    counts: AttemptCounts | None = None,
    enrolled: bool | None = None,
    course: CoursePage | CourseBrief | None = None,
) -> str | None:
    """Why `learner` may not start a new attempt now, or None. `counts` (the learner's
    attempts at this quiz), `enrolled` and `course` (the course above the quiz, or its
    brief): when the caller has read them already."""
    now = now or timezone.now()
    course = course or course_brief(quiz)
    if enrolled is None:
        enrolled = course_selectors.is_enrolled(learner=learner, course_id=course.pk)
    if not enrolled:
        return _("Inscrivez-vous à la formation pour passer ce quiz.")
    if quiz.close_at and now >= quiz.close_at:
        return _("Ce quiz est fermé.")
    if course_selectors.may_be_locked(page=quiz, course=course):
        enrollment = course_selectors.enrollment_for_page(learner=learner, page=quiz)
        outline = course_selectors.outline_for(
            course=enrollment.course, learner=learner, enrollment=enrollment
        )
        item = outline.item(quiz.pk)
        if (
            item is not None
            and item.locked
            and not access.unlocked_for(learner=learner, quiz=quiz, today=timezone.localdate(now))
        ):
            return _("Ce quiz est verrouillé : terminez d’abord les modules précédents.")
    if counts is None:
        counts = AttemptCounts.of(list(Attempt.objects.filter(learner=learner, quiz=quiz)))
    if quiz.attempts_allowed and counts.ended >= quiz.attempts_allowed:
        return _("Vous avez utilisé vos %(n)d tentatives.") % {"n": quiz.attempts_allowed}
    ready_at = attempt_retry_at(quiz=quiz, counts=counts, now=now)
    if ready_at is not None:
        minutes = int((ready_at - now).total_seconds() // 60) + 1
        return _("Vous pourrez recommencer dans %(m)d minute(s).") % {"m": minutes}
    return None


def attempt_retry_at(*, quiz: QuizPage, counts: AttemptCounts, now=None):
    """When the delay between two attempts ends, if it has not yet: the last counted
    attempt's end plus the quiz's delay. None when no delay holds the learner back."""
    now = now or timezone.now()
    if counts.last_ended_at is None or not quiz.delay_minutes:
        return None
    ready_at = counts.last_ended_at + timedelta(minutes=quiz.delay_minutes)
    return ready_at if now < ready_at else None


def attempt_start(*, learner, quiz: QuizPage, start: drawing.QuizStart | None = None) -> Attempt:
    """Resumes the attempt in progress, or starts a new one within the rules. Concurrent
    starts make one attempt: the learner's row is locked before the attempts are counted,
    and a constraint allows one attempt in progress per learner and quiz. Before the inserts,
    two statements (the lock; the attempts and the enrollment: quizzes.selectors.start_facts)
    and one round trip to the shared cache for the quiz's course and plan (`start`, when the
    caller has read it: quizzes.drawing.quiz_start), another for the snapshots of the
    questions drawn from a category, if any."""
    try:
        with transaction.atomic():
            if start is None:
                course, plan = drawing.start_inputs(quiz)
            else:
                course, plan = start.course, start.plan
            user_row_lock(learner.pk)
            facts = selectors.start_facts(
                learner_id=learner.pk, quiz_id=quiz.pk, course_id=course.pk
            )
            if facts.counts.in_progress_id is not None:
                return Attempt.objects.get(pk=facts.counts.in_progress_id)
            refusal = attempt_start_refusal(
                learner=learner,
                quiz=quiz,
                counts=facts.counts,
                enrolled=facts.enrolled,
                course=course,
            )
            if refusal:
                raise QuizError(refusal)
            rng = random.SystemRandom()
            try:
                questions = drawing.questions_draw(quiz, rng, plan)
            except drawing.DrawError as error:
                raise QuizError(str(error)) from error
            if not questions:
                raise QuizError(_("Ce quiz n’a pas encore de questions."))
            snapshots = question_snapshots(
                questions, known={q.pk: q.snapshot for q in questions if q.snapshot is not None}
            )
            now = timezone.now()
            attempt = Attempt.objects.create(
                learner=learner,
                quiz=quiz,
                number=facts.counts.total + 1,
                deadline=(now + timedelta(minutes=quiz.time_limit_minutes))
                if quiz.time_limit_minutes
                else None,
                page_count=(len(questions) - 1) // quiz.questions_per_page + 1,
                max_score=sum(Decimal(str(s["max_score"])) for s in snapshots),
            )
            drawn = zip(questions, snapshots, strict=True)
            # One INSERT with the snapshots sent as text (lms/bulk.py).
            rows_insert(
                [
                    AttemptItem(
                        attempt=attempt,
                        position=position,
                        page_number=position // quiz.questions_per_page + 1,
                        question_id=question.pk,
                        snapshot=snapshot,
                        # A question may ask to keep its order (Moodle's shuffleanswers off:
                        # « Aucune des réponses ci-dessus » stays last).
                        display_order=question_type(snapshot["type"]).display_order(
                            snapshot, rng, quiz.shuffle_choices and question.shuffle_answers
                        ),
                    )
                    for position, (question, snapshot) in enumerate(drawn)
                ]
            )
            attempt_started.send(sender=Attempt, attempt=attempt, course=course)
            return attempt
    except IntegrityError:
        # Another request started it at the same moment: resume that one.
        return Attempt.objects.get(learner=learner, quiz=quiz, state=Attempt.State.IN_PROGRESS)


def token_map(item: AttemptItem) -> dict[str, str]:
    return {token: real for token, real in item.display_order}


def tokens_translate(item, raw):
    """Maps the page's opaque tokens back to snapshot ids, for an attempt's item or anything
    with its `snapshot` and `display_order` (a workshop's paper copy). Unknown tokens become
    values that response_clean rejects."""
    tokens = token_map(item)

    def real(value):
        return tokens.get(value, f"?{value}") if isinstance(value, str) else value

    if not tokens or not isinstance(raw, dict):
        return raw
    return question_type(item.snapshot["type"]).from_tokens(raw, real)


@transaction.atomic
def attempt_save(
    *, attempt: Attempt, responses: dict[int, object], save_id: str = "", now=None
) -> Attempt:
    """Saves raw responses {item id: raw response} after validating every one of them: a bad
    one raises grading.ResponseError and nothing is stored. Replaying a save (same save_id)
    changes nothing."""
    now = now or timezone.now()
    attempt = (
        Attempt.objects.select_for_update(of=("self",)).select_related("quiz").get(pk=attempt.pk)
    )
    if attempt.state != Attempt.State.IN_PROGRESS:
        raise QuizError(_("Cette tentative est terminée : vos réponses ne peuvent plus changer."))
    cutoff = attempt_cutoff(attempt, attempt.quiz)
    if cutoff is not None and now > cutoff + NETWORK_LEEWAY:
        raise QuizError(_("Le temps est écoulé : cette réponse n’a pas été enregistrée."))
    items = {item.pk: item for item in attempt.items.filter(pk__in=list(responses))}
    if set(items) != set(responses):
        raise grading.ResponseError(_("Cette question ne fait pas partie de la tentative."))
    cleaned = {
        pk: grading.response_clean(items[pk].snapshot, tokens_translate(items[pk], raw))
        for pk, raw in responses.items()
    }
    save_id = save_id[:64]
    for pk, response in cleaned.items():
        item = items[pk]
        if save_id and save_id in item.save_ids:
            continue
        item.response = response
        if save_id:
            item.save_ids = [*item.save_ids, save_id][-SAVE_IDS_KEPT:]
        item.saved_at = now
        item.save(update_fields=["response", "save_ids", "saved_at"])
    return attempt


def attempt_submit(*, attempt: Attempt, now=None) -> Attempt:
    """Grades the attempt once. A second submit, even concurrent, finds it finished and
    returns it unchanged."""
    now = now or timezone.now()
    with transaction.atomic():
        attempt = (
            Attempt.objects.select_for_update(of=("self",))
            .select_related("quiz", "learner")
            .get(pk=attempt.pk)
        )
        if attempt.state != Attempt.State.IN_PROGRESS:
            return attempt
        quiz = attempt.quiz
        cutoff = attempt_cutoff(attempt, quiz)
        late = cutoff is not None and now > cutoff + NETWORK_LEEWAY
        attempt.finished_at = now
        if late and quiz.expiry_policy == QuizPage.ExpiryPolicy.NOT_COUNTED:
            attempt.state = Attempt.State.ABANDONED
            attempt.save(update_fields=["state", "finished_at"])
            return attempt
        items = list(attempt.items.all())
        for item in items:
            result = grading.grade(item.snapshot, item.response)
            item.score = Decimal(str(result.score))
            item.fraction = Decimal(str(result.fraction))
            item.state = result.state
        AttemptItem.objects.bulk_update(items, ["score", "fraction", "state"])
        if any(item.state == grading.NEEDS_GRADING for item in items):
            # Essays wait for a person: the grade is provisional, pass or fail undecided,
            # and the learner's QuizGrade (so completion and certificates) does not count
            # this attempt until essay_grade finalises it.
            _attempt_totals(attempt, items, final=False)
        else:
            _attempt_totals(attempt, items, final=True)
        attempt.save(update_fields=["score", "percent", "passed", "state", "finished_at"])
        if attempt.state == Attempt.State.FINISHED:
            attempt_graded.send(sender=Attempt, attempt=attempt, items=items)
            quiz_grade_refresh(learner=attempt.learner, quiz=quiz)
    return attempt


def _attempt_totals(attempt: Attempt, items: list[AttemptItem], *, final: bool) -> None:
    attempt.totals_set(sum((item.score or Decimal(0) for item in items), Decimal(0)), final=final)


class GradingError(Exception):
    """A grading refused, with the French message the grader sees."""


def essay_grade(*, item_id: int, grader, score, feedback: str, now=None) -> AttemptItem:
    """Records a person's grade for one essay waiting in an attempt. The caller has checked
    that `grader` may grade this learner (quizzes.selectors.essays_to_grade). Two graders
    saving the same essay: the attempt's row is locked, then the item's; the second finds it
    graded and gets a GradingError. When it was the attempt's last essay waiting, the attempt
    becomes final: its grade is recomputed, the learner's QuizGrade follows by the quiz's
    grading method, and so does the course's completion (and its certificate)."""
    now = now or timezone.now()
    with transaction.atomic():
        attempt_id = AttemptItem.objects.filter(pk=item_id).values_list("attempt_id", flat=True)
        attempt = (
            Attempt.objects.select_for_update(of=("self",))
            .select_related("quiz", "learner")
            .filter(pk__in=attempt_id)
            .first()
        )
        item = (
            AttemptItem.objects.select_for_update(of=("self",))
            .filter(pk=item_id, attempt=attempt)
            .first()
        )
        if attempt is None or item is None:
            raise GradingError(_("Cette réponse n’existe plus."))
        if item.state != grading.NEEDS_GRADING or attempt.state != Attempt.State.NEEDS_GRADING:
            raise GradingError(
                _("Cette réponse vient d’être corrigée par quelqu’un d’autre : rien n’a changé.")
            )
        result = grading.manual_grade(item.snapshot, score)
        item.score = Decimal(str(result.score))
        item.fraction = Decimal(str(result.fraction))
        item.state = result.state
        item.graded_by = grader
        item.graded_at = now
        item.grader_feedback = feedback
        item.save(
            update_fields=[
                "score",
                "fraction",
                "state",
                "graded_by",
                "graded_at",
                "grader_feedback",
            ]
        )
        items = list(attempt.items.all())
        final = not any(i.state == grading.NEEDS_GRADING for i in items)
        _attempt_totals(attempt, items, final=final)
        attempt.save(update_fields=["score", "percent", "passed", "state"])
        if final:
            # Graded now that a person has marked its last essay: the same fact as a submit
            # that needed no person (xapi listens).
            attempt_graded.send(sender=Attempt, attempt=attempt, items=items)
            quiz_grade_refresh(learner=attempt.learner, quiz=attempt.quiz)
    return item


def quiz_grade_refresh(*, learner, quiz: QuizPage) -> QuizGrade | None:
    """Recomputes the learner's grade by the quiz's grading method, then the course progress."""
    finished = list(
        Attempt.objects.filter(learner=learner, quiz=quiz, state=Attempt.State.FINISHED)
        .order_by("number")
        .values_list("percent", flat=True)
    )
    if not finished:
        return None
    percent = quiz.grade_of(finished)
    enrollment = course_selectors.enrollment_for_page(learner=learner, page=quiz)
    course = enrollment.course if enrollment is not None else quiz_course(quiz)
    grade, _created = QuizGrade.objects.update_or_create(
        learner=learner,
        quiz=quiz,
        defaults={"course": course, "percent": percent, "passed": quiz.is_pass(percent)},
    )
    if enrollment is not None:
        course_services.enrollment_progress_refresh(enrollment=enrollment)
    return grade


def attempt_overdue_at(attempt: Attempt, quiz: QuizPage):
    """When an attempt in progress is closed by its quiz's expiry rule: the cutoff, the
    network's leeway, and the quiz's offline window (answers given in time on a device
    without connection may arrive until then). None for an attempt without time limit."""
    cutoff = attempt_cutoff(attempt, quiz)
    if cutoff is None:
        return None
    return cutoff + NETWORK_LEEWAY + quiz.offline_window()


def attempts_close_overdue(*, now=None) -> int:
    """Closes attempts whose time is up, by each quiz's expiry rule (Celery beat)."""
    now = now or timezone.now()
    closed = 0
    candidates = Attempt.objects.filter(
        state=Attempt.State.IN_PROGRESS, deadline__lt=now - NETWORK_LEEWAY
    ).select_related("quiz")
    for attempt in candidates:
        if now > attempt_overdue_at(attempt, attempt.quiz):
            attempt_submit(attempt=attempt, now=now)
            closed += 1
    return closed


# --- Answers queued on a device without connection (issue 19) ---------------------------------

# How far in the server's future a device's press time may be: the page corrects the device's
# clock by the server's, to about a second; beyond this, the claim is refused.
OFFLINE_CLOCK_SKEW = timedelta(minutes=1)


@dataclass(frozen=True)
class OfflineSync:
    attempt: Attempt
    # "accepted"; "replay" (this client id came before: nothing changed); "older" (a save
    # given before the one the server holds for every item: nothing changed); "finished" (a
    # submit for an attempt already sent: nothing changed).
    status: str


class OfflineRefused(QuizError):
    """An answer queued offline that the server does not count, with the learner's message.
    `close`: it arrived after the quiz's offline window, so the attempt is closed now by the
    quiz's expiry rule."""

    def __init__(self, message: str, *, close: bool = False):
        super().__init__(message)
        self.close = close


def _offline_verdict(*, attempt: Attempt, pressed_at, now) -> timedelta | None:
    """Judges an answer queued offline: raises OfflineRefused, or returns how long after the
    cutoff it arrived when the quiz's offline window accepts it (None: it arrived in time)."""
    quiz = attempt.quiz
    if pressed_at > now + OFFLINE_CLOCK_SKEW:
        raise OfflineRefused(
            _(
                "L’heure de cet envoi est dans le futur : vérifiez l’heure du téléphone. "
                "Rien n’a été enregistré."
            )
        )
    if pressed_at < attempt.started_at - OFFLINE_CLOCK_SKEW:
        raise OfflineRefused(
            _("L’heure de cet envoi précède le début de la tentative : rien n’a été enregistré.")
        )
    cutoff = attempt_cutoff(attempt, quiz)
    if cutoff is None or now <= cutoff + NETWORK_LEEWAY:
        return None
    if now > attempt_overdue_at(attempt, quiz):
        window = quiz.offline_window()
        if window:
            message = _(
                "Quiz « %(quiz)s » : vos réponses enregistrées sans connexion sont arrivées "
                "%(delay)s après l’échéance, au-delà des %(hours)d h acceptées. Elles ne sont "
                "pas comptées ; la tentative est close selon la règle du quiz."
            ) % {
                "quiz": quiz.title,
                "delay": delay_label(now - cutoff),
                "hours": window.total_seconds() // 3600,
            }
        else:
            message = _(
                "Quiz « %(quiz)s » : vos réponses enregistrées sans connexion sont arrivées "
                "%(delay)s après l’échéance, et ce quiz n’accepte aucune réponse en retard. "
                "Elles ne sont pas comptées ; la tentative est close selon la règle du quiz."
            ) % {"quiz": quiz.title, "delay": delay_label(now - cutoff)}
        raise OfflineRefused(message, close=True)
    if pressed_at > cutoff + NETWORK_LEEWAY:
        raise OfflineRefused(
            _(
                "Quiz « %(quiz)s » : cette réponse a été donnée après la fin du temps. Elle "
                "n’est pas comptée."
            )
            % {"quiz": quiz.title}
        )
    return now - cutoff


def _offline_receipt(*, attempt: Attempt, client_id, kind: str, pressed_at) -> bool:
    """Records the client id of an answer queued offline; False when it came before (a
    replay: the caller changes nothing). The attempt's row is locked, so a concurrent replay
    waits and finds this receipt."""
    receipt = OfflineReceipt.objects.filter(learner_id=attempt.learner_id, client_id=client_id)
    receipt = receipt.first()
    if receipt is not None:
        if receipt.kind != kind or receipt.object_id != attempt.pk:
            raise OfflineRefused(
                _("Cet envoi porte l’identifiant d’une autre action : il est ignoré.")
            )
        return False
    OfflineReceipt.objects.create(
        learner_id=attempt.learner_id,
        client_id=client_id,
        kind=kind,
        object_id=attempt.pk,
        done_at=pressed_at,
    )
    return True


def _locked(attempt: Attempt) -> Attempt:
    return (
        Attempt.objects.select_for_update(of=("self",))
        .select_related("quiz", "learner")
        .get(pk=attempt.pk)
    )


def _offline_close(attempt: Attempt, now) -> None:
    """An answer arrived after the offline window: the attempt is closed now, by the quiz's
    expiry rule, as the beat would (attempts_close_overdue)."""
    attempt = Attempt.objects.select_related("quiz").get(pk=attempt.pk)
    overdue_at = attempt_overdue_at(attempt, attempt.quiz)
    if attempt.state == Attempt.State.IN_PROGRESS and overdue_at and now > overdue_at:
        attempt_submit(attempt=attempt, now=now)


REPLAY = object()  # _offline_admit: this client id came before


def _offline_admit(*, attempt: Attempt, client_id, kind: str, pressed_at, now):
    """What a save and a submit queued offline share, inside their transaction: the attempt
    locked, the client id recorded once, the press time judged (_offline_verdict, which
    raises OfflineRefused). Returns (the locked attempt, how late or None), or
    (the locked attempt, REPLAY) when this client id came before."""
    attempt = _locked(attempt)
    if not _offline_receipt(
        attempt=attempt, client_id=client_id, kind=kind, pressed_at=min(pressed_at, now)
    ):
        return attempt, REPLAY
    return attempt, _offline_verdict(attempt=attempt, pressed_at=pressed_at, now=now)


@contextmanager
def _offline_closed_on_refusal(attempt: Attempt, now):
    """A refusal that closes the attempt (after the window) closes it by the expiry rule once
    the refused transaction has rolled back, then goes on to the caller."""
    try:
        yield
    except OfflineRefused as refusal:
        if refusal.close:
            _offline_close(attempt, now)
        raise


def _offline_flag(attempt: Attempt, late: timedelta | None) -> None:
    if late is not None and (attempt.offline_delay is None or late > attempt.offline_delay):
        attempt.offline_delay = late
        Attempt.objects.filter(pk=attempt.pk).update(offline_delay=late)


def attempt_save_offline(
    *, attempt: Attempt, responses: dict[int, object], client_id, pressed_at, now=None
) -> OfflineSync:
    """A page's answers saved on a device without connection, sent when it returns, under
    the client id the device gave them and the time the learner pressed the button (on the
    server's clock). The server decides (_offline_verdict): in time, or late but inside the
    quiz's offline window (the attempt is then marked « synchronisée hors ligne »), or
    refused (OfflineRefused; after the window, the attempt is closed by the expiry rule).
    Per item, a save replaces the response only when it was given after the one held, so
    that a delivery out of order changes nothing; a replay changes nothing; a save for a
    finished attempt is refused. A bad response raises grading.ResponseError and nothing
    is stored (no receipt either)."""
    now = now or timezone.now()
    with _offline_closed_on_refusal(attempt, now), transaction.atomic():
        attempt, late = _offline_admit(
            attempt=attempt,
            client_id=client_id,
            kind=OfflineReceipt.Kind.QUIZ_SAVE,
            pressed_at=pressed_at,
            now=now,
        )
        if late is REPLAY:
            return OfflineSync(attempt=attempt, status="replay")
        if attempt.state != Attempt.State.IN_PROGRESS:
            raise OfflineRefused(
                _(
                    "Quiz « %(quiz)s » : la tentative était déjà terminée. Ces réponses "
                    "n’ont rien changé."
                )
                % {"quiz": attempt.quiz.title}
            )
        pressed_at = min(pressed_at, now)
        held = dict(attempt.items.filter(pk__in=list(responses)).values_list("pk", "saved_at"))
        newer = {
            pk: raw
            for pk, raw in responses.items()
            if pk not in held or held[pk] is None or pressed_at > held[pk]
        }
        # attempt_save validates every response (and refuses an item of another attempt);
        # judged at the press time, which the verdict found in time.
        attempt_save(attempt=attempt, responses=newer, now=pressed_at)
        if not newer:
            return OfflineSync(attempt=attempt, status="older")
        _offline_flag(attempt, late)
        return OfflineSync(attempt=attempt, status="accepted")


def attempt_submit_offline(*, attempt: Attempt, client_id, pressed_at, now=None) -> OfflineSync:
    """« Envoyer et terminer » pressed on a device without connection, sent when it returns.
    Judged like a save (_offline_verdict); accepted, the attempt is graded as if sent at the
    press time (so finished then), once, and marked « synchronisée hors ligne » when it
    arrived after the deadline. A replay, or a submit for an attempt already finished,
    changes nothing."""
    now = now or timezone.now()
    with _offline_closed_on_refusal(attempt, now), transaction.atomic():
        attempt, late = _offline_admit(
            attempt=attempt,
            client_id=client_id,
            kind=OfflineReceipt.Kind.QUIZ_SUBMIT,
            pressed_at=pressed_at,
            now=now,
        )
        if late is REPLAY:
            return OfflineSync(attempt=attempt, status="replay")
        if attempt.state != Attempt.State.IN_PROGRESS:
            return OfflineSync(attempt=attempt, status="finished")
        _offline_flag(attempt, late)
        attempt = attempt_submit(attempt=attempt, now=min(pressed_at, now))
        return OfflineSync(attempt=attempt, status="accepted")


def question_review_setup():
    """Idempotent: puts the question bank under the pages' review workflow (« Relecture
    CNDH », made by courses.services.course_tree_setup), so that an editor's question or edit
    reaches quizzes only once a reviewer approves it. Returns the workflow, or None when it
    does not exist yet."""
    from django.contrib.contenttypes.models import ContentType
    from wagtail.models import Workflow, WorkflowContentType

    workflow = Workflow.objects.filter(name=course_services.WORKFLOW_NAME).first()
    if workflow is None:
        return None
    WorkflowContentType.objects.update_or_create(
        content_type=ContentType.objects.get_for_model(Question),
        defaults={"workflow": workflow},
    )
    return workflow
