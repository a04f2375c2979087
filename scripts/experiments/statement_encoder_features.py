"""Would the fine-tuned pair encoder help the statement model? Its 16 PLOVER probabilities for
(the statement's sentence, the speaker's mention, the recipient's mention) added as features
"enc:TYPE" of every statement; the model (learn=both) fitted on tune half A + the labelled PolNeAR
statements, read on half B (totals) and realnews-dev (totals) as train_statements.py simulates the
stage, and on PolNeAR out of fold by article. Measured in the tenth session: no setting raised B
without lowering its precision (docs/evaluation.md, issue 26). Reads the caches train_statements.py
writes; never the frozen part.

    .venv/bin/python scripts/experiments/statement_encoder_features.py \\
        --cache /tmp/st.json.gz --polnear-cache /tmp/pn.json.gz
"""

from __future__ import annotations

import argparse
import pathlib
import sys

REPO = pathlib.Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "scripts"))

import train_statements as ts  # noqa: E402
from diurna.events.classifier import MODEL_DIR, PairInput  # noqa: E402
from diurna.events.encoder import EncoderModel  # noqa: E402
from eval_realtext import half_of  # noqa: E402


def mention_in(actors: dict, actor_id, lo: int, hi: int):
    """The actor's first mention inside [lo, hi), relative to lo; None when it has none there."""
    for m in actors.get(actor_id, {}).get("mentions", []):
        if lo <= m["start"] and m["end"] <= hi:
            return (m["start"] - lo, m["end"] - lo)
    return None


def add_encoder_features(encoder: EncoderModel, statements_with_records) -> None:
    """ "enc:LABEL" features, in place, for (statement, coded record) pairs."""
    pairs, done = [], []
    for s, record in statements_with_records:
        text, (lo, hi) = record["article"]["text"], s["sentence"]
        actors = {x["id"]: x for x in record.get("actors", [])}
        target = s["per_type"]["ACCUSE"]["target"]
        pairs.append(
            PairInput(
                text[lo:hi],
                mention_in(actors, s["speaker"], lo, hi),
                mention_in(actors, target, lo, hi) if target else None,
            )
        )
        done.append(s)
    for s, p in zip(done, encoder.probabilities(pairs)):
        s["features"].update(("enc:" + label, float(v)) for label, v in zip(encoder.labels, p))


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--cache", type=pathlib.Path, required=True)
    ap.add_argument("--polnear-cache", type=pathlib.Path, required=True)
    args = ap.parse_args()
    sc = ts.scorer()
    sets = ts.coded_sets(ts.default_data(), args.cache)
    tune, realnews = sets["tune"], sets["realnews"]
    for part in (tune, realnews):
        ts.label(sc, part)
        ts.add_pairs(part)
    labels = ts.polnear_labels()
    coded = ts.polnear_coded(sorted({lab["article"] for lab in labels}), args.polnear_cache)
    ts.add_pairs(list(coded.values()))
    labelled = ts.label_polnear(labels, coded, ts.polnear_gold())
    encoder = EncoderModel(MODEL_DIR / "encoder")
    add_encoder_features(encoder, [(s, a["record"]) for a in tune + realnews for s in a["statements"]])
    add_encoder_features(encoder, [(s, coded[s["article"]]["record"]) for s in labelled])
    halves = {h: [a for a in tune if half_of(a["id"]) == h] for h in "AB"}
    train_a = [s for a in halves["A"] for s in a["statements"]]
    print(ts.show("B main", ts.figures(sc, halves["B"], None)))
    for c in (0.3, 1.0):
        fitted = ts.fit(train_a + labelled, c, "both")
        oof = ts.polnear_out_of_fold(train_a, labelled, c, "both")
        for t in (0.2, 0.25, 0.3, 0.35, 0.4, 0.5):
            model = ts.with_threshold(fitted, t, True)
            b, rn = ts.figures(sc, halves["B"], model), ts.figures(sc, realnews, model)
            pn = ts.held_out_reading(oof, t)
            print(
                "C=%.1f t=%.2f %s | PolNeAR right %d of %d added | realnews-dev %d/%d, %d/%d"
                % (c, t, ts.show("B", b), pn["right"], pn["added"], rn["strict"], rn["sal"], rn["correct"], rn["pred"])
            )
    return 0


if __name__ == "__main__":
    sys.exit(main())
