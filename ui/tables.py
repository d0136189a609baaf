"""What is left of the editable tables: replaying st.data_editor's edit state on the rows it was drawn with.

The interview no longer uses grids (its lists are built one item at a time, ui/lists.py); "Wniosek o zaliczenie"
still lets the person edit the proposed credits (pkt 10) in a data editor, and uses this.
"""
from __future__ import annotations

from typing import Any

Cells = dict[str, Any]


def apply_edits(cells: list[Cells], state: dict | None) -> list[Cells]:
    """The rows after the editor's edits: `state` is st.data_editor's session state for its key (a diff against
    the rows it was drawn with: edited_rows, deleted_rows, added_rows – not the edited table)."""
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
