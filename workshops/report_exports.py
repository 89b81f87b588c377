"""The funders' report as files: an XLSX workbook with typed cells (whole numbers, percentages
as numbers with a % format, dates as dates; every text through jobs/spreadsheets.py so that
no title or name becomes a formula) and a PDF drawn by WeasyPrint from an HTML template with
the SVG charts, in French (an official document, like the certificates)."""

import io
from datetime import date

from django.template.loader import render_to_string
from django.utils import translation
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _

from jobs.spreadsheets import xlsx_cell
from lms import design

from . import report_charts
from .reports import Filters, FundersReport

XLSX_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
PERCENT = "0.0%"
POINTS = "+0.0;-0.0;0.0"
RATIO = "0.00"
DATE = "DD/MM/YYYY"
PDF_VARIANT = "pdf/ua-1"


def _typed(sheet, value, number_format=None):
    from openpyxl.cell import WriteOnlyCell  # the export's only: web processes never load it

    """A cell for `value`: texts escaped, numbers and dates typed with their format."""
    if isinstance(value, str) or value is None:
        return xlsx_cell(sheet, value)
    cell = WriteOnlyCell(sheet, value=value)
    if number_format:
        cell.number_format = number_format
    elif isinstance(value, date):
        cell.number_format = DATE
    return cell


def _fraction(percent):
    """A percentage (0 to 100) as the fraction a % cell holds, None stays empty."""
    return None if percent is None else percent / 100


def _gain_rows(g) -> list[tuple]:
    """The knowledge gain's lines of a summary sheet: (label, value, number format)."""
    return [
        (_("Participations avec les deux tests (n)"), g.count, None),
        (_("Moyenne au pré-test"), _fraction(g.mean_pre), PERCENT),
        (_("Moyenne au post-test"), _fraction(g.mean_post), PERCENT),
        (_("Gain moyen (points)"), g.mean_gain, POINTS),
        (_("Gain normalisé g de Hake"), g.hake_g, RATIO),
        (_("En progrès"), g.improved, None),
    ]


def _sheet(workbook, title, headers, widths):
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter

    sheet = workbook.create_sheet(title)
    for index, width in enumerate(widths, start=1):
        sheet.column_dimensions[get_column_letter(index)].width = width
    sheet.freeze_panes = "A2"
    bold = Font(bold=True)
    cells = []
    for header in headers:
        cell = xlsx_cell(sheet, header)
        cell.font = bold
        cells.append(cell)
    sheet.append(cells)
    return sheet


def report_xlsx(*, report: FundersReport, filters: Filters | None, title: str) -> bytes:
    with translation.override("fr"):
        return _report_xlsx(report=report, filters=filters, title=title)


def _report_xlsx(*, report, filters, title) -> bytes:
    from openpyxl import Workbook

    workbook = Workbook(write_only=True)

    summary = _sheet(workbook, _("Synthèse"), [_("Indicateur"), _("Valeur")], [58, 18])
    g = report.gain
    rows = [(_("Rapport"), title, None)]
    if filters is not None:
        rows += [
            (_("Du"), filters.start, None),
            (_("Au"), filters.end, None),
            (_("Partenaire financier"), filters.funder or _("Tous"), None),
            (_("Région de l’atelier"), filters.region or _("Toutes"), None),
        ]
    rows += [
        (_("Ateliers"), len(report.lines), None),
        (_("Participations"), report.participations, None),
        (_("Personnes formées (présentes à une séance au moins)"), report.trained, None),
        (_("Taux de présence"), _fraction(report.attendance_rate), PERCENT),
        *_gain_rows(g),
        (_("Relais (personnes formées, atelier avec formation en ligne)"), report.relays, None),
        (_("Relais ayant rejoint la formation en ligne"), report.followed, None),
        (_("Relais l’ayant terminée"), report.completed, None),
        (_("Part des relais l’ayant terminée"), _fraction(report.completed_rate), PERCENT),
    ]
    for label, value, number_format in rows:
        summary.append([xlsx_cell(summary, label), _typed(summary, value, number_format)])

    workshops = _sheet(
        workbook,
        _("Ateliers"),
        [
            _("Atelier"),
            _("Lieu"),
            _("Région"),
            _("Premier jour"),
            _("Dernier jour"),
            _("Partenaire financier"),
            _("Participations"),
            _("Personnes formées"),
            _("Taux de présence"),
            _("Deux tests (n)"),
            _("Moyenne pré-test"),
            _("Moyenne post-test"),
            _("Gain moyen (points)"),
            _("g de Hake"),
            _("Relais"),
            _("Inscriptions en ligne"),
            _("Formation terminée"),
        ],
        [48, 30, 14, 13, 13, 26, 14, 14, 14, 12, 14, 14, 14, 10, 10, 14, 14],
    )
    for line in report.lines:
        w, g = line.workshop, line.gain
        values = [
            (w.title, None),
            (w.place, None),
            (w.region, None),
            (w.start_date, DATE),
            (w.end_date, DATE),
            (w.funder, None),
            (line.participants, None),
            (line.trained, None),
            (_fraction(line.attendance_rate), PERCENT),
            (g.count, None),
            (_fraction(g.mean_pre), PERCENT),
            (_fraction(g.mean_post), PERCENT),
            (g.mean_gain, POINTS),
            (g.hake_g, RATIO),
            (line.relays, None),
            (line.followed, None),
            (line.completed, None),
        ]
        workshops.append([_typed(workshops, v, f) for v, f in values])

    people = _sheet(
        workbook,
        _("Personnes formées"),
        [_("Répartition"), _("Catégorie"), _("Personnes"), _("Part")],
        [14, 60, 12, 10],
    )
    for heading, shares in report.breakdowns:
        for share in shares:
            people.append(
                [
                    xlsx_cell(people, heading),
                    xlsx_cell(people, share.label),
                    _typed(people, share.count),
                    _typed(people, share.percent / 100, PERCENT),
                ]
            )

    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()


def chart_style() -> str:
    """The charts' classes painted with kalan.css's token values: WeasyPrint applies neither
    the document's stylesheet nor CSS variables inside an inline SVG, so each SVG of the PDF
    carries this small stylesheet (lms/design.py reads the values from kalan.css)."""
    c = design.palette()
    return (
        f".chart__label,.chart__note{{fill:{c['text']};font-size:11px}}"
        f".chart__track{{fill:{c['track']}}}.chart__bar,.chart__dot{{fill:{c['brand']}}}"
        f".chart__axis{{stroke:{c['border']}}}.chart__bar--before{{fill:{c['muted']}}}"
        f".chart__dot--before{{fill:{c['surface']};stroke:{c['muted']};stroke-width:2}}"
        f".chart__link{{stroke:{c['muted']};stroke-width:2}}"
    )


def report_html(*, report: FundersReport, filters: Filters | None, title: str, scope: str) -> str:
    with translation.override("fr"):
        return render_to_string(
            "workshops/reports/pdf.html",
            {
                "report": report,
                "filters": filters,
                "title": title,
                "scope": scope,
                "gains": report_charts.workshop_gains(report.lines),
                "corps_chart": report_charts.share_bars(report.by_corps),
                "region_chart": report_charts.share_bars(report.by_region),
                "chart_style_tag": mark_safe(f"<style>{chart_style()}</style>"),  # noqa: S308
                "today": date.today(),
            },
        )


def report_pdf(**kwargs) -> bytes:
    from weasyprint import HTML

    return HTML(string=report_html(**kwargs)).write_pdf(pdf_variant=PDF_VARIANT)


def knowledge_xlsx(*, workshop, report) -> bytes:
    """The workshop's knowledge report as a workbook (the page's figures, typed): the gain,
    each person's scores, each question's facility before and after. `report` is
    selectors.workshop_report's, already limited to whom the reader may see."""
    with translation.override("fr"):
        return _knowledge_xlsx(workshop=workshop, report=report)


def _knowledge_xlsx(*, workshop, report) -> bytes:
    from openpyxl import Workbook

    workbook = Workbook(write_only=True)
    g = report.gain
    summary = _sheet(workbook, _("Gain"), [_("Indicateur"), _("Valeur")], [58, 18])
    for label, value, number_format in (
        (_("Atelier"), workshop.title, None),
        (_("Lieu"), workshop.place, None),
        (_("Premier jour"), workshop.start_date, DATE),
        (_("Dernier jour"), workshop.end_date, DATE),
        (_("Participations"), report.participants, None),
        *_gain_rows(g),
        (_("Taux de présence"), _fraction(report.attendance_rate), PERCENT),
    ):
        summary.append([xlsx_cell(summary, label), _typed(summary, value, number_format)])

    people = _sheet(
        workbook,
        _("Par personne"),
        [
            _("Nom"),
            _("Matricule"),
            _("Unité"),
            _("Pré-test"),
            _("Pré-test sur papier"),
            _("Post-test"),
            _("Post-test sur papier"),
            _("Écart (points)"),
        ],
        [30, 16, 40, 11, 11, 11, 11, 14],
    )
    yes, no = _("oui"), _("non")
    for row in report.rows:
        learner = row.participant.learner
        values = [(learner.full_name, None), (learner.matricule, None)]
        values.append((learner.unit.full_path if learner.unit else "", None))
        for score in (row.pre, row.post):
            values.append((_fraction(score.percent) if score else None, PERCENT))
            values.append(((yes if score.on_paper else no) if score else None, None))
        values.append((row.change, POINTS))
        people.append([_typed(people, v, f) for v, f in values])

    questions = _sheet(
        workbook,
        _("Par question"),
        [
            _("Question"),
            _("Taux de réussite avant"),
            _("Réponses avant (n)"),
            _("Taux de réussite après"),
            _("Réponses après (n)"),
            _("Écart (points)"),
        ],
        [50, 14, 12, 14, 12, 14],
    )
    for question in report.questions:
        values = [
            (question.name, None),
            (_fraction(question.before), PERCENT),
            (question.answered_before, None),
            (_fraction(question.after), PERCENT),
            (question.answered_after, None),
            (question.change, POINTS),
        ]
        questions.append([_typed(questions, v, f) for v, f in values])

    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()
