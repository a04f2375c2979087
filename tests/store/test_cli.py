"""`diurna query …` and `diurna stats` over a small hand-built store."""

from __future__ import annotations

import csv
import io
import json

import pytest
from store_factory import article, event, meeting_reports

from diurna.cli import main
from diurna.store import Store


@pytest.fixture
def db(tmp_path):
    path = str(tmp_path / "q.duckdb")
    docs = [
        *meeting_reports(title="Leaders meet"),
        article(
            "Ruto accused Abiy of stalling on Friday.",
            "2023-04-07",
            [event("ACCUSE", "ruto", "abiy", "2023-04-07")],
            url="https://c.example/1",
            source="C",
        ),
    ]
    with Store(path) as store:
        store.write(docs)
    return path


def run(capsys, *argv) -> str:
    assert main(list(argv)) == 0
    return capsys.readouterr().out


def test_events_as_table_csv_and_json(db, capsys):
    table = run(capsys, "query", "events", "--db", db, "--actor", "ruto")
    assert table.splitlines()[0].split()[:3] == ["date", "type", "source_name"]
    assert len(table.splitlines()) == 4
    rows = list(
        csv.DictReader(io.StringIO(run(capsys, "query", "events", "--db", db, "--format", "csv", "--type", "ACCUSE")))
    )
    assert [r["type"] for r in rows] == ["ACCUSE"] and rows[0]["source_code"] == "KENGOV"
    lines = run(capsys, "query", "events", "--db", db, "--format", "json", "--start", "2023-04-01").splitlines()
    assert [json.loads(line)["date"] for line in lines] == ["2023-04-07"]


def test_clusters_cluster_and_dyad(db, capsys):
    clusters = [json.loads(x) for x in run(capsys, "query", "clusters", "--db", db, "--format", "json").splitlines()]
    meeting = [c for c in clusters if c["type"] == "CONSULT"][0]
    assert meeting["articles"] == 2
    detail = json.loads(run(capsys, "query", "cluster", meeting["id"], "--db", db, "--format", "json"))
    assert len(detail["mentions"]) == 2
    dyad = list(
        csv.DictReader(
            io.StringIO(run(capsys, "query", "dyad", "KEN", "ETH", "--db", db, "--format", "csv", "--unit", "clusters"))
        )
    )
    assert [(d["period"], d["direction"], d["events"]) for d in dyad] == [
        ("2023-03-01", "a->b", "1"),
        ("2023-04-01", "a->b", "1"),
    ]


def test_actors_articles_article_and_stats(db, capsys):
    actors = run(capsys, "query", "actors", "--db", db, "--format", "json").splitlines()
    assert json.loads(actors[0])["key"] in ("kb:william_ruto", "kb:abiy_ahmed")
    listed = [json.loads(x) for x in run(capsys, "query", "articles", "--db", db, "--format", "json").splitlines()]
    assert [a["published"] for a in listed] == ["2023-04-07", "2023-03-15", "2023-03-14"]
    doc = json.loads(run(capsys, "query", "article", listed[0]["id"], "--db", db, "--format", "json"))
    assert doc["article"]["id"] == listed[0]["id"] and len(doc["store"]["clusters"]) == 1
    stats = json.loads(run(capsys, "query", "stats", "--db", db, "--json"))
    assert stats["articles"] == 3 and stats["clusters"] == 2 and stats["clusters_CONSULT"] == 1


def test_a_bad_filter_is_a_one_line_error(db, capsys):
    assert main(["query", "events", "--db", db, "--start", "yesterday"]) == 2
    assert "YYYY-MM-DD" in capsys.readouterr().err


def test_places_counts_events_per_place(db, capsys):
    rows = [json.loads(x) for x in run(capsys, "query", "places", "--db", db, "--format", "json").splitlines()]
    assert [(r["name"], r["events"]) for r in rows] == [("Nairobi", 1)]
    assert run(capsys, "query", "places", "--db", db, "--type", "ACCUSE").splitlines()[-1] == "(no rows)"


def test_csv_output_defuses_formula_cells_as_the_api_does():
    """A title or actor name that a spreadsheet would run (=HYPERLINK, +cmd, @SUM) is written as text."""
    import io

    from diurna.store.cli import print_rows

    out = io.StringIO()
    print_rows(
        [{"title": '=HYPERLINK("http://evil.example","x")', "name": "@SUM(A1)", "goldstein": -7.0, "n": 3}],
        ["title"],
        "csv",
        out,
    )
    header, row = out.getvalue().splitlines()
    assert row.startswith("\"'=HYPERLINK(") and ",'@SUM(A1)," in row and row.endswith(",-7.0,3")
