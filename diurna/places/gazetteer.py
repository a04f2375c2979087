"""The offline gazetteer: every country, GeoNames first- and second-level unit, and populated
place of 500+ people, with their registered alternate names.

Built by scripts/build_gazetteer.py into data/gazetteer.tsv.gz (one row per place) and
data/gazetteer_names.tsv.gz (the name index, sorted by key); loaded once per process by `load()`.
Loading only decompresses and splits the two files into lines: names are found by bisection
in the sorted index and rows become objects only when a lookup needs them, so the 290,000
places and 650,000 names cost no dictionary building (figures in docs/evaluation.md).
"""

from __future__ import annotations

import bisect
import functools
import gzip
from dataclasses import dataclass

from diurna.places.build import (
    CAPITAL_KEY,
    COUNTRY_KEY,
    DEMONYMS_FILE,
    FIELDS,
    GAZETTEER_FILE,
    NAMES_FILE,
)
from diurna.places.names import compass_respelt, fold, respelling_of, strip_article

# What each feature is as a geo-precision (ACLED's 1 place / 2 district / 3 region, plus country).
PRECISION = {"city": "place", "district": "district", "region": "region", "country": "country"}


@dataclass(frozen=True)
class GazetteerEntry:
    geonameid: int
    feature: str  # country | region (ADM1) | district (ADM2) | city (populated place of 500+)
    name: str
    country: str  # ISO 3166-1 alpha-3
    admin1: str  # "IR.26" for everything below a country, "" for countries
    admin2: str  # "CD.11.11" for districts and the towns GeoNames files under one, else ""
    lat: float | None  # None where GeoNames' packaged data gives no point
    lon: float | None
    population: int
    capital: bool
    renown: int = 0  # how many names GeoNames registers for it (every language): fame, for ties

    @property
    def precision(self) -> str:
        return PRECISION[self.feature]


@dataclass(frozen=True)
class Candidate:
    entry: GazetteerEntry
    strong: bool  # matched by a main name or a hand-kept alias, not only a GeoNames alternate


class Gazetteer:
    """Names to places. `rows` are the places file's lines, `names` the sorted index lines."""

    def __init__(self, rows: list[str], names: list[str]):
        self._rows = rows
        self._names = names
        self._entries: dict[int, GazetteerEntry] = {}
        # the rows of the places already read, by GeoNames id: the places an article resolved are
        # looked up again by id, and the whole index (0.2 s over 287k rows) is built only for others
        self._row_of_read_id: dict[int, int] = {}
        self._row_of_id: dict[int, int] | None = None

    def __len__(self) -> int:
        return len(self._rows)

    def entry(self, row: int) -> GazetteerEntry:
        entry = self._entries.get(row)
        if entry is None:
            (gid, feature, name, country, admin1, admin2, lat, lon, population, capital, renown) = self._rows[
                row
            ].split("\t")
            entry = GazetteerEntry(
                int(gid),
                feature,
                name,
                country,
                admin1,
                admin2,
                float(lat) if lat else None,
                float(lon) if lon else None,
                int(population),
                capital == "1",
                int(renown),
            )
            self._entries[row] = entry
            if entry.geonameid:  # 0: a hand-kept region with no GeoNames id, shared by several rows
                self._row_of_read_id[entry.geonameid] = row
        return entry

    def _rows_of(self, key: str) -> tuple[list[int], list[int]]:
        """(strong rows, weak rows) of an index key."""
        prefix = key + "\t"
        i = bisect.bisect_left(self._names, prefix)
        if i == len(self._names) or not self._names[i].startswith(prefix):
            return [], []
        strong, weak = self._names[i][len(prefix) :].split(";")
        return (
            [int(r) for r in strong.split(",")] if strong else [],
            [int(r) for r in weak.split(",")] if weak else [],
        )

    def candidates(self, name: str) -> list[Candidate]:
        """Every place the name may denote, by a main name or alias (strong) or only by a GeoNames
        alternate name (weak: "St. Petersburg" is a main name in Florida but only an alternate of
        Saint Petersburg, Russia, so both must compete). An alternate that only respells the main
        name (`names.transliterated`) counts as strong.

        "the Gaza Strip" is looked up as written and without its article.
        """
        keys = [fold(name)]
        bare = fold(strip_article(name))
        if bare != keys[0]:
            keys.append(bare)
        # "Northwest" and "North-West" are one name: the compass word joined or apart
        keys += [k for k in map(compass_respelt, list(keys)) if k is not None and k not in keys]
        strong_rows: set[int] = set()
        weak_rows: set[int] = set()
        for key in keys:
            if not key or key.startswith("\x01"):
                continue
            strong, weak = self._rows_of(key)
            strong_rows.update(strong)
            weak_rows.update(weak)
        weak_rows -= strong_rows
        # A registered alternate that only respells the main name ("Jenin" for Janīn, "Irbil" for
        # Erbil) is the same name in another transliteration: as strong as the main name.
        respelt = set()
        if weak_rows:
            same_name = respelling_of(strip_article(name))
            respelt = {row for row in weak_rows if same_name(self.entry(row).name)}
        strong_rows |= respelt
        weak_rows -= respelt
        return [Candidate(self.entry(row), True) for row in sorted(strong_rows)] + [
            Candidate(self.entry(row), False) for row in sorted(weak_rows)
        ]

    def has_strong_name(self, name: str) -> bool:
        return any(c.strong for c in self.candidates(name))

    def by_id(self, geonameid: int) -> GazetteerEntry | None:
        read = self._row_of_read_id.get(geonameid)
        if read is not None:
            return self.entry(read)
        if self._row_of_id is None:
            self._row_of_id = {int(line.split("\t", 1)[0]): row for row, line in enumerate(self._rows)}
        row = self._row_of_id.get(geonameid)
        return None if row is None else self.entry(row)

    def _special(self, key: str) -> GazetteerEntry | None:
        strong, _ = self._rows_of(key)
        return self.entry(strong[0]) if strong else None

    def capital_of(self, country: str) -> GazetteerEntry | None:
        return self._special(CAPITAL_KEY % country)

    def country(self, iso3: str) -> GazetteerEntry | None:
        return self._special(COUNTRY_KEY % iso3)


def _lines(path) -> list[str]:
    with gzip.open(path, "rb") as f:
        text = f.read().decode("utf-8")
    lines = text.split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    return lines


@functools.lru_cache(maxsize=1)
def load() -> Gazetteer:
    """The gazetteer, read once per process."""
    rows = _lines(GAZETTEER_FILE)
    if not rows or tuple(rows[0].split("\t")) != FIELDS:
        raise ValueError("%s: unexpected header; rebuild it with scripts/build_gazetteer.py" % GAZETTEER_FILE)
    del rows[0]
    return Gazetteer(rows, _lines(NAMES_FILE))


@functools.lru_cache(maxsize=1)
def demonyms() -> dict[str, str]:
    """Demonym -> ISO alpha-3 ("Iranian" -> "IRN"): evidence of which countries an article is about."""
    table = {}
    for line in DEMONYMS_FILE.read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            demonym, iso3 = line.split("\t")
            table[demonym] = iso3
    return table
