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

from dataclasses import replace
from typing import TYPE_CHECKING, Optional

from diurna.document import ArticleDoc
from diurna.ids import stable_id
from diurna.nlp.index import Ranges, char_range, index
from diurna.quotes import rules as R
from diurna.quotes.attach import DIRECT_SHARE, attach_quotations
from diurna.quotes.cues import apply_quoted_as_saying, fold_according_to
from diurna.quotes.found import Found, overlap, owner_of, paragraph_of, token_range
from diurna.quotes.lexicon import (
    RELAY_CUE_LEMMAS,
    REPLY_NOUNS,
    SAID_NOUNS,
    STREET_TEXTS,
    TEXT_NOUNS,
)
from diurna.quotes.relays import relay_statements
from diurna.quotes.reported import Cue, find_cues
from diurna.quotes.speakers import speaker_for
from diurna.quotes.unframed import headline_quotes
from diurna.records import Quote, TextSpan

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

# Quotations found before the article's time budget ran out still get their speakers, while the
# overrun stays under this share of the budget: a quote without its speaker would be a wrong record.
_FINISHING_GRACE = 0.5


class QuoteStage:
    """Finds quotes and their speakers; fills `doc.quotes`."""

    name = "quotes"
    # what the stage reads from the article and what it writes (the pipeline checks the order)
    requires = ("spacy_doc", "actors", "mentions")
    assigns = ("quotes",)

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
        found = attach_quotations(doc, spans, cues, quoted)
        # Out of time (`doc.out_of_time()`, the article's budget): the quotations tied so far are
        # kept; no cue becomes an indirect quote, as its quotation may be among those not reached.
        if not doc.out_of_time():
            found += headline_quotes(doc, found)
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


def _speak_through_texts(found: list[Found]) -> None:
    """'"...," read a statement from Senator Henning's office', 'a statement by the ministry said':
    a text whose author is named speaks for its author."""
    for f in found:
        if f.speaker is not None and f.speaker.pos_ == "NOUN" and f.speaker.lemma_.lower() in TEXT_NOUNS | SAID_NOUNS:
            owner = owner_of(f.speaker) if R.enabled(R.TEXT_OWNER) else None
            if owner is not None:
                f.speaker = owner
                f.revise(R.TEXT_OWNER)
            elif R.enabled(R.TEXT_AUTHOR_BEFORE):
                # the text stays the words naming the speaker (news and PolNeAR write 'the statement
                # said'); the actor is who issued it
                f.author = _author_in_sentence_before(f.speaker)
                if f.author is not None:
                    f.revise(R.TEXT_AUTHOR_BEFORE)


def _author_in_sentence_before(noun: "Token") -> Optional["Token"]:
    """'Mitch McConnell met with Republican senators. The message was blunt: "..."', 'The Plain Dealer
    endorsed Strickland. "...," the editorial said': a definite text or remark no one is named for
    in its own sentence is from the one the sentence right before made its subject (for an answer,
    the one that sentence asked)."""
    lemma = noun.lemma_.lower()
    if lemma in STREET_TEXTS or not any(c.dep_ == "det" and c.lower_ in ("the", "this", "that") for c in noun.children):
        return None
    start = noun.sent.start
    if start == 0:
        return None
    before = noun.doc[start - 1].sent
    if any(t.is_space and t.text.count("\n") > 2 for t in noun.doc[before.end : start]):
        return None
    root = before.root
    if lemma in REPLY_NOUNS:
        if root.lemma_.lower() not in ("ask", "press", "question"):
            return None
        asked = next((c for c in root.children if c.dep_ in ("dobj", "dative")), None)
        return asked if asked is not None and asked.pos_ == "PROPN" else None
    subject = next((c for c in root.children if c.dep_ == "nsubj"), None)
    if subject is None or subject.pos_ != "PROPN" and subject.lower_ not in ("he", "she"):
        return None
    return subject


def _indirect_quotes(sdoc: "Doc", cues: list[Cue], direct: list[Found]) -> list[Found]:
    """Cues whose content is not already a direct quotation become indirect quotes."""
    out: list[Found] = []
    if not R.enabled(R.INDIRECT):
        return out
    # a cue that frames a direct quotation in its own sentence reports that quotation; one whose
    # sentence only leads into a quotation in the next paragraph keeps its own content too
    used = {
        f.cue: f
        for f in direct
        if f.cue is not None
        and f.kind == "direct"
        and sdoc[f.cue[0]].sent.start <= token_range(sdoc, f.start, f.start + 1)[0] < sdoc[f.cue[0]].sent.end
    }
    for cue in cues:
        if cue.quotation is not None:
            continue
        start, end = char_range(sdoc, cue.content_start, cue.content_end)
        framed = used.get((cue.cue_start, cue.cue_end))
        if framed is not None and not _said_around_quotation(sdoc, cue, framed):
            continue
        if any(
            f.kind == "direct" and overlap((start, end), (f.start, f.end)) >= DIRECT_SHARE * (end - start)
            for f in direct
        ):
            continue
        out.append(
            Found(
                "indirect",
                start,
                end,
                speaker=cue.speaker,
                cue=(cue.cue_start, cue.cue_end),
                relays=list(cue.relays),
                rule=R.INDIRECT,
                cue_rule=cue.rule,
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
    quotation_start = token_range(sdoc, framed.start, framed.start + 1)[0]
    lead = [t for t in sdoc[cue.content_start : quotation_start] if t.is_alpha]
    return len(lead) >= _MIXED_LEAD_WORDS and sdoc[cue.content_start].sent.start == sdoc[quotation_start].sent.start


def _add_nested_relays(found: list[Found], cues: list[Cue]) -> None:
    """ "Reuters reported that X said ...": Reuters relays X's words (nearest relay first)."""
    if not R.enabled(R.NESTED_RELAY):
        return
    for f in found:
        if f.cue is None or f.speaker is None:
            continue
        verb_i = f.cue[0]
        outer = [
            c
            for c in cues
            if c.content_start <= verb_i < c.content_end
            and c.speaker is not None
            and c.verb.lemma_.lower() in RELAY_CUE_LEMMAS | {"accord"}
            and c.speaker.i != f.speaker.i
        ]
        for c in sorted(outer, key=lambda c: c.content_end - c.content_start):
            f.relays.append(c.speaker)
            f.revise(R.NESTED_RELAY)


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
        if f.resolved.rule:
            f.revise(f.resolved.rule)  # a speaking pronoun the actor stage's answer did not settle
        if f.resolved.actor_id is None and f.author is not None:
            f.resolved = replace(f.resolved, actor_id=speaker_for(doc, f.author, quoted).actor_id)
    for relay in f.relays:
        actor = speaker_for(doc, relay, quoted).actor_id
        if actor is not None and actor not in f.via and (f.resolved is None or actor != f.resolved.actor_id):
            f.via.append(actor)


def _add_relay_statements(doc: ArticleDoc, found: list[Found], quoted: list[tuple[int, int]]) -> None:
    """ "X's remarks were quoted by R" covers X's quotes in that paragraph and the ones on either side."""
    if not R.enabled(R.RELAY_STATEMENT):
        return
    text = doc.text
    for statement in relay_statements(doc.spacy_doc):
        speaker = speaker_for(doc, statement.speaker, quoted).actor_id
        relay = speaker_for(doc, statement.relay, quoted).actor_id
        if speaker is None or relay is None or speaker == relay:
            continue
        para = paragraph_of(text, statement.relay.idx)
        for f in found:
            if (
                f.resolved is not None
                and f.resolved.actor_id == speaker
                and relay not in f.via
                and abs(paragraph_of(text, f.start) - para) <= 1
            ):
                f.via.append(relay)
                f.revise(R.RELAY_STATEMENT)


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
        quote_id = stable_id("quo_", doc.article.id, f.kind, f.start, f.end)
        doc.quote_rules[quote_id] = f.explained()
        out.append(
            Quote(
                id=quote_id,
                kind=f.kind,
                content=TextSpan(text=text[f.start : f.end], start=f.start, end=f.end),
                speaker=f.resolved.actor_id if f.resolved is not None else None,
                speaker_mention=mention,
                cue=cue,
                via=f.via,
            )
        )
    return out


QUOTES_BY_BLOCK_KEY = "diurna.quotes.by_block"
_BLOCK = 512  # characters: a quote's content is listed under every block of text it overlaps


def _quotes_near(doc: ArticleDoc, char_offset: int) -> list:
    """The quotes whose content overlaps the block of text holding `char_offset`, in the order of
    `doc.quotes`, from an index built once per article (kept beside the parse, rebuilt if the quotes
    changed): events ask for every trigger, and scanning every quote each time made the events
    stage's cost grow with the square of the article's length."""
    if doc.spacy_doc is None:
        return doc.quotes
    cached = doc.spacy_doc.user_data.get(QUOTES_BY_BLOCK_KEY)
    listed = tuple(map(id, doc.quotes))  # a stage may replace a quote in place: then rebuild
    if cached is None or cached[0] != listed:
        by_block: dict[int, list] = {}
        for q in doc.quotes:
            for block in range(q.content.start // _BLOCK, max(q.content.start, q.content.end - 1) // _BLOCK + 1):
                by_block.setdefault(block, []).append(q)
        cached = (listed, by_block)
        doc.spacy_doc.user_data[QUOTES_BY_BLOCK_KEY] = cached
    return cached[1].get(char_offset // _BLOCK, [])


def quote_at(doc: ArticleDoc, char_offset: int):
    """The quote whose content covers `char_offset` (the innermost), or None: events stated
    inside it are claims of its speaker (`attributed_to`)."""
    best = None
    for q in _quotes_near(doc, char_offset):
        if q.content.start <= char_offset < q.content.end and (
            best is None or q.content.end - q.content.start < best.content.end - best.content.start
        ):
            best = q
    return best
