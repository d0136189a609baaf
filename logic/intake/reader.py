"""Read an organizer's intake file(s) – one XLSX workbook, or CSV files one per sheet – into rows of typed values.

`read_intake(files)` is the one entry point: bytes in, an `Intake` out (mapping.py turns the rows into Cases);
`read_intake_file(path)` reads one file from disk for the command line, never more than MAX_BYTES + 1 bytes. Nothing
here raises on a bad file: every problem becomes a located, Polish `Problem` ("Praca, wiersz 14, kolumna „Od”:
31.02.2021 nie jest datą"), and the applicants whose rows are all valid are still read.

How cells are read (the same for XLSX and CSV), strictly as the template's instructions document them:
- empty cell = "nie wiem" (None), except where the model gives the field a default: "Trwa" (a plain tick in the
  Case model) empty = nie, "W zawodzie" empty = tak (as the interview ticks it);
- yes / no: tak / nie / nie wiem in any case and with spaces around, and Excel's logical values (a TRUE / FALSE cell,
  or the text PRAWDA / FAŁSZ / TRUE / FALSE Excel writes for one into a CSV file); nothing else (not T / N, 1 / 0);
- dates as DD.MM.RRRR (also D.M.RRRR and "r." after the year) or RRRR-MM-DD, a real date cell (its day), or an
  Excel date serial – whole days, 1900–2100 – in a number cell of a workbook (what Excel keeps of a date whose
  cell lost its date format). Numeric text (a CSV cell, a text cell) is never a date: "44260" is refused, and a bare
  whole number between 1900 and 2100 is taken for a year written instead of a date and refused;
- numbers: a number cell (finite: NaN and infinity are "not a number") or ASCII digits with an optional decimal
  comma or point and thousands grouped by spaces; not 1e3, 1_000 or other scripts' digits; % only in the per-cent
  column; integer columns (and Lp.) only whole numbers;
- text: at most the model's length; C0/C1 control characters and bidirectional overrides are refused at the cell
  (tab and line breaks are kept), and no message ever echoes them;
- choices by their Polish label, without regard to case or Polish letters ("dokształcający" = "doksztalcajacy");
- a header is matched the same way, so a CSV written without Polish letters is read too.

Hostile files: XLSX is read with python-calamine, which builds a dense grid from the first to the last cell, so a
5 KB file with cells in A1 and XFD1048576 asks it for 17 billion cells and aborts the process. Before calamine sees
a workbook, its parts are therefore unpacked here within declared sizes (`MAX_UNPACKED`; a part that unpacks to more
than it declares fails its checksum), rows after MAX_ROWS are cut from each sheet's XML (`_cut_rows`), each sheet's
extent is measured from its XML (`MAX_CELLS`), and calamine reads a fresh, uncompressed copy of exactly the checked
parts. Formulas and Excel error values (#DIV/0!, which calamine reads as an empty cell) are found in the same XML:
a formula's cached value is not trusted, the cell is reported instead. CSV is bounded by the file size, `MAX_ROWS`
and `MAX_COLUMNS`; it may be UTF-8 (with or without BOM), UTF-16 (with or without BOM) or cp1250, may start with
Excel's "sep=;" line, and a row written with another separator than the header's is reported, not misread. A few
control characters in a CSV are located at their cells; a file full of them is binary and refused.

A column whose header contains "pesel" (or an 11-digit number) is never read: its cells are dropped before any
value is looked at, and the notice names the column by its letter only.
"""
from __future__ import annotations

import csv
import gc
import io
import posixpath
import re
import zipfile
import zlib
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from typing import Any, Callable
from xml.etree import ElementTree

from ..case import EARLIEST_DAY, LATEST_DAY
from .columns import (BY_NAME, INSTRUCTIONS_SHEET, LP, OSOBY, SHEETS, YES_NO_LABELS, YES_NO_UNKNOWN_LABELS, Column,
                      Kind, Sheet, normalize, sheet_for_name)
from .model import Intake, Problem

MAX_BYTES = 4 * 1024 * 1024  # one uploaded file; below the server's upload limit (20 MB), so that our Polish message is
#                                 the one a person meets for a large file, not Streamlit's English one
MAX_ROWS = 200_000  # data rows read per sheet; the rest is reported and left out
MAX_COLUMNS = 256  # columns looked at per sheet (the template's widest sheet has 22)
MAX_CELLS = 6_000_000  # rows × columns of one sheet (about 200,000 rows of the widest sheet)
MAX_UNPACKED = 100 * 1024 * 1024  # the workbook's parts that are read, unpacked
MAX_TEXT = 1000  # a text cell whose model field sets no limit
MAX_FORMULAS = 10_000  # formula cells reported one by one; more and the sheet is refused
MAX_OTHER_SHEETS = 20  # sheets outside the template named one by one; the rest are counted
MAX_PROBLEMS_PER_SHEET = 2000  # located messages per sheet; further bad rows are still marked, and counted

MB = 1024 * 1024


def read_intake(files: list[tuple[str, bytes]]) -> Intake:
    """Read one XLSX workbook, or one or more CSV files (one per sheet, named after it), into an Intake."""
    from .mapping import build_intake  # mapping imports this module's row types

    collecting = gc.isenabled()
    # A bulk load of acyclic rows: the cyclic collector would only rescan them again and again (a third of the time
    # for 10,000 applicants). Only the call that found it on turns it back on, so overlapping reads leave it on.
    gc.disable()
    try:
        problems: list[Problem] = []
        grids = load_grids(files, problems)
        tables = {}
        for name, grid in grids.items():
            table = parse_grid(grid, problems)
            if table is not None:
                tables[name] = table
        if grids:
            _report_unread_sheets(tables, problems)
        grids.clear()
        return build_intake(tables, problems)
    finally:
        if collecting:
            gc.enable()


class IntakeFileError(Exception):
    """A file the command line cannot read at all; the message is Polish."""


def read_intake_file(path: str) -> tuple[str, bytes]:
    """(file name, bytes) of an intake file for `read_intake`, read from disk without ever holding more than
    MAX_BYTES + 1 bytes of it: `/dev/zero` or a 10 GB file is refused as soon as it passes the limit."""
    import os

    name = os.path.basename(path) or path
    try:
        with open(path, "rb") as f:
            data = f.read(MAX_BYTES + 1)
    except FileNotFoundError as exc:
        raise IntakeFileError(f"Nie ma pliku {path}.") from exc
    except IsADirectoryError as exc:
        raise IntakeFileError(f"{path} to katalog, a nie plik.") from exc
    except OSError as exc:
        raise IntakeFileError(f"Nie można odczytać pliku {path}.") from exc
    if len(data) > MAX_BYTES:
        raise IntakeFileError(f"Plik {_file_name(name)} ma ponad {MAX_BYTES // MB} MB, a można wczytać najwyżej "
                              f"{MAX_BYTES // MB} MB; podziel nabór na mniejsze pliki.")
    return name, data


# --- one sheet as a grid of raw cells -----------------------------------------------------------------------------


@dataclass
class Grid:
    """One sheet as it came from the file: rows[0] is the header (spreadsheet row 1)."""

    sheet: Sheet
    source: str  # the file name, for messages
    rows: list[list[Any]]
    bad_cells: dict[tuple[int, int], str] = field(default_factory=dict)  # (row index, column index) → message
    total_rows: int | None = None  # when more than MAX_ROWS data rows were in the sheet
    wide_rows: int = 0  # CSV rows cut at MAX_COLUMNS
    bad_rows: dict[int, str] = field(default_factory=dict)  # row index → message: a row that is not read at all


def load_grids(files: list[tuple[str, bytes]], problems: list[Problem]) -> dict[str, Grid]:
    """The sheets of the uploaded files, by registry sheet name; every file problem goes to `problems`."""
    if not files:
        problems.append(Problem(message="Nie wybrano żadnego pliku."))
        return {}
    workbooks: list[tuple[str, bytes]] = []
    texts: list[tuple[str, bytes]] = []
    for name, data in files:
        shown = _file_name(name)
        if len(data) > MAX_BYTES:
            size = f"{len(data) / MB:.1f}".replace(".", ",")
            problems.append(Problem(message=(
                f"Plik {shown} ma {size} MB, a można wczytać najwyżej {MAX_BYTES // MB} MB; podziel nabór na "
                f"mniejsze pliki.")))
            continue
        if not data:
            problems.append(Problem(message=f"Plik {shown} jest pusty (0 bajtów)."))
            continue
        refusal = _refusal(name, data)
        if refusal:
            problems.append(Problem(message=refusal))
        elif data[:2] == b"PK":
            workbooks.append((name, data))
        else:
            texts.append((name, data))
    if len(workbooks) > 1 or (workbooks and texts):
        names = ", ".join(_file_name(n) for n, _ in workbooks + texts)
        problems.append(Problem(message=(
            f"Wybrano kilka plików ({names}); wczytaj jeden skoroszyt XLSX albo same pliki CSV (po jednym na arkusz). "
            f"Nic nie zostało wczytane.")))
        return {}
    return xlsx_grids(*workbooks[0], problems) if workbooks else csv_grids(texts, problems)


def _report_unread_sheets(tables: dict[str, Table], problems: list[Problem]) -> None:
    if OSOBY not in tables:
        problems.append(Problem(message=(
            "Nie wczytano arkusza „Osoby” (w CSV: pliku Osoby.csv), więc nie wiadomo, kogo dotyczą dane; nikogo nie "
            f"wczytano. Arkusze szablonu: {', '.join(s.name for s in SHEETS)}.")))
        return
    missing = [s.name for s in SHEETS if s.name not in tables]
    if missing:
        problems.append(Problem(blocking=False, message=(
            f"Nie wczytano arkuszy: {', '.join(missing)} – przyjęto, że nikt nie ma w nich wierszy (dla arkusza "
            f"„Praca”: przebieg pracy nieznany).")))


def _file_name(name: str) -> str:
    name = name.replace("\\", "/").rsplit("/", 1)[-1]
    return f"„{name[:80]}{'…' if len(name) > 80 else ''}”"


def _refusal(name: str, data: bytes) -> str | None:
    """Why a file is not read at all, told from its first bytes (not from its name); None for XLSX or CSV."""
    shown = _file_name(name)
    lower = name.lower()
    if data.startswith(b"%PDF"):
        return f"Plik {shown} to dokument PDF, a nie arkusz; wczytaj wypełniony szablon (XLSX) albo pliki CSV."
    if data.startswith(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"):
        return (f"Plik {shown} jest w starym formacie XLS albo jest zabezpieczony hasłem; otwórz go w Excelu i zapisz "
                f"bez hasła jako „Skoroszyt programu Excel (*.xlsx)”.")
    if data[:2] == b"PK":
        return None
    if lower.endswith((".xlsx", ".xlsm", ".xls", ".ods")):
        return (f"Plik {shown} nie jest arkuszem XLSX (jego zawartość nie jest skoroszytem Excela); wczytaj "
                f"wypełniony szablon pobrany z asystenta.")
    return None


# --- XLSX ---------------------------------------------------------------------------------------------------------

_WORKBOOK = "xl/workbook.xml"
# Parts calamine does not read for cell values: they are neither unpacked nor passed on.
_SKIPPED_PARTS = ("xl/media/", "xl/embeddings/", "xl/printerSettings/", "xl/drawings/", "xl/charts/", "xl/pivot",
                  "xl/externalLinks/", "xl/vbaProject", "xl/comments", "xl/threadedComments/", "xl/persons/",
                  "docProps/", "customXml/")
_CORRUPT = ("Plik {name} jest uszkodzony albo nie jest skoroszytem XLSX ({why}); otwórz go w Excelu i zapisz "
            "ponownie jako „Skoroszyt programu Excel (*.xlsx)”.")


def xlsx_grids(name: str, data: bytes, problems: list[Problem]) -> dict[str, Grid]:
    shown = _file_name(name)
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        infos = archive.infolist()
    except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, EOFError, OSError):
        problems.append(Problem(message=_CORRUPT.format(name=shown, why="nie da się go rozpakować")))
        return {}
    names = {i.filename for i in infos}
    if _WORKBOOK not in names:
        if "mimetype" in names and "content.xml" in names:
            problems.append(Problem(message=(
                f"Plik {shown} jest w formacie OpenDocument (ODS); zapisz go jako „Skoroszyt programu Excel "
                f"(*.xlsx)”.")))
        else:
            problems.append(Problem(message=_CORRUPT.format(name=shown, why="w archiwum nie ma skoroszytu")))
        return {}
    try:
        sheet_parts = _sheet_parts(archive)
    except (KeyError, ElementTree.ParseError, zipfile.BadZipFile, zlib.error, ValueError, EOFError, OSError,
            RuntimeError, NotImplementedError):
        problems.append(Problem(message=_CORRUPT.format(name=shown, why="nie da się odczytać spisu arkuszy")))
        return {}

    chosen: dict[str, tuple[str, str]] = {}  # registry name → (workbook sheet name, part path)
    others: list[Problem] = []
    for sheet_name, part in sheet_parts:
        sheet = sheet_for_name(sheet_name)
        if sheet is None:
            if normalize(sheet_name) != normalize(INSTRUCTIONS_SHEET):
                others.append(Problem(sheet=sheet_name[:80], blocking=False,
                                      message="tego arkusza nie ma w szablonie – pominięto go."))
            continue
        if sheet.name in chosen:
            others.append(Problem(sheet=sheet_name[:80], message=(
                f"drugi arkusz o nazwie „{sheet.name}” – wczytano tylko pierwszy („{chosen[sheet.name][0]}”).")))
            continue
        chosen[sheet.name] = (sheet_name, part)
    if not chosen:
        found = ", ".join(f"„{n[:40]}”" for n, _ in sheet_parts[:MAX_OTHER_SHEETS]) or "żadnego"
        if len(sheet_parts) > MAX_OTHER_SHEETS:
            found += f" i jeszcze {count(len(sheet_parts) - MAX_OTHER_SHEETS)}"
        problems.append(Problem(message=(
            f"W pliku {shown} nie ma arkuszy szablonu (są: {found}). Użyj szablonu z asystenta: arkusze "
            f"{', '.join(s.name for s in SHEETS)}.")))
        return {}
    if len(others) > MAX_OTHER_SHEETS:
        rest = len(others) - MAX_OTHER_SHEETS
        others = others[:MAX_OTHER_SHEETS] + [Problem(blocking=False, message=(
            f"Plik {shown} ma jeszcze {count(rest)} innych arkuszy spoza szablonu albo powtórzonych – pominięto je."))]
    problems.extend(others)

    wanted = {part for _, part in chosen.values()}
    kept = [i for i in infos if not i.is_dir() and _kept_part(i.filename, wanted)]
    if sum(i.file_size for i in kept) > MAX_UNPACKED:
        problems.append(Problem(message=(
            f"Plik {shown} po rozpakowaniu ma ponad {MAX_UNPACKED // MB} MB – to za dużo jak na nabór; usuń zbędne "
            f"arkusze i puste wiersze albo podziel plik.")))
        return {}
    parts: dict[str, bytes] = {}
    try:
        for info in kept:
            parts[info.filename] = archive.read(info)  # stops at the declared size; the checksum catches the rest
    except (zipfile.BadZipFile, zlib.error, EOFError, OSError, RuntimeError, NotImplementedError, ValueError):
        problems.append(Problem(message=_CORRUPT.format(name=shown, why="część archiwum jest uszkodzona")))
        return {}

    loadable: dict[str, tuple[str, dict[tuple[int, int], str], int | None]] = {}
    for registry_name, (sheet_name, part) in chosen.items():
        xml = parts.get(part)
        if xml is None:
            problems.append(Problem(sheet=registry_name, message="arkusz jest w spisie, ale brak jego danych w pliku."))
            continue
        xml, total = _cut_rows(xml)
        if total is not None:
            parts[part] = xml
        refusal = _extent_refusal(xml)
        if refusal is None:
            formulas = _formula_cells(xml)
            errors = _error_cells(xml)
            if formulas is None:
                refusal = (f"arkusz ma ponad {MAX_FORMULAS} formuł; zamień je na wartości (Kopiuj, a potem Wklej "
                           f"specjalnie → Wartości) i wczytaj plik ponownie.")
            elif errors is None:
                refusal = (f"arkusz ma ponad {MAX_FORMULAS} komórek z błędem Excela (np. #DZIEL/0!, #N/D!); wpisz w "
                           f"nich wartości i wczytaj plik ponownie.")
            else:
                for cell, message in errors.items():
                    formulas.setdefault(cell, message)  # a formula's own message says more than its error value
        if refusal:
            problems.append(Problem(sheet=registry_name, message=refusal))
            continue
        loadable[registry_name] = (sheet_name, formulas, total)

    clean = io.BytesIO()
    with zipfile.ZipFile(clean, "w", zipfile.ZIP_STORED) as out:
        for path, content in parts.items():
            out.writestr(path, content)
    parts.clear()
    grids: dict[str, Grid] = {}
    try:
        from python_calamine import CalamineWorkbook

        workbook = CalamineWorkbook.from_filelike(io.BytesIO(clean.getvalue()))
    except BaseException as err:  # calamine's Rust panics arrive as a BaseException
        _reraise_control(err)
        problems.append(Problem(message=_CORRUPT.format(name=shown, why="nie da się odczytać skoroszytu")))
        return {}
    for registry_name, (sheet_name, formulas, total) in loadable.items():
        try:
            ws = workbook.get_sheet_by_name(sheet_name)
            height = ws.end[0] + 1 if ws.end else 0
            rows = ws.to_python(skip_empty_area=False, nrows=MAX_ROWS + 1)
            merged = ws.merged_cell_ranges or []
        except BaseException as err:
            _reraise_control(err)
            problems.append(Problem(sheet=registry_name, message=(
                "arkusza nie da się odczytać (uszkodzone dane); zapisz plik ponownie w Excelu.")))
            continue
        grid = Grid(BY_NAME[registry_name], name, rows, dict(formulas),
                    total_rows=total if total is not None else height if height > MAX_ROWS + 1 else None)
        _mark_merged(grid, merged)
        grids[registry_name] = grid
    return grids


def _reraise_control(err: BaseException) -> None:
    if isinstance(err, (KeyboardInterrupt, SystemExit, GeneratorExit)):
        raise err


def _read_small(archive: zipfile.ZipFile, path: str, limit: int = 1024 * 1024) -> bytes:
    info = archive.getinfo(path)
    if info.file_size > limit:
        raise ValueError(f"{path} is too large")
    return archive.read(info)


def _kept_part(path: str, wanted_sheets: set[str]) -> bool:
    """The parts calamine needs: the workbook, its relations, shared strings, styles, and the chosen sheets."""
    if path.startswith("xl/worksheets/") and path.count("/") == 2:
        return path in wanted_sheets
    return not path.startswith(_SKIPPED_PARTS)


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


def _sheet_parts(archive: zipfile.ZipFile) -> list[tuple[str, str]]:
    """(sheet name, path of its XML part) for every worksheet, in workbook order."""
    workbook = ElementTree.fromstring(_read_small(archive, _WORKBOOK))
    rels = ElementTree.fromstring(_read_small(archive, "xl/_rels/workbook.xml.rels"))
    targets = {}
    for rel in rels.iter():
        if _local(rel.tag) == "Relationship" and rel.get("Id") and rel.get("Target"):
            target = rel.get("Target").replace("\\", "/")
            target = target.lstrip("/") if target.startswith("/") else "xl/" + target
            targets[rel.get("Id")] = posixpath.normpath(target)
    out = []
    for node in workbook.iter():
        if _local(node.tag) != "sheet":
            continue
        rid = next((v for k, v in node.attrib.items() if _local(k) == "id"), None)
        name = node.get("name") or ""
        if rid in targets and targets[rid].startswith("xl/worksheets/"):
            out.append((name, targets[rid]))
    return out


_ROW_REF = re.compile(rb'<(?:\w+:)?row\b[^>]*?\sr="(\d{1,9})"')
_ROW_REF_FIRST = re.compile(rb'<row r="(\d{1,9})"')
_WIDE_CELL = re.compile(rb'<c r="([A-Z]{2,})\d')
_FAR_ROW_CELL = re.compile(rb'<c r="[A-Z](\d{6,})"')
_CELL_ROW = re.compile(rb'<c r="[A-Z]+(\d+)"')
_ANY_CELL = re.compile(rb'<(?:[A-Za-z_][\w.-]*:)?c(?=[\s>/])([^>]*)>')
_ROW_TAG = re.compile(rb'<(?:[A-Za-z_][\w.-]*:)?row(?=[\s>/])')
_REF_ATTR = re.compile(rb'\sr\s*=\s*["\']([A-Za-z]+)(\d+)["\']')
_FORMULA = re.compile(rb'<(?:\w+:)?f[\s>/]')
_CELL_START = re.compile(rb'<(?:\w+:)?c[\s>]')


def column_number(letters: str | bytes) -> int:
    """"A" → 1, "Z" → 26, "AA" → 27, "XFD" → 16384."""
    if isinstance(letters, bytes):
        letters = letters.decode("ascii")
    n = 0
    for ch in letters.upper():
        n = n * 26 + ord(ch) - 64
    return n


def column_letters(number: int) -> str:
    """1 → "A", 27 → "AA"."""
    out = ""
    while number > 0:
        number, rest = divmod(number - 1, 26)
        out = chr(65 + rest) + out
    return out


def sheet_extent(xml: bytes) -> tuple[int, int]:
    """An upper estimate of (rows, columns) calamine would allocate for this sheet's XML, measured cheaply.

    Excel, LibreOffice, openpyxl and xlsxwriter write every cell as `<c r="B7" …>`; then counting those and searching
    for two-letter columns and six-digit rows is enough. Any other spelling (no reference, a namespace prefix)
    takes the slower way through every cell tag."""
    row_tags = xml.count(b"<row ") + xml.count(b"<row>")
    row_refs = (_ROW_REF_FIRST if xml.count(b'<row r="') == row_tags else _ROW_REF).findall(xml)
    height = max((int(r) for r in row_refs), default=0) + max(0, row_tags - len(row_refs))
    cells = xml.count(b"<c ") + xml.count(b"<c>") + xml.count(b"<c/>")
    plain = cells == xml.count(b'<c r="') and b":c " not in xml and b":c>" not in xml and b":row" not in xml
    if plain:
        wide = _WIDE_CELL.findall(xml)
        width = max((column_number(w) for w in wide), default=26 if cells else 0)
        far = (_CELL_ROW if wide else _FAR_ROW_CELL).findall(xml)
        height = max(height, max((int(r) for r in far), default=0))
        return height, width
    # Slow way: every row tag and cell tag; a cell without a reference sits right after the previous one.
    height = max(height, len(_ROW_TAG.findall(xml)))
    width = 0
    in_row = 0
    bounds = [m.start() for m in _ROW_TAG.finditer(xml)] + [len(xml)]
    start = 0
    for stop in bounds:
        in_row = 0
        for m in _ANY_CELL.finditer(xml, start, stop):
            ref = _REF_ATTR.search(m.group(1))
            if ref:
                in_row = column_number(ref.group(1))
                height = max(height, int(ref.group(2)))
            else:
                in_row += 1
            width = max(width, in_row)
        start = stop
    return height, width


_VALUE_CELL = re.compile(rb'<c r="([A-Z]+)(\d+)"[^>]*?(?<!/)>\s*<(?:v|f|is)[\s>/]')


def value_extent(xml: bytes) -> tuple[int, int] | None:
    """(rows, columns) up to the last cell that holds a value, as calamine counts them (it skips cells that carry only
    a format); None when some cell is written without its reference, which only the slow estimate can place."""
    if xml.count(b"<c ") + xml.count(b"<c>") != xml.count(b'<c r="') or b":c " in xml:
        return None
    found = _VALUE_CELL.findall(xml)
    if not found:
        return 0, 0
    width = max(column_number(c) for c in {c for c, _ in found})
    height = max(int(r) for r in {r for _, r in found})
    return height, width


def _cut_rows(xml: bytes) -> tuple[bytes, int | None]:
    """The sheet's XML without the rows after row MAX_ROWS + 1 (the header and MAX_ROWS data rows), so that a stray
    cell in row 1 048 576 or a million filled rows cost calamine no more than MAX_ROWS rows; and the number of the
    sheet's last row when some were cut (None: nothing cut). Rows are written in ascending order (ECMA-376 CT_Row);
    XML that writes them otherwise (no `r`, a namespace prefix) is left whole for the extent check to judge."""
    limit = MAX_ROWS + 1
    end = xml.rfind(b"</sheetData>")
    last = _ROW_REF_FIRST.match(xml, xml.rfind(b'<row r="', 0, max(end, 0)))
    if end == -1 or last is None or int(last.group(1)) <= limit:
        return xml, None  # the usual case: the last row is within the limit
    if xml.count(b'<row r="') != xml.count(b"<row ") + xml.count(b"<row>"):
        return xml, None
    for m in _ROW_REF_FIRST.finditer(xml):
        if int(m.group(1)) > limit:
            last = max((int(r) for r in _ROW_REF_FIRST.findall(xml, m.start(), end)), default=limit)
            return xml[:m.start()] + xml[end:], last
    return xml, None


def _extent_refusal(xml: bytes) -> str | None:
    height, width = sheet_extent(xml)
    if height * width <= MAX_CELLS:
        return None
    precise = value_extent(xml)  # a sheet formatted far beyond its data (LibreOffice, whole-row formats)
    if precise is not None:
        height, width = precise
        if height * width <= MAX_CELLS:
            return None
    return (f"arkusz sięga wiersza {height} i kolumny {column_letters(min(width, 16384 * 64))} – to ponad "
            f"{count(MAX_CELLS)} "
            f"komórek, więcej niż może mieć nabór; usuń wiersze i kolumny poza danymi i wczytaj plik ponownie. Arkusza "
            f"nie wczytano.")


def _formula_cells(xml: bytes) -> dict[tuple[int, int], str] | None:
    """(row index, column index) → message for every cell holding a formula; None when there are too many.

    `<f>` is a cell's first child (ECMA-376 CT_Cell), so the tag right before it is the cell's own."""
    out: dict[tuple[int, int], str] = {}
    if b"<f>" not in xml and b"<f " not in xml and b"<f/>" not in xml and b":f" not in xml:
        return out
    for n, m in enumerate(_FORMULA.finditer(xml)):
        if n >= MAX_FORMULAS:
            return None
        start = xml.rfind(b"<", 0, m.start())
        tag = xml[start:m.start()] if start >= 0 else b""
        ref = _REF_ATTR.search(tag) if _CELL_START.match(tag) else None
        if ref is None:
            continue
        row, col = int(ref.group(2)) - 1, column_number(ref.group(1)) - 1
        out[(row, col)] = (f"komórka {ref.group(1).decode().upper()}{ref.group(2).decode()} zawiera formułę – wpisz "
                           f"w niej samą wartość (formuł nie odczytujemy, bo zapisany w pliku wynik może być "
                           f"nieaktualny).")
    return out


_ERROR_CELL = re.compile(rb'<(?:[A-Za-z_][\w.-]*:)?c(?=[\s>/])([^>]*?\st\s*=\s*["\']e["\'][^>]*)>')
_ERROR_VALUE = re.compile(rb'<(?:[A-Za-z_][\w.-]*:)?v>([^<]{1,20})<')


def _error_cells(xml: bytes) -> dict[tuple[int, int], str] | None:
    """(row index, column index) → message for every cell holding an Excel error value (#DIV/0!, #N/A, …), which
    calamine reads as an empty cell; None when there are too many."""
    out: dict[tuple[int, int], str] = {}
    if b'"e"' not in xml and b"'e'" not in xml:
        return out
    for n, m in enumerate(_ERROR_CELL.finditer(xml)):
        if n >= MAX_FORMULAS:
            return None
        ref = _REF_ATTR.search(m.group(1))
        if ref is None:
            continue
        value = _ERROR_VALUE.match(xml, m.end())
        shown = value.group(1).decode("ascii", "replace") if value else "błąd"
        row, col = int(ref.group(2)) - 1, column_number(ref.group(1)) - 1
        out[(row, col)] = (f"komórka {ref.group(1).decode().upper()}{ref.group(2).decode()} zawiera błąd Excela "
                           f"({shown}) zamiast wartości – wpisz w niej samą wartość.")
    return out


def _mark_merged(grid: Grid, merged: list) -> None:
    """Every row a merged range covers gets a bad cell: only the range's first cell holds the value."""
    rows = len(grid.rows)
    marked = 0
    for (r0, c0), (r1, c1) in merged:
        ref = f"{column_letters(c0 + 1)}{r0 + 1}:{column_letters(c1 + 1)}{r1 + 1}"
        message = f"komórki {ref} są scalone – rozdziel je i wpisz wartość w każdej komórce osobno."
        for r in range(r0, min(r1, rows - 1) + 1):
            grid.bad_cells.setdefault((r, c0), message)
            marked += 1
            if marked > MAX_ROWS:
                return


# --- CSV ----------------------------------------------------------------------------------------------------------

_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_QUOTED = re.compile(r'"[^"]*"')


def _utf16_without_bom(data: bytes) -> str | None:
    """"utf-16-le" / "utf-16-be" for UTF-16 text written without its BOM (ASCII letters then have a NUL byte beside
    each), else None."""
    sample = data[:4096]
    if len(sample) < 4 or len(sample) % 2:
        return None
    pairs = len(sample) // 2
    odd_nuls, even_nuls = sample[1::2].count(0), sample[0::2].count(0)
    if odd_nuls >= 0.4 * pairs and even_nuls <= 0.05 * pairs:
        return "utf-16-le"
    if even_nuls >= 0.4 * pairs and odd_nuls <= 0.05 * pairs:
        return "utf-16-be"
    return None


def decode_text(data: bytes) -> str | None:
    """UTF-8 (with or without BOM), UTF-16 (with or without BOM), or cp1250 (Polish Windows); None for binary data.

    A few control characters (a NUL typed into a cell, say) do not make a text file binary: the cells holding them
    are reported where they are. More than one in a hundred characters does."""
    if data.startswith(b"\xef\xbb\xbf"):
        candidates = ["utf-8-sig"]
    elif data.startswith((b"\xff\xfe", b"\xfe\xff")):
        candidates = ["utf-16"]
    else:
        utf16 = _utf16_without_bom(data)
        candidates = [utf16] if utf16 else ["utf-8", "cp1250"]
    for encoding in candidates:
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        controls = len(_CONTROL.findall(text, 0, 65536))
        if controls > max(2, min(len(text), 65536) // 100):
            return None
        return text
    return None


def detect_delimiter(text: str) -> str:
    """The separator used in the header line: the most frequent of ; , and tab outside quotes (; on a tie)."""
    line = _QUOTED.sub("", text.split("\n", 1)[0])
    counts = {d: line.count(d) for d in (";", ",", "\t")}
    best = max(counts, key=lambda d: (counts[d], d == ";"))
    return best if counts[best] else ";"


_SEP_LINE = re.compile(r"\ufeff?sep=([;,\t|])[ \t]*\r?\n?")  # Excel's hint line "sep=;" before the header
_DELIMITER_NAMES = {";": "średnikiem (;)", ",": "przecinkiem (,)", "\t": "tabulatorem", "|": "kreską (|)"}


def csv_grids(files: list[tuple[str, bytes]], problems: list[Problem]) -> dict[str, Grid]:
    grids: dict[str, Grid] = {}
    for name, data in files:
        shown = _file_name(name)
        text = decode_text(data)
        if text is None:
            problems.append(Problem(message=(
                f"Plik {shown} nie jest plikiem CSV (zawiera dane binarne albo nieznane kodowanie znaków); zapisz "
                f"arkusz jako „CSV UTF-8 (rozdzielany przecinkami)”.")))
            continue
        bad_rows: dict[int, str] = {}
        grid_rows, total, wide, error = _csv_rows(text, bad_rows)
        stem = name.replace("\\", "/").rsplit("/", 1)[-1].rsplit(".", 1)[0]
        sheet = sheet_for_name(stem, file_name=True)
        if sheet is None:
            sheet = _sheet_by_headers(grid_rows[0] if grid_rows else [])
            if sheet is None:
                problems.append(Problem(message=(
                    f"Nie wiadomo, któremu arkuszowi odpowiada plik {shown}: nazwij go tak jak arkusz szablonu "
                    f"({', '.join(s.name + '.csv' for s in SHEETS)}).")))
                continue
            problems.append(Problem(blocking=False, message=(
                f"Plik {shown} odczytano jako arkusz „{sheet.name}” (po nagłówkach kolumn).")))
        if sheet.name in grids:
            problems.append(Problem(message=(
                f"Plik {shown} to drugi plik arkusza „{sheet.name}” – wczytano tylko pierwszy "
                f"({_file_name(grids[sheet.name].source)}).")))
            continue
        if error:
            problems.append(Problem(sheet=sheet.name, row=error[0], message=error[1]))
        grids[sheet.name] = Grid(sheet, name, grid_rows, total_rows=total, wide_rows=wide, bad_rows=bad_rows)
    return grids


def _csv_rows(text: str, bad_rows: dict[int, str] | None = None
              ) -> tuple[list[list[str]], int | None, int, tuple[int, str] | None]:
    """(rows, total rows when cut at MAX_ROWS, rows cut at MAX_COLUMNS, (row, message) of a broken record).

    A row written with another separator than the header's (one cell holding the header's columns) gets a message
    in `bad_rows` (row index → message) instead of being read as a strange Lp."""
    sep = _SEP_LINE.match(text)
    if sep:
        delimiter, text = sep.group(1), text[sep.end():]
    else:
        delimiter = detect_delimiter(text)
    others = [d for d in _DELIMITER_NAMES if d != delimiter]
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True)
    rows: list[list[str]] = []
    wide = 0
    n = 0
    width = 0
    try:
        for record in reader:
            n += 1
            if n > MAX_ROWS + 1:
                continue
            if len(record) > MAX_COLUMNS:
                record = record[:MAX_COLUMNS]
                wide += 1
            if n == 1:
                width = len(record)
            elif bad_rows is not None and len(record) == 1 and width > 1:
                other = next((d for d in others if d in record[0]), None)
                if other is not None:
                    bad_rows[n - 1] = (
                        f"ten wiersz jest rozdzielony {_DELIMITER_NAMES[other]}, a nagłówek "
                        f"{_DELIMITER_NAMES[delimiter]} – wiersz pominięto; zapisz cały plik z jednym separatorem.")
            rows.append(record)
    except csv.Error:
        return rows, (n if n > MAX_ROWS + 1 else None), wide, (n + 1, (
            "zapis CSV jest uszkodzony (np. niezamknięty cudzysłów albo bardzo długa komórka); dalszych wierszy nie "
            "wczytano."))
    return rows, (n if n > MAX_ROWS + 1 else None), wide, None


def _sheet_by_headers(header: list[str]) -> Sheet | None:
    """The one sheet with at least two of these headers besides "Lp."; None when none or several fit."""
    keys = {normalize(str(h)) for h in header if str(h).strip()}
    scores = [(sum(normalize(c.header) in keys for c in s.columns[1:]), s) for s in SHEETS]
    best = max(score for score, _ in scores)
    fits = [s for score, s in scores if score == best]
    return fits[0] if best >= 2 and len(fits) == 1 else None


# --- cells → typed values -----------------------------------------------------------------------------------------


class CellError(ValueError):
    """A cell that cannot be read; the message is Polish and names the value where that helps."""


@dataclass
class ParsedRow:
    """One data row of a sheet: its spreadsheet row number, the applicant's number and the typed values."""

    row: int
    lp: int | None
    values: dict[str, Any]  # column target → value; every column of the sheet (None when absent or empty)
    problems: list[Problem] = field(default_factory=list)
    invalid: bool = False  # some cell could not be read (even when its message was left out, see MAX_PROBLEMS…)
    bad_targets: set[str] = field(default_factory=set)  # targets whose cell was reported; pydantic does not repeat them


@dataclass
class Table:
    sheet: Sheet
    rows: list[ParsedRow]


def count(n: int) -> str:
    """A number as Polish text writes it: 200000 → "200 000" (four digits stay together: 2000)."""
    return str(n) if n < 10_000 else f"{n:,}".replace(",", " ")


def show(value: Any, limit: int = 40) -> str:
    """A cell's value as it is quoted in a message: dates as DD.MM.RRRR, 12.0 as 12, long text cut."""
    if isinstance(value, datetime):
        value = value.date()
    if isinstance(value, date):
        return value.strftime("%d.%m.%Y")
    if isinstance(value, float) and value.is_integer():
        return str(int(value)) if abs(value) < 1e15 else f"{value:.3g}"
    text = " ".join(_HIDDEN.sub("\ufffd", str(value)[:limit * 4]).split())
    return text if len(text) <= limit else text[:limit] + "…"


def _day(d: date, written: Any) -> date:
    if not EARLIEST_DAY <= d <= LATEST_DAY:
        raise CellError(f"{show(written)} – data musi leżeć między {EARLIEST_DAY.year} a {LATEST_DAY.year} rokiem.")
    return d


_DMY = re.compile(r"(\d{1,2})\.(\d{1,2})\.(\d{4})(?:\s*r\.?)?", re.ASCII)
_YMD = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})(?:[ T]00:00(?::00(?:\.0+)?)?)?", re.ASCII)
_SERIAL_BASE = date(1899, 12, 30)  # Excel's day 0 in the 1900 date system (after its 29 February 1900)
_HINT = "wpisz datę jako DD.MM.RRRR, np. 05.03.2021"


def _serial(number: float, written: Any) -> date:
    """An Excel date serial held in a number cell of a workbook (the day Excel stores for a date whose cell lost its
    date format): whole days only, 1900–2100. Never read from text: in a CSV file or a text cell "44260" is a number,
    not a date."""
    if number != number or number in (float("inf"), float("-inf")):
        raise CellError(f"„{show(written)}” nie jest datą – {_HINT}.")
    if number.is_integer() and EARLIEST_DAY.year <= number <= LATEST_DAY.year:
        raise CellError(f"{show(written)} nie jest datą – to wygląda na sam rok; {_HINT}.")
    if not number.is_integer():
        raise CellError(f"{show(written)} nie jest datą – to liczba z częścią ułamkową (data z godziną?); {_HINT}.")
    if not 1 <= number < 2_958_466:  # Excel's last day is 31.12.9999
        raise CellError(f"{show(written)} – data musi leżeć między {EARLIEST_DAY.year} a {LATEST_DAY.year} rokiem.")
    whole = int(number)
    if whole == 60:  # Excel's 29.02.1900, a day that did not exist
        raise CellError(f"{show(written)} nie jest datą (nie ma takiego dnia).")
    d = _SERIAL_BASE + timedelta(days=whole) if whole > 60 else date(1899, 12, 31) + timedelta(days=whole)
    return _day(d, written)


def to_date(v: Any) -> date:
    """A date cell (date or date with a time: its day, as Excel shows it in the template's DD.MM.RRRR format), an
    Excel date serial in a number cell (see `_serial`), or a text DD.MM.RRRR / RRRR-MM-DD."""
    t = type(v)
    if t is date:
        return _day(v, v)
    if t is datetime:
        return _day(v.date(), v)
    if t is not str:
        if isinstance(v, datetime):
            return _day(v.date(), v)
        if isinstance(v, date):
            return _day(v, v)
        if isinstance(v, (int, float)) and not isinstance(v, bool):
            return _serial(float(v), v)
        raise CellError(f"{show(v)} nie jest datą – {_HINT}.")
    text = v.strip()
    if len(text) > 40:
        raise CellError(f"{show(text)} nie jest datą – {_HINT}.")
    m = _DMY.fullmatch(text)
    if m:
        day, month, year = (int(g) for g in m.groups())
    else:
        m = _YMD.fullmatch(text)
        if not m:
            if text.isdigit() and text.isascii():
                if EARLIEST_DAY.year <= int(text) <= LATEST_DAY.year:
                    raise CellError(f"{text} nie jest datą – to wygląda na sam rok; {_HINT}.")
                raise CellError(f"{show(text)} nie jest datą – to liczba zapisana jako tekst; {_HINT}.")
            raise CellError(f"{show(text)} nie jest datą – {_HINT}.")
        year, month, day = (int(g) for g in m.groups())
    try:
        d = date(year, month, day)
    except ValueError:
        if 1 <= month <= 12 and 1 <= day <= 31 and year >= 1:
            raise CellError(f"{show(text)} nie jest datą (nie ma takiego dnia).") from None
        raise CellError(f"{show(text)} nie jest datą – {_HINT}.") from None
    return _day(d, text)


# The words the template documents (any case, spaces around): tak / nie / nie wiem. A logical cell of Excel
# (PRAWDA / FAŁSZ) is tak / nie, also as the text Excel writes for it into a CSV file (PRAWDA, FAŁSZ, TRUE, FALSE).
# Nothing else: not 1 / 0, T / N, yes / no or "?" – a value the person did not choose from the list is asked again.
_YES = {"tak", "prawda", "true"}
_NO = {"nie", "falsz", "false"}
_UNKNOWN = {"nie wiem"}


def _yes_no_key(v: Any) -> str:
    if type(v) is not str or len(v) > 40:
        return ""
    return normalize(v)


def to_yes_no_unknown(v: Any) -> bool | None:
    if isinstance(v, bool):
        return v
    key = _yes_no_key(v)
    if key in _YES:
        return True
    if key in _NO:
        return False
    if key in _UNKNOWN:
        return None
    raise CellError(f"„{show(v)}” – wpisz {', '.join(YES_NO_UNKNOWN_LABELS[:-1])} albo {YES_NO_UNKNOWN_LABELS[-1]} "
                    f"(puste pole też znaczy „nie wiem”).")


def to_yes_no(v: Any) -> bool:
    if isinstance(v, bool):
        return v
    key = _yes_no_key(v)
    if key in _YES:
        return True
    if key in _NO:
        return False
    raise CellError(f"„{show(v)}” – wpisz {' albo '.join(YES_NO_LABELS)} (puste pole znaczy „nie”).")


# Characters a person cannot see or type in a cell: C0 and C1 controls (tab and line breaks are allowed: Alt+Enter
# in Excel), and the bidirectional overrides that would show a name reversed in the organizer's exports.
_HIDDEN = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\ufffe\uffff]")


def _text(v: Any) -> str:
    if type(v) is str:
        return v.strip()
    if isinstance(v, bool):
        return "tak" if v else "nie"
    if isinstance(v, (date, datetime)) or (isinstance(v, float) and v.is_integer()):
        return show(v)
    return str(v).strip()


# A number written as text: ASCII digits, thousands optionally grouped by spaces ("1 200"), a decimal comma or point.
# Not "1e3", "1_000", "0x10", "nan", "inf" or digits of other scripts, which Python's float() would all take.
_DECIMAL = re.compile(r"[+-]?(?:\d+|\d{1,3}(?:[ \u00a0\u202f]\d{3})+)(?:[.,](\d+))?", re.ASCII)


def _not_a_number(v: Any) -> CellError:
    return CellError(f"„{show(v)}” nie jest liczbą.")


def _number(v: Any, *, per_cent: bool = False) -> float:
    """A finite number from a number cell or from text (see `_DECIMAL`); `per_cent` allows a trailing %."""
    if isinstance(v, bool) or isinstance(v, (date, time, timedelta)):
        raise _not_a_number(v)
    if isinstance(v, (int, float)):
        number = float(v)
    else:
        text = str(v).strip()
        if per_cent and text.endswith("%"):
            text = text[:-1].rstrip()
        if len(text) > 40 or not _DECIMAL.fullmatch(text):
            raise _not_a_number(v)
        number = float(re.sub(r"[ \u00a0\u202f]", "", text).replace(",", "."))
    if number != number or number in (float("inf"), float("-inf")):
        raise _not_a_number(v)
    return number


def _in_range(number: float, column: Column, v: Any) -> None:
    low, high = column.minimum, column.maximum
    if (low is not None and number < low) or (high is not None and number > high):
        raise CellError(f"{show(v)} – wpisz liczbę od {show(float(low))} do {show(float(high))}.")


_LP_WRONG = "„{}” nie jest numerem osoby – Lp. to liczba całkowita od 1, np. 12; wiersz pominięto."
_WHOLE_TEXT = re.compile(r"(\d{1,12})(?:[.,]0+)?\.?", re.ASCII)  # 12, "12.", and 12.0 as a number column is exported


def to_lp(v: Any) -> int:
    if isinstance(v, float) and v.is_integer() and abs(v) <= 10**12:
        number = int(v)
    elif isinstance(v, int) and not isinstance(v, bool):
        number = v
    else:
        m = _WHOLE_TEXT.fullmatch(str(v).strip()) if isinstance(v, str) else None
        if m is None:
            raise CellError(_LP_WRONG.format(show(v)))
        number = int(m.group(1))
    if not 1 <= number <= 10**9:
        raise CellError(_LP_WRONG.format(show(v)))
    return number


def converter(column: Column) -> Callable[[Any], Any]:
    """The function that turns a non-empty cell of `column` into the value its target holds (or raises CellError)."""
    kind = column.kind
    if kind is Kind.DATE:
        return to_date
    if kind is Kind.YES_NO_UNKNOWN:
        return to_yes_no_unknown
    if kind is Kind.YES_NO:
        return to_yes_no
    if kind is Kind.LP:
        return to_lp
    if kind is Kind.CHOICE:
        table = {}
        for choice in column.choices:
            for spelling in (choice.label, *choice.aliases, str(choice.value.value)):
                table[normalize(spelling)] = choice.value
        allowed = ", ".join(c.label for c in column.choices)

        def choose(v: Any) -> Any:
            key = normalize(_text(v))
            if key in table:
                return table[key]
            raise CellError(f"„{show(v)}” – dozwolone wartości: {allowed}.")

        return choose
    if kind is Kind.TEXT:
        limit = column.max_length or MAX_TEXT

        def text(v: Any) -> str | None:
            out = _text(v)
            if len(out) > limit:
                raise CellError(f"tekst ma {len(out)} znaków, a można wpisać najwyżej {limit}.")
            bad = _HIDDEN.search(out)
            if bad:
                raise CellError(f"tekst zawiera niewidoczny znak sterujący (kod U+{ord(bad.group()):04X}) – usuń go "
                                f"albo wpisz tekst w tej komórce od nowa.")
            return out or None

        return text
    if kind is Kind.INT:
        def whole(v: Any) -> int:
            number = _number(v)
            if not number.is_integer():
                raise CellError(f"„{show(v)}” – wpisz liczbę całkowitą.")
            if isinstance(v, str) and _DECIMAL.fullmatch(v.strip()).group(1) not in (None, "0"):
                raise CellError(f"„{show(v)}” – wpisz liczbę całkowitą.")
            _in_range(number, column, v)
            return int(number)

        return whole
    scale = column.scale

    def decimal(v: Any) -> float:
        number = _number(v, per_cent=scale != 1.0)
        _in_range(number, column, v)
        return number * scale if scale != 1.0 else number

    return decimal


# --- a grid → rows ------------------------------------------------------------------------------------------------

_ELEVEN_DIGITS = re.compile(r"\d{11}")  # a header holding a PESEL itself is never echoed
_LP_KEYS = {"lp", "l.p", "l p", "nr", "nr osoby"}


def _is_empty(v: Any) -> bool:
    return v is None or (isinstance(v, str) and not v.strip())


def parse_grid(grid: Grid, problems: list[Problem]) -> Table | None:
    """The typed rows of one sheet; header problems go to `problems`; None when the sheet cannot be read at all."""
    sheet = grid.sheet
    name = sheet.name
    if not grid.rows:
        problems.append(Problem(sheet=name, message=(
            "arkusz jest pusty – brak wiersza nagłówków; skopiuj nagłówki z szablonu do pierwszego wiersza.")))
        return None
    by_key = {normalize(c.header): c for c in sheet.columns}
    plan: list[tuple[int, Column]] = []
    seen: dict[str, int] = {}
    headerless: list[int] = []
    header = grid.rows[0]
    for j, cell in enumerate(header[:MAX_COLUMNS]):
        letter = column_letters(j + 1)
        if (0, j) in grid.bad_cells:
            problems.append(Problem(sheet=name, row=1,
                                    message=f"nagłówek w kolumnie {letter}: {grid.bad_cells[(0, j)]}"))
            continue
        text = _text(cell).replace("\ufeff", "").strip() if not _is_empty(cell) else ""
        if not text:
            headerless.append(j)
            continue
        key = normalize(text)
        if "pesel" in key.replace(" ", "") or _ELEVEN_DIGITS.search(text):
            problems.append(Problem(sheet=name, row=1, blocking=False, message=(
                f"kolumna {letter} (PESEL): asystent nie potrzebuje numeru PESEL, więc tej kolumny nie odczytał; "
                f"usuń ją z pliku.")))
            continue
        column = by_key.get(key) or (sheet.columns[0] if key in _LP_KEYS else None)
        if column is None:
            problems.append(Problem(sheet=name, row=1, column=show(text, 60), blocking=False,
                                    message="tej kolumny nie ma w szablonie – pominięto ją."))
            continue
        if column.header in seen:
            problems.append(Problem(sheet=name, row=1, column=column.header, message=(
                f"kolumna powtarza się (kolumny {column_letters(seen[column.header] + 1)} i {letter}) – wczytano "
                f"tylko pierwszą.")))
            continue
        seen[column.header] = j
        plan.append((j, column))
    if len(header) > MAX_COLUMNS or grid.wide_rows:
        problems.append(Problem(sheet=name, blocking=False, message=(
            f"arkusz ma więcej niż {MAX_COLUMNS} kolumn; dalszych kolumn nie odczytano.")))
    if LP not in seen:
        problems.append(Problem(sheet=name, row=1, column=LP, message=(
            "brak kolumny „Lp.” w pierwszym wierszu – bez niej nie wiadomo, której osoby dotyczą wiersze; arkusza nie "
            "wczytano.")))
        return None

    lp_index = seen[LP]
    fields = [(j, c, c.target, converter(c)) for j, c in plan if c.kind is not Kind.LP]
    defaults = {c.target: c.empty for c in sheet.columns if c.target}
    read_indexes = [j for j, _ in plan]
    read_set = set(read_indexes)
    bad_rows = {r for r, c in grid.bad_cells if c in read_set}  # a formula in an ignored column is ignored too
    budget = [MAX_PROBLEMS_PER_SHEET]
    left_out = 0
    out: list[ParsedRow] = []
    headerless_with_data = set()
    rows = grid.rows
    for i in range(1, min(len(rows), MAX_ROWS + 1)):
        cells = rows[i]
        width = len(cells)
        has_bad = i in bad_rows
        for j in headerless:
            if j < width and not _is_empty(cells[j]):
                headerless_with_data.add(j)
        if not has_bad and all(j >= width or _is_empty(cells[j]) for j in read_indexes):
            continue
        rownum = i + 1
        if i in grid.bad_rows:
            if not _add(problems, budget, Problem(sheet=name, row=rownum, message=grid.bad_rows[i])):
                left_out += 1
            continue
        raw_lp = cells[lp_index] if lp_index < width else None
        if (i, lp_index) in grid.bad_cells:
            _add(problems, budget, Problem(sheet=name, row=rownum, column=LP, message=grid.bad_cells[(i, lp_index)]))
            continue
        if _is_empty(raw_lp):
            if all(j >= width or _is_empty(cells[j]) for j, _, _, _ in fields) and not has_bad:
                continue
            if not _add(problems, budget, Problem(sheet=name, row=rownum, column=LP, message=(
                    "wiersz ma dane, ale nie ma numeru osoby (Lp.) – wiersz pominięto."))):
                left_out += 1
            continue
        try:
            lp = to_lp(raw_lp)
        except CellError as err:
            if not _add(problems, budget, Problem(sheet=name, row=rownum, column=LP, message=str(err))):
                left_out += 1
            continue
        values = dict(defaults)
        parsed = ParsedRow(rownum, lp, values)
        filled = False
        for j, column, target, convert in fields:
            bad = grid.bad_cells.get((i, j)) if has_bad else None
            if bad is not None:
                _cell_problem(parsed, name, column, bad, budget)
                continue
            v = cells[j] if j < width else None
            if v is None:
                continue
            if type(v) is str:
                v = v.strip()
                if not v:
                    continue
            filled = True
            try:
                values[target] = convert(v)
            except CellError as err:
                _cell_problem(parsed, name, column, str(err), budget)
        for j, column, target, _ in fields:
            if column.required and values[target] is None and target not in parsed.bad_targets:
                _cell_problem(parsed, name, column, (
                    f"brak wartości – ta kolumna jest wymagana; wpisz: {', '.join(c.label for c in column.choices)}."),
                    budget)
        if not filled and sheet.case_list and not parsed.invalid:
            continue  # a row with only its Lp. (numbered in advance) says nothing
        if parsed.invalid and not parsed.problems:
            left_out += 1
        out.append(parsed)
    for j in sorted(headerless_with_data):
        problems.append(Problem(sheet=name, blocking=False, message=(
            f"kolumna {column_letters(j + 1)} ma dane, ale nie ma nagłówka – pominięto ją.")))
    if grid.total_rows is not None:
        problems.append(Problem(sheet=name, message=(
            f"arkusz ma {count(grid.total_rows - 1)} wierszy danych; wczytano pierwsze {count(MAX_ROWS)}, dalszych "
            f"nie wczytano – podziel nabór na mniejsze pliki.")))
    if left_out:
        problems.append(Problem(sheet=name, message=(
            f"w arkuszu jest jeszcze {count(left_out)} wierszy z błędami, których nie wypisano osobno (wypisano "
            f"pierwsze {count(MAX_PROBLEMS_PER_SHEET)}).")))
    return Table(sheet, out)


def _add(problems: list[Problem], budget: list[int], problem: Problem) -> bool:
    if budget[0] <= 0:
        return False
    budget[0] -= 1
    problems.append(problem)
    return True


def _cell_problem(parsed: ParsedRow, sheet: str, column: Column, message: str, budget: list[int]) -> None:
    parsed.invalid = True
    parsed.bad_targets.add(column.target)
    parsed.values[column.target] = None
    if budget[0] > 0:
        budget[0] -= 1
        parsed.problems.append(Problem(sheet=sheet, row=parsed.row, column=column.header, lp=parsed.lp,
                                       message=message))
