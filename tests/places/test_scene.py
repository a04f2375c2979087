"""scene.py: places referred back to by their kind's noun, and the scene set by the sentence before."""

from __future__ import annotations

import pytest


def _located(locate, text: str, trigger: str, nth: int = 0):
    from diurna.places import locate_event

    doc = locate(text)
    token = [t for t in doc.spacy_doc if t.text == trigger][nth]
    found = locate_event(doc, token.i)
    if found is None:
        return None
    place = next(p for p in doc.places if p.id == found.place_id)
    return place.name, found.basis


@pytest.mark.parametrize(
    "text, trigger, expected",
    [
        # "the city", "the country" in a place's slot: the place of that kind named before
        (
            "Drones struck El Fasher on Sunday. Artillery shelling on the city followed at dawn.",
            "shelling",
            ("El Fasher", "clause"),
        ),
        (
            "Thousands marched in Bogota against the reform in Colombia. Police fired tear gas in cities "
            "across the country.",
            "fired",
            ("Colombia", "clause"),
        ),
        # a part of it in a locative phrase
        (
            "Police banned the rally in Nairobi on Friday. Riot police were deployed across key areas of the city.",
            "deployed",
            ("Nairobi", "clause"),
        ),
        # a kind's noun that names its own place is not a reference ("the city of X" is X itself)
        ("Drones struck Goma on Sunday. Rebels then captured the city of Uvira.", "captured", ("Uvira", "clause")),
    ],
)
def test_places_referred_back_to(locate, text, trigger, expected):
    assert _located(locate, text, trigger) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # the story's town, named again and again, not a town named once in passing in between
        (
            "Rebels control Sanaa. A delegation arrived in Sanaa on Sunday. Diplomats met in Beijing on "
            "Thursday. The rebels seized the city in 2014.",
            "Sanaa",
        ),
        # on a tie, the nearest
        (
            "Police dispersed a rally in Podgorica. Protesters gathered in Nairobi. Riot police stormed the city.",
            "Nairobi",
        ),
    ],
)
def test_the_city_is_the_town_named_most_often_before_it(locate, text, expected):
    assert _located(locate, text, "seized" if "seized" in text else "stormed") == (expected, "clause")


def test_a_reference_without_an_antecedent_of_its_kind_is_no_place(locate):
    doc = locate("Officials met in Kenya on Monday. The city was calm.")
    assert all(m.text != "The city" for p in doc.places for m in p.mentions)


def test_the_sentence_before_sets_the_scene(locate):
    text = "Protesters gathered in Tahrir Square in Baghdad on Thursday. Police shot at them."
    assert _located(locate, text, "shot") == ("Baghdad", "story")


def test_the_scene_is_taken_only_from_the_two_sentences_just_before(locate):
    text = "Protesters gathered in Baghdad on Thursday. The crowd grew by noon. Police shot at them."
    assert _located(locate, text, "shot") == ("Baghdad", "story")
    text = "Protesters gathered in Baghdad on Thursday. The crowd grew by noon. It was hot. Police shot at them."
    assert _located(locate, text, "shot") is None


def test_the_own_sentence_comes_before_the_scene(locate):
    text = "Protesters gathered in Baghdad on Thursday. Police shot at them in Basra."
    assert _located(locate, text, "shot") == ("Al Ba\u015frah", "clause")


@pytest.mark.parametrize(
    "second, trigger, expected",
    [
        # an act of speech happens where the speaker is, not at the scene the story set
        ("The minister condemned the violence.", "condemned", None),
        ("The minister urged calm.", "urged", None),
        # a protest happens at the scene
        ("Students protested outside the ministry.", "protested", ("Baghdad", "story")),
    ],
)
def test_acts_of_speech_take_no_scene(locate, second, trigger, expected):
    text = "Protesters gathered in Baghdad on Thursday. " + second
    assert _located(locate, text, trigger) == expected


def test_a_regional_capital_by_its_alternate_name_is_the_town(locate):
    # "X, the capital of Y": Y holds X, which lets a registered variant ("Khorog" for Khorugh) resolve,
    # and "the capital of Y" is not the country's capital.
    doc = locate("Hundreds of residents in Khorog, the capital of Gorno-Badakhshan, took to the streets.")
    names = {m.text: p.name for p in doc.places for m in p.mentions}
    assert names.get("Khorog") == "Khorugh"
    assert "the capital" not in names


def test_a_kind_noun_does_not_vouch_for_a_foreign_variant(locate):
    # "the village of X": the noun says X is a village, not which country's; a registered variant of a
    # foreign village ("Banjska" for Bansko, Bulgaria) needs the story to be about that country.
    doc = locate("Gunmen attacked a patrol near the village of Banjska in northern Kosovo.")
    assert all(p.country != "BGR" for p in doc.places)
    doc = locate("A man was shot by Israeli forces in the West Bank city of Al-ram on Monday.")
    assert any(m.text == "Al-ram" and p.country == "PSE" for p in doc.places for m in p.mentions)


def test_a_thing_told_before_with_its_place(locate):
    text = (
        "Bandits attacked Bethel Secondary School in Chikun Local Government Area on Monday. Parents "
        "gathered at the gates. A guard said the school was attacked at 1am."
    )
    assert _located(locate, text, "attacked", nth=1) == ("Chikun", "story")


def test_the_agent_of_an_earlier_place_does_not_carry_it(locate):
    # "the police" as the acting subject is no thing located by its earlier mention
    text = "The police in Lagos arrested ten people. Parents gathered at the gates. Later the police said it was over."
    assert _located(locate, text, "said") is None


@pytest.mark.parametrize(
    "text, trigger, event_type, expected",
    [
        # an act on the ground takes the scene the story set; a decision or stance taken at a distance
        # does not (it happens where its actors are)
        (
            "Protesters gathered in Tahrir Square in Baghdad on Thursday. Police shot at them.",
            "shot",
            "ASSAULT",
            "Baghdad",
        ),
        ("Protesters gathered in Tahrir Square in Baghdad on Thursday. Police shot at them.", "shot", "SANCTION", None),
        ("Clashes broke out in Tripoli on Friday. Washington backed the government.", "backed", "SUPPORT", None),
        ("Clashes broke out in Tripoli on Friday. Militias detained a commander.", "detained", "COERCE", "Tripoli"),
        # the dateline likewise: talks in the lead happened there, a stance said in the lead did not
        ("DOHA (AP) - The two sides met for talks on Saturday.", "met", "CONSULT", "Doha"),
        ("DOHA (AP) - The two sides demanded a ceasefire on Saturday.", "demanded", "REQUEST", None),
    ],
)
def test_a_carried_place_goes_only_to_events_at_a_scene(locate, text, trigger, event_type, expected):
    from diurna.places import locate_event

    doc = locate(text)
    token = next(t for t in doc.spacy_doc if t.text == trigger)
    found = locate_event(doc, token.i, event_type=event_type)
    name = next(p.name for p in doc.places if p.id == found.place_id) if found else None
    assert name == expected
    if found is not None:
        assert found.basis in ("story", "dateline")


def test_a_headlines_event_happened_where_the_lead_sets_its_scene(locate):
    text = "Rebels seize key border town\n\nRebels attacked soldiers in Bukavu on Monday, officials said."
    assert _located(locate, text, "seize") == ("Bukavu", "story")
    # the lead's second sentence may set it, not a later one
    lead = "Rebels seize key border town\n\nThe fighting began at dawn. %sRebels attacked soldiers in Bukavu on Monday."
    assert _located(locate, lead % "", "seize") == ("Bukavu", "story")
    assert _located(locate, lead % "It lasted for hours. ", "seize") is None
    # a first sentence with its full stop is the lead itself, not a headline
    text = "Rebels seized a key border town.\n\nThey attacked soldiers in Bukavu on Monday, officials said."
    assert _located(locate, text, "seized") is None
    # a headline's own place comes first
    text = "Rebels seize airport in Goma\n\nRebels attacked soldiers in Bukavu on Monday, officials said."
    assert _located(locate, text, "seize") == ("Goma", "clause")


def test_a_name_in_apposition_sets_the_scene(locate):
    # "in the capital Islamabad": the name stands where its head does
    text = "A car bomb exploded near a market in the capital Islamabad on Friday. Three officers were wounded."
    assert _located(locate, text, "wounded") == ("Islamabad", "story")


def test_a_place_where_nothing_happened_sets_no_scene(locate):
    from diurna.places.scene import DENIED_PLACE, switched_off

    text = (
        "Clashes continued in Goma on Sunday. Protests were not reported in Bukavu. Police fired tear gas at students."
    )
    assert _located(locate, text, "fired") == ("Goma", "story")
    with switched_off(DENIED_PLACE):
        assert _located(locate, text, "fired") == ("Bukavu", "story")


def test_the_country_is_the_country_the_story_has_been_about(locate):
    from diurna.places.scene import COUNTRY_OF_THE_STORY_SO_FAR, switched_off

    # Syria is never named as a country before "the country", Jordan once in passing: the story's
    # demonyms and its capital say which country it is about
    text = (
        "Syrian troops shelled suburbs of Damascus on Friday. A Syrian general fled to Jordan, officials "
        "said. Hundreds were killed across the country on Saturday."
    )
    assert _located(locate, text, "killed") == ("Syria", "clause")
    with switched_off(COUNTRY_OF_THE_STORY_SO_FAR):
        assert _located(locate, text, "killed") == ("Jordan", "clause")


@pytest.mark.parametrize(
    "text, trigger",
    [
        ("Troops shelled Homs on Monday, killing ten people. Soldiers also raided homes in other towns.", "raided"),
        ("Police dispersed a march in Lima on Friday. Protesters in other cities blocked roads.", "blocked"),
        ("Rebels stormed a base near Goma on Sunday. Fighting was also reported elsewhere.", "Fighting"),
    ],
)
def test_an_event_put_elsewhere_takes_no_scene(locate, text, trigger):
    from diurna.places.scene import ELSEWHERE, switched_off

    # "in other towns", "elsewhere": a place of the clause's own, set against the scene, though unnamed
    assert _located(locate, text, trigger) is None
    with switched_off(ELSEWHERE):
        assert _located(locate, text, trigger) is not None


@pytest.mark.parametrize(
    "text, trigger, expected",
    [
        # a definite event noun is the event told before, where its own clause put it
        (
            "Protests continued in Mosul on Friday. The governor flew to Baghdad. Ministers met in Erbil. "
            "The protests began in October.",
            "protests",
            "Mosul",
        ),
        # not where the story says the event did not happen
        (
            "Clashes erupted in Goma on Sunday. Clashes were not reported in Bukavu. Aid workers met in Kigali. "
            "The clashes left five dead.",
            "clashes",
            "Goma",
        ),
    ],
)
def test_a_definite_event_noun_happened_where_the_event_was_told(locate, text, trigger, expected):
    from diurna.places import locate_event

    doc = locate(text)
    token = [t for t in doc.spacy_doc if t.text == trigger][-1]
    names = {p.id: p.name for p in doc.places}
    found = locate_event(doc, token.i)
    assert (names[found.place_id], found.rule) == (expected, "event_told_before")
    without = locate_event(doc, token.i, disabled={"event_told_before"})
    assert without is None or names[without.place_id] != expected


@pytest.mark.parametrize(
    "text",
    [
        "Clashes broke out in Goma on Sunday. The spokesman for the ministry in Kinshasa accused the rebels. "
        "Troops shelled the hills.",
        "Fighting raged near Bukavu on Monday. A spokesman for the embassy in Kinshasa said the talks had "
        "failed. Troops shelled the hills.",
    ],
)
def test_the_place_of_a_speaker_sets_no_scene(locate, text):
    from diurna.places.scene import SPEAKERS_PLACE, switched_off

    assert _located(locate, text, "shelled")[0] in ("Goma", "Bukavu")
    with switched_off(SPEAKERS_PLACE):
        assert _located(locate, text, "shelled")[0] == "Kinshasa"


def test_the_place_of_the_speaker_itself_still_sets_a_scene(locate):
    # residents or officials in a town tell what happens around them
    text = (
        "Fighting raged near Bukavu on Monday. Residents in Uvira said the shops were shut. Troops shelled the hills."
    )
    assert _located(locate, text, "shelled")[0] == "Uvira"
