"""'We' in a quotation: a mention of the quote's speaker, resolved after the quote stage.

A spokesman, a minister or a ministry quoted directly speaks for its side in the first person plural:
'"We call on Iran to revoke the death sentence," Baerbock said', '"We have closed our borders," the
interior minister said'. The act is the speaker's (issue #26: on the real-text tune split about 20
gold events whose subject is such a "we" had no output event). Which actor "we" is depends on who
said the quotation, which the quote stage decides after the actor stage; this stage of the actor
package runs after it and records "we" and "us" inside each direct or partial quote as a mention
of the quote's speaker, so that the events stage (after it) reads them like any other mention. The
actor package stays the one authority on coreference; the quote stage's answer (the speaker) is only
read here. Rule registered with its example (diurna/actors/rules.py), switchable by name.
"""

from __future__ import annotations

import bisect
from typing import TYPE_CHECKING

from diurna.actors.rules import enabled, register
from diurna.document import MentionRef
from diurna.nlp.syntax import coordinated_pair
from diurna.records import TextSpan

if TYPE_CHECKING:
    from diurna.document import ArticleDoc

QUOTE_WE = register(
    "quote-we",
    '"We will not tolerate any interference in our affairs," the foreign ministry said on Monday.',
    "'we', 'us' inside a direct or partial quotation is its speaker: whoever speaks in the first "
    "person plural in news copy speaks for the side the article quotes (a ministry, a government, a "
    "group, a person with the people they lead). Not in an indirect quote (the words are the writer's), "
    "not when the quote has no speaker, and not right after two parties named together ('Hamas and Iran "
    "had agreed ... \"We have made a major agreement\"'): that 'we' is both of them, not the speaker alone.",
)
# Not the possessive "our": "our brothers in Ethiopia", "our colleagues" name others, whom the
# speaker's side would replace as the phrase's actor ("support our brothers": not the speaker).
FIRST_PERSON_PLURAL = frozenset({"we", "us", "ourselves"})
SPEAKING_KINDS = ("direct", "partial")


def speaker_first_person(doc: "ArticleDoc") -> int:
    """Records each 'we' of a quotation as a mention of the quote's speaker; returns how many."""
    sdoc = doc.spacy_doc
    if sdoc is None or not enabled(QUOTE_WE):
        return 0
    starts = [t.idx for t in sdoc]
    taken = doc.mention_index().by_token
    added: dict[str, list[MentionRef]] = {}
    for quote in doc.quotes:
        if quote.kind not in SPEAKING_KINDS or quote.speaker is None or doc.actor(quote.speaker) is None:
            continue
        first = bisect.bisect_left(starts, quote.content.start)
        last = bisect.bisect_left(starts, quote.content.end)
        for token in sdoc[first:last]:
            if (
                token.lower_ in FIRST_PERSON_PLURAL
                and token.i not in taken
                and not _after_a_pair(sdoc, token, first, taken)
            ):
                ref = MentionRef(quote.speaker, token.idx, token.idx + len(token.text), token.i, token.i + 1, "pronoun")
                added.setdefault(quote.speaker, []).append(ref)
    for actor_id, refs in added.items():
        doc.mentions.extend(refs)
        index = next(i for i, a in enumerate(doc.actors) if a.id == actor_id)
        actor = doc.actors[index]
        spans = actor.mentions + [TextSpan(text=sdoc[r.token_start].text, start=r.start, end=r.end) for r in refs]
        doc.actors[index] = actor.model_copy(update={"mentions": sorted(spans, key=lambda m: (m.start, m.end))})
    return sum(len(refs) for refs in added.values())


def _after_a_pair(sdoc, token, quote_start: int, taken: dict) -> bool:
    """Whether a sentence from the one before the quotation up to the pronoun has a main-clause subject
    (or that of a clause it reports) coordinating two actors ("Hamas and Iran had agreed"): an
    inclusive "we" may be both."""
    first = sdoc[quote_start].sent.start
    lo = sdoc[first - 1].sent.start if first > 0 else first
    for sent in _sentences_over(sdoc, lo, token.i):
        for verb in [sent.root] + [c for c in sent.root.children if c.dep_ == "ccomp"]:
            subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
            pair = coordinated_pair(subject) if subject is not None and subject.i < token.i else None
            if pair is None:
                continue
            left, right = (taken.get(t.i) for t in pair)
            if left is not None and right is not None and left.actor_id != right.actor_id:
                return True
    return False


def _sentences_over(sdoc, lo: int, hi: int):
    """The sentences holding a token from `lo` to `hi`, in order: each found once from the one
    before it (`Token.sent` walks its sentence, so asking it of every token costs the square)."""
    sent = sdoc[lo].sent
    while True:
        yield sent
        if sent.end > hi or sent.end >= len(sdoc):
            return
        sent = sdoc[sent.end].sent


class SpeakerFirstPersonStage:
    """Rule quote-we, after the quote stage: 'we' in a quotation is a mention of its speaker."""

    name = "actor_speakers"
    # what the stage reads from the article and what it writes (the pipeline checks the order)
    requires = ("actors", "mentions", "quotes")
    assigns = ("actors", "mentions")

    def __call__(self, doc: "ArticleDoc") -> None:
        speaker_first_person(doc)
