"""Answers of the dashboard's queries kept in memory, keyed by the store's write version.

The dashboard asks the same questions again and again: every view opens with the same default filters,
the events and clusters views both count the selected events, going back to a view repeats its calls.
A cached answer is keyed by the store's write version (diurna.store.versions, raised in the same
transaction as every write) read inside the request's own snapshot, so an answer computed before an
upload is never served after it. The cache is bounded (least recently used answers go first) and
holds nothing but query results.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from typing import Any, Callable

# The store queries whose answers are kept (QueryMixin's; iter_events streams and is not).
CACHED = (
    "events",
    "count_events",
    "clusters",
    "count_clusters",
    "timeline",
    "map_summary",
    "place_counts",
    "network",
    "dyad_series",
    "top_actors",
    "actor_profile",
    "outlets",
)


class ResultCache:
    """A bounded map from (write version, query, arguments) to the query's answer, shared by threads."""

    def __init__(self, max_entries: int = 256):
        self.max_entries = max_entries
        self._answers: OrderedDict[tuple, Any] = OrderedDict()
        self._lock = threading.Lock()
        self.hits = self.misses = 0

    def answer(self, key: tuple, compute: Callable[[], Any]) -> Any:
        with self._lock:
            if key in self._answers:
                self._answers.move_to_end(key)
                self.hits += 1
                return self._answers[key]
            self.misses += 1
        value = compute()  # outside the lock: other requests go on meanwhile
        with self._lock:
            self._answers[key] = value
            while len(self._answers) > self.max_entries:
                self._answers.popitem(last=False)
        return value


def cached_queries(snapshot, cache: ResultCache, version: Callable[[], int]) -> None:
    """Make the CACHED queries of `snapshot` (a QueryMixin) answer through `cache`; `version` gives the
    write version the snapshot reads (called once, on the first query)."""
    seen: list[int] = []

    def wrap(name: str, query: Callable) -> Callable:
        def run(*args, **kwargs):
            if not seen:
                seen.append(version())
            key = (seen[0], name, repr(args), repr(sorted(kwargs.items())))
            return cache.answer(key, lambda: query(*args, **kwargs))

        return run

    for name in CACHED:
        setattr(snapshot, name, wrap(name, getattr(snapshot, name)))
