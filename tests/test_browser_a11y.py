"""Accessibility as a test (issue 11, part 3), in a real browser: Debian's Chromium driven by Playwright against
`streamlit run app.py`, with axe-core (the copy shipped in the axe-playwright-python package).

- **axe audit**: every page as first opened, every interview step that a path can reach (the "Jeszcze nie wiem" path
  and the specialisation path, which between them ask every step of `logic.interview.STEPS`), a refused step with its
  errors, the pages with a loaded case's results (Wynik with every card open, Terminy, Wniosek, the review step), the
  organizer's pages with results (Nabór i komisja with a loaded edition, Podgląd naboru with a small intake and one
  applicant's cards) and Infolinia with every quick question's answer and a caller's code. No violation of impact
  "serious" or "critical" may remain; every violation found (also "moderate" and "minor") is printed with its rule,
  impact, target and the element's text, and written to artifacts/a11y/<test>.txt.
- **keyboard only**: from Start to the Annex 1 download with Tab, Shift+Tab, Enter, Space and the arrow keys
  (`page.keyboard` only: no clicks, no fill); controls are found by their accessible name while tabbing, so the
  driver does not depend on how many controls lie between. On each control it acts on, the focus indicator is
  measured: what changes on the control (outline, box-shadow, border, background) when focus arrives, and the
  contrast of that change against what was there before, which must reach 3:1 (WCAG 2.2, 1.4.11 / 2.4.13).
- **status never by colour alone**: every decision card's label carries an icon and the outcome's words, every
  group heading and every counter an icon and words.

Exclusions are listed in STREAMLIT_EXCLUSIONS, each for one rule on elements that Streamlit draws and the app cannot
change, with the reason; nothing else is excluded.

Like tests/test_browser.py, it is skipped without Chromium, the playwright package or axe-playwright-python, and
fails instead when CI=true. Playwright's sync API cannot start while another instance runs in the same thread
(tests/test_browser.py keeps its browser open for the session), so, as in tests/test_browser_intake.py, this module
drives its browser in a thread of its own: one worker thread holds the Playwright instance, and each test hands it
the work to do.
"""
from __future__ import annotations

import contextlib
import io
import json
import re
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from datetime import date, timedelta

import pytest

from logic.case import Case, Form
from logic.decision import ANSWER_LABELS, OUTCOME_LABELS_PL
from logic.interview import BY_KEY, GOAL_OPTIONS, REVIEW_STEP, steps_for
from tests.browser_support import (
    ARTIFACTS,
    ROOT,
    browser_unavailable,
    discover_pages,
    follow_menu,
    in_ci,
    launch_chromium,
    main_area,
    open_page,
    safe_name,
    screenshot_whole_page,
    StreamlitServer,
    wait_for_app,
)

PAGES = discover_pages()
REPORTS = ARTIFACTS / "a11y"
SCREENSHOTS = ARTIFACTS / "screenshots"
DOWNLOADS = ARTIFACTS / "downloads"
EXAMPLES = ROOT / "examples"
DESKTOP = {"width": 1400, "height": 1000}
PHONE = {"width": 390, "height": 844}

BLOCKING = ("serious", "critical")
# axe's own defaults (every rule but the experimental ones), violations only.
AXE_OPTIONS = {"resultTypes": ["violations"]}
FOCUS_MIN_CONTRAST = 3.0


@dataclass(frozen=True)
class Exclusion:
    rule: str  # an axe rule id
    selector: str  # CSS: only a node that matches it is excluded, and only from this rule
    why: str


# Streamlit's own markup, which the app cannot change through its API or its theme. Keep this list short and exact.
# None is needed today: what Streamlit sets and axe reports is only "minor" (presentation-role-conflict on the file
# uploader's drop zone, a <section role="presentation" tabindex="-1" aria-label=…>), printed but not failing.
STREAMLIT_EXCLUSIONS: tuple[Exclusion, ...] = ()

GOAL_LABELS = {form: label for form, label in GOAL_OPTIONS}
UNKNOWN_GOAL = GOAL_LABELS[None]  # "Jeszcze nie wiem – pokaż, co mogę": the path with the fewest questions
SPECIALISATION = GOAL_LABELS[Form.SPECJALIZACJA]  # the path that asks every step
QUALIFICATION_COURSE = GOAL_LABELS[Form.KURS_KWALIFIKACYJNY]  # the keyboard path: Annex 1, fewer list steps
REVIEW_TITLE = BY_KEY[REVIEW_STEP].title
REFUSED = "Nie zapisaliśmy tego kroku"
GOAL_QUESTION = "Co chcesz zrobić?"

# The nurse of the keyboard test.
FIRST_NAME, SURNAME = "Zofia", "Wiśniewska"
ANNEX_BUTTON = "Pobierz wniosek – załącznik nr 1 (PDF)"
PREPARE_BUTTON = "Przygotuj wniosek – załącznik nr 1 (PDF)"  # ui/download.py: files are built on request only


# --- the browser, in a thread of its own -------------------------------------------------------------------------


def unavailable() -> str | None:
    reason = browser_unavailable()
    if reason:
        return reason
    try:
        import axe_playwright_python  # noqa: F401
    except ImportError:
        return ("the Python package axe-playwright-python is not installed (pinned in requirements-dev.txt; "
                "run `make test`)")
    return None


class BrowserThread:
    """One worker thread that owns a Playwright instance and a Chromium; `run(fn, *args)` calls fn(browser, *args)
    in that thread and returns its result (or raises its exception)."""

    def __init__(self) -> None:
        self._pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="a11y-browser")
        self._playwright = None
        self.browser = None

    def _start(self) -> None:
        from playwright.sync_api import sync_playwright

        self._playwright = sync_playwright().start()
        self.browser = launch_chromium(self._playwright)

    def _stop(self) -> None:
        with contextlib.suppress(Exception):
            self.browser.close()
        self._playwright.stop()

    def start(self) -> "BrowserThread":
        self._pool.submit(self._start).result()
        return self

    def stop(self) -> None:
        try:
            self._pool.submit(self._stop).result()
        finally:
            self._pool.shutdown(wait=True)

    def run(self, fn, *args):
        return self._pool.submit(lambda: fn(self.browser, *args)).result()


@pytest.fixture(scope="module")
def app_url():
    reason = unavailable()
    if reason:
        if in_ci():
            pytest.fail(f"browser tests cannot run in CI: {reason}")
        pytest.skip(f"browser tests skipped: {reason}")
    with StreamlitServer() as server:
        yield server.url


@pytest.fixture(scope="module")
def browser(app_url):
    thread = BrowserThread().start()
    yield thread
    thread.stop()


@contextlib.contextmanager
def visit(browser, name: str, viewport: dict = DESKTOP):
    """A new browser context (a new Streamlit session) with one page; JavaScript errors fail the test, and a failure
    leaves a screenshot in artifacts/screenshots/failed-a11y-<name>.png."""
    context = browser.new_context(viewport=viewport, locale="pl-PL", accept_downloads=True)
    page = context.new_page()
    page.set_default_timeout(30_000)
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    try:
        yield page
    except BaseException:
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        with contextlib.suppress(Exception):
            screenshot_whole_page(page, SCREENSHOTS / f"failed-a11y-{safe_name(name)}.png")
        raise
    finally:
        context.close()
    assert not errors, f"JavaScript errors in the page: {errors}"


def upload(page, scope, name: str, data: bytes, mime: str) -> None:
    scope.get_by_test_id("stFileUploaderDropzoneInput").first.set_input_files(
        {"name": name, "buffer": data, "mimeType": mime})
    wait_for_app(page)


def open_every_card(page) -> None:
    """Open every closed expander in the main area (a closed card's content is hidden, so axe would skip it)."""
    closed = main_area(page).locator('[data-testid="stExpander"] details:not([open]) > summary')
    for _ in range(closed.count()):
        closed.first.click()
        page.wait_for_timeout(50)
    wait_for_app(page)


# --- axe ---------------------------------------------------------------------------------------------------------

RUN_AXE = """async ({options, exclusions}) => {
  const results = await axe.run(document, options);
  const out = [];
  for (const v of results.violations) {
    for (const n of v.nodes) {
      let el = null;
      try { if (n.target.length === 1) el = document.querySelector(n.target[0]); } catch (e) { el = null; }
      const ex = el ? exclusions.find(x => x.rule === v.id && el.matches(x.selector)) : undefined;
      const owner = el && el.closest('[data-testid]');
      const text = el ? (el.innerText || el.getAttribute('aria-label') || '').replace(/\\s+/g, ' ').trim() : '';
      out.push({rule: v.id, impact: v.impact, help: v.help, target: n.target.join(' >>> '),
                element: (owner ? owner.getAttribute('data-testid') + ': ' : '') + text.slice(0, 90),
                html: n.html.replace(/\\s+/g, ' ').slice(0, 160),
                summary: (n.failureSummary || '').replace(/\\s+/g, ' ').slice(0, 260),
                excluded: ex ? ex.selector : null});
    }
  }
  return out;
}"""


@dataclass(frozen=True)
class Finding:
    where: str
    rule: str
    impact: str
    help: str
    target: str
    element: str
    html: str
    summary: str
    excluded: str | None

    @property
    def blocking(self) -> bool:
        return self.impact in BLOCKING and self.excluded is None

    def line(self) -> str:
        mark = "EXCLUDED " if self.excluded else ("FAIL " if self.blocking else "")
        return (f"{mark}{self.rule} ({self.impact}: {self.help}) on {self.where}\n    target: {self.target}\n"
                f"    element: {self.element}\n    html: {self.html}\n    {self.summary}")


@dataclass
class Audit:
    """The axe findings of one test, over every state it audited."""

    name: str
    places: list[str] = field(default_factory=list)
    findings: list[Finding] = field(default_factory=list)

    def check(self, page, where: str) -> None:
        from axe_playwright_python.sync_playwright import Axe

        wait_for_app(page)
        page.wait_for_timeout(300)  # let transitions (focus rings, expanders, fades) end before colours are read
        if not page.evaluate("() => typeof window.axe === 'object'"):
            page.evaluate(Axe().axe_script)
        exclusions = [{"rule": e.rule, "selector": e.selector} for e in STREAMLIT_EXCLUSIONS]
        found = page.evaluate(RUN_AXE, {"options": AXE_OPTIONS, "exclusions": exclusions})
        self.places.append(where)
        self.findings.extend(Finding(where=where, **f) for f in found)

    def report(self) -> str:
        lines = [f"axe-core audit '{self.name}': {len(self.places)} states, {len(self.findings)} violation nodes"]
        lines += [f"  audited: {p}" for p in self.places]
        lines += [f.line() for f in self.findings]
        return "\n".join(lines)

    def assert_clean(self) -> None:
        text = self.report()
        REPORTS.mkdir(parents=True, exist_ok=True)
        (REPORTS / f"{safe_name(self.name)}.txt").write_text(text + "\n", encoding="utf-8")
        print(text)
        blocking = [f for f in self.findings if f.blocking]
        assert not blocking, (f"{len(blocking)} serious/critical axe violations:\n"
                              + "\n".join(f.line() for f in blocking) + f"\n\nfull report:\n{text}")


def audited(browser, name: str, scenario, *args) -> Audit:
    """Run `scenario(page, audit, *args)` in a fresh session and return the audit."""
    audit = Audit(name)
    with visit(browser, name) as page:
        scenario(page, audit, *args)
    return audit


# --- driving the interview (mouse allowed: this is for the audit) ---------------------------------------------------

STEP_TITLES = {s.title: s.key for s in BY_KEY.values()}


def current_step(main) -> str:
    """The key of the interview step shown (found by its heading; the review lists the other steps' titles too)."""
    headings = [h.strip() for h in main.locator("h1, h2, h3").all_inner_texts()]
    if REVIEW_TITLE in headings:
        return REVIEW_STEP
    shown = {STEP_TITLES[h] for h in headings if h in STEP_TITLES}  # a list's heading may repeat its step's title
    assert len(shown) == 1, f"not one interview step shown: headings {headings}"
    return shown.pop()


def submit(page, main) -> bool:
    """"Dalej"; True when the step was accepted."""
    main.get_by_role("button", name="Dalej", exact=True).click()
    wait_for_app(page)
    return main.get_by_text(REFUSED).count() == 0


# "Nie mam tytułu specjalisty", "Nie pracowałam / nie pracowałem …", "Nie podchodziłam …", "… nie dotyczy": a list's
# explicit "none" answer (not "Nie wiem", and not a yes/no question's plain "Nie")
NONE_ANSWER = re.compile(r"^Nie (?!wiem\b)|nie dotyczy", re.I)


def answer_none(page, main) -> None:
    """Where a step insists on an explicit answer: tick or choose every "Nie mam …" / "… nie dotyczy" option (the
    interview's lists are "add another" forms with such an answer; this finds them by their words, so it does not
    depend on their layout)."""
    for control in (*main.get_by_role("checkbox").all(), *main.get_by_role("radio").all()):
        name = control.evaluate("e => (e.closest('label') || e).innerText.trim()")
        if NONE_ANSWER.search(name) and not control.is_checked():
            control.locator("xpath=ancestor::label[1]").click()
            wait_for_app(page)


PWZ_NUMBER = "Numer zaświadczenia o PWZ (7 cyfr i litera P lub A)"


def walk_interview(page, audit: Audit, goal_label: str, *, refuse_once: bool) -> list[str]:
    """Moja sytuacja from the step shown (the first) to the review, auditing every step; returns the step keys
    seen. With `refuse_once`, the profession step is first sent with a bad PWZ number and audited with its errors."""
    main = main_area(page)
    seen: list[str] = []
    for _ in range(20):
        step = current_step(main)
        audit.check(page, f"Moja sytuacja ({goal_label}): {BY_KEY[step].title}")
        assert step not in seen, f"the interview came back to step {step!r} after {seen}"
        seen.append(step)
        if step == REVIEW_STEP:
            return seen
        if step == "cel":
            main.get_by_role("radiogroup", name=GOAL_QUESTION, exact=True).get_by_text(goal_label, exact=True).click()
        if step == "zawod" and refuse_once:
            number = main.get_by_role("textbox", name=PWZ_NUMBER, exact=True)
            number.fill("12")
            assert not submit(page, main), "a PWZ number of two digits was accepted"
            audit.check(page, f"Moja sytuacja ({goal_label}): {BY_KEY[step].title}, refused with its errors")
            main.get_by_role("textbox", name=PWZ_NUMBER, exact=True).fill("")
        if not submit(page, main):
            answer_none(page, main)
            assert submit(page, main), main.get_by_text(REFUSED).first.inner_text()
    pytest.fail(f"the review step was not reached; steps seen: {seen}")


# --- the audits ---------------------------------------------------------------------------------------------------


def _page_as_opened(page, audit: Audit, app_url: str, url_path: str) -> None:
    open_page(page, app_url, url_path)
    audit.check(page, f"/{url_path}")
    page.set_viewport_size(PHONE)  # the same page on a phone: the sidebar folds away, columns stack
    audit.check(page, f"/{url_path} at {PHONE['width']} px")


@pytest.mark.parametrize("app_page", PAGES, ids=[p.id for p in PAGES])
def test_axe_finds_no_serious_violation_on_a_page_as_first_opened(browser, app_url, app_page):
    browser.run(audited, f"page-{app_page.id}", _page_as_opened, app_url, app_page.url_path).assert_clean()


def _interview_paths(page, audit: Audit, app_url: str) -> list[str]:
    open_page(page, app_url, "Moja_sytuacja")
    seen = walk_interview(page, audit, UNKNOWN_GOAL, refuse_once=False)
    # the same session from the first step again, now for a specialisation, which asks every step
    main = main_area(page)
    main.get_by_role("button", name="Przejdź wywiad od początku").click()
    wait_for_app(page)
    seen += walk_interview(page, audit, SPECIALISATION, refuse_once=True)
    # the nurse's other pages with these few answers ("Nie wiem" almost everywhere)
    for link in ("Wynik", "Terminy", "Wniosek o zaliczenie"):
        follow_menu(page, link)
        open_every_card(page)
        audit.check(page, f"{link} after the interview with 'Nie wiem' answers, every card open")
    return seen


def test_axe_finds_no_serious_violation_on_any_interview_step(browser, app_url):
    reachable = {s.key for goal in (None, Form.SPECJALIZACJA) for s in steps_for(goal)}
    audit = Audit("interview-steps")

    def scenario(b):
        with visit(b, audit.name) as page:
            return _interview_paths(page, audit, app_url)

    seen = browser.run(scenario)
    # every step that some goal asks is one of these two paths' steps, and the driver reached each of them
    everything = {s.key for goal in (*Form, None) for s in steps_for(goal)}
    assert everything == reachable, f"steps no path of this test reaches: {sorted(everything - reachable)}"
    assert set(seen) == reachable, f"steps not reached: {sorted(reachable - set(seen))}; seen {seen}"
    audit.assert_clean()


def _loaded_case(page, audit: Audit, app_url: str, example: str) -> None:
    load_case(page, app_url, example)
    audit.check(page, f"Zapisz / wczytaj, {example} loaded")
    follow_menu(page, "Moja sytuacja")
    audit.check(page, f"Moja sytuacja: {REVIEW_TITLE} with {example}")
    for link in ("Wynik", "Terminy", "Wniosek o zaliczenie"):
        follow_menu(page, link)
        open_every_card(page)
        audit.check(page, f"{link} with {example}, every card open")


@pytest.mark.parametrize("example", ["pielegniarka-specjalizacja.json", "pielegniarka-egzamin-panstwowy.json"])
def test_axe_finds_no_serious_violation_with_a_loaded_case(browser, app_url, example):
    browser.run(audited, f"case-{example}", _loaded_case, app_url, example).assert_clean()


# A small intake for "Podgląd naboru": one applicant who meets the conditions, one who will later, one with an error.
INTAKE_FIELD = "pielęgniarstwo chirurgiczne"


def small_intake() -> bytes:
    from logic.intake.columns import OSOBY, PRACA
    from tests.intake_support import filled_xlsx

    people = [{"Lp.": lp, "Imię (imiona)": first, "Nazwisko": last, "Zawód": "pielęgniarka", "Forma tytułu": "k",
               "Ma PWZ": "tak", "Numer PWZ": f"{1234560 + lp}P", "Licencjat": "tak"}
              for lp, first, last in ((1, "Anna", "Nowak"), (2, "Ewa", "Lis"), (3, "Maria", "Wójcik"))]
    start_1 = (date.today() - timedelta(days=8 * 365)).strftime("%d.%m.%Y")
    start_2 = (date.today() - timedelta(days=200)).strftime("%d.%m.%Y")
    work = [{"Lp.": 1, "Od": start_1, "Trwa": "tak", "Pracodawca": "Szpital Wojewódzki", "Komórka": "Oddział chirurgii",
             "Dziedzina komórki": INTAKE_FIELD, "W zawodzie": "tak"},
            {"Lp.": 2, "Od": start_2, "Trwa": "tak", "Pracodawca": "Szpital Miejski", "Komórka": "Oddział chirurgii",
             "Dziedzina komórki": INTAKE_FIELD, "W zawodzie": "tak"},
            {"Lp.": 3, "Od": "31.02.2021", "Trwa": "tak", "Pracodawca": "Szpital", "Komórka": "Oddział",
             "Dziedzina komórki": INTAKE_FIELD, "W zawodzie": "tak"}]
    return filled_xlsx({OSOBY: people, PRACA: work})


XLSX_MIME = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def show_intake(page, app_url: str) -> None:
    """Podgląd naboru with the edition entered and the small intake's results shown."""
    main = main_area(page)
    open_page(page, app_url, "Podglad_naboru")
    box = main.get_by_role("combobox", name="Rodzaj kształcenia", exact=True)
    box.click()
    box.fill("specjal")
    page.get_by_role("option", name="specjalizacja (szkolenie specjalizacyjne)", exact=True).click()
    wait_for_app(page)
    box = main.get_by_role("combobox", name="Dziedzina", exact=True)
    box.click()
    box.fill("chirurg")
    page.get_by_role("option", name=INTAKE_FIELD, exact=True).click()
    wait_for_app(page)
    upload(page, main, "nabor.xlsx", small_intake(), XLSX_MIME)
    main.get_by_role("heading", name="Pobierz wyniki").wait_for(timeout=60_000)
    wait_for_app(page)


def choose_applicant(page, lp: int) -> None:
    box = main_area(page).get_by_role("combobox", name="Pokaż osobę", exact=True)
    box.click()
    box.fill(f"Lp. {lp} ")
    page.keyboard.press("Enter")
    wait_for_app(page)


EDITION_EXAMPLE = "organizator-nabor-dofinansowany.json"


def load_edition(page, app_url: str) -> None:
    """Nabór i komisja with an edition file loaded (every section's answer shown)."""
    main = main_area(page)
    open_page(page, app_url, "Nabor_i_komisja")
    upload(page, main, EDITION_EXAMPLE, (EXAMPLES / EDITION_EXAMPLE).read_bytes(), "application/json")
    main.get_by_text("Wczytaliśmy opis naboru z pliku").wait_for()
    main.get_by_test_id("stExpander").first.wait_for()
    wait_for_app(page)


def load_case(page, app_url: str, example: str) -> None:
    """A case file loaded on Zapisz / wczytaj, as a nurse who saved her answers earlier."""
    main = main_area(page)
    open_page(page, app_url, "Zapisz_i_wczytaj")
    upload(page, main, example, (EXAMPLES / example).read_bytes(), "application/json")
    main.get_by_text("Wczytaliśmy Twoje odpowiedzi").wait_for()
    wait_for_app(page)


def _organizer(page, audit: Audit, app_url: str) -> None:
    example = EDITION_EXAMPLE
    load_edition(page, app_url)
    open_every_card(page)
    audit.check(page, f"Nabór i komisja with {example}, every card open")
    show_intake(page, app_url)
    audit.check(page, "Podgląd naboru with 3 applicants")
    for lp in (1, 3):  # a full assessment's cards, and a "błąd danych" applicant's problems
        choose_applicant(page, lp)
        open_every_card(page)
        audit.check(page, f"Podgląd naboru with applicant Lp. {lp} shown, every card open")


def test_axe_finds_no_serious_violation_on_the_organizer_pages_with_results(browser, app_url):
    browser.run(audited, "organizer-results", _organizer, app_url).assert_clean()


def case_code(example: str) -> str:
    from logic import casecode

    data = json.loads((EXAMPLES / example).read_text(encoding="utf-8"))
    data.pop("label", None)
    return casecode.encode(Case.model_validate(data))


def _infolinia(page, audit: Audit, app_url: str) -> None:
    main = main_area(page)
    open_page(page, app_url, "Infolinia")
    picker = main.get_by_role("radiogroup", name="Pytanie dzwoniącej osoby", exact=True)
    picker.get_by_role("radio").first.wait_for()
    names = [r.evaluate("e => e.closest('label').innerText.trim()") for r in picker.get_by_role("radio").all()]
    assert len(names) >= 2, names
    for name in names:
        picker.get_by_text(name, exact=True).click()
        wait_for_app(page)
        main.get_by_role("heading", name=re.compile(r"Odpowiedź$")).wait_for()
        audit.check(page, f"Infolinia: {name}")
    code = main.get_by_role("textbox", name="Kod sprawy ze strony „Wynik”", exact=True)
    code.fill(case_code("pielegniarka-specjalizacja.json"))
    code.press("Enter")
    wait_for_app(page)
    main.get_by_text("Kod odczytany").wait_for()
    open_every_card(page)
    audit.check(page, "Infolinia: a caller's code, every card open")


def test_axe_finds_no_serious_violation_on_infolinia_with_answers_and_a_code(browser, app_url):
    browser.run(audited, "infolinia-answers", _infolinia, app_url).assert_clean()


# --- keyboard only ------------------------------------------------------------------------------------------------

FOCUS_PROBE = """(el) => {
  const parse = c => { const m = c && c.match(/rgba?\\(([^)]+)\\)/); if (!m) return null;
    const p = m[1].split(/[ ,\\/]+/).filter(Boolean).map(Number); return [p[0], p[1], p[2], p.length > 3 ? p[3] : 1]; };
  const over = (fg, bg) => [0, 1, 2].map(i => fg[i] * fg[3] + bg[i] * (1 - fg[3])).concat([1]);
  const backdrop = e => { const layers = []; for (let n = e; n; n = n.parentElement) {
      const c = parse(getComputedStyle(n).backgroundColor);
      if (c && c[3] > 0) { layers.push(c); if (c[3] >= 1) break; } }
    let bg = [255, 255, 255, 1]; for (const c of layers.reverse()) bg = over(c, bg); return bg; };
  const hidden = e => { for (let n = e; n; n = n.parentElement) { const s = getComputedStyle(n);
      if (s.clipPath.startsWith('inset(50%') || s.clip.startsWith('rect(0') || s.opacity === '0'
          || s.visibility === 'hidden') return true; } return false; };
  const chain = [];
  for (let n = el; n && n !== document.body; n = n.parentElement) {
    chain.push(n); if (n.getAttribute('data-testid') === 'stElementContainer') break; }
  return chain.map(n => { const cs = getComputedStyle(n); const r = n.getBoundingClientRect();
    const shadow = cs.boxShadow === 'none' ? null : parse(cs.boxShadow);
    return {tag: n.tagName, w: r.width, h: r.height, hidden: hidden(n),
      outline: (cs.outlineStyle !== 'none' && parseFloat(cs.outlineWidth) >= 1) ? parse(cs.outlineColor) : null,
      shadow: shadow && shadow[3] > 0 ? shadow : null,
      border: parseFloat(cs.borderTopWidth) >= 1 ? parse(cs.borderTopColor) : null,
      bg: parse(cs.backgroundColor), backdrop: n.parentElement ? backdrop(n.parentElement) : [255, 255, 255, 1]}; });
}"""

DESCRIBE_FOCUS = """() => { const e = document.activeElement; if (!e || e === document.body) return '(nothing: body)';
  const label = e.getAttribute('aria-label') || (e.labels && e.labels[0] && e.labels[0].innerText)
    || (e.closest('label') && e.closest('label').innerText) || e.innerText || e.value || '';
  const type = e.type ? '[' + e.type + ']' : '';
  return `${e.tagName.toLowerCase()}${type} "${label.replace(/\\s+/g, ' ').trim().slice(0, 70)}"`; }"""

TRANSPARENT = [0, 0, 0, 0]


def _over(fg, bg):
    return [fg[i] * fg[3] + bg[i] * (1 - fg[3]) for i in range(3)] + [1]


def _luminance(c) -> float:
    def channel(v: float) -> float:
        v /= 255
        return v / 12.92 if v <= 0.03928 else ((v + 0.055) / 1.055) ** 2.4
    return 0.2126 * channel(c[0]) + 0.7152 * channel(c[1]) + 0.0722 * channel(c[2])


def contrast(a, b) -> float:
    x, y = _luminance(a), _luminance(b)
    return (max(x, y) + 0.05) / (min(x, y) + 0.05)


def focus_change(before: list[dict], after: list[dict]) -> tuple[float, str]:
    """The strongest visible change focus made on the element or its widget's boxes: the contrast between the
    colour there with focus and without (outline, box-shadow, border, background), and what changed."""
    best, what = 1.0, "nothing visible changes"
    for b, a in zip(before, after):
        if a["hidden"] or a["w"] < 4 or a["h"] < 4:
            continue
        for prop in ("outline", "shadow", "border", "bg"):
            if a[prop] != b[prop]:
                ratio = contrast(_over(a[prop] or TRANSPARENT, a["backdrop"]), _over(b[prop] or TRANSPARENT,
                                                                                      a["backdrop"]))
                if ratio > best:
                    best, what = ratio, f"{a['tag'].lower()} {prop}"
    return round(best, 2), what


@dataclass
class Keyboard:
    """Moves focus with the keyboard only and finds controls by their accessible name (Playwright's role
    locators) as focus reaches them."""

    page: object
    path: list[str] = field(default_factory=list)  # what was done, for the failure message
    focus: list[tuple[str, float, str]] = field(default_factory=list)  # (control, contrast, what changed)
    presses: int = 0

    def press(self, key: str) -> None:
        self.page.keyboard.press(key)
        self.presses += 1
        self.page.wait_for_timeout(30)

    def focused(self) -> str:
        return self.page.evaluate(DESCRIBE_FOCUS)

    @staticmethod
    def has_focus(locator) -> bool:
        if locator.count() != 1:
            return False
        return locator.evaluate("e => e === document.activeElement || e.contains(document.activeElement)")

    def tab_to(self, locator, what: str, *, backwards: bool = False, limit: int = 400) -> None:
        key = "Shift+Tab" if backwards else "Tab"
        for _ in range(limit):
            if self.has_focus(locator):
                self.path.append(f"{key} to {what}")
                return
            self.press(key)
        raise AssertionError(f"{key} × {limit} never reached {what}; focus is on {self.focused()}; "
                             f"path so far: {self.path}")

    def check_focus_visible(self, what: str) -> None:
        """Measure the focus indicator of the focused control: focus leaves (Shift+Tab) and comes back (Tab)."""
        page = self.page
        page.wait_for_timeout(250)
        handle = page.evaluate_handle("() => document.activeElement")
        with_focus = handle.evaluate(FOCUS_PROBE)
        self.press("Shift+Tab")
        page.wait_for_timeout(250)
        without = handle.evaluate(FOCUS_PROBE)
        self.press("Tab")
        page.wait_for_timeout(250)
        assert handle.evaluate("e => e === document.activeElement"), f"focus did not come back to {what}"
        ratio, change = focus_change(without, with_focus)
        self.focus.append((what, ratio, change))

    def choose_radio(self, main, group: str, option: str) -> None:
        """Tab into the radio group (focus lands on its checked option, or the first) and move with the arrows."""
        radios = main.get_by_role("radiogroup", name=group, exact=True)
        target = radios.get_by_role("radio", name=option, exact=True)
        self.tab_to(radios, f"the radio group „{group}”")
        count = radios.get_by_role("radio").count()
        for _ in range(count + 1):
            if self.has_focus(target):
                break
            self.press("ArrowDown")
        assert self.has_focus(target), f"the arrows never reached „{option}”; focus is on {self.focused()}"
        if not target.is_checked():
            self.press("Space")
        assert target.is_checked(), f"„{option}” is focused but not chosen"
        self.path.append(f"arrows to „{option}”")

    def answer_none(self, main) -> None:
        """Tick (Space) or choose (arrows) every "Nie mam …" / "… nie dotyczy" answer of the step, found by its
        words (see NONE_ANSWER), so that the driver does not depend on the lists' layout."""
        for role in ("checkbox", "radio"):
            names = [c.evaluate("e => (e.closest('label') || e).innerText.trim()")
                     for c in main.get_by_role(role).all() if not c.is_checked()]
            for name in (n for n in names if NONE_ANSWER.search(n)):
                control = main.get_by_role(role, name=name, exact=True)
                if control.count() != 1 or control.is_checked():
                    continue
                if role == "checkbox":
                    self.tab_to(control, f"the check box „{name}”")
                    self.activate("Space")
                    wait_for_app(self.page)
                    assert control.is_checked(), f"Space did not tick „{name}”"
                else:
                    group = control.locator("xpath=ancestor::*[@role='radiogroup'][1]")
                    self.tab_to(group, f"the radio group of „{name}”")
                    for _ in range(group.get_by_role("radio").count() + 1):
                        if self.has_focus(control):
                            break
                        self.press("ArrowDown")
                    if not control.is_checked():
                        self.activate("Space")
                    assert control.is_checked(), f"the arrows did not choose „{name}”"
                self.path.append(f"answered „{name}”")

    def type_into(self, locator, what: str, text: str) -> None:
        self.tab_to(locator, what)
        self.page.keyboard.type(text, delay=10)
        self.path.append(f"typed „{text}”")

    def activate(self, key: str = "Enter") -> None:
        self.path.append(key)
        self.press(key)


def keyboard_session(browser, app_url: str) -> dict:
    """Start → Moja sytuacja (kurs kwalifikacyjny, "Nie wiem" wherever the step allows it) → Wynik → Wniosek o
    zaliczenie → the Annex 1 download, with the keyboard alone."""
    from playwright.sync_api import expect

    with visit(browser, "keyboard-only") as page:
        main = main_area(page)
        sidebar = page.get_by_test_id("stSidebar")
        kb = Keyboard(page)
        page.goto(app_url)
        wait_for_app(page)
        main.get_by_role("link", name="Zacznij: Moja sytuacja").wait_for()
        # Start: the page's own link to the interview
        start_link = main.get_by_role("link", name="Zacznij: Moja sytuacja")
        kb.tab_to(start_link, "the link „Zacznij: Moja sytuacja”")
        kb.check_focus_visible("link „Zacznij: Moja sytuacja” (Start)")
        kb.activate("Enter")
        wait_for_app(page)
        expect(main.get_by_role("heading", name="Moja sytuacja", level=1)).to_be_visible()
        steps: list[str] = []
        for _ in range(15):
            step = current_step(main)
            steps.append(step)
            if step == REVIEW_STEP:
                break
            if step == "cel":
                kb.choose_radio(main, GOAL_QUESTION, QUALIFICATION_COURSE)
                kb.check_focus_visible(f"radio option „{QUALIFICATION_COURSE}”")
                field_box = main.get_by_role("combobox", name="W jakiej dziedzinie? (dziedzina)", exact=True)
                kb.tab_to(field_box, "the field's select box")
                kb.check_focus_visible("select box „W jakiej dziedzinie? (dziedzina)”")
                page.keyboard.type("anestez", delay=20)
                kb.path.append("typed „anestez”")
                page.get_by_role("option").first.wait_for()
                kb.activate("Enter")  # the first suggestion
            elif step == "zawod":
                kb.choose_radio(main, "Twój zawód", "Pielęgniarka / pielęgniarz")
                first = main.get_by_role("textbox", name="Imię (imiona)", exact=True)
                kb.type_into(first, "the text box „Imię (imiona)”", FIRST_NAME)
                kb.check_focus_visible("text box „Imię (imiona)”")
                kb.type_into(main.get_by_role("textbox", name="Nazwisko", exact=True), "the text box „Nazwisko”",
                             SURNAME)
            else:
                kb.answer_none(main)
            next_button = main.get_by_role("button", name="Dalej", exact=True)
            kb.tab_to(next_button, f"„Dalej” on step {step}")
            if step == "cel":
                kb.check_focus_visible("button „Dalej”")
            kb.activate("Enter")
            wait_for_app(page)
            if main.get_by_text(REFUSED).count():
                raise AssertionError(f"step {step} refused: {main.get_by_text(REFUSED).first.inner_text()}")
            assert current_step(main) != step, f"„Dalej” by the keyboard did not leave step {step}"
        assert steps[-1] == REVIEW_STEP, f"the review was not reached: {steps}"
        # the review: "Zobacz wynik"
        kb.tab_to(main.get_by_role("link", name="Zobacz wynik"), "the link „Zobacz wynik”")
        kb.activate("Enter")
        wait_for_app(page)
        expect(main.get_by_role("heading", name="Wynik", level=1)).to_be_visible()
        # Wynik: back (Shift+Tab) to the menu's "Wniosek o zaliczenie"
        menu_link = sidebar.get_by_role("link", name="Wniosek o zaliczenie")
        kb.tab_to(menu_link, "the menu link „Wniosek o zaliczenie”", backwards=True)
        kb.check_focus_visible("menu link „Wniosek o zaliczenie” (sidebar)")
        kb.activate("Enter")
        wait_for_app(page)
        expect(main.get_by_role("heading", name="Wniosek o zaliczenie", level=1)).to_be_visible()
        # Wniosek o zaliczenie: the Annex 1 download
        prepare = main.get_by_role("button", name=PREPARE_BUTTON)
        kb.tab_to(prepare, f"the button „{PREPARE_BUTTON}”")
        kb.check_focus_visible(f"button „{PREPARE_BUTTON}”")
        kb.activate("Enter")
        button = main.get_by_role("button", name=ANNEX_BUTTON)
        expect(button).to_be_visible(timeout=60_000)
        wait_for_app(page)
        kb.tab_to(button, f"the button „{ANNEX_BUTTON}”")
        kb.check_focus_visible(f"button „{ANNEX_BUTTON}”")
        with page.expect_download(timeout=60_000) as info:
            kb.activate("Enter")
        download = info.value
        DOWNLOADS.mkdir(parents=True, exist_ok=True)
        target = DOWNLOADS / f"keyboard-{download.suggested_filename}"
        download.save_as(target)
        return {"pdf": target.read_bytes(), "name": download.suggested_filename, "steps": steps,
                "path": kb.path, "focus": kb.focus, "presses": kb.presses}


def pdf_text(data: bytes) -> str:
    from pypdf import PdfReader

    return " ".join(" ".join(p.extract_text() or "" for p in PdfReader(io.BytesIO(data)).pages).split())


def test_keyboard_only_from_start_to_the_annex_1_download(browser, app_url):
    got = browser.run(keyboard_session, app_url)
    print(f"keyboard path ({got['presses']} key presses, steps {got['steps']}):\n  " + "\n  ".join(got["path"]))
    print("focus indicators (contrast of the change, what changes):\n  "
          + "\n  ".join(f"{what}: {ratio}:1 ({change})" for what, ratio, change in got["focus"]))
    assert got["name"].endswith(".pdf") and got["pdf"].startswith(b"%PDF"), got["name"]
    text = pdf_text(got["pdf"])
    assert f"{FIRST_NAME} {SURNAME}".casefold() in text.casefold(), text[:400]
    assert "anestez" in text.casefold(), f"the field chosen from the suggestions is not on the form: {text[:400]}"
    weak = [(what, ratio, change) for what, ratio, change in got["focus"] if ratio < FOCUS_MIN_CONTRAST]
    # Streamlit's own focus styles: a link or a radio option gets only a faint background tint (about 1.1:1), a
    # button a ring of the primary colour at half opacity (about 2.2:1); a :focus-visible outline in the frame's
    # CSS (an st.html <style> drawn on every page) gives every control one.
    assert not weak, ("focus indicator too faint (contrast of the change below "
                      f"{FOCUS_MIN_CONTRAST}:1) on: " + "; ".join(f"{w}: {r}:1 ({c})" for w, r, c in weak))


# --- status never by colour alone ---------------------------------------------------------------------------------

OUTCOME_WORDS = {*OUTCOME_LABELS_PL.values(), *(label for answers in ANSWER_LABELS.values()
                                                for label in answers.values())}
EARLIEST = re.compile(r"^Jeszcze nie – najwcześniej \d{1,2} \S+ \d{4} r\.$")

# an icon as Streamlit draws it: in markdown (a label, a heading) a span role="img"; an expander's own icon
ICONS = '[data-testid="stIconMaterial"], [data-testid="stIconEmoji"], [data-testid="stExpanderIcon"], span[role="img"]'
CHEVRONS = ("keyboard_arrow_right", "keyboard_arrow_down", "expand_more", "expand_less")  # an expander's default mark
LABELS_JS = """([selector, icons, chevrons]) => [...document.querySelectorAll(selector)].map(e => {
  const copy = e.cloneNode(true);
  copy.querySelectorAll(icons).forEach(i => i.remove());
  const details = e.closest('details');
  return {icons: [...e.querySelectorAll(icons)].map(i => i.textContent.trim()).filter(i => !chevrons.includes(i)),
          text: copy.textContent.replace(/\\s+/g, ' ').trim(),
          decision: !!details && details.textContent.includes('Ocena:')};
})"""
MAIN = '[data-testid="stMain"] '
LETTERS = re.compile(r"[A-Za-zżźćńółęąśŻŹĆŃÓŁĘĄŚ]{3}")


def labels(page, selector: str) -> list[dict]:
    return page.evaluate(LABELS_JS, [MAIN + selector, ICONS, list(CHEVRONS)])


def status_marks(page, where: str) -> tuple[list[str], int, int]:
    """What on this page would tell a status by colour alone: a decision card whose label lacks its icon or ends
    without an outcome's words, a group heading, counter or filter without an icon or words. Returns the problems,
    the number of decision cards and the number of headings, counters and filters checked."""
    problems: list[str] = []
    cards = labels(page, '[data-testid="stExpander"] summary')
    for card in cards:
        if not card["decision"]:
            continue  # a help text or the file's problems, not a decision
        outcome = card["text"].rsplit(" — ", 1)[-1] if " — " in card["text"] else ""
        if not card["icons"]:
            problems.append(f"{where}: the card „{card['text']}” has no icon")
        if not (outcome in OUTCOME_WORDS or EARLIEST.match(outcome)):
            problems.append(f"{where}: the card „{card['text']}” does not end with an outcome's words")
    others = [(kind, item) for kind, selector in (("heading", "h2"), ("counter", '[data-testid="stMetricLabel"]'),
                                                  ("filter", '[data-testid="stButtonGroup"] [role="toolbar"] button'))
              for item in labels(page, selector)]
    for kind, item in others:
        if not item["icons"] or not LETTERS.search(item["text"]):
            problems.append(f"{where}: the {kind} „{item['text']}” lacks an icon or words")
        if kind == "filter" and not re.search(r"\(\d+\)$", item["text"]):
            problems.append(f"{where}: the filter „{item['text']}” does not show its count")
    return problems, sum(1 for c in cards if c["decision"]), len(others)


def _status(browser, app_url: str) -> dict:
    cards: dict[str, int] = {}  # decision cards checked, by page
    others: dict[str, int] = {}  # headings, counters, filters, dated steps checked, by page
    problems: list[str] = []

    def check(where: str) -> None:
        found, n_cards, n_others = status_marks(page, where)
        problems.extend(found)
        cards[where], others[where] = n_cards, n_others

    with visit(browser, "status-words") as page:
        main = main_area(page)
        example = "pielegniarka-specjalizacja.json"
        load_case(page, app_url, example)
        follow_menu(page, "Wynik")
        main.get_by_test_id("stExpander").first.wait_for()
        check("Wynik")
        # Wynik's one-line answer and its counts line: words, not colours
        main.get_by_text("Najważniejsze dla Twojego celu:").wait_for()
        counts = main.get_by_text(re.compile(r"w skrócie – Możesz: \d+ · Jeszcze nie: \d+", re.I))
        if counts.count() != 1:
            problems.append("Wynik: the counts line is missing or lacks the groups' words")
        follow_menu(page, "Infolinia – szybkie odpowiedzi")
        code = main.get_by_role("textbox", name="Kod sprawy ze strony „Wynik”", exact=True)
        code.fill(case_code(example))
        code.press("Enter")
        wait_for_app(page)
        main.get_by_text("Kod odczytany").wait_for()
        check("Infolinia (kod)")
        show_intake(page, app_url)
        choose_applicant(page, 1)
        main.get_by_test_id("stExpander").first.wait_for()
        check("Podgląd naboru")
        load_edition(page, app_url)
        check("Nabór i komisja")
        # Terminy: each dated step with its kind's icon and word, a passed one with "(minął)" beside the strike
        load_case(page, app_url, "pielegniarka-egzamin-panstwowy.json")
        follow_menu(page, "Terminy")
        rows = page.evaluate(TIMELINE_JS, [list(KIND_ICONS), ICONS])
        for row in rows:
            if not re.search(KIND_WORDS, row["text"]):
                problems.append(f"Terminy: the step „{row['text']}” has an icon but not its kind's word")
        for struck in page.evaluate(STRUCK_JS):
            if "(minął)" not in struck:
                problems.append(f"Terminy: „{struck}” is struck through without the word „minął”")
        others["Terminy"] = len(rows)
    return {"cards": cards, "others": others, "problems": problems}


# Terminy's kinds as app_pages/3_Terminy.py and ui/decisions.py show them: an icon and a word for each
KIND_ICONS = ("alarm", "event", "event_available")
KIND_WORDS = r"\b(termin|wydarzenie|najwcześniej) · "
TIMELINE_JS = """([kinds, icons]) => [...document.querySelectorAll('[data-testid="stMain"] p')]
  .filter(p => { const i = p.querySelector(icons);
                 return i && kinds.includes(i.textContent.trim()) && p.firstElementChild === i; })
  .map(p => ({text: p.textContent.replace(/\\s+/g, ' ').trim()}))"""
STRUCK_JS = """() => [...document.querySelectorAll('[data-testid="stMain"] del, [data-testid="stMain"] s')]
  .map(d => d.parentElement.textContent.replace(/\\s+/g, ' ').trim())"""


def test_status_is_never_told_by_colour_alone(browser, app_url):
    got = browser.run(_status, app_url)
    print("decision cards checked:", got["cards"], "\nheadings, counters, filters, dated steps checked:", got["others"])
    assert not got["problems"], "\n".join(got["problems"])
    assert all(got["cards"].values()), f"a page showed no decision cards: {got['cards']}"
    assert all(got["others"].values()), f"a page showed no headings, counters or dated steps: {got['others']}"
    assert got["others"]["Podgląd naboru"] >= 5 + 5, "the intake's five counters and five filters were not all seen"
