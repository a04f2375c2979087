"""What the learned components share: a logistic model over named features, its weights read from
JSON (the event verifier, events/verifier.py; the event-place chooser, places/chooser.py). Each
component keeps its own features and file; the arithmetic is written once, so that a model scored
by its training script and by the stage gives the same probability."""

from __future__ import annotations

import math
from typing import Mapping


def logistic(bias: float, weights: Mapping[str, float], features: Mapping[str, float]) -> float:
    """1 / (1 + exp(-(bias + the weighted sum of the features present))); a feature the model has no
    weight for weighs nothing, and the sum is clamped to +-30 (exp never overflows)."""
    z = bias + sum(weights.get(name, 0.0) * value for name, value in features.items())
    return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))
