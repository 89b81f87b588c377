"""The page frame on a phone and a desktop: the header fits in two rows on a phone (brand and
account tools, then the main links), the language is one tap, and the footer stays at the
bottom of a short page (issue 16)."""

import pytest

from accounts.tests.factories import LearnerFactory
from conftest import login_browser

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _box(page, selector: str) -> dict:
    return page.evaluate(
        "(s) => { const r = document.querySelector(s).getBoundingClientRect();"
        " return {top: r.top, bottom: r.bottom, height: r.height}; }",
        selector,
    )


@pytest.mark.parametrize(("width", "height", "max_header"), [(390, 844, 125), (1366, 800, 80)])
def test_header_is_compact_and_footer_stays_at_the_bottom(
    page, client, base_url, wagtail_site, screenshot_dir, width, height, max_header
):
    learner = LearnerFactory(full_name="Awa Traoré")
    login_browser(page, client, learner, base_url)
    page.set_viewport_size({"width": width, "height": height})
    page.goto("/certificats/")  # a short page: no certificate yet
    page.screenshot(path=screenshot_dir / f"cadre-{width}.png")
    assert _box(page, ".site-header")["height"] <= max_header
    # The three main links and the tools are all in the header, none pushed out of it.
    header = _box(page, ".site-header")
    for selector in (".site-nav", ".site-tools"):
        assert _box(page, selector)["bottom"] <= header["bottom"]
    assert abs(_box(page, ".site-footer")["bottom"] - height) < 1


def test_the_language_is_one_tap_and_comes_back(page, client, base_url, wagtail_site):
    learner = LearnerFactory()
    login_browser(page, client, learner, base_url)
    page.goto("/certificats/")
    english = page.locator(".site-tools button[name=language]")
    assert english.inner_text() == "English" and english.get_attribute("lang") == "en"
    english.click()
    page.wait_for_load_state()
    assert page.evaluate("document.documentElement.lang") == "en"
    assert page.url.endswith("/certificats/")
    french = page.locator(".site-tools button[name=language]")
    assert french.inner_text() == "Français"
    french.click()
    page.wait_for_load_state()
    assert page.evaluate("document.documentElement.lang") == "fr"


def test_a_fold_out_shows_that_it_opens(page, client, base_url, wagtail_site):
    """« Programme de la formation », « Explication », « Filtrer »: every <details> of ours
    draws a chevron before its summary, which turns when it opens."""
    learner = LearnerFactory()
    login_browser(page, client, learner, base_url)
    page.goto("/certificats/")
    page.evaluate(
        "() => document.querySelector('main').insertAdjacentHTML('beforeend',"
        " '<details id=\"essai\"><summary>Explication</summary><p>Texte</p></details>')"
    )

    def marker():
        return page.evaluate(
            "() => { const s = getComputedStyle(document.querySelector('#essai > summary'),"
            " '::before'); return [s.content, s.borderRightStyle, s.transform]; }"
        )

    closed = marker()
    assert closed[0] == '""' and closed[1] == "solid"
    page.click("#essai > summary")
    page.wait_for_timeout(400)  # the chevron turns in 0.15 s
    assert page.evaluate("() => document.querySelector('#essai').open")
    assert marker()[2] != closed[2]
