"""Per-article lookups over a parse, computed once per `Doc` and shared by every stage.

spaCy computes some of a Doc's views afresh on each access: `doc.text` joins every token, `span.ents`
filters all of the document's entities, `span.sents` walks the tokens. Called once per cue, quotation
or mention, each of these made a stage's cost grow with the square (or cube) of the article's
length. `index(doc)` builds the views once, the first time a stage asks, and keeps them in
`doc.user_data`, so that every later question is a bisection or a lookup.

The parse is never changed after `nlp.parse` (no retokenising), so the views stay valid for the
Doc's life. (The index lives in `user_data`, as the time stage's attachments do; diurna never
serialises a Doc, and `Doc.to_bytes` would need `exclude=["user_data"]`.)
"""

from __future__ import annotations

import bisect
import functools
import itertools
import re
import weakref
from typing import TYPE_CHECKING, Iterable

from diurna.nlp.quotations import QuotedSpan, find_quoted_spans, quoted_token_mask

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span

_KEY = "diurna.index"


STORY_SENTENCES = 3  # DocIndex.reads_as_story


def index(doc: "Doc") -> "DocIndex":
    """The lookups of `doc`, built on first use."""
    found = doc.user_data.get(_KEY)
    if found is None:
        found = doc.user_data[_KEY] = DocIndex(doc)
    return found


def text_of(doc: "Doc") -> str:
    """`doc.text`, joined once (spaCy joins every token on each access)."""
    return index(doc).text


@functools.lru_cache(maxsize=8)
def _paragraph_breaks(text: str) -> tuple[list[int], int]:
    """Where paragraphs break in `text`, and the width of a break: blank lines when the text has any,
    else line breaks. (Keyed on the text itself: the article's text object is the same at every call,
    and a string caches its hash.)"""
    if "\n\n" in text:
        return [m.start() for m in re.finditer("\n\n", text)], 2
    return [m.start() for m in re.finditer("\n", text)], 1


def paragraph_number(text: str, offset: int) -> int:
    """The number of the paragraph holding character `offset` (0 for the first): the blank lines
    before it, or the line breaks when the text has no blank line. Equal to
    `text.count("\n\n", 0, offset)` (or of "\n"), without reading the text again."""
    breaks, width = _paragraph_breaks(text)
    return bisect.bisect_right(breaks, offset - width)


class Ranges(list):
    """Character ranges `(start, end)` (an article's quotations), a list as before, that also answer
    `covers(offset)` -- whether any range holds the offset -- by bisection instead of a pass over all
    of them. Ranges may nest or overlap. Built once; not to be changed afterwards."""

    def __init__(self, ranges=()):
        super().__init__(ranges)
        order = sorted(self)
        self._starts = [start for start, _ in order]
        self._reach = list(itertools.accumulate((end for _, end in order), max))  # furthest end so far

    def covers(self, offset: int) -> bool:
        k = bisect.bisect_right(self._starts, offset)
        return k > 0 and self._reach[k - 1] > offset


def covered(ranges, offset: int) -> bool:
    """`any(start <= offset < end for start, end in ranges)`, by bisection when `ranges` is a `Ranges`."""
    if isinstance(ranges, Ranges):
        return ranges.covers(offset)
    return any(start <= offset < end for start, end in ranges)


def char_range(doc: "Doc", tstart: int, tend: int) -> tuple[int, int]:
    """Character offsets of tokens [tstart, tend): the first one's start, the last one's end."""
    last = doc[tend - 1]
    return doc[tstart].idx, last.idx + len(last.text)


def entities_of(span: "Span") -> list["Span"]:
    """`span.ents` (the entities wholly inside `span`), found by bisection instead of a scan of all
    the document's entities."""
    return index(span.doc).entities_in(span.start, span.end)


def segments(doc: "Doc") -> Iterable["Span"]:
    """spaCy's sentences, also cut at line breaks: the small model runs a paragraph ending in
    "U.S." into the next one, and the actor stage counts a pronoun's window in these."""
    for sent in doc.sents:
        start = sent.start
        for token in sent:
            if token.is_space and "\n" in token.text and token.i > start:
                yield doc[start : token.i]
                start = token.i + 1
        if start < sent.end:
            yield doc[start : sent.end]


class DocIndex:
    """Lookups over one parse. Held in the Doc's `user_data`; it refers back to the Doc weakly, so
    the two never keep each other alive."""

    def __init__(self, doc: "Doc"):
        self._doc = weakref.ref(doc)

    @property
    def doc(self) -> "Doc":
        doc = self._doc()
        if doc is None:  # pragma: no cover - the Doc owns this index, so it outlives every call on it
            raise ReferenceError("the Doc of this index is gone")
        return doc

    @functools.cached_property
    def text(self) -> str:
        return self.doc.text

    @functools.cached_property
    def token_starts(self) -> list[int]:
        """Character offset of each token."""
        return [t.idx for t in self.doc]

    @functools.cached_property
    def _newlines(self) -> list[int]:
        text = self.text
        return [i for i, ch in enumerate(text) if ch == "\n"] if "\n" in text else []

    def newline_between(self, start: int, end: int) -> bool:
        """`"\\n" in text[start:end]`, by bisection."""
        k = bisect.bisect_left(self._newlines, start)
        return k < len(self._newlines) and self._newlines[k] < end

    def count_newlines(self, start: int, end: int) -> int:
        """`text.count("\\n", start, end)`, by bisection (for 0 <= start <= end)."""
        return bisect.bisect_left(self._newlines, end) - bisect.bisect_left(self._newlines, start)

    def tokens_in(self, start: int, end: int) -> tuple[int, int]:
        """Tokens whose first character lies in [start, end)."""
        starts = self.token_starts
        return bisect.bisect_left(starts, start), bisect.bisect_left(starts, end)

    @functools.cached_property
    def sentence_starts(self) -> list[int]:
        """Token index where each sentence starts, in order."""
        return [s.start for s in self.doc.sents]

    @property
    def reads_as_story(self) -> bool:
        """Whether the text is long enough to be a story (STORY_SENTENCES or more sentences). The
        learned components that weigh story-level evidence (the most-named place or country, the
        dateline, the article's first country, the sentences before) were fitted on whole articles; a
        sentence or two (a PLV sentence, a headline with its lead, a wire brief) gives those features
        another meaning, so there the rules decide alone."""
        return len(self.sentence_starts) >= STORY_SENTENCES

    def sentence_starts_through(self, i: int) -> list[int]:
        """`[s.start for s in doc[:i + 1].sents]`: where the sentences up to the one holding token `i` start."""
        return self.sentence_starts[: self.sentence_number(i) + 1]

    @functools.cached_property
    def _sentence_spans(self) -> list["Span"]:
        return list(self.doc.sents)

    def sentence_number(self, i: int) -> int:
        """The number of the sentence holding token `i` (0 for the first)."""
        return bisect.bisect_right(self.sentence_starts, i) - 1

    def sentence(self, i: int) -> "Span":
        """The sentence holding token `i` (`doc[i].sent`)."""
        return self._sentence_spans[self.sentence_number(i)]

    @functools.cached_property
    def _entities(self) -> tuple[list["Span"], list[int]]:
        ents = list(self.doc.ents)
        return ents, [e.start for e in ents]

    def entities_in(self, start: int, end: int) -> list["Span"]:
        """`doc[start:end].ents`: the entities wholly inside tokens [start, end), in order."""
        ents, starts = self._entities
        out = []
        for k in range(bisect.bisect_left(starts, start), len(ents)):
            if ents[k].end > end:
                break
            out.append(ents[k])
        return out

    @functools.cached_property
    def quoted_spans(self) -> list[QuotedSpan]:
        """The article's quoted passages (`find_quoted_spans` of the parsed text). Shared: read, never change."""
        return find_quoted_spans(self.text)

    @functools.cached_property
    def _quoted_starts(self) -> list[int]:
        return [span.start for span in self.quoted_spans]

    def quotation_after(self, offset: int) -> "QuotedSpan | None":
        """The first of the article's quoted passages that opens after character `offset`, or None."""
        k = bisect.bisect_right(self._quoted_starts, offset)
        return self.quoted_spans[k] if k < len(self.quoted_spans) else None

    @functools.cached_property
    def in_quote(self) -> list[bool]:
        """For each token, whether it lies inside a quoted passage. Shared: read, never change."""
        return quoted_token_mask(self.doc, self.quoted_spans)

    def quotations(self, text: str) -> tuple[list[QuotedSpan], list[bool]]:
        """The quoted passages of `text` (the article's text, which has the parse's offsets) and the
        token mask: the shared ones when `text` is the parsed text, as it is unless the article held
        invisible format characters (read as spaces by the parser, see `diurna.nlp.parse`)."""
        if text == self.text:
            return self.quoted_spans, self.in_quote
        spans = find_quoted_spans(text)
        return spans, quoted_token_mask(self.doc, spans)
