"""The toponym case set (cases.yaml): accuracy of the place and of its country, with thresholds.

Thresholds follow the issue: >= 90 % right place (geonameid), >= 97 % right country; Mordecai 3
reports 79-90 % exact and about 98 % country on its evaluation sets.
"""
from __future__ import annotations

import pathlib
from dataclasses import dataclass
from typing import Optional

import pytest
import yaml

CASES_FILE = pathlib.Path(__file__).with_name("cases.yaml")
CASES = yaml.safe_load(CASES_FILE.read_text(encoding="utf-8"))
MIN_CASES = 150
THRESHOLDS = {"place": 0.90, "country": 0.97}


@dataclass
class Outcome:
    case: dict
    geonameid: Optional[int]
    country: Optional[str]


def predicted(doc, case: dict) -> Outcome:
    """The place the pipeline gave the toponym's first occurrence (None when it found none there)."""
    start = case["text"].index(case["toponym"])
    end = start + len(case["toponym"])
    for ref in doc.place_mentions:
        if ref.start < end and start < ref.end:
            place = next(p for p in doc.places if p.id == ref.place_id)
            return Outcome(case, place.geonameid, place.country)
    return Outcome(case, None, None)


@pytest.fixture(scope="module")
def outcomes(locate) -> list[Outcome]:
    return [predicted(locate(case["text"]), case) for case in CASES]


def test_case_set_is_large_and_well_formed():
    with_place = [c for c in CASES if c["place"] is not None]
    assert len(with_place) >= MIN_CASES
    for case in CASES:
        assert case["toponym"] in case["text"], case
        if case["place"] is not None:
            assert set(case["place"]) == {"name", "country", "feature", "geonameid"}, case


def test_gold_places_are_in_the_gazetteer():
    """A gold id the gazetteer lacks could never be found: that would be a broken case, not a miss."""
    from diurna.places.gazetteer import load
    gazetteer = load()
    for case in CASES:
        if case["place"] is not None:
            entry = gazetteer.by_id(case["place"]["geonameid"])
            assert entry is not None and entry.country == case["place"]["country"], case


@pytest.mark.parametrize("measure", sorted(THRESHOLDS))
def test_accuracy_meets_threshold(outcomes, measure):
    scored = [o for o in outcomes if o.case["place"] is not None]
    if measure == "place":
        right = [o for o in scored if o.geonameid == o.case["place"]["geonameid"]]
    else:
        right = [o for o in scored if o.country == o.case["place"]["country"]]
    accuracy = len(right) / len(scored)
    print("\n%s accuracy %.3f (%d/%d)" % (measure, accuracy, len(right), len(scored)))   # shown with -s
    misses = ["%s -> %s/%s (want %s/%s)" % (o.case["toponym"], o.geonameid, o.country,
                                            o.case["place"]["geonameid"], o.case["place"]["country"])
              for o in scored if o not in right]
    assert accuracy >= THRESHOLDS[measure], "%s accuracy %.3f over %d toponyms; misses: %s" % (
        measure, accuracy, len(scored), "; ".join(misses))


def test_words_that_are_not_places_stay_unplaced(outcomes):
    wrongly_placed = [o.case["toponym"] for o in outcomes if o.case["place"] is None and o.geonameid is not None]
    assert not wrongly_placed
