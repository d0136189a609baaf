"""Editable tables of the interview (work history, courses …): rows of the case <-> cells of st.data_editor.

Pure functions, no Streamlit, so they are tested directly. A cell holds what the person sees: choice labels
("kwalifikacyjny", "tak"), dates, numbers scaled for display (a share 0–1 as per cent). `apply_edits` replays the
editor's edit state (edited_rows, added_rows, deleted_rows) on the rows the editor was drawn with – the state
Streamlit keeps for a data editor is that diff, not the edited table.

`incomplete_rows` guards against rows that arrive half-filled: the editor hands its edits to Streamlit only after a
short debounce (~150 ms), so a step submitted right after typing may carry just the first cells of a row. Such a row
is refused with a message naming it (the person completes or deletes it) instead of being saved as "nie wiem".
"""
from __future__ import annotations

import math
from datetime import date, datetime
from dataclasses import dataclass
from typing import Any

import pandas as pd

from logic.interview import Column, Kind, Question

Cells = dict[str, Any]


def _missing(v: Any) -> bool:
    if v is None:
        return True
    if isinstance(v, float) and math.isnan(v):
        return True
    if v is pd.NaT:
        return True
    try:
        return bool(pd.isna(v)) if not isinstance(v, (list, dict, str)) else False
    except (TypeError, ValueError):
        return False


def _value_key(v: Any) -> Any:
    return getattr(v, "value", v)


def to_cell(column: Column, value: Any) -> Any:
    """A case value as the cell shows it."""
    if column.kind in (Kind.CHOICE, Kind.YES_NO):
        if value is None and column.kind is Kind.CHOICE:
            return None
        labels = {_value_key(v): label for v, label in column.options}
        return labels.get(_value_key(value))
    if column.kind is Kind.NUMBER:
        return None if value is None else float(value) / column.scale
    if column.kind is Kind.BOOL:
        return column.default if value is None else bool(value)
    if column.kind is Kind.DATE:
        return value
    return value


def from_cell(column: Column, cell: Any) -> Any:
    """A cell's content as the case value (None when empty); raises nothing – the case model judges the value."""
    if column.kind is Kind.BOOL:
        return column.default if _missing(cell) else bool(cell)
    if _missing(cell) or cell == "":
        return None
    if column.kind in (Kind.CHOICE, Kind.YES_NO):
        by_label = {label: v for v, label in column.options}
        if cell in by_label:
            v = by_label[cell]
            return _value_key(v)
        return cell  # not one of ours: the model refuses it with a message naming the field
    if column.kind is Kind.NUMBER:
        number = float(cell) * column.scale
        return int(number) if column.scale == 1 and number.is_integer() else round(number, 6)
    if column.kind is Kind.DATE:
        if isinstance(cell, datetime):
            return cell.date()
        if isinstance(cell, date):
            return cell
        if isinstance(cell, str):
            return cell.strip()[:10]
        return cell
    return str(cell)


def is_empty_row(question: Question, row: dict) -> bool:
    """A row (case values, see `from_cells`) in which the person filled nothing: every cell is empty and every tick
    is as a new row starts. Such rows – e.g. one added and left untouched – are dropped without a word."""
    for c in question.columns:
        v = row.get(c.name)
        if c.kind is Kind.BOOL:
            if not _missing(v) and bool(v) != bool(c.default):
                return False
        elif not (_missing(v) or (isinstance(v, str) and not v.strip())):
            return False
    return True


@dataclass(frozen=True)
class Needed:
    """What a filled row of a table must hold: at least one of `columns`, unless the tick `waived_by` is set."""

    columns: tuple[str, ...]
    missing: str  # Polish, as it follows "brak": "daty rozpoczęcia („Od”)"
    waived_by: str | None = None


# The cells without which a row says nothing certain (a job without its dates, a course without its kind or date).
# Keyed by the question's path; the column names are those of logic/interview.py (checked by the tests).
NEEDED: dict[str, tuple[Needed, ...]] = {
    "employment": (
        Needed(("start",), "daty rozpoczęcia („Od”)"),
        Needed(("end",), "daty zakończenia („Do”; jeśli praca trwa, zaznacz „Trwa”)", waived_by="ongoing"),
    ),
    "specialist_titles": (
        Needed(("field",), "dziedziny"),
        Needed(("completed_on",), "daty zakończenia specjalizacji"),
    ),
    "courses": (
        Needed(("kind",), "rodzaju kursu"),
        Needed(("name", "field"), "nazwy albo dziedziny kursu"),
        Needed(("completed_on",), "daty ukończenia"),
    ),
    "postgraduate_studies": (
        Needed(("name", "field"), "nazwy albo dziedziny studiów"),
        Needed(("completed_on",), "daty świadectwa"),
    ),
    "foreign_training": (
        Needed(("field",), "zakresu (dziedziny)"),
        Needed(("months",), "czasu trwania"),
    ),
    "specializations": (
        Needed(("field",), "dziedziny"),
        Needed(("status",), "stanu (w trakcie, ukończona, przerwana)"),
    ),
    "state_exam_attempts": (
        Needed(("session",), "sesji"),
        Needed(("result",), "wyniku"),
    ),
}


def _filled(v: Any) -> bool:
    return not (_missing(v) or (isinstance(v, str) and not v.strip()))


EMPTY_ADDED = "pusty wiersz"


def incomplete_rows(question: Question, rows: list[dict], origins: list[str] | None = None, *,
                    empty_added_ok: bool = False) -> list[tuple[str, str]]:
    """For every row that was begun but lacks a cell it needs: (message naming the table, for the list at the top
    of the step; message for beside the table), e.g. "Wiersz 1: brak daty rozpoczęcia („Od”) – uzupełnij albo usuń
    wiersz.". `rows` are case values (see `from_cells`), numbered as the editor shows them; `origins` (see `origins`)
    says which rows the person added or changed – rows as they came from the case are not checked again.

    A row left empty says nothing and is dropped – but a row *added* in the editor that arrives empty is what a
    submit faster than the editor's hand-over looks like, so it is refused once (`empty_added_ok` False); when the
    person submits it empty again it is dropped."""
    out = []
    for n, row in enumerate(rows, start=1):
        origin = origins[n - 1] if origins is not None else ADDED
        if origin == FROM_CASE:
            continue
        if is_empty_row(question, row):
            if origin == ADDED and not empty_added_ok:
                what = (f"{EMPTY_ADDED} – wpisz dane albo usuń wiersz. Jeśli dane były wpisane, tabela nie "
                        "zdążyła ich przekazać: wpisz je jeszcze raz.")
                out.append((f"{question.label} – wiersz {n}: {what}", f"Wiersz {n}: {what}"))
            continue
        lacking = [need.missing for need in NEEDED.get(question.path, ())
                   if not (need.waived_by and row.get(need.waived_by) is True)
                   and not any(_filled(row.get(name)) for name in need.columns)]
        if lacking:
            what = "brak " + ", brak ".join(lacking) + " – uzupełnij albo usuń wiersz."
            out.append((f"{question.label} – wiersz {n}: {what}", f"Wiersz {n}: {what}"))
    return out


def to_cells(question: Question, rows: list[dict] | None) -> list[Cells]:
    return [{c.name: to_cell(c, (row or {}).get(c.name)) for c in question.columns} for row in rows or []]


def from_cells(question: Question, cells: list[Cells]) -> list[dict]:
    return [{c.name: from_cell(c, row.get(c.name)) for c in question.columns} for row in cells]


def frame_of(question: Question, cells: list[Cells]) -> pd.DataFrame:
    """The table the editor draws, with a dtype per column that suits its column type (also when empty)."""
    names = [c.name for c in question.columns]
    df = pd.DataFrame(cells, columns=names)
    for c in question.columns:
        if c.kind is Kind.DATE:
            df[c.name] = pd.to_datetime(df[c.name], errors="coerce")
        elif c.kind is Kind.NUMBER:
            df[c.name] = pd.to_numeric(df[c.name], errors="coerce").astype("float64")
        elif c.kind is Kind.BOOL:
            df[c.name] = df[c.name].fillna(c.default if c.default is not None else False).astype("bool")
        else:
            df[c.name] = df[c.name].astype("object")
    return df.reset_index(drop=True)


def apply_edits(cells: list[Cells], state: dict | None) -> list[Cells]:
    """The rows after the editor's edits: `state` is st.data_editor's session state for its key."""
    if not state:
        return [dict(r) for r in cells]
    rows = [dict(r) for r in cells]
    for index, changes in (state.get("edited_rows") or {}).items():
        i = int(index)
        if 0 <= i < len(rows):
            rows[i].update(changes)
    deleted = {int(i) for i in state.get("deleted_rows") or []}
    rows = [r for i, r in enumerate(rows) if i not in deleted]
    rows += [dict(r) for r in state.get("added_rows") or []]
    return rows


FROM_CASE, EDITED, ADDED = "case", "edited", "added"


def origins(cells: list[Cells], state: dict | None) -> list[str]:
    """For each row of `apply_edits(cells, state)`: FROM_CASE (drawn from the case and left alone), EDITED
    (changed in the editor) or ADDED (added in the editor)."""
    if not state:
        return [FROM_CASE] * len(cells)
    edited = {int(i) for i in (state.get("edited_rows") or {})}
    deleted = {int(i) for i in state.get("deleted_rows") or []}
    kept = [EDITED if i in edited else FROM_CASE for i in range(len(cells)) if i not in deleted]
    return kept + [ADDED] * len(state.get("added_rows") or [])
