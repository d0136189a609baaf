"""The case: every fact a nurse, a midwife or an organizer can give, each of which may be unknown.

`None` always means "nie wiem" (unknown). A rule that needs an unknown fact returns "needs review" naming it;
no rule silently assumes a default for a fact the person did not give.

Polish legal nouns without an English twin stay Polish in ASCII (see GLOSSARY.md).
"""
from __future__ import annotations

import json
import re
from datetime import date
from enum import Enum
from typing import Annotated, Any

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, field_validator, model_validator

PWZ_PATTERN = re.compile(r"^\d{7}[PA]$")

# Dates a case may carry. Far outside this range the period arithmetic would leave the calendar (year 10000),
# and no fact of a nurse's education lies there.
EARLIEST_DAY = date(1900, 1, 1)
LATEST_DAY = date(2100, 12, 31)


def _day_in_range(v: date) -> date:
    if not EARLIEST_DAY <= v <= LATEST_DAY:
        raise ValueError("data musi leżeć między 1900 a 2100 rokiem")
    return v


Day = Annotated[date, AfterValidator(_day_in_range)]

# Length limits. A file is read by the app and the command lines, so every list and every text has a bound: without
# one a 265 KB file made a 1,593-page summary that took 42 s. Each is sized to a whole working life with room to
# spare (about 45 years of work; the law gives no number), and a case at every limit at once still makes its
# summary and Annex 1 in seconds (tests/test_loader.py):
MAX_EMPLOYMENT = 60  # periods of work: a new period for every change of employer or ward, more than one a year
MAX_COURSES = 100  # courses: qualification, specialist and continuing-education courses over a career
MAX_SPECIALIST_TITLES = 20  # specialist titles: one or two is usual, 20 is more than anyone has
MAX_POSTGRADUATE_STUDIES = 30  # postgraduate studies
MAX_FOREIGN_TRAINING = 30  # trainings abroad
MAX_SPECIALIZATIONS = 20  # specializations begun (completed, in progress or interrupted)
MAX_EXAM_ATTEMPTS = 40  # state-exam attempts: two sessions a year for 20 years
MAX_COMMISSION = 50  # members of a qualification or exam commission (a few are required, 50 leaves room)
MAX_EXEMPTION_TEAM = 20  # roles in the team that gives its opinion on an exemption (§ 5 ust. 2: a few persons)
# Texts: a field (dziedzina) 150 characters (the longest on the official lists has 82); a name, a short reference
# (a certificate's number, date and place; a unit; a university) or a case's label 200; a name with an address (an
# employer, an organizer) 300; a country 100; codes (a PWZ number, a session) 30, which their own pattern narrows
# further. The rules quote fields and the names of courses and commission members in the titles of decisions, and
# the summary PDF lays out a title in time that grows with the square of its length (fpdf2's line breaking), so
# these limits also bound the summary of a case at every limit (about 25 pages, a few seconds).
MAX_FIELD = 150
MAX_NAME = 200
MAX_TEXT = 200
MAX_ADDRESS = 300
MAX_CODE = 30


class _Model(BaseModel):
    # allow_inf_nan=False: NaN and infinity are no number of months or years (NaN used to pass as "nie większa niż
    # 600" – every comparison with it is false).
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True, use_enum_values=False, allow_inf_nan=False)


class Profession(str, Enum):
    PIELEGNIARKA = "pielegniarka"  # pielęgniarka / pielęgniarz
    POLOZNA = "polozna"  # położna / położny


PROFESSION_LABELS_PL = {Profession.PIELEGNIARKA: "pielęgniarka / pielęgniarz", Profession.POLOZNA: "położna / położny"}


class Gender(str, Enum):
    """Used only to choose the grammatical form on forms (pielęgniarka / pielęgniarz)."""

    FEMALE = "k"
    MALE = "m"


class Form(str, Enum):
    """Rodzaje kształcenia podyplomowego (ustawa art. 66 ust. 1) and the state exam."""

    SPECJALIZACJA = "specjalizacja"
    KURS_KWALIFIKACYJNY = "kurs_kwalifikacyjny"
    KURS_SPECJALISTYCZNY = "kurs_specjalistyczny"
    KURS_DOKSZTALCAJACY = "kurs_doksztalcajacy"
    EGZAMIN_PANSTWOWY = "egzamin_panstwowy"


FORM_LABELS_PL = {
    Form.SPECJALIZACJA: "specjalizacja (szkolenie specjalizacyjne)",
    Form.KURS_KWALIFIKACYJNY: "kurs kwalifikacyjny",
    Form.KURS_SPECJALISTYCZNY: "kurs specjalistyczny",
    Form.KURS_DOKSZTALCAJACY: "kurs dokształcający",
    Form.EGZAMIN_PANSTWOWY: "egzamin państwowy",
}


class Person(_Model):
    first_names: str | None = Field(None, max_length=MAX_NAME, description="Imię (imiona)")
    surname: str | None = Field(None, max_length=MAX_NAME, description="Nazwisko")
    gender: Gender | None = Field(None, description="Forma tytułu na formularzu: k = pielęgniarka/położna, m = pielęgniarz/położny")


class RightToPractise(_Model):
    """Prawo wykonywania zawodu (PWZ)."""

    held: bool | None = Field(None, description="Czy ma aktualne prawo wykonywania zawodu")
    number: str | None = Field(None, max_length=MAX_CODE, description="Numer zaświadczenia o PWZ: 7 cyfr i litera P lub A")
    issued_by: str | None = Field(None, max_length=MAX_TEXT, description="Okręgowa rada pielęgniarek i położnych, która wydała PWZ")
    year: int | None = Field(None, ge=1950, le=2100, description="Rok wydania")

    @field_validator("number")
    @classmethod
    def _number_format(cls, v: str | None) -> str | None:
        if v is None or v == "":
            return None
        v = v.replace(" ", "").upper()
        if not PWZ_PATTERN.match(v):
            raise ValueError("numer PWZ pielęgniarki lub położnej to 7 cyfr i litera P lub A, np. 0312345P")
        return v


class Employment(_Model):
    """One period of work in the profession (przebieg pracy zawodowej)."""

    start: Day | None = Field(None, description="Początek zatrudnienia")
    end: Day | None = Field(None, description="Koniec zatrudnienia; pusty, gdy trwa")
    ongoing: bool = Field(False, description="Zatrudnienie trwa")
    employer: str | None = Field(None, max_length=MAX_ADDRESS, description="Nazwa zakładu pracy, adres")
    unit: str | None = Field(None, max_length=MAX_TEXT, description="Miejsce pracy (oddział, poradnia, inne)")
    unit_field: str | None = Field(None, max_length=MAX_FIELD,
                                   description="Dziedzina, której odpowiada profil komórki (np. pielęgniarstwo chirurgiczne)")
    in_profession: bool | None = Field(True, description="Czy praca w zawodzie pielęgniarki / położnej")

    @model_validator(mode="after")
    def _consistent(self) -> "Employment":
        if self.start and self.end and self.end < self.start:
            raise ValueError("koniec zatrudnienia jest wcześniejszy niż początek")
        if self.ongoing and self.end is not None:
            raise ValueError("zatrudnienie oznaczone jako trwające nie może mieć daty końca")
        return self


class Degrees(_Model):
    licencjat: bool | None = Field(None, description="Licencjat pielęgniarstwa / położnictwa")
    magister_nursing: bool | None = Field(None, description="Magister pielęgniarstwa lub położnictwa")
    magister_other_health: bool | None = Field(None, description="Magister w innej dziedzinie mającej zastosowanie w ochronie zdrowia")
    doctorate: bool | None = Field(None, description="Co najmniej stopień doktora")
    academic_teacher: bool | None = Field(None, description="Nauczyciel akademicki uczelni kształcącej na kierunku pielęgniarstwo lub położnictwo")
    doctorate_field: str | None = Field(None, max_length=MAX_FIELD, description="Dziedzina dorobku naukowego i zawodowego")


class SpecialistTitle(_Model):
    """Posiadany tytuł specjalisty."""

    field: str | None = Field(None, max_length=MAX_FIELD, description="Dziedzina specjalizacji")
    completed_on: Day | None = Field(None, description="Data zakończenia specjalizacji")
    diploma: str | None = Field(None, max_length=MAX_TEXT, description="Numer oraz data i miejsce wydania dyplomu")
    organizer: str | None = Field(None, max_length=MAX_ADDRESS, description="Nazwa organizatora kształcenia")


class CourseKind(str, Enum):
    KWALIFIKACYJNY = "kwalifikacyjny"
    SPECJALISTYCZNY = "specjalistyczny"
    DOKSZTALCAJACY = "doksztalcajacy"


class ExamResult(str, Enum):
    PASSED = "zdany"
    FAILED = "niezdany"
    ABSENT = "nieobecność"
    NOT_TAKEN = "nie_przystąpiono"


class Course(_Model):
    """A qualification, specialist or continuing-education course: completed, or passed and awaiting its exam."""

    kind: CourseKind
    name: str | None = Field(None, max_length=MAX_TEXT, description="Nazwa kursu")
    field: str | None = Field(None, max_length=MAX_FIELD, description="Dziedzina lub zakres kursu")
    completed_on: Day | None = Field(
        None, description="Data zakończenia kursu (zaliczenia zajęć teoretycznych i szkolenia praktycznego)")
    exam: ExamResult | None = Field(None, description="Wynik egzaminu po kursie")
    organizer: str | None = Field(None, max_length=MAX_ADDRESS, description="Nazwa organizatora kształcenia")
    certificate: str | None = Field(None, max_length=MAX_TEXT, description="Numer oraz data i miejsce wydania zaświadczenia")
    hours: int | None = Field(None, ge=0, le=5000, description="Liczba godzin")
    started_on: Day | None = Field(None, description="Data rozpoczęcia kursu")
    theory_passed: bool | None = Field(None, description="Czy zaliczono zajęcia teoretyczne")
    practice_passed: bool | None = Field(None, description="Czy zaliczono szkolenie praktyczne")

    @model_validator(mode="after")
    def _consistent(self) -> "Course":
        if self.started_on and self.completed_on and self.completed_on < self.started_on:
            raise ValueError("data ukończenia kursu jest wcześniejsza niż data rozpoczęcia")
        return self


class PostgraduateStudies(_Model):
    name: str | None = Field(None, max_length=MAX_TEXT, description="Nazwa studiów podyplomowych")
    field: str | None = Field(None, max_length=MAX_FIELD, description="Dziedzina, której odpowiadają studia")
    completed_on: Day | None = Field(None, description="Data wydania świadectwa")
    certificate: str | None = Field(None, max_length=MAX_TEXT, description="Data i miejsce wydania świadectwa")
    university: str | None = Field(None, max_length=MAX_TEXT, description="Nazwa uczelni")


class ForeignTraining(_Model):
    field: str | None = Field(None, max_length=MAX_FIELD, description="Zakres szkolenia (dziedzina)")
    months: float | None = Field(None, ge=0, le=600, description="Czas trwania w miesiącach")
    sworn_translation: bool | None = Field(None, description="Certyfikat przetłumaczony przez tłumacza przysięgłego")
    completed_on: Day | None = None
    country: str | None = Field(None, max_length=100)  # the longest country name is about 60 characters


class SpecializationStatus(str, Enum):
    IN_PROGRESS = "w_trakcie"
    COMPLETED = "ukonczona"
    INTERRUPTED = "przerwana"


class Specialization(_Model):
    """A specialization the person has begun (completed, in progress or interrupted)."""

    field: str | None = Field(None, max_length=MAX_FIELD)
    publicly_funded: bool | None = Field(None, description="Dofinansowana ze środków publicznych")
    status: SpecializationStatus | None = None
    started_on: Day | None = None
    ended_on: Day | None = Field(None, description="Data ukończenia albo przerwania")
    hours_share_done: float | None = Field(None, ge=0, le=1, description="Część godzin programu zrealizowana (0–1)")
    ekk_complete: bool | None = Field(None, description="EKK z wymaganymi wpisami i zaliczeniami")
    organizer: str | None = Field(None, max_length=MAX_ADDRESS)

    @model_validator(mode="after")
    def _consistent(self) -> "Specialization":
        if self.started_on and self.ended_on and self.ended_on < self.started_on:
            raise ValueError("data zakończenia specjalizacji jest wcześniejsza niż data rozpoczęcia")
        return self


SESSION_PATTERN = re.compile(r"^(20\d\d)-(wiosna|jesien)$")


def normalize_session(v: str) -> str:
    """"2027-Wiosna", "2026-jesień" → "2027-wiosna", "2026-jesien"; anything else is refused."""
    v = v.strip().lower().replace("jesień", "jesien")
    if not SESSION_PATTERN.match(v):
        raise ValueError("sesja ma postać RRRR-wiosna albo RRRR-jesien (rok 2000–2099), np. 2026-jesien")
    return v


class StateExamAttempt(_Model):
    session: str = Field(max_length=MAX_CODE, description="Sesja: RRRR-wiosna albo RRRR-jesien")
    field: str | None = Field(None, max_length=MAX_FIELD)
    result: ExamResult | None = None

    @field_validator("session")
    @classmethod
    def _session_format(cls, v: str) -> str:
        return normalize_session(v)


class ExemptionScope(str, Enum):
    """The scope of an exemption from a specialization (art. 67 ust. 3): the rules tell only these two apart."""

    CALOSC = "calosc"  # w całości
    CZESC = "czesc"  # w części


EXEMPTION_SCOPE_LABELS_PL = {ExemptionScope.CALOSC: "w całości", ExemptionScope.CZESC: "w części"}
EXEMPTION_SCOPE_REFUSED = ("zakres zwolnienia to „calosc” (w całości) albo „czesc” (w części)")

_PL_ASCII = str.maketrans("ąćęłńóśźż", "acelnoszz")
# The free text a version-1 or -2 file could hold, after lower-casing, dropping the accents and joining spaces.
_LEGACY_SCOPES = {
    "calosc": ExemptionScope.CALOSC, "w calosci": ExemptionScope.CALOSC,
    "czesc": ExemptionScope.CZESC, "w czesci": ExemptionScope.CZESC, "czesciowo": ExemptionScope.CZESC,
}


def legacy_scope(text: Any) -> Any:
    """A version-1/2 free-text scope as an `ExemptionScope` value ("W całości" → "calosc", "część" → "czesc");
    blank → None; anything else is returned unchanged, for the scope's own check to refuse in Polish."""
    if not isinstance(text, str):
        return text
    key = " ".join(text.lower().translate(_PL_ASCII).split())
    if not key:
        return None
    scope = _LEGACY_SCOPES.get(key)
    return scope.value if scope is not None else text


class Exemption(_Model):
    """A decision of the dyrektor CMKP under art. 67 ust. 3 the person already has."""

    field: str | None = Field(None, max_length=MAX_FIELD)
    scope: ExemptionScope | None = Field(None, description="Zakres zwolnienia: calosc (w całości) albo czesc (w części)")
    granted_on: Day | None = None

    @field_validator("scope", mode="before")
    @classmethod
    def _scope_choice(cls, v: Any) -> Any:
        if v is None or isinstance(v, ExemptionScope):
            return v
        if isinstance(v, str) and v in ExemptionScope._value2member_map_:
            return v
        raise ValueError(EXEMPTION_SCOPE_REFUSED)


class Goal(_Model):
    form: Form | None = Field(None, description="Rodzaj kształcenia albo egzamin państwowy")
    field: str | None = Field(None, max_length=MAX_FIELD, description="Dziedzina lub zakres")
    publicly_funded: bool | None = Field(None, description="Czy chodzi o specjalizację dofinansowaną ze środków publicznych")
    wants_exemption: bool | None = Field(None, description="Czy rozważa wniosek o zwolnienie ze specjalizacji (art. 67 ust. 3)")
    session: str | None = Field(None, max_length=MAX_CODE, description="Sesja egzaminu państwowego, o którą pytasz: RRRR-wiosna albo RRRR-jesien")
    employer_referral: bool | None = Field(
        None, description="Czy pracodawca kieruje Cię na to kształcenie (skierowanie, art. 61 ust. 3 ustawy)")
    exam_date: Day | None = Field(None, description="Data egzaminu państwowego, jeśli jest już znana")

    @field_validator("session")
    @classmethod
    def _session_format(cls, v: str | None) -> str | None:
        if v is None or v == "":
            return None
        return normalize_session(v)


# --- facts that an organizer gives about an edition (a cohort) ------------------------------------------------


class CommissionRole(str, Enum):
    ORGANIZER_REPRESENTATIVE = "przedstawiciel_organizatora"
    KIEROWNIK = "kierownik"  # kierownik specjalizacji / kursu (counts as an organizer representative)
    PROFESSIONAL_SOCIETY = "stowarzyszenie_lub_towarzystwo"
    NRPIP = "przedstawiciel_nrpip"
    CONSULTANT = "konsultant_wojewodzki"
    NATIONAL_CONSULTANT = "konsultant_krajowy"
    ACADEMIC = "pracownik_naukowy_uczelni"
    TEACHING_STAFF = "kadra_dydaktyczna"
    OTHER = "inny"


class CommissionMember(_Model):
    role: CommissionRole
    name: str | None = Field(None, max_length=MAX_NAME)
    consultant_field_matches: bool | None = Field(
        None, description="Konsultant w dziedzinie zgodnej z dziedziną specjalizacji (False = pokrewnej)")


class LeaderCandidate(_Model):
    """A candidate for kierownik specjalizacji / kursu (§ 6, § 23)."""

    specialist_title_in_field: bool | None = None
    specialist_title_in_related_field: bool | None = None
    doctorate: bool | None = None
    academic_teacher: bool | None = None
    magister_nursing: bool | None = None
    years_experience_in_field: float | None = Field(None, ge=0, le=70)
    years_in_profession: float | None = Field(None, ge=0, le=70)
    employed_in_matching_unit: bool | None = None


class ExamCommissionMember(_Model):
    """A proposed member of the państwowa komisja egzaminacyjna (§ 14 ust. 1 and 6)."""

    name: str | None = Field(None, max_length=MAX_NAME)
    magister_nursing: bool | None = None
    magister_other_health: bool | None = None
    doctorate: bool | None = None
    specialist_title_in_field: bool | None = None
    years_experience_in_field: float | None = Field(None, ge=0, le=70)
    currently_employed_in_field: bool | None = None
    consultant: bool | None = Field(None, description="Konsultant krajowy lub wskazany konsultant wojewódzki")
    taught_in_these_specializations: bool | None = None
    ministry_or_cmkp_employee: bool | None = None
    related_to_candidate: bool | None = None
    impartiality_doubts: bool | None = None


class Edition(_Model):
    """One edition (cohort) of a specialization or course, as an organizer describes it."""

    form: Form | None = None
    field: str | None = Field(None, max_length=MAX_FIELD)
    places: int | None = Field(None, ge=0, le=100000, description="Liczba miejsc")
    applicants: int | None = Field(None, ge=0, le=100000, description="Liczba osób ubiegających się")
    qualified: int | None = Field(None, ge=0, le=100000, description="Liczba osób zakwalifikowanych")
    publicly_funded: bool | None = None
    planned_start: Day | None = None
    planned_end: Day | None = None
    programme_started: bool | None = None
    programme_hours_total: int | None = Field(None, ge=1, le=100000)
    programme_hours_done: int | None = Field(None, ge=0, le=100000)
    supplementary_round_on: Day | None = Field(None, description="Planowana data uzupełniającego postępowania")
    qualified_on: Day | None = Field(None, description="Dzień zakwalifikowania (dla terminu wydania EKK)")
    commission: list[CommissionMember] | None = Field(None, max_length=MAX_COMMISSION)
    leader: LeaderCandidate | None = None

    @model_validator(mode="after")
    def _consistent(self) -> "Edition":
        if (self.programme_hours_done is not None and self.programme_hours_total is not None
                and self.programme_hours_done > self.programme_hours_total):
            raise ValueError("zrealizowanych godzin programu jest więcej niż wszystkich godzin programu")
        return self


class ExamSessionFacts(_Model):
    """Facts about one state-exam session for one field (for help-desk and CMKP-side questions)."""

    candidates: int | None = Field(None, ge=0, le=100000)
    minister_consent_for_fewer: bool | None = None
    members: list[ExamCommissionMember] | None = Field(None, max_length=MAX_COMMISSION)


SCHEMA_VERSIONS = (1, 2, 3)
CURRENT_SCHEMA_VERSION = 3


class Case(_Model):
    """Everything known about one person (or one organizer's edition) on which the rules are run.

    Version 3 (the current one) holds an exemption's scope as a choice (`ExemptionScope`: "calosc" or "czesc").
    Version 2 told "not answered" apart from "none" for the specializations begun: a case of version 2 or later
    without `specializations` has not said (None); `[]` means none. A version-1 case (a file without
    `schema_version`, or with 1) meant "none" by leaving the list out, so it is read that way. A version-1 or -2
    case held the exemption's scope as free text: "całość", "w całości", "część", "w części", "częściowo" (any
    letter case, accents optional) become the choice, anything else is refused. Every older case becomes a
    version-3 case with the same answers. Build a new, empty case with `new_case()`.
    """

    schema_version: int = Field(CURRENT_SCHEMA_VERSION, description="Wersja formatu pliku: 1, 2 albo 3")
    label: str | None = Field(None, max_length=MAX_NAME, description="Opis przypadku (nie dane osobowe)")
    person: Person = Field(default_factory=Person)
    profession: Profession | None = None
    right_to_practise: RightToPractise = Field(default_factory=RightToPractise)
    employment: list[Employment] | None = Field(None, max_length=MAX_EMPLOYMENT, description="Okresy pracy w zawodzie; None = nie wiem")
    degrees: Degrees = Field(default_factory=Degrees)
    specialist_titles: list[SpecialistTitle] = Field(default_factory=list, max_length=MAX_SPECIALIST_TITLES)
    courses: list[Course] = Field(default_factory=list, max_length=MAX_COURSES)
    postgraduate_studies: list[PostgraduateStudies] = Field(default_factory=list, max_length=MAX_POSTGRADUATE_STUDIES)
    foreign_training: list[ForeignTraining] = Field(default_factory=list, max_length=MAX_FOREIGN_TRAINING)
    specializations: list[Specialization] | None = Field(
        None, max_length=MAX_SPECIALIZATIONS, description="Rozpoczęte specjalizacje; None = nie podano, [] = żadnej")
    state_exam_attempts: list[StateExamAttempt] = Field(default_factory=list, max_length=MAX_EXAM_ATTEMPTS)
    exemption: Exemption | None = None
    goal: Goal = Field(default_factory=Goal)
    edition: Edition | None = None
    exam_session: ExamSessionFacts | None = None
    exemption_team: list[CommissionRole] | None = Field(
        None, max_length=MAX_EXEMPTION_TEAM, description="Skład zespołu opiniującego zwolnienie ze specjalizacji (§ 5 ust. 2), dla CMKP")

    @model_validator(mode="before")
    @classmethod
    def _upgrade(cls, data: Any) -> Any:
        """Read a version-1 or -2 case as version 3 (see the class's docstring)."""
        if not isinstance(data, dict):
            return data
        version = data.get("schema_version", 1)
        problem = version_problem(version)
        if problem:
            raise ValueError(f"schema_version: {problem}")
        if version == CURRENT_SCHEMA_VERSION:
            return data
        data = dict(data)
        if version == 1 and data.get("specializations") is None:
            data["specializations"] = []
        exemption = data.get("exemption")
        if isinstance(exemption, dict) and "scope" in exemption:
            data["exemption"] = {**exemption, "scope": legacy_scope(exemption["scope"])}
        data["schema_version"] = CURRENT_SCHEMA_VERSION
        return data


def version_problem(version: Any) -> str | None:
    """Why `version` is no supported schema_version (None: it is one). Only the integers 1, 2 and 3: not "3",
    3.0 or true."""
    if type(version) is int and version in SCHEMA_VERSIONS:
        return None
    return (f"nieznana wersja formatu pliku {_shown(version)} (obsługiwane: "
            f"{', '.join(map(str, SCHEMA_VERSIONS[:-1]))} i {SCHEMA_VERSIONS[-1]})")


def _shown(value: Any) -> str:
    """A value as the file spells it (true, "7", 2.0), cut short."""
    try:
        text = json.dumps(value, ensure_ascii=False)
    except (TypeError, ValueError):
        text = type(value).__name__
    return text if len(text) <= 20 else text[:19] + "…"


def new_case() -> Case:
    """An empty case of the current version: nothing answered yet."""
    return Case(schema_version=CURRENT_SCHEMA_VERSION)
