"""diurna/places/kinds.py: what a place name's own words and its neighbours say about its kind, and
the name without its article or possessive ending. Unit cases of one form each."""

from __future__ import annotations

import pytest

from diurna.places import kinds


def _span(nlp, text: str, words: str):
    doc = nlp(text)
    wanted = words.split()
    return next(
        doc[i : i + len(wanted)] for i in range(len(doc)) if [t.text for t in doc[i : i + len(wanted)]] == wanted
    )


@pytest.mark.parametrize(
    "text, words, hint",
    [
        ("Fighting broke out in Anbar province.", "Anbar", "region"),  # a first-level unit's noun after it
        ("Shelling hit the Khyber and Bannu districts.", "Bannu", "district"),  # a plural noun after a list
        ("Gunmen attacked Chikun Local Government Area.", "Chikun Local Government Area", "district"),
        ("The Belgorod regional governor said.", "Belgorod", "region"),  # the unit's own authorities
        ("Police in Goma city fired.", "Goma city", "city"),  # the noun inside the entity
        ("Rebels took the town of Kidal.", "Kidal", "city"),  # after its noun and "of"
        ("Riots hit the Comoros capital Moroni.", "Moroni", "city"),  # in apposition to its noun
        ("He visited Paris.", "Paris", None),
    ],
)
def test_feature_hint(nlp, text, words, hint):
    assert kinds.feature_hint(_span(nlp, text, words)) == hint


def test_a_town_named_after_its_noun(nlp):
    assert kinds.is_town_named(_span(nlp, "Rebels took the town of Kidal.", "Kidal"))
    assert kinds.is_town_named(_span(nlp, "Riots hit the Comoros capital Moroni.", "Moroni"))
    assert not kinds.is_town_named(_span(nlp, "Fighting broke out in Anbar province.", "Anbar"))


def test_the_bare_name_and_the_unit_phrase(nlp):
    assert kinds.bare_name_span(_span(nlp, "the Gaza Strip was hit", "the Gaza Strip")).text == "Gaza Strip"
    assert kinds.bare_name_span(_span(nlp, "New York's mayor", "New York 's")).text == "New York"
    assert kinds.unit_phrase_name("Chikun Local Government Area") == "Chikun"
    assert kinds.unit_phrase_name("Chikun") is None


def test_a_plural_unit_noun_in_apposition_to_a_list_names_each_members_kind(locate):
    # "the three regions" after "Sikasso, Segou and Kayes" says they are the regions, not their towns;
    # one name in apposition to something else keeps its own reading.
    text = "Troops entered Sikasso, Segou and Kayes, the three regions of the south of Mali."

    def kinds_of(doc):
        places = {p.id: p for p in doc.places}
        return {doc.article.text[r.start : r.end]: places[r.place_id].feature for r in doc.place_mentions}

    assert kinds_of(locate(text))["Sikasso"] == "region" and kinds_of(locate(text))["Segou"] == "region"
    with kinds.switched_off(kinds.LIST_IN_APPOSITION_TO_ITS_KIND):
        assert kinds_of(locate(text))["Sikasso"] == "city"
    assert kinds_of(locate("Troops entered Gao, the largest town of the north, on Sunday."))["Gao"] == "city"


@pytest.mark.parametrize(
    "text, words, hint",
    [
        ("Troops stayed in Abkhazia, a breakaway region of Georgia.", "Georgia", None),  # the whole: a country
        ("Clashes hit the Tigray region of Ethiopia.", "Ethiopia", None),  # the unit has its own name
        ("A judge of the Southern District of New York ruled.", "New York", "region"),  # a district's whole
        ("Fighting broke out in the province of Idlib.", "Idlib", "region"),  # the unit itself
    ],
)
def test_a_unit_noun_of_a_whole_names_a_part_of_it(nlp, text, words, hint):
    assert kinds.feature_hint(_span(nlp, text, words)) == hint


def test_a_region_of_a_country_is_the_country_not_a_namesake_state(locate):
    # "a breakaway region of Georgia" is a part of Georgia: read as "the region of X" (X a region),
    # it made Georgia the US state
    text = "Russian troops remain in Abkhazia, a breakaway region of Georgia."
    assert ("Georgia", "GEO", "country") in {(p.name, p.country, p.feature) for p in locate(text).places}
    with kinds.switched_off(kinds.PART_OF_A_WHOLE):
        assert ("Georgia", "USA", "region") in {(p.name, p.country, p.feature) for p in locate(text).places}
