"""The one filter set every query, export and dashboard view shares: `EventFilter`.

How an actor filter (`actor`, `source`, `target`, dyad sides) matches an actor:

- a value containing ":" is an actor key, the cross-article identity `top_actors` reports
  (`kb:vladimir_putin`, `country:IRN`, `person:KENGOV:odinga`; see diurna.store.clusters.actor_key);
- three, six or nine capital letters are a CAMEO code prefix. This is the **country roll-up**:
  `JPN` matches every actor coded JPN... — Japan itself, its government (JPNGOV), military
  (JPNMIL), police, officials and ministers (persons coded JPNGOV), and Japan's other groups
  (JPNOPP, JPNBUS) — while `JPNGOV` matches the government and its sub-codes (JPNGOVMIL) only.
  `kb:japan` is the narrowest (the state itself), the name `Japan` matches actors named so, and `JPN`
  the widest; the dashboard offers the roll-up first;
- anything else is a knowledge-base id (`hassan_rouhani`) or the start of a word of the actor's
  name, case-insensitive (`rouhani` matches "Hassan Rouhani"; `us` does not match "Russia").

`country` matches the ISO alpha-3 country of the source or the target (the actor's own country, coded
or not); `place_country` the country the event happened in (its place, else the stage's event country).

`modality`, `polarity` and `claimed` tell what was reported from what happened: an analyst counting
what happened asks for `modality=actual`, `polarity=asserted` (the dashboard's default); `claimed=False`
also leaves out events that are only someone's claim (attributed to a speaker or source).

Every user value reaches DuckDB as a bound parameter; only clause templates written here are ever part
of the SQL text.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Any, Optional, Sequence

COUNTED = "(a.dup_group IS NULL OR a.dup_group = a.id)"  # not a copy of another article
MODALITIES = ("actual", "intended", "demanded", "hypothetical")
POLARITIES = ("asserted", "negated")
_CODE = re.compile(r"^(?:[A-Z]{3}){1,3}$")


def _like_escape(value: str) -> str:
    return value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def _listed(value) -> list:
    return [value] if isinstance(value, (str, int)) else list(value)


@dataclass(frozen=True)
class ActorColumns:
    """Where a table keeps an actor's key, kb id, CAMEO code and name (SQL column expressions)."""

    key: str
    kb_id: Optional[str]
    code: str
    name: str


def actor_clause(cols: ActorColumns, value: str) -> tuple[str, list[Any]]:
    """SQL (with ? marks) and parameters matching one actor filter value (module docstring)."""
    value = value.strip()
    if ":" in value:
        return "%s = ?" % cols.key, [value]
    if _CODE.match(value):
        return "%s LIKE ? ESCAPE '\\'" % cols.code, [_like_escape(value) + "%"]
    word = _like_escape(value.lower())
    kb = ("%s = ?" % cols.kb_id) if cols.kb_id else "%s = 'kb:' || ?" % cols.key
    return (
        "(%s OR lower(%s) LIKE ? ESCAPE '\\' OR lower(%s) LIKE ? ESCAPE '\\')" % (kb, cols.name, cols.name),
        [value, word + "%", "% " + word + "%"],
    )


ACTOR_ROW = ActorColumns("x.key", "x.kb_id", "x.code", "x.name")
# An event row carries its actors' key, code, name and country (diurna.store.facts, schema v6): an actor
# filter tests the event row itself. A knowledge-base id is matched through the key ('kb:' + id, as
# clusters.actor_key makes it).
SOURCE = ActorColumns("e.source_key", None, "e.source_code", "e.source_name")
TARGET = ActorColumns("e.target_key", None, "e.target_code", "e.target_name")
CLUSTER_SOURCE = ActorColumns("c.source_key", None, "c.source_code", "c.source_name")
CLUSTER_TARGET = ActorColumns("c.target_key", None, "c.target_code", "c.target_name")


@dataclass(frozen=True)
class Columns:
    """Where one table shape (event mentions, or cluster rows) keeps what the filters test."""

    source: ActorColumns
    target: ActorColumns
    countries: tuple[str, str]
    type: str
    quad_class: str
    date: str
    place: tuple[str, str]  # name, GeoNames id
    place_country: str
    modality: str
    polarity: str
    article: str  # clause with one ? for the article id
    granularity: str  # clause with {values} for the granularities' marks
    unclaimed: str  # clause: not (only) someone's claim
    claimed: str  # clause: someone's claim
    outlet: str  # clause with one ? for the lower-cased outlet
    counted_only: Optional[str]  # clause leaving out copies unless include_duplicates


# Every field an event filter tests is on the event row (diurna.store.facts): a count or a tally over a
# million events reads one table, with no join of each event with its actors, place or article
# (on 200,000 articles the joins were most of the time of the network, dyad, actor and map views).
MENTIONS = Columns(
    source=SOURCE,
    target=TARGET,
    countries=("e.source_country", "e.target_country"),
    type="e.type",
    quad_class="e.quad_class",
    date="e.date_start",
    place=("e.place_name", "e.place_geonameid"),
    place_country="coalesce(e.event_country, e.place_country)",  # the events stage decides; else its place
    modality="e.modality",
    polarity="e.polarity",
    article="e.article_id = ?",
    granularity="e.date_granularity IN ({values})",
    unclaimed="e.attributed_to IS NULL",
    claimed="e.attributed_to IS NOT NULL",
    outlet="e.article_id IN (SELECT ar.id FROM articles ar WHERE lower(ar.source) = ?)",
    counted_only="NOT e.is_copy",  # not an event of a near-duplicate copy (COUNTED, kept on the row)
)

# A cluster is claimed when every mention of it is someone's claim, and comes from an outlet or an
# article when one of its mentions does.
CLUSTERS = Columns(
    source=CLUSTER_SOURCE,
    target=CLUSTER_TARGET,
    countries=("c.source_country", "c.target_country"),
    type="c.type",
    quad_class="c.quad_class",
    date="c.date",
    place=("c.place_name", "c.geonameid"),
    place_country="c.place_country",
    modality="c.modality",
    polarity="c.polarity",
    article="c.id IN (SELECT cluster_id FROM events WHERE article_id = ?)",
    granularity="c.id IN (SELECT cluster_id FROM events WHERE date_granularity IN ({values}))",
    unclaimed="c.id IN (SELECT cluster_id FROM events WHERE attributed_to IS NULL)",
    claimed="c.id NOT IN (SELECT cluster_id FROM events WHERE attributed_to IS NULL AND cluster_id IS NOT NULL)",
    outlet="c.id IN (SELECT ev.cluster_id FROM events ev JOIN articles ar ON ar.id = ev.article_id "
    "WHERE lower(ar.source) = ?)",
    counted_only="c.mentions > 0",  # a happening only wire copies report is shown with the copies only
)


@dataclass
class EventFilter:
    """What every event query selects. Every field is optional; fields combine with AND."""

    actor: Optional[str] = None  # source or target (see the module docstring)
    source: Optional[str] = None
    target: Optional[str] = None
    country: Optional[str] = None  # ISO alpha-3 of source or target (actor country)
    type: Optional[Sequence[str]] = None  # PLOVER types
    quad_class: Optional[int] = None
    start: Optional[str] = None  # ISO date: events whose date starts on or after it
    end: Optional[str] = None  # ISO date: events whose date starts on or before it
    place: Optional[str] = None  # place name (case-insensitive) or GeoNames id
    article_id: Optional[str] = None
    include_duplicates: bool = False  # events of near-duplicate articles (wire copies) too
    granularity: Optional[Sequence[str]] = None  # date granularities ("day", "before", ...; records.md)
    place_country: Optional[str] = None  # ISO alpha-3 of the event's place (event place country)
    modality: Optional[Sequence[str]] = None  # "actual", "intended", "demanded", "hypothetical"
    polarity: Optional[Sequence[str]] = None  # "asserted", "negated"
    claimed: Optional[bool] = None  # True: only events someone claims; False: none of them
    outlet: Optional[str] = None  # the article's news source (case-insensitive)

    def where(self) -> tuple[str, list[Any]]:
        """WHERE clause over `events e` alone (see joins())."""
        return self._where(MENTIONS)

    def cluster_where(self) -> tuple[str, list[Any]]:
        """The same selection over `event_clusters c` (one row per real-world event)."""
        return self._where(CLUSTERS)

    def joins(self) -> str:
        """The FROM clause `where()` reads: `events e`, which carries every field a filter tests."""
        return "FROM events e"

    def _where(self, cols: Columns) -> tuple[str, list[Any]]:
        clauses: list[str] = []
        params: list[Any] = []

        def add(sql: str, values: list[Any]) -> None:
            clauses.append(sql)
            params.extend(values)

        if self.actor:
            s_sql, s_params = actor_clause(cols.source, self.actor)
            t_sql, t_params = actor_clause(cols.target, self.actor)
            add("(%s OR %s)" % (s_sql, t_sql), s_params + t_params)
        if self.source:
            add(*actor_clause(cols.source, self.source))
        if self.target:
            add(*actor_clause(cols.target, self.target))
        if self.country:
            add("(%s = ? OR %s = ?)" % cols.countries, [self.country.upper()] * 2)
        if self.type:
            add(*one_of(cols.type, [t.upper() for t in _listed(self.type)]))
        if self.quad_class is not None:
            add("%s = ?" % cols.quad_class, [int(self.quad_class)])
        if self.start:
            add("%s >= ?" % cols.date, [parse_date(self.start)])
        if self.end:
            add("%s <= ?" % cols.date, [parse_date(self.end)])
        if self.place:
            if re.fullmatch(r"[0-9]{1,18}", str(self.place)):  # a GeoNames id fits a BIGINT
                add("%s = ?" % cols.place[1], [int(self.place)])
            else:
                add("lower(%s) = ?" % cols.place[0], [str(self.place).lower()])
        if self.place_country:
            add("%s = ?" % cols.place_country, [self.place_country.upper()])
        if self.article_id:
            add(cols.article, [self.article_id])
        if self.granularity:
            add(*one_of(cols.granularity, [g.lower() for g in _listed(self.granularity)]))
        if self.modality:
            add(*one_of(cols.modality, [m.lower() for m in _listed(self.modality)]))
        if self.polarity:
            add(*one_of(cols.polarity, [p.lower() for p in _listed(self.polarity)]))
        if self.claimed is not None:
            clauses.append(cols.claimed if self.claimed else cols.unclaimed)
        if self.outlet:
            add(cols.outlet, [self.outlet.strip().lower()])
        if cols.counted_only and not self.include_duplicates:
            clauses.append(cols.counted_only)
        return (" AND ".join(clauses) or "TRUE"), params


def one_of(column: str, values: list) -> tuple[str, list[Any]]:
    """`column IN (?, ?, ...)`, one bound mark per value; `column` may instead be a clause with a
    {values} slot for the marks. A constant list lets DuckDB test the values in the table scan itself,
    where `IN (SELECT unnest(?))` made a hash semi-join with every row (0.1 s of a 0.6 s map count on
    a million events)."""
    marks = ", ".join("?" * len(values))
    clause = column.format(values=marks) if "{values}" in column else "%s IN (%s)" % (column, marks)
    return clause, list(values)


def parse_date(value) -> dt.date:
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value)[:10])
    except ValueError:
        raise ValueError("not a date in YYYY-MM-DD form: %r" % (value,))
