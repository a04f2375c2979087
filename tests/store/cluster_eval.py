"""Scoring the event-cluster rule on the pair set in cluster_pairs.yaml (full pipeline, then store).

A pair is predicted "same happening" when some event of one report and some event of the other
land in one cluster. Pairwise accuracy = correct predictions / pairs.

    .venv/bin/python tests/store/cluster_eval.py      # per-kind figures and the misses
"""

from __future__ import annotations

import pathlib
from dataclasses import dataclass

import yaml

PAIRS = pathlib.Path(__file__).with_name("cluster_pairs.yaml")


@dataclass
class PairResult:
    id: str
    kind: str
    expected_same: bool
    predicted_same: bool
    events_a: int
    events_b: int

    @property
    def correct(self) -> bool:
        return self.expected_same == self.predicted_same


def load_pairs() -> list[dict]:
    return yaml.safe_load(PAIRS.read_text(encoding="utf-8"))["pairs"]


def score_pair(pipeline, pair: dict) -> PairResult:
    from diurna.store import Store

    docs = [pipeline.code_text(pair[side]["text"], str(pair[side]["date"])) for side in ("a", "b")]
    with Store(":memory:") as store:
        store.write(docs)
        clusters = [
            {
                r[0]
                for r in store.con.execute(
                    "SELECT cluster_id FROM events WHERE article_id = ?", [doc.article.id]
                ).fetchall()
            }
            for doc in docs
        ]
    return PairResult(
        pair["id"],
        pair["kind"],
        pair["kind"] == "same",
        bool(clusters[0] & clusters[1]),
        len(docs[0].events),
        len(docs[1].events),
    )


def evaluate(pipeline) -> list[PairResult]:
    return [score_pair(pipeline, pair) for pair in load_pairs()]


def accuracy(results: list[PairResult]) -> float:
    return sum(r.correct for r in results) / len(results)


def with_events(results: list[PairResult]) -> list[PairResult]:
    """The pairs where the pipeline found an event in both reports: what the cluster rule decides
    (a pair with an empty report is decided by the event stage, not by clustering)."""
    return [r for r in results if r.events_a and r.events_b]


def main() -> None:
    from diurna.pipeline import Pipeline

    results = evaluate(Pipeline())
    print("pairs: %d  pairwise accuracy: %.3f" % (len(results), accuracy(results)))
    coded = with_events(results)
    print("pairs with an event in both reports: %d  pairwise accuracy: %.3f" % (len(coded), accuracy(coded)))
    for kind in ("same", "other_event", "other_day"):
        part = [r for r in results if r.kind == kind]
        print("  %-12s %3d pairs  accuracy %.3f" % (kind, len(part), accuracy(part)))
    for r in results:
        if not r.correct:
            print(
                "  miss %s (%s): predicted %s; events %d/%d"
                % (r.id, r.kind, "same" if r.predicted_same else "different", r.events_a, r.events_b)
            )


if __name__ == "__main__":
    main()
