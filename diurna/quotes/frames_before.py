"""Frames before a quotation: 'X said: "..."', 'X fired back, "..."', 'Name, description: "..."', and a
paragraph ending in a colon before a quotation paragraph. Each return names the rule it applies
(quotes/rules.py); the rules are tried in the order written here, which is their order in `rules.ORDER`.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Optional

from diurna.nlp.index import text_of
from diurna.nlp.subjects import WHEN_ENTITIES, name_after
from diurna.nlp.syntax import crosses_paragraph, first_conjunct
from diurna.quotes import rules as R
from diurna.quotes.found import (
    Found,
    according_quote,
    according_source,
    can_speak,
    clause_subject,
    content_of,
    direct_quote,
    is_speech_verb,
    main_subject_before,
    name_before,
    name_line,
    outside_parentheses,
    owner_of,
    under,
)
from diurna.quotes.lexicon import ADDRESSEE_VERBS, OBJECT_CONTENT_VERBS, SAID_NOUNS
from diurna.quotes.reported import addressed_in_passive, agent_of, subject_of

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

_FRAME_BEFORE = 30  # tokens before a quotation searched for 'X said: "..."'


_GAP_BEFORE = 8  # at most this many tokens between such a cue and the quotation it introduces


def frame_tokens_before(sdoc: "Doc", tend: int, in_quote: list[bool]) -> list["Token"]:
    out = []
    for i in range(tend - 1, max(-1, tend - 1 - _FRAME_BEFORE), -1):
        tok = sdoc[i]
        if in_quote[i] or "\n" in tok.text or tok.text in (".", "!", "?", ";"):
            break
        out.append(tok)
    return out[::-1]


def introduced_by_colon(sdoc: "Doc", inner: tuple[int, int], ts: int, in_quote: list[bool]) -> Optional[Found]:
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
    if R.enabled(R.COLON_PARAGRAPH):
        for verb in sentence:  # nearest cue to the colon first
            if is_speech_verb(verb):
                speaker = subject_of(verb) or name_after(verb, sentence[0])
                if speaker is not None:
                    return direct_quote(sdoc, inner, speaker, verb, R.COLON_PARAGRAPH)
    words = [t for t in reversed(sentence[1:]) if not t.is_space]
    name = name_line(words) if R.enabled(R.NAME_LINE) else None
    if name is not None:
        # 'Senator Warren:' / 'Jane Hollister, 45, a teacher from Ankeny:' on a line of its own: a name
        # (and who they are) and a colon, as in transcripts and round-ups of voters' views
        return direct_quote(sdoc, inner, name, sentence[0], R.NAME_LINE)
    if not R.enabled(R.COLON_PARAGRAPH_SUBJECT):
        return None
    # 'He then listed the qualities a nominee needs:' -- a colon hands the floor to the subject of
    # the main verb, whatever the verb
    for verb in sorted(sentence, key=lambda t: t.dep_ != "ROOT"):
        if verb.pos_ in ("VERB", "AUX") and verb.dep_ == "ROOT":
            speaker = subject_of(verb)
            if speaker is not None and can_speak(speaker):
                return direct_quote(sdoc, inner, speaker, verb, R.COLON_PARAGRAPH_SUBJECT)
    return None


@dataclass
class _Before:
    """The words before a quotation, up to the sentence start or an earlier quotation, and what the
    frame rules before a quotation read in them."""

    sdoc: "Doc"
    inner: tuple[int, int]  # the quotation's words
    qstart: int  # the quotation's first token
    before: list["Token"]
    last: "Token"  # the word right before the quotation (',', ':', 'that', a verb ...)
    verbs: list["Token"]  # speech verbs before it (not 'when asked ...:')
    handed_over: bool  # the last word hands the floor to the quotation
    parenthetical: list["Token"]  # 'At the time, Mr. Silva said, he found the plan "reckless"'


def introduced_by(sdoc: "Doc", before: list["Token"], inner: tuple[int, int], qstart: int) -> Optional[Found]:
    """A frame before the quotation, by the rules in their order (quotes/rules.py): a clause or a noun
    that hands the floor over; then a speech verb before the quotation decides alone; with none, an
    'according to', a name line, a name and a colon, the subject of the clause a colon ends."""
    ctx = _words_before(sdoc, before, inner, qstart)
    if ctx is None:
        return None
    found = _comma_clause_before(ctx) or _main_clause_comma(ctx) or _said_noun_before(ctx)
    if found is not None:
        return found
    if ctx.verbs:
        return _colon_own_clause(ctx) or _frame_before(ctx)
    if not ctx.handed_over:
        return None
    found = _according_before(ctx)
    if found is not None:
        return found
    last, before = ctx.last, ctx.before
    # 'Pierce compared the challenger, whom he called "erratic," with the mayor: "..."': words after
    # a quotation inside their sentence are the tail of a clause, not a name line
    if (
        last.text == ":"
        and before[0].i > 1
        and sdoc[before[0].i - 1].is_quote
        and sdoc[before[0].i - 2].text not in (".", "!", "?")
    ):
        return _colon_after_quotation(sdoc, before, inner)
    return _name_line_before(ctx) or _name_colon(ctx) or _colon_subject(ctx)


def _words_before(sdoc: "Doc", before: list["Token"], inner: tuple[int, int], qstart: int) -> Optional[_Before]:
    while before and before[-1].is_space:
        before = before[:-1]  # 'Michael McDonald:\u00a0"..."' -- a no-break space is no text
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
    verbs = [t for t in before if is_speech_verb(t) and not (addressed_in_passive(t) and agent_of(t) is None)]
    handed_over = last.text in (":", ",", "that") or is_speech_verb(last)
    # 'At the time, Mr. Silva said, he found the plan "reckless"': a parenthetical cue
    # attributes the rest of its sentence, quotations included
    # ('The paradox of Nancy, says Carl Anthony, a historian, is that she was "..."' likewise)
    parenthetical = [v for v in verbs if v.i + 1 < len(sdoc) and sdoc[v.i + 1].text == "," or v.dep_ == "parataxis"]
    if not handed_over and not parenthetical:
        return None
    return _Before(sdoc, inner, qstart, before, last, verbs, handed_over, parenthetical)


def _opens_with_capital_after_comma(ctx: _Before) -> bool:
    """', "I suppose ..."': a quoted sentence right after a comma."""
    sdoc, inner = ctx.sdoc, ctx.inner
    return ctx.last.text == "," and len(ctx.before) >= 3 and text_of(sdoc)[inner[0] : inner[0] + 1].isupper()


def _comma_clause_before(ctx: _Before) -> Optional[Found]:
    """'Hillary shot back, "I suppose ..."': a clause ending in its verb hands the floor to its subject."""
    if not R.enabled(R.COMMA_CLAUSE_BEFORE) or not _opens_with_capital_after_comma(ctx):
        return None
    before = ctx.before
    verb = before[-2]
    if verb.dep_ in ("prt", "advmod") and verb.head.i == before[-3].i:
        verb = before[-3]
    if (
        verb.pos_ == "VERB"
        and not is_speech_verb(verb)
        and (verb.dep_ in ("ROOT", "conj") or (verb.dep_ == "ccomp" and verb.head.i >= ctx.qstart))
    ):
        speaker = subject_of(verb)
        if speaker is not None and speaker.i < verb.i and speaker.pos_ in ("PROPN", "NOUN", "PRON"):
            return direct_quote(ctx.sdoc, ctx.inner, speaker, verb, R.COMMA_CLAUSE_BEFORE)
    return None


def _main_clause_comma(ctx: _Before) -> Optional[Found]:
    """'Earlier, Clinton shared her worries with donors at a fundraiser, "I do not know ..."': a main
    clause with no speech verb that ends in a comma before a quoted sentence hands it to its subject."""
    if not R.enabled(R.MAIN_CLAUSE_COMMA) or ctx.verbs or not _opens_with_capital_after_comma(ctx):
        return None
    before, last = ctx.before, ctx.last
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
        if speaker is not None and speaker.i < root.i and can_speak(speaker) and speaker.i >= before[0].i:
            return direct_quote(ctx.sdoc, ctx.inner, speaker, root, R.MAIN_CLAUSE_COMMA)
    return None


def _said_noun_before(ctx: _Before) -> Optional[Found]:
    """'Barrett's dictum to his interns was, "..."' / 'Her answer:' -- words said, with their owner."""
    if ctx.last.text not in (",", ":") or not R.enabled(R.SAID_NOUN_BEFORE):
        return None
    before = ctx.before
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
            owner = owner_of(tok)
            if owner is not None:
                return direct_quote(ctx.sdoc, ctx.inner, owner, tok, R.SAID_NOUN_BEFORE)
    return None


def _speech_verb_before(ctx: _Before) -> "Token":
    return ctx.verbs[-1] if ctx.handed_over else ctx.parenthetical[-1]


def _colon_own_clause(ctx: _Before) -> Optional[Found]:
    """'When Trump suggested Cuba might sue, Rubio fired back: "..."': the clause the colon ends, with
    a subject of its own, hands the floor; the speech verb before is another's."""
    last, verb = ctx.last, _speech_verb_before(ctx)
    if (
        R.enabled(R.COLON_OWN_CLAUSE)
        and last.text == ":"
        and last.head.pos_ == "VERB"
        and verb.i < last.head.i < last.i
        and not is_speech_verb(last.head)
    ):
        own = clause_subject(last.head)
        if own is not None and own.i > verb.i and can_speak(own):
            return direct_quote(ctx.sdoc, ctx.inner, own, last.head, R.COLON_OWN_CLAUSE)
    return None


def _frame_before(ctx: _Before) -> Optional[Found]:
    """'X said: "..."', 'X said, "..."', 'X said that "..."' or a parenthetical 'X said,' in the
    quotation's sentence: the speech verb's subject speaks (with the parse repairs below)."""
    if not R.enabled(R.FRAME_BEFORE):
        return None
    before, last, qstart = ctx.before, ctx.last, ctx.qstart
    verb = _speech_verb_before(ctx)
    if (
        ctx.handed_over
        and qstart - verb.i - 1 > _GAP_BEFORE
        and verb not in ctx.parenthetical
        and not _adjuncts_only(verb, before)
    ):
        return None
    speaker = subject_of(verb)
    if speaker is not None and speaker.i >= qstart:
        speaker = main_subject_before(verb)
    if verb.i > before[0].i and (speaker is None or speaker.i < before[0].i):
        # 'When someone shouted, "Cruz," Beck joked, ... "..."' with the parse lost (no subject, or
        # one across the earlier quotation): the name right before the cue
        speaker = name_before(verb) or speaker
    if speaker is None and last.text == ":":
        speaker = name_after(verb, last)
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
    according = according_source(before)
    return Found(
        "direct" if ctx.handed_over else "partial",
        *content_of(text_of(ctx.sdoc), ctx.inner),
        speaker=speaker,
        cue=(verb.i, verb.i + 1),
        relays=[according] if according is not None else [],
        rule=R.FRAME_BEFORE,
    )


def _according_before(ctx: _Before) -> Optional[Found]:
    """'According to X, "..."': X speaks."""
    according = according_source(ctx.before)
    if according is None or ctx.last.text not in (",", ":") or not R.enabled(R.ACCORDING_BEFORE):
        return None
    return according_quote(ctx.sdoc, ctx.inner, according, R.ACCORDING_BEFORE)


def _segment(ctx: _Before) -> tuple[list["Token"], list["Token"]]:
    """The part of the words before after a spaced dash (a digest's headline comes before it), and its
    words outside brackets without the last one: 'Rep. Trey Gowdy (R-S.C.):' -> Rep. Trey Gowdy."""
    before = ctx.before
    dashes = [
        k
        for k, t in enumerate(before)
        if t.text in ("\u2013", "\u2014", "|") or (t.text == "-" and t.i > 0 and t.nbor(-1).whitespace_)
    ]
    segment = before[dashes[-1] + 1 :] if dashes else before
    return segment, [t for t in outside_parentheses(segment[:-1]) if not t.is_space]


def _name_line_before(ctx: _Before) -> Optional[Found]:
    """'Jane Hollister, 45, a teacher from Ankeny: "..."' opening its paragraph: the name first."""
    _, line = _segment(ctx)
    if ctx.last.text != ":" or not line or line[0].i != ctx.before[0].i or not R.enabled(R.NAME_LINE):
        return None
    name = name_line(line)
    return direct_quote(ctx.sdoc, ctx.inner, name, ctx.last, R.NAME_LINE) if name is not None else None


def _name_colon(ctx: _Before) -> Optional[Found]:
    """'Amnesty International: "..."' -- a name and a colon, as in headlines and digests ('Here's
    Clinton in December 1992:' -- a date is when, not who)."""
    segment, line = _segment(ctx)
    if ctx.last.text != ":" or any(t.pos_ in ("VERB", "AUX") for t in segment) or not R.enabled(R.NAME_COLON):
        return None
    names = [t for t in line if t.pos_ in ("PROPN", "NOUN") and t.ent_type_ not in WHEN_ENTITIES]
    if names and len(outside_parentheses(segment)) <= 8:
        return direct_quote(ctx.sdoc, ctx.inner, names[-1], ctx.last, R.NAME_COLON)
    return None


def _colon_subject(ctx: _Before) -> Optional[Found]:
    """'The senator hit back: "..."', 'The statement read: "..."': a colon hands the floor to the subject."""
    if ctx.last.text != ":" or not R.enabled(R.COLON_SUBJECT):
        return None
    verbs_before = [t for t in reversed(ctx.before) if t.pos_ in ("VERB", "AUX")]
    verbs_before.sort(key=lambda t: t.dep_ != "ROOT")  # the main verb first ('X broke down what was wrong:')
    for verb in verbs_before:
        # a passive main clause presents its subject too ('X, who was killed in 2011, is shown lecturing:')
        speaker = subject_of(verb) or (clause_subject(verb) if verb.dep_ == "ROOT" else None)
        if speaker is not None and speaker.tag_ not in ("WP", "WDT"):
            return direct_quote(ctx.sdoc, ctx.inner, speaker, verb, R.COLON_SUBJECT)
    return None


def _adjuncts_only(verb: "Token", before: list["Token"]) -> bool:
    """'Beck joked, again using an exaggerated Southern accent, "..."': only the verb's own adverbs,
    prepositional phrases and participles (and whom it was told) stand between it and the quotation."""
    between = [t for t in before if t.i > verb.i and not (t.is_punct or t.is_space)]
    deps = ("advcl", "advmod", "prep", "npadvmod")
    if verb.lemma_.lower() in ADDRESSEE_VERBS:
        deps += ("dobj", "dative")  # 'who told Congress when asked last month about it:'
    return bool(between) and all(_under_any(t, verb, deps) for t in between)


def _under_any(tok: "Token", verb: "Token", deps: tuple[str, ...]) -> bool:
    return any(under(tok, verb, dep) for dep in deps)


def _colon_after_quotation(sdoc: "Doc", before: list["Token"], inner: tuple[int, int]) -> Optional[Found]:
    """The subject of the main clause a colon ends when the clause began before an earlier
    quotation ('but he gave the Texan a compliment: "..."': "gave" is in view; 'Pierce compared the
    challenger, whom he called "erratic," with the mayor: "..."': the sentence's main verb is not)."""
    if not R.enabled(R.COLON_AFTER_QUOTATION):
        return None
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
            and can_speak(speaker)
            and speaker.i < last.i
            and (before[0].pos_ != "CCONJ" or speaker.i > before[0].i)
        ):
            return direct_quote(sdoc, inner, speaker, verb, R.COLON_AFTER_QUOTATION)
    return None


def _main_clause_verb(verb: "Token") -> bool:
    """The sentence's main verb or one coordinated with it."""
    verb = first_conjunct(verb)
    return verb.dep_ == "ROOT"
