"""The one entry point: assess a whole case on a given day and return every relevant decision, ordered by what
matters for the person's goal.
"""
from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date
from typing import Any

from pydantic import BaseModel, Field

from . import parameters as P
from .case import EARLIEST_DAY, LATEST_DAY, Case, Edition, Form, SpecializationStatus
from .decision import Decision, Note, Outcome, Reason
from .periods import polish_date
from .references import reg
from .rules import (courses, credits, durations, employment, entry, exemption, funding, leaders, qualification,
                    state_exam, transitional)

ENTRY_FORMS = (Form.SPECJALIZACJA, Form.KURS_KWALIFIKACYJNY, Form.KURS_SPECJALISTYCZNY, Form.KURS_DOKSZTALCAJACY)

# The rules whose decisions answer the goal itself (rule codes, or prefixes followed by "."): they come first in
# the assessment, and the app shows them under "Twój cel".
GOAL_RULES: dict[Form, tuple[str, ...]] = {
    Form.SPECJALIZACJA: ("a.specjalizacja",),
    Form.KURS_KWALIFIKACYJNY: ("a.kurs_kwalifikacyjny",),
    Form.KURS_SPECJALISTYCZNY: ("a.kurs_specjalistyczny",),
    Form.KURS_DOKSZTALCAJACY: ("a.kurs_doksztalcajacy",),
    Form.EGZAMIN_PANSTWOWY: ("f.admission", "f.session", "f.retake"),
}

# Rule-code prefixes in the order they matter for each goal, after the goal's own rules; anything not listed
# follows in group order.
_AFTER_GOAL: dict[Form | None, tuple[str, ...]] = {
    Form.SPECJALIZACJA: ("a.employer_referral", "b.", "e.exemption", "c.entrance_exam_exemption", "j.", "d.", "a.",
                         "c.", "f.", "g.", "h.", "i."),
    Form.KURS_KWALIFIKACYJNY: ("a.employer_referral", "j.", "d.", "a.", "g.", "c.", "h.", "i."),
    Form.KURS_SPECJALISTYCZNY: ("a.employer_referral", "j.", "a.", "g.", "c.", "h.", "i."),
    Form.KURS_DOKSZTALCAJACY: ("a.employer_referral", "j.", "a.", "g.", "c.", "h.", "i."),
    Form.EGZAMIN_PANSTWOWY: ("e.", "b.", "j.", "f.", "g.", "a.", "c.", "d.", "h.", "i."),
    None: ("a.", "f.", "g.", "b.", "e.", "d.", "j.", "c.", "h.", "i."),
}
PRIORITY: dict[Form | None, tuple[str, ...]] = {
    goal: GOAL_RULES.get(goal, ()) + rest for goal, rest in _AFTER_GOAL.items()}  # type: ignore[arg-type]


def answers_goal(rule: str, goal: Form | None) -> bool:
    """Does the decision of `rule` answer the goal itself (rather than something beside it)?"""
    return goal is not None and any(rule == p or rule.startswith(p + ".") for p in GOAL_RULES.get(goal, ()))


class Assessment(BaseModel):
    """Everything the rules say about one case on one day."""

    as_of: date
    law_checked_on: date = Field(description="Stan prawny: the day the encoded law was last checked")
    goal_form: Form | None = None
    goal_field: str | None = None
    decisions: list[Decision]
    warnings: list[Note] = Field(default_factory=list, description="Warnings about the facts given (e.g. a PWZ number "
                                                                 "that does not match the profession)")

    def goal_decisions(self) -> list[Decision]:
        """The decisions that answer the goal, in order (first in `decisions`); none when no goal is chosen."""
        return [d for d in self.decisions if answers_goal(d.rule, self.goal_form)]


def law_checked_on() -> date:
    return max(v.last_checked for p in P.load().values() for v in p.values)


def has_person_facts(case: Case) -> bool:
    return bool(case.profession or case.right_to_practise.held is not None or case.employment is not None
                or case.specialist_titles or case.courses or case.postgraduate_studies or case.foreign_training
                or case.specializations or case.state_exam_attempts or case.goal.form or case.exemption)


def assess(case: Case, as_of: date, overlay: Mapping[str, Sequence[Mapping[str, Any]]] | None = None) -> Assessment:
    """Run every relevant rule for `case` on `as_of` (the day the question is asked, or a "what if" day).

    `overlay` is a draft amendment, {parameter name: [values as in parameters.yaml: {from, value, ref,
    last_checked, note?}]}: merged into the parameters for this call only (a value with the same `from` replaces
    the one in force). An unknown parameter or a malformed value raises `parameters.OverlayError` (a ValueError).
    """
    if overlay is None:
        return _assess(case, as_of)
    with P.overlaid(overlay):
        return _assess(case, as_of)


def _check_day(as_of: date) -> None:
    if not EARLIEST_DAY <= as_of <= LATEST_DAY:
        raise ValueError(f"as_of {as_of.isoformat()} is outside {EARLIEST_DAY}..{LATEST_DAY}")


def _before_regulation(as_of: date, form: Form | None, field: str | None) -> Assessment:
    first = P.first_supported_day()
    decisions = [Decision(rule="j.before_regulation", group="j", title="Data przed wejściem w życie rozporządzenia",
                          outcome=Outcome.NEEDS_REVIEW, legal_basis=[reg(39)], reasons=[Reason(
                              code="before_regulation",
                              text=f"Asystent stosuje rozporządzenie obowiązujące od {polish_date(first)}; dla "
                                   f"wcześniejszej daty ({polish_date(as_of)}) obowiązywały inne przepisy.")],
                          as_of=as_of)]
    return Assessment(as_of=as_of, law_checked_on=law_checked_on(), goal_form=form, goal_field=field,
                      decisions=decisions)


def _assess(case: Case, as_of: date) -> Assessment:
    _check_day(as_of)
    if as_of < P.first_supported_day():
        return _before_regulation(as_of, case.goal.form, case.goal.field)
    decisions = _person(case, as_of) if has_person_facts(case) else []
    decisions += _organizer(case, as_of)
    decisions = _order(decisions, case.goal.form)
    return Assessment(as_of=as_of, law_checked_on=law_checked_on(), goal_form=case.goal.form,
                      goal_field=case.goal.field, decisions=decisions, warnings=entry.pwz_warnings(case))


def _person(case: Case, as_of: date) -> list[Decision]:
    goal = case.goal.form
    out: list[Decision] = []
    # Entry conditions answer "what may I start"; for someone asking only about the state exam they are noise
    # unless she told us about her work.
    if goal is not Form.EGZAMIN_PANSTWOWY or case.employment is not None:
        out += [entry.entry_decision(case, as_of, form) for form in ENTRY_FORMS]
    referral = employment.employer_decision(case, as_of)
    if referral is not None:
        out.append(referral)
    funded_past = any(s.publicly_funded for s in case.specializations or [])
    if (goal is Form.SPECJALIZACJA and case.goal.publicly_funded is not False) or funded_past:
        out.append(funding.funded_decision(case, as_of))
    wants = case.goal.wants_exemption is True or case.degrees.doctorate is True
    if goal in (Form.SPECJALIZACJA, Form.EGZAMIN_PANSTWOWY, None) and wants:
        out.append(exemption.exemption_decision(case, as_of))
    if goal is Form.SPECJALIZACJA and wants:
        out.append(qualification.entrance_exam_exemption_decision(case, as_of))
    if goal is Form.SPECJALIZACJA:
        spec_credits = credits.specialization_credits(case, as_of)
        out += spec_credits
        out.append(credits.specialization_procedure(spec_credits, as_of))
    elif goal is Form.KURS_KWALIFIKACYJNY:
        kk_credits = credits.course_credits(case, as_of)
        out += kk_credits
        out.append(credits.course_procedure(kk_credits, as_of))
    exam_relevant = goal is Form.EGZAMIN_PANSTWOWY or case.state_exam_attempts or (
        goal is None and any(s.status is SpecializationStatus.COMPLETED for s in case.specializations or []))
    if exam_relevant:
        out += state_exam.exam_decisions(case, as_of)
    out += courses.course_exam_decisions(case, as_of)
    out += transitional.transitional_decisions(case, as_of)
    return out


def edition_decisions(edition: Edition, as_of: date, goal_form: Form | None = None) -> list[Decision]:
    """The organizer's questions about one edition (cohort): entrance exam, commission, supplementary round,
    duration, EKK, notice to CMKP, kierownik, and the old rules for an edition begun before the regulation. Only the
    edition's own facts are read; an applicant's case never carries them. `goal_form` stands in for an edition
    that does not say its form (an old case file whose goal named it)."""
    ed = edition
    form = ed.form or goal_form
    if ed.form is None and form is not None:
        ed = ed.model_copy(update={"form": form})
    out: list[Decision] = []
    if form is not None and (ed.applicants is not None or ed.places is not None or ed.publicly_funded is not None):
        out.append(qualification.entrance_exam_decision(form, ed.places, ed.applicants, ed.publicly_funded, as_of))
    if ed.commission is not None:
        out.append(qualification.commission_decision(ed, as_of))
    if form is Form.SPECJALIZACJA and (ed.qualified is not None or ed.supplementary_round_on is not None):
        out.append(qualification.supplementary_round_decision(ed, as_of))
    if ed.planned_start is not None or ed.planned_end is not None:
        out.append(durations.duration_decision(ed, as_of))
    for d in (durations.ekk_decision(ed, as_of), durations.notice_decision(ed, as_of)):
        if d is not None:
            out.append(d)
    if ed.leader is not None:
        out.append(leaders.leader_decision(form, ed.leader, as_of))
    old = transitional.edition_decision(ed, as_of)
    if old is not None:
        out.append(old)
    return out


def assess_edition(edition: Edition, as_of: date,
                   overlay: Mapping[str, Sequence[Mapping[str, Any]]] | None = None) -> Assessment:
    """The organizer's entry point: every decision about one edition on `as_of`, apart from any applicant."""
    def run() -> Assessment:
        _check_day(as_of)
        if as_of < P.first_supported_day():
            return _before_regulation(as_of, edition.form, edition.field)
        decisions = _order(edition_decisions(edition, as_of), None)
        return Assessment(as_of=as_of, law_checked_on=law_checked_on(), goal_form=edition.form,
                          goal_field=edition.field, decisions=decisions)

    if overlay is None:
        return run()
    with P.overlaid(overlay):
        return run()


def _organizer(case: Case, as_of: date) -> list[Decision]:
    """Decisions for the organizer's and CMKP's facts an old-style case file may carry beside (or instead of) a
    person's: the edition, the exemption team, an exam session."""
    out: list[Decision] = []
    if case.edition is not None:
        out += edition_decisions(case.edition, as_of, case.goal.form)
    if case.exemption_team is not None:
        out.append(exemption.exemption_team_decision(case.exemption_team, as_of))
    out += state_exam.session_facts_decisions(case, as_of)
    return out


def _order(decisions: list[Decision], goal: Form | None) -> list[Decision]:
    prefixes = PRIORITY[goal]

    def key(d: Decision) -> tuple[int, str]:
        for i, p in enumerate(prefixes):
            if d.rule.startswith(p):
                return (i, d.group)
        return (len(prefixes), d.group)

    return sorted(decisions, key=key)
