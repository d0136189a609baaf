"""A readable Polish summary of an assessment, for the command line and the help desk."""
from __future__ import annotations

from .assess import Assessment
from .case import FORM_LABELS_PL
from .decision import Outcome, StepKind
from .periods import polish_date

MARK = {
    Outcome.MEETS: "[TAK]",
    Outcome.DOES_NOT_MEET: "[NIE]",
    Outcome.ON_REQUEST: "[NA WNIOSEK]",
    Outcome.FOR_DECISION: "[DECYZJA ORGANU]",
    Outcome.NEEDS_REVIEW: "[DO WYJAŚNIENIA]",
}


def explain(a: Assessment) -> str:
    lines = [f"Ocena na dzień {polish_date(a.as_of)} (stan prawny na dzień {polish_date(a.law_checked_on)})"]
    if a.goal_form:
        goal = FORM_LABELS_PL[a.goal_form] + (f" – {a.goal_field}" if a.goal_field else "")
        lines.append(f"Cel: {goal}")
    lines.append("")
    for d in a.decisions:
        lines.append(f"{MARK[d.outcome]} {d.title} – {d.outcome_label}")
        for r in d.reasons:
            lines.append(f"    • {r.text}")
        for s in d.steps:
            when = polish_date(s.date) + (f" – {polish_date(s.end)}" if s.end else "")
            prefix = "od" if s.kind is StepKind.EARLIEST else ""
            lines.append(f"    ⏱ {prefix + ' ' if prefix else ''}{when}: {s.label}")
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
    return "\n".join(lines)
