"""Recomputing what the store derives from the coded records: actor keys, LSH bands, duplicate
groups and event clusters. Used by the v2 migration (a v1 store gains them) and by
`Store.rebuild_derived()` after the rules in dedup.py or clusters.py change."""
from __future__ import annotations

from diurna.records import Actor
from diurna.store import clusters, dedup


def rebuild_derived(con, batch: int = 5000) -> None:
    """Recompute every derived column and table from the stored records, inside the caller's
    transaction. Cost grows with the store: minutes for millions of articles."""
    _rebuild_actor_keys(con)
    _rebuild_blocks(con)
    con.execute("DELETE FROM article_bands")
    con.execute("UPDATE articles SET dup_group = NULL WHERE dup_group IS NOT NULL")
    ids = [r[0] for r in con.execute("SELECT id FROM articles ORDER BY id").fetchall()]
    for i in range(0, len(ids), batch):
        chunk = ids[i:i + batch]
        rows = []
        for article_id, text in con.execute("SELECT id, text FROM articles WHERE id IN (SELECT unnest(?))",
                                            [chunk]).fetchall():
            rows.extend(dedup.band_rows(article_id, text))
        if rows:
            con.executemany("INSERT INTO article_bands VALUES (?, ?, ?)", rows)
    for i in range(0, len(ids), batch):
        dedup.assign_groups(con, ids[i:i + batch])
    con.execute("DELETE FROM event_clusters")
    blocks = [r[0] for r in con.execute("SELECT DISTINCT block FROM events WHERE block IS NOT NULL").fetchall()]
    clusters.recluster(con, blocks)


def _rebuild_actor_keys(con) -> None:
    rows = con.execute("SELECT article_id, id, name, kb_id, country, sector, code, kind FROM actors").fetchall()
    keys = [(clusters.actor_key(Actor(id=r[1], name=r[2] or "", kb_id=r[3], country=r[4], sector=r[5], code=r[6],
                                      kind=r[7] or "group")), r[0], r[1]) for r in rows]
    if keys:
        con.execute("CREATE OR REPLACE TEMP TABLE _keys (key VARCHAR, article_id VARCHAR, id VARCHAR)")
        con.executemany("INSERT INTO _keys VALUES (?, ?, ?)", keys)
        con.execute("UPDATE actors SET key = k.key FROM _keys k WHERE actors.article_id = k.article_id "
                    "AND actors.id = k.id")
        con.execute("DROP TABLE _keys")


def _rebuild_blocks(con) -> None:
    """events.block from the stored types and actor keys (the same rule as clusters.block_of)."""
    con.execute("CREATE OR REPLACE TEMP TABLE _families (type VARCHAR, family VARCHAR)")
    con.executemany("INSERT INTO _families VALUES (?, ?)", list(clusters.FAMILIES.items()))
    con.execute("""
        UPDATE events SET block = concat_ws('|', coalesce(f.family, lower(events.type)), coalesce(s.key, ''),
                                             coalesce(t.key, ''), events.polarity, events.modality)
        FROM events e2
        LEFT JOIN _families f ON f.type = e2.type
        LEFT JOIN actors s ON s.article_id = e2.article_id AND s.id = e2.source
        LEFT JOIN actors t ON t.article_id = e2.article_id AND t.id = e2.target
        WHERE events.article_id = e2.article_id AND events.id = e2.id""")
    con.execute("DROP TABLE _families")
