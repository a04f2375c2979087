"""The news-return anchor rules (diurna/time/news.py): each rule's case, the same case with the rule
switched off, and the constructions it must leave to the episode.
The rules' dates (`rules_date`): the learned chooser (tests/time/test_chooser.py) may narrow them."""

from __future__ import annotations

import pytest

from diurna.time import rules_date
from diurna.time.anchoring import ANCHOR_RULES, anchor_event
from diurna.time.discourse import BEFORE, EventClause
from diurna.time.news import reaction_after_background

PUB = "2022-09-13"  # a Tuesday

# The story's news, then a background paragraph dated by a year, then the day's reactions.
STORY = (
    "Border Clashes Kill Dozens\n\n"
    "Fighting broke out overnight along the border between the two countries, officials said. "
    "Both sides reported casualties.\n\n"
    "The two countries fought a war over the region in 2020.\n\n"
)

# A story that tells no date: its lead, then the rest of its news.
UNDATED = (
    "Militants Attack Army Base\n\n"
    "Militants stormed an army base in the south of the country, the military said. "
    "Several soldiers were wounded.\n\n"
)
DAY_BEFORE = "2022-09-12"

# A story whose dated event is two days before publication (Sunday; published Tuesday).
RAID = (
    "Troops Cross Border\n\n"
    "Armed troops crossed the border on Sunday and seized two villages, officials said.\n\n"
    "Thousands of residents fled the area.\n\n"
)
SUNDAY, MONDAY = "2022-09-11", "2022-09-12"

# rule name -> (text, trigger word, expected (start, end, granularity), without the rule)
CASES = {
    "reaction_after_background": (
        STORY + "The U.S. secretary of state called on the two sides to end the hostilities.",
        "called",
        (PUB, PUB, "day"),
        ("2020-01-01", "2020-12-31", "year"),
    ),
    "attributed_after_background": (
        STORY + "Dozens of villagers were injured in the shelling, a local official said.",
        "injured",
        (PUB, PUB, "day"),
        ("2020-01-01", "2020-12-31", "year"),
    ),
    "saying_after_background": (
        STORY + "Residents have little left, a farmer added.",
        "added",
        (DAY_BEFORE, PUB, BEFORE),
        ("2020-01-01", "2020-12-31", "year"),
    ),
    "reaction_after_earlier_day": (
        RAID + "The president condemned the attack, calling it a provocation.",
        "condemned",
        (MONDAY, PUB, BEFORE),
        (SUNDAY, SUNDAY, "day"),
    ),
    "undated_story_event": (
        UNDATED + "A spokesman said the troops killed 13 militants.",
        "killed",
        (DAY_BEFORE, PUB, BEFORE),
        ("2021-09-13", PUB, BEFORE),
    ),
    "reported_present_perfect": (
        STORY
        + "Peacekeepers withdrew from the town on Monday. The mission added that a convoy has already left the base.",
        "left",
        (DAY_BEFORE, DAY_BEFORE, "day"),
        (PUB, PUB, "day"),
    ),
    "past_after_a_present_paragraph": (
        STORY
        + '"We want the fighting to stop," the envoy said.\n\n'
        + "Thousands of families have fled the border villages. Aid groups say food is scarce.\n\n"
        + "Troops burned the customs post and looted the market.",
        "looted",
        ("2021-09-13", PUB, BEFORE),
        ("2020-01-01", "2020-12-31", "year"),
    ),
    "plan_of_past_act": (
        STORY + "The rebels seized the airport on Monday. Fighter jets entered the country to take over the airspace "
        "and contain the rebels.",
        "contain",
        (DAY_BEFORE, DAY_BEFORE, "day"),
        (PUB, PUB, "day"),
    ),
}


def _token(doc, word: str, nth: int = 0) -> int:
    return [t.i for t in doc.spacy_doc if t.text == word][nth]


def _interval(date) -> tuple[str, str, str]:
    return date.start, date.end, date.granularity


def test_every_rule_of_the_module_has_a_case():
    assert {r.name for r in ANCHOR_RULES if r.decide.__module__ == reaction_after_background.__module__} == set(CASES)


def test_the_rules_run_before_the_episode_and_the_undated_past():
    names = [r.name for r in ANCHOR_RULES]
    assert names.index("reaction_after_background") < names.index("episode")
    assert names.index("attributed_after_background") < names.index("episode")
    assert names.index("reaction_after_earlier_day") < names.index("episode")
    assert names.index("episode") < names.index("undated_story_event") < names.index("undated_past")


@pytest.mark.parametrize("name", list(CASES))
def test_rule_decides_its_case_and_without_it_the_next_rule_would(time_doc, name):
    text, word, expected, without = CASES[name]
    doc = time_doc(text, PUB)
    trigger = _token(doc, word)
    assert _interval(rules_date(doc, trigger)) == expected
    assert _interval(anchor_event(doc, trigger, disabled={name})) == without


@pytest.mark.parametrize(
    "text, word",
    [
        # other texts of the construction: a month of the background, a praise
        (
            STORY.replace("in 2020", "in February") + "The Kremlin also urged both sides to resolve the conflict.",
            "urged",
        ),
        (STORY + "The prime minister described the attacks as an act of terrorism.", "described"),
        # a source's report: "according to", a report after the clause
        (STORY + "Police fired tear gas at protesters, according to a journalist at the scene.", "fired"),
        (STORY + "A former minister was also sentenced to six years in prison, the agency reported.", "sentenced"),
    ],
)
def test_reactions_after_a_background_paragraph_are_the_news(time_doc, text, word):
    doc = time_doc(text, PUB)
    assert _interval(rules_date(doc, _token(doc, word))) == (PUB, PUB, "day")


@pytest.mark.parametrize(
    "text, word, expected",
    [
        # a speaker quoted after the background, a source's report of what it reports
        (STORY + '"We lost everything," a shopkeeper told reporters.', "told", (DAY_BEFORE, PUB, BEFORE)),
        (
            STORY + "A regional newspaper confirmed that the border post was closed.",
            "confirmed",
            (DAY_BEFORE, PUB, BEFORE),
        ),
        # a story whose lead tells its day (Sunday): from that day to publication
        (
            RAID
            + "The two countries fought a war over the region in 2020.\n\n"
            + "A farmer told reporters the troops came at dawn.",
            "told",
            (SUNDAY, PUB, BEFORE),
        ),
        # in the background's own paragraph, what was said then belongs to it
        (
            STORY.rstrip() + " The president announced that the region was theirs.",
            "announced",
            ("2020-01-01", "2020-12-31", "year"),
        ),
        # a saying told inside a quotation may be the background's
        (
            STORY + '"Back then the general told us we would win," the veteran recalled.',
            "told",
            ("2020-01-01", "2020-12-31", "year"),
        ),
    ],
)
def test_a_saying_after_a_background_paragraph_is_the_storys_time(time_doc, text, word, expected):
    doc = time_doc(text, PUB)
    assert _interval(rules_date(doc, _token(doc, word))) == expected


@pytest.mark.parametrize(
    "text, word",
    [
        # a background month that ended two days before the story's day is still background
        (STORY.replace("in 2020", "last month") + "The G7 condemned the fighting.", "condemned"),
        # an answer ("demanded", "denied", "warned") returns to the news as a reaction does
        (STORY.replace("in 2020", "last month") + "The chancellor demanded an explanation from Moscow.", "demanded"),
        (STORY + "The foreign ministry denied sending troops across the border.", "denied"),
        # a dismissal of a claim is an answer too
        (STORY.replace("in 2020", "last month") + "Moscow dismissed the claim as groundless.", "dismissed"),
        (STORY + "The defence ministry rebuffed the accusations.", "rebuffed"),
    ],
)
def test_answers_after_a_background_month_just_ended_are_the_news(time_doc, text, word):
    published = "2022-09-02"  # "last month" is August, over two days before
    doc = time_doc(text, published)
    assert _interval(rules_date(doc, _token(doc, word))) == (published, published, "day")


@pytest.mark.parametrize(
    "text, word, expected",
    [
        # a reaction in the background's own paragraph belongs to it
        (
            STORY.rstrip() + " The G7 condemned the annexation as a violation of sovereignty.",
            "condemned",
            ("2020-01-01", "2020-12-31", "year"),
        ),
        # a day of the story is its own time, not background
        (
            STORY.replace("in 2020", "on Monday") + "The U.S. secretary of state called on the two sides to stop.",
            "called",
            ("2022-09-12", "2022-09-12", "day"),
        ),
        # not a reaction: the act continues the background
        (
            STORY + "The army captured three towns.",
            "captured",
            ("2020-01-01", "2020-12-31", "year"),
        ),
        # a quotation: the speaker may recount the background
        (
            STORY + '"The army captured three towns in a week," the historian said.',
            "captured",
            ("2020-01-01", "2020-12-31", "year"),
        ),
        # a report that opens its sentence introduces what it reports, which continues the background
        (
            STORY + "Historians said the army captured three towns.",
            "captured",
            ("2020-01-01", "2020-12-31", "year"),
        ),
    ],
)
def test_the_episode_keeps_what_is_not_a_return_to_the_news(time_doc, text, word, expected):
    doc = time_doc(text, PUB)
    assert _interval(rules_date(doc, _token(doc, word))) == expected


@pytest.mark.parametrize(
    "text, word",
    [
        # other texts of the construction: a main clause, coordinated clauses
        (UNDATED + "Commanders sent 42 officers in five trucks.", "sent"),
        (UNDATED + "The government said it was astonished and vowed to close the border.", "vowed"),
        # "after X" with X undated does not make the story's news background ("Shortly after the
        # announcement, the deputy director lashed out", "Oli withdrew the rule after the violence")
        (UNDATED + "Shortly after the announcement, the foreign minister lashed out at Washington.", "lashed"),
        (UNDATED + "The prime minister withdrew the rule after the violence.", "withdrew"),
    ],
)
def test_undated_story_events_are_the_news_of_the_last_two_days(time_doc, text, word):
    doc = time_doc(text, PUB)
    assert _interval(rules_date(doc, _token(doc, word))) == (DAY_BEFORE, PUB, BEFORE)


@pytest.mark.parametrize(
    "text, word",
    [
        (UNDATED + "The police commissioner said tear gas had been used against the crowd.", "used"),
        (UNDATED + "State media reported that the leader had invited his guest to visit the capital.", "invited"),
    ],
)
def test_a_past_perfect_reported_as_the_undated_news_shares_its_two_days(time_doc, text, word):
    # backshifted news ("said tear gas had been used") under a report of the story's undated news
    doc = time_doc(text, PUB)
    assert _interval(rules_date(doc, _token(doc, word))) == (DAY_BEFORE, PUB, BEFORE)


@pytest.mark.parametrize(
    "text, word, expected",
    [
        # a date told earlier: the episode dates the clause
        (
            UNDATED.replace("in the south", "in the south on Saturday") + "Commanders sent 42 officers.",
            "sent",
            ("2022-09-10", "2022-09-10", "day"),
        ),
        # a relative clause describing a noun is no step of the story
        (
            UNDATED + "The base, which soldiers built near the river, is remote.",
            "built",
            ("2021-09-13", PUB, BEFORE),
        ),
    ],
)
def test_undated_story_events_leave_dated_and_described_clauses(time_doc, text, word, expected):
    doc = time_doc(text, PUB)
    assert _interval(rules_date(doc, _token(doc, word))) == expected


@pytest.mark.parametrize(
    "text, word, expected",
    [
        # other texts of the construction: "reported", "confirmed that"
        (
            STORY + "Troops raided the hideout on Monday. The police reported they have captured five gang leaders.",
            "captured",
            (DAY_BEFORE, DAY_BEFORE, "day"),
        ),
        (
            STORY + "The coup attempt failed on Monday. A spokesperson confirmed that 14 soldiers have been arrested.",
            "arrested",
            (DAY_BEFORE, DAY_BEFORE, "day"),
        ),
        # an attribution after the clause has no day of its own: the news tenses
        (
            STORY + "A court has sentenced the commander to a year in prison, local media reported.",
            "sentenced",
            (PUB, PUB, "day"),
        ),
        # a report dated only by a background month: the news tenses
        (
            STORY.replace("in 2020", "in February") + "The ministry said it has denied the visas.",
            "denied",
            (PUB, PUB, "day"),
        ),
    ],
)
def test_reported_present_perfects_take_the_reports_day(time_doc, text, word, expected):
    doc = time_doc(text, PUB)
    assert _interval(rules_date(doc, _token(doc, word))) == expected


@pytest.mark.parametrize(
    "text, word, expected",
    [
        # other texts of the construction: a vote's terms, a statement's intention
        (
            STORY
            + "The rebels seized the airport on Monday. The council voted to end the mission and withdraw the troops.",
            "withdraw",
            (DAY_BEFORE, DAY_BEFORE, "day"),
        ),
        (
            STORY + "The rebels seized the airport on Monday. The president told his guest that his country intends to "
            "improve cooperation.",
            "improve",
            (DAY_BEFORE, DAY_BEFORE, "day"),
        ),
        # the main clause dated by a background year only: not a day for the plan
        (
            STORY + "Fighter jets entered the country to take over the airspace and contain the rebels.",
            "contain",
            (PUB, PUB, "day"),
        ),
    ],
)
def test_plans_told_by_a_past_act_take_its_day(time_doc, text, word, expected):
    doc = time_doc(text, PUB)
    assert _interval(rules_date(doc, _token(doc, word))) == expected


@pytest.mark.parametrize(
    "text, word",
    [
        # other texts of the construction: a criticism, an answer in talks, a call
        (RAID + "The opposition also slammed the government for its response.", "slammed"),
        (RAID + "The neighbouring government denied sheltering the fighters.", "denied"),
        (RAID + "In a statement, the UN secretary-general urged all sides to show restraint.", "urged"),
    ],
)
def test_reactions_to_a_day_two_days_back_are_the_days_since(time_doc, text, word):
    doc = time_doc(text, PUB)
    assert _interval(rules_date(doc, _token(doc, word))) == (MONDAY, PUB, BEFORE)


@pytest.mark.parametrize(
    "text, word, expected",
    [
        # the carried day is the day before publication: left to the episode (same day as often)
        (
            RAID.replace("on Sunday", "on Monday") + "The president condemned the attack.",
            "condemned",
            (MONDAY, MONDAY, "day"),
        ),
        # the sentence has a day of its own
        (
            RAID + "The mayor rejected the claims, telling reporters Sunday that the town was calm.",
            "rejected",
            (SUNDAY, SUNDAY, "day"),
        ),
        # the clause is tied to the dated event ("speaking after the handover")
        (
            RAID + "Speaking after the raid, the commander urged residents to return.",
            "urged",
            (SUNDAY, SUNDAY, "day"),
        ),
        # the dated event's own paragraph: the reaction is told with it
        (
            RAID.replace(".\n\nThousands", ". Thousands").rstrip() + " The president condemned the attack.",
            "condemned",
            (SUNDAY, SUNDAY, "day"),
        ),
        # not a reaction: the act continues the dated episode
        (RAID + "The troops captured a third village.", "captured", (SUNDAY, SUNDAY, "day")),
        # a dated event in the reaction's own sentence
        (
            "Troops Cross Border\n\nArmed troops crossed the border on Sunday and the president condemned the attack.",
            "condemned",
            (SUNDAY, SUNDAY, "day"),
        ),
    ],
)
def test_reactions_keep_the_carried_day_when_tied_to_it(time_doc, text, word, expected):
    doc = time_doc(text, PUB)
    assert _interval(rules_date(doc, _token(doc, word))) == expected


@pytest.mark.parametrize(
    "text, word, expected",
    [
        # the background paragraph's own next paragraph: no paragraph about now between, the year stands
        (
            STORY + "Troops burned the customs post and looted the market.",
            "looted",
            ("2020-01-01", "2020-12-31", "year"),
        ),
        # a paragraph of quotations only is no return to now either
        (
            STORY + '"We want the fighting to stop," the envoy said.\n\nTroops burned the customs post.',
            "burned",
            ("2020-01-01", "2020-12-31", "year"),
        ),
    ],
)
def test_a_coarse_background_date_carries_until_a_paragraph_about_now(time_doc, text, word, expected):
    doc = time_doc(text, PUB)
    assert _interval(rules_date(doc, _token(doc, word))) == expected


@pytest.mark.parametrize(
    "text, word",
    [
        # a present-tense "as" or "while" clause of a past act dated the sentence before: what goes on as
        # the story is told, not the act's plan
        (
            STORY + "The rebels seized the airport on Monday. The raid came as protests continue in the capital.",
            "continue",
        ),
        (STORY + "Troops shelled the town on Monday. The shelling began while talks go on in Geneva.", "go"),
        # and with the date in its own sentence, which the "as" clause does not inherit (dating.governing_timex)
        (STORY + "The rebels seized the airport on Monday as protests continue in the capital.", "continue"),
    ],
)
def test_an_ongoing_present_alongside_a_past_act_is_no_plan_of_it(time_doc, text, word):
    doc = time_doc(text, PUB)
    token = _token(doc, word)
    decided = [r.name for r in ANCHOR_RULES if r.decide(EventClause.of(doc, token)) is not None]
    assert "plan_of_past_act" not in decided
    assert _interval(rules_date(doc, token)) == (PUB, PUB, "day")


def test_a_plan_told_by_a_past_act_keeps_its_day(time_doc):
    # a present clause that is the act's content, not an "as"/"while" clause: plan_of_past_act dates it
    doc = time_doc(
        STORY + "The rebels seized the airport on Monday. Kim told Putin on Monday that he intends to visit.", PUB
    )
    assert _interval(rules_date(doc, _token(doc, "intends"))) == (DAY_BEFORE, DAY_BEFORE, "day")
