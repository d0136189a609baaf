"""`python -m forms annex1|summary CASE.json -o OUT.pdf [--as-of]`: every example works, bad input exits 2 in Polish."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from forms.__main__ import main

from test_forms_support import EXAMPLES, ROOT, pdf_text

EXAMPLE_FILES = sorted(EXAMPLES.glob("*.json"))


def test_there_are_examples():
    assert len(EXAMPLE_FILES) >= 10


@pytest.mark.parametrize("command", ["annex1", "summary"])
@pytest.mark.parametrize("path", EXAMPLE_FILES, ids=lambda p: p.stem)
def test_every_example_gives_a_pdf(command, path, tmp_path, capsys):
    out = tmp_path / f"{command}.pdf"
    assert main([command, str(path), "-o", str(out), "--as-of", "2026-11-23"]) == 0
    data = out.read_bytes()
    assert data.startswith(b"%PDF-") and data.rstrip().endswith(b"%%EOF")
    text = "\n".join(pdf_text(data))
    assert ("WNIOSEK" if command == "annex1" else "Podsumowanie") in text
    assert "Zapisano" in capsys.readouterr().err


def test_annex1_warns_when_the_goal_is_not_a_specialization_or_course(tmp_path, capsys):
    out = tmp_path / "w.pdf"
    assert main(["annex1", str(EXAMPLES / "pielegniarka-egzamin-panstwowy.json"), "-o", str(out),
                 "--as-of", "2026-11-23"]) == 0
    assert "załącznik nr 1 dotyczy specjalizacji lub kursu kwalifikacyjnego" in capsys.readouterr().err


def _write(tmp_path: Path, text: str) -> str:
    path = tmp_path / "case.json"
    path.write_text(text, encoding="utf-8")
    return str(path)


@pytest.mark.parametrize(("content", "args", "message"), [
    ("{nie json", [], "niepoprawny JSON (wiersz 1, kolumna 2)"),
    ("[1, 2]", [], "musi zawierać obiekt JSON"),
    (json.dumps({"right_to_practise": {"number": "123"}}), [], "numer PWZ"),
    (json.dumps({"nieznane": 1}), [], "nieznane pole"),
    ("{}", ["--as-of", "2026-02-30"], "nie jest datą w formacie RRRR-MM-DD"),
])
def test_bad_input_exits_2_with_a_polish_message(content, args, message, tmp_path, capsys):
    out = tmp_path / "out.pdf"
    assert main(["summary", _write(tmp_path, content), "-o", str(out), *args]) == 2
    assert message in capsys.readouterr().err
    assert not out.exists()


def test_a_missing_case_file_exits_2(tmp_path, capsys):
    assert main(["annex1", str(tmp_path / "brak.json"), "-o", str(tmp_path / "x.pdf")]) == 2
    assert "Nie ma pliku" in capsys.readouterr().err


def test_an_output_in_a_missing_folder_exits_2(tmp_path, capsys):
    case = str(EXAMPLES / "pielegniarka-specjalizacja.json")
    assert main(["annex1", case, "-o", str(tmp_path / "brak" / "x.pdf"), "--as-of", "2026-11-23"]) == 2
    assert "nie ma katalogu" in capsys.readouterr().err
    assert main(["annex1", case, "-o", str(tmp_path), "--as-of", "2026-11-23"]) == 2
    assert "jest katalogiem" in capsys.readouterr().err


def test_module_entry_point_writes_to_stdout_and_defaults_to_today():
    result = subprocess.run([sys.executable, "-m", "forms", "summary", str(EXAMPLES / "polozna-kurs-kwalifikacyjny.json"),
                             "-o", "-"], cwd=ROOT, capture_output=True, check=False)
    assert result.returncode == 0, result.stderr.decode()
    assert result.stdout.startswith(b"%PDF-")


def test_module_entry_point_exits_2_on_bad_input(tmp_path):
    result = subprocess.run([sys.executable, "-m", "forms", "annex1", _write(tmp_path, "{"), "-o", str(tmp_path / "a.pdf")],
                            cwd=ROOT, capture_output=True, text=True, check=False)
    assert result.returncode == 2
    assert "niepoprawny JSON" in result.stderr
