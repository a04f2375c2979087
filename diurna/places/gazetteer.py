"""The offline gazetteer: every country, GeoNames first-level region and city of 15,000+ people.

Built by scripts/build_gazetteer.py into data/gazetteer.tsv.gz (committed); loaded once per
process by `load()` (about a tenth of a second, see docs/evaluation.md).
"""
from __future__ import annotations

import functools
import gzip
from dataclasses import dataclass

from diurna.places.build import DEMONYMS_FILE, FIELDS, GAZETTEER_FILE
from diurna.places.names import fold, strip_article


@dataclass(frozen=True)
class GazetteerEntry:
    geonameid: int
    feature: str        # country | region | city
    name: str
    country: str        # ISO 3166-1 alpha-3
    admin1: str         # "IR.26" for regions and cities, "" for countries
    lat: float | None       # None where GeoNames' packaged data gives no point
    lon: float | None
    population: int
    capital: bool


@dataclass(frozen=True)
class Candidate:
    entry: GazetteerEntry
    strong: bool        # matched by a main name or a hand-kept alias, not only a GeoNames alternate


class Gazetteer:
    """Names to places. Rows stay as text until a lookup needs them: turning all 38,000 rows into
    objects up front would triple the load time for the few dozen any article touches."""

    def __init__(self, rows: list[str], strong: dict[str, list[int]], weak: dict[str, list[int]],
                 capitals: dict[str, int], countries: dict[str, int]):
        self._rows = rows
        self._strong = strong
        self._weak = weak
        self._capitals = capitals
        self._countries = countries
        self._entries: dict[int, GazetteerEntry] = {}
        self._row_of_id: dict[int, int] | None = None

    def __len__(self) -> int:
        return len(self._rows)

    def entry(self, row: int) -> GazetteerEntry:
        entry = self._entries.get(row)
        if entry is None:
            gid, feature, name, country, admin1, lat, lon, population, capital, _ = self._rows[row].split("\t", 9)
            entry = GazetteerEntry(int(gid), feature, name, country, admin1, float(lat) if lat else None,
                                   float(lon) if lon else None,
                                   int(population), capital == "1")
            self._entries[row] = entry
        return entry

    def candidates(self, name: str) -> list[Candidate]:
        """Every place the name may denote, by a main name or alias (strong) or only by a GeoNames
        alternate name (weak: "St. Petersburg" is a main name in Florida but only an alternate of
        Saint Petersburg, Russia, so both must compete).

        "the Gaza Strip" is looked up as written and without its article.
        """
        keys = [fold(name)]
        bare = fold(strip_article(name))
        if bare != keys[0]:
            keys.append(bare)
        strong_rows = {row for key in keys for row in self._strong.get(key, ())}
        weak_rows = {row for key in keys for row in self._weak.get(key, ())} - strong_rows
        return ([Candidate(self.entry(row), True) for row in sorted(strong_rows)]
                + [Candidate(self.entry(row), False) for row in sorted(weak_rows)])

    def has_strong_name(self, name: str) -> bool:
        return any(c.strong for c in self.candidates(name))

    def by_id(self, geonameid: int) -> GazetteerEntry | None:
        if self._row_of_id is None:
            self._row_of_id = {int(line.split("\t", 1)[0]): row for row, line in enumerate(self._rows)}
        row = self._row_of_id.get(geonameid)
        return None if row is None else self.entry(row)

    def capital_of(self, country: str) -> GazetteerEntry | None:
        row = self._capitals.get(country)
        return None if row is None else self.entry(row)

    def country(self, iso3: str) -> GazetteerEntry | None:
        row = self._countries.get(iso3)
        return None if row is None else self.entry(row)


def _parse(text: str) -> Gazetteer:
    rows = text.splitlines()
    if tuple(rows[0].split("\t")) != FIELDS:
        raise ValueError("%s: unexpected header; rebuild it with scripts/build_gazetteer.py" % GAZETTEER_FILE)
    del rows[0]
    strong: dict[str, list[int]] = {}
    weak: dict[str, list[int]] = {}
    capitals: dict[str, int] = {}
    countries: dict[str, int] = {}
    for row, line in enumerate(rows):
        head, capital, names, alternates = line.rsplit("\t", 3)
        for key in names.split("|"):
            strong.setdefault(key, []).append(row)
        if alternates:
            for key in alternates.split("|"):
                weak.setdefault(key, []).append(row)
        if capital == "1" or "\tcountry\t" in head:
            fields = head.split("\t", 4)
            (capitals if capital == "1" else countries)[fields[3]] = row
    return Gazetteer(rows, strong, weak, capitals, countries)


@functools.lru_cache(maxsize=1)
def load() -> Gazetteer:
    """The gazetteer, read once per process."""
    with gzip.open(GAZETTEER_FILE, "rt", encoding="utf-8") as f:
        return _parse(f.read())


@functools.lru_cache(maxsize=1)
def demonyms() -> dict[str, str]:
    """Demonym -> ISO alpha-3 ("Iranian" -> "IRN"): evidence of which countries an article is about."""
    table = {}
    for line in DEMONYMS_FILE.read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            demonym, iso3 = line.split("\t")
            table[demonym] = iso3
    return table
