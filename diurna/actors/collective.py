"""Organisation anaphora: "the bloc", "the alliance", "the union", "the council", and a subject "it",
as mentions of an organisation or state the story named.

Wire copy names an organisation once ("The Economic Community of West African States (ECOWAS)",
"the European Union", "the Transitional Military Council") and then writes "the bloc demanded",
"the union called on the authorities", "the council rejected the proposal". Left as nothing, the
event loses its source (issue #26: on the real-text tune set such subjects were a leading reason
why a verb the lexicons code gave no event). This mixin of the article resolver
(resolve.ArticleResolver) finds the organisation such a noun refers back to; descriptions.py keeps
the noun as a mention only while this rule is on. Every rule is registered with its example
(diurna/actors/rules.py) and can be switched off by name.

"It" is the commonest such subject (issue #26 count on the tune set: 17 of 77 unrecognised subjects
of coded verbs); it is also the commonest word for a thing, so only a subject "it" of a full verb is
offered, and only the organisation or state that is the main-clause subject of this sentence or of
the story's previous one is taken.

"Both countries", "the two sides", "the two leaders" and "each other" stand for two actors at once
(issue #26: "the two countries agreed" had no source). Such a phrase is recorded as a mention of
each of the two (the contract's mention model allows one span in two actors' mentions), so the
events stage, which takes every actor a subject's mention belongs to, codes the act as done by both:
reciprocal when it has no other party, one event per party when it has ("called on the two sides").
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Optional

from diurna.actors.draft import DraftActor
from diurna.actors.kb import name_key
from diurna.actors.mentions import Candidate
from diurna.actors.rules import enabled, register
from diurna.nlp.index import segments

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

ORGANISATION_ANAPHOR = register(
    "organisation-anaphor",
    "The Economic Community of West African States suspended Guinea. The bloc demanded the "
    "release of President Alpha Conde.",
    "A definite singular 'the bloc', 'the alliance', 'the union', 'the council' (and the like) is the "
    "organisation the story's last sentences named whose name has that word ('the European Union' ... "
    "'the union'), or, for a word only an association of states goes by ('bloc', 'alliance', "
    "'coalition'), the most recent intergovernmental organisation: writers use these nouns to avoid "
    "repeating the name. With none named, no actor (no guess).",
)

IT_SUBJECT = register(
    "it-subject",
    "Ghana's police service said on Monday that the march was illegal. It asked organisers to call it off.",
    "A subject 'it' of a full verb is the organisation or state that is the main-clause subject of the "
    "same sentence or of the story's previous sentence ('the police service said ... It asked'): news "
    "refers back to a state or organisation with 'it'. Not when that subject is a person or a plural "
    "group, not an expletive ('it is clear', 'it remains unclear'), and nothing else is guessed.",
)
NEUTER = "neuter"  # Candidate.kind of a subject "it"
# Verbs whose "it" subject is an expletive or a thing's, not an actor's: "it seems", "it took hours".
NON_AGENT_VERBS = frozenset("seem appear remain happen become take cost rain matter mean follow come".split())
IT_ANTECEDENT_KINDS = ("organization", "group", "country")
SINGULAR_COLLECTIVES = frozenset({"police"})  # plural nouns a body is called by

# Nouns a writer uses for an organisation already named; the first group only for associations of
# states ("the bloc" after ECOWAS, "the alliance" after NATO), whatever their names say.
STATE_ASSOCIATION_NOUNS = frozenset("bloc alliance coalition".split())
NAMED_BODY_NOUNS = frozenset("union council commission committee federation league assembly".split())
REFERRING_ORGANISATION_NOUNS = STATE_ASSOCIATION_NOUNS | NAMED_BODY_NOUNS
INTERGOVERNMENTAL = "IGO"
PRONOUN_SENTENCES = 2  # as for other pronouns (coref.PRONOUN_WINDOW)
WINDOW = 6  # sentences back, as for other definite descriptions (coref.DESCRIPTION_WINDOW)


def refers_to_organisation(head: "Token", definite: bool, plural: bool) -> bool:
    """'the bloc', 'The union': a definite singular noun for an organisation the story named.
    Capitalised inside a sentence it is a name's word ('Union'), not an anaphor."""
    if not definite or plural or head.lower_ not in REFERRING_ORGANISATION_NOUNS:
        return False
    capital_inside = head.text[:1].isupper() and not head.is_sent_start
    return not capital_inside and not any(
        t.dep_ in ("compound", "amod", "poss") and t.pos_ == "PROPN" for t in head.lefts
    )


def is_neuter_subject(cand: Candidate) -> bool:
    return cand.how == "pronoun" and cand.kind == NEUTER


def _actor_it(token: "Token") -> bool:
    """'It asked organisers', 'it said': a subject 'it' of a full verb, not of 'be', of an expletive
    or weather verb, or of a verb with a clausal subject ('it is expected that')."""
    verb = token.head
    return (
        token.lower_ == "it"
        and token.dep_ in ("nsubj", "nsubjpass")
        and verb.pos_ == "VERB"
        and verb.lemma_.lower() not in NON_AGENT_VERBS
        and not any(c.dep_ in ("csubj", "expl") for c in verb.children)
        and not (token.dep_ == "nsubjpass" and any(c.dep_ == "ccomp" for c in verb.children))
    )


class OrganisationAnaphora:
    """Mixin of the article resolver: which organisation 'the bloc', 'the union', 'it' refers back to."""

    def neuter_subject_candidates(self, sent: "Span", taken: set[int]) -> list[Candidate]:
        if not enabled(IT_SUBJECT):
            return []
        return [
            Candidate(t.i, t.i + 1, "pronoun", t.i, (t.i, t.i + 1), kind=NEUTER)
            for t in sent
            if t.i not in taken and _actor_it(t)
        ]

    def it_antecedent(self, cand: Candidate) -> Optional[DraftActor]:
        """The organisation or state that is the main-clause subject of this sentence (before 'it')
        or else of the story's previous sentence; a person or a plural group there: nobody."""
        narrated = not self.in_quote[cand.head]
        previous = self._previous_narrated() if narrated else self.sentence_index - 1
        for sentence in (self.sentence_index, previous):
            subjects = [
                a
                for a in self._recent(PRONOUN_SENTENCES, narrated)
                if sentence in a.main_subject_sentences and a.mentions and a.mentions[0][0] < cand.start
            ]
            if len(subjects) > 1:
                # "Colombia's government said": the possessor counts as a subject too; the subject is
                # the one whose recent mention is the verb's subject itself
                subjects = [a for a in subjects if self._is_grammatical_subject(a)] or subjects
            if subjects:
                # one such subject, of the right kind; with two ("X and Y agreed"), nobody
                if len(subjects) == 1 and subjects[0].kind in IT_ANTECEDENT_KINDS and self._one_body(subjects[0]):
                    return subjects[0]
                return None
        return None

    @staticmethod
    def _one_body(actor: DraftActor) -> bool:
        """Singular, or plural only in grammar: a force named by capitalised words ("the Rapid Support
        Forces ... it has besieged") or the police ("the police insist it had served")."""
        if not actor.plural:
            return True
        # "Rapid Support Forces": a description capitalised past its first word (not "Protesters")
        named = actor.names or any(len(d.split()) > 1 and d.split()[-1][:1].isupper() for d in actor.descriptions)
        return bool(named) or actor.heads <= SINGULAR_COLLECTIVES and bool(actor.heads)

    def _is_grammatical_subject(self, actor: DraftActor) -> bool:
        return any(self.doc[k].dep_ in ("nsubj", "nsubjpass") for s, e, _ in actor.mentions[-2:] for k in range(s, e))

    def organisation_antecedent(self, cand: Candidate) -> Optional[DraftActor]:
        head = self.doc[cand.head]
        if not refers_to_organisation(head, cand.definite, cand.plural):
            return None
        noun = head.lower_
        for actor in self._recent(WINDOW, narrated=not self.in_quote[cand.head]):
            if actor.kind not in ("organization", "group") or actor.plural:
                continue  # a named group too: "the Transitional Military Council ... the council"
            if self._goes_by(actor, noun):
                return actor
            if noun in STATE_ASSOCIATION_NOUNS and actor.names:
                # the organisation named last that is no association of states stops the search:
                # "the IMF ... meeting with the Solidarity Movement, but the alliance backed out"
                return None
        return None

    def _goes_by(self, actor: DraftActor, noun: str) -> bool:
        """Whether the organisation may be called 'the <noun>': a word of one of its names, or for a
        state-association noun, an intergovernmental organisation."""
        if any(noun in name_key(name).split() for name in actor.names):
            return True
        # a body the text names by capitalised words the KB does not know ("Transitional Military
        # Council") is kept as a description: its capitalised word counts as its name's
        if any(noun.capitalize() in description.split() for description in actor.descriptions):
            return True
        if noun in STATE_ASSOCIATION_NOUNS and actor.kind == "organization" and actor.names:
            return self.coded(actor)[1] == INTERGOVERNMENTAL
        return False


# ------------------------------------------------------------------ two parties in one phrase

STORY_DYAD = register(
    "story-dyad",
    "Thailand and Cambodia exchanged fire on Thursday. Both countries blamed the army for the clash.",
    "'both countries', 'the two sides', 'the two leaders' (a plural noun for parties with 'both' or "
    "'the two') mean the two actors the story last named together ('Thailand and Cambodia', 'talks "
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
DYAD = "dyad"  # Candidate.kind of "both countries": a mention of two actors
RECIPROCAL = "reciprocal"  # Candidate.kind of "each other"
# Plural nouns for the parties of a story, by the kind of actor each may stand for.
DYAD_NOUNS = {
    **dict.fromkeys("country nation state neighbour neighbor government capital".split(), ("country",)),
    **dict.fromkeys("leader president man head premier counterpart".split(), ("person",)),
    **dict.fromkeys(
        "side party rival foe adversary ally partner".split(), ("country", "person", "organization", "group")
    ),
}
# "fighting on both sides", "from both sides": a place, not the parties (but "called on both sides")
DYAD_PLACE_PREPOSITIONS = frozenset("on across along from at".split())
PAIR_LINKS = frozenset({"-", "–", "—", "/"})  # "the Israel-Hezbollah ceasefire", "China-Bhutan talks"
DYAD_MODIFIERS = ("det", "predet", "preconj", "nummod", "amod")  # "the two neighbouring countries"
DYAD_WINDOW = 12  # sentences back the pair may have been named


def is_dyad_noun(token: "Token") -> bool:
    """'both countries', 'the two sides', 'the two neighbouring nations': a plural party noun with
    'both' or 'the two', not a place ('on both sides of the border') nor a part ('both sides' of X)."""
    if token.tag_ != "NNS" or token.lemma_.lower() not in DYAD_NOUNS:
        return False
    lefts = [t.lower_ for t in token.lefts]
    if not ("both" in lefts or ("the" in lefts and "two" in lefts)):
        return False
    if any(t.dep_ == "prep" and t.lower_ == "of" for t in token.rights):
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

    def _actors_at(self) -> dict[int, list[DraftActor]]:
        at: dict[int, list[DraftActor]] = {}
        for actor in self.actors.values():
            for s, e, _ in actor.mentions:
                for i in range(s, e):
                    at.setdefault(i, []).append(actor)
        return at

    def _subject_parties(self, other: "Token") -> Optional[tuple[DraftActor, DraftActor]]:
        """The two actors the subject of the verb of 'each other' names ('Russia and Ukraine', 'both
        countries'); fewer or more than two: none."""
        verb = other.head if other.dep_ != "pobj" else other.head.head
        subjects = [c for c in verb.children if c.dep_ == "nsubj"]
        at = self._actors_at()
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
        kinds = DYAD_NOUNS[self.doc[cand.head].lemma_.lower()]
        at = self._actors_at()
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
        linked = [c.i for c in token.conjuncts] if len(token.conjuncts) == 1 else []
        if i + 2 < len(self.doc) and self.doc[i + 1].text in PAIR_LINKS:
            linked.append(i + 2)
        return linked

    def _two_parties(self, a: DraftActor, b: DraftActor) -> bool:
        """Two sides, not one state's two faces: a state and its own leader, or two persons of one
        state where the noun means states' leaders, are no pair."""
        country_a, country_b = self.coded(a)[0], self.coded(b)[0]
        return not (country_a and country_a == country_b and (a.kind != b.kind or a.kind == "person"))

    def _sentence_start(self, n: int) -> int:
        starts = self.__dict__.get("_segment_starts")
        if starts is None:
            starts = self.__dict__["_segment_starts"] = [s.start for s in segments(self.doc)]
        return starts[min(n, len(starts) - 1)]


# ------------------------------------------------------------------ a named armed group's members

ARMED_GROUP_MEMBERS = register(
    "armed-group-members",
    "Al-Shabaab fighters stormed a hotel in Mogadishu. Police said the militants had taken hostages.",
    "A definite plural 'the rebels', 'the militants', 'the insurgents', 'the jihadists' is the one armed "
    "group the story named in its last sentences (an organisation coded as rebels, an unidentified "
    "armed force or an international militarized group): wire copy names the group once ('the Houthis', 'the PKK', 'the ADF') and then "
    "calls it by what its members are. With two such groups named, or none, nothing is decided here.",
)
ARMED_MEMBER_NOUNS = frozenset("rebel militant insurgent jihadist guerrilla guerilla separatist extremist".split())
ARMED_SECTORS = frozenset({"REB", "UAF", "INS", "IMG"})  # IMG: an international militarized group (IS)


class ArmedGroupMembers:
    """Mixin of the article resolver: which named armed group 'the rebels' are."""

    def armed_group_antecedent(self, cand: Candidate) -> Optional[DraftActor]:
        head = self.doc[cand.head]
        if not (cand.definite and cand.plural and head.lemma_.lower() in ARMED_MEMBER_NOUNS):
            return None
        if any(t.dep_ in ("compound", "amod") and t.pos_ == "PROPN" for t in head.lefts):
            return None  # "the Houthi rebels": named by their own modifier
        groups = [
            a
            for a in self._recent(WINDOW, narrated=not self.in_quote[cand.head])
            if a.kind in ("organization", "group")
            and (a.kb is not None or a.names)
            and self.coded(a)[1] in ARMED_SECTORS
            and a.mentions[0][0] < cand.start
        ]
        if len(groups) != 1:
            return None
        country = self.coded(groups[0])[0]
        if cand.title.country and country and cand.title.country != country:
            return None  # "the Congolese rebels" are not a Ugandan group named before
        return groups[0]
