"""The view of one event the anchor rules (`anchoring.py`) read: its clause, tense and aspect,
its place in the article (lead, sentence, episode), the dates its sentence and the discourse
offer, and the intervals the rules give (issue 25).

The **episode** is the story's current time: the latest date before the event, within
EPISODE_SENTENCES sentences, of a main or coordinated clause (not of a noun or a description).
A **before** interval is "some day up to this date, which one the text does not say".
"""

from __future__ import annotations

import bisect
import datetime as dt
import functools
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING, Optional

from diurna.document import ArticleDoc, TimexRef
from diurna.nlp.index import index
from diurna.nlp.quotations import quoted_at
from diurna.nlp.syntax import first_conjunct
from diurna.records import DateRef
from diurna.time.calendar import Tense
from diurna.time.dating import attachments_for, governing_timex, is_dateline
from diurna.time.detect import NOUN_MODIFIER_DEPS
from diurna.time.lexicon import NUMBER_WORDS
from diurna.time.syntax import ARGUMENT_DEPS, governing_verb, is_clause_head, tense_of

if TYPE_CHECKING:
    from spacy.tokens import Token

BEFORE = "before"
# How far back a "before" interval reaches when the text gives no lower bound: a convention
# (documented in docs/time.md), not a bound the text states; the granularity says so.
LOOKBACK = dt.timedelta(days=365)
# An episode's date carries over this many sentences at most (a report of one debate or interview,
# its quotations split into many sentences): further on, a simple past clause is undated background.
EPISODE_SENTENCES = 20
# Lead sentences (after the headline): a story's own news, dated by publication when they say
# nothing else.
LEAD_SENTENCES = 2
# A headline's events take the lead's day when one of the lead paragraph's first sentences gives
# a day at most STORY_DAYS before publication ("9 killed in raid" / "... raided Jenin on Thursday").
LEAD_DATE_SENTENCES = 3
STORY_DAYS = dt.timedelta(days=7)
# Granularities concrete enough to be an episode's date ("recently" and "before" are not).
EPISODE_GRANULARITIES = ("day", "week", "month", "season", "year")
# Words that put a date in a clause or phrase told relative to another event ("after a court
# jailed him on Wednesday", "before the general arrived in 2019", "since 2020"): that date is
# the other event's, not the time the story is at.
RELATIVE_TIME_WORDS = {"after", "before", "since", "following", "until", "till", "prior"}

# Expressions that bound or measure an event rather than date it: a deadline ("until the end
# of 2028", "by Friday"), a duration ("for three years").
_BOUND_OR_DURATION = re.compile(r"(?:until|till|by|for)\b", re.IGNORECASE)
# Expressions that give only a lower bound: the event came after that date.
_LOWER_BOUND = re.compile(r"(?:after|following|since)\b", re.IGNORECASE)
# A date that modifies a noun or is a verb's argument is no time the story is at.
NOT_STORY_TIME_DEPS = set(NOUN_MODIFIER_DEPS) | ARGUMENT_DEPS
OCCASION_PREPOSITIONS = {"in", "at", "during"}


def occasion_of(date_root: "Token") -> Optional["Token"]:
    """What a dated occasion is the place of: the word "in Saturday's debate", "at Monday's
    summit" or "during the March 3 rally" hangs from ("unleashed attacks", "his victory")."""
    noun = date_root.head
    if date_root.dep_ not in NOUN_MODIFIER_DEPS or noun.dep_ != "pobj":
        return None
    prep = noun.head
    return prep.head if prep.dep_ == "prep" and prep.lower_ in OCCASION_PREPOSITIONS else None


def _is_clause_occasion(date_root: "Token") -> bool:
    """ "attacked Rubio in Saturday's debate", "Saturday night's debate could not have been more
    awkward": a possessive date of an occasion a main clause is about, so the story's time; "a
    win in the July 28 election" and "a November general election" are a noun's."""
    if date_root.dep_ != "poss":
        return False
    noun = date_root.head
    if noun.dep_ in ("nsubj", "nsubjpass") and is_clause_head(noun.head) and noun.head.dep_ not in ("relcl", "acl"):
        return True
    holder = occasion_of(date_root)
    if holder is None:
        return False
    return is_clause_head(holder) or (holder.dep_ == "dobj" and is_clause_head(holder.head))


def in_relative_time_phrase(date_root: "Token") -> bool:
    """Whether a date lies inside a clause or phrase opened by "after", "before", "since" ... that
    hangs from a clause of its sentence: the date of another event than that clause's."""
    return _relative_time_head(date_root) is not None


def _relative_time_head(date_root: "Token") -> Optional["Token"]:
    """The "after"/"since" ... preposition or clause a date lies inside, if any."""
    for tok in date_root.ancestors:
        if tok.dep_ == "prep" and tok.lower_ in RELATIVE_TIME_WORDS:
            return tok
        if tok.lower_ == "following" and tok.dep_ in ("advcl", "acl", "xcomp"):
            return tok  # "launched an offensive following the attacks on 7 October": parsed as a verb
        if tok.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in RELATIVE_TIME_WORDS for c in tok.children):
            return tok
    return None


def _inside_description(date_root: "Token", verb: "Token") -> bool:
    """Whether a date belongs to a relative clause or a participle describing a noun, however deep
    ("an association that played a role in driving protests in 2019")."""
    return verb.dep_ in ("relcl", "acl") or any(a.dep_ in ("relcl", "acl") for a in date_root.ancestors)


def inside_quotation(doc: ArticleDoc, at: int) -> bool:
    """Whether offset `at` lies inside a quoted passage: the passages the quote stage and the actor
    stage read (`diurna.nlp.quotations`, computed once per article), so that the three stages agree on
    what a speaker said (a quotation running over several paragraphs, an apostrophe that is not a mark)."""
    spans, _ = index(doc.spacy_doc).quotations(doc.text)
    return quoted_at(spans, at)


def is_bound_or_duration(timex: TimexRef) -> bool:
    return _BOUND_OR_DURATION.match(timex.date.text or "") is not None


def is_past_upper_bound(timex: TimexRef, verb: Optional["Token"]) -> bool:
    """ "By Monday morning, the ritual had begun": in a past clause "by" says the story had got
    there by that date (for a coming one it is a deadline)."""
    return (timex.date.text or "").lower().startswith("by") and tense_of(verb) is Tense.PAST


def is_lower_bound(timex: TimexRef) -> bool:
    return _LOWER_BOUND.match(timex.date.text or "") is not None


def is_story_time(doc: ArticleDoc, k: int, published: dt.date, descriptions: bool) -> bool:
    """Whether `doc.timexes[k]` dates the time the story is at: a concrete past date of a main or
    coordinated clause, outside quotations, not a noun's date, a topic, a bound, or the date of an
    event told relative to another; with `descriptions`, relative clauses' dates count too."""
    t = doc.timexes[k]
    if t.date.granularity not in EPISODE_GRANULARITIES:
        return False
    root = doc.spacy_doc[t.token_start : t.token_end].root
    if inside_quotation(doc, t.start):
        return False  # '"Today's speech shows ...," Green said': the speaker's today, not the story's
    if is_dateline(doc, t):
        return False  # "Jan. 26 (UPI) -- Israeli forces conducted ...": the filing day
    if root.dep_ in NOT_STORY_TIME_DEPS and not _is_clause_occasion(root):
        return False  # "the July 28 election", "recalled January 6": a noun's date or a topic
    att = attachments_for(doc)[k]
    verb = doc.spacy_doc[att.verb] if att.verb is not None else governing_verb(root)
    verb = verb if verb is not None else root.sent.root  # a fragment the parser rooted on a non-verb
    if verb is None or (not descriptions and _inside_description(root, verb)):
        return False  # "the campaign she led this past summer": a description, not the story's time
    if (
        (is_bound_or_duration(t) and not is_past_upper_bound(t, verb))
        or is_lower_bound(t)
        or t.date.start > published.isoformat()
    ):
        return False
    # "expelled diplomats on Wednesday after a court jailed a man ... in 2019"
    return not in_relative_time_phrase(root)


# --- what the rules read about one event ---------------------------------------------------


@dataclass(frozen=True)
class Sentences:
    """Sentence starts of an article and where its lead ends, computed once per article."""

    starts: list[int]
    lead_end: int  # sentences before this index are the headline and the lead
    body_start: int = 0  # the lead paragraph's first sentence (after a headline and label lines)

    def index(self, token: int) -> int:
        return bisect.bisect_right(self.starts, token) - 1


_SENTENCES_KEY = "diurna.time.sentences"
HEADLINE_TOKENS = 30  # a first line this short, with more text below, is a headline
LABEL_TOKENS = 3  # "ABSTRACT.", "FULL TEXT.", a byline: lines that are no paragraph


def sentences_of(doc: ArticleDoc) -> Sentences:
    cached = doc.spacy_doc.user_data.get(_SENTENCES_KEY)
    if cached is None:
        from spacy.attrs import SENT_START

        column = doc.spacy_doc.to_array([SENT_START])
        starts = [i for i, v in enumerate(column) if i == 0 or v == 1]
        cached = Sentences(starts, *_lead_bounds(doc, starts))
        doc.spacy_doc.user_data[_SENTENCES_KEY] = cached
    return cached


def _lead_bounds(doc: ArticleDoc, starts: list[int]) -> tuple[int, int]:
    """(end of the lead, first sentence of the lead paragraph). The lead is the first LEAD_SENTENCES sentences of the first paragraph of the body (not the
    paragraph after it), past a headline (a short first line with text below it) and label lines
    ("ABSTRACT."); the headline counts as lead too."""
    sdoc, text = doc.spacy_doc, doc.text
    bounds = starts + [len(sdoc)]
    paragraphs: list[list[int]] = []  # sentence numbers, grouped by the line they start on
    line = -1
    for k, start in enumerate(starts):
        here = text.count("\n", 0, sdoc[start].idx) if start < len(sdoc) else line
        if here != line or not paragraphs:
            paragraphs.append([])
            line = here
        paragraphs[-1].append(k)

    def size(group: list[int]) -> int:
        return sum(1 for k in group for t in sdoc[bounds[k] : bounds[k + 1]] if not t.is_space)

    first = 0
    if len(paragraphs) > 1 and size(paragraphs[0]) <= HEADLINE_TOKENS:
        first = 1
        while first < len(paragraphs) - 1 and size(paragraphs[first]) <= LABEL_TOKENS:
            first += 1
    if first >= len(paragraphs):
        return LEAD_SENTENCES, 0
    lead = paragraphs[first][:LEAD_SENTENCES]  # the lead is one paragraph, however short
    return lead[-1] + 1, lead[0]


def perfect_aspect(verb: Optional["Token"], depth: int = 0) -> Optional[str]:
    """ "past" for had + VBN ("had accused", "had been occupying"), "present" for has/have + VBN,
    None otherwise; a coordinated verb with no auxiliary of its own shares its head's aspect."""
    if verb is None:
        return None
    haves = [c for c in verb.children if c.dep_ == "aux" and c.lemma_ == "have"]
    if haves:
        if any(c.dep_ == "aux" and c.tag_ == "MD" for c in verb.children):
            return None  # "would have agreed": a counterfactual, not a perfect
        return "past" if haves[0].tag_ == "VBD" else "present"
    own_aux = any(c.dep_ in ("aux", "auxpass") for c in verb.children)
    if depth < 2 and verb.dep_ == "conj" and not own_aux and verb.tag_ in ("VBN", "VBD"):
        return perfect_aspect(verb.head, depth + 1)
    return None


@dataclass
class EventClause:
    """An event's trigger with what the anchor rules read: its clause, tense, aspect, adverbs,
    place in the article, and the dates its clause and the discourse offer."""

    doc: ArticleDoc
    trigger: "Token"
    published: dt.date

    @classmethod
    def of(cls, doc: ArticleDoc, token: int) -> Optional["EventClause"]:
        """The clause of the event whose trigger is token `token`, read against the article's
        publication date; None without a parse or a usable publication date (no rule dates it)."""
        if doc.spacy_doc is None:
            return None
        try:
            published = dt.date.fromisoformat(doc.article.published or "")
        except ValueError:
            return None
        return cls(doc, doc.spacy_doc[token], published)

    @functools.cached_property
    def verb(self) -> Optional["Token"]:
        return governing_verb(self.trigger)

    @functools.cached_property
    def tense(self) -> Tense:
        """The clause's tense; a participle or noun the parser hung where no tense reaches
        ("split from the bloc, forming an alliance") takes its sentence's main verb's."""
        tense = tense_of(self.verb)
        if tense is Tense.UNKNOWN:
            tense = tense_of(self.trigger.sent.root)
        return tense

    @functools.cached_property
    def perfect(self) -> Optional[str]:
        return perfect_aspect(self.verb)

    @functools.cached_property
    def sentence(self) -> int:
        return sentences_of(self.doc).index(self.trigger.i)

    @functools.cached_property
    def own(self) -> Optional[TimexRef]:
        """The expression governing the event's clause; not one inside an "after"/"following"
        phrase of a clause above it ("suspended Guinea following Sunday's coup, calling for ...":
        Sunday is the coup's, a lower bound for the suspension, not the call's date)."""
        timex = governing_timex(self.doc, self.trigger.i)
        if timex is None:
            return None
        root = self.doc.spacy_doc[timex.token_start : timex.token_end].root
        phrase = _relative_time_head(root)
        if phrase is not None and not phrase.left_edge.i <= self.trigger.i <= phrase.right_edge.i:
            head = phrase.head
            if self.trigger.i != head.i and (self.verb is None or self.verb.i != head.i):
                return None
        return timex

    @functools.cached_property
    def nearby(self) -> list[int]:
        """Indices into `doc.timexes` of the expressions in the event's sentence: the only ones
        the clause-level rules look at (most sentences have none, and then they cost nothing)."""
        starts = sentences_of(self.doc).starts
        lo = starts[self.sentence]
        hi = starts[self.sentence + 1] if self.sentence + 1 < len(starts) else len(self.doc.spacy_doc)
        return [k for k, t in enumerate(self.doc.timexes) if lo <= t.token_start < hi]

    @functools.cached_property
    def adverbs(self) -> set[str]:
        verb = self.verb if self.verb is not None else self.trigger
        return {c.lower_ for c in verb.children if c.dep_ in ("advmod", "npadvmod")}

    @property
    def looks_back(self) -> bool:
        return self.tense is Tense.PAST or self.perfect is not None

    @functools.cached_property
    def episode(self) -> Optional[TimexRef]:
        """The latest concrete past date the discourse gave before this event, within the
        episode window: the date of a main or coordinated clause (not of a noun, nor of a
        relative clause describing one), found in an earlier sentence or earlier in this one."""
        return self._latest_date(descriptions=False)

    @functools.cached_property
    def last_told(self) -> Optional[TimexRef]:
        """The date of the last dated event told before this one, descriptions included
        ("Santos, who had signed a treaty two years earlier. The FARC subsequently ...")."""
        return self._latest_date(descriptions=True)

    def _latest_date(self, descriptions: bool) -> Optional[TimexRef]:
        sents = sentences_of(self.doc)
        first = sents.starts[max(0, self.sentence - EPISODE_SENTENCES)]
        for k in range(len(self.doc.timexes) - 1, -1, -1):
            t = self.doc.timexes[k]
            if t.token_end > self.trigger.i:
                continue
            if t.token_start < first:
                return None
            if is_story_time(self.doc, k, self.published, descriptions):
                return t
        return None

    @functools.cached_property
    def lead_date(self) -> Optional[TimexRef]:
        """The day the lead paragraph's news happened, when its first sentences date it (the
        first story-time day within LEAD_DATE_SENTENCES sentences of the lead paragraph's start,
        no further back than STORY_DAYS before publication): what a headline's events are dated by."""
        sents = sentences_of(self.doc)
        lo = sents.starts[sents.body_start]
        last = sents.body_start + LEAD_DATE_SENTENCES
        hi = sents.starts[last] if last < len(sents.starts) else len(self.doc.spacy_doc)
        earliest = (self.published - STORY_DAYS).isoformat()
        for k, t in enumerate(self.doc.timexes):
            if t.token_start >= hi:
                break
            if (
                t.token_start >= lo
                and t.date.granularity == "day"
                and earliest <= t.date.start <= self.published.isoformat()
                and is_story_time(self.doc, k, self.published, descriptions=False)
            ):
                return t
        return None

    def following(self, timex: TimexRef, text: Optional[str] = None) -> Optional[DateRef]:
        """ "following X" with X dated: within the episode X belongs to ("Last Friday ... urged.
        Iranians took to the streets following Friday prayers"), X's date; otherwise after it."""
        ep = self.episode
        if ep is not None and (ep.date.start, ep.date.end) == (timex.date.start, timex.date.end):
            return timex.date.model_copy(update={"text": text}) if text is not None else timex.date
        return after(timex, self.published, text)

    def reference_end(self) -> dt.date:
        """The date before which a background event lies: the episode's, else publication."""
        if self.perfect != "present" and self.episode is not None:
            return min(dt.date.fromisoformat(self.episode.date.end), self.published)
        return self.published


def undated_story_clause(c: EventClause) -> bool:
    """A simple past main clause, or the clause a verb of saying reports, in a story that has told
    no date so far ("A spokesman said the militants attacked the base", "Oli withdrew the rule after
    the violence"): the story's own news, told without a day (`news.undated_story_event`)."""
    verb = c.verb
    if verb is None or c.episode is not None or c.tense is not Tense.PAST or c.perfect is not None:
        return False
    clause = first_conjunct(verb)
    return clause.dep_ in ("ROOT", "ccomp")


# --- how far apart two events are told ---------------------------------------------------

_GAP_UNITS = {"minutes": 0, "hours": 0, "moments": 0, "day": 1, "days": 1, "week": 7, "weeks": 7, "morning": 1}
_AT_ONCE = {"immediately", "shortly"}  # "came immediately after the EU sanctioned ...": the same day


def measured_gap(clause: "Token") -> Optional[dt.timedelta]:
    """ "a day after", "two days after", "a week after": the measure before the clause's mark, on
    the clause, on its mark, on the verb the clause explains right before the clause, or on any
    word just before it (the parser hangs "a day" of "the arrests came a day after ..." on any of
    these: "suspended talks a day after" hangs it on "talks")."""
    measures = list(clause.children)
    for mark in (ch for ch in clause.children if ch.dep_ == "mark"):
        measures += list(mark.children)  # "two days after": "days" on the mark
    if clause.head.i != clause.i:
        measures += [
            ch
            for ch in clause.head.children
            if ch.dep_ in ("npadvmod", "advmod") and ch.i < clause.i and ch.right_edge.i == clause.left_edge.i - 1
        ]
    if clause.left_edge.i > 0:  # "suspended talks a day after ...": the measure hung on the object before the clause
        last = clause.doc[clause.left_edge.i - 1]
        measures += [last] if last.dep_ == "npadvmod" and last not in measures else []
    for ch in measures:
        if ch.dep_ == "advmod" and ch.lower_ in _AT_ONCE:
            return dt.timedelta(0)
        if ch.dep_ == "npadvmod" and ch.lower_ in _GAP_UNITS:
            if _GAP_UNITS[ch.lower_] == 0:
                return dt.timedelta(0)
            count = next((g for g in ch.children if g.dep_ in ("det", "nummod")), None)
            if count is None:
                return None
            n = 1 if count.lower_ in ("a", "an", "one", "the") else NUMBER_WORDS.get(count.lower_)
            if n is None and count.text.isdigit():
                n = int(count.text)
            return dt.timedelta(days=n * _GAP_UNITS[ch.lower_]) if n else None
        if ch.dep_ == "npadvmod" and ch.lower_ in ("minute", "hour", "moment"):
            return dt.timedelta(0)
    return None


# --- the dates rules give ------------------------------------------------------------------


def publication_day(published: dt.date) -> DateRef:
    day = published.isoformat()
    return DateRef(text=None, start=day, end=day, granularity="day", anchored_to="published")


def before(
    end: dt.date, text: Optional[str] = None, start: Optional[dt.date] = None, anchored_to: str = "published"
) -> DateRef:
    """Some day up to `end`, which one unknown; from `start` when the text bounds it, else from
    LOOKBACK before `end`."""
    first = start if start is not None and start <= end else end - LOOKBACK
    return DateRef(text=text, start=first.isoformat(), end=end.isoformat(), granularity=BEFORE, anchored_to=anchored_to)


def after(timex: TimexRef, published: dt.date, text: Optional[str] = None) -> Optional[DateRef]:
    """From a dated event's first day to publication: "following X" when X's date is known."""
    start = dt.date.fromisoformat(timex.date.start)
    if start > published:
        return None
    return before(published, text if text is not None else timex.date.text, start, timex.date.anchored_to)


# --- the cause an "after" clause tells --------------------------------------------------------

# "Germany expelled two diplomats on Wednesday after a court jailed a man": news tells with "after" the
# cause that set off a dated act. Of the 27 such causes of the real-text tune split (2026-12-06) whose
# act had a day and no gap told ("after", not "days after"), the gold day lay on the act's day or the
# day before in 19, overlapped them in 5 and lay earlier in 3; a year-long "before" said nothing of
# it. The cause: from the day before the act to the act's day, day unknown (granularity `before`).
CAUSE_SPAN = dt.timedelta(days=1)
# Periods a sentence is framed in ("In September, the government suspended talks a day after an
# attack", "In 2018, she was detained after she met EU envoys", "The ban came in December, two
# weeks after ..."): the cause is told inside the same frame.
FRAME_GRANULARITIES = {"week", "month", "season", "year"}
# Units of a gap told but not measured in days: "days after", "weeks after", "less than a month after".
GAP_WORDS = {"days", "week", "weeks", "month", "months", "year", "years"}


def cause_interval(clause: "Token", act: DateRef, end: dt.date, gap: Optional[dt.timedelta]) -> DateRef:
    """When the event of the adverbial `clause` (opened by "after", "since" or "once"), earlier than
    the act it explains dated `act` (up to `end`), took place, no day measured before it: the day
    before the act or the act's day for an act dated by a day; inside the act's period for one dated
    by a week, month or year; else, and for "since", "once" and a gap told without a measure, some
    day before `end`."""
    if not _opened_by_after(clause) or (gap is None and _unmeasured_gap(clause)):
        return before(end)  # "since", "days after", "two months after": further back, how far unknown
    if act.granularity == "day":
        return before(end, start=end - CAUSE_SPAN, anchored_to=act.anchored_to)
    if act.granularity in FRAME_GRANULARITIES:
        return _within_frame(act, end, gap)
    return before(end)


def _unmeasured_gap(clause: "Token") -> bool:
    """Whether a unit of time stands just before the clause's "after" without a measure
    `measured_gap` reads ("days after", "less than a month after", "two months after"): the cause
    lies further back than the day before, how far the text does not say."""
    for mark in (ch for ch in clause.children if ch.dep_ == "mark"):
        if any(t.lower_ in GAP_WORDS for t in clause.doc[max(0, mark.i - 3) : mark.i]):
            return True
    return False


def _opened_by_after(clause: "Token") -> bool:
    """ "after" tells the cause that set an act off; "since" and "once" the start of a state that
    may have lasted long ("have protested since the vote was annulled")."""
    return any(ch.dep_ == "mark" and ch.lower_ == "after" for ch in clause.children)


def _within_frame(act: DateRef, end: dt.date, gap: Optional[dt.timedelta]) -> DateRef:
    """The cause of an act dated by a period: from the period's start to its end (less a measured
    gap shorter than the period), day unknown; a gap as long as the period leaves it open."""
    start = dt.date.fromisoformat(act.start)
    if gap is not None:
        if end - gap < start:
            return before(end - gap)
        end = end - gap
    return before(end, start=start, anchored_to=act.anchored_to)
