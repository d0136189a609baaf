"""The interview as data (logic/interview.py): which steps are asked for which goal, going forward and back, and how
answers become the case. No Streamlit here: the pages only render these steps."""
from datetime import date

import pytest
from pydantic import ValidationError

from logic import Case
from logic.case import CourseKind, ExemptionScope, Form, SpecializationStatus
from logic.glossary import BY_KEY as TERMS
from logic.interview import (BY_KEY, FIRST_STEP, REVIEW_STEP, STEPS, Kind, answers_of, apply_answers, describe_path,
                             next_step, previous_step, progress, question_for_path, session_label, sessions_around,
                             steps_for)


def keys(goal):
    return [s.key for s in steps_for(goal)]


def walk(goal):
    """The keys visited by pressing "Dalej" from the first step until the end."""
    out, current = [], FIRST_STEP
    while current:
        out.append(current)
        current = next_step(current, goal)
    return out


def test_specjalizacja_asks_every_topic_of_the_person():
    assert keys(Form.SPECJALIZACJA) == ["cel", "cel_szczegoly", "zawod", "praca", "wyksztalcenie", "kursy", "studia",
                                        "zagranica", "specjalizacje", "egzamin", "przeglad"]


def test_kurs_specjalistyczny_skips_work_history_courses_and_studies_because_no_rule_reads_them():
    assert keys(Form.KURS_SPECJALISTYCZNY) == ["cel", "cel_szczegoly", "zawod", "przeglad"]
    assert keys(Form.KURS_DOKSZTALCAJACY) == ["cel", "cel_szczegoly", "zawod", "przeglad"]


def test_kurs_kwalifikacyjny_asks_work_courses_and_begun_specializations_but_not_studies_abroad_or_exams():
    assert keys(Form.KURS_KWALIFIKACYJNY) == ["cel", "cel_szczegoly", "zawod", "praca", "wyksztalcenie", "kursy",
                                             "specjalizacje", "przeglad"]


def test_state_exam_asks_specializations_and_attempts_but_not_work_history():
    assert keys(Form.EGZAMIN_PANSTWOWY) == ["cel", "cel_szczegoly", "zawod", "wyksztalcenie", "specjalizacje",
                                            "egzamin", "przeglad"]


def test_a_person_who_does_not_know_her_goal_skips_the_goal_details_and_answers_everything_else():
    assert "cel_szczegoly" not in keys(None)
    assert set(keys(None)) == {s.key for s in STEPS} - {"cel_szczegoly"}


@pytest.mark.parametrize("goal", [*Form, None])
def test_pressing_next_visits_exactly_the_asked_steps_and_ends_with_the_review(goal):
    assert walk(goal) == keys(goal)
    assert walk(goal)[-1] == REVIEW_STEP


@pytest.mark.parametrize("goal", [*Form, None])
def test_back_undoes_next(goal):
    ks = keys(goal)
    for a, b in zip(ks, ks[1:]):
        assert previous_step(b, goal) == a
    assert previous_step(FIRST_STEP, goal) is None


def test_after_changing_the_goal_a_step_no_longer_asked_continues_with_the_next_asked_one():
    # "studia" is asked for a specjalizacja but not for a kurs kwalifikacyjny
    assert next_step("studia", Form.KURS_KWALIFIKACYJNY) == "specjalizacje"
    assert previous_step("studia", Form.KURS_KWALIFIKACYJNY) == "kursy"


def test_progress_counts_only_the_asked_steps():
    assert progress("zawod", Form.KURS_SPECJALISTYCZNY) == (3, 4)
    assert progress(REVIEW_STEP, Form.SPECJALIZACJA) == (11, 11)


def test_goal_detail_questions_depend_on_the_goal():
    step = BY_KEY["cel_szczegoly"]
    paths = lambda goal: [q.path for q in step.questions_for(goal)]  # noqa: E731
    assert paths(Form.SPECJALIZACJA) == ["goal.publicly_funded", "goal.employer_referral", "goal.wants_exemption"]
    assert paths(Form.EGZAMIN_PANSTWOWY) == ["goal.wants_exemption", "goal.session", "goal.exam_date"]
    assert paths(Form.KURS_DOKSZTALCAJACY) == ["goal.employer_referral"]


def test_every_question_path_exists_in_the_case_model():
    data = Case().model_dump()
    for step in STEPS:
        for q in step.questions:
            head, *rest = q.path.split(".")
            assert head in Case.model_fields, q.path
            if rest and head not in ("exemption",):
                assert rest[0] in data[head], q.path


def test_every_yes_no_question_offers_nie_wiem_and_every_term_is_in_the_glossary():
    for step in STEPS:
        for q in step.questions:
            if q.term:
                assert q.term in TERMS, q.term
                assert TERMS[q.term].plain_on(date(2026, 12, 1)) in q.tooltip(date(2026, 12, 1))
            if q.kind is Kind.YES_NO:
                assert q.tooltip(date(2026, 12, 1)) is None or isinstance(q.tooltip(date(2026, 12, 1)), str)
            for c in q.columns:
                if c.kind is Kind.YES_NO:
                    assert (None, "nie wiem") in c.options


def test_apply_answers_sets_the_goal_and_keeps_the_rest():
    case = Case.model_validate({"profession": "pielegniarka"})
    new = apply_answers(case, {"goal.form": Form.SPECJALIZACJA, "goal.field": "  pielęgniarstwo rodzinne "})
    assert new.goal.form is Form.SPECJALIZACJA
    assert new.goal.field == "pielęgniarstwo rodzinne"
    assert new.profession.value == "pielegniarka"


def test_an_empty_text_means_not_given():
    new = apply_answers(Case(), {"right_to_practise.number": "   "})
    assert new.right_to_practise.number is None


def test_nie_wiem_for_work_history_is_none_and_no_work_is_an_empty_list():
    assert apply_answers(Case(), {"employment": None}).employment is None
    assert apply_answers(Case(), {"employment": []}).employment == []


def test_blank_table_rows_are_dropped_even_with_their_default_ticks():
    rows = [{"start": date(2020, 1, 1), "end": None, "ongoing": True, "employer": "Szpital", "unit": None,
             "unit_field": None, "in_profession": True},
            {"start": None, "end": None, "ongoing": False, "employer": "", "unit": None, "unit_field": None,
             "in_profession": True}]
    new = apply_answers(Case(), {"employment": rows})
    assert len(new.employment) == 1 and new.employment[0].ongoing


def test_an_ongoing_job_with_an_end_date_is_refused_with_a_polish_message_naming_the_row():
    rows = [{"start": date(2020, 1, 1), "end": date(2021, 1, 1), "ongoing": True, "employer": "Szpital"}]
    with pytest.raises(ValidationError) as err:
        apply_answers(Case(), {"employment": rows})
    assert "trwające" in str(err.value)


def test_a_wrong_pwz_number_is_refused():
    with pytest.raises(ValidationError):
        apply_answers(Case(), {"right_to_practise.number": "12345"})


def test_an_exemption_with_nothing_filled_is_no_exemption():
    new = apply_answers(Case(), {"exemption.scope": None, "exemption.field": None, "exemption.granted_on": None})
    assert new.exemption is None
    new = apply_answers(Case(), {"exemption.scope": ExemptionScope.CALOSC,
                                 "exemption.field": "pielęgniarstwo rodzinne"})
    assert new.exemption.scope is ExemptionScope.CALOSC


def test_answers_of_reads_back_what_apply_answers_wrote():
    case = apply_answers(Case(), {
        "goal.form": Form.SPECJALIZACJA,
        "courses": [{"kind": CourseKind.KWALIFIKACYJNY, "name": "Kurs", "completed_on": date(2010, 5, 1)}],
        "specializations": [{"field": "pielęgniarstwo rodzinne", "status": SpecializationStatus.INTERRUPTED}],
    })
    assert answers_of(case, BY_KEY["cel"])["goal.form"] is Form.SPECJALIZACJA
    assert answers_of(case, BY_KEY["kursy"])["courses"][0]["name"] == "Kurs"
    assert answers_of(case, BY_KEY["specjalizacje"])["specializations"][0]["status"] is SpecializationStatus.INTERRUPTED


def test_a_missing_fact_named_by_a_rule_leads_to_its_question():
    step, q, column = question_for_path("courses[1].completed_on")
    assert (step.key, q.path, column.name) == ("kursy", "courses", "completed_on")
    assert describe_path("courses[1].completed_on") == "Ukończone kursy, wiersz 2: Data ukończenia"
    assert question_for_path("right_to_practise.held")[0].key == "zawod"
    assert question_for_path("employment[].unit_field")[0].key == "praca"
    assert question_for_path("edition.places") is None
    assert describe_path("edition.places") == "edition.places"


def test_sessions_are_offered_in_order_with_polish_names():
    assert sessions_around(2026, before=0, after=1) == ["2026-wiosna", "2026-jesien", "2027-wiosna", "2027-jesien"]
    assert session_label("2026-jesien") == "jesień 2026"
