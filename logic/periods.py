"""Counting periods and dates the way Polish civil law does.

The one place where days, months and years are added (Kodeks cywilny art. 111–115; KPA art. 57 reads the same
for months). Rules never do date arithmetic of their own.

- A period in days that starts with an event does not count the event's day (KC art. 111 § 2): it ends on
  `start + n days`.
- A period in months or years ends on the day with the same number in the last month, or on that month's last
  day when there is none (KC art. 112): 31 Jan + 1 month = 28/29 Feb; 29 Feb + 1 year = 28 Feb.
- A term for doing something (applying, paying, fixing a defect, issuing a document) that ends on a Saturday, a
  Sunday or a public holiday runs to the next working day (KPA art. 57 § 4, KC art. 115). The statute excludes only
  art. 64 of the KPA for the exam application (art. 67 ust. 9 ustawy), and practice moves such deadlines, so this
  is the settled reading. We still advise the date the law gives and show the moved last day beside it
  (`term_last_day`, `day_off_note`). Durations (15 months, a break of at most 5 years, 18 months for a retake) are
  never moved (`duration_day_off_note`).
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
KPA_57_4 = ref(ActKey.KPA, "57", "4")
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


def day_off_label(day: date) -> str | None:
    """ "Boże Ciało", "sobota", "niedziela" – why `day` is not a working day, in a word; None on a working day."""
    return holiday_name(day) or {5: "sobota", 6: "niedziela"}.get(day.weekday())


def day_off_reason(day: date) -> str | None:
    """Why `day` is not a working day, in Polish ("sobota", "niedziela", "dzień ustawowo wolny od pracy (…)")."""
    name = holiday_name(day)
    return f"dzień ustawowo wolny od pracy ({name})" if name else day_off_label(day)


def term_text(day: date, last_day: date | None) -> str:
    """A term's date as the law gives it and, when it moved past a day off, its last day:
    "31 maja 2029 r. (Boże Ciało) – termin upływa 1 czerwca 2029 r."."""
    if last_day is None:
        return polish_date(day)
    return f"{polish_date(day)} ({day_off_label(day)}) – termin upływa {polish_date(last_day)}"


def previous_working_day(day: date) -> date:
    """The last day on or before `day` that is neither a Saturday, a Sunday nor a public holiday."""
    while is_day_off(day):
        day -= timedelta(days=1)
    return day


def term_last_day(day: date) -> date | None:
    """The last day of a term to act whose date is `day`, when `day` is a day off; None on a working day."""
    return next_working_day(day) if is_day_off(day) else None


def day_off_note(day: date, act: str = "dokonać czynności") -> str | None:
    """A visible note for a term to act that ends on a day off; None on a working day. `act` is the infinitive
    ("złożyć wniosek", "wnieść opłatę")."""
    why = day_off_reason(day)
    if why is None:
        return None
    return (f"{polish_date(day)} to {why}: termin upływa {polish_date(next_working_day(day))} (art. 57 § 4 Kodeksu "
            f"postępowania administracyjnego, art. 115 Kodeksu cywilnego). Bezpieczniej {act} do "
            f"{polish_date(day)}")


def duration_day_off_note(day: date) -> str | None:
    """A note for the end of a duration that falls on a day off: it does not move (KC art. 115 is about terms to
    act)."""
    why = day_off_reason(day)
    if why is None:
        return None
    return (f"{polish_date(day)} to {why}. To koniec okresu, a nie termin do dokonania czynności, więc nie przesuwa się "
            f"na następny dzień roboczy.")


@lru_cache(maxsize=8192)
def polish_date(day: date) -> str:
    """A date in Polish long form, e.g. "30 listopada 2026 r."."""
    return f"{format_date(day, format='long', locale='pl_PL')} r."


def counting_refs() -> list[Ref]:
    return [KC_111, KC_112, KC_115, KPA_57_4]
