"""Typed records of the output contract (v1; documented in docs/records.md, generated from here).

These classes *are* the contract: `diurna code` prints `ArticleDocument.model_dump()`,
the store writes them, and `diurna schema` prints the JSON Schema generated from them.
Fields may be added; none may be renamed or change meaning without a new contract version.

Offsets are Python `str` character offsets into `Article.text`, end-exclusive.
"""

from __future__ import annotations

from typing import Literal, Optional, get_args

from pydantic import BaseModel, ConfigDict, Field

CONTRACT_VERSION = 1

PloverType = Literal[
    "AGREE",
    "CONSULT",
    "SUPPORT",
    "CONCEDE",
    "COOPERATE",
    "AID",
    "RETREAT",
    "REQUEST",
    "ACCUSE",
    "REJECT",
    "THREATEN",
    "PROTEST",
    "SANCTION",
    "MOBILIZE",
    "COERCE",
    "ASSAULT",
]
PLOVER_TYPES: tuple[str, ...] = get_args(PloverType)  # the same list, for code that iterates it
# "before": some day up to `end`, which one the text does not say (an undated past event);
# `start` is a lower bound the text gives ("following the attacks on 7 October") or a
# conventional one year before `end` (docs/time.md).
Granularity = Literal["day", "week", "month", "season", "year", "years", "months", "before"]
GRANULARITIES = get_args(Granularity)
ActorKind = Literal["person", "organization", "country", "group"]
QuoteKind = Literal["direct", "indirect", "partial"]
Polarity = Literal["asserted", "negated"]
Modality = Literal["actual", "intended", "demanded", "hypothetical"]
PlaceFeature = Literal["city", "country", "region"]
# How exactly a place is known, like ACLED's geo-precision: a populated place, a second-level unit
# (district, county, territory), a first-level region, or only the country.
GeoPrecision = Literal["place", "district", "region", "country"]
# How an event's place was chosen: from the event's own clause, from elsewhere in its sentence, or
# from the article's dateline (events of the lead only).
PlaceBasis = Literal["clause", "sentence", "dateline", "story"]


class Record(BaseModel):
    # Extra fields are rejected so a typo in a stage is an error, not a silently dropped key.
    model_config = ConfigDict(extra="forbid", validate_assignment=False)


class TextSpan(Record):
    """A piece of the article text: `article.text[start:end] == text`."""

    text: str = Field(description="the words, exactly as in article.text")
    start: int = Field(ge=0, description="character offset of the first character in article.text")
    end: int = Field(ge=0, description="character offset just after the last character (end-exclusive)")


class CharRange(Record):
    """A stretch of the article text by offsets only (an event's evidence sentence)."""

    start: int = Field(ge=0, description="character offset of the first character in article.text")
    end: int = Field(ge=0, description="character offset just after the last character (end-exclusive)")


class Article(Record):
    """The article as diurna coded it; every offset in the document points into its `text`."""

    id: str = Field(
        description="stable id: the same input gives the same id on every run and machine (a hash of "
        "the url, else of the normalised text), or the id the input gave"
    )
    title: Optional[str] = Field(None, description="headline, when the input carries one")
    url: Optional[str] = Field(None, description="where the article was published, when known")
    source: Optional[str] = Field(None, description="news source name (from the input, or --source)")
    published: Optional[str] = Field(
        None, description="publication date, ISO 8601 (YYYY-MM-DD); anchors relative dates"
    )
    text: str = Field(description="body text as diurna stored it (boilerplate removed, newlines normalised)")
    language: str = Field("en", description="ISO 639-1 language of the text (diurna codes English only)")
    pubdate_assumed: bool = Field(
        False,
        description="true when the article states no publication date and "
        "`published` is a default: --pubdate, or the day it was coded",
    )
    events_withheld: int = Field(
        0,
        ge=0,
        description="events diurna found in this text but left out because their confidence (the "
        "verifier's probability that the event is right) was below the threshold: the verifier's own "
        "on a text that reads as a story, or --min-confidence; and, by default in a story, events with "
        "no recipient other than shows of force (MOBILIZE); `--min-confidence 0` emits them",
    )


class Actor(Record):
    """One distinct real-world actor in the article, mentions merged. Its role is the one it held on
    the event's date (a person's office changes over time)."""

    id: str = Field(description="stable id, referred to by events, quotes and relay chains")
    name: str = Field(description="the actor's name as the article gives it (its fullest mention)")
    kb_id: Optional[str] = Field(None, description="id in diurna's actor knowledge base, when the actor is known")
    country: Optional[str] = Field(
        None, description="ISO 3166-1 alpha-3; PSE for Palestine; null = international/unknown"
    )
    sector: Optional[str] = Field(None, description="CAMEO-style role: GOV MIL REB OPP PTY CVL MED REL BUS NGO IGO ...")
    code: Optional[str] = Field(None, description="CAMEO actor code, country + role, e.g. IRNGOV")
    kind: ActorKind = Field("group", description="person, organization, country or group")
    mentions: list[TextSpan] = Field(
        default_factory=list, description="every mention in the text: names, descriptions, pronouns"
    )
    country_inferred: bool = Field(
        False,
        description="true when `country` is the story's country (dateline, places, "
        "state actors), not one the text states for this actor",
    )


class DateRef(Record):
    """A date as an interval. When the text gives no date, an event's date is the publication date
    with `text: null`."""

    text: Optional[str] = Field(
        None, description='the words that give the date ("on Monday"); null when the text gives none'
    )
    start: str = Field(description="first day of the interval, ISO 8601")
    end: str = Field(description="last day of the interval, ISO 8601 (inclusive)")
    granularity: Granularity = Field("day", description="how precise the date is")
    anchored_to: Literal["published", "explicit"] = Field(
        "published", description="published: resolved against the publication date; explicit: stated in full"
    )


class Event(Record):
    """A PLOVER v2 event with its CAMEO code, actors, evidence, date and place."""

    id: str = Field(description="stable id")
    type: PloverType = Field(description="PLOVER v2 event type")
    mode: Optional[str] = Field(None, description="PLOVER mode, where one applies")
    cameo: Optional[str] = Field(None, description="the closest CAMEO event code")
    quad_class: Optional[int] = Field(
        None,
        ge=1,
        le=4,
        description="1 verbal cooperation, 2 material cooperation, 3 verbal conflict, 4 material conflict",
    )
    goldstein: Optional[float] = Field(None, description="Goldstein score of the CAMEO code (-10 to +10)")
    source: Optional[str] = Field(None, description="actor id of who acts")
    target: Optional[str] = Field(None, description="actor id of whom it is done to; null when none is named")
    trigger: TextSpan = Field(description='the words that state the event ("spoke with")')
    sentence: CharRange = Field(description="the evidence sentence")
    date: DateRef = Field(description="when it happened")
    place: Optional[str] = Field(None, description="place id of where it happened")
    place_basis: Optional[PlaceBasis] = Field(
        None,
        description="how `place` was chosen: clause (the event's own clause) | sentence (elsewhere in its "
        "sentence) | dateline (the dateline, for events of the lead) | story (carried from another sentence: "
        "the scene of the two sentences before, a thing told before, the lead after a headline); a dateline "
        "or story place is given only to events at a scene (ASSAULT, COERCE, PROTEST, MOBILIZE, CONSULT)",
    )
    place_rule: Optional[str] = Field(
        None,
        description="the named rule of diurna/places/clause.py's registry that chose `place` (e.g. own_clause, "
        'scene_just_before): filter or audit by it; "learned:<rule>" when the learned chooser '
        '(diurna/places/chooser.py) chose it among the places the rules offer ("learned:mention": a place '
        "of the sentence or the story no rule chose)",
    )
    place_precision: Optional[GeoPrecision] = Field(None, description="place | district | region | country")
    country: Optional[str] = Field(
        None, description="ISO 3166-1 alpha-3 of the event's place, also when only the country is known"
    )
    polarity: Polarity = Field("asserted", description='asserted, or negated ("did not meet")')
    modality: Modality = Field("actual", description="actual, intended, demanded or hypothetical")
    attributed_to: Optional[str] = Field(
        None, description='actor id of who reports or claims it (a quote\'s speaker, "according to PressTV")'
    )
    confidence: float = Field(
        0.0,
        ge=0.0,
        le=1.0,
        description="how sure the coder is, 0 to 1: the learned verifier's probability that type, source and "
        "target are all right, calibrated on held-out real news (docs/events.md). In a text of three "
        "sentences or more, events under the packaged model's threshold are not emitted; a sentence or two "
        "keeps every event. Filter on it (`diurna code --min-confidence`)",
    )


class Quote(Record):
    """A direct, partial or indirect quote; events stated inside it are claims of its speaker."""

    id: str = Field(description="stable id")
    kind: QuoteKind = Field(description="direct, indirect or partial")
    content: TextSpan = Field(description="what was said")
    speaker: Optional[str] = Field(None, description="actor id of who said it")
    speaker_mention: Optional[TextSpan] = Field(None, description="the words in the text that name the speaker")
    cue: Optional[TextSpan] = Field(None, description='the reporting verb or phrase ("said")')
    via: list[str] = Field(
        default_factory=list, description='relay chain, nearest first (actor ids: "according to PressTV")'
    )


class Place(Record):
    """A place named in the article, geocoded offline."""

    id: str = Field(description="stable id, referred to by events")
    name: str = Field(description="the place's name")
    country: Optional[str] = Field(None, description="ISO 3166-1 alpha-3 country")
    geonameid: Optional[int] = Field(None, description="GeoNames id")
    lat: Optional[float] = Field(None, description="latitude (WGS 84)")
    lon: Optional[float] = Field(None, description="longitude (WGS 84)")
    feature: PlaceFeature = Field("city", description="city, country or region")
    precision: Optional[GeoPrecision] = Field(
        None, description='place | district | region | country; a district\'s feature is "region"'
    )
    mentions: list[TextSpan] = Field(default_factory=list, description="every mention in the text")


class ArticleDocument(Record):
    """One coded article: what `diurna code` prints, one per line."""

    article: Article = Field(description="the article and its text")
    actors: list[Actor] = Field(default_factory=list, description="one per distinct actor")
    events: list[Event] = Field(default_factory=list, description="PLOVER events")
    quotes: list[Quote] = Field(default_factory=list, description="quotes with speaker and relay chain")
    places: list[Place] = Field(default_factory=list, description="places, geocoded")


def article_document_schema() -> dict:
    """JSON Schema of the article document (what `diurna schema` prints)."""
    schema = ArticleDocument.model_json_schema()
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["title"] = "diurna article document (record contract v%d)" % CONTRACT_VERSION
    return schema
