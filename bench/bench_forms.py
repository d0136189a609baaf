"""Time to build Annex 1 (wniosek o zaliczenie) and its size, beside a one-line PDF with the same font.

    .venv/bin/python bench/bench_forms.py

Budgets (issue 3): a typical Annex 1 in ≤ 50 ms once the font is loaded (median of warm runs), the first one in a
fresh process, font loading included, in ≤ 500 ms, and ≤ 100 KB. The first-document time is measured in a fresh
subprocess; importing fpdf2 (which imports numpy when it is installed) is reported apart, because the app has
already imported both by the time a user asks for a PDF. Wall-clock times are the budget; CPU times are printed
beside them because on a shared machine the wall clock also counts waiting for a core. Exit status 1 when a
budget is exceeded.
"""
from __future__ import annotations

import json
import statistics
import subprocess
import sys
import time
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

CASE_FILE = ROOT / "examples" / "pielegniarka-specjalizacja.json"
AS_OF = date(2026, 11, 23)
RUNS = 40
WARM_BUDGET_MS = 50.0
FIRST_BUDGET_MS = 500.0
SIZE_BUDGET_KB = 100.0

FIRST_DOCUMENT = r"""
import json, sys, time
from datetime import date
t0 = time.perf_counter()
import fpdf  # noqa: F401
from logic import Case, assess
from forms import annex1_values, build_annex1
t1 = time.perf_counter()
case = Case.model_validate(json.loads(open(sys.argv[1], encoding="utf-8").read()))
values = annex1_values(case, assess(case, date(2026, 11, 23)))
t2, c2 = time.perf_counter(), time.process_time()
build_annex1(values, as_of=date(2026, 11, 23), generated_on=date(2026, 11, 23))
t3, c3 = time.perf_counter(), time.process_time()
print(json.dumps({"import_ms": (t1 - t0) * 1000, "first_build_ms": (t3 - t2) * 1000,
                  "first_build_cpu_ms": (c3 - c2) * 1000}))
"""


def median_ms(fn, runs: int = RUNS) -> tuple[float, float]:
    """(wall-clock, CPU) medians in milliseconds."""
    wall, cpu = [], []
    for _ in range(runs):
        start, start_cpu = time.perf_counter(), time.process_time()
        fn()
        wall.append((time.perf_counter() - start) * 1000)
        cpu.append((time.process_time() - start_cpu) * 1000)
    return statistics.median(wall), statistics.median(cpu)


def one_line_pdf(base: bool = True) -> bytes:
    """One line in DejaVu Sans; fpdf2 subsets the small base variant as for the forms (`fonts.settle`), or, with
    `base=False`, the full font."""
    from forms import fonts
    from fpdf import FPDF

    pdf = FPDF()
    fonts.attach(pdf)
    pdf.add_page()
    pdf.set_font(fonts.FAMILY, "", 10)
    pdf.cell(0, 6, "Zażółć gęślą jaźń – wniosek o zaliczenie")
    if base:
        fonts.settle(pdf)
    return bytes(pdf.output())


def main() -> int:
    first = json.loads(subprocess.run([sys.executable, "-c", FIRST_DOCUMENT, str(CASE_FILE)], cwd=ROOT, check=True,
                                      capture_output=True, text=True).stdout)
    from forms import annex1_values, build_annex1, fonts
    from logic import Case, assess

    fonts.warm_up()
    case = Case.model_validate(json.loads(CASE_FILE.read_text(encoding="utf-8")))
    values = annex1_values(case, assess(case, AS_OF))
    build = lambda: build_annex1(values, as_of=AS_OF, generated_on=AS_OF)  # noqa: E731
    build()
    one_line_pdf()
    annex_ms, annex_cpu = median_ms(build)
    line_ms, line_cpu = median_ms(one_line_pdf)
    full_line_ms, full_line_cpu = median_ms(lambda: one_line_pdf(base=False))
    size_kb = len(build()) / 1024
    rows = [
        ("Annex 1, typical case, warm (median of %d)" % RUNS, f"{annex_ms:7.1f} ms", f"{annex_cpu:7.1f} ms",
         f"≤ {WARM_BUDGET_MS:.0f} ms", annex_ms <= WARM_BUDGET_MS),
        ("one-line PDF, same font, warm (median)", f"{line_ms:7.1f} ms", f"{line_cpu:7.1f} ms", "", True),
        ("  the same, subset from the full font (no base variant)", f"{full_line_ms:7.1f} ms",
         f"{full_line_cpu:7.1f} ms", "", True),
        ("first Annex 1 in a fresh process, font loading included", f"{first['first_build_ms']:7.1f} ms",
         f"{first['first_build_cpu_ms']:7.1f} ms", f"≤ {FIRST_BUDGET_MS:.0f} ms",
         first["first_build_ms"] <= FIRST_BUDGET_MS),
        ("  (before it: importing fpdf2, logic and forms)", f"{first['import_ms']:7.1f} ms", "", "", True),
        ("Annex 1, typical case, file size", f"{size_kb:7.1f} KB", "", f"≤ {SIZE_BUDGET_KB:.0f} KB",
         size_kb <= SIZE_BUDGET_KB),
    ]
    print(f"{'':<58} {'wall':>11}  {'CPU':>10}  budget")
    for label, value, cpu, budget, ok in rows:
        mark = "" if not budget else ("ok" if ok else "OVER BUDGET")
        print(f"{label:<58} {value:>11}  {cpu:>10}  {budget:<10} {mark}")
    return 0 if all(row[-1] for row in rows) else 1


if __name__ == "__main__":
    sys.exit(main())
