"""Which role is wrong on located events, and with what: the wrong-target / wrong-source tally.

usage: python scripts/experiments/role_errors.py OUT.v.txt OUT.jsonl [--examples N] [--data DIR]

Reads the scorer's verdict lines ("pred locat TYPE src -> tgt 'trigger' -> GOLD-ID type=y src=? tgt=?")
for events of the right type, joins them with the gold event (the tune part only, read through
eval_realtext.load(split="tune"): the frozen part's gold is never opened) and with the output event's sentence, and sorts each wrong role into a kind:
  null_target     the output has no target, the gold names one
  gold_null_src   (never an error: a null gold source accepts anything)
  self_target     the output target is the source (or the same code)
  gold_in_sent    a gold alias occurs in the sentence, the output chose another actor
  gold_not_in_sent  no gold alias in the sentence (coreference, a previous sentence, a list)
Prints the tally per role and kind, then examples.
"""

from __future__ import annotations

import argparse
import collections
import json
import pathlib
import re
import sys

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parents[1]))

from eval_realtext import default_data, load  # noqa: E402

LINE = re.compile(r"\s+pred locat\s+([A-Z]+) (.*?) -> (.*?) '(.*?)' -> (\S+) type=(.) src=(.) tgt=(.)")


def gold_events(data: pathlib.Path) -> dict[str, dict]:
    """Gold event id -> event, of the tune part's articles only (load skips the frozen part unopened)."""
    events = {}
    for _, gold in load(data, split="tune"):
        for kind in ("events", "acceptable_extra"):
            for event in gold.get(kind, []):
                events[event["id"]] = event
    return events


def output_events(path: pathlib.Path) -> dict[tuple[str, str], list[dict]]:
    """(article id prefix, trigger text) -> events with their sentence and actor names."""
    found: dict[tuple[str, str], list[dict]] = collections.defaultdict(list)
    for line in path.read_text(encoding="utf-8").splitlines():
        doc = json.loads(line)
        text = doc["article"]["text"]
        actors = {a["id"]: a for a in doc["actors"]}
        for event in doc["events"]:
            s = event["sentence"]
            event = dict(event, _sentence=text[s["start"] : s["end"]], _actors=actors)
            found[(doc["article"]["id"], event["trigger"]["text"])].append(event)
    return found


def in_sentence(names: list[str], sentence: str) -> bool:
    low = sentence.lower()
    return any(re.search(r"\b%s\b" % re.escape(n.lower()), low) for n in names)


def kind_of(role: str, shown: str, source_shown: str, gold_role: dict | None, sentence: str) -> str:
    if gold_role is None:
        return "gold_null"
    if shown == "-":
        return "null_%s" % role
    if role == "target" and shown == source_shown:
        return "self_target"
    if in_sentence(gold_role.get("names", []), sentence):
        return "gold_in_sent"
    return "gold_not_in_sent"


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("verdicts", type=pathlib.Path)
    ap.add_argument("output", type=pathlib.Path)
    ap.add_argument("--data", type=pathlib.Path, default=default_data())
    ap.add_argument("--examples", type=int, default=0)
    ap.add_argument("--kind", help="only examples of this role:kind")
    args = ap.parse_args()
    gold = gold_events(args.data)
    outputs = output_events(args.output)
    tally: collections.Counter = collections.Counter()
    examples: dict[str, list[str]] = collections.defaultdict(list)
    for line in args.verdicts.read_text(encoding="utf-8").splitlines():
        m = LINE.match(line)
        if not m or m.group(6) != "y":
            continue
        typ, src, tgt, trigger, gid, _, src_ok, tgt_ok = m.groups()
        event = gold.get(gid)
        if event is None:
            continue
        article = gid.rsplit("-", 1)[0]
        candidates = outputs.get((article, trigger), [])
        sentence = candidates[0]["_sentence"] if candidates else ""
        for role, shown, ok in (("source", src, src_ok), ("target", tgt, tgt_ok)):
            if ok == "y":
                continue
            kind = kind_of(role, shown, src, event.get(role), sentence)
            key = "%s:%s" % (role, kind)
            tally[key] += 1
            gold_role = event.get(role) or {}
            examples[key].append(
                "  %s %s %s -> %s '%s'\n     gold %s: %s %s/%s\n     %s"
                % (
                    gid,
                    typ,
                    src,
                    tgt,
                    trigger,
                    role,
                    gold_role.get("names", [])[:4],
                    gold_role.get("country"),
                    gold_role.get("sector"),
                    sentence.replace("\n", " ")[:300],
                )
            )
    for key, n in tally.most_common():
        print("%4d  %s" % (n, key))
    for key, _ in tally.most_common():
        if args.kind and key != args.kind:
            continue
        if args.examples:
            print("\n== %s" % key)
            for example in examples[key][: args.examples]:
                print(example)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
