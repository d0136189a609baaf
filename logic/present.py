"""One place that turns dated steps and warnings into Polish text for the screen, the PDFs, the calendar file and
the terminal, so that they all say the same."""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

from . import parameters as P
from .decision import Outcome, Step, StepKind
from .experience import requirement_text, years_word
from .periods import polish_date, term_text



@dataclass(frozen=True)
class ResultGroup:
    """A group of decisions as "Wynik" and the summary PDF show them, by outcome."""

    key: str
    title: str
    outcomes: tuple[Outcome, ...]
    intro: str


RESULT_GROUPS: tuple[ResultGroup, ...] = (
    ResultGroup("mozesz", "Możesz", (Outcome.MEETS,), "Według Twoich odpowiedzi warunki są spełnione."),
    ResultGroup("jeszcze_nie", "Jeszcze nie", (Outcome.DOES_NOT_MEET,),
                "Tych warunków dziś nie spełniasz. Przy każdym podajemy, od kiedy najwcześniej możesz je spełnić "
                "i co może to zmienić."),
    ResultGroup("na_wniosek", "Na wniosek — decyduje organizator / dyrektor CMKP",
                (Outcome.ON_REQUEST, Outcome.FOR_DECISION),
                "Tu możesz złożyć wniosek, ale decyzję podejmuje organizator kształcenia albo dyrektor CMKP."),
    ResultGroup("do_wyjasnienia", "Wymaga wyjaśnienia", (Outcome.NEEDS_REVIEW,),
                "Brakuje informacji albo sprawa wykracza poza to, co asystent umie ocenić."),
)
GOAL_TITLE = "Twój cel"
EMPTY_GROUP = "Nic w tej grupie."

DISCLAIMER = ("Asystent niczego nie rozstrzyga. Wnioski składa się przez SMK, a decyzje podejmuje organizator "
              "kształcenia, dyrektor CMKP, a od 2027 r. w sprawach egzaminu państwowego – dyrektor CEM. "
              "Sprawdź zawsze aktualny tekst przepisów.")


def step_when(step: Step) -> str:
    """The step's date as we advise it, with its window end, and the last day when the term moves past a day off:
    "31 maja 2029 r. (Boże Ciało) – termin upływa 1 czerwca 2029 r."."""
    when = term_text(step.date, step.last_day) + (f" – {polish_date(step.end)}" if step.end else "")
    return f"od {when}" if step.kind is StepKind.EARLIEST else when


def last_moment(step: Step):
    """The last day on which the step is still ahead: its window's end, its moved last day, or its date."""
    return step.end or step.last_day or step.date


_PLACEHOLDER = re.compile(r"\{(years|months|n|date|since|until):([a-z_]+)(?:=([A-Za-z]+))?\}")


def fill(text: str, on: date) -> str:
    """A fixed Polish text (a glossary entry, a step's help) with the law's numbers filled in from the dated
    parameters in force on `on`, so that the text cannot keep a number the law has changed:

    {years:NAME} "5 lat" · {months:NAME} "6 miesięcy" / "2 lata" · {n:NAME} "3" · {date:NAME} "1 lipca 1999 r." ·
    {since:NAME=VALUE} the first day VALUE holds · {until:NAME=VALUE} the day before it.
    """
    def one(m: re.Match) -> str:
        kind, name, wanted = m.groups()
        if kind in ("since", "until"):
            start = next(v.start for v in P.load()[name].values if v.value == wanted)
            return polish_date(start if kind == "since" else start - timedelta(days=1))
        value = P.value(name, on)
        if kind == "years":
            return years_word(value)
        if kind == "months":
            return requirement_text(value)
        if kind == "date":
            return polish_date(value)
        return str(value)

    return _PLACEHOLDER.sub(one, text)
