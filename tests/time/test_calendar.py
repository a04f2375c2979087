"""Calendar arithmetic: weeks, seasons, months placed by tense."""

from __future__ import annotations

import datetime as dt

from diurna.time import calendar as cal
from diurna.time.calendar import Tense

D = dt.date


def test_week_runs_monday_to_sunday():
    w = cal.week_of(D(2017, 12, 13))
    assert (w.start, w.end, w.granularity) == (D(2017, 12, 11), D(2017, 12, 17), "week")


def test_winter_is_labelled_by_its_december_and_ends_on_leap_day():
    w = cal.season("winter", 2015)
    assert (w.start, w.end) == (D(2015, 12, 1), D(2016, 2, 29))


def test_latest_ended_summer_in_september_is_that_years():
    assert cal.season_latest_ended("summer", D(2017, 9, 1)).start == D(2017, 6, 1)
    assert cal.season_latest_ended("summer", D(2017, 7, 1)).start == D(2016, 6, 1)


def test_add_months_clips_to_month_length():
    assert cal.add_months(D(2020, 3, 31), -1) == D(2020, 2, 29)
    assert cal.add_months(D(2017, 1, 15), -13) == D(2015, 12, 15)


def test_month_by_tense_looks_back_for_past_and_ahead_for_future():
    pub = D(2018, 1, 17)
    assert cal.month_by_tense(3, pub, Tense.PAST).start == D(2017, 3, 1)
    assert cal.month_by_tense(3, pub, Tense.FUTURE).start == D(2018, 3, 1)
    assert cal.month_by_tense(1, pub, Tense.PAST).start == D(2018, 1, 1)
    # no tense to go by: news reports the past, even when the next February is nearer
    assert cal.month_by_tense(2, pub, Tense.UNKNOWN).start == D(2017, 2, 1)


def test_day_of_month_by_tense_reads_a_present_clause_as_the_nearer_date():
    # "Between August 13 and 16, it is alleged soldiers arrested four men" (published in September)
    assert cal.day_of_month_by_tense(8, 13, D(2024, 9, 19), Tense.PRESENT) == D(2024, 8, 13)
    # "The summit opens on October 2": the next one, nearer
    assert cal.day_of_month_by_tense(10, 2, D(2024, 9, 19), Tense.PRESENT) == D(2024, 10, 2)
    assert cal.day_of_month_by_tense(8, 13, D(2024, 9, 19), Tense.FUTURE) == D(2025, 8, 13)


def test_day_of_month_by_tense_skips_years_without_the_day():
    assert cal.day_of_month_by_tense(2, 29, D(2017, 3, 1), Tense.PAST) == D(2016, 2, 29)


def test_interval_round_trips_through_dateref():
    i = cal.part_of_year(cal.year(2016, "explicit"), "mid")
    ref = i.to_dateref("mid-2016")
    assert (ref.start, ref.end, ref.granularity, ref.anchored_to) == ("2016-05-01", "2016-08-31", "months", "explicit")
    assert cal.Interval.from_dateref(ref) == i
