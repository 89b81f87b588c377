"""Wagtail's page view, with the site and the page found in fewer queries.

For every page it serves, Wagtail reads the `Site` of the request (an ORM query with a `CASE`
ordering), then walks the tree from the site's root: two queries per level, four to six for a
lesson. Here the sites are kept in the shared cache (a short list, emptied whenever a site is
saved or deleted) and matched in Python as Wagtail matches them (`site_for_request`), and the
page is read by its `url_path` (`courses.routing.page_at`): one query for a lesson.

Both results are handed to Wagtail through the attributes where it caches them on the request
(`request._wagtail_site`, `request._wagtail_route_for_request`, as `Site.find_for_request` and
`Page.route_for_request` document), and Wagtail's own view then serves the page: its hooks
(view restrictions, `before_serve_page`) and each page's `serve` run as before.

The shortcut gives the page Wagtail's walk would give, because no page type of the course tree
routes differently from its `url_path` (the catalogue's `route` reads `url_path` too). A URL
that matches no live page's `url_path` is left to Wagtail's walk, so a page type that adds
routes of its own (Wagtail's `RoutablePageMixin`) still gets the URLs below it; only a route of
its that shadows one of its real child pages would be served the child instead."""

from django.core.cache import cache
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from django.http.request import split_domain_port
from wagtail import views as wagtail_views
from wagtail.models import Site
from wagtail.url_routing import RouteResult

from courses.routing import page_at

SITES_KEY = "lms:sites"
# Emptied whenever a site is saved or deleted (receivers connected by LmsConfig.ready in every
# process); the hour, as Wagtail's own site root paths, bounds a change made without a signal.
SITES_TIMEOUT = 60 * 60


def sites_all() -> list[Site]:
    """Every site, without its root page; from the shared cache, read again after a change."""
    return cache.get_or_set(
        SITES_KEY, lambda: list(Site.objects.order_by("pk")), timeout=SITES_TIMEOUT
    )


@receiver(post_save, sender=Site)
@receiver(post_delete, sender=Site)
def _sites_changed(**kwargs):
    cache.delete(SITES_KEY)


def site_for_hostname(sites: list[Site], hostname: str, port: int) -> Site | None:
    """Wagtail's choice (`wagtail.models.sites.get_site_for_hostname`) among `sites`: the
    hostname and port, else the hostname of the default site, else the only other site with
    that hostname, else the default site; None when nothing fits."""

    def rank(site):
        if site.hostname == hostname:
            if site.port == port:
                return 0
            if site.is_default_site:
                return 1
            return 3
        return 2  # the default site, another hostname

    candidates = sorted(
        (site for site in sites if site.hostname == hostname or site.is_default_site), key=rank
    )
    if not candidates:
        return None
    best = rank(candidates[0])
    if len(candidates) == 1 or best in (0, 1):
        return candidates[0]
    if best == 2:
        # The default site, unless exactly one other site has this hostname.
        return candidates[len(candidates) == 2]
    return None  # several sites with this hostname on other ports, and no default site


def site_for_request(request) -> Site | None:
    if not hasattr(request, "_wagtail_site"):
        hostname = split_domain_port(request._get_raw_host())[0]
        try:
            port = int(request.get_port())  # a string in Django, a number in Site
        except ValueError:
            port = None
        request._wagtail_site = site_for_hostname(sites_all(), hostname, port)
    return request._wagtail_site


def _root_path(site: Site) -> str | None:
    for root in Site.get_site_root_paths():
        if root.site_id == site.pk:
            return root.root_path
    return None


def route_for_request(request, path: str) -> RouteResult | None:
    """The live page at `path` found by its url_path (in `request._wagtail_route_for_request`
    too), or None: Wagtail's own walk is then left to find it, or to answer 404."""
    site = site_for_request(request)
    if site is None:
        return None
    if not hasattr(request, "_wagtail_route_for_request"):
        root_path = _root_path(site)
        components = [component for component in path.split("/") if component]
        if root_path is None or not components:
            return None
        # The catalogue sits below the site's root: a lesson is 3 below the catalogue.
        page = page_at(
            root_path + "/".join(components) + "/", depth_below_catalogue=len(components) - 1
        )
        if page is None or not page.live:
            return None
        request._wagtail_route_for_request = RouteResult(page)
    return request._wagtail_route_for_request


def serve(request, path):
    """Wagtail's `serve`, routed here first (`route_for_request`)."""
    route_for_request(request, path)
    return wagtail_views.serve(request, path)
