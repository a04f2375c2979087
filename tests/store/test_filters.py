"""The shared filter set (diurna.store.filters) and the dashboard's aggregates (diurna.store.views) on
a hand-built newsroom whose answers are known (store_factory.analyst_corpus)."""

from __future__ import annotations

import pytest
from store_factory import ANALYST_COUNTS, analyst_corpus

from diurna.store import EventFilter, Store

ACTUAL = {"modality": ["actual"], "polarity": ["asserted"]}


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    with Store(str(tmp_path_factory.mktemp("filters") / "store.duckdb")) as s:
        s.write(analyst_corpus())
        yield s


def test_copies_modality_and_polarity_are_switches_with_known_counts(store):
    assert store.count_events() == ANALYST_COUNTS["mentions"]
    assert store.count_events(include_duplicates=True) == ANALYST_COUNTS["with_copies"]
    happened = store.events(EventFilter(**ACTUAL))
    assert len(happened) == ANALYST_COUNTS["actual_asserted"]
    assert {(e.modality, e.polarity) for e in happened} == {("actual", "asserted")}
    assert [e.type for e in store.events(modality=["intended"])] == ["AID"]
    assert [e.type for e in store.events(polarity=["negated"])] == ["THREATEN"]


def test_outlet_and_event_country_filters(store):
    assert store.count_events(outlet="daily nation") == ANALYST_COUNTS["outlet Daily Nation"]
    assert {e.article_title for e in store.events(outlet="The Standard") if e.article_title} == {
        "Nairobi accuses Addis Ababa"
    }
    placed = store.events(place_country="ken")
    assert len(placed) == ANALYST_COUNTS["place_country KEN"] and {e.place_country for e in placed} == {"KEN"}
    assert store.count_events(place_country="CHL") == 0  # the Chilean events have no place


def test_country_roll_up_is_wider_than_a_key(store):
    # KEN rolls up Kenya and its president (KENGOV); the key kb:kenya is the state alone
    rolled = {e.source_name for e in store.events(source="KEN")}
    assert rolled == {"Kenya", "William Ruto"}
    assert {e.source_name for e in store.events(source="kb:kenya")} == {"Kenya"}


def test_claims_filter_splits_the_selection(store):
    unclaimed, claimed = store.count_events(claimed=False), store.count_events(claimed=True)
    assert unclaimed + claimed == store.count_events() and claimed == 0  # the factory's events are stated


def test_cluster_totals_respect_min_articles_and_every_filter(store):
    # issue 24: min_articles=2 gave a total with no rows
    pairs = store.clusters(min_articles=2)
    assert store.count_clusters(min_articles=2) == len(pairs) == 2
    assert {c.type for c in pairs} == {"ACCUSE", "CONSULT"} and all(c.articles == 2 for c in pairs)
    assert store.count_clusters(EventFilter(**ACTUAL)) == len(store.clusters(EventFilter(**ACTUAL), limit=100)) == 5
    assert store.count_clusters(outlet="Wire") == 2  # the copy reports three happenings, one of them alone
    assert store.count_clusters(outlet="Wire", include_duplicates=True) == 3
    # a happening only a wire copy reports (its year-dated aid pledge) shows with the copies only
    assert store.count_clusters(modality=["intended"]) == 1
    assert store.count_clusters(modality=["intended"], include_duplicates=True) == 2


def test_network_splits_generic_actors_by_country_and_takes_filters(store):
    police = {(e.source_key, e.source_country) for e in store.network() if e.source_name == "police"}
    assert police == {("name:COP:police", "CHL"), ("name:COP:police", "KEN")}
    assert {e.source_name for e in store.network(filter=EventFilter(country="CHL"))} == {"police", "protesters"}
    assert all(e.events >= 1 for e in store.network(filter=EventFilter(**ACTUAL)))


def test_timeline_counts_every_event_and_says_which_dates_are_coarse(store):
    monthly = store.timeline(freq="month")
    assert monthly.total == sum(p.events for p in monthly.points) + monthly.undated == ANALYST_COUNTS["mentions"]
    assert monthly.granularities == {"day": 7, "month": 1, "year": 1}
    assert monthly.coarser == 1  # the pledge dated to a year; the month-dated protest fits a month
    assert store.timeline(freq="day").coarser == 2
    by_type = store.timeline(EventFilter(**ACTUAL), freq="week", by="type")
    assert {p.key for p in by_type.points} == {"ACCUSE", "CONSULT", "ASSAULT", "COERCE", "PROTEST"}
    assert all(p.period < "2024-03-04" or p.period == "2024-02-26" for p in by_type.points)
    with pytest.raises(ValueError):
        store.timeline(freq="year")


def test_map_summary_counts_placed_and_unplaced_events(store):
    summary = store.map_summary()
    assert (summary.events, summary.placed, summary.places_total) == (ANALYST_COUNTS["mentions"], 2, 1)
    assert [(c.country, c.events) for c in summary.countries] == [("KEN", 2)]


def test_iter_events_walks_the_whole_selection(store):
    walked = list(store.iter_events(EventFilter(include_duplicates=True), batch=2))
    assert len(walked) == ANALYST_COUNTS["with_copies"] == len({(e.article_id, e.id) for e in walked})
