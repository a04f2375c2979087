"""Finding actor mentions in a parsed sentence: KB names, named entities, titles, descriptions,
nationality adjectives and pronouns. What each mention refers to is decided in `coref.py`.

Everything here works on spaCy tokens and the KB; nothing is specific to an article or a name.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Iterator, Optional

from diurna.actors.codes import ROLE_SECTORS, single_country, split_code
from diurna.actors.kb import Agent, KBActor, KnowledgeBase, name_key
from diurna.actors.rules import enabled, register
from diurna.actors.words import is_acronym
from diurna.nlp.syntax import is_relative_pronoun

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

SIDE_TAKEN_NOT_OWNER = register(
    "side-taken-not-owner",
    "The pro-Russian Shor party was banned in Moldova in 2023.",
    "'pro-Russian', 'anti-American', 'pro-Iranian militias' name the side a group takes, not its "
    "country: the modifier gives the group no country (the story's may).",
)
BACKER_NOT_OWNER = register(
    "backer-not-owner",
    "U.S. forces struck an Iran-backed militia in Iraq on Friday.",
    "'Iran-backed', 'Rwanda-supported', 'Saudi-funded' name who backs a group, not its country (an "
    "Iraqi militia, a Congolese rebel group): like a side taken, the backer gives the group no "
    "country (the story's may); the backer is still mentioned.",
)
SEAT_NOT_OWNER = register(
    "seat-not-owner",
    "The London-based Syrian Observatory for Human Rights said 20 soldiers died in Idlib.",
    "A city or state written before '-based' ('London-based', 'Paris-based spokesman', 'a "
    "Washington-based think tank') says where a body sits, not whose it is: it is no mention of that "
    "state (a capital there is no government) and gives the body no country; the story's country "
    "step does not count it either.",
)
BACKING_WORDS = frozenset({"backed", "supported", "funded", "sponsored", "armed", "aligned", "allied", "financed"})
FORMER_OFFICE_TITLE = register(
    "former-office-title",
    "Former Malaysian Prime Minister Muhyiddin Yassin was charged with abuse of power.",
    "'former' or 'ex-' before a state office (government, legislature, judiciary, military), with only "
    "a nationality or other title words between ('former Ecuadorian vice president', 'ex-interior "
    "minister'), says the office is past: the title's sector is ELI (the agents file's own "
    "FORMER_PRESIDENT, FORMER_PRIME_MINISTER), its country stays.",
)
PAST_MARKERS = frozenset({"former", "ex", "onetime", "one-time"})
# offices a past holder of which is an elite; a "former activist" or "former police officer" is not
PAST_OFFICE_SECTORS = frozenset({"GOV", "LEG", "JUD", "MIL"})
INSTITUTION_BEFORE_ROLE = register(
    "institution-before-role",
    "Foreign Ministry spokesman Lars Brekke said the talks would go on; top military leaders stayed loyal.",
    "A spokesman, leader, official or officer speaks for the institution named before the role: the "
    "title's sector is that institution's (GOV, MIL), not the role word's own ('spokesman' MED, 'leader' "
    "GOV), as the agents file codes its own compounds ('military spokesman' MIL, 'opposition leader' "
    "OPP); the roles are learned from those compounds (KnowledgeBase.institution_roles).",
)
RANK_BEFORE_NAME = register(
    "rank-before-name",
    "Early on Sunday, General Tomas Ruiz called on the troops to stay in their barracks.",
    "'General' right before a name is a military rank: the person is MIL. The agents file has 'generals', "
    "'gen.' and 'major general' but not the singular, which as a word is mostly an adjective ('the "
    "general public'), so only the title before a name reads it; offices ending in it ('Attorney "
    "General', 'Secretary-General') are the file's own agents or follow another office word.",
)
OFFICE_WITH_OF = register(
    "office-with-of",
    "Meanwhile, U.S. Deputy Secretary of State Ruth Kellan urged both sides to talk.",
    "An office whose name holds an 'of' ('Secretary of State', 'Minister of Defence', 'Chief of "
    "Staff': the agents file's own phrases) is one title before a name: the title runs on leftwards "
    "over the 'of' to the holder's country and rank ('U.S. Deputy'), where it stopped at the 'of' "
    "and left the person 'State Ruth Kellan' with the story's country. Only for a name the KB does "
    "not know: a known holder has his country and office from the KB on the day, and the longer "
    "title would only add its country word to the story's votes (a 'U.S.' more tipped a Cuba story).",
)
PORTFOLIO_CONJUNCTION = register(
    "portfolio-conjunction",
    "Nigerian Foreign and Defence Minister Ade Bello flew to Accra on Monday.",
    "An office that joins two portfolios with 'and' ('Trade and Industry Minister', 'peace and "
    "security commissioner', 'Foreign and Defence Minister') is one title: the words before the 'and' "
    "(the holder's country, the body) are read with it, where the title stopped at the 'and' and lost "
    "them ('Kenyan', 'AU'). Not two actors joined ('Rebels and government troops'), nor two "
    "nationalities.",
)
CIVILIAN_OFFICE = register(
    "civilian-office",
    "The generals promised to hand power to civilian leaders; civilian officials were not consulted.",
    "'civilian' before an office ('civilian leaders', 'civilian authorities', 'civilian officials') "
    "says its holders are not soldiers, not that they speak for the civilians: the office keeps its own "
    "sector (GOV), as 'civilian government' does, where rule institution-before-role read 'civilian' "
    "as the institution and made them CVL. Only a state's offices (GOV, LEG, JUD): 'civilian workers' "
    "stay civilians, 'civilian officers' are no police.",
)
# civilian-office: words before a role that say what kind of person holds it, not whose role it is
HOLDER_KIND_WORDS = frozenset({"civilian"})
# ... before a state's office only: "civilian workers" are civilians, "civilian officers" no police
STATE_OFFICE_SECTORS = frozenset({"GOV", "LEG", "JUD"})
# rank-before-name: the ranks written before a name that the agents file lacks in the singular
MILITARY_RANKS = frozenset({"General"})
SPOKESPERSON_NOT_MEDIA = register(
    "spokesperson-not-media",
    "Spokeswoman Ana Lindqvist said the ministry would reply on Monday.",
    "A spokesperson whose title names no institution ('Spokeswoman X', 'a spokesman said') speaks for a "
    "state body, not for the media: GOV, as the agents file's 'government spokesman' (its bare "
    "'spokesman' is ~MED, which no compound of its keeps: 'military spokesman' MIL); an institution "
    "named with the role decides instead (rules institution-before-role, role-for-described-institution).",
)
SPOKESPERSON_WORDS = frozenset(
    {"spokesman", "spokeswoman", "spokesperson", "spokesmen", "spokeswomen", "spokespersons"}
)
PERSON_MODIFIER_COUNTRY = register(
    "person-modifier-country",
    "The aid will go through, Trump administration officials said on Saturday.",
    "A known person's name modifying a description ('Trump administration officials', 'the Maduro "
    "government', 'Putin critic') gives it that person's country.",
)
ACRONYM_OPENING_SENTENCE = register(
    "acronym-opening-sentence",
    "ECOWAS suspended Niger after the coup.",
    "A word written wholly in capitals is not capitalised by its place: an acronym that names a KB "
    "organisation opening a sentence is that organisation even when the tagger reads it as a common "
    "noun (the small model tags a sentence's first acronym NOUN as often as PROPN), as a country or a "
    "person already is.",
)
CAPITALISED_BEYOND_ARTICLE = register(
    "capitalised-beyond-article",
    '"We are grateful," the Corbett family said. The family thanked the negotiators.',
    "A KB name that begins with an article ('The Family', a Mexican cartel) is that name only when a "
    "word after the article is capitalised: a sentence's capital 'The' makes no common noun a name.",
)
GLUED_NUMBER_NAME = register(
    "glued-number-name",
    "G7 countries pledged to keep sanctions on Russia.",
    "News glues a bloc's letter to its number ('G7', 'G20') where the dictionaries list 'G 7': the "
    "spaced form is the same name.",
)

PERSON_PRONOUNS = {
    "he": "male",
    "him": "male",
    "his": "male",
    "himself": "male",
    "she": "female",
    "her": "female",
    "hers": "female",
    "herself": "female",
}
PLURAL_PRONOUNS = frozenset({"they", "them", "their", "theirs", "themselves"})
DEFINITE = frozenset({"the", "this", "that", "these", "those"})
# Heads of descriptions that name a collective, not one person ("the group", "Muslim nations").
COLLECTIVE_HEADS = frozenset(
    """
    group groups movement movements organization organisation faction factions nations nation countries
    world community communities public population militia militias coalition alliance bloc camp
    government regime administration delegation leadership authorities forces army military police
    ministry council parliament cabinet network agency media broadcaster
    junta court courts tribunal judiciary embassy embassies consulate mission opposition party parties family families crowd mob
    senate congress assembly legislature
""".split()
)
# Heads of descriptions that are never one person even in the singular: military units, weapons and
# vessels, and institutions ("Russian artillery", "a cargo vessel", "the Philippine coast guard",
# "the chancellery"); they stand for the forces or body behind them.
NON_PERSON_HEADS = frozenset(
    """
    artillery navy fleet flotilla battalion brigade regiment division unit squadron corps garrison
    vessel ship boat tanker freighter warship frigate destroyer submarine carrier gunboat
    aircraft plane jet warplane bomber drone helicopter tank missile rocket convoy
    chancellery presidency ministry secretariat commission committee directorate bank
    university college school academy institute hospital clinic church mosque synagogue court tribunal
    company firm corporation newspaper paper tabloid magazine journal publication station channel chamber
    outlet website site blog show programme program
""".split()
)
NON_PERSON_PHRASES = frozenset({"coast guard", "national guard", "revolutionary guard", "air force"})
# Nouns for a crowd, which news introduces and then refers back to without a country ("Iranians
# took to the streets ... Protesters chanted").
CROWD_HEADS = frozenset(
    """protesters protestors demonstrators crowds crowd marchers mourners rioters
    worshippers worshipers residents people""".split()
)
# Heads that make an organisation's name + noun a reference to the organisation itself.
ORGANISATION_PART_HEADS = frozenset(
    """delegation delegations members membership leadership officials
    fighters militants wing ranks representatives negotiators envoys team rebels insurgents guerrillas
    gunmen""".split()
)
FEMALE_TITLES = frozenset(
    "mrs ms miss madam madame queen princess lady chairwoman spokeswoman congresswoman "
    "businesswoman stateswoman".split()
)
MALE_TITLES = frozenset(
    "mr sir king prince sheikh sheik ayatollah chairman spokesman congressman businessman statesman".split()
)
ACTOR_DEPS = frozenset({"nsubj", "nsubjpass", "poss", "agent", "csubj"})
ACTOR_PREPOSITIONS = frozenset({"with", "against", "by", "between"})
# Words after which "on <capital>" is the state it governs: "called on Tehran to", "sanctions on Moscow".
ON_ACTOR_HEADS = frozenset(
    "call prevail press pressure lean impose sanction sanctions pressure embargo tariff tariffs demand demands".split()
)
# Verbs whose object is a place even when it is a capital: "visited Tehran", "recognise Jerusalem as".
PLACE_VERBS = frozenset(
    """visit leave flee reach enter tour evacuate capture seize recapture besiege surround
    cross shell bomb storm take hit strike attack occupy liberate control hold recognize recognise declare
    move relocate return travel fly arrive""".split()
)
# Collectives a bare definite description may refer back with ("the group" = the last armed group).
ANAPHORIC_GROUP_HEADS = frozenset({"group", "movement", "organization", "organisation", "faction", "militia"})
ENTITY_KINDS = {"PERSON": "person", "ORG": "organization", "NORP": "group"}
# KB actors whose name may modify another actor's title or description: "Iranian", "Hamas", "Kurdish".
MODIFIER_KINDS = ("country", "organization", "group")


def _organisation_acronym(token: "Token", actors: list[KBActor]) -> bool:
    """'ECOWAS has imposed ...': an all-capitals word naming a KB organisation, not a dateline
    ('BAMAKO, Mali -') nor a word of a line set in capitals ('POLICE FIRE TEAR GAS')."""
    if not is_acronym(token.text) or not any(a.kind == "organization" for a in actors):
        return False
    doc = token.doc
    after = doc[token.i + 1] if token.i + 1 < len(doc) else None
    if after is not None and (after.text in (",", "-", "\u2013", "\u2014", "--") or is_acronym(after.text)):
        return False
    return True


@dataclass
class Title:
    """What the words before a name, or around a description's head, say about the actor."""

    country: Optional[str] = None
    sector: Optional[str] = None
    agent: Optional[Agent] = None
    affiliation: Optional[KBActor] = None  # "Hamas leader X": X belongs to Hamas
    people: Optional[KBActor] = None  # a people without a state of its own: "Kurdish fighters"
    gender: Optional[str] = None
    words: tuple[str, ...] = ()  # lower-case agent words ("president", "cleric")


@dataclass
class Candidate:
    """One possible mention of an actor; `coref.py` decides which actor, if any, it is."""

    start: int  # token span of the whole mention, title included
    end: int
    how: str  # name | alias | description | adjective | pronoun
    head: int  # the token that carries the mention's grammatical role
    core: tuple[int, int] = (0, 0)  # the name itself, without a title; a description with its place
    kb: Optional[KBActor] = None
    kind: Optional[str] = None
    title: Title = field(default_factory=Title)
    plural: bool = False
    definite: bool = False
    crowd: bool = False
    demonym: bool = False  # "Iranians": the people of a country
    gender: Optional[str] = None
    nested: bool = False  # lies inside another mention (a title's "Hamas" or "Iranian")


def is_capitalised(token: "Token") -> bool:
    return token.text[:1].isupper()


class MentionFinder:
    """Finds candidate mentions in one sentence; built once per process around the KB."""

    def __init__(self, kb: KnowledgeBase):
        self.kb = kb
        self.max_words = max(kb.max_name_words, 1) + 4  # spaCy splits hyphens: "al - aruri"
        self._text_of: tuple[object, str] = (None, "")

    def text(self, doc) -> str:
        """The doc's text, kept: spaCy's `Doc.text` joins every token on each call."""
        if self._text_of[0] is not doc:
            self._text_of = (doc, doc.text)
        return self._text_of[1]

    # ---- names from the KB ---------------------------------------------------------------------
    def kb_names(self, sent: "Span") -> list[tuple[int, int, list[KBActor]]]:
        """Longest KB names, left to right, not overlapping, that contain a capitalised word."""
        doc = sent.doc
        found = []
        i = sent.start
        while i < sent.end:
            match = self.longest_name_at(doc, i, sent.end)
            if match is None:
                i += 1
                continue
            end, actors = match
            found.append((i, end, actors))
            i = end
        return found

    def longest_name_at(self, doc, i: int, limit: int) -> Optional[tuple[int, list[KBActor]]]:
        first = doc[i]
        if first.is_punct or first.is_space or not any(c.isalnum() for c in first.text):
            return None
        first_key = name_key(first.text)
        if _side_prefix(doc, i):
            return None  # "Pro-Iranian militias" at a sentence's start: no party called "PRO"
        glued = first_key[-1:].isdigit()  # "G7": the dictionaries may list it spaced (glued-number-name)
        if (
            first_key not in self.kb.first_words
            and not (glued and _spelled(first_key)[-1].split()[0] in self.kb.first_words)
            and not (first.text.endswith("s") and name_key(first.text[:-1]) in self.kb.by_name)
        ):
            return None
        text = self.text(doc)
        for end in range(min(limit, i + self.max_words), i, -1):
            last = doc[end - 1]
            if last.is_punct and last.text not in (".",) or last.is_space:
                continue
            key = name_key(text[first.idx : last.idx + len(last.text)])
            ids = self.kb.by_name.get(key)
            if not ids and glued:
                ids = next((found for k in _spelled(key) if (found := self.kb.by_name.get(k))), None)
            if not ids and end - i == 1 and key.endswith("s") and first.text[:1].isupper():
                # a plural demonym the dictionary lists only in the singular: "Iranians"
                ids = tuple(x for x in self.kb.by_name.get(key[:-1], ()) if self.kb.actors[x].kind == "country")
            if not ids:
                continue
            tokens = doc[i:end]
            if not any(is_capitalised(t) for t in tokens):
                continue
            if first.lower_ in ("the", "a", "an") and not any(is_capitalised(t) for t in tokens[1:]):
                if enabled(CAPITALISED_BEYOND_ARTICLE):
                    continue  # "The family said": no cartel "The Family" in a sentence's capital
            actors = [self.kb.actors[x] for x in ids]
            if end - i == 1 and not self._plausible_single_word_name(first, actors):
                continue
            if seat_before(doc, end):
                return None  # "London-based": where a body sits (rule seat-not-owner)
            return end, actors
        return None

    @staticmethod
    def _plausible_single_word_name(token: "Token", actors: list[KBActor]) -> bool:
        # "US" the country, not "us"; a capitalised common word opening a sentence is not a name,
        # but a country is ("Bahrain cut ties", which the small model tags as a common noun).
        if len(token.text) <= 3 and not token.text.isupper():
            return token.text[:1].isupper() and token.pos_ == "PROPN"
        if token.is_sent_start and token.pos_ not in ("PROPN", "ADJ") and not token.ent_type_:
            # a country or person as the subject ("Bahrain cut ties", "Lula held talks"), which the
            # small model tags as a common noun when it opens the sentence
            if enabled(ACRONYM_OPENING_SENTENCE) and _organisation_acronym(token, actors):
                return True
            return any(a.kind in ("country", "person") for a in actors) and token.dep_ in ("nsubj", "nsubjpass")
        return True

    # ---- agents ----------------------------------------------------------------------------
    def agent_ending_at(self, doc, end: int, start_limit: int) -> Optional[tuple[int, Agent]]:
        """The longest agent phrase ending with token `end - 1` and starting at or after start_limit."""
        for start in range(max(start_limit, end - 4), end):
            if doc[start].lower_ not in self.kb.first_words:
                continue
            phrase = self.text(doc)[doc[start].idx : doc[end - 1].idx + len(doc[end - 1].text)]
            agent = self.kb.agents.get(name_key(phrase))
            if agent is not None:
                return start, agent
        return None

    # ---- titles ----------------------------------------------------------------------------
    def title_before(
        self, doc, start: int, sent_start: int, taken: set[int], day: Optional[str] = None, across_of: bool = True
    ) -> tuple[int, Title]:
        """Extend a name leftwards over its title ("senior Iranian cleric Ayatollah") and read it, with
        the roles its actors held on `day` (the article's: "Taliban spokesman X" in 2019 is of an
        armed group, not of the government it became in 2021); over an office's 'of' only when
        `across_of` (rule office-with-of: a name the KB does not know)."""
        i = start
        while i - 1 >= sent_start and start - (i - 1) <= 7:
            t = doc[i - 1]
            if t.pos_ == "CCONJ" and self._joins_portfolios(doc, t.i, start, sent_start):
                i -= 1
                continue
            if across_of and t.lower_ == "of" and i < start:
                office_start = self._office_across_of(doc, t.i, start, sent_start)
                if office_start is not None:
                    i = office_start
                    continue
            if t.pos_ in ("DET", "ADP", "CCONJ", "SCONJ", "PRON", "AUX", "NUM", "PART") or t.is_space:
                break
            if t.is_punct and t.text not in ("-",):
                break
            if t.pos_ == "VERB" and t.dep_ != "amod" and not (t.i + 1 < len(doc) and doc[t.i + 1].text == "-"):
                if not (t.i > 0 and doc[t.i - 1].text == "-"):
                    break
            if t.ent_type_ in ("DATE", "TIME", "CARDINAL", "ORDINAL", "MONEY", "PERCENT"):
                break
            if t.i in taken and not self._is_title_modifier(t):
                break
            i -= 1
        while i < start and (
            doc[i].is_punct or doc[i].pos_ == "VERB" and doc[i].dep_ != "amod" and doc[i + 1].text != "-"
        ):
            i += 1
        title = self.read_title(doc, i, start, day)
        if (
            title.agent is None
            and title.sector is None
            and _rank_before_name(doc, i, start)
            and enabled(RANK_BEFORE_NAME)
        ):
            title.sector = "MIL"
        if i > sent_start + 1 and doc[i - 1].tag_ == "POS":  # "Iran's Supreme Leader X"
            owner = self._country_of_tokens(doc, i - 2)
            if owner and not title.country:
                title.country = owner
        return i, title

    def _office_across_of(self, doc, k: int, start: int, sent_start: int) -> Optional[int]:
        """Rule office-with-of: where an agents-file office holding the 'of' at k begins ("Secretary of
        State" before a name at `start`), when it ends inside the title read so far; else None."""
        if not enabled(OFFICE_WITH_OF):
            return None
        for end in range(start, k + 1, -1):  # the longest office first
            hit = self.agent_ending_at(doc, end, max(sent_start, start - 7))
            if hit is not None and hit[0] < k:
                return hit[0]
        return None

    def _joins_portfolios(self, doc, k: int, start: int, sent_start: int) -> bool:
        """Rule portfolio-conjunction: the 'and' at k joins two portfolios of one office before the
        name at `start` ("Trade and Industry Minister X"): a noun before it that modifies (no
        subject, no actor, no country: "Rebels and troops", "Russian and Chinese"), one or two nouns
        after it, the office's last (the agents file lacks some offices: "commissioner")."""
        if doc[k].lower_ != "and" or k - 1 < sent_start or not 1 <= start - (k + 1) <= 2:
            return False
        before = doc[k - 1]
        if before.pos_ not in ("NOUN", "PROPN") or before.dep_ not in ("nmod", "compound", "amod"):
            return False
        if before.ent_type_ == "PERSON" or self.kb.agents.get(name_key(before.text)) is not None:
            return False
        if self.kb.by_name.get(name_key(before.text)):
            return False  # a state, a nationality, a KB body: two actors joined
        after = doc[k + 1 : start]
        if not all(t.pos_ in ("NOUN", "PROPN") and t.ent_type_ != "PERSON" for t in after):
            return False
        return enabled(PORTFOLIO_CONJUNCTION)

    def _is_title_modifier(self, token: "Token") -> bool:
        hits = self.kb.by_name.get(name_key(token.text))
        return bool(hits) and all(self.kb.actors[h].kind in MODIFIER_KINDS for h in hits)

    def _country_of_tokens(self, doc, i: int) -> Optional[str]:
        for actor in (self.kb.actors[x] for x in self.kb.by_name.get(name_key(doc[i].text), ())):
            if actor.kind == "country":
                role = actor.role_on(None)
                return split_code(role.code)[0] if role else None
        return None

    def read_title(self, doc, start: int, end: int, day: Optional[str] = None) -> Title:
        """Country, sector, agent and affiliation that the words doc[start:end] give."""
        title = Title()
        words: list[str] = []
        found: list[tuple[int, int, Agent]] = []  # (start, end, agent), rightmost (the office) first
        office_start = None  # where the rightmost agent (the office) begins
        j = end
        while j > start:  # agents, longest first, from the right
            hit = self.agent_ending_at(doc, j, start)
            if hit is None:
                j -= 1
                continue
            a_start, agent = hit
            if title.agent is None:
                title.agent = agent
                office_start = a_start
            words.append(agent.phrase)
            found.append((a_start, j, agent))
            j = a_start
        for k in range(start, end):
            text = doc[k].text.lower().rstrip(".")
            if text in FEMALE_TITLES:
                title.gender = "female"
            elif text in MALE_TITLES:
                title.gender = "male"
            if _names_no_owner(doc, k, end):
                continue
            for actor in self._kb_name_at(doc, k, end):
                role = actor.role_on(day)
                country, sector, _ = split_code(role.code) if role else (None, None, None)
                if actor.kind == "country":
                    title.country = title.country or country
                elif actor.kind == "group" and title.people is None:
                    title.people = actor
                    title.country = title.country or country
                elif actor.kind == "person" and enabled(PERSON_MODIFIER_COUNTRY):
                    # "Trump administration officials", "Putin critic": whose side, of that country
                    title.country = title.country or country or single_country(r.code for r in actor.roles)
                elif actor.kind == "organization" and title.affiliation is None:
                    title.affiliation = actor
                    title.country = title.country or country
                    title.sector = sector
                break
        if title.agent is not None and title.sector is None:
            title.sector = self._institution_sector(found) or title.agent.sector
            if title.sector == "MED" and title.agent.phrase in SPOKESPERSON_WORDS and enabled(SPOKESPERSON_NOT_MEDIA):
                title.sector = "GOV"
        if office_start is not None and title.sector in PAST_OFFICE_SECTORS and _past_office(doc, start, office_start):
            title.sector = "ELI"
        title.words = tuple(words)
        return title

    def _institution_sector(self, found: list[tuple[int, int, Agent]]) -> Optional[str]:
        """Rule institution-before-role: the sector of the institution named right before a role whose
        sector its institution decides ("Foreign Ministry spokesman" GOV, "military leaders" MIL,
        "party officials" PTY), or None. Only a modifier of the role itself: in "Republican presidential
        candidate Texas Senator X" the candidacy is another title, not the senator's institution."""
        if len(found) < 2 or not enabled(INSTITUTION_BEFORE_ROLE):
            return None
        (role_start, _, role), (_, institution_end, institution) = found[0], found[1]
        if role.phrase not in self.kb.institution_roles or institution_end != role_start:
            return None
        if institution.phrase in HOLDER_KIND_WORDS and role.sector in STATE_OFFICE_SECTORS and enabled(CIVILIAN_OFFICE):
            return None  # "civilian leaders": leaders who are civilians, the office's own sector
        return institution.sector if institution.sector in ROLE_SECTORS else None

    def _kb_name_at(self, doc, k: int, end: int) -> list[KBActor]:
        if not is_capitalised(doc[k]):
            return []
        match = self.longest_name_at(doc, k, end)
        return match[1] if match else []

    def kb_word(self, doc, k: int) -> list[KBActor]:
        token = doc[k]
        if not is_capitalised(token) or _side_prefix(doc, k) or seat_before(doc, k + 1):
            return []
        return [self.kb.actors[x] for x in self.kb.by_name.get(name_key(token.text), ())]

    # ---- pronouns ---------------------------------------------------------------------------
    @staticmethod
    def pronouns(sent: "Span") -> Iterator[Candidate]:
        for t in sent:
            low = t.lower_
            if t.pos_ not in ("PRON", "DET") and t.tag_ not in ("PRP", "PRP$"):
                continue
            if low in PERSON_PRONOUNS:
                yield Candidate(
                    t.i, t.i + 1, "pronoun", t.i, (t.i, t.i + 1), kind="person", gender=PERSON_PRONOUNS[low]
                )
            elif low in PLURAL_PRONOUNS:
                yield Candidate(t.i, t.i + 1, "pronoun", t.i, (t.i, t.i + 1), plural=True)
            elif is_relative_pronoun(t):
                # "Bruce Turry, who remembered ...": the relative pronoun is its antecedent's mention,
                # so whatever the relative clause says or does is that actor's
                yield Candidate(t.i, t.i + 1, "pronoun", t.i, (t.i, t.i + 1), kind="relative")


def _rank_before_name(doc, title_start: int, name_start: int) -> bool:
    """Rule rank-before-name: "General" written right before a name, not as the end of an office's
    name ("Secretary-General", "Attorney General": the agents file names those offices)."""
    if name_start - 1 < title_start or doc[name_start - 1].text not in MILITARY_RANKS:
        return False
    before = doc[name_start - 2] if name_start - 2 >= title_start else None
    return before is None or before.text != "-" and not (before.is_title and before.pos_ in ("NOUN", "PROPN"))


def _past_office(doc, start: int, office_start: int) -> bool:
    """Rule former-office-title: 'former' or 'ex-' before the office, inside one title ("former
    Malaysian prime minister"; not across "and" or a comma: "a former general and President X")."""
    if not enabled(FORMER_OFFICE_TITLE):
        return False
    for k in range(office_start - 1, start - 1, -1):
        token = doc[k]
        if token.lower_ in PAST_MARKERS:
            return True
        if token.pos_ in ("CCONJ", "DET", "ADP") or (token.is_punct and token.text != "-"):
            return False
    return False


def _names_no_owner(doc, k: int, end: int) -> bool:
    """Whether token k names a side the group takes or a backer ("pro-Russian", "Iran-backed"),
    which gives the group no country (rules side-taken-not-owner, backer-not-owner)."""
    return (enabled(SIDE_TAKEN_NOT_OWNER) and _side_taken(doc, k)) or (
        enabled(BACKER_NOT_OWNER) and _backer(doc, k, end)
    )


def seat_before(doc, end: int) -> bool:
    """Rule seat-not-owner: whether the name ending before token `end` is followed by "-based"."""
    return end + 1 < len(doc) and doc[end].text == "-" and doc[end + 1].lower_ == "based" and enabled(SEAT_NOT_OWNER)


def names_side_or_backer(doc, k: int, end: int) -> bool:
    """Whether token k, inside a description ending at `end`, is the X of "pro-X", "anti-X" or
    "X-backed": whose side the group takes or who backs it, whatever the rules above say of its
    own country (the actor-country step asks this: rule backer-not-home)."""
    return _side_taken(doc, k) or _backer(doc, k, end)


def _side_taken(doc, k: int) -> bool:
    """Whether token k follows 'pro-' or 'anti-' ("pro-Russian": spaCy splits it in three)."""
    return k >= 2 and doc[k - 1].text == "-" and doc[k - 2].lower_ in ("pro", "anti")


def _backer(doc, k: int, end: int) -> bool:
    """Whether token k is the backer of "Iran-backed" (rule backer-not-owner), inside the title."""
    return k + 2 < end and doc[k + 1].text == "-" and doc[k + 2].lower_ in BACKING_WORDS


def _side_prefix(doc, i: int) -> bool:
    """Whether token i is the 'pro' or 'anti' of "Pro-Iranian" (rule side-taken-not-owner)."""
    return (
        doc[i].lower_ in ("pro", "anti")
        and i + 1 < len(doc)
        and doc[i + 1].text == "-"
        and enabled(SIDE_TAKEN_NOT_OWNER)
    )


def _spelled(key: str) -> tuple[str, ...]:
    """A name key and, when it glues letters to a number ("g7", "g20"), the spaced form the
    dictionaries list ("g 7"; rule glued-number-name)."""
    if not _HAS_DIGIT.search(key):  # nearly every key: no regular-expression substitution
        return (key,)
    spaced = _GLUED_NUMBER.sub(" ", key)
    return (key, spaced) if spaced != key and enabled(GLUED_NUMBER_NAME) else (key,)


_GLUED_NUMBER = re.compile(r"(?<=[a-z])(?=\d)")
_HAS_DIGIT = re.compile(r"\d")


def in_actor_position(token: "Token") -> bool:
    """Whether a place name stands for its government here: "Tehran said", "Tehran's decision",
    "talks with Tehran", but not "visited Tehran" or "the streets of Tehran"."""
    dep = token.dep_
    while dep == "conj":
        token = token.head
        dep = token.dep_
    if dep in ACTOR_DEPS:
        return True
    if dep == "dobj":  # "accused Washington", not "visited Tehran"
        return token.head.lemma_.lower() not in PLACE_VERBS
    if dep == "dative":  # "gave Tehran a deadline"
        return True
    if dep != "pobj":
        return False
    prep = token.head
    if prep.lower_ in ACTOR_PREPOSITIONS:
        return True
    return prep.lower_ in ("on", "upon") and (
        prep.head.lemma_.lower() in ON_ACTOR_HEADS or prep.head.lower_ in ON_ACTOR_HEADS
    )
