"""Add office holders, armed groups and parties from the public datasets to the Phoenix-built KB.

Office holders (`add_office_holders`): every person in the Wikidata terms becomes a KB person whose
CAMEO roles are `<country>GOV` during each term in their home country (then `<country>ELI` from a
dated end, as Phoenix codes people out of office); a person the Phoenix files already list under that name and
country keeps its id and gets the dated roles in front of its own, so the first role holding on a
day (the KB's rule) is the one the data dates. Every term also goes into the KB's `RoleTable`, which
says which office (head of state, foreign minister...) it was.

Groups and parties (`add_groups`): a new KB organisation per entry, unless one of its names is
already a KB actor's (Phoenix's coding of Hamas or the Taliban stays).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from typing import Iterable, Optional

from diurna.actors.codes import split_code
from diurna.actors.groups import GroupEntry
from diurna.actors.kb import KBActor, KnowledgeBase, name_key
from diurna.actors.phoenix import Role
from diurna.actors.roles import OfficeTerm, RoleTable
from diurna.actors.wikidata import RawTerm

# Names longer than this are formal styles news does not write ("Tuanku Ahmad Shah al-Mustain Billah
# ibni al-Marhum Sultan Abu Bakar..."); each word of the longest name is a span the actor stage tries
# at every capitalised token, so they are left out.
MAX_NAME_WORDS = 8

# The British monarch is head of state of the other Commonwealth realms too (Canada, Jamaica...):
# coded as the UK's, the country the monarch's acts in news are about.
PERSONAL_UNION_HOME = "GBR"


@dataclass
class EnrichReport:
    persons_new: int = 0
    persons_merged: int = 0
    persons_unnamed: int = 0
    terms: int = 0
    groups_added: int = 0
    group_names_taken: int = 0


def name_variants(name: str) -> list[str]:
    """Name keys a person's label may appear as: as written, without accents ("Felix Tshisekedi"),
    without a title after a comma, with a hyphenated given name spaced ("Yoon Suk Yeol")."""
    forms = [name.split(",")[0].strip(), name.strip()]
    out: list[str] = []
    for form in forms:
        for variant in (form, _ascii(form)):
            for v in (variant, variant.replace("-", " ") if _hyphen_in_given_name(variant) else variant):
                key = name_key(v)
                if key and key not in out and len(key.split()) <= MAX_NAME_WORDS:
                    out.append(key)
    return out


def _ascii(text: str) -> str:
    return unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()


def _hyphen_in_given_name(name: str) -> bool:
    """Korean given names are written "Suk-yeol" or "Suk Yeol"; a hyphenated surname ("Persad-
    Bissessar") is not split, so only a hyphen in the last word of a three-part name counts."""
    words = name.split()
    return len(words) >= 2 and "-" in words[-1] and len(words[-1]) <= 12 and len(words) <= 3


def _home_country(terms: list[RawTerm]) -> str:
    """The country a person's CAMEO code names: where most of their terms are, day-dated terms
    counting double (a president who is also a co-prince of Andorra is French)."""
    score: dict[str, int] = {}
    for t in terms:
        score[t.country] = score.get(t.country, 0) + (2 if t.precision[0] == "d" else 1)
    best = max(score.values())
    tied = sorted(c for c, s in score.items() if s == best)
    if len(tied) > 1 and PERSONAL_UNION_HOME in tied:
        return PERSONAL_UNION_HOME
    return tied[0]


def _existing_person(kb: KnowledgeBase, names: list[str], country: str) -> Optional[KBActor]:
    """The one KB person going by one of `names` whose roles name `country` (or no country)."""
    found: dict[str, KBActor] = {}
    for key in names:
        for actor in kb.lookup(key):
            if actor.kind != "person":
                continue
            countries = {split_code(r.code)[0] for r in actor.roles} - {None}
            if not countries or country in countries:
                found[actor.id] = actor
    return next(iter(found.values())) if len(found) == 1 else None


def _new_id(kb: KnowledgeBase, name: str, qid: str) -> str:
    from diurna.actors.build import slug

    base = slug(_ascii(name)) if name else ""
    if base and base not in kb.actors:
        return base
    return (base + "_" if base else "wd_") + re.sub(r"[^a-z0-9]+", "_", qid.lower())


def add_office_holders(
    kb: KnowledgeBase,
    terms: Iterable[RawTerm],
    report: EnrichReport,
    spellings: Optional[dict[str, list[str]]] = None,
) -> RoleTable:
    """`spellings`: every name the sources give each person (merged terms keep one): all are names
    the person goes by ("Juan Orlando Hernández" and "Juan Orlando Hernández Alvarado")."""
    table = RoleTable()
    by_person: dict[str, list[RawTerm]] = {}
    for term in terms:
        by_person.setdefault(term.qid, []).append(term)
    for qid in sorted(by_person, key=_qid_order):
        person_terms = sorted(by_person[qid], key=lambda t: (t.start or "", t.office))
        name = next((t.name for t in person_terms if t.name), "")
        home = _home_country(person_terms)
        roles = tuple(dict.fromkeys(Role(home + "GOV", t.start, t.end) for t in person_terms if t.country == home))
        names = tuple(name_variants(name)) if name else ()
        old = _existing_person(kb, list(names), home) if names else None
        for other in (spellings or {}).get(qid, ()):
            names = tuple(dict.fromkeys(names + tuple(name_variants(other))))
        source = "wikidata:" + qid
        if old is not None:
            merged_roles = roles + tuple(r for r in old.roles if r not in roles)
            kb.add(
                KBActor(
                    old.id,
                    old.name,
                    "person",
                    tuple(dict.fromkeys(old.names + names)),
                    merged_roles,
                    old.cities,
                    old.source + "+" + source,
                )
            )
            kb_id = old.id
            report.persons_merged += 1
        else:
            kb_id = _new_id(kb, name, qid)
            kb.add(KBActor(kb_id, name or qid, "person", names, roles + _after_office(home, person_terms), (), source))
            report.persons_new += 1
            report.persons_unnamed += not names
        for t in person_terms:
            table.add(OfficeTerm(t.country, t.office, kb_id, name, t.start, t.end, t.precision, t.source, _seen(t)))
            report.terms += 1
    return table


def _qid_order(qid: str) -> tuple:
    """Wikidata ids by number ("Q57438"), then the Factbook's own ids ("fb:GBR:keir_starmer")."""
    return (0, int(qid[1:]), "") if qid[1:].isdigit() else (1, 0, qid)


def _after_office(home: str, terms: list[RawTerm]) -> tuple[Role, ...]:
    """`<country>ELI` from the day the data says the person's last term ended (as Phoenix codes
    people out of office). Nothing before the first term, nor after an end only inferred from a
    successor: there the article's own words ("President X") code the person, not a guess."""
    home_terms = [t for t in terms if t.country == home]
    if not home_terms or any(t.end is None for t in home_terms):
        return ()
    last_end = max(t.end or "" for t in home_terms)
    dated = any(t.end == last_end and not t.end_inferred for t in home_terms)
    return (Role(home + "ELI", last_end),) if dated else ()


def _seen(term: RawTerm) -> str:
    from diurna.actors.wikidata import NEWEST

    if (term.end is not None and not term.end_inferred) or term.seen == NEWEST:
        return ""  # the data dates its end, or it is open in the newest list (dated by no commit)
    return term.seen


def add_groups(kb: KnowledgeBase, entries: Iterable[GroupEntry], report: EnrichReport) -> None:
    for entry in entries:
        keys = [k for k in dict.fromkeys(name_key(n) for n in entry.names) if k and len(k.split()) <= MAX_NAME_WORDS]
        if not keys:
            continue
        if any(k in kb.by_name or k in kb.agents for k in keys) or entry.key in kb.actors:
            report.group_names_taken += 1  # the KB already knows it (or the name is a common word)
            continue
        kb.add(KBActor(entry.key, entry.name, entry.kind, tuple(keys), (Role(entry.code),), (), entry.source))
        report.groups_added += 1
