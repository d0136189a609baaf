"""Assess a whole intake: every applicant for the edition's form and field on one day, kept compact.

The batch is a frame around `logic.assess.assess`: it never decides anything itself. For each applicant it puts the
goal the edition implies into the applicant's own case (form, field, and for a specialization whether it is publicly
funded – the edition decides these, not the applicant's sheet), runs the same assessment a nurse gets on "Wynik", and
keeps only what the results table needs (`ApplicantResult`): outcomes, codes, dates, short values, and the case as
compact JSON from which the full decision cards are rebuilt when an applicant is opened or exported
(`full_assessment`). An applicant with a data error ("błąd danych") is listed with its problems and not assessed.

`workers > 1` assesses in that many processes (for very large files from the command line); the results are the
same and in the same order.
"""
from __future__ import annotations

import json
import sys
import zlib
from collections.abc import Callable, Sequence
from concurrent.futures import ProcessPoolExecutor
from datetime import date

from ..assess import Assessment, assess, law_checked_on
from ..case import Case, Edition, Form
from ..decision import Decision, Outcome
from ..periods import polish_date
from ..rules import credits as credit_rules
from ..rules import qualification, transitional
from .model import (Applicant, ApplicantResult, CreditSummary, EditionFacts, EntryStatus, Intake, IntakeResult,
                    Status)

Progress = Callable[[int, int], None]  # (done, total)

FUNDING_RULE = "b.funded.eligibility"
EXEMPTION_RULE = "e.exemption"
# Warning codes the batch adds beside the assessment's own.
GOAL_DIFFERS = ("W arkuszu „Osoby” podano inny rodzaj kształcenia lub dziedzinę niż w naborze; oceniamy według "
                "naboru.")


def applicant_case(case: Case, edition: EditionFacts) -> tuple[Case, list[str]]:
    """The applicant's case with the goal the edition implies, and the batch's warnings about it."""
    goal = case.goal
    warnings = []
    if (goal.form is not None and goal.form is not edition.form) or (
            goal.field and edition.field and goal.field.casefold() != edition.field.casefold()):
        warnings.append(GOAL_DIFFERS)
    update = {"form": edition.form, "field": edition.field or goal.field}
    if edition.form is Form.SPECJALIZACJA and edition.publicly_funded is not None:
        update["publicly_funded"] = edition.publicly_funded
    return case.model_copy(update={"goal": goal.model_copy(update=update)}), warnings


def compact_json(case: Case) -> bytes:
    """The case without its default values (and with its version, which a file without one would lose), as
    zlib-compressed JSON: about a third of the JSON's size, and a few microseconds to unpack when opened."""
    data = case.model_dump(mode="json", exclude_defaults=True)
    data["schema_version"] = case.schema_version
    return zlib.compress(json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode("utf-8"), 1)


def case_from_json(raw: bytes) -> Case:
    return Case.model_validate_json(zlib.decompress(raw))


def _entry(goal: list[Decision], form: Form) -> tuple[EntryStatus | None, date | None, tuple[str, ...]]:
    entry = next((d for d in goal if d.rule == f"a.{form.value}.entry"), None)
    if entry is None:
        return None, None, ()
    if entry.outcome is Outcome.MEETS:
        return EntryStatus.MEETS, None, ()
    if entry.outcome is Outcome.DOES_NOT_MEET:
        status = EntryStatus.NOT_YET if entry.earliest_date else EntryStatus.DOES_NOT_MEET
        return status, entry.earliest_date, tuple(entry.missing)
    return EntryStatus.NEEDS_REVIEW, None, tuple(entry.missing)


def _outcome(d: Decision | None) -> Outcome | None:
    return d.outcome if d is not None else None


def summarize(lp: int, label: str, case: Case, assessment: Assessment, form: Form,
              extra_warnings: Sequence[str] = ()) -> ApplicantResult:
    """The compact row of one assessed applicant."""
    by_rule = {d.rule: d for d in assessment.decisions}
    status, earliest, missing = _entry(assessment.goal_decisions(), form)
    # Built without re-validation (the values are the rules' own), so that the texts many applicants share – course
    # names, grounds, legal units – are one string in memory (sys.intern) and 10,000 results stay small.
    credit_list = tuple(
        CreditSummary.model_construct(
            rule=sys.intern(d.rule), outcome=sys.intern(d.outcome.value), title=sys.intern(d.title),
            area=sys.intern(str(d.facts.get("annex_area"))), ground=sys.intern(str(d.facts.get("annex_basis") or "")),
            basis=sys.intern(d.legal_basis[0].label) if d.legal_basis else "")
        for d in assessment.decisions if credit_rules.is_proposed_credit(d))
    return ApplicantResult(
        lp=lp, label=label, status=Status.ASSESSED, entry=status, earliest=earliest, missing=missing,
        credits=credit_list,
        exemption=_outcome(by_rule.get(EXEMPTION_RULE)), funded=_outcome(by_rule.get(FUNDING_RULE)),
        warnings=tuple(extra_warnings) + tuple(w.text for w in assessment.warnings),
        case_json=compact_json(case))


def assess_applicant(applicant: Applicant, edition: EditionFacts, as_of: date) -> ApplicantResult:
    if applicant.case is None:
        return ApplicantResult(lp=applicant.lp, label=applicant.label, status=Status.DATA_ERROR,
                               problems=tuple(p.text() for p in applicant.problems if p.blocking))
    case, warnings = applicant_case(applicant.case, edition)
    warnings += [p.text() for p in applicant.problems if not p.blocking]  # notices about the applicant's own rows
    row = summarize(applicant.lp, applicant.label, case, assess(case, as_of), edition.form, warnings)
    if row.earliest and edition.planned_start and row.earliest > edition.planned_start:
        row = row.model_copy(update={"warnings": row.warnings + (
            f"Warunki spełni najwcześniej {polish_date(row.earliest)}, po planowanym rozpoczęciu "
            f"({polish_date(edition.planned_start)}).",)})
    return row


def _assess_chunk(args: tuple[list[Applicant], EditionFacts, date]) -> list[ApplicantResult]:
    applicants, edition, as_of = args
    return [assess_applicant(a, edition, as_of) for a in applicants]


def assess_intake(intake: Intake, edition: EditionFacts, as_of: date, *, progress: Progress | None = None,
                  workers: int = 1, chunk: int = 200) -> IntakeResult:
    """Assess every applicant of `intake`; `progress(done, total)` is called every `chunk` applicants."""
    applicants = intake.applicants
    total = len(applicants)
    results: list[ApplicantResult] = []
    chunks = [applicants[i:i + chunk] for i in range(0, total, chunk)]
    if progress:
        progress(0, total)
    if workers > 1 and len(chunks) > 1:
        with ProcessPoolExecutor(max_workers=workers) as pool:
            for part in pool.map(_assess_chunk, [(c, edition, as_of) for c in chunks]):
                results += part
                if progress:
                    progress(len(results), total)
    else:
        for c in chunks:
            results += _assess_chunk((c, edition, as_of))
            if progress:
                progress(len(results), total)
    return IntakeResult(as_of=as_of, law_checked_on=law_checked_on(), edition=edition, results=results,
                        problems=list(intake.problems))


def full_assessment(result: ApplicantResult, as_of: date) -> Assessment | None:
    """The applicant's full decisions (the cards a nurse sees on "Wynik"), rebuilt from the compact row."""
    if result.case_json is None:
        return None
    return assess(case_from_json(result.case_json), as_of)


def edition_answers(edition: EditionFacts, applicants: int, as_of: date) -> list[Decision]:
    """The edition's own answers for this intake: is a written entrance exam required with this many applicants,
    must a voivodeship consultant sit on the commission, and do the old rules apply to an edition begun before
    the regulation."""
    out = [qualification.entrance_exam_decision(edition.form, edition.places, applicants, edition.publicly_funded,
                                                as_of)]
    if edition.form is Form.SPECJALIZACJA:
        out.append(qualification.consultant_decision(edition.form, edition.publicly_funded, as_of))
    old = transitional.edition_decision(
        Edition(form=edition.form, field=edition.field, planned_start=edition.planned_start), as_of)
    if old is not None:
        out.append(old)
    return out
