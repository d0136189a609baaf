"""The shapes the intake (a whole nabór from a spreadsheet) passes between its parts. Pure Python, no Streamlit.

    bytes of XLSX / CSV files ──reader + mapping──▶ Intake (applicants with a Case or with problems, file problems)
    Intake + EditionFacts + as_of ──batch──▶ IntakeResult (one compact ApplicantResult per applicant)
    IntakeResult ──export──▶ XLSX / CSV bytes;  forms.intake_zip ──▶ ZIP of Załącznik nr 1 PDFs

An applicant's Case never carries the edition: the edition's facts (form, field, funding, places, start) are a
separate input, and the batch puts only the goal they imply (form, field, funded) into each applicant's case.
"""
from __future__ import annotations

from datetime import date
from enum import Enum

from pydantic import BaseModel, ConfigDict, Field

from ..case import Case, Day, Form
from ..decision import Outcome


class _Frozen(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class Problem(_Frozen):
    """One thing wrong in the uploaded file, located as a person would find it in Excel.

    `row` is the spreadsheet's own row number (the header is row 1, the first data row is row 2); None for a
    problem of the whole sheet or file. `column` is the Polish header as in the template; None when the problem is
    not in one column. `lp` is the applicant's number when the row names one. `message` is one Polish sentence."""

    sheet: str | None = None
    row: int | None = None
    column: str | None = None
    lp: int | None = None
    message: str
    blocking: bool = Field(True, description="False for a notice that read nothing wrong (an unknown column ignored)")

    def location(self) -> str:
        """"Praca, wiersz 14, kolumna „Od”" (only the parts that are known)."""
        parts = [p for p in (self.sheet, f"wiersz {self.row}" if self.row else None,
                             f"kolumna „{self.column}”" if self.column else None) if p]
        return ", ".join(parts)

    def text(self) -> str:
        where = self.location()
        return f"{where}: {self.message}" if where else self.message


class Applicant(BaseModel):
    """One applicant of the intake: their number (Lp.), a label for the table and either a case or problems."""

    model_config = ConfigDict(extra="forbid")

    lp: int
    label: str = Field(description="Imię i nazwisko, or \"Osoba nr {lp}\" when the sheet gives no name")
    case: Case | None = Field(None, description="None when any of the applicant's rows is invalid")
    problems: list[Problem] = Field(default_factory=list)


class Intake(BaseModel):
    """What was read from the uploaded file(s)."""

    model_config = ConfigDict(extra="forbid")

    applicants: list[Applicant] = Field(default_factory=list)
    problems: list[Problem] = Field(default_factory=list, description="Every problem, the applicants' included")
    sheets_read: list[str] = Field(default_factory=list)


class EditionFacts(_Frozen):
    """The edition's facts an organizer enters once for the whole intake."""

    form: Form
    field: str | None = None
    publicly_funded: bool | None = None
    places: int | None = Field(None, ge=0, le=100000)
    planned_start: Day | None = None


class Status(str, Enum):
    ASSESSED = "assessed"
    DATA_ERROR = "data_error"  # "błąd danych": not assessed


class EntryStatus(str, Enum):
    MEETS = "meets"  # spełnia
    NOT_YET = "not_yet"  # jeszcze nie (earliest date when known)
    DOES_NOT_MEET = "does_not_meet"  # nie spełnia, no date
    NEEDS_REVIEW = "needs_review"  # wymaga wyjaśnienia (missing facts)


class CreditSummary(_Frozen):
    """One proposed credit (a credit decision the organizer or CMKP may grant on request)."""

    rule: str
    outcome: str
    title: str = ""  # the decision's title, e.g. "Zaliczenie na podstawie tytułu specjalisty: …"
    area: str | None = None  # Annex 1 area: "moduly", "jednostki", "szkolenie_praktyczne"
    ground: str = ""  # what it is based on, as Annex 1 words it ("tytuł specjalisty", "ukończone studia …")
    basis: str = ""  # the legal unit's label, e.g. "§ 4 ust. 2 pkt 3"


class ApplicantResult(_Frozen):
    """Everything the results table needs for one applicant, kept small (≤ 5 KB): outcomes, codes, dates and short
    values; the full decision cards are rebuilt from `case_json` when an applicant is opened or exported."""

    # the compressed case is binary: base64 in JSON
    model_config = ConfigDict(frozen=True, extra="forbid", ser_json_bytes="base64", val_json_bytes="base64")

    lp: int
    label: str
    status: Status
    entry: EntryStatus | None = None
    earliest: date | None = None
    missing: tuple[str, ...] = ()
    credits: tuple[CreditSummary, ...] = ()
    exemption: Outcome | None = None  # the exemption decision's outcome; None when it was not asked
    funded: Outcome | None = None  # may apply for a publicly funded place; None when not relevant
    warnings: tuple[str, ...] = ()  # Polish sentences: warnings about the facts given
    problems: tuple[str, ...] = ()  # Problem.text() of a "błąd danych" applicant
    case_json: bytes | None = None  # the applicant's case as compact JSON, zlib-compressed (batch.compact_json)

    @property
    def outcome(self) -> str:
        """The row's outcome for counts and filters: an EntryStatus value or "data_error"."""
        if self.status is Status.DATA_ERROR or self.entry is None:
            return Status.DATA_ERROR.value if self.status is Status.DATA_ERROR else EntryStatus.NEEDS_REVIEW.value
        return self.entry.value


OUTCOME_LABELS_PL: dict[str, str] = {
    EntryStatus.MEETS.value: "Spełnia warunki",
    EntryStatus.NOT_YET.value: "Jeszcze nie",
    EntryStatus.DOES_NOT_MEET.value: "Nie spełnia",
    EntryStatus.NEEDS_REVIEW.value: "Wymaga wyjaśnienia",
    Status.DATA_ERROR.value: "Błąd danych",
}


class IntakeResult(BaseModel):
    model_config = ConfigDict(extra="forbid")

    as_of: date
    law_checked_on: date
    edition: EditionFacts
    results: list[ApplicantResult]
    problems: list[Problem] = Field(default_factory=list)
