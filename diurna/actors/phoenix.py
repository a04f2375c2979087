"""Reader for the PETRARCH2 / Phoenix actor and agent dictionaries.

The syntax is documented in `shared/data/petrarch2/README.md`; in short:

    BARACK_OBAMA                 primary phrase (starts an entry)
    +PRESIDENT_OBAMA_            synonym of the entry
        [USAELI 780101-000101]   role: CAMEO code, optional dates
        [USAGOV >090120]

Everything from the first `#` on a line is a comment. Roles apply to every phrase of the entry,
in file order: the first one whose dates contain the day wins (an undated role last is a default).
Unlike PETRARCH's reader we keep the last entry of each file, and an entry with no role is
dropped (there is nothing to code it as) and counted in `PhoenixReport`.

This module only parses; `diurna.actors.kb` turns the entries into the knowledge base.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable, Iterator, Optional

ACTOR_FILES = ("Phoenix.Countries.actors.txt", "Phoenix.International.actors.txt", "Phoenix.MilNonState.actors.txt")
AGENT_FILE = "Phoenix.agents.txt"

_ROLE = re.compile(r"\[([^\]\s]+)(?:\s+([^\]]*))?\]")
_COMMENT_BLOCK = re.compile(r"<!--.*?-->", re.S)


@dataclass(frozen=True)
class Role:
    """A CAMEO code held from `start` (inclusive) to `end` (exclusive); None = unbounded."""

    code: str
    start: Optional[str] = None  # ISO date
    end: Optional[str] = None

    def holds_on(self, day: str) -> bool:
        return (self.start is None or self.start <= day) and (self.end is None or day < self.end)


@dataclass
class PhoenixEntry:
    phrases: list[str]  # primary phrase first, as written (underscores kept)
    roles: list[Role]
    source: str  # file name, for provenance
    person_hint: bool = False  # the line said "# CountryInfo.txt": the file's people come from there


@dataclass
class AgentEntry:
    phrase: str  # lower case, words separated by spaces
    code: str  # "~GOV" (appended to the country) or "IGO~" (put in front)
    plural: Optional[str]  # None: no plural form


@dataclass
class PhoenixReport:
    entries: int = 0
    dropped_without_role: int = 0
    bad_dates: list[str] = field(default_factory=list)


def parse_date(text: str) -> Optional[str]:
    """`YYMMDD` (00-30 = 20YY, 31-99 = 19YY) or `YYYYMMDD` as an ISO date; None when invalid."""
    text = text.strip()
    try:
        if len(text) == 6:
            yy = int(text[:2])
            year = 2000 + yy if yy <= 30 else 1900 + yy
            return dt.date(year, int(text[2:4]), int(text[4:6])).isoformat()
        if len(text) == 8:
            return dt.date(int(text[:4]), int(text[4:6]), int(text[6:8])).isoformat()
    except ValueError:
        return None
    return None


def parse_role(code: str, dates: Optional[str], report: Optional[PhoenixReport] = None) -> Optional[Role]:
    """One `[CODE DATES]` role; None when its dates cannot be read (the role is then unusable)."""
    dates = (dates or "").strip()
    if not dates:
        return Role(code)
    start = end = None
    if dates.startswith("<"):
        end = parse_date(dates[1:])
        ok = end is not None
    elif dates.startswith(">"):
        start = parse_date(dates[1:])
        ok = start is not None
    elif "-" in dates:
        first, _, last = dates.partition("-")
        start, end = parse_date(first), (parse_date(last) if last.strip() else None)
        ok = start is not None and (end is not None or not last.strip())
    else:  # a bare date: read as "from that day on" (PETRARCH's own comparison is broken here)
        start = parse_date(dates)
        ok = start is not None
    if not ok:
        if report is not None:
            report.bad_dates.append("[%s %s]" % (code, dates))
        return None
    return Role(code, start, end)


def _blank_comment_blocks(text: str) -> str:
    """`<!-- ... -->` removed, keeping its line breaks so that line numbers stay aligned."""
    return _COMMENT_BLOCK.sub(lambda m: "\n" * m.group(0).count("\n"), text)


def _data_lines(text: str) -> Iterator[str]:
    """One item per line of `text`: the line without comments ("" for a comment line)."""
    for raw in _blank_comment_blocks(text).splitlines():
        if raw.startswith("<!"):
            yield ""
            continue
        line = raw.split("#", 1)[0]
        yield line.rstrip().replace("\x1a", "").replace("\ufffd", "")


def _split_roles(line: str, report: PhoenixReport) -> tuple[str, list[Role]]:
    roles = [r for r in (parse_role(m.group(1), m.group(2), report) for m in _ROLE.finditer(line)) if r]
    return _ROLE.sub("", line).strip(), roles


def read_actor_file(path: Path, report: Optional[PhoenixReport] = None) -> list[PhoenixEntry]:
    """Every entry of one `Phoenix.*.actors.txt` file, in file order."""
    report = report if report is not None else PhoenixReport()
    text = path.read_text(encoding="utf-8", errors="replace")
    entries: list[PhoenixEntry] = []
    current: Optional[PhoenixEntry] = None

    def close() -> None:
        if current is None:
            return
        if current.roles:
            entries.append(current)
            report.entries += 1
        else:
            report.dropped_without_role += 1

    # `raw` keeps the comment, which says whether the entry is a person ("# CountryInfo.txt").
    for raw, line in zip(_blank_comment_blocks(text).splitlines(), _data_lines(text)):
        if not line.strip():
            continue
        if line[0] in " \t":  # role line(s) of the current entry
            _, roles = _split_roles(line, report)
            if current is not None:
                current.roles.extend(roles)
        elif line.startswith("+"):  # synonym
            phrase, roles = _split_roles(line[1:], report)
            if current is not None:
                if phrase:
                    current.phrases.append(phrase)
                current.roles.extend(roles)
        else:  # a new primary phrase
            close()
            phrase, roles = _split_roles(line, report)
            current = PhoenixEntry([phrase], roles, path.name, person_hint="CountryInfo" in raw)
    close()
    return entries


def read_agent_file(path: Path) -> list[AgentEntry]:
    """Agents with substitution sets (`!PERSON!`) expanded."""
    substitutions: dict[str, list[str]] = {}
    agents: list[AgentEntry] = []
    for line in _data_lines(path.read_text(encoding="utf-8", errors="replace")):
        if not line.strip():
            continue
        if line.startswith("!") and "=" in line:
            name, _, members = line.partition("=")
            substitutions[name.strip()] = [m.strip() for m in members.split(",") if m.strip()]
            continue
        m = re.match(r"^(.*?)\s*(?:\{([^}]*)\})?\s*\[([^\]]+)\]", line)
        if not m:
            continue
        phrase, plural, code = m.group(1).strip(), m.group(2), m.group(3).strip()
        for expanded in _expand(phrase, substitutions):
            if plural is None:  # no braces: the regular plural
                plural_form: Optional[str] = regular_plural(_phrase(expanded))
            elif not plural.strip():  # "{}": the phrase has no plural
                plural_form = None
            else:
                plural_form = _phrase(plural)
            agents.append(AgentEntry(_phrase(expanded), code, plural_form))
    return agents


def _expand(phrase: str, substitutions: dict[str, list[str]]) -> Iterable[str]:
    m = re.search(r"!([A-Z]+)!", phrase)
    if not m or m.group(0) not in substitutions:
        return [phrase]
    out: list[str] = []
    for member in substitutions[m.group(0)]:
        out.extend(_expand(phrase[: m.start()] + member + phrase[m.end() :], substitutions))
    return out


def _phrase(text: str) -> str:
    return " ".join(text.replace("_", " ").lower().split())


def regular_plural(phrase: str) -> str:
    """PETRARCH's regular plural of the last word: +S, Y -> IES, after a final S +ES."""
    if phrase.endswith("y") and not phrase.endswith(("ay", "ey", "oy", "uy")):
        return phrase[:-1] + "ies"
    if phrase.endswith(("s", "sh", "ch", "x")):
        return phrase + "es"
    if phrase.endswith("man"):
        return phrase[:-3] + "men"
    return phrase + "s"
