"""Draw the interview's questions (declared in logic/interview.py) as widgets, and read the answers back.

Every widget has a visible label; the glossary text is its help tooltip. Widget keys carry the interview's revision
(`iv.<rev>.<path>`), so that a step drawn again after a change elsewhere starts from the case, while a step drawn
again after a refused submit keeps what the person typed.
"""
from __future__ import annotations

from datetime import date
from typing import Any

import streamlit as st

from logic import fields as F
from logic.case import Case, Form
from logic.interview import (YES_NO_LABELS, Column, Kind, Question, get_path, session_label, sessions_around)
from ui import tables

NEAREST_SESSION = "najbliższa możliwa"
UNKNOWN_LIST = "Nie wiem / podam później"
DATE_MIN, DATE_MAX = date(1950, 1, 1), date(2100, 12, 31)


def widget_key(rev: int, path: str, suffix: str = "") -> str:
    return f"iv.{rev}.{path}{suffix}"


def field_suggestions(profession: Any, current: str | None = None) -> list[str]:
    names: dict[str, None] = {}
    for form in (Form.SPECJALIZACJA, Form.KURS_KWALIFIKACYJNY):
        for name in F.fields_for(form, profession):
            names.setdefault(name, None)
    out = sorted(names)
    if current and current not in names:
        out.insert(0, current)
    return out


def _labels(options: tuple[tuple[Any, str], ...]) -> dict[Any, str]:
    return {v: label for v, label in options}


def _column_config(c: Column, as_of: date) -> Any:
    cc = st.column_config
    if c.kind is Kind.DATE:
        return cc.DateColumn(c.label, help=c.help or None, format="DD.MM.YYYY", min_value=DATE_MIN,
                             max_value=DATE_MAX)
    if c.kind is Kind.NUMBER:
        return cc.NumberColumn(c.label, help=c.help or None, min_value=c.minimum, max_value=c.maximum,
                               step=1 if c.scale == 1 else 0.1)
    if c.kind is Kind.BOOL:
        return cc.CheckboxColumn(c.label, help=c.help or None, default=c.default)
    if c.kind in (Kind.CHOICE, Kind.YES_NO):
        return cc.SelectboxColumn(c.label, help=c.help or None, options=[label for _, label in c.options])
    if c.kind is Kind.SESSION:
        return cc.SelectboxColumn(c.label, help=c.help or "Sesja: wiosna albo jesień danego roku.",
                                  options=sessions_around(as_of.year, before=15, after=2), format_func=session_label)
    return cc.TextColumn(c.label, help=c.help or None, max_chars=500)


def draw(q: Question, value: Any, rev: int, case: Case, as_of: date) -> None:
    """Draw one question with its current `value` (from the case)."""
    key = widget_key(rev, q.path)
    help_text = q.tooltip(as_of)
    if q.kind is Kind.CHOICE:
        values = [v for v, _ in q.options]
        labels = _labels(q.options)
        index = values.index(value) if value in values else (values.index(None) if None in values else None)
        st.radio(q.label, values, index=index, format_func=labels.get, key=key, help=help_text)
    elif q.kind is Kind.YES_NO:
        values = [True, False, None]
        st.radio(q.label, values, index=values.index(value), format_func=YES_NO_LABELS.get, key=key,
                 help=help_text, horizontal=True)
    elif q.kind is Kind.TEXT:
        st.text_input(q.label, value=value or "", key=key, help=help_text, max_chars=300)
    elif q.kind is Kind.NUMBER:
        st.number_input(q.label, value=value, key=key, help=help_text, step=1, format="%d",
                        min_value=int(q.minimum) if q.minimum is not None else None,
                        max_value=int(q.maximum) if q.maximum is not None else None,
                        placeholder="nie podano")
    elif q.kind is Kind.DATE:
        st.date_input(q.label, value=value, key=key, help=help_text, format="DD.MM.YYYY", min_value=DATE_MIN,
                      max_value=DATE_MAX)
    elif q.kind is Kind.FIELD:
        options = field_suggestions(case.profession, value)
        st.selectbox(q.label, options, index=options.index(value) if value in options else None, key=key,
                     help=help_text, accept_new_options=True,
                     placeholder="Wybierz z listy albo wpisz własną (Enter zatwierdza)")
    elif q.kind is Kind.SESSION:
        sessions: list[str | None] = [None, *sessions_around(as_of.year, before=0, after=2)]
        if value and value not in sessions:
            sessions.append(value)
        st.selectbox(q.label, sessions, index=sessions.index(value) if value in sessions else 0, key=key,
                     help=help_text, format_func=lambda s: NEAREST_SESSION if s is None else session_label(s))
    elif q.kind is Kind.TABLE:
        _draw_table(q, value, rev, help_text, as_of)
    else:  # pragma: no cover - every kind is drawn above
        raise ValueError(q.kind)


def _draw_table(q: Question, rows: list[dict] | None, rev: int, help_text: str | None, as_of: date) -> None:
    key = widget_key(rev, q.path)
    ss = st.session_state
    # The rows the editor is drawn with must stay the same while it lives: its state is a diff against them.
    if key not in ss or key + "#base" not in ss:
        ss[key + "#base"] = tables.to_cells(q, rows)
    st.markdown(f"**{q.label}**" + ("" if q.unknown_allowed else " (zostaw pustą, jeśli nie dotyczy)"),
                help=help_text)
    st.data_editor(tables.frame_of(q, ss[key + "#base"]), key=key, num_rows="dynamic", hide_index=True,
                   width="stretch", column_config={c.name: _column_config(c, as_of) for c in q.columns})
    st.caption("Aby dodać wiersz, kliknij pusty wiersz na dole tabeli (albo przycisk „+” nad tabelą) i wpisz "
               "dane; Enter zatwierdza komórkę, strzałki i Tab przechodzą między komórkami. Aby usunąć wiersz, "
               "zaznacz go z lewej strony i naciśnij Delete.")
    if q.unknown_allowed:
        st.radio(q.empty_prompt, [UNKNOWN_LIST, q.none_answer],
                 index=1 if rows == [] else 0, key=key + "#state", help=help_text, horizontal=True)


def read(q: Question, rev: int) -> Any:
    """The answer to `q` as the person left it in the widgets (in a callback, before the page runs again)."""
    ss = st.session_state
    key = widget_key(rev, q.path)
    if q.kind is Kind.TABLE:
        cells = tables.apply_edits(ss.get(key + "#base", []), ss.get(key))
        rows = tables.from_cells(q, cells)
        if q.unknown_allowed and all(tables.is_empty_row(q, r) for r in rows):
            return [] if ss.get(key + "#state") == q.none_answer else None
        return rows
    value = ss.get(key)
    if q.kind is Kind.NUMBER and value is not None:
        return int(value)
    if q.kind is Kind.FIELD and isinstance(value, str):
        return value.strip() or None
    return value


def incomplete_rows(q: Question, rev: int) -> list[tuple[str, str]]:
    """For a table question: the rows the person added or changed that lack a cell they need, as (message for the
    top of the step, message beside the table); see tables.incomplete_rows. Empty for other questions.

    Rows added but arriving empty are refused once: the same empty rows submitted again are dropped (remembered
    under the editor's key + "#empty")."""
    if q.kind is not Kind.TABLE:
        return []
    ss = st.session_state
    key = widget_key(rev, q.path)
    base, state = ss.get(key + "#base", []), ss.get(key)
    rows = tables.from_cells(q, tables.apply_edits(base, state))
    found = tables.origins(base, state)
    empty_added = [n for n, (row, origin) in enumerate(zip(rows, found))
                   if origin == tables.ADDED and tables.is_empty_row(q, row)]
    problems = tables.incomplete_rows(q, rows, found, empty_added_ok=ss.get(key + "#empty") == empty_added)
    ss[key + "#empty"] = empty_added
    return problems


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


def table_preview(q: Question, rows: list[dict] | None):
    """A read-only table of the rows, with the column labels as headers (for the review step)."""
    cells = tables.to_cells(q, rows)
    df = tables.frame_of(q, cells)
    for c in q.columns:
        if c.kind is Kind.DATE:
            df[c.name] = df[c.name].dt.strftime("%d.%m.%Y").fillna("")
        elif c.kind is Kind.BOOL:
            df[c.name] = df[c.name].map({True: "tak", False: "nie"})
        elif c.kind is Kind.SESSION:
            df[c.name] = df[c.name].map(lambda s: session_label(s) if isinstance(s, str) else "")
    return df.rename(columns={c.name: c.label for c in q.columns})
