#!/usr/bin/env python3
"""Error analysis of quote speakers on PolNeAR: which kinds of speaker error, and how many.

    .venv/bin/python scripts/eval_polnear.py --split train --sample 120 --only-quotes --keep /tmp/pred.jsonl
    .venv/bin/python scripts/polnear_errors.py --split train --pred /tmp/pred.jsonl [--subset direct|all] [--show CLASS]
    .venv/bin/python scripts/polnear_errors.py --split train --pred /tmp/new.jsonl --before /tmp/old.jsonl

Matches predictions to gold exactly as ../shared/eval/score_quotes.py does (it imports the scorer's
own functions) and sorts every matched gold attribution whose speaker is wrong into one class, by
what the gold source and cue look like and what was predicted. Prints counts per class, and with
`--show CLASS` the examples of one class (gold source, cue, predicted speaker words, a bit of
context). The examples are read from ../shared and only printed, never stored.
"""

from __future__ import annotations

import argparse
import collections
import importlib.util
import pathlib
import re
import sys

REPO = pathlib.Path(__file__).resolve().parent.parent
SHARED = REPO.parent / "shared"

_PRONOUNS = {"he", "she", "they", "it", "him", "her", "them", "we", "i", "you", "his", "its", "their"}
_RELATIVE = {"who", "which", "that", "whom", "whose"}
_SPEECH = re.compile(
    r"\b(say|says|said|saying|tell|tells|told|add|adds|added|according|write|writes|wrote|"
    r"ask|asks|asked|note|noted|tweet\w*|argue\w*|insist\w*|claim\w*|report\w*|"
    r"state[sd]?|explain\w*|continue\w*|declare\w*|warn\w*|call\w*)\b",
    re.I,
)
_DOCUMENT = re.compile(
    r"\b(poll|polls|survey|report|reports|study|memo|letter|statement|ad|ads|book|"
    r"article|filing|documents?|e-?mails?|transcript|release|data|analysis|website|"
    r"platform|plan|campaign|speech|interview|tweet|post|story|editorial)\b",
    re.I,
)


def load_scorer():
    spec = importlib.util.spec_from_file_location("score_quotes", SHARED / "eval" / "score_quotes.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def classify(g, p, text, gtok) -> str:
    rec = g["rec"]
    src = rec.get("source")
    cue = (rec.get("cue") or {}).get("text", "")
    q = p["q"]
    sm = q.get("speaker_mention") if isinstance(q.get("speaker_mention"), dict) else None
    if src is None:
        return "gold_no_source_pred_speaker"
    pcue = ((q.get("cue") or {}).get("text") or "").lower()
    if cue.lower().strip().startswith("according") and pcue and not pcue.startswith("according"):
        # '"...," X said, according to R': PolNeAR's source is the outer R, diurna's speaker X (via R)
        return "gold_according_to_outer_relay"
    stext = src["text"].strip()
    slow = stext.lower()
    if not p["has_speaker"]:
        if not _SPEECH.search(cue):
            return "pred_none/no_speech_cue"
        return "pred_none/speech_cue"
    pred_words = set()
    if sm is not None:
        pred_words = {t for t in gtok.span_tokens(sm["start"], sm["end"])}
    mention_hit = bool(pred_words & g["source"])
    if slow in _RELATIVE:
        return "gold_relative_pronoun"
    if slow in _PRONOUNS:
        if mention_hit:
            return "gold_pronoun/pred_same_words_actor_differs"  # same words, but mention-not-in-actor
        return "gold_pronoun/other"
    if sm is not None and sm["text"].lower() in _PRONOUNS:
        return "pred_pronoun_resolved_wrongly"
    if _DOCUMENT.search(stext) and len(stext.split()) <= 8:
        return "gold_document_or_poll"
    if not _SPEECH.search(cue):
        return "gold_cue_not_speech_verb"
    return "speech_cue/other"


def matched(sq, arts, gold, gtoks, pred_path: str, subset: str):
    """Every gold attribution of `subset` matched to a prediction, as the scorer matches them:
    yields (article, gold, pred, speaker_ok)."""
    docs = sq.load_pred(pred_path)
    mapping, _ = sq.map_docs(docs, gtoks)  # only articles that were coded
    for a in sorted(mapping):
        doc, ptok = mapping[a]
        gtok = gtoks[a]
        golds, preds = [], []
        for r in gold.get(a, []):
            golds.append(
                {
                    "rec": r,
                    "content": sq.gold_tokens(gtok, r["content"]),
                    "source": sq.gold_tokens(gtok, r["source"]) if r.get("source") else None,
                }
            )
        al = sq.Aligner(ptok, gtok)
        actors = {x["id"]: x for x in doc.get("actors") or [] if isinstance(x, dict)}
        for q in doc.get("quotes") or []:
            cspan = sq.resolve_span(q.get("content"), ptok.text)
            if cspan is None:
                continue
            spk = set()
            sm = sq.resolve_span(q.get("speaker_mention"), ptok.text)
            spk |= al.tokens(ptok, sm)
            sid = q.get("speaker")
            if sid is not None and sid in actors:
                for m in actors[sid].get("mentions") or []:
                    spk |= al.tokens(ptok, sq.resolve_span(m, ptok.text))
            preds.append(
                {
                    "q": q,
                    "content": al.tokens(ptok, cspan),
                    "speaker": spk,
                    "has_speaker": sid is not None or sm is not None,
                    "actor": actors.get(sid),
                }
            )
        cands = []
        for gi, g in enumerate(golds):
            for pi, p in enumerate(preds):
                if g["content"] & p["content"]:
                    f = sq.content_f1(g["content"], p["content"], gtok)
                    if f >= sq.MIN_F1:
                        cands.append((-f, gi, pi))
        cands.sort()
        gm, pm = {}, {}
        for _, gi, pi in cands:
            if gi in gm or pi in pm:
                continue
            gm[gi], pm[pi] = pi, gi
        for gi, pi in gm.items():
            g, p = golds[gi], preds[pi]
            direct = bool(g["rec"].get("direct"))
            if subset == "direct" and not direct or subset == "other" and direct:
                continue
            ok = (not p["has_speaker"]) if g["source"] is None else bool(p["speaker"] & g["source"])
            yield a, g, p, ok


def describe(g, p, text: str) -> str:
    """One example for a person to read: gold source and cue, the prediction, a bit of context."""
    rec, q = g["rec"], p["q"]
    sm = q.get("speaker_mention") or {}
    cs = rec["content"]["start"]
    src = rec.get("source") or {}
    lo = min(cs, src.get("start", cs), rec["cue"]["start"]) if rec.get("cue") else cs
    ctx = text[max(0, lo - 60) : lo + 220].replace("\n", " / ")
    return "%s gold=%r cue=%r pred=%r actor=%r kind=%s pcue=%r\n    %s\n" % (
        rec["id"],
        src.get("text"),
        rec["cue"]["text"],
        sm.get("text"),
        (p["actor"] or {}).get("name"),
        q.get("kind"),
        (q.get("cue") or {}).get("text"),
        ctx,
    )


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--split", default="train", choices=["train", "dev"])
    ap.add_argument("--pred", required=True)
    ap.add_argument(
        "--before",
        help="an earlier prediction file: list the attributions whose speaker "
        "turned wrong (and count those that turned right)",
    )
    ap.add_argument("--subset", default="direct", choices=["direct", "other", "all"])
    ap.add_argument("--show", help="print the examples of this class (a prefix is enough)")
    ap.add_argument("--limit", type=int, default=60)
    args = ap.parse_args()
    sq = load_scorer()
    split_dir = SHARED / "data" / "polnear" / args.split
    arts, gold = sq.load_gold(str(split_dir))
    gtoks = {a: sq.Tokenized(t) for a, t in arts.items()}
    if args.before:
        return compare(sq, arts, gold, gtoks, args)
    counts = collections.Counter()
    shown = 0
    n = 0
    for a, g, p, ok in matched(sq, arts, gold, gtoks, args.pred, args.subset):
        n += 1
        if ok:
            counts["ok"] += 1
            if not p["has_speaker"]:
                counts["(ok: both no speaker)"] += 1
            continue
        cls = classify(g, p, arts[a], gtoks[a])
        counts[cls] += 1
        if args.show and cls.startswith(args.show) and shown < args.limit:
            shown += 1
            print(describe(g, p, arts[a]))
    wrong = n - counts["ok"]
    print("correctly without a speaker (gold has no source either): %d" % counts["(ok: both no speaker)"])
    print(
        "subset=%s matched=%d speaker_ok=%d (%.3f) wrong=%d"
        % (args.subset, n, counts["ok"], counts["ok"] / max(1, n), wrong)
    )
    for cls, k in counts.most_common():
        if cls != "ok" and not cls.startswith("(ok"):
            print("  %-45s %4d" % (cls, k))
    return 0


def compare(sq, arts, gold, gtoks, args) -> int:
    """Attributions matched in both runs whose speaker verdict differs."""
    before = {g["rec"]["id"]: ok for _, g, _, ok in matched(sq, arts, gold, gtoks, args.before, args.subset)}
    fixed = broken = 0
    for a, g, p, ok in matched(sq, arts, gold, gtoks, args.pred, args.subset):
        was = before.get(g["rec"]["id"])
        if was is None or was == ok:
            continue
        if ok:
            fixed += 1
        else:
            broken += 1
            if broken <= args.limit:
                print("BROKEN " + describe(g, p, arts[a]))
    print("subset=%s: %d turned right, %d turned wrong" % (args.subset, fixed, broken))
    return 0


if __name__ == "__main__":
    sys.exit(main())
