"""Rows of the intake sheets → one `Case` per applicant (Lp.), or the applicant's problems ("błąd danych").

Each applicant's facts are gathered into one dict – the same case `new_case()` starts with (schema version 2), with
the answers of their rows – and validated once with `Case.model_validate`; pydantic's errors are translated into
Polish messages at the sheet, row and column they came from (logic/errors.py), never shown in English.

An applicant may have at most as many rows in a list sheet as the Case model allows in the list it fills
(`columns.list_limit`: 60 periods of work, 100 courses, …); the first row over the limit is reported at its Lp., the
applicant is a data error, and nothing is silently cut.

Readings taken where the sheet is silent (the template's instructions say the same):
- No row in "Praca" for an applicant → `employment = None` ("nie wiem"): an empty sheet cannot tell "never worked"
  from "not filled in", and the rules then name the missing work history where it matters (entry to a specjalizacja
  or a kurs kwalifikacyjny) instead of deciding on no experience.
- An empty cell is "nie wiem" except where the model itself gives the field a default (columns.Column.empty):
  "W zawodzie" empty → tak, the model's default and the interview's pre-ticked answer, since the sheet is the
  applicant's work as a nurse or midwife ("nie wiem" is written out when it is not known); "Trwa" empty → nie, the
  Case having no "unknown" for it (with "Do" also empty the rules name the missing end). The template's
  instructions and the column's comment say both.
- A row of a list sheet with only its Lp. filled in (numbered in advance) is no row at all.
- No rows in the other list sheets (Kursy, Tytuły specjalisty, Studia podyplomowe, Szkolenia za granicą) → `[]`:
  the Case has no "unknown" for these lists, and the interview reads an empty table the same way.
- Specializations begun: the rows of "Specjalizacje"; when there are none, "Odbył(a) specjalizację dofinansowaną" =
  nie → `[]`, = tak → one completed, publicly funded specialization that ended on "Data zakończenia tej
  specjalizacji" (None when not given: the rules then name the missing date), empty → None (not answered).
  Its `field` stays None: the applicant's goal field is not a safe guess (the earlier one may be in another field,
  and a wrong field would change art. 70 ust. 7 and the credits), and only the date matters for art. 70 ust. 6.
  With rows in "Specjalizacje" too, the rows are the facts and the declaration is checked against them: "tak" adds
  the declared one when no row is a completed funded one, and a different end date, "nie" beside a completed funded
  row, or a date beside "nie" / an empty answer are reported as contradictions instead of guessed at.
- The applicant's own "Rodzaj kształcenia" and "Dziedzina" go into `case.goal`; the batch sets the edition's form and
  field and reports a difference.
- `Applicant.label` is "Imię Nazwisko" ("Osoba nr {lp}" without a name); `case.label`, which the summary PDF prints as
  "Opis przypadku" and which is not meant for personal data, is "Osoba nr {lp}".
"""
from __future__ import annotations

from collections import defaultdict
from typing import Any

from pydantic import ValidationError

from ..case import CURRENT_SCHEMA_VERSION, Case, SpecializationStatus
from ..errors import polish_message
from .columns import BY_NAME, FUNDED_BEFORE, FUNDED_BEFORE_END, LP, OSOBY, SHEETS, SPECJALIZACJE, list_limit
from .model import Applicant, Intake, Problem
from .reader import MAX_PROBLEMS_PER_SHEET, ParsedRow, Table, show

MAX_PROBLEMS_PER_APPLICANT = 30

_OSOBY = BY_NAME[OSOBY]
_LIST_SHEETS = [s for s in SHEETS if s.case_list]
_BY_LIST = {s.case_list: s for s in _LIST_SHEETS}
_HEADER_OF = {s.name: {c.target: c.header for c in s.columns if c.target} for s in SHEETS}
_SHEET_ORDER = {s.name: i for i, s in enumerate(SHEETS)}
# The most rows one applicant may have in each list sheet: the Case model's own limit on the list it fills.
_LIMITS = {s.name: list_limit(s.case_list) for s in _LIST_SHEETS}
_COLUMN_ORDER = {s.name: {c.header: i for i, c in enumerate(s.columns)} for s in SHEETS}
# "Osoby" targets split once: "right_to_practise.number" → ("right_to_practise", "number")
_PERSON_PATHS = [(c.target, tuple(c.target.split("."))) for c in _OSOBY.columns
                 if c.target and not c.target.startswith("declared.")]
_FUNDED_HEADER = _HEADER_OF[OSOBY][FUNDED_BEFORE]
_FUNDED_END_HEADER = _HEADER_OF[OSOBY][FUNDED_BEFORE_END]


def build_intake(tables: dict[str, Table], problems: list[Problem]) -> Intake:
    """The applicants of "Osoby" in the sheet's order, each with its rows from the other sheets."""
    osoby = tables.get(OSOBY)
    sheets_read = [s.name for s in SHEETS if s.name in tables]
    if osoby is None:  # the reader said why
        return Intake(applicants=[], problems=_sorted(problems), sheets_read=sheets_read)

    first: dict[int, ParsedRow] = {}
    repeated: dict[int, list[ParsedRow]] = defaultdict(list)
    for row in osoby.rows:
        if row.lp in first:
            repeated[row.lp].append(row)
        else:
            first[row.lp] = row
    children: dict[int, dict[str, list[ParsedRow]]] = defaultdict(lambda: defaultdict(list))
    for sheet in _LIST_SHEETS:
        table = tables.get(sheet.name)
        strays = 0
        for row in table.rows if table else ():
            if row.lp in first:
                children[row.lp][sheet.name].append(row)
                continue
            strays += 1
            if strays <= MAX_PROBLEMS_PER_SHEET:
                problems.append(Problem(sheet=sheet.name, row=row.row, column=LP, lp=row.lp, message=(
                    f"w arkuszu „Osoby” nie ma osoby o Lp. {row.lp} – wiersz pominięto.")))
        if strays > MAX_PROBLEMS_PER_SHEET:
            problems.append(Problem(sheet=sheet.name, message=(
                f"jeszcze {strays - MAX_PROBLEMS_PER_SHEET} wierszy ma Lp., którego nie ma w arkuszu „Osoby”; "
                f"pominięto je.")))

    applicants = []
    for lp, row in first.items():
        applicant = _applicant(lp, row, repeated.get(lp, []), children.get(lp, {}))
        applicants.append(applicant)
        problems.extend(applicant.problems)
    if not first:
        problems.append(Problem(sheet=OSOBY, blocking=False, message=(
            "arkusz nie ma wierszy z danymi – wpisz po jednym wierszu na osobę, od wiersza 2; wczytano 0 osób.")))
    return Intake(applicants=applicants, problems=_sorted(problems), sheets_read=sheets_read)


PWZ_HELD = next(c.header for c in BY_NAME[OSOBY].columns if c.target == "right_to_practise.held")


def _applicant(lp: int, person: ParsedRow, repeats: list[ParsedRow], rows: dict[str, list[ParsedRow]]) -> Applicant:
    problems = list(person.problems)
    invalid = person.invalid
    for again in repeats:
        invalid = True
        problems.append(Problem(sheet=OSOBY, row=again.row, column=LP, lp=lp, message=(
            f"Lp. {lp} jest już w wierszu {person.row} – każda osoba ma mieć jeden wiersz i własny numer; dane tej "
            f"osoby nie zostały ocenione.")))
    for sheet in _LIST_SHEETS:
        for row in rows.get(sheet.name, ()):
            problems.extend(row.problems)
            invalid = invalid or row.invalid
        limit = _LIMITS[sheet.name]
        extra = rows.get(sheet.name, ())[limit:] if limit is not None else ()
        if extra:
            invalid = True
            problems.append(Problem(sheet=sheet.name, row=extra[0].row, column=LP, lp=lp, message=(
                f"osoba nr {lp} ma w tym arkuszu {len(rows[sheet.name])} wierszy, a można wpisać najwyżej {limit}; "
                f"ten i dalsze wiersze tej osoby nie zostały wczytane – połącz albo usuń zbędne wiersze.")))
            rows = {**rows, sheet.name: rows[sheet.name][:limit]}

    values = person.values
    data: dict[str, Any] = {"schema_version": CURRENT_SCHEMA_VERSION, "label": f"Osoba nr {lp}",
                            "person": {}, "right_to_practise": {}, "degrees": {}, "goal": {}}
    for target, path in _PERSON_PATHS:
        if len(path) == 1:
            data[path[0]] = values[target]
        else:
            data[path[0]][path[1]] = values[target]
    # Rows with a bad cell are already reported; validating them again would only repeat it (and cost time when a
    # file has thousands of them). The case is None then anyway; the other rows are still checked by the model.
    kept = {name: [r for r in sheet_rows if not r.invalid] for name, sheet_rows in rows.items()}
    for sheet in _LIST_SHEETS:
        data[sheet.case_list] = [r.values for r in kept.get(sheet.name, ())]
    if not rows.get(_BY_LIST["employment"].name):
        data["employment"] = None
    specs, contradictions = declared_specialization(values[FUNDED_BEFORE], values[FUNDED_BEFORE_END],
                                                    rows.get(SPECJALIZACJE, []))
    if specs is not None:
        specs = [r.values for r in kept.get(SPECJALIZACJE, ())] + specs[len(rows.get(SPECJALIZACJE, [])):]
    data["specializations"] = specs
    if not person.bad_targets & {FUNDED_BEFORE, FUNDED_BEFORE_END}:  # else the cell's own problem says enough
        for column, message in contradictions:
            invalid = True
            problems.append(Problem(sheet=OSOBY, row=person.row, column=column, lp=lp, message=message))

    case = None
    try:
        case = Case.model_validate(data)
    except ValidationError as err:
        invalid = True
        problems.extend(_translate(err, lp, person, kept))
    if case is not None and case.right_to_practise.number and case.right_to_practise.held is None:
        problems.append(Problem(sheet=OSOBY, row=person.row, column=PWZ_HELD, lp=lp, blocking=False, message=(
            f"podano numer PWZ, ale kolumna „{PWZ_HELD}” jest pusta: nie zakładamy, że prawo wykonywania zawodu "
            f"jest aktualne – wpisz „tak” albo „nie”.")))
    if invalid:
        case = None
        if not problems:
            problems.append(Problem(sheet=OSOBY, row=person.row, lp=lp, message=(
                "dane tej osoby mają błędy, których nie wypisano (w pliku jest ich bardzo dużo); popraw wypisane i "
                "wczytaj plik ponownie.")))
    problems = _sorted(problems)
    if len(problems) > MAX_PROBLEMS_PER_APPLICANT:
        rest = len(problems) - MAX_PROBLEMS_PER_APPLICANT + 1
        problems = problems[:MAX_PROBLEMS_PER_APPLICANT - 1] + [Problem(sheet=OSOBY, row=person.row, lp=lp, message=(
            f"i jeszcze {rest} błędów w danych tej osoby."))]
    return Applicant(lp=lp, label=label(lp, values), case=case, problems=problems)


def label(lp: int, values: dict[str, Any]) -> str:
    """"Imię Nazwisko", or "Osoba nr {lp}" when the row gives no name."""
    name = " ".join(v for v in (values.get("person.first_names"), values.get("person.surname")) if v)
    return name or f"Osoba nr {lp}"


def declared_specialization(answer: bool | None, ended_on, rows: list[ParsedRow]
                            ) -> tuple[list[dict] | None, list[tuple[str, str]]]:
    """The specializations begun, from the "Specjalizacje" rows and the declaration in "Osoby" (see the module
    docstring), and the contradictions between them as (column header in "Osoby", Polish message)."""
    specs = [r.values for r in rows]
    problems: list[tuple[str, str]] = []
    completed_funded = [r for r in rows if r.values.get("publicly_funded") is True
                        and r.values.get("status") is SpecializationStatus.COMPLETED]
    if answer is None:
        if ended_on is not None:
            problems.append((_FUNDED_END_HEADER, (
                f"podano datę zakończenia specjalizacji dofinansowanej, ale w kolumnie „{_FUNDED_HEADER}” nie "
                f"wpisano „tak”.")))
        return (specs or None), problems
    if answer is False:
        if ended_on is not None:
            problems.append((_FUNDED_END_HEADER, (
                f"w kolumnie „{_FUNDED_HEADER}” jest „nie”, a podano datę zakończenia takiej specjalizacji.")))
        if completed_funded:
            problems.append((_FUNDED_HEADER, (
                f"jest „nie”, a w arkuszu „{SPECJALIZACJE}” (wiersz {completed_funded[0].row}) jest ukończona "
                f"specjalizacja dofinansowana.")))
        return specs, problems
    if not completed_funded:
        specs.append({"field": None, "publicly_funded": True, "status": SpecializationStatus.COMPLETED,
                      "ended_on": ended_on})
    elif ended_on is not None and all(r.values.get("ended_on") not in (None, ended_on) for r in completed_funded):
        problems.append((_FUNDED_END_HEADER, (
            f"data {show(ended_on)} różni się od daty zakończenia specjalizacji dofinansowanej w arkuszu "
            f"„{SPECJALIZACJE}” (wiersz {completed_funded[0].row}: {show(completed_funded[0].values['ended_on'])}).")))
    return specs, problems


def _translate(err: ValidationError, lp: int, person: ParsedRow, rows: dict[str, list[ParsedRow]]) -> list[Problem]:
    """pydantic's errors as located Polish problems; errors at a cell already reported are left out."""
    out = []
    for e in err.errors():
        loc = tuple(e.get("loc", ()))
        sheet, row, column, target = _OSOBY, person, None, None
        if loc and loc[0] in _BY_LIST and len(loc) >= 2 and isinstance(loc[1], int):
            list_sheet = _BY_LIST[loc[0]]
            list_rows = rows.get(list_sheet.name, [])
            if loc[1] < len(list_rows):
                sheet, row = list_sheet, list_rows[loc[1]]
                target = str(loc[2]) if len(loc) > 2 else None
                column = _HEADER_OF[sheet.name].get(target) if target else sheet.row_check_column
            else:  # the declared specialization (mapping adds it after the rows)
                column = _FUNDED_END_HEADER
        elif loc:
            target = ".".join(str(p) for p in loc)
            column = _HEADER_OF[OSOBY].get(target)
        if target is not None and target in row.bad_targets:
            continue
        message = polish_message(e)
        value = e.get("input")
        if target is not None and isinstance(value, (str, int, float)) and not isinstance(value, bool):
            message = f"„{show(value)}” – {message}"
        if not message.endswith("."):
            message += "."
        out.append(Problem(sheet=sheet.name, row=row.row, column=column, lp=lp, message=message))
    return out


def _sorted(problems: list[Problem]) -> list[Problem]:
    """Problems of whole files first (in the order found), then by sheet, row and column as in the template."""
    def key(p: Problem):
        if p.sheet is None:
            return (0, 0, 0, 0)
        return (1, _SHEET_ORDER.get(p.sheet, len(SHEETS)), p.row or 0,
                _COLUMN_ORDER.get(p.sheet, {}).get(p.column, -1) if p.column else -1)
    return sorted(problems, key=key)
