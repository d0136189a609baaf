"""The one registry of the intake spreadsheet: its sheets, their columns and the Case attribute each column fills.

Both the template (template.py) and the importer (reader.py, mapping.py) are built from `SHEETS`, so a column
cannot be in one and missing from the other. Every sheet's first column is the applicant's number, "Lp.", which
links the rows of all sheets to one row of "Osoby".

A column's `target` is where its value goes:
- in "Osoby", a dotted path into `Case` ("right_to_practise.number"); the paths under `declared.` are answers the
  mapping turns into other facts (the declaration of a past publicly funded specialization, see mapping.py);
- in the other sheets, a field of the row model (`Employment.start`); each row becomes one item of the Case list
  named by the sheet's `case_list`.

Maximum lengths and number ranges are read from the pydantic models in case.py, not written twice.
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from enum import Enum
from functools import lru_cache
from types import UnionType
from typing import Annotated, Any, Union, get_args, get_origin

from annotated_types import Ge, Le, MaxLen
from pydantic import BaseModel
from pydantic.fields import FieldInfo

from ..case import (Case, Course, CourseKind, Employment, ExamResult, ForeignTraining, Form, Gender,
                    PostgraduateStudies, Profession, SpecialistTitle, Specialization, SpecializationStatus)


class Kind(str, Enum):
    LP = "lp"  # the applicant's number: a whole number from 1
    TEXT = "text"
    DATE = "date"
    YES_NO_UNKNOWN = "yes_no_unknown"  # tak / nie / nie wiem
    YES_NO = "yes_no"  # tak / nie, for a fact the model cannot leave unknown ("Trwa")
    CHOICE = "choice"  # one of `choices`, by its Polish label
    INT = "int"
    NUMBER = "number"


@dataclass(frozen=True)
class Choice:
    label: str  # as written in the template and its drop-down list
    value: Any  # the enum member stored in the Case
    aliases: tuple[str, ...] = ()  # other spellings accepted on import (compared without case or Polish letters)


@dataclass(frozen=True)
class Column:
    header: str  # Polish, as in row 1 of the template
    kind: Kind
    target: str | None  # see the module docstring; None for "Lp."
    help: str  # one short Polish sentence for the instructions and the header comment
    choices: tuple[Choice, ...] = ()
    max_length: int | None = None
    minimum: float | None = None  # in the sheet's units (after `scale`)
    maximum: float | None = None
    scale: float = 1.0  # stored value = written value × scale (a share 0–1 written as per cent)
    required: bool = False  # a row of this sheet must give it (the model has no default)
    width: int = 14  # the template's column width, in characters
    empty: Any = None  # what an empty cell means: the model field's default (None = nie wiem)

    def allowed(self) -> str:
        """The allowed values in Polish, for the instructions and the header comment."""
        if self.kind is Kind.LP:
            return "liczba całkowita od 1"
        if self.kind is Kind.TEXT:
            return f"tekst, najwyżej {self.max_length} znaków" if self.max_length else "tekst"
        if self.kind is Kind.DATE:
            return "data DD.MM.RRRR (np. 05.03.2021)"
        if self.kind is Kind.YES_NO_UNKNOWN:
            return f"{' / '.join(YES_NO_UNKNOWN_LABELS)} (puste = {empty_word(self.empty)})"
        if self.kind is Kind.YES_NO:
            return f"{' / '.join(YES_NO_LABELS)} (puste = {empty_word(self.empty)})"
        if self.kind is Kind.CHOICE:
            tail = "wymagane" if self.required else "puste = nie wiem"
            return f"{' / '.join(c.label for c in self.choices)} ({tail})"
        unit = "liczba całkowita" if self.kind is Kind.INT else "liczba (część ułamkową oddziel przecinkiem)"
        return f"{unit} od {_number(self.minimum)} do {_number(self.maximum)}"

    def labels(self) -> list[str]:
        """The drop-down list of the template; empty for free-typed kinds."""
        if self.kind is Kind.YES_NO_UNKNOWN:
            return list(YES_NO_UNKNOWN_LABELS)
        if self.kind is Kind.YES_NO:
            return list(YES_NO_LABELS)
        return [c.label for c in self.choices]


@dataclass(frozen=True)
class Sheet:
    name: str  # Polish, the sheet's name in the template and the CSV file's name
    help: str
    columns: tuple[Column, ...]
    model: type[BaseModel] = Case  # the row model (Case for "Osoby")
    case_list: str | None = None  # the Case list its rows fill; None for "Osoby"
    row_check_column: str | None = None  # the header a row-level check of the model is reported at ("Do")

    @property
    def headers(self) -> list[str]:
        return [c.header for c in self.columns]

    def column(self, header: str) -> Column:
        return next(c for c in self.columns if c.header == header)


YES_NO_UNKNOWN_LABELS = ("tak", "nie", "nie wiem")
YES_NO_LABELS = ("tak", "nie")
LP = "Lp."

OSOBY = "Osoby"
PRACA = "Praca"
KURSY = "Kursy"
TYTULY = "Tytuły specjalisty"
STUDIA = "Studia podyplomowe"
ZAGRANICA = "Szkolenia za granicą"
SPECJALIZACJE = "Specjalizacje"

# The targets in "Osoby" that are not Case paths: the mapping reads them (mapping.declared_specialization).
FUNDED_BEFORE = "declared.funded_before"
FUNDED_BEFORE_END = "declared.funded_before_end"


def empty_word(value: Any) -> str:
    """What an empty cell of a yes/no column means, in the template's words."""
    return {True: "tak", False: "nie", None: "nie wiem"}[value]


def _number(v: float | None) -> str:
    if v is None:
        return "…"
    return str(int(v)) if float(v).is_integer() else str(v).replace(".", ",")


def _model_of(path: str, model: type[BaseModel]) -> tuple[type[BaseModel], str]:
    """The model and field name a dotted path ends in: ("right_to_practise.number", Case) → (RightToPractise, …)."""
    *parents, name = path.split(".")
    for part in parents:
        model = model.model_fields[part].annotation  # the nested models are plain (not Optional) fields
    return model, name


def _constraints(model: type[BaseModel], name: str) -> tuple[int | None, float | None, float | None]:
    meta = model.model_fields[name].metadata
    max_length = next((m.max_length for m in meta if isinstance(m, MaxLen)), None)
    ge = next((m.ge for m in meta if isinstance(m, Ge)), None)
    le = next((m.le for m in meta if isinstance(m, Le)), None)
    return max_length, ge, le


def list_limit(name: str) -> int | None:
    """The most items the Case's list `name` may hold ("employment" → 60), as the model sets it: a max_length on the
    field, or inside an Annotated arm of its type (list[…] | None); None when the model sets none."""
    info = Case.model_fields[name]
    found = [m.max_length for m in info.metadata if isinstance(m, MaxLen)]

    def walk(tp: Any) -> None:
        if get_origin(tp) is Annotated:
            for meta in get_args(tp)[1:]:
                inner = meta.metadata if isinstance(meta, FieldInfo) else [meta]
                found.extend(getattr(m, "max_length", None) for m in inner)
            walk(get_args(tp)[0])
        elif get_origin(tp) in (Union, UnionType):
            for arm in get_args(tp):
                walk(arm)

    walk(info.annotation)
    limits = [n for n in found if isinstance(n, int) and not isinstance(n, bool)]
    return min(limits) if limits else None


def _col(model: type[BaseModel], header: str, kind: Kind, target: str | None, help: str, *,
         choices: tuple[Choice, ...] = (), scale: float = 1.0, width: int | None = None) -> Column:
    """A column whose limits come from the model field it fills."""
    max_length = minimum = maximum = empty = None
    required = False
    if target and not target.startswith("declared."):
        owner, name = _model_of(target, model)
        max_length, minimum, maximum = _constraints(owner, name)
        info = owner.model_fields[name]
        required = info.is_required()
        empty = None if required else info.default
        if scale != 1.0:
            minimum = None if minimum is None else minimum / scale
            maximum = None if maximum is None else maximum / scale
    if width is None:
        width = max(12, min(24, len(header) + 2))
    return Column(header, kind, target, help, choices, max_length, minimum, maximum, scale, required, width, empty)


def _lp() -> Column:
    return Column(LP, Kind.LP, None, "Numer osoby z arkusza „Osoby”; jedna osoba może mieć tu wiele wierszy.",
                  width=7)


YN = Kind.YES_NO_UNKNOWN

PROFESSION_CHOICES = (
    Choice("pielęgniarka", Profession.PIELEGNIARKA, ("pielęgniarz", "pielęgniarka / pielęgniarz")),
    Choice("położna", Profession.POLOZNA, ("położny", "położna / położny")),
)
GENDER_CHOICES = (
    Choice("k", Gender.FEMALE, ("kobieta", "pielęgniarka / położna")),
    Choice("m", Gender.MALE, ("mężczyzna", "pielęgniarz / położny")),
)
FORM_CHOICES = (
    Choice("specjalizacja", Form.SPECJALIZACJA, ("szkolenie specjalizacyjne",)),
    Choice("kurs kwalifikacyjny", Form.KURS_KWALIFIKACYJNY, ("kwalifikacyjny",)),
    Choice("kurs specjalistyczny", Form.KURS_SPECJALISTYCZNY, ("specjalistyczny",)),
    Choice("kurs dokształcający", Form.KURS_DOKSZTALCAJACY, ("dokształcający",)),
    Choice("egzamin państwowy", Form.EGZAMIN_PANSTWOWY, ()),
)
COURSE_KIND_CHOICES = (
    Choice("kwalifikacyjny", CourseKind.KWALIFIKACYJNY, ("kurs kwalifikacyjny",)),
    Choice("specjalistyczny", CourseKind.SPECJALISTYCZNY, ("kurs specjalistyczny",)),
    Choice("dokształcający", CourseKind.DOKSZTALCAJACY, ("kurs dokształcający",)),
)
EXAM_CHOICES = (
    Choice("zdany", ExamResult.PASSED, ("zdał", "zdała")),
    Choice("niezdany", ExamResult.FAILED, ("nie zdany", "nie zdał", "nie zdała")),
    Choice("nieobecność", ExamResult.ABSENT, ("nieobecny", "nieobecna")),
    Choice("nie przystąpiono", ExamResult.NOT_TAKEN, ("nie przystąpił", "nie przystąpiła", "nieprzystąpiono")),
)
STATUS_CHOICES = (
    Choice("w trakcie", SpecializationStatus.IN_PROGRESS, ("trwa",)),
    Choice("ukończona", SpecializationStatus.COMPLETED, ("ukończył", "ukończyła")),
    Choice("przerwana", SpecializationStatus.INTERRUPTED, ("przerwał", "przerwała")),
)


def _osoby() -> Sheet:
    def c(*args, **kw) -> Column:
        return _col(Case, *args, **kw)

    return Sheet(OSOBY, "Jeden wiersz na osobę ubiegającą się o kształcenie.", (
        Column(LP, Kind.LP, None, "Numer osoby w naborze (1, 2, 3 …); każda osoba ma inny numer, a wiersze w "
                                  "pozostałych arkuszach wskazują osobę tym numerem.", width=7),
        c("Imię (imiona)", Kind.TEXT, "person.first_names", "Imię lub imiona.", width=18),
        c("Nazwisko", Kind.TEXT, "person.surname", "Nazwisko.", width=20),
        c("Zawód", Kind.CHOICE, "profession", "Pielęgniarka (także pielęgniarz) albo położna (także położny).",
          choices=PROFESSION_CHOICES),
        c("Forma tytułu", Kind.CHOICE, "person.gender",
          "Tylko do wydruku wniosku: k = pielęgniarka / położna, m = pielęgniarz / położny. Można zostawić puste.",
          choices=GENDER_CHOICES),
        c("Ma PWZ", YN, "right_to_practise.held", "Czy ma aktualne prawo wykonywania zawodu (PWZ)."),
        c("Numer PWZ", Kind.TEXT, "right_to_practise.number",
          "Numer zaświadczenia o PWZ: 7 cyfr i litera P lub A, np. 0312345P.", width=12),
        c("PWZ wydała", Kind.TEXT, "right_to_practise.issued_by",
          "Okręgowa rada pielęgniarek i położnych, która wydała PWZ.", width=24),
        c("Rok wydania PWZ", Kind.INT, "right_to_practise.year", "Rok wydania zaświadczenia o PWZ."),
        c("Licencjat", YN, "degrees.licencjat", "Licencjat pielęgniarstwa lub położnictwa."),
        c("Magister pielęgniarstwa / położnictwa", YN, "degrees.magister_nursing",
          "Tytuł magistra pielęgniarstwa lub położnictwa."),
        c("Magister innej dziedziny ochrony zdrowia", YN, "degrees.magister_other_health",
          "Tytuł magistra w innej dziedzinie mającej zastosowanie w ochronie zdrowia."),
        c("Doktor", YN, "degrees.doctorate", "Co najmniej stopień doktora."),
        c("Dziedzina doktoratu", Kind.TEXT, "degrees.doctorate_field",
          "Dziedzina dorobku naukowego i zawodowego (ma znaczenie przy zwolnieniu ze specjalizacji).", width=24),
        c("Nauczyciel akademicki", YN, "degrees.academic_teacher",
          "Nauczyciel akademicki uczelni kształcącej na kierunku pielęgniarstwo lub położnictwo."),
        c("Rodzaj kształcenia", Kind.CHOICE, "goal.form",
          "Na co się zapisuje. Można zostawić puste: o rodzaju decyduje nabór, a różnicę asystent pokaże.",
          choices=FORM_CHOICES, width=22),
        c("Dziedzina", Kind.TEXT, "goal.field",
          "Dziedzina kształcenia, np. pielęgniarstwo chirurgiczne. Można zostawić puste: decyduje nabór.", width=28),
        c("Ubiega się o dofinansowanie", YN, "goal.publicly_funded",
          "Czy ubiega się o miejsce dofinansowane ze środków publicznych."),
        Column("Odbył(a) specjalizację dofinansowaną", YN, FUNDED_BEFORE,
               "Czy ukończył(a) już specjalizację dofinansowaną ze środków publicznych (oświadczenie z art. 70 "
               "ust. 6 ustawy). Szczegóły można też wpisać w arkuszu „Specjalizacje”.", width=22),
        Column("Data zakończenia tej specjalizacji", Kind.DATE, FUNDED_BEFORE_END,
               "Dzień zakończenia tej specjalizacji dofinansowanej; od niego liczy się okres, po którym można "
               "ubiegać się o kolejną.", width=18),
        c("Wnioskuje o zwolnienie ze specjalizacji", YN, "goal.wants_exemption",
          "Czy rozważa wniosek o zwolnienie z obowiązku odbywania specjalizacji (art. 67 ust. 3 ustawy)."),
        c("Skierowanie pracodawcy", YN, "goal.employer_referral",
          "Czy pracodawca kieruje osobę na to kształcenie. Można zostawić puste."),
    ))


def _rows(model: type[BaseModel], name: str, help: str, case_list: str, row_check: str | None,
          *columns: tuple) -> Sheet:
    return Sheet(name, help, (_lp(), *(_col(model, *c[:4], **(c[4] if len(c) > 4 else {})) for c in columns)),
                 model=model, case_list=case_list, row_check_column=row_check)


SHEETS: tuple[Sheet, ...] = (
    _osoby(),
    _rows(Employment, PRACA, "Okresy pracy: jeden wiersz na jedno zatrudnienie. Osoba bez wierszy tutaj: nie "
                             "wiadomo, gdzie pracowała (wynik wskaże, że brakuje przebiegu pracy).",
          "employment", "Do",
          ("Od", Kind.DATE, "start", "Pierwszy dzień zatrudnienia."),
          ("Do", Kind.DATE, "end", "Ostatni dzień zatrudnienia; puste, gdy praca trwa."),
          ("Trwa", Kind.YES_NO, "ongoing", "Tak, gdy zatrudnienie trwa (wtedy kolumna „Do” zostaje pusta)."),
          ("Pracodawca", Kind.TEXT, "employer", "Nazwa zakładu pracy i adres.", {"width": 30}),
          ("Komórka", Kind.TEXT, "unit", "Miejsce pracy: oddział, poradnia lub inna komórka.", {"width": 24}),
          ("Dziedzina komórki", Kind.TEXT, "unit_field",
           "Dziedzina, której odpowiada profil komórki, np. pielęgniarstwo chirurgiczne.", {"width": 26}),
          ("W zawodzie", YN, "in_profession", "Czy to praca w zawodzie pielęgniarki lub położnej; puste = tak, "
                                              "jak w pytaniach asystenta.")),
    _rows(Course, KURSY, "Ukończone kursy (kwalifikacyjne, specjalistyczne, dokształcające): jeden wiersz na kurs.",
          "courses", "Data ukończenia",
          ("Rodzaj", Kind.CHOICE, "kind", "Rodzaj kursu.", {"choices": COURSE_KIND_CHOICES, "width": 16}),
          ("Nazwa", Kind.TEXT, "name", "Nazwa kursu.", {"width": 28}),
          ("Dziedzina", Kind.TEXT, "field", "Dziedzina lub zakres kursu.", {"width": 26}),
          ("Data rozpoczęcia", Kind.DATE, "started_on", "Pierwszy dzień kursu (można zostawić puste)."),
          ("Data ukończenia", Kind.DATE, "completed_on",
           "Dzień zaliczenia zajęć teoretycznych i szkolenia praktycznego."),
          ("Zajęcia teoretyczne zaliczone", YN, "theory_passed", "Czy zaliczono zajęcia teoretyczne."),
          ("Szkolenie praktyczne zaliczone", YN, "practice_passed", "Czy zaliczono szkolenie praktyczne."),
          ("Wynik egzaminu", Kind.CHOICE, "exam", "Wynik egzaminu po kursie.",
           {"choices": EXAM_CHOICES, "width": 18}),
          ("Organizator", Kind.TEXT, "organizer", "Nazwa organizatora kształcenia.", {"width": 26}),
          ("Zaświadczenie", Kind.TEXT, "certificate", "Numer oraz data i miejsce wydania zaświadczenia.",
           {"width": 24}),
          ("Liczba godzin", Kind.INT, "hours", "Liczba godzin kursu (można zostawić puste).")),
    _rows(SpecialistTitle, TYTULY, "Posiadane tytuły specjalisty: jeden wiersz na tytuł.",
          "specialist_titles", None,
          ("Dziedzina", Kind.TEXT, "field", "Dziedzina specjalizacji.", {"width": 28}),
          ("Data zakończenia specjalizacji", Kind.DATE, "completed_on", "Dzień zakończenia specjalizacji."),
          ("Dyplom", Kind.TEXT, "diploma", "Numer oraz data i miejsce wydania dyplomu.", {"width": 24}),
          ("Organizator", Kind.TEXT, "organizer", "Nazwa organizatora kształcenia.", {"width": 26})),
    _rows(PostgraduateStudies, STUDIA, "Ukończone studia podyplomowe: jeden wiersz na studia.",
          "postgraduate_studies", None,
          ("Nazwa", Kind.TEXT, "name", "Nazwa studiów podyplomowych.", {"width": 28}),
          ("Dziedzina", Kind.TEXT, "field", "Dziedzina, której odpowiadają studia.", {"width": 26}),
          ("Data świadectwa", Kind.DATE, "completed_on", "Dzień wydania świadectwa."),
          ("Świadectwo", Kind.TEXT, "certificate", "Data i miejsce wydania świadectwa.", {"width": 24}),
          ("Uczelnia", Kind.TEXT, "university", "Nazwa uczelni.", {"width": 26})),
    _rows(ForeignTraining, ZAGRANICA, "Szkolenia odbyte za granicą: jeden wiersz na szkolenie.",
          "foreign_training", None,
          ("Zakres (dziedzina)", Kind.TEXT, "field", "Zakres szkolenia (dziedzina).", {"width": 26}),
          ("Kraj", Kind.TEXT, "country", "Kraj, w którym odbyło się szkolenie."),
          ("Czas trwania (miesiące)", Kind.NUMBER, "months", "Czas trwania szkolenia w miesiącach."),
          ("Data ukończenia", Kind.DATE, "completed_on", "Dzień ukończenia szkolenia."),
          ("Tłumaczenie przysięgłe", YN, "sworn_translation",
           "Czy certyfikat przetłumaczył tłumacz przysięgły.")),
    _rows(Specialization, SPECJALIZACJE, "Rozpoczęte specjalizacje (ukończone, w trakcie, przerwane), także "
                                         "dofinansowane: jeden wiersz na specjalizację.",
          "specializations", "Ukończona / przerwana",
          ("Dziedzina", Kind.TEXT, "field", "Dziedzina specjalizacji.", {"width": 28}),
          ("Stan", Kind.CHOICE, "status", "Czy specjalizacja trwa, została ukończona czy przerwana.",
           {"choices": STATUS_CHOICES}),
          ("Dofinansowana", YN, "publicly_funded", "Czy była dofinansowana ze środków publicznych."),
          ("Rozpoczęta", Kind.DATE, "started_on", "Dzień rozpoczęcia specjalizacji."),
          ("Ukończona / przerwana", Kind.DATE, "ended_on", "Dzień ukończenia albo przerwania."),
          ("Zrealizowana część programu (%)", Kind.NUMBER, "hours_share_done",
           "Jaka część godzin programu została zrealizowana, w procentach (0–100).", {"scale": 0.01}),
          ("EKK ze wszystkimi wpisami", YN, "ekk_complete",
           "Czy elektroniczna karta kształcenia ma wymagane wpisy i zaliczenia."),
          ("Organizator", Kind.TEXT, "organizer", "Nazwa organizatora kształcenia.", {"width": 26})),
)
BY_NAME: dict[str, Sheet] = {s.name: s for s in SHEETS}
# The columns whose empty cell is not "nie wiem" (the model gives them a default), for the instructions.
NOT_UNKNOWN_WHEN_EMPTY: tuple[tuple[Sheet, Column], ...] = tuple(
    (s, c) for s in SHEETS for c in s.columns if c.empty is not None)
INSTRUCTIONS_SHEET = "Instrukcja"


_POLISH = str.maketrans("łŁ", "lL")
_SEPARATORS = re.compile(r"[\s_\-–—]+")


@lru_cache(maxsize=8192)  # the same few values ("tak", "pielęgniarka") fill most cells
def normalize(text: str) -> str:
    """Compare names and values without case, Polish letters, separators or a trailing full stop or colon:
    "Tytuły_specjalisty" → "tytuly specjalisty", " LP " → "lp"."""
    text = unicodedata.normalize("NFKD", text.translate(_POLISH))
    text = "".join(ch for ch in text if not unicodedata.combining(ch)).casefold()
    return _SEPARATORS.sub(" ", text).strip().rstrip(".:").strip()


SHEET_BY_KEY: dict[str, Sheet] = {normalize(s.name): s for s in SHEETS}


def sheet_for_name(name: str, *, file_name: bool = False) -> Sheet | None:
    """The sheet a workbook sheet's name stands for ("praca", "TYTULY_SPECJALISTY"); a CSV file's name may also end
    with it ("nabor 2026 - Kursy")."""
    key = normalize(name)
    if key in SHEET_BY_KEY:
        return SHEET_BY_KEY[key]
    if not file_name:
        return None
    return next((s for k, s in SHEET_BY_KEY.items() if key.endswith(" " + k)), None)
