"""The answers survive a reload and a server restart, in a real browser (Debian's Chromium driven by Playwright
against `streamlit run app.py`), and "Wyczyść dane" takes them away for good (ui/persist.py keeps them in the tab's
sessionStorage). A nurse answers the first steps of "Moja sytuacja" by clicking, as a person would; then:

1. the page is reloaded (F5): she is on the same step, with the same answers;
2. the server is stopped and started again on the same port: after the reconnect she is on the same step, with the
   same answers, and reads that they were restored;
3. "Wyczyść dane" (confirmed), then a reload: nothing comes back, and the tab holds nothing;
4. a broken copy in the tab is ignored with a Polish message, and the page works.

Like tests/test_browser.py, it is skipped without Chromium (or the playwright package) and fails with CI=true; a
failed scenario leaves a screenshot in artifacts/screenshots/failed-persist-<scenario>.png.

Playwright's sync API cannot start while another instance runs in the same thread, and tests/test_browser.py keeps
its browser open for the whole session; each thread may have its own, so, as in tests/test_browser_intake.py, this
module drives its browser in a thread of its own (one thread for the module, which owns its Playwright).
"""
from __future__ import annotations


import pytest

from tests.browser_support import (
    APP_IDLE,
    browser_thread_or_skip,
    choose_combobox,
    choose_radio,
    click_button,
    main_area,
    StreamlitServer,
    wait_for_app,
)
from ui.persist import BROKEN, RESTORED, STORAGE_KEY

URL_PATH = "Moja_sytuacja"
GOAL_QUESTION, GOAL = "Co chcesz zrobić?", "Rozpocząć specjalizację (szkolenie specjalizacyjne)"
FIELD_QUESTION, FIELD = "W jakiej dziedzinie? (dziedzina)", "pielęgniarstwo chirurgiczne"
FUNDED_QUESTION = "Czy chodzi o specjalizację dofinansowaną ze środków publicznych?"
REFERRAL_QUESTION = "Czy pracodawca kieruje Cię na to kształcenie (skierowanie)?"
STEP_1, STEP_2, STEP_3 = "Co chcesz zrobić", "Więcej o Twoim celu", "Zawód i prawo wykonywania zawodu"
RECONNECT_TIMEOUT = 60_000


@pytest.fixture(scope="module")
def browser():
    b = browser_thread_or_skip("persist")
    yield b
    b.close()


@pytest.fixture(scope="module")
def server(browser):
    with StreamlitServer() as s:
        yield s


# --- what the nurse does and sees ----------------------------------------------------------------------------------


def heading(page, title: str):
    return main_area(page).get_by_role("heading", name=title, exact=True)


def answer_two_steps(page, url: str) -> None:
    """Moja sytuacja: the goal (a specialisation in surgical nursing), then "funded: yes, referral: no"; ends on
    step 3."""
    from playwright.sync_api import expect

    page.goto(f"{url}/{URL_PATH}")
    wait_for_app(page)
    main = main_area(page)
    expect(heading(page, STEP_1)).to_be_visible()
    choose_radio(main, GOAL_QUESTION, GOAL)
    wait_for_app(page)
    choose_combobox(page, main, FIELD_QUESTION, FIELD, typed="chirurg")
    wait_for_app(page)
    click_button(page, main, "Dalej")
    expect(heading(page, STEP_2)).to_be_visible()
    choose_radio(main, FUNDED_QUESTION, "Tak")
    choose_radio(main, REFERRAL_QUESTION, "Nie")
    click_button(page, main, "Dalej")
    expect(heading(page, STEP_3)).to_be_visible()
    expect(main.get_by_text("Nie zapisaliśmy tego kroku")).to_have_count(0)


def stored_item(page) -> str | None:
    return page.evaluate("key => window.sessionStorage.getItem(key)", STORAGE_KEY)


def wait_until_stored(page) -> None:
    """The copy is written in the run that follows a change: wait for it (a reload sooner would find the last one)."""
    page.wait_for_function("key => window.sessionStorage.getItem(key) !== null", arg=STORAGE_KEY, timeout=10_000)


def assert_back_on_step_3_with_the_answers(page) -> None:
    """Step 3 again; "Wstecz" shows step 2 with its answers, and step 1 the goal and the field."""
    from playwright.sync_api import expect

    main = main_area(page)
    expect(heading(page, STEP_3)).to_be_visible()
    expect(main.get_by_text("Krok 3 z", exact=False).first).to_be_visible()
    click_button(page, main, "Wstecz")
    expect(heading(page, STEP_2)).to_be_visible()
    expect(radio(page, FUNDED_QUESTION, "Tak")).to_be_checked()
    expect(radio(page, REFERRAL_QUESTION, "Nie")).to_be_checked()
    click_button(page, main, "Wstecz")
    expect(heading(page, STEP_1)).to_be_visible()
    expect(radio(page, GOAL_QUESTION, GOAL)).to_be_checked()
    expect(main.get_by_role("combobox", name=FIELD_QUESTION, exact=True)).to_have_value(FIELD)


def radio(page, question: str, option: str):
    return main_area(page).get_by_role("radiogroup", name=question, exact=True).get_by_role(
        "radio", name=option, exact=True)


# --- the scenarios -------------------------------------------------------------------------------------------------


def reload_scenario(page, url: str) -> None:
    from playwright.sync_api import expect

    answer_two_steps(page, url)
    wait_until_stored(page)
    page.reload()
    wait_for_app(page)
    expect(main_area(page).get_by_text(RESTORED)).to_be_visible()
    assert_back_on_step_3_with_the_answers(page)


def restart_scenario(page, server: StreamlitServer) -> None:
    from playwright.sync_api import expect

    answer_two_steps(page, server.url)
    wait_until_stored(page)
    server.stop()
    page.locator('[data-testid="stApp"]:not([data-test-connection-state="CONNECTED"])').wait_for(
        state="attached", timeout=RECONNECT_TIMEOUT)  # the page has seen the server go
    server.start()
    server.wait_until_healthy()
    page.locator(APP_IDLE).wait_for(state="attached", timeout=RECONNECT_TIMEOUT)
    wait_for_app(page)
    # nothing clicked since the reconnect: the new session ran by itself, asked the tab and restored
    expect(main_area(page).get_by_text(RESTORED)).to_be_visible(timeout=RECONNECT_TIMEOUT)
    assert_back_on_step_3_with_the_answers(page)


def clear_scenario(page, url: str) -> None:
    from playwright.sync_api import expect

    answer_two_steps(page, url)
    wait_until_stored(page)
    sidebar = page.get_by_test_id("stSidebar")
    click_button(page, sidebar, "Wyczyść dane")
    click_button(page, sidebar, "Tak, wyczyść dane")
    expect(main_area(page).get_by_text("Dane wyczyszczone", exact=False)).to_be_visible()
    page.wait_for_function("key => window.sessionStorage.getItem(key) === null", arg=STORAGE_KEY, timeout=10_000)
    page.reload()
    wait_for_app(page)
    page.wait_for_timeout(1_000)  # room for a restore that must not come
    wait_for_app(page)
    expect(heading(page, STEP_1)).to_be_visible()
    expect(main_area(page).get_by_text(RESTORED)).to_have_count(0)
    expect(radio(page, GOAL_QUESTION, GOAL)).not_to_be_checked()
    assert stored_item(page) is None


def broken_copy_scenario(page, url: str) -> None:
    from playwright.sync_api import expect

    page.goto(f"{url}/{URL_PATH}")
    wait_for_app(page)
    page.evaluate("key => window.sessionStorage.setItem(key, '{\"format\": 1, \"case\": {\"zepsute')", STORAGE_KEY)
    page.reload()
    wait_for_app(page)
    expect(main_area(page).get_by_text(BROKEN)).to_be_visible()
    expect(heading(page, STEP_1)).to_be_visible()
    expect(page.get_by_test_id("stException")).to_have_count(0)
    # the page works: the first answer replaces the broken copy
    choose_radio(main_area(page), GOAL_QUESTION, GOAL)
    wait_for_app(page)
    click_button(page, main_area(page), "Dalej")
    expect(heading(page, STEP_2)).to_be_visible()
    page.wait_for_function("key => (window.sessionStorage.getItem(key) || '').includes('cel_szczegoly')",
                           arg=STORAGE_KEY, timeout=10_000)


# --- the tests -----------------------------------------------------------------------------------------------------


def test_a_reload_returns_to_the_same_step_with_the_same_answers(browser, server):
    browser.scenario("reload", reload_scenario, server.url)


def test_a_server_restart_returns_to_the_same_step_with_the_same_answers_and_says_so(browser):
    with StreamlitServer() as own:  # its own server: this test stops and starts it
        browser.scenario("restart", restart_scenario, own)


def test_after_wyczysc_dane_and_a_reload_nothing_comes_back(browser, server):
    browser.scenario("clear", clear_scenario, server.url)


def test_a_broken_copy_in_the_tab_is_ignored_with_a_message(browser, server):
    browser.scenario("broken", broken_copy_scenario, server.url)
