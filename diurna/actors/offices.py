"""Which office a position label names: head of state, head of government, foreign or defence
minister, another cabinet member, or none of those (a speaker, a judge, a regional premier).

The cabinet lists the knowledge base is built from (Wikidata, through EveryPolitician's per-country
exports) name positions as the country writes them: "Prime Minister", "Taoiseach", "Chairman of the
Presidency", "Minister for Europe and Foreign Affairs", "Secretary of State for Defence". Each rule
below is one way of naming an office, with an example from those lists; `classify` tries them in
order, so the exclusions come first. Rules can be listed, switched off and tested one by one
(tests/actors/test_kb_offices.py), like the time grammar's.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Iterable, Optional

HEAD_OF_STATE = "hos"
HEAD_OF_GOVERNMENT = "hog"
FOREIGN_MINISTER = "fm"
DEFENCE_MINISTER = "dm"
CABINET_MEMBER = "minister"
OFFICES = (HEAD_OF_STATE, HEAD_OF_GOVERNMENT, FOREIGN_MINISTER, DEFENCE_MINISTER, CABINET_MEMBER)
OFFICE_NAMES = {
    HEAD_OF_STATE: "head of state",
    HEAD_OF_GOVERNMENT: "head of government",
    FOREIGN_MINISTER: "foreign minister",
    DEFENCE_MINISTER: "defence minister",
    CABINET_MEMBER: "cabinet member",
}


@dataclass(frozen=True)
class OfficeRule:
    name: str
    office: Optional[str]  # None: the label names no office the KB keeps
    pattern: re.Pattern
    example: str


def _rule(name: str, office: Optional[str], pattern: str, example: str) -> OfficeRule:
    return OfficeRule(name, office, re.compile(pattern, re.I), example)


# Titles of ministers; a label must start with one of these to be a cabinet post.
_MINISTER = r"(?:minister|ministre|secretary|cabinet secretary|federal minister|state minister|minister of state)"

RULES: tuple[OfficeRule, ...] = (
    # ---- not the office itself -------------------------------------------------------------
    _rule(
        "deputy_or_junior",
        None,
        r"^(?:first |second |senior )?(?:deputy|vice|assistant|under|junior|acting|parliamentary|shadow|"
        r"permanent|principal|special|alternate|state secretary|secretary-general|chief of staff)\b",
        "Deputy Prime Minister",
    ),
    _rule(
        "council_or_party_secretary",
        None,
        r"^(?:secretary[- ]general|secretary of the (?:[\w ]+ )?(?:council|committee|commission|party|assembly|"
        r"presidency|government)\b)",
        "Secretary of the Guardian Council",
    ),
    _rule(
        "presiding_officer",
        None,
        r"^(?:president|chairman|chairperson|speaker) of the "
        r"(?:senate|national assembly|chamber|parliament|legislat|house|assembly|council of states|"
        r"national council|storting|supreme|constitutional|central bank|federal council|verkhovna|"
        r"united nations|international|council of state|congress|european|treasury|privy|court)",
        "President of the National Assembly",
    ),
    _rule(
        "regional_head",
        None,
        r"^(?:premier|prime minister|president|governor) of (?:the )?(?:province|state|region)",
        "Premier of the Province of X",
    ),
    # ---- heads of government -------------------------------------------------------------
    _rule(
        "prime_minister",
        HEAD_OF_GOVERNMENT,
        r"^(?:prime minister|premier|taoiseach|(?:federal )?chancellor|head of government|chief executive)$",
        "Prime Minister",
    ),
    _rule(
        "council_of_ministers_chair",
        HEAD_OF_GOVERNMENT,
        r"^(?:chairman|chairperson|president) of the (?:council of ministers|cabinet of ministers|government)\b",
        "Chairman of the Council of Ministers",
    ),
    # ---- heads of state ----------------------------------------------------------------------
    _rule(
        "president",
        HEAD_OF_STATE,
        r"^(?:president|president of the republic|president of the federation|state president)$",
        "President",
    ),
    _rule(
        "monarch",
        HEAD_OF_STATE,
        r"^(?:monarch|king|queen|emperor|emir|amir|sultan|grand duke|sovereign prince|prince|pope|"
        r"supreme leader|yang di-pertuan agong|o le ao o le malo)$",
        "King",
    ),
    _rule(
        "collective_head",
        HEAD_OF_STATE,
        r"^(?:chairman of the presidency|captain regent|co-prince)\b",
        "Captain Regent",
    ),
    # ---- ministers -----------------------------------------------------------------------------
    _rule(
        "foreign_minister",
        FOREIGN_MINISTER,
        r"^" + _MINISTER + r"\b.*\b(?:foreign|external affairs|external relations|international relations)",
        "Minister for Europe and Foreign Affairs",
    ),
    _rule("us_secretary_of_state", FOREIGN_MINISTER, r"^secretary of state$", "Secretary of State"),
    _rule("foreign_secretary", FOREIGN_MINISTER, r"^foreign (?:minister|secretary)$", "Foreign Secretary"),
    _rule(
        "defence_minister",
        DEFENCE_MINISTER,
        r"^" + _MINISTER + r"\b.*\b(?:defen[cs]e|armed forces)\b",
        "Secretary of State for Defence",
    ),
    _rule("defence_secretary", DEFENCE_MINISTER, r"^defen[cs]e (?:minister|secretary)$", "Defence Minister"),
    _rule("cabinet_minister", CABINET_MEMBER, r"^" + _MINISTER + r"\b", "Minister of Agriculture"),
    _rule("attorney_general", CABINET_MEMBER, r"^attorney[- ]general$", "Attorney General"),
)

_BY_NAME = {rule.name: rule for rule in RULES}


def rules() -> tuple[OfficeRule, ...]:
    return RULES


def _strip_country(label: str, country_names: Iterable[str]) -> str:
    """ "Prime Minister of Montenegro" -> "prime minister" when the list is Montenegro's own: the
    country's name adds nothing; any other "of X" (a province, a federal entity) is kept."""
    text = " ".join(label.split()).lower()
    for name in country_names:
        for suffix in (" of " + name.lower(), " of the " + name.lower()):
            if text.endswith(suffix):
                return text[: -len(suffix)]
    return text


def classify(label: str, country_names: Iterable[str] = (), disabled: Iterable[str] = ()) -> Optional[str]:
    """The office a position label names (one of OFFICES), or None."""
    text = _strip_country(label, country_names)
    off = set(disabled)
    for rule in RULES:
        if rule.name in off:
            continue
        if rule.pattern.search(text):
            return rule.office
    return None


def rule_for(label: str, country_names: Iterable[str] = ()) -> Optional[str]:
    """The name of the first rule that decides `label` (for tests and `--explain`-style output)."""
    text = _strip_country(label, country_names)
    for rule in RULES:
        if rule.pattern.search(text):
            return rule.name
    return None


def head_office(label: str) -> str:
    """For a position already known to be a head of state's or government's (Wikidata's P1906 /
    P1313 offices): which of the two, by its title ("Prime Minister of Japan" governs)."""
    text = " ".join(label.split()).lower()
    if re.match(
        r"^(?:prime minister|premier|taoiseach|(?:federal )?chancellor|chairman of the council of ministers|"
        r"president of the council of ministers|president of the government)\b",
        text,
    ):
        return HEAD_OF_GOVERNMENT
    return HEAD_OF_STATE
