"""The story's country for generic actors (diurna/actors/country.py): given with the rule on, marked
inferred, never given when no country dominates or the actor's role is international."""

from __future__ import annotations

from diurna.actors import country as ac
from diurna.records import Actor

KENYA = (
    "NAIROBI, Kenya - Police fired tear gas at protesters in Nairobi on Tuesday as Kenya's parliament "
    "debated the finance bill. Protesters in Mombasa and Kisumu also marched."
)
TWO_STATES = "Police in Paris and protesters in Madrid both gathered on Tuesday."


def _actor(doc, word):
    return next(a for a in doc.actors if any(word in m.text.lower() for m in a.mentions))


def test_generic_actors_take_the_story_country_marked_inferred(code):
    doc = code(KENYA, "2024-06-19")
    police = _actor(doc, "police")
    assert (police.country, police.country_inferred) == ("KEN", True)
    assert police.code == "KEN" + (police.sector or "")


def test_rules_off_leave_them_without_country(code):
    with ac.switched_off(ac.STORY_FOCUS, ac.SCENE_COUNTRY, ac.LEARNED_COUNTRY):
        doc = code(KENYA, "2024-06-19")
    police = _actor(doc, "police")
    assert police.country is None and not police.country_inferred


# Two states about equally named (no focus), the scene of each sentence in one of them.
TWO_SIDED = (
    "Serbia's church enthroned a new bishop in Montenegro on Sunday. Serbia and Montenegro have quarrelled "
    "over the church for years, and Serbia's president called Montenegro's leaders. "
    "Police fired tear gas at protesters in Cetinje. Students marched in Belgrade against the bishop."
)


def test_scene_country_gives_a_generic_group_the_country_of_its_sentence_places(code):
    doc = code(TWO_SIDED, "2021-09-05")
    assert ac.focus_country(doc) is None
    police, students = _actor(doc, "police"), _actor(doc, "students")
    assert (police.country, police.country_inferred) == ("MNE", True)
    assert (students.country, students.country_inferred) == ("SRB", True)
    with ac.switched_off(ac.SCENE_COUNTRY, ac.LEARNED_COUNTRY):
        doc = code(TWO_SIDED, "2021-09-05")
    assert _actor(doc, "police").country is None


def test_scene_country_leaves_armies_and_envoys_alone(code):
    # the rules alone (rule learned-country, which weighs the story for them too, is off)
    text = TWO_SIDED + " Soldiers patrolled the border near Pljevlja. Diplomats met in Podgorica."
    with ac.switched_off(ac.LEARNED_COUNTRY):
        doc = code(text, "2021-09-05")
    assert _actor(doc, "soldiers").country is None
    assert _actor(doc, "diplomats").country is None


def test_same_head_country_takes_the_country_the_text_gave_the_same_noun(code):
    text = TWO_SIDED.replace("Police fired", "Montenegro police fired") + " Later, police detained 20 people."
    doc = code(text, "2021-09-05")
    bare = next(a for a in doc.actors if [m.text for m in a.mentions] == ["police"])
    assert (bare.country, bare.country_inferred) == ("MNE", True)
    with ac.switched_off(ac.SAME_HEAD_COUNTRY, ac.SCENE_COUNTRY, ac.LEARNED_COUNTRY):
        doc = code(text, "2021-09-05")
    bare = next(a for a in doc.actors if [m.text for m in a.mentions] == ["police"])
    assert bare.country is None


def test_same_head_country_needs_every_word_and_one_country(code):
    # "security forces" is not "Rwandan forces"; "police" given two countries takes neither
    text = (
        "Rwandan forces and Congolese troops clashed near Goma, Uganda said, and Kenya and Burundi agreed. "
        "Security forces fired on the crowd. Ugandan police and Kenyan police met. Police arrested 20."
    )
    with ac.switched_off(ac.LEARNED_COUNTRY):  # the rules alone
        doc = code(text, "2024-01-01")
    assert ac.focus_country(doc) is None
    assert _actor(doc, "security forces").country is None
    bare = next(a for a in doc.actors if [m.text for m in a.mentions] == ["Police"])
    assert bare.country is None
    assert ac.same_head_countries(doc) == {}


def test_no_dominant_country_no_inference(code):
    with ac.switched_off(ac.LEARNED_COUNTRY):  # the rules alone
        doc = code(TWO_STATES, "2024-06-19")
    assert not any(a.country_inferred for a in doc.actors)


def test_a_country_twice_as_named_as_any_other_is_the_focus_below_the_share():
    from collections import Counter

    many = Counter({"UGA": 8, "USA": 2, "GBR": 1, "KEN": 1, "CHE": 1, "FRA": 1, "DEU": 1, "ETH": 1})  # 8/16
    assert ac.focus_of(many) == "UGA"
    with ac.switched_off(ac.STORY_PLURALITY):
        assert ac.focus_of(many) is None
    assert ac.focus_of(Counter({"ARM": 18, "AZE": 10, "RUS": 5})) is None  # two-sided: no focus
    assert ac.focus_of(Counter({"UGA": 3, "USA": 1, "KEN": 1})) == "UGA"  # story-focus's share (0.6)
    assert ac.focus_of(Counter({"UGA": 3, "USA": 1, "KEN": 1, "GBR": 1})) is None  # too few votes


def test_international_roles_and_known_actors_are_left_alone():
    assert not ac.needs_country(Actor(id="a", name="UN agencies", sector="IGO", kind="group"))
    assert not ac.needs_country(Actor(id="b", name="Amnesty", kb_id="amnesty", kind="organization"))
    assert not ac.needs_country(Actor(id="c", name="Kenya", country="KEN", kind="country"))
    assert ac.needs_country(Actor(id="d", name="riot police", sector="COP", kind="group"))
    assert ac.needs_country(Actor(id="e", name="Faith Odhiambo", kind="person"))


def test_every_rule_has_an_example():
    assert ac.RULES and all(r.example and r.why for r in ac.RULES.values())


def test_organisations_the_kb_does_not_know_take_the_story_country_but_news_agencies_do_not():
    militia = Actor(id="f", name="the 444 Brigade", kind="organization")
    agency = Actor(id="g", name="Reuters", sector="MED", kind="organization")
    assert ac.needs_country(militia) and not ac.needs_country(agency)
    with ac.switched_off(ac.ORGANISATION_FOCUS):
        assert not ac.needs_country(militia)


# 'its' owns a generic group: the organisation or state the sentence names as its owner.
ITS_OWNER = (
    "Cambodia's defence ministry on Thursday condemned what it called brutal Thai military aggression, "
    "accusing its neighbour of opening fire on its troops. Manila said a Chinese aircraft dropped flares "
    "in the path of its military aircraft near the shoal."
)


def test_owner_of_its_gives_the_group_the_owner_country(code):
    doc = code(ITS_OWNER, "2025-05-29")
    troops = _actor(doc, "troops")
    assert (troops.country, troops.country_inferred) == ("KHM", True)  # the subject, not "its neighbour"
    patrol = next(a for a in doc.actors if a.name == "military aircraft")
    assert patrol.country == "PHL"  # not the Chinese aircraft: no aircraft owns aircraft
    with ac.switched_off(ac.OWNER_OF_ITS):
        doc = code(ITS_OWNER, "2025-05-29")
    assert next(a for a in doc.actors if a.name == "military aircraft").country != "PHL"


# A story that names its country through the people in it, not its places.
PEOPLE_NOT_PLACES = (
    "Police fired tear gas at supporters of Sali Berisha outside parliament on Tuesday. Prime Minister "
    "Edi Rama, who was abroad, condemned the violence. Berisha said the police had beaten his supporters."
)


def test_named_actor_votes_give_a_focus_when_places_leave_it_open(code):
    doc = code(PEOPLE_NOT_PLACES, "2024-02-20")
    assert ac.focus_of(ac.country_votes(doc)) is None  # the places and country names alone
    assert ac.named_actor_votes(doc)["ALB"] >= 3  # Berisha twice, Rama
    police = _actor(doc, "police")
    assert (police.country, police.country_inferred) == ("ALB", True)
    with ac.switched_off(ac.NAMED_ACTOR_VOTES):
        doc = code(PEOPLE_NOT_PLACES, "2024-02-20")
        assert ac.focus_country(doc) is None


def test_named_actor_votes_never_override_the_places_focus(code):
    # Kenya holds the places; two mentions of Biden do not make it a US story, nor a two-sided one
    text = KENYA + " U.S. President Joe Biden urged restraint. Biden called for talks."
    doc = code(text, "2024-06-19")
    assert ac.focus_country(doc) == "KEN"
    assert _actor(doc, "police").country == "KEN"


def test_foreign_modifier_keeps_a_group_out_of_the_story_country(code):
    text = KENYA + " Foreign journalists were barred from the chamber, and world leaders urged calm."
    doc = code(text, "2024-06-19")
    assert _actor(doc, "foreign journalists").country is None
    assert _actor(doc, "world leaders").country is None
    assert _actor(doc, "police").country == "KEN"
    with ac.switched_off(ac.FOREIGN_MODIFIER):
        doc = code(text, "2024-06-19")
    assert _actor(doc, "foreign journalists").country == "KEN"


def test_foreign_modifier_leaves_a_state_office_named_with_the_word(code):
    doc = code(KENYA + " The Foreign Ministry said the protests were illegal.", "2024-06-19")
    assert _actor(doc, "foreign ministry").country == "KEN"


# Rule backer-not-home: a group on one country's side, in a story that names that country most.
BACKED = (
    "Pro-Russian separatists shelled Ukrainian positions near Donetsk on Friday. Russian-backed fighters "
    "also attacked the town of Debaltseve. Moscow denied sending troops, and Russian officials met in "
    "Moscow. Russia called the talks useful."
)


def test_backer_not_home_gives_a_backed_group_another_country_than_its_backer(code):
    doc = code(BACKED, "2014-06-21")
    assert _actor(doc, "pro-russian separatists").country != "RUS"
    assert _actor(doc, "russian-backed fighters").country != "RUS"
    assert _actor(doc, "russian officials").country == "RUS"  # a country's own, stated
    with ac.switched_off(ac.BACKER_NOT_HOME):
        doc = code(BACKED, "2014-06-21")
    assert _actor(doc, "pro-russian separatists").country == "RUS"


def test_several_states_office_keeps_plural_one_holder_offices_out_of_the_story(code):
    text = (
        KENYA + " Several foreign ministers met in Nairobi, regional leaders urged calm, and former presidents spoke."
    )
    doc = code(text, "2024-06-19")
    assert _actor(doc, "foreign ministers").country is None
    assert _actor(doc, "regional leaders").country is None
    assert _actor(doc, "former presidents").country == "KEN"  # one state has many former presidents
    # offices of states only: an organisation's presidents are of the story's country
    doc = code(KENYA + " University presidents signed a letter on the fees.", "2024-06-19")
    assert _actor(doc, "university presidents").country == "KEN"
    with ac.switched_off(ac.SEVERAL_STATES_OFFICE):
        doc = code(text, "2024-06-19")
    assert _actor(doc, "foreign ministers").country == "KEN"


def test_several_states_portfolio_keeps_plural_portfolio_ministers_out_of_the_story(code):
    """Rule several-states-portfolio: a state has one energy minister, so "energy ministers" are of
    several states; "former finance ministers" are one state's."""
    text = KENYA + " The energy ministers met in Nairobi on Friday, and former finance ministers spoke."
    doc = code(text, "2024-06-19")
    assert _actor(doc, "energy ministers").country is None
    assert _actor(doc, "former finance ministers").country == "KEN"
    with ac.switched_off(ac.SEVERAL_STATES_PORTFOLIO):
        doc = code(text, "2024-06-19")
    assert _actor(doc, "energy ministers").country == "KEN"


def test_portfolios_are_the_agents_files_government_ministers():
    """several-states-portfolio's word list is the agents file's: each "<word> minister" is an agent
    with a government code (a portfolio), so the list is no guess."""
    from diurna.actors import default_kb

    agents = default_kb().agents
    for word in ac.PORTFOLIOS:
        agent = agents.get(word + " minister") or agents.get(word + " minist")
        assert agent is not None and agent.code.startswith("~GOV"), word


def test_region_group_keeps_a_world_regions_leaders_out_of_the_story(code):
    text = KENYA + " African leaders met in Nairobi on Friday, and European governments urged calm."
    doc = code(text, "2024-06-19")
    assert _actor(doc, "african leaders").country is None
    assert _actor(doc, "european governments").country is None
    with ac.switched_off(ac.REGION_GROUP):
        doc = code(text, "2024-06-19")
    assert _actor(doc, "african leaders").country == "KEN"


def test_whole_name_in_title_names_one_country_not_also_its_last_word(code):
    """Rule whole-name-in-title: "South Sudanese" in a title is South Sudan's mention; without the
    rule its last word alone makes Sudan a second country of the story."""
    from diurna.actors.name_kinds import WHOLE_NAME_IN_TITLE
    from diurna.actors.rules import switched_off

    text = (
        "South Sudanese soldiers shelled a village near Malakal on Monday. Kenya's president and Kenya's "
        "foreign minister called for talks in Nairobi, and police in Nairobi guarded the venue."
    )
    doc = code(text, "2016-03-02")
    assert not any(a.country == "SDN" for a in doc.actors)
    assert _actor(doc, "south sudanese").country == "SSD"
    with switched_off(WHOLE_NAME_IN_TITLE):
        doc = code(text, "2016-03-02")
    assert any(a.country == "SDN" for a in doc.actors)


def test_gathered_not_owned_keeps_a_counted_plural_out_of_its_meeting_place(code):
    """Rule gathered-not-owned: "several defence ministers in Nairobi" met there, from several states;
    without the rule located-institution makes them Kenya's."""
    from diurna.actors.descriptions import GATHERED_NOT_OWNED
    from diurna.actors.rules import switched_off

    text = "Several defence ministers in Nairobi agreed on a joint patrol on Tuesday. Kenya hosted the meeting."
    doc = code(text, "2016-03-02")
    assert _actor(doc, "defence ministers").country is None
    with switched_off(GATHERED_NOT_OWNED):
        doc = code(text, "2016-03-02")
    assert _actor(doc, "defence ministers").country == "KEN"


def test_place_modifier_country_gives_a_regions_police_its_own_country(code):
    """Rule place-modifier-country: "Sindh police" are Pakistan's, stated, in a story about India;
    without the rule they take the story's country."""
    from diurna.actors.descriptions import PLACE_MODIFIER_COUNTRY
    from diurna.actors.rules import switched_off

    text = (
        "India's foreign ministry in New Delhi protested on Monday, and India's navy searched the coast. "
        "Sindh police held two fishing crews overnight."
    )
    doc = code(text, "2016-03-02")
    police = _actor(doc, "sindh police")
    assert (police.country, police.country_inferred) == ("PAK", False)
    with switched_off(PLACE_MODIFIER_COUNTRY):
        doc = code(text, "2016-03-02")
    assert _actor(doc, "sindh police").country == "IND"


def test_office_of_state_gives_the_office_the_state_after_of(resolve_actors):
    """Rule office-of-state: "the president of Mexico" is Mexico's, stated, as "Mexico's president"
    is; without the rule the office has no country of its own (or the meeting place's)."""
    from diurna.actors.descriptions import OFFICE_OF_STATE
    from diurna.actors.rules import switched_off

    text = "The president of Mexico met the army chief of Uganda in Geneva on Monday."
    doc = resolve_actors(text, "2016-03-02")
    assert (_actor(doc, "president").code, _actor(doc, "army chief").code) == ("MEXGOV", "UGAMIL")
    assert not _actor(doc, "president").country_inferred
    with switched_off(OFFICE_OF_STATE):
        doc = resolve_actors(text, "2016-03-02")
    assert _actor(doc, "president").country != "MEX"


def test_office_of_state_reads_no_relation_and_no_two_states(resolve_actors):
    doc = resolve_actors("The allies of Russia and the leaders of France and Germany met in Oslo.", "2016-03-02")
    leaders = _actor(doc, "leaders")
    assert leaders.country is None
    assert not any(a.country == "RUS" and a.kind != "country" for a in doc.actors)


def test_from_state_gives_people_from_a_state_that_state(resolve_actors):
    """Rule from-state: "officials from Iran" are Iran's; a 'from' the parse hangs on the verb
    ("withdrew peacekeepers from Mali") says where they left, and migrants are not their port's."""
    from diurna.actors.descriptions import FROM_STATE
    from diurna.actors.rules import switched_off

    text = "Officials from Iran arrived in Geneva on Monday for the talks."
    assert _actor(resolve_actors(text, "2016-03-02"), "officials").code == "IRNGOV"
    with switched_off(FROM_STATE):
        assert _actor(resolve_actors(text, "2016-03-02"), "officials").country != "IRN"
    doc = resolve_actors("The army withdrew its soldiers from Mali, and migrants from Libya drowned.", "2016-03-02")
    assert _actor(doc, "migrants").country != "LBY"
    assert _actor(doc, "soldiers").country != "MLI"


def test_loyal_to_gives_forces_their_leaders_country(resolve_actors):
    """Rule loyal-to: "forces loyal to President Bashar al-Assad" are Syria's; "loyal to Russia" takes
    a side and gives no country (as "pro-Russian" does)."""
    from diurna.actors.descriptions import LOYAL_TO
    from diurna.actors.rules import switched_off

    text = "Forces loyal to President Bashar al-Assad shelled the town on Sunday."
    assert _actor(resolve_actors(text, "2016-03-02"), "forces").code == "SYRMIL"
    with switched_off(LOYAL_TO):
        assert _actor(resolve_actors(text, "2016-03-02"), "forces").country is None
    doc = resolve_actors("Troops loyal to Russia seized the airport on Friday.", "2016-03-02")
    assert _actor(doc, "troops").country is None


def test_seat_not_owner_keeps_a_bodys_seat_out_of_its_country(resolve_actors):
    """Rule seat-not-owner: "the rebels' Paris-based spokesman" is not France's, and "Paris" there
    is no mention of France."""
    from diurna.actors.mentions import SEAT_NOT_OWNER
    from diurna.actors.rules import switched_off

    text = "The rebels' Paris-based spokesman said on Monday that the town had fallen."
    doc = resolve_actors(text, "2016-03-02")
    assert _actor(doc, "spokesman").country is None
    assert not any(a.country == "FRA" for a in doc.actors)
    with switched_off(SEAT_NOT_OWNER):
        doc = resolve_actors(text, "2016-03-02")
    assert _actor(doc, "spokesman").country == "FRA"


def test_seat_not_owner_does_not_vote_for_the_storys_country(code):
    text = (
        "IDLIB, Syria - Government jets struck Idlib on Monday, the London-based Syrian Observatory for "
        "Human Rights said. Soldiers and rebels clashed near the town, the London-based group said."
    )
    assert _actor(code(text, "2019-06-01"), "soldiers").country != "GBR"


def test_a_people_word_before_a_located_description_is_no_town(resolve_actors):
    """Rule people-word-not-place: "Arab lawmakers in Israel" are Israel's (rule located-institution),
    not of Arab, Alabama, a town the places gazetteer spells alike."""
    from diurna.actors.descriptions import PEOPLE_WORD_NOT_PLACE
    from diurna.actors.rules import switched_off

    text = "Arab lawmakers in Israel walked out of the budget debate on Tuesday."
    lawmakers = next(a for a in resolve_actors(text, "2021-06-01").actors if a.name.startswith("Arab lawmakers"))
    assert lawmakers.country == "ISR"
    with switched_off(PEOPLE_WORD_NOT_PLACE):
        lawmakers = next(a for a in resolve_actors(text, "2021-06-01").actors if a.name.startswith("Arab lawmakers"))
    assert lawmakers.country != "ISR"


IRAQ = (
    "BAGHDAD, Iraq - Rockets hit an air base north of Baghdad on Tuesday. Iraqi police said two men "
    "were arrested in Baghdad and Mosul."
)


def test_coalition_forces_are_the_leading_states_not_the_story_countrys(code):
    """Rule coalition-forces: 'coalition troops' fight for the coalition the story says a state leads."""
    text = IRAQ + " The base is used by the U.S.-led coalition, and coalition troops were unharmed."
    doc = code(text, "2024-06-19")
    assert _actor(doc, "coalition troops").country == "USA"
    with ac.switched_off(ac.COALITION_FORCES):
        doc = code(text, "2024-06-19")
    assert _actor(doc, "coalition troops").country == "IRQ"


def test_coalition_forces_of_no_named_leader_take_no_story_country(code):
    """Rule coalition-forces: no 'X-led coalition' in the story, so no country; a domestic coalition
    government is the story's."""
    text = IRAQ + " Coalition forces were unharmed, and the coalition government met on Friday."
    doc = code(text, "2024-06-19")
    assert _actor(doc, "coalition forces").country is None
    assert _actor(doc, "coalition government").country == "IRQ"
