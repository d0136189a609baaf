"""The ten example cases in examples/: each is valid, assesses on any day of the supported range, and gives the
answers the law gives on the days either side of its boundaries.

Expected dates and outcomes are worked out by hand from the law (KC art. 112, art. 67 ust. 4 pkt 2 and art. 71
ust. 2 pkt 2 of the ustawa, § 4 ust. 4, § 3 ust. 7, § 9, § 12, § 14 ust. 2, § 27 ust. 2 of the regulation).
"""
from __future__ import annotations

import copy
import json
from datetime import date, timedelta
from pathlib import Path

import pytest

from logic import Case, Outcome, assess

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = sorted((ROOT / "examples").glob("*.json"))
DAYS = [date(2026, 1, 20), date(2026, 5, 31), date(2026, 11, 22), date(2026, 12, 31), date(2027, 1, 1),
        date(2027, 6, 1), date(2028, 2, 29), date(2028, 12, 31)]


def load(name: str) -> dict:
    return json.loads((ROOT / "examples" / f"{name}.json").read_text(encoding="utf-8"))


def decisions(data: dict, as_of: date, rule: str) -> list:
    return [d for d in assess(Case.model_validate(data), as_of).decisions if d.rule == rule]


def one(data: dict, as_of: date, rule: str):
    found = decisions(data, as_of, rule)
    assert len(found) == 1, f"{rule}: {len(found)} decisions"
    return found[0]


# --- every example --------------------------------------------------------------------------------------------

@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.stem)
def test_every_example_is_a_valid_case_with_a_label(path):
    case = Case.model_validate(json.loads(path.read_text(encoding="utf-8")))
    assert case.label


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.stem)
def test_every_example_survives_a_round_trip_through_json(path):
    case = Case.model_validate(json.loads(path.read_text(encoding="utf-8")))
    again = Case.model_validate_json(case.model_dump_json())
    assert again == case


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.stem)
@pytest.mark.parametrize("as_of", DAYS, ids=str)
def test_every_example_assesses_on_any_day_with_a_legal_basis_for_every_decision(path, as_of):
    result = assess(Case.model_validate(json.loads(path.read_text(encoding="utf-8"))), as_of)
    assert result.as_of == as_of
    assert result.decisions
    for d in result.decisions:
        assert d.legal_basis, d.rule
        assert d.as_of == as_of
        assert d.rule.startswith(d.group + ".")
        assert d.title
        if d.outcome is Outcome.NEEDS_REVIEW:
            assert d.reasons, f"{d.rule}: a 'needs review' must say why"


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.stem)
def test_assessing_twice_gives_the_same_answer(path):
    case = Case.model_validate(json.loads(path.read_text(encoding="utf-8")))
    day = date(2026, 11, 22)
    assert assess(case, day).model_dump() == assess(case, day).model_dump()


# --- pielegniarka-jeszcze-nie: 24 months within 5 years, work since 1.06.2025 ---------------------------------

def test_a_nurse_working_since_june_2025_cannot_yet_apply_for_a_specialization_and_learns_when():
    d = one(load("pielegniarka-jeszcze-nie"), date(2026, 11, 22), "a.specjalizacja.entry")
    assert d.outcome is Outcome.DOES_NOT_MEET
    # From 1.06.2025, on 31.05.2027 the count runs to 30.05.2027: 23 calendar months (to 30.04.2027, KC art. 112)
    # and 30 days, which make the 24th month (KC art. 114).
    assert d.earliest_date == date(2027, 5, 31)


@pytest.mark.parametrize("as_of, outcome", [
    (date(2027, 5, 30), Outcome.DOES_NOT_MEET),
    (date(2027, 5, 31), Outcome.MEETS),
])
def test_the_two_year_experience_is_complete_when_23_months_and_30_days_are_counted(as_of, outcome):
    assert one(load("pielegniarka-jeszcze-nie"), as_of, "a.specjalizacja.entry").outcome is outcome


def test_work_from_2019_to_2020_falls_outside_the_five_year_window():
    # 1.01.2019–30.06.2020 is 18 months; with the 17 months since June 2025 it would be over 24 months,
    # but the window on 22.11.2026 starts on 22.11.2021.
    d = one(load("pielegniarka-jeszcze-nie"), date(2026, 11, 22), "a.specjalizacja.entry")
    # 1.06.2025–21.11.2026: 17 months (to 31.10.2026) and 21 days
    assert (d.facts["experience_months"], d.facts["experience_days"], d.facts["needed_months"]) == (17, 21, 24)


def test_the_same_nurse_may_already_apply_for_a_qualification_course():
    assert one(load("pielegniarka-jeszcze-nie"), date(2026, 11, 22), "a.kurs_kwalifikacyjny.entry").outcome \
        is Outcome.MEETS


# --- polozna-kurs-kwalifikacyjny: 6 months from 1.08.2026 ----------------------------------------------------
# On 31.01.2027 the count runs to 30.01.2027: five calendar months (to 31.12.2026, KC art. 112) and 30 days, which
# make the sixth month (KC art. 114); on 30.01.2027 only 29 days are left over.

@pytest.mark.parametrize("as_of, outcome", [
    (date(2026, 11, 22), Outcome.DOES_NOT_MEET),
    (date(2027, 1, 30), Outcome.DOES_NOT_MEET),
    (date(2027, 1, 31), Outcome.MEETS),
])
def test_a_midwife_working_since_august_2026_may_apply_for_a_qualification_course_from_31_january_2027(as_of,
                                                                                                     outcome):
    d = one(load("polozna-kurs-kwalifikacyjny"), as_of, "a.kurs_kwalifikacyjny.entry")
    assert d.outcome is outcome
    if outcome is Outcome.DOES_NOT_MEET:
        assert d.earliest_date == date(2027, 1, 31)


def test_a_specialist_course_has_no_experience_condition():
    assert one(load("polozna-kurs-kwalifikacyjny"), date(2026, 11, 22), "a.kurs_specjalistyczny.entry").outcome \
        is Outcome.MEETS


def test_without_the_right_to_practise_the_midwife_may_start_nothing():
    data = load("polozna-kurs-kwalifikacyjny")
    data["right_to_practise"]["held"] = False
    result = assess(Case.model_validate(data), date(2027, 3, 1))
    entries = [d for d in result.decisions if d.rule.startswith("a.") and d.rule.endswith(".entry")]
    assert len(entries) == 4
    assert all(d.outcome is Outcome.DOES_NOT_MEET for d in entries)


def test_with_the_right_to_practise_unknown_the_answer_needs_review_naming_the_field():
    data = load("polozna-kurs-kwalifikacyjny")
    data["right_to_practise"]["held"] = None
    d = one(data, date(2027, 3, 1), "a.kurs_specjalistyczny.entry")
    assert d.outcome is Outcome.NEEDS_REVIEW
    assert "right_to_practise.held" in d.missing


# --- pielegniarka-specjalizacja: credit for courses after 1.07.1999 only ------------------------------------

def test_a_course_from_1998_cannot_be_credited_and_one_from_2005_can_on_request():
    found = decisions(load("pielegniarka-specjalizacja"), date(2026, 11, 22), "d.specjalizacja.credit.course")
    by_source = {d.facts["source"]: d.outcome for d in found}
    assert by_source["courses[0]"] is Outcome.DOES_NOT_MEET       # 20.06.1998
    assert by_source["courses[1]"] is Outcome.ON_REQUEST          # 18.11.2005


@pytest.mark.parametrize("completed_on, outcome", [
    ("1999-07-01", Outcome.DOES_NOT_MEET),    # "po dniu 1 lipca 1999 r.": the day itself is not covered
    ("1999-07-02", Outcome.ON_REQUEST),
])
def test_the_credit_cut_off_day_itself_is_excluded(completed_on, outcome):
    data = load("pielegniarka-specjalizacja")
    data["courses"] = [dict(data["courses"][1], completed_on=completed_on)]
    d = one(data, date(2026, 11, 22), "d.specjalizacja.credit.course")
    assert d.outcome is outcome


def test_a_nurse_working_since_2019_may_apply_for_a_specialization():
    assert one(load("pielegniarka-specjalizacja"), date(2026, 11, 22), "a.specjalizacja.entry").outcome \
        is Outcome.MEETS


# --- pielegniarka-poprawka-kursu: a retake within 18 months of 15.08.2025 -----------------------------------

@pytest.mark.parametrize("as_of, outcome", [
    (date(2026, 11, 22), Outcome.MEETS),
    (date(2027, 2, 15), Outcome.MEETS),
    (date(2027, 2, 16), Outcome.DOES_NOT_MEET),
])
def test_the_course_exam_retake_is_possible_until_15_february_2027(as_of, outcome):
    d = one(load("pielegniarka-poprawka-kursu"), as_of, "g.course_exam.retake")
    assert d.outcome is outcome
    assert d.facts["retake_limit"] == "2027-02-15"   # 15.08.2025 + 18 months (§ 27 ust. 2)


# --- infolinia-oplata-i-terminy and pielegniarka-egzamin-panstwowy: the state-exam calendar -----------------

def test_the_autumn_2027_session_costs_350_and_applications_go_to_cem_by_31_may_2027():
    d = one(load("infolinia-oplata-i-terminy"), date(2026, 11, 22), "f.session")
    assert d.facts["fee_pln"] == 350
    assert d.facts["authority"] == "CEM"
    steps = {s.code: s for s in d.steps}
    assert steps["application_deadline"].date == date(2027, 5, 31)     # § 9 ust. 2
    assert steps["fee_deadline"].date == date(2027, 6, 5)              # + 5 days (art. 67 ust. 8)
    assert steps["session_window"].date == date(2027, 9, 1)            # § 12 ust. 1
    assert steps["session_window"].end == date(2027, 11, 30)


def test_the_fee_deadline_on_a_saturday_runs_to_monday_and_the_monday_deadline_does_not_move():
    d = one(load("infolinia-oplata-i-terminy"), date(2026, 11, 22), "f.session")
    steps = {s.code: s for s in d.steps}
    assert date(2027, 6, 5).weekday() == 5 and date(2027, 5, 31).weekday() == 0
    assert (steps["fee_deadline"].date, steps["fee_deadline"].last_day) == (date(2027, 6, 5), date(2027, 6, 7))
    assert steps["fee_deadline"].note and "7 czerwca 2027 r." in steps["fee_deadline"].note
    assert (steps["application_deadline"].last_day, steps["application_deadline"].note) == (None, None)


@pytest.mark.parametrize("as_of, session", [
    (date(2026, 11, 22), "2027-wiosna"),
    (date(2026, 11, 30), "2027-wiosna"),   # the spring cut-off day itself
    (date(2026, 12, 1), "2027-jesien"),    # a day late: the next session
])
def test_after_finishing_a_specialization_the_next_session_is_the_first_whose_cut_off_has_not_passed(as_of, session):
    d = one(load("pielegniarka-egzamin-panstwowy"), as_of, "f.session")
    assert d.facts["session"] == session


def test_applications_for_spring_2027_go_to_cmkp_although_cem_runs_that_session():
    d = one(load("pielegniarka-egzamin-panstwowy"), date(2026, 11, 22), "f.session")
    assert d.facts["application_deadline"] == "2026-11-30"
    assert d.facts["application_authority"] == "CMKP"
    assert d.facts["authority"] == "CEM"
    assert d.facts["fee_pln"] == 350


# --- infolinia-komisja-egzaminacyjna: commission size by number of candidates (§ 14 ust. 2) -----------------

@pytest.mark.parametrize("candidates, members", [
    (1, 4), (150, 4), (151, 6), (300, 6), (301, 8), (450, 8), (451, 10), (600, 10), (601, 12), (750, 12),
    (751, 14), (900, 14), (901, 15), (2000, 15),
])
def test_the_commission_grows_with_the_number_of_candidates(candidates, members):
    data = load("infolinia-komisja-egzaminacyjna")
    data["exam_session"]["candidates"] = candidates
    assert one(data, date(2026, 11, 22), "f.commission_size").facts["members"] == members


# --- organizator-postepowanie-uzupelniajace: at most 1 month after the planned start (§ 3 ust. 7 pkt 2) ------

@pytest.mark.parametrize("round_on, outcome", [
    ("2026-11-30", Outcome.MEETS),           # 31.10.2026 + 1 month = 30.11.2026
    ("2026-12-01", Outcome.DOES_NOT_MEET),
])
def test_a_supplementary_round_is_allowed_until_one_month_after_the_planned_start(round_on, outcome):
    data = load("organizator-postepowanie-uzupelniajace")
    data["edition"]["supplementary_round_on"] = round_on
    assert one(data, date(2026, 11, 22), "c.supplementary_round").outcome is outcome


@pytest.mark.parametrize("hours_done, outcome", [
    (100, Outcome.MEETS),                    # 10% of 1000 hours: still allowed
    (101, Outcome.DOES_NOT_MEET),
])
def test_a_supplementary_round_is_allowed_until_a_tenth_of_the_hours_are_done(hours_done, outcome):
    data = copy.deepcopy(load("organizator-postepowanie-uzupelniajace"))
    data["edition"]["programme_hours_done"] = hours_done
    assert one(data, date(2026, 11, 22), "c.supplementary_round").outcome is outcome


# --- pielegniarka-doktor-zwolnienie ---------------------------------------------------------------------------

def test_a_nurse_with_a_doctorate_is_told_the_exemption_is_for_cmkp_to_decide():
    d = one(load("pielegniarka-doktor-zwolnienie"), date(2026, 11, 22), "e.exemption")
    assert d.outcome in (Outcome.FOR_DECISION, Outcome.ON_REQUEST)


# --- before the regulation -------------------------------------------------------------------------------------

@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.stem)
def test_every_example_on_the_day_before_the_regulation_gets_one_explanation(path):
    result = assess(Case.model_validate(json.loads(path.read_text(encoding="utf-8"))),
                    date(2026, 1, 20) - timedelta(days=1))
    assert [d.rule for d in result.decisions] == ["j.before_regulation"]
