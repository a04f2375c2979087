"""Event clusters: the events of different articles that report the same real-world happening.

The rule (docs/store.md, "Event clusters"):

1. Two events can only be linked when they share a *block*: the same type family (FAMILIES), the
   same source actor and the same target actor (by `actor_key`, the cross-article identity of an
   actor), the same polarity and the same modality (a denial or a threat is not the happening
   itself).
2. Within a block, events are ordered by date and swept once: an event joins the open cluster when
   its date starts at most TOLERANCE_DAYS after the cluster's first date, else it opens a new
   cluster. Measuring from the cluster's first date (not from the previous event) stops a daily
   series of clashes from chaining into one endless cluster.
3. Events dated more coarsely than a week ("last month", "this year") are never linked: each is
   a cluster of its own, because its date cannot tell one happening from the next.

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
import re
from typing import Optional, Sequence

from diurna.ids import stable_id
from diurna.records import Actor, Event

TOLERANCE_DAYS = 1       # reports of one happening differ by a day (time zones, "late on Monday")
MAX_SPAN_DAYS = 7        # dates coarser than this are never linked

# PLOVER types that reporters' wording commonly flips between for one happening: "X signed a deal
# with Y" is AGREE in one report and COOPERATE in another only when the deal is the cooperation
# itself, so those stay apart; backing a plan and agreeing to it, or detaining and beating
# protesters, are routinely told both ways.
FAMILIES = {
    "CONSULT": "consult",
    "AGREE": "agree", "SUPPORT": "agree",
    "COOPERATE": "cooperate", "AID": "cooperate",
    "CONCEDE": "yield", "RETREAT": "yield",
    "REQUEST": "request",
    "ACCUSE": "accuse",
    "REJECT": "reject",
    "THREATEN": "threaten",
    "PROTEST": "protest",
    "SANCTION": "sanction",
    "MOBILIZE": "mobilize",
    "COERCE": "force", "ASSAULT": "force",
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
    - anything else by code and normalised name (`name:COP:police`, without a leading "the").
    """
    if actor.kb_id:
        return "kb:" + actor.kb_id
    words = _name_words(actor.name or "")
    if actor.kind == "country" and (actor.code or actor.country):
        return "country:" + (actor.code or actor.country)
    if actor.kind == "person" and words:
        return "person:%s:%s" % (actor.code or "", words[-1])
    return "name:%s:%s" % (actor.code or "", " ".join(words))


def block_of(event: Event, keys: dict[str, str]) -> str:
    """What two events must share to be linked (rule 1); `keys` maps actor id to actor_key."""
    return "|".join([family_of(event.type), keys.get(event.source or "", ""), keys.get(event.target or "", ""),
                     event.polarity, event.modality])


def _as_date(value) -> Optional[dt.date]:
    if value is None or isinstance(value, dt.date):
        return value
    return dt.date.fromisoformat(str(value)[:10])


def cluster_ids(block: str, events: Sequence[tuple]) -> list[str]:
    """Rule 2 and 3 for one block. `events` are (date_start, date_end, article_id, event_id) sorted
    by date_start, article_id, event_id; returns one cluster id per event, in the same order."""
    out: list[str] = []
    anchor: Optional[dt.date] = None
    current = ""
    for start, end, article_id, event_id in events:
        start, end = _as_date(start), _as_date(end)
        if start is None or (end is not None and (end - start).days >= MAX_SPAN_DAYS):
            out.append(stable_id("evc_", block, "alone", article_id, event_id))
            continue
        if anchor is None or (start - anchor).days > TOLERANCE_DAYS:
            anchor = start
            current = stable_id("evc_", block, anchor.isoformat())
        out.append(current)
    return out


def recluster(con, blocks: Sequence[str]) -> int:
    """Recompute the clusters of `blocks` (assignments in `events.cluster_id` and the rows of
    `event_clusters`); returns the number of events assigned. Runs in the caller's transaction."""
    if not blocks:
        return 0
    con.execute("CREATE OR REPLACE TEMP TABLE _blocks AS SELECT DISTINCT unnest(?) AS block", [list(blocks)])
    rows = con.execute(
        """SELECT e.block, e.date_start, e.date_end, e.article_id, e.id FROM events e
           WHERE e.block IN (SELECT block FROM _blocks)
           ORDER BY e.block, e.date_start NULLS LAST, e.article_id, e.id""").fetchall()
    assignments: list[tuple[str, str, str]] = []
    i = 0
    while i < len(rows):
        j = i
        while j < len(rows) and rows[j][0] == rows[i][0]:
            j += 1
        block_rows = [r[1:] for r in rows[i:j]]
        for (_, _, article_id, event_id), cid in zip(block_rows, cluster_ids(rows[i][0], block_rows)):
            assignments.append((article_id, event_id, cid))
        i = j
    _write_assignments(con, assignments)
    _refresh_cluster_rows(con)
    con.execute("DROP TABLE _blocks")
    return len(assignments)


def _write_assignments(con, assignments: list[tuple[str, str, str]]) -> None:
    import pyarrow as pa

    table = pa.table({"article_id": [a[0] for a in assignments], "id": [a[1] for a in assignments],
                      "cluster_id": [a[2] for a in assignments]})
    con.register("_assign", table)
    try:
        con.execute("""UPDATE events SET cluster_id = m.cluster_id FROM _assign m
                       WHERE events.article_id = m.article_id AND events.id = m.id
                         AND events.cluster_id IS DISTINCT FROM m.cluster_id""")
    finally:
        con.unregister("_assign")


# One row per cluster of the blocks in _blocks. The representative event (whose actors, codes and
# place stand for the cluster) is the first mention in the earliest report: earliest publication,
# then smallest article id, then order in the article.
_CLUSTER_ROWS = """
WITH m AS (
    SELECT e.*, coalesce(a.published, DATE '9999-12-31') AS published, a.source AS news_source, a.ingested_at,
           coalesce(a.dup_group, a.id) AS report, (a.dup_group IS NULL OR a.dup_group = a.id) AS counted,
           s.key AS s_key, s.name AS s_name, s.code AS s_code, s.country AS s_country,
           t.key AS t_key, t.name AS t_name, t.code AS t_code, t.country AS t_country,
           p.name AS p_name, p.country AS p_country, p.lat AS p_lat, p.lon AS p_lon, p.feature AS p_feature,
           p.geonameid AS p_geonameid,
           e.sentence_start < x."end" AS in_lead
    FROM events e JOIN articles a ON a.id = e.article_id
    LEFT JOIN sentences x ON x.article_id = e.article_id AND x.idx = 0
    LEFT JOIN actors s ON s.article_id = e.article_id AND s.id = e.source
    LEFT JOIN actors t ON t.article_id = e.article_id AND t.id = e.target
    LEFT JOIN places p ON p.article_id = e.article_id AND p.id = e.place
    WHERE e.block IN (SELECT block FROM _blocks)
)
SELECT cluster_id, any_value(block), split_part(any_value(block), '|', 1),
       arg_min(type, (published, article_id, seq)), arg_min(cameo, (published, article_id, seq)),
       arg_min(quad_class, (published, article_id, seq)),
       avg(goldstein) FILTER (WHERE counted),
       arg_min(s_key, (published, article_id, seq)), arg_min(s_name, (published, article_id, seq)),
       arg_min(s_code, (published, article_id, seq)), arg_min(s_country, (published, article_id, seq)),
       arg_min(t_key, (published, article_id, seq)), arg_min(t_name, (published, article_id, seq)),
       arg_min(t_code, (published, article_id, seq)), arg_min(t_country, (published, article_id, seq)),
       any_value(polarity), any_value(modality), min(date_start), max(date_end),
       arg_min(article_id, (published, article_id, seq)), arg_min(id, (published, article_id, seq)),
       nullif(min(published), DATE '9999-12-31'),
       count(*) FILTER (WHERE counted), count(DISTINCT report), count(DISTINCT article_id),
       count(DISTINCT news_source),
       arg_min(place, (place IS NULL, published, article_id, seq)),
       arg_min(p_name, (place IS NULL, published, article_id, seq)),
       arg_min(p_country, (place IS NULL, published, article_id, seq)),
       arg_min(p_lat, (place IS NULL, published, article_id, seq)),
       arg_min(p_lon, (place IS NULL, published, article_id, seq)),
       arg_min(p_feature, (place IS NULL, published, article_id, seq)),
       arg_min(p_geonameid, (place IS NULL, published, article_id, seq)),
       bool_or(coalesce(in_lead, false)), min(ingested_at)
FROM m GROUP BY cluster_id
"""


def _refresh_cluster_rows(con) -> None:
    con.execute("DELETE FROM event_clusters WHERE block IN (SELECT block FROM _blocks)")
    con.execute("INSERT INTO event_clusters " + _CLUSTER_ROWS)


def blocks_of_articles(con, article_ids: Sequence[str]) -> list[str]:
    """The blocks of the events of `article_ids` (whose clusters a change to them can affect)."""
    if not article_ids:
        return []
    return [r[0] for r in con.execute(
        "SELECT DISTINCT block FROM events WHERE article_id IN (SELECT unnest(?)) AND block IS NOT NULL",
        [list(article_ids)]).fetchall()]
