"""The grammar of English news temporal expressions: patterns and what each one means.

Each `Rule` pairs a regex (matched case-insensitively on raw text, an optional opening
preposition included) with a resolver that turns the match into an `Interval` given a
`Context`: the publication date, the tense of the clause the expression sits in (it decides
whether a bare "Friday" or "March" is the last one or the next one), and the latest date the
discourse mentioned before it (for "the next day", "that week").

The same rules serve detection (`find_candidates`, over the article text) and normalisation
(`normalise`, over one expression), so whatever is found can be normalised.
Rules are tried in the order they register (`RULES`); the last two families, counted and vague
spans and dates relative to the discourse, are in `grammar_relative.py`, imported at the end.
Conventions are documented in docs/time.md and in `calendar.py`.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from dataclasses import dataclass
from typing import Callable, Iterable, Iterator, Optional

from diurna.time import calendar as cal
from diurna.time.calendar import Interval, Tense
from diurna.time.lexicon import (
    CALENDAR_NAME,
    COMMA,
    DAY_NO,
    DAYPART,
    MONTH,
    MONTHS,
    POSSESSIVE,
    PREPOSITION,
    SEASON,
    SP,
    WEEKDAY,
    WEEKDAYS,
    YEAR,
    day_value,
)
from diurna.time.lexicon import (
    SEASONS as SEASONS_WORDS,
)


@dataclass(frozen=True)
class Context:
    published: dt.date
    tense: Tense = Tense.UNKNOWN
    anchor: Optional[Interval] = None  # the latest concrete date mentioned before the expression


Resolver = Callable[[re.Match, Context], Optional[Interval]]


@dataclass(frozen=True)
class Rule:
    name: str
    pattern: re.Pattern
    resolve: Resolver
    # Only taken from running text after a preposition or inside a spaCy DATE entity: a bare
    # "March", "2012" or "summer" is too often something else ("a march", "Resolution 2012").
    needs_cue: bool = False
    # Relative to the discourse's previous date rather than the publication date.
    discourse: bool = False
    # Not followed by a word: "the day before" is a date, "the day before the vote" is not one
    # this grammar can resolve; "on the 5th," is a date, "the 13th amendment" is not.
    standalone: bool = False


RULES: list[Rule] = []


def rule(
    body: str, needs_cue: bool = False, discourse: bool = False, standalone: bool = False
) -> Callable[[Resolver], Resolver]:
    """Register a resolver for expressions matching `body` (optionally after a preposition)."""
    pattern = re.compile(
        r"(?<![\w'\u2019])(?:(?P<prep>%s)%s)?(?P<body>%s)%s(?![\w'\u2019])" % (PREPOSITION, SP, body, POSSESSIVE),
        re.IGNORECASE,
    )

    def register(fn: Resolver) -> Resolver:
        RULES.append(Rule(fn.__name__, pattern, fn, needs_cue, discourse, standalone))
        return fn

    return register


# --- small helpers --------------------------------------------------------------------------


def _words(text: Optional[str]) -> str:
    return " ".join((text or "").lower().replace("\u2019", "'").split())


def _month_no(word: str) -> int:
    return MONTHS[_words(word).rstrip(".")]


def _day_no(word: str) -> int:
    return day_value(word)


def _safe_date(y: int, m: int, d: int) -> Optional[dt.date]:
    try:
        return dt.date(y, m, d)
    except ValueError:
        return None


def _two_digit_year(yy: int, pub: dt.date) -> int:
    """'17 -> 2017, '98 -> 1998: the century that puts the year no later than 10 years ahead."""
    y = 2000 + yy
    return y if y <= pub.year + 10 else y - 100


PAST_MODS = ("last", "this past", "past", "previous")
NEXT_MODS = ("next", "this coming", "coming")
MODIFIER = r"(?P<mod>this%spast|this%scoming|last|past|previous|next|coming|this)" % (SP, SP)


def _mod(m: re.Match) -> str:
    return _words(m.groupdict().get("mod"))


# --- explicit calendar dates ---------------------------------------------------------------


@rule(r"(?P<y>%s)-(?P<m>0?[1-9]|1[0-2])-(?P<d>[0-3]?\d)" % YEAR)
def iso_date(m: re.Match, ctx: Context) -> Optional[Interval]:
    d = _safe_date(int(m["y"]), int(m["m"]), int(m["d"]))
    return cal.day(d, "explicit") if d else None


@rule(r"(?P<a>[01]?\d|[23]\d|3[01])/(?P<b>[0-3]?\d)/(?P<y>%s|\d\d)" % YEAR)
def slash_date(m: re.Match, ctx: Context) -> Optional[Interval]:
    # US order (month/day) unless the first number cannot be a month: most English wire copy is US.
    a, b = int(m["a"]), int(m["b"])
    y = int(m["y"]) if len(m["y"]) == 4 else _two_digit_year(int(m["y"]), ctx.published)
    month_no, day_no = (a, b) if a <= 12 else (b, a)
    d = _safe_date(y, month_no, day_no)
    return cal.day(d, "explicit") if d else None


@rule(r"(?P<d>[0-3]?\d)\.(?P<m>[01]?\d)\.(?P<y>%s)" % YEAR)
def dotted_date(m: re.Match, ctx: Context) -> Optional[Interval]:
    # Day first: dotted numeric dates are the European (and Commonwealth) form.
    d = _safe_date(int(m["y"]), int(m["m"]), int(m["d"]))
    return cal.day(d, "explicit") if d else None


def _month_day(
    month_no: int, day_no: int, year_text: Optional[str], weekday_text: Optional[str], ctx: Context
) -> Optional[Interval]:
    if year_text:
        d = _safe_date(int(year_text), month_no, day_no)
        return cal.day(d, "explicit") if d else None
    if weekday_text:  # "Monday, Dec. 11": the weekday picks the year
        wd = WEEKDAYS[_words(weekday_text)]
        for y in sorted((ctx.published.year + k for k in (-1, 0, 1)), key=lambda y: abs(y - ctx.published.year)):
            d = _safe_date(y, month_no, day_no)
            if d and d.weekday() == wd:
                return cal.day(d)
    d = cal.day_of_month_by_tense(month_no, day_no, ctx.published, ctx.tense)
    return cal.day(d) if d else None


@rule(r"(?P<mod>last|this%spast|next|this%scoming)%s(?P<mon>%s)%s(?P<d>%s)" % (SP, SP, SP, MONTH, SP, DAY_NO))
def modified_month_day(m: re.Match, ctx: Context) -> Optional[Interval]:
    """ "last September 1", "next March 3": that day, the latest before publication or the first
    after it (not the whole month, which `month_name` would read from "last September")."""
    month_no, day_no, pub = _month_no(m["mon"]), _day_no(m["d"]), ctx.published
    years = (pub.year, pub.year - 1) if _mod(m) in PAST_MODS else (pub.year, pub.year + 1)
    for y in years:
        d = _safe_date(y, month_no, day_no)
        if d is not None and (d < pub if _mod(m) in PAST_MODS else d > pub):
            return cal.day(d)
    return None


@rule(r"(?:(?P<wd>%s)%s)?(?P<mon>%s)%s(?P<d>%s)(?:%s(?P<y>%s))?" % (WEEKDAY, COMMA, MONTH, SP, DAY_NO, COMMA, YEAR))
def month_day_year(m: re.Match, ctx: Context) -> Optional[Interval]:
    return _month_day(_month_no(m["mon"]), _day_no(m["d"]), m["y"], m["wd"], ctx)


@rule(
    r"(?P<mon>%s)%s(?P<d1>%s)%s(?:-|\u2013|to%s|through%s)%s(?P<d2>%s)(?:%s(?P<y>%s))?"
    % (MONTH, SP, DAY_NO, "[ \t\u00a0]*", SP, SP, "[ \t\u00a0]*", DAY_NO, COMMA, YEAR)
)
def month_day_range(m: re.Match, ctx: Context) -> Optional[Interval]:
    """ "September 16-19": the days from the first to the last, at day granularity."""
    first = _month_day(_month_no(m["mon"]), _day_no(m["d1"]), m["y"], None, ctx)
    if first is None:
        return None
    last = _safe_date(first.start.year, first.start.month, _day_no(m["d2"]))
    if last is None or last < first.start:
        return None
    return Interval(first.start, last, "day", first.anchored_to)


@rule(
    r"between%s(?P<mon>%s)%s(?P<d1>%s)%sand%s(?P<d2>%s)(?:%s(?P<y>%s))?"
    % (SP, MONTH, SP, DAY_NO, SP, SP, DAY_NO, COMMA, YEAR)
)
def between_month_days(m: re.Match, ctx: Context) -> Optional[Interval]:
    """ "between August 13 and 16": the days from the first to the last, as `month_day_range`."""
    return month_day_range(m, ctx)


@rule(
    r"(?:(?P<wd>%s)%s)?(?:the%s)?(?P<d>%s)%s(?:of%s)?(?P<mon>%s)(?:%s(?P<y>%s))?"
    % (WEEKDAY, COMMA, SP, DAY_NO, SP, SP, MONTH, COMMA, YEAR)
)
def day_month_year(m: re.Match, ctx: Context) -> Optional[Interval]:
    return _month_day(_month_no(m["mon"]), _day_no(m["d"]), m["y"], m["wd"], ctx)


@rule(r"the%s(?P<d>(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th))" % SP, needs_cue=True, standalone=True)
def ordinal_day(m: re.Match, ctx: Context) -> Optional[Interval]:
    """ "on the 8th": that day of the publication month, or of the month before/after by tense."""
    pub, day_no = ctx.published, _day_no(m["d"])
    options = [
        _safe_date(mm.year, mm.month, day_no) for mm in (cal.add_months(pub.replace(day=1), k) for k in (-1, 0, 1))
    ]
    options = [d for d in options if d]
    past = [d for d in options if d <= pub]
    future = [d for d in options if d >= pub]
    if ctx.tense in (Tense.FUTURE, Tense.PRESENT) and future:
        return cal.day(future[0])
    if past:
        return cal.day(past[-1])
    return cal.day(future[0]) if future else None


@rule(r"(?P<mon>%s)(?:%s(?:of%s)?|,%s)(?P<y>%s)" % (MONTH, SP, SP, SP, YEAR))
def month_year(m: re.Match, ctx: Context) -> Optional[Interval]:
    return cal.month(int(m["y"]), _month_no(m["mon"]), "explicit")


@rule(r"(?:%s%s)?(?P<mon>%s)" % (MODIFIER, SP, MONTH), needs_cue=True)
def month_name(m: re.Match, ctx: Context) -> Optional[Interval]:
    month_no, mod, pub = _month_no(m["mon"]), _mod(m), ctx.published
    if mod in PAST_MODS:
        return cal.month(pub.year if month_no < pub.month else pub.year - 1, month_no)
    if mod in NEXT_MODS:
        return cal.month(pub.year if month_no > pub.month else pub.year + 1, month_no)
    if mod == "this":
        return cal.month(pub.year, month_no)
    return cal.month_by_tense(month_no, pub, ctx.tense)


@rule(
    r"(?:(?P<a1>%s)[ \t\u00a0]*(?:-|\u2013)[ \t\u00a0]*(?P<b1>%s)|(?P<a2>%s)%s(?:to|until|through)%s(?P<b2>%s)"
    r"|between%s(?P<a3>%s)%sand%s(?P<b3>%s))" % (YEAR, YEAR, YEAR, SP, SP, YEAR, SP, YEAR, SP, SP, YEAR),
    needs_cue=True,
)
def year_range(m: re.Match, ctx: Context) -> Optional[Interval]:
    """ "from 2016 to 2022", "between 2019 and 2021", "2014-2016": the whole span, granularity
    `years` (not its first year, which "from 2016" alone would give)."""
    first = int(m["a1"] or m["a2"] or m["a3"])
    last = int(m["b1"] or m["b2"] or m["b3"])
    if last <= first:
        return None
    return Interval(dt.date(first, 1, 1), dt.date(last, 12, 31), "years", "explicit")


@rule(r"(?:the%syear%s)?(?P<y>%s)" % (SP, SP, YEAR), needs_cue=True)
def year_number(m: re.Match, ctx: Context) -> Optional[Interval]:
    return cal.year(int(m["y"]), "explicit")


@rule(r"(?:the%s)?(?:(?P<part>early|mid|late)[- ])?(?:(?P<cent>19|20)(?P<dec>\d)0s|'(?P<short>\d)0s)" % SP)
def decade(m: re.Match, ctx: Context) -> Optional[Interval]:
    if m["cent"]:
        first = int(m["cent"] + m["dec"] + "0")
    else:
        first = _two_digit_year(int(m["short"]) * 10, ctx.published)
        first = first if first + 9 < ctx.published.year + 1 else first - 100
    lo, hi = {"early": (0, 3), "mid": (4, 6), "late": (7, 9)}.get(_words(m["part"]), (0, 9))
    return Interval(dt.date(first + lo, 1, 1), dt.date(first + hi, 12, 31), "years", "explicit")


# --- days around the publication date -------------------------------------------------------


@rule(r"(?:(?P<when>earlier|later)%s)?(?:today|tonight|this%s(?:morning|afternoon|evening))" % (SP, SP))
def today(m: re.Match, ctx: Context) -> Optional[Interval]:
    return cal.day(ctx.published)


@rule(r"(?:yesterday(?:%s%s)?|last%snight|the%sday%sbefore%syesterday)" % (SP, DAYPART, SP, SP, SP, SP))
def yesterday(m: re.Match, ctx: Context) -> Optional[Interval]:
    back = 2 if "before" in m["body"].lower() else 1
    return cal.day(ctx.published - dt.timedelta(days=back))


@rule(r"(?:tomorrow(?:%s%s)?|the%sday%safter%stomorrow)" % (SP, DAYPART, SP, SP, SP))
def tomorrow(m: re.Match, ctx: Context) -> Optional[Interval]:
    ahead = 2 if "after" in m["body"].lower() else 1
    return cal.day(ctx.published + dt.timedelta(days=ahead))


@rule(r"(?:%s%s)?(?P<wd>%s)(?:%s%s)?" % (MODIFIER, SP, WEEKDAY, SP, DAYPART))
def weekday(m: re.Match, ctx: Context) -> Optional[Interval]:
    """ "on Monday" is the publication day when it is a Monday; otherwise the last such day for
    past events, the next one for future and present (scheduled) ones."""
    wd, mod, pub = WEEKDAYS[_words(m["wd"])], _mod(m), ctx.published
    if mod in PAST_MODS:
        return cal.day(_last_weekday(pub, wd, mod))
    if mod in NEXT_MODS:
        return cal.day(cal.weekday_on_or_after(pub + cal.ONE_DAY, wd))
    if mod == "this" and ctx.tense is Tense.UNKNOWN:
        return cal.day(cal.week_of(pub).start + dt.timedelta(days=wd))
    if ctx.tense in (Tense.FUTURE, Tense.PRESENT):
        return cal.day(cal.weekday_on_or_after(pub, wd))
    return cal.day(cal.weekday_on_or_before(pub, wd))


def _last_weekday(pub: dt.date, wd: int, mod: str) -> dt.date:
    """ "last Wednesday" is the latest Wednesday before publication, except the day before it: news
    calls that day "yesterday" or plain "Thursday", so "last Thursday" written on a Friday is the
    Thursday of the week before ("this past Thursday" keeps the day before)."""
    latest = cal.weekday_on_or_before(pub - cal.ONE_DAY, wd)
    if mod == "last" and latest == pub - cal.ONE_DAY:
        return latest - dt.timedelta(days=7)
    return latest


# --- weeks, months, years relative to the publication date ----------------------------------


def _period_of(unit: str, d: dt.date) -> Interval:
    if unit == "week":
        return cal.week_of(d)
    if unit == "month":
        return cal.month(d.year, d.month)
    return cal.year(d.year)


def _shift(d: dt.date, unit: str, n: int) -> dt.date:
    if unit == "day":
        return d + dt.timedelta(days=n)
    if unit == "week":
        return d + dt.timedelta(weeks=n)
    if unit == "month":
        return cal.add_months(d, n)
    if unit == "decade":
        return cal.add_years(d, 10 * n)
    return cal.add_years(d, n)


@rule(
    r"(?:(?P<mod>last|past|previous|this|next|coming|current)|the%s(?P<dmod>past|previous|coming|current))%s"
    r"(?P<unit>week|month|year)" % (SP, SP)
)
def this_last_next_period(m: re.Match, ctx: Context) -> Optional[Interval]:
    unit, pub = m["unit"].lower(), ctx.published
    if m["dmod"] and m["dmod"].lower() == "previous":
        return None  # "the previous week" looks back from the discourse: see `relative_period`
    mod = _words(m["mod"] or m["dmod"])
    if mod in ("past", "last") and m["dmod"]:
        # "the past week": the span up to publication, not the calendar week before
        return Interval(_shift(pub, unit, -1), pub, unit)
    if unit == "week" and mod == "last" and pub.weekday() == SUNDAY:
        return _week_ending_on_a_sunday(pub)
    if unit == "week" and mod == "this" and pub.weekday() == SUNDAY and ctx.tense == Tense.FUTURE:
        return _week_after_a_sunday(pub)
    shift = {"last": -1, "past": -1, "previous": -1, "next": 1, "coming": 1}.get(mod, 0)
    return _period_of(unit, _shift(pub, unit, shift))


SUNDAY = 6


def _week_ending_on_a_sunday(pub: dt.date) -> Interval:
    """ "last week" in a story published on a Sunday is the working week that has just ended, Monday
    to Saturday, not the calendar week before it: a Sunday paper looks back on the week it closes.
    PolNeAR train's Sunday stories, checked against the days the events are known to have happened:
    "an embarrassing loss to Donald Trump last week in his home state" (the Florida primary, Tuesday
    15 March 2016, published Sunday 20 March), "Trump last week invited Russia to dig up ... emails"
    (Wednesday 27 July, published 31 July), "last week's Wisconsin primary" (Tuesday 5 April,
    published 10 April), "Trump's calling Hillary Clinton a bigot last week" (24 August, published
    28 August): 7 of the 8 whose day is known fell in the week ending on publication."""
    return Interval(pub - dt.timedelta(days=6), pub - dt.timedelta(days=1), "week")


def _week_after_a_sunday(pub: dt.date) -> Interval:
    """ "this week" told of what is coming, in a story published on a Sunday, is the week that starts
    the next day: the calendar week of the Sunday is over. PolNeAR train's Sunday stories: "opposes the
    rules committee making any changes this week" and "this week's meeting" (the RNC meeting of 20-22
    April 2016, published 17 April). Only in the future tense: a present is as often what is going on
    as the Sunday closes the week ("farmers are protesting in Brussels this week"), and told of the past
    it stays the calendar week ("said this week", "announced a small ad buy this week")."""
    return cal.week_of(pub + dt.timedelta(days=1))


@rule(r"(?P<when>earlier|later)%s(?:this|in%sthe)%s(?P<unit>week|month|year)" % (SP, SP, SP))
def earlier_later_this_period(m: re.Match, ctx: Context) -> Optional[Interval]:
    unit, pub = m["unit"].lower(), ctx.published
    period = _period_of(unit, pub)
    if m["when"].lower() == "earlier":
        return Interval(period.start, pub, unit)
    return Interval(pub, period.end, unit)


@rule(r"the%sweek%s(?P<which>before%slast|after%snext)" % (SP, SP, SP, SP))
def week_before_last(m: re.Match, ctx: Context) -> Optional[Interval]:
    n = -14 if m["which"].lower().startswith("before") else 14
    return cal.week_of(ctx.published + dt.timedelta(days=n))


@rule(r"(?:(?P<mod>this%spast|last|past|this|next|coming|the)%s)?weekend" % (SP, SP), needs_cue=True)
def weekend(m: re.Match, ctx: Context) -> Optional[Interval]:
    pub, mod = ctx.published, _mod(m)
    current = cal.weekend_of_week(pub)
    recent = current if current.start <= pub else cal.weekend_of_week(pub - dt.timedelta(days=7))
    upcoming = current if current.end >= pub else cal.weekend_of_week(pub + dt.timedelta(days=7))
    if mod in ("last", "past", "this past"):
        return recent if recent.end < pub else cal.weekend_of_week(pub - dt.timedelta(days=7))
    if mod in ("next", "coming"):
        return upcoming if upcoming.start > pub else cal.weekend_of_week(pub + dt.timedelta(days=7))
    return upcoming if ctx.tense in (Tense.FUTURE, Tense.PRESENT) else recent


@rule(r"this%stime%slast%syear" % (SP, SP, SP))
def this_time_last_year(m: re.Match, ctx: Context) -> Optional[Interval]:
    return cal.day(cal.add_years(ctx.published, -1))


# --- parts of a month, a year, a season -----------------------------------------------------

PART = (
    r"(?:(?P<part>early|mid|middle|late)(?:-|%s)|the%s(?P<part2>beginning|start|end|middle|first%shalf|second%shalf|(?:first|second|third|fourth)%squarter)%sof%s)"
    % (SP, SP, SP, SP, SP, SP, SP)
)
PERIOD = r"(?P<period>(?:%s(?:%s(?:of%s)?%s)?)|%s|(?:last|this|next|the)%s(?:month|year)|(?:the%s)?(?:%s%s)?%s)" % (
    MONTH,
    SP,
    SP,
    YEAR,
    YEAR,
    SP,
    SP,
    MODIFIER.replace("?P<mod>", ""),
    SP,
    SEASON,
)


@rule(PART + PERIOD)
def part_of_period(m: re.Match, ctx: Context) -> Optional[Interval]:
    part = _words(m["part"] or m["part2"])
    period_text = _words(m["period"])
    period_text = {"the month": "this month", "the year": "this year"}.get(period_text, period_text)
    period = normalise(period_text, ctx.published, ctx.tense)
    if period is None:
        return None
    if period.granularity == "month" and "half" not in part and "quarter" not in part:
        return cal.part_of_month(period, part)
    if period.granularity == "year":
        return cal.part_of_year(period, part)
    if period.granularity == "season":
        return period  # "late summer": the season; thirds of a season are not worth the guess
    return None


@rule(r"q(?P<q>[1-4])%s(?P<y>%s)" % (SP, YEAR))
def quarter(m: re.Match, ctx: Context) -> Optional[Interval]:
    part = ("first", "second", "third", "fourth")[int(m["q"]) - 1] + " quarter"
    return cal.part_of_year(cal.year(int(m["y"]), "explicit"), part)


# --- seasons --------------------------------------------------------------------------------


@rule(
    r"(?:(?P<mod>this%spast|this%scoming|last|past|this|next|coming)%s|the%s)?(?P<season>%s)(?:%s(?:of%s)?(?P<y>%s))?"
    % (SP, SP, SP, SP, SEASON, SP, SP, YEAR),
    needs_cue=True,
)
def season(m: re.Match, ctx: Context) -> Optional[Interval]:
    name, mod, pub = m["season"].lower(), _mod(m), ctx.published
    if m["y"]:
        return cal.season(name, int(m["y"]), "explicit")
    if mod in ("last", "past", "this past"):
        return cal.season_latest_ended(name, pub)
    if mod in NEXT_MODS:
        return cal.season_next_starting(name, pub)
    current = cal.season_containing(name, pub)
    if mod == "this":
        if current:
            return current
        if ctx.tense is Tense.PAST:
            return cal.season_latest_ended(name, pub)
        if ctx.tense in (Tense.FUTURE, Tense.PRESENT):
            return cal.season_next_starting(name, pub)
        return cal.season(name, pub.year if name != "winter" or pub.month == 12 else pub.year - 1)
    if ctx.tense is Tense.PAST:
        return cal.season_latest_started(name, pub)
    if ctx.tense in (Tense.FUTURE, Tense.PRESENT):
        return current or cal.season_next_starting(name, pub)
    return current or cal.season_latest_ended(name, pub)


# --- using the grammar ------------------------------------------------------------------------


def clean(text: str) -> str:
    """One expression's text with runs of white space collapsed (so patterns with SP match)."""
    return " ".join(text.replace("\u2019", "'").split())


def strip_preposition(text: str) -> str:
    m = re.match(r"(?:%s)%s" % (PREPOSITION, SP), text, re.IGNORECASE)
    return text[m.end() :] if m else text


@functools.lru_cache(maxsize=65536)
def normalise(
    text: str, published: dt.date, tense: Tense = Tense.UNKNOWN, anchor: Optional[Interval] = None
) -> Optional[Interval]:
    """The interval one temporal expression denotes, or None when the grammar does not know it."""
    text = clean(text)
    for r in RULES:
        m = r.pattern.fullmatch(text)
        if m is not None:
            ctx = Context(published, tense, anchor if r.discourse else None)
            result = r.resolve(m, ctx)
            if result is not None:
                return result
    return None


def standalone_only(text: str) -> bool:
    """Whether the grammar reads `text` only when no word follows it ("the 13th")."""
    text = clean(text)
    return any(r.standalone and r.pattern.fullmatch(text) for r in RULES)


@dataclass(frozen=True)
class Candidate:
    """A stretch of text one rule recognises (character offsets, end-exclusive)."""

    start: int
    end: int
    rule: Rule
    has_preposition: bool


_CAPITALISED_NAME = re.compile(CALENDAR_NAME, re.IGNORECASE)


def _names_capitalised(text: str) -> bool:
    """News capitalises months and weekdays; lower-case "may" or "march" is a verb or a noun."""
    return all(w.group()[0].isupper() for w in _CAPITALISED_NAME.finditer(text))


# Every rule's body contains one of these words or a digit, so the rules only need to run
# near them: scanning ~30 patterns over a whole article costs ~10x more than over windows.
_KEYWORD = re.compile(
    r"\d|\b(?:%s|%s|%s|%s|today|tonight|yesterday|tomorrow|week|weekend|month|year|decade|"
    r"day|ago|recent|recently|lately|quarter|time)s?\b"
    % ("|".join(MONTHS), "|".join(WEEKDAYS), "|".join(SEASONS_WORDS), DAYPART),
    re.IGNORECASE,
)
WINDOW_CHARS = 48  # longer than any preposition and modifiers before, or date parts after, a keyword


def keyword_windows(text: str) -> list[tuple[int, int]]:
    """Stretches of `text` around temporal keywords, merged, cut at white space."""
    windows: list[tuple[int, int]] = []
    for m in _KEYWORD.finditer(text):
        lo = max(0, m.start() - WINDOW_CHARS)
        hi = min(len(text), m.end() + WINDOW_CHARS)
        while lo > 0 and not text[lo - 1].isspace():
            lo -= 1
        while hi < len(text) and not text[hi].isspace():
            hi += 1
        if windows and lo <= windows[-1][1]:
            windows[-1] = (windows[-1][0], max(hi, windows[-1][1]))
        else:
            windows.append((lo, hi))
    return windows


_NEXT_WORD = re.compile(r"[ \t\u00a0]*\w")


def word_follows(text: str, end: int) -> bool:
    return _NEXT_WORD.match(text, end) is not None


def find_candidates(text: str) -> Iterator[Candidate]:
    """Every match of every rule in `text`, overlapping ones included (the caller picks)."""
    for lo, hi in keyword_windows(text):
        for r in RULES:
            for m in r.pattern.finditer(text, lo, hi):
                if not _names_capitalised(m.group()) or (r.standalone and word_follows(text, m.end())):
                    continue
                # "after Tuesday's vote": the preposition governs the noun, not the date
                possessive = m.group().endswith(("'s", "\u2019s"))
                start = m.start("body") if possessive else m.start()
                yield Candidate(start, m.end(), r, m["prep"] is not None and not possessive)


def longest_first(candidates: Iterable[Candidate]) -> list[Candidate]:
    """Non-overlapping candidates, longer ones winning, in text order."""
    chosen: list[Candidate] = []
    for c in sorted(candidates, key=lambda c: (-(c.end - c.start), c.start)):
        if all(c.end <= k.start or c.start >= k.end for k in chosen):
            chosen.append(c)
    return sorted(chosen, key=lambda c: c.start)


# The rule families for spans and for dates relative to the discourse come last in `RULES`: they
# register when this import runs, after every rule above (see grammar_relative.py).
from diurna.time import grammar_relative  # noqa: E402, F401
