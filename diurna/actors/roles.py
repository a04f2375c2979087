"""Dated offices: who was head of state, head of government, foreign or defence minister of a
country on a given day, and how much of the world the knowledge base covers on that day.

The terms are built by `scripts/build_kb.py` from Wikidata (docs/actors.md, "Sources") and stored
in the KB file beside the actors; user overlays may add more (a role with `office:`). Each term
records how precisely its start and its end are known, "d" (a cabinet list with full dates) or "y"
(Wikidata's list of heads of state and government gives years only): "dd", "dy", "yd" or "yy". A
year-precision start or end covers the whole year, so in a year of transition both holders count as holding the office: the
coverage report counts such days separately instead of hiding them.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Iterable, Optional

from diurna.actors.offices import (
    DEFENCE_MINISTER,
    FOREIGN_MINISTER,
    HEAD_OF_GOVERNMENT,
    HEAD_OF_STATE,
    OFFICE_NAMES,
)

# The 193 member states of the United Nations (ISO 3166-1 alpha-3), unchanged since South Sudan
# joined on 2011-07-14 (un.org, "Member States").
UN_MEMBERS = frozenset(
    """
    AFG ALB DZA AND AGO ATG ARG ARM AUS AUT AZE BHS BHR BGD BRB BLR BEL BLZ BEN BTN BOL BIH BWA BRA
    BRN BGR BFA BDI CPV KHM CMR CAN CAF TCD CHL CHN COL COM COG CRI CIV HRV CUB CYP CZE PRK COD DNK
    DJI DMA DOM ECU EGY SLV GNQ ERI EST SWZ ETH FJI FIN FRA GAB GMB GEO DEU GHA GRC GRD GTM GIN GNB
    GUY HTI HND HUN ISL IND IDN IRN IRQ IRL ISR ITA JAM JPN JOR KAZ KEN KIR KWT KGZ LAO LVA LBN LSO
    LBR LBY LIE LTU LUX MDG MWI MYS MDV MLI MLT MHL MRT MUS MEX FSM MCO MNG MNE MAR MOZ MMR NAM NRU
    NPL NLD NZL NIC NER NGA MKD NOR OMN PAK PLW PAN PNG PRY PER PHL POL PRT QAT KOR MDA ROU RUS RWA
    KNA LCA VCT WSM SMR STP SAU SEN SRB SYC SLE SGP SVK SVN SLB SOM ZAF SSD ESP LKA SDN SUR SWE CHE
    SYR TJK THA TLS TGO TON TTO TUN TUR TKM TUV UGA UKR ARE GBR TZA USA URY UZB VUT VEN VNM YEM ZMB
    ZWE
    """.split()
)
PRECISIONS = ("dd", "dy", "yd", "yy")  # start, end: d = day-precise, y = year-precise


@dataclass(frozen=True)
class OfficeTerm:
    """One person's term in one office of one country: [start, end), ISO dates, None = unbounded."""

    country: str  # ISO alpha-3
    office: str  # diurna.actors.offices.OFFICES
    kb_id: str  # the KB actor who held it
    name: str
    start: Optional[str]
    end: Optional[str]
    precision: str = "dd"  # how precisely start and end are known (PRECISIONS)
    source: str = ""
    seen: str = ""  # a term whose end no source dates: the last day a source showed it open

    def holds_on(self, day: str) -> bool:
        return (self.start is None or self.start <= day) and (self.end is None or day < self.end)

    def certain_on(self, day: str) -> bool:
        """Holds on `day` by day-precise dates (a year-precise boundary year is not certain), and,
        for a term whose end no source dates, on a day no later than the last one that showed it."""
        if not self.holds_on(day):
            return False
        if self.seen and day > self.seen:
            return False
        year = day[:4]
        if self.precision[0] == "y" and self.start and self.start[:4] == year:
            return False
        return not (self.precision[1] == "y" and self.end and _year_before(self.end) == year)

    def to_row(self) -> list:
        return [
            self.country,
            self.office,
            self.kb_id,
            self.name,
            self.start,
            self.end,
            self.precision,
            self.source,
            self.seen,
        ]

    @classmethod
    def from_row(cls, row: Iterable) -> "OfficeTerm":
        return cls(*row)


def _year_before(end: str) -> str:
    """The year a year-precision end belongs to: an end of 2025-01-01 closes a term of 2024."""
    return str(int(end[:4]) - 1) if end[5:] == "01-01" else end[:4]


@dataclass
class RoleTable:
    """Every office term, indexed by KB actor and by country."""

    terms: list[OfficeTerm] = field(default_factory=list)
    # country -> the day its head-of-government office was abolished (its president governs since)
    hog_abolished: dict[str, str] = field(default_factory=dict)
    _by_actor: dict[str, list[OfficeTerm]] = field(default_factory=dict)
    _by_country: dict[str, list[OfficeTerm]] = field(default_factory=dict)

    def __post_init__(self) -> None:
        for term in list(self.terms):
            self._index(term)

    def add(self, term: OfficeTerm) -> None:
        self.terms.append(term)
        self._index(term)

    def _index(self, term: OfficeTerm) -> None:
        self._by_actor.setdefault(term.kb_id, []).append(term)
        self._by_country.setdefault(term.country, []).append(term)

    def roles_on(self, kb_id: str, day: Optional[str]) -> list[OfficeTerm]:
        """The offices KB actor `kb_id` held on `day` (ISO; None = today)."""
        day = day or dt.date.today().isoformat()
        return [t for t in self._by_actor.get(kb_id, ()) if t.holds_on(day)]

    def terms_of(self, kb_id: str) -> list[OfficeTerm]:
        return sorted(self._by_actor.get(kb_id, ()), key=lambda t: (t.start or "", t.office))

    def holders(self, country: str, office: str, day: Optional[str]) -> list[OfficeTerm]:
        """Who held `office` of `country` on `day`. In a presidential system (no head-of-government
        office in the data, or one the data says was abolished before `day`) the head of state
        heads the government."""
        day = day or dt.date.today().isoformat()
        terms = self._by_country.get(country, ())
        found = [t for t in terms if t.office == office and t.holds_on(day)]
        if not found and office == HEAD_OF_GOVERNMENT:
            abolished = self.hog_abolished.get(country)
            if (abolished and abolished <= day) or not any(t.office == office for t in terms):
                found = [t for t in terms if t.office == HEAD_OF_STATE and t.holds_on(day)]
        return found

    def countries(self) -> set[str]:
        return set(self._by_country)


@dataclass
class CoverageRow:
    office: str
    known: list[str]  # countries with at least one holder on the day
    certain: list[str]  # ... of which one holder is known by day-precise dates seen on or after it
    missing: list[str]


def coverage(table: RoleTable, day: str, members: Iterable[str] = UN_MEMBERS) -> dict[str, CoverageRow]:
    """For each of head of state, head of government, foreign and defence minister: which UN
    members have a known holder on `day`, which of those by day-precise dates, which none."""
    members = sorted(members)
    out: dict[str, CoverageRow] = {}
    for office in (HEAD_OF_STATE, HEAD_OF_GOVERNMENT, FOREIGN_MINISTER, DEFENCE_MINISTER):
        known, certain, missing = [], [], []
        for country in members:
            holders = table.holders(country, office, day)
            if not holders:
                missing.append(country)
                continue
            known.append(country)
            if any(t.certain_on(day) for t in holders):
                certain.append(country)
        out[office] = CoverageRow(office, known, certain, missing)
    return out


def both_heads(table: RoleTable, day: str, members: Iterable[str] = UN_MEMBERS) -> list[str]:
    """UN members whose head of state and head of government are both known on `day`."""
    return [
        c for c in sorted(members) if table.holders(c, HEAD_OF_STATE, day) and table.holders(c, HEAD_OF_GOVERNMENT, day)
    ]


def office_name(office: str) -> str:
    return OFFICE_NAMES.get(office, office)
