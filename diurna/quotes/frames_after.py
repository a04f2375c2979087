"""Frames after a quotation ('"...," X said', '"...," said the minister', '"...?" Hannity pressed',
'"...," according to X') and signatures ('"..." - Karen Wills'); a quotation with no frame after it
is handed to the frames before it (`frames_before`). Each return names the rule it applies
(quotes/rules.py).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Optional

from diurna.nlp.index import text_of
from diurna.nlp.quotations import QuotedSpan
from diurna.nlp.subjects import first_name_in
from diurna.nlp.syntax import crosses_paragraph, is_passive
from diurna.quotes import rules as R
from diurna.quotes.found import (
    Found,
    according_quote,
    according_source,
    content_of,
    has_own_clause,
    inverted_subject,
    is_speech_verb,
    name_before,
    name_line,
    token_range,
    under,
)
from diurna.quotes.frames_before import frame_tokens_before, introduced_by, introduced_by_colon
from diurna.quotes.lexicon import (
    ADDRESSEE_VERBS,
    DIRECTIVE_VERBS,
    PERSONS_ADDRESSED,
    SIGNATURE_DASHES,
    SPEECH_VERBS,
)
from diurna.quotes.reported import subject_of

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

_FRAME_AFTER = 24  # tokens after a quotation searched for '..., X said' (and '..., X, a long apposition, said')


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


def from_frame(sdoc: "Doc", span: QuotedSpan, inner: tuple[int, int], in_quote: list[bool]) -> Optional[Found]:
    """'"...," X said' after the quotation (frame-after, bare-frame-after, according-after), or else
    'X said: "..."' and the other frames before it (frames_before)."""
    ts, te = token_range(sdoc, span.start, span.end)
    after = _words_after(sdoc, inner, te, in_quote)
    found = _frame_after(sdoc, inner, te, after, in_quote) or _according_after(sdoc, inner, after)
    if found is not None:
        return found
    before = frame_tokens_before(sdoc, ts, in_quote)
    if not [t for t in before if not t.is_space]:
        return introduced_by_colon(sdoc, inner, ts, in_quote)
    return introduced_by(sdoc, before, inner, ts)


def _words_after(sdoc: "Doc", inner: tuple[int, int], te: int, in_quote: list[bool]) -> list["Token"]:
    """The words after the quotation that may frame it: none when they start something new."""
    after = _frame_tokens_after(sdoc, te, in_quote)
    ending = text_of(sdoc)[inner[1] - 1 : inner[1]]
    if ending in (".", "!") and after and after[0].is_title and not _closing_frame(after):
        return []  # '"...." He said the ...': the quotation ended its sentence; what follows is new
    if ending in (".", "!", "?") and _opens_next_quotation(after):
        return []  # '"Why now?" Mills then writes back, "You look cute."': the frame is the next one's
    if after and after[0].pos_ == "CCONJ":
        return []  # 'Weld calls it "a six-lane highway," and Johnson talks about ...': a new clause
    return after


def _frame_after(
    sdoc: "Doc", inner: tuple[int, int], te: int, after: list["Token"], in_quote: list[bool]
) -> Optional[Found]:
    """A speech verb after the quotation (frame-after) or, after a quotation that hands over, a short
    clause of a name and any verb (bare-frame-after); its subject speaks."""
    ending = text_of(sdoc)[inner[1] - 1 : inner[1]]
    handed_over = ending == ","
    # '"...," said Oversight ranking Democrat Elijah Cummings': a comma hands the quotation to the
    # verb right after it, whatever the parser hung on that verb as its clause
    # not a passive ('... Tuesday, hours after the aide was charged with battery'): its subject is
    # the one spoken to or about
    rule = R.FRAME_AFTER
    verb = next(
        (
            t
            for t in (after if R.enabled(R.FRAME_AFTER) else ())
            if is_speech_verb(t)
            and not is_passive(t)
            and not _says_its_own(t, after)
            and (not has_own_clause(t, in_quote) or handed_over and (t.i == after[0].i or _subject_opens(t, after)))
        ),
        None,
    )
    if verb is None and ending in (",", "?", "!", "\u2014") and R.enabled(R.BARE_FRAME_AFTER):
        verb, rule = _bare_frame_verb(after), R.BARE_FRAME_AFTER
    if verb is None:
        return None
    speaker = _speaker_after(verb, te, after, in_quote)
    if speaker is None or in_quote[speaker.i]:
        return None
    according = according_source(after)
    return Found(
        "direct",
        *content_of(text_of(sdoc), inner),
        speaker=speaker,
        cue=(verb.i, verb.i + 1),
        relays=[according] if according is not None and according.i > verb.i else [],
        rule=rule,
    )


def _speaker_after(verb: "Token", te: int, after: list["Token"], in_quote: list[bool]) -> Optional["Token"]:
    """Who a frame verb after the quotation names as speaker, with the parse repairs a frame needs."""
    speaker = subject_of(verb)
    if speaker is None or in_quote[speaker.i]:
        # the parser may take the quotation itself for the subject ('"Good evening," Rossi said');
        # an object is an inverted subject only right behind the quotation ('"...," said the
        # minister'), not in a clause of its own ('..." and recalled the shutdown: "...')
        inverted = inverted_subject(verb) if all(t.is_punct or t.is_space for t in after if t.i < verb.i) else None
        speaker = inverted or name_before(verb)
    if speaker is None and after and verb.i == after[0].i and verb.tag_ != "VBG":
        # '"...," mused radio host Stu Burguiere.': the name after the cue
        rest = [t for t in after[1:] if t.i > verb.i]
        stop = next((t for t in rest if t.is_punct), None)
        if stop is not None:
            # 'said Oversight ranking Democrat Elijah Cummings (D-Md.)': titles first, the name last
            names = [t for t in rest if t.i < stop.i and t.pos_ == "PROPN"]
            speaker = names[-1] if names else first_name_in([t for t in rest if t.i < stop.i], stop)
    if (speaker is None or not te <= speaker.i < verb.i) and verb.i - te >= 1 and not after[0].is_punct:
        # '"...," Seth Ames, a political scientist at ..., told The Hill': the name between the
        # quotation and the cue speaks, whatever the parser made of the long subject
        speaker = first_name_in(after, verb) or speaker
    # '"...," Maria Lenz, a shop owner in Graz, said': a far cue needs its subject in between
    if speaker is not None and verb.i - te >= 6 and not te <= speaker.i < verb.i:
        return None
    # '"...," the club, a private course near here, charged a $100,000 fee': a far verb with an
    # object of its own reports something else
    if (
        speaker is not None
        and verb.i - te >= 6
        and verb.lemma_.lower() not in ADDRESSEE_VERBS
        and any(c.dep_ in ("dobj", "ccomp") and c.i > verb.i for c in verb.children)
    ):
        return None
    return speaker


def _according_after(sdoc: "Doc", inner: tuple[int, int], after: list["Token"]) -> Optional[Found]:
    """'"...," according to a UN spokesman': the source speaks."""
    according = according_source(after)
    if according is None or not after or not after[0].is_punct or not R.enabled(R.ACCORDING_AFTER):
        return None
    return according_quote(sdoc, inner, according, R.ACCORDING_AFTER)


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
    if verb.i == first.i or verb.lemma_.lower() in ADDRESSEE_VERBS | DIRECTIVE_VERBS:
        return False
    # ('"...?" he urged them' -- a pronoun object is whom it was said to)
    return any(c.dep_ in ("dobj", "intj") and c.i > verb.i and c.lower_ not in PERSONS_ADDRESSED for c in verb.children)


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
        if is_speech_verb(tok) and tok.lemma_.lower() in SPEECH_VERBS:
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
            and not is_speech_verb(verb)
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
        and not (t.dep_ in ("prep", "pobj", "det", "amod", "poss", "compound", "case") and under(t, verb, "prep"))
        for t in tail
    ):
        return None  # 'X said the ...': the verb has words of its own
    subject = [t for t in words[: words.index(verb)] if t.dep_ == "nsubj" and t.head.i == verb.i]
    return verb if subject and subject[0].pos_ in ("PROPN", "NOUN", "PRON") else None


_SIGNATURE_TOKENS = 16  # a signature line is a name and a short description, not a sentence


def signed_below(sdoc: "Doc", span: QuotedSpan, inner: tuple[int, int]) -> Optional[Found]:
    """A quotation paragraph signed on the next line, as fact checks and round-ups print them:
    '"I will look into it."' / '- Hillary Clinton.' or '-Michelle Marks, Philadelphia.'; or signed
    at the end of its own line, as pasted comments are: '"I drive over that bridge every day" – Karen Wills'."""
    text = text_of(sdoc)
    rest = text[span.end :]
    line_break = len(rest) - len(rest.lstrip(" \t"))
    if rest[line_break : line_break + 1] != "\n":
        return _signed_inline(sdoc, span, inner, line_break) if R.enabled(R.SIGNED_INLINE) else None
    if not R.enabled(R.SIGNED_BELOW):
        return None
    gap = len(rest) - len(rest.lstrip())
    if rest[:gap].count("\n") > 2 or rest[gap : gap + 1] not in SIGNATURE_DASHES:
        return None
    line_end = text.find("\n", span.end + gap)
    line_end = len(text) if line_end < 0 else line_end
    ts, te = token_range(sdoc, span.end + gap, line_end)
    tokens = [t for t in sdoc[ts:te] if not t.is_space]
    if len(tokens) > _SIGNATURE_TOKENS:
        return None
    name = None
    for tok in tokens[1:]:
        if tok.pos_ == "PROPN" or (name is None and tok.is_title and tok.is_alpha):
            name = tok  # the last word of the first name in the line
        elif name is not None or not (tok.text in SIGNATURE_DASHES or tok.is_space):
            break
    if name is None:
        return None
    return Found(
        "direct", *content_of(text, inner), speaker=name, cue=(tokens[0].i, tokens[0].i + 1), rule=R.SIGNED_BELOW
    )


def _signed_inline(sdoc: "Doc", span: QuotedSpan, inner: tuple[int, int], gap: int) -> Optional[Found]:
    """'"..." \u2013 Karen Wills, a nurse' ending its paragraph: a dash apart from the closing mark and a
    line that is only a name (no clause: not '"..." \u2014 and they did.')."""
    text = text_of(sdoc)
    dash = span.end + gap
    if gap == 0 or text[dash : dash + 1] not in SIGNATURE_DASHES or not text[dash + 1 : dash + 2].isspace():
        return None
    line_end = text.find("\n", dash)
    ts, te = token_range(sdoc, dash + 1, len(text) if line_end < 0 else line_end)
    # ('"..." ― Tom Reyes "..." ― Maria Lopez': signed quotations run on in one paragraph)
    te = next((t.i for t in sdoc[ts:te] if t.is_quote and t.i > ts), te)
    words = [t for t in sdoc[ts:te] if not t.is_space and t.text not in SIGNATURE_DASHES]
    name = name_line(words) if len(words) <= _SIGNATURE_TOKENS else None
    if name is None:
        return None
    dash_tok = sdoc[token_range(sdoc, dash, dash + 1)[0]]
    return Found(
        "direct", *content_of(text, inner), speaker=name, cue=(dash_tok.i, dash_tok.i + 1), rule=R.SIGNED_INLINE
    )
