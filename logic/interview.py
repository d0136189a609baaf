"""The interview as data: its steps, their questions, and which of them matter for which goal.

The pages only render these questions; the routing (`steps_for`, `next_step`, `previous_step`) and the mapping from
answers to the case (`answers_of`, `apply_answers`) are decided here so that they can be tested without Streamlit.

A step is skipped when no rule that serves the chosen goal reads its facts (`InterviewStep.goals`); within a step a
question may be limited to some goals too (`Question.goals`), and a step none of whose questions applies is skipped.
`None` as an answer always means "nie wiem" (see case.py), so every yes/no question offers "Nie wiem".

A list (Kind.TABLE: work periods, courses, titles …) is built one item at a time; `Question.needs` says what an item
must hold before it is added (`item_problems`), and `none_answer` is the explicit "Nie mam / nie dotyczy" – the
empty list `[]`, kept apart from "nie wiem" (`None`) where the case can say that (`unknown_allowed`).
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from enum import Enum
from typing import Any

from .case import (PROFESSION_LABELS_PL, Case, CourseKind, ExamResult, ExemptionScope, Form, Gender, Profession,
                   SpecializationStatus)
from .glossary import term_help
from .present import fill

ALL_GOALS: frozenset[Form | None] = frozenset([*Form, None])
CHOSEN_GOALS: frozenset[Form | None] = frozenset(Form)
ENTRY_GOALS: frozenset[Form | None] = frozenset(
    {Form.SPECJALIZACJA, Form.KURS_KWALIFIKACYJNY, Form.KURS_SPECJALISTYCZNY, Form.KURS_DOKSZTALCAJACY})


class Kind(str, Enum):
    CHOICE = "choice"  # one of `options`; an option whose value is None is the "nie wiem" / "nie dotyczy" answer
    YES_NO = "yes_no"  # True / False / None ("Nie wiem")
    BOOL = "bool"  # a plain tick (table cells only, e.g. "trwa")
    TEXT = "text"
    NUMBER = "number"
    DATE = "date"
    FIELD = "field"  # a dziedzina: chosen from the suggestions or typed by hand
    SESSION = "session"  # a state-exam session, "RRRR-wiosna" / "RRRR-jesien"
    TABLE = "table"  # a list of items ("add another"), each a small model of case.py; `columns` are its fields


YES_NO_LABELS: dict[bool | None, str] = {True: "Tak", False: "Nie", None: "Nie wiem"}


@dataclass(frozen=True)
class Column:
    """One field of a list's item (a column of the list): `name` is the field of the item model in case.py.

    The kind says how the field is asked: DATE a date picker, CHOICE and SESSION a choice from a list, FIELD a
    choice from the suggested fields or typed by hand, YES_NO "tak / nie / nie wiem", BOOL a tick, TEXT and NUMBER
    a box."""

    name: str
    label: str
    kind: Kind
    options: tuple[tuple[Any, str], ...] = ()
    help: str = ""
    scale: float = 1.0  # shown value = stored value / scale (e.g. a share 0–1 shown as per cent)
    minimum: float | None = None
    maximum: float | None = None
    default: Any = None


@dataclass(frozen=True)
class Need:
    """What an item of a list must hold before it is added: at least one of `columns`, unless the tick `waived_by`
    is set. `message` is shown beside the first of `columns` (and, with the list's name, at the top of the step)."""

    columns: tuple[str, ...]
    message: str  # Polish, a full sentence: "Podaj datę rozpoczęcia pracy („Od”)."
    waived_by: str | None = None


@dataclass(frozen=True)
class Question:
    path: str  # dotted path into Case: "right_to_practise.held"
    label: str  # Polish, plain words first, the legal term in brackets
    kind: Kind
    help: str = ""  # tooltip; see `term` for glossary texts
    term: str | None = None  # a glossary key whose text is the tooltip
    options: tuple[tuple[Any, str], ...] = ()
    goals: frozenset[Form | None] | None = None  # None: asked whenever its step is
    columns: tuple[Column, ...] = ()
    # --- for lists (Kind.TABLE) ---
    unknown_allowed: bool = False  # the whole list may be "nie wiem" (None); else the case holds a list always
    none_answer: str = ""  # the explicit answer that means an empty list ("none"): "Nie mam …" / "nie dotyczy"
    empty_prompt: str = ""  # for lists that may be unknown: the question put while no item is added
    item: str = ""  # one item, in the nominative: "okres pracy", "specjalizacja"
    item_acc: str = ""  # the same in the accusative, after "Dodaj": "okres pracy", "specjalizację"
    needs: tuple[Need, ...] = ()  # what an item must hold before it is added
    minimum: float | None = None
    maximum: float | None = None

    def tooltip(self, on: date) -> str | None:
        """The help text and the glossary entry, with the law's numbers in force on `on`."""
        parts = [p for p in (fill(self.help, on), term_help(self.term, on) if self.term else "") if p]
        return "\n\n".join(parts) or None

    def applies_to(self, goal: Form | None) -> bool:
        return self.goals is None or goal in self.goals


@dataclass(frozen=True)
class InterviewStep:
    key: str
    title: str  # Polish, plain words first
    help: str  # one line under the title
    goals: frozenset[Form | None]  # the goals for which the step is asked
    case_fields: tuple[str, ...]  # the Case fields the step fills
    questions: tuple[Question, ...] = ()

    def questions_for(self, goal: Form | None) -> list[Question]:
        return [q for q in self.questions if q.applies_to(goal)]


# --- option lists ----------------------------------------------------------------------------------------------

GOAL_OPTIONS: tuple[tuple[Any, str], ...] = (
    (Form.SPECJALIZACJA, "Rozpocząć specjalizację (szkolenie specjalizacyjne)"),
    (Form.KURS_KWALIFIKACYJNY, "Rozpocząć kurs kwalifikacyjny"),
    (Form.KURS_SPECJALISTYCZNY, "Rozpocząć kurs specjalistyczny"),
    (Form.KURS_DOKSZTALCAJACY, "Rozpocząć kurs dokształcający"),
    (Form.EGZAMIN_PANSTWOWY, "Przystąpić do egzaminu państwowego (po specjalizacji)"),
    (None, "Jeszcze nie wiem – pokaż, co mogę"),
)
PROFESSION_OPTIONS = tuple((p, label.capitalize()) for p, label in PROFESSION_LABELS_PL.items())
GENDER_OPTIONS = ((Gender.FEMALE, "pielęgniarka / położna"), (Gender.MALE, "pielęgniarz / położny"),
                  (None, "Nie podaję"))
COURSE_KIND_OPTIONS = ((CourseKind.KWALIFIKACYJNY, "kwalifikacyjny"), (CourseKind.SPECJALISTYCZNY, "specjalistyczny"),
                       (CourseKind.DOKSZTALCAJACY, "dokształcający"))
EXAM_RESULT_OPTIONS = ((ExamResult.PASSED, "zdany"), (ExamResult.FAILED, "niezdany"),
                       (ExamResult.ABSENT, "nieobecność"), (ExamResult.NOT_TAKEN, "nie przystąpiono"))
STATUS_OPTIONS = ((SpecializationStatus.IN_PROGRESS, "w trakcie"), (SpecializationStatus.COMPLETED, "ukończona"),
                  (SpecializationStatus.INTERRUPTED, "przerwana"))
# The scope is a choice (logic/case.py ExemptionScope): the rules tell only "in full" from "in part". `None` is "no
# decision" – or, with the decision's field or date given, a decision whose scope she does not know.
EXEMPTION_OPTIONS = ((ExemptionScope.CALOSC, "Tak – zwolnienie w całości"),
                     (ExemptionScope.CZESC, "Tak – zwolnienie w części"),
                     (None, "Nie mam takiej decyzji albo nie wiem, w jakim zakresie"))
TABLE_YES_NO = ((True, "tak"), (False, "nie"), (None, "nie wiem"))


# --- the steps ---------------------------------------------------------------------------------------------------

STEPS: tuple[InterviewStep, ...] = (
    InterviewStep(
        "cel", "Co chcesz zrobić", "Wybierz rodzaj kształcenia albo egzamin państwowy i dziedzinę.", ALL_GOALS,
        ("goal",), (
            Question("goal.form", "Co chcesz zrobić?", Kind.CHOICE, options=GOAL_OPTIONS,
                     help="Jeśli nie wiesz, wybierz ostatnią odpowiedź: pokażemy, co możesz rozpocząć."),
            Question("goal.field", "W jakiej dziedzinie? (dziedzina)", Kind.FIELD, term="dziedzina",
                     help="Wybierz z listy albo wpisz własną. Przy kursie specjalistycznym i dokształcającym wpisz "
                          "zakres kursu. Możesz zostawić puste, jeśli jeszcze nie wiesz."),
        )),
    InterviewStep(
        "cel_szczegoly", "Więcej o Twoim celu", "Finansowanie, skierowanie z pracy, zwolnienie, sesja egzaminu.",
        CHOSEN_GOALS, ("goal",), (
            Question("goal.publicly_funded", "Czy chodzi o specjalizację dofinansowaną ze środków publicznych?",
                     Kind.YES_NO, term="dofinansowanie", goals=frozenset({Form.SPECJALIZACJA})),
            Question("goal.employer_referral", "Czy pracodawca kieruje Cię na to kształcenie (skierowanie)?",
                     Kind.YES_NO, term="skierowanie", goals=ENTRY_GOALS),
            Question("goal.wants_exemption",
                     "Czy rozważasz wniosek o zwolnienie z obowiązku odbywania specjalizacji (masz co najmniej "
                     "stopień doktora)?", Kind.YES_NO, term="zwolnienie",
                     goals=frozenset({Form.SPECJALIZACJA, Form.EGZAMIN_PANSTWOWY})),
            Question("goal.session", "O którą sesję egzaminu państwowego pytasz?", Kind.SESSION,
                     term="egzamin_panstwowy", goals=frozenset({Form.EGZAMIN_PANSTWOWY}),
                     help="Zostaw „najbliższą możliwą”, jeśli chcesz zdawać jak najszybciej."),
            Question("goal.exam_date", "Data egzaminu, jeśli już ją znasz", Kind.DATE,
                     goals=frozenset({Form.EGZAMIN_PANSTWOWY}),
                     help="Od niej liczymy najpóźniejszy dzień zawiadomienia o egzaminie. Możesz zostawić puste."),
        )),
    InterviewStep(
        "zawod", "Zawód i prawo wykonywania zawodu",
        "Tytuł zawodowy i zaświadczenie o prawie wykonywania zawodu (PWZ).", ALL_GOALS,
        ("person", "profession", "right_to_practise"), (
            Question("profession", "Twój zawód", Kind.CHOICE, options=PROFESSION_OPTIONS),
            Question("right_to_practise.held", "Czy masz aktualne prawo wykonywania zawodu (PWZ)?", Kind.YES_NO,
                     term="pwz"),
            Question("right_to_practise.number", "Numer zaświadczenia o PWZ (7 cyfr i litera P lub A)", Kind.TEXT,
                     term="pwz", help="Potrzebny tylko do wniosku (załącznik nr 1). Możesz zostawić puste."),
            Question("right_to_practise.issued_by", "Kto wydał PWZ (okręgowa rada pielęgniarek i położnych)",
                     Kind.TEXT, help="Potrzebne tylko do wniosku. Możesz zostawić puste."),
            Question("right_to_practise.year", "Rok wydania PWZ", Kind.NUMBER, minimum=1950, maximum=2100,
                     help="Możesz zostawić puste."),
            Question("person.first_names", "Imię (imiona)", Kind.TEXT,
                     help="Tylko do wydruku wniosku. Nie zapisujemy go na serwerze."),
            Question("person.surname", "Nazwisko", Kind.TEXT,
                     help="Tylko do wydruku wniosku. Nie zapisujemy go na serwerze."),
            Question("person.gender", "Forma tytułu na wniosku", Kind.CHOICE, options=GENDER_OPTIONS),
        )),
    InterviewStep(
        "praca", "Przebieg pracy", "Okresy pracy w zawodzie – od nich zależy staż pracy.",
        frozenset({Form.SPECJALIZACJA, Form.KURS_KWALIFIKACYJNY, None}), ("employment",), (
            Question("employment", "Okresy pracy w zawodzie", Kind.TABLE, term="staz_pracy", unknown_allowed=True,
                     none_answer="Nie pracowałam / nie pracowałem w zawodzie",
                     empty_prompt="Nie dodano jeszcze żadnego okresu pracy. Twoja odpowiedź:",
                     item="okres pracy", item_acc="okres pracy",
                     help="Dodaj po kolei każde zatrudnienie: wypełnij pola i naciśnij „Dodaj”. Jeśli praca "
                          "trwa, zaznacz „Trwa” i zostaw datę końca pustą.",
                     needs=(
                         Need(("start",), "Podaj datę rozpoczęcia pracy („Od”)."),
                         Need(("end",), "Podaj datę zakończenia pracy („Do”) albo zaznacz „Trwa”.",
                              waived_by="ongoing"),
                     ),
                     columns=(
                         Column("start", "Od", Kind.DATE),
                         Column("end", "Do", Kind.DATE, help="Zostaw puste, jeśli praca trwa – zaznacz wtedy „Trwa”."),
                         Column("ongoing", "Trwa", Kind.BOOL, default=False),
                         Column("employer", "Zakład pracy", Kind.TEXT),
                         Column("unit", "Oddział / poradnia", Kind.TEXT),
                         Column("unit_field", "Dziedzina (profil komórki)", Kind.FIELD,
                                help="Np. pielęgniarstwo chirurgiczne – od tego zależy zaliczenie stażu."),
                         Column("in_profession", "W zawodzie", Kind.BOOL, default=True,
                                help="Czy to praca w zawodzie pielęgniarki lub położnej."),
                     )),
        )),
    InterviewStep(
        "wyksztalcenie", "Wykształcenie i tytuły specjalisty",
        "Przy każdym stopniu wybierz „Tak” albo „Nie”. „Nie wiem” też jest odpowiedzią – wynik wskaże wtedy, czego brakuje.",
        frozenset({Form.SPECJALIZACJA, Form.KURS_KWALIFIKACYJNY, Form.EGZAMIN_PANSTWOWY, None}),
        ("degrees", "specialist_titles"), (
            Question("degrees.licencjat", "Licencjat pielęgniarstwa lub położnictwa", Kind.YES_NO),
            Question("degrees.magister_nursing", "Magister pielęgniarstwa lub położnictwa", Kind.YES_NO),
            Question("degrees.magister_other_health", "Magister w innej dziedzinie ochrony zdrowia", Kind.YES_NO),
            Question("degrees.doctorate", "Co najmniej stopień doktora", Kind.YES_NO, term="zwolnienie"),
            Question("degrees.academic_teacher",
                     "Nauczyciel akademicki na kierunku pielęgniarstwo lub położnictwo", Kind.YES_NO),
            Question("degrees.doctorate_field", "Dziedzina dorobku naukowego (jeśli masz doktorat)", Kind.TEXT),
            Question("specialist_titles", "Tytuły specjalisty, które już masz", Kind.TABLE, term="specjalizacja",
                     none_answer="Nie mam tytułu specjalisty", item="tytuł specjalisty",
                     item_acc="tytuł specjalisty",
                     help="Dodaj każdy tytuł specjalisty osobno. Jeśli nie masz żadnego, zaznacz „Nie mam tytułu "
                          "specjalisty”.",
                     needs=(
                         Need(("field",), "Wybierz albo wpisz dziedzinę specjalizacji."),
                         Need(("completed_on",), "Podaj datę zakończenia specjalizacji."),
                     ),
                     columns=(
                         Column("field", "Dziedzina", Kind.FIELD),
                         Column("completed_on", "Data zakończenia specjalizacji", Kind.DATE),
                         Column("diploma", "Dyplom (numer, data, miejsce)", Kind.TEXT),
                         Column("organizer", "Organizator kształcenia", Kind.TEXT),
                     )),
        )),
    InterviewStep(
        "kursy", "Ukończone kursy", "Kursy kwalifikacyjne, specjalistyczne i dokształcające.",
        frozenset({Form.SPECJALIZACJA, Form.KURS_KWALIFIKACYJNY, None}), ("courses",), (
            Question("courses", "Ukończone kursy", Kind.TABLE, term="zaliczenie",
                     none_answer="Nie mam ukończonych kursów", item="kurs", item_acc="kurs",
                     help="Dodaj po kolei kursy, które ukończyłaś lub ukończyłeś – mogą zostać zaliczone. Jeśli nie "
                          "masz żadnego, zaznacz „Nie mam ukończonych kursów”.",
                     needs=(
                         Need(("kind",), "Wybierz rodzaj kursu."),
                         Need(("name", "field"), "Podaj nazwę kursu albo jego dziedzinę lub zakres."),
                         Need(("completed_on",), "Podaj datę ukończenia kursu."),
                     ),
                     columns=(
                         Column("kind", "Rodzaj kursu", Kind.CHOICE, options=COURSE_KIND_OPTIONS),
                         Column("name", "Nazwa kursu", Kind.TEXT),
                         Column("field", "Dziedzina lub zakres", Kind.FIELD),
                         Column("started_on", "Data rozpoczęcia", Kind.DATE),
                         Column("completed_on", "Data ukończenia", Kind.DATE),
                         Column("theory_passed", "Zajęcia teoretyczne zaliczone", Kind.YES_NO, options=TABLE_YES_NO),
                         Column("practice_passed", "Szkolenie praktyczne zaliczone", Kind.YES_NO, options=TABLE_YES_NO),
                         Column("exam", "Egzamin po kursie", Kind.CHOICE, options=EXAM_RESULT_OPTIONS),
                         Column("organizer", "Organizator", Kind.TEXT),
                         Column("certificate", "Zaświadczenie (numer, data, miejsce)", Kind.TEXT),
                         Column("hours", "Liczba godzin", Kind.NUMBER, minimum=0, maximum=5000),
                     )),
        )),
    InterviewStep(
        "studia", "Studia podyplomowe", "Studia podyplomowe w dziedzinie specjalizacji.",
        frozenset({Form.SPECJALIZACJA, None}), ("postgraduate_studies",), (
            Question("postgraduate_studies", "Ukończone studia podyplomowe", Kind.TABLE, term="zaliczenie",
                     none_answer="Nie mam ukończonych studiów podyplomowych", item="studia podyplomowe",
                     item_acc="studia podyplomowe",
                     help="Dodaj każde ukończone studia podyplomowe osobno.",
                     needs=(
                         Need(("name", "field"), "Podaj nazwę studiów albo ich dziedzinę."),
                         Need(("completed_on",), "Podaj datę świadectwa."),
                     ),
                     columns=(
                         Column("name", "Nazwa studiów", Kind.TEXT),
                         Column("field", "Dziedzina", Kind.FIELD),
                         Column("completed_on", "Data świadectwa", Kind.DATE),
                         Column("university", "Uczelnia", Kind.TEXT),
                         Column("certificate", "Świadectwo (data, miejsce)", Kind.TEXT),
                     )),
        )),
    InterviewStep(
        "zagranica", "Szkolenia za granicą", "Szkolenia trwające co najmniej {months:foreign_training_min_months}.",
        frozenset({Form.SPECJALIZACJA, None}), ("foreign_training",), (
            Question("foreign_training", "Szkolenia odbyte za granicą", Kind.TABLE, term="zaliczenie",
                     none_answer="Nie mam szkoleń odbytych za granicą", item="szkolenie", item_acc="szkolenie",
                     help="Dodaj każde szkolenie osobno.",
                     needs=(
                         Need(("field",), "Wybierz albo wpisz zakres szkolenia (dziedzinę)."),
                         Need(("months",), "Podaj czas trwania szkolenia w miesiącach."),
                     ),
                     columns=(
                         Column("field", "Zakres (dziedzina)", Kind.FIELD),
                         Column("country", "Kraj", Kind.TEXT),
                         Column("months", "Czas trwania (miesiące)", Kind.NUMBER, minimum=0, maximum=600),
                         Column("completed_on", "Data ukończenia", Kind.DATE),
                         Column("sworn_translation", "Tłumaczenie przysięgłe certyfikatu", Kind.YES_NO,
                                options=TABLE_YES_NO),
                     )),
        )),
    InterviewStep(
        "specjalizacje", "Rozpoczęte specjalizacje",
        "Specjalizacje ukończone, w trakcie albo przerwane, także dofinansowane.",
        frozenset({Form.SPECJALIZACJA, Form.KURS_KWALIFIKACYJNY, Form.EGZAMIN_PANSTWOWY, None}),
        ("specializations", "exemption"), (
            Question("specializations", "Specjalizacje, które rozpoczęłaś / rozpocząłeś", Kind.TABLE,
                     term="specjalizacja", unknown_allowed=True,
                     none_answer="Nie rozpoczynałam / nie rozpoczynałem żadnej specjalizacji",
                     empty_prompt="Nie dodano jeszcze żadnej specjalizacji. Twoja odpowiedź:",
                     item="specjalizacja", item_acc="specjalizację",
                     help="Dodaj każdą rozpoczętą specjalizację osobno – także przerwane i te dofinansowane ze "
                          "środków publicznych.",
                     needs=(
                         Need(("field",), "Wybierz albo wpisz dziedzinę specjalizacji."),
                         Need(("status",), "Wybierz stan specjalizacji (w trakcie, ukończona, przerwana)."),
                     ),
                     columns=(
                         Column("field", "Dziedzina", Kind.FIELD),
                         Column("status", "Stan", Kind.CHOICE, options=STATUS_OPTIONS),
                         Column("publicly_funded", "Dofinansowana", Kind.YES_NO, options=TABLE_YES_NO),
                         Column("started_on", "Rozpoczęta", Kind.DATE),
                         Column("ended_on", "Ukończona / przerwana", Kind.DATE),
                         Column("hours_share_done", "Zrealizowana część programu (%)", Kind.NUMBER, scale=0.01,
                                minimum=0, maximum=100),
                         Column("ekk_complete", "EKK ze wszystkimi wpisami", Kind.YES_NO, options=TABLE_YES_NO),
                         Column("organizer", "Organizator", Kind.TEXT),
                     )),
            Question("exemption.scope", "Czy masz już decyzję dyrektora CMKP o zwolnieniu ze specjalizacji?",
                     Kind.CHOICE, options=EXEMPTION_OPTIONS, term="zwolnienie",
                     goals=frozenset({Form.SPECJALIZACJA, Form.EGZAMIN_PANSTWOWY, None})),
            Question("exemption.field", "Dziedzina zwolnienia", Kind.FIELD,
                     goals=frozenset({Form.SPECJALIZACJA, Form.EGZAMIN_PANSTWOWY, None})),
            Question("exemption.granted_on", "Data decyzji o zwolnieniu", Kind.DATE,
                     goals=frozenset({Form.SPECJALIZACJA, Form.EGZAMIN_PANSTWOWY, None})),
        )),
    InterviewStep(
        "egzamin", "Podejścia do egzaminu państwowego", "Wcześniejsze sesje: wynik albo nieobecność.",
        frozenset({Form.SPECJALIZACJA, Form.EGZAMIN_PANSTWOWY, None}), ("state_exam_attempts",), (
            Question("state_exam_attempts", "Wcześniejsze podejścia do egzaminu państwowego", Kind.TABLE,
                     term="egzamin_panstwowy",
                     none_answer="Nie podchodziłam / nie podchodziłem jeszcze do egzaminu państwowego",
                     item="podejście do egzaminu", item_acc="podejście do egzaminu",
                     help="Dodaj każdą sesję, do której byłaś / byłeś zgłoszona lub zgłoszony, z jej wynikiem.",
                     needs=(
                         Need(("session",), "Wybierz sesję egzaminu."),
                         Need(("result",), "Wybierz wynik."),
                     ),
                     columns=(
                         Column("session", "Sesja", Kind.SESSION),
                         Column("field", "Dziedzina", Kind.FIELD),
                         Column("result", "Wynik", Kind.CHOICE, options=EXAM_RESULT_OPTIONS),
                     )),
        )),
    InterviewStep("przeglad", "Sprawdź odpowiedzi", "Przejrzyj odpowiedzi i popraw, co trzeba.", ALL_GOALS, ()),
)
BY_KEY = {s.key: s for s in STEPS}
FIRST_STEP = STEPS[0].key
REVIEW_STEP = "przeglad"

# Optional sub-objects of Case that collapse to None when every answer in them is empty.
OPTIONAL_OBJECTS = ("exemption",)


# --- routing -----------------------------------------------------------------------------------------------------


def is_asked(step: InterviewStep, goal: Form | None) -> bool:
    """Whether the step is asked for this goal: the step serves the goal and at least one question applies."""
    if goal not in step.goals:
        return False
    return not step.questions or bool(step.questions_for(goal))


def steps_for(goal: Form | None) -> list[InterviewStep]:
    """The steps asked for this goal, in order."""
    return [s for s in STEPS if is_asked(s, goal)]


def next_step(current: str, goal: Form | None) -> str | None:
    """The key of the step after `current` for this goal; None after the last one."""
    keys = [s.key for s in steps_for(goal)]
    if current not in keys:
        # the goal changed and this step is no longer asked: continue from the first asked step after it
        order = [s.key for s in STEPS]
        later = [k for k in keys if order.index(k) > order.index(current)]
        return later[0] if later else None
    i = keys.index(current)
    return keys[i + 1] if i + 1 < len(keys) else None


def previous_step(current: str, goal: Form | None) -> str | None:
    keys = [s.key for s in steps_for(goal)]
    if current not in keys:
        order = [s.key for s in STEPS]
        earlier = [k for k in keys if order.index(k) < order.index(current)]
        return earlier[-1] if earlier else None
    i = keys.index(current)
    return keys[i - 1] if i > 0 else None


def progress(current: str, goal: Form | None) -> tuple[int, int]:
    """(position of `current` counted from 1, number of steps) for the progress bar."""
    keys = [s.key for s in steps_for(goal)]
    return (keys.index(current) + 1 if current in keys else 1, len(keys))


# --- answers <-> case --------------------------------------------------------------------------------------------

_INDEX = re.compile(r"\[\d*\]")


def question_for_path(path: str) -> tuple[InterviewStep, Question, Column | None] | None:
    """The step, question and (for tables) column that ask for a case path such as `courses[0].completed_on`,
    `employment[].unit_field` or `goal.field`; None when no question asks for it."""
    plain = _INDEX.sub("", path)
    for step in STEPS:
        for q in step.questions:
            if plain == q.path:
                return step, q, None
            if q.kind is Kind.TABLE and plain.startswith(q.path + "."):
                name = plain[len(q.path) + 1:]
                column = next((c for c in q.columns if c.name == name), None)
                return step, q, column
    return None


def describe_path(path: str) -> str:
    """A Polish name for a case path, for "what is missing" lists: "Ukończone kursy, wiersz 1: Data ukończenia"."""
    found = question_for_path(path)
    if found is None:
        return path
    _, q, column = found
    m = re.search(r"\[(\d+)\]", path)
    row = f", wiersz {int(m.group(1)) + 1}" if m else ""
    return f"{q.label}{row}: {column.label}" if column else q.label


def get_path(data: dict, path: str) -> Any:
    node: Any = data
    for part in path.split("."):
        if not isinstance(node, dict):
            return None
        node = node.get(part)
    return node


def _set_path(data: dict, path: str, value: Any) -> None:
    parts = path.split(".")
    node = data
    for part in parts[:-1]:
        if not isinstance(node.get(part), dict):
            node[part] = {}
        node = node[part]
    node[parts[-1]] = value


def answers_of(case: Case, step: InterviewStep, goal: Form | None = None) -> dict[str, Any]:
    """The current answers to the step's questions, read from the case (python values: enums, dates, lists of
    dicts)."""
    data = case.model_dump(mode="python")
    goal = case.goal.form if goal is None else goal
    return {q.path: get_path(data, q.path) for q in step.questions_for(goal)}


def _is_empty(value: Any) -> bool:
    return value is None or value == "" or value == [] or value == {}


def _same(a: Any, b: Any) -> bool:
    """Whether an answer is exactly the value the case holds (a bool is not the number 1, a date not a string)."""
    if type(a) is not type(b) and not (isinstance(a, Enum) or isinstance(b, Enum)):
        return False
    if isinstance(a, dict):
        return a.keys() == b.keys() and all(_same(a[k], b[k]) for k in a)
    if isinstance(a, list):
        return len(a) == len(b) and all(_same(x, y) for x, y in zip(a, b))
    return a == b


def _list_question(path: str) -> Question | None:
    found = question_for_path(path)
    return found[1] if found is not None and found[1].kind is Kind.TABLE and found[2] is None else None


def _clean_rows(q: Question | None, rows: list[dict], held: list[dict]) -> list[dict]:
    """A list's rows as an answer sets them: a row the case already holds stays exactly as it is; a new row is
    stripped, and dropped when nothing was given in it."""
    out = []
    for row in rows:
        if any(_same(row, old) for old in held):
            out.append(row)
            continue
        row = {k: (v.strip() or None) if isinstance(v, str) else v for k, v in row.items()}
        if q is None or not is_blank_item(q, row):
            out.append(row)
    return out


def apply_answers(case: Case, answers: dict[str, Any]) -> Case:
    """A new case with `answers` ({path: value}) set; raises pydantic's ValidationError naming the bad field.

    An answer that is exactly what the case holds leaves the fact as it is – passing a step without changing
    anything gives back the same case, whatever a loaded file held (an empty text, a row with yes/no answers only).
    A changed answer is cleaned: a text is stripped and an empty text means "not given" (None); a list's new rows
    in which nothing was given (`is_blank_item`) are dropped, rows the case already held are kept; an optional
    object (the exemption) whose answers were changed and are all empty becomes None.
    """
    data = case.model_dump(mode="python")
    changed: set[str] = set()
    for path, value in answers.items():
        current = get_path(data, path)
        if _same(value, current):
            continue
        if isinstance(value, str):
            value = value.strip() or None
        if isinstance(value, list):
            value = _clean_rows(_list_question(path), value, current if isinstance(current, list) else [])
        _set_path(data, path, value)
        changed.add(path.split(".")[0])
    for name in OPTIONAL_OBJECTS:
        obj = data.get(name)
        if name in changed and isinstance(obj, dict) and all(_is_empty(v) for v in obj.values()):
            data[name] = None
    return Case.model_validate(data)


def is_blank_item(question: Question, item: dict) -> bool:
    """An item in which nothing was given: every field empty, every tick as a new item starts."""
    for c in question.columns:
        v = item.get(c.name)
        if c.kind is Kind.BOOL:
            if v is not None and bool(v) != bool(c.default):
                return False
        elif not (v is None or (isinstance(v, str) and not v.strip())):
            return False
    return True


def item_problems(question: Question, item: dict) -> list[tuple[str, str]]:
    """(column name, Polish message) for every need of the list that `item` does not meet, in the order of
    `question.needs`; the column is the first one the need names (the message is shown beside it)."""
    def filled(v: Any) -> bool:
        return not (v is None or (isinstance(v, str) and not v.strip()))

    return [(need.columns[0], need.message) for need in question.needs
            if not (need.waived_by and item.get(need.waived_by) is True)
            and not any(filled(item.get(name)) for name in need.columns)]


def sessions_around(year: int, before: int = 6, after: int = 3) -> list[str]:
    """Exam sessions to offer in a list: from `before` years back to `after` years ahead, newest last."""
    return [f"{y}-{part}" for y in range(year - before, year + after + 1) for part in ("wiosna", "jesien")]


def session_label(session: str) -> str:
    """"2027-wiosna" → "wiosna 2027", "2026-jesien" → "jesień 2026"."""
    year, part = session.split("-", 1)
    return f"{'jesień' if part == 'jesien' else part} {year}"
