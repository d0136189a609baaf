"""The state exam's per-session parts and the date helpers are computed once and reused (for speed:
bench/bench_logic.py); these tests hold that reuse to the law's answers, whatever was asked before in the process.

Expected values come from the regulation (§ 9 ust. 2: documents by 31 May for the autumn session; § 12 ust. 1: the
autumn session from 1 September to 30 November; § 12 ust. 3: notice at least 30 days before the exam; § 17: a
retake after a failure), from KPA art. 57 § 4 / KC art. 115 (a term ending on a day off runs to the next working
day) and from the calendar; weekdays checked with the calendar: 31.05.2026 Sunday, 1.06.2026 Monday, 31.05.2027
Monday, 30.11.2030 Saturday, 1.12.2030 Sunday, 2.12.2030 Monday.
"""
from __future__ import annotations

import calendar
from datetime import date

import pytest

from logic import Case, Outcome, assess
from logic.decision import Note, Reason
from logic.periods import add_months, polish_date
from logic.references import reg
from logic.rules.state_exam import Session, session_decision

AUTUMN_2027 = Session(2027, 1)
SPRING_2031 = Session(2031, 0)  # applications by Saturday 30.11.2030, so until Monday 2.12.2030
AUTUMN_2026 = Session(2026, 1)  # applications by Sunday 31.05.2026, so until Monday 1.06.2026


def _codes(decision) -> list[str]:
    return [r.code for r in decision.reasons]


def _notice(decision) -> date:
    return next(st.date for st in decision.steps if st.code == "notice")


def test_changing_one_session_decision_leaves_the_next_decision_for_that_session_as_the_law_gives_it():
    first = session_decision(AUTUMN_2027, date(2027, 1, 10))
    fresh = session_decision(AUTUMN_2027, date(2027, 1, 10))
    first.legal_basis.insert(0, reg(17))
    first.notes.append(Note(code="three_failures", text="x"))
    first.reasons.append(Reason(code="failed", text="x"))
    first.steps.pop()
    first.documents.clear()
    first.facts["failed_attempts"] = 3
    again = session_decision(AUTUMN_2027, date(2027, 1, 10))
    assert again.model_dump() == fresh.model_dump()
    assert reg(17) not in again.legal_basis and "failed_attempts" not in again.facts
    assert len(again.steps) == 5 and len(again.documents) == 3


def test_two_failed_fields_give_two_retake_decisions_each_citing_paragraph_17_once():
    case = Case.model_validate({"state_exam_attempts": [
        {"session": "2026-jesien", "field": "pielęgniarstwo chirurgiczne", "result": "niezdany"},
        {"session": "2026-jesien", "field": "pielęgniarstwo rodzinne", "result": "niezdany"}]})
    retakes = [d for d in assess(case, date(2027, 1, 10)).decisions if d.rule == "f.retake"]
    assert len(retakes) == 2
    for d in retakes:
        assert d.legal_basis.count(reg(17)) == 1 and d.legal_basis[0] == reg(17)
        assert d.facts["session"] == "2027-jesien" and d.facts["failed_attempts"] == 1


@pytest.mark.parametrize("order", [(date(2027, 10, 15), None, date(2027, 11, 2)),
                                   (None, date(2027, 11, 2), date(2027, 10, 15))])
def test_the_notice_is_counted_from_each_exam_date_given_whatever_was_asked_before(order):
    expected = {date(2027, 10, 15): date(2027, 9, 15), date(2027, 11, 2): date(2027, 10, 3),
                None: date(2027, 8, 2)}  # no exam date: 30 days before the session's first day, 1.09.2027
    for exam_date in order:
        d = session_decision(AUTUMN_2027, date(2027, 1, 10), exam_date=exam_date)
        assert _notice(d) == expected[exam_date]
        assert d.facts.get("exam_date") == (exam_date.isoformat() if exam_date else None)


def test_an_exam_date_outside_the_session_counts_the_notice_from_the_sessions_first_day():
    d = session_decision(AUTUMN_2027, date(2027, 1, 10), exam_date=date(2027, 12, 1))  # the day after 30.11
    assert _notice(d) == date(2027, 8, 2) and "exam_date" not in d.facts
    d = session_decision(AUTUMN_2027, date(2027, 1, 10), exam_date=date(2027, 11, 30))  # its last day
    assert _notice(d) == date(2027, 10, 31) and d.facts["exam_date"] == "2027-11-30"


@pytest.mark.parametrize("session, days", [
    # the deadline on a working day (Monday 31.05.2027): open through it, closed the day after
    (AUTUMN_2027, [(date(2027, 6, 1), Outcome.DOES_NOT_MEET, "deadline_passed"),
                   (date(2027, 5, 31), Outcome.MEETS, "session_dates"),
                   (date(2027, 5, 30), Outcome.MEETS, "session_dates"),
                   (date(2027, 6, 1), Outcome.DOES_NOT_MEET, "deadline_passed")]),
    # Saturday 30.11.2030 runs to Monday 2.12.2030: on Sunday the moved deadline, on Monday "today"
    (SPRING_2031, [(date(2030, 12, 3), Outcome.DOES_NOT_MEET, "deadline_passed"),
                   (date(2030, 12, 2), Outcome.MEETS, "apply_today"),
                   (date(2030, 12, 1), Outcome.MEETS, "deadline_moved"),
                   (date(2030, 11, 30), Outcome.MEETS, "session_dates"),
                   (date(2030, 12, 2), Outcome.MEETS, "apply_today"),
                   (date(2030, 12, 3), Outcome.DOES_NOT_MEET, "deadline_passed")]),
    # Sunday 31.05.2026 runs to Monday 1.06.2026
    (AUTUMN_2026, [(date(2026, 6, 1), Outcome.MEETS, "apply_today"),
                   (date(2026, 6, 2), Outcome.DOES_NOT_MEET, "deadline_passed"),
                   (date(2026, 5, 31), Outcome.MEETS, "session_dates")]),
])
def test_one_session_asked_on_several_days_in_any_order_is_open_through_its_last_day_only(session, days):
    for as_of, outcome, first_reason in days:
        d = session_decision(session, as_of)
        assert (d.outcome, _codes(d)[0], d.as_of) == (outcome, first_reason, as_of), as_of
        moved_or_passed = {"apply_today", "deadline_moved", "deadline_passed"} & set(_codes(d))
        assert moved_or_passed == ({first_reason} - {"session_dates"}), as_of


@pytest.mark.parametrize("day, text", [
    (date(2026, 11, 30), "30 listopada 2026 r."), (date(2027, 1, 1), "1 stycznia 2027 r."),
    (date(2028, 2, 29), "29 lutego 2028 r."), (date(2029, 5, 31), "31 maja 2029 r."),
    (date(2026, 3, 5), "5 marca 2026 r."), (date(2030, 12, 31), "31 grudnia 2030 r."),
    (date(1900, 1, 1), "1 stycznia 1900 r."), (date(2100, 12, 31), "31 grudnia 2100 r."),
])
def test_a_date_is_written_in_polish_with_the_month_in_the_genitive(day, text):
    assert polish_date(day) == text


def test_a_month_added_to_the_31st_ends_on_each_months_last_day_in_common_and_leap_years():
    for year in range(1896, 2105):
        for month in range(1, 13):
            end = add_months(date(year, 1, 31), month - 1)
            assert end == date(year, month, calendar.monthrange(year, month)[1]), (year, month)
