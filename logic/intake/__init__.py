"""The intake: a whole nabór read from a spreadsheet (issue 9, "Podgląd naboru (arkusz)"). Pure Python, no Streamlit.

    template_xlsx() → the empty template (XLSX bytes), built from the column registry in columns.py
    read_intake([(file name, bytes), …]) → Intake: one Case per applicant, or the applicant's located problems
    read_intake_file(path) → (file name, bytes) for the command line, never more than MAX_BYTES read

See model.py for the shapes passed between the parts, mapping.py for the readings taken where a sheet is silent.
"""
from .columns import SHEETS, Column, Kind, Sheet
from .model import Applicant, Intake, Problem
from .reader import MAX_BYTES, MAX_ROWS, IntakeFileError, read_intake, read_intake_file
from .template import template_xlsx

__all__ = ["MAX_BYTES", "MAX_ROWS", "SHEETS", "Applicant", "Column", "Intake", "IntakeFileError", "Kind", "Problem",
           "Sheet", "read_intake", "read_intake_file", "template_xlsx"]
