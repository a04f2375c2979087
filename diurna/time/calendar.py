"""Calendar arithmetic on closed date intervals: weeks, months, seasons, parts of periods.

Everything here is pure and works on `datetime.date`; the grammar (`grammar.py`) decides
*which* interval an expression means and these functions compute its first and last day.
Conventions (documented in docs/time.md):
- weeks run Monday to Sunday (ISO 8601);
- seasons are the northern meteorological ones: spring Mar-May, summer Jun-Aug,
  autumn Sep-Nov, winter Dec-Feb; a winter is labelled by the year of its December;
- "early/mid/late" split a month into days 1-10, 11-20, 21-end and a year into
  Jan-Apr, May-Aug, Sep-Dec.
"""

from __future__ import annotations

import calendar
import datetime as dt
from dataclasses import dataclass
from enum import Enum
from typing import Optional

from diurna.records import DateRef

ONE_DAY = dt.timedelta(days=1)


class Tense(str, Enum):
    """Time reference of the clause a temporal expression sits in; picks past or future readings."""

    PAST = "past"
    PRESENT = "present"
    FUTURE = "future"
    UNKNOWN = "unknown"


@dataclass(frozen=True)
class Interval:
    """A normalised temporal expression: first and last day, granularity, what it is anchored to."""

    start: dt.date
    end: dt.date
    granularity: str
    anchored_to: str = "published"  # "published" (needed the publication date) or "explicit"

    def to_dateref(self, text: Optional[str]) -> DateRef:
        return DateRef(
            text=text,
            start=self.start.isoformat(),
            end=self.end.isoformat(),
            granularity=self.granularity,
            anchored_to=self.anchored_to,
        )

    @classmethod
    def from_dateref(cls, ref: DateRef) -> "Interval":
        return cls(dt.date.fromisoformat(ref.start), dt.date.fromisoformat(ref.end), ref.granularity, ref.anchored_to)


def day(d: dt.date, anchored_to: str = "published") -> Interval:
    return Interval(d, d, "day", anchored_to)


def month_last_day(year: int, month: int) -> int:
    return calendar.monthrange(year, month)[1]


def month(year: int, month_no: int, anchored_to: str = "published") -> Interval:
    return Interval(
        dt.date(year, month_no, 1), dt.date(year, month_no, month_last_day(year, month_no)), "month", anchored_to
    )


def year(y: int, anchored_to: str = "published") -> Interval:
    return Interval(dt.date(y, 1, 1), dt.date(y, 12, 31), "year", anchored_to)


def week_of(d: dt.date) -> Interval:
    """The Monday-to-Sunday week containing `d`."""
    monday = d - dt.timedelta(days=d.weekday())
    return Interval(monday, monday + dt.timedelta(days=6), "week")


def weekend_of_week(d: dt.date) -> Interval:
    """Saturday and Sunday of the week containing `d`."""
    saturday = d - dt.timedelta(days=d.weekday()) + dt.timedelta(days=5)
    return Interval(saturday, saturday + ONE_DAY, "week")


def add_months(d: dt.date, n: int) -> dt.date:
    """`d` moved by `n` calendar months, the day clipped to the target month's length."""
    index = d.year * 12 + (d.month - 1) + n
    y, m = divmod(index, 12)
    return dt.date(y, m + 1, min(d.day, month_last_day(y, m + 1)))


def add_years(d: dt.date, n: int) -> dt.date:
    return add_months(d, 12 * n)


def month_shifted(d: dt.date, n: int) -> Interval:
    """The calendar month `n` months from the one containing `d`."""
    moved = add_months(d.replace(day=1), n)
    return month(moved.year, moved.month)


# --- seasons -----------------------------------------------------------------------------

SEASON_FIRST_MONTH = {"spring": 3, "summer": 6, "autumn": 9, "fall": 9, "winter": 12}


def season(name: str, label_year: int, anchored_to: str = "published") -> Interval:
    """The season `name` of `label_year` (winter: from that year's December to February)."""
    first = SEASON_FIRST_MONTH[name]
    start = dt.date(label_year, first, 1)
    last = add_months(start, 2)
    return Interval(start, dt.date(last.year, last.month, month_last_day(last.year, last.month)), "season", anchored_to)


def season_containing(name: str, d: dt.date) -> Optional[Interval]:
    for label in (d.year, d.year - 1):
        s = season(name, label)
        if s.start <= d <= s.end:
            return s
    return None


def season_latest_ended(name: str, d: dt.date) -> Interval:
    """The most recent season `name` that was over by `d` ("this past summer", "last summer")."""
    for label in (d.year, d.year - 1, d.year - 2):
        s = season(name, label)
        if s.end < d:
            return s
    raise AssertionError("unreachable: a season ends every year")


def season_latest_started(name: str, d: dt.date) -> Interval:
    """The most recent season `name` that had begun by `d` (it may still be running)."""
    for label in (d.year, d.year - 1):
        s = season(name, label)
        if s.start <= d:
            return s
    raise AssertionError("unreachable")


def season_next_starting(name: str, d: dt.date) -> Interval:
    """The first season `name` that begins after `d` ("next summer")."""
    for label in (d.year, d.year + 1):
        s = season(name, label)
        if s.start > d:
            return s
    raise AssertionError("unreachable")


# --- parts of months and years -------------------------------------------------------------


def part_of_month(m: Interval, part: str) -> Interval:
    """early/mid/late/beginning/end of a month, as days 1-10, 11-20, 21-end."""
    y, mo, last = m.start.year, m.start.month, m.end.day
    first_day, last_day = {
        "early": (1, 10),
        "beginning": (1, 10),
        "start": (1, 10),
        "mid": (11, 20),
        "middle": (11, 20),
        "late": (21, last),
        "end": (21, last),
    }[part]
    return Interval(dt.date(y, mo, first_day), dt.date(y, mo, last_day), "month", m.anchored_to)


def part_of_year(y: Interval, part: str) -> Interval:
    """early/mid/late (thirds), beginning/end (two months), halves and quarters of a year."""
    yr = y.start.year
    months = {
        "early": (1, 4),
        "mid": (5, 8),
        "middle": (5, 8),
        "late": (9, 12),
        "beginning": (1, 2),
        "start": (1, 2),
        "end": (11, 12),
        "first half": (1, 6),
        "second half": (7, 12),
        "first quarter": (1, 3),
        "second quarter": (4, 6),
        "third quarter": (7, 9),
        "fourth quarter": (10, 12),
    }[part]
    return Interval(
        dt.date(yr, months[0], 1), dt.date(yr, months[1], month_last_day(yr, months[1])), "months", y.anchored_to
    )


# --- choosing among repeating periods by tense ---------------------------------------------


def weekday_on_or_before(d: dt.date, weekday: int) -> dt.date:
    return d - dt.timedelta(days=(d.weekday() - weekday) % 7)


def weekday_on_or_after(d: dt.date, weekday: int) -> dt.date:
    return d + dt.timedelta(days=(weekday - d.weekday()) % 7)


def month_by_tense(month_no: int, pub: dt.date, tense: Tense) -> Interval:
    """A month named without a year: the next one not before `pub` for future events, the
    latest one not after it for past and tenseless ones (news reports the past). A present
    clause says little ("The incident follows a confrontation in February", "Voters go to the
    polls in November"): the nearer of the two, the past one on a tie (issue 25)."""
    before = month(pub.year if month_no <= pub.month else pub.year - 1, month_no)
    after = month(pub.year if month_no >= pub.month else pub.year + 1, month_no)
    if tense is Tense.PRESENT:
        return after if (after.start - pub).days < (pub - before.end).days else before
    return after if tense is Tense.FUTURE else before


def day_of_month_by_tense(month_no: int, day_no: int, pub: dt.date, tense: Tense) -> Optional[dt.date]:
    """A date given as month and day without a year, placed by the same rule as months: a present
    clause takes the nearer of the last and the next ("Between August 13 and 16, it is alleged
    soldiers arrested four men", published in September: last August, not next)."""
    candidates = []
    for y in (pub.year - 1, pub.year, pub.year + 1):
        if day_no <= month_last_day(y, month_no):
            candidates.append(dt.date(y, month_no, day_no))
    if not candidates:
        return None
    past = [c for c in candidates if c <= pub]
    future = [c for c in candidates if c >= pub]
    if tense is Tense.PRESENT and past and future:
        return future[0] if (future[0] - pub).days < (pub - past[-1]).days else past[-1]
    if tense in (Tense.FUTURE, Tense.PRESENT) and future:
        return future[0]
    return past[-1] if past else future[0]
