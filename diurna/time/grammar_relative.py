"""The grammar's rules for spans and for dates relative to the discourse (the last of `RULES`).

Counted and vague spans back from the publication date ("three days ago", "the past two years",
"recently") and dates counted from the discourse's previous date ("the next day", "that week",
"two weeks later"). They live beside `grammar.py`, which holds the registry, the other rule
families and the functions that use them; `grammar.py` imports this module at its end, so these
rules register after its own and `RULES` keeps the order in which the rules are tried.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Optional

from diurna.time import calendar as cal
from diurna.time.calendar import Interval, Tense
from diurna.time.grammar import Context, _month_no, _period_of, _shift, _words, rule
from diurna.time.lexicon import COUNT, MONTH, MONTHS, SEASON, SEASONS, SP, UNIT, VAGUE, VAGUE_COUNTS, count_value

# --- counted and vague spans ----------------------------------------------------------------


def _unit(word: str) -> str:
    return word.lower().rstrip("s")


SPAN_GRANULARITY = {"day": "week", "week": "months", "month": "months", "year": "years", "decade": "years"}


@rule(r"(?P<n>%s)%s(?P<unit>%s)%sago" % (COUNT, SP, UNIT, SP))
def counted_ago(m: re.Match, ctx: Context) -> Optional[Interval]:
    n, unit, pub = count_value(m["n"]), _unit(m["unit"]), ctx.published
    if unit == "day":
        return cal.day(pub - dt.timedelta(days=n))
    if unit == "week":
        return cal.week_of(pub - dt.timedelta(weeks=n))
    if unit == "month":
        return cal.month_shifted(pub, -n)
    if unit == "year":
        return cal.year(pub.year - n)
    # decades are never meant to the year: the decade's middle year give or take one
    return Interval(dt.date(pub.year - 10 * n - 1, 1, 1), dt.date(pub.year - 10 * n + 1, 12, 31), "years")


def _vague_back(pub: dt.date, unit: str, lo: int, hi: int) -> Interval:
    """From `hi` to `lo` units before publication, widened to whole months/years where coarse."""
    start, end = _shift(pub, unit, -hi), _shift(pub, unit, -lo)
    if unit == "month":
        start, end = start.replace(day=1), cal.month(end.year, end.month).end
    if unit in ("year", "decade"):
        start, end = dt.date(start.year, 1, 1), dt.date(end.year, 12, 31)
    return Interval(start, end, SPAN_GRANULARITY[unit])


@rule(r"(?P<q>%s%s)?(?P<unit>days|weeks|months|years|decades)%sago" % (VAGUE, SP, SP))
def vague_ago(m: re.Match, ctx: Context) -> Optional[Interval]:
    lo, hi = VAGUE_COUNTS[_words(m["q"])]
    return _vague_back(ctx.published, _unit(m["unit"]), lo, hi)


@rule(r"(?:the%s)?(?:past|last)%s(?:(?P<n>%s)%s|(?P<q>%s)%s)?(?P<unit>%s)" % (SP, SP, COUNT, SP, VAGUE, SP, UNIT))
def past_span(m: re.Match, ctx: Context) -> Optional[Interval]:
    """ "the past two years": from that far back up to publication."""
    unit, pub = _unit(m["unit"]), ctx.published
    plural = m["unit"].lower().endswith("s")
    if m["q"]:
        _, n = VAGUE_COUNTS[_words(m["q"])]
    elif m["n"]:
        n = count_value(m["n"])
    elif plural:
        return None  # "last years" is not English news usage
    elif unit == "day":
        return None  # "the last day of the talks" is not a span up to publication
    else:
        n = 1
    if not m["body"].lower().startswith("the") and not plural and n == 1 and unit != "decade":
        return None  # "last week" is the calendar week: `this_last_next_period`
    granularity = unit if n == 1 and unit != "decade" else SPAN_GRANULARITY[unit]
    return Interval(_shift(pub, unit, -n), pub, granularity)


RECENT_SPAN = {
    "day": ("day", 7),
    "week": ("week", 6),
    "month": ("month", 6),
    "year": ("year", 5),
    "decade": ("year", 30),
}


@rule(r"(?:recently|lately|(?:in%s)?recent%s(?P<unit>days|weeks|months|years|decades|times))" % (SP, SP))
def recently(m: re.Match, ctx: Context) -> Optional[Interval]:
    unit = _unit(m["unit"] or "months")
    if unit == "time":
        unit = "month"
    if m["unit"] is None:
        return Interval(cal.add_months(ctx.published, -3), ctx.published, "months")
    step, n = RECENT_SPAN[unit]
    return Interval(_shift(ctx.published, step, -n), ctx.published, SPAN_GRANULARITY[unit])


# --- relative to the discourse's previous date ----------------------------------------------


def _anchor(ctx: Context) -> Interval:
    return ctx.anchor or cal.day(ctx.published)


@rule(
    r"(?:the%s)?(?P<dir>next|following|previous|preceding)%s(?P<unit>day|morning|afternoon|evening|night|week|month|year)"
    % (SP, SP),
    discourse=True,
)
def relative_period(m: re.Match, ctx: Context) -> Optional[Interval]:
    if not m["body"].lower().startswith("the") and m["dir"].lower() == "next":
        return None  # "next week" counts from publication: `this_last_next_period`
    step = 1 if m["dir"].lower() in ("next", "following") else -1
    unit = m["unit"].lower()
    base = _anchor(ctx).start
    if unit in ("week", "month", "year"):
        return _period_of(unit, _shift(base, unit, step))
    return cal.day(base + dt.timedelta(days=step))


@rule(r"the%sday%s(?P<dir>before|after)" % (SP, SP), discourse=True, standalone=True)
def day_before_after(m: re.Match, ctx: Context) -> Optional[Interval]:
    step = 1 if m["dir"].lower() == "after" else -1
    return cal.day(_anchor(ctx).start + dt.timedelta(days=step))


@rule(
    r"(?:(?:earlier|later)%s)?(?:that|the%ssame)%s(?P<unit>day|morning|afternoon|evening|night|week|month|year|%s|%s)"
    % (SP, SP, SP, MONTH, SEASON),
    discourse=True,
)
def that_period(m: re.Match, ctx: Context) -> Optional[Interval]:
    """ "that night", "the same year"; "In 2019 ... That October" is October 2019 (issue 25); "that
    summer" likewise."""
    unit, anchor = m["unit"].lower(), _anchor(ctx)
    if unit.rstrip(".") in MONTHS:
        named = cal.month(anchor.start.year, _month_no(unit)) if ctx.anchor is not None else None
        if named is None or (named.start > ctx.published and ctx.tense is not Tense.FUTURE):
            # no date told yet, or the anchor's year would put it after publication ("on Thursday" in
            # March, then "the killings that October"): the latest such month before publication
            return cal.month_by_tense(_month_no(unit), ctx.published, Tense.PAST)
        return named
    if unit in SEASONS:  # "In 2019 ... that summer": 2019's; after a day of the story's week, the latest one
        named = cal.season(unit, anchor.start.year) if ctx.anchor is not None else None
        if named is None or (named.start > ctx.published and ctx.tense is not Tense.FUTURE):
            return cal.season_latest_started(unit, ctx.published)
        return named
    if unit in ("week", "month", "year"):
        return _period_of(unit, anchor.start)
    return cal.day(anchor.start) if anchor.granularity == "day" else None


@rule(r"(?:at%s)?(?:the|that)%stime" % (SP, SP), discourse=True, standalone=True)
def at_the_time(m: re.Match, ctx: Context) -> Optional[Interval]:
    """ "At the time, ...": the date the discourse was at; nothing when it was at none."""
    return ctx.anchor


@rule(r"(?P<n>%s)%s(?P<unit>days?|weeks?|months?|years?)%s(?P<dir>later|earlier)" % (COUNT, SP, SP), discourse=True)
def counted_later(m: re.Match, ctx: Context) -> Optional[Interval]:
    n, unit, anchor = count_value(m["n"]), _unit(m["unit"]), _anchor(ctx)
    n = n if m["dir"].lower() == "later" else -n
    moved = _shift(anchor.start, unit, n)
    if unit in ("day", "week") and anchor.granularity == "day":
        return cal.day(moved)
    return _period_of("week" if unit == "day" else unit, moved)
