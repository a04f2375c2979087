"""What the learned components share: a logistic model over named features, its weights read from
JSON (the event verifier, events/verifier.py; the event-place chooser, places/chooser.py). Each
component keeps its own features and file; the arithmetic is written once, so that a model scored
by its training script and by the stage gives the same probability. `json_model` reads a packaged
model that an environment variable may replace or switch off (the actor-country and actor-sector
models)."""

from __future__ import annotations

import functools
import json
import math
import os
from pathlib import Path
from typing import Callable, Mapping, Optional


def logistic(bias: float, weights: Mapping[str, float], features: Mapping[str, float]) -> float:
    """1 / (1 + exp(-(bias + the weighted sum of the features present))); a feature the model has no
    weight for weighs nothing, and the sum is clamped to +-30 (exp never overflows)."""
    z = bias + sum(weights.get(name, 0.0) * value for name, value in features.items())
    return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))


def json_model(env: str, default: Path, check: Optional[Callable[[Path, dict], None]] = None) -> Optional[dict]:
    """The model in the JSON file `$env` names (another model: a held-out selection's), none when
    `$env` is set empty (switched off), else the packaged `default`; None when the file is absent.
    `check(path, model)` may refuse a model by raising (one trained on other features). Each file
    is read once."""
    path = os.environ.get(env)
    if path is not None and not path.strip():
        return None
    return _read_json_model(Path(path) if path else default, check)


@functools.lru_cache(maxsize=8)
def _read_json_model(path: Path, check: Optional[Callable[[Path, dict], None]]) -> Optional[dict]:
    if not path.is_file():
        return None
    model = json.loads(path.read_text(encoding="utf-8"))
    if check is not None:
        check(path, model)
    return model
