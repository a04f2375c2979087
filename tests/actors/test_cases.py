"""The labelled actor-resolution set: every case runs; the pass rate must stay at or above 90 %."""

from __future__ import annotations

import pathlib

import yaml
from actor_cases import check

CASES = yaml.safe_load((pathlib.Path(__file__).parent / "cases.yaml").read_text(encoding="utf-8"))
PASS_RATE = 0.90


def run_case(resolve_actors, case) -> list[str]:
    doc = resolve_actors(case["text"], str(case.get("date", "2018-06-01")))
    problems = []
    for expectation in case["expect"]:
        problems.extend(check(doc, expectation))
    return problems


def test_case_file_is_large_enough():
    assert len(CASES) >= 200
    assert all(case.get("expect") for case in CASES)


def test_pass_rate(resolve_actors):
    failures = {}
    for n, case in enumerate(CASES):
        problems = run_case(resolve_actors, case)
        if problems:
            failures[n] = (case["text"], problems)
    rate = 1 - len(failures) / len(CASES)
    by_tag: dict[str, list[int]] = {}
    for n, case in enumerate(CASES):
        for tag in case.get("tags", ["untagged"]):
            by_tag.setdefault(tag, [0, 0])
            by_tag[tag][0] += n not in failures
            by_tag[tag][1] += 1
    print("by tag: " + ", ".join("%s %d/%d" % (t, ok, n) for t, (ok, n) in sorted(by_tag.items())))
    report = "\n".join("#%d %s\n    %s" % (n, text, "; ".join(p)) for n, (text, p) in failures.items())
    print("actor cases: %d/%d pass (%.3f)\n%s" % (len(CASES) - len(failures), len(CASES), rate, report))
    assert rate >= PASS_RATE, report


def _switched_off(rule: str):
    """Switch an actor rule off, whichever registry holds it (resolution or country)."""
    from diurna.actors import country
    from diurna.actors import rules as actor_rules

    return actor_rules.switched_off(rule) if rule in actor_rules.RULES else country.switched_off(rule)


def test_every_case_has_an_id_and_a_registered_rule():
    from diurna.actors import country, resolve  # noqa: F401  (imports every module that registers a rule)
    from diurna.actors import rules as actor_rules

    ids = [case.get("id") for case in CASES]
    assert all(ids) and len(set(ids)) == len(ids)
    unknown = {case["rule"] for case in CASES} - set(actor_rules.RULES) - set(country.RULES)
    assert not unknown, unknown


def test_switching_a_cases_rule_off_fails_the_case(resolve_actors):
    """Each passing case that is not a guard fails when the rule it names is off: the rule, and
    not something else, decides it."""
    by_rule: dict[str, list[dict]] = {}
    for case in CASES:
        if not case.get("guard"):
            by_rule.setdefault(case["rule"], []).append(case)
    still_passing = []
    for rule, cases in sorted(by_rule.items()):
        passing = [case for case in cases if not run_case(resolve_actors, case)]
        with _switched_off(rule):
            still_passing.extend(
                "%s (%s)" % (case["id"], rule) for case in passing if not run_case(resolve_actors, case)
            )
    assert not still_passing, still_passing
