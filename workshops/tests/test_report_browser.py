"""In chromium: an administrator opens « Rapport des ateliers » for a period, reads the
figures, and downloads the XLSX and the PDF. The page is checked with axe and photographed at
390 and 1366 px; so is a supervisor's form with a wrong period."""

import io

import pytest
from openpyxl import load_workbook
from pypdf import PdfReader

from conftest import login_browser
from lms.tests.test_accessibility import axe_check

from .test_reports import example  # noqa: F401 (a fixture)

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_an_administrator_opens_the_report_of_a_period_and_downloads_it(
    page,
    client,
    base_url,
    wagtail_site,  # before `example`: a transactional test before this one flushed the pages
    example,  # noqa: F811
    page_shots,
):
    from accounts.tests.factories import SupervisorFactory, UserFactory

    admin = UserFactory(is_superuser=True, full_name="Administratrice CNDH")
    page.set_viewport_size({"width": 390, "height": 844})
    login_browser(page, client, admin, base_url)
    page.goto("/ateliers/")
    page.get_by_role("link", name="Rapport des ateliers").click()
    page.get_by_label("Du", exact=True).fill("2022-11-01")
    page.get_by_label("Au", exact=True).fill("2023-03-31")
    page.get_by_role("button", name="Afficher le rapport").click()
    page.wait_for_url("**/ateliers/rapports/?du=2022-11-01*")
    assert page.get_by_role("heading", name="Rapport des ateliers du 01/11/2022 au 31/03/2023")
    body = page.locator("main").inner_text()
    assert "Atelier A" in body and "Atelier B" in body
    assert "de 43,8 % à 76,3 % en moyenne (n = 4)" in body
    assert page.get_by_role("img", name="Personnes formées par corps").count() == 1
    axe_check(page, "rapport des ateliers")
    page_shots(page, "ateliers-rapport")

    with page.expect_download() as info:
        page.get_by_role("link", name="Télécharger (XLSX)").click()
    download = info.value
    assert download.suggested_filename == "kalan-rapport-ateliers-20221101-20230331.xlsx"
    book = load_workbook(io.BytesIO(open(download.path(), "rb").read()))  # noqa: SIM115
    rows = {row[0]: row[1] for row in book["Synthèse"].iter_rows(min_row=2, values_only=True)}
    assert rows["Personnes formées (présentes à une séance au moins)"] == 4

    with page.expect_download() as info:
        page.get_by_role("link", name="Télécharger (PDF à imprimer)").click()
    download = info.value
    assert download.suggested_filename.endswith(".pdf")
    reader = PdfReader(io.BytesIO(open(download.path(), "rb").read()))  # noqa: SIM115
    text = "".join(p.extract_text() for p in reader.pages)
    assert "Personnes formées par corps" in text and "Atelier B" in text

    # A supervisor's period upside down: the error is on the form, in French.
    supervisor = SupervisorFactory(supervised_units=[example["tree"].mopti])
    login_browser(page, client, supervisor, base_url)
    page.goto("/ateliers/rapports/?du=2023-01-01&au=2022-01-01")
    assert "La fin de la période précède son début." in page.locator("main").inner_text()
    axe_check(page, "rapport des ateliers (erreur)")
    page_shots(page, "ateliers-rapport-erreur")
