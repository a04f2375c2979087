"""The disambiguation rules of diurna.places.resolve, one construction each (written sentences:
unit tests of the rules, not evidence of accuracy; that is scripts/eval_toponyms.py's job)."""

from __future__ import annotations

from collections import Counter

import pytest

from diurna.places.resolve import DECISIONS, RULES


def _places(doc):
    return {(p.name, p.country, p.precision) for p in doc.places}


def _place_of(doc, surface):
    """(name, country, precision) of the place the first mention `surface` resolved to, or None."""
    for ref in doc.place_mentions:
        if doc.article.text[ref.start : ref.end] == surface:
            place = next(p for p in doc.places if p.id == ref.place_id)
            return place.name, place.country, place.precision
    return None


def test_every_rule_has_a_name_and_an_example():
    names = [r.name for r in RULES] + [d.name for d in DECISIONS]
    assert len(names) == len(set(names))
    assert all(r.example for r in RULES) and all(d.example for d in DECISIONS)


@pytest.mark.parametrize(
    "text",
    [
        "Western powers prepared a resolution.",
        "The Gulf states welcomed the decision.",
        "Refugees crossing into Eastern Europe were stopped.",
        "Aid agencies in Africa warned of famine.",
        "Leaders from Asia and Europe met on Monday.",
        "The West imposed sanctions.",
    ],
)
def test_direction_words_continents_and_world_regions_are_never_towns(locate, text):
    assert _places(locate(text)) == set() or all(p[2] == "country" for p in _places(locate(text)))


def test_a_direction_word_with_its_unit_noun_is_a_region(locate):
    doc = locate("Floods displaced thousands in Zambia's Western Province on Monday.")
    assert _place_of(doc, "Western Province") == ("Western", "ZMB", "region")


def test_congo_in_a_drc_story_is_the_drc(locate):
    doc = locate("M23 rebels advanced towards Goma and Rutshuru in North Kivu. Congo's army said it repelled them.")
    assert _place_of(doc, "Congo") == ("Democratic Republic of the Congo", "COD", "country")


def test_a_place_inside_the_region_the_text_names(locate):
    # Beni is also a Bolivian department, larger than the Congolese town: "in North Kivu" decides.
    doc = locate("Rebels killed twenty civilians near Beni in North Kivu on Sunday.")
    assert _place_of(doc, "Beni") == ("Beni", "COD", "place")


def test_the_x_area_of_y(locate):
    doc = locate("Fighting was reported in the Beni area of North Kivu province.")
    assert _place_of(doc, "Beni") == ("Beni", "COD", "place")


def test_a_us_state_abbreviation_qualifies_a_town(locate):
    doc = locate("He grew up in Bethlehem, Pa., and studied law.")
    assert _place_of(doc, "Bethlehem")[1] == "USA"


def test_a_district_by_its_noun(locate):
    doc = locate("Clashes spread to the Masisi territory on Tuesday.")
    assert _place_of(doc, "Masisi") == ("Masisi Territory", "COD", "district")


def test_a_name_listed_with_countries_is_the_country(locate):
    doc = locate("Delegations from Armenia, Azerbaijan, Georgia and Turkey met in Vienna.")
    assert _place_of(doc, "Georgia") == ("Georgia", "GEO", "country")


def test_a_list_the_parser_reads_as_an_apposition_is_still_a_list(locate):
    # spaCy: "Bahamas" appos of "Jamaica", "Kitts" conj of "Bahamas"; the US story would otherwise
    # pull "Jamaica" to the Queens neighbourhood (it does with the apposition read as no list member)
    doc = locate(
        "Lawmakers in Washington, New York and Texas backed the plan on Monday. Jamaica, the Bahamas and"
        " Saint Kitts and Nevis have also promised troops."
    )
    assert _place_of(doc, "Jamaica") == ("Jamaica", "JAM", "country")


def test_an_apposition_without_conjuncts_is_no_list_member():
    from diurna.nlp import parse
    from diurna.places.containers import coordination

    doc = next(parse(["Fighters left Kibumba, a town in North Kivu, and Goma on Friday."]))
    kibumba = next(t for t in doc if t.text == "Kibumba")
    assert not any(t.text == "town" for t in coordination(kibumba))


def test_a_village_nothing_supports_is_left_unresolved(locate):
    # Soldeu is an Andorran village of 600: a Kenyan story gives it no support.
    doc = locate("Kenyan police said the two suspects had fled to Soldeu before the raid in Nairobi.")
    assert _place_of(doc, "Soldeu") is None


def test_the_same_village_with_the_storys_support_is_resolved(locate):
    doc = locate("Andorran police said the two suspects had fled to Soldeu before the raid.")
    assert _place_of(doc, "Soldeu") == ("Soldeu", "AND", "place")


def test_saint_abbreviation_is_the_registered_name(locate):
    doc = locate("Putin hosted the summit in St. Petersburg, Russia's second city.")
    assert _place_of(doc, "St. Petersburg") == ("Saint Petersburg", "RUS", "place")


def test_a_states_long_form_names_the_country(locate):
    doc = locate("The ministry registered its work for the Republic of Azerbaijan last year.")
    assert ("Azerbaijan", "AZE", "country") in _places(doc)


def test_possessive_is_not_part_of_the_name(locate):
    doc = locate("New York\u2019s mayor opened the new school.")
    assert ("New York City", "USA", "place") in _places(doc)


def test_two_towns_of_one_size_and_nothing_to_choose_is_unresolved(locate):
    # Springfield, Missouri, Massachusetts and Illinois are all of about 150,000 people.
    doc = locate("Thousands of supporters attended the rally in Springfield on Saturday.")
    assert _place_of(doc, "Springfield") is None


def test_a_much_larger_namesake_is_no_tie(locate):
    # An American context helps the Illinois Geneva, but the Swiss city is ten times its size.
    doc = locate("Negotiators from the United States and Iran resumed talks in Geneva on Monday.")
    assert _place_of(doc, "Geneva") == ("Geneva", "CHE", "place")


def test_a_village_does_not_capture_its_regions_name(locate):
    doc = locate("Beijing expanded detention camps across Xinjiang last year.")
    assert _place_of(doc, "Xinjiang")[2] == "region"


def test_a_far_better_known_namesake_is_no_tie(locate):
    # Barcelona, Venezuela has half the people of Barcelona, Spain but a third of its registered names.
    doc = locate("The company opened a research centre in Barcelona last week.")
    assert _place_of(doc, "Barcelona") == ("Barcelona", "ESP", "place")


def test_a_named_state_does_not_pull_the_capital_to_a_namesake(locate):
    # Washington, Pennsylvania exists; the story naming Pennsylvania does not make it the one meant.
    doc = locate("Lawmakers in Pennsylvania said the bill would be debated in Washington next week.")
    assert _place_of(doc, "Washington") == ("Washington", "USA", "place")
    assert doc.places and next(p for p in doc.places if p.name == "Washington").geonameid == 4140963


def test_a_qualifying_apposition_with_a_direction(locate):
    doc = locate("Floods hit Paris, a small town in eastern Kentucky, on Friday.")
    assert _place_of(doc, "Paris")[1] == "USA"


def test_a_small_place_reached_only_by_an_alternate_name_needs_the_texts_support(locate):
    # "Central Park" is a registered former name of Bethpage, New York (16,000 people).
    doc = locate("Thousands of runners gathered in Central Park in New York on Sunday.")
    assert _place_of(doc, "Central Park") is None or _place_of(doc, "Central Park")[0] != "Bethpage"


def test_a_foreign_town_nothing_in_the_story_supports_is_left_unresolved(locate):
    # Same is a Tanzanian town of 34,000; an American campaign story gives it no support.
    doc = locate("Iowa officials said the rally would move to Same on Friday.")
    assert _place_of(doc, "Same") is None


def test_a_namesake_outside_the_unit_the_text_names_is_refused(locate):
    # Bali is Indonesia's province by size, but the text puts this Bali in a Congolese territory
    doc = locate("Militiamen attacked a camp in Bali, Djugu territory, Ituri province, on Sunday.")
    assert _place_of(doc, "Bali") is None or _place_of(doc, "Bali")[1] == "COD"
    # the same name in the unit the text names is resolved
    doc = locate("Militiamen attacked a camp in Bunia, Ituri province, on Sunday.")
    assert _place_of(doc, "Bunia")[1] == "COD"


def test_a_lists_members_are_not_each_others_containers(locate):
    doc = locate("Protests were reported from Pinar del Río, Villa Clara and Holguín on Sunday.")
    assert _place_of(doc, "Holguín") is not None and _place_of(doc, "Holguín")[1] == "CUB"


def test_a_units_own_authorities_make_the_name_the_unit(locate):
    doc = locate("Drones struck a depot overnight, Kharkiv's regional military administration said on Telegram.")
    assert _place_of(doc, "Kharkiv") == ("Kharkivska oblast", "UKR", "region")


def test_the_owner_of_a_kind_noun_contains_the_names_listed_after_it(locate):
    doc = locate("Drills were held near Syria's province of Idlib and along the coast.")
    assert _place_of(doc, "Idlib")[1] == "SYR"
    # Matsu, Taiwan's islands, is not Matsue in Japan (a registered alternate name of it)
    doc = locate("Ships sailed near Taiwan's outlying islands of Kinmen and Matsu on Monday.")
    assert _place_of(doc, "Matsu") is None or _place_of(doc, "Matsu")[1] == "TWN"


def test_a_capitalised_regional_names_an_institution_not_the_unit(locate):
    doc = locate("Drones hit Irbil, the seat of Iraq's Kurdistan Regional Government, on Tuesday.")
    assert all(p.country != "IRN" for p in doc.places)


def test_a_namesake_refused_abroad_is_a_place_of_the_named_container_at_its_level(locate):
    # the text says where these are, though the gazetteer knows the names only abroad: the place
    # is the container's (its point and level), not left unresolved
    doc = locate("Militiamen attacked a camp in Bali, Djugu territory, Ituri province, on Sunday.")
    assert _place_of(doc, "Bali") == ("Bali", "COD", "district")
    doc = locate("Ships sailed near Taiwan's outlying islands of Kinmen and Matsu on Monday.")
    assert _place_of(doc, "Matsu") == ("Matsu", "TWN", "country")


@pytest.mark.parametrize(
    "text, name, country",
    [
        # GeoNames' only "Catatumbo" is a Venezuelan municipality; "in the country's Norte de
        # Santander province" puts this one in Colombia: the namesake abroad is refused, the name
        # placed in its unit.
        (
            "Troops were sent to the Catatumbo region, in the country's Norte de Santander province,"
            " after rebels attacked a base in Colombia.",
            "Catatumbo",
            "COL",
        ),
        # "in the Senegal river valley": the country modifies "river valley", it contains nothing;
        # the town is Mauritania's Kaedi, not a namesake in Senegal
        (
            "Looting broke out in the town of Kaedi in the Senegal river valley after Mauritania's"
            " election, the interior ministry in Nouakchott said.",
            "Kaedi",
            "MRT",
        ),
    ],
)
def test_the_container_the_text_names_decides_the_country(locate, text, name, country):
    assert _place_of(locate(text), name)[1] == country


def test_a_name_placed_in_its_container_is_there_at_every_mention(locate):
    text = (
        "Rebels attacked the Catatumbo region, in the country's Norte de Santander province, in Colombia."
        " The government said it would send 300 more troops to Catatumbo."
    )
    doc = locate(text)
    later = text.rindex("Catatumbo")
    refs = [r for r in doc.place_mentions if r.start == later]
    assert refs and next(p for p in doc.places if p.id == refs[0].place_id).country == "COL"


def test_a_region_abroad_named_in_a_country_by_of_is_in_that_country(locate):
    # GeoNames' only "Kurdistan" unit is Iran's Kordestan province; the text puts it in Iraq
    doc = locate(
        "Protests spread in the semi-autonomous Kurdistan region of Iraq. Salaries are late, and the"
        " Kurdistan regional government must act, protesters in Sulaymaniyah said."
    )
    kurdistan = [p for p in doc.places if p.name == "Kurdistan"]
    assert kurdistan and {p.country for p in kurdistan} == {"IRQ"}
    assert not any(p.country == "IRN" for p in doc.places)


def test_a_unit_of_a_country_tagged_as_one_entity_is_two_toponyms(locate):
    doc = locate("The Prime Minister of the Kurdistan Region of Iraq, Masrour Barzani, accused protesters.")
    assert _place_of(doc, "Iraq") == ("Iraq", "IRQ", "country")
    assert _place_of(doc, "Kurdistan Region")[1] == "IRQ"


def test_a_regency_by_its_noun(locate):
    # GeoNames: "Kabupaten Maybrat" (alias "Maybrat Regency"): the bare name is a weak key
    doc = locate("Rebels stormed an army post in Maybrat regency in West Papua on Thursday.")
    assert _place_of(doc, "Maybrat") == ("Kabupaten Maybrat", "IDN", "district")


def test_a_mention_refused_for_doubt_is_the_place_its_name_resolved_to_elsewhere(locate, monkeypatch):
    # "in Salem, New Hampshire" is resolved by its container; a bare "in Salem" later, in a story that
    # names Ohio and New Jersey (each with a Salem of its own), is a tie between towns of one size, but
    # the story has said which Salem it is.
    from diurna.places import resolve

    text = (
        "The governor spoke at a town hall in Salem, New Hampshire, on Monday. She had campaigned in Ohio "
        "and New Jersey last week. On Tuesday she returned to a diner in Salem that was packed with supporters."
    )
    salems = lambda doc: [r for r in doc.place_mentions if doc.article.text[r.start : r.end] == "Salem"]  # noqa: E731
    assert len(salems(locate(text))) == 2
    monkeypatch.setattr(resolve, "_one_name_one_sense", lambda *args: None)
    assert len(salems(locate(text))) == 1


def test_the_named_container_comes_before_size(locate):
    # Palma de Mallorca is many times larger, but the text puts Palma in a Mozambican province
    from diurna.places.resolve import CONTAINER_BEFORE_SIZE, resolve

    doc = locate("Insurgents attacked Palma in Cabo Delgado province on Wednesday.")
    assert _place_of(doc, "Palma")[1] == "MOZ"
    toponyms = _toponyms(doc)
    off = resolve(toponyms, doc.spacy_doc, Counter(), disabled={CONTAINER_BEFORE_SIZE})
    assert off[0].country == "ESP"


def test_a_demonym_before_a_name_owns_it(locate):
    from diurna.places.containers import DEMONYM_OWNS_THE_NAME, switched_off

    text = "Turkey threatened to close its border with Iraqi Kurdistan on Monday."
    assert _place_of(locate(text), "Kurdistan")[1] == "IRQ"
    with switched_off(DEMONYM_OWNS_THE_NAME):
        assert _place_of(locate(text), "Kurdistan")[1] == "IRN"
    # one name of two words is not a demonym and a name
    assert _place_of(locate("Voters in British Columbia went to the polls."), "British Columbia")[1] == "CAN"


def _toponyms(doc):
    from diurna.places import gazetteer
    from diurna.places.toponyms import find_toponyms

    return find_toponyms(doc, gazetteer.load())


def test_a_town_yields_to_the_unit_the_text_names(locate):
    # GeoNames' packaged data files no town under Trincomalee district, so it has no population;
    # the text's "district" decides, as a missing noun lets the unit yield to its town
    from diurna.places.resolve import TOWN_YIELDS_TO_ITS_UNIT, resolve

    doc = locate("Heavy rain flooded villages in Trincomalee district on Tuesday.")
    assert _place_of(doc, "Trincomalee")[2] == "district"
    assert _place_of(locate("Troops moved into Trincomalee on Monday."), "Trincomalee")[2] == "place"
    off = resolve(_toponyms(doc), doc.spacy_doc, Counter(), disabled={TOWN_YIELDS_TO_ITS_UNIT})
    assert off[0].feature == "city"
