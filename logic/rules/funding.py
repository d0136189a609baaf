"""Group b: publicly funded specializations (specjalizacja dofinansowana ze środków publicznych).

Units: ustawa art. 70 ust. 4 (training outside the funded places is always possible), ust. 5 (one funded
specialization at a time), ust. 6 (another funded one only 5 years after the previous one ended; a declaration of
past funded specializations), ust. 7 (ust. 6 applies also after interrupting a funded one, or after failing the
state exam three times).

Readings taken:
- "Po upływie 5 lat od dnia zakończenia": the five years are counted with KC art. 112 from the day the previous
  specialization ended; the person may apply from the next day.
- For an interrupted specialization the day of interruption is its "zakończenie".
- Three failed state exams (ust. 7) are three failed attempts in one field: the exam is held separately for each
  field (art. 67 ust. 5), so failures in different fields are not added, and a field passed later does not count.
- The five years of ust. 7 run from the end of the publicly funded specialization that the failed exams concern
  (the completed specialization in that field); the statute does not say, and some read it as running from the third
  failure. When that specialization was not publicly funded, ust. 7 (which applies ust. 6, a rule on funded
  specializations) does not bar a funded one.
- In a version-2 case, specializations that were not answered (None) are an unknown fact, not "none".
"""
from __future__ import annotations

from datetime import date, timedelta

from .. import parameters as P
from ..case import Case, ExamResult, SpecializationStatus
from ..decision import Decision, Note, Outcome, Reason, Step, StepKind
from ..common import normalize_field, same_field
from ..experience import years_word
from ..periods import add_years, polish_date
from ..references import ustawa

ART_70_4 = ustawa(70, 4)
ART_70_5 = ustawa(70, 5)
ART_70_6 = ustawa(70, 6)
ART_70_7 = ustawa(70, 7)

RULE = "b.funded.eligibility"
TITLE = "Czy możesz ubiegać się o specjalizację dofinansowaną ze środków publicznych"
FAILED_EXAMS_NOTE = Note(code="failed_exams_reading", text=(
    "Egzamin państwowy odbywa się osobno w każdej dziedzinie, więc trzy niezdane egzaminy liczymy w jednej "
    "dziedzinie (nie sumujemy różnych dziedzin, a dziedzina zdana później się nie liczy). Ustawa nie mówi wprost, od "
    "kiedy liczyć okres karencji; liczymy go od zakończenia specjalizacji dofinansowanej, której egzaminy dotyczą. "
    "Potwierdź to u organizatora kształcenia."))
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

    if case.specializations is None:
        unknown = True
        missing.append("specializations")
        reasons.append(Reason(code="specializations_unknown", text=(
            "Nie wiemy, czy odbyłaś/odbyłeś wcześniej specjalizację dofinansowaną ze środków publicznych (także "
            "przerwaną); od tego zależy, czy możesz teraz ubiegać się o dofinansowanie.")))
    for i, spec in enumerate(case.specializations or []):
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
                  f"można rozpocząć po upływie {years_word(years)}, czyli od {polish_date(allowed)}"))))
        if spec.status is SpecializationStatus.INTERRUPTED:
            basis.append(ART_70_7)

    worst = 0
    for label, count in failures_by_field(case).values():
        worst = max(worst, count)
        if count < failures_limit:
            continue
        basis.append(ART_70_7)
        notes.append(FAILED_EXAMS_NOTE)
        if case.specializations is None:
            continue  # named missing below, with the whole list
        specs = [(i, s) for i, s in enumerate(case.specializations)
                 if same_field(s.field, label) is True and s.status is SpecializationStatus.COMPLETED]
        label = label or "dziedzina nieznana"
        if not specs:
            unknown = True
            missing.append("specializations")
            reasons.append(Reason(code="failed_exams_no_specialization", text=(
                f"Egzamin państwowy w dziedzinie „{label}” nie został zdany {count} razy, ale nie podano ukończonej "
                f"specjalizacji w tej dziedzinie, od której zakończenia liczy się okres {years_word(years)}.")))
            continue
        i, spec = max(specs, key=lambda p: p[1].ended_on or date.min)
        if spec.publicly_funded is False:
            reasons.append(Reason(code="failed_exams_unfunded", text=(
                f"Egzamin państwowy w dziedzinie „{label}” nie został zdany {count} razy, ale specjalizacja w tej "
                f"dziedzinie nie była dofinansowana ze środków publicznych, więc art. 70 ust. 7 nie ma do niej "
                f"zastosowania.")))
            continue
        if spec.publicly_funded is None or spec.ended_on is None:
            unknown = True
            missing.append(f"specializations[{i}].publicly_funded" if spec.publicly_funded is None
                           else f"specializations[{i}].ended_on")
            reasons.append(Reason(code="failed_exams_no_date", text=(
                f"Egzamin państwowy w dziedzinie „{label}” nie został zdany {count} razy; żeby policzyć okres "
                f"{years_word(years)}, potrzebne jest to, czy specjalizacja w tej dziedzinie była dofinansowana, i "
                f"data jej zakończenia.")))
            continue
        allowed = add_years(spec.ended_on, years) + timedelta(days=1)
        bars.append((allowed, Reason(
            code="failed_exams_wait",
            text=(f"Egzamin państwowy w dziedzinie „{label}” nie został zdany {count} razy; stosuje się okres "
                  f"{years_word(years)} liczony od zakończenia tej specjalizacji dofinansowanej "
                  f"({polish_date(spec.ended_on)}) – kolejną dofinansowaną można rozpocząć od {polish_date(allowed)}"))))

    pending = [(d, r) for d, r in bars if d > as_of]
    earliest = max((d for d, _ in pending), default=None)
    reasons.extend(r for _, r in pending)
    passed = [(d, r) for d, r in bars if d <= as_of]
    for d, r in passed:
        reasons.append(Reason(code=r.code + "_elapsed", text=r.text + " – ten okres już minął."))

    if bars:
        notes.append(Note(code="wait_reading", text=(
            f"{years_word(years)} liczymy od dnia zakończenia (albo przerwania) poprzedniej specjalizacji dofinansowanej; "
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
            f"takiej specjalizacji i nie minęło mniej niż {years_word(years)} od zakończenia poprzedniej.")))
    if outcome is Outcome.DOES_NOT_MEET:
        reasons.append(Reason(code="unfunded_possible", text=(
            "Specjalizację możesz odbywać poza limitem miejsc dofinansowanych (np. na własny koszt lub ze skierowania "
            "pracodawcy).")))
        basis.append(ART_70_4)
    basis = list(dict.fromkeys(basis))
    notes = list({n.code: n for n in notes}.values())
    missing = list(dict.fromkeys(missing))
    return Decision(rule=RULE, group="b", title=TITLE, outcome=outcome, reasons=reasons, legal_basis=basis,
                    notes=notes, steps=steps, documents=[DECLARATION], earliest_date=earliest, missing=missing,
                    facts={"failed_exams_in_one_field": worst}, as_of=as_of)


def field_key(field: str | None) -> str:
    """The key an exam attempt's field is grouped by (normalised name; "" when the field is not given)."""
    return normalize_field(field) if field and field.strip() else ""


def failures_by_field(case: Case) -> dict[str, tuple[str, int]]:
    """{field key: (field as given, failed attempts)} for fields not passed later (the exam is held separately
    for each field: art. 67 ust. 5)."""
    counts: dict[str, int] = {}
    names: dict[str, str] = {}
    passed: set[str] = set()
    for a in case.state_exam_attempts:
        key = field_key(a.field)
        names.setdefault(key, a.field or "")
        if a.result is ExamResult.PASSED:
            passed.add(key)
        elif a.result is ExamResult.FAILED:
            counts[key] = counts.get(key, 0) + 1
    return {k: (names[k], n) for k, n in counts.items() if k not in passed}
