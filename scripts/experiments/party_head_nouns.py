#!/usr/bin/env python3
"""Common nouns that head the marked parties of independent annotated text but no agent word covers
(issue #21: noun phrases that are actors but come out as none).

Reads PolNeAR train's attribution sources (../shared/data/polnear/train/gold.jsonl) and PLV_train's
marked sources and targets (../shared/data/plv/PLV_train.tsv); parses each span alone, keeps those
headed by a common noun with no proper noun in the span, and counts, per head lemma the actor KB's agent
words, collective and crowd heads do not know, the PolNeAR articles or PLV sentences it heads a party
in. The list is read by hand: poll, report and statement speak in PolNeAR but are things, not actors;
the agent words chosen from it are in diurna/actors/data/overlay.yaml with their counts. Never reads
the real-text set.

    .venv/bin/python scripts/experiments/party_head_nouns.py [--top 120]
"""

from __future__ import annotations

import argparse
import collections
import csv
import json
import pathlib
import sys

REPO = pathlib.Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO))

from diurna import nlp as nlp_stage  # noqa: E402
from diurna.actors import default_kb  # noqa: E402
from diurna.actors.mentions import COLLECTIVE_HEADS, CROWD_HEADS  # noqa: E402

SHARED = REPO.parent / "shared" / "data"
if not SHARED.exists():  # a git worktree: the shared data sits beside the main checkout
    SHARED = pathlib.Path("/work/shared/data")


def party_spans() -> list[tuple[str, str]]:
    """(document key, span text) of every PolNeAR train source and PLV_train source and target."""
    out = []
    for line in (SHARED / "polnear" / "train" / "gold.jsonl").open(encoding="utf-8"):
        record = json.loads(line)
        if record["source"]:
            out.append(("polnear:" + record["article"], record["source"]["text"]))
    with (SHARED / "plv" / "PLV_train.tsv").open(encoding="utf-8", newline="") as f:
        for row in csv.DictReader(f, delimiter="\t"):
            out += [("plv:" + row["sentence_id"], row["source"]), ("plv:" + row["sentence_id"], row["target"])]
    return out


def unknown_heads(spans: list[tuple[str, str]]) -> tuple[dict[str, set[str]], dict[str, str]]:
    """Head lemma -> documents it heads a common-noun party in, for heads no agent word covers."""
    kb, nlp = default_kb(), nlp_stage.load()
    documents: dict[str, set[str]] = collections.defaultdict(set)
    example: dict[str, str] = {}
    for (key, _), doc in zip(spans, nlp.pipe([text for _, text in spans], batch_size=256)):
        head = next((t for t in doc if t.head.i == t.i), None)
        if head is None or head.pos_ != "NOUN" or any(t.pos_ == "PROPN" for t in doc):
            continue
        if head.lower_ in kb.agents or head.lower_ in COLLECTIVE_HEADS or head.lower_ in CROWD_HEADS:
            continue
        documents[head.lemma_.lower()].add(key)
        example.setdefault(head.lemma_.lower(), doc.text)
    return documents, example


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0], epilog=__doc__)
    ap.add_argument("--top", type=int, default=120)
    args = ap.parse_args()
    documents, example = unknown_heads(party_spans())
    for word, keys in sorted(documents.items(), key=lambda kv: (-len(kv[1]), kv[0]))[: args.top]:
        print("%4d  %-16s %s" % (len(keys), word, example[word][:60]))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
