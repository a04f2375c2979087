"""The background anchor rules (diurna/time/background.py): each rule's case, the same case with
the rule switched off, and the constructions each rule must leave to the news tenses.
The rules' dates (`rules_date`): the learned chooser (tests/time/test_chooser.py) may narrow them."""

from __future__ import annotations

import pytest

from diurna.time import rules_date
from diurna.time.anchoring import ANCHOR_RULES, BEFORE, anchor_event
from diurna.time.background import standing_position

PUB = "2024-03-15"  # a Friday
YEAR_BEFORE = "2023-03-16"  # the default first day of a `before` interval ending at PUB

# A lead paragraph that gives the day's news, so that the sentences below it are outside the lead.
LEAD = (
    "Talks Collapse\n\n"
    "The two governments broke off talks on Thursday after a border incident. "
    "Officials on both sides traded accusations. The talks had begun in January.\n\n"
)

# rule name -> (text, trigger word, nth occurrence, expected (start, end, granularity))
CASES = {
    "perfect_for_span": (
        LEAD + "Aid convoys crossed the border. Students have occupied the square for 19 days.",
        "occupied",
        0,
        ("2024-02-26", PUB, "week"),
    ),
    "perfect_description": (
        LEAD + "Aid convoys crossed the border. The ministry, which has promised an inquiry, declined to comment.",
        "promised",
        0,
        (YEAR_BEFORE, PUB, BEFORE),
    ),
    "standing_position": (
        LEAD + "Aid convoys crossed the border. Rwanda denies backing the rebels.",
        "denies",
        0,
        (YEAR_BEFORE, PUB, BEFORE),
    ),
    "perfect_below_lead": (
        LEAD + "Aid convoys crossed the border. Kigali has denied backing the rebels.",
        "denied",
        0,
        (YEAR_BEFORE, PUB, BEFORE),
    ),
    "standing_state": (
        LEAD + "Aid convoys crossed the border. Algiers supports the armed Polisario Front.",
        "supports",
        0,
        (YEAR_BEFORE, PUB, BEFORE),
    ),
    "possessed_event_noun": (
        LEAD + "Aid convoys crossed the border. The sanctions remain in place over Moscow's annexation of Crimea.",
        "annexation",
        0,
        (YEAR_BEFORE, PUB, BEFORE),
    ),
}


def _token(doc, word: str, nth: int = 0) -> int:
    return [t.i for t in doc.spacy_doc if t.text == word][nth]


def _interval(date) -> tuple[str, str, str]:
    return date.start, date.end, date.granularity


def test_every_rule_of_the_module_has_a_case():
    assert {r.name for r in ANCHOR_RULES if r.decide.__module__ == standing_position.__module__} == set(CASES)


def test_the_rules_run_before_the_news_tenses():
    names = [r.name for r in ANCHOR_RULES]
    assert max(names.index(n) for n in CASES) < names.index("news_tenses")
    assert min(names.index(n) for n in CASES) > names.index("lead")


@pytest.mark.parametrize("name", list(CASES))
def test_rule_decides_its_case_and_without_it_the_news_tenses_would(time_doc, name):
    text, word, nth, expected = CASES[name]
    doc = time_doc(text, PUB)
    trigger = _token(doc, word, nth)
    assert _interval(rules_date(doc, trigger)) == expected
    assert _interval(anchor_event(doc, trigger, disabled={name})) == (PUB, PUB, "day")


@pytest.mark.parametrize(
    "text, word",
    [
        # a relative clause set off by a dash
        (
            LEAD + "Observers left. The junta \u2014 which has suspended two newspapers \u2014 said nothing.",
            "suspended",
        ),
        # a present perfect coordinated with a present-tense stance
        (LEAD + "Observers left. Caracas claims the region and has vowed to recover it.", "claims"),
        # the simple present of "accuse": a charge the actor keeps making
        (LEAD + "Observers left. The opposition accuses the president of mismanagement.", "accuses"),
        # a stance in the present perfect below the lead, two texts of the construction
        (LEAD + "Observers left. Kigali has strongly denied accusations that it backs the rebels.", "denied"),
        (LEAD + "Observers left. The U.S. has blamed such attacks on Iranian proxies in Iraq.", "blamed"),
        # a standing position or a fact spread over time, in the present perfect below the lead
        (LEAD + "Observers left. Seoul has refused to sign the accord.", "refused"),
        (LEAD + "Observers left. Their demands have included a new constitution.", "included"),
        (LEAD + "Observers left. The militia has repeatedly attacked aid convoys.", "attacked"),
        (LEAD + "Observers left. The army has shelled the villages since the truce was signed.", "shelled"),
        (LEAD + "Observers left. The army has tried to cross the river since the truce was signed.", "tried"),
        # a standing relation, and a habit, in the simple present
        (LEAD + "Observers left. The rebel group controls nearly all of the province.", "controls"),
        (LEAD + "Observers left. The coalition generally targets positions close to the border.", "targets"),
        (LEAD + "Observers left. Australia frequently provides support to its neighbours.", "provides"),
    ],
)
def test_background_present_clauses_are_before_publication(time_doc, text, word):
    doc = time_doc(text, PUB)
    assert rules_date(doc, _token(doc, word)).granularity == BEFORE


@pytest.mark.parametrize(
    "text, word",
    [
        # below the lead, a passive present perfect states what the news left
        (LEAD + "Mediators were flown in. His alleged assailant has been detained by the police.", "detained"),
        # and a report's adverb marks the news
        (LEAD + "Mediators were flown in. Government forces have reportedly halted the attack.", "halted"),
        # a state verb in the present inside a quotation is the speaker's present
        (LEAD + 'Mediators were flown in. "The war will go on as long as the army occupies it," he said.', "occupies"),
        # a state verb in the lead paragraph is news
        ("The army controls the airport after a night of fighting, officials said.", "controls"),
        # the lead's present perfect is the day's news
        ("Somalia and Ethiopia have agreed to end a dispute over a port, the two leaders said.", "agreed"),
        # reported by a verb of saying: the report's news
        (LEAD + "Mediators were flown in. The police said they have arrested two men.", "arrested"),
        # the passive states what the news left
        (LEAD + "Mediators were flown in. The port, which has been closed by the navy, is empty.", "closed"),
        # a report's adverb
        (LEAD + "Mediators were flown in. The rebels, who have reportedly fled, left arms behind.", "fled"),
        # a relative clause that picks out whom the news is about, not set off by a comma
        (LEAD + "Mediators were flown in. The ten men who have been released flew home.", "released"),
        # an event noun with its actor as possessor, in the lead
        ("Ministers meet today to discuss Moscow's annexation of the peninsula, officials said.", "annexation"),
        # a stance verb in the lead is news
        ("The Kremlin denies the report of troop movements near the border, its spokesman said.", "denies"),
        # a stance in the present perfect in the lead is news
        ("The army has denied shelling the town, a spokesman said on state television.", "denied"),
        # reported by a verb of saying: the report's news
        (LEAD + "Mediators were flown in. The ministry said it has denied the visas.", "denied"),
        # below the lead, the other present perfects are the story's news too: the day's reactions
        (LEAD + "Mediators were flown in. Rights groups have criticised the arrests.", "criticised"),
        (LEAD + "Mediators were flown in. The African Union has condemned the violence.", "condemned"),
        (LEAD + "Mediators were flown in. Teachers have vowed to stay on strike.", "vowed"),
        (LEAD + "Mediators were flown in. Messages of support have come from several capitals.", "come"),
    ],
)
def test_news_in_the_present_perfect_keeps_the_publication_day(time_doc, text, word):
    doc = time_doc(text, PUB)
    assert _interval(rules_date(doc, _token(doc, word))) == (PUB, PUB, "day")


@pytest.mark.parametrize(
    "text, word, expected",
    [
        # a "with" absolute runs over its clause's span
        (
            LEAD + "Observers left. Strikes have gone on for three weeks, with dockers demanding higher pay.",
            "demanding",
            ("2024-02-24", PUB, "months"),
        ),
        # a fronted duration, a year counted back with the publication day as its last
        (
            LEAD + "Observers left. For two years, the rebels have held the northern town.",
            "held",
            ("2022-03-16", PUB, "years"),
        ),
        # one unit keeps its own granularity
        (
            LEAD + "Observers left. The two parties have been negotiating for a month.",
            "negotiating",
            ("2024-02-16", PUB, "month"),
        ),
    ],
)
def test_a_present_perfect_with_a_duration_spans_it_up_to_publication(time_doc, text, word, expected):
    doc = time_doc(text, PUB)
    assert _interval(rules_date(doc, _token(doc, word))) == expected


@pytest.mark.parametrize(
    "text, word",
    [
        # a simple past with a duration is over: not a span up to now
        (LEAD + "Observers left. The rebels held the northern town for two years.", "held"),
        # "for" naming a purpose, not a span
        (LEAD + "Observers left. Voters have queued for the election.", "queued"),
        # the term an act imposes runs from the act on
        (LEAD + "Observers left. The opposition leader has been jailed for 19 years.", "jailed"),
        (LEAD + "Observers left. The army has declared a ceasefire for three days.", "declared"),
        # a deployment for a term runs from the deployment on (review14)
        (LEAD + "Observers left. Ghana has deployed engineers to Liberia for one year.", "deployed"),
    ],
)
def test_a_duration_outside_the_present_perfect_is_no_span(time_doc, text, word):
    doc = time_doc(text, PUB)
    assert not (rules_date(doc, _token(doc, word)).text or "").startswith("for")


def test_a_body_of_one_paragraph_has_only_the_lead_as_its_lead(time_doc):
    """Copy whose paragraph breaks were lost (a body of one paragraph longer than a lead paragraph):
    below the lead sentences it is context, not the lead paragraph's news; a short text of one
    paragraph stays a lead paragraph (`test_anchoring`'s `news_tenses` case)."""
    text = (
        "Talks Collapse\n\n"
        "The two governments broke off talks on Thursday after a border incident. Officials on both sides "
        "traded accusations. Aid convoys crossed the border. Observers left. Mediators were flown in. The "
        "border stayed closed. Seoul has refused to file a complaint with the World Trade Organization."
    )
    doc = time_doc(text, PUB)
    assert rules_date(doc, _token(doc, "refused")).granularity == BEFORE


def test_the_span_is_kept_by_the_learned_chooser(time_doc):
    """A span of weeks holds the day another sentence names ("on Thursday" of the lead): the chooser,
    which may narrow a rule's interval to a day inside it, keeps this rule's span (review14)."""
    from diurna.time import event_date

    doc = time_doc(LEAD + "Observers left. Farmers have blocked the main road into the capital for two weeks.", PUB)
    date = event_date(doc, _token(doc, "blocked"))
    assert (date.start, date.end) == ("2024-03-02", PUB)
