"""Which place a toponym denotes: context first, then size and kind.

Scores are in log10-population units so that context outweighs a size gap of about 30x
(country context) or 1,000x (a region named in the article), but not more: "Paris" in an
article about American politics stays in France; "Paris" beside "Texas" moves to Texas.
"""
from __future__ import annotations

import math
from collections import Counter
from dataclasses import dataclass, field

from diurna.places.gazetteer import Candidate, GazetteerEntry
from diurna.places.names import fold, strip_article
from diurna.places.toponyms import Toponym

COUNTRY_BONUS = 1.5        # a country beats a same-named town ("Jordan" the state, not the Hong Kong area)
CAPITAL_BONUS = 0.5
WEAK_NAME_PENALTY = 1.2    # matched only through a GeoNames alternate name
SAME_COUNTRY_BONUS = 0.75  # per piece of evidence that the article is about this country
MAX_COUNTRY_EVIDENCE = 3   # (another place, an actor, a demonym), counted up to this many
SAME_REGION_BONUS = 3.0    # the article names this first-level region ("Texas")
QUALIFIER_BONUS = 4.0      # "Paris, Texas", "Hyderabad, Pakistan": the text says where it is
FEATURE_HINT_BONUS = 3.0   # "Idlib province" is the region, "the town of Kidal" the town
CONFIDENT_MARGIN = 1.0     # a first reading this far ahead of the next may serve as context


@dataclass
class Context:
    countries: Counter = field(default_factory=Counter)    # ISO alpha-3 -> pieces of evidence
    regions: set[str] = field(default_factory=set)


def key_of(toponym: Toponym) -> str:
    return fold(strip_article(toponym.text))


def drop_regions_named_like_their_cities(candidates: list[Candidate], hint: str | None = None) -> list[Candidate]:
    """"Tehran" is the city, not Tehran Province: a region sharing its name with a city inside
    it yields to the city, as it does in news usage, unless the text says "province". So does a
    region named like its country's capital ("Washington" is the capital, not the state)."""
    if hint == "region":
        return candidates
    city_regions = {c.entry.admin1 for c in candidates if c.entry.feature == "city"}
    capital_countries = {c.entry.country for c in candidates if c.entry.capital}
    return [c for c in candidates if not (c.entry.feature == "region" and (
        c.entry.admin1 in city_regions or c.entry.country in capital_countries))]


def prior(candidate: Candidate) -> float:
    entry = candidate.entry
    score = math.log10(max(entry.population, 1))
    if entry.feature == "country":
        score += COUNTRY_BONUS
    if entry.capital:
        score += CAPITAL_BONUS
    if not candidate.strong:
        score -= WEAK_NAME_PENALTY
    return score


def contextual(candidate: Candidate, context: Context) -> float:
    entry = candidate.entry
    score = 0.0
    score += SAME_COUNTRY_BONUS * min(context.countries[entry.country], MAX_COUNTRY_EVIDENCE)
    if entry.admin1 and entry.admin1 in context.regions:
        score += SAME_REGION_BONUS
    return score


def qualified(candidate: Candidate, qualifier: GazetteerEntry | None) -> float:
    if qualifier is None:
        return 0.0
    entry = candidate.entry
    if qualifier.feature == "country" and entry.country == qualifier.country and entry.feature != "country":
        return QUALIFIER_BONUS
    if qualifier.feature == "region" and entry.admin1 == qualifier.admin1 and entry.feature == "city":
        return QUALIFIER_BONUS
    return 0.0


def ranked(candidates: list[Candidate], context: Context, qualifier: GazetteerEntry | None = None,
           hint: str | None = None) -> list[tuple[float, Candidate]]:
    scored = [(prior(c) + contextual(c, context) + qualified(c, qualifier)
               + (FEATURE_HINT_BONUS if hint == c.entry.feature else 0.0), c) for c in candidates]
    scored.sort(key=lambda sc: (-sc[0], sc[1].entry.geonameid))
    return scored


def _first_readings(toponyms: list[Toponym]) -> dict[str, list[tuple[float, Candidate]]]:
    readings = {}
    for toponym in toponyms:
        key = key_of(toponym)
        if key not in readings:
            readings[key] = ranked(drop_regions_named_like_their_cities(toponym.candidates, toponym.feature_hint),
                                   Context(), hint=toponym.feature_hint)
    return readings


def _context_without(key: str, readings: dict[str, list[tuple[float, Candidate]]],
                     actor_countries: Counter) -> Context:
    """What the rest of the article says about where it is: confident readings of the *other*
    names (a name is no evidence for itself) and the countries of its actors."""
    context = Context(countries=Counter(actor_countries))
    for other, scored in readings.items():
        if other == key or not scored:
            continue
        best = scored[0]
        if len(scored) > 1 and best[0] - scored[1][0] < CONFIDENT_MARGIN:
            continue
        entry = best[1].entry
        context.countries[entry.country] += 1
        if entry.admin1:   # "Atlanta" puts Georgia the state in context, "Texas" its towns
            context.regions.add(entry.admin1)
    return context


def _qualifier_after(toponym: Toponym, following: Toponym | None, spacy_doc,
                     readings: dict[str, list[tuple[float, Candidate]]]) -> GazetteerEntry | None:
    """The region or country in "Paris, Texas" right after a comma, if any."""
    if following is None or following.token_start != toponym.token_end + 1:
        return None
    if spacy_doc[toponym.token_end].text != ",":
        return None
    scored = readings.get(key_of(following))
    if not scored:
        return None
    entry = scored[0][1].entry
    return entry if entry.feature in ("region", "country") else None


def resolve(toponyms: list[Toponym], spacy_doc, actor_countries: Counter) -> list[GazetteerEntry | None]:
    """The place each toponym denotes, in order (None when nothing fits)."""
    readings = _first_readings(toponyms)
    contexts: dict[str, Context] = {}
    resolved = []
    for n, toponym in enumerate(toponyms):
        key = key_of(toponym)
        if key not in contexts:
            contexts[key] = _context_without(key, readings, actor_countries)
        following = toponyms[n + 1] if n + 1 < len(toponyms) else None
        qualifier = _qualifier_after(toponym, following, spacy_doc, readings)
        scored = ranked(drop_regions_named_like_their_cities(toponym.candidates, toponym.feature_hint),
                        contexts[key], qualifier, toponym.feature_hint)
        resolved.append(scored[0][1].entry if scored else None)
    return resolved
