"""diurna/events/explain.py: every candidate of a text with the step or rule that emitted or withheld
it. Sentences written for these tests."""

from __future__ import annotations

import json

import pytest

from diurna.events import explain as ex
from diurna.events import stage as st

STORY = (
    "Riot police fired tear gas at students in the capital on Monday. If the government does not withdraw "
    "the fuel tax, the unions will call a general strike. The interior minister said the crackdown would "
    "continue. The opposition refused to negotiate."
)


@pytest.fixture(scope="module")
def coded():
    from diurna.pipeline import Pipeline

    pipeline = Pipeline(default_pubdate="2024-06-19")
    stage = next(s for s in pipeline.stages if isinstance(s, st.EventStage))
    return stage, pipeline.code_text(STORY, "2024-06-19")


def test_the_emitted_candidates_are_the_events_of_the_output(coded):
    stage, doc = coded
    emitted = {(e.type, e.start) for e in ex.explain(doc, stage) if e.emitted}
    assert emitted == {(e.type, e.trigger.start) for e in doc.events}
    assert emitted  # the tear gas at least


def test_a_candidate_withheld_by_a_rule_names_the_rule(coded):
    stage, doc = coded
    withdrawal = [e for e in ex.explain(doc, stage) if e.trigger == "withdraw"]
    assert withdrawal and all(not e.emitted and e.step == ex.WITHHELD_BY_RULE for e in withdrawal)
    assert {e.rule_withheld for e in withdrawal} == {"conditional-act"}


def test_explaining_leaves_the_article_record_as_it_was(coded):
    stage, doc = coded
    before = (doc.article.events_withheld, [e.id for e in doc.events])
    ex.explain(doc, stage)
    ex.explain(doc, stage)
    assert (doc.article.events_withheld, [e.id for e in doc.events]) == before
    assert stage.extract.trace is None  # recording is off again for the next article


def test_every_withheld_candidate_says_why(coded):
    stage, doc = coded
    for e in ex.explain(doc, stage):
        if not e.emitted:
            assert e.step in st.DROP_STEPS + (st.NEGATED_INTENTION, ex.WITHHELD_BY_RULE)
            assert e.step != ex.WITHHELD_BY_RULE or e.rule_withheld
            assert ex.describe(e).startswith("withheld")


def test_the_command_prints_one_json_object_per_candidate(tmp_path, capsys):
    from diurna.cli import main

    path = tmp_path / "story.txt"
    path.write_text(STORY, encoding="utf-8")
    assert main(["explain", str(path), "--pubdate", "2024-06-19", "--json", "--withheld"]) == 0
    rows = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert rows and not any(r["emitted"] for r in rows)
    assert any(r["rule_withheld"] == "conditional-act" for r in rows)


def test_the_command_says_why_it_codes_nothing(tmp_path, capsys):
    from diurna.cli import main

    path = tmp_path / "empty.txt"
    path.write_text("", encoding="utf-8")
    assert main(["explain", str(path)]) == 1
    assert "no article text" in capsys.readouterr().err
    assert main(["explain", str(tmp_path / "absent.txt")]) == 1


def test_the_command_refuses_a_pubdate_that_is_no_date(tmp_path):
    # the same check as `diurna code --pubdate` (cli.check_pubdate), not a silent guess
    from diurna.cli import main

    path = tmp_path / "story.txt"
    path.write_text(STORY, encoding="utf-8")
    with pytest.raises(SystemExit, match="not a date"):
        main(["explain", str(path), "--pubdate", "2024-13-45"])
