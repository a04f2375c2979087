"""diurna/time/grammar.py: rules of the expression grammar one by one."""

from __future__ import annotations

import pytest

from diurna.time import grammar


def _start_of(time_doc, text: str, pub: str, timex: str) -> str:
    doc = time_doc(text, pub)
    return next(t.date.start for t in doc.timexes if t.date.text == timex)


@pytest.mark.parametrize(
    "pub, text, timex, start",
    [
        # the day before publication is "yesterday" or plain "Thursday": "last" reaches a week further
        ("2021-11-05", "Last Thursday, the two governments signed a border accord.", "Last Thursday", "2021-10-28"),
        ("2018-01-17", "The opposition boycotted the vote last Tuesday.", "last Tuesday", "2018-01-09"),
        ("2019-03-04", "Troops withdrew from the border town last Sunday.", "last Sunday", "2019-02-24"),
        # any other weekday: the latest one before publication
        ("2021-11-05", "Last Wednesday, soldiers detained a reporter.", "Last Wednesday", "2021-11-03"),
        # "this past" names the latest one, the day before included
        ("2021-11-05", "This past Thursday, the court released the activists.", "This past Thursday", "2021-11-04"),
    ],
)
def test_last_weekday(time_doc, pub, text, timex, start):
    assert _start_of(time_doc, text, pub, timex) == start


def test_last_weekday_rule_skips_the_day_before():
    import datetime as dt

    friday = dt.date(2021, 11, 5)
    assert grammar._last_weekday(friday, 3, "last") == dt.date(2021, 10, 28)
    assert grammar._last_weekday(friday, 3, "this past") == dt.date(2021, 11, 4)
    assert grammar._last_weekday(friday, 2, "last") == dt.date(2021, 11, 3)


@pytest.mark.parametrize(
    "text, start",
    [
        # the anchor is a day of the story's week: "that October" of its year would lie after publication
        ("Police fired on a march on Thursday. The killings that October still anger the region.", "2023-10-01"),
        # a year told first: that year's October (it lies before publication)
        ("The army seized power in 2019. Protests that October were crushed.", "2019-10-01"),
    ],
)
def test_that_month_is_never_after_publication_for_a_past_story(time_doc, text, start):
    assert _start_of(time_doc, text, "2024-03-15", "that October") == start


@pytest.mark.parametrize(
    "text, start",
    [
        ("Police fired on a march on Thursday. The rebels took the town that summer.", "2023-06-01"),
        ("The army seized power in 2019. Strikes spread that summer.", "2019-06-01"),
    ],
)
def test_that_season_is_the_anchors_or_the_latest_before_publication(time_doc, text, start):
    assert _start_of(time_doc, text, "2024-03-15", "that summer") == start


@pytest.mark.parametrize(
    "pub, start, end",
    [
        # a Sunday's "last week" is the week the Sunday closes, Monday to Saturday
        ("2023-09-17", "2023-09-11", "2023-09-16"),
        # any other day: the calendar week before publication's
        ("2023-09-16", "2023-09-04", "2023-09-10"),
        ("2023-09-18", "2023-09-11", "2023-09-17"),
    ],
)
def test_last_week_on_a_sunday_is_the_week_it_closes(time_doc, pub, start, end):
    doc = time_doc("The opposition leader was arrested last week.", pub)
    (found,) = [t for t in doc.timexes if t.date.text == "last week"]
    assert (found.date.start, found.date.end, found.date.granularity) == (start, end, "week")


def test_week_ending_on_a_sunday_leaves_out_the_sunday():
    import datetime as dt

    week = grammar._week_ending_on_a_sunday(dt.date(2023, 9, 17))
    assert (week.start, week.end) == (dt.date(2023, 9, 11), dt.date(2023, 9, 16))


@pytest.mark.parametrize(
    "pub, text, start, end",
    [
        # told of what is coming on a Sunday: the week that starts the next day
        ("2023-09-17", "The committee will vote on the budget this week.", "2023-09-18", "2023-09-24"),
        # told of the past: the calendar week the Sunday closes
        ("2023-09-17", "The committee voted on the budget this week.", "2023-09-11", "2023-09-17"),
        # told in the present progressive, what is going on: the calendar week the Sunday closes
        ("2023-09-17", "Farmers are protesting against the budget this week.", "2023-09-11", "2023-09-17"),
        # any other day: the calendar week of publication
        ("2023-09-15", "The committee will vote on the budget this week.", "2023-09-11", "2023-09-17"),
    ],
)
def test_this_week_on_a_sunday_is_the_coming_one_for_what_is_coming(time_doc, pub, text, start, end):
    doc = time_doc(text, pub)
    (found,) = [t for t in doc.timexes if t.date.text == "this week"]
    assert (found.date.start, found.date.end) == (start, end)
