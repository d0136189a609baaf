"""Show decisions from logic: grouped for the person, each with reasons, legal basis, notes, next steps and
documents. Nothing here decides: the outcome, the texts and the dates all come from the Decision."""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import streamlit as st

from logic.assess import Assessment
from logic.case import FORM_LABELS_PL
from logic.decision import Decision, Outcome, Step, StepKind
from logic.interview import question_for_path, describe_path
from logic import present
from logic.periods import polish_date
from ui import state as S
from ui.text import plain


@dataclass(frozen=True)
class ResultGroup:
    """A group of logic/present.py with the icon shown beside its title (status never told by colour alone)."""

    key: str
    title: str
    icon: str
    outcomes: tuple[Outcome, ...]
    intro: str


GROUP_ICONS = {"mozesz": ":material/check_circle:", "jeszcze_nie": ":material/schedule:",
               "na_wniosek": ":material/gavel:", "do_wyjasnienia": ":material/help:"}
RESULT_GROUPS: tuple[ResultGroup, ...] = tuple(
    ResultGroup(g.key, g.title, GROUP_ICONS[g.key], g.outcomes, g.intro) for g in present.RESULT_GROUPS)
OUTCOME_ICONS: dict[Outcome, str] = {
    Outcome.MEETS: ":material/check_circle:",
    Outcome.DOES_NOT_MEET: ":material/cancel:",
    Outcome.ON_REQUEST: ":material/gavel:",
    Outcome.FOR_DECISION: ":material/gavel:",
    Outcome.NEEDS_REVIEW: ":material/help:",
}
STEP_KIND_LABELS: dict[StepKind, str] = {
    StepKind.DEADLINE: "termin",
    StepKind.EVENT: "wydarzenie",
    StepKind.EARLIEST: "najwcześniej",
}
DISCLAIMER = present.DISCLAIMER


GOAL_TITLE = present.GOAL_TITLE
GOAL_ICON = ":material/flag:"
GOAL_INTRO = ("Odpowiedź na to, co chcesz zrobić (cel wybrany w „Moja sytuacja”). Pozostałe wyniki – inne formy "
              "kształcenia, zaliczenia, terminy – są niżej, w grupach.")


def goal_decisions(assessment: Assessment) -> list[Decision]:
    """The decisions that answer the person's goal (logic decides which: `Assessment.goal_decisions`)."""
    return assessment.goal_decisions()


def grouped(assessment: Assessment, *, without: list[Decision] | None = None
            ) -> list[tuple[ResultGroup, list[Decision]]]:
    """The decisions by result group, in the assessment's order; `without` (e.g. the goal's) are left out."""
    skip = {id(d) for d in without or ()}
    rest = [d for d in assessment.decisions if id(d) not in skip]
    return [(g, [d for d in rest if d.outcome in g.outcomes]) for g in RESULT_GROUPS]


step_when = present.step_when


def legal_links(d: Decision) -> str:
    seen: dict[str, str] = {}
    for ref in d.legal_basis:
        seen.setdefault(ref.citation, ref.url)
    return "; ".join(f"[{citation}]({url})" for citation, url in seen.items())


@S.guarded
def _fill_missing(path: str) -> None:
    found = question_for_path(path)
    ss = st.session_state
    if found:
        ss[S.STEP] = found[0].key
        ss[S.RETURN_TO_REVIEW] = True
        ss[S.ERRORS] = None
        ss[S.REV] += 1
    S.go_to("sytuacja")


def heading(assessment: Assessment) -> None:
    st.markdown(f"Ocena na dzień **{polish_date(assessment.as_of)}** (przepisy sprawdzone na dzień "
                f"{polish_date(assessment.law_checked_on)}).")
    if assessment.goal_form:
        goal = FORM_LABELS_PL[assessment.goal_form] + (f" – {assessment.goal_field}" if assessment.goal_field
                                                      else "")
        st.markdown(f"Twój cel: **{plain(goal)}**.")
    for w in assessment.warnings:
        st.warning(plain(w.text), icon=":material/warning:")


def group_of(d: Decision) -> ResultGroup:
    return next(g for g in RESULT_GROUPS if d.outcome in g.outcomes)


def main_answer(assessment: Assessment) -> None:
    """The decision that answers the person's goal first (logic orders decisions by the goal), in one line."""
    if not assessment.goal_form or not assessment.decisions:
        return
    d = assessment.decisions[0]
    g = group_of(d)
    # the outcome's words say "Jeszcze nie – najwcześniej …" when the day is known
    text = f"**Najważniejsze dla Twojego celu:** {plain(d.title)} – **{d.outcome_label}** (grupa „{g.title}”)."
    st.markdown(f"{g.icon} {text}")


def _lines(items) -> str:
    return "\n".join(f"- {item}" for item in items)


def _body(d: Decision, index: int, *, fillable: bool, key_prefix: str, describe: Callable[[str], str]) -> None:
    """A card's content: its sections in as few elements as Streamlit needs – the Markdown of consecutive sections
    goes into one st.markdown; only the info box and the "Uzupełnij" rows stand apart."""
    md: list[str] = [f"**Ocena:** {d.outcome_label}"]

    def flush() -> None:
        if md:
            st.markdown("\n\n".join(md))
            md.clear()

    if d.reasons:
        md.append("**Dlaczego**\n\n" + _lines(plain(r.text) for r in d.reasons))
    if d.outcome is Outcome.DOES_NOT_MEET:
        if d.earliest_date:
            flush()
            st.info(f"Najwcześniej: **{polish_date(d.earliest_date)}** – jeśli nic się nie zmieni w "
                    f"podanych faktach (np. będziesz nadal pracować).", icon=":material/event_available:")
        elif fillable:
            md.append("_Z podanych odpowiedzi nie wynika data, od której ten warunek będzie spełniony._")
    if d.missing:
        if not fillable:
            md.append("**Czego brakuje**\n\n" + _lines(plain(describe(path)) for path in d.missing))
        else:
            md.append("**Czego brakuje**")
            flush()
            for j, path in enumerate(d.missing):
                if not question_for_path(path):  # nothing to fill in here: a plain line
                    md.append(_lines([plain(describe(path))]))
                    continue
                flush()
                cols = st.columns([4, 1])
                cols[0].markdown(f"- {plain(describe(path))}")
                cols[1].button("Uzupełnij", key=f"{key_prefix}fill.{index}.{j}", on_click=_fill_missing,
                               args=(path,), icon=":material/edit:", help=f"Uzupełnij: {describe(path)}")
    if d.steps:
        lines = []
        for s in d.steps:
            lines.append(f"- {step_when(s)} ({STEP_KIND_LABELS[s.kind]}): {plain(s.label)}")
            if s.note:
                lines.append(f"    - _Uwaga:_ {plain(s.note)}")
        md.append("**Co dalej i kiedy**\n\n" + "\n".join(lines))
    if d.documents:
        md.append("**Dokumenty do przygotowania**\n\n" + _lines(plain(doc) for doc in d.documents))
    if d.notes:
        md.append("**Jak rozumiemy przepisy**\n\n" + _lines(plain(n.text) for n in d.notes))
    if d.legal_basis:
        md.append(f"**Podstawa prawna:** {legal_links(d)}")
    flush()


def card_key(key_prefix: str, index: int) -> str:
    """The session-state key of a lazy card's open state (True while the person has it open)."""
    return f"{key_prefix}card.{index}"


def show_decision(d: Decision, index: int, *, expanded: bool = False, fillable: bool = True,
                  key_prefix: str = "", describe: Callable[[str], str] = describe_path, lazy: bool = False) -> None:
    """One decision as a card. `fillable=False` leaves out the "Uzupełnij" buttons (they lead to the nurse's
    interview; organizer pages have their own form) and the remark that no date follows from the answers;
    `key_prefix` keeps widget keys unique when one page shows several lists of cards; `describe` names a missing
    fact's path as the page names it (the interview's questions by default; the spreadsheet's columns, the edition's
    fields).

    `lazy=True` draws the card's content only while it is open: the expander tells the server when it is opened or
    closed (Streamlit's `on_change="rerun"`), so a closed card costs one element instead of ten or more. The open
    state lives in this session's state under `card_key(key_prefix, index)`."""
    label = f"{plain(d.title)} — {d.outcome_label}"
    icon = OUTCOME_ICONS[d.outcome]
    if lazy:
        card = st.expander(label, expanded=expanded, icon=icon, key=card_key(key_prefix, index), on_change="rerun")
        if not card.open:
            return
    else:
        card = st.expander(label, expanded=expanded, icon=icon)
    with card:
        _body(d, index, fillable=fillable, key_prefix=key_prefix, describe=describe)


def show_result(assessment: Assessment, *, fillable: bool = True, key_prefix: str = "",
                section: Any = None) -> None:
    """The whole result as on "Wynik": the goal's decisions first, open, then the rest by group. `section` draws the
    section titles (st.header on a page of its own, the default; st.subheader inside another section). Cards draw
    their content only while open (`show_decision(lazy=True)`)."""
    section = section or st.header
    heading(assessment)
    main_answer(assessment)
    st.caption(DISCLAIMER)
    goal = goal_decisions(assessment)
    groups = grouped(assessment, without=goal)
    index = 0
    if goal:  # the answer to the goal first, open, whatever its group; the rest below it
        section(f"{GOAL_ICON} {GOAL_TITLE}", divider="gray", anchor=False)
        st.caption(GOAL_INTRO)
        for d in goal:
            show_decision(d, index, expanded=True, fillable=fillable, key_prefix=key_prefix, lazy=True)
            index += 1
    counts = " · ".join(f"{g.title}: {len(ds)}" for g, ds in groups)
    st.markdown(f"{'Pozostałe wyniki w skrócie' if goal else 'W skrócie'} – {counts}")
    for group, decisions in groups:
        section(f"{group.icon} {group.title}", divider="gray", anchor=False)
        if not decisions:
            st.markdown(f"_{present.EMPTY_GROUP}_")
            continue
        st.caption(group.intro)
        for n, d in enumerate(decisions):
            show_decision(d, index, expanded=(n == 0 and group.key != "mozesz"), fillable=fillable,
                          key_prefix=key_prefix, lazy=True)
            index += 1
