"""The help desk's page ("Infolinia – szybkie odpowiedzi"): the question picker, each question's few inputs as
widgets, the answer as it comes from logic/quick.py, and the "Wpisz kod" section that shows the result a caller sees
on "Wynik" from the code she reads out.

Nothing here decides: the questions, their routing and their answers are in `logic.quick`; a decoded case is
assessed by `logic.assess` and shown with the same cards as "Wynik" (ui/decisions.py). Every text that can carry
what someone typed (a field's name, a code's error) is shown literally (`ui.text.plain`); the copy text is plain
text in `st.code`, which has a copy button.

State: only widget keys starting "quick." – the chosen question (`quick.question`), each input
(`quick.<question>.<input>`, with a suffix naming the choices when they depend on other answers or on the day, so a
changed list starts a fresh widget), the code (`quick.code`) and the "Nowa rozmowa" button, which forgets the others.
Streamlit also drops them when another page is opened. No names are asked; the code is never put in the URL or
logged.
"""
from __future__ import annotations

import zlib
from datetime import date
from typing import Any

import streamlit as st

from logic.assess import Assessment, assess
from logic.case import EARLIEST_DAY, LATEST_DAY, Case
from logic.decision import Outcome
from logic.interview import YES_NO_LABELS
from logic.periods import polish_date
from logic import quick as Q
from ui import decisions as D
from ui import state as S
from ui.text import plain

try:  # the case code is written beside this page; without it the section says it is not available
    from logic import casecode
except ImportError:  # pragma: no cover - depends on the release
    casecode = None  # type: ignore[assignment]

QUESTION = "quick.question"
CODE = "quick.code"
NEW_CALL = "quick.new_call"
PREFIX = "quick."

# How an answer's first line is shown: a box of its kind and an icon, before the verdict's words (the status is never
# told by colour alone).
BOXES: dict[Outcome | None, tuple[str, str]] = {
    Outcome.MEETS: ("success", ":material/check_circle:"),
    Outcome.ON_REQUEST: ("info", ":material/gavel:"),
    Outcome.FOR_DECISION: ("info", ":material/gavel:"),
    Outcome.DOES_NOT_MEET: ("warning", ":material/cancel:"),
    Outcome.NEEDS_REVIEW: ("warning", ":material/help:"),
    None: ("warning", ":material/help:"),
}
NEUTRAL = ("info", ":material/description:")  # a question whose answer is a list (documents), not a yes or no


# --- a new call ------------------------------------------------------------------------------------------------------


@S.guarded
def new_call() -> None:
    """Forget the question, every fact typed and the code: the next caller starts from the first question."""
    ss = st.session_state
    for key in [k for k in ss if isinstance(k, str) and k.startswith(PREFIX) and k != NEW_CALL]:
        del ss[key]


def new_call_button() -> None:
    st.button("Nowa rozmowa", key=NEW_CALL, on_click=new_call, icon=":material/restart_alt:",
              help="Czyści wybrane pytanie, wpisane fakty i kod – przed następną rozmową.")


# --- the question and its inputs -------------------------------------------------------------------------------------


def pick_question() -> Q.QuickQuestion:
    """The question picker: every question, the most common first; the first is chosen to start with."""
    keys = [q.key for q in Q.QUESTIONS]
    key = st.radio("Pytanie dzwoniącej osoby", keys, format_func=lambda k: Q.BY_KEY[k].title, key=QUESTION,
                   help="Najczęstsze pytania są na górze. Odpowiedź zmienia się od razu, gdy wpisujesz dane.")
    return Q.BY_KEY[key]


def widget_key(q: Q.QuickQuestion, i: Q.Input, options: Q.Options) -> str:
    key = f"{PREFIX}{q.key}.{i.key}"
    if callable(i.options):  # the list depends on other answers or on the day: a changed list is a new widget
        key += f".{zlib.crc32('|'.join(str(v) for v, _ in options).encode()):08x}"
    return key


def _label(i: Q.Input) -> str:
    if i.optional or i.kind in (Q.InputKind.YES_NO, Q.InputKind.CHOICE):
        return i.label
    return f"{i.label} (puste = nie wiem)"


def draw_input(q: Q.QuickQuestion, i: Q.Input, values: dict[str, Any], as_of: date) -> Any:
    """One input's widget; returns its value (None = "nie wiem")."""
    options = i.options_for(values, as_of)
    key = widget_key(q, i, options)
    tip = i.help or None
    if i.kind is Q.InputKind.DATE:
        return st.date_input(_label(i), value=None, key=key, help=tip, format="DD.MM.YYYY", min_value=EARLIEST_DAY,
                             max_value=LATEST_DAY)
    if i.kind is Q.InputKind.YES_NO:
        choices = [True, False, None]
        return st.radio(i.label, choices, index=2, format_func=YES_NO_LABELS.get, key=key, help=tip, horizontal=True)
    if i.kind is Q.InputKind.CHOICE:
        labels = dict(options)
        choices = [*labels, None]
        return st.radio(i.label, choices, index=len(choices) - 1, key=key, help=tip,
                        format_func=lambda v: i.none_label if v is None else labels[v])
    if i.kind is Q.InputKind.SESSION:
        labels = dict(options)
        return st.selectbox(i.label, [None, *labels], index=0, key=key, help=tip,
                            format_func=lambda v: i.none_label if v is None else labels[v])
    if i.kind is Q.InputKind.INT:
        return st.number_input(_label(i), value=None, min_value=i.minimum, max_value=i.maximum, step=1, format="%d",
                               key=key, help=tip, placeholder="nie wiem")
    if i.kind is Q.InputKind.FIELD:
        value = st.selectbox(_label(i), i.suggestions(), index=None, key=key, help=tip, accept_new_options=True,
                             placeholder="nie wiem – wybierz z listy albo wpisz (Enter zatwierdza)")
        return (value or "").strip() or None
    raise ValueError(i.kind)  # pragma: no cover - every kind is drawn above


def draw_inputs(q: Q.QuickQuestion, as_of: date) -> dict[str, Any]:
    """The question's inputs in order, each drawn only when the answers before it make it matter."""
    values: dict[str, Any] = {i.key: None for i in q.inputs}
    for i in q.inputs:
        if i.applies(values, as_of):
            values[i.key] = draw_input(q, i, values, as_of)
    return values


# --- the answer ------------------------------------------------------------------------------------------------------


def _bullets(items: list[str]) -> str:
    return "\n".join(f"- {plain(item)}" for item in items)


def show_answer(a: Q.QuickAnswer) -> None:
    kind, icon = NEUTRAL if a.key == Q.DOKUMENTY.key and a.outcome is not None else BOXES[a.outcome]
    verdict = a.verdict if a.verdict.endswith(".") else a.verdict + "."
    text = f"**{plain(verdict)}**" + (f" {plain(a.headline)}" if a.headline else "")
    getattr(st, kind)(text, icon=icon)
    if a.steps:
        st.markdown("**:material/event: Terminy**")
        st.markdown("\n".join(f"- **{plain(when)}** – {plain(what)}" for when, what in a.dates()))
    if a.also:
        st.markdown("**:material/add_circle: Ponadto**")
        st.markdown(_bullets(a.also))
    if a.ask:
        st.markdown("**:material/contact_support: O co zapytać**")
        st.markdown(_bullets(a.ask))
    if a.documents:
        st.markdown("**:material/folder_open: Dokumenty do przygotowania**")
        st.markdown(_bullets(a.documents))
    if a.notes:
        st.markdown("**:material/lightbulb: Jak rozumiemy przepisy**")
        st.markdown(_bullets([n.text for n in a.notes]))
    if a.legal_basis:
        st.markdown("**:material/balance: Podstawa prawna**")
        st.markdown("\n".join(f"- [{plain(r.citation)}]({r.url})" for r in a.legal_basis))
    st.markdown("**:material/content_copy: Tekst do skopiowania** (e-mail, czat)")
    st.caption("Przycisk kopiowania jest w prawym górnym rogu pola poniżej.")
    # the whole text, not a 320 px box that scrolls: a scrolled <pre> has no keyboard access (axe
    # scrollable-region-focusable), and Streamlit's copy button is the only focusable part of the block
    st.code(a.plain_text(), language=None, wrap_lines=True)


def question_section(as_of: date) -> None:
    """The picker and the chosen question's inputs on the left, its answer on the right (below them on a narrow
    screen), so the answer stays in sight while the facts are typed."""
    # the section's own h2, so that the question's and the answer's h3 do not follow the page's h1 directly
    st.header(":material/quiz: Szybka odpowiedź", divider="gray", anchor=False)
    left, right = st.columns([2, 3], gap="large")
    with left:
        q = pick_question()
        st.subheader(q.title, anchor=False)
        st.caption(q.description)
        values = draw_inputs(q, as_of)
    with right:
        st.subheader(":material/record_voice_over: Odpowiedź", anchor=False)
        try:
            a = Q.answer(q.key, values, as_of)
        except Q.QuickInputError as err:
            st.error("Tych danych nie da się połączyć – popraw je:\n\n" + _bullets(err.messages),
                     icon=":material/error:")
            return
        st.caption(f"Na dzień {polish_date(a.as_of)} (przepisy sprawdzone na dzień {polish_date(a.law_checked_on)}); "
                   "dzień zmienisz w „Stan prawny na dzień” z boku.")
        show_answer(a)


# --- "Wpisz kod" -----------------------------------------------------------------------------------------------------


def show_result(assessment: Assessment) -> None:
    """The result the caller sees on "Wynik": the same cards, without the buttons that lead to her interview."""
    D.show_result(assessment, fillable=False, key_prefix="quick.code.", section=st.subheader)


def code_section(as_of: date) -> None:
    st.header(":material/pin: Wpisz kod", divider="gray", anchor=False)
    if casecode is None:
        st.info("Odczytywanie kodu sprawy nie jest dostępne w tej wersji asystenta. Odpowiedz na pytania powyżej.",
                icon=":material/info:")
        return
    st.caption("Osoba, która dzwoni w sprawie swojego wyniku, odczytuje kod ze strony „Wynik”. Kod nie zawiera "
               "danych osobowych; nie zapisujemy go i nie umieszczamy w adresie strony.")
    code = st.text_input("Kod sprawy ze strony „Wynik”", key=CODE, max_chars=300, placeholder="np. 1Y4A-…",
                         help="Wielkość liter, spacje i myślniki nie mają znaczenia. Enter zatwierdza.")
    if not code or not code.strip():
        return
    try:
        case: Case = casecode.decode(code)
    except casecode.CaseCodeError as err:
        st.error(plain(str(err)), icon=":material/error:")
        return
    st.success("Kod odczytany. Poniżej ten sam wynik, który ta osoba widzi na stronie „Wynik”.",
               icon=":material/check_circle:")
    unlisted = getattr(casecode, "unlisted_fields", None)
    if unlisted is not None and unlisted(case):
        st.info("Dziedziny spoza naszej listy kod przenosi bez nazwy („dziedzina spoza listy nr …”): zapytaj, jak "
                "się nazywają.", icon=":material/info:")
    show_result(assess(case, as_of))
