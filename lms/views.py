from datetime import timedelta

from django.conf import settings
from django.http import HttpResponse, HttpResponsePermanentRedirect, JsonResponse
from django.shortcuts import render
from django.templatetags.static import static
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from accounts.selectors import supervised_units

from .health import broker_check, cache_check, database_check


def signin_landing(user) -> str:
    """KALAN_SIGNIN_LANDING: where a person signing in without `next` lands, by what they
    come to do. Someone given units (a supervisor, or an administrator who also supervises)
    follows them on the dashboard; someone else who works in the Wagtail admin (an editor, a
    reviewer, an administrator) lands there, not on a dashboard of every unit; everybody
    else, learners first, on « Mes formations »."""
    if supervised_units(user):
        return reverse("tracking:dashboard")
    if user.has_perm("wagtailadmin.access_admin"):
        return reverse("wagtailadmin_home")
    return reverse("home")


@require_GET
def favicon(request):
    """Browsers ask for /favicon.ico by themselves, whatever the pages link: send them to the
    SVG icon (hashed name in production) instead of a 404 page."""
    return HttpResponsePermanentRedirect(static("img/favicon.svg"))


@require_GET
def security_txt(request):
    """RFC 9116: where to report a flaw (SECURITY.md says what happens next). The contact is
    the deployment's (KALAN_SECURITY_CONTACT); the file says itself when to check it again."""
    expires = timezone.now() + timedelta(days=365)  # UTC: USE_TZ is on
    lines = [
        f"Contact: {settings.KALAN_SECURITY_CONTACT}",
        f"Expires: {expires:%Y-%m-%dT%H:%M:%SZ}",
        "Preferred-Languages: fr, en",
        f"Canonical: {settings.WAGTAILADMIN_BASE_URL.rstrip('/')}/.well-known/security.txt",
    ]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")


@never_cache
@require_GET
def healthz(request):
    """JSON status of the database, the broker and the cache. It names no host or
    credentials, so it can stay public for the load balancer.

    503 when this node cannot serve pages: the database or the broker is down. A cache that
    is down gives 200 with "status": "degraded": pages then run on the database alone
    (lms/cache.py), and the cache is shared by every node, so a 503 would make the load
    balancer take every node out at once for a Redis that blinked."""
    checks = {"database": database_check(), "broker": broker_check(), "cache": cache_check()}
    body = {name: ("ok" if error is None else "error") for name, error in checks.items()}
    fatal = checks["database"] is not None or checks["broker"] is not None
    if fatal:
        body["status"] = "error"
    else:
        body["status"] = "ok" if checks["cache"] is None else "degraded"
    return JsonResponse(body, status=503 if fatal else 200)


def error_400(request, exception=None):
    # Not Django's default view: it is wrapped in requires_csrf_token, which parses the POST
    # body again, and a body that failed to parse (a charset=utf-16 form) then raised a 500.
    return render(request, "400.html", status=400)


def error_403(request, exception=None):
    return render(request, "403.html", status=403)


def error_404(request, exception=None):
    return render(request, "404.html", status=404)


def error_500(request):
    # No context processors that might fail again: the template is self-contained.
    return render(request, "500.html", status=500)


@require_GET
def webmanifest(request):
    """The web app manifest: Kalan can be installed on a phone's home screen."""
    from django.utils.translation import gettext as _

    manifest = {
        "name": "Kalan",
        "short_name": "Kalan",
        "description": _("Les formations de la CNDH, même sans connexion."),
        "lang": "fr",
        "start_url": reverse("home"),
        "scope": "/",
        "display": "standalone",
        "background_color": "#ffffff",
        "theme_color": "#0b6b3a",
        "icons": [
            {
                "src": static(f"img/icon-{size}.png"),
                "sizes": f"{size}x{size}",
                "type": "image/png",
                "purpose": "any maskable",
            }
            for size in (192, 512)
        ],
    }
    return JsonResponse(
        manifest,
        content_type="application/manifest+json",
        json_dumps_params={"ensure_ascii": False},
    )


def _service_worker_source(_cache: dict = {}) -> bytes:  # noqa: B006 (per process)
    if "source" not in _cache:
        from django.contrib.staticfiles import finders

        with open(finders.find("js/sw.js"), "rb") as source:
            _cache["source"] = source.read()
    return _cache["source"]


@require_GET
def service_worker(request):
    """The service worker, `static/js/sw.js`, served from the site root so that its scope is
    the whole site. `no-cache`: the browser asks again at each visit, so a new version is
    installed as soon as it is deployed."""
    response = HttpResponse(_service_worker_source(), content_type="text/javascript")
    response["Service-Worker-Allowed"] = "/"
    response["Cache-Control"] = "no-cache"
    return response
