"""Near-duplicate articles: wire copies and rewrites are grouped, different stories are not, and
only the canonical copy's events count."""

from __future__ import annotations

import itertools

import pytest
from store_factory import article, event

from diurna.store import Store
from diurna.store.dedup import DUPLICATE_JACCARD, jaccard, shingles

WIRE = (
    "NAIROBI - Kenya and Ethiopia agreed on Tuesday to build a new power line linking the two "
    "countries' grids, officials said after a meeting of energy ministers in the Kenyan capital. "
    "The 1,000-kilometre line is expected to carry electricity from Ethiopian hydropower dams to "
    "consumers in Kenya by 2027. Ethiopian officials said the project would be financed jointly with "
    "a regional development bank. Kenyan Energy Minister Grace Atieno told reporters the deal would "
    "cut power cuts in the north of the country and lower bills for small businesses. Talks on the "
    "price of the electricity will continue next month, she said."
)
# A syndicated copy: new dateline and credit, one sentence reworded, a closing line added.
COPY = (
    "Kenya and Ethiopia agreed on Tuesday to build a new power line linking the two countries' grids, "
    "officials said after a meeting of energy ministers in the Kenyan capital. The 1,000-kilometre line "
    "is expected to carry electricity from Ethiopian hydropower dams to consumers in Kenya by 2027. "
    "Ethiopian officials said the project would be paid for jointly with a regional development bank. "
    "Kenyan Energy Minister Grace Atieno told reporters the deal would cut power cuts in the north of "
    "the country and lower bills for small businesses. Talks on the price of the electricity will "
    "continue next month, she said. (Reporting by staff; editing by the desk)"
)
# The same happening told by another newsroom: same facts, different words.
OTHER = (
    "Ethiopian hydropower will reach Kenyan homes through a cross-border transmission line under a deal "
    "struck in Nairobi this week. Energy ministers from both governments signed off on the plan, which "
    "a regional lender will help fund. Kenya's minister said businesses in the arid north, where outages "
    "are frequent, stand to gain most, while negotiators have yet to settle on a tariff."
)


def test_shingles_ignore_case_punctuation_and_spacing():
    assert shingles("The  talks, in Nairobi!") == shingles("the talks in\nnairobi")
    assert jaccard(shingles(WIRE), shingles(WIRE)) == 1.0


def test_a_rewritten_copy_is_similar_and_another_newsroom_is_not():
    assert jaccard(shingles(WIRE), shingles(COPY)) >= DUPLICATE_JACCARD
    assert jaccard(shingles(WIRE), shingles(OTHER)) < 0.2


def _docs():
    agreed = [event("AGREE", "kenya", "ethiopia", "2023-03-14")]
    return [
        article(WIRE, "2023-03-14", agreed, url="https://wire.example/a1", source="Wire"),
        article(COPY, "2023-03-15", agreed, url="https://paper.example/b7", source="Paper"),
        article(OTHER, "2023-03-15", agreed, url="https://daily.example/c3", source="Daily"),
    ]


def test_copies_share_a_group_and_their_events_count_once(tmp_path):
    wire, copy, other = _docs()
    with Store(str(tmp_path / "d.duckdb")) as store:
        result = store.write([wire, copy, other])
        assert result.duplicates == 1
        assert store.duplicates_of(copy.article.id) == [wire.article.id]
        assert store.duplicates_of(other.article.id) == []
        assert store.counts()["duplicates"] == 1
        counted = store.events(limit=100)
        assert {e.article_id for e in counted} == {wire.article.id, other.article.id}
        assert len(store.events(limit=100, include_duplicates=True)) == 3


def test_the_earliest_published_copy_is_canonical_whatever_the_ingest_order(tmp_path):
    groups = set()
    for n, order in enumerate(itertools.permutations(_docs())):
        with Store(str(tmp_path / ("o%d.duckdb" % n))) as store:
            for doc in order:  # one article per batch: the hardest case
                store.write([doc])
            groups.add(tuple(store.con.execute("SELECT id, dup_group FROM articles ORDER BY id").fetchall()))
    assert len(groups) == 1
    (rows,) = groups
    wire_id = _docs()[0].article.id
    assert sorted(g for _, g in rows if g) == [wire_id, wire_id]


def test_a_copy_that_bridges_two_groups_merges_them(tmp_path):
    """A ~ B and B ~ C make one group even when A and C differ more than the threshold."""
    base = (
        "officials in the capital said on Monday that the new border crossing would open for trucks next "
        "week after months of talks between the customs agencies of both countries and a long dispute over "
        "the fees charged to hauliers, and that buses would follow once the road is repaired"
    )
    a_text = base + " according to a statement from the ministry of transport issued late on Sunday"
    b_text = base
    c_text = base + " while traders on both sides complained about queues that stretched for kilometres"
    assert jaccard(shingles(a_text), shingles(b_text)) >= DUPLICATE_JACCARD
    assert jaccard(shingles(b_text), shingles(c_text)) >= DUPLICATE_JACCARD
    assert jaccard(shingles(a_text), shingles(c_text)) < DUPLICATE_JACCARD
    a = article(a_text, "2023-01-02", [])
    b = article(b_text, "2023-01-03", [])
    c = article(c_text, "2023-01-04", [])
    with Store(str(tmp_path / "m.duckdb")) as store:
        store.write([a])
        store.write([c])
        store.write([b])
        groups = dict(store.con.execute("SELECT id, dup_group FROM articles").fetchall())
    assert set(groups.values()) == {a.article.id}


@pytest.mark.parametrize("batching", [[3], [1, 1, 1], [2, 1]])
def test_reingesting_overlapping_batches_keeps_counts_exact(tmp_path, batching):
    docs = _docs()
    with Store(str(tmp_path / "r.duckdb")) as store:
        i = 0
        for size in batching:
            store.write(docs[max(0, i - 1) : i + size])  # each batch repeats the previous one's last article
            i += size
        store.write(docs)
        assert store.counts()["articles"] == 3
        assert store.counts()["events"] == 3
        assert store.counts()["duplicates"] == 1
        assert store.count_events() == 2


def test_minhash_signatures_estimate_the_jaccard_similarity():
    import numpy as np

    from diurna.store.dedup import NUM_PERM, shingle_hashes, signature

    assert len(shingle_hashes(WIRE)) == len(shingles(WIRE))
    for a, b in [(WIRE, COPY), (WIRE, OTHER), (COPY, OTHER)]:
        exact = jaccard(shingles(a), shingles(b))
        estimate = float(np.mean(signature(shingle_hashes(a)) == signature(shingle_hashes(b))))
        assert abs(estimate - exact) < 3 * (0.25 / NUM_PERM) ** 0.5 + 0.02, (exact, estimate)


def test_batch_band_rows_equal_the_per_article_signature_bands():
    """The batch path (Arrow word split for ASCII texts, flat shingles, chunked permutations) must
    store exactly the bands the per-article definition gives, whatever the mix of texts."""
    from diurna.store.dedup import band_hashes, batch_band_rows, shingle_hashes, signature

    texts = [
        WIRE,
        COPY,
        OTHER,
        "",
        "!!",
        "x",
        "Two words",
        "exactly three words",
        "four words in all",
        "Ärger über Zölle: İstanbul ﬁnal café — naïve ２０２４ x_y",
        "日本 の 首相 が 言った",
        "é",
        "THE Quick, brown FOX_1 jumps!! over 3 lazy dogs.\n\tEnd",
    ]
    articles = [("a%02d" % i, text) for i, text in enumerate(texts * 3)]  # several chunks of 4
    expected = [
        (band, value, aid)
        for aid, text in articles
        if len(shingle_hashes(text))
        for band, value in enumerate(band_hashes(signature(shingle_hashes(text))))
    ]
    table = batch_band_rows(articles, chunk=4)
    assert (
        list(
            zip(
                table.column("band").to_pylist(),
                table.column("hash").to_pylist(),
                table.column("article_id").to_pylist(),
            )
        )
        == expected
    )
    assert batch_band_rows([]).num_rows == 0 and batch_band_rows([("e", " ")]).num_rows == 0
