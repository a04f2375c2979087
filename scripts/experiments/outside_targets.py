"""Where the gold recipient of each event of tune half A is named, against the sentence of its evidence
(issue #26 item 4: recipients outside the event's sentence): in that sentence, the one before, two
before, further back, only after, or nowhere the gold's names are found. With a verdict file
(`eval_realtext.py -v` on half A) it also counts, by that kind, the scorer's verdicts of the gold
events and the emitted events whose target is wrong (tgt=n), and with a `candidate_fates.py` output
of half A, the targetless candidates the stage withheld.

    python scripts/experiments/outside_targets.py [--verdicts A.v.txt] [--fates fates.txt]

Half A only (the development half): half B and the frozen part are never opened. The sentence split
is a plain punctuation split and the match is on the gold's names as whole words (a lower bound for
"in the sentence": a recipient named there by a pronoun or another description counts as outside).
"""

from __future__ import annotations

import argparse
import collections
import pathlib
import re
import sys

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parents[1]))

import eval_realtext as er  # noqa: E402

KINDS = ("in-sentence", "previous-sentence", "two-back", "earlier", "later-only", "never-named")
SENTENCE_END = re.compile(r"(?<=[.!?\"”])\s+(?=[A-Z“\"])")


def sentences(text: str) -> list[str]:
    return [s.lower() for s in SENTENCE_END.split(" ".join(text.split()))]


def names_in(names: list[str], sentence: str) -> bool:
    return any(re.search(r"\b" + re.escape(n.lower()) + r"\b", sentence) for n in names if n)


def where(names: list[str], sents: list[str], k: int) -> str:
    """The kind of place, relative to sentence `k`, of the nearest sentence naming the recipient."""
    if names_in(names, sents[k]):
        return "in-sentence"
    if k > 0 and names_in(names, sents[k - 1]):
        return "previous-sentence"
    if k > 1 and names_in(names, sents[k - 2]):
        return "two-back"
    if any(names_in(names, s) for s in sents[:k]):
        return "earlier"
    if any(names_in(names, s) for s in sents[k + 1 :]):
        return "later-only"
    return "never-named"


def kinds_of_half_a() -> tuple[dict[str, str], collections.Counter]:
    """Each half-A gold event's kind (by id), and the counts (with no-target and unlocated evidence)."""
    kind, counts = {}, collections.Counter()
    for aid, text, _, gold in er.tune_texts(er.default_data()):
        if er.half_of(aid) != "A":
            continue
        sents = sentences(text)
        for event in gold["events"]:
            names = (event.get("target") or {}).get("names") or []
            if not names:
                counts["no-target"] += 1
                continue
            evidence = " ".join(event["evidence"].split()).lower()[:60]
            k = next((i for i, s in enumerate(sents) if evidence in s), None)
            if k is None:
                counts["evidence-not-found"] += 1
                continue
            kind[event["id"]] = where(names, sents, k)
            counts[kind[event["id"]]] += 1
    return kind, counts


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--verdicts", type=pathlib.Path, help="eval_realtext.py -v output of half A")
    ap.add_argument("--fates", type=pathlib.Path, help="candidate_fates.py output of half A")
    args = ap.parse_args()
    kind, counts = kinds_of_half_a()
    print("gold events of half A by where their recipient is named:", dict(counts))
    if args.verdicts:
        text = args.verdicts.read_text(encoding="utf-8")
        verdicts = collections.Counter()
        for m in re.finditer(r"gold (STRICT|loose|  --) +q? +(on-\S+)", text):
            verdicts[(kind.get(m.group(2), "no-target/unlocated"), m.group(1).strip())] += 1
        print("gold verdicts by kind:")
        for key in sorted(verdicts):
            print("  %-22s %-6s %3d" % (key[0], key[1], verdicts[key]))
        wrong = collections.Counter(
            kind.get(m.group(1), "no-target/unlocated") for m in re.finditer(r"-> (on-\S+) type=. src=. tgt=n", text)
        )
        print("emitted events with a wrong target, by where the gold recipient is:", dict(wrong))
    if args.fates:
        withheld = collections.Counter()
        for line in args.fates.read_text(encoding="utf-8").split("== B")[0].splitlines():
            if "-> -" in line:
                m = re.search(r"gold (on-\S+)", line)
                withheld[kind.get(m.group(1), "no-target/unlocated") if m else "no gold event"] += 1
        print("targetless candidates withheld (below threshold or recipientless), by kind:", dict(withheld))
    return 0


if __name__ == "__main__":
    sys.exit(main())
