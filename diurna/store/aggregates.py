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
# the filter's, then min_events and limit. A generic actor (`name:` key) is one node per country.
NETWORK = """
WITH parts AS (
    SELECT e.source_key AS sk, {sc} AS sc, e.target_key AS tk, {tc} AS tc,
           e.source_name AS sn, e.target_name AS tn, e.source_code AS scode, e.target_code AS tcode,
           count(*) AS n, sum(e.goldstein) AS g, count(e.goldstein) AS gn
    {events}
    WHERE e.source_key IS NOT NULL AND e.target_key IS NOT NULL AND {where}
    GROUP BY ALL
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
# the actor rows; parameters: the filter's, then the limit. Each actor row holds its roles in its own
# article (n_source / n_target, schema v3), whether its article is a copy (the roles of copies are not
# counted) and whether it is its key's first row in its article (schema v6, diurna.store.facts): one
# scan of `actors`, no join.
TOP_ACTORS = """
WITH parts AS (
    SELECT x.key AS k, x.name, x.kb_id, x.code, x.country, x.sector, count(*) AS n_rows,
           sum(x.n_source) FILTER (WHERE NOT x.is_copy) AS src, sum(x.n_target) FILTER (WHERE NOT x.is_copy) AS tgt,
           count(*) FILTER (WHERE x.key_first) AS articles
    FROM actors x WHERE {where} GROUP BY ALL
), actors AS (
    SELECT k, arg_max(name, length(name)) AS name, any_value(kb_id) AS kb_id, coalesce(sum(src), 0) AS ns,
           coalesce(sum(tgt), 0) AS nt, sum(articles) AS articles
    FROM parts GROUP BY k ORDER BY coalesce(sum(src), 0) + coalesce(sum(tgt), 0) DESC, k LIMIT ?
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
