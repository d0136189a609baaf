"""The help desk's quick questions as data: what a caller asks most, the few facts each question needs, how those
facts become a case (or an organizer's edition), and which decisions of the rules engine answer it.

Like the interview (logic/interview.py), the questions are declared here and only rendered by the page
(app_pages/8_Infolinia.py through ui/quick.py), so that each one is tested without Streamlit, input by input, the way
GOV.UK Smart Answers tests its flows. Nothing here decides: a question builds a case with `new_case()` (or an
`Edition`), runs the same `assess` / `assess_edition` as the nurse's "Wynik" and the organizer's page, and picks the
decisions named in `QuickQuestion.rules`. The wording around them (the one-sentence answer) is made from those
decisions' facts, reasons and dates; no number, date or fee of the law is written here.

    from logic.quick import QUESTIONS, answer
    a = answer("egzamin_termin", {"finished_on": date(2027, 5, 31)}, as_of=date(2026, 11, 23))
    a.verdict, a.headline, a.steps, a.legal_basis, a.ask, a.plain_text()

An input left empty is `None`, which means "nie wiem" (see case.py). A decision that needs such a fact names it in
`missing`; the answer lists it under "o co zapytać" by the input's own label, together with every input left empty
that the question asks for. An input marked `optional` (a second period of work after a break) is not asked for
when empty: empty there means "there was none".

Readings taken where the caller's words have to become facts of a case:
- "Finishes (or finished) the specialization on a date" is a completed specialization with that end date; the rules
  count the first session she can apply for from that day (rules/state_exam.py), also when the day is ahead.
- A failed or missed exam is the last attempt, in the session the caller names; earlier failures in the same field
  are put in the sessions before it (one a session). Only their number matters to the rules (art. 70 ust. 7 ustawy).
- The doctorate question asks about an exemption, so the case says she considers one (`goal.wants_exemption`); no
  PWZ is needed for that answer, and none is asked.
- The documents for an exemption exist only for a person with a doctorate, so that case says she has one.
- A period of work whose end is left empty goes on (the label says so); a second period is given only after a break.
"""
from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import date
from enum import Enum
from typing import Any

from pydantic import ValidationError

from . import fields as F
from . import parameters as P
from .assess import assess, assess_edition
from .case import (Case, Course, CourseKind, Edition, Employment, ExamResult, ExamSessionFacts, ForeignTraining, Form,
                   PostgraduateStudies, SpecialistTitle, Specialization, SpecializationStatus, StateExamAttempt,
                   new_case)
from .decision import Decision, Note, Outcome, Step
from .errors import describe as describe_errors
from .interview import YES_NO_LABELS, describe_path
from .periods import polish_date, term_text
from .present import DISCLAIMER, step_when
from .references import Ref
from .rules.state_exam import Session, first_open_session


class InputKind(str, Enum):
    DATE = "date"
    YES_NO = "yes_no"  # True / False / None ("Nie wiem")
    CHOICE = "choice"  # one of `options`; None is "Nie wiem"
    INT = "int"
    FIELD = "field"  # a dziedzina: chosen from the suggestions or typed
    SESSION = "session"  # a state-exam session code, "RRRR-wiosna" / "RRRR-jesien"


UNKNOWN_LABEL = YES_NO_LABELS[None]  # "Nie wiem"

Inputs = Mapping[str, Any]
Options = tuple[tuple[Any, str], ...]


@dataclass(frozen=True)
class Input:
    """One fact the caller gives. `paths` are the case paths it fills, so that a decision's missing fact is named
    by this input's label; `shown` routes it (asked only when the other answers make it matter)."""

    key: str
    label: str
    kind: InputKind
    help: str = ""
    options: Options | Callable[[Inputs, date], Options] = ()
    minimum: int | None = None
    maximum: int | None = None
    paths: tuple[str, ...] = ()
    shown: Callable[[Inputs, date], bool] | None = None
    optional: bool = False  # empty means "none" here, not "nie wiem": not asked for under "o co zapytać"
    suggestions_for: Form | None = None  # FIELD: the list of fields to suggest
    none_label: str = UNKNOWN_LABEL  # how the empty answer is offered ("Nie wiem", "najbliższa możliwa")

    def applies(self, inputs: Inputs, as_of: date) -> bool:
        return self.shown is None or bool(self.shown(inputs, as_of))

    def options_for(self, inputs: Inputs, as_of: date) -> Options:
        """The choices offered now (a session list depends on the day, a kind of training on what it is credited
        towards); "Nie wiem" (None) is not among them: every choice offers it."""
        return self.options(inputs, as_of) if callable(self.options) else self.options

    def suggestions(self) -> list[str]:
        return F.fields_for(self.suggestions_for) if self.suggestions_for else []

    def value_text(self, value: Any, inputs: Inputs, as_of: date) -> str:
        """The value as a person reads it: "31 maja 2027 r.", "Tak", "sesja jesienna 2026 r."."""
        if value is None:
            return self.none_label
        if self.kind is InputKind.DATE:
            return polish_date(value)
        if self.kind is InputKind.YES_NO:
            return YES_NO_LABELS[value]
        if self.kind in (InputKind.CHOICE, InputKind.SESSION):
            return dict(self.options_for(inputs, as_of)).get(value, str(value))
        return str(value)


@dataclass(frozen=True)
class Said:
    """The answer's first line: `verdict` (a few words, e.g. "Tak – możesz złożyć wniosek o specjalizację") and
    `headline` (the sentence made from the answering decision)."""

    verdict: str
    headline: str


@dataclass(frozen=True)
class QuickQuestion:
    key: str
    title: str  # Polish, as the caller would ask it
    description: str  # one line under the title
    inputs: tuple[Input, ...]
    rules: tuple[str, ...]  # the rule codes whose decisions may answer it, the main one first
    build: Callable[[Inputs, date], Case | Edition]
    say: Callable[[Decision, list[Decision], Inputs], Said]
    pick: Callable[[list[Decision], Inputs], list[Decision]] | None = None  # default: the decisions of `rules`
    asks_missing: bool = True  # list the decisions' missing facts under "o co zapytać"
    shows_others: bool = True  # a sentence for each further decision ("Ponadto")
    say_other: Callable[[Decision], str] | None = None  # that sentence; default `also_line`

    def inputs_for(self, inputs: Inputs, as_of: date) -> list[Input]:
        """The inputs asked now, in order (routing: an input may depend on the answers before it)."""
        return [i for i in self.inputs if i.applies(inputs, as_of)]


class QuickInputError(ValueError):
    """The inputs do not make a case (a period that ends before it begins, a choice not offered): Polish messages,
    each naming the input."""

    def __init__(self, messages: list[str]):
        super().__init__("; ".join(messages))
        self.messages = messages


@dataclass(frozen=True)
class QuickAnswer:
    """A question answered on one day: the first line, the dates, the legal basis, the readings, what to ask the
    caller, the documents, and the same as plain text."""

    key: str
    title: str
    as_of: date
    law_checked_on: date
    outcome: Outcome | None  # of the main decision; None when no decision answers (facts missing)
    verdict: str
    headline: str
    decisions: list[Decision]  # the answering decisions, the main one first
    steps: list[Step]  # the main decision's dated steps
    also: list[str]  # one sentence for each further answering decision
    legal_basis: list[Ref]
    notes: list[Note]
    ask: list[str]  # "o co zapytać": Polish names of the facts the answer depends on and that are not known
    documents: list[str]
    given: list[tuple[str, str]]  # (input label, value as read) for the inputs asked

    @property
    def sentence(self) -> str:
        return f"{_end(self.verdict)} {self.headline}".strip()

    def dates(self) -> list[tuple[str, str]]:
        """(when, what) for each dated step, with the last day when a term falls on a day off."""
        return [(step_when(s), s.label) for s in self.steps]

    def plain_text(self) -> str:
        """The answer as plain text for an e-mail or a chat: no Markdown, no links' syntax, bullets as "•"."""
        lines = [f"Pytanie: {self.title}", f"Stan prawny na dzień {polish_date(self.as_of)}", ""]
        if self.given:
            lines.append("Podane dane:")
            lines += [f"• {label}: {value}" for label, value in self.given]
            lines.append("")
        lines += [f"Odpowiedź: {self.sentence}", ""]
        sections = (("Terminy:", [f"{when} – {what}" for when, what in self.dates()]),
                    ("Ponadto:", self.also),
                    ("O co zapytać:", self.ask),
                    ("Dokumenty do przygotowania:", self.documents),
                    ("Jak rozumiemy przepisy:", [n.text for n in self.notes]),
                    ("Podstawa prawna:", [f"{r.citation} – {r.url}" for r in self.legal_basis]))
        for title, items in sections:
            if items:
                lines.append(title)
                lines += [f"• {item}" for item in items]
                lines.append("")
        lines.append(DISCLAIMER)
        return "\n".join(lines)


# --- wording helpers ------------------------------------------------------------------------------------------------


def _end(text: str) -> str:
    """A sentence that ends with exactly one full stop (a date already ends with "r.")."""
    text = text.strip()
    return text if text.endswith((".", "!", "?")) else text + "."


def _cap(text: str) -> str:
    return text[:1].upper() + text[1:]


def _reasons(d: Decision, codes: tuple[str, ...] | None = None, skip: tuple[str, ...] = ()) -> str:
    """The decision's reasons as sentences: those with `codes` (in that order), or all but `skip`."""
    if codes is None:
        chosen = [r for r in d.reasons if r.code not in skip]
    else:
        chosen = [r for c in codes for r in d.reasons if r.code == c]
    return " ".join(_end(r.text) for r in chosen)


def _day(d: Decision, name: str) -> date:
    return date.fromisoformat(d.facts[name])


def session_sentence(d: Decision, who: bool = True) -> str:
    """A session decision (f.session, f.retake …) in one sentence from its facts: the window, the last day to
    apply, the fee and its last day, and (`who`) who runs the exam."""
    s = Session.parse(d.facts["session"])
    deadline, last = _day(d, "application_deadline"), _day(d, "application_last_day")
    fee_day, fee_last = _day(d, "fee_deadline"), _day(d, "fee_last_day")
    return _end(f"{_cap(s.label)} trwa od {polish_date(_day(d, 'session_start'))} do "
                f"{polish_date(_day(d, 'session_end'))}; wniosek przez SMK do "
                f"{term_text(deadline, last if last != deadline else None)}, opłata {d.facts['fee_pln']} zł najpóźniej "
                f"{term_text(fee_day, fee_last if fee_last != fee_day else None)}"
                + (f"; egzamin przeprowadza {d.facts['authority']}" if who else ""))


def _generic(d: Decision) -> Said:
    return Said(d.outcome_label, _reasons(d))


def also_line(d: Decision) -> str:
    """One sentence for a further decision: its title, its outcome and why (a session: its dates)."""
    if "session" in d.facts and "application_deadline" in d.facts:
        return f"{d.title.split(':')[0]}: {session_sentence(d)}"
    why = d.reasons[0].text if d.reasons else ""
    return _end(f"{d.title} – {d.outcome_label}" + (f": {why}" if why else ""))


# --- options --------------------------------------------------------------------------------------------------------


def sessions_begun(as_of: date, count: int = 6) -> Options:
    """The last `count` sessions whose window has begun by `as_of`, newest first (the session of a past attempt)."""
    s = first_open_session(as_of)
    out = []
    while len(out) < count:
        s = _previous(s)
        if s.window[0] <= as_of:
            out.append((s.code, _cap(s.label)))
    return tuple(out)


def sessions_ahead(as_of: date, count: int = 6) -> Options:
    """Sessions from the one being held or next (by `as_of`) onwards, `count` of them."""
    s = Session(as_of.year, 0)
    while s.window[1] < as_of:
        s = s.next()
    out = []
    for _ in range(count):
        out.append((s.code, _cap(s.label)))
        s = s.next()
    return tuple(out)


def _previous(s: Session) -> Session:
    return Session(s.year - 1, 1) if s.order == 0 else Session(s.year, 0)


# --- 1. the next state-exam session ---------------------------------------------------------------------------------


def _exam_build(inputs: Inputs, as_of: date) -> Case:
    case = new_case()
    case.goal.form = Form.EGZAMIN_PANSTWOWY
    if inputs.get("finished_on") is not None:
        case.specializations = [Specialization(status=SpecializationStatus.COMPLETED, ended_on=inputs["finished_on"])]
    return case


def _exam_pick(decisions: list[Decision], inputs: Inputs) -> list[Decision]:
    main = [d for d in decisions if d.rule in ("f.session", "f.session.following")]
    # The admission is consulted only for what it lacks (without a date it cannot say she is ready).
    unknown = [d for d in decisions if d.rule == "f.admission" and d.outcome is Outcome.NEEDS_REVIEW]
    return main + unknown


def _exam_say(d: Decision, others: list[Decision], inputs: Inputs) -> Said:
    if d.rule == "f.admission":
        return _generic(d)
    s = Session.parse(d.facts["session"])
    since = ""
    finished = inputs.get("finished_on")
    if any(r.code == "after_completion" for r in d.reasons) and finished is not None:
        since = f" (licząc od ukończenia specjalizacji {polish_date(finished)})"
    elif finished is None:
        since = " (licząc od dnia, na który sprawdzamy – bez daty ukończenia specjalizacji)"
    if d.outcome is Outcome.MEETS:
        return Said(f"Najbliższa sesja, na którą zdążysz złożyć wniosek{since}: {s.label}", session_sentence(d))
    return Said(f"Termin na {s.label_acc} minął", _reasons(d, ("deadline_passed",)) + " " + session_sentence(d))


FINISHED_ON = Input(
    "finished_on", "Data ukończenia specjalizacji (także planowana)", InputKind.DATE,
    help="Dzień, w którym specjalizacja jest albo będzie ukończona (EKK ze wszystkimi wpisami). Może być w "
         "przyszłości: policzymy pierwszą sesję, na którą zdąży złożyć wniosek.",
    paths=("specializations", "specializations.ended_on", "specializations.status"))

EGZAMIN_TERMIN = QuickQuestion(
    key="egzamin_termin",
    title="Najbliższa sesja egzaminu państwowego: do kiedy wniosek i opłata",
    description="Dla osoby, która kończy albo ukończyła specjalizację: termin wniosku, opłata i jej ostatni dzień, "
                "czas trwania sesji, kto przeprowadza egzamin.",
    inputs=(FINISHED_ON,),
    rules=("f.session", "f.session.following", "f.admission"),
    build=_exam_build, say=_exam_say, pick=_exam_pick)


# --- 2. after a failed or missed exam -------------------------------------------------------------------------------

RESULT_OPTIONS: Options = ((ExamResult.FAILED.value, "Nie zdała / nie zdał"),
                           (ExamResult.ABSENT.value, "Nie przystąpiła / nie przystąpił (nieobecność)"))


def _retake_build(inputs: Inputs, as_of: date) -> Case:
    case = new_case()
    case.goal.form = Form.EGZAMIN_PANSTWOWY
    session, result = inputs.get("session"), inputs.get("result")
    if session is None or result is None:
        return case  # no attempt to speak of: the next session is counted from the as-of day alone
    attempts = [StateExamAttempt(session=session, result=ExamResult(result))]
    s = Session.parse(session)
    for _ in range(inputs.get("earlier_failures") or 0):
        s = _previous(s)
        attempts.insert(0, StateExamAttempt(session=s.code, result=ExamResult.FAILED))
    case.state_exam_attempts = attempts
    return case


def _retake_pick(decisions: list[Decision], inputs: Inputs) -> list[Decision]:
    retake = [d for d in decisions if d.rule == "f.retake"]
    return retake or [d for d in decisions if d.rule == "f.session"]


def _retake_say(d: Decision, others: list[Decision], inputs: Inputs) -> Said:
    s = Session.parse(d.facts["session"])
    if d.rule == "f.retake":
        why = _reasons(d, ("failed", "absent"))
        return Said(f"Możesz przystąpić ponownie – najbliższa sesja, na którą zdążysz złożyć nowy wniosek: {s.label}",
                    f"{why} {session_sentence(d)}")
    return Said(f"Najbliższa sesja, na którą można złożyć nowy wniosek: {s.label}", session_sentence(d))


EGZAMIN_POPRAWKA = QuickQuestion(
    key="egzamin_poprawka",
    title="Nie zdała egzaminu państwowego albo nie przystąpiła – co dalej",
    description="Kiedy można zdawać ponownie, do kiedy złożyć nowy wniosek i ile zapłacić.",
    inputs=(
        Input("result", "Co się stało na ostatnim egzaminie", InputKind.CHOICE, options=RESULT_OPTIONS,
              paths=("state_exam_attempts.result",)),
        Input("session", "W której sesji był ten egzamin", InputKind.SESSION,
              options=lambda inputs, as_of: sessions_begun(as_of), paths=("state_exam_attempts.session",)),
        Input("earlier_failures", "Ile razy wcześniej nie zdała egzaminu w tej samej dziedzinie", InputKind.INT,
              minimum=0, maximum=20,
              help="Bez tego ostatniego egzaminu. Po kilku niezdanych egzaminach w jednej dziedzinie ustawa "
                   "ogranicza kolejną specjalizację dofinansowaną (art. 70 ust. 7 ustawy).",
              paths=("state_exam_attempts",)),
    ),
    rules=("f.retake", "f.session"),
    build=_retake_build, say=_retake_say, pick=_retake_pick)


# --- 3. may she start a specialization or a qualification course -----------------------------------------------------

ENTRY_FORMS: Options = ((Form.SPECJALIZACJA.value, "Specjalizację"),
                        (Form.KURS_KWALIFIKACYJNY.value, "Kurs kwalifikacyjny"))
FORM_ACC = {Form.SPECJALIZACJA: "specjalizację", Form.KURS_KWALIFIKACYJNY: "kurs kwalifikacyjny",
            Form.KURS_SPECJALISTYCZNY: "kurs specjalistyczny", Form.KURS_DOKSZTALCAJACY: "kurs dokształcający"}
ENTRY_RULES = {Form.SPECJALIZACJA: "a.specjalizacja.entry", Form.KURS_KWALIFIKACYJNY: "a.kurs_kwalifikacyjny.entry",
               Form.KURS_SPECJALISTYCZNY: "a.kurs_specjalistyczny.entry",
               Form.KURS_DOKSZTALCAJACY: "a.kurs_doksztalcajacy.entry"}


def _period(start: date | None, end: date | None) -> Employment | None:
    if start is None:
        return None
    return Employment(start=start, end=end, ongoing=end is None)


def _entry_build(inputs: Inputs, as_of: date) -> Case:
    case = new_case()
    form = inputs.get("form")
    case.goal.form = Form(form) if form else None
    case.right_to_practise.held = inputs.get("pwz")
    first = _period(inputs.get("work_start"), inputs.get("work_end"))
    if first is not None:
        second = _period(inputs.get("work2_start"), inputs.get("work2_end"))
        case.employment = [first] + ([second] if second else [])
    return case


def _entry_pick(decisions: list[Decision], inputs: Inputs) -> list[Decision]:
    forms = [Form(inputs["form"])] if inputs.get("form") else [Form.SPECJALIZACJA, Form.KURS_KWALIFIKACYJNY]
    return [d for f in forms for d in decisions if d.rule == ENTRY_RULES[f]]


def _entry_form(d: Decision) -> Form:
    return next(f for f, rule in ENTRY_RULES.items() if rule == d.rule)


def _entry_say(d: Decision, others: list[Decision], inputs: Inputs) -> Said:
    what = FORM_ACC[_entry_form(d)]
    work = _reasons(d, ("experience_met", "experience_not_met", "experience_incomplete", "experience_unknown"))
    if d.outcome is Outcome.MEETS:
        return Said(f"Tak – możesz złożyć wniosek o {what}", f"{_reasons(d, ('pwz_held',))} {work}".strip())
    if d.outcome is Outcome.DOES_NOT_MEET:
        if any(r.code == "pwz_missing" for r in d.reasons):
            return Said(f"Nie – bez prawa wykonywania zawodu nie można rozpocząć kształcenia ({what})",
                        _reasons(d, ("pwz_missing",)) + (f" {work}" if work else ""))
        if d.earliest_date:
            return Said(f"Jeszcze nie – wniosek o {what} najwcześniej od {polish_date(d.earliest_date)}", work)
        return Said(f"Jeszcze nie – dziś nie możesz złożyć wniosku o {what}", work)
    return Said(f"Nie da się jeszcze odpowiedzieć ({what}) – brakuje danych",
                _reasons(d, skip=("pwz_held", "apply_via_smk")))


def _entry_other(d: Decision) -> str:
    said = _entry_say(d, [], {})
    return f"{_end(said.verdict)} {said.headline}".strip()


def _has_first_period(inputs: Inputs, as_of: date) -> bool:
    return inputs.get("work_start") is not None


def _has_second_period(inputs: Inputs, as_of: date) -> bool:
    return inputs.get("work2_start") is not None


WEJSCIE = QuickQuestion(
    key="wejscie",
    title="Czy może rozpocząć specjalizację albo kurs kwalifikacyjny (staż pracy, PWZ)",
    description="Warunki wejścia według tego, od kiedy pracuje w zawodzie (z przerwą albo bez) i czy ma prawo "
                "wykonywania zawodu; najwcześniejsza data, gdy warunki jeszcze nie są spełnione.",
    inputs=(
        Input("form", "O co pyta", InputKind.CHOICE, options=ENTRY_FORMS, optional=True,
              none_label="Nie wiem – pokaż obie odpowiedzi"),
        Input("pwz", "Czy ma aktualne prawo wykonywania zawodu (PWZ)", InputKind.YES_NO,
              paths=("right_to_practise.held",)),
        Input("work_start", "Od kiedy pracuje w zawodzie (początek pracy)", InputKind.DATE,
              help="Początek nieprzerwanego okresu pracy w zawodzie pielęgniarki albo położnej.",
              paths=("employment", "employment.start")),
        Input("work_end", "Do kiedy pracowała (puste = pracuje nadal)", InputKind.DATE, optional=True,
              shown=_has_first_period, paths=("employment.end",)),
        Input("work2_start", "Po przerwie: od kiedy znowu pracuje (puste = nie było przerwy)", InputKind.DATE,
              optional=True, shown=_has_first_period),
        Input("work2_end", "Po przerwie: do kiedy (puste = pracuje nadal)", InputKind.DATE, optional=True,
              shown=_has_second_period),
    ),
    rules=("a.specjalizacja.entry", "a.kurs_kwalifikacyjny.entry"),
    build=_entry_build, say=_entry_say, pick=_entry_pick, say_other=_entry_other)


# --- 4. will it be credited -------------------------------------------------------------------------------------------

CREDIT_TARGETS: Options = ((Form.SPECJALIZACJA.value, "Do specjalizacji"),
                           (Form.KURS_KWALIFIKACYJNY.value, "Do kursu kwalifikacyjnego"))
COURSE_KINDS = {"kurs_kwalifikacyjny": CourseKind.KWALIFIKACYJNY, "kurs_specjalistyczny": CourseKind.SPECJALISTYCZNY,
                "kurs_doksztalcajacy": CourseKind.DOKSZTALCAJACY}
_CREDIT_KINDS: Options = (("kurs_kwalifikacyjny", "Kurs kwalifikacyjny"),
                          ("kurs_specjalistyczny", "Kurs specjalistyczny"),
                          ("kurs_doksztalcajacy", "Kurs dokształcający"),
                          ("tytul", "Tytuł specjalisty (ukończona specjalizacja)"),
                          ("studia", "Studia podyplomowe"),
                          ("zagranica", "Szkolenie za granicą"))
# Where each kind goes in the case, and the path of its row (the decision's `facts["source"]`).
CREDIT_SOURCE = {"kurs_kwalifikacyjny": "courses[0]", "kurs_specjalistyczny": "courses[0]",
                 "kurs_doksztalcajacy": "courses[0]", "tytul": "specialist_titles[0]",
                 "studia": "postgraduate_studies[0]", "zagranica": "foreign_training[0]"}
CREDIT_RULES = {Form.SPECJALIZACJA: "d.specjalizacja.procedure",
                Form.KURS_KWALIFIKACYJNY: "d.kurs_kwalifikacyjny.procedure"}


def credit_kinds(inputs: Inputs, as_of: date) -> Options:
    """What may be credited: a training abroad only towards a specialization (the rules of a qualification course,
    § 22 ust. 2, have no such ground, so it is not offered there)."""
    if inputs.get("target") == Form.KURS_KWALIFIKACYJNY.value:
        return tuple(o for o in _CREDIT_KINDS if o[0] != "zagranica")
    return _CREDIT_KINDS


def _credit_build(inputs: Inputs, as_of: date) -> Case:
    case = new_case()
    target, kind = inputs.get("target"), inputs.get("kind")
    case.goal.form = Form(target) if target else None
    case.goal.field = inputs.get("target_field")
    day, field_ = inputs.get("completed_on"), inputs.get("field")
    if kind in COURSE_KINDS:
        case.courses = [Course(kind=COURSE_KINDS[kind], field=field_, completed_on=day)]
    elif kind == "tytul":
        case.specialist_titles = [SpecialistTitle(field=field_, completed_on=day)]
    elif kind == "studia":
        case.postgraduate_studies = [PostgraduateStudies(field=field_, completed_on=day)]
    elif kind == "zagranica":
        case.foreign_training = [ForeignTraining(field=field_, completed_on=day, months=inputs.get("months"),
                                                 sworn_translation=inputs.get("sworn_translation"))]
    return case


def _credit_pick(decisions: list[Decision], inputs: Inputs) -> list[Decision]:
    target, kind = inputs.get("target"), inputs.get("kind")
    if not target or not kind:
        return []
    source = CREDIT_SOURCE[kind]
    main = [d for d in decisions if d.rule.startswith("d.") and d.facts.get("source") == source]
    return main + [d for d in decisions if d.rule == CREDIT_RULES[Form(target)]]


CREDIT_VERDICTS = {
    Outcome.ON_REQUEST: "Tak, na wniosek – organizator może to zaliczyć",
    Outcome.FOR_DECISION: "Możliwe – decyduje organizator kształcenia",
    Outcome.DOES_NOT_MEET: "Nie – to nie będzie podstawą zaliczenia",
    Outcome.NEEDS_REVIEW: "Nie da się jeszcze odpowiedzieć – brakuje danych",
    Outcome.MEETS: "Tak",
}


def _credit_say(d: Decision, others: list[Decision], inputs: Inputs) -> Said:
    return Said(CREDIT_VERDICTS[d.outcome], _reasons(d))


def _is_foreign(inputs: Inputs, as_of: date) -> bool:
    return inputs.get("kind") == "zagranica"


def _not_foreign(inputs: Inputs, as_of: date) -> bool:
    """A training abroad is judged by its length and translation (§ 4 ust. 2 pkt 1), not by its date."""
    return not _is_foreign(inputs, as_of)


ZALICZENIE = QuickQuestion(
    key="zaliczenie",
    title="Czy kurs, tytuł specjalisty, studia podyplomowe albo szkolenie za granicą zostaną zaliczone",
    description="Czy wcześniejsze kształcenie ukończone w danym dniu może zostać zaliczone w specjalizacji albo w "
                "kursie kwalifikacyjnym.",
    inputs=(
        Input("target", "Do czego ma być zaliczone", InputKind.CHOICE, options=CREDIT_TARGETS,
              paths=("goal.form",)),
        Input("kind", "Co ukończyła", InputKind.CHOICE, options=credit_kinds,
              paths=("courses", "specialist_titles", "postgraduate_studies", "foreign_training")),
        Input("completed_on", "Kiedy to ukończyła (data zaświadczenia, dyplomu, świadectwa)", InputKind.DATE,
              shown=_not_foreign, paths=("courses.completed_on", "specialist_titles.completed_on", "postgraduate_studies.completed_on",
                     "foreign_training.completed_on")),
        Input("field", "Dziedzina tego kształcenia", InputKind.FIELD, suggestions_for=Form.SPECJALIZACJA,
              paths=("courses.field", "specialist_titles.field", "postgraduate_studies.field",
                     "foreign_training.field")),
        Input("target_field", "Dziedzina specjalizacji albo kursu, do którego ma być zaliczone", InputKind.FIELD,
              suggestions_for=Form.SPECJALIZACJA, paths=("goal.field",)),
        Input("months", "Ile miesięcy trwało szkolenie za granicą", InputKind.INT, minimum=0, maximum=600,
              shown=_is_foreign, paths=("foreign_training.months",)),
        Input("sworn_translation", "Czy certyfikat ma tłumaczenie przysięgłe", InputKind.YES_NO, shown=_is_foreign,
              paths=("foreign_training.sworn_translation",)),
    ),
    rules=("d.specjalizacja.credit.course", "d.specjalizacja.credit.title", "d.specjalizacja.credit.studies",
           "d.specjalizacja.credit.foreign", "d.kurs_kwalifikacyjny.credit", "d.specjalizacja.procedure",
           "d.kurs_kwalifikacyjny.procedure"),
    build=_credit_build, say=_credit_say, pick=_credit_pick)


# --- 5. a doctorate: exemption from the specialization and from the entrance exam -------------------------------------


def _doctorate_build(inputs: Inputs, as_of: date) -> Case:
    case = new_case()
    case.goal.form = Form.SPECJALIZACJA
    case.goal.wants_exemption = True
    case.goal.field = inputs.get("field")
    case.degrees.doctorate = inputs.get("doctorate")
    return case


EXEMPTION_VERDICTS = {
    Outcome.FOR_DECISION: "Tak, na wniosek – o zwolnieniu decyduje dyrektor CMKP",
    Outcome.ON_REQUEST: "Tak, na wniosek",
    Outcome.DOES_NOT_MEET: "Nie – zwolnienie wymaga co najmniej stopnia doktora",
    Outcome.NEEDS_REVIEW: "Nie da się jeszcze odpowiedzieć – brakuje danych",
    Outcome.MEETS: "Tak",
}


def _doctorate_say(d: Decision, others: list[Decision], inputs: Inputs) -> Said:
    return Said(EXEMPTION_VERDICTS[d.outcome], _reasons(d))


DOKTORAT = QuickQuestion(
    key="doktorat",
    title="Ma doktorat: zwolnienie ze specjalizacji i z egzaminu wstępnego",
    description="Zwolnienie z obowiązku odbywania specjalizacji (art. 67 ust. 3 ustawy) i z egzaminu wstępnego "
                "(§ 5 ust. 4 rozporządzenia). Prawo wykonywania zawodu nie jest tu potrzebne.",
    inputs=(
        Input("doctorate", "Czy ma co najmniej stopień doktora", InputKind.YES_NO, paths=("degrees.doctorate",)),
        Input("field", "Dziedzina specjalizacji (nieobowiązkowe)", InputKind.FIELD, optional=True,
              suggestions_for=Form.SPECJALIZACJA, paths=("goal.field",)),
    ),
    rules=("e.exemption", "c.entrance_exam_exemption"),
    build=_doctorate_build, say=_doctorate_say)


# --- 6. CMKP or CEM, and the fee of a session -------------------------------------------------------------------------


def _authority_build(inputs: Inputs, as_of: date) -> Case:
    case = new_case()
    case.goal.form = Form.EGZAMIN_PANSTWOWY
    case.goal.session = inputs.get("session")
    return case


def _authority_say(d: Decision, others: list[Decision], inputs: Inputs) -> Said:
    s = Session.parse(d.facts["session"])
    who, at_deadline = d.facts["authority"], d.facts["application_authority"]
    deadline = _day(d, "application_deadline")
    more = ""
    if at_deadline != who:
        more = (f" W dniu, w którym mija termin wniosku ({polish_date(deadline)}), egzamin prowadzi jeszcze "
                f"{at_deadline}.")
    return Said(f"{_cap(s.label)}: egzamin przeprowadza {who}", session_sentence(d, who=False) + more)


CMKP_CEM = QuickQuestion(
    key="cmkp_cem",
    title="Kto przeprowadza egzamin państwowy: CMKP czy CEM (i opłata w danej sesji)",
    description="Kto prowadzi egzamin w wybranej sesji, ile kosztuje i do kiedy złożyć wniosek.",
    inputs=(Input("session", "O którą sesję pyta", InputKind.SESSION,
                  options=lambda inputs, as_of: sessions_ahead(as_of), optional=True, paths=("goal.session",),
                  none_label="Najbliższa, na którą można jeszcze złożyć wniosek"),),
    rules=("f.session",),
    build=_authority_build, say=_authority_say)


# --- 7. which documents -----------------------------------------------------------------------------------------------

APPLICATIONS: Options = (
    ("specjalizacja", "Wniosek o specjalizację"),
    ("specjalizacja_dofinansowana", "Wniosek o specjalizację dofinansowaną ze środków publicznych"),
    ("kurs_kwalifikacyjny", "Wniosek o kurs kwalifikacyjny"),
    ("kurs_specjalistyczny", "Wniosek o kurs specjalistyczny"),
    ("kurs_doksztalcajacy", "Wniosek o kurs dokształcający"),
    ("egzamin_panstwowy", "Wniosek o dopuszczenie do egzaminu państwowego"),
    ("zwolnienie", "Wniosek o zwolnienie ze specjalizacji (doktorat)"),
    ("zwolnienie_egzamin_wstepny", "Wniosek o zwolnienie z egzaminu wstępnego (doktorat)"),
)
APPLICATION_RULES: dict[str, tuple[str, ...]] = {
    "specjalizacja": ("a.specjalizacja.entry",),
    "specjalizacja_dofinansowana": ("a.specjalizacja.entry", "b.funded.eligibility"),
    "kurs_kwalifikacyjny": ("a.kurs_kwalifikacyjny.entry",),
    "kurs_specjalistyczny": ("a.kurs_specjalistyczny.entry",),
    "kurs_doksztalcajacy": ("a.kurs_doksztalcajacy.entry",),
    "egzamin_panstwowy": ("f.session",),
    "zwolnienie": ("e.exemption",),
    "zwolnienie_egzamin_wstepny": ("c.entrance_exam_exemption",),
}


def _documents_build(inputs: Inputs, as_of: date) -> Case:
    case = new_case()
    which = inputs.get("application")
    if which in FORM_ACC_BY_KEY:
        case.goal.form = FORM_ACC_BY_KEY[which]
    elif which == "specjalizacja_dofinansowana":
        case.goal.form, case.goal.publicly_funded = Form.SPECJALIZACJA, True
    elif which == "egzamin_panstwowy":
        case.goal.form = Form.EGZAMIN_PANSTWOWY
    elif which in ("zwolnienie", "zwolnienie_egzamin_wstepny"):
        case.goal.form, case.goal.wants_exemption, case.degrees.doctorate = Form.SPECJALIZACJA, True, True
    return case


FORM_ACC_BY_KEY = {f.value: f for f in (Form.SPECJALIZACJA, Form.KURS_KWALIFIKACYJNY, Form.KURS_SPECJALISTYCZNY,
                                        Form.KURS_DOKSZTALCAJACY)}


def _documents_pick(decisions: list[Decision], inputs: Inputs) -> list[Decision]:
    rules = APPLICATION_RULES.get(inputs.get("application") or "", ())
    return [d for r in rules for d in decisions if d.rule == r]


def _documents_say(d: Decision, others: list[Decision], inputs: Inputs) -> Said:
    label = dict(APPLICATIONS)[inputs["application"]]
    docs = _documents([d, *others])
    return Said(f"{label}: dokumenty do przygotowania", "; ".join(docs) + ".")


DOKUMENTY = QuickQuestion(
    key="dokumenty",
    title="Jakie dokumenty przygotować do wniosku",
    description="Dokumenty do każdego wniosku. Dokumenty do wniosku o zaliczenie podaje pytanie o zaliczenie.",
    inputs=(Input("application", "Jaki wniosek", InputKind.CHOICE, options=APPLICATIONS),),
    rules=tuple(dict.fromkeys(r for rules in APPLICATION_RULES.values() for r in rules)),
    build=_documents_build, say=_documents_say, pick=_documents_pick, asks_missing=False,
    shows_others=False)


# --- 8. a second publicly funded specialization -----------------------------------------------------------------------

PREVIOUS_OPTIONS: Options = (
    ("brak", "Nie odbywała wcześniej żadnej specjalizacji"),
    (SpecializationStatus.COMPLETED.value, "Poprzednią ukończyła"),
    (SpecializationStatus.INTERRUPTED.value, "Poprzednią przerwała"),
    (SpecializationStatus.IN_PROGRESS.value, "Poprzednią odbywa teraz"),
)


def _funded_build(inputs: Inputs, as_of: date) -> Case:
    case = new_case()
    case.goal.form, case.goal.publicly_funded = Form.SPECJALIZACJA, True
    previous = inputs.get("previous")
    if previous == "brak":
        case.specializations = []
    elif previous is not None:
        field_ = inputs.get("previous_field")
        case.specializations = [Specialization(field=field_, publicly_funded=inputs.get("previous_funded"),
                                               status=SpecializationStatus(previous),
                                               ended_on=inputs.get("previous_ended_on"))]
        failed = inputs.get("failed_exams") or 0
        s = first_open_session(as_of)
        attempts = []
        for _ in range(failed):
            s = _previous(s)
            attempts.insert(0, StateExamAttempt(session=s.code, field=field_, result=ExamResult.FAILED))
        case.state_exam_attempts = attempts
    return case


FUNDED_VERDICTS = {
    Outcome.MEETS: "Tak – możesz ubiegać się o specjalizację dofinansowaną",
    Outcome.NEEDS_REVIEW: "Nie da się jeszcze odpowiedzieć – brakuje danych",
}


def _funded_say(d: Decision, others: list[Decision], inputs: Inputs) -> Said:
    if d.outcome is Outcome.DOES_NOT_MEET:
        when = f" – najwcześniej od {polish_date(d.earliest_date)}" if d.earliest_date else ""
        return Said(f"Jeszcze nie{when}", _reasons(d))
    return Said(FUNDED_VERDICTS.get(d.outcome, d.outcome_label), _reasons(d))


def _had_previous(inputs: Inputs, as_of: date) -> bool:
    return inputs.get("previous") not in (None, "brak")


def _previous_ended(inputs: Inputs, as_of: date) -> bool:
    return inputs.get("previous") in (SpecializationStatus.COMPLETED.value, SpecializationStatus.INTERRUPTED.value)


def _previous_completed(inputs: Inputs, as_of: date) -> bool:
    return inputs.get("previous") == SpecializationStatus.COMPLETED.value


DRUGA_DOFINANSOWANA = QuickQuestion(
    key="druga_dofinansowana",
    title="Druga specjalizacja dofinansowana ze środków publicznych",
    description="Czy po poprzedniej specjalizacji (ukończonej, przerwanej albo trwającej) może ubiegać się o "
                "kolejną dofinansowaną, i od kiedy.",
    inputs=(
        Input("previous", "Poprzednia specjalizacja", InputKind.CHOICE, options=PREVIOUS_OPTIONS,
              paths=("specializations", "specializations.status")),
        Input("previous_funded", "Czy poprzednia była dofinansowana ze środków publicznych", InputKind.YES_NO,
              shown=_had_previous, paths=("specializations.publicly_funded",)),
        Input("previous_ended_on", "Kiedy ją ukończyła albo przerwała", InputKind.DATE, shown=_previous_ended,
              paths=("specializations.ended_on",)),
        Input("previous_field", "Dziedzina poprzedniej specjalizacji", InputKind.FIELD, optional=True,
              shown=_previous_completed, suggestions_for=Form.SPECJALIZACJA, paths=("specializations.field",)),
        Input("failed_exams", "Ile razy nie zdała egzaminu państwowego po tej specjalizacji", InputKind.INT,
              minimum=0, maximum=20, shown=_previous_completed, paths=("state_exam_attempts",),
              help="Po kilku niezdanych egzaminach w jednej dziedzinie stosuje się ten sam okres oczekiwania "
                   "(art. 70 ust. 7 ustawy)."),
    ),
    rules=("b.funded.eligibility",),
    build=_funded_build, say=_funded_say)


# --- 9. the state-exam commission -------------------------------------------------------------------------------------


def _commission_build(inputs: Inputs, as_of: date) -> Case:
    case = new_case()
    case.exam_session = ExamSessionFacts(candidates=inputs.get("candidates"),
                                         minister_consent_for_fewer=inputs.get("consent"))
    return case


def _commission_say(d: Decision, others: list[Decision], inputs: Inputs) -> Said:
    if d.outcome is Outcome.NEEDS_REVIEW:
        return _generic(d)
    return Said(f"Komisja liczy {d.facts['members']} członków", _reasons(d))


def _few_candidates(inputs: Inputs, as_of: date) -> bool:
    n = inputs.get("candidates")
    return n is not None and n < P.value("min_candidates_per_field", max(as_of, P.first_supported_day()))


KOMISJA = QuickQuestion(
    key="komisja",
    title="Ilu członków liczy państwowa komisja egzaminacyjna",
    description="Skład komisji według liczby zdających, o ile można go zwiększyć albo zmniejszyć, i czy egzamin się "
                "odbędzie.",
    inputs=(
        Input("candidates", "Liczba zdających w danej dziedzinie", InputKind.INT, minimum=0, maximum=100000,
              paths=("exam_session.candidates",)),
        Input("consent", "Czy minister zdrowia zgodził się na egzamin przy mniejszej liczbie zdających",
              InputKind.YES_NO, shown=_few_candidates, paths=("exam_session.minister_consent_for_fewer",)),
    ),
    rules=("f.commission_size", "f.exam_held"),
    build=_commission_build, say=_commission_say)


# --- 10. the supplementary qualification round ------------------------------------------------------------------------


def _round_build(inputs: Inputs, as_of: date) -> Edition:
    return Edition(form=Form.SPECJALIZACJA, places=inputs.get("places"), qualified=inputs.get("qualified"),
                   programme_started=inputs.get("programme_started"),
                   programme_hours_total=inputs.get("hours_total"), programme_hours_done=inputs.get("hours_done"),
                   planned_start=inputs.get("planned_start"), supplementary_round_on=inputs.get("round_on"))


def _round_say(d: Decision, others: list[Decision], inputs: Inputs) -> Said:
    return Said(d.outcome_label, _reasons(d))


def _programme_started(inputs: Inputs, as_of: date) -> bool:
    return inputs.get("programme_started") is True


UZUPELNIAJACE = QuickQuestion(
    key="uzupelniajace",
    title="Czy organizator może przeprowadzić uzupełniające postępowanie kwalifikacyjne",
    description="Specjalizacja z wolnymi miejscami: przed rozpoczęciem programu albo krótko po nim.",
    inputs=(
        Input("places", "Liczba miejsc", InputKind.INT, minimum=0, maximum=100000, paths=("edition.places",)),
        Input("qualified", "Liczba osób już zakwalifikowanych", InputKind.INT, minimum=0, maximum=100000,
              paths=("edition.qualified",)),
        Input("programme_started", "Czy realizacja programu już się rozpoczęła", InputKind.YES_NO,
              paths=("edition.programme_started",)),
        Input("hours_total", "Ogólny wymiar godzin programu", InputKind.INT, minimum=1, maximum=100000,
              shown=_programme_started, paths=("edition.programme_hours_total",)),
        Input("hours_done", "Liczba godzin już zrealizowanych", InputKind.INT, minimum=0, maximum=100000,
              shown=_programme_started, paths=("edition.programme_hours_done",)),
        Input("planned_start", "Planowana data rozpoczęcia specjalizacji", InputKind.DATE,
              shown=_programme_started, paths=("edition.planned_start",)),
        Input("round_on", "Data postępowania uzupełniającego (puste = dzień, na który sprawdzamy)", InputKind.DATE,
              optional=True, shown=_programme_started, paths=("edition.supplementary_round_on",)),
    ),
    rules=("c.supplementary_round",),
    build=_round_build, say=_round_say)


# --- the registry and the answer --------------------------------------------------------------------------------------

QUESTIONS: tuple[QuickQuestion, ...] = (
    EGZAMIN_TERMIN, EGZAMIN_POPRAWKA, WEJSCIE, ZALICZENIE, DOKTORAT, CMKP_CEM, DOKUMENTY, DRUGA_DOFINANSOWANA,
    KOMISJA, UZUPELNIAJACE)
BY_KEY: dict[str, QuickQuestion] = {q.key: q for q in QUESTIONS}
BEFORE_REGULATION = "j.before_regulation"
_INDEX = re.compile(r"\[\d*\]")


def question(key: str) -> QuickQuestion:
    try:
        return BY_KEY[key]
    except KeyError:
        raise KeyError(f"no quick question {key!r}; known: {', '.join(BY_KEY)}") from None


def normalized(q: QuickQuestion, inputs: Inputs, as_of: date) -> dict[str, Any]:
    """Every input of `q` with its value (None when not given, or when routing does not ask it); raises
    QuickInputError for an unknown input or a value of the wrong kind or outside the choices offered."""
    unknown = set(inputs) - {i.key for i in q.inputs}
    if unknown:
        raise QuickInputError([f"nieznane pole: {', '.join(sorted(unknown))}"])
    values: dict[str, Any] = {i.key: inputs.get(i.key) for i in q.inputs}
    problems = []
    for i in q.inputs:  # in order: an input's routing reads only the answers before it
        v = values[i.key]
        if v is None:
            continue
        if not i.applies(values, as_of):
            values[i.key] = None
            continue
        problem = _check(i, v, values, as_of)
        if problem:
            problems.append(f"{i.label}: {problem}")
            values[i.key] = None
    if problems:
        raise QuickInputError(problems)
    return values


def _check(i: Input, v: Any, values: Inputs, as_of: date) -> str | None:
    if i.kind is InputKind.DATE and not isinstance(v, date):
        return "oczekiwano daty"
    if i.kind is InputKind.YES_NO and not isinstance(v, bool):
        return "oczekiwano odpowiedzi tak albo nie"
    if i.kind is InputKind.INT:
        if isinstance(v, bool) or not isinstance(v, int):
            return "oczekiwano liczby całkowitej"
        if (i.minimum is not None and v < i.minimum) or (i.maximum is not None and v > i.maximum):
            return f"liczba spoza zakresu {i.minimum}–{i.maximum}"
    if i.kind in (InputKind.CHOICE, InputKind.SESSION) and v not in dict(i.options_for(values, as_of)):
        return "wybierz jedną z podanych odpowiedzi"
    if i.kind is InputKind.FIELD and not (isinstance(v, str) and v.strip()):
        return "oczekiwano nazwy dziedziny"
    return None


def case_for(key: str, inputs: Inputs, as_of: date) -> Case | Edition:
    """The case (or the organizer's edition) the inputs of question `key` describe."""
    q = question(key)
    values = normalized(q, inputs, as_of)
    try:
        return q.build(values, as_of)
    except ValidationError as err:
        raise QuickInputError([_input_message(q, path, message) for path, message in describe_errors(err)]) from None
    except ValueError as err:  # a model's own check, raised while building (e.g. a period ending before it begins)
        raise QuickInputError([str(err)]) from None


def _input_message(q: QuickQuestion, path: str, message: str) -> str:
    found = _input_of(q, path)
    return f"{found.label}: {message}" if found else message


def _input_of(q: QuickQuestion, path: str) -> Input | None:
    plain = _INDEX.sub("", path)
    for i in q.inputs:
        if plain in i.paths:
            return i
    return None


def decisions_for(key: str, inputs: Inputs, as_of: date) -> list[Decision]:
    """The decisions that answer question `key`, the main one first (the rules engine's, unchanged)."""
    q = question(key)
    values = normalized(q, inputs, as_of)
    target = case_for(key, values, as_of)
    assessment = assess_edition(target, as_of) if isinstance(target, Edition) else assess(target, as_of)
    picked = (q.pick(assessment.decisions, values) if q.pick
              else [d for r in q.rules for d in assessment.decisions if d.rule == r])
    if not picked:
        picked = [d for d in assessment.decisions if d.rule == BEFORE_REGULATION]
    return picked


def _documents(decisions: list[Decision]) -> list[str]:
    return list(dict.fromkeys(doc for d in decisions for doc in d.documents))


def answer(key: str, inputs: Inputs, as_of: date) -> QuickAnswer:
    """Question `key` answered for `inputs` ({input key: value}; a missing key or None is "nie wiem") on `as_of`.
    Raises QuickInputError (Polish messages) when the inputs do not make a case."""
    q = question(key)
    values = normalized(q, inputs, as_of)
    decisions = decisions_for(key, values, as_of)
    asked = q.inputs_for(values, as_of)
    ask = [i.label for i in asked if values[i.key] is None and not i.optional]
    if q.asks_missing:
        for d in decisions:
            for path in d.missing:
                found = _input_of(q, path)
                ask.append(found.label if found else describe_path(path))
    ask = list(dict.fromkeys(ask))
    given = [(i.label, i.value_text(values[i.key], values, as_of)) for i in asked if values[i.key] is not None]
    if not decisions:
        headline = "Zapytaj o: " + "; ".join(ask) + "." if ask else ""
        return QuickAnswer(key=q.key, title=q.title, as_of=as_of, law_checked_on=P.law_checked_on(), outcome=None,
                           verdict="Potrzebne są dane, żeby odpowiedzieć", headline=headline, decisions=[], steps=[],
                           also=[], legal_basis=[], notes=[], ask=ask, documents=[], given=given)
    main, others = decisions[0], decisions[1:]
    said = _generic(main) if main.rule == BEFORE_REGULATION else q.say(main, others, values)
    basis: dict[str, Ref] = {}
    for d in decisions:
        for r in d.legal_basis:
            basis.setdefault(r.citation, r)
    notes: dict[str, Note] = {}
    for d in decisions:  # the main decision's first: a later one's note of the same kind is about another date
        for n in d.notes:
            notes.setdefault(n.code, n)
    also = [(q.say_other or also_line)(d) for d in others] if q.shows_others else []
    return QuickAnswer(key=q.key, title=q.title, as_of=as_of, law_checked_on=P.law_checked_on(),
                       outcome=main.outcome, verdict=said.verdict, headline=said.headline, decisions=decisions,
                       steps=list(main.steps), also=also, legal_basis=list(basis.values()),
                       notes=list(notes.values()), ask=ask, documents=_documents(decisions), given=given)
