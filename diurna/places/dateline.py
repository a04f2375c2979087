"""The dateline: where the story was filed, at the start of its first paragraph.

    "KYIV, Ukraine (AP) — Russia launched..."    -> "KYIV", qualified by "Ukraine"
    "BRASILIA, Brazil - Hundreds of supporters"   -> "BRASILIA", qualified by "Brazil"
    "WASHINGTON - The United States and..."       -> "WASHINGTON"
    "Islamabad, May 9 (Reuters) - Police..."      -> "Islamabad" (a news agency's parentheses)
    "Tehran, March 15, IRNA - The secretary..."   -> "Tehran" (a date and an agency in capitals)
    "Police in Lagos said - ..."                  -> none (mixed case without an agency)

A dateline names a place in capitals, or in any case when a news agency's parentheses follow.
It is looked for only at the start of one of the first few paragraphs (a headline may precede).
Its place counts as strong evidence of the story's country, and events of the lead that their
sentence places nowhere happened there (`clause.locate_event`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

MAX_PARAGRAPHS = 3
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
AGENCY_DATELINE = re.compile(
    r"(?P<place>%s)(?:,\s*(?P<qualifier>%s))?%s?\s*%s\s*%s?\s*" % (_NAME, _NAME, _DATE, _AGENCY, _DASH)
)


@dataclass(frozen=True)
class Dateline:
    start: int  # character offsets of the place's name
    end: int
    text: str
    qualifier_start: int | None = None
    qualifier_end: int | None = None
    paragraph_end: int = 0  # where the dateline's paragraph (the lead) ends


def _paragraphs(text: str):
    start = 0
    for n, line in enumerate(text.split("\n")):
        if n >= MAX_PARAGRAPHS * 2 + 2:
            return
        if line.strip():
            yield start, line
        start += len(line) + 1


def find_dateline(text: str) -> Dateline | None:
    for seen, (offset, line) in enumerate(_paragraphs(text), 1):
        if seen > MAX_PARAGRAPHS:
            break
        match = CAPS_DATELINE.match(line)
        if match and not any(ch.islower() for ch in match.group("place")) and len(match.group("place").strip()) >= 3:
            return _dateline(match, offset, line)
        match = AGENCY_DATELINE.match(line) or WIRE_DATELINE.match(line)
        if match:
            return _dateline(match, offset, line)
    return None


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
    )
