"""Work experience (staż pracy) from employment periods: logic/experience.py.

Every expected value below is worked out by hand from the calendar and the settled reading (docs/READINGS.md,
reading 1): overlapping periods count once and touching ones join into one run; only the window counts ("the last
5 years": from the same day five years back to the day before the as-of date; otherwise up to the day before the
as-of date); each continuous run is counted in whole calendar months (KC art. 112) plus the days left over; the
runs' months and left-over days are added, and every 30 left-over days make one more month (KC art. 114).
"""
from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from logic.case import Employment
from logic.experience import (FAR_FUTURE, Length, WorkHistory, check_experience, length_on, length_text, months_end,
                              run_length, total_length, work_history)

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


def test_a_period_inside_another_merges_into_it():
    h = work_history([job(D(2024, 1, 1), D(2024, 12, 31)), job(D(2024, 3, 1), D(2024, 4, 30))], D(2026, 11, 22))
    assert h.intervals == ((D(2024, 1, 1), D(2024, 12, 31)),)


def test_adjacent_periods_merge():
    h = work_history([job(D(2024, 11, 22), D(2025, 11, 21)), job(D(2025, 11, 22), ongoing=True)], D(2026, 11, 22))
    assert h.intervals == ((D(2024, 11, 22), FAR_FUTURE),)


def test_a_one_day_gap_keeps_periods_apart():
    h = work_history([job(D(2024, 11, 22), D(2025, 11, 20)), job(D(2025, 11, 22), ongoing=True)], D(2026, 11, 22))
    assert h.intervals == ((D(2024, 11, 22), D(2025, 11, 20)), (D(2025, 11, 22), FAR_FUTURE))


def test_a_period_starting_on_the_as_of_date_is_not_a_run_counted_on_it():
    h = work_history([job(D(2024, 1, 1), D(2024, 12, 31)), job(D(2026, 11, 22), ongoing=True)], D(2026, 11, 22))
    assert len(h.intervals) == 2
    assert check_experience(h, D(2026, 11, 22), 6).runs == 1


# --- one continuous run: whole calendar months (KC art. 112) and the days left over ------------------------------

@pytest.mark.parametrize("first, last, expected", [
    (D(2024, 2, 1), D(2024, 7, 31), (6, 0)),     # the example: 1 February – 31 July
    (D(2025, 3, 15), D(2025, 9, 14), (6, 0)),    # 15 March – 14 September
    (D(2025, 3, 1), D(2025, 4, 15), (1, 15)),    # 1 March – 15 April: a month and 15 days
    (D(2021, 3, 1), D(2023, 2, 28), (24, 0)),    # two years
    (D(2021, 3, 2), D(2023, 2, 28), (23, 27)),   # one day less at the start: 2.02–28.02.2023 left over
    (D(2026, 5, 5), D(2026, 5, 5), (0, 1)),      # a single day
    (D(2025, 1, 1), D(2025, 1, 30), (0, 30)),    # 30 days of January, one short of the calendar month
    (D(2025, 2, 1), D(2025, 2, 28), (1, 0)),     # February is a whole month
    (D(2026, 8, 31), D(2027, 2, 28), (6, 0)),    # from the 31st: six months end on the last day of February
    (D(2026, 8, 31), D(2027, 2, 27), (5, 28)),   # five months end on 30.01.2027; 31.01–27.02 left over
    (D(2028, 2, 29), D(2030, 2, 26), (23, 29)),  # from the leap day: 23 months end on 28.01.2030
])
def test_run_length(first, last, expected):
    assert run_length(first, last) == expected


def test_months_end_keeps_to_the_calendar():
    assert months_end(D(2024, 2, 1), 6) == D(2024, 7, 31)
    assert months_end(D(2026, 8, 31), 6) == D(2027, 2, 28)
    assert months_end(D(2028, 2, 29), 24) == D(2030, 2, 28)


# --- adding runs: left-over days, 30 to a month (KC art. 114) ---------------------------------------------------

def test_left_over_days_of_two_runs_that_add_up_to_30_make_a_month():
    # 1.01–15.03.2026 is 2 months and 15 days, 1.06–15.09.2026 is 3 months and 15 days: 5 months and 30 days
    length, runs = total_length([(D(2026, 1, 1), D(2026, 3, 15)), (D(2026, 6, 1), D(2026, 9, 15))])
    assert (length, runs) == (Length(6, 0), 2)


def test_left_over_days_that_add_up_to_29_stay_days():
    length, _ = total_length([(D(2026, 1, 1), D(2026, 3, 15)), (D(2026, 6, 1), D(2026, 9, 14))])
    assert length == Length(5, 29)


def test_thirty_left_over_days_of_one_run_also_make_a_month():
    assert total_length([(D(2025, 1, 1), D(2025, 1, 30))])[0] == Length(1, 0)


def test_twelve_months_make_a_year():
    length, _ = total_length([(D(2024, 1, 1), D(2025, 8, 12))])  # 19 months and 12 days
    assert (length.months, length.days, length.years) == (19, 12, 1)


@pytest.mark.parametrize("length, text", [
    (Length(19, 12), "1 rok, 7 miesięcy i 12 dni"),
    (Length(6, 0), "6 miesięcy"),
    (Length(24, 0), "2 lata"),
    (Length(60, 0), "5 lat"),
    (Length(12, 1), "1 rok i 1 dzień"),
    (Length(22 * 12 + 2, 22), "22 lata, 2 miesiące i 22 dni"),
    (Length(13 * 12, 0), "13 lat"),
    (Length(1, 0), "1 miesiąc"),
    (Length(0, 1), "1 dzień"),
    (Length(0, 0), "0 dni"),
])
def test_length_in_polish(length, text):
    assert length_text(length) == text


# --- the examples ---------------------------------------------------------------------------------------

@pytest.mark.parametrize("as_of", [D(2026, 1, 20), D(2026, 6, 15), D(2026, 12, 31)])
def test_a_job_from_1_february_to_31_july_2024_meets_six_months_on_any_day_of_2026(as_of):
    c = check_experience(history((D(2024, 2, 1), D(2024, 7, 31))), as_of, 6)
    assert (c.met, c.length) == (True, Length(6, 0))


def test_two_jobs_of_three_calendar_months_each_meet_six_months():
    h = history((D(2025, 2, 1), D(2025, 4, 30)), (D(2025, 7, 1), D(2025, 9, 30)))
    c = check_experience(h, D(2026, 5, 5), 6)
    assert (c.met, c.length, c.runs) == (True, Length(6, 0), 2)


def test_two_years_ending_28_february_2023_count_in_the_window_every_day_up_to_1_march_2026():
    h = history((D(2021, 3, 1), D(2023, 2, 28)))
    day = D(2023, 3, 1)
    while day <= D(2026, 3, 1):
        c = check_experience(h, day, 24, 5)
        assert (c.met, c.length) == (True, Length(24, 0)), day
        day += timedelta(days=1)


def test_on_2_march_2026_the_first_day_of_that_job_has_left_the_window():
    c = check_experience(history((D(2021, 3, 1), D(2023, 2, 28))), D(2026, 3, 2), 24, 5)
    assert (c.met, c.length, c.earliest) == (False, Length(23, 27), None)


# --- boundaries on both sides -----------------------------------------------------------------------------------

def test_exactly_two_years_in_the_last_five_is_met():
    c = check_experience(history((D(2024, 11, 22), FAR_FUTURE), continues=True), D(2026, 11, 22), 24, 5)
    assert (c.met, c.length) == (True, Length(24, 0))


def test_23_months_and_30_days_carry_to_two_years():
    # 23.11.2024–21.11.2026: 23 months to 22.10.2026, then 23.10–21.11 = 30 days, one month under KC art. 114
    c = check_experience(history((D(2024, 11, 23), FAR_FUTURE), continues=True), D(2026, 11, 22), 24, 5)
    assert (c.met, c.length) == (True, Length(24, 0))


def test_23_months_and_29_days_are_short_and_met_the_next_day():
    c = check_experience(history((D(2024, 11, 24), FAR_FUTURE), continues=True), D(2026, 11, 22), 24, 5)
    assert (c.met, c.length, c.earliest) == (False, Length(23, 29), D(2026, 11, 23))
    assert check_experience(history((D(2024, 11, 24), FAR_FUTURE), continues=True), D(2026, 11, 23), 24, 5).met


def test_exactly_six_months_is_met_and_five_months_29_days_is_not():
    assert check_experience(history((D(2026, 6, 23), FAR_FUTURE), continues=True), D(2026, 12, 23), 6).met
    short = check_experience(history((D(2026, 6, 24), FAR_FUTURE), continues=True), D(2026, 12, 23), 6)
    # 24.06–23.11 is five months; 24.11–22.12 is 29 days; on 24.12 the sixth month is complete
    assert (short.met, short.length, short.earliest) == (False, Length(5, 29), D(2026, 12, 24))


def test_six_months_from_the_31st_end_with_the_last_day_of_february():
    h = history((D(2026, 8, 31), FAR_FUTURE), continues=True)
    feb28 = check_experience(h, D(2027, 2, 28), 6)
    assert (feb28.met, feb28.length, feb28.earliest) == (False, Length(5, 28), D(2027, 3, 1))
    assert check_experience(h, D(2027, 3, 1), 6).met


def test_two_years_from_the_leap_day():
    h = history((D(2028, 2, 29), FAR_FUTURE), continues=True)
    c = check_experience(h, D(2030, 2, 27), 24, 5)  # counted to 26.02.2030: 23 months and 29 days
    assert (c.met, c.length, c.earliest) == (False, Length(23, 29), D(2030, 2, 28))


def test_the_five_year_window_from_29_february_2028_starts_on_28_february_2023():
    # KC art. 112: there is no 29 February 2023, so five years back from 29.02.2028 is 28.02.2023.
    h = history((D(2023, 2, 28), D(2025, 2, 27)))
    on_leap_day = check_experience(h, D(2028, 2, 29), 24, 5)
    assert (on_leap_day.met, on_leap_day.length) == (True, Length(24, 0))
    next_day = check_experience(h, D(2028, 3, 1), 24, 5)  # 1.03.2023–27.02.2025: 23 months and 27 days
    assert (next_day.met, next_day.length, next_day.earliest) == (False, Length(23, 27), None)


def test_work_more_than_five_years_back_does_not_count_with_a_window_but_does_without():
    h = history((D(2016, 1, 1), D(2016, 12, 31)))
    assert check_experience(h, D(2026, 11, 22), 24, 5).length == Length(0, 0)
    no_window = check_experience(h, D(2026, 11, 22), 6)
    assert (no_window.met, no_window.length) == (True, Length(12, 0))


def test_two_quarters_are_six_months_however_many_days_they_have():
    # 1.01–31.03.2026 (90 days) and 1.08–31.10.2026 (92 days): 3 + 3 calendar months
    h = history((D(2026, 1, 1), D(2026, 3, 31)), (D(2026, 8, 1), D(2026, 10, 31)))
    c = check_experience(h, D(2026, 11, 22), 6)
    assert (c.met, c.length, c.runs) == (True, Length(6, 0), 2)


# --- the earliest date --------------------------------------------------------------------------------------------

def test_earliest_after_a_break_counts_the_new_work_with_the_30_day_carry():
    # The 2019–2020 work lies outside the window. From 1.06.2025: on 31.05.2027 the count runs to 30.05.2027, which
    # is 23 months (to 30.04.2027) and 30 days: two years.
    h = history((D(2019, 1, 1), D(2020, 6, 30)), (D(2025, 6, 1), FAR_FUTURE), continues=True)
    c = check_experience(h, D(2026, 11, 22), 24, 5)
    assert (c.met, c.length, c.earliest) == (False, Length(17, 21), D(2027, 5, 31))
    assert check_experience(h, D(2026, 11, 22), 6).met


def test_earliest_waits_for_the_new_work_when_old_work_leaves_the_window():
    # In the window on 22.11.2026: 22.11.2021–31.12.2022 (13 months, 10 days) and 1.06–21.11.2026 (5 months,
    # 21 days). Each new day pushes an old one out of the window, so the total stays near 19 months until the new
    # work alone has 23 months and 30 days on 31.05.2028.
    h = history((D(2021, 1, 1), D(2022, 12, 31)), (D(2026, 6, 1), FAR_FUTURE), continues=True)
    c = check_experience(h, D(2026, 11, 22), 24, 5)
    assert (c.length, c.earliest) == (Length(19, 1), D(2028, 5, 31))


def test_earliest_for_work_that_starts_after_the_as_of_date():
    c = check_experience(history((D(2027, 1, 1), FAR_FUTURE), continues=True), D(2026, 11, 22), 24, 5)
    # on 31.12.2028 the count runs to 30.12.2028: 23 months (to 30.11.2028) and 30 days
    assert (c.length, c.earliest) == (Length(0, 0), D(2028, 12, 31))


def test_no_earliest_date_once_work_has_ended():
    c = check_experience(history((D(2025, 6, 1), D(2026, 6, 30))), D(2026, 11, 22), 24, 5)
    assert (c.met, c.earliest) == (False, None)


def test_a_fixed_term_contract_to_29_may_2027_falls_a_day_short():
    c = check_experience(history((D(2025, 6, 1), D(2027, 5, 29)), continues=True), D(2026, 11, 22), 24, 5)
    assert c.earliest is None


def test_a_fixed_term_contract_to_30_may_2027_reaches_two_years_with_the_carry():
    c = check_experience(history((D(2025, 6, 1), D(2027, 5, 30)), continues=True), D(2026, 11, 22), 24, 5)
    assert c.earliest == D(2027, 5, 31)


def test_no_earliest_date_without_any_work():
    c = check_experience(history(), D(2026, 11, 22), 6)
    assert (c.met, c.length, c.earliest) == (False, Length(0, 0), None)


def test_a_met_requirement_reports_the_as_of_date_as_earliest():
    c = check_experience(history((D(2020, 1, 1), FAR_FUTURE), continues=True), D(2026, 11, 22), 24, 5)
    assert (c.met, c.earliest) == (True, D(2026, 11, 22))


# --- properties ---------------------------------------------------------------------------------------------------

PAST = st.dates(min_value=D(2021, 1, 1), max_value=D(2024, 12, 31))


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(PAST, st.integers(0, 400)), min_size=1, max_size=5),
       st.integers(0, 400))
def test_work_wholly_in_the_past_and_inside_the_window_counts_the_same_on_every_as_of_date(periods, offset):
    raw = [(start, min(start + timedelta(days=n), D(2024, 12, 31))) for start, n in periods]
    h = work_history([job(s, e) for s, e in raw], D(2025, 1, 1))
    first = min(s for s, _ in raw)
    latest_as_of = D(first.year + 5, first.month, min(first.day, 28))  # still inside the window
    as_of = min(D(2025, 1, 1) + timedelta(days=offset * 4), latest_as_of)
    assert length_on(h, as_of, 5) == length_on(h, D(2025, 1, 1), 5) == length_on(h, as_of)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(PAST, st.integers(0, 900), st.booleans()), min_size=1, max_size=4),
       st.sampled_from([6, 24, 60]), st.sampled_from([None, 5]))
def test_the_earliest_date_is_met_and_the_day_before_is_not(periods, months, window):
    h = work_history([job(s, None, ongoing=True) if ongoing else job(s, s + timedelta(days=n))
                      for s, n, ongoing in periods], D(2025, 1, 1))
    c = check_experience(h, D(2025, 1, 1), months, window)
    if c.met or c.earliest is None:
        return
    assert check_experience(h, c.earliest, months, window).met
    assert not check_experience(h, c.earliest - timedelta(days=1), months, window).met
