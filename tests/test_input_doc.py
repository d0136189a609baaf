"""docs/INPUT.md states the input limits; each row naming a constant must give the constant's value."""
from __future__ import annotations

import importlib
import re
from pathlib import Path

import pytest

DOC = Path(__file__).resolve().parent.parent / "docs" / "INPUT.md"
ROW = re.compile(r"^\|[^|]*\| `(?P<name>[a-z_.]+\.[A-Z_]+)` \| (?P<value>\d+)")


def rows() -> list[tuple[str, int]]:
    return [(m["name"], int(m["value"])) for line in DOC.read_text(encoding="utf-8").splitlines()
            if (m := ROW.match(line))]


def test_the_input_page_names_at_least_the_case_lists_texts_and_file_limits():
    names = {name for name, _ in rows()}
    assert {"logic.case.MAX_EMPLOYMENT", "logic.case.MAX_COURSES", "logic.case.MAX_FIELD", "logic.loader.MAX_BYTES",
            "logic.intake.reader.MAX_BYTES"} <= names


@pytest.mark.parametrize("name, value", rows())
def test_the_input_page_gives_each_limit_as_the_code_has_it(name, value):
    module, constant = name.rsplit(".", 1)
    assert getattr(importlib.import_module(module), constant) == value


def test_the_page_gives_the_date_bounds_the_model_has():
    from logic.case import EARLIEST_DAY, LATEST_DAY

    text = DOC.read_text(encoding="utf-8")
    assert f"`logic.case.EARLIEST_DAY` ({EARLIEST_DAY.isoformat()})" in text
    assert f"`logic.case.LATEST_DAY` ({LATEST_DAY.isoformat()})" in text
