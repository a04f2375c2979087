"""Reading a store back: its row counts, its articles as contract documents, its ingest errors.

The write side (store.py) flattens each coded article into the rows of its tables (`COLUMNS`); this
is the way back, from those rows to the `ArticleDocument` records of the output contract, which the
exports and `diurna export --format jsonl` write. `Store` inherits it.
"""

from __future__ import annotations

import datetime as dt
from typing import Any, Iterator, Optional

from diurna.ingest.base import IngestError
from diurna.records import Actor, Article, ArticleDocument, CharRange, DateRef, Event, Place, Quote, TextSpan


class DocumentsMixin:
    """The read side of `Store` that gives records back. Expects `self.con` (a DuckDB connection)."""

    con: Any

    def counts(self) -> dict[str, int]:
        """Row counts of every table (what `diurna stats` prints first)."""
        counts = {
            t: self.con.execute("SELECT count(*) FROM %s" % t).fetchone()[0]
            for t in ["articles", "actors", "events", "quotes", "places", "errors"]
        }
        counts["duplicates"] = self.con.execute(
            "SELECT count(*) FROM articles WHERE dup_group IS NOT NULL AND dup_group <> id"
        ).fetchone()[0]
        counts["clusters"] = self.con.execute("SELECT count(*) FROM event_clusters").fetchone()[0]
        return counts

    def article_ids(self) -> list[str]:
        return [r[0] for r in self.con.execute("SELECT id FROM articles ORDER BY ingested_at, id").fetchall()]

    def errors(self) -> list[IngestError]:
        rows = self.con.execute(
            "SELECT path, position, message, kind FROM errors ORDER BY reported_at, path, position"
        ).fetchall()
        return [IngestError(p, pos or None, m, k) for p, pos, m, k in rows]

    def _select(self, table: str, ids: list[str], order: str) -> dict[str, list[dict]]:
        cur = self.con.execute(
            "SELECT * FROM %s WHERE article_id IN (SELECT unnest(?)) ORDER BY article_id, %s" % (table, order), [ids]
        )
        names = [d[0] for d in cur.description]
        grouped: dict[str, list[dict]] = {}
        for row in cur.fetchall():
            record = dict(zip(names, row))
            grouped.setdefault(record["article_id"], []).append(record)
        return grouped

    def documents(self, ids: Optional[list[str]] = None, batch: int = 500) -> Iterator[ArticleDocument]:
        """The stored articles as contract documents, in ingest order (or the order of `ids`)."""
        ids = self.article_ids() if ids is None else list(ids)
        for i in range(0, len(ids), batch):
            yield from self._documents(ids[i : i + batch])

    def document(self, article_id: str) -> Optional[ArticleDocument]:
        return next(iter(self._documents([article_id])), None)

    def _documents(self, ids: list[str]) -> Iterator[ArticleDocument]:
        cur = self.con.execute(
            "SELECT id, title, url, source, published, text, language, pubdate_assumed, events_withheld "
            "FROM articles WHERE id IN (SELECT unnest(?))",
            [ids],
        )
        articles = {r[0]: r for r in cur.fetchall()}
        actors = self._select("actors", ids, "seq")
        mentions = self._select("mentions", ids, "actor_id, seq")
        events = self._select("events", ids, "seq")
        quotes = self._select("quotes", ids, "seq")
        places = self._select("places", ids, "seq")
        place_mentions = self._select("place_mentions", ids, "place_id, seq")
        for aid in ids:
            if aid not in articles:
                continue
            _, title, url, source, published, text, language, assumed, withheld = articles[aid]
            by_actor: dict[str, list[TextSpan]] = {}
            for m in mentions.get(aid, []):
                by_actor.setdefault(m["actor_id"], []).append(TextSpan(text=m["text"], start=m["start"], end=m["end"]))
            by_place: dict[str, list[TextSpan]] = {}
            for m in place_mentions.get(aid, []):
                by_place.setdefault(m["place_id"], []).append(TextSpan(text=m["text"], start=m["start"], end=m["end"]))
            yield ArticleDocument(
                article=Article(
                    id=aid,
                    title=title,
                    url=url,
                    source=source,
                    published=_iso(published),
                    text=text,
                    language=language or "en",
                    pubdate_assumed=bool(assumed),
                    events_withheld=withheld or 0,
                ),
                actors=[
                    Actor(
                        id=a["id"],
                        name=a["name"],
                        kb_id=a["kb_id"],
                        country=a["country"],
                        sector=a["sector"],
                        code=a["code"],
                        kind=a["kind"],
                        mentions=by_actor.get(a["id"], []),
                        country_inferred=bool(a["country_inferred"]),
                    )
                    for a in actors.get(aid, [])
                ],
                events=[_event(e) for e in events.get(aid, [])],
                quotes=[_quote(q) for q in quotes.get(aid, [])],
                places=[
                    Place(
                        id=p["id"],
                        name=p["name"],
                        country=p["country"],
                        geonameid=p["geonameid"],
                        lat=p["lat"],
                        lon=p["lon"],
                        feature=p["feature"],
                        precision=p["precision"],
                        mentions=by_place.get(p["id"], []),
                    )
                    for p in places.get(aid, [])
                ],
            )


def _iso(value) -> Optional[str]:
    return value.isoformat() if isinstance(value, (dt.date, dt.datetime)) else value


def _opt_span(text, start, end) -> Optional[TextSpan]:
    return None if start is None else TextSpan(text=text, start=start, end=end)


def _event(e: dict) -> Event:
    return Event(
        id=e["id"],
        type=e["type"],
        mode=e["mode"],
        cameo=e["cameo"],
        quad_class=e["quad_class"],
        goldstein=e["goldstein"],
        source=e["source"],
        target=e["target"],
        trigger=TextSpan(text=e["trigger_text"], start=e["trigger_start"], end=e["trigger_end"]),
        sentence=CharRange(start=e["sentence_start"], end=e["sentence_end"]),
        date=DateRef(
            text=e["date_text"],
            start=_iso(e["date_start"]) or "",
            end=_iso(e["date_end"]) or "",
            granularity=e["date_granularity"],
            anchored_to=e["date_anchored_to"],
        ),
        place=e["place"],
        place_basis=e["place_basis"],
        place_rule=e["place_rule"],
        place_precision=e["place_precision"],
        country=e["event_country"],
        polarity=e["polarity"],
        modality=e["modality"],
        attributed_to=e["attributed_to"],
        confidence=e["confidence"],
    )


def _quote(q: dict) -> Quote:
    return Quote(
        id=q["id"],
        kind=q["kind"],
        content=TextSpan(text=q["content_text"], start=q["content_start"], end=q["content_end"]),
        speaker=q["speaker"],
        speaker_mention=_opt_span(q["speaker_text"], q["speaker_start"], q["speaker_end"]),
        cue=_opt_span(q["cue_text"], q["cue_start"], q["cue_end"]),
        via=list(q["via"] or []),
    )
