"""Where an act told as a description of a place happened: at that place (issue 22).

A clause hung on a place as its description ("Kidal, seized by rebels in 2012", "the three villages
near Tillaberi captured in June by bandits", "the villages in Darfur which the militia burned") tells what was done to the place: the act happened there, whatever the clause above
it says about its own scene ("Crowds in the capital chanted slogans about ..."). The place rule
`clause.described_place` asks `described_site`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from diurna.places.lexicon import STATIC, is_place_noun
from diurna.rules import RuleSet

if TYPE_CHECKING:
    from spacy.tokens import Token

    from diurna.document import ArticleDoc, PlaceRef

# Named rules of places described by an act (DIURNA_PLACE_SITE_RULES_OFF=name switches one off).
SITE_RULES = RuleSet("site place rule", env="DIURNA_PLACE_SITE_RULES_OFF")
RULES, _register, enabled, switched_off = SITE_RULES.parts()

ACT_ON_A_DESCRIBED_PLACE = _register(
    "act-on-a-described-place",
    "Crowds in Niamey sang about the three villages near Tillaberi captured in June by bandits. -> captured: Tillaberi",
    "A passive participle or a relative clause whose antecedent is its object ('the villages ... "
    "captured by', 'Kidal, which the rebels seized') describes a place by what was done to it: the act "
    "happened at that place (a town, district or region named, or the place in a place noun's own "
    "phrase: 'the villages in Idlib province'), not at the scene of the clause the place stands in. "
    "Not a clause whose antecedent does the act ('Russia, which invaded'), nor a country named alone "
    "('Iran, sanctioned by ...' is the state), nor a clause opened by 'where' (`relative_where`).",
)

RELATIVE_PRONOUNS = {"which", "that", "whom"}
# The relations by which a relative pronoun is the described clause's object or patient.
PATIENT_RELATIONS = {"dobj", "nsubjpass"}


def described_site(doc: ArticleDoc, trigger: Token) -> PlaceRef | None:
    """The place a description clause holding the trigger is about (`ACT_ON_A_DESCRIBED_PLACE`)."""
    if not enabled(ACT_ON_A_DESCRIBED_PLACE):
        return None
    clause = _describing_clause(trigger)
    if clause is None:
        return None
    antecedent = clause.head
    named = _mention_at(doc, antecedent)
    if named is None and antecedent.dep_ == "appos":  # "Bucha, the town that troops occupied"
        named = _mention_at(doc, antecedent.head)
    if named is not None:
        return named if _feature(doc, named) != "country" else None
    if not is_place_noun(antecedent.lemma_.lower()) and not is_place_noun(antecedent.lower_):
        return None
    return _place_in_own_phrase(doc, antecedent, clause)


def _describing_clause(trigger: Token) -> Token | None:
    """The participle or relative clause that holds the verb trigger and takes its antecedent as
    patient, climbing coordinated verbs ("seized and looted by rebels")."""
    verb = trigger
    while verb.dep_ == "conj" and verb.head.pos_ in ("VERB", "AUX") and verb.head.i != verb.i:
        verb = verb.head
    if verb.dep_ == "acl" and verb.tag_ == "VBN":
        return verb
    if verb.dep_ == "relcl":
        if verb.left_edge.lower_ == "where":
            return None
        if any(c.dep_ in PATIENT_RELATIONS and c.lower_ in RELATIVE_PRONOUNS for c in verb.children):
            return verb
    return None


def _mention_at(doc: ArticleDoc, token: Token) -> PlaceRef | None:
    return next((r for r in doc.place_mentions if r.token_start <= token.i < r.token_end), None)


def _feature(doc: ArticleDoc, ref: PlaceRef) -> str | None:
    place = next((p for p in doc.places if p.id == ref.place_id), None)
    return place.feature if place is not None else None


def _place_in_own_phrase(doc: ArticleDoc, noun: Token, clause: Token) -> PlaceRef | None:
    """ "the three villages near Tillaberi": the place under a static locative (or "of") on the noun,
    outside the describing clause."""
    for prep in noun.children:
        if prep.dep_ != "prep" or prep.i == clause.i or (prep.lower_ not in STATIC and prep.lower_ != "of"):
            continue
        for obj in prep.children:
            if obj.dep_ == "pobj":
                ref = _mention_at(doc, obj)
                if ref is not None:
                    return ref
    return None
