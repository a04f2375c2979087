"""Coreference for the stages after the actor stage: who a pronoun that speaks stands for.

(The actor stage's own coreference rules are in coref.py; this module is the API later stages ask.)

The actor stage resolves every name, pronoun and description it can (`doc.mentions`); this module is
its answer to a question it cannot settle on its own while resolving, because it needs what a later
stage knows: that the pronoun is a quote's speaker, and where the quotations are. A speaker is the
one place where a wrong link loses a whole quote, so two things are checked there (issue #20: one
coreference authority, the actor package; the quote stage asks, it no longer resolves):

- `speaking_pronoun`: the actor stage's antecedent for a speaking he/she/they, unless it cannot speak
  as one (a description or a non-person for he/she while a named person is near, someone named only
  inside the quotation the pronoun frames, a country for they);
- `antecedent`: for a pronoun the actor stage left unresolved, the nearest fitting earlier person
  (by gender, as the text shows it) or group within a few sentences, a sentence subject first.

Gender comes from titles, given names (`gender.given_name_gender`) and the pronouns already linked.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Optional, Sequence

from diurna.actors.gender import given_name_gender
from diurna.document import ArticleDoc, MentionRef
from diurna.nlp.index import covered, index
from diurna.nlp.syntax import relative_antecedent

if TYPE_CHECKING:
    from spacy.tokens import Token

_SUBJECT_DEPS = {"nsubj", "nsubjpass"}


PERSON_PRONOUNS = {"he", "him", "she", "her"}


GROUP_PRONOUNS = {"they", "them", "it"}


_ANTECEDENT_SENTENCES = 4  # a pronoun rarely reaches further back than this in news prose


def _named_person(doc: ArticleDoc, actor_id: Optional[str]) -> bool:
    """A person the text names (not only describes: "a sitting justice"; not a handle: "@realX")."""
    actor = doc.actor(actor_id) if actor_id is not None else None
    if actor is None or actor.kind != "person" or "@" in actor.name:
        return False
    return any(m.how in ("name", "alias") for m in doc.mention_index().of_actor(actor_id))


_PRONOUN_GENDER = {"he": "m", "him": "m", "his": "m", "she": "f", "her": "f", "hers": "f"}


_TITLE_GENDER = {"mr.": "m", "mr": "m", "mrs.": "f", "mrs": "f", "ms.": "f", "ms": "f", "miss": "f"}


def _gender(doc: ArticleDoc, actor_id: Optional[str], other_than: int, by_name: bool = True) -> Optional[str]:
    """A person's gender as the text shows it: titles (Mr., Mrs., Ms.) in its names, else a given
    name ("Hillary Clinton"), else the pronouns the actor stage linked to it (other than the one at
    token `other_than`), by majority. `by_name=False` leaves the given name out (a foreign name the
    US-census table reads the other way: Haiti's Alix Didier Fils-Aime is a man)."""
    votes = {"m": 0, "f": 0}
    sdoc = doc.spacy_doc
    for m in doc.mention_index().of_actor(actor_id):
        if m.token_start == other_than:
            continue
        first = sdoc[m.token_start].lower_
        if m.how in ("name", "alias", "description") and first in _TITLE_GENDER:
            return _TITLE_GENDER[first]
        if m.how == "pronoun" and first in _PRONOUN_GENDER:
            votes[_PRONOUN_GENDER[first]] += 1
    actor = doc.actor(actor_id) if actor_id is not None else None
    named = given_name_gender(actor.name.split()) if by_name and actor is not None and actor.kind == "person" else None
    if named is not None:
        return named[0]
    if votes["m"] == votes["f"]:
        return None
    return "m" if votes["m"] > votes["f"] else "f"


def gender_fits(doc: ArticleDoc, actor_id: Optional[str], pronoun: "Token", by_name: bool = True) -> bool:
    """Whether he/she may stand for the actor, as far as the text shows its gender."""
    return _gender(doc, actor_id, pronoun.i, by_name) in (None, _PRONOUN_GENDER.get(pronoun.lower_))


def speaking_pronoun(doc: ArticleDoc, pronoun: "Token", actor_id: str, quoted: Sequence[tuple[int, int]]) -> str:
    """The actor stage's antecedent for a speaking pronoun, unless it cannot speak as one: "he" or
    "she" for a description or a non-person when a named person is near, "they" for a place when
    a group or organisation is near. Speakers are the people and groups news quotes by name."""
    lower = pronoun.lower_
    actor = doc.actor(actor_id)
    before = [m for m in doc.mention_index().of_actor(actor_id) if m.token_end <= pronoun.i and m.how != "pronoun"]
    if before and covered(quoted, max(before, key=lambda m: m.start).start):
        # '"I don't know if Donald realizes this," he said': the speaker is not someone named in the
        # quotation the pronoun frames
        return antecedent(doc, pronoun, quoted, named_only=lower in PERSON_PRONOUNS) or actor_id
    if lower in PERSON_PRONOUNS and (
        not _named_person(doc, actor_id) or _gender(doc, actor_id, pronoun.i) not in (None, _PRONOUN_GENDER[lower])
    ):
        return antecedent(doc, pronoun, quoted, named_only=True) or actor_id
    if lower in ("they", "them") and actor is not None and actor.kind == "country":
        return antecedent(doc, pronoun, quoted, wanted={"organization", "group"}) or actor_id
    return actor_id


def _earlier_mentions(doc: ArticleDoc, before_token: int, quoted: Sequence[tuple[int, int]]) -> list[MentionRef]:
    """Mentions before `before_token` within the last few sentences, nearest first, none inside a quotation."""
    sdoc = doc.spacy_doc
    sentence_starts = index(sdoc).sentence_starts_through(before_token) if before_token < len(sdoc) else []
    window_start = sentence_starts[-_ANTECEDENT_SENTENCES] if len(sentence_starts) >= _ANTECEDENT_SENTENCES else 0
    found = [
        m
        for m in doc.mention_index().starting_in(window_start, before_token)
        if m.token_end <= before_token and not covered(quoted, m.start)
    ]
    return sorted(found, key=lambda m: -m.token_start)


def actor_kind(doc: ArticleDoc, actor_id: str) -> str:
    actor = doc.actor(actor_id)
    return actor.kind if actor is not None else "group"


# The actor kinds a pronoun may stand for: "they" for a country or a state is rare in news ("it" is usual).
_ANTECEDENT_KINDS = {
    **{p: {"person"} for p in PERSON_PRONOUNS},
    "they": {"organization", "group"},
    "them": {"organization", "group"},
    "it": {"organization", "group", "country"},
}


def antecedent(
    doc: ArticleDoc,
    pronoun: "Token",
    quoted: Sequence[tuple[int, int]],
    named_only: bool = False,
    wanted: Optional[set[str]] = None,
) -> Optional[str]:
    """he/she: the nearest earlier person, preferring one that was a sentence subject; they/it: a group.
    `named_only`: only persons the text names; `wanted`: the actor kinds that may stand for it."""
    lower = pronoun.lower_
    if lower in ("who", "that", "which"):
        antecedent = relative_antecedent(pronoun.head) if pronoun.head.dep_ == "relcl" else None
        return doc.actor_at_token(antecedent.i) if antecedent is not None else None
    if wanted is None:
        wanted = _ANTECEDENT_KINDS.get(lower)
    if wanted is None:
        return None  # I, we, you: the speaker is whoever is quoted, found elsewhere
    sdoc = doc.spacy_doc
    fitting = [
        m
        for m in _earlier_mentions(doc, pronoun.i, quoted)
        if actor_kind(doc, m.actor_id) in wanted and (not named_only or _named_person(doc, m.actor_id))
    ]
    candidates = [m for m in fitting if lower not in _PRONOUN_GENDER or gender_fits(doc, m.actor_id, pronoun)]
    if not candidates and lower in _PRONOUN_GENDER:
        # given names are evidence, not proof: with nobody else to stand for the pronoun, a person
        # whose name the table reads the other way may still be meant
        candidates = [m for m in fitting if gender_fits(doc, m.actor_id, pronoun, by_name=False)]
    if not candidates:
        return None
    nearest_sentence = sdoc[candidates[0].token_start].sent.start
    same_sentence = [m for m in candidates if sdoc[m.token_start].sent.start == nearest_sentence]
    for m in reversed(same_sentence):  # earliest subject of that sentence first
        if any(sdoc[i].dep_ in _SUBJECT_DEPS for i in range(m.token_start, m.token_end)):
            return m.actor_id
    return same_sentence[-1].actor_id  # else the sentence's first fitting mention
