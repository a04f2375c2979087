"""Trigger senses in context: diurna's lexicon first, PETRARCH2 CAMEO verb patterns behind it."""

from __future__ import annotations

import pytest

from diurna.events.dictionary import TriggerLexicon


@pytest.fixture(scope="module")
def lexicon():
    return TriggerLexicon.load()


def _token(nlp, text, word):
    doc = nlp(text)
    return next(t for t in doc if t.text == word)


@pytest.mark.parametrize(
    "text,word,plover,cameo",
    [
        ("The minister called on Kenya to act.", "called", "REQUEST", "020"),
        ("Iran has spoken out against the decision.", "spoken", "ACCUSE", "111"),
        ("The envoy spoke with the Emir on Monday.", "spoke", "CONSULT", "040"),
        ("Turkey sent troops to the border.", "sent", "MOBILIZE", "154"),
        ("Japan sent aid to the islands.", "sent", "AID", "070"),
        ("Russia withdrew from the treaty.", "withdrew", "SANCTION", "166"),
        ("Russia withdrew its tanks.", "withdrew", "RETREAT", "0872"),
        # giving up a policy is a concession, not a military withdrawal
        ("After weeks of protests the government withdrew the finance bill.", "withdrew", "CONCEDE", "083"),
        ("Students staged a protest.", "staged", None, None),  # a light verb: the noun is the event
        # taking a place by force is ASSAULT (docs/annotation.md); taking people stays COERCE
        ("Rebels seized the town of Kasindi.", "seized", "ASSAULT", "192"),
        ("Al-Shabaab recaptured the base on Sunday.", "recaptured", "ASSAULT", "192"),
        ("The militants took control of the airport.", "took", "ASSAULT", "192"),
        ("Police captured the gang leader.", "captured", "COERCE", "192"),
        ("Customs officers seized two tonnes of cocaine.", "seized", "COERCE", "171"),
        # a promise of punishment is a threat; a promise of help is not
        ("The government vowed swift reprisals against the attackers.", "vowed", "THREATEN", "130"),
        ("Japan pledged aid to the islands.", "pledged", "AGREE", "030"),
        ("Bulgaria reserved the right to block the talks.", "reserved", "THREATEN", "130"),
        # a gathering or a demand is a protest only when those doing it are protesters
        ("Hundreds of protesters gathered outside the court.", "gathered", "PROTEST", "141"),
        ("Reporters gathered outside the court.", "gathered", None, None),
        ("Protesters blocked the main roads into the capital.", "blocked", "PROTEST", "144"),
        ("The government blocked access to social media.", "blocked", "COERCE", "1721"),
        ("The opposition called for a general strike.", "called", "PROTEST", "140"),
        ("Turkey provided Egypt with armed drones.", "provided", "AID", "070"),
        ("Kenyan police officers arrived in Haiti.", "arrived", "MOBILIZE", "154"),
        ("The prime minister arrived in Tokyo.", "arrived", "CONSULT", "042"),
        ("Germany declared two embassy employees personae non gratae.", "declared", "SANCTION", "166"),
        ("The last French soldiers left the country on Friday.", "left", "RETREAT", "0872"),
        # raids and stormings: the lexicon's type, which the agent may change (agent-decides-force)
        ("Police raided the newspaper's offices.", "raided", "COERCE", "171"),
        ("Angry protesters stormed the Swedish embassy in Baghdad.", "stormed", "ASSAULT", "190"),
        ("The delegation stormed out of the meeting.", "stormed", None, None),
        # a third party bringing others to a deal
        ("China mediated a rapprochement between Saudi Arabia and Iran.", "mediated", "CONSULT", "045"),
        ("Both sides accepted a deal brokered by Qatar.", "brokered", "CONSULT", "045"),
        # forces keeping people from moving restrict them; other prevention is no event
        ("Riot police prevented the marchers from reaching the square.", "prevented", "COERCE", "191"),
        ("Police blocked the students from marching to parliament.", "blocked", "COERCE", "191"),
        # arrests in other words: taken into custody, rounded up, held in detention
        ("Police took dozens of protesters into custody on Monday.", "took", "COERCE", "173"),
        ("Security forces rounded up dozens of opposition supporters.", "rounded", "COERCE", "173"),
        ("The ruling party rounded up support from smaller parties before the vote.", "rounded", None, None),
        ("The two leaders held talks in the capital.", "held", None, None),
        ("Soldiers stopped the villagers from returning to their farms.", "stopped", "COERCE", "191"),
        # a crowd filling the streets demonstrates; police filling them do not
        ("Crowds of students filled the main square of the capital.", "filled", "PROTEST", "141"),
        ("Riot police filled the square before the evening rally.", "filled", None, None),
        ("Soldiers filled the streets around the parliament on Tuesday.", "filled", None, None),
        # looting by a militia is violence; by looters after a flood, theft
        ("Militiamen looted the market in the border town.", "looted", "ASSAULT", "180"),
        ("Looters looted several shops after the flood.", "looted", None, None),
        ("The vaccine prevented thousands of deaths from the virus.", "prevented", None, None),
        ("Security forces surrounded the opposition leader's house.", "surrounded", "COERCE", "191"),
        ("Armed gunmen surrounded the police convoy.", "surrounded", "ASSAULT", "190"),
        # breaking ties is a sanction, joining a march a protest, leading a country or a coalition no event
        ("Algeria broke off diplomatic ties with Morocco.", "broke", "SANCTION", "161"),
        ("Thousands of farmers joined the protest against the new law.", "joined", "PROTEST", "141"),
        ("Duterte, who led the Philippines from 2016 to 2022, was arrested.", "led", None, None),
        ("The annexation led to Russia's suspension from the G8.", "led", None, None),
        # raising forces' alert status is a mobilization; placing someone under arrest a detention
        ("Pakistan put its air force on high alert after the strike.", "put", "MOBILIZE", "152"),
        ("The Iranian navy was placed on combat alert.", "placed", "MOBILIZE", "152"),
        ("The court placed the former minister under house arrest.", "placed", "COERCE", "173"),
        ("The ministry put the new rules on its website.", "put", None, None),
        # a missile fired at no one shows power; fired at someone it is force (the at/on senses)
        ("Pyongyang fired two short-range ballistic missiles into the sea.", "fired", "MOBILIZE", "150"),
        ("North Korea launched a long-range missile on Sunday.", "launched", "MOBILIZE", "150"),
        ("Houthi rebels fired missiles at a cargo ship.", "fired", "ASSAULT", "193"),
        # into or on a place or a party it is aimed (an attack, not a show); into the sea, or "on" a
        # date, it is not
        ("The army fired dozens of cruise missiles into the neighbouring republic overnight.", "fired", None, None),
        ("The junta launched two missiles on the rebel-held town.", "launched", None, None),
        ("The navy fired two missiles into the sea during the drill.", "fired", "MOBILIZE", "150"),
        ("The army launched a missile on Monday during the parade.", "launched", "MOBILIZE", "150"),
        ("The agency launched a new satellite.", "launched", None, None),
        # whom the missiles are for, named in the object's phrase, makes them aimed too
        ("The rebels launched missiles targeting the government's airbase.", "launched", None, None),
        ("The militia fired two missiles aimed at the capital's airport.", "fired", None, None),
        # breaking up a gathering; sanctions on money and trade
        ("Riot police dispersed the crowd outside parliament.", "dispersed", "COERCE", "170"),
        ("The march was dispersed by mounted police.", "dispersed", "COERCE", "170"),
        # dispersing on its own (going home) is done to no one
        ("The protesters dispersed peacefully after the speech.", "dispersed", None, None),
        ("The crowd dispersed when the rain began.", "dispersed", None, None),
        ("Brussels froze the oligarch's bank accounts.", "froze", "SANCTION", "163"),
        ("Moscow cut off gas supplies to Moldova.", "cut", "SANCTION", "163"),
        ("Wages were frozen for two years.", "frozen", None, None),
        ("Soldiers seized power in Guinea last month.", "seized", "COERCE", "170"),
        ("The customs agency seized power tools worth $2 million.", "seized", "COERCE", "171"),
        ("The electoral commission sanctioned the governor's plan for a recount.", "sanctioned", "SUPPORT", "051"),
        ("The league's board sanctioned the merger of the two clubs.", "sanctioned", "SUPPORT", "051"),
        ("Washington sanctioned three Iranian generals.", "sanctioned", "SANCTION", "163"),
        ("Russian troops surrounded the Ukrainian naval base.", "surrounded", "ASSAULT", "190"),
        ("Thousands of protesters surrounded the parliament building.", "surrounded", "PROTEST", "144"),
        # heavy fire on a place or party; a poisoning is an attack on the one poisoned, a poisoned
        # climate no event
        ("Government artillery pounded the rebel stronghold overnight.", "pounded", "ASSAULT", "194"),
        ("The angry senator pounded the table.", "pounded", None, None),
        ("The exiled banker was poisoned in London last year.", "poisoned", "ASSAULT", "180"),
        ("The row has poisoned relations between the two parties.", "poisoned", None, None),
        # pushing or pressing for something is asking for it, as calling for it is
        ("Opposition lawmakers pushed for a vote of no confidence.", "pushed", "REQUEST", "020"),
        ("The unions pressed for higher wages.", "pressed", "REQUEST", "020"),
        # forces kept at readiness; a strike gone on; staying put is no event
        ("Indian troops remained on high alert in Kashmir.", "remained", "MOBILIZE", "152"),
        ("Bus drivers in Lagos went on strike on Monday.", "went", "PROTEST", "143"),
        # closing the means of speech or organisation is censorship; a company closing its plant is not
        ("Authorities shut down the internet across the region.", "shut", "COERCE", "1721"),
        ("The rebels agreed a ceasefire with the army.", "agreed", "AGREE", "030"),
        # a deal struck is an agreement, a town struck an attack; fire exchanged is fighting
        ("The two parties struck a deal on the budget.", "struck", "AGREE", "030"),
        ("Russian missiles struck the town overnight.", "struck", "ASSAULT", "190"),
        ("Soldiers exchanged fire with the gunmen for an hour.", "exchanged", "ASSAULT", "190"),
        # control regained from someone is a taking; of parliament, from no one, no event
        ("Government troops regained control of the port from the rebels.", "regained", "ASSAULT", "192"),
        ("The ruling party regained control of parliament.", "regained", None, None),
        ("Soldiers demolished the houses of the suspects.", "demolished", "COERCE", "171"),
        # money, weapon systems and aid flown in are aid; names provided are not
        ("France provided Chad with new air defence systems.", "provided", "AID", "070"),
        ("The bank provided $2 billion to Egypt last year.", "provided", "AID", "070"),
        ("The air force airlifted medical supplies to the flooded region.", "airlifted", "AID", "070"),
        ("The ministry provided the names of the victims.", "provided", None, None),
        # backing down yields; backing someone supports them
        ("The government backed down on the fuel tax.", "backed", "CONCEDE", "080"),
        ("Hundreds of militiamen laid down their weapons on Sunday.", "laid", "RETREAT", "0873"),
        ("The party backed the president's candidate.", "backed", "SUPPORT", "051"),
        ("The carmaker shut down its plant in Ohio.", "shut", None, None),
    ],
)
def test_verb_senses_in_context(nlp, lexicon, text, word, plover, cameo):
    sense = lexicon.verb_sense(_token(nlp, text, word))
    assert (sense.plover if sense else None) == plover
    assert (sense.cameo if sense else None) == cameo


@pytest.mark.parametrize(
    "text,word",
    [
        ("The prime minister left for Washington on Monday.", "left"),  # a trip (PETRARCH2's reading)
        ("A contingent of Rangers departed with the prisoner.", "departed"),  # an escort
    ],
)
def test_leaving_is_a_withdrawal_only_for_forces_leaving_alone(nlp, lexicon, text, word):
    sense = lexicon.verb_sense(_token(nlp, text, word))
    assert sense is None or sense.plover != "RETREAT"


def test_a_participle_takes_its_noun_as_subject(nlp, lexicon):
    text = "Protesters gathering outside the court chanted slogans."
    assert lexicon.verb_sense(_token(nlp, text, "gathering")).plover == "PROTEST"


@pytest.mark.parametrize(
    "text,word,codes",
    [
        # the relative pronoun stands for its noun: a hotel that hosts a commission is no host of a visit
        ("Police fired tear gas outside the hotel that hosts the election commission.", "hosts", False),
        ("Riot police cordoned off the stadium which hosted the opposition rally.", "hosted", False),
        ("The president who hosted the Somali delegation praised the talks.", "hosted", True),
    ],
)
def test_a_relative_clause_subject_is_its_antecedent(nlp, lexicon, text, word, codes):
    sense = lexicon.verb_sense(_token(nlp, text, word))
    assert (sense is not None and sense.plover == "CONSULT") == codes


def test_call_without_on_or_for_is_not_a_request(nlp, lexicon):
    sense = lexicon.verb_sense(_token(nlp, "They called the plan a disaster.", "called"))
    assert sense.frame == "describe"  # an accusation only if the predicate is a negative evaluation
    sense = lexicon.verb_sense(_token(nlp, "Clinton called Machado on Friday to thank her.", "called"))
    assert sense is None or sense.plover != "REQUEST"  # "on Friday" is a date, not "call on X"


@pytest.mark.parametrize(
    "text,word",
    [
        ("The senator seized on the report.", "seized"),
        ("Police released a video of the shooting.", "released"),
        ("The governor offered no proof.", "offered"),
        # an appointment to an office is no event between appointer and appointee
        ("The president designated his chief of staff as defence minister.", "designated"),
        ("The king named his cousin as the new prime minister.", "named"),
    ],
)
def test_figurative_and_document_uses_code_nothing(nlp, lexicon, text, word):
    assert lexicon.verb_sense(_token(nlp, text, word)) is None


def test_petrarch_dictionary_covers_verbs_the_lexicon_lacks(nlp, lexicon):
    sense = lexicon.verb_sense(_token(nlp, "The army bombarded the rebel town.", "bombarded"))
    assert sense.plover == "ASSAULT"
    sense = lexicon.verb_sense(_token(nlp, "Police tortured the detainees.", "tortured"))
    assert sense is not None and sense.plover == "ASSAULT"
    sense = lexicon.verb_sense(_token(nlp, "The ministers lauded the accord.", "lauded"))
    assert sense is not None and sense.plover == "SUPPORT"


def test_statement_verbs_code_nothing(nlp, lexicon):
    assert lexicon.verb_sense(_token(nlp, "The spokesman said nothing.", "said")) is None
    assert lexicon.verb_sense(_token(nlp, "She stressed the point.", "stressed")) is None


def test_yaml_booleans_are_rejected():
    from diurna.events.dictionary import _sense_from_yaml

    with pytest.raises(ValueError):
        _sense_from_yaml("call", "verb", {"cameo": "020", "prep": True})  # an unquoted `on`


@pytest.mark.parametrize(
    "text,word,cameo",
    [
        ("The president declared a state of emergency in the north.", "state", "1724"),
        ("The army imposed martial law across the country.", "law", "1724"),
        ("Armenia announced a cease-fire with Azerbaijan.", "fire", "030"),  # the tokenizer splits "cease-fire"
        # a ban on people's travel or a state's trade is a sanction; a ban on an activity restricts
        ("The bloc imposed a travel ban on the generals.", "ban", "163"),
        ("The governor announced a ban on street protests.", "ban", "172"),
        ("The junta announced a ban on all opposition parties.", "ban", "172"),
        ("A judge issued an arrest warrant for the former president.", "warrant", "173"),
        ("The minister ordered a heightened alert along the border.", "alert", "152"),
        ("The president gave the rebels a deadline to lay down their arms.", "deadline", "139"),
        ("Washington imposed steep tariffs on Mexican cement.", "tariffs", "163"),
        ("The regime imposed an internet blackout across the province.", "blackout", "1721"),
        ("The two leaders held a video call with their advisers.", "call", "041"),
    ],
)
def test_noun_senses_with_conditions(nlp, lexicon, text, word, cameo):
    sense = lexicon.noun_sense(_token(nlp, text, word))
    assert sense is not None and sense.cameo == cameo


@pytest.mark.parametrize(
    "text,word",
    [
        ("The state of the economy worried voters.", "state"),
        ("Parliament passed a new election law.", "law"),
        ("Soldiers came under heavy fire near the border.", "fire"),
        ("The police obtained a search warrant.", "warrant"),
        ("Residents received a flood alert on their phones.", "alert"),
        # a ban on goods restricts no one
        ("The government announced a ban on plastic bags.", "ban"),
    ],
)
def test_noun_without_its_condition_codes_nothing(nlp, lexicon, text, word):
    assert lexicon.noun_sense(_token(nlp, text, word)) is None


def test_objects_are_read_through_quantity_heads(nlp, lexicon):
    sense = lexicon.verb_sense(_token(nlp, "Russia and Ukraine swapped hundreds of prisoners on Friday.", "swapped"))
    assert sense is not None and sense.plover == "RETREAT"


def test_out_read_as_a_preposition_is_still_a_particle(nlp, lexicon):
    sense = lexicon.verb_sense(_token(nlp, "Israeli troops pulled out of the town on Monday.", "pulled"))
    assert sense is not None and sense.plover == "RETREAT"


@pytest.mark.parametrize(
    "text,word",
    [
        ("Kenya and Uganda are sending in troops to restore order.", "sending"),
        ("Rwanda sent in troops.", "sent"),
        ("Chad is sending in reinforcements to the border.", "sending"),
    ],
)
def test_a_particle_read_as_a_preposition_leaves_the_object_to_the_verb(nlp, lexicon, text, word):
    from diurna.events import constructions as cx

    sense = lexicon.verb_sense(_token(nlp, text, word))
    assert sense is not None and sense.plover == "MOBILIZE"
    with cx.switched_off(cx.PARTICLE_OBJECT):
        assert lexicon.verb_sense(_token(nlp, text, word)) is None


@pytest.mark.parametrize(
    "text",
    [
        "Armenia and Azerbaijan agreed a truce on Saturday.",
        "Armenia and Azerbaijan agreed on a truce on Saturday.",
        "Armenia and Azerbaijan agreed to a truce on Saturday.",
        "Armenia and Azerbaijan agreed to observe a truce on Saturday.",
    ],
)
def test_an_agreed_truce_is_coded_both_ways_in_every_form(text):
    import diurna

    doc = diurna.code(text, published="2024-06-19")
    names = {a.id: a.name for a in doc.actors}
    pairs = {(names.get(e.source), names.get(e.target)) for e in doc.events if e.type in ("AGREE", "CONCEDE")}
    assert {("Armenia", "Azerbaijan"), ("Azerbaijan", "Armenia")} <= pairs, doc.events


@pytest.mark.parametrize(
    "text",
    [
        # agreeing on anything (a text, borders, prices), not only on an accord, is between the parties
        "Egypt and Sudan agreed on the final wording of the water-sharing text.",
        "Kenya and Somalia agreed on a new maritime boundary last week.",
    ],
)
def test_two_parties_that_agreed_on_something_are_each_others_target(text):
    import diurna

    doc = diurna.code(text, published="2024-06-19")
    names = {a.id: a.name for a in doc.actors}
    pairs = {(names.get(e.source), names.get(e.target)) for e in doc.events if e.type == "AGREE"}
    first, second = text.split(" agreed")[0].split(" and ")
    assert {(first, second), (second, first)} <= pairs, doc.events


def test_two_sides_that_clashed_are_each_others_target():
    import diurna

    doc = diurna.code("Ugandan troops and Congolese soldiers clashed near the lake.", published="2024-06-19")
    names = {a.id: a.name for a in doc.actors}
    pairs = {(names.get(e.source), names.get(e.target)) for e in doc.events if e.type == "ASSAULT"}
    assert {("Ugandan troops", "Congolese soldiers"), ("Congolese soldiers", "Ugandan troops")} <= pairs, doc.events


def test_a_power_blackout_is_no_censorship(nlp, lexicon):
    assert lexicon.noun_sense(_token(nlp, "A power blackout hit the capital on Monday.", "blackout")) is None


def test_a_flow_halted_for_no_one_is_no_sanction():
    import diurna

    doc = diurna.code("The airline suspended flights because of the storm.", published="2024-06-19")
    assert not any(e.type == "SANCTION" for e in doc.events)


def test_a_place_after_the_particle_is_no_object(nlp):
    from diurna.nlp.syntax import particle_objects

    assert particle_objects(_token(nlp, "The troops stayed in Kabul for a week.", "stayed")) == []


def test_subjectless_passive_gerund_is_done_to_the_clause_subject(nlp):
    from diurna.events.dictionary import direct_objects

    text = "The journalist was released after being detained by soldiers for a week."
    detained = _token(nlp, text, "detained")
    assert [t.text for t in direct_objects(detained)] == ["journalist"]


@pytest.mark.parametrize(
    "text,target",
    [
        ("Protesters burned Turkish flags outside the embassy in Athens on Friday.", "Turkey"),
        ("Demonstrators in Karachi torched an effigy of the Indian prime minister.", "Indian prime minister"),
        ("Students trampled on Chinese flags during the rally in Manila.", "China"),
        ("Crowds in Tehran set fire to American flags after Friday prayers.", "United States of America"),
    ],
)
def test_burning_a_flag_or_an_effigy_is_a_protest_against_whom_it_stands_for(text, target):
    # symbol-protest: an act on a country's or a leader's symbol is a protest, not an attack
    import diurna

    doc = diurna.code(text, published="2024-06-19")
    names = {a.id: a.name for a in doc.actors}
    assert [(e.type, names.get(e.target)) for e in doc.events] == [("PROTEST", target)], doc.events


@pytest.mark.parametrize(
    "text,word,plover",
    [
        ("Rebels torched government buildings in the town.", "torched", "ASSAULT"),
        ("Protesters set fire to a police station.", "set", "ASSAULT"),
    ],
)
def test_burning_buildings_is_still_violence(nlp, lexicon, text, word, plover):
    assert lexicon.verb_sense(_token(nlp, text, word)).plover == plover


# senses read from PLV_train's marked sentences that gave no event (tenth-session method: plv_gap),
# each with a sentence of our own and, where a reading could be too broad, a negative one
@pytest.mark.parametrize(
    "text,word,plover,cameo",
    [
        ("The rebels violated the truce on Sunday.", "violated", "ASSAULT", "196"),
        ("Gunmen violated the ceasefire near the border overnight.", "violated", "ASSAULT", "196"),
        ("The company violated the law, the court ruled.", "violated", None, None),
        ("Norway gave 20 million dollars to the flood victims.", "gave", "AID", "070"),
        ("The army gave medical equipment to the clinic.", "gave", "AID", "070"),
        ("The minister gave a speech to the students.", "gave", None, None),
        ("The firm gave 3 million euros to the football club.", "gave", None, None),
        ("The regime let free dozens of political prisoners.", "let", "RETREAT", "0841"),
        ("The junta let free the two journalists on Monday.", "let", "RETREAT", "0841"),
        # "free" modifies the subject of the clause "let" governs: no release (predicate, not obj_words)
        ("The government will let free markets decide the price of fuel.", "let", None, None),
    ],
)
def test_senses_read_from_plv_gaps(nlp, lexicon, text, word, plover, cameo):
    sense = lexicon.verb_sense(_token(nlp, text, word))
    assert (sense.plover if sense else None) == plover
    assert (sense.cameo if sense else None) == cameo


@pytest.mark.parametrize(
    "text,word,cameo",
    [
        ("Monitors counted dozens of truce violations overnight.", "violations", "196"),
    ],
)
def test_noun_senses_read_from_plv_gaps(nlp, lexicon, text, word, cameo):
    assert lexicon.noun_sense(_token(nlp, text, word)).cameo == cameo


def test_a_suspension_of_aid_is_coded_as_the_verb_codes_it():
    # the noun codes what "suspended aid to X" codes (162); the recipient hangs on the aid
    # (dictionary.merged_preps); other halts are left to the verb readings
    import diurna

    for text, expected in [
        ("Norway announced a suspension of aid to the junta.", {("SANCTION", "162", "Norway", "junta")}),
        ("The government announced a suspension of talks with the rebels.", set()),
    ]:
        doc = diurna.code(text, published="2024-06-19")
        names = {a.id: a.name for a in doc.actors}
        assert {(e.type, e.cameo, names.get(e.source), names.get(e.target)) for e in doc.events} == expected, text


def test_a_suspension_of_no_aid_is_no_sanction(nlp, lexicon):
    assert lexicon.noun_sense(_token(nlp, "The suspension of the player angered fans.", "suspension")) is None


def test_continuing_verbs_need_their_particle(nlp, lexicon):
    # intensified-act: "kept up the protest" continues it, "kept the protest away" does not
    assert lexicon.is_continuing_verb(_token(nlp, "Farmers kept up their blockade of the roads.", "kept"))
    assert not lexicon.is_continuing_verb(_token(nlp, "Police kept the rally away from the square.", "kept"))
    assert lexicon.is_continuing_verb(_token(nlp, "The army intensified its shelling of the city.", "intensified"))


@pytest.mark.parametrize(
    "text,pairs",
    [
        # joint exercises: military cooperation between the parties, both ways
        (
            "Chile and Peru held joint military exercises near the border.",
            {("COOPERATE", "Chile", "Peru"), ("COOPERATE", "Peru", "Chile")},
        ),
        ("India held military exercises with France in the Indian Ocean.", {("COOPERATE", "India", "France")}),
        # a state's own drills are not coded, even near another (most name no one they are aimed at)
        ("Belarus began military drills near the Polish border.", set()),
    ],
)
def test_military_exercises_are_cooperation_when_joint(text, pairs):
    import diurna

    doc = diurna.code(text, published="2024-06-19")
    names = {a.id: a.name for a in doc.actors}
    assert {(e.type, names.get(e.source), names.get(e.target)) for e in doc.events} == pairs, doc.events


def test_an_exercise_of_power_is_no_military_exercise(nlp, lexicon):
    assert lexicon.noun_sense(_token(nlp, "The exercise of power by the president was criticised.", "exercise")) is None


@pytest.mark.parametrize(
    "text,expected",
    [
        ("Bangladesh filed a lawsuit against a Philippine bank.", ("115", "Bangladesh", "Philippine")),
        ("The European Commission launched legal action against Hungary.", ("115", "Commission", "Hungary")),
        ("Serbia lodged a complaint against Croatia with the UN.", ("114", "Serbia", "Croatia")),
        ("The company took action to cut costs.", None),  # an action that is not legal is no lawsuit
    ],
)
def test_a_lawsuit_or_complaint_against_someone_is_an_accusation(text, expected):
    import diurna

    doc = diurna.code(text, published="2024-06-19")
    names = {a.id: a.name for a in doc.actors}
    accusations = [
        (e.cameo, names.get(e.source) or "", names.get(e.target) or "") for e in doc.events if e.type == "ACCUSE"
    ]
    if expected is None:
        assert accusations == []
    else:
        cameo, source, target = expected
        assert any(c == cameo and source in s and target in t for c, s, t in accusations), accusations


@pytest.mark.parametrize(
    "text,word",
    [
        # figures of speech the lexicon names as no event (no-event-sense: the learned detector does not
        # read them either); "struck down the law" stays a candidate that the verifier withholds (review14)
        ("The vote has put the ruling party in an awkward position.", "put"),
        ("Local officials placed the death toll in the hundreds.", "placed"),
        # a seat or a game is hosted, no visitor met
        ("Rwanda will host the headquarters of the new regional bank.", "host"),
        ("Qatar hosted the World Cup in 2022.", "hosted"),
    ],
)
def test_a_named_no_event_context_says_so(nlp, lexicon, text, word):
    token = _token(nlp, text, word)
    assert lexicon.verb_sense(token) is None and lexicon.says_no_event(token)


def test_a_blow_and_a_detention_are_still_coded_beside_the_no_event_contexts(nlp, lexicon):
    assert lexicon.verb_sense(_token(nlp, "A missile struck a school in Kharkiv.", "struck")).plover == "ASSAULT"
    assert lexicon.verb_sense(_token(nlp, "Kenya hosted the Ethiopian prime minister.", "hosted")).plover == "CONSULT"
    placed = _token(nlp, "Soldiers placed the opposition leader under house arrest.", "placed")
    assert lexicon.verb_sense(placed).plover == "COERCE" and not lexicon.says_no_event(placed)
