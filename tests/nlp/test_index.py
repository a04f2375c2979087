"""The per-article lookups (diurna.nlp.index) answer exactly what spaCy's own views and plain scans
answer, on a parse with paragraphs, entities and quotations."""

from __future__ import annotations

from diurna.nlp.index import Ranges, covered, entities_of, index, paragraph_number, text_of

TEXT = (
    "Prime Minister Justin Trudeau met President Joe Biden in Washington on Monday.\n\n"
    '"We agreed on new tariffs," Trudeau said. Officials in Ottawa said talks would go on.\n'
    "The European Union, meanwhile, warned that it would respond.\n\n\n"
    "Biden's spokesperson, Karine Jean-Pierre, declined to comment on the talks in Brussels."
)


def test_text_tokens_and_line_breaks(nlp):
    doc = nlp(TEXT)
    look = index(doc)
    assert index(doc) is look  # built once per Doc
    assert text_of(doc) == doc.text
    starts = [t.idx for t in doc]
    for lo in range(0, len(TEXT) + 1, 7):
        for hi in range(lo, len(TEXT) + 2, 11):
            assert look.tokens_in(lo, hi) == (sum(s < lo for s in starts), sum(s < hi for s in starts))
            assert look.newline_between(lo, hi) == ("\n" in TEXT[lo:hi])
            assert look.count_newlines(lo, hi) == TEXT.count("\n", lo, hi)


def test_paragraph_numbers_count_blank_lines_or_else_line_breaks():
    for text in (TEXT, TEXT.replace("\n\n\n", "\n").replace("\n\n", "\n"), "no break at all"):
        for offset in range(len(text) + 2):
            expected = text.count("\n\n", 0, offset) if "\n\n" in text else text.count("\n", 0, offset)
            assert paragraph_number(text, offset) == expected


def test_sentences_and_entities(nlp):
    doc = nlp(TEXT)
    look = index(doc)
    assert look.sentence_starts == [s.start for s in doc.sents]
    for i in range(len(doc)):
        assert look.sentence_starts_through(i) == [s.start for s in doc[: i + 1].sents]
        assert look.sentence(i) == doc[i].sent
    for sent in doc.sents:
        assert entities_of(sent) == list(sent.ents)
    for start in range(0, len(doc), 3):
        for end in range(start, len(doc) + 1, 5):
            assert entities_of(doc[start:end]) == list(doc[start:end].ents)


def test_ranges_cover_what_a_scan_covers_nested_or_overlapping():
    spans = [(30, 40), (5, 12), (8, 9), (35, 60), (70, 70)]
    ranges = Ranges(spans)
    assert ranges == spans  # still the list it was made from
    for offset in range(-1, 80):
        expected = any(s <= offset < e for s, e in spans)
        assert ranges.covers(offset) == expected == covered(ranges, offset) == covered(spans, offset)
