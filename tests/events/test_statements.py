"""Events told as statements (diurna/events/statements.py): the packaged model loads, each rule of
the target choice on a sentence of its construction, and the stage's use of a model (hand-set
weights: the model's quality is measured on real text, docs/evaluation.md, scripts/train_statements.py)."""

from __future__ import annotations

import pytest

from diurna.events import statements as stm
from diurna.events.stage import EventStage


def model_with(weights: dict[str, dict[str, float]], threshold: float = 0.5, bias: float = -3.0):
    types = sorted(weights)
    return stm.StatementModel(
        {
            "encoding": stm.ENCODING,
            "types": types,
            "bias": {t: bias for t in types},
            "weights": weights,
            "threshold": {t: threshold for t in types},
        }
    )


def statement_of(code, text: str, cue: str):
    doc = code(text, "2024-03-04")
    found = [s for s in stm.statements(doc) if s.cue is not None and s.cue.lower_ == cue]
    assert found, [(q.cue, q.content.text) for q in doc.quotes]
    return doc, found[0]


def target_name(doc, st, plover="ACCUSE", arguments=None):
    cand = stm.candidate(doc, st, plover)
    target, rule = stm.choose_target(doc, st, cand, arguments)
    return (doc.text[target.mention.start : target.mention.end] if target else None), rule


def test_packaged_model_loads_and_reads_features():
    model = stm.StatementModel.load()
    assert set(model.types) <= {"ACCUSE", "REJECT", "REQUEST", "THREATEN", "SUPPORT"} and model.types
    p = model.probabilities({"w:provocation": 1.0, "cue:say": 1.0})
    assert all(0.0 < v < 1.0 for v in p.values())


def test_another_encoding_is_refused():
    with pytest.raises(ValueError):
        stm.StatementModel({"encoding": "old", "types": [], "bias": {}, "weights": {}, "threshold": {}})


def test_rule_content_agent(code):
    doc, st = statement_of(code, "Georgia said Russian troops fired on its checkpoints on Tuesday.", "said")
    assert target_name(doc, st) == ("Russian troops", "content-agent")


def test_rule_content_agent_of_a_passive(code):
    doc, st = statement_of(code, "Ukraine said the power station was shelled by Russian troops overnight.", "said")
    name, rule = target_name(doc, st)
    assert rule == "content-agent" and "Russian" in name


def test_rule_cue_object(code):
    doc, st = statement_of(code, "Russia called Kosovo's actions a provocation.", "called")
    name, rule = target_name(doc, st)
    assert rule == "cue-object" and "Kosovo" in name


def test_rule_content_about(code):
    doc, st = statement_of(code, "Japan said it had concerns over the expansion of China's navy.", "said")
    name, rule = target_name(doc, st)
    assert rule == "content-about" and "China" in name


def test_no_rule_finds_a_target_in_a_bare_evaluation(code):
    doc, st = statement_of(code, '"This is intentional chaos," Mayor John Smith said.', "said")
    assert target_name(doc, st) == (None, None)


def test_speaker_is_never_the_target(code):
    doc, st = statement_of(code, "Iran said Iran would never accept the terms.", "said")
    name, _ = target_name(doc, st)
    assert name is None or "Iran" not in name


def test_stage_adds_a_statement_the_model_reads_as_an_act(code):
    doc = code('"This is intentional chaos," Mayor John Smith said on Monday.', "2024-03-04")
    model = model_with({"ACCUSE": {"w:chaos": 6.0}})
    stage = EventStage(statements=model, use_verifier=False)
    cands = [c for c in stage.candidates(doc) if c.rule == stm.RULE]
    assert [c.plover for c in cands] == ["ACCUSE"]
    speaker = next(q.speaker for q in doc.quotes)
    assert cands[0].source.actor_id == speaker
    quiet = EventStage(statements=model_with({"ACCUSE": {"w:chaos": 6.0}}, threshold=0.999), use_verifier=False)
    assert not [c for c in quiet.candidates(doc) if c.rule == stm.RULE]


def test_no_statement_event_where_the_rules_coded_that_type_from_the_speaker(code):
    doc = code("Germany urged Serbia to withdraw its troops from the border.", "2024-03-04")
    model = model_with({"REQUEST": {"cue:urge": 6.0}})
    stage = EventStage(statements=model, use_verifier=False)
    found = stage.candidates(doc)
    assert any(c.plover == "REQUEST" for c in found)
    assert not [c for c in found if c.rule == stm.RULE]


def test_pair_features_say_whose_side_the_recipient_is_on():
    assert stm.pair_features(("ARM", "GOV"), ("AZE", "MIL")) == ("pair_country:other", "target_sector:MIL")
    assert stm.pair_features(("PAK", "GOV"), ("PAK", None)) == ("pair_country:same", "target_sector:none")
    assert stm.pair_features(None, ("AZE", "MIL"))[0] == "pair_country:unknown"
    assert stm.pair_features(("ARM", "GOV"), None) == ()


def test_rules_agreeing_on_a_recipient_are_counted(code):
    doc, st = statement_of(code, "Georgia said Russian troops fired on its checkpoints on Tuesday.", "said")
    cand, rule = stm.targeted(doc, st, "ACCUSE", None)
    assert rule == "content-agent"
    # the content's subject is also the first actor it names: two rules name the same recipient
    assert stm.rule_agreement(doc, st, cand, None) >= 2
    assert stm.rule_agreement(doc, st, stm.candidate(doc, st, "ACCUSE"), None) == 0


def test_a_recipient_model_scales_the_reading_by_how_far_its_recipient_is_trusted():
    f = {"w:provocation": 1.0}
    option = {"ACCUSE": ("content-agent", False, ("pair_country:other",), 3)}
    plain = model_with({"ACCUSE": {"w:provocation": 6.0}}, threshold=0.5)
    assert plain.reading(f, option)[0] == "ACCUSE"
    doubted = model_with({"ACCUSE": {"w:provocation": 6.0}}, threshold=0.5)
    doubted.recipient = {"bias": 0.0, "weights": {"agree:3": -3.0}}  # three rules agreeing: distrusted
    plover, p = doubted.reading(f, option)
    assert plover is None and p < 0.1
    trusted = model_with({"ACCUSE": {"w:provocation": 6.0}}, threshold=0.5)
    trusted.recipient = {"bias": 0.0, "weights": {"agree:3": 3.0}}
    assert trusted.reading(f, option)[0] == "ACCUSE"
    assert stm.recipient_features("ACCUSE", None, (), 5) == {
        "type:ACCUSE": 1.0,
        "target_rule:none": 1.0,
        "agree:3": 1.0,
    }


def test_a_statement_no_type_can_read_is_left_before_any_recipient_is_chosen(code, monkeypatch):
    # the most the options add: the best target rule (+2) and another country (+1.5); a negative
    # weight (a rule, a sector) adds nothing
    weights = {"w:provocation": 1.0, "target_rule:content-agent": 2.0, "target_rule:cue-object": -1.0}
    weights.update({"pair_country:other": 1.5, "target_sector:GOV": -2.0})
    model = model_with({"ACCUSE": weights}, threshold=0.7)
    assert model.option_gain["ACCUSE"] == 3.5
    assert model.may_read({"w:provocation": 1.0})  # -3 + 1 + 3.5 = 1.5: P 0.82 >= 0.7
    assert not model.may_read({})  # -3 + 3.5 = 0.5: P 0.62 < 0.7, whatever the recipient
    # and then no recipient is chosen for it at all
    doc, _ = statement_of(code, "The minister said the rebels broke the truce.", "said")

    def no_choosing(*args):
        raise AssertionError("a recipient was chosen for a statement no type can read")

    monkeypatch.setattr(stm, "targeted", no_choosing)
    assert model_with({"ACCUSE": {"w:never-seen": 9.0}}, threshold=0.7).candidates(doc, []) == []


def _names(doc, options):
    return {doc.text[a.mention.start : a.mention.end]: f for a, f in options}


def test_recipient_options_say_where_and_how_each_actor_is_named(code):
    doc, st = statement_of(
        code, "Serbia closed its border on Monday. Albania said Serbia's decision broke the treaty.", "said"
    )
    options = _names(doc, stm.recipient_options(doc, st))
    serbia = next(f for n, f in options.items() if "Serbia" in n)
    assert serbia.get("where:content") == 1.0 and serbia.get("possessor") == 1.0
    assert not any("Albania" in n for n in options)  # never the speaker


def test_recipient_options_reach_the_sentence_before(code):
    doc, st = statement_of(
        code, "Iran seized a tanker in the Gulf on Friday. Britain said the seizure was illegal.", "said"
    )
    options = _names(doc, stm.recipient_options(doc, st))
    assert any("Iran" in n and f.get("where:previous") == 1.0 for n, f in options.items())


def test_a_recipient_ranker_chooses_its_best_scored_option(code):
    doc, st = statement_of(
        code, "Iran seized a tanker in the Gulf on Friday. Britain said the seizure was illegal.", "said"
    )
    cand = stm.candidate(doc, st, "ACCUSE")
    ranker = {"bias": -1.0, "weights": {"where:previous": 3.0}}
    target, rule = stm.ranked_choice(doc, st, cand, None, ranker)
    assert target is not None and "Iran" in doc.text[target.mention.start : target.mention.end]
    assert rule in {r.name for r in stm.TARGET_RULES} | {"ranker"}
    # without the ranker the rules name no one here: the previous sentence is no rule's
    assert stm.choose_target(doc, st, cand, None) == (None, None)


def test_a_fallback_ranker_keeps_the_rules_choice_and_fills_in_where_they_find_none(code):
    ranker = {"bias": -1.0, "weights": {"where:previous": 3.0}, "fallback": True}
    doc, st = statement_of(code, "Japan said it had concerns over the expansion of China's navy.", "said")
    target, rule = stm.ranked_choice(doc, st, stm.candidate(doc, st, "ACCUSE"), None, ranker)
    assert rule == "content-about" and "China" in doc.text[target.mention.start : target.mention.end]
    doc, st = statement_of(
        code, "Iran seized a tanker in the Gulf on Friday. Britain said the seizure was illegal.", "said"
    )
    target, rule = stm.ranked_choice(doc, st, stm.candidate(doc, st, "ACCUSE"), None, ranker)
    assert target is not None and "Iran" in doc.text[target.mention.start : target.mention.end]


def test_the_packaged_ranker_is_a_fallback_and_can_be_switched_off(monkeypatch):
    assert stm.StatementModel.load().ranker["fallback"] is True
    monkeypatch.setenv("DIURNA_RECIPIENT_RANKER", "0")
    assert stm.StatementModel.load().ranker is None


def test_a_type_may_have_its_own_threshold_for_the_rule_that_found_the_recipient():
    data = {
        "encoding": stm.ENCODING,
        "types": ["ACCUSE"],
        "bias": {"ACCUSE": 0.0},
        "weights": {"ACCUSE": {"w:crime": 0.5}},  # P = 0.62
        "threshold": {"ACCUSE": 1.01},
        "rule_threshold": {"ACCUSE": {"cue-object": 0.5}},
    }
    model = stm.StatementModel(data)
    f = {"w:crime": 1.0}
    assert model.reading(f, {"ACCUSE": ("cue-object", False, (), 1)})[0] == "ACCUSE"
    assert model.reading(f, {"ACCUSE": ("content-about", False, (), 1)})[0] is None
    assert model.lowest_threshold("ACCUSE") == 0.5 and model.may_read(f)
    assert not stm.StatementModel(dict(data, rule_threshold={})).may_read(f)
