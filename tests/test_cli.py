"""The command line `python -m logic assess|explain|schema`.

Run for real (a subprocess with this interpreter) where the exit status and the absence of a traceback matter, and
in-process through `main(argv)` elsewhere to keep the suite fast.
"""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import jsonschema
import pytest

from logic.__main__ import EXIT_BAD_INPUT, main

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = sorted((ROOT / "examples").glob("*.json"))
AS_OF = "2026-11-22"


def run(*args: str, stdin: str | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "logic", *args], cwd=ROOT, input=stdin, capture_output=True,
                          text=True, encoding="utf-8", timeout=60)


def test_there_are_ten_example_cases():
    assert len(EXAMPLES) == 10


# --- assess -------------------------------------------------------------------------------------------------------

@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.stem)
def test_assess_prints_json_in_which_every_decision_has_a_legal_basis(path):
    proc = run("assess", str(path), "--as-of", AS_OF)
    assert proc.returncode == 0, proc.stderr
    assert proc.stderr == ""
    result = json.loads(proc.stdout)
    assert result["as_of"] == AS_OF
    assert result["decisions"], "an example case should produce at least one decision"
    for d in result["decisions"]:
        assert len(d["legal_basis"]) >= 1, d["rule"]
        for r in d["legal_basis"]:
            assert r["label"] and "Dz.U." in r["citation"] and r["url"].startswith("https://api.sejm.gov.pl/eli/")
        assert d["as_of"] == AS_OF


def test_assess_reads_the_case_from_standard_input_with_a_dash():
    text = (ROOT / "examples" / "pielegniarka-specjalizacja.json").read_text(encoding="utf-8")
    proc = run("assess", "-", "--as-of", AS_OF, stdin=text)
    assert proc.returncode == 0, proc.stderr
    from_file = run("assess", str(ROOT / "examples" / "pielegniarka-specjalizacja.json"), "--as-of", AS_OF)
    assert json.loads(proc.stdout) == json.loads(from_file.stdout)


def test_assess_without_as_of_uses_a_date_and_succeeds():
    proc = run("assess", str(ROOT / "examples" / "pielegniarka-specjalizacja.json"))
    assert proc.returncode == 0, proc.stderr
    assert json.loads(proc.stdout)["as_of"]


def test_assess_on_a_day_before_the_regulation_explains_instead_of_failing(capsys):
    code = main(["assess", str(ROOT / "examples" / "pielegniarka-specjalizacja.json"), "--as-of", "2026-01-19"])
    assert code == 0
    result = json.loads(capsys.readouterr().out)
    assert [d["rule"] for d in result["decisions"]] == ["j.before_regulation"]


# --- schema -------------------------------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def schema() -> dict:
    proc = run("schema")
    assert proc.returncode == 0, proc.stderr
    return json.loads(proc.stdout)


def test_schema_prints_a_valid_json_schema(schema):
    jsonschema.Draft202012Validator.check_schema(schema)
    assert schema["type"] == "object"
    assert {"profession", "right_to_practise", "employment", "goal"} <= set(schema["properties"])


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.stem)
def test_every_example_validates_against_the_schema(schema, path):
    jsonschema.validate(json.loads(path.read_text(encoding="utf-8")), schema)


def test_the_schema_refuses_an_unknown_key_and_a_wrong_profession(schema):
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate({"profesion": "pielegniarka"}, schema)
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate({"profession": "lekarz"}, schema)


# --- explain ------------------------------------------------------------------------------------------------------

@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.stem)
def test_explain_prints_polish_text(capsys, path):
    code = main(["explain", str(path), "--as-of", AS_OF])
    assert code == 0
    out = capsys.readouterr().out
    assert out.startswith("Ocena na dzień 22 listopada 2026 r.")
    assert "Podstawa prawna:" in out
    assert any(ch in out for ch in "ąćęłńóśźż")
    with pytest.raises(json.JSONDecodeError):
        json.loads(out)


def test_explain_runs_as_a_real_command():
    proc = run("explain", str(ROOT / "examples" / "pielegniarka-jeszcze-nie.json"), "--as-of", AS_OF)
    assert proc.returncode == 0, proc.stderr
    assert "Czy możesz ubiegać się o specjalizację" in proc.stdout


# --- bad input: exit 2, a Polish message naming the field, never a traceback ------------------------------------

def write(tmp_path: Path, text: str, name: str = "case.json") -> str:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return str(path)


BAD_CASES = [
    pytest.param({"right_to_practise": {"held": True, "number": "123"}}, "right_to_practise.number",
                 "7 cyfr", id="bad PWZ number"),
    pytest.param({"right_to_practise": {"number": "0312345X"}}, "right_to_practise.number", "7 cyfr",
                 id="PWZ number with a wrong letter"),
    pytest.param({"profesion": "pielegniarka"}, "profesion", "nieznane pole", id="unknown key"),
    pytest.param({"goal": {"form": "specjalizacja", "fild": "x"}}, "goal.fild", "nieznane pole",
                 id="unknown nested key"),
    pytest.param({"profession": "lekarz"}, "profession", "dozwolone", id="wrong profession"),
    pytest.param({"employment": [{"start": "2020-13-01"}]}, "employment[0].start", "RRRR-MM-DD", id="bad date"),
    pytest.param({"employment": [{"start": "2020-01-01", "end": "2019-01-01"}]}, "employment[0]",
                 "wcześniejszy", id="end before start"),
    pytest.param({"employment": [{"start": "2020-01-01", "end": "2021-01-01", "ongoing": True}]}, "employment[0]",
                 "trwające", id="ongoing with an end"),
    pytest.param({"goal": {"session": "2027-lato"}}, "goal.session", "RRRR-wiosna", id="bad session"),
    pytest.param({"right_to_practise": {"held": "może"}}, "right_to_practise.held", "tak/nie", id="bad boolean"),
    pytest.param({"right_to_practise": {"year": 1800}}, "right_to_practise.year", "1950", id="year too early"),
    pytest.param({"courses": [{"name": "kurs"}]}, "courses[0].kind", "wymagane", id="missing required field"),
    pytest.param({"employment": {"start": "2020-01-01"}}, "employment", "listy", id="object instead of a list"),
    pytest.param({"courses": [{"kind": "kwalifikacyjny", "completed_on": "9999-12-31"}]}, "courses[0].completed_on",
                 "2100", id="a date past 2100"),
    pytest.param({"employment": [{"start": "1899-12-31", "ongoing": True}]}, "employment[0].start", "1900",
                 id="a date before 1900"),
    pytest.param({"goal": {"form": "egzamin_panstwowy", "session": "0001-wiosna"}}, "goal.session", "2000",
                 id="a session in year 1"),
]


@pytest.mark.parametrize("data, field, words", BAD_CASES)
def test_a_wrong_field_value_exits_2_naming_the_field_in_polish(tmp_path, data, field, words):
    proc = run("assess", write(tmp_path, json.dumps(data)), "--as-of", AS_OF)
    assert proc.returncode == EXIT_BAD_INPUT
    assert proc.stdout == ""
    assert "Traceback" not in proc.stderr
    assert f"pole {field}:" in proc.stderr
    assert words in proc.stderr
    assert proc.stderr.startswith("Błędne dane")


@pytest.mark.parametrize("command", ["assess", "explain"])
def test_a_missing_file_exits_2_naming_the_file(tmp_path, command):
    missing = str(tmp_path / "nie-ma.json")
    proc = run(command, missing, "--as-of", AS_OF)
    assert proc.returncode == EXIT_BAD_INPUT
    assert "Traceback" not in proc.stderr
    assert missing in proc.stderr and "Nie ma pliku" in proc.stderr


@pytest.mark.parametrize("text, line, column", [('{"profession": "pielegniarka",', 1, 31), ("nie json", 1, 1),
                                                ('{\n  "label": "x"\n  "profession": 1}', 3, 3)],
                         ids=["truncated", "text", "missing comma"])
def test_invalid_json_exits_2_with_the_line_and_column(tmp_path, text, line, column):
    proc = run("assess", write(tmp_path, text), "--as-of", AS_OF)
    assert proc.returncode == EXIT_BAD_INPUT
    assert "Traceback" not in proc.stderr
    assert f"niepoprawny JSON (wiersz {line}, kolumna {column})" in proc.stderr


@pytest.mark.parametrize("text", ["", "   \n\t\n"], ids=["empty", "only whitespace"])
def test_an_empty_file_exits_2_saying_it_is_empty(tmp_path, text):
    proc = run("assess", write(tmp_path, text), "--as-of", AS_OF)
    assert proc.returncode == EXIT_BAD_INPUT
    assert "Traceback" not in proc.stderr
    assert "jest pusty" in proc.stderr


@pytest.mark.parametrize("text", ["[]", "42", '"tekst"', "null"])
def test_json_that_is_not_an_object_exits_2(tmp_path, text):
    proc = run("assess", write(tmp_path, text), "--as-of", AS_OF)
    assert proc.returncode == EXIT_BAD_INPUT
    assert "Traceback" not in proc.stderr
    assert "obiekt JSON" in proc.stderr


def test_a_file_that_is_not_utf8_exits_2_saying_so_not_that_it_is_not_text(tmp_path):
    path = tmp_path / "case.json"
    path.write_bytes('{"label": "Łódź"}'.encode("cp1250"))
    proc = run("assess", str(path), "--as-of", AS_OF)
    assert proc.returncode == EXIT_BAD_INPUT
    assert "Traceback" not in proc.stderr
    assert "nie jest zapisany w kodowaniu UTF-8" in proc.stderr
    assert "binarne" not in proc.stderr


def test_a_directory_instead_of_a_file_exits_2(tmp_path):
    proc = run("assess", str(tmp_path), "--as-of", AS_OF)
    assert proc.returncode == EXIT_BAD_INPUT
    assert "Traceback" not in proc.stderr
    assert str(tmp_path) in proc.stderr


@pytest.mark.parametrize("as_of", ["2026-13-01", "2026-02-30", "22.11.2026", "jutro", ""])
def test_a_bad_as_of_exits_2_naming_the_option(as_of):
    proc = run("assess", str(ROOT / "examples" / "pielegniarka-specjalizacja.json"), "--as-of", as_of)
    assert proc.returncode == EXIT_BAD_INPUT
    assert proc.stdout == ""
    assert "Traceback" not in proc.stderr
    assert "--as-of" in proc.stderr and "RRRR-MM-DD" in proc.stderr


def test_a_leap_day_as_of_is_accepted_in_a_leap_year_only(capsys):
    path = str(ROOT / "examples" / "pielegniarka-specjalizacja.json")
    assert main(["assess", path, "--as-of", "2028-02-29"]) == 0
    capsys.readouterr()
    assert main(["assess", path, "--as-of", "2027-02-29"]) == EXIT_BAD_INPUT
    assert "--as-of" in capsys.readouterr().err


def test_a_missing_command_or_case_argument_exits_2_without_a_traceback():
    for args in ((), ("assess",), ("nieznana",)):
        proc = run(*args)
        assert proc.returncode == 2
        assert "Traceback" not in proc.stderr
        assert "usage" in proc.stderr


@pytest.mark.parametrize("as_of", ["9999-12-31", "1899-12-31"])
def test_an_as_of_outside_the_calendar_range_exits_2_instead_of_a_traceback(as_of):
    proc = run("assess", str(ROOT / "examples" / "pielegniarka-specjalizacja.json"), "--as-of", as_of)
    assert proc.returncode == EXIT_BAD_INPUT
    assert "Traceback" not in proc.stderr
    assert "--as-of" in proc.stderr and "1900" in proc.stderr and "2100" in proc.stderr
