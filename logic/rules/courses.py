"""Group g: the exam that ends a qualification or specialist course.

Units: § 26 ust. 1 and § 32 ust. 1 (admission: the course's theory and practical training passed), § 27 ust. 2 and
§ 33 ust. 2 (after a failed exam, a retake on a date the organizer sets, at the latest 18 months from the day the
course was passed), § 27 ust. 1 and § 33 ust. 1 (the certificate, Annex 3 / Annex 4).

Readings taken:
- "Dzień zaliczenia kursu" is the day the theory and the practical training were passed (`completed_on`).
- 18 months are counted with KC art. 112 (15 Aug 2025 → 15 Feb 2027). It is a duration, not a term to act, so a
  last day that falls on a day off does not move (a note says so).
- A course whose theory or practical training was not passed (the other may have been) cannot go to its exam
  (§ 26 ust. 1, § 32 ust. 1): refused, with the missing part named.
- A course begun before 20.01.2026 whose classes ended on or after that day is training begun and not completed
  before the regulation: the note of § 37 ust. 2 (`course_begun_before_regulation`).
- A missed exam (absence) is not named in § 27 ust. 2; we show the same 18-month horizon and leave the new date to
  the organizer.
- A kurs dokształcający has no final exam in the regulation.
- A course whose classes were passed before 20.01.2026 but whose exam is not yet passed is training "rozpoczęte i
  niezakończone" before the regulation (the course ends with its exam, art. 71 ust. 3, art. 72 ust. 3 ustawy):
  § 37 ust. 2 keeps the old rules for it. The 2016 regulation is not modelled, so the new rule is shown with a note
  (`begun_before_regulation`) and § 37 ust. 2 among the legal basis.
"""
from __future__ import annotations

from datetime import date

from .. import parameters as P
from ..case import Case, Course, CourseKind, ExamResult
from ..decision import Decision, Note, Outcome, Reason, Step, needs_review
from ..experience import months_word
from ..periods import add_months, duration_day_off_note, polish_date
from ..references import reg

REFS = {
    CourseKind.KWALIFIKACYJNY: {"admission": reg(26, 1), "certificate": reg(27, 1), "retake": reg(27, 2)},
    CourseKind.SPECJALISTYCZNY: {"admission": reg(32, 1), "certificate": reg(33, 1), "retake": reg(33, 2)},
}
WORD = {CourseKind.KWALIFIKACYJNY: "kursie kwalifikacyjnym", CourseKind.SPECJALISTYCZNY: "kursie specjalistycznym"}
PAR_37_2 = reg(37, 2)
ANNEX = {CourseKind.KWALIFIKACYJNY: "załącznik nr 3", CourseKind.SPECJALISTYCZNY: "załącznik nr 4"}


def course_exam_decisions(case: Case, as_of: date) -> list[Decision]:
    out = []
    for i, c in enumerate(case.courses):
        if c.kind is CourseKind.DOKSZTALCAJACY or c.exam is ExamResult.PASSED:
            continue
        if classes_failed(c):
            out.append(_classes_not_passed(c, i, as_of))
        elif c.exam is not None:
            out.append(_course_exam(c, i, as_of))
    return out


def classes_failed(c: Course) -> bool:
    """The course's theory or its practical training was not passed (the other may have been)."""
    return c.theory_passed is False or c.practice_passed is False


def _classes_not_passed(c: Course, i: int, as_of: date) -> Decision:
    """§ 26 ust. 1, § 32 ust. 1: the course exam needs both the theory and the practical training passed."""
    refs = REFS[c.kind]
    name = c.name or c.field or "kurs"
    which = [w for w, v in (("zajęć teoretycznych", c.theory_passed), ("szkolenia praktycznego", c.practice_passed))
             if v is False]
    notes = _old_rules_notes(c, as_of)
    return Decision(rule="g.course_exam.admission", group="g", title=f"Egzamin po {WORD[c.kind]}: {name}",
                    outcome=Outcome.DOES_NOT_MEET, legal_basis=[refs["admission"]] + ([PAR_37_2] if notes else []),
                    reasons=[Reason(code="classes_not_passed", text=(
                        f"Do egzaminu po kursie dopuszcza się po zaliczeniu zajęć teoretycznych i szkolenia "
                        f"praktycznego; nie zaliczono {' ani '.join(which)}, więc do egzaminu nie można jeszcze "
                        f"przystąpić. Zapytaj organizatora, jak uzupełnić brakujące zaliczenie."))],
                    notes=notes, facts={"source": f"courses[{i}]"}, as_of=as_of)


def _old_rules_notes(c: Course, as_of: date) -> list[Note]:
    """§ 37 ust. 2: a course begun before the regulation's entry into force and not completed before it."""
    start = P.value("regulation_in_force", as_of)
    if c.completed_on is not None and c.completed_on < start and c.exam is not ExamResult.PASSED:
        return [Note(code="begun_before_regulation", text=(
            f"Kurs zaliczono {polish_date(c.completed_on)}, przed wejściem w życie rozporządzenia "
            f"({polish_date(start)}), a egzamin po kursie nie został jeszcze zdany: do kształcenia rozpoczętego i "
            f"niezakończonego przed tym dniem stosuje się przepisy dotychczasowe (§ 37 ust. 2). Podajemy zasady nowego "
            f"rozporządzenia – potwierdź je u organizatora kształcenia."))]
    note = course_begun_note(c, as_of)
    return [note] if note else []


def begun_before_regulation(c: Course, as_of: date) -> bool:
    """The course was begun before the regulation's entry into force, and its classes had not ended by then."""
    start = P.value("regulation_in_force", as_of)
    return (c.started_on is not None and c.started_on < start
            and (c.completed_on is None or c.completed_on >= start))


def course_begun_note(c: Course, as_of: date) -> Note | None:
    """§ 37 ust. 2: a course begun before the regulation's entry into force whose classes ended on or after it (or
    have not ended yet)."""
    if not begun_before_regulation(c, as_of):
        return None
    start = P.value("regulation_in_force", as_of)
    return Note(code="course_begun_before_regulation", text=(
        f"Kurs rozpoczęto {polish_date(c.started_on)}, przed wejściem w życie rozporządzenia ({polish_date(start)}), "
        f"a zajęcia zakończyły się później: do kształcenia rozpoczętego i niezakończonego przed tym dniem stosuje się "
        f"przepisy dotychczasowe (§ 37 ust. 2), także do egzaminu i zaświadczenia po kursie. Podajemy zasady nowego "
        f"rozporządzenia – potwierdź je u organizatora kształcenia."))


def _course_exam(c: Course, i: int, as_of: date) -> Decision:
    refs = REFS[c.kind]
    name = c.name or c.field or "kurs"
    path = f"courses[{i}]"
    old_rules = _old_rules_notes(c, as_of)
    extra_basis = [PAR_37_2] if old_rules else []
    if c.exam is ExamResult.NOT_TAKEN:
        rule, title = "g.course_exam.admission", f"Egzamin po {WORD[c.kind]}: {name}"
        if c.completed_on is None:
            return needs_review(rule, "g", title, as_of, [refs["admission"]], [path + ".completed_on"],
                                "Do egzaminu przystępuje się po zaliczeniu zajęć teoretycznych i szkolenia praktycznego; "
                                "nie znamy daty zaliczenia.")
        return Decision(rule=rule, group="g", title=title, outcome=Outcome.MEETS,
                        legal_basis=[refs["admission"], refs["certificate"]] + extra_basis,
                        reasons=[Reason(code="classes_passed", text=(
                            f"Zajęcia teoretyczne i szkolenie praktyczne zaliczono {polish_date(c.completed_on)}: "
                            f"możesz przystąpić do egzaminu przed komisją organizatora. Po zdanym egzaminie otrzymasz "
                            f"zaświadczenie ({ANNEX[c.kind]} do rozporządzenia)."))], notes=old_rules,
                        facts={"source": path}, as_of=as_of)
    rule = "g.course_exam.retake"
    title = f"Poprawkowy egzamin po {WORD[c.kind]}: {name}"
    if c.completed_on is None:
        return needs_review(rule, "g", title, as_of, [refs["retake"]], [path + ".completed_on"],
                            "Termin na poprawkę liczy się od dnia zaliczenia kursu, którego nie znamy.")
    months = P.value("course_exam_retake_months", as_of)
    limit = add_months(c.completed_on, months)
    step = Step(code="retake_limit", label=f"Ostatni dzień na egzamin poprawkowy ({name})", date=limit,
                legal_basis=[refs["retake"]], note=duration_day_off_note(limit))
    notes = list(old_rules)
    if c.exam is ExamResult.ABSENT:
        notes.append(Note(code="absence_reading", text=(
            f"Przepis mówi o niezdanym egzaminie, nie o nieobecności. Podajemy ten sam termin {months_word(months)} "
            f"jako bezpieczną granicę; nowy termin egzaminu wyznacza organizator.")))
    if as_of <= limit:
        return Decision(rule=rule, group="g", title=title,
                        outcome=Outcome.MEETS if c.exam is ExamResult.FAILED else Outcome.FOR_DECISION,
                        legal_basis=[refs["retake"]] + extra_basis, reasons=[Reason(code="retake_possible", text=(
                            f"Możesz ponownie przystąpić do egzaminu w terminie wyznaczonym przez organizatora, najpóźniej "
                            f"{polish_date(limit)} ({months_word(months)} od zaliczenia kursu {polish_date(c.completed_on)})."))],
                        steps=[step], notes=notes, facts={"source": path, "retake_limit": limit.isoformat()}, as_of=as_of)
    return Decision(rule=rule, group="g", title=title, outcome=Outcome.DOES_NOT_MEET,
                    legal_basis=[refs["retake"]] + extra_basis,
                    reasons=[Reason(code="retake_expired", text=(
                        f"Termin na egzamin poprawkowy minął {polish_date(limit)}: przepis nie przewiduje kolejnego "
                        f"egzaminu po tym dniu; kurs trzeba by odbyć ponownie."))], steps=[step], notes=notes,
                    facts={"source": path, "retake_limit": limit.isoformat()}, as_of=as_of)
