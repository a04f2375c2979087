"""Two parties in one phrase (diurna/actors/dyads.py): "both countries", "the two sides", "each other"
are mentions of the two actors the story named together; with no such pair they are no actor."""

from __future__ import annotations

import pytest

from diurna.actors import dyads
from diurna.actors.rules import switched_off


def _holders(doc, words):
    """Names of the actors one of whose mentions is exactly `words`."""
    return sorted(a.name for a in doc.actors if any(m.text.lower() == words for m in a.mentions))


@pytest.mark.parametrize(
    "text, phrase, parties",
    [
        # coordinated in the sentence before
        (
            "Thailand and Cambodia exchanged fire on Thursday. Both countries blamed the army for the clash.",
            "both countries",
            ["Cambodia", "Thailand"],
        ),
        # "talks between A and B": a pair of states, any noun for the parties
        (
            "Talks between Armenia and Azerbaijan resumed in Washington. The two sides agreed to open the border.",
            "the two sides",
            ["Armenia", "Azerbaijan"],
        ),
        # joined by a hyphen, in the same sentence
        (
            "The Israel-Hezbollah ceasefire took effect on Wednesday after both sides accepted the deal.",
            "both sides",
            ["Hezbollah", "Israel"],
        ),
        # two persons for "the two leaders"
        (
            "Joe Biden and Xi Jinping met in California on Wednesday. The two leaders agreed to resume military talks.",
            "the two leaders",
            ["Joe Biden", "Xi Jinping"],
        ),
    ],
)
def test_a_party_noun_with_both_is_the_pair_the_story_named(resolve_actors, text, phrase, parties):
    assert _holders(resolve_actors(text, "2024-06-01"), phrase) == parties


def test_the_latest_pair_wins_and_a_list_is_no_pair(resolve_actors):
    doc = resolve_actors(
        "Russia and Belarus held drills in March. Kenya and Somalia signed a border deal on Monday. "
        "The two countries will open three crossings.",
        "2024-06-01",
    )
    assert _holders(doc, "the two countries") == ["Kenya", "Somalia"]
    doc = resolve_actors(
        "China, Russia, India and Brazil met in Kazan. The two countries signed a trade deal.", "2024-06-01"
    )
    assert _holders(doc, "the two countries") == []


def test_those_who_address_both_sides_are_not_the_sides(resolve_actors):
    doc = resolve_actors("Egypt and Qatar urged both sides to accept the truce.", "2024-06-01")
    assert _holders(doc, "both sides") == []
    doc = resolve_actors(
        "Israel and Hamas fought for a third day in Gaza. Egypt and Qatar urged both sides to accept a truce.",
        "2024-06-01",
    )
    assert _holders(doc, "both sides") == ["Hamas", "Israel"]


def test_both_sides_of_a_place_are_no_parties(resolve_actors):
    doc = resolve_actors(
        "Thailand and Cambodia exchanged fire on Thursday. Villagers on both sides of the border fled.", "2024-06-01"
    )
    assert _holders(doc, "both sides") == []


def test_a_state_and_its_own_leader_are_no_pair(resolve_actors):
    doc = resolve_actors(
        "Kenya and its president William Ruto hosted the summit. Both sides praised the deal.", "2024-06-01"
    )
    assert _holders(doc, "both sides") == []


def test_each_other_is_every_party_of_the_subject(resolve_actors):
    doc = resolve_actors("Russia and Ukraine accused each other of shelling the plant.", "2024-06-01")
    assert _holders(doc, "each other") == ["Russia", "Ukraine"]
    doc = resolve_actors("Officials said the men had known each other for years.", "2024-06-01")
    assert _holders(doc, "each other") == []


def test_switched_off_both_countries_is_no_actor(resolve_actors):
    with switched_off(dyads.STORY_DYAD):
        doc = resolve_actors(
            "Thailand and Cambodia exchanged fire on Thursday. Both countries blamed the army.", "2024-06-01"
        )
    assert _holders(doc, "both countries") == []


@pytest.mark.parametrize(
    "text, phrase, parties",
    [
        (
            "India and China clashed in 2020. The nuclear-armed neighbours reached a deal last week.",
            "the nuclear-armed neighbours",
            ["China", "India"],
        ),
        (
            "Donald Trump and Claudia Sheinbaum spoke on Monday. Trump said the pair had reached an agreement.",
            "the pair",
            ["Claudia Sheinbaum", "Donald Trump"],
        ),
        # with no pair named together, the only two leaders of two states the story named
        (
            "Chinese leader Xi Jinping met Brazilian President Luiz Inacio Lula da Silva on Friday. "
            "The two leaders signed 15 agreements.",
            "the two leaders",
            ["Luiz Inacio Lula da Silva", "Xi Jinping"],
        ),
    ],
)
def test_a_noun_only_a_pair_goes_by(resolve_actors, text, phrase, parties):
    assert _holders(resolve_actors(text, "2024-06-01"), phrase) == parties


def test_the_leaders_alone_and_bystanders_are_no_pair(resolve_actors):
    doc = resolve_actors(
        "Joe Biden and Xi Jinping met in California. The indigenous leaders demanded the resignation of Porras.",
        "2024-06-01",
    )
    assert _holders(doc, "the indigenous leaders") == []
    doc = resolve_actors(
        "Civilians and security personnel were hurt in Tripoli. The clashes stopped when the warring factions "
        "agreed to a ceasefire.",
        "2024-06-01",
    )
    assert _holders(doc, "the warring factions") == []


def test_one_states_warring_parties_are_no_pair(resolve_actors):
    doc = resolve_actors(
        "Saudi Arabia and Iran restored ties. Yemen's warring parties agreed to a truce.", "2024-06-01"
    )
    assert _holders(doc, "warring parties") != ["Iran", "Saudi Arabia"]


@pytest.mark.parametrize(
    "text, pronoun",
    [
        ("Russia and Ukraine said on Wednesday that they had exchanged 200 prisoners.", "they"),
        ("Turkey and Egypt restored full diplomatic ties in July. They appointed ambassadors last year.", "they"),
    ],
)
def test_they_after_a_coordinated_subject_is_both(resolve_actors, text, pronoun):
    doc = resolve_actors(text, "2024-06-01")
    assert len(_holders(doc, pronoun)) == 2


def test_they_after_one_subject_is_not_a_pair(resolve_actors):
    doc = resolve_actors("Kenya and Somalia signed a deal. Officials said they would open the border.", "2024-06-01")
    assert len(_holders(doc, "they")) <= 1


@pytest.mark.parametrize(
    "text",
    [
        "Chile met Peru in Lima to discuss fishing rights. They agreed to set up a joint commission.",
        "Kenya held talks with Ethiopia on Monday. They agreed to reopen the border.",
    ],
)
def test_they_after_a_meeting_of_two_states_is_both(resolve_actors, text):
    doc = resolve_actors(text, "2024-06-01")
    assert len(_holders(doc, "they")) == 2
    with switched_off(dyads.MET_PAIR_PRONOUN):
        assert len(_holders(resolve_actors(text, "2024-06-01"), "they")) < 2


def test_a_meeting_with_a_list_is_no_pair(resolve_actors):
    doc = resolve_actors("Chile met Peru and Bolivia in Lima. They agreed to set up a commission.", "2024-06-01")
    assert len(_holders(doc, "they")) != 2


def test_a_meeting_of_one_person_with_a_group_is_no_pair(resolve_actors):
    doc = resolve_actors("The Kenyan president met opposition leaders. They demanded his resignation.", "2024-06-01")
    assert len(_holders(doc, "they")) < 2
