"""A lean server process (issue 12 § 4): the YAML read with the C loader, one warm-up per process outside any
visitor's click, and a "Wynik" that draws a closed card as one element and keeps what it computed for this session
only while the answers stay the same."""
from __future__ import annotations

import json
import logging
import os
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from datetime import date
from pathlib import Path

import pytest
import yaml
from streamlit.testing.v1 import AppTest

from logic import assess
from logic import fields as F
from logic import parameters as P
from tests.apptest_support import assert_ok, open_app_page, shown
from tests.browser_support import in_ci
from tests.lean_support import heavy_case
from ui import decisions as D
from ui.text import plain
from ui import warmup as W

ROOT = Path(__file__).resolve().parent.parent
APP = str(ROOT / "app.py")
EXAMPLES = ROOT / "examples"
AS_OF = date(2026, 11, 23)
WYNIK = "app_pages/2_Wynik.py"


def needs_libyaml() -> None:
    if not getattr(yaml, "__with_libyaml__", False):
        if in_ci():
            pytest.fail("PyYAML without libyaml in CI: the C loader cannot be checked")
        pytest.skip("PyYAML was built without libyaml: there is no C loader to compare")


# --- the YAML ---------------------------------------------------------------------------------------------------


def test_the_c_and_the_python_yaml_loaders_give_the_same_parameters_and_fields():
    needs_libyaml()
    c_params = P.parameter_set(P.read_yaml(P.PARAMETERS_FILE, yaml.CSafeLoader), "c")
    py_params = P.parameter_set(P.read_yaml(P.PARAMETERS_FILE, yaml.SafeLoader), "python")
    assert len(c_params.parameters) > 10
    assert dict(c_params.parameters) == dict(py_params.parameters)
    assert P.read_yaml(F.FIELDS_FILE, yaml.CSafeLoader) == P.read_yaml(F.FIELDS_FILE, yaml.SafeLoader)


def test_the_module_uses_the_c_loader_when_pyyaml_has_libyaml():
    assert P.YAML_LOADER is (yaml.CSafeLoader if yaml.__with_libyaml__ else yaml.SafeLoader)


def test_the_parameters_and_the_fields_are_both_read_with_that_loader(monkeypatch):
    needs_libyaml()
    seen = []
    real = yaml.load

    def spy(stream, Loader):  # noqa: N803 - PyYAML's own name; yaml.safe_load calls yaml.load too
        seen.append(Loader)
        return real(stream, Loader=Loader)

    monkeypatch.setattr(yaml, "load", spy)
    P.base.__wrapped__()  # the undecorated readers: the process's cached sets stay as they are
    F._data.__wrapped__()
    assert seen == [yaml.CSafeLoader, yaml.CSafeLoader]


# --- the warm-up --------------------------------------------------------------------------------------------------


def test_the_warm_up_runs_its_steps_once_in_one_background_thread_outside_any_session():
    from streamlit.runtime.scriptrunner_utils.script_run_context import get_script_run_ctx

    import threading

    seen = []
    warm = W.WarmUp((("probe", lambda: seen.append((threading.current_thread().name,
                                                      get_script_run_ctx(suppress_warning=True)))),))
    with ThreadPoolExecutor(max_workers=8) as pool:  # eight sessions' first runs at once
        started = list(pool.map(lambda _: warm.start(), range(8)))
    assert warm.wait(10)
    assert started.count(True) == 1
    assert warm.start() is False
    assert seen == [("asystent-warmup", None)]  # once, in its own thread, with no session's context
    assert warm.failed == [] and set(warm.timings) == {"probe"}


def test_a_failing_warm_up_step_is_logged_by_name_without_its_message_and_the_next_steps_run(caplog):
    ran = []

    def broken():
        raise ValueError("Anna Kowalska 0312345P")

    warm = W.WarmUp((("zepsuty", broken), ("dalej", lambda: ran.append(True))))
    with caplog.at_level(logging.WARNING, logger="asystent"):
        warm.run()
    assert ran == [True] and warm.failed == ["zepsuty"]
    text = " ".join(r.getMessage() for r in caplog.records)
    assert "zepsuty" in text and "ValueError" in text
    assert "Anna" not in text and "0312345P" not in text


def test_the_pages_modules_are_read_from_their_source_with_imports_made_on_click(tmp_path):
    page = tmp_path / "page.py"
    page.write_text("from __future__ import annotations\nimport streamlit as st\nfrom ui import decisions as D\n"
                    "def on_click():\n    import forms\n    from .local import x\n", encoding="utf-8")
    assert W.page_modules([page]) == ["streamlit", "ui", "ui.decisions", "forms"]


def test_the_frame_starts_the_warm_up_after_the_first_page_and_only_once(monkeypatch):
    runs = []
    monkeypatch.setattr(W, "PROCESS", W.WarmUp((("probe", lambda: runs.append(True)),)))
    monkeypatch.delenv(W.ENV_SWITCH, raising=False)
    at = AppTest.from_file(APP, default_timeout=60)
    at.session_state["as_of"] = AS_OF
    assert not W.PROCESS.started
    at.run()
    assert_ok(at)
    assert W.PROCESS.wait(10)
    at.run()
    other = AppTest.from_file(APP, default_timeout=60)  # a second visitor of the same process
    other.run()
    assert W.PROCESS.wait(10) and runs == [True]


def test_with_the_warm_up_turned_off_the_frame_does_not_start_it(monkeypatch):
    monkeypatch.setattr(W, "PROCESS", W.WarmUp((("probe", lambda: None),)))
    monkeypatch.setenv(W.ENV_SWITCH, "off")
    at = AppTest.from_file(APP, default_timeout=60)
    at.run()
    assert_ok(at)
    assert not W.PROCESS.started


def test_in_a_server_the_warm_up_compiles_every_page_into_the_runtime_s_script_cache(monkeypatch):
    import inspect

    from streamlit.runtime import Runtime
    from streamlit.runtime.scriptrunner.script_cache import ScriptCache

    from ui.state import PAGES

    # the internal the adapter relies on (Streamlit 1.67): one cache on the Runtime, handed to every session
    source = inspect.getsource(Runtime)
    assert "self._script_cache = ScriptCache()" in source and '"script_cache": self._script_cache' in source

    class FakeRuntime:
        _script_cache = ScriptCache()

    compiled = []
    real_compile = compile
    monkeypatch.setattr("streamlit.runtime.scriptrunner.script_cache.compile",
                        lambda body, path, mode, **kw: compiled.append(path) or real_compile(body, path, mode, **kw),
                        raising=False)
    monkeypatch.setattr(Runtime, "exists", classmethod(lambda cls: True))
    monkeypatch.setattr(Runtime, "instance", classmethod(lambda cls: FakeRuntime))
    assert W.server_script_cache() is FakeRuntime._script_cache
    W._page_scripts()
    expected = [str(ROOT / "app.py"), *(str(ROOT / p.file) for p in PAGES)]
    assert compiled == expected
    for path in expected:  # a session's first visit now finds the page compiled
        FakeRuntime._script_cache.get_bytecode(path)
    assert compiled == expected


def test_outside_a_server_the_warm_up_compiles_nothing(monkeypatch):
    from streamlit.runtime import Runtime

    monkeypatch.setattr(Runtime, "exists", classmethod(lambda cls: False))
    assert W.server_script_cache() is None
    W._page_scripts()  # nothing to fill, no error


def test_the_bench_compiles_each_script_once_for_many_apptest_runs_as_the_server_does(monkeypatch):
    sys.path.insert(0, str(ROOT / "bench"))
    from bench_app import one_compiled_script

    compiled = []
    real_compile = compile
    monkeypatch.setattr("streamlit.runtime.scriptrunner.script_cache.compile",
                        lambda body, path, mode, **kw: compiled.append(path) or real_compile(body, path, mode, **kw),
                        raising=False)
    monkeypatch.setenv(W.ENV_SWITCH, "off")
    with one_compiled_script():
        for _ in range(2):  # two sessions, three runs each
            at = AppTest.from_file(APP, default_timeout=60)
            at.session_state["as_of"] = AS_OF
            at.run()
            at.switch_page(WYNIK)
            at.run()
            at.run()
            assert_ok(at)
    assert sorted(compiled) == sorted([APP, str(ROOT / WYNIK), str(ROOT / "app_pages/0_Start.py")])


HEAVY_MODULES = ["pandas", "pyarrow", "forms", "forms.annex1", "forms.summary", "fpdf", "fontTools.subset",
                 "ui.lists", "ui.questions", "ui.intake", "ui.decisions"]
PROBE = """
import json, sys
sys.path.insert(0, {root!r})
from ui import warmup
heavy = {heavy!r}
before = [m for m in heavy if m in sys.modules]
warmup.PROCESS.run()
from forms import fonts
from logic import parameters
print(json.dumps({{"before": before, "after": [m for m in heavy if m not in sys.modules],
                   "failed": warmup.PROCESS.failed, "font": fonts._faces is not None,
                   "parameters": parameters.base.cache_info().currsize}}))
"""


def test_after_the_warm_up_a_fresh_process_has_the_heavy_modules_the_font_and_the_parameters_ready():
    """What the first visitor of "Wniosek o zaliczenie" and "Moja sytuacja" waited for (issue 12 § 4)."""
    out = subprocess.run([sys.executable, "-c", PROBE.format(root=str(ROOT), heavy=HEAVY_MODULES)],
                         capture_output=True, text=True, timeout=120, cwd=ROOT,
                         env={**os.environ, W.ENV_SWITCH: "on"})
    assert out.returncode == 0, out.stderr[-2000:]
    got = json.loads(out.stdout.strip().splitlines()[-1])
    assert got["before"] == [], "importing ui.warmup alone must not load them (or the test proves nothing)"
    assert got["after"] == [] and got["failed"] == []
    assert got["font"] is True and got["parameters"] == 1  # fonts._faces: the prepared faces (forms/fonts.py)


# --- Wynik: closed cards are one element each ----------------------------------------------------------------------


def wynik(case, **state) -> AppTest:
    return open_app_page(WYNIK, AS_OF, case=case, **state)


def elements(node) -> int:
    return 1 + sum(elements(child) for child in getattr(node, "children", {}).values())


def test_wynik_for_a_heavy_case_draws_each_closed_card_as_one_element():
    case = heavy_case()
    assessment = assess(case, AS_OF)
    at = wynik(case)
    cards = list(at.main.expander)
    assert len(cards) == len(assessment.decisions) > 60
    open_cards = [c for c in cards if c.proto.expanded]
    closed = [c for c in cards if not c.proto.expanded]
    assert closed and all(not c.children for c in closed), "a closed card's content was drawn"
    assert all(c.children for c in open_cards)
    # before: every card's content, 843 elements for these 106 decisions; now about one per card and the page's own
    assert elements(at.main) <= len(cards) + 12 * len(open_cards) + 40


def test_an_open_card_draws_its_sections_in_one_markdown_between_its_other_elements():
    at = wynik(json_example("pielegniarka-specjalizacja.json"))
    for card in (c for c in at.main.expander if c.proto.expanded):
        kinds = [child.type for child in card.children.values()]
        assert kinds.count("markdown") >= 1
        assert all(not (a == b == "markdown") for a, b in zip(kinds, kinds[1:])), kinds


def test_opening_a_closed_card_draws_everything_it_says():
    case = json_example("pielegniarka-specjalizacja.json")
    at = wynik(case)
    index, card = next((i, c) for i, c in enumerate(at.main.expander) if not c.proto.expanded)
    assert not card.children
    at.session_state[D.card_key("", index)] = True  # what the browser sends when the person opens it
    at.run()
    assert_ok(at)
    card = at.main.expander[index]
    assert card.proto.expanded
    text = shown(" ".join(m.value for m in card.markdown))
    d = next(d for d in assess(case, AS_OF).decisions if card.label == f"{plain(d.title)} — {d.outcome_label}")
    assert f"**Ocena:** {d.outcome_label}" in " ".join(m.value for m in card.markdown)
    for reason in d.reasons:
        assert reason.text in text
    for note in d.notes:
        assert note.text in text
    if d.legal_basis:
        assert "Podstawa prawna:" in text and d.legal_basis[0].citation in text


def test_the_missing_facts_of_an_open_card_still_lead_to_their_step():
    from logic import Case

    at = wynik(Case.model_validate({"goal": {"form": "specjalizacja"}, "profession": "pielegniarka"}))
    fill = [b for b in at.button if b.key and b.key.startswith("fill.")]
    assert fill, "no 'Uzupełnij' button for a missing fact"
    fill[0].click().run()
    assert_ok(at)
    assert at.title[0].value == "Moja sytuacja"


def test_the_case_code_is_made_once_per_session_while_the_answers_stay_the_same(monkeypatch):
    from logic import casecode

    calls = []
    real = casecode.encode
    monkeypatch.setattr(casecode, "encode", lambda case: calls.append(1) or real(case))
    case = json_example("pielegniarka-specjalizacja.json")
    at = wynik(case)
    at.run()
    at.sidebar.date_input[0].set_value(date(2027, 6, 2)).run()  # another day, the same answers
    assert_ok(at)
    assert len(calls) == 1
    at.session_state["case"] = case.model_copy(update={"label": "inny opis"})
    at.run()
    assert len(calls) == 2
    assert at.code[0].value == real(at.session_state["case"])
    wynik(case)  # another person's session with the same answers makes its own: nothing is shared
    assert len(calls) == 3


def json_example(name: str):
    from logic import Case

    return Case.model_validate(json.loads((EXAMPLES / name).read_text(encoding="utf-8")))


# --- Wynik in a browser: a closed card opens with its content, by mouse and by keyboard ----------------------------


def _open_cards_in_browser(url: str) -> dict:
    from playwright.sync_api import expect, sync_playwright

    from tests.browser_support import launch_chromium, wait_for_app

    example = EXAMPLES / "pielegniarka-specjalizacja.json"
    with sync_playwright() as playwright:
        browser = launch_chromium(playwright)
        try:
            page = browser.new_context(locale="pl-PL").new_page()
            page.set_default_timeout(30_000)
            main = page.get_by_test_id("stMain")
            page.goto(f"{url}/Zapisz_i_wczytaj")
            wait_for_app(page)
            main.get_by_test_id("stFileUploaderDropzoneInput").first.set_input_files(
                {"name": example.name, "buffer": example.read_bytes(), "mimeType": "application/json"})
            main.get_by_text("Wczytaliśmy Twoje odpowiedzi").wait_for()
            wait_for_app(page)
            page.get_by_test_id("stSidebar").get_by_role("link", name="Wynik").click()
            wait_for_app(page)
            cards = main.locator('[data-testid="stExpander"] details')
            closed = [i for i in range(cards.count()) if cards.nth(i).get_attribute("open") is None]
            first, second = cards.nth(closed[0]), cards.nth(closed[1])
            assert first.get_by_text("Ocena:").count() == 0, "a closed card's content is in the page"
            first.locator("summary").click()  # the mouse
            wait_for_app(page)
            expect(first.get_by_text("Ocena:")).to_be_visible()
            second.locator("summary").focus()
            page.keyboard.press("Enter")  # the keyboard
            wait_for_app(page)
            expect(second.get_by_text("Ocena:")).to_be_visible()
            focused = page.evaluate("document.activeElement && document.activeElement.tagName")
            after = [i for i in range(cards.count()) if cards.nth(i).get_attribute("open") is None]
            return {"closed_before": len(closed), "closed_after": len(after), "focused": focused}
        finally:
            browser.close()


def test_in_a_browser_a_closed_card_opens_with_its_content_by_mouse_and_by_keyboard():
    from tests.browser_support import StreamlitServer, browser_unavailable

    reason = browser_unavailable()
    if reason:
        if in_ci():
            pytest.fail(f"browser tests cannot run in CI: {reason}")
        pytest.skip(f"browser test skipped: {reason}")
    with StreamlitServer() as server, ThreadPoolExecutor(max_workers=1) as pool:
        got = pool.submit(_open_cards_in_browser, server.url).result(timeout=240)
    assert got["closed_before"] >= 2
    assert got["closed_after"] == got["closed_before"] - 2
    assert got["focused"] == "SUMMARY", "the focus left the card the person opened"
