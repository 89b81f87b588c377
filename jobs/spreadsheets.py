"""Cells of every CSV and XLSX file Kalan writes, made safe to open in a spreadsheet.

A text that starts like a formula (`=HYPERLINK(…)`, `+1`, `-1+1`, `@SUM(…)`) is run by Excel
or LibreOffice when the file is opened: a learner's name or a course title would become a live
link or a DDE command on the supervisor's machine (OWASP "CSV injection"). Such a text gets a
leading apostrophe, which both programs show as text. Only strings are touched: numbers, dates
and booleans stay typed, so a negative number is still a number.

openpyxl is imported by the functions that write XLSX, which run in Celery: a web process,
which only checks and escapes, does not load its 175 modules."""

# OWASP's list (= + - @ tab CR), a line feed, and the full-width forms of = + - @, which
# Excel with an East Asian input setting is reported to take for the ASCII signs. Escaping
# a text that merely starts with one of them costs a visible apostrophe, nothing more.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r", "\n", "\uff1d", "\uff0b", "\uff0d", "\uff20")


def formula_like(value) -> bool:
    return isinstance(value, str) and value.startswith(FORMULA_STARTS)


def cell_escape(value):
    """The value as it must be written in a cell: a formula-like text gets a leading `'`."""
    return "'" + value if formula_like(value) else value


def xlsx_cell(sheet, value):
    """A write-only XLSX cell holding the escaped value. An escaped text is also stored as a
    string with Excel's "quote prefix", so that editing the cell does not turn it back into a
    formula."""
    from openpyxl.cell import WriteOnlyCell

    escaped = cell_escape(value)
    cell = WriteOnlyCell(sheet, value=escaped)
    if escaped is not value:
        cell.data_type = "s"
        cell.quotePrefix = True
    return cell


def xlsx_row(sheet, values):
    """A row for `sheet.append`: plain values where nothing needs escaping (openpyxl writes them
    faster than cells), escaped cells where something does."""
    return [xlsx_cell(sheet, value) if formula_like(value) else value for value in values]
