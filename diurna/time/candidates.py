"""The dates an event could take, and what the chooser (`chooser.py`) reads about each (issue 25).

The anchor rules (`anchoring.ANCHOR_RULES`) stay the source of the dates: every rule that decides
for the event proposes its date, not only the first. Beside them come the dates the discourse
offers that no rule may have proposed: every expression of the event's sentence, the episode's
and the last told date, the previous sentence's last date, the lead's day, the dateline, the
publication day, "before publication, day unknown" and the story's news span (the day before
publication to publication). Equal intervals are one candidate with all its sources.

Each candidate is described by named features (`features`): where it comes from, whether it is the
rules' own choice (the first rule that decides), its granularity and distance from publication,
and those crossed with what the event's clause says (tense, aspect, "previously", the lead, a
quotation, whether the sentence has any expression). The chooser's weights are learned from the
real-text tune split's gold (scripts/train_dates.py).
"""

from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Callable, Optional

from diurna.nlp.syntax import first_conjunct
from diurna.records import DateRef
from diurna.time.background import in_lead_paragraph
from diurna.time.dating import is_dateline
from diurna.time.discourse import (
    BEFORE,
    EventClause,
    before,
    inside_quotation,
    is_bound_or_duration,
    is_lower_bound,
    publication_day,
    sentences_of,
)

if TYPE_CHECKING:
    from spacy.tokens import Token

# Words that mark a clause as background or as later than the story's time (the anchor rules'
# lists are the authority; these name the feature only).
BACKGROUND_WORDS = {"previously", "earlier", "formerly", "before", "already", "once"}
LATER_WORDS = {"subsequently", "later", "afterwards", "afterward", "thereafter", "eventually", "since", "then"}
# The story's news told without a day: from the day before publication to publication (`news.py`).
NEWS_SPAN_DAYS = 1
SAYING_LEMMAS = {"say", "tell", "announce", "report", "state", "add", "confirm", "claim", "note", "accord"}


@dataclass
class Candidate:
    """One interval an event could take, with the names of everything that proposed it."""

    date: DateRef
    sources: list[str] = field(default_factory=list)
    token_distance: Optional[int] = None  # tokens from the trigger, for a date the text states

    @property
    def key(self) -> tuple[str, str, str]:
        return (self.date.start, self.date.end, self.date.granularity)


# The sources of a date the event's own sentence states: its own expression, another of the sentence;
# the chooser reads them as stated (chooser.is_stated), the features by name ("decided=...&own").
OWN, SENTENCE = "own", "sentence"
STATED_SOURCES = (OWN, SENTENCE)


def _add(found: dict, date: Optional[DateRef], source: str, distance: Optional[int] = None) -> None:
    if date is None:
        return
    key = (date.start, date.end, date.granularity)
    cand = found.get(key)
    if cand is None:
        cand = found[key] = Candidate(date)
    cand.sources.append(source)
    if distance is not None and (cand.token_distance is None or distance < cand.token_distance):
        cand.token_distance = distance


def _timex_date(c: EventClause, k: int) -> Optional[DateRef]:
    """A stated expression as an event's date: a past event "this year" ends at publication, as
    `own_expression` says; bounds and durations are offered as they are (the chooser learns how
    rarely they are right)."""
    date = c.doc.timexes[k].date
    if c.looks_back and date.start <= c.published.isoformat() < date.end:
        return date.model_copy(update={"end": c.published.isoformat()})
    return date


def rule_dates(c: EventClause, settled: Optional[Callable[[DateRef], bool]] = None) -> list[tuple[str, DateRef]]:
    """The date of every anchor rule that decides for the event `c`, in rule order (the first is
    the rules' own choice, `anchoring.anchor_event`'s); only the first when `settled` says that
    no other date could replace it (the chooser's shortcut)."""
    from diurna.time.anchoring import deciding_rules

    out = []
    for name, date in deciding_rules(c):
        out.append((name, date))
        if len(out) == 1 and settled is not None and settled(date):
            break
    return out


def candidates(c: EventClause, decided: list[tuple[str, DateRef]]) -> list[Candidate]:
    """The candidates of the event `c`, given the dates the anchor rules decided for it (`rule_dates`,
    in rule order; the first is the rules' choice)."""
    found: dict[tuple[str, str, str], Candidate] = {}
    for name, date in decided:
        _add(found, date, "rule:" + name)
    if decided:
        first = decided[0][1]
        found[(first.start, first.end, first.granularity)].sources.append("first")
    doc, trigger = c.doc, c.trigger.i
    own = c.own
    for k in c.nearby:
        t = doc.timexes[k]
        kind = OWN if own is not None and t.start == own.start else SENTENCE
        _add(found, _timex_date(c, k), kind, abs(t.token_start - trigger))
    sents = sentences_of(doc)
    if c.sentence > 0:
        lo = sents.starts[c.sentence - 1]
        previous = [k for k, t in enumerate(doc.timexes) if lo <= t.token_start < sents.starts[c.sentence]]
        if previous:
            _add(found, _timex_date(c, previous[-1]), "previous_sentence")
    if c.episode is not None:
        _add(found, c.episode.date, "episode")
    if c.last_told is not None:
        _add(found, c.last_told.date, "last_told")
    if c.lead_date is not None:
        _add(found, c.lead_date.date, "lead_date")
    for t in doc.timexes:
        if is_dateline(doc, t):
            _add(found, t.date, "dateline")
            break
    _add(found, publication_day(c.published), "publication_day")
    _add(found, before(c.published), "before_publication")
    _add(found, before(c.published, start=c.published - dt.timedelta(days=NEWS_SPAN_DAYS)), "news_span")
    ref = c.reference_end()
    if ref != c.published:
        _add(found, before(ref), "before_episode")
    return list(found.values())


# Sources of the discourse whose worth depends on the clause (crossed with its context).
CROSSED_SOURCES = {*STATED_SOURCES, "previous_sentence", "episode", "last_told", "lead_date"}


# --- what the chooser reads --------------------------------------------------------------------


def _bucket(value: float, edges: tuple[float, ...]) -> str:
    for i, e in enumerate(edges):
        if value <= e:
            return str(i)
    return str(len(edges))


def _clause_dep(verb: Optional["Token"]) -> str:
    if verb is None:
        return "none"
    clause = first_conjunct(verb)
    dep = clause.dep_
    if dep in ("relcl", "acl"):
        return "relative"
    return dep if dep in ("ROOT", "ccomp", "advcl", "xcomp", "parataxis") else "other"


def context(c: EventClause, decided: list[tuple[str, DateRef]]) -> list[str]:
    """What the event's clause and its place say, and which rule decided for it (`decided`, in rule
    order), as feature names (crossed with each candidate's kind in `features`)."""
    verb = c.verb
    sents = sentences_of(c.doc)
    words = c.adverbs
    reported = verb is not None and verb.dep_ == "ccomp" and verb.head.lemma_ in SAYING_LEMMAS
    out = [
        "tense=" + c.tense.name.lower(),
        "perfect=" + (c.perfect or "none"),
        "dep=" + _clause_dep(verb),
        "trigger=" + ("noun" if c.trigger.pos_ in ("NOUN", "PROPN") else "verb"),
        "sentence=" + _bucket(c.sentence - sents.body_start, (-1, 0, 1, 3, 7, 15)),
        "timexes_in_sentence=" + _bucket(len(c.nearby), (0, 1)),
        "own="
        + ("none" if c.own is None else "bound" if is_bound_or_duration(c.own) or is_lower_bound(c.own) else "date"),
        "episode=" + ("yes" if c.episode is not None else "no"),
        "decided=" + (decided[0][0] if decided else "none"),
    ]
    ep = c.episode
    if ep is not None:
        age = (c.published - dt.date.fromisoformat(ep.date.end)).days
        out.append("episode_age=" + _bucket(age, (0, 1, 7, 31, 365)))
        told = sentences_of(c.doc).index(ep.token_start)
        out.append("episode_sentences_back=" + _bucket(c.sentence - told, (0, 1, 3, 8)))
    head = verb if verb is not None else c.trigger
    out.append("lemma=" + head.lemma_.lower())
    if head.lemma_ in SAYING_LEMMAS:
        out.append("saying")
    if in_lead_paragraph(c):
        out.append("lead_paragraph")
    if words & BACKGROUND_WORDS:
        out.append("background_adverb")
    if words & LATER_WORDS:
        out.append("later_adverb")
    if reported:
        out.append("reported")
    if inside_quotation(c.doc, c.trigger.idx):
        out.append("quoted")
    if c.sentence < sents.lead_end:
        out.append("lead")
    return out


def is_publication_day(date: DateRef, published: dt.date) -> bool:
    return date.granularity == "day" and date.start == date.end == published.isoformat()


def kind(cand: Candidate, published: dt.date) -> list[str]:
    """What kind of interval a candidate is, as feature names."""
    d = cand.date
    start, end = dt.date.fromisoformat(d.start), dt.date.fromisoformat(d.end)
    out = ["gran=" + d.granularity]
    if is_publication_day(d, published):
        out.append("is_publication_day")
    elif d.granularity == BEFORE and end == published:
        out.append("before_publication" if (end - start).days > NEWS_SPAN_DAYS else "news_span")
    elif d.granularity == BEFORE:
        out.append("before_earlier")
    else:
        out.append("stated_past" if end <= published else "stated_future")
    return out


def features(c: EventClause, cand: Candidate, ctx: list[str]) -> dict[str, float]:
    """The named features of one candidate of the event `c` whose `context` is `ctx` (binary
    unless said)."""
    d = cand.date
    start, end = dt.date.fromisoformat(d.start), dt.date.fromisoformat(d.end)
    kinds = kind(cand, c.published)
    out: dict[str, float] = {"bias": 1.0}
    for s in cand.sources:
        out["src=" + s] = 1.0
    for k in kinds:
        out["kind=" + k] = 1.0
    out["log_days_to_publication"] = math.log1p(max(0, (c.published - end).days)) / 5
    out["log_length"] = math.log1p((end - start).days) / 5
    out["future"] = float(start > c.published)
    if cand.token_distance is not None:
        out["token_distance=" + _bucket(cand.token_distance, (3, 8, 20))] = 1.0
    first = "first" in cand.sources
    crossed = kinds + (["first"] if first else []) + [s for s in cand.sources if s in CROSSED_SOURCES]
    for name in ctx:
        for k in crossed:
            out[name + "&" + k] = 1.0
    return out
