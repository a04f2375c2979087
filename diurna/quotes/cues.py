"""What the quote stage does with the reported-speech cues before it ties quotations to them: the
relays that 'quoted X as saying' and 'according to R' name, and a lookup of the cues near a quotation.
"""

from __future__ import annotations

import bisect
from typing import TYPE_CHECKING

from diurna.nlp.index import char_range, index
from diurna.quotes.relays import quoted_as_saying
from diurna.quotes.reported import Cue

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token


def apply_quoted_as_saying(cues: list[Cue]) -> None:
    """ "State media quoted X as saying ...": X speaks, state media relays."""
    for cue in cues:
        pair = quoted_as_saying(cue.verb)
        if pair is not None:
            cue.speaker = pair[0]
            if pair[1] is not None:
                cue.relays.append(pair[1])


def _sentence_of(tok: "Token") -> int:
    return index(tok.doc).sentence_number(tok.i)


def fold_according_to(cues: list[Cue]) -> list[Cue]:
    """ "X said ..., according to R": R relays X's words rather than speaking itself."""
    kept: list[Cue] = []
    by_sentence: dict[int, list[Cue]] = {}
    for cue in cues:
        by_sentence.setdefault(_sentence_of(cue.verb), []).append(cue)
    for cue in cues:
        if cue.verb.lower_ != "according":
            kept.append(cue)
            continue
        others = [
            c
            for c in by_sentence[_sentence_of(cue.verb)]
            if c is not cue and c.verb.lower_ != "according" and c.speaker is not None
        ]
        if not others:
            kept.append(cue)
            continue
        for other in others:
            other.relays.append(cue.speaker)
    return kept


class CueRanges:
    """The cues that name a speaker (or are 'according to'), with the character ranges of their
    content and of their cue words, worked out once per article; `near(start, end)` gives, in the
    cues' order, those whose content may overlap or end right before a quotation at [start, end):
    a bisection over where contents begin, not a pass over every cue of the article."""

    def __init__(self, sdoc: "Doc", cues: list[Cue]):
        self.items = [
            (cue, char_range(sdoc, cue.content_start, cue.content_end), char_range(sdoc, cue.cue_start, cue.cue_end))
            for cue in cues
            if cue.speaker is not None or cue.verb.lower_ == "according"
        ]
        # a content overlapping [start, end), or ending at most 2 characters before `start`, ends at
        # or after start - 2 and begins (its lower offset) before `end`; it begins at most
        # `self.widest` characters before its end
        lows = [min(content) for _, content, _ in self.items]
        self.widest = max((content[1] - low for (_, content, _), low in zip(self.items, lows)), default=0)
        self.order = sorted(range(len(self.items)), key=lambda k: (lows[k], k))
        self.lows = [lows[k] for k in self.order]

    def near(self, start: int, end: int) -> list[tuple[Cue, tuple[int, int], tuple[int, int]]]:
        a = bisect.bisect_left(self.lows, start - 2 - self.widest)
        b = bisect.bisect_left(self.lows, end)
        return [self.items[k] for k in sorted(self.order[a:b])]
