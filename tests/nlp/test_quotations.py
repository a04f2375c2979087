"""Quotation marks found in raw text (diurna.nlp.quotations)."""

from diurna.nlp.quotations import find_quoted_spans


def _quoted(text):
    return [text[slice(*s.inner(text))] for s in find_quoted_spans(text)]


def test_curly_and_straight_double_quotes():
    text = 'The minister called it “a disgrace” and said "we will respond".'
    assert _quoted(text) == ["a disgrace", "we will respond"]


def test_apostrophes_are_not_quotation_marks():
    text = "Iran’s envoy said the country’s ‘red lines’ had not changed, and voters’ patience was thin."
    assert _quoted(text) == ["red lines"]


def test_quotation_over_several_paragraphs_follows_the_news_convention():
    text = "She said:\n\n“First, we rebuild the schools.\n\n“Then we rebuild the hospitals.”\n\nThe crowd cheered."
    assert _quoted(text) == ["First, we rebuild the schools.\n\n“Then we rebuild the hospitals."]


def test_two_apostrophes_stand_for_a_double_quote():
    text = "''It is over,'' the senator said. ''We lost.''"
    assert _quoted(text) == ["It is over,", "We lost."]


def test_guillemets():
    assert _quoted("The prefect repeated: «The law applies to everyone».") == ["The law applies to everyone"]


def test_an_unclosed_quotation_ends_with_its_paragraph():
    text = "He said: “We will win\n\nThe next paragraph is narration."
    spans = find_quoted_spans(text)
    assert len(spans) == 1 and not spans[0].closed
    assert text[slice(*spans[0].inner(text))] == "We will win"


def test_a_closing_mark_typed_to_open_a_paragraph():
    # pasted from social media: a left-to-right mark, then ” where “ belongs
    text = "Readers answered.\n\n\u202a”Sorry Sarah, you said it badly!!” posted one.\n\nShe closed “the thread” later."
    assert _quoted(text) == ["Sorry Sarah, you said it badly!!", "the thread"]


def test_a_closing_mark_glued_to_the_next_word_opens():
    text = "Another reader, Frank Delgado, wrote: ”Finally someone with sense.” Others disagreed.”"
    assert _quoted(text) == ["Finally someone with sense."]
    # a closing mark after a word and before a space still closes
    assert _quoted("He called it “a farce” and left.") == ["a farce"]


def test_a_direction_mark_before_a_continuing_paragraph_keeps_the_quotation_open():
    text = "She wrote:\n\n\u201cWe will rebuild.\n\n\u202a\u201dNobody will be left behind.\u201d\n\nThen she left."
    spans = find_quoted_spans(text)
    assert len(spans) == 1 and text[slice(*spans[0].inner(text))].endswith("Nobody will be left behind.")


def test_an_opening_single_mark_before_a_two_digit_year_is_an_apostrophe():
    text = "Rep. Hank Johnson said in \u201808 that voters were ready. \u201cI do sense it,\u201d he said of the \u201890s."
    assert _quoted(text) == ["I do sense it,"]


def test_quoted_at_says_whether_an_offset_lies_in_a_passage():
    from diurna.nlp.quotations import quoted_at

    text = 'He called it "a disgrace" and left. She said: \u201cNo.\u201d'
    spans = find_quoted_spans(text)
    assert quoted_at(spans, text.index("disgrace")) and quoted_at(spans, text.index("No"))
    assert quoted_at(spans, text.index('"a'))  # the opening mark is part of the passage
    assert not quoted_at(spans, text.index("called")) and not quoted_at(spans, text.index("left"))
    assert not quoted_at([], 0)
