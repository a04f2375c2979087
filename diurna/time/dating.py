"""Which temporal expression dates an event: the one governing its clause, else one the
sentence opens with, else (for "then ...") the discourse's previous date."""

from __future__ import annotations

import datetime as dt
import re
from typing import TYPE_CHECKING, Optional

from diurna.document import ArticleDoc, TimexRef
from diurna.records import DateRef
from diurna.time.calendar import Tense
from diurna.time.detect import names_a_noun
from diurna.time.syntax import (
    INHERITING_CLAUSE_DEPS,
    MAX_CLIMB,
    Attachment,
    attachment,
    governing_verb,
    is_clause_head,
    occasion_before_its_consequence,
    ongoing_alongside_past,
    tense_of,
)

if TYPE_CHECKING:
    from spacy.tokens import Token

ATTACHMENTS_KEY = "diurna.time.attachments"
# Adverbs that carry the previous sentence's time into this one: "The army then withdrew ...".
CONTINUING_ADVERBS = {"then", "subsequently", "afterwards", "afterward", "thereafter"}
FRONTED_WITHIN = 2  # a date within the first tokens of a sentence scopes over all of it


def attachments_for(doc: ArticleDoc) -> list[Attachment]:
    """Where each of `doc.timexes` hangs in the parse, computed once per article and kept
    beside the parse (TimeStage stores it; recomputed if someone changed the timexes)."""
    cached = doc.spacy_doc.user_data.get(ATTACHMENTS_KEY)
    if cached is not None and len(cached) == len(doc.timexes):
        return cached
    computed = [attachment(doc.spacy_doc[t.token_start : t.token_end]) for t in doc.timexes]
    doc.spacy_doc.user_data[ATTACHMENTS_KEY] = computed
    return computed


def _published(doc: ArticleDoc) -> Optional[dt.date]:
    try:
        return dt.date.fromisoformat(doc.article.published or "")
    except ValueError:
        return None


def _compatible(timex: TimexRef, tense: Tense, published: Optional[dt.date]) -> bool:
    """A past-tense event never gets a date that starts after publication."""
    if tense is Tense.PAST and published is not None:
        return dt.date.fromisoformat(timex.date.start) <= published
    return True


# A dateline: "[Uzbekistan], July 5 :", "Jan. 26 (UPI) --", "Guatemala City, Oct 2 (EFE).-", "[Philippines],
# November 4 (ANI/Xinhua):" (two agencies). Its date is the day the story was filed, not a date of the
# events it tells.
_DATELINE_BEFORE = re.compile(r"(?:^|\n)[^\n.!?]{0,40}$")
_DATELINE_AFTER = re.compile(r"^\s*(?:\([A-Za-z][\w .&/-]{0,25}\))?\s*\.?\s*(?::|--|-|\u2014|\u2013)")


DATELINES_KEY = "diurna.time.datelines"


def is_dateline(doc: ArticleDoc, timex: TimexRef) -> bool:
    """Whether `timex` is the article's dateline (`_reads_as_dateline`), computed once per article:
    `event_date` asks for every expression on every call."""
    cached = doc.spacy_doc.user_data.get(DATELINES_KEY)
    if cached is None or cached[0] != len(doc.timexes):
        cached = (len(doc.timexes), frozenset(t.start for t in doc.timexes if _reads_as_dateline(doc, t)))
        doc.spacy_doc.user_data[DATELINES_KEY] = cached
    return timex.start in cached[1]


def _reads_as_dateline(doc: ArticleDoc, timex: TimexRef) -> bool:
    """Whether `timex` opens a paragraph as its dateline (at most a place before it, a dash or a
    colon after it, with perhaps the agency in brackets)."""
    before = doc.text[max(0, timex.start - 41) : timex.start]
    place = _DATELINE_BEFORE.search(before)
    if place is None or any(ch.isdigit() for ch in before):
        return False
    if any(w.strip("[](),")[:1].islower() for w in place.group().split()):
        return False  # "The army said on Monday - ...": a sentence, not a place
    return _DATELINE_AFTER.match(doc.text[timex.end : timex.end + 30]) is not None


# Words that make a noun the first or the most of its kind: "his first visit", "the biggest row".
_RANKING_WORDS = {"first", "last"}
_BASELINE_CLIMB = 3


def is_comparison_baseline(doc: ArticleDoc, timex: TimexRef) -> bool:
    """ "made his first visit to Egypt since 2012", "the biggest row between them since 1989", "the
    first time a president had declared martial law since 1980": "since" on a noun ranked first or
    most of its kind dates the last comparable event, never this one, which the rest of the clause
    dates ("today made his first visit ... since 2012": today)."""
    if not (timex.date.text or "").lower().startswith("since"):
        return False
    tok = doc.spacy_doc[timex.token_start : timex.token_end].root
    for _ in range(_BASELINE_CLIMB):
        if tok.head.i == tok.i:
            return False
        tok = tok.head
        if tok.pos_ == "NOUN" and any(
            ch.dep_ == "amod" and (ch.lower_ in _RANKING_WORDS or ch.tag_ == "JJS") for ch in tok.children
        ):
            return True
    return False


def _nearest(doc: ArticleDoc, indices: list[int], token: int) -> TimexRef:
    return doc.timexes[min(indices, key=lambda i: (abs(doc.timexes[i].token_start - token), i))]


TIMEXES_BY_SENTENCE_KEY = "diurna.time.timexes_by_sentence"


def _timexes_in_sentence(doc: ArticleDoc, sentence_start: int) -> list[int]:
    """Indices of `doc.timexes` that start in the sentence starting at token `sentence_start`, in
    order, from an index built once per article: every way `governing_timex` finds an expression
    (attached to the trigger or a clause above it, shared by conjuncts, fronted) stays inside the
    trigger's sentence, and filtering all the article's expressions for every event made dating
    cost grow with the square of the article's length."""
    cached = doc.spacy_doc.user_data.get(TIMEXES_BY_SENTENCE_KEY)
    if cached is None or cached[0] != len(doc.timexes):
        by_sentence: dict[int, list[int]] = {}
        for i, t in enumerate(doc.timexes):
            by_sentence.setdefault(doc.spacy_doc[t.token_start].sent.start, []).append(i)
        cached = (len(doc.timexes), by_sentence)
        doc.spacy_doc.user_data[TIMEXES_BY_SENTENCE_KEY] = cached
    return cached[1].get(sentence_start, [])


def governing_timex(doc: ArticleDoc, token: int) -> Optional[TimexRef]:
    """The expression dating the event at `token`: attached to it, or to a clause it inherits
    time from (coordinated, complement and adverbial clauses; a noun's governing verb)."""
    sdoc, published = doc.spacy_doc, _published(doc)
    atts = attachments_for(doc)
    trigger = sdoc[token]
    tense = tense_of(governing_verb(trigger))
    usable = [
        i
        for i in _timexes_in_sentence(doc, trigger.sent.start)
        if not (t := doc.timexes[i]).token_start <= token < t.token_end
        and _compatible(t, tense, published)
        and not is_dateline(doc, t)
        and not is_comparison_baseline(doc, t)
    ]
    cur = trigger
    for _ in range(MAX_CLIMB):
        here = [i for i in usable if _dates(doc, i, cur.i, atts)]
        if not here and is_clause_head(cur):
            here = _shared_by_conjuncts(doc, cur, usable, atts)
        if here:
            return _nearest(doc, here, token)
        if cur.head.i == cur.i:
            break
        if is_clause_head(cur) and cur.dep_ not in INHERITING_CLAUSE_DEPS:
            break  # relative clauses and the like keep their own time
        if ongoing_alongside_past(cur):
            return None  # "seized the airport on Monday as protests continue": the present of the telling
        cur = cur.head
    return _fronted_timex(doc, trigger, usable)


def _dates(doc: ArticleDoc, timex: int, token: int, atts: list[Attachment]) -> bool:
    """Whether the expression `timex` hangs from `token`: from its verb or its noun, but a date that
    names a noun the verb is turned towards ("demonstrated against the October 25 coup", "campaigned
    ahead of the June 7 primary") is the noun's date only. A noun the event happens at or in ("died
    in the 2012 attack", "spoke at Thursday's debate", "won Tuesday's primary") keeps dating it."""
    where = atts[timex]
    if token == where.noun:
        return True
    if token != where.verb:
        return False
    t = doc.timexes[timex]
    tokens = doc.spacy_doc[t.token_start : t.token_end]
    return not (names_a_noun(tokens, where) and _turned_towards(doc.spacy_doc[where.noun]))


# Prepositions of a noun an act is aimed at or done in view of, not an occasion it happens in.
ORIENTATION_PREPS = {"against", "toward", "towards", "ahead"}


def _turned_towards(noun: "Token") -> bool:
    """ "against the coup", "towards the vote", "ahead of the primary" (not "before": "did not heed
    warnings before the 2001 attacks" happened before that date, which a later rule bounds)."""
    if noun.dep_ != "pobj":
        return False
    prep = noun.head
    if prep.lower_ == "of":
        prep = prep.head  # "ahead of", "in advance of"
    return prep.lower_ in ORIENTATION_PREPS or (prep.lower_ == "advance" and prep.head.lower_ == "in")


def _shared_by_conjuncts(doc: ArticleDoc, verb: "Token", usable: list[int], atts: list[Attachment]) -> list[int]:
    """ "Gaddafi was overthrown and killed in 2011", "were arrested and charged on Monday": a date
    closing a coordination of verbs that share their subject dates each of them, when the earlier
    verb has none of its own (the parser hangs it on the last conjunct only)."""
    last = verb
    while True:
        nxt = [c for c in last.children if c.dep_ == "conj" and is_clause_head(c)]
        if not nxt:
            break
        last = nxt[-1]
    if last.i == verb.i or any(c.dep_ in ("nsubj", "nsubjpass") for c in last.children):
        return []  # no later conjunct, or one with its own subject: another clause
    return [
        i for i in usable if atts[i].verb == last.i and atts[i].noun is None and doc.timexes[i].token_start > last.i
    ]


def _fronted_timex(doc: ArticleDoc, trigger: "Token", usable: list[int]) -> Optional[TimexRef]:
    """ "In October, ..." scopes over its sentence even when the parser attached it elsewhere."""
    sent = trigger.sent
    atts = attachments_for(doc)
    for i in usable:
        t = doc.timexes[i]
        if (
            sent.start <= t.token_start <= sent.start + FRONTED_WITHIN
            and t.token_end <= sent.end
            and not (t.token_start <= trigger.i < t.token_end)
            and not _dates_an_occasion_only(doc, atts[i])
        ):
            return t
    return None


def _dates_an_occasion_only(doc: ArticleDoc, where: Attachment) -> bool:
    """ "The vote on Tuesday gives the governor a majority": an expression opening the sentence
    inside a subject that names an occasion dates the occasion, not a present or future predicate
    (`syntax.occasion_before_its_consequence`)."""
    return where.verb is None and where.noun is not None and occasion_before_its_consequence(doc.spacy_doc[where.noun])


def continued_timex(doc: ArticleDoc, token: int) -> Optional[TimexRef]:
    """For a clause saying "then", the last date mentioned before its sentence."""
    sdoc = doc.spacy_doc
    verb = governing_verb(sdoc[token])
    if verb is None or not any(c.lower_ in CONTINUING_ADVERBS and c.dep_ == "advmod" for c in verb.children):
        return None
    sent_start = sdoc[token].sent.start
    earlier = [t for t in doc.timexes if t.token_end <= sent_start]
    return earlier[-1] if earlier else None


def date_of_token(doc: ArticleDoc, token: int, follow_discourse: bool = True) -> Optional[DateRef]:
    """The date the text gives the event at `token`, or None when it gives none."""
    if doc.spacy_doc is None or not doc.timexes:
        return None
    timex = governing_timex(doc, token)
    if timex is None and follow_discourse:
        timex = continued_timex(doc, token)
    return timex.date if timex is not None else None
