"""Offline use (issue 19), on the server: the per-course offline manifest, the idempotent
endpoint for lesson completions queued offline, the service worker and the web app manifest."""

import json
import uuid
from datetime import timedelta

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from accounts.tests.factories import LearnerFactory
from conftest import run_together
from courses import selectors, services
from courses.models import Enrollment, LessonCompletion, OfflineReceipt
from courses.signals import course_completed, lesson_completed
from courses.tests.factories import course_build, lessons_of
from quizzes.tests.factories import question_make, quiz_make

pytestmark = pytest.mark.django_db


def _manifest(client, course):
    response = client.get(reverse("courses:offline_manifest", args=[course.pk]))
    assert response.status_code == 200, response.status_code
    return response.json()


@pytest.fixture
def enrolled(client):
    course = course_build(title="Formation hors ligne", modules=2, lessons=2)
    learner = LearnerFactory()
    services.enrollment_create(learner=learner, course=course)
    client.force_login(learner)
    return course, learner


# The offline manifest


def test_the_manifest_lists_the_pages_the_learner_may_open_the_css_and_the_icon(client, enrolled):
    course, learner = enrolled
    quiz = quiz_make(course.get_children().first(), questions=[question_make()])
    data = _manifest(client, course)
    urls = [entry["url"] for entry in data["entries"]]
    lessons = lessons_of(course)
    assert urls[0] == course.url
    # Module 1 is open (two lessons and its quiz); module 2 is locked until module 1 is done.
    assert [lesson.url for lesson in lessons[:2]] == urls[1:3]
    assert quiz.url in urls
    assert not {lesson.url for lesson in lessons[2:]} & set(urls)
    assert "/static/css/kalan.css" in urls and "/static/img/icon-192.png" in urls
    assert data["user"] == selectors.offline_user_key(learner)
    assert data["course"] == {"id": course.pk, "title": course.title, "url": course.url}
    assert all(len(entry["version"]) == 16 and entry["size"] > 0 for entry in data["entries"])
    assert data["size"] == sum(entry["size"] for entry in data["entries"])
    assert data["size_label"] == f"{-(-data['size'] // 1000)} Ko"


@pytest.mark.parametrize(
    ("size", "label"),
    [(0, "1 Ko"), (180_000, "180 Ko"), (180_001, "181 Ko"), (1_440_000, "1,4 Mo")],
)
def test_sizes_read_in_french(size, label):
    assert selectors.size_label(size) == label


def test_a_new_publication_or_a_completion_changes_only_that_pages_version(client, enrolled):
    course, learner = enrolled
    before = {e["url"]: e["version"] for e in _manifest(client, course)["entries"]}
    first, second = lessons_of(course)[:2]
    second.title = "Leçon réécrite"
    second.save_revision().publish()
    after = {e["url"]: e["version"] for e in _manifest(client, course)["entries"]}
    changed = {url for url in before if before[url] != after.get(url)}
    assert changed == {second.url}

    services.lesson_complete(learner=learner, lesson=first)
    again = {e["url"]: e["version"] for e in _manifest(client, course)["entries"]}
    # The lesson now says « Leçon terminée », the course page shows the progress.
    assert {url for url in after if after[url] != again[url]} == {first.url, course.url}


def test_the_manifest_costs_the_same_queries_whatever_the_size_of_the_course(client):
    learner = LearnerFactory()
    client.force_login(learner)
    counts = []
    for modules, lessons in ((1, 1), (4, 6)):
        course = course_build(title=f"Formation {modules}", modules=modules, lessons=lessons)
        services.enrollment_create(learner=learner, course=course)
        url = reverse("courses:offline_manifest", args=[course.pk])
        client.get(url)  # warms the per-process caches (content types, static files)
        with CaptureQueriesContext(connection) as queries:
            assert client.get(url).status_code == 200
        counts.append(len(queries))
    assert counts[0] == counts[1]
    assert counts[1] <= 10, counts


def test_the_manifest_answers_only_an_enrolled_learner(client, enrolled):
    course, _learner = enrolled
    url = reverse("courses:offline_manifest", args=[course.pk])
    client.force_login(LearnerFactory())
    assert client.get(url).status_code == 404
    client.logout()
    response = client.get(url)
    assert response.status_code == 302 and response["Location"].startswith(
        reverse("accounts:login")
    )
    assert client.get(reverse("courses:offline_manifest", args=[987654])).status_code == 302


def test_the_manifest_of_an_unpublished_course_is_404(client, enrolled):
    course, _learner = enrolled
    course.unpublish()
    assert client.get(reverse("courses:offline_manifest", args=[course.pk])).status_code == 404


def test_the_user_key_is_opaque_and_distinct():
    first, second = LearnerFactory(), LearnerFactory()
    key = selectors.offline_user_key(first)
    assert key == selectors.offline_user_key(first)
    assert key != selectors.offline_user_key(second)
    assert str(first.pk) != key and first.matricule not in key


# The completion queued offline


def _sync(client, lesson, **body):
    return client.post(
        reverse("courses:lesson_complete_sync", args=[lesson.pk]),
        data=json.dumps(body),
        content_type="application/json",
    )


def test_a_completion_sent_five_times_counts_once(
    client, enrolled, django_capture_on_commit_callbacks
):
    course, learner = enrolled
    lesson = lessons_of(course)[0]
    client_id = str(uuid.uuid4())
    done_at = (timezone.now() - timedelta(hours=2)).isoformat()
    received = []

    def receiver(**kwargs):
        received.append(kwargs["lesson"].pk)

    lesson_completed.connect(receiver, weak=False)
    try:
        answers = []
        for _ in range(5):
            with django_capture_on_commit_callbacks(execute=True):
                answers.append(
                    _sync(
                        client,
                        lesson,
                        client_id=client_id,
                        user=selectors.offline_user_key(learner),
                        done_at=done_at,
                    )
                )
    finally:
        lesson_completed.disconnect(receiver)
    assert [a.status_code for a in answers] == [200] * 5
    assert [a.json()["status"] for a in answers] == ["accepted"] + ["replay"] * 4
    assert answers[0].json() == {"status": "accepted", "progress": 25, "completed": False}
    assert LessonCompletion.objects.filter(learner=learner).count() == 1
    receipt = OfflineReceipt.objects.get(learner=learner)
    assert str(receipt.client_id) == client_id and receipt.object_id == lesson.pk
    assert abs((receipt.done_at - timezone.now()) + timedelta(hours=2)) < timedelta(minutes=1)
    assert received == [lesson.pk]
    assert Enrollment.objects.get(learner=learner).progress_percent == 25


def test_the_last_lesson_sent_offline_completes_the_course_once(
    client, django_capture_on_commit_callbacks
):
    course = course_build(title="Formation courte", modules=1, lessons=2)
    learner = LearnerFactory()
    services.enrollment_create(learner=learner, course=course)
    client.force_login(learner)
    completions = []

    def receiver(**kwargs):
        completions.append(kwargs["enrollment"].pk)

    course_completed.connect(receiver, weak=False)
    key = selectors.offline_user_key(learner)
    try:
        with django_capture_on_commit_callbacks(execute=True):
            for lesson in lessons_of(course):
                client_id = str(uuid.uuid4())
                for _ in range(2):
                    assert _sync(client, lesson, client_id=client_id, user=key).status_code == 200
    finally:
        course_completed.disconnect(receiver)
    enrollment = Enrollment.objects.get(learner=learner)
    assert enrollment.status == Enrollment.Status.COMPLETED and enrollment.progress_percent == 100
    assert completions == [enrollment.pk]
    assert OfflineReceipt.objects.filter(learner=learner).count() == 2


def test_a_completion_pressed_online_and_offline_counts_once(client, enrolled):
    course, learner = enrolled
    lesson = lessons_of(course)[0]
    services.lesson_complete(learner=learner, lesson=lesson)
    key = selectors.offline_user_key(learner)
    response = _sync(client, lesson, client_id=str(uuid.uuid4()), user=key)
    assert response.status_code == 200 and response.json()["status"] == "accepted"
    assert LessonCompletion.objects.filter(learner=learner).count() == 1


@pytest.mark.parametrize(
    ("body", "status", "message"),
    [
        (b"pas du json", 400, "objet JSON"),
        (b"[1, 2]", 400, "objet JSON"),
        (b"\xff\xfe", 400, "objet JSON"),
        (b'{"client_id": "1; DROP TABLE"}', 400, "client_id"),
        (b'{"client_id": null}', 400, "client_id"),
        (b'{"client_id": "%s", "done_at": "hier"}', 400, "done_at"),
        (b'{"client_id": "%s", "done_at": "2026-01-01T10:00:00"}', 400, "done_at"),
        (b'{"client_id": "%s", "done_at": 12}', 400, "done_at"),
        (b'{"client_id": "%s", "user": "quelqu-un-d-autre"}', 409, "autre personne"),
        (b'{"client_id": "%s"}', 409, "autre personne"),
    ],
)
def test_hostile_bodies_get_a_clear_french_error_and_change_nothing(
    client, enrolled, body, status, message
):
    course, _learner = enrolled
    lesson = lessons_of(course)[0]
    if b"%s" in body:
        body = body.replace(b"%s", str(uuid.uuid4()).encode())
    response = client.post(
        reverse("courses:lesson_complete_sync", args=[lesson.pk]),
        data=body,
        content_type="application/json",
    )
    assert response.status_code == status
    assert message in response.json()["error"]
    assert not OfflineReceipt.objects.exists() and not LessonCompletion.objects.exists()


def test_a_locked_lesson_or_a_course_not_followed_is_refused_without_a_receipt(client, enrolled):
    course, learner = enrolled
    key = selectors.offline_user_key(learner)
    locked = lessons_of(course)[2]  # module 2, locked while module 1 is not done
    response = _sync(client, locked, client_id=str(uuid.uuid4()), user=key)
    assert response.status_code == 422 and "verrouillée" in response.json()["error"]
    other = lessons_of(course_build(title="Autre formation", modules=1, lessons=1))[0]
    response = _sync(client, other, client_id=str(uuid.uuid4()), user=key)
    assert response.status_code == 422 and "Inscrivez-vous" in response.json()["error"]
    assert not OfflineReceipt.objects.exists() and not LessonCompletion.objects.exists()


def test_a_client_id_used_for_another_lesson_is_refused(client, enrolled):
    course, learner = enrolled
    first, second = lessons_of(course)[:2]
    key = selectors.offline_user_key(learner)
    client_id = str(uuid.uuid4())
    assert _sync(client, first, client_id=client_id, user=key).status_code == 200
    response = _sync(client, second, client_id=client_id, user=key)
    assert response.status_code == 422 and "autre action" in response.json()["error"]
    assert LessonCompletion.objects.filter(learner=learner).count() == 1


def test_a_date_in_the_future_is_brought_back_to_the_arrival(client, enrolled):
    course, learner = enrolled
    lesson = lessons_of(course)[0]
    future = (timezone.now() + timedelta(days=3)).isoformat()
    key = selectors.offline_user_key(learner)
    assert (
        _sync(client, lesson, client_id=str(uuid.uuid4()), user=key, done_at=future).status_code
        == 200
    )
    receipt = OfflineReceipt.objects.get()
    assert receipt.done_at <= receipt.received_at + timedelta(seconds=1)


def test_an_unknown_or_unpublished_lesson_is_404(client, enrolled):
    course, learner = enrolled
    lesson = lessons_of(course)[0]
    lesson.unpublish()
    key = selectors.offline_user_key(learner)
    assert _sync(client, lesson, client_id=str(uuid.uuid4()), user=key).status_code == 404


def test_signed_out_gets_401_and_the_csrf_token_is_required(enrolled):
    course, learner = enrolled
    lesson = lessons_of(course)[0]
    url = reverse("courses:lesson_complete_sync", args=[lesson.pk])
    body = json.dumps({"client_id": str(uuid.uuid4()), "user": selectors.offline_user_key(learner)})
    anonymous = Client()
    response = anonymous.post(url, data=body, content_type="application/json")
    assert response.status_code == 401 and "Connectez-vous" in response.json()["error"]

    browser = Client(enforce_csrf_checks=True)
    browser.force_login(learner)
    page = browser.get(lessons_of(course)[0].url)
    assert page.status_code == 200
    assert browser.post(url, data=body, content_type="application/json").status_code == 403
    token = str(page.context["csrf_token"])
    response = browser.post(url, data=body, content_type="application/json", HTTP_X_CSRFTOKEN=token)
    assert response.status_code == 200
    assert OfflineReceipt.objects.count() == 1


@pytest.mark.django_db(transaction=True)
def test_concurrent_replays_of_one_client_id_count_once(wagtail_site):
    course = course_build(title="Formation concurrente", modules=1, lessons=2)
    learner = LearnerFactory()
    services.enrollment_create(learner=learner, course=course)
    lesson = lessons_of(course)[0]
    client_id = uuid.uuid4()

    def send():
        return services.lesson_complete_offline(
            learner=learner, lesson=lesson, client_id=client_id
        ).replay

    results, errors = run_together(4, send)
    assert errors == []
    assert sorted(results) == [False, True, True, True]
    assert OfflineReceipt.objects.count() == 1
    assert LessonCompletion.objects.count() == 1


# The installable web app


def test_the_web_app_manifest_is_french_with_two_png_icons(client):
    from django.contrib.staticfiles import finders
    from PIL import Image

    response = client.get("/manifest.webmanifest")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/manifest+json"
    data = json.loads(response.content)
    assert data["name"] == "Kalan" and data["lang"] == "fr" and data["display"] == "standalone"
    sizes = []
    for icon in data["icons"]:
        path = finders.find(icon["src"].removeprefix("/static/"))
        with Image.open(path) as image:
            assert f"{image.width}x{image.height}" == icon["sizes"]
            sizes.append(icon["sizes"])
    assert sizes == ["192x192", "512x512"]


def test_the_service_worker_is_served_at_the_root_and_never_cached(client):
    response = client.get("/sw.js")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/javascript")
    assert response["Service-Worker-Allowed"] == "/"
    assert "no-cache" in response["Cache-Control"]
    assert b'addEventListener("fetch"' in response.content


def test_the_policy_allows_our_worker_and_every_page_loads_the_script(client, enrolled):
    course, learner = enrolled
    response = client.get(course.url)
    policy = response["Content-Security-Policy"]
    assert "worker-src 'self'" in policy and "manifest-src 'self'" in policy
    html = response.content.decode()
    assert '<script src="/static/js/offline.js" defer></script>' in html
    assert '<link rel="manifest" href="/manifest.webmanifest">' in html
    assert f'data-offline-user="{selectors.offline_user_key(learner)}"' in html
    assert f'data-offline-manifest="/hors-ligne/formation/{course.pk}/"' in html
    assert 'id="offline-strings"' in html


def test_the_offline_page_is_the_same_for_everybody(client):
    anonymous = client.get(reverse("courses:offline"))
    assert anonymous.status_code == 200
    html = anonymous.content.decode()
    assert "<h1>Hors ligne</h1>" in html and "data-offline-list" in html
    assert 'id="offline-strings"' in html and "data-offline-user" not in html


def test_the_offline_script_budget():
    """All offline JavaScript (the page's script and the service worker) ≤ 12 KB gzipped."""
    import gzip

    from django.contrib.staticfiles import finders

    total = 0
    for name in ("js/offline.js", "js/sw.js"):
        with open(finders.find(name), "rb") as source:
            total += len(gzip.compress(source.read(), 9))
    assert total <= 12 * 1024, total


# Shared phones (point 5)


def test_every_page_names_whose_session_it_is_for_the_service_worker(client, enrolled):
    """The worker learns who is signed in from each page it relays (Kalan-Offline-User):
    the person's opaque key, or nothing; never on what is not a page."""
    course, learner = enrolled
    key = selectors.offline_user_key(learner)
    assert client.get(course.url)["Kalan-Offline-User"] == key
    assert client.get(reverse("home"))["Kalan-Offline-User"] == key
    assert "Kalan-Offline-User" not in client.get(
        reverse("courses:offline_manifest", args=[course.pk])
    )
    assert "Kalan-Offline-User" not in client.get("/sw.js")
    signed_out = client.post(reverse("accounts:logout"), follow=True)
    assert signed_out.redirect_chain[-1][0] == reverse("accounts:login")
    assert signed_out["Kalan-Offline-User"] == ""
    assert Client().get(reverse("courses:offline"))["Kalan-Offline-User"] == ""
    assert key not in Client().get(reverse("accounts:login")).content.decode()


def test_signing_out_offers_its_question_only_to_the_script(client, enrolled):
    """The question « Des envois attendent… » is a closed <dialog> that offline.js opens;
    without JavaScript the sign-out form posts as always."""
    course, _learner = enrolled
    html = client.get(course.url).content.decode()
    assert '<form method="post" action="/deconnexion/" data-offline-signout-form>' in html
    dialog = html[html.index("<dialog") : html.index("</dialog>")]
    assert 'aria-labelledby="offline-signout-title"' in dialog and " open" not in dialog
    assert "Envoyer d’abord" in dialog and "Abandonner et me déconnecter" in dialog
    assert "<dialog" not in Client().get(reverse("accounts:login")).content.decode()
    response = client.post(reverse("accounts:logout"))
    assert response.status_code == 302 and response["Location"] == reverse("accounts:login")
    assert "_auth_user_id" not in client.session


def test_a_queue_sent_under_someone_elses_session_is_refused_and_kept_for_its_author(
    client, enrolled
):
    """On a shared phone, a completion queued by one person and sent while another is signed
    in counts for nobody (409, the device keeps it); sent later by its author, it counts."""
    course, learner = enrolled
    lesson = lessons_of(course)[0]
    other = LearnerFactory()
    services.enrollment_create(learner=other, course=course)
    item = {"client_id": str(uuid.uuid4()), "user": selectors.offline_user_key(learner)}
    client.force_login(other)
    refused = _sync(client, lesson, **item)
    assert refused.status_code == 409
    assert refused.json() == {"error": "Cet envoi a été préparé par une autre personne."}
    assert not LessonCompletion.objects.exists() and not OfflineReceipt.objects.exists()
    client.force_login(learner)
    assert _sync(client, lesson, **item).json()["status"] == "accepted"
    assert list(LessonCompletion.objects.values_list("learner_id", flat=True)) == [learner.pk]


def test_lesson_images_come_at_their_smallest_rendition_with_the_pages_stem(
    client, enrolled, tmp_path, settings
):
    """The pack holds each image once, 400 px wide; offline, the service worker answers any
    other size of the same image with it, by the file name before the filter (RENDITION in
    static/js/sw.js): the page's own <img> shares that stem."""
    import re
    from io import BytesIO

    from django.core.files.images import ImageFile
    from PIL import Image as PILImage
    from wagtail.images.models import Image

    settings.MEDIA_ROOT = str(tmp_path)
    course, _learner = enrolled
    images = []
    for n in range(2):
        buffer = BytesIO()
        PILImage.new("RGB", (1600, 900), "#0b6b3a").save(buffer, "JPEG")
        images.append(
            Image.objects.create(title=f"Photo {n}", file=ImageFile(buffer, name=f"photo{n}.jpg"))
        )
    lesson = lessons_of(course)[0]
    lesson.body = [
        ("image", {"image": image, "alt_text": "Une photo", "caption": "", "credit": ""})
        for image in [*images, images[0]]
    ]
    lesson.save_revision().publish()
    entries = [e for e in _manifest(client, course)["entries"] if e["kind"] == "image"]
    assert [e["title"] for e in entries] == ["Photo 0", "Photo 1"]
    assert all(".width-400." in e["url"] and e["url"].endswith(".jpg") for e in entries)
    rendition = re.compile(r"\.(width|height|fill|max|min|format|original)-.*$")
    html = client.get(lesson.url).content.decode()
    page_images = re.findall(r'<img[^>]* src="([^"]+)"', html)
    assert page_images
    stems = {rendition.sub(".", e["url"]) for e in entries}
    assert {rendition.sub(".", src) for src in page_images} <= stems
