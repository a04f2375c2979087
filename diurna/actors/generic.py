"""Generic actors: a description that refers back to no one ("Kenyan police", "the army") is an
actor of its own, shared by the descriptions that name it alike (rules generic-actor, generic-owner).
Mixin of the article resolver (resolve.ArticleResolver), consulted last among the description rules
of `coref.ATTACH_RULES`; every rule registered with its example (diurna/actors/rules.py).
"""

from __future__ import annotations

from typing import Optional

from diurna.actors.codes import split_code
from diurna.actors.draft import DraftActor
from diurna.actors.kb import KBActor, name_key
from diurna.actors.mentions import CIVILIAN_OFFICE, HOLDER_KIND_WORDS, Candidate
from diurna.actors.rules import enabled, register

GENERIC_ACTOR = register(
    "generic-actor",
    "Kenyan police fired tear gas on Tuesday.",
    "A description that refers back to no one is a generic actor of its country, sector, kind and "
    "head noun, shared by the mentions that name it alike.",
)
GENERIC_OWNER = register(
    "generic-owner",
    "AA troops overran the outpost on Monday. Junta troops shelled the village.",
    "Two descriptions of one country, sector and head noun are one generic actor only when no proper "
    "noun before the head tells whose they are ('AA troops', 'Junta troops' are two sides).",
)


class GenericActors:
    """Mixin of the article resolver: the generic actor a description that refers back to no one is."""

    def generic_actor(self, cand: Candidate) -> Optional[DraftActor]:
        title = cand.title
        country, sector = title.country, title.sector
        if country is None and sector is None and not cand.demonym:
            return None  # "the group" with nothing to go on: no actor is better than a wrong one
        kind = cand.kind or "group"
        people = title.people.id if title.people is not None else ""
        # Two groups of one country and sector are one actor only when the text names them alike:
        # "the Sudanese army" and "the Rapid Support Forces" are both Sudanese and military, and
        # enemies (issue #21: no false merges).
        key = "generic:%s:%s:%s:%s:%s%s" % (country, sector, kind, self._generic_name(cand), people, self._owner(cand))
        actor = self._draft(key, kind)
        actor.country = actor.country or country
        actor.sector = actor.sector or sector
        if country is None and title.people is not None:
            actor.prefix = self._stateless_prefix(title.people)
        actor.plural = actor.plural or cand.plural
        return actor

    def _generic_name(self, cand: Candidate) -> str:
        """What tells a generic actor from another of its country and sector: its head's lemma
        ("army", "police"), or the whole name for a group named by proper nouns ("Rapid Support
        Forces")."""
        head = self.doc[cand.head]
        if head.pos_ == "PROPN":
            return name_key(self.doc[cand.core[0] : cand.core[1]].text) or head.lemma_.lower()
        # rule civilian-office: "civilian leaders" keep their word apart from the story's other leaders,
        # whose sector they now share
        kinds = [t.lower_ for t in head.lefts if t.lower_ in HOLDER_KIND_WORDS] if enabled(CIVILIAN_OFFICE) else []
        return " ".join(kinds + [head.lemma_.lower()])

    def _owner(self, cand: Candidate) -> str:
        """Rule generic-owner: the proper noun a description's head is a compound of ("AA troops",
        "Wagner fighters"), as part of its identity: "AA troops" and "Junta troops" are enemies, not one
        actor of their shared country and sector (issue #21: no false merges)."""
        if not enabled(GENERIC_OWNER):
            return ""
        head = self.doc[cand.head]
        # a capitalised first word of a sentence is no proper noun for that ("Riot police fired"),
        # unless it is an acronym ("AA troops")
        owners = [
            t.text.lower()
            for t in head.lefts
            if t.dep_ == "compound" and t.pos_ == "PROPN" and (not t.is_sent_start or t.text.isupper())
        ]
        return ":" + " ".join(owners) if owners else ""

    def _stateless_prefix(self, people: KBActor) -> Optional[str]:
        """The non-ISO prefix of a people's code ("KUR" of KURCVL), which a description it modifies
        keeps: "Kurdish fighters" = KURUAF."""
        role = people.role_on(self.day)
        if role is None:
            return None
        country, _, code = split_code(role.code)
        return code[:3] if country is None and code[:3].isalpha() else None
