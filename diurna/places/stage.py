"""The places stage: toponyms found, geocoded offline, merged into one `Place` per location."""
from __future__ import annotations

from collections import Counter
from typing import TYPE_CHECKING

from diurna.document import ArticleDoc, PlaceRef
from diurna.ids import stable_id
from diurna.places import gazetteer as gazetteer_module
from diurna.places.clause import event_place
from diurna.places.dateline import find_dateline
from diurna.places.gazetteer import Gazetteer, GazetteerEntry
from diurna.places.lexicon import LOCATIVE
from diurna.places.resolve import MAX_COUNTRY_EVIDENCE, resolve
from diurna.places.toponyms import (
    Toponym,
    countries_by_demonym,
    feature_hint,
    find_toponyms,
)
from diurna.records import Place, TextSpan

if TYPE_CHECKING:
    from spacy.tokens import Token

__all__ = ["PlaceStage", "event_place"]

# The contract's three features (records.md); a district is a region there, with precision "district".
CONTRACT_FEATURE = {"city": "city", "district": "region", "region": "region", "country": "country"}


class PlaceStage:
    """Fills `doc.places` (one Place per location, with every mention) and `doc.place_mentions`."""
    name = "places"

    def __init__(self, gazetteer: Gazetteer | None = None):
        self.gazetteer = gazetteer or gazetteer_module.load()

    def __call__(self, doc: ArticleDoc) -> None:
        if doc.spacy_doc is None:
            return
        toponyms = self._with_dateline(doc, find_toponyms(doc, self.gazetteer))
        # Countries the article is about, besides its place names: its actors' and its demonyms'.
        evidence = Counter(a.country for a in doc.actors if a.country and a.kind != "country")
        evidence.update(countries_by_demonym(doc.spacy_doc, gazetteer_module.demonyms()))
        entries = resolve(toponyms, doc.spacy_doc, evidence)
        # The dateline says which country the story is filed from: as much evidence as any.
        filed = [e for t, e in zip(toponyms, entries) if t.dateline and e is not None]
        if filed:
            evidence[filed[0].country] += MAX_COUNTRY_EVIDENCE
            entries = resolve(toponyms, doc.spacy_doc, evidence)
        mentions: list[tuple[int, int, int, int, str, GazetteerEntry]] = [
            (t.token_start, t.token_end, t.start, t.end, t.text, entry)
            for t, entry in zip(toponyms, entries) if entry is not None]
        mentions.extend(self._capital_mentions(doc, toponyms, entries))
        mentions.sort(key=lambda m: m[0])
        places: dict[int, Place] = {}
        for token_start, token_end, start, end, text, entry in mentions:
            place = places.get(entry.geonameid)
            if place is None:
                place = places[entry.geonameid] = self._place(doc, entry)
            place.mentions.append(TextSpan(text=text, start=start, end=end))
            doc.place_mentions.append(PlaceRef(place.id, start, end, token_start, token_end))
        doc.places.extend(places.values())

    def _with_dateline(self, doc: ArticleDoc, toponyms: list[Toponym]) -> list[Toponym]:
        """Mark the dateline's toponym, adding it when spaCy did not label it ("KYIV" in capitals)."""
        dateline = find_dateline(doc.article.text)
        if dateline is None:
            return toponyms
        for toponym in toponyms:
            if toponym.start <= dateline.start < toponym.end:
                toponym.dateline = True
                return toponyms
        span = doc.spacy_doc.char_span(dateline.start, dateline.end, alignment_mode="expand")
        candidates = self.gazetteer.candidates(dateline.text) if span is not None else []
        if not candidates:
            return toponyms
        toponyms.append(Toponym(span.start, span.end, span.start_char, span.end_char, span.text, candidates,
                                feature_hint(span), dateline=True))
        toponyms.sort(key=lambda t: t.token_start)
        return toponyms

    @staticmethod
    def _place(doc: ArticleDoc, entry: GazetteerEntry) -> Place:
        return Place(id=stable_id("plc_", doc.article.id, entry.geonameid), name=entry.name, country=entry.country,
                     geonameid=entry.geonameid, lat=entry.lat, lon=entry.lon,
                     feature=CONTRACT_FEATURE[entry.feature], precision=entry.precision, mentions=[])

    def _capital_mentions(self, doc: ArticleDoc, toponyms: list[Toponym], entries: list[GazetteerEntry | None]):
        """"in the capital", "to the Iranian capital": a capital named by description where an event
        can take place. Its country is the possessor ("Iran's capital"), else the country of the
        nearest place named before it. Predicative uses ("recognise Jerusalem as Israel's
        capital") are not locations and are left alone."""
        located = [(t.token_start, e) for t, e in zip(toponyms, entries) if e is not None]
        for token in doc.spacy_doc:
            if not self._names_a_capital(token) or not self._locative_object(token):
                continue
            country = (self._possessor_country(token, toponyms, entries)
                       or self._country_in_sentence(token, located) or self._preceding_country(token.i, located))
            capital = self.gazetteer.capital_of(country) if country else None
            if capital is None:
                continue
            first = min([token] + [c for c in token.lefts if c.dep_ in ("det", "amod", "poss", "compound")],
                        key=lambda t: t.i)
            span = doc.spacy_doc[first.i:token.i + 1]
            yield (span.start, span.end, span.start_char, span.end_char, span.text, capital)

    @staticmethod
    def _names_a_capital(token: Token) -> bool:
        """"the capital", "the Iranian capital", "the capital city"."""
        if token.pos_ != "NOUN":
            return False
        if token.lemma_.lower() == "capital":
            return True
        return token.lemma_.lower() == "city" and any(c.lower_ == "capital" and c.dep_ in ("compound", "amod")
                                                       for c in token.children)

    @staticmethod
    def _locative_object(token: Token) -> bool:
        return token.dep_ == "pobj" and token.head.dep_ == "prep" and token.head.lower_ in LOCATIVE

    @staticmethod
    def _possessor_country(token: Token, toponyms: list[Toponym], entries) -> str | None:
        for child in token.children:
            if child.dep_ == "poss":
                for t, e in zip(toponyms, entries):
                    if e is not None and t.token_start <= child.i < t.token_end:
                        return e.country
        return None

    @staticmethod
    def _country_in_sentence(token: Token, located: list[tuple[int, GazetteerEntry]]) -> str | None:
        """"marched in the capital after the vote in Kenya": the sentence's nearest country name."""
        sentence = token.sent
        near = [(abs(start - token.i), e) for start, e in located
                if sentence.start <= start < sentence.end and e.feature == "country"]
        return min(near, key=lambda de: de[0])[1].country if near else None

    @staticmethod
    def _preceding_country(i: int, located: list[tuple[int, GazetteerEntry]]) -> str | None:
        before = [e for start, e in located if start < i]
        return before[-1].country if before else None
