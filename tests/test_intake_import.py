"""Reading a nabór from a spreadsheet (issue 9): the template, the reader and the mapping to Cases.

The corpus of broken files below checks, for each, the located Polish message (sheet, row, column) and that the
good applicants in the same file are still read. Expected Cases are written out by hand from the rows.
"""
from __future__ import annotations

import io
import zipfile
from datetime import date

import pytest
from python_calamine import CalamineWorkbook

from logic.case import (CURRENT_SCHEMA_VERSION, Case, Course, CourseKind, Degrees, Employment, ExamResult,
                        ForeignTraining, Form, Gender, Goal, Person, PostgraduateStudies, Profession, RightToPractise,
                        SpecialistTitle, Specialization, SpecializationStatus)
from logic.intake import MAX_BYTES, SHEETS, Intake, read_intake, template_xlsx
from logic.intake import reader
from logic.intake.columns import Kind, normalize

from intake_support import (Formula, csv_bytes, filled_xlsx, grid, large_intake, replace_part, sheet_part,
                            workbook_bytes)

GOOD = {"Lp.": 1, "Imię (imiona)": "Anna", "Nazwisko": "Dobra", "Zawód": "pielęgniarka", "Ma PWZ": "tak"}


def read(data: bytes, name: str = "nabor.xlsx") -> Intake:
    return read_intake([(name, data)])


def texts(intake: Intake) -> list[str]:
    return [p.text() for p in intake.problems]


def cases(intake: Intake) -> dict[int, Case | None]:
    return {a.lp: a.case for a in intake.applicants}


def applicant(intake: Intake, lp: int):
    return next(a for a in intake.applicants if a.lp == lp)


def with_good(rows_by_sheet: dict) -> bytes:
    """A filled template whose "Osoby" starts with the good applicant 1."""
    sheets = dict(rows_by_sheet)
    sheets["Osoby"] = [GOOD, *sheets.get("Osoby", [])]
    return filled_xlsx(sheets)


def assert_good_read(intake: Intake) -> None:
    good = cases(intake)[1]
    assert good is not None
    assert good.person.surname == "Dobra" and good.profession is Profession.PIELEGNIARKA
    assert applicant(intake, 1).problems == []


# --- the template -------------------------------------------------------------------------------------------------


def test_the_templates_sheets_and_headers_are_the_registrys():
    book = CalamineWorkbook.from_filelike(io.BytesIO(template_xlsx()))
    assert book.sheet_names == ["Instrukcja", *(s.name for s in SHEETS)]
    for sheet in SHEETS:
        rows = book.get_sheet_by_name(sheet.name).to_python()
        assert rows == [sheet.headers], sheet.name  # the header row and no data rows


def test_the_instructions_name_every_column_and_say_what_empty_and_pesel_mean():
    rows = CalamineWorkbook.from_filelike(io.BytesIO(template_xlsx())).get_sheet_by_name("Instrukcja").to_python()
    text = "\n".join(" | ".join(str(c) for c in row) for row in rows)
    for sheet in SHEETS:
        for column in sheet.columns:
            assert f"{sheet.name} | {column.header} | {column.help} | {column.allowed()}" in text
    assert "Pusta komórka znaczy „nie wiem”" in text
    assert "Nie wpisuj numeru PESEL" in text
    assert "tylko w tej sesji przeglądarki" in text
    assert "DD.MM.RRRR" in text


def test_the_template_has_drop_downs_date_formats_frozen_headers_and_comments():
    from openpyxl import load_workbook

    book = load_workbook(io.BytesIO(template_xlsx()))
    ws = book["Praca"]
    assert ws.freeze_panes == "B2"
    assert ws["A1"].font.b
    lists = {str(v.sqref): v.formula1 for v in ws.data_validations.dataValidation if v.type == "list"}
    assert lists == {"D2:D1048576": '"tak,nie"', "H2:H1048576": '"tak,nie,nie wiem"'}
    assert ws.column_dimensions["B"].number_format == "dd.mm.yyyy"
    assert ws["B1"].comment.text.startswith("Pierwszy dzień zatrudnienia.")
    kursy = {str(v.sqref): v.formula1 for v in book["Kursy"].data_validations.dataValidation if v.type == "list"}
    assert kursy["B2:B1048576"] == '"kwalifikacyjny,specjalistyczny,dokształcający"'


def test_the_template_is_the_same_bytes_every_time():
    assert template_xlsx() == template_xlsx()


def test_an_unchanged_template_imports_as_no_applicants_with_a_clear_message():
    intake = read(template_xlsx())
    assert intake.applicants == []
    assert intake.sheets_read == [s.name for s in SHEETS]
    assert texts(intake) == ["Osoby: arkusz nie ma wierszy z danymi – wpisz po jednym wierszu na osobę, od wiersza 2; "
                             "wczytano 0 osób."]
    assert not intake.problems[0].blocking


def test_every_column_fills_a_case_field_or_a_declared_fact_once():
    for sheet in SHEETS:
        targets = [c.target for c in sheet.columns if c.target]
        assert len(targets) == len(set(targets)), sheet.name
        assert sheet.columns[0].kind is Kind.LP
        headers = [normalize(h) for h in sheet.headers]
        assert len(headers) == len(set(headers)), sheet.name


# --- a filled template, read back to Cases --------------------------------------------------------------------------


def three_applicants() -> dict:
    return {
        "Osoby": [
            {"Lp.": 1, "Imię (imiona)": "Żaneta Łucja", "Nazwisko": "Gęślak-Źdźbłowska", "Zawód": "pielęgniarka",
             "Forma tytułu": "k", "Ma PWZ": "tak", "Numer PWZ": "0312345P",
             "PWZ wydała": "Okręgowa Rada Pielęgniarek i Położnych w Krakowie", "Rok wydania PWZ": 2019,
             "Licencjat": "tak", "Magister pielęgniarstwa / położnictwa": "Tak",
             "Magister innej dziedziny ochrony zdrowia": "nie", "Doktor": "NIE", "Nauczyciel akademicki": "nie", "Rodzaj kształcenia": "specjalizacja",
             "Dziedzina": "pielęgniarstwo chirurgiczne", "Ubiega się o dofinansowanie": "tak",
             "Odbył(a) specjalizację dofinansowaną": "nie", "Wnioskuje o zwolnienie ze specjalizacji": "nie",
             "Skierowanie pracodawcy": "nie wiem"},
            {"Lp.": 2, "Imię (imiona)": "Jan", "Nazwisko": "Nowak", "Zawód": "położny", "Forma tytułu": "M",
             "Ma PWZ": "Tak", "Numer PWZ": "1234567a", "Rok wydania PWZ": "2015",
             "Rodzaj kształcenia": "kurs kwalifikacyjny",
             "Dziedzina": "pielęgniarstwo operacyjne", "Odbył(a) specjalizację dofinansowaną": "tak",
             "Data zakończenia tej specjalizacji": "15.05.2020"},
            {"Lp.": 3},
        ],
        "Praca": [
            {"Lp.": 1, "Od": date(2019, 10, 1), "Do": date(2023, 9, 30), "Trwa": "nie",
             "Pracodawca": "Szpital Miejski, ul. Długa 1, Kraków", "Komórka": "Oddział chirurgii ogólnej",
             "Dziedzina komórki": "pielęgniarstwo chirurgiczne", "W zawodzie": "tak"},
            {"Lp.": 1, "Od": "2023-10-01", "Trwa": "tak", "Pracodawca": "Szpital Uniwersytecki",
             "Komórka": "Oddział chirurgii", "Dziedzina komórki": "pielęgniarstwo chirurgiczne"},
        ],
        "Kursy": [
            {"Lp.": 1, "Rodzaj": "specjalistyczny", "Nazwa": "Leczenie ran", "Dziedzina": "leczenie ran",
             "Data ukończenia": date(2021, 6, 30), "Wynik egzaminu": "zdany", "Organizator": "CKP Kraków",
             "Zaświadczenie": "12/2021, 30.06.2021, Kraków"},
            {"Lp.": 2, "Rodzaj": "Kwalifikacyjny", "Nazwa": "Pielęgniarstwo operacyjne",
             "Data rozpoczęcia": "1.2.2025", "Data ukończenia": "30.11.2025", "Zajęcia teoretyczne zaliczone": "tak",
             "Szkolenie praktyczne zaliczone": "tak", "Wynik egzaminu": "nie przystąpiono", "Liczba godzin": 430},
        ],
        "Tytuły specjalisty": [
            {"Lp.": 2, "Dziedzina": "pielęgniarstwo rodzinne", "Data zakończenia specjalizacji": "10.10.2018",
             "Dyplom": "123/2018", "Organizator": "CMKP"},
        ],
        "Studia podyplomowe": [
            {"Lp.": 1, "Nazwa": "Zarządzanie w ochronie zdrowia", "Dziedzina": "organizacja i zarządzanie",
             "Data świadectwa": "20.06.2016", "Świadectwo": "20.06.2016, Kraków",
             "Uczelnia": "Uniwersytet Jagielloński"},
        ],
        "Szkolenia za granicą": [
            {"Lp.": 3, "Zakres (dziedzina)": "pielęgniarstwo anestezjologiczne", "Kraj": "Niemcy",
             "Czas trwania (miesiące)": "6,5", "Data ukończenia": "01.06.2017", "Tłumaczenie przysięgłe": "tak"},
        ],
        "Specjalizacje": [
            {"Lp.": 3, "Dziedzina": "pielęgniarstwo pediatryczne", "Stan": "przerwana", "Dofinansowana": "nie wiem",
             "Rozpoczęta": "01.03.2019", "Ukończona / przerwana": "31.08.2020", "Zrealizowana część programu (%)": 40,
             "EKK ze wszystkimi wpisami": "nie"},
        ],
    }


def expected_three() -> dict[int, Case]:
    first = Case(
        label="Osoba nr 1",
        person=Person(first_names="Żaneta Łucja", surname="Gęślak-Źdźbłowska", gender=Gender.FEMALE),
        profession=Profession.PIELEGNIARKA,
        right_to_practise=RightToPractise(held=True, number="0312345P",
                                          issued_by="Okręgowa Rada Pielęgniarek i Położnych w Krakowie", year=2019),
        employment=[
            Employment(start=date(2019, 10, 1), end=date(2023, 9, 30), ongoing=False,
                       employer="Szpital Miejski, ul. Długa 1, Kraków", unit="Oddział chirurgii ogólnej",
                       unit_field="pielęgniarstwo chirurgiczne", in_profession=True),
            Employment(start=date(2023, 10, 1), end=None, ongoing=True, employer="Szpital Uniwersytecki",
                       unit="Oddział chirurgii", unit_field="pielęgniarstwo chirurgiczne", in_profession=True),
        ],
        degrees=Degrees(licencjat=True, magister_nursing=True, magister_other_health=False, doctorate=False,
                        academic_teacher=False),
        courses=[Course(kind=CourseKind.SPECJALISTYCZNY, name="Leczenie ran", field="leczenie ran",
                        completed_on=date(2021, 6, 30), exam=ExamResult.PASSED, organizer="CKP Kraków",
                        certificate="12/2021, 30.06.2021, Kraków")],
        postgraduate_studies=[PostgraduateStudies(name="Zarządzanie w ochronie zdrowia",
                                                  field="organizacja i zarządzanie", completed_on=date(2016, 6, 20),
                                                  certificate="20.06.2016, Kraków",
                                                  university="Uniwersytet Jagielloński")],
        specializations=[],
        goal=Goal(form=Form.SPECJALIZACJA, field="pielęgniarstwo chirurgiczne", publicly_funded=True,
                  wants_exemption=False, employer_referral=None),
    )
    second = Case(
        label="Osoba nr 2",
        person=Person(first_names="Jan", surname="Nowak", gender=Gender.MALE),
        profession=Profession.POLOZNA,
        right_to_practise=RightToPractise(held=True, number="1234567A", year=2015),
        employment=None,
        specialist_titles=[SpecialistTitle(field="pielęgniarstwo rodzinne", completed_on=date(2018, 10, 10),
                                           diploma="123/2018", organizer="CMKP")],
        courses=[Course(kind=CourseKind.KWALIFIKACYJNY, name="Pielęgniarstwo operacyjne", started_on=date(2025, 2, 1),
                        completed_on=date(2025, 11, 30), theory_passed=True, practice_passed=True,
                        exam=ExamResult.NOT_TAKEN, hours=430)],
        specializations=[Specialization(field=None, publicly_funded=True, status=SpecializationStatus.COMPLETED,
                                        ended_on=date(2020, 5, 15))],
        goal=Goal(form=Form.KURS_KWALIFIKACYJNY, field="pielęgniarstwo operacyjne"),
    )
    third = Case(
        label="Osoba nr 3",
        employment=None,
        foreign_training=[ForeignTraining(field="pielęgniarstwo anestezjologiczne", country="Niemcy", months=6.5,
                                          completed_on=date(2017, 6, 1), sworn_translation=True)],
        specializations=[Specialization(field="pielęgniarstwo pediatryczne", status=SpecializationStatus.INTERRUPTED,
                                        publicly_funded=None, started_on=date(2019, 3, 1), ended_on=date(2020, 8, 31),
                                        hours_share_done=0.4, ekk_complete=False)],
    )
    return {1: first, 2: second, 3: third}


def test_a_filled_template_of_three_applicants_reads_back_to_the_cases_worked_out_by_hand():
    intake = read(filled_xlsx(three_applicants()))
    assert [p for p in intake.problems if p.blocking] == []
    assert [(a.lp, a.label) for a in intake.applicants] == [(1, "Żaneta Łucja Gęślak-Źdźbłowska"), (2, "Jan Nowak"),
                                                            (3, "Osoba nr 3")]
    assert cases(intake) == expected_three()
    assert all(c.schema_version == CURRENT_SCHEMA_VERSION for c in cases(intake).values())


def test_the_same_applicants_as_csv_files_read_to_the_same_cases():
    files = [(f"{name}.csv", csv_bytes(name, rows)) for name, rows in three_applicants().items()]
    intake = read_intake(files)
    assert [p for p in intake.problems if p.blocking] == []
    assert cases(intake) == expected_three()


# --- readings -----------------------------------------------------------------------------------------------------


def funded_case(answer, end=None, specs=()):
    row = {**GOOD, "Odbył(a) specjalizację dofinansowaną": answer, "Data zakończenia tej specjalizacji": end}
    return read(filled_xlsx({"Osoby": [row], "Specjalizacje": list(specs)}))


def test_no_specializations_and_funded_before_nie_means_none():
    assert cases(funded_case("nie"))[1].specializations == []


def test_no_specializations_and_funded_before_empty_means_not_answered():
    assert cases(funded_case(None))[1].specializations is None


def test_funded_before_tak_with_a_date_is_a_completed_funded_specialization_of_unknown_field():
    assert cases(funded_case("tak", "03.04.2022"))[1].specializations == [Specialization(
        field=None, publicly_funded=True, status=SpecializationStatus.COMPLETED, ended_on=date(2022, 4, 3))]


def test_funded_before_tak_beside_the_same_completed_funded_row_adds_nothing():
    spec = {"Lp.": 1, "Dziedzina": "pielęgniarstwo onkologiczne", "Stan": "ukończona", "Dofinansowana": "tak",
            "Ukończona / przerwana": "03.04.2022"}
    assert cases(funded_case("tak", "03.04.2022", [spec]))[1].specializations == [Specialization(
        field="pielęgniarstwo onkologiczne", publicly_funded=True, status=SpecializationStatus.COMPLETED,
        ended_on=date(2022, 4, 3))]


def test_funded_before_nie_beside_a_completed_funded_row_is_a_contradiction():
    spec = {"Lp.": 1, "Stan": "ukończona", "Dofinansowana": "tak", "Ukończona / przerwana": "03.04.2022"}
    intake = funded_case("nie", None, [spec])
    assert cases(intake)[1] is None
    assert texts(intake) == ["Osoby, wiersz 2, kolumna „Odbył(a) specjalizację dofinansowaną”: jest „nie”, a w "
                             "arkuszu „Specjalizacje” (wiersz 2) jest ukończona specjalizacja dofinansowana."]


def test_a_date_of_a_funded_specialization_without_tak_is_not_guessed():
    intake = funded_case(None, "03.04.2022")
    assert cases(intake)[1] is None
    assert texts(intake) == ["Osoby, wiersz 2, kolumna „Data zakończenia tej specjalizacji”: podano datę zakończenia "
                             "specjalizacji dofinansowanej, ale w kolumnie „Odbył(a) specjalizację dofinansowaną” nie "
                             "wpisano „tak”."]


def test_no_praca_rows_means_the_work_history_is_unknown():
    intake = read(filled_xlsx({"Osoby": [GOOD, {"Lp.": 2}], "Praca": [{"Lp.": 2, "Od": "01.01.2020", "Trwa": "tak"},
                                                                     {"Lp.": 2}]}))
    assert cases(intake)[1].employment is None
    assert cases(intake)[2].employment == [Employment(start=date(2020, 1, 1), ongoing=True, in_profession=True)]


@pytest.mark.parametrize("written,expected", [(None, True), ("tak", True), ("nie", False), ("nie wiem", None)])
def test_an_empty_w_zawodzie_is_work_in_the_profession_as_in_the_interview(written, expected):
    intake = read(with_good({"Praca": [{"Lp.": 1, "Od": "01.01.2020", "Trwa": "tak", "W zawodzie": written}]}))
    assert cases(intake)[1].employment[0].in_profession is expected


def test_the_instructions_name_the_columns_whose_empty_cell_is_not_nie_wiem():
    rows = CalamineWorkbook.from_filelike(io.BytesIO(template_xlsx())).get_sheet_by_name("Instrukcja").to_python()
    text = "\n".join(str(row[0]) for row in rows)
    assert ("Wyjątki: „Trwa” w arkuszu „Praca” – puste = nie; „W zawodzie” w arkuszu „Praca” – puste = tak."
            in text)


# --- CSV: encodings, separators, names ----------------------------------------------------------------------------


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "cp1250", "utf-16"])
@pytest.mark.parametrize("delimiter", [",", ";", "\t"])
def test_csv_files_are_read_in_any_usual_encoding_and_separator(encoding, delimiter):
    people = [{"Lp.": 1, "Imię (imiona)": "Żaneta", "Nazwisko": "Gęślak, Źdźbło", "Zawód": "położna"}]
    work = [{"Lp.": 1, "Od": "01.10.2019", "Trwa": "tak", "Pracodawca": "Szpital „Łąka”; ul. Śląska 1"}]
    intake = read_intake([("Osoby.csv", csv_bytes("Osoby", people, encoding=encoding, delimiter=delimiter)),
                          ("Praca.csv", csv_bytes("Praca", work, encoding=encoding, delimiter=delimiter))])
    case = cases(intake)[1]
    assert case.person.surname == "Gęślak, Źdźbło" and case.profession is Profession.POLOZNA
    assert case.employment[0].employer == "Szpital „Łąka”; ul. Śląska 1"


@pytest.mark.parametrize("name", ["Tytuły specjalisty.csv", "tytuly_specjalisty.csv", "TYTULY-SPECJALISTY.CSV",
                                  "nabor 2026 - tytuly specjalisty.csv"])
def test_a_csv_file_is_named_after_its_sheet_in_any_case_and_without_polish_letters(name):
    titles = [{"Lp.": 1, "Dziedzina": "pielęgniarstwo rodzinne", "Data zakończenia specjalizacji": "10.10.2018"}]
    intake = read_intake([("osoby.csv", csv_bytes("Osoby", [GOOD])),
                          (name, csv_bytes("Tytuły specjalisty", titles))])
    assert cases(intake)[1].specialist_titles == [SpecialistTitle(field="pielęgniarstwo rodzinne",
                                                                  completed_on=date(2018, 10, 10))]


def test_a_csv_named_otherwise_is_read_by_its_headers_with_a_notice():
    intake = read_intake([("dane.csv", csv_bytes("Osoby", [GOOD]))])
    assert_good_read(intake)
    assert "Plik „dane.csv” odczytano jako arkusz „Osoby” (po nagłówkach kolumn)." in texts(intake)


def test_headers_are_read_without_case_or_polish_letters():
    data = "LP;imie (imiona);NAZWISKO;zawod;ma pwz\n1;Anna;Dobra;pielegniarka;TAK\n".encode("ascii")
    assert_good_read(read_intake([("Osoby.csv", data)]))


# --- dates and tak/nie --------------------------------------------------------------------------------------------


@pytest.mark.parametrize("written", ["05.03.2021", "5.3.2021", "05.03.2021 r.", "2021-03-05", " 2021-3-5 ",
                                     "2021-03-05 00:00:00", date(2021, 3, 5), 44260, 44260.0])
def test_dates_are_read_in_every_accepted_form(written):
    # 44260 is the number Excel stores for 05.03.2021 (days since 30.12.1899), here in a number cell.
    intake = read(with_good({"Praca": [{"Lp.": 1, "Od": written, "Trwa": "tak"}]}))
    assert cases(intake)[1].employment[0].start == date(2021, 3, 5)


@pytest.mark.parametrize("written,expected", [
    ("tak", True), ("TAK", True), ("  Tak ", True), (True, True), ("PRAWDA", True), ("TRUE", True),
    ("nie", False), ("NIE", False), (" Nie ", False), (False, False), ("FAŁSZ", False), ("false", False),
    ("nie wiem", None), ("Nie Wiem", None), ("  nie   wiem ", None), (None, None), ("", None), ("   ", None),
])
def test_tak_nie_nie_wiem_are_read_in_any_case_and_with_spaces(written, expected):
    intake = read(filled_xlsx({"Osoby": [{**GOOD, "Doktor": written}]}))
    assert cases(intake)[1].degrees.doctorate is expected


# --- the corpus of broken files -----------------------------------------------------------------------------------


def test_a_file_over_the_size_limit_is_refused_with_its_size():
    intake = read(b"x" * (MAX_BYTES + 1), "duzy.csv")
    assert intake.applicants == []
    assert texts(intake) == ["Plik „duzy.csv” ma 4,0 MB, a można wczytać najwyżej 4 MB; podziel nabór na mniejsze "
                             "pliki."]


def test_the_readers_limit_is_below_the_servers_so_a_large_file_gets_our_polish_message():
    import tomllib
    from pathlib import Path

    config = tomllib.loads((Path(__file__).resolve().parent.parent / ".streamlit" / "config.toml").read_text("utf-8"))
    assert MAX_BYTES < config["server"]["maxUploadSize"] * 1024 * 1024


def test_an_empty_file_is_refused():
    assert texts(read(b"", "pusty.xlsx")) == ["Plik „pusty.xlsx” jest pusty (0 bajtów)."]


def test_a_pdf_is_refused_as_not_a_spreadsheet():
    assert texts(read(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n", "nabor.xlsx")) == [
        "Plik „nabor.xlsx” to dokument PDF, a nie arkusz; wczytaj wypełniony szablon (XLSX) albo pliki CSV."]


def test_random_bytes_named_xlsx_are_refused():
    noise = bytes((i * 73 + 41) % 256 for i in range(4000))
    assert texts(read(noise, "nabor.xlsx")) == [
        "Plik „nabor.xlsx” nie jest arkuszem XLSX (jego zawartość nie jest skoroszytem Excela); wczytaj wypełniony "
        "szablon pobrany z asystenta."]


def test_binary_garbage_in_a_csv_is_refused():
    noise = bytes((i * 73 + 41) % 256 for i in range(4000))
    assert texts(read(noise, "Osoby.csv")) == [
        "Plik „Osoby.csv” nie jest plikiem CSV (zawiera dane binarne albo nieznane kodowanie znaków); zapisz arkusz "
        "jako „CSV UTF-8 (rozdzielany przecinkami)”."]


def test_an_old_xls_or_password_protected_file_is_refused_with_what_to_do():
    ole = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 500
    assert texts(read(ole, "nabor.xls")) == [
        "Plik „nabor.xls” jest w starym formacie XLS albo jest zabezpieczony hasłem; otwórz go w Excelu i zapisz bez "
        "hasła jako „Skoroszyt programu Excel (*.xlsx)”."]


def test_a_corrupt_zip_is_refused():
    data = filled_xlsx({"Osoby": [GOOD]})
    intake = read(data[: len(data) // 2])
    assert intake.applicants == []
    assert texts(intake) == [
        "Plik „nabor.xlsx” jest uszkodzony albo nie jest skoroszytem XLSX (nie da się go rozpakować); otwórz go w "
        "Excelu i zapisz ponownie jako „Skoroszyt programu Excel (*.xlsx)”."]


def test_a_zip_that_is_not_a_workbook_is_refused():
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as z:
        z.writestr("word/document.xml", "<w:document/>")
    assert texts(read(out.getvalue(), "nabor.xlsx")) == [
        "Plik „nabor.xlsx” jest uszkodzony albo nie jest skoroszytem XLSX (w archiwum nie ma skoroszytu); otwórz go "
        "w Excelu i zapisz ponownie jako „Skoroszyt programu Excel (*.xlsx)”."]


def test_an_opendocument_spreadsheet_is_refused_with_what_to_do():
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as z:
        z.writestr("mimetype", "application/vnd.oasis.opendocument.spreadsheet")
        z.writestr("content.xml", "<office:document-content/>")
    assert texts(read(out.getvalue(), "nabor.ods")) == [
        "Plik „nabor.ods” jest w formacie OpenDocument (ODS); zapisz go jako „Skoroszyt programu Excel (*.xlsx)”."]


def test_a_repeated_column_is_read_once_and_reported():
    data = "Lp.;Nazwisko;Nazwisko\n1;Dobra;Inna\n".encode()
    intake = read_intake([("Osoby.csv", data)])
    assert cases(intake)[1].person.surname == "Dobra"
    assert ("Osoby, wiersz 1, kolumna „Nazwisko”: kolumna powtarza się (kolumny B i C) – wczytano tylko "
            "pierwszą.") in texts(intake)


def test_data_in_a_column_without_a_header_is_reported_and_ignored():
    data = "Lp.;Nazwisko;\n1;Dobra;coś\n".encode()
    intake = read_intake([("Osoby.csv", data)])
    assert cases(intake)[1] is not None
    assert "Osoby: kolumna C ma dane, ale nie ma nagłówka – pominięto ją." in texts(intake)


def test_a_workbook_without_the_template_sheets_is_refused_naming_the_sheets_it_has():
    data = workbook_bytes({"Arkusz1": [["Lp.", "Nazwisko"], [1, "Dobra"]], "Arkusz2": [["x"]]})
    intake = read(data)
    assert intake.applicants == []
    assert texts(intake) == [
        "W pliku „nabor.xlsx” nie ma arkuszy szablonu (są: „Arkusz1”, „Arkusz2”). Użyj szablonu z asystenta: arkusze "
        "Osoby, Praca, Kursy, Tytuły specjalisty, Studia podyplomowe, Szkolenia za granicą, Specjalizacje."]


def test_a_workbook_without_osoby_reads_nobody():
    intake = read(workbook_bytes({"Praca": grid("Praca", [{"Lp.": 1, "Od": "01.01.2020"}])}))
    assert intake.applicants == []
    assert texts(intake) == [
        "Nie wczytano arkusza „Osoby” (w CSV: pliku Osoby.csv), więc nie wiadomo, kogo dotyczą dane; nikogo nie "
        "wczytano. Arkusze szablonu: Osoby, Praca, Kursy, Tytuły specjalisty, Studia podyplomowe, Szkolenia za "
        "granicą, Specjalizacje."]


def test_a_sheet_without_the_lp_column_is_not_read_and_the_others_are():
    osoby = grid("Osoby", [GOOD])
    praca = [["Od", "Trwa"], ["01.01.2020", "tak"]]
    intake = read(workbook_bytes({"Osoby": osoby, "Praca": praca}))
    assert_good_read(intake)
    assert cases(intake)[1].employment is None
    assert ("Praca, wiersz 1, kolumna „Lp.”: brak kolumny „Lp.” w pierwszym wierszu – bez niej nie wiadomo, której "
            "osoby dotyczą wiersze; arkusza nie wczytano.") in texts(intake)


def test_a_row_without_lp_is_reported_and_skipped():
    intake = read(with_good({"Praca": [{"Od": "01.01.2020", "Trwa": "tak"}]}))
    assert_good_read(intake)
    assert texts(intake) == [
        "Praca, wiersz 2, kolumna „Lp.”: wiersz ma dane, ale nie ma numeru osoby (Lp.) – wiersz pominięto."]


def test_a_non_numeric_lp_is_reported_and_the_row_skipped():
    intake = read(with_good({"Osoby": [{"Lp.": "dwa", "Nazwisko": "Zła"}]}))
    assert_good_read(intake)
    assert [a.lp for a in intake.applicants] == [1]
    assert ("Osoby, wiersz 3, kolumna „Lp.”: „dwa” nie jest numerem osoby – Lp. to liczba całkowita od 1, np. 12; "
            "wiersz pominięto.") in texts(intake)


def test_a_repeated_lp_in_osoby_makes_that_applicant_a_data_error():
    intake = read(with_good({"Osoby": [{"Lp.": 2, "Nazwisko": "Pierwsza"}, {"Lp.": 2, "Nazwisko": "Druga"}]}))
    assert_good_read(intake)
    second = applicant(intake, 2)
    assert second.case is None and second.label == "Pierwsza"
    assert [p.text() for p in second.problems] == [
        "Osoby, wiersz 4, kolumna „Lp.”: Lp. 2 jest już w wierszu 3 – każda osoba ma mieć jeden wiersz i własny numer; "
        "dane tej osoby nie zostały ocenione."]


def test_rows_whose_lp_is_not_in_osoby_are_reported():
    intake = read(with_good({"Kursy": [{"Lp.": 7, "Rodzaj": "specjalistyczny"}]}))
    assert_good_read(intake)
    assert "Kursy, wiersz 2, kolumna „Lp.”: w arkuszu „Osoby” nie ma osoby o Lp. 7 – wiersz pominięto." in texts(intake)
    assert [p.lp for p in intake.problems if p.sheet == "Kursy"] == [7]


def test_an_impossible_date_is_reported_at_its_cell_and_only_its_applicant_is_a_data_error():
    rows = [{"Lp.": 1, "Od": "01.01.2020", "Trwa": "tak"}] + [{"Lp.": 2, "Od": "01.01.2020", "Trwa": "tak"}] * 11 \
        + [{"Lp.": 2, "Od": "31.02.2021", "Do": "01.03.2021"}]
    intake = read(with_good({"Osoby": [{"Lp.": 2, "Nazwisko": "Zła"}], "Praca": rows}))
    assert_good_read(intake)
    assert cases(intake)[2] is None
    assert [p.text() for p in applicant(intake, 2).problems] == [
        "Praca, wiersz 14, kolumna „Od”: 31.02.2021 nie jest datą (nie ma takiego dnia)."]


@pytest.mark.parametrize("written,message", [
    ("31.12.1899", "31.12.1899 – data musi leżeć między 1900 a 2100 rokiem."),
    ("2101-01-01", "2101-01-01 – data musi leżeć między 1900 a 2100 rokiem."),
    (date(1899, 12, 31).isoformat(), "1899-12-31 – data musi leżeć między 1900 a 2100 rokiem."),
    ("100000", "100000 nie jest datą – to liczba zapisana jako tekst; wpisz datę jako DD.MM.RRRR, np. 05.03.2021."),
    ("44260", "44260 nie jest datą – to liczba zapisana jako tekst; wpisz datę jako DD.MM.RRRR, np. 05.03.2021."),
    (100000, "14.10.2173 – data musi leżeć między 1900 a 2100 rokiem."),  # a number in a date-formatted cell
    ("2021", "2021 nie jest datą – to wygląda na sam rok; wpisz datę jako DD.MM.RRRR, np. 05.03.2021."),
    ("wczoraj", "wczoraj nie jest datą – wpisz datę jako DD.MM.RRRR, np. 05.03.2021."),
    ("03/05/2021", "03/05/2021 nie jest datą – wpisz datę jako DD.MM.RRRR, np. 05.03.2021."),
])
def test_dates_outside_1900_2100_or_not_dates_at_all_are_refused(written, message):
    intake = read(with_good({"Osoby": [{"Lp.": 2}], "Tytuły specjalisty": [
        {"Lp.": 2, "Dziedzina": "x", "Data zakończenia specjalizacji": written}]}))
    assert_good_read(intake)
    assert [p.text() for p in applicant(intake, 2).problems] == [
        f"Tytuły specjalisty, wiersz 2, kolumna „Data zakończenia specjalizacji”: {message}"]


def test_a_value_outside_the_choices_is_reported_with_the_allowed_values():
    intake = read(with_good({"Osoby": [{"Lp.": 2, "Zawód": "lekarz"}],
                             "Kursy": [{"Lp.": 2, "Rodzaj": "podyplomowy"}]}))
    assert_good_read(intake)
    assert [p.text() for p in applicant(intake, 2).problems] == [
        "Osoby, wiersz 3, kolumna „Zawód”: „lekarz” – dozwolone wartości: pielęgniarka, położna.",
        "Kursy, wiersz 2, kolumna „Rodzaj”: „podyplomowy” – dozwolone wartości: kwalifikacyjny, specjalistyczny, "
        "dokształcający."]


def test_a_course_without_its_kind_is_reported():
    intake = read(with_good({"Osoby": [{"Lp.": 2}], "Kursy": [{"Lp.": 2, "Nazwa": "Leczenie ran"}]}))
    assert_good_read(intake)
    assert [p.text() for p in applicant(intake, 2).problems] == [
        "Kursy, wiersz 2, kolumna „Rodzaj”: brak wartości – ta kolumna jest wymagana; wpisz: kwalifikacyjny, "
        "specjalistyczny, dokształcający."]


def test_a_bad_tak_nie_value_is_reported():
    intake = read(with_good({"Osoby": [{"Lp.": 2, "Ma PWZ": "chyba"}],
                             "Praca": [{"Lp.": 2, "Od": "01.01.2020", "Trwa": "nie wiem"}]}))
    assert_good_read(intake)
    assert [p.text() for p in applicant(intake, 2).problems] == [
        "Osoby, wiersz 3, kolumna „Ma PWZ”: „chyba” – wpisz tak, nie albo nie wiem (puste pole też znaczy „nie wiem”).",
        "Praca, wiersz 2, kolumna „Trwa”: „nie wiem” – wpisz tak albo nie (puste pole znaczy „nie”)."]


def test_an_end_before_the_start_is_reported_at_the_end_column():
    intake = read(with_good({"Osoby": [{"Lp.": 2}], "Praca": [{"Lp.": 2, "Od": "01.02.2021", "Do": "31.01.2021"}],
                             "Kursy": [{"Lp.": 2, "Rodzaj": "dokształcający", "Data rozpoczęcia": "02.02.2022",
                                        "Data ukończenia": "01.02.2022"}]}))
    assert_good_read(intake)
    assert [p.text() for p in applicant(intake, 2).problems] == [
        "Praca, wiersz 2, kolumna „Do”: koniec zatrudnienia jest wcześniejszy niż początek.",
        "Kursy, wiersz 2, kolumna „Data ukończenia”: data ukończenia kursu jest wcześniejsza niż data rozpoczęcia."]


def test_trwa_tak_with_an_end_date_is_reported():
    intake = read(with_good({"Osoby": [{"Lp.": 2}],
                             "Praca": [{"Lp.": 2, "Od": "01.02.2021", "Do": "31.01.2022", "Trwa": "tak"}]}))
    assert_good_read(intake)
    assert [p.text() for p in applicant(intake, 2).problems] == [
        "Praca, wiersz 2, kolumna „Do”: zatrudnienie oznaczone jako trwające nie może mieć daty końca."]


def test_a_bad_pwz_number_is_reported_with_its_format():
    intake = read(with_good({"Osoby": [{"Lp.": 2, "Numer PWZ": "12345P"}]}))
    assert_good_read(intake)
    assert [p.text() for p in applicant(intake, 2).problems] == [
        "Osoby, wiersz 3, kolumna „Numer PWZ”: „12345P” – numer PWZ pielęgniarki lub położnej to 7 cyfr i litera P "
        "lub A, np. 0312345P."]


def test_numbers_outside_their_range_are_reported():
    intake = read(with_good({"Osoby": [{"Lp.": 2, "Rok wydania PWZ": 1949}],
                             "Specjalizacje": [{"Lp.": 2, "Zrealizowana część programu (%)": "120"}]}))
    assert_good_read(intake)
    assert [p.text() for p in applicant(intake, 2).problems] == [
        "Osoby, wiersz 3, kolumna „Rok wydania PWZ”: 1949 – wpisz liczbę od 1950 do 2100.",
        "Specjalizacje, wiersz 2, kolumna „Zrealizowana część programu (%)”: 120 – wpisz liczbę od 0 do 100."]


def test_text_over_its_maximum_length_is_reported_without_repeating_the_text():
    intake = read(with_good({"Osoby": [{"Lp.": 2, "Nazwisko": "N" * 201}]}))
    assert_good_read(intake)
    assert [p.text() for p in applicant(intake, 2).problems] == [
        "Osoby, wiersz 3, kolumna „Nazwisko”: tekst ma 201 znaków, a można wpisać najwyżej 200."]
    assert applicant(intake, 2).label == "Osoba nr 2"


def test_a_formula_is_reported_at_its_cell_and_its_cached_value_is_not_used():
    osoby = grid("Osoby", [GOOD, {"Lp.": 2, "Nazwisko": "Formułowa"}])
    osoby[2][osoby[0].index("Ma PWZ")] = Formula('=IF(1=1,"tak","nie")', "tak")
    intake = read(workbook_bytes({"Osoby": osoby}))
    assert_good_read(intake)
    assert cases(intake)[2] is None
    assert [p.text() for p in applicant(intake, 2).problems] == [
        "Osoby, wiersz 3, kolumna „Ma PWZ”: komórka F3 zawiera formułę – wpisz w niej samą wartość (formuł nie "
        "odczytujemy, bo zapisany w pliku wynik może być nieaktualny)."]


def test_merged_cells_are_reported_with_their_range():
    praca = grid("Praca", [{"Lp.": 2, "Od": "01.01.2020", "Do": "31.12.2020", "Pracodawca": "Szpital"},
                           {"Lp.": 2, "Od": "01.01.2021", "Trwa": "tak"}])
    data = workbook_bytes({"Osoby": grid("Osoby", [GOOD, {"Lp.": 2}]), "Praca": praca}, merged={"Praca": ["E2:E3"]})
    intake = read(data)
    assert_good_read(intake)
    assert cases(intake)[2] is None
    assert [p.text() for p in applicant(intake, 2).problems] == [
        "Praca, wiersz 2, kolumna „Pracodawca”: komórki E2:E3 są scalone – rozdziel je i wpisz wartość w każdej "
        "komórce osobno.",
        "Praca, wiersz 3, kolumna „Pracodawca”: komórki E2:E3 są scalone – rozdziel je i wpisz wartość w każdej "
        "komórce osobno."]


def test_an_unknown_column_is_reported_once_and_ignored():
    intake = read(with_good({"Osoby": [{"Lp.": 2, "Uwagi": "pierwsza"}, {"Lp.": 3, "Uwagi": "druga"}]}))
    assert_good_read(intake)
    assert all(a.case is not None for a in intake.applicants)
    unknown = [p for p in intake.problems if p.column == "Uwagi"]
    assert [(p.text(), p.blocking) for p in unknown] == [
        ("Osoby, wiersz 1, kolumna „Uwagi”: tej kolumny nie ma w szablonie – pominięto ją.", False)]


@pytest.mark.parametrize("header", ["PESEL", "Pesel osoby", "nr pesel", "P E S E L"])
def test_a_pesel_column_is_never_read(header):
    pesel = "85010112345"
    intake = read(with_good({"Osoby": [{"Lp.": 2, "Nazwisko": "Zwykła", header: pesel}],
                             "Praca": [{"Lp.": 2, "Od": "01.01.2020", "Trwa": "tak", header: "90020254321"}]}))
    assert_good_read(intake)
    assert cases(intake)[2] is not None
    notices = [p for p in intake.problems if "PESEL" in p.message]
    assert [(p.sheet, p.blocking) for p in notices] == [("Osoby", False), ("Praca", False)]
    assert len(SHEETS[0].columns) == 22  # so the PESEL column, the first after the template's, is W
    assert notices[0].text() == ("Osoby, wiersz 1: kolumna W (PESEL): asystent nie potrzebuje numeru PESEL, więc tej "
                                 "kolumny nie odczytał; usuń ją z pliku.")
    everything = intake.model_dump_json()
    assert pesel not in everything and "90020254321" not in everything


def test_a_header_holding_a_pesel_number_is_not_repeated_in_the_notice():
    intake = read(with_good({"Osoby": [{"Lp.": 2, "85010112345": "x"}]}))
    assert "85010112345" not in intake.model_dump_json()


def test_a_sheet_reaching_cell_xfd3_is_refused_without_asking_calamine_for_it():
    # 5 KB on disk; calamine alone would allocate 3 × 16,384 cells per row given and, at XFD1048576, 17 billion.
    data = workbook_bytes({"Osoby": grid("Osoby", [GOOD])})
    part = sheet_part(data, "Osoby")
    xml = zipfile.ZipFile(io.BytesIO(data)).read(part)
    wide = b"".join(b'<row r="%d"><c r="XFD%d" t="inlineStr"><is><t>x</t></is></c></row>' % (r, r)
                    for r in range(3, 400))
    intake = read(replace_part(data, part, xml.replace(b"</sheetData>", wide + b"</sheetData>")))
    assert intake.applicants == []
    assert ("Osoby: arkusz sięga wiersza 399 i kolumny XFD – to ponad 6 000 000 komórek, więcej niż może mieć "
            "nabór; usuń wiersze i kolumny poza danymi i wczytaj plik ponownie. Arkusza nie wczytano.") in texts(intake)


def test_a_stray_cell_in_row_1048576_is_left_out_and_the_rows_above_it_are_read():
    # Before calamine sees the sheet, rows after MAX_ROWS + 1 are cut from its XML: calamine would otherwise
    # allocate every row down to the last one (17 billion cells for XFD1048576).
    data = workbook_bytes({"Osoby": grid("Osoby", [GOOD])})
    part = sheet_part(data, "Osoby")
    xml = zipfile.ZipFile(io.BytesIO(data)).read(part)
    xml = xml.replace(b"</sheetData>", b'<row r="1048576"><c r="XFD1048576" t="inlineStr"><is><t>x</t></is></c>'
                                       b"</row></sheetData>")
    intake = read(replace_part(data, part, xml))
    assert_good_read(intake)
    assert [a.lp for a in intake.applicants] == [1]
    assert ("Osoby: arkusz ma 1 048 575 wierszy danych; wczytano pierwsze 200 000, dalszych nie wczytano – podziel "
            "nabór na mniejsze pliki.") in texts(intake)


def test_cells_without_references_are_measured_too():
    data = workbook_bytes({"Osoby": grid("Osoby", [GOOD])})
    part = sheet_part(data, "Osoby")
    xml = zipfile.ZipFile(io.BytesIO(data)).read(part)
    wide_row = b"<row>" + b'<c t="inlineStr"><is><t>x</t></is></c>' * 7000 + b"</row>"
    rows = b'<row r="2000">' + b'<c t="inlineStr"><is><t>y</t></is></c>' + b"</row>"
    xml = xml.replace(b"</sheetData>", wide_row + rows + b"</sheetData>")
    assert reader.sheet_extent(xml)[1] >= 7000
    intake = read(replace_part(data, part, xml))
    assert any("arkusz sięga wiersza" in t for t in texts(intake))


def test_a_sheet_formatted_far_beyond_its_data_is_still_read():
    data = workbook_bytes({"Osoby": grid("Osoby", [GOOD])})
    part = sheet_part(data, "Osoby")
    xml = zipfile.ZipFile(io.BytesIO(data)).read(part)
    xml = xml.replace(b"</sheetData>", b'<row r="1048576"><c r="XFD1048576" s="0"/></row></sheetData>')
    assert_good_read(read(replace_part(data, part, xml)))


def test_a_workbook_that_unpacks_to_too_much_is_refused_before_reading():
    data = workbook_bytes({"Osoby": grid("Osoby", [GOOD])})
    part = sheet_part(data, "Osoby")
    xml = zipfile.ZipFile(io.BytesIO(data)).read(part)
    padding = b" " * (reader.MAX_UNPACKED + 1)  # deflates to about 100 KB
    bomb = replace_part(data, part, xml.replace(b"<sheetData>", b"<sheetData>" + padding))
    assert len(bomb) < MAX_BYTES
    intake = read(bomb)
    assert intake.applicants == []
    assert texts(intake) == ["Plik „nabor.xlsx” po rozpakowaniu ma ponad 100 MB – to za dużo jak na nabór; usuń "
                             "zbędne arkusze i puste wiersze albo podziel plik."]


def test_a_part_that_unpacks_to_more_than_it_declares_is_refused():
    data = workbook_bytes({"Osoby": grid("Osoby", [GOOD, *({"Lp.": n} for n in range(2, 500))])})
    part = sheet_part(data, "Osoby").encode()
    patched = bytearray(data)
    for signature, size_at in ((b"PK\x03\x04", 22), (b"PK\x01\x02", 24)):  # local and central headers
        at = patched.find(signature)
        while at != -1:
            name_at = at + (30 if signature == b"PK\x03\x04" else 46)
            if patched[name_at:name_at + len(part)] == part:
                patched[at + size_at:at + size_at + 4] = (200).to_bytes(4, "little")
            at = patched.find(signature, at + 4)
    intake = read(bytes(patched))
    assert intake.applicants == []
    assert texts(intake) == [
        "Plik „nabor.xlsx” jest uszkodzony albo nie jest skoroszytem XLSX (część archiwum jest uszkodzona); otwórz go "
        "w Excelu i zapisz ponownie jako „Skoroszyt programu Excel (*.xlsx)”."]


def test_a_csv_with_a_million_columns_is_cut_and_does_not_hang():
    header = ";".join(BY_OSOBY_HEADERS) + ";" * 1_000_000
    data = (header + "\n1;Anna;Dobra;pielęgniarka;;tak\n").encode()
    intake = read_intake([("Osoby.csv", data)])
    assert_good_read(intake)
    assert "Osoby: arkusz ma więcej niż 256 kolumn; dalszych kolumn nie odczytano." in texts(intake)


BY_OSOBY_HEADERS = [c.header for c in SHEETS[0].columns]


def test_rows_beyond_the_cap_are_reported_and_left_out(monkeypatch):
    monkeypatch.setattr(reader, "MAX_ROWS", 3)
    people = [GOOD] + [{"Lp.": n} for n in range(2, 7)]
    for intake in (read(filled_xlsx({"Osoby": people})), read_intake([("Osoby.csv", csv_bytes("Osoby", people))])):
        assert [a.lp for a in intake.applicants] == [1, 2, 3]
        assert ("Osoby: arkusz ma 6 wierszy danych; wczytano pierwsze 3, dalszych nie wczytano – podziel nabór na "
                "mniejsze pliki.") in texts(intake)


def test_a_workbook_and_csv_files_together_are_refused():
    intake = read_intake([("nabor.xlsx", filled_xlsx({"Osoby": [GOOD]})), ("Praca.csv", csv_bytes("Praca", []))])
    assert intake.applicants == []
    assert texts(intake) == ["Wybrano kilka plików („nabor.xlsx”, „Praca.csv”); wczytaj jeden skoroszyt XLSX albo "
                             "same pliki CSV (po jednym na arkusz). Nic nie zostało wczytane."]


def test_an_unterminated_quote_in_a_csv_is_reported_and_the_rows_before_it_read():
    data = csv_bytes("Osoby", [GOOD]) + b'2;"Zla\r\n3;Inna\r\n'
    intake = read_intake([("Osoby.csv", data)])
    assert_good_read(intake)
    assert [a.lp for a in intake.applicants] == [1]
    assert ("Osoby, wiersz 3: zapis CSV jest uszkodzony (np. niezamknięty cudzysłów albo bardzo długa komórka); "
            "dalszych wierszy nie wczytano.") in texts(intake)


def test_an_applicant_with_many_errors_gets_them_all_located_in_one_list():
    intake = read(with_good({"Osoby": [{"Lp.": 2, "Zawód": "x", "Ma PWZ": "x", "Licencjat": "x"}],
                             "Praca": [{"Lp.": 2, "Od": "x", "Do": "y"}]}))
    assert_good_read(intake)
    assert [(p.sheet, p.row, p.column) for p in applicant(intake, 2).problems] == [
        ("Osoby", 3, "Zawód"), ("Osoby", 3, "Ma PWZ"), ("Osoby", 3, "Licencjat"), ("Praca", 2, "Od"),
        ("Praca", 2, "Do")]
    assert all(p.lp == 2 and p.blocking for p in applicant(intake, 2).problems)


def test_no_problem_message_is_pydantics_english():
    intake = read(with_good({"Osoby": [{"Lp.": 2, "Numer PWZ": "x", "Rok wydania PWZ": "dużo"}],
                             "Kursy": [{"Lp.": 2, "Rodzaj": "specjalistyczny", "Liczba godzin": 1.5}]}))
    for text in texts(intake):
        assert "Input should" not in text and "Value error" not in text and "validation error" not in text


# --- speed --------------------------------------------------------------------------------------------------------


def test_ten_thousand_applicants_with_sixty_thousand_rows_are_read():
    data = filled_xlsx(large_intake(10_000))
    intake = read(data)
    assert len(intake.applicants) == 10_000
    assert all(a.case is not None for a in intake.applicants)
    assert [p for p in intake.problems if p.blocking] == []
    last = intake.applicants[-1].case
    assert len(last.employment) == 3 and len(last.courses) == 2 and last.specializations == []
