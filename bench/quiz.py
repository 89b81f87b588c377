"""Quiz engine figures: time to start and to grade a 50-question attempt, and SQL queries for
a quiz page and for a submit. Run by hand on the demo database (after `make run` or `load_demo`):

    .venv/bin/python bench/quiz.py

Everything it creates is rolled back at the end."""

import os
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "lms.settings.dev")

import django

django.setup()

from django.conf import settings  # noqa: E402
from django.db import connection, transaction  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402
from django.urls import reverse  # noqa: E402

from accounts.models import User  # noqa: E402
from courses import services as course_services  # noqa: E402
from courses.models import ModulePage  # noqa: E402
from quizzes import grading, services  # noqa: E402
from quizzes.models import Question, QuizPage, QuizSlot  # noqa: E402


class Rollback(Exception):
    pass


def main():
    settings.ALLOWED_HOSTS = ["*"]
    questions = list(Question.objects.order_by("pk")[:50])
    if len(questions) < 50:
        sys.exit("Il faut au moins 50 questions : lancez d'abord `manage.py load_demo`.")
    learner = User.objects.get(matricule="OPJ-0004")
    try:
        with transaction.atomic():
            module = ModulePage.objects.live().first()
            course = module.get_parent().specific
            course_services.enrollment_create(learner=learner, course=course)
            quiz = QuizPage(
                title="Banc d'essai 50 questions",
                questions_per_page=1,
                attempts_allowed=0,
                shuffle_questions=True,
            )
            quiz.slots = [QuizSlot(question=q, sort_order=i) for i, q in enumerate(questions)]
            module.add_child(instance=quiz)
            starts = _starts(learner, quiz)
            print(
                f"Start of a 50-question attempt (service, snapshots cached after the first): "
                f"{starts['queries']} SQL queries, median {statistics.median(starts['wall']):.1f}"
                f" ms (CPU {statistics.median(starts['cpu']):.1f} ms) over {len(starts['wall'])}"
                f" starts; first start {starts['first']:.1f} ms"
            )
            attempt = services.attempt_start(learner=learner, quiz=quiz)
            items = list(attempt.items.all())
            for item in items:
                item.response = grading.correct_response(item.snapshot)
                item.save(update_fields=["response"])

            runs = []
            for _ in range(200):
                start = time.perf_counter()
                for item in items:
                    grading.grade(item.snapshot, item.response)
                runs.append((time.perf_counter() - start) * 1000)
            print(
                f"Grading a 50-question attempt (pure): median {statistics.median(runs):.2f} ms, "
                f"p95 {sorted(runs)[189]:.2f} ms over 200 runs"
            )

            client = Client()
            client.force_login(learner)
            url = reverse("quizzes:attempt_page", args=[attempt.pk, 1])
            client.get(url)
            with CaptureQueriesContext(connection) as ctx:
                response = client.get(url)
            print(
                f"Quiz question page (GET): {len(ctx)} SQL queries, status {response.status_code}"
            )
            single = next(i for i in items if i.snapshot["type"] in ("single", "truefalse"))
            right = grading.correct_response(single.snapshot)["choice"]
            token = next(t for t, real in single.display_order if real == right)
            page_url = reverse("quizzes:attempt_page", args=[attempt.pk, single.page_number])
            with CaptureQueriesContext(connection) as ctx:
                client.post(page_url, {f"q{single.pk}": token, "nav": "next", "save_id": "b1"})
            print(f"Answer save (POST, one question): {len(ctx)} SQL queries")
            start = time.perf_counter()
            with CaptureQueriesContext(connection) as ctx:
                attempt = services.attempt_submit(attempt=attempt)
            elapsed = (time.perf_counter() - start) * 1000
            print(
                f"Submit of 50 questions: {len(ctx)} SQL queries, {elapsed:.1f} ms, "
                f"score {attempt.percent:.1f} %"
            )
            raise Rollback
    except Rollback:
        print("(everything created was rolled back)")


def _starts(learner, quiz, runs=30) -> dict:
    """Starts `runs` attempts in a row (each marked finished before the next, outside the
    measure), from a quiz read afresh as a request would."""
    from quizzes.models import Attempt

    figures = {"wall": [], "cpu": [], "queries": 0, "first": 0.0}
    for run in range(runs + 1):
        fresh = QuizPage.objects.get(pk=quiz.pk)
        with CaptureQueriesContext(connection) as ctx:
            wall, cpu = time.perf_counter(), time.process_time()
            attempt = services.attempt_start(learner=learner, quiz=fresh)
            cpu, wall = time.process_time() - cpu, time.perf_counter() - wall
        Attempt.objects.filter(pk=attempt.pk).update(state=Attempt.State.FINISHED)
        if run == 0:
            figures["first"] = wall * 1000
            continue
        figures["wall"].append(wall * 1000)
        figures["cpu"].append(cpu * 1000)
        figures["queries"] = len(ctx)
    Attempt.objects.filter(learner=learner, quiz=quiz).delete()
    return figures


if __name__ == "__main__":
    main()
