"""An actor as the resolver assembles it from an article's mentions, and the name keys by which a
later mention finds it again."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Optional

from diurna.actors.codes import join_code, single_country, split_code
from diurna.actors.kb import KBActor, family_name_first, name_key
from diurna.actors.mentions import is_capitalised
from diurna.actors.phoenix import Role
from diurna.actors.rules import enabled, register
from diurna.actors.words import HANDLE_PREFIXES, HONORIFICS, is_acronym


@dataclass
class DraftActor:
    """An actor being assembled from the article's mentions."""

    key: str
    kind: str
    kb: Optional[KBActor] = None
    country: Optional[str] = None
    sector: Optional[str] = None
    code: Optional[str] = None
    names: list[str] = field(default_factory=list)  # name texts seen, in order
    name_keys: set[str] = field(default_factory=set)  # keys a later short form may match
    titles: set[str] = field(default_factory=set)  # agent words ("president")
    descriptions: list[str] = field(default_factory=list)  # description texts, for a generic name
    heads: set[str] = field(default_factory=set)  # head lemmas of its descriptions ("army")
    mentions: list[tuple[int, int, str]] = field(default_factory=list)  # token start, end, how
    decided_by: list[str] = field(default_factory=list)  # per mention, the attach rule that chose this actor
    gender: Optional[str] = None
    plural: bool = False
    last_sentence: int = -1
    last_sentence_outside_quotes: int = -1  # a pronoun in the article's own voice looks at these
    last_token_outside_quotes: int = -1
    subject_sentences: set[int] = field(default_factory=set)
    main_subject_sentences: set[int] = field(default_factory=set)  # subject of the main clause (the speaker)
    title_country: Optional[str] = None  # what titles said, for a KB actor with no role on the day
    title_sector: Optional[str] = None
    prefix: Optional[str] = None  # code prefix of a stateless people ("KUR" for "Kurdish forces")
    acronyms: set[str] = field(default_factory=set)  # "RSF" for "Rapid Support Forces (RSF)"

    def names_lower(self) -> set[str]:
        return {name_key(n) for n in self.names}


KB_HOME_COUNTRY = register(
    "kb-home-country",
    "National Security Adviser John Bolton warned Caracas on Friday.",
    "A KB actor with no role on the article's day (the KB's roles of Bolton end in 2006), whose "
    "titles give no country, is still of the one "
    "country all its known roles are in: a role missing from the data (a later post, a return to "
    "office) does not make a statesman stateless.",
)


TITLE_OUT_OF_OFFICE = register(
    "title-out-of-office",
    "Former Kyrgyz President Almazbek Atambayev was arrested at his compound outside Bishkek.",
    "A KB person whose role on the day is a state office (GOV, LEG; Atambayev's presidency runs to 2020 "
    "in the KB) but whom the article calls out of "
    "it ('former president', 'opposition leader') is coded as the article says (ELI, OPP): the article "
    "knows of a change the KB's dates miss or a claim it records as an office (Guaido's interim "
    "presidency). The country stays the role's, unless the title names another.",
)
OUT_OF_OFFICE_SECTORS = frozenset({"ELI", "OPP"})
STATE_OFFICE_SECTORS = frozenset({"GOV", "LEG"})


def out_of_office(actor: DraftActor, country: Optional[str], sector: Optional[str]) -> Optional[str]:
    """Rule title-out-of-office: the sector the article's titles give a KB person whose role on the
    day (country, sector) is a state office it says they no longer hold, else None."""
    if actor.kind != "person" or sector not in STATE_OFFICE_SECTORS or not enabled(TITLE_OUT_OF_OFFICE):
        return None
    if actor.title_sector not in OUT_OF_OFFICE_SECTORS:
        return None
    if actor.title_country is not None and country is not None and actor.title_country != country:
        return None
    return actor.title_sector


def role_coding(actor: DraftActor, role: Role) -> tuple[Optional[str], Optional[str], Optional[str]]:
    """(country, sector, code) of a KB actor's role on the day, the sector past if the article says
    so (rule title-out-of-office)."""
    country, sector, code = split_code(role.code)
    past = out_of_office(actor, country, sector)
    return (country, past, join_code(country, past)) if past else (country, sector, code)


def kb_coded(actor: DraftActor, day: Optional[str]) -> tuple[Optional[str], Optional[str]]:
    """(country, sector) of a KB actor as it will be coded on the day: its role then (rule
    title-out-of-office: past, if the article says so), else what its titles said."""
    role = actor.kb.role_on(day) if actor.kb is not None else None
    if role is None:
        return coded_without_role(actor)
    country, sector, _ = role_coding(actor, role)
    return country, sector


def coded_without_role(actor: DraftActor) -> tuple[Optional[str], Optional[str]]:
    """(country, sector) of a KB actor with no role on the day: what its titles said, the country
    completed by rule kb-home-country."""
    country, sector = actor.title_country, actor.title_sector
    if country is None and actor.kb is not None and enabled(KB_HOME_COUNTRY):
        country = single_country(role.code for role in actor.kb.roles)
    return country, sector


def handle_name(handle: str) -> Optional[tuple[list[str], str]]:
    """The name words a handle spells in camel case without its prefix word ('@realDonaldTrump' ->
    ['Donald', 'Trump']; none for '@marcorubio') and its compact lower-case form without the prefix
    ('donaldtrump', 'marcorubio')."""
    body = handle.lstrip("@").replace("_", "")
    if not body:
        return None
    words = re.findall(r"[A-Z][a-z]+|[a-z]+|[A-Z]+(?![a-z])|\d+", body)
    if len(words) > 1 and words[0].lower() in HANDLE_PREFIXES:
        words = words[1:]
    compact = body.lower()
    for prefix in HANDLE_PREFIXES:
        if compact.startswith(prefix) and len(compact) - len(prefix) >= 6:
            compact = compact[len(prefix) :]
            break
    named = [w for w in words if w[:1].isupper()] if len(words) >= 2 and all(w[:1].isupper() for w in words) else []
    return named, compact


def surname_only(name: str) -> Optional[str]:
    """The key of a name that is one word after any honorific ('Mr. Zuckerberg' -> 'zuckerberg')."""
    words = [w for w in name_key(name).split() if w.rstrip(".") not in HONORIFICS]
    return words[0] if len(words) == 1 else None


def compact_name(name: str) -> str:
    return re.sub(r"[^a-z0-9]", "", name.lower())


def short_forms(span) -> set[str]:
    """Keys a later mention of the same name may use: the whole name, the surname, and the surname
    with its particle ("al-Aruri", "Aruri" for "Salah al-Aruri")."""
    forms = {name_key(span.text)}
    words = name_key(span.text).split()
    for k in (3, 2):
        if len(words) >= k and family_name_first(words[-k:]):
            forms.add(words[-k])  # "Yoon" for "Yoon Suk Yeol", "Xi" for "President Xi Jinping"
            return forms
    if len(words) >= 2 and is_capitalised(span[-1]):
        forms.add(words[-1])
        if len(words) >= 4:  # "Lopez Obrador" for "Andres Manuel Lopez Obrador"
            forms.add(" ".join(words[-2:]))
        last = words[-1]
        if "-" in last:
            forms.add(last.split("-", 1)[1])
    return forms


# Words an organisation's initials skip ("Economic Community of West African States").
_INITIALS_SKIP = frozenset({"of", "the", "and", "for", "in", "on", "de", "du", "des", "la", "le", "al", "&"})


def acronyms_of(span) -> set[str]:
    """The acronyms a name gives: itself when it is one, the initials of its capitalised words
    ("RSF" for "Rapid Support Forces"), and one the text defines after it in parentheses
    ("Economic Community of West African States (ECOWAS)")."""
    out = set()
    words = [t for t in span if t.is_alpha]
    if len(words) == 1 and is_acronym(words[0].text):
        out.add(words[0].text)
    content = [t for t in words if t.lower_ not in _INITIALS_SKIP]
    if len(content) >= 2 and all(is_capitalised(t) for t in content):
        out.add("".join(t.text[0] for t in content).upper())
    doc, end = span.doc, span.end
    if end + 2 < len(doc) and doc[end].text == "(" and doc[end + 2].text == ")" and is_acronym(doc[end + 1].text):
        out.add(doc[end + 1].text)
    return out
