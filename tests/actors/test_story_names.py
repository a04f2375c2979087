"""Rule foreign-acronym (diurna/actors/story_names.py): an acronym matches a KB entry of a country
only when the story names that country elsewhere."""

from __future__ import annotations

from diurna.actors.rules import switched_off
from diurna.actors.story_names import FOREIGN_ACRONYM, initials_of, is_short_capitals

LESOTHO = (
    "MASERU, Lesotho - The Lesotho Defence Force (LDF) denied on Monday that LDF soldiers had beaten "
    "villagers in Leribe. The LDF said it would investigate."
)
LITHUANIA = "VILNIUS, Lithuania - The LDF won two seats in Lithuania's parliament, the LDF said on Monday."
SYRIA = "DAMASCUS, Syria - Syria's state-run SANA news agency said Israeli jets struck a base near Damascus."


def _with(doc, text):
    return [a for a in doc.actors if any(m.text == text for m in a.mentions)]


def test_an_acronym_foreign_to_the_story_is_no_kb_entry(code):
    ldf = _with(code(LESOTHO, "2024-05-06"), "LDF")
    assert ldf and all(a.kb_id is None and a.country in (None, "LSO") for a in ldf)
    soldiers = next(a for a in code(LESOTHO, "2024-05-06").actors if a.name.endswith("soldiers"))
    assert soldiers.country != "LTU"
    with switched_off(FOREIGN_ACRONYM):
        ldf = _with(code(LESOTHO, "2024-05-06"), "LDF")
    assert any(a.country == "LTU" for a in ldf)  # the Lithuanian party the dictionaries list


def test_an_acronym_of_the_story_country_keeps_its_kb_entry(code):
    ldf = _with(code(LITHUANIA, "2024-05-06"), "LDF")
    assert any(a.kb_id is not None and a.country == "LTU" for a in ldf)


def test_a_capital_in_capitals_outside_its_story_is_no_state(code):
    doc = code(SYRIA, "2024-05-06")
    assert not any(a.country == "YEM" for a in doc.actors)
    agency = next(a for a in doc.actors if any("news agency" in m.text for m in a.mentions))
    assert agency.country == "SYR"
    with switched_off(FOREIGN_ACRONYM):
        doc = code(SYRIA, "2024-05-06")
    assert any(a.country == "YEM" for a in doc.actors)  # "Sana" is listed among Yemen's names


def test_a_state_short_name_always_matches(code):
    doc = code("The US imposed sanctions on two banks on Monday.", "2024-05-06")
    assert any(a.kind == "country" and a.country == "USA" for a in doc.actors)


def test_acronym_shapes():
    assert is_short_capitals("LDF") and is_short_capitals("SANA")
    assert not is_short_capitals("U.S.") and not is_short_capitals("Sana") and not is_short_capitals("MASERUS")
    assert {"us", "rok", "drc"} <= initials_of(
        ["united states", "republic of korea", "democratic republic of the congo"]
    )


# rule common-party-name: sentences written for these tests
CHINA = (
    "BEIJING - Premier Li Qiang opened the session in Beijing on Tuesday. The Communist Party said the "
    "plenum would set the next five-year plan."
)
SWEDEN = "STOCKHOLM - The Communist Party held a rally in Stockholm on Saturday, and Swedish police watched."


def test_party_name_words_are_those_of_many_states_parties(actor_stage):
    words = actor_stage.kb.party_name_words
    assert {"communist", "democratic", "party", "people's"} <= words
    assert not {"sweden", "awami", "likud", "china"} & words


def test_a_common_party_name_is_no_foreign_states_party(code):
    from diurna.actors.story_names import COMMON_PARTY_NAME

    party = _with(code(CHINA, "2024-05-06"), "Communist Party")
    assert party and all(a.country != "SWE" for a in party)
    assert party[0].sector == "PTY"  # a party the KB does not know, of the story's country
    with switched_off(COMMON_PARTY_NAME):
        party = _with(code(CHINA, "2024-05-06"), "Communist Party")
    assert any(a.country == "SWE" for a in party)  # Party Facts' short name of Sweden's party


def test_a_common_party_name_keeps_its_kb_party_in_its_states_story(code):
    party = _with(code(SWEDEN, "2024-05-06"), "Communist Party")
    assert any(a.kb_id is not None and a.country == "SWE" for a in party)
