"""The answers kept in the browser tab (ui/persist.py): the stored item's format, what is refused and how, the
restore into a new session, and that under AppTest (no JavaScript, so no tab storage) the app works as before.
The browser side – reload, server restart, "Wyczyść dane" – is tested in tests/test_browser_persist.py."""
from __future__ import annotations

import json
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from logic.case import CURRENT_SCHEMA_VERSION, new_case
from logic.interview import FIRST_STEP, REVIEW_STEP
from ui import persist
from ui.casefile import load_case

ROOT = Path(__file__).resolve().parent.parent
APP = ROOT / "app.py"
EXAMPLE = ROOT / "examples" / "pielegniarka-specjalizacja.json"


def example_case():
    case, problems = load_case(EXAMPLE.read_bytes())
    assert case is not None, problems
    return case


# --- the stored item ---------------------------------------------------------------------------------------------


def test_nothing_is_stored_while_nothing_is_answered():
    assert persist.payload(new_case(), FIRST_STEP, set(), False) is None


def test_any_answer_or_step_makes_an_item():
    assert persist.payload(new_case(), "cel_szczegoly", {"cel"}, False) is not None
    assert persist.payload(example_case(), FIRST_STEP, set(), False) is not None


def test_the_item_holds_the_format_the_step_and_the_case_only():
    raw = persist.payload(example_case(), "praca", {"cel", "cel_szczegoly"}, True)
    data = json.loads(raw)
    assert set(data) == {"format", "step", "answered", "to_review", "case"}
    assert data["format"] == persist.FORMAT
    assert data["step"] == "praca" and data["answered"] == ["cel", "cel_szczegoly"] and data["to_review"] is True
    assert data["case"] == json.loads(example_case().model_dump_json())


def test_the_item_is_compact_json_of_a_few_kilobytes():
    raw = persist.payload(example_case(), REVIEW_STEP, {"cel"}, False)
    assert "\n" not in raw and ", " not in raw.split('"case"')[0]
    assert len(raw.encode("utf-8")) < 16 * 1024, len(raw)


def test_an_item_reads_back_to_the_same_case_and_step():
    case = example_case()
    stored, message = persist.parse(persist.payload(case, "praca", {"cel", "praca"}, True))
    assert message is None
    assert stored == persist.Stored(case=case, step="praca", answered=frozenset({"cel", "praca"}), to_review=True)


@pytest.mark.parametrize("raw", [
    "{", "[]", "null", "42", '"tekst"', '{"format": 1}', '{"format": 1, "case": []}',
    '{"format": "1", "case": {}}', '{"format": true, "case": {}}', '{"format": 0, "case": {}}',
    '{"format": 1, "case": {"schema_version": "2"}}',
    '{"format": 1, "case": {"nieznane_pole": 1}}',
    '{"format": 1, "case": {"right_to_practise": {"number": "zły numer"}}}',
    None, 17, "x" * (600 * 1024),
], ids=["truncated", "list", "null", "number", "string", "no-case", "case-not-object", "format-text",
        "format-bool", "format-zero", "schema-text", "unknown-field", "invalid-value", "none", "int", "too-large"])
def test_a_broken_item_is_refused_with_a_polish_message(raw):
    stored, message = persist.parse(raw)
    assert stored is None
    assert message == persist.BROKEN


@pytest.mark.parametrize("raw", [
    json.dumps({"format": persist.FORMAT + 1, "step": "cel", "case": {}}),
    json.dumps({"format": persist.FORMAT, "step": "cel", "case": {"schema_version": CURRENT_SCHEMA_VERSION + 1}}),
], ids=["newer-format", "newer-case-schema"])
def test_an_item_from_a_newer_version_is_refused_with_its_own_message(raw):
    assert persist.parse(raw) == (None, persist.NEWER)


def test_an_unknown_step_starts_again_from_the_first_and_unknown_answered_steps_are_dropped():
    raw = json.dumps({"format": 1, "step": "krok_z_przyszlosci", "answered": ["cel", "inny", 3],
                      "case": json.loads(new_case().model_dump_json())})
    stored, message = persist.parse(raw)
    assert message is None
    assert stored.step == FIRST_STEP and stored.answered == frozenset({"cel"}) and stored.to_review is False


# --- restoring into a session ----------------------------------------------------------------------------------------


def _receiving_script():
    """A session that gets the tab's answers listed in session state "test.answers", drawing the flash messages."""
    from datetime import date

    import streamlit as st

    from ui import persist
    from ui import state as S

    S.init_state(date(2026, 11, 23))
    st.session_state.setdefault(persist.SESSION, "sesja-1")
    for answer in st.session_state.pop("test.answers", []):
        persist.receive(answer)
    for kind, text in st.session_state[S.FLASH]:
        getattr(st, kind)(text)
    st.session_state[S.FLASH] = []


def _session(*answers) -> AppTest:
    at = AppTest.from_function(_receiving_script, default_timeout=30)
    at.session_state["test.answers"] = list(answers)
    at.run()
    assert not at.exception
    return at


def test_a_new_session_gets_the_tab_answers_back_on_the_same_step_with_a_message():
    case = example_case()
    at = _session({"session": "sesja-1", "value": persist.payload(case, "praca", {"cel", "praca"}, False)})
    assert at.session_state["case"] == case
    assert at.session_state["iv_step"] == "praca"
    assert at.session_state["iv_answered"] == {"cel", "praca"}
    assert at.session_state[persist.READY] is True
    assert [s.value for s in at.success] == [persist.RESTORED]


def test_a_change_from_the_review_is_still_one_after_the_restore():
    at = _session({"session": "sesja-1", "value": persist.payload(example_case(), "praca", {"cel"}, True)})
    assert at.session_state["iv_return_to_review"] is True


def test_an_empty_tab_restores_nothing_and_says_nothing():
    at = _session({"session": "sesja-1", "value": None})
    assert at.session_state["case"] == new_case()
    assert at.session_state[persist.READY] is True
    assert not at.success and not at.warning


def test_a_broken_item_is_ignored_with_a_message_and_the_session_starts_empty():
    at = _session({"session": "sesja-1", "value": '{"format": 1, "case": {"nieznane": '})
    assert at.session_state["case"] == new_case()
    assert at.session_state[persist.READY] is True  # writing may begin: the broken item will be replaced
    assert [w.value for w in at.warning] == [persist.BROKEN]


def test_an_answer_for_another_session_is_ignored():
    at = _session({"session": "inna-sesja", "value": persist.payload(example_case(), "praca", {"cel"}, False)})
    assert at.session_state["case"] == new_case()
    assert persist.READY not in at.session_state


def test_only_the_first_answer_of_a_session_counts():
    first = persist.payload(example_case(), "praca", {"cel"}, False)
    second = persist.payload(new_case(), "cel_szczegoly", {"cel"}, False)
    at = _session({"session": "sesja-1", "value": first}, {"session": "sesja-1", "value": second})
    assert at.session_state["iv_step"] == "praca"
    assert [s.value for s in at.success] == [persist.RESTORED]


def test_answers_given_in_this_session_before_the_tab_answers_are_kept():
    at = AppTest.from_function(_receiving_script, default_timeout=30)
    at.run()
    at.session_state["iv_step"] = "cel_szczegoly"
    at.session_state["iv_answered"] = {"cel"}
    at.session_state["test.answers"] = [{"session": "sesja-1",
                                         "value": persist.payload(example_case(), "praca", {"cel"}, False)}]
    at.run()
    assert at.session_state["iv_step"] == "cel_szczegoly"
    assert at.session_state["case"] == new_case()
    assert not at.success


def test_after_wyczysc_dane_an_answer_still_on_its_way_is_not_restored():
    def script():
        from datetime import date

        import streamlit as st

        from ui import persist
        from ui import state as S

        S.init_state(date(2026, 11, 23))
        st.session_state.setdefault(persist.SESSION, "sesja-1")
        persist.forget()
        persist.receive(st.session_state.pop("test.answer"))

    at = AppTest.from_function(script, default_timeout=30)
    at.session_state["test.answer"] = {"session": "sesja-1",
                                       "value": persist.payload(example_case(), "praca", {"cel"}, False)}
    at.run()
    assert not at.exception
    assert at.session_state["case"] == new_case()


# --- the app under AppTest: no tab storage, nothing changes ---------------------------------------------------------


def test_without_an_answer_from_the_tab_the_app_works_and_writes_nothing():
    at = AppTest.from_file(str(APP), default_timeout=30)
    at.run()
    at.run()
    assert not at.exception
    assert persist.READY not in at.session_state  # still waiting for the tab: nothing is handed over to write
    data = at.session_state[persist.SENT][1]
    assert data == {"key": persist.STORAGE_KEY, "session": at.session_state[persist.SESSION], "ready": False,
                    "value": None}


def test_the_data_handed_over_is_the_same_object_while_nothing_changes():
    at = AppTest.from_file(str(APP), default_timeout=30)
    at.session_state[persist.READY] = True
    at.session_state["case"] = example_case()
    at.session_state["iv_step"] = "praca"
    at.run()
    first = at.session_state[persist.SENT]
    assert json.loads(first[1]["value"])["step"] == "praca"
    at.run()
    assert at.session_state[persist.SENT][1] is first[1]
    at.session_state["iv_step"] = REVIEW_STEP
    at.run()
    assert json.loads(at.session_state[persist.SENT][1]["value"])["step"] == REVIEW_STEP


def test_wyczysc_dane_hands_over_an_empty_copy():
    at = AppTest.from_file(str(APP), default_timeout=30)
    at.session_state[persist.READY] = True
    at.session_state["case"] = example_case()
    at.session_state["iv_step"] = "praca"
    at.run()
    at.sidebar.button(key="clear_ask").click().run()
    at.sidebar.button(key="clear_confirm").click().run()
    assert not at.exception
    assert at.session_state[persist.SENT][1]["value"] is None
    assert at.session_state[persist.SENT][1]["ready"] is True


def test_the_organizer_and_help_desk_state_is_never_in_the_item():
    at = AppTest.from_file(str(APP), default_timeout=30)
    at.session_state[persist.READY] = True
    at.session_state["case"] = example_case()
    at.session_state["intake.marker"] = "ARKUSZ-NABORU"
    at.session_state["ed.marker"] = "EDYCJA"
    at.session_state["quick.marker"] = "INFOLINIA"
    at.run()
    value = at.session_state[persist.SENT][1]["value"]
    assert value and not any(m in value for m in ("ARKUSZ-NABORU", "EDYCJA", "INFOLINIA"))
