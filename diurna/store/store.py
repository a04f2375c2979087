"""Writing coded articles to DuckDB (reading them back as contract records: documents.py).

Writes are transactional per batch: an interrupted ingest leaves whole articles or none, and
an article already in the store is skipped, so ingesting the same input twice adds nothing.
Near-duplicate groups (dedup.py) and event clusters (clusters.py) are updated in the same
transaction as the articles they concern, so they are always current and never half-done.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Iterable, Optional, Sequence

import duckdb

from diurna.document import ArticleDoc
from diurna.ingest.base import IngestError, split_origin
from diurna.records import TextSpan
from diurna.store import actor_parts, clusters, dedup, facts, versions
from diurna.store.documents import DocumentsMixin
from diurna.store.query import QueryMixin
from diurna.store.schema import SCHEMA_VERSION, SchemaError, current_version, migrate

# Column order of each table as written; reading uses the same names.
COLUMNS = {
    "articles": [
        "id",
        "title",
        "url",
        "source",
        "published",
        "text",
        "language",
        "origin",
        "pubdate_assumed",
        "events_withheld",
    ],
    "sentences": ["article_id", "idx", "start", "end"],
    "actors": [
        "article_id",
        "id",
        "name",
        "kb_id",
        "country",
        "sector",
        "code",
        "kind",
        "seq",
        "key",
        "n_source",
        "n_target",
        "country_inferred",
        *facts.ACTOR_COLUMNS,
    ],
    "mentions": ["article_id", "actor_id", "text", "start", "end", "seq"],
    "events": [
        "article_id",
        "id",
        "type",
        "mode",
        "cameo",
        "quad_class",
        "goldstein",
        "source",
        "target",
        "trigger_text",
        "trigger_start",
        "trigger_end",
        "sentence_start",
        "sentence_end",
        "date_text",
        "date_start",
        "date_end",
        "date_granularity",
        "date_anchored_to",
        "place",
        "polarity",
        "modality",
        "attributed_to",
        "confidence",
        "seq",
        "block",
        "target_link",
        "place_basis",
        "place_precision",
        "event_country",
        *facts.COLUMNS,
        "place_rule",
        "pair",
    ],
    "quotes": [
        "article_id",
        "id",
        "kind",
        "content_text",
        "content_start",
        "content_end",
        "speaker",
        "speaker_text",
        "speaker_start",
        "speaker_end",
        "cue_text",
        "cue_start",
        "cue_end",
        "via",
        "seq",
    ],
    "places": ["article_id", "id", "name", "country", "geonameid", "lat", "lon", "feature", "seq", "precision"],
    "place_mentions": ["article_id", "place_id", "text", "start", "end", "seq"],
    "article_bands": ["band", "hash", "article_id"],
}


@dataclass
class WriteResult:
    articles: int = 0  # newly stored
    skipped: int = 0  # already in the store
    events: int = 0
    events_withheld: int = 0  # found but left out below the confidence threshold (records.md)
    quotes: int = 0
    errors: int = 0
    warnings: int = 0  # problems that lost nothing (a repaired string, an assumed date ...)
    duplicates: int = 0  # new articles found to be near-duplicates of another article
    clustered: int = 0  # events whose cluster was (re)computed


def _span(span: Optional[TextSpan]) -> tuple:
    return (span.text, span.start, span.end) if span else (None, None, None)


@dataclass
class _Rows:
    """Rows of one batch, per table, ready for a single INSERT each."""

    tables: dict[str, list[tuple]] = field(default_factory=lambda: {name: [] for name in COLUMNS})
    pairs: dict[int, tuple] = field(default_factory=dict)  # the batch's event_pairs rows (facts.pair_id)

    def add_article(self, doc: ArticleDoc) -> None:
        a, aid = doc.article, doc.article.id
        t = self.tables
        t["articles"].append(
            (
                aid,
                a.title,
                a.url,
                a.source,
                a.published,
                a.text,
                a.language,
                doc.origin,
                a.pubdate_assumed,
                a.events_withheld,
            )
        )
        t["sentences"].extend((aid, i, start, end) for i, (start, end) in enumerate(doc.sentences()))
        keys = {actor.id: clusters.cached_actor_key(clusters.actor_fields(actor)) for actor in doc.actors}
        actors = {actor.id: actor for actor in doc.actors}
        places = {place.id: place for place in doc.places}
        default_country = clusters.article_country(doc.places)
        as_source = Counter(e.source for e in doc.events)
        as_target = Counter(e.target for e in doc.events)
        first_of_key = facts.first_of_key(doc.actors, keys)
        for seq, actor in enumerate(doc.actors):
            t["actors"].append(
                (
                    aid,
                    actor.id,
                    actor.name,
                    actor.kb_id,
                    actor.country,
                    actor.sector,
                    actor.code,
                    actor.kind,
                    seq,
                    keys[actor.id],
                    as_source[actor.id],
                    as_target[actor.id],
                    actor.country_inferred,
                    False,  # is_copy: set with the article's duplicate group (facts.mark_copies)
                    actor.id in first_of_key,
                )
            )
            t["mentions"].extend((aid, actor.id, m.text, m.start, m.end, i) for i, m in enumerate(actor.mentions))
        for seq, e in enumerate(doc.events):
            event_facts = facts.event_facts(e, actors, keys, places)
            pair = facts.pair_fields(event_facts)
            pair_id = None if pair is None else facts.pair_id(pair)
            if pair is not None:
                self.pairs[pair_id] = pair
            t["events"].append(
                (
                    aid,
                    e.id,
                    e.type,
                    e.mode,
                    e.cameo,
                    e.quad_class,
                    e.goldstein,
                    e.source,
                    e.target,
                    *_span(e.trigger),
                    e.sentence.start,
                    e.sentence.end,
                    e.date.text,
                    e.date.start or None,
                    e.date.end or None,
                    e.date.granularity,
                    e.date.anchored_to,
                    e.place,
                    e.polarity,
                    e.modality,
                    e.attributed_to,
                    e.confidence,
                    seq,
                    *clusters.event_links(e, actors, places, default_country),
                    e.place_basis,
                    e.place_precision,
                    e.country,
                    *event_facts,
                    e.place_rule,
                    pair_id,
                )
            )
        for seq, q in enumerate(doc.quotes):
            t["quotes"].append(
                (
                    aid,
                    q.id,
                    q.kind,
                    *_span(q.content),
                    q.speaker,
                    *_span(q.speaker_mention),
                    *_span(q.cue),
                    list(q.via),
                    seq,
                )
            )
        for seq, p in enumerate(doc.places):
            t["places"].append((aid, p.id, p.name, p.country, p.geonameid, p.lat, p.lon, p.feature, seq, p.precision))
            t["place_mentions"].extend((aid, p.id, m.text, m.start, m.end, i) for i, m in enumerate(p.mentions))


class Store(QueryMixin, DocumentsMixin):
    """A diurna store in one DuckDB file. `Store(path)` creates or upgrades it; the typed queries
    (events, dyad_series, top_actors, network, articles, place_counts) come from QueryMixin, the
    records read back (documents, errors, counts) from DocumentsMixin."""

    def __init__(self, path: str = "diurna.duckdb", read_only: bool = False):
        self.path = str(path)
        self.con = _connect(self.path, read_only)
        if not read_only:
            migrate(self.con, self.path)
        else:
            _check_readable(self.con, self.path)

    # ------------------------------------------------------------------ writing

    def close(self) -> None:
        self.con.close()

    def __enter__(self) -> "Store":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def known_articles(self, ids: Sequence[str]) -> set[str]:
        """Which of `ids` are already stored."""
        if not ids:
            return set()
        rows = self.con.execute("SELECT id FROM articles WHERE id IN (SELECT unnest(?))", [list(ids)]).fetchall()
        return {r[0] for r in rows}

    def write(self, docs: Sequence[ArticleDoc], errors: Iterable[IngestError] = ()) -> WriteResult:
        """Store a batch in one transaction: all of it or, on failure, none of it."""
        result = WriteResult()
        known = self.known_articles([d.article.id for d in docs])
        rows = _Rows()
        seen: set[str] = set()
        texts: list[tuple[str, str]] = []
        for doc in docs:
            if doc.article.id in known or doc.article.id in seen:
                result.skipped += 1
                continue
            seen.add(doc.article.id)
            rows.add_article(doc)
            texts.append((doc.article.id, doc.article.text))
            result.articles += 1
            result.events += len(doc.events)
            result.events_withheld += doc.article.events_withheld
            result.quotes += len(doc.quotes)
        rows.tables["article_bands"] = dedup.batch_band_rows(texts)
        error_rows = [(e.path, e.position or "", e.message, e.kind) for e in errors]
        for doc in docs:  # warnings raised while coding (e.g. truncation) are stored with the errors
            where, pos = split_origin(doc.origin)
            error_rows.extend((where or doc.article.id, pos or "", w, "warning") for w in doc.warnings)
        self.con.execute("BEGIN TRANSACTION")
        try:
            for table, table_rows in rows.tables.items():
                self._insert(table, table_rows)
            facts.store_pairs(self.con, rows.pairs)
            if error_rows:
                self.con.executemany(
                    "INSERT OR IGNORE INTO errors (path, position, message, kind) VALUES (?, ?, ?, ?)", error_rows
                )
            result.duplicates, result.clustered = self._update_derived(sorted(seen))
            self.con.execute("COMMIT")
        except BaseException as exc:
            self._roll_back(exc)
            raise
        result.errors = sum(1 for r in error_rows if r[3] == "error")
        result.warnings = sum(1 for r in error_rows if r[3] == "warning")
        return result

    def write_isolating(self, docs: Sequence[ArticleDoc], errors: Iterable[IngestError] = ()) -> WriteResult:
        """`write`, except that a batch the store refuses for what one article holds (a value it
        cannot convert, a constraint) is written again article by article: the article at fault
        becomes an error naming its record, the others are stored. Without this one bad record
        would stop every rerun of an ingest at the same batch. Failures of the store itself
        (StoreError: disk full, read-only) are raised: no other article would fare better."""
        errors = list(errors)
        try:
            return self.write(docs, errors)
        except StoreError:
            raise
        except Exception:  # noqa: BLE001 — whatever the data broke, find the article that broke it
            if not docs:
                raise
        total, refused = WriteResult(), list(errors)
        for doc in docs:
            try:
                result = self.write([doc])
            except StoreError:
                raise
            except Exception as exc:  # noqa: BLE001
                where, pos = split_origin(doc.origin)
                refused.append(
                    IngestError(
                        where or doc.article.id,
                        pos or None,
                        "article %s could not be stored: %s: %s" % (doc.article.id, type(exc).__name__, exc),
                    )
                )
                continue
            for name in (
                "articles",
                "skipped",
                "events",
                "events_withheld",
                "quotes",
                "warnings",
                "duplicates",
                "clustered",
            ):
                setattr(total, name, getattr(total, name) + getattr(result, name))
        rest = self.write([], refused)
        total.errors, total.warnings = rest.errors, total.warnings + rest.warnings
        return total

    def _roll_back(self, failure: BaseException) -> None:
        """Undo the open transaction after `failure`. When the store itself failed (an I/O error: a
        full disk, a read-only file system), the ROLLBACK usually fails too and its error would hide
        the cause; the cause is raised as a StoreError that says what happened and what to do."""
        try:
            self.con.execute("ROLLBACK")
        except duckdb.Error:
            pass
        if isinstance(failure, (duckdb.IOException, OSError)) or any(
            sign in str(failure) for sign in ("No space left", "Failed to commit", "Could not write")
        ):
            full = "No space left" in str(failure) or getattr(failure, "errno", None) == 28
            raise StoreError(
                "could not write to %s: %s%s. Nothing of this batch was stored; everything stored "
                "before it is kept. %s, then run the same command again: stored articles are "
                "skipped."
                % (
                    self.path,
                    failure,
                    " (the disk is full)" if full else "",
                    "Free disk space" if full else "Fix the cause",
                )
            ) from failure

    def _update_derived(self, new_ids: list[str]) -> tuple[int, int]:
        """Duplicate groups and event clusters after `new_ids` were inserted (same transaction).
        Returns (new articles that are duplicates, events clustered)."""
        changes = dedup.assign_groups(self.con, new_ids)
        facts.mark_copies(self.con, [c.article_id for c in changes])
        # the actor list's groups of every key these articles' actors hold (new rows, changed copies)
        actor_parts.refresh(self.con, list(new_ids) + [c.article_id for c in changes])
        versions.bump(self.con)  # what was read before this write is stale from its commit on
        new = set(new_ids)
        duplicates = sum(1 for c in changes if c.article_id in new and c.dup_group != c.article_id)
        # A changed group changes which copies count, so the clusters of every regrouped article
        # are recomputed too, not only those of the new articles.
        touched = new | {c.article_id for c in changes}
        return duplicates, clusters.recluster(self.con, sorted(touched))

    def rebuild_derived(self) -> None:
        """Recompute duplicate groups and clusters for the whole store, in one transaction."""
        from diurna.store.maintenance import rebuild_derived

        self.con.execute("BEGIN TRANSACTION")
        try:
            rebuild_derived(self.con)
            self.con.execute("COMMIT")
        except BaseException:
            self.con.execute("ROLLBACK")
            raise

    def _insert(self, table: str, rows) -> None:
        """One bulk INSERT through Arrow (executemany binds row by row and is ~100x slower).
        `rows` is a list of tuples in COLUMNS order, or an Arrow table with those columns."""
        import pyarrow as pa

        names = COLUMNS[table]
        if isinstance(rows, pa.Table):
            if rows.num_rows == 0:
                return
            data = rows
        elif not rows:
            return
        else:  # zip(*rows) turns rows into columns in C, 10x faster than a list per column
            data = pa.table({name: pa.array(column) for name, column in zip(names, zip(*rows))})
        columns = ", ".join('"%s"' % c for c in names)
        self.con.register("_batch_rows", data)
        try:
            self.con.execute("INSERT INTO %s (%s) SELECT %s FROM _batch_rows" % (table, columns, columns))
        finally:
            self.con.unregister("_batch_rows")


class StoreError(RuntimeError):
    """The store cannot be opened or written: the message says why and what to do."""


class StoreBusy(StoreError):
    """Another process holds the store (DuckDB lets one process write a file at a time)."""


def _connect(path: str, read_only: bool):
    import os

    if os.path.isdir(path):
        raise StoreError(
            "%s is a folder, not a store file: give a file name, e.g. --db %s"
            % (path, os.path.join(path, "diurna.duckdb"))
        )
    if read_only and not os.path.exists(path):
        raise FileNotFoundError("%s: no such diurna store (create it with `diurna ingest`)" % path)
    folder = os.path.dirname(os.path.abspath(path))
    if not os.path.isdir(folder):
        raise StoreError(
            "cannot create the store %s: the folder %s does not exist (create it first, or give "
            "another --db)" % (path, folder)
        )
    try:
        return duckdb.connect(path, read_only=read_only)
    except duckdb.IOException as exc:
        message = str(exc)
        if "lock" in message.lower():
            raise StoreBusy(
                "%s is in use by another process (a running `diurna ingest` or `diurna serve`): "
                "DuckDB lets one process write a store at a time; stop it, or upload through "
                "`diurna serve --allow-ingest`" % path
            ) from exc
        if "not a valid DuckDB database" in message:
            raise StoreError(
                "%s is not a diurna store: the file exists but holds something else than a DuckDB "
                "database (it was left untouched); give another --db" % path
            ) from exc
        raise StoreError(
            "cannot open the store %s: %s (check the path, its permissions, and that the disk is "
            "writable)" % (path, message.replace("IO Error: ", ""))
        ) from exc
    except duckdb.Error as exc:  # e.g. a DuckDB file written by a newer DuckDB
        raise StoreError("cannot open the store %s: %s" % (path, exc)) from exc


def _check_readable(con, path: str) -> None:
    """A store opened read-only cannot be migrated: refuse one of another schema version rather than
    misread it."""
    found = current_version(con)
    if found != SCHEMA_VERSION:
        raise SchemaError(
            "%s has schema version %d and this diurna reads version %d: %s"
            % (
                path,
                found,
                SCHEMA_VERSION,
                "open it once for writing (e.g. `diurna ingest` with no new input) to upgrade it"
                if found < SCHEMA_VERSION
                else "upgrade diurna",
            )
        )
