"""Time to build Annex 1 (wniosek o zaliczenie) and its size, beside a one-line PDF with the same font; the
summary and a long history's Annex 1 beside them; and the same with each way of giving fpdf2 the font
(forms/fonts.py: "shared", used when the installed fpdf2 supports it, and "public", fpdf2's add_font only).

    .venv/bin/python bench/bench_forms.py

Budgets (issue 3): a typical Annex 1 in ≤ 50 ms once the font is loaded (median of warm runs), the first one in a
fresh process, font loading included, in ≤ 500 ms, and ≤ 100 KB; they apply to the adapter the forms use. The
first-document time is measured in a fresh subprocess; importing fpdf2 (which imports numpy when it is installed)
is reported apart, because the app has already imported both by the time a user asks for a PDF. Wall-clock times
are the budget; CPU times are printed beside them because on a shared machine the wall clock also counts waiting
for a core. Exit status 1 when a budget is exceeded.
"""
from __future__ import annotations

import json
import os
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


def one_line_pdf(base: bool = True, adapter: str | None = None) -> bytes:
    """One line in DejaVu Sans; fpdf2 subsets the small base variant as the forms do, or, with `base=False`, the
    full font."""
    from forms import fonts
    from fpdf import FPDF

    pdf = FPDF()
    fonts.adapter(adapter).attach(pdf, fonts.Variant.BASE if base else fonts.Variant.FULL)
    pdf.add_page()
    pdf.set_font(fonts.FAMILY, "", 10)
    pdf.cell(0, 6, "Zażółć gęślą jaźń – wniosek o zaliczenie")
    return bytes(pdf.output())


def table_grid(self, columns, rows, *, blank_rows=3, blank_height=7.5, size=7.8, heading_size=7.0, row_height=6.0,
               title=None, handwriting_from=1, keep_after=0.0):
    """`FormPDF.grid` done with fpdf2's `table()` (title and heading rows repeated on every page), to measure what
    forms/pdf.py's own table saves. `table()` refuses a row taller than a page, so it is only for this bench."""
    from fpdf.enums import CellBordersLayout
    from fpdf.fonts import FontFace

    from forms import fonts
    from forms.pdf import CELL_PAD_X, CELL_PAD_Y, HEAD_FILL

    body = [[fonts.printable(t or "") for t in r] for r in rows] or [[""] * len(columns)] * blank_rows
    self.use(size)
    with self.table(col_widths=[c.width for c in columns], line_height=size * 0.42, v_align="MIDDLE",
                    text_align=[c.align for c in columns], padding=(CELL_PAD_Y, CELL_PAD_X),
                    headings_style=FontFace(emphasis="BOLD", size_pt=heading_size, fill_color=HEAD_FILL),
                    num_heading_rows=2 if title else 1) as table:
        if title:
            table.row(style=FontFace(emphasis="", size_pt=9, fill_color=(255, 255, 255))).cell(
                fonts.printable(title), colspan=len(columns), align="LEFT", border=CellBordersLayout.NONE)
        heading = table.row()
        for c in columns:
            heading.cell(fonts.printable(c.heading), align="CENTER")
        for cells in body:
            row = table.row(min_height=row_height if rows else blank_height)
            for text in cells:
                row.cell(text)
    self.use(9)


def first_document(adapter: str) -> dict:
    env = {**os.environ, "FORMS_FONTS": adapter}
    return json.loads(subprocess.run([sys.executable, "-c", FIRST_DOCUMENT, str(CASE_FILE)], cwd=ROOT, check=True,
                                     capture_output=True, text=True, env=env).stdout)


def main() -> int:
    from forms import annex1_values, build_annex1, build_summary, fonts
    from logic import Case, assess

    sys.path.insert(0, str(ROOT / "tests"))
    from test_forms_support import long_history_case  # noqa: E402  (a synthetic nurse with nine jobs, eight courses)

    used = fonts.adapter().name
    fonts.warm_up()
    case = Case.model_validate(json.loads(CASE_FILE.read_text(encoding="utf-8")))
    assessment = assess(case, AS_OF)
    values = annex1_values(case, assessment)
    long_case = long_history_case()
    long_assessment = assess(long_case, AS_OF)
    long_values = annex1_values(long_case, long_assessment)
    build = lambda: build_annex1(values, as_of=AS_OF, generated_on=AS_OF)  # noqa: E731
    rows = []
    for name in (used, *(n for n in ("shared", "public") if n != used and fonts.adapter(n).name == n)):
        chosen = fonts.adapter(name)
        real = fonts.adapter
        fonts.adapter = lambda n=None, chosen=chosen: chosen  # type: ignore[assignment]
        try:
            build()
            one_line_pdf(adapter=name)
            annex_ms, annex_cpu = median_ms(build)
            line_ms, line_cpu = median_ms(lambda: one_line_pdf(adapter=name))
            full_line_ms, full_line_cpu = median_ms(lambda: one_line_pdf(base=False, adapter=name))
            long_ms, long_cpu = median_ms(lambda: build_annex1(long_values, as_of=AS_OF, generated_on=AS_OF), 10)
            summary_ms, summary_cpu = median_ms(lambda: build_summary(case, assessment, generated_on=AS_OF), 10)
            size_kb = len(build()) / 1024
        finally:
            fonts.adapter = real  # type: ignore[assignment]
        first = first_document(name)
        budget = name == used  # the budgets are the forms' own, with the adapter they use
        tag = f"[{name}{', used' if budget else ''}]"
        rows += [
            (f"{tag} Annex 1, typical case, warm (median of {RUNS})", f"{annex_ms:7.1f} ms", f"{annex_cpu:7.1f} ms",
             f"≤ {WARM_BUDGET_MS:.0f} ms" if budget else "", annex_ms <= WARM_BUDGET_MS or not budget),
            ("  one-line PDF, same font, warm (median)", f"{line_ms:7.1f} ms", f"{line_cpu:7.1f} ms", "", True),
            ("  the same, subset from the full font (no base variant)", f"{full_line_ms:7.1f} ms",
             f"{full_line_cpu:7.1f} ms", "", True),
            ("  Annex 1, long history (9 jobs, 8 courses), warm", f"{long_ms:7.1f} ms", f"{long_cpu:7.1f} ms", "",
             True),
            ("  summary, typical case, warm", f"{summary_ms:7.1f} ms", f"{summary_cpu:7.1f} ms", "", True),
            ("  first Annex 1 in a fresh process, font loading included", f"{first['first_build_ms']:7.1f} ms",
             f"{first['first_build_cpu_ms']:7.1f} ms", f"≤ {FIRST_BUDGET_MS:.0f} ms" if budget else "",
             first["first_build_ms"] <= FIRST_BUDGET_MS or not budget),
            ("  (before it: importing fpdf2, logic and forms)", f"{first['import_ms']:7.1f} ms", "", "", True),
            ("  Annex 1, typical case, file size", f"{size_kb:7.1f} KB", "",
             f"≤ {SIZE_BUDGET_KB:.0f} KB" if budget else "", size_kb <= SIZE_BUDGET_KB or not budget),
        ]
    from forms.pdf import FormPDF

    own_grid = FormPDF.grid
    FormPDF.grid = table_grid  # type: ignore[assignment]
    try:
        table_ms, table_cpu = median_ms(build, 10)
    finally:
        FormPDF.grid = own_grid  # type: ignore[assignment]
    rows.append(("[for comparison] Annex 1, typical case, with fpdf2's table()", f"{table_ms:7.1f} ms",
                 f"{table_cpu:7.1f} ms", "", True))
    print(f"{'':<62} {'wall':>11}  {'CPU':>10}  budget")
    for label, value, cpu, budget, ok in rows:
        mark = "" if not budget else ("ok" if ok else "OVER BUDGET")
        print(f"{label:<62} {value:>11}  {cpu:>10}  {budget:<10} {mark}")
    return 0 if all(row[-1] for row in rows) else 1


if __name__ == "__main__":
    sys.exit(main())
