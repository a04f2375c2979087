"""Labelled sets of temporal expressions in news sentences (YAML files beside this test): each
expression must be found in its sentence and normalised to the expected interval (start, end,
granularity); each set as a whole must pass at >= 95 %.

cases.yaml is the development set; heldout.yaml was written after the rules were frozen and
is never tuned on (docs/evaluation.md gives both figures)."""

from __future__ import annotations

import pathlib

import pytest
import yaml

HERE = pathlib.Path(__file__).parent
CASE_FILES = ["cases.yaml", "heldout.yaml"]
PASS_RATE = 0.95


def load_cases(name: str) -> list[dict]:
    return yaml.safe_load((HERE / name).read_text(encoding="utf-8"))


def expected(case: dict) -> tuple[str, str, str]:
    return str(case["start"]), str(case.get("end", case["start"])), case["granularity"]


def normalised(time_doc, case: dict):
    """(start, end, granularity) of the expression `case["timex"]` as found in the sentence."""
    doc = time_doc(case["text"], str(case["pub"]))
    for t in doc.timexes:
        if t.date.text == case["timex"]:
            return (t.date.start, t.date.end, t.date.granularity), doc
    return None, doc


def score(time_doc, cases: list[dict]) -> tuple[float, list[str]]:
    failures = []
    for case in cases:
        got, doc = normalised(time_doc, case)
        if got != expected(case):
            failures.append(
                "%s | %r in %r: expected %s, got %s (found: %s)"
                % (case["pub"], case["timex"], case["text"], expected(case), got, [t.date.text for t in doc.timexes])
            )
    return 1 - len(failures) / len(cases), failures


@pytest.mark.parametrize("case_file", CASE_FILES)
def test_case_set_pass_rate(time_doc, case_file):
    cases = load_cases(case_file)
    assert len(cases) >= (250 if case_file == "cases.yaml" else 50)
    rate, failures = score(time_doc, cases)
    assert rate >= PASS_RATE, "%s: pass rate %.3f < %.2f; failures:\n%s" % (
        case_file,
        rate,
        PASS_RATE,
        "\n".join(failures),
    )
