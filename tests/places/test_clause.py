"""clause.py: which of a sentence's places the event's clause may take. Unit cases of one construction
each, written for these tests; accuracy on real news is measured on the real-text sets."""

from __future__ import annotations

import pytest

from diurna.places import event_place


def _place_of(locate, text: str, trigger: str):
    doc = locate(text)
    token = next(t for t in doc.spacy_doc if t.text == trigger)
    place_id = event_place(doc, token.i)
    return next((p.name for p in doc.places if p.id == place_id), None)


@pytest.mark.parametrize("opening, closing", [('"', '"'), ("\u00ab", "\u00bb"), ("\u2018", "\u2019"), ("''", "''")])
def test_a_place_in_the_quoted_words_is_not_the_events_whatever_the_marks(locate, opening, closing):
    # the quotations are the quote stage's passages (diurna.nlp.quotations): guillemets and curly
    # single quotes too, which the sentence's own pairing of marks did not see
    text = "Demonstrators chanted %sdeath to England%s and burned flags." % (opening, closing)
    assert _place_of(locate, text, "chanted") is None


def test_the_events_own_place_beside_a_quotation_still_counts(locate):
    assert (
        _place_of(locate, "The crowd in Tehran chanted \u00abdeath to England\u00bb on Friday.", "chanted") == "Tehran"
    )
