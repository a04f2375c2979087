"""Anchor rules for background the text tells in the present tenses (issue 25): events that the
news-tense default (`news_tenses`: present perfect and present clauses speak of publication)
would date on the publication day although the story gives them only as context.

Wire copy closes with context paragraphs: "The ministry, which has promised an inquiry, ...",
"Rwanda denies backing the rebels", "sanctions imposed over Moscow's annexation of Crimea".
Nothing in them says when. A main clause's present perfect below the lead paragraph is on real
text as often the day's reaction ("the EU has condemned the violence") as background ("Guatemala
has asked the UN to send police"), and the parse does not tell them apart: it gets "before
publication", true of both (`perfect_below_lead`), not the publication day, true of one.
These rules give the clauses whose form marks them as context the honest interval: before
publication, day unknown (granularity `before`). They register themselves in
`anchoring.ANCHOR_RULES`, ahead of `news_tenses`; everything that dates a clause (its own
expression, a when-clause, the lead, a reporting verb) runs earlier and wins.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Optional

from diurna.nlp.syntax import with_absolute_head
from diurna.records import DateRef
from diurna.time.anchoring import anchor_rule
from diurna.time.calendar import Tense
from diurna.time.discourse import EventClause, before, inside_quotation, perfect_aspect, sentences_of
from diurna.time.grammar import _shift
from diurna.time.grammar_relative import SPAN_GRANULARITY
from diurna.time.lexicon import NUMBER_WORDS

if TYPE_CHECKING:
    from spacy.tokens import Token

__all__ = [
    "perfect_below_lead",
    "perfect_for_span",
    "perfect_description",
    "possessed_event_noun",
    "standing_position",
    "standing_state",
]


def _reported(verb: "Token") -> bool:
    """Whether the clause (or the clause its conjunct joins) is the complement of a reporting
    verb ("police said they have arrested two men", "confirmed that 14 soldiers have been
    arrested"): a report of the day's news, which the news tenses date by publication."""
    clause = verb
    for _ in range(3):
        if clause.dep_ == "conj" and clause.head.i != clause.i:
            clause = clause.head
            continue
        break
    return clause.dep_ in ("ccomp", "parataxis")


# "forces have reportedly halted an attack": the adverb of a report ("are reported to have halted")
REPORT_ADVERBS = {"reportedly", "allegedly", "apparently"}


# More sentences than a lead paragraph has: a body of one paragraph this long is a story whose
# paragraph breaks were lost, not a lead.
ONE_PARAGRAPH_BODY = 6


def in_lead_paragraph(c: EventClause) -> bool:
    """In the lead, or in the rest of the lead paragraph: the first paragraph tells the day's
    news ("The party has condemned the arrests" three sentences in); context comes below it. In
    copy whose body is a single paragraph (its breaks lost) only the lead sentences count."""
    sents = sentences_of(c.doc)
    if c.sentence < sents.lead_end:
        return True
    lead_start = c.doc.spacy_doc[sents.starts[sents.body_start]].idx
    if "\n" not in c.doc.text[lead_start:].strip() and len(sents.starts) - sents.body_start > ONE_PARAGRAPH_BODY:
        return False  # a whole story in one paragraph (copy whose breaks were lost): only the lead is the lead
    return "\n" not in c.doc.text[lead_start : c.trigger.idx]


# Acts whose "for" phrase sets the term of what they impose, which runs from the act on: "has been
# jailed for 19 years", "has declared a ceasefire for three days", "has extended the ban for a
# month". Their present perfect is the day's news with a term, not a span up to now.
TERM_SETTING_VERBS = {
    "sentence",
    "jail",
    "imprison",
    "ban",
    "bar",
    "suspend",
    "declare",
    "announce",
    "agree",
    "extend",
    "impose",
    "sign",
    "approve",
    "order",
    "grant",
    "give",
    "renew",
    "postpone",
    "delay",
    "close",
    "shut",
    "elect",
    "appoint",
    "expel",
    "exile",
    "deploy",
    "send",
}


@anchor_rule(
    "Strikes have gone on for 19 days, with dockers demanding higher pay (published 24 April) "
    "-> 6 to 24 April, for 'gone' and 'demanding'",
    before="news_tenses",
    # final: the learned chooser may narrow a rule's interval to a day inside it, and a span of weeks or
    # years holds the day of any other sentence of the story ("on Friday" of the lead, review14); the
    # span is what the text says
    final=True,
)
def perfect_for_span(c: EventClause) -> Optional[DateRef]:
    """A present perfect with a "for" duration ("strikes have gone on for 19 days", "the
    rebels have held the town for three months", "talks have been going on for a year") tells an
    event that has run over that span up to now: its date is the span, counted back from
    publication with the publication day as its last day, not the publication day (news) nor some
    day before it (background). A "with" absolute or an -ing adjunct of that clause ("..., with
    dockers demanding higher pay") runs over the same span. The duration is no temporal
    expression of its own (durations are not dates, docs/time.md), so the parse is read here."""
    holder = _span_holder(c.verb)
    if holder is None or perfect_aspect(holder) != "present" or holder.lemma_ in TERM_SETTING_VERBS:
        return None
    counted = _for_duration(holder)
    if counted is None:
        return None
    n, unit, phrase = counted
    start = _shift(c.published, unit, -n) + dt.timedelta(days=1)
    # the granularity of the grammar's "the past N units"; one week, month or year keeps its own
    granularity = unit if n == 1 and unit in ("week", "month", "year") else SPAN_GRANULARITY[unit]
    return DateRef(
        text=phrase,
        start=start.isoformat(),
        end=c.published.isoformat(),
        granularity=granularity,
        anchored_to="published",
    )


def _span_holder(verb: Optional["Token"]) -> Optional["Token"]:
    """The clause whose time the event's clause shares: itself, or the clause a "with" absolute
    ("with dockers demanding higher pay") or an -ing adjunct hangs from."""
    if verb is None:
        return None
    absolute = with_absolute_head(verb)
    if absolute is not None:
        return absolute
    if verb.dep_ == "advcl" and verb.tag_ == "VBG" and not any(ch.dep_ in ("mark", "aux") for ch in verb.children):
        return verb.head
    return verb


def _for_duration(verb: "Token") -> Optional[tuple[int, str, str]]:
    """(count, unit, text) of a "for" phrase of `verb` that measures a span: "for 19 days", "for
    three months", "for more than a year", "for two decades"; not "for the election", "for years"."""
    for prep in (ch for ch in verb.children if ch.dep_ == "prep" and ch.lower_ == "for"):
        for noun in (ch for ch in prep.children if ch.dep_ == "pobj"):
            unit = noun.lemma_.lower()
            if unit not in SPAN_GRANULARITY:
                continue
            for num in (ch for ch in noun.children if ch.dep_ in ("nummod", "det")):
                word = num.lower_
                n = int(word) if word.isdigit() else NUMBER_WORDS.get(word)
                if n:
                    span = verb.doc[prep.i : noun.i + 1]
                    return n, unit, span.text
    return None


@anchor_rule(
    "Talks resumed on Monday. ... The ministry, which has promised an inquiry, declined to comment "
    "(a later paragraph) -> before publication, for 'promised'",
    before="news_tenses",
)
def perfect_description(c: EventClause) -> Optional[DateRef]:
    """A present perfect relative clause set off by a comma below the lead paragraph describes its
    noun ("the former president, who has denied any wrongdoing", "the ministry, which has promised
    an inquiry"): background the text does not date, like the past-tense `description`; the act
    came some time before publication. A relative clause that picks out its noun ("the men who
    have been released") stays the day's news."""
    verb = c.verb
    if c.perfect != "present" or verb is None or verb.dep_ != "relcl" or in_lead_paragraph(c) or not _set_off(verb):
        return None
    if c.adverbs & REPORT_ADVERBS or any(ch.dep_ == "auxpass" for ch in verb.children):
        return None  # "who have reportedly fled", "which has been closed": the news's result
    return before(c.published)


def _set_off(clause: "Token") -> bool:
    """A relative clause set off by a comma or dash describes its noun ("the government, which
    has promised ..."); one that is not picks the noun out ("protesters who have stormed ...")."""
    i = clause.left_edge.i
    return i > 0 and clause.doc[i - 1].text in (",", "\u2014", "\u2013", "-", "(")


# Verbs whose simple present states a position held, not an act of the day: "Rwanda denies
# backing the M23", "Beijing claims the island as its territory", "officials blame the delay on",
# "the opposition accuses Weah of mismanagement".
STANCE_VERBS = {"deny", "claim", "blame", "dispute", "maintain", "accuse"}


@anchor_rule(
    "Talks resumed on Monday. ... Rwanda denies backing the rebels (a later paragraph) -> before publication",
    before="news_tenses",
)
def standing_position(c: EventClause) -> Optional[DateRef]:
    """A stance verb in the simple present below the lead paragraph ("Kigali denies backing the
    rebels", "the junta blames the delay on the insurgency") is a position the actor holds, taken
    at some undated time before publication; in the lead ("Kremlin denies report") it is news."""
    verb = c.verb
    if verb is None or c.tense is not Tense.PRESENT or c.perfect is not None or in_lead_paragraph(c) or _reported(verb):
        return None
    if verb.lemma_ not in STANCE_VERBS or verb.tag_ not in ("VBZ", "VBP"):
        return None
    if any(ch.dep_ in ("aux", "auxpass") for ch in verb.children):
        return None  # "is denying", "will deny": not a standing position
    return before(c.published)


@anchor_rule(
    "Talks resumed on Monday. ... The sanctions remain over Moscow's annexation of Crimea -> before publication",
    before="news_tenses",
)
def possessed_event_noun(c: EventClause) -> Optional[DateRef]:
    """An event named by a noun with its actor as possessor ("sanctions over Moscow's annexation
    of Crimea", "Addis Ababa's demands for a port"), in a present or tenseless clause below the
    lead paragraph: a known event the context refers to, not the day's news; its date is not
    told (a dated possessor, "Sunday's coup", is an expression and dates it earlier)."""
    noun = c.trigger
    if noun.pos_ != "NOUN" or in_lead_paragraph(c) or c.looks_back:
        return None
    if not any(ch.dep_ == "poss" and ch.pos_ == "PROPN" for ch in noun.children):
        return None
    return before(c.published)


# Verbs whose present perfect states a position held or a standing fact, not an act of the day:
# "Kigali has denied backing the rebels", "the president has refused to let inspectors in", "the junta has
# rejected the allegation", "their demands have included new elections", "the U.S. has blamed such
# attacks on Iranian proxies" (not "accuse": "the rebels have accused the governor of fraud" is the day's).
STANDING_PERFECT_VERBS = {
    "deny",
    "refuse",
    "reject",
    "dispute",
    "maintain",
    "insist",
    "include",
    "remain",
    "blame",
    "claim",
}
# Adverbs that spread a present perfect over time before today: "has long backed", "has repeatedly
# denied", "has previously attacked".
SPREAD_ADVERBS = {"long", "repeatedly", "previously", "always", "never", "often", "frequently", "consistently"}


@anchor_rule(
    "Talks resumed on Monday. ... Kigali has repeatedly denied backing the rebels (a later paragraph) "
    "-> before publication",
    before="news_tenses",
)
def perfect_below_lead(c: EventClause) -> Optional[DateRef]:
    """A main clause's present perfect below the lead paragraph that states a standing position or
    a fact spread over time ("Kigali has denied backing the rebels", "the president has refused to
    accept observers", "the group has repeatedly attacked journalists"): context the text does not date; before
    publication, day unknown. Any other present perfect below the lead is the story's news like the
    lead's ("Strikers have vowed to stay out", "Messages of sympathy have come from abroad",
    "Rights groups have criticised the arrests"): the day's reactions, which the news tenses date
    by publication (issue 25: on the real-text set these are most present perfects below the lead,
    and their gold is the story's news).
    A report's adverb or a passive ("has reportedly halted", "has been detained by the police")
    states the news's result and stays with the news tenses."""
    verb = c.verb
    if verb is None or c.perfect != "present" or in_lead_paragraph(c) or _reported(verb):
        return None
    if verb.dep_ not in ("ROOT", "conj"):
        return None  # relative and adverbial clauses: `perfect_description`, the news tenses
    if c.adverbs & REPORT_ADVERBS or any(ch.dep_ == "auxpass" for ch in verb.children):
        return None
    if verb.lemma_ not in STANDING_PERFECT_VERBS and not c.adverbs & SPREAD_ADVERBS and not _since_phrase(verb):
        return None
    return before(c.published)


def _since_phrase(verb: "Token") -> bool:
    """A "since" phrase or clause on the clause or its infinitive ("has controlled the town since
    2019", "the first time the army has tried to take territory since the truce was signed"): the
    perfect spans the time from then to now, not the day's act."""
    heads = [verb] + [ch for ch in verb.children if ch.dep_ == "xcomp"]
    for ch in (ch for h in heads for ch in h.children):
        if ch.lower_ == "since" and ch.dep_ == "prep":
            return True
        if ch.dep_ == "advcl" and any(m.lower_ == "since" and m.dep_ == "mark" for m in ch.children):
            return True
    return False


# A simple present with one of these adverbs tells a habit, not an act of the day.
HABITUAL_ADVERBS = {"generally", "frequently", "often", "regularly", "usually", "routinely", "typically"}
# Verbs whose simple present states a standing relation between actors ("Algiers supports the
# Polisario Front", "the RSF controls nearly all of Darfur", "Druze militias distrust the government").
STATE_VERBS = {"support", "control", "back", "host", "distrust", "occupy", "govern", "rule"}


@anchor_rule(
    "Talks resumed on Monday. ... Algiers supports the Polisario Front (a later paragraph) -> before publication",
    before="news_tenses",
)
def standing_state(c: EventClause) -> Optional[DateRef]:
    """A standing relation or a habit in the simple present below the lead paragraph ("Algiers
    supports the armed Polisario Front", "a coalition that supports Yemen's government", "Australia
    frequently provides support to Pacific nations"): context that holds at publication, begun at
    some undated time before it, as `standing_position` is for stances. Not inside a quotation,
    where the present is the speaker's ("as long as Indonesia still occupies it"), nor reported."""
    verb = c.verb
    if verb is None or c.tense is not Tense.PRESENT or c.perfect is not None or in_lead_paragraph(c) or _reported(verb):
        return None
    if verb.tag_ not in ("VBZ", "VBP") or any(ch.dep_ in ("aux", "auxpass") for ch in verb.children):
        return None
    if verb.lemma_ not in STATE_VERBS and not c.adverbs & HABITUAL_ADVERBS:
        return None
    if inside_quotation(c.doc, verb.idx):
        return None
    return before(c.published)
