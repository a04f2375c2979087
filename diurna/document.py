"""The working document that flows through the pipeline stages.

Like spaCy's `Doc`, it carries the parse plus everything the stages have found so far.
Stages read what earlier stages wrote and add their own; `to_record()` turns it into the
contract's `ArticleDocument`. Token indices refer to `spacy_doc`; character offsets to
`article.text` (the two agree because the parse is made on exactly that text).
"""

from __future__ import annotations

import bisect
import time
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Callable, Optional

from diurna.records import Actor, Article, ArticleDocument, DateRef, Event, Place, Quote

if TYPE_CHECKING:  # spaCy is imported lazily so that `diurna --help` stays fast
    from spacy.tokens import Doc


@dataclass
class MentionRef:
    """One mention of an actor in the text, with its place in the parse."""

    actor_id: str
    start: int  # character offsets into article.text
    end: int
    token_start: int  # token offsets into spacy_doc, end-exclusive
    token_end: int
    how: str = "name"  # name | pronoun | description | adjective | alias: how it was recognised


@dataclass
class TimexRef:
    """A temporal expression found in the text and its normalised interval."""

    date: DateRef
    start: int
    end: int
    token_start: int
    token_end: int


@dataclass
class PlaceRef:
    """One mention of a place in the text."""

    place_id: str
    start: int
    end: int
    token_start: int
    token_end: int


@dataclass
class Deadline:
    """The time an article may still take (`diurna.pipeline` sets one per article). Stages whose cost
    grows with the text ask `ArticleDoc.out_of_time()` in their per-sentence or per-quotation loops
    and stop there, keeping the records they have finished; the pipeline runs no further stage and
    says so in a warning on the document."""

    seconds: float
    clock: Callable[[], float] = time.monotonic
    started: float = 0.0
    stage: str = ""  # the stage running now (set by the pipeline)
    cut_in: Optional[str] = None  # the stage a check found the budget spent in

    def __post_init__(self) -> None:
        self.started = self.clock()

    def passed(self, grace: float = 0.0) -> bool:
        """Whether the budget is spent; with `grace`, whether it is overrun by that fraction of it
        (a stage finishing the records it has begun asks this)."""
        over = self.clock() - self.started > self.seconds * (1.0 + grace)
        if over and not grace and self.cut_in is None:
            self.cut_in = self.stage
        return over


@dataclass
class ArticleDoc:
    article: Article
    origin: str = ""  # where the article came from, "file@position", for error messages
    spacy_doc: Optional["Doc"] = None
    actors: list[Actor] = field(default_factory=list)
    mentions: list[MentionRef] = field(default_factory=list)
    timexes: list[TimexRef] = field(default_factory=list)
    places: list[Place] = field(default_factory=list)
    place_mentions: list[PlaceRef] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    # Sentence boundaries when there is no parse (a document read back from a Ray shard).
    sentence_spans: Optional[list[tuple[int, int]]] = None
    # which quote rule made each quote (quote id -> rule names, quotes/rules.py): internal, shown by
    # `diurna quotes --explain`, not part of the output contract
    quote_rules: dict[str, str] = field(default_factory=dict, repr=False, compare=False)
    # the article's time budget (None: no limit); stages ask `out_of_time()`
    deadline: Optional[Deadline] = field(default=None, repr=False, compare=False)
    # lookups over `mentions`, built on first use and rebuilt when the list changes (the actor stage
    # adds mentions; later stages only read them)
    _mention_index: Optional["MentionIndex"] = field(default=None, repr=False, compare=False)
    # token -> place id over `place_mentions` (the places stage appends to it; nothing replaces an
    # item), with the (list, length) it was built for
    _place_index: Optional[tuple[tuple[int, int], dict[int, str]]] = field(default=None, repr=False, compare=False)

    def sentences(self) -> list[tuple[int, int]]:
        """(start, end) character offsets of each sentence."""
        if self.spacy_doc is not None:
            return [(s.start_char, s.end_char) for s in self.spacy_doc.sents]
        return list(self.sentence_spans or [])

    @classmethod
    def from_record(
        cls,
        record: ArticleDocument,
        origin: str = "",
        sentence_spans: Optional[list[tuple[int, int]]] = None,
        warnings: Optional[list[str]] = None,
    ) -> "ArticleDoc":
        """A coded document rebuilt from its contract record (no parse), e.g. to store it."""
        return cls(
            article=record.article,
            origin=origin,
            actors=list(record.actors),
            events=list(record.events),
            quotes=list(record.quotes),
            places=list(record.places),
            warnings=list(warnings or []),
            sentence_spans=list(sentence_spans or []),
        )

    @property
    def text(self) -> str:
        return self.article.text

    def out_of_time(self, grace: float = 0.0) -> bool:
        """Whether the article's time budget is spent: a stage that asks stops its loop, keeping
        the records it has finished (each one valid on its own). `grace`: a fraction of the budget
        it may still use to finish records it has begun."""
        return self.deadline is not None and self.deadline.passed(grace)

    def actor(self, actor_id: str | None) -> Actor | None:
        for actor in self.actors:
            if actor.id == actor_id:
                return actor
        return None

    def mention_at_token(self, i: int) -> MentionRef | None:
        """The actor mention covering token `i`, the shortest when mentions nest (the first of equal
        length). A lookup, not a scan of every mention: stages ask this for token after token."""
        return self.mention_index().by_token.get(i)

    def mention_index(self) -> "MentionIndex":
        """Lookups over `mentions` (by token, by actor, by position), current with the list."""
        if self._mention_index is None or not self._mention_index.current(self.mentions):
            self._mention_index = MentionIndex(self.mentions)
        return self._mention_index

    def actor_at_token(self, i: int) -> str | None:
        m = self.mention_at_token(i)
        return m.actor_id if m else None

    def place_at_token(self, i: int) -> str | None:
        """The place of the first place mention (in list order) covering token `i`. A lookup, not a
        scan of every place mention: the events stage asks it for each mention it offers each
        candidate."""
        key = (id(self.place_mentions), len(self.place_mentions))
        if self._place_index is None or self._place_index[0] != key:
            by_token: dict[int, str] = {}
            for p in self.place_mentions:
                for t in range(p.token_start, p.token_end):
                    by_token.setdefault(t, p.place_id)
            self._place_index = (key, by_token)
        return self._place_index[1].get(i)

    def to_record(self) -> ArticleDocument:
        return ArticleDocument(
            article=self.article, actors=self.actors, events=self.events, quotes=self.quotes, places=self.places
        )


class MentionIndex:
    """Lookups over an article's mentions, so that a question about the mentions near a token or of
    one actor costs what the answer holds, not a scan of every mention in the article (which made
    the quote stage's cost grow with the square of the article's length)."""

    def __init__(self, mentions: list[MentionRef]):
        self._key = (id(mentions), len(mentions))
        self.mentions = mentions
        self.by_token: dict[int, MentionRef] = {}
        self.by_actor: dict[str, list[MentionRef]] = {}
        for m in mentions:
            for i in range(m.token_start, m.token_end):
                held = self.by_token.get(i)
                if held is None or m.token_end - m.token_start < held.token_end - held.token_start:
                    self.by_token[i] = m
            self.by_actor.setdefault(m.actor_id, []).append(m)
        # positions in `mentions`, ordered by first token (then by position)
        self._order = sorted(range(len(mentions)), key=lambda k: (mentions[k].token_start, k))
        self._starts = [mentions[k].token_start for k in self._order]

    def current(self, mentions: list[MentionRef]) -> bool:
        return self._key == (id(mentions), len(mentions))

    def starting_in(self, lo: int, hi: int) -> list[MentionRef]:
        """Mentions whose first token lies in [lo, hi), in the order of the mention list."""
        a, b = bisect.bisect_left(self._starts, lo), bisect.bisect_left(self._starts, hi)
        return [self.mentions[k] for k in sorted(self._order[a:b])]

    def of_actor(self, actor_id: Optional[str]) -> list[MentionRef]:
        """The actor's mentions, in the order of the mention list."""
        return self.by_actor.get(actor_id, [])
