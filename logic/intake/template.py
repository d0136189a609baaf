"""The intake template (XLSX) built from the column registry: an "Instrukcja" sheet, then one sheet per kind of row.

Each data sheet has its header row (bold, frozen with the Lp. column), a comment on every header with the column's
help and allowed values, drop-down lists for tak / nie / nie wiem and the choices, and DD.MM.RRRR on date columns.
The template has no data rows; `template_xlsx(rows_by_sheet)` writes rows too (examples, tests), with each row's
values keyed by the Polish header.
"""
from __future__ import annotations

import io
from collections.abc import Mapping, Sequence
from datetime import date, datetime

import xlsxwriter

from ..case import EARLIEST_DAY, LATEST_DAY
from .columns import (INSTRUCTIONS_SHEET, LP, NOT_UNKNOWN_WHEN_EMPTY, OSOBY, PRACA, SHEETS, SPECJALIZACJE, Column,
                      Kind, empty_word)
from .reader import MAX_BYTES, MB

LAST_ROW = 1_048_575  # Excel's last row (zero-based): validations and formats cover whole columns
# Fixed, so that the same template gives the same bytes (xlsxwriter would stamp the time of building).
BUILT = datetime(2026, 1, 20)

INTRODUCTION = (
    "Ten plik służy do sprawdzenia całego naboru naraz: asystent odczyta każdą osobę, oceni, czy spełnia warunki "
    "rozpoczęcia kształcenia, i wskaże, czego brakuje, z podaniem przepisu.",
    f"Arkusz „{OSOBY}”: jeden wiersz na osobę. Pozostałe arkusze: dowolnie wiele wierszy na osobę (każde "
    f"zatrudnienie, kurs, tytuł w osobnym wierszu), zawsze z numerem osoby w kolumnie „{LP}”.",
    "Daty wpisuj jako DD.MM.RRRR (np. 05.03.2021); można też RRRR-MM-DD, komórkę z datą Excela albo liczbę dni "
    "Excela w komórce liczbowej (44260 = 05.03.2021); sama liczba w pliku CSV albo w komórce tekstowej nie jest "
    "datą.",
    "Liczby wpisuj cyframi, część ułamkową oddzielaj przecinkiem (np. 6,5); w kolumnach „Rok wydania PWZ” i "
    "„Liczba godzin” – tylko liczby całkowite; znak % tylko w kolumnie „Zrealizowana część programu (%)”.",
    "Tak / nie: wpisz „tak”, „nie” albo „nie wiem” (wielkość liter nie ma znaczenia); wartość logiczna Excela "
    "PRAWDA / FAŁSZ (TRUE / FALSE) znaczy „tak” / „nie”; innych słów (np. T, N, 1, 0) asystent nie odczyta. "
    "Pusta komórka znaczy "
    "„nie wiem” – wynik wskaże wtedy, czego brakuje. Wyjątki: "
    + "; ".join(f"„{c.header}” w arkuszu „{s.name}” – puste = {empty_word(c.empty)}" for s, c in NOT_UNKNOWN_WHEN_EMPTY)
    + ".",
    f"Osoba bez wierszy w arkuszu „{PRACA}”: nie wiadomo, gdzie pracowała (a nie: że nie pracowała). Osoba bez "
    f"wierszy w arkuszu „{SPECJALIZACJE}”: decyduje kolumna „Odbył(a) specjalizację dofinansowaną” w arkuszu "
    f"„{OSOBY}” (nie = żadnej, puste = nie wiadomo).",
    "Nie wpisuj numeru PESEL: asystent go nie potrzebuje, a kolumny z numerem PESEL nie odczyta.",
    "Plik jest odczytywany tylko w tej sesji przeglądarki; asystent nie zapisuje go na serwerze.",
    "Nie zmieniaj nazw arkuszy ani nagłówków w pierwszym wierszu; nie używaj formuł ani scalonych komórek. "
    "Zbędne arkusze można usunąć. Każdy arkusz można też zapisać jako osobny plik CSV o nazwie arkusza "
    "(np. Praca.csv, Tytuły specjalisty.csv).",
    f"Największy plik: {MAX_BYTES // MB} MB.",
)


def template_xlsx(rows_by_sheet: Mapping[str, Sequence[Mapping[str, object]]] | None = None) -> bytes:
    """The template as XLSX bytes; with `rows_by_sheet` ({"Osoby": [{"Lp.": 1, "Nazwisko": …}], …}) also its rows.

    A key that is not a column of the sheet becomes an extra column after the template's (for tests of unknown
    columns); values may be str, int, float, bool, date or None (an empty cell)."""
    rows_by_sheet = rows_by_sheet or {}
    unknown = set(rows_by_sheet) - {s.name for s in SHEETS}
    if unknown:
        raise ValueError(f"no such sheet in the template: {sorted(unknown)}")
    out = io.BytesIO()
    wb = xlsxwriter.Workbook(out, {"in_memory": True, "strings_to_numbers": False, "strings_to_formulas": False,
                                   "strings_to_urls": False})
    wb.set_properties({"title": "Nabór – dane osób ubiegających się o kształcenie podyplomowe",
                       "subject": "Szablon asystenta kształcenia podyplomowego pielęgniarek i położnych",
                       "author": "", "company": "", "created": BUILT})
    formats = _Formats(wb)
    _instructions(wb, formats)
    for sheet in SHEETS:
        ws = wb.add_worksheet(sheet.name)
        extra = _extra_headers(sheet.headers, rows_by_sheet.get(sheet.name, ()))
        for j, column in enumerate(sheet.columns):
            ws.set_column(j, j, column.width, formats.column(column))
            ws.write_string(0, j, column.header, formats.header)
            ws.write_comment(0, j, f"{column.help}\nDozwolone: {column.allowed()}.",
                             {"x_scale": 2.2, "y_scale": 1.6, "author": ""})
            validation = _validation(column)
            if validation:
                ws.data_validation(1, j, LAST_ROW, j, validation)
        for k, header in enumerate(extra, start=len(sheet.columns)):
            ws.set_column(k, k, max(12, len(header) + 2))
            ws.write_string(0, k, header, formats.header)
        ws.set_row(0, 48)
        ws.freeze_panes(1, 1)
        headers = sheet.headers + extra
        for i, row in enumerate(rows_by_sheet.get(sheet.name, ()), start=1):
            for j, header in enumerate(headers):
                _write(ws, i, j, row.get(header), formats)
    wb.close()
    return out.getvalue()


class _Formats:
    def __init__(self, wb: xlsxwriter.Workbook) -> None:
        self.header = wb.add_format({"bold": True, "text_wrap": True, "valign": "top", "bg_color": "#DCE6F1",
                                     "border": 1})
        self.date = wb.add_format({"num_format": "dd.mm.yyyy"})
        self.text = wb.add_format({"num_format": "@"})
        self.title = wb.add_format({"bold": True, "font_size": 14})
        self.bold = wb.add_format({"bold": True})
        self.wrap = wb.add_format({"text_wrap": True, "valign": "top"})
        self.bold_wrap = wb.add_format({"bold": True, "text_wrap": True, "valign": "top"})

    def column(self, column: Column):
        if column.kind is Kind.DATE:
            return self.date
        if column.kind is Kind.TEXT:
            return self.text
        return None


def _instructions(wb: xlsxwriter.Workbook, formats: _Formats) -> None:
    ws = wb.add_worksheet(INSTRUCTIONS_SHEET)
    ws.set_column(0, 0, 24)
    ws.set_column(1, 1, 34)
    ws.set_column(2, 2, 70)
    ws.set_column(3, 3, 46)
    ws.write_string(0, 0, "Nabór na kształcenie podyplomowe pielęgniarek i położnych – jak wypełnić ten plik",
                    formats.title)
    row = 2
    for line in INTRODUCTION:
        ws.write_string(row, 0, line)
        row += 1
    row += 1
    for j, title in enumerate(("Arkusz", "Kolumna", "Co wpisać", "Dozwolone wartości")):
        ws.write_string(row, j, title, formats.header)
    ws.freeze_panes(row + 1, 0)
    row += 1
    for sheet in SHEETS:
        ws.write_string(row, 0, sheet.name, formats.bold_wrap)
        ws.write_string(row, 2, sheet.help, formats.wrap)
        row += 1
        for column in sheet.columns:
            ws.write_string(row, 0, sheet.name, formats.wrap)
            ws.write_string(row, 1, column.header, formats.bold_wrap)
            ws.write_string(row, 2, column.help, formats.wrap)
            ws.write_string(row, 3, column.allowed(), formats.wrap)
            row += 1


def _validation(column: Column) -> dict | None:
    """Excel's own check of a cell: a drop-down list where the values are fixed, a warning for dates and numbers
    (a date typed as text in another locale is still read by the assistant)."""
    kind = column.kind
    if kind in (Kind.YES_NO_UNKNOWN, Kind.YES_NO, Kind.CHOICE):
        return {"validate": "list", "source": column.labels(), "error_title": column.header[:32],
                "error_message": f"Wybierz z listy: {', '.join(column.labels())}."[:255]}
    if kind is Kind.LP:
        return {"validate": "integer", "criteria": ">=", "value": 1, "error_title": LP,
                "error_message": "Lp. to liczba całkowita od 1, ta sama co w arkuszu „Osoby”."}
    if kind is Kind.DATE:
        return {"validate": "date", "criteria": "between", "minimum": EARLIEST_DAY, "maximum": LATEST_DAY,
                "error_type": "warning", "error_title": column.header[:32],
                "error_message": (f"Wpisz datę DD.MM.RRRR z lat {EARLIEST_DAY.year}–{LATEST_DAY.year}, "
                                  f"np. 05.03.2021.")}
    if kind in (Kind.INT, Kind.NUMBER) and column.minimum is not None and column.maximum is not None:
        return {"validate": "integer" if kind is Kind.INT else "decimal", "criteria": "between",
                "minimum": column.minimum, "maximum": column.maximum, "error_type": "warning",
                "error_title": column.header[:32], "error_message": f"Dozwolone: {column.allowed()}."[:255]}
    if kind is Kind.TEXT and column.max_length:
        return {"validate": "length", "criteria": "<=", "value": column.max_length, "error_type": "warning",
                "error_title": column.header[:32],
                "error_message": f"Najwyżej {column.max_length} znaków."}
    return None


def _extra_headers(headers: list[str], rows: Sequence[Mapping[str, object]]) -> list[str]:
    extra: dict[str, None] = {}
    for row in rows:
        for key in row:
            if key not in headers:
                extra.setdefault(key, None)
    return list(extra)


def _write(ws, i: int, j: int, value: object, formats: _Formats) -> None:
    if value is None:
        return
    if isinstance(value, bool):
        ws.write_boolean(i, j, value)
    elif isinstance(value, (date, datetime)):
        ws.write_datetime(i, j, value if isinstance(value, datetime) else datetime(value.year, value.month, value.day),
                          formats.date)
    elif isinstance(value, (int, float)):
        ws.write_number(i, j, value)
    else:
        ws.write_string(i, j, str(value))
