"""Supervisor dashboard figures over a seeded database: median and p95 server time, SQL
queries per page, and the peak memory of the exports. Run by hand, on PostgreSQL for figures
that mean something (design.md budget: median of 300 ms or less over 10,000 learners):

    psql -h 127.0.0.1 -U postgres -c 'create database kalan_bench'
    export DATABASE_URL=postgres://postgres@127.0.0.1:5432/kalan_bench
    export DJANGO_SETTINGS_MODULE=lms.settings.dev KALAN_VAR_DIR=/tmp/kalan-bench-var
    .venv/bin/python manage.py migrate
    .venv/bin/python bench/seed.py --learners 10000 --courses 10
    .venv/bin/python bench/dashboard.py

`--seed` runs bench/seed.py first (replacing an earlier seed). The pages are only read."""

import argparse
import os
import statistics
import sys
import time
import tracemalloc
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlencode

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "lms.settings.dev")

import warnings

import django

django.setup()
# The bench reads no static files: collectstatic's missing folder is of no interest here.
warnings.filterwarnings("ignore", "No directory at")

from django.conf import settings  # noqa: E402
from django.db import connection, reset_queries  # noqa: E402
from django.db.models import Count  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402
from django.urls import reverse  # noqa: E402

from accounts import roles  # noqa: E402
from accounts.models import User  # noqa: E402
from accounts.selectors import subtree_q, users_in_subtree  # noqa: E402
from bench import seed  # noqa: E402
from courses.models import Enrollment  # noqa: E402

BUDGET_MS = 300


@dataclass
class Case:
    label: str
    user: User
    url: str
    params: dict
    runs: int
    budget: bool = False  # held to the 300 ms median
    memory: bool = False  # also measure the peak of traced Python memory


@dataclass
class Result:
    case: Case
    status: int
    queries: int
    size: int
    median: float
    p95: float
    peak: int | None = None


def _get(client: Client, url: str, params: dict) -> tuple[int, int]:
    """One request, streamed content consumed to the end: (status, bytes). An export is a
    background job: with eager Celery (set in main) the POST runs it in this process, and its
    file is then downloaded from the job's page."""
    if "/export." in url:
        response = client.post(f"{url}?{urlencode(params)}" if params else url)
        if response.status_code != 302:
            return response.status_code, 0
        response = client.get(f"{response['Location']}telecharger/")
    else:
        response = client.get(url, params)
    if response.streaming:
        size = sum(len(chunk) for chunk in response.streaming_content)
    else:
        size = len(response.content)
    response.close()
    return response.status_code, size


def _p95(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[max(0, round(0.95 * len(ordered)) - 1)]


def measure(case: Case, warmups: int) -> Result:
    client = Client()
    client.force_login(case.user)
    for _ in range(min(warmups, 1) if case.memory else warmups):
        _get(client, case.url, case.params)
    # Each request empties the query log when it starts: count from an empty log.
    reset_queries()
    with CaptureQueriesContext(connection) as captured:
        status, size = _get(client, case.url, case.params)
    queries = len(captured)  # read now: the log is a window that the next request empties
    timings = []
    for _ in range(case.runs):
        start = time.perf_counter()
        _get(client, case.url, case.params)
        timings.append((time.perf_counter() - start) * 1000)
    peak = None
    if case.memory:
        tracemalloc.start()
        _get(client, case.url, case.params)
        peak = tracemalloc.get_traced_memory()[1]
        tracemalloc.stop()
    return Result(
        case=case,
        status=status,
        queries=queries,
        size=size,
        median=statistics.median(timings),
        p95=_p95(timings),
        peak=peak,
    )


def _people():
    """The seed's administrator, a corps supervisor (Gendarmerie), the supervisor of its
    largest region, that region, and the learner with the most enrollments in it."""
    administrator = User.objects.get(matricule=f"{seed.MATRICULE_PREFIX}ADM-01")
    supervisors = User.objects.filter(
        matricule__startswith=seed.MATRICULE_PREFIX, groups__name=roles.SUPERVISORS
    ).prefetch_related("supervised_units")
    corps_supervisor = next(
        s for s in supervisors.order_by("matricule") if s.supervised_units.all()[0].depth == 1
    )
    corps = corps_supervisor.supervised_units.all()[0]
    regions = {region.pk: region for region in corps.get_children()}
    sizes = {pk: users_in_subtree([region]).count() for pk, region in regions.items()}
    region = regions[max(sizes, key=sizes.get)]
    region_supervisor = supervisors.get(supervised_units=region)
    learner = (
        users_in_subtree([region])
        .filter(groups__name=roles.LEARNERS)
        .annotate(n=Count("enrollments"))
        .order_by("-n", "pk")
        .first()
    )
    return administrator, corps_supervisor, corps, region_supervisor, region, learner


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seed", action="store_true", help="run bench/seed.py first (--replace)")
    parser.add_argument("--learners", type=int, default=10000)
    parser.add_argument("--courses", type=int, default=10)
    parser.add_argument("--runs", type=int, default=30, help="timed requests per page")
    # An export of 70,000 rows takes seconds: fewer runs, and one warm-up.
    parser.add_argument("--export-runs", type=int, default=5, help="timed runs per export")
    parser.add_argument("--warmups", type=int, default=3)
    parser.add_argument("--no-exports", action="store_true", help="pages only (minutes faster)")
    args = parser.parse_args()
    settings.ALLOWED_HOSTS = ["*"]
    settings.CELERY_TASK_ALWAYS_EAGER = True  # exports are jobs: run them here, timed
    # As in production: no SQL logging, no template debugging (dev settings turn both on).
    settings.DEBUG = False
    if args.seed:
        seed.load(learners=args.learners, courses=args.courses, replace=True, allow_production=True)
    if not User.objects.filter(matricule=f"{seed.MATRICULE_PREFIX}ADM-01").exists():
        sys.exit("No seed data: run bench/seed.py first, or pass --seed.")
    administrator, corps_supervisor, corps, region_supervisor, region, learner = _people()
    dashboard = reverse("tracking:dashboard")
    runs, export_runs = args.runs, args.export_runs
    csv_url = reverse("tracking:export", args=["csv"])
    xlsx_url = reverse("tracking:export", args=["xlsx"])
    search = {"status": "in_progress", "q": "traoré"}
    cases = [
        Case("dashboard", administrator, dashboard, {}, runs, budget=True),
        Case("dashboard", corps_supervisor, dashboard, {}, runs, budget=True),
        Case("dashboard", region_supervisor, dashboard, {}, runs, budget=True),
        Case("drill-down ?unit=<region>", corps_supervisor, dashboard, {"unit": region.pk}, runs,
             budget=True),
        Case("?status=in_progress&q=traoré", corps_supervisor, dashboard, search, runs,
             budget=True),
        Case("learner detail", corps_supervisor, reverse("tracking:learner", args=[learner.pk]),
             {}, runs),
        Case("export.csv", corps_supervisor, csv_url, {}, export_runs, memory=True),
        Case("export.xlsx", corps_supervisor, xlsx_url, {}, export_runs, memory=True),
        Case("export.csv", administrator, csv_url, {}, export_runs, memory=True),
        Case("export.xlsx", administrator, xlsx_url, {}, export_runs, memory=True),
    ]  # fmt: skip
    if args.no_exports:
        cases = [case for case in cases if not case.memory]
    who = {
        administrator.pk: "administrator",
        corps_supervisor.pk: f"supervisor {corps.name}",
        region_supervisor.pk: f"supervisor {region.name}",
    }
    learners = User.objects.filter(groups__name=roles.LEARNERS).count()
    enrollments = Enrollment.objects.count()
    in_corps = Enrollment.objects.filter(subtree_q([corps.path], field="learner__unit__path"))
    in_region = Enrollment.objects.filter(subtree_q([region.path], field="learner__unit__path"))
    print(
        f"Database: {connection.vendor} ({settings.DATABASES['default']['NAME']}), "
        f"{learners} learners, {enrollments} enrollments "
        f"({in_corps.count()} in {corps.name}, {in_region.count()} in {region.name})"
    )
    print(
        f"Timed: {runs} requests per page after {args.warmups} warm-ups, {export_runs} per "
        f"export after one, read to the end. Budget: median ≤ {BUDGET_MS} ms for the dashboard."
    )
    header = (
        f"{'page':<32} {'as':<44} {'status':>6} {'queries':>7} {'KB':>7} "
        f"{'median ms':>9} {'p95 ms':>8} {'peak MB':>8}  budget"
    )
    print(header)
    print("-" * len(header))
    missed = []
    for case in cases:
        result = measure(case, args.warmups)
        verdict = ""
        if case.budget:
            verdict = "ok" if result.median <= BUDGET_MS else "MISSED"
            if result.median > BUDGET_MS:
                missed.append(case.label)
        peak = f"{result.peak / 2**20:8.1f}" if result.peak is not None else f"{'':>8}"
        print(
            f"{case.label:<32} {who[case.user.pk]:<44} {result.status:>6} {result.queries:>7} "
            f"{result.size / 1024:>7.0f} {result.median:>9.1f} {result.p95:>8.1f} {peak}  "
            f"{verdict}",
            flush=True,
        )
    if missed:
        print(f"Over budget: {', '.join(missed)}")


if __name__ == "__main__":
    main()
