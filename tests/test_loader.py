"""The one loader for case and edition files (logic/loader.py), used by the app (ui/casefile.py, ui/editionfile.py,
ui/persist.py) and both command lines (`python -m logic`, `python -m forms`): hostile input, strict types, the
schema version, the exemption's scope as a choice, length limits, Polish messages, control characters in `explain`.

Expected texts come from the spec (issue 12) and the law's limits chosen in logic/case.py, never from the output.
The malformed files live in tests/corpus/ with their expected messages in tests/corpus/index.yaml.
"""
from __future__ import annotations

import functools
import json
import os
import random
import re
import resource
import subprocess
import sys
import time
import typing
from datetime import date, timedelta
from enum import Enum
from pathlib import Path
from types import UnionType
from typing import Any, Union

import annotated_types
import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pydantic import BaseModel, ValidationError

import forms.__main__ as forms_cli
import logic.__main__ as logic_cli
from logic import assess, loader
from logic import case as C
from logic.case import Case, Edition, ExemptionScope
from logic.casecode import decode
from logic.errors import describe, polish_message
from logic.explain import explain, printable
from ui import casefile, editionfile, persist

ROOT = Path(__file__).resolve().parent.parent
CORPUS = Path(__file__).resolve().parent / "corpus"
INDEX: dict[str, str | None] = yaml.safe_load((CORPUS / "index.yaml").read_text(encoding="utf-8"))
AS_OF = "2026-11-22"
ENGLISH = re.compile(r"Input should|should be|Value error|valid (string|number|integer|boolean|date)|Field required|"
                     r"Extra inputs|finite number|unicode|List should|String should", re.IGNORECASE)


def at_least(n: int) -> int:
    """`n` examples in the "dev" and "ci" profiles, ten times as many in "deep" (tests/conftest.py)."""
    return max(n, n * settings.default.max_examples // 100)


def app_messages(raw: bytes) -> tuple[Case | None, str]:
    case, messages = casefile.load_case(raw)
    return case, " ".join(messages)


# --- the corpus: the app's loader and both command lines -------------------------------------------------------


def test_the_corpus_has_at_least_15_malformed_files_each_with_its_expected_message():
    files = sorted(p.name for p in CORPUS.iterdir() if p.name != "index.yaml")
    assert files == sorted(INDEX)
    assert sum(1 for m in INDEX.values() if m) >= 15
    assert all(isinstance(m, str) and m for m in INDEX.values() if m is not None)


@pytest.mark.parametrize("name", sorted(INDEX))
def test_the_apps_loader_refuses_every_malformed_file_with_its_polish_message(name):
    case, text = app_messages((CORPUS / name).read_bytes())
    if INDEX[name] is None:
        assert case is not None and text == ""
        return
    assert case is None
    assert INDEX[name] in text
    assert not ENGLISH.search(text), text
    # the organizer's page reads the same files through the same loader and refuses them too, without raising
    edition, messages = editionfile.load_edition((CORPUS / name).read_bytes())
    assert edition is None and messages and not ENGLISH.search(" ".join(messages))


@pytest.mark.parametrize("command", [["logic", "assess"], ["logic", "explain"], ["forms", "summary"],
                                     ["forms", "annex1"]], ids=" ".join)
@pytest.mark.parametrize("name", sorted(INDEX))
def test_both_command_lines_exit_2_with_the_polish_message_on_stderr(name, command, tmp_path, capsys):
    path = str(CORPUS / name)
    if command[0] == "logic":
        code = logic_cli.main([command[1], path, "--as-of", AS_OF])
    else:
        out = tmp_path / "out.pdf"
        code = forms_cli.main([command[1], path, "-o", str(out), "--as-of", AS_OF])
    captured = capsys.readouterr()
    if INDEX[name] is None:
        assert code == 0, captured.err
        return
    assert code == 2
    assert INDEX[name] in captured.err
    assert captured.out == ""
    assert not ENGLISH.search(captured.err), captured.err
    if command[0] == "forms":
        assert not out.exists()


def run(*args: str, stdin=None, memory: int | None = None) -> subprocess.CompletedProcess:
    def limit() -> None:
        if memory:
            resource.setrlimit(resource.RLIMIT_AS, (memory, memory))
    return subprocess.run([sys.executable, "-m", *args], cwd=ROOT, stdin=stdin, capture_output=True, timeout=120,
                          preexec_fn=limit)


@pytest.mark.parametrize("name", ["deep-nesting.json", "number-5000-digits.json", "cp1250.json"])
def test_a_real_command_line_process_refuses_a_file_that_used_to_crash_it_without_a_traceback(name):
    proc = run("logic", "assess", str(CORPUS / name), "--as-of", AS_OF)
    err = proc.stderr.decode("utf-8")
    assert proc.returncode == 2
    assert "Traceback" not in err and INDEX[name] in err
    assert proc.stdout == b""


@pytest.mark.parametrize("how", ["path", "stdin"])
def test_an_endless_input_stops_at_the_size_limit_with_a_polish_message_and_exit_2(how):
    # 1 GB of address space: reading /dev/zero to its end (as before) would run out of it; the loader reads
    # MAX_BYTES + 1 bytes and stops
    with open("/dev/zero", "rb") as zero:
        if how == "path":
            proc = run("logic", "assess", "/dev/zero", "--as-of", AS_OF, memory=1 << 30)
        else:
            proc = run("logic", "assess", "-", "--as-of", AS_OF, stdin=zero, memory=1 << 30)
    err = proc.stderr.decode("utf-8")
    assert proc.returncode == 2, err
    assert "Traceback" not in err
    assert f"jest za duży (ponad {loader.MAX_BYTES // 1024} KB)" in err


def test_the_command_line_reads_no_more_than_one_byte_over_the_limit(monkeypatch):
    asked: list[int] = []

    class Endless:
        def read(self, n: int = -1) -> bytes:
            asked.append(n)
            assert n >= 0, "an unbounded read"
            return b"0" * n

    class Stdin:
        buffer = Endless()

    monkeypatch.setattr(sys, "stdin", Stdin())
    with pytest.raises(loader.Refused) as refused:
        loader.read_limited("-", limit=1000)
    assert refused.value.kind == "too_big"
    assert asked == [1001]


@pytest.mark.parametrize("size, refused", [(loader.MAX_BYTES, False), (loader.MAX_BYTES + 1, True)])
def test_the_size_limit_is_the_same_in_the_app_and_the_command_line(tmp_path, size, refused, capsys):
    body = b'{"label": "x"}'
    raw = body + b" " * (size - len(body))
    path = tmp_path / "case.json"
    path.write_bytes(raw)
    code = logic_cli.main(["assess", str(path), "--as-of", AS_OF])
    case, text = app_messages(raw)
    assert (code == 2) is refused and (case is None) is refused
    if refused:
        assert "za duży" in capsys.readouterr().err and "za duży" in text


def test_a_case_file_with_a_byte_order_mark_loads_as_without_it():
    raw = (ROOT / "examples" / "pielegniarka-specjalizacja.json").read_bytes()
    assert casefile.load_case(b"\xef\xbb\xbf" + raw) == casefile.load_case(raw)
    assert casefile.load_case(raw)[0] is not None


def test_a_nesting_depth_at_the_limit_is_parsed_and_one_deeper_is_refused():
    at_limit = "[" * loader.MAX_DEPTH + "]" * loader.MAX_DEPTH
    assert loader.parse_text(at_limit) == eval(at_limit)  # noqa: S307 - a literal of nested lists
    with pytest.raises(loader.Refused) as refused:
        loader.parse_text("[" * (loader.MAX_DEPTH + 1) + "]" * (loader.MAX_DEPTH + 1))
    assert refused.value.kind == "too_deep"
    # brackets inside strings are text, not nesting
    assert loader.parse_text(json.dumps({"label": "[{" * 500})) == {"label": "[{" * 500}


def test_a_number_at_the_digit_limit_is_read_and_one_digit_more_is_refused():
    assert loader.parse_text("9" * loader.MAX_DIGITS) == int("9" * loader.MAX_DIGITS)
    assert loader.parse_text("-" + "9" * loader.MAX_DIGITS) == -int("9" * loader.MAX_DIGITS)
    with pytest.raises(loader.Refused, match="ma za dużo cyfr"):
        loader.parse_text("9" * (loader.MAX_DIGITS + 1))


def test_the_stored_copy_in_the_tab_goes_through_the_same_json_checks():
    for case_json in ('{"label":' * 2000 + '"x"' + "}" * 2000, '{"courses": [{"kind": "kwalifikacyjny", "hours": '
                      + "9" * 5000 + "}]}", '{"foreign_training": [{"months": NaN}]}',
                      '{"employment": [{"start": 1600000000, "ongoing": true}]}', '{"schema_version": 2.0}'):
        raw = '{"format": 1, "step": "cel", "case": ' + case_json + "}"
        assert persist.parse(raw) == (None, persist.BROKEN)
    good = persist.payload(Case.model_validate({"profession": "polozna"}), "cel", {"cel"}, False)
    assert persist.parse(good)[0].case.profession is C.Profession.POLOZNA


# --- strict types in files; Python stays lax ----------------------------------------------------------------------


def load(data: dict) -> Case:
    return loader.load_case(json.dumps(data).encode("utf-8"))


def refused_at(data: dict) -> list[tuple[str, str]]:
    with pytest.raises(loader.Invalid) as err:
        load(data)
    return describe(err.value)


@pytest.mark.parametrize("start", [1600000000, "1600000000", "2020-09-01T00:00:00", "2020-9-1", "01.09.2020", True,
                                   "2020-09-01\n", 20200901.0])
def test_a_date_in_a_file_is_only_an_iso_date_string(start):
    assert refused_at({"employment": [{"start": start, "ongoing": True}]}) == [
        ("employment[0].start", "oczekiwano daty w formacie RRRR-MM-DD (np. 2024-09-30)")]


def test_an_iso_date_string_is_a_date_on_both_sides_of_the_model_range():
    assert load({"employment": [{"start": "1900-01-01", "end": "2100-12-31"}]}).employment[0].start == date(1900, 1, 1)
    assert refused_at({"employment": [{"start": "1899-12-31", "ongoing": True}]})[0][0] == "employment[0].start"
    assert refused_at({"employment": [{"start": "2101-01-01", "ongoing": True}]})[0][0] == "employment[0].start"


@pytest.mark.parametrize("held", ["yes", "true", "tak", 1, 0, 1.0, "1", [], {}])
def test_a_yes_no_answer_in_a_file_is_only_true_or_false(held):
    assert refused_at({"right_to_practise": {"held": held}}) == [
        ("right_to_practise.held", "oczekiwano wartości tak/nie (true albo false)")]


@pytest.mark.parametrize("held", [True, False, None])
def test_true_false_and_null_are_the_yes_no_and_unknown_answers(held):
    assert load({"right_to_practise": {"held": held}}).right_to_practise.held is held


@pytest.mark.parametrize("hours", [True, False, 120.0, 120.5, "120", [120]])
def test_an_integer_in_a_file_is_only_an_integer(hours):
    assert refused_at({"courses": [{"kind": "kwalifikacyjny", "hours": hours}]}) == [
        ("courses[0].hours", "oczekiwano liczby całkowitej")]


@pytest.mark.parametrize("hours, accepted", [(0, True), (5000, True), (-1, False), (5001, False)])
def test_an_integer_is_checked_against_its_bounds_on_both_sides(hours, accepted):
    data = {"courses": [{"kind": "kwalifikacyjny", "hours": hours}]}
    if accepted:
        assert load(data).courses[0].hours == hours
    else:
        assert refused_at(data)[0][0] == "courses[0].hours"


@pytest.mark.parametrize("months, expected", [(3, 3.0), (2.5, 2.5), (0, 0.0), (600, 600.0)])
def test_a_number_of_months_takes_integers_and_decimals(months, expected):
    assert load({"foreign_training": [{"months": months}]}).foreign_training[0].months == expected


@pytest.mark.parametrize("months", [True, "3", "3,5"])
def test_a_number_of_months_is_never_a_boolean_or_text(months):
    assert refused_at({"foreign_training": [{"months": months}]}) == [
        ("foreign_training[0].months", "oczekiwano liczby")]


@pytest.mark.parametrize("label", [12, True, ["a"], {"a": 1}])
def test_a_text_in_a_file_is_only_a_string(label):
    assert refused_at({"label": label}) == [("label", "oczekiwano tekstu")]


def test_enums_still_load_from_their_string_values_and_refuse_others_naming_the_allowed_ones():
    case = load({"profession": "polozna", "courses": [{"kind": "specjalistyczny", "exam": "nieobecność"}],
                 "exemption": {"scope": "czesc"}, "goal": {"form": "kurs_kwalifikacyjny"}})
    assert case.profession is C.Profession.POLOZNA and case.courses[0].exam is C.ExamResult.ABSENT
    assert case.exemption.scope is ExemptionScope.CZESC and case.goal.form is C.Form.KURS_KWALIFIKACYJNY
    ((path, message),) = refused_at({"profession": 1})
    assert path == "profession" and "pielegniarka" in message and "polozna" in message


def test_code_that_builds_a_case_in_python_stays_lax():
    case = Case.model_validate({"right_to_practise": {"held": "yes"}, "employment": [{"start": "2020-01-01",
                                                                                        "ongoing": 1}]})
    assert case.right_to_practise.held is True and case.employment[0].ongoing is True


def test_a_strict_problem_is_reported_once_not_again_by_the_objects_own_checks():
    # a timestamp start: the model (lax) would read it as 2020-09-13 and then compare it with the end
    problems = refused_at({"employment": [{"start": 1600000000, "end": "2019-01-01"}]})
    assert problems == [("employment[0].start", "oczekiwano daty w formacie RRRR-MM-DD (np. 2024-09-30)")]


def test_strict_problems_and_the_models_own_are_listed_together():
    problems = dict(refused_at({"right_to_practise": {"held": "yes", "number": "123"}, "profesion": "x"}))
    assert problems["right_to_practise.held"].startswith("oczekiwano wartości tak/nie")
    assert "7 cyfr" in problems["right_to_practise.number"]
    assert problems["profesion"].startswith("nieznane pole")


# --- schema_version --------------------------------------------------------------------------------------------


@pytest.mark.parametrize("version, shown", [("7", '"7"'), ("3", '"3"'), (2.0, "2.0"), (3.0, "3.0"), (-1, "-1"),
                                            (0, "0"), (True, "true"), (False, "false"), (None, "null"),
                                            ([2], "[2]")])
def test_a_schema_version_that_is_not_a_supported_integer_is_refused_in_polish(version, shown):
    expected = f"nieznana wersja formatu pliku {shown} (obsługiwane: 1, 2 i 3)"
    assert refused_at({"schema_version": version}) == [("schema_version", expected)]
    with pytest.raises(ValidationError) as err:  # and when a case is built in Python
        Case.model_validate({"schema_version": version})
    assert describe(err.value)[0][1] == f"schema_version: {expected}"


@pytest.mark.parametrize("version", [1, 2, 3])
def test_every_supported_schema_version_loads_and_becomes_the_current_one(version):
    assert load({"schema_version": version}).schema_version == 3 == C.CURRENT_SCHEMA_VERSION


def test_a_file_without_schema_version_is_version_1():
    assert load({}).specializations == []  # version 1 meant "none" by leaving the list out
    assert load({"schema_version": 2}).specializations is None


@pytest.mark.parametrize("version", [4, 99])
def test_a_newer_schema_version_is_refused_as_coming_from_a_newer_version(version):
    case, text = app_messages(json.dumps({"schema_version": version}).encode())
    assert case is None and "nowszej wersji asystenta" in text
    with pytest.raises(loader.Newer):
        load({"schema_version": version})


# --- the exemption's scope: a choice ---------------------------------------------------------------------------


@pytest.mark.parametrize("text, scope", [
    ("całość", ExemptionScope.CALOSC), ("calosc", ExemptionScope.CALOSC), ("w całości", ExemptionScope.CALOSC),
    ("W CAŁOŚCI", ExemptionScope.CALOSC), (" w  calosci ", ExemptionScope.CALOSC),
    ("Całość", ExemptionScope.CALOSC),
    ("część", ExemptionScope.CZESC), ("czesc", ExemptionScope.CZESC), ("w części", ExemptionScope.CZESC),
    ("częściowo", ExemptionScope.CZESC), ("CZESCIOWO", ExemptionScope.CZESC), ("", None), ("   ", None),
    (None, None)])
@pytest.mark.parametrize("version", [1, 2])
def test_an_old_free_text_scope_becomes_the_choice(text, scope, version):
    case = load({"schema_version": version, "exemption": {"scope": text}})
    assert case.exemption.scope is scope and case.schema_version == 3


@pytest.mark.parametrize("text", ["tylko moduł II", "pół", "całkowite", "tak", "calosc i czesc"])
def test_an_old_free_text_scope_that_is_neither_answer_is_refused_naming_both(text):
    assert refused_at({"schema_version": 2, "exemption": {"scope": text}}) == [
        ("exemption.scope", "zakres zwolnienia to „calosc” (w całości) albo „czesc” (w części)")]


@pytest.mark.parametrize("text", ["całość", "w części", "CALOSC", 1, True])
def test_a_version_3_file_takes_only_the_two_values(text):
    assert refused_at({"schema_version": 3, "exemption": {"scope": text}})[0][0] == "exemption.scope"


def test_the_scope_has_two_values_with_polish_labels():
    assert [s.value for s in ExemptionScope] == ["calosc", "czesc"]
    assert C.EXEMPTION_SCOPE_LABELS_PL == {ExemptionScope.CALOSC: "w całości", ExemptionScope.CZESC: "w części"}


def full_exemption(case: Case) -> bool:
    d = next(d for d in assess(case, date(2026, 11, 22)).decisions if d.rule == "f.admission")
    return any(r.code == "full_exemption" for r in d.reasons)


@pytest.mark.parametrize("data, full", [
    ({"schema_version": 2, "exemption": {"scope": "W całości"}}, True),
    ({"schema_version": 3, "exemption": {"scope": "calosc"}}, True),
    ({"schema_version": 2, "exemption": {"scope": "częściowo"}}, False),
    ({"schema_version": 3, "exemption": {"scope": "czesc"}}, False),
    ({"schema_version": 3, "exemption": {"scope": None}}, False),
])
def test_the_state_exam_rule_reads_an_exemption_in_full_from_the_choice(data, full):
    field = "pielęgniarstwo onkologiczne"
    data = dict(data, profession="pielegniarka", right_to_practise={"held": True},
                goal={"form": "egzamin_panstwowy", "field": field, "session": "2027-wiosna"})
    data["exemption"] = dict(data["exemption"], field=field, granted_on="2026-09-10")
    assert full_exemption(load(data)) is full


@pytest.mark.parametrize("code, scope", [("1C5Z-YCRN-32G9-P0K0-7", ExemptionScope.CALOSC),
                                         ("1C5Z-YD8N-32G9-P1GF-6", ExemptionScope.CZESC)])
def test_a_case_code_made_before_the_scope_became_a_choice_still_decodes(code, scope):
    # made by the code of commit e03465a from an exemption with scope „całość” / „część”
    case = decode(code)
    assert case.exemption.scope is scope
    assert case.exemption.field == "pielęgniarstwo onkologiczne"
    assert full_exemption(case) is (scope is ExemptionScope.CALOSC)


# --- length limits ---------------------------------------------------------------------------------------------


MODELS = (Case, C.Person, C.RightToPractise, C.Employment, C.Degrees, C.SpecialistTitle, C.Course,
          C.PostgraduateStudies, C.ForeignTraining, C.Specialization, C.StateExamAttempt, C.Exemption, C.Goal,
          Edition, C.CommissionMember, C.LeaderCandidate, C.ExamCommissionMember, C.ExamSessionFacts)


def _inner(annotation: Any) -> Any:
    if typing.get_origin(annotation) in (Union, UnionType):
        (annotation,) = [a for a in typing.get_args(annotation) if a is not type(None)]
    return annotation


def _max_length(field) -> int | None:
    return next((m.max_length for m in field.metadata if isinstance(m, annotated_types.MaxLen)), None)


# Where each model sits in a case file, with what its item needs to be valid.
PLACES: dict[type, tuple[tuple, dict]] = {
    C.Person: (("person",), {}), C.RightToPractise: (("right_to_practise",), {}),
    C.Employment: (("employment", 0), {}), C.Degrees: (("degrees",), {}),
    C.SpecialistTitle: (("specialist_titles", 0), {}), C.Course: (("courses", 0), {"kind": "kwalifikacyjny"}),
    C.PostgraduateStudies: (("postgraduate_studies", 0), {}), C.ForeignTraining: (("foreign_training", 0), {}),
    C.Specialization: (("specializations", 0), {}),
    C.StateExamAttempt: (("state_exam_attempts", 0), {"session": "2026-jesien"}),
    C.Exemption: (("exemption",), {}), C.Goal: (("goal",), {}), Edition: (("edition",), {}),
    C.CommissionMember: (("edition", "commission", 0), {"role": "inny"}),
    C.LeaderCandidate: (("edition", "leader"), {}),
    C.ExamCommissionMember: (("exam_session", "members", 0), {}), C.ExamSessionFacts: (("exam_session",), {}),
    Case: ((), {}),
}


def put(path: tuple, value: Any) -> dict:
    """A version-3 case file with `value` at `path` (every object and list on the way made, minimal)."""
    root: dict = {"schema_version": 3}
    node: Any = root
    full = path
    for i, part in enumerate(full[:-1]):
        nxt = full[i + 1]
        container: Any = [] if isinstance(nxt, int) else {}
        model = next((m for m, (p, _) in PLACES.items() if p == full[:i + 1]), None)
        if isinstance(container, dict) and model is not None:
            container.update(PLACES[model][1])
        if isinstance(node, list):
            node.append(container)
        else:
            node[part] = container
        node = container
    if isinstance(node, list):
        node.append(value)
    else:
        node[full[-1]] = value
    return root


def text_fields() -> list[tuple[tuple, int]]:
    out = []
    for model in MODELS:
        for name, field in model.model_fields.items():
            if _inner(field.annotation) is str:
                out.append(((*PLACES[model][0], name), _max_length(field)))
    return out


def list_fields() -> list[tuple[tuple, int, dict]]:
    out = []
    for model in MODELS:
        for name, field in model.model_fields.items():
            if typing.get_origin(_inner(field.annotation)) is list:
                item = typing.get_args(_inner(field.annotation))[0]
                example = "inny" if item is C.CommissionRole else PLACES.get(item, ((), {}))[1]
                out.append(((*PLACES[model][0], name), _max_length(field), example))
    return out


def test_every_text_and_every_list_of_the_case_and_edition_has_a_length_limit():
    assert len(text_fields()) >= 30 and len(list_fields()) == 10
    assert all(limit for _, limit in text_fields()), [p for p, limit in text_fields() if not limit]
    assert all(limit for _, limit, _ in list_fields()), [p for p, limit, _ in list_fields() if not limit]


def test_the_list_limits_are_sized_to_a_working_life():
    limits = {path[-1]: limit for path, limit, _ in list_fields()}
    assert limits == {"employment": 60, "specialist_titles": 20, "courses": 100, "postgraduate_studies": 30,
                      "foreign_training": 30, "specializations": 20, "state_exam_attempts": 40,
                      "exemption_team": 20, "commission": 50, "members": 50}


def _text_value(path: tuple, n: int) -> str:
    if path[-1] == "number":  # a PWZ number: 7 digits and P or A, spaces allowed
        return ("0312345P" + " " * n)[:n] if n >= 8 else "0312345P"[:n]
    if path[-1] == "session":
        return ("2026-jesien" + " " * n)[:n]
    return ("ąę " * n)[:n - 1] + "x"


def _ids(v: Any) -> str:
    return ".".join(map(str, v)) if isinstance(v, tuple) else str(v) if isinstance(v, int) else ""


@pytest.mark.parametrize("path, limit", text_fields(), ids=_ids)
def test_a_text_at_its_limit_loads_and_one_character_more_is_refused_in_polish(path, limit):
    if path[-1] not in ("number", "session"):
        case = load(put(path, _text_value(path, limit)))
        node: Any = case
        for part in path:
            node = node[part] if isinstance(part, int) else getattr(node, part)
        assert len(node) == limit
    where = re.sub(r"\.(\d+)", r"[\1]", ".".join(map(str, path)))
    coded = path[-1] in ("number", "session")
    over = "9" * (limit + 1) if coded else _text_value(path, limit + 1).replace(" ", "x")
    problems = refused_at(put(path, over))
    assert (where, f"tekst jest za długi (najwyżej {limit} znaków)") in problems


@pytest.mark.parametrize("path, limit, item", list_fields(), ids=_ids)
def test_a_list_at_its_limit_loads_and_one_item_more_is_refused_in_polish(path, limit, item):
    def items(n: int) -> list:
        if path[-1] == "state_exam_attempts":
            return [{"session": f"{2000 + i // 2}-{'wiosna' if i % 2 else 'jesien'}"} for i in range(n)]
        return [item] * n
    case = load(put(path, items(limit)))
    node: Any = case
    for part in path:
        node = node[part] if isinstance(part, int) else getattr(node, part)
    assert len(node) == limit
    where = re.sub(r"\.(\d+)", r"[\1]", ".".join(map(str, path)))
    n = {1: "pozycja"}.get(limit, "pozycji")
    assert refused_at(put(path, items(limit + 1))) == [
        (where, f"lista jest za długa (najwyżej {limit} {n}; w pliku: {limit + 1})")]


def test_a_list_far_over_its_limit_is_refused_at_once_without_validating_its_items():
    raw = json.dumps({"courses": [{"kind": "?", "hours": "x"}] * 50_000}).encode()
    started = time.perf_counter()
    case, text = app_messages(raw)
    assert case is None and "courses: lista jest za długa (najwyżej 100 pozycji; w pliku: 50000)" in text
    assert "kind" not in text  # no item looked at
    assert time.perf_counter() - started < 5


def case_at_every_limit(char: str = "ż") -> dict:
    """Every list at its limit, every text at its limit (words of `char`, as a long name would be)."""
    def t(n: int) -> str:
        return ((char * 7 + " ") * n)[:n - 1] + char
    day = date(1960, 1, 1)

    def d(i: int) -> str:
        return (day + timedelta(days=200 * i)).isoformat()
    F, N, T, A = C.MAX_FIELD, C.MAX_NAME, C.MAX_TEXT, C.MAX_ADDRESS
    return {
        "schema_version": 3, "label": t(N),
        "person": {"first_names": t(N), "surname": t(N), "gender": "k"}, "profession": "pielegniarka",
        "right_to_practise": {"held": True, "number": "0312345P", "issued_by": t(T), "year": 1980},
        "employment": [{"start": d(i), "end": d(i + 1), "employer": t(A), "unit": t(T), "unit_field": t(F),
                        "in_profession": True} for i in range(C.MAX_EMPLOYMENT)],
        "degrees": {"licencjat": True, "magister_nursing": True, "doctorate": True, "doctorate_field": t(F)},
        "specialist_titles": [{"field": t(F), "completed_on": d(i), "diploma": t(T), "organizer": t(A)}
                              for i in range(C.MAX_SPECIALIST_TITLES)],
        "courses": [{"kind": ["kwalifikacyjny", "specjalistyczny", "doksztalcajacy"][i % 3], "name": t(T),
                     "field": t(F), "started_on": d(i), "completed_on": d(i + 1), "exam": "zdany", "organizer": t(A),
                     "certificate": t(T), "hours": 5000, "theory_passed": True, "practice_passed": True}
                    for i in range(C.MAX_COURSES)],
        "postgraduate_studies": [{"name": t(T), "field": t(F), "completed_on": d(i), "certificate": t(T),
                                  "university": t(T)} for i in range(C.MAX_POSTGRADUATE_STUDIES)],
        "foreign_training": [{"field": t(F), "months": 600, "sworn_translation": True, "completed_on": d(i),
                              "country": t(100)} for i in range(C.MAX_FOREIGN_TRAINING)],
        "specializations": [{"field": t(F), "publicly_funded": True, "status": "przerwana", "started_on": d(i),
                             "ended_on": d(i + 1), "hours_share_done": 0.5, "ekk_complete": True, "organizer": t(A)}
                            for i in range(C.MAX_SPECIALIZATIONS)],
        "state_exam_attempts": [{"session": f"{2000 + i // 2}-{'wiosna' if i % 2 else 'jesien'}", "field": t(F),
                                 "result": "niezdany"} for i in range(C.MAX_EXAM_ATTEMPTS)],
        "exemption": {"field": t(F), "scope": "czesc", "granted_on": "2026-01-10"},
        "goal": {"form": "specjalizacja", "field": t(F), "publicly_funded": True, "wants_exemption": True,
                 "session": "2027-wiosna", "employer_referral": True, "exam_date": "2027-05-01"},
        "edition": {"form": "specjalizacja", "field": t(F), "places": 10,
                    "commission": [{"role": "inny", "name": t(N)} for _ in range(C.MAX_COMMISSION)]},
        "exam_session": {"candidates": 5, "members": [{"name": t(N)} for _ in range(C.MAX_COMMISSION)]},
        "exemption_team": ["inny"] * C.MAX_EXEMPTION_TEAM,
    }


@pytest.mark.parametrize("char", ["ż", "\U0001F600"], ids=["2-byte letters", "4-byte characters"])
def test_a_case_at_every_limit_saved_by_the_app_fits_the_file_limit_and_loads_back_equal(char):
    case = Case.model_validate(case_at_every_limit(char))
    saved = casefile.dump_case(case)
    assert len(saved) <= loader.MAX_BYTES
    assert casefile.load_case(saved) == (case, [])


def test_a_case_at_every_limit_builds_its_summary_and_annex_1_in_reasonable_time():
    from forms.annex1 import annex1_values, build_annex1
    from forms.summary import build_summary
    case, messages = casefile.load_case(json.dumps(case_at_every_limit(), ensure_ascii=False).encode("utf-8"))
    assert messages == []
    started = time.perf_counter()
    result = assess(case, date(2026, 11, 22))
    summary = build_summary(case, result, generated_on=date(2026, 11, 22))
    annex = build_annex1(annex1_values(case, result), as_of=date(2026, 11, 22), generated_on=date(2026, 11, 22))
    took = time.perf_counter() - started
    assert summary.startswith(b"%PDF") and annex.startswith(b"%PDF")
    assert took < 15, f"{took:.1f} s"  # 42 s and 1,593 pages before the limits, for a 265 KB file


# --- Polish messages for every error the models can give ------------------------------------------------------


HOSTILE = [None, True, False, 0, -1, 1.5, 2.0, 10**7, [None] * 101, "", "x", "2020-13-45", "2020-01-01",
           "2020-01-01T10:00:00",
           "yes", [], [1], {}, {"a": 1}, "ż" * 600]
PYTHON_ONLY = [float("nan"), float("inf"), b"\xff\xfe", date(2020, 1, 1), object()]


def every_leaf() -> list[tuple]:
    leaves = []
    for model in MODELS:
        for name in model.model_fields:
            leaves.append((*PLACES[model][0], name))
    return leaves


def collected_errors() -> list[dict]:
    errors: list[dict] = []
    for path in every_leaf():
        for value in HOSTILE:
            try:
                loader.case_from_data(put(path, value))
            except loader.Invalid as err:
                errors += err.errors()
            except loader.Newer:
                pass  # a schema_version above ours: its own message (tested above)
        for value in PYTHON_ONLY:
            try:
                Case.model_validate(put(path, value))
            except ValidationError as err:
                errors += err.errors()
    for data in ({"schema_version": "7"}, {"courses": [{}]}, {"x": 1}, {"schema_version": 3, "courses": "x"}):
        try:
            Case.model_validate(data)
        except ValidationError as err:
            errors += err.errors()
    return errors


def test_every_error_the_models_can_give_reads_in_polish():
    errors = collected_errors()
    kinds = {e["type"] for e in errors}
    # the types this test must reach (if one is missing, the battery above no longer covers it)
    assert {"bool_type", "int_type", "int_from_float", "float_type", "string_type", "date_type", "list_type",
            "model_type", "enum", "missing", "extra_forbidden", "string_too_long", "too_long", "value_error",
            "greater_than_equal", "less_than_equal", "finite_number", "string_unicode",
            "date_from_datetime_parsing", "bool_parsing", "int_parsing", "float_parsing"} <= kinds, kinds
    for e in errors:
        message = polish_message(e)
        assert message and not ENGLISH.search(message), (e["type"], message)
        if e["type"] != "value_error":  # a value_error's text is ours (the models' validators), the rest pydantic's
            assert message != e.get("msg"), e["type"]


def test_nan_in_months_is_not_reported_as_a_number_above_the_limit():
    with pytest.raises(ValidationError) as err:
        C.ForeignTraining(months=float("nan"))
    ((_, message),) = describe(err.value)
    assert "nie większa" not in message and "NaN" in message


def test_an_unknown_error_type_gets_a_general_polish_message_never_pydantics_english_one():
    assert polish_message({"type": "uuid_parsing", "msg": "Input should be a valid UUID", "loc": ()}) == \
        "niepoprawna wartość"


# --- control characters in `explain` ------------------------------------------------------------------------------


HOSTILE_TEXT = "piel\x1b[31męgniarstwo\x1b[0m \x1b]0;tytuł\x07chirurgiczne\u202e\u2066\x9b2J\x00\x08\x7f\x85\r"


def test_printable_strips_escapes_control_characters_and_bidi_overrides_but_keeps_lines_and_tabs():
    assert printable(HOSTILE_TEXT) == "pielęgniarstwo chirurgiczne"
    assert printable("a\tb\nc") == "a\tb\nc"
    assert printable("zażółć gęślą jaźń – „cytat”") == "zażółć gęślą jaźń – „cytat”"


def test_explain_prints_no_control_character_from_the_file(tmp_path, capsys):
    data = {"profession": "pielegniarka", "right_to_practise": {"held": True},
            "employment": [{"start": "2015-01-01", "ongoing": True, "unit_field": HOSTILE_TEXT}],
            "courses": [{"kind": "kwalifikacyjny", "name": HOSTILE_TEXT, "completed_on": "2020-01-01"}],
            "goal": {"form": "specjalizacja", "field": HOSTILE_TEXT}}
    path = tmp_path / "case.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    assert "\x1b" not in explain(assess(Case.model_validate(data), date(2026, 11, 22)))
    assert logic_cli.main(["explain", str(path), "--as-of", AS_OF]) == 0
    out = capsys.readouterr().out
    assert "pielęgniarstwo chirurgiczne" in out
    assert not re.search("[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]", out)


# --- properties: 2,000 examples per model and per importer ------------------------------------------------------


TEXT = st.text(st.characters(exclude_categories=("Cs",)), max_size=12)
SAMPLE_TEXTS = ["", " ", "pielęgniarstwo chirurgiczne", "  Zażółć gęślą jaźń  ",
                "![x](http://example.invalid/?who=Anna)", "<b>html</b>", "a\x1b[31mb", "\u202eodwrócone",
                "\x00\x85\t\n", "😀" * 3, "\\\"'", "null", "2020-01-01"]
PWZ_NUMBERS = [None, "0312345P", "1234567A", "0312 345 p", ""]


def _bounds(field) -> tuple[Any, Any]:
    ge = next((m.ge for m in field.metadata if isinstance(m, annotated_types.Ge)), None)
    le = next((m.le for m in field.metadata if isinstance(m, annotated_types.Le)), None)
    return ge, le


def _text(rnd, limit: int | None) -> str:
    if rnd.random() < 0.7:
        return rnd.choice(SAMPLE_TEXTS)
    n = rnd.choice([1, 5, 30, limit or 30])
    return "".join(chr(rnd.choice([rnd.randint(32, 0x17f), rnd.randint(0x180, 0xd7ff), rnd.randint(0xe000, 0x10ffff),
                                   rnd.randint(0, 31)])) for _ in range(n))


def _value(rnd, name: str, tp: Any, field) -> Any:
    """A valid value for a field of type `tp` (dates as dates, enums as members: the model is built in Python)."""
    if typing.get_origin(tp) is typing.Annotated:
        tp = typing.get_args(tp)[0]
    if name == "number":
        return rnd.choice(PWZ_NUMBERS)
    if name == "session":
        return f"{rnd.randint(2000, 2099)}-{rnd.choice(['wiosna', 'jesien', 'Jesień'])}"
    if tp is bool:
        return rnd.random() < 0.5
    if tp is int:
        ge, le = _bounds(field)
        lo, hi = (ge if ge is not None else 0), (le if le is not None else 10**6)
        return rnd.choice([lo, hi, rnd.randint(lo, hi)])
    if tp is float:
        ge, le = _bounds(field)
        return rnd.choice([float(ge), float(le), rnd.uniform(ge, le), round(rnd.uniform(ge, le), 1), int(le)])
    if tp is str:
        return _text(rnd, _max_length(field))
    if tp is date:
        return rnd.choice([C.EARLIEST_DAY, C.LATEST_DAY, date.fromordinal(rnd.randint(
            C.EARLIEST_DAY.toordinal(), C.LATEST_DAY.toordinal()))])
    if isinstance(tp, type) and issubclass(tp, Enum):
        return rnd.choice(list(tp))
    if isinstance(tp, type) and issubclass(tp, BaseModel):
        return random_data(rnd, tp)
    if typing.get_origin(tp) is list:
        return [_value(rnd, name, typing.get_args(tp)[0], field) for _ in range(rnd.choice([0, 0, 1, 2, 3]))]
    raise AssertionError(f"no value for {name}: {tp}")


def _fix(model: type, data: dict) -> dict:
    """What the models' cross-field checks want: dates in order, an ongoing job without an end, hours done ≤ all."""
    for a, b in (("start", "end"), ("started_on", "completed_on"), ("started_on", "ended_on")):
        if data.get(a) and data.get(b) and data[b] < data[a]:
            data[a], data[b] = data[b], data[a]
    if data.get("ongoing"):
        data["end"] = None
    if data.get("programme_hours_done") is not None and data.get("programme_hours_total") is not None:
        data["programme_hours_done"] = min(data["programme_hours_done"], data["programme_hours_total"])
    return data


def random_data(rnd, model: type[BaseModel]) -> dict:
    """A valid `model`, every field left out, unknown (None) or given at random. Built with a seeded Random that
    hypothesis draws (shrinking then works on the seed only): drawing each of a case's ~200 values through
    hypothesis took 10x as long as loading the case, over the time budget of these tests."""
    data: dict[str, Any] = {}
    for name, field in model.model_fields.items():
        if name == "schema_version":
            data[name] = C.CURRENT_SCHEMA_VERSION
            continue
        optional = typing.get_origin(field.annotation) in (Union, UnionType)
        roll = rnd.random()
        if optional and roll < 0.3:
            data[name] = None
        elif not field.is_required() and roll > 0.8:
            continue  # left out: its default
        else:
            data[name] = _value(rnd, name, _inner(field.annotation), field)
    return _fix(model, data)


def built(model: type[BaseModel]) -> st.SearchStrategy:
    return st.randoms(use_true_random=True).map(lambda rnd: model.model_validate(random_data(rnd, model)))


cases = built(Case)
editions = built(Edition)
PROPERTY = dict(deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])


@settings(max_examples=at_least(2000), **PROPERTY)
@given(case=cases)
def test_every_valid_generated_case_is_saved_and_loaded_back_equal(case):
    assert casefile.load_case(casefile.dump_case(case)) == (case, [])


@settings(max_examples=at_least(2000), **PROPERTY)
@given(edition=editions)
def test_every_valid_generated_edition_is_saved_and_loaded_back_equal(edition):
    loaded = editionfile.load_edition(editionfile.dump_edition(edition))
    if edition.form is C.Form.EGZAMIN_PANSTWOWY:  # an edition is never of the state exam: refused as such
        assert loaded == (None, [editionfile.STATE_EXAM])
    else:
        assert loaded == (edition, [])


json_values = st.recursive(
    st.one_of(st.none(), st.booleans(), st.integers(-10**40, 10**40), st.floats(allow_nan=False), TEXT,
              st.sampled_from(["2020-01-01", "calosc", "pielegniarka", "kwalifikacyjny", "0312345P", "2026-jesien"])),
    lambda inner: st.one_of(st.lists(inner, max_size=3), st.dictionaries(
        st.one_of(TEXT, st.sampled_from(["schema_version", "employment", "start", "courses", "kind", "hours",
                                         "goal", "form", "edition", "commission", "role", "exemption", "scope"])),
        inner, max_size=3)),
    max_leaves=12)


def _paths(value: Any, path: tuple = ()) -> list[tuple]:
    out = [path]
    if isinstance(value, dict):
        for k, v in value.items():
            out += _paths(v, (*path, k))
    elif isinstance(value, list):
        for i, v in enumerate(value):
            out += _paths(v, (*path, i))
    return out


def _replaced(data: Any, path: tuple, new: Any) -> Any:
    if not path:
        return new
    data = dict(data) if isinstance(data, dict) else list(data)
    data[path[0]] = _replaced(data[path[0]], path[1:], new)
    return data


@st.composite
def hostile_bytes(draw, valid: st.SearchStrategy) -> bytes:
    """A valid file with one value replaced by any JSON value, or any JSON, or such a file's bytes damaged."""
    kind = draw(st.sampled_from(["mutated", "mutated", "mutated", "json", "bytes", "damaged"]))
    if kind == "bytes":
        return draw(st.binary(max_size=64))
    base = json.loads(draw(valid))
    if kind == "json":
        data = draw(json_values)
    else:
        paths = _paths(base)
        data = _replaced(base, draw(st.sampled_from(paths)), draw(json_values))
    raw = json.dumps(data, ensure_ascii=draw(st.booleans())).encode("utf-8")
    if kind == "damaged":
        at = draw(st.integers(0, len(raw)))
        raw = raw[:at] + draw(st.binary(max_size=4)) + raw[at + draw(st.integers(0, 3)):]
    return raw


def assert_refused_in_polish(result: tuple[Any, list[str]]) -> None:
    value, messages = result
    if value is None:
        assert messages and all(isinstance(m, str) and m for m in messages)
        assert not ENGLISH.search(" ".join(messages)), messages
    else:
        assert messages == []


@functools.cache
def saved(model: type[BaseModel], n: int = 300) -> tuple[str, ...]:
    """`n` valid files of `model` (seeded): the hostile inputs start from one of them, which is faster than building
    a new valid one for every example."""
    rnd = random.Random(12)
    dump = casefile.dump_case if model is Case else editionfile.dump_edition
    return tuple(dump(model.model_validate(random_data(rnd, model))).decode("utf-8") for _ in range(n))


def saved_files(model: type[BaseModel]) -> st.SearchStrategy:
    return st.integers(0, 299).map(lambda i: saved(model)[i])


@settings(max_examples=at_least(2000), **PROPERTY)
@given(raw=hostile_bytes(saved_files(Case)))
def test_the_case_file_loader_gives_a_case_or_a_polish_refusal_for_any_input(raw):
    # (ui/casefile.py catches only the loader's own refusals, Refused and Invalid, which the command lines get
    # too: anything else would fail here)
    assert_refused_in_polish(casefile.load_case(raw))


@settings(max_examples=at_least(2000), **PROPERTY)
@given(raw=hostile_bytes(saved_files(Edition)))
def test_the_edition_file_loader_gives_an_edition_or_a_polish_refusal_for_any_input(raw):
    assert_refused_in_polish(editionfile.load_edition(raw))


# --- hypothesis profiles (tests/conftest.py) -------------------------------------------------------------------


def test_the_ci_profile_is_derandomized_without_a_database_or_deadline_and_prints_the_blob():
    ci = settings.get_profile("ci")
    assert ci.derandomize is True and ci.database is None and ci.deadline is None and ci.print_blob is True
    assert settings.get_profile("deep").max_examples == 10 * settings.get_profile("dev").max_examples


@pytest.mark.parametrize("profile, derandomize, examples", [("ci", True, 100), ("deep", False, 1000),
                                                            ("", False, 100)])
def test_the_environment_variable_chooses_the_profile(profile, derandomize, examples):
    code = ("import runpy; runpy.run_path('tests/conftest.py'); from hypothesis import settings; "
            "print(settings.default.derandomize, settings.default.max_examples)")
    env = {k: v for k, v in os.environ.items() if k != "HYPOTHESIS_PROFILE"}
    if profile:
        env["HYPOTHESIS_PROFILE"] = profile
    proc = subprocess.run([sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True, timeout=60)
    assert proc.stdout.split() == [str(derandomize), str(examples)], proc.stderr
