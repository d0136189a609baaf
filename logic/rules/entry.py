"""Group a: who may start each form of postgraduate education.

Units: ustawa art. 67 ust. 4 (specjalizacja), art. 71 ust. 2 (kurs kwalifikacyjny), art. 72 ust. 2 (kurs
specjalistyczny), art. 73 ust. 2 (kurs dokształcający); rozporządzenie § 2, § 20, § 28 ust. 1, § 34 ust. 1 (the
application through SMK to the organizer, by the organizer's deadline).

The last condition of each article, admission after the qualification procedure in SMK, is something the organizer
does after the application; the decision therefore says whether the person may *apply*, and names that step.
Work experience is computed in logic/experience.py (the reading taken is written down there).
"""
from __future__ import annotations

from datetime import date, timedelta

from .. import parameters as P
from ..case import FORM_LABELS_PL, PROFESSION_LABELS_PL, Case, Form, Profession
from ..decision import Decision, Note, Outcome, Reason, Step, StepKind
from ..experience import (DAYS_PER_MONTH, WorkHistory, check_experience, days_word, length_text, requirement_text,
                          work_history, years_word)
from ..fields import is_listed, source as fields_source
from ..periods import add_years, polish_date
from ..references import reg, ustawa

ART_67_4 = ustawa(67, 4)
ART_67_4_1 = ustawa(67, 4, 1)
ART_67_4_2 = ustawa(67, 4, 2)
ART_67_4_3 = ustawa(67, 4, 3)
ART_71_2_1 = ustawa(71, 2, 1)
ART_71_2_2 = ustawa(71, 2, 2)
ART_71_2_3 = ustawa(71, 2, 3)
ART_72_2 = ustawa(72, 2)
ART_73_2 = ustawa(73, 2)
PAR_2 = reg(2)
PAR_20 = reg(20)
PAR_28_1 = reg(28, 1)
PAR_34_1 = reg(34, 1)

APPLICATION_REF = {
    Form.SPECJALIZACJA: PAR_2,
    Form.KURS_KWALIFIKACYJNY: PAR_20,
    Form.KURS_SPECJALISTYCZNY: PAR_28_1,
    Form.KURS_DOKSZTALCAJACY: PAR_34_1,
}
PWZ_REF = {
    Form.SPECJALIZACJA: ART_67_4_1,
    Form.KURS_KWALIFIKACYJNY: ART_71_2_1,
    Form.KURS_SPECJALISTYCZNY: ART_72_2,
    Form.KURS_DOKSZTALCAJACY: ART_73_2,
}
TITLES = {
    Form.SPECJALIZACJA: "Czy możesz ubiegać się o specjalizację",
    Form.KURS_KWALIFIKACYJNY: "Czy możesz ubiegać się o kurs kwalifikacyjny",
    Form.KURS_SPECJALISTYCZNY: "Czy możesz ubiegać się o kurs specjalistyczny",
    Form.KURS_DOKSZTALCAJACY: "Czy możesz ubiegać się o kurs dokształcający",
}

SUMMING_NOTE = Note(
    code="experience_summed",
    text=(
        f"Staż pracy liczymy tak jak pracodawcy: nakładające się okresy liczą się raz, każdy nieprzerwany okres "
        f"pracy liczymy w pełnych miesiącach kalendarzowych (art. 112 Kodeksu cywilnego) i pozostałych dniach, a "
        f"dni pozostałe z kilku okresów dodajemy, licząc {days_word(DAYS_PER_MONTH)} jako miesiąc (art. 114 Kodeksu "
        f"cywilnego). Ostatecznie staż ocenia organizator na podstawie dokumentów."
    ),
)


def entry_decision(case: Case, as_of: date, form: Form) -> Decision:
    """May the person apply for `form` on `as_of`? One decision per form of education."""
    rule = f"a.{form.value}.entry"
    reasons: list[Reason] = []
    notes: list[Note] = []
    steps: list[Step] = []
    missing: list[str] = []
    basis = [PWZ_REF[form]]
    facts: dict = {}
    earliest: date | None = None

    pwz = case.right_to_practise.held
    if pwz is None:
        missing.append("right_to_practise.held")
        reasons.append(Reason(code="pwz_unknown", text="Nie wiemy, czy masz aktualne prawo wykonywania zawodu (PWZ)."))
    elif pwz:
        reasons.append(Reason(code="pwz_held", text="Masz prawo wykonywania zawodu."))
    else:
        reasons.append(Reason(code="pwz_missing",
                              text="Bez prawa wykonywania zawodu nie można rozpocząć żadnej formy kształcenia podyplomowego."))

    experience_met: bool | None = True
    if form in (Form.SPECJALIZACJA, Form.KURS_KWALIFIKACYJNY):
        if form is Form.SPECJALIZACJA:
            months = P.value("specjalizacja_experience_months", as_of)
            window = P.value("specjalizacja_experience_window_years", as_of)
            ref = ART_67_4_2
        else:
            months = P.value("kurs_kwalifikacyjny_experience_months", as_of)
            window = None
            ref = ART_71_2_2
        basis.append(ref)
        history = work_history(case.employment, as_of)
        experience_met, exp_reason, earliest, exp_facts = _experience(history, as_of, months, window)
        facts.update(exp_facts)
        reasons.append(exp_reason)
        if experience_met is None:
            missing.extend(history.missing or ("employment",))
        if exp_facts.get("runs", 0) > 1:
            notes.append(SUMMING_NOTE)
        if earliest and experience_met is False:
            steps.append(Step(code="experience_met", label="Od tego dnia spełnisz warunek stażu pracy, jeśli będziesz "
                                                               "nadal pracować w zawodzie", date=earliest,
                              kind=StepKind.EARLIEST, legal_basis=[ref]))

    basis.append(APPLICATION_REF[form])
    if form is Form.SPECJALIZACJA:
        basis.extend([ART_67_4_3])
    elif form is Form.KURS_KWALIFIKACYJNY:
        basis.append(ART_71_2_3)

    if pwz is False:
        # The earliest date is the day every condition will be met; without the right to practise (art. 67 ust. 4
        # pkt 1, art. 71 ust. 2 pkt 1) no date can be given, however long the work. The step stays: it is true.
        earliest = None
    if pwz is False or experience_met is False:
        outcome = Outcome.DOES_NOT_MEET
    elif pwz is None or experience_met is None:
        outcome = Outcome.NEEDS_REVIEW
    else:
        outcome = Outcome.MEETS
        reasons.append(Reason(
            code="apply_via_smk",
            text=(f"Wniosek o zakwalifikowanie składasz przez SMK do organizatora kształcenia, w terminie przez niego "
                  f"wyznaczonym; o przyjęciu decyduje postępowanie kwalifikacyjne."),
        ))

    field_notes = _field_notes(case, form)
    notes.extend(field_notes)
    if outcome is Outcome.MEETS and any(n.code == "field_other_profession" for n in field_notes):
        outcome = Outcome.NEEDS_REVIEW
        reasons = [r for r in reasons if r.code != "apply_via_smk"]
        reasons.append(Reason(code="field_other_profession", text=(
            "Wybrana dziedzina jest na liście przewidziana dla drugiego zawodu: zanim złożysz wniosek, sprawdź u "
            "organizatora, czy możesz ją odbyć.")))
    documents = ["Zaświadczenie o prawie wykonywania zawodu (numer PWZ)"]
    if form is Form.SPECJALIZACJA:
        documents.append("Dokumenty potwierdzające staż pracy w zawodzie (np. zaświadczenia od pracodawców)")
    if form is Form.KURS_KWALIFIKACYJNY:
        documents.append(f"Dokumenty potwierdzające co najmniej "
                         f"{P.value('kurs_kwalifikacyjny_experience_months', as_of)}-miesięczny staż pracy w zawodzie")
    if case.goal.form is form or outcome is Outcome.MEETS:
        documents.append("Konto w SMK z potwierdzoną tożsamością i zweryfikowanymi uprawnieniami (art. 67 ust. 4b–4e ustawy)")

    return Decision(rule=rule, group="a", title=TITLES[form], outcome=outcome, reasons=reasons, legal_basis=basis,
                    notes=notes, steps=steps, documents=documents, earliest_date=earliest if outcome is not Outcome.MEETS else None,
                    missing=missing, facts=facts, as_of=as_of)


def _experience(history: WorkHistory, as_of: date, months: int, window_years: int | None):
    label = requirement_text(months)
    if window_years:
        window_start = add_years(as_of, -window_years)
        where = (f" w ciągu ostatnich {years_word(window_years)} (od {polish_date(window_start)} do "
                 f"{polish_date(as_of - timedelta(days=1))})")
    else:
        where = ""
    if history.missing and not history.intervals:
        return None, Reason(code="experience_unknown",
                            text=f"Nie znamy okresów pracy w zawodzie, a potrzebny jest staż {label}{where}."), None, {}
    check = check_experience(history, as_of, months, window_years)
    facts = check.facts()
    have = length_text(check.length)
    if check.met:
        return True, Reason(code="experience_met",
                            text=f"Masz wymagany staż pracy w zawodzie{where}: {have}, a potrzeba {label}."), None, facts
    if history.missing:
        return None, Reason(code="experience_incomplete",
                            text=(f"Z podanych okresów wynika {have} pracy{where}, a potrzeba {label}; części okresów "
                                  f"nie da się policzyć bez brakujących dat.")), None, facts
    text = f"Masz {have} pracy w zawodzie{where}, a potrzeba {label}. "
    if check.earliest:
        text += f"Jeśli będziesz nadal pracować, warunek spełnisz {polish_date(check.earliest)}"
    elif history.continues:
        text += ("Podane okresy zatrudnienia kończą się, zanim warunek zostanie spełniony, więc nie da się wskazać "
                 "daty: zależy ona od dalszej pracy w zawodzie.")
    else:
        text += "Nie pracujesz obecnie w zawodzie, więc nie da się wskazać daty: zależy ona od podjęcia pracy."
    return False, Reason(code="experience_not_met", text=text), check.earliest, facts


def _field_notes(case: Case, form: Form) -> list[Note]:
    if case.goal.form is not form or not case.goal.field:
        return []
    listed = is_listed(form, case.profession, case.goal.field)
    if listed is not False:
        return []
    other = other_profession(case.profession)
    if other is not None and is_listed(form, other, case.goal.field):
        return [Note(code="field_other_profession", text=(
            f"Dziedzina „{case.goal.field}” jest na naszej liście ({FORM_LABELS_PL[form]}) tylko dla "
            f"{PROFESSION_GENITIVE_PL[other]}, a podałaś/podałeś zawód: {PROFESSION_LABELS_PL[case.profession]}. "
            f"Lista pochodzi ze źródeł wtórnych ({fields_source()}) i trzeba ją sprawdzić: zapytaj organizatora, czy "
            f"kształcenie w tej dziedzinie jest dla Ciebie dostępne."))]
    who = {None: "", "pielegniarka": " dla pielęgniarek", "polozna": " dla położnych"}[
        case.profession.value if case.profession else None]
    return [Note(code="field_not_listed",
                 text=(f"Dziedziny „{case.goal.field}” nie ma na naszej liście dziedzin{who} "
                       f"({FORM_LABELS_PL[form]}). Lista pochodzi ze źródeł wtórnych ({fields_source()}): "
                       f"sprawdź u organizatora, czy kształcenie w tej dziedzinie jest dla Ciebie dostępne."))]


def other_profession(profession: Profession | None) -> Profession | None:
    if profession is None:
        return None
    return Profession.POLOZNA if profession is Profession.PIELEGNIARKA else Profession.PIELEGNIARKA


PROFESSION_GENITIVE_PL = {Profession.PIELEGNIARKA: "pielęgniarek", Profession.POLOZNA: "położnych"}
PWZ_LETTER = {Profession.PIELEGNIARKA: "P", Profession.POLOZNA: "A"}


def pwz_warnings(case: Case) -> list[Note]:
    """A PWZ number whose letter does not match the profession (P: a nurse, A: a midwife) is probably mistyped.

    The letter's meaning comes from secondary sources (../shared/law/FIELDS-AND-DEADLINES.md § 2), so this is a
    warning to check, never a refusal; a person with both professions has two numbers.
    """
    number, profession = case.right_to_practise.number, case.profession
    if not number or profession is None or number[-1] == PWZ_LETTER[profession]:
        return []
    return [Note(code="pwz_letter_mismatch", text=(
        f"Numer PWZ kończy się literą {number[-1]}, a taką literą zwykle kończą się numery "
        f"{PROFESSION_GENITIVE_PL[other_profession(profession)]}; Twój zawód to: {PROFESSION_LABELS_PL[profession]}. "
        f"Sprawdź numer i zawód (litera {PWZ_LETTER[profession]} oznacza zwykle {PROFESSION_GENITIVE_PL[profession]}) "
        f"– od nich zależy wniosek w SMK."))]
