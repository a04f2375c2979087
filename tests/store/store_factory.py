"""Hand-built coded articles for store tests that need exact control over actors, events and dates
(no parsing: the pipeline's own behaviour is tested elsewhere)."""

from __future__ import annotations

from typing import Optional

from diurna.document import ArticleDoc
from diurna.ids import article_id as make_article_id
from diurna.ids import stable_id
from diurna.records import Actor, Article, ArticleDocument, CharRange, DateRef, Event, Place, TextSpan

# Who the hand-built events are about: (name, kb_id, code, country, kind).
ACTORS = {
    "kenya": ("Kenya", "kenya", "KEN", "KEN", "country"),
    "ethiopia": ("Ethiopia", "ethiopia", "ETH", "ETH", "country"),
    "ruto": ("William Ruto", "william_ruto", "KENGOV", "KEN", "person"),
    "abiy": ("Abiy Ahmed", "abiy_ahmed", "ETHGOV", "ETH", "person"),
    "police": ("police", None, "CHLCOP", "CHL", "group"),
    "protesters": ("protesters", None, "CHLOPP", "CHL", "group"),
    # generic actors coded without a country: one actor key ("name:COP:police") in two countries
    "police_ke": ("police", None, "COP", "KEN", "group"),
    "police_cl": ("police", None, "COP", "CHL", "group"),
}
CAMEO = {
    "CONSULT": ("040", 1, 1.0),
    "AGREE": ("030", 1, 4.0),
    "SUPPORT": ("051", 1, 3.4),
    "ACCUSE": ("112", 3, -2.0),
    "ASSAULT": ("180", 4, -9.0),
    "COERCE": ("170", 4, -7.0),
    "PROTEST": ("140", 3, -6.5),
    "AID": ("070", 2, 7.0),
    "THREATEN": ("130", 3, -4.4),
}


def event(
    kind: str,
    source: str,
    target: Optional[str],
    date: str,
    end: Optional[str] = None,
    granularity: str = "day",
    polarity: str = "asserted",
    place: Optional[str] = None,
    modality: str = "actual",
) -> dict:
    return {
        "type": kind,
        "source": source,
        "target": target,
        "date": date,
        "end": end or date,
        "granularity": granularity,
        "polarity": polarity,
        "place": place,
        "modality": modality,
    }


def article(
    text: str,
    published: str,
    events: list[dict],
    url: Optional[str] = None,
    source: Optional[str] = None,
    title: Optional[str] = None,
) -> ArticleDoc:
    """An ArticleDoc whose events are exactly `events` (made with `event`)."""
    aid = make_article_id(url, text)
    used = sorted({e["source"] for e in events} | {e["target"] for e in events if e["target"]})
    actors = []
    for key in used:
        name, kb, code, country, kind = ACTORS[key]
        start = max(text.find(name), 0)
        actors.append(
            Actor(
                id=stable_id("act_", aid, key),
                name=name,
                kb_id=kb,
                code=code,
                country=country,
                sector=code[3:] or None,
                kind=kind,
                mentions=[TextSpan(text=name, start=start, end=start + len(name))] if name in text else [],
            )
        )
    ids = {key: stable_id("act_", aid, key) for key in used}
    places = []
    records = []
    for i, e in enumerate(events):
        cameo, quad, goldstein = CAMEO[e["type"]]
        place_id = None
        if e["place"]:
            place_id = stable_id("plc_", aid, e["place"])
            if all(p.id != place_id for p in places):
                places.append(
                    Place(
                        id=place_id,
                        name=e["place"],
                        country="KEN",
                        geonameid=184745,
                        lat=-1.28,
                        lon=36.82,
                        feature="city",
                    )
                )
        records.append(
            Event(
                id=stable_id("evt_", aid, i),
                type=e["type"],
                cameo=cameo,
                quad_class=quad,
                goldstein=goldstein,
                source=ids[e["source"]],
                target=ids.get(e["target"]) if e["target"] else None,
                trigger=TextSpan(text=text[:4], start=0, end=4),
                sentence=CharRange(start=0, end=len(text)),
                date=DateRef(text=None, start=e["date"], end=e["end"], granularity=e["granularity"]),
                place=place_id,
                polarity=e["polarity"],
                modality=e.get("modality", "actual"),
                confidence=0.9,
            )
        )
    record = ArticleDocument(
        article=Article(id=aid, title=title, url=url, source=source, published=published, text=text),
        actors=actors,
        events=records,
        places=places,
    )
    return ArticleDoc.from_record(record, sentence_spans=[(0, len(text))])


# A small newsroom for filter, cluster and dashboard tests: two outlets report the same Kenyan
# accusation and meeting, a wire copy repeats the first report, and there are an intended (future)
# aid pledge, a denied threat, Chilean and Kenyan "police" (one actor key, two countries) and an
# event dated only to a month. ANALYST_COUNTS says what each filter must find.
_REPORT = (
    "Kenya accused Ethiopia on Sunday of backing armed groups along the shared border, a day after "
    "President William Ruto met Prime Minister Abiy Ahmed in Addis Ababa to discuss trade, water and "
    "security. Officials in Nairobi said the talks had gone well but that the border raids had to stop. "
    "Kenya also said it intends to send aid to Ethiopia from 2028 under a new regional agreement, "
    "while diplomats from both countries said further meetings were planned for the coming months."
)
_SECOND = (
    "Nairobi on Sunday accused Addis Ababa of arming militias near the frontier. The accusation came "
    "one day after the Kenyan president held talks with the Ethiopian prime minister, according to "
    "officials who spoke to The Standard about water sharing, trade routes and the security situation."
)
_OTHER = (
    "Ethiopia did not threaten Kenya, its foreign ministry said. In Santiago, police fired tear gas at "
    "protesters, and in Nairobi police detained the president's critics."
)
_MONTH = "Protesters rallied against the police throughout January, organisers said."


def analyst_corpus() -> list[ArticleDoc]:
    return [
        article(
            _REPORT,
            "2024-03-04",
            [
                event("ACCUSE", "kenya", "ethiopia", "2024-03-03", place="Nairobi"),
                event("CONSULT", "ruto", "abiy", "2024-03-02"),
                event("AID", "kenya", "ethiopia", "2028-01-01", "2028-12-31", "year", modality="intended"),
            ],
            url="https://nation.example/1",
            source="Daily Nation",
            title="Kenya accuses Ethiopia",
        ),
        article(
            _SECOND,
            "2024-03-04",
            [event("ACCUSE", "kenya", "ethiopia", "2024-03-03"), event("CONSULT", "ruto", "abiy", "2024-03-02")],
            url="https://standard.example/2",
            source="The Standard",
            title="Nairobi accuses Addis Ababa",
        ),
        article(
            _REPORT + " (agency copy)",
            "2024-03-05",
            [
                event("ACCUSE", "kenya", "ethiopia", "2024-03-03", place="Nairobi"),
                event("CONSULT", "ruto", "abiy", "2024-03-02"),
                event("AID", "kenya", "ethiopia", "2028-01-01", "2028-12-31", "year", modality="intended"),
            ],
            url="https://wire.example/3",
            source="Wire",
            title="Kenya accuses Ethiopia (copy)",
        ),
        article(
            _OTHER,
            "2024-02-10",
            [
                event("THREATEN", "ethiopia", "kenya", "2024-02-09", polarity="negated"),
                event("ASSAULT", "police_cl", "protesters", "2024-02-09"),
                event("COERCE", "police_ke", "ruto", "2024-02-09", place="Nairobi"),
            ],
            url="https://nation.example/4",
            source="Daily Nation",
        ),
        article(
            _MONTH,
            "2024-02-01",
            [event("PROTEST", "protesters", "police_cl", "2024-01-01", "2024-01-31", "month")],
            url="https://standard.example/5",
            source="The Standard",
        ),
    ]


ANALYST_COUNTS = {
    "mentions": 9,  # every event of the four independent articles (the copy's three left out)
    "with_copies": 12,
    "actual_asserted": 7,  # without the intended aid pledge and the denied threat
    "outlet Daily Nation": 6,
    "place_country KEN": 2,  # the accusation and the detention, placed in Nairobi
}


MEETING = "Kenyan President William Ruto met Ethiopian Prime Minister Abiy Ahmed in Nairobi on Tuesday."


def meeting_reports(second_day: str = "2023-03-14", title: Optional[str] = None) -> list[ArticleDoc]:
    """Two outlets' reports of one meeting: A's with its place, B's a day later with the meeting
    dated `second_day` (several store tests start from this pair and add their own articles)."""
    return [
        article(
            MEETING,
            "2023-03-14",
            [event("CONSULT", "ruto", "abiy", "2023-03-14", place="Nairobi")],
            url="https://a.example/1",
            source="A",
            title=title,
        ),
        article(
            "Ruto and Abiy held talks in the Kenyan capital.",
            "2023-03-15",
            [event("CONSULT", "ruto", "abiy", second_day)],
            url="https://b.example/1",
            source="B",
        ),
    ]
