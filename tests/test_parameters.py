"""Dated parameters (logic/parameters.yaml): a value holds from its date until the day before the next one.

The sweep reads the YAML file itself and works out, day by day, which value should be in force; the loader must
agree. Expected fees and authorities come from the law (§ 10, § 37 ust. 3 of the 2026 regulation; art. 26 ust. 2
of the 2024 amending act), not from the code.
"""
from __future__ import annotations

import json
from datetime import date, timedelta
from pathlib import Path

import pytest
import yaml

from logic import parameters as P
from logic.case import Case
from logic.assess import assess
from logic.references import ACTS, ActKey

FIRST_DAY = date(2026, 1, 20)  # § 39: the regulation takes effect on 20 January 2026
LAST_DAY = date(2028, 12, 31)
RAW = yaml.safe_load(P.PARAMETERS_FILE.read_text(encoding="utf-8"))
NAMES = sorted(RAW)


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


@pytest.mark.parametrize("name", NAMES)
def test_every_parameter_resolves_to_exactly_one_value_on_every_day_of_the_supported_range(name):
    raw_values = RAW[name]["values"]
    for day in _days(FIRST_DAY, LAST_DAY):
        in_force = _in_force(raw_values, day)
        assert len(in_force) == 1, f"{name} on {day}: {len(in_force)} values in force"
        got = P.entry(name, day)
        assert got.start == in_force[0]["from"], f"{name} on {day}"
        assert P.value(name, day) == in_force[0]["value"], f"{name} on {day}"


@pytest.mark.parametrize("name", NAMES)
def test_every_parameter_has_a_value_on_the_first_day_of_the_regulation(name):
    assert min(v["from"] for v in RAW[name]["values"]) <= FIRST_DAY


@pytest.mark.parametrize("name", NAMES)
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


# --- the exam fee (§ 37 ust. 3: 170 zł for the spring 2026 session under the old rules; § 10: 350 zł) ---------

@pytest.mark.parametrize("day, fee", [
    (date(2026, 1, 20), 170),
    (date(2026, 3, 1), 170),    # first day of the spring 2026 session
    (date(2026, 5, 31), 170),   # last day of the spring 2026 session
    (date(2026, 8, 31), 170),   # the day before the autumn session
    (date(2026, 9, 1), 350),    # first day of the autumn 2026 session
    (date(2026, 11, 30), 350),
    (date(2027, 3, 1), 350),
    (date(2028, 12, 31), 350),
])
def test_the_exam_fee_is_170_for_the_spring_2026_session_and_350_from_the_autumn_2026_session(day, fee):
    assert P.value("exam_fee_pln", day) == fee


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
    ("spring_session_window", ["03-01", "05-31"]),    # § 12 ust. 1
    ("autumn_session_window", ["09-01", "11-30"]),
    ("spring_application_deadline", "11-30"),         # § 9 ust. 2
    ("autumn_application_deadline", "05-31"),
])
def test_values_match_the_law(name, expected):
    for day in (FIRST_DAY, date(2027, 6, 15), LAST_DAY):
        assert P.value(name, day) == expected


def test_the_loaded_parameters_are_json_serialisable_with_their_references():
    for param in P.load().values():
        json.loads(param.model_dump_json(by_alias=True))
