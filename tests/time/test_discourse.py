"""diurna/time/discourse.py: what the time stage reads about the discourse. Unit cases of one
construction each, written for these tests."""

from __future__ import annotations

import pytest

from diurna.time import event_date
from diurna.time.anchoring import BEFORE
from diurna.time.discourse import inside_quotation

PUB = "2024-03-15"


@pytest.mark.parametrize(
    "opening, closing",
    [
        ('"', '"'),
        ("\u201c", "\u201d"),
        # the marks the quote stage reads as well: guillemets, two apostrophes, curly single quotes
        ("\u00ab", "\u00bb"),
        ("''", "''"),
        ("\u2018", "\u2019"),
    ],
)
def test_a_speakers_today_is_not_the_storys_time_whatever_the_marks(time_doc, opening, closing):
    text = "The vote is near. %sToday's speech shows resolve,%s an aide said. The senator criticized the plan."
    doc = time_doc(text % (opening, closing), PUB)
    criticized = next(t.i for t in doc.spacy_doc if t.text == "criticized")
    assert event_date(doc, criticized).granularity == BEFORE


def test_inside_quotation_is_the_quote_stages_passages(time_doc):
    # a quotation over two paragraphs (every paragraph opens with a mark, only the last closes it)
    text = "She said:\n\n\u201cWe rebuild the schools.\n\n\u201cThen the hospitals.\u201d\n\nThe crowd cheered."
    doc = time_doc(text, PUB)
    assert inside_quotation(doc, text.index("schools")) and inside_quotation(doc, text.index("hospitals"))
    assert not inside_quotation(doc, text.index("She")) and not inside_quotation(doc, text.index("crowd"))
