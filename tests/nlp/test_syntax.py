"""The shared syntax helpers (diurna/nlp/syntax.py)."""

from __future__ import annotations

import pytest

from diurna.nlp.syntax import (
    between_parties,
    coordinated_pair,
    first_conjunct,
    is_passive,
    is_reduced_passive,
    object_points_back,
    possessors,
    quoted_predicate,
    relative_antecedent,
    shared_passive_agent,
    tree_path,
)


def _token(nlp, text, word):
    return next(t for t in nlp(text) if t.text == word)


def test_a_participle_modifying_its_patient_is_a_reduced_passive(nlp):
    assert is_reduced_passive(_token(nlp, "Police released the activists detained by soldiers.", "detained"))
    assert is_reduced_passive(_token(nlp, "Mediators announced a deal brokered by Qatar.", "brokered"))


def test_finite_and_active_verbs_are_not_reduced_passives(nlp):
    assert not is_reduced_passive(_token(nlp, "Soldiers detained the activists on Monday.", "detained"))
    passive = _token(nlp, "The activists were detained by soldiers.", "detained")
    assert is_passive(passive) and not is_reduced_passive(passive)


def test_reduced_passive_codes_agent_and_patient(code):
    doc = code("Police released the activists detained by soldiers on Monday.", "2024-06-19")
    names = {a.id: a.name.lower() for a in doc.actors}
    assert any(
        e.type == "COERCE" and names.get(e.source) == "soldiers" and names.get(e.target) == "activists"
        for e in doc.events
    )


def test_a_participle_with_its_own_object_is_a_misread_finite_verb(nlp):
    text = (
        "BAGHDAD (Reuters) - Iraqi security forces killed at least four anti-government protesters on Thursday "
        "as they sought to push them back to their main camp in central Baghdad, police and medics said."
    )
    killed = _token(nlp, text, "killed")
    assert killed.dep_ == "acl" and killed.tag_ == "VBN"  # the misreading this test is about
    assert not is_reduced_passive(killed)


def test_the_tree_path_meets_at_the_lowest_common_ancestor(nlp):
    doc = nlp("Police fired tear gas at opposition supporters. Officials said nothing.")
    fired = next(t for t in doc if t.text == "fired")
    supporters = next(t for t in doc if t.text == "supporters")
    up, down = tree_path(fired, supporters)
    assert up == [] and [t.text for t in down] == ["supporters", "at"]
    up, down = tree_path(supporters, fired)
    assert [t.text for t in up] == ["supporters", "at"] and down == []
    assert tree_path(fired, fired) == ([], [])
    assert tree_path(fired, next(t for t in doc if t.text == "Officials")) is None  # another sentence


def test_a_quoted_predicate_hung_on_the_object_is_found(nlp):
    called = _token(nlp, 'Peskov called the court\'s decision "outrageous and unacceptable."', "called")
    assert [t.text for t in quoted_predicate(called)][:3] == ["outrageous", "and", "unacceptable"]
    labelled = _token(nlp, 'Beijing has labelled Mr Lai a "troublemaker" over his remarks.', "labelled")
    assert [t.text for t in quoted_predicate(labelled)] == ["troublemaker"]


def test_a_quotation_after_a_clause_or_a_long_one_is_no_predicate(nlp):
    # the quotation belongs to the relative clause's verb, not to "called"
    called = _token(nlp, 'He called the rule, which the court said was "illegal," a mistake.', "called")
    assert quoted_predicate(called) == []
    long_quote = 'She called the reporters "to tell them that the government would not fall this week at all."'
    assert quoted_predicate(_token(nlp, long_quote, "called")) == []
    assert quoted_predicate(_token(nlp, "She called the decision illegal.", "called")) == []


def test_a_subject_coordinating_exactly_two_phrases_is_a_pair(nlp):
    pair = coordinated_pair(_token(nlp, "Egypt and Qatar brokered the truce.", "Egypt"))
    assert pair is not None and [t.text for t in pair] == ["Egypt", "Qatar"]
    assert coordinated_pair(_token(nlp, "Egypt brokered the truce.", "Egypt")) is None
    assert coordinated_pair(_token(nlp, "Egypt, Qatar and Turkey brokered the truce.", "Egypt")) is None


def test_a_gerund_after_a_temporal_preposition_has_the_subject_of_its_verb(nlp):
    from diurna.nlp.syntax import adjunct_gerund_subjects

    blaming = _token(nlp, "Colombia suspended peace talks after blaming the rebel group for an attack.", "blaming")
    assert [t.text for t in adjunct_gerund_subjects(blaming)] == ["Colombia"]
    # a passive verb's subject does it too: "they were hauled away after refusing"
    refusing = _token(nlp, "The ministers were hauled away after refusing to back the coup.", "refusing")
    assert [t.text for t in adjunct_gerund_subjects(refusing)] == ["ministers"]


def test_a_gerund_the_object_does_or_one_not_done_has_no_subject_here(nlp):
    from diurna.nlp.syntax import adjunct_gerund_subjects

    # "accused X of violating": X violates, not the accuser
    assert adjunct_gerund_subjects(_token(nlp, "Israel accused Hamas of violating the truce.", "violating")) == []
    # "without asking": no request was made
    text = "Seoul will compensate the victims without asking Japanese firms for money."
    assert adjunct_gerund_subjects(_token(nlp, text, "asking")) == []


def test_a_clause_is_reported_by_the_subject_or_owner_of_what_reports_it(nlp):
    from diurna.nlp.syntax import clause_reporters

    doc = nlp("Thailand recalled its ambassador and said it would expel the envoy.")
    assert [t.text for t in clause_reporters(next(t for t in doc if t.text == "expel"))] == ["Thailand"]
    doc = nlp("The mayor cited an announcement by France that it had suspended its aid.")
    assert [t.text for t in clause_reporters(next(t for t in doc if t.text == "suspended"))] == ["France"]
    doc = nlp("Police arrested the men who attacked the convoy.")
    assert clause_reporters(next(t for t in doc if t.text == "attacked")) == []


def test_a_restrictive_relative_clause_after_coordinated_nouns_is_about_the_last(nlp):
    # the parser hangs it on "police"; it says what the students want
    clause = _token(nlp, "Clashes broke out between police and students who want new elections.", "want")
    assert clause.dep_ == "relcl" and relative_antecedent(clause).text == "students"


def test_a_relative_clause_after_a_comma_or_one_noun_keeps_its_head(nlp):
    clause = _token(nlp, "The minister, who resigned on Monday, criticised the army.", "resigned")
    assert relative_antecedent(clause).text == "minister"


@pytest.mark.parametrize(
    "text,word,antecedent",
    [
        (
            "Police beat opposition supporters in the capital Kampala who are calling for new elections.",
            "calling",
            "supporters",
        ),
        ("Police arrested traders in Harare who were protesting against new taxes.", "protesting", "traders"),
        # the small model's NER tags these towns as a person or a people: the place noun they stand in
        # apposition to says they are places
        ("Troops scattered farmers in the capital Dakar who were demanding land reform.", "demanding", "farmers"),
        ("Soldiers detained traders in the city Mombasa who were protesting new taxes.", "protesting", "traders"),
        ("Riot police charged workers in the capital Niamey who had blocked the main road.", "blocked", "workers"),
    ],
)
def test_who_hung_on_a_place_is_about_the_people_the_place_locates(nlp, text, word, antecedent):
    clause = _token(nlp, text, word)
    assert clause.dep_ == "relcl" and relative_antecedent(clause).text == antecedent


def test_which_hung_on_a_place_keeps_the_place(nlp):
    clause = _token(nlp, "Rebels attacked villages near Goma, which lies on the border with Rwanda.", "lies")
    assert relative_antecedent(clause).text == "Goma"


def test_the_students_who_demand_are_the_requesters(code):
    doc = code(
        "Tear gas was fired during scuffles between riot police and students who demand that the Kenyan "
        "education minister resign.",
        "2024-06-19",
    )
    names = {a.id: a.name.lower() for a in doc.actors}
    assert any(e.type == "REQUEST" and "students" in names.get(e.source, "") for e in doc.events), doc.events


def test_a_between_phrase_with_one_object_takes_the_conjunct_hung_in_its_modifier(nlp):
    doc = nlp("Clashes between troops loyal to the president and the Houthis erupted last week.")
    troops = next(t for t in doc if t.text == "troops")
    assert [t.text for t in between_parties([troops])] == ["troops", "Houthis"]


def test_a_between_phrase_with_its_own_conjunct_is_left_alone(nlp):
    doc = nlp("Clashes between the army and rebels loyal to the general erupted last week.")
    army = next(t for t in doc if t.text == "army")
    assert [t.text for t in between_parties([army])] == ["army"]


def test_clashes_between_loyal_fighters_and_their_enemy_have_both_sides(code):
    doc = code(
        "Clashes between Libyan militiamen loyal to the governor and the Libyan National Army erupted in Tripoli "
        "last week.",
        "2024-06-19",
    )
    names = {a.id: a.name.lower() for a in doc.actors}
    assert any(
        e.type == "ASSAULT" and "national army" in names.get(e.target, "") and "militiamen" in names.get(e.source, "")
        for e in doc.events
    ), doc.events


def test_coordinated_passives_share_the_by_phrase_hung_on_the_last(nlp):
    beaten = _token(nlp, "The reporter was beaten and robbed by a mob near the stadium.", "beaten")
    assert [t.text for t in shared_passive_agent(beaten)] == ["mob"]


def test_a_conjunct_with_a_subject_of_its_own_shares_no_agent(nlp):
    # "and police said": another clause; nor has the last passive, with its own phrase, a later one
    arrested = _token(nlp, "The reporter was arrested and the officers were praised by the mayor.", "arrested")
    assert shared_passive_agent(arrested) == []
    robbed = _token(nlp, "The reporter was beaten and robbed by a mob near the stadium.", "robbed")
    assert shared_passive_agent(robbed) == []


def test_a_possessor_is_read_with_either_apostrophe(nlp):
    # the small model parses "the militia’s" (curly apostrophe) here as an nmod with a case marker,
    # not as poss; both spellings name the owner of the raids
    for text in (
        "Words of concern for the militia's raids came from Benin.",
        "Words of concern for the militia’s raids came from Benin.",
    ):
        doc = nlp(text)
        raids = next(t for t in doc if t.lower_ == "raids")
        assert [t.lower_ for t in possessors(raids)] == ["militia"], text
    doc = nlp("Observers from Benin watched the raids.")
    assert possessors(next(t for t in doc if t.lower_ == "raids")) == []


def test_first_conjunct_is_the_first_of_the_coordinated_words(nlp):
    from spacy.tokens import Doc

    # a chain of conjuncts, as the parser builds them ("burned" hangs on "looted", "looted" on "attacked")
    words = ["Rebels", "attacked", "and", "looted", "and", "burned", "villages"]
    heads = [1, 1, 1, 1, 3, 3, 5]
    deps = ["nsubj", "ROOT", "cc", "conj", "cc", "conj", "dobj"]
    doc = Doc(nlp.vocab, words=words, heads=heads, deps=deps)
    assert first_conjunct(doc[5]).text == "attacked"
    assert first_conjunct(doc[3]).text == "attacked"
    assert first_conjunct(doc[1]).text == "attacked"  # a word that is no conjunct is its own
    assert first_conjunct(doc[6]).text == "villages"


@pytest.mark.parametrize(
    "text, verb, back",
    [
        ("Lagos turned down the proposal on Friday.", "turned", True),
        ("The minister declined to sign it.", "declined", True),
        ("The opposition criticised these measures.", "criticised", True),
        ("The union demanded an inquiry into the shooting.", "demanded", False),
        ("The council condemned the bombing of the market.", "condemned", False),
        ("The junta rejected the timetable that the bloc had set.", "rejected", False),
        ("The cabinet accused on Thursday.", "accused", False),
        ("Parliament rejected the Minsk accords.", "rejected", False),
    ],
)
def test_an_object_points_back_when_a_pronoun_or_a_bare_definite_noun(nlp, text, verb, back):
    assert object_points_back(_token(nlp, text, verb)) is back
