"""What kind of actor a name found in a sentence is (person, organisation, country, a people), and
the candidate mention it makes: named rules (diurna/actors/rules.py) applied by
`NameKinds.name_candidate`.
"""

from __future__ import annotations

import functools
from typing import Optional

from diurna.actors.codes import split_code
from diurna.actors.gender import given_name_gender
from diurna.actors.kb import KBActor, name_key
from diurna.actors.mentions import (
    COLLECTIVE_HEADS,
    ENTITY_KINDS,
    MODIFIER_KINDS,
    Candidate,
    Title,
    in_actor_position,
    is_capitalised,
)
from diurna.actors.rules import enabled, register
from diurna.actors.words import NAME_HEAD_SECTORS, OFFICE_TITLES, ORGANISATION_WORDS, PLACE_ENTITIES
from diurna.nlp.index import entities_of
from diurna.places.unlisted import text_calls_a_place

PERSON_TAGGED_ORGANISATION = register(
    "person-tagged-organisation",
    "Carly Fiorina told voters in Iowa that she would cut taxes.",
    "The tagger reads some people's names as organisations: a given name of one gender and a surname, "
    "with no word of an organisation's name, is a person.",
)
ORGANISATION_WORD_NAME = register(
    "organisation-word-name",
    "The interview was broadcast on Masirah TV on Sunday. He said the attacks would go on.",
    "The tagger reads some organisations' names as people's: a name the KB does not know that ends "
    "in a word of an organisation's name (TV, School, Times, Foundation) is an organisation, and no "
    "'he' or 'she' refers to it.",
)
PERSON_NAMED_AFTER_GROUP = register(
    "person-named-after-group",
    "Supporters cheered as Mohammed Ali al-Houthi arrived in Sanaa on Friday.",
    "A person's name that ends in a group's ('al-Houthi', of the Houthis) is the person: the tagger "
    "reads the given name and the group's name as one person's, and no title explains the words before.",
)
PART_OF_LARGER_NAME = register(
    "part-of-larger-name",
    "Gunmen attacked a checkpoint in Khyber Pakhtunkhwa on Sunday.",
    "A piece of a hyphenated word ('Port-au-Prince') or of a place's name ('Khyber Pakhtunkhwa') is "
    "no person or country of its own.",
)
DESCRIPTION_NAMED_ORGANISATION = register(
    "description-named-organisation",
    "The Foreign Ministry summoned the ambassador.",
    "An organisation entity ending in a description's head ('Ministry', 'Army') is read as a "
    "description, which knows whose it is from its modifiers and the story.",
)
KB_DATED_CHOICE = register(
    "kb-dated-choice",
    "Maithripala Sirisena dissolved parliament on Friday.",
    "Among KB actors sharing a name, the one with a role on the day, of the kind the tagger sees.",
)
CAPITAL_AS_STATE = register(
    "capital-in-actor-position",
    "Tehran rejected the proposal on Monday.",
    "A capital stands for its state only where an actor stands (subject, 'talks with Tehran'), not "
    "where a place does ('visited Tehran').",
)
PLURAL_DEMONYM_PEOPLE = register(
    "plural-demonym-people",
    "Iranians took to the streets on Friday.",
    "A plural demonym is the country's people (civilians), not its state; the singular adjective is "
    "read as a modifier or a nationality adjective.",
)
NATIONALITY_GROUP = register(
    "plural-nationality-group",
    "A senior cleric urged Palestinian Arabs to boycott the municipal elections.",
    "A nationality, religion or ethnicity the KB does not list is a group when plural, with a country "
    "from its modifiers.",
)
STATE_STYLE = register(
    "state-style",
    "The Kingdom of Morocco recalled its ambassador from Algiers.",
    "A state's formal style ('Kingdom of', 'Islamic Republic of') is that state, not a larger place "
    "whose name contains the country's.",
)
# Words of states' formal styles: the head of the style, and what may precede it.
STATE_STYLE_HEADS = frozenset(
    "kingdom republic state federation emirate emirates sultanate principality commonwealth".split()
)
STATE_STYLE_WORDS = STATE_STYLE_HEADS | frozenset(
    """federal islamic people democratic socialist arab united hashemite plurinational bolivarian
    cooperative independent""".split()
)
REGION_NOT_STATE = register(
    "region-not-state",
    "Crimea voted to join Russia in a referendum.",
    "The country dictionaries list a state's provinces, regions and disputed territories among its "
    "names; one the gazetteer knows as a region or district of that country, or as another "
    "territory, is not the state where it acts or speaks (subject, agent, possessor: issue #21, "
    "regions are not actors). Seized, attacked or annexed, it still stands for the state's territory.",
)
PLACE_TAGGED_PERSON = register(
    "place-tagged-person",
    '"The government is in an overreach position," Matdos Santos, legal director for the ACLU of Oregon, said.',
    "The small tagger reads some unfamiliar personal names as places; a name the gazetteer does not "
    "know, with a person's office or occupation in apposition ('X, legal director for ...'), is a person.",
)
NAMED_AS_A_PLACE = register(
    "named-as-a-place",
    "Dozens of homes were torched in the village of Kuki on Sunday.",
    "A name the knowledge base does not know that the text itself calls a place ('the village of X', "
    "'X, a town in North Kivu', 'the X district': the places stage's rules, places/unlisted.py) is "
    "no person or organisation: the tagger reads many villages' names as people's.",
)
PLACE_AFTER_LOCATIVE = register(
    "place-after-locative",
    "Soldiers seized a town in Rakhine on Monday, and fighting spread across Tigray.",
    "A name the knowledge base does not know, which the tagger calls a person or an organisation, "
    "standing after a preposition of place ('in Rakhine', 'near Maiduguri', 'across Tigray') and known "
    "to the gazetteer by a main name as a town, district or region, is that place, no person or "
    "organisation ('Rakhine' was a government person, 'Tigray' an organisation of Ethiopia's "
    "civilians). Left to the places stage.",
)
# place-after-locative: prepositions whose object is where something is or happens ...
LOCATIVE_PREPOSITIONS = frozenset({"in", "near", "outside", "across", "around", "throughout", "inside"})
# ... except after nouns whose "in" names a person trusted or concerned ("confidence in Santos")
NOT_PLACE_BEFORE_IN = frozenset({"confidence", "faith", "trust", "belief", "interest", "stake", "role", "hope"})
# Where a name is the one who acts or speaks.
SPEAKER_DEPS = frozenset({"nsubj", "nsubjpass", "agent", "poss", "csubj"})
ACTOR_INSIDE_TITLE = register(
    "actor-inside-title",
    "Hamas leader Ismail Haniyeh arrived in Tehran.",
    "A KB organisation or country named in a person's title ('Hamas' in 'Hamas leader X') is a mention of its own.",
)
WHOLE_NAME_IN_TITLE = register(
    "whole-name-in-title",
    "South Sudanese soldiers shelled a village near Malakal; Juba later said the soldiers had strayed.",
    "A country named by several words inside a title ('South Sudanese', 'North Korean', 'Central "
    "African') is that one country's mention: its last word alone ('Sudanese', 'Korean') is not a "
    "second country named there, which would vote for it as the story's country.",
)


SHORT_NAME_OF_NAMED_STATE = register(
    "short-name-of-named-state",
    "The Democratic Republic of Congo closed its eastern border. Officials said militias were burning farms in Congo.",
    "A country's short name that ends another country's full name ('Congo' after 'the Democratic "
    "Republic of Congo') is the country the article named in full, unless it has named the other "
    "one too: news calls the DRC 'Congo' once it has named it.",
)


class NameKinds:
    """Mixin of the article resolver (resolve.ArticleResolver): the candidate a name span makes."""

    def name_candidate(self, sent, start, end, actors, label) -> Optional[Candidate]:
        doc = self.doc
        head = doc[start:end].root.i
        if actors is not None:
            actor = self._choose(actors, doc[start:end])
            if actor.kind == "country":
                return self._country_name(sent, start, end, actor)
            kind = self._kind_for(actor, doc[start:end])
            if kind != "person" and enabled(PART_OF_LARGER_NAME) and self._middle_of_hyphenated_word(start, end):
                return None  # "AU" in "PORT-AU-PRINCE": a piece of a town's name, no African Union
        else:
            if label == "GPE" and not self._person_by_apposition(start, end):
                return None  # a place the KB does not know: the places stage's business
            kind = "person" if label == "GPE" else ENTITY_KINDS[label]
            start, end = self._strip_leading_titles(start, end)
            if start >= end:
                return None
            if label != "NORP" and enabled(NAMED_AS_A_PLACE) and text_calls_a_place(doc[start:end]):
                return None
            if label in ("PERSON", "ORG") and enabled(PLACE_AFTER_LOCATIVE) and _place_after_locative(doc[start:end]):
                return None
            if label == "NORP":
                return self._norp(sent, start, end) if enabled(NATIONALITY_GROUP) else None
            if kind == "organization" and enabled(PERSON_TAGGED_ORGANISATION) and self._personal_name(start, end):
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
        if (
            kind == "person"
            and actors is None
            and end - start > 1
            and (doc[end - 1].lower_.rstrip(".") in ORGANISATION_WORDS or doc[end - 1].lower_ in NAME_HEAD_SECTORS)
            and enabled(ORGANISATION_WORD_NAME)
        ):
            kind = "organization"  # "Masirah TV", "Bethel Secondary School": no person's name
        if kind == "person" and enabled(PART_OF_LARGER_NAME) and self._inside_larger_name(start, end):
            return None
        title_start, title = self.finder.title_before(doc, start, sent.start, set(), self.day, across_of=actor is None)
        if actors is not None and kind in ("organization", "group") and enabled(PERSON_NAMED_AFTER_GROUP):
            named = self._person_named_after(start, end, title)
            if named is not None:
                return named
        if (
            actors is None
            and kind == "organization"
            and enabled(DESCRIPTION_NAMED_ORGANISATION)
            and self._is_description_head(doc[end - 1])
        ):
            return None
        cand = Candidate(
            title_start, end, "name", head, (start, end), kb=actor, kind=kind, title=title, gender=title.gender
        )
        cand.plural = doc[head].tag_ in ("NNPS", "NNS") and kind != "person"
        return cand

    def _person_named_after(self, start: int, end: int, title) -> Optional[Candidate]:
        """Rule person-named-after-group: 'Abdulmalik al-Houthi' is a person whose family name is a
        group's ('Houthi'): the tagger's one PERSON name runs over capitalised words before the
        group's name that no title explains."""
        doc = self.doc
        ent = next((e for e in entities_of(doc[start:end].sent) if e.start < start and e.end >= end), None)
        if ent is None or ent.label_ != "PERSON" or title.words:
            return None
        if not any(t.is_alpha and t.text[:1].isupper() for t in doc[ent.start : start]):
            return None
        words = [t.text for t in doc[ent.start : ent.end] if t.is_alpha]
        return Candidate(
            ent.start,
            ent.end,
            "name",
            doc[ent.start : ent.end].root.i,
            (ent.start, ent.end),
            kind="person",
            gender=given_name_gender(words),
        )

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

    def _middle_of_hyphenated_word(self, start: int, end: int) -> bool:
        """doc[start:end] is joined by hyphens to a part before and a part after it ("Port-au-Prince"):
        a piece of one word. A name at either end ("Iran-backed", "US-led") is not."""
        return self._hyphen_parts_before(start) >= 1 and self._hyphen_parts_after(end) >= 1

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

    def _person_by_apposition(self, start: int, end: int) -> bool:
        """Rule place-tagged-person: an unknown place name with a person's role in apposition."""
        if not enabled(PLACE_TAGGED_PERSON) or is_known_place(self.doc[start:end].text):
            return False
        root = self.doc[start:end].root
        return any(
            child.dep_ == "appos"
            and child.pos_ == "NOUN"
            and (child.lower_ in OFFICE_TITLES or self.finder.kb.agents.get(child.lower_) is not None)
            for child in root.children
        )

    def _is_description_head(self, token) -> bool:
        return token.lower_ in COLLECTIVE_HEADS or self.finder.kb.agents.get(token.lower_) is not None

    def _choose(self, actors: list[KBActor], span) -> KBActor:
        """Among KB actors sharing a name, one already in the article, else one with a role on the
        day, preferring the kind spaCy sees."""
        for a in actors:
            if a.id in self.actors:
                return a
        named = self.state_named_in_full(actors, span.text)
        if named is not None:
            return named
        if not enabled(KB_DATED_CHOICE):
            return actors[0]
        label_kind = ENTITY_KINDS.get(span.root.ent_type_)
        dated = [a for a in actors if a.role_on(self.day) is not None] or actors
        for a in dated:
            if a.kind == label_kind:
                return a
        return dated[0]

    def state_named_in_full(self, actors: list[KBActor], text: str) -> Optional[KBActor]:
        """Rule short-name-of-named-state: the country the article already named in full whose full
        name ends in `text` ("Congo" after "the Democratic Republic of Congo"), when `actors` (what
        the KB calls `text`) are countries the article has not named; else None."""
        if not enabled(SHORT_NAME_OF_NAMED_STATE) or not actors or any(a.kind != "country" for a in actors):
            return None
        if any("kb:" + a.id in self.actors for a in actors):
            return None
        tail = " " + name_key(text)
        for key in self.actors:  # the article's actors so far: a KB actor's key is "kb:<id>"
            known = self.kb.actors.get(key[3:]) if key.startswith("kb:") else None
            if known is not None and known.kind == "country" and any(n.endswith(tail) for n in known.names):
                return known
        return None

    @staticmethod
    def _kind_for(actor: KBActor, span) -> str:
        """The KB's kind, except for a leader the country dictionaries list as an organisation, whom
        the tagger reads as a person's name of two words or more; so too a head of an international
        body the international dictionary lists as the body ("Secretary-General Ban Ki-moon" under
        IGOUNO): as an organisation, "He urged ..." after it would find no person."""
        if (
            actor.kind == "organization"
            and span.root.ent_type_ == "PERSON"
            and span.root.pos_ == "PROPN"
            and len(span) >= 2
            and actor.source.startswith(("Phoenix.Countries", "Phoenix.International"))
        ):
            return "person"
        return actor.kind

    def _country_name(self, sent, start, end, actor: KBActor) -> Optional[Candidate]:
        doc = self.doc
        head = doc[start:end].root
        key = name_key(doc[start:end].text)
        if key in actor.cities and not (enabled(CAPITAL_AS_STATE) and in_actor_position(head)):
            return None
        if (
            key not in actor.cities
            # an entry's own name is no region listed among a state's names: "Somaliland signed" is
            # the KB's own Somaliland entry even when the gazetteer also knows it as a region
            and key != name_key(actor.name)
            and head.dep_ in SPEAKER_DEPS
            and enabled(REGION_NOT_STATE)
            and not self._is_gentilic(head)
        ):
            country = self._country_code(actor)
            if country and names_another_place(doc[start:end].text, country):
                return None  # "Darfur said", "Crimea voted": not the state's voice
        # "the Kingdom of Morocco": Morocco, the whole style its mention (not a larger place's name)
        styled = self._state_style_start(start) if enabled(STATE_STYLE) else None
        if styled is None and enabled(PART_OF_LARGER_NAME) and self._inside_larger_name(start, end):
            return None  # "Khyber" in "Khyber Pakhtunkhwa": a province, the places stage's
        # "Bahrainis" tagged a singular proper noun: the plural of a demonym the KB lists
        listed_plural = (
            end - start == 1
            and key.endswith(("is", "ans", "eses"))  # Bahrainis, Kenyans, Sudaneses: not Bahamas
            and key[:-1] in actor.names
            and key not in actor.names
        )
        # "the Bahamas", "the Philippines" (tagged as plurals): the state's own name is no demonym
        state_name = key == name_key(actor.name) and enabled(PLURAL_DEMONYM_PEOPLE)
        if end - start == 1 and not state_name and (self._is_gentilic(head) or listed_plural):
            if not enabled(PLURAL_DEMONYM_PEOPLE):
                return None
            if (
                listed_plural
                or head.tag_ in ("NNPS", "NNS")
                or (head.text.endswith("s") and not head.text.endswith("ss") and head.dep_ != "amod")
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
            start if styled is None else styled,
            end,
            "alias" if key in actor.cities else "name",
            head.i,
            (start, end),
            kb=actor,
            kind="country",
        )

    def _state_style_start(self, start: int) -> Optional[int]:
        """Where a state's formal style before its name starts ("Kingdom of" in "the Kingdom of
        Morocco", "Islamic Republic of"), or None when no style precedes it."""
        doc = self.doc
        if start < 2 or doc[start - 1].lower_ != "of":
            return None
        i = start - 1
        while i > 0 and (doc[i - 1].lower_ in STATE_STYLE_WORDS or doc[i - 1].tag_ == "POS" and i > 1):
            i -= 1
        if not any(doc[k].lower_ in STATE_STYLE_HEADS for k in range(i, start - 1)):
            return None
        return i

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
        modifiers_start, modifiers = self.finder.title_before(self.doc, start, sent.start, set(), self.day)
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
        out: list[Candidate] = []
        if not enabled(ACTOR_INSIDE_TITLE):
            return out
        for cand in names:
            k = cand.start
            while k < cand.core[0]:
                end, actors = kb_name_in_title(self.finder, self.doc, k, cand.core[0])
                for actor in actors:
                    if actor.kind in MODIFIER_KINDS:
                        last = self.doc[end - 1]
                        how = "adjective" if self._is_gentilic(last) and actor.kind != "organization" else "name"
                        out.append(Candidate(k, end, how, end - 1, (k, end), kb=actor, kind=actor.kind, nested=True))
                    break
                k = end
        return out


def kb_name_in_title(finder, doc, k: int, limit: int) -> tuple[int, list[KBActor]]:
    """(end, actors) of the KB name at token k of a title or description: the longest, when it is a
    country's name of several words ("South Sudanese", "North Korean": rule whole-name-in-title), else
    the word's own."""
    if enabled(WHOLE_NAME_IN_TITLE) and is_capitalised(doc[k]):
        match = finder.longest_name_at(doc, k, limit)
        if match is not None and match[0] - k > 1 and any(a.kind == "country" for a in match[1]):
            return match[0], [a for a in match[1] if a.kind == "country"]
    return k + 1, finder.kb_word(doc, k)


@functools.lru_cache(maxsize=8192)
def _place_after_locative(span) -> bool:
    """Rule place-after-locative: the span is the whole object of 'in', 'near', 'across' ... and the
    gazetteer knows it by a main name as a town, district or region."""
    root = span.root
    if root.dep_ != "pobj" or root.head.lower_ not in LOCATIVE_PREPOSITIONS:
        return False
    if root.head.head.lemma_.lower() in NOT_PLACE_BEFORE_IN:
        return False  # "confidence in Santos": a person, whatever town shares the name
    if any(t.i < span.start or t.i >= span.end for t in root.subtree if not (t.dep_ == "det")):
        return False  # "in Ruto's government": more than the name
    return any(feature in ("city", "district", "region") for feature, _ in strong_places(span.text))


def strong_places(text: str) -> frozenset[tuple[str, str]]:
    """(feature, country) of every place the places gazetteer (the authority on places) knows `text`
    by a main name: the one lookup the questions below read."""
    from diurna.places.gazetteer import load

    return frozenset((c.entry.feature, c.entry.country) for c in load().candidates(text) if c.strong)


def names_another_place(text: str, country: str) -> bool:
    """Whether the gazetteer knows `text` by a main name as a region or district of `country`, or as
    another country or territory, and not as `country` itself or one of its towns (rule
    region-not-state)."""
    strong = strong_places(text)
    if any(c == country and f in ("country", "city") for f, c in strong):
        return False
    return any(f in ("region", "district") and c == country or f == "country" for f, c in strong)


def names_a_place_within(text: str, country: str) -> bool:
    """Whether the gazetteer knows `text` by a main name as a town, district or region of `country`
    and never as a country (rule place-as-family-name: 'Farah', not 'Afghanistan')."""
    strong = strong_places(text)
    if any(f == "country" for f, _ in strong):
        return False
    return any(c == country and f in ("city", "district", "region") for f, c in strong)


@functools.lru_cache(maxsize=8192)
def is_known_place(text: str) -> bool:
    """Whether the places gazetteer knows `text` by a main name (rule place-surname)."""
    from diurna.places.gazetteer import load

    return load().has_strong_name(text)


def place_country(text: str) -> Optional[str]:
    """The one country of every town, district or region the gazetteer knows `text` by a main name,
    or None (rule place-possessor-country)."""
    strong = strong_places(text)
    countries = {c for f, c in strong if f in ("city", "district", "region")}
    if len(countries) != 1 or any(f == "country" for f, _ in strong):
        return None
    return countries.pop()
