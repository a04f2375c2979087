"""event_place: the place in the event's clause, else the sentence's scene, else none."""

from __future__ import annotations

import pytest

from diurna.places import event_place


def _place_of(locate, text: str, trigger: str):
    doc = locate(text)
    token = next(t for t in doc.spacy_doc if t.text == trigger)
    place_id = event_place(doc, token.i)
    names = {p.id: p.name for p in doc.places}
    return names.get(place_id) if place_id else None


@pytest.mark.parametrize(
    "text, trigger, expected",
    [
        # the clause's own locative phrase or visited object
        ("A trade delegation from Seoul visited Hanoi last week.", "visited", "Hanoi"),
        ("Farmers took to the streets of Nairobi to protest against the new tax.", "took", "Nairobi"),
        ("Farmers took to the streets of Nairobi to protest against the new tax.", "protest", "Nairobi"),
        ("Opposition supporters gathered in Lima and blocked the main avenue.", "blocked", "Lima"),
        ("Police in Dhaka arrested twenty garment workers on Sunday.", "arrested", "Dhaka"),
        ("Government artillery shelled Idlib overnight, activists said.", "shelled", "Idlib"),
        ("The two foreign ministers met in Vienna on Tuesday.", "met", "Vienna"),
        ("Troops were deployed to Mogadishu after the attack.", "deployed", "Mogadishu"),
        ("Thousands marched in the capital after the ruling in Kenya.", "marched", "Nairobi"),
        # a name in apposition to its kind's noun, after a comma, is the place, not a participant's description
        (
            "Hundreds of protesters rallied on Wednesday against the government in the Kenyan capital, Nairobi.",
            "rallied",
            "Nairobi",
        ),
        ("Farmers blocked roads on Monday in the Peruvian capital, Lima, to protest fuel prices.", "blocked", "Lima"),
        # the scene set by the clause that embeds the event
        ("In Ankara, officials said Turkey would retaliate.", "retaliate", "Ankara"),
        # countries as actors, not locations
        ("Iran condemned the decision on Monday.", "condemned", None),
        ("The president spoke to Israel's prime minister by phone.", "spoke", None),
        ("Washington imposed new sanctions on Venezuela.", "imposed", None),
        # a country as a location
        ("Militants attacked a police post in Niger on Friday.", "attacked", "Niger"),
        # a state's territory is the state as a location, after any locative ("raids into", "strikes at targets on")
        ("Israel has carried out deeper raids into Lebanese territory.", "raids", "Lebanon"),
        ("Iran launched air strikes at targets on Pakistani territory.", "strikes", "Pakistan"),
        ("Hezbollah said it shot down an Israeli drone over Lebanese territory on Saturday.", "shot", "Lebanon"),
        # places in other clauses or quotations do not count; no default to the article's first place
        ("The minister, who lives in London, criticised the plan.", "criticised", None),
        ('Demonstrators chanted "death to England" and burned flags.', "chanted", None),
        ("Madrid said on Monday it would recall its ambassador.", "recall", None),
    ],
)
def test_event_place(locate, text, trigger, expected):
    assert _place_of(locate, text, trigger) == expected


def test_no_places_no_place(locate):
    doc = locate("The committee approved the budget on Thursday.")
    assert all(event_place(doc, t.i) is None for t in doc.spacy_doc)


def test_out_of_range_trigger_is_none(locate):
    doc = locate("Protesters gathered in Lagos.")
    assert event_place(doc, len(doc.spacy_doc) + 5) is None
    assert event_place(doc, -1) is None


def _located(locate, text: str, trigger: str):
    from diurna.places import locate_event

    doc = locate(text)
    token = next(t for t in doc.spacy_doc if t.text == trigger)
    found = locate_event(doc, token.i)
    if found is None:
        return None
    place = next(p for p in doc.places if p.id == found.place_id)
    return place.name, found.basis, found.precision, found.country


@pytest.mark.parametrize(
    "text, trigger, expected",
    [
        # the clause: how each answer says it was chosen, with its precision and country
        ("Police in Dhaka arrested twenty garment workers on Sunday.", "arrested", ("Dhaka", "clause", "place", "BGD")),
        ("Blinken's visit to China was the first in five years.", "visit", ("China", "clause", "country", "CHN")),
        ("India conducted missile strikes on Pakistan overnight.", "strikes", ("Pakistan", "clause", "country", "PAK")),
        (
            "Protests that spread to several cities of Iran turned violent.",
            "Protests",
            ("Iran", "clause", "country", "IRN"),
        ),
        ("Clashes erupted in Zambia's Western Province on Monday.", "erupted", ("Western", "clause", "region", "ZMB")),
        # the sentence, when the clause gives nothing
        ("After talks in Doha, the two sides agreed to a truce.", "agreed", ("Doha", "sentence", "place", "QAT")),
        (
            "She was arrested by the regime's police in Caracas on Thursday.",
            "arrested",
            ("Caracas", "sentence", "place", "VEN"),
        ),
        # a participant that goes somewhere: "access to", "a team of experts to"
        (
            "The government agreed to allow aid workers access to the Tigray region.",
            "allow",
            ("Tigrai", "clause", "region", "ETH"),
        ),
        (
            "France sent a team of experts to Mali to investigate the crash.",
            "investigate",
            ("Mali", "clause", "country", "MLI"),
        ),
        # a place under its kind's noun as the object: "captured the city of X"
        ("Rebels captured the strategic city of Uvira on Wednesday.", "captured", ("Uvira", "clause", "place", "COD")),
        # where the object is: an apposition on an attacked school, a Nigerian local government area
        (
            "Bandits attacked Bethel Secondary School, Maramara in Chikun Local Government Area of Kaduna State.",
            "attacked",
            ("Chikun", "clause", "district", "NGA"),
        ),
        # a reaction's object that is another event keeps its place: the reaction is placed elsewhere
        (
            "Sharif condemned the attacks in Bannu, his office said in Islamabad.",
            "condemned",
            ("Islamabad", "sentence", "place", "PAK"),
        ),
        # one event over several places of one region: the region
        (
            "Militants attacked police posts in Bannu and Peshawar in Khyber Pakhtunkhwa on Monday.",
            "attacked",
            ("Khyber Pakhtunkhwa", "clause", "region", "PAK"),
        ),
        # a relative clause opened by "where" tells what happened in the place it hangs from
        (
            "The president flew to Nukus, where protesters had tried to storm government buildings.",
            "storm",
            ("Nukus", "clause", "place", "UZB"),
        ),
        # "the Republic of X" naming a first-level unit; a town the text calls one, by a registered variant
        (
            "The president declared a state of emergency in the Republic of Karakalpakstan.",
            "declared",
            ("Qoraqalpog\u2018iston Respublikasi", "clause", "region", "UZB"),
        ),
        # a purpose clause ("in an attempt to") is the event's own, not another participant's
        (
            "Police fired tear gas in an attempt to disperse demonstrators in Cali.",
            "fired",
            ("Cali", "sentence", "place", "COL"),
        ),
        # a noun trigger's own phrase before the places of the verb above it
        (
            "Iraq summoned Iran's envoy in Baghdad to voice anger over Iranian strikes on northern Iraq.",
            "strikes",
            ("Iraq", "clause", "country", "IRQ"),
        ),
        # "the capital, Baku": the description means the city named beside it, not the last country's capital
        (
            "Protests in Armenia ended. On Friday, a district court in the capital, Baku, ordered her detained.",
            "ordered",
            ("Baku", "clause", "place", "AZE"),
        ),
        # "in search of", "in support of": complex prepositions, no location
        ("The two sides held talks in search of a Gaza truce.", "talks", None),
        # a possessor owns rather than locates, unless what it has is a place or part of one
        ("Erdogan condemned Netanyahu over Tel Aviv's war.", "condemned", None),
        ("Police fired on protesters in Baghdad's Tahrir Square.", "fired", ("Baghdad", "clause", "place", "IRQ")),
        # a headline's label: a place before a colon, or before a comma when it is no argument
        ("Sudan: RSF drones strike a hospital, killing nine.", "strike", ("Sudan", "sentence", "country", "SDN")),
        ("Mali, which is led by a junta, attacked the rebels.", "attacked", None),
        # a capital as the bare object of a verb of saying is its government, not a location
        ("United Nations experts accused Kigali of backing the rebels.", "accused", None),
        ("Drones struck Kyiv overnight, officials said.", "struck", ("Kyiv", "clause", "place", "UKR")),
        # an event noun's "of" names what it is done to, read as its verb's object
        ("The siege of Mariupol lasted almost three months.", "siege", ("Mariupol", "clause", "place", "UKR")),
        ("The invasion of Ukraine began in February.", "invasion", ("Ukraine", "clause", "country", "UKR")),
        ("The sanctions of Canada hurt exporters.", "sanctions", None),
    ],
)
def test_event_place_with_basis(locate, text, trigger, expected):
    assert _located(locate, text, trigger) == expected


def test_the_dateline_places_events_of_the_lead_only(locate):
    text = (
        "CAIRO (AP) - Police arrested ten protesters on Sunday, officials said.\n\nThe government later released them."
    )
    assert _located(locate, text, "arrested") == ("Cairo", "dateline", "place", "EGY")
    assert _located(locate, text, "released") is None


def test_the_dateline_reaches_two_sentences_of_a_paragraph_only(locate):
    text = (
        "WASHINGTON (AP) - The Treasury imposed sanctions on two officials on Monday. They were named in "
        "a statement. Officials said the sanctions were overdue. Security forces arrested dozens of protesters."
    )
    assert _located(locate, text, "imposed") == ("Washington", "dateline", "place", "USA")
    assert _located(locate, text, "arrested") is None


def test_a_heading_parsed_as_a_sentence_of_its_own_is_not_one_of_the_lead(locate):
    # "ISLAMABAD (AP) —" alone before the lead: the lead is still the two sentences after it
    text = (
        "ISLAMABAD (AP) \u2014 Police say a car bomb has exploded near a market, killing an officer. At least "
        "three police officers were also wounded in the bombing. Officials said more checks would follow. "
        "Security forces arrested dozens of people."
    )
    doc = locate(text)
    assert next(iter(doc.spacy_doc.sents)).text == "ISLAMABAD (AP) \u2014"  # the parse this test is about
    assert _located(locate, text, "wounded") == ("Islamabad", "dateline", "place", "PAK")
    assert _located(locate, text, "arrested") is None


def test_place_rules_have_names_and_examples():
    from diurna.places.clause import PLACE_RULES

    assert [r.basis for r in PLACE_RULES] == sorted(
        (r.basis for r in PLACE_RULES), key=["clause", "sentence", "dateline", "story"].index
    )
    assert all(r.example and r.name for r in PLACE_RULES)
