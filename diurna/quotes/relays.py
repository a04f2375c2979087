"""Relays: who passes the speaker's words on ("according to PressTV", "Reuters reported that X
said", "state media quoted X as saying", "X's remarks were quoted by PressTV")."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Iterator, Optional

from diurna.quotes.lexicon import RELAY_VERBS, SPEECH_NOUNS

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token


@dataclass
class RelayStatement:
    """A sentence saying that `relay` carried the words of `speaker` ("X's remarks were quoted by R")."""

    speaker: "Token"
    relay: "Token"


def quoted_as_saying(verb: "Token") -> Optional[tuple["Token", Optional["Token"]]]:
    """For "R quoted X as saying ..." (or "X was quoted as saying ..."), the (speaker, relay) heads."""
    if verb.dep_ != "pcomp" or verb.head.lower_ != "as":
        return None
    relay_verb = verb.head.head
    if relay_verb.lemma_.lower() not in RELAY_VERBS:
        return None
    speaker = relay = None
    for child in relay_verb.children:
        if child.dep_ == "dobj":
            speaker = child
        elif child.dep_ == "nsubjpass":
            speaker = child
        elif child.dep_ == "nsubj":
            relay = child
        elif child.dep_ == "agent":
            relay = next((c for c in child.children if c.dep_ == "pobj"), relay)
    if speaker is None:
        return None
    return speaker, relay


def _owner_of_words(noun: "Token") -> Optional["Token"]:
    """ "Rouhani's remarks" -> Rouhani; "remarks by Rouhani" -> Rouhani; "the minister's statement" -> minister."""
    if noun.lemma_.lower() not in SPEECH_NOUNS and noun.lower_ not in SPEECH_NOUNS:
        return None
    for child in noun.children:
        if child.dep_ == "poss":
            return child
    for child in noun.children:
        if child.dep_ == "prep" and child.lower_ in ("by", "of", "from"):
            return next((c for c in child.children if c.dep_ == "pobj"), None)
    return None


def relay_statements(doc: "Doc") -> Iterator[RelayStatement]:
    """Sentences whose point is that a medium relayed someone's words."""
    for verb in doc:
        if verb.lemma_.lower() not in RELAY_VERBS or verb.pos_ not in ("VERB", "AUX"):
            continue
        words = relay = None
        for child in verb.children:
            if child.dep_ == "nsubjpass":
                words = child
            elif child.dep_ == "agent":
                relay = next((c for c in child.children if c.dep_ == "pobj"), None)
            elif child.dep_ == "dobj":
                words = child if words is None or verb.tag_ != "VBN" else words
            elif child.dep_ == "nsubj":
                relay = child
        if words is None or relay is None:
            continue
        speaker = _owner_of_words(words)
        if speaker is not None:
            yield RelayStatement(speaker, _rightmost_name(relay))


def _rightmost_name(tok: "Token") -> "Token":
    """ "the state-owned Iranian network PressTV" is parsed with two heads; the name is the last pobj."""
    siblings = [c for c in tok.head.children if c.dep_ == tok.dep_ and c.i > tok.i]
    if siblings:
        return siblings[-1]
    names = [c for c in tok.rights if c.pos_ == "PROPN" and c.dep_ in ("appos", "npadvmod", "dobj", "attr", "compound")]
    return names[-1] if names else tok
