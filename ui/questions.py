"""Draw the interview's questions (declared in logic/interview.py) as widgets, and read the answers back.

Every widget has a visible label; the glossary text is its help tooltip. Widget keys carry the interview's revision
(`iv.<rev>.<path>`), so that a step drawn again after a change elsewhere starts from the case, while a step drawn
again after a refused submit keeps what the person typed. Lists (work periods, courses …) are drawn by ui/lists.py,
one item at a time; no question is a grid.
"""
from __future__ import annotations

import typing
from datetime import date
from typing import Any

import streamlit as st
from annotated_types import MaxLen
from pydantic import BaseModel

from logic.case import Case
from logic.interview import YES_NO_LABELS, Kind, Question, get_path, session_label, sessions_around
from ui import lists
from ui.lists import field_suggestions
from ui.text import plain

NEAREST_SESSION = "najbliższa możliwa"
DATE_MIN, DATE_MAX = lists.DATE_MIN, lists.DATE_MAX  # the case model's own bounds (logic/case.py)

# (where, message for the top of the step, message beside the question); `where` is a question's path, or for a
# list's item fields see lists.anchor
Problem = tuple[str | None, str, str]


def widget_key(rev: int, path: str, suffix: str = "") -> str:
    return f"iv.{rev}.{path}{suffix}"


def _labels(options: tuple[tuple[Any, str], ...]) -> dict[Any, str]:
    return {v: label for v, label in options}


def draw(q: Question, value: Any, rev: int, case: Case, as_of: date, *, step_key: str,
         errors: list[Problem] = (), answered: bool = False) -> None:
    """Draw one question with its current `value` (from the case) and, beside it, the `errors` that concern it.
    `answered`: whether the person has already saved this step (a list's "Nie mam" is then shown as she left it)."""
    if q.kind is Kind.TABLE:
        lists.draw(step_key, q, rev, case, as_of, list(errors), answered=answered)
        return
    _draw_widget(q, value, rev, case, as_of)
    for where, _, message in errors:
        if where == q.path:
            st.error(plain(message), icon=":material/error:")


def widget_value(q: Question, value: Any, case: Case, as_of: date) -> Any:
    """The value `q`'s widget starts from, for the case's `value` (pure: no Streamlit); lists: ui/lists.py."""
    if q.kind is Kind.CHOICE:
        values = [v for v, _ in q.options]
        return value if value in values else None
    if q.kind is Kind.TEXT:
        return value or ""
    if q.kind is Kind.FIELD:
        return value if value in field_suggestions(case.profession, value) else None
    if q.kind is Kind.SESSION:
        return value if value in session_options(value, as_of) else None
    return value  # YES_NO, NUMBER, DATE: the widget holds the case's value itself


def answer_of(q: Question, widget: Any, value: Any, case: Case, as_of: date) -> Any:
    """The answer the widget's `widget` value gives, for the case's `value` (pure: no Streamlit): a widget left as
    it started gives the case's value back unchanged, whatever it held; otherwise the widget's value, cleaned."""
    start = widget_value(q, value, case, as_of)
    if widget == start and type(widget) is type(start):
        return value
    if q.kind is Kind.NUMBER and widget is not None:
        return int(widget)
    if q.kind in (Kind.FIELD, Kind.TEXT) and isinstance(widget, str):
        return widget.strip() or None
    return widget


def session_options(value: str | None, as_of: date) -> list[str | None]:
    """The sessions offered for the goal's session: the nearest possible, this year's and the next two years'
    sessions, and the case's own value when it lies outside them."""
    sessions: list[str | None] = [None, *sessions_around(as_of.year, before=0, after=2)]
    if value and value not in sessions:
        sessions.append(value)
    return sessions


def text_limit(path: str) -> int:
    """The longest text the case model takes at `path` ("person.surname"); 300 when it says nothing."""
    model: Any = Case
    field = None
    for part in path.split("."):
        fields = getattr(model, "model_fields", {})
        field = fields.get(part)
        if field is None:
            return 300
        args = [field.annotation, *typing.get_args(field.annotation)]
        model = next((a for a in args if isinstance(a, type) and issubclass(a, BaseModel)), None)
    for m in getattr(field, "metadata", ()):
        if isinstance(m, MaxLen):
            return m.max_length
    return 300


def _draw_widget(q: Question, value: Any, rev: int, case: Case, as_of: date) -> None:
    key = widget_key(rev, q.path)
    help_text = q.tooltip(as_of)
    start = widget_value(q, value, case, as_of)
    if q.kind is Kind.CHOICE:
        values = [v for v, _ in q.options]
        labels = _labels(q.options)
        index = values.index(start) if start in values else None
        st.radio(q.label, values, index=index, format_func=labels.get, key=key, help=help_text)
    elif q.kind is Kind.YES_NO:
        values = [True, False, None]
        st.radio(q.label, values, index=values.index(start), format_func=YES_NO_LABELS.get, key=key,
                 help=help_text, horizontal=True)
    elif q.kind is Kind.TEXT:
        st.text_input(q.label, value=start, key=key, help=help_text, max_chars=max(text_limit(q.path), len(start)))
    elif q.kind is Kind.NUMBER:
        st.number_input(q.label, value=start, key=key, help=help_text, step=1, format="%d",
                        min_value=int(q.minimum) if q.minimum is not None else None,
                        max_value=int(q.maximum) if q.maximum is not None else None,
                        placeholder="nie podano")
    elif q.kind is Kind.DATE:
        st.date_input(q.label, value=start, key=key, help=help_text, format="DD.MM.YYYY", min_value=DATE_MIN,
                      max_value=DATE_MAX)
    elif q.kind is Kind.FIELD:
        options = field_suggestions(case.profession, value)
        st.selectbox(q.label, options, index=options.index(start) if start in options else None, key=key,
                     help=help_text, accept_new_options=True,
                     placeholder="Wybierz z listy albo wpisz własną (Enter zatwierdza)")
    elif q.kind is Kind.SESSION:
        sessions = session_options(value, as_of)
        st.selectbox(q.label, sessions, index=sessions.index(start) if start in sessions else 0, key=key,
                     help=help_text, format_func=lambda s: NEAREST_SESSION if s is None else session_label(s))
    else:  # pragma: no cover - every kind is drawn above
        raise ValueError(q.kind)


def read(q: Question, rev: int, case: Case, as_of: date) -> Any:
    """The answer to `q` as the person left it in the widgets (in a callback, before the page runs again), given
    the `case` the step was drawn from (a widget left as it started gives the case's value back)."""
    if q.kind is Kind.TABLE:
        return lists.answer(q, rev)
    value = get_path(case.model_dump(mode="python"), q.path)
    return answer_of(q, st.session_state.get(widget_key(rev, q.path)), value, case, as_of)


def before_submit(step_key: str, q: Question, rev: int) -> list[Problem]:
    """What "Dalej" and "Wstecz" do for `q` before the step's answers are read: a list adds the item typed but not
    yet added. Returns the problems."""
    if q.kind is Kind.TABLE:
        return lists.before_submit(step_key, q, rev)
    return []


def unanswered(q: Question, rev: int) -> list[Problem]:
    """For a list left empty without its explicit answer ("Nie mam …"): the problem to show. Empty otherwise."""
    if q.kind is Kind.TABLE:
        return lists.unanswered(q, rev)
    return []


def current_value(case_data: dict, q: Question) -> Any:
    return get_path(case_data, q.path)


def show_value(q: Question, value: Any) -> str:
    """An answer as text for the review step."""
    if q.kind is Kind.CHOICE:
        label = _labels(q.options).get(value)
        return label if label is not None else "nie podano"
    if q.kind is Kind.YES_NO:
        return YES_NO_LABELS[value]
    if value is None or value == "":
        return "nie podano"
    if q.kind is Kind.DATE:
        return value.strftime("%d.%m.%Y")
    if q.kind is Kind.SESSION:
        return session_label(value)
    return str(value)


def _label(text: str) -> str:
    """"Co chcesz zrobić?" stays as it is; "Nazwisko" becomes "Nazwisko:"."""
    return text if text.endswith("?") else text + ":"


def review_markdown(q: Question, value: Any) -> str:
    """One answer for the review step as Markdown: our label in bold, the answer escaped (`plain`) – what the
    person typed is shown as it is, never read as Markdown. A list shows one numbered line per item."""
    if q.kind is Kind.TABLE:
        return lists.review_markdown(q, value)
    return f"**{plain(_label(q.label))}** {plain(show_value(q, value))}"
