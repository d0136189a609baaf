"""How fast the help-desk page answers: the median rerun of "Infolinia – szybkie odpowiedzi" for each question,
beside an empty page's run measured the same way in this process.

Each question is timed with a typical call's facts already in its inputs (seeded into the session as the widgets'
values), so that every run assesses a case and draws the whole answer: the one-sentence answer, the dates, the legal
basis, the notes, the documents and the copy text. A fresh AppTest opens the app, switches to the page and runs it
once (warm-up); then the page's reruns are timed. "Wpisz kod" with the example nurse's code is timed the same way and
reported beside the questions.

Budget: the heaviest question's median rerun <= 100 ms. Prints each median, its ratio to the empty page and
PASS/OVER; exits with status 1 when a question is over the budget. Run: `make bench` or
`.venv/bin/python bench/bench_infolinia.py`.
"""
from __future__ import annotations

import json
import statistics
import sys
import tempfile
import time
from datetime import date
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

APP = ROOT / "app.py"
PAGE = "app_pages/8_Infolinia.py"
BUDGET_MS = 100.0
RUNS = 15  # timed reruns per question, after one warm-up run
AS_OF = date(2026, 11, 23)
EXAMPLE = ROOT / "examples" / "pielegniarka-specjalizacja.json"

# A typical call's facts for each question (the inputs a consultant would have typed).
TYPICAL: dict[str, dict[str, Any]] = {
    "egzamin_termin": {"finished_on": date(2027, 5, 31)},
    "egzamin_poprawka": {"result": "niezdany", "session": "2026-jesien", "earlier_failures": 2},
    "wejscie": {"form": "specjalizacja", "pwz": True, "work_start": date(2022, 1, 1), "work_end": date(2023, 6, 30),
                "work2_start": date(2025, 3, 1)},
    "zaliczenie": {"target": "specjalizacja", "kind": "kurs_kwalifikacyjny", "completed_on": date(2012, 6, 1),
                   "field": "pielęgniarstwo chirurgiczne", "target_field": "pielęgniarstwo chirurgiczne"},
    "doktorat": {"doctorate": True, "field": "pielęgniarstwo geriatryczne"},
    "cmkp_cem": {"session": "2027-jesien"},
    "dokumenty": {"application": "specjalizacja_dofinansowana"},
    "druga_dofinansowana": {"previous": "ukonczona", "previous_funded": True, "previous_ended_on": date(2023, 6, 30),
                            "previous_field": "pielęgniarstwo chirurgiczne", "failed_exams": 3},
    "komisja": {"candidates": 901},
    "uzupelniajace": {"places": 25, "qualified": 20, "programme_started": True, "hours_total": 1200,
                      "hours_done": 100, "planned_start": date(2026, 11, 2), "round_on": date(2026, 11, 20)},
}


def verdict(value: float, budget: float) -> str:
    return "PASS" if value <= budget else "OVER"


def quiet_streamlit() -> None:
    """AppTest outside a server logs "missing ScriptRunContext" at every run; it is noise here."""
    import logging

    import streamlit.testing.v1  # noqa: F401  (sets up Streamlit's loggers first)

    logging.getLogger("streamlit.runtime.scriptrunner_utils.script_run_context").addFilter(
        lambda record: "missing ScriptRunContext" not in record.getMessage())


def question_state(key: str) -> dict[str, Any]:
    """The session state in which the page shows question `key` with its typical facts in the widgets."""
    from logic import quick as Q
    from ui import quick as QU

    q = Q.BY_KEY[key]
    values = {i.key: None for i in q.inputs}
    state: dict[str, Any] = {"as_of": AS_OF, QU.QUESTION: key}
    for i in q.inputs:  # in order: a widget's key may depend on the answers before it (its list of choices)
        if not i.applies(values, AS_OF):
            continue
        values[i.key] = TYPICAL[key].get(i.key)
        if values[i.key] is not None:
            state[QU.widget_key(q, i, i.options_for(values, AS_OF))] = values[i.key]
    return state


def code_state() -> dict[str, Any] | None:
    try:
        from logic import casecode
        from logic.case import Case
        from ui import quick as QU
    except ImportError:
        return None
    case = Case.model_validate(json.loads(EXAMPLE.read_text(encoding="utf-8")))
    return {"as_of": AS_OF, QU.CODE: casecode.encode(case)}


def given_facts(copy_text: str) -> int:
    """How many facts the copy text lists under "Podane dane"."""
    if "Podane dane:" not in copy_text:
        return 0
    return copy_text.split("Podane dane:", 1)[1].split("\n\n", 1)[0].count("•")


def page_reruns_ms(script: Path, state: dict[str, Any], page: str | None, given: int = 0) -> float:
    """Median milliseconds of RUNS reruns of `page` (None: the script itself) in one AppTest session."""
    from streamlit.testing.v1 import AppTest

    at = AppTest.from_file(str(script), default_timeout=60)
    for k, v in state.items():
        at.session_state[k] = v
    at.run()
    if page is not None:
        at.switch_page(page)
        at.run()  # warm-up on the page
    if at.exception:
        raise RuntimeError(f"{page or script.name}: the script raised: {at.exception[0].value}")
    times = []
    for _ in range(RUNS):
        start = time.perf_counter()
        at.run()
        times.append(time.perf_counter() - start)
    if at.exception:
        raise RuntimeError(f"{page or script.name}: the script raised: {at.exception[0].value}")
    if page is not None and not (at.success or at.info or at.warning):
        raise RuntimeError(f"{page}: no answer was shown")
    if given and [given_facts(c.value) for c in at.code] != [given]:
        raise RuntimeError(f"{page}: the answer does not show the {given} facts given")
    return statistics.median(times) * 1000


def main() -> int:
    quiet_streamlit()
    print(f"-- Infolinia: median rerun of the page per question (AppTest, {RUNS} reruns after a warm-up; budget "
          f"for the heaviest question <= {BUDGET_MS:.0f} ms)")
    with tempfile.TemporaryDirectory() as tmp:
        empty = Path(tmp) / "empty_page.py"
        empty.write_text("import streamlit as st\n", encoding="utf-8")
        page_reruns_ms(empty, {}, None)  # warm-up: imports
        empty_ms = page_reruns_ms(empty, {}, None)

    # Every seeded fact is listed in the copy text: the facts reached the widgets, so the full answer was timed.
    rows: list[tuple[str, float]] = [(key, page_reruns_ms(APP, question_state(key), PAGE, len(TYPICAL[key])))
                                     for key in TYPICAL]
    code = code_state()
    code_ms = page_reruns_ms(APP, code, PAGE) if code else None

    width = max(len(k) for k in [*TYPICAL, "empty page (same process)", "Wpisz kod (example case)"])
    print(f"  {'empty page (same process)':<{width}}  {empty_ms:7.1f} ms")
    for key, ms in rows:
        print(f"  {key:<{width}}  {ms:7.1f} ms  x{ms / empty_ms:5.1f}  {verdict(ms, BUDGET_MS)}")
    if code_ms is not None:
        print(f"  {'Wpisz kod (example case)':<{width}}  {code_ms:7.1f} ms  x{code_ms / empty_ms:5.1f}  "
              f"{verdict(code_ms, BUDGET_MS)} (reported, not a question)")
    else:
        print("  Wpisz kod: SKIPPED (logic/casecode.py is not there)")
    key, heaviest = max(rows, key=lambda r: r[1])
    result = verdict(heaviest, BUDGET_MS)
    print("  (x = times the empty page's run)")
    print(f"  heaviest question: {key} {heaviest:.1f} ms = {heaviest / BUDGET_MS:.2f} of the {BUDGET_MS:.0f} ms "
          f"budget, x{heaviest / empty_ms:.1f} the empty page -> {result}")
    return 0 if result == "PASS" else 1


if __name__ == "__main__":
    sys.exit(main())
