"""The analysts' endpoints beyond plain listings: the event-volume timeline, the map's honest counts,
and full downloads of every event the filters select (streamed: no row cap, no page to forget).

All take the shared filters (diurna.api.filters.event_filter).
"""

from __future__ import annotations

import csv
import dataclasses
import io
import json
from typing import Iterator

from fastapi import APIRouter, Depends, HTTPException, Query, Request
from fastapi.responses import StreamingResponse

from diurna.api.filters import event_filter
from diurna.store.export import spreadsheet_cell
from diurna.store.filters import EventFilter
from diurna.store.query import EventRow
from diurna.store.views import MapSummary, OutletCount, Timeline

router = APIRouter()
EVENT_FIELDS = [f.name for f in dataclasses.fields(EventRow)]
DOWNLOADS = {
    "csv": ("text/csv; charset=utf-8", "csv"),
    "json": ("application/json", "json"),
    "geojson": ("application/geo+json", "geojson"),
}


def _services(request: Request):
    return request.app.state.services


def _refused(run):
    try:
        return run()
    except ValueError as exc:
        raise HTTPException(422, str(exc))


@router.get("/api/outlets", response_model=list[OutletCount])
def outlets(limit: int = Query(500, ge=1, le=5000), s=Depends(_services)):
    """News sources with their stored articles, most first (values for the `outlet` filter)."""
    with s.snapshot() as store:
        return store.outlets(limit)


@router.get("/api/timeline", response_model=Timeline)
def timeline(
    f: EventFilter = Depends(event_filter),
    freq: str = Query("month", pattern="^(day|week|month)$"),
    by: str = Query("quad_class", pattern="^(quad_class|type)$"),
    s=Depends(_services),
):
    """Event mentions per day, week (from Monday) or month, stacked by QuadClass or PLOVER type, with
    the total, the undated events (not drawn) and how many are dated more coarsely than `freq`."""
    with s.snapshot() as store:
        return _refused(lambda: store.timeline(f, freq=freq, by=by))


@router.get("/api/map", response_model=MapSummary)
def map_summary(f: EventFilter = Depends(event_filter), s=Depends(_services)):
    """How many of the selected events have a place with coordinates ("N of M events placed"), how
    many distinct places there are, and events per country of the event (for a choropleth)."""
    with s.snapshot() as store:
        return _refused(lambda: store.map_summary(f))


@router.get(
    "/api/events/download",
    responses={200: {"content": {"text/csv": {}, "application/json": {}, "application/geo+json": {}}}},
)
def download(
    f: EventFilter = Depends(event_filter),
    format: str = Query("csv", pattern="^(csv|json|geojson)$"),
    s=Depends(_services),
):
    """Every event the filters select, newest first, streamed as CSV, a JSON array or a GeoJSON
    FeatureCollection (an event without coordinates is a feature with a null geometry, as RFC 7946
    allows: nothing is left out). The `X-Total-Count` header gives the number of events."""
    with s.snapshot() as store:
        total = _refused(lambda: store.count_events(f))
    media_type, extension = DOWNLOADS[format]
    writer = {"csv": _csv_lines, "json": _json_lines, "geojson": _geojson_lines}[format]
    return StreamingResponse(
        writer(_rows(s, f)),
        media_type=media_type,
        headers={
            "Content-Disposition": 'attachment; filename="diurna-events.%s"' % extension,
            "X-Total-Count": str(total),
        },
    )


def _rows(services, f: EventFilter) -> Iterator[EventRow]:
    # The stream outlives the endpoint call: it reads its own snapshot while the response is sent.
    with services.snapshot() as store:
        yield from store.iter_events(f)


def _csv_lines(rows: Iterator[EventRow]) -> Iterator[str]:
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(EVENT_FIELDS)
    for n, row in enumerate(rows, 1):
        writer.writerow([spreadsheet_cell(getattr(row, name)) for name in EVENT_FIELDS])
        if n % 1000 == 0:
            yield _drain(out)
    yield _drain(out)


def _drain(out: io.StringIO) -> str:
    text = out.getvalue()
    out.seek(0)
    out.truncate()
    return text


def _json_lines(rows: Iterator[EventRow]) -> Iterator[str]:
    yield "["
    for n, row in enumerate(rows):
        yield ("," if n else "") + "\n" + json.dumps(dataclasses.asdict(row), ensure_ascii=False)
    yield "\n]\n"


def _geojson_lines(rows: Iterator[EventRow]) -> Iterator[str]:
    yield '{"type": "FeatureCollection", "features": ['
    for n, row in enumerate(rows):
        record = dataclasses.asdict(row)
        lat, lon = record["lat"], record["lon"]
        geometry = {"type": "Point", "coordinates": [lon, lat]} if lat is not None and lon is not None else None
        feature = {
            "type": "Feature",
            "id": "%s/%s" % (row.article_id, row.id),
            "geometry": geometry,
            "properties": record,
        }
        yield ("," if n else "") + "\n" + json.dumps(feature, ensure_ascii=False)
    yield "\n]}\n"
