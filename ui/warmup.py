"""Warm a server process up once, so that no visitor's click pays for the process's first use of a heavy part.

Measured in a fresh process (issue 12 § 4): the first visit of "Wniosek o zaliczenie" spent 600–700 ms (up to 2 s on
a busy machine) importing pandas, pyarrow, fpdf and fontTools and preparing the PDF font; the first assessment read
`parameters.yaml`. The frame (ui/frame.py) calls `start()` at the end of every run; the first call in a process
starts one background thread that does all of that once, right after the first visitor's first page is drawn (not
before it: her first page would wait for the thread), and every later call is a check of a flag.

The thread is started by the frame but runs outside any session: a new thread has no ScriptRunContext, its steps
take no arguments and read nothing but our own files (the parameters, the list of fields, the pages' source, the
font), so it never sees a person's answers. A step that fails is logged by name and error type and the rest go on;
the app works without the warm-up, only the first use of that part is slower.

`ASYSTENT_WARMUP=off` in the environment turns it off (the app bench measures the first visits with and without).
"""
from __future__ import annotations

import ast
import importlib
import importlib.util
import logging
import os
import threading
import time
from collections.abc import Callable, Iterable
from pathlib import Path

log = logging.getLogger("asystent")

ROOT = Path(__file__).resolve().parent.parent
ENV_SWITCH = "ASYSTENT_WARMUP"


def enabled() -> bool:
    return os.environ.get(ENV_SWITCH, "").strip().lower() not in {"0", "off", "no", "false"}


# --- the steps -----------------------------------------------------------------------------------------------------


def _parameters() -> None:
    """parameters.yaml and fields.yaml, parsed and validated once per process."""
    from logic import fields, parameters

    parameters.base()
    fields.source()


def page_modules(files: Iterable[Path]) -> list[str]:
    """Every module the page scripts import, at the top or inside a function (`import forms` on click), in order.

    Read from their source: the scripts themselves are never run here (they draw, and only a session may draw)."""
    found: dict[str, None] = {}
    for file in files:
        tree = ast.parse(file.read_text(encoding="utf-8"), filename=str(file))
        for node in ast.walk(tree):
            if isinstance(node, ast.Import):
                for alias in node.names:
                    found.setdefault(alias.name, None)
            elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
                found.setdefault(node.module, None)
                for alias in node.names:  # `from ui import lists`: the submodule ui.lists
                    found.setdefault(f"{node.module}.{alias.name}", None)
    return [name for name in found if name.split(".")[0] != "__future__"]


def _is_module(name: str) -> bool:
    try:
        return importlib.util.find_spec(name) is not None
    except (ImportError, ValueError):  # `from pydantic import ValidationError`: a name, not a module
        return False


def _page_imports() -> None:
    """The modules behind every page (pandas and the forms package behind "Wniosek o zaliczenie", the interview's
    ui.lists and ui.questions behind "Moja sytuacja", …)."""
    from ui.state import PAGES

    for name in page_modules(ROOT / p.file for p in PAGES):
        if _is_module(name):
            importlib.import_module(name)


def _pdf_font() -> None:
    """The PDFs' font, subset and prepared for fpdf2 (forms/fonts.py)."""
    from forms import fonts

    fonts.warm_up()


def _tables() -> None:
    """pyarrow's pandas conversion, which Streamlit uses for every st.dataframe and st.data_editor."""
    import pandas as pd
    import pyarrow as pa

    pa.Table.from_pandas(pd.DataFrame({"tekst": ["a", None], "liczba": [1, None]}))


def _assessment() -> None:
    """One assessment of a made-up case (no person's data): the rules' first run and their caches."""
    from datetime import date

    from logic import Case, assess
    from logic.parameters import first_supported_day

    case = Case.model_validate({"profession": "pielegniarka", "right_to_practise": {"held": True},
                                "employment": [{"start": "2019-10-01", "ongoing": True}],
                                "goal": {"form": "specjalizacja"}})
    assess(case, max(first_supported_day(), date(2026, 11, 23)))


def server_script_cache() -> object | None:
    """The running server's cache of compiled scripts, or None outside a server (AppTest, a command line).

    Adapter over an internal (Streamlit 1.67): the Runtime keeps one ScriptCache (`Runtime._script_cache`) that
    every session's pages manager uses, and compiles a page into it on the page's first visit in the process. No
    public API fills it; tests/test_lean.py checks the attribute is there and is what the sessions use."""
    from streamlit.runtime import Runtime

    if not Runtime.exists():
        return None
    cache = getattr(Runtime.instance(), "_script_cache", None)
    return cache if callable(getattr(cache, "get_bytecode", None)) else None


def _page_scripts() -> None:
    """app.py and every page compiled into the server's script cache (the first visit of "Moja sytuacja" spent
    ~90 ms compiling its script)."""
    from ui.state import PAGES

    cache = server_script_cache()
    if cache is None:
        return
    for file in [ROOT / "app.py", *(ROOT / p.file for p in PAGES)]:
        cache.get_bytecode(str(file))


STEPS: tuple[tuple[str, Callable[[], None]], ...] = (
    ("skrypty stron", _page_scripts),
    ("parametry", _parameters),
    ("ocena", _assessment),
    ("moduły stron", _page_imports),
    ("czcionka PDF", _pdf_font),
    ("tabele", _tables),
)


# --- once per process ----------------------------------------------------------------------------------------------


class WarmUp:
    """Runs `steps` once, in one daemon thread, the first time `start()` is called; later calls do nothing."""

    def __init__(self, steps: tuple[tuple[str, Callable[[], None]], ...] = STEPS):
        self.steps = steps
        self._lock = threading.Lock()
        self._thread: threading.Thread | None = None
        self.done = threading.Event()
        self.timings: dict[str, float] = {}  # step name -> seconds (for the bench)
        self.failed: list[str] = []  # names of the steps that raised

    @property
    def started(self) -> bool:
        return self._thread is not None

    def start(self) -> bool:
        """Start the warm-up if it has not been started in this process; True if this call started it."""
        if self._thread is not None:  # the usual case, without taking the lock
            return False
        with self._lock:
            if self._thread is not None:
                return False
            self._thread = threading.Thread(target=self.run, name="asystent-warmup", daemon=True)
            self._thread.start()
            return True

    def run(self) -> None:
        """Every step in turn (in the calling thread); one that fails is logged without its message."""
        try:
            for name, step in self.steps:
                t0 = time.perf_counter()
                try:
                    step()
                except Exception as exc:  # noqa: BLE001 - the app works without it; the log says which step
                    self.failed.append(name)
                    log.warning("Warm-up step %r failed: %s", name, type(exc).__name__)
                self.timings[name] = time.perf_counter() - t0
        finally:
            self.done.set()

    def wait(self, timeout: float | None = None) -> bool:
        """Wait until the warm-up has finished (tests, the bench); False if it had not within `timeout`."""
        return self.done.wait(timeout)


PROCESS = WarmUp()


def start() -> bool:
    """Called by the frame at the end of each run: warms this process up the first time (unless turned off)."""
    if PROCESS.started or not enabled():
        return False
    return PROCESS.start()
