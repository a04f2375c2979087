"""The actor list's groups, kept in the store (schema v8): `actor_parts`.

The actor list (QueryMixin.top_actors: the dashboard's suggestions and each actor profile's counts)
groups every actor row by its key and the fields the list reports (name, KB id, code, country,
sector), counting rows, roles outside copies and articles. On 200,000 articles that is 1.2 million
rows grouped by six strings on every call (0.25 s of a loaded machine for the list, a quarter of the
busiest actor's profile). The groups change only when actor rows are added, when an article becomes or
stops being a copy (its actors' `is_copy`), or when actor keys are recomputed, so the store keeps them:
every write recomputes the groups of the keys its new and regrouped articles hold (`refresh`, same
transaction), and a rebuild or the upgrade recomputes them all. A query over the groups gives what the
same query over the rows gives, because every field a filter of the list tests is one of the groups'.
"""

from __future__ import annotations

from typing import Optional, Sequence

# One row per (key, name, kb_id, code, country, sector) of the actor rows selected by {where}.
GROUPS = """
SELECT x.key, x.name, x.kb_id, x.code, x.country, x.sector, count(*) AS n_rows,
       coalesce(sum(x.n_source) FILTER (WHERE NOT x.is_copy), 0) AS src,
       coalesce(sum(x.n_target) FILTER (WHERE NOT x.is_copy), 0) AS tgt,
       count(*) FILTER (WHERE x.key_first) AS articles
FROM actors x WHERE {where} GROUP BY ALL
"""


def refresh(con, article_ids: Optional[Sequence[str]] = None) -> None:
    """Recompute the groups of every actor key that the actors of `article_ids` hold (after those
    articles were added or regrouped), or of every key when `article_ids` is None; inside the caller's
    transaction."""
    if article_ids is None:
        con.execute("DELETE FROM actor_parts")
        con.execute("INSERT INTO actor_parts " + GROUPS.format(where="TRUE"))
        return
    if not article_ids:
        return
    con.execute(
        "CREATE OR REPLACE TEMP TABLE _touched_keys AS SELECT DISTINCT key FROM actors "
        "WHERE article_id IN (SELECT unnest(?))",
        [sorted(set(article_ids))],
    )
    try:
        con.execute("DELETE FROM actor_parts WHERE key IN (SELECT key FROM _touched_keys)")
        con.execute("INSERT INTO actor_parts " + GROUPS.format(where="x.key IN (SELECT key FROM _touched_keys)"))
    finally:
        con.execute("DROP TABLE _touched_keys")
