from django.http import HttpResponsePermanentRedirect, JsonResponse
from django.shortcuts import render
from django.templatetags.static import static
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from .health import broker_check, database_check


@require_GET
def favicon(request):
    """Browsers ask for /favicon.ico by themselves, whatever the pages link: send them to the
    SVG icon (hashed name in production) instead of a 404 page."""
    return HttpResponsePermanentRedirect(static("img/favicon.svg"))


@never_cache
@require_GET
def healthz(request):
    """JSON status of the database and the broker; 503 when one of them is down. It names no
    host or credentials, so it can stay public for the load balancer."""
    checks = {"database": database_check(), "broker": broker_check()}
    body = {name: ("ok" if error is None else "error") for name, error in checks.items()}
    healthy = all(error is None for error in checks.values())
    body["status"] = "ok" if healthy else "error"
    return JsonResponse(body, status=200 if healthy else 503)


def error_403(request, exception=None):
    return render(request, "403.html", status=403)


def error_404(request, exception=None):
    return render(request, "404.html", status=404)


def error_500(request):
    # No context processors that might fail again: the template is self-contained.
    return render(request, "500.html", status=500)
