"""A draft amendment as a parameter overlay: a changed parameter changes every answer and every sentence that uses
it, and nothing outside the call (logic/parameters.py, `assess(..., overlay=...)`).

Expected values are worked out from the law with the amended value: the autumn 2027 application deadline is
31 May 2027 (§ 9 ust. 2, a Monday), so a fee due N days after it falls on 31 May + N days.
"""
from __future__ import annotations

from datetime import date

from logic import Case, assess

CASE = Case.model_validate({
    "profession": "pielegniarka", "right_to_practise": {"held": True},
    "specializations": [{"field": "pielęgniarstwo chirurgiczne", "status": "ukonczona", "ended_on": "2026-10-15",
                         "ekk_complete": True, "publicly_funded": False}],
    "goal": {"form": "egzamin_panstwowy", "field": "pielęgniarstwo chirurgiczne", "session": "2027-jesien"},
})
AS_OF = date(2026, 12, 1)
REF = {"act": "rozporzadzenie_2026", "unit": "10"}


def session(overlay=None):
    a = assess(CASE, AS_OF, overlay=overlay) if overlay is not None else assess(CASE, AS_OF)
    return next(d for d in a.decisions if d.rule == "f.session")


def texts(d) -> str:
    return " ".join([r.text for r in d.reasons] + [n.text for n in d.notes] + [s.label for s in d.steps])


def test_a_fee_of_400_zl_from_the_autumn_2027_session_changes_the_fact_the_reason_and_the_step():
    before = session()
    assert before.facts["fee_pln"] == 350 and "350 zł" in texts(before)
    after = session({"exam_fee_pln": [{"from": "2027-jesien", "value": 400, "ref": REF,
                                       "last_checked": "2026-12-01"}]})
    assert after.facts["fee_pln"] == 400
    assert "400 zł" in texts(after) and "350 zł" not in texts(after)


def test_the_overlay_does_not_outlive_the_call():
    session({"exam_fee_pln": [{"from": "2027-jesien", "value": 400, "ref": REF, "last_checked": "2026-12-01"}]})
    assert session().facts["fee_pln"] == 350


def test_seven_days_to_pay_move_the_fee_date_and_every_sentence_that_counts_them():
    amended = session({"fee_payment_days_after_deadline": [
        {"from": "2027-01-01", "value": 7, "ref": {"act": "ustawa_zpip", "unit": "67", "ust": "8"},
         "last_checked": "2026-12-01"}]})
    steps = {s.code: s for s in amended.steps}
    assert steps["fee_deadline"].date == date(2027, 6, 7)          # 31 May + 7 days, a Monday
    assert "7 dni po terminie" in steps["fee_deadline"].label
    assert any("najpóźniej 7 dni po terminie" in r.text for r in amended.reasons if r.code == "fee_proof_with_application")
    plain = {s.code: s for s in session().steps}
    assert plain["fee_deadline"].date == date(2027, 6, 5)          # 31 May + 5 days


def test_a_different_minimum_of_candidates_shows_in_the_note():
    amended = session({"min_candidates_per_field": [
        {"from": "2026-01-20", "value": 25, "ref": {"act": "rozporzadzenie_2026", "unit": "13", "ust": "4"},
         "last_checked": "2026-12-01"}]})
    note = next(n for n in amended.notes if n.code == "min_candidates")
    assert "co najmniej 25 osób" in note.text


def test_moving_the_cem_date_to_2028_keeps_cmkp_for_the_autumn_2027_session():
    # the overlay replaces the value from 1.01.2027 (same `from`) and adds one from 1.01.2028
    ref = {"act": "ustawa_zpip", "unit": "67", "ust": "5"}
    plain, amended = session(), session({"exam_authority": [
        {"from": "2027-01-01", "value": "CMKP", "ref": ref, "last_checked": "2026-12-01"},
        {"from": "2028-01-01", "value": "CEM", "ref": ref, "last_checked": "2026-12-01"}]})
    assert plain.facts["authority"] == "CEM"
    assert amended.facts["authority"] == "CMKP"


def test_a_later_credit_cut_off_date_refuses_a_course_and_says_the_new_date():
    case = Case.model_validate({
        "profession": "pielegniarka", "right_to_practise": {"held": True}, "employment": [],
        "courses": [{"kind": "kwalifikacyjny", "field": "pielęgniarstwo chirurgiczne", "completed_on": "2001-05-05",
                     "exam": "zdany"}],
        "goal": {"form": "specjalizacja", "field": "pielęgniarstwo chirurgiczne"}})
    overlay = {"credit_cutoff_date": [{"from": "2026-01-20", "value": "2005-01-01",
                                       "ref": {"act": "rozporzadzenie_2026", "unit": "4", "ust": "4"},
                                       "last_checked": "2026-12-01"}]}
    d = next(x for x in assess(case, AS_OF, overlay=overlay).decisions if x.rule == "d.specjalizacja.credit.course")
    assert d.outcome.value == "does_not_meet"
    assert "1 stycznia 2005 r." in " ".join(r.text for r in d.reasons)
    plain = next(x for x in assess(case, AS_OF).decisions if x.rule == "d.specjalizacja.credit.course")
    assert plain.outcome.value == "possible_on_request"
