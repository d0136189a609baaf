"""Group j: transitional rules (§ 37) for training begun before the regulation's entry into force (2026-01-20).

Units: § 37 ust. 1 (diplomas and certificates issued under the old rules stay valid), § 37 ust. 2 (training begun
and not completed before 20.01.2026 continues under the 2016 regulation, except § 3 ust. 7 pkt 2 and § 4 ust. 1 of
the new one), § 37 ust. 3 (the spring 2026 exam fee; see state_exam.py), § 39 (entry into force).

The assistant does not model the 2016 regulation (its full text was not available): a training under the old rules
gets "needs review", naming the two new units that do apply.
"""
from __future__ import annotations

from datetime import date

from .. import parameters as P
from ..case import Case, Edition, ExamResult, SpecializationStatus
from ..decision import Decision, Note, Outcome, Reason
from ..experience import months_word
from ..periods import polish_date
from ..references import reg
from .courses import begun_before_regulation

PAR_37_1 = reg(37, 1)
PAR_37_2 = reg(37, 2)
PAR_39 = reg(39)
NO_CERTIFICATE = (ExamResult.FAILED, ExamResult.ABSENT, ExamResult.NOT_TAKEN)
OLD_RULES_NOTE = Note(code="old_regulation", text=(
    "Dotychczasowe przepisy to rozporządzenie Ministra Zdrowia z 30 września 2016 r. w sprawie kształcenia "
    "podyplomowego pielęgniarek i położnych (Dz.U. 2024 poz. 115); asystent nie odwzorowuje ich szczegółowo – zapytaj "
    "organizatora kształcenia."))


def _in_force(as_of: date) -> date:
    return P.value("regulation_in_force", as_of)


def transitional_decisions(case: Case, as_of: date) -> list[Decision]:
    start = _in_force(as_of)
    out: list[Decision] = []
    for i, s in enumerate(case.specializations or []):
        # Only training still under way needs the old rules now; a completed one is followed by the state exam,
        # which the new rules govern (state_exam.py says why).
        if s.status is not SpecializationStatus.IN_PROGRESS:
            continue
        if s.started_on is None:
            out.append(Decision(
                rule="j.old_rules", group="j", title=f"Które przepisy stosuje się do specjalizacji: {s.field or '—'}",
                outcome=Outcome.NEEDS_REVIEW, legal_basis=[PAR_37_2, PAR_39],
                reasons=[Reason(code="start_unknown", text=(
                    f"Nie znamy daty rozpoczęcia specjalizacji: jeśli zaczęła się przed {polish_date(start)}, "
                    f"stosuje się do niej przepisy dotychczasowe."))],
                missing=[f"specializations[{i}].started_on"], as_of=as_of))
            continue
        if s.started_on < start:
            out.append(_old_rules(f"specjalizacji: {s.field or '—'}", s.started_on, start, as_of))
    for c in case.courses:
        # A course begun before the regulation and not finished (its exam not passed) is still under way.
        if c.exam is not ExamResult.PASSED and begun_before_regulation(c, as_of):
            out.append(_old_rules(f"kursu: {c.name or c.field or '—'}", c.started_on, start, as_of, course=True))
    old_docs = [t.field or "tytuł specjalisty" for t in case.specialist_titles if t.completed_on and t.completed_on < start]
    # A course whose final exam was failed, missed or not yet taken has no certificate (§ 27 ust. 1, § 33 ust. 1).
    old_docs += [c.name or c.field or "kurs" for c in case.courses if c.completed_on and c.completed_on < start
                 and c.exam not in NO_CERTIFICATE]
    if old_docs:
        out.append(Decision(rule="j.documents_valid", group="j",
                            title=f"Dyplomy i zaświadczenia sprzed {polish_date(start)}",
                            outcome=Outcome.MEETS, legal_basis=[PAR_37_1],
                            reasons=[Reason(code="still_valid", text=(
                                "Dyplomy i zaświadczenia wydane na podstawie dotychczasowych przepisów zachowują ważność: "
                                + ", ".join(old_docs[:5]) + (" …" if len(old_docs) > 5 else "") + "."))], as_of=as_of))
    return out


def edition_decision(edition: Edition, as_of: date) -> Decision | None:
    """An edition planned to start before the regulation is trained under the old rules (§ 37 ust. 2)."""
    start = _in_force(as_of)
    if edition.planned_start is not None and edition.planned_start < start:
        return _old_rules("edycji kształcenia (organizator)", edition.planned_start, start, as_of)
    return None


def _old_rules(what: str, started: date, start: date, as_of: date, course: bool = False) -> Decision:
    months = P.value("specjalizacja_min_months", as_of)
    if course:
        text = (f"Kurs rozpoczął się {polish_date(started)}, przed wejściem w życie rozporządzenia "
                f"({polish_date(start)}), i nie został przed tym dniem zakończony: stosuje się do niego przepisy "
                f"dotychczasowe (§ 37 ust. 2), także do egzaminu po kursie i zaświadczenia. Wyniki asystenta oparte na "
                f"nowych przepisach trzeba więc potwierdzić u organizatora.")
        basis = [PAR_37_2, PAR_39]
    else:
        text = (f"Kształcenie rozpoczęło się {polish_date(started)}, przed wejściem w życie rozporządzenia "
                f"({polish_date(start)}): stosuje się do niego przepisy dotychczasowe, z wyjątkiem nowego § 3 "
                f"ust. 7 pkt 2 (uzupełniające postępowanie kwalifikacyjne) i § 4 ust. 1 (specjalizacja trwa co "
                f"najmniej {months_word(months)}, bez górnej granicy). Wyniki asystenta oparte na nowych przepisach "
                f"trzeba więc potwierdzić u organizatora.")
        basis = [PAR_37_2, PAR_39, reg(3, 7, 2), reg(4, 1)]
    return Decision(rule="j.old_rules", group="j", title=f"Które przepisy stosuje się do {what}",
                    outcome=Outcome.NEEDS_REVIEW, legal_basis=basis,
                    reasons=[Reason(code="begun_before", text=text)], notes=[OLD_RULES_NOTE], as_of=as_of)
