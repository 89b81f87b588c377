"""CSV and XLSX exports of the dashboard's learner table, written with little memory into a
file by a background job (tracking/jobs.py); the supervisor downloads it when it is ready."""

import csv
from collections.abc import Iterable, Iterator
from datetime import date, datetime
from typing import BinaryIO, TextIO

from django.utils import formats, timezone
from django.utils.translation import gettext as _
from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter

from courses.models import Enrollment
from jobs.spreadsheets import cell_escape, formula_like, xlsx_cell

DATE_FORMAT = "DD/MM/YYYY"
DATETIME_FORMAT = "DD/MM/YYYY HH:MM"
REPORT_EVERY = 1000
GRADE_COLUMN = 7
# Characters a value of each column takes at most in practice (dates as DD/MM/YYYY HH:MM, a
# name or a course title cut by the column, not the other way round); the unit column is
# measured on the labels themselves. The header's length wins where it is longer.
VALUE_WIDTHS = [12, 30, 18, 0, 40, 12, 6, 6, 11, 5, 17, 17, 17, 17, 18, 4]
UNIT_COLUMN, UNIT_WIDTH_MAX = 3, 60


def headers() -> list[str]:
    """Column titles in the UI language of the request."""
    return [
        _("Matricule"),
        _("Nom"),
        _("Grade"),
        _("Unité"),
        _("Formation"),
        _("Statut"),
        _("Progression (%)"),
        _("Note moyenne aux quiz (%)"),
        _("Échéance"),
        _("En retard"),
        _("Inscription le"),
        _("Commencée le"),
        _("Terminée le"),
        _("Dernière activité"),
        _("Attestation"),
        # Attempts graded with answers accepted after the deadline (quizzes' offline window).
        _("Tentatives synchronisées hors ligne"),
    ]


def _typed(rows: Iterable[tuple], labels: dict[int, str]) -> Iterator[list]:
    """Rows with labels for the unit and the status. Spreadsheets have no time zones: datetimes
    are written in the platform's local time (the zone is looked up once, not per cell)."""
    statuses = {value: str(label) for value, label in Enrollment.Status.choices}
    zone = timezone.get_current_timezone()

    def local(value):
        if isinstance(value, datetime):
            return value.astimezone(zone).replace(tzinfo=None, microsecond=0)
        return value

    for row in rows:
        row = list(row)
        row[3] = labels.get(row[3], "")
        row[5] = statuses.get(row[5], row[5])
        # An average of quiz percents has as many decimals as the division gives (« 82.04525 »):
        # one is what a supervisor reads, and what a cell shows.
        if row[GRADE_COLUMN] is not None:
            row[GRADE_COLUMN] = round(row[GRADE_COLUMN], 1)
        yield [local(value) for value in row]


def csv_dialect() -> tuple[str, str]:
    """(separator, decimal mark) of the export's language: a spreadsheet set to French reads
    « 82,5 » as a number only with the decimal comma, and then expects `;` between cells;
    in English, the usual `,` between cells and `.` in numbers."""
    decimal = formats.get_format("DECIMAL_SEPARATOR")
    return (";" if decimal == "," else ","), decimal


def csv_write(rows: Iterable[tuple], *, labels: dict[int, str], out: TextIO, report=None) -> int:
    """Writes the CSV into `out` (a text file opened with newline=""); returns the row count.
    Every text goes through `cell_escape`: a name or a title must never run as a formula."""
    yes, no = _("oui"), _("non")
    separator, decimal = csv_dialect()

    def text(value):
        if value is None:
            return ""
        if isinstance(value, bool):
            return yes if value else no
        if isinstance(value, float):
            return f"{value:.1f}".replace(".", decimal)
        if isinstance(value, datetime):
            return value.strftime("%Y-%m-%d %H:%M")
        return cell_escape(value)

    writer = csv.writer(out, delimiter=separator)
    # A BOM so that Excel, which most supervisors open CSV files with, reads UTF-8.
    out.write("\ufeff")
    writer.writerow([cell_escape(title) for title in headers()])
    count = 0
    for count, row in enumerate(_typed(rows, labels), start=1):
        writer.writerow([text(value) for value in row])
        if report is not None and count % REPORT_EVERY == 0:
            report(count)
    return count


def xlsx_write(rows: Iterable[tuple], *, labels: dict[int, str], out: BinaryIO, report=None) -> int:
    """Writes the workbook into `out`; returns the row count. openpyxl's write-only workbook
    spools rows to a temporary file, so memory stays flat at 10,000 rows."""
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet(_("Suivi"))
    sheet.freeze_panes = "A2"
    titles = headers()
    # A write-only sheet streams its rows, so the widths are set before the first one, from
    # the headers and each column's usual values (openpyxl has no auto-fit; Excel ignores none).
    unit_width = min(max((len(label) for label in labels.values()), default=0), UNIT_WIDTH_MAX)
    for index, (title, width) in enumerate(zip(titles, VALUE_WIDTHS, strict=True)):
        if index == UNIT_COLUMN:
            width = unit_width
        sheet.column_dimensions[get_column_letter(index + 1)].width = max(len(title), width) + 2
    bold = Font(bold=True)
    header_cells = []
    yes, no = _("oui"), _("non")
    for title in titles:
        cell = xlsx_cell(sheet, title)
        cell.font = bold
        header_cells.append(cell)
    sheet.append(header_cells)

    def dated(value, number_format):
        cell = WriteOnlyCell(sheet, value=value)
        cell.number_format = number_format
        return cell

    count = 0
    for count, row in enumerate(_typed(rows, labels), start=1):
        # Booleans as the CSV writes them: Excel shows TRUE/FALSE (VRAI/FAUX) otherwise.
        row = [(yes if value else no) if isinstance(value, bool) else value for value in row]
        # Plain values for everything but dates and formula-like texts: openpyxl writes them
        # through one reused cell, whereas each Cell given to append() first fails an
        # assignment (an exception and the cell's repr). 70,000 rows: 13.8 s before, 11.4-11.9 s
        # after (with the zone change).
        sheet.append(
            [
                dated(value, DATETIME_FORMAT)
                if isinstance(value, datetime)
                else dated(value, DATE_FORMAT)
                if isinstance(value, date)
                else xlsx_cell(sheet, value)
                if formula_like(value)
                else value
                for value in row
            ]
        )
        if report is not None and count % REPORT_EVERY == 0:
            report(count)
    workbook.save(out)
    return count
