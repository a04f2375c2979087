"""The hostile-input corpus of issue 23 through a real `diurna ingest`: every case ends with rows in
the errors table naming it, the good records beside and between the bad ones are stored, memory
stays bounded, nothing hangs, and a rerun finds nothing left to do (no poison record)."""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap

import duckdb
import pytest
from hostile_corpus import write_corpus

from diurna.ingest.sanitize import printable

LIMIT_MB = 1536
# Runs a command and prints its peak RSS (the wrapper's only child), so no earlier test's child counts.
MEASURED = textwrap.dedent("""
    import json, resource, subprocess, sys
    done = subprocess.run(sys.argv[1:], capture_output=True, text=True, timeout=900)
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    print(json.dumps({"rc": done.returncode, "stdout": done.stdout, "stderr": done.stderr, "peak_rss_mb": peak}))
""")


def ingest(corpus, db) -> dict:
    command = [sys.executable, "-m", "diurna.cli", "ingest", str(corpus), "--db", str(db), "--no-progress"]
    out = subprocess.run(
        [sys.executable, "-c", MEASURED, *command], capture_output=True, text=True, timeout=1000, check=True
    )
    return json.loads(out.stdout)


@pytest.fixture(scope="module")
def ingested(tmp_path_factory):
    root = tmp_path_factory.mktemp("hostile")
    cases = write_corpus(root / "corpus")
    first = ingest(root / "corpus", root / "store.duckdb")
    second = ingest(root / "corpus", root / "store.duckdb")
    con = duckdb.connect(str(root / "store.duckdb"), read_only=True)
    articles = {
        row[0]: row
        for row in con.execute("SELECT id, origin, published, pubdate_assumed, title, text FROM articles").fetchall()
    }
    errors = con.execute("SELECT path, position, message, kind FROM errors").fetchall()
    con.close()
    return {
        "root": root / "corpus",
        "cases": cases,
        "first": first,
        "second": second,
        "articles": articles,
        "errors": errors,
    }


def test_the_ingest_finishes_without_a_traceback_in_bounded_memory(ingested):
    first = ingested["first"]
    assert first["rc"] == 0, first["stderr"][-2000:]
    assert "Traceback" not in first["stderr"]
    assert "\x1b" not in first["stderr"] and "\x1b" not in first["stdout"]  # no escape sequence reaches the terminal
    assert first["peak_rss_mb"] < LIMIT_MB, first["peak_rss_mb"]


def test_every_case_is_reported_and_its_good_records_kept(ingested):
    failures = []
    for case in ingested["cases"]:
        path = printable(str(ingested["root"] / case.name))
        missing = [article_id for article_id in case.kept if article_id not in ingested["articles"]]
        stored = [row for row in ingested["articles"].values() if row[1].split("@")[0] == path]
        rows = [row for row in ingested["errors"] if row[0] == path]
        unreported = [kind for kind in case.reported if not any(row[3] == kind for row in rows)]
        if missing or len(stored) < case.stored_files or unreported:
            failures.append((case.what, missing, len(stored), unreported, rows))
    assert len(ingested["cases"]) == 18 and not failures, failures


def test_a_rerun_stores_nothing_new_and_stops_at_nothing(ingested):
    second = ingested["second"]
    assert second["rc"] == 0 and "Traceback" not in second["stderr"]
    assert "ingested 0 articles" in second["stdout"]


def test_repairs_and_assumptions_are_recorded_on_the_records(ingested):
    articles, errors = ingested["articles"], ingested["errors"]
    assert articles["sur-title"][4] == "\ufffd" and "\ufffd" in articles["sur-text"][5]
    assert articles["date-0001"][3] and articles["date-9999"][3]  # default date, and it says so
    assert not articles["deep-before"][3] and articles["deep-before"][2].isoformat() == "2024-03-05"
    messages = " ".join(row[2] for row in errors)
    for expected in (
        "lone UTF-16 surrogates",
        "line longer than",
        "nested too deeply",
        "4,300 digits",
        "a symbolic link (to /etc/passwd)",
        "a named pipe (FIFO)",
        "not a valid date",
        "outside the publication dates",
        "written in Arabic script",
        "written in Chinese (Han) script",
        "written in Cyrillic script",
        "written in Devanagari script",
        "the file is UTF-16",
        "no publication date in the article",
    ):
        assert expected in messages, expected
    assert not any("root:x:0:0" in (row[5] or "") for row in articles.values())  # /etc/passwd never stored
