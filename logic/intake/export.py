"""The intake's results as files for the organizer: XLSX (results, credits, problems, and a sheet with the as-of
day, the legal state and the disclaimer) and CSV (the results sheet). Pure Python; xlsxwriter writes the workbook
in its constant-memory mode, row by row.

Every text cell is written as a string (never as a formula: a name such as "=SUM(…)" or "+48…" stays text), so a
hostile value in the uploaded file cannot become a formula in the organizer's Excel.
"""
from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterable, Sequence
from datetime import date

import xlsxwriter

from ..case import FORM_LABELS_PL
from ..decision import OUTCOME_LABELS_PL as DECISION_LABELS_PL
from ..decision import Outcome
from ..interview import describe_path
from ..periods import polish_date
from ..present import DISCLAIMER
from .columns import FUNDED_BEFORE, OSOBY, SHEETS
from .model import OUTCOME_LABELS_PL, ApplicantResult, EntryStatus, IntakeResult, Problem

RESULT_HEADERS = ("Lp.", "Imię i nazwisko", "Wynik", "Najwcześniej", "Czego brakuje", "Zaliczenia (liczba)",
                  "Podstawy zaliczeń", "Zwolnienie ze specjalizacji", "Dofinansowanie ze środków publicznych",
                  "Uwagi", "Błędy danych")
CREDIT_HEADERS = ("Lp.", "Imię i nazwisko", "Zaliczenie", "Obszar (załącznik nr 1, pkt 10)", "Na podstawie",
                  "Podstawa prawna", "Ocena")
PROBLEM_HEADERS = ("Arkusz", "Wiersz", "Kolumna", "Lp.", "Problem", "Rodzaj")
AREA_LABELS_PL = {"moduly": "moduły / jednostki modułowe", "jednostki": "moduły / jednostki modułowe",
                  "szkolenie_praktyczne": "szkolenie praktyczne"}
EXEMPTION_LABELS_PL = {
    Outcome.MEETS: "możliwe na wniosek (decyduje dyrektor CMKP)",
    Outcome.ON_REQUEST: "możliwe na wniosek (decyduje dyrektor CMKP)",
    Outcome.FOR_DECISION: "możliwe na wniosek (decyduje dyrektor CMKP)",
    Outcome.DOES_NOT_MEET: "nie",
    Outcome.NEEDS_REVIEW: "wymaga wyjaśnienia",
}
FUNDED_LABELS_PL = {
    Outcome.MEETS: "tak",
    Outcome.DOES_NOT_MEET: "nie (teraz)",
    Outcome.NEEDS_REVIEW: "wymaga wyjaśnienia",
}
NOT_ASKED = "nie dotyczy"
FUNDED_BEFORE_HEADER = next(c.header for s in SHEETS for c in s.columns if c.target == FUNDED_BEFORE)
SEP = "; "


def outcome_text(r: ApplicantResult) -> str:
    return OUTCOME_LABELS_PL[r.outcome]


# The goal comes from the edition's facts entered for the whole intake, not from the sheet.
EDITION_PATHS = {"goal.form": "Nabór: rodzaj kształcenia", "goal.field": "Nabór: dziedzina",
                 "goal.publicly_funded": "Nabór: dofinansowanie ze środków publicznych",
                 "edition.form": "Nabór: rodzaj kształcenia", "edition.field": "Nabór: dziedzina",
                 "edition.publicly_funded": "Nabór: dofinansowanie ze środków publicznych",
                 "edition.places": "Nabór: liczba miejsc", "edition.applicants": "liczba osób w arkuszu",
                 "edition.planned_start": "Nabór: planowane rozpoczęcie"}
_ITEM = re.compile(r"^([a-z_]+)\[(\d+)\]\.([a-z_]+)$")


def sheet_cell_name(path: str) -> str:
    """A missing fact named as the organizer finds it in the spreadsheet: "Osoby: Ma PWZ",
    "Praca, okres 2: Do", "Praca: brak wierszy"; a fact the sheets do not hold keeps its interview name."""
    if path in EDITION_PATHS:
        return EDITION_PATHS[path]
    if path == "specializations":
        return f"{OSOBY}: {FUNDED_BEFORE_HEADER} (albo wiersze w arkuszu „Specjalizacje”)"
    for sheet in SHEETS:
        if sheet.case_list is None:
            column = next((c for c in sheet.columns if c.target == path), None)
            if column is not None:
                return f"{sheet.name}: {column.header}"
        elif path == sheet.case_list:
            return f"{sheet.name}: brak wierszy dla tej osoby"
    m = _ITEM.match(path)
    if m:
        sheet = next((s for s in SHEETS if s.case_list == m.group(1)), None)
        column = next((c for c in sheet.columns if c.target == m.group(3)), None) if sheet else None
        if sheet and column:
            return f"{sheet.name}, wiersz {int(m.group(2)) + 1} tej osoby: {column.header}"
    return describe_path(path)


def missing_text(r: ApplicantResult) -> str:
    return SEP.join(sheet_cell_name(p) for p in r.missing)


def exemption_text(r: ApplicantResult) -> str:
    return EXEMPTION_LABELS_PL.get(r.exemption, NOT_ASKED) if r.exemption else NOT_ASKED


def funded_text(r: ApplicantResult) -> str:
    if r.funded is None:
        return NOT_ASKED
    return FUNDED_LABELS_PL.get(r.funded, DECISION_LABELS_PL[r.funded])


def credit_grounds(r: ApplicantResult) -> str:
    return SEP.join(f"{c.ground or c.title} ({c.basis})" if c.basis else (c.ground or c.title) for c in r.credits)


def result_row(r: ApplicantResult) -> list[object]:
    """One row of the results sheet (and CSV), in RESULT_HEADERS order."""
    earliest = polish_date(r.earliest) if r.earliest and r.entry is EntryStatus.NOT_YET else ""
    return [r.lp, r.label, outcome_text(r), earliest, missing_text(r), len(r.credits), credit_grounds(r),
            exemption_text(r), funded_text(r), SEP.join(r.warnings), SEP.join(r.problems)]


def credit_rows(results: Iterable[ApplicantResult]) -> Iterable[list[object]]:
    for r in results:
        for c in r.credits:
            yield [r.lp, r.label, c.title, AREA_LABELS_PL.get(c.area or "", c.area or ""), c.ground, c.basis,
                   DECISION_LABELS_PL.get(Outcome(c.outcome), c.outcome)]


def problem_row(p: Problem) -> list[object]:
    return [p.sheet or "", p.row or "", p.column or "", p.lp or "", p.message,
            "błąd" if p.blocking else "uwaga (nie blokuje)"]


def meta_rows(result: IntakeResult, generated_on: date | None) -> list[tuple[str, str]]:
    ed = result.edition
    counts: dict[str, int] = {}
    for r in result.results:
        counts[r.outcome] = counts.get(r.outcome, 0) + 1
    rows = [
        ("Stan na dzień", polish_date(result.as_of)),
        ("Stan prawny (przepisy sprawdzone)", polish_date(result.law_checked_on)),
        ("Rodzaj kształcenia", FORM_LABELS_PL[ed.form]),
        ("Dziedzina", ed.field or "—"),
        ("Dofinansowanie ze środków publicznych",
         {True: "tak", False: "nie", None: "nie wiem"}[ed.publicly_funded]),
        ("Liczba miejsc", str(ed.places) if ed.places is not None else "nie wiem"),
        ("Planowane rozpoczęcie", polish_date(ed.planned_start) if ed.planned_start else "nie wiem"),
        ("Liczba osób", str(len(result.results))),
        *((f"– {OUTCOME_LABELS_PL[k]}", str(counts.get(k, 0))) for k in OUTCOME_LABELS_PL),
        ("Podstawa prawna", "Rozporządzenie Ministra Zdrowia z 16 stycznia 2026 r. w sprawie kształcenia "
                            "podyplomowego pielęgniarek i położnych (Dz.U. 2026 poz. 57); ustawa o zawodach "
                            "pielęgniarki i położnej, rozdział 6 (Dz.U. 2026 poz. 15)"),
        ("Zastrzeżenie", DISCLAIMER),
    ]
    if generated_on is not None:
        rows.insert(0, ("Wygenerowano", polish_date(generated_on)))
    return rows


def _sheet(book, name: str, headers: Sequence[str], rows: Iterable[Sequence[object]], widths: Sequence[int],
           bold) -> None:
    ws = book.add_worksheet(name)
    ws.freeze_panes(1, 0)
    for col, (header, width) in enumerate(zip(headers, widths)):
        ws.set_column(col, col, width)
        ws.write_string(0, col, header, bold)
    n = 0
    for n, row in enumerate(rows, start=1):
        for col, value in enumerate(row):
            if isinstance(value, int) and not isinstance(value, bool):
                ws.write_number(n, col, value)
            else:
                ws.write_string(n, col, str(value))
    ws.autofilter(0, 0, max(n, 1), len(headers) - 1)


def results_xlsx(result: IntakeResult, *, generated_on: date | None = None) -> bytes:
    """The workbook: "Wyniki", "Zaliczenia", "Problemy" and "Informacje"."""
    out = io.BytesIO()
    book = xlsxwriter.Workbook(out, {"constant_memory": True, "in_memory": True,
                                     "strings_to_formulas": False, "strings_to_urls": False,
                                     "strings_to_numbers": False})
    bold = book.add_format({"bold": True, "text_wrap": True, "valign": "top"})
    _sheet(book, "Wyniki", RESULT_HEADERS, (result_row(r) for r in result.results),
           (6, 28, 20, 16, 40, 10, 60, 26, 22, 40, 60), bold)
    _sheet(book, "Zaliczenia", CREDIT_HEADERS, credit_rows(result.results), (6, 28, 50, 24, 50, 18, 26), bold)
    _sheet(book, "Problemy", PROBLEM_HEADERS, (problem_row(p) for p in result.problems), (22, 8, 26, 6, 80, 18),
           bold)
    info = book.add_worksheet("Informacje")
    info.set_column(0, 0, 36)
    info.set_column(1, 1, 100)
    for n, (key, value) in enumerate(meta_rows(result, generated_on)):
        info.write_string(n, 0, key, bold)
        info.write_string(n, 1, value)
    book.close()
    return out.getvalue()


def _csv_cell(value: object) -> str:
    """A CSV cell that Excel cannot take for a formula (the "CSV injection" of =, +, -, @ at the start)."""
    text = str(value)
    return "'" + text if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text


def results_csv(result: IntakeResult) -> bytes:
    """The results sheet as CSV for Polish Excel: UTF-8 with BOM, semicolons."""
    buf = io.StringIO()
    writer = csv.writer(buf, delimiter=";", lineterminator="\r\n")
    writer.writerow(RESULT_HEADERS)
    for r in result.results:
        writer.writerow([_csv_cell(v) for v in result_row(r)])
    return ("\ufeff" + buf.getvalue()).encode("utf-8")
