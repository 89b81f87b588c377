"""300 learners coming back online at once, each with 10 quiz saves and a submit queued on
their phone (issue 19, point 7): a real gunicorn on this machine, the device's queue replayed
as static/js/sw.js sends it (one item at a time, oldest first; an item that gets no answer,
a network error or a 5xx is sent again after a second, and the ones after it wait). Counts
what is lost, duplicated, in error, and the time until everything is in; then every item
is sent a second time (a device that never read the answers), which must change nothing.

The scenario: a timed quiz of 10 single-choice questions, one per page, 10 minutes, an
offline window of 3 hours, not required. Each learner started an attempt online 1 hour ago,
answered every page in time offline and pressed « Envoyer et terminer »: every answer arrives
50 minutes after the deadline, inside the window, so each attempt is graded once and flagged
« synchronisée hors ligne ». Every queued answer is the right one: an attempt at 100 % with
its 10 responses as sent is nothing lost.

Run by hand (never in CI), on PostgreSQL, in a fresh database of its own (dropped and made
again), port 8461 free:

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/kalan_bench_offline \\
    CELERY_BROKER_URL=redis://127.0.0.1:6379/5 .venv/bin/python bench/offline_sync.py \\
        [--learners 300] [--workers 4] [--threads 4]

The server: gunicorn gthread, 4 workers x 4 threads (as bench/load/run.sh), plain HTTP on
127.0.0.1 (no TLS), lms.settings.dev with DEBUG off, sessions in the database (cached_db over
each worker's local memory cache). The 300 devices are 300 threads of this process, on the
same 2 cores as the server."""

import argparse
import json
import os
import signal
import statistics
import subprocess
import sys
import threading
import time
import uuid
from collections import Counter
from datetime import timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PORT = 8461
HOST = f"http://127.0.0.1:{PORT}"
PAGES = 10


def environment(database_url: str) -> dict:
    env = dict(os.environ)
    env.update(
        DJANGO_SETTINGS_MODULE="lms.settings.dev",
        DEBUG="false",
        DATABASE_URL=database_url,
        CACHE_URL="locmemcache://",
        KALAN_VAR_DIR=str(ROOT / "var" / "bench-offline"),
        ALLOWED_HOSTS="127.0.0.1",
        LOG_LEVEL="WARNING",
    )
    return env


def fresh_database(database_url: str) -> None:
    import psycopg

    server, name = database_url.rsplit("/", 1)
    with psycopg.connect(f"{server}/postgres", autocommit=True) as admin:
        admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        admin.execute(f'CREATE DATABASE "{name}"')


def build(learners: int) -> list[dict]:
    """The course, the quiz, the learners with a session and an attempt started an hour ago,
    and each learner's queue: 10 saves and a submit, as the device holds them."""
    from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
    from django.contrib.auth.models import Group
    from django.contrib.sessions.backends.cached_db import SessionStore
    from django.utils import timezone
    from django.utils.crypto import get_random_string

    from accounts import roles
    from accounts.models import User
    from courses import services as course_services
    from courses.models import Enrollment, ModulePage
    from courses.selectors import offline_user_key
    from courses.tests.factories import course_build
    from quizzes import grading, services
    from quizzes.models import Attempt
    from quizzes.tests.factories import question_make, quiz_make

    course_services.course_tree_setup()
    course = course_build(title="Banc hors ligne", modules=1, lessons=1, sequential=False)
    module = ModulePage.objects.child_of(course).first()
    questions = [question_make("single", name=f"Question {n}") for n in range(PAGES)]
    quiz = quiz_make(
        module,
        questions=questions,
        questions_per_page=1,
        time_limit_minutes=10,
        required=False,
        offline_late_hours=3,
        attempts_allowed=0,
        title="Quiz hors ligne du banc",
    )
    users = User.objects.bulk_create(
        [
            User(matricule=f"SYNC-{n:04d}", full_name=f"Agent {n}", language="fr")
            for n in range(learners)
        ]
    )
    group = Group.objects.get(name=roles.LEARNERS)
    User.groups.through.objects.bulk_create(
        [User.groups.through(user_id=u.pk, group_id=group.pk) for u in users]
    )
    Enrollment.objects.bulk_create([Enrollment(learner=u, course=course) for u in users])
    started = timezone.now() - timedelta(hours=1)
    devices = []
    for user in users:
        attempt = services.attempt_start(learner=user, quiz=quiz)
        Attempt.objects.filter(pk=attempt.pk).update(
            started_at=started, deadline=started + timedelta(minutes=10)
        )
        session = SessionStore()
        session[SESSION_KEY] = str(user.pk)
        session[BACKEND_SESSION_KEY] = "django.contrib.auth.backends.ModelBackend"
        session[HASH_SESSION_KEY] = user.get_session_auth_hash()
        session.save()
        csrf = get_random_string(32)
        key = offline_user_key(user)
        queue, expected = [], {}
        for item in attempt.items.order_by("page_number"):
            right = grading.correct_response(item.snapshot)["choice"]
            token = next(t for t, real in item.display_order if real == right)
            pressed = started + timedelta(seconds=20 + 30 * item.page_number)
            queue.append(
                {
                    "url": f"/tentatives/{attempt.pk}/hors-ligne/page/{item.page_number}/",
                    "body": {
                        "client_id": str(uuid.uuid4()),
                        "user": key,
                        "done_at": pressed.isoformat(),
                        "fields": [[f"q{item.pk}", token]],
                    },
                }
            )
            expected[item.pk] = {"choice": right}
        queue.append(
            {
                "url": f"/tentatives/{attempt.pk}/hors-ligne/envoyer/",
                "body": {
                    "client_id": str(uuid.uuid4()),
                    "user": key,
                    "done_at": (started + timedelta(minutes=7)).isoformat(),
                },
            }
        )
        devices.append(
            {
                "attempt": attempt.pk,
                "cookie": f"sessionid={session.session_key}; csrftoken={csrf}",
                "csrf": csrf,
                "queue": queue,
                "expected": expected,
            }
        )
    return devices


def start_server(env: dict, workers: int, threads: int, log: Path) -> subprocess.Popen:
    server = subprocess.Popen(
        [
            str(ROOT / ".venv/bin/gunicorn"),
            "lms.wsgi",
            "--bind",
            f"127.0.0.1:{PORT}",
            "--worker-class",
            "gthread",
            "--workers",
            str(workers),
            "--threads",
            str(threads),
            "--keep-alive",
            "75",
            "--log-level",
            "warning",
            "--error-logfile",
            str(log),
        ],
        cwd=ROOT,
        env=env,
        start_new_session=True,
    )
    import requests

    for _ in range(120):
        try:
            if requests.get(f"{HOST}/healthz", timeout=2).status_code == 200:
                return server
        except requests.RequestException:
            pass
        if server.poll() is not None:
            sys.exit(f"gunicorn stopped: see {log}")
        time.sleep(0.5)
    os.killpg(server.pid, signal.SIGTERM)
    sys.exit("gunicorn did not answer within 60 s")


def group_cpu(pgid: int) -> float:
    """CPU seconds used so far by the processes of a process group (gunicorn's)."""
    total = 0
    for entry in os.scandir("/proc"):
        if not entry.name.isdigit():
            continue
        try:
            rest = Path(entry.path, "stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(rest[2]) == pgid:
            total += int(rest[11]) + int(rest[12])
    return total / os.sysconf("SC_CLK_TCK")


def machine_busy() -> tuple[int, int]:
    fields = [int(x) for x in Path("/proc/stat").read_text().split("\n", 1)[0].split()[1:]]
    return sum(fields[:8]) - fields[3] - fields[4], sum(fields[:8])


def replay(devices: list[dict], label: str, server_pgid: int) -> dict:
    """Each device sends its queue as sw.js does; all devices released at once."""
    import requests

    barrier = threading.Barrier(len(devices) + 1)
    lock = threading.Lock()
    stats = {
        "statuses": Counter(),
        "errors": Counter(),
        "latencies": [],
        "last_done": 0.0,
        "refused": Counter(),
    }

    def device(d):
        http = requests.Session()
        headers = {
            "Content-Type": "application/json",
            "Cookie": d["cookie"],
            "X-CSRFToken": d["csrf"],
        }
        barrier.wait()
        for item in d["queue"]:
            while True:
                began = time.perf_counter()
                try:
                    response = http.post(
                        HOST + item["url"],
                        data=json.dumps(item["body"]),
                        headers=headers,
                        timeout=60,
                    )
                except requests.RequestException as error:
                    with lock:
                        stats["errors"][type(error).__name__] += 1
                    time.sleep(1)
                    continue
                elapsed = time.perf_counter() - began
                if response.status_code in (401, 403) or response.status_code >= 500:
                    with lock:
                        stats["errors"][f"HTTP {response.status_code}"] += 1
                    time.sleep(1)
                    continue
                answer = response.json()
                with lock:
                    stats["latencies"].append(elapsed)
                    if "error" in answer:
                        stats["refused"][answer["error"][:80]] += 1
                    else:
                        stats["statuses"][answer["status"]] += 1
                break
        with lock:
            stats["last_done"] = max(stats["last_done"], time.perf_counter())

    threads = [threading.Thread(target=device, args=(d,)) for d in devices]
    for thread in threads:
        thread.start()
    barrier.wait()
    began = time.perf_counter()
    server_before, client_before, busy_before = group_cpu(server_pgid), os.times(), machine_busy()
    for thread in threads:
        thread.join()
    stats["seconds"] = stats["last_done"] - began
    stats["label"] = label
    client_after, busy_after = os.times(), machine_busy()
    stats["server_cpu"] = group_cpu(server_pgid) - server_before
    stats["client_cpu"] = (client_after.user + client_after.system) - (
        client_before.user + client_before.system
    )
    stats["machine_busy"] = (busy_after[0] - busy_before[0]) / max(
        1, busy_after[1] - busy_before[1]
    )
    stats["load"] = os.getloadavg()[0]
    return stats


def check(devices: list[dict]) -> dict:
    from django.db.models import Count

    from courses.models import OfflineReceipt
    from quizzes.models import Attempt, AttemptItem, QuizGrade

    lost = 0
    for d in devices:
        held = dict(
            AttemptItem.objects.filter(attempt_id=d["attempt"]).values_list("pk", "response")
        )
        lost += sum(1 for pk, response in d["expected"].items() if held.get(pk) != response)
    attempts = Attempt.objects.filter(pk__in=[d["attempt"] for d in devices])
    not_graded = attempts.exclude(state="finished", percent=100).count()
    receipts = OfflineReceipt.objects.count()
    duplicate_ids = (
        OfflineReceipt.objects.values("learner_id", "client_id")
        .annotate(n=Count("pk"))
        .filter(n__gt=1)
        .count()
    )
    return {
        "answers lost (responses not as sent)": lost,
        "submits lost (attempt not graded at 100 %)": not_graded,
        "attempts flagged « synchronisée hors ligne »": attempts.exclude(
            offline_delay=None
        ).count(),
        "receipts (expected 11 per learner)": receipts,
        "client ids recorded twice": duplicate_ids,
        "grades (one per learner)": QuizGrade.objects.count(),
        "attempts per learner > 1": Attempt.objects.values("learner_id")
        .annotate(n=Count("pk"))
        .filter(n__gt=1)
        .count(),
    }


def report(stats: dict) -> None:
    latencies = sorted(stats["latencies"])
    print(f"\n{stats['label']}: {len(latencies)} answers in {stats['seconds']:.1f} s")
    if latencies:
        median = statistics.median(latencies)
        p95 = latencies[int(0.95 * (len(latencies) - 1))]
        print(
            f"  per request: median {median * 1000:.0f} ms, p95 {p95 * 1000:.0f} ms, "
            f"max {latencies[-1] * 1000:.0f} ms"
        )
    requests_done = len(latencies) + sum(stats["errors"].values())
    print(
        f"  CPU: gunicorn {stats['server_cpu']:.0f} s "
        f"({1000 * stats['server_cpu'] / max(1, requests_done):.0f} ms a request), "
        f"the 300 devices {stats['client_cpu']:.0f} s; machine busy "
        f"{100 * stats['machine_busy']:.0f} %, load average {stats['load']:.1f} on "
        f"{os.cpu_count()} cores"
    )
    print(f"  statuses: {dict(stats['statuses'])}")
    print(f"  refused: {dict(stats['refused']) or 0}")
    print(f"  errors (sent again): {dict(stats['errors']) or 0}")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--learners", type=int, default=300)
    parser.add_argument("--workers", type=int, default=4)
    parser.add_argument("--threads", type=int, default=4)
    args = parser.parse_args()

    database_url = os.environ["DATABASE_URL"]
    env = environment(database_url)
    os.environ.update(env)
    sys.path.insert(0, str(ROOT))
    os.chdir(ROOT)
    fresh_database(database_url)
    subprocess.run([sys.executable, "manage.py", "migrate", "-v0"], cwd=ROOT, env=env, check=True)
    import django

    django.setup()
    began = time.perf_counter()
    devices = build(args.learners)
    print(
        f"fixture: {args.learners} learners, {PAGES} saves and a submit each "
        f"({time.perf_counter() - began:.0f} s)"
    )
    from django.db import connection

    connection.close()
    log = Path(env["KALAN_VAR_DIR"]) / "gunicorn.log"
    log.parent.mkdir(parents=True, exist_ok=True)
    server = start_server(env, args.workers, args.threads, log)
    try:
        first = replay(devices, "First sync", server.pid)
        report(first)
        figures = check(devices)
        for name, value in figures.items():
            print(f"  {name}: {value}")
        second = replay(devices, "Every item sent again (replays)", server.pid)
        report(second)
        after = check(devices)
        print(f"  unchanged by the replays: {after == figures}")
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        server.wait(timeout=30)


if __name__ == "__main__":
    main()
