"""An act the text tells as earlier than the story's scene took place in an earlier episode (issue 22).

The carried places (basis `story` or `dateline`: the scene of the sentences before, the dateline, the
lead's scene) say where the story's present episode happens. An act told as before it - in the past
perfect ("said he had been beaten"), or as the start of a span ("two years since the army seized
power") - is background: the scene the story has moved to is not where it happened. Its own
sentence may still place it (`own_clause`, ...). `clause.locate_event` asks `earlier_episode`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from diurna.rules import RuleSet
from diurna.time.lexicon import WEEKDAYS

if TYPE_CHECKING:
    from spacy.tokens import Token

# Named rules of episodes (DIURNA_PLACE_EPISODE_RULES_OFF=name switches one off).
EPISODE_RULES = RuleSet("episode place rule", env="DIURNA_PLACE_EPISODE_RULES_OFF")
RULES, _register, enabled, switched_off = EPISODE_RULES.parts()

PAST_PERFECT = _register(
    "past-perfect-takes-no-carried-scene",
    "Crowds gathered in Minsk on Sunday. Police said the activist had been arrested. -> arrested: no place",
    "An act in the past perfect ('had been arrested', 'had seized') is told as before the story's "
    "present episode: the scene set by the sentences before, the dateline or the lead is where the "
    "story now is, not where that act happened. Not a past perfect measured up to a time of the "
    "episode ('by nightfall police had arrested 200 people') or dated by a day of the story's week "
    "('they had marched to the ministry on Monday').",
)
SPAN_FROM_AN_ACT = _register(
    "span-from-an-act-takes-no-carried-scene",
    "Exiles rallied in Bangkok. They marked three years since the army seized power. -> seized: no place",
    "An act that opens a span ('three years since the army seized power', 'ever since troops "
    "occupied the town') lies at the span's start, before the episode told around it: the scene "
    "carried from other sentences is not its place.",
)


def _clause_verb(trigger: Token) -> Token:
    """The verb whose clause states the trigger: itself, or the verb a noun trigger hangs from."""
    token = trigger
    while token.pos_ not in ("VERB", "AUX") and token.head.i != token.i:
        token = token.head
    return token


def _past_perfect(verb: Token) -> bool:
    """ "had been arrested", "had seized": a past-tense "had" auxiliary before a past participle,
    not one measured up to a time of the episode ("by nightfall police had arrested 200")."""
    perfect = verb.tag_ == "VBN" and any(
        c.dep_ in ("aux", "auxpass") and c.lower_ in ("had", "'d") for c in verb.children
    )
    return perfect and not _up_to_a_time(verb) and not _on_a_day_of_the_week(verb)


# Days a story's own week is told by: a past perfect dated by one ("they had marched to the ministry
# on Monday") is the episode's eve, in the same place, not background from elsewhere.
DAYS_OF_THE_WEEK = set(WEEKDAYS) | {"yesterday"}


def _on_a_day_of_the_week(verb: Token) -> bool:
    """The verb's own clause names a day of the week or "yesterday" (not a clause below it)."""
    return any(
        t.lower_ in DAYS_OF_THE_WEEK
        and not any(a.dep_ in ("ccomp", "advcl", "relcl", "acl") for a in t.ancestors if verb.is_ancestor(a))
        for t in verb.subtree
        if t.i != verb.i
    )


# "by nightfall", "by the evening", "by the time police arrived": the episode's own clock.
TIME_WORDS = {
    "time",
    "nightfall",
    "morning",
    "noon",
    "afternoon",
    "evening",
    "night",
    "midnight",
    "dawn",
    "dusk",
    "end",
}


def _up_to_a_time(verb: Token) -> bool:
    """A "by" on the verb before a time word (read off the words: the parser may hang "nightfall"
    elsewhere, "By nightfall police had ...")."""
    doc = verb.doc
    for prep in verb.children:
        if prep.dep_ == "prep" and prep.lower_ == "by":
            k = prep.i + 1
            while k < len(doc) and doc[k].lower_ in ("the", "that", "this", "early", "late", "mid"):
                k += 1
            if k < len(doc) and (doc[k].ent_type_ in ("DATE", "TIME") or doc[k].lemma_.lower() in TIME_WORDS):
                return True
    return False


def _opens_a_span(verb: Token) -> bool:
    """ "since the army seized power": a clause opened by "since" that dates what it tells."""
    return any(c.dep_ == "mark" and c.lower_ == "since" for c in verb.children)


def earlier_episode(trigger: Token) -> bool:
    """Is the act told as before the story's present episode (so no carried scene places it)?"""
    verb = _clause_verb(trigger)
    if enabled(PAST_PERFECT) and _past_perfect(verb):
        return True
    return enabled(SPAN_FROM_AN_ACT) and _opens_a_span(verb)


UNREALISED = _register(
    "unrealised-clause-sets-no-scene",
    "He warned the two states might end up before the court in The Hague. They met in Athens later. "
    "-> a place of 'might end up' places no other event",
    "A place in a clause that tells what may, might, would or should happen, or what happens if "
    "something else does ('might end up before the court in The Hague', 'would hold talks in Geneva "
    "if ...'), is where nothing has happened yet: it sets no scene for the sentences after it and "
    "places no other event of its sentence. The clause's own event keeps it.",
)

MODALS = {"might", "may", "would", "should", "could"}
CONDITIONS = {"if", "unless"}
FINITE = {"VBD", "VBZ", "VBP"}
PERCEIVING = {"see", "hear", "watch", "observe"}  # "could be seen in the square" happened


def unrealised(word: Token) -> bool:
    """Does the clause of `word` (a verb, or the verb a noun hangs from) tell what may or would
    happen rather than what happened (`UNREALISED`)?"""
    if not enabled(UNREALISED):
        return False
    verb = _clause_verb(word)
    while verb.dep_ == "conj" and verb.head.pos_ in ("VERB", "AUX") and verb.head.i != verb.i:
        if _modal_or_conditional(verb):
            return True
        if verb.tag_ in FINITE:
            return False  # "would open depots in X and called on ...": a tense of its own, not the modal's
        verb = verb.head  # "might end up in The Hague and face trial": the conjuncts share the modal
    return _modal_or_conditional(verb)


def _modal_or_conditional(verb: Token) -> bool:
    if verb.lemma_.lower() in PERCEIVING:
        return False
    return any(
        (c.dep_ == "aux" and c.lower_ in MODALS) or (c.dep_ == "mark" and c.lower_ in CONDITIONS) for c in verb.children
    )


def of_what_may_happen(governor: Token, trigger: Token) -> bool:
    """Is `governor` (the word a place hangs from) in a clause of what may happen, and the trigger
    not (`UNREALISED`)? Its place then places no event of the trigger's."""
    return unrealised(governor) and not unrealised(trigger)
