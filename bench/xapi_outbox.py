"""The xAPI outbox measured against a real LRS (Ralph, as the tests run it):

1. the cost the outbox adds to a learner's request: the receivers of « lesson completed »
   and « attempt graded » (build the statements, one INSERT), timed one by one inside a
   transaction, with their queries counted;
2. 10,000 statements flushed to Ralph by `xapi.services.outbox_flush` (batches of 100):
   statements per second, and Ralph read back (each id once).

Run by hand (never in CI), on PostgreSQL, in a fresh database of its own:

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/kalan_bench_xapi \\
    CELERY_BROKER_URL=redis://127.0.0.1:6379/5 .venv/bin/python bench/xapi_outbox.py [--count 10000]
"""

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BENCH_DIR = ROOT / "var" / "bench-xapi"


def percentile(values, q):
    values = sorted(values)
    return values[min(len(values) - 1, int(q * len(values)))]


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--count", type=int, default=10000)
    parser.add_argument("--samples", type=int, default=500)
    parser.add_argument(
        "--profile",
        action="store_true",
        help="profile the « attempt graded » receiver (cProfile, top 25) and stop there",
    )
    args = parser.parse_args()

    shutil.rmtree(BENCH_DIR / "ralph-run", ignore_errors=True)
    BENCH_DIR.mkdir(parents=True, exist_ok=True)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "lms.settings.dev")
    os.environ["DEBUG"] = "true"
    os.environ["MEDIA_ROOT"] = str(BENCH_DIR / "media")
    sys.path.insert(0, str(ROOT))
    database_url = os.environ["DATABASE_URL"]
    import psycopg

    server, name = database_url.rsplit("/", 1)
    with psycopg.connect(f"{server}/postgres", autocommit=True) as admin:
        admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        admin.execute(f'CREATE DATABASE "{name}"')
    subprocess.run([sys.executable, "manage.py", "migrate", "-v0"], cwd=ROOT, check=True)

    import django

    django.setup()
    from django.conf import settings
    from django.db import connection, transaction
    from django.test.utils import CaptureQueriesContext
    from django.utils import timezone

    from accounts.models import User
    from courses import services as course_services
    from courses.tests.factories import course_build, lessons_of
    from quizzes import services as quiz_services
    from quizzes.tests.factories import question_make, quiz_make
    from xapi import receivers, services, statements
    from xapi.models import OutboxStatement
    from xapi.tests.ralph import KEY, SECRET, Ralph, install

    # 1. The cost per learner request.
    course_services.course_tree_setup()
    course = course_build(title="Banc d’essai xAPI", modules=1, lessons=1, sequential=False)
    lesson = lessons_of(course)[0]
    quiz = quiz_make(
        course, questions=[question_make() for _ in range(10)], title="Quiz", required=False
    )
    learner = User.objects.create_user("B-XAPI", full_name="Agent", password=None)
    enrollment = course_services.enrollment_create(learner=learner, course=course)
    attempt = quiz_services.attempt_submit(
        attempt=quiz_services.attempt_start(learner=learner, quiz=quiz)
    )
    items = list(attempt.items.all())

    class Rollback(Exception):
        pass

    def timed(call):
        durations, queries = [], None
        for _ in range(args.samples):
            try:
                with transaction.atomic():
                    with CaptureQueriesContext(connection) as captured:
                        start = time.perf_counter()
                        call()
                        durations.append((time.perf_counter() - start) * 1000)
                    queries = [q["sql"].split(" ")[0] for q in captured]
                    raise Rollback  # the same fact each time: nothing kept
            except Rollback:
                pass
        return durations, Counter(queries)

    for label, call in (
        (
            "lesson completed (1 statement)",
            lambda: receivers.on_lesson_completed(
                None, learner=learner, lesson=lesson, enrollment=enrollment
            ),
        ),
        (
            f"attempt graded ({len(items) + 1} statements)",
            lambda: receivers.on_attempt_graded(None, attempt=attempt, items=items),
        ),
    ):
        durations, queries = timed(call)
        print(
            f"{label}: median {statistics.median(durations):.3f} ms, "
            f"p95 {percentile(durations, 0.95):.3f} ms over {args.samples}; "
            f"queries {dict(queries)}"
        )

    if args.profile:
        import cProfile
        import pstats

        profiler = cProfile.Profile()
        try:
            with transaction.atomic():
                profiler.enable()
                for _ in range(args.samples):
                    receivers.on_attempt_graded(None, attempt=attempt, items=items)
                    OutboxStatement.objects.all().delete()
                profiler.disable()
                raise Rollback
        except Rollback:
            pass
        pstats.Stats(profiler).sort_stats("cumulative").print_stats(25)
        return

    # 2. Throughput to Ralph.
    OutboxStatement.objects.all().delete()
    now = timezone.now()
    items = [
        statements.build(
            f"bench:{n}",
            verb_name="registered",
            user_id=n,
            obj=statements.activity(course, statements.COURSE),
            moment=now,
        )
        for n in range(args.count)
    ]
    for start in range(0, len(items), 1000):
        services.outbox_add(items[start : start + 1000])
    venv = install(ROOT / "var" / "test" / "ralph")
    ralph = Ralph(venv, BENCH_DIR / "ralph-run")
    ralph.start()
    try:
        settings.XAPI_LRS_URL = ralph.xapi_url
        settings.XAPI_LRS_KEY, settings.XAPI_LRS_SECRET = KEY, SECRET
        start = time.perf_counter()
        report = services.outbox_flush(batch_size=100, budget_seconds=3600)
        elapsed = time.perf_counter() - start
        print(
            f"flushed {report.sent} statements ({report.failed} failed) in {elapsed:.1f} s: "
            f"{report.sent / elapsed:.0f} statements/s"
        )
        counts = Counter(s["id"] for s in ralph.statements())
        ours = {s["id"] for _verb, s in items}
        print(
            f"Ralph holds {sum(1 for i in ours if counts[i] == 1)} of {len(ours)} once, "
            f"{sum(1 for i in ours if counts[i] > 1)} twice or more"
        )
    finally:
        ralph.stop()


if __name__ == "__main__":
    main()
