"""The toponym case sets: accuracy of the place and of its country, with thresholds.

cases.yaml (the development set, 206 toponyms) must reach the issue's thresholds: >= 90 % right
place (geonameid), >= 97 % right country; Mordecai 3 reports 79-90 % exact and about 98 % country
on its evaluation sets. heldout_cases.yaml (written after the rules were settled, never tuned on)
is too small for those thresholds to be meaningful; its floor only guards against regressions.
"""

from __future__ import annotations

import pathlib
from dataclasses import dataclass

import pytest
import yaml

HERE = pathlib.Path(__file__).parent
CASES = yaml.safe_load((HERE / "cases.yaml").read_text(encoding="utf-8"))
HELDOUT = yaml.safe_load((HERE / "heldout_cases.yaml").read_text(encoding="utf-8"))
MIN_CASES = 150
THRESHOLDS = {
    ("cases", "place"): 0.90,
    ("cases", "country"): 0.97,
    ("heldout", "place"): 0.85,
    ("heldout", "country"): 0.85,
}


@dataclass
class Outcome:
    case: dict
    geonameid: int | None
    country: str | None


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
def outcomes(locate) -> dict[str, list[Outcome]]:
    return {
        name: [predicted(locate(case["text"]), case) for case in cases]
        for name, cases in (("cases", CASES), ("heldout", HELDOUT))
    }


def test_case_set_is_large_and_well_formed():
    with_place = [c for c in CASES if c["place"] is not None]
    assert len(with_place) >= MIN_CASES
    for case in CASES + HELDOUT:
        # The first occurrence is the one scored: it must be the whole word ("Tunis", not "Tunisian").
        assert case["toponym"] in case["text"], case
        start = case["text"].index(case["toponym"])
        end = start + len(case["toponym"])
        assert not case["text"][end : end + 1].isalnum() and not case["text"][start - 1 : start].isalnum(), case
        if case["place"] is not None:
            assert set(case["place"]) == {"name", "country", "feature", "geonameid"}, case


def test_gold_places_are_in_the_gazetteer():
    """A gold id the gazetteer lacks could never be found: that would be a broken case, not a miss."""
    from diurna.places.gazetteer import load

    gazetteer = load()
    for case in CASES + HELDOUT:
        if case["place"] is not None:
            entry = gazetteer.by_id(case["place"]["geonameid"])
            assert entry is not None and entry.country == case["place"]["country"], case


@pytest.mark.parametrize("case_set, measure", sorted(THRESHOLDS))
def test_accuracy_meets_threshold(outcomes, case_set, measure):
    scored = [o for o in outcomes[case_set] if o.case["place"] is not None]
    if measure == "place":
        right = [o for o in scored if o.geonameid == o.case["place"]["geonameid"]]
    else:
        right = [o for o in scored if o.country == o.case["place"]["country"]]
    accuracy = len(right) / len(scored)
    print("\n%s %s accuracy %.3f (%d/%d)" % (case_set, measure, accuracy, len(right), len(scored)))  # with -s
    misses = [
        "%s -> %s/%s (want %s/%s)"
        % (o.case["toponym"], o.geonameid, o.country, o.case["place"]["geonameid"], o.case["place"]["country"])
        for o in scored
        if o not in right
    ]
    assert accuracy >= THRESHOLDS[case_set, measure], "%s accuracy %.3f over %d toponyms; misses: %s" % (
        measure,
        accuracy,
        len(scored),
        "; ".join(misses),
    )


def test_words_that_are_not_places_stay_unplaced(outcomes):
    wrongly_placed = [
        o.case["toponym"]
        for outcome_set in outcomes.values()
        for o in outcome_set
        if o.case["place"] is None and o.geonameid is not None
    ]
    assert not wrongly_placed
