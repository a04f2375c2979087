#!/usr/bin/env python
"""Train diurna's learned event detector (diurna/events/detector.py); writes diurna/events/model/detector/.

    .venv/bin/pip install scikit-learn        # training only (pyproject extra "train")
    .venv/bin/python scripts/train_detector.py                  # select on folds of PLV + tune-A, fit on them, write
    .venv/bin/python scripts/train_detector.py --no-write       # selection figures only
    .venv/bin/python scripts/train_detector.py --select B --final-fit plv+A+B   # the twelfth session's way
    .venv/bin/python scripts/train_detector.py --select stage --docs DIR        # chosen by the events it adds
    .venv/bin/python scripts/train_detector.py --select stage --final-fit plv --docs DIR   # PLV alone, A unseen

Examples are verbs in real sentences:
- ../shared/data/plv/PLV_train.tsv: the verb governing each marked target is an event of its
  `gold_root` type; speech verbs and verbs outside that event's clause are NONE;
- the tuning part of the real-text set (eval/realtext/README.md): a gold event's trigger is the
  verb heading its evidence span; verbs of sentences that hold no gold event's evidence are NONE.
  The frozen part is never read here.

Model selection (`--select folds`, the default): the tuning articles are halved by id hash (A, B) and
B is never read. PLV_train's sentences and tune-A's articles are split into FOLDS folds (a sentence's
or an article's verbs stay in one fold: eval_realtext.fold_of); each fold is scored by a fit on the
others, and for each regularisation strength, decision and confidence threshold the setting kept is
the one with the best recall of event verbs on tune-A's out-of-fold verbs (real articles: the
distribution the stage meets) among those whose precision there is at least MIN_PRECISION (an event
the dictionaries missed is worth adding only when it is usually right). The packaged model is then
fitted on PLV + A with that setting, so that tune B stays a held-out check of the whole stage.
`--select B` is the twelfth session's selection (fits on PLV + A scored on B's verbs).
`--select stage` (the sixteenth session's) scores what the stage does with the detector's answers rather
than the verbs: A's articles coded by the whole events stage (pipeline documents kept in --docs), out of
fold for a PLV + A fit, whole for a PLV-only fit (`--final-fit plv`, which never sees A); a setting is
eligible only when strict recall rises and precision does not fall against the stage without a detector
(select_through_stage). scripts/experiments/detector_ceiling.py gives the bound: the same stage with
every asked verb answered by its gold label.

Decisions (detector.DECISIONS): "argmax" proposes a verb when its most probable label is an event
type with probability >= threshold; "event-mass" when the probabilities of all event types together
(1 - P(NONE)) reach the threshold, with the most probable event type.

Texts are read where they are and never copied into the repository; the model holds feature names and
weights only.
"""

from __future__ import annotations

import argparse
import csv
import json
import pathlib
import sys
from collections import Counter

import numpy as np

REPO = pathlib.Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "scripts"))

from diurna import nlp  # noqa: E402
from diurna.events.candidates import detector_may_read  # noqa: E402
from diurna.events.classifier import find_span  # noqa: E402
from diurna.events.detector import DECISIONS, ENCODING, MODEL_DIR, NONE, decide, dense, features  # noqa: E402
from diurna.events.dictionary import TriggerLexicon, lemma_candidates, lexicon_type  # noqa: E402
from eval_realtext import fold_of, half_of  # noqa: E402

PLV = REPO.parent / "shared" / "data" / "plv" / "PLV_train.tsv"
MIN_COUNT = 2
MIN_PRECISION = 0.70
NONE_OUTSIDE_EVIDENCE = True
FOLDS = 5
GRID_C = (0.1, 0.3, 1.0, 3.0)
GRID_THRESHOLD = (0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 0.95)
# through the events stage (--select stage) each setting codes A once more: a shorter grid
STAGE_THRESHOLDS = {"argmax": (0.4, 0.5, 0.6, 0.7), "event-mass": (0.9, 0.95)}


def _label(plover: str) -> str:
    return "CONCEDE" if plover == "YIELD" else plover


def plv_examples(lexicon: TriggerLexicon, groups: list[str] | None = None) -> list[tuple[list[str], str]]:
    """PLV_train's verbs as examples; `groups`, when given, gets each example's sentence ("plv:ROW")."""
    rows = list(csv.DictReader(PLV.open(encoding="utf-8", newline=""), delimiter="\t"))
    docs = nlp.parse([r["sentence"] for r in rows], 64)
    out = []
    for number, (row, doc) in enumerate(zip(rows, docs)):
        before = len(out)
        span = find_span(row["sentence"], row["target"]) or find_span(row["sentence"], row["source"])
        if span is None:
            continue
        target = doc.char_span(span[0], span[1], alignment_mode="expand")
        if target is None:
            continue
        trigger = next((t for t in target.root.ancestors if t.pos_ == "VERB"), None)
        if trigger is None:
            continue
        out.append((features(trigger, lexicon_type(lexicon, trigger)), dense(trigger), _label(row["gold_root"])))
        related = {trigger.i} | {t.i for t in trigger.ancestors} | {t.i for t in trigger.subtree}
        for verb in doc:
            if verb.pos_ == "VERB" and (verb.i not in related or lemma_candidates(verb)[0] in lexicon.speech_verbs):
                if verb.i != trigger.i:
                    out.append((features(verb, lexicon_type(lexicon, verb)), dense(verb), NONE))
        if groups is not None:
            groups.extend(["plv:%d" % number] * (len(out) - before))
    return out


def asked(lexicon: TriggerLexicon, verb) -> bool:
    """Whether the stage asks the detector about this verb (no lexicon sense, candidates.detector_may_read):
    the verbs the selection is scored on."""
    return lexicon.verb_sense(verb) is None and detector_may_read(lexicon, verb)


def realtext_examples(
    lexicon: TriggerLexicon, articles, groups: list[str] | None = None, asks: list[bool] | None = None
) -> list[tuple[list[str], str]]:
    """Verbs of the given (manifest, gold, text) articles with their gold labels; `groups`, when
    given, gets each example's article id, `asks` whether the stage would ask the detector (asked).
    With NONE_OUTSIDE_EVIDENCE, the verbs of an event's sentence outside every evidence span are NONE
    too: the stage asks about every uncoded verb of every sentence, not only those of eventless ones."""
    out = []
    texts = [text for _, _, text in articles]
    for (manifest, gold, text), doc in zip(articles, nlp.parse(texts, 8)):
        before = len(out)
        spans = []  # (start, end, type) of every evidence string
        for event in gold["events"] + gold.get("acceptable_extra", []):
            kind = event["type"] if isinstance(event["type"], str) else event["type"][0]
            for quote in [event["evidence"]] + list(event.get("evidence_alt", [])):
                at = text.find(quote)
                if at >= 0:
                    spans.append((at, at + len(quote), kind))
        for sent in doc.sents:
            inside = [s for s in spans if s[0] < sent.end_char and s[1] > sent.start_char]
            for verb in (t for t in sent if t.pos_ == "VERB"):
                before_verb = len(out)
                if not inside or (
                    NONE_OUTSIDE_EVIDENCE and not any(start <= verb.idx < end for start, end, _ in inside)
                ):
                    out.append((features(verb, lexicon_type(lexicon, verb)), dense(verb), NONE))
                else:
                    for start, end, kind in inside:
                        if start <= verb.idx < end and (
                            verb.head.idx < start or verb.head.idx >= end or verb.head == verb
                        ):
                            out.append((features(verb, lexicon_type(lexicon, verb)), dense(verb), _label(kind)))
                            break
                if asks is not None and len(out) > before_verb:
                    asks.append(asked(lexicon, verb))
        if groups is not None:
            groups.extend([manifest["id"]] * (len(out) - before))
    return out


def load_tune_articles():
    import eval_realtext as realtext

    data = realtext.default_data()
    out = []
    for manifest, gold in realtext.load(data, split="tune"):
        out.append((manifest, gold, (data / manifest["file"]).read_text(encoding="utf-8")))
    return out


def matrix(examples, vocabulary):
    from scipy.sparse import hstack, lil_matrix

    X = lil_matrix((len(examples), len(vocabulary)), dtype=np.float32)
    for i, (names, _, _) in enumerate(examples):
        for n in set(names):
            if n in vocabulary:
                X[i, vocabulary[n]] = 1.0
    return hstack([X.tocsr(), np.vstack([v for _, v, _ in examples])]).tocsr()


def build_vocabulary(examples) -> dict[str, int]:
    counts = Counter(n for names, _, _ in examples for n in set(names))
    return {n: i for i, n in enumerate(sorted(n for n, c in counts.items() if c >= MIN_COUNT))}


def fit(examples, c: float):
    from sklearn.linear_model import LogisticRegression

    vocabulary = build_vocabulary(examples)
    model = LogisticRegression(C=c, max_iter=3000, class_weight="balanced")
    model.fit(matrix(examples, vocabulary), [label for _, _, label in examples])
    return model, vocabulary


def scores(model, vocabulary, examples, threshold: float, decision: str = "argmax") -> dict[str, float]:
    """Event-verb detection on held-out verbs by a fitted model (`detection`)."""
    return detection(
        model.predict_proba(matrix(examples, vocabulary)), list(model.classes_), examples, threshold, decision
    )


def out_of_fold(examples, groups: list[str], c: float, folds: int = FOLDS) -> tuple[np.ndarray, list[str]]:
    """Each example's probabilities from a fit on the other folds (a sentence's or an article's verbs
    in one fold, eval_realtext.fold_of); the labels' order is the fits' (all folds hold every label)."""
    fold = np.array([fold_of(g, folds) for g in groups])
    proba, labels = None, None
    for k in range(folds):
        train = [e for e, f in zip(examples, fold) if f != k]
        test = [e for e, f in zip(examples, fold) if f == k]
        model, vocabulary = fit(train, c)
        p = model.predict_proba(matrix(test, vocabulary))
        if labels is None:
            labels = list(model.classes_)
            proba = np.zeros((len(examples), len(labels)), np.float32)
        proba[fold == k] = p[:, [list(model.classes_).index(lab) for lab in labels]]
    return proba, labels


def select_on_folds(plv, plv_groups, part_a, a_groups, a_asks):
    """The setting (C, decision, threshold) with the best recall of event verbs on tune-A's
    out-of-fold verbs that the stage asks the detector about (asked) among those whose precision there is >= MIN_PRECISION; PLV_train's
    out-of-fold figures are printed beside it. Returns (A's figures, C, decision, threshold) or None."""
    examples, groups = plv + part_a, plv_groups + a_groups
    asked_a = np.array(a_asks, bool)
    scored = [e for e, a in zip(part_a, asked_a) if a]
    best = None
    for c in GRID_C:
        proba, labels = out_of_fold(examples, groups, c)
        for decision in DECISIONS:
            for threshold in GRID_THRESHOLD:
                on_a = detection(proba[len(plv) :][asked_a], labels, scored, threshold, decision)
                on_plv = detection(proba[: len(plv)], labels, plv, threshold, decision)
                print(
                    "C=%-4s %-10s t=%.2f  out of fold on tune-A: %s  PLV: %s" % (c, decision, threshold, on_a, on_plv)
                )
                if on_a["precision"] >= MIN_PRECISION and (best is None or on_a["recall"] > best[0]["recall"]):
                    best = (on_a, c, decision, threshold)
    return best


def stage_counts(stage, sc, docs, detector) -> Counter:
    """The scorer's totals (strict, salient, right, predicted) of the documents coded by the whole events
    stage with `detector` (None: without the detector)."""
    from train_nominal import SCORE_ARGS

    stage.extract.detector = detector
    totals = Counter()
    for _, _, gold, doc in docs:
        doc.events = []
        stage(doc)
        r = sc.score_article(gold, doc.to_record().model_dump(mode="json"), SCORE_ARGS)
        totals.update({k: r[k] for k in ("strict", "sal", "correct", "n_pred")})
    return totals


def shown(t: Counter, base: Counter) -> str:
    return "strict %d/%d (%+d), right %d/%d = %.3f (%+.1f points)" % (
        t["strict"],
        t["sal"],
        t["strict"] - base["strict"],
        t["correct"],
        t["n_pred"],
        t["correct"] / max(1, t["n_pred"]),
        100 * (t["correct"] / max(1, t["n_pred"]) - base["correct"] / max(1, base["n_pred"])),
    )


def stage_baselines(stage, sc, docs) -> Counter:
    """The events stage's counts on `docs` without a detector (what every setting is measured against),
    printed with the packaged detector's beside them."""
    from diurna.events.detector import default_detector

    base = stage_counts(stage, sc, docs, None)
    print("tune-A, events stage without the detector: %s" % shown(base, base))
    packaged = default_detector()
    if packaged is not None:
        print("tune-A, with the packaged detector:       %s" % shown(stage_counts(stage, sc, docs, packaged), base))
    return base


def adds_without_cost(with_detector: Counter, without: Counter) -> bool:
    """Whether the detector's events are worth having: more strict events than without it, and
    precision (right / predicted) not below the stage's without it."""
    return (
        with_detector["strict"] > without["strict"]
        and with_detector["correct"] * without["n_pred"] >= without["correct"] * with_detector["n_pred"]
    )


def detector_of(model, vocabulary, threshold: float, decision: str):
    from diurna.events.detector import EventDetector

    return EventDetector(
        vocabulary,
        list(model.classes_),
        model.coef_.astype(np.float32),
        model.intercept_.astype(np.float32),
        threshold,
        decision,
    )


def select_through_stage(plv, part_a, a_groups, docs, plv_only: bool = False, folds: int = FOLDS):
    """The setting chosen by what the detector adds to the events, not to verbs: tune-A's articles
    (their pipeline documents in `docs`) are coded by the whole events stage and scored by realnews-dev's
    scorer. A model fitted on PLV + A codes each of A's folds (eval_realtext.fold_of) from a fit on PLV +
    the other folds; a model fitted on PLV alone (`plv_only`) has never seen A and codes it whole.
    Eligible: strict recall above the stage without a detector and precision not below it (a learned
    addition that costs precision is what the held-out halves have refused, docs/evaluation.md); the
    packaged setting is the eligible one with the most strict events, then the best precision, then the
    first in the grid (the strongest regularisation, argmax before event-mass, the lowest threshold).
    Returns (figures, C, decision, threshold) or None."""
    from diurna.events.stage import EventStage
    from eval_realtext import scorer

    stage, sc = EventStage(), scorer()
    base = stage_baselines(stage, sc, docs)
    gates = [(d, t) for d in DECISIONS for t in STAGE_THRESHOLDS[d]]
    best = None
    for c in GRID_C:
        totals = {g: Counter() for g in gates}
        parts = (
            [(plv, docs)]
            if plv_only
            else [
                (
                    plv + [e for e, g in zip(part_a, a_groups) if fold_of(g, folds) != k],
                    [d for d in docs if fold_of(d[0], folds) == k],
                )
                for k in range(folds)
            ]
        )
        for examples, held in parts:
            model, vocabulary = fit(examples, c)
            for decision, threshold in gates:
                totals[(decision, threshold)].update(
                    stage_counts(stage, sc, held, detector_of(model, vocabulary, threshold, decision))
                )
        for (decision, threshold), t in totals.items():
            print(
                "C=%-4s %-10s t=%.2f  tune-A %s, events stage: %s"
                % (c, decision, threshold, "(unseen)" if plv_only else "out of fold", shown(t, base))
            )
            if adds_without_cost(t, base) and (best is None or better(t, best[0])):
                best = (dict(t), c, decision, threshold)
    from diurna.events.detector import default_detector

    stage.extract.detector = default_detector()  # the stage as it was before the grid
    return best


def better(counts: Counter, than: dict) -> bool:
    """More strict events, or as many at a higher precision."""
    if counts["strict"] != than["strict"]:
        return counts["strict"] > than["strict"]
    return counts["correct"] * than["n_pred"] > than["correct"] * counts["n_pred"]


def select_on_b(plv, part_a, part_b):
    """The twelfth session's selection: fits on PLV + A scored on B's verbs (argmax decision)."""
    best = None
    for c in GRID_C:
        model, vocabulary = fit(plv + part_a, c)
        for threshold in GRID_THRESHOLD:
            s = scores(model, vocabulary, part_b, threshold)
            print("C=%-4s threshold=%.2f  on tune-B: %s" % (c, threshold, s))
            if s["precision"] >= MIN_PRECISION and (best is None or s["recall"] > best[0]["recall"]):
                best = (s, c, "argmax", threshold)
    return best


def packaged_scores(examples, directory: pathlib.Path = MODEL_DIR) -> dict[str, float] | None:
    """The packaged detector's `detection` at its own threshold, computed as the stage computes it
    (EventDetector.probabilities); None when absent or of other features."""
    from diurna.events.detector import EventDetector

    try:
        detector = EventDetector.load(directory)
    except (OSError, ValueError, KeyError):
        return None
    proba = np.vstack([detector.probabilities(names, vector) for names, vector, _ in examples])
    return detection(proba, detector.labels, examples, detector.threshold, detector.decision)


def detection(proba, labels, examples, threshold: float, decision: str = "argmax") -> dict[str, float]:
    """A verb is proposed when the decision (detector.decide) gives an event type with confidence >=
    threshold; right when that type is its gold type."""
    proposed = right = 0
    gold_events = sum(label != NONE for _, _, label in examples)
    for p, (_, _, label) in zip(proba, examples):
        found = decide(p, labels, decision)
        if found.type != NONE and found.probability >= threshold:
            proposed += 1
            right += found.type == label
    precision = right / proposed if proposed else 0.0
    recall = right / gold_events if gold_events else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {
        "proposed": proposed,
        "right": right,
        "gold": gold_events,
        "precision": round(precision, 3),
        "recall": round(recall, 3),
        "f1": round(f1, 3),
    }


def examples_of(lexicon: TriggerLexicon, with_b: bool, cache: pathlib.Path | None = None):
    """PLV_train's and the tune halves' examples with their groups (B's only when `with_b`: the
    default selection never reads B); kept in `cache` (a pickle) when given, so that a grid can be
    re-run without re-parsing."""
    import pickle

    if cache is not None and cache.exists():
        with open(cache, "rb") as f:
            data = pickle.load(f)
        if with_b == ("part_b" in data):
            return data
    data = {"plv_groups": [], "a_groups": [], "a_asks": []}
    data["plv"] = plv_examples(lexicon, data["plv_groups"])
    tune = load_tune_articles()
    data["part_a"] = realtext_examples(
        lexicon, [a for a in tune if half_of(a[0]["id"]) == "A"], data["a_groups"], data["a_asks"]
    )
    if with_b:
        data["part_b"] = realtext_examples(lexicon, [a for a in tune if half_of(a[0]["id"]) == "B"])
    if cache is not None:
        with open(cache, "wb") as f:
            pickle.dump(data, f)
    return data


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--no-write", action="store_true")
    ap.add_argument("--out", type=pathlib.Path, default=MODEL_DIR, help="where to write (default %(default)s)")
    ap.add_argument(
        "--select",
        choices=("folds", "stage", "B"),
        default="folds",
        help="folds: out of fold on PLV + tune-A's verbs (B never read); stage: out of fold on tune-A through the "
        "whole events stage (needs --docs); B: fits on PLV + A scored on B's verbs",
    )
    ap.add_argument(
        "--docs",
        type=pathlib.Path,
        help="directory keeping the pipeline documents of tune-A and realnews-dev (train_nominal.coded; made if absent)",
    )
    ap.add_argument(
        "--final-fit",
        choices=("plv+A+B", "plv+A", "plv"),
        default="plv+A",
        help="what the written model is fitted on after selection (plv+A keeps tune B held out for the event "
        "figures; plv+A+B needs --select B; plv: PLV_train alone, needs --select stage, which then codes tune-A "
        "whole: a PLV fit has never seen it)",
    )
    ap.add_argument("--cache", type=pathlib.Path, help="pickle of the examples (made if absent)")
    ap.add_argument(
        "--setting", help="C,DECISION,THRESHOLD (e.g. 1.0,argmax,0.5): fit and write this setting, no selection"
    )
    args = ap.parse_args()
    if args.final_fit == "plv" and args.select != "stage":
        ap.error("--final-fit plv needs --select stage")
    with_b = args.select == "B" or args.final_fit == "plv+A+B"
    data = examples_of(TriggerLexicon.load(), with_b, args.cache)
    plv, part_a, part_b = data["plv"], data["part_a"], data.get("part_b", [])
    print(
        "examples: PLV %d (%d events), tune-A %d (%d)%s"
        % (
            len(plv),
            sum(y != NONE for _, _, y in plv),
            len(part_a),
            sum(y != NONE for _, _, y in part_a),
            ", tune-B %d (%d)" % (len(part_b), sum(y != NONE for _, _, y in part_b)) if with_b else "",
        )
    )
    # the packaged detector, fitted on other articles (an earlier real-text set) or on this A
    print("packaged detector on tune-A: %s" % packaged_scores(part_a))
    print(
        "packaged detector on tune-A's asked verbs: %s"
        % packaged_scores([e for e, a in zip(part_a, data["a_asks"]) if a])
    )
    if args.setting:
        c, decision, threshold = args.setting.split(",")
        best = ({"chosen": "by hand (--setting), no selection"}, float(c), decision, float(threshold))
    elif args.select == "B":
        best = select_on_b(plv, part_a, part_b)
    elif args.select == "stage":
        from eval_realtext import default_data
        from train_nominal import coded

        if args.docs is None:
            ap.error("--select stage needs --docs DIR")
        docs = coded(default_data(), args.docs, only_a=True)["tune"]
        best = select_through_stage(plv, part_a, data["a_groups"], docs, plv_only=args.final_fit == "plv")
    else:
        best = select_on_folds(plv, data["plv_groups"], part_a, data["a_groups"], data["a_asks"])
    if best is None:
        # not an error (scripts/refit_models.sh runs on): the packaged detector stays in place
        print("no setting is eligible: nothing written, the packaged detector is kept")
        return 0
    s, c, decision, threshold = best
    print("selected C=%s decision=%s threshold=%.2f (%s: %s)" % (c, decision, threshold, args.select, s))
    if args.no_write:
        return 0
    model, vocabulary = fit(
        plv + ([] if args.final_fit == "plv" else part_a) + (part_b if args.final_fit == "plv+A+B" else []), c
    )
    args.out.mkdir(parents=True, exist_ok=True)
    np.savez_compressed(
        args.out / "detector.npz", weights=model.coef_.astype(np.float32), bias=model.intercept_.astype(np.float32)
    )
    (args.out / "detector.json").write_text(
        json.dumps(
            {
                "encoding": ENCODING,
                "labels": list(model.classes_),
                "threshold": threshold,
                "decision": decision,
                "C": c,
                "vocabulary": vocabulary,
                "selection": {
                    "on": {
                        "folds": "out of fold (%d folds) on PLV_train + tune-A, scored on tune-A's verbs" % FOLDS,
                        "stage": "tune-A (never fitted on) through the events stage"
                        if args.final_fit == "plv"
                        else "out of fold (%d folds) on tune-A through the events stage" % FOLDS,
                        "B": "tune-B's verbs, fits on PLV + tune-A",
                    }[args.select],
                    "figures": s,
                    "min_precision": MIN_PRECISION,
                },
                "trained_on": {
                    "plv_train_verbs": len(plv),
                    "realtext_tune_verbs": (0 if args.final_fit == "plv" else len(part_a))
                    + (len(part_b) if args.final_fit == "plv+A+B" else 0),
                    "final_fit": args.final_fit,
                },
            },
            sort_keys=True,
        ),
        encoding="utf-8",
    )
    print("wrote %s (%d features, %d labels)" % (args.out, len(vocabulary), len(model.classes_)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
