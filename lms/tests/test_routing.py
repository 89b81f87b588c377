"""lms/routing.py: Wagtail's page view, with the site matched from a cached table and the page
found by its url_path. Each shortcut must give what Wagtail's own lookup gives."""

from urllib.parse import parse_qs, urlsplit

import pytest
from django.core.cache import cache
from django.db import connection
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext
from django.urls import resolve, reverse
from wagtail.models import Page, PageViewRestriction, Site
from wagtail.models.sites import get_site_for_hostname

from accounts.tests.factories import LearnerFactory
from courses import caching, services
from courses.models import CourseIndexPage, LessonPage, ModulePage
from courses.tests.factories import course_build, lesson_body, lessons_of
from lms import routing

pytestmark = pytest.mark.django_db


def _sites_cache_clear():
    cache.delete(routing.SITES_KEY)
    Site.clear_site_root_paths_cache()


@pytest.fixture
def fresh_sites():
    """The cached site table and Wagtail's site root paths, emptied before and after the test:
    the rollback that ends a test sends no signal, so what a test cached of its own sites would
    outlive them in this process's cache."""
    _sites_cache_clear()
    yield
    _sites_cache_clear()


# --- Matching the site of a request -----------------------------------------------------------

# Each configuration: (hostname, port, is_default_site) of every site.
SITE_CONFIGURATIONS = {
    "un-site-par-defaut": [("kalan.test", 80, True)],
    "defaut-et-autre-hote": [("kalan.test", 80, True), ("autre.test", 80, False)],
    "meme-hote-deux-ports-sans-defaut": [("kalan.test", 80, False), ("kalan.test", 8000, False)],
    "meme-hote-deux-ports-defaut-ailleurs": [
        ("defaut.test", 80, True),
        ("kalan.test", 80, False),
        ("kalan.test", 8000, False),
    ],
    "hote-et-defaut-sur-le-meme-hote": [("kalan.test", 80, True), ("kalan.test", 8000, False)],
    "defaut-sur-un-autre-port-du-meme-hote": [
        ("kalan.test", 8000, True),
        ("kalan.test", 80, False),
        ("autre.test", 80, False),
    ],
    "un-seul-site-pas-par-defaut": [("autre.test", 80, False)],
}

REQUESTS = [
    ("kalan.test", 80),
    ("kalan.test", 8000),
    ("kalan.test", 443),
    ("autre.test", 80),
    ("autre.test", 8000),
    ("defaut.test", 80),
    ("inconnu.test", 80),
]


def _sites_build(configuration: str) -> None:
    """Replaces the sites of the database by those of `configuration`, each on a root page of
    its own below the tree's root."""
    Site.objects.all().delete()
    root = Page.get_first_root_node()
    for n, (hostname, port, is_default) in enumerate(SITE_CONFIGURATIONS[configuration]):
        home = root.add_child(instance=Page(title=f"Accueil {n}", slug=f"accueil-site-{n}"))
        Site.objects.create(
            hostname=hostname, port=port, root_page=home, is_default_site=is_default
        )


def _wagtail_site(hostname: str, port) -> Site | None:
    try:
        return get_site_for_hostname(hostname, port)
    except Site.DoesNotExist:
        return None


def _pk(site):
    return site.pk if site is not None else None


@pytest.mark.parametrize("configuration", SITE_CONFIGURATIONS)
def test_site_for_hostname_matches_wagtail(configuration, fresh_sites):
    _sites_build(configuration)
    sites = routing.sites_all()
    assert len(sites) == len(SITE_CONFIGURATIONS[configuration])
    for hostname, port in REQUESTS:
        expected = _wagtail_site(hostname, port)
        found = routing.site_for_hostname(sites, hostname, port)
        assert _pk(found) == _pk(expected), (hostname, port)


@pytest.mark.parametrize("configuration", SITE_CONFIGURATIONS)
def test_site_for_request_matches_wagtail(configuration, fresh_sites):
    """The same matrix, through a request as `serve` receives it: Django gives the port as a
    string (`request.get_port()`), Wagtail compares it in SQL, where "8000" equals 8000."""
    _sites_build(configuration)
    factory = RequestFactory()
    for hostname, port in REQUESTS:
        meta = {"HTTP_HOST": f"{hostname}:{port}", "SERVER_PORT": str(port)}
        expected = Site.find_for_request(factory.get("/", **meta))
        found = routing.site_for_request(factory.get("/", **meta))
        assert _pk(found) == _pk(expected), (hostname, port)


def test_the_site_table_is_read_from_the_cache(fresh_sites):
    routing.sites_all()
    with CaptureQueriesContext(connection) as queries:
        assert routing.sites_all()
    assert len(queries) == 0


def test_the_site_table_is_read_again_after_a_site_is_saved_or_deleted(client, fresh_sites):
    """A second site, whose root is the catalogue, serves the courses at its own root."""
    client.force_login(LearnerFactory())
    course = course_build(modules=1, lessons=1)
    catalogue = CourseIndexPage.objects.get()
    url = f"/{course.slug}/"
    other_host = {"HTTP_HOST": "autre.test"}
    # The table is cached with the default site only: the course is not at that site's root.
    assert client.get(url, **other_host).status_code == 404

    other = Site.objects.create(hostname="autre.test", port=80, root_page=catalogue)
    request = RequestFactory().get(url, HTTP_HOST="autre.test")
    assert _pk(routing.site_for_request(request)) == other.pk
    response = client.get(url, **other_host)
    assert response.status_code == 200
    assert course.title in response.content.decode()

    other.root_page = course
    other.save()
    assert (
        routing.site_for_request(RequestFactory().get("/", HTTP_HOST="autre.test")).root_page_id
        == course.pk
    )

    other.delete()
    request = RequestFactory().get(url, HTTP_HOST="autre.test")
    assert routing.site_for_request(request).is_default_site
    assert client.get(url, **other_host).status_code == 404


# --- Finding the page -------------------------------------------------------------------------


@pytest.fixture
def course_tree():
    """A catalogue › course › module › lesson tree with a quiz in the module, all live."""
    from quizzes.tests.factories import quiz_make

    course = course_build(modules=1, lessons=2)
    module = ModulePage.objects.child_of(course).get()
    quiz = quiz_make(module)
    return course, module, quiz


def _live_pages_of_tree(course, quiz):
    catalogue = CourseIndexPage.objects.get()
    module = ModulePage.objects.child_of(course).get()
    return [catalogue, course, module, *lessons_of(course), quiz]


def _path_of(page) -> str:
    """The path as `serve` receives it: the page's URL without its leading slash."""
    return page.url.lstrip("/")


def _wagtail_walk(path: str):
    request = RequestFactory().get("/" + path)
    site = Site.find_for_request(request)
    components = [component for component in path.split("/") if component]
    return site.root_page.specific.route(request, components)


def test_route_for_request_finds_the_page_wagtail_finds(course_tree, fresh_sites):
    course, _module, quiz = course_tree
    pages = _live_pages_of_tree(course, quiz)
    assert {type(page).__name__ for page in pages} >= {
        "CourseIndexPage",
        "CoursePage",
        "ModulePage",
        "LessonPage",
        "QuizPage",
    }
    for page in pages:
        path = _path_of(page)
        request = RequestFactory().get("/" + path)
        found = routing.route_for_request(request, path)
        expected = _wagtail_walk(path)
        assert found is not None, path
        assert found.page.pk == expected.page.pk == page.pk, path
        assert type(found.page) is type(expected.page), path
        assert (found.args, found.kwargs) == (expected.args, expected.kwargs), path
        # Handed to Wagtail where it looks for it.
        assert request._wagtail_route_for_request is found
        assert Page.route_for_request(request, path) is found


def test_route_for_request_leaves_the_rest_to_wagtail(client, course_tree, fresh_sites):
    course, module, _quiz = course_tree
    draft = module.add_child(
        instance=LessonPage(title="Leçon en brouillon", body=lesson_body(), live=False)
    )
    learner = LearnerFactory()
    services.enrollment_create(learner=learner, course=course)
    client.force_login(learner)

    draft_path = draft.url_path.removeprefix(Site.objects.get().root_page.url_path)
    unknown_path = _path_of(course) + "module-inconnu/"
    for path in (draft_path, unknown_path, ""):
        assert routing.route_for_request(RequestFactory().get("/" + path), path) is None, path
    assert client.get("/" + draft_path).status_code == 404
    assert client.get("/" + unknown_path).status_code == 404


# --- Serving a lesson -------------------------------------------------------------------------


def test_a_lesson_is_served_in_a_fixed_number_of_queries(
    client, django_assert_num_queries, fresh_sites
):
    course = course_build(modules=2, lessons=2)
    learner = LearnerFactory()
    services.enrollment_create(learner=learner, course=course)
    client.force_login(learner)
    lesson = lessons_of(course)[0]
    cache.delete(caching.RESTRICTIONS_KEY)  # a stale flag left by another test would add one
    client.get(lesson.url)  # fills the per-process and shared caches (sites, body, flags)

    # 1. the signed-in user (the session itself comes from the cache: cached_db);
    # 2. the learner's enrolment in the lesson's course, with the course.
    # The lesson, found by its url_path (courses.routing.page_at), the site, the
    # view-restriction flag, the learner's outline (courses.caching.learner_outline) and the
    # body come from the cache.
    with django_assert_num_queries(2):
        response = client.get(lesson.url)
    assert response.status_code == 200
    assert f"<h1>{lesson.title}</h1>" in response.content.decode()


def test_a_lesson_kept_in_the_cache_follows_a_publication_a_move_and_an_unpublication(
    client, fresh_sites
):
    course = course_build(modules=2, lessons=1)
    learner = LearnerFactory()
    services.enrollment_create(learner=learner, course=course)
    client.force_login(learner)
    lesson = lessons_of(course)[0]
    old_url = lesson.url
    assert client.get(old_url).status_code == 200
    lesson.title = "Titre publié ensuite"
    lesson.save_revision().publish()
    assert "<h1>Titre publié ensuite</h1>" in client.get(old_url).content.decode()
    second_module = ModulePage.objects.child_of(course).order_by("path").last()
    lesson.move(second_module, pos="last-child")
    lesson.refresh_from_db()
    moved = client.get(old_url)  # Wagtail's redirect, made by the move
    assert (moved.status_code, moved["Location"]) == (301, lesson.url)
    assert client.get(lesson.url).status_code == 200
    lesson.unpublish()
    assert client.get(lesson.url).status_code == 404


def test_wagtail_other_urls_still_work(client):
    assert resolve("/formations/").func is routing.serve
    assert client.get("/_util/login/").status_code == 200
    assert reverse("wagtail_serve", args=["formations/"]) == "/formations/"
    assert reverse("wagtail_serve", args=[""]) == "/"


# --- View restrictions (Wagtail's before_serve_page hooks) ------------------------------------


@pytest.fixture
def enrolled(client):
    course = course_build(modules=1, lessons=1)
    learner = LearnerFactory()
    services.enrollment_create(learner=learner, course=course)
    return course, lessons_of(course)[0], learner


def test_a_login_restriction_still_protects_a_page(client, enrolled, fresh_sites):
    course, _lesson, _learner = enrolled
    assert client.get(course.url).status_code == 200  # the course page is public
    PageViewRestriction.objects.create(page=course, restriction_type=PageViewRestriction.LOGIN)
    response = client.get(course.url)
    assert response.status_code == 302
    location = urlsplit(response.url)
    assert location.path == reverse("wagtailcore_login")
    assert parse_qs(location.query)["next"] == [course.url]


def test_a_password_restriction_still_protects_a_lesson(client, enrolled, fresh_sites):
    course, lesson, learner = enrolled
    client.force_login(learner)
    response = client.get(lesson.url)
    assert response.status_code == 200 and "Premier point" in response.content.decode()
    PageViewRestriction.objects.create(
        page=course, restriction_type=PageViewRestriction.PASSWORD, password="secret"
    )
    response = client.get(lesson.url)
    html = response.content.decode()
    assert 'type="password"' in html
    assert "Premier point" not in html
    # Once the password given, the lesson opens.
    restriction = PageViewRestriction.objects.get()
    action = reverse("wagtailcore_authenticate_with_password", args=[restriction.pk, lesson.pk])
    client.post(action, {"password": "secret", "return_url": lesson.url})
    assert "Premier point" in client.get(lesson.url).content.decode()


def test_the_site_table_is_emptied_by_every_process_not_only_those_that_load_the_urls():
    """LmsConfig.ready connects the receivers: a Celery worker or a management command that
    saves a site, without ever loading the URLs, still empties the shared table."""
    from django.apps import apps
    from django.db.models.signals import post_delete, post_save

    assert type(apps.get_app_config("lms")).__name__ == "LmsConfig"
    for signal in (post_save, post_delete):
        receivers = signal._live_receivers(Site)
        receivers = receivers[0] if isinstance(receivers, tuple) else receivers
        assert routing._sites_changed in receivers
