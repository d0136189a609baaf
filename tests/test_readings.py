"""docs/READINGS.md cannot drift from the code: every note code has an entry in logic/readings.py, every code an
entry names exists, and the page is the rendering of that registry.

When a test here fails: add (or fix) the entry in logic/readings.py, then run `.venv/bin/python -m logic.readings
--write`.
"""
import dataclasses
from collections import Counter

import pytest

from logic import readings as R

FIX = "edit logic/readings.py, then run `.venv/bin/python -m logic.readings --write`"


@pytest.fixture(scope="module")
def notes() -> R.Scan:
    return R.scan_package("note")


def test_every_note_code_in_the_code_has_an_entry(notes):
    found = [f for f in notes.literals if f.code not in R.accounted_note_codes()]
    dynamic = [c for d in R.DYNAMIC_NOTE_CODES for c in d.codes if c not in R.accounted_note_codes()]
    assert not found and not dynamic, (
        f"note codes without a reading or an informational entry: {', '.join(map(str, found))} {dynamic or ''}; "
        f"add a Reading (or an Info) for each: {FIX}")


def test_every_note_code_in_the_code_can_be_read(notes):
    assert not notes.unresolved, (
        "the scan cannot tell which code these Note(...) calls give; use a string literal, or an f-string listed in "
        f"DYNAMIC_NOTE_CODES: {', '.join(map(str, notes.unresolved))}")


def test_the_scan_finds_exactly_the_dynamic_note_codes_the_registry_expects(notes):
    found = {(f.module, f.code) for f in notes.patterns}
    expected = {(d.module, d.pattern) for d in R.DYNAMIC_NOTE_CODES}
    assert found == expected, (
        f"f-string note codes found but not in DYNAMIC_NOTE_CODES: {sorted(found - expected)}; "
        f"listed but not found: {sorted(expected - found)}. List each pattern with the codes it makes, and give "
        f"each code an entry: {FIX}")


@pytest.mark.parametrize("dynamic", R.DYNAMIC_NOTE_CODES, ids=lambda d: d.pattern)
def test_each_dynamic_code_fits_its_pattern(dynamic):
    assert dynamic.codes and dynamic.source
    assert [c for c in dynamic.codes if not dynamic.regex().fullmatch(c)] == []


def test_every_code_an_entry_names_exists_in_the_code():
    in_code = {"note": R.note_codes_in_code(), **{k: R.scan_package(k).codes for k in ("reason", "step", "decision")}}
    stale = [f"reading {r.number}: {kind} `{c}`" for r in R.READINGS for kind, codes in r.codes().items()
             for c in codes if c not in in_code[kind]]
    stale += [f"informational note `{i.code}`" for i in R.INFORMATIONAL if i.code not in in_code["note"]]
    assert stale == [], f"entries name codes the code no longer has: {stale}; {FIX}"


def test_a_note_code_is_either_a_reading_or_informational_once():
    info = Counter(i.code for i in R.INFORMATIONAL)
    assert [c for c, n in info.items() if n > 1] == []
    assert sorted(set(info) & {c for r in R.READINGS for c in r.notes}) == []


def test_readings_are_numbered_from_one_without_gaps():
    assert [r.number for r in R.READINGS] == list(range(1, len(R.READINGS) + 1))


@pytest.mark.parametrize("reading", R.READINGS, ids=lambda r: str(r.number))
def test_each_reading_has_every_field_filled(reading):
    assert reading.where.strip() and reading.gap.strip() and reading.reading.strip()
    assert any(reading.codes().values()) or reading.shown.strip(), "say how the user sees the reading"
    for codes in reading.codes().values():
        assert all(isinstance(c, str) and c.strip() for c in codes), "codes are a tuple of strings"


@pytest.mark.parametrize("info", R.INFORMATIONAL, ids=lambda i: i.code)
def test_each_informational_note_has_every_field_filled(info):
    assert all(str(v).strip() for v in dataclasses.astuple(info))


def test_the_document_is_the_rendered_registry():
    assert R.DOCUMENT.read_text(encoding="utf-8") == R.render(), (
        "docs/READINGS.md differs from logic/readings.py: run `.venv/bin/python -m logic.readings --write`")


def test_the_document_lists_each_reading_and_each_informational_note():
    text = R.render()
    for r in R.READINGS:
        assert f"\n| {r.number} | " in text
    for i in R.INFORMATIONAL:
        assert f"\n| `{i.code}` | " in text


SAMPLE = '''
A = Note(code="plain", text="…")
def f(kind, ok, c):
    n = [Note(code=f"{kind}_day_off", text="…"), Note("positional", "…")]
    n.append(Note(code="yes" if ok else "no", text="…"))
    n.append(Note(code=c, text="…"))
    n.append(decision.Note(code="qualified", text="…"))
    return Reason(code="not_a_note", text="…")
'''


def test_the_scan_reads_literals_patterns_and_both_branches_and_flags_the_rest():
    scan = R.scan_calls(SAMPLE, "sample.py", "Note", "code")
    assert scan.codes == {"plain", "positional", "yes", "no", "qualified"}
    assert [f.code for f in scan.patterns] == ["{kind}_day_off"]
    assert [f.code for f in scan.unresolved] == ["c"]
    assert scan.patterns[0].line == 4


def test_the_rule_scan_reads_arguments_assignments_and_defaults():
    source = '''
def g(rule: str = "f.session"):
    rule, title = "c.round", "…"
    rule = "h.duration"
    needs_review("g.review", "g", "…")
    return Decision(rule="j.old_rules")
'''
    assert R.scan_rule_codes(source, "sample.py").codes == {"f.session", "c.round", "h.duration", "g.review",
                                                            "j.old_rules"}


def test_the_command_line_prints_the_document(capsys):
    assert R.main([]) == 0
    assert capsys.readouterr().out == R.render()
