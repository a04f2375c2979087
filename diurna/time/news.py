"""Anchor rules for the return from background to the story's news (issue 25): clauses that the
episode rule (`episode`: a simple past clause continues the last dated clause) would date by a
background date told a paragraph or two earlier, although the story has come back to its news.

Wire copy tells its news, then a paragraph of history ("The two countries fought a war in 2020
..."), then the day's reactions ("the envoy called on the two sides to stop the shelling"). The
background date is the last one told, so the reactions took it: "in 2020". Nothing in the
reaction's own clause says when; what marks it as news is the kind of act (a statement reacting
to the story's event) against a coarse date (a year, a month) well before the story's time.
These rules register themselves in `anchoring.ANCHOR_RULES`, ahead of `episode`; everything that
dates a clause itself (its own expression, a when-clause, the lead, a reporting verb) runs
earlier and wins.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Optional

from diurna.nlp.index import index
from diurna.nlp.syntax import first_conjunct
from diurna.records import DateRef
from diurna.time.anchoring import anchor_event, anchor_rule, reporting_head
from diurna.time.calendar import Tense
from diurna.time.discourse import (
    EventClause,
    before,
    inside_quotation,
    perfect_aspect,
    publication_day,
    sentences_of,
    undated_story_clause,
)
from diurna.time.syntax import ongoing_alongside_past, tense_of

if TYPE_CHECKING:
    from spacy.tokens import Span

__all__ = [
    "attributed_after_background",
    "past_after_a_present_paragraph",
    "plan_of_past_act",
    "reaction_after_background",
    "reaction_after_earlier_day",
    "reported_present_perfect",
    "undated_story_event",
]

# Statements that react to an event: what officials and governments say about the story's news.
REACTION_VERBS = {
    "condemn",
    "urge",
    "call",
    "praise",
    "welcome",
    "criticize",
    "criticise",
    "slam",
    "hail",
    "thank",
    "describe",
    "blame",
    "denounce",
    "deplore",
    "applaud",
}
# Statements that answer a dated event a day or more later: the reaction verbs and the
# exchanges of talks ("demanded", "denied", "accused", "rejected", "warned"), and the dismissals
# of a claim ("dismissed the claim as groundless", "rebuffed", "refuted").
ANSWER_VERBS = REACTION_VERBS | {"reject", "deny", "accuse", "demand", "warn", "dismiss", "rebuff", "refute"}
# Dates this coarse are a background's ("in 2020", "last year", "in February"), not a story's day.
COARSE_GRANULARITIES = {"month", "months", "season", "year", "years"}


@anchor_rule(
    "Fighting erupted overnight. The two fought a war in 2020. The envoy called on the two sides to stop "
    "the shelling -> the story's day, for 'called', not 2020",
    before="episode",
)
def reaction_after_background(c: EventClause) -> Optional[DateRef]:
    """A reaction or an answer in a simple past main clause ("the envoy called on the two sides",
    "Putin hailed the ties", "the Kremlin also urged the release", "the chancellor demanded an
    explanation", "the ministry denied sending troops") whose only date is a coarse background one
    (a year, a month) of an earlier paragraph, ending before the story's day: the story has come
    back to its news. Dated by the day the lead paragraph gives, else publication, as the lead's
    events are. (The answers, `ANSWER_VERBS`, are the statements `reaction_after_earlier_day`
    already treats as the story's news after a carried day.)"""
    verb, ep = c.verb, c.episode
    if verb is None or ep is None or c.tense is not Tense.PAST or c.perfect is not None:
        return None
    if verb.lemma_ not in ANSWER_VERBS or verb.dep_ not in ("ROOT", "conj"):
        return None
    return _story_day_after_background(c, ep)


def _story_day_after_background(c: EventClause, ep) -> Optional[DateRef]:
    """The story's day when the episode `ep` is a coarse background date (a year, a month) of an
    earlier paragraph, ending well before the story's time; None otherwise."""
    if ep.date.granularity not in COARSE_GRANULARITIES or "\n" not in c.doc.text[ep.end : c.trigger.idx]:
        return None  # a clause in the background's own paragraph belongs to it ("In 2014 ... condemned")
    story = c.lead_date.date if c.lead_date is not None else publication_day(c.published)
    if ep.date.end >= story.start:
        return None  # "earlier this month", "this week": periods that reach the story's day are its own time
    # ("Last month, X was flown abroad" told on 2 September ended before the story's day: background)
    return story


@anchor_rule(
    "In March, the rebels rejected talks. // 'We want peace,' the envoy said. // Thousands have fled the "
    "villages. // Troops burned the customs post (a later paragraph) -> before publication, for 'burned'",
    before="episode",
)
def past_after_a_present_paragraph(c: EventClause) -> Optional[DateRef]:
    """A simple past main clause whose only date is a coarse one (a month, a year) told paragraphs
    earlier, with a whole paragraph between that speaks of now (its main clauses in the present or
    present perfect: "Thousands have been displaced", "the mission provides the best chance"): the
    story has left that period, and the clause is context the text does not date; before
    publication, day unknown, not the month told several paragraphs up."""
    verb, ep = c.verb, c.episode
    if verb is None or ep is None or c.tense is not Tense.PAST or c.perfect is not None:
        return None
    if ep.date.granularity not in COARSE_GRANULARITIES or first_conjunct(verb).dep_ in ("ccomp", "relcl", "acl"):
        return None
    if inside_quotation(c.doc, c.trigger.idx):
        return None
    story = c.lead_date.date if c.lead_date is not None else publication_day(c.published)
    if ep.date.end >= story.start:
        return None  # "this year", "earlier this month": a period that reaches the story's day is its own time
    if not any(_speaks_of_now(c.doc, p) for p in _paragraphs_between(c, ep)):
        return None
    return before(c.published)


def _paragraphs_between(c: EventClause, ep) -> list[list["Span"]]:
    """The sentences of the whole paragraphs between the one the date `ep` is told in and the
    event's own, paragraph by paragraph (sentence starts from the per-article index: no scan of
    the article per event)."""
    sents, sdoc = sentences_of(c.doc), c.doc.spacy_doc
    breaks = index(sdoc).newline_between  # a line break in [start, end), by bisection
    groups: list[list] = []
    prev_end = ep.end
    for k in range(sents.index(ep.token_start) + 1, c.sentence):
        span = sdoc[sents.starts[k] : sents.starts[k + 1]]
        if breaks(prev_end, span.start_char):
            groups.append([])  # a paragraph break before this sentence: the first paragraph after the date's
        if groups:
            groups[-1].append(span)
        words = [t for t in span if not t.is_space]
        prev_end = words[-1].idx + len(words[-1].text) if words else span.start_char
    if groups and not breaks(prev_end, c.trigger.sent.start_char):
        groups.pop()  # the event's own paragraph
    return groups


def _speaks_of_now(doc, paragraph: list["Span"]) -> bool:
    """Whether every main clause of the `paragraph` (its sentences) is in the present or the present
    perfect, outside quotations and verbs of saying: a paragraph about the state of things now."""
    roots = [s.root for s in paragraph if not inside_quotation(doc, s.root.idx)]
    roots = [r for r in roots if r.lemma_ not in ("say", "tell", "add")]
    return bool(roots) and all(tense_of(r) is Tense.PRESENT or perfect_aspect(r) == "present" for r in roots)


@anchor_rule(
    "The union agreed to the wage deal in 2011. (new paragraph) 'It is a good job,' a worker said -> from the "
    "story's day to publication, for 'said', not 2011",
    before="episode",
)
def saying_after_background(c: EventClause) -> Optional[DateRef]:
    """A verb of saying in a simple past main clause ("'It is a good job,' a worker said", "Mr. Garin
    said the anxiety is real", "Al Jazeera reported that ...") whose only date is a coarse background
    one (a year, a month) of an earlier paragraph, ending before the story's day: a speaker tells the
    reporter, or a source reports, in the story's time, not in the background's year: some day from
    the story's day (the lead's, else the day before publication) to publication, granularity
    `before`. Not in a quotation, in which a speaker may recount what was said then."""
    verb, ep = c.verb, c.episode
    if verb is None or ep is None or c.tense is not Tense.PAST or c.perfect is not None:
        return None
    if verb.lemma_ not in ATTRIBUTION_VERBS or verb.dep_ not in ("ROOT", "conj"):
        return None
    if inside_quotation(c.doc, c.trigger.idx):
        return None
    story = _story_day_after_background(c, ep)
    if story is None:
        return None
    # which day of the story's time the text does not say: from its day (or the day before
    # publication, when the story's day is publication's) to publication, never the day as fact
    first = min(dt.date.fromisoformat(story.start), c.published - NEWS_SPAN)
    return before(c.published, start=first)


# Words that tie a clause to another event of its sentence ("speaking after the handover").
_TIED = {"after", "following", "during", "while"}


@anchor_rule(
    "Ukrainian troops crossed into Kursk on Tuesday (published Thursday). Putin condemned the attack -> "
    "after Tuesday, up to publication",
    before="episode",
)
def reaction_after_earlier_day(c: EventClause) -> Optional[DateRef]:
    """A reaction or answer in a simple past main clause ("Putin condemned the attack", "the
    opposition also slammed Netanyahu", "Guterres urged all Mozambicans", "the Taliban denied
    sheltering militants") whose only date is a day carried from an earlier sentence, two or more
    days before publication: the reaction is the story's news of the days since, not the dated
    event's own day (a reaction the same day is told with the day: "telling reporters Sunday").
    Dated from the day after the carried day to publication, day unknown. A carried day of the
    day before publication is left to `episode`: there the reactions of tune fell on that day as
    often as on the publication day. Only in a later paragraph than the carried day's; not in a
    quotation, not when the sentence has a date of its own or ties the clause to another event
    ("speaking after the handover, ... urged")."""
    verb, ep = c.verb, c.episode
    if verb is None or ep is None or c.tense is not Tense.PAST or c.perfect is not None:
        return None
    if verb.lemma_ not in ANSWER_VERBS or verb.dep_ not in ("ROOT", "conj"):
        return None
    sent = c.trigger.sent
    if ep.date.granularity != "day" or ep.token_start >= sent.start or c.nearby:
        return None
    if "\n" not in c.doc.text[ep.end : c.trigger.idx]:
        return None  # the dated event's own paragraph tells its day ("... on Wednesday. Moscow slammed the ruling.")
    if any(t.lower_ in _TIED and t.dep_ in ("prep", "mark") for t in sent):
        return None
    if inside_quotation(c.doc, c.trigger.idx):
        return None
    end = dt.date.fromisoformat(ep.date.end)
    if end >= c.published - dt.timedelta(days=1):
        return None
    return before(c.published, start=end + dt.timedelta(days=1))


# Verbs of a source's attribution set after what it reports: "..., Njie said", "..., state TV reported".
ATTRIBUTION_VERBS = {"say", "report", "tell", "add", "confirm", "state", "announce"}


@anchor_rule(
    "The party won the election in 2016. (new paragraph) Dozens of protesters were injured, Njie said -> the "
    "story's day, for 'injured', not 2016",
    before="episode",
)
def attributed_after_background(c: EventClause) -> Optional[DateRef]:
    """A simple past clause that a source's attribution follows ("Dozens of protesters were injured
    during the clashes, Njie said", "Popan was also sentenced to six years, the news agency
    reported", "Police fired teargas at protesters, according to an AFP journalist"), after a
    background paragraph dated by a year or a month: what a source reports is the story's news,
    not the background's. Dated like the lead's events. Not a quotation, in which a speaker may
    recount anything."""
    verb, ep = c.verb, c.episode
    if verb is None or ep is None or c.tense is not Tense.PAST or c.perfect is not None:
        return None
    clause = first_conjunct(verb)
    if not (_attributed_after(clause) or _according_to(clause)):
        return None
    if inside_quotation(c.doc, c.trigger.idx):
        return None  # '"Cruz barnstormed his way across Texas," Jones said': a speaker recounts anything
    return _story_day_after_background(c, ep)


def _attributed_after(clause) -> bool:
    """ "X happened, Njie said": the clause is the complement of a verb of saying placed after it."""
    head = clause.head
    return clause.dep_ == "ccomp" and head.i > clause.i and head.lemma_ in ATTRIBUTION_VERBS


def _according_to(clause) -> bool:
    """ "..., according to an AFP video-journalist at the scene"."""
    return any(ch.lower_ == "according" and ch.dep_ == "prep" for ch in clause.children)


NEWS_SPAN = dt.timedelta(days=1)


@anchor_rule(
    "Militants attacked a base (no date anywhere before) / A spokesman said the troops killed 13 militants "
    "-> from the day before publication to publication",
    before="undated_past",
)
def undated_story_event(c: EventClause) -> Optional[DateRef]:
    """A simple past main clause, or the clause a verb of saying reports, in a story that has told
    no date so far ("A spokesman said the militants attacked the base", "Commanders sent 42
    officers", "Mondlane's supporters took to the streets"): the story's own news, which wire copy
    tells without a day when it happened the day of filing or the day before. Dated from the day
    before the lead's day (its date, else publication) to that day, granularity `before`: never the
    publication day presented as fact, never a year of ignorance either."""
    if not undated_story_clause(c):
        return None
    story = c.lead_date.date if c.lead_date is not None else publication_day(c.published)
    end = dt.date.fromisoformat(story.end)
    return before(end, start=end - NEWS_SPAN)


@anchor_rule(
    "Fighting broke out on Friday. The mission added that a convoy has already left the base -> Friday, for 'left'",
    before="news_tenses",
)
def reported_present_perfect(c: EventClause) -> Optional[DateRef]:
    """A present perfect that a past verb of saying reports ("The mission added that a convoy has
    already left the base", "The National Police reported they have captured five leaders", "A
    spokesperson confirmed that 14 soldiers have been arrested"): news as of the report, which wire
    copy keeps in the present perfect without backshifting it; dated as the report when the report
    has a day (a report is made on a day: a month or a year is a background's date the report only
    inherits), instead of by publication. Not an attribution placed
    after the clause ("A court has sentenced him, local media reported"), which has no date of its
    own: the discourse's last date would stand for it."""
    if c.perfect != "present" or c.verb is None:
        return None
    head = reporting_head(c.verb)
    if head is None or head.i > c.verb.i:
        return None  # "A court has sentenced him, local media reported": the report's date is the episode's
    date = anchor_event(c.doc, head.i, depth=1)
    return date if date is not None and date.granularity == "day" else None


@anchor_rule(
    "Jets entered the country on Sunday to take over the airspace and contain the plotters -> Sunday, for 'contain'",
    before="news_tenses",
)
def plan_of_past_act(c: EventClause) -> Optional[DateRef]:
    """A future, present or infinitive clause inside a sentence whose main clause is a dated simple
    past act: the plan, purpose or terms that act stated ("Nigerian jets entered Benin to take over
    the airspace and contain the plotters", "the Security Council voted on June 30 to end the
    mission and withdraw", "Kim told Putin that North Korea intends to improve cooperation", "the
    office said the deal calls for a cease-fire, during which Israel frees ..."). What is coded is
    the act of stating it, on the main clause's day, not publication; only a day (a month or a
    year is a background's, which the sentence does not make the plan's). Conjuncts and nested infinitives included, which
    `infinitive_of_past` and `reported_present_or_future` (one level, the head's own clause) miss."""
    verb = c.verb
    if verb is None or c.tense not in (Tense.FUTURE, Tense.PRESENT) or c.perfect is not None:
        return None
    root = verb.sent.root
    if verb.i == root.i or tense_of(root) is not Tense.PAST or perfect_aspect(root) is not None:
        return None
    if ongoing_alongside_past(first_conjunct(verb)):
        return None
    date = anchor_event(c.doc, root.i, depth=1)
    return date if date is not None and date.granularity == "day" else None
