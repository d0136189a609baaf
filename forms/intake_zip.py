"""Załącznik nr 1 for every applicant of an intake with a proposed credit, as one ZIP of PDFs.

Each PDF is filled exactly as the nurse's own download on "Wniosek o zaliczenie" (before she edits anything): the
applicant's full assessment is rebuilt from the compact results row, then `annex1_values` and `build_annex1`. The
PDFs are stored in the ZIP without recompression (a PDF's streams are already compressed).
"""
from __future__ import annotations

import io
import re
import unicodedata
import zipfile
from collections.abc import Callable
from datetime import date

from logic.intake.batch import case_from_json, full_assessment
from logic.intake.model import ApplicantResult, IntakeResult

from .annex1 import annex1_values, build_annex1

Progress = Callable[[int, int], None]


def with_credits(result: IntakeResult) -> list[ApplicantResult]:
    """The applicants for whom Załącznik nr 1 is prepared: assessed, with at least one proposed credit."""
    return [r for r in result.results if r.credits and r.case_json is not None]


def file_name(r: ApplicantResult) -> str:
    """"0007_Anna_Kowalska_zalacznik_1.pdf": the number first (for sorting), then the label in ASCII."""
    ascii_label = unicodedata.normalize("NFKD", r.label.replace("ł", "l").replace("Ł", "L"))
    ascii_label = ascii_label.encode("ascii", "ignore").decode("ascii")
    slug = re.sub(r"[^A-Za-z0-9]+", "_", ascii_label).strip("_")[:60] or "osoba"
    return f"{r.lp:04d}_{slug}_zalacznik_1.pdf"


def annex_pdf(r: ApplicantResult, as_of: date, generated_on: date) -> bytes:
    assessment = full_assessment(r, as_of)
    if assessment is None or r.case_json is None:
        raise ValueError("applicant without a case")
    values = annex1_values(case_from_json(r.case_json), assessment)
    return build_annex1(values, as_of=as_of, generated_on=generated_on)


def annex_zip(result: IntakeResult, *, generated_on: date, progress: Progress | None = None) -> bytes:
    """The ZIP; `progress(done, total)` after each PDF."""
    chosen = with_credits(result)
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", compression=zipfile.ZIP_STORED) as zf:
        for n, r in enumerate(chosen, start=1):
            zf.writestr(file_name(r), annex_pdf(r, result.as_of, generated_on))
            if progress:
                progress(n, len(chosen))
    return out.getvalue()
