"""Group d: credits (zaliczenia) of modules, module units and practical training.

Towards a specialization (§ 4):
- ust. 2 pkt 1 training abroad of at least 3 months in the field, with a sworn translation of the certificate;
- ust. 2 pkt 2 a specialist title in another field covered by the programme;
- ust. 2 pkt 3 a qualification course in a field covered by the programme; pkt 4 a specialist course within its
  scope (both up to the hours of that course's programme);
- ust. 2 pkt 5 postgraduate studies matching the field;
- ust. 3 part of the practical training: at least 5 years' experience in the field and a current job in a unit
  whose profile matches the placement;
- ust. 4 the grounds of pkt 2–4 count only for training completed after 1 July 1999;
- ust. 5 the request is made on Annex 1; ust. 7 the organizer first asks the kierownik specjalizacji's opinion;
- ust. 6 after an interrupted specialization, modules already passed may be credited if the break is at most 5 years.
Towards a qualification course (§ 22 ust. 2–3): modules realised in specializations, qualification or specialist
courses after 1 July 1999, after the kierownik kursu's opinion, on Annex 1.

Each ground is its own decision, so that Annex 1 can propose each one with its basis.

Readings taken:
- Whether a course or title is "objęty programem specjalizacji" depends on the programme, which we do not model:
  the same field (by name) gives "possible on request"; another field gives "for the organizer to decide".
- The 1 July 1999 cut-off is applied to the completion date of the course or specialization (the day itself
  excluded: "po dniu 1 lipca 1999 r."); modules of a course that ended later but were passed earlier may still be
  refused by the organizer.
- "Doświadczenie zawodowe w dziedzinie" (§ 4 ust. 3) is counted from periods in units whose profile is the
  specialization's field; whether a unit matches the placement (staż) of the programme is the organizer's call.
- A break of "niedłuższa niż 5 lat" (§ 4 ust. 6) allows re-entry up to the day that is five years after the
  interruption (KC art. 112).
- A course on the list counts as completed unless its exam is marked as failed, missed or not yet taken.
- § 4 ust. 5 prescribes Annex 1 only for the credits of ust. 2 and 3, and § 4 ust. 7 the kierownik's opinion only for
  those of ust. 2: a re-entry credit (ust. 6) rests on the karta specjalizacji alone.
- § 22 ust. 2 asks only that the modules were realised ("zrealizowane w ramach … kursów") after 1 July 1999, not
  that the course was completed: a course whose final exam was failed or not taken is still a ground, left to the
  organizer (for a specialization, § 4 ust. 2 pkt 3–4 say "ukończyła kurs", so there it is not).
"""
from __future__ import annotations

from datetime import date

from .. import parameters as P
from ..case import Case, Course, CourseKind, ExamResult, Form, SpecializationStatus
from ..common import same_field
from ..decision import Decision, Note, Outcome, Reason, Step, StepKind
from ..experience import check_experience, length_text, work_history, years_word
from ..periods import add_years, duration_day_off_note, polish_date
from ..references import reg

PAR_4_2 = reg(4, 2)
PAR_4_2_1 = reg(4, 2, 1)
PAR_4_2_2 = reg(4, 2, 2)
PAR_4_2_3 = reg(4, 2, 3)
PAR_4_2_4 = reg(4, 2, 4)
PAR_4_2_5 = reg(4, 2, 5)
PAR_4_3 = reg(4, 3)
PAR_4_4 = reg(4, 4)
PAR_4_5 = reg(4, 5)
PAR_4_6 = reg(4, 6)
PAR_4_7 = reg(4, 7)
PAR_22_2 = reg(22, 2)
PAR_22_3 = reg(22, 3)

ANNEX_1 = "Wniosek o zaliczenie – załącznik nr 1 do rozporządzenia (wypełniony i podpisany)"
REENTRY_DOCUMENT = "Karta specjalizacji (EKK) z wcześniej zaliczonymi modułami"
REENTRY_NO_ANNEX_NOTE = Note(code="reentry_no_annex", text=(
    "Wniosek według załącznika nr 1 (§ 4 ust. 5) i opinia kierownika specjalizacji (§ 4 ust. 7) dotyczą zaliczeń z "
    "§ 4 ust. 2 i 3; moduły z przerwanej specjalizacji organizator zalicza na podstawie przedłożonej karty "
    "specjalizacji (§ 4 ust. 6)."))
# A credit decision is proposed for Annex 1 (pkt 10) when the organizer or the dyrektor CMKP may grant it on request.
PROPOSED_OUTCOMES = (Outcome.ON_REQUEST, Outcome.FOR_DECISION)


def is_proposed_credit(d: Decision) -> bool:
    """Is `d` a credit (rules "d.…" with an Annex 1 area) that may be requested in Załącznik nr 1?"""
    return d.rule.startswith("d.") and "annex_area" in (d.facts or {}) and d.outcome in PROPOSED_OUTCOMES


def _cutoff_text(as_of: date) -> str:
    return polish_date(P.value("credit_cutoff_date", as_of))


def realised_note(as_of: date) -> Note:
    return Note(code="realised_reading", text=(
        f"W kursie kwalifikacyjnym § 22 ust. 2 wymaga tylko, by moduły zostały zrealizowane w ramach kursu po "
        f"{_cutoff_text(as_of)}, a nie by kurs był ukończony egzaminem; w specjalizacji (§ 4 ust. 2 pkt 3–4) podstawą "
        f"jest kurs ukończony."))


AREA_MODULES = "moduly"
AREA_PRACTICE = "szkolenie_praktyczne"

COURSE_WORD = {CourseKind.KWALIFIKACYJNY: "kurs kwalifikacyjny", CourseKind.SPECJALISTYCZNY: "kurs specjalistyczny",
               CourseKind.DOKSZTALCAJACY: "kurs dokształcający"}


def _completed(course: Course) -> bool:
    return course.exam not in (ExamResult.FAILED, ExamResult.ABSENT, ExamResult.NOT_TAKEN)


def _after_cutoff(day: date | None, as_of: date) -> bool | None:
    if day is None:
        return None
    return day > P.value("credit_cutoff_date", as_of)


def cutoff_note(as_of: date) -> Note:
    cutoff = _cutoff_text(as_of)
    return Note(code="cutoff_reading", text=(
        f"Zaliczać można tylko kształcenie zrealizowane „po dniu {cutoff}”: sam {cutoff} nie jest objęty. Porównujemy "
        f"datę ukończenia kursu lub specjalizacji; moduły zaliczone przed tym dniem organizator może pominąć."))


def _cutoff_reason(day: date, as_of: date) -> Reason:
    cutoff = P.value("credit_cutoff_date", as_of)
    return Reason(code="before_cutoff", text=(
        f"Ukończono {polish_date(day)}, a zaliczać można tylko kształcenie zrealizowane po {polish_date(cutoff)}"))


def _decision(rule: str, title: str, outcome: Outcome, reasons: list[Reason], basis: list, as_of: date, *,
              source: str, area: str, basis_text: str, documents: list[str] | None = None,
              missing: list[str] | None = None, notes: list[Note] | None = None, steps: list[Step] | None = None,
              earliest: date | None = None, annex: bool = True) -> Decision:
    docs = list(documents or [])
    if annex and outcome in (Outcome.ON_REQUEST, Outcome.FOR_DECISION):
        docs.insert(0, ANNEX_1)
    return Decision(rule=rule, group="d", title=title, outcome=outcome, reasons=reasons, legal_basis=basis,
                    documents=docs, missing=list(missing or []), notes=list(notes or []), steps=list(steps or []),
                    earliest_date=earliest,
                    facts={"source": source, "annex_area": area, "annex_basis": basis_text}, as_of=as_of)


def _scope_outcome(item_field: str | None, goal_field: str | None, source_path: str):
    """(outcome, reason, missing) for "is the item within the programme's field?"."""
    match = same_field(item_field, goal_field)
    if match is None:
        missing = [source_path + ".field"] if not item_field else ["goal.field"]
        return Outcome.NEEDS_REVIEW, Reason(code="field_unknown", text=(
            "Nie znamy dziedziny kształcenia albo dziedziny specjalizacji, więc nie da się ocenić, czy to kształcenie "
            "może być podstawą zaliczenia.")), missing
    if match:
        return Outcome.ON_REQUEST, Reason(code="same_field", text=(
            f"Dziedzina („{item_field}”) jest zgodna z dziedziną, o którą chodzi.")), []
    return Outcome.FOR_DECISION, Reason(code="other_field", text=(
        f"Dziedzina („{item_field}”) różni się od dziedziny „{goal_field}”: organizator oceni, czy program obejmuje ten "
        f"zakres.")), []


# --- towards a specialization (§ 4) -----------------------------------------------------------------------------


def specialization_credits(case: Case, as_of: date) -> list[Decision]:
    goal = case.goal.field
    out: list[Decision] = []
    for i, t in enumerate(case.foreign_training):
        out.append(_foreign(t, i, goal, as_of))
    for i, t in enumerate(case.specialist_titles):
        out.append(_title(t, i, goal, as_of))
    for i, c in enumerate(case.courses):
        out.append(_course_for_specialization(c, i, goal, as_of))
    for i, s in enumerate(case.postgraduate_studies):
        path = f"postgraduate_studies[{i}]"
        name = s.name or s.field or "studia podyplomowe"
        outcome, reason, missing = _scope_outcome(s.field or s.name, goal, path)
        out.append(_decision("d.specjalizacja.credit.studies", f"Zaliczenie na podstawie studiów podyplomowych: {name}",
                             outcome, [reason], [PAR_4_2_5, PAR_4_5, PAR_4_7], as_of, source=path,
                             area=AREA_MODULES, basis_text=f"ukończone studia podyplomowe: {name}",
                             documents=["Świadectwo ukończenia studiów podyplomowych"], missing=missing))
    out.append(_practical(case, as_of))
    for i, spec in enumerate(case.specializations or []):
        if spec.status is SpecializationStatus.INTERRUPTED:
            out.append(_reentry(spec, i, goal, as_of))
    return out


def _foreign(t, i: int, goal: str | None, as_of: date) -> Decision:
    path = f"foreign_training[{i}]"
    rule, title = "d.specjalizacja.credit.foreign", f"Zaliczenie na podstawie szkolenia za granicą: {t.field or '—'}"
    min_months = P.value("foreign_training_min_months", as_of)
    basis = [PAR_4_2_1, PAR_4_5, PAR_4_7]
    reasons, missing = [], []
    if t.months is None:
        missing.append(path + ".months")
    elif t.months < min_months:
        reasons.append(Reason(code="too_short", text=(
            f"Szkolenie trwało {t.months:g} mies.; podstawą zaliczenia może być szkolenie trwające co najmniej "
            f"{min_months} miesiące.")))
    if t.sworn_translation is None:
        missing.append(path + ".sworn_translation")
    elif not t.sworn_translation:
        reasons.append(Reason(code="no_sworn_translation", text=(
            "Certyfikat musi być przetłumaczony przez tłumacza przysięgłego; zleć tłumaczenie przed złożeniem wniosku.")))
    if reasons:
        return _decision(rule, title, Outcome.DOES_NOT_MEET, reasons, basis, as_of, source=path, area=AREA_MODULES,
                         basis_text="szkolenie za granicą", documents=["Certyfikat ze szkolenia z tłumaczeniem przysięgłym"])
    outcome, reason, more_missing = _scope_outcome(t.field, goal, path)
    missing += more_missing
    if missing:
        return _decision(rule, title, Outcome.NEEDS_REVIEW, [Reason(code="missing_fact", text=(
            "Brakuje danych o szkoleniu za granicą (czas trwania, tłumaczenie przysięgłe albo dziedzina)."))],
            basis, as_of, source=path, area=AREA_MODULES, basis_text="szkolenie za granicą", missing=missing)
    reasons = [Reason(code="foreign_ok", text=(
        f"Szkolenie za granicą trwało co najmniej {min_months} miesiące i masz tłumaczenie przysięgłe certyfikatu.")), reason]
    return _decision(rule, title, outcome, reasons, basis, as_of, source=path, area=AREA_MODULES,
                     basis_text=f"ukończone szkolenie za granicą ({t.field}, {t.months:g} mies.)",
                     documents=["Certyfikat ze szkolenia z tłumaczeniem przysięgłym"])


def _title(t, i: int, goal: str | None, as_of: date) -> Decision:
    path = f"specialist_titles[{i}]"
    rule, title = "d.specjalizacja.credit.title", f"Zaliczenie na podstawie tytułu specjalisty: {t.field or '—'}"
    basis = [PAR_4_2_2, PAR_4_4, PAR_4_5, PAR_4_7]
    docs = ["Dyplom uzyskania tytułu specjalisty"]
    after = _after_cutoff(t.completed_on, as_of)
    if after is False:
        return _decision(rule, title, Outcome.DOES_NOT_MEET, [_cutoff_reason(t.completed_on, as_of)], basis, as_of,
                         source=path, area=AREA_MODULES, basis_text="tytuł specjalisty", notes=[cutoff_note(as_of)])
    match = same_field(t.field, goal)
    if match is True:
        return _decision(rule, title, Outcome.DOES_NOT_MEET, [Reason(code="same_field_title", text=(
            "Masz już tytuł specjalisty w tej samej dziedzinie; podstawą zaliczenia jest tytuł w innej dziedzinie."))],
            basis, as_of, source=path, area=AREA_MODULES, basis_text="tytuł specjalisty")
    missing = []
    if after is None:
        missing.append(path + ".completed_on")
    if match is None:
        missing.append(path + ".field" if not t.field else "goal.field")
    if missing:
        return _decision(rule, title, Outcome.NEEDS_REVIEW, [Reason(code="missing_fact", text=(
            f"Potrzebna jest dziedzina i data zakończenia specjalizacji (zaliczać można tylko kształcenie po "
            f"{_cutoff_text(as_of)})."))], basis, as_of, source=path, area=AREA_MODULES, basis_text="tytuł specjalisty", missing=missing)
    return _decision(rule, title, Outcome.FOR_DECISION, [Reason(code="title_other_field", text=(
        f"Masz tytuł specjalisty w innej dziedzinie („{t.field}”), uzyskany po {_cutoff_text(as_of)}: organizator może "
        f"zaliczyć "
        f"moduły objęte programem specjalizacji, po opinii kierownika specjalizacji."))], basis, as_of, source=path,
        area=AREA_MODULES, basis_text=f"tytuł specjalisty w dziedzinie {t.field}", documents=docs, notes=[cutoff_note(as_of)])


def _course_for_specialization(c: Course, i: int, goal: str | None, as_of: date) -> Decision:
    path = f"courses[{i}]"
    name = c.name or c.field or COURSE_WORD[c.kind]
    title = f"Zaliczenie na podstawie kursu: {name}"
    if c.kind is CourseKind.DOKSZTALCAJACY:
        return _decision("d.specjalizacja.credit.course", title, Outcome.DOES_NOT_MEET, [Reason(
            code="not_a_ground", text="Kurs dokształcający nie jest podstawą zaliczenia w specjalizacji (§ 4 ust. 2 "
                                      "wymienia kursy kwalifikacyjne i specjalistyczne).")], [PAR_4_2], as_of,
            source=path, area=AREA_MODULES, basis_text=COURSE_WORD[c.kind])
    pkt = PAR_4_2_3 if c.kind is CourseKind.KWALIFIKACYJNY else PAR_4_2_4
    basis = [pkt, PAR_4_4, PAR_4_5, PAR_4_7]
    word = COURSE_WORD[c.kind]
    if not _completed(c):
        return _decision("d.specjalizacja.credit.course", title, Outcome.DOES_NOT_MEET, [Reason(
            code="course_not_completed", text=f"Podstawą zaliczenia jest ukończony {word} (ze zdanym egzaminem).")],
            basis, as_of, source=path, area=AREA_MODULES, basis_text=word)
    after = _after_cutoff(c.completed_on, as_of)
    if after is False:
        return _decision("d.specjalizacja.credit.course", title, Outcome.DOES_NOT_MEET,
                         [_cutoff_reason(c.completed_on, as_of)], basis, as_of, source=path, area=AREA_MODULES,
                         basis_text=word, notes=[cutoff_note(as_of)])
    outcome, reason, missing = _scope_outcome(c.field or c.name, goal, path)
    if after is None:
        missing = missing + [path + ".completed_on"]
        outcome = Outcome.NEEDS_REVIEW
        reason = Reason(code="date_unknown", text="Nie znamy daty ukończenia kursu, a zaliczać można tylko kursy "
                                                  f"ukończone po {_cutoff_text(as_of)}")
    reasons = [reason]
    notes = [cutoff_note(as_of), Note(code="hours_cap", text=(
        "Zaliczenie obejmuje najwyżej tyle, ile przewiduje program kształcenia dla tego rodzaju kursu."))]
    return _decision("d.specjalizacja.credit.course", title, outcome, reasons, basis, as_of, source=path,
                     area=AREA_MODULES, basis_text=f"ukończony {word}: {name}", missing=missing, notes=notes,
                     documents=[f"Zaświadczenie o ukończeniu kursu ({word})"])


def _practical(case: Case, as_of: date) -> Decision:
    rule, title = "d.specjalizacja.credit.practice", "Zaliczenie części szkolenia praktycznego na podstawie pracy"
    basis = [PAR_4_3, PAR_4_5]
    goal = case.goal.field
    years = P.value("practical_credit_experience_years", as_of)
    if not goal:
        return _decision(rule, title, Outcome.NEEDS_REVIEW, [Reason(code="missing_fact", text=(
            "Nie znamy dziedziny specjalizacji, a liczy się doświadczenie właśnie w niej."))], basis, as_of,
            source="employment", area=AREA_PRACTICE, basis_text="zatrudnienie", missing=["goal.field"])
    history = work_history(case.employment, as_of, unit_field=goal)
    check = check_experience(history, as_of, 12 * years)
    current = None
    if case.employment is not None:
        flags = []
        for e in case.employment:
            if e.in_profession is False or (e.start is not None and e.start > as_of):
                continue
            if e.ongoing or (e.end is not None and e.end >= as_of):
                flags.append(same_field(e.unit_field, goal))
            elif e.end is None:
                flags.append(None)  # the end is not known: the job may still go on
        current = True if any(f is True for f in flags) else (None if any(f is None for f in flags) else False)
    reasons = []
    steps = []
    earliest = None
    if check.met:
        reasons.append(Reason(code="experience_in_field", text=(
            f"Masz co najmniej {years_word(years)} doświadczenia zawodowego w dziedzinie „{goal}” "
            f"({length_text(check.length)}).")))
    else:
        known = " z okresów pracy o znanych datach" if history.missing else ""
        text = (f"Doświadczenie w dziedzinie „{goal}”{known}: {length_text(check.length)}; potrzeba co najmniej "
                f"{years_word(years)}.")
        if check.earliest:
            earliest = check.earliest
            text += f" Jeśli nadal będziesz pracować w tej dziedzinie, warunek spełnisz {polish_date(earliest)}"
            steps.append(Step(code="practice_credit_from", label=f"Od tego dnia spełnisz warunek {years_word(years)} "
                                                                    f"doświadczenia w dziedzinie", date=earliest, kind=StepKind.EARLIEST,
                              legal_basis=[PAR_4_3]))
        reasons.append(Reason(code="experience_in_field_short", text=text))
    if current is True:
        reasons.append(Reason(code="currently_employed", text=(
            f"Pracujesz obecnie w komórce o profilu „{goal}”; organizator oceni, czy profil odpowiada stażowi z "
            f"programu specjalizacji.")))
    elif current is False:
        reasons.append(Reason(code="not_currently_employed", text=(
            "Warunkiem jest aktualne zatrudnienie w komórce organizacyjnej o profilu zgodnym ze stażem z programu; "
            "z podanych danych nie wynika, że tak pracujesz teraz.")))
    missing = list(history.missing) if case.employment is not None else ["employment"]
    if check.met and current is True:
        outcome = Outcome.ON_REQUEST
    elif (not check.met and not history.missing) or current is False:
        outcome = Outcome.DOES_NOT_MEET
    else:
        outcome = Outcome.NEEDS_REVIEW
        if current is None and case.employment is not None and any(
                e.unit_field is None and e.in_profession is not False and (e.ongoing or e.end is None or e.end >= as_of)
                for e in case.employment):
            missing.append("employment[].unit_field")
    decision = _decision(rule, title, outcome, reasons, basis, as_of, source="employment", area=AREA_PRACTICE,
                     basis_text=f"zatrudnienie: co najmniej {years_word(years)} doświadczenia w dziedzinie i obecna praca w "
                                f"komórce o zgodnym profilu",
                     documents=["Zaświadczenie pracodawcy o okresach zatrudnienia i miejscu pracy (oddział, poradnia)"],
                     missing=sorted(set(missing)) if outcome is Outcome.NEEDS_REVIEW else [], steps=steps,
                     earliest=earliest if outcome is Outcome.DOES_NOT_MEET else None,
                     notes=[Note(code="experience_in_field_reading", text=(
                         "Doświadczenie w dziedzinie liczymy z okresów pracy w komórkach, których profil podano jako tę "
                         "dziedzinę. Organizator może ocenić je inaczej na podstawie dokumentów."))])
    if case.employment is not None:
        decision.facts.update(check.facts())
    return decision


def _reentry(spec, i: int, goal: str | None, as_of: date) -> Decision:
    path = f"specializations[{i}]"
    rule, title = "d.specjalizacja.credit.reentry", f"Zaliczenie modułów z przerwanej specjalizacji: {spec.field or '—'}"
    basis = [PAR_4_6]
    years = P.value("interruption_max_years", as_of)
    match = same_field(spec.field, goal)
    if match is False:
        return _decision(rule, title, Outcome.DOES_NOT_MEET, [Reason(code="other_specialization", text=(
            "Ta przerwana specjalizacja dotyczyła innej dziedziny; § 4 ust. 6 pozwala zaliczyć moduły po ponownym "
            "przystąpieniu do tej samej specjalizacji."))], basis, as_of, source=path, area=AREA_MODULES,
            basis_text="przerwana specjalizacja")
    if spec.ended_on is None or match is None:
        return _decision(rule, title, Outcome.NEEDS_REVIEW, [Reason(code="missing_fact", text=(
            "Potrzebna jest data przerwania specjalizacji i jej dziedzina."))], basis, as_of, source=path,
            area=AREA_MODULES, basis_text="przerwana specjalizacja",
            missing=[p for p, v in ((path + ".ended_on", spec.ended_on), ("goal.field", goal)) if v is None])
    last_day = add_years(spec.ended_on, years)
    reentry_note = Note(code="break_reading", text=(
        f"Przerwę liczymy od dnia przerwania specjalizacji; „niedłuższa niż {years_word(years)}” oznacza u nas ponowne "
        f"przystąpienie najpóźniej w dniu, który datą odpowiada dniowi przerwania, {years_word(years)} później (29 "
        f"lutego → 28 lutego)."))
    step = Step(code="reentry_last_day", label=f"Ostatni dzień ponownego przystąpienia, przy którym przerwa nie "
                                               f"przekracza {years_word(years)}", date=last_day, legal_basis=[PAR_4_6],
                note=duration_day_off_note(last_day))
    if as_of <= last_day:
        return _decision(rule, title, Outcome.ON_REQUEST, [Reason(code="break_within_limit", text=(
            f"Specjalizację przerwano {polish_date(spec.ended_on)}; jeśli przystąpisz do niej ponownie najpóźniej "
            f"{polish_date(last_day)}, organizator może zaliczyć moduły i szkolenie praktyczne zaliczone wcześniej, na "
            f"podstawie karty specjalizacji."))], basis, as_of, source=path, area=AREA_MODULES,
            basis_text=f"moduły zaliczone w przerwanej specjalizacji ({spec.field})",
            documents=[REENTRY_DOCUMENT], steps=[step], notes=[reentry_note, REENTRY_NO_ANNEX_NOTE], annex=False)
    return _decision(rule, title, Outcome.DOES_NOT_MEET, [Reason(code="break_too_long", text=(
        f"Od przerwania specjalizacji ({polish_date(spec.ended_on)}) minęło więcej niż {years} lat: wcześniej "
        f"zaliczonych modułów nie zalicza się na tej podstawie. Inne podstawy z § 4 ust. 2 nadal mogą mieć "
        f"zastosowanie."))], basis, as_of, source=path, area=AREA_MODULES, basis_text="przerwana specjalizacja",
        steps=[step], notes=[reentry_note])


def specialization_procedure(credits: list[Decision], as_of: date) -> Decision:
    """How a credit is requested for a specialization: Annex 1 and, for the grounds of § 4 ust. 2, the kierownik's
    opinion before the organizer's decision (§ 4 ust. 5, 7); a re-entry credit rests on the karta (§ 4 ust. 6)."""
    possible = [d for d in credits if d.outcome in (Outcome.ON_REQUEST, Outcome.FOR_DECISION)]
    unsure = [d for d in credits if d.outcome is Outcome.NEEDS_REVIEW]
    annex = [d for d in possible if ANNEX_1 in d.documents]
    opinion = any(PAR_4_7 in d.legal_basis for d in annex)
    reentry = [d for d in possible if REENTRY_DOCUMENT in d.documents]
    basis = [PAR_4_5]
    documents: list[str] = []
    if possible:
        outcome = Outcome.ON_REQUEST
        text = f"Masz {len(possible)} podstaw(y) do zaliczenia."
        if annex:
            text += " Składasz do organizatora kształcenia wniosek według załącznika nr 1"
            text += ("; przed rozstrzygnięciem organizator zasięga opinii kierownika specjalizacji." if opinion else ".")
            documents.append(ANNEX_1)
        if reentry:
            text += (" Moduły i szkolenie praktyczne zaliczone w przerwanej specjalizacji organizator może zaliczyć na "
                     "podstawie przedłożonej karty specjalizacji.")
            documents.append(REENTRY_DOCUMENT)
            basis.append(PAR_4_6)
    elif unsure:
        outcome = Outcome.NEEDS_REVIEW
        text = "Nie da się jeszcze ocenić podstaw do zaliczenia: brakuje niektórych danych."
    else:
        outcome = Outcome.DOES_NOT_MEET
        text = "Z podanych danych nie wynika żadna podstawa do zaliczenia modułów ani szkolenia praktycznego."
    if opinion or not possible:
        basis.insert(1, PAR_4_7)
    return Decision(rule="d.specjalizacja.procedure", group="d", title="Jak złożyć wniosek o zaliczenie (specjalizacja)",
                    outcome=outcome, reasons=[Reason(code="procedure", text=text)],
                    legal_basis=basis, documents=documents,
                    missing=sorted({m for d in unsure for m in d.missing}) if outcome is Outcome.NEEDS_REVIEW else [],
                    facts={"grounds": len(possible)}, as_of=as_of)


# --- towards a qualification course (§ 22 ust. 2) ---------------------------------------------------------------


def course_credits(case: Case, as_of: date) -> list[Decision]:
    goal = case.goal.field
    out: list[Decision] = []
    basis = [PAR_22_2, PAR_22_3]
    rule = "d.kurs_kwalifikacyjny.credit"
    items: list[tuple[str, str, str | None, date | None, bool, str]] = []  # path, name, field, date, completed, word
    for i, c in enumerate(case.courses):
        items.append((f"courses[{i}]", c.name or c.field or COURSE_WORD[c.kind], c.field or c.name, c.completed_on,
                      _completed(c), COURSE_WORD[c.kind]))
    spec_fields = []
    for i, s in enumerate(case.specializations or []):
        spec_fields.append(s.field)
        done = s.ended_on if s.status in (SpecializationStatus.COMPLETED, SpecializationStatus.INTERRUPTED) else as_of
        items.append((f"specializations[{i}]", s.field or "specjalizacja", s.field, done, True, "specjalizacja"))
    for i, t in enumerate(case.specialist_titles):
        if any(same_field(t.field, f) for f in spec_fields):
            continue
        items.append((f"specialist_titles[{i}]", t.field or "specjalizacja", t.field, t.completed_on, True,
                      "specjalizacja"))
    for path, name, field, day, completed, word in items:
        title = f"Zaliczenie w kursie kwalifikacyjnym na podstawie: {name}"
        if word == "kurs dokształcający":
            out.append(_decision(rule, title, Outcome.DOES_NOT_MEET, [Reason(code="not_a_ground", text=(
                "Kurs dokształcający nie jest podstawą zaliczenia w kursie kwalifikacyjnym (§ 22 ust. 2 wymienia "
                "specjalizacje oraz kursy kwalifikacyjne i specjalistyczne)."))], basis, as_of, source=path,
                area=AREA_MODULES, basis_text=word))
            continue
        after = _after_cutoff(day, as_of)
        if after is False:
            out.append(_decision(rule, title, Outcome.DOES_NOT_MEET, [_cutoff_reason(day, as_of)], basis, as_of,
                                 source=path, area=AREA_MODULES, basis_text=word, notes=[cutoff_note(as_of)]))
            continue
        outcome, reason, missing = _scope_outcome(field, goal, path)
        if after is None:
            outcome, missing = Outcome.NEEDS_REVIEW, missing + [path + ".completed_on"]
            reason = Reason(code="date_unknown", text="Nie znamy daty zakończenia, a zaliczać można tylko kształcenie "
                                                      f"zrealizowane po {_cutoff_text(as_of)}")
        reasons = [reason, Reason(code="kk_ground", text=(
            "Organizator może zaliczyć wybrane moduły, jednostki modułowe i szkolenie praktyczne zrealizowane w tym "
            "kształceniu, w wymiarze nie większym niż w programie kursu, po opinii kierownika kursu."))]
        if not completed:
            reasons.append(Reason(code="modules_realised_exam_not_passed", text=(
                "Egzaminu po tym kursie nie zdano (albo się nie odbył): organizator oceni na podstawie EKK, które "
                "moduły zrealizowano i zaliczono.")))
            if outcome is Outcome.ON_REQUEST:
                outcome = Outcome.FOR_DECISION
        notes = [cutoff_note(as_of)] + ([realised_note(as_of)] if not completed else [])
        out.append(_decision(rule, title, outcome, reasons, basis, as_of, source=path, area=AREA_MODULES,
                             basis_text=f"{word}: {name}", missing=missing, notes=notes))
    for i, s in enumerate(case.postgraduate_studies):
        out.append(_decision(rule, f"Zaliczenie w kursie kwalifikacyjnym na podstawie: {s.name or 'studia podyplomowe'}",
                             Outcome.DOES_NOT_MEET, [Reason(code="not_a_ground", text=(
                                 "Studia podyplomowe nie są podstawą zaliczenia w kursie kwalifikacyjnym (§ 22 ust. 2)."))],
                             basis, as_of, source=f"postgraduate_studies[{i}]", area=AREA_MODULES,
                             basis_text="studia podyplomowe"))
    return out


def course_procedure(credits: list[Decision], as_of: date) -> Decision:
    possible = [d for d in credits if d.outcome in (Outcome.ON_REQUEST, Outcome.FOR_DECISION)]
    outcome = Outcome.ON_REQUEST if possible else Outcome.DOES_NOT_MEET
    text = ("Składasz do organizatora wniosek według załącznika nr 1; organizator rozstrzyga po opinii kierownika kursu."
            if possible else "Z podanych danych nie wynika podstawa do zaliczenia modułów w kursie kwalifikacyjnym.")
    return Decision(rule="d.kurs_kwalifikacyjny.procedure", group="d",
                    title="Jak złożyć wniosek o zaliczenie (kurs kwalifikacyjny)", outcome=outcome,
                    reasons=[Reason(code="procedure", text=text)], legal_basis=[PAR_22_2, PAR_22_3],
                    documents=[ANNEX_1] if possible else [], facts={"grounds": len(possible)}, as_of=as_of)
