"""Group e: exemption (zwolnienie) from the obligation to complete a specialization, in part or in full.

Units: ustawa art. 67 ust. 3 (a nurse or midwife with at least a doctorate and relevant scientific and professional
output in the field may be exempted by the dyrektor CMKP), rozporządzenie § 5 ust. 1 (the request goes to the
dyrektor CMKP), § 5 ust. 2–3 (the team that gives the opinion: the national consultant, an NRPiP representative, at
most two academics with a doctorate; at least three members), § 9 ust. 1 pkt 1–2 (full exemption opens the state
exam, with the exemption document instead of the EKK).

Whether the output ("dorobek") is relevant is a judgement for the dyrektor CMKP; the assistant never decides it.
"""
from __future__ import annotations

from collections import Counter
from datetime import date

from .. import parameters as P
from ..case import Case, CommissionRole
from ..decision import Decision, Outcome, Reason, needs_review
from ..references import reg, ustawa

ART_67_3 = ustawa(67, 3)
PAR_5_1 = reg(5, 1)
PAR_5_2 = reg(5, 2)
PAR_5_2_1 = reg(5, 2, 1)
PAR_5_2_2 = reg(5, 2, 2)
PAR_5_2_3 = reg(5, 2, 3)
PAR_5_3 = reg(5, 3)
PAR_9_1_1 = reg(9, 1, 1)


def exemption_decision(case: Case, as_of: date) -> Decision:
    rule, title = "e.exemption", "Czy możesz wnioskować o zwolnienie ze specjalizacji (w części lub w całości)"
    basis = [ART_67_3, PAR_5_1]
    doc = case.degrees.doctorate
    if doc is None:
        return needs_review(rule, "e", title, as_of, basis, ["degrees.doctorate"],
                            "Zwolnienie ze specjalizacji jest możliwe tylko przy stopniu naukowym co najmniej doktora; "
                            "nie wiemy, czy go masz.")
    if not doc:
        return Decision(rule=rule, group="e", title=title, outcome=Outcome.DOES_NOT_MEET, legal_basis=basis,
                        reasons=[Reason(code="no_doctorate", text=(
                            "Zwolnienie ze specjalizacji dotyczy osób ze stopniem naukowym co najmniej doktora i "
                            "odpowiednim dorobkiem naukowym i zawodowym w dziedzinie. Możesz natomiast wnioskować o "
                            "zaliczenie modułów (§ 4)."))], as_of=as_of)
    field = case.goal.field or case.degrees.doctorate_field
    reasons = [Reason(code="doctorate", text=(
        "Masz stopień co najmniej doktora. Dyrektor CMKP może zwolnić Cię z obowiązku odbywania specjalizacji w części "
        "lub w całości, jeśli uzna Twój dorobek naukowy i zawodowy w dziedzinie"
        + (f" „{field}”" if field else "") + " za odpowiedni; decyzję poprzedza opinia zespołu ekspertów.")),
        Reason(code="full_exemption_exam", text=(
            "Zwolnienie w całości pozwala przystąpić do egzaminu państwowego z dokumentem potwierdzającym zwolnienie "
            "zamiast EKK."))]
    return Decision(rule=rule, group="e", title=title, outcome=Outcome.FOR_DECISION, reasons=reasons,
                    legal_basis=basis + [PAR_5_2, PAR_9_1_1],
                    documents=["Wniosek do dyrektora CMKP o zwolnienie z obowiązku odbywania specjalizacji",
                               "Dyplom doktorski (lub dokument potwierdzający wyższy stopień albo tytuł)",
                               "Wykaz dorobku naukowego i zawodowego w dziedzinie specjalizacji"],
                    as_of=as_of)


def exemption_team_decision(roles: list[CommissionRole], as_of: date) -> Decision:
    """§ 5 ust. 2–3: the composition of the team that gives the opinion on an exemption."""
    rule, title = "e.exemption_team", "Skład zespołu opiniującego zwolnienie ze specjalizacji"
    basis = [PAR_5_2, PAR_5_3]
    counts = Counter(roles)
    minimum = P.value("exemption_team_min_members", as_of)
    max_academics = P.value("exemption_team_max_academics", as_of)
    problems = []
    if counts[CommissionRole.NATIONAL_CONSULTANT] != 1:
        problems.append(Reason(code="national_consultant", text=(
            "W zespole powinien być konsultant krajowy w dziedzinie właściwej (albo pokrewnej, gdy w danej dziedzinie "
            f"nie ma konsultanta); podano {counts[CommissionRole.NATIONAL_CONSULTANT]}.")))
    if counts[CommissionRole.NRPIP] != 1:
        problems.append(Reason(code="nrpip", text=(
            f"W zespole powinien być przedstawiciel Naczelnej Rady Pielęgniarek i Położnych; podano {counts[CommissionRole.NRPIP]}.")))
    if counts[CommissionRole.ACADEMIC] > max_academics:
        problems.append(Reason(code="academics", text=(
            f"W zespole może być najwyżej {max_academics} pracowników naukowych uczelni; podano {counts[CommissionRole.ACADEMIC]}.")))
    other = [r for r in counts if r not in (CommissionRole.NATIONAL_CONSULTANT, CommissionRole.NRPIP, CommissionRole.ACADEMIC)]
    if other:
        problems.append(Reason(code="extra_roles", text=(
            "Przepis wylicza skład zespołu; te role nie są w nim przewidziane: " + ", ".join(r.value for r in other) + ".")))
    total = len(roles)
    if total < minimum:
        problems.append(Reason(code="too_few", text=f"Zespół musi liczyć co najmniej {minimum} osoby; podano {total}."))
    if problems:
        return Decision(rule=rule, group="e", title=title, outcome=Outcome.DOES_NOT_MEET, reasons=problems,
                        legal_basis=basis + [PAR_5_2_1, PAR_5_2_2, PAR_5_2_3], facts={"members": total}, as_of=as_of)
    return Decision(rule=rule, group="e", title=title, outcome=Outcome.MEETS, legal_basis=basis,
                    reasons=[Reason(code="team_ok", text=f"Skład zespołu ({total} osób) odpowiada przepisom.")],
                    facts={"members": total}, as_of=as_of)
