"""How much the learned event detector could add at best: tune half A coded by the whole events stage
with no detector, with the packaged one, and with two oracles standing in for it that answer every
verb the stage asks the detector about (no lexicon sense, no speech or light verb) with its gold label:
- "in evidence": the type of the gold event whose evidence the verb lies in, else NONE;
- "heading evidence": the same, only for the verb heading that evidence (its head lies outside), which
  is how scripts/train_detector.py labels tune verbs.
An oracle knows each verb's label, so its figures bound any detector trained on these labels: what
it still gets wrong is what the stage does with a right type (the parties it finds, the verb it
anchors on), not what the model reads.

Reads tune half A only (never B, never the frozen part); scored with realnews-dev's scorer.

    python scripts/experiments/detector_ceiling.py [--docs DIR]   # DIR keeps the pipeline documents
"""

from __future__ import annotations

import argparse
import pathlib
import sys

REPO = pathlib.Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "scripts"))

from diurna.events.detector import NONE, Detection  # noqa: E402
from diurna.events.stage import EventStage  # noqa: E402
from eval_realtext import default_data, scorer  # noqa: E402
from train_detector import shown, stage_baselines, stage_counts  # noqa: E402
from train_nominal import coded  # noqa: E402


def evidence_spans(text: str, gold: dict) -> list[tuple[int, int, str]]:
    """(start, end, type) of every gold evidence string of the article (acceptable extras included),
    as train_detector.realtext_examples finds them."""
    spans = []
    for event in gold["events"] + gold.get("acceptable_extra", []):
        kind = event["type"] if isinstance(event["type"], str) else event["type"][0]
        for quote in [event["evidence"]] + list(event.get("evidence_alt", [])):
            at = text.find(quote)
            if at >= 0:
                spans.append((at, at + len(quote), "CONCEDE" if kind == "YIELD" else kind))
    return spans


class OracleDetector:
    """Stands in for EventDetector: the gold label of each verb asked about (set_spans per article)."""

    threshold = 0.5

    def __init__(self, heading_only: bool):
        self.heading_only, self.spans = heading_only, []

    def detect(self, verb, lexicon_type=None) -> Detection:
        for start, end, kind in self.spans:
            heads = verb.head == verb or not start <= verb.head.idx < end
            if start <= verb.idx < end and (heads or not self.heading_only):
                return Detection(kind, 1.0)
        return Detection(NONE, 1.0)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--docs", type=pathlib.Path, help="keeps the pipeline documents (train_nominal.coded)")
    args = ap.parse_args()
    docs = coded(default_data(), args.docs, only_a=True)["tune"]
    stage, sc = EventStage(), scorer()
    base = stage_baselines(stage, sc, docs)
    for heading_only, name in ((False, "in evidence"), (True, "heading evidence")):
        oracle = OracleDetector(heading_only)
        totals = None
        for article in docs:
            oracle.spans = evidence_spans(article[3].text, article[2])
            counts = stage_counts(stage, sc, [article], oracle)
            totals = counts if totals is None else totals + counts
        print("tune-A with an oracle (%s): %s" % (name, shown(totals, base)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
