"""The logistic model the learned components share (diurna/learned.py)."""

from __future__ import annotations

import json
import math

import pytest

from diurna.learned import json_model, logistic


def test_the_probability_is_the_logistic_of_the_weights_present():
    weights = {"type=AID": 1.0, "prior": 2.0}
    assert logistic(-0.5, weights, {}) == pytest.approx(1 / (1 + math.exp(0.5)))
    # an unknown feature weighs nothing; a value multiplies its weight
    assert logistic(-0.5, weights, {"type=AID": 1.0, "prior": 0.25, "unseen": 7.0}) == pytest.approx(
        1 / (1 + math.exp(-1.0))
    )


def test_a_huge_score_is_clamped_not_an_overflow():
    assert logistic(0.0, {"x": 1.0}, {"x": 1e6}) == pytest.approx(1 / (1 + math.exp(-30.0)))
    assert logistic(0.0, {"x": 1.0}, {"x": -1e6}) == pytest.approx(1 / (1 + math.exp(30.0)))


def test_a_json_model_is_the_packaged_one_another_file_or_none(tmp_path, monkeypatch):
    packaged, other = tmp_path / "packaged.json", tmp_path / "other.json"
    packaged.write_text(json.dumps({"bias": 1.0}), encoding="utf-8")
    other.write_text(json.dumps({"bias": 2.0}), encoding="utf-8")
    monkeypatch.delenv("DIURNA_TEST_MODEL", raising=False)
    assert json_model("DIURNA_TEST_MODEL", packaged) == {"bias": 1.0}
    monkeypatch.setenv("DIURNA_TEST_MODEL", str(other))  # a held-out selection's model
    assert json_model("DIURNA_TEST_MODEL", packaged) == {"bias": 2.0}
    monkeypatch.setenv("DIURNA_TEST_MODEL", "")  # switched off
    assert json_model("DIURNA_TEST_MODEL", packaged) is None
    monkeypatch.setenv("DIURNA_TEST_MODEL", str(tmp_path / "absent.json"))
    assert json_model("DIURNA_TEST_MODEL", packaged) is None


def test_a_json_model_the_check_refuses_is_an_error(tmp_path, monkeypatch):
    path = tmp_path / "old.json"
    path.write_text(json.dumps({"features": ["old"]}), encoding="utf-8")
    monkeypatch.delenv("DIURNA_TEST_MODEL", raising=False)

    def same_features(p, model):
        if model["features"] != ["new"]:
            raise RuntimeError("%s: other features" % p)

    with pytest.raises(RuntimeError, match="other features"):
        json_model("DIURNA_TEST_MODEL", path, same_features)
