"""End-to-end test of "Podgląd naboru (arkusz)" in a real browser (Debian's Chromium driven by Playwright against
`streamlit run app.py`): an organizer enters the edition, uploads an intake of 50 applicants filled in the template,
waits for the results, and downloads the results (XLSX) and the applicants' Załącznik nr 1 (ZIP), which are checked
with openpyxl and pypdf. A screenshot goes to artifacts/screenshots/podglad-naboru.png.

Like tests/test_browser.py, it is skipped without Chromium (or the playwright package) and fails with CI=true.

Playwright's sync API cannot start while another instance runs in the same thread, and tests/test_browser.py keeps
its browser open for the whole session (its fixture is session-scoped and visible only in its module). Each thread
may have its own instance, so this test drives its browser in a thread of its own.
"""
from __future__ import annotations

import io
import random
import zipfile
from concurrent.futures import ThreadPoolExecutor
from datetime import date, timedelta

import pytest

from logic.intake.columns import OSOBY, PRACA
from tests.browser_support import (
    ARTIFACTS,
    StreamlitServer,
    browser_unavailable,
    choose_combobox,
    choose_radio,
    in_ci,
    launch_chromium,
    screenshot_whole_page,
    wait_for_app,
)
from tests.intake_support import filled_xlsx


SCREENSHOTS = ARTIFACTS / "screenshots"
URL_PATH = "Podglad_naboru"
APPLICANTS = 50
FIELD = "pielęgniarstwo chirurgiczne"
FORM_LABEL = "specjalizacja (szkolenie specjalizacyjne)"
FIRST = ("Anna", "Maria", "Katarzyna", "Małgorzata", "Agnieszka", "Ewa", "Barbara", "Zofia", "Tomasz", "Piotr")
LAST = ("Nowak", "Kowalska", "Wiśniewska", "Wójcik", "Kamińska", "Lewandowska", "Zielińska", "Szymańska")
XLSX_SHEETS = ["Wyniki", "Zaliczenia", "Problemy", "Informacje"]
BAD_LP, BAD_DAY = 25, "31.02.2021"


def dmy(d: date) -> str:
    return d.strftime("%d.%m.%Y")


def intake_rows(n: int = APPLICANTS) -> tuple[dict[str, list[dict]], dict[int, str]]:
    """n applicants as the template's rows (fixed seed), and each one's name by Lp. Most have worked in a surgical
    unit for years (a proposed credit, § 4 ust. 3); some started recently; every tenth has no job rows; one gives a
    day that does not exist ("błąd danych")."""
    rng = random.Random(20260120)
    rows: dict[str, list[dict]] = {OSOBY: [], PRACA: []}
    names: dict[int, str] = {}
    for lp in range(1, n + 1):
        first, last = rng.choice(FIRST), rng.choice(LAST)
        names[lp] = f"{first} {last}"
        rows[OSOBY].append({"Lp.": lp, "Imię (imiona)": first, "Nazwisko": last, "Zawód": "pielęgniarka",
                            "Forma tytułu": "m" if first in ("Tomasz", "Piotr") else "k", "Ma PWZ": "tak",
                            "Numer PWZ": f"{rng.randrange(10**7):07d}P", "Licencjat": "tak"})
        if lp % 10 == 0:
            continue
        start = date(2014, 1, 1) + timedelta(days=rng.randrange(4300))
        rows[PRACA].append({"Lp.": lp, "Od": BAD_DAY if lp == BAD_LP else dmy(start), "Trwa": "tak",
                            "Pracodawca": "Szpital Wojewódzki", "Komórka": "Oddział chirurgii",
                            "Dziedzina komórki": FIELD, "W zawodzie": "tak"})
    return rows, names


def pdf_text(data: bytes) -> str:
    from pypdf import PdfReader

    return " ".join(" ".join(p.extract_text() or "" for p in PdfReader(io.BytesIO(data)).pages).split())


@pytest.fixture(scope="module")
def app_url():
    reason = browser_unavailable()
    if reason:
        if in_ci():
            pytest.fail(f"browser tests cannot run in CI: {reason}")
        pytest.skip(f"browser tests skipped: {reason}")
    with StreamlitServer() as server:
        yield server.url


def download(page, button) -> tuple[str, bytes]:
    with page.expect_download(timeout=120_000) as info:
        button.click()
    d = info.value
    with open(d.path(), "rb") as f:  # Playwright's own temporary copy, removed with the context
        return d.suggested_filename, f.read()


def organizer_session(app_url: str, workbook: bytes, names: dict[int, str]) -> dict:
    """The whole visit, in this thread's own Playwright; returns what was downloaded."""
    from playwright.sync_api import expect, sync_playwright

    with sync_playwright() as playwright:
        browser = launch_chromium(playwright)
        context = browser.new_context(viewport={"width": 1400, "height": 1000}, locale="pl-PL",
                                      accept_downloads=True)
        page = context.new_page()
        page.set_default_timeout(60_000)
        errors: list[str] = []
        page.on("pageerror", lambda error: errors.append(str(error)))
        try:
            page.goto(f"{app_url}/{URL_PATH}")
            wait_for_app(page)
            main = page.get_by_test_id("stMain")
            expect(main.get_by_role("heading", name="Podgląd naboru (arkusz)", level=1)).to_be_visible()
            # Nabór
            choose_combobox(page, main, "Rodzaj kształcenia", FORM_LABEL, typed="specjal")
            wait_for_app(page)
            choose_combobox(page, main, "Dziedzina", FIELD, typed="chirurg")
            wait_for_app(page)
            choose_radio(main, "Czy specjalizacja jest dofinansowana ze środków publicznych?", "nie")
            wait_for_app(page)
            places = main.get_by_role("spinbutton", name="Liczba miejsc (jeśli znana)", exact=True)
            places.fill("30")
            places.press("Enter")
            wait_for_app(page)
            # Arkusz: the file input behind the uploader's button
            main.get_by_test_id("stFileUploaderDropzoneInput").set_input_files(
                {"name": "nabor.xlsx", "buffer": workbook,
                 "mimeType": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"})
            expect(main.get_by_role("heading", name="Pobierz wyniki")).to_be_visible(timeout=120_000)
            wait_for_app(page)
            expect(main.get_by_test_id("stException")).to_have_count(0)
            expect(main.get_by_text(f"W tabeli: {APPLICANTS} z {APPLICANTS} osób.")).to_be_visible()
            # the outcome filter: one pill on, then off again
            pill = main.get_by_role("button", name="Błąd danych (1)")
            pill.click()
            wait_for_app(page)
            expect(main.get_by_text(f"W tabeli: 1 z {APPLICANTS} osób.")).to_be_visible()
            pill.click()
            wait_for_app(page)
            expect(main.get_by_text(f"W tabeli: {APPLICANTS} z {APPLICANTS} osób.")).to_be_visible()
            # selecting a row (its marker on the left of the canvas grid: 35 px header, 35 px rows) opens the
            # applicant's cards below the table
            grid = main.get_by_test_id("stDataFrame").first
            grid.scroll_into_view_if_needed()
            box = grid.bounding_box()
            page.mouse.click(box["x"] + 16, box["y"] + 35 + 35 * 2 + 17)
            wait_for_app(page)
            expect(main.get_by_test_id("stText").filter(has_text=f"Lp. 3 – {names[3]}")).to_be_visible()
            # another applicant, chosen with the keyboard-friendly select box
            box = main.get_by_role("combobox", name="Pokaż osobę", exact=True)
            box.click()
            box.fill("Lp. 1 ")
            page.keyboard.press("Enter")
            wait_for_app(page)
            expect(main.get_by_test_id("stText").filter(has_text=f"Lp. 1 – {names[1]}")).to_be_visible()
            expect(main.get_by_text("Czy możesz ubiegać się o specjalizację").first).to_be_visible()
            # the results
            main.get_by_role("button", name="Przygotuj wyniki (XLSX)").click()  # built on request only
            xlsx_button = main.get_by_role("button", name="Wyniki (XLSX)", exact=True)
            expect(xlsx_button).to_be_visible(timeout=60_000)
            wait_for_app(page)
            xlsx = download(page, xlsx_button)
            # Załącznik nr 1 for everyone with a proposed credit
            main.get_by_role("button", name="Przygotuj wnioski – załącznik nr 1 (ZIP)").click()
            zip_button = main.get_by_role("button", name="Pobierz wnioski (ZIP)", exact=True)
            expect(zip_button).to_be_visible(timeout=180_000)
            wait_for_app(page)
            archive = download(page, zip_button)
            SCREENSHOTS.mkdir(parents=True, exist_ok=True)
            screenshot_whole_page(page, SCREENSHOTS / "podglad-naboru.png")
        except BaseException:
            SCREENSHOTS.mkdir(parents=True, exist_ok=True)
            screenshot_whole_page(page, SCREENSHOTS / "failed-podglad-naboru.png")
            raise
        finally:
            context.close()
            browser.close()
        return {"xlsx": xlsx, "zip": archive, "errors": errors}


def test_an_organizer_uploads_50_applicants_and_downloads_the_results_and_the_annexes(app_url):
    import openpyxl

    rows, names = intake_rows()
    with ThreadPoolExecutor(max_workers=1) as pool:
        got = pool.submit(organizer_session, app_url, filled_xlsx(rows), names).result()
    assert not got["errors"], f"JavaScript errors in the page: {got['errors']}"

    name, data = got["xlsx"]
    assert name == "wyniki-naboru.xlsx"
    book = openpyxl.load_workbook(io.BytesIO(data), read_only=True)
    assert book.sheetnames == XLSX_SHEETS
    results = list(book["Wyniki"].iter_rows(values_only=True))
    assert results[0][:3] == ("Lp.", "Imię i nazwisko", "Wynik")
    assert len(results) == 1 + APPLICANTS
    assert {r[0]: r[1] for r in results[1:]} == names
    assert {r[0]: r[2] for r in results[1:]}[BAD_LP] == "Błąd danych"
    problems = list(book["Problemy"].iter_rows(values_only=True))
    assert [(p[0], p[2], p[3]) for p in problems[1:] if p[0] == "Praca"] == [("Praca", "Od", BAD_LP)]
    info = {r[0]: r[1] for r in book["Informacje"].iter_rows(values_only=True)}
    assert info["Liczba osób"] == str(APPLICANTS) and info["Dziedzina"] == FIELD

    name, data = got["zip"]
    assert name == "wnioski-zalacznik-1.zip"
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        pdfs = zf.namelist()
        # those who worked 5 years or more in a surgical unit may ask to credit part of the practical training
        assert 0 < len(pdfs) < APPLICANTS - APPLICANTS // 10
        for pdf in pdfs:
            lp = int(pdf.split("_", 1)[0])
            text = pdf_text(zf.read(pdf))
            assert names[lp].casefold() in text.casefold(), (pdf, text[:300])
