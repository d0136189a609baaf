"""A readable Polish summary of an assessment, for the command line and the help desk.

The summary quotes what the person wrote (fields, names of courses), so it is cleaned of control characters before
anyone prints it (`printable`): a file could otherwise move the cursor, recolour or clear a terminal (ANSI escape
sequences), or reverse the order in which a line reads (bidi overrides).
"""
from __future__ import annotations

import re

from .assess import Assessment
from .case import FORM_LABELS_PL
from .decision import Outcome
from .periods import polish_date
from .present import step_when

MARK = {
    Outcome.MEETS: "[TAK]",
    Outcome.DOES_NOT_MEET: "[NIE]",
    Outcome.ON_REQUEST: "[NA WNIOSEK]",
    Outcome.FOR_DECISION: "[DECYZJA ORGANU]",
    Outcome.NEEDS_REVIEW: "[DO WYJAŚNIENIA]",
}


# ANSI escape sequences whole (CSI "ESC [ … letter", OSC "ESC ] … BEL/ST", and two-character ones), then every other
# C0 and C1 control character but newline and tab, and the bidirectional formatting characters (U+061C, U+200E,
# U+200F, U+202A–U+202E, U+2066–U+2069).
_ANSI = re.compile(r"\x1b\[[0-?]*[ -/]*[@-~]|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)?|\x9b[0-?]*[ -/]*[@-~]|\x1b[@-_]?")
_CONTROLS = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def printable(text: str) -> str:
    """`text` without ANSI escape sequences, control characters (newline and tab stay) and bidi overrides."""
    return _CONTROLS.sub("", _ANSI.sub("", text))


def explain(a: Assessment) -> str:
    lines = [f"Ocena na dzień {polish_date(a.as_of)} (stan prawny na dzień {polish_date(a.law_checked_on)})"]
    if a.goal_form:
        goal = FORM_LABELS_PL[a.goal_form] + (f" – {a.goal_field}" if a.goal_field else "")
        lines.append(f"Cel: {goal}")
    for w in a.warnings:
        lines.append(f"UWAGA: {w.text}")
    lines.append("")
    for d in a.decisions:
        lines.append(f"{MARK[d.outcome]} {d.title} – {d.outcome_label}")
        for r in d.reasons:
            lines.append(f"    • {r.text}")
        for s in d.steps:
            lines.append(f"    ⏱ {step_when(s)}: {s.label}")
            if s.note:
                lines.append(f"      uwaga: {s.note}")
        for n in d.notes:
            lines.append(f"    ℹ {n.text}")
        if d.documents:
            lines.append("    Dokumenty: " + "; ".join(d.documents))
        if d.missing:
            lines.append("    Brakujące dane: " + ", ".join(d.missing))
        lines.append("    Podstawa prawna: " + "; ".join(r.citation for r in d.legal_basis))
        lines.append("")
    lines.append("Asystent nie rozstrzyga spraw: wnioski składa się przez SMK, a decyzje podejmuje organizator "
                 "kształcenia, dyrektor CMKP (od 2027 r. w sprawach egzaminu – dyrektor CEM).")
    return printable("\n".join(lines))
