"""Dated parameters (logic/parameters.yaml): a value holds from its date until the day before the next one;
a session-keyed value holds from its session until the session before the next one.

The sweeps read the YAML file itself and work out, day by day and session by session, which value should be in
force; the loader must agree. Expected fees, dates and authorities come from the law (§ 9 ust. 2, § 10, § 12 ust. 1,
§ 13 ust. 3, § 37 ust. 3 of the 2026 regulation; art. 26 ust. 2 of the 2024 amending act), not from the code.

Overlays (a draft amendment merged in for one assessment) are checked here too: they change the values inside
`P.overlaid(...)` / `assess(..., overlay=...)` only, never outside it or in another thread.
"""
from __future__ import annotations

import json
import threading
from concurrent.futures import ThreadPoolExecutor
from datetime import date, timedelta
from pathlib import Path

import pytest
import yaml
from pydantic import ValidationError

from logic import parameters as P
from logic.__main__ import EXIT_BAD_INPUT, main
from logic.case import Case
from logic.assess import assess, law_checked_on
from logic.references import ACTS, ActKey

FIRST_DAY = date(2026, 1, 20)  # § 39: the regulation takes effect on 20 January 2026
LAST_DAY = date(2028, 12, 31)
FIRST_SESSION = "2026-wiosna"  # the first session held under the 2026 regulation
RAW = yaml.safe_load(P.PARAMETERS_FILE.read_text(encoding="utf-8"))
NAMES = sorted(RAW)
SESSION_NAMES = sorted(n for n in NAMES if RAW[n].get("keyed_by") == "session")
DATED_NAMES = sorted(n for n in NAMES if n not in SESSION_NAMES)
SESSIONS = [f"{year}-{season}" for year in range(2026, 2101) for season in ("wiosna", "jesien")]  # in order
FEE = "exam_fee_pln"


def _days(first: date, last: date):
    day = first
    while day <= last:
        yield day
        day += timedelta(days=1)


def _in_force(raw_values: list[dict], day: date) -> list[dict]:
    """Every raw value whose period [from, next from) contains `day`."""
    ordered = sorted(raw_values, key=lambda v: v["from"])
    out = []
    for i, v in enumerate(ordered):
        until = ordered[i + 1]["from"] if i + 1 < len(ordered) else date.max
        if v["from"] <= day < until:
            out.append(v)
    return out


def test_the_yaml_file_defines_parameters_and_the_loader_loads_every_one():
    assert len(NAMES) > 10
    assert sorted(P.load()) == NAMES


@pytest.mark.parametrize("name", NAMES)
def test_no_parameter_has_two_values_starting_on_the_same_day(name):
    starts = [v["from"] for v in RAW[name]["values"]]
    assert len(starts) == len(set(starts))


@pytest.mark.parametrize("name", DATED_NAMES)
def test_every_parameter_resolves_to_exactly_one_value_on_every_day_of_the_supported_range(name):
    raw_values = RAW[name]["values"]
    for day in _days(FIRST_DAY, LAST_DAY):
        in_force = _in_force(raw_values, day)
        assert len(in_force) == 1, f"{name} on {day}: {len(in_force)} values in force"
        got = P.entry(name, day)
        assert got.start == in_force[0]["from"], f"{name} on {day}"
        assert P.value(name, day) == in_force[0]["value"], f"{name} on {day}"


@pytest.mark.parametrize("name", DATED_NAMES)
def test_every_parameter_has_a_value_on_the_first_day_of_the_regulation(name):
    assert min(v["from"] for v in RAW[name]["values"]) <= FIRST_DAY


@pytest.mark.parametrize("name", DATED_NAMES)
def test_asking_for_a_parameter_before_its_first_value_raises_out_of_range_naming_it(name):
    first = min(v["from"] for v in RAW[name]["values"])
    with pytest.raises(P.OutOfRange) as info:
        P.entry(name, first - timedelta(days=1))
    assert info.value.name == name
    assert info.value.first == first
    assert name in str(info.value)
    P.entry(name, first)  # and the first day itself is fine


def test_the_first_supported_day_is_the_regulations_entry_into_force():
    assert P.first_supported_day() == FIRST_DAY


def test_assessing_a_day_before_the_regulation_says_so_instead_of_failing():
    case = Case.model_validate({"profession": "pielegniarka", "right_to_practise": {"held": True},
                                "goal": {"form": "specjalizacja"}})
    result = assess(case, FIRST_DAY - timedelta(days=1))
    assert [d.rule for d in result.decisions] == ["j.before_regulation"]
    assert result.decisions[0].outcome.value == "needs_review"
    assert result.decisions[0].legal_basis
    on_first_day = assess(case, FIRST_DAY)
    assert "j.before_regulation" not in [d.rule for d in on_first_day.decisions]


@pytest.mark.parametrize("name", NAMES)
def test_every_value_has_a_legal_reference_a_last_checked_date_and_a_description(name):
    body = RAW[name]
    assert body["description"].strip()
    assert str(body["unit"]).strip()
    for raw in body["values"]:
        assert isinstance(raw["last_checked"], date)
        # checked against the law's text: not before the regulation was signed (16.01.2026)
        assert raw["last_checked"] >= date(2026, 1, 16)
        assert raw["ref"]["act"] in {k.value for k in ActKey}
        assert str(raw["ref"]["unit"]).strip()
    for value in P.load()[name].values:
        assert value.ref.act in ACTS
        assert value.ref.label
        assert "Dz.U." in value.ref.citation


@pytest.mark.parametrize("session, fee", [("2026-wiosna", 170), ("2026-jesien", 350), ("2027-wiosna", 350),
                                          ("2027-jesien", 350)])
def test_the_assessment_quotes_the_fee_of_the_session_asked_about(session, fee):
    case = Case.model_validate({"goal": {"form": "egzamin_panstwowy", "session": session}})
    result = assess(case, date(2026, 1, 20))
    fees = [d.facts["fee_pln"] for d in result.decisions if d.rule == "f.session" and "fee_pln" in d.facts]
    assert fees == [fee]


# --- the exam authority (art. 26 ust. 2 of the 2024 act: CMKP until 31.12.2026; CEM from 1.01.2027) --------------

@pytest.mark.parametrize("day, authority", [
    (date(2026, 1, 20), "CMKP"),
    (date(2026, 12, 31), "CMKP"),
    (date(2027, 1, 1), "CEM"),
    (date(2028, 12, 31), "CEM"),
])
def test_the_exam_is_run_by_cmkp_until_the_end_of_2026_and_by_cem_from_2027(day, authority):
    assert P.value("exam_authority", day) == authority


# --- a few values against the text of the law ---------------------------------------------------------------------

@pytest.mark.parametrize("name, expected", [
    ("specjalizacja_experience_months", 24),          # art. 67 ust. 4 pkt 2: co najmniej 2 lata
    ("specjalizacja_experience_window_years", 5),     # … w okresie ostatnich 5 lat
    ("kurs_kwalifikacyjny_experience_months", 6),     # art. 71 ust. 2 pkt 2
    ("specjalizacja_min_months", 15),                 # § 4 ust. 1
    ("fee_payment_days_after_deadline", 5),           # art. 67 ust. 8
    ("fee_defect_fix_days", 7),                       # art. 67 ust. 10
    ("credit_cutoff_date", date(1999, 7, 1)),         # § 4 ust. 4
])
def test_values_match_the_law(name, expected):
    for day in (FIRST_DAY, date(2027, 6, 15), LAST_DAY):
        assert P.value(name, day) == expected


def test_the_loaded_parameters_are_json_serialisable_with_their_references():
    for param in P.load().values():
        json.loads(param.model_dump_json(by_alias=True))


# --- session-keyed parameters ---------------------------------------------------------------------------------------

def _rank(code: str) -> int:
    """The session's place in time, worked out here without the loader: year, then spring before autumn."""
    year, season = code.split("-")
    return int(year) * 2 + ("wiosna", "jesien").index(season)


def _session_in_force(raw_values: list[dict], code: str) -> list[dict]:
    ordered = sorted(raw_values, key=lambda v: _rank(v["from"]))
    out = []
    for i, v in enumerate(ordered):
        until = _rank(ordered[i + 1]["from"]) if i + 1 < len(ordered) else 10 ** 9
        if _rank(v["from"]) <= _rank(code) < until:
            out.append(v)
    return out


def _with_defaults(raw):
    """A raw calendar value as the loader gives it back: a month-day without `year_offset` is in the same year."""
    if isinstance(raw, dict):
        out = {k: _with_defaults(v) for k, v in raw.items()}
        if "month" in out and "day" in out:
            out.setdefault("year_offset", 0)
        return out
    return raw


def _dumped(value):
    return value.model_dump() if hasattr(value, "model_dump") else value


def test_there_are_session_keyed_parameters_for_the_calendar_and_the_fee():
    assert SESSION_NAMES == sorted(["exam_session_window", "exam_application_deadline", "exam_plan_publication", FEE])


@pytest.mark.parametrize("name", SESSION_NAMES)
def test_every_session_keyed_parameter_resolves_to_exactly_one_value_for_every_session_to_2100(name):
    raw_values = RAW[name]["values"]
    for code in SESSIONS:
        in_force = _session_in_force(raw_values, code)
        assert len(in_force) == 1, f"{name} for {code}: {len(in_force)} values in force"
        got = P.session_entry(name, code)
        assert got.start == in_force[0]["from"], f"{name} for {code}"
        raw = _with_defaults(in_force[0]["value"])
        season = code.split("-")[1]
        expected = raw[season] if isinstance(raw, dict) and set(raw) == {"wiosna", "jesien"} else raw
        assert _dumped(P.session_value(name, code)) == expected, f"{name} for {code}"


@pytest.mark.parametrize("name", SESSION_NAMES)
def test_every_session_keyed_parameter_starts_with_the_first_session_and_not_before(name):
    firsts = sorted((v["from"] for v in RAW[name]["values"]), key=_rank)
    assert firsts[0] == FIRST_SESSION
    with pytest.raises(P.OutOfRange) as info:
        P.session_entry(name, "2025-jesien")
    assert info.value.name == name and info.value.first == FIRST_SESSION and "2025-jesien" in str(info.value)
    assert P.first_supported_session() == FIRST_SESSION


@pytest.mark.parametrize("name", SESSION_NAMES)
def test_a_session_keyed_parameter_is_not_asked_by_day_nor_a_dated_one_by_session(name):
    with pytest.raises(TypeError, match="keyed by session"):
        P.entry(name, date(2027, 1, 1))
    with pytest.raises(TypeError, match="keyed by day"):
        P.session_entry("exam_notice_days", "2027-wiosna")


@pytest.mark.parametrize("session, deadline, plan, window", [
    # § 9 ust. 2: by 30 November (the year before) for spring, by 31 May for autumn; § 13 ust. 3: plan by
    # 31 December (the year before) / 30 June; § 12 ust. 1: 1 March – 31 May and 1 September – 30 November.
    ("2026-wiosna", date(2025, 11, 30), date(2025, 12, 31), (date(2026, 3, 1), date(2026, 5, 31))),
    ("2026-jesien", date(2026, 5, 31), date(2026, 6, 30), (date(2026, 9, 1), date(2026, 11, 30))),
    ("2027-wiosna", date(2026, 11, 30), date(2026, 12, 31), (date(2027, 3, 1), date(2027, 5, 31))),
    ("2027-jesien", date(2027, 5, 31), date(2027, 6, 30), (date(2027, 9, 1), date(2027, 11, 30))),
    ("2031-wiosna", date(2030, 11, 30), date(2030, 12, 31), (date(2031, 3, 1), date(2031, 5, 31))),
    ("2100-jesien", date(2100, 5, 31), date(2100, 6, 30), (date(2100, 9, 1), date(2100, 11, 30))),
])
def test_the_session_calendar_gives_the_days_of_the_law(session, deadline, plan, window):
    assert P.session_date("exam_application_deadline", session) == deadline
    assert P.session_date("exam_plan_publication", session) == plan
    assert P.session_period("exam_session_window", session) == window
    assert P.session_entry("exam_application_deadline", session).ref.label == "§ 9 ust. 2"
    assert P.session_entry("exam_plan_publication", session).ref.label == "§ 13 ust. 3"
    assert P.session_entry("exam_session_window", session).ref.label == "§ 12 ust. 1"


def test_the_spring_deadline_and_plan_lie_in_the_year_before_the_session():
    assert P.session_value("exam_application_deadline", "2027-wiosna") == P.MonthDay(month=11, day=30, year_offset=-1)
    assert P.session_value("exam_plan_publication", "2027-wiosna").year_offset == -1
    assert P.session_value("exam_application_deadline", "2027-jesien").year_offset == 0


def test_session_lookups_take_anything_with_a_code():
    class Session:
        code = "2027-wiosna"

    assert P.session_date("exam_application_deadline", Session()) == date(2026, 11, 30)


# --- the exam fee by session (§ 37 ust. 3: the old 170 zł for the spring 2026 session; § 10: 350 zł) ------------

@pytest.mark.parametrize("session, fee, ref", [
    ("2026-wiosna", 170, "§ 37 ust. 3"),   # the session before the change
    ("2026-jesien", 350, "§ 10"),          # the session of the change
    ("2027-wiosna", 350, "§ 10"),          # the session after it
    ("2100-jesien", 350, "§ 10"),
])
def test_the_exam_fee_by_session_is_170_for_spring_2026_and_350_from_autumn_2026(session, fee, ref):
    assert P.session_value(FEE, session) == fee
    assert P.session_entry(FEE, session).ref.label == ref


def test_the_spring_2026_fee_keeps_its_note_on_the_old_rules():
    assert "170 zł" in P.session_entry(FEE, "2026-wiosna").note
    assert "dotychczasowe" in P.session_entry(FEE, "2026-wiosna").note


# --- typed values ---------------------------------------------------------------------------------------------------

@pytest.mark.parametrize("raw", [
    {"month": 2, "day": 30},                       # no 30 February
    {"month": 2, "day": 29},                       # not in every year
    {"month": 4, "day": 31},
    {"month": 13, "day": 1},
    {"month": 0, "day": 1},
    {"month": 1, "day": 0},
    {"month": 11, "day": 30, "year_offset": -2},   # a session's calendar lies in its year or next to it
    {"month": 11, "day": 30, "year_offset": 2},
    {"month": 11, "day": 30, "year_offset": 0.5},
    {"month": 11, "day": 30, "year_offset": "-1"},
    {"month": 11, "day": 30, "year_offset": True},
    {"month": "11", "day": 30},
    {"month": 11, "day": 30, "year": 2026},        # an unknown field
    {"month": 11},
])
def test_a_month_day_refuses_an_impossible_day_or_a_bad_offset(raw):
    with pytest.raises(ValidationError):
        P.MonthDay.model_validate(raw)


@pytest.mark.parametrize("raw, session_year, day", [
    ({"month": 2, "day": 28}, 2027, date(2027, 2, 28)),
    ({"month": 11, "day": 30, "year_offset": -1}, 2027, date(2026, 11, 30)),
    ({"month": 12, "day": 31, "year_offset": -1}, 2026, date(2025, 12, 31)),
    ({"month": 1, "day": 15, "year_offset": 1}, 2027, date(2028, 1, 15)),
])
def test_a_month_day_gives_the_day_for_a_session_year(raw, session_year, day):
    assert P.MonthDay.model_validate(raw).on(session_year) == day


def test_a_month_day_range_must_not_end_before_it_starts_but_may_cross_the_new_year():
    with pytest.raises(ValidationError):
        P.MonthDayRange.model_validate({"start": {"month": 5, "day": 31}, "end": {"month": 3, "day": 1}})
    r = P.MonthDayRange.model_validate({"start": {"month": 12, "day": 1, "year_offset": -1},
                                        "end": {"month": 1, "day": 31}})
    assert r.on(2027) == (date(2026, 12, 1), date(2027, 1, 31))


def test_a_value_by_season_needs_both_seasons():
    with pytest.raises(ValidationError):
        P.BySeason[P.MonthDay].model_validate({"wiosna": {"month": 11, "day": 30}})


@pytest.mark.parametrize("code", ["2027-lato", "27-wiosna", "2027-Wiosna", "2027wiosna", " 2027-jesien", 2027, None])
def test_a_session_code_is_year_dash_wiosna_or_jesien(code):
    with pytest.raises(ValueError):
        P.session_key(code)


def test_sessions_are_ordered_by_year_then_spring_before_autumn():
    shuffled = ["2027-jesien", "2026-jesien", "2027-wiosna", "2026-wiosna"]
    assert sorted(shuffled, key=P.session_key) == ["2026-wiosna", "2026-jesien", "2027-wiosna", "2027-jesien"]


def test_the_yaml_is_read_with_the_c_loader_when_there_is_one():
    assert P.YAML_LOADER is getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def test_the_law_checked_day_is_the_latest_last_checked_in_the_file():
    latest = max(v["last_checked"] for body in RAW.values() for v in body["values"])
    assert P.law_checked_on() == law_checked_on() == latest


# --- overlays: a draft amendment for one assessment -------------------------------------------------------------

CHECKED = "2026-11-23"
FEE_400 = {FEE: [{"from": "2027-jesien", "value": 400, "ref": {"act": "rozporzadzenie_2026", "unit": "10"},
                  "last_checked": CHECKED, "note": "Projekt zmiany § 10."}]}
PAY_6_DAYS = {"fee_payment_days_after_deadline": [
    {"from": date(2027, 1, 1), "value": 6, "ref": {"act": "ustawa_zpip", "unit": "67", "ust": "8"},
     "last_checked": date(2026, 11, 23)}]}


def test_an_overlay_changes_the_fee_from_its_session_only_and_only_inside_the_context():
    with P.overlaid(FEE_400):
        assert P.session_value(FEE, "2027-wiosna") == 350     # the session before
        assert P.session_value(FEE, "2027-jesien") == 400     # the session of the draft
        assert P.session_value(FEE, "2028-wiosna") == 400     # and after
        assert P.session_entry(FEE, "2027-jesien").note == "Projekt zmiany § 10."
        assert P.session_value(FEE, "2026-wiosna") == 170     # earlier values stay
    assert P.session_value(FEE, "2027-jesien") == 350
    assert P.session_value(FEE, "2028-wiosna") == 350
    assert P.active() is P.base()


@pytest.mark.parametrize("day, days", [(date(2026, 12, 31), 5), (date(2027, 1, 1), 6), (date(2027, 1, 2), 6)])
def test_an_overlay_on_a_dated_parameter_takes_effect_from_its_day(day, days):
    with P.overlaid(PAY_6_DAYS):
        assert P.value("fee_payment_days_after_deadline", day) == days
        assert P.entry("fee_payment_days_after_deadline", day).start in (FIRST_DAY, date(2027, 1, 1))
    assert P.value("fee_payment_days_after_deadline", day) == 5


def test_an_overlay_value_with_the_same_from_replaces_the_one_in_force():
    overlay = {"fee_payment_days_after_deadline": [
        {"from": "2026-01-20", "value": 9, "ref": {"act": "ustawa_zpip", "unit": "67", "ust": "8"},
         "last_checked": CHECKED}]}
    with P.overlaid(overlay):
        assert len(P.load()["fee_payment_days_after_deadline"].values) == 1
        assert P.value("fee_payment_days_after_deadline", FIRST_DAY) == 9
        assert P.first_supported_day() == FIRST_DAY
    assert P.value("fee_payment_days_after_deadline", FIRST_DAY) == 5


def test_an_overlay_read_from_json_text_gets_dates_and_typed_calendar_values():
    overlay = json.loads(json.dumps({
        "credit_cutoff_date": [{"from": "2027-01-01", "value": "1999-08-01",
                                "ref": {"act": "rozporzadzenie_2026", "unit": "4", "ust": "4"},
                                "last_checked": CHECKED}],
        "exam_application_deadline": [{"from": "2028-wiosna",
                                       "value": {"wiosna": {"month": 12, "day": 15, "year_offset": -1},
                                                 "jesien": {"month": 6, "day": 15}},
                                       "ref": {"act": "rozporzadzenie_2026", "unit": "9", "ust": "2"},
                                       "last_checked": CHECKED}]}))
    with P.overlaid(overlay):
        assert P.value("credit_cutoff_date", date(2027, 1, 1)) == date(1999, 8, 1)
        assert P.session_date("exam_application_deadline", "2027-jesien") == date(2027, 5, 31)
        assert P.session_date("exam_application_deadline", "2028-wiosna") == date(2027, 12, 15)
        assert P.session_date("exam_application_deadline", "2028-jesien") == date(2028, 6, 15)
    assert P.session_date("exam_application_deadline", "2028-wiosna") == date(2027, 11, 30)


def test_overlays_nest_and_the_same_overlay_reuses_its_parameter_set():
    with P.overlaid(FEE_400) as outer:
        with P.overlaid(PAY_6_DAYS):
            assert P.session_value(FEE, "2027-jesien") == 400
            assert P.value("fee_payment_days_after_deadline", date(2027, 1, 1)) == 6
        assert P.value("fee_payment_days_after_deadline", date(2027, 1, 1)) == 5
        assert P.active() is outer
    with P.overlaid(FEE_400) as again:
        assert again is outer  # its cache stays warm for a repeated "what if"
    with P.overlaid(None) as none, P.overlaid({}) as empty:
        assert none is empty is P.base()


def test_an_overlay_never_leaks_out_of_a_block_left_by_an_exception():
    with pytest.raises(RuntimeError):
        with P.overlaid(FEE_400):
            raise RuntimeError("boom")
    assert P.session_value(FEE, "2027-jesien") == 350
    assert P.active() is P.base()


@pytest.mark.parametrize("overlay, where", [
    ({"exam_fee": FEE_400[FEE]}, "exam_fee"),                                            # unknown name
    ({"no_such_parameter": []}, "no_such_parameter"),
    ({FEE: {"from": "2027-jesien", "value": 400}}, FEE),                                  # not a list
    ({FEE: ["400"]}, f"{FEE}[0]"),                                                        # not an entry
    ({FEE: [{**FEE_400[FEE][0], "value": "400"}]}, f"{FEE}[0].value"),                    # not a whole number
    ({FEE: [{**FEE_400[FEE][0], "value": -1}]}, f"{FEE}[0].value"),
    ({FEE: [{**FEE_400[FEE][0], "from": "2027-lato"}]}, f"{FEE}[0].from"),                # not a session
    ({FEE: [{**FEE_400[FEE][0], "from": "2027-09-01"}]}, f"{FEE}[0].from"),               # a day, not a session
    ({FEE: [{k: v for k, v in FEE_400[FEE][0].items() if k != "ref"}]}, f"{FEE}[0].ref"),  # no reference
    ({FEE: [{**FEE_400[FEE][0], "ref": {"act": "ustawa_xyz", "unit": "10"}}]}, f"{FEE}[0].ref.act"),
    ({FEE: [{**FEE_400[FEE][0], "last_checked": "wczoraj"}]}, f"{FEE}[0].last_checked"),
    ({FEE: [{**FEE_400[FEE][0], "valeu": 400}]}, f"{FEE}[0].valeu"),                      # a misspelt field
    ({FEE: [FEE_400[FEE][0], FEE_400[FEE][0]]}, f"{FEE}[1].from"),                        # two values, one session
    ({"exam_application_deadline": [{"from": "2028-wiosna", "value": {
        "wiosna": {"month": 2, "day": 30}, "jesien": {"month": 5, "day": 31}},
        "ref": {"act": "rozporzadzenie_2026", "unit": "9", "ust": "2"}, "last_checked": CHECKED}]},
     "exam_application_deadline[0].value.wiosna"),                                       # an impossible day
    ({"fee_payment_days_after_deadline": [{**PAY_6_DAYS["fee_payment_days_after_deadline"][0], "value": "6"}]},
     "fee_payment_days_after_deadline[0].value"),                                        # not the kind it was
    ({"fee_payment_days_after_deadline": [{**PAY_6_DAYS["fee_payment_days_after_deadline"][0],
                                           "from": "2027-jesien"}]},
     "fee_payment_days_after_deadline[0].from"),                                         # a session for a day
    ({"state_commission_pay_pln": [{"from": "2027-01-01", "value": {"przewodniczacy": 600},
                                    "ref": {"act": "rozporzadzenie_2026", "unit": "19"}, "last_checked": CHECKED}]},
     "state_commission_pay_pln[0].value"),                                               # fields missing
])
def test_an_unknown_parameter_or_a_malformed_value_raises_a_value_error_naming_it(overlay, where):
    with pytest.raises(ValueError) as info:
        with P.overlaid(overlay):
            pytest.fail("an overlay that cannot be applied must not be entered")
    assert isinstance(info.value, P.OverlayError)
    assert where in [w for w, _ in info.value.problems], info.value.problems
    assert where in str(info.value)
    assert P.active() is P.base()


def test_an_overlay_that_is_not_a_mapping_raises():
    with pytest.raises(ValueError):
        with P.overlaid([FEE_400]):  # type: ignore[arg-type]
            pass


def test_an_unknown_parameter_suggests_the_close_name():
    with pytest.raises(P.OverlayError, match="exam_fee_pln"):
        P.validate_overlay({"exam_fee_by_sesion_pln": FEE_400[FEE]})


def test_two_threads_one_inside_an_overlay_do_not_see_each_others_values():
    both_reading = threading.Barrier(2, timeout=10)

    def inside() -> list[int]:
        with P.overlaid(FEE_400):
            seen = [P.session_value(FEE, "2027-jesien")]
            both_reading.wait()
            seen.append(P.session_value(FEE, "2027-jesien"))
            both_reading.wait()
            seen.append(P.session_value(FEE, "2027-jesien"))
        seen.append(P.session_value(FEE, "2027-jesien"))
        return seen

    def outside() -> list[int]:
        both_reading.wait()
        seen = [P.session_value(FEE, "2027-jesien")]
        both_reading.wait()
        seen.append(P.session_value(FEE, "2027-jesien"))
        return seen

    with ThreadPoolExecutor(max_workers=2) as pool:
        a, b = pool.submit(inside), pool.submit(outside)
        assert a.result(timeout=20) == [400, 400, 400, 350]
        assert b.result(timeout=20) == [350, 350]


# --- assess with an overlay -----------------------------------------------------------------------------------------

EXAM_CASE = {"goal": {"form": "egzamin_panstwowy", "session": "2027-jesien"}}
AS_OF = date(2026, 11, 22)


def _fee_deadlines(result) -> set[date]:
    return {st.date for d in result.decisions for st in d.steps if st.code == "fee_deadline"}


def test_assess_applies_the_overlay_for_that_call_only():
    case = Case.model_validate(EXAM_CASE)
    before = assess(case, AS_OF)
    assert _fee_deadlines(before) == {date(2027, 6, 5)}  # 31 May 2027 + 5 days (art. 67 ust. 8)
    drafted = assess(case, AS_OF, overlay=PAY_6_DAYS)
    assert _fee_deadlines(drafted) == {date(2027, 6, 6)}
    assert P.value("fee_payment_days_after_deadline", date(2027, 5, 31)) == 5
    assert assess(case, AS_OF).model_dump() == before.model_dump()


def test_assess_with_an_unknown_parameter_raises_and_leaves_nothing_behind():
    case = Case.model_validate(EXAM_CASE)
    with pytest.raises(ValueError, match="no_such_parameter"):
        assess(case, AS_OF, overlay={"no_such_parameter": []})
    with pytest.raises(ValueError):  # an as-of day out of range, raised inside the overlay
        assess(case, date(1899, 12, 31), overlay=PAY_6_DAYS)
    assert P.active() is P.base()


# --- the command line: --parameters FILE.yaml -----------------------------------------------------------------------

def _case_file(tmp_path: Path) -> str:
    path = tmp_path / "case.json"
    path.write_text(json.dumps(EXAM_CASE), encoding="utf-8")
    return str(path)


@pytest.mark.parametrize("suffix, dump", [(".yaml", lambda o: yaml.safe_dump(o, allow_unicode=True)),
                                          (".json", lambda o: json.dumps(o, default=str))])
def test_the_command_line_reads_an_overlay_file_in_yaml_or_json(tmp_path, capsys, suffix, dump):
    overlay = tmp_path / f"draft{suffix}"
    overlay.write_text(dump(PAY_6_DAYS), encoding="utf-8")
    case = _case_file(tmp_path)
    assert main(["assess", case, "--as-of", AS_OF.isoformat(), "--parameters", str(overlay)]) == 0
    out = json.loads(capsys.readouterr().out)
    days = {st["date"] for d in out["decisions"] for st in d["steps"] if st["code"] == "fee_deadline"}
    assert days == {"2027-06-06"}
    assert main(["explain", case, "--as-of", AS_OF.isoformat(), "--parameters", str(overlay)]) == 0
    assert capsys.readouterr().out.strip()
    assert P.active() is P.base()


@pytest.mark.parametrize("text, message", [
    (None, "Nie ma pliku"),
    ("a: [b", "nie jest poprawnym plikiem YAML ani JSON (wiersz"),
    ("- 1\n- 2\n", "musi zawierać obiekt"),
    ("exam_fee:\n  - {from: 2027-jesien, value: 400}\n", "nieznany parametr"),
    ("exam_fee_pln:\n  - {from: 2027-lato, value: 400, ref: {act: rozporzadzenie_2026, unit: '10'},"
     " last_checked: 2026-11-23}\n", "nie jest kodem sesji"),
])
def test_a_bad_overlay_file_gets_a_polish_message_and_exit_status_2(tmp_path, capsys, text, message):
    overlay = tmp_path / "draft.yaml"
    if text is not None:
        overlay.write_text(text, encoding="utf-8")
    code = main(["assess", _case_file(tmp_path), "--as-of", AS_OF.isoformat(), "--parameters", str(overlay)])
    err = capsys.readouterr().err
    assert code == EXIT_BAD_INPUT
    assert message in err
    assert "Traceback" not in err
