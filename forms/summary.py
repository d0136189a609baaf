"""The summary ("Podsumowanie"): what the rules said about one case on one day, for the person to keep.

It renders the assessment and never re-derives it: the goal, every decision with its outcome, reasons, notes,
dates, documents, missing facts and legal basis (with links to the official texts), the day of the assessment and
the day the law was last checked, and a plain note that SMK, the organizer and CMKP decide, not the assistant.
The person's name and other identifying data are deliberately left out.
"""
from __future__ import annotations

import re
from datetime import date
from typing import get_args

from pydantic import BaseModel

from logic.assess import Assessment
from logic.case import FORM_LABELS_PL, Case
from logic.decision import Decision, Outcome, Step, StepKind
from logic.periods import polish_date
from logic.present import step_when

from .fonts import printable as _p
from .pdf import GREY, FormPDF

OUTCOME_COLOURS: dict[Outcome, tuple[int, int, int]] = {
    Outcome.MEETS: (46, 125, 50),
    Outcome.DOES_NOT_MEET: (198, 40, 40),
    Outcome.ON_REQUEST: (21, 101, 192),
    Outcome.FOR_DECISION: (106, 27, 154),
    Outcome.NEEDS_REVIEW: (230, 120, 0),
}
WHO_DECIDES = ("To podsumowanie nie jest decyzją. Asystent nie rozstrzyga spraw: wnioski składa się przez SMK (System "
               "Monitorowania Kształcenia), a decyzje podejmują organizator kształcenia i dyrektor CMKP (od 2027 r. "
               "w sprawach egzaminu państwowego – dyrektor CEM). Sprawdź wynik z nimi, zanim złożysz dokumenty.")
INDENT = 5.0


def goal_text(case: Case) -> str:
    if case.goal.form is None:
        return "nie podano"
    text = FORM_LABELS_PL[case.goal.form]
    return f"{text} – {case.goal.field}" if case.goal.field else text


def step_text(step: Step) -> str:
    text = f"{step_when(step)}: {step.label}"
    return f"{text} (uwaga: {step.note})" if step.note else text


_PART = re.compile(r"([a-z_]+)(?:\[(\d+)\])?")


def field_label(path: str) -> str:
    """A case path ("employment[0].start") in Polish words, from the Case model's field descriptions."""
    model: type[BaseModel] | None = Case
    words: list[str] = []
    for part in path.replace("[]", "").split("."):
        m = _PART.fullmatch(part)
        if not m or model is None or m.group(1) not in model.model_fields:
            return path
        info = model.model_fields[m.group(1)]
        label = info.description or m.group(1).replace("_", " ")
        if m.group(2) is not None:
            label += f" (poz. {int(m.group(2)) + 1})"
        words.append(label)
        model = _submodel(info.annotation)
    return " → ".join(words) if words else path


def _submodel(annotation) -> type[BaseModel] | None:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    for arg in get_args(annotation):
        found = _submodel(arg)
        if found is not None:
            return found
    return None


def build_summary(case: Case, assessment: Assessment, *, generated_on: date) -> bytes:
    """The summary of `assessment` (made for `case`) as PDF bytes."""
    pdf = FormPDF(title="Podsumowanie oceny – kształcenie podyplomowe pielęgniarek i położnych",
                  subject="Ocena przypadku według rozporządzenia Ministra Zdrowia z dnia 16 stycznia 2026 r. "
                          "(Dz. U. poz. 57) i ustawy o zawodach pielęgniarki i położnej",
                  generated_on=generated_on, as_of=assessment.as_of, law_checked_on=assessment.law_checked_on)
    pdf.add_page()
    pdf.paragraph("Podsumowanie", size=16, bold=True, line_height=8)
    pdf.paragraph("Asystent kształcenia podyplomowego pielęgniarek i położnych", size=9, colour=GREY)
    pdf.ln(3)
    facts = [("Cel", goal_text(case)),
             ("Ocena na dzień", polish_date(assessment.as_of)),
             ("Stan prawny na dzień", polish_date(assessment.law_checked_on))]
    if case.label:
        facts.append(("Opis przypadku", case.label))
    for key, value in facts:
        _key_value(pdf, key, value)
    pdf.ln(2)
    for w in assessment.warnings:
        _notice(pdf, f"Uwaga: {w.text}")
    _notice(pdf, WHO_DECIDES)
    decisions = assessment.decisions
    steps = sorted({(s.date, step_text(s)) for d in decisions for s in d.steps})
    documents = list(dict.fromkeys(doc for d in decisions for doc in d.documents))
    if steps:
        _heading(pdf, "Terminy")
        for _, text in steps:
            _bullet(pdf, text)
    if documents:
        _heading(pdf, "Dokumenty do przygotowania")
        for doc in documents:
            _bullet(pdf, doc)
    _heading(pdf, "Ocena szczegółowa")
    if not decisions:
        pdf.paragraph("Brak ocen: w danych przypadku nie ma faktów, do których stosują się reguły.", size=9)
    for i, d in enumerate(decisions, start=1):
        _decision(pdf, i, d)
    _heading(pdf, "Kto decyduje")
    pdf.paragraph(WHO_DECIDES, size=9, line_height=4.6)
    return pdf.to_bytes()


def _key_value(pdf: FormPDF, key: str, value: str) -> None:
    pdf.use(9, True)
    width = 42.0
    y = pdf.get_y()
    pdf.set_xy(pdf.l_margin, y)
    pdf.cell(width, 5, f"{key}:")
    pdf.use(9)
    pdf.set_xy(pdf.l_margin + width, y)
    pdf.multi_cell(pdf.content_width - width, 5, _p(value), new_x="LMARGIN", new_y="NEXT")


def _notice(pdf: FormPDF, text: str) -> None:
    pdf.use(9)
    lines = pdf.multi_cell(pdf.content_width - 6, 4.6, _p(text), align="L", dry_run=True, output="LINES")
    height = len(lines) * 4.6 + 4
    pdf._ensure_space(height)
    y = pdf.get_y()
    with pdf.local_context():
        pdf.set_fill_color(255, 246, 224)
        pdf.set_draw_color(230, 120, 0)
        pdf.rect(pdf.l_margin, y, pdf.content_width, height, style="DF")
    pdf.set_xy(pdf.l_margin + 3, y + 2)
    pdf.multi_cell(pdf.content_width - 6, 4.6, _p(text), align="L", new_x="LMARGIN", new_y="NEXT")
    pdf.set_y(y + height + 1)


def _heading(pdf: FormPDF, text: str) -> None:
    pdf._ensure_space(16)
    pdf.ln(3)
    pdf.paragraph(text, size=11.5, bold=True, line_height=6.5)
    y = pdf.get_y()
    with pdf.local_context():
        pdf.set_draw_color(*GREY)
        pdf.set_line_width(0.2)
        pdf.line(pdf.l_margin, y, pdf.w - pdf.r_margin, y)
    pdf.ln(1.5)


def _label(pdf: FormPDF, text: str) -> None:
    pdf.paragraph(text, size=8.5, bold=True, line_height=4.6, indent=INDENT)


def _bullet(pdf: FormPDF, text: str, *, indent: float = 0.0, size: float = 9, link: str | None = None) -> None:
    pdf.use(size)
    pdf._ensure_space(5)
    y = pdf.get_y()
    pdf.set_xy(pdf.l_margin + indent, y)
    pdf.cell(4, size * 0.5, "•")
    pdf.set_xy(pdf.l_margin + indent + 4, y)
    pdf.multi_cell(pdf.content_width - indent - 4, size * 0.5, _p(text), link=link or "", align="L",
                   new_x="LMARGIN", new_y="NEXT")


def _decision(pdf: FormPDF, number: int, d: Decision) -> None:
    pdf._ensure_space(24)
    pdf.ln(2)
    pdf.paragraph(f"{number}. {d.title}", size=10, bold=True, line_height=5.2)
    # The outcome: a coloured square and its Polish label.
    y = pdf.get_y() + 0.6
    with pdf.local_context():
        pdf.set_fill_color(*OUTCOME_COLOURS[d.outcome])
        pdf.rect(pdf.l_margin + INDENT, y + 0.9, 3.0, 3.0, style="F")
    pdf.use(9, True)
    pdf.set_text_color(*OUTCOME_COLOURS[d.outcome])
    pdf.set_xy(pdf.l_margin + INDENT + 4.5, y)
    pdf.cell(0, 4.8, f"Wynik: {d.outcome_label}")
    pdf.set_text_color(0, 0, 0)
    pdf.set_xy(pdf.l_margin, y + 5.6)
    if d.reasons:
        _label(pdf, "Dlaczego")
        for r in d.reasons:
            _bullet(pdf, r.text, indent=INDENT)
    if d.steps:
        _label(pdf, "Terminy")
        for s in d.steps:
            _bullet(pdf, step_text(s), indent=INDENT)
    if d.earliest_date and not any(s.date == d.earliest_date for s in d.steps):
        _label(pdf, "Najwcześniejsza data")
        _bullet(pdf, polish_date(d.earliest_date), indent=INDENT)
    if d.notes:
        _label(pdf, "Jak czytamy przepisy")
        for n in d.notes:
            _bullet(pdf, n.text, indent=INDENT, size=8.5)
    if d.documents:
        _label(pdf, "Dokumenty")
        for doc in d.documents:
            _bullet(pdf, doc, indent=INDENT)
    if d.missing:
        _label(pdf, "Brakujące dane")
        for path in d.missing:
            _bullet(pdf, field_label(path), indent=INDENT)
    if d.legal_basis:
        _label(pdf, "Podstawa prawna")
        for ref in d.legal_basis:
            _bullet(pdf, ref.citation, indent=INDENT, size=8.5, link=ref.url)

