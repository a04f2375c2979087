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
