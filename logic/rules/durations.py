"""Group h: planned durations, the EKK, and the organizer's notice to CMKP.

Units: § 4 ust. 1 (a specialization lasts at least 15 months; no maximum, also for specializations under way,
§ 37 ust. 2), § 22 ust. 1 (a qualification course at most 6 months), § 30 (a specialist course at most 3 months),
§ 36 (a continuing-education course at most 1 month); § 7 ust. 1 (the EKK is issued through SMK within a month of
qualification); § 13 ust. 2 (the organizer tells CMKP, at least 12 months before a specialization ends, when it ends
and how many take part).

Readings taken:
- A duration counts the first day of training: a course from 1 March lasts "one month" if it ends on 31 March at
  the latest, and 15 months from 1 March 2026 are complete on 31 May 2027 (KC art. 112, the day of the start
  counted as the first day of the period). When the last month has no day with the start's number (a course from
  31 August), the period ends with that month's last day (KC art. 112): 6 months from 31 August 2026 end on
  28 February 2027.
- "Na 12 miesięcy przed zakończeniem": the notice is due on the day that is 12 months before the planned end. A term
  counted backwards does not move forward from a day off; a note names the working day before.
- The EKK is issued within a term to act: when its last day is a day off it runs to the next working day.
"""
from __future__ import annotations

from datetime import date, timedelta

from .. import parameters as P
from ..case import Edition, Form
from ..decision import Decision, Note, Outcome, Reason, Step, answers, needs_review
from ..experience import months_word
from ..periods import (add_months, day_off_note, day_off_reason, polish_date, previous_working_day,
                       term_last_day, term_text)
from ..references import reg

ONE_DAY = timedelta(days=1)
LIMITS = {
    Form.SPECJALIZACJA: ("specjalizacja_min_months", "min", reg(4, 1)),
    Form.KURS_KWALIFIKACYJNY: ("kurs_kwalifikacyjny_max_months", "max", reg(22, 1)),
    Form.KURS_SPECJALISTYCZNY: ("kurs_specjalistyczny_max_months", "max", reg(30)),
    Form.KURS_DOKSZTALCAJACY: ("kurs_doksztalcajacy_max_months", "max", reg(36)),
}
NAMES = {Form.SPECJALIZACJA: "specjalizacji", Form.KURS_KWALIFIKACYJNY: "kursu kwalifikacyjnego",
         Form.KURS_SPECJALISTYCZNY: "kursu specjalistycznego", Form.KURS_DOKSZTALCAJACY: "kursu dokształcającego"}
READING = Note(code="duration_reading", text=(
    "Czas trwania liczymy od pierwszego dnia zajęć włącznie: np. kurs rozpoczęty pierwszego dnia miesiąca trwa nie "
    "dłużej niż miesiąc, jeśli kończy się najpóźniej ostatniego dnia tego miesiąca."))


def period_end(start: date, months: int) -> date:
    """The last day of a period of `months` months whose first day is `start`.

    Normally the day before the same-numbered day `months` later (1 March → 31 March). When that month has no such
    day (31 August + 6 months), KC art. 112 ends the period with the month's last day: 28 (29) February.
    """
    same_day = add_months(start, months)
    if same_day.day != start.day:  # no such day in that month: add_months fell back to the month's last day
        return same_day
    return same_day - ONE_DAY


def duration_decision(edition: Edition, as_of: date) -> Decision:
    form = edition.form
    rule = "h.duration"
    if form not in LIMITS:
        return needs_review(rule, "h", "Planowany czas trwania kształcenia", as_of, [reg(4, 1)], ["edition.form"],
                            "Nie wiemy, jakiego rodzaju kształcenia dotyczy plan.")
    name, kind, ref = LIMITS[form]
    title = f"Planowany czas trwania {NAMES[form]}"
    months = P.value(name, as_of)
    if edition.planned_start is None or edition.planned_end is None:
        return needs_review(rule, "h", title, as_of, [ref],
                            [p for p, v in (("edition.planned_start", edition.planned_start),
                                            ("edition.planned_end", edition.planned_end)) if v is None],
                            "Potrzebna jest planowana data rozpoczęcia i zakończenia.")
    start, end = edition.planned_start, edition.planned_end
    if end < start:
        return needs_review(rule, "h", title, as_of, [ref], ["edition.planned_end"],
                            "Data zakończenia jest wcześniejsza niż data rozpoczęcia.", code="inconsistent_dates")
    boundary = period_end(start, months)
    facts = {"months": months, "boundary": boundary.isoformat()}
    if kind == "min":
        ok = end >= boundary
        text = (f"Specjalizacja trwa co najmniej {months} miesięcy: przy rozpoczęciu {polish_date(start)} może się "
                f"zakończyć najwcześniej {polish_date(boundary)}; plan: {polish_date(end)}.")
        extra = [Note(code="no_maximum", text=(
            "Rozporządzenie z 2026 r. nie określa maksymalnego czasu trwania specjalizacji (dawne przepisy go określały); "
            "nowy § 4 ust. 1 stosuje się także do specjalizacji rozpoczętych wcześniej (§ 37 ust. 2)."))]
        basis = [ref, reg(37, 2)]
    else:
        ok = end <= boundary
        text = (f"Kurs trwa najwyżej {months} mies.: przy rozpoczęciu {polish_date(start)} musi się zakończyć "
                f"najpóźniej {polish_date(boundary)}; plan: {polish_date(end)}.")
        extra = []
        basis = [ref]
    return Decision(rule=rule, group="h", title=title, outcome=Outcome.MEETS if ok else Outcome.DOES_NOT_MEET,
                    reasons=[Reason(code="within" if ok else "outside", text=text)], legal_basis=basis,
                    notes=[READING] + extra, facts=facts, as_of=as_of)


answers("h.duration", {Outcome.MEETS: "Czas trwania zgodny z przepisami",
                       Outcome.DOES_NOT_MEET: "Czas trwania niezgodny z przepisami"})
answers("h.ekk", {Outcome.MEETS: "Termin jeszcze biegnie", Outcome.DOES_NOT_MEET: "Termin minął"})
answers("h.notice_to_cmkp", {Outcome.MEETS: "Termin jeszcze biegnie", Outcome.DOES_NOT_MEET: "Termin minął"})


def ekk_decision(edition: Edition, as_of: date) -> Decision | None:
    if edition.qualified_on is None or edition.form not in (Form.SPECJALIZACJA, None):
        return None
    months = P.value("ekk_issue_months", as_of)
    due = add_months(edition.qualified_on, months)
    last = term_last_day(due) or due  # a term to act: a day off moves it (KPA art. 57 § 4, KC art. 115)
    return Decision(rule="h.ekk", group="h", title="Termin wydania EKK",
                    outcome=Outcome.MEETS if as_of <= last else Outcome.DOES_NOT_MEET,
                    reasons=[Reason(code="ekk_due", text=(
                        f"Organizator wydaje EKK przez SMK najpóźniej {months_word(months)} po zakwalifikowaniu "
                        f"({polish_date(edition.qualified_on)}), czyli do {term_text(due, term_last_day(due))}"
                        + ("" if as_of <= last else " – ten termin minął") + "."))],
                    legal_basis=[reg(7, 1)], steps=[Step(code="ekk_due", label="Wydanie EKK przez organizatora (SMK)",
                                                         date=due, last_day=term_last_day(due), legal_basis=[reg(7, 1)],
                                                         note=day_off_note(due, "wydać EKK"))],
                    facts={"ekk_due": due.isoformat()}, as_of=as_of)


def notice_decision(edition: Edition, as_of: date) -> Decision | None:
    if edition.form is not Form.SPECJALIZACJA or edition.planned_end is None:
        return None
    months = P.value("organizer_notice_months", as_of)
    due = add_months(edition.planned_end, -months)
    late = as_of > due
    return Decision(rule="h.notice_to_cmkp", group="h", title="Powiadomienie CMKP o zakończeniu specjalizacji",
                    outcome=Outcome.DOES_NOT_MEET if late else Outcome.MEETS,
                    reasons=[Reason(code="notice_due", text=(
                        f"Organizator powiadamia CMKP o terminie zakończenia specjalizacji ({polish_date(edition.planned_end)}) "
                        f"i liczbie uczestników najpóźniej {months_word(months)} wcześniej, czyli do {polish_date(due)}"
                        + (" – ten termin już minął" if late else "") + "."))],
                    legal_basis=[reg(13, 2)], steps=[Step(code="notice_due", label="Powiadomienie CMKP o terminie "
                                                          "zakończenia specjalizacji i liczbie uczestników", date=due,
                                                          legal_basis=[reg(13, 2)], note=_backward_note(due))],
                    facts={"notice_due": due.isoformat()}, as_of=as_of)


def _backward_note(day: date) -> str | None:
    """A term counted back from an event ("najpóźniej na 12 miesięcy przed") that ends on a day off does not move
    forward past the limit it sets: the safe day is the working day before."""
    why = day_off_reason(day)
    if why is None:
        return None
    return (f"{polish_date(day)} to {why}. Termin liczony wstecz od zakończenia specjalizacji nie przesuwa się na "
            f"następny dzień roboczy: bezpiecznie jest zawiadomić najpóźniej {polish_date(previous_working_day(day))}")
