"""Near-duplicate articles: wire copies and syndicated rewrites of one story.

Each article's text is cut into word shingles (runs of SHINGLE_WORDS lower-cased words) and
summarised by a MinHash signature. The signature is split into LSH_BANDS bands of
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

import functools
import hashlib
import re
from dataclasses import dataclass
from typing import Sequence

import numpy as np

SHINGLE_WORDS = 3
NUM_PERM = 100
LSH_BANDS, LSH_ROWS = 20, 5  # NUM_PERM = LSH_BANDS * LSH_ROWS
# With 20 bands of 5 rows a pair is a candidate with probability 1 - (1 - J^5)^20:
# 0.97 at J = 0.7, 0.47 at J = 0.5, 0.05 at J = 0.3 (the S-curve is steepest near 0.55).
DUPLICATE_JACCARD = 0.7
# The MinHash is computed here with numpy rather than with datasketch's MinHash: datasketch hashes
# every shingle in a Python call (0.4 ms an article, over a minute for 200,000 articles), while
# hashing each distinct *word* once and combining word hashes into shingle hashes in numpy gives
# the same kind of signature ~10x faster. The scheme is fixed by _SEED: stored band hashes must
# mean the same thing on every run (Store.rebuild_derived() recomputes them if it ever changes).
_SEED = 7
_WORD = re.compile(r"\w+", re.UNICODE)
_MASK32 = np.uint64(0xFFFFFFFF)
_rng = np.random.default_rng(_SEED)
# Multiply-shift hashing (Dietzfelbinger et al.): h -> (a*h + b) mod 2^64, top 32 bits; a odd.
_A = (_rng.integers(1, 2**63, NUM_PERM, dtype=np.uint64) << np.uint64(1)) | np.uint64(1)
_B = _rng.integers(0, 2**63, NUM_PERM, dtype=np.uint64)
_MIX = (_rng.integers(1, 2**63, SHINGLE_WORDS, dtype=np.uint64) << np.uint64(1)) | np.uint64(1)


@functools.lru_cache(maxsize=500_000)
def _word_hash(word: str) -> int:
    return int.from_bytes(hashlib.blake2b(word.encode("utf-8"), digest_size=8, person=b"diurna-w").digest(), "little")


def _words(text: str) -> list[str]:
    return _WORD.findall(text.lower())


def shingles(text: str, k: int = SHINGLE_WORDS) -> set[str]:
    """The set of k-word shingles of `text` (lower-cased words; punctuation and spacing ignored,
    so a re-typeset copy of an article has the same shingles)."""
    words = _words(text)
    if len(words) <= k:
        return {" ".join(words)} if words else set()
    return {" ".join(words[i : i + k]) for i in range(len(words) - k + 1)}


def jaccard(a: set[str], b: set[str]) -> float:
    if not a and not b:
        return 0.0  # two empty texts say nothing about each other
    return len(a & b) / len(a | b)


def shingle_hashes(text: str) -> np.ndarray:
    """64-bit hashes of the distinct SHINGLE_WORDS-word shingles of `text` (the set `shingles` gives)."""
    words = _words(text)
    if not words:
        return np.zeros(0, dtype=np.uint64)
    h = np.fromiter((_word_hash(w) for w in words), dtype=np.uint64, count=len(words))
    k = min(SHINGLE_WORDS, len(words))
    n = len(words) - k + 1
    with np.errstate(over="ignore"):  # arithmetic mod 2^64 is the point
        combined = np.zeros(n, dtype=np.uint64)
        for i in range(k):
            combined = combined * _MIX[i] + h[i : i + n]
    return np.unique(combined)


def signature(hashes: np.ndarray) -> np.ndarray:
    """The MinHash signature (NUM_PERM 32-bit values) of a set of shingle hashes."""
    with np.errstate(over="ignore"):
        permuted = (hashes[:, None] * _A[None, :] + _B[None, :]) >> np.uint64(32)
    return permuted.min(axis=0)


_BAND_MIX = (
    np.random.default_rng(_SEED + 1).integers(1, 2**63, LSH_ROWS, dtype=np.uint64) << np.uint64(1)
) | np.uint64(1)


def band_matrix(signatures: np.ndarray) -> np.ndarray:
    """One signed 64-bit hash per LSH band for each row of `signatures` (n x NUM_PERM): the band's
    LSH_ROWS values folded by xor-multiply mod 2^64 (equal bands give equal hashes)."""
    rows = signatures.astype(np.uint64).reshape(len(signatures), LSH_BANDS, LSH_ROWS)
    with np.errstate(over="ignore"):
        h = np.zeros((len(signatures), LSH_BANDS), dtype=np.uint64)
        for i in range(LSH_ROWS):
            h = (h ^ rows[:, :, i]) * _BAND_MIX[i]
    return h.view(np.int64)


def band_hashes(sig: np.ndarray) -> list[int]:
    """The LSH_BANDS band hashes of one signature."""
    return band_matrix(sig[None, :])[0].tolist()


def batch_band_rows(articles: Sequence[tuple[str, str]], chunk: int = 64):
    """The `article_bands` rows of many (article id, text) pairs as an Arrow table (band, hash,
    article_id), with the same values as `signature(shingle_hashes(text))` article by article
    (tested). The whole batch is done on flat arrays: words are split and hashed together
    (_batch_word_hashes), shingles are combined on the flat word-hash array (_flat_shingles), and
    the permutations are applied a chunk of articles at a time in a (NUM_PERM x shingles) layout,
    whose per-article minimum is a reduction along contiguous rows (3x faster than the transposed
    layout, and a small chunk keeps the matrix in the CPU cache). The minimum over a multiset of
    shingles is the minimum over its set, so repeated shingles need not be removed."""
    import pyarrow as pa

    keep, flat, lengths = _batch_shingles([text for _, text in articles])
    if not len(keep):
        return pa.table(
            {
                "band": pa.array([], pa.uint8()),
                "hash": pa.array([], pa.int64()),
                "article_id": pa.array([], pa.string()),
            }
        )
    ends = np.cumsum(lengths)
    starts = ends - lengths
    signatures = np.empty((len(keep), NUM_PERM), dtype=np.uint64)
    for first in range(0, len(keep), chunk):
        last = min(first + chunk, len(keep))
        part = flat[starts[first] : ends[last - 1]]
        with np.errstate(over="ignore"):
            permuted = _A[:, None] * part[None, :]
            permuted += _B[:, None]
            permuted >>= np.uint64(32)
        signatures[first:last] = np.minimum.reduceat(permuted, starts[first:last] - starts[first], axis=1).T
    ids = np.array([articles[i][0] for i in keep], dtype=object)
    return pa.table(
        {
            "band": np.tile(np.arange(LSH_BANDS, dtype=np.uint8), len(keep)),
            "hash": band_matrix(signatures).reshape(-1),
            "article_id": pa.array(np.repeat(ids, LSH_BANDS), pa.string()),
        }
    )


# Word hashes seen so far (blake2b is a Python call per word; news vocabulary repeats). Cleared
# when it grows past _WORD_CACHE_MAX so a long ingest of varied text cannot grow it without bound.
_word_cache: dict[str, int] = {}
_WORD_CACHE_MAX = 1_000_000


def _hash_words(words) -> np.ndarray:
    """`_word_hash` of each word (a list or an Arrow string array), through _word_cache."""
    if len(_word_cache) > _WORD_CACHE_MAX:
        _word_cache.clear()
    if not isinstance(words, list):
        import pyarrow.compute as pc

        encoded = pc.dictionary_encode(words)
        distinct = _hash_words(encoded.dictionary.to_pylist())
        return distinct[encoded.indices.to_numpy(zero_copy_only=False)]
    for word in set(words).difference(_word_cache):
        _word_cache[word] = _word_hash.__wrapped__(word)
    return np.fromiter(map(_word_cache.__getitem__, words), dtype=np.uint64, count=len(words))


def _batch_word_hashes(texts: Sequence[str]) -> tuple[np.ndarray, np.ndarray]:
    """(hashes of the words of every text end to end, number of words of each text). ASCII texts
    (most news) are lower-cased and split by Arrow in C++: on ASCII, Python's `\\w` is exactly
    [A-Za-z0-9_], so the words are those `_words` finds. Other texts go through `_words` itself,
    whose Unicode word rule Arrow's regex engine does not reproduce exactly."""
    import pyarrow as pa
    import pyarrow.compute as pc

    if not len(texts):
        return np.zeros(0, dtype=np.uint64), np.zeros(0, dtype=np.int64)
    array = pa.array(texts, pa.string())
    ascii_mask = pc.string_is_ascii(array).to_numpy(zero_copy_only=False)
    lengths = np.zeros(len(texts), dtype=np.int64)
    pieces: dict[int, np.ndarray] = {}
    if ascii_mask.any():
        ascii_idx = np.flatnonzero(ascii_mask)
        split = pc.split_pattern_regex(pc.ascii_lower(array.take(pa.array(ascii_idx))), pattern="[^0-9a-z_]+")
        words = pc.list_flatten(split)
        parents = pc.list_parent_indices(split).to_numpy()
        nonempty = pc.not_equal(words, "")
        words = words.filter(nonempty)
        parents = parents[nonempty.to_numpy(zero_copy_only=False)]
        lengths[ascii_idx] = np.bincount(parents, minlength=len(ascii_idx))
        ascii_hashes = _hash_words(words) if len(words) else np.zeros(0, dtype=np.uint64)
    if ascii_mask.all():
        return ascii_hashes, lengths
    for i in np.flatnonzero(~ascii_mask):
        words_i = _words(texts[i])
        lengths[i] = len(words_i)
        pieces[i] = _hash_words(words_i)
    # Splice the non-ASCII texts' hashes in, in text order.
    out, offset = [], 0
    for i in range(len(texts)):
        if i in pieces:
            out.append(pieces[i])
        else:
            out.append(ascii_hashes[offset : offset + lengths[i]])
            offset += lengths[i]
    return (np.concatenate(out) if out else np.zeros(0, dtype=np.uint64)), lengths


def _batch_shingles(texts: Sequence[str]) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(indices of the texts with words, their shingle hashes end to end, number of shingles of
    each). A text of fewer than SHINGLE_WORDS words has one shingle of all its words, combined as
    in `shingle_hashes` (k = its length), so those rare texts are done on their own."""
    h, lengths = _batch_word_hashes(texts)
    keep = np.flatnonzero(lengths > 0)
    short = np.flatnonzero((lengths > 0) & (lengths < SHINGLE_WORDS))
    if not len(short):
        return keep, _flat_shingles(h, lengths[keep]), lengths[keep] - SHINGLE_WORDS + 1
    ends = np.cumsum(lengths)
    runs = []
    for i in keep:
        if lengths[i] < SHINGLE_WORDS:
            runs.append(shingle_hashes(texts[i]))
        else:
            runs.append(_flat_shingles(h[ends[i] - lengths[i] : ends[i]], lengths[i : i + 1]))
    return keep, np.concatenate(runs), np.fromiter((len(r) for r in runs), dtype=np.int64, count=len(runs))


def _flat_shingles(h: np.ndarray, lengths: np.ndarray) -> np.ndarray:
    """Shingle hashes of texts whose word hashes `h` lie end to end (each of at least
    SHINGLE_WORDS words), text by text, with the same Horner combination as `shingle_hashes`."""
    if not len(h):
        return h
    n = len(h) - SHINGLE_WORDS + 1
    with np.errstate(over="ignore"):
        combined = np.zeros(n, dtype=np.uint64)
        for i in range(SHINGLE_WORDS):
            combined = combined * _MIX[i] + h[i : i + n]
    ends = np.cumsum(lengths)
    starts = ends - lengths
    # A window is kept when it starts and ends inside one text: positions start .. end -
    # SHINGLE_WORDS, marked by +1 at the first and -1 after the last.
    marks = np.zeros(n + 1, dtype=np.int64)
    np.add.at(marks, starts, 1)
    np.add.at(marks, ends - SHINGLE_WORDS + 1, -1)
    return combined[np.cumsum(marks[:-1]) > 0]


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
        [list(new_ids)],
    ).fetchall()


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
        [sorted(touched)],
    ).fetchall():
        uf.union(article, group)
    for a, b in edges:
        uf.union(a, b)
    members = sorted(uf.parent)
    info = {
        r[0]: (r[1], r[2])
        for r in con.execute(
            "SELECT id, CAST(published AS VARCHAR), dup_group FROM articles WHERE id IN (SELECT unnest(?))", [members]
        ).fetchall()
    }
    changes: list[GroupChange] = []
    for component in uf.components():
        canonical = min(component, key=lambda x: (info[x][0] or "9999-99-99", x))
        changes.extend(GroupChange(x, canonical) for x in component if info[x][1] != canonical)
    if changes:
        import pyarrow as pa

        # Registered as an Arrow table: executemany binds row by row (0.6 s for 5,000 changes).
        table = pa.table({"id": [c.article_id for c in changes], "dup_group": [c.dup_group for c in changes]})
        con.register("_dup_changes", table)
        try:
            con.execute("UPDATE articles SET dup_group = c.dup_group FROM _dup_changes c WHERE articles.id = c.id")
        finally:
            con.unregister("_dup_changes")
    return changes
