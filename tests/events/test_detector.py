"""The learned event detector (diurna/events/detector.py) and how the extractor uses it."""

from __future__ import annotations

import numpy as np
import pytest

from diurna.events import constructions as cx
from diurna.events.candidates import CandidateExtractor, detector_may_read
from diurna.events.detector import (
    ENCODING,
    NONE,
    Detection,
    EventDetector,
    decide,
    default_detector,
    dense,
    features,
)
from diurna.events.dictionary import TriggerLexicon

SENTENCE = "Rebels heckled the United Nations envoy in Bunia."


class FixedDetector:
    """A detector that answers ASSAULT for "heckle" and NONE otherwise: the extractor's use of a
    detection is tested apart from the model's quality (which docs/evaluation.md measures)."""

    threshold = 0.5

    def detect(self, verb, lexicon_type=None):
        return Detection("ASSAULT", 0.9) if verb.lemma_ == "heckle" else Detection(NONE, 0.9)


def test_the_packaged_model_loads_and_gives_a_distribution(nlp):
    detector = default_detector()
    assert detector is not None and NONE in detector.labels
    doc = nlp(SENTENCE)
    verb = next(t for t in doc if t.pos_ == "VERB")
    p = detector.probabilities(features(verb), dense(verb))
    assert p.shape == (len(detector.labels),) and abs(float(p.sum()) - 1.0) < 1e-5


def test_features_name_the_clause(nlp):
    verb = next(t for t in nlp(SENTENCE) if t.pos_ == "VERB")
    names = features(verb, "ASSAULT")
    assert {"lemma=heckle", "lex=ASSAULT", "obj=envoy", "nsubj=noun"} <= set(names)
    assert dense(verb).shape == (3 * verb.doc.tensor.shape[1],)


def test_a_model_of_other_features_is_refused(tmp_path):
    (tmp_path / "detector.json").write_text('{"encoding": "old", "labels": [], "vocabulary": {}, "threshold": 1}')
    np.savez(tmp_path / "detector.npz", weights=np.zeros((1, 1)), bias=np.zeros(1))
    with pytest.raises(ValueError, match=ENCODING):
        EventDetector.load(tmp_path)


def test_a_confident_detection_is_coded_with_roles_from_the_parse(code, pipeline):
    events = next(s for s in pipeline.stages if s.name == "events")
    saved = events.extract
    events.extract = CandidateExtractor()
    events.extract.detector = FixedDetector()
    try:
        doc = code(SENTENCE, "2024-06-19")
        heckled = [e for e in doc.events if e.trigger.text == "heckled"]
        assert heckled and heckled[0].type == "ASSAULT"
        assert doc.actor(heckled[0].source).name.lower().startswith("rebel")
        with cx.switched_off(cx.DETECTOR):
            assert not [e for e in code(SENTENCE, "2024-06-19").events if e.trigger.text == "heckled"]
    finally:
        events.extract = saved


def test_the_decisions_read_the_same_probabilities_differently():
    labels = ["ASSAULT", "COERCE", NONE]
    split = np.array([0.35, 0.30, 0.35])  # eventful, but split between two close types
    assert decide(split, labels, "argmax") == Detection("ASSAULT", pytest.approx(0.35))
    assert decide(split, labels, "event-mass") == Detection("ASSAULT", pytest.approx(0.65))
    quiet = np.array([0.1, 0.1, 0.8])
    assert decide(quiet, labels, "argmax").type == NONE
    assert decide(quiet, labels, "event-mass") == Detection("ASSAULT", pytest.approx(0.2))


def test_a_model_of_an_unknown_decision_is_refused():
    with pytest.raises(ValueError, match="decision"):
        EventDetector({}, [NONE], np.zeros((1, 0)), np.zeros(1), 0.5, "vote")


def test_the_detector_does_not_read_speech_or_light_verbs(nlp):
    lexicon = TriggerLexicon.load()
    doc = nlp("The envoy said the rebels heckled and made threats against the villagers.")
    verbs = {t.lemma_: t for t in doc if t.pos_ == "VERB"}
    assert not detector_may_read(lexicon, verbs["say"])
    assert not detector_may_read(lexicon, verbs["make"])
    assert detector_may_read(lexicon, verbs["heckle"])


class PlacingDetector:
    """A detector that reads every "put"/"place" as COERCE: what the lexicon says of the verb's
    context decides whether it is asked."""

    threshold = 0.5

    def detect(self, verb, lexicon_type=None):
        return Detection("COERCE", 0.9) if verb.lemma_ in ("put", "place") else Detection(NONE, 0.9)


def test_a_context_the_lexicon_names_as_no_event_is_not_read_by_the_detector(code, pipeline):
    # no-event-sense: "put X in an awkward position" is a figure of speech the lexicon names; a
    # placement it does not name ("put dissidents in camps") is still the detector's to read
    events = next(s for s in pipeline.stages if s.name == "events")
    saved = events.extract
    events.extract = CandidateExtractor()
    events.extract.detector = PlacingDetector()
    figure = "The opposition leader has put the ruling party in an awkward position."
    try:
        assert not [e for e in code(figure, "2024-06-19").events if e.trigger.text == "put"]
        with cx.switched_off(cx.NO_EVENT_SENSE):
            assert [e for e in code(figure, "2024-06-19").events if e.trigger.text == "put"]
        held = code("The regime put the dissidents in camps.", "2024-06-19")
        assert [e for e in held.events if e.trigger.text == "put" and e.type == "COERCE"]
    finally:
        events.extract = saved


# --- the training script's selection through the events stage (no training here) --------------------
def _training_script():
    import pathlib
    import sys

    scripts = pathlib.Path(__file__).resolve().parents[2] / "scripts"
    sys.path.insert(0, str(scripts))
    try:
        import train_detector
    finally:
        sys.path.pop(0)
    return train_detector


def test_a_setting_is_eligible_only_when_it_adds_strict_events_at_no_cost_in_precision():
    from collections import Counter

    script = _training_script()
    without = Counter(strict=10, sal=40, correct=30, n_pred=40)  # precision 0.75
    assert script.adds_without_cost(Counter(strict=11, sal=40, correct=33, n_pred=44), without)  # 0.75, +1
    assert not script.adds_without_cost(Counter(strict=11, sal=40, correct=32, n_pred=44), without)  # 0.727
    assert not script.adds_without_cost(Counter(strict=10, sal=40, correct=33, n_pred=43), without)  # no strict gain
