"""Polarity (asserted / negated) and modality (actual / intended / demanded / hypothetical) of a trigger.

Both are read from the dependency parse around the trigger: negation particles, modal and future
auxiliaries, conditional clauses, and verbs of intention governing the trigger ("plans to visit").
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from diurna.nlp.syntax import is_infinitive

if TYPE_CHECKING:
    from spacy.tokens import Token

NEGATORS = {"not", "n't", "never", "no"}
HYPOTHETICAL_AUX = {"would", "could", "might", "may", "'d"}
FUTURE_AUX = {"will", "shall", "'ll", "wo"}  # spaCy splits "won't" into "wo" + "n't"
DEONTIC_AUX = {"must", "should", "ought"}
CONDITIONAL_MARKS = {"if", "unless"}
INTENTION_VERBS = {
    "plan",
    "intend",
    "want",
    "seek",
    "hope",
    "aim",
    "try",
    "prepare",
    "expect",
    "wish",
    "mean",
    "attempt",
    "decide",
    "consider",
}


def _has_negator(token: "Token") -> bool:
    return any(c.dep_ == "neg" or (c.dep_ in ("det", "advmod") and c.lower_ in NEGATORS) for c in token.children)


def is_negated(token: "Token") -> bool:
    """A negation attached to the trigger ("did not meet", "never allowed", "no talks"), or to a verb of
    intention governing it ("do not want to recognize", "did not try to stop") or to the "going to"
    future ("are not going to attack": no threat; negated-going-to)."""
    if _has_negator(token):
        return True
    governing = token.head.lemma_.lower() in INTENTION_VERBS or _negated_going_to(token)
    return token.dep_ == "xcomp" and governing and _has_negator(token.head)


def _going_to(token: "Token") -> bool:
    """The trigger is the infinitive of the "going to" future ("are not going to attack"): its
    negation and its tense are marked on "going"."""
    return token.dep_ == "xcomp" and token.head.lemma_ == "go" and token.head.tag_ == "VBG"


def _negated_going_to(token: "Token") -> bool:
    """ "are not going to attack": the negation on "going" is the trigger's (negated-going-to)."""
    from diurna.events.constructions import NEGATED_GOING_TO, enabled  # constructions imports this module

    return enabled(NEGATED_GOING_TO) and _going_to(token)


def polarity(token: "Token") -> str:
    return "negated" if is_negated(token) else "asserted"


def _auxiliaries(token: "Token") -> set[str]:
    aux = {c.lower_ for c in token.children if c.dep_ in ("aux", "auxpass")}
    # "is going to attack": the future is marked on "going", which governs the trigger
    if _going_to(token):
        aux.add("will")
    return aux


def in_conditional(token: "Token") -> bool:
    """The trigger sits in an 'if'/'unless' clause, or heads a clause that has one."""
    node = token
    while True:
        if any(c.dep_ == "mark" and c.lower_ in CONDITIONAL_MARKS for c in node.children):
            return True
        if node.dep_ in ("advcl", "conj", "xcomp") and node.head.i != node.i:
            node = node.head
            continue
        return False


def modality(token: "Token") -> str:
    own = _own_modality(token)
    if own == "actual" and _is_purpose_infinitive(token):
        # "had to move quickly to block X", "will send troops to protect Y": the purpose of an act not
        # done is not done either; it shares the governing act's modality
        governing = _own_modality(token.head)
        if governing != "actual":
            return governing
    return own


def says_it_will_not(token: "Token") -> bool:
    """ "will not release", "won't end", "would not withdraw": the agent's own declared refusal. Not a
    possibility ("may not release", which others may fear), an inability ("could not withdraw") or a
    counterfactual ("would not have released")."""
    aux = _auxiliaries(token)
    if aux & {"may", "might", "could", "have", "'ve"}:
        return False  # nor a counterfactual: "would not have released them without pressure"
    return is_negated(token) and bool(aux & (FUTURE_AUX | {"would", "'d"}))


def _is_purpose_infinitive(token: "Token") -> bool:
    return (
        token.dep_ in ("advcl", "xcomp")
        and token.head.i != token.i
        and token.head.pos_ in ("VERB", "AUX")
        and is_infinitive(token)
        and not any(c.dep_ in ("nsubj", "nsubjpass") for c in token.children)
    )


def _own_modality(token: "Token") -> str:
    aux = _auxiliaries(token)
    if token.dep_ == "xcomp" and token.head.lemma_.lower() in INTENTION_VERBS:
        return "intended"
    if aux & DEONTIC_AUX or (
        token.dep_ == "xcomp"
        and token.head.lemma_ in ("have", "need")
        and any(c.lower_ == "to" for c in token.children)
    ):
        return "demanded"
    if _mandative(token):
        return "demanded"
    if aux & HYPOTHETICAL_AUX or in_conditional(token):
        return "hypothetical"
    if aux & FUTURE_AUX or (token.head.lemma_ == "go" and token.dep_ == "xcomp"):
        return "intended"
    return "actual"


def _mandative(token: "Token") -> bool:
    """A that-clause in the bare form after a verb of demanding ("insisted that Belarus release the
    prisoners", "urged that the council reconsider"): the act is demanded, not done (mandative-clause)."""
    from diurna.events.constructions import mandative_clause  # constructions imports this module

    return mandative_clause(token)


# Verbs whose infinitive clause with its own subject is a wish about another's act ("wants X to leave").
WISHING_VERBS = {"want", "expect", "wish", "hope", "prefer", "need"}
# Marks of a clause that waits for its act ("until the president withdraws the bill").
AWAITING_MARKS = {"until", "till"}
PRESENT_TAGS = {"VBZ", "VBP", "VB"}


def is_awaited(token: "Token") -> bool:
    """The trigger's act is wished for or waited on, not done: the infinitive of a verb of wanting
    with a subject of its own ("the rebels want foreign troops to leave": the troops have not left),
    or the present-tense verb of an 'until' clause ("will keep protesting until the president
    withdraws the bill": English tells the awaited act in the present)."""
    head = token.head
    if (
        token.dep_ in ("ccomp", "xcomp")
        and head.lemma_.lower() in WISHING_VERBS
        and is_infinitive(token)
        and any(c.dep_ in ("nsubj", "nsubjpass") for c in token.children)
    ):
        return True
    return (
        token.dep_ == "advcl"
        and token.tag_ in PRESENT_TAGS
        and any(c.dep_ == "mark" and c.lower_ in AWAITING_MARKS for c in token.children)
    )
