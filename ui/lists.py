"""The interview's lists – work periods, courses, titles … – built one item at a time ("add another", as GOV.UK).

A list question (Kind.TABLE in logic/interview.py, its `columns` the item's fields) is drawn inside its step's form:
- the items already given, each as plain text (what the person typed is escaped, never read as Markdown) with
  "Zmień" and "Usuń" beside it; "Zmień" opens the item's fields in its place, with "Zapisz zmiany" and "Anuluj";
- while the list is empty, the explicit answer: "Nie mam … / nie dotyczy" (and "Nie wiem" where the case can hold
  it: `Question.unknown_allowed`, see logic/case.py – `None` is "nie wiem", `[]` is none);
- a small block of labelled fields, one per column (a date picker for a date, a choice for a kind or a field, a box
  for a name), with "Dodaj" and "Wyczyść pola".

Every button is a submit button of the step's one form, so whatever was typed elsewhere in the step travels with it
and stays. "Dodaj", "Zapisz zmiany" and "Usuń" write the list into the case at once – an added item is kept like any
saved answer; the step's other answers are saved by "Dalej". "Dalej" (and "Wstecz") add an item whose fields were
filled but not yet added, as "Dodaj" would, so nothing typed is lost; an item lacking a needed field
(`Question.needs`) is refused with the message beside that field and at the top of the step.

State, under the interview's keys `iv.<rev>.<path>…` (dropped by "Wyczyść dane" and when a case is loaded):
`#n` the revision of the item fields (bumped to start them again: empty, or from the item being changed), `#edit`
the index of the item being changed, `#<n>.<column>` the fields, `#none` the explicit answer, `#msg` a confirmation
shown once.
"""
from __future__ import annotations

import typing
from datetime import date
from typing import Any

import streamlit as st
from annotated_types import MaxLen
from pydantic import ValidationError

from logic import fields as F
from logic.case import EARLIEST_DAY, LATEST_DAY, Case, Form
from logic.errors import describe
from logic.interview import (Column, Kind, Question, apply_answers, get_path, is_blank_item, item_problems,
                             session_label, sessions_around)
from ui import state as S
from ui.text import plain

UNKNOWN_LIST = "Nie wiem / podam później"
# The date pickers take every date the case model takes (logic/case.py), so that any loaded case can be shown.
DATE_MIN, DATE_MAX = EARLIEST_DAY, LATEST_DAY
NEW_ITEM = "nowy wpis"  # how the top of the step names an item not yet added


# --- keys ------------------------------------------------------------------------------------------------------


def base_key(rev: int, path: str) -> str:
    return f"iv.{rev}.{path}"


def field_key(rev: int, path: str, n: int, column: str) -> str:
    """The widget key of one field of the item block (revision `n`, see `fields_revision`)."""
    return f"{base_key(rev, path)}#{n}.{column}"


def none_key(rev: int, path: str) -> str:
    """The widget key of the explicit answer shown while the list is empty."""
    return f"{base_key(rev, path)}#none"


def fields_revision(rev: int, path: str) -> int:
    return st.session_state.get(base_key(rev, path) + "#n", 0)


def editing(rev: int, path: str) -> int | None:
    """The index of the item being changed, or None (the fields then add a new item)."""
    return st.session_state.get(base_key(rev, path) + "#edit")


ITEM = "item"  # as a column name for `anchor`: the item as a whole (a problem between its fields)


def anchor(q: Question, column: str | None = None) -> str:
    """Where an error is shown: beside the list (`column` None), beside one of the item's fields, or (`ITEM`)
    above the item's fields."""
    return q.path if column is None else f"{q.path}#{column}"


# --- values: case <-> widgets <-> text -------------------------------------------------------------------------


def _value_key(v: Any) -> Any:
    return getattr(v, "value", v)


def _labels(c: Column) -> dict[Any, str]:
    return {_value_key(v): label for v, label in c.options}


def items_of(case: Case, q: Question) -> list[dict] | None:
    """The list as the case holds it (None: "nie wiem"), items as python values (enums, dates)."""
    return get_path(case.model_dump(mode="python"), q.path)


def to_widget(c: Column, value: Any) -> Any:
    """A case value as its widget holds it."""
    if c.kind is Kind.BOOL:
        return bool(c.default) if value is None else bool(value)
    if c.kind is Kind.NUMBER:
        if value is None:
            return None
        shown = value / c.scale
        return int(shown) if c.scale == 1 and float(shown).is_integer() else float(shown)
    if c.kind is Kind.CHOICE:
        values = [v for v, _ in c.options]
        return next((v for v in values if _value_key(v) == _value_key(value)), None)
    if c.kind is Kind.TEXT:
        return value or ""
    if c.kind is Kind.YES_NO:  # the radio holds labels: a None option would read as "nothing chosen"
        return _labels(c).get(value)
    return value


def from_widget(c: Column, value: Any) -> Any:
    """A widget's value as the case value (None when empty)."""
    if c.kind is Kind.BOOL:
        return bool(c.default) if value is None else bool(value)
    if c.kind is Kind.YES_NO:
        return _from_label(c, value)
    if isinstance(value, str):
        value = value.strip()
        return value or None
    if c.kind is Kind.NUMBER and value is not None:
        number = float(value) * c.scale
        return int(number) if c.scale == 1 and number.is_integer() else round(number, 6)
    if c.kind is Kind.CHOICE and value is not None:
        return _value_key(value)
    return value


def _same_widget(a: Any, b: Any) -> bool:
    return type(a) is type(b) and a == b


def item_from_widgets(q: Question, widgets: dict[str, Any], seed: dict | None = None) -> dict:
    """The item the fields hold, as case values (pure: no Streamlit): `widgets` maps a column's name to its
    widget's value. While an item is changed (`seed`: the item as the case holds it) a field left as it started
    gives the item's own value back, so that "Zapisz zmiany" with nothing changed puts back the same item."""
    item = {c.name: from_widget(c, widgets.get(c.name)) for c in q.columns}
    if seed is None:
        return item
    for c in q.columns:
        if _same_widget(widgets.get(c.name), to_widget(c, seed.get(c.name))):
            item[c.name] = seed.get(c.name)
    return {**seed, **item}


def none_start(q: Question, value: list | None, answered: bool) -> Any:
    """What the explicit answer shown while the list is empty starts from (pure): for a list that may be unknown
    the choice between `none_answer` and "nie wiem", else the tick "Nie mam …" – ticked when the step was saved
    with no items."""
    if q.unknown_allowed:
        return q.none_answer if value == [] else UNKNOWN_LIST
    return bool(answered and value == [])


def list_answer(q: Question, items: list[dict] | None, none_value: Any) -> list[dict] | None:
    """The list's answer for "Dalej" (pure): the items the case holds, or – while there are none – `[]` for
    "nie mam / nie dotyczy" and None for "nie wiem" (`none_value`: the explicit answer's widget value)."""
    if items:
        return items
    if q.unknown_allowed:
        return [] if none_value == q.none_answer else None
    return []


def _from_label(c: Column, label: Any) -> Any:
    return next((v for v, text in c.options if text == label), None)


def _number_text(x: float) -> str:
    return f"{x:g}".replace(".", ",")


def shown_value(c: Column, value: Any) -> str | None:
    """A field's value as text for the summary, or None when there is nothing worth showing (empty, a tick as it
    starts, "nie wiem")."""
    if c.kind is Kind.BOOL:
        if value is None or bool(value) == bool(c.default):
            return None
        return "tak" if value else "nie"
    if value is None or value == "":
        return None
    if c.kind in (Kind.CHOICE, Kind.YES_NO):
        return _labels(c).get(_value_key(value), str(_value_key(value)))
    if c.kind is Kind.DATE:
        return value.strftime("%d.%m.%Y") if isinstance(value, date) else str(value)
    if c.kind is Kind.NUMBER:
        return _number_text(float(value) / c.scale)
    if c.kind is Kind.SESSION:
        return session_label(value) if isinstance(value, str) and "-" in value else str(value)
    return str(value)


def item_title(q: Question, index: int) -> str:
    """"Okres pracy 2" – the item's name and its number on the list (counted from 1)."""
    return f"{q.item[:1].upper()}{q.item[1:]} {index + 1}"


def item_parts(q: Question, item: dict) -> list[str]:
    """The item's given fields as "Etykieta: wartość", Markdown-safe: the values are escaped (`plain`)."""
    out = []
    for c in q.columns:
        text = shown_value(c, item.get(c.name))
        if text is not None:
            out.append(f"{plain(c.label)}: {plain(text)}")
    return out


def review_markdown(q: Question, items: list[dict] | None) -> str:
    """The list for the review step, as Markdown with every value escaped: one numbered line per item."""
    if items is None:
        return f"**{plain(q.label)}:** nie wiem"
    if not items:
        return f"**{plain(q.label)}:** brak"
    lines = [f"**{plain(q.label)}:**"]
    for i, item in enumerate(items):
        lines.append(f"{i + 1}\\. " + " · ".join(item_parts(q, item) or ["(bez szczegółów)"]))
    return "  \n".join(lines)


def needs_text(q: Question) -> str:
    """"Wymagane: „Od”; „Do” albo „Trwa”. …" – which fields an item must have, said above its fields."""
    labels = {c.name: c.label for c in q.columns}
    parts = [" albo ".join(f"„{labels[name]}”" for name in (*need.columns, *(
        [need.waived_by] if need.waived_by else []))) for need in q.needs]
    return "Wymagane: " + "; ".join(parts) + ". Pozostałe pola możesz zostawić puste." if parts else ""


def _item_model(q: Question) -> type | None:
    annotation = Case.model_fields[q.path].annotation
    for arg in (annotation, *typing.get_args(annotation)):
        if typing.get_origin(arg) is list:
            return typing.get_args(arg)[0]
    return None


def max_chars(q: Question, c: Column) -> int:
    """The longest text the case model takes for this field (300 when it says nothing)."""
    model = _item_model(q)
    field = getattr(model, "model_fields", {}).get(c.name)
    for m in getattr(field, "metadata", ()):
        if isinstance(m, MaxLen):
            return m.max_length
    return 300


# --- reading the fields ----------------------------------------------------------------------------------------


def read_fields(q: Question, rev: int, seed: dict | None = None) -> dict:
    """The item as the person left it in the fields, as case values (`seed`: the item being changed)."""
    ss = st.session_state
    n = fields_revision(rev, q.path)
    return item_from_widgets(q, {c.name: ss.get(field_key(rev, q.path, n, c.name)) for c in q.columns}, seed)


def fields_begun(q: Question, rev: int) -> bool:
    """Whether something was typed into the item's fields (while changing an item, always: they hold it)."""
    return editing(rev, q.path) is not None or not is_blank_item(q, read_fields(q, rev))


# --- changing the list -----------------------------------------------------------------------------------------


def _set_errors(step_key: str, items: list[tuple[str, str, str]]) -> None:
    st.session_state[S.ERRORS] = {"step": step_key, "items": items} if items else None


def _restart_fields(rev: int, path: str, *, edit: int | None) -> None:
    ss = st.session_state
    ss[base_key(rev, path) + "#n"] = fields_revision(rev, path) + 1
    ss[base_key(rev, path) + "#edit"] = edit


def _sentence(message: str) -> str:
    message = message.strip()
    message = message[:1].upper() + message[1:]
    return message if message.endswith((".", "!", "?")) else message + "."


def commit(q: Question, rev: int) -> list[tuple[str, str, str]]:
    """Add the item in the fields to the list (or, while changing an item, put it back changed) and write the list
    into the case. Returns the problems – (where, message for the top of the step, message beside) – and changes
    nothing when there are any."""
    ss = st.session_state
    index = editing(rev, q.path)
    case = S.get_case()
    items = list(items_of(case, q) or [])
    item = read_fields(q, rev, items[index] if index is not None and index < len(items) else None)
    name = NEW_ITEM if index is None else item_title(q, index)
    if is_blank_item(q, item):
        message = "Wypełnij pola, zanim naciśniesz „Dodaj”."
        return [(anchor(q, ITEM), f"{q.label} – {name}: {message}", message)]
    problems = item_problems(q, item)
    if problems:
        return [(anchor(q, column), f"{q.label} – {name}: {message}", message) for column, message in problems]
    if index is None:
        items.append(item)
        index_now = len(items) - 1
    else:
        items[index] = item
        index_now = index
    try:
        new = apply_answers(case, {q.path: items})
    except ValidationError as err:
        out = []
        columns = {c.name for c in q.columns}
        for path, message in describe(err):
            rest = path[len(q.path):] if path.startswith(q.path) else ""
            column = rest.split("].", 1)[1] if rest.startswith(f"[{index_now}].") else None
            where = anchor(q, column if column in columns else ITEM)
            out.append((where, f"{q.label} – {name}: {_sentence(message)}", _sentence(message)))
        return out
    ss[S.CASE] = new
    ss[base_key(rev, q.path) + "#msg"] = (f"Dodano {q.item_acc} {index_now + 1}." if index is None
                                          else f"Zapisano zmiany – {q.item} {index_now + 1}.")
    _restart_fields(rev, q.path, edit=None)
    return []


@S.guarded
def _on_commit(step_key: str, q: Question) -> None:
    _set_errors(step_key, commit(q, st.session_state[S.REV]))


@S.guarded
def _on_edit(step_key: str, q: Question, index: int) -> None:
    rev = st.session_state[S.REV]
    if fields_begun(q, rev):  # what was typed for a new item is added first, not lost
        problems = commit(q, rev)
        if problems:
            _set_errors(step_key, problems)
            return
    st.session_state.pop(base_key(rev, q.path) + "#msg", None)
    _restart_fields(rev, q.path, edit=index)
    _set_errors(step_key, [])


@S.guarded
def _on_clear(step_key: str, q: Question) -> None:
    """"Wyczyść pola" and "Anuluj": the fields start again, empty, for a new item; the list stays as it is."""
    _restart_fields(st.session_state[S.REV], q.path, edit=None)
    _set_errors(step_key, [])


@S.guarded
def _on_remove(step_key: str, q: Question, index: int) -> None:
    ss = st.session_state
    rev = ss[S.REV]
    case = S.get_case()
    items = list(items_of(case, q) or [])
    if not 0 <= index < len(items):
        return
    del items[index]
    # an emptied list that may be unknown is unknown again until she says "nie mam"
    ss[S.CASE] = apply_answers(case, {q.path: items or (None if q.unknown_allowed else [])})
    if not items:
        ss[none_key(rev, q.path)] = UNKNOWN_LIST if q.unknown_allowed else False
    ss[base_key(rev, q.path) + "#msg"] = f"Usunięto {q.item_acc} {index + 1}."
    _set_errors(step_key, [])


# --- what "Dalej" reads ----------------------------------------------------------------------------------------


def before_submit(step_key: str, q: Question, rev: int) -> list[tuple[str, str, str]]:
    """What "Dalej" and "Wstecz" do first: add an item whose fields were filled but not added (as "Dodaj" would).
    Returns the problems (see `commit`)."""
    if fields_begun(q, rev):
        return commit(q, rev)
    return []


def unanswered(q: Question, rev: int) -> list[tuple[str, str, str]]:
    """The problem of an empty list whose explicit answer was not given ("Nie mam …" not ticked), if it is one:
    "Dalej" refuses it, "Wstecz" lets her go back without it (the step then stays unanswered)."""
    if items_of(S.get_case(), q) or q.unknown_allowed or st.session_state.get(none_key(rev, q.path)):
        return []
    message = f"Dodaj {q.item_acc} albo zaznacz „{q.none_answer}”."
    return [(anchor(q), f"{q.label}: {message[:1].lower()}{message[1:]}", message)]


def answer(q: Question, rev: int) -> list[dict] | None:
    """The list's answer for "Dalej" (after `before_submit`): the items, or – while there are none – `[]` for
    "nie mam / nie dotyczy" and None for "nie wiem"."""
    return list_answer(q, items_of(S.get_case(), q), st.session_state.get(none_key(rev, q.path)))


def forget(rev: int) -> None:
    """Drop the lists' own keys of revision `rev` (field revisions, the item being changed, messages) once the
    step is left: a new revision starts from the case."""
    ss = st.session_state
    prefix = f"iv.{rev}."
    for key in [k for k in ss if isinstance(k, str) and k.startswith(prefix)
                and k.endswith(("#n", "#edit", "#msg"))]:
        del ss[key]


# --- drawing ---------------------------------------------------------------------------------------------------


def _beside(errors: list[tuple[str, str, str]], where: str) -> None:
    for place, _, message in errors:
        if place == where:
            st.error(plain(message), icon=":material/error:")


def field_suggestions(profession: Any, current: str | None = None) -> list[str]:
    """The fields offered in a field's choice (the interview's goal and the lists' items): every specjalizacja and
    kurs kwalifikacyjny of the profession, and `current` when it was typed by hand."""
    names: dict[str, None] = {}
    for form in (Form.SPECJALIZACJA, Form.KURS_KWALIFIKACYJNY):
        for name in F.fields_for(form, profession):
            names.setdefault(name, None)
    out = sorted(names)
    if current and current not in names:
        out.insert(0, current)
    return out


def _draw_field(q: Question, c: Column, key: str, case: Case, as_of: date) -> None:
    help_text = c.help or None
    ss = st.session_state
    if c.kind is Kind.DATE:
        st.date_input(c.label, value=None, key=key, help=help_text, format="DD.MM.YYYY", min_value=DATE_MIN,
                      max_value=DATE_MAX)
    elif c.kind is Kind.BOOL:
        st.checkbox(c.label, key=key, help=help_text)
    elif c.kind is Kind.YES_NO:
        st.radio(c.label, [label for _, label in c.options], key=key, help=help_text, horizontal=True)
    elif c.kind is Kind.CHOICE:
        values = [v for v, _ in c.options]
        labels = {v: label for v, label in c.options}
        st.selectbox(c.label, values, index=None, key=key, format_func=labels.get, help=help_text,
                     placeholder="Wybierz z listy")
    elif c.kind is Kind.FIELD:
        options = field_suggestions(case.profession, ss.get(key))
        st.selectbox(c.label, options, index=None, key=key, help=help_text, accept_new_options=True,
                     placeholder="Wybierz z listy albo wpisz własną (Enter zatwierdza)")
    elif c.kind is Kind.SESSION:
        sessions = sessions_around(as_of.year, before=15, after=2)
        if ss.get(key) and ss[key] not in sessions:
            sessions.append(ss[key])
        st.selectbox(c.label, sessions, index=None, key=key, format_func=session_label,
                     help=help_text or "Sesja: wiosna albo jesień danego roku.", placeholder="Wybierz sesję")
    elif c.kind is Kind.NUMBER:
        whole = c.scale == 1 and not isinstance(ss.get(key), float)  # a loaded 2.5 months is shown as it is
        st.number_input(c.label, value=None, key=key, help=help_text,
                        min_value=(int(c.minimum) if whole else float(c.minimum)) if c.minimum is not None else None,
                        max_value=(int(c.maximum) if whole else float(c.maximum)) if c.maximum is not None else None,
                        step=1 if whole else 1.0, format="%d" if whole else "%g", placeholder="nie podano")
    else:
        st.text_input(c.label, key=key, help=help_text, max_chars=max_chars(q, c))


def _draw_fields(q: Question, rev: int, case: Case, as_of: date, errors: list[tuple[str, str, str]],
                 seed: dict) -> None:
    """The item's fields, two to a row on a wide screen (one under another on a phone; a tick or a "tak / nie / nie
    wiem" on a row of its own), each with its errors beside it."""
    ss = st.session_state
    n = fields_revision(rev, q.path)
    _beside(errors, anchor(q, ITEM))
    for row in _rows(q.columns):
        for cell, c in zip(st.columns(2) if len(row) == 2 else [st.container()], row):
            with cell:
                key = field_key(rev, q.path, n, c.name)
                if key not in ss:
                    ss[key] = to_widget(c, seed.get(c.name))
                _draw_field(q, c, key, case, as_of)
                _beside(errors, anchor(q, c.name))


def _rows(columns: tuple[Column, ...]) -> list[tuple[Column, ...]]:
    """The fields in rows: boxes and choices in pairs, a tick or a "tak / nie / nie wiem" alone."""
    rows: list[tuple[Column, ...]] = []
    pending: list[Column] = []
    for c in columns:
        if c.kind in (Kind.BOOL, Kind.YES_NO):
            if pending:
                rows.append(tuple(pending))
                pending = []
            rows.append((c,))
            continue
        pending.append(c)
        if len(pending) == 2:
            rows.append(tuple(pending))
            pending = []
    if pending:
        rows.append(tuple(pending))
    return rows


def _draw_none(q: Question, rev: int, value: list | None, answered: bool) -> None:
    """The explicit answer while the list is empty."""
    ss = st.session_state
    key = none_key(rev, q.path)
    if key not in ss:
        ss[key] = none_start(q, value, answered)
    if q.unknown_allowed:
        st.radio(q.empty_prompt, [q.none_answer, UNKNOWN_LIST], key=key)
    else:
        st.checkbox(q.none_answer, key=key, help="Zaznacz, jeśli to Ciebie nie dotyczy. W przeciwnym razie wypełnij "
                                                 "pola poniżej i naciśnij „Dodaj”.")


def draw(step_key: str, q: Question, rev: int, case: Case, as_of: date, errors: list[tuple[str, str, str]],
         *, answered: bool) -> None:
    """Draw the list question `q` of the step `step_key` (inside the step's form).

    Each part sits in a container of its own that is drawn on every run, even empty, so that the block of fields
    and its buttons keep their place on the page when an item is added or a message appears: the browser then keeps
    them (and the keyboard focus on "Dodaj") instead of drawing them anew."""
    ss = st.session_state
    value = items_of(case, q)
    items = value or []
    index = editing(rev, q.path)
    if index is not None and index >= len(items):
        index = ss[base_key(rev, q.path) + "#edit"] = None
    st.subheader(q.label, anchor=False, help=q.tooltip(as_of))
    beside, done, listed, none, new = (st.container() for _ in range(5))
    with beside:
        _beside(errors, anchor(q))
    message = ss.pop(base_key(rev, q.path) + "#msg", None)
    if message:
        done.success(message, icon=":material/check_circle:")
    with listed:
        for i, item in enumerate(items):
            _draw_item(step_key, q, rev, case, as_of, errors, i, item, changing=index)
    if not items:
        with none:
            _draw_none(q, rev, value, answered)
    if index is None:
        with new, st.container(border=True):
            st.markdown(f"**Dodaj {plain(q.item_acc)}**")
            st.caption(needs_text(q))
            _draw_fields(q, rev, case, as_of, errors, {})
            with st.container(horizontal=True):
                st.form_submit_button("Dodaj", key=f"list.add.{q.path}", on_click=_on_commit, args=(step_key, q),
                                      icon=":material/add:")
                st.form_submit_button("Wyczyść pola", key=f"list.clear.{q.path}", type="tertiary",
                                      on_click=_on_clear, args=(step_key, q), icon=":material/backspace:")


def _draw_item(step_key: str, q: Question, rev: int, case: Case, as_of: date, errors: list[tuple[str, str, str]],
               i: int, item: dict, *, changing: int | None) -> None:
    """One item: its summary with "Zmień" and "Usuń" – named with the item, so that each button says on its own
    what it changes – or, while it is being changed, its fields with "Zapisz zmiany" and "Anuluj"."""
    with st.container(border=True):
        if i == changing:
            st.markdown(f"**{plain(item_title(q, i))} – zmiana**")
            _draw_fields(q, rev, case, as_of, errors, item)
            with st.container(horizontal=True):
                st.form_submit_button("Zapisz zmiany", key=f"list.save.{q.path}", type="primary",
                                      on_click=_on_commit, args=(step_key, q), icon=":material/check:")
                st.form_submit_button("Anuluj", key=f"list.cancel.{q.path}", on_click=_on_clear,
                                      args=(step_key, q), icon=":material/close:")
            return
        st.markdown(f"**{plain(item_title(q, i))}**  \n" + "  \n".join(item_parts(q, item) or ["(bez szczegółów)"]))
        if changing is None:  # while one item is being changed, the others wait
            with st.container(horizontal=True):
                st.form_submit_button(f"Zmień {q.item_acc} {i + 1}", key=f"list.edit.{q.path}.{i}",
                                      on_click=_on_edit, args=(step_key, q, i), icon=":material/edit:")
                st.form_submit_button(f"Usuń {q.item_acc} {i + 1}", key=f"list.remove.{q.path}.{i}",
                                      on_click=_on_remove, args=(step_key, q, i), icon=":material/delete:")
