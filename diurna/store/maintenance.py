"""Recomputing what the store derives from the coded records: actor keys, LSH bands, duplicate
groups and event clusters. Used by the v2 migration (a v1 store gains them) and by
`Store.rebuild_derived()` after the rules in dedup.py or clusters.py change."""

from __future__ import annotations

from typing import Optional

from diurna.records import Actor
from diurna.store import actor_parts, clusters, dedup, versions
from diurna.store import facts as event_facts


def rebuild_derived(con, batch: int = 5000, roles: bool = True, facts: bool = True) -> None:
    """Recompute every derived column and table from the stored records, inside the caller's
    transaction. Cost grows with the store: minutes for millions of articles. `roles=False` and
    `facts=False` leave out the actor role counts and the events' copies of actor and place fields
    (and v8's actor pairs and groups), which the v2 migration runs before v3, v6 and v8 add them."""
    _rebuild_actor_keys(con)
    if roles:
        rebuild_actor_roles(con)
    _rebuild_blocks(con)
    con.execute("DELETE FROM article_bands")
    con.execute("UPDATE articles SET dup_group = NULL WHERE dup_group IS NOT NULL")
    ids = [r[0] for r in con.execute("SELECT id FROM articles ORDER BY id").fetchall()]
    for i in range(0, len(ids), batch):
        chunk = ids[i : i + batch]
        rows = dedup.batch_band_rows(
            con.execute("SELECT id, text FROM articles WHERE id IN (SELECT unnest(?))", [chunk]).fetchall()
        )
        if rows.num_rows:
            con.register("_bands", rows)
            con.execute("INSERT INTO article_bands SELECT band, hash, article_id FROM _bands")
            con.unregister("_bands")
    for i in range(0, len(ids), batch):
        dedup.assign_groups(con, ids[i : i + batch])
    con.execute("DELETE FROM event_clusters")
    con.execute("UPDATE events SET cluster_id = NULL")
    clusters.recluster(con, ids)
    if facts:  # actor keys and duplicate groups were recomputed: the events' copies of them too
        event_facts.refresh(con)
        event_facts.refresh_pairs(con)
        actor_parts.refresh(con)
    versions.bump(con)


def rebuild_actor_roles(con) -> None:
    """actors.n_source / n_target: how many of its article's events have the actor as source /
    target (what Store.write stores with each actor)."""
    con.execute("UPDATE actors SET n_source = 0, n_target = 0")
    con.execute("""
        UPDATE actors SET n_source = r.n_source, n_target = r.n_target FROM (
            SELECT article_id, actor_id, CAST(sum(src) AS INTEGER) AS n_source, CAST(sum(tgt) AS INTEGER) AS n_target
            FROM (SELECT article_id, source AS actor_id, 1 AS src, 0 AS tgt FROM events WHERE source IS NOT NULL
                  UNION ALL
                  SELECT article_id, target, 0, 1 FROM events WHERE target IS NOT NULL)
            GROUP BY article_id, actor_id) r
        WHERE actors.article_id = r.article_id AND actors.id = r.actor_id""")


def _rebuild_actor_keys(con) -> None:
    rows = con.execute("SELECT article_id, id, name, kb_id, country, sector, code, kind FROM actors").fetchall()
    keys = [
        (
            clusters.actor_key(
                Actor(id=r[1], name=r[2] or "", kb_id=r[3], country=r[4], sector=r[5], code=r[6], kind=r[7] or "group")
            ),
            r[0],
            r[1],
        )
        for r in rows
    ]
    if keys:
        con.execute("CREATE OR REPLACE TEMP TABLE _keys (key VARCHAR, article_id VARCHAR, id VARCHAR)")
        con.executemany("INSERT INTO _keys VALUES (?, ?, ?)", keys)
        con.execute(
            "UPDATE actors SET key = k.key FROM _keys k WHERE actors.article_id = k.article_id AND actors.id = k.id"
        )
        con.execute("DROP TABLE _keys")


def _actor(row: tuple) -> Optional[Actor]:
    actor_id, name, kb_id, country, sector, code, kind = row
    if actor_id is None:
        return None
    return Actor(
        id=actor_id, name=name or "", kb_id=kb_id, country=country, sector=sector, code=code, kind=kind or "group"
    )


def _rebuild_blocks(con) -> None:
    """events.block and events.target_link by the same rule write() applies (clusters.links)."""
    rows = con.execute("""
        WITH one_country AS (
            SELECT article_id, any_value(country) AS country FROM places WHERE country IS NOT NULL
            GROUP BY article_id HAVING count(DISTINCT country) = 1)
        SELECT e.article_id, e.id, e.type, e.polarity, e.modality, coalesce(p.country, oc.country),
               s.id, s.name, s.kb_id, s.country, s.sector, s.code, s.kind,
               t.id, t.name, t.kb_id, t.country, t.sector, t.code, t.kind
        FROM events e
        LEFT JOIN actors s ON s.article_id = e.article_id AND s.id = e.source
        LEFT JOIN actors t ON t.article_id = e.article_id AND t.id = e.target
        LEFT JOIN places p ON p.article_id = e.article_id AND p.id = e.place
        LEFT JOIN one_country oc ON oc.article_id = e.article_id""").fetchall()
    if not rows:
        return
    import pyarrow as pa

    computed = [clusters.links(r[2], r[3], r[4], _actor(r[6:13]), _actor(r[13:20]), r[5]) for r in rows]
    table = pa.table(
        {
            "article_id": [r[0] for r in rows],
            "id": [r[1] for r in rows],
            "block": [c[0] for c in computed],
            "target_link": [c[1] for c in computed],
        }
    )
    con.register("_links", table)
    try:
        con.execute(
            "UPDATE events SET block = l.block, target_link = l.target_link FROM _links l "
            "WHERE events.article_id = l.article_id AND events.id = l.id"
        )
    finally:
        con.unregister("_links")
