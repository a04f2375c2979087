"""The event test set (cases.yaml): 200+ news sentences written for diurna, each run through the
full pipeline; the share coded right (type, source and target) must stay at or above PASS_RATE."""

from __future__ import annotations

import pathlib
import re

import pytest
import yaml

from diurna.records import PLOVER_TYPES

CASES = yaml.safe_load((pathlib.Path(__file__).parent / "cases.yaml").read_text(encoding="utf-8"))
PASS_RATE = 0.85
NONE_PASS_RATE = 0.85


def _norm(text: str) -> str:
    text = re.sub(r"\s+", " ", text).strip().casefold()
    return text[4:] if text.startswith("the ") else text


def names_actor(doc, actor_id, expected: str | None) -> bool:
    """The actor is named `expected`: its name or a mention text equals it or contains it as whole words."""
    if expected is None:
        return actor_id is None
    actor = doc.actor(actor_id)
    if actor is None:
        return False
    want = _norm(expected)
    for text in [actor.name] + [m.text for m in actor.mentions]:
        if re.search(r"(?<!\w)" + re.escape(want) + r"(?!\w)", _norm(text)):
            return True
    return False


def case_result(doc, case: dict) -> tuple[bool, str]:
    """(passed, why not) for one case."""
    if case.get("none"):
        return (not doc.events), "coded %s" % [e.type for e in doc.events]
    for i, (etype, source, target) in enumerate(case["events"]):
        found = [
            e
            for e in doc.events
            if e.type == etype and names_actor(doc, e.source, source) and names_actor(doc, e.target, target)
        ]
        if not found:
            return False, "missing %s %s -> %s; coded %s" % (etype, source, target, describe(doc))
        if i == 0 and "polarity" in case and not any(e.polarity == case["polarity"] for e in found):
            return False, "polarity %s" % [e.polarity for e in found]
        if i == 0 and "modality" in case and not any(e.modality == case["modality"] for e in found):
            return False, "modality %s" % [e.modality for e in found]
    return True, ""


def describe(doc) -> list[str]:
    name = {a.id: a.name for a in doc.actors}
    return ["%s %s->%s (%s)" % (e.type, name.get(e.source), name.get(e.target), e.trigger.text) for e in doc.events]


def test_cases_are_well_formed():
    assert len(CASES) >= 200
    covered = set()
    for case in CASES:
        assert case["text"].strip()
        if case.get("none"):
            continue
        for etype, source, _target in case["events"]:
            assert etype in PLOVER_TYPES, case
            assert source, case
            covered.add(etype)
    assert covered == set(PLOVER_TYPES)
    tags = {t for c in CASES for t in c.get("tags", ())}
    assert {"negation", "modality", "passive", "coordination", "nominal", "control", "none"} <= tags


def extra_events(doc, case: dict) -> int:
    """Coded events that no expected triple accounts for (precision on the test set)."""
    expected = case.get("events") or []
    return sum(
        not any(e.type == t and names_actor(doc, e.source, s) and names_actor(doc, e.target, g) for t, s, g in expected)
        for e in doc.events
    )


def run(code) -> dict:
    """Code every case; the figures docs/evaluation.md reports."""
    results = []
    for case in CASES:
        doc = code(case["text"])
        ok, why = case_result(doc, case)
        results.append((case, ok, why, len(doc.events), extra_events(doc, case)))
    coded = [r for r in results if not r[0].get("none")]
    empty = [r for r in results if r[0].get("none")]
    by_tag: dict[str, list[int]] = {}
    for case, ok, *_ in results:
        for tag in case.get("tags", ()):
            by_tag.setdefault(tag, [0, 0])
            by_tag[tag][0] += ok
            by_tag[tag][1] += 1
    return {
        "rate": sum(r[1] for r in coded) / len(coded),
        "passed": sum(r[1] for r in coded),
        "cases": len(coded),
        "none_rate": sum(r[1] for r in empty) / len(empty),
        "none_cases": len(empty),
        "events": sum(r[3] for r in results),
        "extra": sum(r[4] for r in results),
        "by_tag": by_tag,
        "failures": ["%s | %s" % (c["text"], why) for c, ok, why, *_ in results if not ok],
    }


@pytest.mark.slow
def test_event_cases_pass_rate(code):
    report = run(code)
    failures = "\n".join(report["failures"])
    assert report["rate"] >= PASS_RATE, "event cases: %.3f < %.2f\n%s" % (report["rate"], PASS_RATE, failures)
    assert report["none_rate"] >= NONE_PASS_RATE, "no-event cases: %.3f\n%s" % (report["none_rate"], failures)


if __name__ == "__main__":  # nice .venv/bin/python tests/events/test_cases.py  (the figures in docs/evaluation.md)
    import sys

    from diurna.events import EventStage
    from diurna.pipeline import Pipeline

    pipeline = Pipeline(default_pubdate="2017-12-11")
    if "--time-stage" in sys.argv:  # the event stage's own cost, on the parsed cases, without and with the classifier
        import time

        pipeline.stages = [s for s in pipeline.stages if s.name != "events"]
        docs = [pipeline.code_text(case["text"], "2017-12-11") for case in CASES]
        tokens = sum(len(d.spacy_doc) for d in docs)
        for use, encoder in ((False, False), (True, False), (True, True)):
            stage = EventStage(use_classifier=use, use_encoder=encoder)
            for d in docs:
                d.events.clear()
            start = time.perf_counter()
            for d in docs:
                stage(d)
            took = time.perf_counter() - start
            print(
                "classifier %s: %d articles, %d tokens, %.2f s: %.1f ms/article, %.0f tokens/s"
                % (
                    ("linear + encoder" if encoder else "linear") if use else "off",
                    len(docs),
                    tokens,
                    took,
                    1000 * took / len(docs),
                    tokens / took,
                )
            )
        sys.exit(0)
    if "--no-classifier" in sys.argv:
        pipeline.stages = [s for s in pipeline.stages if s.name != "events"] + [EventStage(use_classifier=False)]
    elif "--with-encoder" in sys.argv:  # the stage with the linear model + fine-tuned encoder
        pipeline.stages = [s for s in pipeline.stages if s.name != "events"] + [EventStage(use_encoder=True)]
    r = run(lambda text: pipeline.code_text(text, "2017-12-11"))
    print(
        "cases with events: %d/%d right (%.3f); no-event cases: %.3f of %d; events coded %d, of which %d "
        "not expected" % (r["passed"], r["cases"], r["rate"], r["none_rate"], r["none_cases"], r["events"], r["extra"])
    )
    print(" ".join("%s %d/%d" % (t, a, b) for t, (a, b) in sorted(r["by_tag"].items())))
    for line in r["failures"]:
        print("FAIL", line)
