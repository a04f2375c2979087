"""Splitting inputs into shards and writing each shard's results as one Parquet file.

A shard is a group of input files. Its id hashes the files' paths, sizes and modification times,
so a rerun over the same inputs finds the same shards, and a shard whose Parquet file exists is
done: it is skipped. Results are written to a temporary name and renamed, so a crash never leaves
a half-written shard that would look done.
"""

from __future__ import annotations

import json
import os
import pathlib
from dataclasses import dataclass, field
from typing import Iterable, Iterator

from diurna.ids import stable_id

# A shard holds files up to about this many bytes (a file larger than that is a shard of its own).
SHARD_BYTES = 8 * 1024 * 1024
SHARD_FILES = 200


@dataclass(frozen=True)
class Shard:
    id: str
    files: tuple[str, ...]
    size: int

    def output(self, work_dir: str) -> pathlib.Path:
        return pathlib.Path(work_dir) / ("%s.parquet" % self.id)


def _input_files(paths: Iterable[str]) -> Iterator[str]:
    from diurna.ingest import detect_format

    for path in paths:
        p = pathlib.Path(path)
        if p.is_dir():
            for child in sorted(p.rglob("*")):
                # Links inside folders are not followed (diurna.ingest.read_paths says why).
                if child.is_file() and not child.is_symlink() and detect_format(str(child)) is not None:
                    yield str(child)
        else:
            yield str(p)


def make_shards(paths: Iterable[str], shard_bytes: int | None = None, shard_files: int | None = None) -> list[Shard]:
    """Group the input files, in a stable order, into shards of bounded size (module defaults:
    SHARD_BYTES, SHARD_FILES, read at call time)."""
    shard_bytes = SHARD_BYTES if shard_bytes is None else shard_bytes
    shard_files = SHARD_FILES if shard_files is None else shard_files
    shards: list[Shard] = []
    group: list[tuple[str, int, float]] = []

    def close_group() -> None:
        if group:
            sid = stable_id("shard_", *[part for f in group for part in f])
            shards.append(Shard(sid, tuple(f[0] for f in group), sum(f[1] for f in group)))
            group.clear()

    for path in _input_files(paths):
        try:
            st = os.stat(path)
            size, mtime = st.st_size, st.st_mtime
        except OSError:
            size, mtime = 0, 0.0  # the reader reports the missing file as an error row
        if group and (sum(f[1] for f in group) + size > shard_bytes or len(group) >= shard_files):
            close_group()
        group.append((os.path.abspath(path), size, mtime))
    close_group()
    return shards


@dataclass
class ShardResult:
    shard_id: str
    articles: int = 0
    errors: int = 0
    seconds: float = 0.0
    worker: str = ""
    failed: str | None = None  # why the shard failed, when it did
    skipped: bool = False  # already done in an earlier run
    error_messages: list[str] = field(default_factory=list)


SHARD_SCHEMA_FIELDS = (
    "kind",
    "origin",
    "document",
    "sentences",
    "warnings",
    "path",
    "position",
    "message",
    "error_kind",
)


def write_shard(out: pathlib.Path, docs: list, errors: list) -> None:
    """Write coded documents and errors of one shard as one Parquet file, atomically."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    rows = {name: [] for name in SHARD_SCHEMA_FIELDS}

    def add(**values) -> None:
        for name in SHARD_SCHEMA_FIELDS:
            rows[name].append(values.get(name))

    for doc in docs:
        add(
            kind="article",
            origin=doc.origin,
            document=doc.to_record().model_dump_json(),
            sentences=json.dumps(doc.sentences()),
            warnings=json.dumps(doc.warnings),
        )
    for err in errors:
        add(kind="error", path=err.path, position=err.position, message=err.message, error_kind=err.kind)
    table = pa.table({name: pa.array(values, type=pa.string()) for name, values in rows.items()})
    tmp = out.with_suffix(".parquet.partial")
    pq.write_table(table, tmp)
    os.replace(tmp, out)


def read_shard(out: pathlib.Path):
    """(documents as ArticleDoc, errors as IngestError) from a shard's Parquet file."""
    import pyarrow.parquet as pq

    from diurna.document import ArticleDoc
    from diurna.ingest.base import IngestError
    from diurna.records import ArticleDocument

    docs, errors = [], []
    for row in pq.read_table(out).to_pylist():
        if row["kind"] == "article":
            record = ArticleDocument.model_validate_json(row["document"])
            spans = [tuple(s) for s in json.loads(row["sentences"])]
            docs.append(ArticleDoc.from_record(record, row["origin"] or "", spans, json.loads(row["warnings"])))
        else:
            errors.append(IngestError(row["path"], row["position"], row["message"], row["error_kind"]))
    return docs, errors
