"""dateparser for calendar dates the grammar does not spell out ("the eighth of December").

Only ever called on the text of a spaCy DATE entity that names a month or looks like a
numeric date, never on sentences, and cached: dateparser costs about a millisecond per call
and reads relative words ("two years") as offsets from today, which is wrong for durations.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from typing import Optional

from diurna.time import calendar as cal
from diurna.time.calendar import Interval, Tense
from diurna.time.lexicon import MONTH, YEAR

_CALENDAR_LIKE = re.compile(r"\b%s\b|\d{1,4}[./-]\d{1,2}[./-]\d{1,4}" % MONTH, re.IGNORECASE)
_HAS_YEAR = re.compile(r"\b%s\b" % YEAR)
_PREFER = {Tense.PAST: "past", Tense.FUTURE: "future", Tense.PRESENT: "future", Tense.UNKNOWN: "current_period"}


def looks_like_calendar_date(text: str) -> bool:
    return bool(_CALENDAR_LIKE.search(text))


@functools.lru_cache(maxsize=64)
def _parser(published: dt.date, prefer: str):
    from dateparser.date import DateDataParser  # imported on first use: it takes ~0.3 s

    return DateDataParser(
        languages=["en"],
        settings={
            "RELATIVE_BASE": dt.datetime(published.year, published.month, published.day),
            "PREFER_DATES_FROM": prefer,
            "PREFER_DAY_OF_MONTH": "first",
            "RETURN_AS_TIMEZONE_AWARE": False,
        },
    )


@functools.lru_cache(maxsize=16384)
def parse_calendar_date(text: str, published: dt.date, tense: Tense = Tense.UNKNOWN) -> Optional[Interval]:
    """The day, month or year dateparser reads in `text`, or None."""
    if not looks_like_calendar_date(text):
        return None
    data = _parser(published, _PREFER[tense]).get_date_data(text)
    if data is None or data.date_obj is None:
        return None
    d = data.date_obj.date()
    anchored = "explicit" if _HAS_YEAR.search(text) else "published"
    if anchored == "published" and abs(d.year - published.year) > 1:
        return None  # a year the text does not give: dateparser read a number as one ("September 16-19")
    if data.period == "year":
        return cal.year(d.year, anchored)
    if data.period == "month":
        return cal.month(d.year, d.month, anchored)
    if data.period == "week":
        return cal.week_of(d)
    return cal.day(d, anchored)
