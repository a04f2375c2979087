"""The PLOVER pair classifier (diurna/events/classifier.py) and `diurna classify` (diurna/events/cli.py)."""

from __future__ import annotations

import io
import json
import pathlib
import sys

import numpy as np
import pytest
import yaml

from diurna.events.classifier import (
    MODEL_DIR,
    PairFeaturizer,
    PairInput,
    PairPrediction,
    PloverClassifier,
    RegionLexicon,
    find_span,
    inflections,
    split_yield,
    words_of,
    zones_of,
)
from diurna.events.cli import BadLine, classify_stream, parse_line
from diurna.records import PLOVER_TYPES

HERE = pathlib.Path(__file__).resolve().parent
REPO = HERE.parent.parent
CASES = yaml.safe_load((HERE / "classifier_cases.yaml").read_text(encoding="utf-8"))
# Held-out written cases the packaged model must get right (2026-11-25; see docs/evaluation.md).
CASE_PASS_RATE = 0.88  # measured 0.902 (46/51) with the linear model + encoder, 0.863 with the linear model alone


def pair(sentence: str, source: str | None, target: str | None) -> PairInput:
    return PairInput(sentence, find_span(sentence, source), find_span(sentence, target))


@pytest.fixture(scope="module")
def classifier() -> PloverClassifier:
    return PloverClassifier.load()


@pytest.fixture(scope="module")
def lexicon() -> RegionLexicon:
    return RegionLexicon.load()


@pytest.fixture(scope="module")
def featurizer(lexicon) -> PairFeaturizer:
    return PairFeaturizer(lexicon)


def zones(p: PairInput, lexicon: RegionLexicon):
    return zones_of(p, words_of(p.sentence, lexicon.lemmas))


# --- finding and marking the actors ----------------------------------------------------------------
def test_find_span_exact_then_case_insensitive_then_none():
    sentence = "The Senate rejected the bill; the senate will vote again."
    assert find_span(sentence, "the senate") == (30, 40)
    assert find_span(sentence, "THE SENATE") == (0, 10)
    assert find_span(sentence, "the House") is None
    assert find_span(sentence, None) is None
    assert find_span(sentence, "  ") is None


# --- features ------------------------------------------------------------------------------------
def test_zones_split_the_words_around_the_actors(lexicon):
    z = zones(pair("On Monday Kenya asked the IMF for a new loan.", "Kenya", "the IMF"), lexicon)
    assert z.order == "st"
    assert [w.text for w in z.left] == ["on", "monday"]
    assert [w.text for w in z.between] == ["asked"]
    assert [w.text for w in z.after] == ["for", "a", "new", "loan", "."]
    assert [w.text for w in z.source] == ["kenya"] and [w.text for w in z.target] == ["the", "imf"]


def test_zones_know_a_target_before_its_source_and_a_missing_target(lexicon):
    assert zones(pair("The embassy was attacked by protesters.", "protesters", "The embassy"), lexicon).order == "ts"
    alone = zones(pair("The minister resigned on Friday.", "The minister", None), lexicon)
    assert alone.order == "s" and alone.between == [] and alone.after[0].text == "resigned"


def test_zones_of_a_target_nested_in_the_source_leave_nothing_between(lexicon):
    z = zones(pair("Troops from Chad and Niger patrolled the border.", "Troops from Chad and Niger", "Niger"), lexicon)
    assert z.order == "nested" and z.between == [] and z.after[0].text == "patrolled"


def test_inflections_cover_regular_doubled_and_irregular_forms():
    assert {"bans", "banned", "banning"} <= inflections("ban")
    assert {"accuses", "accused", "accusing"} <= inflections("accuse")
    assert {"denies", "denied"} <= inflections("deny")
    assert {"withdrew", "withdrawn", "withdraws"} <= inflections("withdraw")


def test_lexicon_reads_inflected_triggers_as_their_categories(lexicon):
    assert lexicon.lemmas["withdrew"] == "withdraw"
    assert "YIELD" in lexicon.categories("withdraw", [])
    assert "ACCUSE" in lexicon.categories(lexicon.lemmas["accused"], [])
    assert "ASSAULT" in lexicon.categories(lexicon.lemmas["shelled"], [])
    assert lexicon.categories("breakfast", []) == {}


def test_features_name_the_trigger_by_zone_and_lexicon_category(featurizer):
    features = featurizer.features(pair("Police arrested the mayor of the town on Tuesday.", "Police", "the mayor"))
    assert features["wb=arrest"] == 1.0
    assert features["lexfirst=COERCE"] == 1.0
    assert features["order=st"] == 1.0
    assert not any(name.startswith("neg") for name in features)
    negated = featurizer.features(pair("Police did not arrest the mayor.", "Police", "the mayor"))
    assert negated["negb"] == 1.0


# --- YIELD split -------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    "sentence, source, target, expected",
    [
        ("The rebels released 30 soldiers captured in the fighting.", "The rebels", "30 soldiers", "RETREAT"),
        ("The rebels said they would release 30 soldiers next week.", "The rebels", "30 soldiers", "CONCEDE"),
        (
            "The interior minister stepped down after criticism from the opposition.",
            "The interior minister",
            "the opposition",
            "RETREAT",
        ),
        ("The mayor apologised to residents for the water shortages.", "The mayor", "residents", "CONCEDE"),
        ("The authorities lifted the curfew imposed on the city.", "The authorities", "the city", "CONCEDE"),
        ("Troops withdrew from the village on Sunday, residents said.", "Troops", "the village", "RETREAT"),
        ("The government pardoned the jailed activists.", "The government", "the jailed activists", "CONCEDE"),
    ],
)
def test_split_yield_follows_the_codebook_line(sentence, source, target, expected):
    assert split_yield(pair(sentence, source, target)) == expected


def test_split_yield_agrees_with_the_labelled_training_pairs():
    """Every CONCEDE/RETREAT pair written for training must be split the way it is labelled."""
    for line in (REPO / "scripts" / "classifier_data" / "extra_positives.jsonl").read_text().splitlines():
        item = json.loads(line)
        if item["label"] in ("CONCEDE", "RETREAT"):
            assert split_yield(pair(item["sentence"], item["source"], item["target"])) == item["label"], item


# --- the model ----------------------------------------------------------------------------------------
def test_load_is_cached_once_per_process():
    assert PloverClassifier.load() is PloverClassifier.load()


def test_predictions_are_well_formed(classifier):
    pairs = [pair(c["sentence"], c["source"], c["target"]) for c in CASES[:10]] + [
        PairInput("No actors here.", None, None)
    ]
    predictions = classifier.predict(pairs, batch_size=4)
    assert len(predictions) == len(pairs)
    for prediction in predictions:
        assert isinstance(prediction, PairPrediction)
        assert prediction.type in PLOVER_TYPES or prediction.type == "NONE"
        assert "YIELD" in prediction.scores and prediction.type != "YIELD"
        assert abs(sum(prediction.scores.values()) - 1.0) < 1e-4
        assert prediction.confidence == pytest.approx(max(prediction.scores.values()), abs=1e-6)


def test_the_linear_model_gives_the_same_scores_whatever_the_batching():
    linear = PloverClassifier.load(encoder=False)
    pairs = [pair(c["sentence"], c["source"], c["target"]) for c in CASES]
    one_by_one = [linear.probabilities([p])[0] for p in pairs[:12]]
    batched = linear.probabilities(pairs, batch_size=5)[:12]
    assert all((a == b).all() for a, b in zip(one_by_one, batched))


def test_with_the_encoder_a_pairs_scores_do_not_depend_on_its_batch(classifier):
    # The encoder's weights are int8 but its activations float (scripts/train_encoder.py), so batch
    # mates and padding change a pair's scores only by float rounding.
    pairs = [pair(c["sentence"], c["source"], c["target"]) for c in CASES]
    one_by_one = np.array([classifier.probabilities([p])[0] for p in pairs[:12]])
    batched = classifier.probabilities(pairs, batch_size=5)[:12]
    assert np.abs(one_by_one - batched).max() < 1e-4
    assert (one_by_one.argmax(1) == batched.argmax(1)).all()


def test_classifier_refuses_a_model_built_for_other_features(tmp_path):
    meta = json.loads((MODEL_DIR / "labels.json").read_text())
    (tmp_path / "labels.json").write_text(json.dumps({**meta, "encoding": "entity-start-markers-v1"}))
    with pytest.raises(RuntimeError, match="rebuild"):
        PloverClassifier.from_dir(tmp_path)


def test_predict_returns_results_in_input_order(classifier):
    pairs = [pair(c["sentence"], c["source"], c["target"]) for c in CASES]
    forward = classifier.probabilities(pairs, batch_size=len(pairs))
    backward = classifier.probabilities(pairs[::-1], batch_size=len(pairs))[::-1]
    assert (forward.argmax(1) == backward.argmax(1)).all()


def test_predict_on_nothing_returns_nothing(classifier):
    assert classifier.predict([]) == []


def test_held_out_written_cases_pass_rate(classifier):
    pairs = [pair(c["sentence"], c["source"], c["target"]) for c in CASES]
    predictions = classifier.predict(pairs)
    wrong = [(c["sentence"], c["type"], p.type) for c, p in zip(CASES, predictions) if p.type != c["type"]]
    rate = 1 - len(wrong) / len(CASES)
    assert rate >= CASE_PASS_RATE, "pass rate %.2f; wrong: %s" % (rate, wrong)


# --- diurna classify --------------------------------------------------------------------------------
def test_parse_line_rejects_what_it_cannot_use():
    with pytest.raises(BadLine, match="JSON"):
        parse_line("{not json", 1)
    with pytest.raises(BadLine, match="id"):
        parse_line(json.dumps({"sentence": "Kenya asked the IMF for a loan."}), 2)
    with pytest.raises(BadLine, match="sentence"):
        parse_line(json.dumps({"id": 3, "sentence": ""}), 3)
    with pytest.raises(BadLine, match="source"):
        parse_line(json.dumps({"id": 4, "sentence": "Kenya asked.", "source": 5}), 4)


def test_classify_stream_writes_one_line_per_readable_line_in_order():
    lines = [
        json.dumps(
            {
                "id": 7,
                "sentence": "Police arrested 40 opposition activists in Harare.",
                "source": "Police",
                "target": "40 opposition activists",
            }
        ),
        "this is not json",
        json.dumps(
            {
                "id": "x2",
                "sentence": "Canada imposed sanctions on six Russian banks.",
                "source": "Canada",
                "target": "Moscow",
            }
        ),
        "",
        json.dumps(
            {"id": "x3", "sentence": "Scotland beat Wales 3-0 on Saturday.", "source": "Scotland", "target": None}
        ),
    ]
    out, err = io.StringIO(), io.StringIO()
    status = classify_stream(lines, out, err, "pairs.jsonl")
    rows = [json.loads(line) for line in out.getvalue().splitlines()]
    assert [row["id"] for row in rows] == [7, "x2", "x3"]
    assert all(set(row) == {"id", "type", "mode", "confidence"} for row in rows)
    assert all(row["type"] in PLOVER_TYPES or row["type"] == "NONE" for row in rows)
    assert status == 1
    assert "pairs.jsonl, line 2: not valid JSON" in err.getvalue()
    assert "line 3: the target is not in the sentence" in err.getvalue()


def test_classify_command_line_writes_the_output_file(tmp_path):
    import subprocess

    pairs = tmp_path / "pairs.jsonl"
    pairs.write_text(
        json.dumps(
            {"id": 1, "sentence": "Seoul urged Tokyo to compensate the victims.", "source": "Seoul", "target": "Tokyo"}
        )
        + "\n",
        encoding="utf-8",
    )
    out = tmp_path / "pred.jsonl"
    done = subprocess.run(
        [sys.executable, "-m", "diurna.events.cli", "classify", str(pairs), "-o", str(out)],
        capture_output=True,
        text=True,
        cwd=REPO,
    )
    assert done.returncode == 0, done.stderr
    row = json.loads(out.read_text())
    assert row["id"] == 1 and row["mode"] is None and 0.0 < row["confidence"] <= 1.0


# --- the training script's data reading (no training here) -----------------------------------------
def _training_script():
    sys.path.insert(0, str(REPO / "scripts"))
    try:
        import train_classifier
    finally:
        sys.path.pop(0)
    return train_classifier


def test_unmark_plv_recovers_sentence_and_spans():
    script = _training_script()
    sentence, source, target = script.unmark_plv("Yesterday <s>the union</s> sued <t>the rail operator </t>.")
    assert sentence == "Yesterday the union sued the rail operator ."
    assert sentence[source[0] : source[1]] == "the union"
    assert sentence[target[0] : target[1]] == "the rail operator"


def test_project_training_pairs_all_resolve():
    script = _training_script()
    examples = script.read_project_examples(REPO / "scripts" / "classifier_data")
    assert len(examples) >= 150
    assert {e.label for e in examples} <= set(script.LABELS)
    assert all(e.pair.source is not None for e in examples)


def test_plv_rows_reduce_to_their_sentences(shared_dir):
    path = shared_dir / "data" / "plv" / "PLV_train.tsv"
    if not path.is_file():
        pytest.skip("PLV_train.tsv not in ../shared")
    examples = _training_script().read_plv(path)
    assert len(examples) == 1050
    assert sum(e.pair.target is None for e in examples) == 20


def test_features_and_scores_do_not_depend_on_the_hash_seed():
    # Ray workers and the driver run with different hash seeds; set iteration once made them read
    # an inflected word as different lemmas (and so code different confidences).
    import subprocess

    script = (
        "import hashlib, json; from diurna.events.classifier import PloverClassifier, RegionLexicon, PairInput; "
        "lex = RegionLexicon.load(); c = PloverClassifier.load(encoder=False); "
        "s = 'The United Nations called on both sides to respect the ceasefire after shelling hit Donetsk.'; "
        "p = c.probabilities([PairInput(s, (4, 18), (35, 45))])[0]; "
        "print(hashlib.md5(json.dumps(sorted(lex.lemmas.items())).encode()).hexdigest(), "
        "[round(float(x), 12) for x in p])"
    )
    outputs = set()
    for seed in ("1", "8", "23"):
        done = subprocess.run(
            [sys.executable, "-c", script],
            capture_output=True,
            text=True,
            check=True,
            env={**__import__("os").environ, "PYTHONHASHSEED": seed},
        )
        outputs.add(done.stdout)
    assert len(outputs) == 1, outputs
