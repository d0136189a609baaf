"""Editable tables of the interview (work history, courses …): rows of the case <-> cells of st.data_editor.

Pure functions, no Streamlit, so they are tested directly. A cell holds what the person sees: choice labels
("kwalifikacyjny", "tak"), dates, numbers scaled for display (a share 0–1 as per cent). `apply_edits` replays the
editor's edit state (edited_rows, added_rows, deleted_rows) on the rows the editor was drawn with – the state
Streamlit keeps for a data editor is that diff, not the edited table.
"""
from __future__ import annotations

import math
from datetime import date, datetime
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


def is_blank(row: dict) -> bool:
    """A row in which nothing but ticks was filled (see logic.interview.apply_answers, which drops such rows)."""
    return all(_missing(v) or v == "" or isinstance(v, bool) for v in row.values())


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
