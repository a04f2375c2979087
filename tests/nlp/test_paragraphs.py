"""Sentence boundaries: a blank line ends a sentence; no sentence starts with a comma."""

from __future__ import annotations


def sentences(nlp, text):
    return [s.text.strip() for s in nlp(text).sents if s.text.strip()]


def test_a_paragraph_ending_in_an_abbreviation_does_not_run_into_the_next(nlp):
    text = (
        "The minister said the talks had stalled over aid to the U.S.\n\n"
        "Officials in Ottawa, for their part, said a new round would begin in March."
    )
    found = sentences(nlp, text)
    assert found[-1].startswith("Officials in Ottawa")
    assert not any(s.startswith(",") for s in found)


def test_single_newlines_inside_a_paragraph_do_not_force_a_break(nlp):
    text = "Protesters gathered outside the parliament in Lima\non Tuesday, demanding new elections."
    assert len(sentences(nlp, text)) == 1


def test_one_paragraph_per_line_as_html_extraction_gives(nlp):
    text = (
        "Ceasefire holds in northern town\nThe army said on Monday that the truce with the rebels had held overnight."
    )
    found = sentences(nlp, text)
    assert found[0] == "Ceasefire holds in northern town"
