"""Resolution and coreference of actor mentions within one article.

Mentions are read sentence by sentence, left to right, and each is attached to an actor:

- a KB name goes to that KB actor (one actor per KB id in the article);
- a surname or shorter form of a name already seen in the article goes to that actor, before the KB
  is asked (in-article evidence beats a dictionary synonym: "Khatami" after "Ahmad Khatami");
- a definite description ("the Iranian president", "the terror group") goes to the most recent
  earlier actor that agrees with it in kind, country and role;
- a pronoun goes to the most salient earlier actor that agrees in number and gender (subjects and
  recent mentions first; "him" never to its own clause's subject);
- anything else becomes a generic actor built from country + agent (IRN + CVL for "Iranians"),
  shared by every mention with the same country, role and kind.

Roles are resolved on the publication date (the event date is not known yet); later stages can
call `diurna.actors.role_on(kb_id, date)` for an event's own date.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Callable, Iterable, Optional

from diurna.actors.codes import split_code
from diurna.actors.gender import given_name_gender
from diurna.actors.kb import EAST_ASIAN_FAMILY_NAMES, KBActor, KnowledgeBase, family_name_first, name_key
from diurna.actors.mentions import (
    ANAPHORIC_GROUP_HEADS,
    COLLECTIVE_HEADS,
    CROWD_HEADS,
    DEFINITE,
    ENTITY_KINDS,
    FEMALE_TITLES,
    MALE_TITLES,
    MODIFIER_KINDS,
    NON_PERSON_HEADS,
    NON_PERSON_PHRASES,
    ORGANISATION_PART_HEADS,
    Candidate,
    MentionFinder,
    Title,
    in_actor_position,
    is_capitalised,
)
from diurna.nlp.index import entities_of, index, segments
from diurna.nlp.syntax import in_main_clause

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

NONSTATE_SECTORS = frozenset({"REB", "UAF", "IMG", "OPP", "RAD", "CRM", "MIL"})
PEOPLE_SECTORS = frozenset({"CVL", "OPP", "PPL"})
PLACE_ENTITIES = frozenset({"GPE", "LOC", "FAC"})
# Bodies that sit in another state's capital: "the embassy in Kabul" is not Afghanistan's.
FOREIGN_POSTS = frozenset(
    "embassy embassies consulate consulates mission missions delegation delegations "
    "envoy envoys ambassador ambassadors correspondent correspondents".split()
)
# What armed groups hold and armies strike: "militant targets", "rebel positions" are the group's.
MILITARY_OBJECTIVES = frozenset(
    """targets target positions position camps camp bases base hideouts hideout
    strongholds stronghold posts outposts bunkers tunnels depots""".split()
)
HONORIFICS = frozenset({"mr", "mrs", "ms", "dr", "miss", "mx"})
PRONOUN_WINDOW = 2  # sentences back a pronoun may look
DESCRIPTION_WINDOW = 6  # sentences back a definite description may look


@dataclass
class DraftActor:
    """An actor being assembled from the article's mentions."""

    key: str
    kind: str
    kb: Optional[KBActor] = None
    country: Optional[str] = None
    sector: Optional[str] = None
    code: Optional[str] = None
    names: list[str] = field(default_factory=list)  # name texts seen, in order
    name_keys: set[str] = field(default_factory=set)  # keys a later short form may match
    titles: set[str] = field(default_factory=set)  # agent words ("president")
    descriptions: list[str] = field(default_factory=list)  # description texts, for a generic name
    heads: set[str] = field(default_factory=set)  # head lemmas of its descriptions ("army")
    mentions: list[tuple[int, int, str]] = field(default_factory=list)  # token start, end, how
    gender: Optional[str] = None
    plural: bool = False
    last_sentence: int = -1
    last_sentence_outside_quotes: int = -1  # a pronoun in the article's own voice looks at these
    last_token_outside_quotes: int = -1
    subject_sentences: set[int] = field(default_factory=set)
    main_subject_sentences: set[int] = field(default_factory=set)  # subject of the main clause (the speaker)
    title_country: Optional[str] = None  # what titles said, for a KB actor with no role on the day
    title_sector: Optional[str] = None
    prefix: Optional[str] = None  # code prefix of a stateless people ("KUR" for "Kurdish forces")

    def names_lower(self) -> set[str]:
        return {name_key(n) for n in self.names}


class ArticleResolver:
    """Resolves every actor mention of one parsed article."""

    def __init__(self, kb: KnowledgeBase, finder: MentionFinder, doc: "Doc", day: Optional[str]):
        self.kb, self.finder, self.doc, self.day = kb, finder, doc, day
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

    # ---- driver --------------------------------------------------------------------------------
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
        taken: set[int] = set()
        names = self.name_candidates(sent, taken)
        descriptions = self.description_candidates(sent, taken)
        adjectives = self.adjective_candidates(sent, taken)
        pronouns = [p for p in self.finder.pronouns(sent) if p.start not in taken]
        handles = [h for h in handle_candidates(sent) if h.start not in taken]
        return sorted(names + descriptions + adjectives + pronouns + handles, key=lambda c: (c.start, -c.end))

    # ---- names -------------------------------------------------------------------------------
    def name_candidates(self, sent: "Span", taken: set[int]) -> list[Candidate]:
        doc = self.doc
        spans: list[tuple[int, int, Optional[list[KBActor]], Optional[str]]] = []
        peoples = [ent for ent in entities_of(sent) if self._is_people_entity(ent)]
        for start, end, actors in self.finder.kb_names(sent):
            if not any(ent.start <= start and end <= ent.end for ent in peoples):
                spans.append((start, end, actors, None))
        covered = {i for s, e, _, _ in spans for i in range(s, e)}
        people = self._name_keys(("person",))
        for ent in entities_of(sent):
            if ent.label_ in ENTITY_KINDS or ent.label_ == "GPE":
                if not any(i in covered for i in range(ent.start, ent.end)):
                    label = ent.label_
                    if len(ent) == 1 and label != "PERSON" and ent.root.lower_ in people:
                        label = "PERSON"  # 'Sarah Palin ... Palin has posted': the model read the surname as a place
                    elif len(ent) == 1 and label in ("ORG", "PERSON") and _former_member(ent.root):
                        continue  # 'a former Marine': a person, read as a description
                    if any(t.is_alpha for t in ent) and all(t.is_lower for t in ent if t.is_alpha):
                        continue  # 'the 52-year-old baker' tagged PERSON: a description, no name
                    spans.append((ent.start, ent.end, None, label))
        spans = self._east_asian_names(sent, spans)
        spans.extend(self._names_the_model_missed(sent, {i for s, e, _, _ in spans for i in range(s, e)}))
        covered = {i for s, e, _, _ in spans for i in range(s, e)}
        spans.extend(self._known_short_forms(sent, covered, people | self._name_keys(("organization",))))
        spans = self._kb_surnames(sent, spans)
        spans.sort()
        spans = self._drop_partial_person_matches(sent, spans)
        out: list[Candidate] = []
        for start, end, actors, label in spans:
            if end - start == 1 and doc[start].text.startswith("@") and self._handle_match(doc[start].text):
                continue  # a handle spelling a known name is that actor's (handle_candidates)
            if actors is not None and self._modifies_description(start, end, actors):
                continue  # "Hamas delegation", "Zionist regime": read as part of the description
            if actors is not None and self._locates_description(start, end, actors):
                continue  # "the junta in Niger": the description is Niger's (read there)
            cand = self.name_candidate(sent, start, end, actors, label)
            if cand is not None:
                out.append(cand)
                taken.update(range(cand.start, cand.end))
        out.extend(self._nested_title_mentions(out, taken))
        return out

    def _is_people_entity(self, ent) -> bool:
        """A nationality + a plural people noun, "Palestinian Arabs", "Syrian Kurds": one group, not the
        nationality's country (which the KB would otherwise find on its own at "Palestinian")."""
        if ent.label_ != "NORP" or len(ent) < 2 or ent.root.tag_ not in ("NNPS", "NNS"):
            return False
        root_actors = [self.kb.actors[x] for x in self.kb.by_name.get(name_key(ent.root.text), ())]
        return not any(a.kind == "country" for a in root_actors)

    def _name_keys(self, kinds: tuple[str, ...]) -> set[str]:
        """The keys (`short_forms`: whole name, surname) of the names the article has given actors of
        these kinds so far (for one kind, the resolver's own set: read it, do not change it)."""
        if len(kinds) == 1:
            return self._keys_by_kind.get(kinds[0], set())
        return set().union(*(self._keys_by_kind.get(kind, ()) for kind in kinds))

    def _known_short_forms(self, sent, covered: set[int], known: set[str]):
        """Capitalised words the article already used as part of a person's or organisation's name
        (`known`: "Abadi" after "Haider al-Abadi"), which the small model does not always tag as an entity."""
        for t in sent:
            if t.i not in covered and t.pos_ == "PROPN" and is_capitalised(t) and t.lower_ in known:
                yield (t.i, t.i + 1, None, "PERSON")

    def _names_the_model_missed(self, sent, covered: set[int]):
        """'Representative Elijah Cummings said': the small model tags no entity at all (or a title of a
        work) for some people's names. A run of capitalised proper nouns in a noun's place, outside
        every actor's entity, that is a known given name and a surname (after any title) is a
        person's name."""
        run: list = []
        for t in list(sent) + [None]:
            if (
                t is not None
                and t.pos_ == "PROPN"
                and t.is_title
                and t.i not in covered
                and t.ent_type_ in _NO_ACTOR_LABELS
            ):
                run.append(t)
                continue
            if run:
                start, end = self._strip_leading_titles(run[0].i, run[-1].i + 1)
                while start < end and self.doc[start].lower_.rstrip(".") in OFFICE_TITLES | _TITLE_ABBREVIATIONS:
                    start += 1
                root = self.doc[start:end].root if end > start else None
                if root is not None and root.dep_ in _NOMINAL_ROLES and self._personal_name(start, end):
                    yield (start, end, None, "PERSON")
            run = []

    def _east_asian_names(self, sent, spans):
        """A name written family name first ("Yoon Suk Yeol", "Lee Jae-myung") is a person's whatever
        label the small model gave it (it reads some as facilities or places, or stops at "Yoon
        Suk"): capitalised proper nouns from a common East Asian family name on, two or three words."""
        doc = self.doc
        out = []
        i = sent.start
        found = []
        while i < sent.end:
            t = doc[i]
            if t.lower_ in EAST_ASIAN_FAMILY_NAMES and t.pos_ == "PROPN" and is_capitalised(t):
                end = i + 1
                while end < sent.end and end - i < 6:
                    if (
                        doc[end].text == "-"
                        and not doc[end].whitespace_
                        and not doc[end - 1].whitespace_
                        and end + 1 < sent.end
                        and doc[end + 1].is_alpha
                    ):
                        end += 2  # "Jae-myung": the hyphenated given name, whatever its case
                    elif doc[end].pos_ == "PROPN" and is_capitalised(doc[end]):
                        end += 1
                    else:
                        break
                words = name_key(doc[i:end].text).split()
                root = doc[i:end].root
                # a PERSON entity is one already (only its extent is fixed: "Yoon Suk" + "Yeol"); any
                # other label only as three names or a hyphenated given name standing where an actor
                # stands ("Yoon Suk Yeol declared", not "Park Avenue", "Le Monde")
                shaped = len(words) == 3 or any("-" in w for w in words[1:])
                if (
                    end - i >= 2
                    and family_name_first(words)
                    and not self.kb.by_name.get(" ".join(words))
                    and (
                        root.ent_type_ == "PERSON"
                        or root.ent_type_ in ("FAC", "GPE", "LOC", "")
                        and shaped
                        and in_actor_position(root)
                    )
                ):
                    found.append((i, end))
                    i = end
                    continue
            i += 1
        if not found:
            return spans
        for s, e, a, label in spans:
            if any(fs < e and s < fe for fs, fe in found):
                continue  # replaced by the whole name
            out.append((s, e, a, label))
        out.extend((fs, fe, None, "PERSON") for fs, fe in found)
        return out

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
            if person is not None and not self._honorific_contradicts(t.i, person):
                out.append((t.i, t.i + 1, [person], None))
        return out

    def _honorific_contradicts(self, i: int, person: KBActor) -> bool:
        """ "Mr. Halvorsen" is not the KB's Kristin Halvorsen: the honorific before a surname and the
        KB person's given name disagree on gender."""
        if i == 0:
            return False
        word = self.doc[i - 1].lower_.rstrip(".")
        said = (
            None
            if word not in HONORIFICS
            else ("female" if word in FEMALE_TITLES else "male" if word in MALE_TITLES else None)
        )
        known = given_name_gender(person.name.split())
        return said is not None and known is not None and said != known

    def _next_to_other_name(self, i: int) -> bool:
        """A capitalised proper noun beside token i that is neither a title ("Prime Minister") nor a
        known name: i is then only part of somebody's longer name."""
        doc = self.doc
        return any(
            t.pos_ == "PROPN"
            and is_capitalised(t)
            and t.sent == doc[i].sent
            and self.kb.agents.get(t.lower_) is None
            and not self.kb.by_name.get(t.lower_)
            and t.lower_.rstrip(".") not in HONORIFICS
            for t in (doc[j] for j in (i - 1, i + 1) if 0 <= j < len(doc))
        )

    def _modifies_description(self, start: int, end: int, actors: list[KBActor]) -> bool:
        root = self.doc[start:end].root
        if root.dep_ not in ("compound", "amod", "nmod") or root.head.i < end:
            return False
        if not all(a.kind in MODIFIER_KINDS for a in actors):
            return False
        head = root.head
        while head.dep_ == "compound" and head.head.i > head.i:
            head = head.head
        if any(t.pos_ in ("CCONJ", "PUNCT") and t.text != "-" for t in self.doc[end : head.i]):
            return False
        if _party_member(head):
            return True  # "the Kentucky Republican": a party member from there, not Kentucky
        if head.ent_type_ == "PERSON" or head.pos_ == "PROPN":
            return False
        if head.lower_ in MILITARY_OBJECTIVES and any(self._armed_modifier(t) for t in self.doc[end : head.i]):
            return True  # "Kurdish militant targets": read with "militant"
        return self._is_description_head(head)

    def _locates_description(self, start: int, end: int, actors: list[KBActor]) -> bool:
        """A country or capital after "in" that says whose a bare institution is: "the junta in Niger",
        "the government in Kabul" are that state's, and the place is part of the mention."""
        if self._state_of(actors) is None:
            return False
        owner = self._description_located_at(self.doc[start:end].root)
        return owner is not None

    def _state_of(self, actors: list[KBActor]) -> Optional[str]:
        """The country a place name stands for: a KB country, or an entry coded as a bare country
        (the dictionaries list some capitals, "Belgrade", as entries of their own)."""
        for actor in actors:
            role = actor.role_on(self.day)
            if role is None:
                continue
            country, sector, _ = split_code(role.code)
            if country and (actor.kind == "country" or sector is None):
                return country
        return None

    def _description_located_at(self, place) -> Optional["Token"]:
        """The head of a bare description that `place` locates ("junta" for "Niger" in "the junta in
        Niger"), or None."""
        prep = place.head
        if place.dep_ != "pobj" or prep.lower_ != "in" or prep.dep_ != "prep":
            return None
        head = prep.head
        if head.pos_ != "NOUN" or not self._is_description_head(head) or head.lower_ in FOREIGN_POSTS:
            return None
        if any(self.finder._kb_word(self.doc, t.i) for t in head.lefts):
            return None  # "the Chinese government in Hong Kong" already says whose it is
        return head

    def _location_owner(self, head) -> Optional[tuple[int, str]]:
        """(end token, country) of an "in <country or capital>" after a bare description's head."""
        for prep in head.rights:
            if prep.dep_ != "prep" or prep.lower_ != "in":
                continue
            for place in prep.children:
                if place.dep_ != "pobj":
                    continue
                match = self.finder._longest_name_at(self.doc, place.left_edge.i, place.i + 1)
                if match is None or match[0] != place.i + 1:
                    continue
                country = self._state_of(match[1])
                owner = self._description_located_at(place)
                if country is not None and owner is not None and owner.i == head.i:
                    return place.i + 1, country
        return None

    def _drop_partial_person_matches(self, sent, spans):
        """A KB name that is only part of a longer personal name with other given names is not that
        KB person: "Ahmad Khatami" is not "Mohammad Khatami" even if "Khatami" were a KB synonym."""
        kept = []
        for start, end, actors, label in spans:
            if (
                actors is not None
                and end - start == 1
                and all(a.kind == "person" for a in actors)
                and self._inside_longer_proper_name(start)
            ):
                continue
            if actors is not None:
                ent = self._person_entity_around(start, end)
                if (
                    ent is not None
                    and not self.finder.kb.by_name.get(name_key(ent.text))
                    and (
                        self._place_as_given_name(ent, start, end)
                        or any(a.kind == "person" for a in actors)
                        and (ent.start < start or ent.end > end)
                        and not self._only_title_words(ent.start, start)
                    )
                ):
                    kept.append((ent.start, ent.end, None, "PERSON"))
                    continue
            kept.append((start, end, actors, label))
        unique, seen = [], set()
        for item in kept:
            if (item[0], item[1]) not in seen:
                seen.add((item[0], item[1]))
                unique.append(item)
        return unique

    def _place_as_given_name(self, ent, start: int, end: int) -> bool:
        """'Alexandria Ocasio-Cortez', 'Paris Hilton': a place's name opening a person entity is the
        person's given name, when it is one and a name (no title: 'Georgia Gov. Brian Kemp') follows."""
        doc = self.doc
        return (
            ent.start == start
            and end == start + 1 < ent.end
            and doc[end].pos_ == "PROPN"
            and doc[end].lower_.rstrip(".") not in OFFICE_TITLES | _TITLE_ABBREVIATIONS
            and given_name_gender([t.text for t in ent]) is not None
        )

    def _inside_longer_proper_name(self, i: int) -> bool:
        """ "Hassan" in "Hassan Mahdavi" is not a one-word KB person of that name ("Mr." in "Mr.
        Halvorsen" is a title, not a name)."""
        doc = self.doc
        neighbours = [doc[j] for j in (i - 1, i + 1) if 0 <= j < len(doc)]
        return any(
            t.pos_ == "PROPN"
            and is_capitalised(t)
            and not self.finder.kb.by_name.get(t.lower_)
            and t.lower_.rstrip(".") not in HONORIFICS
            and t.sent == doc[i].sent
            for t in neighbours
        )

    def _person_entity_around(self, start: int, end: int):
        for ent in entities_of(self.doc[start:end].sent):
            if ent.label_ == "PERSON" and ent.start <= start and end <= ent.end:
                return ent
        return None

    def _only_title_words(self, start: int, end: int) -> bool:
        return all(self.finder.kb.agents.get(t.lower_) is not None for t in self.doc[start:end])

    def name_candidate(self, sent, start, end, actors, label) -> Optional[Candidate]:
        doc = self.doc
        head = doc[start:end].root.i
        if actors is not None:
            actor = self._choose(actors, doc[start:end])
            if actor.kind == "country":
                return self._country_name(sent, start, end, actor)
            kind = self._kind_for(actor, doc[start:end])
        else:
            if label == "GPE":  # a place the KB does not know: the places stage's business
                return None
            kind = ENTITY_KINDS[label]
            start, end = self._strip_leading_titles(start, end)
            if start >= end:
                return None
            if label == "NORP":
                return self._norp(sent, start, end)
            if kind == "organization" and self._personal_name(start, end):
                kind = "person"  # the tagger reads some people's names as ORG ("Carly Fiorina")
            actor = None
        if kind == "person" and end - start == 1 and doc[start].pos_ not in ("PROPN", "NOUN") and actors is None:
            return None
        if (
            kind == "person"
            and actors is None
            and end - start == 1
            and doc[start].tag_ == "NNPS"
            and any(t.dep_ == "det" and t.lower_ == "the" for t in doc[start].lefts)
        ):
            kind = "organization"  # "the Houthis", "the Taliban": a plural name is a group, not a person
        if kind == "person" and self._inside_larger_name(start, end):
            return None
        title_start, title = self.finder.title_before(doc, start, sent.start, set())
        if actors is None and kind == "organization" and self._is_description_head(doc[end - 1]):
            return None
        cand = Candidate(
            title_start, end, "name", head, (start, end), kb=actor, kind=kind, title=title, gender=title.gender
        )
        cand.plural = doc[head].tag_ in ("NNPS", "NNS") and kind != "person"
        return cand

    def _personal_name(self, start: int, end: int) -> bool:
        """A given name of one gender and a surname, two or three capitalised words and no word of
        an organisation's name ("Carly Fiorina", not "Charles Schwab Corp." or "Walt Disney Co.")."""
        words = self.doc[start:end]
        return (
            2 <= len(words) <= 3
            and all(t.is_title and t.is_alpha for t in words)
            and words[-1].pos_ == "PROPN"
            and not any(t.lower_.rstrip(".") in ORGANISATION_WORDS for t in words)
            and given_name_gender([t.text for t in words]) is not None
        )

    def _inside_larger_name(self, start: int, end: int) -> bool:
        """Whether doc[start:end] is only a piece of a hyphenated word ("Port-au-Prince") or of a
        place's name ("Prince Edward Island"), which no person or title is made from."""
        doc = self.doc
        if self._hyphen_parts_before(start) >= 2 or self._hyphen_parts_after(end) >= 2:
            return True  # a third part of one word: not "al-Aruri", but "Port-au-Prince"
        return any(
            ent.label_ in PLACE_ENTITIES
            and ent.start <= start
            and end <= ent.end
            and any(
                is_capitalised(t) and t.pos_ != "DET"
                for t in list(ent[: start - ent.start]) + list(ent[end - ent.start :])
            )
            for ent in entities_of(doc[start:end].sent)
        )

    def _hyphen_parts_before(self, i: int) -> int:
        """How many hyphen-joined parts precede token i within one word ("Port-au-" = 2)."""
        doc, parts = self.doc, 0
        while i >= 2 and doc[i - 1].text == "-" and not doc[i - 1].whitespace_ and not doc[i - 2].whitespace_:
            parts, i = parts + 1, i - 2
        return parts

    def _hyphen_parts_after(self, end: int) -> int:
        doc, parts = self.doc, 0
        while end + 1 < len(doc) and doc[end].text == "-" and not doc[end - 1].whitespace_ and not doc[end].whitespace_:
            parts, end = parts + 1, end + 2
        return parts

    def _strip_leading_titles(self, start: int, end: int) -> tuple[int, int]:
        # spaCy often puts the title inside a PERSON entity: "President Donald Trump".
        while start < end and (
            self.finder.kb.agents.get(self.doc[start].lower_) is not None
            or self.doc[start].lower_.rstrip(".") in ("mr", "mrs", "ms", "dr")
        ):
            start += 1
        while start < end and self.doc[end - 1].tag_ == "POS":
            end -= 1
        return start, end

    def _is_description_head(self, token) -> bool:
        return token.lower_ in COLLECTIVE_HEADS or self.finder.kb.agents.get(token.lower_) is not None

    def _choose(self, actors: list[KBActor], span) -> KBActor:
        """Among KB actors sharing a name, one already in the article, else one with a role on the
        day, preferring the kind spaCy sees."""
        for a in actors:
            if a.id in self.actors:
                return a
        label_kind = ENTITY_KINDS.get(span.root.ent_type_)
        dated = [a for a in actors if a.role_on(self.day) is not None] or actors
        for a in dated:
            if a.kind == label_kind:
                return a
        return dated[0]

    @staticmethod
    def _kind_for(actor: KBActor, span) -> str:
        if (
            actor.kind == "organization"
            and span.root.ent_type_ == "PERSON"
            and span.root.pos_ == "PROPN"
            and len(span) >= 2
            and actor.source.startswith("Phoenix.Countries")
        ):
            return "person"
        return actor.kind

    def _country_name(self, sent, start, end, actor: KBActor) -> Optional[Candidate]:
        doc = self.doc
        head = doc[start:end].root
        key = name_key(doc[start:end].text)
        if key in actor.cities and not in_actor_position(head):
            return None
        if self._inside_larger_name(start, end):
            return None  # "Khyber" in "Khyber Pakhtunkhwa": a province, the places stage's
        if end - start == 1 and self._is_gentilic(head):
            if head.tag_ in ("NNPS", "NNS") or (
                head.text.endswith("s") and not head.text.endswith("ss") and head.dep_ != "amod"
            ):
                return Candidate(
                    start,
                    end,
                    "name",
                    head.i,
                    (start, end),
                    kb=actor,
                    kind="group",
                    title=Title(country=self._country_code(actor), sector="CVL"),
                    plural=True,
                    demonym=True,
                )
            return None  # an adjective: handled as a modifier or an adjective mention
        return Candidate(
            start, end, "alias" if key in actor.cities else "name", head.i, (start, end), kb=actor, kind="country"
        )

    def _is_gentilic(self, token) -> bool:
        return (
            token.pos_ == "ADJ"
            or token.tag_ in ("JJ", "NNPS", "NNS")
            or token.ent_type_ == "NORP"
            or token.dep_ == "amod"
        )

    def _country_code(self, actor: KBActor) -> Optional[str]:
        role = actor.role_on(self.day)
        return split_code(role.code)[0] if role else None

    def _norp(self, sent, start, end) -> Optional[Candidate]:
        """A nationality, religion or ethnicity the KB did not match: a group only when plural
        ("Kurds", "Muslims"), with a country from its modifiers ("Palestinian Arabs")."""
        head = self.doc[end - 1]
        if head.tag_ not in ("NNPS", "NNS") and not head.text.endswith("s"):
            return None
        title = self.finder.read_title(self.doc, start, end, self.day)
        modifiers_start, modifiers = self.finder.title_before(self.doc, start, sent.start, set())
        country = title.country or modifiers.country
        agent = self.finder.kb.agents.get(head.lower_)
        sector = agent.sector if agent else "CVL"
        return Candidate(
            modifiers_start,
            end,
            "description",
            head.i,
            (start, end),
            kind="group",
            title=Title(country=country, sector=sector, people=title.people),
            plural=True,
            demonym=True,
        )

    def _nested_title_mentions(self, names: list[Candidate], taken: set[int]) -> list[Candidate]:
        """KB organisations and countries named inside a title ("Hamas" in "Hamas leader Ismail
        Haniyeh", "Iranian" in "Iranian President Hassan Rouhani") are mentions of their own."""
        out = []
        for cand in names:
            for k in range(cand.start, cand.core[0]):
                for actor in self.finder._kb_word(self.doc, k):
                    if actor.kind in MODIFIER_KINDS:
                        how = "adjective" if self._is_gentilic(self.doc[k]) and actor.kind != "organization" else "name"
                        out.append(Candidate(k, k + 1, how, k, (k, k + 1), kb=actor, kind=actor.kind, nested=True))
                    break
        return out

    # ---- descriptions ----------------------------------------------------------------------------
    def description_candidates(self, sent: "Span", taken: set[int]) -> list[Candidate]:
        out = []
        for token in sent:
            if token.i in taken or token.pos_ not in ("NOUN", "PROPN") and not self._armed_modifier(token):
                continue
            cand = self.description_at(sent, token, taken)
            if cand is not None:
                out.append(cand)
                taken.update(range(cand.start, max(cand.end, cand.core[1])))
                out.extend(self._nested_kb_words(cand))
        return out

    def _armed_modifier(self, token) -> bool:
        """ "militant" in "Kurdish militant targets", "rebel" in "rebel positions": an agent word
        modifying a military objective stands for the group that holds it (a description of its own)."""
        return (
            token.dep_ in ("amod", "compound")
            and token.head.lower_ in MILITARY_OBJECTIVES
            and token.head.i > token.i
            and self.finder.kb.agents.get(token.lower_) is not None
        )

    def _nested_kb_words(self, cand: Candidate) -> list[Candidate]:
        """ "Hamas" in "a Hamas delegation" and "Israeli" in "the Israeli regime" are mentions too,
        unless the description is that very actor."""
        out = []
        for k in range(cand.start, cand.head):
            for actor in self.finder._kb_word(self.doc, k):
                if actor.kind in MODIFIER_KINDS and (cand.kb is None or actor.id != cand.kb.id):
                    how = "adjective" if self._is_gentilic(self.doc[k]) and actor.kind != "organization" else "name"
                    out.append(Candidate(k, k + 1, how, k, (k, k + 1), kb=actor, kind=actor.kind, nested=True))
                break
        return out

    def description_at(self, sent, head, taken) -> Optional[Candidate]:
        """A description headed by `head`: an agent noun ("president", "protesters") or a collective
        ("group", "nations") with what its modifiers say."""
        doc = self.doc
        armed = self._armed_modifier(head)
        if (
            head.dep_ in ("compound",)
            and head.head.i not in taken
            and head.head.pos_ in ("NOUN", "PROPN")
            and not armed
        ):
            return None  # part of a longer noun: the description is headed further right
        if self._inside_larger_name(head.i, head.i + 1):
            return None  # "Prince" in "Port-au-Prince" is no prince
        hit = self.finder.agent_ending_at(doc, head.i + 1, sent.start)
        agent = hit[1] if hit else None
        low = head.lower_
        by_modifier = _person_by_modifier(head)
        if (
            agent is None
            and low not in COLLECTIVE_HEADS
            and low not in CROWD_HEADS
            and not _party_member(head)
            and not by_modifier
        ):
            return None
        if head.dep_ in ("attr", "oprd") and not any(t.dep_ in ("det", "poss") for t in head.lefts):
            return None  # 'wanted to be commander in chief': a role predicated, no one referred to
        start = self._description_start(sent, head, taken)
        if armed:  # "Kurdish militant targets": the objective's modifiers before it
            for t in sorted((t for t in head.head.lefts if t.i < head.i), key=lambda t: -t.i):
                if t.i != start - 1 or t.i in taken or t.dep_ not in ("amod", "compound", "nmod"):
                    break
                start = t.i
        title = self.finder.read_title(doc, start, head.i + 1, self.day)
        end = head.i + 1
        if title.affiliation is None and title.country is None:
            owner = self._possessor(head)
            if owner is not None:
                title.country = owner
        if title.affiliation is None and title.country is None and title.people is None:
            located = self._location_owner(head)
            if located is not None:  # the place stays the places stage's; it only names the owner
                end, title.country = located
        determiner = next((t.lower_ for t in head.lefts if t.dep_ in ("det", "predet")), None)
        plural = head.tag_ in ("NNS", "NNPS") or (agent.plural if agent else False) or self._armed_modifier(head)
        person = (
            not plural
            and low not in COLLECTIVE_HEADS
            and low not in ORGANISATION_PART_HEADS
            and low not in NON_PERSON_HEADS
            and not (agent is not None and agent.phrase in NON_PERSON_PHRASES)
        )
        # 'Northwestern University': a name ending in an institution's word is an organisation's
        institution = head.pos_ == "PROPN" and low in ORGANISATION_WORDS
        cand = Candidate(
            start,
            head.i + 1,
            "description",
            head.i,
            (start, end),
            kind="person" if person else "organization" if institution else "group",
            title=title,
            plural=plural,
            definite=determiner in DEFINITE,
            crowd=low in CROWD_HEADS,
        )
        if title.affiliation is not None and (low in ORGANISATION_PART_HEADS or low in COLLECTIVE_HEADS):
            cand.kb, cand.kind = title.affiliation, title.affiliation.kind  # "a Hamas delegation" = Hamas
        if (
            agent is None
            and low not in CROWD_HEADS
            and title.country is None
            and title.affiliation is None
            and not title.sector
            and not (cand.definite and low in ANAPHORIC_GROUP_HEADS)
            and not by_modifier
            and not _party_member(head)
        ):
            return None  # "the world", "nations": a collective with nothing saying whose
        return cand

    def _description_start(self, sent, head, taken) -> int:
        start = head.i
        for t in reversed(list(head.lefts)):
            if (
                t.i in taken
                or t.dep_ in ("det", "predet", "poss", "case", "punct", "nummod", "prep", "advmod")
                or t.pos_ == "ADP"
            ):  # "outside parliament": a preposition the parser took for a modifier
                break
            if t.i != start - 1 and not all(x.i not in taken for x in t.subtree):
                break
            start = min(start, t.left_edge.i)
        for t in self.doc[start : head.i]:  # "the U.S. and Zionist regime": only "Zionist regime"
            if t.pos_ == "CCONJ" or (t.is_punct and t.text != "-"):
                start = t.i + 1
        while start < head.i and self.doc[start].is_punct:
            start += 1
        return start

    def _possessor(self, head) -> Optional[str]:
        for t in head.lefts:
            if t.dep_ == "poss":
                for actor in self.finder._kb_word(self.doc, t.i):
                    if actor.kind == "country":
                        return self._country_code(actor)
        return None

    # ---- adjectives ------------------------------------------------------------------------------
    def adjective_candidates(self, sent: "Span", taken: set[int]) -> list[Candidate]:
        """Nationality adjectives left over ("Israeli flags", "the U.S.-Zionist plan"): the country."""
        out = []
        for start, end, actors in self.finder.kb_names(sent):
            if end - start != 1 or start in taken:
                continue
            actor = next((a for a in actors if a.kind in ("country", "group")), None)
            if actor is not None and self._is_gentilic(self.doc[start]):
                out.append(Candidate(start, end, "adjective", start, (start, end), kb=actor, kind=actor.kind))
                taken.add(start)
        return out

    # ---- attaching mentions to actors -------------------------------------------------------------
    def attach(self, cand: Candidate) -> None:
        if cand.how == "pronoun" and cand.kind == "relative":
            actor = self.relative_antecedent(cand)
        elif cand.how == "pronoun":
            actor = self.pronoun_antecedent(cand)
        elif cand.how == "handle":
            actor = self.handle_owner(cand)
        elif cand.how == "description" and cand.kb is None:
            actor = self.apposed_actor(cand) or self.description_antecedent(cand)
            if actor is None:
                actor = self.generic_actor(cand)
        else:
            actor = self.named_actor(cand)
        if actor is None:
            return
        self.record(actor, cand)

    def named_actor(self, cand: Candidate) -> Optional[DraftActor]:
        doc = self.doc
        core_text = doc[cand.core[0] : cand.core[1]].text
        key = name_key(core_text)
        earlier = self.earlier_by_name(key, cand) or self._earlier_by_surname_alone(key, cand)
        if earlier is not None:
            cand.how = "alias" if cand.how == "name" and key not in earlier.names_lower() else cand.how
            return earlier
        if cand.kb is not None:
            actor = self._draft("kb:" + cand.kb.id, cand.kind or cand.kb.kind)
            actor.kb = cand.kb
        elif cand.kind == "person" or cand.kind == "organization":
            actor = self._draft("name:" + key, cand.kind)
        else:
            return None
        if cand.demonym:
            return self.generic_actor(cand)
        return actor

    def handle_owner(self, cand: Candidate) -> Optional[DraftActor]:
        """'@realDonaldTrump', '@SenTedCruz', '@marcorubio': the person or organisation whose name the
        social-media handle spells, among the article's actors, else in the KB when it names exactly one."""
        owner = self._handle_match(self.doc[cand.head].text)
        if owner is None or isinstance(owner, DraftActor):
            return owner
        for actor in self.actors.values():
            if actor.kb is not None and actor.kb.id == owner.id:
                return actor
        actor = self._draft("kb:" + owner.id, owner.kind)
        actor.kb = owner
        words = handle_name(self.doc[cand.head].text)[0]
        if owner.kind == "person" and not actor.gender:
            actor.gender = given_name_gender(words)  # '@realDonaldTrump' is no "she"
        return actor

    def _handle_match(self, handle: str) -> "Optional[DraftActor | KBActor]":
        spelled = handle_name(handle)
        if spelled is None:
            return None
        words, compact = spelled
        spellings = {compact, _compact(" ".join(words))} - {""}
        for actor_key in reversed(self.order):
            actor = self.actors[actor_key]
            if actor.kind in ("person", "organization") and any(_compact(name) in spellings for name in actor.names):
                return actor
        known = [a for a in self.kb.lookup(" ".join(words)) if a.kind in ("person", "organization")] if words else []
        return known[0] if len(known) == 1 else None

    def earlier_by_name(self, key: str, cand: Candidate) -> Optional[DraftActor]:
        """An actor of this article the name is a short form of ("Rouhani", "al-Aruri", "Aruri")."""
        if cand.demonym or cand.nested:
            return None
        # the actors whose names gave this key, the latest first (no other actor has it)
        for actor in sorted(self._actors_by_key.get(key, ()), key=lambda a: -self._position[a.key]):
            if actor.kind not in ("person", "organization"):
                continue
            if (
                cand.kb is not None
                and actor.kb is not None
                and cand.kb.id != actor.kb.id
                and key in (cand.kb.names or ())
            ):
                continue
            if key in actor.name_keys:
                return actor
        return None

    def _earlier_by_surname_alone(self, key: str, cand: Candidate) -> Optional[DraftActor]:
        """'"Mr. Zuckerberg, would you ...?" ... Mark Zuckerberg paused': a full name whose surname an
        earlier person was only ever called by (with an honorific at most) is that person."""
        words = key.split()
        if cand.kind != "person" or cand.kb is not None or cand.demonym or cand.nested or len(words) < 2:
            return None
        for actor_key in reversed(self.order):
            actor = self.actors[actor_key]
            if (
                actor.kind == "person"
                and actor.kb is None
                and actor.names
                and all(_surname_only(name) == words[-1] for name in actor.names)
            ):
                return actor
        return None

    def apposed_actor(self, cand: Candidate) -> Optional[DraftActor]:
        """ "Ms Rivera, a teacher in Bogota": the description is in apposition to a mention."""
        head = self.doc[cand.head]
        if head.dep_ != "appos":
            return None
        anchor = head.head.i
        for actor in self.actors.values():
            if any(s <= anchor < e for s, e, _ in actor.mentions):
                return actor
        return None

    def description_antecedent(self, cand: Candidate) -> Optional[DraftActor]:
        """The earlier actor a definite description ("the Iranian president"), or a crowd noun with no
        country ("Protesters"), refers back to."""
        title = cand.title
        if not cand.definite and not (cand.crowd and title.country is None):
            return None
        window = PRONOUN_WINDOW if cand.crowd else DESCRIPTION_WINDOW
        for actor in self._recent(window):
            if self._description_fits(actor, cand):
                return actor
        return self._sole_named_person(cand) or self._sole_named_organisation(cand)

    def _sole_named_organisation(self, cand: Candidate) -> Optional[DraftActor]:
        """'Amnesty International called the verdict a travesty. The group said ...', 'The Plain Dealer
        endorsed the levy. The newspaper said ...': a definite singular generic organisation noun
        refers to the one organisation the story named in the last sentences (and not in this one)."""
        if cand.plural or not cand.definite or self.doc[cand.head].lower_ not in GENERIC_ORGANISATION_HEADS:
            return None
        return self._sole_named(cand, "organization")

    def _sole_named(self, cand: Candidate, kind: str) -> Optional[DraftActor]:
        """The one actor of this kind the story named (by name) in the last sentences of the
        description's voice, unless it is named in the description's own sentence ('Senator Durbin
        asked the Facebook chief executive': not himself)."""
        named = self._named_in_window(cand, kind)
        if len(named) != 1 or named[0].last_sentence == self.sentence_index:
            return None
        return named[0]

    def _named_in_window(self, cand: Candidate, kind: str) -> list[DraftActor]:
        return [
            a
            for a in self._recent(DESCRIPTION_WINDOW, narrated=not self.in_quote[cand.head])
            if a.kind == kind and not a.plural and a.names
        ]

    def _one_of_the_named(self, cand: Candidate) -> Optional[DraftActor]:
        """With several people named in the last sentences (none in this one), the one an earlier
        description with the same head noun was of ('Lauren Fisk, a former Marine, and Gloria
        Abernathy ... the former Marine said'), else the only one the story made the subject of a
        main clause ('Sen. Lindsey Graham says he will vote to confirm Amy Coney Barrett. The South
        Carolina Republican ... told reporters')."""
        window = self._named_in_window(cand, "person")
        named = [a for a in window if a.last_sentence != self.sentence_index]
        if len(named) < 2 or len(named) != len(window):
            return None
        head = self.doc[cand.head].lower_
        described = [a for a in named if any(d.split()[-1].lower() == head for d in a.descriptions if d.split())]
        if len(described) == 1:
            return described[0]
        first = self.sentence_index - DESCRIPTION_WINDOW
        subjects = [a for a in named if any(k >= first for k in a.main_subject_sentences)]
        if len(subjects) != 1 or any(self._met_by_main_verb(a) for a in named if a is not subjects[0]):
            return None  # 'Lena Ortiz met Tom Becker. The former prosecutor said': either of them
        return subjects[0]

    def _met_by_main_verb(self, actor: DraftActor) -> bool:
        """Whether the actor's latest name is the object of its sentence's main verb ('met Tom Becker',
        'met with Tom Becker'): a second party of the same event, as prominent as the subject."""
        start, end, _ = next((m for m in reversed(actor.mentions) if m[2] in ("name", "alias")), actor.mentions[-1])
        tok = self.doc[start:end].root
        if tok.dep_ == "pobj" and tok.head.dep_ == "prep":
            tok = tok.head
        return tok.dep_ in ("dobj", "prep") and tok.head.dep_ == "ROOT"

    def _sole_named_person(self, cand: Candidate) -> Optional[DraftActor]:
        """'Dr. Raymond Pell ran for the State Senate. ... "...," the retired neurosurgeon said': news
        names a person, then refers back with a description the KB cannot check. A definite singular
        person description refers to the one person the story named in the last sentences (and not in
        this one), when no other named person, a different gender or a different office rules it out."""
        if cand.kind != "person" or cand.plural or not cand.definite:
            return None
        actor = self._sole_named(cand, "person") or self._one_of_the_named(cand)
        if actor is None:
            return None
        gender = cand.gender or cand.title.gender
        if gender and actor.gender and gender != actor.gender:
            return None
        country, _ = self.coded(actor)
        if cand.title.country and country and cand.title.country != country:
            return None
        offices = {w for w in cand.title.words if w in OFFICE_TITLES}
        held = {w for w in actor.titles if w in OFFICE_TITLES}
        if offices and held and not offices & held:
            return None  # 'Senator Warren ... the governor said': another office, another person
        return actor

    def coded(self, actor: DraftActor) -> tuple[Optional[str], Optional[str]]:
        """(country, sector) of an actor as it will be coded: a KB actor's role on the day."""
        if actor.kb is not None:
            role = actor.kb.role_on(self.day)
            if role is not None:
                country, sector, _ = split_code(role.code)
                return country, sector
            return actor.title_country, actor.title_sector
        return actor.country, actor.sector

    def _description_fits(self, actor: DraftActor, cand: Candidate) -> bool:
        title = cand.title
        country, sector = self.coded(actor)
        if title.country and country and title.country != country:
            return False
        if title.country and actor.kb is None and actor.prefix is not None:
            return False  # "the junta in Niger" is not the stateless "Kurdish forces" before it
        if cand.crowd:
            return actor.kind == "group" and actor.kb is None and actor.sector in PEOPLE_SECTORS
        if cand.kind == "person":
            if actor.kind != "person":
                return False
            if title.words and actor.titles & set(title.words):
                return True
            if title.words and actor.kb is None and actor.titles:
                return False  # "the French ambassador" is not an earlier unnamed "minister"
            return bool(title.sector) and sector == title.sector and (title.country is not None or not title.words)
        if actor.kind not in ("organization", "group") or actor.kb is None and sector in PEOPLE_SECTORS:
            return False
        head = self.doc[cand.head]
        if head.lower_ in ANAPHORIC_GROUP_HEADS:
            return sector in NONSTATE_SECTORS or (sector is None and actor.kind == "organization")
        if actor.heads and head.lemma_.lower() not in actor.heads:
            return False  # "the army" is not the "Rapid Support Forces" named before it
        if title.sector in NONSTATE_SECTORS:
            return sector in NONSTATE_SECTORS or (sector is None and actor.kind == "organization")
        return bool(title.sector) and sector == title.sector

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
        key = "generic:%s:%s:%s:%s:%s" % (country, sector, kind, self._generic_name(cand), people)
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
        return head.lemma_.lower()

    def _stateless_prefix(self, people: KBActor) -> Optional[str]:
        """The non-ISO prefix of a people's code ("KUR" of KURCVL), which a description it modifies
        keeps: "Kurdish fighters" = KURUAF."""
        role = people.role_on(self.day)
        if role is None:
            return None
        country, _, code = split_code(role.code)
        return code[:3] if country is None and code[:3].isalpha() else None

    def relative_antecedent(self, cand: Candidate) -> Optional[DraftActor]:
        """The actor a relative clause hangs on ("Bruce Turry, who ..." -> Bruce Turry), if any."""
        noun = self.doc[cand.head].head.head
        for _ in range(4):  # "Lionel Sosa, a consultant and a Republican who ...": up the appositions
            for actor in self.actors.values():
                if any(s <= noun.i < e for s, e, _ in actor.mentions):
                    return actor
            if noun.dep_ not in ("appos", "conj") or noun.head.i == noun.i:
                return None
            noun = noun.head
        return None

    def pronoun_antecedent(self, cand: Candidate) -> Optional[DraftActor]:
        pron = self.doc[cand.head]
        clause_subject = self._clause_subject(pron) if pron.dep_ in ("dobj", "pobj", "dative") else None
        best, best_score = None, None
        rank = -1
        # a pronoun in the article's own voice refers to someone the article's voice named: a name
        # inside a quotation ('"I want Donald Trump to win." After all, he says, ...') is the
        # speaker's words, not a new topic of the story
        narrated = not self.in_quote[pron.i]
        for actor in self._recent(PRONOUN_WINDOW, narrated):
            if cand.kind == "person":
                if actor.kind != "person" or actor.plural:
                    continue
                if actor.gender and cand.gender and actor.gender != cand.gender:
                    continue
            else:
                if actor.kind == "person" and not actor.plural:
                    continue
            if clause_subject is not None and any(s <= clause_subject < e for s, e, _ in actor.mentions):
                continue
            rank += 1
            score = self._salience(actor, rank, cand, narrated)
            if best_score is None or score > best_score:
                best, best_score = actor, score
        # the article's own "he"/"she" tells the actor's gender; a quoted one may mean someone the
        # speaker has in mind that the story never names ('Hale was asked, "would you have told her?"')
        if best is not None and cand.gender and not best.gender and cand.kind == "person" and narrated:
            best.gender = cand.gender
        return best

    def _salience(self, actor: DraftActor, rank: int, cand: Candidate, narrated: bool = False) -> float:
        """Recency, grammatical prominence (subject or first actor of this or the previous sentence)
        and agreement in number; weights chosen on the training sentences in tests/actors/cases.yaml."""
        score = -0.5 * rank
        previous = self._previous_narrated() if narrated else self.sentence_index - 1
        if self.sentence_index in actor.subject_sentences:
            score += 2.0
            if self.sentence_index in actor.main_subject_sentences and not in_main_clause(self.doc[cand.head]):
                # 'Morton said he would deport refugees, who he claims are ...': a pronoun in what the
                # sentence reports is its reporter, not a subject of a clause in between
                score += 0.75
        elif previous in actor.main_subject_sentences:
            score += 1.5
        elif previous in actor.subject_sentences:
            score += 0.75  # "X said Y was wrong. He added": X, not the embedded clause's Y
        last = actor.last_sentence_outside_quotes if narrated else actor.last_sentence
        if last == self.sentence_index:
            score += 1.5
        if cand.plural and (actor.plural or actor.kind == "group"):
            score += 1.5
        if cand.plural and actor.kind == "country":
            score -= 1.0
        return score

    def _clause_subject(self, pron) -> Optional[int]:
        verb = pron.head
        while verb.dep_ in ("prep", "agent") and verb.head.i != verb.i:
            verb = verb.head
        while True:
            for child in verb.children:
                if child.dep_ in ("nsubj", "nsubjpass"):
                    return child.i
            if verb.dep_ != "conj" or verb.head.i == verb.i:  # "X phoned Y and told him": X is told's subject
                return None
            verb = verb.head

    def _recent(self, window: int, narrated: bool = False) -> Iterable[DraftActor]:
        """Actors mentioned within `window` sentences, the most recently mentioned first; `narrated`:
        only mentions outside quotations count."""
        if narrated:
            actors = [
                a
                for a in self.actors.values()
                if a.last_token_outside_quotes >= 0 and self._narrated_since(a.last_sentence_outside_quotes) <= window
            ]
            return sorted(actors, key=lambda a: a.last_token_outside_quotes, reverse=True)
        actors = [a for a in self.actors.values() if a.mentions and self.sentence_index - a.last_sentence <= window]
        return sorted(actors, key=lambda a: a.mentions[-1][0], reverse=True)

    def _narrated_since(self, sentence: int) -> int:
        """How many sentences in the article's own voice lie after `sentence` up to the current one."""
        return len(self.narrated_sentences) - bisect.bisect_right(self.narrated_sentences, sentence)

    def _previous_narrated(self) -> int:
        """The last sentence in the article's own voice before the current one (-1: none)."""
        k = bisect.bisect_left(self.narrated_sentences, self.sentence_index)
        return self.narrated_sentences[k - 1] if k > 0 else -1

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

    def record(self, actor: DraftActor, cand: Candidate) -> None:
        doc = self.doc
        actor.mentions.append((cand.start, cand.end, cand.how))
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
        elif cand.how == "description":  # core: with its place, "junta in Niger", for the name
            actor.descriptions.append(doc[_with_owner_state(doc, cand.start) : max(cand.end, cand.core[1])].text)
            actor.heads.add(doc[cand.head].lemma_.lower())
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


_TITLE_ABBREVIATIONS = frozenset({"rep", "representative", "sen", "gov", "lt", "col", "gen", "capt", "sgt", "adm"})

# Entity labels that give no actor: a person's name the small model tags so ('"...," Representative
# Elijah Cummings said' read as a WORK_OF_ART) is still a name the missed-name rule may read.
_NO_ACTOR_LABELS = frozenset({"", "WORK_OF_ART", "PRODUCT", "EVENT", "LAW", "LANGUAGE"})
# Relations in which a run of proper nouns stands for someone (not a compound modifier of a noun).
_NOMINAL_ROLES = frozenset(
    {"nsubj", "nsubjpass", "appos", "pobj", "dobj", "attr", "conj", "dative", "npadvmod", "ROOT"}
)

# A member of a party named by its members' noun ("the Kentucky Republican", "the Illinois Democrat").
PARTY_MEMBER_HEADS = frozenset({"republican", "democrat"})
# A party's people in an election: 'the Democratic nominee', 'the Republican front-runner'.
PARTY_ROLE_HEADS = frozenset(
    "nominee candidate frontrunner front-runner challenger incumbent hopeful contender".split()
)
PARTY_ADJECTIVES = frozenset({"democratic", "republican"})


def _with_owner_state(doc: "Doc", start: int) -> int:
    """Where a description's name starts when a state owns it: "Italy's prime minister" is named so,
    not "prime minister" (the state is a mention of its own, so the description's span leaves it out)."""
    if start >= 2 and doc[start - 1].tag_ == "POS" and doc[start - 2].ent_type_ in ("GPE", "NORP"):
        i = start - 2
        while (
            i > 0 and doc[i - 1].ent_type_ == doc[i].ent_type_ and doc[i - 1].ent_iob_ != "O" and doc[i].ent_iob_ == "I"
        ):
            i -= 1
        return i
    return start


def _party_member(head: "Token") -> bool:
    """'the Kentucky Republican', 'the New York Democrat', 'the Democratic nominee': one party member,
    described by state or by the role the party gave them."""
    if not any(t.dep_ == "det" and t.lower_ == "the" for t in head.lefts):
        return False
    if head.lower_ in PARTY_MEMBER_HEADS and head.tag_ in ("NNP", "NN"):
        return True
    return (
        head.lower_ in PARTY_ROLE_HEADS
        and head.tag_ == "NN"
        and any(t.dep_ in ("amod", "compound") and t.lower_ in PARTY_ADJECTIVES and t.is_title for t in head.lefts)
    )


def _person_by_modifier(head: "Token") -> bool:
    """'the 61-year-old restaurateur', 'a former Marine': an age, or 'former' before a capitalised
    noun (someone who was once of the corps, the party), says the noun is a person whatever the
    agent dictionary knows of it."""
    aged = any(
        t.dep_ == "amod"
        and (
            t.lower_.endswith("year-old") or t.lower_ == "old" and any(c.lower_ in ("year", "years") for c in t.subtree)
        )
        for t in head.lefts
    )
    return aged or _former_member(head)


def _former_member(head: "Token") -> bool:
    return head.tag_ == "NNP" and any(t.dep_ == "amod" and t.lower_ in ("former", "ex") for t in head.lefts)


# Nouns by which news refers back to an organisation it has named ("the group", "the newspaper").
GENERIC_ORGANISATION_HEADS = frozenset(
    """
    group organization organisation company firm newspaper paper network broadcaster agency charity
""".split()
)

# Offices a person holds: a description naming another one than the person's title is someone else.
OFFICE_TITLES = frozenset(
    """
    president vice-president governor senator congressman congresswoman representative mayor minister
    premier chancellor king queen prince ambassador secretary speaker judge justice general admiral
    commissioner attorney sheriff chief chairman chairwoman director
""".split()
)

# Words that make a name an organisation's even after a given name ("Charles Schwab Corp.").
ORGANISATION_WORDS = frozenset(
    """
    inc co corp corporation company companies llc ltd plc group holdings foundation institute
    university college school center centre fund bank party committee council association
    society times post news journal network media press agency partners associates
    brothers bros trust hospital church campaign
""".split()
)


# Words a handle puts before the name it spells ('@realDonaldTrump', '@SenTedCruz', '@GovMikeHuckabee').
HANDLE_PREFIXES = ("real", "the", "official", "sen", "senator", "rep", "gov", "governor", "mayor", "dr", "mr", "team")


def handle_candidates(sent: "Span") -> list[Candidate]:
    """Social-media handles ('@HillaryClinton'): mentions of whoever the handle spells out."""
    return [
        Candidate(t.i, t.i + 1, "handle", t.i, (t.i, t.i + 1))
        for t in sent
        if t.text.startswith("@") and len(t.text) > 3 and t.text[1:].replace("_", "").isalnum()
    ]


def handle_name(handle: str) -> Optional[tuple[list[str], str]]:
    """The name words a handle spells in camel case without its prefix word ('@realDonaldTrump' ->
    ['Donald', 'Trump']; none for '@marcorubio') and its compact lower-case form without the prefix
    ('donaldtrump', 'marcorubio')."""
    body = handle.lstrip("@").replace("_", "")
    if not body:
        return None
    words = re.findall(r"[A-Z][a-z]+|[a-z]+|[A-Z]+(?![a-z])|\d+", body)
    if len(words) > 1 and words[0].lower() in HANDLE_PREFIXES:
        words = words[1:]
    compact = body.lower()
    for prefix in HANDLE_PREFIXES:
        if compact.startswith(prefix) and len(compact) - len(prefix) >= 6:
            compact = compact[len(prefix) :]
            break
    named = [w for w in words if w[:1].isupper()] if len(words) >= 2 and all(w[:1].isupper() for w in words) else []
    return named, compact


def _surname_only(name: str) -> Optional[str]:
    """The key of a name that is one word after any honorific ('Mr. Zuckerberg' -> 'zuckerberg')."""
    words = [w for w in name_key(name).split() if w.rstrip(".") not in HONORIFICS]
    return words[0] if len(words) == 1 else None


def _compact(name: str) -> str:
    return re.sub(r"[^a-z0-9]", "", name.lower())


def short_forms(span) -> set[str]:
    """Keys a later mention of the same name may use: the whole name, the surname, and the surname
    with its particle ("al-Aruri", "Aruri" for "Salah al-Aruri")."""
    forms = {name_key(span.text)}
    words = name_key(span.text).split()
    for k in (3, 2):
        if len(words) >= k and family_name_first(words[-k:]):
            forms.add(words[-k])  # "Yoon" for "Yoon Suk Yeol", "Xi" for "President Xi Jinping"
            return forms
    if len(words) >= 2 and is_capitalised(span[-1]):
        forms.add(words[-1])
        if len(words) >= 4:  # "Lopez Obrador" for "Andres Manuel Lopez Obrador"
            forms.add(" ".join(words[-2:]))
        last = words[-1]
        if "-" in last:
            forms.add(last.split("-", 1)[1])
    return forms
