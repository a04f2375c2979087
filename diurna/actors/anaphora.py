"""Country anaphora ("the country", "the nation", "the kingdom" as mentions of a state the story
named) and what a pronoun or a short name may refer to.

Wire copy names a state once and then writes "the country had weaponised the police", "ECOWAS imposed
sanctions on the country", "the Caribbean nation", "the kingdom's deputy prime minister". Left
unresolved, the event loses its source or target, and "the country's security forces" lose their
country. This mixin of the article resolver (resolve.ArticleResolver) offers such phrases as mentions
and finds the state they refer back to. It also holds what coref.py asks before linking a pronoun or
a short name: a plural pronoun is not a news medium, a reported pronoun not the speaker's addressee,
and a person's short name not a group the KB lists by the word. Every rule is registered with its
example (diurna/actors/rules.py) and can be switched off by name.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Optional

from diurna.actors.draft import DraftActor
from diurna.actors.mentions import Candidate, Title
from diurna.actors.rules import enabled, register

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

    from diurna.document import ArticleDoc, MentionRef

COUNTRY_ANAPHOR = register(
    "country-anaphor",
    "Ghana's police arrested 40 demonstrators. The opposition said the country had weaponised the police.",
    "A definite singular 'the country', 'the nation', 'the kingdom', 'the republic' (with adjectives: "
    "'the West African nation') is the state the story's last sentences named, the most salient one "
    "as for a pronoun, never the subject of the verb that governs it; used as a place ('in the country', "
    "'fled the country') it is no actor.",
)
COUNTRY_ANAPHOR_POSSESSOR = register(
    "country-anaphor-possessor",
    "Mexico's president spoke on Friday. He defended the country's security forces.",
    "What 'the country's' owns ('the country's security forces', 'the kingdom's deputy prime "
    "minister') belongs to the state 'the country' refers back to.",
)

PLURAL_PRONOUN_NOT_MEDIUM = register(
    "plural-pronoun-not-medium",
    "The naval drills began on Monday, CNN reported. They are expected to last three days.",
    "'They', 'them', 'their' do not refer to a news outlet or medium the story cites (a broadcaster, "
    "an agency, a website, social media): the story reports through it, and a plural pronoun means "
    "the people it reported on. Journalists and reporters as people remain antecedents.",
)
PLURAL_PRONOUN_NOT_STATE = register(
    "plural-pronoun-not-state",
    "Protests spread across Haiti on Sunday. They demanded the resignation of the president.",
    "'They', 'them', 'their' do not refer to one state the story named by its name or adjective "
    "(Haiti, 'the Italian minister'): news refers back to a state with 'it' or 'the country', and a "
    "plural pronoun after a state's name is the people, forces or officials the sentences are about. "
    "Two states named together are both (rule pair-pronoun); a state's government, army or police "
    "(a description) stays an antecedent.",
)
PRONOUN_NOT_ADDRESSEE = register(
    "pronoun-not-addressee",
    "The two candidates told reporters they had won more than 70% of the vote.",
    "A pronoun in what a speech verb reports does not refer to the one the speaker told it to ('told "
    "reporters they had won': not the reporters).",
)

PERSON_OVER_GROUP_NAME = register(
    "person-over-group-name",
    "North Korean leader Kim Jong Un met Vladimir Putin on Wednesday. Kim invited Putin to Pyongyang.",
    "A short form of a person the article named ('Kim' after 'Kim Jong Un'), read by the tagger as a "
    "person's name, is that person, not an armed group or organisation the KB lists by the word "
    "(UCDP's Philippine 'Kim').",
)
# how a mention names its actor itself; a pronoun or description only refers back to one
NAMED_HOWS = frozenset({"name", "alias", "adjective"})


def names_a_party(doc: "ArticleDoc", mention: "MentionRef") -> bool:
    """Whether a mention names its party itself (a name, an alias, a country adjective), the actor
    stage's one answer to the events stage's question "is this party named?" (it trusts its broad
    dictionary only between named actors). A pronoun or a description is not a named party even when
    coreference linked it to a named actor: measured on the tune and realnews-dev sets (2026-12-08,
    docs/evaluation.md, issue #26), counting such links as named added events at 25% precision."""
    return mention.how in NAMED_HOWS


STATE_NOUNS = frozenset({"country", "nation", "kingdom", "republic"})
# Prepositions and verbs that make the state a place: "in the country", "fled the country".
LOCATIVE_PREPOSITIONS = frozenset(
    "in across throughout around within inside outside into from through to near over about".split()
)
PLACE_VERBS = frozenset("flee leave enter visit tour cross reach exit return travel".split())
# Modifiers that point away from the story's state: "the neighbouring country", "another nation".
OTHER_STATE_WORDS = frozenset("neighbor neighbour neighboring neighbouring other another host foreign third".split())
PLURAL_PRONOUNS = frozenset({"they", "them", "their", "theirs", "themselves"})
# Description heads of a medium, not of the people who work in it (journalists stay antecedents).
MEDIUM_HEADS = frozenset(
    "website site media outlet broadcaster channel network newspaper paper agency station television radio "
    "video footage tv".split()
)
SPEECH_VERBS = frozenset("tell say inform assure warn".split())
ANAPHOR_WINDOW = 3  # sentences in the article's own voice a state anaphor looks back


def is_state_anaphor(token: "Token") -> bool:
    """'the country', 'the troubled Caribbean nation': a singular common noun for a state with 'the'
    and no 'of' phrase that names the state itself ('the Kingdom of Morocco' is a name)."""
    if token.lower_ not in STATE_NOUNS or token.pos_ != "NOUN" or token.tag_ not in ("NN", ""):
        return False
    if not any(t.dep_ == "det" and t.lower_ == "the" for t in token.lefts):
        return False
    if any(t.lower_ in OTHER_STATE_WORDS for t in token.lefts):
        return False
    return not any(t.dep_ == "prep" and t.lower_ == "of" for t in token.rights)


def _a_place(token: "Token") -> bool:
    head = token.head
    if token.dep_ == "pobj" and head.lower_ in LOCATIVE_PREPOSITIONS:
        return True
    return token.dep_ == "dobj" and head.lemma_.lower() in PLACE_VERBS


def _governing_subject(token: "Token") -> Optional[int]:
    """The subject of the nearest verb above an object ('Washington imposed sanctions on the island
    nation': Washington), or None."""
    verb = token.head
    while verb.pos_ not in ("VERB", "AUX") and verb.head.i != verb.i:
        verb = verb.head
    return next((t.i for t in verb.children if t.dep_ in ("nsubj", "nsubjpass")), None)


def _addressee(pron: "Token") -> Optional[int]:
    """The object of the speech verb whose reported clause holds the pronoun ('told reporters they
    had won': reporters), or None."""
    verb = pron.head
    while verb.dep_ not in ("ccomp", "ROOT") and verb.head.i != verb.i:
        verb = verb.head
    if verb.dep_ != "ccomp" or verb.head.lemma_.lower() not in SPEECH_VERBS:
        return None
    return next((t.i for t in verb.head.children if t.dep_ in ("dobj", "dative")), None)


class CountryAnaphora:
    """Mixin of the article resolver: mentions and antecedents of state anaphors, and what a pronoun
    cannot refer to (its addressee, a medium)."""

    def _person_over_group(self, actor: DraftActor, cand: Candidate) -> bool:
        """Rule person-over-group-name: a short form of a person the article named, which the tagger
        reads as a person's name, is that person though the KB lists a group by the word."""
        return (
            actor.kind == "person"
            and cand.kb is not None
            and cand.kb.kind in ("organization", "group")
            and self.doc[cand.head].ent_type_ == "PERSON"
            and enabled(PERSON_OVER_GROUP_NAME)
        )

    def pronoun_rules_out(self, actor: DraftActor, cand: Candidate, pron: "Token") -> bool:
        """Whether rules plural-pronoun-not-medium or pronoun-not-addressee rule the actor out."""
        if pron.lower_ in PLURAL_PRONOUNS and enabled(PLURAL_PRONOUN_NOT_MEDIUM) and self._a_medium(actor):
            return True
        if pron.lower_ in PLURAL_PRONOUNS and actor.kind == "country" and enabled(PLURAL_PRONOUN_NOT_STATE):
            return True
        if enabled(PRONOUN_NOT_ADDRESSEE):
            addressee = _addressee(pron)
            if addressee is not None and any(s <= addressee < e for s, e, _ in actor.mentions):
                return True
        return False

    def _a_medium(self, actor: DraftActor) -> bool:
        """A news outlet or medium: a MED organisation, or a description headed by a medium's noun."""
        _, sector = self.coded(actor)
        if sector != "MED" and not actor.heads & MEDIUM_HEADS:
            return False
        return actor.kind == "organization" or bool(actor.heads & MEDIUM_HEADS)

    def country_anaphor_candidates(self, sent: "Span", taken: set[int]) -> list[Candidate]:
        """'the country', 'the West African nation' not used as a place (rule country-anaphor)."""
        if not enabled(COUNTRY_ANAPHOR):
            return []
        out = []
        for token in sent:
            if token.i in taken or not is_state_anaphor(token) or _a_place(token):
                continue
            start = min(t.i for t in token.lefts if t.dep_ in ("det", "amod", "compound", "nmod"))
            if any(i in taken for i in range(start, token.i)):
                continue
            out.append(
                Candidate(
                    start,
                    token.i + 1,
                    "description",
                    token.i,
                    (start, token.i + 1),
                    kind="country",
                    title=Title(),
                    definite=True,
                )
            )
            taken.update(range(start, token.i + 1))
        return out

    def country_antecedent(self, cand: Candidate) -> Optional[DraftActor]:
        """The state a 'the country' mention refers back to (rule country-anaphor)."""
        if cand.kind != "country" or self.doc[cand.head].lower_ not in STATE_NOUNS:
            return None
        return self._salient_state(cand)

    def _salient_state(self, cand: Candidate) -> Optional[DraftActor]:
        """The most salient state named in the last sentences of the mention's voice: the pronoun
        antecedent's salience (recency, subjects) over country actors only."""
        narrated = not self.in_quote[cand.head]
        # "Washington imposed sanctions on the island nation": not its own clause's subject
        token = self.doc[cand.head]
        if token.dep_ == "poss":
            token = token.head
        subject = _governing_subject(token) if token.dep_ in ("dobj", "pobj", "dative") else None
        best, best_score, rank = None, None, -1
        for actor in self._recent(ANAPHOR_WINDOW, narrated):
            if actor.kind != "country" or actor.kb is None:
                continue
            if subject is not None and any(s <= subject < e for s, e, _ in actor.mentions):
                continue
            rank += 1
            score = self._salience(actor, rank, cand, narrated)
            if best_score is None or score > best_score:
                best, best_score = actor, score
        return best

    def anaphor_possessor_country(self, token: "Token") -> Optional[str]:
        """The country of 'the country's' before a description (rule country-anaphor-possessor)."""
        if not (enabled(COUNTRY_ANAPHOR_POSSESSOR) and is_state_anaphor(token)):
            return None
        state = self._salient_state(Candidate(token.i, token.i + 1, "description", token.i))
        return self.coded(state)[0] if state is not None else None
