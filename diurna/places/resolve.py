"""Which place a toponym denotes: the story first, then size and kind.

Each candidate place gets a score in log10-population units: its size (`prominence`) plus what
the named rules of `RULES` add for it, each rule with an example. Context outweighs a size gap
of about 180x (three pieces of evidence for the story's country), 100x (a region the story
names) or 10,000x (the text's own "X, Texas", "X in North Kivu"), but not more: "Paris" in an
article about American politics stays in France; "Paris, Texas" is in Texas. Then the rules of
`DECISIONS` may refuse the winner: a village nothing supports, or a name two places of one size
and fame share, is left unresolved rather than guessed.

Rules can be switched off by name (`resolve(..., disabled={"story_country"})`) to measure them.
What the toponym's own words say (its container, its owner, the list it is in) is read by
`containers.py`.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from diurna.places.containers import Mention, container_after, key_of, listed_with
from diurna.places.gazetteer import Candidate, GazetteerEntry
from diurna.places.toponyms import Toponym

SAME_COUNTRY_BONUS = 0.75  # per piece of evidence that the article is about this country
MAX_COUNTRY_EVIDENCE = 3  # (another place, an actor, a demonym, the dateline), counted up to this many
CONFIDENT_MARGIN = 1.0  # a first reading this far ahead of the next may serve as context
AMBIGUOUS_MARGIN = 0.5  # two unsupported readings this close: the text does not say which
RENOWN_MARGIN = 0.3  # ... unless one has twice the registered names of the other
MIN_UNSUPPORTED_POPULATION = 100_000  # smaller places (not capitals) need the story's support to be chosen
MIN_POPULATION_BY_ALTERNATE = 50_000  # smaller places matched by an alternate name need the text's own support
SAME_PLACE_KM = 25.0
MIN_SHARE_OF_UNIT = 0.02  # a same-named city this large a part of a unit stands for it ("Tehran", "Idlib")


@dataclass
class Context:
    """What the rest of the article says about where it is."""

    countries: Counter = field(default_factory=Counter)  # ISO alpha-3 -> pieces of evidence
    regions: set[str] = field(default_factory=set)  # ADM1 codes of regions the story names
    regions_of_places: set[str] = field(default_factory=set)  # ADM1 codes of its other places
    districts: set[str] = field(default_factory=set)  # ADM2 codes


@dataclass(frozen=True)
class Rule:
    name: str
    example: str
    score: Callable[[Candidate, Mention, Context], float]


RULES: list[Rule] = []


def rule(example: str):
    def register(fn: Callable[[Candidate, Mention, Context], float]):
        RULES.append(Rule(fn.__name__, example, fn))
        return fn

    return register


def prominence(candidate: Candidate) -> float:
    """log10 of the population (a unit's is the sum of its towns')."""
    return math.log10(max(candidate.entry.population, 1))


@rule("'Jordan' is the state, not the Hong Kong area: a country outranks a same-named place")
def country_name(c: Candidate, m: Mention, ctx: Context) -> float:
    return 1.5 if c.entry.feature == "country" else 0.0


@rule("'Valletta' and 'Tripoli' as capitals: a national capital is the better-known namesake")
def national_capital(c: Candidate, m: Mention, ctx: Context) -> float:
    return 0.5 if c.entry.capital else 0.0


@rule("'St. Petersburg' is only a registered alternate of Saint Petersburg: one point down")
def alternate_name_only(c: Candidate, m: Mention, ctx: Context) -> float:
    return 0.0 if c.strong else -1.2


@rule("a Kenyan story's 'Kibera' is the Nairobi one: +0.75 per piece of evidence for the country, up to 3")
def story_country(c: Candidate, m: Mention, ctx: Context) -> float:
    return SAME_COUNTRY_BONUS * min(ctx.countries[c.entry.country], MAX_COUNTRY_EVIDENCE)


@rule(
    "'Texas' named in the story puts its towns in context (+2); 'Atlanta' its state, less (+1): a"
    " region as large as England must not pull every English namesake in, nor a Pennsylvania story"
    " move Washington to Washington, Pennsylvania"
)
def story_region(c: Candidate, m: Mention, ctx: Context) -> float:
    e = c.entry
    if not e.admin1 or e.feature == "region":
        return 0.0
    if e.admin1 in ctx.regions:
        return 2.0
    return 1.0 if e.admin1 in ctx.regions_of_places else 0.0


@rule("Cleveland, Ohio (about 100 registered names) over Cleveland, Florida (5): +0.5 per tenfold names")
def renown(c: Candidate, m: Mention, ctx: Context) -> float:
    return 0.5 * math.log10(1 + c.entry.renown)


@rule("'Rutshuru territory' named in the story puts its villages in context")
def story_district(c: Candidate, m: Mention, ctx: Context) -> float:
    return 1.5 if c.entry.admin2 and c.entry.feature == "city" and c.entry.admin2 in ctx.districts else 0.0


@rule("'Paris, Texas', 'Hyderabad, Pakistan', 'the Kiwanja area of North Kivu', 'Skolkovo in Moscow'")
def inside_named_container(c: Candidate, m: Mention, ctx: Context) -> float:
    return 4.0 if contained(c.entry, m) else 0.0


@rule(
    "'Cyprus, Georgia, India': a name listed with countries is the country (not the US state); "
    "'Maryland, Connecticut, Delaware' with states is the state (not Delaware County)"
)
def coordinated_with_same_kind(c: Candidate, m: Mention, ctx: Context) -> float:
    # As strong as a containing place: a list is of one kind, whatever else the story names.
    return 4.0 if m.listed_with is not None and c.entry.feature == m.listed_with else 0.0


@rule(
    "'Idlib province' is the region, 'the town of Kidal' the town, 'Lubero territory' the district (+3; +2 for the other unit level)"
)
def kind_in_the_text(c: Candidate, m: Mention, ctx: Context) -> float:
    if m.hint == c.entry.feature:
        return 3.0
    return 2.0 if hint_matches(m.hint, c.entry.feature) else 0.0


def contained(entry: GazetteerEntry, m: Mention) -> bool:
    if m.container_admin1 is not None:
        return entry.admin1 == m.container_admin1 and entry.feature != "region"
    container = m.container
    if container is None or container.geonameid == entry.geonameid:
        return False
    if container.feature == "country":
        return entry.country == container.country and entry.feature != "country"
    if container.feature == "region":
        return entry.admin1 == container.admin1 and entry.feature in ("district", "city")
    if container.feature == "district":
        return entry.admin2 == container.admin2 and entry.feature == "city"
    # a city contains its neighbourhoods and suburbs
    return entry.feature == "city" and distance_km(entry, container) <= SAME_PLACE_KM


def distance_km(a: GazetteerEntry, b: GazetteerEntry) -> float:
    if a.lat is None or b.lat is None:
        return math.inf
    p1, p2 = math.radians(a.lat), math.radians(b.lat)
    h = math.sin((p2 - p1) / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(math.radians(b.lon - a.lon) / 2) ** 2
    return 6371.0 * 2 * math.asin(math.sqrt(min(1.0, h)))


def supported(c: Candidate, m: Mention, ctx: Context) -> bool:
    """Does anything beyond the name's size speak for this reading?"""
    e = c.entry
    return (
        ctx.countries[e.country] > 0
        or contained(e, m)
        or hint_matches(m.hint, e.feature)
        or (bool(e.admin1) and (e.admin1 in ctx.regions or e.admin1 in ctx.regions_of_places))
        or (bool(e.admin2) and e.admin2 in ctx.districts)
    )


def hint_matches(hint: str | None, feature: str) -> bool:
    """The text's unit nouns ("province", "territory") suggest a level but do not fix it."""
    if hint in ("region", "district"):
        return feature in ("region", "district")
    return hint is not None and hint == feature


# --- decisions: the winner may still be refused ---------------------------------------------

Decision = Callable[[list[tuple[float, Candidate]], Mention, Context], bool]


@dataclass(frozen=True)
class DecisionRule:
    name: str
    example: str
    refuses: Decision


DECISIONS: list[DecisionRule] = []


def decision(example: str):
    def register(fn: Decision):
        DECISIONS.append(DecisionRule(fn.__name__, example, fn))
        return fn

    return register


@decision("a town of 30,000 in Tanzania for a name nothing in an American story supports: unresolved")
def small_place_without_support(scored: list[tuple[float, Candidate]], m: Mention, ctx: Context) -> bool:
    best = scored[0][1]
    return (
        best.entry.feature in ("city", "district")
        and not best.entry.capital
        and best.entry.population < MIN_UNSUPPORTED_POPULATION
        and not supported(best, m, ctx)
    )


@decision(
    "'Central Park' is a registered old name of Bethpage, NY (16,000 people): a small place reached"
    " only through an alternate name needs the text's own support (a containing place, its noun, its"
    " district named; a named region is too broad)"
)
def small_place_by_alternate_name_only(scored: list[tuple[float, Candidate]], m: Mention, ctx: Context) -> bool:
    best = scored[0][1]
    e = best.entry
    if best.strong or e.feature not in ("city", "district") or e.population >= MIN_POPULATION_BY_ALTERNATE:
        return False
    # A unit's noun ("the Masisi territory") names its unit's bare name, a weak key by construction.
    # A town's kind noun ("the village of X") vouches for the kind, not the country: a registered
    # variant of a foreign village also needs the story to be about its country.
    vouched = hint_matches(m.hint, e.feature) and (m.hint != "city" or ctx.countries[e.country] > 0)
    return not (contained(e, m) or vouched or (e.admin2 and e.admin2 in ctx.districts))


@decision(
    "'in Bali, Djugu territory, Ituri province' (a Congolese village) is not Bali, Indonesia, nor 'Taiwan's"
    " islands of Matsu' Matsue, Japan: the text puts the name in a unit or country none of whose places has that name"
)
def outside_the_named_container(scored: list[tuple[float, Candidate]], m: Mention, ctx: Context) -> bool:
    best = scored[0][1].entry
    container = m.container
    # Only a town or a district placed in a unit abroad: "Argentina, Chile" and "Pinar del Río,
    # Holguín" are lists of one kind, not a place and its container.
    if container is None or best.feature == "country":
        return False
    # a country only as the name's owner ("Taiwan's islands of Matsu" is not Matsue, Japan), or as
    # the country a region is said to be "of"/"in" ("the Kurdistan region of Iraq" is not Iran's
    # Kordestan province; a town "in the Senegal river valley" is no town of Senegal's)
    region_in_country = best.feature == "region" and container.feature == "country" and (m.joined or m.by_demonym)
    if container.feature not in ("region", "district") and not (container.feature == "country" and m.owned):
        if not region_in_country:
            return False
    if best.feature == "region" and container.feature != "district" and not region_in_country:
        return False
    return best.country != container.country and not any(contained(c.entry, m) for _, c in scored)


@decision("'Springfield' in an American story: two towns of about one size, nothing to tell them apart")
def unsupported_tie(scored: list[tuple[float, Candidate]], m: Mention, ctx: Context) -> bool:
    """Two different places within half a point by size alone, by renown (how many names GeoNames
    registers for each) and after every rule: the text does not say which. (Geneva, Switzerland
    and Geneva, Illinois are not a tie: ten times the size; nor Barcelona, Spain and Venezuela:
    the Spanish city has many times the names.)"""
    best_score, best = scored[0]
    if best.entry.feature == "country":
        return False
    for score, other in scored[1:]:
        if best_score - score >= AMBIGUOUS_MARGIN:
            return False
        if (
            not same_place(best.entry, other.entry)
            and abs(_size(best) - _size(other)) < AMBIGUOUS_MARGIN
            and abs(_renown(best) - _renown(other)) < RENOWN_MARGIN
        ):
            return True
    return False


def _renown(c: Candidate) -> float:
    return math.log10(1 + c.entry.renown)


def _size(c: Candidate) -> float:
    return prominence(c) + country_name(c, Mention(), Context()) + national_capital(c, Mention(), Context())


def same_place(a: GazetteerEntry, b: GazetteerEntry) -> bool:
    """A city and the unit named after it, or two rows for one town, are one answer."""
    return a.country == b.country and distance_km(a, b) <= SAME_PLACE_KM


# --- ranking ---------------------------------------------------------------------------------


def drop_units_named_like_their_cities(
    candidates: list[Candidate], hint: str | None = None, disabled: Iterable[str] = ()
) -> list[Candidate]:
    """ "Tehran" is the city, not Tehran Province; "Lubero" the town, not Lubero territory: a unit
    sharing its name with a city inside it yields to the city, as it does in news usage, unless the
    text says "province"/"territory". So does a region named like its country's capital
    ("Washington" is the capital, not the state)."""
    if hint in ("region", "district"):
        return towns_yield_to_their_named_unit(candidates, hint, disabled)
    cities = [c.entry for c in candidates if c.entry.feature == "city" and c.strong]
    capital_countries = {c.entry.country for c in candidates if c.entry.capital}

    def notable_part(city: GazetteerEntry, unit: GazetteerEntry) -> bool:
        # A village of that name does not make "Xinjiang" (12 million people) a village.
        return city.population >= MIN_SHARE_OF_UNIT * unit.population

    def yields(e: GazetteerEntry) -> bool:
        if e.feature == "region":
            return e.country in capital_countries or any(
                city.admin1 == e.admin1 and notable_part(city, e) for city in cities
            )
        if e.feature == "district":
            return any((city.admin2 == e.admin2 or same_place(e, city)) and notable_part(city, e) for city in cities)
        return False

    return [c for c in candidates if not yields(c.entry)]


# A named step before the scores (switched off like a rule, by its name in `disabled`).
CONTAINER_BEFORE_SIZE = "container_before_size"
CONTAINER_BEFORE_SIZE_EXAMPLE = (
    "'Insurgents attacked Palma in Cabo Delgado province': the Mozambican Palma, however much larger "
    "Palma de Mallorca is"
)


def inside_the_container_first(candidates: list[Candidate], mention: Mention) -> list[Candidate]:
    """When the text names the place that holds the name ("X in Y", "X, Y", "Y's X") and some of its
    candidates lie there, the others are out of the running, whatever their size: the hierarchy the
    text gives comes before population (`inside_named_container` only adds to the score, which a
    city a thousand times larger still outweighs)."""
    inside = [c for c in candidates if contained(c.entry, mention)]
    return inside or candidates


# A named step (switched off like a rule, by its name in `disabled`): the other way round.
TOWN_YIELDS_TO_ITS_UNIT = "town_yields_to_its_named_unit"
TOWN_YIELDS_TO_ITS_UNIT_EXAMPLE = (
    "'the army moved into Trincomalee district': the district, not the town it is named after, though "
    "GeoNames' packaged data files no town under the district and so gives it no population"
)


def towns_yield_to_their_named_unit(
    candidates: list[Candidate], hint: str, disabled: Iterable[str] = ()
) -> list[Candidate]:
    """ "Trincomalee district", "Kabul province": where the text gives the unit's noun, a town named
    like a unit of that level holding it yields to the unit, as the unit yields to the town when the
    noun is missing. (`kind_in_the_text` adds to the unit's score, which a town of 100,000 outweighs
    where the packaged data gives the unit no population.)"""
    if TOWN_YIELDS_TO_ITS_UNIT in set(disabled):
        return candidates
    units = [c.entry for c in candidates if c.entry.feature == hint and c.strong]

    def holds(unit: GazetteerEntry, town: GazetteerEntry) -> bool:
        if unit.country != town.country:
            return False
        if unit.feature == "district" and town.admin2:
            return unit.admin2 == town.admin2 or same_place(unit, town)
        # a town filed under no district is held by the same-named district of its region
        return bool(unit.admin1) and unit.admin1 == town.admin1

    return [c for c in candidates if not (c.entry.feature == "city" and any(holds(u, c.entry) for u in units))]


def ranked(
    candidates: list[Candidate], context: Context, mention: Mention | None = None, disabled: Iterable[str] = ()
) -> list[tuple[float, Candidate]]:
    mention = mention or Mention()
    off = set(disabled)
    rules = [r for r in RULES if r.name not in off]
    if CONTAINER_BEFORE_SIZE not in off:
        candidates = inside_the_container_first(candidates, mention)
    scored = [(prominence(c) + sum(r.score(c, mention, context) for r in rules), c) for c in candidates]
    scored.sort(key=lambda sc: (-sc[0], sc[1].entry.geonameid))
    return scored


def refusal(
    scored: list[tuple[float, Candidate]], mention: Mention, context: Context, disabled: Iterable[str] = ()
) -> str | None:
    """The name of the first decision that refuses the winner, or None."""
    off = set(disabled)
    return next((d.name for d in DECISIONS if d.name not in off and d.refuses(scored, mention, context)), None)


def _first_readings(toponyms: list[Toponym]) -> dict[str, list[tuple[float, Candidate]]]:
    readings = {}
    for toponym in toponyms:
        key = key_of(toponym)
        if key not in readings:
            readings[key] = ranked(
                drop_units_named_like_their_cities(toponym.candidates, toponym.feature_hint),
                Context(),
                Mention(hint=toponym.feature_hint),
            )
    return readings


def _context_without(key: str, readings: dict[str, list[tuple[float, Candidate]]], evidence: Counter) -> Context:
    """Confident readings of the *other* names (a name is no evidence for itself), the countries
    of the article's actors and demonyms, and its dateline."""
    context = Context(countries=Counter(evidence))
    for other, scored in readings.items():
        if other == key or not scored:
            continue
        best = scored[0]
        if (
            len(scored) > 1
            and best[0] - scored[1][0] < CONFIDENT_MARGIN
            and not same_place(best[1].entry, scored[1][1].entry)
        ):
            continue
        entry = best[1].entry
        context.countries[entry.country] += 1
        if entry.feature == "region":
            context.regions.add(entry.admin1)
        elif entry.admin1:
            context.regions_of_places.add(entry.admin1)
        if entry.feature == "district":
            context.districts.add(entry.admin2)
    return context


# One name, one sense (a named step after the decisions, switched off like a rule by its name): a
# mention refused only for doubt takes the place the same name's other mentions resolved to.
ONE_NAME_ONE_SENSE = "same_name_resolved_elsewhere"
ONE_NAME_ONE_SENSE_EXAMPLE = (
    "'a town hall in Salem, New Hampshire' ... 'told the crowd in Salem': the bare mention, two Salems of one "
    "size apart, is the Salem the text placed in New Hampshire"
)
# Refusals that say the mention alone does not tell which place (not that the text puts it elsewhere).
REFUSALS_OF_DOUBT = {"small_place_without_support", "unsupported_tie", "small_place_by_alternate_name_only"}


def _one_name_one_sense(toponyms: list[Toponym], resolved: list, refusals: list) -> None:
    """A mention refused for doubt only is the place its name's other mentions resolved to, when they
    agree on one place among its candidates ("in Salem, New Hampshire" ... "in Salem")."""
    senses: dict[str, set[int]] = {}
    entries: dict[int, GazetteerEntry] = {}
    for toponym, entry in zip(toponyms, resolved):
        if entry is not None and entry.geonameid:
            senses.setdefault(key_of(toponym), set()).add(entry.geonameid)
            entries[entry.geonameid] = entry
    for n, toponym in enumerate(toponyms):
        sense = senses.get(key_of(toponym))
        if resolved[n] is not None or refusals[n] not in REFUSALS_OF_DOUBT or sense is None or len(sense) != 1:
            continue
        (geonameid,) = sense
        if any(c.entry.geonameid == geonameid for c in toponym.candidates):
            resolved[n] = entries[geonameid]


def resolve(
    toponyms: list[Toponym],
    spacy_doc,
    evidence: Counter,
    disabled: Iterable[str] = (),
    abroad: dict[int, GazetteerEntry] | None = None,
) -> list[GazetteerEntry | None]:
    """The place each toponym denotes, in order (None when nothing fits or the text does not say).

    `abroad`, when given, is filled with the container the text names for each toponym refused as
    a namesake abroad (`outside_the_named_container`): "Matsu" in "Taiwan's outlying islands of
    Kinmen, Matsu" is no Japanese town, but it is in Taiwan, which the caller may say."""
    readings = _first_readings(toponyms)
    contexts: dict[str, Context] = {}
    resolved = []
    refusals: list[str | None] = []
    roots = [spacy_doc[t.token_start : t.token_end].root for t in toponyms] if spacy_doc is not None else None
    by_root: dict[int, list[int]] = {}
    for k, root in enumerate(roots or ()):
        by_root.setdefault(root.i, []).append(k)
    for n, toponym in enumerate(toponyms):
        key = key_of(toponym)
        if key not in contexts:
            contexts[key] = _context_without(key, readings, evidence)
        mention = container_after(n, toponyms, spacy_doc, readings)
        mention.listed_with = listed_with(n, toponyms, roots, by_root, readings)
        candidates = drop_units_named_like_their_cities(toponym.candidates, toponym.feature_hint, disabled)
        scored = ranked(candidates, contexts[key], mention, disabled)
        refused = refusal(scored, mention, contexts[key], disabled) if scored else "no candidate"
        resolved.append(scored[0][1].entry if refused is None else None)
        refusals.append(refused)
        if refused == "outside_the_named_container" and abroad is not None and mention.container is not None:
            abroad[n] = mention.container
    if ONE_NAME_ONE_SENSE not in set(disabled):
        _one_name_one_sense(toponyms, resolved, refusals)
    if abroad:
        # One name, one sense: a later bare mention of a name the text placed in its container
        # ("the Catatumbo region, in ... Norte de Santander", then "troops to Catatumbo") is there too.
        # So is another mention the story alone resolved abroad ("the Kurdistan region of Iraq" ...
        # "the Kurdistan regional government" is not Iran's Kordestan).
        placed = {key_of(toponyms[n]): container for n, container in abroad.items()}
        for n, toponym in enumerate(toponyms):
            container = placed.get(key_of(toponym))
            if container is None or n in abroad:
                continue
            if resolved[n] is None or resolved[n].country != container.country:
                abroad[n] = container
                resolved[n] = None
    return resolved
