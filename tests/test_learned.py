"""The logistic model the learned components share (diurna/learned.py)."""

from __future__ import annotations

import math

import pytest

from diurna.learned import logistic


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
