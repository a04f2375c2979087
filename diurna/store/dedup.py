"""Near-duplicate articles: wire copies and syndicated rewrites of one story.

Each article's text is cut into word shingles (runs of SHINGLE_WORDS lower-cased words) and
summarised by a MinHash signature (datasketch). The signature is split into LSH_BANDS bands of
LSH_ROWS values; each band is hashed and stored in `article_bands`, so finding the candidates for
a new article is one equality join in DuckDB, however large the store. A candidate pair is a
duplicate when the exact Jaccard similarity of the two shingle sets is at least
DUPLICATE_JACCARD (the MinHash only finds candidates; the decision is exact).

Duplicates form groups (connected components of the duplicate relation). The group's canonical
article is its earliest published member (ties: the smallest article id), so the grouping does not
depend on the order or batching of the ingest. Every member records the canonical id in
`articles.dup_group`; an article with no duplicate has NULL. Copies are kept, but only the
canonical article's events are counted (see diurna.store.query and diurna.store.clusters).
"""
from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from typing import Iterable, Sequence

import numpy as np
from datasketch import MinHash

SHINGLE_WORDS = 3
NUM_PERM = 100
LSH_BANDS, LSH_ROWS = 20, 5          # NUM_PERM = LSH_BANDS * LSH_ROWS
# With 20 bands of 5 rows a pair is a candidate with probability 1 - (1 - J^5)^20:
# 0.97 at J = 0.7, 0.47 at J = 0.5, 0.05 at J = 0.3 (the S-curve is steepest near 0.55).
DUPLICATE_JACCARD = 0.7
_SEED = 7                              # fixed: stored band hashes must mean the same thing on every run
# Named, not defaulted: a datasketch release that changed its default scheme would otherwise
# silently make new bands incomparable with stored ones (Store.rebuild_derived() recomputes them).
_SCHEME = "affine32"
_WORD = re.compile(r"\w+", re.UNICODE)
_PERMUTATIONS = MinHash(num_perm=NUM_PERM, seed=_SEED, scheme=_SCHEME).permutations


def shingles(text: str, k: int = SHINGLE_WORDS) -> set[str]:
    """The set of k-word shingles of `text` (lower-cased words; punctuation and spacing ignored,
    so a re-typeset copy of an article has the same shingles)."""
    words = _WORD.findall(text.lower())
    if len(words) <= k:
        return {" ".join(words)} if words else set()
    return {" ".join(words[i:i + k]) for i in range(len(words) - k + 1)}


def jaccard(a: set[str], b: set[str]) -> float:
    if not a and not b:
        return 0.0          # two empty texts say nothing about each other
    return len(a & b) / len(a | b)


def signature(shingle_set: Iterable[str]) -> np.ndarray:
    """The MinHash signature (NUM_PERM values) of a shingle set."""
    mh = MinHash(num_perm=NUM_PERM, seed=_SEED, permutations=_PERMUTATIONS, scheme=_SCHEME)
    mh.update_batch([s.encode("utf-8") for s in shingle_set])
    return mh.hashvalues


def band_hashes(sig: np.ndarray) -> list[int]:
    """One signed 64-bit hash per LSH band (DuckDB BIGINT)."""
    out = []
    for band in range(LSH_BANDS):
        chunk = sig[band * LSH_ROWS:(band + 1) * LSH_ROWS].astype("<u8").tobytes()
        digest = hashlib.blake2b(chunk, digest_size=8, person=b"diurna-lsh").digest()
        out.append(int.from_bytes(digest, "little", signed=True))
    return out


def band_rows(article_id: str, text: str) -> list[tuple[int, int, str]]:
    """Rows of `article_bands` for one article; none for an empty text (it can match nothing)."""
    shingle_set = shingles(text)
    if not shingle_set:
        return []
    return [(band, h, article_id) for band, h in enumerate(band_hashes(signature(shingle_set)))]


@dataclass(frozen=True)
class GroupChange:
    """An article whose duplicate group was set or changed by a write."""
    article_id: str
    dup_group: str


class _UnionFind:
    def __init__(self) -> None:
        self.parent: dict[str, str] = {}

    def find(self, x: str) -> str:
        self.parent.setdefault(x, x)
        while self.parent[x] != x:
            self.parent[x] = self.parent[self.parent[x]]
            x = self.parent[x]
        return x

    def union(self, a: str, b: str) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[max(ra, rb)] = min(ra, rb)

    def components(self) -> list[list[str]]:
        groups: dict[str, list[str]] = {}
        for x in list(self.parent):
            groups.setdefault(self.find(x), []).append(x)
        return list(groups.values())


def candidate_pairs(con, new_ids: Sequence[str]) -> list[tuple[str, str]]:
    """Pairs (new article, any other article) that share an LSH band."""
    if not new_ids:
        return []
    return con.execute(
        """SELECT DISTINCT n.article_id, o.article_id
           FROM article_bands n JOIN article_bands o ON o.band = n.band AND o.hash = n.hash
           WHERE n.article_id IN (SELECT unnest(?)) AND o.article_id <> n.article_id""",
        [list(new_ids)]).fetchall()


def verified_pairs(con, pairs: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """The candidate pairs whose exact shingle Jaccard reaches DUPLICATE_JACCARD."""
    ids = sorted({x for pair in pairs for x in pair})
    if not ids:
        return []
    texts = dict(con.execute("SELECT id, text FROM articles WHERE id IN (SELECT unnest(?))", [ids]).fetchall())
    cache: dict[str, set[str]] = {}

    def shingles_of(article: str) -> set[str]:
        if article not in cache:
            cache[article] = shingles(texts.get(article, ""))
        return cache[article]

    return [(a, b) for a, b in pairs if jaccard(shingles_of(a), shingles_of(b)) >= DUPLICATE_JACCARD]


def assign_groups(con, new_ids: Sequence[str]) -> list[GroupChange]:
    """Group the newly stored articles `new_ids` with their near-duplicates (already stored or in
    the same batch) and update `articles.dup_group`; returns every article whose group changed.
    Runs inside the caller's transaction."""
    edges = verified_pairs(con, candidate_pairs(con, new_ids))
    if not edges:
        return []
    uf = _UnionFind()
    touched = {x for edge in edges for x in edge}
    # Merge with the groups the old articles already belong to, so components stay whole.
    for article, group in con.execute(
            """SELECT id, dup_group FROM articles WHERE dup_group IN
               (SELECT dup_group FROM articles WHERE id IN (SELECT unnest(?)) AND dup_group IS NOT NULL)""",
            [sorted(touched)]).fetchall():
        uf.union(article, group)
    for a, b in edges:
        uf.union(a, b)
    members = sorted(uf.parent)
    info = {r[0]: (r[1], r[2]) for r in con.execute(
        "SELECT id, CAST(published AS VARCHAR), dup_group FROM articles WHERE id IN (SELECT unnest(?))",
        [members]).fetchall()}
    changes: list[GroupChange] = []
    for component in uf.components():
        canonical = min(component, key=lambda x: (info[x][0] or "9999-99-99", x))
        changes.extend(GroupChange(x, canonical) for x in component if info[x][1] != canonical)
    if changes:
        con.execute("CREATE OR REPLACE TEMP TABLE _dup_changes (id VARCHAR, dup_group VARCHAR)")
        con.executemany("INSERT INTO _dup_changes VALUES (?, ?)", [(c.article_id, c.dup_group) for c in changes])
        con.execute("UPDATE articles SET dup_group = c.dup_group FROM _dup_changes c WHERE articles.id = c.id")
        con.execute("DROP TABLE _dup_changes")
    return changes
