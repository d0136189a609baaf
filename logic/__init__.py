"""Rules as code for the postgraduate education of Polish nurses and midwives.

The law: Rozporządzenie Ministra Zdrowia z 16 stycznia 2026 r. w sprawie kształcenia podyplomowego pielęgniarek i
położnych (Dz.U. 2026 poz. 57) and chapter 6 of the ustawa o zawodach pielęgniarki i położnej (Dz.U. 2026 poz. 15).

Pure Python and pydantic: nothing here imports streamlit or fpdf, and nothing reads the clock except `clock.py`,
which only the frames (app.py, the command line) call.

    from logic import Case, assess
    result = assess(Case.model_validate(data), as_of=date(2026, 11, 22))
"""
from .assess import Assessment, assess
from .case import Case
from .decision import Decision, Outcome

__all__ = ["Assessment", "Case", "Decision", "Outcome", "assess"]
