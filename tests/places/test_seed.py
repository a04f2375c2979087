"""Seed article: every gold place found with its country (the scorer's place recall)."""

from __future__ import annotations

import json


def test_seed_place_recall(shared_dir, seed_text, locate):
    gold = json.loads((shared_dir / "seed" / "rouhani-haniyeh-2017.gold.json").read_text(encoding="utf-8"))
    doc = locate(seed_text)
    found = {(p.name.lower(), p.country) for p in doc.places}
    found |= {(m.text.lower(), p.country) for p in doc.places for m in p.mentions}
    missing = [g for g in gold["places"] if (g["name"].lower(), g["country"]) not in found]
    assert not missing


def test_seed_events_in_tehran_are_placed(seed_text, locate):
    from diurna.places import event_place

    doc = locate(seed_text)
    tehran = next(p.id for p in doc.places if p.name == "Tehran")
    for phrase in ("visited Tehran", "took to the streets of Tehran"):
        verb = phrase.split()[0]
        start = seed_text.index(phrase)
        token = next(t for t in doc.spacy_doc if t.idx == start and t.text == verb)
        assert event_place(doc, token.i) == tehran, phrase
