"""Załącznik nr 1 (Annex 1) to the regulation of 16 January 2026 (Dz.U. 2026 poz. 57): "WNIOSEK o zaliczenie
modułów kształcenia, wybranych jednostek modułowych, szkolenia praktycznego specjalizacji lub kursu
kwalifikacyjnego", the request for credit made under § 4 ust. 5 (specialization) and § 22 ust. 3 (qualification
course).

Two steps, kept apart:
- `annex1_values(case, assessment)` is the field mapping: it turns a case and the rules' decisions into the
  strings each field of the template receives (`Annex1Values`). The requested credits of pkt 10 are proposed from
  the credit decisions (rules "d.…": § 4 ust. 2–6 for a specialization, § 22 ust. 2 for a qualification course)
  whose outcome is "on request" or "for the organizer to decide"; the caller may edit, drop or add them.
- `build_annex1(values, as_of=…, generated_on=…)` lays those strings out on A4, following the template: the header,
  Część A points 1–10, the signature line, Część B left blank for the organizer, and the template's footnotes.
  Tables that continue on a new page repeat their point's number and title and their column headings; the place,
  date and signature line stays on the page of pkt 10's last row; a long value wraps, it is never cut.

Template wording is quoted from the annex (shared/law/rozporzadzenie-2026-poz-57.md, NOTES.md section 4); the column
order of the tables is reconstructed there, and followed here.

Readings taken:
- "Przebieg pracy zawodowej (w okresie ostatnich 5 lat)": periods in the profession that overlap the five years
  ending on the assessment day, shown with their full dates; a period with an unknown start is listed.
- "Ukończone kursy": a course whose exam is recorded as failed, missed or not taken is not listed as completed.
- "Niepotrzebne skreślić": a choice is struck only when the case says which one applies; when it does not, all
  choices stay for the applicant to strike by hand.
"""
from __future__ import annotations

import re
from datetime import date
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from logic.assess import Assessment, law_checked_on
from logic.case import Case, CourseKind, ExamResult, Form, Gender, Profession
from logic.common import same_field
from logic.decision import Decision
from logic.periods import add_years
from logic.rules.credits import is_proposed_credit

from . import fonts
from .pdf import GREY, Column, FormPDF, render, short_date

Area = Literal["moduly", "jednostki", "szkolenie_praktyczne"]
AREA_LABELS: dict[str, str] = {
    "moduly": "Moduły lub jednostki modułowe",
    "jednostki": "Moduły lub jednostki modułowe",
    "szkolenie_praktyczne": "Szkolenie praktyczne",
}
AREA_ORDER = {"moduly": 0, "jednostki": 0, "szkolenie_praktyczne": 1}
WORK_HISTORY_YEARS = 5  # "w okresie ostatnich 5 lat"

# The "niepotrzebne skreślić" choices of the template, as printed.
CHOICE_SPECJALIZACJA = "specjalizacji"
CHOICE_KURS = "kursu kwalifikacyjnego"
PWZ_CHOICES: dict[str, tuple[Profession, Gender]] = {
    "pielęgniarki": (Profession.PIELEGNIARKA, Gender.FEMALE),
    "pielęgniarza": (Profession.PIELEGNIARKA, Gender.MALE),
    "położnej": (Profession.POLOZNA, Gender.FEMALE),
    "położnego": (Profession.POLOZNA, Gender.MALE),
}

ANNEX_HEADING = "Załącznik nr 1 do rozporządzenia Ministra Zdrowia z dnia 16 stycznia 2026 r. (Dz. U. poz. 57)"
BLANK_MARK = " – wzór"  # printed only on a blank form
TITLE = ("WNIOSEK o zaliczenie modułów kształcenia, wybranych jednostek modułowych, szkolenia praktycznego "
         "specjalizacji lub kursu kwalifikacyjnego")
FOOTNOTES = (
    ("¹⁾", "Niepotrzebne skreślić."),
    ("²⁾", "Zaznaczyć znakiem „x” posiadany tytuł zawodowy."),
    ("³⁾", "Dotyczy postaci papierowej."),
)


# --- the field mapping -------------------------------------------------------------------------------------------


class _Values(BaseModel):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True, validate_assignment=True)


class EmploymentRow(_Values):
    """Pkt 5: Lp. | Nazwa zakładu pracy, adres | Miejsce pracy (oddział, poradnia, inne) | Okres zatrudnienia."""

    employer: str = ""
    unit: str = ""
    period: str = ""


class SpecialistTitleRow(_Values):
    """Pkt 6: Dziedzina specjalizacji | Numer oraz data i miejsce wydania dyplomu | Nazwa organizatora kształcenia |
    Data zakończenia specjalizacji."""

    field: str = ""
    diploma: str = ""
    organizer: str = ""
    completed_on: str = ""


class CourseRow(_Values):
    """Pkt 7 and 8: Nazwa kursu | Numer oraz data i miejsce wydania zaświadczenia | Nazwa organizatora kształcenia |
    Data zakończenia kursu."""

    name: str = ""
    certificate: str = ""
    organizer: str = ""
    completed_on: str = ""


class StudiesRow(_Values):
    """Pkt 9: Nazwa studiów podyplomowych | Data i miejsce wydania świadectwa | Nazwa uczelni."""

    name: str = ""
    certificate: str = ""
    university: str = ""


class RequestedCredit(_Values):
    """One row of pkt 10, "Wnioskowany obszar do zaliczenia".

    `description` fills "Nazwa modułu, jednostki modułowej / nazwa placówek stażowych"; `basis` and `legal_basis`
    fill "Podstawa zaliczenia (ukończone kursy / zatrudnienie)". `rule`, `source` and `outcome` say which decision
    proposed the row (empty for a row the user added).
    """

    area: Area = "moduly"
    description: str = ""
    basis: str = ""
    legal_basis: str = ""
    rule: str = ""
    source: str = ""
    outcome: str = ""

    @property
    def area_label(self) -> str:
        return AREA_LABELS[self.area]

    @property
    def basis_text(self) -> str:
        if self.basis and self.legal_basis:
            return f"{self.basis} ({self.legal_basis})"
        return self.basis or self.legal_basis


class Annex1Values(_Values):
    """Every value Annex 1 prints, as display strings. `None` or "" leaves the dotted line for handwriting."""

    form: Literal["specjalizacja", "kurs_kwalifikacyjny"] | None = Field(
        None, description="Which of „specjalizacji / kursu kwalifikacyjnego” applies; the other is struck through")
    field: str | None = Field(None, description="(dziedzina)")
    organizer: str | None = Field(None, description="Nazwa i adres organizatora kształcenia podyplomowego")
    full_name: str | None = Field(None, description="1. Imię (imiona) i nazwisko")
    profession: Literal["pielegniarka", "polozna"] | None = Field(None, description="2. Tytuł zawodowy (pole „x”)")
    gender: Literal["k", "m"] | None = Field(None, description="Forma: pielęgniarki/pielęgniarza, położnej/położnego")
    pwz_issued_by: str | None = Field(None, description="3. … wydane przez")
    pwz_year: str | None = Field(None, description="3. (rok wydania)")
    pwz_number: str | None = Field(None, description="4. Numer zaświadczenia o prawie wykonywania zawodu")
    employment: list[EmploymentRow] = Field(default_factory=list)
    specialist_titles: list[SpecialistTitleRow] = Field(default_factory=list)
    qualification_courses: list[CourseRow] = Field(default_factory=list)
    specialist_courses: list[CourseRow] = Field(default_factory=list)
    postgraduate_studies: list[StudiesRow] = Field(default_factory=list)
    credits: list[RequestedCredit] = Field(default_factory=list)
    place: str | None = Field(None, description="(miejscowość, data): the place")
    signed_on: date | None = Field(None, description="(miejscowość, data): the date")
    law_checked_on: date | None = Field(None, description="Stan prawny: the day the encoded law was last checked")

    # Derived, so plain properties: a dump of the values validates back (extra fields are forbidden).
    @property
    def title_box(self) -> str | None:
        """The box of pkt 2 marked "X": "pielegniarka", "polozna" or None."""
        return self.profession

    @property
    def is_blank(self) -> bool:
        """Nothing filled in (the day the law was checked aside): the form is the template's pattern ("wzór")."""
        return not any(value not in (None, "", []) for name, value in self if name != "law_checked_on")

    @property
    def struck(self) -> list[str]:
        """The "niepotrzebne skreślić" choices struck through, as printed on the form."""
        out = []
        if self.form == "specjalizacja":
            out.append(CHOICE_KURS)
        elif self.form == "kurs_kwalifikacyjny":
            out.append(CHOICE_SPECJALIZACJA)
        for word, (profession, gender) in PWZ_CHOICES.items():
            wrong_profession = self.profession is not None and profession.value != self.profession
            wrong_gender = self.gender is not None and gender.value != self.gender
            if wrong_profession or wrong_gender:
                out.append(word)
        return out


def annex1_values(case: Case, assessment: Assessment) -> Annex1Values:
    """The field mapping: what `case` and the rules' decisions put into each field of Annex 1."""
    as_of = assessment.as_of
    goal = case.goal.form
    form = goal.value if goal in (Form.SPECJALIZACJA, Form.KURS_KWALIFIKACYJNY) else None
    person = case.person
    name = " ".join(p for p in (person.first_names, person.surname) if p) or None
    pwz = case.right_to_practise
    return Annex1Values(
        form=form,
        field=case.goal.field,
        organizer=_organizer(case),
        full_name=name,
        profession=case.profession.value if case.profession else None,
        gender=person.gender.value if person.gender else None,
        pwz_issued_by=pwz.issued_by,
        pwz_year=str(pwz.year) if pwz.year else None,
        pwz_number=pwz.number,
        employment=_employment(case, as_of),
        specialist_titles=[SpecialistTitleRow(field=t.field or "", diploma=t.diploma or "",
                                              organizer=t.organizer or "", completed_on=short_date(t.completed_on))
                           for t in case.specialist_titles],
        qualification_courses=_courses(case, CourseKind.KWALIFIKACYJNY),
        specialist_courses=_courses(case, CourseKind.SPECJALISTYCZNY),
        postgraduate_studies=[StudiesRow(name=s.name or s.field or "",
                                         certificate=s.certificate or short_date(s.completed_on),
                                         university=s.university or "") for s in case.postgraduate_studies],
        credits=proposed_credits(case, assessment.decisions),
        law_checked_on=assessment.law_checked_on,
    )


def _organizer(case: Case) -> str | None:
    """The organizer named for the specialization the person is resuming, if any; usually left for the user."""
    for spec in case.specializations or []:
        if spec.organizer and same_field(spec.field, case.goal.field):
            return spec.organizer
    return None


def _employment(case: Case, as_of: date) -> list[EmploymentRow]:
    window_start = add_years(as_of, -WORK_HISTORY_YEARS)
    rows = []
    for e in sorted(case.employment or [], key=lambda e: (e.start or date.min)):
        if e.in_profession is False:
            continue
        if e.end is not None and e.end < window_start:
            continue
        if e.start is not None and e.start > as_of:
            continue
        rows.append(EmploymentRow(employer=e.employer or "", unit=e.unit or "", period=_period(e.start, e.end, e.ongoing)))
    return rows


def _period(start: date | None, end: date | None, ongoing: bool) -> str:
    first = short_date(start) or "?"
    if ongoing:
        return f"od {first} (nadal)"
    return f"{first} – {short_date(end) or '?'}"


def _courses(case: Case, kind: CourseKind) -> list[CourseRow]:
    return [CourseRow(name=c.name or c.field or "", certificate=c.certificate or "", organizer=c.organizer or "",
                      completed_on=short_date(c.completed_on))
            for c in case.courses
            if c.kind is kind and c.exam not in (ExamResult.FAILED, ExamResult.ABSENT, ExamResult.NOT_TAKEN)]


_SOURCE = re.compile(r"^([a-z_]+)\[(\d+)\]$")


def proposed_credits(case: Case, decisions: list[Decision]) -> list[RequestedCredit]:
    """Pkt 10 proposed from the credit decisions (rules "d.…") that are possible on request or for the organizer."""
    out = []
    for d in decisions:
        facts = d.facts or {}
        if not is_proposed_credit(d):
            continue
        area = facts["annex_area"] if facts["annex_area"] in AREA_LABELS else "moduly"
        out.append(RequestedCredit(
            area=area, description=_describe(case, d, area), basis=str(facts.get("annex_basis") or ""),
            legal_basis=d.legal_basis[0].label if d.legal_basis else "", rule=d.rule,
            source=str(facts.get("source") or ""), outcome=d.outcome.value))
    return sorted(out, key=lambda c: AREA_ORDER[c.area])


def _describe(case: Case, d: Decision, area: str) -> str:
    """A proposal for "Nazwa modułu, jednostki modułowej / nazwa placówek stażowych"; the user may refine it."""
    programme = "kursu kwalifikacyjnego" if d.rule.startswith("d.kurs_kwalifikacyjny") else "specjalizacji"
    if area == "szkolenie_praktyczne":
        places = [", ".join(p for p in (e.employer, e.unit) if p) for e in (case.employment or [])
                  if e.ongoing and e.in_profession is not False and (e.employer or e.unit)]
        where = "; ".join(places)
        return (f"Część szkolenia praktycznego (staż) – miejsce obecnego zatrudnienia: {where}" if where
                else "Część szkolenia praktycznego (staż) w placówce obecnego zatrudnienia")
    item = _source_name(case, str(d.facts.get("source") or ""))
    if d.rule.endswith(".reentry"):
        return f"Moduły i szkolenie praktyczne zaliczone w przerwanej specjalizacji{f' ({item})' if item else ''}"
    return (f"Moduły / jednostki modułowe programu {programme} zrealizowane w ramach: {item}" if item
            else f"Moduły / jednostki modułowe programu {programme}")


def _source_name(case: Case, source: str) -> str:
    match = _SOURCE.match(source)
    if not match:
        return ""
    items = getattr(case, match.group(1), None) or []
    index = int(match.group(2))
    if index >= len(items):
        return ""
    item = items[index]
    if match.group(1) == "specialist_titles":
        return f"specjalizacja w dziedzinie {item.field}" if item.field else "specjalizacja"
    if match.group(1) == "foreign_training":
        return f"szkolenie za granicą{f' ({item.field})' if item.field else ''}"
    if match.group(1) == "specializations":
        return item.field or ""
    return getattr(item, "name", None) or getattr(item, "field", None) or ""


# --- the layout --------------------------------------------------------------------------------------------------

EMPLOYMENT_COLUMNS = (Column("Lp.", 0.06, "CENTER"), Column("Nazwa zakładu pracy, adres", 0.42),
                      Column("Miejsce pracy (oddział, poradnia, inne)", 0.30), Column("Okres zatrudnienia", 0.22))
TITLE_COLUMNS = (Column("Lp.", 0.06, "CENTER"), Column("Dziedzina specjalizacji", 0.24),
                 Column("Numer oraz data i miejsce wydania dyplomu", 0.24),
                 Column("Nazwa organizatora kształcenia", 0.28), Column("Data zakończenia specjalizacji", 0.18))


def _course_columns(word: str) -> tuple[Column, ...]:
    return (Column("Lp.", 0.06, "CENTER"), Column(f"Nazwa kursu {word}", 0.26),
            Column("Numer oraz data i miejsce wydania zaświadczenia", 0.24),
            Column("Nazwa organizatora kształcenia", 0.26), Column(f"Data zakończenia kursu {word}", 0.18))


STUDIES_COLUMNS = (Column("Lp.", 0.06, "CENTER"), Column("Nazwa studiów podyplomowych", 0.38),
                   Column("Data i miejsce wydania świadectwa", 0.26), Column("Nazwa uczelni", 0.30))
CREDIT_COLUMNS = (Column("Lp.", 0.06, "CENTER"), Column("Obszar do zaliczenia", 0.20),
                  Column("Nazwa modułu, jednostki modułowej / nazwa placówek stażowych", 0.40),
                  Column("Podstawa zaliczenia (ukończone kursy / zatrudnienie)", 0.34))
PART_B_HEIGHT = 125.0  # mm: heading, table, justification lines and signature block
PART_B_COLUMNS = (Column("Obszar do zaliczenia", 0.22), Column("Nazwa modułu lub jednostki modułowej", 0.30),
                  Column("Merytoryczna opinia kierownika potwierdzona podpisem", 0.24),
                  Column("Decyzja organizatora kształcenia potwierdzona podpisem", 0.24))


def _strike(text: str, struck: list[str]) -> str:
    """Template text with the struck choices wrapped in fpdf2's markdown strike-through markers."""
    for word in sorted(struck, key=len, reverse=True):
        text = re.sub(rf"(?<![\w~]){re.escape(word)}(?![\w~])", f"~~{word}~~", text)
    return text


def build_annex1(values: Annex1Values, *, as_of: date | None = None, generated_on: date) -> bytes:
    """Annex 1 filled with `values`, as PDF bytes. `generated_on` prints in the footer of every page, and so does
    `as_of`, the day of the assessment the values come from ("ocena na dzień"); leave it None for a form not filled
    from an assessment (a blank form)."""
    struck = values.struck

    def draw(pdf: FormPDF) -> None:
        pdf.add_page()
        _header(pdf, values, struck)
        _part_a(pdf, values, struck)
        _part_b(pdf)
        _footnotes(pdf)

    return render(draw, title="Wniosek o zaliczenie modułów kształcenia, jednostek modułowych, szkolenia "
                              "praktycznego (załącznik nr 1)",
                  subject="Załącznik nr 1 do rozporządzenia Ministra Zdrowia z dnia 16 stycznia 2026 r. w sprawie "
                          "kształcenia podyplomowego pielęgniarek i położnych (Dz. U. poz. 57)",
                  generated_on=generated_on, as_of=as_of, law_checked_on=values.law_checked_on or law_checked_on())


def _header(pdf: FormPDF, v: Annex1Values, struck: list[str]) -> None:
    # The template's own heading ends "– wzór"; a form filled in is no longer the pattern.
    pdf.paragraph(ANNEX_HEADING + (BLANK_MARK if v.is_blank else ""), size=7, align="RIGHT", colour=GREY)
    pdf.ln(4)
    pdf.paragraph("WNIOSEK", size=13, bold=True, align="CENTER", line_height=6.5)
    rest = TITLE.removeprefix("WNIOSEK ")
    pdf.paragraph(_strike(rest, struck) + "¹⁾", size=10, bold=True, align="CENTER", line_height=5.2, markdown=True)
    pdf.ln(4)
    # "………… (dziedzina)": a centred dotted line with the field written on it.
    width = 120.0
    x1 = (pdf.w - width) / 2
    pdf.use(10, True)
    field = fonts.printable(v.field or "")
    lines = pdf.wrap(field, width - 2, width - 2) if field.strip() else [""]
    for line in lines:
        y = pdf.get_y()
        pdf.dotted(x1, x1 + width, y + 5.2)
        pdf.set_xy(x1, y)
        pdf.cell(width, 5.6, line, align="C")
        pdf.ln(6)
    pdf.caption_below("(dziedzina)", x1, x1 + width)
    pdf.ln(2)
    pdf.field("Nazwa i adres organizatora kształcenia podyplomowego", v.organizer, lines=2)
    pdf.ln(3)


def _section(pdf: FormPDF, text: str, *, markdown: bool = False) -> None:
    pdf.ln(1.5)
    pdf.paragraph(text, size=9, line_height=5.0, markdown=markdown)
    pdf.ln(0.8)


def _part_a(pdf: FormPDF, v: Annex1Values, struck: list[str]) -> None:
    pdf.paragraph("Część A (wypełnia wnioskodawca)", size=10.5, bold=True, line_height=6)
    pdf.ln(1)
    pdf.field("1. Imię (imiona) i nazwisko", v.full_name)
    pdf.ln(1)
    # 2. Tytuł zawodowy with the two boxes.
    pdf.keep(8)
    y = pdf.get_y()
    pdf.use(9)
    pdf.set_xy(pdf.l_margin, y)
    pdf.cell(pdf.measure("2. Tytuł zawodowy²⁾") + 6, 6, "2. Tytuł zawodowy²⁾")
    x = pdf.get_x()
    for key, label in (("pielegniarka", "pielęgniarka/pielęgniarz"), ("polozna", "położna/położny")):
        pdf.checkbox(x, y + 1.2, v.title_box == key)
        pdf.use(9)
        pdf.set_xy(x + 5.2, y)
        pdf.cell(pdf.measure(label) + 10, 6, label)
        x = pdf.get_x()
    pdf.set_xy(pdf.l_margin, y + 7)
    # 3. The right-to-practise certificate; the forms that do not apply are struck through.
    _section(pdf, _strike("3. Zaświadczenie o prawie wykonywania zawodu pielęgniarki/pielęgniarza, "
                          "położnej/położnego", struck) + "¹⁾", markdown=True)
    year_width = 32.0
    top = pdf.get_y()
    pdf.field("wydane przez", v.pwz_issued_by, reserve=year_width + 4)
    bottom = pdf.get_y()
    below = pdf.slot(pdf.w - pdf.r_margin - year_width, pdf.w - pdf.r_margin, bottom - 6.0, v.pwz_year,
                     "(rok wydania)")
    pdf.set_xy(pdf.l_margin, max(bottom + 3.2, top + 6 + 3.2, below + 0.4))
    pdf.field("4. Numer zaświadczenia o prawie wykonywania zawodu", v.pwz_number)
    pdf.grid(EMPLOYMENT_COLUMNS, _numbered([(r.employer, r.unit, r.period) for r in v.employment]),
             title="5. Przebieg pracy zawodowej (w okresie ostatnich 5 lat)")
    pdf.grid(TITLE_COLUMNS, _numbered([(r.field, r.diploma, r.organizer, r.completed_on)
                                       for r in v.specialist_titles]), title="6. Posiadany tytuł specjalisty")
    pdf.grid(_course_columns("kwalifikacyjnego"), _numbered([(r.name, r.certificate, r.organizer, r.completed_on)
                                                             for r in v.qualification_courses]),
             title="7. Ukończone kursy kwalifikacyjne")
    pdf.grid(_course_columns("specjalistycznego"), _numbered([(r.name, r.certificate, r.organizer, r.completed_on)
                                                              for r in v.specialist_courses]),
             title="8. Ukończone kursy specjalistyczne")
    pdf.grid(STUDIES_COLUMNS, _numbered([(r.name, r.certificate, r.university) for r in v.postgraduate_studies]),
             title="9. Ukończone studia podyplomowe")
    # The place, date and signature stay on the page of pkt 10's last row, never alone on a page of their own.
    signature = (_place_and_date(v), APPLICANT_SIGNATURE)
    pdf.grid(CREDIT_COLUMNS, _credit_rows(v.credits), blank_rows=0, title="10. Wnioskowany obszar do zaliczenia",
             handwriting_from=2, keep_after=_signatures_height(pdf, *signature))
    _signatures(pdf, *signature)


def _numbered(rows: list[tuple[str, ...]]) -> list[tuple[str, ...]]:
    return [(f"{i}.",) + tuple(r) for i, r in enumerate(rows, start=1)]


def _credit_rows(credits: list[RequestedCredit]) -> list[tuple[str, ...]]:
    """The proposed credits, each area of the template present at least once (blank when nothing is proposed)."""
    rows: list[tuple[str, ...]] = []
    ordered = sorted(credits, key=lambda c: AREA_ORDER[c.area])
    for area in ("moduly", "szkolenie_praktyczne"):
        mine = [c for c in ordered if AREA_ORDER[c.area] == AREA_ORDER[area]]
        if not mine:
            rows.append((AREA_LABELS[area], "", ""))
        rows += [(c.area_label, c.description, c.basis_text) for c in mine]
    return _numbered(rows)


def _place_and_date(v: Annex1Values) -> str:
    return ", ".join(p for p in (v.place, short_date(v.signed_on)) if p)


SIGNATURE_GAP, SIGNATURE_AFTER = 6.0, 3.0
PLACE_AND_DATE = "(miejscowość, data)"
APPLICANT_SIGNATURE = "(podpis wnioskodawcy³⁾)"
ORGANIZER_SIGNATURE = ("(podpis i pieczątka, nadruk lub naklejka organizatora kształcenia podyplomowego zawierające "
                       "nazwę, adres siedziby oraz numer identyfikacji podatkowej (NIP)³⁾)")


def _signature_slots(pdf: FormPDF) -> tuple[tuple[float, float], tuple[float, float]]:
    return (pdf.l_margin, pdf.l_margin + 62), (pdf.w - pdf.r_margin - 80, pdf.w - pdf.r_margin)


def _signatures_height(pdf: FormPDF, left_value: str, right_caption: str) -> float:
    """The height the signature line takes, the gap above it included."""
    (l1, l2), (r1, r2) = _signature_slots(pdf)
    lines = max(len(pdf.slot_lines(l1, l2, left_value)), 1)
    return SIGNATURE_GAP + max(pdf.slot_height(l1, l2, left_value, PLACE_AND_DATE, lines=lines),
                               pdf.slot_height(r1, r2, "", right_caption, lines=lines)) + SIGNATURE_AFTER


def _signatures(pdf: FormPDF, left_value: str, right_caption: str) -> None:
    """"(miejscowość, data)" on the left, the signature on the right, their dotted lines level: a long place name
    wraps onto more lines above the line, so the date is never cut off."""
    (l1, l2), (r1, r2) = _signature_slots(pdf)
    lines = max(len(pdf.slot_lines(l1, l2, left_value)), 1)
    pdf.ln(SIGNATURE_GAP)
    pdf.keep(_signatures_height(pdf, left_value, right_caption) - SIGNATURE_GAP)
    y = pdf.get_y()
    end = max(pdf.slot(l1, l2, y, left_value, PLACE_AND_DATE, lines=lines),
              pdf.slot(r1, r2, y, "", right_caption, lines=lines))
    pdf.set_xy(pdf.l_margin, end + SIGNATURE_AFTER)


def _part_b(pdf: FormPDF) -> None:
    pdf.ln(4)
    pdf.keep(PART_B_HEIGHT)  # Część B is kept on one page, signature line included
    pdf.paragraph("Część B (wypełnia organizator kształcenia)", size=10.5, bold=True, line_height=6)
    pdf.ln(1.5)
    pdf.grid(PART_B_COLUMNS, [("Moduły kształcenia lub jednostki modułowe", "", "", ""),
                              ("Szkolenie praktyczne (nazwa placówki)", "", "", "")],
             row_height=20)
    pdf.ln(3)
    pdf.field("Uzasadnienie rozstrzygnięcia:", "", lines=4)
    _signatures(pdf, "", ORGANIZER_SIGNATURE)


def _footnotes(pdf: FormPDF) -> None:
    """The template's footnotes, at the foot of the last page (on a new page only when they do not fit)."""
    line_height = 3.6
    height = 2.5 + line_height * len(FOOTNOTES)
    pdf.keep(2 + height)
    pdf.set_y(pdf.page_break_trigger - height)
    y = pdf.get_y()
    pdf.line(pdf.l_margin, y, pdf.l_margin + 40, y)
    pdf.ln(1)
    for mark, text in FOOTNOTES:
        pdf.paragraph(f"{mark} {text}", size=7, line_height=line_height)
