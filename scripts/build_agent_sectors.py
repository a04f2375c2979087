#!/usr/bin/env python3
"""Build diurna/actors/data/agent_sectors.yaml: the sector of agent words ("fighters", "spokesman",
"rights group") as the project's gold coders read them, where that differs clearly from the sector the
PETRARCH2 / Phoenix agents file (2015) and the hand overlay give them (issue #21).

Data read (and nothing else):
- the tune split of the project's real-text set (eval/realtext/README.md: DATA/manifest/*.json and
  DATA/gold/*.json of the articles whose id falls in the tune split; DATA is $DIURNA_REALTEXT, else
  eval/opennews). The frozen split's gold is never opened: the split is decided from the manifest id
  before any gold file is read.
- the built knowledge base with the shipped hand overlay (diurna/actors/data/overlay.yaml) only:
  the table is what the data says against that, so the previous table is never read.

How: every gold actor (an event's source or target) lists the aliases the text names it by and the
sectors a careful coder accepts ("security forces": COP, MIL). The agent phrase an alias ends with
(the longest one the KB's agents know: "riot police", "fighters") is what the actor stage would read
a description by. For each agent phrase, each article votes once: the share of its gold actors named
with that phrase that accept each sector. A phrase gets a line in the table when it occurs in at
least --min-articles articles, the best sector is accepted in at least --min-share of them, and the
sector the KB gives now is accepted in at most --margin less than that ("fighter": UAF accepted in
0.17 of 12 articles, REB in 0.75 -> REB). Only domestic sectors of the project's annotation guide
(docs/annotation.md) are written, and never against ELI (a former office is a fact of the date, not
a reading of the word) nor for international agents (IGO~ codes).

Model selection on held-out articles: `--half A` builds the table from the tune articles of half A
only (the id-hash halves of scripts/train_arguments.py), to be scored on half B's articles with
DIURNA_AGENT_SECTORS pointing at it (docs/evaluation.md, issue #21, seventh session).

    .venv/bin/python scripts/build_agent_sectors.py                       # the shipped table
    .venv/bin/python scripts/build_agent_sectors.py --half A --out /tmp/agents_A.yaml
    .venv/bin/python scripts/build_agent_sectors.py --check diurna/actors/data/agent_sectors.yaml

`--check TABLE` writes nothing: for each line of a table built before (the packaged one, fitted on
other data, or one half's), it prints on the articles read (all tune, or --half's) how many name the
phrase and the share of them accepting the table's sector against the KB's own, the table's held-out
test on articles it was not built from.
"""

from __future__ import annotations

import argparse
import json
import pathlib
import sys
from collections import defaultdict

ROOT = pathlib.Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "scripts"))

from diurna.actors.kb import KB_FILE, LEARNED_AGENTS, SHIPPED_OVERLAY, KnowledgeBase, name_key  # noqa: E402
from eval_realtext import default_data, half_of, split_of  # noqa: E402  (the real-text set's own split: frozen never read)

# The annotation guide's sectors an agent word can carry inside one state (docs/annotation.md; IGO
# is an organisation above states, ELI a former office: neither is a reading of a word).
GUIDE_SECTORS = frozenset(
    "GOV MIL COP JUD LEG PTY OPP REB SEP UAF INS CVL PPL BUS MED NGO REL EDU LAB SPY REF HLH AGR".split()
)


def tune_gold(data: pathlib.Path, half: str | None) -> list[tuple[str, dict]]:
    """(article id, gold) of the tune articles (of one half, if given); frozen gold is never opened."""
    out = []
    for mpath in sorted((data / "manifest").glob("*.json")):
        article_id = json.loads(mpath.read_text(encoding="utf-8"))["id"]
        if split_of(article_id) != "tune" or (half and half_of(article_id) != half):
            continue
        out.append((article_id, json.loads((data / "gold" / (article_id + ".json")).read_text(encoding="utf-8"))))
    return out


# words that may stand before an agent phrase without telling its sector: the name is then the agent
# word's own use ("the two spokesmen", "Kenyan workers"); any other word carries the sector itself
# ("aid workers", "government spokesman", "TMC spokesman": a spokesman is his organisation's)
PLAIN_WORDS = frozenset(
    "the a an its their his her our this that these those some many several other two three four five six "
    "seven eight nine ten dozens hundreds thousands".split()
)


def plain_prefix(kb: KnowledgeBase, words: list[str]) -> bool:
    """Whether the words before an agent phrase are determiners, numbers or a country's name or demonym."""
    return all(w in PLAIN_WORDS or w.isdigit() or any(a.kind == "country" for a in kb.lookup(w)) for w in words)


def agent_at_end(kb: KnowledgeBase, alias: str):
    """The longest agent phrase (up to four words) the alias ends with, when what stands before it is
    plain (`plain_prefix`), or None."""
    words = alias.split()
    for i in range(max(0, len(words) - 4), len(words)):
        agent = kb.agents.get(name_key(" ".join(words[i:])))
        if agent is not None:
            return agent if plain_prefix(kb, [w.lower() for w in words[:i]]) else None
    return None


def votes(kb: KnowledgeBase, articles: list[tuple[str, dict]]):
    """Agent phrase -> {sector: summed share of acceptance}, and phrase -> articles naming it."""
    accepted: dict[str, dict[str, float]] = defaultdict(lambda: defaultdict(float))
    seen_in: dict[str, set[str]] = defaultdict(set)
    for article_id, gold in articles:
        per_phrase: dict[str, list[set[str]]] = defaultdict(list)
        actors_seen = set()
        for event in gold["events"] + gold.get("acceptable_extra", []):
            for side in ("source", "target"):
                actor = event.get(side)
                if not actor or not actor.get("sector") or not actor.get("names"):
                    continue
                identity = tuple(actor["names"])
                if identity in actors_seen:  # one vote per gold actor, however many events it is in
                    continue
                actors_seen.add(identity)
                phrases = {a.phrase for n in actor["names"] if (a := agent_at_end(kb, n)) is not None}
                for phrase in phrases:
                    per_phrase[phrase].append(set(actor["sector"]))
        for phrase, sector_sets in per_phrase.items():
            seen_in[phrase].add(article_id)
            for sectors in sector_sets:
                for sector in sectors:
                    accepted[phrase][sector] += 1 / len(sector_sets)
    return accepted, seen_in


def table(kb: KnowledgeBase, articles, min_articles: int, min_share: float, margin: float) -> list[dict]:
    """The rows of the table: phrase, KB code now, learned sector, and the evidence."""
    accepted, seen_in = votes(kb, articles)
    rows = []
    for phrase, shares in sorted(accepted.items()):
        n = len(seen_in[phrase])
        agent = kb.agents[name_key(phrase)]
        if n < min_articles or not agent.code.startswith("~"):
            continue  # rare, or an international agent ("IGO~")
        now = agent.code.strip("~")[:3]
        if now == "ELI":
            continue
        candidates = {s: v / n for s, v in shares.items() if s in GUIDE_SECTORS}
        if not candidates:
            continue
        best = max(candidates, key=lambda s: (candidates[s], s == now, s))
        now_share = shares.get(now, 0.0) / n
        if best != now and candidates[best] >= min_share and now_share <= candidates[best] - margin:
            plurals = sorted(k for k, a in kb.agents.items() if a.phrase == agent.phrase and a.plural)
            rows.append(
                {
                    "phrase": agent.phrase,
                    "plural": plurals[0] if plurals else None,
                    "was": agent.code,
                    "code": "~" + best,
                    "articles": n,
                    "share": round(candidates[best], 2),
                    "was_share": round(now_share, 2),
                }
            )
    return rows


def check(kb: KnowledgeBase, articles, path: pathlib.Path) -> list[dict]:
    """Each line of a table (phrase, code) scored on these articles' gold: the articles naming the
    phrase, the share of them accepting the table's sector and the share accepting the KB's own."""
    import yaml

    accepted, seen_in = votes(kb, articles)
    out = []
    for line in (yaml.safe_load(path.read_text(encoding="utf-8")) or {}).get("agents") or []:
        agent = kb.agents.get(name_key(line["phrase"]))
        phrase = agent.phrase if agent is not None else line["phrase"]
        n = len(seen_in.get(phrase, ()))
        shares = accepted.get(phrase, {})
        code, was = line["code"].strip("~")[:3], agent.code.strip("~")[:3] if agent is not None else "?"
        out.append(
            {
                "phrase": line["phrase"],
                "code": code,
                "was": was,
                "articles": n,
                "share": round(shares.get(code, 0.0) / n, 2) if n else None,
                "was_share": round(shares.get(was, 0.0) / n, 2) if n else None,
            }
        )
    return out


def write(rows: list[dict], out: pathlib.Path, args) -> None:
    lines = [
        "# Generated by scripts/build_agent_sectors.py (do not edit by hand; rebuild instead). Agent words",
        "# whose sector the project's gold coders read otherwise than the Phoenix agents file and the hand",
        "# overlay do, from the tune split of the real-text set%s: min %d articles, best sector accepted in"
        % (" (half %s only)" % args.half if args.half else "", args.min_articles),
        "# >= %.2f of them, the old one in <= %.2f less. Each line: articles, share accepting the new"
        % (args.min_share, args.margin),
        "# sector, share accepting the old code. Same format as overlay.yaml (docs/actors.md).",
        "agents:",
    ]
    for r in rows:
        plural = ", plural: %s" % json.dumps(r["plural"]) if r["plural"] else ""
        lines.append(
            "  - {phrase: %s, code: %s%s}  # %d articles: %.2f (was %s: %.2f)"
            % (json.dumps(r["phrase"]), r["code"], plural, r["articles"], r["share"], r["was"], r["was_share"])
        )
    out.write_text("\n".join(lines) + "\n", encoding="utf-8")


def main() -> int:
    ap = argparse.ArgumentParser(
        description=__doc__.split("\n\n")[0], formatter_class=argparse.RawDescriptionHelpFormatter, epilog=__doc__
    )
    ap.add_argument("--data", type=pathlib.Path, default=default_data(), help="the real-text set (default %(default)s)")
    ap.add_argument("--half", choices=("A", "B"), help="only the tune articles of this id-hash half (model selection)")
    ap.add_argument("--out", type=pathlib.Path, default=LEARNED_AGENTS, help="where to write (default %(default)s)")
    ap.add_argument("--min-articles", type=int, default=3, help="articles a phrase must occur in (default 3)")
    ap.add_argument("--min-share", type=float, default=0.6, help="share accepting the new sector (default 0.6)")
    ap.add_argument("--margin", type=float, default=0.25, help="how much less the old one may have (default 0.25)")
    ap.add_argument("--check", type=pathlib.Path, help="score this table on the articles read; write nothing")
    args = ap.parse_args()
    if not (args.data / "manifest").is_dir():
        raise SystemExit("no real-text set at %s (set --data or $DIURNA_REALTEXT)" % args.data)
    kb = KnowledgeBase.load(KB_FILE, overlays=[SHIPPED_OVERLAY])
    articles = tune_gold(args.data, args.half)
    if args.check:
        rows = check(kb, articles, args.check)
        print("%d tune articles read; %s scored on them" % (len(articles), args.check))
        for r in rows:
            print(
                "  %-22s ~%s (KB ~%s): %d articles name it; %s accept ~%s, %s accept ~%s"
                % (r["phrase"], r["code"], r["was"], r["articles"], r["share"], r["code"], r["was_share"], r["was"])
            )
        return 0
    rows = table(kb, articles, args.min_articles, args.min_share, args.margin)
    write(rows, args.out, args)
    print("%d tune articles read; %d agent phrases re-coded -> %s" % (len(articles), len(rows), args.out))
    for r in rows:
        print(
            "  %-22s %-8s -> %s  (%d articles: %.2f, was %.2f)"
            % (r["phrase"], r["was"], r["code"], r["articles"], r["share"], r["was_share"])
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
