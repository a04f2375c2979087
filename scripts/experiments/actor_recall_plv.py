#!/usr/bin/env python3
"""Which marked parties of PLV_train the actor stage does not recognise as actors (issue #21).

PLV_train (../shared/data/plv/PLV_train.tsv, 1,050 rows) marks each sentence's source and target span
by hand (`<s>...</s>`, `<t>...</t>`): every one is a party of a political event, so every one should be
an actor. This codes each sentence (actor, time, place and country stages only) and counts the spans
on none of whose tokens an actor mention lies, by the span's head word, so that missed kinds of
parties (an agent noun the dictionaries lack, an acronym, a coalition) show with their counts in text
outside the evaluation set. Never reads the real-text set.

    .venv/bin/python scripts/experiments/actor_recall_plv.py [--cache /tmp/plv_actors.pkl] [--examples 3]
"""

from __future__ import annotations

import argparse
import collections
import csv
import pathlib
import pickle
import re
import sys

REPO = pathlib.Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO))

from diurna.actors import ActorStage  # noqa: E402
from diurna.actors.country import ActorCountryStage  # noqa: E402
from diurna.ingest.base import RawArticle  # noqa: E402
from diurna.pipeline import Pipeline  # noqa: E402
from diurna.places import PlaceStage  # noqa: E402
from diurna.time import TimeStage  # noqa: E402

PLV = REPO.parent / "shared" / "data" / "plv" / "PLV_train.tsv"
if not PLV.exists():  # a git worktree: the shared data sits beside the main checkout
    PLV = pathlib.Path("/work/shared/data/plv/PLV_train.tsv")


def spans(marked: str) -> dict[str, tuple[int, int]]:
    """Character spans of the source and target in the unmarked sentence."""
    out, text, pos = {}, "", 0
    for m in re.finditer(r"<(/?)([st])>", marked):
        text += marked[pos : m.start()]
        pos = m.end()
        if m.group(1):
            out[m.group(2)] = (out[m.group(2)][0], len(text))
        else:
            out[m.group(2)] = (len(text), None)
    return {side: out[tag] for side, tag in (("source", "s"), ("target", "t")) if tag in out}


def coded(rows, cache):
    if cache is not None and cache.exists():
        with open(cache, "rb") as f:
            return pickle.load(f)
    pipe = Pipeline(stages=[ActorStage(), TimeStage(), PlaceStage(), ActorCountryStage()], time_budget=0)
    texts = {}
    for r in rows:
        texts.setdefault(r["sentence_id"], r["sentence"])
    ids = sorted(texts)
    raws = [RawArticle(origin="plv-%s" % i, text=texts[i], date="2018-06-01") for i in ids]
    out = {}
    for i, doc in zip(ids, pipe(raws)):
        if not hasattr(doc, "spacy_doc"):
            continue
        sd = doc.spacy_doc
        toks = [(t.idx, t.idx + len(t.text), t.text, t.lemma_.lower(), t.dep_, t.head.i, t.i) for t in sd]
        mentions = {
            t.i: (doc.mention_at_token(t.i).how, doc.actor(doc.mention_at_token(t.i).actor_id).code)
            for t in sd
            if doc.mention_at_token(t.i) is not None
        }
        out[i] = (doc.text, toks, mentions)
    if cache is not None:
        with open(cache, "wb") as f:
            pickle.dump(out, f)
    return out


def head_of(toks, start, end):
    inside = [t for t in toks if t[0] >= start and t[1] <= end]
    idx = {t[6] for t in inside}
    heads = [t for t in inside if t[5] not in idx or t[5] == t[6]]
    return inside, (heads[0] if heads else None)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--cache", type=pathlib.Path)
    ap.add_argument("--examples", type=int, default=3)
    ap.add_argument("--min", type=int, default=2, help="list head words missed at least this often")
    args = ap.parse_args()
    rows = list(csv.DictReader(PLV.open(encoding="utf-8", newline=""), delimiter="\t"))
    docs = coded(rows, args.cache)
    total, missed = collections.Counter(), collections.Counter()
    by_head, examples = collections.Counter(), collections.defaultdict(list)
    for r in rows:
        if r["sentence_id"] not in docs:
            continue
        text, toks, mentions = docs[r["sentence_id"]]
        for side, (start, end) in spans(r["marked_sentence"]).items():
            inside, head = head_of(toks, start, end)
            total[side] += 1
            if any(t[6] in mentions for t in inside):
                continue
            missed[side] += 1
            word = head[3] if head else "?"
            by_head[word] += 1
            examples[word].append(text[start:end])
    for side in ("source", "target"):
        print(
            "%s spans %d; no actor mention on any token %d (%.2f)"
            % (side, total[side], missed[side], missed[side] / (total[side] or 1))
        )
    for word, n in by_head.most_common():
        if n < args.min:
            break
        print("%4d  %-16s %s" % (n, word, " | ".join(examples[word][: args.examples])))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
