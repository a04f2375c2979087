"""Coreference: which actor of the article a mention is, as named rules in an explicit order.

`ATTACH_RULES` lists them in the order they are consulted; a rule is asked only about the mentions
it applies to (pronouns, handles, descriptions with no KB actor, names), and the first one that
finds an actor decides. A mention no rule attaches is dropped: no actor is better than a wrong one.
Each rule is registered with an example (diurna/actors/rules.py) and can be switched off by name.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass
from typing import Callable, Iterable, Optional

from diurna.actors.anaphora import COUNTRY_ANAPHOR
from diurna.actors.collective import ARMED_GROUP_MEMBERS, IT_SUBJECT, ORGANISATION_ANAPHOR, is_neuter_subject
from diurna.actors.descriptions import ANAPHORIC_OWNER_OWNS_ROLE
from diurna.actors.draft import DraftActor, acronyms_of, compact_name, handle_name, kb_coded, surname_only
from diurna.actors.dyads import (
    EACH_OTHER,
    PAIR_PRONOUN,
    STORY_DYAD,
    is_each_other_mention,
    is_plural_pronoun,
    is_story_dyad_mention,
)
from diurna.actors.gender import given_name_gender
from diurna.actors.generic import GENERIC_ACTOR
from diurna.actors.kb import KBActor, name_key
from diurna.actors.mentions import ANAPHORIC_GROUP_HEADS, CIVILIAN_OFFICE, HOLDER_KIND_WORDS, Candidate
from diurna.actors.rules import enabled, register
from diurna.actors.words import GENERIC_ORGANISATION_HEADS, NONSTATE_SECTORS, OFFICE_TITLES, PEOPLE_SECTORS
from diurna.nlp.syntax import in_main_clause, relative_antecedent

PRONOUN_WINDOW = 2  # sentences back a pronoun may look
DESCRIPTION_WINDOW = 6  # sentences back a definite description may look

RELATIVE_ANTECEDENT = register(
    "relative-antecedent",
    "Bruce Turry, who owns the bakery, said prices would rise. Hamas, which controls Gaza, fired rockets.",
    "A relative pronoun ('who', 'whom', and 'which' or 'that' heading the clause's subject or object) is "
    "a mention of the noun its clause hangs on, when that noun is an actor's mention, so whatever the "
    "clause says or does is that actor's ('a law that bans protests': no actor). The events stage asks "
    "this mention instead of resolving the pronoun again.",
)
PRONOUN_ANTECEDENT = register(
    "pronoun-antecedent",
    "Hassan Rouhani spoke in Tehran. He said the deal would hold.",
    "A pronoun is the most salient earlier actor within two sentences that agrees in number and "
    "gender: subjects and recent mentions first, the article's own voice before quotations.",
)
PRONOUN_NOT_OWN_SUBJECT = register(
    "pronoun-not-own-subject",
    "Maria Lopez phoned Ana Ruiz and told her the news.",
    "An object pronoun never refers to the subject of its own clause ('him' would be 'himself').",
)
HANDLE_OWNER = register(
    "handle-owner",
    "Hillary Clinton said on Monday ... @HillaryClinton wrote that the vote was rigged.",
    "A social-media handle is a mention of the person or organisation whose name it spells.",
)
APPOSED_DESCRIPTION = register(
    "apposed-description",
    "Mr. Halvorsen, a retired teacher from Bergen, said the vote had been fair.",
    "A description in apposition to a mention is that mention's actor.",
)
COORDINATED_APPOSITION = register(
    "coordinated-apposition",
    "Lena Ortiz, a retired judge and a writer who covered the trial, spoke first.",
    "A description coordinated with an apposed one ('a retired judge and a writer') is in apposition "
    "too: the same person (rule apposed-description), not a second actor. Not a description "
    "coordinated with the name itself ('Ana Silva, a teacher, and a journalist': two people), nor a "
    "list of places or bodies ('occupied Parliament, the city hall and the central bank'), nor members of a plural "
    "('two bosses, the president and the defence secretary'), nor a list with commas or 'or'.",
)
DESCRIPTION_ANTECEDENT = register(
    "description-antecedent",
    "Free Syrian Army fighters entered the town. The rebel group said it had met no resistance.",
    "A definite description, or a crowd noun with no country, refers back to the most recent earlier "
    "actor that agrees with it in kind, country, office and sector.",
)
WITNESSES_NOT_THE_CROWD = register(
    "witnesses-not-the-crowd",
    "Protesters clashed with police on Sunday. Residents said the police fired live rounds.",
    "Residents, mourners and worshippers are a crowd of their own kind: such a noun refers back only "
    "to a group the article named with the same noun, not to the protesters or the opposition "
    "supporters before it ('Residents said' is a witness's account, not the protesters' own).",
)
# witnesses-not-the-crowd: crowd nouns (lemmas) that name a crowd of their own kind
OWN_KIND_CROWDS = frozenset({"resident", "mourner", "worshipper", "worshiper"})
STATE_FORCE_NOT_ARMED_GROUP = register(
    "state-force-not-armed-group",
    "The Taliban said they would keep fighting. The Afghan army moved into the valley on Sunday.",
    "A description of a state's military ('the Afghan army', 'the Malian military': a country and "
    "the MIL sector in its own words) does not refer back to a non-state armed group of that country "
    "(rebels, militias, insurgents): the state's army is the group's enemy, not the group.",
)
# state-force-not-armed-group: the sectors of armed groups that are not a state's forces
ARMED_NONSTATE_SECTORS = frozenset({"REB", "UAF", "IMG", "INS", "SEP", "RAD"})
STATE_ARMY_WORD_NOT_ARMED_GROUP = register(
    "state-army-word-not-armed-group",
    "Troops freed 20 hostages held by Boko Haram on Monday. The army said the hostages were safe.",
    "'The army', 'the military' with no country of its own are the state's forces too (as in "
    "state-force-not-armed-group): they do not refer back to a rebel or jihadist group named before "
    "('the army said' after Boko Haram was Boko Haram), unless the word is in that group's own name "
    "('the Arakan Army ... the army').",
)
# state-army-word-not-armed-group: nouns for a state's own armed forces
STATE_ARMY_WORDS = frozenset({"army", "military"})
DESCRIPTION_NOT_OWN_SUBJECT = register(
    "description-not-own-subject",
    "Over 100 government soldiers surrendered to the armed group on Monday.",
    "A description that is the object of a verb ('surrendered to the armed group', 'the police arrested "
    "the officers') does not refer back to that verb's own subject: no one surrenders to themselves "
    "(issue #21: no false merges; the description's own rule, as pronoun-not-own-subject for 'him').",
)
SOLE_NAMED_PERSON = register(
    "sole-named-person",
    'Dr. Raymond Pell ran for the State Senate. "We lost," the retired neurosurgeon said.',
    "A definite singular person description refers to the one person the story named in the last "
    "sentences (not in this one), unless gender, country or office rule it out; with several named, "
    "to the one an earlier description of the same noun was of, or the only main-clause subject.",
)
SOLE_NAMED_ORGANISATION = register(
    "sole-named-organisation",
    "Amnesty International called the verdict a travesty. The group said it would appeal.",
    "A definite singular generic organisation noun ('the group', 'the newspaper') refers to the one "
    "organisation the story named in the last sentences.",
)
EARLIER_NAME = register(
    "earlier-name",
    "Hamas leader Yahya Sinwar appeared at a rally in Gaza. Sinwar said the blockade must end.",
    "A name that is a short form of a name the article already gave an actor (surname, surname with "
    "particle) is that actor, before the KB is asked: in-article evidence beats a dictionary synonym.",
)
MENTIONS_AGREE = register(
    "mentions-agree",
    "Bill Clinton opened the conference. Mrs. Clinton said the campaign would go on.",
    "Two mentions are one actor only when what each says agrees: a name's title does not give "
    "another gender, another country or (for a KB name) another kind than the actor it would join; "
    "a person description does not give another gender (issue #21: no false merges).",
)
SURNAME_ALONE = register(
    "surname-alone",
    '"Mr. Zuckerberg, would you share that?" Mark Zuckerberg paused.',
    "A full name whose surname an earlier person was only ever called by is that person.",
)
ACRONYM = register(
    "acronym",
    "The Rapid Support Forces (RSF) shelled the camp. The RSF denied targeting civilians.",
    "An organisation's acronym and its full name are one actor within an article: the initials of "
    "its capitalised words, or the acronym the text puts in parentheses after the name, either way "
    "round; the article's own definition beats two separate KB entries (ECOWAS).",
)
NAMED_ACTOR = register(
    "named-actor",
    "Hamas said on Sunday that talks had stalled.",
    "A name nothing earlier claims is its KB actor (one actor per KB id in the article), else a new "
    "person or organisation of that name.",
)


def _is_relative(cand: Candidate) -> bool:
    return cand.how == "pronoun" and cand.kind == "relative"


def _is_pronoun(cand: Candidate) -> bool:
    # "it": collective.py; "both countries", "each other": dyads.py
    return cand.how == "pronoun" and cand.kind not in ("relative", "neuter", "dyad", "reciprocal")


def _is_handle(cand: Candidate) -> bool:
    return cand.how == "handle"


def _is_open_description(cand: Candidate) -> bool:
    """A description that does not name a KB actor itself (unlike "a Hamas delegation")."""
    return cand.how == "description" and cand.kb is None


def _is_state_anaphor(cand: Candidate) -> bool:
    return cand.how == "description" and cand.kind == "country"


def _is_name(cand: Candidate) -> bool:
    return not (cand.how in ("pronoun", "handle") or _is_open_description(cand))


def _coordinated_apposition(cand: Candidate, head) -> bool:
    """Rule coordinated-apposition: a singular person description coordinated with an apposed one
    ("Ramos, a senator and a lawyer"); not a list of places or bodies the parser hung on a name
    ("occupied Parliament, the city hall and the central bank")."""
    return (
        head.dep_ == "conj"
        and head.head.dep_ == "appos"
        and cand.kind == "person"
        and not cand.plural
        and head.head.tag_ == "NN"
        and head.head.head.tag_ not in ("NNS", "NNPS")  # "two bosses, the president and the secretary"
        and _joined_by_and_alone(head.head, head)
        and enabled(COORDINATED_APPOSITION)
    )


def _joined_by_and_alone(first, conj) -> bool:
    """Rule coordinated-apposition: "a senator and a lawyer": "and" with no comma between the two
    descriptions; "a sitting president, vice president, or former president" is a list of others."""
    between = first.doc[first.i + 1 : conj.i]
    return any(t.lower_ == "and" and t.dep_ == "cc" for t in between) and not any(
        t.text in (",", ";") or t.lower_ in ("or", "nor") for t in between
    )


@dataclass(frozen=True)
class AttachRule:
    name: str  # the rule's name in diurna/actors/rules.py
    applies: Callable[[Candidate], bool]  # which mentions it is asked about
    find: str  # the Coreference method that finds the actor


ATTACH_RULES = (
    AttachRule(RELATIVE_ANTECEDENT, _is_relative, "relative_antecedent"),
    AttachRule(PAIR_PRONOUN, is_plural_pronoun, "pair_pronoun_actors"),  # dyads.py
    AttachRule(PRONOUN_ANTECEDENT, _is_pronoun, "pronoun_antecedent"),
    AttachRule(IT_SUBJECT, is_neuter_subject, "it_antecedent"),
    AttachRule(EACH_OTHER, is_each_other_mention, "each_other_actors"),  # two actors: dyads.py
    AttachRule(STORY_DYAD, is_story_dyad_mention, "story_dyad_actors"),
    AttachRule(HANDLE_OWNER, _is_handle, "handle_owner"),
    AttachRule(COUNTRY_ANAPHOR, _is_state_anaphor, "country_antecedent"),
    AttachRule(APPOSED_DESCRIPTION, _is_open_description, "apposed_actor"),
    AttachRule(ORGANISATION_ANAPHOR, _is_open_description, "organisation_antecedent"),  # collective.py
    AttachRule(ARMED_GROUP_MEMBERS, _is_open_description, "armed_group_antecedent"),  # collective.py
    AttachRule(DESCRIPTION_ANTECEDENT, _is_open_description, "description_antecedent"),
    AttachRule(SOLE_NAMED_PERSON, _is_open_description, "sole_named_person"),
    AttachRule(SOLE_NAMED_ORGANISATION, _is_open_description, "sole_named_organisation"),
    AttachRule(GENERIC_ACTOR, _is_open_description, "generic_actor"),
    AttachRule(EARLIER_NAME, _is_name, "earlier_name"),
    AttachRule(SURNAME_ALONE, _is_name, "earlier_surname_alone"),
    AttachRule(ACRONYM, _is_name, "acronym_of_earlier"),
    AttachRule(NAMED_ACTOR, _is_name, "named_actor"),
)


class Coreference:
    """Mixin of the article resolver (resolve.ArticleResolver): which actor each mention is."""

    def attach(self, cand: Candidate) -> None:
        """Record the mention on the actor the first applicable rule finds (in `ATTACH_RULES` order);
        a rule may find two ("both countries"): the mention is then each one's."""
        if _is_open_description(cand) and enabled(ANAPHORIC_OWNER_OWNS_ROLE):
            self.take_anaphoric_owner(cand)  # descriptions.py: "the group's spokesman" is Hamas's
        for rule in ATTACH_RULES:
            if rule.applies(cand) and enabled(rule.name):
                found = getattr(self, rule.find)(cand)
                if found is not None:
                    for actor in found if isinstance(found, tuple) else (found,):
                        self.record(actor, cand, rule.name)
                    return

    def earlier_name(self, cand: Candidate) -> Optional[DraftActor]:
        key = self._core_key(cand)
        return self._as_alias(cand, self.earlier_by_name(key, cand), key)

    def earlier_surname_alone(self, cand: Candidate) -> Optional[DraftActor]:
        key = self._core_key(cand)
        return self._as_alias(cand, self._earlier_by_surname_alone(key, cand), key)

    def _core_key(self, cand: Candidate) -> str:
        return name_key(self.doc[cand.core[0] : cand.core[1]].text)

    @staticmethod
    def _as_alias(cand: Candidate, earlier: Optional[DraftActor], key: str) -> Optional[DraftActor]:
        """A name the actor was not given before is one of its aliases ("Aruri" for "Salah al-Aruri")."""
        if earlier is not None and cand.how == "name" and key not in earlier.names_lower():
            cand.how = "alias"
        return earlier

    def acronym_of_earlier(self, cand: Candidate) -> Optional[DraftActor]:
        """The organisation or group of this article whose acronym this name is, or which was named
        by this name's acronym (rule acronym)."""
        if cand.kind not in ("organization", "group") or cand.nested or cand.demonym:
            return None
        keys = acronyms_of(self.doc[cand.core[0] : cand.core[1]])
        if not keys:
            return None
        holders = {id(a): a for key in keys for a in self._actors_by_acronym.get(key, ())}
        if not holders:
            return None
        latest = max(holders.values(), key=lambda a: self._position[a.key])  # the most recently named
        return self._as_alias(cand, latest, self._core_key(cand))

    def named_actor(self, cand: Candidate) -> Optional[DraftActor]:
        key = self._core_key(cand)
        if cand.kb is not None:
            # a demonym's draft is the country's, kept for when the country is named: of the KB's
            # kind ("Malians ... northern Mali" made Mali a group, given a learned sector)
            kind = cand.kb.kind if cand.demonym else cand.kind or cand.kb.kind
            actor = self._draft("kb:" + cand.kb.id, kind)
            actor.kb = cand.kb
        elif cand.kind == "person" or cand.kind == "organization":
            actor = self._draft("name:" + key, cand.kind)
        else:
            return None
        if cand.demonym:
            # "Iranians": the people, a generic actor (the country's draft above keeps its place in
            # the article's order for when the country itself is named)
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
        spellings = {compact, compact_name(" ".join(words))} - {""}
        for actor_key in reversed(self.order):
            actor = self.actors[actor_key]
            if actor.kind in ("person", "organization") and any(
                compact_name(name) in spellings for name in actor.names
            ):
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
            person_over_group = self._person_over_group(actor, cand)
            if (
                cand.kb is not None
                and actor.kb is not None
                and cand.kb.id != actor.kb.id
                and key in (cand.kb.names or ())
                and not person_over_group
            ):
                continue
            if key in actor.name_keys and (person_over_group or self._name_agrees(actor, cand)):
                return actor
        return None

    def _gender_and_country_agree(self, actor: DraftActor, cand: Candidate) -> bool:
        """Neither the mention's gender nor its title's country contradicts the actor's."""
        gender = cand.gender or cand.title.gender
        if gender and actor.gender and gender != actor.gender:
            return False
        country, _ = self.coded(actor)
        return not (cand.title.country and country and cand.title.country != country)

    def _name_agrees(self, actor: DraftActor, cand: Candidate) -> bool:
        """Rule mentions-agree for a name: its gender, country and (for a KB name or a country) kind
        do not contradict the earlier actor's ("Mrs. Clinton" is not Bill Clinton)."""
        if not enabled(MENTIONS_AGREE):
            return True
        if not self._gender_and_country_agree(actor, cand):
            return False
        # the tagger's person/organisation labels are noisy; the KB's kinds are not
        return not (
            cand.kind
            and cand.kind != actor.kind
            and (cand.kb is not None or cand.kind not in ("person", "organization"))
        )

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
                and all(surname_only(name) == words[-1] for name in actor.names)
            ):
                return actor
        return None

    def apposed_actor(self, cand: Candidate) -> Optional[DraftActor]:
        """ "Ms Rivera, a teacher in Bogota", "the party chairman, Freeman Mbowe" (the name read first,
        resolve.NAME_BEFORE_APPOSED_DESCRIPTION): the description is in apposition to a mention."""
        head = self.doc[cand.head]
        anchors = [head.head.i] if head.dep_ == "appos" else []
        if _coordinated_apposition(cand, head):
            anchors.append(head.head.head.i)  # "Ramos, a senator and a lawyer": "lawyer" is Ramos too
        anchors += [c.i for c in head.children if c.dep_ == "appos" and c.i >= cand.end]
        for actor in self.actors.values():
            if any(s <= anchor < e for s, e, _ in actor.mentions for anchor in anchors):
                return actor
        return None

    def description_antecedent(self, cand: Candidate) -> Optional[DraftActor]:
        """The earlier actor a definite description ("the Iranian president"), or a crowd noun with no
        country ("Protesters"), refers back to."""
        title = cand.title
        if not cand.definite and not (cand.crowd and title.country is None):
            return None
        window = PRONOUN_WINDOW if cand.crowd else DESCRIPTION_WINDOW
        head = self.doc[cand.head]
        own_subject = self._clause_subject(head) if self._an_object(head) else None
        # rule civilian-office: "the civilian leaders" are none of the leaders never called civilian
        kinds = {t.lower_ for t in head.lefts if t.lower_ in HOLDER_KIND_WORDS} if enabled(CIVILIAN_OFFICE) else set()
        for actor in self._recent(window):
            if own_subject is not None and any(s <= own_subject < e for s, e, _ in actor.mentions):
                continue
            if kinds and not any(kinds & set(d.lower().split()) for d in actor.descriptions):
                continue
            if self._description_fits(actor, cand):
                return actor
        return None

    @staticmethod
    def _an_object(head) -> bool:
        """Rule description-not-own-subject applies: an object of a verb, not a predicate ('served as
        the country's first leftist president') nor the subject of an absolute phrase ('with the
        group retaliating with rockets')."""
        if head.dep_ not in ("dobj", "pobj", "dative") or not enabled(DESCRIPTION_NOT_OWN_SUBJECT):
            return False
        if head.dep_ == "pobj" and head.head.lower_ == "as":
            return False
        return not any(c.dep_ == "acl" for c in head.children)

    def sole_named_organisation(self, cand: Candidate) -> Optional[DraftActor]:
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

    def sole_named_person(self, cand: Candidate) -> Optional[DraftActor]:
        """'Dr. Raymond Pell ran for the State Senate. ... "...," the retired neurosurgeon said': news
        names a person, then refers back with a description the KB cannot check. A definite singular
        person description refers to the one person the story named in the last sentences (and not in
        this one), when no other named person, a different gender or a different office rules it out."""
        if cand.kind != "person" or cand.plural or not cand.definite:
            return None
        actor = self._sole_named(cand, "person") or self._one_of_the_named(cand)
        if actor is None or not self._gender_and_country_agree(actor, cand):
            return None
        offices = {w for w in cand.title.words if w in OFFICE_TITLES}
        held = {w for w in actor.titles if w in OFFICE_TITLES}
        if offices and held and not offices & held:
            return None  # 'Senator Warren ... the governor said': another office, another person
        return actor

    def coded(self, actor: DraftActor) -> tuple[Optional[str], Optional[str]]:
        """(country, sector) of an actor as it will be coded: a KB actor's role on the day."""
        if actor.kb is not None:
            return kb_coded(actor, self.day)
        return actor.country, actor.sector

    def _description_fits(self, actor: DraftActor, cand: Candidate) -> bool:
        title = cand.title
        country, sector = self.coded(actor)
        if title.country and country and title.country != country:
            return False
        if title.country and actor.kb is None and actor.prefix is not None:
            return False  # "the junta in Niger" is not the stateless "Kurdish forces" before it
        if cand.crowd:
            lemma = self.doc[cand.head].lemma_.lower()
            if lemma in OWN_KIND_CROWDS and lemma not in actor.heads and enabled(WITNESSES_NOT_THE_CROWD):
                return False  # "Residents said": witnesses, not the protesters before them
            return actor.kind == "group" and actor.kb is None and actor.sector in PEOPLE_SECTORS
        if cand.kind == "person":
            if actor.kind != "person":
                return False
            gender = cand.gender or title.gender
            if gender and actor.gender and gender != actor.gender and enabled(MENTIONS_AGREE):
                return False  # "the congresswoman" is not the senator named before her
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
        if actor.kb is None and actor.names and not actor.heads and enabled(MENTIONS_AGREE):
            # a named organisation the KB does not know is referred back to by a word of its name
            # ("the Free Syrian Army ... the army"), not by any noun of its sector ("RSF ... the army")
            words = {w for name in actor.names for w in name_key(name).split()}
            if head.lower_ not in words and head.lemma_.lower() not in words:
                return False
        if (
            title.country is not None
            and title.sector == "MIL"
            and sector in ARMED_NONSTATE_SECTORS
            and enabled(STATE_FORCE_NOT_ARMED_GROUP)
        ):
            return False  # "the Afghan army" is not the Taliban named before it
        if (
            head.lemma_.lower() in STATE_ARMY_WORDS
            and title.country is None  # with one, state-force-not-armed-group decides
            and sector in ARMED_NONSTATE_SECTORS
            and not any(head.lemma_.lower() in name_key(name).split() for name in actor.names)
            and enabled(STATE_ARMY_WORD_NOT_ARMED_GROUP)
        ):
            return False  # "the army said" is not Boko Haram named before it
        if title.sector in NONSTATE_SECTORS:
            return sector in NONSTATE_SECTORS or (sector is None and actor.kind == "organization")
        return bool(title.sector) and sector == title.sector

    def relative_antecedent(self, cand: Candidate) -> Optional[DraftActor]:
        """The actor a relative clause hangs on ("Bruce Turry, who ..." -> Bruce Turry), if any."""
        noun = relative_antecedent(self.doc[cand.head].head)  # "police and students who ...": the students
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
        clause_subject = (
            self._clause_subject(pron)
            if pron.dep_ in ("dobj", "pobj", "dative") and enabled(PRONOUN_NOT_OWN_SUBJECT)
            else None
        )
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
            if self.pronoun_rules_out(actor, cand, pron):  # anaphora.py: media, addressees
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
