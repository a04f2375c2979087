"""The dateline: where a story was filed, in capitals at the start of a paragraph, before a dash.

    "KYIV, Ukraine (AP) — Russia launched..."    -> "KYIV", qualified by "Ukraine"
    "BRASILIA, Brazil - Hundreds of supporters"   -> "BRASILIA", qualified by "Brazil"
    "NAIROBI, Nov 25 (Reuters) - Police ..."      -> "NAIROBI" (a date and a news agency)
    "Islamabad, May 9 (Reuters) - Police..."      -> "Islamabad" (a news agency's parentheses)
    "Tehran, March 15, IRNA - The secretary..."   -> "Tehran" (a date and an agency in capitals)
    "YEREVAN, January 28. /TASS/. The police..."  -> "YEREVAN" (TASS's form: a date, the agency in slashes)
    "Police in Lagos said - ..."                  -> none (mixed case without an agency)

One definition for every stage: the places stage takes the story's dateline (`find_dateline`, in
the first paragraphs) as evidence of its country; the parse makes a dateline's city the subject of
the lead's first verb ("WASHINGTON (AP) — The president said ..."), so the quote and event stages
ask `in_dateline(token)` before they take a subject for a speaker or an actor.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING, Iterator, Optional

from diurna.nlp.index import text_of

if TYPE_CHECKING:
    from spacy.tokens import Token

MAX_PARAGRAPHS = 3  # the story's dateline heads one of its first paragraphs (a headline may precede)
_DASH = r"(?:\u2014|\u2013|--|-|:)"
_CAPS = r"[A-Z][A-Z.'\u2019\- ]{1,40}?"
_NAME = r"[A-Z][A-Za-z.'\u2019\- ]{1,40}?"
_DATE = r"(?:,\s*[A-Z][a-z]{2,8}\.?\s+\d{1,2})"
_AGENCY = r"\((?:[A-Za-z&.\- ]{2,30})\)"
CAPS_DATELINE = re.compile(
    r"(?P<place>%s)(?:,\s*(?P<qualifier>%s))?%s?\s*(?:%s)?\s*%s\s" % (_CAPS, _NAME, _DATE, _AGENCY, _DASH)
)
# "Tehran, March 15, IRNA - ": a date and a news agency's name in capitals, without parentheses.
WIRE_DATELINE = re.compile(
    r"(?P<place>%s)(?:,\s*(?P<qualifier>%s))?%s,\s*[A-Z]{2,10}\s*%s\s" % (_NAME, _NAME, _DATE, _DASH)
)
# "YEREVAN, January 28. /TASS/. ": TASS's English wire, the date closed by a full stop and the
# agency between slashes, no dash (the slashes say it is a heading, whatever the place's case).
_SLASHED_AGENCY = r"/[A-Za-z][A-Za-z&.\- ]{1,30}/\.?"
SLASHED_DATELINE = re.compile(
    r"(?P<place>%s)(?:,\s*(?P<qualifier>%s))?%s\.?\s*%s\s" % (_NAME, _NAME, _DATE, _SLASHED_AGENCY)
)
AGENCY_DATELINE = re.compile(
    r"(?P<place>%s)(?:,\s*(?P<qualifier>%s))?%s?\s*%s\s*%s?\s*" % (_NAME, _NAME, _DATE, _AGENCY, _DASH)
)


# a dash, a colon ("RAS AL-AIN, Syria: Turkey launched", "Darfur (AFP): The United Nations"), or a
# slashed agency's "/."
_HEADING_END = re.compile(r"(?:\u2014|\u2013|--|-|:|/\.?)\s*$")


@dataclass(frozen=True)
class Dateline:
    start: int  # character offsets of the place's name
    end: int
    text: str
    qualifier_start: Optional[int] = None
    qualifier_end: Optional[int] = None
    paragraph_end: int = 0  # where the dateline's paragraph (the lead) ends
    heading_end: int = 0  # where the whole heading (place, date, agency, dash) ends


def _paragraphs(text: str) -> Iterator[tuple[int, str]]:
    start = 0
    for n, line in enumerate(text.split("\n")):
        if n >= MAX_PARAGRAPHS * 2 + 2:
            return
        if line.strip():
            yield start, line
        start += len(line) + 1


def dateline_of_line(line: str, offset: int = 0) -> Optional[Dateline]:
    """The dateline heading this paragraph (`line`, starting at `offset` in the text), if any: a
    place in capitals, or in any case when a news agency follows."""
    match = CAPS_DATELINE.match(line)
    if match and not any(ch.islower() for ch in match.group("place")) and len(match.group("place").strip()) >= 3:
        return _dateline(match, offset, line)
    match = AGENCY_DATELINE.match(line) or WIRE_DATELINE.match(line) or SLASHED_DATELINE.match(line)
    return _dateline(match, offset, line) if match else None


def find_dateline(text: str) -> Optional[Dateline]:
    """The story's dateline: the first of the first few paragraphs that opens with one."""
    for seen, (offset, line) in enumerate(_paragraphs(text), 1):
        if seen > MAX_PARAGRAPHS:
            break
        found = dateline_of_line(line, offset)
        if found is not None:
            return found
    return None


def in_dateline(token: "Token") -> bool:
    """Whether the token is part of a dateline heading its paragraph ('WASHINGTON' in "WASHINGTON (AP)
    — The president said ..."): a heading, not a subject, whatever the parse made of it."""
    text = text_of(token.doc)  # built once per parse (Doc.text joins every token)
    line_start = text.rfind("\n", 0, token.idx) + 1
    if token.idx - line_start > 80:  # a heading is short; the token is past any
        return False
    line_end = text.find("\n", token.idx)
    line = text[line_start : len(text) if line_end < 0 else line_end]
    found = dateline_of_line(line, line_start)
    if found is None or token.idx >= found.heading_end:
        return False
    # a heading ends in a dash before the lead: 'Rep. Trey Gowdy (R-S.C.) said' is a name and a
    # party in brackets, which the agency pattern (its dash optional for the story's dateline) takes
    return _HEADING_END.search(text, line_start, found.heading_end) is not None


def _dateline(match: re.Match, offset: int, line: str) -> Dateline:
    place = match.group("place").rstrip()
    qualifier = match.group("qualifier")
    q_start = q_end = None
    if qualifier:
        qualifier = qualifier.rstrip()
        q_start = offset + match.start("qualifier")
        q_end = q_start + len(qualifier)
    return Dateline(
        offset + match.start("place"),
        offset + match.start("place") + len(place),
        place,
        q_start,
        q_end,
        offset + len(line),
        offset + match.end(),
    )
