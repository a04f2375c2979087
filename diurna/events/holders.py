"""The holder of what an event is done to (issue #26 point 4): "attacked a police post" is done to the
police, "stormed the parliament" to the legislature, "rebuild the damaged hospitals in Ukraine" to
Ukraine. The argument chooser (argmodel.py) reads whether a mention holds a noun the event is done to
(`holding`) as features, and is offered the article's actor for a noun that modifies such a thing when
the actor stage made no mention of it (`holder_mentions`: "the police convoy" -> the story's "State
police"); which holder is the recipient is the model's to learn."""

from __future__ import annotations

from typing import TYPE_CHECKING, Optional

from diurna.document import ArticleDoc, MentionRef
from diurna.events.dictionary import direct_objects

if TYPE_CHECKING:
    from spacy.tokens import Token

# The prepositions whose object holds the noun they hang on: "the hospitals in Ukraine", "the
# headquarters of the ruling party", "a checkpoint at the border of Chad" (issue #26 point 4: "attacked a
# police post" is done to the police, "stormed the parliament" to the legislature).
HOLDER_PREPOSITIONS = frozenset({"in", "of", "at", "within"})
# The dependents that name a noun's owner: "the broadcaster's headquarters" (poss), "the police convoy"
# (compound), "Ukrainian hospitals" (amod), "the Iraqi Kurdistan region's airport" (nmod).
HOLDER_DEPS = frozenset({"poss", "compound", "amod", "nmod"})


def acted_on(trigger: "Token") -> list["Token"]:
    """The nouns an event is done to: the trigger's direct objects (a passive's subject), those of the
    verb it governs as its complement ("pledged to rebuild the hospitals"), the objects of the
    prepositions it governs ("attacks on the airport", "fired into Cambodia"), and their conjuncts
    ("hospitals and schools")."""
    found = list(direct_objects(trigger))
    for child in trigger.children:
        if child.dep_ == "prep":
            found += [g for g in child.children if g.dep_ == "pobj"]
        elif child.dep_ == "xcomp":
            found += direct_objects(child)
    for noun in list(found):
        found += [c for c in noun.conjuncts if c not in found]
    return found


def holding(doc: ArticleDoc, trigger: "Token", head: "Token") -> Optional[tuple[str, bool]]:
    """(how, thing) when the mention headed by `head` holds a noun the event is done to: `how` is the
    dependency that ties it to that noun ("poss", "compound", "amod", "nmod", "prep_in", "prep_of",
    ...), `thing` whether that noun is itself no actor's mention (a building, post, convoy or base,
    whose holder is whom the event is done to, against "officers of the police", where the officers
    are). None when the mention holds nothing the event is done to."""
    if head.dep_ in HOLDER_DEPS:
        how, noun = head.dep_, head.head
    elif head.dep_ == "pobj" and head.head.dep_ == "prep" and head.head.lower_ in HOLDER_PREPOSITIONS:
        how, noun = "prep_" + head.head.lower_, head.head.head
    else:
        return None
    if noun == trigger or noun not in acted_on(trigger):
        return None
    return how, doc.mention_at_token(noun.i) is None


def holder_mentions(doc: ArticleDoc, trigger: "Token") -> list[MentionRef]:
    """Mentions for the unmarked holder of a thing the event is done to: a noun modifying it ("the
    police convoy", "the government building", "an army base", "the US Embassy") that the actor stage
    made no mention of, read as the article's actor whose mention has that noun as its head ("State
    police", "the government", "the US"), the nearest such mention before it, else after it. The
    article's own actors say who "police" is, so no table of facility words or owners is needed."""
    out = []
    for noun in acted_on(trigger):
        if doc.mention_at_token(noun.i) is not None:
            continue
        for word in noun.children:
            if (
                word.dep_ != "compound"
                or word.pos_ not in ("NOUN", "PROPN")
                or doc.mention_at_token(word.i) is not None
            ):
                continue
            found = story_actor_by_head(doc, word)
            if found is not None:
                out.append(found)
    return out


def story_actor_by_head(doc: ArticleDoc, word: "Token") -> Optional[MentionRef]:
    """A mention, at `word`, of the article's actor whose mention has `word`'s lemma as its head ("the
    police convoy" -> the story's "State police", "the military takeover" -> "the military"): the
    nearest such mention before it, else after it; None when the article names no such actor."""
    lemma, sdoc = word.lemma_.lower(), doc.spacy_doc
    # the last word of a noun phrase is its head ("State police"); a cheap test for every mention
    same = [m for m in doc.mentions if m.how != "pronoun" and sdoc[m.token_end - 1].lemma_.lower() == lemma]
    before = [m for m in same if m.token_end <= word.i]
    named = max(before, key=lambda m: m.token_start) if before else min(same, key=lambda m: m.token_start, default=None)
    if named is None:
        return None
    return MentionRef(named.actor_id, word.idx, word.idx + len(word), word.i, word.i + 1, "description")
