"""Non-state armed groups (UCDP) and political parties (Party Facts) for the knowledge base.

- UCDP Actor Dataset 22.1 (`ucdp/ucdp-actor-221.csv`, CC BY 4.0): every party to an armed conflict
  UCDP records, with its names and where it fought. Only organised non-state groups (UCDP `Org` 1)
  that fought in a state-based or non-state conflict year from `ACTIVE_SINCE` on (UCDP/PRIO Armed
  Conflict and Non-State Conflict datasets 22.1, the same folder; they end in 2021) become KB groups,
  coded `<country>REB` for the country where they fought first in that period.
- Party Facts core parties (`partyfacts/partyfacts-core-parties.csv`, MIT licence): parties with
  their country, names and years. "Main" parties are those that reached `MAIN_PARTY_SHARE` % of the
  vote (Party Facts' `share`) and existed after `ACTIVE_SINCE`; they are coded `<country>PTY`.

A name that two groups or parties share (a "Labour Party" in many countries, UCDP's "Forces of X"
in several wars) would say nothing about which one a text means; such names are left out and
counted (`GroupReport`), as are names that are already a KB actor's.
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterator, Optional

from diurna.actors.country_names import iso3_of

ACTIVE_SINCE = 2015
MAIN_PARTY_SHARE = 5.0
_SHORT_NAME = re.compile(r"^[A-Z0-9][A-Za-z0-9\-]{2,}$")
# One-word names that are also everyday English words: at the start of a sentence ("Together, they
# ...") or in a headline they would be read as the party. Party Facts lists parties called "THE",
# "Together", "Forward", "Hope"; such a party keeps its longer names only.
GENERIC_WORDS = frozenset(
    """
    together forward hope change action unity solidarity reform freedom justice progress future renew
    renaissance republic democrats liberals greens patriots union alliance movement congress party front
    people yes now new independent independents others list coalition bloc centre center left right
    liberty labour labor democracy nation national homeland motherland home dignity truth voice
    """.split()
)


@dataclass
class GroupEntry:
    key: str  # a stable id: "ucdp_1163", "pf_5184"
    name: str
    kind: str  # "organization" (an armed group or a party, as the Phoenix files code them)
    country: str
    code: str  # CAMEO code
    names: list[str]
    source: str
    start: Optional[str] = None
    end: Optional[str] = None


@dataclass
class GroupReport:
    ucdp_groups: int = 0
    parties: int = 0
    shared_names_dropped: int = 0
    unknown_country: int = 0
    notes: list[str] = field(default_factory=list)


def _csv(path: Path) -> Iterator[dict]:
    with open(path, encoding="utf-8-sig", newline="") as f:
        yield from csv.DictReader(f)


def ucdp_active_years(folder: Path) -> dict[str, set[int]]:
    """UCDP actor id -> years it fought in, from the armed-conflict and non-state files."""
    years: dict[str, set[int]] = {}
    files = sorted(folder.glob("ucdp-prio-acd-*.csv")) + sorted(folder.glob("ucdp-nonstate-*.csv"))
    for name in files:
        for row in _csv(name):
            for side in ("side_a_id", "side_b_id"):
                for actor in (row.get(side) or "").split(","):
                    if actor.strip():
                        years.setdefault(actor.strip(), set()).add(int(row["year"]))
    return years


def read_ucdp(folder: Path, report: GroupReport) -> list[GroupEntry]:
    actors = next(iter(sorted(folder.glob("ucdp-actor-*.csv"))), None)
    if actors is None:
        return []
    active = ucdp_active_years(folder)
    out: list[GroupEntry] = []
    for row in _csv(actors):
        if row.get("Org") != "1":
            continue
        years = sorted(y for y in active.get(row["ActorId"], ()) if y >= ACTIVE_SINCE)
        if not years:
            continue
        country = None
        for location in (row.get("Location") or "").split(","):
            country = iso3_of(location.strip())
            if country:
                break
        if country is None:
            report.unknown_country += 1
            continue
        names = []
        for column in ("NameData", "NameOrigFullEng", "NewNameFullEng", "NameOrig"):
            value = (row.get(column) or "").strip()
            if value and value.lower() != "n/a" and value not in names:
                names.append(value)
        out.append(
            GroupEntry(
                "ucdp_%s" % row["ActorId"],
                names[0],
                "organization",
                country,
                country + "REB",
                names,
                "ucdp:actor-%s" % row.get("Version", "").replace(".", ""),
            )
        )
    report.ucdp_groups = len(out)
    return out


def _before_dash(name: str) -> str:
    """ "Georgian Dream – Democratic Georgia" -> "Georgian Dream": news shortens a party's name to
    the part before a spaced dash (kept only when that part is two words or more)."""
    head = re.split(r"\s+[–—-]\s+", name, maxsplit=1)[0].strip()
    return head if head != name and len(head.split()) >= 2 else ""


def read_partyfacts(path: Path, report: GroupReport) -> list[GroupEntry]:
    if not path.is_file():
        return []
    out: list[GroupEntry] = []
    for row in _csv(path):
        try:
            share = float(row.get("share") or 0)
        except ValueError:
            share = 0.0
        last = row.get("year_last") or ""
        if share < MAIN_PARTY_SHARE or (last.isdigit() and int(last) < ACTIVE_SINCE):
            continue
        country = iso3_of(row["country"]) if len(row["country"]) != 3 else row["country"]
        if not country:
            report.unknown_country += 1
            continue
        names: list[str] = []
        for value in (row.get("name_english") or "").split(" / ") + [row.get("name") or ""]:
            value = value.strip()
            for form in (value, _before_dash(value)):
                if form and form not in names:
                    names.append(form)
        short = (row.get("name_short") or "").strip()
        if _SHORT_NAME.match(short) and short not in names:
            names.append(short)
        if not names:
            continue
        first = row.get("year_first") or ""
        out.append(
            GroupEntry(
                "pf_%s" % row["partyfacts_id"],
                names[0],
                "organization",
                country,
                country + "PTY",
                names,
                "partyfacts:core",
                "%s-01-01" % first if first.isdigit() else None,
                "%04d-01-01" % (int(last) + 1) if last.isdigit() else None,
            )
        )
    report.parties = len(out)
    return out


def read_groups(sources: Path, report: GroupReport) -> list[GroupEntry]:
    entries = read_ucdp(sources / "ucdp", report) + read_partyfacts(
        sources / "partyfacts" / "partyfacts-core-parties.csv", report
    )
    return drop_shared_names(entries, report)


def usable_name(name: str) -> bool:
    """A name a text can be matched on: not a one-word everyday English word ("THE", "Together",
    "IS") — one word must be three letters or more, no English stop word, no GENERIC_WORDS."""
    from spacy.lang.en.stop_words import STOP_WORDS

    words = name.split()
    if len(words) > 1:
        return True
    low = name.lower()
    return len(low) >= 3 and low not in STOP_WORDS and low not in GENERIC_WORDS


def drop_shared_names(entries: list[GroupEntry], report: GroupReport) -> list[GroupEntry]:
    """Names that more than one entry goes by are removed from all of them, and so are names no
    text could be matched on safely (`usable_name`)."""
    from diurna.actors.kb import name_key

    for entry in entries:
        entry.names = [n for n in entry.names if usable_name(n)]

    owners: dict[str, set[str]] = {}
    for entry in entries:
        for name in entry.names:
            owners.setdefault(name_key(name), set()).add(entry.key)
    shared = {k for k, v in owners.items() if len(v) > 1}
    report.shared_names_dropped = len(shared)
    kept = []
    for entry in entries:
        entry.names = [n for n in entry.names if name_key(n) not in shared]
        if entry.names:
            entry.name = entry.names[0] if entry.name not in entry.names else entry.name
            kept.append(entry)
    return kept
