"""Group c: the qualification procedure (postępowanie kwalifikacyjne).

Units:
- written entrance exam: § 3 ust. 4 (specjalizacja, more applicants than places), § 3 ust. 5 (specjalizacja funded
  by the minister: always), § 21 ust. 3 pkt 2 (kurs kwalifikacyjny) and § 28 ust. 2 pkt 2 (kurs specjalistyczny),
  both when there are more applicants than places; a kurs dokształcający has no entrance exam (§ 34 ust. 2);
- exemption from the entrance exam for a person with a doctorate under art. 67 ust. 3: § 5 ust. 4;
- the qualification commission: § 3 ust. 2 and 6 (specjalizacja), § 21 ust. 2 (kurs kwalifikacyjny);
- the supplementary round: § 3 ust. 7–8 (§ 3 ust. 7 pkt 2 applies also to specializations begun before
  2026-01-20, § 37 ust. 2).

Readings taken:
- The commission lists of § 3 ust. 2 and § 21 ust. 2 are read as closed: a member outside the listed roles is
  reported as not provided for.
- "Nie upłynęło więcej niż miesiąc" (§ 3 ust. 7 pkt 2): the round may be held on or before the day one month
  after the planned start (KC art. 112).
"""
from __future__ import annotations

from collections import Counter
from datetime import date

from .. import parameters as P
from ..case import Case, CommissionRole, Edition, Form
from ..decision import Decision, Note, Outcome, Reason, Step, answers, needs_review
from ..experience import months_word
from ..periods import add_months, polish_date
from ..references import reg, ustawa

PAR_3_2 = reg(3, 2)
PAR_3_3 = reg(3, 3)
PAR_3_4 = reg(3, 4)
PAR_3_5 = reg(3, 5)
PAR_3_6 = reg(3, 6)
PAR_3_7 = reg(3, 7)
PAR_3_7_1 = reg(3, 7, 1)
PAR_3_7_2 = reg(3, 7, 2)
PAR_3_8 = reg(3, 8)
PAR_5_4 = reg(5, 4)
PAR_21_2 = reg(21, 2)
PAR_21_3_2 = reg(21, 3, 2)
PAR_28_2_2 = reg(28, 2, 2)
PAR_34_2 = reg(34, 2)
ART_67_3 = ustawa(67, 3)

FORM_WORD = {
    Form.SPECJALIZACJA: "specjalizacji",
    Form.KURS_KWALIFIKACYJNY: "kursu kwalifikacyjnego",
    Form.KURS_SPECJALISTYCZNY: "kursu specjalistycznego",
    Form.KURS_DOKSZTALCAJACY: "kursu dokształcającego",
}


answers("c.entrance_exam", {Outcome.MEETS: "Tak – egzamin wstępny w formie pisemnej jest obowiązkowy",
                             Outcome.DOES_NOT_MEET: "Nie – egzamin wstępny nie jest obowiązkowy"})
answers("c.commission", {Outcome.MEETS: "Skład zgodny z przepisami",
                         Outcome.DOES_NOT_MEET: "Skład niezgodny z przepisami",
                         Outcome.FOR_DECISION: "Skład ustala organizator"})
answers("c.supplementary_round", {Outcome.MEETS: "Tak – można przeprowadzić",
                                  Outcome.DOES_NOT_MEET: "Nie – nie można przeprowadzić"})
answers("c.commission.consultant", {Outcome.MEETS: "Tak – konsultant wojewódzki wchodzi w skład komisji",
                                    Outcome.DOES_NOT_MEET: "Nie – skład nie obejmuje konsultanta"})


def entrance_exam_decision(form: Form, places: int | None, applicants: int | None, publicly_funded: bool | None,
                           as_of: date, rule: str = "c.entrance_exam") -> Decision:
    """Is a written entrance exam compulsory for this edition? MEETS means: yes, it must be held."""
    title = f"Czy przy kwalifikacji do {FORM_WORD.get(form, 'kształcenia')} obowiązuje egzamin wstępny"
    if form is Form.KURS_DOKSZTALCAJACY:
        return Decision(rule=rule, group="c", title=title, outcome=Outcome.DOES_NOT_MEET, reasons=[Reason(
            code="no_exam_for_kurs_doksztalcajacy",
            text="Przepisy nie przewidują egzaminu wstępnego na kurs dokształcający; organizator przeprowadza "
                 "postępowanie kwalifikacyjne i sporządza z niego protokół.")], legal_basis=[PAR_34_2],
            facts={"entrance_exam_required": False}, as_of=as_of)
    if form is Form.EGZAMIN_PANSTWOWY:
        return needs_review(rule, "c", title, as_of, [PAR_3_4], ["goal.form"],
                            "Egzamin wstępny dotyczy specjalizacji i kursów, nie egzaminu państwowego.", code="not_applicable")
    over_ref = {Form.SPECJALIZACJA: PAR_3_4, Form.KURS_KWALIFIKACYJNY: PAR_21_3_2,
                Form.KURS_SPECJALISTYCZNY: PAR_28_2_2}[form]
    basis = [over_ref]
    reasons: list[Reason] = []
    missing: list[str] = []
    oversubscribed: bool | None
    if places is None or applicants is None:
        oversubscribed = None
        missing += [n for n, v in (("edition.places", places), ("edition.applicants", applicants)) if v is None]
    else:
        oversubscribed = applicants > places
        if oversubscribed:
            reasons.append(Reason(code="oversubscribed", text=(
                f"Chętnych ({applicants}) jest więcej niż miejsc ({places}): komisja przeprowadza egzamin wstępny "
                f"w formie pisemnej.")))
        else:
            reasons.append(Reason(code="not_oversubscribed", text=(
                f"Chętnych ({applicants}) nie jest więcej niż miejsc ({places}).")))
    funded: bool | None = False
    if form is Form.SPECJALIZACJA:
        basis.append(PAR_3_5)
        funded = publicly_funded
        if funded:
            basis.append(PAR_3_6)
            reasons.append(Reason(code="funded_exam", text=(
                "Specjalizacja jest dofinansowana ze środków publicznych: egzamin wstępny w formie pisemnej jest "
                "obowiązkowy bez względu na liczbę chętnych, a w komisji zasiada konsultant wojewódzki.")))
        elif funded is None:
            missing.append("edition.publicly_funded")
    required = oversubscribed is True or funded is True
    if required:
        outcome = Outcome.MEETS
    elif oversubscribed is None or funded is None:
        return needs_review(rule, "c", title, as_of, basis, missing,
                            "Aby ustalić, czy egzamin wstępny jest obowiązkowy, potrzebna jest liczba miejsc i chętnych"
                            + (" oraz informacja, czy specjalizacja jest dofinansowana." if funded is None else "."))
    else:
        outcome = Outcome.DOES_NOT_MEET
        reasons.append(Reason(code="no_exam_required", text=(
            "Egzamin wstępny nie jest obowiązkowy: postępowanie obejmuje ocenę dokumentów i protokół.")))
    # Unknown funding stays unknown: the consultant of § 3 ust. 6 sits only on a funded specialization's commission.
    facts = {"entrance_exam_required": required, "consultant_required": funded}
    return Decision(rule=rule, group="c", title=title, outcome=outcome, reasons=reasons, legal_basis=basis,
                    facts=facts, missing=missing, as_of=as_of)


def entrance_exam_exemption_decision(case: Case, as_of: date) -> Decision:
    """§ 5 ust. 4: a person meeting art. 67 ust. 3 may ask the commission to be exempted from the entrance exam."""
    rule, title = "c.entrance_exam_exemption", "Czy możesz prosić o zwolnienie z egzaminu wstępnego"
    doc = case.degrees.doctorate
    basis = [PAR_5_4, ART_67_3]
    if doc is None:
        return needs_review(rule, "c", title, as_of, basis, ["degrees.doctorate"],
                            "Zwolnienie z egzaminu wstępnego przysługuje osobie ze stopniem co najmniej doktora "
                            "i odpowiednim dorobkiem; nie wiemy, czy masz ten stopień.")
    if not doc:
        return Decision(rule=rule, group="c", title=title, outcome=Outcome.DOES_NOT_MEET, legal_basis=basis,
                        reasons=[Reason(code="no_doctorate", text=(
                            "Zwolnienie z egzaminu wstępnego dotyczy tylko osób ze stopniem naukowym co najmniej "
                            "doktora i odpowiednim dorobkiem w dziedzinie specjalizacji."))], as_of=as_of)
    return Decision(rule=rule, group="c", title=title, outcome=Outcome.ON_REQUEST, legal_basis=basis,
                    reasons=[Reason(code="doctorate", text=(
                        "Masz stopień co najmniej doktora: jeśli masz też odpowiedni dorobek naukowy i zawodowy w "
                        "dziedzinie specjalizacji, możesz złożyć wniosek do komisji kwalifikacyjnej o zwolnienie z "
                        "egzaminu wstępnego. Decyduje komisja."))],
                    documents=["Wniosek do komisji kwalifikacyjnej o zwolnienie z egzaminu wstępnego",
                               "Dyplom doktorski i wykaz dorobku naukowego i zawodowego w dziedzinie"],
                    as_of=as_of)


def commission_decision(edition: Edition, as_of: date) -> Decision:
    """Does the qualification commission have the composition the regulation requires?"""
    rule = "c.commission"
    form = edition.form
    title = f"Skład komisji kwalifikacyjnej ({FORM_WORD.get(form, 'kształcenia') if form else 'kształcenia'})"
    if form not in (Form.SPECJALIZACJA, Form.KURS_KWALIFIKACYJNY):
        basis = [PAR_3_2, PAR_21_2]
        if form is None:
            return needs_review(rule, "c", title, as_of, basis, ["edition.form"], "Nie wiemy, jakiego kształcenia dotyczy komisja.")
        return Decision(rule=rule, group="c", title=title, outcome=Outcome.FOR_DECISION, legal_basis=[
            PAR_28_2_2 if form is Form.KURS_SPECJALISTYCZNY else PAR_34_2], reasons=[Reason(
                code="composition_not_regulated",
                text="Rozporządzenie nie określa składu komisji dla tego rodzaju kursu: postępowanie prowadzi organizator.")],
            as_of=as_of)
    if edition.commission is None:
        basis = [PAR_3_2] if form is Form.SPECJALIZACJA else [PAR_21_2]
        return needs_review(rule, "c", title, as_of, basis, ["edition.commission"], "Nie podano składu komisji.")
    roles = Counter(m.role for m in edition.commission)
    organizer_reps = roles[CommissionRole.KIEROWNIK] + roles[CommissionRole.ORGANIZER_REPRESENTATIVE]
    problems: list[Reason] = []
    notes: list[Note] = []
    if form is Form.SPECJALIZACJA:
        basis = [PAR_3_2]
        expected = {CommissionRole.PROFESSIONAL_SOCIETY: 1, CommissionRole.NRPIP: 1}
        allowed = {CommissionRole.KIEROWNIK, CommissionRole.ORGANIZER_REPRESENTATIVE,
                   CommissionRole.PROFESSIONAL_SOCIETY, CommissionRole.NRPIP}
        kierownik_word = "kierownik specjalizacji"
        funded = edition.publicly_funded
        if funded:
            basis.append(PAR_3_6)
            expected[CommissionRole.CONSULTANT] = 1
            allowed.add(CommissionRole.CONSULTANT)
            consultant = next((m for m in edition.commission if m.role is CommissionRole.CONSULTANT), None)
            if consultant is not None and consultant.consultant_field_matches is False:
                notes.append(Note(code="related_consultant", text=(
                    "Konsultant wojewódzki w dziedzinie pokrewnej może zasiadać w komisji tylko wtedy, gdy nie ma "
                    "konsultanta w dziedzinie zgodnej z dziedziną specjalizacji (§ 3 ust. 6).")))
            elif consultant is not None and consultant.consultant_field_matches is None:
                notes.append(Note(code="consultant_field_unknown", text=(
                    "Nie podano, czy konsultant wojewódzki jest w dziedzinie zgodnej z dziedziną specjalizacji: "
                    "konsultant w dziedzinie pokrewnej może zasiadać w komisji tylko wtedy, gdy konsultanta w "
                    "dziedzinie zgodnej nie ma (§ 3 ust. 6).")))
        elif funded is None and roles[CommissionRole.CONSULTANT] == 0:
            return needs_review(rule, "c", title, as_of, [PAR_3_2, PAR_3_6], ["edition.publicly_funded"],
                                "Skład zależy od tego, czy specjalizacja jest dofinansowana (wtedy w komisji zasiada "
                                "konsultant wojewódzki); tego nie wiemy.")
        elif funded is None:
            allowed.add(CommissionRole.CONSULTANT)
    else:
        basis = [PAR_21_2]
        expected = {CommissionRole.NRPIP: 1}
        allowed = {CommissionRole.KIEROWNIK, CommissionRole.ORGANIZER_REPRESENTATIVE, CommissionRole.NRPIP}
        kierownik_word = "kierownik kursu"
    if organizer_reps != 2:
        problems.append(Reason(code="organizer_reps", text=(
            f"Komisja powinna mieć dwóch przedstawicieli organizatora (w tym {kierownik_word}); podano {organizer_reps}.")))
    if roles[CommissionRole.KIEROWNIK] != 1:
        problems.append(Reason(code="kierownik_chair", text=(
            f"Przewodniczącym komisji jest {kierownik_word}: w składzie powinna być dokładnie jedna taka osoba; "
            f"podano {roles[CommissionRole.KIEROWNIK]}.")))
    role_names = {CommissionRole.PROFESSIONAL_SOCIETY: "przedstawiciel stowarzyszenia zawodowego lub towarzystwa naukowego",
                  CommissionRole.NRPIP: "przedstawiciel Naczelnej Rady Pielęgniarek i Położnych",
                  CommissionRole.CONSULTANT: "konsultant wojewódzki"}
    for role, count in expected.items():
        if roles[role] != count:
            problems.append(Reason(code=f"role_{role.value}", text=(
                f"W komisji powinien być {role_names[role]} ({count}); podano {roles[role]}.")))
    extra = [r for r in roles if r not in allowed]
    if extra:
        problems.append(Reason(code="extra_roles", text=(
            "Przepis wylicza skład komisji; członkowie spoza wymienionych ról nie są w nim przewidziani: "
            + ", ".join(r.value for r in extra) + ".")))
        notes.append(Note(code="closed_list", text=(
            "Czytamy wyliczenie składu komisji jako zamknięte („W skład komisji kwalifikacyjnej wchodzą: …”).")))
    if problems:
        return Decision(rule=rule, group="c", title=title, outcome=Outcome.DOES_NOT_MEET, reasons=problems,
                        legal_basis=basis, notes=notes, facts={"members": sum(roles.values())}, as_of=as_of)
    return Decision(rule=rule, group="c", title=title, outcome=Outcome.MEETS, legal_basis=basis, notes=notes,
                    reasons=[Reason(code="composition_ok", text="Skład komisji odpowiada przepisom.")],
                    facts={"members": sum(roles.values())}, as_of=as_of)


def supplementary_round_decision(edition: Edition, as_of: date) -> Decision:
    """§ 3 ust. 7–8: may the organizer hold a supplementary qualification round for a specialization?"""
    rule, title = "c.supplementary_round", "Czy można przeprowadzić uzupełniające postępowanie kwalifikacyjne"
    basis = [PAR_3_7, PAR_3_8]
    missing = []
    if edition.places is None:
        missing.append("edition.places")
    if edition.qualified is None:
        missing.append("edition.qualified")
    if missing:
        return needs_review(rule, "c", title, as_of, basis, missing,
                            "Potrzebna jest liczba miejsc i liczba osób już zakwalifikowanych.")
    if edition.qualified >= edition.places:
        return Decision(rule=rule, group="c", title=title, outcome=Outcome.DOES_NOT_MEET, legal_basis=basis,
                        reasons=[Reason(code="no_free_places", text=(
                            f"Zakwalifikowano {edition.qualified} osób na {edition.places} miejsc: nie ma wolnych miejsc."))],
                        as_of=as_of)
    free = edition.places - edition.qualified
    notes = [Note(code="round_rules", text=(
        "Postępowanie uzupełniające przeprowadza się według tych samych zasad co zasadnicze: ten sam skład komisji i "
        "egzamin wstępny w przypadkach z § 3 ust. 4 i 5 (§ 3 ust. 8)."))]
    if edition.programme_started is False:
        return Decision(rule=rule, group="c", title=title, outcome=Outcome.MEETS, legal_basis=[PAR_3_7_1, PAR_3_8],
                        reasons=[Reason(code="not_started", text=(
                            f"Są wolne miejsca ({free}) i realizacja programu specjalizacji się nie rozpoczęła."))],
                        notes=notes, facts={"free_places": free}, as_of=as_of)
    if edition.programme_started is None:
        return needs_review(rule, "c", title, as_of, basis, ["edition.programme_started"],
                            "Nie wiemy, czy realizacja programu specjalizacji się rozpoczęła.")
    max_share = P.value("supplementary_round_max_share", as_of)
    max_months = P.value("supplementary_round_max_months", as_of)
    missing = [n for n, v in (("edition.programme_hours_total", edition.programme_hours_total),
                              ("edition.programme_hours_done", edition.programme_hours_done),
                              ("edition.planned_start", edition.planned_start)) if v is None]
    if missing:
        return needs_review(rule, "c", title, as_of, [PAR_3_7_2], missing,
                            "Program już się rozpoczął: potrzebny jest ogólny wymiar godzin, liczba godzin "
                            "zrealizowanych i planowana data rozpoczęcia.")
    round_on = edition.supplementary_round_on or as_of
    share = edition.programme_hours_done / edition.programme_hours_total
    last_day = add_months(edition.planned_start, max_months)
    reasons = []
    ok_share = share <= max_share
    ok_time = round_on <= last_day
    reasons.append(Reason(code="share_ok" if ok_share else "share_exceeded", text=(
        f"Zrealizowano {_pct(share)} godzin programu (dopuszczalne najwyżej {_pct(max_share)}).")))
    reasons.append(Reason(code="time_ok" if ok_time else "time_exceeded", text=(
        f"Postępowanie {polish_date(round_on)}; od planowanej daty rozpoczęcia ({polish_date(edition.planned_start)}) "
        f"może upłynąć najwyżej {months_word(max_months)}, czyli postępowanie trzeba przeprowadzić najpóźniej "
        f"{polish_date(last_day)}")))
    outcome = Outcome.MEETS if ok_share and ok_time else Outcome.DOES_NOT_MEET
    steps = [Step(code="supplementary_round_last_day", label="Ostatni dzień na uzupełniające postępowanie kwalifikacyjne",
                  date=last_day, legal_basis=[PAR_3_7_2])]
    notes.append(Note(code="month_reading", text=(
        f"Okres z § 3 ust. 7 pkt 2 ({months_word(max_months)} od planowanej daty rozpoczęcia) liczymy jak termin "
        f"miesięczny (art. 112 Kodeksu cywilnego): postępowanie może się odbyć najpóźniej w dniu, który datą odpowiada "
        f"planowanemu rozpoczęciu, {months_word(max_months)} później. To warunek, a nie termin do dokonania "
        f"czynności, więc nie przesuwa się z dnia wolnego.")))
    return Decision(rule=rule, group="c", title=title, outcome=outcome, reasons=reasons, legal_basis=[PAR_3_7_2, PAR_3_8],
                    notes=notes, steps=steps, facts={"free_places": free, "hours_share_done": round(share, 4)},
                    as_of=as_of)


def _pct(x: float) -> str:
    text = f"{x * 100:.1f}".rstrip("0").rstrip(".")
    return text.replace(".", ",") + " %"


def consultant_decision(form: Form | None, publicly_funded: bool | None, as_of: date) -> Decision:
    """Must a voivodeship consultant sit on the qualification commission? Only for a specialization funded by the
    minister (§ 3 ust. 6, which refers to ust. 5). MEETS means: yes, the consultant must be on it."""
    rule, title = "c.commission.consultant", "Czy w komisji kwalifikacyjnej zasiada konsultant wojewódzki"
    if form is None:
        return needs_review(rule, "c", title, as_of, [PAR_3_6], ["edition.form"],
                            "Nie wiemy, jakiego kształcenia dotyczy nabór.")
    if form is not Form.SPECJALIZACJA:
        return Decision(rule=rule, group="c", title=title, outcome=Outcome.DOES_NOT_MEET, legal_basis=[PAR_3_6],
                        reasons=[Reason(code="not_a_specialization", text=(
                            "Konsultanta wojewódzkiego w komisji przewiduje się tylko przy specjalizacji "
                            "dofinansowanej ze środków publicznych; ten nabór dotyczy kursu."))], as_of=as_of)
    if publicly_funded is None:
        return needs_review(rule, "c", title, as_of, [PAR_3_6], ["edition.publicly_funded"],
                            "Konsultant wojewódzki zasiada w komisji, gdy specjalizacja jest dofinansowana ze środków "
                            "publicznych; nie wiemy, czy jest.")
    if not publicly_funded:
        return Decision(rule=rule, group="c", title=title, outcome=Outcome.DOES_NOT_MEET, legal_basis=[PAR_3_2, PAR_3_6],
                        reasons=[Reason(code="not_funded", text=(
                            "Specjalizacja nie jest dofinansowana ze środków publicznych: skład komisji nie obejmuje "
                            "konsultanta wojewódzkiego."))], as_of=as_of)
    return Decision(rule=rule, group="c", title=title, outcome=Outcome.MEETS, legal_basis=[PAR_3_6],
                    reasons=[Reason(code="funded", text=(
                        "Specjalizacja jest dofinansowana ze środków publicznych: w komisji zasiada także konsultant "
                        "wojewódzki właściwy dla województwa, w dziedzinie pielęgniarstwa zgodnej z dziedziną "
                        "specjalizacji, a gdy takiego nie ma – w dziedzinie pokrewnej."))], as_of=as_of)
