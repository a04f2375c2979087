"""Quotation marks: where each quoted passage of an article begins and ends.

Works on the raw text, not the parse, because spaCy's sentence splitter often cuts a
quotation in two. Handles curly double quotes (“ ”), straight double quotes ("), two ASCII
apostrophes standing for a double quote ('' ... '', as some newspaper archives write it),
guillemets (« »), low-9 openers („), and curly single quotes (‘ ’) used as the outer marks.
A quotation that runs over several paragraphs follows the news convention: every paragraph
opens with a quotation mark, only the last one closes it.

Part of the shared toolkit: the actor stage (no pronoun antecedent inside a quotation) and the quote
stage read the same spans, computed once per article (`diurna.nlp.index.DocIndex.quoted_spans`).
"""

from __future__ import annotations

import bisect
import unicodedata
from dataclasses import dataclass
from typing import TYPE_CHECKING, Optional, Sequence

if TYPE_CHECKING:
    from spacy.tokens import Doc

OPENERS = {"\u201c": "double", "\u201e": "double", "\u00ab": "double", "\u2018": "single"}
CLOSERS = {"\u201d": "double", "\u00bb": "double", "\u2019": "single"}
STRAIGHT_DOUBLE = '"'
TWO_APOSTROPHES = "''"
_OPEN_AFTER = "([{-\u2014\u2013/:"


@dataclass(frozen=True)
class QuotedSpan:
    """A quoted passage: `start` is at the opening mark, `end` just after the closing mark."""

    start: int
    end: int
    closed: bool = True  # False when the passage ran to the end of its paragraph unclosed

    def inner(self, text: str) -> tuple[int, int]:
        """The span without its quotation marks and surrounding white space."""
        s, e = self.start, self.end
        while s < e and (text[s] in OPENERS or text[s] in "\"'" or s == self.start and text[s] in CLOSERS):
            s += 1
        if self.closed:
            while e > s and (text[e - 1] in CLOSERS or text[e - 1] in "\"'" or (text[e - 1] == "\u201c" and e - 1 > s)):
                e -= 1
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        return s, e


def _char(text: str, i: int) -> str:
    return text[i] if 0 <= i < len(text) else " "


def _is_apostrophe(text: str, i: int) -> bool:
    """’ between two letters (don’t, Iran’s) is an apostrophe, not a closing quote."""
    return _char(text, i - 1).isalnum() and _char(text, i + 1).isalnum()


def _elided_century(text: str, i: int) -> bool:
    """'said in \u201808 that', 'the \u201890s': a quotation mark typed for the apostrophe of a two-digit year."""
    return text[i + 1 : i + 3].isdigit() and not _char(text, i + 3).isdigit()


def _opens(text: str, i: int, width: int = 1) -> bool:
    """A symmetric mark opens when it is not glued to the word before and is glued to what follows."""
    before, after = _char(text, i - 1), _char(text, i + width)
    return (before.isspace() or before in _OPEN_AFTER) and not after.isspace()


def _opener_at(text: str, i: int) -> Optional[tuple[str, int]]:
    """(kind, width) of an opening quotation mark at `i`, or None."""
    ch = text[i]
    if ch in OPENERS:
        kind = OPENERS[ch]
        if kind == "single" and (
            _char(text, i - 1).isalnum() or _char(text, i + 1).isspace() or _elided_century(text, i)
        ):
            return None
        return kind, 1
    if ch == STRAIGHT_DOUBLE and _opens(text, i):
        return "double", 1
    if ch == "\u201d" and _closing_mark_typed_to_open(text, i):
        return "double", 1
    if text.startswith(TWO_APOSTROPHES, i) and _opens(text, i, 2):
        return "double", 2
    return None


def _closing_mark_typed_to_open(text: str, i: int) -> bool:
    """'\u201dSorry Sarah, ...\u201d posted X', 'wrote: \u201dFinally ...\u201d': a closing mark at a paragraph's
    start, or glued to the word after it and not to the one before, opens a quotation (some posts and
    pasted comments type \u201d for both marks)."""
    if starts_paragraph(text, i):
        return not _char(text, i + 1).isspace()
    return _opens(text, i) and _char(text, i + 1).isalnum()


def _blank(ch: str) -> bool:
    """White space, or an invisible format character (a direction mark pasted from social media)."""
    return ch.isspace() or unicodedata.category(ch) == "Cf"


def starts_paragraph(text: str, i: int) -> bool:
    """Nothing but blanks other than a line break between `i` and the line start."""
    j = i - 1
    while j >= 0 and text[j] != "\n" and _blank(text[j]):
        j -= 1
    return j < 0 or text[j] == "\n"


def _paragraph_continues(text: str, newline: int) -> Optional[int]:
    """After a paragraph break at `newline`, the offset just past the next paragraph's opening mark, if any."""
    j = newline
    while j < len(text) and _blank(text[j]):
        j += 1
    if j < len(text):
        opener = _opener_at(text, j)
        if opener is not None and opener[0] == "double":
            return j + opener[1]
    return None


def find_quoted_spans(text: str) -> list[QuotedSpan]:
    """Every outermost quoted passage in `text`, in order. Nested quotes stay inside their passage."""
    spans: list[QuotedSpan] = []
    i, n = 0, len(text)
    while i < n:
        opener = _opener_at(text, i)
        if opener is None:
            i += 1
            continue
        kind, width = opener
        end = _find_close(text, i, kind, width)
        if end is None:
            i += width
            continue
        span_end, closed = end
        if span_end - i > width:
            spans.append(QuotedSpan(i, span_end, closed))
        i = span_end
    return spans


def _find_close(text: str, start: int, kind: str, width: int) -> Optional[tuple[int, bool]]:
    """Where the passage opened at `start` closes: (offset after the closing mark, closed?)."""
    j, n = start + width, len(text)
    while j < n:
        ch = text[j]
        if ch == "\n":
            if kind == "single":
                return None  # a stray single quote: not a quotation
            nxt = _paragraph_continues(text, j)
            if nxt is not None:
                j = nxt  # the quotation goes on in the next paragraph
                continue
            return _unclosed_end(text, start, j)
        if kind == "double":
            if width == 2 and text.startswith(TWO_APOSTROPHES, j) and not _opens(text, j, 2):
                end = j + 2
                if text.startswith("'", end):  # ''' closes a nested single quote and the passage
                    end += 1
                return end, True
            if width == 1 and (CLOSERS.get(ch) == "double" or ch == STRAIGHT_DOUBLE):
                if ch == STRAIGHT_DOUBLE and _opens(text, j) and text[j - 1].isspace():
                    return _unclosed_end(text, start, j)  # the first passage was never closed
                return j + 1, True
            if ch == "\u201c" and text[j - 1].isspace() and j - start > 1:
                return _unclosed_end(text, start, j)  # a fresh opener: the first was never closed
            if ch == "\u201c" and text[j - 1] in ",.?!" and (j + 1 >= n or text[j + 1].isspace()):
                return j + 1, True  # '“It is unusual,“ said X': an opening mark typed for a closing one
        elif ch == "\u2019" and not _is_apostrophe(text, j):
            return j + 1, True
        j += 1
    return _unclosed_end(text, start, n)


def _unclosed_end(text: str, start: int, stop: int) -> Optional[tuple[int, bool]]:
    end = stop
    while end > start + 1 and text[end - 1].isspace():
        end -= 1
    return (end, False) if end > start + 1 else None


def quoted_at(spans: Sequence[QuotedSpan], offset: int) -> bool:
    """Whether character `offset` lies inside one of `spans` (in order, as `find_quoted_spans` gives
    them), marks included."""
    k = bisect.bisect_right(spans, offset, key=lambda s: s.start) - 1
    return k >= 0 and offset < spans[k].end


def quoted_token_mask(doc: "Doc", spans: Optional[Sequence[QuotedSpan]] = None) -> list[bool]:
    """For each token of a parsed text, whether it lies inside a quoted passage (marks included)."""
    if spans is None:
        spans = find_quoted_spans(doc.text)
    starts = [t.idx for t in doc]
    mask = [False] * len(doc)
    for span in spans:
        first, stop = bisect.bisect_left(starts, span.start), bisect.bisect_left(starts, span.end)
        mask[first:stop] = [True] * (stop - first)
    return mask
