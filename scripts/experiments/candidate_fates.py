"""Where the events stage drops its candidates (issue #26): each candidate's fate (EventStage.decide:
emitted, or the step that left it out: the pair classifier sure of no event, a duplicate after the
argument chooser, the verifier's probability under the threshold, no recipient in a story), and what
each step costs: the scorer's totals with that step's drops let through, and (on tune half A only)
the dropped events that would have been right, by step.

Each set is parsed and coded once by the whole pipeline (`--cache DIR` keeps the documents); the
events stage is then run again on the coded documents for each variant, so a variant of the stage
(a threshold, a rule switched off by the environment) is measured in seconds.

    python scripts/experiments/candidate_fates.py --cache /tmp/gate13/docs A            # half A: totals, fates, examples
    python scripts/experiments/candidate_fates.py --cache /tmp/gate13/docs B rn         # held-out sets: totals only
    python scripts/experiments/candidate_fates.py --cache /tmp/gate13/docs A B rn --sweep gates   # each gate off in turn

`--sweep` switches each named event construction off in turn (constructions.py; "gates": the rules
that withhold a candidate, GATES) and prints the totals with it off, so that a gate too broad for
real text shows as strict recall gained without precision lost; on half A it also lists the events
the gate withholds, with their verdicts.

Sets: A and B (halves of the tune split, scripts/eval_realtext.half_of), rn (realnews-dev). The frozen
part is never read. On B and rn the script prints totals only (the held-out checks' discipline:
docs/evaluation.md): no event, verdict or example.
"""

from __future__ import annotations

import argparse
import collections
import pathlib
import pickle
import sys
from types import SimpleNamespace

REPO = pathlib.Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "scripts"))

from diurna.events import constructions as cx  # noqa: E402
from diurna.events import stage as st  # noqa: E402
from diurna.ingest.base import RawArticle  # noqa: E402
from diurna.pipeline import Pipeline  # noqa: E402
from eval_realtext import default_data, half_of, realnews_dev, scorer, tune_texts  # noqa: E402

# The event constructions that withhold a candidate the extractor made (or make none of a verb it
# reads): acts not reported as done, standing relations, events with no recipient in a story.
GATES = (
    "requested-action",
    "occurring-event",
    "denied-act",
    "conditional-act",
    "commemorated-event",
    "demanded-content",
    "evaluated-content",
    "domestic-visit",
    "taken-place-no-victim",
    "detected-forces-protest",
    "described-event",
    "awaited-act",
    "demanded-of-another",
    "recipientless-in-story",
    "standing-backing",
)
SCORE = SimpleNamespace(keep_negated=False, anywhere=False, lenient_null_target=False)
LABEL = SimpleNamespace(keep_negated=True, anywhere=False, lenient_null_target=False)


def articles_of(name: str) -> list[tuple[str, str, str, dict]]:
    """(id, text, publication date, gold) of a set: A, B (tune halves) or rn (realnews-dev)."""
    if name == "rn":
        return realnews_dev()
    return [a for a in tune_texts(default_data()) if half_of(a[0]) == name]


def coded(name: str, cache: pathlib.Path | None) -> list[tuple[str, dict, object]]:
    """(id, gold, coded ArticleDoc) per article of the set, from `cache` when there."""
    path = cache / ("%s.pkl" % name) if cache is not None else None
    if path is not None and path.exists():
        with open(path, "rb") as f:
            return pickle.load(f)
    items = articles_of(name)
    pipeline = Pipeline(time_budget=0)
    out = []
    for (article_id, _, _, gold), doc in zip(
        items, pipeline([RawArticle(origin=i, text=t, date=d) for i, t, d, _ in items])
    ):
        if not hasattr(doc, "spacy_doc"):
            raise SystemExit("%s: not coded: %s" % (article_id, doc))
        doc.spacy_doc.user_data.clear()  # the parse index's caches do not pickle; they are rebuilt
        out.append((article_id, gold, doc))
    if path is not None:
        path.parent.mkdir(parents=True, exist_ok=True)
        with open(path, "wb") as f:
            pickle.dump(out, f)
    return out


def fates_of(stage: st.EventStage, doc) -> list[st.Fate]:
    """The stage's fates on a coded document, its events coded again from scratch."""
    doc.events = []
    doc.article = doc.article.model_copy(update={"events_withheld": 0})
    fates = stage.decide(doc)
    # a candidate dropped before its record was made gets one, so that the scorer can say what it was
    return [f if f.event is not None else st.Fate(f.ruled, f.cand, f.step, _record(stage, doc, f)) for f in fates]


def _record(stage: st.EventStage, doc, fate: st.Fate):
    return stage._event(doc, fate.cand, fate.cand.plover, 0.0)


def record_with(doc, events) -> dict:
    record = doc.to_record().model_dump(mode="json")
    record["events"] = [e.model_dump(mode="json") for e in events]
    return record


def totals(sc, rows) -> collections.Counter:
    out = collections.Counter()
    for gold, record in rows:
        r = sc.score_article(gold, record, SCORE)
        out.update({k: r[k] for k in ("strict", "sal", "correct", "n_pred")})
    return out


def line(label: str, t: collections.Counter) -> str:
    return "%-34s strict %3d/%d (%.3f)  precision %3d/%d (%.3f)" % (
        label,
        t["strict"],
        t["sal"],
        t["strict"] / max(1, t["sal"]),
        t["correct"],
        t["n_pred"],
        t["correct"] / max(1, t["n_pred"]),
    )


def measure(name: str, docs, examples: int) -> None:
    sc = scorer()
    stage = st.EventStage()
    per_article = [(gold, doc, fates_of(stage, doc)) for _, gold, doc in docs]
    emitted = [
        (gold, record_with(doc, [f.event for f in fates if f.step == st.EMITTED])) for gold, doc, fates in per_article
    ]
    print("== %s (%d articles)" % (name, len(docs)))
    print(line("as the stage emits", totals(sc, emitted)))
    for step in st.DROP_STEPS:
        through = [
            (gold, record_with(doc, [f.event for f in fates if f.step in (st.EMITTED, step)]))
            for gold, doc, fates in per_article
        ]
        n = sum(f.step == step for _, _, fates in per_article for f in fates)
        print(line("+ %d let through at %s" % (n, step), totals(sc, through)))
    if name != "A":
        return  # held-out sets: totals only
    right = collections.Counter()
    shown = collections.defaultdict(list)
    for gold, doc, fates in per_article:
        labelled = sc.score_article(gold, record_with(doc, [f.event for f in fates]), LABEL)["_detail"]["pred_rows"]
        for f, row in zip(fates, labelled):
            right[f.step, bool(row["correct"])] += 1
            if f.step != st.EMITTED:
                g = row.get("gold")
                shown[f.step, bool(row["correct"])].append(
                    "%s %s %s -> %s  [%s%s]  %s"
                    % (
                        f.event.type,
                        f.event.trigger.text,
                        _name(doc, f.event.source),
                        _name(doc, f.event.target),
                        f.cand.rule,
                        "" if f.event.confidence is None else " p=%.2f" % f.event.confidence,
                        "" if g is None else "gold %s %s" % (g["id"], "/".join(sorted(sc.types_of(g)))),
                    )
                )
    print("\nfates (right = the scorer's strict match on a gold or acceptable-extra event):")
    for step in (st.EMITTED,) + st.DROP_STEPS:
        print("  %-16s right %3d  wrong %3d" % (step, right[step, True], right[step, False]))
    for (step, ok), lines in sorted(shown.items()):
        print("\n%s, %s (%d):" % (step, "right" if ok else "wrong", len(lines)))
        for text in lines[:examples]:
            print("   ", text)


def sweep(name: str, docs, rules: list[str]) -> None:
    """The totals with each rule switched off in turn (the events stage run again on the coded
    documents); on half A the events that appear, with their verdicts."""
    sc = scorer()
    stage = st.EventStage()

    def emitted():
        out = []
        for _, gold, doc in docs:
            fates = fates_of(stage, doc)
            out.append((gold, doc, [f.event for f in fates if f.step == st.EMITTED]))
        return out

    base = emitted()
    print("== %s (%d articles)" % (name, len(docs)))
    print(line("all rules on", totals(sc, [(g, record_with(d, ev)) for g, d, ev in base])))
    for rule in rules:
        with cx.switched_off(rule):
            off = emitted()
        print(line("%s off" % rule, totals(sc, [(g, record_with(d, ev)) for g, d, ev in off])))
        if name != "A":
            continue  # held-out sets: totals only
        for (gold, doc, before), (_, _, after) in zip(base, off):
            ids = {e.id for e in before}
            new = [e for e in after if e.id not in ids]
            if not new:
                continue
            rows = sc.score_article(gold, record_with(doc, new), LABEL)["_detail"]["pred_rows"]
            for e, row in zip(new, rows):
                g = row.get("gold")
                print(
                    "      + %s %s %s -> %s  %s%s"
                    % (
                        e.type,
                        e.trigger.text,
                        _name(doc, e.source),
                        _name(doc, e.target),
                        "right" if row["correct"] else "wrong",
                        "" if g is None else " (gold %s)" % g["id"],
                    )
                )


def _name(doc, actor_id) -> str:
    if actor_id is None:
        return "-"
    actor = doc.actor(actor_id)
    return actor.name if actor is not None else actor_id


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0], epilog=__doc__)
    ap.add_argument("sets", nargs="+", choices=("A", "B", "rn"))
    ap.add_argument("--cache", type=pathlib.Path, help="directory of pickled coded documents (made if absent)")
    ap.add_argument("--examples", type=int, default=20, help="examples per step and verdict (half A only)")
    ap.add_argument("--sweep", help="event constructions to switch off in turn, comma-separated, or 'gates'")
    args = ap.parse_args()
    for name in args.sets:
        if args.sweep:
            sweep(name, coded(name, args.cache), list(GATES) if args.sweep == "gates" else args.sweep.split(","))
        else:
            measure(name, coded(name, args.cache), args.examples)
    return 0


if __name__ == "__main__":
    sys.exit(main())
