"""The summary ("Podsumowanie"): what the rules said about one case on one day, for the person to keep, read in the
order of the "Wynik" page.

It renders the assessment and never re-derives it:
1. the goal, the day of the assessment and the day the law was last checked, the warnings about the facts given,
   and – once – that the assistant decides nothing (SMK, the organizer and CMKP do);
2. "Twój cel": the decisions that answer the goal (`Assessment.goal_decisions()`), each in full: its outcome in
   words (`Decision.outcome_label`), reasons, what is missing, dated steps (one whose last day is before the
   assessment day is marked "termin minął"), documents, readings and legal basis linked to the official text;
3. the other decisions in the groups of "Wynik" (Możesz / Jeszcze nie / Na wniosek / Wymaga wyjaśnienia), one line
   each: title and outcome;
4. the dated steps and documents of those other decisions, each printed once;
5. the official texts cited, each with a short readable address that links to the full one.
Every section has a bookmark; a heading is never left at the foot of a page without what follows it. No two
decisions read the same (`decision_titles`). The person's name and other identifying data are left out.
"""
from __future__ import annotations

import re
from collections import defaultdict
from datetime import date
from typing import get_args
from urllib.parse import urlsplit

from fpdf.enums import MethodReturnValue, XPos, YPos
from pydantic import BaseModel

from logic.assess import Assessment
from logic.case import FORM_LABELS_PL, Case
from logic.decision import Decision, Outcome, Step
from logic.periods import polish_date
from logic.present import DISCLAIMER, EMPTY_GROUP, GOAL_TITLE, RESULT_GROUPS, last_moment, step_when
from logic.references import ACTS, Act

from .fonts import printable as _p
from .pdf import GREY, INK, FormPDF, render

OUTCOME_COLOURS: dict[Outcome, tuple[int, int, int]] = {
    Outcome.MEETS: (46, 125, 50),
    Outcome.DOES_NOT_MEET: (198, 40, 40),
    Outcome.ON_REQUEST: (21, 101, 192),
    Outcome.FOR_DECISION: (106, 27, 154),
    Outcome.NEEDS_REVIEW: (176, 84, 0),
}
WHO_DECIDES = DISCLAIMER  # the screen's words (logic/present.py), printed once, near the top
PASSED = "termin minął"
INDENT = 5.0
BULLET = 4.0


# The groups of "Wynik", from the one place both the screen and the summary take them.
GROUPS = RESULT_GROUPS
GOAL_INTRO = "Odpowiedź na to, co chcesz zrobić. Pozostałe wyniki – w skrócie, w grupach – są niżej."
NO_GOAL = "Nie wybrano celu: wszystkie wyniki są niżej, w grupach."
STEPS_TITLE = "Terminy"
STEPS_INTRO = "Terminy Twojego celu są wyżej, przy nim; tu – terminy pozostałych wyników."
DOCUMENTS_TITLE = "Dokumenty do przygotowania"
ACTS_TITLE = "Teksty przepisów"
ACTS_INTRO = "Teksty urzędowe w Dzienniku Ustaw (ELI Sejmu); link w pliku otwiera pełny adres."


def goal_text(case: Case) -> str:
    if case.goal.form is None:
        return "nie podano"
    text = FORM_LABELS_PL[case.goal.form]
    return f"{text} – {case.goal.field}" if case.goal.field else text


def step_text(step: Step, as_of: date) -> str:
    """"18 maja 2027 r.: Wniosek …", with "(termin minął)" after the date when its last day is before `as_of`."""
    when = step_when(step) + (f" ({PASSED})" if last_moment(step) < as_of else "")
    text = f"{when}: {step.label}"
    return f"{text} (uwaga: {step.note})" if step.note else text


def short_address(url: str, limit: int = 40) -> str:
    """A web address as printed: without "https://" and "www.", and with the middle of its path replaced by "…"
    when longer than `limit`: "api.sejm.gov.pl/eli/…/2026/57/text.pdf". The link keeps the full address."""
    parts = urlsplit(url)
    host = parts.netloc.removeprefix("www.")
    segments = [s for s in parts.path.split("/") if s]
    text = "/".join([host, *segments])
    if len(text) <= limit or len(segments) < 3:
        return text
    head, tail = segments[0], segments[1:]
    while len(tail) > 1 and len(f"{host}/{head}/…/{'/'.join(tail)}") > limit:
        tail = tail[1:]
    return f"{host}/{head}/…/{'/'.join(tail)}"


# --- titles that tell decisions apart ------------------------------------------------------------------------------

_SOURCE = re.compile(r"^([a-z_]+)\[(\d+)\]$")
# What tells two items of a list apart, in the order tried: (attribute, how it is printed).
_DISTINGUISHING: tuple[tuple[str, str], ...] = (
    ("completed_on", "ukończony {}"), ("certificate", "zaświadczenie: {}"), ("diploma", "dyplom: {}"),
    ("organizer", "organizator: {}"), ("university", "uczelnia: {}"), ("started_on", "rozpoczęty {}"),
    ("ended_on", "zakończony {}"), ("field", "dziedzina: {}"), ("country", "kraj: {}"), ("hours", "{} godz."),
)


def _item(case: Case, d: Decision) -> tuple[str, int, object] | None:
    """The item of the case a decision is about ("courses[1]" → the second course), if it names one."""
    match = _SOURCE.match(str((d.facts or {}).get("source") or ""))
    if not match:
        return None
    items = getattr(case, match.group(1), None) or []
    index = int(match.group(2))
    return (match.group(1), index, items[index]) if index < len(items) else None


def _fact(item: object, attribute: str, pattern: str) -> str:
    value = getattr(item, attribute, None)
    if value in (None, ""):
        return ""
    return pattern.format(polish_date(value) if isinstance(value, date) else value)


def decision_titles(case: Case, decisions: list[Decision]) -> list[str]:
    """A title for each decision, no two the same: a decision about a course is named with the course's completion
    date (or its certificate); decisions that would still read the same get the first fact that tells their items
    apart, and failing that their number."""
    titles = []
    for d in decisions:
        found = _item(case, d)
        title = d.title
        if found and found[0] == "courses":
            item = found[2]
            fact = _fact(item, "completed_on", "ukończony {}") or _fact(item, "certificate", "zaświadczenie: {}")
            title = f"{title} ({fact})" if fact else title
        titles.append(title)
    same: dict[str, list[int]] = defaultdict(list)
    for i, title in enumerate(titles):
        same[title].append(i)
    for title, indexes in same.items():
        if len(indexes) < 2:
            continue
        items = [_item(case, decisions[i]) for i in indexes]
        for attribute, pattern in _DISTINGUISHING:
            facts = [_fact(found[2], attribute, pattern) if found else "" for found in items]
            if all(facts) and len(set(facts)) == len(facts):
                for i, fact in zip(indexes, facts):
                    titles[i] = f"{title} ({fact})"
                break
        else:
            for n, i in enumerate(indexes, start=1):
                titles[i] = f"{title} ({n} z {len(indexes)})"
    return titles


# --- what is missing, in words ---------------------------------------------------------------------------------------

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


# --- the document --------------------------------------------------------------------------------------------------


def build_summary(case: Case, assessment: Assessment, *, generated_on: date) -> bytes:
    """The summary of `assessment` (made for `case`) as PDF bytes."""
    return render(lambda pdf: _draw(pdf, case, assessment),
                  title="Podsumowanie oceny – kształcenie podyplomowe pielęgniarek i położnych",
                  subject="Ocena przypadku według rozporządzenia Ministra Zdrowia z dnia 16 stycznia 2026 r. "
                          "(Dz. U. poz. 57) i ustawy o zawodach pielęgniarki i położnej",
                  generated_on=generated_on, as_of=assessment.as_of, law_checked_on=assessment.law_checked_on)


def _draw(pdf: FormPDF, case: Case, assessment: Assessment) -> None:
    as_of = assessment.as_of
    decisions = assessment.decisions
    titles = dict(zip(map(id, decisions), decision_titles(case, decisions)))
    goal = assessment.goal_decisions()
    goal_ids = {id(d) for d in goal}
    rest = [d for d in decisions if id(d) not in goal_ids]

    pdf.add_page()
    _text(pdf, "Podsumowanie", size=16, bold=True, line_height=8)
    _text(pdf, "Asystent kształcenia podyplomowego pielęgniarek i położnych", size=9, colour=GREY)
    pdf.ln(3)
    facts = [("Cel", goal_text(case)), ("Ocena na dzień", polish_date(as_of)),
             ("Stan prawny na dzień", polish_date(assessment.law_checked_on))]
    if case.label:
        facts.append(("Opis przypadku", case.label))
    for key, value in facts:
        _key_value(pdf, key, value)
    pdf.ln(2)
    for w in assessment.warnings:
        _notice(pdf, f"Uwaga: {w.text}")
    _notice(pdf, WHO_DECIDES)

    # 1. The answer to the goal, in full.
    printed_steps: set[tuple[date, str]] = set()
    printed: dict[str, set[str]] = {"reasons": set(), "documents": set(), "notes": set()}
    _heading(pdf, GOAL_TITLE, then=_text_height(pdf, GOAL_INTRO if goal else NO_GOAL, size=8.5))
    _text(pdf, GOAL_INTRO if goal else NO_GOAL, size=8.5, colour=GREY)
    for d in goal:
        _decision(pdf, d, titles[id(d)], as_of, printed)
        printed_steps |= {(s.date, step_text(s, as_of)) for s in d.steps}
        printed["reasons"] |= {r.text for r in d.reasons}
        printed["documents"] |= set(d.documents)
        printed["notes"] |= {n.text for n in d.notes}

    # 2. The other decisions by group, one line each.
    groups = [(g, [d for d in rest if d.outcome in g.outcomes]) for g in GROUPS]
    counts = " · ".join(f"{g.title}: {len(ds)}" for g, ds in groups)
    pdf.ln(2)
    _text(pdf, f"{'Pozostałe wyniki w skrócie' if goal else 'W skrócie'} – {counts}", size=8.5)
    for group, members in groups:
        first = (_text_height(pdf, group.intro, size=8.5) + _line_height(pdf, titles[id(members[0])], members[0])
                 if members else _text_height(pdf, EMPTY_GROUP, size=8.5))
        _heading(pdf, group.title, then=first)
        if not members:
            _text(pdf, EMPTY_GROUP, size=8.5, colour=GREY)
            continue
        _text(pdf, group.intro, size=8.5, colour=GREY)
        pdf.ln(0.8)
        for d in members:
            _one_line(pdf, titles[id(d)], d)

    # 3. The dated steps and documents not printed above, each once.
    steps = sorted({(s.date, step_text(s, as_of)) for d in rest for s in d.steps} - printed_steps)
    if steps:
        _list_section(pdf, STEPS_TITLE, [text for _, text in steps], intro=STEPS_INTRO if printed_steps else "")
    documents = [doc for doc in dict.fromkeys(doc for d in rest for doc in d.documents)
                 if doc not in printed["documents"]]
    if documents:
        _list_section(pdf, DOCUMENTS_TITLE, documents)

    # 4. The official texts cited.
    acts = list(dict.fromkeys(ACTS[ref.act] for d in decisions for ref in d.legal_basis))
    if acts:
        _heading(pdf, ACTS_TITLE, then=_text_height(pdf, ACTS_INTRO, size=8.5) + 1 + _act_height(pdf, acts[0]))
        _text(pdf, ACTS_INTRO, size=8.5, colour=GREY)
        pdf.ln(1)
        for act in acts:
            _act(pdf, act)


# --- pieces ---------------------------------------------------------------------------------------------------------


def _text_height(pdf: FormPDF, text: str, *, size: float = 9, bold: bool = False, width: float | None = None,
                 line_height: float | None = None) -> float:
    """The height `text` takes, wrapped by fpdf2's multi_cell (a dry run: nothing is drawn)."""
    pdf.use(size, bold)
    return pdf.multi_cell(width or pdf.content_width, line_height or size * 0.5, _p(text), dry_run=True,
                          output=MethodReturnValue.HEIGHT)


def _text(pdf: FormPDF, text: str, *, size: float = 9, bold: bool = False, line_height: float | None = None,
          indent: float = 0.0, colour: tuple[int, int, int] = INK) -> None:
    pdf.use(size, bold)
    pdf.set_text_color(*colour)
    pdf.set_x(pdf.l_margin + indent)
    pdf.multi_cell(pdf.content_width - indent, line_height or size * 0.5, _p(text), align="L",
                   new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    pdf.set_text_color(*INK)


def _key_value(pdf: FormPDF, key: str, value: str) -> None:
    pdf.use(9, True)
    width = 42.0
    y = pdf.get_y()
    pdf.set_xy(pdf.l_margin, y)
    pdf.cell(width, 5, f"{key}:")
    pdf.use(9)
    pdf.set_xy(pdf.l_margin + width, y)
    pdf.multi_cell(pdf.content_width - width, 5, _p(value), new_x=XPos.LMARGIN, new_y=YPos.NEXT)


def _notice(pdf: FormPDF, text: str) -> None:
    height = _text_height(pdf, text, width=pdf.content_width - 6, line_height=4.6) + 4
    pdf.keep(height)
    y = pdf.get_y()
    with pdf.local_context():
        pdf.set_fill_color(255, 246, 224)
        pdf.set_draw_color(230, 120, 0)
        pdf.rect(pdf.l_margin, y, pdf.content_width, height, style="DF")
    pdf.use(9)
    pdf.set_xy(pdf.l_margin + 3, y + 2)
    pdf.multi_cell(pdf.content_width - 6, 4.6, _p(text), align="L", new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    pdf.set_y(y + height + 1)


HEADING_SIZE, HEADING_LINE, HEADING_BEFORE, HEADING_AFTER = 11.5, 6.5, 3.0, 1.5


def _heading(pdf: FormPDF, text: str, *, then: float, level: int = 0) -> None:
    """A section heading with its bookmark, kept on one page with the first `then` mm of what follows it."""
    height = HEADING_BEFORE + _text_height(pdf, text, size=HEADING_SIZE, bold=True, line_height=HEADING_LINE) \
        + HEADING_AFTER
    pdf.keep(height + then)
    pdf.ln(HEADING_BEFORE)
    pdf.start_section(_p(text), level=level)
    _text(pdf, text, size=HEADING_SIZE, bold=True, line_height=HEADING_LINE)
    y = pdf.get_y()
    with pdf.local_context():
        pdf.set_draw_color(*GREY)
        pdf.set_line_width(0.2)
        pdf.line(pdf.l_margin, y, pdf.w - pdf.r_margin, y)
    pdf.ln(HEADING_AFTER)


def _bullet_height(pdf: FormPDF, text: str, *, indent: float = 0.0, size: float = 9) -> float:
    return _text_height(pdf, text, size=size, width=pdf.content_width - indent - BULLET)


def _bullet(pdf: FormPDF, text: str, *, indent: float = 0.0, size: float = 9, link: str | None = None) -> None:
    """One item after a "•": kept on one page unless it is very long (then its first line stays with the mark)."""
    height = _bullet_height(pdf, text, indent=indent, size=size)
    pdf.keep(height if height < 60 else size * 0.5)
    pdf.use(size)
    y = pdf.get_y()
    pdf.set_xy(pdf.l_margin + indent, y)
    pdf.cell(BULLET, size * 0.5, "•")
    pdf.set_xy(pdf.l_margin + indent + BULLET, y)
    pdf.multi_cell(pdf.content_width - indent - BULLET, size * 0.5, _p(text), link=link or "", align="L",
                   new_x=XPos.LMARGIN, new_y=YPos.NEXT)


def _label(pdf: FormPDF, text: str, first: str, *, size: float = 9) -> None:
    """A label inside a decision ("Dlaczego"), kept with its first item."""
    pdf.keep(4.8 + _bullet_height(pdf, first, indent=INDENT, size=size))
    _text(pdf, text, size=8.5, bold=True, line_height=4.6, indent=INDENT)


def _square(pdf: FormPDF, outcome: Outcome, x: float, y: float) -> None:
    with pdf.local_context():
        pdf.set_fill_color(*OUTCOME_COLOURS[outcome])
        pdf.rect(x, y, 3.0, 3.0, style="F")


def _line_height(pdf: FormPDF, title: str, d: Decision) -> float:
    """The height of `_one_line` (measured all in bold, the wider style, so that it never falls short)."""
    return _text_height(pdf, f"{title} – {d.outcome_label}", bold=True, width=pdf.content_width - INDENT,
                        line_height=4.6) + 0.6


def _one_line(pdf: FormPDF, title: str, d: Decision) -> None:
    """A decision in one line: a coloured square, its title and its outcome in words, bold (never colour alone).
    fpdf2's `write` flows the two styles on one line; the title is the case's text, so no markdown."""
    pdf.keep(_line_height(pdf, title, d))  # a line that wraps is not split across pages
    y = pdf.get_y()
    _square(pdf, d.outcome, pdf.l_margin + 0.5, y + 0.8)
    margin = pdf.l_margin
    pdf.set_left_margin(margin + INDENT)  # write() wraps to the left margin: the indent
    pdf.set_xy(margin + INDENT, y)
    pdf.use(9)
    pdf.write(4.6, _p(f"{title} – "))
    pdf.use(9, True)
    pdf.write(4.6, _p(d.outcome_label))
    pdf.set_left_margin(margin)
    pdf.set_xy(margin, pdf.get_y() + 4.6 + 0.6)


def _decision(pdf: FormPDF, d: Decision, title: str, as_of: date, above: dict[str, set[str]]) -> None:
    """A decision answering the goal, in full, in the order of its card on "Wynik". Reasons, documents and readings
    already printed for an earlier decision of the goal are not printed again: a line says they are above."""
    sections: list[tuple[str, list[tuple[str, str | None]], float]] = []
    if d.reasons:
        sections.append(("Dlaczego", _new([r.text for r in d.reasons], above["reasons"], ALSO_REASONS), 9))
    if d.earliest_date and polish_date(d.earliest_date) not in d.outcome_label \
            and not any(s.date == d.earliest_date for s in d.steps):
        sections.append(("Najwcześniej", [(polish_date(d.earliest_date), None)], 9))
    if d.missing:
        sections.append(("Czego brakuje", [(field_label(path), None) for path in d.missing], 9))
    if d.steps:
        sections.append(("Co dalej i kiedy", [(step_text(s, as_of), None) for s in d.steps], 9))
    if d.documents:
        sections.append(("Dokumenty do przygotowania", _new(d.documents, above["documents"], ALSO_DOCUMENTS), 9))
    if d.notes:
        sections.append(("Jak rozumiemy przepisy", _new([n.text for n in d.notes], above["notes"], ALSO_NOTES),
                         8.5))
    if d.legal_basis:
        cited = dict.fromkeys((ref.citation, ref.url) for ref in d.legal_basis)
        sections.append(("Podstawa prawna", list(cited), 8.5))
    # The title and the outcome stay with the first section's label and first item.
    title_height = _text_height(pdf, title, size=10, bold=True, line_height=5.2)
    first = 0.0
    if sections:
        label, items, size = sections[0]
        first = 4.8 + _bullet_height(pdf, items[0][0], indent=INDENT, size=size)
    pdf.keep(2 + title_height + 5.6 + first)
    pdf.ln(2)
    pdf.start_section(_p(title), level=1)
    _text(pdf, title, size=10, bold=True, line_height=5.2)
    y = pdf.get_y() + 0.6
    _square(pdf, d.outcome, pdf.l_margin + INDENT, y + 0.9)
    pdf.use(9, True)
    pdf.set_xy(pdf.l_margin + INDENT + 4.5, y)
    pdf.multi_cell(pdf.content_width - INDENT - 4.5, 4.8, _p(f"Ocena: {d.outcome_label}"), align="L",
                   new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    pdf.ln(0.8)
    for label, items, size in sections:
        _label(pdf, label, items[0][0], size=size)
        for text, link in items:
            _bullet(pdf, text, indent=INDENT, size=size, link=link)


ALSO_REASONS = "oraz powody podane wyżej"
ALSO_DOCUMENTS = "oraz dokumenty wymienione wyżej"
ALSO_NOTES = "oraz odczytania przepisów opisane wyżej"


def _new(items: list[str], above: set[str], also: str) -> list[tuple[str, str | None]]:
    """`items` less those printed above, with a line saying so when some were left out."""
    new = [(item, None) for item in items if item not in above]
    return new + [(also, None)] if len(new) < len(items) else new


def _list_section(pdf: FormPDF, title: str, items: list[str], *, intro: str = "") -> None:
    then = (_text_height(pdf, intro, size=8.5) if intro else 0) + _bullet_height(pdf, items[0])
    _heading(pdf, title, then=then)
    if intro:
        _text(pdf, intro, size=8.5, colour=GREY)
    for item in items:
        _bullet(pdf, item)


def _act_height(pdf: FormPDF, act: Act) -> float:
    return _bullet_height(pdf, f"{act.citation} – {act.title}") + 4.6


def _act(pdf: FormPDF, act: Act) -> None:
    """One act: its Dz.U. citation and title, then its address, short to read, linked to the full one."""
    pdf.keep(_act_height(pdf, act))
    _bullet(pdf, f"{act.citation} – {act.title}")
    pdf.use(8.5)
    pdf.set_text_color(21, 101, 192)
    pdf.set_x(pdf.l_margin + BULLET)
    address = short_address(act.url)
    pdf.cell(pdf.measure(address), 4.6, address, link=act.url, new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    pdf.set_text_color(*INK)
    pdf.ln(0.8)

