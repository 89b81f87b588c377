"""Memory of the web processes (issue 22): modules a web process imports before any request,
then gunicorn with production settings, 1,000 mixed requests of four signed-in demo learners
and an anonymous visitor, and the PSS of each process read from /proc/<pid>/smaps_rollup.

PSS (proportional set size) counts a page shared by N processes as 1/N in each: it is the
memory a process really costs, where RSS counts the shared pages again in every worker.

    DATABASE_URL=postgres://…/kalan CACHE_URL=redis://127.0.0.1:6379/6 \\
        .venv/bin/python bench/memory.py [--requests 1000] [--gunicorn "-c gunicorn.conf.py"]

The database must hold the demo (`manage.py load_demo`). Requests go over 8 connections that
are opened again every 20 requests, so that every worker gets its share."""

import argparse
import json
import random
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import webstack

LEARNERS = ["OPJ-0001", "OPJ-0002", "OPJ-0003", "OPJ-0004"]

MODULES_BEFORE_AND_AFTER = """
import json, sys
import lms.wsgi
before = set(sys.modules)
sys.path.insert(0, "bench")
import webstack
browser = webstack.Browser(webstack.InProcess(), "https://127.0.0.1:8000")
browser.sign_in("/connexion/", "OPJ-0001", webstack.DEMO_PASSWORD)
browser.request("GET", "/")
browser.request("GET", LESSON)
after = set(sys.modules) - {"webstack"}
top = lambda names: sorted({n.split(".")[0] for n in names})
heavy = ["celery", "PIL", "openpyxl", "weasyprint", "markdown_it", "requests", "yaml",
         "segno", "cryptography", "wagtail.admin", "ninja", "rest_framework"]
print(json.dumps({
    "before": len(before), "after": len(after),
    "loaded": {name: name in after for name in heavy},
}))
"""

URLS = """
import django, json; django.setup()
from courses.models import CoursePage, Enrollment, LessonPage
from quizzes.models import QuizPage
pages = []
for e in Enrollment.objects.filter(learner__matricule__in=%r).select_related("course"):
    pages.append(e.course.url)
    pages += [p.url for p in LessonPage.objects.live().descendant_of(e.course)]
    pages += [p.url for p in QuizPage.objects.live().descendant_of(e.course)]
print(json.dumps(sorted(set(pages))))
"""


def process_memory(pid: int) -> dict:
    fields = {}
    for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines()[1:]:
        name, value = line.split(":", 1)
        fields[name] = int(value.split()[0]) / 1024  # MB (MiB)
    fields["Private"] = fields["Private_Clean"] + fields["Private_Dirty"]
    return fields


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--requests", type=int, default=1000)
    parser.add_argument("--gunicorn", default="-c gunicorn.conf.py")
    parser.add_argument("--seed", type=int, default=22)
    args = parser.parse_args()
    port = webstack.free_port()
    env = webstack.production_env(port)
    lesson = webstack.kalan_lesson_path(env)

    modules = subprocess.run(
        [sys.executable, "-c", f"LESSON = {lesson!r}\n" + MODULES_BEFORE_AND_AFTER],
        cwd=webstack.ROOT,
        env={**env, "ALLOWED_HOSTS": "127.0.0.1"},
        capture_output=True,
        text=True,
        check=True,
    )
    counts = json.loads(modules.stdout.strip().splitlines()[-1])
    print(
        f"modules in a web process: {counts['before']} after importing lms.wsgi, "
        f"{counts['after']} after signing in and serving the home and a lesson"
    )
    loaded = [name for name, present in counts["loaded"].items() if present]
    absent = [name for name, present in counts["loaded"].items() if not present]
    print(f"  loaded then: {', '.join(loaded) or '-'}; not loaded: {', '.join(absent) or '-'}")

    pages = json.loads(
        subprocess.run(
            [sys.executable, "-c", URLS % (LEARNERS,)],
            cwd=webstack.ROOT,
            env=env,
            capture_output=True,
            text=True,
            check=True,
        )
        .stdout.strip()
        .splitlines()[-1]
    )
    signed_in = [*pages, "/", "/certificats/", "/recherche/?q=droits", "/hors-ligne/"]
    anonymous = ["/connexion/", "/certificats/verifier/", "/healthz", "/static/css/kalan.css"]

    webstack.collectstatic(env)
    log = Path(tempfile.gettempdir()) / "kalan-bench-memory-gunicorn.log"
    server = webstack.Gunicorn(args.gunicorn, port, env, log)
    rng = random.Random(args.seed)
    statuses: dict[int, int] = {}
    try:
        origin = f"https://127.0.0.1:{port}"
        workers_at_start = server.worker_pids()
        start = {pid: process_memory(pid) for pid in [server.process.pid, *workers_at_start]}
        browsers = []
        for index in range(8):
            browser = webstack.Browser(webstack.Connection("127.0.0.1", port), origin, "gzip")
            if index < len(LEARNERS):
                browser.sign_in("/connexion/", LEARNERS[index], webstack.DEMO_PASSWORD)
            browsers.append(browser)
        for number in range(args.requests):
            index = number % len(browsers)
            browser = browsers[index]
            if number % (20 * len(browsers)) < len(browsers):
                browser.transport.close()  # the next request opens a new connection
            path = rng.choice(signed_in if index < len(LEARNERS) else anonymous)
            status = browser.request("GET", path).status
            statuses[status] = statuses.get(status, 0) + 1
        for browser in browsers:
            browser.transport.close()
        workers = server.worker_pids()
        after = {pid: process_memory(pid) for pid in [server.process.pid, *workers]}
    finally:
        server.stop()

    print(f"gunicorn lms.wsgi {args.gunicorn} (production settings)")
    print(f"{args.requests} requests, statuses: {dict(sorted(statuses.items()))}")
    if sorted(workers) != sorted(workers_at_start):
        print(f"  workers replaced during the run: {sorted(workers_at_start)} → {sorted(workers)}")
    print(f"{'process':<10} {'PSS start':>10} {'PSS end':>9} {'RSS end':>9} {'private':>9}  MB")
    for pid, memory in after.items():
        role = "master" if pid == server.process.pid else "worker"
        begin = start.get(pid, {}).get("Pss", float("nan"))
        print(
            f"{role:<10} {begin:10.1f} {memory['Pss']:9.1f} {memory['Rss']:9.1f} "
            f"{memory['Private']:9.1f}"
        )
    worker_pss = [after[pid]["Pss"] for pid in workers]
    total = sum(m["Pss"] for m in after.values())
    print(
        f"workers: PSS max {max(worker_pss):.1f}, mean {sum(worker_pss) / len(worker_pss):.1f} MB;"
        f" all {len(after)} processes: {total:.1f} MB"
    )


if __name__ == "__main__":
    main()
