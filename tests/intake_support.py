"""Build intake files for tests: filled templates (XLSX), CSV files, raw workbooks with formulas or merged cells.

Rows are dicts keyed by the Polish column header, sheets by the Polish sheet name, as an organizer sees them:

    filled_xlsx({"Osoby": [{"Lp.": 1, "Nazwisko": "Kowalska"}], "Praca": [{"Lp.": 1, "Od": date(2020, 1, 1)}]})
    csv_bytes("Praca", [{"Lp.": 1, "Od": "01.01.2020"}], encoding="cp1250", delimiter=";")

Synthetic people only, never real ones.
"""
from __future__ import annotations

import csv
import io
import zipfile
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta

import xlsxwriter

from logic.intake.columns import BY_NAME
from logic.intake.template import template_xlsx

Rows = Sequence[Mapping[str, object]]


def filled_xlsx(rows_by_sheet: Mapping[str, Rows]) -> bytes:
    """The template with these rows; a key that is not a template header becomes an extra column."""
    return template_xlsx(rows_by_sheet)


def csv_bytes(sheet: str, rows: Rows, *, encoding: str = "utf-8", delimiter: str = ";",
              headers: Sequence[str] | None = None) -> bytes:
    """One sheet as a CSV file: the template's headers (or `headers`) then the rows; dates as DD.MM.RRRR.

    `encoding` "utf-8-sig" writes the BOM Excel writes for "CSV UTF-8"."""
    if headers is None:
        headers = list(BY_NAME[sheet].headers)
        for row in rows:
            headers += [k for k in row if k not in headers]
    out = io.StringIO(newline="")
    writer = csv.writer(out, delimiter=delimiter, lineterminator="\r\n")
    writer.writerow(headers)
    for row in rows:
        writer.writerow([_csv_value(row.get(h)) for h in headers])
    return out.getvalue().encode(encoding)


def _csv_value(v: object) -> str:
    if v is None:
        return ""
    if isinstance(v, (date, datetime)):
        return v.strftime("%d.%m.%Y")
    if isinstance(v, bool):
        return "tak" if v else "nie"
    return str(v)


@dataclass(frozen=True)
class Formula:
    """A cell holding a formula and the result cached in the file (which the reader must not trust)."""

    text: str
    cached: object


def grid(sheet: str, rows: Rows) -> list[list[object]]:
    """The template's header row and these rows as a grid of cells (for `workbook_bytes`)."""
    headers = list(BY_NAME[sheet].headers)
    for row in rows:
        headers += [k for k in row if k not in headers]
    return [list(headers)] + [[row.get(h) for h in headers] for row in rows]


def workbook_bytes(grids: Mapping[str, Sequence[Sequence[object]]], *,
                   merged: Mapping[str, Sequence[str]] | None = None) -> bytes:
    """A workbook with exactly these sheets and cells (no template around them); cells may be `Formula`s; `merged`
    gives ranges to merge per sheet ("B2:C2"), keeping the first cell's value."""
    out = io.BytesIO()
    wb = xlsxwriter.Workbook(out, {"in_memory": True, "strings_to_formulas": False, "strings_to_numbers": False})
    date_format = wb.add_format({"num_format": "dd.mm.yyyy"})
    for name, cells in grids.items():
        ws = wb.add_worksheet(name)
        for i, row in enumerate(cells):
            for j, v in enumerate(row):
                if v is None:
                    continue
                if isinstance(v, Formula):
                    ws.write_formula(i, j, v.text, None, v.cached)
                elif isinstance(v, bool):
                    ws.write_boolean(i, j, v)
                elif isinstance(v, (date, datetime)):
                    ws.write_datetime(i, j, v if isinstance(v, datetime) else datetime(v.year, v.month, v.day),
                                      date_format)
                elif isinstance(v, (int, float)):
                    ws.write_number(i, j, v)
                else:
                    ws.write_string(i, j, str(v))
        for ref in (merged or {}).get(name, ()):
            first = ref.split(":")[0]
            r, c = _cell(first)
            value = cells[r][c] if r < len(cells) and c < len(cells[r]) else None
            ws.merge_range(ref, "" if value is None else value)
    wb.close()
    return out.getvalue()


def _cell(ref: str) -> tuple[int, int]:
    letters = "".join(ch for ch in ref if ch.isalpha())
    digits = "".join(ch for ch in ref if ch.isdigit())
    col = 0
    for ch in letters:
        col = col * 26 + ord(ch.upper()) - 64
    return int(digits) - 1, col - 1


def replace_part(xlsx: bytes, path: str, content: bytes) -> bytes:
    """The same workbook with one part (e.g. "xl/worksheets/sheet2.xml") replaced, deflated."""
    source = zipfile.ZipFile(io.BytesIO(xlsx))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            target.writestr(info.filename, content if info.filename == path else source.read(info))
    return out.getvalue()


def sheet_part(xlsx: bytes, sheet: str) -> str:
    """The path of a sheet's XML part in a workbook written by xlsxwriter (sheets numbered in order)."""
    names = _sheet_names(xlsx)
    return f"xl/worksheets/sheet{names.index(sheet) + 1}.xml"


def _sheet_names(xlsx: bytes) -> list[str]:
    from python_calamine import CalamineWorkbook

    return CalamineWorkbook.from_filelike(io.BytesIO(xlsx)).sheet_names


def large_intake(n: int, *, jobs: int = 3, courses: int = 2) -> dict[str, list[dict[str, object]]]:
    """`n` synthetic applicants with `jobs` Praca rows and `courses` Kursy rows each (for speed measurements)."""
    people, work, training = [], [], []
    start = date(2000, 1, 1)
    for lp in range(1, n + 1):
        people.append({"Lp.": lp, "Imię (imiona)": "Anna", "Nazwisko": f"Testowa-{lp}", "Zawód": "pielęgniarka",
                       "Ma PWZ": "tak", "Numer PWZ": f"{lp % 10_000_000:07d}P", "Rok wydania PWZ": 2010,
                       "Licencjat": "tak", "Magister pielęgniarstwa / położnictwa": "nie",
                       "Rodzaj kształcenia": "specjalizacja", "Dziedzina": "pielęgniarstwo chirurgiczne",
                       "Ubiega się o dofinansowanie": "tak", "Odbył(a) specjalizację dofinansowaną": "nie"})
        for k in range(jobs):
            begin = start + timedelta(days=400 * k + lp % 300)
            last = k == jobs - 1
            work.append({"Lp.": lp, "Od": begin, "Do": None if last else begin + timedelta(days=380),
                         "Trwa": "tak" if last else "nie", "Pracodawca": f"Szpital nr {k + 1}",
                         "Komórka": "Oddział chirurgii", "Dziedzina komórki": "pielęgniarstwo chirurgiczne",
                         "W zawodzie": "tak"})
        for k in range(courses):
            training.append({"Lp.": lp, "Rodzaj": "specjalistyczny", "Nazwa": f"Kurs {k + 1}",
                             "Data ukończenia": date(2015 + k, 6, 30), "Wynik egzaminu": "zdany"})
    return {"Osoby": people, "Praca": work, "Kursy": training}
