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
the story's previous one is taken. Before that, the "it" of a reported clause is the one body that
reports it ("Turkiye said it would provide Egypt with drones", rule it-reporter): the reporter is
often not the sentence's main subject ("The minister welcomed an announcement by France that it had
suspended its aid").

"The rebels", "the militants" after a named armed group are that group (rule armed-group-members).
"Both countries", "the two sides" and "each other" are in dyads.py.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Optional

from diurna.actors.draft import DraftActor
from diurna.actors.kb import name_key
from diurna.actors.mentions import Candidate
from diurna.actors.rules import enabled, register
from diurna.nlp.dateline import in_dateline
from diurna.nlp.syntax import clause_reporters, is_contracted_auxiliary

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
IT_REPORTER = register(
    "it-reporter",
    "The minister welcomed an announcement by France that it had suspended its aid to Mali.",
    "A subject 'it' of a clause someone reports ('X said it would', 'confirmed that it has', 'the "
    "announcement by France that it had', 'the North's warning that it won't') is the reporter, when "
    "that is one organisation or state: a body speaking of itself says 'it'. Asked before it-subject, "
    "whose main-clause subject may be someone else ('The minister welcomed an announcement by France "
    "that it ...'); a person or plural group reporting, or no actor there: it-subject decides.",
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
        and not is_contracted_auxiliary(verb)  # "it’s unclear": the parser's full verb "’s" is "is"
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
        reporter = self.reporting_body(cand)
        if reporter is not None:
            return reporter
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

    def reporting_body(self, cand: Candidate) -> Optional[DraftActor]:
        """Rule it-reporter: the one organisation or state whose mention reports the clause 'it' is
        the subject of ('Turkiye said it would provide'), or its possessor ('Lithuania's Foreign
        Ministry, saying that it regrets'); none when the reporters are two bodies."""
        if not enabled(IT_REPORTER) or self.in_quote[cand.head]:
            return None  # a body quoted speaks of itself as "we": a quoted "it" is something else
        found: list[DraftActor] = []
        for token in clause_reporters(self.doc[cand.head].head):
            if in_dateline(token):
                continue  # "ADDIS ABABA (AP) - The agency says it ...": a heading the parse made a subject
            # a person reporting is no 'it', but the state or body they speak for may be ("Taipei's
            # deputy foreign minister confirmed that it has severed ties")
            for word in [token] + [c for c in token.children if c.dep_ == "poss"]:
                holders = self.actors_at.get(word.i, []) if word.i < cand.start else []
                if len(holders) == 1 and holders[0].kind in IT_ANTECEDENT_KINDS and self._one_body(holders[0]):
                    found.append(holders[0])
                    break
        return found[0] if len({a.key for a in found}) == 1 else None

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
