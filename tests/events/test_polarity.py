"""Polarity and modality read from the parse (diurna/events/polarity.py)."""

from __future__ import annotations

import pytest

from diurna.events.polarity import modality, polarity


def _verb(nlp, text, word):
    return next(t for t in nlp(text) if t.text == word)


@pytest.mark.parametrize(
    "text,word,expected",
    [
        ("Pakistan did not meet the delegation.", "meet", "negated"),
        ("Brazil never recognized the opposition leader.", "recognized", "negated"),
        ("The rebels won't release the hostages.", "release", "negated"),
        ("They do not want to recognize the rights of refugees.", "recognize", "negated"),
        ("Pakistan met the delegation.", "met", "asserted"),
        ("Officials said the army had not only attacked but also looted the town.", "attacked", "asserted"),
    ],
)
def test_polarity(nlp, text, word, expected):
    assert polarity(_verb(nlp, text, word)) == expected


@pytest.mark.parametrize(
    "text,word,expected",
    [
        ("Russia will attack the port in the spring.", "attack", "intended"),
        ("Kenya plans to deploy police to Haiti.", "deploy", "intended"),
        ("Britain is going to sanction the officials.", "sanction", "intended"),
        ("China would punish Taiwan.", "punish", "hypothetical"),
        ("France could expel the diplomats.", "expel", "hypothetical"),
        ("If Iran attacks, Israel will respond.", "attacks", "hypothetical"),
        ("Israel must release the prisoners.", "release", "demanded"),
        ("Iran should stop arming the militias.", "stop", "demanded"),
        ("The army attacked the port.", "attacked", "actual"),
        # the purpose of an act not done shares its modality; of an act done, it is the act's own
        ("The ministers said the allies had to move fast to counter the blockade.", "counter", "demanded"),
        ("Kenya will send police officers to fight the gangs.", "fight", "intended"),
        ("Kenya sent police officers to fight the gangs.", "fight", "actual"),
        ("The rebels agreed to withdraw from the town.", "withdraw", "actual"),
    ],
)
def test_modality(nlp, text, word, expected):
    assert modality(_verb(nlp, text, word)) == expected
