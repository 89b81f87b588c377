"""Certificates under fire: N completions, 2 worker processes, workers killed with SIGKILL at
random, and at the end exactly N valid certificates, each with a readable PDF.

Run by hand (never in CI); it uses its own database and embedded Redis under var/bench-kill/:

    .venv/bin/python bench/certificates_kill.py [--count 200] [--kills 4]
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/kalan_bench \\
    CELERY_BROKER_URL=redis://127.0.0.1:6379/5 .venv/bin/python bench/certificates_kill.py

A message taken by a worker that dies is delivered again by the broker (Redis: after the
visibility timeout) or found by the sweep; the bench calls the
sweep itself with a zero delay once the queue is drained, as beat would after 10 minutes."""

import argparse
import io
import os
import random
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BENCH_DIR = ROOT / "var" / "bench-kill"


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--count", type=int, default=200)
    parser.add_argument("--kills", type=int, default=4)
    args = parser.parse_args()

    shutil.rmtree(BENCH_DIR, ignore_errors=True)
    BENCH_DIR.mkdir(parents=True)
    os.environ["KALAN_VAR_DIR"] = str(BENCH_DIR)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "lms.settings.dev")
    os.environ["DEBUG"] = "true"
    os.environ["MEDIA_ROOT"] = str(BENCH_DIR / "media")
    sys.path.insert(0, str(ROOT))
    env = dict(os.environ)
    redis = None
    if not os.environ.get("CELERY_BROKER_URL"):
        from lms import embedded

        redis = embedded.redis_start(BENCH_DIR)

    database_url = os.environ.get("DATABASE_URL", "")
    if database_url.startswith("postgres"):
        # A fresh database each run: Wagtail's root page and site come from migrations.
        import psycopg

        server, name = database_url.rsplit("/", 1)
        with psycopg.connect(f"{server}/postgres", autocommit=True) as admin:
            admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
            admin.execute(f'CREATE DATABASE "{name}"')
    subprocess.run([sys.executable, "manage.py", "migrate", "-v0"], cwd=ROOT, env=env, check=True)

    import django

    django.setup()
    from django.conf import settings
    from pypdf import PdfReader

    from accounts.models import User
    from certificates.models import Certificate
    from certificates.tasks import certificates_sweep
    from courses import services as course_services
    from courses.tests.factories import course_build, lessons_of

    course_services.course_tree_setup()
    course = course_build(title="Banc d’essai", modules=1, lessons=1, rule="all_lessons")
    lesson = lessons_of(course)[0]
    learners = [
        User.objects.create_user(f"B-{n:05d}", full_name=f"Agent {n}", password=None)
        for n in range(args.count)
    ]

    def worker(n):
        return subprocess.Popen(
            [
                sys.executable,
                "-m",
                "celery",
                "-A",
                "lms",
                "worker",
                "-c",
                "1",
                "-n",
                f"bench{n}@%h",
                "--loglevel=WARNING",
                "-Q",
                "celery",
            ],
            cwd=ROOT,
            env={**env, "MEDIA_ROOT": settings.MEDIA_ROOT},
        )

    workers = [worker(0), worker(1)]
    time.sleep(3)
    start = time.perf_counter()
    for learner in learners:  # each completion queues certificate_issue on commit
        course_services.enrollment_create(learner=learner, course=course)
        course_services.lesson_complete(learner=learner, lesson=lesson)
    print(f"{args.count} completions queued in {time.perf_counter() - start:.1f} s")

    kills = 0
    deadline = time.monotonic() + 600
    last_done, last_progress = -1, time.monotonic()
    while (done := Certificate.objects.filter(pdf_sha256__gt="").count()) < args.count:
        if time.monotonic() > deadline:
            break
        if done != last_done:
            last_done, last_progress = done, time.monotonic()
        elif time.monotonic() - last_progress > 5:
            # No progress for 5 s: messages were lost with a killed worker. Run the sweep here,
            # as beat would after CERTIFICATES_SWEEP_AFTER_MINUTES, with no delay.
            settings.CERTIFICATES_SWEEP_AFTER_MINUTES = 0
            print(f"sweep re-queued {certificates_sweep()} completion(s)")
            last_progress = time.monotonic()
        if kills < args.kills and random.random() < 0.3:
            victim = random.randrange(len(workers))
            workers[victim].send_signal(signal.SIGKILL)
            workers[victim].wait()
            kills += 1
            print(
                f"SIGKILL worker {victim} ({kills}/{args.kills}) at "
                f"{Certificate.objects.count()} certificates"
            )
            workers[victim] = worker(victim)
        time.sleep(0.5)
    elapsed = time.perf_counter() - start

    for process in workers:
        process.send_signal(signal.SIGTERM)
    for process in workers:
        process.wait(timeout=30)

    valid = Certificate.objects.valid()
    pairs = valid.values_list("learner_id", "course_id")
    readable = 0
    for certificate in valid:
        with certificate.pdf.open("rb") as handle:
            if len(PdfReader(io.BytesIO(handle.read())).pages) == 1:
                readable += 1
    files = len(list((BENCH_DIR / "media" / "certificats").glob("*.pdf")))
    print(
        f"kills: {kills}; valid certificates: {valid.count()} (expected {args.count}); "
        f"distinct (learner, course): {len(set(pairs))}; readable PDFs: {readable}; "
        f"PDF files on disk: {files}"
    )
    print(
        f"{elapsed:.1f} s in all: {1000 * elapsed / max(valid.count(), 1):.0f} ms per "
        f"certificate, {valid.count() / elapsed:.1f} certificates/s with 2 workers"
    )
    ok = valid.count() == len(set(pairs)) == readable == files == args.count
    if redis is not None:
        redis.terminate()
        redis.wait(timeout=10)
    print("OK" if ok else "FAILED")
    sys.exit(0 if ok else 1)


if __name__ == "__main__":
    main()
