"""Middleware that turns requests away before anything reads them, and keeps responses that
carry personal data out of shared and disk caches."""

from django.conf import settings
from django.middleware.gzip import GZipMiddleware
from django.shortcuts import render
from django.utils import translation
from django.utils.cache import patch_cache_control


class RequestBodyLimitMiddleware:
    """Refuses a body larger than KALAN_MAX_REQUEST_BODY_SIZE from its Content-Length with a
    413 page, before any other middleware (the CSRF check reads the form) makes Django read
    it and spool it to a temporary file.

    A body sent in chunks (`Transfer-Encoding: chunked`, no Content-Length) is refused with
    411: browsers never send one, and Django would not read it anyway (no length means an
    empty body). The proxy in front (nginx's client_max_body_size) refuses the same bodies
    even earlier; this is the limit that holds whatever the proxy says."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        limit = settings.KALAN_MAX_REQUEST_BODY_SIZE
        raw_length = (request.META.get("CONTENT_LENGTH") or "").strip()
        if raw_length:
            if not raw_length.isascii() or not raw_length.isdigit():
                return refusal(request, status=400)
            if int(raw_length) > limit:
                return refusal(request, status=413)
        elif "chunked" in request.META.get("HTTP_TRANSFER_ENCODING", "").lower():
            return refusal(request, status=411)
        return self.get_response(request)


class NullCharacterQueryMiddleware:
    """A NUL character in the query string is a 400: PostgreSQL refuses it in any text value,
    so a search for "a%00b" was a 500."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        for key, values in request.GET.lists():
            if "\x00" in key or any("\x00" in value for value in values):
                return refusal(request, status=400)
        return self.get_response(request)


def refusal(request, *, status: int):
    """The error page, in the language chosen with the switcher: these refusals come before
    the middleware that reads the account's language, and must not touch the database."""
    language = request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME)
    if language not in dict(settings.LANGUAGES):
        language = settings.LANGUAGE_CODE
    with translation.override(language):
        if status == 400:
            return render(request, "400.html", status=400)
        context = {"limit": settings.KALAN_MAX_REQUEST_BODY_SIZE, "chunked": status == 411}
        return render(request, "413.html", context, status=status)


class PrivateCacheMiddleware:
    """Every response to a signed-in user carries their data (names, progress, answers,
    certificates, exports): `Cache-Control: private, no-store`, so that neither a shared
    proxy nor the browser's disk cache of a shared phone keeps a copy. Anonymous responses
    with personal data (the public verification page and its JSON) say so themselves."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated:
            patch_cache_control(response, private=True, no_store=True)
        return response


class OfflineUserMiddleware:
    """Every page names, in the header `Kalan-Offline-User`, whom its session belongs to: the
    opaque key of the signed-in person's caches on the device
    (`courses.selectors.offline_user_key`), or nothing. The service worker reads it on each
    page it relays, before the page is shown, and from then on serves offline only that
    person's downloads (issue 19, point 5: shared phones). Only on HTML pages, the only
    responses the worker reads it on."""

    HEADER = "Kalan-Offline-User"

    def __init__(self, get_response):
        from courses.selectors import offline_user_key  # models: not at import time

        self.get_response = get_response
        self.key = offline_user_key

    def __call__(self, request):
        response = self.get_response(request)
        if response.get("Content-Type", "").startswith("text/html"):
            user = getattr(request, "user", None)
            signed_in = user is not None and user.is_authenticated
            response[self.HEADER] = self.key(user) if signed_in else ""
        return response


class HtmlCompressionMiddleware(GZipMiddleware):
    """gzip for the HTML pages that show nothing of the request: on a phone a lesson then
    weighs a quarter of its size (bench/RESULTS.md, issue 22).

    BREACH: an attacker who can put text of their choice into a compressed page that also
    holds a secret, and watch the page's size on the network, learns the secret a character at
    a time. So a page is compressed only when nothing of the request can be in it: a GET or
    HEAD without a query string (where searches, filters and `next` come from), answered by a
    view of KALAN_COMPRESSED_VIEWS (the Wagtail pages — lessons, courses, quizzes' front
    pages — and « Mes formations », whose URLs take no free text), with a 200. Everything else
    (forms sent back with their errors, search results, the verification of a code typed in
    the URL, the admin) goes out as it is. The CSRF token of the forms on these pages is
    masked again for every response by Django, so it is never the same secret twice; and
    Django's gzip adds 0 to 100 random bytes to each answer (« Heal the BREACH »)."""

    def process_response(self, request, response):
        match = getattr(request, "resolver_match", None)
        if (
            response.status_code != 200
            or request.method not in ("GET", "HEAD")
            or request.META.get("QUERY_STRING")
            or match is None
            or match.view_name not in settings.KALAN_COMPRESSED_VIEWS
            or not response.get("Content-Type", "").startswith("text/html")
        ):
            return response
        return super().process_response(request, response)


class PreviewFramingMiddleware:
    """Wagtail's live preview shows the page being edited in a frame of the editor. The site's
    policy forbids every frame (frame-ancestors 'none'), which left the preview panel blank:
    a preview request, and only one (Wagtail flags it `is_preview` before any middleware
    runs), may be framed by the site itself. Placed after CSPMiddleware, so that its response
    reaches that middleware with the replacement attached (django-csp's own mechanism)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if getattr(request, "is_preview", False):
            replace = getattr(response, "_csp_replace", None) or {}
            response._csp_replace = {**replace, "frame-ancestors": ["'self'"]}
        return response


class TemplateLeakCheckMiddleware:
    """Test settings only: a page of ours whose HTML shows template syntax as text (a `{# #}`
    comment written over two lines, a tag or a variable that did not parse) fails the test
    that asked for it, with the place it was found. The admins are left out: Wagtail's pages
    carry client-side templates of their own."""

    MARKERS = ("{#", "#}", "{%", "%}", "{{", "}}")

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if (
            response.get("Content-Type", "").startswith("text/html")
            and not getattr(response, "streaming", False)
            and not request.path.startswith(("/admin/", "/django-admin/"))
        ):
            html = response.content.decode(response.charset or "utf-8", "replace")
            for marker in self.MARKERS:
                at = html.find(marker)
                if at >= 0:
                    around = html[max(at - 80, 0) : at + 80]
                    raise AssertionError(
                        f"{request.path}: template syntax shown as text: {around!r}"
                    )
        return response
