"""Work experience (staż pracy) computed from employment periods, counted the way Polish employers count it.

Units: ustawa art. 67 ust. 4 pkt 2 (2 years within the last 5, before a specialization), art. 71 ust. 2 pkt 2
(6 months, before a qualification course), rozporządzenie § 4 ust. 3 (5 years in the field, for a credit of
practical training); Kodeks cywilny art. 112 and art. 114 for the counting.

How a total is reached (the settled reading, written down in docs/READINGS.md, reading 1):
- overlapping periods are merged, so that a day counts once; periods that touch (one ends the day before the next
  begins) are one continuous run;
- only what lies in the window counts: "w okresie ostatnich 5 lat" is from the same day five years before the as-of
  date to the day before it; without a window, everything up to the day before the as-of date;
- each continuous run is counted in whole calendar months (KC art. 112: a run whose first day is 1 February has six
  months on 31 July; one from 15 March on 14 September) plus the days left over (1 March – 15 April: 1 month and
  15 days);
- the runs' months and left-over days are added, and every 30 left-over days make one more month (KC art. 114:
  where continuity is not required, a month is 30 days); 12 months make a year;
- a requirement of N months (or years) is met when that total reaches N months.
For work that lies wholly in the past and inside the window, the total is the same on every as-of date.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta

from .case import Employment
from .common import same_field
from .periods import add_months, add_years

ONE_DAY = timedelta(days=1)
FAR_FUTURE = date(9000, 1, 1)  # stands for an ongoing period
DAYS_PER_MONTH = 30  # KC art. 114
MONTHS_PER_YEAR = 12


@dataclass(frozen=True)
class WorkHistory:
    """Merged employment intervals (inclusive) and whether work goes on after the as-of date."""

    intervals: tuple[tuple[date, date], ...]  # inclusive, merged, sorted; may extend past as_of
    continues: bool  # some period is ongoing (or ends in the future): the person keeps working
    missing: tuple[str, ...] = field(default=())  # case fields that are unknown and matter


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
    return WorkHistory(tuple(_merge(raw)), continues, tuple(missing))


def _merge(intervals: list[tuple[date, date]]) -> list[tuple[date, date]]:
    merged: list[list[date]] = []
    for start, end in sorted(intervals):
        if merged and start <= merged[-1][1] + ONE_DAY:
            if end > merged[-1][1]:
                merged[-1][1] = end
        else:
            merged.append([start, end])
    return [(s, e) for s, e in merged]


def months_end(first: date, months: int) -> date:
    """The last day of `months` calendar months whose first day is `first` (KC art. 112).

    Normally the day before the same-numbered day `months` later (1 February + 6 months → 31 July). When that month
    has no day with the first day's number, the months end with that month's last day (31 August + 6 → 28/29 Feb).
    """
    same_day = add_months(first, months)
    return same_day if same_day.day != first.day else same_day - ONE_DAY


def run_length(first: date, last: date) -> tuple[int, int]:
    """(whole calendar months, days left over) of one continuous run from `first` to `last`, both included."""
    if last < first:
        return 0, 0
    # A first guess from the calendar, then corrected by at most a step either way.
    months = (last.year - first.year) * 12 + (last.month - first.month)
    while months > 0 and months_end(first, months) > last:
        months -= 1
    while months_end(first, months + 1) <= last:
        months += 1
    end_of_whole = months_end(first, months) if months else first - ONE_DAY
    return months, (last - end_of_whole).days


@dataclass(frozen=True)
class Length:
    """A total of work experience: whole months and the days left over (fewer than 30)."""

    months: int
    days: int

    @property
    def years(self) -> int:
        return self.months // MONTHS_PER_YEAR


def total_length(runs: list[tuple[date, date]]) -> tuple[Length, int]:
    """Add up runs (KC art. 112 per run, KC art. 114 for left-over days); also return how many runs were counted."""
    months = days = counted = 0
    for first, last in runs:
        if last < first:
            continue
        m, d = run_length(first, last)
        months += m
        days += d
        counted += 1
    months += days // DAYS_PER_MONTH
    return Length(months, days % DAYS_PER_MONTH), counted


def _window_runs(history: WorkHistory, day: date, window_years: int | None) -> list[tuple[date, date]]:
    """The runs of work clipped to the window that applies on `day` (inclusive), in order."""
    last = day - ONE_DAY
    start = add_years(day, -window_years) if window_years else None
    runs = []
    for first, end in history.intervals:
        lo = first if start is None or first > start else start
        hi = end if end < last else last
        if hi >= lo:
            runs.append((lo, hi))
    return runs


def length_on(history: WorkHistory, day: date, window_years: int | None = None) -> tuple[Length, int]:
    """The work experience counted on `day` (only days before it; within the last `window_years`, if given)."""
    return total_length(_window_runs(history, day, window_years))


@dataclass(frozen=True)
class ExperienceCheck:
    met: bool
    length: Length  # counted on the as-of date
    needed_months: int
    runs: int  # separate runs of work that were added up
    earliest: date | None  # the first day the requirement is met if work continues as recorded; None if never

    def facts(self) -> dict:
        """The counted total as decision facts: whole months (after KC art. 114), left-over days, months needed,
        and how many separate runs were added."""
        return {"experience_months": self.length.months, "experience_days": self.length.days,
                "needed_months": self.needed_months, "runs": self.runs}


def check_experience(history: WorkHistory, as_of: date, months: int, window_years: int | None = None) -> ExperienceCheck:
    """Is `months` of work reached on `as_of` (within the last `window_years`, if given)? And if not, when?"""
    length, runs = length_on(history, as_of, window_years)
    if length.months >= months:
        return ExperienceCheck(True, length, months, runs, as_of)
    return ExperienceCheck(False, length, months, runs, _earliest(history, as_of, months, window_years))


def _points(length: Length) -> int:
    """The total as days of 30-day months: the requirement of N months is met at 30 × N points."""
    return length.months * DAYS_PER_MONTH + length.days


def _earliest(history: WorkHistory, as_of: date, months: int, window_years: int | None) -> date | None:
    """First day after `as_of` on which the requirement is met, projecting the recorded periods forward.

    Each new day adds one day to the run that is growing; when that run completes a calendar month (28 to 31 days)
    its left-over days restart from zero, so the total in 30-day points grows by at most 3 on that day and by 1 on
    the others: at most d + 2 × (d // 28 + 1) points in d days. Days leaving the window only lower the total. So it
    is safe to jump ahead by the days that cannot close the gap, and the first day found is the first day met.
    """
    if not history.intervals:
        return None
    last_worked = max(end for _, end in history.intervals)
    horizon = add_months(as_of, 12 * ((window_years or 0) + 3) + months)
    target = months * DAYS_PER_MONTH
    day = as_of + ONE_DAY
    while day <= horizon:
        length, _ = length_on(history, day, window_years)
        gap = target - _points(length)
        if gap <= 0:
            return day
        if day > last_worked:
            return None  # the recorded work has ended and the requirement was not reached
        day += timedelta(days=max(1, (gap - 2) * 28 // 30))
    return None


def plural(n: int, one: str, few: str, many: str) -> str:
    """The Polish form of a noun for the number n: 1 plik, 2 pliki, 5 plików (12–14 take the third)."""
    if n == 1:
        return one
    if n % 10 in (2, 3, 4) and n % 100 not in (12, 13, 14):
        return few
    return many


def years_word(n: int) -> str:
    return f"{n} {plural(n, 'rok', 'lata', 'lat')}"


def months_word(n: int) -> str:
    return f"{n} {plural(n, 'miesiąc', 'miesiące', 'miesięcy')}"


def days_word(n: int) -> str:
    return f"{n} {plural(n, 'dzień', 'dni', 'dni')}"


def length_text(length: Length) -> str:
    """ "1 rok, 7 miesięcy i 12 dni"; "6 miesięcy"; "0 dni" for no work at all."""
    parts = []
    if length.years:
        parts.append(years_word(length.years))
    if length.months % MONTHS_PER_YEAR:
        parts.append(months_word(length.months % MONTHS_PER_YEAR))
    if length.days:
        parts.append(days_word(length.days))
    if not parts:
        return days_word(0)
    return parts[0] if len(parts) == 1 else ", ".join(parts[:-1]) + " i " + parts[-1]


def requirement_text(months: int) -> str:
    """ "2 lata", "6 miesięcy", "1 rok i 6 miesięcy" for a requirement of `months` months."""
    return length_text(Length(months, 0))
