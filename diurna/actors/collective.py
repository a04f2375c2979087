"""Organisation anaphora: "the bloc", "the alliance", "the union", "the council" as mentions of an
organisation the story named.

Wire copy names an organisation once ("The Economic Community of West African States (ECOWAS)",
"the European Union", "the Transitional Military Council") and then writes "the bloc demanded",
"the union called on the authorities", "the council rejected the proposal". Left as nothing, the
event loses its source (issue #26: on the real-text tune set such subjects were a leading reason
why a verb the lexicons code gave no event). This mixin of the article resolver
(resolve.ArticleResolver) finds the organisation such a noun refers back to; descriptions.py keeps
the noun as a mention only while this rule is on. Every rule is registered with its example
(diurna/actors/rules.py) and can be switched off by name.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Optional

from diurna.actors.draft import DraftActor
from diurna.actors.kb import name_key
from diurna.actors.mentions import Candidate
from diurna.actors.rules import register

if TYPE_CHECKING:
    from spacy.tokens import Token

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

# Nouns a writer uses for an organisation already named; the first group only for associations of
# states ("the bloc" after ECOWAS, "the alliance" after NATO), whatever their names say.
STATE_ASSOCIATION_NOUNS = frozenset("bloc alliance coalition".split())
NAMED_BODY_NOUNS = frozenset("union council commission committee federation league assembly".split())
REFERRING_ORGANISATION_NOUNS = STATE_ASSOCIATION_NOUNS | NAMED_BODY_NOUNS
INTERGOVERNMENTAL = "IGO"
WINDOW = 6  # sentences back, as for other definite descriptions (coref.DESCRIPTION_WINDOW)


def refers_to_organisation(head: "Token", definite: bool, plural: bool) -> bool:
    """'the bloc', 'The union': a definite singular noun for an organisation the story named.
    Capitalised inside a sentence it is a name's word ('Union'), not an anaphor."""
    if not definite or plural or head.lower_ not in REFERRING_ORGANISATION_NOUNS:
        return False
    capital_inside = head.text[:1].isupper() and not head.is_sent_start
    return not capital_inside and not any(t.dep_ in ("compound", "amod", "poss") and t.pos_ == "PROPN" for t in head.lefts)


class OrganisationAnaphora:
    """Mixin of the article resolver: which organisation 'the bloc', 'the union' refers back to."""

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
