"""Parties a clause names beside its verb's own arguments, for the constructions registered in
constructions.py (asked-subject, requested-relation, committed-relation, purpose-recipient,
purpose-of-force, listed-subjects, gerund-adjunct-subject, evaluated-content): "demanded Kabul crack down", "called for improved ties
with Algeria", "agreed to normalise ties with Israel", "used tear gas to disperse the protesters" (its recipient; the dispersal not coded again),
"Israel, Hamas agree", "suspended talks after accusing the group".
Each function returns the tokens the extractor (candidates.py) reads the actors of, or nothing while
its rule is switched off.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from diurna.events.constructions import (
    ASKED_SUBJECT,
    COMMITTED_RELATION,
    DISPERSALS,
    EVALUATED_CONTENT,
    GERUND_ADJUNCT_SUBJECT,
    LISTED_SUBJECTS,
    PURPOSE_OF_FORCE,
    PURPOSE_RECIPIENT,
    REQUESTED_RELATION,
    enabled,
)
from diurna.nlp.syntax import adjunct_gerund_subjects, for_clause, is_infinitive, is_passive

if TYPE_CHECKING:
    from spacy.tokens import Token

RELATION_PREPS = ("with", "to", "from", "on", "against", "toward", "towards")


def asked_subjects(verb: "Token") -> tuple[list["Token"], list["Token"]]:
    """(the ones asked, the requested verbs) of "demanded Kabul crack down", "demanded that X release"."""
    if not enabled(ASKED_SUBJECT):
        return [], []
    asked, acts = _asked_with_for(verb)
    if asked:
        return asked, acts
    for clause in verb.children:
        if (clause.dep_ in ("ccomp", "xcomp") or for_clause(clause)) and clause.pos_ in ("VERB", "AUX"):
            subjects = [c for c in clause.children if c.dep_ == "nsubj"]
            if subjects:
                asked.extend(subjects)
                acts.append(clause)
    return asked, acts


def _asked_with_for(verb: "Token") -> tuple[list["Token"], list["Token"]]:
    """ "called for China and the Solomon Islands government to make the pact public", "calls for
    Rwanda to end its support": the parser hangs the one asked on "for" and the requested act, an
    infinitive with no subject of its own, beside it on the verb."""
    asked = [o for p in verb.children if p.dep_ == "prep" and p.lower_ == "for" for o in p.children if o.dep_ == "pobj"]
    acts = [
        c
        for c in verb.children
        if c.dep_ in ("advcl", "xcomp", "ccomp")
        and is_infinitive(c)
        and not any(s.dep_ in ("nsubj", "nsubjpass") for s in c.children)
        and asked
        and c.i > asked[0].i
    ]
    return (asked, acts[:1]) if acts else ([], [])


def requested_relation_recipients(verb: "Token") -> list["Token"]:
    """ "called for improved ties with Algeria": the objects of the relation's own prepositions."""
    if not enabled(REQUESTED_RELATION):
        return []
    out = []
    for prep in (c for c in verb.children if c.dep_ == "prep" and c.lower_ == "for"):
        for obj in (o for o in prep.children if o.dep_ == "pobj"):
            out.extend(
                g
                for p in obj.children
                if p.dep_ == "prep" and p.lower_ in RELATION_PREPS
                for g in p.children
                if g.dep_ == "pobj"
            )
    return out


# Nouns naming a relation between two parties (committed-relation).
RELATION_NOUNS = frozenset(
    """ties relations relationship talks dialogue negotiations cooperation contacts partnership trade
    diplomatic""".split()
)


def committed_relation_recipients(complement: "Token") -> list["Token"]:
    """ "agreed to normalise ties with Israel": the partner of a relation the complement's object names."""
    if not enabled(COMMITTED_RELATION):
        return []
    return [
        g
        for obj in complement.children
        if obj.dep_ == "dobj" and obj.lower_ in RELATION_NOUNS
        for p in obj.children
        if p.dep_ == "prep" and p.lower_ in RELATION_PREPS
        for g in p.children
        if g.dep_ == "pobj"
    ]


def purpose_objects(verb: "Token") -> list["Token"]:
    """ "used tear gas to disperse the protesters": the purpose clause's direct objects."""
    if not enabled(PURPOSE_RECIPIENT):
        return []
    return [
        o
        for clause in verb.children
        if clause.dep_ in ("xcomp", "advcl") and is_infinitive(clause)
        for o in clause.children
        if o.dep_ == "dobj"
    ]


def purpose_dispersals(verb: "Token") -> list["Token"]:
    """ "fired water cannon to disperse the marchers": the dispersal verbs of the verb's purpose clauses,
    which are the aim of its force, not acts of their own (purpose-of-force)."""
    if not enabled(PURPOSE_OF_FORCE):
        return []
    return [
        clause
        for clause in verb.children
        if clause.dep_ in ("xcomp", "advcl") and is_infinitive(clause) and clause.lemma_.lower() in DISPERSALS
    ]


def listed_subjects(verb: "Token") -> list["Token"]:
    """ "Israel, Hamas agree": the proper name listed beside the subject with only a comma between,
    which the parser hangs on the verb (npadvmod, dep) or on the subject (appos, nmod)."""
    if not enabled(LISTED_SUBJECTS):
        return []
    out = []
    for subj in (c for c in verb.children if c.dep_ == "nsubj" and c.pos_ == "PROPN"):
        for c in verb.children:
            if c.dep_ in ("npadvmod", "dep") and c.pos_ == "PROPN" and c.i < subj.i and _comma_between(c, subj):
                out.append(c)
        for c in subj.children:
            if c.pos_ != "PROPN" or c.dep_ not in ("appos", "nmod", "npadvmod", "dep"):
                continue
            if _comma_between(subj, c) if c.i > subj.i else _comma_between(c, subj):
                out.append(c)
    return out


def gerund_adjunct_subjects(verb: "Token") -> list["Token"]:
    """ "Colombia suspended peace talks after blaming the rebel group": the subject of the verb the
    gerund's preposition modifies (syntax.adjunct_gerund_subjects), while the rule is on."""
    return adjunct_gerund_subjects(verb) if enabled(GERUND_ADJUNCT_SUBJECT) else []


def _comma_between(first: "Token", second: "Token") -> bool:
    """Only a comma separates the two names ("Israel, Hamas", "Iran, Saudi Arabia"): every other
    token between them is one of the names' own modifiers."""
    between = first.doc[first.i + 1 : second.i]
    commas = [t for t in between if t.text == ","]
    return len(commas) == 1 and all(
        t.text == "," or (t.head.i in (first.i, second.i) and t.dep_ in ("compound", "det", "amod", "flat"))
        for t in between
    )


def content_subjects(noun: "Token", light: "Token") -> list["Token"]:
    """Who did what an evaluation noun is about, told in its "that" clause (evaluated-content):
    "expressed concern that Russia had moved troops", "voiced anger that the commission delayed the
    vote" -> Russia, the commission. The clause hangs on the noun or, as the parser often reads it, on
    the light verb. A passive clause's by-agent; a passive with none names only the one it was done
    to, who is not the one evaluated ("anger that the leader was arrested")."""
    if not enabled(EVALUATED_CONTENT):
        return []
    for clause in [c for c in noun.children if c.dep_ in ("acl", "ccomp")] + [
        c for c in light.children if c.dep_ == "ccomp"
    ]:
        if clause.pos_ not in ("VERB", "AUX") or not any(
            c.dep_ == "mark" and c.lower_ == "that" for c in clause.children
        ):
            continue
        if is_passive(clause):
            return [o for c in clause.children if c.dep_ == "agent" for o in c.children if o.dep_ == "pobj"]
        return [c for c in clause.children if c.dep_ in ("nsubj", "csubj")]
    return []
