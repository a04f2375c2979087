#!/usr/bin/env python
"""The date errors of diurna's date chooser by kind, held out by article (issue 25).

    python scripts/train_dates.py --pred TUNE.jsonl --features F.jsonl --no-write   # extract once
    python scripts/date_error_kinds.py F.jsonl                     # out-of-fold choice, counts by kind
    python scripts/date_error_kinds.py F.jsonl --examples 3        # with examples of each kind
    python scripts/date_error_kinds.py RN_F.jsonl --model diurna/time/model/dates.json   # a packaged model

Data read: the examples scripts/train_dates.py extracts (--features) from `diurna code` output of
the real-text tune split or realnews-dev, located on their gold events; the frozen split never.
The chooser's choice of each tune event is made by a fit on the other folds (5 folds grouped by
article, the packaged setting's C and margins read from --model), or by --model itself for a set
it was not trained on. Each event whose chosen date is not right (eval_dates.py's `right_issue`) is
put in one kind:

- too_wide: a week, month, season or year overlapping a narrower gold interval;
- before_pub_gold_dated: "before publication, day unknown" where the gold has a date, split by
  what would have been right: the publication day (the story's news taken for background), a
  carried date (the previous sentence's, the episode's, the last told, the lead's), or neither;
- before_earlier_gold_dated: "before" an earlier date where the gold has one;
- dated_gold_undated: a day or period where the gold says the text gives no date (background);
- short_before_gold_undated: the news span for background (not taught as right: train_dates._short);
- pubday_gold_earlier: the publication day for an event the gold puts earlier;
- wrong_expression: a stated date of the sentence that does not overlap the gold;
- wrong_carried: a date carried from elsewhere that does not overlap the gold;
- other.

For each kind: how many events have some right candidate at all (`any`) and among the
candidates the chooser may take (`admissible`).
"""

from __future__ import annotations

import argparse
import collections
import datetime as dt
import json
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.dirname(HERE))
sys.path.insert(0, HERE)
import train_dates  # noqa: E402
from diurna.time.candidates import STATED_SOURCES  # noqa: E402

CARRIED = {"previous_sentence", "episode", "last_told", "lead_date", "dateline"}
STATED = set(STATED_SOURCES)


def _days(a: str, b: str) -> int:
    return (dt.date.fromisoformat(b) - dt.date.fromisoformat(a)).days


def kind_of(ex: dict, chosen: dict) -> str:
    """The kind of a wrong choice `chosen` for the example `ex` (see the module's docstring)."""
    s, e, gran = chosen["date"]
    pub, gold = ex["published"], ex["gold"]
    if gold is None:
        if gran == "before":
            return "short_before_gold_undated"
        return "pubday_gold_undated" if s == e == pub else "dated_gold_undated"
    g0, g1 = gold
    if chosen["overlap"]:
        if gran == "before":
            if e != pub:
                return "before_earlier_gold_dated"
            if any(c["right"] and c["date"] == [pub, pub, "day"] for c in ex["all"]):
                return "before_pub_gold_dated/pubday_right"  # the story's news taken for background
            if any(c["right"] and CARRIED & set(c["sources"]) for c in ex["all"]):
                return "before_pub_gold_dated/carried_right"  # the episode's day not carried
            return "before_pub_gold_dated/other"
        return "too_wide"
    if s == e == pub and g1 < pub:
        return "pubday_gold_earlier"
    sources = set(chosen["sources"])
    if sources & STATED or any(x.startswith("rule:") for x in sources) and chosen.get("text"):
        return "wrong_expression"
    if sources & CARRIED:
        return "wrong_carried"
    return "other"


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(
        description=__doc__.splitlines()[0], formatter_class=argparse.RawDescriptionHelpFormatter, epilog=__doc__
    )
    ap.add_argument("features", help="examples written by scripts/train_dates.py --features")
    ap.add_argument("--model", default=train_dates.MODEL, help="model whose setting (or weights) to use")
    ap.add_argument("--apply", action="store_true", help="choose with --model's weights (a set it was not fitted on)")
    ap.add_argument("--rules", action="store_true", help="the rules' own choice instead of the chooser's")
    ap.add_argument("--examples", type=int, default=0, help="examples to print of each kind")
    args = ap.parse_args(argv)
    examples = [json.loads(line) for line in open(args.features, encoding="utf-8")]
    for ex in examples:
        ex["all"] = ex["cands"]
    examples = [dict(train_dates.admissible(ex), all=ex["all"]) for ex in examples]
    model = json.load(open(args.model, encoding="utf-8"))
    if args.rules:
        chosen = [next(c for c in ex["cands"] if "first" in c["sources"]) for ex in examples]
    elif args.apply:
        chosen = [train_dates.choose(ex, model["weights"], model) for ex in examples]
    else:
        chosen = train_dates.out_of_fold(examples, model)
    train_dates.show("chosen", train_dates.figures(examples, chosen))
    by_kind: dict[str, list] = collections.defaultdict(list)
    for ex, c in zip(examples, chosen):
        if not c["right"]:
            by_kind[kind_of(ex, c)].append((ex, c))
    print("%-40s %6s %6s %11s" % ("kind", "events", "any", "admissible"))
    for k, items in sorted(by_kind.items(), key=lambda kv: -len(kv[1])):
        anyr = sum(any(c["right"] for c in ex["all"]) for ex, _ in items)
        adm = sum(any(c["right"] for c in ex["cands"]) for ex, _ in items)
        print("%-40s %6d %6d %11d" % (k, len(items), anyr, adm))
    print("%-40s %6d" % ("total not right", sum(len(v) for v in by_kind.values())))
    if by_kind.get("too_wide"):
        gran = collections.Counter(
            (c["date"][2], "gold_day" if _days(*ex["gold"]) <= 1 else "gold_wider") for ex, c in by_kind["too_wide"]
        )
        print("too_wide by granularity and gold:", dict(gran.most_common()))
    for k, items in sorted(by_kind.items(), key=lambda kv: -len(kv[1])):
        for ex, c in items[: args.examples]:
            right = [x["date"] + [x["sources"][0]] for x in ex["all"] if x["right"]][:2]
            print(
                "  %-32s %s pub=%s gold=%s out=%s %r via %s | right: %s | %s [%s]"
                % (
                    k[:32],
                    ex["article"][:24],
                    ex["published"],
                    ex["gold"],
                    "..".join(c["date"][:2]) + " " + c["date"][2],
                    c.get("text"),
                    ",".join(c["sources"][:2]),
                    right,
                    ex["where"][:120],
                    ex.get("trigger"),
                )
            )


if __name__ == "__main__":
    main()
