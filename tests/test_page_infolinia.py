"""The help-desk page "Infolinia – szybkie odpowiedzi" with AppTest: each question can be chosen and answers live as
its inputs change, the copy text is there and is plain text, the doctorate question gives the exemption answer
without a PWZ, and "Wpisz kod" shows the caller's result or refuses a bad code with the Polish message.

The rules' answers are tested in tests/test_quick.py; here we check what a consultant sees and can do. The day is
fixed (23 November 2026) through the frame's "Stan prawny na dzień".
"""
from __future__ import annotations

import importlib.util
import json
import logging
import re
from datetime import date
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from logic import Case
from logic.quick import QUESTIONS
from tests.apptest_support import assert_ok, open_app_page, shown

ROOT = Path(__file__).resolve().parent.parent
APP = str(ROOT / "app.py")
PAGE = "app_pages/8_Infolinia.py"
AS_OF = date(2026, 11, 23)
HAS_CASECODE = importlib.util.find_spec("logic.casecode") is not None
MARKDOWN = re.compile(r"\*\*|__|`|\[[^\]]*\]\(|^#|^\s*[-*+] |:material/|<[a-z]", re.MULTILINE)


def open_page(**state) -> AppTest:
    return open_app_page(PAGE, AS_OF, **state)


def boxes(at: AppTest) -> list[str]:
    """The answer boxes' texts as a person reads them (success, info, warning)."""
    return [shown(b.value) for b in [*at.success, *at.info, *at.warning]]


def answer_box(at: AppTest) -> str:
    verdicts = [b for b in boxes(at) if b.startswith("**")]
    assert verdicts, boxes(at)
    return verdicts[0]


def by_label(widgets, label: str):
    found = [w for w in widgets if w.label.startswith(label)]
    assert found, [w.label for w in widgets]
    return found[0]


def choose(at: AppTest, key: str) -> None:
    at.radio(key="quick.question").set_value(key).run()
    assert_ok(at)


def copy_text(at: AppTest) -> str:
    assert len(at.code) == 1
    return at.code[0].value


def test_the_page_is_in_the_menu_under_infolinia_and_shows_the_questions_most_common_first():
    at = open_page()
    assert at.title[0].value == "Infolinia – szybkie odpowiedzi"
    assert "Infolinia" in [m.value.strip("*") for m in at.sidebar.markdown]
    assert "Infolinia – szybkie odpowiedzi" in [p.value for p in at.sidebar.get("page_link")]
    picker = at.radio(key="quick.question")
    assert picker.label == "Pytanie dzwoniącej osoby"
    assert picker.options == [q.title for q in QUESTIONS]
    assert picker.value == QUESTIONS[0].key


def test_the_next_deadline_and_fee_are_answered_in_three_interactions_from_the_start_page():
    at = AppTest.from_file(APP, default_timeout=60)
    at.session_state["as_of"] = AS_OF
    at.run()                                          # the start page
    at.switch_page(PAGE)                               # 1. "Infolinia" in the menu
    at.run()
    at.radio(key="quick.question").set_value("egzamin_termin").run()   # 2. the question (already the first)
    at.date_input(key="quick.egzamin_termin.finished_on").set_value(date(2026, 10, 15)).run()  # 3. one date
    assert_ok(at)
    box = answer_box(at)
    assert "sesja wiosenna 2027 r." in box
    assert "wniosek przez SMK do 30 listopada 2026 r." in box
    assert "opłata 350 zł najpóźniej 5 grudnia 2026 r. (sobota) – termin upływa 7 grudnia 2026 r." in box


@pytest.mark.parametrize("question", QUESTIONS, ids=lambda q: q.key)
def test_choosing_each_question_shows_its_inputs_an_answer_and_the_copy_text(question):
    at = open_page()
    choose(at, question.key)
    assert question.title in [s.value for s in at.subheader]
    assert answer_box(at)
    text = copy_text(at)
    assert text.startswith(f"Pytanie: {question.title}")
    assert "Stan prawny na dzień 23 listopada 2026 r." in text
    assert not MARKDOWN.search(text), text
    labels = " ".join(w.label for w in [*at.date_input, *at.radio, *at.selectbox, *at.number_input])
    for i in question.inputs_for({}, AS_OF):
        assert i.label in labels, i.label


def test_changing_the_completion_date_changes_the_answer_at_once():
    at = open_page()
    field = at.date_input(key="quick.egzamin_termin.finished_on")
    field.set_value(date(2027, 5, 31)).run()
    assert "sesja jesienna 2027 r." in answer_box(at)
    at.date_input(key="quick.egzamin_termin.finished_on").set_value(date(2027, 6, 1)).run()
    assert_ok(at)
    box = answer_box(at)
    assert "sesja wiosenna 2028 r." in box and "30 listopada 2027 r." in box
    assert "1 czerwca 2027 r." in copy_text(at)


def test_the_answer_shows_the_dates_the_legal_basis_linked_and_what_to_ask():
    at = open_page()
    markdown = " ".join(m.value for m in at.markdown)
    assert "O co zapytać" in markdown  # no completion date yet
    assert "Data ukończenia specjalizacji" in shown(markdown)
    assert "Terminy" in markdown and "Podstawa prawna" in markdown
    assert "(https://api.sejm.gov.pl/eli/acts/DU/2026/57/text.pdf)" in markdown


def test_the_copy_text_has_no_markdown_even_with_a_field_typed_with_markdown_signs():
    at = open_page()
    choose(at, "zaliczenie")
    by_label(at.radio, "Do czego").set_value("specjalizacja").run()
    by_label(at.radio, "Co ukończyła").set_value("kurs_kwalifikacyjny").run()
    at.date_input(key="quick.zaliczenie.completed_on").set_value(date(2010, 1, 1)).run()
    at.selectbox(key="quick.zaliczenie.field").set_value("pielęgniarstwo chirurgiczne").run()
    at.selectbox(key="quick.zaliczenie.target_field").set_value("pielęgniarstwo chirurgiczne").run()
    assert_ok(at)
    assert answer_box(at).startswith("**Tak, na wniosek")
    text = copy_text(at)
    assert "• Wniosek o zaliczenie – załącznik nr 1" in text
    assert not MARKDOWN.search(text), text


def test_the_doctorate_question_gives_the_exemption_answer_without_a_pwz():
    at = open_page()
    choose(at, "doktorat")
    by_label(at.radio, "Czy ma co najmniej stopień doktora").set_value(True).run()
    assert_ok(at)
    box = answer_box(at)
    assert box.startswith("**Tak, na wniosek – o zwolnieniu decyduje dyrektor CMKP.**")
    assert box in [shown(b.value) for b in at.info]
    assert not any("prawo wykonywania" in b.lower() or "PWZ" in b for b in boxes(at))
    assert "zwolnienie z egzaminu wstępnego" in copy_text(at)
    assert "O co zapytać" not in " ".join(m.value for m in at.markdown)


def test_the_end_of_work_is_asked_once_the_start_is_given_and_a_period_ending_before_it_begins_is_refused():
    at = open_page()
    choose(at, "wejscie")
    assert not [w for w in at.date_input if w.label.startswith("Do kiedy pracowała")]
    at.date_input(key="quick.wejscie.work_start").set_value(date(2024, 1, 1)).run()
    end = by_label(at.date_input, "Do kiedy pracowała")
    end.set_value(date(2023, 1, 1)).run()
    assert_ok(at)
    assert any("koniec zatrudnienia jest wcześniejszy niż początek" in shown(e.value) for e in at.error)


def test_the_entry_answer_moves_from_not_yet_to_yes_as_the_start_of_work_moves_a_month_back():
    at = open_page()
    choose(at, "wejscie")
    by_label(at.radio, "O co pyta").set_value("specjalizacja").run()
    by_label(at.radio, "Czy ma aktualne prawo").set_value(True).run()
    at.date_input(key="quick.wejscie.work_start").set_value(date(2024, 12, 23)).run()
    assert "najwcześniej od 23 grudnia 2026 r." in answer_box(at)
    at.date_input(key="quick.wejscie.work_start").set_value(date(2024, 11, 23)).run()
    assert answer_box(at).startswith("**Tak – możesz złożyć wniosek o specjalizację.**")
    assert answer_box(at) in [shown(b.value) for b in at.success]


def test_the_page_keeps_nothing_but_quick_keys_in_the_session_and_nothing_in_the_url():
    at = AppTest.from_file(APP, default_timeout=60)
    at.session_state["as_of"] = AS_OF
    at.run()
    on_start = set(at.session_state.keys())
    at.switch_page(PAGE)
    at.run()
    choose(at, "komisja")
    by_label(at.number_input, "Liczba zdających").set_value(151).run()
    assert "Komisja liczy 6 członków" in answer_box(at)
    added = set(at.session_state.keys()) - on_start
    assert added and all(k.startswith("quick.") for k in added), added
    assert not at.query_params


def test_nowa_rozmowa_forgets_the_question_the_facts_and_the_code():
    at = open_page()
    choose(at, "komisja")
    by_label(at.number_input, "Liczba zdających").set_value(151).run()
    at.text_input(key="quick.code").set_value("1234").run()
    at.button(key="quick.new_call").click().run()
    assert_ok(at)
    assert at.radio(key="quick.question").value == QUESTIONS[0].key
    assert at.date_input(key="quick.egzamin_termin.finished_on").value is None
    assert at.text_input(key="quick.code").value == ""
    assert not [k for k in at.session_state.keys() if k.startswith("quick.komisja.")]


# --- "Wpisz kod" -----------------------------------------------------------------------------------------------------


def example(name: str) -> Case:
    return Case.model_validate(json.loads((ROOT / "examples" / name).read_text(encoding="utf-8")))


def test_a_bad_code_is_refused_with_the_polish_message():
    if not HAS_CASECODE:
        pytest.skip("logic/casecode.py is not there yet: the page says the code feature is not available")
    from logic import casecode

    at = open_page()
    good = casecode.encode(example("pielegniarka-specjalizacja.json"))
    bad = ("1" if good[0] != "1" else "2") + good[1:]  # one character changed
    at.text_input(key="quick.code").set_value(bad).run()
    assert_ok(at)
    errors = [shown(e.value) for e in at.error]
    assert errors and errors[0] in casecode.MESSAGES.values()
    assert not at.expander, "a refused code shows no result"


def test_a_code_shows_the_same_result_the_caller_sees_on_wynik_and_is_never_logged(caplog):
    if not HAS_CASECODE:
        pytest.skip("logic/casecode.py is not there yet")
    from logic import casecode

    case = example("pielegniarka-specjalizacja.json")
    code = casecode.encode(case)
    wynik = AppTest.from_file(APP, default_timeout=60)
    wynik.session_state["as_of"] = AS_OF
    wynik.session_state["case"] = casecode.decode(code)
    wynik.run()
    wynik.switch_page("app_pages/2_Wynik.py")
    wynik.run()
    at = open_page()
    with caplog.at_level(logging.DEBUG):
        at.text_input(key="quick.code").set_value(code.lower()).run()
    assert_ok(at)
    assert [e.label for e in at.expander] == [e.label for e in wynik.expander] != []
    assert not [b for b in at.button if b.label == "Uzupełnij"], "no button leads into the caller's interview"
    assert code not in caplog.text and code.lower() not in caplog.text
    assert not at.query_params


def test_without_the_case_code_module_the_section_says_the_feature_is_not_available(monkeypatch):
    import ui.quick as QU

    monkeypatch.setattr(QU, "casecode", None)

    def script():
        import ui.quick as page
        page.code_section(__import__("datetime").date(2026, 11, 23))

    at = AppTest.from_function(script, default_timeout=30)
    at.run()
    assert not at.exception
    assert any("nie jest dostępne" in shown(i.value) for i in at.info)
    assert not at.text_input
