"""Every page runs with AppTest and shows the frame, however it is opened; the main paths of a nurse work end to end.

Rule correctness is tested in the logic tests; here we check what a person sees and can do. AppTest cannot read a
download's bytes, so the builders are tested directly and the buttons' presence here.
"""
import json
from datetime import date
from pathlib import Path

import pytest
from icalendar import Calendar
from streamlit.testing.v1 import AppTest

from tests.apptest_support import shown

from logic import Case, assess
from logic.case import Form, Profession, new_case
from logic.interview import BY_KEY as INTERVIEW_STEPS
from logic.decision import Outcome
from ui import casefile, tables, timeline
from ui.decisions import RESULT_GROUPS
from ui.state import FRIENDLY_ERROR, GROUPS, PAGES

ROOT = Path(__file__).resolve().parent.parent
APP = str(ROOT / "app.py")
EXAMPLES = ROOT / "examples"
AS_OF = date(2026, 11, 23)
MENU_LABELS = [p.title for p in PAGES]


def example(name: str) -> Case:
    return Case.model_validate(json.loads((EXAMPLES / name).read_text(encoding="utf-8")))


def assert_ok(at: AppTest) -> None:
    assert not at.exception, [e.value for e in at.exception]
    assert not [e for e in at.error if FRIENDLY_ERROR in e.value], "the page hit an unexpected error"


def frame_texts(at: AppTest) -> str:
    """Everything the sidebar shows as text: links (page_link or, when a page runs alone, markdown links)."""
    links = [p.value for p in at.sidebar.get("page_link")]
    return " ".join(links + [m.value for m in at.sidebar.markdown])


def assert_frame(at: AppTest) -> None:
    assert [d.label for d in at.sidebar.date_input] == ["Stan prawny na dzień"]
    assert "Wyczyść dane" in [b.label for b in at.sidebar.button]
    text = frame_texts(at)
    for label in [*{p.group for p in PAGES}, *MENU_LABELS]:
        assert label in text, label
    # a group is shown only with its pages
    for group in set(GROUPS) - {p.group for p in PAGES}:
        assert group not in text, group


def app(case: Case | None = None, **state) -> AppTest:
    at = AppTest.from_file(APP, default_timeout=60)
    at.session_state["as_of"] = AS_OF
    if case is not None:
        at.session_state["case"] = case
    for key, value in state.items():
        at.session_state[key] = value
    return at


def open_page(file: str, case: Case | None = None, **state) -> AppTest:
    at = app(case, **state)
    at.run()
    if file != PAGES[0].file:
        at.switch_page(file)
        at.run()
    return at


def headers(at: AppTest) -> list[str]:
    return [h.value for h in at.header]


def expanders_under(at: AppTest) -> list[str]:
    return [shown(e.label) for e in at.expander]


# --- every page, opened both ways ----------------------------------------------------------------------------------


@pytest.mark.parametrize("page", PAGES, ids=lambda p: p.key)
def test_each_page_reached_by_switch_page_draws_the_frame_with_real_links(page):
    at = open_page(page.file)
    assert_ok(at)
    assert_frame(at)
    assert [p.value for p in at.sidebar.get("page_link")] == MENU_LABELS


@pytest.mark.parametrize("page", PAGES, ids=lambda p: p.key)
def test_each_page_runs_with_a_filled_case(page):
    at = open_page(page.file, example("pielegniarka-specjalizacja.json"), iv_step="przeglad",
                   iv_answered={"cel", "zawod"})
    assert_ok(at)
    assert_frame(at)


def test_the_addresses_people_saved_before_st_navigation_still_open_the_same_pages():
    before = {"start": "", "sytuacja": "Moja_sytuacja", "wynik": "Wynik", "terminy": "Terminy",
              "wniosek": "Wniosek_o_zaliczenie", "zapisz": "Zapisz_i_wczytaj", "przepisy": "Przepisy_i_slowniczek"}
    assert {k: p.url_path for k, p in ((p.key, p) for p in PAGES) if k in before} == before


def test_every_page_address_is_its_file_name_without_the_number():
    for p in PAGES[1:]:
        stem = p.file.rsplit("/", 1)[-1].removesuffix(".py")
        assert p.url_path == stem.split("_", 1)[1], p.file


# --- the interview -------------------------------------------------------------------------------------------------


def rev(at: AppTest) -> int:
    return at.session_state["iv_rev"]


def widget(at: AppTest, kind: str, path: str):
    return getattr(at, kind)(key=f"iv.{rev(at)}.{path}")


def progress_text(at: AppTest) -> str:
    return at.get("progress")[0].proto.text


def submit(at: AppTest, step: str, button: str = "next") -> None:
    at.button(key=f"{button}.{step}").click().run()
    assert_ok(at)


def fill_specjalizacja_interview(at: AppTest, *, start: str, field: str = "pielęgniarstwo chirurgiczne") -> None:
    """A nurse with an ongoing job since `start` answers every step of the interview for a specjalizacja."""
    assert progress_text(at).startswith("Krok 1 z")
    widget(at, "radio", "goal.form").set_value(Form.SPECJALIZACJA)
    widget(at, "selectbox", "goal.field").set_value(field)
    submit(at, "cel")
    assert progress_text(at) == "Krok 2 z 11: Więcej o Twoim celu"
    widget(at, "radio", "goal.publicly_funded").set_value(True)
    submit(at, "cel_szczegoly")
    widget(at, "radio", "profession").set_value(Profession.PIELEGNIARKA)
    widget(at, "radio", "right_to_practise.held").set_value(True)
    widget(at, "text_input", "right_to_practise.number").input("0312345P")
    widget(at, "text_input", "person.first_names").input("Anna")
    widget(at, "text_input", "person.surname").input("Nowak")
    submit(at, "zawod")
    assert progress_text(at) == "Krok 4 z 11: Przebieg pracy"
    at.session_state[f"iv.{rev(at)}.employment"] = {
        "edited_rows": {}, "deleted_rows": [],
        "added_rows": [{"start": start, "ongoing": True, "employer": "Szpital Miejski", "unit": "Chirurgia",
                        "unit_field": field, "in_profession": True}]}
    submit(at, "praca")
    widget(at, "radio", "degrees.magister_nursing").set_value(True)
    submit(at, "wyksztalcenie")
    at.session_state[f"iv.{rev(at)}.courses"] = {
        "edited_rows": {}, "deleted_rows": [],
        "added_rows": [{"kind": "specjalistyczny", "name": "Leczenie ran", "field": field,
                        "completed_on": "2022-04-08", "hours": 110}]}
    submit(at, "kursy")
    for step in ("studia", "zagranica", "specjalizacje", "egzamin"):
        submit(at, step)
    assert progress_text(at) == "Krok 11 z 11: Sprawdź odpowiedzi"


def test_a_nurse_who_meets_the_conditions_walks_the_interview_and_sees_can_on_wynik():
    at = open_page("app_pages/1_Moja_sytuacja.py")
    fill_specjalizacja_interview(at, start="2019-10-01")
    case = at.session_state["case"]
    assert case.employment[0].ongoing and case.courses[0].name == "Leczenie ran"
    assert case.right_to_practise.number == "0312345P"
    # the review lists every section with "Zmień"
    changes = [b.label for b in at.button if b.key and b.key.startswith("change.")]
    assert len(changes) == 10 and set(changes) == {"Zmień"}
    at.switch_page("app_pages/2_Wynik.py").run()
    assert_ok(at)
    assert_frame(at)
    assert any("Możesz" in h for h in headers(at))
    entry = [e for e in expanders_under(at) if e.startswith("Czy możesz ubiegać się o specjalizację —")]
    assert entry == ["Czy możesz ubiegać się o specjalizację — Spełnia warunki"]


def test_a_nurse_who_does_not_yet_meet_the_conditions_sees_the_earliest_date():
    at = open_page("app_pages/1_Moja_sytuacja.py")
    fill_specjalizacja_interview(at, start="2025-06-01", field="pielęgniarstwo rodzinne")
    at.switch_page("app_pages/2_Wynik.py").run()
    assert_ok(at)
    assert "Czy możesz ubiegać się o specjalizację — Jeszcze nie – najwcześniej 31 maja 2027 r." in expanders_under(at)
    infos = " ".join(i.value for i in at.info)
    assert "Najwcześniej: **31 maja 2027 r.**" in infos  # 23 months and 30 days on 31.05.2027 (KC art. 112, 114)


def test_a_wrong_pwz_number_is_shown_at_the_top_and_beside_the_field_and_the_step_stays():
    at = open_page("app_pages/1_Moja_sytuacja.py", iv_step="zawod")
    widget(at, "text_input", "right_to_practise.number").input("12345")
    submit(at, "zawod")
    assert progress_text(at).endswith("Zawód i prawo wykonywania zawodu")
    errors = [e.value for e in at.error]
    assert errors[0].startswith("Nie zapisaliśmy tego kroku. Popraw:")
    assert any(e.startswith("Numer zaświadczenia o PWZ") and "7 cyfr" in e for e in errors[1:])
    assert widget(at, "text_input", "right_to_practise.number").value == "12345"  # what she typed is kept


def test_after_a_change_from_the_review_the_person_returns_to_the_review():
    at = open_page("app_pages/1_Moja_sytuacja.py", example("pielegniarka-specjalizacja.json"), iv_step="przeglad",
                   iv_answered={"cel", "cel_szczegoly", "zawod", "praca"})
    at.button(key="change.zawod").click().run()
    assert progress_text(at).endswith("Zawód i prawo wykonywania zawodu")
    assert [b.label for b in at.button if b.key == "next.zawod"] == ["Zapisz i wróć do przeglądu"]
    widget(at, "text_input", "right_to_practise.issued_by").input("ORPiP w Gdańsku")
    submit(at, "zawod")
    assert progress_text(at).endswith("Sprawdź odpowiedzi")
    assert at.session_state["case"].right_to_practise.issued_by == "ORPiP w Gdańsku"


def test_no_work_answered_as_no_rows_is_an_empty_list_and_nie_wiem_is_none():
    at = open_page("app_pages/1_Moja_sytuacja.py", Case.model_validate({"goal": {"form": "specjalizacja"}}),
                   iv_step="praca")
    assert at.session_state["case"].employment is None
    at.radio(key=f"iv.{rev(at)}.employment#state").set_value(INTERVIEW_STEPS["praca"].questions[0].none_answer)
    submit(at, "praca")
    assert at.session_state["case"].employment == []


def employment_editor(at: AppTest, *rows: dict) -> str:
    """Put rows into the work-history editor as the data editor hands them over; returns the editor's key."""
    key = f"iv.{rev(at)}.employment"
    at.session_state[key] = {"edited_rows": {}, "deleted_rows": [], "added_rows": list(rows)}
    return key


@pytest.mark.parametrize("row, missing", [
    # only the first cell arrived (the editor hands its edits over ~150 ms after typing)
    ({"start": "2019-10-01", "ongoing": False, "in_profession": True},
     "Wiersz 1: brak daty zakończenia („Do”; jeśli praca trwa, zaznacz „Trwa”) – uzupełnij albo usuń wiersz."),
    # the dates did not arrive, the rest did
    ({"ongoing": False, "employer": "Szpital Miejski", "unit": "Chirurgia", "in_profession": True},
     "Wiersz 1: brak daty rozpoczęcia („Od”), brak daty zakończenia („Do”; jeśli praca trwa, zaznacz „Trwa”) – "
     "uzupełnij albo usuń wiersz."),
    # only a tick: not an empty row, so not "nie wiem" either
    ({"ongoing": True, "in_profession": True}, "Wiersz 1: brak daty rozpoczęcia („Od”) – uzupełnij albo usuń wiersz."),
])
def test_an_incomplete_job_row_is_refused_at_the_top_and_beside_the_table_and_what_was_typed_stays(row, missing):
    at = open_page("app_pages/1_Moja_sytuacja.py", Case.model_validate({"goal": {"form": "specjalizacja"}}),
                   iv_step="praca")
    key = employment_editor(at, row)
    submit(at, "praca")
    assert progress_text(at).endswith("Przebieg pracy"), "the step was left with a half-filled row"
    errors = [e.value for e in at.error]
    assert errors[0].startswith("Nie zapisaliśmy tego kroku. Popraw:")
    assert "- Okresy pracy w zawodzie – wiersz 1: " + missing.removeprefix("Wiersz 1: ") in errors[0]
    assert missing in errors[1:], "no message beside the table"
    assert at.session_state["case"].employment is None, "nothing is saved, not even as 'nie wiem'"
    assert at.session_state[key]["added_rows"][0] == row, "what was typed is kept in the editor"
    # she completes the row: now it is saved and the interview goes on
    employment_editor(at, {**row, "start": "2019-10-01", "ongoing": True})
    submit(at, "praca")
    assert not at.error
    assert progress_text(at).endswith("Wykształcenie i tytuły specjalisty")
    [job] = at.session_state["case"].employment
    assert job.start == date(2019, 10, 1) and job.ongoing and job.end is None


def test_a_complete_job_row_is_accepted():
    at = open_page("app_pages/1_Moja_sytuacja.py", Case.model_validate({"goal": {"form": "specjalizacja"}}),
                   iv_step="praca")
    employment_editor(at, {"start": "2015-09-01", "end": "2026-10-31", "ongoing": False, "employer": "Szpital",
                           "in_profession": True})
    submit(at, "praca")
    assert not at.error
    assert progress_text(at).endswith("Wykształcenie i tytuły specjalisty")
    [job] = at.session_state["case"].employment
    assert (job.start, job.end, job.employer) == (date(2015, 9, 1), date(2026, 10, 31), "Szpital")


def test_an_added_row_that_arrives_empty_is_refused_once_then_dropped():
    """A row added in the editor that arrives with nothing but its default ticks is what a submit faster than the
    editor's hand-over looks like (seen in Chromium): the person is told; submitted empty again, it is dropped."""
    at = open_page("app_pages/1_Moja_sytuacja.py", Case.model_validate({"goal": {"form": "specjalizacja"}}),
                   iv_step="praca")
    employment_editor(at, {"start": "2015-09-01", "end": "2026-10-31", "ongoing": False, "employer": "Szpital",
                           "in_profession": True},
                      {"ongoing": False, "in_profession": True})
    submit(at, "praca")
    assert progress_text(at).endswith("Przebieg pracy")
    assert any(e.value.startswith("Wiersz 2: pusty wiersz – wpisz dane albo usuń wiersz.") for e in at.error)
    assert at.session_state["case"].employment is None
    submit(at, "praca")  # the same empty row again: she means it
    assert not at.error
    assert progress_text(at).endswith("Wykształcenie i tytuły specjalisty")
    [job] = at.session_state["case"].employment
    assert (job.start, job.end, job.employer) == (date(2015, 9, 1), date(2026, 10, 31), "Szpital")


def test_an_incomplete_course_row_is_refused_and_rows_from_the_case_are_checked_only_once_changed():
    case = Case.model_validate({"goal": {"form": "specjalizacja"},
                                "courses": [{"kind": "specjalistyczny", "name": "Szczepienia"}]})  # no date, loaded
    at = open_page("app_pages/1_Moja_sytuacja.py", case, iv_step="kursy")
    key = f"iv.{rev(at)}.courses"
    at.session_state[key] = {"edited_rows": {}, "deleted_rows": [], "added_rows": [{"kind": "kwalifikacyjny"}]}
    submit(at, "kursy")
    assert progress_text(at).endswith("Ukończone kursy")
    assert ("Wiersz 2: brak nazwy albo dziedziny kursu, brak daty ukończenia – uzupełnij albo usuń wiersz."
            in [e.value for e in at.error]), "the added row is named by its place in the table"
    assert not any("Wiersz 1" in e.value for e in at.error), "the untouched row from the case is not refused"
    at.session_state[key] = {"edited_rows": {}, "deleted_rows": [], "added_rows": []}  # she deletes the new row
    submit(at, "kursy")
    assert progress_text(at).endswith("Studia podyplomowe")
    assert [c.name for c in at.session_state["case"].courses] == ["Szczepienia"]


def test_steps_that_cannot_change_the_answer_are_skipped():
    at = open_page("app_pages/1_Moja_sytuacja.py", Case.model_validate({"goal": {"form": "kurs_specjalistyczny"}}),
                   iv_step="zawod")
    assert progress_text(at) == "Krok 3 z 4: Zawód i prawo wykonywania zawodu"
    submit(at, "zawod")
    assert progress_text(at) == "Krok 4 z 4: Sprawdź odpowiedzi"


def test_a_missing_fact_on_wynik_leads_to_its_step():
    case = Case.model_validate({"goal": {"form": "specjalizacja"}, "profession": "pielegniarka"})
    at = open_page("app_pages/2_Wynik.py", case)
    fill = [b for b in at.button if b.key and b.key.startswith("fill.")]
    assert fill, "no 'Uzupełnij' button for a missing fact"
    fill[0].click().run()
    assert_ok(at)
    assert at.title[0].value == "Moja sytuacja"


# --- the "as of" date and clearing ---------------------------------------------------------------------------------


def test_changing_the_as_of_date_re_evaluates_the_result():
    at = open_page("app_pages/2_Wynik.py", example("pielegniarka-jeszcze-nie.json"))
    assert "Czy możesz ubiegać się o specjalizację — Jeszcze nie – najwcześniej 31 maja 2027 r." in expanders_under(at)
    at.sidebar.date_input[0].set_value(date(2027, 6, 2)).run()
    assert_ok(at)
    assert at.session_state["as_of"] == date(2027, 6, 2)
    assert "Czy możesz ubiegać się o specjalizację — Spełnia warunki" in expanders_under(at)


def test_wyczysc_dane_asks_first_and_then_forgets_every_answer():
    at = open_page("app_pages/2_Wynik.py", example("pielegniarka-specjalizacja.json"))
    at.sidebar.button(key="clear_ask").click().run()
    assert at.session_state["case"].profession is Profession.PIELEGNIARKA
    at.sidebar.button(key="clear_confirm").click().run()
    assert_ok(at)
    assert at.session_state["case"] == new_case()
    assert any("Dane wyczyszczone" in s.value for s in at.success)


# --- Terminy ---------------------------------------------------------------------------------------------------------


def test_terminy_shows_the_dated_steps_with_days_left_and_offers_a_calendar_file():
    at = open_page("app_pages/3_Terminy.py", example("pielegniarka-egzamin-panstwowy.json"))
    assert_ok(at)
    text = " ".join(m.value for m in at.markdown)
    assert "30 listopada 2026 r." in text and "za 7 dni" in text
    assert [d.label for d in at.download_button] == ["Dodaj do kalendarza (plik .ics)"]


def test_the_calendar_file_holds_one_all_day_event_per_step():
    case = example("pielegniarka-egzamin-panstwowy.json")
    steps = timeline.dated_steps(assess(case, AS_OF))
    cal = Calendar.from_ical(timeline.build_ics(steps, generated_on=AS_OF))
    events = list(cal.walk("VEVENT"))
    assert len(events) == len(steps) > 3
    first = events[0]
    assert first.decoded("dtstart") == date(2026, 11, 30)
    assert first.decoded("dtend") == date(2026, 12, 1)
    assert "Wniosek o dopuszczenie" in str(first["summary"])
    assert "Kowalska" not in timeline.build_ics(steps, generated_on=AS_OF).decode()


def test_days_left_are_counted_from_the_as_of_day():
    assert timeline.days_left_text(date(2026, 11, 30), None, AS_OF) == "za 7 dni"
    assert timeline.days_left_text(AS_OF, None, AS_OF) == "dziś"
    assert timeline.days_left_text(date(2026, 11, 20), None, AS_OF) == "minął 3 dni temu"
    assert timeline.days_left_text(date(2026, 11, 1), date(2026, 11, 30), AS_OF) == "trwa (do końca 7 dni)"


# --- Wniosek o zaliczenie ------------------------------------------------------------------------------------------


def test_after_the_interview_annex_1_and_the_summary_downloads_are_offered():
    pytest.importorskip("forms")
    at = open_page("app_pages/1_Moja_sytuacja.py")
    fill_specjalizacja_interview(at, start="2019-10-01")
    at.switch_page("app_pages/4_Wniosek_o_zaliczenie.py").run()
    assert_ok(at)
    assert [d.label for d in at.download_button] == ["Pobierz wniosek – załącznik nr 1 (PDF)",
                                                     "Pobierz podsumowanie wyniku (PDF)"]
    assert at.data_editor, "the proposed credits are not editable"


def test_edited_credits_reach_the_annex_values():
    forms = pytest.importorskip("forms")
    at = open_page("app_pages/4_Wniosek_o_zaliczenie.py", example("pielegniarka-specjalizacja.json"))
    proposed = len(at.session_state["annex_credits"])
    assert proposed >= 1
    key = f"annex_editor.{at.session_state['annex_rev']}"
    at.session_state[key] = {"edited_rows": {}, "deleted_rows": [0],
                             "added_rows": [{"area": "moduly", "description": "Moduł I", "basis": "kurs X"}]}
    at.run()
    assert_ok(at)
    credits = at.session_state["annex_credits"]
    assert len(credits) == proposed and credits[-1]["description"] == "Moduł I"
    preview = at.dataframe[-1].value
    assert list(preview.iloc[:, 1])[-1] == "Moduł I"
    table = next(d.value for d in at.dataframe if "Pole wniosku" in d.value.columns)
    fields = {r["Pole wniosku"]: r["Wartość"] for r in table.to_dict("records")}
    assert fields["1. Imię (imiona) i nazwisko"] == "Anna Maria Kowalska"
    assert fields["2. Tytuł zawodowy"] == "pielęgniarka"
    # the edits survive leaving the page and coming back
    at.switch_page("app_pages/2_Wynik.py").run()
    at.switch_page("app_pages/4_Wniosek_o_zaliczenie.py").run()
    assert at.session_state["annex_credits"][-1]["description"] == "Moduł I"
    values = forms.annex1_values(example("pielegniarka-specjalizacja.json"),
                                 assess(example("pielegniarka-specjalizacja.json"), AS_OF))
    assert forms.build_annex1(values, as_of=AS_OF, generated_on=AS_OF)[:4] == b"%PDF"


def test_the_summary_and_annex_builders_return_pdf_bytes():
    forms = pytest.importorskip("forms")
    case = example("pielegniarka-specjalizacja.json")
    a = assess(case, AS_OF)
    assert forms.build_summary(case, a, generated_on=AS_OF)[:4] == b"%PDF"


# --- Zapisz / wczytaj -----------------------------------------------------------------------------------------------


def upload(at: AppTest, name: str, content: bytes) -> None:
    at.file_uploader[0].set_value((name, content, "application/json"))
    at.run()


def test_a_saved_case_loads_back_to_the_same_result():
    case = example("pielegniarka-specjalizacja.json")
    saved = casefile.dump_case(case)
    at = open_page("app_pages/5_Zapisz_i_wczytaj.py")
    assert [d.label for d in at.download_button] == ["Pobierz plik z odpowiedziami (JSON)"]
    upload(at, "moja-sytuacja.json", saved)
    assert_ok(at)
    assert at.session_state["case"] == case
    assert any("Wczytaliśmy" in s.value for s in at.success)
    at.switch_page("app_pages/2_Wynik.py").run()
    expected = assess(case, AS_OF)
    shown = expanders_under(at)
    assert shown == [f"{d.title} — {d.outcome_label}" for g in ("mozesz", "jeszcze_nie", "na_wniosek",
                                                                 "do_wyjasnienia")
                     for d in expected.decisions if d.outcome in {
                         "mozesz": (Outcome.MEETS,), "jeszcze_nie": (Outcome.DOES_NOT_MEET,),
                         "na_wniosek": (Outcome.ON_REQUEST, Outcome.FOR_DECISION),
                         "do_wyjasnienia": (Outcome.NEEDS_REVIEW,)}[g]]


@pytest.mark.parametrize("content, message", [
    (b"{to nie json", "niepoprawny JSON"),
    (b'{"imie": "Anna", "wiek": 40}', "nie wygląda na plik zapisany przez asystenta"),
    (b'{"employment": [{"start": "2020-13-45"}]}', "employment[0].start"),
    (b"[1, 2, 3]", "Plik nie zawiera zapisanych odpowiedzi"),
    ("zażółć".encode("utf-16"), "To nie jest plik tekstowy JSON"),
])
def test_a_broken_or_foreign_file_is_refused_and_the_current_answers_survive(content, message):
    case = example("pielegniarka-jeszcze-nie.json")
    at = open_page("app_pages/5_Zapisz_i_wczytaj.py", case)
    upload(at, "plik.json", content)
    assert_ok(at)
    assert at.session_state["case"] == case
    errors = shown(" ".join(e.value for e in at.error))
    assert "Nie wczytaliśmy pliku – Twoje obecne odpowiedzi się nie zmieniły." in errors
    assert message in errors


def test_the_case_file_round_trips_every_example_exactly():
    for path in sorted(EXAMPLES.glob("*.json")):
        case = Case.model_validate(json.loads(path.read_text(encoding="utf-8")))
        loaded, errors = casefile.load_case(casefile.dump_case(case))
        assert errors == [] and loaded == case, path.name


# --- tables of the interview ---------------------------------------------------------------------------------------


def test_editor_edits_are_replayed_on_the_rows_it_was_drawn_with():
    cells = [{"a": 1}, {"a": 2}, {"a": 3}]
    state = {"edited_rows": {"0": {"a": 10}}, "deleted_rows": [1], "added_rows": [{"a": 4}]}
    assert tables.apply_edits(cells, state) == [{"a": 10}, {"a": 3}, {"a": 4}]
    assert tables.apply_edits(cells, None) == cells


def test_table_cells_convert_to_case_values_and_back():
    from logic.interview import BY_KEY
    q = BY_KEY["specjalizacje"].questions[0]
    rows = [{"field": "pielęgniarstwo rodzinne", "status": "przerwana", "publicly_funded": True,
             "started_on": date(2020, 1, 1), "ended_on": date(2021, 1, 1), "hours_share_done": 0.4,
             "ekk_complete": None, "organizer": None}]
    cells = tables.to_cells(q, rows)
    assert cells[0]["status"] == "przerwana" and cells[0]["publicly_funded"] == "tak"
    assert cells[0]["hours_share_done"] == pytest.approx(40)
    back = tables.from_cells(q, cells)
    assert back[0]["hours_share_done"] == pytest.approx(0.4)
    assert back[0]["ekk_complete"] is None and back[0]["started_on"] == date(2020, 1, 1)
    # the editor reports a changed date as text; the case model parses the day
    assert tables.from_cells(q, [{"started_on": "2020-01-05T00:00:00.000"}])[0]["started_on"] == "2020-01-05"


def test_only_rows_that_were_begun_and_lack_a_needed_cell_are_incomplete():
    from logic.interview import BY_KEY
    q = BY_KEY["praca"].questions[0]
    rows = tables.from_cells(q, [
        {"start": "2019-10-01", "ongoing": True},  # complete: ongoing, no end needed
        {"in_profession": True, "ongoing": False, "employer": "  "},  # empty: default ticks, blank text
        {"end": "2020-01-01", "in_profession": True},  # begun, no start
    ])
    assert tables.is_empty_row(q, rows[1]) and not tables.is_empty_row(q, rows[2])
    assert tables.incomplete_rows(q, rows, [tables.EDITED] * 3) == [
        ("Okresy pracy w zawodzie – wiersz 3: brak daty rozpoczęcia („Od”) – uzupełnij albo usuń wiersz.",
         "Wiersz 3: brak daty rozpoczęcia („Od”) – uzupełnij albo usuń wiersz.")]
    # rows from the case, untouched, are not checked again; an edited row emptied by the person is just dropped
    assert tables.incomplete_rows(q, rows, [tables.EDITED, tables.EDITED, tables.FROM_CASE]) == []
    # an added row that arrived empty is refused unless the person already submitted it empty once
    assert [b for _, b in tables.incomplete_rows(q, rows[:2], [tables.ADDED, tables.ADDED])] == [
        "Wiersz 2: pusty wiersz – wpisz dane albo usuń wiersz. Jeśli dane były wpisane, tabela nie zdążyła ich "
        "przekazać: wpisz je jeszcze raz."]
    assert tables.incomplete_rows(q, rows[:2], [tables.ADDED, tables.ADDED], empty_added_ok=True) == []
    # where the rows of the edited table come from
    state = {"edited_rows": {"2": {"a": 1}}, "deleted_rows": [0], "added_rows": [{"a": 2}]}
    assert tables.origins([{"a": 0}] * 3, state) == [tables.FROM_CASE, tables.EDITED, tables.ADDED]
    assert tables.origins([{"a": 0}] * 2, None) == [tables.FROM_CASE] * 2


def test_every_table_of_the_interview_says_which_cells_a_row_needs():
    from logic.interview import STEPS, Kind
    table_questions = {q.path: q for s in STEPS for q in s.questions if q.kind is Kind.TABLE}
    assert set(tables.NEEDED) == set(table_questions)
    for path, needs in tables.NEEDED.items():
        names = {c.name for c in table_questions[path].columns}
        for need in needs:
            assert set(need.columns) <= names and (need.waived_by is None or need.waived_by in names), path


# --- Wynik headline, glossary --------------------------------------------------------------------------------------


def test_wynik_first_says_what_matters_for_the_goal():
    at = open_page("app_pages/2_Wynik.py", example("pielegniarka-jeszcze-nie.json"))
    text = " ".join(m.value for m in at.markdown)
    assert ("Najważniejsze dla Twojego celu:** Czy możesz ubiegać się o specjalizację – **Jeszcze nie – najwcześniej "
            "31 maja 2027 r.** (grupa „Jeszcze nie”).") in text


def test_wynik_shows_the_goal_first_then_the_groups_without_repeating_it():
    """For a nurse whose goal is a specialization the first decision shown, open, is its entry condition – above
    the "Możesz" items about other courses – and it is not shown again in the groups."""
    at = open_page("app_pages/2_Wynik.py", example("pielegniarka-specjalizacja.json"))
    assert_ok(at)
    titles = headers(at)
    assert titles[0].endswith("Twój cel") and [t.split(" ", 1)[1] for t in titles[1:]] == [
        g.title for g in RESULT_GROUPS]
    first = at.expander[0]
    assert first.label == "Czy możesz ubiegać się o specjalizację — Spełnia warunki"
    assert first.proto.expanded
    assert [e.label for e in at.expander].count(first.label) == 1


@pytest.mark.parametrize("name, goal_rules", [
    ("pielegniarka-jeszcze-nie.json", ["a.specjalizacja.entry"]),
    ("polozna-kurs-kwalifikacyjny.json", ["a.kurs_kwalifikacyjny.entry"]),
    ("pielegniarka-egzamin-panstwowy.json", ["f.admission", "f.session", "f.session.following"]),
    ("pielegniarka-poprawka-kursu.json", []),  # no goal chosen: no "Twój cel" section
])
def test_the_goal_section_holds_the_first_decisions_of_the_assessment(name, goal_rules):
    from ui import decisions as D
    assessment = assess(example(name), AS_OF)
    goal = D.goal_decisions(assessment)
    assert [d.rule for d in goal] == goal_rules
    assert goal == assessment.decisions[:len(goal)], "logic.assess.PRIORITY puts the goal's decisions first"
    rest = [d for _, ds in D.grouped(assessment, without=goal) for d in ds]
    assert len(rest) + len(goal) == len(assessment.decisions) and not any(d in goal for d in rest)
    at = open_page("app_pages/2_Wynik.py", example(name))
    assert_ok(at)
    assert headers(at)[0].endswith("Twój cel") == bool(goal_rules)


def test_the_glossary_page_and_the_interview_tooltips_use_the_same_text():
    from logic.glossary import BY_KEY as TERMS, TERMS as ALL_TERMS
    at = open_page("app_pages/9_Przepisy_i_slowniczek.py")
    text = " ".join(m.value for m in at.markdown)
    for term in ALL_TERMS:
        assert term.plain_on(AS_OF) in text
    assert "https://api.sejm.gov.pl/eli/acts/DU/2026/57/text.pdf" in text
    assert "https://api.sejm.gov.pl/eli/acts/DU/2026/15/text.pdf" in text
    at = open_page("app_pages/1_Moja_sytuacja.py", iv_step="zawod")
    assert TERMS["pwz"].plain_on(AS_OF) in widget(at, "radio", "right_to_practise.held").help


def test_without_the_forms_package_the_request_page_says_so_and_offers_no_broken_downloads(monkeypatch):
    import sys
    monkeypatch.setitem(sys.modules, "forms", None)  # `import forms` now fails as if it were not installed
    at = open_page("app_pages/4_Wniosek_o_zaliczenie.py", example("pielegniarka-specjalizacja.json"))
    assert_ok(at)
    assert not at.download_button
    assert any("PDF jest jeszcze niedostępne" in w.value for w in at.warning)


def test_a_name_the_person_typed_shows_literally_on_the_cards_never_as_markdown():
    from logic.case import SpecialistTitle

    typed = "**pogrubione** <b>x</b> :red[y]"
    case = example("pielegniarka-specjalizacja.json").model_copy(
        update={"specialist_titles": [SpecialistTitle(field=typed, completed_on=date(2026, 3, 1))]})
    at = open_page("app_pages/2_Wynik.py", case)
    assert_ok(at)
    raw = [e.label for e in at.expander if "pogrubione" in e.label]
    assert raw, [e.label for e in at.expander]
    for label in raw:
        assert "**pogrubione**" not in label and "<b>" not in label and ":red[" not in label
        assert typed in shown(label)
