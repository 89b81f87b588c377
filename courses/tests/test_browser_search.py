"""The search page on a phone and a desktop (issue 16, point 11): the empty form, results with
their kind, course › module and marked excerpt, a second page, and no result. axe finds no
serious violation; nothing overflows; the query is typed and sent without JavaScript."""

import pytest
from axe_playwright_python.sync_playwright import Axe

from conftest import login_browser

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

WIDTHS = (390, 1366)
TORTURE = (
    "<p>La torture est interdite en toutes circonstances, y compris pendant la garde à vue. "
    "Les aveux obtenus sous la torture sont nuls et les tortures engagent la responsabilité "
    "pénale de l’officier de police judiciaire qui les ordonne ou les tolère.</p>"
)


def _axe_clean(page, label):
    results = Axe().run(page)
    blocking = [v for v in results.response["violations"] if v["impact"] in {"serious", "critical"}]
    assert not blocking, f"{label}: " + "; ".join(f"{v['id']}: {v['help']}" for v in blocking)


def _fits(page, width):
    assert page.evaluate("document.documentElement.scrollWidth") <= width


def _learner_with_courses():
    from wagtail.rich_text import RichText

    from accounts.tests.factories import LearnerFactory
    from courses import services
    from courses.models import LessonPage, ModulePage
    from courses.tests.factories import course_build
    from quizzes.tests.factories import quiz_make

    learner = LearnerFactory(full_name="Aminata Traoré")
    course = course_build(title="Interdiction de la torture", modules=2, lessons=6)
    services.enrollment_create(learner=learner, course=course)
    module = ModulePage.objects.child_of(course).order_by("path").first()
    module.title = "Torture et mauvais traitements : les interdits absolus"
    module.save_revision().publish()
    for n, lesson in enumerate(LessonPage.objects.descendant_of(course).order_by("path")):
        lesson.body = [("paragraph", RichText(TORTURE))]
        if n == 0:
            lesson.title = "La prohibition absolue de la torture"
        lesson.save_revision().publish()
    quiz_make(module, title="Quiz : reconnaître la torture", intro="<p>Cinq questions.</p>")
    course_build(title="Garde à vue : droits de la personne", modules=1, lessons=1)
    return learner


def test_search_on_a_phone_and_a_desktop(page, wagtail_site, client, base_url, screenshot_dir):
    learner = _learner_with_courses()
    login_browser(page, client, learner, base_url)
    for width in WIDTHS:
        page.set_viewport_size({"width": width, "height": 900})

        page.goto("/recherche/")
        assert "Le début d’un mot suffit" in page.locator("main").inner_text()
        _fits(page, width)
        _axe_clean(page, f"recherche vide {width}")
        page.screenshot(path=screenshot_dir / f"recherche-vide-{width}.png", full_page=True)

        page.get_by_role("searchbox", name="Rechercher dans les formations").fill("tortur")
        page.get_by_role("button", name="Rechercher").click()
        page.wait_for_url("**/recherche/?q=tortur")
        assert (
            page.locator("#search-status").inner_text() == "15 résultats pour «\u00a0tortur\u00a0»"
        )
        results = page.locator("ol.results > li")
        assert results.count() == 10
        first = results.first.inner_text()
        assert "Interdiction de la torture" in first
        assert page.locator("ol.results mark").first.is_visible()
        _fits(page, width)
        _axe_clean(page, f"résultats {width}")
        page.screenshot(path=screenshot_dir / f"recherche-resultats-{width}.png", full_page=True)

        page.get_by_role("link", name="Suivante →").click()
        page.wait_for_load_state()
        assert page.locator("ol.results > li").count() == 5
        assert "Page 2 sur 2" in page.locator("nav.pagination").inner_text()
        _axe_clean(page, f"résultats page 2 {width}")

        page.goto("/recherche/?q=extradition")
        assert (
            page.locator("#search-status").inner_text()
            == "Aucun résultat pour «\u00a0extradition\u00a0»."
        )
        _fits(page, width)
        _axe_clean(page, f"aucun résultat {width}")
        page.screenshot(path=screenshot_dir / f"recherche-aucun-{width}.png", full_page=True)
