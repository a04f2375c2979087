"""The learned choice of a story-given country (diurna/actors/country_model.py, rule learned-country):
the best-scored candidate wins, no country is a candidate, a stale model is refused, and the model
fills only the gaps the rules leave."""

from __future__ import annotations

import json

import pytest

from diurna.actors import country as ac
from diurna.actors import country_model as cm

TWO_SIDED = (
    "HAVANA - Cuba and the United States traded accusations on Monday. The United States said Cuba "
    "jailed dissidents; Washington imposed new sanctions and the US Treasury named officials. "
    "In Havana, police detained protesters who marched in Santiago de Cuba and Havana."
)


def _model(**weights) -> dict:
    return {"weights": [weights.get(name, 0.0) for name in cm.FEATURES], "bias": 0.0}


def test_the_best_scored_candidate_wins_and_none_is_one():
    rows = [(None, [1.0] + [0.0] * (len(cm.FEATURES) - 1)), ("CUB", [0.0] * len(cm.FEATURES))]
    rows[1][1][cm.FEATURES.index("scene_share")] = 0.8
    assert cm.choose(_model(scene_share=2.0, none=1.0), rows) == "CUB"  # 1.6 against 1.0
    assert cm.choose(_model(scene_share=2.0, none=2.0), rows) is None  # 1.6 against 2.0


def test_a_model_of_other_features_is_refused(tmp_path, monkeypatch):
    path = tmp_path / "old.json"
    path.write_text(json.dumps({"features": ["story_share"], "weights": [1.0], "bias": 0.0}), encoding="utf-8")
    monkeypatch.setenv(cm.MODEL_ENV, str(path))
    with pytest.raises(RuntimeError, match="rebuild it"):
        cm.enabled_model()
    monkeypatch.setenv(cm.MODEL_ENV, "")
    assert cm.enabled_model() is None


def test_evidence_rows_one_per_story_country_and_none(code, monkeypatch):
    monkeypatch.setenv(cm.MODEL_ENV, "")
    doc = code(TWO_SIDED, "2024-07-11")
    evidence = ac.country_evidence(doc)
    police = next(a for a in doc.actors if a.name.lower() == "police")
    rows = dict(evidence.rows(police, None))
    assert None in rows and {"CUB", "USA"} <= set(rows)
    assert all(len(x) == len(cm.FEATURES) for x in rows.values())
    near = cm.FEATURES.index("scene_near")
    assert rows["CUB"][near] == 1.0 and rows["USA"][near] == 0.0  # "In Havana, police ..."
    assert evidence.first == "CUB"  # the dateline


BALANCED = (
    "Cuba and the United States traded accusations on Monday. The United States said Cuba jailed "
    "dissidents, and Cuba said the United States paid them. Soldiers patrolled the coast."
)


def _soldiers(code):
    return next(a for a in code(BALANCED, "2024-07-11").actors if a.name.lower() == "soldiers")


def test_the_model_fills_only_the_rules_gaps(code, tmp_path, monkeypatch):
    # no focus (Cuba 4, the US 4) and soldiers are not placed by their scene: the rules give none
    first = tmp_path / "first.json"
    first.write_text(json.dumps({"features": list(cm.FEATURES), **_model(first_country=10.0)}), encoding="utf-8")
    monkeypatch.setenv(cm.MODEL_ENV, str(first))
    assert (_soldiers(code).country, _soldiers(code).country_inferred) == ("CUB", True)
    with ac.switched_off(ac.LEARNED_COUNTRY):
        assert _soldiers(code).country is None
    # where the rules chose, the model is not asked (a model that says "none" changes nothing)
    none = tmp_path / "none.json"
    none.write_text(json.dumps({"features": list(cm.FEATURES), **_model(none=10.0)}), encoding="utf-8")
    monkeypatch.setenv(cm.MODEL_ENV, str(none))
    police = next(a for a in code(TWO_SIDED, "2024-07-11").actors if a.name.lower() == "police")
    assert police.country == "CUB"  # the rules' choice (story-focus or scene-country)
