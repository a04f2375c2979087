"""The `diurna` command line.

    diurna code FILE...            code articles, print one JSON document per article (JSON Lines)
    diurna ingest PATH...          code articles into the DuckDB store (default diurna.duckdb)
    diurna export --db F OUT       write the store out as JSON Lines or Parquet
    diurna stats, diurna query     what a store holds; typed queries (diurna.store.cli)
    diurna schema                  the JSON Schema of the article document

Other commands (actors, classify, quotes, ...) are registered by their stage's `cli` module.
"""

from __future__ import annotations

import argparse
import importlib
import importlib.util
import json
import sys
import time
from typing import Iterable, Optional

DEFAULT_DB = "diurna.duckdb"
# Stage modules that add their own commands with `register(subparsers)`.
COMMAND_MODULES = [
    "diurna.actors.cli",
    "diurna.events.cli",
    "diurna.events.explain",
    "diurna.quotes.cli",
    "diurna.store.cli",
    "diurna.api.cli",
]


def _add_input_options(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "--pubdate",
        metavar="YYYY-MM-DD",
        help="publication date for inputs that carry none (anchors relative dates); default: the day "
        "they are coded, with a warning (every such document says `pubdate_assumed: true`)",
    )
    p.add_argument(
        "--require-pubdate",
        action="store_true",
        help="refuse (as an error naming the record) every article that states no publication date "
        "when no --pubdate is given, instead of dating it today",
    )
    p.add_argument("--source", metavar="NAME", help="news source name for inputs that carry none")
    p.add_argument(
        "--follow-symlinks",
        action="store_true",
        help="follow symbolic links found inside input folders (default: report and skip them); "
        "only regular files are ever read",
    )


def _add_min_confidence(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "--min-confidence",
        type=_min_confidence,
        metavar="P",
        help="emit only events whose confidence is at least P (0 to 1). An event's confidence is the "
        "learned verifier's probability that its type, source and target are all right, calibrated on "
        "held-out real news (docs/events.md, 'Confidence'); P applies to every text. Default: the packaged "
        "model's threshold, chosen on held-out articles (%s), applied only to texts that read as a story "
        "(three sentences or more: the model learned from articles); a sentence or two keeps every event. "
        "In a story, events with no recipient are also left out (rule recipientless-in-story; shows of force "
        "excepted) whatever P is. 0 emits every event the stage codes" % _packaged_threshold(),
    )


def _stderr(message: str) -> None:
    sys.stderr.write(message + "\n")


def check_pubdate(value: Optional[str]) -> None:
    """Refuse a --pubdate that is no date, or one no article can have (every command that takes one)."""
    if value is None:
        return
    import datetime as dt

    from diurna.ingest.base import pubdate_problem

    try:
        dt.date.fromisoformat(value)
    except ValueError:
        raise SystemExit("diurna: error: --pubdate %r is not a date in YYYY-MM-DD form" % value)
    if pubdate_problem(value):
        raise SystemExit("diurna: error: --pubdate: %s" % pubdate_problem(value))


def _progress(iterable: Iterable, enabled: Optional[bool], unit: str = "article"):
    """A tqdm bar on stderr (articles/s); off when stderr is not a terminal unless asked for."""
    from tqdm import tqdm

    return tqdm(
        iterable,
        unit=unit,
        disable=None if enabled is None else not enabled,
        dynamic_ncols=True,
        file=sys.stderr,
        smoothing=0.1,
    )


# ---------------------------------------------------------------------- code


def cmd_code(args: argparse.Namespace) -> int:
    from diurna.ingest import read_paths
    from diurna.ingest.base import IngestError
    from diurna.pipeline import Pipeline

    check_pubdate(args.pubdate)
    pipeline = Pipeline(default_pubdate=args.pubdate, default_source=args.source, require_pubdate=args.require_pubdate)
    if args.min_confidence is not None:
        _set_min_confidence(pipeline, args.min_confidence)
    failures = 0
    out = sys.stdout
    for item in pipeline(read_paths(args.files, follow_symlinks=args.follow_symlinks)):
        if isinstance(item, IngestError):
            if item.kind == "error":
                failures += 1
            _stderr("diurna code: %s: %s" % (item.kind, item))
            continue
        for warning in item.warnings:
            _stderr("diurna code: warning: %s: %s" % (item.origin or item.article.id, warning))
        out.write(item.to_record().model_dump_json() + "\n")
        out.flush()
    return 1 if failures else 0


def _min_confidence(value: str) -> float:
    number = float(value)
    if not 0.0 <= number <= 1.0:
        raise argparse.ArgumentTypeError("%r is not a confidence between 0 and 1" % value)
    return number


def _packaged_threshold() -> str:
    """The packaged verifier's default threshold, as --help states it (read from its file: cheap)."""
    import pathlib

    # the path of diurna.events.verifier.MODEL_PATH, without importing the event stage for --help
    path = pathlib.Path(__file__).resolve().parent / "events" / "model" / "verifier.json"
    try:
        # stored unrounded (calibration keeps it exact); two decimals are what a reader needs
        return "now %.2f" % json.loads(path.read_text(encoding="utf-8"))["threshold"]
    except (OSError, ValueError, KeyError):
        return "no verifier model is installed: 0"


def _set_min_confidence(pipeline, value: float) -> None:
    """Events whose confidence (the verifier's probability of being right) is below `value` are not
    emitted; 0 emits every event the stage codes."""
    stage = next((s for s in pipeline.stages if s.name == "events"), None)
    if stage is None:
        raise SystemExit("diurna: error: --min-confidence: the pipeline has no events stage")
    if stage.verifier is None:
        _stderr(
            "diurna: warning: no event verifier model is installed; --min-confidence filters the stage's prior confidences"
        )
    stage.min_confidence = value


# ---------------------------------------------------------------------- ingest


def cmd_ingest(args: argparse.Namespace) -> int:
    from diurna.ingest import read_paths
    from diurna.ingest.base import IngestError
    from diurna.pipeline import Pipeline, Skipped
    from diurna.store import Store

    check_pubdate(args.pubdate)
    if args.engine == "ray" and args.min_confidence is not None:
        raise SystemExit(
            "diurna: error: --min-confidence is not passed to Ray workers: ingest with the local engine, "
            "or filter the store on events.confidence"
        )
    if args.engine == "ray":
        from diurna import scale

        return scale.ingest(
            args.paths,
            args.db,
            workers=args.workers,
            address=args.address,
            work_dir=args.work_dir,
            default_pubdate=args.pubdate,
            default_source=args.source,
            progress=args.progress,
        )
    started = time.monotonic()
    store = Store(args.db)
    pipeline = Pipeline(
        default_pubdate=args.pubdate,
        default_source=args.source,
        batch_size=args.batch_size,
        require_pubdate=args.require_pubdate,
    )
    if args.min_confidence is not None:
        _set_min_confidence(pipeline, args.min_confidence)
    totals = {"articles": 0, "skipped": 0, "events": 0, "events_withheld": 0, "quotes": 0, "errors": 0, "warnings": 0}
    not_english = 0
    docs, errors = [], []

    def flush() -> None:
        result = store.write_isolating(docs, errors)
        for name in totals:
            totals[name] += getattr(result, name)
        docs.clear()
        errors.clear()

    try:
        stream = pipeline(
            read_paths(args.paths, follow_symlinks=args.follow_symlinks),
            skip=lambda article: bool(store.known_articles([article.id])),
        )
        for item in _progress(stream, args.progress):
            if isinstance(item, IngestError):
                errors.append(item)
                if item.kind == "error":
                    _stderr("diurna ingest: %s" % item)
                elif item.kind == "skipped":
                    not_english += 1
            elif isinstance(item, Skipped):  # already in the store
                totals["skipped"] += 1
            else:
                docs.append(item)
            if len(docs) >= args.batch_size or len(errors) >= 1000:
                flush()
        flush()
    finally:
        store.close()
    elapsed = time.monotonic() - started
    rate = totals["articles"] / elapsed if elapsed > 0 else 0.0
    print(
        "ingested %d articles into %s (%d already stored, %d not in English: skipped): %d events (%d more "
        "found but left out: below the confidence threshold, or with no recipient in a story; --min-confidence 0 keeps them), %d quotes, "
        "%d errors, %d warnings (stored in the errors table); %.1f s elapsed, %.2f articles/s"
        % (
            totals["articles"],
            args.db,
            totals["skipped"],
            not_english,
            totals["events"],
            totals["events_withheld"],
            totals["quotes"],
            totals["errors"],
            totals["warnings"],
            elapsed,
            rate,
        )
    )
    return 0


# ---------------------------------------------------------------------- export, schema


def cmd_export(args: argparse.Namespace) -> int:
    from diurna.store import Store
    from diurna.store.export import export

    with Store(args.db, read_only=True) as store:
        n = export(store, args.format, args.out)
    _stderr("diurna export: wrote %d records to %s (%s)" % (n, args.out, args.format))
    return 0


def cmd_schema(args: argparse.Namespace) -> int:
    if args.markdown:
        from diurna.contract import contract_markdown

        sys.stdout.write(contract_markdown())
        return 0
    from diurna.records import article_document_schema

    print(json.dumps(article_document_schema(), indent=2))
    return 0


# ---------------------------------------------------------------------- parser


def build_parser() -> argparse.ArgumentParser:
    from diurna import __version__

    parser = argparse.ArgumentParser(
        prog="diurna",
        description="diurna turns news into political event data: who did what to whom, when, where, and "
        "according to whom (PLOVER v2 events with CAMEO codes, actors, quotes, dates, places).",
        epilog="Inputs: .txt, .html/.htm, .jsonl, .warc/.warc.gz, RSS/Atom (.rss/.atom/.xml) files, or directories "
        "of them (read recursively). Output: one JSON document per article, the record contract that "
        "`diurna schema` prints (JSON Schema; `diurna schema --markdown` as tables; docs/records.md).",
    )
    parser.add_argument("--version", action="version", version="diurna %s" % __version__)
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)

    p = sub.add_parser(
        "code",
        help="code articles and print one JSON document per article (JSON Lines)",
        description="Code articles and print one article document per line on stdout. Errors (a bad "
        "file, a malformed line) go to stderr naming the file and position; the other "
        "articles are still coded. Exit status 1 if any input had an error.",
    )
    p.add_argument(
        "files",
        nargs="+",
        metavar="FILE",
        help="input files or directories; '-' reads one plain-text article from stdin",
    )
    _add_input_options(p)
    _add_min_confidence(p)
    p.set_defaults(func=cmd_code)

    p = sub.add_parser(
        "ingest",
        help="code articles into the DuckDB store",
        description="Code articles into a DuckDB store. Articles already stored are skipped, so "
        "ingesting the same input twice adds nothing; each batch is written in one "
        "transaction, so an interrupted ingest can simply be run again. Bad records are "
        "stored in the errors table and counted in the summary.",
    )
    p.add_argument("paths", nargs="+", metavar="PATH", help="input files or directories")
    p.add_argument("--db", default=DEFAULT_DB, help="DuckDB file (default: %(default)s)")
    p.add_argument(
        "--batch-size", type=int, default=32, help="articles parsed and written per batch (default: %(default)s)"
    )
    p.add_argument(
        "--progress",
        dest="progress",
        action="store_true",
        default=None,
        help="always show the progress bar (default: only on a terminal)",
    )
    p.add_argument("--no-progress", dest="progress", action="store_false", help="never show the progress bar")
    p.add_argument(
        "--engine",
        choices=["local", "ray"],
        default="local",
        help="local: this process (default); ray: shards coded by Ray workers, then loaded "
        "(needs `pip install diurna[ray]`; see docs/scaling.md)",
    )
    _add_min_confidence(p)
    p.add_argument("--workers", type=int, default=2, help="Ray workers, one CPU each (default: %(default)s)")
    p.add_argument("--address", help="address of an existing Ray cluster (default: start a local runtime)")
    p.add_argument(
        "--work-dir", help="folder for Ray's Parquet shards (default: DB.shards); a rerun skips shards already there"
    )
    _add_input_options(p)
    p.set_defaults(func=cmd_ingest)

    p = sub.add_parser(
        "export",
        help="write the store out: JSON Lines, Parquet, GDELT 2.0, PLOVER JSON",
        description="Export the store: jsonl = one article document per line (the same as "
        "`diurna code`); parquet = one Parquet file per table in the OUT folder; "
        "gdelt = GDELT 2.0 event table (TSV, 61 columns, one row per real-world "
        "event); plover = PLOVER JSON lines; parquet-events = event mentions "
        "partitioned by month in OUT/month=YYYY-MM/. Mapping: docs/store.md.",
    )
    p.add_argument("out", metavar="OUT", help="output file (jsonl) or folder (parquet)")
    p.add_argument("--db", default=DEFAULT_DB, help="DuckDB file (default: %(default)s)")
    p.add_argument(
        "--format",
        required=True,
        choices=["jsonl", "parquet", "gdelt", "plover", "parquet-events"],
        help="output format",
    )
    p.set_defaults(func=cmd_export)

    p = sub.add_parser(
        "schema",
        help="print the record contract: the JSON Schema of the article document",
        description="Print the record contract: the JSON Schema of the article document that "
        "`diurna code` prints (the machine form), or with --markdown one table per "
        "record (the form docs/records.md shows).",
    )
    p.add_argument("--markdown", action="store_true", help="print the contract as Markdown tables instead")
    p.set_defaults(func=cmd_schema)

    for name in COMMAND_MODULES:
        if importlib.util.find_spec(name) is not None:
            importlib.import_module(name).register(sub)
    return parser


def main(argv: Optional[list[str]] = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        return args.func(args) or 0
    except KeyboardInterrupt:
        _stderr("diurna: interrupted")
        return 130
    except (FileNotFoundError, RuntimeError) as exc:
        # A store that is busy, missing, unwritable or of another schema version: say so, without a
        # traceback (the message says what happened and what to do).
        if type(exc).__name__ in ("StoreBusy", "StoreError", "SchemaError") or isinstance(exc, FileNotFoundError):
            _stderr("diurna: error: %s" % exc)
            return 2
        raise
    except BrokenPipeError:  # `diurna code ... | head`: stop quietly
        import os

        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 1


if __name__ == "__main__":
    sys.exit(main())
