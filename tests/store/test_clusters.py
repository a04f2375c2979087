"""Event clusters: one row per real-world event with its mention counts, on hand-built events."""

from __future__ import annotations

import itertools

from store_factory import article, event, meeting_reports

from diurna.records import Actor
from diurna.store import Store
from diurna.store.clusters import actor_key, cluster_ids, family_of, link_key


def test_actor_keys_prefer_the_knowledge_base_then_country_then_surname():
    assert actor_key(Actor(id="a", name="President Ruto", kb_id="william_ruto")) == "kb:william_ruto"
    assert actor_key(Actor(id="a", name="Tehran", code="IRN", country="IRN", kind="country")) == "country:IRN"
    full = Actor(id="a", name="Minister Grace Atieno", code="KENGOV", kind="person")
    short = Actor(id="b", name="Atieno", code="KENGOV", kind="person")
    assert actor_key(full) == actor_key(short) == "person:KENGOV:atieno"
    assert actor_key(Actor(id="a", name="The Police", code="CHLCOP")) == actor_key(
        Actor(id="b", name="police", code="CHLCOP")
    )


def test_generic_groups_are_identified_by_country_sector_and_name_never_the_bare_word():
    haiti = Actor(id="a", name="police", code="HTICOP", country="HTI", sector="COP", kind="group")
    peru = Actor(id="b", name="police", code="PERCOP", country="PER", sector="COP", kind="group")
    assert actor_key(haiti) != actor_key(peru)
    # with no country the words name a role, not an actor: no identity beyond the article
    first = Actor(id="act_1", name="police", code="COP", sector="COP", kind="group")
    second = Actor(id="act_2", name="police", code="COP", sector="COP", kind="group")
    assert actor_key(first) != actor_key(second)
    assert actor_key(first) == actor_key(first.model_copy())
    # a people without a state keeps its code prefix, which identifies it
    kurds = Actor(id="c", name="Kurdish fighters", code="KURUAF", sector="UAF", kind="group")
    assert actor_key(kurds) == actor_key(kurds.model_copy(update={"id": "d"}))


def test_families_join_types_that_tell_one_happening_two_ways():
    assert family_of("COERCE") == family_of("ASSAULT")
    assert family_of("AGREE") == family_of("SUPPORT")
    assert family_of("CONSULT") != family_of("AGREE")
    assert family_of("ACCUSE") != family_of("THREATEN")


def test_the_sweep_measures_from_the_first_date_so_daily_events_do_not_chain():
    days = ["2024-01-01", "2024-01-02", "2024-01-03", "2024-01-04"]
    ids = cluster_ids("b", [(d, d, "art%d" % i, "e", "state:UKR") for i, d in enumerate(days)])
    assert ids[0] == ids[1] != ids[2] == ids[3]


def test_coarse_dates_are_never_linked():
    ids = cluster_ids("b", [("2024-01-01", "2024-01-31", "a1", "e", "t"), ("2024-01-01", "2024-01-31", "a2", "e", "t")])
    assert ids[0] != ids[1]


def test_an_event_without_target_joins_the_one_cluster_near_its_date():
    events = [
        ("2024-01-01", "2024-01-01", "a1", "e", "state:LBN"),
        ("2024-01-01", "2024-01-01", "a2", "e", ""),
        ("2024-01-09", "2024-01-09", "a3", "e", "state:LBN"),
        ("2024-01-09", "2024-01-09", "a4", "e", "state:SYR"),
        ("2024-01-09", "2024-01-09", "a5", "e", ""),
    ]
    ids = cluster_ids("b", events)
    assert ids[1] == ids[0]  # one candidate: joined
    assert ids[4] not in (ids[2], ids[3])  # two candidates (Lebanon, Syria): left on its own


def test_link_keys_join_the_names_reports_give_one_actor():
    kishida = Actor(id="a", name="Prime Minister Fumio Kishida", kb_id="fumio_kishida", code="JPNGOV", kind="person")
    surname = Actor(id="b", name="Kishida", kind="person")
    assert link_key(kishida) == link_key(surname)
    turkey = Actor(id="a", name="Turkey", kb_id="turkey", code="TUR", country="TUR", kind="country")
    jets = Actor(id="b", name="Turkish warplanes", code="TURMIL", country="TUR", sector="MIL")
    assert link_key(turkey) == link_key(jets)
    police = Actor(id="a", name="police", code="COP", sector="COP")
    kenyan = Actor(id="b", name="Kenyan police", code="KENCOP", country="KEN", sector="COP")
    assert link_key(police, place_country="KEN") == link_key(kenyan)
    assert link_key(police, place_country="CHL") != link_key(kenyan)


def _reports():
    """Three independent reports of one meeting (one dated a day later), an accusation between the
    same leaders the same day, and a second meeting a week later."""
    return [
        *meeting_reports(second_day="2023-03-15"),
        article(
            "William Ruto hosted Abiy Ahmed for talks on Tuesday, his office said.",
            "2023-03-14",
            [event("CONSULT", "ruto", "abiy", "2023-03-14")],
            url="https://c.example/1",
            source="C",
        ),
        article(
            "Ruto accused Abiy of stalling the talks on Tuesday.",
            "2023-03-14",
            [event("ACCUSE", "ruto", "abiy", "2023-03-14")],
            url="https://d.example/1",
            source="D",
        ),
        article(
            "Ruto met Abiy again in Addis Ababa on Tuesday.",
            "2023-03-21",
            [event("CONSULT", "ruto", "abiy", "2023-03-21")],
            url="https://e.example/1",
            source="E",
        ),
    ]


def test_reports_of_one_meeting_form_one_cluster_with_counts(tmp_path):
    docs = _reports()
    with Store(str(tmp_path / "c.duckdb")) as store:
        store.write(docs)
        clusters = store.clusters(type="CONSULT", limit=10)
        assert len(clusters) == 2
        first = [c for c in clusters if c.date == "2023-03-14"][0]
        assert (first.mentions, first.articles, first.copies, first.sources) == (3, 3, 3, 3)
        assert first.first_article in {docs[0].article.id, docs[2].article.id}
        assert first.first_published == "2023-03-14" and first.place_name == "Nairobi"
        detail = store.cluster(first.id)
        assert set(detail.article_ids) == {d.article.id for d in docs[:3]}
        assert store.count_clusters() == 3  # the meeting, the accusation, the second meeting
        assert store.count_events() == 5


def test_cluster_ids_do_not_depend_on_ingest_order_or_batching(tmp_path):
    seen = set()
    for n, order in enumerate(itertools.islice(itertools.permutations(_reports()), 0, 120, 17)):
        with Store(str(tmp_path / ("p%d.duckdb" % n))) as store:
            for i in range(0, len(order), 2):
                store.write(list(order[i : i + 2]))
            seen.add(
                tuple(
                    store.con.execute(
                        "SELECT id, mentions, articles, first_article FROM event_clusters ORDER BY id"
                    ).fetchall()
                )
            )
    assert len(seen) == 1


def test_a_later_report_keeps_the_cluster_id(tmp_path):
    docs = _reports()
    with Store(str(tmp_path / "s.duckdb")) as store:
        store.write(docs[:1])
        (before,) = [c.id for c in store.clusters(type="CONSULT")]
        store.write(docs[1:2])
        (after,) = [c.id for c in store.clusters(type="CONSULT")]
        assert before == after
        assert store.cluster(after).cluster.articles == 2


def test_a_wire_copy_is_listed_but_not_counted(tmp_path):
    body = (
        "Kenyan President William Ruto met Ethiopian Prime Minister Abiy Ahmed in Nairobi on Tuesday to "
        "discuss a drought that has left millions short of food, his office said in a statement. The two "
        "leaders agreed to share weather data and to open a joint grain reserve near the border."
    )
    original = article(
        body,
        "2023-03-14",
        [event("CONSULT", "ruto", "abiy", "2023-03-14")],
        url="https://wire.example/x",
        source="Wire",
    )
    copy = article(
        body + " (Reporting by the Nairobi bureau)",
        "2023-03-14",
        [event("CONSULT", "ruto", "abiy", "2023-03-14")],
        url="https://paper.example/y",
        source="Paper",
    )
    with Store(str(tmp_path / "w.duckdb")) as store:
        store.write([copy])
        store.write([original])
        (cluster,) = store.clusters()
        assert (cluster.mentions, cluster.articles, cluster.copies, cluster.sources) == (1, 1, 2, 2)


def test_negated_events_stay_apart_from_asserted_ones(tmp_path):
    said = article("Ruto met Abiy on Tuesday.", "2023-03-14", [event("CONSULT", "ruto", "abiy", "2023-03-14")])
    denied = article(
        "Ruto did not meet Abiy on Tuesday, aides said.",
        "2023-03-14",
        [event("CONSULT", "ruto", "abiy", "2023-03-14", polarity="negated")],
    )
    with Store(str(tmp_path / "n.duckdb")) as store:
        store.write([said, denied])
        assert store.count_clusters() == 2


def test_incremental_writes_give_the_clusters_a_rebuild_gives(tmp_path):
    """A dense daily series (one long run of days), with and without targets, written in shuffled
    small batches: the windowed recomputation must agree with recomputing everything."""
    import random

    rng = random.Random(5)
    docs = []
    for day in range(1, 29):
        date = "2024-02-%02d" % day
        for k in range(rng.randint(1, 3)):
            target = rng.choice(["abiy", "ethiopia", "kenya", None])
            docs.append(
                article(
                    "Ruto and Abiy, day %d report %d." % (day, k),
                    date,
                    [event(rng.choice(["CONSULT", "ACCUSE"]), "ruto", target, date)],
                )
            )
    rng.shuffle(docs)
    with Store(str(tmp_path / "i.duckdb")) as store:
        for i in range(0, len(docs), 4):
            store.write(docs[i : i + 4])
        incremental = store.con.execute("SELECT article_id, id, cluster_id FROM events ORDER BY 1, 2").fetchall()
        rows_before = store.con.execute("SELECT * EXCLUDE (added_at) FROM event_clusters ORDER BY id").fetchall()
        store.rebuild_derived()
        assert (
            store.con.execute("SELECT article_id, id, cluster_id FROM events ORDER BY 1, 2").fetchall() == incremental
        )
        assert (
            store.con.execute("SELECT * EXCLUDE (added_at) FROM event_clusters ORDER BY id").fetchall() == rows_before
        )
