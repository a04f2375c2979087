"""Quotation marks: where each quoted passage of an article begins and ends.

Works on the raw text, not the parse, because spaCy's sentence splitter often cuts a
quotation in two. Handles curly double quotes (“ ”), straight double quotes ("), guillemets
(« »), low-9 openers („), and curly single quotes (‘ ’) used as the outer marks. A quotation
that runs over several paragraphs follows the news convention: every paragraph opens with a
quotation mark, only the last one closes it.
"""
from __future__ import annotations

from dataclasses import dataclass

OPENERS = {"\u201c": "double", "\u201e": "double", "\u00ab": "double", "\u2018": "single"}
CLOSERS = {"\u201d": "double", "\u00bb": "double", "\u2019": "single"}
STRAIGHT_DOUBLE = '"'


@dataclass(frozen=True)
class QuotedSpan:
    """A quoted passage: `start` is at the opening mark, `end` just after the closing mark."""
    start: int
    end: int
    closed: bool = True      # False when the passage ran to the end of its paragraph unclosed

    def inner(self, text: str) -> tuple[int, int]:
        """The span without its quotation marks and surrounding white space."""
        s, e = self.start + 1, self.end - (1 if self.closed else 0)
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        return s, e


def _is_apostrophe(text: str, i: int) -> bool:
    """’ between two letters (don’t, Iran’s) or after s at a word end (voters’ rights) is an apostrophe."""
    before = text[i - 1] if i > 0 else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    return before.isalnum() and after.isalnum()


def _straight_opens(text: str, i: int) -> bool:
    """A straight double quote opens when it is not glued to the word before and is glued to what follows."""
    before = text[i - 1] if i > 0 else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    return (before.isspace() or before in "([{-\u2014\u2013/:") and not after.isspace()


def _single_opens(text: str, i: int) -> bool:
    before = text[i - 1] if i > 0 else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    return not before.isalnum() and not after.isspace()


def _paragraph_continues(text: str, newline: int) -> int | None:
    """After a paragraph break at `newline`, the offset of the next paragraph's opening mark, if it opens with one."""
    j = newline
    while j < len(text) and text[j].isspace():
        j += 1
    if j < len(text) and (text[j] in OPENERS or text[j] == STRAIGHT_DOUBLE):
        return j
    return None


def find_quoted_spans(text: str) -> list[QuotedSpan]:
    """Every outermost quoted passage in `text`, in order. Nested quotes stay inside their passage."""
    spans: list[QuotedSpan] = []
    i, n = 0, len(text)
    while i < n:
        ch = text[i]
        kind = OPENERS.get(ch)
        if ch == STRAIGHT_DOUBLE and _straight_opens(text, i):
            kind = "double"
        if kind == "single" and not _single_opens(text, i):
            kind = None
        if kind is None:
            i += 1
            continue
        end = _find_close(text, i, kind)
        if end is None:
            i += 1
            continue
        span_end, closed = end
        if span_end - i > 1:
            spans.append(QuotedSpan(i, span_end, closed))
        i = span_end
    return spans


def _find_close(text: str, start: int, kind: str) -> tuple[int, bool] | None:
    """Where the passage opened at `start` closes: (offset after the closing mark, closed?)."""
    j, n = start + 1, len(text)
    while j < n:
        ch = text[j]
        if ch == "\n":
            nxt = _paragraph_continues(text, j)
            if nxt is not None and kind == "double":
                j = nxt + 1                 # the quotation goes on in the next paragraph
                continue
            if kind == "single":
                return None                 # a stray single quote: not a quotation
            return _unclosed_end(text, start, j)
        if kind == "double" and (CLOSERS.get(ch) == "double" or ch == STRAIGHT_DOUBLE):
            if ch == STRAIGHT_DOUBLE and _straight_opens(text, j) and text[j - 1].isspace():
                # a straight quote that looks like an opener inside an open passage: the previous
                # passage was never closed; end it at the white space before.
                return _unclosed_end(text, start, j)
            return j + 1, True
        if kind == "single" and ch == "\u2019" and not _is_apostrophe(text, j):
            return j + 1, True
        if kind == "double" and ch == "\u201c" and text[j - 1].isspace() and j - start > 1:
            # a fresh opener inside an open passage means the first was never closed
            return _unclosed_end(text, start, j)
        j += 1
    return _unclosed_end(text, start, n)


def _unclosed_end(text: str, start: int, stop: int) -> tuple[int, bool] | None:
    end = stop
    while end > start + 1 and text[end - 1].isspace():
        end -= 1
    return (end, False) if end > start + 1 else None
