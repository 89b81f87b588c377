"""The workshops' facts as xAPI statements (issue 21), written to xapi's outbox in the fact's
transaction. Nothing of ours imports workshops, so workshops fills the outbox itself:
`WorkshopsConfig.ready()` connects these receivers when the `xapi` app is installed.

- attended: a participant marked present or late at a session (a half-day). The object is
  the session, a meeting, as an anchor of the workshop's page; the workshop is the parent.
  The statement's id names the moment the attendance began, so a roll call saved again
  changes nothing, a correction to absent voids that statement, and present again later is a
  new one.
- scored: a paper test's score entered by a trainer, who is the context's instructor. A
  corrected score is a new statement (the LRS keeps the history; the latest is the score).
Tests taken on phones are quiz attempts, recorded by the quizzes' own statements."""

from django.urls import reverse

from xapi import services as outbox
from xapi import statements as xs

from .models import TestResult


def workshop_activity(workshop) -> dict:
    return {
        "objectType": "Activity",
        "id": xs.site_url() + reverse("workshops:workshop", args=[workshop.pk]),
        "definition": {
            "type": xs.COURSE,
            "name": xs.names(f"Atelier : {workshop.title}", f"Workshop: {workshop.title}"),
        },
    }


def session_activity(session) -> dict:
    workshop = session.workshop
    day = session.date.isoformat()
    return {
        "objectType": "Activity",
        "id": xs.site_url()
        + reverse("workshops:workshop", args=[workshop.pk])
        + f"#seance-{session.pk}",
        "definition": {
            "type": xs.MEETING,
            "name": xs.names(
                f"{workshop.title}, {day}, {session.get_part_display()}",
                f"{workshop.title}, {day}, {session.part}",
            ),
        },
    }


def _attended_key(session_id: int, participant_id: int, since) -> str:
    return f"workshop-attended:{session_id}:{participant_id}:{since.isoformat()}"


def on_attendance_changed(sender, session, changes, moment, **kwargs):
    learners = dict(
        session.workshop.participants.registered()
        .filter(pk__in=[change.participant_id for change in changes])
        .values_list("pk", "learner_id")
    )
    items = []
    for change in changes:
        if change.was_since is not None:
            key = _attended_key(session.pk, change.participant_id, change.was_since)
            items.append(
                xs.build(
                    key + ":voided",
                    verb_name="voided",
                    user_id=None,
                    agent=xs.platform_agent(),
                    obj={"objectType": "StatementRef", "id": str(xs.statement_id(key))},
                    moment=moment,
                )
            )
        if change.since is not None:
            items.append(
                xs.build(
                    _attended_key(session.pk, change.participant_id, change.since),
                    verb_name="attended",
                    user_id=learners[change.participant_id],
                    obj=session_activity(session),
                    moment=change.since,
                    ctx=xs.context(parent=workshop_activity(session.workshop)),
                )
            )
    outbox.outbox_add(items)


def on_paper_result_entered(sender, result: TestResult, **kwargs):
    participant = result.participant
    workshop = participant.workshop
    quiz = workshop.pre_test if result.kind == TestResult.Kind.PRE else workshop.post_test
    label = result.get_kind_display()
    if quiz is not None:
        obj = xs.activity(quiz, xs.ASSESSMENT)
    else:
        obj = {
            "objectType": "Activity",
            "id": workshop_activity(workshop)["id"] + f"#{result.kind}-test",
            "definition": {
                "type": xs.ASSESSMENT,
                "name": xs.names(f"{label} : {workshop.title}", f"{result.kind}-test"),
            },
        }
    ctx = xs.context(parent=workshop_activity(workshop))
    if result.entered_by_id is not None:
        ctx["instructor"] = xs.actor(result.entered_by_id)
    outbox.outbox_add(
        [
            xs.build(
                f"workshop-paper:{result.pk}:{result.entered_at.isoformat()}",
                verb_name="scored",
                user_id=participant.learner_id,
                obj=obj,
                moment=result.entered_at,
                result={"score": xs.score(raw=result.percent, maximum=100)},
                ctx=ctx,
            )
        ]
    )
