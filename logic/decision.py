"""What every rule returns: a decision with its outcome, reasons, legal basis, notes, dated steps and documents.

Pages and PDFs render decisions; they never re-derive them. Polish text is written here, beside the code that
decides, so that a reason and its wording cannot drift apart; stable `code`s let the UI and tests refer to them.
"""
from __future__ import annotations

from datetime import date
from enum import Enum
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, field_validator

from .periods import polish_date
from .references import Ref


class Outcome(str, Enum):
    MEETS = "meets"
    DOES_NOT_MEET = "does_not_meet"
    ON_REQUEST = "possible_on_request"
    FOR_DECISION = "for_organizer_or_cmkp"
    NEEDS_REVIEW = "needs_review"


OUTCOME_LABELS_PL: dict[Outcome, str] = {
    Outcome.MEETS: "Spełnia warunki",
    Outcome.DOES_NOT_MEET: "Nie spełnia warunków",
    Outcome.ON_REQUEST: "Możliwe na wniosek",
    Outcome.FOR_DECISION: "Decyduje organizator kształcenia / dyrektor CMKP",
    Outcome.NEEDS_REVIEW: "Wymaga wyjaśnienia",
}


# The organizer's yes/no questions, whose outcome reads better as an answer than as "Spełnia warunki": for the
# rule "c.entrance_exam", MEETS means "yes, the exam must be held". Filled by the rule modules (`answers`).
ANSWER_LABELS: dict[str, dict[Outcome, str]] = {}


def answers(rule: str, labels: dict[Outcome, str]) -> None:
    """Register how the outcomes of `rule` are said as an answer to its question (its title)."""
    ANSWER_LABELS[rule] = labels


def _tidy(text: str) -> str:
    """A sentence that ends with a date ("… 2026 r.") must not get a second full stop."""
    return text.replace(" r..", " r.")


class Reason(BaseModel):
    """Why the outcome is what it is. `code` is stable; `text` is Polish."""

    model_config = ConfigDict(frozen=True)

    code: str
    text: str

    _tidy_text = field_validator("text")(lambda cls, v: _tidy(v))


class Note(BaseModel):
    """An interpretation the rule takes where the law is silent or ambiguous, shown to the user."""

    model_config = ConfigDict(frozen=True)

    code: str
    text: str

    _tidy_text = field_validator("text")(lambda cls, v: _tidy(v))


class StepKind(str, Enum):
    DEADLINE = "deadline"  # something the person must do by this date
    EVENT = "event"  # something that happens (a session window, a publication)
    EARLIEST = "earliest"  # the earliest date a condition will be met


class Step(BaseModel):
    """A dated step: a deadline, an event or a window (with `end`).

    `date` is always the date the law gives, the one we advise. `last_day` is set on a term to do something (apply,
    pay, issue) whose date falls on a Saturday, a Sunday or a public holiday: the term then runs to that next working
    day (KPA art. 57 § 4, KC art. 115). Durations are never moved, so their steps have no `last_day`.
    """

    model_config = ConfigDict(frozen=True)

    code: str
    label: str
    date: date
    last_day: date | None = None
    end: date | None = None
    kind: StepKind = StepKind.DEADLINE
    legal_basis: list[Ref] = Field(default_factory=list)
    note: str | None = None


class Decision(BaseModel):
    """The answer of one rule for one case on one day."""

    rule: str  # stable rule code, e.g. "a.specjalizacja.entry"
    group: str  # the rule group of the issue: a … j
    title: str  # Polish, short
    outcome: Outcome
    reasons: list[Reason] = Field(default_factory=list)
    legal_basis: list[Ref] = Field(default_factory=list)
    notes: list[Note] = Field(default_factory=list)
    steps: list[Step] = Field(default_factory=list)
    documents: list[str] = Field(default_factory=list)
    earliest_date: date | None = None
    missing: list[str] = Field(default_factory=list)  # case fields whose absence made this "needs review"
    facts: dict[str, Any] = Field(default_factory=dict)  # computed values (fee, members, months …)
    as_of: date

    @property
    def outcome_label(self) -> str:
        """The outcome in Polish: the answer to the decision's question where one is registered; "Jeszcze nie –
        najwcześniej …" for a condition not met yet that will be on a known day; else the label of the outcome."""
        answer = ANSWER_LABELS.get(self.rule, {}).get(self.outcome)
        if answer:
            return answer
        if self.outcome is Outcome.DOES_NOT_MEET and self.earliest_date is not None:
            return f"Jeszcze nie – najwcześniej {polish_date(self.earliest_date)}"
        return OUTCOME_LABELS_PL[self.outcome]


def needs_review(rule: str, group: str, title: str, as_of: date, legal_basis: list[Ref],
                 missing: list[str], text: str, code: str = "missing_fact") -> Decision:
    """A decision that cannot be made because facts are missing: names them and says why."""
    return Decision(rule=rule, group=group, title=title, outcome=Outcome.NEEDS_REVIEW,
                    reasons=[Reason(code=code, text=text)], legal_basis=legal_basis, missing=missing, as_of=as_of)
