"""Scale-out on Ray (optional extra: `pip install diurna[ray]`). The single-process path never imports this."""

from __future__ import annotations

import sys
import time
from typing import Optional


def ingest(
    paths: list[str],
    db: str,
    workers: int = 2,
    address: Optional[str] = None,
    work_dir: Optional[str] = None,
    default_pubdate: Optional[str] = None,
    default_source: Optional[str] = None,
    progress: Optional[bool] = None,
) -> int:
    """`diurna ingest --engine ray`: code on Ray into Parquet shards, then load them into the store."""
    try:
        import ray  # noqa: F401
    except ImportError:
        raise SystemExit("diurna: error: --engine ray needs Ray: pip install 'diurna[ray]'")
    from tqdm import tqdm

    from diurna.scale.ray_engine import load_shards, run
    from diurna.scale.shards import make_shards
    from diurna.store import Store

    work_dir = work_dir or db + ".shards"
    started = time.monotonic()
    total = len(make_shards(paths))
    bar = tqdm(total=total, unit="shard", disable=None if progress is None else not progress, file=sys.stderr)
    coded = {"articles": 0}

    def on_shard(result) -> None:
        coded["articles"] += result.articles
        bar.update(1)
        bar.set_postfix(articles=coded["articles"])
        if result.failed:
            sys.stderr.write("diurna ingest: shard %s failed: %s\n" % (result.shard_id, result.failed))

    summary = run(
        paths,
        work_dir,
        workers=workers,
        address=address,
        default_pubdate=default_pubdate,
        default_source=default_source,
        on_shard=on_shard,
    )
    bar.close()
    with Store(db) as store:
        added, already, errors = load_shards(store, paths, work_dir)
    elapsed = time.monotonic() - started
    print(
        "ray: %d shards (%d done in an earlier run, %d failed), %d articles coded in %.1f s "
        "(start-up %.1f s)"
        % (
            summary.shards,
            summary.shards_skipped,
            len(summary.shards_failed),
            summary.articles_coded,
            summary.seconds,
            summary.startup_seconds,
        )
    )
    for worker, (articles, busy) in sorted(summary.per_worker.items()):
        print("  %s: %d articles, %.2f articles/s while busy" % (worker, articles, articles / busy if busy else 0.0))
    print(
        "ingested %d articles into %s (%d already stored): %d errors; %.1f s elapsed"
        % (added, db, already, errors, elapsed)
    )
    return 1 if summary.shards_failed else 0
