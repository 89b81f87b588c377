"""Server time and SQL queries of each request a learner makes to take a quiz: sign-in, start,
question page, save, summary, submit and review. The load benchmark (bench/load/) shows how
these requests queue up under load; this one shows what each costs alone, so that a change
to one of them can be measured in a minute. Run by hand on the demo database (after
`make run` or `load_demo`), preferably on PostgreSQL:

    DATABASE_URL=postgres://… .venv/bin/python bench/quiz_requests.py [--runs 30]

The quiz is built like the load benchmark's: 5 questions from the demo bank (single,
true/false, multiple, matching, short), one per page. Times are measured around Django's test
client, so they include the middleware, the session, the templates and the password hash,
not the network nor TLS. DEBUG is off, as in production. Everything created is rolled back at
the end."""

import argparse
import cProfile
import os
import pstats
import statistics
import sys
import time
import uuid
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "lms.settings.dev")

import django

django.setup()

from django.conf import settings  # noqa: E402
from django.contrib.auth.hashers import make_password  # noqa: E402
from django.db import connection, transaction  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402
from django.urls import reverse  # noqa: E402

from accounts.models import User  # noqa: E402
from courses import services as course_services  # noqa: E402
from courses.models import ModulePage  # noqa: E402
from quizzes import grading  # noqa: E402
from quizzes.models import Attempt, Question, QuizPage, QuizSlot  # noqa: E402
from quizzes.types import item_field, question_type  # noqa: E402

PASSWORD = "kalan-bench-2026"  # noqa: S105 (rolled back at the end)
QUESTION_TYPES = ["single", "truefalse", "multiple", "matching", "short"]
STEPS = ["sign in", "quiz: start", "quiz: page", "quiz: save", "summary", "submit", "review"]


class Rollback(Exception):
    pass


class Meter:
    def __init__(self, profile: str | None = None, sql: str | None = None):
        # --profile STEP: that step's requests run under cProfile, printed at the end.
        self.profile_step = profile
        # --sql STEP: the statements of that step's last request, printed at the end.
        self.sql_step = sql
        self.sql: list[tuple[float, str]] = []
        self.profiler = cProfile.Profile() if profile else None
        self.wall: dict[str, list[float]] = {s: [] for s in STEPS}
        self.cpu: dict[str, list[float]] = {s: [] for s in STEPS}
        self.queries: dict[str, list[int]] = {s: [] for s in STEPS}

    def call(self, step, method, url, data=None, *, client, expect=(200, 302)):
        timed: list[tuple[float, str]] = []

        def timer(execute, sql, params, many, context):
            # Django's captured queries round their time to the millisecond: time them here.
            start = time.perf_counter()
            try:
                return execute(sql, params, many, context)
            finally:
                timed.append(((time.perf_counter() - start) * 1000, sql))

        with CaptureQueriesContext(connection) as ctx, connection.execute_wrapper(timer):
            profiling = self.profiler is not None and step == self.profile_step
            wall, cpu = time.perf_counter(), time.process_time()
            if profiling:
                self.profiler.enable()
            response = getattr(client, method)(url, data or {})
            if profiling:
                self.profiler.disable()
            cpu = time.process_time() - cpu
            wall = time.perf_counter() - wall
        if response.status_code not in expect:
            sys.exit(f"{step}: {method.upper()} {url} answered {response.status_code}")
        self.wall[step].append(wall * 1000)
        self.cpu[step].append(cpu * 1000)
        self.queries[step].append(len(ctx))
        if step == self.sql_step:
            self.sql = timed
        return response

    def print(self):
        print(f"{'request':<12} {'queries':>8} {'median ms':>10} {'p95 ms':>8} {'CPU ms':>7}")
        for step in STEPS:
            wall = sorted(self.wall[step])
            p95 = wall[max(0, round(len(wall) * 0.95) - 1)]
            queries = sorted(set(self.queries[step]))
            shown = str(queries[0]) if len(queries) == 1 else f"{queries[0]}–{queries[-1]}"
            print(
                f"{step:<12} {shown:>8} {statistics.median(wall):>10.1f} {p95:>8.1f} "
                f"{statistics.median(self.cpu[step]):>7.1f}"
            )
        if self.profiler is not None:
            print(f"\n{self.profile_step} under cProfile (the project's functions, cumulative):")
            stats = pstats.Stats(self.profiler, stream=sys.stdout).sort_stats("cumulative")
            stats.print_stats(r"/(accounts|courses|quizzes|certificates|xapi|lms|workshops)/", 40)
        if self.sql:
            print(f"\n{self.sql_step}: the statements of its last request (ms, SQL)")
            for ms, sql in self.sql:
                print(f"{ms:6.2f}  {sql[:300]}")
            print(f"{sum(ms for ms, _ in self.sql):6.2f}  in all")


def bench_quiz(module: ModulePage) -> QuizPage:
    questions = []
    for kind in QUESTION_TYPES:
        question = Question.objects.filter(question_type=kind).order_by("pk").first()
        if question is None:
            sys.exit(f"The demo bank has no {kind} question: run `manage.py load_demo` first.")
        questions.append(question)
    quiz = QuizPage(
        title="Banc d'essai des requêtes",
        attempts_allowed=0,
        delay_minutes=0,
        time_limit_minutes=0,
        questions_per_page=1,
        review_after=["score", "correctness", "answer", "feedback"],
    )
    quiz.slots = [QuizSlot(question=q, sort_order=i) for i, q in enumerate(questions)]
    module.add_child(instance=quiz)
    quiz.save_revision().publish()
    return quiz


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=30)
    parser.add_argument("--profile", choices=STEPS, help="profile this step's requests")
    parser.add_argument("--sql", choices=STEPS, help="print the statements of this step")
    parser.add_argument("--profile-out", help="with --profile: also write the profile to this file")
    args = parser.parse_args()
    settings.ALLOWED_HOSTS = ["*"]
    # As in production: with DEBUG on, Django keeps every query and templates report more,
    # which adds about a third to these requests (start: 18 ms of CPU instead of 13-14).
    settings.DEBUG = False
    print(
        f"database: {connection.vendor}; password hasher: {settings.PASSWORD_HASHERS[0]}; "
        f"DEBUG off; {args.runs} attempts"
    )
    meter = Meter(args.profile, args.sql)
    try:
        with transaction.atomic():
            module = ModulePage.objects.live().order_by("path").first()
            course = module.get_parent().specific
            quiz = bench_quiz(module)
            learner = User.objects.get(matricule="OPJ-0004")
            learner.password = make_password(PASSWORD)
            learner.save(update_fields=["password"])
            course_services.enrollment_create(learner=learner, course=course)
            client = Client()
            for _ in range(args.runs):
                client.logout()
                meter.call(
                    "sign in",
                    "post",
                    reverse("accounts:login"),
                    {"username": learner.matricule, "password": PASSWORD},
                    client=client,
                    expect=(302,),
                )
                meter.call("quiz: start", "post", reverse("quizzes:start", args=[quiz.pk]),
                           client=client, expect=(302,))  # fmt: skip
                attempt = Attempt.objects.filter(learner=learner, quiz=quiz).latest("number")
                for item in attempt.items.order_by("position"):
                    page_url = reverse("quizzes:attempt_page", args=[attempt.pk, item.page_number])
                    meter.call("quiz: page", "get", page_url, client=client)
                    data = {"save_id": uuid.uuid4().hex, "nav": "next"}
                    data.update(_answer(item))
                    meter.call("quiz: save", "post", page_url, data, client=client, expect=(302,))
                meter.call("summary", "get", reverse("quizzes:attempt_summary", args=[attempt.pk]),
                           client=client)  # fmt: skip
                meter.call("submit", "post", reverse("quizzes:attempt_submit", args=[attempt.pk]),
                           client=client, expect=(302,))  # fmt: skip
                meter.call("review", "get", reverse("quizzes:attempt_review", args=[attempt.pk]),
                           client=client)  # fmt: skip
            raise Rollback
    except Rollback:
        pass
    meter.print()
    if args.profile_out and meter.profiler is not None:
        meter.profiler.dump_stats(args.profile_out)
        print(f"(profile written to {args.profile_out}: python -m pstats {args.profile_out})")
    print("(everything created was rolled back)")


def _answer(item) -> dict:
    """The right answer, in the form fields the page shows (tokens, not real ids)."""
    response = grading.correct_response(item.snapshot)
    found = question_type(item.snapshot["type"])
    return found.to_post(item_field(item), response, item.display_order)


if __name__ == "__main__":
    main()
