"""event_date: the date each event takes from the expression governing its clause, from the
discourse, or the publication day."""

from __future__ import annotations

import pytest

from diurna.time import event_date, rules_date
from diurna.time.dating import governing_timex


def _token(doc, word: str, nth: int = 0) -> int:
    hits = [t.i for t in doc.spacy_doc if t.text == word]
    return hits[nth]


@pytest.mark.parametrize(
    "pub, text, trigger, start, granularity, expression",
    [
        # the expression attached to the trigger's own clause
        (
            "2017-12-11",
            "The foreign minister on Tuesday met his Iraqi counterpart in Baghdad.",
            "met",
            "2017-12-05",
            "day",
            "on Tuesday",
        ),
        # coordinated clause shares the time of the first
        (
            "2017-12-11",
            "The foreign minister on Tuesday met his Iraqi counterpart and pledged support for the talks.",
            "pledged",
            "2017-12-05",
            "day",
            "on Tuesday",
        ),
        # complement clause of a reporting verb takes the report's date
        (
            "2017-12-11",
            "Officials said on Wednesday that the rebels had agreed to a ceasefire.",
            "agreed",
            "2017-12-06",
            "day",
            "on Wednesday",
        ),
        # "when" clause takes the time of the clause it explains
        (
            "2017-12-11",
            "Relations collapsed in 2012, when the embassy was closed.",
            "closed",
            "2012-01-01",
            "year",
            "in 2012",
        ),
        # a nominal trigger dated by a possessive
        (
            "2017-12-11",
            "Friday's attack on the convoy killed nine soldiers.",
            "attack",
            "2017-12-08",
            "day",
            "Friday's",
        ),
        # a nominal trigger takes the time of the verb it is the object of
        ("2017-12-11", "The two sides held talks in Geneva last week.", "talks", "2017-12-04", "week", "last week"),
        # a fronted expression scopes over the sentence
        (
            "2017-12-11",
            "In October, a senior delegation visited the capital.",
            "visited",
            "2017-10-01",
            "month",
            "In October",
        ),
        # several expressions: each event takes its own
        (
            "2017-12-11",
            "The minister, who resigned in March, said on Thursday he would run for office.",
            "resigned",
            "2017-03-01",
            "month",
            "in March",
        ),
        (
            "2017-12-11",
            "The minister, who resigned in March, said on Thursday he would run for office.",
            "said",
            "2017-12-07",
            "day",
            "on Thursday",
        ),
    ],
)
def test_governing_expression(time_doc, pub, text, trigger, start, granularity, expression):
    doc = time_doc(text, pub)
    date = event_date(doc, _token(doc, trigger))
    assert (date.start, date.granularity, date.text) == (start, granularity, expression)


def test_no_date_in_text_gives_publication_day_with_null_text(time_doc):
    doc = time_doc("The opposition condemned the arrests.", "2017-12-11")
    date = event_date(doc, _token(doc, "condemned"))
    assert (date.text, date.start, date.end, date.granularity) == (None, "2017-12-11", "2017-12-11", "day")


def test_relative_clause_keeps_its_own_time(time_doc):
    doc = time_doc("The delegation, which arrived in Cairo, held talks on Thursday.", "2017-12-11")
    assert rules_date(doc, _token(doc, "arrived")).text is None  # the chooser may narrow it (test_chooser.py)
    assert event_date(doc, _token(doc, "held")).start == "2017-12-07"


def test_past_event_never_gets_a_future_date(time_doc):
    doc = time_doc("The president signed the decree next week.", "2017-12-11")
    date = event_date(doc, _token(doc, "signed"))
    assert date.text is None and date.start == "2017-12-11"


def test_future_event_may_take_a_future_date(time_doc):
    doc = time_doc("The president will sign the decree next week.", "2017-12-11")
    assert event_date(doc, _token(doc, "sign")).start == "2017-12-18"


def test_then_carries_the_previous_date(time_doc):
    doc = time_doc(
        "Police arrested the leaders last Friday. The protesters then marched to the parliament.", "2017-12-11"
    )
    date = event_date(doc, _token(doc, "marched"))
    assert (date.start, date.text) == ("2017-12-08", "last Friday")


def test_during_that_visit_inherits_the_visits_date(time_doc):
    doc = time_doc("The envoy visited Moscow in October. During that visit, he signed a trade agreement.", "2017-12-11")
    date = event_date(doc, _token(doc, "signed"))
    assert (date.start, date.end, date.granularity, date.text) == (
        "2017-10-01",
        "2017-10-31",
        "month",
        "During that visit",
    )


def test_after_the_meeting_inherits_the_meetings_date(time_doc):
    doc = time_doc(
        "The two leaders met in Ankara on Monday. After the meeting, they announced a joint commission.", "2017-12-13"
    )
    date = event_date(doc, _token(doc, "announced"))
    assert (date.start, date.text) == ("2017-12-11", "After the meeting")


def test_reference_to_an_undated_event_falls_back_to_publication(time_doc):
    doc = time_doc("The envoy visited Moscow. During that visit, he signed a trade agreement.", "2017-12-11")
    assert event_date(doc, _token(doc, "signed")).text is None


def test_reference_without_antecedent_is_not_a_date(time_doc):
    doc = time_doc("During the visit, he signed a trade agreement.", "2017-12-11")
    assert doc.timexes == []


def test_a_nouns_date_in_a_present_clause_is_read_without_tense(time_doc):
    # "the slaughter early Sunday has ...": the present says nothing about the noun's date (issue 25)
    doc = time_doc(
        "Officials met on Monday. The slaughter early Sunday at the club has a political side.", "2016-06-15"
    )
    sunday = next(t for t in doc.timexes if "Sunday" in t.date.text)
    assert sunday.date.start == "2016-06-12"


def test_a_name_the_tagger_read_as_a_verb_is_no_clause_head(time_doc):
    """ "bloc ECOWAS on Sunday set up": the tagger reads ECOWAS as VBN in the subject's place; the
    date between subject and verb is the verb's (not the lead's publication day)."""
    from diurna.time.syntax import is_clause_head

    text = "West Africa's regional bloc ECOWAS on Sunday set up a committee to negotiate with the junta."
    doc = time_doc(text, "2023-12-11")
    subject = next(t for t in doc.spacy_doc if t.dep_ == "nsubj")
    assert not is_clause_head(subject)
    trigger = next(t.i for t in doc.spacy_doc if t.text == "set")
    assert (event_date(doc, trigger).start, event_date(doc, trigger).end) == ("2023-12-10", "2023-12-10")


@pytest.mark.parametrize(
    "text, word, expected",
    [
        # a date closing a coordination of verbs with one subject dates each of them
        (
            "Libya remains in chaos after Gaddafi was overthrown and killed in 2011.",
            "overthrown",
            ("2011-01-01", "2011-12-31"),
        ),
        (
            "The air force killed 20 militants and destroyed 21 motorcycles in an airstrike over the weekend.",
            "killed",
            ("2025-05-31", "2025-06-01"),
        ),
    ],
)
def test_a_date_closing_a_coordination_dates_the_earlier_verbs(time_doc, text, word, expected):
    doc = time_doc(text, "2025-06-02")
    trigger = next(t.i for t in doc.spacy_doc if t.text == word)
    assert (event_date(doc, trigger).start, event_date(doc, trigger).end) == expected


def test_a_later_conjunct_with_its_own_subject_keeps_its_date(time_doc):
    """ "Police arrested him and the court released him on Monday": two clauses, two times."""
    from diurna.time.dating import governing_timex

    doc = time_doc("Police arrested the activist and the court released him on Monday.", "2025-06-04")
    arrested, released = (next(t.i for t in doc.spacy_doc if t.text == w) for w in ("arrested", "released"))
    assert governing_timex(doc, released).date.start == "2025-06-02"
    assert governing_timex(doc, arrested) is None


@pytest.mark.parametrize(
    "text, trigger, start",
    [
        # a bare weekday after a name set off by commas: the parser hangs it on the name
        ("Police detained the opposition leader, Bobi Wine, Thursday outside his home.", "detained", "2017-12-07"),
        (
            "Gunmen kidnapped a local official, Ahmed Musa, Sunday as part of a wave of abductions.",
            "kidnapped",
            "2017-12-10",
        ),
        # a bare weekday after a reporting verb's addressee: the parser hangs it on the reported clause
        (
            "The union leader told members Sunday the strike would begin at dawn.",
            "told",
            "2017-12-10",
        ),
        ("The general told troops Friday the army would soon push into the valley.", "told", "2017-12-08"),
    ],
)
def test_a_bare_weekday_after_an_argument_dates_the_clause(time_doc, text, trigger, start):
    doc = time_doc("Fighting Flares\n\nTalks stalled in the region this month.\n\n" + text, "2017-12-11")
    date = rules_date(doc, _token(doc, trigger))
    assert (date.start, date.granularity) == (start, "day")


def test_the_weekday_reattached_from_a_name_or_an_addressee(time_doc):
    """The re-attachments one by one (diurna/time/syntax.py), on the parse itself."""
    from diurna.time.syntax import attachment

    doc = time_doc("Police detained the opposition leader, Bobi Wine, Thursday outside his home.", "2017-12-11")
    span = next(t for t in doc.timexes if t.date.text == "Thursday")
    att = attachment(doc.spacy_doc[span.token_start : span.token_end])
    assert att.verb == _token(doc, "detained")
    doc = time_doc("The union leader told members Sunday the strike would begin at dawn.", "2017-12-11")
    span = next(t for t in doc.timexes if t.date.text == "Sunday")
    att = attachment(doc.spacy_doc[span.token_start : span.token_end])
    assert att.verb == _token(doc, "told")


@pytest.mark.parametrize(
    "text, trigger",
    [
        # the act is aimed at the dated thing, not done on its day (dating._turned_towards)
        ("Farmers marched through the capital to protest against the March 3 decree.", "protest"),
        ("The senator campaigned in Ohio ahead of the May 3 primary.", "campaigned"),
        ("The unions are mobilising their members towards the June 12 vote.", "mobilising"),
    ],
)
def test_a_date_naming_the_noun_an_act_is_turned_towards_does_not_date_the_act(time_doc, text, trigger):
    doc = time_doc(text, "2019-03-20")
    token = _token(doc, trigger)
    assert governing_timex(doc, token) is None
    assert rules_date(doc, token).start == "2019-03-20"


@pytest.mark.parametrize(
    "text, trigger",
    [
        # a noun the event happens at or in keeps dating it
        ("The minister spoke at the March 3 summit in Accra.", "spoke"),
        ("Two soldiers died in the March 3 ambush near the border.", "died"),
        ("Farmers marched through the capital to protest against the March 3 decree.", "decree"),
    ],
)
def test_a_date_naming_an_occasion_or_its_own_noun_still_dates_it(time_doc, text, trigger):
    doc = time_doc(text, "2019-03-20")
    assert governing_timex(doc, _token(doc, trigger)).date.start == "2019-03-03"
