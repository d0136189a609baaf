"""Group i: who may be kierownik specjalizacji (§ 6) or kierownik kursu (§ 23; § 31 and § 35 ust. 1 apply § 23 to
specialist and continuing-education courses).

Both require a specialist title in the field and at least one of:
1) a doctorate, an academic teacher at a nursing or midwifery school, and 3 years' experience in the field;
2) a doctorate, 3 years' experience in the field, and employment in a unit whose profile matches the field;
3) a master's degree in nursing or midwifery, 3 years in the profession, and employment in such a unit.
§ 6 ust. 3 lets a specialist in a related field lead a specialization "w uzasadnionych przypadkach"; § 23 has no such
exception for courses.
"""
from __future__ import annotations

from datetime import date

from .. import parameters as P
from ..case import Form, LeaderCandidate
from ..common import at_least, tri_and, tri_or
from ..decision import Decision, Outcome, Reason, answers
from ..references import reg


answers("i.leader", {Outcome.MEETS: "Tak – może być kierownikiem",
                     Outcome.DOES_NOT_MEET: "Nie – nie może być kierownikiem",
                     Outcome.FOR_DECISION: "W uzasadnionych przypadkach – ocenia organizator"})
LEADER = "edition.leader"


def _missing(c: LeaderCandidate, is_spec: bool, title_unknown: bool, condition_unknown: bool) -> list[str]:
    """The candidate's unknown facts that leave the answer open."""
    names: list[str] = []
    if title_unknown:
        names += ["specialist_title_in_field"] + (["specialist_title_in_related_field"] if is_spec else [])
    if condition_unknown:
        names += ["doctorate", "academic_teacher", "years_experience_in_field", "employed_in_matching_unit",
                  "magister_nursing", "years_in_profession"]
    return [f"{LEADER}.{n}" for n in names if getattr(c, n) is None]


def leader_decision(form: Form | None, c: LeaderCandidate, as_of: date) -> Decision:
    is_spec = form is Form.SPECJALIZACJA
    par = "6" if is_spec else "23"
    years = P.value("kierownik_experience_years", as_of)
    word = "kierownikiem specjalizacji" if is_spec else "kierownikiem kursu"
    rule, title = "i.leader", f"Czy kandydat może być {word}"
    pkt1 = tri_and(c.doctorate, c.academic_teacher, at_least(c.years_experience_in_field, years))
    pkt2 = tri_and(c.doctorate, at_least(c.years_experience_in_field, years), c.employed_in_matching_unit)
    pkt3 = tri_and(c.magister_nursing, at_least(c.years_in_profession, years), c.employed_in_matching_unit)
    condition = tri_or(pkt1, pkt2, pkt3)
    basis = [reg(par, 2)]
    if form is Form.KURS_SPECJALISTYCZNY:
        basis.append(reg(31))
    elif form is Form.KURS_DOKSZTALCAJACY:
        basis.append(reg(35, 1))
    met = [f"pkt {n}" for n, v in ((1, pkt1), (2, pkt2), (3, pkt3)) if v is True]
    reasons: list[Reason] = []
    missing: list[str] = []
    if c.specialist_title_in_field is True:
        title_status = "field"
    elif is_spec and c.specialist_title_in_related_field is True:
        title_status = "related"
    elif c.specialist_title_in_field is False and (not is_spec or c.specialist_title_in_related_field is False):
        title_status = "none"
    else:
        title_status = "unknown"
    if title_status == "none":
        reasons.append(Reason(code="no_title", text=(
            f"{word.capitalize()} musi mieć tytuł specjalisty w dziedzinie kształcenia"
            + (" (albo, w uzasadnionych przypadkach, w dziedzinie pokrewnej)." if is_spec else "."))))
        outcome = Outcome.DOES_NOT_MEET
    elif condition is False:
        reasons.append(Reason(code="no_condition", text=(
            f"Nie spełnia żadnego z warunków § {par} ust. 2 pkt 1–3 (doktorat z pracą na uczelni lub w komórce o "
            f"zgodnym profilu, albo magisterium z {years}-letnim stażem i pracą w takiej komórce).")))
        outcome = Outcome.DOES_NOT_MEET
    elif title_status == "unknown" or condition is None:
        reasons.append(Reason(code="missing_fact", text="Brakuje danych o tytule, stopniu, stażu lub miejscu pracy kandydata."))
        outcome = Outcome.NEEDS_REVIEW
        missing = _missing(c, is_spec, title_status == "unknown", condition is None)
    elif title_status == "related":
        basis.append(reg(6, 3))
        reasons.append(Reason(code="related_field", text=(
            f"Kandydat ma tytuł specjalisty w dziedzinie pokrewnej i spełnia § 6 ust. 2 ({', '.join(met)}): może być "
            f"kierownikiem specjalizacji w uzasadnionych przypadkach – ocenia organizator.")))
        outcome = Outcome.FOR_DECISION
    else:
        reasons.append(Reason(code="qualified", text=f"Ma tytuł specjalisty w dziedzinie i spełnia § {par} ust. 2 ({', '.join(met)})."))
        outcome = Outcome.MEETS
    return Decision(rule=rule, group="i", title=title, outcome=outcome, reasons=reasons, legal_basis=basis,
                    missing=missing, as_of=as_of)
