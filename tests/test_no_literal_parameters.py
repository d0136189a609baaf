"""Legal numbers live in one place: no Polish text in the rules writes out a value that a dated parameter holds.

Every number, date or period that a reason, a note or a step label shows must come from the parameter that holds
it (logic/parameters.yaml), so that an amendment changes the value and every sentence that shows it. This test reads
the string literals of the modules that write those texts (docstrings and comments excluded), takes out legal
citations ("§ 4 ust. 2 pkt 3", "art. 67 ust. 8", "Dz.U. 2026 poz. 57"), and fails on any literal equal to a
parameter's value in the forms a sentence would show it: a whole number ("170 zł", "5 dni"), a date ("1 lipca
1999 r.", "20.01.2026"), a day of the year ("30 listopada") or a share ("10 %").
"""
from __future__ import annotations

import ast
import re
from datetime import date
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[1]
# The modules whose strings become reasons, notes, step labels, titles and documents.
TEXT_MODULES = sorted([*ROOT.glob("logic/rules/*.py"), ROOT / "logic" / "assess.py", ROOT / "logic" / "periods.py",
                       ROOT / "logic" / "experience.py", ROOT / "logic" / "present.py", ROOT / "logic" / "decision.py",
                       ROOT / "logic" / "glossary.py", ROOT / "logic" / "interview.py"])
PARAMETERS = ROOT / "logic" / "parameters.yaml"

MONTHS_GENITIVE = ("stycznia", "lutego", "marca", "kwietnia", "maja", "czerwca", "lipca", "sierpnia", "września",
                   "października", "listopada", "grudnia")

# Citations of units of law and of acts: their numbers are not parameters.
CITATIONS = [
    re.compile(r"Dz\.\s?U\.\s*(z\s*)?\d{4}(\s*r\.)?\s*poz\.\s*\d+"),
    re.compile(r"(§|art\.)\s*\d+[a-z]?(\s*(ust\.|pkt|lit\.)\s*\d*[a-z]?([–-]\d+[a-z]?)?(\s*(i|oraz|,)\s*\d+[a-z]?)*)*"),
    re.compile(r"\b(ust\.|pkt)\s*\d+[a-z]?([–-]\d+[a-z]?)?(\s*(i|oraz|,)\s*\d+[a-z]?)*"),
    re.compile(r"(załącznik|załącznika|załącznikiem)\s+nr\s+\d+"),
    # The acts' own names ("rozporządzenie … z 16 stycznia 2026 r.", "z 30 września 2016 r.").
    re.compile(r"\bz\s+(dnia\s+)?\d{1,2}\s+(" + "|".join(MONTHS_GENITIVE) + r")\s+\d{4}\s*r\."),
    re.compile(r"\bz\s+\d{4}\s*r\."),
    # The PWZ number's shape ("7 cyfr i litera P lub A") is a format, not a number of this law.
    re.compile(r"\d+\s+cyfr"),
]


def _is_docstring(node: ast.AST, parents: dict[ast.AST, ast.AST]) -> bool:
    parent = parents.get(node)
    if not isinstance(parent, ast.Expr):
        return False
    holder = parents.get(parent)
    body = getattr(holder, "body", None)
    return isinstance(holder, (ast.Module, ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)) and bool(body) \
        and body[0] is parent


SENTENCE = re.compile(r"[a-ząćęłńóśźż]{3,}", re.IGNORECASE)


def literals(path: Path) -> list[tuple[int, str]]:
    """(line, text) of every string literal in `path` that holds words (f-string parts included), docstrings left
    out. Codes, keys and unit numbers ("115", "a") are not text a person reads."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    parents = {child: node for node in ast.walk(tree) for child in ast.iter_child_nodes(node)}
    out = []
    for node in ast.walk(tree):
        if (isinstance(node, ast.Constant) and isinstance(node.value, str) and " " in node.value
                and SENTENCE.search(node.value) and not _is_docstring(node, parents)):
            out.append((node.lineno, node.value))
    return out


def _values(node) -> list:
    if isinstance(node, dict) and {"month", "day"} <= set(node):
        return []  # a day of the year: matched as such below
    if isinstance(node, dict):
        return [v for x in node.values() for v in _values(x)]
    if isinstance(node, (list, tuple)):
        return [v for x in node for v in _values(x)]
    return [node]


def forbidden_forms() -> dict[str, re.Pattern]:
    """{description: pattern} for every value a parameter holds, in the forms a Polish sentence would show it."""
    raw = yaml.safe_load(PARAMETERS.read_text(encoding="utf-8"))
    forms: dict[str, re.Pattern] = {}
    for name, body in raw.items():
        for entry in body["values"]:
            value = entry["value"]
            # A month and a day given as a mapping (session calendars): {month: 11, day: 30, …}.
            days = []
            for leaf in _walk_dicts(value):
                if {"month", "day"} <= set(leaf):
                    days.append((int(leaf["month"]), int(leaf["day"])))
            for v in _values(value):
                if isinstance(v, bool) or v is None:
                    continue
                if isinstance(v, int) and v >= 2:
                    # a number, but not a day of a month ("28 lutego") nor a year ("2027 r.")
                    forms[f"{name} = {v}"] = re.compile(
                        rf"(?<![\d.,:/-]){v}(?![\d.,:/-]|\s*r\.|\s+({'|'.join(MONTHS_GENITIVE)}))")
                elif isinstance(v, float) and 0 < v < 1:
                    pct = f"{v * 100:g}"
                    forms[f"{name} = {v}"] = re.compile(rf"(?<![\d,.]){pct}\s*%")
                elif isinstance(v, date):
                    forms[f"{name} = {v}"] = _date_pattern(v)
                elif isinstance(v, str) and re.fullmatch(r"\d\d-\d\d", v):
                    days.append(tuple(int(x) for x in v.split("-")))
            for month, day in days:
                forms[f"{name} = {day:02d}-{month:02d}"] = re.compile(
                    rf"(?<!\d){day}\s+{MONTHS_GENITIVE[month - 1]}|(?<!\d)0?{day}\.0?{month}\.(?!\d)")
    return forms


def _walk_dicts(node) -> list[dict]:
    if isinstance(node, dict):
        return [node] + [d for v in node.values() for d in _walk_dicts(v)]
    if isinstance(node, (list, tuple)):
        return [d for v in node for d in _walk_dicts(v)]
    return []


def _date_pattern(d: date) -> re.Pattern:
    long = rf"(?<!\d){d.day}\s+{MONTHS_GENITIVE[d.month - 1]}\s+{d.year}"
    dotted = rf"(?<!\d)0?{d.day}\.0?{d.month}\.{d.year}"
    iso = re.escape(d.isoformat())
    return re.compile(f"{long}|{dotted}|{iso}")


def strip_citations(text: str) -> str:
    for pattern in CITATIONS:
        text = pattern.sub(" ", text)
    return text


def offending(path: Path, forms: dict[str, re.Pattern]) -> list[str]:
    found = []
    for line, text in literals(path):
        clean = strip_citations(text)
        hits = sorted(what for what, pattern in forms.items() if pattern.search(clean))
        if hits:
            where = path.relative_to(ROOT) if path.is_relative_to(ROOT) else path.name
            found.append(f"{where}:{line}: {text!r} holds {', '.join(hits)}")
    return found


@pytest.mark.parametrize("path", TEXT_MODULES, ids=lambda p: str(p.relative_to(ROOT)))
def test_no_text_writes_out_a_value_that_a_parameter_holds(path):
    problems = offending(path, forbidden_forms())
    assert not problems, "take these values from their parameters:\n" + "\n".join(problems)


# --- the scanner itself -------------------------------------------------------------------------------------------

def test_the_scanner_finds_a_fee_a_period_a_date_and_a_day_of_the_year(tmp_path):
    src = tmp_path / "rule.py"
    src.write_text('"""Docstring: 170 zł and 1 lipca 1999 r. are fine here."""\n'
                   'A = "opłata 350 zł"\n'
                   'B = f"najpóźniej {x} – 5 dni po terminie"\n'
                   'C = "po 1 lipca 1999 r."\n'
                   'D = "do 30 listopada"\n'
                   'E = "zgodnie z § 14 ust. 2 pkt 6 (Dz.U. 2026 poz. 57)"\n', encoding="utf-8")
    found = offending(src, forbidden_forms())
    assert any("'opłata 350 zł'" in f for f in found)
    assert any("5 dni" in f for f in found)
    assert any("1 lipca 1999" in f for f in found)
    assert any("30 listopada" in f for f in found)
    assert not any("Docstring" in f or "§ 14" in f for f in found)


def test_a_glossary_text_takes_its_numbers_from_the_parameters_in_force():
    from logic import parameters as P
    from logic.glossary import BY_KEY
    day = date(2026, 12, 1)
    assert "co najmniej 2 lata pracy w ciągu ostatnich 5 lat" in BY_KEY["staz_pracy"].plain_on(day)
    overlay = {"specjalizacja_experience_months": [{"from": "2026-01-20", "value": 36, "last_checked": "2026-12-01",
                                                    "ref": {"act": "ustawa_zpip", "unit": "67", "ust": "4"}}]}
    with P.overlaid(overlay):
        assert "co najmniej 3 lata pracy" in BY_KEY["staz_pracy"].plain_on(day)
