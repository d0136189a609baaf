"""PDF documents made from a case and its assessment: Annex 1 (the request for credit) and the summary.

    from forms import annex1_values, build_annex1, build_summary
    values = annex1_values(case, assessment)          # the field mapping; edit values.credits before printing
    pdf_bytes = build_annex1(values, as_of=day, generated_on=today)
    summary_bytes = build_summary(case, assessment, generated_on=today)

Builders return `bytes` (st.download_button refuses a bytearray). The font is DejaVu Sans from the matplotlib wheel,
prepared once per process (see forms/fonts.py for the licence and how fpdf2 gets it).
"""
from .annex1 import Annex1Values, RequestedCredit, annex1_values, build_annex1
from .summary import build_summary

__all__ = ["Annex1Values", "RequestedCredit", "annex1_values", "build_annex1", "build_summary"]
