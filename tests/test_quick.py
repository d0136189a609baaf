"""The help desk's quick questions (logic/quick.py), node by node, without Streamlit – as GOV.UK Smart Answers tests
its flows: each question, the effect of each input, both sides of every boundary, and "nie wiem" asking for the fact.

Expected values are worked out by hand from the law and logic/parameters.yaml, never copied from the code's output.
The day asked about is Monday 23 November 2026 unless a test says otherwise. What they rest on:

- sessions (§ 12 ust. 1): spring 1 March – 31 May, autumn 1 September – 30 November; applications (§ 9 ust. 2) by
  30 November of the year before (spring) and by 31 May (autumn); the fee (§ 10, § 37 ust. 3) 350 zł from autumn
  2026, 170 zł in spring 2026, paid at the latest 5 days after the application deadline (art. 67 ust. 8 ustawy); a term
  to act ending on a Saturday, Sunday or holiday runs to the next working day (KPA art. 57 § 4). Calendar:
  30 Nov 2026 Monday, 5 Dec 2026 Saturday (→ Monday 7 Dec), 31 May 2027 Monday, 5 Jun 2027 Saturday (→ Monday
  7 Jun), 30 Nov 2027 Tuesday, 5 Dec 2027 Sunday (→ Monday 6 Dec), 31 May 2026 Sunday (→ Monday 1 Jun 2026);
- who runs the exam: CMKP until 31 Dec 2026, CEM from 1 Jan 2027 (by the session's first day);
- entry (art. 67 ust. 4 pkt 2, art. 71 ust. 2 pkt 2 ustawy): 2 years of work in the last 5 years before a
  specialization, 6 months before a qualification course, counted as employers count (calendar months per run,
  30 left-over days make a month; docs/READINGS.md reading 1) up to the day before the day asked about;
- credits (§ 4 ust. 2 and 4, § 22 ust. 2): only training completed after 1 July 1999; abroad at least 3 months with a
  sworn translation; the same field → on request, another field → the organizer decides;
- funded specializations (art. 70 ust. 5–7 ustawy): another funded one from the day after 5 years from the end of
  the previous funded one; one at a time;
- the state-exam commission (§ 14 ust. 2–4): up to 150 candidates 4 members, up to 300 6, … up to 900 14, more 15;
  at most 6 more; at least 3 (up to 600 candidates) or 5 members when it must work short; an exam is held for at
  least 20 candidates unless the minister consents (§ 13 ust. 4–5);
- the supplementary round (§ 3 ust. 7–8): free places and the programme not begun, or at most 10 % of its hours
  done and at most 1 month from the planned start.
"""
from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pytest

from logic import parameters as P
from logic.case import Edition, Form
from logic.decision import Outcome
from logic.quick import (BY_KEY, QUESTIONS, InputKind, QuickInputError, answer, case_for, decisions_for,
                         sessions_ahead, sessions_begun)
from tests.test_no_literal_parameters import forbidden_forms, offending

ROOT = Path(__file__).resolve().parent.parent
AS_OF = date(2026, 11, 23)
D = date


def ans(key: str, on: date = AS_OF, **inputs):
    return answer(key, inputs, on)


def label(key: str, input_key: str) -> str:
    return next(i.label for i in BY_KEY[key].inputs if i.key == input_key)


def rules(a) -> list[str]:
    return [d.rule for d in a.decisions]


def basis(a) -> list[str]:
    return [r.label for r in a.legal_basis]


MARKDOWN = re.compile(r"\*\*|__|`|\[[^\]]*\]\(|^#|^\s*[-*+] |:material/|<[a-z]", re.MULTILINE)


# --- the registry --------------------------------------------------------------------------------------------------


def test_the_most_common_question_the_next_state_exam_session_comes_first():
    assert QUESTIONS[0].key == "egzamin_termin"
    assert QUESTIONS[1].key == "egzamin_poprawka"


def test_the_questions_of_the_issue_are_all_there_each_with_a_polish_title_inputs_and_the_rules_that_answer_it():
    assert [q.key for q in QUESTIONS] == ["egzamin_termin", "egzamin_poprawka", "wejscie", "zaliczenie", "doktorat",
                                          "cmkp_cem", "dokumenty", "druga_dofinansowana", "komisja", "uzupelniajace"]
    for q in QUESTIONS:
        assert q.title and q.description and q.rules, q.key
        assert len({i.key for i in q.inputs}) == len(q.inputs), q.key
        for i in q.inputs:
            assert i.label and isinstance(i.kind, InputKind), (q.key, i.key)


def test_no_question_asks_for_a_name_a_pwz_number_or_any_free_text_about_a_person():
    for q in QUESTIONS:
        for i in q.inputs:
            assert not re.search(r"imi|nazwisk|numer pwz|pesel|adres", i.label, re.IGNORECASE), (q.key, i.label)
            assert i.kind is not None and i.kind.value != "text"


def test_an_answer_names_only_decisions_of_the_rules_the_question_declares():
    samples = {"egzamin_termin": {"finished_on": D(2027, 5, 31)}, "egzamin_poprawka": {"result": "niezdany",
               "session": "2026-jesien"}, "wejscie": {"pwz": True, "work_start": D(2020, 1, 1)},
               "zaliczenie": {"target": "specjalizacja", "kind": "studia", "completed_on": D(2020, 1, 1),
                              "field": "a", "target_field": "a"}, "doktorat": {"doctorate": True},
               "cmkp_cem": {}, "dokumenty": {"application": "specjalizacja_dofinansowana"},
               "druga_dofinansowana": {"previous": "brak"}, "komisja": {"candidates": 10},
               "uzupelniajace": {"places": 3, "qualified": 1, "programme_started": False}}
    for q in QUESTIONS:
        a = answer(q.key, samples[q.key], AS_OF)
        assert a.decisions, q.key
        assert set(rules(a)) <= set(q.rules), q.key


def test_the_decisions_are_the_rules_engine_s_own_for_the_case_the_inputs_describe():
    from logic.assess import assess

    inputs = {"finished_on": D(2027, 5, 31)}
    case = case_for("egzamin_termin", inputs, AS_OF)
    engine = [d for d in assess(case, AS_OF).decisions if d.rule in ("f.session", "f.session.following")]
    assert decisions_for("egzamin_termin", inputs, AS_OF) == engine
    assert answer("egzamin_termin", inputs, AS_OF).decisions == engine


def test_an_unknown_input_or_a_choice_not_offered_is_refused_in_polish():
    with pytest.raises(QuickInputError, match="nieznane pole"):
        ans("egzamin_termin", name="Anna")
    with pytest.raises(QuickInputError, match="wybierz jedną z podanych odpowiedzi"):
        ans("dokumenty", application="paszport")
    with pytest.raises(QuickInputError, match="oczekiwano daty"):
        ans("egzamin_termin", finished_on="31.05.2027")


def test_before_the_regulation_entered_into_force_the_answer_says_so():
    a = ans("egzamin_termin", on=D(2026, 1, 19), finished_on=D(2025, 12, 1))
    assert rules(a) == ["j.before_regulation"]
    assert "20 stycznia 2026 r." in a.headline


# --- 1. the next state-exam session ----------------------------------------------------------------------------------


def test_without_a_completion_date_the_next_session_is_counted_from_the_day_and_the_date_is_asked_for():
    a = ans("egzamin_termin")
    assert a.decisions[0].rule == "f.session"
    assert a.decisions[0].facts["session"] == "2027-wiosna"
    assert label("egzamin_termin", "finished_on") in a.ask
    assert "sesja wiosenna 2027 r." in a.verdict


def test_finished_in_october_2026_she_applies_by_30_november_2026_for_spring_2027_and_pays_350_zl_by_7_december():
    a = ans("egzamin_termin", finished_on=D(2026, 10, 15))
    f = a.decisions[0].facts
    assert (f["session"], f["fee_pln"], f["authority"]) == ("2027-wiosna", 350, "CEM")
    assert (f["application_deadline"], f["application_last_day"]) == ("2026-11-30", "2026-11-30")
    assert (f["fee_deadline"], f["fee_last_day"]) == ("2026-12-05", "2026-12-07")   # Saturday → Monday
    assert (f["session_start"], f["session_end"]) == ("2027-03-01", "2027-05-31")
    assert a.ask == []
    for text in ("30 listopada 2026 r.", "350 zł", "5 grudnia 2026 r. (sobota) – termin upływa 7 grudnia 2026 r.",
                 "od 1 marca 2027 r. do 31 maja 2027 r.", "CEM"):
        assert text in a.headline, text


@pytest.mark.parametrize("finished, session", [
    (D(2026, 11, 30), "2027-wiosna"),  # on the spring deadline: still in time
    (D(2026, 12, 1), "2027-jesien"),   # the day after
    (D(2027, 5, 31), "2027-jesien"),   # on the autumn deadline (a Monday)
    (D(2027, 6, 1), "2028-wiosna"),    # the day after
])
def test_a_specialization_finished_on_the_deadline_still_makes_that_session_and_the_day_after_the_next(finished,
                                                                                                      session):
    assert ans("egzamin_termin", finished_on=finished).decisions[0].facts["session"] == session


def test_a_planned_end_in_june_2027_gives_spring_2028_with_the_fee_due_on_sunday_5_december_so_by_monday_6th():
    a = ans("egzamin_termin", finished_on=D(2027, 6, 1))
    assert "licząc od ukończenia specjalizacji 1 czerwca 2027 r." in a.verdict
    assert "30 listopada 2027 r." in a.headline
    assert "5 grudnia 2027 r. (niedziela) – termin upływa 6 grudnia 2027 r." in a.headline


@pytest.mark.parametrize("on, session", [(D(2026, 11, 30), "2027-wiosna"), (D(2026, 12, 1), "2027-jesien")])
def test_asked_on_the_spring_deadline_it_is_still_spring_and_the_day_after_it_is_autumn(on, session):
    assert ans("egzamin_termin", on=on, finished_on=D(2026, 10, 1)).decisions[0].facts["session"] == session


@pytest.mark.parametrize("on, session", [(D(2026, 6, 1), "2026-jesien"), (D(2026, 6, 2), "2027-wiosna")])
def test_the_autumn_2026_deadline_fell_on_sunday_31_may_so_monday_1_june_is_still_in_time(on, session):
    a = ans("egzamin_termin", on=on, finished_on=D(2026, 4, 1))
    assert a.decisions[0].facts["session"] == session
    if session == "2026-jesien":
        assert a.decisions[0].facts["authority"] == "CMKP"
        assert a.decisions[0].facts["fee_deadline"] == "2026-06-05"  # 31 May + 5 days, a Friday


def test_the_answer_gives_the_dated_steps_with_the_moved_last_day_and_the_following_session_beside_it():
    a = ans("egzamin_termin", finished_on=D(2026, 10, 15))
    when = {s.code: w for s, (w, _) in zip(a.steps, a.dates())}
    assert when["application_deadline"] == "30 listopada 2026 r."
    assert when["fee_deadline"] == "5 grudnia 2026 r. (sobota) – termin upływa 7 grudnia 2026 r."
    assert when["session_window"] == "1 marca 2027 r. – 31 maja 2027 r."
    assert len(a.also) == 1 and "sesja jesienna 2027 r." in a.also[0].lower() and "31 maja 2027 r." in a.also[0]


def test_the_session_answer_carries_its_legal_basis_with_links_and_the_cem_note():
    a = ans("egzamin_termin", finished_on=D(2026, 10, 15))
    assert {"§ 9 ust. 2", "§ 10", "§ 12 ust. 1", "art. 67 ust. 8"} <= set(basis(a))
    assert all(r.url.startswith("https://api.sejm.gov.pl/eli/acts/") for r in a.legal_basis)
    assert "cem_from_2027" in [n.code for n in a.notes]
    assert "Potwierdzenie wniesienia opłaty za egzamin" in a.documents


def test_a_draft_fee_of_400_zl_from_spring_2027_changes_the_answer():
    overlay = {"exam_fee_pln": [{"from": "2027-wiosna", "value": 400, "last_checked": "2026-12-01",
                                 "ref": {"act": "rozporzadzenie_2026", "unit": "10"}}]}
    with P.overlaid(overlay):
        a = ans("egzamin_termin", finished_on=D(2026, 10, 15))
    assert "opłata 400 zł" in a.headline and "350 zł" not in a.headline


# --- 2. after a failed or missed exam --------------------------------------------------------------------------------


def test_after_a_failed_exam_she_applies_again_for_spring_2027_with_a_new_application_and_the_fee_again():
    a = ans("egzamin_poprawka", result="niezdany", session="2026-jesien")
    assert rules(a) == ["f.retake"]
    assert a.decisions[0].facts["session"] == "2027-wiosna"
    assert "sesja wiosenna 2027 r." in a.verdict
    assert "nowy wniosek" in a.headline and "ponownie wnosisz opłatę" in a.headline and "350 zł" in a.headline
    assert "§ 17" in basis(a) and "§ 16" not in basis(a)
    assert a.ask == [label("egzamin_poprawka", "earlier_failures")]


def test_after_missing_the_exam_the_basis_is_par_16_not_par_17():
    a = ans("egzamin_poprawka", result="nieobecność", session="2026-jesien", earlier_failures=0)
    assert "§ 16" in basis(a) and "§ 17" not in basis(a)
    assert a.ask == []


@pytest.mark.parametrize("earlier, warned", [(0, False), (1, True)])
def test_a_second_failure_in_the_field_warns_of_the_bar_after_three_and_a_first_does_not(earlier, warned):
    a = ans("egzamin_poprawka", result="niezdany", session="2026-jesien", earlier_failures=earlier)
    assert a.decisions[0].facts["failed_attempts"] == earlier + 1
    assert ("three_failures" in [n.code for n in a.notes]) is warned
    assert ("art. 70 ust. 7" in basis(a)) is warned


def test_without_the_result_and_the_session_the_next_session_is_given_and_both_are_asked_for():
    a = ans("egzamin_poprawka")
    assert rules(a) == ["f.session"]
    assert a.decisions[0].facts["session"] == "2027-wiosna"
    assert label("egzamin_poprawka", "result") in a.ask and label("egzamin_poprawka", "session") in a.ask


@pytest.mark.parametrize("on, newest", [(D(2026, 8, 31), "2026-wiosna"), (D(2026, 9, 1), "2026-jesien")])
def test_the_session_of_the_last_exam_is_chosen_among_sessions_begun_by_the_day_asked_about(on, newest):
    offered = [code for code, _ in sessions_begun(on)]
    assert offered[0] == newest and len(offered) == 6


def test_a_session_that_has_not_begun_is_not_offered_for_a_past_exam():
    with pytest.raises(QuickInputError):
        ans("egzamin_poprawka", result="niezdany", session="2027-wiosna")


# --- 3. entry: a specialization or a qualification course ------------------------------------------------------------


def test_two_years_of_work_since_23_november_2024_meet_the_specialization_s_requirement():
    a = ans("wejscie", form="specjalizacja", pwz=True, work_start=D(2024, 11, 23))
    assert a.outcome is Outcome.MEETS
    assert a.verdict == "Tak – możesz złożyć wniosek o specjalizację"
    assert "2 lata" in a.headline


def test_23_months_of_work_do_not_and_the_earliest_day_is_a_month_later():
    # 23 Dec 2024 – 22 Nov 2026 is 23 months; on 23 Dec 2026 the work up to 22 Dec 2026 is 24 months.
    a = ans("wejscie", form="specjalizacja", pwz=True, work_start=D(2024, 12, 23))
    assert a.outcome is Outcome.DOES_NOT_MEET
    assert a.decisions[0].earliest_date == D(2026, 12, 23)
    assert "najwcześniej od 23 grudnia 2026 r." in a.verdict
    assert "1 rok i 11 miesięcy" in a.headline
    assert [when for when, _ in a.dates()] == ["od 23 grudnia 2026 r."]


def test_without_knowing_the_pwz_the_answer_asks_for_it_even_when_the_work_is_enough():
    a = ans("wejscie", form="specjalizacja", work_start=D(2020, 1, 1))
    assert a.outcome is Outcome.NEEDS_REVIEW
    assert label("wejscie", "pwz") in a.ask


def test_without_the_pwz_no_form_can_be_started_and_no_date_is_given():
    a = ans("wejscie", form="kurs_kwalifikacyjny", pwz=False, work_start=D(2020, 1, 1))
    assert a.outcome is Outcome.DOES_NOT_MEET and a.decisions[0].earliest_date is None
    assert a.verdict.startswith("Nie – bez prawa wykonywania zawodu")


def test_without_the_start_of_work_the_answer_asks_for_it_and_the_end_of_work_is_not_asked():
    q = BY_KEY["wejscie"]
    assert [i.key for i in q.inputs_for({"pwz": True}, AS_OF)] == ["form", "pwz", "work_start"]
    a = ans("wejscie", form="specjalizacja", pwz=True)
    assert a.outcome is Outcome.NEEDS_REVIEW
    assert a.ask == [label("wejscie", "work_start")]


@pytest.mark.parametrize("start, met, earliest", [
    (D(2026, 5, 23), True, None),             # 23 May – 22 Nov: 6 months
    (D(2026, 5, 25), False, D(2026, 11, 24)),  # 5 months and 29 days; on 24 Nov: 5 months and 30 days = 6 months
])
def test_a_qualification_course_needs_six_months_of_work(start, met, earliest):
    a = ans("wejscie", form="kurs_kwalifikacyjny", pwz=True, work_start=start)
    assert (a.outcome is Outcome.MEETS) is met
    assert a.decisions[0].earliest_date == earliest


def test_a_break_in_work_counts_both_periods_in_the_last_five_years():
    # 2023 (12 months) + from 1 Jan 2026: on 31 Dec 2026 the second run, to 30 Dec, is 11 months and 30 days = 12.
    a = ans("wejscie", form="specjalizacja", pwz=True, work_start=D(2023, 1, 1), work_end=D(2023, 12, 31),
            work2_start=D(2026, 1, 1))
    assert a.outcome is Outcome.DOES_NOT_MEET
    assert a.decisions[0].earliest_date == D(2026, 12, 31)
    assert "experience_summed" in [n.code for n in a.notes]


def test_after_the_work_ended_without_a_second_period_no_earliest_date_can_be_given():
    a = ans("wejscie", form="specjalizacja", pwz=True, work_start=D(2023, 1, 1), work_end=D(2023, 12, 31))
    assert a.outcome is Outcome.DOES_NOT_MEET and a.decisions[0].earliest_date is None
    assert a.verdict == "Jeszcze nie – dziś nie możesz złożyć wniosku o specjalizację"


def test_nie_wiem_about_the_form_answers_for_both_the_specialization_and_the_qualification_course():
    a = ans("wejscie", pwz=True, work_start=D(2026, 1, 1))  # 10 months and 22 days
    assert rules(a) == ["a.specjalizacja.entry", "a.kurs_kwalifikacyjny.entry"]
    assert a.outcome is Outcome.DOES_NOT_MEET
    assert a.also and a.also[0].startswith("Tak – możesz złożyć wniosek o kurs kwalifikacyjny")


def test_a_period_that_ends_before_it_begins_is_refused_with_a_polish_message():
    with pytest.raises(QuickInputError, match="koniec zatrudnienia jest wcześniejszy niż początek"):
        ans("wejscie", pwz=True, work_start=D(2024, 1, 1), work_end=D(2023, 1, 1))


def test_the_inputs_become_a_case_with_the_periods_of_work():
    case = case_for("wejscie", {"form": "specjalizacja", "pwz": True, "work_start": D(2023, 1, 1),
                                "work_end": D(2023, 12, 31), "work2_start": D(2026, 1, 1)}, AS_OF)
    assert case.goal.form is Form.SPECJALIZACJA and case.right_to_practise.held is True
    assert [(e.start, e.end, e.ongoing) for e in case.employment] == [
        (D(2023, 1, 1), D(2023, 12, 31), False), (D(2026, 1, 1), None, True)]
    assert case.person.first_names is None and case.person.surname is None


# --- 4. credits -------------------------------------------------------------------------------------------------------

SURGERY = "pielęgniarstwo chirurgiczne"


def credit(**inputs):
    base = {"target": "specjalizacja", "kind": "kurs_kwalifikacyjny", "completed_on": D(2010, 5, 5),
            "field": SURGERY, "target_field": SURGERY}
    return answer("zaliczenie", {**base, **inputs}, AS_OF)


@pytest.mark.parametrize("day, outcome", [(D(1999, 7, 1), Outcome.DOES_NOT_MEET), (D(1999, 7, 2), Outcome.ON_REQUEST)])
def test_a_qualification_course_counts_only_when_completed_after_1_july_1999(day, outcome):
    a = credit(completed_on=day)
    assert a.decisions[0].rule == "d.specjalizacja.credit.course"
    assert a.outcome is outcome


def test_a_course_in_the_same_field_is_credited_on_request_with_annex_1_and_in_another_field_the_organizer_decides():
    same = credit()
    assert same.outcome is Outcome.ON_REQUEST
    assert any("załącznik nr 1" in doc for doc in same.documents)
    assert same.also and "d.specjalizacja.procedure" in rules(same)
    assert credit(field="pielęgniarstwo onkologiczne").outcome is Outcome.FOR_DECISION


def test_a_continuing_education_course_is_no_ground_for_a_credit_in_a_specialization():
    assert credit(kind="kurs_doksztalcajacy").outcome is Outcome.DOES_NOT_MEET


def test_a_specialist_title_in_the_same_field_is_not_a_ground_and_in_another_field_the_organizer_decides():
    assert credit(kind="tytul").outcome is Outcome.DOES_NOT_MEET
    assert credit(kind="tytul", field="pielęgniarstwo onkologiczne").outcome is Outcome.FOR_DECISION


def test_postgraduate_studies_in_the_field_are_credited_on_request_towards_a_specialization_but_not_a_course():
    assert credit(kind="studia").outcome is Outcome.ON_REQUEST
    kk = credit(target="kurs_kwalifikacyjny", kind="studia")
    assert kk.decisions[0].rule == "d.kurs_kwalifikacyjny.credit" and kk.outcome is Outcome.DOES_NOT_MEET


@pytest.mark.parametrize("months, outcome", [(2, Outcome.DOES_NOT_MEET), (3, Outcome.ON_REQUEST)])
def test_training_abroad_counts_from_three_months_with_a_sworn_translation(months, outcome):
    assert credit(kind="zagranica", months=months, sworn_translation=True).outcome is outcome


def test_training_abroad_without_knowing_the_translation_asks_for_it():
    a = credit(kind="zagranica", months=4)
    assert a.outcome is Outcome.NEEDS_REVIEW
    assert label("zaliczenie", "sworn_translation") in a.ask


def test_the_months_and_the_translation_are_asked_only_for_training_abroad_and_its_date_is_not():
    q = BY_KEY["zaliczenie"]
    asked = [i.key for i in q.inputs_for({"target": "specjalizacja", "kind": "studia"}, AS_OF)]
    assert "months" not in asked and "sworn_translation" not in asked and "completed_on" in asked
    abroad = {i.key for i in q.inputs_for({"kind": "zagranica"}, AS_OF)}
    assert {"months", "sworn_translation"} <= abroad and "completed_on" not in abroad
    a = credit(kind="zagranica", completed_on=None, months=3, sworn_translation=True)
    assert a.outcome is Outcome.ON_REQUEST and a.ask == []


def test_training_abroad_is_not_offered_towards_a_qualification_course():
    kinds = next(i for i in BY_KEY["zaliczenie"].inputs if i.key == "kind")
    assert "zagranica" not in dict(kinds.options_for({"target": "kurs_kwalifikacyjny"}, AS_OF))
    with pytest.raises(QuickInputError):
        credit(target="kurs_kwalifikacyjny", kind="zagranica")


def test_a_specialist_course_in_the_field_counts_towards_a_qualification_course_on_request():
    assert credit(target="kurs_kwalifikacyjny", kind="kurs_specjalistyczny").outcome is Outcome.ON_REQUEST


def test_without_the_completion_date_the_credit_cannot_be_judged_and_the_date_is_asked_for():
    a = credit(completed_on=None)
    assert a.outcome is Outcome.NEEDS_REVIEW
    assert label("zaliczenie", "completed_on") in a.ask


def test_without_the_target_or_the_kind_no_decision_answers_and_both_are_asked_for():
    a = ans("zaliczenie")
    assert a.decisions == [] and a.outcome is None
    assert label("zaliczenie", "target") in a.ask and label("zaliczenie", "kind") in a.ask


# --- 5. a doctorate ---------------------------------------------------------------------------------------------------


def test_a_doctorate_gives_the_exemption_answer_without_any_pwz():
    a = ans("doktorat", doctorate=True)
    assert rules(a) == ["e.exemption", "c.entrance_exam_exemption"]
    assert a.outcome is Outcome.FOR_DECISION
    assert a.verdict.startswith("Tak, na wniosek")
    assert "dyrektor CMKP" in a.verdict
    assert a.decisions[1].outcome is Outcome.ON_REQUEST
    assert "art. 67 ust. 3" in basis(a) and "§ 5 ust. 4" in basis(a)
    assert not any("PWZ" in item or "prawo wykonywania" in item for item in a.ask)
    assert a.ask == []


def test_the_field_of_the_doctorate_question_is_named_in_the_answer():
    a = ans("doktorat", doctorate=True, field="pielęgniarstwo geriatryczne")
    assert "„pielęgniarstwo geriatryczne”" in a.headline


def test_without_a_doctorate_there_is_no_exemption_and_without_knowing_the_doctorate_is_asked_for():
    assert ans("doktorat", doctorate=False).outcome is Outcome.DOES_NOT_MEET
    unknown = ans("doktorat")
    assert unknown.outcome is Outcome.NEEDS_REVIEW
    assert unknown.ask == [label("doktorat", "doctorate")]


# --- 6. CMKP or CEM ---------------------------------------------------------------------------------------------------


def test_spring_2027_is_run_by_cem_while_its_deadline_30_november_2026_still_falls_to_cmkp():
    a = ans("cmkp_cem")
    f = a.decisions[0].facts
    assert (f["session"], f["authority"], f["application_authority"]) == ("2027-wiosna", "CEM", "CMKP")
    assert a.verdict == "Sesja wiosenna 2027 r.: egzamin przeprowadza CEM"
    assert "prowadzi jeszcze CMKP" in a.headline


def test_autumn_2026_is_run_by_cmkp_and_its_deadline_has_passed():
    a = ans("cmkp_cem", session="2026-jesien")
    f = a.decisions[0].facts
    assert (f["authority"], f["fee_pln"]) == ("CMKP", 350)
    assert a.outcome is Outcome.DOES_NOT_MEET


def test_spring_2026_still_cost_170_zl_under_the_old_rules():
    a = ans("cmkp_cem", on=D(2026, 3, 15), session="2026-wiosna")
    assert a.decisions[0].facts["fee_pln"] == 170 and a.decisions[0].facts["authority"] == "CMKP"
    assert "old_fee_rules" in [n.code for n in a.notes]


@pytest.mark.parametrize("on, first", [(D(2026, 11, 30), "2026-jesien"), (D(2026, 12, 1), "2027-wiosna")])
def test_the_sessions_offered_start_with_the_one_still_under_way(on, first):
    assert sessions_ahead(on)[0][0] == first


# --- 7. documents -----------------------------------------------------------------------------------------------------


def test_the_state_exam_needs_the_application_the_ekk_or_the_exemption_and_the_proof_of_the_fee():
    a = ans("dokumenty", application="egzamin_panstwowy")
    assert a.documents == ["Wniosek o dopuszczenie do egzaminu państwowego (SMK)",
                           "EKK z wymaganymi wpisami albo dokument potwierdzający zwolnienie ze specjalizacji",
                           "Potwierdzenie wniesienia opłaty za egzamin"]
    assert a.ask == [] and a.also == []


def test_a_specialization_needs_the_pwz_the_proof_of_work_and_an_smk_account_and_a_funded_one_also_the_declaration():
    plain_ = ans("dokumenty", application="specjalizacja").documents
    assert any("prawie wykonywania zawodu" in d for d in plain_)
    assert any("staż pracy" in d for d in plain_)
    assert any("Konto w SMK" in d for d in plain_)
    funded = ans("dokumenty", application="specjalizacja_dofinansowana").documents
    assert funded[:len(plain_)] == plain_ and any("art. 70 ust. 6" in d for d in funded[len(plain_):])


def test_the_exemption_needs_a_request_to_the_director_of_cmkp_the_doctoral_diploma_and_the_list_of_output():
    docs = ans("dokumenty", application="zwolnienie").documents
    assert docs[0] == "Wniosek do dyrektora CMKP o zwolnienie z obowiązku odbywania specjalizacji"
    assert len(docs) == 3


def test_without_choosing_the_application_the_answer_asks_which():
    a = ans("dokumenty")
    assert a.documents == [] and a.ask == [label("dokumenty", "application")]


# --- 8. a second funded specialization --------------------------------------------------------------------------------


@pytest.mark.parametrize("ended, outcome, earliest", [
    (D(2021, 11, 22), Outcome.MEETS, None),                   # 5 years end on 22 Nov 2026: allowed from 23 Nov
    (D(2021, 11, 23), Outcome.DOES_NOT_MEET, D(2026, 11, 24)),  # allowed from the day after 23 Nov 2026
])
def test_another_funded_specialization_may_start_the_day_after_five_years_from_the_end_of_the_previous(ended, outcome,
                                                                                                       earliest):
    a = ans("druga_dofinansowana", previous="ukonczona", previous_funded=True, previous_ended_on=ended,
            failed_exams=0)
    assert a.outcome is outcome
    assert a.decisions[0].earliest_date == earliest
    if earliest:
        assert a.verdict == "Jeszcze nie – najwcześniej od 24 listopada 2026 r."


def test_an_interrupted_funded_specialization_waits_five_years_too():
    a = ans("druga_dofinansowana", previous="przerwana", previous_funded=True, previous_ended_on=D(2022, 1, 10))
    assert a.outcome is Outcome.DOES_NOT_MEET and a.decisions[0].earliest_date == D(2027, 1, 11)
    assert "art. 70 ust. 7" in basis(a)


def test_a_funded_specialization_under_way_bars_another_one_now_and_an_unfunded_previous_one_does_not():
    now = ans("druga_dofinansowana", previous="w_trakcie", previous_funded=True)
    assert now.outcome is Outcome.DOES_NOT_MEET and now.decisions[0].earliest_date is None
    assert ans("druga_dofinansowana", previous="ukonczona", previous_funded=False, previous_ended_on=D(2025, 1, 1),
               failed_exams=0).outcome is Outcome.MEETS
    assert ans("druga_dofinansowana", previous="brak").outcome is Outcome.MEETS


def test_not_knowing_whether_the_previous_one_was_funded_asks_for_it():
    a = ans("druga_dofinansowana", previous="ukonczona", previous_ended_on=D(2025, 1, 1), failed_exams=0)
    assert a.outcome is Outcome.NEEDS_REVIEW
    assert label("druga_dofinansowana", "previous_funded") in a.ask


def test_three_failed_exams_after_a_funded_specialization_are_counted_from_its_end():
    a = ans("druga_dofinansowana", previous="ukonczona", previous_funded=True, previous_ended_on=D(2023, 6, 30),
            previous_field=SURGERY, failed_exams=3)
    assert a.outcome is Outcome.DOES_NOT_MEET and a.decisions[0].earliest_date == D(2028, 7, 1)
    assert "failed_exams_wait" in [r.code for r in a.decisions[0].reasons]


def test_the_end_date_and_the_failures_are_asked_only_when_there_was_a_previous_specialization():
    q = BY_KEY["druga_dofinansowana"]
    assert [i.key for i in q.inputs_for({"previous": "brak"}, AS_OF)] == ["previous"]
    assert "previous_ended_on" not in [i.key for i in q.inputs_for({"previous": "w_trakcie"}, AS_OF)]


# --- 9. the state-exam commission -------------------------------------------------------------------------------------


@pytest.mark.parametrize("candidates, members, reduced", [
    (150, 4, 3), (151, 6, 3), (300, 6, 3), (301, 8, 3), (600, 10, 3), (601, 12, 5), (900, 14, 5), (902, 15, 5)])
def test_the_commission_size_follows_the_brackets_of_par_14(candidates, members, reduced):
    a = ans("komisja", candidates=candidates)
    f = a.decisions[0].facts
    assert (f["members"], f["max_members"], f["reduced_minimum"]) == (members, members + 6, reduced)
    assert a.verdict == f"Komisja liczy {members} członków"


def test_a_group_of_exactly_901_has_no_bracket_and_the_note_says_15_are_taken():
    a = ans("komisja", candidates=901)
    assert a.decisions[0].facts["members"] == 15
    assert "bracket_901" in [n.code for n in a.notes]


@pytest.mark.parametrize("candidates, consent, held", [
    (20, None, Outcome.MEETS), (19, None, Outcome.FOR_DECISION), (19, True, Outcome.MEETS),
    (19, False, Outcome.DOES_NOT_MEET)])
def test_an_exam_is_held_for_twenty_candidates_and_for_fewer_only_with_the_minister_s_consent(candidates, consent,
                                                                                               held):
    a = ans("komisja", candidates=candidates, consent=consent)
    assert a.decisions[1].rule == "f.exam_held" and a.decisions[1].outcome is held


def test_the_minister_s_consent_is_asked_only_below_twenty_candidates():
    q = BY_KEY["komisja"]
    assert [i.key for i in q.inputs_for({"candidates": 20}, AS_OF)] == ["candidates"]
    assert [i.key for i in q.inputs_for({"candidates": 19}, AS_OF)] == ["candidates", "consent"]
    assert label("komisja", "consent") in ans("komisja", candidates=19).ask


def test_without_the_number_of_candidates_it_is_asked_for():
    a = ans("komisja")
    assert a.outcome is Outcome.NEEDS_REVIEW and a.ask == [label("komisja", "candidates")]


# --- 10. the supplementary round --------------------------------------------------------------------------------------


def test_no_free_places_means_no_supplementary_round_and_free_places_before_the_programme_begins_allow_it():
    assert ans("uzupelniajace", places=20, qualified=20, programme_started=False).outcome is Outcome.DOES_NOT_MEET
    a = ans("uzupelniajace", places=20, qualified=19, programme_started=False)
    assert a.outcome is Outcome.MEETS and a.verdict == "Tak – można przeprowadzić"


@pytest.mark.parametrize("done, outcome", [(100, Outcome.MEETS), (101, Outcome.DOES_NOT_MEET)])
def test_after_the_programme_began_at_most_ten_per_cent_of_its_hours_may_be_done(done, outcome):
    a = ans("uzupelniajace", places=20, qualified=10, programme_started=True, hours_total=1000, hours_done=done,
            planned_start=D(2026, 11, 1), round_on=D(2026, 11, 20))
    assert a.outcome is outcome


@pytest.mark.parametrize("round_on, outcome", [(D(2026, 11, 1), Outcome.MEETS),
                                               (D(2026, 11, 2), Outcome.DOES_NOT_MEET)])
def test_after_the_programme_began_the_round_is_held_at_most_a_month_after_the_planned_start(round_on, outcome):
    a = ans("uzupelniajace", places=20, qualified=10, programme_started=True, hours_total=1000, hours_done=50,
            planned_start=D(2026, 10, 1), round_on=round_on)
    assert a.outcome is outcome
    assert [when for when, _ in a.dates()] == ["1 listopada 2026 r."]


def test_the_round_date_empty_means_the_day_asked_about():
    # planned 23 Oct 2026: the last day is 23 Nov 2026, the day asked about
    a = ans("uzupelniajace", places=20, qualified=10, programme_started=True, hours_total=1000, hours_done=50,
            planned_start=D(2026, 10, 23))
    assert a.outcome is Outcome.MEETS and a.ask == []
    assert ans("uzupelniajace", places=20, qualified=10, programme_started=True, hours_total=1000, hours_done=50,
               planned_start=D(2026, 10, 22)).outcome is Outcome.DOES_NOT_MEET


def test_not_knowing_whether_the_programme_began_asks_for_it_and_the_hours_are_asked_only_once_it_has():
    a = ans("uzupelniajace", places=20, qualified=10)
    assert a.outcome is Outcome.NEEDS_REVIEW
    assert a.ask == [label("uzupelniajace", "programme_started")]
    q = BY_KEY["uzupelniajace"]
    assert "hours_total" not in [i.key for i in q.inputs_for({"programme_started": False}, AS_OF)]
    assert isinstance(case_for("uzupelniajace", {"places": 3}, AS_OF), Edition)


# --- the plain text and the wording -----------------------------------------------------------------------------------


SAMPLES = [("egzamin_termin", {"finished_on": D(2027, 6, 1)}), ("egzamin_poprawka", {"result": "niezdany",
           "session": "2026-jesien", "earlier_failures": 2}), ("wejscie", {"pwz": True, "work_start": D(2024, 12, 23)}),
           ("zaliczenie", {"target": "specjalizacja", "kind": "kurs_kwalifikacyjny", "completed_on": D(2010, 1, 1),
                           "field": "pielęgniarstwo *chirurgiczne* [x](y)", "target_field": SURGERY}),
           ("doktorat", {"doctorate": True}), ("cmkp_cem", {}), ("dokumenty", {"application": "zwolnienie"}),
           ("druga_dofinansowana", {"previous": "ukonczona", "previous_funded": True,
                                    "previous_ended_on": D(2022, 2, 2)}),
           ("komisja", {"candidates": 901}), ("uzupelniajace", {"places": 1})]


@pytest.mark.parametrize("key, inputs", SAMPLES, ids=[k for k, _ in SAMPLES])
def test_the_copy_text_is_plain_text_with_the_answer_the_basis_and_the_day(key, inputs):
    a = answer(key, inputs, AS_OF)
    text = a.plain_text()
    assert text.startswith(f"Pytanie: {a.title}")
    assert "Stan prawny na dzień 23 listopada 2026 r." in text
    assert a.sentence in text
    assert not MARKDOWN.search(text.replace(inputs.get("field", "") or "\0", "")), text
    for r in a.legal_basis:
        assert f"{r.citation} – {r.url}" in text
    for item in a.ask:
        assert f"• {item}" in text
    assert ".." not in text.replace("...", "")


def test_the_answer_s_first_line_ends_with_one_full_stop_after_a_date():
    a = ans("egzamin_termin", finished_on=D(2026, 10, 15))
    assert a.sentence.startswith("Najbliższa sesja, na którą zdążysz złożyć wniosek: sesja wiosenna 2027 r. Sesja")


@pytest.mark.parametrize("path", [ROOT / "logic" / "quick.py", ROOT / "ui" / "quick.py",
                                  ROOT / "app_pages" / "8_Infolinia.py"], ids=lambda p: p.name)
def test_no_text_of_the_help_desk_writes_out_a_value_that_a_parameter_holds(path):
    problems = offending(path, forbidden_forms())
    assert not problems, "take these values from their parameters:\n" + "\n".join(problems)
