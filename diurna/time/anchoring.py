"""Which date an event takes: its own expression, one carried by the discourse, or an honest
"before publication" interval (issue 25).

A temporal expression dates the events of the clause it governs (`dating.py`). Many events
have none: recounted background ("UN experts have previously accused Kigali"), the rest of
an episode whose date an earlier sentence gave ("On February 5th ... Riot police marched"),
events told relative to another ("following the attacks on 7 October"). Each `AnchorRule`
below names one such construction with its example; `anchor_event` runs them in order and the
first that decides wins. The publication day is given only to today's news (the lead, present
and present perfect clauses, plans); any other undated past event gets an interval ending at
the reference date (publication, or the episode's date) with granularity `before`: "before
this date, day unknown". Tense and aspect come from the shared parse (`Tense=Past`, `had` + VBN).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING, Callable, Iterable, Iterator, Optional

from diurna.document import ArticleDoc, TimexRef
from diurna.nlp.syntax import first_conjunct
from diurna.records import DateRef
from diurna.time.calendar import Tense, add_months, add_years
from diurna.time.dating import attachments_for, continued_timex
from diurna.time.detect import names_a_noun
from diurna.time.discourse import (
    BEFORE,
    LEAD_DATE_SENTENCES,
    OCCASION_PREPOSITIONS,
    STORY_DAYS,
    EventClause,
    after,
    before,
    cause_interval,
    inside_quotation,
    is_bound_or_duration,
    is_lower_bound,
    is_past_upper_bound,
    measured_gap,
    occasion_of,
    perfect_aspect,
    publication_day,
    sentences_of,
    undated_story_clause,
)
from diurna.time.lexicon import NUMBER_WORDS, OCCASION_NOUNS
from diurna.time.syntax import tense_of

if TYPE_CHECKING:
    from spacy.tokens import Token

__all__ = ["ANCHOR_RULES", "BEFORE", "AnchorRule", "anchor_event", "deciding_rule", "reporting_head"]

BACKGROUND_ADVERBS = {"previously", "earlier", "formerly", "before"}
# "since" as an adverb: "has since accused Rwanda of backing the rebels" (after the last date told)
LATER_ADVERBS = {"subsequently", "later", "afterwards", "afterward", "thereafter", "eventually", "since"}
EARLIER_CLAUSE_MARKS = {"after", "since", "once"}  # "died after she was detained"
AFTER_PREPOSITIONS = {"after", "following"}
BACKGROUND_MARKS = EARLIER_CLAUSE_MARKS | {"when"}  # adverbial clauses of a lead that may tell background
SIMULTANEOUS_MARKS = {"when", "while", "as"}  # "killed when militants raided", "arrested while protesting"
CONDITION_MARKS = {"if", "unless", "once", "until", "when"}  # "if elected president"


# --- the registry ----------------------------------------------------------------------------

Decide = Callable[[EventClause], Optional[DateRef]]


@dataclass(frozen=True)
class AnchorRule:
    name: str
    example: str
    decide: Decide
    # The learned chooser keeps this rule's date as it is: the rule says the event lies before a
    # day the text tells (the day a speaker recalls it, the episode's day for a past perfect), and
    # the days the discourse offers inside its interval are that very day or later.
    final: bool = False


ANCHOR_RULES: list[AnchorRule] = []


def anchor_rule(example: str, before: Optional[str] = None, final: bool = False) -> Callable[[Decide], Decide]:
    """Register a rule at the end of the order, or just ahead of the rule named `before` (for
    rules kept in other modules, such as `background.py`); `final`: see AnchorRule."""

    def register(fn: Decide) -> Decide:
        rule = AnchorRule(fn.__name__, example, fn, final)
        if before is None:
            ANCHOR_RULES.append(rule)
        else:
            ANCHOR_RULES.insert(next(i for i, r in enumerate(ANCHOR_RULES) if r.name == before), rule)
        return fn

    return register


@anchor_rule("France suspended aid following the coup -> from the coup's date to publication")
def after_dated_expression(c: EventClause) -> Optional[DateRef]:
    """ "following X", "after X", "since X": X's date is a lower bound, not the event's date."""
    if c.own is None or not is_lower_bound(c.own) or not c.looks_back:
        return None
    return c.following(c.own)


ANNIVERSARY_UNITS = {"year": "year", "years": "year", "month": "month", "months": "month"}


@anchor_rule("Crowds on Sunday marked three years since the junta took over -> the day three years before Sunday")
def anniversary_since(c: EventClause) -> Optional[DateRef]:
    """ "marked three years since the junta took over", "it has been a year since the rebels took
    the city", "six months since she announced her bid": a count of years or months before "since"
    measures how long ago the clause's event was, counted back from the act that tells it; when
    that act has a day, the event is the day as many years or months before (an anniversary), not
    the act's day nor some day in the year before it."""
    verb = _marked_clause(c.verb, {"since"})
    if verb is None or not (c.looks_back or tense_of(verb) is Tense.PAST):
        return None
    if c.own is not None and verb.left_edge.i <= c.own.token_start <= verb.right_edge.i:
        return None  # the clause's own date
    measure = _anniversary_measure(verb)
    if measure is None:
        return None
    head = anchor_event(c.doc, verb.head.i, depth=1)
    if head is None or head.granularity != "day":
        return None
    n, unit = measure
    end = dt.date.fromisoformat(head.end)
    day = (add_years(end, -n) if unit == "year" else add_months(end, -n)).isoformat()
    return DateRef(text=None, start=day, end=day, granularity="day", anchored_to=head.anchored_to)


def _anniversary_measure(clause: "Token") -> Optional[tuple[int, str]]:
    """(count, "year" | "month") of the measure right before the clause's "since" ("two years
    since", "a year since"), or None."""
    mark = next((ch for ch in clause.children if ch.dep_ == "mark" and ch.lower_ == "since"), None)
    if mark is None or mark.i == 0:
        return None
    unit = clause.doc[mark.i - 1]
    if unit.lower_ not in ANNIVERSARY_UNITS:
        return None
    count = next((g for g in unit.children if g.dep_ in ("det", "nummod") and g.i < unit.i), None)
    if count is None:
        return None
    n = 1 if count.lower_ in ("a", "an", "one") else NUMBER_WORDS.get(count.lower_)
    if n is None and count.text.isdigit():
        n = int(count.text)
    return (n, ANNIVERSARY_UNITS[unit.lower_]) if n else None


@anchor_rule("Protests broke out after she was detained by the police -> before the protests")
def earlier_clause(c: EventClause) -> Optional[DateRef]:
    """An event in an "after"/"since"/"once" clause happened before the one it explains; so do
    the verbs inside that clause ("a day after protesters tried to seize buildings", "after forces
    opened fire, killing 19"). On the day a measured gap gives ("a day after"), else as close to
    the explained act as `cause_interval` finds the text allows."""
    verb = _marked_clause(c.verb, EARLIER_CLAUSE_MARKS)
    if verb is None or not (c.looks_back or tense_of(verb) is Tense.PAST):  # "after they tried to seize"
        return None
    if c.own is not None and verb.left_edge.i <= c.own.token_start <= verb.right_edge.i:
        return None  # the clause's own date: "after she was detained on Friday"
    head = anchor_event(c.doc, verb.head.i, depth=1)
    end = min(dt.date.fromisoformat(head.end), c.published) if head is not None else c.reference_end()
    gap = measured_gap(verb)
    if gap is not None and head is not None and head.granularity == "day":
        return DateRef(
            text=None,
            start=(end - gap).isoformat(),
            end=(end - gap).isoformat(),
            granularity="day",
            anchored_to=head.anchored_to,
        )  # "comes a day after the army accused him"
    return cause_interval(verb, head, end, gap) if head is not None else before(end)


def _marked_clause(verb: Optional["Token"], marks: set[str]) -> Optional["Token"]:
    """The adverbial clause opened by one of `marks` that `verb` heads or lies inside, climbing
    through infinitives, conjuncts and unmarked participles ("tried to seize", "opened fire,
    killing"); None when there is none."""
    clause = verb
    for _ in range(4):
        if clause is None or clause.head.i == clause.i:
            return None
        opened = [ch for ch in clause.children if ch.dep_ == "mark"]
        if clause.dep_ == "advcl" and opened:
            return clause if any(m.lower_ in marks for m in opened) else None
        if clause.dep_ not in ("xcomp", "conj", "advcl"):
            return None
        clause = clause.head
    return None


# "minutes after", "hours after": the same day as the clause explained
@anchor_rule("He knew little of Sanders before he announced his bid -> after the knowing, day unknown")
def later_clause(c: EventClause) -> Optional[DateRef]:
    """An event in a "before" clause came after the one it is measured from: from that one's
    first day (when dated) to publication."""
    verb = c.verb
    if verb is None or verb.dep_ != "advcl" or not c.looks_back:
        return None
    if not any(ch.dep_ == "mark" and ch.lower_ == "before" for ch in verb.children):
        return None
    if c.own is not None and verb.left_edge.i <= c.own.token_start <= verb.right_edge.i:
        return None  # the clause's own date
    head = anchor_event(c.doc, verb.head.i, depth=1)
    start = dt.date.fromisoformat(head.start) if head is not None else None
    return before(c.published, start=start if head is not None and head.granularity != BEFORE else None)


def _timex_inside(c: EventClause, head: "Token") -> Optional[TimexRef]:
    lo, hi = head.left_edge.i, head.right_edge.i
    inside = (c.doc.timexes[k] for k in c.nearby)
    return next(
        (t for t in inside if lo <= t.token_start and t.token_end - 1 <= hi and not is_bound_or_duration(t)), None
    )


@anchor_rule("Israel launched an offensive following the attacks on 7 October -> from 7 October")
def after_dated_noun(c: EventClause) -> Optional[DateRef]:
    """ "after/following" + a noun phrase that carries its own date: the event came after it."""
    if not c.nearby or not c.looks_back:
        return None
    for head in {t.i: t for t in (c.trigger, c.verb) if t is not None}.values():
        # the preposition hangs from the event word, or from its object ("launched an
        # offensive following the attacks")
        holders = [head] + [ch for ch in head.children if ch.dep_ in ("dobj", "nsubjpass", "nsubj")]
        preps = (
            p
            for h in holders
            for p in h.children
            if p.dep_ in ("prep", "advcl", "acl") and p.lower_ in AFTER_PREPOSITIONS
        )  # "following" as a verb too
        for prep in preps:
            timex = _timex_inside(c, prep)
            if timex is not None and (c.own is None or c.own is timex):  # the clause's own date wins
                span = c.doc.spacy_doc[prep.i : prep.right_edge.i + 1]
                return c.following(timex, text=span.text)
    return None


_SPEAKERS_DAY = re.compile(r"(?:today|tonight|yesterday|this (?:morning|afternoon|evening))\b", re.IGNORECASE)


@anchor_rule(
    "Clashes left 12 dead on Monday. 'We confirmed 12 dead today,' a source said (published Tuesday) -> Monday"
)
def quoted_today(c: EventClause) -> Optional[DateRef]:
    """ "today", "tonight", "yesterday" inside a quotation are the speaker's: counted from the day
    the story is at (its episode) rather than from publication."""
    own = c.own
    if own is None or not _SPEAKERS_DAY.match(own.date.text or "") or not inside_quotation(c.doc, own.start):
        return None
    ep = c.episode
    if ep is None or ep.date.granularity != "day" or ep.date.start >= c.published.isoformat():
        return None
    shift = dt.date.fromisoformat(ep.date.start) - c.published
    start = dt.date.fromisoformat(own.date.start) + shift
    end = dt.date.fromisoformat(own.date.end) + shift
    return own.date.model_copy(update={"start": start.isoformat(), "end": end.isoformat()})


@anchor_rule("The minister on Tuesday met his counterpart -> Tuesday")
def own_expression(c: EventClause) -> Optional[DateRef]:
    """The expression governing the event's clause, unless it is a deadline or a duration
    ("decided to refuse grants until the end of 2028", "ruled for three years")."""
    if c.own is None or is_bound_or_duration(c.own):
        return None
    date = c.own.date
    if c.looks_back and date.start <= c.published.isoformat() < date.end:
        # a past event "this year" happened by publication: the rest of the year is not its date
        return date.model_copy(update={"end": c.published.isoformat()})
    return date


@anchor_rule("Bukele denied the accusation when it was reported in August 2020 -> August 2020")
def dated_simultaneous_clause(c: EventClause) -> Optional[DateRef]:
    """A "when", "while" or "as" clause tells the time of the clause it hangs from: its date is
    that clause's ("One candidate was arrested while protesting the next day"); so is a past date
    of a purpose infinitive ("held a summit to discuss the coup on Wednesday")."""
    verb = c.verb
    if verb is None or not c.nearby or not c.looks_back:
        return None
    atts = attachments_for(c.doc)
    for clause in (
        ch
        for ch in verb.children
        if (ch.dep_ == "advcl" and (_opened_by(ch, SIMULTANEOUS_MARKS) or _is_purpose(ch)))
        or (ch.dep_ == "xcomp" and _is_purpose(ch))  # "threatened to shut the border last week": a past date
    ):
        for k in c.nearby:
            t = c.doc.timexes[k]
            if (
                atts[k].verb == clause.i  # the clause's own date, not one of a noun deep inside it
                and not names_a_noun(c.doc.spacy_doc[t.token_start : t.token_end], atts[k])  # "the March 4 decree"
                and not is_bound_or_duration(t)
                and not is_lower_bound(t)
                and t.date.start <= c.published.isoformat()
            ):
                return t.date
    return None


def _is_purpose(clause: "Token") -> bool:
    """ "held a summit to discuss the turmoil on Wednesday": a to-infinitive of purpose, whose date
    (when past) is the act's it explains."""
    return clause.tag_ == "VB" and any(ch.dep_ == "aux" and ch.lower_ == "to" for ch in clause.children)


def _is_participle(clause: "Token") -> bool:
    """ "suspended Guinea ..., calling for a return to order": an -ing adjunct with no conjunction,
    the same act's circumstance."""
    return clause.tag_ == "VBG" and not any(
        ch.dep_ in ("mark", "advmod", "aux") for ch in clause.children if ch.i < clause.i
    )


def _opened_by(clause: "Token", words: set[str]) -> bool:
    """Whether an adverbial clause opens with one of `words` ("when" is the parser's advmod)."""
    return any(ch.dep_ in ("mark", "advmod") and ch.lower_ in words and ch.i < clause.i for ch in clause.children)


@anchor_rule("20 soldiers were killed when al-Shabab raided a base (the killing: today's news) -> the killing's date")
def simultaneous_clause(c: EventClause) -> Optional[DateRef]:
    """An undated "when", "while" or "as" clause, or an -ing adjunct ("..., calling for calm"),
    hanging from a verb happened at that verb's time (not "since age 14, when ...", which hangs
    from a noun and tells background)."""
    verb = c.verb
    if verb is None or verb.dep_ != "advcl" or not c.looks_back:
        return None
    if not (_opened_by(verb, SIMULTANEOUS_MARKS) or _is_participle(verb)):
        return None
    if verb.head.pos_ not in ("VERB", "AUX") or verb.head.i == verb.i:
        return None
    return anchor_event(c.doc, verb.head.i, depth=1)


@anchor_rule("By Monday morning, the global ritual had begun -> before Monday's end")
def past_upper_bound(c: EventClause) -> Optional[DateRef]:
    """ "by X" in a past clause: the event had happened by X, day unknown."""
    if c.own is None or not c.looks_back or not is_past_upper_bound(c.own, c.verb):
        return None
    end = min(dt.date.fromisoformat(c.own.date.end), c.published)
    return before(end, text=c.own.date.text, anchored_to=c.own.date.anchored_to)


@anchor_rule("Christie unleashed attacks against Rubio in Saturday's debate -> Saturday")
def dated_occasion(c: EventClause) -> Optional[DateRef]:
    """An event placed in an occasion the text dates ("in Saturday's debate", "his victory in
    Tuesday's primary") took place on the occasion's date; coordinated clauses share it."""
    if not c.nearby:
        return None
    heads = [c.trigger] + ([c.verb] if c.verb is not None else [])
    while heads[-1].dep_ == "conj" and heads[-1].head.i != heads[-1].i:
        heads.append(heads[-1].head)
    heads += [ch for h in heads for ch in h.children if ch.dep_ == "dobj"]  # "unleashed attacks in ..."
    for k in c.nearby:
        t = c.doc.timexes[k]
        holder = occasion_of(c.doc.spacy_doc[t.token_start : t.token_end].root)
        if holder is not None and holder in heads and not (c.looks_back and t.date.start > c.published.isoformat()):
            return t.date
    return None


@anchor_rule("In a statement released on Monday, the army accused the rebels of shelling the town -> Monday")
def occasion_dated_by_participle(c: EventClause) -> Optional[DateRef]:
    """An event told "in a statement released on Monday", "at a news conference held Sunday",
    "in an interview published the following day": the participle dates the occasion, and the
    occasion is where the act (the accusation, the condemnation) was made, so the act takes its
    date rather than the episode's last one. Coordinated clauses share it."""
    if not c.nearby or c.verb is None:
        return None
    heads = [c.trigger, c.verb]
    while heads[-1].dep_ == "conj" and heads[-1].head.i != heads[-1].i:
        heads.append(heads[-1].head)
    held = {h.i for h in heads}
    atts = attachments_for(c.doc)
    for k in c.nearby:
        t = c.doc.timexes[k]
        participle = c.doc.spacy_doc[atts[k].verb] if atts[k].verb is not None else None
        if participle is None or participle.dep_ != "acl" or participle.tag_ not in ("VBN", "VBD"):
            continue
        noun = participle.head
        prep = noun.head
        if noun.dep_ != "pobj" or prep.dep_ != "prep" or prep.lower_ not in OCCASION_PREPOSITIONS:
            continue
        if prep.head.i in held and not is_bound_or_duration(t) and t.date.start <= c.published.isoformat():
            return t.date
    return None


@anchor_rule("a confrontation in February, where the Philippines accused China -> February")
def dated_head_noun(c: EventClause) -> Optional[DateRef]:
    """A relative or noun-complement clause takes the date of the noun it hangs from ("the
    announcement on Thursday that Tbilisi would suspend talks"); it does not reach further up:
    "The delegation, which arrived in Cairo, held talks on Thursday" leaves "arrived" undated."""
    clause = c.verb if c.verb is not None else c.trigger
    clause = first_conjunct(clause)  # "would suspend talks and refuse grants"
    noun = clause.head
    if clause.dep_ not in ("relcl", "acl", "ccomp") or noun.i == clause.i:
        return None
    # "in February, where the Philippines accused China": the clause hangs from the date itself
    here = (c.doc.timexes[k] for k in c.nearby)
    inside = next((t for t in here if t.token_start <= noun.i < t.token_end), None)
    if inside is not None and not is_bound_or_duration(inside):
        return inside.date
    if noun.pos_ not in ("NOUN", "PROPN"):
        return None
    atts = attachments_for(c.doc)
    for k in c.nearby:
        t = c.doc.timexes[k]
        if (
            atts[k].noun == noun.i
            and not is_bound_or_duration(t)
            and not is_lower_bound(t)
            and not (c.looks_back and t.date.start > c.published.isoformat())
        ):
            return t.date
    return _participle_date_of_noun(c, noun, clause)


def _participle_date_of_noun(c: EventClause, noun: "Token", clause: "Token") -> Optional[DateRef]:
    """ "the truce agreed last week by the four leaders, which calls for a withdrawal": a noun a past
    participle of its own dates (a reduced relative clause, "agreed last week") lends that date to
    its other relative clause, the terms of what was agreed, not the day of the clause the noun
    stands in."""
    if clause.dep_ != "relcl":
        return None
    parts = [ch for ch in noun.children if ch.dep_ == "acl" and ch.tag_ == "VBN" and ch.i != clause.i]
    agent_of = noun.head.head if noun.dep_ == "pobj" and noun.head.lower_ == "by" else None
    if (
        agent_of is not None
        and agent_of.tag_ == "VBN"
        and not any(ch.dep_ in ("aux", "auxpass") for ch in agent_of.children)
    ):
        parts.append(
            agent_of
        )  # the parser hangs the clause on the participle's agent: "agreed ... by the leaders, which"
    for part in parts:
        for t in _point_dates_of(c, part):
            if t.date.start <= c.published.isoformat():
                return t.date
    return None


def _point_dates_of(c: EventClause, clause: "Token") -> Iterator:
    """The expressions near the event that hang from `clause`'s own verb and name a time, not a bound
    or a duration ("that began on Monday", "agreed last week"), in the order of `c.nearby`."""
    atts = attachments_for(c.doc)
    for k in c.nearby:
        t = c.doc.timexes[k]
        if atts[k].verb == clause.i and not is_bound_or_duration(t) and not is_lower_bound(t):
            yield t


@anchor_rule("protests that intensified on Tuesday -> Tuesday, for the noun 'protests'")
def dated_relative_clause(c: EventClause) -> Optional[DateRef]:
    """A noun trigger whose relative clause is dated: the clause tells when the event ran."""
    if c.trigger.pos_ not in ("NOUN", "PROPN") or not c.nearby:
        return None
    for clause in (ch for ch in c.trigger.children if ch.dep_ in ("relcl", "acl")):
        for t in _point_dates_of(c, clause):
            return t.date
    return None


# Nouns of an activity that runs while it is brokered, backed or renewed: "held US-brokered talks in
# Washington on Monday", "launched a renewed offensive on Tuesday". A participle before one of them is done
# as the activity happens, on the clause's own date (review14), unlike an outcome noun (a ceasefire, a
# deal, a government) that the participle's act produced before it.
ACTIVITY_NOUNS = {
    "talk",
    "talks",
    "negotiation",
    "offensive",
    "operation",
    "campaign",
    "attack",
    "strike",
    "raid",
    "assault",
    "crackdown",
    "visit",
    "summit",
    "meeting",
    "mission",
}


@anchor_rule(
    "shelled villages despite an Egyptian-mediated ceasefire that began on Monday -> before Monday, for 'mediated'",
    before="own_expression",  # the clause's own date is the noun's clause's, not the participle's act's
)
def prenominal_participle(c: EventClause) -> Optional[DateRef]:
    """A past participle before a noun ("an Egyptian-mediated ceasefire", "the Saudi-backed government",
    "a newly signed accord") names an act already done, which the noun is the outcome of: before
    the noun's own date when a relative clause or participle of the noun dates it (the ceasefire
    began after it was mediated), else before the reference date; not the day of the clause the
    noun stands in ("shelled villages on Thursday despite ..."), which is no act of it."""
    participle = c.trigger
    noun = participle.head
    if participle.tag_ != "VBN" or participle.dep_ not in ("amod", "compound") or noun.pos_ not in ("NOUN", "PROPN"):
        return None
    if noun.i < participle.i:
        return None  # after its noun the participle is a reduced relative clause, which runs on its own time
    if noun.lemma_.lower() in ACTIVITY_NOUNS or noun.lower_ in ACTIVITY_NOUNS:
        return None  # "held US-brokered talks on Monday": brokered as the talks were held
    if participle.i > 0 and participle.doc[participle.i - 1].lower_ in CONDITION_MARKS:
        return None  # "if elected president": a condition the parser read as a modifier, not a done act
    for clause in (ch for ch in noun.children if ch.dep_ in ("relcl", "acl") and ch.i > noun.i):
        for t in _point_dates_of(c, clause):
            end = min(dt.date.fromisoformat(t.date.end), c.published)
            return before(end, anchored_to=t.date.anchored_to)
    return before(c.reference_end())


@anchor_rule("Crowds voiced anger on Monday that the court banned the party -> before Monday, for 'banned'")
def noun_content_clause(c: EventClause) -> Optional[DateRef]:
    """A simple past clause that is the content of a noun ("anger that the court banned the
    party", "the news that troops crossed the border", "reports that rebels seized the town")
    tells what the feeling, news or report is about: an act done before it, on a day the text
    does not give here; before the time the story is at, not that time itself. A dated noun
    ("the announcement on Thursday that ...") is `dated_head_noun`'s and decided earlier."""
    verb = c.verb
    if verb is None or c.own is not None or c.tense is not Tense.PAST or c.perfect is not None:
        return None
    clause = first_conjunct(verb)
    if clause.dep_ not in ("acl", "ccomp") or clause.head.pos_ != "NOUN" or tense_of(clause) is not Tense.PAST:
        return None
    if not any(ch.dep_ == "mark" and ch.lower_ == "that" for ch in clause.children):
        return None  # "that" opens a content clause; a bare participle is a description
    return before(c.reference_end())


@anchor_rule("UN experts have previously accused Kigali -> before publication")
def previously(c: EventClause) -> Optional[DateRef]:
    """ "previously", "earlier", "formerly": background, before the reference date."""
    if not c.adverbs & BACKGROUND_ADVERBS:
        return None
    return before(c.reference_end())


@anchor_rule("Talks failed in 2016. The FARC subsequently disarmed -> from 2016 to publication")
def subsequently(c: EventClause) -> Optional[DateRef]:
    """ "subsequently", "later", "eventually": after the episode's date, day unknown."""
    if not c.adverbs & LATER_ADVERBS or c.last_told is None:
        return None
    return after(c.last_told, c.published, text=None)


@anchor_rule("Police arrested the leaders last Friday. The protesters then marched -> last Friday")
def then_continues(c: EventClause) -> Optional[DateRef]:
    """ "then": the next step of the story just told, on its date."""
    timex = continued_timex(c.doc, c.trigger.i)
    return timex.date if timex is not None else None


@anchor_rule("Rebels attacked on Tuesday. The ministry said two positions had been lost -> Tuesday")
def reported_past_perfect(c: EventClause) -> Optional[DateRef]:
    """Past perfect reported by a past verb is backshifted news ("said two soldiers had been
    killed" reports "two soldiers have been killed"): the report's day, when the report has one,
    or the report's two days when it is the story's undated news."""
    if c.perfect != "past" or c.verb is None:
        return None
    clause = first_conjunct(c.verb)  # "had been lost and ... killed"
    head = clause.head
    if clause.dep_ != "ccomp" or tense_of(head) is not Tense.PAST or perfect_aspect(head) == "past":
        return None
    date = anchor_event(c.doc, head.i, depth=1)
    if date is None or (date.granularity == BEFORE and not _within_two_days(date)):
        return None  # a report some time before publication tells nothing of when
    return date


def _within_two_days(date: DateRef) -> bool:
    """ "some day of these two": the story's undated news (`news.undated_story_event`), which a
    report of it hands on to what it reports ("the police commissioner said tear gas had been
    used"), rather than a year's lookback."""
    return dt.date.fromisoformat(date.end) - dt.date.fromisoformat(date.start) <= dt.timedelta(days=1)


@anchor_rule("They had been occupying the platform -> before the episode's date")
def past_perfect(c: EventClause) -> Optional[DateRef]:
    """Past perfect: earlier than the time the story is at (the episode's date, or publication)."""
    if c.perfect != "past":
        return None
    return before(c.reference_end())


@anchor_rule("9 Palestinians killed in Israeli raid (headline) / ... raided Jenin on Thursday -> Thursday")
def headline(c: EventClause) -> Optional[DateRef]:
    """A headline's events are the lead's news: dated by the day the lead paragraph gives them."""
    if c.sentence >= sentences_of(c.doc).body_start or c.lead_date is None:
        return None
    return c.lead_date.date


@anchor_rule("Riots broke out on Friday. Police stormed the embassy to arrest him -> Friday, for 'arrest'")
def infinitive_of_past(c: EventClause) -> Optional[DateRef]:
    """An infinitive hanging from a past clause ("broke in to arrest", "invited him to visit") is
    that clause's act, at its time, not a future one."""
    verb = c.verb
    if verb is None or verb.dep_ not in ("xcomp", "advcl") or verb.tag_ != "VB" or verb.head.i == verb.i:
        return None
    if not any(ch.dep_ == "aux" and ch.lower_ == "to" for ch in verb.children):
        return None
    if tense_of(verb.head) is not Tense.PAST or verb.head.lemma_ == "be":
        return None  # "were to hold talks": a plan, not an act
    return anchor_event(c.doc, verb.head.i, depth=1)


@anchor_rule("Rebels attacked on Saturday. The Kremlin said Prigozhin will go to Belarus -> Saturday, for 'go'")
def reported_present_or_future(c: EventClause) -> Optional[DateRef]:
    """A present or future clause reported by a past verb is the report's content ("said the deal
    calls for a cease-fire", "said he will go"): dated as the report, not by publication."""
    if c.tense not in (Tense.PRESENT, Tense.FUTURE) or c.perfect is not None or c.verb is None:
        return None
    head = reporting_head(c.verb)
    if head is None:
        return None
    date = anchor_event(c.doc, head.i, depth=1)
    return date if date is not None and date.granularity != BEFORE else None


def reporting_head(verb: "Token") -> Optional["Token"]:
    """The past verb whose complement clause `verb` heads (through conjuncts and an "if" clause:
    "tweeted that if Putin leaves Russia, he would be arrested")."""
    clause = verb
    for _ in range(3):
        if clause.dep_ in ("conj", "advcl") and clause.head.i != clause.i:
            clause = clause.head
            continue
        break
    if clause.dep_ != "ccomp" or clause.head.i == clause.i:
        return None
    head = clause.head
    return head if tense_of(head) is Tense.PAST and perfect_aspect(head) is None else None


@anchor_rule("The Law Society of Kenya condemned the police commander (first sentence) -> publication day")
def lead(c: EventClause) -> Optional[DateRef]:
    """The lead's events are the story's news: dated by the day the lead paragraph's next sentences
    give them ("have agreed ... / Erdogan late on Wednesday thanked"), or, for a simple past, by the
    day its earlier sentences gave ("marched on Wednesday ... / police blocked the road"), else by publication. Not a subordinate or relative clause inside it, which tells background ("... on her own
    since age 14, when her parents were arrested")."""
    if c.sentence >= sentences_of(c.doc).lead_end:
        return None
    if c.verb is not None and c.looks_back and _background_clause(c.verb):
        return None
    if c.lead_date is not None and c.lead_date.token_start > c.trigger.i:
        return c.lead_date.date  # "Somalia and Ethiopia have agreed ... Erdogan late on Wednesday thanked ..."
    if c.lead_date is not None and c.tense is Tense.PAST and c.perfect is None:
        # "Students marched on Wednesday ... Police blocked the road as they chanted ...": a simple
        # past after the lead's day continues that day's news, not the publication day's
        return c.lead_date.date
    if c.tense is Tense.PAST and c.perfect is None:
        named = _lead_occasion_day(c)
        if named is not None:
            return named.date
    return publication_day(c.published)


def _lead_occasion_day(c: EventClause) -> Optional[TimexRef]:
    """ "Militiamen burned dozens of homes in two northern villages. Families walked to a camp
    after Thursday's raid": a lead that gives its news no day, and names it again a sentence or two on as an
    occasion with a possessive day ("Monday's violence", "Sunday's attack", "Tuesday's vote"): that
    day, within the story's week, is the news's (the lead paragraph's dates that `lead_date` reads
    leave out a noun's date after "following", a bound for its own clause)."""
    sents = sentences_of(c.doc)
    last = sents.body_start + LEAD_DATE_SENTENCES
    hi = sents.starts[last] if last < len(sents.starts) else len(c.doc.spacy_doc)
    earliest = (c.published - STORY_DAYS).isoformat()
    for t in c.doc.timexes:
        if t.token_start >= hi:
            break
        root = c.doc.spacy_doc[t.token_start : t.token_end].root
        if (
            t.token_start > c.trigger.i
            and t.date.granularity == "day"
            and earliest <= t.date.start <= c.published.isoformat()
            and root.dep_ == "poss"
            and root.head.lemma_.lower() in OCCASION_NOUNS
            and not inside_quotation(c.doc, t.start)
            and not _another_occasion(root.head)
        ):
            return t
    return None


def _another_occasion(noun: "Token") -> bool:
    """The occasion is told as another time than the lead's act: before or ahead of it ("The crackdown comes
    ahead of Saturday's vote"), at an offset from it ("came two days after Sunday's clashes"), or as what an
    act noun followed ("The arrests followed Monday's violence": the subject is the lead's act, the
    occasion another)."""
    prep = noun.head if noun.dep_ == "pobj" else None
    if prep is not None:
        if prep.lower_ in ("before", "until", "ahead") or prep.head.lower_ in ("ahead", "prior"):
            return True
        if any(c.dep_ == "npadvmod" for c in prep.children):
            return True
    verb = noun.head if noun.dep_ == "dobj" else (prep.head if prep is not None else None)
    while verb is not None and verb.pos_ not in ("VERB", "AUX") and verb.head.i != verb.i:
        verb = verb.head
    if verb is None:
        return False
    return any(c.dep_ in ("nsubj", "nsubjpass") and c.lemma_.lower() in OCCASION_NOUNS for c in verb.children)


def _background_clause(verb: "Token") -> bool:
    """A relative clause, or an adverbial one opened by "when", "after", "since", "once" (not
    "as" or "while", which tell the same time)."""
    if verb.dep_ in ("relcl", "acl"):
        return True
    opening = verb.doc[verb.left_edge.i : verb.i]  # "when" may hang on a later conjunct ("arrested and deported")
    return verb.dep_ == "advcl" and any(t.dep_ in ("mark", "advmod") and t.lower_ in BACKGROUND_MARKS for t in opening)


@anchor_rule("France and the EU have suspended aid following the coup (the coup undated) -> before publication")
def after_undated_event(c: EventClause) -> Optional[DateRef]:
    """ "following X" when the text does not date X: the event is after X, which says nothing of
    today; left open, before publication (the lead keeps its day: `lead` runs first)."""
    if not c.looks_back or undated_story_clause(c):
        return None  # "Oli withdrew the rule after the violence" with no date told yet: the story's news
    for head in {t.i: t for t in (c.trigger, c.verb) if t is not None}.values():
        for prep in head.children:
            if (
                prep.dep_ in ("prep", "advcl")
                and prep.lower_ in AFTER_PREPOSITIONS
                and any(ch.dep_ in ("pobj", "dobj") and ch.pos_ == "NOUN" and not _is_span(ch) for ch in prep.children)
            ):
                return before(c.published)
    return None


# "after a three-week pause", "after months of talks", "following years of war": a stretch of time that
# ends where the event begins, not an earlier event the event came some time after
SPAN_NOUNS = {"break", "pause", "lull", "hiatus", "recess", "interval"}
TIME_UNIT_NOUNS = {"minute", "hour", "day", "week", "month", "year", "decade"}


def _is_span(noun: "Token") -> bool:
    """Whether the object of "after" is a stretch of time: a pause, or a measure of time ("months of
    talks", "a week of protests") that leads up to the event."""
    return noun.lemma_.lower() in SPAN_NOUNS | TIME_UNIT_NOUNS


@anchor_rule("The society has condemned the police -> publication day")
def news_tenses(c: EventClause) -> Optional[DateRef]:
    """Present perfect, present and future clauses, and clauses without tense, speak of the
    time of publication."""
    if c.perfect == "present" or c.tense is not Tense.PAST:
        return publication_day(c.published)
    return None


@anchor_rule("The campaign points out that Sanders signed the same agreement -> before publication")
def reported_under_present(c: EventClause) -> Optional[DateRef]:
    """A past event reported by a present-tense clause ("says", "points out that") is not the
    episode's: the report is today's, the event some time before it."""
    verb = c.verb
    if verb is None or c.tense is not Tense.PAST or verb.dep_ != "ccomp" or tense_of(verb.head) is not Tense.PRESENT:
        return None
    return before(c.published)


# Verbs whose content clause is something already known: "recalled that", "noted that", "pointed
# out that", "reminded reporters that". A simple past told under them is background to the report
# (PolNeAR train: "noted that he taught constitutional law", "pointed out that Terris saw the
# incident unfold", "recalled that the last time she saw Freddy ..."), not the report's day.
RECALLING_LEMMAS = {"recall", "note", "remind"}
RECALLING_PARTICLES = {"point": "out"}


@anchor_rule(
    "On Monday the minister recalled that the rebels broke an earlier truce -> before publication, for 'broke'",
    final=True,
)
def recalled_content(c: EventClause) -> Optional[DateRef]:
    """A simple past clause that a verb of recalling reports ("noted that the court rejected the
    plan", "pointed out that the army seized the town") tells what the speaker brings back to mind:
    an earlier act, day unknown, not the day the speaker spoke (nor the episode's)."""
    verb = c.verb
    if verb is None or c.own is not None or c.tense is not Tense.PAST or c.perfect is not None:
        return None
    clause = first_conjunct(verb)
    if clause.dep_ != "ccomp" or tense_of(clause) is not Tense.PAST or not _is_recalling(clause.head):
        return None
    return before(c.published)


def _is_recalling(verb: "Token") -> bool:
    if verb.lemma_ in RECALLING_LEMMAS:
        return True
    particle = RECALLING_PARTICLES.get(verb.lemma_)
    return particle is not None and any(ch.dep_ == "prt" and ch.lower_ == particle for ch in verb.children)


@anchor_rule("the United States, which increased its focus on Asia under Obama -> before publication")
def description(c: EventClause) -> Optional[DateRef]:
    """A relative clause set off by a comma describes its noun ("X, which increased ..."): what
    it tells is background, not the next step of the episode."""
    verb = c.verb
    if verb is None or verb.dep_ != "relcl" or c.tense is not Tense.PAST:
        return None
    before_clause = c.doc.spacy_doc[verb.left_edge.i - 1] if verb.left_edge.i > 0 else None
    if before_clause is None or before_clause.text not in (",", "\u2014", "-", "("):
        return None
    return before(c.reference_end())


@anchor_rule("On February 5th protesters chanted ... Riot police marched in -> February 5th")
def episode(c: EventClause) -> Optional[DateRef]:
    """A simple past clause continues the episode the discourse last dated."""
    return c.episode.date if c.episode is not None else None


@anchor_rule("Duque asked Cuba to extradite them (no date anywhere near) -> before publication")
def undated_past(c: EventClause) -> Optional[DateRef]:
    """A past event the text does not date: before publication, day unknown."""
    return before(c.published)


# Rules that date an event by another one's date: not run again for that other event (no cycles).
RELATIVE_RULES = (
    anniversary_since,
    earlier_clause,
    later_clause,
    simultaneous_clause,
    reported_past_perfect,
    infinitive_of_past,
    reported_present_or_future,
)


def is_final(name: str) -> bool:
    """Whether the rule named `name` is one whose date the learned chooser keeps (AnchorRule.final)."""
    return any(r.final for r in ANCHOR_RULES if r.name == name)


# Rules whose date is, as it is, the date of the clause the event's clause hangs from (its verb's
# head): "..., demanding the dean's resignation" shares "have occupied the campus for five days".
SHARED_TIME_RULES = {"simultaneous_clause", "infinitive_of_past"}


def keeps_its_date(c: EventClause, name: str) -> bool:
    """Whether the learned chooser keeps the date rule `name` gave the event of `c`: a final rule's
    (AnchorRule.final), or a rule that shares the date of the clause it hangs from when a final rule
    dated that clause: an adjunct of a span ("Students have occupied the campus for five days,
    demanding ...", perfect_for_span) runs over the span, not the day of another sentence inside it."""
    if is_final(name):
        return True
    if name not in SHARED_TIME_RULES or c.verb is None or c.verb.head.i == c.verb.i:
        return False
    head = deciding_rule(c.doc, c.verb.head.i, depth=1)
    return head is not None and is_final(head[1])


def anchor_event(doc: ArticleDoc, token: int, disabled: Iterable[str] = (), depth: int = 0) -> Optional[DateRef]:
    """The date of the event whose trigger is `token`, by the first anchor rule that decides;
    None when the article has no usable publication date or parse. `disabled` names rules to
    skip (tests switch rules off one by one)."""
    decided = deciding_rule(doc, token, disabled, depth)
    return decided[0] if decided is not None else None


def deciding_rule(
    doc: ArticleDoc, token: int, disabled: Iterable[str] = (), depth: int = 0
) -> Optional[tuple[DateRef, str]]:
    """`anchor_event`'s date with the name of the rule that gave it (scripts/redate.py sorts errors
    by rule with it)."""
    clause = EventClause.of(doc, token)
    if clause is None:
        return None
    return next(((date, name) for name, date in deciding_rules(clause, disabled, depth)), None)


def deciding_rules(clause: EventClause, disabled: Iterable[str] = (), depth: int = 0) -> Iterator[tuple[str, DateRef]]:
    """(name, date) of each anchor rule that decides for the event of `clause`, in rule order and
    lazily: the first is the rules' choice (`deciding_rule`), all of them are the learned chooser's
    candidates (candidates.rule_dates)."""
    off = set(disabled)
    for r in ANCHOR_RULES:
        if r.name in off or (depth and r.decide in RELATIVE_RULES):
            continue
        date = r.decide(clause)
        if date is not None:
            yield r.name, date


# Rules kept in their own modules register themselves in the order above when imported.
from diurna.time import background as _background  # noqa: E402,F401
from diurna.time import news as _news  # noqa: E402,F401
