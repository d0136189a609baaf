"""The case: every fact a nurse, a midwife or an organizer can give, each of which may be unknown.

`None` always means "nie wiem" (unknown). A rule that needs an unknown fact returns "needs review" naming it;
no rule silently assumes a default for a fact the person did not give.

Polish legal nouns without an English twin stay Polish in ASCII (see GLOSSARY.md).
"""
from __future__ import annotations

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


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True, use_enum_values=False)


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
    first_names: str | None = Field(None, max_length=200, description="Imię (imiona)")
    surname: str | None = Field(None, max_length=200, description="Nazwisko")
    gender: Gender | None = Field(None, description="Forma tytułu na formularzu: k = pielęgniarka/położna, m = pielęgniarz/położny")


class RightToPractise(_Model):
    """Prawo wykonywania zawodu (PWZ)."""

    held: bool | None = Field(None, description="Czy ma aktualne prawo wykonywania zawodu")
    number: str | None = Field(None, description="Numer zaświadczenia o PWZ: 7 cyfr i litera P lub A")
    issued_by: str | None = Field(None, max_length=300, description="Okręgowa rada pielęgniarek i położnych, która wydała PWZ")
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
    employer: str | None = Field(None, max_length=500, description="Nazwa zakładu pracy, adres")
    unit: str | None = Field(None, max_length=300, description="Miejsce pracy (oddział, poradnia, inne)")
    unit_field: str | None = Field(None, max_length=200,
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
    doctorate_field: str | None = Field(None, max_length=300, description="Dziedzina dorobku naukowego i zawodowego")


class SpecialistTitle(_Model):
    """Posiadany tytuł specjalisty."""

    field: str | None = Field(None, max_length=300, description="Dziedzina specjalizacji")
    completed_on: Day | None = Field(None, description="Data zakończenia specjalizacji")
    diploma: str | None = Field(None, max_length=300, description="Numer oraz data i miejsce wydania dyplomu")
    organizer: str | None = Field(None, max_length=500, description="Nazwa organizatora kształcenia")


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
    name: str | None = Field(None, max_length=300, description="Nazwa kursu")
    field: str | None = Field(None, max_length=300, description="Dziedzina lub zakres kursu")
    completed_on: Day | None = Field(
        None, description="Data zakończenia kursu (zaliczenia zajęć teoretycznych i szkolenia praktycznego)")
    exam: ExamResult | None = Field(None, description="Wynik egzaminu po kursie")
    organizer: str | None = Field(None, max_length=500, description="Nazwa organizatora kształcenia")
    certificate: str | None = Field(None, max_length=300, description="Numer oraz data i miejsce wydania zaświadczenia")
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
    name: str | None = Field(None, max_length=300, description="Nazwa studiów podyplomowych")
    field: str | None = Field(None, max_length=300, description="Dziedzina, której odpowiadają studia")
    completed_on: Day | None = Field(None, description="Data wydania świadectwa")
    certificate: str | None = Field(None, max_length=300, description="Data i miejsce wydania świadectwa")
    university: str | None = Field(None, max_length=300, description="Nazwa uczelni")


class ForeignTraining(_Model):
    field: str | None = Field(None, max_length=300, description="Zakres szkolenia (dziedzina)")
    months: float | None = Field(None, ge=0, le=600, description="Czas trwania w miesiącach")
    sworn_translation: bool | None = Field(None, description="Certyfikat przetłumaczony przez tłumacza przysięgłego")
    completed_on: Day | None = None
    country: str | None = Field(None, max_length=100)


class SpecializationStatus(str, Enum):
    IN_PROGRESS = "w_trakcie"
    COMPLETED = "ukonczona"
    INTERRUPTED = "przerwana"


class Specialization(_Model):
    """A specialization the person has begun (completed, in progress or interrupted)."""

    field: str | None = Field(None, max_length=300)
    publicly_funded: bool | None = Field(None, description="Dofinansowana ze środków publicznych")
    status: SpecializationStatus | None = None
    started_on: Day | None = None
    ended_on: Day | None = Field(None, description="Data ukończenia albo przerwania")
    hours_share_done: float | None = Field(None, ge=0, le=1, description="Część godzin programu zrealizowana (0–1)")
    ekk_complete: bool | None = Field(None, description="EKK z wymaganymi wpisami i zaliczeniami")
    organizer: str | None = Field(None, max_length=500)

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
    session: str = Field(description="Sesja: RRRR-wiosna albo RRRR-jesien")
    field: str | None = Field(None, max_length=300)
    result: ExamResult | None = None

    @field_validator("session")
    @classmethod
    def _session_format(cls, v: str) -> str:
        return normalize_session(v)


class Exemption(_Model):
    """A decision of the dyrektor CMKP under art. 67 ust. 3 the person already has."""

    field: str | None = None
    scope: str | None = Field(None, description="całość albo część")
    granted_on: Day | None = None


class Goal(_Model):
    form: Form | None = Field(None, description="Rodzaj kształcenia albo egzamin państwowy")
    field: str | None = Field(None, max_length=300, description="Dziedzina lub zakres")
    publicly_funded: bool | None = Field(None, description="Czy chodzi o specjalizację dofinansowaną ze środków publicznych")
    wants_exemption: bool | None = Field(None, description="Czy rozważa wniosek o zwolnienie ze specjalizacji (art. 67 ust. 3)")
    session: str | None = Field(None, description="Sesja egzaminu państwowego, o którą pytasz: RRRR-wiosna albo RRRR-jesien")
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
    name: str | None = Field(None, max_length=200)
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

    name: str | None = Field(None, max_length=200)
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
    field: str | None = Field(None, max_length=300)
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
    commission: list[CommissionMember] | None = None
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
    members: list[ExamCommissionMember] | None = None


SCHEMA_VERSIONS = (1, 2)
CURRENT_SCHEMA_VERSION = 2


class Case(_Model):
    """Everything known about one person (or one organizer's edition) on which the rules are run.

    Version 2 (the current one) tells "not answered" apart from "none" for the specializations begun: a version-2
    case without `specializations` has not said (None); `[]` means none. A version-1 case (a file without
    `schema_version`, or with 1) meant "none" by leaving the list out, so it is read that way and becomes a version-2
    case with the same answers. Build a new, empty case with `new_case()`.
    """

    schema_version: int = Field(CURRENT_SCHEMA_VERSION, description="Wersja formatu pliku: 1 albo 2")
    label: str | None = Field(None, max_length=200, description="Opis przypadku (nie dane osobowe)")
    person: Person = Field(default_factory=Person)
    profession: Profession | None = None
    right_to_practise: RightToPractise = Field(default_factory=RightToPractise)
    employment: list[Employment] | None = Field(None, description="Okresy pracy w zawodzie; None = nie wiem")
    degrees: Degrees = Field(default_factory=Degrees)
    specialist_titles: list[SpecialistTitle] = Field(default_factory=list)
    courses: list[Course] = Field(default_factory=list)
    postgraduate_studies: list[PostgraduateStudies] = Field(default_factory=list)
    foreign_training: list[ForeignTraining] = Field(default_factory=list)
    specializations: list[Specialization] | None = Field(
        None, description="Rozpoczęte specjalizacje; None = nie podano, [] = żadnej")
    state_exam_attempts: list[StateExamAttempt] = Field(default_factory=list)
    exemption: Exemption | None = None
    goal: Goal = Field(default_factory=Goal)
    edition: Edition | None = None
    exam_session: ExamSessionFacts | None = None
    exemption_team: list[CommissionRole] | None = Field(
        None, description="Skład zespołu opiniującego zwolnienie ze specjalizacji (§ 5 ust. 2), dla CMKP")

    @model_validator(mode="before")
    @classmethod
    def _upgrade(cls, data: Any) -> Any:
        """Read a version-1 case as version 2: an omitted list of specializations meant "none" there."""
        if not isinstance(data, dict):
            return data
        version = data.get("schema_version", 1)
        if version not in SCHEMA_VERSIONS or isinstance(version, bool):
            raise ValueError(f"nieznana wersja formatu: {version!r} (obsługiwane: 1 i 2)")
        if version == 1:
            data = dict(data)
            if data.get("specializations") is None:
                data["specializations"] = []
            data["schema_version"] = CURRENT_SCHEMA_VERSION
        return data


def new_case() -> Case:
    """An empty case of the current version: nothing answered yet."""
    return Case(schema_version=CURRENT_SCHEMA_VERSION)
