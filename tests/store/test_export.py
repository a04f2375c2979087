"""Exports round-trip: export -> read back -> the same records."""

from __future__ import annotations

import json

import pytest
from store_factory import article, event, meeting_reports

from diurna.store import Store
from diurna.store.export import (
    GDELT_COLUMNS,
    events_rows,
    export,
    gdelt_rows,
    plover_records,
    read_events_parquet,
    read_gdelt,
    read_plover,
)


@pytest.fixture
def store(tmp_path):
    docs = [
        *meeting_reports(title="Leaders meet"),
        article(
            "Police fired tear gas at protesters in Santiago on Saturday.",
            "2022-10-02",
            [event("COERCE", "police", "protesters", "2022-10-01")],
            url="https://c.example/1",
            source="C",
        ),
        article(
            "Police and protesters clashed all month, the ombudsman said.",
            "2022-11-30",
            [event("ASSAULT", "police", "protesters", "2022-11-01", end="2022-11-30", granularity="month")],
        ),
    ]
    with Store(str(tmp_path / "x.duckdb")) as s:
        s.write(docs)
        yield s


def test_gdelt_has_61_columns_in_gdelts_order_and_round_trips(store, tmp_path):
    assert GDELT_COLUMNS[:3] == ["GLOBALEVENTID", "SQLDATE", "MonthYear"]
    assert GDELT_COLUMNS[-2:] == ["DATEADDED", "SOURCEURL"] and len(GDELT_COLUMNS) == 61
    out = str(tmp_path / "events.tsv")
    n = export(store, "gdelt", out)
    assert n == store.count_clusters() == 3  # the meeting is one row for two reports
    assert read_gdelt(out) == list(gdelt_rows(store))
    rows = [dict(zip(GDELT_COLUMNS, r)) for r in read_gdelt(out)]
    meeting = [r for r in rows if r["EventRootCode"] == "04"][0]
    assert meeting["SQLDATE"] == 20230314 and meeting["MonthYear"] == 202303 and meeting["Year"] == 2023
    assert (meeting["NumMentions"], meeting["NumArticles"], meeting["NumSources"]) == (2, 2, 2)
    assert meeting["Actor1Code"] == "KENGOV" and meeting["Actor1CountryCode"] == "KEN"
    assert meeting["Actor1Type1Code"] == "GOV" and meeting["Actor1Name"] == "WILLIAM RUTO"
    assert meeting["ActionGeo_CountryCode"] == "KE"  # FIPS, as GDELT writes it
    assert meeting["ActionGeo_Type"] == 4 and meeting["ActionGeo_FullName"] == "Nairobi, Kenya"
    assert meeting["SOURCEURL"] == "https://a.example/1" and meeting["QuadClass"] == 1


def test_plover_records_round_trip_and_link_reports_of_one_event(store, tmp_path):
    out = str(tmp_path / "events.plover.jsonl")
    assert export(store, "plover", out) == 4
    back = read_plover(out)
    assert back == list(plover_records(store))
    first = json.loads(open(out, encoding="utf-8").readline())
    assert {"id", "date", "actor", "recipient", "event", "quad_code", "link", "cite_info"} <= set(first)
    meetings = [r for r in back if r.event == ["CONSULT"]]
    assert len({r.link for r in meetings}) == 1 and meetings[0].actor[0].identifier_id == "william_ruto"
    assert meetings[0].recipient[0].code == "ETH"


def test_events_parquet_is_partitioned_by_month_and_round_trips(store, tmp_path):
    out = tmp_path / "events"
    assert export(store, "parquet-events", str(out)) == 4
    months = sorted(p.name for p in out.iterdir())
    assert months == ["month=2022-10", "month=2022-11", "month=2023-03"]
    back = read_events_parquet(str(out))
    expected = events_rows(store)
    assert [r["month"] for r in back] == [r["month"] for r in expected]
    assert back == expected
    with pytest.raises(FileExistsError):
        export(store, "parquet-events", str(out))


def test_jsonl_and_table_exports_still_work(store, tmp_path):
    assert export(store, "jsonl", str(tmp_path / "a.jsonl")) == 4
    assert export(store, "parquet", str(tmp_path / "tables")) == 4
    assert (tmp_path / "tables" / "event_clusters.parquet").exists()
    with pytest.raises(ValueError, match="unknown export format"):
        export(store, "xml", str(tmp_path / "x"))
