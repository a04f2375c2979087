"""The shared registry of named rules (diurna/rules.py)."""

from __future__ import annotations

import pytest

from diurna.rules import RuleSet


def test_rules_register_in_order_and_switch_off_for_a_while():
    rules = RuleSet("test rule", env="DIURNA_TEST_RULES_OFF_UNSET")
    first = rules.register("first", "an example", "a reason")
    rules.register("second", "another", "another reason")
    assert list(rules.rules) == ["first", "second"] and first == "first"
    assert rules.enabled("first")
    with rules.switched_off("first"):
        assert not rules.enabled("first") and rules.enabled("second")
    assert rules.enabled("first")


def test_the_environment_switches_rules_off(monkeypatch):
    monkeypatch.setenv("DIURNA_TEST_RULES_OFF", "a, b")
    rules = RuleSet("test rule", env="DIURNA_TEST_RULES_OFF")
    rules.register("a", "", "")
    rules.register("c", "", "")
    assert not rules.enabled("a") and rules.enabled("c")
    with rules.switched_off("a"):  # already off: stays off afterwards too
        pass
    assert not rules.enabled("a")


def test_an_unknown_name_is_an_error_that_names_the_kind():
    rules = RuleSet("test rule", env="DIURNA_TEST_RULES_OFF_UNSET")
    with pytest.raises(KeyError, match="no such test rule: nope"):
        with rules.switched_off("nope"):
            pass


def test_ordered_rules_are_registered_and_listed_in_the_order_defined():
    rules = RuleSet("test rule", env="DIURNA_TEST_RULES_OFF_UNSET")
    tried: list = []
    rule = rules.ordered(tried)

    @rule("short", "a short word", "short words count")
    def short(word: str) -> bool:
        return len(word) < 4

    @rule("capital", "Paris", "capitals count")
    def capital(word: str) -> bool:
        return word[:1].isupper()

    assert [name for name, _ in tried] == ["short", "capital"] == list(rules.rules)
    assert rules.rules["capital"].example == "Paris"
    assert short("cat") and not short("horse")  # the decorator hands the function back unchanged
    on = lambda word: [n for n, fn in tried if rules.enabled(n) and fn(word)]  # noqa: E731
    assert on("Rome") == ["capital"] and on("Ur") == ["short", "capital"]
    with rules.switched_off("capital"):
        assert on("Ur") == ["short"]
