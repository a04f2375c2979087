"""Two parties in one phrase: "both countries", "the two sides", "the two leaders", "each other", and
"they" after "A and B", as mentions of the two actors the story named together.

Wire copy names the parties of a dispute or a deal once ("Thailand and Cambodia", "talks between
Armenia and Azerbaijan", "the Israel-Hezbollah ceasefire") and then writes "both countries accused
each other", "the two sides agreed", "the envoy called on the two sides". Left as nothing, such events
lose their source or target (issue #26: the fourth session counted these subjects among the leading
reasons why a verb the lexicons code gave no event). Such a phrase is recorded as a mention of each
of the two actors (the contract's mention model allows one span in two actors' mentions), so the
events stage, which takes every actor a mention belongs to (events/arguments.actors_of), codes the
act as done by, or to, both: reciprocal when it has no other party ("the two sides agreed"), one event
per party when it has ("called on the two sides"). Mixin of the article resolver
(resolve.ArticleResolver); every rule registered with its example (diurna/actors/rules.py).
"""

from __future__ import annotations

from functools import cached_property
from typing import TYPE_CHECKING, Optional

from diurna.actors.draft import DraftActor
from diurna.actors.mentions import PLURAL_PRONOUNS, Candidate
from diurna.actors.rules import enabled, register
from diurna.nlp.index import segments
from diurna.nlp.syntax import coordinated_pair

if TYPE_CHECKING:
    from spacy.tokens import Span, Token


STORY_DYAD = register(
    "story-dyad",
    "Thailand and Cambodia exchanged fire on Thursday. Both countries blamed the army for the clash.",
    "'both countries', 'the two sides', 'the two leaders' (a plural noun for parties with 'both' or "
    "'the two'; with 'the' alone, a noun only a pair goes by: 'the neighbours', 'the rivals', 'the "
    "warring parties', 'the pair') mean the two actors the story last named together ('Thailand and Cambodia', 'talks "
    "between Armenia and Azerbaijan', 'the Israel-Hezbollah ceasefire'): the phrase is a mention of "
    "each, so an event it does is done by both (reciprocal, when it has no other party). States for "
    "'countries', persons for 'leaders', any two parties for 'sides'; with no such pair, no actor.",
)
EACH_OTHER = register(
    "each-other",
    "Russia and Ukraine accused each other of shelling the plant.",
    "'each other', 'one another' is a mention of every party its verb's subject names ('Russia and "
    "Ukraine accused each other'): each accuses the other, not nobody.",
)
PAIR_PRONOUN = register(
    "pair-pronoun",
    "Russia and Ukraine said on Wednesday that they had exchanged 200 prisoners.",
    "A plural pronoun ('they', 'their', 'them') after a main-clause subject that coordinates two actors "
    "('Russia and Ukraine said ... they', 'Turkey and Egypt restored ties. They appointed ambassadors') "
    "is a mention of both, not of the more salient one: the pair is what the story goes on about.",
)
MET_PAIR_PRONOUN = register(
    "met-pair-pronoun",
    "Russia met Ukraine in Istanbul for talks. They agreed to swap prisoners.",
    "A plural pronoun after a sentence whose main verb is a meeting between its subject and its object "
    "or 'with' phrase ('Russia met Ukraine', 'Kenya talked with Ethiopia') is a mention of both, as after "
    "a coordinated subject (pair-pronoun): the two sides of a meeting are the pair, and neither state is "
    "'they' alone (plural-pronoun-not-state). Not when a side is one person ('The president met "
    "opposition leaders. They demanded ...' are the leaders).",
)
# Verbs of a meeting between their subject and their object or 'with' phrase (met-pair-pronoun).
MEETING_VERBS = frozenset("meet talk negotiate confer hold".split())
DYAD = "dyad"  # Candidate.kind of "both countries": a mention of two actors
RECIPROCAL = "reciprocal"  # Candidate.kind of "each other"
# Plural nouns for the parties of a story, by the kind of actor each may stand for.
DYAD_NOUNS = {
    **dict.fromkeys("country nation state neighbour neighbor government capital".split(), ("country",)),
    **dict.fromkeys("leader president man head premier counterpart".split(), ("person",)),
    **dict.fromkeys(
        "side party faction rival foe adversary ally partner".split(), ("country", "person", "organization", "group")
    ),
}
# With 'the' alone (no 'both', no 'two') only these mean two parties: "the nuclear-armed neighbours",
# "the rivals", and any party noun that is "warring".
PAIR_ONLY_NOUNS = frozenset("neighbour neighbor rival foe adversary".split())  # not "the leaders": of anything
BYSTANDER_SECTORS = frozenset({"CVL", "PPL"})
PAIR_ADJECTIVES = frozenset({"warring"})
ANY_KIND = ("country", "person", "organization", "group")
# "fighting on both sides", "from both sides": a place, not the parties (but "called on both sides")
DYAD_PLACE_PREPOSITIONS = frozenset("on across along from at".split())
PAIR_LINKS = frozenset({"-", "–", "—", "/"})  # "the Israel-Hezbollah ceasefire", "China-Bhutan talks"
DYAD_MODIFIERS = ("det", "predet", "preconj", "nummod", "amod")  # "the two neighbouring countries"
DYAD_WINDOW = 12  # sentences back the pair may have been named


def is_dyad_noun(token: "Token") -> bool:
    """'both countries', 'the two sides', 'the two neighbouring nations': a plural party noun with
    'both' or 'the two', not a place ('on both sides of the border') nor a part ('both sides' of X)."""
    if token.lower_ == "pair" and token.tag_ == "NN":  # "the pair", "the pair of them"
        return any(t.lower_ == "the" for t in token.lefts)
    if token.tag_ != "NNS" or token.lemma_.lower() not in DYAD_NOUNS:
        return False
    lefts = [t.lower_ for t in token.lefts]
    counted = "both" in lefts or ("the" in lefts and "two" in lefts)
    only_a_pair = "the" in lefts and (
        token.lemma_.lower() in PAIR_ONLY_NOUNS or any(word in PAIR_ADJECTIVES for word in lefts)
    )
    if not (counted or only_a_pair) or len(lefts) > len([t for t in token.lefts if t.dep_ in DYAD_MODIFIERS]):
        return False  # "the two countries' leaders" is fine; "Yemen's warring parties" is one state's
    if any(t.dep_ == "prep" and t.lower_ == "of" for t in token.rights) and token.lower_ != "pair":
        return False
    preposition = token.head
    if token.dep_ != "pobj" or preposition.lower_ not in DYAD_PLACE_PREPOSITIONS:
        return True
    return preposition.lower_ == "on" and preposition.head.lemma_.lower() == "call"  # "called on both sides to"


def is_each_other(token: "Token") -> bool:
    """'other' of 'each other', 'another' of 'one another', as an object."""
    previous = token.nbor(-1) if token.i > token.sent.start else None
    return (
        previous is not None
        and (token.lower_, previous.lower_) in (("other", "each"), ("another", "one"))
        and token.dep_ in ("dobj", "pobj", "dative")
    )


def is_each_other_mention(cand: Candidate) -> bool:
    return cand.how == "pronoun" and cand.kind == RECIPROCAL


def is_plural_pronoun(cand: Candidate) -> bool:
    return cand.how == "pronoun" and cand.kind is None and cand.plural


def is_story_dyad_mention(cand: Candidate) -> bool:
    return cand.how == "pronoun" and cand.kind == DYAD


class StoryDyads:
    """Mixin of the article resolver: which two actors 'both countries' or 'each other' stand for."""

    def dyad_candidates(self, sent: "Span", taken: set[int]) -> list[Candidate]:
        out = []
        for token in sent:
            if token.i in taken:
                continue
            if enabled(STORY_DYAD) and is_dyad_noun(token):
                kind = DYAD
                start = min([token.i] + [t.i for t in token.lefts if t.dep_ in DYAD_MODIFIERS])
            elif enabled(EACH_OTHER) and is_each_other(token):
                kind, start = RECIPROCAL, token.i - 1
            else:
                continue
            if any(i in taken for i in range(start, token.i)):
                continue
            out.append(Candidate(start, token.i + 1, "pronoun", token.i, (start, token.i + 1), kind=kind, plural=True))
            taken.update(range(start, token.i + 1))
        return out

    def each_other_actors(self, cand: Candidate) -> Optional[tuple[DraftActor, DraftActor]]:
        """Rule each-other."""
        return self._subject_parties(self.doc[cand.head])

    def story_dyad_actors(self, cand: Candidate) -> Optional[tuple[DraftActor, DraftActor]]:
        """Rule story-dyad."""
        return self._named_pair(cand)

    def pair_pronoun_actors(self, cand: Candidate) -> Optional[tuple[DraftActor, DraftActor]]:
        """Rule pair-pronoun: the two actors a coordinated main-clause subject names, in this sentence
        before the pronoun or else in the story's previous sentence (of the pronoun's voice)."""
        pronoun = self.doc[cand.head]
        if pronoun.lower_ not in PLURAL_PRONOUNS:
            return None
        narrated = not self.in_quote[cand.head]
        previous = self._previous_narrated() if narrated else self.sentence_index - 1
        at = self.actors_at
        for sentence in (self._segment(self.sentence_index), self._segment(previous)):
            if sentence is None:
                continue
            subject = next((c for c in sentence.root.children if c.dep_ == "nsubj"), None)
            if subject is None or subject.i >= cand.start:
                continue
            pair = coordinated_pair(subject)
            met = pair is None
            if met:
                pair = _met_pair(sentence.root, subject)
            if pair is None:
                return None  # one subject or a list: the pronoun is no pair's
            left, right = (at.get(t.i, ()) for t in pair)
            if len(left) != 1 or len(right) != 1 or left[0] is right[0]:
                return None
            if met and "person" in (left[0].kind, right[0].kind):
                return None  # "The president met opposition leaders. They demanded ...": the leaders
            return left[0], right[0]
        return None

    @cached_property
    def _segments(self) -> list["Span"]:
        """The article's sentences as the resolver counts them (`sentence_index`), read once."""
        return list(segments(self.doc))

    @cached_property
    def _segment_starts(self) -> list[int]:
        return [s.start for s in self._segments]

    def _segment(self, n: int) -> "Optional[Span]":
        return self._segments[n] if 0 <= n < len(self._segments) else None

    def _subject_parties(self, other: "Token") -> Optional[tuple[DraftActor, DraftActor]]:
        """The two actors the subject of the verb of 'each other' names ('Russia and Ukraine', 'both
        countries'); fewer or more than two: none."""
        verb = other.head if other.dep_ != "pobj" else other.head.head
        subjects = [c for c in verb.children if c.dep_ == "nsubj"]
        at = self.actors_at
        parties: list[DraftActor] = []
        for subject in subjects:
            for token in [subject] + list(subject.conjuncts):
                for actor in at.get(token.i, ()):
                    if actor not in parties:
                        parties.append(actor)
        return (parties[0], parties[1]) if len(parties) == 2 else None

    def _named_pair(self, cand: Candidate) -> Optional[tuple[DraftActor, DraftActor]]:
        """The two actors of the kinds the noun allows that the story last named together before the
        mention: coordinated ('A and B', 'between A and B') or joined by a hyphen ('A-B talks'). Not
        the subject of the verb the mention is an object of ('ECOWAS and the United States urged
        both parties'): those are not the parties they address."""
        kinds = DYAD_NOUNS.get(self.doc[cand.head].lemma_.lower(), ANY_KIND)
        at = self.actors_at
        first_allowed = self._sentence_start(max(0, self.sentence_index - DYAD_WINDOW))
        addressers = self._governing_subjects(cand, at)
        best, best_at = None, -1
        for i in range(first_allowed, cand.start):
            for j in self._linked(i):
                if not first_allowed <= j < cand.start or max(i, j) <= best_at:
                    continue
                for left in at.get(i, ()):
                    for right in at.get(j, ()):
                        if (
                            right is not left
                            and left.kind in kinds
                            and right.kind in kinds
                            and not {id(left), id(right)} & addressers
                            and self._two_parties(left, right)
                        ):
                            best, best_at = (left, right), max(i, j)
        if best is None and "organization" not in kinds:
            best = self._only_two_named(cand, kinds[0])
        return best

    def _governing_subjects(self, cand: Candidate, at: dict[int, list[DraftActor]]) -> set[int]:
        """The actors (their ids) named by the subject of the verb above an object mention."""
        head = self.doc[cand.head]
        if head.dep_ not in ("dobj", "pobj", "dative"):
            return set()
        verb = head.head
        while verb.pos_ not in ("VERB", "AUX") and verb.head.i != verb.i:
            verb = verb.head
        subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
        return {id(a) for s in subjects for t in s.subtree for a in at.get(t.i, ())}

    def _only_two_named(self, cand: Candidate, kind: str) -> Optional[tuple[DraftActor, DraftActor]]:
        """'President Biden met Communist Party leader Nguyen Phu Trong, and both leaders announced':
        with no pair named together, the only two states or persons (of two countries) the story has
        named by name in the window."""
        named = [
            a
            for a in self._recent(DYAD_WINDOW)
            if a.kind == kind and (a.kb is not None or a.names) and a.mentions[0][0] < cand.start
        ]
        if len(named) != 2 or not self._two_parties(*named):
            return None
        if kind == "person" and not (self.coded(named[0])[0] and self.coded(named[1])[0]):
            return None
        return named[1], named[0]

    def _linked(self, i: int) -> list[int]:
        """Tokens named together with token i as a pair: its one conjunct ('A and B'; a list of three
        or more is no pair) or the name after a hyphen ('Israel-Hezbollah')."""
        token = self.doc[i]
        pair = coordinated_pair(token)
        linked = [pair[1].i] if pair is not None else []
        if i + 2 < len(self.doc) and self.doc[i + 1].text in PAIR_LINKS:
            linked.append(i + 2)
        return linked

    def _two_parties(self, a: DraftActor, b: DraftActor) -> bool:
        """Two sides, not one state's two faces (a state and its own leader, two persons of one state)
        nor bystanders: an unnamed crowd ('civilians and security personnel were hurt') is no party."""
        (country_a, sector_a), (country_b, sector_b) = self.coded(a), self.coded(b)
        if any(x.kb is None and not x.names and s in BYSTANDER_SECTORS for x, s in ((a, sector_a), (b, sector_b))):
            return False
        return not (country_a and country_a == country_b and (a.kind != b.kind or a.kind == "person"))

    def _sentence_start(self, n: int) -> int:
        return self._segment_starts[min(n, len(self._segment_starts) - 1)]


def _met_pair(verb: "Token", subject: "Token") -> Optional[tuple["Token", "Token"]]:
    """The subject and the other side of a meeting verb ("Russia met Ukraine", "talked with Kenya",
    "held talks with Kenya"): the met-pair-pronoun rule's pair of tokens, else None."""
    if not enabled(MET_PAIR_PRONOUN) or verb.lemma_.lower() not in MEETING_VERBS or subject.conjuncts:
        return None
    heads = [verb] + [o for o in verb.children if o.dep_ == "dobj" and o.lemma_.lower() == "talk"]
    if verb.lemma_.lower() == "hold" and len(heads) == 1:
        return None  # "held" alone is no meeting
    others = [o for o in verb.children if o.dep_ == "dobj" and verb.lemma_.lower() == "meet"]
    others += [
        o
        for h in heads
        for p in h.children
        if p.dep_ == "prep" and p.lower_ == "with"
        for o in p.children
        if o.dep_ == "pobj"
    ]
    return (subject, others[0]) if len(others) == 1 and not others[0].conjuncts else None
