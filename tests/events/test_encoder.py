"""The fine-tuned MiniLM half of the pair classifier (diurna/events/encoder.py) and the average
PloverClassifier takes of it and the linear model."""

from __future__ import annotations

import numpy as np
import pytest

from diurna.events.classifier import MODEL_DIR, PairInput, PloverClassifier, find_span
from diurna.events.encoder import MAX_TOKENS, SOURCE_OPEN, TARGET_OPEN, EncoderModel, mark_pair

ENCODER_DIR = MODEL_DIR / "encoder"


def pair(sentence: str, source: str | None, target: str | None) -> PairInput:
    return PairInput(sentence, find_span(sentence, source), find_span(sentence, target))


@pytest.fixture(scope="module")
def encoder() -> EncoderModel:
    # The model is part of the package: its absence is a packaging defect, not a reason to skip.
    assert (ENCODER_DIR / "model.onnx").is_file(), "rebuild it with scripts/train_encoder.py"
    return EncoderModel(ENCODER_DIR)


# --- marking the actors ----------------------------------------------------------------------------
def test_mark_pair_wraps_both_actors_and_points_at_their_opening_markers():
    p = pair("Turkish troops shelled Kurdish positions near Afrin on Sunday.", "Turkish troops", "Kurdish positions")
    marked = mark_pair(p)
    assert marked.text == "@ * Turkish troops @ shelled # ^ Kurdish positions # near Afrin on Sunday."
    assert marked.text[marked.source_at :].startswith(SOURCE_OPEN)
    assert marked.text[marked.target_at :].startswith(TARGET_OPEN)


def test_mark_pair_with_the_target_first_and_without_a_source():
    p = pair("Protesters were dispersed by police in Minsk.", "police", "Protesters")
    marked = mark_pair(p)
    assert marked.text == "# ^ Protesters # were dispersed by @ * police @ in Minsk."
    only_target = mark_pair(PairInput(p.sentence, None, p.target))
    assert only_target.source_at is None and only_target.text.startswith(TARGET_OPEN)


def test_mark_pair_clamps_spans_outside_the_sentence():
    marked = mark_pair(PairInput("Iran protested.", (0, 4), (10, 99)))
    assert marked.text == "@ * Iran @ prote# ^ sted. #"


# --- tokens ----------------------------------------------------------------------------------------
def test_marker_indexes_point_at_the_marker_tokens(encoder):
    tokenizer = encoder.tokenizer
    p = pair(
        "Egypt's foreign minister met his Ethiopian counterpart in Addis Ababa to discuss the dam.",
        "Egypt's foreign minister",
        "his Ethiopian counterpart",
    )
    batch = tokenizer.encode([p])
    ids = batch.input_ids[0]
    assert ids[0] == tokenizer.cls_id and tokenizer.sep_id in ids
    assert tokenizer.tokenizer.id_to_token(int(ids[batch.source_index[0]])) == "@"
    assert tokenizer.tokenizer.id_to_token(int(ids[batch.target_index[0]])) == "#"


def test_a_marker_cut_off_by_the_length_limit_points_at_cls(encoder):
    filler = " ".join(["the committee discussed the budget"] * 60)
    sentence = "Ministers met on Monday, and %s, before Chile recalled its ambassador." % filler
    batch = encoder.tokenizer.encode([pair(sentence, "Ministers", "its ambassador")])
    assert batch.input_ids.shape[1] == MAX_TOKENS
    assert batch.source_index[0] == 1 and batch.target_index[0] == 0


def test_padding_and_masks_for_a_batch_of_unequal_pairs(encoder):
    pairs = [
        pair("Russia condemned the strike.", "Russia", "the strike"),
        pair(
            "The United Nations called on both sides in Sudan to agree a ceasefire before Ramadan.",
            "The United Nations",
            "both sides in Sudan",
        ),
    ]
    batch = encoder.tokenizer.encode(pairs)
    lengths = batch.attention_mask.sum(1)
    assert lengths[0] < lengths[1] == batch.input_ids.shape[1]
    assert (batch.input_ids[0, lengths[0] :] == encoder.tokenizer.pad_id).all()


# --- the model -------------------------------------------------------------------------------------
CLEAR = [
    (
        "Israeli aircraft bombed Hamas positions in the northern Gaza Strip overnight, the army said.",
        "Israeli aircraft",
        "Hamas positions",
        "ASSAULT",
    ),
    # SANCTION is PLOVER's "reduce relations" (suspending aid, expelling diplomats); imposing economic
    # sanctions is COERCE in PLV's labels, and both models learned that.
    (
        "Denmark suspended development aid to Tanzania on Friday, citing a crackdown on the opposition.",
        "Denmark",
        "Tanzania",
        "SANCTION",
    ),
    (
        "Thousands of teachers marched through Nairobi on Tuesday to protest against the government's pay freeze.",
        "Thousands of teachers",
        "the government",
        "PROTEST",
    ),
    (
        "Japan pledged $500 million in emergency aid to flood victims in Pakistan.",
        "Japan",
        "flood victims in Pakistan",
        "AID",
    ),
    (
        "Chinese President Xi Jinping held talks with French President Emmanuel Macron in Beijing on Thursday.",
        "Chinese President Xi Jinping",
        "French President Emmanuel Macron",
        "CONSULT",
    ),
]


def test_probabilities_are_distributions_over_the_linear_models_labels(encoder):
    linear = PloverClassifier.load(encoder=False)
    assert encoder.labels == linear.labels
    p = encoder.probabilities([pair(*case[:3]) for case in CLEAR])
    assert p.shape == (len(CLEAR), len(encoder.labels))
    assert np.allclose(p.sum(1), 1.0, atol=1e-5) and (p >= 0).all()


def test_same_pairs_in_the_same_order_give_the_same_probabilities(encoder):
    pairs = [pair(*case[:3]) for case in CLEAR]
    assert np.array_equal(encoder.probabilities(pairs), encoder.probabilities(pairs))


@pytest.mark.parametrize("sentence,source,target,expected", CLEAR)
def test_the_encoder_alone_gets_clear_cases_right(encoder, sentence, source, target, expected):
    p = encoder.probabilities([pair(sentence, source, target)])[0]
    assert encoder.labels[int(p.argmax())] == expected


def test_the_classifier_averages_the_linear_model_and_the_encoder(encoder):
    pairs = [pair(*case[:3]) for case in CLEAR]
    both = PloverClassifier.load()
    linear = PloverClassifier.load(encoder=False)
    assert both.encoder is not None and linear.encoder is None
    expected = (linear.probabilities(pairs) + encoder.probabilities(pairs)) / 2
    assert np.allclose(both.probabilities(pairs), expected, atol=1e-6)
    assert [p.type for p in both.predict(pairs)] == [case[3] for case in CLEAR]


def test_an_encoder_built_for_another_encoding_is_refused(tmp_path):
    import shutil

    copy = tmp_path / "encoder"
    shutil.copytree(ENCODER_DIR, copy)
    meta = (copy / "encoder.json").read_text(encoding="utf-8").replace("minilm-typed-markers-v1", "old-v0")
    (copy / "encoder.json").write_text(meta, encoding="utf-8")
    with pytest.raises(RuntimeError, match="train_encoder"):
        EncoderModel(copy)
