"""« Rapport des ateliers »: who sees it, hostile filters, and the XLSX and PDF files."""

import io
from datetime import date, datetime

import pytest
from django.urls import reverse
from openpyxl import load_workbook
from pypdf import PdfReader

from accounts.tests.factories import LearnerFactory, SupervisorFactory, UserFactory

from .factories import participants_make, workshop_make
from .test_reports import example  # noqa: F401 (a fixture)

pytestmark = pytest.mark.django_db

PERIOD = {"du": "2022-01-01", "au": "2023-12-31"}


@pytest.fixture
def admin(db):
    return UserFactory(is_superuser=True, full_name="Administratrice")


def test_the_administrator_sees_every_workshop_of_the_period(client, example, admin):  # noqa: F811
    client.force_login(admin)
    page = client.get(reverse("workshops:reports"), PERIOD)
    assert page.status_code == 200
    html = page.content.decode()
    assert "Atelier A" in html and "Atelier B" in html
    assert "Gendarmerie nationale › Région de Ségou" in html
    assert "Police nationale" in html
    assert "n = 4" in html  # the gain over the four participations with both tests
    assert "1 sur 3 ont rejoint la formation en ligne, 1 l’ont terminée" in html
    assert 'role="img"' in html  # the charts
    assert "Tous les participants" in html


def test_without_filters_the_period_covers_every_workshop(client, example, admin):  # noqa: F811
    client.force_login(admin)
    html = client.get(reverse("workshops:reports")).content.decode()
    assert 'value="2022-11-08"' in html and 'value="2023-03-06"' in html
    assert "Atelier A" in html and "Atelier B" in html


def test_a_supervisor_sees_only_their_scope(client, example):  # noqa: F811
    tree = example["tree"]
    client.force_login(SupervisorFactory(supervised_units=[tree.segou], full_name="Sup Ségou"))
    html = client.get(reverse("workshops:reports"), PERIOD).content.decode()
    assert "Atelier A" in html and "Atelier B" not in html
    assert "Police nationale" not in html and "Brigade de Sévaré" not in html
    assert "Les participants des unités suivies par Sup Ségou" in html
    # The funder of a workshop outside their scope is no choice of theirs.
    response = client.get(reverse("workshops:reports"), {**PERIOD, "partenaire": "PNUD"})
    assert response.status_code == 400
    assert "Valeur inconnue : choisissez dans la liste." in response.content.decode()


@pytest.mark.parametrize(
    "params, field, message",
    [
        ({"du": "2022-13-45", "au": "2023-01-01"}, "du", "Date invalide : écrivez-la AAAA-MM-JJ."),
        ({"du": "2023-01-01", "au": "2022-01-01"}, "au", "La fin de la période précède son début."),
        ({"du": "", "au": "2022-01-01"}, "du", "Indiquez une date (AAAA-MM-JJ)."),
        ({**PERIOD, "partenaire": "=HYPERLINK(1)"}, "partenaire", "Valeur inconnue"),
        ({**PERIOD, "region": "Tombouctou"}, "region", "Valeur inconnue"),
        ({"du": "1900-01-01", "au": "2099-01-01"}, "au", "Une période dure au plus 20 ans."),
        ({"du": "99999-01-01", "au": "2023-01-01"}, "du", "Date invalide"),
    ],
)
def test_hostile_filters_get_a_french_error_on_the_form(
    client,
    example,  # noqa: F811
    admin,
    params,
    field,
    message,
):
    client.force_login(admin)
    for url in (
        reverse("workshops:reports"),
        reverse("workshops:reports_export", args=["xlsx"]),
        reverse("workshops:reports_export", args=["pdf"]),
    ):
        response = client.get(url, params)
        assert response.status_code == 400, url
        assert response["Content-Type"].startswith("text/html")
        html = response.content.decode()
        assert f'id="id_{field}-errors"' in html
        assert message in html
        assert "Atelier A" not in html  # nothing computed


def test_a_nul_character_is_refused_before_the_report(client, example, admin):  # noqa: F811
    client.force_login(admin)
    response = client.get(
        reverse("workshops:reports"), {"du": "2022-01-01\x00", "au": "2023-01-01"}
    )
    assert response.status_code == 400
    assert "Atelier A" not in response.content.decode()


def test_learners_and_trainers_without_units_get_404(client, example):  # noqa: F811
    for person in (LearnerFactory(), example["a"].trainers.get()):
        client.force_login(person)
        for url in (
            reverse("workshops:reports"),
            reverse("workshops:reports_export", args=["xlsx"]),
            reverse("workshops:reports_export", args=["pdf"]),
        ):
            assert client.get(url, PERIOD).status_code == 404


def test_the_xlsx_has_typed_cells_and_escaped_texts(client, example, admin):  # noqa: F811
    from workshops.models import Workshop

    Workshop.objects.filter(pk=example["b"].pk).update(title='=HYPERLINK("http://x")')
    client.force_login(admin)
    response = client.get(reverse("workshops:reports_export", args=["xlsx"]), PERIOD)
    assert response.status_code == 200
    assert response["Content-Disposition"] == (
        'attachment; filename="kalan-rapport-ateliers-20220101-20231231.xlsx"'
    )
    book = load_workbook(io.BytesIO(response.content))
    assert book.sheetnames == ["Synthèse", "Ateliers", "Personnes formées"]
    summary = {row[0].value: row[1] for row in book["Synthèse"].iter_rows(min_row=2)}
    assert summary["Du"].value == datetime(2022, 1, 1)
    assert summary["Du"].is_date
    assert summary["Personnes formées (présentes à une séance au moins)"].value == 4
    rate = summary["Taux de présence"]
    assert rate.value == pytest.approx(0.5) and rate.number_format == "0.0%"
    assert summary["Gain normalisé g de Hake"].value == pytest.approx(32.5 / 56.25)
    assert summary["Relais l’ayant terminée"].value == 1
    rows = list(book["Ateliers"].iter_rows(min_row=2, values_only=True))
    assert rows[0][0] == "Atelier A"
    assert rows[0][3] == datetime(2022, 11, 8)
    assert rows[0][6:10] == (3, 3, pytest.approx(8 / 18), 2)
    assert rows[0][13] == pytest.approx(0.8)
    assert rows[1][0] == '\'=HYPERLINK("http://x")'  # text, never a formula
    assert rows[1][14] is None  # no linked course: no relays
    people = list(book["Personnes formées"].iter_rows(min_row=2, values_only=True))
    assert ("Par corps", "Gendarmerie nationale", 3, 0.75) in people


def test_the_pdf_is_a_tagged_french_pdf_with_the_charts(client, example, admin):  # noqa: F811
    client.force_login(admin)
    response = client.get(reverse("workshops:reports_export", args=["pdf"]), PERIOD)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF")
    root = PdfReader(io.BytesIO(response.content)).trailer["/Root"]
    assert root["/Lang"] == "fr"
    assert "/StructTreeRoot" in root  # tagged (PDF/UA-1)
    text = "".join(page.extract_text() for page in PdfReader(io.BytesIO(response.content)).pages)
    assert "Rapport des ateliers du 01/01/2022 au 31/12/2023" in text
    assert "Gendarmerie nationale" in text and "Atelier B" in text


def test_the_pdf_html_paints_its_charts_with_the_tokens(example):  # noqa: F811
    from lms import design
    from workshops import report_exports, reports

    report = reports.funders_report(workshops=[example["a"], example["b"]], people_q=reports.Q())
    html = report_exports.report_html(report=report, filters=None, title="Rapport", scope="Tous")
    assert html.count("<svg") == 3  # gains, corps, regions
    assert html.count("<style>.chart__label") == 3
    assert f".chart__bar,.chart__dot{{fill:{design.palette()['brand']}}}" in html
    assert 'lang="fr"' in html and "Définitions" in html


def test_one_workshops_report_for_those_who_see_it(client, example, admin):  # noqa: F811
    a, tree = example["a"], example["tree"]
    url = reverse("workshops:workshop_funders", args=[a.pk])
    client.force_login(a.trainers.get())
    html = client.get(url).content.decode()
    assert "Bilan de l’atelier « Atelier A »" in html and "Atelier B" not in html
    assert "Tous les participants" in html
    # A supervisor of Mopti counts p1 alone; one of Tombouctou does not see the workshop.
    client.force_login(SupervisorFactory(supervised_units=[tree.mopti]))
    html = client.get(url).content.decode()
    assert "1 (présente à une séance au moins), pour 1 participations" in html
    for fmt, kind in (("xlsx", "spreadsheetml"), ("pdf", "application/pdf")):
        response = client.get(reverse("workshops:workshop_funders_export", args=[a.pk, fmt]))
        assert response.status_code == 200 and kind in response["Content-Type"]
    client.force_login(SupervisorFactory(supervised_units=[tree.segou.add_child(name="Autre")]))
    assert client.get(url).status_code == 404
    for fmt in ("xlsx", "pdf"):
        url_export = reverse("workshops:workshop_funders_export", args=[a.pk, fmt])
        assert client.get(url_export).status_code == 404


def test_an_empty_period_says_so(client, admin):
    workshop = workshop_make(start_date=date(2024, 1, 8), end_date=date(2024, 1, 8))
    participants_make(workshop, [LearnerFactory()])
    client.force_login(admin)
    html = client.get(reverse("workshops:reports"), {"du": "2020-01-01", "au": "2020-12-31"})
    assert "Aucun atelier ne commence dans cette période" in html.content.decode()
