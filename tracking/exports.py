"""CSV and XLSX exports of the dashboard's learner table, written with little memory into a
file by a background job (tracking/jobs.py); the supervisor downloads it when it is ready."""

import csv
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from datetime import tzinfo
from typing import BinaryIO, TextIO

from django.utils import formats, timezone
from django.utils.functional import Promise
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from courses.models import Enrollment
from jobs.spreadsheets import cell_escape, formula_like, xlsx_cell

DATE_FORMAT = "DD/MM/YYYY"
DATETIME_FORMAT = "DD/MM/YYYY HH:MM"
REPORT_EVERY = 1000
UNIT_WIDTH_MAX = 60

# What a column holds, which decides how each writer writes it.
TEXT, INTEGER, DECIMAL, DATE, DATETIME, BOOLEAN = (
    "text",
    "integer",
    "decimal",
    "date",
    "datetime",
    "boolean",
)


@dataclass(frozen=True)
class Context:
    """What the values of a row need besides the row: the unit labels, the status labels in
    the export's language, and the platform's time zone (looked up once, not per cell)."""

    labels: dict[int, str]
    statuses: dict[str, str]
    zone: tzinfo


@dataclass(frozen=True)
class Column:
    """One column of the export: its name (what code and tests call it), its title in the
    file (translated when written), what it holds, the characters a value takes at most in
    practice (dates as DD/MM/YYYY HH:MM, a name or a course title cut by the column, not the
    other way round; None: measured on the values, as the unit labels are), and how its value
    is read from a row of `selectors.export_rows`."""

    name: str
    header: Promise
    kind: str
    width: int | None
    value: Callable[[dict, Context], object]


def _field(key: str):
    return lambda row, context: row[key]


def _local(key: str):
    """Spreadsheets have no time zones: datetimes are written in the platform's local time."""

    def value(row, context):
        moment = row[key]
        if moment is None:
            return None
        return moment.astimezone(context.zone).replace(tzinfo=None, microsecond=0)

    return value


def _grade(row, context):
    # An average of quiz percents has as many decimals as the division gives (« 82.04525 »):
    # one is what a supervisor reads, and what a cell shows.
    return None if row["average"] is None else round(row["average"], 1)


def _unit(row, context):
    return context.labels.get(row["unit_id"], "")


def _status(row, context):
    return context.statuses.get(row["status"], row["status"])


COLUMNS = (
    Column("matricule", gettext_lazy("Matricule"), TEXT, 12, _field("matricule")),
    Column("name", gettext_lazy("Nom"), TEXT, 30, _field("name")),
    Column("rank", gettext_lazy("Grade"), TEXT, 18, _field("rank")),
    Column("unit", gettext_lazy("Unité"), TEXT, None, _unit),
    Column("course", gettext_lazy("Formation"), TEXT, 40, _field("course")),
    Column("status", gettext_lazy("Statut"), TEXT, 12, _status),
    Column("progress", gettext_lazy("Progression (%)"), INTEGER, 6, _field("progress")),
    Column("grade", gettext_lazy("Note moyenne aux quiz (%)"), DECIMAL, 6, _grade),
    Column("due_date", gettext_lazy("Échéance"), DATE, 11, _field("due_date")),
    Column("overdue", gettext_lazy("En retard"), BOOLEAN, 5, _field("overdue")),
    Column("enrolled_at", gettext_lazy("Inscription le"), DATETIME, 17, _local("enrolled_at")),
    Column("started_at", gettext_lazy("Commencée le"), DATETIME, 17, _local("started_at")),
    Column("completed_at", gettext_lazy("Terminée le"), DATETIME, 17, _local("completed_at")),
    Column(
        "last_activity_at",
        gettext_lazy("Dernière activité"),
        DATETIME,
        17,
        _local("last_activity_at"),
    ),
    Column("certificate", gettext_lazy("Attestation"), TEXT, 18, _field("serial")),
    # Attempts graded with answers accepted after the deadline (quizzes' offline window).
    Column(
        "offline_attempts",
        gettext_lazy("Tentatives synchronisées hors ligne"),
        INTEGER,
        4,
        _field("offline"),
    ),
)
# Where each column is, by name: for whoever reads a file back (the tests).
COLUMN_INDEX = {column.name: index for index, column in enumerate(COLUMNS)}


def headers() -> list[str]:
    """Column titles in the UI language of the request."""
    return [str(column.header) for column in COLUMNS]


def _context(labels: dict[int, str]) -> Context:
    return Context(
        labels=labels,
        statuses={value: str(label) for value, label in Enrollment.Status.choices},
        zone=timezone.get_current_timezone(),
    )


def _values(rows: Iterable[dict], labels: dict[int, str]) -> Iterator[list]:
    """Each row as the list of its columns' values, in the columns' order."""
    context = _context(labels)
    getters = [column.value for column in COLUMNS]
    for row in rows:
        yield [value(row, context) for value in getters]


def csv_dialect() -> tuple[str, str]:
    """(separator, decimal mark) of the export's language: a spreadsheet set to French reads
    « 82,5 » as a number only with the decimal comma, and then expects `;` between cells;
    in English, the usual `,` between cells and `.` in numbers."""
    decimal = formats.get_format("DECIMAL_SEPARATOR")
    return (";" if decimal == "," else ","), decimal


def csv_write(rows: Iterable[dict], *, labels: dict[int, str], out: TextIO, report=None) -> int:
    """Writes the CSV into `out` (a text file opened with newline=""); returns the row count.
    Every text goes through `cell_escape`: a name or a title must never run as a formula."""
    yes, no = _("oui"), _("non")
    separator, decimal = csv_dialect()
    by_kind = {
        TEXT: cell_escape,
        INTEGER: lambda value: value,
        DECIMAL: lambda value: f"{value:.1f}".replace(".", decimal),
        DATE: lambda value: value.isoformat(),
        DATETIME: lambda value: value.strftime("%Y-%m-%d %H:%M"),
        BOOLEAN: lambda value: yes if value else no,
    }
    writers = [by_kind[column.kind] for column in COLUMNS]
    writer = csv.writer(out, delimiter=separator)
    # A BOM so that Excel, which most supervisors open CSV files with, reads UTF-8.
    out.write("\ufeff")
    writer.writerow([cell_escape(title) for title in headers()])
    count = 0
    for count, values in enumerate(_values(rows, labels), start=1):
        writer.writerow(
            [
                "" if value is None else write(value)
                for write, value in zip(writers, values, strict=True)
            ]
        )
        if report is not None and count % REPORT_EVERY == 0:
            report(count)
    return count


def xlsx_write(rows: Iterable[dict], *, labels: dict[int, str], out: BinaryIO, report=None) -> int:
    """Writes the workbook into `out`; returns the row count. openpyxl's write-only workbook
    spools rows to a temporary file, so memory stays flat at 10,000 rows. openpyxl is imported
    here, in the Celery job: web processes never load it."""
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter

    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet(_("Suivi"))
    sheet.freeze_panes = "A2"
    titles = headers()
    # A write-only sheet streams its rows, so the widths are set before the first one, from
    # the headers and each column's usual values (openpyxl has no auto-fit; Excel ignores none).
    unit_width = min(max((len(label) for label in labels.values()), default=0), UNIT_WIDTH_MAX)
    for index, (title, column) in enumerate(zip(titles, COLUMNS, strict=True)):
        width = unit_width if column.width is None else column.width
        sheet.column_dimensions[get_column_letter(index + 1)].width = max(len(title), width) + 2
    bold = Font(bold=True)
    header_cells = []
    yes, no = _("oui"), _("non")
    for title in titles:
        cell = xlsx_cell(sheet, title)
        cell.font = bold
        header_cells.append(cell)
    sheet.append(header_cells)

    def dated(number_format):
        def write(value):
            cell = WriteOnlyCell(sheet, value=value)
            cell.number_format = number_format
            return cell

        return write

    # Plain values for everything but dates and formula-like texts: openpyxl writes them
    # through one reused cell, whereas each Cell given to append() first fails an
    # assignment (an exception and the cell's repr). 70,000 rows: 13.8 s before, 11.4-11.9 s
    # after (with the zone change).
    by_kind = {
        TEXT: lambda value: xlsx_cell(sheet, value) if formula_like(value) else value,
        INTEGER: lambda value: value,
        DECIMAL: lambda value: value,
        DATE: dated(DATE_FORMAT),
        DATETIME: dated(DATETIME_FORMAT),
        # Booleans as the CSV writes them: Excel shows TRUE/FALSE (VRAI/FAUX) otherwise.
        BOOLEAN: lambda value: yes if value else no,
    }
    writers = [by_kind[column.kind] for column in COLUMNS]
    count = 0
    for count, values in enumerate(_values(rows, labels), start=1):
        sheet.append(
            [
                None if value is None else write(value)
                for write, value in zip(writers, values, strict=True)
            ]
        )
        if report is not None and count % REPORT_EVERY == 0:
            report(count)
    workbook.save(out)
    return count
