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
- The application deadline and the fee deadline are terms to act: when one falls on a Saturday, a Sunday or a public
  holiday it runs to the next working day (KPA art. 57 § 4, KC art. 115; the statute excludes only KPA art. 64,
  art. 67 ust. 9). We advise the date the law gives and show the last day beside it (`Step.last_day`, notes
  `application_deadline_day_off`, `fee_deadline_day_off`); a session stays open through that last day.
- The fee's N days are counted from the application deadline as the law gives it, not from a moved last day (the
  safer reading; some would count from the moved day); that date moves again if it falls on a day off.
- § 9 ust. 1 pkt 3 with ust. 2 asks for proof of payment with the application, while art. 67 ust. 8 allows paying
  up to N days after the deadline: both are shown, and we advise paying before applying.
- A person may apply for the first session whose last day to apply is on or after both the as-of date and the
  day her specialization is complete (the EKK must be filed with the application). A specialization under way ends
  at the earliest on the last day of its 15 months, counted as in durations.py (begun 1 March 2026 → 31 May 2027).
- The latest notice of § 12 ust. 3 is counted back from the exam date when the person knows it
  (`goal.exam_date`), otherwise from the session's first day.
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
from functools import lru_cache

from .. import parameters as P
from ..case import Case, ExamCommissionMember, ExamResult, ExemptionScope, SpecializationStatus
from ..common import same_field, tri_and, tri_or
from ..decision import Decision, Note, Outcome, Reason, Step, StepKind, needs_review
from ..experience import days_word, years_word
from ..periods import KC_115, KPA_57_4, add_days, day_off_note, polish_date, term_last_day, term_text
from ..references import ActKey, Ref, ref, reg, ustawa
from .durations import period_end
from .funding import failures_by_field, field_key

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
        return _parse_session(code)

    def next(self) -> "Session":
        return Session(self.year + self.order, 1 - self.order)

    def _calendar(self) -> "_Calendar":
        return _calendar(P.active(), self.year, self.order)

    @property
    def window(self) -> tuple[date, date]:
        return self._calendar().window

    @property
    def application_deadline(self) -> date:
        return self._calendar().application_deadline

    @property
    def plan_publication(self) -> date:
        return self._calendar().plan_publication

    @property
    def fee(self) -> int:
        return self._calendar().fee_entry.value

    @property
    def fee_entry(self):
        return self._calendar().fee_entry

    @property
    def fee_ref(self):
        return self.fee_entry.ref

    @property
    def authority(self) -> str:
        return P.value("exam_authority", _param_day(self.window[0]))

    def application_last_day(self) -> date:
        """The last day to apply: the date the law gives, or the next working day when that is a day off."""
        return term_last_day(self.application_deadline) or self.application_deadline

    def fee_deadline(self) -> date:
        """The date the law gives for the fee: N days after the application deadline as the law gives it."""
        return add_days(self.application_deadline, P.value("fee_payment_days_after_deadline",
                                                           _param_day(self.application_deadline)))

    def fee_last_day(self) -> date:
        return term_last_day(self.fee_deadline()) or self.fee_deadline()

    def notice_days(self) -> int:
        return P.value("exam_notice_days", _param_day(self.window[0]))

    def holds(self, day: date) -> bool:
        start, end = self.window
        return start <= day <= end


@dataclass(frozen=True)
class _Calendar:
    window: tuple[date, date]
    application_deadline: date
    plan_publication: date
    fee_entry: object


@lru_cache(maxsize=512)
def _calendar(params: object, year: int, order: int) -> _Calendar:
    """A session's dates and fee from the session-keyed parameters of `params` (the active set: cached per set).

    A session before the first one the parameters cover reads that season's first values, moved to its own year
    (the regulation's dates and fee are known only from its entry into force)."""
    session = Session(year, order)
    code, shift = session.code, 0
    first = P.first_supported_session()
    if first is not None and P.session_key(code) < P.session_key(first):
        src = Session(int(first.split("-")[0]), order)
        if P.session_key(src.code) < P.session_key(first):
            src = Session(src.year + 1, order)
        code, shift = src.code, year - src.year

    def moved(d: date) -> date:
        return d.replace(year=d.year + shift)

    start, end = P.session_period("exam_session_window", code)
    return _Calendar(window=(moved(start), moved(end)),
                     application_deadline=moved(P.session_date("exam_application_deadline", code)),
                     plan_publication=moved(P.session_date("exam_plan_publication", code)),
                     fee_entry=P.session_entry("exam_fee_pln", code))


@lru_cache(maxsize=1024)
def _parse_session(code: str) -> Session:
    """`Session.parse`, cached: a session code ("2027-jesien") gives a frozen value."""
    year, season = code.split("-")
    return Session(int(year), SEASONS.index(season))


def first_open_session(ready: date) -> Session:
    """The first session one can still apply for on `ready`: its last day to apply (the moved one, when the
    deadline falls on a day off) is on or after `ready`."""
    return _first_open_session(P.active(), ready)


@lru_cache(maxsize=4096)
def _first_open_session(params: object, ready: date) -> Session:
    """`first_open_session` for the parameter set `params` (the active one: cached per set and day)."""
    s = Session(ready.year, 0)
    while s.application_last_day() < ready:
        s = s.next()
    return s


def _notice_step(s: Session, notice_days: int, exam_date: date | None) -> Step:
    """§ 12 ust. 3: the latest notice, counted back from the exam date when it lies in the session, else from the
    session's first day."""
    if exam_date is not None and s.holds(exam_date):
        return Step(code="notice", label=(f"Zawiadomienie o dacie i miejscu egzaminu ({polish_date(exam_date)}) – "
                                          f"najpóźniej {days_word(notice_days)} przed egzaminem"),
                    date=add_days(exam_date, -notice_days), kind=StepKind.EVENT, legal_basis=[PAR_12_3])
    return Step(code="notice", label=(f"Zawiadomienie o dacie i miejscu egzaminu – najpóźniej "
                                      f"{days_word(notice_days)} przed egzaminem (przy egzaminie pierwszego dnia "
                                      f"sesji: do tego dnia)"),
                date=add_days(s.window[0], -notice_days), kind=StepKind.EVENT, legal_basis=[PAR_12_3])


def _sorted_steps(steps: tuple[Step, ...]) -> list[Step]:
    return sorted(steps, key=lambda st: st.date)


@dataclass(frozen=True)
class _SessionParts:
    """Everything in a session's decision that depends on the session alone (and the parameter set), not on the
    day asked or the person: built once per session by `_session_parts`. The Steps, Reasons and Notes are frozen
    models, so decisions may share them; each decision gets lists of its own."""

    steps: tuple[Step, ...]  # in the order built; the notice (index 3) counted from the session's first day
    sorted_steps: tuple[Step, ...]  # the same, by date
    notice_days: int
    deadline: date  # the application deadline the law gives
    last_day: date  # the last day to apply (moved past a day off)
    session_dates: Reason
    apply_today: Reason | None  # None when the deadline is a working day (then no day after it is open)
    deadline_moved: Reason | None
    deadline_passed: Reason
    fee_proof: Reason
    fee_defect: Reason
    basis: tuple[Ref, ...]
    notes: tuple[Note, ...]
    facts: tuple[tuple[str, object], ...]


@lru_cache(maxsize=512)
def _session_parts(params: object, s: Session) -> _SessionParts:
    """The session's parts for the parameter set `params` (the active one: cached per set and session)."""
    start, end = s.window
    notice_days = s.notice_days()
    deadline = s.application_deadline
    last_day = s.application_last_day()
    fee_deadline, fee_last = s.fee_deadline(), s.fee_last_day()
    fee_days = P.value("fee_payment_days_after_deadline", _param_day(deadline))
    fix_days = P.value("fee_defect_fix_days", _param_day(fee_deadline))
    steps = (
        Step(code="application_deadline", label=f"Wniosek o dopuszczenie do egzaminu (SMK) z EKK albo dokumentem "
                                                f"zwolnienia – {s.label}", date=deadline,
             last_day=term_last_day(deadline), legal_basis=[PAR_9_1_2, PAR_9_2, ART_67_11],
             note=day_off_note(deadline, "złożyć wniosek")),
        Step(code="fee_deadline", label=(f"Opłata za egzamin: {s.fee} zł, na rachunek wskazany w SMK, najpóźniej "
                                         f"{days_word(fee_days)} po terminie składania wniosków (bezpieczniej przed "
                                         f"złożeniem wniosku)"), date=fee_deadline,
             last_day=term_last_day(fee_deadline), legal_basis=[s.fee_ref, ART_67_8, PAR_9_1_3],
             note=day_off_note(fee_deadline, "wnieść opłatę")),
        Step(code="plan_publication", label=f"Ogłoszenie planu egzaminów na {s.label_acc} (BIP i strona internetowa)",
             date=s.plan_publication, kind=StepKind.EVENT, legal_basis=[PAR_13_3]),
        _notice_step(s, notice_days, None),
        Step(code="session_window", label=f"{s.label[0].upper()}{s.label[1:]}: egzamin w dniu wyznaczonym przez "
                                          f"dyrektora {s.authority}", date=start, end=end, kind=StepKind.EVENT,
             legal_basis=[PAR_12_1, PAR_12_2]),
    )
    session_dates = Reason(code="session_dates", text=(
        f"{s.label[0].upper()}{s.label[1:]} trwa od {polish_date(start)} do {polish_date(end)}. Wniosek przez SMK "
        f"składasz do {term_text(deadline, term_last_day(deadline))}, a opłatę {s.fee} zł wnosisz najpóźniej "
        f"{term_text(fee_deadline, term_last_day(fee_deadline))}"))
    apply_today = deadline_moved = None
    if last_day > deadline:  # the deadline fell on a day off: a day after it may still be open
        apply_today = Reason(code="apply_today", text=(
            f"Termin z przepisu ({polish_date(deadline)}) przypadł na dzień wolny, więc upływa dzisiaj, "
            f"{polish_date(last_day)}: wniosek na {s.label_acc} możesz jeszcze złożyć dzisiaj."))
        deadline_moved = Reason(code="deadline_moved", text=(
            f"Termin z przepisu ({polish_date(deadline)}) przypadł na dzień wolny, więc upływa "
            f"{polish_date(last_day)}: wniosek na {s.label_acc} możesz jeszcze złożyć do tego dnia."))
    fee_proof = Reason(code="fee_proof_with_application", text=(
        f"Do wniosku dołącza się potwierdzenie wniesienia opłaty (§ 9 ust. 1 pkt 3 i ust. 2), a ustawa pozwala "
        f"zapłacić najpóźniej {days_word(fee_days)} po terminie składania wniosków (art. 67 ust. 8): zapłać przed "
        f"złożeniem wniosku, żeby dołączyć potwierdzenie."))
    summoner = P.value("exam_authority", _param_day(fee_deadline))
    fee_defect = Reason(code="fee_defect", text=(
        f"Jeśli opłaty zabraknie lub będzie za niska, dyrektor {summoner} wezwie do jej uzupełnienia w ciągu "
        f"{days_word(fix_days)} od wysłania wezwania (gdy ostatni dzień wypada w dzień wolny – do najbliższego dnia "
        f"roboczego); po tym terminie wniosek uznaje się za niezłożony."))
    deadline_passed = Reason(code="deadline_passed", text=(
        f"Termin składania wniosków na {s.label_acc} minął {polish_date(last_day)}"))
    basis = [PAR_9_2, PAR_9_1_3, s.fee_ref, ART_67_8, ART_67_9, ART_67_10, PAR_12_1, PAR_12_3, PAR_13_3]
    if last_day != deadline or fee_last != fee_deadline:
        basis += [KPA_57_4, KC_115]
    if s.authority == "CEM":
        basis += [ART_67_5_2027, ART_68_2027]
    else:
        basis.append(LAW_2024_ART_26_2)
    minimum = P.value("min_candidates_per_field", _param_day(start))
    notes = _cem_note(s) + _day_off_notes(list(steps)) + [Note(code="min_candidates", text=(
        f"Egzamin w danej dziedzinie odbywa się, gdy przystępuje do niego co najmniej {minimum} osób (chyba że minister "
        f"zdrowia zgodzi się na mniejszą liczbę) – plan egzaminów ogłasza dyrektor CMKP (§ 13)."))]
    fee_note = s.fee_entry.note
    if fee_note:
        notes.append(Note(code="old_fee_rules", text=fee_note))
    facts = {"session": s.code, "fee_pln": s.fee, "authority": s.authority,
             "application_authority": P.value("exam_authority", _param_day(deadline)),
             "application_deadline": deadline.isoformat(), "application_last_day": last_day.isoformat(),
             "fee_deadline": fee_deadline.isoformat(), "fee_last_day": fee_last.isoformat(),
             "session_start": start.isoformat(), "session_end": end.isoformat()}
    return _SessionParts(steps=steps, sorted_steps=tuple(_sorted_steps(steps)), notice_days=notice_days,
                         deadline=deadline, last_day=last_day, session_dates=session_dates, apply_today=apply_today,
                         deadline_moved=deadline_moved, deadline_passed=deadline_passed, fee_proof=fee_proof,
                         fee_defect=fee_defect, basis=tuple(basis), notes=tuple(notes), facts=tuple(facts.items()))


def _steps(s: Session, parts: _SessionParts, exam_date: date | None) -> list[Step]:
    if exam_date is not None and s.holds(exam_date):  # the notice counted back from the exam date
        steps = list(parts.steps)
        steps[3] = _notice_step(s, parts.notice_days, exam_date)
        return _sorted_steps(tuple(steps))
    return list(parts.sorted_steps)


def session_steps(s: Session, as_of: date, exam_date: date | None = None) -> list[Step]:
    return _steps(s, _session_parts(P.active(), s), exam_date)


def _cem_note(s: Session) -> list[Note]:
    if s.authority != "CEM":
        return []
    since = P.entry("exam_authority", _param_day(s.window[0])).start
    return [Note(code="cem_from_2027", text=(
        f"Od {polish_date(since)} egzamin państwowy przeprowadza Centrum Egzaminów Medycznych (CEM): komisję powołuje "
        "dyrektor CEM, a opłatę wnosi się na rachunek wskazany w SMK. Rozporządzenie nadal wymienia CMKP, więc może "
        "zostać zmienione – terminy i opłatę podajemy według obecnego brzmienia; sprawdź komunikaty w SMK."))]


DAY_OFF_WHAT = {"application_deadline": "Termin złożenia wniosku", "fee_deadline": "Termin wniesienia opłaty"}


def _day_off_notes(steps: list[Step]) -> list[Note]:
    """A note on the decision for each term to act that falls on a Saturday, Sunday or holiday: it runs to the next
    working day (KPA art. 57 § 4, KC art. 115); the wording is the step's own note (periods.day_off_note)."""
    return [Note(code=f"{st.code}_day_off", text=f"{DAY_OFF_WHAT[st.code]} – {st.note}")
            for st in steps if st.code in DAY_OFF_WHAT and st.last_day is not None and st.note]


SESSION_DOCUMENTS = ("Wniosek o dopuszczenie do egzaminu państwowego (SMK)",
                     "EKK z wymaganymi wpisami albo dokument potwierdzający zwolnienie ze specjalizacji",
                     "Potwierdzenie wniesienia opłaty za egzamin")


def session_decision(s: Session, as_of: date, rule: str = "f.session", title: str | None = None,
                     extra_reasons: list[Reason] | None = None, exam_date: date | None = None) -> Decision:
    """The dated steps of one session for someone who wants to sit it. What depends on the session alone is built
    once per session (`_session_parts`); here only what depends on the day asked and the exam date."""
    parts = _session_parts(P.active(), s)
    steps = _steps(s, parts, exam_date)
    open_ = as_of <= parts.last_day
    reasons = list(extra_reasons or [])
    reasons.append(parts.session_dates)
    if open_ and as_of > parts.deadline:
        reasons.insert(0, parts.apply_today if as_of == parts.last_day else parts.deadline_moved)
    reasons.append(parts.fee_proof)
    reasons.append(parts.fee_defect)
    if not open_:
        reasons.insert(0, parts.deadline_passed)
    facts = dict(parts.facts)
    if exam_date is not None and s.holds(exam_date):
        facts["exam_date"] = exam_date.isoformat()
    return Decision(rule=rule, group="f", title=title or f"Terminy: {s.label}",
                    outcome=Outcome.MEETS if open_ else Outcome.DOES_NOT_MEET, reasons=reasons,
                    legal_basis=list(parts.basis), notes=list(parts.notes), steps=steps,
                    documents=list(SESSION_DOCUMENTS), facts=facts, as_of=as_of)


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
    if ex is not None and ex.scope is ExemptionScope.CALOSC:
        if same_field(ex.field, field) is not False:
            return Decision(rule=rule, group="f", title=title, outcome=Outcome.MEETS, legal_basis=basis,
                            reasons=[Reason(code="full_exemption", text=(
                                "Masz zwolnienie z obowiązku odbywania specjalizacji w całości: do wniosku w SMK "
                                "dołączasz dokument potwierdzający zwolnienie zamiast EKK."))],
                            documents=["Dokument potwierdzający zwolnienie ze specjalizacji w całości"],
                            as_of=as_of), ex.granted_on or as_of
    known = case.specializations or []
    specs = [s for s in known if same_field(s.field, field) is not False] if field else known
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
                f"Specjalizacja zaczęła się przed {polish_date(P.value('regulation_in_force', as_of))}. Przyjmujemy, "
                f"że egzamin państwowy (który nie jest częścią samego kształcenia) odbywa się według nowych przepisów: "
                f"§ 37 ust. 3 zachowuje dawne zasady tylko dla opłat w pierwszej sesji po wejściu rozporządzenia w "
                f"życie.")))
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
    exam_date = case.goal.exam_date
    shown: Session | None = None
    if wanted is not None:
        s = shown = Session.parse(wanted)
        out.append(session_decision(s, as_of, rule="f.session", title=f"Terminy: {s.label} (wybrana sesja)",
                                    exam_date=exam_date))
    elif admission.outcome is not Outcome.DOES_NOT_MEET or ready is not None:
        start_from = max(as_of, ready or as_of)
        s = shown = first_open_session(start_from)
        extra = []
        if ready and ready > as_of:
            extra.append(Reason(code="after_completion", text=(
                f"Licząc od najwcześniejszego możliwego ukończenia specjalizacji ({polish_date(ready)}), pierwsza sesja, "
                f"na którą zdążysz złożyć wniosek, to {s.label}")))
        out.append(session_decision(s, as_of, rule="f.session", title=f"Najbliższa sesja: {s.label}",
                                    extra_reasons=extra, exam_date=exam_date))
        following = s.next()
        out.append(session_decision(following, as_of, rule="f.session.following", exam_date=exam_date,
                                    title=f"Kolejna sesja: {following.label}", extra_reasons=[Reason(
                                        code="following_session", text=(
                                            "Jeśli nie zdążysz na najbliższą sesję albo egzaminu w Twojej dziedzinie "
                                            "nie będzie w jej planie, to kolejna możliwość."))]))
    if exam_date is not None and shown is not None and not (shown.holds(exam_date) or (
            wanted is None and shown.next().holds(exam_date))):
        start, end = shown.window
        out[1].notes.append(Note(code="exam_date_outside_session", text=(
            f"Podana data egzaminu ({polish_date(exam_date)}) nie mieści się w sesji {shown.label} (od "
            f"{polish_date(start)} do {polish_date(end)}); zawiadomienie liczymy od pierwszego dnia sesji.")))
    out.extend(retake_decisions(case, as_of))
    return out


def retake_decisions(case: Case, as_of: date) -> list[Decision]:
    """§ 16 (absence) and § 17 (failure): another session, a new application and the fee again."""
    out = []
    latest: dict[str, object] = {}
    for a in sorted(case.state_exam_attempts, key=lambda a: Session.parse(a.session)):
        latest[field_key(a.field)] = a
    by_field = failures_by_field(case)
    limit = P.value("funded_specjalizacja_failed_exams", as_of)
    years = P.value("funded_specjalizacja_wait_years", as_of)
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
        failures = by_field.get(field_key(a.field), ("", 0))[1]
        if failures >= limit - 1 and not absent:
            d.notes.append(Note(code="three_failures", text=(
                f"Egzamin w tej dziedzinie niezdany: {failures} (liczymy podejścia w jednej dziedzinie). Po {limit} "
                f"niezdanych egzaminach o kolejną specjalizację dofinansowaną ze środków publicznych można ubiegać się "
                f"dopiero po {years_word(years)} od zakończenia tej specjalizacji (art. 70 ust. 6–7 ustawy).")))
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
    brackets = P.value("state_commission_brackets", as_of)
    last_limit = max(limit for limit, _ in brackets if limit is not None)
    for limit, members in brackets:
        if limit is None or candidates <= limit:
            # § 14 ust. 2 pkt 7 says "więcej niż 901" after pkt 6 ends at 900: one group size has no bracket.
            if limit is None and candidates == last_limit + 1:
                notes.append(Note(code="bracket_901", text=(
                    f"Dla grupy dokładnie {candidates} osób przepis nie podaje liczby członków (pkt 6: do {last_limit}, "
                    f"pkt 7: „więcej niż {candidates}”). Przyjmujemy {members} członków, jak dla grupy większej niż "
                    f"{last_limit}.")))
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
