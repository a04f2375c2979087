#!/usr/bin/env python3
"""Country and sector of the actors that take part in located events, against the gold (issue #21).

Reads the verdict lines of realnews-dev's scorer (`score.py ... -v`, one line per output event with
its source and target as `name[CODE]` and the gold event it is located on) and the gold file, and
counts, for each output source and target located on a gold event whose actor on that side is
named: whether the output actor has a country at all, whether it is one the gold lists, and whether
the sector is one the gold lists. An intergovernmental organisation has no country: where the gold
writes the organisation's own label instead of a state's ISO code ("UN", "EU", "ECOWAS"), an output
actor with no country is right. It also gives the share of output events located on a gold event with
the right type ("matched") whose source and whose target the scorer accepts (issue #21: source right
>= 0.85, target right >= 0.80). Because a wrong actor chosen by the events stage counts against
country and sector too, the same figures are also given for the actors named as the gold names them
("named alike": an alias of the gold actor occurs in the output actor's name), which are the actor
stage's own share. Works for the real-text set and for realnews-dev alike:

    python3 ../shared/data/realnews-dev/score.py OUT.jsonl -v > verdicts.txt
    .venv/bin/python scripts/eval_actor_countries.py verdicts.txt ../shared/data/realnews-dev/gold.jsonl
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import unicodedata
from collections import Counter

VERDICT = re.compile(
    r"\s+pred (?:RIGHT|locat)\s+\w+ (?P<src>.*?)(?:\[(?P<scode>\w*)\])? -> (?P<tgt>.*?)(?:\[(?P<tcode>\w*)\])? "
    r"'.*?' -> (?P<gold>\S+) type=(?P<type>[yn]) src=(?P<srcok>[yn]) tgt=(?P<tgtok>[yn])"
)


def country_and_sector(code: str, countries: frozenset[str]) -> tuple[str | None, str | None]:
    """(country, sector) of an output CAMEO-style code: 'SDNMIL' -> ('SDN', 'MIL'), 'MIL' -> (None, 'MIL')."""
    if code[:3] in countries:
        return code[:3], code[3:6] or None
    return None, code[:3] or None


def named_alike(name: str, aliases: list[str]) -> bool:
    """Whether one of the gold's aliases occurs as whole words in the output actor's name."""
    hay = unicodedata.normalize("NFKD", name.replace("\u2019", "'")).lower()
    for alias in aliases:
        alias = unicodedata.normalize("NFKD", alias.replace("\u2019", "'")).lower().strip()
        if alias and re.search(r"(?<![0-9a-z])" + re.escape(alias) + r"(?![0-9a-z])", hay):
            return True
    return False


def _shares(counts: Counter, side: str, prefix: str, names: tuple[str, ...]) -> str:
    """'country right 479 (0.84); ...': each count and its share of the side's total."""
    total = counts[side] if side == "matched" else counts[side, prefix.strip() or "actors"]
    parts = []
    for name in names:
        right = counts[prefix + name] if side == "matched" else counts[side, prefix + name]
        parts.append("%s %d (%.2f)" % (name, right, right / (total or 1)))
    return "; ".join(parts)


def _list_error(gold_id, side, name, code, country, sector, wanted, want) -> None:
    """One line for an actor side whose country or sector is wrong (nothing when both are right)."""
    sectors = want.get("sector") or []
    if country in wanted and (sector or "-") in sectors:
        return
    kind = "sector" if country in wanted else ("nocountry" if country is None else "country")
    alike = "alike" if named_alike(name, want.get("names") or []) else "other"
    print(
        "ERR %-9s %-5s %-6s %s %s[%s] gold=%s %s %s"
        % (kind, alike, side, gold_id, name, code, (want.get("names") or ["?"])[:3], sorted(map(str, wanted)), sectors)
    )


def _alias_form(text: str) -> str:
    """A mention or alias as the gold writes aliases: lower case, no accents, straight quotes, no article."""
    text = unicodedata.normalize("NFKD", text.replace("\u2019", "'")).lower().strip()
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    return re.sub(r"^(the|a|an) ", "", text)


def _list_coded_error(gold_id, side, actor, wanted, want, as_written) -> None:
    """One line for an actor the gold names alike whose country or sector is wrong: what is wrong
    (C country, S sector), the gold event and side, the output actor, whether its country was
    inferred from the story, the gold's countries and sectors, and the aliases it was matched by."""
    kind = ("C" if actor["country"] not in wanted else "-") + (
        "S" if (actor["sector"] or "-") not in (want.get("sector") or []) else "-"
    )
    print(
        "CODED %s %s %-6s %s[%s]%s gold=%s %s by %s"
        % (
            kind,
            gold_id,
            side,
            actor["name"],
            actor.get("code"),
            " inferred" if actor.get("country_inferred") else "",
            sorted(map(str, wanted)),
            want.get("sector"),
            as_written[:3],
        )
    )


def actors_mentioned_alike(coded: str, gold_path: str, countries: frozenset, listing: bool = False) -> str:
    """'actors mentioned as the gold names them: N; country right ...; sector right ...': every output
    actor with a mention (or name) that is one of a gold actor's aliases, once per gold actor, whatever
    the events stage chose as the event's source and target (the actor stage's own share). With
    `listing`, each such actor whose country or sector is wrong is printed first, one line each."""
    docs = {}
    for line in open(coded, encoding="utf-8"):
        if line.strip():
            doc = json.loads(line)
            docs[doc["article"]["id"]] = doc
    seen, counts = set(), Counter()
    for line in open(gold_path, encoding="utf-8"):
        if not line.strip():
            continue
        article = json.loads(line)
        stem = article["file"].split("/")[-1].rsplit(".", 1)[0]  # realnews-dev: the stem; opennews: its id before "_"
        doc = docs.get(stem) or docs.get(stem.split("_")[0])
        if doc is None:
            continue
        for event in article["events"] + article.get("acceptable_extra", []):
            for side in ("source", "target"):
                want = event.get(side)
                if not want or not want.get("names"):
                    continue
                aliases = frozenset(_alias_form(a) for a in want["names"])
                wanted = want.get("country")
                wanted = {c if c in countries else None for c in (wanted if isinstance(wanted, list) else [wanted])}
                for actor in doc["actors"]:
                    forms = {_alias_form(m["text"]) for m in actor["mentions"]} | {_alias_form(actor["name"])}
                    key = (doc["article"]["id"], actor["id"], aliases)
                    if key in seen or not forms & aliases:
                        continue
                    seen.add(key)
                    counts["actors"] += 1
                    country_right = actor["country"] in wanted
                    sector_right = (actor["sector"] or "-") in (want.get("sector") or [])
                    counts["country right"] += country_right
                    counts["sector right"] += sector_right
                    if listing and not (country_right and sector_right):
                        _list_coded_error(event["id"], side, actor, wanted, want, sorted(forms & aliases))
    n = counts["actors"] or 1
    return "actors mentioned as the gold names them: %d; country right %d (%.3f); sector right %d (%.3f)" % (
        counts["actors"],
        counts["country right"],
        counts["country right"] / n,
        counts["sector right"],
        counts["sector right"] / n,
    )


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("verdicts", help="the scorer's -v output")
    ap.add_argument("gold", help="the gold file the scorer was given (JSON lines)")
    ap.add_argument(
        "--list",
        action="store_true",
        help="also list every actor side whose country or sector is wrong, one line each: the kind of error "
        "(nocountry / country / sector), whether it is named as the gold names it, the gold event, the output "
        "actor and the gold's names, countries and sectors",
    )
    ap.add_argument(
        "--list-coded",
        action="store_true",
        help="with --coded: also list each actor the gold names alike whose country or sector is wrong "
        "(the actor stage's own errors, whatever the events chose), one line each",
    )
    ap.add_argument(
        "--coded",
        help="also count the actor stage's own share whatever actors the events chose: diurna's output (JSON "
        "lines) for the same articles; each output actor one of whose mentions is, as written, a gold actor's "
        "alias counts once per gold actor (country and sector right as above)",
    )
    args = ap.parse_args()
    sys.path.insert(0, ".")
    from diurna.actors.codes import iso3_codes

    countries = iso3_codes()
    gold = {}
    for line in open(args.gold, encoding="utf-8"):
        if line.strip():
            article = json.loads(line)
            for event in article["events"] + article.get("acceptable_extra", []):
                gold[event["id"]] = event
    if args.coded:
        print(actors_mentioned_alike(args.coded, args.gold, countries, args.list_coded))
    counts: Counter = Counter()
    for line in open(args.verdicts, encoding="utf-8"):
        match = VERDICT.match(line)
        if not match or match["gold"] not in gold:
            continue
        event = gold[match["gold"]]
        if match["type"] == "y":
            counts["matched"] += 1
            counts["matched source right"] += match["srcok"] == "y"
            counts["matched target right"] += match["tgtok"] == "y"
        for side, name, code in (("source", match["src"], match["scode"]), ("target", match["tgt"], match["tcode"])):
            want = event.get(side)
            if want is None or name == "-" or code is None:
                continue
            country, sector = country_and_sector(code, countries)
            wanted = want.get("country")
            wanted = set(wanted) if isinstance(wanted, list) else {wanted}
            # the gold's "UN", "EU", "AU": an organisation above states, which no ISO code names
            wanted = {c if c in countries else None for c in wanted}
            counts[side, "actors"] += 1
            counts[side, "with country"] += country is not None
            counts[side, "country right"] += country in wanted
            if named_alike(name, want.get("names") or []):
                counts[side, "named alike"] += 1
                counts[side, "named alike country right"] += country in wanted
                counts[side, "named alike sector right"] += (sector or "-") in (want.get("sector") or [])
            counts[side, "sector right"] += (sector or "-") in (want.get("sector") or [])
            if args.list:
                _list_error(match["gold"], side, name, code, country, sector, wanted, want)
    for side in ("source", "target"):
        print(
            "%s: %d actors located on gold events; %s"
            % (
                side,
                counts[side, "actors"],
                _shares(counts, side, "", ("with country", "country right", "sector right")),
            )
        )
    for side in ("source", "target"):
        print(
            "%s named alike: %d; %s"
            % (
                side,
                counts[side, "named alike"],
                _shares(counts, side, "named alike ", ("country right", "sector right")),
            )
        )
    print(
        "matched events (located, type right): %d; %s"
        % (counts["matched"], _shares(counts, "matched", "matched ", ("source right", "target right")))
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
