"""Group f: the state exam (egzamin państwowy) that ends a specialization.

Units:
- admission: § 9 ust. 1 (completed specialization or full exemption; application through SMK with the EKK or the
  exemption document; proof of the fee), § 7 ust. 2 and § 8 (the EKK as proof of completion);
- sessions and dated steps: § 9 ust. 2 (documents by 31 May for the autumn session, by 30 November for the spring
  session), § 10 and § 37 ust. 3 (the fee: 170 zł for the spring 2026 session, 350 zł after), art. 67 ust. 8–10
  ustawy (pay at the latest 5 days after the application deadline; a missing fee is summoned with 7 days to pay,
  otherwise the application is treated as not filed), § 12 ust. 1 (session windows), § 12 ust. 3 (notice at least
  30 days before the exam), § 13 ust. 3 (the plan published by 31 December / 30 June), § 13 ust. 4–5 (at least 20
  candidates per field unless the minister consents);
- who runs it: CMKP until 31.12.2026 (art. 26 ust. 2 of the 2024 law), CEM from 1.01.2027 (art. 67 ust. 5 and
  art. 68 ustawy in the wording from that day);
- absence and retakes: § 16, § 17 (another session, a new application and the fee again; no limit on attempts;
  art. 70 ust. 7 ustawy attaches a consequence to three failures);
- the commission: § 14 ust. 1 (members' qualifications), ust. 2–4 (size), ust. 6 (exclusions), § 19 (pay),
  art. 74 ust. 1 ustawy (pay capped at 1500 zł).

Readings taken:
- The 31 May and 30 November cut-offs and the fee deadline are shown as the law gives them; when one falls on a
  day off a note names the next working day (KC art. 115 may or may not apply to them).
- A person may apply for the first session whose application deadline is on or after both the as-of date and the
  day her specialization is complete (the EKK must be filed with the application). A specialization under way ends
  at the earliest on the last day of its 15 months, counted as in durations.py (begun 1 March 2026 → 31 May 2027).
- An application or fee deadline that falls on a day off keeps its date; the decision carries a note
  (`application_deadline_day_off`, `fee_deadline_day_off`) naming the next working day.
- The fee belongs to the session in which the exam is held (§ 37 ust. 3 speaks of "egzamin przeprowadzany w sesji").
- § 14 ust. 2 pkt 7 says "więcej niż 901" after pkt 6 ends at 900: a group of exactly 901 has no bracket; we take 15.
- The state exam follows the 2026 rules even after a specialization begun before 2026-01-20: it is not part of the
  training itself (§ 37 ust. 2 speaks of "kształcenie"), and § 37 ust. 3 keeps the old rules only for the spring
  2026 fees.
- From 1.01.2027 the statute moves the exam to CEM while the regulation still names CMKP; the dates and the fee
  are shown under the regulation as it stands, with a note that they may change.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from .. import parameters as P
from ..case import Case, ExamCommissionMember, ExamResult, SpecializationStatus
from ..common import same_field, tri_and, tri_or
from ..decision import Decision, Note, Outcome, Reason, Step, StepKind, needs_review
from ..periods import add_days, day_off_note, day_off_reason, next_working_day, polish_date
from ..references import ActKey, ref, reg, ustawa
from .durations import period_end

PAR_7_2 = reg(7, 2)
PAR_8 = reg(8)
PAR_9_1 = reg(9, 1)
PAR_9_1_1 = reg(9, 1, 1)
PAR_9_1_2 = reg(9, 1, 2)
PAR_9_1_3 = reg(9, 1, 3)
PAR_9_2 = reg(9, 2)
PAR_10 = reg(10)
PAR_12_1 = reg(12, 1)
PAR_12_2 = reg(12, 2)
PAR_12_3 = reg(12, 3)
PAR_13_3 = reg(13, 3)
PAR_13_4 = reg(13, 4)
PAR_13_5 = reg(13, 5)
PAR_14_1 = reg(14, 1)
PAR_14_2 = reg(14, 2)
PAR_14_3 = reg(14, 3)
PAR_14_4 = reg(14, 4)
PAR_14_6 = reg(14, 6)
PAR_16 = reg(16)
PAR_17 = reg(17)
PAR_18 = reg(18)
PAR_19 = reg(19)
PAR_37_3 = reg(37, 3)
ART_67_8 = ustawa(67, 8)
ART_67_9 = ustawa(67, 9)
ART_67_10 = ustawa(67, 10)
ART_67_11 = ustawa(67, 11)
ART_67_5_2027 = ustawa(67, 5, note="w brzmieniu obowiązującym od 1.01.2027 r.")
ART_68_2027 = ustawa(68, note="w brzmieniu obowiązującym od 1.01.2027 r.")
ART_70_7 = ustawa(70, 7)
ART_74_1 = ustawa(74, 1)
LAW_2024_ART_26_2 = ref(ActKey.USTAWA_CMKP_2024, 26, 2)

SEASONS = ("wiosna", "jesien")
SEASON_PL = {"wiosna": "wiosenna", "jesien": "jesienna"}
SEASON_PL_ACC = {"wiosna": "wiosenną", "jesien": "jesienną"}


def _param_day(day: date) -> date:
    """Parameters are defined from the regulation's entry into force; earlier days read the first value."""
    first = P.first_supported_day()
    return day if day >= first else first


@dataclass(frozen=True, order=True)
class Session:
    year: int
    order: int  # 0 spring, 1 autumn

    @property
    def season(self) -> str:
        return SEASONS[self.order]

    @property
    def code(self) -> str:
        return f"{self.year}-{self.season}"

    @property
    def label(self) -> str:
        return f"sesja {SEASON_PL[self.season]} {self.year} r."

    @property
    def label_acc(self) -> str:
        """The accusative: "na sesję wiosenną 2027 r."."""
        return f"sesję {SEASON_PL_ACC[self.season]} {self.year} r."

    @classmethod
    def parse(cls, code: str) -> "Session":
        year, season = code.split("-")
        return cls(int(year), SEASONS.index(season))

    def next(self) -> "Session":
        return Session(self.year + self.order, 1 - self.order)

    def _md(self, name: str, year: int, on: date) -> date:
        month, day = (int(x) for x in P.value(name, _param_day(on)).split("-"))
        return date(year, month, day)

    @property
    def window(self) -> tuple[date, date]:
        name = "spring_session_window" if self.order == 0 else "autumn_session_window"
        probe = date(self.year, 3 if self.order == 0 else 9, 1)
        start_md, end_md = P.value(name, _param_day(probe))
        return (date(self.year, *map(int, start_md.split("-"))), date(self.year, *map(int, end_md.split("-"))))

    @property
    def application_deadline(self) -> date:
        if self.order == 0:
            return self._md("spring_application_deadline", self.year - 1, date(self.year - 1, 11, 30))
        return self._md("autumn_application_deadline", self.year, date(self.year, 5, 31))

    @property
    def plan_publication(self) -> date:
        if self.order == 0:
            return self._md("spring_plan_publication", self.year - 1, date(self.year - 1, 12, 31))
        return self._md("autumn_plan_publication", self.year, date(self.year, 6, 30))

    @property
    def fee(self) -> int:
        return P.value("exam_fee_pln", _param_day(self.window[0]))

    @property
    def fee_ref(self):
        return P.entry("exam_fee_pln", _param_day(self.window[0])).ref

    @property
    def authority(self) -> str:
        return P.value("exam_authority", _param_day(self.window[0]))

    def fee_deadline(self) -> date:
        return add_days(self.application_deadline, P.value("fee_payment_days_after_deadline",
                                                           _param_day(self.application_deadline)))


def first_open_session(ready: date) -> Session:
    """The first session whose application deadline is on or after `ready`."""
    s = Session(ready.year, 0)
    while s.application_deadline < ready:
        s = s.next()
    return s


def session_steps(s: Session, as_of: date) -> list[Step]:
    start, end = s.window
    notice_days = P.value("exam_notice_days", _param_day(start))
    deadline = s.application_deadline
    fee_deadline = s.fee_deadline()
    steps = [
        Step(code="application_deadline", label=f"Wniosek o dopuszczenie do egzaminu (SMK) z EKK albo dokumentem "
                                                f"zwolnienia – {s.label}", date=deadline,
             legal_basis=[PAR_9_1_2, PAR_9_2, ART_67_11], note=day_off_note(deadline)),
        Step(code="fee_deadline", label=f"Opłata za egzamin: {s.fee} zł, na rachunek wskazany w SMK, najpóźniej 5 dni "
                                        f"po terminie składania wniosków", date=fee_deadline,
             legal_basis=[s.fee_ref, ART_67_8], note=day_off_note(fee_deadline)),
        Step(code="plan_publication", label=f"Ogłoszenie planu egzaminów na {s.label_acc} (BIP i strona internetowa)",
             date=s.plan_publication, kind=StepKind.EVENT, legal_basis=[PAR_13_3]),
        Step(code="notice", label=f"Zawiadomienie o dacie i miejscu egzaminu – najpóźniej {notice_days} dni przed "
                                  f"egzaminem (przy egzaminie pierwszego dnia sesji: do tego dnia)",
             date=start - timedelta(days=notice_days), kind=StepKind.EVENT, legal_basis=[PAR_12_3]),
        Step(code="session_window", label=f"{s.label[0].upper()}{s.label[1:]}: egzamin w dniu wyznaczonym przez "
                                          f"dyrektora {s.authority}", date=start, end=end, kind=StepKind.EVENT,
             legal_basis=[PAR_12_1, PAR_12_2]),
    ]
    return sorted(steps, key=lambda st: st.date)


def _cem_note(s: Session) -> list[Note]:
    if s.authority != "CEM":
        return []
    return [Note(code="cem_from_2027", text=(
        "Od 1 stycznia 2027 r. egzamin państwowy przeprowadza Centrum Egzaminów Medycznych (CEM): komisję powołuje "
        "dyrektor CEM, a opłatę wnosi się na rachunek wskazany w SMK. Rozporządzenie nadal wymienia CMKP, więc może "
        "zostać zmienione – terminy i opłatę podajemy według obecnego brzmienia; sprawdź komunikaty w SMK."))]


DAY_OFF_WHAT = {"application_deadline": "Termin złożenia wniosku", "fee_deadline": "Termin wniesienia opłaty"}


def _day_off_notes(steps: list[Step]) -> list[Note]:
    """A note for each deadline that falls on a Saturday, Sunday or holiday: the date is kept (see periods.py)."""
    notes = []
    for st in steps:
        why = day_off_reason(st.date) if st.code in DAY_OFF_WHAT else None
        if why is None:
            continue
        notes.append(Note(code=f"{st.code}_day_off", text=(
            f"{DAY_OFF_WHAT[st.code]} ({polish_date(st.date)}) przypada na dzień wolny ({why}). Podajemy datę z "
            f"przepisu; czy termin przesuwa się na najbliższy dzień roboczy ({polish_date(next_working_day(st.date))}, "
            f"art. 115 Kodeksu cywilnego), przepisy nie rozstrzygają – bezpieczniej zdążyć do daty z przepisu.")))
    return notes


def session_decision(s: Session, as_of: date, rule: str = "f.session", title: str | None = None,
                     extra_reasons: list[Reason] | None = None) -> Decision:
    """The dated steps of one session for someone who wants to sit it."""
    steps = session_steps(s, as_of)
    start, end = s.window
    deadline = s.application_deadline
    open_ = deadline >= as_of
    reasons = list(extra_reasons or [])
    reasons.append(Reason(code="session_dates", text=(
        f"{s.label[0].upper()}{s.label[1:]} trwa od {polish_date(start)} do {polish_date(end)}. Wniosek przez SMK "
        f"składasz do {polish_date(deadline)}, a opłatę {s.fee} zł wnosisz najpóźniej {polish_date(s.fee_deadline())}")))
    summoner = P.value("exam_authority", _param_day(s.fee_deadline()))
    reasons.append(Reason(code="fee_defect", text=(
        f"Jeśli opłaty zabraknie lub będzie za niska, dyrektor {summoner} wezwie do jej uzupełnienia w ciągu 7 dni "
        f"od wysłania wezwania; po tym terminie wniosek uznaje się za niezłożony.")))
    if not open_:
        reasons.insert(0, Reason(code="deadline_passed", text=(
            f"Termin składania wniosków na {s.label_acc} minął {polish_date(deadline)}")))
    basis = [PAR_9_2, s.fee_ref, ART_67_8, ART_67_9, ART_67_10, PAR_12_1, PAR_12_3, PAR_13_3]
    if s.authority == "CEM":
        basis += [ART_67_5_2027, ART_68_2027]
    else:
        basis.append(LAW_2024_ART_26_2)
    notes = _cem_note(s) + _day_off_notes(steps) + [Note(code="min_candidates", text=(
        "Egzamin w danej dziedzinie odbywa się, gdy przystępuje do niego co najmniej 20 osób (chyba że minister zdrowia "
        "zgodzi się na mniejszą liczbę) – plan egzaminów ogłasza dyrektor CMKP (§ 13)."))]
    if s.code == "2026-wiosna":
        notes.append(Note(code="old_fee_rules", text=(
            "Do opłat za egzamin w sesji wiosennej 2026 r. stosuje się przepisy dotychczasowe (170 zł).")))
    return Decision(rule=rule, group="f", title=title or f"Terminy: {s.label}",
                    outcome=Outcome.MEETS if open_ else Outcome.DOES_NOT_MEET, reasons=reasons, legal_basis=basis,
                    notes=notes, steps=steps,
                    documents=["Wniosek o dopuszczenie do egzaminu państwowego (SMK)",
                               "EKK z wymaganymi wpisami albo dokument potwierdzający zwolnienie ze specjalizacji",
                               "Potwierdzenie wniesienia opłaty za egzamin"],
                    facts={"session": s.code, "fee_pln": s.fee, "authority": s.authority,
                           "application_authority": P.value("exam_authority", _param_day(deadline)),
                           "application_deadline": deadline.isoformat(), "fee_deadline": s.fee_deadline().isoformat(),
                           "session_start": start.isoformat(), "session_end": end.isoformat()},
                    as_of=as_of)


def admission_decision(case: Case, as_of: date) -> tuple[Decision, date | None]:
    """§ 9 ust. 1: may the person apply for the state exam? Returns the decision and the day she is ready."""
    rule, title = "f.admission", "Czy możesz przystąpić do egzaminu państwowego"
    basis = [PAR_9_1, PAR_9_1_1, PAR_9_1_2, PAR_9_1_3]
    field = case.goal.field
    passed = [a for a in case.state_exam_attempts if a.result is ExamResult.PASSED and same_field(a.field, field) is not False]
    if passed and field:
        return Decision(rule=rule, group="f", title=title, outcome=Outcome.DOES_NOT_MEET, legal_basis=[PAR_18],
                        reasons=[Reason(code="already_passed", text=(
                            f"Egzamin państwowy w tej dziedzinie został już zdany ({passed[-1].session}); dyrektor CMKP "
                            f"wydaje dyplom uzyskania tytułu specjalisty."))], as_of=as_of), None
    ex = case.exemption
    if ex is not None and (ex.scope or "").strip().lower() in ("całość", "calosc", "w całości"):
        if same_field(ex.field, field) is not False:
            return Decision(rule=rule, group="f", title=title, outcome=Outcome.MEETS, legal_basis=basis,
                            reasons=[Reason(code="full_exemption", text=(
                                "Masz zwolnienie z obowiązku odbywania specjalizacji w całości: do wniosku w SMK "
                                "dołączasz dokument potwierdzający zwolnienie zamiast EKK."))],
                            documents=["Dokument potwierdzający zwolnienie ze specjalizacji w całości"],
                            as_of=as_of), ex.granted_on or as_of
    specs = [s for s in case.specializations if same_field(s.field, field) is not False] if field else case.specializations
    if not specs:
        return needs_review(rule, "f", title, as_of, basis, ["specializations"],
                            "Nie znamy specjalizacji, po której chcesz zdawać egzamin (ani zwolnienia z niej)."), None
    spec = sorted(specs, key=lambda s: (s.started_on or date.min))[-1]
    if spec.status is SpecializationStatus.COMPLETED:
        if spec.ekk_complete is False:
            return Decision(rule=rule, group="f", title=title, outcome=Outcome.DOES_NOT_MEET,
                            legal_basis=basis + [PAR_7_2, PAR_8], reasons=[Reason(code="ekk_incomplete", text=(
                                "EKK nie ma jeszcze wszystkich wpisów i zaliczeń (w tym potwierdzenia kwalifikacji w "
                                "zakresie badania fizykalnego): poproś organizatora o ich uzupełnienie."))],
                            as_of=as_of), None
        ready = spec.ended_on or as_of
        notes = []
        if spec.started_on is not None and spec.started_on < P.value("regulation_in_force", as_of):
            notes.append(Note(code="exam_new_rules", text=(
                "Specjalizacja zaczęła się przed 20 stycznia 2026 r. Przyjmujemy, że egzamin państwowy (który nie jest "
                "częścią samego kształcenia) odbywa się według nowych przepisów: § 37 ust. 3 zachowuje dawne zasady "
                "tylko dla opłat w sesji wiosennej 2026 r.")))
        if spec.ended_on is None:
            notes.append(Note(code="end_date_unknown", text=(
                "Nie znamy daty ukończenia specjalizacji; przyjmujemy, że jest już ukończona.")))
        return Decision(rule=rule, group="f", title=title, outcome=Outcome.MEETS, legal_basis=basis + [PAR_7_2],
                        reasons=[Reason(code="completed", text=(
                            "Ukończyłaś/ukończyłeś specjalizację: możesz złożyć przez SMK wniosek o dopuszczenie do "
                            "egzaminu państwowego wraz z EKK i potwierdzeniem opłaty."))],
                        notes=notes, documents=["EKK z wymaganymi wpisami, potwierdzeniami i zaliczeniami"],
                        as_of=as_of), ready
    if spec.status is SpecializationStatus.IN_PROGRESS:
        earliest = None
        steps = []
        reasons = [Reason(code="in_progress", text=(
            "Specjalizacja jeszcze trwa: do egzaminu można przystąpić po jej ukończeniu (EKK z wymaganymi wpisami)."))]
        if spec.started_on:
            months = P.value("specjalizacja_min_months", as_of)
            # The same count as the planned duration (durations.py): the first day of training is the first day
            # of the 15 months, so a specialization begun on 1 March 2026 may end on 31 May 2027.
            earliest = period_end(spec.started_on, months)
            reasons.append(Reason(code="min_duration", text=(
                f"Specjalizacja trwa co najmniej {months} miesięcy, więc nie zakończy się przed "
                f"{polish_date(earliest)}")))
            steps.append(Step(code="earliest_completion", label="Najwcześniejsze możliwe ukończenie specjalizacji",
                              date=earliest, kind=StepKind.EARLIEST, legal_basis=[reg(4, 1)]))
        return Decision(rule=rule, group="f", title=title, outcome=Outcome.DOES_NOT_MEET, legal_basis=basis,
                        reasons=reasons, steps=steps, earliest_date=earliest, as_of=as_of), earliest
    if spec.status is SpecializationStatus.INTERRUPTED:
        return Decision(rule=rule, group="f", title=title, outcome=Outcome.DOES_NOT_MEET, legal_basis=basis,
                        reasons=[Reason(code="interrupted", text=(
                            "Specjalizacja została przerwana; do egzaminu przystępuje się po jej ukończeniu."))],
                        as_of=as_of), None
    return needs_review(rule, "f", title, as_of, basis, ["specializations[].status"],
                        "Nie wiemy, czy specjalizacja jest ukończona."), None


def exam_decisions(case: Case, as_of: date) -> list[Decision]:
    """Admission, the next session's dated steps (or the session asked about), and retakes."""
    admission, ready = admission_decision(case, as_of)
    out = [admission]
    wanted = case.goal.session
    if wanted is not None:
        s = Session.parse(wanted)
        out.append(session_decision(s, as_of, rule="f.session", title=f"Terminy: {s.label} (wybrana sesja)"))
    elif admission.outcome is not Outcome.DOES_NOT_MEET or ready is not None:
        start_from = max(as_of, ready or as_of)
        s = first_open_session(start_from)
        extra = []
        if ready and ready > as_of:
            extra.append(Reason(code="after_completion", text=(
                f"Licząc od najwcześniejszego możliwego ukończenia specjalizacji ({polish_date(ready)}), pierwsza sesja, "
                f"na którą zdążysz złożyć wniosek, to {s.label}")))
        out.append(session_decision(s, as_of, rule="f.session", title=f"Najbliższa sesja: {s.label}",
                                    extra_reasons=extra))
        following = s.next()
        out.append(session_decision(following, as_of, rule="f.session.following",
                                    title=f"Kolejna sesja: {following.label}", extra_reasons=[Reason(
                                        code="following_session", text=(
                                            "Jeśli nie zdążysz na najbliższą sesję albo egzaminu w Twojej dziedzinie "
                                            "nie będzie w jej planie, to kolejna możliwość."))]))
    out.extend(retake_decisions(case, as_of))
    return out


def retake_decisions(case: Case, as_of: date) -> list[Decision]:
    """§ 16 (absence) and § 17 (failure): another session, a new application and the fee again."""
    out = []
    latest: dict[str, object] = {}
    for a in sorted(case.state_exam_attempts, key=lambda a: Session.parse(a.session)):
        latest[(a.field or "").casefold()] = a
    failures = sum(1 for a in case.state_exam_attempts if a.result is ExamResult.FAILED)
    for a in latest.values():
        if a.result not in (ExamResult.FAILED, ExamResult.ABSENT):
            continue
        absent = a.result is ExamResult.ABSENT
        s = first_open_session(as_of)
        d = session_decision(s, as_of, rule="f.retake",
                             title=("Ponowne przystąpienie po nieobecności" if absent else "Ponowne przystąpienie po "
                                    "niezdanym egzaminie") + f" ({a.session})",
                             extra_reasons=[Reason(code="absent" if absent else "failed", text=(
                                 "Możesz przystąpić do egzaminu w innym terminie, w którym egzamin w tej dziedzinie "
                                 "będzie przeprowadzany: składasz nowy wniosek i ponownie wnosisz opłatę, w terminach "
                                 "z § 9 ust. 2. Rozporządzenie nie ogranicza liczby podejść."))])
        d.legal_basis.insert(0, PAR_16 if absent else PAR_17)
        if failures >= P.value("funded_specjalizacja_failed_exams", as_of) - 1 and not absent:
            d.notes.append(Note(code="three_failures", text=(
                f"Egzamin niezdany {failures} raz(y). Po trzykrotnym niezdaniu egzaminu o kolejną specjalizację "
                f"dofinansowaną ze środków publicznych można ubiegać się dopiero po 5 latach (art. 70 ust. 6–7 ustawy).")))
            d.legal_basis.append(ART_70_7)
        d.facts["failed_attempts"] = failures
        out.append(d)
    return out


# --- the session and the commission (for help desk and CMKP-side questions) ---------------------------------------


def exam_held_decision(candidates: int | None, consent: bool | None, as_of: date) -> Decision:
    rule, title = "f.exam_held", "Czy egzamin w tej dziedzinie się odbędzie (liczba zdających)"
    minimum = P.value("min_candidates_per_field", as_of)
    if candidates is None:
        return needs_review(rule, "f", title, as_of, [PAR_13_4], ["exam_session.candidates"], "Nie znamy liczby zdających.")
    if candidates >= minimum:
        return Decision(rule=rule, group="f", title=title, outcome=Outcome.MEETS, legal_basis=[PAR_13_4],
                        reasons=[Reason(code="enough", text=f"Zdających jest {candidates}, co najmniej {minimum}.")],
                        facts={"candidates": candidates}, as_of=as_of)
    if consent:
        return Decision(rule=rule, group="f", title=title, outcome=Outcome.MEETS, legal_basis=[PAR_13_4, PAR_13_5],
                        reasons=[Reason(code="minister_consent", text=(
                            f"Zdających jest {candidates} (mniej niż {minimum}), ale minister zdrowia zgodził się na "
                            f"przeprowadzenie egzaminu na wniosek dyrektora CMKP."))], facts={"candidates": candidates},
                        as_of=as_of)
    return Decision(rule=rule, group="f", title=title,
                    outcome=Outcome.DOES_NOT_MEET if consent is False else Outcome.FOR_DECISION,
                    legal_basis=[PAR_13_4, PAR_13_5], reasons=[Reason(code="too_few", text=(
                        f"Zdających jest {candidates}, mniej niż {minimum}: egzamin odbędzie się tylko za zgodą ministra "
                        f"zdrowia, na wniosek dyrektora CMKP."))], facts={"candidates": candidates}, as_of=as_of)


def commission_size(candidates: int, as_of: date) -> tuple[int, list[Note]]:
    """§ 14 ust. 2: the number of members for a group of `candidates`."""
    notes = []
    for limit, members in P.value("state_commission_brackets", as_of):
        if limit is None or candidates <= limit:
            if limit is None and candidates == 901:
                notes.append(Note(code="bracket_901", text=(
                    "Dla grupy dokładnie 901 osób przepis nie podaje liczby członków (pkt 6: do 900, pkt 7: „więcej niż "
                    "901”). Przyjmujemy 15 członków, jak dla grupy większej niż 900.")))
            return members, notes
    raise AssertionError("the last bracket has no limit")


def reduced_minimum(candidates: int, as_of: date) -> int:
    for limit, members in P.value("state_commission_reduced_minimum", as_of):
        if limit is None or candidates <= limit:
            return members
    raise AssertionError("the last bracket has no limit")


def commission_size_decision(candidates: int | None, proposed: int | None, as_of: date) -> Decision:
    rule, title = "f.commission_size", "Liczba członków państwowej komisji egzaminacyjnej"
    basis = [PAR_14_2, PAR_14_3, PAR_14_4]
    if candidates is None:
        return needs_review(rule, "f", title, as_of, basis, ["exam_session.candidates"], "Nie znamy liczby zdających.")
    members, notes = commission_size(candidates, as_of)
    increase = P.value("state_commission_max_increase", as_of)
    floor = reduced_minimum(candidates, as_of)
    facts = {"candidates": candidates, "members": members, "max_members": members + increase, "reduced_minimum": floor}
    reasons = [Reason(code="size", text=(
        f"Dla {candidates} zdających komisja liczy {members} członków; dyrektor CMKP może ją zwiększyć o najwyżej "
        f"{increase} osób, a gdy okoliczności uniemożliwiają pracę w pełnym składzie – zmniejszyć, ale nie poniżej "
        f"{floor}."))]
    outcome = Outcome.MEETS
    if proposed is not None:
        facts["proposed"] = proposed
        if members <= proposed <= members + increase:
            reasons.append(Reason(code="proposed_ok", text=f"Proponowany skład ({proposed}) mieści się w tych granicach."))
        elif floor <= proposed < members:
            outcome = Outcome.FOR_DECISION
            reasons.append(Reason(code="proposed_reduced", text=(
                f"Proponowany skład ({proposed}) jest mniejszy niż {members}: dopuszczalny tylko, gdy okoliczności "
                f"uniemożliwiają pracę w pełnym składzie – decyduje dyrektor CMKP.")))
        else:
            outcome = Outcome.DOES_NOT_MEET
            reasons.append(Reason(code="proposed_out_of_range", text=(
                f"Proponowany skład ({proposed}) jest poza dopuszczalnym zakresem {floor}–{members + increase}.")))
    return Decision(rule=rule, group="f", title=title, outcome=outcome, reasons=reasons, legal_basis=basis,
                    notes=notes, facts=facts, as_of=as_of)


def member_decision(m: ExamCommissionMember, i: int, as_of: date) -> Decision:
    """§ 14 ust. 1 and 6: may this person sit on the state exam commission?"""
    years = P.value("commission_member_experience_years", as_of)
    name = m.name or f"członek nr {i + 1}"
    rule, title = "f.commission_member", f"Czy {name} może być członkiem państwowej komisji egzaminacyjnej"
    exp = m.years_experience_in_field
    ge = lambda n: None if exp is None else exp >= n  # noqa: E731
    lit_a = tri_and(m.magister_nursing, ge(years["a"]))
    lit_b = tri_and(m.magister_nursing, m.specialist_title_in_field, ge(years["b"]))
    lit_c = tri_and(m.magister_other_health, ge(years["c"]), m.currently_employed_in_field)
    lit_d = tri_and(m.doctorate, ge(years["d"]))
    qualified = tri_or(lit_a, lit_b, lit_c, lit_d, m.consultant)
    excluded = tri_or(m.taught_in_these_specializations, m.ministry_or_cmkp_employee, m.related_to_candidate,
                      m.impartiality_doubts)
    basis = [PAR_14_1, PAR_14_6]
    reasons = []
    if excluded is True:
        reasons.append(Reason(code="excluded", text=(
            "Zachodzi okoliczność wyłączająca z § 14 ust. 6 (udział w kształceniu zdających, praca w ministerstwie lub "
            "CMKP, pokrewieństwo lub inna relacja budząca wątpliwości co do bezstronności).")))
        outcome = Outcome.DOES_NOT_MEET
    elif qualified is False:
        reasons.append(Reason(code="not_qualified", text="Nie spełnia żadnego z warunków kwalifikacji z § 14 ust. 1."))
        outcome = Outcome.DOES_NOT_MEET
    elif qualified is None or excluded is None:
        reasons.append(Reason(code="missing_fact", text="Brakuje danych o kwalifikacjach lub okolicznościach wyłączających."))
        outcome = Outcome.NEEDS_REVIEW
    else:
        which = [lbl for lbl, v in (("pkt 1 lit. a", lit_a), ("pkt 1 lit. b", lit_b), ("pkt 1 lit. c", lit_c),
                                    ("pkt 1 lit. d", lit_d), ("pkt 2", m.consultant)) if v is True]
        reasons.append(Reason(code="qualified", text=f"Spełnia warunki § 14 ust. 1 ({', '.join(which)}) i nie "
                                                     f"zachodzą okoliczności wyłączające."))
        outcome = Outcome.MEETS
    return Decision(rule=rule, group="f", title=title, outcome=outcome, reasons=reasons, legal_basis=basis,
                    documents=["Oświadczenie członka komisji o braku okoliczności wyłączających (§ 14 ust. 7)"],
                    facts={"member": i}, as_of=as_of)


def pay_decision(as_of: date) -> Decision:
    pay = P.value("state_commission_pay_pln", as_of)
    cap = P.value("state_commission_pay_cap_pln", as_of)
    within = all(v <= cap for v in pay.values())
    return Decision(rule="f.commission_pay", group="f", title="Wynagrodzenie członków państwowej komisji egzaminacyjnej",
                    outcome=Outcome.MEETS if within else Outcome.NEEDS_REVIEW, legal_basis=[PAR_19, ART_74_1],
                    reasons=[Reason(code="pay", text=(
                        f"Za przeprowadzenie egzaminu: przewodniczący {pay['przewodniczacy']} zł, sekretarz "
                        f"{pay['sekretarz']} zł, pozostali członkowie {pay['czlonek']} zł (ustawowy limit: {cap} zł)."))],
                    facts={"pay_pln": pay, "cap_pln": cap}, as_of=as_of)


def session_facts_decisions(case: Case, as_of: date) -> list[Decision]:
    es = case.exam_session
    if es is None:
        return []
    out = [exam_held_decision(es.candidates, es.minister_consent_for_fewer, as_of),
           commission_size_decision(es.candidates, len(es.members) if es.members else None, as_of)]
    for i, m in enumerate(es.members or []):
        out.append(member_decision(m, i, as_of))
    out.append(pay_decision(as_of))
    return out
