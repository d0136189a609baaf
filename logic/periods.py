"""Counting periods and dates the way Polish civil law does.

The one place where days, months and years are added (Kodeks cywilny art. 111–115; KPA art. 57 reads the same
for months). Rules never do date arithmetic of their own.

- A period in days that starts with an event does not count the event's day (KC art. 111 § 2): it ends on
  `start + n days`.
- A period in months or years ends on the day with the same number in the last month, or on that month's last
  day when there is none (KC art. 112): 31 Jan + 1 month = 28/29 Feb; 29 Feb + 1 year = 28 Feb.
- A term for doing something that ends on a Saturday, a Sunday or a public holiday moves to the next working day
  under KC art. 115 / KPA art. 57 § 4. Whether that applies to the fixed dates of the 2026 regulation (31 May,
  30 November …) is not settled, so we keep the date the law gives and attach a visible note naming the next
  working day (`day_off_note`). Durations (15 months, 5 years) are never moved.
"""
from __future__ import annotations

import calendar
from datetime import date, timedelta
from functools import lru_cache

import holidays as holidays_lib
from babel.dates import format_date

from .references import ActKey, Ref, ref

KC_111 = ref(ActKey.KODEKS_CYWILNY, "111", "2")
KC_112 = ref(ActKey.KODEKS_CYWILNY, "112")
KC_115 = ref(ActKey.KODEKS_CYWILNY, "115")
DNI_WOLNE_1 = ref(ActKey.DNI_WOLNE, "1")


def add_days(start: date, days: int) -> date:
    """End of a period of `days` days counted from an event on `start` (the event's day not counted)."""
    return start + timedelta(days=days)


def add_months(start: date, months: int) -> date:
    """End of a period of `months` months from `start` (KC art. 112): same day number, or the month's last day."""
    index = start.year * 12 + (start.month - 1) + months
    year, month = divmod(index, 12)
    month += 1
    last = calendar.monthrange(year, month)[1]
    return date(year, month, min(start.day, last))


def add_years(start: date, years: int) -> date:
    """End of a period of `years` years from `start`; 29 February ends on 28 February (KC art. 112)."""
    return add_months(start, 12 * years)


def months_between(start: date, end: date) -> int:
    """Whole months from `start` to `end` counted as in KC art. 112 (how many months have fully elapsed)."""
    if end < start:
        return -months_between(end, start)
    months = (end.year - start.year) * 12 + (end.month - start.month)
    if add_months(start, months) > end:
        months -= 1
    return months


@lru_cache(maxsize=64)
def _polish_holidays(year: int) -> dict[date, str]:
    return dict(holidays_lib.country_holidays("PL", years=year, language="pl"))


def holiday_name(day: date) -> str | None:
    """The name of the statutory public holiday on `day` (ustawa o dniach wolnych od pracy, art. 1), or None."""
    return _polish_holidays(day.year).get(day)


def is_day_off(day: date) -> bool:
    """Saturday, Sunday or a statutory public holiday: the days on which a term does not end (KC art. 115)."""
    return day.weekday() >= 5 or holiday_name(day) is not None


def next_working_day(day: date) -> date:
    """The first day on or after `day` that is neither a Saturday, a Sunday nor a public holiday."""
    while is_day_off(day):
        day += timedelta(days=1)
    return day


def day_off_reason(day: date) -> str | None:
    """Why `day` is not a working day, in Polish ("sobota", "niedziela", "święto: Boże Narodzenie")."""
    name = holiday_name(day)
    if name:
        return f"dzień ustawowo wolny od pracy ({name})"
    if day.weekday() == 5:
        return "sobota"
    if day.weekday() == 6:
        return "niedziela"
    return None


def day_off_note(day: date) -> str | None:
    """A visible note for a term that ends on a day off; None on a working day."""
    why = day_off_reason(day)
    if why is None:
        return None
    nxt = next_working_day(day)
    return (
        f"{polish_date(day)} to {why}. Podajemy datę wynikającą z przepisu. Według art. 115 Kodeksu cywilnego "
        f"termin do dokonania czynności przypadający na dzień wolny upływa w najbliższym dniu roboczym "
        f"({polish_date(nxt)}), ale przepisy o kształceniu podyplomowym nie mówią, czy dotyczy to tego terminu. "
        f"Bezpieczniej dokonać czynności najpóźniej w dniu podanym w przepisie."
    )


@lru_cache(maxsize=8192)
def polish_date(day: date) -> str:
    """A date in Polish long form, e.g. "30 listopada 2026 r."."""
    return f"{format_date(day, format='long', locale='pl_PL')} r."


def counting_refs() -> list[Ref]:
    return [KC_111, KC_112, KC_115]
