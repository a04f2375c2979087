"""Running the pipeline on Ray: a local runtime or an existing cluster.

Why Ray actors rather than Ray Data: the expensive part of diurna is loading spaCy and the stage
models (seconds, hundreds of MB), so each worker must load them once and then code many shards.
A pool of long-lived actors does exactly that, with Ray's own fault tolerance (a dead actor is
restarted and its task retried), and keeps the dependency to `ray` core. Ray Data would add
pandas-style batching that diurna's article-at-a-time streaming readers do not need.

Flow: inputs -> shards (diurna.scale.shards) -> actors code shards, each written as a Parquet
file in the work folder -> the driver loads finished shards into the DuckDB store in order.
A rerun skips shards whose Parquet file exists; loading skips articles already stored.
"""

from __future__ import annotations

import os
import pathlib
import time
from dataclasses import dataclass, field
from typing import Callable, Optional

from diurna.scale.shards import Shard, ShardResult, make_shards, read_shard, write_shard


def code_shard(pipeline, shard: Shard, work_dir: str, worker: str) -> ShardResult:
    """Code one shard with an already-built pipeline and write its Parquet file."""
    from diurna.document import ArticleDoc
    from diurna.ingest import read_paths
    from diurna.ingest.base import IngestError

    started = time.monotonic()
    docs, errors = [], []
    for item in pipeline(read_paths(list(shard.files))):
        if isinstance(item, ArticleDoc):
            docs.append(item)
        elif isinstance(item, IngestError):
            errors.append(item)
    write_shard(shard.output(work_dir), docs, errors)
    return ShardResult(
        shard.id,
        articles=len(docs),
        errors=sum(1 for e in errors if e.kind == "error"),
        seconds=time.monotonic() - started,
        worker=worker,
    )


def _worker_class(ray):
    @ray.remote(num_cpus=1, max_restarts=2, max_task_retries=2)
    class Worker:
        """One pipeline per worker process: spaCy and the stage models load once, then code many shards."""

        def __init__(self, default_pubdate: Optional[str], default_source: Optional[str]):
            from diurna.pipeline import Pipeline

            self.pipeline = Pipeline(default_pubdate=default_pubdate, default_source=default_source)
            self.pipeline.warm_up()  # every model loads here, inside the start-up the summary reports
            self.name = "worker-%d" % os.getpid()

        def code(self, shard: Shard, work_dir: str) -> ShardResult:
            return code_shard(self.pipeline, shard, work_dir, self.name)

    return Worker


@dataclass
class RayRunSummary:
    shards: int = 0
    shards_skipped: int = 0
    shards_failed: list[ShardResult] = field(default_factory=list)
    articles_coded: int = 0
    startup_seconds: float = 0.0
    seconds: float = 0.0
    per_worker: dict[str, tuple[int, float]] = field(default_factory=dict)  # worker -> (articles, busy seconds)


def run(
    paths: list[str],
    work_dir: str,
    workers: int = 2,
    address: Optional[str] = None,
    default_pubdate: Optional[str] = None,
    default_source: Optional[str] = None,
    on_shard: Optional[Callable[[ShardResult], None]] = None,
) -> RayRunSummary:
    """Code `paths` on Ray into Parquet shards in `work_dir`; returns what happened.

    Shards already in `work_dir` are skipped. A shard that fails (its worker died more often than
    Ray retries, or its reader raised) is reported in the summary and does not stop the others.
    """
    import ray

    summary = RayRunSummary()
    started = time.monotonic()
    pathlib.Path(work_dir).mkdir(parents=True, exist_ok=True)
    shards = make_shards(paths)
    summary.shards = len(shards)
    todo = []
    for shard in shards:
        if shard.output(work_dir).exists():
            summary.shards_skipped += 1
            if on_shard:
                on_shard(ShardResult(shard.id, skipped=True))
        else:
            todo.append(shard)
    if not todo:
        summary.seconds = time.monotonic() - started
        return summary

    owns_runtime = not ray.is_initialized()
    if owns_runtime:
        if address:
            ray.init(address=address, log_to_driver=False)
        else:
            ray.init(num_cpus=workers, include_dashboard=False, log_to_driver=False, configure_logging=False)
    try:
        Worker = _worker_class(ray)
        pool = [Worker.remote(default_pubdate, default_source) for _ in range(min(workers, len(todo)))]
        ray.get([w.__ray_ready__.remote() for w in pool])  # start-up cost: model loads
        summary.startup_seconds = time.monotonic() - started
        pending = {}
        queue = list(todo)
        idle = list(pool)
        while queue or pending:
            while queue and idle:
                worker, shard = idle.pop(), queue.pop(0)
                pending[worker.code.remote(shard, work_dir)] = (worker, shard)
            done, _ = ray.wait(list(pending), num_returns=1)
            worker, shard = pending.pop(done[0])
            idle.append(worker)
            try:
                result = ray.get(done[0])
            except Exception as exc:  # the shard failed after Ray's retries: report it, go on
                result = ShardResult(
                    shard.id, failed="%s: %s" % (type(exc).__name__, str(exc).splitlines()[0] if str(exc) else "")
                )
                summary.shards_failed.append(result)
            else:
                summary.articles_coded += result.articles
                articles, busy = summary.per_worker.get(result.worker, (0, 0.0))
                summary.per_worker[result.worker] = (articles + result.articles, busy + result.seconds)
            if on_shard:
                on_shard(result)
    finally:
        if owns_runtime:
            ray.shutdown()
    summary.seconds = time.monotonic() - started
    return summary


def load_shards(store, paths: list[str], work_dir: str) -> tuple[int, int, int]:
    """Load every finished shard of `paths` into the store, in input order.
    Returns (articles added, articles already stored, errors)."""
    added = skipped = errors = 0
    for shard in make_shards(paths):
        out = shard.output(work_dir)
        if not out.exists():
            continue
        docs, errs = read_shard(out)
        result = store.write(docs, errs)
        added, skipped, errors = added + result.articles, skipped + result.skipped, errors + result.errors
    return added, skipped, errors
