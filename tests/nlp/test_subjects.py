"""Parse repairs for lost subjects (diurna/nlp/subjects.py), on the small model's own misreadings."""

from __future__ import annotations

from diurna.nlp.subjects import first_name_in, misread_subject, name_after


def _token(doc, text):
    return next(t for t in doc if t.text == text)


def test_a_surname_read_as_a_modal_is_the_subject(nlp):
    # the tagger reads "Will" as an auxiliary of "urged"; a modal never precedes a past form
    doc = nlp("Citing the attack, Will urged the council to act.")
    assert misread_subject(_token(doc, "urged")).text == "Will"


def test_a_handle_read_as_an_auxiliary_is_the_subject(nlp):
    doc = nlp("Hours later @realDonaldTrump tweeted that the deal was off.")
    assert misread_subject(_token(doc, "tweeted")).text == "@realDonaldTrump"


def test_a_verb_with_its_own_subject_needs_no_repair(nlp):
    doc = nlp("The minister urged the council to act.")
    assert misread_subject(_token(doc, "urged")) is None


def test_the_first_name_before_a_verb_skips_a_possessor(nlp):
    doc = nlp("Trump's campaign manager Kellyanne Conway told reporters.")
    told = _token(doc, "told")
    assert first_name_in(list(doc[: told.i]), told).text == "Conway"


def test_a_date_before_the_verb_names_nobody(nlp):
    doc = nlp("Tuesday, hours after the vote, officials said.")
    said = _token(doc, "said")
    assert first_name_in(list(doc[: said.i]), said) is None


def test_the_name_after_an_inverted_verb(nlp):
    doc = nlp("Continued Senator Stone:")
    assert name_after(_token(doc, "Continued"), doc[-1]).text == "Stone"
