"""Generic actors merge only when the text names them alike (issue #21: no false merges)."""

from __future__ import annotations

TEXT = (
    "Fierce fighting between the Sudanese army and the Rapid Support Forces continued in Khartoum.\n\n"
    "The army said it repelled an attack."
)


def _holder(doc, text):
    return next(a.id for a in doc.actors if any(m.text == text for m in a.mentions))


def test_two_groups_of_one_country_and_sector_stay_apart(code):
    doc = code(TEXT, "2024-06-19")
    assert _holder(doc, "Sudanese army") != _holder(doc, "Rapid Support Forces")


def test_a_later_description_with_the_same_head_is_the_same_group(code):
    doc = code(TEXT, "2024-06-19")
    assert _holder(doc, "army") == _holder(doc, "Sudanese army")


def test_fighting_between_them_is_coded_both_ways(code):
    doc = code(TEXT, "2024-06-19")
    army, rsf = _holder(doc, "Sudanese army"), _holder(doc, "Rapid Support Forces")
    pairs = {(e.source, e.target) for e in doc.events if e.type == "ASSAULT"}
    assert {(army, rsf), (rsf, army)} <= pairs


def test_a_description_before_its_apposed_name_is_that_name_not_the_last_person_named(code):
    from diurna.actors.resolve import NAME_BEFORE_APPOSED_DESCRIPTION
    from diurna.actors.rules import switched_off

    text = (
        "Police arrested opposition leader Tundu Lissu in Mbeya on Monday. "
        "Protesters demanded the resignation of the attorney general, Consuelo Porras."
    )
    doc = code(text, "2023-09-05")
    porras = next(a for a in doc.actors if "Consuelo Porras" in a.name)
    assert [m.text for m in porras.mentions] == ["attorney general", "Consuelo Porras"]
    assert not any("attorney general" in [m.text for m in a.mentions] for a in doc.actors if a is not porras)
    with switched_off(NAME_BEFORE_APPOSED_DESCRIPTION):
        doc = code(text, "2023-09-05")
    porras = next(a for a in doc.actors if "Consuelo Porras" in a.name)
    assert [m.text for m in porras.mentions] == ["Consuelo Porras"]


def test_state_force_not_armed_group_keeps_a_states_army_apart_from_the_rebels(code):
    """Rule state-force-not-armed-group: "the Afghan army" does not refer back to the Taliban named
    before it; without the rule the army merges into the group."""
    from diurna.actors.coref import STATE_FORCE_NOT_ARMED_GROUP
    from diurna.actors.rules import switched_off

    text = "The Taliban said they would keep fighting. The Afghan army moved into the valley on Sunday."

    def army_is_taliban(doc):
        taliban = next(a for a in doc.actors if any(m.text == "Taliban" for m in a.mentions))
        return any("army" in m.text for m in taliban.mentions)

    assert not army_is_taliban(code(text, "2016-03-02"))
    with switched_off(STATE_FORCE_NOT_ARMED_GROUP):
        assert army_is_taliban(code(text, "2016-03-02"))


def test_state_army_word_not_armed_group_keeps_the_army_apart_from_a_rebel_group(resolve_actors):
    """Rule state-army-word-not-armed-group: "the army" with no country of its own is no rebel group
    named before it; an army in the group's own name is referred back to."""
    from diurna.actors.coref import STATE_ARMY_WORD_NOT_ARMED_GROUP
    from diurna.actors.rules import switched_off

    text = "Soldiers freed twelve hostages held by Boko Haram near Maiduguri. The army said all were safe."

    def army_is_the_group(doc):
        group = next(a for a in doc.actors if any(m.text == "Boko Haram" for m in a.mentions))
        return any(m.text == "army" for m in group.mentions)

    assert not army_is_the_group(resolve_actors(text, "2016-03-02"))
    with switched_off(STATE_ARMY_WORD_NOT_ARMED_GROUP):
        assert army_is_the_group(resolve_actors(text, "2016-03-02"))
    doc = resolve_actors("The Arakan Army seized a town on Monday. The army said it held 40 prisoners.", "2024-01-10")
    named = next(a for a in doc.actors if any(m.text == "Arakan Army" for m in a.mentions))
    assert any(m.text == "army" for m in named.mentions)


def test_residents_are_not_the_protesters_before_them(resolve_actors):
    """Rule witnesses-not-the-crowd: "Residents said" is a witness's account, a crowd of its own kind;
    a later "Residents" is the same residents."""
    from diurna.actors.rules import switched_off

    text = "Protesters clashed with police on Sunday. Residents said the police fired live rounds. Residents fled."

    def crowds(doc):
        return sorted(len(a.mentions) for a in doc.actors if a.sector == "CVL")

    assert crowds(resolve_actors(text)) == [1, 2]
    with switched_off("witnesses-not-the-crowd"):
        assert crowds(resolve_actors(text)) == [3]


def test_a_state_named_after_its_demonym_is_still_the_state(resolve_actors):
    """ "Thousands of Malians marched ... northern Mali": the demonym kept the state's place with the
    people's kind, so Mali became a group (coded as civilians, or given a learned sector)."""
    doc = resolve_actors("Thousands of Chadians marched in N'Djamena. Rebels hold the east of Chad.", "2021-04-20")
    chad = next(a for a in doc.actors if any(m.text == "Chad" for m in a.mentions))
    assert (chad.kind, chad.code) == ("country", "TCD")
    chadians = next(a for a in doc.actors if any(m.text == "Chadians" for m in a.mentions))
    assert chadians.id != chad.id and chadians.sector == "CVL"
