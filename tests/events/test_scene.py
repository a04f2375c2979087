"""diurna/events/scene.py: recipients a targetless event takes from its scene. Unit cases of one
construction each, written for these tests; accuracy on real news is measured on the real-text sets
(docs/evaluation.md). The rules' own cases (each passing only with its rule on) are in
test_constructions.py; these pin what a scene rule must not do."""

from __future__ import annotations

import pytest

from diurna.events import constructions as cx
from diurna.events.scene import scene_recipient


@pytest.fixture(scope="module")
def rules_alone():
    """(trigger, type, source name, target name) per event, with the events stage's rules alone (the
    learned argument chooser could fill a role the scene leaves empty)."""
    from diurna.events.stage import EventStage
    from diurna.pipeline import Pipeline, default_stages

    stages = [EventStage(use_argument_model=False) if s.name == "events" else s for s in default_stages()]
    pipeline = Pipeline(stages=stages, default_pubdate="2024-06-19")

    def run(text: str) -> list[tuple[str, str, str, str]]:
        doc = pipeline.code_text(text, "2024-06-19")
        name = lambda actor_id: doc.actor(actor_id).name if actor_id else None  # noqa: E731
        return [(e.trigger.text, e.type, name(e.source), name(e.target)) for e in doc.events]

    return run


def test_mutual_force_still_pairs_opposing_sides(rules_alone):
    events = rules_alone("Police fired tear gas while demonstrators hurled stones.")
    assert ("hurled", "ASSAULT", "demonstrators", "Police") in events, events


@pytest.mark.parametrize(
    "text",
    [
        # a state's authorities and its soldiers act side by side, not on each other
        "Authorities imposed a curfew on Monday after soldiers opened fire in the capital.",
        "Authorities in Nepal imposed a curfew on Monday after Nepalese soldiers opened fire in the capital.",
        "The police used batons and the army fired tear gas.",
    ],
)
def test_mutual_force_does_not_pair_one_states_organs(rules_alone, text):
    events = rules_alone(text)
    # neither organ is the other's recipient (the curfew restricting Nepal itself is restricted-own-state's)
    sources = {e[2] for e in events}
    assert not [e for e in events if e[3] is not None and (e[3] in sources or e[1] != "COERCE")], events


def test_mutual_force_does_not_pair_the_agents_of_one_act(rules_alone):
    # two states the parse offers as agents of one "attacked" are allies, not each other's targets
    events = rules_alone("Russia and Belarus attacked on Monday.")
    assert [e for e in events if e[0] == "attacked"] and not [e for e in events if e[3] is not None], events


@pytest.mark.parametrize(
    "text",
    [
        "Soldiers and militiamen surrounded the village on Monday, seizing weapons.",
        "Rebels and allied gunmen stormed and looted the depot, burning trucks.",
    ],
)
def test_mutual_force_does_not_pair_co_agents_through_their_other_verbs(rules_alone, text):
    # the agents of one act are allies in its other acts too: neither is the other's recipient
    events = rules_alone(text)
    sources = {e[2] for e in events}
    assert len(sources) >= 2 and not [e for e in events if e[3] in sources], events


def test_scene_recipient_skips_the_sources_own_state():
    same = [("ASSAULT", "soldiers", None)]
    assert scene_recipient("COERCE", "authorities", [], same_sentence=same) == ("soldiers", cx.MUTUAL_FORCE)
    assert scene_recipient("COERCE", "authorities", [], same_sentence=same, state=frozenset({"soldiers"})) == (
        None,
        None,
    )


def test_a_response_answers_the_nearest_act_of_another_side():
    from diurna.events.scene import answered_agent

    acts = [("MOBILIZE", "venezuela_army", None), ("MOBILIZE", "united_states", None)]
    # the responder's own army moved last: the act answered is the other side's
    assert answered_agent("venezuela", acts, {"venezuela_army"}) == "united_states"
    assert answered_agent("venezuela", acts[:1], {"venezuela_army"}) is None


@pytest.mark.parametrize(
    "text, word, told_as_response",
    [
        ("Venezuela vowed retaliation on Monday.", "vowed", True),
        ("Pakistan reserved the right to respond.", "reserved", True),
        ("Protesters responded by hurling stones.", "hurling", True),
        # "their responses" are the nations', not the threat's own: no answer (an answering type, so
        # that the rule would run on it, unlike a criticism)
        ("Venezuela threatened nations over their responses.", "threatened", False),
    ],
)
def test_only_an_act_itself_told_as_a_response_answers(nlp, text, word, told_as_response):
    from diurna.events.scene import _answers

    trigger = next(t for t in nlp(text) if t.text == word)
    assert _answers(trigger) is told_as_response


def test_a_response_word_of_another_party_does_not_make_a_response(rules_alone):
    events = rules_alone(
        "The United States deployed warships on Monday. Venezuela threatened nations over their responses."
    )
    assert not [e for e in events if e[0] == "threatened" and e[3] == "United States"], events


@pytest.mark.parametrize("gap, named", [(1, True), (2, True), (3, False)])
def test_story_protesters_are_named_a_few_paragraphs_before_at_most(rules_alone, gap, named):
    """story-protesters: a protest told by its noun alone is done by the protesters the story names in
    its paragraph or the two before; named further back they may be another crowd (of another town,
    an earlier month), and the noun then has no source."""
    filler = [
        "The finance ministry published its quarterly figures on Monday.",
        "Exports of copper rose by four percent over the year.",
    ]
    opening = "Chilean protesters marched through Valparaiso in March against the Chilean government."
    paragraphs = [opening] + filler[: gap - 1]
    text = "\n\n".join(paragraphs + ["The protests continued on Tuesday."])
    events = rules_alone(text)
    protests = [source for trigger, kind, source, _ in events if trigger == "protests" and kind == "PROTEST"]
    assert bool(protests) == named, events


def test_a_town_retaken_is_taken_from_the_taker_of_that_town(rules_alone):
    """retaken-from-taker: when the story tells two towns taken by two sides, a town retaken is taken
    back from the side that took that town, not from the latest taker."""
    events = rules_alone(
        "Separatist fighters seized the town of Kidal on Monday. Jihadist militants seized the town of Gao on "
        "Wednesday. On Friday the Malian army recaptured Kidal."
    )
    targets = [e[3] for e in events if e[0] == "recaptured"]
    assert targets and all(t and "Separatist" in t for t in targets), events
