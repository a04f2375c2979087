"""diurna/events/clause_parties.py: the parties a clause names beside its verb's own arguments, each
found only while its construction (constructions.py) is switched on. Unit cases of one construction
each; accuracy on real news is measured on the real-text sets (docs/evaluation.md)."""

from __future__ import annotations

import pytest

from diurna.events import clause_parties as cp
from diurna.events import constructions as cx


def _verb(nlp, text: str, word: str):
    return next(t for t in nlp(text) if t.text == word)


@pytest.mark.parametrize(
    "text, word, find, rule, expected",
    [
        ("Egypt agreed to normalise ties with Israel.", "normalise", cp.committed_relation_recipients,
         cx.COMMITTED_RELATION, ["Israel"]),
        ("Police used tear gas to disperse the protesters.", "used", cp.purpose_objects, cx.PURPOSE_RECIPIENT,
         ["protesters"]),
        ("Morocco called for improved ties with Algeria.", "called", cp.requested_relation_recipients,
         cx.REQUESTED_RELATION, ["Algeria"]),
    ],
)  # fmt: skip
def test_each_finder_reads_its_construction_and_only_while_on(nlp, text, word, find, rule, expected):
    verb = _verb(nlp, text, word)
    assert [t.text for t in find(verb)] == expected
    with cx.switched_off(rule):
        assert find(verb) == []


def test_the_one_asked_and_the_requested_act(nlp):
    verb = _verb(nlp, "The UN called for Rwanda to end its support.", "called")
    asked, acts = cp.asked_subjects(verb)
    assert [t.text for t in asked] == ["Rwanda"] and [t.text for t in acts] == ["end"]
