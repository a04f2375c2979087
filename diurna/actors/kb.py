"""The actor knowledge base: named actors with dated roles, agent words, offices, and the overlay.

Built by `scripts/build_kb.py` from the PETRARCH2 / Phoenix dictionaries and the public datasets
listed in `diurna/actors/data/kb_sources.json` (Wikidata office holders, the CIA World Factbook's
heads of state and government, UCDP armed groups, Party Facts parties) into `diurna/actors/data/actors_kb.json.gz` (committed), then corrected and extended
at load time by YAML overlays: the one shipped in `diurna/actors/data/overlay.yaml` and any the user names
in `DIURNA_ACTORS_OVERLAY` (paths separated by `os.pathsep`). Formats: `docs/actors.md`.

Names are looked up by `name_key()`: lower case, straight quotes, no spaces around hyphens, so
that "Al-Qassam Brigades", "AL-QASSAM_BRIGADES" and spaCy's tokens "Al - Qassam Brigades" agree.
"""

from __future__ import annotations

import datetime as dt
import functools
import gc
import gzip
import json
import os
import re
from dataclasses import astuple, dataclass, field
from pathlib import Path
from typing import Iterable, Iterator, MutableMapping, Optional

from diurna.actors.codes import RELIGIONS, ROLE_SECTORS, split_code
from diurna.actors.phoenix import Role
from diurna.actors.roles import OfficeTerm, RoleTable
from diurna.rules import RuleSet

DATA_DIR = Path(__file__).resolve().parent / "data"
KB_FILE = DATA_DIR / "actors_kb.json.gz"
SHIPPED_OVERLAY = DATA_DIR / "overlay.yaml"
OVERLAY_ENV = "DIURNA_ACTORS_OVERLAY"
# Agent words re-coded from the project's gold (scripts/build_agent_sectors.py), applied after the
# hand overlay; $DIURNA_AGENT_SECTORS names another table (model selection on held-out articles), or
# none when empty.
LEARNED_AGENTS = DATA_DIR / "agent_sectors.yaml"
LEARNED_AGENTS_ENV = "DIURNA_AGENT_SECTORS"
KB_FORMAT = 3

KINDS = ("person", "organization", "country", "group")
# KnowledgeBase.name_word_sectors: how many organisations a name word must be in, and the share of
# them that must have its sector
NAME_WORD_MIN = 15
NAME_WORD_SHARE = 0.8
# Bound prefixes are no name words: the word after them says what the body is against or for, so
# "anti" (REB by its count: anti-government militias) made "Anti-Corruption Commission" a rebel group
NAME_WORD_PREFIXES = frozenset({"anti", "counter", "inter", "multi", "post", "pro", "non"})

# KnowledgeBase.party_name_words: a word parties of this many states use in their names is no
# state's own ("communist", "democratic", "people's", "party")
PARTY_WORD_STATES = 15

_QUOTES = str.maketrans(
    {"\u2019": "'", "\u2018": "'", "`": "'", "\u2013": "-", "\u2014": "-", "\u2010": "-", "\u2011": "-", "_": " "}
)
_SPACED_HYPHEN = re.compile(r"\s*-\s*")
_SPACED_APOSTROPHE = re.compile(r"\s+'")
_SPACE = re.compile(r"\s+")
# Common Korean, Chinese and Vietnamese family names (romanised). News writes these names family
# name first ("Yoon Suk Yeol", "Xi Jinping", "Lee Jae-myung"), so the short form is the first word.
EAST_ASIAN_FAMILY_NAMES = frozenset(
    """
    kim lee park choi jung jeong kang cho yoon yun jang lim han oh seo shin kwon hwang ahn song yoo hong
    jeon ko moon son bae baek heo nam noh roh ban byun chung
    wang li zhang liu chen yang huang zhao wu zhou xu sun ma zhu hu guo he lin gao luo zheng liang xie
    tang feng deng cao peng zeng xiao tian dong pan yuan cai jiang du ye cheng wei su lu ding ren xi wen
    qin lai tsai hou bo
    nguyen tran le pham hoang vo dang bui ngo duong ly
""".split()
)


def family_name_first(words: list[str]) -> bool:
    """Whether a two- or three-word personal name is written family name first: the first word is a
    common East Asian family name and every word is short ("yoon suk yeol", "lee jae-myung")."""
    return (
        2 <= len(words) <= 3
        and words[0] in EAST_ASIAN_FAMILY_NAMES
        and all(len(w.replace("-", "")) <= 8 for w in words)
    )


# Last words of persons' names that are no surname of theirs ("Jr", roman numerals, particles).
SURNAME_STOP = frozenset("jr jr. sr sr. ii iii iv junior senior the of and de del da la le al bin ibn van von".split())


def name_key(text: str) -> str:
    """The form in which names are compared (see the module docstring)."""
    text = text.translate(_QUOTES).lower()
    if "-" in text:
        text = _SPACED_HYPHEN.sub("-", text)
    if " '" in text:
        text = _SPACED_APOSTROPHE.sub("'", text)
    if "  " in text or "\n" in text or "\t" in text:
        text = _SPACE.sub(" ", text)
    return text.strip(" ")


def first_word_keys(key: str) -> set[str]:
    """The forms the first spaCy token of a name can take: "al-aruri" starts with "al"."""
    first = key.split(" ", 1)[0]
    return {first, first.split("-", 1)[0], first.split("'", 1)[0]}


@dataclass(frozen=True)
class KBActor:
    """One named actor: its id, display name, kind, every name it goes by, and its dated roles."""

    id: str
    name: str
    kind: str
    names: tuple[str, ...]
    roles: tuple[Role, ...]
    cities: tuple[str, ...] = ()  # name keys that are cities standing for the country ("Tehran")
    source: str = ""

    def role_on(self, day: Optional[str]) -> Optional[Role]:
        """The role held on `day` (ISO date; None = today): the first role, in order, whose dates
        contain it, as PETRARCH chooses. Falls back to the last undated role, then to None."""
        day = day or dt.date.today().isoformat()
        for role in self.roles:
            if role.holds_on(day):
                return role
        return None


class LazyActors(MutableMapping):
    """KB id -> KBActor, each made from its stored row the first time it is asked for.

    A loaded KB holds about 40,000 actors and 100,000 dated roles; an article touches a few dozen
    of them, so making every `KBActor` and `Role` at load time (about 0.6 s) is work thrown away.
    The rows keep the file's order, so iteration and `to_json` give the order the build wrote."""

    __slots__ = ("_items",)

    def __init__(self, rows: Iterable[list] = ()):
        self._items: dict[str, object] = {row[0]: row for row in rows}

    @staticmethod
    def _make(row: list) -> KBActor:
        kb_id, name, kind, names, roles, cities, source = row
        return KBActor(kb_id, name, kind, tuple(names), tuple(Role(*r) for r in roles), tuple(cities), source)

    def __getitem__(self, kb_id: str) -> KBActor:
        item = self._items[kb_id]
        if type(item) is list:
            item = self._items[kb_id] = self._make(item)
        return item  # type: ignore[return-value]

    def get(self, kb_id: str, default=None):
        return self[kb_id] if kb_id in self._items else default

    def row(self, kb_id: str) -> Optional[list]:
        """The stored row of an actor not yet made (None when absent or already made)."""
        item = self._items.get(kb_id)
        return item if type(item) is list else None

    def __contains__(self, kb_id: object) -> bool:
        return kb_id in self._items

    def __setitem__(self, kb_id: str, actor: KBActor) -> None:
        self._items[kb_id] = actor

    def __delitem__(self, kb_id: str) -> None:
        del self._items[kb_id]

    def __iter__(self) -> Iterator[str]:
        return iter(self._items)

    def __len__(self) -> int:
        return len(self._items)

    def named_codes(self, kind: str) -> Iterator[tuple[str, Optional[str]]]:
        """(name, code of the last role) of every actor of `kind`, without making the actors."""
        for item in self._items.values():
            if type(item) is list:
                if item[2] == kind:
                    yield item[1], item[4][-1][0] if item[4] else None
            elif item.kind == kind:  # type: ignore[union-attr]
                yield item.name, item.roles[-1].code if item.roles else None  # type: ignore[union-attr]

    def names_by_kind(self, kind: str) -> Iterator[tuple[str, tuple[str, ...]]]:
        """(id, names) of every actor of `kind`, without making the actors."""
        for kb_id, item in self._items.items():
            if type(item) is list:
                if item[2] == kind:
                    yield kb_id, item[3]
            elif item.kind == kind:  # type: ignore[union-attr]
                yield kb_id, item.names  # type: ignore[union-attr]


@dataclass(frozen=True)
class Agent:
    """An agent word or phrase ("foreign minister", "protesters") and the role it gives."""

    phrase: str  # name key of the singular
    code: str  # "~GOV": appended to a country; "IGO~": put in front
    plural: bool = False

    @property
    def sector(self) -> Optional[str]:
        code = self.code.strip("~")
        if code[:3] in RELIGIONS and code[3:6] in ROLE_SECTORS and KB_RULES.enabled(ROLE_AFTER_RELIGION):
            return code[3:6]  # "~MUSUAF", an Islamic militant: armed, of that faith
        return code[:3] or None


@dataclass
class KnowledgeBase:
    actors: LazyActors = field(default_factory=LazyActors)  # KB id -> KBActor, made when first asked for
    by_name: dict[str, tuple[str, ...]] = field(default_factory=dict)  # name key -> KB ids
    agents: dict[str, Agent] = field(default_factory=dict)  # name key (sing. or plural) -> agent
    max_name_words: int = 1
    overlays: tuple[str, ...] = ()
    offices: RoleTable = field(default_factory=RoleTable)  # who held which office when (roles.py)
    sources: list[dict] = field(default_factory=list)  # provenance and licence of each dataset
    _first_words: Optional[set[str]] = None
    _surnames: Optional[dict[str, tuple[str, ...]]] = None
    _institution_roles: Optional[frozenset[str]] = None
    _name_word_sectors: Optional[dict[str, str]] = None
    _party_name_words: Optional[frozenset[str]] = None

    @property
    def party_name_words(self) -> frozenset[str]:
        """Words the names of parties of at least PARTY_WORD_STATES states use, learned from the KB's
        own parties (their names as the KB gives them): "communist", "democratic", "labour", "people's",
        "party", "front". A party's name made of these words only ("Communist Party", "Democratic
        Alliance") is a kind of party many states have, which Party Facts' English short names give to
        one of them (Sweden's "Communist Party"). Rule common-party-name (story_names.py) reads it."""
        if self._party_name_words is None:
            states: dict[str, set[str]] = {}
            for name, code in self.actors.named_codes("organization"):
                country, sector, _ = split_code(code) if code else (None, None, None)
                if sector != "PTY" or country is None:
                    continue
                for word in set(name_key(name).replace("-", " ").split()):
                    states.setdefault(word, set()).add(country)
            self._party_name_words = frozenset(w for w, c in states.items() if len(c) >= PARTY_WORD_STATES)
        return self._party_name_words

    @property
    def name_word_sectors(self) -> dict[str, str]:
        """Words of organisations' names -> the sector they say, learned from the KB's own
        organisations: a word (alphabetic, four letters or more, no KB name of its own: "china" is one)
        in the names of at least NAME_WORD_MIN organisations with a sector, at least NAME_WORD_SHARE of
        which have the same one ("liberation" REB 90 of 110, "revolutionary" REB, "foundation" NGO,
        "democratic" PTY, "corporation" BUS); not a bound prefix (NAME_WORD_PREFIXES: "anti") nor a
        word the agents file gives another sector ("army" MIL). Rule name-word-sector (stage.py) reads it."""
        if self._name_word_sectors is None:
            counts: dict[str, dict[str, int]] = {}
            for name, code in self.actors.named_codes("organization"):
                sector = split_code(code)[1] if code else None
                if sector is None:
                    continue
                for word in set(name_key(name).replace("-", " ").split()):
                    if word.isalpha() and len(word) >= 4 and word not in NAME_WORD_PREFIXES:
                        by_sector = counts.setdefault(word, {})
                        by_sector[sector] = by_sector.get(sector, 0) + 1
            table = {}
            for word, by_sector in counts.items():
                total = sum(by_sector.values())
                sector, n = max(by_sector.items(), key=lambda kv: (kv[1], kv[0]))
                if total >= NAME_WORD_MIN and n >= NAME_WORD_SHARE * total and word not in self.by_name:
                    if self._agent_says_otherwise(word, sector):
                        continue
                    table[word] = sector
            self._name_word_sectors = table
        return self._name_word_sectors

    def _agent_says_otherwise(self, word: str, sector: str) -> bool:
        """Whether the agents file codes `word` with a sector other than `sector`: it is the authority
        on its words ("army" is MIL there; counted in the KB's names it was REB, from the liberation
        armies, which made an unknown "Army Aviation Command" a rebel group)."""
        agent = self.agents.get(word)
        return agent is not None and agent.sector is not None and agent.sector != sector

    @property
    def institution_roles(self) -> frozenset[str]:
        """Agent words for a role whose sector the institution named before it decides, learned from
        the agents file's own compounds: "leader" is GOV, but its file codes "opposition leader" OPP,
        "business leader" BUS, "rebel leader" REB; "spokesman" is MED, but "military spokesman" MIL and
        "government spokesman" GOV. A role qualifies when, of its compounds "<agent> <role>" whose
        agent has another sector, at least two take the agent's sector, none the role's own, and more
        take the agent's than a third one. A faith before the role ("Muslim cleric") names no
        institution and is not counted. Rule institution-before-role (mentions.py) reads it."""
        if self._institution_roles is None:
            self._institution_roles = frozenset(_roles_institutions_decide(self.agents))
        return self._institution_roles

    @property
    def first_words(self) -> set[str]:
        """Name keys' possible first tokens: a cheap test before trying every span at a token."""
        if self._first_words is None:
            words: set[str] = set()
            for key in self.by_name:
                words |= first_word_keys(key)
            for key in self.agents:
                words |= first_word_keys(key)
            self._first_words = words
        return self._first_words

    @property
    def surnames(self) -> dict[str, tuple[str, ...]]:
        """Last word of every multi-word name of a KB person -> those persons ("kishida" ->
        fumio_kishida), for a surname the dictionaries do not list on its own. A word that is a
        KB name or an agent in its own right, a particle or a two-letter word is left out; "al-"/"el-"
        surnames also go without their particle ("el-sisi", "sisi")."""
        if self._surnames is None:
            index: dict[str, set[str]] = {}
            for kb_id, names in self.actors.names_by_kind("person"):
                for name in names:
                    words = name.split()
                    if len(words) < 2:
                        continue
                    last = words[0] if family_name_first(words) else words[-1]
                    forms = {last}
                    for particle in ("al-", "el-", "ul-", "ad-", "as-", "ash-", "an-", "bin-"):
                        if last.startswith(particle) and len(last) > len(particle) + 2:
                            forms.add(last[len(particle) :])
                    for form in forms:
                        if (
                            len(form) > 2
                            and form not in SURNAME_STOP
                            and form not in self.by_name
                            and form not in self.agents
                            and form.replace("-", "").isalpha()
                        ):
                            index.setdefault(form, set()).add(kb_id)
            self._surnames = {k: tuple(sorted(v)) for k, v in index.items()}
        return self._surnames

    def by_surname(self, word: str, day: Optional[str]) -> Optional[KBActor]:
        """The one KB person with this surname and a role on `day`, else the only KB person with it
        at all (None when there are several: "Kim" or "Lee" alone says nobody)."""
        ids = self.surnames.get(name_key(word), ())
        dated = [self.actors[i] for i in ids if self.actors[i].role_on(day) is not None]
        if len(dated) > 1:
            # a sitting office holder is the one the news means by a bare surname, not a former one
            # ("Orban" in 2024: Hungary's prime minister, not Romania's former one, coded ELI)
            dated = [a for a in dated if not split_code(a.role_on(day).code)[1] == "ELI"] or dated
        if len(dated) == 1:
            return dated[0]
        return self.actors[ids[0]] if len(ids) == 1 and not dated else None

    # ---- lookups -------------------------------------------------------------------------
    def lookup(self, name: str) -> list[KBActor]:
        """Every KB actor that goes by `name` (any case or spelling of quotes and hyphens)."""
        return [self.actors[i] for i in self.by_name.get(name_key(name), ())]

    def agent(self, phrase: str) -> Optional[Agent]:
        return self.agents.get(name_key(phrase))

    def role_on(self, kb_id: str, day: Optional[str]) -> Optional[Role]:
        actor = self.actors.get(kb_id)
        return actor.role_on(day) if actor else None

    def describe(self, kb_id: str, day: Optional[str]) -> dict:
        """What the KB says about one actor on one day (for `diurna actors lookup`)."""
        actor = self.actors[kb_id]
        role = actor.role_on(day)
        country, sector, code = split_code(role.code) if role else (None, None, None)
        offices = self.offices.terms_of(kb_id)
        return {
            "offices_on_date": [{"country": t.country, "office": t.office} for t in offices if t.holds_on(day or "")],
            "offices": [
                {"country": t.country, "office": t.office, "from": t.start, "until": t.end, "precision": t.precision}
                for t in offices
            ],
            "kb_id": actor.id,
            "name": actor.name,
            "kind": actor.kind,
            "date": day,
            "code": code,
            "country": country,
            "sector": sector,
            "roles": [{"code": r.code, "from": r.start, "until": r.end} for r in actor.roles],
            "names": list(actor.names),
            "source": actor.source,
        }

    # ---- building --------------------------------------------------------------------------
    def add(self, actor: KBActor) -> None:
        old = self.actors.get(actor.id)
        if old is not None:
            for key in old.names:
                self._unindex(key, old.id)
        self.actors[actor.id] = actor
        for key in actor.names:
            ids = self.by_name.get(key, ())
            if actor.id not in ids:
                self.by_name[key] = ids + (actor.id,)
            self.max_name_words = max(self.max_name_words, len(key.split()))
        self._first_words = None
        self._surnames = None
        self._name_word_sectors = self._party_name_words = None  # counted over the organisations

    def _unindex(self, key: str, kb_id: str) -> None:
        ids = tuple(i for i in self.by_name.get(key, ()) if i != kb_id)
        if ids:
            self.by_name[key] = ids
        else:
            self.by_name.pop(key, None)

    def add_agent(self, phrase: str, code: str, plural: Optional[str]) -> None:
        key = name_key(phrase)
        self.agents[key] = Agent(key, code, False)
        if plural:
            pkey = name_key(plural)
            if pkey not in self.agents or self.agents[pkey].plural:
                self.agents[pkey] = Agent(key, code, True)
        self.max_name_words = max(self.max_name_words, len(key.split()))
        self._first_words = None
        self._surnames = None
        self._institution_roles = self._name_word_sectors = None  # both read the agents

    def remove_agent(self, phrase: str, plural: Optional[str]) -> None:
        for form in (phrase, plural):
            if form:
                self.agents.pop(name_key(form), None)
        self._institution_roles = self._name_word_sectors = None

    # ---- (de)serialisation -------------------------------------------------------------------
    def to_json(self) -> dict:
        return {
            "format": KB_FORMAT,
            "actors": [
                [
                    a.id,
                    a.name,
                    a.kind,
                    list(a.names),
                    [[r.code, r.start, r.end] for r in a.roles],
                    list(a.cities),
                    a.source,
                ]
                for a in self.actors.values()
            ],
            "agents": [[key, a.phrase, a.code, a.plural] for key, a in self.agents.items()],
            # The name index is stored rather than rebuilt: it halves the load time.
            "by_name": {key: list(ids) for key, ids in self.by_name.items()},
            "max_name_words": self.max_name_words,
            "offices": [t.to_row() for t in self.offices.terms],
            "hog_abolished": self.offices.hog_abolished,
            "sources": self.sources,
        }

    @classmethod
    def from_json(cls, data: dict) -> "KnowledgeBase":
        if data.get("format") != KB_FORMAT:
            raise ValueError(
                "actor KB has format %r, this diurna reads %d: rebuild it with scripts/build_kb.py"
                % (data.get("format"), KB_FORMAT)
            )
        kb = cls()
        kb.actors = LazyActors(data["actors"])
        kb.by_name = {key: tuple(ids) for key, ids in data["by_name"].items()}
        kb.max_name_words = data["max_name_words"]
        for key, phrase, code, plural in data["agents"]:
            kb.agents[key] = Agent(phrase, code, plural)
            kb.max_name_words = max(kb.max_name_words, len(key.split()))
        kb.offices = RoleTable(
            [OfficeTerm.from_row(row) for row in data.get("offices", ())], dict(data.get("hog_abolished", {}))
        )
        kb.sources = list(data.get("sources", ()))
        return kb

    @classmethod
    def load(cls, path: Path = KB_FILE, overlays: Optional[Iterable[Path]] = None) -> "KnowledgeBase":
        """The built KB with overlays applied: the shipped one, then `$DIURNA_ACTORS_OVERLAY`, unless
        `overlays` is given explicitly."""
        from diurna.actors.overlay import apply_overlay, read_overlay

        if not path.is_file():
            raise RuntimeError(
                "actor knowledge base %s is missing; build it with "
                "`python scripts/build_kb.py` (see docs/actors.md)" % path
            )
        with gzip.open(path, "rb") as f:  # bytes: json decodes UTF-8 itself, faster than a text stream
            raw = f.read()
        # The file is about a million lists and strings, none of them in a reference cycle. With the
        # cycle collector on, each batch of new containers makes it walk the earlier ones, and every
        # later full collection of the process walks them all again: together more than doubled the
        # load time (0.6 -> 1.3-1.9 CPU s, loaded machine). So the collector is off while they are
        # made, and `gc.freeze()` then moves them (with whatever else is alive) to the permanent
        # generation, which collections skip; nothing in them could be collected anyway.
        collecting = gc.isenabled()
        gc.disable()
        try:
            kb = cls.from_json(json.loads(raw))
        finally:
            gc.freeze()
            if collecting:
                gc.enable()
        if KB_RULES.enabled(ROLES_END_WITH_DATED_OFFICES):
            close_roles_the_offices_end(kb)
        if KB_RULES.enabled(NO_PARTY_IS_NO_ACTOR):
            drop_no_party_entries(kb)
        for overlay in default_overlays() if overlays is None else list(overlays):
            apply_overlay(kb, read_overlay(Path(overlay)))
            kb.overlays += (str(overlay),)
        return kb


# The rules the KB applies to its built file as it loads (the actor stage's own rules are in
# diurna/actors/rules.py; these run once per process, before any article, so they have their own set:
# switched off with DIURNA_ACTOR_KB_RULES_OFF=name or `KB_RULES.switched_off(name)` around a load).
KB_RULES = RuleSet("actor KB rule", env="DIURNA_ACTOR_KB_RULES_OFF")
ROLES_END_WITH_DATED_OFFICES = KB_RULES.register(
    "roles-end-with-dated-offices",
    "a dictionary role 'FRDGOV from 1990' of a president whose dated term ended in 2009: FRDGOV until 2009",
    "the Phoenix dictionaries stop about 2015 and leave a sitting leader's government role open, so "
    "without it a leader ousted later is still coded as the government; an end inferred from a "
    "successor ends the role only where the successor's start is known to the day",
)


def _roles_institutions_decide(agents: dict[str, Agent]) -> set[str]:
    """The agent keys `KnowledgeBase.institution_roles` describes (counted over the agents file)."""
    votes: dict[str, list[int]] = {}  # role key -> [modifier's sector, role's own, another]
    for key, agent in agents.items():
        words = key.split()
        for cut in range(1, len(words)):
            modifier, role = agents.get(" ".join(words[:cut])), agents.get(" ".join(words[cut:]))
            if modifier is None or role is None or modifier.sector in RELIGIONS:
                continue
            if not modifier.sector or not role.sector or modifier.sector == role.sector:
                continue
            count = votes.setdefault(" ".join(words[cut:]), [0, 0, 0])
            count[0 if agent.sector == modifier.sector else 1 if agent.sector == role.sector else 2] += 1
    return {role for role, (mod, own, other) in votes.items() if mod >= 2 and own == 0 and mod > other}


ROLE_AFTER_RELIGION = KB_RULES.register(
    "role-after-religion",
    "the agent 'Islamic militant' [~MUSUAF]: sector UAF, not MUS",
    "a CAMEO agent code names the faith first and the role after it (MUSUAF, BUDEDU, MUSHLH); the "
    "sector is what the actor does, so that the story gives an armed group its country as it gives "
    "'militants' theirs (a religion code is no sector the country rules know)",
)


NO_PARTY_IS_NO_ACTOR = KB_RULES.register(
    "no-party-is-no-actor",
    "Party Facts' 'Shi'ite Religious [no-party]' (Kuwait), short name \"Shi'ite\": not in the KB",
    "Party Facts lists groupings that are no party ('[no-party]': independents, candidates' lists, "
    "factions of a parliament) beside the parties, and their short names are common words ('Shi'ite', "
    "'opposition', 'majorite'): read as a party's name they gave any Shi'ite group the code of a "
    "Kuwaiti party",
)
# how Party Facts marks a grouping that is no party (one entry misspells it)
NO_PARTY_MARKS = ("[no-party]", "[no-patrty]")


def drop_no_party_entries(kb: KnowledgeBase) -> int:
    """Remove the Party Facts entries marked as no party, and their names (rule no-party-is-no-actor).
    Build time (enrich's Party Facts reader) is the one place for this; it runs here until the KB is
    next rebuilt. Returns how many entries it removed."""
    dropped = []
    for kb_id in [k for k in kb.actors if k.startswith("pf_")]:
        row = kb.actors.row(kb_id)
        name, names = (row[1], row[3]) if row is not None else (kb.actors[kb_id].name, kb.actors[kb_id].names)
        if any(mark in name.lower() for mark in NO_PARTY_MARKS):
            dropped.append((kb_id, names))
    for kb_id, names in dropped:
        del kb.actors[kb_id]
        for key in names:
            ids = tuple(x for x in kb.by_name.get(key, ()) if x != kb_id)
            if ids:
                kb.by_name[key] = ids
            else:
                kb.by_name.pop(key, None)
    if dropped:
        kb._first_words = kb._surnames = None
    return len(dropped)


def close_roles_the_offices_end(kb: KnowledgeBase) -> int:
    """End the dictionaries' open-ended government roles where the dated offices say the person left.

    The Phoenix dictionaries stop about 2015 and write a sitting leader's role with no end
    ("BFAGOV from 1987-10-15", Blaise Compaore): it goes on holding after the term the dated
    sources end (Compaore fell on 2014-10-31), so a 2015 story, or a 2019 one about Mugabe, coded
    the ousted leader as the government. For a person every one of whose office terms has ended, an
    open `<country>GOV` role of a country they held office in, begun before their last term ended, is
    ended with it; what the dictionaries code them as afterwards (a bare `ELI`, an IGO post begun
    later) then holds, or the article's own words do. A role begun after the last term is another
    office the data does not know and stays open. Runs on the built file before the overlays (which
    replace roles and stay as written). Returns how many actors it changed.

    Only a last end some source dates counts, or the day-precise start of a successor in the same
    office: where the last term's end is only inferred from a successor known only to the year
    (`OfficeTerm.seen` set, see enrich._seen), the role stays open. Build time (enrich.add_office_holders) would be the one place
    for this; it runs here until the KB is next rebuilt (the rebuild needs every dated source laid
    out by scripts/kb_sources.py). Rule `roles-end-with-dated-offices`."""
    last_end: dict[str, str] = {}
    codes: dict[str, set[str]] = {}
    still_in_office: set[str] = set()
    dated_ends: dict[str, set[str]] = {}
    for term in kb.offices.terms:
        if term.end is None:
            still_in_office.add(term.kb_id)
            continue
        if term.end > last_end.get(term.kb_id, ""):
            last_end[term.kb_id] = term.end
        # a source dates this end, or a successor took the same office on a known day (Mnangagwa
        # sworn in on 2017-11-24 ends Mugabe's term); an end inferred from a successor known only to
        # the year ends nothing
        if not term.seen or term.precision[1] == "d":
            dated_ends.setdefault(term.kb_id, set()).add(term.end)
        codes.setdefault(term.kb_id, set()).add(term.country + "GOV")
    changed = 0
    for kb_id, end in last_end.items():
        if kb_id in still_in_office or end not in dated_ends.get(kb_id, ()):
            continue
        if kb_id not in kb.actors:
            continue
        row = kb.actors.row(kb_id)  # the stored row: making every office holder's actor costs 0.3 s
        roles = [tuple(r) for r in row[4]] if row is not None else [astuple(r) for r in kb.actors[kb_id].roles]
        if not any(_open_before(r, codes[kb_id], end) for r in roles):
            continue
        closed = tuple(Role(r[0], r[1], end) if _open_before(r, codes[kb_id], end) else Role(*r) for r in roles)
        actor = kb.actors[kb_id]
        kb.actors[kb_id] = KBActor(actor.id, actor.name, actor.kind, actor.names, closed, actor.cities, actor.source)
        changed += 1
    return changed


def _open_before(role: tuple, codes: set[str], end: str) -> bool:
    """An open-ended role (code, start, None) of one of `codes` begun before `end`."""
    code, start, role_end = role
    return role_end is None and code in codes and (start is None or start < end)


def default_overlays() -> list[Path]:
    """The hand overlay, the learned agent sectors, then the user's overlays."""
    learned = os.environ.get(LEARNED_AGENTS_ENV)
    learned_path = [LEARNED_AGENTS] if learned is None else [Path(learned)] if learned.strip() else []
    extra = [Path(p) for p in os.environ.get(OVERLAY_ENV, "").split(os.pathsep) if p.strip()]
    return [SHIPPED_OVERLAY, *learned_path, *extra]


@functools.lru_cache(maxsize=1)
def default_kb() -> KnowledgeBase:
    """The KB with the default overlays, loaded once per process."""
    return KnowledgeBase.load()


def roles_on(kb_id: str, date: Optional[str]) -> list[OfficeTerm]:
    """The offices (head of state, foreign minister...) KB actor `kb_id` held on `date` (ISO;
    None = today), with their country and how precisely the data dates them. The actor stage's
    CAMEO code comes from `role_on`; this says which office lies behind a `GOV` code."""
    return default_kb().offices.roles_on(kb_id, date)


def role_on(kb_id: str, date: Optional[str]) -> Optional[Role]:
    """The role (CAMEO code and its dates) that KB actor `kb_id` held on `date` (ISO; None = today).

    Later stages call this with an event's own date when it differs from the publication date
    the actor stage used (records.md: an actor's role is the one held on the event's date).
    """
    return default_kb().role_on(kb_id, date)
