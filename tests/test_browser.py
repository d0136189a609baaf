"""End-to-end tests in a real browser: Debian's Chromium driven by Playwright against `streamlit run app.py`.

Without Chromium (or the playwright package) these tests are skipped with the reason; with CI=true they
fail instead, so that CI cannot go green without having run them. `.ci/run` installs Chromium.
"""
from __future__ import annotations

import pytest

from tests.browser_support import (
    ARTIFACTS,
    GridRow,
    StreamlitServer,
    browser_unavailable,
    choose_combobox,
    choose_radio,
    click_button,
    discover_pages,
    fill_number,
    fill_text,
    in_ci,
    launch_chromium,
    safe_name,
    screenshot_whole_page,
    wait_for_app,
)

FRAME_TEXT = "Stan prawny na dzień"
PAGES = discover_pages()
SCREENSHOTS = ARTIFACTS / "screenshots"
DOWNLOADS = ARTIFACTS / "downloads"

# The nurse of the interview test.
FIRST_NAME, SURNAME = "Zofia", "Wiśniewska"
PWZ_NUMBER = "1234567P"
FIELD = "pielęgniarstwo chirurgiczne"
EMPLOYER = "Szpital Uniwersytecki w Krakowie"
REVIEW_TITLE = "Sprawdź odpowiedzi"


@pytest.fixture(scope="session")
def chromium():
    reason = browser_unavailable()
    if reason:
        if in_ci():
            pytest.fail(f"browser tests cannot run in CI: {reason}")
        pytest.skip(f"browser tests skipped: {reason}")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = launch_chromium(playwright)
        yield browser
        browser.close()


@pytest.fixture(scope="module")
def app_url(chromium):
    """A freshly started `streamlit run app.py` on a free port; stopped after the module."""
    with StreamlitServer() as server:
        yield server.url


@pytest.fixture
def browser_page(chromium, app_url, request):
    """A new browser context (so a new Streamlit session) with one page; JS errors fail the test, and a failed
    test leaves a screenshot in artifacts/screenshots/failed-<test>.png."""
    context = chromium.new_context(
        viewport={"width": 1400, "height": 1000}, locale="pl-PL", accept_downloads=True
    )
    page = context.new_page()
    page.set_default_timeout(30_000)
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    failure_shot = SCREENSHOTS / f"failed-{safe_name(request.node.name)}.png"
    failure_shot.unlink(missing_ok=True)
    failed_before = request.session.testsfailed
    yield page
    if request.session.testsfailed > failed_before:  # the call phase failed (its report comes before teardown)
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        screenshot_whole_page(page, failure_shot)
    context.close()
    assert not errors, f"JavaScript errors in the page: {errors}"


def open_page(page, app_url: str, url_path: str) -> None:
    page.goto(f"{app_url}/{url_path}")
    wait_for_app(page)
    page.get_by_test_id("stMain").get_by_test_id("stElementContainer").first.wait_for()


def assert_no_exception(page) -> None:
    from playwright.sync_api import expect

    expect(page.get_by_test_id("stException")).to_have_count(0)


@pytest.mark.parametrize("app_page", PAGES, ids=[p.id for p in PAGES])
def test_deep_link_opens_the_page_with_its_frame(browser_page, app_url, app_page):
    from playwright.sync_api import expect

    open_page(browser_page, app_url, app_page.url_path)
    # still on the page asked for: an unknown path would send us to the start page with a dialog
    assert browser_page.url.rstrip("/") == f"{app_url}/{app_page.url_path}".rstrip("/"), app_page.file
    expect(browser_page.get_by_text("Page not found", exact=False)).to_have_count(0)
    sidebar = browser_page.get_by_test_id("stSidebar")
    expect(sidebar.get_by_text(FRAME_TEXT, exact=False).first).to_be_visible()
    expect(sidebar.get_by_role("button", name="Wyczyść dane")).to_be_visible()
    assert_no_exception(browser_page)


def test_menu_links_every_page(browser_page, app_url):
    """The sidebar menu (the app's own: Streamlit's page list is hidden) reaches every page file found."""
    from playwright.sync_api import Error as PlaywrightError

    open_page(browser_page, app_url, "")
    expected = [p.url_path for p in PAGES]
    script = """links => links.map(a => new URL(a.href).pathname.replace(/^[/]/, ''))"""
    try:  # the sidebar's links may come a moment after the main area
        browser_page.wait_for_function(
            """expected => { const got = [...document.querySelectorAll('[data-testid="stSidebar"] a')]
                   .map(a => new URL(a.href).pathname.replace(/^[/]/, ''));
               return expected.every(p => got.includes(p)); }""", arg=expected, timeout=10_000)
    except PlaywrightError:
        hrefs = browser_page.get_by_test_id("stSidebar").locator("a").evaluate_all(script)
        missing = [p for p in expected if p not in hrefs]
        pytest.fail(f"pages without a link in the sidebar menu: {missing} (links: {hrefs})")


def answer_interview(page) -> None:
    """Moja sytuacja, step by step, as a nurse who wants to start a specialisation; ends on the review step."""
    from playwright.sync_api import expect

    main = page.get_by_test_id("stMain")
    # 1. the goal
    choose_radio(main, "Co chcesz zrobić?", "Rozpocząć specjalizację (szkolenie specjalizacyjne)")
    choose_combobox(page, main, "W jakiej dziedzinie? (dziedzina)", FIELD, typed="chirurg")
    next_step(page, main)
    # 2. more about the goal
    expect(main.get_by_role("heading", name="Więcej o Twoim celu")).to_be_visible()
    choose_radio(main, "Czy chodzi o specjalizację dofinansowaną ze środków publicznych?", "Tak")
    choose_radio(main, "Czy pracodawca kieruje Cię na to kształcenie (skierowanie)?", "Nie")
    next_step(page, main)
    # 3. profession, right to practise, name
    expect(main.get_by_role("heading", name="Zawód i prawo wykonywania zawodu")).to_be_visible()
    choose_radio(main, "Twój zawód", "Pielęgniarka / pielęgniarz")
    choose_radio(main, "Czy masz aktualne prawo wykonywania zawodu (PWZ)?", "Tak")
    fill_text(main, "Numer zaświadczenia o PWZ (7 cyfr i litera P lub A)", PWZ_NUMBER)
    fill_text(main, "Kto wydał PWZ (okręgowa rada pielęgniarek i położnych)",
              "Okręgowa Rada Pielęgniarek i Położnych w Krakowie")
    fill_number(main, "Rok wydania PWZ", 2015)
    fill_text(main, "Imię (imiona)", FIRST_NAME)
    fill_text(main, "Nazwisko", SURNAME)
    choose_radio(main, "Forma tytułu na wniosku", "pielęgniarka / położna")
    next_step(page, main)
    # 4. employment: one row typed into the table
    expect(main.get_by_role("heading", name="Przebieg pracy")).to_be_visible()
    (GridRow(page, main.get_by_test_id("stDataFrame").first).add()
     .date("2015-09-01").date("2026-10-31").skip()  # Od, Do, (Trwa)
     .text(EMPLOYER).text("Oddział Chirurgii Ogólnej").text(FIELD)  # Zakład pracy, Oddział, Dziedzina
     .done())
    next_step(page, main)
    # 5. the remaining steps: a master's degree, everything else left as it is
    for _ in range(15):
        if main.get_by_role("heading", name=REVIEW_TITLE).is_visible():
            break
        if main.get_by_role("heading", name="Wykształcenie i tytuły specjalisty").is_visible():
            choose_radio(main, "Magister pielęgniarstwa lub położnictwa", "Tak")
        next_step(page, main)
    expect(main.get_by_role("heading", name=REVIEW_TITLE)).to_be_visible()


def next_step(page, main) -> None:
    """Submit the step with "Dalej"; a step the app refused shows its Polish error, which fails the test."""
    click_button(page, main, "Dalej")
    refused = main.get_by_text("Nie zapisaliśmy tego kroku")
    assert refused.count() == 0, refused.first.inner_text()


def go_to(page, link_text: str) -> None:
    """Follow a sidebar menu link (a new URL typed in would start a new session without the answers)."""
    page.get_by_test_id("stSidebar").get_by_role("link", name=link_text).click()
    wait_for_app(page)


def pdf_text(data: bytes) -> str:
    import io

    from pypdf import PdfReader

    return "\n".join(p.extract_text() or "" for p in PdfReader(io.BytesIO(data)).pages)


def test_nurse_interview_result_and_annex_pdf(browser_page, app_url):
    from playwright.sync_api import expect

    page = browser_page
    main = page.get_by_test_id("stMain")
    open_page(page, app_url, "")
    # Start -> Moja sytuacja through the page's own link
    main.get_by_role("link", name="Zacznij: Moja sytuacja").click()
    wait_for_app(page)
    expect(main.get_by_role("heading", name="Moja sytuacja", level=1)).to_be_visible()
    answer_interview(page)
    # the review shows what was typed
    expect(main.get_by_text(FIRST_NAME).first).to_be_visible()
    expect(main.get_by_text(SURNAME).first).to_be_visible()
    # the employment row is in a table drawn on a canvas, whose hidden DOM copy holds only the cells on screen
    main.get_by_test_id("stDataFrame").first.scroll_into_view_if_needed()
    expect(main.get_by_test_id("stDataFrame").first.get_by_text(EMPLOYER)).to_be_attached()
    assert_no_exception(page)

    # Wynik
    main.get_by_role("link", name="Zobacz wynik").click()
    wait_for_app(page)
    expect(main.get_by_role("heading", name="Wynik", level=1)).to_be_visible()
    expect(main.get_by_text("Najpierw opowiedz o sobie")).to_have_count(0)
    expect(main.get_by_text("Twój cel:")).to_be_visible()
    for group in ("Możesz", "Jeszcze nie", "Wymaga wyjaśnienia"):
        expect(main.get_by_role("heading", name=group).first).to_be_visible()
    assert_no_exception(page)
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    screenshot_whole_page(page, SCREENSHOTS / "wynik.png")

    # Wniosek o zaliczenie: download Annex 1
    go_to(page, "Wniosek o zaliczenie")
    expect(main.get_by_role("heading", name="Wniosek o zaliczenie", level=1)).to_be_visible()
    assert_no_exception(page)
    button = main.get_by_role("button", name="Pobierz wniosek – załącznik nr 1 (PDF)")
    with page.expect_download(timeout=60_000) as download_info:
        button.click()
    download = download_info.value
    assert download.suggested_filename.endswith(".pdf"), download.suggested_filename
    DOWNLOADS.mkdir(parents=True, exist_ok=True)
    target = DOWNLOADS / download.suggested_filename
    download.save_as(target)
    data = target.read_bytes()
    assert data.startswith(b"%PDF"), data[:20]
    text = " ".join(pdf_text(data).split())
    for expected in (f"{FIRST_NAME} {SURNAME}", PWZ_NUMBER, EMPLOYER):
        assert expected.casefold() in text.casefold(), f"{expected!r} not in the Annex 1 PDF text: {text[:600]}"
