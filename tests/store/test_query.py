"""The typed query API over a store built from news sentences written for the project."""

from __future__ import annotations

import pytest

from diurna.store import EventFilter, Store

ARTICLES = [
    (
        "Russian President Vladimir Putin met Chinese President Xi Jinping in Beijing on Tuesday. The two leaders "
        "signed an agreement on energy cooperation.",
        "2024-05-16",
    ),
    (
        "Chinese coast guard ships fired water cannon at a Philippine supply boat near a disputed shoal on Sunday, "
        "the Philippine military said.",
        "2024-03-24",
    ),
    (
        "Thousands of protesters marched in Manila on Friday to denounce China's actions in the South China Sea.",
        "2024-04-12",
    ),
]


@pytest.fixture(scope="module")
def store(pipeline, tmp_path_factory):
    path = str(tmp_path_factory.mktemp("q") / "q.duckdb")
    with Store(path) as s:
        s.write([pipeline.code_text(text, day) for text, day in ARTICLES])
    s = Store(path, read_only=True)
    yield s
    s.close()


def test_events_filter_by_country_type_and_dates(store):
    everything = store.events(limit=1000)
    assert everything and store.count_events() == len(everything)
    chinese = store.events(country="CHN", limit=1000)
    assert chinese and all("CHN" in (e.source_country, e.target_country) for e in chinese)
    march = store.events(EventFilter(start="2024-03-01", end="2024-03-31"), limit=1000)
    assert all("2024-03-01" <= e.date <= "2024-03-31" for e in march)
    kinds = {e.type for e in everything}
    one = sorted(kinds)[0]
    assert {e.type for e in store.events(type=[one], limit=1000)} == {one}


def test_filters_are_parameters_not_sql(store):
    hostile = "x' OR '1'='1'; DROP TABLE events; --"
    assert store.events(actor=hostile) == []
    assert store.events(country=hostile) == []
    assert store.count_events() > 0  # the table is still there


def test_a_bad_date_is_a_clear_error(store):
    with pytest.raises(ValueError, match="YYYY-MM-DD"):
        store.events(start="last tuesday")


def test_top_actors_network_and_profile(store):
    top = store.top_actors(10)
    assert top and top[0].as_source + top[0].as_target >= top[-1].as_source + top[-1].as_target
    edges = store.network()
    assert all(e.events >= 1 for e in edges)
    profile = store.actor_profile(top[0].key)
    assert profile is not None and profile.events
    assert store.actor_profile("no-such-actor") is None


def test_dyad_series_counts_both_directions(store):
    points = store.dyad_series("CHN", "PHL", freq="month")
    total = store.count_events(source="CHN", target="PHL") + store.count_events(source="PHL", target="CHN")
    assert total >= 1, "the water-cannon attack is a CHN -> PHL event"
    assert sum(p.events for p in points) == total
    with pytest.raises(ValueError):
        store.dyad_series("CHN", "PHL", freq="fortnight")


def test_articles_and_place_counts(store):
    listed = store.articles()
    assert len(listed) == len(ARTICLES)
    assert [a.published for a in listed] == sorted((a.published for a in listed), reverse=True)
    assert store.articles(q="manila")[0].published == "2024-04-12"
    for place in store.place_counts():
        assert place.events >= 1 and place.name
