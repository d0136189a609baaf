"""The readings the rules take where the law is silent or ambiguous, as data; docs/READINGS.md is rendered from here.

Each reading says where it is taken (module and units of law), the gap, the reading, and how the user sees it: the
note codes on the decision, and where a reading shows otherwise, the reason, step or decision rule codes. Notes that
are plain information rather than a reading are listed in INFORMATIONAL, one line each, so that every note code in
the code is accounted for. tests/test_readings.py checks both ways against a static scan of logic/**/*.py (the `ast`
module, no imports of the rules): every `Note(code=...)` has an entry here, and every code named here exists.

A note code built with an f-string (`Note(code=f"{st.code}_day_off")`) cannot be read statically; its pattern and
the codes it makes are listed in DYNAMIC_NOTE_CODES, and the test fails when the scan finds a pattern not listed.

To add a reading: append `Reading(<next number>, where=..., gap=..., reading=..., notes=("the_code",))` to READINGS,
then run `.venv/bin/python -m logic.readings --write`. A plain-information note: append `Info(...)` to INFORMATIONAL.

The scan reads only this package's own source files; `python -m logic.readings` prints the Markdown and
`python -m logic.readings --write` writes docs/READINGS.md.
"""
from __future__ import annotations

import argparse
import ast
import re
import sys
from dataclasses import dataclass
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent
DOCUMENT = PACKAGE.parent / "docs" / "READINGS.md"


@dataclass(frozen=True)
class Reading:
    """One reading taken where the law is silent or ambiguous."""

    number: int
    where: str  # module and units of law (Markdown)
    gap: str  # what the law leaves open
    reading: str  # the reading taken
    notes: tuple[str, ...] = ()  # note codes that show it on a decision
    reasons: tuple[str, ...] = ()  # reason codes, where the reading shows in a reason
    steps: tuple[str, ...] = ()  # step codes, where it shows as a dated step
    decisions: tuple[str, ...] = ()  # decision rule codes, where a whole decision shows it
    shown: str = ""  # how it shows in words, beside or instead of the codes

    def codes(self) -> dict[str, tuple[str, ...]]:
        return {"note": self.notes, "reason": self.reasons, "step": self.steps, "decision": self.decisions}


@dataclass(frozen=True)
class Info:
    """A note that gives plain information (it restates the law or a fact), not a reading."""

    code: str
    where: str
    says: str


@dataclass(frozen=True)
class DynamicNoteCode:
    """A note code built with an f-string: the pattern as the scan prints it, and the codes it can make."""

    module: str  # "logic/rules/state_exam.py"
    pattern: str  # the f-string with its fields as written: "{st.code}_day_off"
    codes: tuple[str, ...]
    source: str  # where the filled-in values come from

    def regex(self) -> re.Pattern:
        parts = re.split(r"\{[^{}]*\}", self.pattern)
        return re.compile(".+".join(re.escape(p) for p in parts))


READINGS: tuple[Reading, ...] = (
    Reading(
        1, where="`logic/experience.py`, art. 67 ust. 4 pkt 2, art. 71 ust. 2 pkt 2, § 4 ust. 3, KC art. 112, 114",
        gap="how to add up periods of work; whether the as-of day counts",
        reading=(
            "settled: as Polish employers count staż pracy. Overlapping periods count once and touching ones form one "
            "run; only days before the as-of day count; each continuous run is counted in whole calendar months (KC "
            "art. 112: 1 Feb – 31 Jul is 6 months) plus the days left over; the runs' months and left-over days are "
            "added and every 30 left-over days make a month (KC art. 114), also for one run (23 months and 30 days "
            "are 2 years); N months are met when the total reaches N. Work wholly in the past and inside the window "
            "counts the same on every as-of date. Changed by issue 8 (it used to compare days with the calendar days "
            "of the N months before the as-of date)"),
        notes=("experience_summed",), reasons=("experience_met", "experience_not_met"),
        shown="the total in years, months and days in the reason; the note when several periods are added"),
    Reading(
        2, where="same", gap="\"w okresie ostatnich 5 lat\"",
        reading="from the same day five years back to the day before the as-of day",
        reasons=("experience_met", "experience_not_met", "experience_incomplete", "experience_unknown"),
        shown="the window's dates in the reason"),
    Reading(
        3, where="same", gap="the earliest date a condition will be met",
        reading=(
            "ongoing periods are projected forward; periods with an end date end there; without the right to practise "
            "there is no earliest date to start (only the step when the experience is complete)"),
        steps=("experience_met",)),
    Reading(
        4, where="`logic/periods.py`, reg. § 9 ust. 2, art. 67 ust. 8–10, KPA art. 57 § 4, KC art. 115",
        gap="terms to act (applying, paying, fixing a defect, issuing the EKK) that end on a Saturday, Sunday or "
            "holiday",
        reading=(
            "settled: such a term runs to the next working day (the statute excludes only KPA art. 64, art. 67 ust. 9); "
            "we advise the date the law gives and show the last day beside it, and a session stays open through that "
            "last day (\"you can still apply today\"). Durations (15 months, a break of at most 5 years, 18 months "
            "for a retake, the month of § 3 ust. 7 pkt 2) never move. The fee's 5 days are counted from the "
            "application date the law gives, not from a moved one (the safer reading). A term counted backwards (the "
            "notice to CMKP 12 months before the end) does not move forward: the working day before is shown. "
            "Changed by issue 8 (the date used to be kept with a note that the move may not apply)"),
        notes=("application_deadline_day_off", "fee_deadline_day_off"),
        reasons=("apply_today", "deadline_moved"), steps=("application_deadline", "fee_deadline", "ekk_due"),
        shown="the step's last day (\"termin upływa …\") in the app, the calendar file and the PDFs"),
    Reading(
        5, where="`rules/credits.py`, reg. § 4 ust. 4, § 22 ust. 2",
        gap="\"po dniu 1 lipca 1999 r.\" and which date to compare",
        reading="1 July 1999 itself is excluded; the completion date of the course or specialization is compared",
        notes=("cutoff_reading",)),
    Reading(
        6, where="same, § 4 ust. 2 pkt 2–5", gap="whether a course, title or studies are \"objęte programem\"",
        reading="the programme is not modelled: the same field by name gives \"possible on request\", another field "
                "\"for the organizer to decide\"",
        reasons=("same_field", "other_field")),
    Reading(
        7, where="same, § 4 ust. 3",
        gap="\"doświadczenie zawodowe w dziedzinie\" and a unit \"o profilu zgodnym ze stażem\"",
        reading="periods in units whose profile is the specialization's field, counted as in reading 1 without a "
                "window; the organizer judges the profile",
        notes=("experience_in_field_reading",)),
    Reading(
        8, where="same, § 4 ust. 6", gap="\"przerwa niedłuższa niż 5 lat\"",
        reading="re-entry up to the day five years after the interruption (KC art. 112; 29 Feb → 28 Feb)",
        notes=("break_reading",)),
    Reading(
        9, where="same", gap="a course on the list without an exam result",
        reading="counts as completed unless marked failed, missed or not taken",
        reasons=("course_not_completed",), shown="field description"),
    Reading(
        10, where="`rules/funding.py`, art. 70 ust. 6", gap="\"po upływie 5 lat od dnia zakończenia\"",
        reading="counted with KC art. 112 from the end (or interruption) date; allowed from the next day",
        notes=("wait_reading",)),
    Reading(
        11, where="same, art. 70 ust. 7, art. 67 ust. 5",
        gap="what \"trzykrotnie nie zdały egzaminu\" counts, and from when the 5 years run after it",
        reading=(
            "three failed attempts in one field's exam (the exam is held separately for each field): failures in "
            "different fields are not added, and a field passed later does not count; the 5 years run from the end "
            "of the publicly funded specialization in that field (another reading: from the third failure); when "
            "that specialization was not publicly funded, ust. 7 does not bar a funded one. Specializations not "
            "answered in a version-2 case give \"needs review\", never \"meets\". Changed by issue 8 (failures "
            "used to be added across fields, counted from the latest specialization of any field)"),
        notes=("failed_exams_reading",), reasons=("failed_exams_wait", "specializations_unknown")),
    Reading(
        12, where="`rules/qualification.py`, § 3 ust. 2, § 21 ust. 2", gap="whether the commission lists are closed",
        reading="closed: other roles are reported as not provided for",
        notes=("closed_list",)),
    Reading(
        13, where="same, § 3 ust. 7 pkt 2", gap="\"nie upłynęło więcej niż miesiąc\"",
        reading="the round may be held up to the day one month after the planned start (KC art. 112)",
        notes=("month_reading",)),
    Reading(
        14, where="`rules/state_exam.py`, § 14 ust. 2 pkt 6–7",
        gap="a group of exactly 901 candidates has no bracket (\"do 900\" / \"więcej niż 901\")",
        reading="15 members, as for more than 900",
        notes=("bracket_901",)),
    Reading(
        15, where="same, § 37 ust. 3", gap="which session a fee belongs to",
        reading="the session in which the exam is held (170 zł for spring 2026, 350 zł from autumn 2026)",
        notes=("old_fee_rules",)),
    Reading(
        16, where="same, art. 67 ust. 5 (2027), art. 68",
        gap="the statute moves the exam to CEM on 1.01.2027 while the regulation still names CMKP",
        reading="dates and fee under the regulation as it stands; the authority by the session's first day; a note "
                "that the regulation may change",
        notes=("cem_from_2027",)),
    Reading(
        17, where="same, § 9 ust. 1", gap="the first session one may apply for",
        reading=(
            "the first whose application deadline is on or after both the as-of day and the day the specialization is "
            "complete; a specialization under way is complete at the earliest on the last day of its 15 months counted "
            "as in reading 22 (from 1 March 2026: 31 May 2027, in time for the autumn 2027 deadline)"),
        reasons=("after_completion",)),
    Reading(
        18, where="same, § 37 ust. 2",
        gap="does the state exam after a specialization begun before 20.01.2026 follow the old rules",
        reading="no: the exam is not part of the training; § 37 ust. 3 keeps old rules only for the spring 2026 fee",
        notes=("exam_new_rules",)),
    Reading(
        19, where="same, § 12 ust. 3", gap="the notice date when the exam day is not yet known",
        reading="shown as 30 days before the session's first day, as the latest possible notice for an exam on that "
                "day",
        steps=("notice",)),
    Reading(
        20, where="`rules/courses.py`, § 27 ust. 2, § 33 ust. 2", gap="\"dzień zaliczenia kursu\"",
        reading="the day theory and practical training were passed; 18 months by KC art. 112",
        reasons=("retake_possible", "retake_expired"), steps=("retake_limit",)),
    Reading(
        21, where="same", gap="a missed course exam (absence) is not named",
        reading="the same 18-month horizon, new date set by the organizer",
        notes=("absence_reading",)),
    Reading(
        22, where="`rules/durations.py`, § 4 ust. 1, § 22 ust. 1, § 30, § 36",
        gap="whether the first day of training counts",
        reading=(
            "it does: a course from 1 March lasts \"one month\" if it ends by 31 March; when the last month has no day "
            "with the start's number, the period ends on that month's last day (KC art. 112: 6 months from 31 August "
            "end on 28/29 February)"),
        notes=("duration_reading",)),
    Reading(
        23, where="`rules/transitional.py`, § 37 ust. 2", gap="the 2016 regulation is not modelled",
        reading="training begun before 20.01.2026 and still under way gets \"needs review\", naming the two new units "
                "that apply to it",
        notes=("old_regulation",), decisions=("j.old_rules",)),
    Reading(
        24, where="`logic/fields.yaml`",
        gap="the fields list (Dz.U. 2013 poz. 1562) was not available in its official text",
        reading="offered as choices only; a field off the list gets a note, never a refusal",
        notes=("field_not_listed",)),
    Reading(
        25, where="`rules/credits.py`, § 4 ust. 5–7",
        gap="whether a re-entry credit after an interrupted specialization needs Annex 1 and the kierownik's opinion",
        reading="no: ust. 5 and 7 name the credits of ust. 2 and 3; ust. 6 works on the karta specjalizacji",
        notes=("reentry_no_annex",)),
    Reading(
        26, where="same, § 22 ust. 2", gap="must the earlier course have been completed with its exam",
        reading="no: the modules need only have been \"zrealizowane\" after 1.07.1999; a course with a failed or "
                "missed exam goes to the organizer",
        notes=("realised_reading",)),
    Reading(
        27, where="`rules/courses.py`, § 37 ust. 2, art. 71 ust. 3, art. 72 ust. 3",
        gap="a course whose classes ended before 20.01.2026 but whose exam is still ahead",
        reading="the course ends only with its exam, so it is training begun before the regulation: the § 27 ust. 2 "
                "horizon is shown with a note that the old rules may apply",
        notes=("begun_before_regulation",)),
    Reading(
        28, where="`rules/transitional.py`, § 37 ust. 1", gap="which documents stay valid",
        reading="only those actually issued: a course whose exam was failed, missed or not taken has no certificate "
                "(§ 27 ust. 1, § 33 ust. 1)",
        decisions=("j.documents_valid",)),
    Reading(
        29, where="`rules/state_exam.py`, § 9 ust. 1 pkt 1",
        gap="a specialization given as completed without the day it ended (the facts, not the law, are silent)",
        reading="taken as completed by the as-of day: the first session still open on the as-of day is offered",
        notes=("end_date_unknown",)),
    Reading(
        30, where="`rules/courses.py`, § 37 ust. 2",
        gap="a course begun before 20.01.2026 whose classes ended on or after that day",
        reading="a course begun before 20.01.2026 whose classes ended on or after that day (or have not ended) is "
                "training begun and not completed before the regulation: the old rules apply to it, and the new rules "
                "are shown with a note to confirm them with the organizer; one not finished yet also gets "
                "`j.old_rules`",
        notes=("course_begun_before_regulation",)),
    Reading(
        31, where="`rules/state_exam.py`, § 12 ust. 3", gap="an exam date given that lies outside the session",
        reading="the notice is counted back from the exam date when the person gives one within the session "
                "(KC art. 111 § 2); a date outside the session shown is ignored with this note and the notice is "
                "counted from the session's first day, as when the exam day is not known (reading 19)",
        notes=("exam_date_outside_session",)),
    Reading(
        32, where="`rules/entry.py`, `logic/fields.yaml`",
        gap="a field that the lists give only to the other profession",
        reading="\"needs review\" with a note that the lists come from secondary sources and are to be verified, "
                "never \"meets\" (a field on no list keeps reading 24: a note, no change of outcome)",
        notes=("field_other_profession",)),
    Reading(
        33, where="`rules/entry.py`, art. 67 ust. 4 pkt 1, art. 71 ust. 2 pkt 1",
        gap="a PWZ number whose letter does not match the profession (the letters' meaning comes from secondary "
            "sources)",
        reading="P for a nurse, A for a midwife (secondary sources); a mismatch is a warning on the whole result to "
                "check the number and the profession, never a refusal",
        notes=("pwz_letter_mismatch",)),
    Reading(
        34, where="`intake/columns.py`, `intake/mapping.py` (the intake's sheet „Praca”)",
        gap="a job row whose „W zawodzie” cell is empty (empty cells are otherwise „nie wiem”)",
        reading="„tak”: the sheet lists work in the profession (przebieg pracy zawodowej), as the interview's "
                "pre-ticked answer does; work outside the profession is marked „nie”",
        shown="the template's instructions and the column's comment say „puste = tak”"),
    Reading(
        35, where="`intake/mapping.py`, art. 67 ust. 4 pkt 2, art. 71 ust. 2 pkt 2",
        gap="an applicant without any row in „Praca”",
        reading="the work history is unknown (not „no work”): the entry decision needs review and names "
                "„Praca: brak wierszy dla tej osoby”",
        shown="the results' column „Czego brakuje”"),
    Reading(
        36, where="`intake/mapping.py`, art. 70 ust. 6 ustawy",
        gap="„Odbył(a) specjalizację dofinansowaną: tak” with its end date but no row in „Specjalizacje”",
        reading="one completed, publicly funded specialization ended on that day, in an unknown field (the field "
                "of the intake is not a safe guess); an empty cell leaves the past specializations unknown",
        shown="the funding column and the applicant's cards"),
    Reading(
        37, where="`intake/batch.py`",
        gap="an applicant whose own „Rodzaj kształcenia” or „Dziedzina” differs from the intake's",
        reading="the intake's edition decides the form, the field and (for a specialization) the funding; the "
                "applicant's case never carries the edition, only the goal it implies",
        shown="a warning in the applicant's „Uwagi”: „W arkuszu „Osoby” podano inny rodzaj kształcenia …”"),
)

INFORMATIONAL: tuple[Info, ...] = (
    Info("consultant_field_unknown", "`rules/qualification.py`, § 3 ust. 6",
         "the consultant's field was not given: one in a related field may sit only when there is none in the field"),
    Info("hours_cap", "`rules/credits.py`, § 4 ust. 2 pkt 3–4",
         "a credit on the ground of a course covers at most what the programme for that kind of course provides"),
    Info("no_maximum", "`rules/durations.py`, § 4 ust. 1, § 37 ust. 2",
         "the 2026 regulation sets no maximum length of a specialization (formerly 20 months), also for one begun "
         "before it"),
    Info("related_consultant", "`rules/qualification.py`, § 3 ust. 6",
         "a regional consultant in a related field sits on the commission only when there is none in the "
         "specialization's field"),
    Info("round_rules", "`rules/qualification.py`, § 3 ust. 8",
         "the supplementary round follows the same rules as the main one: the same commission, and the entrance exam "
         "in the cases of § 3 ust. 4 and 5"),
    Info("min_candidates", "`rules/state_exam.py`, § 13 ust. 4–5",
         "the exam in a field is held only with enough candidates, unless the minister consents to fewer"),
    Info("three_failures", "`rules/state_exam.py`, art. 70 ust. 6–7",
         "how many times the exam was failed, and that three failures bar another publicly funded specialization "
         "for 5 years (from when: reading 11)"),
)

DYNAMIC_NOTE_CODES: tuple[DynamicNoteCode, ...] = (
    DynamicNoteCode("logic/rules/state_exam.py", "{st.code}_day_off",
                    ("application_deadline_day_off", "fee_deadline_day_off"),
                    "the deadline steps of a session that fall on a day off (DAY_OFF_WHAT)"),
)


# --- the static scan --------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Found:
    """A code argument found in the source: a literal, an f-string pattern, or an expression the scan cannot read."""

    code: str
    module: str
    line: int

    def __str__(self) -> str:
        return f"{self.code} ({self.module}:{self.line})"


@dataclass(frozen=True)
class Scan:
    literals: tuple[Found, ...] = ()
    patterns: tuple[Found, ...] = ()
    unresolved: tuple[Found, ...] = ()

    def __add__(self, other: Scan) -> Scan:
        return Scan(self.literals + other.literals, self.patterns + other.patterns,
                    self.unresolved + other.unresolved)

    @property
    def codes(self) -> set[str]:
        return {f.code for f in self.literals}


def _pattern(node: ast.JoinedStr) -> str:
    out = []
    for part in node.values:
        if isinstance(part, ast.Constant):
            out.append(str(part.value))
        else:  # ast.FormattedValue
            out.append("{" + ast.unparse(part.value) + "}")
    return "".join(out)


def _values(node: ast.expr, module: str) -> Scan:
    """What a code expression can be: literals, f-string patterns, or (for anything else) unresolved."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return Scan(literals=(Found(node.value, module, node.lineno),))
    if isinstance(node, ast.JoinedStr):
        return Scan(patterns=(Found(_pattern(node), module, node.lineno),))
    if isinstance(node, ast.IfExp):
        return _values(node.body, module) + _values(node.orelse, module)
    return Scan(unresolved=(Found(ast.unparse(node), module, node.lineno),))


def _call_name(node: ast.Call) -> str | None:
    if isinstance(node.func, ast.Name):
        return node.func.id
    if isinstance(node.func, ast.Attribute):
        return node.func.attr
    return None


def scan_calls(source: str, module: str, call: str, keyword: str, position: int | None = 0,
               required: bool = True) -> Scan:
    """The values of argument `keyword` (or positional `position`) in every call of `call` in `source`.

    A call without the argument is unresolved when it is `required` (a Note always has a code), else skipped.
    """
    found = Scan()
    for node in ast.walk(ast.parse(source, filename=module)):
        if not isinstance(node, ast.Call) or _call_name(node) != call:
            continue
        arg = next((k.value for k in node.keywords if k.arg == keyword), None)
        if arg is None and position is not None and len(node.args) > position:
            arg = node.args[position]
        if arg is None:
            if required:
                found += Scan(unresolved=(Found(f"{call}(...) without {keyword}", module, node.lineno),))
        else:
            found += _values(arg, module)
    return found


def scan_rule_codes(source: str, module: str) -> Scan:
    """Decision rule codes: `rule=` arguments, `needs_review(rule, ...)`, assignments to `rule` and its defaults."""
    found = scan_calls(source, module, "needs_review", "rule", 0, required=False)
    for node in ast.walk(ast.parse(source, filename=module)):
        if isinstance(node, ast.Call):
            found += sum((_values(k.value, module) for k in node.keywords if k.arg == "rule"), Scan())
        elif isinstance(node, ast.Assign):
            for target in node.targets:
                if isinstance(target, ast.Name) and target.id == "rule":
                    found += _values(node.value, module)
                elif isinstance(target, ast.Tuple) and isinstance(node.value, ast.Tuple):
                    for t, v in zip(target.elts, node.value.elts):
                        if isinstance(t, ast.Name) and t.id == "rule":
                            found += _values(v, module)
        elif isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
            args = node.args.args[len(node.args.args) - len(node.args.defaults):]
            pairs = list(zip(args, node.args.defaults)) + list(zip(node.args.kwonlyargs, node.args.kw_defaults))
            found += sum((_values(d, module) for a, d in pairs if a.arg == "rule" and d is not None), Scan())
    return found


def _sources() -> list[tuple[str, str]]:
    """(module path as "logic/…", source) for every Python file of this package."""
    return [(path.relative_to(PACKAGE.parent).as_posix(), path.read_text(encoding="utf-8"))
            for path in sorted(PACKAGE.rglob("*.py"))]


def scan_package(kind: str) -> Scan:
    """Every code of `kind` ("note", "reason", "step", "decision") in logic/**/*.py."""
    out = Scan()
    for module, source in _sources():
        if kind == "note":
            out += scan_calls(source, module, "Note", "code")
        elif kind == "reason":
            out += scan_calls(source, module, "Reason", "code")
            out += scan_calls(source, module, "needs_review", "code", None, required=False)
        elif kind == "step":
            out += scan_calls(source, module, "Step", "code")
        elif kind == "decision":
            out += scan_rule_codes(source, module)
        else:
            raise ValueError(kind)
    return out


def note_codes_in_code() -> set[str]:
    """The literal note codes and the codes the registered f-string patterns make."""
    return scan_package("note").codes | {c for d in DYNAMIC_NOTE_CODES for c in d.codes}


def accounted_note_codes() -> set[str]:
    return {c for r in READINGS for c in r.notes} | {i.code for i in INFORMATIONAL}


# --- the document ------------------------------------------------------------------------------------------------

INTRO = """# Readings taken where the law is silent or ambiguous

Each reading is written beside the rule that takes it (the module docstring) and shown to the user as a note on the
decision. This page collects them. "KC" is the Kodeks cywilny, "reg." the 2026 regulation (Dz.U. 2026 poz. 57),
"ustawa" the ustawa o zawodach pielęgniarki i położnej (Dz.U. 2026 poz. 15).

This page is generated from `logic/readings.py`, and `tests/test_readings.py` checks it against the note codes in the
code. To change it, edit `logic/readings.py` and run `.venv/bin/python -m logic.readings --write`.
"""

INFO_INTRO = """## Informational notes

These notes restate the law or a fact; they take no reading. They are listed so that every note code is accounted for.
"""


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def shown_as(r: Reading) -> str:
    parts = []
    for kind, codes in r.codes().items():
        if codes:
            word = kind if len(codes) == 1 else kind + "s"
            parts.append(f"{word} " + ", ".join(f"`{c}`" for c in codes))
    if r.shown:
        parts.append(r.shown)
    return "; ".join(parts)


def render() -> str:
    lines = [INTRO, "| # | where | the gap | the reading taken | shown as |", "|---|---|---|---|---|"]
    for r in READINGS:
        cells = (str(r.number), r.where, r.gap, r.reading, shown_as(r))
        lines.append("| " + " | ".join(_cell(x) for x in cells) + " |")
    lines += ["", INFO_INTRO, "| note | where | what it says |", "|---|---|---|"]
    for i in INFORMATIONAL:
        lines.append(f"| `{i.code}` | {_cell(i.where)} | {_cell(i.says)} |")
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m logic.readings", description="Render docs/READINGS.md.")
    parser.add_argument("--write", action="store_true", help="write docs/READINGS.md instead of printing it")
    parser.add_argument("--check", action="store_true", help="exit 1 if docs/READINGS.md is not up to date")
    args = parser.parse_args(argv)
    text = render()
    if args.check:
        current = DOCUMENT.read_text(encoding="utf-8") if DOCUMENT.exists() else ""
        if current != text:
            print(f"{DOCUMENT} is out of date: run `python -m logic.readings --write`", file=sys.stderr)
            return 1
        return 0
    if args.write:
        DOCUMENT.write_text(text, encoding="utf-8")
        print(f"wrote {DOCUMENT}")
        return 0
    sys.stdout.write(text)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
