"""Quotations no speech frame ties to anyone: the words a noun or 'in the words of' gives an owner,
a quotation continuing the last quote, one after a sentence that introduces its speaker, a statement
kept with no speaker, and the speaker such a kept quotation is given (the clause it sits in, or the
latest speaker); and a headline of the form 'Name: what they said'. Each rule is named in
quotes/rules.py.
"""

from __future__ import annotations

import itertools
from typing import TYPE_CHECKING, Optional

from diurna.actors.gender import given_name_gender
from diurna.document import ArticleDoc
from diurna.nlp.index import text_of
from diurna.nlp.quotations import QuotedSpan, starts_paragraph
from diurna.nlp.syntax import crosses_paragraph, in_main_clause, is_infinitive, is_passive
from diurna.quotes import rules as R
from diurna.quotes.found import (
    Found,
    can_speak,
    clause_subject,
    content_of,
    direct_quote,
    is_speech_verb,
    paragraph_of,
    token_range,
)
from diurna.quotes.lexicon import SAID_NOUNS, SPEECH_VERBS
from diurna.quotes.reported import Cue, opens_with_that, subject_of

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token


def said_noun(sdoc: "Doc", span: QuotedSpan, inner: tuple[int, int], in_quote: list[bool]) -> Optional[Found]:
    """A quotation hanging on a noun for words said, whose owner is named: 'her remark that "..."',
    'Obama's "if you like your plan" promise', 'a new headline from the Post: "..."', 'Her verdict? "..."'."""
    if not R.enabled(R.SAID_NOUN):
        return None
    ts, te = token_range(sdoc, span.start, span.end)
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
                return direct_quote(sdoc, inner, sdoc[ts - 2], noun, R.SAID_NOUN)
            if owner.lower_ in ("his", "her", "their"):
                return direct_quote(sdoc, inner, owner, noun, R.SAID_NOUN)
        for child in noun.children:
            if (
                child.dep_ == "poss"
                and child.i < ts
                and (child.pos_ == "PROPN" or child.lower_ in ("his", "her", "their"))
            ):
                return direct_quote(sdoc, inner, child, noun, R.SAID_NOUN)
            if child.dep_ == "prep" and child.lower_ in ("from", "by") and child.i < ts:
                source = next((c for c in child.children if c.dep_ == "pobj"), None)
                if source is not None and source.pos_ in ("PROPN", "NOUN"):
                    return direct_quote(sdoc, inner, source, child, R.SAID_NOUN)
    return None


_WORDS_BEFORE = 15  # 'The plan was, in the words of one senior aide, "..."': tokens searched before the quotation


_WORDS_AFTER = 4  # '"...," in his words.'


def in_the_words_of(sdoc: "Doc", span: QuotedSpan, inner: tuple[int, int], in_quote: list[bool]) -> Optional[Found]:
    """'in the words of one aide, "dead on arrival"', 'because, in her words, "he knows how"', 'to
    quote the chief justice, "a mess"': the writer names whose words the quotation borrows."""
    if not R.enabled(R.IN_THE_WORDS_OF):
        return None
    ts, te = token_range(sdoc, span.start, span.end)
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
        elif tok.lower_ == "quote" and is_infinitive(tok):
            owner = next((c for c in tok.children if c.dep_ == "dobj"), None)
        if owner is not None and (can_speak(owner) or owner.lower_ in ("his", "her", "their")):
            return direct_quote(sdoc, inner, owner, tok, R.IN_THE_WORDS_OF)
    return None


def continued(text: str, span: QuotedSpan, inner: tuple[int, int], found: list[Found]) -> Optional[Found]:
    """'"A," he said. "B."' and a quotation paragraph after a quoted one: the same speaker goes on."""
    if not R.enabled(R.CONTINUED):
        return None
    if not found:
        return None
    previous = found[-1]
    if previous.kind == "partial":
        return None
    para, prev_para = paragraph_of(text, span.start), paragraph_of(text, previous.start)
    if para == prev_para or (para == prev_para + 1 and starts_paragraph(text, span.start)):
        return Found("direct", *content_of(text, inner), inherited=previous, rule=R.CONTINUED)
    return None


def after_reporting_sentence(
    sdoc: "Doc", span: QuotedSpan, inner: tuple[int, int], in_quote: list[bool]
) -> Optional[Found]:
    """A quotation opening a sentence right after one that reports someone's words ('Carter said
    that ... would not happen.' / 'Sam Lau said in a statement. "There are ..."'): news keeps the
    speaker of the sentence before for a quotation nobody else is named for."""
    ts, _ = token_range(sdoc, span.start, span.end)
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
    verbs = [t for t in sentence if not in_quote[t.i] and is_speech_verb(t)]
    if not verbs:
        return _introduced_before(sdoc, span, inner, sentence, in_quote) or _after_a_beat(
            sdoc, inner, sentence, in_quote
        )
    if not R.enabled(R.AFTER_REPORTING_SENTENCE):
        return None
    verbs.sort(key=lambda t: (t.dep_ != "ROOT", -t.i))
    for verb in verbs:
        speaker = subject_of(verb)
        if (
            speaker is not None
            and not in_quote[speaker.i]
            and speaker.i >= sentence[-1].i
            and (speaker.pos_ in ("PROPN", "NOUN") or speaker.lower_ in ("he", "she", "they"))
        ):
            return direct_quote(sdoc, inner, speaker, verb, R.AFTER_REPORTING_SENTENCE)
    return None


def _introduced_before(
    sdoc: "Doc", span: QuotedSpan, inner: tuple[int, int], sentence: list["Token"], in_quote: list[bool]
) -> Optional[Found]:
    """'Marcus Feld has been blunt about the levee system.' / '"..."': a quotation paragraph right
    after a paragraph that ends on a sentence about a named person (its main subject) is that
    person's, the way news introduces a speaker before giving the floor."""
    if not R.enabled(R.INTRODUCED_BEFORE):
        return None
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
    ts, te = token_range(sdoc, inner[0], inner[1])
    if len([t for t in sdoc[ts:te] if t.is_alpha]) < _MIN_UNATTRIBUTED_WORDS:
        return None
    return direct_quote(sdoc, inner, subject, root, R.INTRODUCED_BEFORE)


_BEAT_WORDS = 6  # 'He paused.', 'Clinton shook her head.': a beat is a short sentence


def _after_a_beat(
    sdoc: "Doc", inner: tuple[int, int], sentence: list["Token"], in_quote: list[bool]
) -> Optional[Found]:
    """'I asked Mayor Reyes what he would tell residents. He paused. "I would tell them I'm sorry."':
    a short sentence of a person doing something, no clause of its own, right before a quotation in
    the same paragraph, hands it the floor."""
    if not R.enabled(R.AFTER_A_BEAT):
        return None
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
    return direct_quote(sdoc, inner, subject, root, R.AFTER_A_BEAT)


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


def latest_speaker(sdoc: "Doc", f: Found, found: list[Found], cues: list[Cue], in_quote: list[bool]) -> None:
    """A statement in quotation marks that no frame ties to anyone: news quotes without a frame only
    while the last named speaker still has the floor, so it is the speaker of the latest quote or
    speech cue in the same or the previous paragraphs (PolNeAR's annotators attribute such
    quotations almost always; on train, a null speaker was right 4 times in 17)."""
    if not R.enabled(R.LATEST_SPEAKER):
        return
    text = text_of(sdoc)
    para = paragraph_of(text, f.start)
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
    if best is None or para - paragraph_of(text, best_at) > _LATEST_SPEAKER_PARAGRAPHS - 1:
        return
    f.speaker = best.speaker
    f.relays = list(best.relays)
    f.revise(R.LATEST_SPEAKER)


_MIN_UNATTRIBUTED_WORDS = 8  # a quotation with no cue is kept (speaker null) only when it reads as a statement


def unattributed(sdoc: "Doc", text: str, span: QuotedSpan, inner: tuple[int, int]) -> Optional[Found]:
    """A quotation nobody is named for: kept with no speaker when it reads as a statement."""
    if not R.enabled(R.UNATTRIBUTED):
        return None
    ts, te = token_range(sdoc, inner[0], inner[1])
    words = [t for t in sdoc[ts:te] if t.is_alpha]
    has_verb = any(t.pos_ in ("VERB", "AUX") for t in sdoc[ts:te])
    if len(words) < _MIN_UNATTRIBUTED_WORDS or not has_verb:
        return None
    return Found("direct", *content_of(text, inner), rule=R.UNATTRIBUTED)


def characterised_as(sdoc: "Doc", text: str, span: QuotedSpan, inner: tuple[int, int]) -> Optional[Found]:
    """'Haley defended his aide as a "very decent man"', 'cast the deal as "a betrayal"': a quoted
    phrase that an active verb applies to its object through "as" is a characterisation someone
    made; kept (its speaker is the clause's subject, see `in_clause`), unlike a scare quote."""
    if not R.enabled(R.CHARACTERISED_AS):
        return None
    ts, te = token_range(sdoc, span.start, span.end)
    outer = [t for t in sdoc[ts:te] if not ts <= t.head.i < te and not (t.is_punct or t.is_space)]
    if len(outer) != 1:
        return None
    prep = outer[0].head
    if prep.lower_ != "as" or prep.dep_ != "prep" or outer[0].dep_ != "pobj":
        return None
    verb = prep.head
    if verb.pos_ != "VERB" or is_passive(verb) or not any(c.dep_ == "dobj" and c.i < prep.i for c in verb.children):
        return None
    return Found("partial", *content_of(text, inner), rule=R.CHARACTERISED_AS)


_OWN_SUBJECT_CLAUSES = frozenset({"advcl", "acl"})  # such a clause's subject owns the words in it


def in_clause(
    sdoc: "Doc", span: QuotedSpan, inner: tuple[int, int], in_quote: list[bool], kept: Optional[Found]
) -> Optional[Found]:
    """A quotation that no speech verb frames but that a clause of the article's prose uses as its
    object or complement: the clause's subject chose those words ('Moore thanked him for
    "stepping up"', 'He commanded the party to "do the right thing"', 'Mr. Obama decried the
    "spin masters"', 'Two analysts found that the air force is "the best in the world"'). Only for
    a quotation that is kept anyway (`kept`, a statement or a continuation): the rule picks its
    speaker and does not turn every quoted phrase into a quote."""
    if not R.enabled(R.IN_CLAUSE):
        return None
    if kept is None:
        return None
    ts, te = token_range(sdoc, span.start, span.end)
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
    framed_by_speech = is_speech_verb(verb) and verb.i == outer[0].head.i
    kind = "partial" if inside_sentence and not after_colon and not framed_by_speech else "direct"
    # the rule that kept the quotation stays its rule; this one gives it its speaker
    return Found(
        kind,
        kept.start,
        kept.end,
        speaker=speaker,
        cue=(verb.i, verb.i + 1),
        rule=kept.rule,
        revised=kept.revised + [R.IN_CLAUSE],
    )


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
            subject = clause_subject(tok)
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
    if best is None or in_quote[best[1].i] or not can_speak(best[1]) and best[1].lower_ not in ("who", "that"):
        return None
    return best


def _content_clause_of_noun(verb: "Token") -> bool:
    """'said in a statement that the steps were "important"', 'repeated the claim that X is "..."':
    a that-clause on a noun says what the statement or claim holds; whoever made it owns the words."""
    return verb.dep_ == "acl" and verb.head.pos_ == "NOUN" and opens_with_that(verb)


def headline_quotes(doc: ArticleDoc, found: list[Found]) -> list[Found]:
    """A headline of the form "Name: what they said" ("Ruto: 'We will not default'")."""
    if not R.enabled(R.HEADLINE_SPEAKER):
        return []
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
    return [Found("direct", start, end, speaker=head, cue=(head.i + 1, head.i + 2), rule=R.HEADLINE_SPEAKER)]
