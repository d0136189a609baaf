"""Passing the interview without changing anything gives back exactly the case it was given (issue 12, § 1).

A loaded case is shown in the interview's widgets; pressing "Dalej" on every step must not change one fact of it –
not a row holding only yes/no answers, not an exemption's scope, not an empty text, not a date at the edge of the
range the case model takes (logic/case.py EARLIEST_DAY .. LATEST_DAY). The pure layer (case → widget values →
answers → `apply_answers`, ui/questions.py and ui/lists.py) is checked over every example and 2,000 generated cases;
the real page (AppTest) over every example and a few cases built to sit on those edges.
"""
from __future__ import annotations

import json
from datetime import date, timedelta
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from logic import Case
from logic.case import (EARLIEST_DAY, LATEST_DAY, CourseKind, ExamResult, ExemptionScope, Form, Gender, Profession,
                        SpecializationStatus)
from logic.interview import (BY_KEY, REVIEW_STEP, STEPS, Kind, answers_of, apply_answers, get_path, steps_for)
from tests.apptest_support import assert_ok, open_app_page
from tests.test_properties import case_data
from ui import lists
from ui import questions as Q

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = sorted((ROOT / "examples").glob("*.json"))
AS_OF = date(2026, 11, 23)
PAGE = "app_pages/1_Moja_sytuacja.py"


def load(path: Path) -> Case:
    return Case.model_validate(json.loads(path.read_text(encoding="utf-8")))


# --- the pure walk: what the page does on "Dalej", without Streamlit ------------------------------------------------


def pass_unchanged(case: Case, as_of: date = AS_OF) -> Case:
    """Every step asked for the case's goal passed with every widget left as it started (the steps were saved when
    the file was loaded, so an empty list's "Nie mam …" starts as the case says)."""
    for step in steps_for(case.goal.form):
        if step.key == REVIEW_STEP:
            continue
        data = case.model_dump(mode="python")
        answers = {}
        for q in step.questions_for(case.goal.form):
            value = get_path(data, q.path)
            if q.kind is Kind.TABLE:
                answers[q.path] = lists.list_answer(q, value, lists.none_start(q, value, answered=True))
            else:
                answers[q.path] = Q.answer_of(q, Q.widget_value(q, value, case, as_of), value, case, as_of)
        case = apply_answers(case, answers)
    return case


def change_every_item_unchanged(case: Case) -> Case:
    """Every item of every list opened with "Zmień" and put back with "Zapisz zmiany", no field touched."""
    for step in STEPS:
        for q in step.questions:
            if q.kind is not Kind.TABLE:
                continue
            for i, item in enumerate(get_path(case.model_dump(mode="python"), q.path) or []):
                widgets = {c.name: lists.to_widget(c, item.get(c.name)) for c in q.columns}
                back = lists.item_from_widgets(q, widgets, item)
                assert back == item, (q.path, i)
                items = get_path(case.model_dump(mode="python"), q.path)
                case = apply_answers(case, {q.path: [*items[:i], back, *items[i + 1:]]})
    return case


# --- generated cases: every fact the interview asks, filled or not, up to the model's edges --------------------------

def iso(d: date | None) -> str | None:
    return None if d is None else d.isoformat()


# Cheap draws (one choice from a list each, every strategy built once, here) keep 2,000 cases fast; the values are
# the ones that matter: both ends of the model's date range and the old widgets' edge (1950), empty and hostile
# texts, shares with many decimals, rows holding only yes/no answers.
day_values = [None, EARLIEST_DAY, LATEST_DAY, date(1949, 12, 31), date(1950, 1, 1), date(2000, 2, 29), AS_OF]
days = st.sampled_from([iso(d) for d in day_values])
maybe = st.sampled_from([None, True, False])
texts = st.sampled_from([None, "", "Szpital Miejski", "w całości", "**bold**", "<b>x</b>", "[l](javascript:x)",
                         "a\\b", "ż" * 100, "x"])
field_names = st.sampled_from([None, "", "pielęgniarstwo chirurgiczne", "pielęgniarstwo rodzinne", "leczenie ran",
                               "dziedzina spoza listy"])
sessions = st.sampled_from(["2000-wiosna", "2026-jesien", "2027-wiosna", "2099-jesien"])
shares = st.sampled_from([None, 0.0, 1.0, 0.5, 0.3333333, 1e-9])
months = st.sampled_from([None, 0, 6, 600, 2.5, 0.1])


def choice(enum) -> st.SearchStrategy:
    return st.sampled_from([None, *(m.value for m in enum)])


def ordered(pair: tuple[str | None, str | None]) -> tuple[str | None, str | None]:
    a, b = pair
    return (b, a) if a is not None and b is not None and b < a else (a, b)


def _job(se, ongoing, employer, unit, field, in_profession) -> dict:
    start, end = ordered(se)
    return {"start": start, "end": None if ongoing else end, "ongoing": ongoing, "employer": employer, "unit": unit,
            "unit_field": field, "in_profession": in_profession}


def _course(kind, name, field, sc, theory, practice, exam, organizer, certificate, hours) -> dict:
    started, completed = ordered(sc)
    return {"kind": kind, "name": name, "field": field, "started_on": started, "completed_on": completed,
            "theory_passed": theory, "practice_passed": practice, "exam": exam, "organizer": organizer,
            "certificate": certificate, "hours": hours}


def _specialization(field, status, funded, se, share, ekk, organizer) -> dict:
    started, ended = ordered(se)
    return {"field": field, "status": status, "publicly_funded": funded, "started_on": started, "ended_on": ended,
            "hours_share_done": share, "ekk_complete": ekk, "organizer": organizer}


pairs = st.tuples(days, days)
jobs = st.builds(_job, pairs, st.booleans(), texts, texts, field_names, maybe)
courses = st.builds(_course, st.sampled_from([k.value for k in CourseKind]), texts, field_names, pairs, maybe, maybe,
                    choice(ExamResult), texts, texts, st.sampled_from([None, 0, 120, 5000]))
specializations = st.builds(_specialization, field_names, choice(SpecializationStatus), maybe, pairs, shares, maybe,
                            texts)
titles = st.fixed_dictionaries({"field": field_names, "completed_on": days, "diploma": texts, "organizer": texts})
studies = st.fixed_dictionaries({"name": texts, "field": field_names, "completed_on": days, "university": texts,
                                 "certificate": texts})
foreign = st.fixed_dictionaries({"field": field_names, "country": texts, "months": months, "completed_on": days,
                                 "sworn_translation": maybe})
attempts = st.fixed_dictionaries({"session": sessions, "field": field_names, "result": choice(ExamResult)})

# Rows holding only yes/no answers (the defect: "Dalej" dropped such a row).
yes_no_courses = st.builds(lambda k, t, p: {"kind": k, "theory_passed": t, "practice_passed": p},
                           st.sampled_from([k.value for k in CourseKind]), st.booleans(), st.booleans())
yes_no_foreign = st.builds(lambda v: {"sworn_translation": v}, st.booleans())
yes_no_specializations = st.builds(lambda f, e: {"publicly_funded": f, "ekk_complete": e}, st.booleans(), maybe)
yes_no_jobs = st.builds(lambda p: {"in_profession": p}, st.sampled_from([False, None]))


def rows(*strategies, unknown: bool = False) -> st.SearchStrategy:
    listed = st.lists(st.one_of(*strategies), max_size=2)
    return st.one_of(st.none(), listed) if unknown else listed


def _case(version, scopes, exemption, parts) -> dict:
    data = {"schema_version": version}
    for part in parts:
        data |= part
    if exemption is not None:  # a version-2 file holds the scope as its free text
        data["exemption"] = {**exemption, "scope": scopes[1] if version == 2 else scopes[0]}
    return data


interview_cases = st.builds(
    _case, st.sampled_from([2, 3, 3]),
    st.tuples(choice(ExemptionScope),
              st.sampled_from([None, "całość", "w całości", "W części", "część", "częściowo", ""])),
    st.one_of(st.none(), st.fixed_dictionaries({"field": field_names, "granted_on": days})),
    st.tuples(
        st.fixed_dictionaries({"profession": choice(Profession), "person": st.fixed_dictionaries({
            "first_names": texts, "surname": texts, "gender": choice(Gender)})}),
        st.fixed_dictionaries({"right_to_practise": st.fixed_dictionaries({
            "held": maybe, "number": st.sampled_from([None, "", "0312345P", "1234567a"]), "issued_by": texts,
            "year": st.sampled_from([None, 1950, 2001, 2100])})}),
        st.fixed_dictionaries({"degrees": st.fixed_dictionaries({
            "licencjat": maybe, "magister_nursing": maybe, "magister_other_health": maybe, "doctorate": maybe,
            "academic_teacher": maybe, "doctorate_field": texts})}),
        st.fixed_dictionaries({"goal": st.fixed_dictionaries({
            "form": choice(Form), "field": field_names, "publicly_funded": maybe, "wants_exemption": maybe,
            "session": st.one_of(st.none(), sessions), "employer_referral": maybe, "exam_date": days})}),
        st.fixed_dictionaries({
            "employment": rows(jobs, yes_no_jobs, unknown=True),
            "specialist_titles": rows(titles),
            "courses": rows(courses, yes_no_courses),
            "postgraduate_studies": rows(studies),
            "foreign_training": rows(foreign, yes_no_foreign),
            "specializations": rows(specializations, yes_no_specializations, unknown=True),
            "state_exam_attempts": rows(attempts),
        }),
    ),
)
"""A case with every fact the interview asks for drawn: texts, yes/no-only rows, dates at both ends of the model's
range, an exemption (in a version-2 file as its free text), empty and unknown lists."""


def valid(data: dict) -> Case | None:
    try:
        return Case.model_validate(data)
    except ValueError:  # a drawn combination the model refuses (e.g. a text past a length limit): not a case
        return None


# three in four cases drawn here, one in four by tests/test_properties.py (editions, exam sessions and the rest)
any_case = (st.one_of(interview_cases, interview_cases, interview_cases, case_data())
            .map(valid).filter(lambda c: c is not None))
as_of_days = st.sampled_from([date(2026, 1, 20), AS_OF, date(2028, 12, 31)])


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.stem)
def test_every_example_passed_through_every_step_unchanged_comes_back_the_same(path):
    case = load(path)
    assert pass_unchanged(case) == case


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.stem)
def test_every_item_of_every_example_changed_and_saved_untouched_comes_back_the_same(path):
    case = load(path)
    assert change_every_item_unchanged(case) == case


@settings(max_examples=2000, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much])
@given(case=any_case, as_of=as_of_days)
def test_a_generated_case_passed_through_every_step_unchanged_comes_back_the_same(case, as_of):
    assert pass_unchanged(case, as_of) == case
    assert change_every_item_unchanged(case) == case


# --- the defects, one by one, through the functions the page has always used --------------------------------------


@pytest.mark.parametrize("row", [
    {"kind": "kwalifikacyjny", "theory_passed": True, "practice_passed": False},
    {"kind": "specjalistyczny", "theory_passed": False},
], ids=["both", "one"])
def test_a_course_holding_only_yes_no_answers_survives_the_step_passed_unchanged(row):
    case = Case.model_validate({"goal": {"form": "specjalizacja"}, "courses": [row]})
    assert apply_answers(case, answers_of(case, BY_KEY["kursy"])) == case


def test_a_training_abroad_and_a_specialization_holding_only_yes_no_answers_survive_their_steps():
    case = Case.model_validate({"goal": {"form": "specjalizacja"}, "foreign_training": [{"sworn_translation": True}],
                                "specializations": [{"publicly_funded": False}]})
    for step in ("zagranica", "specjalizacje"):
        assert apply_answers(case, answers_of(case, BY_KEY[step])) == case, step


def test_a_job_with_nothing_but_not_in_the_profession_survives_the_step_passed_unchanged():
    case = Case.model_validate({"goal": {"form": "specjalizacja"}, "employment": [{"in_profession": False}]})
    assert apply_answers(case, answers_of(case, BY_KEY["praca"])) == case


def test_a_new_row_with_nothing_given_is_still_dropped_and_one_with_a_yes_no_answer_is_kept():
    """The other side of the boundary: only a row in which nothing at all was given is dropped."""
    case = Case.model_validate({"goal": {"form": "specjalizacja"}})
    new = apply_answers(case, {"foreign_training": [
        {"field": None, "country": "", "months": None, "completed_on": None, "sworn_translation": None},
        {"field": None, "country": "", "months": None, "completed_on": None, "sworn_translation": False}]})
    assert [t.sworn_translation for t in new.foreign_training] == [False]


def test_an_empty_text_in_a_loaded_file_stays_as_it_is_and_a_changed_one_is_cleaned():
    case = Case.model_validate({"right_to_practise": {"issued_by": ""}})
    assert apply_answers(case, {"right_to_practise.issued_by": ""}) == case
    assert apply_answers(case, {"right_to_practise.issued_by": "  ORPiP  "}).right_to_practise.issued_by == "ORPiP"


def test_the_exemption_scope_is_a_choice_of_in_full_in_part_or_nie_wiem():
    q = next(q for q in BY_KEY["specjalizacje"].questions if q.path == "exemption.scope")
    assert q.kind is Kind.CHOICE
    assert [v for v, _ in q.options] == [ExemptionScope.CALOSC, ExemptionScope.CZESC, None]
    assert "nie wiem" in dict(q.options)[None]


@pytest.mark.parametrize("text,scope", [("w całości", ExemptionScope.CALOSC), ("całość", ExemptionScope.CALOSC),
                                        ("w części", ExemptionScope.CZESC)])
def test_a_version_2_files_free_text_exemption_scope_is_shown_chosen_and_kept(text, scope):
    case = Case.model_validate({"schema_version": 2, "goal": {"form": "specjalizacja"},
                                "exemption": {"scope": text, "field": "pielęgniarstwo rodzinne"}})
    q = next(q for q in BY_KEY["specjalizacje"].questions if q.path == "exemption.scope")
    assert Q.widget_value(q, case.exemption.scope, case, AS_OF) is scope
    assert pass_unchanged(case) == case


def test_changing_the_exemption_to_no_decision_with_nothing_else_given_removes_it():
    case = Case.model_validate({"exemption": {"scope": "czesc"}})
    assert apply_answers(case, {"exemption.scope": None, "exemption.field": None,
                                "exemption.granted_on": None}).exemption is None


def test_a_changed_answer_is_read_from_the_widget():
    """The other side: a widget the person changed gives her answer, not the case's."""
    case = Case.model_validate({"right_to_practise": {"year": 2001}, "person": {"surname": "Nowak"}})
    year = next(q for q in BY_KEY["zawod"].questions if q.path == "right_to_practise.year")
    surname = next(q for q in BY_KEY["zawod"].questions if q.path == "person.surname")
    assert Q.answer_of(year, 2002.0, 2001, case, AS_OF) == 2002
    assert Q.answer_of(surname, " Kowalska ", "Nowak", case, AS_OF) == "Kowalska"
    assert Q.answer_of(surname, "", "Nowak", case, AS_OF) is None


# --- one set of date bounds -------------------------------------------------------------------------------------------


def test_the_interview_date_pickers_take_exactly_the_dates_the_case_model_takes():
    assert (lists.DATE_MIN, lists.DATE_MAX) == (Q.DATE_MIN, Q.DATE_MAX) == (EARLIEST_DAY, LATEST_DAY)
    with pytest.raises(ValueError):
        Case.model_validate({"goal": {"exam_date": (EARLIEST_DAY - timedelta(days=1)).isoformat()}})
    with pytest.raises(ValueError):
        Case.model_validate({"goal": {"exam_date": (LATEST_DAY + timedelta(days=1)).isoformat()}})


# --- the real page ----------------------------------------------------------------------------------------------------

EDGE = {
    "goal": {"form": "specjalizacja", "exam_date": None},
    "person": {"surname": ""},
    "employment": [{"start": "1900-01-01", "end": "2100-12-31", "in_profession": None},
                   {"in_profession": False}],
    "specialist_titles": [{"field": "pielęgniarstwo rodzinne", "completed_on": "1900-01-01"}],
    "courses": [{"kind": "kwalifikacyjny", "theory_passed": True, "practice_passed": False},
                {"kind": "specjalistyczny", "name": "Kurs", "started_on": "1900-01-01", "completed_on": "2100-12-31"}],
    "postgraduate_studies": [{"name": "Studia", "completed_on": "2100-12-31"}],
    "foreign_training": [{"sworn_translation": True}, {"field": "leczenie ran", "months": 2.5}],
    "specializations": [{"publicly_funded": False}, {"field": "pielęgniarstwo rodzinne", "started_on": "1900-01-01",
                                                     "hours_share_done": 0.3333333}],
    "exemption": {"scope": "w całości", "field": "pielęgniarstwo rodzinne", "granted_on": "2100-12-31"},
}
EDGE_CASES = {
    "edges-v2": Case.model_validate({"schema_version": 2, **EDGE}),
    "edges-egzamin": Case.model_validate({"schema_version": 2, **EDGE,
                                         "goal": {"form": "egzamin_panstwowy", "exam_date": "2100-12-31"}}),
    "edges-nie-wiem": Case.model_validate({"schema_version": 2, **EDGE, "goal": {"form": None}}),
}
PAGE_CASES = {p.stem: load(p) for p in EXAMPLES} | EDGE_CASES


def open_loaded(case: Case):
    """The interview as after loading `case` on "Zapisz / wczytaj": every asked step saved, from the first step."""
    return open_app_page(PAGE, AS_OF, case=case, iv_answered={s.key for s in steps_for(case.goal.form)},
                         iv_step=steps_for(case.goal.form)[0].key)


def press_dalej_through_every_step(at) -> list[str]:
    visited = []
    while at.session_state["iv_step"] != REVIEW_STEP:
        step = at.session_state["iv_step"]
        assert step not in visited, f"Dalej did not leave {step}: {[e.value for e in at.error]}"
        visited.append(step)
        at.button(key=f"next.{step}").click().run()
        assert_ok(at)
    return visited


@pytest.mark.parametrize("name", PAGE_CASES, ids=str)
def test_the_page_opens_every_step_of_a_loaded_case_and_dalej_through_all_of_them_gives_it_back(name):
    case = PAGE_CASES[name]
    at = open_loaded(case)
    visited = press_dalej_through_every_step(at)
    assert visited == [s.key for s in steps_for(case.goal.form) if s.key != REVIEW_STEP]
    assert at.session_state["case"] == case


def test_the_date_pickers_drawn_on_the_page_offer_the_models_range():
    at = open_loaded(EDGE_CASES["edges-egzamin"])
    at.button(key="next.cel").click().run()  # "Więcej o Twoim celu": the exam date
    [picker] = [d for d in at.date_input if d.key.endswith("goal.exam_date")]
    assert (picker.min, picker.max) == (EARLIEST_DAY, LATEST_DAY)
    assert picker.value == LATEST_DAY


def test_an_item_with_a_fractional_duration_is_opened_and_saved_unchanged_on_the_page():
    case = EDGE_CASES["edges-v2"]
    at = open_app_page(PAGE, AS_OF, case=case, iv_answered={s.key for s in steps_for(case.goal.form)},
                       iv_step="zagranica")
    at.button(key="list.edit.foreign_training.1").click().run()
    assert_ok(at)
    at.button(key="list.save.foreign_training").click().run()
    assert_ok(at)
    assert at.session_state["case"] == case
    at = open_app_page(PAGE, AS_OF, case=case, iv_answered={s.key for s in steps_for(case.goal.form)},
                       iv_step="specjalizacje")
    at.button(key="list.edit.specializations.1").click().run()
    at.button(key="list.save.specializations").click().run()
    assert_ok(at)
    assert at.session_state["case"].specializations[1].hours_share_done == 0.3333333


@pytest.mark.parametrize("day", [EARLIEST_DAY, LATEST_DAY], ids=str)
def test_an_edition_starting_on_either_end_of_the_models_range_opens_nabor_and_the_intake_with_that_date(day):
    from logic.case import Edition

    edition = Edition.model_validate({"form": "specjalizacja", "planned_start": day.isoformat()})
    for page, key in (("app_pages/6_Nabor_i_komisja.py", "planned_start"), ("app_pages/7_Podglad_naboru.py", "start")):
        at = open_app_page(page, AS_OF, **{"ed.edition": edition})
        [picker] = [d for d in at.date_input if d.key and d.key.endswith(key)]
        assert (picker.min, picker.max, picker.value) == (EARLIEST_DAY, LATEST_DAY, day), page
