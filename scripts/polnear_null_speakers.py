#!/usr/bin/env python3
"""Counts behind two questions about speaker errors on PolNeAR quoted content, without printing text:

1. How many errors have a gold source that is itself a speech verb ("said", "according to"), i.e.
   an annotation whose source and cue spans are swapped, so that no predicted speaker can match?
2. For the quotations diurna leaves without a speaker, would a fallback to the speaker of the
   latest (or the next) attributed quotation of the article be right?
3. Where do the gold sources of the wrong verdicts sit, relative to the quotation (before, inside or
   after it, how many paragraphs and characters away), what are they (a pronoun, a name diurna made
   an actor of) and their cues (words, or which punctuation), and how does the quotation's paragraph
   open?

    .venv/bin/python scripts/polnear_null_speakers.py --split dev --pred /tmp/dev.jsonl

Matching is the scorer's own (through scripts/polnear_errors.py). Only counts are printed, so the
script may be run on dev without reading its examples.
"""

from __future__ import annotations

import argparse
import collections
import pathlib
import sys

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent))
import polnear_errors as pe  # noqa: E402

_SPEECH_VERB_SOURCES = {
    "said",
    "says",
    "say",
    "asked",
    "added",
    "told",
    "according to",
    "wrote",
    "tweeted",
    "explained",
    "noted",
    "stated",
    "declared",
}


def _speaker_tokens(sq, al, ptok, quote, actors) -> set:
    """The gold-aligned tokens of a predicted quote's speaker: its mention and its actor's mentions."""
    tokens = set(al.tokens(ptok, sq.resolve_span(quote.get("speaker_mention"), ptok.text)))
    if quote.get("speaker") in actors:
        for m in actors[quote["speaker"]].get("mentions") or []:
            tokens |= al.tokens(ptok, sq.resolve_span(m, ptok.text))
    return tokens


def _neighbour(quotes, start: int, direction: str):
    """The attributed quotation nearest before (or after) character `start`, if any."""
    attributed = [q for q in quotes if q.get("speaker") or q.get("speaker_mention")]
    if direction == "latest":
        before = [q for q in attributed if q["content"]["start"] < start]
        return max(before, key=lambda q: q["content"]["start"]) if before else None
    after = [q for q in attributed if q["content"]["start"] > start]
    return min(after, key=lambda q: q["content"]["start"]) if after else None


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--split", default="dev", choices=["train", "dev"])
    ap.add_argument("--pred", required=True)
    args = ap.parse_args()
    sq = pe.load_scorer()
    arts, gold = sq.load_gold(str(pe.SHARED / "data" / "polnear" / args.split))
    gtoks = {a: sq.Tokenized(t) for a, t in arts.items()}
    mapping, _ = sq.map_docs(sq.load_pred(args.pred), gtoks)
    swapped = collections.Counter()
    fallback = {"latest": collections.Counter(), "next": collections.Counter()}
    shapes = {"null": collections.Counter(), "wrong": collections.Counter()}
    articles = {"null": set(), "wrong": set()}
    for a, g, p, ok in pe.matched(sq, arts, gold, gtoks, args.pred, "direct"):
        source = ((g["rec"].get("source") or {}).get("text") or "").strip().lower()
        swapped[
            "wrong, source is a speech verb"
            if not ok and source in _SPEECH_VERB_SOURCES
            else "wrong"
            if not ok
            else "right"
        ] += 1
        doc, ptok = mapping[a]
        al = sq.Aligner(ptok, gtoks[a])
        actors = {x["id"]: x for x in doc.get("actors") or [] if isinstance(x, dict)}
        if not ok and g["rec"].get("source") and source not in _SPEECH_VERB_SOURCES:
            mentioned = set()
            for actor in actors.values():
                for m in actor.get("mentions") or []:
                    mentioned |= al.tokens(ptok, sq.resolve_span(m, ptok.text))
            shapes["wrong" if p["has_speaker"] else "null"].update(
                _shape(arts[a], g["rec"], bool(mentioned & g["source"]))
            )
            articles["wrong" if p["has_speaker"] else "null"].add(a)
        if p["has_speaker"]:
            continue
        for direction, counts in fallback.items():
            other = _neighbour(doc.get("quotes") or [], p["q"]["content"]["start"], direction)
            if other is None:
                counts["no such quotation" + (" (null was right)" if ok else "")] += 1
            elif g["source"] is None:
                counts["gold has no source: the fallback would be wrong"] += 1
            else:
                right = bool(_speaker_tokens(sq, al, ptok, other, actors) & g["source"])
                counts["fallback right" if right else "fallback wrong"] += 1
    print("speaker verdicts on quoted content (%s):" % args.split)
    for key, n in sorted(swapped.items()):
        print("  %-45s %5d" % (key, n))
    for direction, counts in fallback.items():
        print("null speakers, speaker of the %s attributed quotation:" % direction)
        for key, n in sorted(counts.items()):
            print("  %-45s %5d" % (key, n))
    for which, counts in shapes.items():
        print(
            "where the gold source sits, %s verdicts (a case counts once per line; %d articles):"
            % (which, len(articles[which]))
        )
        for key, n in sorted(counts.items()):
            print("  %-45s %5d" % (key, n))
    return 0


_PRONOUNS = {"he", "she", "they", "it", "we", "i", "you", "him", "her", "them", "his", "its", "their", "who"}


def _shape(text: str, rec: dict, source_is_an_actor: bool) -> list[str]:
    """Features of one gold attribution, for counting: no text of it is returned."""
    content, src, cue = rec["content"], rec["source"], rec["cue"]
    between = text[min(src["end"], content["end"]) : max(src["start"], content["start"])]
    breaks = between.count("\n\n") if "\n\n" in text else between.count("\n")
    paragraph_start = max(text.rfind("\n", 0, content["start"]) + 1, 0)
    opener = text[paragraph_start : content["start"]].strip()[:1]
    source_words = src["text"].split()
    return [
        "source "
        + ("before" if src["start"] < content["start"] else "inside" if src["start"] < content["end"] else "after")
        + " the content",
        "paragraphs between source and content: %s" % (breaks if breaks < 3 else "3+"),
        "source is a pronoun"
        if src["text"].strip().lower() in _PRONOUNS
        else "source has %s words" % (len(source_words) if len(source_words) < 4 else "4+"),
        "source overlaps an actor diurna found" if source_is_an_actor else "source is no actor diurna found",
        "cue is punctuation only"
        if not any(ch.isalnum() for ch in cue["text"])
        else "cue has %s words" % min(len(cue["text"].split()), 3),
        "the content opens its paragraph"
        if not opener
        else "paragraph opens with " + ("words" if opener.isalnum() else "a quotation mark") + " before the content",
        "characters between content and source: %s" % _bucket(len(between), (3, 10, 30, 100)),
        "cue's punctuation: %s"
        % ("".join(sorted({ch for ch in cue["text"] if not ch.isalnum() and not ch.isspace()})) or "none"),
        "source ends its paragraph"
        if text[src["end"] :].lstrip(" .)\t")[:1] in ("\n", "")
        else "words follow the source in its paragraph",
        "content is %s characters long" % _bucket(content["end"] - content["start"], (20, 60, 200)),
    ]


def _bucket(n: int, edges: tuple[int, ...]) -> str:
    for edge in edges:
        if n <= edge:
            return "<= %d" % edge
    return "> %d" % edges[-1]


if __name__ == "__main__":
    sys.exit(main())
