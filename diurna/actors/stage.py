"""The actor stage: KB-resolved, coreferent actor mentions for each article (issue 4)."""

from __future__ import annotations

from typing import Optional

from diurna.actors.codes import ROLE_SECTORS, iso3_codes, join_code
from diurna.actors.draft import coded_without_role, role_coding
from diurna.actors.kb import KnowledgeBase, default_kb, name_key
from diurna.actors.mentions import MentionFinder
from diurna.actors.resolve import ArticleResolver, DraftActor
from diurna.actors.rules import enabled, register
from diurna.actors.words import NAME_HEAD_SECTORS
from diurna.document import ArticleDoc, MentionRef
from diurna.ids import stable_id
from diurna.places.gazetteer import load as load_gazetteer
from diurna.records import Actor, TextSpan

TITLE_WHEN_NO_ROLE = register(
    "title-when-no-role",
    "Mexican President Andres Manuel Lopez Obrador held his morning press conference.",
    "A KB actor with no role on the day is coded by what the article's titles and descriptions said of it.",
)
STATELESS_PEOPLE_CODE = register(
    "stateless-people-code",
    "Kurdish fighters captured the town on Sunday.",
    "An actor of a people without a state keeps the people's code prefix ('Kurdish fighters' = "
    "KURUAF), which no country code gives.",
)
NAME_HEAD_SECTOR = register(
    "name-head-sector",
    "Witnesses said the Rapid Intervention Force fired on the crowd.",
    "An organisation the KB does not know, whose name ends in a word that says what it is (Force, "
    "Brigade, Police, Court, Party, University, Hospital), has that word's sector.",
)
NAME_WORD_SECTOR = register(
    "name-word-sector",
    "The Kivu Revolutionary Movement said it had taken the town; the Coastal Liberation Front denied it.",
    "An organisation the KB does not know and whose last word says nothing (rule name-head-sector) has "
    "the sector that a word of its name gives the KB's own organisations ('Liberation', "
    "'Revolutionary' REB, 'Democratic' PTY, 'Holdings' BUS; KnowledgeBase.name_word_sectors), unless "
    "an international one (NGO, IGO), which would keep the story's country from it; a word the agents "
    "file codes ('forces', 'navy') is read before a learned one to its left.",
)
CAPITAL_NOT_NAME = register(
    "capital-not-name",
    "Tehran rejected the proposal. Iran's foreign ministry said ...",
    "A country mentioned through its capital is named as the country (Iran, not 'Tehran').",
)


class ActorStage:
    """Fills `doc.actors` (records.Actor, mentions merged) and `doc.mentions` (one MentionRef per
    mention, pronouns and descriptions included, so later stages find the actor at a token).

    Roles are those held on the article's publication date; see `diurna.actors.role_on`.
    """

    name = "actors"
    # what the stage reads from the article and what it writes (the pipeline checks the order)
    requires = ("spacy_doc",)
    assigns = ("actors", "mentions")

    def __init__(self, kb: Optional[KnowledgeBase] = None):
        self.kb = kb if kb is not None else default_kb()
        self.finder = MentionFinder(self.kb)
        (
            iso3_codes(),
            self.kb.first_words,
            self.kb.surnames,
            self.kb.name_word_sectors,
        )  # load once here, not inside the first article's timing
        # the places stage's gazetteer (region-not-state, place-surname ask it), shared with that stage
        load_gazetteer()

    def __call__(self, doc: ArticleDoc) -> None:
        resolver = ArticleResolver(self.kb, self.finder, doc.spacy_doc, doc.article.published)
        for draft in resolver.run(doc.out_of_time):
            actor = self.to_record(doc, draft)
            doc.actors.append(actor)
            for start, end, how in draft.mentions:
                span = doc.spacy_doc[start:end]
                doc.mentions.append(MentionRef(actor.id, span.start_char, span.end_char, start, end, how))

    def to_record(self, doc: ArticleDoc, draft: DraftActor) -> Actor:
        country, sector, code = self.coding(draft, doc.article.published)
        spacy_doc = doc.spacy_doc
        mentions = [
            TextSpan(
                text=spacy_doc[s:e].text, start=spacy_doc[s].idx, end=spacy_doc[e - 1].idx + len(spacy_doc[e - 1].text)
            )
            for s, e, _ in sorted(draft.mentions)
        ]
        return Actor(
            id=stable_id("act_", doc.article.id, draft.key),
            name=display_name(draft),
            kb_id=draft.kb.id if draft.kb else None,
            country=country,
            sector=sector,
            code=code,
            kind=draft.kind if draft.kind in ("person", "organization", "country", "group") else "group",
            mentions=mentions,
        )

    def coding(self, draft: DraftActor, day: Optional[str]) -> tuple[Optional[str], Optional[str], Optional[str]]:
        """(country, sector, code): the KB role on the day, else what titles and descriptions said."""
        if draft.kb is not None:
            role = draft.kb.role_on(day)
            if role is not None:
                return role_coding(draft, role)
            if not enabled(TITLE_WHEN_NO_ROLE):
                return None, None, None
            country, sector = coded_without_role(draft)
        else:
            country, sector = draft.country, draft.sector
            if sector is None and draft.kind == "organization" and draft.names and enabled(NAME_HEAD_SECTOR):
                sector = NAME_HEAD_SECTORS.get(max(draft.names, key=len).split()[-1].lower())
            if sector is None and draft.kind == "organization" and draft.names and enabled(NAME_WORD_SECTOR):
                sector = self._name_word_sector(max(draft.names, key=len))
            if country is None and draft.prefix and enabled(STATELESS_PEOPLE_CODE):
                return country, sector, draft.prefix + (sector or "")
        return country, sector, join_code(country, sector)

    def _name_word_sector(self, name: str) -> Optional[str]:
        """Rule name-word-sector: the sector the KB's organisations give the rightmost word of `name`
        that says one ("Movement for the Liberation of Azawad": liberation, REB)."""
        table = self.kb.name_word_sectors
        for word in reversed(name_key(name).replace("-", " ").split()):
            agent = self.kb.agents.get(word)
            if agent is not None and agent.sector in ROLE_SECTORS:
                # a word the agents file codes says what the body is before a learned one to its left:
                # "Armed Forces Division" is MIL (forces), not REB (armed); review11 F15
                sector = agent.sector
            elif word in table:
                sector = table[word]
            else:
                continue
            # an NGO's or IGO's sector would keep the story's country from it: "the Amazon
            # Environmental Research Institute" is Brazil's (the story's), whatever its words say
            return sector if sector not in ("NGO", "IGO") else None
        return None


def display_name(draft: DraftActor) -> str:
    """The fullest name the article uses; the KB's name; or the longest description (rule
    capital-not-name: a country is not named by its capital)."""
    names = draft.names
    if draft.kb is not None and draft.kb.cities and enabled(CAPITAL_NOT_NAME):
        names = [n for n in names if name_key(n) not in draft.kb.cities] or [draft.kb.name]
    if names:
        return max(names, key=len)
    if draft.kb is not None:
        return draft.kb.name
    if draft.descriptions:
        text = max(draft.descriptions, key=len)
        return text
    return draft.key
