"""The event verifier: what the stage tells it, its probability as the event's confidence, the threshold."""

from __future__ import annotations

import json
import math

import pytest

from diurna.events.stage import EventStage
from diurna.events.verifier import ENCODING, MODEL_PATH, Verifier, facts, features

TEXT = (
    "Japan sent emergency aid to Turkey on Monday.\n\n"
    "Police in Nairobi arrested dozens of protesters, the Kenyan interior ministry said."
)
# three sentences: a text that reads as a story (DocIndex.reads_as_story), where the default threshold applies
STORY = TEXT + "\n\nThe arrests came a day after the protesters marched to parliament."


class _Fixed:
    """A verifier that gives every event the same probability and keeps what the stage told it."""

    def __init__(self, p: float, threshold: float = 0.0):
        self.p, self.threshold, self.seen = p, threshold, []

    def probabilities(self, doc, judged, events, arguments=None):
        self.seen.append(facts(doc, judged, events, arguments))
        return [self.p] * len(events)


def _code(pipeline, stage, text=TEXT):
    from diurna.pipeline import Pipeline

    stages = [s for s in pipeline.stages if s.name != "events"] + [stage]
    return Pipeline(stages=stages).code_text(text, "2024-05-02")


def test_the_verifiers_probability_is_the_events_confidence(pipeline):
    verifier = _Fixed(0.4321)
    doc = _code(pipeline, EventStage(verifier=verifier))
    assert doc.events and {e.confidence for e in doc.events} == {0.432}
    (seen,) = verifier.seen
    assert len(seen) == len(doc.events)
    aid = next(f for f, e in zip(seen, doc.events) if e.type == "AID")
    assert aid["lemma"] == "send" and aid["target"] == "name" and aid["target_by"] in ("rule", "chooser")
    assert aid["sentence_index"] == 0 and aid["quoted"] is False


def test_events_below_the_threshold_are_left_out(pipeline):
    assert _code(pipeline, EventStage(verifier=_Fixed(0.3, threshold=0.5)), STORY).events == []
    # the user's setting overrides the model's own threshold, both ways
    assert _code(pipeline, EventStage(verifier=_Fixed(0.3, threshold=0.5), min_confidence=0.2), STORY).events
    assert _code(pipeline, EventStage(verifier=_Fixed(0.3), min_confidence=0.35), STORY).events == []


def test_the_events_left_out_are_counted_on_the_article(pipeline):
    every = _code(pipeline, EventStage(verifier=_Fixed(0.3), min_confidence=0.0), STORY)
    assert every.events and every.article.events_withheld == 0
    none = _code(pipeline, EventStage(verifier=_Fixed(0.3, threshold=0.5)), STORY)
    assert none.events == [] and none.article.events_withheld == len(every.events)
    assert none.to_record().article.events_withheld == len(every.events)


def test_a_text_too_short_for_a_story_keeps_every_event_unless_the_user_asks(pipeline):
    # the verifier learned from whole articles: a sentence or two is outside what it saw, so the
    # model's own threshold leaves it alone; the probability is still written as the confidence
    kept = _code(pipeline, EventStage(verifier=_Fixed(0.3, threshold=0.5)))
    assert kept.events and {e.confidence for e in kept.events} == {0.3}
    # the user's --min-confidence applies to every text
    assert _code(pipeline, EventStage(verifier=_Fixed(0.3, threshold=0.5), min_confidence=0.35)).events == []


def test_the_choosers_probabilities_are_read_on_the_candidate_it_chose_for(pipeline):
    # the argument chooser's probability of a role is the one it computed on the rules' candidate:
    # on the emitted candidate an added mention would carry the rules' choice features
    from diurna.events.argmodel import default_argument_model

    model = default_argument_model()
    if model is None:
        pytest.skip("no packaged argument chooser")
    verifier = _Fixed(0.5)
    doc = _code(pipeline, EventStage(verifier=verifier), STORY)
    (seen,) = verifier.seen
    assert len(seen) == len(doc.events)
    for f in seen:
        assert f["options"] >= 1
        for role in ("source", "target"):
            if f[role] == "none":
                assert f[role + "_argp"] == 0.0
            else:
                assert f[role + "_argp"] == -1.0 or 0.0 <= f[role + "_argp"] <= 1.0


def test_without_a_verifier_the_stage_keeps_its_prior_confidence(pipeline):
    with_prior = _code(pipeline, EventStage(use_verifier=False))
    verified = _code(pipeline, EventStage(verifier=_Fixed(0.01)))
    assert [e.id for e in with_prior.events] == [e.id for e in verified.events]
    assert all(e.confidence >= 0.3 for e in with_prior.events)


def test_probability_is_the_logistic_of_the_weights_present():
    v = Verifier(weights={"type=AID": 1.0, "prior": 2.0}, bias=-0.5)
    assert v.probability({}) == pytest.approx(1 / (1 + math.exp(0.5)))
    assert v.probability({"type=AID": 1.0, "prior": 0.25, "unknown": 7.0}) == pytest.approx(1 / (1 + math.exp(-1.0)))


def test_features_name_categories_bins_and_crosses():
    f = {"type": "ASSAULT", "origin": "diurna", "lemma": "kill", "rule": "direct", "prior": 0.9, "in_sentence": 3}
    names = features(f)
    assert names["type=ASSAULT"] == 1.0 and names["lemma=kill"] == 1.0
    assert names["type=ASSAULT&origin=diurna"] == 1.0 and names["type=ASSAULT&lemma=kill"] == 1.0
    assert names["in_sentence<=3"] == 1.0 and names["prior"] == 0.9


def test_a_model_for_other_features_is_refused(tmp_path):
    path = tmp_path / "verifier.json"
    path.write_text(json.dumps({"encoding": "something-else", "weights": {}, "bias": 0.0}))
    with pytest.raises(ValueError, match="train_verifier"):
        Verifier.read(path)


def test_the_packaged_model_reads_and_says_what_it_was_trained_on():
    v = Verifier.read(MODEL_PATH)
    data = json.loads(MODEL_PATH.read_text())
    assert data["encoding"] == ENCODING and 0.0 <= v.threshold < 1.0
    assert "tuning part" in v.meta["trained_on"] and v.weights


def test_each_candidate_has_a_fate_and_the_stage_emits_exactly_the_emitted_ones(pipeline):
    # EventStage.decide says which step left each candidate out (scripts/experiments/candidate_fates.py
    # reads it); the stage's events are its emitted ones, record for record
    from diurna.events.stage import BELOW_THRESHOLD, EMITTED

    kept = _code(pipeline, EventStage(verifier=_Fixed(0.3), min_confidence=0.0), STORY)
    stage = EventStage(verifier=_Fixed(0.3, threshold=0.5))
    dropped = _code(pipeline, stage, STORY)
    assert dropped.events == []
    fates = stage.decide(dropped)
    assert fates and {f.step for f in fates} == {BELOW_THRESHOLD}
    assert [f.event.id for f in fates] == [e.id for e in kept.events]
    fates = EventStage(verifier=_Fixed(0.3), min_confidence=0.0).decide(dropped)
    assert [f.event for f in fates if f.step == EMITTED] == kept.events


def test_another_model_file_is_read_when_named(monkeypatch, tmp_path):
    """DIURNA_VERIFIER_MODEL_FILE names a refit to code with end to end (held-out checks of a refit)."""
    from diurna.events import verifier as verifier_module

    data = json.loads(MODEL_PATH.read_text(encoding="utf-8"))
    data["threshold"] = 0.42
    path = tmp_path / "verifier.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    monkeypatch.setenv("DIURNA_VERIFIER_MODEL_FILE", str(path))
    verifier_module.default_verifier.cache_clear()
    try:
        assert verifier_module.default_verifier().threshold == 0.42
    finally:
        monkeypatch.delenv("DIURNA_VERIFIER_MODEL_FILE")
        verifier_module.default_verifier.cache_clear()
    assert verifier_module.default_verifier().threshold != 0.42


def test_the_trainer_scores_what_the_stage_emits():
    """scripts/train_verifier.py codes with --min-confidence 0, which keeps a story's recipientless
    events; its figures leave them out as the stage does (recipientless-in-story), so that a threshold
    is judged on the events it would take out of the output."""
    import sys

    sys.path.insert(0, str(MODEL_PATH.parents[3] / "scripts"))
    from train_verifier import withheld

    story, brief = {"story": True}, {"story": False}
    assert withheld(story, {"type": "ASSAULT", "target": None})
    assert not withheld(story, {"type": "ASSAULT", "target": {"name": "police"}})
    assert not withheld(story, {"type": "MOBILIZE", "target": None})  # shows of force need no recipient
    assert not withheld(brief, {"type": "ASSAULT", "target": None})


def test_calibration_folded_into_the_weights_keeps_the_ranking_and_the_events():
    """scripts/calibrate_verifier.py folds Platt scaling (z -> a z + b) into the weights and moves the
    threshold to its image: every event is kept or left out as before; `raw` undoes it."""
    import sys

    sys.path.insert(0, str(MODEL_PATH.parents[3] / "scripts"))
    from calibrate_verifier import calibrated, raw

    model = {"weights": {"type=AID": 1.5, "prior": -2.0}, "bias": -0.3, "threshold": 0.15, "meta": {}}
    new = calibrated(model, 0.8, 0.9, "a test")
    events = [{"type=AID": 1.0, "prior": p / 10} for p in range(11)] + [{"prior": p / 10} for p in range(11)]
    before = [Verifier(model["weights"], model["bias"]).probability(f) for f in events]
    after = [Verifier(new["weights"], new["bias"]).probability(f) for f in events]
    assert sorted(range(len(events)), key=before.__getitem__) == sorted(range(len(events)), key=after.__getitem__)
    assert [p >= model["threshold"] for p in before] == [p >= new["threshold"] for p in after]
    assert after != before and new["meta"]["calibration"]["threshold_before"] == 0.15
    back = raw(new)
    assert back["bias"] == pytest.approx(model["bias"]) and back["threshold"] == pytest.approx(0.15)
    assert back["weights"] == pytest.approx(model["weights"])


def test_the_packaged_model_is_calibrated_on_half_a():
    meta = Verifier.read(MODEL_PATH).meta
    assert meta["calibration"]["a"] > 0 and "half A" in meta["calibration"]["fitted_on"]
