"""The intake importer cannot be hurt (issue 12, part 1): hostile workbooks and CSV files never crash or hang, every
one gets a Polish message located by sheet, row and column where it has one, the good applicants in the same file
are still read, and cells are read with strict types (what the template's instructions document, nothing more).

Expected messages are the template's own rules written out: dates DD.MM.RRRR, RRRR-MM-DD, a date cell or an Excel
date serial in a number cell; tak / nie / nie wiem (and Excel's logical values); integers as integers.
"""
from __future__ import annotations

import io
import os
import string
import subprocess
import sys
import time
import zipfile
from datetime import date, timedelta
from pathlib import Path

import pytest
import xlsxwriter
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from logic.case import Employment, Profession
from logic.intake import Intake, read_intake
from logic.intake import reader
from logic.intake.columns import list_limit
from logic.intake.reader import IntakeFileError, read_intake_file

from intake_support import csv_bytes, filled_xlsx, grid, replace_part, sheet_part, workbook_bytes

ROOT = Path(__file__).resolve().parents[1]
GOOD = {"Lp.": 1, "Imię (imiona)": "Anna", "Nazwisko": "Dobra", "Zawód": "pielęgniarka", "Ma PWZ": "tak"}
CORRUPT = ("Plik „nabor.xlsx” jest uszkodzony albo nie jest skoroszytem XLSX ({why}); otwórz go w Excelu i zapisz "
           "ponownie jako „Skoroszyt programu Excel (*.xlsx)”.")
NOT_CSV = ("Plik „Osoby.csv” nie jest plikiem CSV (zawiera dane binarne albo nieznane kodowanie znaków); zapisz "
           "arkusz jako „CSV UTF-8 (rozdzielany przecinkami)”.")
DATE_HINT = "wpisz datę jako DD.MM.RRRR, np. 05.03.2021"


def read(data: bytes, name: str = "nabor.xlsx") -> Intake:
    return read_intake([(name, data)])


def texts(intake: Intake) -> list[str]:
    return [p.text() for p in intake.problems]


def applicant(intake: Intake, lp: int):
    return next(a for a in intake.applicants if a.lp == lp)


def assert_good_read(intake: Intake) -> None:
    good = applicant(intake, 1)
    assert good.case is not None and good.problems == []
    assert good.case.person.surname == "Dobra" and good.case.profession is Profession.PIELEGNIARKA


def with_good(rows_by_sheet: dict) -> bytes:
    sheets = dict(rows_by_sheet)
    sheets["Osoby"] = [GOOD, *sheets.get("Osoby", [])]
    return filled_xlsx(sheets)


def raw_cells(sheet: str, rows_xml: bytes, rows: list[dict] | None = None) -> bytes:
    """A workbook of the good applicant 1 (and applicant 2 in "Osoby") whose `sheet` ends with these raw XML rows,
    for cells xlsxwriter cannot write (NaN, error values, a number of 400 digits)."""
    osoby = [GOOD, {"Lp.": 2}] if sheet != "Osoby" else [GOOD]
    sheets = {"Osoby": grid("Osoby", osoby)}
    if sheet != "Osoby":
        sheets[sheet] = grid(sheet, rows or [])
    data = workbook_bytes(sheets)
    part = sheet_part(data, sheet)
    xml = zipfile.ZipFile(io.BytesIO(data)).read(part)
    return replace_part(data, part, xml.replace(b"</sheetData>", rows_xml + b"</sheetData>"))


def problems_of_2(intake: Intake) -> list[str]:
    assert_good_read(intake)
    assert applicant(intake, 2).case is None
    return [p.text() for p in applicant(intake, 2).problems]


# --- broken and hostile workbooks -----------------------------------------------------------------------------------


@pytest.mark.parametrize("keep", [0.1, 0.5, 0.9, 0.99])
def test_a_truncated_workbook_is_refused_as_damaged_in_polish(keep):
    data = with_good({"Praca": [{"Lp.": 1, "Od": date(2020, 1, 1), "Trwa": "tak"}]})
    intake = read(data[:int(len(data) * keep)])
    assert intake.applicants == []
    assert texts(intake) == [CORRUPT.format(why="nie da się go rozpakować")]


def test_a_workbook_with_a_damaged_sheet_part_is_refused_in_polish():
    data = with_good({})
    part = sheet_part(data, "Osoby")
    intake = read(replace_part(data, part, b"<worksheet><sheetData><row r='1'><c r='A1' t='s'><v>9999</v></c>"))
    assert "Osoby: arkusza nie da się odczytać (uszkodzone dane); zapisz plik ponownie w Excelu." in texts(intake)


def test_a_workbook_of_a_thousand_sheets_is_read_and_names_at_most_twenty_of_the_others():
    out = io.BytesIO()
    wb = xlsxwriter.Workbook(out, {"in_memory": True})
    ws = wb.add_worksheet("Osoby")
    for j, (header, value) in enumerate(GOOD.items()):
        ws.write_string(0, j, header)
        ws.write(1, j, value)
    for k in range(999):
        wb.add_worksheet(f"Arkusz{k + 1}")
    wb.close()
    intake = read(out.getvalue())
    assert_good_read(intake)
    others = [t for t in texts(intake) if "spoza szablonu" in t or "nie ma w szablonie" in t]
    assert len(others) == 21
    assert ("Plik „nabor.xlsx” ma jeszcze 979 innych arkuszy spoza szablonu albo powtórzonych – pominięto je."
            in others)


def test_a_thousand_sheets_all_named_osoby_read_the_first_and_name_at_most_twenty_of_the_others():
    # "Osoby_", "Osoby-_" … are all "Osoby" to the reader (it compares names without separators)
    suffixes = [format(n, "b")[1:].replace("0", "_").replace("1", "-") for n in range(2, 1001)]
    out = io.BytesIO()
    wb = xlsxwriter.Workbook(out, {"in_memory": True})
    for name in ["Osoby"] + [f"Osoby{suffix}" for suffix in suffixes]:
        ws = wb.add_worksheet(name)
        for j, (header, value) in enumerate(GOOD.items()):
            ws.write_string(0, j, header)
            ws.write(1, j, value if name == "Osoby" else "Zła")
    wb.close()
    intake = read(out.getvalue())
    assert_good_read(intake)
    assert [p.text() for p in intake.problems if "Osoby" in p.text() and "drugi arkusz" in p.text()][:1] == [
        "Osoby_: drugi arkusz o nazwie „Osoby” – wczytano tylko pierwszy („Osoby”)."]
    assert ("Plik „nabor.xlsx” ma jeszcze 979 innych arkuszy spoza szablonu albo powtórzonych – pominięto je."
            in texts(intake))
    assert len(intake.problems) <= 22


def test_a_sheet_of_1048576_rows_is_read_to_its_cap_quickly_and_the_rest_reported():
    data = workbook_bytes({"Osoby": grid("Osoby", [GOOD]),
                           "Praca": grid("Praca", [{"Lp.": 1, "Od": date(2020, 1, 1), "Trwa": "tak"}])})
    part = sheet_part(data, "Praca")
    xml = zipfile.ZipFile(io.BytesIO(data)).read(part)
    # every row down to Excel's last, numbered for applicant 1 in advance (a row with only its Lp. says nothing)
    rows = b"".join(b'<row r="%d"><c><v>1</v></c></row>' % r for r in range(3, 1_048_577))
    big = replace_part(data, part, xml.replace(b"</sheetData>", rows + b"</sheetData>"))
    assert len(big) <= reader.MAX_BYTES
    started = time.perf_counter()
    intake = read(big)
    took = time.perf_counter() - started
    assert_good_read(intake)
    assert applicant(intake, 1).case.employment == [Employment(start=date(2020, 1, 1), ongoing=True)]
    assert ("Praca: arkusz ma 1 048 575 wierszy danych; wczytano pierwsze 200 000, dalszych nie wczytano – podziel "
            "nabór na mniejsze pliki.") in texts(intake)
    assert took < 30, f"{took:.1f} s"


def test_a_zip_bomb_of_an_honestly_declared_huge_sheet_is_refused_before_it_is_unpacked():
    data = with_good({})
    part = sheet_part(data, "Osoby")
    out = io.BytesIO()
    source = zipfile.ZipFile(io.BytesIO(data))
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as target:
        for info in source.infolist():
            if info.filename != part:
                target.writestr(info.filename, source.read(info))
        with target.open(part, "w", force_zip64=True) as sheet:  # 110 MB of one repeated cell, declared as such
            sheet.write(b'<worksheet><sheetData><row r="1">')
            chunk = b'<c t="inlineStr"><is><t>x</t></is></c>' * 27_000
            for _ in range(110):
                sheet.write(chunk)
    bomb = out.getvalue()
    assert len(bomb) < reader.MAX_BYTES
    started = time.perf_counter()
    intake = read(bomb)
    assert time.perf_counter() - started < 5
    assert intake.applicants == []
    assert texts(intake) == ["Plik „nabor.xlsx” po rozpakowaniu ma ponad 100 MB – to za dużo jak na nabór; usuń "
                             "zbędne arkusze i puste wiersze albo podziel plik."]


def test_a_billion_laughs_in_the_list_of_sheets_is_refused_at_once():
    data = with_good({})
    workbook = zipfile.ZipFile(io.BytesIO(data)).read("xl/workbook.xml")
    entities = '<!DOCTYPE w [<!ENTITY a0 "lol">' + "".join(
        f'<!ENTITY a{i} "{f"&a{i - 1};" * 10}">' for i in range(1, 10)) + "]>"  # 3 × 10⁹ characters
    bomb = workbook.replace(b"<workbook ", entities.encode() + b"<workbook ", 1).replace(b'name="Osoby"',
                                                                                            b'name="&a9;"')
    started = time.perf_counter()
    intake = read(replace_part(data, "xl/workbook.xml", bomb))
    assert time.perf_counter() - started < 5
    assert texts(intake) == [CORRUPT.format(why="nie da się odczytać spisu arkuszy")]


def test_a_cell_of_32767_characters_is_refused_at_its_cell_with_its_length_not_its_text():
    intake = read(with_good({"Osoby": [{"Lp.": 2, "Nazwisko": "N" * 32_767}]}))
    assert problems_of_2(intake) == [
        "Osoby, wiersz 3, kolumna „Nazwisko”: tekst ma 32767 znaków, a można wpisać najwyżej 200."]


@pytest.mark.parametrize("value", [b"#DIV/0!", b"#N/A", b"#VALUE!"])
def test_an_excel_error_value_is_reported_at_its_cell_not_read_as_empty(value):
    cell = b'<row r="3"><c r="A3"><v>2</v></c><c r="C3" t="e"><v>' + value + b"</v></c></row>"
    intake = read(raw_cells("Osoby", cell))
    assert problems_of_2(intake) == [
        f"Osoby, wiersz 3, kolumna „Nazwisko”: komórka C3 zawiera błąd Excela ({value.decode()}) zamiast wartości – "
        f"wpisz w niej samą wartość."]


def test_an_excel_error_value_in_lp_is_named_and_the_row_skipped():
    intake = read(raw_cells("Osoby", b'<row r="3"><c r="A3" t="e"><v>#REF!</v></c><c r="C3" t="inlineStr">'
                                     b"<is><t>Zla</t></is></c></row>"))
    assert_good_read(intake)
    assert [a.lp for a in intake.applicants] == [1]
    assert ("Osoby, wiersz 3, kolumna „Lp.”: komórka A3 zawiera błąd Excela (#REF!) zamiast wartości – wpisz w niej "
            "samą wartość.") in texts(intake)


MONTHS = "Szkolenia za granicą, wiersz 3, kolumna „Czas trwania (miesiące)”"


@pytest.mark.parametrize("value,shown", [(b"NaN", "nan"), (b"INF", "inf"), (b"-INF", "-inf"), (b"1e400", "inf")])
def test_nan_or_infinity_in_a_number_cell_is_not_a_number_not_a_number_too_large(value, shown):
    # Before: NaN passed the range check and pydantic's le=600 reported "nie większa niż 600".
    cell = b'<row r="3"><c r="A3"><v>2</v></c><c r="D3"><v>' + value + b"</v></c></row>"
    intake = read(raw_cells("Szkolenia za granicą", cell, [{"Lp.": 2, "Kraj": "Niemcy"}]))
    assert problems_of_2(intake) == [f"{MONTHS}: „{shown}” nie jest liczbą."]


@pytest.mark.parametrize("value", ["nan", "NaN", "inf", "-Infinity", "1e3", "1_000", "0x10", "٣", "6%", "12,5,1"])
def test_a_number_column_takes_only_digits_with_a_decimal_comma(value):
    intake = read(with_good({"Osoby": [{"Lp.": 2}], "Szkolenia za granicą": [
        {"Lp.": 2, "Kraj": "Niemcy"}, {"Lp.": 2, "Kraj": "Czechy", "Czas trwania (miesiące)": value}]}))
    assert problems_of_2(intake) == [f"{MONTHS}: „{value}” nie jest liczbą."]


@pytest.mark.parametrize("written,months", [("6", 6.0), ("6,5", 6.5), ("6.5", 6.5), (" 12 ", 12.0), (600, 600.0),
                                            ("0", 0.0)])
def test_a_number_column_reads_plain_numbers_up_to_and_including_its_bounds(written, months):
    intake = read(with_good({"Szkolenia za granicą": [{"Lp.": 1, "Kraj": "Niemcy",
                                                       "Czas trwania (miesiące)": written}]}))
    assert_good_read(intake)
    assert applicant(intake, 1).case.foreign_training[0].months == months


@pytest.mark.parametrize("written,message", [
    (601, "601 – wpisz liczbę od 0 do 600."), ("-0,5", "-0,5 – wpisz liczbę od 0 do 600.")])
def test_a_number_just_outside_its_bounds_is_refused_with_them(written, message):
    intake = read(with_good({"Osoby": [{"Lp.": 2}], "Szkolenia za granicą": [
        {"Lp.": 2, "Kraj": "Niemcy", "Czas trwania (miesiące)": written}]}))
    assert problems_of_2(intake) == [f"Szkolenia za granicą, wiersz 2, kolumna „Czas trwania (miesiące)”: {message}"]


def test_a_per_cent_sign_is_allowed_only_where_the_column_is_a_per_cent():
    intake = read(with_good({"Specjalizacje": [{"Lp.": 1, "Dziedzina": "x", "Stan": "w trakcie",
                                                "Zrealizowana część programu (%)": "50%"}]}))
    assert_good_read(intake)
    assert applicant(intake, 1).case.specializations[0].hours_share_done == 0.5


# --- strict types ---------------------------------------------------------------------------------------------------

YEAR = "Osoby, wiersz 3, kolumna „Rok wydania PWZ”"


@pytest.mark.parametrize("written,message", [
    ("2015,5", "„2015,5” – wpisz liczbę całkowitą."), (2015.5, "„2015.5” – wpisz liczbę całkowitą."),
    ("2.015", "„2.015” – wpisz liczbę całkowitą."), ("2e3", "„2e3” nie jest liczbą."),
    (True, "„True” nie jest liczbą."), ("dwa tysiące", "„dwa tysiące” nie jest liczbą."),
])
def test_an_integer_column_takes_only_whole_numbers(written, message):
    intake = read(with_good({"Osoby": [{"Lp.": 2, "Rok wydania PWZ": written}]}))
    assert problems_of_2(intake) == [f"{YEAR}: {message}"]


@pytest.mark.parametrize("written", [2015, 2015.0, "2015", " 2015 ", "2015,0"])
def test_an_integer_column_reads_a_whole_number_cell_or_text(written):
    intake = read(with_good({"Osoby": [{**GOOD, "Lp.": 2, "Nazwisko": "Dobra", "Rok wydania PWZ": written}]}))
    assert applicant(intake, 2).case.right_to_practise.year == 2015


DOCTORATE = "Osoby, wiersz 3, kolumna „Doktor”"


@pytest.mark.parametrize("written", ["t", "n", "T", "yes", "no", "1", 1, 0, "?", "nw", "tak nie", "ta k"])
def test_a_yes_no_column_takes_only_the_documented_words(written):
    intake = read(with_good({"Osoby": [{"Lp.": 2, "Doktor": written}]}))
    assert problems_of_2(intake) == [
        f"{DOCTORATE}: „{written}” – wpisz tak, nie albo nie wiem (puste pole też znaczy „nie wiem”)."]


def test_the_instructions_name_the_words_a_yes_no_column_takes_and_the_date_serial():
    from python_calamine import CalamineWorkbook

    rows = CalamineWorkbook.from_filelike(io.BytesIO(filled_xlsx({}))).get_sheet_by_name("Instrukcja").to_python()
    text = "\n".join(str(row[0]) for row in rows)
    assert ("wartość logiczna Excela PRAWDA / FAŁSZ (TRUE / FALSE) znaczy „tak” / „nie”; innych słów (np. T, N, 1, 0) "
            "asystent nie odczyta") in text
    assert ("liczbę dni Excela w komórce liczbowej (44260 = 05.03.2021); sama liczba w pliku CSV albo w komórce "
            "tekstowej nie jest datą") in text
    assert ("Liczby wpisuj cyframi, część ułamkową oddzielaj przecinkiem (np. 6,5); w kolumnach „Rok wydania PWZ” i "
            "„Liczba godzin” – tylko liczby całkowite") in text


START = "Praca, wiersz 2, kolumna „Od”"


@pytest.mark.parametrize("written,message", [
    ("44260", f"44260 nie jest datą – to liczba zapisana jako tekst; {DATE_HINT}."),
    ("1600000000", f"1600000000 nie jest datą – to liczba zapisana jako tekst; {DATE_HINT}."),
    (1600000000, "1600000000 – data musi leżeć między 1900 a 2100 rokiem."),  # a Unix timestamp is no serial
    (True, f"True nie jest datą – {DATE_HINT}."),
    ("٠٥.٠٣.٢٠٢١", f"٠٥.٠٣.٢٠٢١ nie jest datą – {DATE_HINT}."),
    ("2021-03-05T10:30", f"2021-03-05T10:30 nie jest datą – {DATE_HINT}."),
    ("x" * 5000, f"{'x' * 40}… nie jest datą – {DATE_HINT}."),
])
def test_a_date_column_never_takes_a_bare_number_as_a_timestamp(written, message):
    intake = read(with_good({"Osoby": [{"Lp.": 2}], "Praca": [{"Lp.": 2, "Od": written, "Trwa": "tak"}]}))
    assert problems_of_2(intake) == [f"{START}: {message}"]


@pytest.mark.parametrize("value,message", [
    (b"44260.5", f"44260.5 nie jest datą – to liczba z częścią ułamkową (data z godziną?); {DATE_HINT}."),
    (b"2021", f"2021 nie jest datą – to wygląda na sam rok; {DATE_HINT}."),
    (b"0", "0 – data musi leżeć między 1900 a 2100 rokiem."),
    (b"73416", "73416 – data musi leżeć między 1900 a 2100 rokiem."),  # 01.01.2101
])
def test_a_number_cell_without_a_date_format_is_a_date_only_as_a_whole_excel_serial_of_1900_to_2100(value, message):
    cell = b'<row r="3"><c r="A3"><v>2</v></c><c r="B3"><v>' + value + b"</v></c></row>"
    intake = read(raw_cells("Praca", cell))
    assert [p.text() for p in applicant(intake, 2).problems] == [f"Praca, wiersz 3, kolumna „Od”: {message}"]


@pytest.mark.parametrize("serial,day", [(1, date(1900, 1, 1)), (59, date(1900, 2, 28)), (61, date(1900, 3, 1)),
                                        (44260, date(2021, 3, 5)), (73050, date(2099, 12, 31)),
                                        (73415, date(2100, 12, 31))])
def test_an_excel_date_serial_in_a_number_cell_is_its_day_up_to_the_last_day_of_2100(serial, day):
    cell = (b'<row r="3"><c r="A3"><v>1</v></c><c r="B3"><v>%d</v></c><c r="D3" t="inlineStr"><is><t>tak</t></is>'
            b"</c></row>" % serial)
    data = workbook_bytes({"Osoby": grid("Osoby", [GOOD]), "Praca": grid("Praca", [])})
    part = sheet_part(data, "Praca")
    xml = zipfile.ZipFile(io.BytesIO(data)).read(part)
    intake = read(replace_part(data, part, xml.replace(b"</sheetData>", cell + b"</sheetData>")))
    assert applicant(intake, 1).case.employment[0].start == day


@pytest.mark.parametrize("written", ["2", "12.0", 7.0, "   3 "])
def test_lp_reads_a_whole_number_written_as_a_number_or_text(written):
    intake = read(with_good({"Osoby": [{"Lp.": written, "Nazwisko": "Inna"}]}))
    assert sorted(a.lp for a in intake.applicants) == sorted({1, int(float(str(written).strip()))})


@pytest.mark.parametrize("written,shown", [("9" * 5000, "9" * 40 + "…"), (1e300, "1e+300"), ("0", "0"),
                                           ("1e3", "1e3"), ("١٢", "١٢"), ("-1", "-1")])
def test_an_lp_that_is_no_applicants_number_is_refused_without_a_crash(written, shown):
    # Before: 5,000 digits raised Python's ValueError (int() stops at 4,300 digits) out of the importer.
    for intake in (read(with_good({"Osoby": [{"Lp.": written}]})),
                   read_intake([("Osoby.csv", csv_bytes("Osoby", [GOOD, {"Lp.": written}]))])):
        assert_good_read(intake)
        assert [a.lp for a in intake.applicants] == [1]
        assert (f"Osoby, wiersz 3, kolumna „Lp.”: „{shown}” nie jest numerem osoby – Lp. to liczba całkowita od 1, "
                f"np. 12; wiersz pominięto.") in texts(intake)


def test_hidden_control_characters_in_a_text_cell_are_refused_at_the_cell_and_never_echoed():
    for hidden in ("\x00", "\x1b", "\u202e", "\x85"):
        data = csv_bytes("Osoby", [GOOD, {"Lp.": 2, "Nazwisko": f"Zł{hidden}a"}])
        intake = read_intake([("Osoby.csv", data)])
        assert problems_of_2(intake) == [
            f"Osoby, wiersz 3, kolumna „Nazwisko”: tekst zawiera niewidoczny znak sterujący (kod U+{ord(hidden):04X}) "
            f"– usuń go albo wpisz tekst w tej komórce od nowa."]
        assert hidden not in intake.model_dump_json()


def test_a_line_break_inside_a_text_cell_is_kept():
    intake = read_intake([("Osoby.csv", csv_bytes("Osoby", [{**GOOD, "PWZ wydała": "OIPiP\nw Gdańsku"}]))])
    assert_good_read(intake)
    assert applicant(intake, 1).case.right_to_practise.issued_by == "OIPiP\nw Gdańsku"


def test_an_applicant_over_the_models_limit_of_rows_is_refused_at_the_first_row_over_it():
    limit = list_limit("employment")
    assert limit is not None, "the Case model sets no limit on employment periods (issue 12)"
    start = date(1960, 1, 1)
    work = [{"Lp.": 2, "Od": start + timedelta(days=10 * k), "Do": start + timedelta(days=10 * k + 5)}
            for k in range(limit + 1)]
    intake = read(with_good({"Osoby": [{"Lp.": 2}, {"Lp.": 3}], "Praca": work[:limit] + [
        {**w, "Lp.": 3} for w in work[:limit]] + work[limit:]}))
    assert applicant(intake, 3).case is not None and len(applicant(intake, 3).case.employment) == limit
    assert problems_of_2(intake) == [
        f"Praca, wiersz {2 * limit + 2}, kolumna „Lp.”: osoba nr 2 ma w tym arkuszu {limit + 1} wierszy, a można "
        f"wpisać najwyżej {limit}; ten i dalsze wiersze tej osoby nie zostały wczytane – połącz albo usuń zbędne "
        f"wiersze."]


# --- CSV: encodings, separators, NUL ----------------------------------------------------------------------------


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be"])
def test_a_utf16_csv_without_its_bom_is_read(encoding):
    data = csv_bytes("Osoby", [GOOD, {"Lp.": 2, "Nazwisko": "Żółć", "Zawód": "położna"}], encoding=encoding)
    intake = read_intake([("Osoby.csv", data)])
    assert_good_read(intake)
    assert applicant(intake, 2).case.person.surname == "Żółć"


def test_a_cp1250_csv_with_polish_letters_is_read_not_called_binary():
    data = csv_bytes("Osoby", [{**GOOD, "Imię (imiona)": "Łucja Żaneta"}], encoding="cp1250")
    intake = read_intake([("Osoby.csv", data)])
    assert applicant(intake, 1).case.person.first_names == "Łucja Żaneta"


def test_a_nul_byte_in_one_cell_of_a_csv_is_located_and_the_other_rows_are_read():
    data = csv_bytes("Osoby", [GOOD, {"Lp.": "2\x00"}, {"Lp.": 3, "Nazwisko": "Trzecia"}])
    intake = read_intake([("Osoby.csv", data)])
    assert_good_read(intake)
    assert applicant(intake, 3).case.person.surname == "Trzecia"
    assert ("Osoby, wiersz 3, kolumna „Lp.”: „2\ufffd” nie jest numerem osoby – Lp. to liczba całkowita od 1, np. 12; "
            "wiersz pominięto.") in texts(intake)


def test_a_csv_full_of_control_characters_is_refused_as_binary():
    data = csv_bytes("Osoby", [GOOD]) + b"\x00\x01\x02\x03" * 50
    assert texts(read_intake([("Osoby.csv", data)])) == [NOT_CSV]


def test_a_row_written_with_another_separator_is_located_and_the_others_are_read():
    data = csv_bytes("Osoby", [GOOD]) + "2,Ala,Zła,położna\r\n3;;Trzecia\r\n".encode()
    intake = read_intake([("Osoby.csv", data)])
    assert_good_read(intake)
    assert [a.lp for a in intake.applicants] == [1, 3]
    assert ("Osoby, wiersz 3: ten wiersz jest rozdzielony przecinkiem (,), a nagłówek średnikiem (;) – wiersz "
            "pominięto; zapisz cały plik z jednym separatorem.") in texts(intake)


def test_excels_sep_line_and_a_doubled_bom_are_read_through():
    for data in (b"sep=,\r\n" + csv_bytes("Osoby", [GOOD], delimiter=","),
                 b"\xef\xbb\xbf" + csv_bytes("Osoby", [GOOD], encoding="utf-8-sig")):
        intake = read_intake([("Osoby.csv", data)])
        assert_good_read(intake)
        assert [p for p in intake.problems if p.blocking] == []


@pytest.mark.parametrize("data,message", [
    (b"", "Plik „Osoby.csv” jest pusty (0 bajtów)."),
    (b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4, NOT_CSV),
    (b"\xff\xd8\xff\xe0" + bytes(range(256)) * 4, NOT_CSV),
])
def test_an_empty_file_or_a_picture_is_refused_in_polish(data, message):
    intake = read_intake([("Osoby.csv", data)])
    assert intake.applicants == []
    assert texts(intake) == [message]


def test_a_text_file_that_is_not_a_sheet_is_told_what_it_lacks():
    intake = read_intake([("Osoby.csv", b'{"schema_version": 3, "person": {}}')])
    assert intake.applicants == []
    assert ("Osoby, wiersz 1, kolumna „Lp.”: brak kolumny „Lp.” w pierwszym wierszu – bez niej nie wiadomo, której "
            "osoby dotyczą wiersze; arkusza nie wczytano.") in texts(intake)


# --- the command line -----------------------------------------------------------------------------------------------


def run_batch(tmp_path: Path, *files: tuple[str, bytes]) -> subprocess.CompletedProcess:
    paths = []
    for name, data in files:
        (tmp_path / name).write_bytes(data)
        paths.append(str(tmp_path / name))
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    return subprocess.run([sys.executable, "-m", "logic", "batch", *paths, "--form", "specjalizacja",
                           "--as-of", "2026-06-01", "-o", str(tmp_path / "wyniki.xlsx")],
                          capture_output=True, text=True, cwd=ROOT, env=env, timeout=120)


@pytest.mark.parametrize("files,message", [
    ((("nabor.xlsx", filled_xlsx({"Osoby": [GOOD]})[:2000]),), CORRUPT.format(why="nie da się go rozpakować")),
    ((("Osoby.csv", csv_bytes("Osoby", [{"Lp.": "9" * 5000}])),), "nie jest numerem osoby"),
    ((("Osoby.csv", bytes(range(256)) * 20),), NOT_CSV),
    ((("Osoby.csv", b""),), "Plik „Osoby.csv” jest pusty (0 bajtów)."),
])
def test_the_command_line_on_a_hostile_file_exits_2_with_polish_messages_and_no_traceback(tmp_path, files, message):
    done = run_batch(tmp_path, *files)
    assert done.returncode == 2, done.stderr
    assert "Traceback" not in done.stderr and "Error" not in done.stderr
    assert message in done.stderr
    assert "Nie oceniono nikogo" in done.stderr
    assert not (tmp_path / "wyniki.xlsx").exists()


def test_the_intake_file_reader_stops_at_the_size_limit_without_reading_an_endless_file():
    started = time.perf_counter()
    with pytest.raises(IntakeFileError) as refused:
        read_intake_file("/dev/zero")
    assert time.perf_counter() - started < 5
    assert str(refused.value) == ("Plik „zero” ma ponad 4 MB, a można wczytać najwyżej 4 MB; podziel nabór na "
                                  "mniejsze pliki.")


def test_the_intake_file_reader_names_a_missing_file_or_a_directory(tmp_path):
    with pytest.raises(IntakeFileError, match=r"^Nie ma pliku .*brak\.xlsx\.$"):
        read_intake_file(str(tmp_path / "brak.xlsx"))
    with pytest.raises(IntakeFileError, match=r"to katalog, a nie plik\.$"):
        read_intake_file(str(tmp_path))
    (tmp_path / "Osoby.csv").write_bytes(b"x" * reader.MAX_BYTES)
    assert read_intake_file(str(tmp_path / "Osoby.csv")) == ("Osoby.csv", b"x" * reader.MAX_BYTES)


# --- a property: generated rows with garbage among them -------------------------------------------------------------

# valid text: names and employers with separators, quotes, Polish and other letters (one draw each, cheap)
NAME = st.sampled_from(["Anna", "Żaneta Łucja", "Gęślak-Źdźbłowska", "O'Brien", 'Kowalska "Ala"', "Nowak; Kowal",
                        "Zieliński, Jan", "Nguyễn Thị", "Ünal", "Szpital nr 1", "SPZOZ w Łodzi\nul. Żeromskiego 1",
                        "=SUMA(A1)", "+48 600", "tak", "nie wiem", "12", "2021-03-05", "A" * 200])
DAY = st.dates(min_value=date(1950, 1, 1), max_value=date(2099, 12, 31))
YES_NO = st.sampled_from([("tak", True), ("nie", False), ("nie wiem", None), ("", None), ("TAK", True),
                          (" Nie ", False)])
PROFESSIONS = st.sampled_from([("pielęgniarka", Profession.PIELEGNIARKA), ("położna", Profession.POLOZNA),
                               ("Położna", Profession.POLOZNA), ("", None)])
# garbage: text from an alphabet of troublemakers (quotes, separators, digits, Polish and other scripts' letters and
# digits, a BOM, a right-to-left override), numbers of every shape, and known hostile values
NASTY = string.ascii_letters[:6] + string.digits + " .,;:-+eE%\"'\t\n\r/#=ąęŁż€\u00a0\ufeff\u202e٣漢"
HOSTILE = ["nan", "NaN", "inf", "-Infinity", "#DIV/0!", "=1+1", "TRUE", "31.02.2021", "2021-13-01", "\n", '"', "'",
           ";", ",", "\t", "\ufeff", "9" * 5000, "\x00", "x" * 400, "1e309", "0x1F", "1_000", "٣", "44260", "-0",
           "12.0", "1 200", "50%", "tak nie", "T", "n", "?", " ", "\u202eabc", "2021-03-05T10:00"]


def garbage(rnd) -> str:
    """One garbage cell, drawn from Hypothesis's seeded Random (one draw per example keeps 2,000 examples fast)."""
    kind = rnd.randrange(4)
    if kind == 0:
        return "".join(rnd.choice(NASTY) for _ in range(rnd.randrange(9)))
    if kind == 1:
        return repr(rnd.choice([float("nan"), float("inf"), -0.0, 1e300, 2.5, rnd.uniform(-1e6, 1e6)]))
    if kind == 2:
        return str(rnd.randint(-10**6, 10**12))
    return rnd.choice(HOSTILE)


OSOBY_COLUMNS = ["Imię (imiona)", "Nazwisko", "Zawód", "Ma PWZ", "Rok wydania PWZ", "Licencjat", "Doktor"]
PRACA_COLUMNS = ["Od", "Do", "Trwa", "Pracodawca", "W zawodzie"]


YEARS = st.none() | st.integers(1950, 2100)
DAYS_LONG = st.none() | st.integers(0, 20_000)
DATE_STYLES = st.sampled_from(["%d.%m.%Y", "%Y-%m-%d", "%d.%m.%Y r."])
IN_PROFESSION = st.sampled_from([("tak", True), ("nie", False), ("", True)])
COUNT_JOBS = st.integers(0, 3)
LAST_DAY = date(2099, 12, 31)


def valid_person(draw, lp: int) -> tuple[dict, list[tuple[dict, Employment]], dict]:
    """A row of "Osoby" every cell of which is valid, its "Praca" rows, and the values they must read back to."""
    profession, expected_profession = draw(PROFESSIONS)
    held, expected_held = draw(YES_NO)
    year = draw(YEARS)
    row = {"Lp.": lp, "Imię (imiona)": draw(NAME), "Nazwisko": draw(NAME), "Zawód": profession, "Ma PWZ": held,
           "Rok wydania PWZ": "" if year is None else str(year)}
    expected = {"first_names": row["Imię (imiona)"], "surname": row["Nazwisko"], "profession": expected_profession,
                "held": expected_held, "year": year, "jobs": []}
    jobs = []
    for _ in range(draw(COUNT_JOBS)):
        start = draw(DAY)
        days = draw(DAYS_LONG)
        end = None if days is None else min(start + timedelta(days=days), LAST_DAY)
        style = draw(DATE_STYLES)
        in_profession, expected_in = draw(IN_PROFESSION)
        job = {"Lp.": lp, "Od": start.strftime(style), "Do": end.strftime(style) if end else "",
               "Trwa": "tak" if end is None else "nie", "Pracodawca": draw(NAME), "W zawodzie": in_profession}
        jobs.append((job, Employment(start=start, end=end, ongoing=end is None, employer=job["Pracodawca"],
                                     in_profession=expected_in)))
    return row, jobs, expected


def garbage_row(rnd, lp_pool: list[int], columns: list[str]) -> dict:
    """A row with garbage in a few cells, for a garbage applicant (1000 …), nobody (5000) or with a garbage Lp. that
    holds no digit, so that it can never be a valid applicant's number."""
    lp = rnd.choice(lp_pool) if rnd.random() < 0.5 else "".join(ch for ch in garbage(rnd) if not ch.isdigit())
    row = {"Lp.": lp}
    for column in rnd.sample(columns, rnd.randrange(5)):
        row[column] = garbage(rnd)
    return row


@st.composite
def intake_files(draw):
    people = [valid_person(draw, lp) for lp in range(1, draw(st.integers(0, 4)) + 1)]
    garbage_lps = [1000 + k for k in range(draw(st.integers(0, 3)))] or [5000]  # 5000: nobody in "Osoby"
    persons = [row for row, _, _ in people] + [{"Lp.": lp} for lp in garbage_lps if lp != 5000]
    rnd = draw(st.randoms(use_true_random=False))
    persons += [garbage_row(rnd, garbage_lps, OSOBY_COLUMNS) for _ in range(rnd.randrange(4))]
    jobs = [pair for _, pairs, _ in people for pair in pairs]
    jobs += [(garbage_row(rnd, garbage_lps, PRACA_COLUMNS), None) for _ in range(rnd.randrange(5))]
    rnd.shuffle(jobs)
    for job, employment in jobs:  # an applicant's periods in the order of their rows in the sheet
        if employment is not None:
            people[job["Lp."] - 1][2]["jobs"].append(employment)
    delimiter = draw(st.sampled_from([";", ",", "\t"]))
    encoding = draw(st.sampled_from(["utf-8", "utf-8-sig", "utf-16", "cp1250"]))
    expected = {lp: want for lp, (_, _, want) in enumerate(people, start=1)}
    return {"Osoby": persons, "Praca": [job for job, _ in jobs]}, expected, delimiter, encoding


def as_csv(rows: dict, delimiter: str, encoding: str) -> list[tuple[str, bytes]]:
    out = []
    for sheet, sheet_rows in rows.items():
        try:
            data = csv_bytes(sheet, sheet_rows, encoding=encoding, delimiter=delimiter)
        except UnicodeEncodeError:  # cp1250 cannot hold every generated character
            data = csv_bytes(sheet, sheet_rows, encoding="utf-8", delimiter=delimiter)
        out.append((f"{sheet}.csv", data))
    return out


def assert_read_back(intake: Intake, expected: dict) -> None:
    for problem in intake.problems:
        assert problem.message and "Input should" not in problem.message and "Traceback" not in problem.message
    by_lp = {a.lp: a for a in intake.applicants}
    for lp, want in expected.items():
        got = by_lp[lp]
        assert got.problems == [], [p.text() for p in got.problems]
        case = got.case
        assert (case.person.first_names, case.person.surname, case.profession, case.right_to_practise.held,
                case.right_to_practise.year) == (want["first_names"], want["surname"], want["profession"],
                                                 want["held"], want["year"])
        assert case.employment == (want["jobs"] or None)
    for a in intake.applicants:
        assert a.case is not None or any(p.blocking for p in a.problems)


# 2,000 examples (20,000 with HYPOTHESIS_PROFILE=deep, see conftest.py); the CSV ones are cheap, workbooks fewer
SCALE = max(1, settings.default.max_examples // 100)


@settings(max_examples=2000 * SCALE, deadline=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(intake_files())
def test_generated_csv_files_with_garbage_never_crash_and_valid_applicants_read_back_equal(generated):
    rows, expected, delimiter, encoding = generated
    # read_intake never raises: anything wrong is a located Polish Problem
    assert_read_back(read_intake(as_csv(rows, delimiter, encoding)), expected)


@settings(max_examples=60 * SCALE, deadline=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(intake_files())
def test_the_same_generated_rows_as_a_workbook_read_back_equal_too(generated):
    rows, expected, _, _ = generated
    assert_read_back(read(filled_xlsx(rows)), expected)
