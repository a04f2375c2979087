"""'We' in a quotation (diurna/actors/first_person.py): a mention of the quote's speaker, so that what
"we" do in a quote is the speaker's act. Run through the whole pipeline: the speaker is the quote
stage's."""

from __future__ import annotations

from diurna.actors import first_person
from diurna.actors.rules import switched_off


def _we_of(doc):
    """Names of the actors that have a first-person mention."""
    return sorted(
        a.name for a in doc.actors if any(m.text.lower() in first_person.FIRST_PERSON_PLURAL for m in a.mentions)
    )


def test_we_in_a_direct_quote_is_its_speaker(code):
    doc = code('"We have closed our borders with Rwanda," the interior minister, Martin Niteretse, said on Tuesday.')
    assert _we_of(doc) == ["Martin Niteretse"]
    doc = code('The ministry said in a statement: "We call on the authorities to release our colleagues."')
    assert _we_of(doc) == ["ministry"]


def test_the_speakers_act_is_coded_from_we(code):
    doc = code('"We call on Iran to revoke the death sentence," Foreign Minister Annalena Baerbock said on Tuesday.')
    requests = [e for e in doc.events if e.type == "REQUEST"]
    assert requests and doc.actor(requests[0].source).name == "Annalena Baerbock"


def test_we_outside_a_quote_or_without_a_speaker_is_nobody(code):
    doc = code("We reported on Monday that the talks had stalled. Officials declined to comment.")
    assert _we_of(doc) == []


def test_switched_off_we_is_nobody(code):
    with switched_off(first_person.QUOTE_WE):
        doc = code('"We have closed our borders," the interior minister, Martin Niteretse, said on Tuesday.')
    assert _we_of(doc) == []


def test_we_right_after_two_parties_named_together_is_not_the_speaker_alone(code):
    doc = code(
        "Kenya and Somalia agreed on Monday to reopen their border. "
        '"We have made a historic deal," the Kenyan foreign minister, Musalia Mudavadi, said.'
    )
    assert _we_of(doc) == []
