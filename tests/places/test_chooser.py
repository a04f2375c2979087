"""The learned event-place chooser (diurna/places/chooser.py): its decisions over the rules' options,
its switch, and how a record says that it chose."""

from __future__ import annotations

import json

import pytest

from diurna.places.chooser import MODEL_PATH, RULES_CHOICE, Chooser, Option, load_chooser


def _option(place_id: str, *features: str) -> Option:
    return Option(place_id, "sentence", "mention", {name: 1.0 for name in features})


# weights that make "good" options score 0.88 and "bad" ones 0.12
CHOOSER = Chooser({"good": 2.0, "bad": -2.0}, 0.0, add=0.7, drop=0.3)


def test_the_rules_choice_is_kept_when_it_scores_enough():
    ruled = _option("a", RULES_CHOICE, "good")
    better = _option("b", "good", "good2")
    assert CHOOSER.choose([ruled, better]) is ruled


def test_the_rules_choice_is_dropped_when_it_scores_below_drop():
    assert CHOOSER.choose([_option("a", RULES_CHOICE, "bad"), _option("b", "good")]) is None


def test_a_place_is_added_where_the_rules_give_none_only_above_add():
    best = _option("b", "good")
    assert CHOOSER.choose([_option("a", "bad"), best]) is best
    assert CHOOSER.choose([_option("a", "bad"), _option("c")]) is None  # 0.5 < 0.7
    assert CHOOSER.choose([]) is None


def test_the_switch_gives_the_decision_back_to_the_rules(monkeypatch):
    monkeypatch.setenv("DIURNA_PLACE_CHOOSER", "rules")
    assert load_chooser() is None


def test_a_broken_model_file_leaves_the_rules_in_charge(tmp_path, monkeypatch):
    monkeypatch.delenv("DIURNA_PLACE_CHOOSER", raising=False)
    broken = tmp_path / "event_places.json"
    broken.write_text('{"weights": {}, "bias": 0.0}', encoding="utf-8")  # no thresholds
    assert load_chooser(broken) is None
    assert load_chooser(tmp_path / "missing.json") is None


def test_the_packaged_model_loads_with_its_thresholds(monkeypatch):
    monkeypatch.delenv("DIURNA_PLACE_CHOOSER", raising=False)
    assert MODEL_PATH.exists()
    chooser = load_chooser()
    assert chooser is not None and chooser.weights
    assert 0.0 < chooser.drop < chooser.add <= 1.0
    # the rules' choice is evidence for a place: the model learned to trust it
    assert chooser.weights[RULES_CHOICE] > 0


STORY = (
    "Protesters gathered in Tahrir Square in Baghdad on Thursday. Security forces shot at them.\n\n"
    "Dozens were wounded, medics said. The prime minister condemned the shooting."
)


@pytest.fixture
def learned(monkeypatch):
    monkeypatch.delenv("DIURNA_PLACE_CHOOSER", raising=False)


def test_a_story_is_read_by_the_model_and_says_so(locate, learned):
    from diurna.places import locate_event

    doc = locate(STORY)
    assert Chooser.reads(doc)
    token = next(t for t in doc.spacy_doc if t.text == "shot")
    found = locate_event(doc, token.i, event_type="ASSAULT")
    assert found is not None and found.rule.startswith("learned:")
    assert found.basis in ("clause", "sentence", "dateline", "story")
    assert {p.id: p.name for p in doc.places}[found.place_id] == "Baghdad"


def test_a_word_not_an_event_and_a_disabled_rule_keep_the_rules(locate, learned):
    from diurna.places import locate_event

    doc = locate(STORY)
    token = next(t for t in doc.spacy_doc if t.text == "shot")
    assert locate_event(doc, token.i).rule == "scene_just_before"  # no event type: the rules
    found = locate_event(doc, token.i, disabled=["own_clause"], event_type="ASSAULT")
    assert found is not None and not found.rule.startswith("learned:")


def test_a_single_sentence_is_left_to_the_rules(locate, learned):
    from diurna.places import locate_event

    doc = locate("Police arrested dozens of protesters in Lagos on Friday.")
    assert not Chooser.reads(doc)
    token = next(t for t in doc.spacy_doc if t.text == "arrested")
    found = locate_event(doc, token.i, event_type="COERCE")
    assert found is not None and found.rule == "own_clause"


def test_a_refit_on_one_half_is_written_only_when_it_beats_the_packaged_chooser_on_the_other(load_script):
    # scripts/train_event_places.py --fit-half: more required places right or right-or-null, fewer of
    # neither, no more wrong places; a tie is no gain.
    beats = load_script("train_event_places").beats
    packaged = {"req_right": 32, "right_or_null": 136, "wrong": 12}
    assert beats({"req_right": 33, "right_or_null": 136, "wrong": 12}, packaged)
    assert not beats({"req_right": 32, "right_or_null": 136, "wrong": 12}, packaged)
    assert not beats({"req_right": 29, "right_or_null": 138, "wrong": 12}, packaged)
    assert not beats({"req_right": 33, "right_or_null": 137, "wrong": 13}, packaged)


def test_a_refit_loses_nothing_out_of_fold_to_a_packaged_chooser_fitted_elsewhere(load_script):
    # --fit-half against a chooser fitted on other articles (a model file without "fitted_on": the
    # first real-text set's): out of fold on the fitted half the refit may not lose what it had.
    script = load_script("train_event_places")
    packaged = {"req_right": 97, "right_or_null": 257, "wrong": 23}
    assert script.no_worse({"req_right": 97, "right_or_null": 264, "wrong": 16}, packaged)
    assert not script.no_worse({"req_right": 89, "right_or_null": 254, "wrong": 18}, packaged)
    assert not script.no_worse({"req_right": 99, "right_or_null": 257, "wrong": 24}, packaged)


def test_a_model_file_without_fitted_on_is_held_out_on_both_halves(load_script, tmp_path, monkeypatch):
    script = load_script("train_event_places")
    model = tmp_path / "event_places.json"
    model.write_text(json.dumps({"bias": 0.0, "add": 0.7, "drop": 0.3, "weights": {}}), encoding="utf-8")
    monkeypatch.setattr(script, "MODEL_PATH", model)
    assert script.packaged_fitted_on() == "realtext"
    model.write_text(json.dumps({"fitted_on": "A", "bias": 0.0, "add": 0.7, "drop": 0.3, "weights": {}}))
    assert script.packaged_fitted_on() == "A"
