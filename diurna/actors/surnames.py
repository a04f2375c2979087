"""Lone surnames (a mixin of the article resolver, actors/resolve.py): "Kishida", "Orban" alone are the
KB person of that surname who holds a role on the day, unless the word stands where a place does, an
honorific says another gender, or the article names another bearer of the surname in full.

Moved out of names.py, whose `name_candidates` asks `_kb_surnames` after the other name rules."""

from __future__ import annotations

from typing import TYPE_CHECKING

from diurna.actors.gender import given_name_gender
from diurna.actors.kb import KBActor, name_key
from diurna.actors.mentions import FEMALE_TITLES, MALE_TITLES, in_actor_position, is_capitalised
from diurna.actors.name_kinds import is_known_place
from diurna.actors.rules import enabled, register
from diurna.actors.words import HONORIFICS
from diurna.nlp.syntax import first_conjunct
from diurna.places.lexicon import is_place_noun

if TYPE_CHECKING:
    from spacy.tokens import Token

KB_SURNAME = register(
    "kb-surname",
    "Kishida met business leaders in Osaka on Monday.",
    "A lone surname of exactly one KB person with a role on the day is that person.",
)
SURNAME_OF_NAMED_BEARER = register(
    "surname-of-named-bearer",
    "Ryan: images have no place in a campaign. House Speaker Paul Ryan said on Tuesday ...",
    "A lone surname is not the KB's only office holder of that surname when the article gives the "
    "full name of another person with it: headlines and leads name people by surname before the "
    "body introduces them, so the article's own bearer is the one meant.",
)
PLACE_SURNAME = register(
    "place-surname",
    "Rioters attacked shops in Rotherham, Middlesbrough and Bolton on Sunday.",
    "A lone word that is a KB person's surname and a place the gazetteer knows is the place, not "
    "the person, where a place stands.",
)
HONORIFIC_GENDER = register(
    "honorific-gender",
    "Mr. Halvorsen told reporters the plant would close.",
    "An honorific that disagrees with the KB person's given name on gender says it is someone else.",
)


class KBSurnames:
    """Mixin: the lone-surname rules of the name spans."""

    def _kb_surnames(self, sent, spans):
        """A lone surname of a KB person ("Kishida", "Prime Minister Kishida", "Orban"), which the
        dictionaries list only with the given name, is that person when exactly one KB person with
        a role on the day has it. The small model tags some surnames as places ("Scholz held talks"):
        one the KB does not know as a place counts where an actor stands (subject, "with" ...). An
        earlier mention in the article still wins (named_actor); a surname inside a longer proper
        name ("Ricardo Albanese") is someone else."""
        doc = self.doc
        out = []
        covered = set()
        for start, end, actors, label in spans:
            covered.update(range(start, end))
            if actors is None and label in ("PERSON", "ORG", "NORP", "GPE"):
                s, e = self._strip_leading_titles(start, end)
                if (
                    e - s == 1
                    and doc[s].pos_ == "PROPN"
                    and is_capitalised(doc[s])
                    and not self._next_to_other_name(s)
                    and (label != "GPE" or in_actor_position(doc[s]))
                ):
                    person = self.kb.by_surname(doc[s].text, self.day)
                    if person is not None and self._other_bearer_named(s, person):
                        person, label = None, "PERSON"  # the article's own bearer, named later
                    if person is not None and self._place_not_person(s):
                        continue  # "shops in ... Bolton": the town, whatever the tagger says
                    if person is not None and not self._honorific_contradicts(s, person):
                        out.append((s, e, [person], None))
                        continue
            out.append((start, end, actors, label))
        known = self._all_keys
        for t in sent:
            if t.i in covered or t.pos_ != "PROPN" or not is_capitalised(t) or t.ent_type_ or t.lower_ in known:
                continue
            if self._next_to_other_name(t.i) or self._inside_larger_name(t.i, t.i + 1):
                continue
            person = self.kb.by_surname(t.text, self.day)
            if person is None or self._honorific_contradicts(t.i, person) or self._place_not_person(t.i):
                continue
            if self._other_bearer_named(t.i, person):
                out.append((t.i, t.i + 1, None, "PERSON"))  # the article's own bearer, named later
            else:
                out.append((t.i, t.i + 1, [person], None))
        return out

    def _other_bearer_named(self, i: int, person: KBActor) -> bool:
        """Rule surname-of-named-bearer: the article gives the full name of someone other than the
        KB's `person` that ends in token i's word."""
        if not enabled(SURNAME_OF_NAMED_BEARER):
            return False
        bearers = self._full_names_by_surname().get(name_key(self.doc[i].text), set())
        return bool(bearers) and name_key(person.name) not in bearers

    def _full_names_by_surname(self) -> dict[str, set[str]]:
        """The personal names of two or more words the whole article gives (the tagger's PERSON
        entities), by their last word: computed once per article."""
        if self._bearers is None:
            self._bearers = {}
            for ent in self.doc.ents:
                if ent.label_ == "PERSON" and len(ent) >= 2 and is_capitalised(ent[-1]):
                    self._bearers.setdefault(name_key(ent[-1].text), set()).add(name_key(ent.text))
        return self._bearers

    def _place_not_person(self, i: int) -> bool:
        """Rule place-surname: a lone word the places gazetteer knows by a main name ("Bolton",
        "Puno", "Sahel") is not a KB person's surname where a place stands ("in Bolton", "the Sahel
        region", a list of towns after "in"); elsewhere ("lashed out at Rubio") it may be the person."""
        token = self.doc[i]
        return enabled(PLACE_SURNAME) and _in_place_slot(token) and is_known_place(token.text)

    def _honorific_contradicts(self, i: int, person: KBActor) -> bool:
        """ "Mr. Halvorsen" is not the KB's Kristin Halvorsen: the honorific before a surname and the
        KB person's given name disagree on gender."""
        if i == 0 or not enabled(HONORIFIC_GENDER):
            return False
        word = self.doc[i - 1].lower_.rstrip(".")
        said = (
            None
            if word not in HONORIFICS
            else ("female" if word in FEMALE_TITLES else "male" if word in MALE_TITLES else None)
        )
        known = given_name_gender(person.name.split())
        return said is not None and known is not None and said != known


LOCATIVE_PREPOSITIONS = frozenset("in near across throughout outside around from into inside".split())


def _in_place_slot(token: "Token") -> bool:
    """Whether a name stands where a place does: after a locative preposition ("in Bolton", the
    conjuncts of a list after it included) or modifying a place noun ("the Sahel region")."""
    token = first_conjunct(token)
    if token.dep_ == "pobj":
        preposition = token.head
        return preposition.lower_ in LOCATIVE_PREPOSITIONS or (
            preposition.lower_ == "of" and is_place_noun(preposition.head.lemma_.lower())  # "the region of Puno"
        )
    return token.dep_ in ("compound", "nmod") and is_place_noun(token.head.lemma_.lower())
