"""Work experience (staż pracy) computed from employment periods.

Reading taken (written down because the statute is silent on how to add up separate periods):
- Days are counted, and overlapping or adjacent periods count once.
- Only whole days before the as-of date count: on the as-of day the person has completed work up to the day before.
- A requirement of N months (or years) is met when the days worked in the relevant window are at least the
  number of calendar days in the N months immediately before the as-of date. For one continuous period this is
  exactly the calendar rule of KC art. 112 (6 months from 1 August are complete on 1 February); separate periods
  are added day by day. KC art. 114 (a month as 30 days when continuity is not required) would differ from this by
  at most a few days; we show a note whenever periods are added up.
- "W okresie ostatnich 5 lat" (art. 67 ust. 4 pkt 2) is the window from the same day five years before the as-of
  date to the day before the as-of date.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta

from .case import Employment
from .common import same_field
from .periods import add_months

ONE_DAY = timedelta(days=1)
FAR_FUTURE = date(9000, 1, 1)  # stands for an ongoing period


@dataclass(frozen=True)
class WorkHistory:
    """Merged employment intervals (inclusive) and whether work goes on after the as-of date."""

    intervals: tuple[tuple[date, date], ...]  # inclusive, merged, sorted; may extend past as_of
    continues: bool  # some period is ongoing (or ends in the future): the person keeps working
    missing: tuple[str, ...] = field(default=())  # case fields that are unknown and matter
    separate_periods: int = 0  # how many separate runs of work there are before as_of


def work_history(employment: list[Employment] | None, as_of: date, unit_field: str | None = None,
                 path: str = "employment") -> WorkHistory:
    """Collect the periods of work in the profession (optionally only those in units of `unit_field`)."""
    if employment is None:
        return WorkHistory((), False, (path,))
    missing: list[str] = []
    raw: list[tuple[date, date]] = []
    continues = False
    for i, period in enumerate(employment):
        if period.in_profession is False:
            continue
        if period.in_profession is None:
            missing.append(f"{path}[{i}].in_profession")
            continue
        if unit_field is not None:
            if period.unit_field is None:
                missing.append(f"{path}[{i}].unit_field")
                continue
            if not same_field(period.unit_field, unit_field):
                continue
        if period.start is None:
            missing.append(f"{path}[{i}].start")
            continue
        if period.ongoing:
            end = FAR_FUTURE
        elif period.end is None:
            missing.append(f"{path}[{i}].end")
            continue
        else:
            end = period.end
        if end >= as_of:
            continues = True
        raw.append((period.start, end))
    merged = _merge(raw)
    runs_before = sum(1 for s, _ in merged if s < as_of)
    return WorkHistory(tuple(merged), continues, tuple(missing), runs_before)


def _merge(intervals: list[tuple[date, date]]) -> list[tuple[date, date]]:
    merged: list[list[date]] = []
    for start, end in sorted(intervals):
        if merged and start <= merged[-1][1] + ONE_DAY:
            if end > merged[-1][1]:
                merged[-1][1] = end
        else:
            merged.append([start, end])
    return [(s, e) for s, e in merged]


def days_worked(history: WorkHistory, window_start: date | None, as_of: date) -> int:
    """Days worked from `window_start` (inclusive; None = no limit) to the day before `as_of`."""
    last = as_of - ONE_DAY
    total = 0
    for start, end in history.intervals:
        lo = start if window_start is None or start > window_start else window_start
        hi = end if end < last else last
        if hi >= lo:
            total += (hi - lo).days + 1
    return total


def required_days(as_of: date, months: int) -> int:
    """Calendar days in the `months` months immediately before `as_of`."""
    return (as_of - add_months(as_of, -months)).days


@dataclass(frozen=True)
class ExperienceCheck:
    met: bool
    worked_days: int
    needed_days: int
    earliest: date | None  # the first day the requirement is met if work continues as recorded; None if never


def check_experience(history: WorkHistory, as_of: date, months: int, window_years: int | None = None) -> ExperienceCheck:
    """Is `months` of work reached on `as_of` (within the last `window_years`, if given)? And if not, when?"""
    worked = _worked_on(history, as_of, window_years)
    needed = required_days(as_of, months)
    if worked >= needed:
        return ExperienceCheck(True, worked, needed, as_of)
    return ExperienceCheck(False, worked, needed, _earliest(history, as_of, months, window_years))


def _worked_on(history: WorkHistory, day: date, window_years: int | None) -> int:
    window_start = add_months(day, -12 * window_years) if window_years else None
    return days_worked(history, window_start, day)


def _earliest(history: WorkHistory, as_of: date, months: int, window_years: int | None) -> date | None:
    """First day after `as_of` on which the requirement is met, projecting the recorded periods forward.

    Each day adds at most one worked day and the needed count varies by at most three days from one month to
    the next, so we may jump ahead by the shortfall less three days without skipping the answer.
    """
    if not history.intervals:
        return None
    last_worked = max(end for _, end in history.intervals)
    horizon = add_months(as_of, 12 * ((window_years or 0) + 3) + months)
    day = as_of + ONE_DAY
    while day <= horizon:
        worked = _worked_on(history, day, window_years)
        needed = required_days(day, months)
        if worked >= needed:
            return day
        if day > last_worked:
            return None  # the recorded work has ended and the requirement was not reached
        day += timedelta(days=max(1, needed - worked - 3))
    return None
