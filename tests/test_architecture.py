"""Rules that keep the three layers apart and the dependencies reproducible.

- `logic/` is pure Python: it imports neither streamlit nor fpdf.
- Only `logic/clock.py` may read the clock; every rule takes "as of" as an argument.
- Both requirements files pin every package with `==`.
"""
import ast
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
LOGIC = ROOT / "logic"
FORBIDDEN_IMPORTS = {"streamlit", "fpdf"}
CLOCK_MODULE = LOGIC / "clock.py"
# (receiver name, method) pairs that read the clock: date.today(), datetime.now(), time.time() …
CLOCK_CALLS = {
    ("date", "today"),
    ("datetime", "today"),
    ("datetime", "now"),
    ("datetime", "utcnow"),
    ("time", "time"),
}


def logic_files() -> list[Path]:
    files = sorted(LOGIC.rglob("*.py"))
    assert files, "no Python files found under logic/"
    return files


def parse(path: Path) -> ast.Module:
    return ast.parse(path.read_text(encoding="utf-8"), filename=str(path))


def imported_top_level_names(tree: ast.Module) -> set[str]:
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            names.add(node.module.split(".")[0])
    return names


def receiver_name(node: ast.expr) -> str | None:
    """Last name of a call's receiver: `date` in `date.today()` and in `datetime.date.today()`."""
    if isinstance(node, ast.Name):
        return node.id
    if isinstance(node, ast.Attribute):
        return node.attr
    return None


def clock_calls(tree: ast.Module) -> list[str]:
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute):
            pair = (receiver_name(node.func.value), node.func.attr)
            if pair in CLOCK_CALLS:
                found.append(f"line {node.lineno}: {pair[0]}.{pair[1]}()")
    return found


def rel(path: Path) -> str:
    return path.relative_to(ROOT).as_posix()


def test_logic_imports_neither_streamlit_nor_fpdf():
    offenders = {
        rel(path): sorted(imported_top_level_names(parse(path)) & FORBIDDEN_IMPORTS)
        for path in logic_files()
    }
    assert {k: v for k, v in offenders.items() if v} == {}


def test_only_logic_clock_reads_the_clock():
    offenders = {
        rel(path): clock_calls(parse(path)) for path in logic_files() if path != CLOCK_MODULE
    }
    assert {k: v for k, v in offenders.items() if v} == {}


def test_clock_call_detection_catches_the_usual_spellings():
    source = "date.today()\ndatetime.datetime.now()\ndatetime.today()\ntime.time()\nx.date()\n"
    assert len(clock_calls(ast.parse(source))) == 4


PIN = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]*(\[[A-Za-z0-9._,-]+\])?==[^=\s;]+(\s*;.*)?$")


@pytest.mark.parametrize("name", ["requirements.txt", "requirements-dev.txt"])
def test_requirements_pin_every_package(name):
    unpinned = []
    for line in (ROOT / name).read_text(encoding="utf-8").splitlines():
        line = line.split("#", 1)[0].strip()
        if not line or line.startswith(("-r ", "--requirement ")):
            continue
        if not PIN.match(line):
            unpinned.append(line)
    assert unpinned == []


# The frames that may ask what day it is: the app's shared frame and the two command lines.
CLOCK_FRAMES = {"ui/frame.py", "logic/__main__.py", "forms/__main__.py", "logic/clock.py"}


def test_only_the_frames_ask_for_today():
    root = Path(__file__).resolve().parent.parent
    files = [root / "app.py", *root.glob("app_pages/*.py"), *root.glob("ui/*.py"), *root.glob("forms/*.py"),
             *root.glob("logic/**/*.py")]
    readers = sorted(str(p.relative_to(root)) for p in files
                     if "today_in_poland" in p.read_text(encoding="utf-8"))
    assert set(readers) <= CLOCK_FRAMES, f"only the frames may read the clock: {set(readers) - CLOCK_FRAMES}"
    assert "ui/frame.py" in readers  # the detection sees the one place that must read it
    direct = {str(p.relative_to(root)): clock_calls(ast.parse(p.read_text(encoding="utf-8"))) for p in files
              if str(p.relative_to(root)) not in CLOCK_FRAMES}
    assert not {k: v for k, v in direct.items() if v}, "pages, ui and forms take today from a frame"
