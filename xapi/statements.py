"""xAPI 1.0.3 statements built from Kalan's facts, at the moment of the fact.

Each statement's id is a UUID5 of the event (« enrolled:<enrollment id> »…) in a namespace
of the site, so a replay of the same fact has the same id and the LRS keeps it once. The
actor is an account on the site whose name is an HMAC of the user's id: never a name, an
email or a matricule (Mali's personal data law 2013-015). Activity ids are the pages' public
URLs. Statement examples: README.md, « xAPI »."""

import hashlib
import hmac
import uuid
from datetime import timedelta
from decimal import Decimal

from django.conf import settings
from django.utils import timezone
from django.utils.duration import duration_iso_string

PLATFORM = "Kalan"
LANGUAGE = "fr-FR"

VERBS = {
    "registered": ("http://adlnet.gov/expapi/verbs/registered", "a rejoint", "registered"),
    "completed": ("http://adlnet.gov/expapi/verbs/completed", "a terminé", "completed"),
    "attempted": ("http://adlnet.gov/expapi/verbs/attempted", "a commencé", "attempted"),
    "answered": ("http://adlnet.gov/expapi/verbs/answered", "a répondu à", "answered"),
    "passed": ("http://adlnet.gov/expapi/verbs/passed", "a réussi", "passed"),
    "failed": ("http://adlnet.gov/expapi/verbs/failed", "n’a pas réussi", "failed"),
    "earned": ("http://id.tincanapi.com/verb/earned", "a obtenu", "earned"),
    "attended": ("http://adlnet.gov/expapi/verbs/attended", "a assisté à", "attended"),
    "scored": ("http://adlnet.gov/expapi/verbs/scored", "a obtenu la note", "scored"),
    "voided": ("http://adlnet.gov/expapi/verbs/voided", "a annulé", "voided"),
}

COURSE = "http://adlnet.gov/expapi/activities/course"
LESSON = "http://adlnet.gov/expapi/activities/lesson"
ASSESSMENT = "http://adlnet.gov/expapi/activities/assessment"
QUESTION = "http://adlnet.gov/expapi/activities/question"
MEETING = "http://adlnet.gov/expapi/activities/meeting"
# The certificate is an Open Badges 3.0 credential (certificates/openbadges/).
BADGE = "http://id.tincanapi.com/activitytype/badge"


def site_url() -> str:
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/")


def statement_id(key: str) -> uuid.UUID:
    """The stable id of an event's statement. The namespace is the site's, so that two Kalan
    instances (a staging and a production) writing to one LRS never collide."""
    namespace = uuid.uuid5(uuid.NAMESPACE_URL, site_url() + "/xapi")
    return uuid.uuid5(namespace, key)


def actor_name(user_id: int) -> str:
    secret = settings.XAPI_ACTOR_SECRET.encode()
    return hmac.new(secret, f"user:{user_id}".encode(), hashlib.sha256).hexdigest()[:32]


def actor(user_id: int) -> dict:
    return {
        "objectType": "Agent",
        "account": {"homePage": site_url() + "/", "name": actor_name(user_id)},
    }


def platform_agent() -> dict:
    """The platform itself, actor of what an administrator decides (a revocation)."""
    return {"objectType": "Agent", "account": {"homePage": site_url() + "/", "name": "kalan"}}


def page_url(page) -> str:
    """The page's public URL, absolute on the site's base URL."""
    parts = page.get_url_parts()
    path = parts[2] if parts else f"/pages/{page.pk}/"
    return site_url() + path


def names(french: str, english: str | None = None) -> dict:
    # The courses are written in French only: en-US carries the French title until they are
    # translated, so that an English-language LRS view shows a name rather than nothing.
    return {"fr-FR": french, "en-US": english or french}


def activity(page, activity_type: str, *, url: str | None = None, name: dict | None = None):
    return {
        "objectType": "Activity",
        "id": url or page_url(page),
        "definition": {"type": activity_type, "name": name or names(page.title)},
    }


def verb(name: str) -> dict:
    iri, french, english = VERBS[name]
    return {"id": iri, "display": {"fr-FR": french, "en-US": english}}


def context(course=None, *, parent=None, grouping=None) -> dict:
    result = {"platform": PLATFORM, "language": LANGUAGE}
    activities = {}
    if parent is not None or course is not None:
        activities["parent"] = [parent or activity(course, COURSE)]
    if grouping is not None:
        activities["grouping"] = [grouping]
    if activities:
        result["contextActivities"] = activities
    return result


def timestamp(moment) -> str:
    return (moment or timezone.now()).isoformat()


def duration(start, end) -> str | None:
    if start is None or end is None or end < start:
        return None
    # Hundredths of a second, as xAPI keeps them.
    return duration_iso_string(timedelta(seconds=round((end - start).total_seconds(), 2)))


def score(*, raw, maximum, scaled=None) -> dict:
    maximum = Decimal(str(maximum or 0))
    raw = Decimal(str(raw or 0))
    if scaled is None:
        scaled = raw / maximum if maximum else Decimal(0)
    return {
        "scaled": float(round(min(max(Decimal(str(scaled)), Decimal(0)), Decimal(1)), 4)),
        "raw": float(round(raw, 4)),
        "min": 0.0,
        "max": float(round(maximum, 4)),
    }


def build(key, *, verb_name, user_id, obj, moment, result=None, ctx=None, agent=None):
    """(verb, statement) for the outbox."""
    statement = {
        "id": str(statement_id(key)),
        "actor": agent or actor(user_id),
        "verb": verb(verb_name),
        "object": obj,
        "timestamp": timestamp(moment),
    }
    if result:
        statement["result"] = {k: v for k, v in result.items() if v is not None}
    if ctx:
        statement["context"] = ctx
    return verb_name, statement


# One function per fact. Each returns the list of (verb, statement) the fact produces.


def enrolled(enrollment) -> list:
    return [
        build(
            f"enrolled:{enrollment.pk}",
            verb_name="registered",
            user_id=enrollment.learner_id,
            obj=activity(enrollment.course, COURSE),
            moment=enrollment.enrolled_at,
            ctx=context(),
        )
    ]


def lesson_completed(*, learner_id, lesson, course) -> list:
    return [
        build(
            f"lesson-completed:{learner_id}:{lesson.pk}",
            verb_name="completed",
            user_id=learner_id,
            obj=activity(lesson, LESSON),
            moment=timezone.now(),
            result={"completion": True},
            ctx=context(course),
        )
    ]


def course_completed(enrollment) -> list:
    start = enrollment.started_at or enrollment.enrolled_at
    return [
        build(
            f"course-completed:{enrollment.pk}",
            verb_name="completed",
            user_id=enrollment.learner_id,
            obj=activity(enrollment.course, COURSE),
            moment=enrollment.completed_at,
            result={"completion": True, "duration": duration(start, enrollment.completed_at)},
            ctx=context(),
        )
    ]


def attempt_started(*, attempt, course) -> list:
    return [
        build(
            f"attempt-started:{attempt.pk}",
            verb_name="attempted",
            user_id=attempt.learner_id,
            obj=activity(attempt.quiz, ASSESSMENT),
            moment=attempt.started_at,
            ctx=context(course),
        )
    ]


def attempt_graded(*, attempt, items, course) -> list:
    """One « answered » per question, then « passed » or « failed » for the quiz."""
    quiz = attempt.quiz
    quiz_activity = activity(quiz, ASSESSMENT)
    course_activity = activity(course, COURSE)
    statements = []
    for item in items:
        snapshot = item.snapshot
        statements.append(
            build(
                f"attempt-answered:{attempt.pk}:{item.position}",
                verb_name="answered",
                user_id=attempt.learner_id,
                obj=activity(
                    None,
                    QUESTION,
                    url=f"{quiz_activity['id']}#question-{snapshot.get('question_id')}",
                    name=names(snapshot.get("name") or quiz.title),
                ),
                moment=attempt.finished_at,
                result={
                    "score": score(
                        raw=item.score, maximum=snapshot.get("max_score"), scaled=item.fraction
                    ),
                    "success": item.state == "correct",
                    "completion": item.state != "unanswered",
                },
                ctx=context(parent=quiz_activity, grouping=course_activity),
            )
        )
    statements.append(
        build(
            f"attempt-graded:{attempt.pk}",
            verb_name="passed" if attempt.passed else "failed",
            user_id=attempt.learner_id,
            obj=quiz_activity,
            moment=attempt.finished_at,
            result={
                "score": score(
                    raw=attempt.score,
                    maximum=attempt.max_score,
                    scaled=(attempt.percent or 0) / 100,
                ),
                "success": bool(attempt.passed),
                "completion": True,
                "duration": duration(attempt.started_at, attempt.finished_at),
            },
            ctx=context(parent=course_activity),
        )
    )
    return statements


def certificate_activity(certificate) -> dict:
    course = certificate.course
    return activity(
        course,
        BADGE,
        url=page_url(course) + "#attestation",
        name=names(
            f"Attestation : {certificate.course_title}", f"Certificate: {certificate.course_title}"
        ),
    )


def certificate_issued(certificate) -> list:
    result = None
    if certificate.score_percent is not None:
        result = {
            "score": score(
                raw=certificate.score_percent,
                maximum=100,
                scaled=certificate.score_percent / 100,
            )
        }
    return [
        build(
            f"certificate-issued:{certificate.pk}",
            verb_name="earned",
            user_id=certificate.learner_id,
            obj=certificate_activity(certificate),
            moment=certificate.issued_at,
            result=result,
            ctx=context(certificate.course),
        )
    ]


def certificate_revoked(certificate) -> list:
    """A revocation voids the « earned » statement (xAPI's own way of taking one back)."""
    return [
        build(
            f"certificate-revoked:{certificate.pk}",
            verb_name="voided",
            user_id=None,
            agent=platform_agent(),
            obj={
                "objectType": "StatementRef",
                "id": str(statement_id(f"certificate-issued:{certificate.pk}")),
            },
            moment=certificate.revoked_at,
        )
    ]
