"""After a load run: are the database's attempts, grades, enrollments and certificates what
the run should have left? Started by bench/load/run.sh with the application's environment:

    .venv/bin/python bench/load/check.py --fixture …/fixture.json --state …/u300_state.json

Prints one OK or FAIL line per check, and exits 1 if any check failed:
- every finished attempt has a score and a percent;
- one grade per learner and quiz (QuizGrade is unique), equal to the best finished attempt
  (the bench quiz grades by the highest), for every learner with a finished attempt;
- attempts still in progress: each one must be among those the locust run left unfinished
  when it stopped (started, not submitted); any other one is stuck;
- enrollments: completed exactly when both lessons are done and the quiz is passed;
- certificates: every completed enrollment has exactly one valid certificate with its PDF,
  and no other enrollment has one. The Celery worker may still be busy when the run stops,
  so this check polls for up to --wait seconds (120 by default)."""

import argparse
import json
import os
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent.parent


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--fixture", required=True)
    parser.add_argument("--state", required=True, help="the locust run's state (JSON)")
    parser.add_argument("--wait", type=float, default=120)
    args = parser.parse_args()

    sys.path.insert(0, str(ROOT))
    os.chdir(ROOT)
    import django

    django.setup()
    from django.db.models import Count, Max

    from certificates.models import Certificate
    from courses.models import Enrollment, LessonCompletion
    from quizzes.models import Attempt, QuizGrade

    fixture = json.loads(Path(args.fixture).read_text())
    state_path = Path(args.state)
    state = json.loads(state_path.read_text()) if state_path.exists() else {}
    if not state:
        print(f"FAIL no locust state in {state_path}: in-progress attempts cannot be judged")
    course_id, quiz_id = fixture["course_id"], fixture["quiz"]["id"]
    lesson_ids = {lesson["id"] for lesson in fixture["lessons"]}
    failures = 0

    def report(ok: bool, text: str):
        nonlocal failures
        failures += not ok
        print(f"{'OK  ' if ok else 'FAIL'} {text}")

    attempts = Attempt.objects.filter(quiz_id=quiz_id)
    by_state = dict(attempts.values_list("state").annotate(n=Count("pk")))
    finished = attempts.filter(state=Attempt.State.FINISHED)
    unscored = list(finished.filter(score__isnull=True).values_list("pk", flat=True)) + list(
        finished.filter(percent__isnull=True).values_list("pk", flat=True)
    )
    report(
        not unscored,
        f"finished attempts with a score and a percent: {finished.count() - len(set(unscored))}"
        f" of {finished.count()}"
        + (f" (unscored: {sorted(set(unscored))[:20]})" if unscored else ""),
    )
    passed_attempts = finished.filter(passed=True).count()
    print(
        f"     attempts by state: {by_state}; passed {passed_attempts}, "
        f"failed {finished.count() - passed_attempts}"
    )

    grades = QuizGrade.objects.filter(quiz_id=quiz_id)
    duplicated = list(
        grades.values("learner_id")
        .annotate(n=Count("pk"))
        .filter(n__gt=1)
        .values_list("learner_id", flat=True)
    )
    best = dict(
        finished.values("learner_id")
        .annotate(best=Max("percent"))
        .values_list("learner_id", "best")
    )
    graded = dict(grades.values_list("learner_id", "percent"))
    missing = sorted(set(best) - set(graded))
    extra = sorted(set(graded) - set(best))
    wrong = sorted(pk for pk in set(best) & set(graded) if best[pk] != graded[pk])
    report(
        not (duplicated or missing or extra or wrong),
        f"one grade per learner with a finished attempt: {len(graded)} grades for {len(best)} "
        f"learners; duplicated {len(duplicated)}, missing {len(missing)}, without attempt "
        f"{len(extra)}, not the best attempt {len(wrong)}",
    )

    in_progress = dict(
        attempts.filter(state=Attempt.State.IN_PROGRESS).values_list("pk", "learner__matricule")
    )
    left_open = {int(pk) for pk in state.get("open_attempts", {})}
    in_flight = set(state.get("starts_in_flight", []))
    by_start_in_flight = {
        pk for pk, m in in_progress.items() if pk not in left_open and m in in_flight
    }
    stuck = sorted(set(in_progress) - left_open - by_start_in_flight)
    report(
        not stuck,
        f"attempts in progress: {len(in_progress)}, all left unfinished by the run when it "
        f"stopped: {len(in_progress) - len(by_start_in_flight)} started and not submitted "
        f"(the run had {len(left_open)} such, {len(left_open - set(in_progress))} submitted as "
        f"it stopped), {len(by_start_in_flight)} made by a start still waiting for its answer "
        f"({len(in_flight)} starts in flight)"
        if not stuck
        else f"attempts in progress: {len(in_progress)}, of which {len(stuck)} neither left "
        f"open by the run nor made by a start in flight (stuck): {stuck[:20]}",
    )

    done_lessons: dict[int, set[int]] = {}
    for learner_id, lesson_id in LessonCompletion.objects.filter(course_id=course_id).values_list(
        "learner_id", "lesson_id"
    ):
        done_lessons.setdefault(learner_id, set()).add(lesson_id)
    passed = set(grades.filter(passed=True).values_list("learner_id", flat=True))
    should_complete = {
        learner for learner, lessons in done_lessons.items() if lessons >= lesson_ids
    } & passed
    enrollments = Enrollment.objects.filter(course_id=course_id)
    completed = set(enrollments.completed().values_list("learner_id", flat=True))
    report(
        completed == should_complete,
        f"completed enrollments: {len(completed)}, learners with both lessons done and the "
        f"quiz passed: {len(should_complete)}"
        + (
            f" (completed without the rule: {sorted(completed - should_complete)[:10]}, "
            f"rule met but not completed: {sorted(should_complete - completed)[:10]})"
            if completed != should_complete
            else ""
        ),
    )
    print(
        f"     lessons marked done: {sum(len(v) for v in done_lessons.values())}; learners "
        f"with both lessons done: {sum(1 for v in done_lessons.values() if v >= lesson_ids)}"
    )

    start = time.monotonic()
    while True:
        valid = Certificate.objects.valid().filter(course_id=course_id)
        per_learner = dict(
            valid.values("learner_id").annotate(n=Count("pk")).values_list("learner_id", "n")
        )
        with_pdf = set(valid.exclude(pdf_sha256="").values_list("learner_id", flat=True))
        duplicates = sorted(pk for pk, n in per_learner.items() if n > 1)
        missing = sorted(completed - with_pdf)
        unexpected = sorted(set(per_learner) - completed)
        waited = time.monotonic() - start
        if (not missing and not duplicates and not unexpected) or waited >= args.wait:
            break
        time.sleep(2)
    ok = not (missing or duplicates or unexpected)
    report(
        ok,
        f"certificates: {len(with_pdf & completed)} valid with their PDF for {len(completed)} "
        f"completed enrollments after waiting {waited:.0f} s; missing {len(missing)}, "
        f"duplicated {len(duplicates)}, for an enrollment not completed {len(unexpected)}",
    )
    print("checker:", "OK" if not failures else f"FAIL ({failures} check(s) failed)")
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
