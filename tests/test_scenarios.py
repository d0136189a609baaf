"""Scenario tests: YAML files in tests/scenarios/, one per unit of law (or a small group of units), each scenario
named as a sentence, all loaded here by one parametrised test.

File format (every key is checked; an unknown key fails the test so a typo cannot silently test nothing):

    unit: "art. 67 ust. 4 pkt 2 ustawy"     # the unit(s) of law the file covers, free text
    group: a                                # the rule group of issue 2 (a … j)
    scenarios:
      - name: A nurse who has worked since 2023-10-01 meets the experience condition for a specialization
        as_of: 2026-11-22
        case: {...}                         # a Case, as in examples/*.json
        expect:                             # one entry per decision checked
          - rule: a.specjalizacja.entry     # required: the decision's rule code
            outcome: meets                  # meets | does_not_meet | possible_on_request | for_organizer_or_cmkp | needs_review
            earliest_date: 2027-06-01       # or null for "no earliest date"
            reasons: [code, ...]            # these reason codes are present
            no_reasons: [code, ...]         # these reason codes are absent
            notes: [code, ...]              # these note codes are present
            no_notes: [code, ...]
            missing: [field, ...]           # these fields are named as missing
            legal_basis: ["§ 4 ust. 2 pkt 3", ...]   # these unit labels are among the legal basis
            facts: {key: value, ...}        # these computed facts have these values (dates as YYYY-MM-DD)
            steps: {code: YYYY-MM-DD or {date: ..., end: ..., last_day: ...}, ...}
                                            # last_day: the day a term on a day off moves to (KPA art. 57 § 4,
                                            # KC art. 115), or null when it does not move
            documents: ["substring", ...]   # a document containing each substring is listed
        absent: [rule, ...]                 # no decision with these rule codes
        warnings: [code, ...]               # these codes are among the assessment's warnings (result.warnings)
        no_warnings: [code, ...]            # these codes are not
        overlay:                            # optional: a parameter overlay (a draft amendment) passed to assess
          parameter_name:
            - {from: 2027-01-01, value: ..., ref: {act: ..., unit: ...}, last_checked: 2026-11-23}

Expected values come from the law and the issue's examples, never from running the engine.
"""
from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import pytest
import yaml

from logic import Case, assess

SCENARIO_DIR = Path(__file__).parent / "scenarios"
FILE_KEYS = {"unit", "group", "scenarios"}
SCENARIO_KEYS = {"name", "as_of", "case", "expect", "absent", "warnings", "no_warnings", "overlay"}
STEP_KEYS = {"date", "end", "last_day"}
EXPECT_KEYS = {"rule", "outcome", "earliest_date", "reasons", "no_reasons", "notes", "no_notes", "missing",
               "legal_basis", "facts", "steps", "documents"}
GROUPS = set("abcdefghij")


def _load() -> list[Any]:
    params = []
    for path in sorted(SCENARIO_DIR.glob("*.yaml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        unknown = set(data) - FILE_KEYS
        assert not unknown, f"{path.name}: unknown keys {unknown}"
        assert data.get("group") in GROUPS, f"{path.name}: group must be one of a–j"
        for sc in data["scenarios"]:
            params.append(pytest.param(path.name, data["group"], sc, id=f"{path.stem}: {sc.get('name', '?')}"))
    return params


SCENARIOS = _load()


def _as_date(value: Any) -> date | None:
    if value is None or isinstance(value, date):
        return value
    return date.fromisoformat(str(value))


def _jsonable(value: Any) -> Any:
    return value.isoformat() if isinstance(value, date) else value


@pytest.mark.parametrize(("file", "group", "scenario"), SCENARIOS)
def test_scenario(file: str, group: str, scenario: dict[str, Any]) -> None:
    unknown = set(scenario) - SCENARIO_KEYS
    assert not unknown, f"unknown scenario keys {unknown}"
    assert (scenario.get("expect") or scenario.get("absent") or scenario.get("warnings")
            or scenario.get("no_warnings")), "a scenario must expect something"
    case = Case.model_validate(scenario["case"])
    if "overlay" in scenario:
        assert isinstance(scenario["overlay"], dict), "overlay must map parameter names to their dated values"
        result = assess(case, _as_date(scenario["as_of"]), overlay=scenario["overlay"])
    else:
        result = assess(case, _as_date(scenario["as_of"]))
    by_rule: dict[str, list] = {}
    for d in result.decisions:
        by_rule.setdefault(d.rule, []).append(d)

    for rule in scenario.get("absent", []):
        assert rule not in by_rule, f"{rule} should not be decided here"

    if "warnings" in scenario or "no_warnings" in scenario:
        warning_codes = {w.code for w in result.warnings}
        for code in scenario.get("warnings", []):
            assert code in warning_codes, f"warning {code} not in {sorted(warning_codes)}"
        for code in scenario.get("no_warnings", []):
            assert code not in warning_codes, f"warning {code} should be absent"

    for exp in scenario.get("expect", []):
        unknown = set(exp) - EXPECT_KEYS
        assert not unknown, f"unknown expectation keys {unknown}"
        rule = exp["rule"]
        assert rule in by_rule, f"no decision {rule}; got {sorted(by_rule)}"
        candidates = by_rule[rule]
        # Several decisions may share a rule code (one per course, say): the expectation must hold for one of them.
        failures = []
        for d in candidates:
            try:
                _check(d, exp)
                break
            except AssertionError as err:
                failures.append(str(err))
        else:
            pytest.fail(f"{rule}: " + " | ".join(failures))


def _check(d, exp: dict[str, Any]) -> None:
    if "outcome" in exp:
        assert d.outcome.value == exp["outcome"], (
            f"outcome {d.outcome.value} != {exp['outcome']}; reasons {[r.code for r in d.reasons]}")
    if "earliest_date" in exp:
        assert d.earliest_date == _as_date(exp["earliest_date"]), f"earliest {d.earliest_date}"
    reason_codes = {r.code for r in d.reasons}
    for code in exp.get("reasons", []):
        assert code in reason_codes, f"reason {code} not in {sorted(reason_codes)}"
    for code in exp.get("no_reasons", []):
        assert code not in reason_codes, f"reason {code} should be absent"
    note_codes = {n.code for n in d.notes}
    for code in exp.get("notes", []):
        assert code in note_codes, f"note {code} not in {sorted(note_codes)}"
    for code in exp.get("no_notes", []):
        assert code not in note_codes, f"note {code} should be absent"
    for field in exp.get("missing", []):
        assert field in d.missing, f"missing {field} not in {d.missing}"
    labels = {r.label for r in d.legal_basis}
    for label in exp.get("legal_basis", []):
        assert label in labels, f"legal basis {label} not in {sorted(labels)}"
    for key, value in exp.get("facts", {}).items():
        assert key in d.facts, f"fact {key} not in {sorted(d.facts)}"
        assert _jsonable(d.facts[key]) == _jsonable(value), f"fact {key}: {d.facts[key]!r} != {value!r}"
    steps = {s.code: s for s in d.steps}
    for code, value in exp.get("steps", {}).items():
        assert code in steps, f"step {code} not in {sorted(steps)}"
        if isinstance(value, dict):
            assert set(value) <= STEP_KEYS, f"step {code}: only {sorted(STEP_KEYS)} may be given"
            if "date" in value:
                assert steps[code].date == _as_date(value["date"]), f"step {code} date {steps[code].date}"
            if "end" in value:
                assert steps[code].end == _as_date(value["end"]), f"step {code} end {steps[code].end}"
            if "last_day" in value:
                assert steps[code].last_day == _as_date(value["last_day"]), (
                    f"step {code} last_day {steps[code].last_day}")
        else:
            assert steps[code].date == _as_date(value), f"step {code} date {steps[code].date}"
    for text in exp.get("documents", []):
        assert any(text in doc for doc in d.documents), f"no document containing {text!r}"


def test_scenario_files_use_only_known_keys() -> None:
    """The format alone, without running the engine: a typo in a key fails here even while the engine is broken."""
    problems = []
    for p in SCENARIOS:
        file, _, sc = p.values
        where = f"{file}: {sc.get('name', '?')}"
        if set(sc) - SCENARIO_KEYS:
            problems.append(f"{where}: unknown scenario keys {set(sc) - SCENARIO_KEYS}")
        if "overlay" in sc and not isinstance(sc["overlay"], dict):
            problems.append(f"{where}: overlay must be a mapping")
        for exp in sc.get("expect", []):
            if set(exp) - EXPECT_KEYS:
                problems.append(f"{where}: unknown expectation keys {set(exp) - EXPECT_KEYS}")
            for code, value in exp.get("steps", {}).items():
                if isinstance(value, dict) and set(value) - STEP_KEYS:
                    problems.append(f"{where}: step {code}: unknown keys {set(value) - STEP_KEYS}")
    assert not problems, "\n".join(problems)


def test_every_rule_group_has_scenarios() -> None:
    groups = {group for _, group, _ in (p.values for p in SCENARIOS)}
    assert groups == GROUPS, f"groups without scenarios: {sorted(GROUPS - groups)}"


def test_scenario_names_are_sentences_and_unique() -> None:
    names = [p.values[2]["name"] for p in SCENARIOS]
    assert len(names) == len(set(names)), "duplicate scenario names"
    for name in names:
        assert len(name.split()) >= 4, f"name too short to be a sentence: {name!r}"
