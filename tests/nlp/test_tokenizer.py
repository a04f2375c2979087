"""Tokenizer adjustments for news text (diurna.nlp): transcript colons and quotation marks."""


def test_a_colon_glued_to_a_quotation_is_split(nlp):
    doc = nlp('Rep. Linda Harrow (R-Ohio):"I have not heard that number."')
    words = [t.text for t in doc]
    colon = words.index(":")
    assert words[colon : colon + 3] == [":", '"', "I"] and words[colon - 1].endswith("Ohio)")


def test_a_bracket_before_a_colon_is_no_emoticon(nlp):
    words = [t.text for t in nlp("Sen. Maria Cantwell (D-Wash.): \u201cWe learned that from the report.\u201d")]
    assert ")" in words and ":" in words and "):" not in words


def test_colons_elsewhere_keep_their_tokens(nlp):
    words = [t.text for t in nlp("The meeting starts at 10:30 and ends at noon: on time.")]
    assert "10:30" in words and words[-5:] == ["noon", ":", "on", "time", "."]


def test_a_closing_quotation_mark_glued_to_the_frame_is_split(nlp):
    words = [t.text for t in nlp("\u201cWe will win the state,\u201dOkafor said.")]
    assert words[-6:] == ["state", ",", "\u201d", "Okafor", "said", "."]


def test_invisible_direction_marks_read_as_spaces_and_keep_offsets():
    from diurna.nlp import parse

    text = "Readers answered.\n\n\u202a\u201dSorry Sarah, you said it badly!!\u201d posted Ann Lee.\u200b"
    doc = next(parse([text]))
    assert len(doc.text) == len(text)
    sorry = next(t for t in doc if t.text == "Sorry")
    assert text[sorry.idx : sorry.idx + 5] == "Sorry"
    assert "\u201d" in [t.text for t in doc][:8] and not any("\u202a" in t.text for t in doc)
