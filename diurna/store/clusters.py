"""Event clusters: the events of different articles that report the same real-world happening.

The rule (docs/store.md, "Event clusters"):

1. Two events can only be linked when they share a *block*: the same type family (FAMILIES), the
   same source actor (by `link_key`), the same polarity and the same modality (a denial or a
   threat is not the happening itself). Within a block, events are grouped by target (`link_key`).
2. Within a target group, events are ordered by date and swept once: an event joins the open
   cluster when its date starts at most TOLERANCE_DAYS after the cluster's first date, else it
   opens a new cluster. Measuring from the cluster's first date (not from the previous event)
   stops a daily series of clashes from chaining into one endless cluster.
3. An event without a target ("Israel carried out air strikes", target not named or not found)
   joins the cluster (with a target) of its block whose first date is on its own date or up to
   TOLERANCE_DAYS before it, when there is exactly one such cluster; otherwise the target-less
   events are swept among themselves. (Looking only backwards keeps every dependency pointing to
   the past, which is what lets a write recompute a short window; see recluster.)
4. Events dated more coarsely than a week ("last month", "this year") are never linked: each is
   a cluster of its own, because its date cannot tell one happening from the next.

`link_key` is looser than `actor_key` (the identity queries use) because reports name one actor
in different ways: a person is linked by surname ("Kishida" and "Fumio Kishida"), a state and its
organs by country ("Turkey", "Turkish warplanes", "the Turkish government"), and a generic group
by role and country, taking the country from the event's place, else the article's places, else
the other side of the event, when the text gives none ("police" in a Nairobi story and "Kenyan
police"). In symmetric families (SYMMETRIC: meetings, cooperation) the two sides are ordered, so
"A met B" and "B met A" share a block.

The sweep depends only on the set of events in the block, so the clusters do not depend on the
order or batching of the ingest. A cluster's id is a hash of its block and first date: it stays
the same as more reports of the happening arrive, and changes only if a report dates the
happening earlier.

Counts follow GDELT's NumMentions/NumArticles/NumSources, but without double counting wire copies:
`mentions` counts the events of canonical articles only (diurna.store.dedup), `articles` counts
independent reports (duplicate groups), `copies` counts every stored article that carries the event,
and `sources` counts distinct news sources among them.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from typing import Optional, Sequence

from diurna.ids import stable_id
from diurna.records import Actor, Event

TOLERANCE_DAYS = 1  # reports of one happening differ by a day (time zones, "late on Monday")
MAX_SPAN_DAYS = 7  # dates coarser than this are never linked

# PLOVER types that reporters' wording commonly flips between for one happening: "X signed a deal
# with Y" is AGREE in one report and COOPERATE in another only when the deal is the cooperation
# itself, so those stay apart; backing a plan and agreeing to it, or detaining and beating
# protesters, are routinely told both ways.
FAMILIES = {
    "CONSULT": "consult",
    "AGREE": "agree",
    "SUPPORT": "agree",
    "COOPERATE": "cooperate",
    "AID": "cooperate",
    "CONCEDE": "yield",
    "RETREAT": "yield",
    "REQUEST": "request",
    "ACCUSE": "accuse",
    "REJECT": "reject",
    "THREATEN": "threaten",
    "PROTEST": "protest",
    "SANCTION": "sanction",
    "MOBILIZE": "mobilize",
    "COERCE": "force",
    "ASSAULT": "force",
}

_WORD = re.compile(r"\w+", re.UNICODE)
_ARTICLES = {"the", "a", "an"}


def family_of(event_type: str) -> str:
    return FAMILIES.get(event_type, event_type.lower())


def _name_words(name: str) -> list[str]:
    words = _WORD.findall(name.lower())
    while words and words[0] in _ARTICLES:
        words = words[1:]
    return words


def actor_key(actor: Actor) -> str:
    """The identity of an actor across articles.

    - the knowledge-base id when the actor stage resolved one (`kb:vladimir_putin`);
    - a country by its code (`country:IRN`): "Iran" and "Tehran" are one actor;
    - an unresolved person by code and surname (`person:KENGOV:odinga`): articles name people in
      full once and by surname after, so the last word is what all mentions share;
    - a generic group with a country by country, sector and normalised name (`name:HTICOP:police`,
      without a leading "the"): Haiti's police and Peru's police are two actors;
    - a generic group the text gives no country (`local:<actor id>`): "police" in one story and
      "police" in another are not one actor, so it has no identity beyond its article (issue #21);
    - anything else by code and normalised name (`name:MED:doctors network`).
    """
    if actor.kb_id:
        return "kb:" + actor.kb_id
    if countryless_generic(actor):
        return "local:" + actor.id
    words = _name_words(actor.name or "")
    if actor.kind == "country" and (actor.code or actor.country):
        return "country:" + (actor.code or actor.country)
    if actor.kind == "person" and words:
        return "person:%s:%s" % (actor.code or "", words[-1])
    return "name:%s:%s" % (actor.code or "", " ".join(words))


def countryless_generic(actor: Actor) -> bool:
    """A group named by a common noun with no country in its code ("police", "protesters", coded
    COP or CVL only): its words name a role, not an actor, so they identify nothing across articles."""
    return (
        actor.kind == "group"
        and not actor.kb_id
        and not actor.country
        and (actor.code or "") in ("", actor.sector or "")
    )


# Sectors whose actors act for the state: linked with the country itself.
STATE_SECTORS = {"GOV", "MIL", "COP", "SPY", "JUD", "LEG", "PRM"}


def _sector(actor: Actor) -> str:
    if actor.sector:
        return actor.sector
    code = actor.code or ""
    return code[3:6] if len(code) >= 6 else code


def _country(actor: Optional[Actor]) -> Optional[str]:
    if actor is None:
        return None
    return actor.country or ((actor.code or "")[:3] if actor.kind == "country" else None)


def link_key(actor: Optional[Actor], place_country: Optional[str] = None) -> str:
    """The looser identity two reports of one happening share (module docstring); "" for none.
    `place_country` stands in for the country of a generic actor the text gives none for."""
    if actor is None:
        return ""
    if actor.kind == "person":
        words = actor.kb_id.split("_") if actor.kb_id else _name_words(actor.name or "")
        if words:
            return "person:" + words[-1]
    sector = _sector(actor)
    country = _country(actor) or place_country
    national = bool(actor.country) and sector == actor.country  # "Russian forces" coded RUS, no role
    if actor.kind == "country" or sector in STATE_SECTORS or national:
        return "state:" + (country or "")
    if actor.kb_id:
        return "kb:" + actor.kb_id
    if sector:
        return "group:%s:%s" % (sector, country or "")
    return actor_key(actor)


# Families whose two sides are interchangeable: "A met B", "B met A" and "A and B held talks".
SYMMETRIC = {"consult", "cooperate"}


def links(
    event_type: str,
    polarity: str,
    modality: str,
    source: Optional[Actor],
    target: Optional[Actor],
    place_country: Optional[str],
) -> tuple[str, str]:
    """(block, target link key) of an event (rule 1). A generic actor with no country of its own
    takes the place's country, else the other side's ("farmers protested against the French
    government": French farmers). In a symmetric family the two sides are put in key order."""
    family = family_of(event_type)
    src = link_key(source, place_country or _country(target))
    tgt = link_key(target, place_country or _country(source))
    if family in SYMMETRIC and tgt and tgt < src:
        src, tgt = tgt, src
    return "|".join([family, src, polarity, modality]), tgt


def article_country(places) -> Optional[str]:
    """The one country all of an article's places lie in, if there is exactly one."""
    countries = {p.country for p in places if p.country}
    return countries.pop() if len(countries) == 1 else None


def event_links(
    event: Event, actors: dict[str, Actor], places: dict, default_country: Optional[str] = None
) -> tuple[str, str]:
    """(block, target link key) of one event; `actors` and `places` map ids to records,
    `default_country` is the article's (article_country) for events without a place."""
    place = places.get(event.place or "")
    country = place.country if place is not None and place.country else default_country
    return _cached_links(
        event.type,
        event.polarity,
        event.modality,
        actor_fields(actors.get(event.source or "")),
        actor_fields(actors.get(event.target or "")),
        country,
    )


# What link_key and actor_key read of an actor. News names the same few thousand actors over and
# over, so writes look the keys up by these fields (a cache) instead of recomputing them per event:
# computing them was a fifth of the Python time of a write.
ActorFields = tuple  # (kind, kb_id, name, sector, code, country, id of a countryless generic else "")


def actor_fields(actor: Optional[Actor]) -> Optional[ActorFields]:
    if actor is None:
        return None
    local = actor.id if countryless_generic(actor) else ""
    return (actor.kind, actor.kb_id, actor.name, actor.sector, actor.code, actor.country, local)


def _actor_of(fields: Optional[ActorFields]) -> Optional[Actor]:
    if fields is None:
        return None
    kind, kb_id, name, sector, code, country, local = fields
    return Actor.model_construct(
        id=local, kind=kind, kb_id=kb_id, name=name, sector=sector, code=code, country=country, mentions=[]
    )


@functools.lru_cache(maxsize=200_000)
def _cached_links(
    event_type: str,
    polarity: str,
    modality: str,
    source: Optional[ActorFields],
    target: Optional[ActorFields],
    place_country: Optional[str],
) -> tuple[str, str]:
    return links(event_type, polarity, modality, _actor_of(source), _actor_of(target), place_country)


@functools.lru_cache(maxsize=200_000)
def cached_actor_key(fields: ActorFields) -> str:
    """actor_key of an actor given by actor_fields (cached)."""
    return actor_key(_actor_of(fields))


def _as_date(value) -> Optional[dt.date]:
    if value is None or isinstance(value, dt.date):
        return value
    return dt.date.fromisoformat(str(value)[:10])


def _is_coarse(start: Optional[dt.date], end: Optional[dt.date]) -> bool:
    return start is None or (end is not None and (end - start).days >= MAX_SPAN_DAYS)


def _sweep(block: str, target: str, events: list[tuple]) -> tuple[list[str], list[tuple[dt.date, str]]]:
    """Rule 2 over events (date_start, date_end, article_id, event_id) sorted by date; returns the
    cluster id of each and the (first date, id) of each cluster opened."""
    ids: list[str] = []
    opened: list[tuple[dt.date, str]] = []
    anchor: Optional[dt.date] = None
    current = ""
    for start, _end, _article_id, _event_id in events:
        if anchor is None or (start - anchor).days > TOLERANCE_DAYS:
            anchor = start
            current = stable_id("evc_", block, target, anchor.isoformat())
            opened.append((anchor, current))
        ids.append(current)
    return ids, opened


def cluster_ids(block: str, events: Sequence[tuple], context: Sequence[tuple] = ()) -> list[str]:
    """Rules 2-4 for one block. `events` are (date_start, date_end, article_id, event_id, target_link)
    sorted by date_start, article_id, event_id; returns one cluster id per event, in that order.
    `context` holds (first date, cluster id) of earlier clusters with a target that are not
    recomputed but that target-less events may still join (rule 3)."""
    if len(events) == 1 and not context:  # most blocks of a window: one report of one happening
        start, end, article_id, event_id, target = events[0]
        start, end = _as_date(start), _as_date(end)
        if _is_coarse(start, end):
            return [stable_id("evc_", block, "alone", article_id, event_id)]
        return [stable_id("evc_", block, target or "", start.isoformat())]
    out: list[Optional[str]] = [None] * len(events)
    by_target: dict[str, list[int]] = {}
    for i, (start, end, article_id, event_id, target) in enumerate(events):
        start, end = _as_date(start), _as_date(end)
        if _is_coarse(start, end):
            out[i] = stable_id("evc_", block, "alone", article_id, event_id)
        else:
            by_target.setdefault(target or "", []).append(i)
    opened: list[tuple[dt.date, str]] = [(_as_date(d), cid) for d, cid in context]
    for target in sorted(t for t in by_target if t):
        idx = by_target[target]
        ids, clusters = _sweep(block, target, [(_as_date(events[i][0]),) + tuple(events[i][1:4]) for i in idx])
        for i, cid in zip(idx, ids):
            out[i] = cid
        opened.extend(clusters)
    leftover = []
    for i in by_target.get("", []):
        start = _as_date(events[i][0])
        near = {cid for anchor, cid in opened if 0 <= (start - anchor).days <= TOLERANCE_DAYS}
        if len(near) == 1:
            out[i] = near.pop()
        else:
            leftover.append(i)
    ids, _ = _sweep(block, "", [(_as_date(events[i][0]),) + tuple(events[i][1:4]) for i in leftover])
    for i, cid in zip(leftover, ids):
        out[i] = cid
    return [cid or "" for cid in out]


# Which events a write can move to another cluster. Every rule looks at most TOLERANCE_DAYS back
# and never forward in time, and rule 2 sweeps each target group of a block on its own. So a write
# re-sweeps, per (block, target group), only the events dated from a restart date W on: W starts 3
# tolerances before the group's earliest new event and moves back while a cluster of the group
# starts before W and has a member dated W or later (a restart inside a cluster would split it).
# Target-less events depend on the anchors of every group (rule 3), so their W is at most the
# smallest W of the block, and the clusters with a target that start up to TOLERANCE_DAYS before
# it and are not re-swept are passed in as candidates. In a news stream that arrives roughly in
# date order, W stays near the new events however long a busy dyad's history is.
_WINDOW_START = """
CREATE OR REPLACE TEMP TABLE _window AS
SELECT e.block, coalesce(e.target_link, '') AS tl, CAST(min(e.date_start) - INTERVAL (? * 3) DAY AS DATE) AS w
FROM events e WHERE e.article_id IN (SELECT article_id FROM _touched) AND e.date_start IS NOT NULL
GROUP BY e.block, coalesce(e.target_link, '')
"""
_WINDOW_BACK = """
UPDATE _window SET w = c.w FROM (
    SELECT x.block, x.tl, min(c.date) AS w FROM _window x
    JOIN event_clusters c ON c.block = x.block AND c.target_link = x.tl
    WHERE c.date < x.w AND c.last_start >= x.w GROUP BY x.block, x.tl) c
WHERE _window.block = c.block AND _window.tl = c.tl
"""
_WINDOW_TARGETLESS = """
CREATE OR REPLACE TEMP TABLE _window AS
SELECT block, tl, w FROM _window WHERE tl <> ''
UNION ALL SELECT block, '', min(w) FROM _window GROUP BY block
"""
_WINDOW_EVENTS = """
SELECT e.block, e.date_start, e.date_end, e.article_id, e.id, coalesce(e.target_link, ''), e.cluster_id
FROM events e LEFT JOIN _window x ON x.block = e.block AND x.tl = coalesce(e.target_link, '')
WHERE (x.w IS NOT NULL AND e.date_start >= x.w) OR e.article_id IN (SELECT article_id FROM _touched)
ORDER BY e.block, e.date_start NULLS LAST, e.article_id, e.id
"""
_WINDOW_CONTEXT = """
SELECT c.block, c.date, c.id FROM event_clusters c
JOIN _window z ON z.block = c.block AND z.tl = ''
LEFT JOIN _window g ON g.block = c.block AND g.tl = c.target_link
WHERE c.target_link <> '' AND c.date >= z.w - INTERVAL (?) DAY AND (g.w IS NULL OR c.date < g.w)
ORDER BY c.block, c.date, c.id
"""


def _walk_back(con) -> None:
    while con.execute(_WINDOW_BACK).fetchone()[0]:  # W only moves back; a group's first cluster stops it
        pass


def recluster(con, article_ids: Sequence[str]) -> int:
    """Recompute the clusters the events of `article_ids` belong to or border on (assignments in
    `events.cluster_id` and rows of `event_clusters`); returns the number of events looked at.
    Runs in the caller's transaction."""
    if not article_ids:
        return 0
    con.execute("CREATE OR REPLACE TEMP TABLE _touched AS SELECT DISTINCT unnest(?) AS article_id", [list(article_ids)])
    con.execute(_WINDOW_START, [TOLERANCE_DAYS])
    _walk_back(con)
    con.execute(_WINDOW_TARGETLESS)
    _walk_back(con)
    rows = con.execute(_WINDOW_EVENTS).fetchall()
    context: dict[str, list[tuple]] = {}
    for block, date, cid in con.execute(_WINDOW_CONTEXT, [TOLERANCE_DAYS]).fetchall():
        context.setdefault(block, []).append((date, cid))
    assignments: list[tuple[str, str, str]] = []
    affected: set[str] = set()
    i = 0
    while i < len(rows):
        j = i
        while j < len(rows) and rows[j][0] == rows[i][0]:
            j += 1
        block_rows = rows[i:j]
        block = block_rows[0][0]
        for row, cid in zip(block_rows, cluster_ids(block, [r[1:6] for r in block_rows], context.get(block, ()))):
            affected.add(cid)
            if row[6]:
                affected.add(row[6])
            if row[6] != cid:
                assignments.append((row[3], row[4], cid))
        i = j
    _write_assignments(con, assignments)
    _refresh_cluster_rows(con, sorted(affected))
    con.execute("DROP TABLE _touched")
    con.execute("DROP TABLE _window")
    return len(rows)


def _write_assignments(con, assignments: list[tuple[str, str, str]]) -> None:
    if not assignments:
        return
    import pyarrow as pa

    table = pa.table(
        {
            "article_id": [a[0] for a in assignments],
            "id": [a[1] for a in assignments],
            "cluster_id": [a[2] for a in assignments],
        }
    )
    con.register("_assign", table)
    try:
        con.execute("""UPDATE events SET cluster_id = m.cluster_id FROM _assign m
                       WHERE events.article_id = m.article_id AND events.id = m.id""")
    finally:
        con.unregister("_assign")


# One row per cluster in _clusters. The representative event (whose actors, codes and type stand
# for the cluster) is the first mention in the earliest report: earliest publication, then smallest
# article id, then order in the article; the target and the place come from the first mention that
# has one.
_CLUSTER_ROWS = """
WITH m AS (
    SELECT e.cluster_id, e.block, coalesce(e.target_link, '') AS target_link, e.type, e.cameo, e.quad_class, e.goldstein, e.polarity, e.modality,
           e.date_start, e.date_end, e.article_id, e.id, e.seq, e.place,
           coalesce(a.published, DATE '9999-12-31') AS published, a.source AS news_source, a.ingested_at,
           coalesce(a.dup_group, a.id) AS report, (a.dup_group IS NULL OR a.dup_group = a.id) AS counted,
           s.key AS s_key, s.name AS s_name, s.code AS s_code, s.country AS s_country,
           t.key AS t_key, t.name AS t_name, t.code AS t_code, t.country AS t_country,
           p.name AS p_name, p.country AS p_country, p.lat AS p_lat, p.lon AS p_lon, p.feature AS p_feature,
           p.geonameid AS p_geonameid, e.sentence_start < x."end" AS in_lead
    FROM events e JOIN articles a ON a.id = e.article_id
    LEFT JOIN sentences x ON x.article_id = e.article_id AND x.idx = 0
    LEFT JOIN actors s ON s.article_id = e.article_id AND s.id = e.source
    LEFT JOIN actors t ON t.article_id = e.article_id AND t.id = e.target
    LEFT JOIN places p ON p.article_id = e.article_id AND p.id = e.place
    WHERE e.cluster_id IN (SELECT id FROM _clusters)
), agg AS (
    SELECT cluster_id, any_value(block) AS block,
           arg_min({'type': type, 'cameo': cameo, 'quad': quad_class, 's_key': s_key, 's_name': s_name,
                    's_code': s_code, 's_country': s_country, 'article': article_id, 'event': id},
                   (published, article_id, seq)) AS rep,
           arg_min({'key': t_key, 'name': t_name, 'code': t_code, 'country': t_country},
                   (t_key IS NULL, published, article_id, seq)) AS tgt,
           arg_min({'id': place, 'name': p_name, 'country': p_country, 'lat': p_lat, 'lon': p_lon,
                    'feature': p_feature, 'geonameid': p_geonameid},
                   (place IS NULL, published, article_id, seq)) AS plc,
           avg(goldstein) FILTER (WHERE counted) AS goldstein, any_value(polarity) AS polarity,
           any_value(modality) AS modality, min(date_start) AS date, max(date_end) AS date_end,
           max(date_start) AS last_start, max(target_link) AS target_link,
           min(published) AS first_published, count(*) FILTER (WHERE counted) AS mentions,
           count(DISTINCT report) AS articles, count(DISTINCT article_id) AS copies,
           count(DISTINCT news_source) AS sources, bool_or(coalesce(in_lead, false)) AS is_root,
           min(ingested_at) AS added_at
    FROM m GROUP BY cluster_id
)
SELECT cluster_id, block, split_part(block, '|', 1), rep.type, rep.cameo, rep.quad, goldstein,
       rep.s_key, rep.s_name, rep.s_code, rep.s_country, tgt.key, tgt.name, tgt.code, tgt.country,
       polarity, modality, date, date_end, last_start, rep.article, rep.event,
       nullif(first_published, DATE '9999-12-31'), mentions, articles, copies, sources,
       plc.id, plc.name, plc.country, plc.lat, plc.lon, plc.feature, plc.geonameid, is_root, added_at, target_link
FROM agg
"""


def _refresh_cluster_rows(con, cluster_ids_: list[str]) -> None:
    if not cluster_ids_:
        return
    con.execute("CREATE OR REPLACE TEMP TABLE _clusters AS SELECT DISTINCT unnest(?) AS id", [cluster_ids_])
    con.execute("DELETE FROM event_clusters WHERE id IN (SELECT id FROM _clusters)")
    con.execute("INSERT INTO event_clusters " + _CLUSTER_ROWS)
    con.execute("DROP TABLE _clusters")
