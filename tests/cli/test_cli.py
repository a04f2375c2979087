"""The command line as users and the evaluation scripts call it."""
from __future__ import annotations

import json
import subprocess
import sys

import pytest

from diurna.cli import main

ARTICLE = ("Indian Prime Minister Narendra Modi spoke by phone with Japanese Prime Minister Fumio Kishida "
           "on Wednesday about security in the region.\n")


def run_cli(*args, stdin: str | None = None):
    return subprocess.run([sys.executable, "-m", "diurna.cli", *args], input=stdin, capture_output=True,
                          text=True, timeout=600)


def test_help_lists_every_command():
    out = run_cli("--help")
    assert out.returncode == 0
    for command in ("code", "ingest", "export", "stats", "schema"):
        assert command in out.stdout


def test_code_prints_one_document_per_article(tmp_path, capsys):
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "b.txt").write_text("Chilean students protested in Santiago on Monday against tuition fees.\n",
                                    encoding="utf-8")
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
