"""Dates given by reference to an event already told: "During that visit", "after the talks".

Such a phrase is a temporal expression whose value is the date of its antecedent, an
earlier verb or noun naming the same kind of event ("visited" for "that visit", "met" for
"the meeting"), as far as the text dates that antecedent.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING, Iterator, Optional

from diurna.document import ArticleDoc, TimexRef
from diurna.time.dating import ATTACHMENTS_KEY, attachments_for, date_of_token
from diurna.time.syntax import attachment

if TYPE_CHECKING:
    from spacy.tokens import Token

# Prepositions that place an event inside or right after another one ("before" does not:
# it says only that the date is earlier).
EVENT_PREPOSITIONS = {"during", "at", "after", "following", "since", "amid", "throughout"}
_PREPOSITION_WORD = re.compile(r"\b(?:%s)\b" % "|".join(EVENT_PREPOSITIONS), re.IGNORECASE)
# Nouns of time, not of events: "at the time" is the grammar's (`at_the_time`).
NOT_EVENTS = {"time", "moment", "day", "week", "month", "year", "period", "point", "stage"}
# How far back the antecedent may be, in sentences: a demonstrative reaches further than "the".
WINDOW = {"that": 8, "this": 8, "those": 8, "these": 8, "same": 8, "the": 3}
# Nominalisations whose verb is not the noun minus a regular suffix.
IRREGULAR_EVENT_NOUNS = {
    "speech": "speak",
    "trip": "travel",
    "talk": "talk",
    "invasion": "invade",
    "decision": "decide",
    "withdrawal": "withdraw",
    "arrival": "arrive",
    "departure": "depart",
    "explosion": "explode",
    "collision": "collide",
    "election": "elect",
    "sale": "sell",
    "flight": "fly",
    "response": "respond",
    "conversation": "converse",
    "call": "call",
    "phone call": "call",
}
_SUFFIXES = ("ations", "ation", "ions", "ion", "ments", "ment", "ings", "ing", "als", "al", "s", "ed", "e")


def _stem(word: str) -> str:
    """A crude shared stem of a verb and its nominalisation: negotiation/negotiate -> negotiat."""
    word = word.lower()
    changed = True
    while changed:
        changed = False
        for suffix in _SUFFIXES:
            if word.endswith(suffix) and len(word) - len(suffix) >= 4:
                word, changed = word[: -len(suffix)], True
                break
    return word


def same_event_kind(noun_lemma: str, other_lemma: str) -> bool:
    """Whether `other_lemma` (verb or noun) names the same kind of event as `noun_lemma`."""
    noun, other = noun_lemma.lower(), other_lemma.lower()
    if noun == other or IRREGULAR_EVENT_NOUNS.get(noun) == other:
        return True
    return _stem(noun) == _stem(other)


@dataclass(frozen=True)
class EventReference:
    preposition: "Token"
    noun: "Token"
    determiner: str

    @property
    def token_start(self) -> int:
        return self.preposition.i

    @property
    def token_end(self) -> int:
        return self.noun.i + 1


def event_references(doc: ArticleDoc) -> Iterator[EventReference]:
    """ "during that visit", "after the meeting": a temporal preposition whose object is a
    definite or demonstrative common noun."""
    for m in _PREPOSITION_WORD.finditer(doc.text):  # a text scan is far cheaper than a token walk
        tok = doc.spacy_doc.char_span(m.start(), m.end())
        if tok is None or tok[0].dep_ != "prep":
            continue
        tok = tok[0]
        for noun in tok.children:
            if noun.dep_ != "pobj" or noun.pos_ != "NOUN" or noun.lemma_ in NOT_EVENTS:
                continue
            det = next((c.lower_ for c in noun.children if c.dep_ in ("det", "amod") and c.lower_ in WINDOW), None)
            if det is not None:
                yield EventReference(tok, noun, det)


@dataclass(frozen=True)
class EventWords:
    """The article's verbs and nouns and its sentence starts, gathered once per article."""

    sentence_starts: list[int]
    words: list[tuple[int, str]]  # (token index, lemma) of every verb and noun, in text order

    @classmethod
    def of(cls, doc: ArticleDoc) -> "EventWords":
        # column arrays instead of a walk over Token objects: this runs on every article
        from spacy.attrs import LEMMA, POS, SENT_START

        sdoc = doc.spacy_doc
        table = sdoc.to_array([POS, LEMMA, SENT_START])
        strings = sdoc.vocab.strings
        event_pos = {strings["VERB"], strings["NOUN"]}
        starts = [i for i, row in enumerate(table) if i == 0 or row[2] == 1]
        words = [(i, strings[int(row[1])]) for i, row in enumerate(table) if int(row[0]) in event_pos]
        return cls(starts, words)


def antecedent(doc: ArticleDoc, ref: EventReference, words: EventWords) -> Optional["Token"]:
    """The nearest earlier verb or noun naming the same kind of event, within the window."""
    here = bisect.bisect_right(words.sentence_starts, ref.token_start) - 1
    first = words.sentence_starts[max(0, here - WINDOW[ref.determiner])]
    upto = bisect.bisect_left(words.words, (ref.token_start, ""))
    for i, lemma in reversed(words.words[:upto]):
        if i < first:
            break
        if same_event_kind(ref.noun.lemma_, lemma):
            return doc.spacy_doc[i]
    return None


def _antecedent_date(doc: ArticleDoc, target: "Token"):
    """The date the text gives the antecedent: a verb's clause date; a noun only its own ("the
    summit on Sunday over the coup" does not date the coup)."""
    if target.pos_ == "NOUN":
        atts = attachments_for(doc)
        own = [t for k, t in enumerate(doc.timexes) if atts[k].noun == target.i]
        return own[0].date if own else None
    return date_of_token(doc, target.i, follow_discourse=False)


def resolve_event_references(doc: ArticleDoc) -> None:
    """Add a timex for every event reference whose antecedent the text dates, in text order so
    that a reference may itself be the antecedent's date source for a later one."""
    words: Optional[EventWords] = None
    for ref in event_references(doc):
        if any(t.token_start < ref.token_end and ref.token_start < t.token_end for t in doc.timexes):
            continue
        words = words or EventWords.of(doc)
        target = antecedent(doc, ref, words)
        date = _antecedent_date(doc, target) if target is not None else None
        if date is None:
            continue
        start = ref.preposition.idx
        end = ref.noun.idx + len(ref.noun.text)
        timex = TimexRef(
            date=date.model_copy(update={"text": doc.text[start:end]}),
            start=start,
            end=end,
            token_start=ref.token_start,
            token_end=ref.token_end,
        )
        atts = attachments_for(doc)
        at = next((k for k, t in enumerate(doc.timexes) if t.start > start), len(doc.timexes))
        doc.timexes.insert(at, timex)
        atts.insert(at, attachment(doc.spacy_doc[ref.token_start : ref.token_end]))
        doc.spacy_doc.user_data[ATTACHMENTS_KEY] = atts
