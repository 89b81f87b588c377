"""Requests turned away before anything reads them: oversized or chunked bodies, and NUL
characters in the query string."""

import re

import pytest
from django.conf import settings
from django.test import Client
from django.urls import reverse

from accounts.tests.factories import LearnerFactory

pytestmark = pytest.mark.django_db

MULTIPART = "multipart/form-data; boundary=kalan"
PART = (
    b'--kalan\r\nContent-Disposition: form-data; name="file"; filename="big.pdf"\r\n'
    b"Content-Type: application/pdf\r\n\r\n" + b"%PDF" + b"x" * 60_000
)


class Body:
    """A request body that counts what the server reads of it."""

    def __init__(self, data: bytes):
        self.data, self.read_bytes = data, 0

    def read(self, size=-1):
        chunk = self.data[self.read_bytes :] if size < 0 else self.data[self.read_bytes :][:size]
        self.read_bytes += len(chunk)
        return chunk

    def readline(self, size=-1):
        return self.read(size)


@pytest.fixture
def anonymous():
    """A visitor holding a CSRF cookie: without the limit, the CSRF check reads the form."""
    client = Client(enforce_csrf_checks=True, raise_request_exception=False)
    client.get(reverse("accounts:login"))
    return client


def test_a_300_mb_anonymous_post_is_refused_before_it_is_read(anonymous):
    body = Body(PART)
    response = anonymous.generic(
        "POST",
        reverse("accounts:login"),
        content_type=MULTIPART,
        CONTENT_LENGTH=str(300 * 1024 * 1024),
        **{"wsgi.input": body},
    )
    assert response.status_code == 413
    html = response.content.decode()
    assert "Envoi trop volumineux" in html and "11,0\xa0Mio" in html
    assert body.read_bytes == 0


def test_the_limit_is_above_the_largest_upload_and_refuses_anything_bigger(client):
    limit = settings.KALAN_MAX_REQUEST_BODY_SIZE
    assert limit > settings.KALAN_UPLOAD_MAX_SIZE > settings.WAGTAILIMAGES_MAX_UPLOAD_SIZE
    url = reverse("accounts:login")
    at_limit = client.generic(
        "POST", url, b"", CONTENT_LENGTH=str(limit), **{"wsgi.input": Body(b"")}
    )
    assert at_limit.status_code != 413
    above = client.generic("POST", url, b"", CONTENT_LENGTH=str(limit + 1))
    assert above.status_code == 413


def test_the_limit_is_a_setting(client, settings):
    settings.KALAN_MAX_REQUEST_BODY_SIZE = 1024
    response = client.post(reverse("accounts:login"), {"username": "x" * 2000, "password": "y"})
    assert response.status_code == 413
    assert "1,0\xa0Kio" in response.content.decode()


def test_a_chunked_body_without_length_is_refused(anonymous):
    body = Body(PART)
    response = anonymous.generic(
        "POST",
        reverse("accounts:login"),
        content_type=MULTIPART,
        CONTENT_LENGTH="",
        HTTP_TRANSFER_ENCODING="chunked",
        **{"wsgi.input": body},
    )
    assert response.status_code == 411
    assert "n’a pas annoncé la taille" in response.content.decode()
    assert body.read_bytes == 0


def test_a_malformed_content_length_is_a_400(client):
    response = client.generic("POST", reverse("accounts:login"), b"a=b", CONTENT_LENGTH="²")
    assert response.status_code == 400
    assert "Requête invalide" in response.content.decode()


def test_the_page_follows_the_language_chosen(client):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    response = client.generic(
        "POST", reverse("accounts:login"), b"", CONTENT_LENGTH=str(300 * 1024 * 1024)
    )
    assert response.status_code == 413
    assert "Upload too large" in response.content.decode()


@pytest.mark.parametrize("query", [{"q": "a\x00b"}, {"q\x00": "a"}])
def test_a_nul_character_in_the_query_string_is_a_400_not_a_500(client, query):
    """PostgreSQL refuses NUL in text: the course search with "a%00b" was a 500."""
    client.raise_request_exception = False
    client.force_login(LearnerFactory())
    response = client.get(reverse("courses:search"), query)
    assert response.status_code == 400
    assert "Requête invalide" in response.content.decode()
    assert client.get(reverse("courses:search"), {"q": "garde à vue"}).status_code == 200


def _private(response) -> bool:
    parts = {part.strip() for part in response.get("Cache-Control", "").split(",")}
    return {"private", "no-store"} <= parts and "public" not in parts


def test_every_signed_in_response_is_private_and_not_stored(
    client, settings, tmp_path, django_capture_on_commit_callbacks
):
    from certificates import services as certificate_services
    from certificates.tests.factories import completed_enrollment
    from tracking.tests.factories import supervisor_of, tree_build

    settings.MEDIA_ROOT = str(tmp_path)
    tree = tree_build()
    learner = LearnerFactory(unit=tree.sevare)
    enrollment = completed_enrollment(learner=learner)
    certificate = certificate_services.certificate_issue(
        learner_id=learner.pk, course_id=enrollment.course_id
    )
    client.force_login(learner)
    for url in (
        reverse("home"),
        reverse("certificates:mine"),
        reverse("certificates:download", args=[certificate.serial]),
        reverse("certificates:openbadge", args=[certificate.serial]),
        reverse("certificates:issuer"),  # public by itself, private once signed in
    ):
        response = client.get(url)
        assert response.status_code == 200, url
        assert _private(response), (url, response.get("Cache-Control"))
    client.force_login(supervisor_of(tree.mopti))
    # The export is a job: its page and its file are personal data too.
    settings.CELERY_TASK_ALWAYS_EAGER = True
    with django_capture_on_commit_callbacks(execute=True):
        queued = client.post(reverse("tracking:export", args=["xlsx"]))
    job_page = queued["Location"]
    download = reverse("jobs:job_download", args=[job_page.rstrip("/").rsplit("/", 1)[-1]])
    for url in (reverse("tracking:dashboard"), job_page, download):
        response = client.get(url)
        assert response.status_code == 200 and _private(response), url


def test_the_public_verification_page_and_json_are_private_and_not_stored(
    client, settings, tmp_path
):
    from django.core.cache import cache

    from certificates import services as certificate_services
    from certificates.tests.factories import completed_enrollment

    settings.MEDIA_ROOT = str(tmp_path)
    cache.clear()
    enrollment = completed_enrollment()
    certificate = certificate_services.certificate_issue(
        learner_id=enrollment.learner_id, course_id=enrollment.course_id
    )
    url = reverse("certificates:verify_code", args=[certificate.code_display])
    for response in (client.get(url), client.get(url, {"format": "json"})):
        assert response.status_code == 200
        assert _private(response)


def test_anonymous_pages_without_personal_data_are_left_alone(client):
    assert "Cache-Control" not in client.get(reverse("certificates:verify"))


def test_template_syntax_shown_as_text_fails_the_test_that_renders_it(rf):
    """The test settings' check: a two-line {# #} comment is printed as text by Django."""
    from django.http import HttpResponse

    from lms.middleware import TemplateLeakCheckMiddleware

    leaking = TemplateLeakCheckMiddleware(lambda request: HttpResponse("<p>{# a\nb #}</p>"))
    with pytest.raises(AssertionError, match="template syntax shown as text"):
        leaking(rf.get("/quiz/1/"))
    # Wagtail's admin carries client-side templates of its own.
    assert leaking(rf.get("/admin/pages/")).status_code == 200
    clean = TemplateLeakCheckMiddleware(lambda request: HttpResponse("<p>{ ok }</p>"))
    assert clean(rf.get("/")).status_code == 200


def test_the_check_is_on_in_the_test_settings(settings):
    assert "lms.middleware.TemplateLeakCheckMiddleware" in settings.MIDDLEWARE


# --- HTML compression (lms.middleware.HtmlCompressionMiddleware; BREACH in SECURITY.md) ------


@pytest.fixture
def reader(client):
    """A learner enrolled in a course, signed in, and the course's first lesson."""
    from courses import services as course_services
    from courses.tests.factories import course_build, lessons_of

    learner = LearnerFactory()
    course = course_build(modules=1, lessons=1, sequential=False)
    course_services.enrollment_create(learner=learner, course=course)
    client.force_login(learner)
    return client, lessons_of(course)[0]


def test_a_lesson_is_sent_gzipped_to_a_browser_that_accepts_it(reader):
    import gzip

    client, lesson = reader
    plain = client.get(lesson.url)
    packed = client.get(lesson.url, HTTP_ACCEPT_ENCODING="gzip, deflate, br")
    assert plain.status_code == packed.status_code == 200
    assert "Content-Encoding" not in plain
    assert packed["Content-Encoding"] == "gzip"
    assert "Accept-Encoding" in packed["Vary"] and "Cookie" in packed["Vary"]
    assert int(packed["Content-Length"]) == len(packed.content) < len(plain.content) / 2
    html = gzip.decompress(packed.content).decode()
    assert lesson.title in html and "</html>" in html
    # The same page; only the CSRF token differs, masked again for every response.
    token = re.compile(r'name="csrfmiddlewaretoken" value="[^"]+"')
    assert token.search(html)
    assert token.sub("", html) == token.sub("", plain.content.decode())


def test_home_is_gzipped(reader):
    client, _lesson = reader
    response = client.get(reverse("home"), HTTP_ACCEPT_ENCODING="gzip")
    assert response["Content-Encoding"] == "gzip"


@pytest.mark.parametrize("query", ["?q=csrfmiddlewaretoken", "?next=/", "?x"])
def test_a_page_asked_with_a_query_string_is_not_compressed(reader, query):
    """Whatever the query says could be reflected next to a secret (BREACH)."""
    client, lesson = reader
    response = client.get(lesson.url + query, HTTP_ACCEPT_ENCODING="gzip")
    assert response.status_code == 200
    assert "Content-Encoding" not in response
    assert b"</html>" in response.content


def test_search_results_are_never_compressed(reader):
    client, _lesson = reader
    response = client.get(reverse("courses:search"), {"q": "droit"}, HTTP_ACCEPT_ENCODING="gzip")
    assert response.status_code == 200 and "Content-Encoding" not in response


def test_views_outside_the_list_are_not_compressed(reader):
    """The verification of a code typed in the URL echoes the code; the sign-in form sent back
    with its errors echoes the matricule."""
    client, _lesson = reader
    verify = client.get(
        reverse("certificates:verify_code", args=["ABCD-EFGH-IJKL"]), HTTP_ACCEPT_ENCODING="gzip"
    )
    assert "Content-Encoding" not in verify
    client.logout()
    refused = client.post(
        reverse("accounts:login"),
        {"username": "<attaquant>", "password": "x"},
        HTTP_ACCEPT_ENCODING="gzip",
    )
    assert refused.status_code == 200 and "Content-Encoding" not in refused


def test_a_lesson_refused_or_redirected_is_not_compressed(client):
    from courses.tests.factories import course_build, lessons_of

    lesson = lessons_of(course_build(modules=1, lessons=1))[0]
    anonymous = client.get(lesson.url, HTTP_ACCEPT_ENCODING="gzip")
    assert anonymous.status_code == 302 and "Content-Encoding" not in anonymous
    client.force_login(LearnerFactory())  # not enrolled: sent to the course page
    stranger = client.get(lesson.url, HTTP_ACCEPT_ENCODING="gzip")
    assert stranger.status_code == 302 and "Content-Encoding" not in stranger
