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
