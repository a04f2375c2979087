"""The store's write version: a number in `meta` that every committed write raises, in the same
transaction as the write itself.

A result computed from the store stays right for as long as this number has not changed, so a cache
keyed by it (diurna.api.cache) can never serve an answer from before a write: a reader that sees the
write sees the new number, one that does not sees the old number and the old data together (DuckDB's
snapshots). Every path that changes stored rows calls `bump` (Store.write, rebuild_derived).
"""

from __future__ import annotations

KEY = "write_version"


def bump(con) -> None:
    """Raise the write version (inside the caller's transaction)."""
    con.execute(
        "INSERT OR REPLACE INTO meta VALUES (?, CAST(coalesce((SELECT CAST(value AS BIGINT) FROM meta "
        "WHERE key = ?), 0) + 1 AS VARCHAR))",
        [KEY, KEY],
    )


def current(con) -> int:
    """The write version as this connection's transaction sees it (0 before the first write)."""
    row = con.execute("SELECT value FROM meta WHERE key = ?", [KEY]).fetchone()
    return int(row[0]) if row else 0
