"""End-to-end tests in a real browser: Debian's Chromium driven by Playwright against `streamlit run app.py`.

Without Chromium (or the playwright package) these tests are skipped with the reason; with CI=true they
fail instead, so that CI cannot go green without having run them. `.ci/run` installs Chromium.
"""
from __future__ import annotations

import pytest

from tests.browser_support import (
    ARTIFACTS,
    browser_unavailable,
    choose_combobox,
    choose_radio,
    click_button,
    discover_pages,
    fill_number,
    fill_text,
    follow_menu,
    in_ci,
    launch_chromium,
    open_page,
    safe_name,
    screenshot_whole_page,
    StreamlitServer,
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


# The nurse's other jobs and her courses, added one at a time in the lists of the interview.
EARLIER_JOBS = (("01.09.2009", "31.08.2012", "Przychodnia Rejonowa w Wieliczce"),
                ("01.09.2012", "31.08.2015", "Szpital Powiatowy w Myślenicach"))
COURSES = (("specjalistyczny", "Leczenie ran przewlekłych", "08.04.2022"),
           ("kwalifikacyjny", "Pielęgniarstwo operacyjne", "30.06.2020"),
           ("dokształcający", "Szczepienia ochronne", "15.03.2019"),
           ("specjalistyczny", "Resuscytacja krążeniowo-oddechowa", "20.11.2018"))
NONE_ANSWERS = {"studia": "Nie mam ukończonych studiów podyplomowych",
                "zagranica": "Nie mam szkoleń odbytych za granicą",
                "egzamin": "Nie podchodziłam / nie podchodziłem jeszcze do egzaminu państwowego"}
LIST_STEPS = {"Przebieg pracy": "praca", "Wykształcenie i tytuły specjalisty": "wyksztalcenie",
              "Ukończone kursy": "kursy", "Studia podyplomowe": "studia", "Szkolenia za granicą": "zagranica",
              "Rozpoczęte specjalizacje": "specjalizacje", "Podejścia do egzaminu państwowego": "egzamin"}
PHONE = {"width": 390, "height": 844}


def fill_date(page, scope, label: str, day: str) -> None:
    """Type a date DD.MM.YYYY into the date field labelled `label` (its day, month and year parts)."""
    scope.get_by_role("spinbutton", name=f"day, {label}", exact=True).click()
    page.keyboard.type(day.replace(".", ""))


def tick(scope, label: str) -> None:
    """Tick the checkbox labelled `label` by clicking its label, as a person does (the box itself is drawn over)."""
    from playwright.sync_api import expect

    box = scope.get_by_role("checkbox", name=label, exact=True)
    scope.get_by_text(label, exact=True).click()
    expect(box).to_be_checked()


def tab_to(page, target, presses: int = 60, *, backwards: bool = False) -> None:
    """Press Tab (Shift+Tab when `backwards`) until `target` has the keyboard focus, as a person without a mouse
    moves through the page."""
    for _ in range(presses):
        if target.evaluate("e => e === document.activeElement"):
            return
        page.keyboard.press("Shift+Tab" if backwards else "Tab")
    raise AssertionError(f"{'Shift+' if backwards else ''}Tab never reached {target}")


def add_job_with_the_keyboard(page, main) -> None:
    """The current job, typed without the mouse, starting from "Dodaj" (where the focus stays after the last item):
    Shift+Tab back to the first field, digits into the date, Tab from field to field, Space on the tick, Enter on
    "Dodaj"."""
    add = main.get_by_role("button", name="Dodaj", exact=True)
    from playwright.sync_api import expect

    expect(add).to_be_focused()
    tab_to(page, main.get_by_role("spinbutton", name="day, Od", exact=True), backwards=True)
    page.keyboard.type("01092015")
    tab_to(page, main.get_by_role("checkbox", name="Trwa", exact=True))
    page.keyboard.press("Space")
    tab_to(page, main.get_by_role("textbox", name="Zakład pracy", exact=True))
    page.keyboard.type(EMPLOYER)
    page.keyboard.press("Tab")
    page.keyboard.type("Oddział Chirurgii Ogólnej")
    tab_to(page, main.get_by_role("combobox", name="Dziedzina (profil komórki)", exact=True))
    page.keyboard.type(FIELD)
    page.keyboard.press("Enter")
    tab_to(page, add)
    page.keyboard.press("Enter")
    wait_for_app(page)
    expect(main.get_by_text("Dodano okres pracy 3.")).to_be_visible()
    expect(add).to_be_focused()  # the focus stays on "Dodaj" for the next item


def add_item(page, main, fields) -> None:
    """Fill the item block (`fields`: (kind, label, value)) and press "Dodaj"; the step must not refuse it."""
    for kind, label, value in fields:
        if kind == "date":
            fill_date(page, main, label, value)
        elif kind == "choice":
            choose_combobox(page, main, label, value)
        else:
            fill_text(main, label, value)
    click_button(page, main, "Dodaj")
    refused = main.get_by_text("Nie zapisaliśmy tego kroku")
    assert refused.count() == 0, refused.first.inner_text()


def check_list_step(page, main, step: str, device: str) -> None:
    """On a list step: no grid anywhere, nothing wider than the screen, and a screenshot."""
    from playwright.sync_api import expect

    expect(main.get_by_test_id("stDataFrame")).to_have_count(0)
    expect(main.get_by_test_id("stTable")).to_have_count(0)
    wide = page.evaluate("() => { const m = document.querySelector('[data-testid=stMain]');"
                         " return [m.scrollWidth, m.clientWidth]; }")
    assert wide[0] <= wide[1], f"{step}: the page is wider than the screen ({wide})"
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    screenshot_whole_page(page, SCREENSHOTS / f"lista-{step}-{device}.png")


def answer_interview(page, device: str = "komputer") -> None:
    """Moja sytuacja, step by step, as a nurse who wants to start a specialisation, with three jobs and four
    courses added one at a time (the current job with the keyboard alone); ends on the review step. Each list step
    is checked for grids and width and photographed as artifacts/screenshots/lista-<step>-<device>.png."""
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
    # 4. employment: three jobs, one item at a time
    expect(main.get_by_role("heading", name="Przebieg pracy")).to_be_visible()
    for start, end, employer in EARLIER_JOBS:
        add_item(page, main, [("date", "Od", start), ("date", "Do", end), ("text", "Zakład pracy", employer)])
    add_job_with_the_keyboard(page, main)
    for n in (1, 2, 3):
        expect(main.get_by_role("button", name=f"Zmień okres pracy {n}")).to_be_visible()
        expect(main.get_by_role("button", name=f"Usuń okres pracy {n}")).to_be_visible()
    expect(main.get_by_text(EMPLOYER)).to_be_visible()
    check_list_step(page, main, "praca", device)
    next_step(page, main)
    # 5. the remaining steps: a master's degree, four courses, "nie mam" everywhere else
    for _ in range(15):
        if main.get_by_role("heading", name=REVIEW_TITLE).is_visible():
            break
        title = next((t for t in LIST_STEPS if main.get_by_role("heading", name=t, level=2).is_visible()), None)
        if title == "Wykształcenie i tytuły specjalisty":
            choose_radio(main, "Magister pielęgniarstwa lub położnictwa", "Tak")
            tick(main, "Nie mam tytułu specjalisty")
        elif title == "Ukończone kursy":
            for kind, name, completed in COURSES:
                add_item(page, main, [("choice", "Rodzaj kursu", kind), ("text", "Nazwa kursu", name),
                                      ("date", "Data ukończenia", completed)])
            expect(main.get_by_role("button", name="Zmień kurs 4")).to_be_visible()
        elif title == "Rozpoczęte specjalizacje":
            choose_radio(main, "Nie dodano jeszcze żadnej specjalizacji. Twoja odpowiedź:",
                         "Nie rozpoczynałam / nie rozpoczynałem żadnej specjalizacji")
        elif title is not None:
            tick(main, NONE_ANSWERS[LIST_STEPS[title]])
        if title is not None:
            check_list_step(page, main, LIST_STEPS[title], device)
        next_step(page, main)
    expect(main.get_by_role("heading", name=REVIEW_TITLE)).to_be_visible()


def next_step(page, main) -> None:
    """Submit the step with "Dalej"; a step the app refused shows its Polish error, which fails the test."""
    click_button(page, main, "Dalej")
    refused = main.get_by_text("Nie zapisaliśmy tego kroku")
    assert refused.count() == 0, refused.first.inner_text()


def pdf_text(data: bytes) -> str:
    import io

    from pypdf import PdfReader

    return "\n".join(p.extract_text() or "" for p in PdfReader(io.BytesIO(data)).pages)


@pytest.mark.parametrize("device", ["komputer", "telefon"])
def test_nurse_interview_result_and_annex_pdf(browser_page, app_url, device):
    """A nurse with three jobs and four courses, on a desktop and on a 390 px wide phone, builds the lists one item
    at a time (no grid anywhere in the interview), sees the result and downloads Annex 1."""
    from playwright.sync_api import expect

    page = browser_page
    if device == "telefon":
        page.set_viewport_size(PHONE)
    main = page.get_by_test_id("stMain")
    open_page(page, app_url, "")
    # Start -> Moja sytuacja through the page's own link
    main.get_by_role("link", name="Zacznij: Moja sytuacja").click()
    wait_for_app(page)
    expect(main.get_by_role("heading", name="Moja sytuacja", level=1)).to_be_visible()
    answer_interview(page, device)
    # the review shows what was typed, the lists as text
    expect(main.get_by_text(FIRST_NAME).first).to_be_visible()
    expect(main.get_by_text(SURNAME).first).to_be_visible()
    for _, _, employer in EARLIER_JOBS:
        expect(main.get_by_text(employer)).to_be_visible()
    expect(main.get_by_text(EMPLOYER)).to_be_visible()
    expect(main.get_by_text(COURSES[-1][1])).to_be_visible()
    expect(main.get_by_test_id("stDataFrame")).to_have_count(0)
    assert_no_exception(page)
    screenshot_whole_page(page, SCREENSHOTS / f"przeglad-{device}.png")

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
    screenshot_whole_page(page, SCREENSHOTS / ("wynik.png" if device == "komputer" else "wynik-telefon.png"))

    # Wniosek o zaliczenie: download Annex 1 (on a phone the menu is behind the sidebar's button)
    if device == "telefon":
        page.get_by_test_id("stExpandSidebarButton").click()
    follow_menu(page, "Wniosek o zaliczenie")
    if device == "telefon":
        sidebar = page.get_by_test_id("stSidebar")
        if sidebar.get_attribute("data-collapsed") == "false":  # it stays open over the page on a phone
            sidebar.get_by_test_id("stSidebarCollapseButton").click()
            expect(sidebar).to_have_attribute("data-collapsed", "true")
    expect(main.get_by_role("heading", name="Wniosek o zaliczenie", level=1)).to_be_visible()
    assert_no_exception(page)
    main.get_by_role("button", name="Przygotuj wniosek – załącznik nr 1 (PDF)").click()  # built on request only
    button = main.get_by_role("button", name="Pobierz wniosek – załącznik nr 1 (PDF)")
    expect(button).to_be_visible(timeout=60_000)
    wait_for_app(page)
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
    # pkt 5 lists the work of the last five years only: the current job, not the two before 2015
    for expected in (f"{FIRST_NAME} {SURNAME}", PWZ_NUMBER, EMPLOYER, *(course[1] for course in COURSES[:2])):
        assert expected.casefold() in text.casefold(), f"{expected!r} not in the Annex 1 PDF text: {text[:600]}"
