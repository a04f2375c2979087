"""The quote stage's named rules (diurna/quotes/rules.py) and the written cases that name them.

Each case in tests/quotes/cases*.yaml names the rule it tests. With every rule on, the quote that
passes the case must have been made (or its speaker revised) by that rule; with the rule switched
off, the case must fail, or be taken over by the rule the case names as its `fallback`.
"""

from __future__ import annotations

import importlib.util
import os
import pathlib
import re
import subprocess
import sys

import pytest

from diurna.quotes import rules as R


def _quote_case_helpers():
    # tests/quotes/test_cases.py: the case sets and their matcher (other folders have a test_cases too)
    path = pathlib.Path(__file__).with_name("test_cases.py")
    spec = importlib.util.spec_from_file_location("quote_test_cases", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


_cases = _quote_case_helpers()
CASES, SECOND_AUTHOR_CASES, _speaker_ok, _via_ok = (
    _cases.CASES,
    _cases.SECOND_AUTHOR_CASES,
    _cases._speaker_ok,
    _cases._via_ok,
)

PUBLISHED = "2025-06-02"  # as test_cases.py codes them
ALL = [(case["text"], expected) for case in CASES + SECOND_AUTHOR_CASES for expected in case["quotes"]]
NAMED = sorted({expected["rule"] for _, expected in ALL})


def _norm(s: str) -> str:
    return s.replace("\u2019", "'").replace("\u201c", '"').replace("\u201d", '"')


def _passing_rules(doc, expected) -> set[str] | None:
    """The rules that made the quotes passing the case ('cue-content (said-that) > continue-speaker'
    -> three names), or None when no quote passes it."""
    made_by = None
    for quote in doc.quotes:
        if _norm(expected["contains"]) in _norm(quote.content.text) and (
            _speaker_ok(doc, quote, expected["speaker"]) and _via_ok(doc, quote, expected.get("via"))
        ):
            made_by = (made_by or set()) | set(re.findall(r"[a-z][a-z-]+", doc.quote_rules.get(quote.id, "")))
    return made_by


def test_every_rule_has_an_example_and_a_reason_and_one_place_in_the_order():
    ordered = [name for _, names in R.ORDER for name in names]
    assert sorted(ordered) == sorted(R.RULES) and len(ordered) == len(set(ordered))
    for rule in R.RULES.values():
        assert rule.example and rule.why, rule.name


def test_every_case_has_a_unique_id_and_names_known_rules():
    ids = [expected.get("id") for _, expected in ALL]
    assert all(ids) and len(ids) == len(set(ids))
    for _, expected in ALL:
        assert expected["rule"] in R.RULES, expected["id"]
        assert expected.get("fallback", expected["rule"]) in R.RULES, expected["id"]


def test_switched_off_rejects_unknown_names():
    with pytest.raises(KeyError):
        with R.switched_off("no-such-rule"):
            pass


def test_the_environment_switches_rules_off():
    probe = "from diurna.quotes import rules as R; print(R.enabled('frame-after'), R.enabled('cue-content'))"
    env = dict(os.environ, DIURNA_QUOTE_RULES_OFF="frame-after, name-line")
    out = subprocess.run([sys.executable, "-c", probe], env=env, capture_output=True, text=True, check=True)
    assert out.stdout.split() == ["False", "True"]


@pytest.mark.parametrize("rule", NAMED)
def test_a_rule_decides_its_cases_and_they_fail_without_it(pipeline, rule):
    checked, problems = 0, []
    for text, expected in ALL:
        if expected["rule"] != rule:
            continue
        made_by = _passing_rules(pipeline.code_text(text, PUBLISHED), expected)
        if made_by is None:
            continue  # a failing case: counted by the pass rate in test_cases.py
        checked += 1
        if rule not in made_by:
            problems.append("%s: made by %s, not by %s" % (expected["id"], sorted(made_by), rule))
            continue
        with R.switched_off(rule):
            without = _passing_rules(pipeline.code_text(text, PUBLISHED), expected)
        fallback = expected.get("fallback")
        if without is not None and (fallback is None or fallback not in without):
            problems.append("%s: still passes with %s off (made by %s)" % (expected["id"], rule, sorted(without)))
    assert checked, "no passing case names %s" % rule
    assert not problems, "\n".join(problems)
