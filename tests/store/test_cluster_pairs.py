"""The event-cluster rule on 108 report pairs written for the project (cluster_pairs.yaml), coded
by the full pipeline. Figures and the command that prints them: docs/evaluation.md, ## Store."""

from __future__ import annotations

from cluster_eval import accuracy, evaluate, load_pairs, with_events

# Measured 2026-11-25 (docs/evaluation.md): 0.981 end to end (106/108), 0.981 where both reports
# yield an event (103/105), after the event-coder and actor fixes of issue #7 (before: 0.806 and
# 0.903). The floors sit just under (one more miss still passes), so a regression in clustering or
# in the stages it relies on fails.
END_TO_END_FLOOR = 0.97
RULE_FLOOR = 0.97


def test_the_pair_set_is_large_enough_and_balanced():
    pairs = load_pairs()
    kinds = [p["kind"] for p in pairs]
    assert len(pairs) >= 100
    assert {"same", "other_event", "other_day"} == set(kinds)
    assert min(kinds.count(k) for k in set(kinds)) >= 25


def test_cluster_pairwise_accuracy(pipeline):
    results = evaluate(pipeline)
    coded = with_events(results)
    misses = [r.id for r in results if not r.correct]
    assert accuracy(results) >= END_TO_END_FLOOR, misses
    assert accuracy(coded) >= RULE_FLOOR, misses
    # Different happenings must practically never be merged: a merge hides an event from the data.
    different = [r for r in results if not r.expected_same]
    assert accuracy(different) >= 0.95, misses
