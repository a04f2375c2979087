"""Typed records of the output contract (`shared/spec/records.md`, v1).

These classes *are* the contract: `diurna code` prints `ArticleDocument.model_dump()`,
the store writes them, and `diurna schema` prints the JSON Schema generated from them.
Fields may be added; none may be renamed or change meaning without a new contract version.

Offsets are Python `str` character offsets into `Article.text`, end-exclusive.
"""
from __future__ import annotations

from typing import Literal, Optional

from pydantic import BaseModel, ConfigDict, Field

CONTRACT_VERSION = 1

PLOVER_TYPES = (
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
    "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
)
PloverType = Literal[
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
    "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
]
Granularity = Literal["day", "week", "month", "season", "year", "years", "months"]
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
PlaceBasis = Literal["clause", "sentence", "dateline"]


class Record(BaseModel):
    # Extra fields are rejected so a typo in a stage is an error, not a silently dropped key.
    model_config = ConfigDict(extra="forbid", validate_assignment=False)


class TextSpan(Record):
    """A piece of the article text: `article.text[start:end] == text`."""
    text: str
    start: int = Field(ge=0)
    end: int = Field(ge=0)


class CharRange(Record):
    start: int = Field(ge=0)
    end: int = Field(ge=0)


class Article(Record):
    id: str
    title: Optional[str] = None
    url: Optional[str] = None
    source: Optional[str] = None
    published: Optional[str] = Field(None, description="ISO 8601 date (YYYY-MM-DD)")
    text: str
    language: str = "en"


class Actor(Record):
    id: str
    name: str
    kb_id: Optional[str] = None
    country: Optional[str] = Field(None, description="ISO 3166-1 alpha-3; PSE for Palestine; null = international/unknown")
    sector: Optional[str] = Field(None, description="CAMEO-style role: GOV MIL REB OPP PTY CVL MED REL BUS NGO IGO ...")
    code: Optional[str] = Field(None, description="CAMEO actor code, country + role, e.g. IRNGOV")
    kind: ActorKind = "group"
    mentions: list[TextSpan] = Field(default_factory=list)


class DateRef(Record):
    text: Optional[str] = None
    start: str
    end: str
    granularity: Granularity = "day"
    anchored_to: Literal["published", "explicit"] = "published"


class Event(Record):
    id: str
    type: PloverType
    mode: Optional[str] = None
    cameo: Optional[str] = None
    quad_class: Optional[int] = Field(None, ge=1, le=4)
    goldstein: Optional[float] = None
    source: Optional[str] = None
    target: Optional[str] = None
    trigger: TextSpan
    sentence: CharRange
    date: DateRef
    place: Optional[str] = None
    place_basis: Optional[PlaceBasis] = Field(None, description="how `place` was chosen: clause | sentence | dateline")
    place_precision: Optional[GeoPrecision] = Field(None, description="place | district | region | country")
    country: Optional[str] = Field(None, description="ISO 3166-1 alpha-3 of the event's place, also when only the country is known")
    polarity: Polarity = "asserted"
    modality: Modality = "actual"
    attributed_to: Optional[str] = None
    confidence: float = Field(0.0, ge=0.0, le=1.0)


class Quote(Record):
    id: str
    kind: QuoteKind
    content: TextSpan
    speaker: Optional[str] = None
    speaker_mention: Optional[TextSpan] = None
    cue: Optional[TextSpan] = None
    via: list[str] = Field(default_factory=list, description="relay chain, nearest first")


class Place(Record):
    id: str
    name: str
    country: Optional[str] = None
    geonameid: Optional[int] = None
    lat: Optional[float] = None
    lon: Optional[float] = None
    feature: PlaceFeature = "city"
    precision: Optional[GeoPrecision] = Field(None, description="place | district | region | country; "
                                              "a district's feature is \"region\"")
    mentions: list[TextSpan] = Field(default_factory=list)


class ArticleDocument(Record):
    """One coded article: what `diurna code` prints, one per line."""
    article: Article
    actors: list[Actor] = Field(default_factory=list)
    events: list[Event] = Field(default_factory=list)
    quotes: list[Quote] = Field(default_factory=list)
    places: list[Place] = Field(default_factory=list)


def article_document_schema() -> dict:
    """JSON Schema of the article document (what `diurna schema` prints)."""
    schema = ArticleDocument.model_json_schema()
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["title"] = "diurna article document (record contract v%d)" % CONTRACT_VERSION
    return schema
