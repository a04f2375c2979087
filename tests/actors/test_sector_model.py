"""The learned sector of a named actor the rules leave without one (diurna/actors/sector_model.py,
rule learned-sector): the features read the mention and the words around it, the best sector is
given only from the threshold up, states and actors the rules coded are left alone, and the model
can be switched off."""

from __future__ import annotations

import json

from diurna.actors import country as ac
from diurna.actors import sector_model as sm

TEXT = "Tanzania's main opposition party said its chairman, Freeman Mbowe, was arrested in Mwanza on Monday."


def _model(tmp_path, weights: dict, threshold: float = 0.5, window: int = 3):
    """A model file of two sectors whose weights are given, and the environment pointing at it."""
    model = {
        "window": window,
        "threshold": threshold,
        "sectors": ["GOV", "OPP"],
        "bias": {"GOV": -2.0, "OPP": -2.0},
        "weights": {"GOV": weights.get("GOV", {}), "OPP": weights.get("OPP", {})},
    }
    path = tmp_path / "sectors.json"
    path.write_text(json.dumps(model), encoding="utf-8")
    return path


def test_features_read_the_mention_and_the_words_either_side():
    start = TEXT.index("Freeman Mbowe")
    found = sm.features(TEXT, [(start, start + len("Freeman Mbowe"))], "person", 2)
    assert {"kind:person", "m:freeman", "m:mbowe", "b:its", "b:chairman", "a:was", "a:arrested"} <= set(found)
    assert "b:party" not in found and "a:in" not in found  # two words each side, no more
    assert set(sm.features(TEXT, [(start, start + 7)], "person", 0)) == {"kind:person", "m:freeman"}


def test_the_best_sector_is_given_from_the_threshold_up(tmp_path, monkeypatch):
    monkeypatch.setenv(sm.MODEL_ENV, str(_model(tmp_path, {"OPP": {"b:chairman": 3.0}, "GOV": {"b:chairman": 1.0}})))
    model = sm.enabled_model()
    start = TEXT.index("Freeman Mbowe")
    spans = [(start, start + len("Freeman Mbowe"))]
    assert sm.sector_for(model, TEXT, spans, "person") == "OPP"  # P = 0.73 against 0.27
    assert sm.sector_for(dict(model, threshold=0.8), TEXT, spans, "person") is None
    assert sm.sector_for(model, "Freeman Mbowe spoke.", [(0, 13)], "person") is None  # no evidence: 0.12


def test_the_stage_fills_only_actors_without_a_sector_and_not_states(code, tmp_path, monkeypatch):
    with ac.switched_off(ac.LEARNED_SECTOR):
        rules = {a.name: a for a in code(TEXT, "2024-07-11").actors}
    assert rules["Freeman Mbowe"].sector is None
    weights = {"OPP": {"b:chairman": 4.0, "kind:country": 9.0, "kind:person": 9.0, "kind:group": 9.0}}
    monkeypatch.setenv(sm.MODEL_ENV, str(_model(tmp_path, weights)))
    actors = {a.name: a for a in code(TEXT, "2024-07-11").actors}
    mbowe = actors["Freeman Mbowe"]
    assert (mbowe.sector, mbowe.code) == ("OPP", "TZAOPP")
    assert all(a.sector is None for a in actors.values() if a.kind == "country")  # "Tanzania" stays TZA
    # a sector the rules gave stands, whatever the model would say
    assert all(actors[name].sector == a.sector for name, a in rules.items() if a.sector is not None)
    monkeypatch.setenv(sm.MODEL_ENV, "")
    assert sm.enabled_model() is None
    assert next(a for a in code(TEXT, "2024-07-11").actors if a.name == "Freeman Mbowe").sector is None


def test_the_shipped_model_reads_a_title():
    model = sm.enabled_model()
    assert model is not None and model["threshold"] > 0
    text = "Opposition leader Freeman Mbowe was arrested on Monday."
    assert sm.sector_for(model, text, [(18, 31)], "person") == "OPP"


def test_an_actor_with_a_country_and_no_code_keeps_its_country_in_the_code(code, monkeypatch):
    """The learned sector is joined to the actor's country when the actor has one but no code yet
    (a KB person with a known country and no role): "JUD" alone would lose the country."""
    doc = code(TEXT, "2024-07-11")
    i, mbowe = next((i, a) for i, a in enumerate(doc.actors) if a.name == "Freeman Mbowe")
    doc.actors[i] = mbowe.model_copy(update={"country": "TZA", "code": None, "sector": None})
    stage = ac.ActorCountryStage()
    monkeypatch.setattr(stage, "choices", lambda doc: {})
    monkeypatch.setattr(ac, "learned_sectors", lambda doc: {mbowe.id: "OPP"})
    stage(doc)
    assert (doc.actors[i].sector, doc.actors[i].code) == ("OPP", "TZAOPP")
