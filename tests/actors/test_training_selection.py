"""The actor models' training scripts (scripts/train_actor_country.py, train_actor_sector.py): a model
fitted with `--half A` is selected on half A alone, so that half B stays a held-out check of it (the
engineers' discipline: B's gold is read for totals only, never to make a model)."""

from __future__ import annotations

import importlib.util
from pathlib import Path

SCRIPTS = Path(__file__).resolve().parents[2] / "scripts"


def _script(name: str):
    spec = importlib.util.spec_from_file_location(name, SCRIPTS / (name + ".py"))
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _articles(module, half: str, n: int) -> list[str]:
    """`n` made-up article ids of one id-hash half."""
    ids, k = [], 0
    while len(ids) < n:
        article = "made-up-%d" % k
        if module.half_of(article) == half:
            ids.append(article)
        k += 1
    return ids


def _country_example(article: str) -> dict:
    # one candidate right, the option of no country wrong; the rules gave none
    return {
        "article": article,
        "actor": "police",
        "rule": None,
        "gold": ["KEN"],
        "rows": [[None, [1.0] + [0.0] * 12, False], ["KEN", [0.0] * 3 + [1.0] * 10, True]],
    }


def test_the_country_model_fitted_on_half_a_is_selected_without_half_b(monkeypatch):
    train = _script("train_actor_country")
    seen: list[str] = []

    def fit(examples, c):
        seen.extend(ex["article"] for ex in examples)
        return {"weights": [0.0] * 3 + [1.0] * 10, "bias": 0.0}

    monkeypatch.setattr(train, "fit", fit)
    a_examples = [_country_example(a) for a in _articles(train, "A", 10)]
    scores, filled = train.select_within(a_examples, "A")
    assert seen and all(train.half_of(article) == "A" for article in seen)
    assert set(scores) == set(train.C_GRID) and all(score == 1.0 for score in scores.values())
    assert all(given == (10, 10) for given in filled.values())


def test_the_sector_model_fitted_on_half_a_is_selected_without_half_b(monkeypatch):
    train = _script("train_actor_sector")
    seen: list[str] = []

    def fit(examples, window, min_articles, c):
        seen.extend(ex["article"] for ex in examples)
        return {"window": window, "threshold": 0.0, "sectors": ["OPP"], "bias": {"OPP": 2.0}, "weights": {"OPP": {}}}

    monkeypatch.setattr(train, "fit", fit)
    examples = [
        {"article": a, "kind": "person", "coded": False, "spans": [(0, 4)], "text": "Mbowe spoke.", "label": ["OPP"]}
        for a in _articles(train, "A", 10) + _articles(train, "B", 10)
    ]
    train.select(examples, "A")
    assert seen and all(train.half_of(article) == "A" for article in seen)
    seen.clear()
    train.select(examples)  # the shipped model's selection: each half fitted, the other scored
    assert {train.half_of(article) for article in seen} == {"A", "B"}
