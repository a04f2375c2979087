"""The time stage on running text: what it finds, what it leaves alone, offsets, anchoring."""

from __future__ import annotations

import datetime as dt

import pytest

from diurna.time import fallback


def _texts(doc):
    return [t.date.text for t in doc.timexes]


def test_offsets_and_tokens_point_at_the_expression(time_doc):
    doc = time_doc("The mayor resigned on Monday. Elections follow in March 2018.", "2017-12-13")
    for t in doc.timexes:
        assert doc.text[t.start : t.end] == t.date.text
        span = doc.spacy_doc[t.token_start : t.token_end]
        assert span.start_char <= t.start and t.end <= span.end_char
    assert _texts(doc) == ["on Monday", "in March 2018"]


def test_relative_and_absolute_expressions_are_anchored_differently(time_doc):
    doc = time_doc("The deal signed on 3 May 2016 was renewed last week.", "2017-12-13")
    anchored = {t.date.text: t.date.anchored_to for t in doc.timexes}
    assert anchored == {"on 3 May 2016": "explicit", "last week": "published"}


@pytest.mark.parametrize(
    "text",
    [
        "The rebels may march on the capital.",  # modal and verb, not months
        "Thousands joined the march despite the rain.",
        "The council adopted Resolution 2334 by fourteen votes.",  # a number, not a year
        "He was jailed for two years for his role in the riots.",  # a duration dates nothing
        "The 45-year-old minister has led the party since its founding.",
    ],
)
def test_things_that_are_not_dates_are_left_alone(time_doc, text):
    assert time_doc(text, "2017-12-11").timexes == []


def test_clock_times_alone_are_not_dates(time_doc):
    doc = time_doc("The curfew starts at 10 p.m. on Friday.", "2017-12-11")
    assert _texts(doc) == ["on Friday"]


def test_bare_month_and_year_are_taken_inside_a_spacy_date_entity(time_doc):
    doc = time_doc("Turkey's 2016 coup attempt failed within hours.", "2017-12-11")
    assert [(t.date.text, t.date.start) for t in doc.timexes] == [("2016", "2016-01-01")]


def test_dotted_dates_read_day_first(time_doc):
    doc = time_doc("The decree, dated 07.12.2017, was published on Monday.", "2017-12-11")
    assert doc.timexes[0].date.start == "2017-12-07"


def test_dateparser_reads_what_the_grammar_does_not(time_doc):
    assert fallback.parse_calendar_date("two years", dt.date(2017, 12, 11)) is None  # never durations
    doc = time_doc("The accord was signed on December the 8th in Vienna.", "2017-12-11")
    assert [(t.date.text, t.date.start, t.date.granularity) for t in doc.timexes] == [
        ("on December the 8th", "2017-12-08", "day")
    ]


def test_no_publication_date_leaves_a_warning_not_a_guess(nlp):
    from diurna.document import ArticleDoc
    from diurna.records import Article
    from diurna.time import TimeStage

    doc = ArticleDoc(article=Article(id="x", text="Talks resumed on Monday.", published=None))
    doc.spacy_doc = nlp(doc.text)
    TimeStage()(doc)
    assert doc.timexes == [] and doc.warnings


def test_later_expressions_count_from_the_previous_date(time_doc):
    doc = time_doc(
        "Troops entered the town on 2 March 2015. Three days later, the mayor fled. The next day, the army withdrew.",
        "2017-12-11",
    )
    assert [t.date.start for t in doc.timexes] == ["2015-03-02", "2015-03-05", "2015-03-06"]


def test_a_nouns_date_is_not_what_later_expressions_count_from(time_doc):
    """ "the March 1 accord" names the accord; "the following day" counts from the story's Wednesday."""
    doc = time_doc(
        "Ministers met on Wednesday and rejected the March 1 accord. In a statement issued the following day, "
        "Ankara called the meeting illegal.",
        "2024-03-15",
    )
    assert [t.date.start for t in doc.timexes] == ["2024-03-13", "2024-03-01", "2024-03-14"]


@pytest.mark.parametrize(
    "text",
    [
        "The senator told USA Today that she would vote against the bill.",  # a newspaper's name
        "The court ruled on the 13th amendment to the constitution.",  # an ordinal, not a day
        "Protesters gathered in the square the day before the vote.",  # relative to "the vote"
        "The senator spoke on ABC's \u201cThis Week\u201d about the bill.",  # a programme's title
    ],
)
def test_date_words_inside_names_and_phrases_are_not_dates(time_doc, text):
    assert time_doc(text, "2016-09-26").timexes == []


def test_since_only_looks_back(time_doc):
    doc = time_doc("Thousands of shootings since January 1st, the report says.", "2016-09-29")
    assert doc.timexes[0].date.start == "2016-01-01"


def test_a_present_tense_clause_does_not_push_a_possessive_date_forward(time_doc):
    doc = time_doc("Critics say Monday's debate exposed the candidate's weaknesses.", "2016-09-30")
    assert doc.timexes[0].date.start == "2016-09-26"


def test_at_the_time_is_the_date_the_discourse_was_at(time_doc):
    doc = time_doc("The rebels took the town in June 2014. At the time, the army was in disarray.", "2017-12-11")
    assert [(t.date.text, t.date.start) for t in doc.timexes] == [
        ("in June 2014", "2014-06-01"),
        ("At the time", "2014-06-01"),
    ]
    assert time_doc("At the time, the army was in disarray.", "2017-12-11").timexes == []


def test_day_ranges_span_their_days(time_doc):
    doc = time_doc("The survey was conducted September 16-19 among likely voters.", "2016-09-20")
    assert [(t.date.start, t.date.end, t.date.granularity) for t in doc.timexes] == [
        ("2016-09-16", "2016-09-19", "day")
    ]


def test_compound_number_words_count(time_doc):
    doc = time_doc("Seventy-four years ago, a naval battle changed the course of the war.", "2016-09-08")
    assert [(t.date.text, t.date.start) for t in doc.timexes] == [("Seventy-four years ago", "1942-01-01")]


def test_fallback_refuses_a_year_the_text_does_not_give():
    assert fallback.parse_calendar_date("September 16-19", dt.date(2016, 9, 20)) is None


@pytest.mark.parametrize(
    "text, day",
    [
        # an implicative, attempt or aspectual head: the infinitive is done at the head's (past) time
        ("Negotiators failed to reach a deal on Friday.", "2024-03-08"),
        ("The militia was unable to recapture the port on Saturday.", "2024-03-09"),
        ("Troops tried to enter the city on Monday.", "2024-03-11"),
        # a plan looks ahead: the next Friday
        ("The parties agreed to meet on Friday.", "2024-03-15"),
    ],
)
def test_a_weekday_on_an_infinitive_takes_its_heads_tense_when_done_at_its_time(time_doc, text, day):
    doc = time_doc(text, "2024-03-13")  # a Wednesday
    assert [t.date.start for t in doc.timexes] == [day]
