"""Group b: publicly funded specializations (specjalizacja dofinansowana ze środków publicznych).

Units: ustawa art. 70 ust. 4 (training outside the funded places is always possible), ust. 5 (one funded
specialization at a time), ust. 6 (another funded one only 5 years after the previous one ended; a declaration of
past funded specializations), ust. 7 (ust. 6 applies also after interrupting a funded one, or after failing the
state exam three times).

Readings taken:
- "Po upływie 5 lat od dnia zakończenia": the five years are counted with KC art. 112 from the day the previous
  specialization ended; the person may apply from the next day.
- For an interrupted specialization the day of interruption is its "zakończenie".
- After three failed state exams (ust. 7) the five years run from the end of the specialization whose exam was
  failed (the latest completed one); the statute does not say, and some read it as running from the third failure.
"""
from __future__ import annotations

from datetime import date, timedelta

from .. import parameters as P
from ..case import Case, ExamResult, SpecializationStatus
from ..decision import Decision, Note, Outcome, Reason, Step, StepKind
from ..periods import add_years, polish_date
from ..references import ustawa

ART_70_4 = ustawa(70, 4)
ART_70_5 = ustawa(70, 5)
ART_70_6 = ustawa(70, 6)
ART_70_7 = ustawa(70, 7)

RULE = "b.funded.eligibility"
TITLE = "Czy możesz ubiegać się o specjalizację dofinansowaną ze środków publicznych"
DECLARATION = "Oświadczenie o odbytych specjalizacjach dofinansowanych ze środków publicznych (art. 70 ust. 6 ustawy)"


def funded_decision(case: Case, as_of: date) -> Decision:
    years = P.value("funded_specjalizacja_wait_years", as_of)
    failures_limit = P.value("funded_specjalizacja_failed_exams", as_of)
    reasons: list[Reason] = []
    notes: list[Note] = []
    missing: list[str] = []
    basis = [ART_70_5, ART_70_6]
    bars: list[tuple[date, Reason]] = []  # (first day allowed, why)
    unknown = False
    blocked_now = False

    for i, spec in enumerate(case.specializations):
        funded = spec.publicly_funded
        if funded is None:
            unknown = True
            missing.append(f"specializations[{i}].publicly_funded")
            continue
        if not funded:
            continue
        name = spec.field or "specjalizacja"
        if spec.status is SpecializationStatus.IN_PROGRESS:
            blocked_now = True
            reasons.append(Reason(code="funded_in_progress",
                                  text=f"Odbywasz teraz specjalizację dofinansowaną ({name}); w tym samym czasie można "
                                       f"odbywać tylko jedną taką specjalizację."))
            continue
        if spec.status is None or spec.ended_on is None:
            unknown = True
            missing.append(f"specializations[{i}].ended_on" if spec.status else f"specializations[{i}].status")
            continue
        allowed = add_years(spec.ended_on, years) + timedelta(days=1)
        how = "ukończyłaś/ukończyłeś" if spec.status is SpecializationStatus.COMPLETED else "przerwałaś/przerwałeś"
        bars.append((allowed, Reason(
            code="funded_wait" if spec.status is SpecializationStatus.COMPLETED else "funded_interrupted_wait",
            text=(f"Specjalizację dofinansowaną ({name}) {how} {polish_date(spec.ended_on)}; kolejną dofinansowaną "
                  f"można rozpocząć po upływie {years} lat, czyli od {polish_date(allowed)}"))))
        if spec.status is SpecializationStatus.INTERRUPTED:
            basis.append(ART_70_7)

    failures = sum(1 for a in case.state_exam_attempts if a.result is ExamResult.FAILED)
    if failures >= failures_limit:
        basis.append(ART_70_7)
        ended = [s.ended_on for s in case.specializations
                 if s.status is SpecializationStatus.COMPLETED and s.ended_on is not None]
        if ended:
            allowed = add_years(max(ended), years) + timedelta(days=1)
            bars.append((allowed, Reason(
                code="failed_exams_wait",
                text=(f"Egzamin państwowy nie został zdany {failures} razy; stosuje się {years}-letni okres liczony od "
                      f"zakończenia poprzedniej specjalizacji – do {polish_date(allowed)}"))))
            notes.append(Note(code="failed_exams_reading", text=(
                "Ustawa nie mówi wprost, od kiedy liczyć 5 lat po trzykrotnym niezdaniu egzaminu. Przyjęliśmy datę "
                "zakończenia ostatniej ukończonej specjalizacji; możliwa jest też inna wykładnia (od ostatniego "
                "niezdanego egzaminu) – potwierdź u organizatora.")))
        else:
            unknown = True
            missing.append("specializations[].ended_on")
            reasons.append(Reason(code="failed_exams_no_date", text=(
                f"Egzamin państwowy nie został zdany {failures} razy, ale nie znamy daty zakończenia specjalizacji, od "
                f"której liczy się {years}-letni okres.")))

    pending = [(d, r) for d, r in bars if d > as_of]
    earliest = max((d for d, _ in pending), default=None)
    reasons.extend(r for _, r in pending)
    passed = [(d, r) for d, r in bars if d <= as_of]
    for d, r in passed:
        reasons.append(Reason(code=r.code + "_elapsed", text=r.text + " – ten okres już minął."))

    if bars:
        notes.append(Note(code="wait_reading", text=(
            f"{years} lat liczymy od dnia zakończenia (albo przerwania) poprzedniej specjalizacji dofinansowanej; "
            f"„po upływie” rozumiemy tak, że o kolejną można ubiegać się od następnego dnia po rocznicy.")))
    steps = []
    if blocked_now:
        outcome = Outcome.DOES_NOT_MEET
        earliest = None
    elif pending:
        outcome = Outcome.DOES_NOT_MEET
        steps.append(Step(code="funded_allowed_from", label="Od tego dnia możesz ubiegać się o kolejną specjalizację "
                                                              "dofinansowaną", date=earliest, kind=StepKind.EARLIEST,
                          legal_basis=[ART_70_6]))
    elif unknown:
        outcome = Outcome.NEEDS_REVIEW
        if not reasons:
            reasons.append(Reason(code="funding_unknown", text=(
                "Nie wiemy, czy wcześniejsze specjalizacje były dofinansowane ze środków publicznych ani kiedy się "
                "zakończyły, a od tego zależy, czy możesz teraz ubiegać się o dofinansowanie.")))
    else:
        outcome = Outcome.MEETS
        reasons.append(Reason(code="no_funding_bar", text=(
            "Nic w podanych faktach nie wyklucza ubiegania się o specjalizację dofinansowaną: nie odbywasz teraz innej "
            "takiej specjalizacji i nie minęło mniej niż 5 lat od zakończenia poprzedniej.")))
    if outcome is Outcome.DOES_NOT_MEET:
        reasons.append(Reason(code="unfunded_possible", text=(
            "Specjalizację możesz odbywać poza limitem miejsc dofinansowanych (np. na własny koszt lub ze skierowania "
            "pracodawcy).")))
        basis.append(ART_70_4)
    return Decision(rule=RULE, group="b", title=TITLE, outcome=outcome, reasons=reasons, legal_basis=basis,
                    notes=notes, steps=steps, documents=[DECLARATION], earliest_date=earliest, missing=missing,
                    facts={"failed_state_exams": failures}, as_of=as_of)
