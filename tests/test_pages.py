"""Every page runs with AppTest and shows the frame, however it is opened; the main paths of a nurse work end to end.

Rule correctness is tested in the logic tests; here we check what a person sees and can do. AppTest cannot read a
download's bytes, so the builders are tested directly and the buttons' presence here.
"""
import json
import re
from datetime import date
from pathlib import Path

import pytest
from icalendar import Calendar
from streamlit.testing.v1 import AppTest

from tests.apptest_support import prepare_download, prepare_labels, shown

from logic import Case, assess
from logic.case import CourseKind, Form, Profession, SpecializationStatus, new_case
from logic.interview import BY_KEY as INTERVIEW_STEPS
from logic.interview import Kind, is_blank_item, item_problems
from logic.decision import Outcome
from ui import casefile, lists, tables, timeline
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


FIELD_WIDGETS = ("date_input", "text_input", "selectbox", "checkbox", "radio", "number_input")


def item_field(at: AppTest, path: str, name: str):
    """The widget of field `name` in the item block of the list `path` (adding, or changing an item)."""
    pattern = re.compile(rf"iv\.{rev(at)}\.{re.escape(path)}#\d+\.{re.escape(name)}$")
    found = [w for kind in FIELD_WIDGETS for w in at.get(kind) if w.key and pattern.match(w.key)]
    assert len(found) == 1, (path, name, [w.key for kind in FIELD_WIDGETS for w in at.get(kind)])
    return found[0]


def fill_item(at: AppTest, path: str, **values) -> None:
    """Fill the item block's fields as a person would, without pressing anything."""
    for name, value in values.items():
        item_field(at, path, name).set_value(value)


def add_item(at: AppTest, path: str, **values) -> None:
    """Fill the item block's fields and press "Dodaj"."""
    fill_item(at, path, **values)
    at.button(key=f"list.add.{path}").click().run()
    assert_ok(at)


def none_answer(at: AppTest, path: str):
    """The explicit answer shown while the list `path` is empty (a tick, or "Nie mam / Nie wiem")."""
    key = lists.none_key(rev(at), path)
    found = [w for kind in ("checkbox", "radio") for w in at.get(kind) if w.key == key]
    assert len(found) == 1, key
    return found[0]


def no_items(at: AppTest, path: str) -> None:
    """Answer "Nie mam / nie dotyczy" for the empty list `path`."""
    q = next(q for s in INTERVIEW_STEPS.values() for q in s.questions if q.path == path)
    w = none_answer(at, path)
    w.set_value(q.none_answer if q.unknown_allowed else True)


def summaries(at: AppTest) -> list[str]:
    """What the items of the step's lists show, as the person reads it (escapes resolved)."""
    return [shown(m.value) for m in at.markdown if re.match(r"\*\*\S.* \d+\*\*  \n", m.value)]


def errors(at: AppTest) -> list[str]:
    return [shown(e.value) for e in at.error]


def assert_no_grid(at: AppTest) -> None:
    """No st.dataframe and no st.data_editor (both arrow_data_frame elements) on the page."""
    assert not at.get("arrow_data_frame") and not at.dataframe and not at.data_editor, "a grid in the interview"


def fill_specjalizacja_interview(at: AppTest, *, start: date, field: str = "pielęgniarstwo chirurgiczne",
                                 jobs: int = 1, courses: int = 1) -> None:
    """A nurse with an ongoing job since `start` (and `jobs` - 1 earlier ones) and `courses` courses answers every
    step of the interview for a specjalizacja, one item at a time."""
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
    assert_no_grid(at)
    for n in range(jobs - 1, 0, -1):  # earlier jobs, one year each, the oldest first
        add_item(at, "employment", start=date(start.year - 2 * n, 1, 1), end=date(start.year - 2 * n, 12, 31),
                 employer=f"Przychodnia {n}", unit_field=field)
    add_item(at, "employment", start=start, ongoing=True, employer="Szpital Miejski", unit="Chirurgia",
             unit_field=field)
    assert not errors(at), errors(at)
    submit(at, "praca")
    widget(at, "radio", "degrees.magister_nursing").set_value(True)
    no_items(at, "specialist_titles")
    submit(at, "wyksztalcenie")
    assert_no_grid(at)
    add_item(at, "courses", kind=CourseKind.SPECJALISTYCZNY, name="Leczenie ran", field=field,
             completed_on=date(2022, 4, 8), hours=110)
    for n in range(1, courses):
        add_item(at, "courses", kind=CourseKind.DOKSZTALCAJACY, name=f"Kurs {n}", completed_on=date(2020, n, 1))
    assert not errors(at), errors(at)
    submit(at, "kursy")
    for step, path in (("studia", "postgraduate_studies"), ("zagranica", "foreign_training"),
                       ("specjalizacje", "specializations"), ("egzamin", "state_exam_attempts")):
        assert_no_grid(at)
        no_items(at, path)
        submit(at, step)
    assert progress_text(at) == "Krok 11 z 11: Sprawdź odpowiedzi"


def test_a_nurse_who_meets_the_conditions_walks_the_interview_and_sees_can_on_wynik():
    at = open_page("app_pages/1_Moja_sytuacja.py")
    fill_specjalizacja_interview(at, start=date(2019, 10, 1))
    case = at.session_state["case"]
    assert case.employment[0].ongoing and case.courses[0].name == "Leczenie ran"
    assert case.right_to_practise.number == "0312345P"
    assert case.specialist_titles == [] and case.specializations == []
    # the review lists every section with "Zmień"
    changes = [b.label for b in at.button if b.key and b.key.startswith("change.")]
    assert len(changes) == 10 and set(changes) == {"Zmień"}
    at.switch_page("app_pages/2_Wynik.py").run()
    assert_ok(at)
    assert_frame(at)
    assert any("Możesz" in h for h in headers(at))
    entry = [e for e in expanders_under(at) if e.startswith("Czy możesz ubiegać się o specjalizację —")]
    assert entry == ["Czy możesz ubiegać się o specjalizację — Spełnia warunki"]


def test_a_nurse_with_three_jobs_and_four_courses_adds_them_one_by_one_and_reaches_the_review():
    at = open_page("app_pages/1_Moja_sytuacja.py")
    fill_specjalizacja_interview(at, start=date(2019, 10, 1), jobs=3, courses=4)
    case = at.session_state["case"]
    assert [j.employer for j in case.employment] == ["Przychodnia 2", "Przychodnia 1", "Szpital Miejski"]
    assert [c.name for c in case.courses] == ["Leczenie ran", "Kurs 1", "Kurs 2", "Kurs 3"]
    assert progress_text(at) == "Krok 11 z 11: Sprawdź odpowiedzi"
    review = " ".join(shown(m.value) for m in at.markdown)
    assert "1. Od: 01.01.2015 · Do: 31.12.2015 · Zakład pracy: Przychodnia 2" in review
    assert "4. Rodzaj kursu: dokształcający · Nazwa kursu: Kurs 3 · Data ukończenia: 01.03.2020" in review
    assert "**Specjalizacje, które rozpoczęłaś / rozpocząłeś:** brak" in review
    assert_no_grid(at)  # the review shows the lists as text too


def test_a_nurse_who_does_not_yet_meet_the_conditions_sees_the_earliest_date():
    at = open_page("app_pages/1_Moja_sytuacja.py")
    fill_specjalizacja_interview(at, start=date(2025, 6, 1), field="pielęgniarstwo rodzinne")
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
    shown_errors = errors(at)
    assert shown_errors[0].startswith("Nie zapisaliśmy tego kroku. Popraw:")
    assert any(e.startswith("Numer zaświadczenia o PWZ") and "7 cyfr" in e for e in shown_errors[1:])
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


# --- the lists, one item at a time ---------------------------------------------------------------------------------


def at_step(step: str, case: Case | None = None, **state) -> AppTest:
    """The interview opened on `step` for a nurse who wants a specjalizacja and has answered nothing else yet."""
    case = case or Case.model_validate({"schema_version": 2, "goal": {"form": "specjalizacja"}})
    return open_page("app_pages/1_Moja_sytuacja.py", case, iv_step=step, **state)


def test_a_job_is_added_with_dodaj_and_shown_as_text_with_zmien_and_usun_beside_it():
    at = at_step("praca")
    assert_no_grid(at)
    labels = [w.label for kind in FIELD_WIDGETS for w in at.get(kind) if w.key and ".employment#0." in w.key]
    assert set(labels) == {c.label for c in INTERVIEW_STEPS["praca"].questions[0].columns}, "every field labelled"
    add_item(at, "employment", start=date(2015, 9, 1), end=date(2026, 10, 31), employer="Szpital")
    assert not errors(at)
    assert "Dodano okres pracy 1." in [s.value for s in at.success]
    assert summaries(at) == ["**Okres pracy 1**  \nOd: 01.09.2015  \nDo: 31.10.2026  \nZakład pracy: Szpital"]
    assert [b.label for b in at.button if b.key.startswith("list.")] == [
        "Zmień okres pracy 1", "Usuń okres pracy 1", "Dodaj", "Wyczyść pola"]
    # the item is kept in the case at once; the fields start empty for the next one
    [job] = at.session_state["case"].employment
    assert (job.start, job.end, job.employer) == (date(2015, 9, 1), date(2026, 10, 31), "Szpital")
    assert item_field(at, "employment", "start").value is None
    assert item_field(at, "employment", "employer").value == ""
    submit(at, "praca")
    assert progress_text(at).endswith("Wykształcenie i tytuły specjalisty")
    assert len(at.session_state["case"].employment) == 1


@pytest.mark.parametrize("values, missing", [
    ({"start": date(2019, 10, 1)}, {"end": "Podaj datę zakończenia pracy („Do”) albo zaznacz „Trwa”."}),
    ({"employer": "Szpital Miejski", "unit": "Chirurgia"},
     {"start": "Podaj datę rozpoczęcia pracy („Od”).",
      "end": "Podaj datę zakończenia pracy („Do”) albo zaznacz „Trwa”."}),
    ({"ongoing": True}, {"start": "Podaj datę rozpoczęcia pracy („Od”)."}),
])
def test_a_job_lacking_a_needed_field_is_refused_beside_the_field_and_at_the_top_and_what_was_typed_stays(
        values, missing):
    at = at_step("praca")
    add_item(at, "employment", **values)
    assert progress_text(at).endswith("Przebieg pracy")
    shown_errors = errors(at)
    assert shown_errors[0].startswith("Nie zapisaliśmy tego kroku. Popraw:")
    for message in missing.values():
        assert f"- Okresy pracy w zawodzie – nowy wpis: {message}" in shown_errors[0]
    assert sorted(shown_errors[1:]) == sorted(missing.values()), "each message once, beside its field"
    assert at.session_state["case"].employment is None, "nothing is saved, not even as 'nie wiem'"
    for name, value in values.items():
        assert item_field(at, "employment", name).value == value, "what was typed stays in the fields"
    # she completes the item: now it is added
    add_item(at, "employment", start=date(2019, 10, 1), ongoing=True)
    assert not errors(at)
    [job] = at.session_state["case"].employment
    assert job.start == date(2019, 10, 1) and job.ongoing and job.end is None


def test_an_end_before_the_start_is_refused_with_the_models_polish_message_beside_the_item():
    at = at_step("praca")
    add_item(at, "employment", start=date(2020, 1, 1), end=date(2019, 1, 1))
    assert "Koniec zatrudnienia jest wcześniejszy niż początek." in errors(at)[1:]
    assert at.session_state["case"].employment is None


def test_dodaj_with_nothing_typed_says_so_beside_the_fields():
    at = at_step("kursy")
    at.button(key="list.add.courses").click().run()
    assert errors(at)[1:] == ["Wypełnij pola, zanim naciśniesz „Dodaj”."]
    assert at.session_state["case"].courses == []


def test_dalej_adds_an_item_typed_but_not_added_and_refuses_one_half_typed():
    at = at_step("kursy")
    fill_item(at, "courses", kind=CourseKind.KWALIFIKACYJNY)
    submit(at, "kursy")
    assert progress_text(at).endswith("Ukończone kursy"), "a half-typed course is not lost"
    assert sorted(errors(at)[1:]) == ["Podaj datę ukończenia kursu.",
                                      "Podaj nazwę kursu albo jego dziedzinę lub zakres."]
    fill_item(at, "courses", name="Pielęgniarstwo operacyjne", completed_on=date(2021, 6, 30))
    submit(at, "kursy")
    assert progress_text(at).endswith("Studia podyplomowe")
    [course] = at.session_state["case"].courses
    assert (course.kind, course.name, course.completed_on) == (CourseKind.KWALIFIKACYJNY, "Pielęgniarstwo operacyjne",
                                                               date(2021, 6, 30))


def test_zmien_opens_the_item_in_its_fields_and_zapisz_zmiany_puts_it_back_changed():
    case = Case.model_validate({"goal": {"form": "specjalizacja"}, "courses": [
        {"kind": "specjalistyczny", "name": "Szczepienia", "completed_on": "2020-05-01"},
        {"kind": "kwalifikacyjny", "name": "Pielęgniarstwo rodzinne", "completed_on": "2018-03-01", "hours": 400}]})
    at = at_step("kursy", case)
    at.button(key="list.edit.courses.1").click().run()
    assert_ok(at)
    assert item_field(at, "courses", "name").value == "Pielęgniarstwo rodzinne"
    assert item_field(at, "courses", "hours").value == 400
    assert item_field(at, "courses", "kind").value is CourseKind.KWALIFIKACYJNY
    assert [b.label for b in at.button if b.key.startswith("list.")] == ["Zapisz zmiany", "Anuluj"], \
        "while one item is changed the others wait, and there is nothing to add"
    fill_item(at, "courses", completed_on=date(2018, 3, 2), hours=420)
    at.button(key="list.save.courses").click().run()
    assert_ok(at)
    assert "Zapisano zmiany – kurs 2." in [s.value for s in at.success]
    courses = at.session_state["case"].courses
    assert [(c.name, c.completed_on, c.hours) for c in courses] == [
        ("Szczepienia", date(2020, 5, 1), None), ("Pielęgniarstwo rodzinne", date(2018, 3, 2), 420)]
    # "Anuluj" leaves the item as it was
    at.button(key="list.edit.courses.0").click().run()
    fill_item(at, "courses", name="Coś innego")
    at.button(key="list.cancel.courses").click().run()
    assert at.session_state["case"].courses[0].name == "Szczepienia"
    assert item_field(at, "courses", "name").value == "", "the fields are for a new item again"


def test_usun_removes_the_item_and_an_emptied_list_asks_again_for_its_explicit_answer():
    case = Case.model_validate({"goal": {"form": "specjalizacja"}, "employment": [
        {"start": "2010-01-01", "end": "2012-12-31", "employer": "A"}, {"start": "2013-01-01", "ongoing": True,
                                                                       "employer": "B"}]})
    at = at_step("praca", case, iv_answered={"praca"})
    at.button(key="list.remove.employment.0").click().run()
    assert_ok(at)
    assert "Usunięto okres pracy 1." in [s.value for s in at.success]
    assert [j.employer for j in at.session_state["case"].employment] == ["B"]
    assert summaries(at) == ["**Okres pracy 1**  \nOd: 01.01.2013  \nTrwa: tak  \nZakład pracy: B"]
    at.button(key="list.remove.employment.0").click().run()
    assert at.session_state["case"].employment is None, "an emptied list is 'nie wiem' until she says otherwise"
    assert none_answer(at, "employment").value == "Nie wiem / podam później"


def test_no_work_answered_as_nie_mam_is_an_empty_list_and_nie_wiem_is_none():
    q = INTERVIEW_STEPS["praca"].questions[0]
    at = at_step("praca")
    assert at.session_state["case"].employment is None
    assert none_answer(at, "employment").options == [q.none_answer, "Nie wiem / podam później"]
    assert none_answer(at, "employment").value == "Nie wiem / podam później"
    submit(at, "praca")
    assert at.session_state["case"].employment is None  # "Nie wiem" is an answer: the step is saved
    assert "praca" in at.session_state["iv_answered"]
    at = at_step("praca")
    no_items(at, "employment")
    submit(at, "praca")
    assert at.session_state["case"].employment == []
    # coming back, the explicit answer is shown as she gave it
    no_items(at, "specialist_titles")
    submit(at, "wyksztalcenie", "back")
    assert none_answer(at, "employment").value == q.none_answer


def test_begun_specializations_keep_nie_wiem_and_nie_rozpoczynalam_apart():
    at = at_step("specjalizacje")
    submit(at, "specjalizacje")
    assert at.session_state["case"].specializations is None
    at = at_step("specjalizacje")
    no_items(at, "specializations")
    submit(at, "specjalizacje")
    assert at.session_state["case"].specializations == []


def test_an_empty_list_without_nie_mam_is_refused_beside_the_list_and_at_the_top():
    at = at_step("studia")
    submit(at, "studia")
    assert progress_text(at).endswith("Studia podyplomowe")
    message = "Dodaj studia podyplomowe albo zaznacz „Nie mam ukończonych studiów podyplomowych”."
    assert errors(at) == [
        "Nie zapisaliśmy tego kroku. Popraw:\n\n- Ukończone studia podyplomowe: dodaj studia podyplomowe albo "
        "zaznacz „Nie mam ukończonych studiów podyplomowych”.", message]
    no_items(at, "postgraduate_studies")
    submit(at, "studia")
    assert progress_text(at).endswith("Szkolenia za granicą")
    assert at.session_state["case"].postgraduate_studies == []
    assert "studia" in at.session_state["iv_answered"]


def test_wstecz_goes_back_without_the_explicit_answer_and_the_step_stays_unanswered():
    at = at_step("zagranica")
    submit(at, "zagranica", "back")
    assert progress_text(at).endswith("Studia podyplomowe")
    assert "zagranica" not in at.session_state["iv_answered"]


def test_a_list_step_with_other_questions_keeps_their_answers_while_items_are_added():
    at = at_step("wyksztalcenie")
    widget(at, "radio", "degrees.magister_nursing").set_value(True)
    add_item(at, "specialist_titles", field="pielęgniarstwo chirurgiczne", completed_on=date(2016, 5, 20))
    assert widget(at, "radio", "degrees.magister_nursing").value is True, "the answer above the list stays"
    submit(at, "wyksztalcenie")
    case = at.session_state["case"]
    assert case.degrees.magister_nursing is True
    assert [(t.field, t.completed_on) for t in case.specialist_titles] == [("pielęgniarstwo chirurgiczne",
                                                                           date(2016, 5, 20))]


def test_what_the_person_typed_into_an_item_is_shown_literally_never_as_markdown():
    typed = "**Szpital** <b>x</b> :red[y] [link](http://a.b)"
    at = at_step("praca")
    add_item(at, "employment", start=date(2015, 9, 1), ongoing=True, employer=typed)
    [summary] = [m.value for m in at.markdown if "Szpital" in m.value]
    assert "**Szpital**" not in summary and "<b>" not in summary and ":red[" not in summary
    assert typed in shown(summary)
    submit(at, "praca")
    at = open_page("app_pages/1_Moja_sytuacja.py", at.session_state["case"], iv_step="przeglad")
    [review] = [m.value for m in at.markdown if "Szpital" in m.value]
    assert "**Szpital**" not in review and typed in shown(review)


def test_every_list_step_is_drawn_without_a_grid_and_every_list_asks_for_its_explicit_answer():
    for step in INTERVIEW_STEPS.values():
        for q in step.questions_for(Form.SPECJALIZACJA):
            if q.kind is not Kind.TABLE:
                continue
            at = at_step(step.key)
            assert_no_grid(at)
            assert not at.data_editor
            none_answer(at, q.path)
            assert [b.key for b in at.button if b.key.startswith("list.")] == [f"list.add.{q.path}",
                                                                                f"list.clear.{q.path}"]


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
    assert not at.download_button, "a file with personal data is stored only when the person asks for it"
    assert prepare_labels(at) == ["Przygotuj plik do kalendarza (.ics)"]
    at.button(key="ics.prepare").click().run()
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
    fill_specjalizacja_interview(at, start=date(2019, 10, 1))
    at.switch_page("app_pages/4_Wniosek_o_zaliczenie.py").run()
    assert_ok(at)
    assert not at.download_button, "a file with personal data is stored only when the person asks for it"
    assert prepare_labels(at) == ["Przygotuj wniosek – załącznik nr 1 (PDF)", "Przygotuj podsumowanie wyniku (PDF)"]
    assert prepare_download(at, "Pobierz wniosek – załącznik nr 1 (PDF)")
    assert prepare_download(at, "Pobierz podsumowanie wyniku (PDF)")
    assert [d.label for d in at.download_button] == ["Pobierz podsumowanie wyniku (PDF)"], "one file at a time"
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
    assert prepare_labels(at) == ["Przygotuj plik z odpowiedziami (JSON)"]
    assert prepare_download(at, "Pobierz plik z odpowiedziami (JSON)")
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


# --- lists of the interview: values, text, what an item needs -----------------------------------------------------


def test_editor_edits_are_replayed_on_the_rows_it_was_drawn_with():
    """Still used by "Wniosek o zaliczenie" (its pkt 10 credits), not by the interview."""
    cells = [{"a": 1}, {"a": 2}, {"a": 3}]
    state = {"edited_rows": {"0": {"a": 10}}, "deleted_rows": [1], "added_rows": [{"a": 4}]}
    assert tables.apply_edits(cells, state) == [{"a": 10}, {"a": 3}, {"a": 4}]
    assert tables.apply_edits(cells, None) == cells


def test_an_items_fields_convert_to_case_values_and_back_and_read_as_plain_polish_text():
    q = INTERVIEW_STEPS["specjalizacje"].questions[0]
    columns = {c.name: c for c in q.columns}
    share = columns["hours_share_done"]
    assert lists.to_widget(share, 0.4) == pytest.approx(40.0)  # a share 0–1 is asked as per cent
    assert lists.from_widget(share, 40.0) == pytest.approx(0.4)
    assert lists.from_widget(columns["organizer"], "   ") is None  # an empty box is "not given"
    assert lists.from_widget(columns["status"], SpecializationStatus.INTERRUPTED) == "przerwana"
    # "tak / nie / nie wiem" is chosen by its words, so that "nie wiem" shows as chosen
    assert lists.to_widget(columns["ekk_complete"], None) == "nie wiem"
    assert [lists.from_widget(columns["ekk_complete"], w) for w in ("tak", "nie", "nie wiem")] == [True, False, None]
    item = {"field": "pielęgniarstwo rodzinne", "status": SpecializationStatus.INTERRUPTED, "publicly_funded": True,
            "started_on": date(2020, 1, 1), "ended_on": None, "hours_share_done": 0.4, "ekk_complete": None,
            "organizer": None}
    assert lists.item_parts(q, item) == [
        "Dziedzina: pielęgniarstwo rodzinne", "Stan: przerwana", "Dofinansowana: tak",
        "Rozpoczęta: 01\\.01\\.2020", "Zrealizowana część programu \\(%\\): 40"]
    jobs = INTERVIEW_STEPS["praca"].questions[0]
    ongoing, in_profession = (next(c for c in jobs.columns if c.name == n) for n in ("ongoing", "in_profession"))
    # a tick is shown only when it says something: "Trwa: tak", "W zawodzie: nie"
    assert (lists.shown_value(ongoing, False), lists.shown_value(ongoing, True)) == (None, "tak")
    assert (lists.shown_value(in_profession, True), lists.shown_value(in_profession, False)) == (None, "nie")
    assert lists.needs_text(jobs) == ("Wymagane: „Od”; „Do” albo „Trwa”. Pozostałe pola możesz zostawić puste.")


def test_an_item_needs_what_its_list_declares_and_a_tick_can_waive_a_date():
    q = INTERVIEW_STEPS["praca"].questions[0]
    assert item_problems(q, {"start": date(2019, 10, 1), "ongoing": True}) == []
    assert item_problems(q, {"end": date(2020, 1, 1), "ongoing": False}) == [
        ("start", "Podaj datę rozpoczęcia pracy („Od”).")]
    assert is_blank_item(q, {"ongoing": False, "in_profession": True, "employer": "  "})
    assert not is_blank_item(q, {"ongoing": False, "in_profession": False})


def test_every_list_of_the_interview_names_its_items_its_needs_and_its_explicit_none_answer():
    for step in INTERVIEW_STEPS.values():
        for q in step.questions:
            if q.kind is not Kind.TABLE:
                continue
            names = {c.name for c in q.columns}
            assert q.item and q.item_acc and q.none_answer and q.needs, q.path
            assert bool(q.empty_prompt) == q.unknown_allowed, q.path
            for need in q.needs:
                assert set(need.columns) <= names and (need.waived_by is None or need.waived_by in names), q.path
            # "nie wiem" only where the case can hold it (logic/case.py: None = "nie wiem", [] = none)
            assert q.unknown_allowed == (Case.model_fields[q.path].default is None), q.path
            for c in q.columns:
                assert lists.max_chars(q, c) > 0


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
