"""The main pages of the site, on the demo, photographed full page on a phone (390 px) and on a
desktop (1366 px) into the test artefacts ($KALAN_TEST_ARTIFACTS, by default
var/test/screenshots/), for people to look at. On each page and at each size the test also
checks what a glance at the picture would catch: nothing wider than the screen, no template
syntax left in the text, no table header clipped, every field visible and labelled."""

import pytest
from django.core.management import call_command

from conftest import SCREEN_SIZES, login_browser

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

# The page's defects, measured in the browser: [] when there is none.
DEFECTS_JS = """() => {
  const found = [];
  const root = document.documentElement;
  if (root.scrollWidth > window.innerWidth + 1) {
    found.push(`page ${root.scrollWidth}px wide on a ${window.innerWidth}px screen`);
  }
  const text = document.body.innerText;
  for (const leak of ['{{', '}}', '{%', '%}', '{#', 'None', 'TODO']) {
    if (text.includes(leak)) found.push(`text shows ${leak}`);
  }
  for (const th of document.querySelectorAll('main th')) {
    if (th.scrollWidth > th.clientWidth + 1) found.push(`header clipped: ${th.innerText}`);
  }
  const visible = (e) =>
    e.getClientRects().length > 0 && getComputedStyle(e).visibility !== 'hidden';
  const fields = 'main input:not([type=hidden]), main select, main textarea';
  for (const field of document.querySelectorAll(fields)) {
    if (!visible(field)) continue;
    const box = field.getBoundingClientRect();
    if (box.width < 16 || box.height < 16) found.push(`field too small: ${field.name}`);
    if (box.right > window.innerWidth + 1) found.push(`field past the edge: ${field.name}`);
    const named = field.labels?.length || field.getAttribute('aria-label')
      || field.getAttribute('aria-labelledby');
    if (!named) found.push(`field without a label: ${field.name}`);
  }
  for (const region of document.querySelectorAll('main .table-wrap')) {
    const box = region.getBoundingClientRect();
    if (box.right > window.innerWidth + 1) found.push('a table region runs past the edge');
    // A phone scrolls a wide table sideways; a desktop shows it whole, no column cut.
    if (window.innerWidth >= 1024 && region.scrollWidth > region.clientWidth + 1) {
      const name = region.getAttribute('aria-labelledby') || region.getAttribute('aria-label');
      const widths = `${region.scrollWidth}px in ${region.clientWidth}px`;
      found.push(`table ${name} cut on a desktop: ${widths}`);
    }
  }
  return found;
}"""


def look(page, page_shots, name):
    """Photographs the page at both sizes and fails on the defects found at either."""
    page.wait_for_load_state()
    defects = []
    for width, height in SCREEN_SIZES:
        page.set_viewport_size({"width": width, "height": height})
        defects += [f"{name} at {width}px: {d}" for d in page.evaluate(DEFECTS_JS)]
    paths = page_shots(page, name)
    assert all(path.stat().st_size > 5_000 for path in paths), paths  # a real picture
    assert not defects, defects


@pytest.fixture
def demo(settings, wagtail_site, role_groups):
    settings.DEBUG = True  # load_demo refuses otherwise
    call_command("load_demo")
    settings.DEBUG = False


def test_the_main_pages_at_390_and_1366(page, client, base_url, demo, page_shots):
    from accounts.models import User
    from certificates.models import Certificate
    from courses.models import CoursePage, LessonPage
    from quizzes import services as quiz_services
    from quizzes.models import Attempt, QuizPage

    learner = User.objects.get(matricule="OPJ-0001")
    page.set_viewport_size({"width": 390, "height": 844})

    page.goto("/connexion/")
    look(page, page_shots, "connexion")
    page.goto("/cette-page-n-existe-pas/")
    look(page, page_shots, "erreur-404")
    assert "Page introuvable" in page.locator("main").inner_text()

    login_browser(page, client, learner, base_url)
    page.goto("/")
    look(page, page_shots, "mes-formations")
    course = CoursePage.objects.live().order_by("path").first()
    page.goto(course.url)
    look(page, page_shots, "formation")
    lesson = LessonPage.objects.live().descendant_of(course).order_by("path").first()
    page.goto(lesson.url)
    look(page, page_shots, "lecon")
    page.goto("/recherche/?q=garde")
    look(page, page_shots, "recherche")

    quiz = next(
        q
        for q in QuizPage.objects.live().descendant_of(course).order_by("path")
        if quiz_services.attempt_start_refusal(learner=learner, quiz=q) is None
    )
    attempt = quiz_services.attempt_start(learner=learner, quiz=quiz)
    page.goto(f"/tentatives/{attempt.pk}/page/1/")
    look(page, page_shots, "quiz-question")
    review = Attempt.objects.filter(learner=learner, state="finished").first()
    page.goto(f"/tentatives/{review.pk}/relecture/")
    look(page, page_shots, "quiz-relecture")

    certificate = Certificate.objects.create(
        learner=learner, course=course, learner_name=learner.full_name, course_title=course.title
    )
    certificate.serial = f"CNDH-{certificate.issued_at:%Y}-{certificate.pk:06d}"  # as issued
    certificate.save(update_fields=["serial"])
    page.goto("/certificats/")
    look(page, page_shots, "attestations")
    page.context.clear_cookies()
    page.goto("/certificats/verifier/")
    look(page, page_shots, "verification-formulaire")
    page.goto(f"/certificats/verifier/{certificate.code_display}/")
    look(page, page_shots, "verification-resultat")

    supervisor = User.objects.get(matricule="SUP-0001")
    login_browser(page, client, supervisor, base_url)
    page.goto("/suivi/")
    page.locator("details.filters > summary").click()  # the filters, open
    look(page, page_shots, "suivi-tableau")
    page.goto(f"/suivi/apprenants/{learner.pk}/")
    look(page, page_shots, "suivi-apprenant")
    page.goto("/suivi/affectations/")
    look(page, page_shots, "suivi-affectations")


def test_the_defect_check_sees_a_clipped_header_and_a_page_too_wide(page, live_server):
    """The checks above can fail: a page made wrong on purpose is caught."""
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(live_server.url + "/connexion/")
    assert page.evaluate(DEFECTS_JS) == []
    page.evaluate(
        """() => {
      const main = document.querySelector('main');
      const table = document.createElement('table');
      table.innerHTML = '<thead><tr><th class="visually-hidden">Attestations</th></tr></thead>';
      main.append(table);
      const wide = document.createElement('div');
      wide.style.width = '2000px';  // the CSSOM, which the CSP allows
      wide.textContent = 'large';
      main.append(wide);
    }"""
    )
    defects = page.evaluate(DEFECTS_JS)
    assert any(d.startswith("page 2") for d in defects), defects
    page.set_viewport_size({"width": 1366, "height": 768})
    page.evaluate(
        """() => {
      const region = document.createElement('div');
      region.className = 'table-wrap';
      region.setAttribute('aria-label', 'large');
      const cells = '<td>' + 'Attestations '.repeat(30) + '</td>';
      region.innerHTML = '<table class="table"><tr>' + cells + '</tr></table>';
      region.querySelector('td').className = 'nowrap';
      document.querySelector('main').append(region);
    }"""
    )
    assert any(d.startswith("table large cut on a desktop") for d in page.evaluate(DEFECTS_JS))
    assert "header clipped: Attestations" in defects
    page.evaluate("() => document.querySelector('main').append('{{ title }}')")
    assert "text shows {{" in page.evaluate(DEFECTS_JS)
