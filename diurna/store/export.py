"""Exports of a store: JSON Lines article documents and Parquet tables.

(The GDELT event table and PLOVER JSON exports come with issue 7.)
"""
from __future__ import annotations

import os
import pathlib

from diurna.store.store import COLUMNS, Store

FORMATS = ("jsonl", "parquet")


def export(store: Store, fmt: str, out: str) -> int:
    """Write the store to `out` in format `fmt`; returns the number of records written."""
    if fmt == "jsonl":
        return export_jsonl(store, out)
    if fmt == "parquet":
        return export_parquet(store, out)
    raise ValueError("unknown export format %r (choose from %s)" % (fmt, ", ".join(FORMATS)))


def export_jsonl(store: Store, out: str) -> int:
    """One article document per line, exactly as `diurna code` prints them. Written to a temporary
    file and renamed, so a crash never leaves a half-written export under the final name."""
    tmp = out + ".partial"
    n = 0
    with open(tmp, "w", encoding="utf-8") as f:
        for doc in store.documents():
            f.write(doc.model_dump_json() + "\n")
            n += 1
    os.replace(tmp, out)
    return n


def export_parquet(store: Store, out: str) -> int:
    """One Parquet file per table (articles, events, ...) in the folder `out`; returns the event count."""
    folder = pathlib.Path(out)
    folder.mkdir(parents=True, exist_ok=True)
    for table in list(COLUMNS) + ["errors"]:
        target = folder / ("%s.parquet" % table)
        # COPY takes a literal path; quote it safely rather than interpolating raw text.
        store.con.execute("COPY %s TO '%s' (FORMAT parquet)" % (table, str(target).replace("'", "''")))
    return store.con.execute("SELECT count(*) FROM events").fetchone()[0]
