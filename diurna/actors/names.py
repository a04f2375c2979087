"""Where the names of actors are in a sentence: KB names, the tagger's entities and the names it
misses, each step a named rule (diurna/actors/rules.py), applied in the order of
`NameSpans.name_candidates`. What kind of actor a found name is, is decided in `name_kinds.py`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Optional

from diurna.actors.descriptions import LOCATED_INSTITUTION, SUPPORTER_HEADS, _former_member, _party_member
from diurna.actors.gender import given_name_gender, is_given_name
from diurna.actors.kb import EAST_ASIAN_FAMILY_NAMES, KBActor, family_name_first, name_key
from diurna.actors.mentions import (
    ENTITY_KINDS,
    FEMALE_TITLES,
    MALE_TITLES,
    MODIFIER_KINDS,
    Candidate,
    in_actor_position,
    is_capitalised,
)
from diurna.actors.name_kinds import names_a_place_within
from diurna.actors.rules import enabled, register
from diurna.actors.surnames import KB_SURNAME, KBSurnames
from diurna.actors.words import (
    HONORIFICS,
    LAW_WORDS,
    MILITARY_OBJECTIVES,
    NO_ACTOR_LABELS,
    NOMINAL_ROLES,
    OFFICE_TITLES,
    PLATFORM_CHANNEL_NOUNS,
    PLATFORMS,
    THING_HEADS,
    TIME_ZONES,
    TITLE_ABBREVIATIONS,
)
from diurna.nlp.index import entities_of

if TYPE_CHECKING:
    from spacy.tokens import Span

# A name span: token start, end, the KB actors of that name (None: not a KB name) and the tagger's
# entity label (None for a KB name).
NameSpan = tuple[int, int, Optional[list[KBActor]], Optional[str]]

KB_NAME = register(
    "kb-name",
    "Hamas said on Sunday that talks had stalled.",
    "The longest name the knowledge base lists, with a capitalised word, is a mention of its actor.",
)
KB_NAME_PREFIX = register(
    "kb-name-prefix",
    "Libyan Prime Minister Abdul Hamid Dbeibah said the oil fields would reopen.",
    "A KB person's name that is only the start of a longer personal name in the text ('Abdul Hamid' "
    "of 'Abdul Hamid Dbeibah') is somebody else: the person entity's full name decides.",
)
PEOPLE_ENTITY = register(
    "people-entity",
    "Palestinian Arabs protested across the region.",
    "A nationality with a plural people noun is one group, not the nationality's country, which the "
    "KB would otherwise find on its own at the adjective.",
)
ENTITY_NAME = register(
    "entity-name",
    "Maria Ortega, a nurse, said the clinic had closed.",
    "A person, organisation or nationality entity the KB does not list is still an actor's name.",
)
SURNAME_READ_AS_PLACE = register(
    "surname-read-as-place",
    "Sarah Palin spoke in Alaska. Palin has posted a video since.",
    "A one-word entity the article already used as a person's surname is that person, whatever "
    "label the small model gave it.",
)
FORMER_MEMBER = register(
    "former-member-description",
    "Lauren Fisk, a former Marine, said the base was unsafe.",
    "'a former Marine' is a person described by the corps they served in, not the organisation.",
)
LOWERCASE_ENTITY = register(
    "lowercase-entity-no-name",
    "Priya Raman opened her bakery in 2009. “Nobody is buying wedding cakes,” the 52-year-old baker said.",
    "An entity of lower-case words only is a description the model tagged, not a name.",
)
LAW_NAME = register(
    "law-name",
    "Protesters said the Finance Bill 2024 would raise taxes on bread.",
    "A name ending in a law's or an agreement's word ('Bill', 'Act', 'Accord', a year or number "
    "after it) names a text, not an actor, whatever label the tagger gave it (issue #21).",
)
NAME_OF_A_THING = register(
    "name-of-a-thing",
    "Biden revoked the permit for the Keystone XL pipeline; Ruto praised the Lapsset corridor project.",
    "A name the KB does not know, written before a lower-case noun for a thing ('pipeline', 'project', "
    "'initiative', 'dam', 'vaccine') that it modifies, is that thing's name, not an actor that could act "
    "or be acted on (issue #21: things are not actors).",
)
TIME_ZONE = register(
    "time-zone",
    "The ceasefire took effect at 0200 GMT on Wednesday.",
    "A time zone's abbreviation, which the tagger reads as an organisation, is no actor.",
)
PLATFORM_AS_CHANNEL = register(
    "platform-as-channel",
    "Vyacheslav Gladkov, the regional governor, said on Telegram that the drone struck several vehicles.",
    "A social platform named as where a statement was made ('on Telegram', 'via X', 'his Telegram "
    "channel') is the channel, not an actor (issue #21: things are not actors); 'Twitter suspended "
    "the account' keeps the company.",
)
EAST_ASIAN_NAME = register(
    "east-asian-name",
    "South Korea's Ahn Cheol-soo declared martial law. Ahn said the opposition was paralysing the government.",
    "A name written family name first is one person's, whatever label the model gave it.",
)
HYPHENATED_GIVEN_NAME = register(
    "hyphenated-given-name",
    "Jean-Pierre Mbala returned to Kinshasa on Sunday.",
    "A one-word KB person's name glued by a hyphen to a capitalised word before a surname ('Jean' in "
    "'Jean-Pierre Mbala', 'Jean-Luc Melenchon') is half of another person's given name, not the KB's "
    "person of that name (the Grand Duke Jean of Luxembourg).",
)
PARTICLE_AFTER_GIVEN_NAME = register(
    "particle-after-given-name",
    "Marine Le Pen said the vote was rigged; Jean-Marie Le Pen agreed.",
    "'Le', 'Ma', 'Lee' after a given name of the same personal name are part of a surname ('Le Pen', "
    "'Le Drian'), not the family name that opens a name written family name first (rule east-asian-name).",
)
PEOPLE_NAME_MODIFIER = register(
    "people-name-modifier",
    "Karen rebels attacked an army post; Fulani herders and Dogon hunters clashed near Mopti.",
    "A one-word name the KB does not know before a plural noun for armed or community groups (rebels, "
    "separatists, militants, fighters, herders, hunters, villagers) names the people the group is of: "
    "the tagger's person or organisation there ('Karen', 'Dogon') is part of the group's description.",
)
AGENT_WORD_OPENING_SENTENCE = register(
    "agent-word-opening-sentence",
    "Riot police fired tear gas at the crowd. Border guards turned the migrants back.",
    "A sentence's capitalised first word that the tagger calls a name but that, with the nouns after "
    "it, spells an agent of the KB ('Riot police', 'Border guards', 'Security forces', 'Aid workers') "
    "is the first word of that description, no person or organisation ('Riot' was a person, GOV). Not "
    "a word the KB knows as a name ('Hamas fighters' stays Hamas's).",
)
# people-name-modifier: the sectors of the groups a people's name modifies ("Karen rebels", "Dogon hunters")
PEOPLE_GROUP_SECTORS = frozenset({"REB", "UAF", "SEP", "INS", "MIL", "CVL", "OPP", "AGR"})
MISSED_PERSONAL_NAME = register(
    "missed-personal-name",
    '"We will appeal," Representative Elijah Cummings said.',
    "A run of capitalised proper nouns in a noun's place that is a known given name and a surname is "
    "a person's name even when the model tags no entity.",
)
KNOWN_SHORT_FORM = register(
    "known-short-form",
    "Iraqi Prime Minister Haider al-Abadi visited Mosul. Abadi declared victory over the militants.",
    "A capitalised word the article already used as part of a name is that name again.",
)
BARE_GIVEN_NAME = register(
    "bare-given-name",
    "The minister, 52, took over from his father Khalid in 2009.",
    "A lone given name that a KB person is also listed under, with no title, is not that person: "
    "news names people by given name only when the story has introduced them.",
)
PARTIAL_PERSON_NAME = register(
    "partial-person-name",
    "Rifaat al-Assad, the president's exiled uncle, returned to Syria after decades in France.",
    "A KB name that is only part of a longer personal name is not that KB person; the tagger's "
    "longer person entity around it, when the KB does not know that name, is the person meant.",
)
PLACE_AS_GIVEN_NAME = register(
    "place-as-given-name",
    "Alexandria Ocasio-Cortez voted against the bill.",
    "A place's name opening a person entity, followed by a name, is the person's given name.",
)
PLACE_AS_FAMILY_NAME = register(
    "place-as-family-name",
    "Abdi Farah, the district commissioner, condemned the attack.",
    "A name the country dictionaries list for a state (a province or town: Farah, Herat) closing a "
    "person entity after a given name is the person's family name, not the state.",
)
HANDLE_SPELLS_NAME = register(
    "handle-spells-name",
    "Donald Trump wrote that @realDonaldTrump would not concede.",
    "A handle spelling a known name is a mention of that actor (coref's handle-owner), not a new name.",
)
NAME_MODIFIES_DESCRIPTION = register(
    "name-modifies-description",
    "A Hamas delegation arrived in Cairo on Monday.",
    "A KB name modifying a description's head is read with the description ('Hamas delegation' is "
    "Hamas, 'the Kentucky Republican' a party member from there).",
)


class NameSpans(KBSurnames):
    """Mixin of the article resolver (resolve.ArticleResolver): the name mentions of a sentence."""

    def name_candidates(self, sent: "Span", taken: set[int]) -> list[Candidate]:
        """Name spans found by each rule in turn (a later one does not take tokens an earlier one
        took), repaired, then turned into candidates by `name_kinds`."""
        spans = self._kb_name_spans(sent)
        people = self._name_keys(("person",))
        spans = self._entity_spans(sent, spans, people)
        if enabled(EAST_ASIAN_NAME):
            spans = self._east_asian_names(sent, spans)
        if enabled(MISSED_PERSONAL_NAME):
            spans.extend(self._names_the_model_missed(sent, _covered(spans)))
        if enabled(KNOWN_SHORT_FORM):
            spans.extend(self._known_short_forms(sent, _covered(spans), people | self._name_keys(("organization",))))
        if enabled(KB_SURNAME):
            spans = self._kb_surnames(sent, spans)
        spans.sort()
        spans = self._drop_partial_person_matches(sent, spans)
        if enabled(BARE_GIVEN_NAME):
            spans = [self._unless_bare_given_name(span) for span in spans]
        out: list[Candidate] = []
        for start, end, actors, label in spans:
            if self._read_elsewhere(start, end, actors):
                continue
            cand = self.name_candidate(sent, start, end, actors, label)
            if cand is not None:
                out.append(cand)
                taken.update(range(cand.start, cand.end))
        out.extend(self._nested_title_mentions(out, taken))
        return out

    def _unless_bare_given_name(self, span: NameSpan) -> NameSpan:
        """Rule bare-given-name: a lone given name ("his father Omar", "Hassan said") under which the
        KB lists a person whose full name does not contain it (or who has a one-word name), with no
        title before it, is somebody the article names by given name, not the KB person ("King
        Abdullah" keeps its title)."""
        start, end, actors, label = span
        if not actors or end - start != 1 or not all(a.kind == "person" for a in actors):
            return span
        word = self.doc[start]
        if not is_given_name(word.text) or any(word.lower_ in _full_name_words(a.name) for a in actors):
            return span  # "Lula" for Luiz Inacio Lula da Silva: a word of his full name
        before = self.doc[start - 1] if start > 0 else None
        if before is not None and (
            self.kb.agents.get(before.lower_) is not None
            or before.lower_.rstrip(".") in HONORIFICS | MALE_TITLES | FEMALE_TITLES
        ):
            return span
        return (start, end, None, "PERSON")

    def _kb_name_spans(self, sent: "Span") -> list[NameSpan]:
        if not enabled(KB_NAME):
            return []
        peoples = [ent for ent in entities_of(sent) if enabled(PEOPLE_ENTITY) and self._is_people_entity(ent)]
        return [
            (start, end, actors, None)
            for start, end, actors in self.finder.kb_names(sent)
            if not any(ent.start <= start and end <= ent.end for ent in peoples)
            and not self._prefix_of_longer_person(sent, start, end, actors)
            and not (enabled(HYPHENATED_GIVEN_NAME) and _opens_hyphenated_given_name(sent.doc, start, end, actors))
        ]

    def _prefix_of_longer_person(self, sent: "Span", start: int, end: int, actors: list[KBActor]) -> bool:
        """Rule kb-name-prefix: the KB names a person, and the tagger's person entity holding the match
        goes on past it with another proper noun ("Abdul Hamid | Dbeibah")."""
        if not enabled(KB_NAME_PREFIX) or not all(a.kind == "person" for a in actors):
            return False
        return any(
            ent.label_ == "PERSON" and ent.start <= start and end < ent.end and sent.doc[end].pos_ == "PROPN"
            for ent in entities_of(sent)
        )

    def _entity_spans(self, sent: "Span", spans: list[NameSpan], people: set[str]) -> list[NameSpan]:
        """The tagger's person, organisation, nationality and place entities outside the KB names."""
        if not enabled(ENTITY_NAME):
            return spans
        covered = _covered(spans)
        for ent in entities_of(sent):
            if ent.label_ not in ENTITY_KINDS and ent.label_ != "GPE":
                continue
            if any(i in covered for i in range(ent.start, ent.end)):
                continue
            label = ent.label_
            if len(ent) == 1 and label != "PERSON" and ent.root.lower_ in people and enabled(SURNAME_READ_AS_PLACE):
                label = "PERSON"  # 'Sarah Palin ... Palin has posted': the model read the surname as a place
            elif len(ent) == 1 and label in ("ORG", "PERSON") and _former_member(ent.root) and enabled(FORMER_MEMBER):
                continue  # 'a former Marine': a person, read as a description
            if (
                any(t.is_alpha for t in ent)
                and all(t.is_lower for t in ent if t.is_alpha)
                and enabled(LOWERCASE_ENTITY)
            ):
                continue  # 'the 52-year-old baker' tagged PERSON: a description, no name
            if enabled(LAW_NAME) and _names_a_law(ent):
                continue  # "the Finance Bill 2024": a law, not its authors
            if enabled(NAME_OF_A_THING) and _names_a_thing(ent):
                continue  # "the Keystone XL pipeline": a pipeline, not who built it
            if enabled(TIME_ZONE) and ent.text.upper() in TIME_ZONES:
                continue  # "at 0300 GMT": the tagger's organisation is a clock
            if enabled(PEOPLE_NAME_MODIFIER) and self._names_a_groups_people(ent):
                continue  # "Tuareg separatists", "Karen rebels": the group's description, no person
            if enabled(AGENT_WORD_OPENING_SENTENCE) and self._opens_an_agent(sent, ent):
                continue  # "Riot police fired": the description's first word, no person
            spans.append((ent.start, ent.end, None, label))
        return spans

    def _opens_an_agent(self, sent: "Span", ent) -> bool:
        """Rule agent-word-opening-sentence: a one-word entity opening the sentence that the KB does
        not know as a name and that, with the one or two nouns after it, spells a KB agent."""
        if len(ent) != 1 or ent.start != sent.start or self.kb.by_name.get(name_key(ent.text)):
            return False
        doc = sent.doc
        for end in (ent.end + 1, ent.end + 2):
            if end > sent.end or doc[end - 1].pos_ not in ("NOUN", "PROPN"):
                return False
            if self.kb.agents.get(name_key(doc[ent.start : end].text.lower())) is not None:
                return True
        return False

    def _names_a_groups_people(self, ent) -> bool:
        """Rule people-name-modifier: a one-word name the KB does not know, modifying a plural agent noun
        of armed or community groups ("Tuareg separatists", "Karen rebels", "Dogon hunters"), names the
        people the group is of: part of the group's description, not a person or organisation."""
        word, head = ent.root, ent.root.head
        if len(ent) != 1 or word.dep_ not in ("compound", "amod") or head.i != word.i + 1:
            return False
        if (
            head.tag_ not in ("NNS", "NNPS")
            or head.lemma_.lower() in SUPPORTER_HEADS
            or self.kb.by_name.get(name_key(word.text))
        ):
            return False
        agent = self.kb.agents.get(name_key(head.text))
        return agent is not None and agent.sector in PEOPLE_GROUP_SECTORS

    def _read_elsewhere(self, start: int, end: int, actors: Optional[list[KBActor]]) -> bool:
        """A name span another rule reads as part of something else."""
        doc = self.doc
        if (
            end - start == 1
            and doc[start].text.startswith("@")
            and enabled(HANDLE_SPELLS_NAME)
            and self._handle_match(doc[start].text)
        ):
            return True  # a handle spelling a known name is that actor's (handle_candidates)
        if enabled(PLATFORM_AS_CHANNEL) and _platform_as_channel(doc[start:end]):
            return True  # "said on Telegram": where it was said, not who
        if actors is None:
            return False
        if enabled(NAME_MODIFIES_DESCRIPTION) and self._modifies_description(start, end, actors):
            return True  # "Hamas delegation", "Zionist regime": read as part of the description
        # "the junta in Niger": the description is Niger's (read there)
        return enabled(LOCATED_INSTITUTION) and self._locates_description(start, end, actors)

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
                and t.ent_type_ in NO_ACTOR_LABELS
            ):
                run.append(t)
                continue
            if run:
                start, end = self._strip_leading_titles(run[0].i, run[-1].i + 1)
                while start < end and self.doc[start].lower_.rstrip(".") in OFFICE_TITLES | TITLE_ABBREVIATIONS:
                    start += 1
                root = self.doc[start:end].root if end > start else None
                if root is not None and root.dep_ in NOMINAL_ROLES and self._personal_name(start, end):
                    yield (start, end, None, "PERSON")
            run = []

    def _after_a_given_name(self, i: int) -> bool:
        """Rule particle-after-given-name: the word before doc[i] is a given name of the same personal
        name ("Marine Le Pen", "Jean-Yves Le Drian", "Bruno Le Maire"), so doc[i] is a particle of a
        surname, not the family name that opens a name written family name first: a capitalised
        proper noun inside the same PERSON entity that is no title, agent word or KB name ("President
        Yoon Suk Yeol", "Korean Lee Jae-myung" still open there)."""
        if i == 0 or self.doc[i].ent_type_ != "PERSON" or self.doc[i].ent_iob_ != "I":
            return False
        before = self.doc[i - 1]
        key = name_key(before.text)
        return (
            before.pos_ == "PROPN"
            and is_capitalised(before)
            and before.lower_.rstrip(".") not in HONORIFICS | MALE_TITLES | FEMALE_TITLES
            and key not in self.kb.agents
            and key not in self.kb.by_name
        )

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
            if (
                t.lower_ in EAST_ASIAN_FAMILY_NAMES
                and t.pos_ == "PROPN"
                and is_capitalised(t)
                and not (enabled(PARTICLE_AFTER_GIVEN_NAME) and self._after_a_given_name(i))
            ):
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
        if _party_member(head):  # rule party-member
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

    def _drop_partial_person_matches(self, sent, spans):
        """A KB name that is only part of a longer personal name with other given names is not that
        KB person: "Ahmad Khatami" is not "Mohammad Khatami" even if "Khatami" were a KB synonym."""
        kept = []
        for start, end, actors, label in spans:
            if actors is not None and enabled(PARTIAL_PERSON_NAME):
                # the tagger's person entity around the KB name, when the KB does not know it whole
                ent = self._person_entity_around(start, end)
                if ent is not None and self.finder.kb.by_name.get(name_key(ent.text)):
                    ent = None
                if (
                    end - start == 1
                    and all(a.kind == "person" for a in actors)
                    and self._inside_longer_proper_name(start)
                ):
                    # the longer name is somebody else's: that entity, when there is one, is that
                    # person ("Ali Soleimani" is no KB "Soleimani", and no nobody either)
                    if ent is not None:
                        kept.append((ent.start, ent.end, None, "PERSON"))
                    continue
                if ent is not None and (
                    enabled(PLACE_AS_GIVEN_NAME)
                    and self._place_as_given_name(ent, start, end)
                    or enabled(PLACE_AS_FAMILY_NAME)
                    and self._place_as_family_name(ent, start, end, actors)
                    or any(a.kind == "person" for a in actors)
                    and (ent.start < start or ent.end > end)
                    and not self._only_title_words(ent.start, start)
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
            and doc[end].lower_.rstrip(".") not in OFFICE_TITLES | TITLE_ABBREVIATIONS
            and given_name_gender([t.text for t in ent]) is not None
        )

    def _place_as_family_name(self, ent, start: int, end: int, actors: list[KBActor]) -> bool:
        """'Abdi Farah', 'Ahmed Herat': a state's dictionary name (its province or town) closing a
        person entity is the person's family name when the words before it open with a given name and
        hold no title ('Afghan President Ashraf Ghani' is no such entity)."""
        doc = self.doc
        return (
            end == ent.end
            and ent.start < start
            and all(a.kind == "country" for a in actors)
            and all(doc[k].pos_ == "PROPN" for k in range(ent.start, start))
            and not self._only_title_words(ent.start, start)
            and not any(
                doc[k].lower_.rstrip(".") in OFFICE_TITLES | TITLE_ABBREVIATIONS for k in range(ent.start, start)
            )
            and (is_given_name(doc[ent.start].text) or all(self._names_a_place_within(a, start, end) for a in actors))
        )

    def _names_a_place_within(self, actor: KBActor, start: int, end: int) -> bool:
        """Whether the words name a town, district or region of the actor's country (the gazetteer's
        word: 'Farah' is an Afghan province and town), not the country itself."""
        country = self._country_code(actor)
        return country is not None and names_a_place_within(self.doc[start:end].text, country)

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


def _covered(spans: list[NameSpan]) -> set[int]:
    return {i for s, e, _, _ in spans for i in range(s, e)}


def _platform_as_channel(ent: "Span") -> bool:
    """Rule platform-as-channel: a platform's name as the object of "on"/"via"/"through", or
    modifying a channel noun ("Telegram channel", "a Facebook post")."""
    if name_key(ent.text) not in PLATFORMS:
        return False
    root = ent.root
    if root.dep_ == "pobj" and root.head.lower_ in ("on", "via", "through"):
        return True
    return root.dep_ in ("compound", "nmod", "amod") and root.head.lemma_.lower() in PLATFORM_CHANNEL_NOUNS


def _names_a_law(ent: "Span") -> bool:
    """Whether an entity's last word, before any number or year, is a capitalised law word."""
    words = [t for t in ent if t.is_alpha]
    return bool(words) and words[-1].lower_ in LAW_WORDS and words[-1].is_title and ent[-1].i >= words[-1].i


def _names_a_thing(ent: "Span") -> bool:
    """Whether the entity modifies a lower-case thing noun right after it ("Keystone XL | pipeline"),
    or the noun after the one it modifies ("Grand Inga | power project"). The tagger's PERSON label
    cannot tell ("Keystone XL" is one); the thing nouns can: a plan or initiative names its author
    (words.THING_HEADS)."""
    head = ent.root.head
    if head.i == ent.end and head.lower_ not in THING_HEADS and head.head.i == ent.end + 1:
        head = head.head  # "Grand Inga power project": the name modifies "power", which modifies "project"
    return head.i in (ent.end, ent.end + 1) and head.is_lower and head.lower_ in THING_HEADS


# Prepositions after which a name is where something happens, and nouns a place name modifies.
def _full_name_words(name: str) -> set[str]:
    """The words of a KB person's name when it has two or more ("Lula" in "Luiz Inacio Lula da
    Silva"); none for a one-word name ("Hassan": a given name the dictionaries list alone)."""
    words = name_key(name).split()
    return set(words) if len(words) >= 2 else set()


def _opens_hyphenated_given_name(doc, start: int, end: int, actors: list[KBActor]) -> bool:
    """Rule hyphenated-given-name: a one-word KB person's name glued by a hyphen to a capitalised word,
    with a capitalised proper noun after it ("Jean-Pierre Bemba", "Jean-Luc Melenchon"), is the first
    half of someone else's given name ("Biden-Harris administration" is two names and a noun)."""
    if end - start != 1 or end + 2 >= len(doc) or not all(a.kind == "person" for a in actors):
        return False
    hyphen, second, surname = doc[end], doc[end + 1], doc[end + 2]
    return (
        hyphen.text == "-"
        and not doc[start].whitespace_
        and not hyphen.whitespace_
        and second.is_alpha
        and second.text[:1].isupper()
        and surname.pos_ == "PROPN"
        and surname.text[:1].isupper()
    )
