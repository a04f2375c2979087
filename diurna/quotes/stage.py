"""The quote stage: direct, partial and indirect quotes with their speaker and relay chain.

Order of work on one article:
1. quotation marks give the quoted passages (`marks`), the parse gives reported-speech cues
   with their content (`reported`);
2. each quoted passage is tied to a cue: the one whose content it is (direct), the one whose
   content it sits in (partial), one in the words around it ('"...," she said'), or the
   speaker of the quotation just before it (a quotation continued after "he said.");
3. cues whose content is not already a quotation become indirect quotes;
4. speakers are resolved to actors (`speakers`), relays to the `via` chain (`relays`).
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING, Optional

from diurna.actors.gender import given_name_gender
from diurna.document import ArticleDoc
from diurna.ids import stable_id
from diurna.nlp.index import Ranges, char_range, covered, index, paragraph_number, text_of
from diurna.nlp.quotations import QuotedSpan, starts_paragraph
from diurna.nlp.syntax import crosses_paragraph, in_main_clause, is_passive
from diurna.quotes.cues import CueRanges, apply_quoted_as_saying, fold_according_to
from diurna.quotes.lexicon import DIRECTIVE_VERBS, OBJECT_CONTENT_VERBS, SAID_NOUNS, SPEECH_NOUNS, SPEECH_VERBS
from diurna.quotes.relays import relay_statements
from diurna.quotes.reported import (
    Cue,
    addressed_in_passive,
    agent_of,
    find_cues,
    opens_with_that,
    reports_speech,
    subject_of,
)
from diurna.quotes.speakers import Speaker, gender_fits, speaker_for
from diurna.records import Quote, TextSpan

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

_FRAME_AFTER = 24  # tokens after a quotation searched for '..., X said' (and '..., X, a long apposition, said')
_FRAME_BEFORE = 30  # tokens before a quotation searched for 'X said: "..."'
_GAP_BEFORE = 8  # at most this many tokens between such a cue and the quotation it introduces
_MIN_UNATTRIBUTED_WORDS = 8  # a quotation with no cue is kept (speaker null) only when it reads as a statement
_DIRECT_SHARE = 0.6  # a cue whose content is this much quotation (and starts with it) makes a direct quote
_ADDRESSEE_VERBS = frozenset({"tell", "ask", "inform", "remind", "assure", "warn"})  # their object is the hearer
_RELAY_CUE_LEMMAS = frozenset({"report", "say", "write", "tell", "quote", "cite", "carry"})
# Quotations found before the article's time budget ran out still get their speakers, while the
# overrun stays under this share of the budget: a quote without its speaker would be a wrong record.
_FINISHING_GRACE = 0.5


@dataclass
class Found:
    """A quote being assembled: character range of its content, and the tokens naming its speaker."""

    kind: str
    start: int
    end: int
    speaker: Optional["Token"] = None
    cue: Optional[tuple[int, int]] = None
    relays: list["Token"] = field(default_factory=list)
    inherited: Optional["Found"] = None  # a continued quotation takes this quote's speaker
    author: Optional["Token"] = None  # who issued the text the speaker's words name ('The message')
    resolved: Optional[Speaker] = None
    via: list[str] = field(default_factory=list)


class QuoteStage:
    """Finds quotes and their speakers; fills `doc.quotes`."""

    name = "quotes"

    def __init__(self, with_beliefs: bool = True):
        # Beliefs and intentions ("X believes that ...", "X wants to ...") are reported as indirect
        # quotes too: events stated in them are the holder's claims, not facts.
        self.with_beliefs = with_beliefs

    def __call__(self, doc: ArticleDoc) -> None:
        sdoc = doc.spacy_doc
        if sdoc is None or not len(sdoc):
            return
        text = doc.text
        spans, in_quote = index(sdoc).quotations(text)
        quoted = Ranges((s.start, s.end) for s in spans)
        # a cue inside a quotation is part of what the speaker said, not a report by the article
        cues = [c for c in find_cues(sdoc, self.with_beliefs) if not in_quote[c.cue_start]]
        apply_quoted_as_saying(cues)
        cues = fold_according_to(cues)
        found = _attach_quotations(doc, spans, cues, quoted)
        # Out of time (`doc.out_of_time()`, the article's budget): the quotations tied so far are
        # kept; no cue becomes an indirect quote, as its quotation may be among those not reached.
        if not doc.out_of_time():
            found += _headline_quotes(doc, found)
            found += _indirect_quotes(sdoc, cues, found)
        _add_nested_relays(found, cues)
        _speak_through_texts(found)
        found.sort(key=lambda f: f.start)
        resolved = []
        for f in found:
            if doc.out_of_time(grace=_FINISHING_GRACE):
                break  # only quotes whose speaker was looked for are recorded
            _resolve_speaker(doc, f, quoted, found)
            resolved.append(f)
        if not doc.out_of_time():
            _add_relay_statements(doc, resolved, quoted)
        doc.quotes.extend(_records(doc, resolved))


# ----------------------------------------------------------------- quotations


def _token_range(sdoc: "Doc", start: int, end: int) -> tuple[int, int]:
    """Tokens whose first character lies in [start, end)."""
    return index(sdoc).tokens_in(start, end)


def _overlap(a: tuple[int, int], b: tuple[int, int]) -> int:
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


def _paragraph_of(text: str, offset: int) -> int:
    return paragraph_number(text, offset)


def _attach_quotations(
    doc: ArticleDoc, spans: list[QuotedSpan], cues: list[Cue], quoted: list[tuple[int, int]]
) -> list[Found]:
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
        f = _split_quotation(sdoc, span, inner, found) or _as_cue_content(sdoc, span, inner, cues, ranges)
        handing = text[inner[0] : inner[1]].rstrip()[-1:]
        if f is not None and f.inherited is None and handing in (",", "?", "!"):
            # 'Comey cannot say that "from his perspective," Lewandowski added', 'Nothing the
            # president said "will assuage fears," the senator said', '... but Moscow denies --
            # "why wouldn't you?" asked Dunn': a quotation handed over to a speech frame is the
            # frame speaker's, not the clause's
            framed = _from_frame(sdoc, span, inner, in_quote)
            quote_end = _token_range(sdoc, span.start, span.end)[1]
            # only a speech frame that names its speaker after the quotation ('"...," blaming
            # Bloomberg' does not; '"...," the crowd applauded' is no frame)
            if (
                framed is not None
                and framed.cue is not None
                and framed.cue[0] >= quote_end
                and framed.speaker is not None
                and framed.speaker.i >= quote_end
                and _is_speech_verb(sdoc[framed.cue[0]])
            ):
                # an inverted frame right behind the quotation ('"...?" asked Dunn') always; else
                # only instead of a weak claim: a partial quote, a cue that is no speech verb or
                # one inside a relative clause ('Nothing the president said "...," X said')
                clause_cue = sdoc[f.cue[0]] if f.cue is not None else None
                weak = (
                    f.kind == "partial"
                    or clause_cue is not None
                    and (not _is_speech_verb(clause_cue) or clause_cue.dep_ in ("relcl", "acl"))
                )
                first = next((t for t in sdoc[quote_end : framed.cue[0] + 1] if not t.is_space), None)
                inverted = (
                    first is not None
                    and first.i == framed.cue[0] < framed.speaker.i
                    and first.tag_ in ("VBD", "VBZ", "VBP")
                )  # not '"...," referring to ISIS'
                frame_verb = sdoc[framed.cue[0]]
                # a frame that closes on its verb ('..., Lewandowski added'), not one with content
                # of its own ('Asked whether X "has the integrity," 75 percent said yes')
                closing = not any(
                    c.dep_ in ("ccomp", "xcomp", "dobj", "intj")
                    and c.i > frame_verb.i
                    and frame_verb.lemma_.lower() not in _ADDRESSEE_VERBS
                    for c in frame_verb.children
                )
                if inverted or weak and handing == "," and closing:
                    f = framed
        f = (
            f
            or _said_noun(sdoc, span, inner, in_quote)
            or _in_the_words_of(sdoc, span, inner, in_quote)
            or _from_frame(sdoc, span, inner, in_quote)
            or _signed_below(sdoc, span, inner)
        )
        if f is None:
            # no speech frame: a continuation or a statement of its own, unless the quotation sits in
            # a clause whose subject says it ('Sanders credited the win to "a closed primary"')
            kept = (
                _continued(text, span, inner, found)
                or _after_reporting_sentence(sdoc, span, inner, in_quote)
                or _unattributed(sdoc, text, span, inner)
                or _characterised_as(sdoc, text, span, inner)
            )
            f = _in_clause(sdoc, span, inner, in_quote, kept) or kept
        if f is not None and f.speaker is None and f.inherited is None:
            _latest_speaker(sdoc, f, found, cues, in_quote)
        if f is not None:
            found.append(f)
    return found


def _split_quotation(sdoc: "Doc", span: QuotedSpan, inner: tuple[int, int], found: list[Found]) -> Optional[Found]:
    """'"In breaking news," Axelrod tweeted last January, "@HillaryClinton wins ...," after X said':
    the second half of a quotation that its frame splits in two is the first half's, whatever
    follows it. Only when the frame between the halves is the first one's own and ends in a comma."""
    if not found or found[-1].cue is None or found[-1].kind != "direct":
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
    ts, te = _token_range(sdoc, previous.end, span.start)
    if any(t.text in (".", "!", "?", ";") or (_is_speech_verb(t) and t.i != previous.cue[0]) for t in sdoc[ts:te]):
        return None  # a sentence ends, or another speaker's frame comes in between
    return Found("direct", *_content_of(text, inner), inherited=previous)


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
        shared = _overlap(content, (span.start, span.end))
        gap = text_of(sdoc)[content[1] : span.start]
        follows = 0 <= span.start - content[1] <= 2 and not gap.strip() and "\n" not in gap
        if not shared and not follows:
            continue
        size = content[1] - content[0]
        if shared >= _DIRECT_SHARE * size and (span.start <= content[0] + 2 or shared >= 0.9 * size):
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
        if best is None or size < best_size:
            best, best_kind, best_size = cue, kind, size
    if best is None:
        return None
    if best_kind == "partial" or best.verb.lemma_.lower() not in SPEECH_VERBS or _relative_thing(best.speaker):
        around = _reporting_cue_around(best, cues)
        if around is not None:
            # the quotation is a piece of what the outer cue reports, which stays an indirect quote;
            # the inner cue is spent (its content is the quotation's, now the outer speaker's)
            if best_kind != "partial":
                best.quotation = span
            best, best_kind = around, "partial"
    start, end = _content_of(text_of(sdoc), inner)
    if best_kind == "runs_on":
        best_kind, start = "partial", char_range(sdoc, best.content_start, best.content_end)[0]
        end = span.end if span.closed else end
    if best_kind != "partial" or start < inner[0]:
        best.quotation = span  # the cue is spent; a partial quote leaves it an indirect quote too
    return Found(
        best_kind, start, end, speaker=best.speaker, cue=(best.cue_start, best.cue_end), relays=list(best.relays)
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


_DECLINING = frozenset({"refuse", "fail", "decline", "refusal", "failure", "reluctance", "reluctant", "unwilling"})


def _unsaid(verb: "Token") -> bool:
    """'for not calling the attack "radical Islamic terrorism"', 'refused to say "..."': words someone
    did not say are the words of whoever reports the omission."""
    if any(c.dep_ == "neg" for c in verb.children):
        return True
    head = verb.head
    return verb.dep_ in ("xcomp", "acl") and head.i != verb.i and head.lemma_.lower() in _DECLINING


def _content_of(text: str, inner: tuple[int, int]) -> tuple[int, int]:
    """A quotation's content without the comma that hands over to "he said"."""
    s, e = inner
    while e > s and text[e - 1] in ",;: \n":
        e -= 1
    return s, e


def _frame_tokens_after(sdoc: "Doc", tstart: int, in_quote: list[bool]) -> list["Token"]:
    out = []
    for i in range(tstart, min(len(sdoc), tstart + _FRAME_AFTER)):
        tok = sdoc[i]
        if in_quote[i] or "\n" in tok.text:
            break
        out.append(tok)
        if tok.text in (".", "!", "?", ";"):
            break
    return out


def _frame_tokens_before(sdoc: "Doc", tend: int, in_quote: list[bool]) -> list["Token"]:
    out = []
    for i in range(tend - 1, max(-1, tend - 1 - _FRAME_BEFORE), -1):
        tok = sdoc[i]
        if in_quote[i] or "\n" in tok.text or tok.text in (".", "!", "?", ";"):
            break
        out.append(tok)
    return out[::-1]


def _is_speech_verb(tok: "Token") -> bool:
    if reports_speech(tok) and (tok.pos_ in ("VERB", "AUX") or tok.tag_.startswith("VB")):
        return not _writers_aside(tok)
    if _read_by_a_text(tok):
        return True
    if (
        tok.lemma_.lower() == "put"
        and any(c.dep_ == "dobj" and c.lower_ == "it" for c in tok.children)
        and not any(c.dep_ in ("prep", "prt") and c.i > tok.i for c in tok.children)
    ):
        return True  # 'as X put it, "..."' (not 'putting it into the file')

    if tok.pos_ != "NOUN" or tok.i == 0:
        return False
    ends_clause = tok.i + 1 == len(tok.doc) or tok.nbor(1).is_punct or tok.nbor(1).pos_ == "ADP"
    if _read_after_a_text(tok) and ends_clause:
        return True  # '"...," the editorial read.': tagged an adjective and a noun
    # '"...," Okafor notes': the tagger may read "notes" as a plural noun after a name
    # ('"...," the ad states in the filing.' likewise, when the word is lower case and ends the clause)
    if tok.lower_.endswith("s") and tok.lower_[:-1] in SPEECH_VERBS:
        return tok.nbor(-1).pos_ in ("PROPN", "PRON") or tok.nbor(-1).pos_ == "NOUN" and tok.is_lower and ends_clause
    # '"...," the Saudis state in the white paper': after a plural, the verb's plain form read as a noun
    return tok.lower_ in SPEECH_VERBS and tok.nbor(-1).tag_ in ("NNS", "NNPS") and tok.is_lower and ends_clause


_TEXT_NOUNS = SPEECH_NOUNS | frozenset(
    """
    editorial sign banner poster placard billboard caption headline note memo release ad advertisement
    plaque inscription text email card shirt slogan notice flyer leaflet
""".split()
)


def _read_after_a_text(tok: "Token") -> bool:
    """'the editorial read': "read" right after a text noun, whatever the tagger made of either word."""
    return tok.lower_ in ("read", "reads") and tok.i > 0 and tok.nbor(-1).lower_ in _TEXT_NOUNS


def _read_by_a_text(verb: "Token") -> bool:
    """'"...," the editorial read', '"...," read a statement from X's office': a text that "reads" says."""
    if verb.lemma_.lower() != "read" or verb.pos_ != "VERB":
        return False
    subject = next(
        (c for c in verb.children if c.dep_ in ("nsubj", "dobj") and (c.dep_ == "nsubj") == (c.i < verb.i)), None
    )
    return subject is not None and subject.lemma_.lower() in _TEXT_NOUNS


def _writers_aside(verb: "Token") -> bool:
    """'Trump said, and I quote, "..."': the writer vouching for the wording, not a frame."""
    return (
        verb.lemma_.lower() == "quote"
        and not any(c.dep_ == "dobj" for c in verb.children)
        and any(c.dep_ == "nsubj" and c.lower_ in ("i", "we") for c in verb.children)
    )


def _according_source(tokens: list["Token"]) -> Optional["Token"]:
    for tok in tokens:
        if tok.lower_ == "according":
            for to in tok.children:
                for obj in to.children:
                    if obj.dep_ == "pobj":
                        return obj
    return None


def _from_frame(sdoc: "Doc", span: QuotedSpan, inner: tuple[int, int], in_quote: list[bool]) -> Optional[Found]:
    """'"...," X said' after the quotation, or 'X said: "..."' before it."""
    ts, te = _token_range(sdoc, span.start, span.end)
    after = _frame_tokens_after(sdoc, te, in_quote)
    if (
        text_of(sdoc)[inner[1] - 1 : inner[1]] in (".", "!")
        and after
        and after[0].is_title
        and not _closing_frame(after)
    ):
        after = []  # '"...." He said the ...': the quotation ended its sentence; what follows is new
    if text_of(sdoc)[inner[1] - 1 : inner[1]] in (".", "!", "?") and _opens_next_quotation(after):
        after = []  # '"Why now?" Mills then writes back, "You look cute."': the frame is the next one's
    if after and after[0].pos_ == "CCONJ":
        after = []  # 'Weld calls it "a six-lane highway," and Johnson talks about ...': a new clause
    handed_over = text_of(sdoc)[inner[1] - 1 : inner[1]] == ","
    # '"...," said Oversight ranking Democrat Elijah Cummings': a comma hands the quotation to the
    # verb right after it, whatever the parser hung on that verb as its clause
    # not a passive ('... Tuesday, hours after the aide was charged with battery'): its subject is
    # the one spoken to or about
    verb = next(
        (
            t
            for t in after
            if _is_speech_verb(t)
            and not is_passive(t)
            and not _says_its_own(t, after)
            and (not _has_own_clause(t, in_quote) or handed_over and (t.i == after[0].i or _subject_opens(t, after)))
        ),
        None,
    )
    if verb is None and text_of(sdoc)[inner[1] - 1 : inner[1]] in (",", "?", "!", "\u2014"):
        verb = _bare_frame_verb(after)
    according = _according_source(after)
    if verb is not None:
        speaker = subject_of(verb)
        if speaker is None or in_quote[speaker.i]:
            # the parser may take the quotation itself for the subject ('"Good evening," Rossi said');
            # an object is an inverted subject only right behind the quotation ('"...," said the
            # minister'), not in a clause of its own ('..." and recalled the shutdown: "...')
            inverted = _inverted_subject(verb) if all(t.is_punct or t.is_space for t in after if t.i < verb.i) else None
            speaker = inverted or _name_before(verb)
        if speaker is None and after and verb.i == after[0].i and verb.tag_ != "VBG":
            # '"...," mused radio host Stu Burguiere.': the name after the cue
            rest = [t for t in after[1:] if t.i > verb.i]
            stop = next((t for t in rest if t.is_punct), None)
            if stop is not None:
                # 'said Oversight ranking Democrat Elijah Cummings (D-Md.)': titles first, the name last
                names = [t for t in rest if t.i < stop.i and t.pos_ == "PROPN"]
                speaker = names[-1] if names else _first_name_in([t for t in rest if t.i < stop.i], stop)
        if (speaker is None or not te <= speaker.i < verb.i) and verb.i - te >= 1 and not after[0].is_punct:
            # '"...," Seth Ames, a political scientist at ..., told The Hill': the name between the
            # quotation and the cue speaks, whatever the parser made of the long subject
            speaker = _first_name_in(after, verb) or speaker
        # '"...," Maria Lenz, a shop owner in Graz, said': a far cue needs its subject in between
        if speaker is not None and verb.i - te >= 6 and not te <= speaker.i < verb.i:
            speaker = None
        # '"...," the club, a private course near here, charged a $100,000 fee': a far verb with an
        # object of its own reports something else
        if (
            speaker is not None
            and verb.i - te >= 6
            and verb.lemma_.lower() not in _ADDRESSEE_VERBS
            and any(c.dep_ in ("dobj", "ccomp") and c.i > verb.i for c in verb.children)
        ):
            speaker = None
        if speaker is not None and not in_quote[speaker.i]:
            relays = [according] if according is not None and according.i > verb.i else []
            return Found(
                "direct", *_content_of(text_of(sdoc), inner), speaker=speaker, cue=(verb.i, verb.i + 1), relays=relays
            )
    if according is not None and after and after[0].is_punct:
        return Found(
            "direct",
            *_content_of(text_of(sdoc), inner),
            speaker=according,
            cue=(according.head.head.i, according.head.i + 1),
        )
    before = _frame_tokens_before(sdoc, ts, in_quote)
    if not [t for t in before if not t.is_space]:
        return _introduced_by_colon(sdoc, inner, ts, in_quote)
    return _introduced_by(sdoc, before, inner, ts)


_PERSONS_ADDRESSED = frozenset({"me", "you", "him", "her", "us", "them"})


def _subject_opens(verb: "Token", after: list["Token"]) -> bool:
    """'"...," the former president told a crowd that the campaign estimated at 3,000': right after a
    quotation handed over by a comma, a subject and its verb frame it, whatever clause the parser
    hung on the verb ('a crowd that ...' read as 'told ... that')."""
    subject = next((c for c in verb.children if c.dep_ == "nsubj" and c.i < verb.i), None)
    return subject is not None and subject.left_edge.i == after[0].i and subject.right_edge.i == verb.i - 1


def _says_its_own(verb: "Token", after: list["Token"]) -> bool:
    """'"...," 75 percent of Democrats said yes': a verb after the quotation with an object of its
    own says that, not the quotation (not '"...," said the minister', nor '"...," she told reporters')."""
    first = next((t for t in after if not t.is_space), verb)
    if verb.i == first.i or verb.lemma_.lower() in _ADDRESSEE_VERBS | DIRECTIVE_VERBS:
        return False
    # ('"...?" he urged them' -- a pronoun object is whom it was said to)
    return any(
        c.dep_ in ("dobj", "intj") and c.i > verb.i and c.lower_ not in _PERSONS_ADDRESSED for c in verb.children
    )


def _opens_next_quotation(after: list["Token"]) -> bool:
    """The frame after a quotation is a sentence of its own ('Mills then writes back,') that ends in a
    comma or colon right before another quotation (not '"Filth out!" she wrote, arguing that ..., "..."')."""
    if not after or after[-1].text not in (",", ":") or not after[0].is_title:
        return False
    if any(t.text in (",", ":", ";") for t in after[:-1]):
        return False
    last = after[-1]
    return last.i + 1 < len(last.doc) and last.nbor(1).is_quote


def _closing_frame(after: list["Token"]) -> bool:
    """'"... Not fit!" Trump tweeted, quoting ...': a short name and a speech verb closing on punctuation
    hand the quotation to the name even after a full stop."""
    for k, tok in enumerate(after[:4]):
        # not a phrasal verb: 'Romney fired back in March, attacking ...' starts an exchange of its own
        if _is_speech_verb(tok) and tok.lemma_.lower() in SPEECH_VERBS:
            if any(
                c.dep_ in ("ccomp", "dobj", "xcomp") and c.i > tok.i and not crosses_paragraph(c, tok)
                for c in tok.children
            ):
                return False  # '"..." He said, twice, that he ...': a new report with its own content
            nxt = after[k + 1] if k + 1 < len(after) else None
            if k > 0 and nxt is not None and nxt.dep_ in ("prep", "npadvmod", "advmod") and nxt.head.i == tok.i:
                return True  # '"... NOW!" Trump said on Twitter.'
            return k > 0 and (nxt is None or nxt.text in (",", ".", "!", "?", ";"))
    return False


def _bare_frame_verb(after: list["Token"]) -> Optional["Token"]:
    """'"...," Hannity pressed.' / '"...?" mused the host.': right after a quotation that hands over
    (comma, question mark), a short clause of a name and a verb says who spoke, whatever the verb."""
    words = []
    for tok in after:
        if tok.text in (".", ",", ";", "!", "?"):
            break
        words.append(tok)
    if not words or words[0].is_punct:
        return None
    verbs = [t for t in words if t.pos_ == "VERB"]
    if not verbs or words.index(verbs[0]) > 8:
        return None
    verb = verbs[0]
    if len(words) > 8 or len(verbs) > 1:
        # '"...," Bennett shot back with a laugh.': a longer frame only when what follows the verb
        # is its particles and prepositional phrases
        tail = words[words.index(verb) + 1 :]
        if verb.i == words[0].i or any(
            t.head.i == verb.i and t.dep_ not in ("prt", "advmod", "prep", "npadvmod") for t in tail
        ):
            return None
        if any(t.pos_ == "VERB" and t.head.i == verb.i for t in tail):
            return None
        subject = [t for t in words[: words.index(verb)] if t.dep_ == "nsubj" and t.head.i == verb.i]
        if not subject or subject[0].pos_ not in ("PROPN", "NOUN", "PRON"):
            return None
        # only the subject (and adverbs) stand between the quotation and the verb
        rest = [
            t
            for t in words[: words.index(verb)]
            if not (subject[0].left_edge.i <= t.i <= subject[0].right_edge.i)
            and not (t.head.i == verb.i and t.dep_ in ("advmod", "aux", "neg", "punct"))
        ]
        return None if rest else verb
    if verb.i == words[0].i:  # inverted: 'mused Blaze co-host Stu Burguiere'
        rest = words[1:]
        if (
            rest
            and rest[-1].pos_ == "NOUN"
            and rest[-1].dep_ == "dobj"
            and not _is_speech_verb(verb)
            and not any(c.dep_ in ("det", "poss") for c in rest[-1].children)
        ):
            return None  # "'revolution,' ignores losses": a headline's second verb and its bare object
        return (
            verb
            if rest
            and rest[-1].pos_ in ("PROPN", "NOUN")
            and not any(t.pos_ in ("ADP",) and t.lower_ != "of" for t in rest)
            else None
        )
    tail = words[words.index(verb) + 1 :]
    if any(
        t.dep_ not in ("prt", "advmod")
        and not (t.dep_ in ("prep", "pobj", "det", "amod", "poss", "compound", "case") and _under(t, verb, "prep"))
        for t in tail
    ):
        return None  # 'X said the ...': the verb has words of its own
    subject = [t for t in words[: words.index(verb)] if t.dep_ == "nsubj" and t.head.i == verb.i]
    return verb if subject and subject[0].pos_ in ("PROPN", "NOUN", "PRON") else None


def _under(tok: "Token", verb: "Token", dep: str) -> bool:
    """Whether `tok` lies in a phrase of relation `dep` hanging directly on `verb`."""
    while tok.head.i != tok.i:
        if tok.head.i == verb.i:
            return tok.dep_ == dep
        tok = tok.head
    return False


def _first_name_in(after: list["Token"], verb: "Token") -> Optional["Token"]:
    """The head of the first noun phrase in the frame before the verb: the last word of a run of
    proper nouns ('Seth McKee') or nouns ('the conference speaker'); a possessor ('Trump's campaign
    manager Kellyanne Conway') is passed over."""
    words = [t for t in after if t.i < verb.i]
    k = 0
    while k < len(words):
        tok = words[k]
        if tok.ent_type_ in _WHEN_ENTITIES:
            return None  # '"..." Tuesday, hours after ...': a date is when, not who
        if _nameish(tok) or (tok.pos_ == "PRON" and tok.lower_ in ("he", "she", "they", "we", "i")):
            j = k
            while tok.pos_ != "PRON" and j + 1 < len(words) and _nameish(words[j + 1]):
                j += 1
            if j + 1 < len(words) and words[j + 1].tag_ == "POS":
                k = j + 2
                continue
            return words[j]
        if not (tok.is_punct or tok.dep_ in ("det", "amod", "compound", "poss") or tok.pos_ == "ADJ"):
            return None
        k += 1
    return None


def _nameish(tok: "Token") -> bool:
    """A noun, or a capitalised word inside the sentence that the tagger took for something else:
    '"...," said Skelly' tags the unfamiliar surname as an adverb."""
    return tok.pos_ in ("PROPN", "NOUN") or (
        tok.is_title
        and tok.is_alpha
        and not tok.is_sent_start
        and tok.pos_ in ("ADV", "ADJ", "X", "VERB", "INTJ")
        and tok.dep_ not in ("amod",)
    )


def _introduced_by_colon(sdoc: "Doc", inner: tuple[int, int], ts: int, in_quote: list[bool]) -> Optional[Found]:
    """A quotation opening a paragraph after one that ends with a colon ("As the minister put it:", "Okafor continued:")."""
    i = ts - 1
    while i >= 0 and sdoc[i].is_space:
        i -= 1
    if i < 0 or sdoc[i].text != ":":
        return None
    sentence = []
    while i >= 0 and not in_quote[i] and sdoc[i].text not in (".", "!", "?") and "\n" not in sdoc[i].text:
        sentence.append(sdoc[i])
        i -= 1
    for verb in sentence:  # nearest cue to the colon first
        if _is_speech_verb(verb):
            speaker = subject_of(verb) or _name_after(verb, sentence[0])
            if speaker is not None:
                return Found("direct", *_content_of(text_of(sdoc), inner), speaker=speaker, cue=(verb.i, verb.i + 1))
    words = [t for t in reversed(sentence[1:]) if not t.is_space]
    name = _name_line(words)
    if name is not None:
        # 'Senator Warren:' / 'Jane Hollister, 45, a teacher from Ankeny:' on a line of its own: a name
        # (and who they are) and a colon, as in transcripts and round-ups of voters' views
        return Found("direct", *_content_of(text_of(sdoc), inner), speaker=name, cue=(sentence[0].i, sentence[0].i + 1))
    # 'He then listed the qualities a nominee needs:' -- a colon hands the floor to the subject of
    # the main verb, whatever the verb
    for verb in sorted(sentence, key=lambda t: t.dep_ != "ROOT"):
        if verb.pos_ in ("VERB", "AUX") and verb.dep_ == "ROOT":
            speaker = subject_of(verb)
            if speaker is not None and _can_speak(speaker):
                return Found("direct", *_content_of(text_of(sdoc), inner), speaker=speaker, cue=(verb.i, verb.i + 1))
    return None


def _main_subject_before(verb: "Token") -> Optional["Token"]:
    """'Clinton seemed ready to riff, telling the crowd, "Some people ..."': the parser hung the
    participle on a verb inside the quotation; the main clause before it has the speaker."""
    if verb.tag_ != "VBG":
        return None
    root = next((t for t in verb.doc[verb.sent.start : verb.i] if t.dep_ == "ROOT"), None)
    if root is None or crosses_paragraph(root, verb):
        return None
    speaker = subject_of(root)
    return speaker if speaker is not None and speaker.i < verb.i and _can_speak(speaker) else None


_NAME_LINE_TOKENS = 14


def _name_line(words: list["Token"]) -> Optional["Token"]:
    """The name a line of the form 'Name[, age, description]' starts with (its last word), when the
    line has no finite verb; else None."""
    if not 0 < len(words) <= _NAME_LINE_TOKENS or words[0].pos_ != "PROPN" or words[0].ent_type_ in _WHEN_ENTITIES:
        return None
    if any(
        t.tag_ in ("VBD", "VBZ", "VBP", "MD")
        and (t.dep_ == "ROOT" or any(c.dep_.startswith("nsubj") for c in t.children))
        for t in words
    ):
        return None  # a clause ('Smith replied:'), not a name line ('Mark Ruiz, retired, Des Moines:')
    k = 0
    while k + 1 < len(words) and words[k + 1].pos_ == "PROPN":
        k += 1
    return words[k]


def _can_speak(tok: "Token") -> bool:
    """A subject that may name a speaker: a name, a noun, or a personal pronoun (not 'what', 'this', 'it')."""
    return tok.pos_ in ("PROPN", "NOUN") or tok.lower_ in ("he", "she", "they", "we", "i")


def _name_after(verb: "Token", stop: "Token") -> Optional["Token"]:
    """'Continued Stone: "..."' / 'Said the senator:': an inverted frame names the speaker after the verb."""
    names = [t for t in verb.doc[verb.i + 1 : stop.i]]
    if names and all(t.pos_ in ("PROPN", "NOUN", "DET", "ADJ") or t.dep_ in ("compound", "amod", "det") for t in names):
        last = names[-1]
        return last if last.pos_ in ("PROPN", "NOUN") else None
    return None


def _name_before(verb: "Token") -> Optional["Token"]:
    """'"...," Okafor notes' when the parser found no subject: the name right before the cue (or the
    text in '"...," the editorial read')."""
    prev = verb.nbor(-1) if verb.i > 0 else None
    return (
        prev
        if prev is not None
        and prev.pos_ in ("PROPN", "PRON")
        or (prev is not None and prev.pos_ == "ADJ" and prev.is_title)
        or (prev is not None and _read_after_a_text(verb))
        else None
    )


def _has_own_clause(verb: "Token", in_quote: list[bool]) -> bool:
    """'"....". He said that X' starts a new report: the verb's clause lies outside the quotation."""
    return any(
        c.dep_ == "ccomp"
        and verb.i < c.left_edge.i <= verb.i + 3
        and not in_quote[c.i]
        and not crosses_paragraph(c, verb)
        for c in verb.children
    )


def _inverted_subject(verb: "Token") -> Optional["Token"]:
    """'"...," said the minister': spaCy may hang the speaker on the verb as an object."""
    for child in verb.rights:
        if child.dep_ in ("dobj", "attr", "npadvmod", "nsubj", "dep") and child.pos_ in ("PROPN", "NOUN", "PRON"):
            return child
    return None


def _introduced_by(sdoc: "Doc", before: list["Token"], inner: tuple[int, int], qstart: int) -> Optional[Found]:
    while before and before[-1].is_space:
        before = before[:-1]  # 'Michael McDonald:\u00a0"...' -- a no-break space is no text
    if not before:
        return None
    if before[-1].text == ":":
        # 'Media shares blame in poll overhype - HuffPollster: "..."': in a digest, what stands
        # before a spaced dash is a headline, not the frame of the quotation
        dashes = [
            k
            for k, t in enumerate(before)
            if t.text in ("\u2013", "\u2014", "|")
            or (t.text == "-" and t.i > 0 and t.nbor(-1).whitespace_ and t.whitespace_)
        ]
        if dashes and 1 < len(before) - dashes[-1] - 1 <= 8:
            before = before[dashes[-1] + 1 :]
    last = before[-1]
    # not 'when asked last month about the inquiry:' -- the one asked did not say what follows
    verbs = [t for t in before if _is_speech_verb(t) and not (addressed_in_passive(t) and agent_of(t) is None)]
    handed_over = last.text in (":", ",", "that") or _is_speech_verb(last)
    # 'At the time, Mr. Silva said, he found the plan "reckless"': a parenthetical cue
    # attributes the rest of its sentence, quotations included
    # ('The paradox of Nancy, says Carl Anthony, a historian, is that she was "..."' likewise)
    parenthetical = [v for v in verbs if v.i + 1 < len(sdoc) and sdoc[v.i + 1].text == "," or v.dep_ == "parataxis"]
    if not handed_over and not parenthetical:
        return None
    if last.text == "," and len(before) >= 3 and text_of(sdoc)[inner[0] : inner[0] + 1].isupper():
        # 'Hillary shot back, "I suppose ..."': a clause ending in its verb hands the floor to its subject
        verb = before[-2]
        if verb.dep_ in ("prt", "advmod") and verb.head.i == before[-3].i:
            verb = before[-3]
        if (
            verb.pos_ == "VERB"
            and not _is_speech_verb(verb)
            and (verb.dep_ in ("ROOT", "conj") or (verb.dep_ == "ccomp" and verb.head.i >= qstart))
        ):
            speaker = subject_of(verb)
            if speaker is not None and speaker.i < verb.i and speaker.pos_ in ("PROPN", "NOUN", "PRON"):
                return Found("direct", *_content_of(text_of(sdoc), inner), speaker=speaker, cue=(verb.i, verb.i + 1))
        if not verbs:
            # 'Earlier, Clinton shared her worries with donors at a fundraiser, "I do not know ..."': a
            # main clause that ends in a comma before a quoted sentence hands it to its subject
            root = last.head
            while root.head.i != root.i and root.dep_ != "ROOT":
                root = root.head
            if (
                root.pos_ == "VERB"
                and before[0].i <= root.i < last.i
                and not crosses_paragraph(root, last)
                and not any(
                    t.pos_ == "VERB" and t.dep_ in ("advcl", "ccomp", "conj") and t.head.i == root.i and t.i > root.i
                    for t in before
                )
            ):
                speaker = subject_of(root)
                if speaker is not None and speaker.i < root.i and _can_speak(speaker) and speaker.i >= before[0].i:
                    return Found(
                        "direct", *_content_of(text_of(sdoc), inner), speaker=speaker, cue=(root.i, root.i + 1)
                    )
    if last.text in (",", ":"):
        # 'Barrett's dictum to his interns was, "..."' / 'Her answer:' -- words said, with their owner
        for tok in before:
            if (
                tok.lemma_.lower() in SAID_NOUNS
                and tok.pos_ == "NOUN"
                and (
                    tok.dep_ == "nsubj"
                    and tok.head.lemma_ == "be"
                    and tok.head.i >= before[-1].i - 2
                    or tok.i == before[-1].i - 1
                )
            ):
                owner = _owner_of(tok)
                if owner is not None:
                    return Found("direct", *_content_of(text_of(sdoc), inner), speaker=owner, cue=(tok.i, tok.i + 1))
    according = _according_source(before)
    if verbs:
        verb = verbs[-1] if handed_over else parenthetical[-1]
        if (
            last.text == ":"
            and last.head.pos_ == "VERB"
            and verb.i < last.head.i < last.i
            and not _is_speech_verb(last.head)
        ):
            # 'When Trump suggested Cuba might sue, Rubio fired back: "..."': the clause the colon
            # ends, with a subject of its own, hands the floor; the speech verb before is another's
            own = _clause_subject(last.head)
            if own is not None and own.i > verb.i and _can_speak(own):
                return Found(
                    "direct", *_content_of(text_of(sdoc), inner), speaker=own, cue=(last.head.i, last.head.i + 1)
                )
        if (
            handed_over
            and qstart - verb.i - 1 > _GAP_BEFORE
            and verb not in parenthetical
            and not _adjuncts_only(verb, before)
        ):
            return None
        speaker = subject_of(verb)
        if speaker is not None and speaker.i >= qstart:
            speaker = _main_subject_before(verb)
        if verb.i > before[0].i and (speaker is None or speaker.i < before[0].i):
            # 'When someone shouted, "Cruz," Beck joked, ... "..."' with the parse lost (no subject, or
            # one across the earlier quotation): the name right before the cue
            speaker = _name_before(verb) or speaker
        if speaker is None and last.text == ":":
            speaker = _name_after(verb, last)
        if (
            speaker is None
            and last.text == ":"
            and verb.dep_ == "acl"
            and verb.tag_ in ("VBD", "VBN")
            and verb.head.i < verb.i
            and verb.lemma_.lower() not in OBJECT_CONTENT_VERBS
            and verb.head.pos_ in ("PROPN", "NOUN")
            and not any(c.dep_ == "agent" for c in verb.children)
        ):
            # 'Mitt Romney, the 2012 nominee, tweeted in response: "..."': the parser took the verb
            # for a participle on the name; the name speaks
            speaker = verb.head
        if speaker is None:
            return None
        relays = [according] if according is not None else []
        return Found(
            "direct" if handed_over else "partial",
            *_content_of(text_of(sdoc), inner),
            speaker=speaker,
            cue=(verb.i, verb.i + 1),
            relays=relays,
        )
    if not handed_over:
        return None
    if according is not None and last.text in (",", ":"):
        return Found(
            "direct",
            *_content_of(text_of(sdoc), inner),
            speaker=according,
            cue=(according.head.head.i, according.head.i + 1),
        )
    # 'Pierce compared the challenger, whom he called "erratic," with the mayor: "..."': words after
    # a quotation inside their sentence are the tail of a clause, not a name line
    if (
        last.text == ":"
        and before[0].i > 1
        and sdoc[before[0].i - 1].is_quote
        and sdoc[before[0].i - 2].text not in (".", "!", "?")
    ):
        return _colon_after_quotation(sdoc, before, inner)
    dashes = [
        k
        for k, t in enumerate(before)
        if t.text in ("\u2013", "\u2014", "|") or (t.text == "-" and t.i > 0 and t.nbor(-1).whitespace_)
    ]
    segment = before[dashes[-1] + 1 :] if dashes else before
    line = [t for t in _outside_parentheses(segment[:-1]) if not t.is_space]
    if last.text == ":" and line and line[0].i == before[0].i:
        # 'Jane Hollister, 45, a teacher from Ankeny: "..."' opening its paragraph: the name first
        name = _name_line(line)
        if name is not None:
            return Found("direct", *_content_of(text_of(sdoc), inner), speaker=name, cue=(last.i, last.i + 1))
    if last.text == ":" and not any(t.pos_ in ("VERB", "AUX") for t in segment):
        # 'Amnesty International: "..."' -- a name and a colon, as in headlines and digests
        # 'Here's Clinton in December 1992:' -- a date is when, not who
        names = [t for t in line if t.pos_ in ("PROPN", "NOUN") and t.ent_type_ not in _WHEN_ENTITIES]
        if names and len(_outside_parentheses(segment)) <= 8:
            return Found("direct", *_content_of(text_of(sdoc), inner), speaker=names[-1], cue=(last.i, last.i + 1))
    if last.text == ":":
        # 'The senator hit back: "..."', 'The statement read: "..."': a colon hands the floor to the subject
        verbs_before = [t for t in reversed(before) if t.pos_ in ("VERB", "AUX")]
        verbs_before.sort(key=lambda t: t.dep_ != "ROOT")  # the main verb first ('X broke down what was wrong:')
        for verb in verbs_before:
            if verb.pos_ in ("VERB", "AUX"):
                # a passive main clause presents its subject too ('X, who was killed in 2011, is shown lecturing:')
                speaker = subject_of(verb) or (_clause_subject(verb) if verb.dep_ == "ROOT" else None)
                if speaker is not None and speaker.tag_ not in ("WP", "WDT"):
                    return Found(
                        "direct", *_content_of(text_of(sdoc), inner), speaker=speaker, cue=(verb.i, verb.i + 1)
                    )
    return None


def _adjuncts_only(verb: "Token", before: list["Token"]) -> bool:
    """'Beck joked, again using an exaggerated Southern accent, "..."': only the verb's own adverbs,
    prepositional phrases and participles (and whom it was told) stand between it and the quotation."""
    between = [t for t in before if t.i > verb.i and not (t.is_punct or t.is_space)]
    deps = ("advcl", "advmod", "prep", "npadvmod")
    if verb.lemma_.lower() in _ADDRESSEE_VERBS:
        deps += ("dobj", "dative")  # 'who told Congress when asked last month about it:'
    return bool(between) and all(_under_any(t, verb, deps) for t in between)


def _under_any(tok: "Token", verb: "Token", deps: tuple[str, ...]) -> bool:
    return any(_under(tok, verb, dep) for dep in deps)


def _colon_after_quotation(sdoc: "Doc", before: list["Token"], inner: tuple[int, int]) -> Optional[Found]:
    """The subject of the main clause a colon ends when the clause began before an earlier
    quotation ('but he gave the Texan a compliment: "..."': "gave" is in view; 'Pierce compared the
    challenger, whom he called "erratic," with the mayor: "..."': the sentence's main verb is not)."""
    last = before[-1]
    if before[0].pos_ == "CCONJ":
        # '..., but he gave the Texan a compliment:' -- a clause of its own, joined after the quotation
        mains = [t for t in before if t.pos_ in ("VERB", "AUX")]
    else:
        mains = [t for t in reversed(before) if t.pos_ in ("VERB", "AUX") and _main_clause_verb(t)]
    root = last.sent.root
    if not mains and root.i < last.i and root.pos_ in ("VERB", "AUX"):
        mains = [root]
    for verb in mains:
        speaker = subject_of(verb)
        if (
            speaker is not None
            and _can_speak(speaker)
            and speaker.i < last.i
            and (before[0].pos_ != "CCONJ" or speaker.i > before[0].i)
        ):
            return Found("direct", *_content_of(text_of(sdoc), inner), speaker=speaker, cue=(verb.i, verb.i + 1))
    return None


def _main_clause_verb(verb: "Token") -> bool:
    """The sentence's main verb or one coordinated with it."""
    while verb.dep_ == "conj" and verb.head.i != verb.i:
        verb = verb.head
    return verb.dep_ == "ROOT"


_WHEN_ENTITIES = frozenset({"DATE", "TIME", "CARDINAL", "ORDINAL"})


def _outside_parentheses(tokens: list["Token"]) -> list["Token"]:
    """The tokens not inside brackets: 'Rep. Trey Gowdy (R-S.C.):' names Gowdy, not "S.C."."""
    out, depth = [], 0
    for tok in tokens:
        opened, closed = tok.text.count("("), tok.text.count(")")
        if depth == 0 and not opened and not closed:
            out.append(tok)
        depth = max(0, depth + opened - closed)
    return out


_SIGNATURE_DASHES = ("-", "\u2013", "\u2014", "\u2015")  # hyphen, en, em dash, quotation dash
_SIGNATURE_TOKENS = 16  # a signature line is a name and a short description, not a sentence


def _signed_below(sdoc: "Doc", span: QuotedSpan, inner: tuple[int, int]) -> Optional[Found]:
    """A quotation paragraph signed on the next line, as fact checks and round-ups print them:
    '"I will look into it."' / '- Hillary Clinton.' or '-Michelle Marks, Philadelphia.'; or signed
    at the end of its own line, as pasted comments are: '"I drive over that bridge every day" – Karen Wills'."""
    text = text_of(sdoc)
    rest = text[span.end :]
    line_break = len(rest) - len(rest.lstrip(" \t"))
    if rest[line_break : line_break + 1] != "\n":
        return _signed_inline(sdoc, span, inner, line_break)
    gap = len(rest) - len(rest.lstrip())
    if rest[:gap].count("\n") > 2 or rest[gap : gap + 1] not in _SIGNATURE_DASHES:
        return None
    line_end = text.find("\n", span.end + gap)
    line_end = len(text) if line_end < 0 else line_end
    ts, te = _token_range(sdoc, span.end + gap, line_end)
    tokens = [t for t in sdoc[ts:te] if not t.is_space]
    if len(tokens) > _SIGNATURE_TOKENS:
        return None
    name = None
    for tok in tokens[1:]:
        if tok.pos_ == "PROPN" or (name is None and tok.is_title and tok.is_alpha):
            name = tok  # the last word of the first name in the line
        elif name is not None or not (tok.text in _SIGNATURE_DASHES or tok.is_space):
            break
    if name is None:
        return None
    return Found("direct", *_content_of(text, inner), speaker=name, cue=(tokens[0].i, tokens[0].i + 1))


def _signed_inline(sdoc: "Doc", span: QuotedSpan, inner: tuple[int, int], gap: int) -> Optional[Found]:
    """'"..." \u2013 Karen Wills, a nurse' ending its paragraph: a dash apart from the closing mark and a
    line that is only a name (no clause: not '"..." \u2014 and they did.')."""
    text = text_of(sdoc)
    dash = span.end + gap
    if gap == 0 or text[dash : dash + 1] not in _SIGNATURE_DASHES or not text[dash + 1 : dash + 2].isspace():
        return None
    line_end = text.find("\n", dash)
    ts, te = _token_range(sdoc, dash + 1, len(text) if line_end < 0 else line_end)
    # ('"..." ― Tom Reyes "..." ― Maria Lopez': signed quotations run on in one paragraph)
    te = next((t.i for t in sdoc[ts:te] if t.is_quote and t.i > ts), te)
    words = [t for t in sdoc[ts:te] if not t.is_space and t.text not in _SIGNATURE_DASHES]
    name = _name_line(words) if len(words) <= _SIGNATURE_TOKENS else None
    if name is None:
        return None
    dash_tok = sdoc[_token_range(sdoc, dash, dash + 1)[0]]
    return Found("direct", *_content_of(text, inner), speaker=name, cue=(dash_tok.i, dash_tok.i + 1))


_OWN_SUBJECT_CLAUSES = frozenset({"advcl", "acl"})  # such a clause's subject owns the words in it


def _in_clause(
    sdoc: "Doc", span: QuotedSpan, inner: tuple[int, int], in_quote: list[bool], kept: Optional[Found]
) -> Optional[Found]:
    """A quotation that no speech verb frames but that a clause of the article's prose uses as its
    object or complement: the clause's subject chose those words ('Moore thanked him for
    "stepping up"', 'He commanded the party to "do the right thing"', 'Mr. Obama decried the
    "spin masters"', 'Two analysts found that the air force is "the best in the world"'). Only for
    a quotation that is kept anyway (`kept`, a statement or a continuation): the rule picks its
    speaker and does not turn every quoted phrase into a quote."""
    if kept is None:
        return None
    ts, te = _token_range(sdoc, span.start, span.end)
    after_colon = ts > 0 and sdoc[ts - 1].text == ":"
    outer = [t for t in sdoc[ts:te] if not ts <= t.head.i < te and not (t.is_punct or t.is_space)]
    if not outer:
        return None  # the quotation holds its sentence's main verb
    subject = _embedding_subject(outer[0].head, sdoc[ts], in_quote)
    if subject is None:
        return None
    verb, speaker = subject
    if after_colon and not in_main_clause(speaker):
        return (
            None  # after a colon the parse ties the quotation to any verb; only the main clause's subject presents it
        )
    # 'chanted "death to Israel"' is a whole utterance; 'thanked him for "stepping up"' a piece of one
    inside_sentence = any(
        not in_quote[t.i] and not t.is_punct and not t.is_space for t in sdoc[sdoc[ts].sent.start : ts]
    )
    framed_by_speech = _is_speech_verb(verb) and verb.i == outer[0].head.i
    kind = "partial" if inside_sentence and not after_colon and not framed_by_speech else "direct"
    return Found(kind, kept.start, kept.end, speaker=speaker, cue=(verb.i, verb.i + 1))


def _embedding_subject(tok: "Token", first: "Token", in_quote: list[bool]) -> Optional[tuple["Token", "Token"]]:
    """(verb, subject) of the clause that holds the words hanging on `tok`: climb to the main clause
    through complements and relative clauses ('found that X is "..."' -> found), stopping at an
    adverbial clause with a subject of its own ('While Ryan laid out "...", Carson ...' -> Ryan)."""
    best = None
    reported = False
    for _ in range(12):
        if in_quote[tok.i] or crosses_paragraph(tok, first):
            break
        if tok.pos_ in ("VERB", "AUX"):
            subject = _clause_subject(tok)
            if subject is not None:
                best = (tok, subject)
                if tok.dep_ in _OWN_SUBJECT_CLAUSES and not _content_clause_of_noun(tok):
                    break
            elif reported:
                # 'X, who ..., said that the steps were "important"': the clause is what someone
                # the parse lost says; its own subject is what it is about
                return None
            reported = tok.dep_ == "ccomp"
        if tok.head.i == tok.i:
            break
        tok = tok.head
    if best is None or in_quote[best[1].i] or not _can_speak(best[1]) and best[1].lower_ not in ("who", "that"):
        return None
    return best


def _content_clause_of_noun(verb: "Token") -> bool:
    """'said in a statement that the steps were "important"', 'repeated the claim that X is "..."':
    a that-clause on a noun says what the statement or claim holds; whoever made it owns the words."""
    return verb.dep_ == "acl" and verb.head.pos_ == "NOUN" and opens_with_that(verb)


def _clause_subject(verb: "Token") -> Optional["Token"]:
    """The verb's own subject: the agent of a passive ('was uttered once, by Mr. Cruz'), else its
    nominal subject; not an expletive or 'it'."""
    agent = agent_of(verb)
    if agent is not None or addressed_in_passive(verb):
        return agent  # 'was asked, "...?"': the one asked did not say it
    for child in verb.children:
        if (
            child.dep_ in ("nsubj", "nsubjpass")
            and child.lower_ not in ("it", "this", "there", "what")
            and not (child.lower_ in ("that", "which", "who") and verb.dep_ != "relcl")
        ):
            return child  # 'That makes her "a good person"': a demonstrative names nobody
    return None


def _continued(text: str, span: QuotedSpan, inner: tuple[int, int], found: list[Found]) -> Optional[Found]:
    """'"A," he said. "B."' and a quotation paragraph after a quoted one: the same speaker goes on."""
    if not found:
        return None
    previous = found[-1]
    if previous.kind == "partial":
        return None
    para, prev_para = _paragraph_of(text, span.start), _paragraph_of(text, previous.start)
    if para == prev_para or (para == prev_para + 1 and starts_paragraph(text, span.start)):
        return Found("direct", *_content_of(text, inner), inherited=previous)
    return None


def _said_noun(sdoc: "Doc", span: QuotedSpan, inner: tuple[int, int], in_quote: list[bool]) -> Optional[Found]:
    """A quotation hanging on a noun for words said, whose owner is named: 'her remark that "..."',
    'Obama's "if you like your plan" promise', 'a new headline from the Post: "..."', 'Her verdict? "..."'."""
    ts, te = _token_range(sdoc, span.start, span.end)
    nouns = []
    i = ts - 1
    while i >= 0 and (sdoc[i].is_space or sdoc[i].lower_ in ("that", ":", ",", "?")) and i >= ts - 3:
        i -= 1
    if i >= 0 and not in_quote[i]:
        nouns.append(sdoc[i])
    if te < len(sdoc) and not in_quote[te]:
        nouns.append(sdoc[te])
    for noun in nouns:
        if noun.pos_ != "NOUN" or noun.lemma_.lower() not in SAID_NOUNS or crosses_paragraph(noun, sdoc[ts]):
            continue
        if noun.i >= te and ts >= 2:
            # 'Obama's "..." promise': the owner stands right before the quotation
            owner = sdoc[ts - 1]
            if owner.tag_ == "POS" and sdoc[ts - 2].pos_ == "PROPN":
                return Found(
                    "direct", *_content_of(text_of(sdoc), inner), speaker=sdoc[ts - 2], cue=(noun.i, noun.i + 1)
                )
            if owner.lower_ in ("his", "her", "their"):
                return Found("direct", *_content_of(text_of(sdoc), inner), speaker=owner, cue=(noun.i, noun.i + 1))
        for child in noun.children:
            if (
                child.dep_ == "poss"
                and child.i < ts
                and (child.pos_ == "PROPN" or child.lower_ in ("his", "her", "their"))
            ):
                return Found("direct", *_content_of(text_of(sdoc), inner), speaker=child, cue=(noun.i, noun.i + 1))
            if child.dep_ == "prep" and child.lower_ in ("from", "by") and child.i < ts:
                source = next((c for c in child.children if c.dep_ == "pobj"), None)
                if source is not None and source.pos_ in ("PROPN", "NOUN"):
                    return Found(
                        "direct", *_content_of(text_of(sdoc), inner), speaker=source, cue=(child.i, child.i + 1)
                    )
    return None


_WORDS_BEFORE = 15  # 'The plan was, in the words of one senior aide, "..."': tokens searched before the quotation
_WORDS_AFTER = 4  # '"...," in his words.'


def _in_the_words_of(sdoc: "Doc", span: QuotedSpan, inner: tuple[int, int], in_quote: list[bool]) -> Optional[Found]:
    """'in the words of one aide, "dead on arrival"', 'because, in her words, "he knows how"', 'to
    quote the chief justice, "a mess"': the writer names whose words the quotation borrows."""
    ts, te = _token_range(sdoc, span.start, span.end)
    sent = sdoc[ts].sent
    window = [t for t in sdoc[max(sent.start, ts - _WORDS_BEFORE) : ts]] + [
        t for t in sdoc[te : min(sent.end, te + _WORDS_AFTER)]
    ]
    for tok in reversed(window):
        if in_quote[tok.i]:
            continue
        owner = None
        if tok.lower_ == "words" and tok.dep_ == "pobj" and tok.head.lower_ == "in":
            owner = next((c for c in tok.children if c.dep_ == "poss"), None)
            if owner is None:
                of = next((c for c in tok.children if c.dep_ == "prep" and c.lower_ == "of"), None)
                owner = next((c for c in of.children if c.dep_ == "pobj"), None) if of is not None else None
        elif tok.lower_ == "quote" and any(c.dep_ == "aux" and c.lower_ == "to" for c in tok.children):
            owner = next((c for c in tok.children if c.dep_ == "dobj"), None)
        if owner is not None and (_can_speak(owner) or owner.lower_ in ("his", "her", "their")):
            return Found("direct", *_content_of(text_of(sdoc), inner), speaker=owner, cue=(tok.i, tok.i + 1))
    return None


def _speak_through_texts(found: list[Found]) -> None:
    """'"...," read a statement from Senator Henning's office', 'a statement by the ministry said':
    a text whose author is named speaks for its author."""
    for f in found:
        if f.speaker is not None and f.speaker.pos_ == "NOUN" and f.speaker.lemma_.lower() in _TEXT_NOUNS | SAID_NOUNS:
            owner = _owner_of(f.speaker)
            if owner is not None:
                f.speaker = owner
            else:
                # the text stays the words naming the speaker (news and PolNeAR write 'the statement
                # said'); the actor is who issued it
                f.author = _author_in_sentence_before(f.speaker)


# Nouns for an answer: its owner is whoever the sentence before asked ('Reporters asked Boris
# Johnson whether he would resign. The answer came quickly: "No."').
_REPLY_NOUNS = frozenset("answer reply response retort".split())
# Texts that hang in the street: a sign is its carrier's, never the previous sentence's subject's.
_STREET_TEXTS = frozenset("sign banner poster placard billboard shirt flyer leaflet plaque inscription".split())


def _author_in_sentence_before(noun: "Token") -> Optional["Token"]:
    """'Mitch McConnell met with Republican senators. The message was blunt: "..."', 'The Plain Dealer
    endorsed Strickland. "...," the editorial said': a definite text or remark no one is named for
    in its own sentence is from the one the sentence right before made its subject (for an answer,
    the one that sentence asked)."""
    lemma = noun.lemma_.lower()
    if lemma in _STREET_TEXTS or not any(
        c.dep_ == "det" and c.lower_ in ("the", "this", "that") for c in noun.children
    ):
        return None
    start = noun.sent.start
    if start == 0:
        return None
    before = noun.doc[start - 1].sent
    if any(t.is_space and t.text.count("\n") > 2 for t in noun.doc[before.end : start]):
        return None
    root = before.root
    if lemma in _REPLY_NOUNS:
        if root.lemma_.lower() not in ("ask", "press", "question"):
            return None
        asked = next((c for c in root.children if c.dep_ in ("dobj", "dative")), None)
        return asked if asked is not None and asked.pos_ == "PROPN" else None
    subject = next((c for c in root.children if c.dep_ == "nsubj"), None)
    if subject is None or subject.pos_ != "PROPN" and subject.lower_ not in ("he", "she"):
        return None
    return subject


def _owner_of(noun: "Token") -> Optional["Token"]:
    """Who the words a noun stands for are from: its possessor ('Barrett's dictum', 'his answer') or
    its 'from'/'by' phrase ('a warning from the ministry')."""
    for child in noun.children:
        if child.dep_ == "poss" and (child.pos_ == "PROPN" or child.lower_ in ("his", "her", "their")):
            return child
        if child.dep_ == "prep" and child.lower_ in ("from", "by"):
            source = next((c for c in child.children if c.dep_ == "pobj"), None)
            if source is not None and source.pos_ in ("PROPN", "NOUN"):
                return source
    return None


def _after_reporting_sentence(
    sdoc: "Doc", span: QuotedSpan, inner: tuple[int, int], in_quote: list[bool]
) -> Optional[Found]:
    """A quotation opening a sentence right after one that reports someone's words ('Carter said
    that ... would not happen.' / 'Sam Lau said in a statement. "There are ..."'): news keeps the
    speaker of the sentence before for a quotation nobody else is named for."""
    ts, _ = _token_range(sdoc, span.start, span.end)
    i = ts - 1
    while i >= 0 and sdoc[i].is_space:
        i -= 1
    if i > 0 and sdoc[i].text in ("\u201d", '"', "''", "\u2019") and in_quote[i]:
        i -= 1  # 'saying he had "made money."' ends in a mark
    if i < 0 or sdoc[i].text not in (".", "!", "?", ":"):
        return None
    if text_of(sdoc)[sdoc[i].idx : span.start].count("\n") > 2:
        return None
    sentence = []
    j = i - 1
    while j >= 0 and len(sentence) < 80:
        tok = sdoc[j]
        if "\n" in tok.text or (not in_quote[j] and tok.text in (".", "!", "?")):
            break
        if j < i and "\n" in text_of(sdoc)[tok.idx : sdoc[j + 1].idx]:
            break
        sentence.append(tok)
        j -= 1
    verbs = [t for t in sentence if not in_quote[t.i] and _is_speech_verb(t)]
    if not verbs:
        return _introduced_before(sdoc, span, inner, sentence, in_quote) or _after_a_beat(
            sdoc, inner, sentence, in_quote
        )
    verbs.sort(key=lambda t: (t.dep_ != "ROOT", -t.i))
    for verb in verbs:
        speaker = subject_of(verb)
        if (
            speaker is not None
            and not in_quote[speaker.i]
            and speaker.i >= sentence[-1].i
            and (speaker.pos_ in ("PROPN", "NOUN") or speaker.lower_ in ("he", "she", "they"))
        ):
            return Found("direct", *_content_of(text_of(sdoc), inner), speaker=speaker, cue=(verb.i, verb.i + 1))
    return None


def _introduced_before(
    sdoc: "Doc", span: QuotedSpan, inner: tuple[int, int], sentence: list["Token"], in_quote: list[bool]
) -> Optional[Found]:
    """'Marcus Feld has been blunt about the levee system.' / '"..."': a quotation paragraph right
    after a paragraph that ends on a sentence about a named person (its main subject) is that
    person's, the way news introduces a speaker before giving the floor."""
    if (
        not sentence
        or not starts_paragraph(text_of(sdoc), span.start)
        or "\n" not in text_of(sdoc)[sentence[0].idx : span.start]
    ):
        return None
    root = next((t for t in sentence if t.dep_ == "ROOT" and not in_quote[t.i]), None)
    subject = _person_as_subject(root, ("nsubj", "nsubjpass")) if root is not None else None
    if subject is None or in_quote[subject.i]:
        return None
    ts, te = _token_range(sdoc, inner[0], inner[1])
    if len([t for t in sdoc[ts:te] if t.is_alpha]) < _MIN_UNATTRIBUTED_WORDS:
        return None
    return Found("direct", *_content_of(text_of(sdoc), inner), speaker=subject, cue=(root.i, root.i + 1))


_BEAT_WORDS = 6  # 'He paused.', 'Clinton shook her head.': a beat is a short sentence


def _after_a_beat(
    sdoc: "Doc", inner: tuple[int, int], sentence: list["Token"], in_quote: list[bool]
) -> Optional[Found]:
    """'I asked Mayor Reyes what he would tell residents. He paused. "I would tell them I'm sorry."':
    a short sentence of a person doing something, no clause of its own, right before a quotation in
    the same paragraph, hands it the floor."""
    words = [t for t in sentence if t.is_alpha]
    if not words or len(words) > _BEAT_WORDS or any(in_quote[t.i] for t in sentence):
        return None
    if "\n" in text_of(sdoc)[sentence[0].idx : inner[0]]:
        return None  # a new paragraph: _introduced_before's case, with its length floor
    root = next((t for t in sentence if t.dep_ == "ROOT"), None)
    if root is None or root.pos_ != "VERB" or any(c.dep_ in ("ccomp", "xcomp", "advcl") for c in root.children):
        return None
    subject = _person_as_subject(root, ("nsubj",))
    if subject is None:
        return None
    return Found("direct", *_content_of(text_of(sdoc), inner), speaker=subject, cue=(root.i, root.i + 1))


def _person_as_subject(root: "Token", relations: tuple[str, ...]) -> Optional["Token"]:
    """The verb's subject of these relations when it is 'he', 'she' or a person's name."""
    subject = next((c for c in root.children if c.dep_ in relations), None)
    return subject if subject is not None and (subject.lower_ in ("he", "she") or _persons_name(subject)) else None


def _persons_name(head: "Token") -> bool:
    """A proper name the model tags as a person's, or that starts with a known given name (the small
    model tags 'Marcus Feld' as an organisation)."""
    if head.pos_ != "PROPN":
        return False
    if head.ent_type_ == "PERSON":
        return True
    words = [t.text for t in head.lefts if t.dep_ == "compound" and t.pos_ == "PROPN"] + [head.text]
    return head.ent_type_ in ("", "ORG") and len(words) >= 2 and given_name_gender(words) is not None


_LATEST_SPEAKER_PARAGRAPHS = 2


def _latest_speaker(sdoc: "Doc", f: Found, found: list[Found], cues: list[Cue], in_quote: list[bool]) -> None:
    """A statement in quotation marks that no frame ties to anyone: news quotes without a frame only
    while the last named speaker still has the floor, so it is the speaker of the latest quote or
    speech cue in the same or the previous paragraphs (PolNeAR's annotators attribute such
    quotations almost always; on train, a null speaker was right 4 times in 17)."""
    text = text_of(sdoc)
    para = _paragraph_of(text, f.start)
    best, best_at = None, -1
    for g in found:
        if g.speaker is not None and g.start < f.start and g.start > best_at:
            best, best_at = g, g.start
    for cue in cues:
        at = sdoc[cue.cue_start].idx
        if (
            cue.speaker is not None
            and at < f.start
            and at > best_at
            and cue.verb.lemma_.lower() in SPEECH_VERBS
            and not in_quote[cue.speaker.i]
        ):
            best, best_at = cue, at
    if best is None or para - _paragraph_of(text, best_at) > _LATEST_SPEAKER_PARAGRAPHS - 1:
        return
    f.speaker = best.speaker
    f.relays = list(best.relays)


def _unattributed(sdoc: "Doc", text: str, span: QuotedSpan, inner: tuple[int, int]) -> Optional[Found]:
    """A quotation nobody is named for: kept with no speaker when it reads as a statement."""
    ts, te = _token_range(sdoc, inner[0], inner[1])
    words = [t for t in sdoc[ts:te] if t.is_alpha]
    has_verb = any(t.pos_ in ("VERB", "AUX") for t in sdoc[ts:te])
    if len(words) < _MIN_UNATTRIBUTED_WORDS or not has_verb:
        return None
    return Found("direct", *_content_of(text, inner))


def _characterised_as(sdoc: "Doc", text: str, span: QuotedSpan, inner: tuple[int, int]) -> Optional[Found]:
    """'Haley defended his aide as a "very decent man"', 'cast the deal as "a betrayal"': a quoted
    phrase that an active verb applies to its object through "as" is a characterisation someone
    made; kept (its speaker is the clause's subject, see `_in_clause`), unlike a scare quote."""
    ts, te = _token_range(sdoc, span.start, span.end)
    outer = [t for t in sdoc[ts:te] if not ts <= t.head.i < te and not (t.is_punct or t.is_space)]
    if len(outer) != 1:
        return None
    prep = outer[0].head
    if prep.lower_ != "as" or prep.dep_ != "prep" or outer[0].dep_ != "pobj":
        return None
    verb = prep.head
    if verb.pos_ != "VERB" or is_passive(verb) or not any(c.dep_ == "dobj" and c.i < prep.i for c in verb.children):
        return None
    return Found("partial", *_content_of(text, inner))


def _headline_quotes(doc: ArticleDoc, found: list[Found]) -> list[Found]:
    """A headline of the form "Name: what they said" ("Ruto: 'We will not default'")."""
    sdoc, text = doc.spacy_doc, doc.text
    line_end = text.find("\n")
    line_end = len(text) if line_end < 0 else line_end
    colon = text.find(": ", 0, line_end)
    if colon <= 0:
        return []
    name_tokens = [t for t in itertools.takewhile(lambda t: t.idx < colon, sdoc) if not t.is_space]
    if (
        not name_tokens
        or len(name_tokens) > 5
        or not all(t.pos_ == "PROPN" or t.is_title or t.is_punct for t in name_tokens)
    ):
        return []
    if name_tokens[0].pos_ == "DET":
        return []  # 'The Latest: Sanders declares ...': a rubric, not a speaker
    start, end = colon + 2, line_end
    while end > start and text[end - 1] in " .":
        end -= 1
    if end <= start or any(f.start < end and start < f.end and f.kind == "direct" and f.speaker for f in found):
        return []
    head = name_tokens[-1]
    return [Found("direct", start, end, speaker=head, cue=(head.i + 1, head.i + 2))]


# ----------------------------------------------------------------- indirect speech


def _indirect_quotes(sdoc: "Doc", cues: list[Cue], direct: list[Found]) -> list[Found]:
    out = []
    # a cue that frames a direct quotation in its own sentence reports that quotation; one whose
    # sentence only leads into a quotation in the next paragraph keeps its own content too
    used = {
        f.cue: f
        for f in direct
        if f.cue is not None
        and f.kind == "direct"
        and sdoc[f.cue[0]].sent.start <= _token_range(sdoc, f.start, f.start + 1)[0] < sdoc[f.cue[0]].sent.end
    }
    for cue in cues:
        if cue.quotation is not None:
            continue
        start, end = char_range(sdoc, cue.content_start, cue.content_end)
        framed = used.get((cue.cue_start, cue.cue_end))
        if framed is not None and not _said_around_quotation(sdoc, cue, framed):
            continue
        if any(
            f.kind == "direct" and _overlap((start, end), (f.start, f.end)) >= _DIRECT_SHARE * (end - start)
            for f in direct
        ):
            continue
        out.append(
            Found(
                "indirect", start, end, speaker=cue.speaker, cue=(cue.cue_start, cue.cue_end), relays=list(cue.relays)
            )
        )
    return out


# Unquoted words a reported clause needs before its quotation to be more than the quotation's lead-in.
_MIXED_LEAD_WORDS = 4


def _said_around_quotation(sdoc: "Doc", cue: Cue, framed: Found) -> bool:
    """'Trump plans to empower the black community by fostering "capital investment," Carson said':
    the frame after the quotation reports the whole clause, of which the quotation is the end; the
    clause is content too, not only the words in marks."""
    if cue.cue_start < cue.content_end:
        return False
    quotation_start = _token_range(sdoc, framed.start, framed.start + 1)[0]
    lead = [t for t in sdoc[cue.content_start : quotation_start] if t.is_alpha]
    return len(lead) >= _MIXED_LEAD_WORDS and sdoc[cue.content_start].sent.start == sdoc[quotation_start].sent.start


def _add_nested_relays(found: list[Found], cues: list[Cue]) -> None:
    """ "Reuters reported that X said ...": Reuters relays X's words (nearest relay first)."""
    for f in found:
        if f.cue is None or f.speaker is None:
            continue
        verb_i = f.cue[0]
        outer = [
            c
            for c in cues
            if c.content_start <= verb_i < c.content_end
            and c.speaker is not None
            and c.verb.lemma_.lower() in _RELAY_CUE_LEMMAS | {"accord"}
            and c.speaker.i != f.speaker.i
        ]
        for c in sorted(outer, key=lambda c: c.content_end - c.content_start):
            f.relays.append(c.speaker)


# ----------------------------------------------------------------- speakers and relays


def _resolve_speaker(doc: ArticleDoc, f: Found, quoted: list[tuple[int, int]], found: list[Found]) -> None:
    if f.inherited is not None:
        source = f.inherited
        while source.inherited is not None:
            source = source.inherited
        # '"A," she said. "B."': one frame introduces both quotations, so B keeps the cue of A
        f.resolved, f.cue, f.relays = source.resolved, source.cue, list(source.relays)
        if f.resolved is None and source.speaker is not None:
            f.resolved = speaker_for(doc, source.speaker, quoted)
        return
    if f.speaker is not None:
        f.resolved = speaker_for(doc, f.speaker, quoted)
        if f.resolved.actor_id is None and f.author is not None:
            f.resolved = replace(f.resolved, actor_id=speaker_for(doc, f.author, quoted).actor_id)
        if f.speaker.lower_ in _CONTINUING_PRONOUNS:
            _continue_speaker(doc, f, found, quoted)
    for relay in f.relays:
        actor = speaker_for(doc, relay, quoted).actor_id
        if actor is not None and actor not in f.via and (f.resolved is None or actor != f.resolved.actor_id):
            f.via.append(actor)


_CONTINUING_PRONOUNS = {"he", "she"}
_CONTINUITY_SENTENCES = 2


def _continue_speaker(doc: ArticleDoc, f: Found, found: list[Found], quoted: list[tuple[int, int]] = ()) -> None:
    """ "X said ... He added that ...": a he/she speaking right after a person's quote is that person.
    News prose keeps the speaker until it names a new one, a cue general coreference does not see."""
    sdoc = doc.spacy_doc
    here = f.speaker.i
    earlier = [
        g
        for g in found
        if g is not f
        and g.resolved is not None
        and g.resolved.actor_id is not None
        and g.resolved.head < here
        and g.resolved.head != here
    ]
    if not earlier:
        return
    last = max(earlier, key=lambda g: g.resolved.head)
    if sdoc[last.resolved.head].sent.start == sdoc[here].sent.start:
        return  # in one sentence the actor stage's reading of the syntax is the better guide
    actor = doc.actor(last.resolved.actor_id)
    if actor is None or actor.kind != "person" or not gender_fits(doc, actor.id, f.speaker):
        return
    # sentences of the article's own prose: those inside the speaker's quotation do not count
    # ('"A. B. C," Rubio said. "D. E." ... "F," he continued.')
    sentences = {
        s.start
        for s in sdoc[last.resolved.head : here + 1].sents
        if any(not t.is_punct and not t.is_space and not covered(quoted, t.idx) for t in s)
    }
    # ('Mark Zuckerberg paused. "Um, no," he said': a person named as a subject in between takes over)
    named_between = [
        m
        for m in doc.mention_index().starting_in(last.resolved.head + 1, here)
        if m.how == "name"
        and not covered(quoted, m.start)
        and m.actor_id != actor.id
        and (doc.actor(m.actor_id) or actor).kind == "person"
        and gender_fits(doc, m.actor_id, f.speaker)
        and sdoc[m.token_start : m.token_end].root.dep_ in ("nsubj", "nsubjpass")
    ]
    if len(sentences) <= _CONTINUITY_SENTENCES + 1 and not named_between:
        f.resolved.actor_id = actor.id


def _add_relay_statements(doc: ArticleDoc, found: list[Found], quoted: list[tuple[int, int]]) -> None:
    """ "X's remarks were quoted by R" covers X's quotes in that paragraph and the ones on either side."""
    text = doc.text
    for statement in relay_statements(doc.spacy_doc):
        speaker = speaker_for(doc, statement.speaker, quoted).actor_id
        relay = speaker_for(doc, statement.relay, quoted).actor_id
        if speaker is None or relay is None or speaker == relay:
            continue
        para = _paragraph_of(text, statement.relay.idx)
        for f in found:
            if (
                f.resolved is not None
                and f.resolved.actor_id == speaker
                and relay not in f.via
                and abs(_paragraph_of(text, f.start) - para) <= 1
            ):
                f.via.append(relay)


def _records(doc: ArticleDoc, found: list[Found]) -> list[Quote]:
    sdoc, text = doc.spacy_doc, doc.text
    out, seen = [], set()
    for f in sorted(found, key=lambda f: (f.start, f.end)):
        if f.end <= f.start or (f.start, f.end) in seen:
            continue
        seen.add((f.start, f.end))
        mention = cue = None
        if f.resolved is not None:
            ms, me = char_range(sdoc, f.resolved.token_start, f.resolved.token_end)
            mention = TextSpan(text=text[ms:me], start=ms, end=me)
        if f.cue is not None:
            cs, ce = char_range(sdoc, *f.cue)
            cue = TextSpan(text=text[cs:ce], start=cs, end=ce)
        out.append(
            Quote(
                id=stable_id("quo_", doc.article.id, f.kind, f.start, f.end),
                kind=f.kind,
                content=TextSpan(text=text[f.start : f.end], start=f.start, end=f.end),
                speaker=f.resolved.actor_id if f.resolved is not None else None,
                speaker_mention=mention,
                cue=cue,
                via=f.via,
            )
        )
    return out


def quote_at(doc: ArticleDoc, char_offset: int):
    """The quote whose content covers `char_offset` (the innermost), or None: events stated
    inside it are claims of its speaker (`attributed_to`)."""
    best = None
    for q in doc.quotes:
        if q.content.start <= char_offset < q.content.end and (
            best is None or q.content.end - q.content.start < best.content.end - best.content.start
        ):
            best = q
    return best
