"""event_place: the place in the event's clause, else the sentence's scene, else none."""
from __future__ import annotations

import pytest

from diurna.places import event_place


def _place_of(locate, text: str, trigger: str):
    doc = locate(text)
    token = next(t for t in doc.spacy_doc if t.text == trigger)
    place_id = event_place(doc, token.i)
    names = {p.id: p.name for p in doc.places}
    return names.get(place_id) if place_id else None


@pytest.mark.parametrize("text, trigger, expected", [
    # the clause's own locative phrase or visited object
    ("A trade delegation from Seoul visited Hanoi last week.", "visited", "Hanoi"),
    ("Farmers took to the streets of Nairobi to protest against the new tax.", "took", "Nairobi"),
    ("Farmers took to the streets of Nairobi to protest against the new tax.", "protest", "Nairobi"),
    ("Opposition supporters gathered in Lima and blocked the main avenue.", "blocked", "Lima"),
    ("Police in Dhaka arrested twenty garment workers on Sunday.", "arrested", "Dhaka"),
    ("Government artillery shelled Idlib overnight, activists said.", "shelled", "Idlib"),
    ("The two foreign ministers met in Vienna on Tuesday.", "met", "Vienna"),
    ("Troops were deployed to Mogadishu after the attack.", "deployed", "Mogadishu"),
    ("Thousands marched in the capital after the ruling in Kenya.", "marched", "Nairobi"),
    # the scene set by the clause that embeds the event
    ("In Ankara, officials said Turkey would retaliate.", "retaliate", "Ankara"),
    # countries as actors, not locations
    ("Iran condemned the decision on Monday.", "condemned", None),
    ("The president spoke to Israel's prime minister by phone.", "spoke", None),
    ("Washington imposed new sanctions on Venezuela.", "imposed", None),
    # a country as a location
    ("Militants attacked a police post in Niger on Friday.", "attacked", "Niger"),
    # places in other clauses or quotations do not count; no default to the article's first place
    ("The minister, who lives in London, criticised the plan.", "criticised", None),
    ('Demonstrators chanted "death to England" and burned flags.', "chanted", None),
    ("Madrid said on Monday it would recall its ambassador.", "recall", None),
])
def test_event_place(locate, text, trigger, expected):
    assert _place_of(locate, text, trigger) == expected


def test_no_places_no_place(locate):
    doc = locate("The committee approved the budget on Thursday.")
    assert all(event_place(doc, t.i) is None for t in doc.spacy_doc)


def test_out_of_range_trigger_is_none(locate):
    doc = locate("Protesters gathered in Lagos.")
    assert event_place(doc, len(doc.spacy_doc) + 5) is None
    assert event_place(doc, -1) is None
