"""diurna/time/syntax.py: where a temporal expression hangs in the parse."""

from __future__ import annotations

import pytest

from diurna.time import event_date
from diurna.time.dating import governing_timex


def _token(doc, word: str) -> int:
    return next(t.i for t in doc.spacy_doc if t.text == word)


@pytest.mark.parametrize(
    "text, predicate, occasion, day",
    [
        # a future predicate: the date is the victory's, last Sunday, not the next one
        ("The party's victory on Sunday will strengthen the coalition.", "strengthen", "victory", "2016-04-24"),
        # a present predicate tells what the ruling means, not an act on Monday
        ("The court's ruling on Monday means the law stands.", "means", "ruling", "2016-04-25"),
        ("The vote on Tuesday gives the governor a clear majority.", "gives", "vote", "2016-04-26"),
    ],
)
def test_a_date_after_an_occasion_subject_is_the_occasions(time_doc, text, predicate, occasion, day):
    """`occasion_before_its_consequence`: a present or future predicate does not take the date
    that follows its subject when the subject names an occasion."""
    doc = time_doc(text, "2016-04-27")  # a Wednesday
    assert governing_timex(doc, _token(doc, predicate)) is None
    date = event_date(doc, _token(doc, occasion))
    assert (date.start, date.end) == (day, day)


@pytest.mark.parametrize(
    "text, predicate, day",
    [
        # a past predicate shares the occasion's date: the attack killed them that day
        ("The attack on Monday killed six people.", "killed", "2016-04-25"),
        # a person subject: the date is the clause's, misattached by the parser
        ("The minister on Monday said the talks would resume.", "said", "2016-04-25"),
    ],
)
def test_a_date_after_the_subject_otherwise_dates_the_clause(time_doc, text, predicate, day):
    doc = time_doc(text, "2016-04-27")
    timex = governing_timex(doc, _token(doc, predicate))
    assert timex is not None and (timex.date.start, timex.date.end) == (day, day)
