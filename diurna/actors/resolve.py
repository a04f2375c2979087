"""Resolution and coreference of actor mentions within one article: the driver.

Mentions are read sentence by sentence, left to right. In each sentence the candidate sources of
`CANDIDATE_SOURCES` offer mentions in their order (a token one source took is not offered to a
later one): names (names.py, with what kind of actor each is in name_kinds.py), state anaphors ("the country",
anaphora.py), descriptions and
nationality adjectives (descriptions.py), pronouns and social-media handles. Each mention is then
attached to an actor by the first rule of coref.ATTACH_RULES that finds one:

- a KB name goes to that KB actor (one actor per KB id in the article);
- a surname or shorter form of a name already seen in the article goes to that actor, before the KB
  is asked (in-article evidence beats a dictionary synonym: "Khatami" after "Ahmad Khatami");
- a definite description ("the Iranian president", "the terror group") goes to the most recent
  earlier actor that agrees with it in kind, country and role;
- a pronoun goes to the most salient earlier actor that agrees in number and gender (subjects and
  recent mentions first; "him" never to its own clause's subject);
- anything else becomes a generic actor built from country + agent (IRN + CVL for "Iranians"),
  shared by every mention with the same country, role, kind and head noun.

Every decision is a named rule with its example (diurna/actors/rules.py lists them; the environment
variable DIURNA_ACTOR_RULES_OFF switches rules off by name). Roles are resolved on the publication
date (the event date is not known yet); later stages can call `diurna.actors.role_on(kb_id, date)`
for an event's own date.
"""

from __future__ import annotations

import bisect
from typing import TYPE_CHECKING, Callable, Optional

from diurna.actors.anaphora import CountryAnaphora
from diurna.actors.collective import ArmedGroupMembers, OrganisationAnaphora
from diurna.actors.coref import Coreference
from diurna.actors.descriptions import Descriptions, _with_owner_state
from diurna.actors.draft import DraftActor, acronyms_of, short_forms
from diurna.actors.dyads import StoryDyads
from diurna.actors.gender import given_name_gender
from diurna.actors.generic import GenericActors
from diurna.actors.kb import KnowledgeBase
from diurna.actors.mentions import Candidate, MentionFinder
from diurna.actors.name_kinds import NameKinds
from diurna.actors.names import NameSpans
from diurna.actors.rules import enabled, register
from diurna.actors.story_names import StoryFinder
from diurna.nlp.index import index, segments
from diurna.nlp.syntax import in_main_clause

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span

__all__ = ["ArticleResolver", "DraftActor", "CANDIDATE_SOURCES"]

NAME_BEFORE_APPOSED_DESCRIPTION = register(
    "name-before-apposed-description",
    "Hassan Rouhani spoke in Tehran. Protesters demanded the resignation of the attorney general, Consuelo Porras.",
    "A description followed by the name in apposition to it ('the attorney general, Consuelo Porras') "
    "is read after that name, so that it is the name's (rule apposed-description), not whoever the "
    "story named before (issue #21: no false merges).",
)


def names_before_apposed_descriptions(found: list[Candidate], doc: "Doc") -> list[Candidate]:
    """The sentence's candidates with each person description moved after the person's name apposed
    to it after a comma ("the attorney general, Consuelo Porras"; not an organisation's acronym in
    brackets, "the Philippines Coast Guard (PCG)", which the description defines)."""
    name_at = {i: c for c in found if c.how in ("name", "alias") and c.kind == "person" for i in range(c.start, c.end)}
    out: list[Candidate] = []
    waiting: dict[int, list[Candidate]] = {}
    for cand in found:
        if cand.how == "description" and cand.kind == "person":
            apposed = [name_at[t.i] for t in doc[cand.head].children if t.dep_ == "appos" and t.i in name_at]
            if apposed and apposed[0].start >= cand.end and doc[apposed[0].start - 1].text == ",":
                waiting.setdefault(id(apposed[0]), []).append(cand)
                continue
        out.append(cand)
        out.extend(waiting.pop(id(cand), []))
    return out + [c for group in waiting.values() for c in group]


# The order in which a sentence's mentions are found; a token an earlier source took is not offered
# to a later one (a name's title is not also a description; "Israeli" in "the Israeli army" is read
# with the description, not as a lone adjective).
CANDIDATE_SOURCES = (
    "name_candidates",
    "country_anaphor_candidates",
    "dyad_candidates",
    "description_candidates",
    "adjective_candidates",
    "pronoun_candidates",
    "handle_candidates",
)


POSSESSOR_NOT_TOPIC = register(
    "possessor-not-topic",
    "After Putin's speech on Monday, Zelensky criticised Putin. He said the army would hold.",
    'A sentence\'s first actor counts as its topic for later pronouns ("According to Reuters, ..."), '
    "except a possessor of a noun that is not the subject ('X's remarks' in an opening phrase): the "
    "subject the sentence goes on to name is its topic.",
)


def is_possessor_of_non_subject(token) -> bool:
    """Rule possessor-not-topic: "Obama" in "In the wake of Obama's remarks, Trump said ..."."""
    return enabled(POSSESSOR_NOT_TOPIC) and token.dep_ == "poss" and token.head.dep_ not in ("nsubj", "nsubjpass")


class ArticleResolver(
    NameSpans,
    NameKinds,
    Descriptions,
    CountryAnaphora,
    OrganisationAnaphora,
    StoryDyads,
    ArmedGroupMembers,
    GenericActors,
    Coreference,
):
    """Resolves every actor mention of one parsed article."""

    def __init__(self, kb: KnowledgeBase, finder: MentionFinder, doc: "Doc", day: Optional[str]):
        self.kb, self.doc, self.day = kb, doc, day
        self.finder = StoryFinder(finder, doc, day)  # rule foreign-acronym: lookups read against the story
        self.actors: dict[str, DraftActor] = {}
        self.order: list[str] = []
        self.sentence_index = -1
        self.first_mention_in_sentence = True
        self.in_quote = index(doc).in_quote
        # sentences with words in the article's own voice: a quotation of five sentences between
        # "Ames spoke at the rally." and '..., he said.' does not put Ames out of a pronoun's reach
        self.narrated_sentences: list[int] = []
        # the name keys given so far, by actor kind and all together, and the actors holding each key
        # (kept as names are recorded, so that no lookup passes over every actor of the article)
        self._keys_by_kind: dict[str, set[str]] = {}
        self._all_keys: set[str] = set()
        self._actors_by_key: dict[str, list[DraftActor]] = {}
        self._position: dict[str, int] = {}  # actor key -> its place in `order`
        self._actors_by_acronym: dict[str, list[DraftActor]] = {}  # "RSF" -> the actors it abbreviates
        self._bearers: Optional[dict[str, set[str]]] = None  # surname -> full names the article gives
        # token -> the actors whose recorded mentions cover it, in the order the actors were drafted
        # (kept as mentions are recorded, so that the dyad rules read it without passing over every
        # mention of the article at each plural pronoun)
        self.actors_at: dict[int, list[DraftActor]] = {}

    def run(self, out_of_time: Callable[[], bool] = lambda: False) -> list[DraftActor]:
        """The article's actors; `out_of_time` (the article's time budget) is asked before each
        sentence, and when it says so the actors of the sentences read so far are returned."""
        for n, sent in enumerate(segments(self.doc)):
            if out_of_time():
                break
            self.sentence_index = n
            self.first_mention_in_sentence = True
            if any(not self.in_quote[t.i] and not (t.is_punct or t.is_space) for t in sent):
                self.narrated_sentences.append(n)
            for cand in self.candidates(sent):
                self.attach(cand)
        return [self.actors[k] for k in self.order if self.actors[k].mentions]

    def candidates(self, sent: "Span") -> list[Candidate]:
        """The sentence's mentions from every source in `CANDIDATE_SOURCES` order, left to right
        (a description whose apposed name follows it, after that name)."""
        taken: set[int] = set()
        found: list[Candidate] = []
        for source in CANDIDATE_SOURCES:
            found.extend(getattr(self, source)(sent, taken))
        found.sort(key=lambda c: (c.start, -c.end))
        return names_before_apposed_descriptions(found, self.doc) if enabled(NAME_BEFORE_APPOSED_DESCRIPTION) else found

    def pronoun_candidates(self, sent: "Span", taken: set[int]) -> list[Candidate]:
        found = [p for p in self.finder.pronouns(sent) if p.start not in taken]
        return found + self.neuter_subject_candidates(sent, taken)  # "it": collective.py

    def handle_candidates(self, sent: "Span", taken: set[int]) -> list[Candidate]:
        """Social-media handles ('@HillaryClinton'): mentions of whoever the handle spells out."""
        return [
            Candidate(t.i, t.i + 1, "handle", t.i, (t.i, t.i + 1))
            for t in sent
            if t.i not in taken and t.text.startswith("@") and len(t.text) > 3 and t.text[1:].replace("_", "").isalnum()
        ]

    def _draft(self, key: str, kind: str) -> DraftActor:
        actor = self.actors.get(key)
        if actor is None:
            actor = DraftActor(key, kind)
            self.actors[key] = actor
            self._position[key] = len(self.order)
            self.order.append(key)
        return actor

    def _add_name_keys(self, actor: DraftActor, keys: set[str]) -> None:
        for key in keys - actor.name_keys:
            self._actors_by_key.setdefault(key, []).append(actor)
        actor.name_keys.update(keys)
        self._keys_by_kind.setdefault(actor.kind, set()).update(keys)
        self._all_keys.update(keys)

    def _add_acronyms(self, actor: DraftActor, acronyms: set[str]) -> None:
        for acronym in acronyms - actor.acronyms:
            self._actors_by_acronym.setdefault(acronym, []).append(actor)
        actor.acronyms.update(acronyms)

    def record(self, actor: DraftActor, cand: Candidate, rule: str = "") -> None:
        doc = self.doc
        actor.mentions.append((cand.start, cand.end, cand.how))
        for i in range(cand.start, cand.end):
            holders = self.actors_at.setdefault(i, [])
            at = bisect.bisect_right([self._position[a.key] for a in holders], self._position[actor.key])
            holders.insert(at, actor)
        actor.decided_by.append(rule)
        actor.last_sentence = self.sentence_index
        quoted = self.in_quote[cand.head]
        if not quoted:
            actor.last_sentence_outside_quotes = self.sentence_index
            actor.last_token_outside_quotes = cand.start
        # a subject inside a quotation is prominent in the speaker's sentence, not in the story's
        if not quoted and (
            doc[cand.head].dep_ in ("nsubj", "nsubjpass")
            or cand.how != "pronoun"
            and not cand.nested
            and self.first_mention_in_sentence
            and not is_possessor_of_non_subject(doc[cand.head])
        ):
            actor.subject_sentences.add(self.sentence_index)
            if in_main_clause(doc[cand.head]):
                actor.main_subject_sentences.add(self.sentence_index)
        if not cand.nested:
            self.first_mention_in_sentence = False
        if cand.how in ("name", "alias") and not cand.nested:
            core = doc[cand.core[0] : cand.core[1]]
            actor.names.append(core.text)
            self._add_name_keys(actor, short_forms(core))
            if actor.kind in ("organization", "group"):
                self._add_acronyms(actor, acronyms_of(core))
        elif cand.how == "description":  # core: with its place, "junta in Niger", for the name
            actor.descriptions.append(doc[_with_owner_state(doc, cand.start) : max(cand.end, cand.core[1])].text)
            actor.heads.add(doc[cand.head].lemma_.lower())
            if doc[cand.head].pos_ == "PROPN":  # a group named by proper nouns: "Rapid Support Forces"
                self._add_acronyms(actor, acronyms_of(doc[cand.start : cand.head + 1]))
        if cand.title.words and cand.how != "pronoun":
            actor.titles.update(cand.title.words)
        if cand.how in ("name", "alias") and actor.kind == "person":
            # "President Barack Obama" matched whole as a known name: its title words still describe
            # the person, so "the president" later refers back to him
            kb = self.finder.kb
            actor.titles.update(
                t.lower_ for t in doc[cand.start : cand.end - 1] if t.is_alpha and kb.agents.get(t.lower_) is not None
            )
        if cand.gender and not actor.gender and cand.how != "pronoun":
            actor.gender = cand.gender
        if cand.title.gender and not actor.gender:
            actor.gender = cand.title.gender
        if cand.how in ("name", "alias") and not cand.nested and actor.kind == "person" and not actor.gender:
            # "Hillary Clinton": no "he" for her
            actor.gender = given_name_gender([t.text for t in doc[cand.core[0] : cand.core[1]]])
        if actor.kb is None and cand.how != "pronoun":
            actor.country = actor.country or cand.title.country
            actor.sector = actor.sector or cand.title.sector
        if actor.kb is not None and cand.how in ("name", "alias", "description"):
            actor.title_country = actor.title_country or cand.title.country
            actor.title_sector = actor.title_sector or cand.title.sector
