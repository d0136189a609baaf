"""The law index (logic/lawindex.py) and its page: the index is generated from the code, so these tests fail when
a rule cites a unit the index does not describe, when a unit the rules cite has no scenario test, and when the
units modelled and not modelled stop covering the regulation (§ 1–39) and chapter 6 of the statute (art. 61–83).
"""
from __future__ import annotations

import re
import textwrap
from datetime import date
from pathlib import Path

import pytest
import yaml
from streamlit.testing.v1 import AppTest

from logic import Case, assess
from logic import lawindex as L
from logic import parameters as P
from logic.readings import READINGS
from logic.references import ActKey, Ref
from tests.apptest_support import shown
from tests.test_no_literal_parameters import forbidden_forms, offending
from ui.text import plain

ROOT = Path(__file__).resolve().parent.parent
SCENARIOS = ROOT / "tests" / "scenarios"
REGULATION_TEXT = ROOT.parent / "shared" / "law" / "rozporzadzenie-2026-poz-57.md"
PAGE = "app_pages/9_Przepisy_i_slowniczek.py"
AS_OF = date(2026, 11, 23)

# Units the rules cite that truly cannot have a scenario test, each with the reason. A scenario file (a YAML file in
# tests/scenarios/) covers a unit when an expectation lists it under `legal_basis` or the file's `unit:` names it.
# Format: {"§ 12 ust. 2": "why no scenario can test it"}. Empty: every unit the rules cite has a scenario.
NO_SCENARIO_POSSIBLE: dict[str, str] = {}


@pytest.fixture(scope="module")
def index() -> L.LawIndex:
    return L.build(AS_OF)


def label(key) -> str:
    return L.text_key(key)


# --- every cited unit is described --------------------------------------------------------------------------------


def undescribed(keys) -> list[str]:
    """The cited units that have no entry, or an entry without a title and an explanation."""
    entries = {e.key: e for e in L.build(AS_OF).entries}
    problems = []
    for act, unit, ust in keys:
        found = L.elements_of(act, unit, ust)
        if not found:
            problems.append(f"{Ref(act=act, unit=unit, ust=ust).citation}: no entry in the index")
        for k in found:
            if not (entries[k].title and entries[k].about):
                problems.append(f"{label(k)}: no explanation in lawindex.TEXTS")
    return problems


def test_every_unit_a_rule_or_a_parameter_cites_has_an_entry_with_an_explanation():
    cited = {c.key for c in L.scan().citations} | {L.key_of(v.ref) for p in P.load().values() for v in p.values}
    assert cited, "the scan found no reference at all"
    assert not undescribed(cited), "\n".join(undescribed(cited))


def test_a_unit_cited_by_a_new_rule_without_an_explanation_is_reported():
    # § 40 does not exist, and art. 67 ust. 15 is not in the index's structure: both must be reported.
    problems = undescribed({(ActKey.ROZPORZADZENIE, "40", None), (ActKey.USTAWA, "67", "15")})
    assert len(problems) == 2 and all("no entry" in p for p in problems)


def test_every_text_of_the_index_is_for_a_unit_the_index_has():
    known = {L.text_key(k) for k in L.elements()}
    assert set(L.TEXTS) <= known, f"texts for units the index does not have: {sorted(set(L.TEXTS) - known)}"


def test_every_unit_the_assistant_does_not_model_says_what_it_is_about_and_why_not(index):
    for e in index.not_modelled():
        assert e.title and e.about and e.why_not, e.label
    for e in index.modelled():
        assert not e.why_not, f"{e.label} is modelled: its text still says why it is not"


# --- the scan ------------------------------------------------------------------------------------------------------


def test_the_scan_reads_every_reference_call_and_every_rule_code():
    facts = L.scan()
    assert not facts.unreadable, ("calls the scan cannot read – list them in lawindex.DYNAMIC_CITATIONS (or "
                                  "DYNAMIC_RULE_CODES) with what they can make:\n"
                                  + "\n".join(str(u) for u in facts.unreadable))
    registered = {(d.module, d.pattern) for d in L.DYNAMIC_RULE_CODES}
    found = {(module, pattern) for pattern, module, _ in facts.patterns}
    assert found <= registered, f"f-string rule codes not in DYNAMIC_RULE_CODES: {sorted(found - registered)}"
    assert registered <= found, f"DYNAMIC_RULE_CODES no longer in the code: {sorted(registered - found)}"
    for d in L.DYNAMIC_RULE_CODES:
        assert d.codes and all(d.regex().fullmatch(c) for c in d.codes), d.pattern


def test_the_scan_follows_local_names_constants_helpers_and_passed_rule_codes(tmp_path):
    pkg = tmp_path / "logic"
    (pkg / "rules").mkdir(parents=True)
    (pkg / "__init__.py").write_text("")
    (pkg / "references.py").write_text("def reg(*a): ...\ndef ustawa(*a): ...\n")
    (pkg / "rules" / "__init__.py").write_text("")
    (pkg / "rules" / "fake.py").write_text(textwrap.dedent("""\
        from ..references import reg, ustawa

        PAR_3_4 = reg(3, 4)
        TABLE = {"a": PAR_3_4}

        def helper():
            return [ustawa(70, 5)]

        def base(rule: str = "z.base"):
            return Decision(rule=rule, legal_basis=[reg(12, 1)] + helper())

        def one(form):
            rule = "z.one"
            par = "6" if form else "23"
            return Decision(rule=rule, legal_basis=[TABLE["a"], reg(par, 2)])

        def two():
            return base(rule="z.two")

        def unreadable(x):
            return reg(x)
    """))
    facts = L.facts_of(L._Scan(pkg))
    rules = {(k[1], k[2]): codes for k, codes in facts.rules_by_key.items()}
    assert rules[("3", "4")] == {"z.one"}  # a module constant reached through another constant
    assert rules[("6", "2")] == rules[("23", "2")] == {"z.one"}  # a local name set to one of two literals
    assert rules[("12", "1")] == {"z.base", "z.two"}  # the default and the code a caller passes in
    assert rules[("70", "5")] == {"z.base", "z.two"}  # a helper lends its references to its caller's codes
    assert [u.text for u in facts.unreadable] == ["reg(x)"]


def test_a_decision_in_the_scenarios_cites_only_units_whose_entry_names_its_rule():
    """The static attribution of rules to units is checked against what the rules do: every unit a decision (or
    one of its steps) cites in the scenario files lists that decision's rule in the index."""
    rules = L.rules_of()
    families = [(d, d.regex()) for d in L.DYNAMIC_RULE_CODES]
    missing = set()
    for case, as_of, overlay in scenario_cases():
        for d in assess(case, as_of, overlay=overlay).decisions:
            for ref in d.legal_basis + [r for s in d.steps for r in s.legal_basis]:
                element = L.exact_element(ref.act, ref.unit, ref.ust)
                assert element is not None, f"{d.rule} cites {ref.citation}, which the index does not have"
                codes = rules.get(element, set())
                if d.rule not in codes and not any(f.pattern in codes and rx.fullmatch(d.rule) for f, rx in families):
                    missing.add(f"{d.rule} → {label(element)}")
    assert not missing, "the index does not name these rules under these units:\n" + "\n".join(sorted(missing))


# --- every unit the rules cite has a scenario ---------------------------------------------------------------------


def scenario_files() -> list[tuple[Path, dict]]:
    return [(p, yaml.safe_load(p.read_text(encoding="utf-8"))) for p in sorted(SCENARIOS.glob("*.yaml"))]


def scenario_cases():
    for _, data in scenario_files():
        for sc in data["scenarios"]:
            as_of = sc["as_of"] if isinstance(sc["as_of"], date) else date.fromisoformat(str(sc["as_of"]))
            yield Case.model_validate(sc["case"]), as_of, sc.get("overlay")


def entries_named(text: str) -> set:
    """The index entries a scenario text names ("§ 4 ust. 2 pkt 3", "art. 57 § 4 KPA"); a bare "art. 26 ust. 2" of
    another act is matched by number among the other acts."""
    out = set()
    for m in L.units_in(text):
        if m.act is None:
            out |= {k for k in L.elements() if k[0] not in L.WALKED and k[1] == m.unit and k[2] == m.ust}
        else:
            element = L.exact_element(m.act, m.unit, m.ust)
            if element is not None:
                out.add(element)
    return out


def scenario_coverage() -> tuple[set, set]:
    """(units an expectation's legal_basis lists, units a file's `unit:` header names)."""
    by_expectation, by_header = set(), set()
    for _, data in scenario_files():
        by_header |= entries_named(data["unit"])
        for sc in data["scenarios"]:
            for exp in sc.get("expect", []):
                for basis in exp.get("legal_basis", []):
                    by_expectation |= entries_named(basis)
    return by_expectation, by_header


def test_every_unit_the_rules_cite_has_a_scenario_test():
    ruled = {k for k, codes in L.rules_of().items() if codes}
    by_expectation, by_header = scenario_coverage()
    allowed = {k for k in ruled if label(k) in NO_SCENARIO_POSSIBLE}
    uncovered = sorted((ruled - by_expectation - by_header - allowed), key=L.sort_key)
    assert not uncovered, ("units the rules cite without a scenario test (add one to tests/scenarios/, or list the "
                           "unit in NO_SCENARIO_POSSIBLE with the reason): " + ", ".join(label(k) for k in uncovered))
    stale = set(NO_SCENARIO_POSSIBLE) - {label(k) for k in ruled - by_expectation - by_header}
    assert not stale, f"NO_SCENARIO_POSSIBLE lists units that are covered or not cited: {sorted(stale)}"


def test_the_scenario_coverage_reads_expectations_and_file_headers():
    by_expectation, by_header = scenario_coverage()
    reg = ActKey.ROZPORZADZENIE
    assert (reg, "4", "2") in by_expectation  # "legal_basis: ["§ 4 ust. 2 pkt 3", …]"
    assert (ActKey.KPA, "57", "4") in by_header  # "… z art. 57 § 4 KPA i art. 115 Kodeksu cywilnego"
    assert (reg, "12", "2") in by_header  # tests/scenarios/z_law_index_coverage.yaml


# --- modelled and not modelled cover the two acts -----------------------------------------------------------------


def test_the_modelled_and_the_not_modelled_units_do_not_overlap_and_cover_every_paragraph_and_article(index):
    modelled = {e.key for e in index.modelled()}
    not_modelled = {e.key for e in index.not_modelled()}
    assert not modelled & not_modelled
    assert set(L.REGULATION) == {str(n) for n in range(1, 40)}
    assert {re.match(r"\d+", a).group() for a in L.CHAPTER_6} == {str(n) for n in range(61, 84)}
    for act in L.WALKED:
        covered = {k for k in modelled | not_modelled if k[0] is act}
        for unit, usts in L.STRUCTURE[act].items():
            parts = {k for k in covered if k[1] == unit}
            whole = {(act, unit, None)}
            by_ust = {(act, unit, u) for u in usts}
            assert parts in (whole, by_ust), f"{act.value} {unit}: {sorted(map(label, parts))}"
        assert covered == {k for k in L.elements() if k[0] is act}
    # the assistant models some units of each act and leaves some out
    for act in L.WALKED:
        assert index.modelled(act) and index.not_modelled(act)


def test_a_unit_is_modelled_exactly_when_the_code_a_parameter_or_a_reading_uses_it(index):
    rules = L.rules_of()
    for e in index.modelled():
        assert e.rules or e.numbers or e.readings or e.glossary or e.modules, e.label
    for e in index.not_modelled():
        assert not (rules.get(e.key) or e.numbers or e.readings), e.label


@pytest.mark.skipif(not REGULATION_TEXT.exists(), reason="the regulation's text is not next to the project")
def test_the_regulation_s_structure_in_the_index_matches_its_text():
    text = REGULATION_TEXT.read_text(encoding="utf-8")
    body = text[text.index("\n§ 1.\n"):text.index("\nMinister Zdrowia:")]
    structure: dict[str, tuple[str, ...]] = {}
    current = None
    for line in body.splitlines():
        m = re.fullmatch(r"§ (\d+)\.", line.strip())
        if m:
            current = m.group(1)
            structure[current] = ()
            continue
        u = re.match(r"(\d+)\. ", line)
        if current and u:
            structure[current] += (u.group(1),)
    assert structure == L.REGULATION


# --- the explanations ----------------------------------------------------------------------------------------------


def test_the_explanations_take_their_numbers_from_the_parameters():
    problems = offending(ROOT / "logic" / "lawindex.py", forbidden_forms())
    assert not problems, "take these values from their parameters:\n" + "\n".join(problems)


def test_every_placeholder_of_the_explanations_is_filled(index):
    for e in index.entries:
        for text in (e.title, e.about, e.why_not, *(r.text for r in e.readings)):
            assert "{" not in text and "}" not in text, f"{e.label}: {text}"


def test_an_explanation_follows_a_changed_parameter():
    overlay = {"specjalizacja_min_months": [{"from": "2026-01-20", "value": 18, "last_checked": "2026-11-23",
                                              "ref": {"act": "rozporzadzenie_2026", "unit": "4", "ust": "1"}}]}
    assert "nie krócej niż 15 miesięcy" in L.build(AS_OF).entry("§ 4 ust. 1").about
    with P.overlaid(overlay):
        changed = L.build(AS_OF).entry("§ 4 ust. 1")
    assert "nie krócej niż 18 miesięcy" in changed.about
    assert [n.value for n in changed.numbers] == ["18 miesięcy"]


def test_every_reading_taken_on_a_unit_has_a_polish_text():
    on_units = {n for n, mentions in L.reading_mentions().items()
                if any(m.act is not None and L.exact_element(m.act, m.unit, m.ust) for m in mentions)}
    assert on_units <= set(L.READINGS_PL), f"readings without a Polish text: {sorted(on_units - set(L.READINGS_PL))}"
    assert set(L.READINGS_PL) <= {r.number for r in READINGS}


def test_every_rule_code_in_the_index_has_a_polish_label():
    codes = set().union(*L.rules_of().values())
    unlabelled = sorted(codes - set(L.RULE_LABELS))
    assert not unlabelled, f"rule codes without a label in lawindex.RULE_LABELS: {unlabelled}"


def test_the_fee_entry_shows_its_rules_its_number_and_its_link(index):
    e = index.entry("§ 10")
    assert e.modelled and e.url == "https://api.sejm.gov.pl/eli/acts/DU/2026/57/text.pdf"
    assert "350 zł" in e.about
    assert {"f.session", "f.retake"} <= {r.code for r in e.rules}  # through the fee parameter
    assert [(n.value, n.in_force) for n in e.numbers] == [("350 zł", True)]
    old = index.entry("§ 37 ust. 3").numbers
    assert [(n.value, n.in_force) for n in old] == [("170 zł", False)]


def test_a_reading_is_shown_under_the_unit_it_is_taken_on(index):
    assert 5 in [r.number for r in index.entry("§ 4 ust. 4").readings]  # "po dniu 1 lipca 1999 r."
    assert 14 in [r.number for r in index.entry("§ 14 ust. 2").readings]  # the group of exactly 901
    assert "901" in next(r.text for r in index.entry("§ 14 ust. 2").readings if r.number == 14)


# --- reading units in words, and the search -----------------------------------------------------------------------


@pytest.mark.parametrize(("text", "expected"), [
    ("§ 4 ust. 2 pkt 2–5, art. 70 ust. 6–7 ustawy", [("rozporzadzenie_2026", "4", "2"), ("ustawa_zpip", "70", "6"),
                                                     ("ustawa_zpip", "70", "7")]),
    ("§ 9 ust. 2 rozporządzenia, art. 67 ust. 8–9 ustawy z art. 57 § 4 KPA i art. 115 Kodeksu cywilnego",
     [("rozporzadzenie_2026", "9", "2"), ("ustawa_zpip", "67", "8"), ("ustawa_zpip", "67", "9"), ("kpa", "57", "4"),
      ("kc", "115", None)]),
    ("art. 26 ust. 2 ustawy z 27.11.2024 (CMKP do 31.12.2026), art. 68 ustawy",
     [("ustawa_2024_1897", "26", "2"), ("ustawa_zpip", "68", None)]),
    ("§ 13 ust. 4 (co najmniej 20 zdających) i ust. 5 (mniej za zgodą ministra)",
     [("rozporzadzenie_2026", "13", "4"), ("rozporzadzenie_2026", "13", "5")]),
    ("art. 67 ust. 4b–4e", [("ustawa_zpip", "67", u) for u in ("4b", "4c", "4d", "4e")]),
    ("art. 61–63", [("ustawa_zpip", u, None) for u in ("61", "61a", "62", "63")]),
])
def test_units_named_in_words_are_read_with_their_act(text, expected):
    assert [(m.act.value if m.act else None, m.unit, m.ust) for m in L.units_in(text)] == expected


def test_a_search_by_paragraph_finds_its_units_and_nothing_else(index):
    assert {e.label for e in index.search("§ 4")} == {f"§ 4 ust. {n}" for n in range(1, 8)}
    assert {e.label for e in index.search("par. 9")} == {"§ 9 ust. 1", "§ 9 ust. 2"}
    assert [e.label for e in index.search("§ 10")] == ["§ 10"]


def test_a_search_by_article_finds_its_units_modelled_or_not(index):
    found = index.search("art. 67")
    assert found and all(e.label.startswith("art. 67 ust.") for e in found)
    assert any(e.modelled for e in found) and any(not e.modelled for e in found)
    assert [e.label for e in index.search("art 67 ust 4")] == ["art. 67 ust. 4"]


def test_a_search_by_words_looks_in_the_explanations_whatever_the_ending(index):
    found = {e.label for e in index.search("egzamin wstępny")}
    assert {"§ 3 ust. 4", "§ 3 ust. 5", "§ 5 ust. 4"} <= found
    assert {e.label for e in index.search("§ 3 wstępny")} <= {f"§ 3 ust. {n}" for n in range(1, 9)}
    assert index.search("§ 99") == [] and index.search("zzzzzz") == []


# --- the page ------------------------------------------------------------------------------------------------------


def law_page() -> AppTest:
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60)
    at.session_state["as_of"] = AS_OF
    at.run()
    at.switch_page(PAGE)
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def search(at: AppTest, text: str) -> AppTest:
    at.text_input(key="law_search").set_value(text).run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def unit_labels(at: AppTest) -> list[str]:
    """The labels of the modelled units' expanders (the not-modelled ones are grouped by act)."""
    return [shown(e.label) for e in at.expander if re.match(r"(§|art\.) \d", e.label)]


# The session-state keys under which the page keeps an expander's open state (the page's `entry_key`/`group_key`):
# setting one to True is what the browser sends when the person opens that expander.
def entry_key(e: L.Entry) -> str:
    act, unit, ust = e.key
    return f"law.{act.value}.{unit}" + (f".{ust}" if ust else "")


def group_key(act: ActKey) -> str:
    return f"law.not_modelled.{act.value}"


def open_expanders(at: AppTest, *keys: str) -> AppTest:
    for key in keys:
        at.session_state[key] = True
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def expander(at: AppTest, heading: str):
    return next(e for e in at.main.expander if shown(e.label) == heading)


def elements(node) -> int:
    return 1 + sum(elements(child) for child in getattr(node, "children", {}).values())


def test_the_law_page_offers_a_search_and_lists_both_acts_with_the_units_not_modelled():
    at = law_page()
    assert [t.label for t in at.text_input] == ["Szukaj przepisu (np. § 4, art. 67)"]
    labels = unit_labels(at)
    assert "§ 10 – Opłata za egzamin państwowy" in labels and any(x.startswith("art. 67 ust. 4 ") for x in labels)
    assert any("nie odwzorowuje" in s.value for s in at.header)
    grouped = [e.label for e in at.expander if not re.match(r"(§|art\.) \d", e.label)]
    assert any(g.startswith("Rozporządzenie") for g in grouped) and any(g.startswith("Ustawa") for g in grouped)
    open_expanders(at, group_key(ActKey.ROZPORZADZENIE))
    box = next(e for e in at.main.expander if e.label.startswith("Rozporządzenie"))
    text = " ".join(m.value for m in box.markdown)
    assert "§ 38 – Uchylenie rozporządzenia z 2016 r." in text and "Dlaczego nie:" in text


def test_the_law_page_as_first_opened_draws_each_closed_entry_as_one_element(index):
    from logic.glossary import TERMS

    at = law_page()
    boxes = list(at.main.expander)
    acts_not_modelled = {e.act for e in index.not_modelled()}
    assert len(boxes) == len(index.modelled()) + len(acts_not_modelled)
    assert all(not b.proto.expanded and not b.children for b in boxes), "a closed entry's content was drawn"
    # before: every entry's body inside closed expanders, 638 elements (500 Markdown); now one per expander, a
    # bordered box with one Markdown per glossary term, and the page's own dozen or so headings and texts
    assert elements(at.main) <= len(boxes) + 2 * len(TERMS) + 20


def test_opening_a_closed_entry_draws_all_it_says_in_one_markdown_and_leaves_the_others_closed(index):
    at = law_page()
    fee = index.entry("§ 10")
    assert not expander(at, fee.heading).children
    open_expanders(at, entry_key(fee))
    box = expander(at, fee.heading)
    assert box.proto.expanded
    assert [child.type for child in box.children.values()] == ["markdown"]
    text = box.markdown[0].value
    assert fee.about in text and "Reguły asystenta" in text and "`f.session`" in text
    assert "Liczby z tego przepisu" in text and "**350 zł**" in text
    assert "(https://api.sejm.gov.pl/eli/acts/DU/2026/57/text.pdf)" in text
    others = [b for b in at.main.expander if shown(b.label) != fee.heading]
    assert others and all(not b.children for b in others)


def test_an_opened_entry_closes_again_when_the_person_closes_it(index):
    fee = index.entry("§ 10")
    at = open_expanders(law_page(), entry_key(fee))
    assert expander(at, fee.heading).children
    at.session_state[entry_key(fee)] = False  # what the browser sends when the person closes it
    at.run()
    assert not expander(at, fee.heading).children


def test_a_search_that_leaves_three_entries_opens_them_with_their_content():
    at = search(law_page(), "§ 12")
    boxes = [expander(at, h) for h in unit_labels(at)]
    assert [shown(b.label).split(" – ")[0] for b in boxes] == ["§ 12 ust. 1", "§ 12 ust. 2", "§ 12 ust. 3"]
    assert all(b.proto.expanded and "Tekst urzędowy:" in " ".join(m.value for m in b.markdown) for b in boxes)


def test_a_search_that_leaves_four_entries_lists_them_closed_until_one_is_opened(index):
    at = search(law_page(), "§ 5")
    boxes = [expander(at, h) for h in unit_labels(at)]
    assert len(boxes) == 4 and all(not b.proto.expanded and not b.children for b in boxes)
    second = index.entry("§ 5 ust. 2")
    open_expanders(at, entry_key(second))
    assert at.text_input(key="law_search").value == "§ 5", "opening an entry lost the search"
    assert second.about in " ".join(m.value for m in expander(at, second.heading).markdown)
    assert len(unit_labels(at)) == 4


def test_the_law_page_filters_the_index_by_a_paragraph():
    at = search(law_page(), "§ 4")
    labels = unit_labels(at)
    assert labels and all(x.startswith("§ 4 ust. ") for x in labels)
    assert len(labels) == 7


def test_the_law_page_filters_the_index_by_an_article():
    at = search(law_page(), "art. 67")
    labels = unit_labels(at)
    assert labels and all(x.startswith("art. 67 ust. ") for x in labels)
    text = " ".join(m.value for m in at.markdown)
    assert "art. 67 ust. 12 – Wyniki egzaminu w SMK" in text  # a unit not modelled, in its own section


def test_an_entry_on_the_page_shows_its_rules_its_numbers_and_the_official_text():
    at = search(law_page(), "§ 10")
    text = " ".join(m.value for m in at.markdown)
    assert "`f.session`" in text and "**350 zł**" in text
    assert "(https://api.sejm.gov.pl/eli/acts/DU/2026/57/text.pdf)" in text
    assert "Reguły asystenta" in text and "Liczby z tego przepisu" in text


def test_a_search_text_with_markdown_is_shown_literally():
    hostile = "**x** <b>"
    for query in (hostile, "zzzz " + hostile):  # with results, and without
        at = search(law_page(), query)
        texts = [e.value for e in [*at.markdown, *at.caption, *at.info]]
        echoed = [t for t in texts if plain(query) in t]
        assert echoed and all(query in shown(t) for t in echoed)
        assert not any(query in t for t in texts), "the search text went into Markdown unescaped"
