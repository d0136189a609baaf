"""The intake's batch runner, its compact results, the edition's answers, the exports and the command line.

Expected outcomes are worked out from the law (art. 67 ust. 4 of the statute: the right to practise and 24 months of
work within the last five years for a specialization; § 3 ust. 4–6 of the regulation: a written entrance exam when
there are more applicants than places or the specialization is funded, and then a voivodeship consultant on the
commission), not copied from the code.
"""
from __future__ import annotations

import csv
import io
import json
from datetime import date

import openpyxl
import pytest

from logic import Case, assess
from logic.case import Form
from logic.decision import Outcome
from logic.intake import batch
from logic.intake.export import CREDIT_HEADERS, RESULT_HEADERS, results_csv, results_xlsx
from logic.intake.model import (Applicant, EditionFacts, EntryStatus, Intake, Problem, Status)

AS_OF = date(2026, 12, 1)
FIELD = "pielęgniarstwo chirurgiczne"
FUNDED_SPEC = EditionFacts(form=Form.SPECJALIZACJA, field=FIELD, publicly_funded=True, places=2)


def nurse(**extra) -> Case:
    data = {"profession": "pielegniarka", "right_to_practise": {"held": True, "number": "1234567P"},
            "employment": [{"start": "2020-01-01", "ongoing": True, "employer": "Szpital", "unit": "Chirurgia",
                            "unit_field": FIELD}],
            "specializations": []}
    data.update(extra)
    return Case.model_validate(data)


MEETS = nurse()
# From 1 June 2025, still working: 24 months are complete with 31 May 2027 (KC art. 112).
NOT_YET = nurse(employment=[{"start": "2025-06-01", "ongoing": True}])
WITH_TITLE = nurse(specialist_titles=[{"field": "pielęgniarstwo internistyczne", "completed_on": "2026-03-01"}])
BROKEN = Applicant(lp=4, label="Osoba nr 4", case=None, problems=[
    Problem(sheet="Praca", row=5, column="Od", lp=4, message="31.02.2021 nie jest datą")])


def intake() -> Intake:
    return Intake(applicants=[
        Applicant(lp=1, label="Anna Nowak", case=MEETS),
        Applicant(lp=2, label="Ewa Lis", case=NOT_YET),
        Applicant(lp=3, label="Maria Wójcik", case=WITH_TITLE),
        BROKEN,
    ], problems=list(BROKEN.problems))


@pytest.fixture(scope="module")
def result():
    return batch.assess_intake(intake(), FUNDED_SPEC, AS_OF)


def by_lp(result, lp):
    return next(r for r in result.results if r.lp == lp)


def test_a_nurse_with_the_right_to_practise_and_two_years_of_work_meets_the_entry_conditions(result):
    r = by_lp(result, 1)
    assert (r.status, r.entry, r.earliest) == (Status.ASSESSED, EntryStatus.MEETS, None)


def test_a_nurse_working_since_june_2025_may_start_on_31_may_2027(result):
    r = by_lp(result, 2)
    assert (r.entry, r.earliest) == (EntryStatus.NOT_YET, date(2027, 5, 31))
    assert r.outcome == "not_yet"


def test_a_specialist_title_in_another_field_is_proposed_as_a_credit_under_par_4_ust_2_pkt_2(result):
    r = by_lp(result, 3)
    titles = [c for c in r.credits if c.rule == "d.specjalizacja.credit.title"]
    assert [(c.basis, c.outcome) for c in titles] == [("§ 4 ust. 2 pkt 2", Outcome.FOR_DECISION.value)]
    assert "pielęgniarstwo internistyczne" in titles[0].ground


def test_an_applicant_with_a_data_error_is_listed_with_the_problem_and_not_assessed(result):
    r = by_lp(result, 4)
    assert (r.status, r.entry, r.case_json) == (Status.DATA_ERROR, None, None)
    assert r.problems == ("Praca, wiersz 5, kolumna „Od”: 31.02.2021 nie jest datą",)
    assert r.outcome == "data_error"


def test_nobody_with_no_earlier_funded_specialization_is_barred_from_a_funded_place(result):
    assert [by_lp(result, lp).funded for lp in (1, 2, 3)] == [Outcome.MEETS] * 3


def test_the_edition_decides_the_form_field_and_funding_and_a_different_goal_in_the_sheet_is_reported():
    own = nurse(goal={"form": "kurs_kwalifikacyjny", "field": "pielęgniarstwo geriatryczne", "publicly_funded": False})
    case, warnings = batch.applicant_case(own, FUNDED_SPEC)
    assert (case.goal.form, case.goal.field, case.goal.publicly_funded) == (Form.SPECJALIZACJA, FIELD, True)
    assert warnings == [batch.GOAL_DIFFERS]
    _, none = batch.applicant_case(nurse(goal={"form": "specjalizacja"}), FUNDED_SPEC)
    assert none == []


def test_the_applicant_case_never_carries_the_edition():
    case, _ = batch.applicant_case(MEETS, FUNDED_SPEC)
    assert case.edition is None


def test_each_row_equals_assessing_the_same_applicant_alone_and_the_cards_are_rebuilt_from_the_compact_row(result):
    for applicant in intake().applicants[:3]:
        case, warnings = batch.applicant_case(applicant.case, FUNDED_SPEC)
        alone = assess(case, AS_OF)
        row = by_lp(result, applicant.lp)
        assert row == batch.summarize(applicant.lp, applicant.label, case, alone, Form.SPECJALIZACJA, warnings)
        assert batch.full_assessment(row, AS_OF) == alone


def test_a_compact_row_of_a_typical_applicant_weighs_at_most_5_kb(result):
    for r in result.results:
        assert len(r.model_dump_json()) <= 5 * 1024, r.lp


def test_several_processes_give_the_same_results_in_the_same_order():
    many = Intake(applicants=[Applicant(lp=i, label=f"Osoba nr {i}", case=(MEETS, NOT_YET, WITH_TITLE)[i % 3])
                              for i in range(1, 31)])
    one = batch.assess_intake(many, FUNDED_SPEC, AS_OF, chunk=7)
    two = batch.assess_intake(many, FUNDED_SPEC, AS_OF, workers=2, chunk=7)
    assert one.results == two.results and [r.lp for r in one.results] == list(range(1, 31))


def test_progress_is_reported_from_nothing_to_everyone():
    seen = []
    batch.assess_intake(intake(), FUNDED_SPEC, AS_OF, progress=lambda done, total: seen.append((done, total)), chunk=3)
    assert seen == [(0, 4), (3, 4), (4, 4)]


@pytest.mark.parametrize("applicants, places, funded, exam", [
    (3, 2, False, Outcome.MEETS),  # more applicants than places (§ 3 ust. 4)
    (2, 2, False, Outcome.DOES_NOT_MEET),  # as many as places, not funded
    (1, 2, True, Outcome.MEETS),  # funded: always (§ 3 ust. 5)
    (3, None, False, Outcome.NEEDS_REVIEW),  # places unknown
])
def test_the_written_entrance_exam_depends_on_the_applicants_places_and_funding(applicants, places, funded, exam):
    ed = EditionFacts(form=Form.SPECJALIZACJA, field=FIELD, publicly_funded=funded, places=places)
    answers = {d.rule: d for d in batch.edition_answers(ed, applicants, AS_OF)}
    assert answers["c.entrance_exam"].outcome is exam


@pytest.mark.parametrize("funded, outcome", [(True, Outcome.MEETS), (False, Outcome.DOES_NOT_MEET),
                                             (None, Outcome.NEEDS_REVIEW)])
def test_a_voivodeship_consultant_sits_on_the_commission_only_of_a_funded_specialization(funded, outcome):
    ed = EditionFacts(form=Form.SPECJALIZACJA, field=FIELD, publicly_funded=funded, places=2)
    answers = {d.rule: d for d in batch.edition_answers(ed, 1, AS_OF)}
    assert answers["c.commission.consultant"].outcome is outcome
    assert [r.label for r in answers["c.commission.consultant"].legal_basis][-1] == "§ 3 ust. 6"


def test_a_course_edition_has_no_consultant_question():
    ed = EditionFacts(form=Form.KURS_KWALIFIKACYJNY, field=FIELD, places=10)
    assert [d.rule for d in batch.edition_answers(ed, 4, AS_OF)] == ["c.entrance_exam"]


# --- exports -------------------------------------------------------------------------------------------------------


def test_the_results_workbook_has_results_credits_problems_and_information_sheets(result):
    book = openpyxl.load_workbook(io.BytesIO(results_xlsx(result, generated_on=AS_OF)), read_only=True)
    assert book.sheetnames == ["Wyniki", "Zaliczenia", "Problemy", "Informacje"]
    rows = list(book["Wyniki"].iter_rows(values_only=True))
    assert rows[0] == RESULT_HEADERS and [r[0] for r in rows[1:]] == [1, 2, 3, 4]
    assert [r[2] for r in rows[1:]] == ["Spełnia warunki", "Jeszcze nie", "Spełnia warunki", "Błąd danych"]
    assert rows[2][3] == "31 maja 2027 r."
    assert "31.02.2021 nie jest datą" in rows[4][10]
    credits = list(book["Zaliczenia"].iter_rows(values_only=True))
    assert credits[0] == CREDIT_HEADERS
    assert sum(len(r.credits) for r in result.results) == len(credits) - 1
    problems = list(book["Problemy"].iter_rows(values_only=True))
    assert problems[1][:3] == ("Praca", 5, "Od")
    info = dict(book["Informacje"].iter_rows(values_only=True))
    assert info["Stan na dzień"] == "1 grudnia 2026 r." and "niczego nie rozstrzyga" in info["Zastrzeżenie"]


def test_a_name_that_looks_like_a_formula_stays_text_in_both_exports():
    hostile = Intake(applicants=[Applicant(lp=1, label="=HYPERLINK(\"http://x\")", case=MEETS)])
    res = batch.assess_intake(hostile, FUNDED_SPEC, AS_OF)
    book = openpyxl.load_workbook(io.BytesIO(results_xlsx(res)))
    cell = book["Wyniki"]["B2"]
    assert cell.data_type == "s" and cell.value == "=HYPERLINK(\"http://x\")"
    text = results_csv(res).decode("utf-8-sig")
    assert "'=HYPERLINK" in text


def test_the_csv_is_utf8_with_a_bom_and_semicolons_for_polish_excel(result):
    raw = results_csv(result)
    assert raw.startswith("\ufeff".encode("utf-8"))
    rows = list(csv.reader(io.StringIO(raw.decode("utf-8-sig")), delimiter=";"))
    assert rows[0] == list(RESULT_HEADERS) and rows[2][1] == "Ewa Lis" and len(rows) == 5


# --- from the template's sheets, and the command line ----------------------------------------------------------------

import subprocess  # noqa: E402
import sys  # noqa: E402
from pathlib import Path  # noqa: E402

from logic.intake.reader import read_intake  # noqa: E402
from tests.intake_support import csv_bytes, filled_xlsx  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
SHEET_ROWS = {
    "Osoby": [
        {"Lp.": 1, "Imię (imiona)": "Anna", "Nazwisko": "Nowak", "Zawód": "pielęgniarka", "Ma PWZ": "tak",
         "Numer PWZ": "1234567P", "Odbył(a) specjalizację dofinansowaną": "nie"},
        {"Lp.": 2, "Imię (imiona)": "Ewa", "Nazwisko": "Lis", "Zawód": "pielęgniarka", "Ma PWZ": "tak",
         "Odbył(a) specjalizację dofinansowaną": "nie"},
        {"Lp.": 3, "Imię (imiona)": "Maria", "Nazwisko": "Wójcik", "Zawód": "pielęgniarka", "Ma PWZ": "tak",
         "Odbył(a) specjalizację dofinansowaną": "nie"},
    ],
    "Praca": [
        {"Lp.": 1, "Od": "01.01.2020", "Trwa": "tak", "Pracodawca": "Szpital", "Komórka": "Chirurgia",
         "Dziedzina komórki": FIELD},
        {"Lp.": 2, "Od": "01.06.2025", "Trwa": "tak"},
        {"Lp.": 3, "Od": "31.02.2021", "Trwa": "tak"},
    ],
    "Tytuły specjalisty": [{"Lp.": 1, "Dziedzina": "pielęgniarstwo internistyczne", "Data zakończenia specjalizacji":
                            "01.03.2026"}],
}


def test_the_template_filled_and_imported_gives_the_same_rows_as_assessing_each_case_alone():
    book = read_intake([("nabor.xlsx", filled_xlsx(SHEET_ROWS))])
    result = batch.assess_intake(book, FUNDED_SPEC, AS_OF)
    assert [(r.lp, r.outcome) for r in result.results] == [(1, "meets"), (2, "not_yet"), (3, "data_error")]
    assert by_lp(result, 2).earliest == date(2027, 5, 31)
    for applicant in book.applicants[:2]:
        case, warnings = batch.applicant_case(applicant.case, FUNDED_SPEC)
        alone = batch.summarize(applicant.lp, applicant.label, case, assess(case, AS_OF), Form.SPECJALIZACJA, warnings)
        assert by_lp(result, applicant.lp) == alone
    assert any("31.02.2021" in p for p in by_lp(result, 3).problems)


def run_cli(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "logic", "batch", *args], cwd=ROOT, capture_output=True,
                          text=True, timeout=120)


def test_the_command_line_writes_the_results_workbook_and_lists_the_problems(tmp_path):
    src = tmp_path / "nabor.xlsx"
    src.write_bytes(filled_xlsx(SHEET_ROWS))
    out = tmp_path / "wyniki.xlsx"
    done = run_cli(str(src), "--form", "specjalizacja", "--field", FIELD, "--funded", "tak", "--places", "2",
                   "--as-of", "2026-12-01", "-o", str(out))
    assert done.returncode == 0, done.stderr
    assert "Praca, wiersz 4, kolumna „Od”" in done.stderr and "Oceniono 2 z 3 osób" in done.stderr
    rows = list(openpyxl.load_workbook(out, read_only=True)["Wyniki"].iter_rows(values_only=True))
    assert [r[2] for r in rows[1:]] == ["Spełnia warunki", "Jeszcze nie", "Błąd danych"]


def test_the_command_line_reads_csv_files_one_per_sheet_and_writes_csv(tmp_path):
    for sheet in ("Osoby", "Praca"):
        (tmp_path / f"{sheet}.csv").write_bytes(csv_bytes(sheet, SHEET_ROWS[sheet][:2], encoding="cp1250"))
    out = tmp_path / "wyniki.csv"
    done = run_cli(str(tmp_path / "Osoby.csv"), str(tmp_path / "Praca.csv"), "--form", "specjalizacja", "--field",
                   FIELD, "--as-of", "2026-12-01", "-o", str(out), "--workers", "2")
    assert done.returncode == 0, done.stderr
    rows = list(csv.reader(io.StringIO(out.read_bytes().decode("utf-8-sig")), delimiter=";"))
    assert [r[:3] for r in rows[1:]] == [["1", "Anna Nowak", "Spełnia warunki"], ["2", "Ewa Lis", "Jeszcze nie"]]


def test_the_command_line_exits_2_with_the_problems_when_nobody_can_be_assessed(tmp_path):
    src = tmp_path / "nabor.xlsx"
    src.write_bytes(filled_xlsx({"Osoby": SHEET_ROWS["Osoby"][2:], "Praca": SHEET_ROWS["Praca"][2:]}))
    done = run_cli(str(src), "--form", "specjalizacja", "--as-of", "2026-12-01", "-o", str(tmp_path / "w.xlsx"))
    assert done.returncode == 2
    assert "31.02.2021" in done.stderr and "Nie oceniono nikogo" in done.stderr
    assert not (tmp_path / "w.xlsx").exists()


@pytest.mark.parametrize("args, message", [
    (["--form", "specjalizacja", "-o", "w.txt"], "rozszerzenie .xlsx albo .csv"),
    (["--form", "specjalizacja", "--start", "1.3.2027", "-o", "w.xlsx"], "--start"),
    (["--form", "specjalizacja", "--as-of", "jutro", "-o", "w.xlsx"], "--as-of"),
])
def test_bad_command_line_arguments_get_a_polish_message_and_exit_2(tmp_path, args, message):
    src = tmp_path / "nabor.xlsx"
    src.write_bytes(filled_xlsx(SHEET_ROWS))
    done = run_cli(str(src), *[a if a not in ("w.txt", "w.xlsx") else str(tmp_path / a) for a in args])
    assert done.returncode == 2 and message in done.stderr


def test_a_missing_intake_file_is_named(tmp_path):
    done = run_cli(str(tmp_path / "brak.xlsx"), "--form", "specjalizacja", "-o", str(tmp_path / "w.xlsx"))
    assert done.returncode == 2 and "Nie ma pliku" in done.stderr


def _at_most_1_gb() -> None:  # the child cannot take the machine down while it reads an endless file
    import resource

    resource.setrlimit(resource.RLIMIT_AS, (1024 ** 3, 1024 ** 3))


def test_an_endless_intake_file_is_refused_at_the_size_limit_with_exit_2(tmp_path):
    done = subprocess.run([sys.executable, "-m", "logic", "batch", "/dev/zero", "--form", "specjalizacja",
                           "-o", str(tmp_path / "w.xlsx")], cwd=ROOT, capture_output=True, text=True, timeout=60,
                          preexec_fn=_at_most_1_gb)
    assert done.returncode == 2, done.stderr[-500:]
    assert done.stderr.strip() == ("Plik „zero” ma ponad 4 MB, a można wczytać najwyżej 4 MB; podziel nabór na "
                                   "mniejsze pliki.")


@pytest.mark.parametrize("form", [Form.SPECJALIZACJA, Form.KURS_KWALIFIKACYJNY, Form.KURS_SPECJALISTYCZNY])
def test_every_missing_fact_of_the_edition_answers_is_named_in_polish_not_as_a_path(form):
    from logic.intake.export import sheet_cell_name

    unknown = EditionFacts(form=form)  # places and funding not known
    missing = [p for d in batch.edition_answers(unknown, 3, AS_OF) for p in d.missing]
    assert missing, "the answers name what they lack"
    for path in missing:
        assert not sheet_cell_name(path).startswith(("edition.", "goal.")), path
    assert sheet_cell_name("edition.publicly_funded") == "Nabór: dofinansowanie ze środków publicznych"


def test_a_missing_fact_of_an_applicant_is_named_by_its_sheet_and_column():
    from logic.intake.export import sheet_cell_name

    assert sheet_cell_name("right_to_practise.held") == "Osoby: Ma PWZ"
    assert sheet_cell_name("employment") == "Praca: brak wierszy dla tej osoby"
    assert sheet_cell_name("employment[1].end") == "Praca, wiersz 2 tej osoby: Do"


def test_an_applicant_who_meets_the_conditions_only_after_the_planned_start_is_warned():
    starts_march = FUNDED_SPEC.model_copy(update={"planned_start": date(2027, 3, 1)})
    late = batch.assess_applicant(Applicant(lp=2, label="Ewa Lis", case=NOT_YET), starts_march, AS_OF)
    assert late.warnings == ("Warunki spełni najwcześniej 31 maja 2027 r., po planowanym rozpoczęciu "
                             "(1 marca 2027 r.).",)
    starts_june = FUNDED_SPEC.model_copy(update={"planned_start": date(2027, 6, 1)})
    assert batch.assess_applicant(Applicant(lp=2, label="Ewa Lis", case=NOT_YET), starts_june, AS_OF).warnings == ()
    on_the_day = FUNDED_SPEC.model_copy(update={"planned_start": date(2027, 5, 31)})
    assert batch.assess_applicant(Applicant(lp=2, label="Ewa Lis", case=NOT_YET), on_the_day, AS_OF).warnings == ()


def test_a_pwz_number_with_ma_pwz_left_empty_is_not_taken_for_a_current_right_and_the_applicant_is_told():
    rows = {"Osoby": [{"Lp.": 1, "Imię (imiona)": "Piotr", "Nazwisko": "Nowak", "Zawód": "pielęgniarka",
                       "Numer PWZ": "2345678P", "Odbył(a) specjalizację dofinansowaną": "nie"}],
            "Praca": [{"Lp.": 1, "Od": "01.01.2020", "Trwa": "tak"}]}
    result = batch.assess_intake(read_intake([("nabor.xlsx", filled_xlsx(rows))]), FUNDED_SPEC, AS_OF)
    row = result.results[0]
    assert row.entry is EntryStatus.NEEDS_REVIEW and "right_to_practise.held" in row.missing
    assert any("podano numer PWZ, ale kolumna „Ma PWZ” jest pusta" in w for w in row.warnings)
