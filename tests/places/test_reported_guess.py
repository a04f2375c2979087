"""speech.reported-act-takes-no-guessed-place: in a story the learned chooser reads, an act told in what
someone reports gets no place that no rule found. A story written for this test; accuracy on real news
is measured on the real-text sets."""

from __future__ import annotations

STORY = """Kenyan police fired tear gas at thousands of protesters in Nairobi on Monday as anger over new taxes spread across Kenya.

Demonstrators blocked roads in the capital and burned tyres, witnesses said.

Kenya's government has defended the taxes as necessary to pay its debts.

Opposition leaders have called for more protests next week.

The finance minister told parliament the budget would not be withdrawn.

A union leader said riot officers were beating marchers with batons.
"""


def _places(code) -> dict[str, tuple[str | None, str | None]]:
    doc = code(STORY, "2024-06-25")
    names = {p.id: p.name for p in doc.places}
    return {e.trigger.text: (names.get(e.place), e.place_rule) for e in doc.events}


def test_a_reported_act_gets_no_place_no_rule_found(code):
    from diurna.places import speech
    from diurna.places.chooser import load_chooser

    if load_chooser() is None:  # the rules alone never guess such a place
        return
    assert _places(code)["beating"] == (None, None)
    with speech.switched_off(speech.REPORTED_GUESS):
        assert _places(code)["beating"][1] == "learned:mention"
    # acts the rules place keep their place
    assert _places(code)["fired"][0] == "Nairobi"
