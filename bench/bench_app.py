"""How fast the app answers: script-run time of each page, and server start to first rendered page.

1. Each page's script run under Streamlit's AppTest (no browser): a fresh AppTest runs the app once, switches
   to the page, and the run on that page is timed; the median of several such runs is printed beside an
   empty page's run measured the same way in this process. Each page is timed twice: with no answers (a new
   visitor) and with the answers of examples/pielegniarka-specjalizacja.json in the session (so Wynik and
   Wniosek really assess a case). Budget: the heaviest page <= 150 ms.
2. Time from starting `streamlit run app.py` to the Start page rendered in headless Chromium (script finished,
   the frame's "Stan prawny na dzień" and the page's heading visible). Budget: <= 5 s. Skipped with a message
   when Chromium or playwright is missing.

Prints ratios and PASS/OVER; it never fails the build (no timed assertions in tests). Run: `make bench`.
"""
from __future__ import annotations

import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.browser_support import (  # noqa: E402
    APP,
    StreamlitServer,
    browser_unavailable,
    discover_pages,
    launch_chromium,
    wait_for_app,
)

PAGE_BUDGET_MS = 150.0
STARTUP_BUDGET_S = 5.0
RUNS = 15  # timed runs per page, after one warm-up
STARTUPS = 3  # server starts timed
FRAME_TEXT = "Stan prawny na dzień"


def verdict(value: float, budget: float) -> str:
    return "PASS" if value <= budget else "OVER"


EXAMPLE = ROOT / "examples" / "pielegniarka-specjalizacja.json"


def example_state() -> dict | None:
    """Session state holding the example nurse's answers, as the app keeps them (None if that cannot be made)."""
    try:
        from ui import state
        from ui.casefile import load_case

        case, problems = load_case(EXAMPLE.read_bytes())
    except Exception as exc:  # noqa: BLE001 - the app is someone else's; report and go on
        print(f"  (no filled-case timing: {type(exc).__name__}: {exc})")
        return None
    if case is None:
        print(f"  (no filled-case timing: {EXAMPLE.name}: {problems[:2]})")
        return None
    return {state.CASE: case}


def timed_page_run(script: Path, page_file: str | None, state: dict | None = None) -> float:
    """Seconds for one script run on `page_file` in a fresh AppTest session (None: rerun the main script)."""
    from streamlit.testing.v1 import AppTest

    at = AppTest.from_file(str(script), default_timeout=60)
    for key, value in (state or {}).items():
        at.session_state[key] = value
    at.run()
    if page_file is not None:
        at.switch_page(page_file)
    start = time.perf_counter()
    at.run()
    elapsed = time.perf_counter() - start
    if at.exception:
        raise RuntimeError(f"{page_file or script.name}: the script raised: {at.exception[0].value}")
    return elapsed


def median_ms(script: Path, page_file: str | None, state: dict | None = None) -> float:
    timed_page_run(script, page_file, state)  # warm-up: imports, caches
    return statistics.median(timed_page_run(script, page_file, state) for _ in range(RUNS)) * 1000


def quiet_streamlit() -> None:
    """AppTest outside a server logs "missing ScriptRunContext" at every run; it is noise here."""
    import logging

    import streamlit.testing.v1  # noqa: F401  (sets up Streamlit's loggers first)

    # a filter, not a level: Streamlit resets its loggers' levels when it reads its config
    logging.getLogger("streamlit.runtime.scriptrunner_utils.script_run_context").addFilter(
        lambda record: "missing ScriptRunContext" not in record.getMessage())


def bench_pages() -> None:
    quiet_streamlit()
    print(f"-- script run per page (AppTest, median of {RUNS} runs; budget for the heaviest page: "
          f"<= {PAGE_BUDGET_MS:.0f} ms)")
    with tempfile.TemporaryDirectory() as tmp:
        empty = Path(tmp) / "empty_page.py"
        empty.write_text("import streamlit as st\n", encoding="utf-8")
        empty_ms = median_ms(empty, None)

    pages = discover_pages()
    filled = example_state()
    results: list[tuple[str, float, float | None]] = []
    for page in pages:
        page_file = None if page.url_path == "" else page.file
        results.append((f"/{page.url_path}  ({page.file})", median_ms(APP, page_file),
                        median_ms(APP, page_file, filled) if filled else None))

    width = max(len(name) for name, *_ in results + [("empty page (same process)", 0, 0)])
    print(f"  {'page':<{width}}  {'no answers':>10}  {'example case':>12}")
    print(f"  {'empty page (same process)':<{width}}  {empty_ms:7.1f} ms")
    for name, blank, full in results:
        full_text = f"{full:9.1f} ms  x{full / empty_ms:5.1f}" if full is not None else ""
        print(f"  {name:<{width}}  {blank:7.1f} ms  x{blank / empty_ms:5.1f}  {full_text}")
    worst = max(((name, ms) for name, blank, full in results for ms in (blank, full) if ms is not None),
                key=lambda r: r[1])
    name, heaviest = worst
    print(f"  (x = times the empty page's run)")
    print(f"  heaviest: {name.split()[0]} {heaviest:.1f} ms = {heaviest / PAGE_BUDGET_MS:.2f} of the "
          f"{PAGE_BUDGET_MS:.0f} ms budget, x{heaviest / empty_ms:.1f} the empty page -> "
          f"{verdict(heaviest, PAGE_BUDGET_MS)}")


def bench_startup() -> None:
    print(f"-- server start to first rendered Start page in Chromium (median of {STARTUPS}; budget <= "
          f"{STARTUP_BUDGET_S:.0f} s)")
    reason = browser_unavailable()
    if reason:
        print(f"  SKIPPED: {reason}")
        return
    from playwright.sync_api import expect, sync_playwright

    healthy: list[float] = []
    rendered: list[float] = []
    frame_missing = False
    with sync_playwright() as playwright:
        browser = launch_chromium(playwright)  # the browser's own start is not the app's
        try:
            for _ in range(STARTUPS):
                context = browser.new_context(viewport={"width": 1400, "height": 1000}, locale="pl-PL")
                page = context.new_page()
                server = StreamlitServer()
                start = time.perf_counter()
                server.start()
                try:
                    server.wait_until_healthy()
                    healthy.append(time.perf_counter() - start)
                    page.goto(server.url)
                    # rendered: the script has finished, the page's heading and the frame's sidebar are on screen
                    wait_for_app(page, timeout=60_000)
                    expect(page.get_by_role("heading").first).to_be_visible(timeout=60_000)
                    try:
                        expect(page.get_by_test_id("stSidebar").get_by_text(FRAME_TEXT).first).to_be_visible(
                            timeout=15_000)
                    except AssertionError:
                        frame_missing = True
                    rendered.append(time.perf_counter() - start)
                finally:
                    server.stop()
                    context.close()
        finally:
            browser.close()
    h, r = statistics.median(healthy), statistics.median(rendered)
    print(f"  server healthy (/_stcore/health ok): {h:.2f} s")
    print(f"  Start page rendered:                 {r:.2f} s  (runs: {', '.join(f'{x:.2f}' for x in rendered)})")
    if frame_missing:
        print(f"  note: the Start page showed no sidebar frame ({FRAME_TEXT!r})")
    print(f"  {r:.2f} s = {r / STARTUP_BUDGET_S:.2f} of the {STARTUP_BUDGET_S:.0f} s budget -> "
          f"{verdict(r, STARTUP_BUDGET_S)}")


def main() -> None:
    bench_pages()
    bench_startup()


if __name__ == "__main__":
    main()
