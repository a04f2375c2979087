"""The anchor rules (diurna/time/anchoring.py): each rule's own case, and the same case with the
rule switched off, which must then come out differently (so every rule is shown to matter).
The rules' dates (`rules_date`): the learned chooser (tests/time/test_chooser.py) may narrow them."""

from __future__ import annotations

import pytest

from diurna.time import rules_date
from diurna.time.anchoring import ANCHOR_RULES, BEFORE, anchor_event

PUB = "2024-03-15"  # a Friday

# rule name -> (text, trigger word, nth occurrence, expected (start, end, granularity))
CASES = {
    "after_dated_expression": (
        "Rights groups say the army has detained 300 people since January.",
        "detained",
        0,
        ("2024-01-01", PUB, BEFORE),
    ),
    "quoted_today": (
        'Clashes left 12 dead on Wednesday. "We have confirmed 12 dead today," a source told reporters.',
        "confirmed",
        0,
        ("2024-03-13", "2024-03-13", "day"),
    ),
    "own_expression": (
        # below the lead: in the lead, the lead rule would give the same day (its paragraph's)
        "The vote is near. Officials say turnout is low. The foreign minister met his Iraqi counterpart on Tuesday.",
        "met",
        0,
        ("2024-03-12", "2024-03-12", "day"),
    ),
    "after_dated_noun": (
        "A ceasefire is holding. Troops were deployed to the border following the attack on 2 March.",
        "deployed",
        0,
        ("2024-03-02", PUB, BEFORE),
    ),
    "dated_simultaneous_clause": (
        "The vote is near. Officials spoke. The minister denied the report when it was published in January.",
        "denied",
        0,
        ("2024-01-01", "2024-01-31", "month"),
    ),
    "simultaneous_clause": (
        "Twenty soldiers were killed when militants raided a base south of the capital.",
        "raided",
        0,
        (PUB, PUB, "day"),
    ),
    "reported_past_perfect": (
        "The vote is near. Rebels attacked the border on Tuesday. The ministry said that two posts had been lost.",
        "lost",
        0,
        ("2024-03-12", "2024-03-12", "day"),
    ),
    "headline": (
        "Nine Killed In Army Raid\n\nSoldiers raided the camp on Thursday, killing nine people, officials said.",
        "Killed",
        0,
        ("2024-03-14", "2024-03-14", "day"),
    ),
    "infinitive_of_past": (
        "The vote is near. Riots broke out on Wednesday. Police stormed the embassy to arrest the former minister.",
        "arrest",
        0,
        ("2024-03-13", "2024-03-13", "day"),
    ),
    "reported_present_or_future": (
        "The vote is near. Rebels attacked the border on Tuesday. The ministry said the army will retaliate.",
        "retaliate",
        0,
        ("2024-03-12", "2024-03-12", "day"),
    ),
    "past_upper_bound": (
        "The vote is near. By Tuesday morning, the army controlled the capital.",
        "controlled",
        0,
        ("2023-03-13", "2024-03-12", BEFORE),
    ),
    "dated_occasion": (
        "The vote is near. Officials spoke. The governor unleashed attacks on the senator in Saturday's debate.",
        "unleashed",
        0,
        ("2024-03-09", "2024-03-09", "day"),
    ),
    "occasion_dated_by_participle": (
        "The vote is near. Ministers met on Wednesday. In a statement released on Monday, the army accused the rebels.",
        "accused",
        0,
        ("2024-03-11", "2024-03-11", "day"),
    ),
    "dated_head_noun": (
        "The talks follow a clash in January, when the navy accused the coast guard of ramming a boat.",
        "accused",
        0,
        ("2024-01-01", "2024-01-31", "month"),
    ),
    "dated_relative_clause": (
        "Officials spoke to reporters. Lawmakers condemned the raids, which took place on Tuesday.",
        "raids",
        0,
        ("2024-03-12", "2024-03-12", "day"),
    ),
    "prenominal_participle": (
        "Officials spoke to reporters. Gunmen on Thursday shelled two villages despite an Egyptian-mediated ceasefire that began on Monday.",
        "mediated",
        0,
        ("2023-03-12", "2024-03-11", BEFORE),
    ),
    "noun_content_clause": (
        "The vote is near. Thousands rallied on Tuesday. Many voiced anger that the court banned the party.",
        "banned",
        0,
        ("2023-03-13", "2024-03-12", BEFORE),
    ),
    "previously": (
        "The ministry rejected the report. Human rights groups have previously accused the army of torture.",
        "accused",
        0,
        ("2023-03-16", PUB, BEFORE),
    ),
    "subsequently": (
        "The rebels signed a peace deal in 2016. Officials met the press. The group subsequently disarmed.",
        "disarmed",
        0,
        ("2016-01-01", PUB, BEFORE),
    ),
    "then_continues": (
        "Police arrested the leaders in January. The protesters then marched to the parliament.",
        "marched",
        0,
        ("2024-01-01", "2024-01-31", "month"),
    ),
    "anniversary_since": (
        "The vote is near. On Tuesday, crowds marked three years since the junta took over.",
        "took",
        0,
        ("2021-03-12", "2021-03-12", "day"),
    ),
    "earlier_clause": (
        "The minister spoke on Monday. Riots broke out on Wednesday after the police detained a student.",
        "detained",
        0,
        ("2024-03-12", "2024-03-13", BEFORE),
    ),
    "later_clause": (
        "The vote is near. The senator met donors on Monday before he announced his bid.",
        "announced",
        0,
        ("2024-03-11", PUB, BEFORE),
    ),
    "past_perfect": (
        "Soldiers stormed the parliament on March 4. The opposition had occupied the chamber.",
        "occupied",
        0,
        ("2023-03-05", "2024-03-04", BEFORE),
    ),
    "lead": ("The opposition condemned the arrests of its leaders.", "condemned", 0, (PUB, PUB, "day")),
    "after_undated_event": (
        "The vote is near. Officials say turnout is low. Donors have suspended aid following the coup.",
        "suspended",
        0,
        ("2023-03-16", PUB, BEFORE),
    ),
    "news_tenses": (
        "The election is near. Officials say turnout is low. The party has condemned the arrests.",
        "condemned",
        0,
        (PUB, PUB, "day"),
    ),
    "reported_under_present": (
        "The vote is near. Soldiers stormed the parliament on March 4. The campaign points out that he signed it.",
        "signed",
        0,
        ("2023-03-16", PUB, BEFORE),
    ),
    "recalled_content": (
        "The vote is near. Soldiers stormed the parliament on March 4. The minister recalled that the rebels broke the truce.",
        "broke",
        0,
        ("2023-03-16", PUB, BEFORE),
    ),
    "description": (
        "The vote is near. Soldiers stormed the parliament on March 4. They held the speaker, who founded the party.",
        "founded",
        0,
        ("2023-03-05", "2024-03-04", BEFORE),
    ),
    "episode": (
        "Soldiers stormed the parliament on March 4. The speaker resigned. Police arrested ten deputies.",
        "arrested",
        0,
        ("2024-03-04", "2024-03-04", "day"),
    ),
    "undated_past": (
        # a relative clause: not a step of the story (a main clause is `news.undated_story_event`'s)
        "The election is near. Officials say turnout is low. The leader whom the army arrested remains in jail.",
        "arrested",
        0,
        ("2023-03-16", PUB, BEFORE),
    ),
}


def _token(doc, word: str, nth: int = 0) -> int:
    return [t.i for t in doc.spacy_doc if t.text == word][nth]


def _interval(date) -> tuple[str, str, str]:
    return date.start, date.end, date.granularity


def test_every_rule_has_a_case_and_an_example():
    assert {r.name for r in ANCHOR_RULES if r.decide.__module__ == anchor_event.__module__} == set(CASES)
    assert all(r.example for r in ANCHOR_RULES)


@pytest.mark.parametrize("name", list(CASES))
def test_rule_decides_its_case(time_doc, name):
    text, word, nth, expected = CASES[name]
    doc = time_doc(text, PUB)
    assert _interval(rules_date(doc, _token(doc, word, nth))) == expected


# Rules that a later, wider rule backs up on their own case: `news.plan_of_past_act` dates any
# plan or term in a sentence whose main clause is a dated past act, which covers the one-level
# infinitive and reported clause these rules read; `recalled_content` gives the same "before" to a
# past recalled under a present "points out that". Switched off with them to see the change.
FALLBACKS = {
    "infinitive_of_past": {"plan_of_past_act"},
    "reported_present_or_future": {"plan_of_past_act"},
    "reported_under_present": {"recalled_content"},  # "points out that" is a verb of recalling too
}


@pytest.mark.parametrize("name", list(CASES))
def test_rule_switched_off_changes_its_case(time_doc, name):
    text, word, nth, expected = CASES[name]
    doc = time_doc(text, PUB)
    date = anchor_event(doc, _token(doc, word, nth), disabled={name} | FALLBACKS.get(name, set()))
    assert date is None or _interval(date) != expected


@pytest.mark.parametrize(
    "text, word, expected",
    [
        # before the day the clause it stands in tells, not that day
        (
            "Officials spoke to reporters. Militias on Thursday attacked the Saudi-backed government.",
            "backed",
            ("2023-03-15", "2024-03-14", BEFORE),
        ),
        (
            "Officials spoke to reporters. The opposition rejected the newly signed accord.",
            "signed",
            ("2023-03-16", PUB, BEFORE),
        ),
    ],
)
def test_a_participle_before_its_noun_is_an_act_done_before(time_doc, text, word, expected):
    doc = time_doc(text, PUB)
    assert _interval(rules_date(doc, _token(doc, word))) == expected


@pytest.mark.parametrize(
    "text, word",
    [
        ("Officials spoke to reporters. Serbia and Kosovo held EU-brokered talks in Brussels on Thursday.", "brokered"),
        (
            "Officials spoke to reporters. The army launched a renewed offensive on the rebel town on Thursday.",
            "renewed",
        ),
    ],
)
def test_a_participle_before_an_activity_noun_keeps_the_clauses_day(time_doc, text, word):
    """Brokering talks or renewing an offensive happens as the talks are held or the offensive
    launched: the clause's own day, not before it (review14)."""
    doc = time_doc(text, PUB)
    assert _interval(rules_date(doc, _token(doc, word))) == ("2024-03-14", "2024-03-14", "day")


def test_after_an_event_the_text_dates(time_doc):
    doc = time_doc(
        "The vote is near. Rebels attacked the town on March 2. Officials met on March 10. "
        "The government imposed a curfew after the attack.",
        PUB,
    )
    date = rules_date(doc, _token(doc, "imposed"))
    assert (date.start, date.end, date.granularity, date.text) == ("2024-03-02", PUB, BEFORE, "after the attack")


def test_following_an_event_of_the_same_episode_keeps_its_day(time_doc):
    doc = time_doc(
        "The vote is near. Last Wednesday, a cleric urged Muslims to rise up. "
        "Crowds took to the streets following Wednesday prayers.",
        PUB,
    )
    date = rules_date(doc, _token(doc, "took"))
    assert (date.start, date.end, date.granularity) == ("2024-03-13", "2024-03-13", "day")


def test_a_measured_gap_before_an_after_clause(time_doc):
    doc = time_doc("The vote is near. The arrest comes two days after the army accused him of treason.", PUB)
    assert _interval(rules_date(doc, _token(doc, "accused"))) == ("2024-03-13", "2024-03-13", "day")


@pytest.mark.parametrize(
    "text, word, day",
    [
        (
            "The vote is near. The arrests of the two students come a day after opposition leader Maria Lopez "
            "was detained at the airport.",
            "detained",
            "2024-03-14",
        ),
        (
            "The vote is near. Officials met. Police fired tear gas on Wednesday. The mass rallies, which quickly spread, came a day after "
            "Finance minister Ana Silva had announced the cuts.",
            "announced",
            "2024-03-12",
        ),
        (
            "The vote is near. Officials met. Talks opened on Wednesday. The strikes came two days after Defence Minister Ali Khan had threatened "
            "the rebels.",
            "threatened",
            "2024-03-11",
        ),
    ],
)
def test_a_measure_the_parser_hangs_on_the_explained_verb_or_the_mark(time_doc, text, word, day):
    doc = time_doc(text, PUB)
    tok = doc.spacy_doc[_token(doc, word)]
    assert not any(ch.dep_ == "npadvmod" for ch in tok.children)  # the measure is not the clause's own
    assert _interval(rules_date(doc, tok.i)) == (day, day, "day")


@pytest.mark.parametrize(
    "text, word",
    [
        (
            "The vote is near. Germany expelled two diplomats on Wednesday after a court jailed a man for murder.",
            "jailed",
        ),
        ("The vote is near. Serbia put its troops on alert Wednesday after police entered the north.", "entered"),
    ],
)
def test_the_cause_of_a_dated_act_is_its_day_or_the_day_before(time_doc, text, word):
    doc = time_doc(text, PUB)
    assert _interval(rules_date(doc, _token(doc, word))) == ("2024-03-12", "2024-03-13", BEFORE)


@pytest.mark.parametrize("gap", ["days", "weeks", "less than a month"])
def test_a_gap_told_without_a_measure_leaves_the_cause_open(time_doc, gap):
    doc = time_doc("The vote is near. The strike came on Wednesday, %s after the union rejected the offer." % gap, PUB)
    assert _interval(rules_date(doc, _token(doc, "rejected"))) == ("2023-03-14", "2024-03-13", BEFORE)


@pytest.mark.parametrize(
    "text, word, expected",
    [
        (
            "The vote is near. In 2018, she was detained after she met with a delegation of envoys.",
            "met",
            ("2018-01-01", "2018-12-31", BEFORE),
        ),
        (
            "The vote is near. In January, the government suspended talks a day after an attack killed two soldiers.",
            "killed",
            ("2024-01-01", "2024-01-30", BEFORE),
        ),
        (
            "The vote is near. In January, the government suspended talks two months after rebels attacked a base.",
            "attacked",
            ("2023-01-31", "2024-01-31", BEFORE),
        ),
    ],
)
def test_the_cause_of_an_act_dated_by_a_period_lies_in_the_period(time_doc, text, word, expected):
    doc = time_doc(text, PUB)
    assert _interval(rules_date(doc, _token(doc, word))) == expected


def test_minutes_after_is_the_same_day(time_doc):
    doc = time_doc("The vote is near. The senator spoke on Tuesday, minutes after the court struck down the law.", PUB)
    assert _interval(rules_date(doc, _token(doc, "struck"))) == ("2024-03-12", "2024-03-12", "day")


def test_by_a_past_date_carries_the_episode(time_doc):
    doc = time_doc("The vote is near. By Tuesday morning, the ritual had begun. Leaders sent messages.", PUB)
    assert _interval(rules_date(doc, _token(doc, "sent"))) == ("2024-03-12", "2024-03-12", "day")


def test_deadline_and_duration_are_not_the_events_date(time_doc):
    # "until the end of 2028" bounds the refusal; the decision is today's news (the lead)
    doc = time_doc("The government decided to refuse the grants until the end of 2028.", PUB)
    assert _interval(rules_date(doc, _token(doc, "decided"))) == (PUB, PUB, "day")
    doc = time_doc("The weather was mild. Officials spoke. The general ruled the province for three years.", PUB)
    assert rules_date(doc, _token(doc, "ruled")).granularity == BEFORE


def test_present_perfect_with_previously_is_background_not_today(time_doc):
    doc = time_doc("UN experts have previously accused the government of backing the rebels.", PUB)
    date = rules_date(doc, _token(doc, "accused"))
    assert date.granularity == BEFORE and date.end == PUB


def test_episode_does_not_take_a_nouns_date(time_doc):
    # "the March 4 vote" dates the vote, not the story: the arrest is undated background
    doc = time_doc(
        "Officials say turnout is low. Critics attacked the March 4 vote. Weeks went by. "
        "The weather was mild. The army arrested the opposition leader.",
        PUB,
    )
    assert rules_date(doc, _token(doc, "arrested")).granularity == BEFORE


def test_episode_ends_after_its_window(time_doc):
    filler = " ".join("Officials say item %d is ready." % k for k in range(24))
    doc = time_doc("Soldiers stormed the parliament on March 4. " + filler + " Police arrested ten deputies.", PUB)
    assert rules_date(doc, _token(doc, "arrested")).granularity == BEFORE


def test_no_publication_date_leaves_the_old_behaviour(time_doc):
    doc = time_doc("The army arrested the opposition leader.", "")
    assert anchor_event(doc, _token(doc, "arrested")) is None


def test_the_lead_is_the_first_paragraph_after_the_headline(time_doc):
    text = (
        "Army Moves In. Opposition Cries Foul\n\nABSTRACT.\n\nThe army arrested the opposition leader.\n\n"
        "Police detained ten of his aides."
    )
    doc = time_doc(text, PUB)
    assert _interval(rules_date(doc, _token(doc, "arrested"))) == (PUB, PUB, "day")
    assert rules_date(doc, _token(doc, "detained")).granularity == BEFORE


def test_a_background_clause_inside_the_lead_is_not_todays_news(time_doc):
    doc = time_doc("The actress said she had lived alone since she was 14, when her parents were deported.", PUB)
    assert rules_date(doc, _token(doc, "deported")).granularity == BEFORE
    doc = time_doc("The president smiled as he welcomed the envoy.", PUB)
    assert _interval(rules_date(doc, _token(doc, "welcomed"))) == (PUB, PUB, "day")


def test_a_noun_antecedent_is_dated_only_by_its_own_date(time_doc):
    # "the summit on Sunday over the coup" dates the summit, not the coup: "following the coup" stays open
    doc = time_doc(
        "The vote is near. Leaders held a summit on Sunday over the coup. Officials say little. "
        "Donors have suspended aid following the coup.",
        PUB,
    )
    date = rules_date(doc, _token(doc, "suspended"))
    assert (date.end, date.granularity) == (PUB, BEFORE) and date.start < "2024-01-01"


def test_a_past_event_this_year_ends_at_publication(time_doc):
    doc = time_doc("The vote is near. Officials say little. The president expressed frustration this year.", PUB)
    assert _interval(rules_date(doc, _token(doc, "expressed"))) == ("2024-01-01", PUB, "year")


def test_a_possessive_occasion_of_the_subject_sets_the_episode(time_doc):
    doc = time_doc("The vote is near. Tuesday's debate was tense. The moderator asked the senator about taxes.", PUB)
    assert _interval(rules_date(doc, _token(doc, "asked"))) == ("2024-03-12", "2024-03-12", "day")


def test_a_date_inside_a_quotation_is_not_the_storys_time(time_doc):
    doc = time_doc(
        'The vote is near. "Today\'s speech shows resolve," an aide said. The senator criticized the plan.', PUB
    )
    assert rules_date(doc, _token(doc, "criticized")).granularity == BEFORE


def test_a_date_in_an_after_or_since_phrase_is_not_the_storys_time(time_doc):
    # the court's verdict is the story's day; the killing it punished is another event's date
    doc = time_doc(
        "The vote is near. Berlin expelled two diplomats on Wednesday after a court jailed a man for a killing "
        "in 2019. Moscow slammed the ruling.",
        PUB,
    )
    assert _interval(rules_date(doc, _token(doc, "slammed"))) == ("2024-03-13", "2024-03-13", "day")
    doc = time_doc(
        "The vote is near. Gunmen attacked a police post on Friday, hours after militants stormed an outpost "
        "late on Thursday. The prime minister condemned the attacks.",
        PUB,
    )
    assert _interval(rules_date(doc, _token(doc, "condemned"))) == (PUB, PUB, "day")


def test_a_date_deep_inside_a_description_is_not_the_storys_time(time_doc):
    doc = time_doc(
        "The vote is near. Troops detained the prime minister on Monday. The coup was denounced by a union that "
        "played a crucial role in driving protests in 2019. Soldiers attacked the state broadcaster.",
        PUB,
    )
    assert _interval(rules_date(doc, _token(doc, "attacked"))) == ("2024-03-11", "2024-03-11", "day")


def test_verbs_inside_an_after_clause_are_earlier_too(time_doc):
    doc = time_doc(
        "The vote is near. The president on Saturday dropped the plan, a day after protesters tried to seize "
        "the parliament.",
        PUB,
    )
    assert _interval(rules_date(doc, _token(doc, "seize"))) == ("2024-03-08", "2024-03-08", "day")
    doc = time_doc("The government imposed a curfew after soldiers opened fire on protesters, killing 19 people.", PUB)
    date = rules_date(doc, _token(doc, "killing"))
    assert (date.end, date.granularity) == (PUB, BEFORE)


def test_a_purpose_infinitive_dates_its_past_head(time_doc):
    # "on Wednesday" hangs on "discuss", an infinitive of purpose: read in the past, and the summit's date
    doc = time_doc(
        "The vote is near. Rebels seized the capital on Sunday. Regional leaders held a video summit to discuss "
        "the coup on Wednesday.",
        PUB,
    )
    assert _interval(rules_date(doc, _token(doc, "summit"))) == ("2024-03-13", "2024-03-13", "day")
    # a complement infinitive still looks ahead: "agreed to meet on Wednesday" is next Wednesday
    doc = time_doc("The vote is near. The two leaders agreed to meet on Wednesday.", PUB)
    assert _interval(rules_date(doc, _token(doc, "meet"))) == ("2024-03-20", "2024-03-20", "day")


def test_a_date_in_a_following_phrase_is_not_a_participles_own(time_doc):
    # Sunday is the coup's: a lower bound for the suspension, and the call is the suspension's act
    doc = time_doc(
        "The vote is near. Officials spoke. The bloc suspended the country following Sunday's coup, calling "
        "for a return to order.",
        PUB,
    )
    assert _interval(rules_date(doc, _token(doc, "calling"))) == ("2024-03-10", PUB, BEFORE)


def test_a_dateline_is_not_an_events_date(time_doc):
    # "Tashkent, March 15 :" is the day the story was filed, not the day of the killings it reports
    doc = time_doc(
        "Protesters Killed\n\nTashkent [Uzbekistan], March 15 : 18 people were killed in protests. "
        "Officials spoke.\n\nThe army then withdrew.",
        "2024-03-18",
    )
    assert rules_date(doc, _token(doc, "killed")).text is None  # not the dateline's "March 15"
    doc = time_doc(
        "Soldiers Killed\n\nManila [Philippines], March 15 (ANI/Xinhua): Two soldiers were killed in a clash. "
        "Officials spoke.",
        "2024-03-18",
    )
    assert rules_date(doc, _token(doc, "killed")).text is None  # two agencies: still the dateline
    doc = time_doc("Officials spoke. The army said on Monday - a day of mourning - that it withdrew.", PUB)
    assert rules_date(doc, _token(doc, "said")).text == "on Monday"


@pytest.mark.parametrize(
    "text, word, expected",
    [
        # "since" on a noun ranked first or most of its kind: the last comparable event's date
        (
            "Officials met. President Erdogan today made his first visit to Egypt since 2012 to meet Sisi.",
            "visit",
            (PUB, PUB, "day"),
        ),
        ("Officials met. The row is the biggest between Prague and Moscow since 1989.", "row", (PUB, PUB, "day")),
        # a "since" that bounds the event itself stays its lower bound
        ("Officials met. The army has detained 300 people since January.", "detained", ("2024-01-01", PUB, BEFORE)),
    ],
)
def test_since_after_a_first_or_a_superlative_is_no_bound_of_the_event(time_doc, text, word, expected):
    doc = time_doc(text, PUB)
    assert _interval(rules_date(doc, _token(doc, word))) == expected


def test_following_parsed_as_a_verb_still_bounds_its_date(time_doc):
    # the attacks' date is no time the story is at, however the parser reads "following"
    doc = time_doc(
        "The vote is near. Troops launched a ground offensive following the Hamas attacks on 7 October. "
        "The army arrested a commander.",
        PUB,
    )
    assert rules_date(doc, _token(doc, "arrested")).text != "on 7 October"


def test_has_since_is_after_the_last_date_told(time_doc):
    doc = time_doc(
        "The vote is near. Rebels attacked the town on March 2. The president has since accused the neighbour "
        "of backing them.",
        PUB,
    )
    assert _interval(rules_date(doc, _token(doc, "accused"))) == ("2024-03-02", PUB, BEFORE)


def test_a_past_date_of_an_infinitive_complement_dates_its_head(time_doc):
    doc = time_doc(
        "The vote is near. Officials met on Friday. The government first threatened to shut the border last week.",
        PUB,
    )
    assert rules_date(doc, _token(doc, "threatened")).text == "last week"


def test_the_lead_takes_the_day_its_paragraph_gives(time_doc):
    # present perfect lead, dated by the next sentence: the lead's news happened that day
    doc = time_doc(
        "Peace Deal\n\nSomalia and Ethiopia have agreed on a joint declaration to resolve their dispute over the "
        "breakaway region and the push for sea access, the Turkish president has announced.\n\n"
        "Speaking in Ankara, the president late on Wednesday thanked both leaders.",
        PUB,
    )
    assert _interval(rules_date(doc, _token(doc, "agreed"))) == ("2024-03-13", "2024-03-13", "day")
    # a lead with no day near it keeps the publication day
    doc = time_doc("The army has detained the opposition leader.\n\nHis party called for protests.", PUB)
    assert _interval(rules_date(doc, _token(doc, "detained"))) == (PUB, PUB, "day")
    # a simple past after the lead's day: the same day's news (a present perfect keeps the publication day)
    doc = time_doc(
        "Students March\n\nThousands of students marched in the capital on Wednesday against the new fees. "
        "Police blocked the road to parliament as the crowd chanted slogans. The union has called a strike.",
        PUB,
    )
    assert _interval(rules_date(doc, _token(doc, "blocked"))) == ("2024-03-13", "2024-03-13", "day")
    assert _interval(rules_date(doc, _token(doc, "called"))) == (PUB, PUB, "day")


@pytest.mark.parametrize(
    "text, word, day",
    [
        # "immediately after", "shortly after": the same day as the clause explained
        (
            "The vote is near. Officials met. China retaliated on Wednesday immediately after the EU imposed sanctions.",
            "imposed",
            "2024-03-13",
        ),
        (
            "The vote is near. Officials met. Riots broke out on Wednesday shortly after the court jailed him.",
            "jailed",
            "2024-03-13",
        ),
        # "the morning after": the day before
        (
            "The vote is near. Officials met. He appeared in court on Wednesday the morning after police arrested him.",
            "arrested",
            "2024-03-12",
        ),
    ],
)
def test_at_once_and_the_morning_after(time_doc, text, word, day):
    doc = time_doc(text, PUB)
    assert _interval(rules_date(doc, _token(doc, word))) == (day, day, "day")


@pytest.mark.parametrize(
    "text, word",
    [
        (
            "The vote is near. Soldiers stormed the parliament on March 4. The envoy noted that the army seized the port.",
            "seized",
        ),
        (
            "The vote is near. Talks resumed on March 4. The senator pointed out that the court rejected the plan.",
            "rejected",
        ),
        (
            "The vote is near. Talks resumed on March 4. He reminded reporters that the rebels signed the accord.",
            "signed",
        ),
    ],
)
def test_what_a_speaker_recalls_is_before_publication_not_the_episodes_day(time_doc, text, word):
    doc = time_doc(text, PUB)
    assert _interval(rules_date(doc, _token(doc, word))) == ("2023-03-16", PUB, BEFORE)


def test_what_a_speaker_says_is_not_recalled_content(time_doc):
    # "said that": the report's content, which `episode` dates; only verbs of recalling are background
    doc = time_doc(
        "The vote is near. Soldiers stormed the parliament on March 4. The minister said that the rebels broke the truce.",
        PUB,
    )
    assert _interval(rules_date(doc, _token(doc, "broke"))) == ("2024-03-04", "2024-03-04", "day")


@pytest.mark.parametrize(
    "text, word",
    [
        (
            "The vote is near. Police fired tear gas on March 4. Rallies started again after a three-week pause.",
            "started",
        ),
        (
            "The vote is near. Police fired tear gas on March 4. The parties signed a deal after months of talks.",
            "signed",
        ),
        ("The vote is near. Police fired tear gas on March 4. The strike ended following weeks of protests.", "ended"),
    ],
)
def test_after_a_stretch_of_time_is_not_after_an_undated_event(time_doc, text, word):
    # "after a three-week pause", "after months of talks": the span leads up to the event, which is no
    # background the way "after the coup" makes it
    doc = time_doc(text, PUB)
    assert _interval(anchor_event(doc, _token(doc, word))) == ("2024-03-04", "2024-03-04", "day")  # the episode's
    doc = time_doc("The vote is near. Police fired tear gas on March 4. Donors suspended aid after the coup.", PUB)
    assert _interval(anchor_event(doc, _token(doc, "suspended"))) == ("2023-03-16", PUB, BEFORE)


@pytest.mark.parametrize(
    "text, word",
    [
        # a purpose clause's noun named by a date: the date is the noun's, not the gathering's
        (
            "The vote is near. Police fired on crowds as students gathered to protest against the March 4 decree.",
            "gathered",
        ),
    ],
)
def test_a_date_naming_a_noun_inside_a_clause_is_not_the_clauses_date(time_doc, text, word):
    doc = time_doc(text, PUB)
    assert _interval(rules_date(doc, _token(doc, word)))[:2] != ("2024-03-04", "2024-03-04")


@pytest.mark.parametrize(
    "text, word, expected",
    [
        # a relative clause of a noun that its own past participle dates: the terms of what was agreed
        (
            "Shelling went on. The minister spoke on Thursday. He condemned attacks that threaten the truce agreed "
            "last week by the four leaders, which calls for both sides to withdraw heavy weapons.",
            "calls",
            ("2024-03-04", "2024-03-10", "week"),
        ),
        (
            "Shelling went on. Rebel leaders met on Thursday. They rejected the plan unveiled in January by the "
            "mediators, which requires the army to leave the city.",
            "requires",
            ("2024-01-01", "2024-01-31", "month"),
        ),
    ],
)
def test_a_relative_clause_of_a_noun_dated_by_its_participle_takes_that_date(time_doc, text, word, expected):
    doc = time_doc(text, PUB)
    token = _token(doc, word)
    assert _interval(rules_date(doc, token)) == expected
    # without dated_head_noun the plan of the clause the noun stands in would date it (Thursday)
    assert _interval(anchor_event(doc, token, disabled={"dated_head_noun"})) == ("2024-03-14", "2024-03-14", "day")


@pytest.mark.parametrize(
    "text, word, day",
    [
        (
            "Militia fighters burned dozens of homes in two northern villages, local officials said.\n\n"
            "Families walked to a camp across the river following Tuesday's violence.",
            "burned",
            "2024-03-12",
        ),
        (
            "Gunmen stormed a police post in the north and seized weapons.\n\n"
            "The police closed the main roads after Sunday's attack.",
            "stormed",
            "2024-03-10",
        ),
    ],
)
def test_a_lead_without_a_day_takes_the_day_of_its_named_occasion(time_doc, text, word, day):
    """`anchoring._lead_occasion_day`: the lead's simple past, named again a sentence on as an
    occasion with a possessive day, takes that day, not the publication day."""
    doc = time_doc(text, PUB)
    token = next(t.i for t in doc.spacy_doc if t.text == word)
    date = anchor_event(doc, token)
    assert (date.start, date.end, date.granularity) == (day, day, "day")


@pytest.mark.parametrize(
    "text, word",
    [
        # review15: an occasion told as before, ahead of or at an offset from the lead's act is another time
        ("Police detained 40 opposition members in Ndola. The crackdown comes ahead of Saturday's vote.", "detained"),
        ("Gunmen burned a market in Bunia. The attack came two days after Sunday's clashes.", "burned"),
    ],
)
def test_a_lead_does_not_take_the_day_of_another_occasion(time_doc, text, word):
    doc = time_doc(text, PUB)
    token = next(t.i for t in doc.spacy_doc if t.text == word)
    date = anchor_event(doc, token)
    # not the past Saturday (9 March) nor Sunday (10 March) the occasion names
    assert (date.start, date.end) not in {("2024-03-09", "2024-03-09"), ("2024-03-10", "2024-03-10")}
