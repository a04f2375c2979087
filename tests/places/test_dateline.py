"""The dateline: where a story was filed, read at the start of one of its first paragraphs."""

from __future__ import annotations

import pytest

from diurna.nlp.dateline import find_dateline


@pytest.mark.parametrize(
    "text, place, qualifier",
    [
        ("KYIV, Ukraine (AP) \u2014 Russia launched drones overnight.", "KYIV", "Ukraine"),
        ("Protests spread\n\nBRASILIA, Brazil - Hundreds of supporters broke through.", "BRASILIA", "Brazil"),
        ("WASHINGTON - The two governments confirmed talks.", "WASHINGTON", None),
        ("GAZA CITY (Reuters) - Air strikes hit the north.", "GAZA CITY", None),
        ("Islamabad, May 9 (Reuters) - Police arrested the former prime minister.", "Islamabad", None),
        ("NAIROBI, Kenya, June 25 (Reuters) -- Police fired tear gas.", "NAIROBI", "Kenya"),
        ("Lagos, March 3, NAN - Police arrested twelve suspects.", "Lagos", None),
    ],
)
def test_datelines_are_read(text, place, qualifier):
    found = find_dateline(text)
    assert found is not None and found.text == place
    assert text[found.start : found.end] == place
    got = text[found.qualifier_start : found.qualifier_end] if found.qualifier_start is not None else None
    assert got == qualifier


@pytest.mark.parametrize(
    "text",
    [
        "Police in Lagos said on Monday - without giving details - that ten people died.",
        "Iran protests: at least three people were killed.",
        "The minister said: we will not resign.",
        "First paragraph.\n\nSecond one.\n\nThird one.\n\nLONDON - too far down to be a dateline.",
    ],
)
def test_sentences_that_are_no_datelines(text):
    assert find_dateline(text) is None


def test_the_lead_ends_with_the_datelines_paragraph():
    text = "CAIRO (AP) - Talks resumed on Sunday.\n\nLater paragraphs follow."
    assert find_dateline(text).paragraph_end == text.index("\n")
