"""One place that turns dated steps and warnings into Polish text for the screen, the PDFs, the calendar file and
the terminal, so that they all say the same."""
from __future__ import annotations

from .decision import Step, StepKind
from .periods import holiday_name, polish_date


def day_off_label(day) -> str | None:
    """ "Boże Ciało", "sobota", "niedziela" – why a day is not a working day; None on a working day."""
    name = holiday_name(day)
    if name:
        return name
    return {5: "sobota", 6: "niedziela"}.get(day.weekday())


def step_when(step: Step) -> str:
    """The step's date as we advise it, with its window end, and the last day when the term moves past a day off:
    "31 maja 2029 r. (Boże Ciało) – termin upływa 1 czerwca 2029 r."."""
    when = polish_date(step.date) + (f" – {polish_date(step.end)}" if step.end else "")
    if step.last_day is not None and step.last_day != step.date:
        why = day_off_label(step.date)
        when += (f" ({why})" if why else "") + f" – termin upływa {polish_date(step.last_day)}"
    return f"od {when}" if step.kind is StepKind.EARLIEST else when


def last_moment(step: Step):
    """The last day on which the step is still ahead: its window's end, its moved last day, or its date."""
    return step.end or step.last_day or step.date
