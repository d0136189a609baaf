"""Period counting (Kodeks cywilny art. 111–115), Polish public holidays and Polish dates.

Every expected value below comes from the calendar and the text of the law
(/work/shared/law/FIELDS-AND-DEADLINES.md § 4–5), not from running the code under test.
"""
from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from logic.periods import (add_days, add_months, add_years, day_off_note, day_off_reason, holiday_name, is_day_off,
                           months_between, next_working_day, polish_date)

D = date


# --- add_days (KC art. 111 § 2: the event's day is not counted) -------------------------------------------------

@pytest.mark.parametrize("start, days, expected", [
    (D(2026, 2, 2), 7, D(2026, 2, 9)),      # the example in § 4.3: served Monday 2 Feb, 7 days → Monday 9 Feb
    (D(2026, 5, 31), 5, D(2026, 6, 5)),     # the fee: 5 days after the 31 May cut-off
    (D(2026, 11, 30), 5, D(2026, 12, 5)),
    (D(2026, 12, 31), 1, D(2027, 1, 1)),    # over the year end
    (D(2028, 2, 28), 1, D(2028, 2, 29)),    # 2028 is a leap year
    (D(2027, 2, 28), 1, D(2027, 3, 1)),     # 2027 is not
    (D(2026, 11, 23), 0, D(2026, 11, 23)),
    (D(2026, 11, 23), 30, D(2026, 12, 23)),
    (D(2026, 12, 23), -30, D(2026, 11, 23)),
])
def test_a_period_in_days_ends_n_days_after_the_event_day(start, days, expected):
    assert add_days(start, days) == expected


# --- add_months (KC art. 112) -----------------------------------------------------------------------------------

@pytest.mark.parametrize("start, months, expected", [
    (D(2026, 1, 31), 1, D(2026, 2, 28)),    # no 31 February: the last day of February
    (D(2028, 1, 31), 1, D(2028, 2, 29)),    # … which is the 29th in a leap year
    (D(2026, 1, 30), 1, D(2026, 2, 28)),
    (D(2026, 1, 29), 1, D(2026, 2, 28)),
    (D(2028, 1, 29), 1, D(2028, 2, 29)),    # 29 Feb exists in 2028: same number
    (D(2026, 1, 28), 1, D(2026, 2, 28)),    # the 28th exists: same number, not the month end
    (D(2026, 1, 27), 1, D(2026, 2, 27)),
    (D(2026, 3, 31), 1, D(2026, 4, 30)),
    (D(2026, 4, 30), 1, D(2026, 5, 30)),    # a month-end start does not stick to month ends
    (D(2026, 11, 30), 3, D(2027, 2, 28)),   # the example in § 4.3
    (D(2026, 12, 15), 1, D(2027, 1, 15)),   # over the year end
    (D(2026, 8, 1), 6, D(2027, 2, 1)),
    (D(2025, 6, 2), 15, D(2026, 9, 2)),     # the 15-month minimum of a specjalizacja
    (D(2026, 8, 15), 18, D(2028, 2, 15)),
    (D(2026, 5, 31), 0, D(2026, 5, 31)),
])
def test_a_period_in_months_ends_on_the_same_day_number_or_the_last_day_of_the_month(start, months, expected):
    assert add_months(start, months) == expected


@pytest.mark.parametrize("start, months, expected", [
    (D(2026, 3, 31), -1, D(2026, 2, 28)),
    (D(2028, 3, 31), -1, D(2028, 2, 29)),
    (D(2026, 1, 15), -1, D(2025, 12, 15)),
    (D(2026, 11, 22), -24, D(2024, 11, 22)),
    (D(2026, 11, 22), -60, D(2021, 11, 22)),
])
def test_counting_months_backwards_follows_the_same_month_end_rule(start, months, expected):
    assert add_months(start, months) == expected


# --- add_years (KC art. 112; KPA art. 57 § 3a gives the same for 29 February) -----------------------------------

@pytest.mark.parametrize("start, years, expected", [
    (D(2028, 2, 29), 1, D(2029, 2, 28)),    # 29 February + 1 year: 28 February
    (D(2028, 2, 29), 4, D(2032, 2, 29)),    # … but + 4 years lands on another 29 February
    (D(2028, 2, 28), 1, D(2029, 2, 28)),    # the day before: plain same date
    (D(2028, 3, 1), 1, D(2029, 3, 1)),      # the day after: plain same date
    (D(2027, 2, 28), 1, D(2028, 2, 28)),    # into a leap year: stays on the 28th, not the 29th
    (D(2026, 11, 22), 5, D(2031, 11, 22)),
    (D(2026, 11, 22), -5, D(2021, 11, 22)),
    (D(2028, 2, 29), -1, D(2027, 2, 28)),
    (D(2028, 2, 29), -4, D(2024, 2, 29)),
])
def test_a_period_in_years_ends_on_the_same_date_and_29_february_ends_on_28_february(start, years, expected):
    assert add_years(start, years) == expected


# --- months_between ---------------------------------------------------------------------------------------------

@pytest.mark.parametrize("start, end, expected", [
    (D(2026, 1, 31), D(2026, 2, 27), 0),    # one day short of the month
    (D(2026, 1, 31), D(2026, 2, 28), 1),    # 31 Jan + 1 month = 28 Feb: one whole month
    (D(2026, 1, 15), D(2026, 2, 14), 0),
    (D(2026, 1, 15), D(2026, 2, 15), 1),
    (D(2024, 10, 1), D(2026, 9, 30), 23),   # one day short of two years
    (D(2024, 10, 1), D(2026, 10, 1), 24),
    (D(2026, 11, 22), D(2026, 11, 22), 0),
    (D(2026, 2, 28), D(2026, 1, 31), -1),   # reversed order: negative
    (D(2026, 10, 1), D(2024, 10, 1), -24),
])
def test_months_between_counts_only_whole_months(start, end, expected):
    assert months_between(start, end) == expected


# --- public holidays (ustawa o dniach wolnych od pracy, art. 1) --------------------------------------------------

@pytest.mark.parametrize("day", [
    D(2026, 1, 1),    # Nowy Rok
    D(2026, 1, 6),    # Trzech Króli
    D(2026, 4, 6),    # drugi dzień Wielkiej Nocy (Easter 2026: 5 April)
    D(2026, 5, 1),
    D(2026, 6, 4),    # Boże Ciało (Easter + 60)
    D(2026, 11, 11),  # Narodowe Święto Niepodległości, a Wednesday
    D(2026, 12, 24),  # Wigilia: a public holiday from 2025 (art. 1 pkt 1 lit. ka, in force 1.02.2025)
    D(2026, 12, 25),
    D(2027, 3, 29),   # Easter Monday 2027
    D(2027, 5, 27),   # Boże Ciało 2027
    D(2027, 12, 24),
    D(2028, 4, 17),   # Easter Monday 2028
    D(2028, 6, 15),   # Boże Ciało 2028
])
def test_statutory_public_holidays_are_days_off_with_a_name(day):
    assert day.weekday() < 5, "the chosen holidays fall on weekdays, so only the holiday makes them days off"
    assert holiday_name(day)
    assert is_day_off(day)


def test_wigilia_is_named_as_such():
    assert "Wigilia" in holiday_name(D(2026, 12, 24))


def test_wigilia_2025_was_the_first_wigilia_holiday_and_2024_was_a_working_day():
    assert holiday_name(D(2025, 12, 24)) is not None
    assert holiday_name(D(2024, 12, 24)) is None   # Tuesday; the amendment took effect on 1.02.2025
    assert not is_day_off(D(2024, 12, 24))


@pytest.mark.parametrize("day", [
    D(2026, 11, 10), D(2026, 11, 12),        # either side of 11 November
    D(2026, 12, 23), D(2026, 12, 28),        # either side of Christmas
    D(2026, 4, 7),                           # the day after Easter Monday
    D(2026, 6, 5),                           # the Friday after Boże Ciało is not a holiday
    D(2026, 11, 30),                         # the autumn application cut-off, a Monday
    D(2026, 1, 20),                          # the regulation's entry into force, a Tuesday
])
def test_ordinary_weekdays_are_working_days(day):
    assert day.weekday() < 5
    assert holiday_name(day) is None
    assert not is_day_off(day)
    assert day_off_reason(day) is None


@pytest.mark.parametrize("day, reason", [
    (D(2026, 11, 28), "sobota"),
    (D(2026, 11, 29), "niedziela"),
    (D(2026, 5, 30), "sobota"),
    (D(2026, 5, 31), "niedziela"),
])
def test_saturdays_and_sundays_are_days_off(day, reason):
    assert is_day_off(day)
    assert day_off_reason(day) == reason


def test_a_holiday_names_itself_as_the_reason_for_the_day_off():
    assert "Wigilia" in day_off_reason(D(2026, 12, 24))
    assert "wolny od pracy" in day_off_reason(D(2026, 11, 11))


# --- next_working_day (KC art. 115) -----------------------------------------------------------------------------

@pytest.mark.parametrize("day, expected", [
    (D(2026, 11, 30), D(2026, 11, 30)),   # a working Monday stays
    (D(2026, 12, 31), D(2026, 12, 31)),   # a working Thursday stays
    (D(2026, 5, 31), D(2026, 6, 1)),      # Sunday → Monday
    (D(2026, 11, 28), D(2026, 11, 30)),   # Saturday → Monday
    (D(2026, 11, 11), D(2026, 11, 12)),   # Wednesday holiday → Thursday
    (D(2026, 12, 24), D(2026, 12, 28)),   # Wigilia, Christmas, Saturday, Sunday → Monday 28th
    (D(2026, 10, 31), D(2026, 11, 2)),    # Saturday, then Sunday 1 November → Monday
    (D(2027, 1, 1), D(2027, 1, 4)),       # Friday holiday, weekend → Monday
    (D(2027, 5, 1), D(2027, 5, 4)),       # Saturday 1 May, Sunday, Monday 3 May → Tuesday
    (D(2026, 4, 4), D(2026, 4, 7)),       # Saturday, Easter Sunday, Easter Monday → Tuesday
])
def test_next_working_day_skips_saturdays_sundays_and_holidays(day, expected):
    assert next_working_day(day) == expected


# --- day_off_note -----------------------------------------------------------------------------------------------

def test_a_term_on_a_working_day_gets_no_note():
    assert day_off_note(D(2026, 11, 30)) is None


def test_the_note_for_a_term_on_a_sunday_names_the_day_and_the_next_working_day():
    note = day_off_note(D(2026, 5, 31))
    assert "31 maja 2026 r." in note
    assert "niedziela" in note
    assert "1 czerwca 2026 r." in note
    assert "art. 115" in note


def test_the_note_for_a_term_on_wigilia_names_the_holiday_and_monday_the_28th():
    note = day_off_note(D(2026, 12, 24))
    assert "24 grudnia 2026 r." in note
    assert "Wigilia" in note
    assert "28 grudnia 2026 r." in note


# --- polish_date ------------------------------------------------------------------------------------------------

@pytest.mark.parametrize("day, text", [
    (D(2026, 11, 30), "30 listopada 2026 r."),
    (D(2027, 1, 1), "1 stycznia 2027 r."),
    (D(2026, 2, 28), "28 lutego 2026 r."),
    (D(2026, 3, 1), "1 marca 2026 r."),
    (D(2026, 4, 6), "6 kwietnia 2026 r."),
    (D(2026, 5, 31), "31 maja 2026 r."),
    (D(2026, 6, 5), "5 czerwca 2026 r."),
    (D(2026, 7, 1), "1 lipca 2026 r."),
    (D(2026, 8, 15), "15 sierpnia 2026 r."),
    (D(2026, 9, 1), "1 września 2026 r."),
    (D(2026, 10, 31), "31 października 2026 r."),
    (D(2026, 12, 24), "24 grudnia 2026 r."),
])
def test_polish_date_writes_the_day_the_month_in_the_genitive_and_the_year_with_r(day, text):
    assert polish_date(day) == text


# --- properties of the month arithmetic -------------------------------------------------------------------------

dates = st.dates(min_value=D(1990, 1, 1), max_value=D(2040, 12, 31))


@settings(max_examples=300, deadline=None)
@given(start=dates, months=st.integers(min_value=-120, max_value=120))
def test_adding_months_keeps_the_day_number_unless_the_month_is_too_short(start, months):
    end = add_months(start, months)
    assert (end.year * 12 + end.month) - (start.year * 12 + start.month) == months
    if end.day != start.day:
        assert end.day < start.day
        assert (end + timedelta(days=1)).day == 1, "only a month's last day may stand in for a missing day number"


@settings(max_examples=300, deadline=None)
@given(start=dates, months=st.integers(min_value=0, max_value=120))
def test_months_between_a_day_and_that_day_plus_n_months_is_n_and_one_day_less_is_fewer(start, months):
    end = add_months(start, months)
    assert months_between(start, end) == months
    if months > 0:
        assert months_between(start, end - timedelta(days=1)) == months - 1
