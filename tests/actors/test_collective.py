"""Organisation anaphors (diurna/actors/collective.py): "the bloc", "the alliance", "the union", "the
council" are the organisation the story named; with no such organisation they are no actor."""

from __future__ import annotations

from diurna.actors import collective
from diurna.actors.rules import switched_off


def _actor_of(doc, word):
    """The actor one of whose mentions ends in `word` ("bloc" for "The bloc")."""
    return next((a for a in doc.actors if any(m.text.lower().split()[-1] == word for m in a.mentions)), None)


def test_the_bloc_is_the_association_of_states_named_before(resolve_actors):
    doc = resolve_actors(
        "The African Union suspended Gabon after the coup. The bloc said the junta must hand power back to civilians."
    )
    assert _actor_of(doc, "bloc").name == "African Union"
    doc = resolve_actors(
        "Leaders of the Association of Southeast Asian Nations met in Jakarta on Tuesday. "
        "The bloc urged Myanmar's generals to end the violence."
    )
    assert _actor_of(doc, "bloc").name == _actor_of(doc, "nations").name


def test_the_alliance_after_nato(resolve_actors):
    doc = resolve_actors("NATO moved more jets to Romania on Monday. The alliance accused Moscow of escalating.")
    assert _actor_of(doc, "alliance").name == "NATO"


def test_a_body_is_called_by_a_word_of_its_name(resolve_actors):
    doc = resolve_actors(
        "The European Union agreed a new package of sanctions on Iran. The union also summoned Tehran's envoy."
    )
    assert _actor_of(doc, "union").name == "European Union"
    doc = resolve_actors(
        "Sudan's Transitional Military Council met protest leaders on Sunday. The council rejected their demands."
    )
    assert "Transitional Military Council" in _actor_of(doc, "council").name


def test_no_organisation_named_no_actor(resolve_actors):
    doc = resolve_actors("Police arrested 40 protesters in Accra. The bloc condemned the arrests.")
    assert _actor_of(doc, "bloc") is None
    # the organisation named last is no association of states: the alliance is not the IMF before it
    doc = resolve_actors(
        "The International Monetary Fund approved the loan. The president met the Solidarity Movement, "
        "but the alliance left the talks."
    )
    assert _actor_of(doc, "alliance") is None or _actor_of(doc, "alliance").name != "International Monetary Fund"


def test_switched_off_the_bloc_is_no_actor(resolve_actors):
    with switched_off(collective.ORGANISATION_ANAPHOR):
        doc = resolve_actors("NATO moved more jets to Romania on Monday. The alliance accused Moscow of escalating.")
    assert _actor_of(doc, "alliance") is None


def test_a_capitalised_word_inside_a_sentence_is_a_name_not_an_anaphor(nlp):
    doc = nlp("Leaders met at the Union headquarters, and the union said nothing.")
    heads = [t for t in doc if t.lower_ == "union"]
    assert not collective.refers_to_organisation(heads[0], True, False)
    assert collective.refers_to_organisation(heads[1], True, False)


def test_it_is_the_organisation_or_state_that_was_the_subject(resolve_actors):
    doc = resolve_actors("Hamas said on Sunday it had freed two hostages.")
    assert any(m.text == "it" for m in _actor_of(doc, "hamas").mentions)
    doc = resolve_actors("Colombia's government said on Friday it would deploy troops to Catatumbo.")
    assert _actor_of(doc, "it").name == "Colombia's government"
    doc = resolve_actors("Rwanda recalled its ambassador on Tuesday. It accused Burundi of harbouring rebels.")
    assert _actor_of(doc, "it").code == "RWA"


def test_it_is_no_person_no_thing_and_no_expletive(resolve_actors):
    doc = resolve_actors("John Smith met Hamas leaders. It was not clear what they discussed.")
    assert _actor_of(doc, "it") is None
    doc = resolve_actors("The resolution was adopted by 141 votes. It demands that Russia withdraw its troops.")
    assert _actor_of(doc, "it") is None
    doc = resolve_actors("Senator Maria Lopez visited Kyiv on Monday. It seems the trip was planned for months.")
    assert _actor_of(doc, "it") is None


def test_it_for_a_body_plural_only_in_grammar(resolve_actors):
    doc = resolve_actors(
        "The paramilitary Rapid Support Forces attacked the camp on Monday. Since May, it has besieged El-Fasher."
    )
    assert _actor_of(doc, "it") is not None and "Rapid Support Forces" in _actor_of(doc, "it").name
    doc = resolve_actors("Protesters marched in Accra on Monday. Since May, it has grown.")
    assert _actor_of(doc, "it") is None  # a crowd is no "it"


# ------------------------------------------------------------------ a named armed group's members


def test_the_militants_are_the_one_armed_group_named(resolve_actors):
    doc = resolve_actors(
        "Al-Shabaab fighters stormed a hotel in Mogadishu. Police said the militants had taken hostages.", "2024-06-01"
    )
    assert _actor_of(doc, "militants").name == "al-Shabaab"


def test_with_two_armed_groups_named_the_rule_decides_nothing(resolve_actors):
    text = "Al-Shabaab and the Islamic State clashed in Puntland. Officials said the militants burned a village."
    with_rule = _actor_of(resolve_actors(text, "2024-06-01"), "militants")
    with switched_off(collective.ARMED_GROUP_MEMBERS):
        without = _actor_of(resolve_actors(text, "2024-06-01"), "militants")
    assert (with_rule and with_rule.name) == (without and without.name)


def test_the_object_of_a_verb_is_not_its_own_subject(resolve_actors):
    # description-not-own-subject (coref.py): soldiers do not surrender to themselves
    doc = resolve_actors("Over 100 government soldiers surrendered to the armed group on Monday.", "2024-06-01")
    assert _actor_of(doc, "group") is not _actor_of(doc, "soldiers")
    assert _actor_of(doc, "group").name != _actor_of(doc, "soldiers").name


def _it_actor(doc):
    """The actor of the sentence's subject 'it' (the last 'it' mention), or None."""
    return next((a for a in doc.actors if any(m.text.lower() == "it" for m in a.mentions)), None)


def test_it_in_a_reported_clause_is_the_body_that_reports_it(resolve_actors):
    # the main clause's subject is someone else: it-subject alone would find no antecedent
    doc = resolve_actors(
        "Leaders of the European Union backed Lithuania on Monday. Lithuania's foreign ministry "
        "condemned the move, and Estonia said it would expel Russia's ambassador."
    )
    assert _it_actor(doc) is not None and _it_actor(doc).name == "Estonia"
    doc = resolve_actors("The minister welcomed an announcement by France that it had suspended its aid to Mali.")
    assert _it_actor(doc) is not None and _it_actor(doc).name == "France"


def test_it_reported_by_a_dateline_or_by_two_bodies_is_not_guessed_from_them(resolve_actors):
    doc = resolve_actors("ADDIS ABABA, Ethiopia (AP) - The United States aid agency says it has suspended food aid.")
    assert _it_actor(doc) is None or _it_actor(doc).country != "ETH"


def test_switched_off_it_reporter_leaves_it_to_it_subject(resolve_actors):
    text = "The minister welcomed an announcement by France that it had suspended its aid to Mali."
    with switched_off(collective.IT_REPORTER):
        doc = resolve_actors(text)
    assert _it_actor(doc) is None or _it_actor(doc).name != "France"


def test_it_of_a_contracted_be_with_a_curly_apostrophe_is_no_actor(resolve_actors):
    # the small model reads "’s" as a full verb whose lemma is "’s": still "is", an expletive's verb
    doc = resolve_actors(
        "The Clinton Foundation declined to comment on Monday. It’s unclear whether the papers were sent."
    )
    assert all(m.text != "It" for a in doc.actors for m in a.mentions)
