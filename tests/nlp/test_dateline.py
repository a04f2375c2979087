"""The dateline, one definition for every stage (diurna/nlp/dateline.py)."""

from __future__ import annotations

import pytest

from diurna.nlp.dateline import find_dateline, in_dateline


@pytest.mark.parametrize(
    "text, place, qualifier",
    [
        ("KYIV, Ukraine (AP) \u2014 Russia launched a wave of drones overnight.", "KYIV", "Ukraine"),
        ("BRASILIA, Brazil - Hundreds of supporters gathered.", "BRASILIA", "Brazil"),
        ("NAIROBI, Nov 25 (Reuters) - Police fired tear gas.", "NAIROBI", None),
        ("Islamabad, May 9 (Reuters) - Police arrested dozens.", "Islamabad", None),
        ("Tehran, March 15, IRNA - The secretary said talks would resume.", "Tehran", None),
        ("Strike hits ports\n\nGAZA CITY (AP) \u2014 Israeli strikes killed 12 people.", "GAZA CITY", None),
        ("Police detain activists\n\nYEREVAN, January 28. /TASS/. The police detained 26 people.", "YEREVAN", None),
        ("Moscow, September 3. /ITAR-TASS/. The ministry said talks would resume.", "Moscow", None),
    ],
)
def test_a_dateline_heads_one_of_the_first_paragraphs(text, place, qualifier):
    found = find_dateline(text)
    assert found is not None and found.text == place and text[found.start : found.end] == place
    got = text[found.qualifier_start : found.qualifier_end] if found.qualifier_start is not None else None
    assert got == qualifier


@pytest.mark.parametrize(
    "text",
    [
        "Police in Lagos said - without giving details - that three men were held.",
        "The NATO summit opened on Tuesday.",
        "One\n\nTwo\n\nThree\n\nWASHINGTON (AP) \u2014 Too late in the story to be its dateline.",
        "Sales rose 3% in March 28. /Updated/ figures follow.",  # a slashed word after no place and date
        "The talks, held on December 11, were \u201cuseful\u201d, TASS reported.",
    ],
)
def test_no_dateline(text):
    assert find_dateline(text) is None


def test_a_token_of_the_heading_is_in_the_dateline_and_the_lead_is_not(nlp):
    doc = nlp("WASHINGTON (AP) \u2014 The president said on Monday that NATO \u2014 the alliance \u2014 would grow.")
    by_text = {t.text: t for t in doc}
    assert in_dateline(by_text["WASHINGTON"]) and in_dateline(by_text["AP"])
    assert not in_dateline(by_text["president"])
    assert not in_dateline(by_text["NATO"])  # capitals and a dash inside a sentence are no heading


def test_a_dateline_opening_a_later_paragraph_counts_for_its_tokens(nlp):
    doc = nlp("Talks stall\n\nGENEVA, Switzerland - Negotiators left the room on Friday.")
    assert in_dateline(next(t for t in doc if t.text == "GENEVA"))
    assert not in_dateline(next(t for t in doc if t.text == "Negotiators"))


def test_a_name_with_a_party_in_brackets_is_no_heading(nlp):
    # the agency pattern takes "(R-S.C.)" for a news agency; a heading ends in a dash before the lead
    doc = nlp("Rep. Trey Gowdy (R-S.C.) said that claim smacked of hypocrisy.")
    assert not in_dateline(next(t for t in doc if t.text == "Gowdy"))


def test_capitals_before_a_hyphenated_word_are_no_heading(nlp):
    doc = nlp("CNN reported that night Ex-CIA chief Petraeus testifies Benghazi attack was terrorism.")
    assert not in_dateline(next(t for t in doc if t.text == "CNN"))


def test_the_slashed_agency_closes_the_heading(nlp):
    doc = nlp("YEREVAN, January 28. /TASS/. The Armenian police have detained 26 activists.")
    assert in_dateline(next(t for t in doc if t.text == "YEREVAN"))
    assert not in_dateline(next(t for t in doc if t.text == "police"))


def test_a_colon_closes_the_heading_too(nlp):
    # "RAS AL-AIN, Syria: Turkey launched ..." and "Darfur (AFP): The United Nations ...": the heading's
    # place is no subject of the lead; a headline's topic before a colon is no heading
    doc = nlp("TRIPOLI, Libya: Armed groups clashed in the capital on Tuesday.")
    assert in_dateline(next(t for t in doc if t.text == "TRIPOLI"))
    assert not in_dateline(next(t for t in doc if t.text == "groups"))
    doc = nlp("Kabul (AFP): The Taliban detained two journalists on Monday.")
    assert in_dateline(next(t for t in doc if t.text == "Kabul"))
    doc = nlp("Border violence: Troops fire on villagers in the north.")
    assert not in_dateline(next(t for t in doc if t.text == "Border"))
