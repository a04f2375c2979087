"""Quoted passages tied to their speakers: the order of the attribution rules (quotes/rules.py),
and the rules of the quotation's own clause (split quotations, a reporting cue's content, a frame
that takes the quotation over from a weak clause).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Optional

from diurna.document import ArticleDoc
from diurna.nlp.index import char_range, index, text_of
from diurna.nlp.quotations import QuotedSpan
from diurna.quotes import rules as R
from diurna.quotes.cues import CueRanges
from diurna.quotes.found import Found, content_of, is_speech_verb, overlap, token_range
from diurna.quotes.frames_after import from_frame, signed_below
from diurna.quotes.lexicon import ADDRESSEE_VERBS, DECLINING, SPEECH_VERBS
from diurna.quotes.reported import Cue
from diurna.quotes.unframed import (
    after_reporting_sentence,
    characterised_as,
    continued,
    in_clause,
    in_the_words_of,
    latest_speaker,
    said_noun,
    unattributed,
)

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

# What a cue's content makes of a quotation in it (`_as_cue_content`), by kind.
_KIND_RULES = {"direct": R.CUE_CONTENT, "partial": R.INSIDE_CUE_CONTENT, "runs_on": R.RUNS_ON_FROM_CLAUSE}

DIRECT_SHARE = 0.6  # a cue whose content is this much quotation (and starts with it) makes a direct quote


def attach_quotations(
    doc: ArticleDoc, spans: list[QuotedSpan], cues: list[Cue], quoted: list[tuple[int, int]]
) -> list[Found]:
    """Each quoted passage tied to its speaker by the first rule that accounts for it, phase by
    phase as `rules.ORDER` lists them; passages no rule keeps are dropped (scare quotes, titles)."""
    sdoc, text = doc.spacy_doc, doc.text
    in_quote = index(sdoc).quotations(text)[1]
    ranges = CueRanges(sdoc, cues)
    found: list[Found] = []
    for span in spans:
        if doc.out_of_time():
            break
        inner = span.inner(text)
        if inner[1] <= inner[0]:
            continue
        # 1. the quotation's own clause: the second half of a split quotation, or a cue's content
        f = _split_quotation(sdoc, span, inner, found) or _as_cue_content(sdoc, span, inner, cues, ranges)
        if f is not None and f.inherited is None:
            f = _frame_over_clause(sdoc, text, span, inner, in_quote, f)
        # 2. a frame around it
        f = f or _framed(sdoc, span, inner, in_quote)
        if f is None:
            # 3. no speech frame: a continuation or a statement of its own, unless the quotation sits
            # in a clause whose subject says it ('Sanders credited the win to "a closed primary"')
            kept = _kept(sdoc, text, span, inner, in_quote, found)
            f = in_clause(sdoc, span, inner, in_quote, kept) or kept
        if f is not None and f.speaker is None and f.inherited is None:
            latest_speaker(sdoc, f, found, cues, in_quote)
        if f is not None:
            found.append(f)
    return found


def _framed(sdoc: "Doc", span: QuotedSpan, inner: tuple[int, int], in_quote: list[bool]) -> Optional[Found]:
    """Phase 2: a noun or phrase that owns the words, a speech frame after or before the quotation
    (frames_after.from_frame tries the frame rules in their order), a signature."""
    return (
        said_noun(sdoc, span, inner, in_quote)
        or in_the_words_of(sdoc, span, inner, in_quote)
        or from_frame(sdoc, span, inner, in_quote)
        or signed_below(sdoc, span, inner)
    )


def _kept(
    sdoc: "Doc", text: str, span: QuotedSpan, inner: tuple[int, int], in_quote: list[bool], found: list[Found]
) -> Optional[Found]:
    """Phase 3: a quotation with no frame is kept as a continuation, as the words of the speaker a
    sentence before introduced, as a statement of its own, or as a characterisation."""
    return (
        continued(text, span, inner, found)
        or after_reporting_sentence(sdoc, span, inner, in_quote)
        or unattributed(sdoc, text, span, inner)
        or characterised_as(sdoc, text, span, inner)
    )


def _frame_over_clause(
    sdoc: "Doc", text: str, span: QuotedSpan, inner: tuple[int, int], in_quote: list[bool], f: Found
) -> Found:
    """'Comey cannot say that "from his perspective," Lewandowski added', 'Nothing the president
    said "will assuage fears," the senator said', '... but Moscow denies -- "why wouldn't you?"
    asked Dunn': a quotation handed over to a speech frame is the frame speaker's, not the clause's."""
    handing = text[inner[0] : inner[1]].rstrip()[-1:]
    if handing not in (",", "?", "!") or not R.enabled(R.FRAME_OVER_CLAUSE):
        return f
    framed = from_frame(sdoc, span, inner, in_quote)
    quote_end = token_range(sdoc, span.start, span.end)[1]
    # only a speech frame that names its speaker after the quotation ('"...," blaming
    # Bloomberg' does not; '"...," the crowd applauded' is no frame)
    if (
        framed is None
        or framed.cue is None
        or framed.cue[0] < quote_end
        or framed.speaker is None
        or framed.speaker.i < quote_end
        or not is_speech_verb(sdoc[framed.cue[0]])
    ):
        return f
    # an inverted frame right behind the quotation ('"...?" asked Dunn') always; else
    # only instead of a weak claim: a partial quote, a cue that is no speech verb or
    # one inside a relative clause ('Nothing the president said "...," X said')
    clause_cue = sdoc[f.cue[0]] if f.cue is not None else None
    weak = (
        f.kind == "partial"
        or clause_cue is not None
        and (not is_speech_verb(clause_cue) or clause_cue.dep_ in ("relcl", "acl"))
    )
    first = next((t for t in sdoc[quote_end : framed.cue[0] + 1] if not t.is_space), None)
    inverted = (
        first is not None and first.i == framed.cue[0] < framed.speaker.i and first.tag_ in ("VBD", "VBZ", "VBP")
    )  # not '"...," referring to ISIS'
    frame_verb = sdoc[framed.cue[0]]
    # a frame that closes on its verb ('..., Lewandowski added'), not one with content
    # of its own ('Asked whether X "has the integrity," 75 percent said yes')
    closing = not any(
        c.dep_ in ("ccomp", "xcomp", "dobj", "intj")
        and c.i > frame_verb.i
        and frame_verb.lemma_.lower() not in ADDRESSEE_VERBS
        for c in frame_verb.children
    )
    if inverted or weak and handing == "," and closing:
        framed.revise(R.FRAME_OVER_CLAUSE)
        return framed
    return f


def _split_quotation(sdoc: "Doc", span: QuotedSpan, inner: tuple[int, int], found: list[Found]) -> Optional[Found]:
    """'"In breaking news," Axelrod tweeted last January, "@HillaryClinton wins ...," after X said':
    the second half of a quotation that its frame splits in two is the first half's, whatever
    follows it. Only when the frame between the halves is the first one's own and ends in a comma."""
    if not R.enabled(R.SPLIT_QUOTATION) or not found or found[-1].cue is None or found[-1].kind != "direct":
        return None
    previous, text = found[-1], text_of(sdoc)
    if text[previous.end : previous.end + 1] != ",":
        return None  # the first half did not hand over to its frame
    gap = text[previous.end : span.start]
    if "\n" in gap or not gap.rstrip().endswith(","):
        return None
    cue_at = sdoc[previous.cue[0]].idx
    if not previous.end <= cue_at < span.start:
        return None
    ts, te = token_range(sdoc, previous.end, span.start)
    if any(t.text in (".", "!", "?", ";") or (is_speech_verb(t) and t.i != previous.cue[0]) for t in sdoc[ts:te]):
        return None  # a sentence ends, or another speaker's frame comes in between
    return Found("direct", *content_of(text, inner), inherited=previous, rule=R.SPLIT_QUOTATION)


def _as_cue_content(
    sdoc: "Doc", span: QuotedSpan, inner: tuple[int, int], cues: list[Cue], ranges: Optional[CueRanges] = None
) -> Optional[Found]:
    """The quotation is (most of) a cue's content -> direct; it lies inside one -> partial.
    `ranges`: `CueRanges(sdoc, cues)`, when the caller has it."""
    best, best_kind, best_size = None, None, None
    for cue, content, cue_chars in (ranges or CueRanges(sdoc, cues)).near(span.start, span.end):
        if span.start <= cue_chars[0] < span.end:
            continue  # a cue inside the quotation is quoted speech
        if cue.speaker is not None and span.start <= cue.speaker.idx < span.end:
            continue  # '"My apologies," Quick said': the parser's subject is quoted
        shared = overlap(content, (span.start, span.end))
        gap = text_of(sdoc)[content[1] : span.start]
        follows = 0 <= span.start - content[1] <= 2 and not gap.strip() and "\n" not in gap
        if not shared and not follows:
            continue
        size = content[1] - content[0]
        if shared >= DIRECT_SHARE * size and (span.start <= content[0] + 2 or shared >= 0.9 * size):
            kind = "direct"
        elif content[0] <= inner[0] and inner[1] <= content[1] + 1:
            kind = "partial"
        elif content[0] <= inner[0] < content[1] < inner[1]:
            # the quotation starts in the reported clause and runs on past it ('added that he was
            # "ready to fight for every farm. Nobody else is."'): one quote, clause and quotation
            kind = "runs_on"
        elif follows:
            # the parser ended the clause where the quotation begins ('added that he was the only
            # one "fighting for the Constitution. I'll tell you this, ..."'): the same
            kind = "runs_on"
        else:
            continue
        if not R.enabled(_KIND_RULES[kind]):
            continue
        if best is None or size < best_size:
            best, best_kind, best_size = cue, kind, size
    if best is None:
        return None
    if best_kind == "partial" or best.verb.lemma_.lower() not in SPEECH_VERBS or _relative_thing(best.speaker):
        around = _reporting_cue_around(best, cues) if R.enabled(R.REPORTER_OF_BELIEF) else None
        rule = _KIND_RULES[best_kind]
        if around is not None:
            # the quotation is a piece of what the outer cue reports, which stays an indirect quote;
            # the inner cue is spent (its content is the quotation's, now the outer speaker's)
            if best_kind != "partial":
                best.quotation = span
            best, best_kind, rule = around, "partial", R.REPORTER_OF_BELIEF
    else:
        rule = _KIND_RULES[best_kind]
    start, end = content_of(text_of(sdoc), inner)
    if best_kind == "runs_on":
        best_kind, start = "partial", char_range(sdoc, best.content_start, best.content_end)[0]
        end = span.end if span.closed else end
    if best_kind != "partial" or start < inner[0]:
        best.quotation = span  # the cue is spent; a partial quote leaves it an indirect quote too
    return Found(
        best_kind,
        start,
        end,
        speaker=best.speaker,
        cue=(best.cue_start, best.cue_end),
        relays=list(best.relays),
        rule=rule,
        cue_rule=best.rule,
    )


def _relative_thing(tok: Optional["Token"]) -> bool:
    """'a platform that calls for "..."': a relative pronoun standing for a thing."""
    return tok is not None and tok.lower_ in ("that", "which")


def _reporting_cue_around(cue: Cue, cues: list[Cue]) -> Optional[Cue]:
    """'He keeps talking about how the department wants to be a kind of "Match.com"': the quoted
    words inside a belief or intention are the reporting speaker's words, not the holder's (who
    only wants, sees or expects); so are words a thing 'calls for' in someone's statement ('He said
    he wants a platform that calls for "..."'). The nearest speech cue whose content holds the
    inner cue, if any."""
    if cue.verb.lower_ == "according" or (
        cue.verb.lemma_.lower() in SPEECH_VERBS and not _unsaid(cue.verb) and not _relative_thing(cue.speaker)
    ):
        return None
    around = [
        c
        for c in cues
        if c is not cue
        and c.speaker is not None
        and c.verb.lemma_.lower() in SPEECH_VERBS
        and c.content_start <= cue.verb.i < c.content_end
    ]
    return min(around, key=lambda c: c.content_end - c.content_start, default=None)


def _unsaid(verb: "Token") -> bool:
    """'for not calling the attack "radical Islamic terrorism"', 'refused to say "..."': words someone
    did not say are the words of whoever reports the omission."""
    if any(c.dep_ == "neg" for c in verb.children):
        return True
    head = verb.head
    return verb.dep_ in ("xcomp", "acl") and head.i != verb.i and head.lemma_.lower() in DECLINING
