#!/usr/bin/env python3
"""Score diurna's event places against tests/places/event_places/plv_train_event_place_gold.tsv.

    .venv/bin/python scripts/eval_event_places.py [--shared ../shared] [--errors]

Each gold sentence is coded by the whole pipeline. The marked event is diurna's event whose source
or target has a mention overlapping the marked source or target (both, if some event has both);
a sentence where diurna finds no such event is counted apart ("event not found"). Its place is
right when it is the gold GeoNames id (one of them), within 25 km of it, or the same country where
the gold or the answer is country-level. No place counts as wrong. Also reported: how the places
were chosen (clause, sentence, dateline, story), and, for all gold sentences whether diurna found the
event or not, the place `locate_event` gives the word that joins the marked source and target in
the parse (their lowest common head): the place rules measured apart from event detection.
"""

from __future__ import annotations

import argparse
import collections
import csv
import math
import pathlib
import re
import sys

REPO = pathlib.Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

GOLD = REPO / "tests" / "places" / "event_places" / "plv_train_event_place_gold.tsv"
MARK = re.compile(r"</?[st]>")


def spans_of(marked: str) -> tuple[str, dict[str, list[tuple[int, int]]]]:
    """The plain sentence and the character spans of its <s> and <t> marks."""
    plain, spans, open_at = [], {"s": [], "t": []}, {}
    pos = 0
    for piece in re.split(r"(</?[st]>)", marked):
        if MARK.fullmatch(piece or ""):
            tag = piece.strip("</>")
            if piece.startswith("</"):
                spans[tag].append((open_at.pop(tag, pos), pos))
            else:
                open_at[tag] = pos
            continue
        plain.append(piece)
        pos += len(piece)
    return "".join(plain), spans


def touches(actors: dict, actor_id, spans) -> bool:
    """Does the actor (source or target of an event) have a mention in the marked spans?"""
    actor = actors.get(actor_id or "")
    return actor is not None and overlaps(actor.mentions, spans)


def overlaps(mentions, spans) -> bool:
    return any(m.start < e and s < m.end for m in mentions for s, e in spans)


def km(lat1, lon1, lat2, lon2) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    h = math.sin((p2 - p1) / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(math.radians(lon2 - lon1) / 2) ** 2
    return 6371.0 * 2 * math.asin(math.sqrt(min(1.0, h)))


def joining_word(doc, marks) -> int | None:
    """Token index of the lowest common head of the marked source and target."""
    sd = doc.spacy_doc
    roots = []
    for tag in ("s", "t"):
        if not marks[tag]:
            return None
        span = sd.char_span(*marks[tag][0], alignment_mode="expand")
        if span is None:
            return None
        roots.append(span.root)
    ancestors = [roots[0]] + list(roots[0].ancestors)
    for token in [roots[1]] + list(roots[1].ancestors):
        if token in ancestors:
            return token.i
    return None


def right(gold: dict, place, gazetteer) -> bool:
    ids = [int(x) for x in gold["geonameid"].split("|")]
    if place.geonameid in ids:
        return True
    if gold["level"] == "country" or place.precision == "country":
        return place.country == gold["country"]
    for gid in ids:
        entry = gazetteer.by_id(gid)
        if (
            entry is not None
            and entry.lat is not None
            and place.lat is not None
            and km(entry.lat, entry.lon, place.lat, place.lon) <= 25.0
        ):
            return True
    return False


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=pathlib.Path, default=REPO.parent / "shared")
    parser.add_argument("--errors", action="store_true")
    args = parser.parse_args()
    plv = args.shared / "data" / "plv" / "PLV_train.tsv"
    if not plv.exists():
        plv = pathlib.Path("/work/shared/data/plv/PLV_train.tsv")
    csv.field_size_limit(10**9)
    with open(plv, encoding="utf-8", newline="") as f:
        sentences = {r["sentence_id"]: r["marked_sentence"] for r in csv.DictReader(f, delimiter="\t")}
    with open(GOLD, encoding="utf-8", newline="") as f:
        gold = list(csv.DictReader(f, delimiter="\t"))

    from diurna.pipeline import Pipeline
    from diurna.places import locate_event
    from diurna.places.gazetteer import load

    pipeline, gazetteer = Pipeline(default_pubdate="2020-01-01"), load()
    tally, bases, errors = collections.Counter(), collections.Counter(), []
    for g in gold:
        text, marks = spans_of(sentences[g["sentence_id"]])
        doc = pipeline.code_text(text)
        actors = {a.id: a for a in doc.actors}
        places = {p.id: p for p in doc.places}

        scored = [
            (touches(actors, e.source, marks["s"]) + touches(actors, e.target, marks["t"]), e) for e in doc.events
        ]
        scored = [(n, e) for n, e in scored if n]
        tally["sentences"] += 1
        joint = joining_word(doc, marks)
        if joint is not None:
            located = locate_event(doc, joint)
            joint_place = places.get(located.place_id) if located is not None else None
            tally["joint"] += 1
            tally["joint right"] += joint_place is not None and right(g, joint_place, gazetteer)
        if not scored:
            tally["event not found"] += 1
            continue
        event = max(scored, key=lambda ne: ne[0])[1]
        tally["events"] += 1
        place = places.get(event.place or "")
        ok = place is not None and right(g, place, gazetteer)
        tally["right"] += ok
        tally["no place"] += place is None
        if place is not None:
            bases[event.place_basis, ok] += 1
        if not ok:
            got = (
                "none"
                if place is None
                else "%s %s/%s (%s)" % (place.name, place.country, place.geonameid, event.place_basis)
            )
            errors.append(
                "%s: gold %s %s -> %s | trigger %r"
                % (g["sentence_id"], g["geonameid"], g["country"], got, event.trigger.text)
            )
    n = tally["events"]
    print("sentences %d; marked event found %d (not found %d)" % (tally["sentences"], n, tally["event not found"]))
    print("place right %d/%d (%.3f); no place %d" % (tally["right"], n, tally["right"] / max(n, 1), tally["no place"]))
    for basis in ("clause", "sentence", "dateline", "story"):
        print("  by %-8s right %d, wrong %d" % (basis, bases[basis, True], bases[basis, False]))
    print(
        "place rules at the word joining source and target (all sentences): right %d/%d (%.3f)"
        % (tally["joint right"], tally["joint"], tally["joint right"] / max(tally["joint"], 1))
    )
    if args.errors:
        print("\n".join(errors))
    return 0


if __name__ == "__main__":
    sys.exit(main())
