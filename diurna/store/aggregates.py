"""The SQL of the dashboard's heaviest aggregates, written so that a million events are grouped once,
by small keys, and everything else is computed over the groups.

DuckDB computes `mode(x)` as a second grouping of every input row by (group, x), joined back to the
groups: the network's two modes and the actor list's three made those queries three and four times
as long as their one grouping (on 200,000 articles: network 1.1 s of the query's 1.2 s under load).
Here the rows are grouped once by every field the result reads (few distinct combinations: an actor
key has few names and codes), and the modes are taken over those partial counts (`mode_of`), which is
the same value: the most frequent, ties going to the first in alphabetical order (DuckDB's own
`mode` leaves ties to the order it meets the values in).
"""

# Who acts on whom (QueryMixin.network): {events} is the FROM clause, {where} the filter; parameters:
# the filter's, then min_events and limit. The events are grouped by their actor pair (schema v8: one
# integer standing for both actors' keys, names and codes, diurna.store.facts), and the groups joined to
# the pairs' fields: grouping by the eight strings themselves was two thirds of the query. A generic
# actor (`name:` key) is one node per country (the pair's node countries).
NETWORK = """
WITH grouped AS (
    SELECT e.pair, count(*) AS n, sum(e.goldstein) AS g, count(e.goldstein) AS gn
    {events}
    WHERE e.pair IS NOT NULL AND {where}
    GROUP BY e.pair
), parts AS (
    SELECT p.source_key AS sk, p.source_node_country AS sc, p.target_key AS tk, p.target_node_country AS tc,
           p.source_name AS sn, p.target_name AS tn, p.source_code AS scode, p.target_code AS tcode,
           grouped.n, grouped.g, grouped.gn
    FROM grouped JOIN event_pairs p ON p.pair = grouped.pair
), source_codes AS (
    SELECT sk, sc, tk, tc, scode, sum(n) AS n FROM parts WHERE scode IS NOT NULL GROUP BY ALL
), target_codes AS (
    SELECT sk, sc, tk, tc, tcode, sum(n) AS n FROM parts WHERE tcode IS NOT NULL GROUP BY ALL
), edges AS (
    SELECT sk, arg_max(sn, length(sn)) AS sn, tk, arg_max(tn, length(tn)) AS tn, sum(n) AS n,
           sum(g) / nullif(sum(gn), 0) AS mean_g, sc, tc
    FROM parts GROUP BY sk, sc, tk, tc HAVING sum(n) >= ?
    ORDER BY n DESC, sk, tk, sc, tc LIMIT ?
)
SELECT edges.sk, edges.sn, edges.tk, edges.tn, edges.n::BIGINT, edges.mean_g, edges.sc, edges.tc,
       (SELECT arg_min(scode, (-n, scode)) FROM source_codes x
        WHERE x.sk = edges.sk AND x.tk = edges.tk AND x.sc IS NOT DISTINCT FROM edges.sc
          AND x.tc IS NOT DISTINCT FROM edges.tc),
       (SELECT arg_min(tcode, (-n, tcode)) FROM target_codes x
        WHERE x.sk = edges.sk AND x.tk = edges.tk AND x.sc IS NOT DISTINCT FROM edges.sc
          AND x.tc IS NOT DISTINCT FROM edges.tc)
FROM edges ORDER BY edges.n DESC, edges.sk, edges.tk, edges.sc, edges.tc
"""

# Actors by cross-article key, in the most event mentions first (QueryMixin.top_actors): {where} filters
# the actor groups; parameters: the filter's, then the limit. The store keeps the actor rows grouped by
# key and by every field this reports (diurna.store.actor_parts, schema v8: rows, roles outside copies,
# articles), so the list reads a few thousand groups instead of grouping a million actor rows.
TOP_ACTORS = """
WITH parts AS (
    SELECT x.key AS k, x.name, x.kb_id, x.code, x.country, x.sector, x.n_rows, x.src, x.tgt, x.articles
    FROM actor_parts x WHERE {where}
), actors AS (
    SELECT k, arg_min(name, (-length(name), name)) AS name, min(kb_id) AS kb_id, sum(src) AS ns,
           sum(tgt) AS nt, sum(articles) AS articles
    FROM parts GROUP BY k ORDER BY sum(src) + sum(tgt) DESC, k LIMIT ?
), {modes}
SELECT a.k, a.name, a.kb_id, code.v, country.v, sector.v, a.ns::BIGINT, a.nt::BIGINT, a.articles::BIGINT
FROM actors a
LEFT JOIN code ON code.k IS NOT DISTINCT FROM a.k
LEFT JOIN country ON country.k IS NOT DISTINCT FROM a.k
LEFT JOIN sector ON sector.k IS NOT DISTINCT FROM a.k
ORDER BY a.ns + a.nt DESC, a.k
""".replace(
    "{modes}",
    ", ".join(
        "{f} AS (SELECT k, arg_min({f}, (-n, {f})) AS v FROM (SELECT k, {f}, sum(n_rows) AS n FROM parts "
        "WHERE {f} IS NOT NULL AND k IN (SELECT k FROM actors) GROUP BY ALL) GROUP BY k)".format(f=field)
        for field in ("code", "country", "sector")
    ),
)
