"""The places stage: toponyms found, geocoded offline, merged into one `Place` per location."""

from __future__ import annotations

from collections import Counter

from diurna.document import ArticleDoc, PlaceRef
from diurna.ids import stable_id
from diurna.nlp.dateline import find_dateline
from diurna.places import gazetteer as gazetteer_module
from diurna.places.clause import event_place
from diurna.places.described import described_places
from diurna.places.gazetteer import Gazetteer, GazetteerEntry
from diurna.places.names import fold
from diurna.places.resolve import MAX_COUNTRY_EVIDENCE, resolve
from diurna.places.scene import referring_places
from diurna.places.toponyms import (
    Toponym,
    countries_by_demonym,
    feature_hint,
    find_toponyms,
)
from diurna.places.unlisted import in_container, unlisted_places
from diurna.records import Place, TextSpan

__all__ = ["PlaceStage", "event_place"]

# The contract's three features (records.md); a district is a region there, with precision "district".
CONTRACT_FEATURE = {"city": "city", "district": "region", "region": "region", "country": "country"}


def _place_key(entry: GazetteerEntry) -> tuple:
    """GeoNames places by id; places it lacks (id 0) by their name and country."""
    if entry.geonameid:
        return (entry.geonameid,)
    return ("unlisted", fold(entry.name), entry.country)


class PlaceStage:
    """Fills `doc.places` (one Place per location, with every mention) and `doc.place_mentions`."""

    name = "places"
    # what the stage reads from the article and what it writes (the pipeline checks the order)
    requires = ("spacy_doc", "actors", "mentions")
    assigns = ("places", "place_mentions")

    def __init__(self, gazetteer: Gazetteer | None = None):
        self.gazetteer = gazetteer or gazetteer_module.load()

    def __call__(self, doc: ArticleDoc) -> None:
        if doc.spacy_doc is None:
            return
        toponyms = self._with_dateline(doc, find_toponyms(doc, self.gazetteer))
        # Countries the article is about, besides its place names: its actors' and its demonyms'.
        evidence = Counter(a.country for a in doc.actors if a.country and a.kind != "country")
        evidence.update(countries_by_demonym(doc.spacy_doc, gazetteer_module.demonyms()))
        entries = self._resolved(toponyms, doc.spacy_doc, evidence)
        # The dateline says which country the story is filed from: as much evidence as any.
        filed = [e for t, e in zip(toponyms, entries) if t.dateline and e is not None]
        if filed:
            evidence[filed[0].country] += MAX_COUNTRY_EVIDENCE
            entries = self._resolved(toponyms, doc.spacy_doc, evidence)
        mentions: list[tuple[int, int, int, int, str, GazetteerEntry]] = [
            (t.token_start, t.token_end, t.start, t.end, t.text, entry)
            for t, entry in zip(toponyms, entries)
            if entry is not None
        ]
        # An institution named without its state ("in parliament") is the story's country's.
        weight = evidence + Counter(e.country for e in entries if e is not None)
        story_country = weight.most_common(1)[0][0] if weight else None
        mentions.extend(
            described_places(
                doc.spacy_doc, toponyms, entries, self.gazetteer, gazetteer_module.demonyms(), story_country
            )
        )
        mentions.extend(referring_places(doc.spacy_doc, toponyms, entries))
        # An unresolved toponym's words stay open to the unlisted places (a name known only as a
        # namesake's variant, refused, may be a town the text calls one).
        taken = {i for t, e in zip(toponyms, entries) if e is not None for i in range(t.token_start, t.token_end)}
        taken.update(i for m in mentions for i in range(m[0], m[1]))
        mentions.extend(
            unlisted_places(
                doc.spacy_doc,
                toponyms,
                entries,
                self.gazetteer,
                gazetteer_module.demonyms(),
                story_country,
                taken,
            )
        )
        mentions.sort(key=lambda m: m[0])
        places: dict[object, Place] = {}
        for token_start, token_end, start, end, text, entry in mentions:
            key = _place_key(entry)
            place = places.get(key)
            if place is None:
                place = places[key] = self._place(doc, entry)
            place.mentions.append(TextSpan(text=text, start=start, end=end))
            doc.place_mentions.append(PlaceRef(place.id, start, end, token_start, token_end))
        doc.places.extend(places.values())

    @staticmethod
    def _resolved(toponyms: list[Toponym], spacy_doc, evidence: Counter) -> list[GazetteerEntry | None]:
        """Each toponym's place; a name refused as a namesake abroad is a place of the container the
        text names for it, at the container's level (its country is known, its point is not)."""
        abroad: dict[int, GazetteerEntry] = {}
        entries = resolve(toponyms, spacy_doc, evidence, abroad=abroad)
        for n, container in abroad.items():
            entries[n] = in_container(toponyms[n], container)
        return entries

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
        toponyms.append(
            Toponym(
                span.start,
                span.end,
                span.start_char,
                span.end_char,
                span.text,
                candidates,
                feature_hint(span),
                dateline=True,
            )
        )
        toponyms.sort(key=lambda t: t.token_start)
        return toponyms

    @staticmethod
    def _place(doc: ArticleDoc, entry: GazetteerEntry) -> Place:
        return Place(
            id=stable_id("plc_", doc.article.id, *_place_key(entry)),
            name=entry.name,
            country=entry.country,
            geonameid=entry.geonameid or None,
            lat=entry.lat,
            lon=entry.lon,
            feature=CONTRACT_FEATURE[entry.feature],
            precision=entry.precision,
            mentions=[],
        )
