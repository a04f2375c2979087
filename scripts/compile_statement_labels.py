#!/usr/bin/env python3
"""Compile the labellers' speech-act labels of PolNeAR train attributions into data/polnear_statements/.

    python3 scripts/compile_statement_labels.py                      # from /work/coord/labels10
    python3 scripts/compile_statement_labels.py --labels DIR --polnear ../shared/data/polnear/train

Each labeller wrote one JSON line per attribution of their queue (queue_L.txt), in queue order:
{"id", "type", "target" (the actor as written near the cue, or null), "source_is_actor", "note",
"target_is" (whom a pronoun target means)}. What is written to the repository holds **no article
text**: the target becomes character offsets into PolNeAR's article (the occurrence nearest the cue
inside the paragraph the labeller was shown, as /work/coord/label_view.py showed it), the notes are
left out (they are the labellers' words, but may echo the article's). One line per attribution:

    {"id": "0602-E8", "article": "0602", "type": "THREATEN", "target": [s, e] | null,
     "target_is": [s, e] | null, "source_is_actor": true, "labeller": "p", "queue_rank": 1}

A target string that cannot be found near the cue keeps `"target": null` and `"target_unfound":
true` (counted on stderr), so that a trainer can tell "no recipient" from "recipient not located".
Standard library only.
"""

from __future__ import annotations

import argparse
import json
import pathlib
import sys
import unicodedata

REPO = pathlib.Path(__file__).resolve().parent.parent
OUT = REPO / "data" / "polnear_statements"
TYPES = ("ACCUSE", "REJECT", "REQUEST", "THREATEN", "SUPPORT", "AGREE", "CONCEDE", "CONSULT", "OTHER", "NONE")
BEFORE, AFTER = 600, 400  # the window label_view.py shows around an attribution


def shown_window(text: str, lo: int, hi: int) -> tuple[int, int]:
    """The stretch of the article the labeller saw: back to the paragraph start (at most BEFORE
    characters), on to the paragraph end (at most AFTER characters) -- label_view.py's window."""
    start = max(text.rfind("\n", 0, lo), lo - BEFORE, 0)
    end = min([p for p in (text.find("\n", hi), hi + AFTER) if p != -1] + [len(text)])
    return start, end


def _fold(s: str) -> str:
    """Case, quote and apostrophe styles and spacing ignored, one character for one (offsets keep)."""
    s = unicodedata.normalize("NFKC", s) if len(unicodedata.normalize("NFKC", s)) == len(s) else s
    table = str.maketrans({"\u2019": "'", "\u2018": "'", "\u201c": '"', "\u201d": '"', "\n": " ", "\u00a0": " "})
    return s.translate(table).lower()


def locate(text: str, phrase: str, near: int, lo: int, hi: int) -> tuple[int, int] | None:
    """The occurrence of `phrase` in text[lo:hi] nearest to `near`, as (start, end); None if absent."""
    if not phrase or not phrase.strip():
        return None
    hay, needle = _fold(text[lo:hi]), _fold(phrase.strip())
    found, at = [], hay.find(needle)
    while at != -1:
        found.append(lo + at)
        at = hay.find(needle, at + 1)
    if not found:
        return None
    best = min(found, key=lambda s: abs(s - near))
    return best, best + len(needle)


def compile_labels(labels_dir: pathlib.Path, polnear: pathlib.Path) -> tuple[list[dict], dict]:
    gold = {}
    for line in (polnear / "gold.jsonl").open(encoding="utf-8"):
        r = json.loads(line)
        gold[r["id"]] = r
    out, stats = [], {"unfound": 0, "unfound_ids": [], "bad_type": 0, "not_in_queue": 0, "duplicates": 0}
    for path in sorted(labels_dir.glob("*.jsonl")):
        labeller = path.stem
        queue_file = labels_dir / ("queue_%s.txt" % labeller)
        queue = [q.strip() for q in queue_file.open()] if queue_file.exists() else []
        rank = {q: k for k, q in enumerate(queue)}
        seen = set()
        for number, line in enumerate(path.open(encoding="utf-8"), 1):
            if not line.strip():
                continue
            try:
                lab = json.loads(line)
            except json.JSONDecodeError as err:
                raise SystemExit("%s:%d: not a JSON label (%s)" % (path, number, err)) from None
            aid = lab.get("id")
            if aid not in gold:
                raise SystemExit("%s:%d: %r is no attribution of PolNeAR train" % (path, number, aid))
            if aid in seen:
                stats["duplicates"] += 1
                continue
            seen.add(aid)
            kind = str(lab.get("type", "")).upper()
            if kind not in TYPES:
                stats["bad_type"] += 1
                continue
            g = gold[aid]
            text = (polnear / "articles" / (g["article"] + ".txt")).read_text(encoding="utf-8")
            cue = g["cue"]
            lo, hi = shown_window(text, *_extent(g))
            target = locate(text, lab.get("target") or "", cue["start"], lo, hi)
            target_is = locate(text, lab.get("target_is") or "", cue["start"], 0, len(text))
            row = {
                "id": aid,
                "article": g["article"],
                "type": kind,
                "target": list(target) if target else None,
                "target_is": list(target_is) if target_is else None,
                "source_is_actor": bool(lab.get("source_is_actor")),
                "labeller": labeller,
                "queue_rank": rank.get(aid),
            }
            if lab.get("target") and target is None:
                row["target_unfound"] = True
                stats["unfound"] += 1
                stats["unfound_ids"].append(aid)
            if aid not in rank:
                stats["not_in_queue"] += 1
            out.append(row)
    out.sort(key=lambda r: (r["labeller"], r["queue_rank"] if r["queue_rank"] is not None else 10**6))
    return out, stats


def _extent(g: dict) -> tuple[int, int]:
    spans = [g[role] for role in ("source", "cue", "content") if g.get(role)]
    return min(s["start"] for s in spans), max(s["end"] for s in spans)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--labels", type=pathlib.Path, default=pathlib.Path("/work/coord/labels10"))
    ap.add_argument("--polnear", type=pathlib.Path, default=REPO.parent / "shared" / "data" / "polnear" / "train")
    ap.add_argument("--out", type=pathlib.Path, default=OUT / "labels.jsonl")
    args = ap.parse_args()
    if not (args.polnear / "gold.jsonl").is_file():
        args.polnear = pathlib.Path("/work/shared/data/polnear/train")
    rows, stats = compile_labels(args.labels, args.polnear)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    with args.out.open("w", encoding="utf-8") as f:
        for r in rows:
            f.write(json.dumps(r, sort_keys=True) + "\n")
    from collections import Counter

    print("%d labels -> %s" % (len(rows), args.out), file=sys.stderr)
    print("per labeller %s" % dict(Counter(r["labeller"] for r in rows)), file=sys.stderr)
    print("per type %s" % dict(Counter(r["type"] for r in rows)), file=sys.stderr)
    print(
        "targets located %d, not found %d %s; bad type %d; duplicates %d; not in a queue %d"
        % (
            sum(1 for r in rows if r["target"]),
            stats["unfound"],
            stats["unfound_ids"][:10],
            stats["bad_type"],
            stats["duplicates"],
            stats["not_in_queue"],
        ),
        file=sys.stderr,
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
