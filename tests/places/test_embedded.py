"""Places hidden in or cut by spaCy's entities (diurna/places/embedded.py).

Each rule is tested on a parse whose entities are set by hand to the mislabelling the rule is for
(the small model's labels change with the sentence; the rule must not), then one sentence goes
through the whole places stage."""

from __future__ import annotations

import pytest

from diurna.places.embedded import RULES, embedded_places
from diurna.places.gazetteer import load


@pytest.fixture(scope="module")
def hidden(nlp):
    """hidden(text, [(entity text, label), ...]) -> the texts of the places the rules find."""

    def _hidden(text: str, ents: list[tuple[str, str]], countries: tuple[str, ...] = ()) -> list[str]:
        doc = nlp(text)
        spans, used = [], set()
        for surface, label in ents:  # the first occurrence no earlier entity covers
            start = text.index(surface)
            while start in used:
                start = text.index(surface, start + 1)
            used.update(range(start, start + len(surface)))
            spans.append(doc.char_span(start, start + len(surface), label=label))
        doc.ents = spans
        country_mentions = set()
        for name in countries:
            start = text.rindex(name)
            span = doc.char_span(start, start + len(name))
            country_mentions.add((span.start, span.end))
        return [s.text for s in embedded_places(doc, load(), country_mentions)]

    return _hidden


def test_rules_are_named_with_examples():
    assert [r.name for r in RULES] == [
        "country_opening_an_entity",
        "possessor_in_an_entity",
        "unit_with_its_noun",
        "longer_known_name",
        "partner_of_a_place",
        "bracketed_container_after",
        "shared_name_after_directions",
        "name_of_a_settlement_noun",
        "town_opening_a_seated_body",
    ]
    assert all(r.example for r in RULES)


def test_a_country_the_article_names_opens_a_person_entity(hidden):
    text = "The President of Belarus Lukashenko spoke to Putin. Belarus denied it."
    assert hidden(text, [("Belarus Lukashenko", "PERSON"), ("Putin", "PERSON")], countries=("Belarus",)) == ["Belarus"]
    text = "Honduras Expels Two Diplomats After Border Row With Nicaragua"
    assert hidden(text, [("Honduras Expels", "PERSON"), ("Nicaragua", "GPE")], countries=("Nicaragua",)) == []
    assert hidden(text + ". Honduras said so.", [("Honduras Expels", "PERSON")], countries=("Honduras",)) == [
        "Honduras"
    ]


def test_a_country_name_of_several_words_needs_no_other_mention(hidden):
    assert hidden("Sierra Leone PM resigns after protests", [("Sierra Leone PM", "PERSON")]) == ["Sierra Leone"]


def test_a_country_name_opening_a_persons_name_after_a_title_is_the_person(hidden):
    text = "Foreign Minister Israel Katz said Israel would respond. Katz spoke in Jerusalem."
    ents = [("Israel Katz", "PERSON"), ("Katz", "PERSON"), ("Jerusalem", "GPE")]
    assert hidden(text, ents, countries=("Israel",)) == []
    # a headline opening with the name of a person of the article is that person
    text = "Israel Katz Says Talks Will Go On\n\nIsrael's foreign minister Katz said so."
    assert hidden(text, [("Israel Katz Says", "PERSON"), ("Katz", "PERSON")], countries=("Israel",)) == []


def test_a_country_modifying_a_title_inside_a_person_entity(hidden):
    text = "Tonga Prime Minister Siaosi Sovaleni met officials. Tonga will host the summit."
    assert hidden(text, [("Tonga Prime Minister Siaosi Sovaleni", "PERSON")], countries=("Tonga",)) == ["Tonga"]


def test_a_metonym_is_no_possessor_place(hidden):
    text = "The Kremlin's Spokesman Dmitry Peskov said on Tuesday."
    assert hidden(text, [("Kremlin's Spokesman Dmitry Peskov", "PERSON")]) == []


def test_a_given_name_like_a_country_is_no_place(hidden):
    # the article names no country Jordan elsewhere: "Jordan" is the man's given name
    assert hidden("Jordan Bardella spoke in Paris on Sunday.", [("Jordan Bardella", "PERSON"), ("Paris", "GPE")]) == []


def test_a_possessor_and_its_quarter_inside_a_person_entity(hidden):
    text = "Shots were heard in central Luanda's Cazenga area on Monday."
    assert hidden(text, [("Luanda's Cazenga", "PERSON")]) == ["Luanda", "Cazenga"]


def test_a_possessor_tagged_person_with_its_ending(hidden):
    text = "The US offered help in securing Palau's waters, as Palau's own vessel is small."
    assert hidden(text, [("Palau's", "PERSON")]) == ["Palau"]


def test_a_unit_with_its_noun_tagged_person(hidden):
    assert hidden("Fighting spread across Rakhine State last week.", [("Rakhine State", "PERSON")]) == ["Rakhine State"]
    # an adjective with "State" is a group, not a unit
    assert hidden("Fighters of the Islamic State attacked.", [("Islamic State", "PERSON")]) == []


def test_the_entity_is_the_end_or_the_start_of_a_longer_name(hidden):
    text = "Militants raided a police post in Dera Ismail Khan overnight."
    assert hidden(text, [("Ismail Khan", "PERSON")]) == ["Dera Ismail Khan"]
    # a sentence's opening "The" is no part of a name ("The US said")
    assert hidden("The US said so.", [("US", "GPE")]) == []
    text = "The president travelled to San Antonio de los Baños on Sunday."
    assert hidden(text, [("San Antonio de", "GPE")]) == ["San Antonio de los Baños"]


def test_a_name_listed_with_places_or_at_a_routes_end(hidden):
    text = "The mayors of three cities, Diyarbakir, Mardin and Van, were removed."
    assert hidden(text, [("Diyarbakir", "GPE"), ("Mardin", "PERSON"), ("Van", "GPE")]) == ["Mardin"]
    text = "The flight from Athens to Vilnius was diverted."
    assert hidden(text, [("Athens", "GPE"), ("Vilnius", "PERSON")]) == ["Vilnius"]
    # a person listed with a person is no place, whatever a gazetteer knows of the name
    assert (
        hidden("He met Paris Hilton and Jordan Smith.", [("Paris Hilton", "PERSON"), ("Jordan Smith", "PERSON")]) == []
    )


def test_a_name_with_its_region_in_brackets(hidden):
    text = "Protests were reported in Güines (Mayabeque) and in the east."
    assert hidden(text, [("Güines", "NORP"), ("Mayabeque", "GPE")]) == ["Güines"]
    # a namesake abroad: Guînes in France is not in Cuba's Mayabeque
    text = "Protests were reported in Calais (Mayabeque) and in the east."
    assert hidden(text, [("Calais", "NORP"), ("Mayabeque", "GPE")]) == []


def test_the_stage_reads_a_hidden_country(locate):
    doc = locate("Papua New Guinea PM declares state of emergency after deadly riots in Port Moresby")
    countries = {p.country for p in doc.places}
    assert "PNG" in countries


def test_two_directions_sharing_one_name(hidden):
    assert hidden("Talks between North and South Korea stalled.", [("North and South Korea", "GPE")]) == ["South Korea"]
    assert hidden("Fighting spread across North and South Kivu.", [("North and South Kivu", "LOC")]) == ["South Kivu"]
    # no shared name: two places of their own
    assert hidden("Trade between North and South America grew.", [("North and South America", "LOC")]) == []


def test_a_large_town_opening_a_court_or_police_name(hidden):
    text = "The Kuala Lumpur Sessions Court charged him on Friday."
    assert hidden(text, [("The Kuala Lumpur Sessions Court", "ORG")]) == ["Kuala Lumpur"]
    assert hidden("Phnom Penh Municipal Court ruled.", [("Phnom Penh Municipal Court", "ORG")]) == ["Phnom Penh"]
    # not another body, and not a surname opening a court's name
    assert hidden("The Kuala Lumpur Stock Exchange fell.", [("The Kuala Lumpur Stock Exchange", "ORG")]) == []
    assert hidden("The Kennedy Court ruled.", [("The Kennedy Court", "ORG")]) == []
    # one word: a town the article names elsewhere
    text = "The Seoul Central District Court ruled. Protests went on in Seoul."
    assert hidden(text, [("The Seoul Central District Court", "ORG"), ("Seoul", "GPE")]) == ["Seoul"]


def test_a_name_in_apposition_to_or_after_a_settlements_noun(hidden):
    text = "Dozens were arrested in the capital Nouakchott on Monday."
    assert hidden(text, [("Nouakchott", "PERSON")]) == ["Nouakchott"]
    assert hidden("Riots broke out in the town of Kaedi.", [("Kaedi", "ORG")]) == ["Kaedi"]
    # a person in apposition to a person, or a name the gazetteer has no town for
    assert hidden("The president, Mohamed Ould Ghazouani, spoke.", [("Mohamed Ould Ghazouani", "PERSON")]) == []
    assert hidden("Riots broke out in the town of Zzyzzyva.", [("Zzyzzyva", "ORG")]) == []
