"""The command line as users and the evaluation scripts call it."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from diurna.cli import main

ARTICLE = (
    "Indian Prime Minister Narendra Modi spoke by phone with Japanese Prime Minister Fumio Kishida "
    "on Wednesday about security in the region.\n"
)


def run_cli(*args, stdin: str | None = None):
    return subprocess.run(
        [sys.executable, "-m", "diurna.cli", *args], input=stdin, capture_output=True, text=True, timeout=600
    )


def test_help_lists_every_command():
    out = run_cli("--help")
    assert out.returncode == 0
    for command in ("code", "ingest", "export", "stats", "schema"):
        assert command in out.stdout


def test_code_help_states_the_packaged_threshold_to_two_decimals():
    # the calibrated threshold is stored unrounded (0.3507...): --help rounds it for the reader
    import re

    from diurna.cli import _packaged_threshold

    assert re.fullmatch(r"now \d\.\d\d", _packaged_threshold())


def test_code_prints_one_document_per_article(tmp_path, capsys):
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "b.txt").write_text(
        "Chilean students protested in Santiago on Monday against tuition fees.\n", encoding="utf-8"
    )
    assert main(["code", str(tmp_path / "a.txt"), str(tmp_path / "b.txt"), "--pubdate", "2023-05-10"]) == 0
    lines = capsys.readouterr().out.splitlines()
    docs = [json.loads(line) for line in lines]
    assert len(docs) == 2
    assert docs[0]["article"]["published"] == "2023-05-10"
    assert {"article", "actors", "events", "quotes", "places"} <= set(docs[0])


def test_code_reads_stdin():
    out = run_cli("code", "-", "--pubdate", "2023-05-10", stdin=ARTICLE)
    assert out.returncode == 0, out.stderr
    doc = json.loads(out.stdout)
    assert "Narendra Modi" in doc["article"]["text"]


def test_code_reports_a_bad_file_and_still_codes_the_good_one(tmp_path, capsys):
    (tmp_path / "good.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "empty.txt").write_text("", encoding="utf-8")
    status = main(["code", str(tmp_path / "empty.txt"), str(tmp_path / "good.txt"), "--pubdate", "2023-05-10"])
    captured = capsys.readouterr()
    assert status == 1
    assert len(captured.out.splitlines()) == 1
    assert "empty.txt" in captured.err


def test_min_confidence_filters_events_by_the_verifiers_probability(tmp_path, capsys):
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")

    def events(*options):
        assert main(["code", str(tmp_path / "a.txt"), "--pubdate", "2023-05-10", *options]) == 0
        return json.loads(capsys.readouterr().out)["events"]

    every = events("--min-confidence", "0")
    assert every and all(0.0 <= e["confidence"] <= 1.0 for e in every)
    above = min(e["confidence"] for e in every) + 0.001
    kept = events("--min-confidence", "%.3f" % above)
    assert [e["id"] for e in kept] == [e["id"] for e in every if e["confidence"] >= above]
    with pytest.raises(SystemExit):
        main(["code", str(tmp_path / "a.txt"), "--min-confidence", "1.5"])
    # Ray workers build their own pipelines: the setting would be lost there, so it is refused
    with pytest.raises(SystemExit, match="Ray"):
        main(
            [
                "ingest",
                str(tmp_path / "a.txt"),
                "--engine",
                "ray",
                "--min-confidence",
                "0.5",
                "--db",
                str(tmp_path / "x.duckdb"),
            ]
        )


def test_the_events_left_out_below_the_threshold_are_counted_and_ingest_prints_them(tmp_path, capsys):
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    assert main(["code", str(tmp_path / "a.txt"), "--pubdate", "2023-05-10", "--min-confidence", "0"]) == 0
    every = json.loads(capsys.readouterr().out)
    assert every["events"] and every["article"]["events_withheld"] == 0
    above = "%.3f" % (max(e["confidence"] for e in every["events"]) + 0.001)  # leaves every event out
    assert main(["code", str(tmp_path / "a.txt"), "--pubdate", "2023-05-10", "--min-confidence", above]) == 0
    none = json.loads(capsys.readouterr().out)
    assert none["events"] == [] and none["article"]["events_withheld"] == len(every["events"])
    db = str(tmp_path / "s.duckdb")
    options = ["--pubdate", "2023-05-10", "--min-confidence", above, "--no-progress"]
    assert main(["ingest", str(tmp_path / "a.txt"), "--db", db, *options]) == 0
    assert "0 events (%d more found but left out" % len(every["events"]) in capsys.readouterr().out


def test_a_bad_pubdate_is_a_clear_error(tmp_path):
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    with pytest.raises(SystemExit, match="YYYY-MM-DD"):
        main(["code", str(tmp_path / "a.txt"), "--pubdate", "10/05/2023"])


def test_ingest_twice_adds_nothing_and_export_round_trips(tmp_path, capsys):
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "in" / "bad.txt").write_bytes(b"")
    db = str(tmp_path / "s.duckdb")
    assert main(["ingest", str(tmp_path / "in"), "--db", db, "--pubdate", "2023-05-10", "--no-progress"]) == 0
    first = capsys.readouterr().out
    assert "ingested 1 articles" in first and "1 errors" in first
    assert main(["ingest", str(tmp_path / "in"), "--db", db, "--pubdate", "2023-05-10", "--no-progress"]) == 0
    second = capsys.readouterr().out
    assert "ingested 0 articles" in second and "1 already stored" in second
    assert main(["stats", "--db", db, "--json"]) == 0
    counts = json.loads(capsys.readouterr().out)
    assert counts["articles"] == 1 and counts["errors"] == 1

    out = str(tmp_path / "export.jsonl")
    assert main(["export", out, "--db", db, "--format", "jsonl"]) == 0
    exported = [json.loads(line) for line in open(out, encoding="utf-8")]
    assert main(["code", str(tmp_path / "in" / "a.txt"), "--pubdate", "2023-05-10"]) == 0
    coded = json.loads(capsys.readouterr().out.splitlines()[0])
    assert exported == [coded]


def test_export_parquet_writes_every_table(tmp_path, capsys):
    import pyarrow.parquet as pq

    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    db = str(tmp_path / "s.duckdb")
    main(["ingest", str(tmp_path / "a.txt"), "--db", db, "--pubdate", "2023-05-10", "--no-progress"])
    out = tmp_path / "pq"
    assert main(["export", str(out), "--db", db, "--format", "parquet"]) == 0
    assert pq.read_table(out / "articles.parquet").num_rows == 1
    assert pq.read_table(out / "actors.parquet").num_rows >= 2


def test_schema_command_prints_a_json_schema(capsys):
    assert main(["schema"]) == 0
    schema = json.loads(capsys.readouterr().out)
    assert schema["properties"]["article"]


# ---------------------------------------------------------------- hostile inputs and paths (issue 23)


@pytest.mark.parametrize(
    "db, expected",
    [
        ("{tmp}", "is a folder, not a store file"),
        ("{tmp}/missing/s.duckdb", "does not exist"),
        ("{tmp}/notes.duckdb", "not a diurna store"),
    ],
)
def test_a_store_path_that_cannot_work_is_one_clear_line(tmp_path, db, expected):
    (tmp_path / "notes.duckdb").write_text("my notes\n", encoding="utf-8")
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    out = run_cli(
        "ingest", str(tmp_path / "a.txt"), "--db", db.format(tmp=tmp_path), "--no-progress", "--pubdate", "2024-01-01"
    )
    assert out.returncode == 2 and expected in out.stderr and "Traceback" not in out.stderr


def test_the_poison_record_of_issue_23_no_longer_stops_the_ingest(tmp_path):
    corpus = tmp_path / "p"
    corpus.mkdir()
    (corpus / "a.txt").write_text(ARTICLE, encoding="utf-8")
    (corpus / "x.jsonl").write_text('{"id":"a","title":"\\ud800","text":"Kenya met Ethiopia."}\n', encoding="utf-8")
    db = str(tmp_path / "p.duckdb")
    first = run_cli("ingest", str(corpus), "--db", db, "--no-progress")
    assert first.returncode == 0 and "ingested 2 articles" in first.stdout, first.stderr
    again = run_cli("ingest", str(corpus), "--db", db, "--no-progress")
    assert again.returncode == 0 and "ingested 0 articles" in again.stdout


def test_pubdate_options_refuse_what_cannot_be_a_publication_date(tmp_path):
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    out = run_cli("code", str(tmp_path / "a.txt"), "--pubdate", "0001-01-01")
    assert out.returncode != 0 and "outside the publication dates" in out.stderr
    refused = run_cli("code", str(tmp_path / "a.txt"), "--require-pubdate")
    assert refused.returncode == 1 and refused.stdout == "" and "no publication date" in refused.stderr
    assumed = run_cli("code", str(tmp_path / "a.txt"))
    assert json.loads(assumed.stdout)["article"]["pubdate_assumed"] is True
    assert "no publication date in the article" in assumed.stderr


def test_follow_symlinks_is_asked_for_explicitly(tmp_path):
    import os

    corpus = tmp_path / "c"
    corpus.mkdir()
    (tmp_path / "real.txt").write_text(ARTICLE, encoding="utf-8")
    os.symlink(tmp_path / "real.txt", corpus / "link.txt")
    skipped = run_cli("code", str(corpus), "--pubdate", "2024-01-01")
    assert skipped.stdout == "" and "a symbolic link" in skipped.stderr
    followed = run_cli("code", str(corpus), "--pubdate", "2024-01-01", "--follow-symlinks")
    assert len(followed.stdout.splitlines()) == 1
