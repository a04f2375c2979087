"""The agent sectors learned from the project's gold (scripts/build_agent_sectors.py): how the table
is derived, and that the shipped one is applied after the hand overlay and can be switched off."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import yaml

from diurna.actors.kb import LEARNED_AGENTS, KnowledgeBase, name_key

SCRIPT = Path(__file__).resolve().parents[2] / "scripts" / "build_agent_sectors.py"


def _script():
    spec = importlib.util.spec_from_file_location("build_agent_sectors", SCRIPT)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _kb() -> KnowledgeBase:
    kb = KnowledgeBase()
    kb.add_agent("fighter", "~UAF", "fighters")
    kb.add_agent("security force", "~MIL", "security forces")
    kb.add_agent("former president", "~ELI", "former presidents")
    kb.add_agent("spokesman", "~MED", None)
    kb.add_agent("worker", "~LAB", "workers")
    return kb


def _gold(*actors) -> dict:
    """One article's gold: each actor (names, sectors) the source of one event."""
    return {"events": [{"source": {"names": names, "sector": sectors}, "target": None} for names, sectors in actors]}


def test_a_phrase_is_recoded_only_where_several_articles_agree():
    build = _script()
    articles = [
        ("a1", _gold((["npa fighters", "fighters"], ["REB"]), (["security forces"], ["COP", "MIL"]))),
        ("a2", _gold((["islamist fighters", "the fighters"], ["REB", "INS"]), (["former president"], ["GOV"]))),
        ("a3", _gold((["fighters"], ["REB", "UAF"]), (["former president"], ["GOV"]), (["spokesman"], ["GOV"]))),
        ("a4", _gold((["former president"], ["GOV"]), (["spokesman"], ["GOV"]))),
    ]
    rows = {r["phrase"]: r for r in build.table(_kb(), articles, min_articles=3, min_share=0.6, margin=0.25)}
    # fighters: REB in 3 of 3 articles, UAF in 1: re-coded, with its plural
    assert rows["fighter"]["code"] == "~REB" and rows["fighter"]["plural"] == "fighters"
    assert (rows["fighter"]["articles"], rows["fighter"]["share"], rows["fighter"]["was_share"]) == (3, 1.0, 0.33)
    # a former office is a fact of the date, never re-coded; one article is no evidence; two are too few
    assert "former president" not in rows and "security force" not in rows and "spokesman" not in rows
    assert "spokesman" in {r["phrase"] for r in build.table(_kb(), articles, 2, 0.6, 0.25)}


def test_a_modified_agent_word_does_not_vote_for_the_word_alone():
    """ "aid workers" are NGO because of "aid": the word "worker" alone (strikers, factory workers) is
    not re-coded from such names; "the two workers" and "3 workers" vote."""
    build = _script()
    modified = [("m%d" % i, _gold((["aid workers", "humanitarian workers"], ["NGO"]))) for i in range(4)]
    assert build.table(_kb(), modified, 3, 0.6, 0.25) == []
    plain = [("p%d" % i, _gold((["the two workers" if i else "3 workers"], ["CVL"]))) for i in range(3)]
    assert [r["code"] for r in build.table(_kb(), plain, 3, 0.6, 0.25)] == ["~CVL"]


def test_the_old_sector_accepted_almost_as_often_is_kept():
    build = _script()
    articles = [("a%d" % i, _gold((["security forces"], ["COP", "MIL"] if i else ["COP"]))) for i in range(5)]
    assert build.table(_kb(), articles, 3, 0.6, 0.25) == []  # MIL 0.8 against COP 1.0
    assert [r["code"] for r in build.table(_kb(), articles, 3, 0.6, 0.15)] == ["~COP"]


def test_a_table_built_before_is_checked_on_other_articles(tmp_path):
    """`--check TABLE`: each line of a table (one half's, or the packaged one fitted on another set)
    scored on articles it was not built from: how many name the phrase, the share accepting its sector
    and the share accepting the KB's own."""
    build = _script()
    table = tmp_path / "agents.yaml"
    table.write_text(
        "agents:\n  - {phrase: fighter, code: ~REB, plural: fighters}\n  - {phrase: spokesman, code: ~GOV}\n",
        encoding="utf-8",
    )
    held_out = [
        (
            "h1",
            _gold(
                (["fighters"], ["REB"]),
            ),
        ),
        (
            "h2",
            _gold(
                (["the fighters"], ["UAF", "REB"]),
            ),
        ),
    ]
    rows = {r["phrase"]: r for r in build.check(_kb(), held_out, table)}
    assert (rows["fighter"]["articles"], rows["fighter"]["share"], rows["fighter"]["was_share"]) == (2, 1.0, 0.5)
    assert rows["fighter"]["code"] == "REB" and rows["fighter"]["was"] == "UAF"
    # a phrase no held-out article names has no share either way
    assert rows["spokesman"]["articles"] == 0 and rows["spokesman"]["share"] is None


def test_the_shipped_table_applies_after_the_hand_overlay_and_can_be_switched_off(monkeypatch):
    rows = yaml.safe_load(LEARNED_AGENTS.read_text(encoding="utf-8"))["agents"]
    assert rows, "the shipped table is empty: rebuild it with scripts/build_agent_sectors.py"
    learned = KnowledgeBase.load()
    monkeypatch.setenv("DIURNA_AGENT_SECTORS", "")
    without = KnowledgeBase.load()
    for row in rows:
        key = name_key(row["phrase"])
        assert learned.agents[key].code == row["code"]
        assert without.agents[key].code != row["code"]  # the table lists only what it changes
    assert str(LEARNED_AGENTS) in learned.overlays and str(LEARNED_AGENTS) not in without.overlays
