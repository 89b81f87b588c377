"""Offline pack of every demo course (issue 19): what a learner's phone downloads with
« Télécharger pour lire hors ligne », raw and gzipped, against the estimate the button shows,
and the time it takes on a slow link.

Run by hand after `make run` (or `manage.py migrate && manage.py load_demo`):

    .venv/bin/python bench/offline_pack.py

Every page of a course is counted, as for a learner whose modules are all open (the pack of a
learner whose later modules are still locked is smaller). Each entry is fetched as the
service worker fetches it (the demo learner's session; static files from disk) and gzipped
at level 6, as a proxy would send it.

Download time on a link of 400 kbit/s with 400 ms round trips, computed, not measured: the
manifest (one round trip and its bytes), then the entries four at a time as static/js/sw.js
fetches them (one round trip per batch of four), and every gzipped byte at 400 kbit/s. The
connection is taken as open already (no TCP or TLS handshake), which a page just read leaves.
Target: ≤ 250 KB gzipped for a text course."""

import gzip
import math
import os
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "lms.settings.dev")

import django

django.setup()

from django.conf import settings  # noqa: E402
from django.contrib.staticfiles import finders  # noqa: E402
from django.db import connection, reset_queries  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402
from django.urls import reverse  # noqa: E402

from accounts.models import User  # noqa: E402
from courses import selectors, services  # noqa: E402
from courses.models import CoursePage, Enrollment  # noqa: E402

BANDWIDTH_BITS = 400_000
RTT = 0.4
PARALLEL = 4  # as static/js/sw.js
TARGET = 250 * 1000


def gz(data: bytes) -> int:
    return len(gzip.compress(data, compresslevel=6))


def entry_bytes(client: Client, url: str) -> bytes:
    if url.startswith(settings.STATIC_URL):
        return Path(finders.find(url.removeprefix(settings.STATIC_URL))).read_bytes()
    response = client.get(url)
    assert response.status_code == 200, (url, response.status_code)
    return b"".join(response.streaming_content) if response.streaming else response.content


def main():
    settings.ALLOWED_HOSTS = ["*"]
    learner = User.objects.get(matricule="OPJ-0001")
    client = Client()
    client.force_login(learner)
    sequential = dict(CoursePage.objects.values_list("pk", "sequential_modules"))
    CoursePage.objects.update(sequential_modules=False)
    header = (
        f"{'course':<58} {'entries':>7} {'queries':>7} {'estimate':>9} {'raw':>9} "
        f"{'gzip':>8} {'time':>7}"
    )
    print(header)
    try:
        for course in CoursePage.objects.live().order_by("path"):
            enrollment = Enrollment.objects.filter(learner=learner, course=course).first()
            if enrollment is None:
                enrollment = services.enrollment_create(learner=learner, course=course)
            enrollment = Enrollment.objects.select_related("course", "learner").get(
                pk=enrollment.pk
            )
            reset_queries()  # DEBUG keeps at most 9,000 queries: a full log counts 0
            with CaptureQueriesContext(connection) as queries:
                pack = selectors.offline_pack(course=course, enrollment=enrollment)
            manifest = client.get(reverse("courses:offline_manifest", args=[course.pk])).content
            raw = gzipped = 0
            for entry in pack.entries:
                data = entry_bytes(client, entry.url)
                raw += len(data)
                gzipped += gz(data)
            batches = math.ceil(len(pack.entries) / PARALLEL)
            seconds = (
                RTT
                + gz(manifest) * 8 / BANDWIDTH_BITS
                + batches * RTT
                + gzipped * 8 / BANDWIDTH_BITS
            )
            flag = "" if gzipped <= TARGET else "  (over 250 KB)"
            print(
                f"{course.title[:58]:<58} {len(pack.entries):>7} {len(queries):>7} "
                f"{pack.size / 1000:>7.0f}KB {raw / 1000:>7.0f}KB {gzipped / 1000:>6.0f}KB "
                f"{seconds:>6.1f}s{flag}"
            )
    finally:
        for pk, value in sequential.items():
            CoursePage.objects.filter(pk=pk).update(sequential_modules=value)


if __name__ == "__main__":
    main()
