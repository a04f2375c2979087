"""The contract's event place fields through the whole pipeline: place, place_basis,
place_precision and country are filled together, and agree with the place record."""

from __future__ import annotations


def test_event_place_fields_agree_with_the_place(code):
    doc = code(
        "KABUL (Reuters) - Taliban fighters attacked a police post in Kandahar on Monday, killing "
        "six officers.\n\nThe government condemned the attack.",
        "2021-05-03",
    )
    assert doc.events
    places = {p.id: p for p in doc.places}
    for event in doc.events:
        filled = [event.place, event.place_basis, event.place_precision, event.country]
        assert all(f is None for f in filled) or all(f is not None for f in filled), event
        if event.place is not None:
            place = places[event.place]
            assert event.country == place.country and event.place_precision == place.precision
    attack = next(e for e in doc.events if e.trigger.text.startswith("attack"))
    assert places[attack.place].name == "Kandahār" and attack.place_basis == "clause"


def test_every_placed_event_says_how_its_place_was_chosen(code):
    doc = code(
        "Protesters gathered in Tahrir Square in Baghdad on Thursday. Security forces shot at them.\n\n"
        "The prime minister condemned the shooting.",
        "2019-11-07",
    )
    places = {p.id: p for p in doc.places}
    assert all(e.place_basis in ("clause", "sentence", "dateline", "story") for e in doc.events if e.place)
    shot = next(e for e in doc.events if e.trigger.text == "shot")
    assert places[shot.place].name == "Baghdad" and shot.place_basis == "story"
    # an act of speech is not placed by the scene before it
    assert all(e.place is None for e in doc.events if e.trigger.text == "condemned")
