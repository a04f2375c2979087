"""Finding temporal expressions in a parsed article and normalising each in its context."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING, Optional

from diurna.document import TimexRef
from diurna.nlp.syntax import is_infinitive
from diurna.time import fallback, grammar
from diurna.time.calendar import Interval, Tense
from diurna.time.syntax import Attachment, attachment, governing_verb, tense_of

if TYPE_CHECKING:
    from spacy.tokens import Doc
    from spacy.tokens import Span as Tokens

ENTITY_LABELS = ("DATE", "TIME")
# Names that contain date words: "USA Today", "Fox News Sunday", "the Clean Air Act of 1970".
# Only capitalised or numeric date words are taken for part of a name: spaCy's entities are
# sometimes too long ("ATOLL - Seventy-four years ago" as a PRODUCT).
NAME_LABELS = ("ORG", "WORK_OF_ART", "FAC", "LAW")
# Relations by which a date modifies a noun ("Monday's debate", "the Sunday poll"): the clause's
# present tense says little about such a date, so it is read with no tense.
NOUN_MODIFIER_DEPS = ("poss", "compound", "nmod", "amod", "nummod")
# Granularities precise enough to anchor "the next day" or "that week".
ANCHORING = ("day", "week", "month", "year", "season")


@dataclass(frozen=True)
class Span:
    start: int
    end: int
    from_grammar: bool


def _overlaps(a_start: int, a_end: int, b_start: int, b_end: int) -> bool:
    return a_start < b_end and b_start < a_end


def candidate_spans(text: str, doc: "Doc") -> list[Span]:
    """Grammar matches (cue-less bare months, years and seasons only inside spaCy DATE
    entities), then the DATE/TIME entities no grammar match touches, for the fallback."""
    entities = [(e.start_char, e.end_char) for e in doc.ents if e.label_ in ENTITY_LABELS]
    names = [(e.start_char, e.end_char) for e in doc.ents if e.label_ in NAME_LABELS]
    kept = [
        c
        for c in grammar.find_candidates(text)
        if (not c.rule.needs_cue or c.has_preposition or any(_overlaps(c.start, c.end, s, e) for s, e in entities))
        and not (_name_like(text[c.start : c.end]) and any(s <= c.start and c.end <= e for s, e in names))
        and not _title_inside_sentence(text, c.start, c.end)
    ]
    chosen = [Span(c.start, c.end, True) for c in grammar.longest_first(kept)]
    chosen = _whole_entities_over_pieces(text, chosen, entities)
    for s, e in entities:
        if any(_overlaps(s, e, c.start, c.end) for c in chosen):
            continue
        if grammar.word_follows(text, e) and grammar.standalone_only(text[s:e]):
            continue  # spaCy's "the 13th" in "the 13th amendment"
        if _title_inside_sentence(text, s, e):
            continue
        chosen.append(Span(s, e, False))
    return sorted(chosen, key=lambda c: c.start)


_CALENDAR_WORD = re.compile(grammar.CALENDAR_NAME, re.IGNORECASE)


def _title_inside_sentence(text: str, start: int, end: int) -> bool:
    """ABC's "This Week", "Last Week Tonight": an expression of two or more words all
    capitalised, with none a month or weekday, in the middle of a sentence is a title."""
    words = text[start:end].split()
    if len(words) < 2 or not all(w[:1].isupper() for w in words) or _CALENDAR_WORD.search(text[start:end]):
        return False
    before = text[:start].rstrip(" \t\u00a0\"'\u201c\u2018")
    return bool(before) and (before[-1].isalnum() or before[-1] == ",")


def _name_like(expression: str) -> bool:
    return expression[:1].isupper() or expression[:1].isdigit()


def _whole_entities_over_pieces(text: str, chosen: list[Span], entities: list[tuple[int, int]]) -> list[Span]:
    """ "December the 8th": the grammar sees only "December"; when a spaCy entity reaches
    beyond the grammar's pieces inside it and dateparser reads it whole, the entity wins."""
    for s, e in entities:
        pieces = [c for c in chosen if _overlaps(s, e, c.start, c.end)]
        if not pieces or any(c.end > e for c in pieces):
            continue
        uncovered = "".join(ch for k, ch in enumerate(text[s:e], s) if not any(c.start <= k < c.end for c in pieces))
        if not re.search(r"\w", uncovered.replace("the", "")):
            continue
        if fallback.parse_calendar_date(text[s:e], _ANY_DAY):  # keep a preposition a piece opened with
            chosen = [c for c in chosen if c not in pieces] + [Span(min(s, pieces[0].start), e, False)]
    return sorted(chosen, key=lambda c: c.start)


# Whether dateparser can read an entity at all does not depend on the publication date.
_ANY_DAY = dt.date(2000, 1, 1)


def _resolve(
    text: str, published: dt.date, tense: Tense, anchor: Optional[Interval], from_grammar: bool
) -> Optional[Interval]:
    if from_grammar:
        return grammar.normalise(text, published, tense, anchor)
    # a spaCy entity: the grammar may still read it once trimmed ("the morning of Dec. 8" is not)
    return grammar.normalise(text, published, tense, anchor) or fallback.parse_calendar_date(
        grammar.strip_preposition(grammar.clean(text)), published, tense
    )


def _is_purpose_infinitive(verb) -> bool:
    """A to-infinitive adverbial ("met ... to discuss"): it happens at its head's time, unlike a
    complement ("agreed to meet on Monday"), which looks ahead of it."""
    return verb.dep_ == "advcl" and verb.tag_ == "VB" and verb.head.i != verb.i and is_infinitive(verb)


# Heads whose to-infinitive is done (or attempted, begun) at their own time, not after it: the
# implicative verbs and adjectives ("failed to reach a deal on Friday", "was unable to recapture the
# port on Saturday", "managed to cross"), attempts ("tried to enter the city on Monday") and the
# aspectual verbs ("began to withdraw on Monday"). A plan ("agreed to meet on Friday", "vowed to
# return") looks ahead and keeps the future reading.
SAME_TIME_INFINITIVE_HEADS = {
    "fail",
    "manage",
    "try",
    "attempt",
    "dare",
    "neglect",
    "unable",
    "able",
    "begin",
    "start",
    "continue",
    "cease",
}


def _is_implicative_infinitive(verb) -> bool:
    """A to-infinitive complement of a head in SAME_TIME_INFINITIVE_HEADS: it happens at its head's
    time, so a weekday on it is read with the head's tense."""
    if verb.dep_ != "xcomp" or verb.tag_ != "VB" or verb.head.i == verb.i or not is_infinitive(verb):
        return False
    return verb.head.lemma_.lower() in SAME_TIME_INFINITIVE_HEADS


# "the first", "the latest", "the only": a noun an infinitive then tells a fact about
RANKING_WORDS = {"first", "second", "third", "last", "latest", "only", "next"}


def _is_ranked_infinitive(verb) -> bool:
    """ "Niger became the latest member to undergo a coup in July", "the first leader to visit
    Kyiv since 2022": a to-infinitive describing a ranked noun tells what that noun did, at the
    time of the clause the noun is in, not a plan."""
    if verb.tag_ != "VB" or verb.head.i == verb.i or not is_infinitive(verb):
        return False
    if verb.dep_ in ("acl", "relcl"):
        nouns = [verb.head]
    elif verb.dep_ == "xcomp":  # the parser often hangs it on the copula: "became the latest ... to undergo"
        nouns = [ch for ch in verb.head.children if ch.dep_ in ("attr", "dobj")]
    else:
        return False
    return any(m.lower_ in RANKING_WORDS or m.tag_ == "JJS" for n in nouns for m in n.children if m.dep_ == "amod")


def _reading_tense(tokens, where: Attachment, expression: str) -> Tense:
    """The tense that decides between the last and the next "Friday" or "March"."""
    if expression.lower().startswith("since"):
        return Tense.PAST  # "since January" can only look back
    tense = tense_of(tokens.doc[where.verb]) if where.verb is not None else Tense.UNKNOWN
    if tense is Tense.FUTURE and where.verb is not None and _is_purpose_infinitive(tokens.doc[where.verb]):
        tense = tense_of(tokens.doc[where.verb].head)  # "held a summit to discuss the coup on Wednesday"
    if tense is Tense.FUTURE and where.verb is not None and _is_implicative_infinitive(tokens.doc[where.verb]):
        tense = tense_of(governing_verb(tokens.doc[where.verb].head))  # "failed to reach a deal on Friday"
    if tense is Tense.FUTURE and where.verb is not None and _is_ranked_infinitive(tokens.doc[where.verb]):
        tense = tense_of(governing_verb(tokens.doc[where.verb].head))  # "became the latest to undergo a coup in July"
    if tense is Tense.PRESENT and (tokens.root.dep_ in NOUN_MODIFIER_DEPS or where.noun is not None):
        return Tense.UNKNOWN  # "Critics say Monday's debate", "hailing the speech on Thursday": a noun's date
    return tense


def names_a_noun(tokens: "Tokens", where: Attachment) -> bool:
    """A date that names a noun ("the June 3 agreement", "the July 28 election") is that
    thing's date, not the time the story has moved to: "the following day" after it still counts
    from the story's last date ("Ministers met on Wednesday and rejected the March 1 accord.
    In a statement issued the following day, Ankara ...": Thursday)."""
    return tokens.root.dep_ in NOUN_MODIFIER_DEPS and where.noun is not None


@dataclass(frozen=True)
class Found:
    timex: TimexRef
    attachment: Attachment


def find_timexes(doc: "Doc", published: dt.date, text: Optional[str] = None) -> list[Found]:
    """Every temporal expression of `doc` the grammar or the fallback can normalise, in text order;
    each is read with the tense of the clause it modifies and the date mentioned before it.
    `text` is the parsed text when the caller has it (spaCy rebuilds `doc.text` on each access)."""
    text = doc.text if text is None else text
    found: list[Found] = []
    anchor: Optional[Interval] = None
    for span in candidate_spans(text, doc):
        tokens = doc.char_span(span.start, span.end, alignment_mode="expand")
        if tokens is None:
            continue
        where = attachment(tokens)
        expression = text[span.start : span.end]
        interval = _resolve(expression, published, _reading_tense(tokens, where, expression), anchor, span.from_grammar)
        if interval is None:
            continue
        timex = TimexRef(
            date=interval.to_dateref(expression),
            start=span.start,
            end=span.end,
            token_start=tokens.start,
            token_end=tokens.end,
        )
        found.append(Found(timex, where))
        if interval.granularity in ANCHORING and not (anchor is not None and names_a_noun(tokens, where)):
            anchor = interval
    return found
