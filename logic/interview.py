"""The interview as data: its steps, and which steps matter for which goal.

The pages only render these steps; the routing (`steps_for`, `next_step`, `previous_step`) is decided here so that
it can be tested without Streamlit. A step is skipped when no rule that serves the chosen goal reads its facts.
"""
from __future__ import annotations

from dataclasses import dataclass

from .case import Form

ALL_GOALS: frozenset[Form | None] = frozenset([*Form, None])


@dataclass(frozen=True)
class InterviewStep:
    key: str
    title: str  # Polish, plain words first
    help: str  # one line under the title
    goals: frozenset[Form | None]  # the goals for which the step is asked
    case_fields: tuple[str, ...]  # the Case fields the step fills


STEPS: tuple[InterviewStep, ...] = (
    InterviewStep("cel", "Co chcesz zrobić", "Wybierz rodzaj kształcenia albo egzamin państwowy.", ALL_GOALS,
                  ("goal",)),
    InterviewStep("zawod", "Zawód i prawo wykonywania zawodu",
                  "Tytuł zawodowy i zaświadczenie o prawie wykonywania zawodu (PWZ).", ALL_GOALS,
                  ("person", "profession", "right_to_practise")),
    InterviewStep("praca", "Przebieg pracy", "Okresy pracy w zawodzie – od nich zależy staż pracy.",
                  frozenset({Form.SPECJALIZACJA, Form.KURS_KWALIFIKACYJNY, None}), ("employment",)),
    InterviewStep("wyksztalcenie", "Wykształcenie i tytuły specjalisty",
                  "Stopnie i tytuły, np. magister, doktor, tytuł specjalisty.",
                  frozenset({Form.SPECJALIZACJA, Form.KURS_KWALIFIKACYJNY, Form.EGZAMIN_PANSTWOWY, None}),
                  ("degrees", "specialist_titles")),
    InterviewStep("kursy", "Ukończone kursy", "Kursy kwalifikacyjne, specjalistyczne i dokształcające.",
                  frozenset({Form.SPECJALIZACJA, Form.KURS_KWALIFIKACYJNY, None}), ("courses",)),
    InterviewStep("studia", "Studia podyplomowe", "Studia podyplomowe w dziedzinie specjalizacji.",
                  frozenset({Form.SPECJALIZACJA, None}), ("postgraduate_studies",)),
    InterviewStep("zagranica", "Szkolenia za granicą", "Szkolenia trwające co najmniej 3 miesiące.",
                  frozenset({Form.SPECJALIZACJA, None}), ("foreign_training",)),
    InterviewStep("specjalizacje", "Rozpoczęte specjalizacje",
                  "Specjalizacje ukończone, w trakcie albo przerwane, także dofinansowane.",
                  frozenset({Form.SPECJALIZACJA, Form.KURS_KWALIFIKACYJNY, Form.EGZAMIN_PANSTWOWY, None}),
                  ("specializations", "exemption")),
    InterviewStep("egzamin", "Podejścia do egzaminu państwowego", "Wcześniejsze sesje: wynik albo nieobecność.",
                  frozenset({Form.SPECJALIZACJA, Form.EGZAMIN_PANSTWOWY, None}), ("state_exam_attempts",)),
    InterviewStep("przeglad", "Sprawdź odpowiedzi", "Przejrzyj odpowiedzi i popraw, co trzeba.", ALL_GOALS, ()),
)
BY_KEY = {s.key: s for s in STEPS}


def steps_for(goal: Form | None) -> list[InterviewStep]:
    """The steps asked for this goal, in order."""
    return [s for s in STEPS if goal in s.goals]


def next_step(current: str, goal: Form | None) -> str | None:
    """The key of the step after `current` for this goal; None after the last one."""
    keys = [s.key for s in steps_for(goal)]
    if current not in keys:
        # the goal changed and this step is no longer asked: continue from the first asked step after it
        order = [s.key for s in STEPS]
        later = [k for k in keys if order.index(k) > order.index(current)]
        return later[0] if later else None
    i = keys.index(current)
    return keys[i + 1] if i + 1 < len(keys) else None


def previous_step(current: str, goal: Form | None) -> str | None:
    keys = [s.key for s in steps_for(goal)]
    if current not in keys:
        order = [s.key for s in STEPS]
        earlier = [k for k in keys if order.index(k) < order.index(current)]
        return earlier[-1] if earlier else None
    i = keys.index(current)
    return keys[i - 1] if i > 0 else None


def progress(current: str, goal: Form | None) -> tuple[int, int]:
    """(position of `current` counted from 1, number of steps) for the progress bar."""
    keys = [s.key for s in steps_for(goal)]
    return (keys.index(current) + 1 if current in keys else 1, len(keys))
