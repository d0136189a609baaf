"""Work experience (staż pracy) from employment periods: logic/experience.py.

Every expected value below is worked out by hand from the calendar and the reading written down in the module
(and in docs/READINGS.md, readings 1–3): days are counted, overlapping or adjacent periods once, only days before
the as-of date; N months are met when the days worked reach the calendar days of the N months just before the
as-of date (KC art. 112 for one continuous period); the five-year window of art. 67 ust. 4 pkt 2 runs from the same
day five years back to the day before the as-of date.
"""
from __future__ import annotations

from datetime import date

import pytest

from logic.case import Employment
from logic.experience import (FAR_FUTURE, WorkHistory, check_experience, days_worked, required_days,
                              work_history)

D = date


def job(start: date | None, end: date | None = None, *, ongoing: bool = False, in_profession: bool | None = True,
        unit_field: str | None = None) -> Employment:
    return Employment(start=start, end=end, ongoing=ongoing, in_profession=in_profession, unit_field=unit_field)


def history(*periods: tuple[date, date], continues: bool = False) -> WorkHistory:
    return WorkHistory(tuple(periods), continues)


# --- work_history: which periods count, which facts are missing ---------------------------------------------------

def test_unknown_employment_is_named_missing():
    h = work_history(None, D(2026, 11, 22))
    assert h.intervals == ()
    assert h.missing == ("employment",)
    assert h.continues is False


def test_empty_employment_list_means_no_work_not_unknown():
    h = work_history([], D(2026, 11, 22))
    assert h.intervals == ()
    assert h.missing == ()


def test_ongoing_period_runs_to_far_future_and_continues():
    h = work_history([job(D(2023, 10, 1), ongoing=True)], D(2026, 11, 22))
    assert h.intervals == ((D(2023, 10, 1), FAR_FUTURE),)
    assert h.continues is True
    assert h.separate_periods == 1


@pytest.mark.parametrize("end, continues", [
    (D(2026, 11, 21), False),  # ended the day before the as-of date
    (D(2026, 11, 22), True),   # still working on the as-of date
    (D(2027, 3, 31), True),    # a fixed-term contract ending later
])
def test_continues_when_a_period_reaches_the_as_of_date(end, continues):
    h = work_history([job(D(2025, 1, 1), end)], D(2026, 11, 22))
    assert h.continues is continues


def test_work_outside_the_profession_is_left_out():
    h = work_history([job(D(2020, 1, 1), ongoing=True, in_profession=False), job(D(2025, 6, 1), ongoing=True)],
                     D(2026, 11, 22))
    assert h.intervals == ((D(2025, 6, 1), FAR_FUTURE),)
    assert h.missing == ()


@pytest.mark.parametrize("period, missing", [
    (job(D(2020, 1, 1), ongoing=True, in_profession=None), "employment[0].in_profession"),
    (job(None, ongoing=True), "employment[0].start"),
    (job(D(2020, 1, 1)), "employment[0].end"),  # neither an end date nor marked ongoing
])
def test_an_unknown_fact_of_a_period_is_named_and_the_period_left_out(period, missing):
    h = work_history([period], D(2026, 11, 22))
    assert h.missing == (missing,)
    assert h.intervals == ()


def test_missing_fact_path_uses_the_given_prefix():
    h = work_history([job(None, ongoing=True)], D(2026, 11, 22), path="praca")
    assert h.missing == ("praca[0].start",)


def test_unit_field_filter_keeps_the_same_field_regardless_of_case_and_spacing():
    periods = [
        job(D(2020, 1, 1), D(2020, 12, 31), unit_field="Pielęgniarstwo  chirurgiczne"),
        job(D(2021, 1, 1), D(2021, 12, 31), unit_field="pielęgniarstwo internistyczne"),
        job(D(2022, 1, 1), D(2022, 12, 31)),
    ]
    h = work_history(periods, D(2026, 11, 22), unit_field="pielęgniarstwo chirurgiczne")
    assert h.intervals == ((D(2020, 1, 1), D(2020, 12, 31)),)
    assert h.missing == ("employment[2].unit_field",)


# --- merging: overlapping and adjacent periods count once -------------------------------------------------------

def test_overlapping_periods_merge():
    h = work_history([job(D(2025, 3, 1), D(2026, 10, 31)), job(D(2025, 1, 1), ongoing=True)], D(2026, 11, 22))
    assert h.intervals == ((D(2025, 1, 1), FAR_FUTURE),)
    assert h.separate_periods == 1


def test_a_period_inside_another_merges_into_it():
    h = work_history([job(D(2024, 1, 1), D(2024, 12, 31)), job(D(2024, 3, 1), D(2024, 4, 30))], D(2026, 11, 22))
    assert h.intervals == ((D(2024, 1, 1), D(2024, 12, 31)),)


def test_adjacent_periods_merge():
    h = work_history([job(D(2024, 11, 22), D(2025, 11, 21)), job(D(2025, 11, 22), ongoing=True)], D(2026, 11, 22))
    assert h.intervals == ((D(2024, 11, 22), FAR_FUTURE),)
    assert h.separate_periods == 1


def test_a_one_day_gap_keeps_periods_apart():
    h = work_history([job(D(2024, 11, 22), D(2025, 11, 20)), job(D(2025, 11, 22), ongoing=True)], D(2026, 11, 22))
    assert h.intervals == ((D(2024, 11, 22), D(2025, 11, 20)), (D(2025, 11, 22), FAR_FUTURE))
    assert h.separate_periods == 2


def test_a_period_starting_on_or_after_the_as_of_date_is_not_a_run_before_it():
    h = work_history([job(D(2024, 1, 1), D(2024, 12, 31)), job(D(2026, 11, 22), ongoing=True)], D(2026, 11, 22))
    assert len(h.intervals) == 2
    assert h.separate_periods == 1


# --- days_worked: inclusive window start, as-of day excluded --------------------------------------------------

def test_days_worked_counts_up_to_the_day_before_the_as_of_date():
    h = history((D(2023, 10, 1), FAR_FUTURE))
    # 1.10.2023–21.11.2026: 92 days to the end of 2023, 366 in 2024, 365 in 2025, 325 in 2026
    assert days_worked(h, None, D(2026, 11, 22)) == 92 + 366 + 365 + 325


def test_days_worked_on_the_first_day_of_work_is_zero():
    assert days_worked(history((D(2026, 11, 22), FAR_FUTURE)), None, D(2026, 11, 22)) == 0
    assert days_worked(history((D(2026, 11, 22), FAR_FUTURE)), None, D(2026, 11, 23)) == 1


@pytest.mark.parametrize("window_start, expected", [
    (D(2021, 11, 22), 730),  # the whole period lies in the window
    (D(2021, 11, 23), 729),  # its first day is cut off
    (D(2023, 11, 21), 1),    # only its last day is left
    (D(2023, 11, 22), 0),    # nothing is left
])
def test_days_worked_clips_to_the_window(window_start, expected):
    h = history((D(2021, 11, 22), D(2023, 11, 21)))
    assert days_worked(h, window_start, D(2026, 11, 22)) == expected


def test_days_worked_adds_separate_periods():
    h = history((D(2026, 1, 1), D(2026, 3, 31)), (D(2026, 8, 1), D(2026, 10, 31)))
    assert days_worked(h, None, D(2026, 11, 22)) == 90 + 92


# --- required_days: calendar days of the N months just before the as-of date (KC art. 112) ----------------------

@pytest.mark.parametrize("as_of, months, expected", [
    (D(2026, 11, 22), 24, 730),   # 22.11.2024–21.11.2026
    (D(2028, 3, 1), 24, 731),     # 1.03.2026–29.02.2028 holds the leap day
    (D(2028, 2, 29), 24, 731),    # from 28.02.2026 (no 29.02.2026)
    (D(2030, 3, 1), 24, 730),     # 1.03.2028–28.02.2030: the leap day 29.02.2028 is just before it
    (D(2026, 11, 22), 6, 184),    # 22.05.2026–21.11.2026
    (D(2027, 2, 1), 6, 184),      # 1.08.2026–31.01.2027
    (D(2027, 3, 1), 6, 181),      # 1.09.2026–28.02.2027
    (D(2027, 2, 28), 6, 184),     # from 28.08.2026
    (D(2027, 8, 31), 6, 184),     # from 28.02.2027 (there is no 31.02): 28.02–30.08.2027
    (D(2027, 3, 31), 1, 31),      # from 28.02.2027: 28.02–30.03.2027
])
def test_required_days(as_of, months, expected):
    assert required_days(as_of, months) == expected


# --- check_experience: the boundary on both sides ---------------------------------------------------------------

def test_exactly_two_years_in_the_last_five_is_met():
    c = check_experience(history((D(2024, 11, 22), FAR_FUTURE), continues=True), D(2026, 11, 22), 24, 5)
    assert (c.met, c.worked_days, c.needed_days) == (True, 730, 730)


def test_one_day_short_of_two_years_is_not_met_and_is_met_the_next_day():
    c = check_experience(history((D(2024, 11, 23), FAR_FUTURE), continues=True), D(2026, 11, 22), 24, 5)
    assert (c.met, c.worked_days, c.needed_days, c.earliest) == (False, 729, 730, D(2026, 11, 23))


def test_exactly_six_months_is_met_and_one_day_less_is_not():
    assert check_experience(history((D(2026, 5, 22), FAR_FUTURE), continues=True), D(2026, 11, 22), 6).met
    short = check_experience(history((D(2026, 5, 23), FAR_FUTURE), continues=True), D(2026, 11, 22), 6)
    assert (short.met, short.worked_days, short.needed_days, short.earliest) == (False, 183, 184, D(2026, 11, 23))


def test_six_months_from_the_31st_end_with_the_last_day_of_february():
    h = history((D(2026, 8, 31), FAR_FUTURE), continues=True)
    assert not check_experience(h, D(2027, 2, 28), 6).met
    assert check_experience(h, D(2027, 2, 28), 6).earliest == D(2027, 3, 1)
    assert check_experience(h, D(2027, 3, 1), 6).met


def test_two_years_from_the_leap_day_end_on_28_february():
    h = history((D(2028, 2, 29), FAR_FUTURE), continues=True)
    c = check_experience(h, D(2030, 2, 28), 24, 5)
    assert (c.met, c.worked_days, c.needed_days, c.earliest) == (False, 730, 731, D(2030, 3, 1))
    assert check_experience(h, D(2030, 3, 1), 24, 5).met


def test_two_years_from_1_march_2026_include_29_february_2028():
    h = history((D(2026, 3, 1), FAR_FUTURE), continues=True)
    assert check_experience(h, D(2028, 2, 29), 24, 5).earliest == D(2028, 3, 1)
    assert check_experience(h, D(2028, 3, 1), 24, 5).met


def test_the_five_year_window_from_29_february_2028_starts_on_28_february_2023():
    # KC art. 112: there is no 29 February 2023, so five years back from 29.02.2028 is 28.02.2023.
    h = history((D(2023, 2, 28), D(2025, 2, 27)))  # 731 days (holds 29.02.2024)
    on_leap_day = check_experience(h, D(2028, 2, 29), 24, 5)
    assert (on_leap_day.met, on_leap_day.worked_days, on_leap_day.needed_days) == (True, 731, 731)
    next_day = check_experience(h, D(2028, 3, 1), 24, 5)
    assert (next_day.met, next_day.worked_days, next_day.earliest) == (False, 730, None)


def test_work_more_than_five_years_back_does_not_count_with_a_window_but_does_without():
    h = history((D(2016, 1, 1), D(2016, 12, 31)))
    assert check_experience(h, D(2026, 11, 22), 24, 5).worked_days == 0
    no_window = check_experience(h, D(2026, 11, 22), 6)
    assert (no_window.met, no_window.worked_days) == (True, 366)


def test_separate_periods_are_added_day_by_day_against_calendar_months():
    # 90 + 92 = 182 days against the 184 calendar days of 22.05–21.11.2026 (the module's reading; counting a month
    # as 30 days under KC art. 114 would need 180).
    h = history((D(2026, 1, 1), D(2026, 3, 31)), (D(2026, 8, 1), D(2026, 10, 31)))
    c = check_experience(h, D(2026, 11, 22), 6)
    assert (c.met, c.worked_days, c.needed_days, c.earliest) == (False, 182, 184, None)


# --- the earliest date --------------------------------------------------------------------------------------------

def test_earliest_for_the_issue_example_after_a_break():
    h = history((D(2019, 1, 1), D(2020, 6, 30)), (D(2025, 6, 1), FAR_FUTURE), continues=True)
    c = check_experience(h, D(2026, 11, 22), 24, 5)
    assert (c.met, c.worked_days, c.earliest) == (False, 539, D(2027, 6, 1))
    assert check_experience(h, D(2026, 11, 22), 6).met


def test_earliest_waits_for_an_old_period_to_leave_the_window():
    # 405 days of old work in the window + 174 of new; each day adds one new and drops one old day until the old
    # period has left the window, then the new work alone reaches two years on 1.06.2028.
    h = history((D(2021, 1, 1), D(2022, 12, 31)), (D(2026, 6, 1), FAR_FUTURE), continues=True)
    c = check_experience(h, D(2026, 11, 22), 24, 5)
    assert (c.worked_days, c.earliest) == (579, D(2028, 6, 1))


def test_earliest_for_work_that_starts_after_the_as_of_date():
    c = check_experience(history((D(2027, 1, 1), FAR_FUTURE), continues=True), D(2026, 11, 22), 24, 5)
    assert (c.worked_days, c.earliest) == (0, D(2029, 1, 1))


def test_no_earliest_date_once_work_has_ended():
    c = check_experience(history((D(2025, 6, 1), D(2026, 6, 30))), D(2026, 11, 22), 24, 5)
    assert (c.met, c.earliest) == (False, None)


def test_no_earliest_date_when_a_fixed_term_contract_ends_first():
    c = check_experience(history((D(2025, 6, 1), D(2027, 5, 30)), continues=True), D(2026, 11, 22), 24, 5)
    assert c.earliest is None


def test_a_fixed_term_contract_ending_on_the_last_needed_day_gives_a_date():
    # two years from 1.06.2025 end with 31.05.2027: a contract to that day completes them
    c = check_experience(history((D(2025, 6, 1), D(2027, 5, 31)), continues=True), D(2026, 11, 22), 24, 5)
    assert c.earliest == D(2027, 6, 1)


def test_no_earliest_date_without_any_work():
    c = check_experience(history(), D(2026, 11, 22), 6)
    assert (c.met, c.worked_days, c.earliest) == (False, 0, None)


def test_a_met_requirement_reports_the_as_of_date_as_earliest():
    c = check_experience(history((D(2020, 1, 1), FAR_FUTURE), continues=True), D(2026, 11, 22), 24, 5)
    assert (c.met, c.earliest) == (True, D(2026, 11, 22))
