"""Descriptions of actors ("the Iranian president", "riot police", "a Hamas delegation", "the junta
in Niger") and nationality adjectives left over ("Israeli flags"): what each says about its actor,
as named rules (diurna/actors/rules.py).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Optional

from diurna.actors.anaphora import STATE_NOUNS
from diurna.actors.codes import ROLE_SECTORS, split_code
from diurna.actors.collective import ORGANISATION_ANAPHOR, refers_to_organisation
from diurna.actors.kb import KBActor, name_key
from diurna.actors.mentions import (
    ANAPHORIC_GROUP_HEADS,
    COLLECTIVE_HEADS,
    CROWD_HEADS,
    DEFINITE,
    MODIFIER_KINDS,
    NON_PERSON_HEADS,
    NON_PERSON_PHRASES,
    ORGANISATION_PART_HEADS,
    Candidate,
    is_capitalised,
)
from diurna.actors.name_kinds import ORGANISATION_WORD_NAME, PART_OF_LARGER_NAME, kb_name_in_title, place_country
from diurna.actors.rules import enabled, register
from diurna.actors.words import (
    DETENTION_PLACES,
    FOREIGN_POSTS,
    MILITARY_OBJECTIVES,
    ORGANISATION_WORDS,
    PARTY_ADJECTIVES,
    PARTY_MEMBER_HEADS,
    PARTY_ROLE_HEADS,
    WEAPONS,
)

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

AGENT_DESCRIPTION = register(
    "agent-description",
    "Riot police fired tear gas at the crowd.",
    "A noun phrase headed by an agent word ('police', 'president') or a collective with an owner "
    "('Muslim nations') is a mention of an actor, coded by what its modifiers say.",
)
ARMED_MODIFIER = register(
    "armed-modifier",
    "Turkish jets struck Kurdish militant targets in northern Iraq.",
    "An agent word modifying a military objective ('militant targets', 'rebel positions') stands for "
    "the group that holds it.",
)
AGED_OR_FORMER_PERSON = register(
    "aged-or-former-person",
    "Priya Raman opened her bakery in 2009. “Nobody is buying wedding cakes,” the 52-year-old baker said.",
    "An age, or 'former' before a capitalised noun, says a noun is a person whatever the agent dictionary knows of it.",
)
PARTY_MEMBER = register(
    "party-member",
    "Mitch McConnell spoke first. The Kentucky Republican said the bill would pass.",
    "'the Kentucky Republican', 'the Democratic nominee': one party member, described by state or by "
    "the role the party gave them.",
)
PREDICATED_ROLE = register(
    "predicated-role",
    "He said he had always wanted to be commander in chief.",
    "A role predicated of someone with no determiner ('to be commander in chief') refers to no one.",
)
POSSESSOR_COUNTRY = register(
    "possessor-country",
    "Kenya's police said the march was illegal.",
    "A country in the possessive owns the description it precedes.",
)
ORGANISATION_PART = register(
    "organisation-part",
    "A Hamas delegation arrived in Cairo on Monday.",
    "An organisation's delegation, members, fighters or leadership stand for the organisation.",
)
ACTOR_INSIDE_DESCRIPTION = register(
    "actor-inside-description",
    "The Israeli army said it had struck a Hamas command centre.",
    "A KB country or organisation modifying a description ('Israeli' in 'the Israeli army') is a "
    "mention of its own, unless the description is that very actor.",
)
UNOWNED_WEAPON = register(
    "unowned-weapon",
    "Russia launched cruise missiles at Kyiv overnight.",
    "A munition or military vessel stands for the forces behind it only when the text says whose it "
    "is ('Russian drones', 'Houthi missiles'); with no owner it is a thing, not an actor (issue #21).",
)
DETENTION_PLACE = register(
    "detention-place",
    "A court sentenced the activist to one year in prison.",
    "A prison or jail after a preposition is where someone is held, not the authority that holds them.",
)
LEADER_OF_ORGANISATION = register(
    "leader-of-organisation",
    "The leader of the Houthi movement warned shipping companies on Thursday.",
    "A leader, spokesman, commander or member 'of' or 'for' an organisation the KB knows belongs to "
    "it: its country and sector ('the leader of the Houthi movement' YEMREB), as 'Houthi leader' does.",
)
ROLE_IN_ORGANISATION_HEADS = frozenset(
    """leader leaders head chief commander commanders spokesman spokeswoman spokesperson member members
    founder official officials representative representatives fighters""".split()
)
ENVOY_OF_ORGANISATION = register(
    "envoy-of-organisation",
    "The UN's special envoy, Tom Berg, met both sides; the special envoy of the African Union stayed away.",
    "An envoy or mediator of an organisation ('the UN's special envoy', 'the special envoy of the African "
    "Union') speaks for it as its spokesman does (rules leader-of-organisation, institution-owns-role): "
    "the organisation's code (IGO), not the agents file's 'envoy' GOV. 'special' says nothing of whose "
    "envoy it is. An envoy 'for' or 'to' a country is that country's guest, not its own: only an "
    "organisation the KB knows, or a described institution, owns one.",
)
# envoy-of-organisation: the role heads it adds, and the words before one that say nothing of whose it is
ENVOY_HEADS = frozenset({"envoy", "envoys", "mediator", "mediators"})
ROLE_QUALIFIERS = ("special ",)
ROLE_FOR_DESCRIBED_INSTITUTION = register(
    "role-for-described-institution",
    "Tomas Varga, a spokesman for the Slovak national police, said two men were held.",
    "A leader, spokesman or member 'of' or 'for' an institution the KB does not know but its words "
    "describe ('the national police', 'the rebel movement', 'the interior ministry') has that "
    "institution's sector and country, as 'police spokesman' has (rule institution-before-role), "
    "not the role word's own ('spokesman' MED).",
)
INSTITUTION_OWNS_ROLE = register(
    "institution-owns-role",
    "The rebels' spokesman said the fighters would not disarm, and the army's spokesman denied it.",
    "A leader, spokesman or official owned by an institution the KB does not know but its words "
    "describe ('the rebels' spokesman', 'the army's commander', 'the ministry's officials') has that "
    "institution's sector and country, as 'a spokesman for the rebels' has (rule "
    "role-for-described-institution) and 'army spokesman' has (institution-before-role); not the role "
    "word's own ('spokesman' MED, then GOV). Not a title that names an institution itself ('the "
    "party's military spokesman'), nor an owner that is a pronoun, a person or a KB name.",
)
ANAPHORIC_OWNER_OWNS_ROLE = register(
    "anaphoric-owner-owns-role",
    "Hamas gunmen fired on a patrol near Rafah. The group's spokesman called it a warning.",
    "A leader, spokesman or official owned by a noun that refers back to an organisation or armed "
    "group the story named ('the group's spokesman', 'the movement's leader', 'the militia's "
    "commander') speaks for that actor and takes its code, as 'Hamas's spokesman' does (rule "
    "institution-owns-role reads only the owner's own words, which say nothing of whose the group is). "
    "The owner must already be attached to the organisation (it comes first in the sentence).",
)
POSSESSIVE_PRONOUN_OWNS_ROLE = register(
    "possessive-pronoun-owns-role",
    "Insurgents in the hills rejected the ceasefire on Monday. Their spokesman said the fighting would go on.",
    "'their' or 'its' owning a leader, spokesman or official, when the pronoun refers back to an "
    "organisation or armed group, is an owner as 'the group's' is (rule anaphoric-owner-owns-role): "
    "the role takes that actor's code, not the role word's own ('spokesman' GOV).",
)
# anaphoric-owner-owns-role: owners whose leaders are not of their sector (a people's are its state's)
PEOPLE_OWNERS = frozenset({"CVL", "PPL"})
# anaphoric-owner-owns-role: words that refer back to a group outside the state, never to its organs
NON_STATE_OWNER_WORDS = frozenset({"group", "movement", "militia", "faction", "organisation", "organization"})
STATE_SIDE_SECTORS = frozenset({"GOV", "MIL", "COP", "JUD", "LEG", "SPY"})
OWNED_INSTITUTION_COUNTRY = register(
    "owned-institution-country",
    "The leader of Myanmar's junta met Chinese officials in Beijing.",
    "A leader, spokesman or member of an institution a country owns ('the leader of Myanmar's junta', "
    "'a spokesman for Kenya's police') is of that country, as the institution is (rule "
    "possessor-country): role-for-described-institution read the institution's words without its "
    "owner and gave the sector only.",
)
PLACE_POSSESSOR_COUNTRY = register(
    "place-possessor-country",
    "Zaporizhzhia's governor reported two dead on Monday.",
    "A town or region in the possessive owns the description after it as its country's: 'Odesa's "
    "regional administration', 'Kinshasa's police' are of the one country the places gazetteer "
    "knows that place in.",
)
PLACE_MODIFIER_COUNTRY = register(
    "place-modifier-country",
    "Sindh police held two fishing crews overnight.",
    "A town or region's name modifying an institution or agent ('Sindh police', 'Nairobi "
    "police', 'Kano state officials') makes it of the one country the places gazetteer knows that "
    "place in, as its possessive does (rule place-possessor-country).",
)
PEOPLE_WORD_NOT_PLACE = register(
    "people-word-not-place",
    "Arab lawmakers in Israel walked out; Sikh leaders in Canada protested.",
    "A modifier the tagger reads as a people, a faith or a nationality (NORP: 'Arab', 'Jewish') is not "
    "a town of the same spelling (Arab, Alabama): rule place-modifier-country does not take its "
    "country, and the description's other words ('in Israel', rule located-institution) say whose it is.",
)
POSSESSOR_ACTOR = register(
    "possessor-actor",
    "Nicolas Maduro's government expelled the diplomats.",
    "A description owned by a KB person or organisation belongs to the country of that actor's role "
    "(issue #21: 'Maduro's regime' is Venezuela's, and not 'Biden's administration').",
)
LEADER_NAMED_GOVERNMENT = register(
    "leader-named-government",
    "The Erdogan government arrested dozens of journalists; the Biden administration lifted sanctions.",
    "A government, administration, regime or cabinet named after a KB person or organisation, whose "
    "name is a mention of its own ('the Trump administration', 'the Erdogan government'), is of the "
    "country of that actor's role, as 'Maduro's regime' is (possessor-actor); the story's country "
    "would otherwise be guessed for it.",
)
# leader-named-government: the nouns a leader's or a movement's name makes a state's government
GOVERNMENT_HEADS = frozenset({"government", "administration", "regime", "cabinet"})
OWN_POSSESSIVE = register(
    "own-possessive",
    "Mexico recalled its ambassador for consultations.",
    "'its'/'their' before a description, with a country as the clause's subject, makes the description that country's.",
)
SUPPORTERS_OF = register(
    "supporters-of",
    "Police fired tear gas at supporters of former prime minister Imran Khan in Lahore.",
    "A politician's or a party's supporters are civilians of that actor's country, a group of their "
    "own (not the leader they support).",
)
INSTITUTION_MEMBERS = register(
    "institution-members",
    "Police detained six opposition members in Harare; the bloc banned travel by junta members.",
    "An institution's members, leadership or officials named by the institution's agent word before "
    "them ('opposition members', 'junta members', 'army officials') stand for the institution, coded by "
    "that word's sector, as a KB organisation's do ('a Hamas delegation', rule organisation-part).",
)
CROWD_BY_NUMBER = register(
    "crowd-by-number",
    "Thousands marched through the capital on Saturday, and hundreds gathered outside parliament.",
    "A bare number noun as a clause's subject ('Thousands marched', 'Hundreds gathered', 'Tens of "
    "thousands rallied'), with no 'of' phrase saying what it counts, is a crowd of people, as "
    "'thousands of people' is: civilians of the story's country, the one group crowd nouns refer to.",
)
# Number nouns that stand alone for a crowd of people ("Thousands marched").
CROWD_NUMBERS = frozenset({"thousands", "hundreds", "dozens", "scores", "millions"})
# Nouns for the people who back a leader or a movement.
SUPPORTER_HEADS = frozenset("supporter follower loyalist backer partisan sympathizer sympathiser".split())
NATIONALITY_ADJECTIVE = register(
    "nationality-adjective",
    "Protesters burned Israeli flags outside the embassy.",
    "A nationality adjective that modifies no actor's description still mentions its country.",
)
LOCATED_INSTITUTION = register(
    "located-institution",
    "The junta in Niger expelled the French ambassador.",
    "A country or capital after 'in' says whose a bare institution is: the description is that "
    "state's, and the place is part of the mention, not an actor of its own.",
)
OFFICE_OF_STATE = register(
    "office-of-state",
    "The president of Mexico met the Prime Minister of Sri Lanka in Geneva on Monday.",
    "An office, body or people 'of' a state ('the president of Mexico', 'the government of Cuba', "
    "'the army of Uganda') is that state's, as 'Mexico's president' is (rule possessor-country); the "
    "state stays an actor of its own. Not a relation to the state ('the allies of Russia', 'critics of "
    "Iran') nor two states ('the leaders of France and Germany').",
)
FROM_STATE = register(
    "from-state",
    "Officials from Iran arrived in Geneva on Monday; soldiers from Chad guarded the hall.",
    "People or forces 'from' a state ('troops from Chad', 'officials from Iran', 'refugees from "
    "Syria') are that state's, as 'Chadian troops' are. Only 'from' that the parse hangs on the noun: "
    "'withdrew peacekeepers from Mali' says where they left. Not migrants, who leave from a country "
    "not their own.",
)
# from-state: heads whose 'from' says where they set out, not whose they are
TRANSIT_HEADS = frozenset({"migrant", "migrants"})
LOYAL_TO = register(
    "loyal-to",
    "Forces loyal to President Bashar al-Assad shelled the town on Sunday.",
    "Forces, fighters or officials 'loyal to' a leader or a body the KB knows are of that actor's "
    "country, as its supporters are (rule supporters-of); the leader is no mention of theirs. Not "
    "'loyal to' a state, which takes its side as 'pro-Russian' does (rule backer-not-home).",
)
# office-of-state: heads that name a relation to the state after "of", not a part of it
RELATION_HEADS = frozenset(
    """ally allies enemy enemies friend friends partner partners neighbour neighbours neighbor neighbors
    rival rivals critic critics opponent opponents foe foes adversary adversaries""".split()
)
GATHERED_NOT_OWNED = register(
    "gathered-not-owned",
    "Several defence ministers in Nairobi agreed on a joint patrol; two army chiefs in Dakar signed a pact.",
    "A counted or quantified plural of office holders ('several defence ministers in Nairobi', 'two "
    "army chiefs in Dakar', 'other leaders in Brussels') names people gathered in the place, from "
    "several states: the place is where they meet, not whose they are (rule located-institution "
    "does not apply).",
)
# gathered-not-owned: the words that count or quantify a plural ("several ministers", "21 envoys")
GATHERING_QUANTIFIERS = frozenset({"several", "many", "other", "some", "various", "numerous", "visiting", "few"})


def _named_institution(head: "Token") -> bool:
    """A capitalised organisation's word after a proper name ("Al-Masirah TV", "Bethel Secondary
    School"), whatever part of speech the tagger gave it."""
    return (
        head.lower_ in ORGANISATION_WORDS
        and head.text[:1].isupper()
        and (head.pos_ == "PROPN" or any(t.dep_ == "compound" and t.pos_ == "PROPN" for t in head.lefts))
    )


class Descriptions:
    """Mixin of the article resolver (resolve.ArticleResolver): description and adjective mentions."""

    def description_candidates(self, sent: "Span", taken: set[int]) -> list[Candidate]:
        out: list[Candidate] = []
        if not enabled(AGENT_DESCRIPTION):
            return out
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
            enabled(ARMED_MODIFIER)
            and token.dep_ in ("amod", "compound")
            and token.head.lower_ in MILITARY_OBJECTIVES
            and token.head.i > token.i
            and self.finder.kb.agents.get(token.lower_) is not None
        )

    def _nested_kb_words(self, cand: Candidate) -> list[Candidate]:
        """ "Hamas" in "a Hamas delegation" and "Israeli" in "the Israeli regime" are mentions too,
        unless the description is that very actor."""
        out: list[Candidate] = []
        if not enabled(ACTOR_INSIDE_DESCRIPTION):
            return out
        k = cand.start
        while k < cand.head:
            end, actors = kb_name_in_title(self.finder, self.doc, k, cand.head)
            for actor in actors:
                if actor.kind in MODIFIER_KINDS and (cand.kb is None or actor.id != cand.kb.id):
                    last = self.doc[end - 1]
                    how = "adjective" if self._is_gentilic(last) and actor.kind != "organization" else "name"
                    out.append(Candidate(k, end, how, end - 1, (k, end), kb=actor, kind=actor.kind, nested=True))
                break
            k = end
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
        if enabled(PART_OF_LARGER_NAME) and self._inside_larger_name(head.i, head.i + 1):
            return None  # "Prince" in "Port-au-Prince" is no prince
        hit = self.finder.agent_ending_at(doc, head.i + 1, sent.start)
        agent = hit[1] if hit else None
        low = head.lower_
        by_modifier = enabled(AGED_OR_FORMER_PERSON) and _person_by_modifier(head)
        party_member = enabled(PARTY_MEMBER) and _party_member(head)
        supported = self._supported_country(head) if agent is None and enabled(SUPPORTERS_OF) else None
        if agent is None and enabled(INSTITUTION_MEMBERS):
            agent = self._institution_of_members(head)
        counted_crowd = agent is None and enabled(CROWD_BY_NUMBER) and _crowd_by_number(head)
        if counted_crowd:
            agent = self.finder.kb.agents.get("people")
            counted_crowd = agent is not None
        if (
            agent is None
            and low not in COLLECTIVE_HEADS
            and low not in CROWD_HEADS
            and not party_member
            and not by_modifier
            and supported is None
        ):
            return None
        if (
            head.dep_ in ("attr", "oprd")
            and not any(t.dep_ in ("det", "poss") for t in head.lefts)
            and enabled(PREDICATED_ROLE)
        ):
            return None  # 'wanted to be commander in chief': a role predicated, no one referred to
        start = self._description_start(sent, head, taken)
        if armed:  # "Kurdish militant targets": the objective's modifiers before it
            for t in sorted((t for t in head.head.lefts if t.i < head.i), key=lambda t: -t.i):
                if t.i != start - 1 or t.i in taken or t.dep_ not in ("amod", "compound", "nmod"):
                    break
                start = t.i
        title = self.finder.read_title(doc, start, head.i + 1, self.day)
        if counted_crowd and title.agent is None:  # "Thousands": no word of the title is an agent
            title.agent, title.sector = agent, agent.sector
        end = head.i + 1
        if supported is not None and title.country is None:
            title.country, title.sector = supported, title.sector or "CVL"
        if title.affiliation is None and title.country is None and enabled(LEADER_OF_ORGANISATION):
            self._of_organisation(head, title)
        if title.affiliation is None and _role_word_alone(title) and enabled(INSTITUTION_OWNS_ROLE):
            self._owned_by_described_institution(head, title)
        if title.affiliation is None and title.country is None and enabled(POSSESSOR_COUNTRY):
            owner = self._possessor(head)
            if owner is not None:
                title.country = owner
        if title.affiliation is None and title.country is None and enabled(LEADER_NAMED_GOVERNMENT):
            title.country = self._government_namesake(head, start)
        if title.affiliation is None and title.country is None and enabled(PLACE_MODIFIER_COUNTRY):
            title.country = self._place_modifier_country(head, start)
        if title.affiliation is None and title.country is None and enabled(LOYAL_TO):
            title.country = self._loyal_to_country(head)
        if title.affiliation is None and title.country is None and enabled(OFFICE_OF_STATE):
            title.country = self._state_after(head, "of")
        if title.affiliation is None and title.country is None and enabled(FROM_STATE):
            title.country = self._state_after(head, "from") if head.lower_ not in TRANSIT_HEADS else None
        if (
            title.affiliation is None
            and title.country is None
            and title.people is None
            and enabled(LOCATED_INSTITUTION)
        ):
            located = self._location_owner(head)
            if located is not None:  # the place stays the places stage's; it only names the owner
                end, title.country = located
        if self._a_thing(head, title):
            return None
        determiner = next((t.lower_ for t in head.lefts if t.dep_ in ("det", "predet")), None)
        plural = head.tag_ in ("NNS", "NNPS") or (agent.plural if agent else False) or self._armed_modifier(head)
        # 'Northwestern University': a name ending in an institution's word is an organisation's
        institution = head.pos_ == "PROPN" and low in ORGANISATION_WORDS
        person = (
            not plural
            and not (enabled(ORGANISATION_WORD_NAME) and _named_institution(head))  # "Al-Masirah TV" is no "he"
            and low not in COLLECTIVE_HEADS
            and low not in ORGANISATION_PART_HEADS
            and low not in NON_PERSON_HEADS
            and not (agent is not None and agent.phrase in NON_PERSON_PHRASES)
        )
        cand = Candidate(
            start,
            head.i + 1,
            "description",
            head.i,
            (start, end),
            kind="person" if person else "organization" if institution or _named_institution(head) else "group",
            title=title,
            plural=plural,
            definite=determiner in DEFINITE,
            crowd=low in CROWD_HEADS or counted_crowd,
        )
        if (
            title.affiliation is not None
            and (low in ORGANISATION_PART_HEADS or low in COLLECTIVE_HEADS)
            and enabled(ORGANISATION_PART)
        ):
            cand.kb, cand.kind = title.affiliation, title.affiliation.kind  # "a Hamas delegation" = Hamas
        if (
            agent is None
            and low not in CROWD_HEADS
            and title.country is None
            and title.affiliation is None
            and not title.sector
            and not (cand.definite and low in ANAPHORIC_GROUP_HEADS)
            and not (enabled(ORGANISATION_ANAPHOR) and refers_to_organisation(head, cand.definite, plural))
            and not by_modifier
            and not party_member
        ):
            # "the world", "nations": a collective with nothing saying whose (generic-actor would
            # make no actor of it either; kept here so that it takes no tokens from other mentions)
            return None
        return cand

    def _institution_of_members(self, head: "Token"):
        """Rule institution-members: the agent of 'opposition' in "opposition members", of 'junta' in
        "junta members" (the word right before a part noun, as compound or modifier), else None."""
        if head.lower_ not in ORGANISATION_PART_HEADS or head.i == 0:
            return None
        word = self.doc[head.i - 1]
        if word.head.i != head.i or word.dep_ not in ("compound", "amod", "nmod"):
            return None
        return self.finder.kb.agents.get(word.lower_)

    def _a_thing(self, head: "Token", title) -> bool:
        """Rules unowned-weapon and detention-place: a munition or a military vessel nobody is said to
        own ("cruise missiles", "the grounded warship"), or a prison after a preposition ("sentenced to
        a year in prison"), is a thing or a place, not an actor."""
        lemma = head.lemma_.lower()
        if lemma in WEAPONS and enabled(UNOWNED_WEAPON) and not (title.agent and title.agent.sector == "BUS"):
            return title.country is None and title.affiliation is None and title.people is None
        if lemma in DETENTION_PLACES and enabled(DETENTION_PLACE):
            return head.dep_ == "pobj" and head.head.lower_ in ("in", "to", "from", "into", "at")
        return False

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
        """The country of whoever owns a description: a country ("Kenya's police"), a KB person or
        organisation with a role in one ("Nicolas Maduro's government"; rule possessor-actor), or, for
        "its"/"their", the country that is the clause's subject ("Mexico recalled its ambassador";
        rule own-possessive)."""
        for t in head.lefts:
            if t.dep_ != "poss":
                continue
            for actor in self._possessor_name(t):
                if actor.kind == "country":
                    return self._country_code(actor)
            if t.lower_ in STATE_NOUNS:  # "the country's security forces" (rule country-anaphor-possessor)
                return self.anaphor_possessor_country(t)
            if t.pos_ == "PROPN" and enabled(PLACE_POSSESSOR_COUNTRY) and not self.finder.kb_word(self.doc, t.i):
                country = place_country(self.doc[t.left_edge.i : t.i + 1].text)
                if country is not None:  # "Sumy's regional military administration"
                    return country
            if t.lower_ in ("its", "their") and enabled(OWN_POSSESSIVE):
                return self._subject_country(head)
            if enabled(POSSESSOR_ACTOR):
                return self._actor_country(t)
        return None

    def _place_modifier_country(self, head: "Token", start: int) -> Optional[str]:
        """The one country of a town or region named as a modifier inside the description
        ("Sindh police"; rule place-modifier-country), or None. Not inside a name ("Coast
        Guard": "Coast" is no place there), so the head is a lower-case noun."""
        if not head.text.islower():
            return None
        for t in head.lefts:
            if (
                t.i >= start
                and t.dep_ in ("compound", "nmod", "amod")  # the small model reads some regions' names as adjectives
                and t.pos_ in ("PROPN", "ADJ")
                and is_capitalised(t)
                and not self.finder.kb_word(self.doc, t.i)
                and not (t.ent_type_ == "NORP" and enabled(PEOPLE_WORD_NOT_PLACE))  # "Arab lawmakers"
            ):
                country = place_country(self.doc[max(t.left_edge.i, start) : t.i + 1].text)
                if country is not None:
                    return country
        return None

    def _government_namesake(self, head: "Token", start: int) -> Optional[str]:
        """Rule leader-named-government: the country of the KB person or organisation a government
        noun is named after, a mention of its own before the description ("the Erdogan government",
        "the Biden administration"; a name inside the description is read with its title, rule
        person-modifier-country)."""
        compounds = [c for c in head.lefts if c.dep_ == "compound"]
        for noun in [head] + compounds:
            if noun.lower_ not in GOVERNMENT_HEADS:
                continue
            names = [c for c in noun.lefts if c.dep_ == "compound"] + [c for c in compounds if c.i < noun.i]
            for name in sorted((t for t in names if t.i < start), key=lambda t: t.i):
                if name.text[:1].isupper() and name.pos_ in ("PROPN", "NOUN"):
                    country = self._actor_country(name) or self._surname_country(name)
                    if country is not None:
                        return country
        return None

    def _surname_country(self, name: "Token") -> Optional[str]:
        """The country of the one KB person a bare surname names on the day ("the Biden
        administration"), or of the KB person or organisation the single word names."""
        kb = self.finder.kb
        actor = kb.by_surname(name.text, self.day)
        if actor is None:
            known = [kb.actors[x] for x in kb.by_name.get(name_key(name.text), ())]
            actor = next((a for a in known if a.kind in ("person", "organization") and a.role_on(self.day)), None)
        return self._country_code(actor) if actor is not None else None

    def _possessor_name(self, t: "Token") -> list[KBActor]:
        """The KB actors the whole possessor names, its words before `t` included: "Papua New
        Guinea's parliament" is Papua New Guinea's, not Guinea's (the head word alone)."""
        for start in range(t.left_edge.i, t.i):
            match = self.finder.longest_name_at(self.doc, start, t.i + 1)
            if match is not None and match[0] == t.i + 1:
                return match[1]
        return self.finder.kb_word(self.doc, t.i)

    def _of_organisation(self, head: "Token", title) -> None:
        """Rule leader-of-organisation: 'the leader of the Houthi militia', 'a spokesman for Hamas':
        the KB organisation after 'of'/'for' is the person's, with its country and sector."""
        if not _role_in_organisation(head):
            return
        for prep in head.rights:
            if prep.dep_ != "prep" or prep.lower_ not in ("of", "for"):
                continue
            for pobj in prep.children:
                if pobj.dep_ != "pobj":
                    continue
                # "a commander of the armed group Hamas": the name apposed to the noun is the organisation
                named = [t for t in pobj.rights if t.dep_ == "appos"] + [pobj]
                for start, last in ((s, t) for t in named for s in range(t.left_edge.i, t.i + 1)):
                    match = self.finder.longest_name_at(self.doc, start, last.i + 1)
                    org = next((a for a in match[1] if a.kind in ("organization", "group")), None) if match else None
                    if org is None:
                        continue  # "the Yemeni Houthi militia": the name may stop before the noun
                    role = org.role_on(self.day)
                    if role is not None:
                        title.affiliation = org
                        title.country, title.sector, _ = split_code(role.code)
                    return
                if enabled(ROLE_FOR_DESCRIBED_INSTITUTION):
                    self._of_described_institution(pobj, title)
                return

    def _of_described_institution(self, pobj: "Token", title) -> None:
        """Rule role-for-described-institution: 'a spokesperson for the national police', 'the
        leader of the rebel movement': an institution the KB does not know, described by its agent
        words, gives the role its country and sector."""
        start = pobj.left_edge.i
        while start < pobj.i and self.doc[start].dep_ in ("det", "predet", "poss", "punct"):
            start += 1
        described = self.finder.read_title(self.doc, start, pobj.i + 1, self.day)
        if described.agent is None or described.people is not None or described.sector not in ROLE_SECTORS:
            return
        title.sector = described.sector
        title.country = title.country or described.country
        if title.country is None and enabled(OWNED_INSTITUTION_COUNTRY):
            title.country = self._possessor(pobj)

    def _owned_by_described_institution(self, head: "Token", title) -> None:
        """Rule institution-owns-role: 'the rebels' spokesman', 'the army's commander': the
        institution that owns the role, described by its agent words, gives it sector and country."""
        if not _role_in_organisation(head):
            return
        for owner in head.lefts:
            if owner.dep_ != "poss":
                continue
            org = next((a for a in self._possessor_name(owner) if a.kind in ("organization", "group")), None)
            role = org.role_on(self.day) if org is not None else None
            if role is not None:  # "Hamas's spokesman": the KB organisation's own code
                title.affiliation = org
                title.country, title.sector, _ = split_code(role.code)
            elif owner.pos_ == "NOUN" and owner.text.islower():  # not "its", nor a person's name
                self._of_described_institution(owner, title)
            return

    def take_anaphoric_owner(self, cand: Candidate) -> None:
        """Rule anaphoric-owner-owns-role: 'the group's spokesman' after Hamas is Hamas's spokesman.
        Asked when the description is attached (its owner, earlier in the sentence, is attached by then)."""
        title = cand.title
        if cand.kb is not None or title.affiliation is not None or title.country is not None:
            return
        head = self.doc[cand.head]
        if not _role_in_organisation(head) or not _role_word_alone(title):
            return
        owner = next((t for t in head.lefts if t.dep_ == "poss"), None)
        if owner is None or not (owner.pos_ == "NOUN" and owner.text.islower() or _group_pronoun(owner)):
            return  # "Smith's aide": a person's, not an organisation's
        actor = next(
            (a for a in reversed(self.actors_at.get(owner.i, ())) if a.kind in ("organization", "group")), None
        )
        if actor is None or not any(end <= owner.left_edge.i for _, end, _ in actor.mentions):
            return  # only an owner that refers back to an actor named before it: not "the army's spokesman"
        country, sector = self.coded(actor)
        if sector not in ROLE_SECTORS or sector in PEOPLE_OWNERS:
            return  # "Americans and their leaders": a people's leaders are its government, not civilians
        if owner.lower_ in NON_STATE_OWNER_WORDS and sector in STATE_SIDE_SECTORS:
            # "Hamas fighters attacked Israeli troops. The group's spokesman said ...": "the group" is
            # no state's forces; an antecedent that is one is a wrong link, not an owner (review14)
            return
        if actor.kb is not None:
            title.affiliation = actor.kb
        title.country, title.sector = country, sector

    def _loyal_to_country(self, head: "Token") -> Optional[str]:
        """Rule loyal-to: the country of the KB person or organisation that the head is "loyal to"
        ("forces loyal to President Bashar al-Assad"), or None."""
        for loyal in head.rights:
            if loyal.lower_ != "loyal" or loyal.dep_ not in ("amod", "acl", "relcl"):
                continue
            for prep in loyal.children:
                if prep.dep_ != "prep" or prep.lower_ != "to":
                    continue
                for owner in prep.children:
                    if owner.dep_ == "pobj" and not any(t.dep_ == "conj" for t in owner.children):
                        # a leader or a body, not a state: "loyal to Russia" takes a side, as
                        # "pro-Russian" does (rule backer-not-home)
                        country = self._actor_country(owner)
                        if country is not None:
                            return country
        return None

    def _state_ending_at(self, place: "Token", match) -> Optional[str]:
        """The state a name match (`longest_name_at` from the phrase's left edge) names, when the name
        ends at `place` itself, or None."""
        if match[0] != place.i + 1:
            return None
        return next((self._country_code(a) for a in match[1] if a.kind == "country"), None)

    def _state_after(self, head: "Token", word: str) -> Optional[str]:
        """Rules office-of-state and from-state: the state named in full after the head's 'of' or
        'from' ("the president of Mexico", "troops from Chad"), or None: not after a relation ("the
        allies of Russia"), nor when the preposition names two ("the leaders of France and Germany")."""
        if head.lower_ in RELATION_HEADS:
            return None
        for prep in head.rights:
            if prep.dep_ != "prep" or prep.lower_ != word:
                continue
            for place in prep.children:
                if place.dep_ != "pobj" or any(t.dep_ == "conj" for t in place.children):
                    continue
                match = self.finder.longest_name_at(self.doc, place.left_edge.i, place.i + 1)
                if match is not None:
                    return self._state_ending_at(place, match)
        return None

    def _supported_country(self, head: "Token") -> Optional[str]:
        """Rule supporters-of: the country of the KB person or organisation whose supporters a noun
        names ("supporters of Imran Khan", "Imran Khan supporters"), or None."""
        if head.lemma_.lower() not in SUPPORTER_HEADS or head.pos_ != "NOUN":
            return None
        owners = [t for t in head.lefts if t.dep_ in ("compound", "nmod", "poss")]
        owners += [
            pobj
            for prep in head.rights
            if prep.dep_ == "prep" and prep.lower_ == "of"
            for pobj in prep.children
            if pobj.dep_ == "pobj"
        ]
        for owner in owners:
            country = self._actor_country(owner)
            if country is not None:
                return country
        return None

    def _actor_country(self, owner: "Token") -> Optional[str]:
        """The country of the KB person or organisation whose whole name ends at `owner`."""
        for start in range(owner.left_edge.i, owner.i + 1):  # "former prime minister Imran Khan"
            match = self.finder.longest_name_at(self.doc, start, owner.i + 1)
            if match is not None and match[0] == owner.i + 1:
                # the first with a role on the day ("Biden": the president, not a relative without one)
                countries = (self._country_code(a) for a in match[1] if a.kind in ("person", "organization"))
                return next((c for c in countries if c is not None), None)
        return None

    def _subject_country(self, head: "Token") -> Optional[str]:
        """The country named as the subject of the verb governing `head`, if any."""
        verb = head.head
        while verb.pos_ not in ("VERB", "AUX") and verb.head.i != verb.i:
            verb = verb.head
        for child in verb.children:
            if child.dep_ in ("nsubj", "nsubjpass"):
                match = self.finder.longest_name_at(self.doc, child.left_edge.i, child.i + 1)
                if match is not None and match[0] == child.i + 1:
                    return next((self._country_code(a) for a in match[1] if a.kind == "country"), None)
        return None

    # ---- adjectives ------------------------------------------------------------------------------
    def adjective_candidates(self, sent: "Span", taken: set[int]) -> list[Candidate]:
        """Nationality adjectives left over ("Israeli flags", "the U.S.-Zionist plan"): the country."""
        out: list[Candidate] = []
        if not enabled(NATIONALITY_ADJECTIVE):
            return out
        for start, end, actors in self.finder.kb_names(sent):
            if end - start != 1 or start in taken:
                continue
            actor = next((a for a in actors if a.kind in ("country", "group")), None)
            if actor is not None and self._is_gentilic(self.doc[start]):
                out.append(Candidate(start, end, "adjective", start, (start, end), kb=actor, kind=actor.kind))
                taken.add(start)
        return out

    # ---- attaching mentions to actors -------------------------------------------------------------

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
        if any(self.finder.kb_word(self.doc, t.i) for t in head.lefts):
            return None  # "the Chinese government in Hong Kong" already says whose it is
        if _counted_plural(head) and enabled(GATHERED_NOT_OWNED):
            return None  # "several defence ministers in Nairobi" met there
        return head

    def _location_owner(self, head) -> Optional[tuple[int, str]]:
        """(end token, country) of an "in <country or capital>" after a bare description's head."""
        for prep in head.rights:
            if prep.dep_ != "prep" or prep.lower_ != "in":
                continue
            for place in prep.children:
                if place.dep_ != "pobj":
                    continue
                match = self.finder.longest_name_at(self.doc, place.left_edge.i, place.i + 1)
                if match is None or match[0] != place.i + 1:
                    continue
                named = self.state_named_in_full(match[1], self.doc[place.left_edge.i : place.i + 1].text)
                country = self._state_of([named] if named is not None else match[1])
                owner = self._description_located_at(place)
                if country is not None and owner is not None and owner.i == head.i:
                    return place.i + 1, country
        return None


def _crowd_by_number(head: "Token") -> bool:
    """Rule crowd-by-number: "Thousands" in "Thousands marched", "thousands" in "Tens of thousands
    rallied" (the subject is "Tens"), with no "of" phrase after it ("thousands of soldiers")."""
    if head.lower_ not in CROWD_NUMBERS and not (head.lower_ == "tens" and head.dep_ == "nsubj"):
        return False
    if any(c.dep_ == "prep" and c.lower_ == "of" and head.lower_ != "tens" for c in head.children):
        return False
    subject = head
    while subject.dep_ == "pobj" and subject.head.lower_ == "of" and subject.head.head.lower_ in ("tens", "hundreds"):
        subject = subject.head.head  # "Tens of thousands", "hundreds of thousands"
    # an active subject only: "Hundreds were killed" after a flood is its victims, no crowd that acts
    return subject.dep_ == "nsubj" and not any(c.dep_ == "det" for c in subject.children)


def _counted_plural(head: "Token") -> bool:
    """A plural noun with a number or a quantifier before it ("several ministers", "21 envoys"; rule
    gathered-not-owned)."""
    return head.tag_ in ("NNS", "NNPS") and any(
        t.i < head.i and (t.lower_ in GATHERING_QUANTIFIERS or (t.dep_ == "nummod" and t.like_num)) for t in head.lefts
    )


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


def _group_pronoun(owner: "Token") -> bool:
    """Rule possessive-pronoun-owns-role: 'their' or 'its' as a role's owner ("Their spokesman")."""
    return owner.pos_ == "PRON" and owner.lower_ in ("their", "its") and enabled(POSSESSIVE_PRONOUN_OWNS_ROLE)


def _role_word_alone(title) -> bool:
    """Rule institution-owns-role: the title is the role's one word ("spokesman", "officials"), no
    institution of its own before it ("military spokesman", "party officials"); with rule
    envoy-of-organisation, "special envoy" is one word too."""
    if len(title.words) != 1:
        return False
    phrase = title.words[0]
    if phrase.startswith(ROLE_QUALIFIERS) and enabled(ENVOY_OF_ORGANISATION):
        phrase = phrase.split(" ", 1)[1]
    return " " not in phrase


def _role_in_organisation(head: "Token") -> bool:
    """A role that an organisation owns ('the leader of', 'the rebels' spokesman'); with rule
    envoy-of-organisation, its envoys and mediators too."""
    low = head.lower_
    return low in ROLE_IN_ORGANISATION_HEADS or low in ENVOY_HEADS and enabled(ENVOY_OF_ORGANISATION)
