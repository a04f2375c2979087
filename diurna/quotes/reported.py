"""Reported speech found through the dependency parse: a cue word, who it has as subject, and
what it governs as content.

    X said (that) ...            ccomp of a speech verb
    ..., X said / said X         the same, clause first
    X urged / called on Y to ... object + infinitive of a directive verb
    X pointed to ...             the object of "to"
    X described Y as ...         object (+ complement) of a verb of characterising
    ..., according to X          the clause the phrase hangs on
    X believes / wants ...       clause (or infinitive) of a verb of belief or intention
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Iterator, Optional

from diurna.nlp.dateline import in_dateline
from diurna.nlp.subjects import (
    PERCEPTION_VERBS,
    agent_of,
    impersonal_main_clause,
    is_verb,
    misread_subject,
    nearer_clause_subject,
    nearest_subject_first,
    relative_pronoun,
    stranded_subject,
    subject_of_lost_root,
    verb_holding,
)
from diurna.nlp.syntax import crosses_paragraph, is_infinitive, is_passive
from diurna.quotes import rules as R
from diurna.quotes.lexicon import (
    ADDRESSED_VERBS,
    CAUSING_VERBS,
    COGNITION_VERBS,
    DIRECTIVE_VERBS,
    INTENTION_VERBS,
    OBJECT_CONTENT_VERBS,
    OBJECT_SPEECH_VERBS,
    PHRASAL_SPEECH_VERBS,
    REQUEST_PREPOSITIONS,
    SPEECH_VERBS,
    STANCE_VERBS,
    VOICE_VERBS,
)

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

_CLAUSE_DEPS = {"ccomp"}
_SUBJECTLESS_LINKS = {"conj", "advcl", "xcomp", "pcomp", "acomp"}


@dataclass
class Cue:
    """A reported-speech cue and what hangs on it; token offsets, end-exclusive."""

    cue_start: int
    cue_end: int
    content_start: int  # token range of the content
    content_end: int
    speaker: Optional["Token"]  # head of the phrase naming the speaker, None when unsaid
    verb: "Token"  # the cue's own head word (verb, or "according")
    relays: list["Token"] = field(default_factory=list)  # heads naming who relays it, nearest first
    quotation: Optional[object] = None  # the quoted passage that turned out to be this cue's content
    rule: str = ""  # the cue construction that found it (quotes/rules.py)


def _trimmed(doc: "Doc", start: int, end: int) -> tuple[int, int]:
    """A token range without leading or trailing punctuation and conjunctions."""

    def loose(tok: "Token", keep: str) -> bool:
        return tok.is_space or tok.dep_ == "cc" or (tok.is_punct and tok.text not in keep)

    while start < end and loose(doc[start], '"“‘«'):
        start += 1
    while end > start and loose(doc[end - 1], '"”’»!?'):
        end -= 1
    return start, end


def _subtree_range(token: "Token") -> tuple[int, int]:
    return token.left_edge.i, token.right_edge.i + 1


def _clause_beside(clause: "Token", phrase: "Token") -> tuple[int, int]:
    """The token range of `clause` on the longer side of `phrase` inside it: the content a phrase of
    attribution hangs on ("As X noted, <clause>", "<clause>, according to X")."""
    start, end = _subtree_range(clause)
    own_start, own_end = _subtree_range(phrase)
    return (start, own_start) if own_start - start >= end - own_end else (own_end, end)


def _within_paragraph(doc: "Doc", anchor: int, start: int, end: int) -> tuple[int, int]:
    """The part of token range [start, end) in the same paragraph as token `anchor`."""
    while start < end and crosses_paragraph(doc[start], doc[anchor]):
        start += 1
    while end > start and crosses_paragraph(doc[end - 1], doc[anchor]):
        end -= 1
    return start, end


def addressed_in_passive(verb: "Token") -> bool:
    """'Blumenthal was asked, "...?"', 'Asked whether X "has the integrity ...", 75 percent said yes':
    the subject was spoken to; whoever asked is the agent, or unnamed."""
    return (
        verb.lemma_.lower() in ADDRESSED_VERBS
        and verb.tag_ == "VBN"
        and (verb.dep_ in ("advcl", "acl") or is_passive(verb))
    )


def subject_of(verb: "Token") -> Optional["Token"]:
    """The subject naming who speaks: the verb's own, or (for "…, adding that", "and said",
    "as saying") the one of the verb it hangs on."""
    if addressed_in_passive(verb):
        return agent_of(verb)
    inverted = _inverted_speaker(verb)
    if inverted is not None:
        return inverted
    if (
        verb.tag_ == "VBG"
        and verb.dep_ == "advcl"
        and (verb.lemma_.lower() in VOICE_VERBS or impersonal_main_clause(verb.head))
    ):
        nearer = nearer_clause_subject(verb)
        if nearer is not None:
            return nearer
    seen = 0
    tok = verb
    while tok is not None and seen < 6:
        misread = misread_subject(tok)
        if misread is not None:
            return misread
        for child in nearest_subject_first(tok):
            if crosses_paragraph(child, tok):
                continue  # a subject across a paragraph break is a parse error
            if child.dep_ in ("nsubj",):
                return None if in_dateline(child) else child  # 'WASHINGTON (AP) — ...'
            if child.lower_ == "it" and (child.dep_ in ("nsubjpass", "expl") or tok.lemma_ in ("seem", "appear")):
                return None  # "it was reported that ...", "it seems ...": nobody is named
            if child.dep_ == "nsubjpass" and (tok.i != verb.i or tok.lemma_ in ("quote", "cite")):
                return child  # "X was forced to back down and said ...": X speaks
            if (
                child.dep_ == "nsubjpass"
                and child.i < tok.i
                and tok.tag_ in ("VBD", "VBN")
                and any(c.dep_ == "auxpass" and c.lower_ in ("'s", "\u2019s") for c in tok.children)
            ):
                return child  # "He's said he ...": "'s" is "has", not a passive
        if tok.dep_ == "relcl":
            return relative_pronoun(tok) or tok.head
        caused = _caused_to_speak(tok)
        if caused is not None:
            return caused
        if tok.dep_ in ("acl",) and tok.tag_ == "VBG":
            noun = tok.head
            holder = verb_holding(noun) if tok.lemma_.lower() not in VOICE_VERBS else None
            if holder is not None:
                # "X issued a statement saying ...", "X texted voters saying ...": X speaks
                tok = holder
                seen += 1
                continue
            return noun  # "Smith, saying that ..."
        if tok.dep_ not in _SUBJECTLESS_LINKS and not (tok.dep_ == "ccomp" and tok.tag_ == "VBG"):
            found = stranded_subject(tok)
            if found is None and tok.dep_ == "ROOT" and tok is not None:
                found = subject_of_lost_root(tok)
            return found
        if tok.dep_ == "conj" and not is_verb(tok.head):
            # 'He called it "shameful" and called on leaders ...': the parser hung the second verb on
            # the first one's complement; its subject is the nearest verb's above
            head = tok.head
            while head.head.i != head.i and not is_verb(head) and not crosses_paragraph(head, tok):
                head = head.head
            if is_verb(head) and head.i != tok.i:
                tok = head
                seen += 1
                continue
        if crosses_paragraph(tok, tok.head):
            return stranded_subject(tok)
        if tok.dep_ == "pcomp" and tok.head.dep_ == "prep" and tok.head.head.i != tok.head.i:
            # "responded by saying ...", "before insisting ...", "in explaining ...": the verb the
            # preposition hangs on has the subject
            tok = tok.head
            if tok.head.pos_ == "NOUN" and tok.head.dep_ == "dobj" and is_verb(tok.head.head):
                tok = tok.head  # "he made a point of saying ...": the verb holding the noun
        controlled = tok.i == verb.i and tok.dep_ == "xcomp"  # "Trump was prompted to say"
        tok = tok.head if tok.head.i != tok.i else None
        # (a scene someone saw or remembers is no content: 'I remember Carter going on TV, declaring ...')
        if (
            not controlled
            and tok is not None
            and tok.dep_ == "ccomp"
            and tok.head.i < tok.i
            and not (tok.tag_ == "VBG" and tok.head.lemma_.lower() in PERCEPTION_VERBS)
            and tok.lemma_.lower() not in SPEECH_VERBS
        ):
            # "He says X was wrong and says ...": the second "says" hangs on the first one's
            # content; its subject is the first cue's, not the content's ("... that Trump was
            # prompted to say" is not such a case: the one prompted says it; nor is a clause the
            # parser hung on a quotation after it)
            tok = tok.head
        seen += 1
    return None


def _caused_to_speak(tok: "Token") -> Optional["Token"]:
    """'That prompted Rubio to make a joke and call Trump "very flexible"', 'This prompted the
    tabloid to do a cover saying ...': the object of a causing verb is who speaks."""
    head = tok.head
    if tok.dep_ != "xcomp" or head.i == tok.i or head.lemma_.lower() not in CAUSING_VERBS:
        return None
    return next((c for c in head.children if c.dep_ == "dobj" and c.i < tok.i), None)


def _inverted_speaker(verb: "Token") -> Optional["Token"]:
    """ "..., said Anna Berg, an analyst at ...": after a comma, a name right behind the cue is its
    subject, whatever the parser hung on the cue before it."""
    doc = verb.doc
    if verb.i == 0 or verb.i + 1 >= len(doc) or doc[verb.i - 1].text not in (",", "\u201d", '"', "''"):
        return None
    # not "tell": what follows it is whom it was told ('..., a political scientist, told The Hill')
    if verb.lemma_.lower() not in ("say", "write", "add", "explain", "note", "recall", "argue", "ask"):
        return None
    if verb.tag_ in ("VBG", "VBN"):
        return None  # '..., saying the group "must be destroyed"': what follows is the content
    nxt = doc[verb.i + 1]
    # 'X, a lobbyist close to ..., says the main goal of ...': X is the subject; but a name right
    # behind the verb is the speaker of a sentence the verb interrupts ('The paradox of Nancy, says
    # Carl Anthony, historian at ..., is that ...'), whatever the parser made the subject
    if nxt.pos_ != "PROPN" and any(
        c.dep_ == "nsubj"
        and c.i < verb.i
        and c.pos_ in ("PROPN", "NOUN", "PRON")
        and doc[verb.i - 1].text == ","
        and not crosses_paragraph(c, verb)
        for c in verb.children
    ):
        return None
    if nxt.ent_type_ in ("DATE", "TIME"):
        return None  # '..., said Sunday.'
    if nxt.pos_ != "PROPN" and not (nxt.lower_ in ("the", "a", "an") and nxt.head.pos_ in ("NOUN", "PROPN")):
        return None
    head = nxt.head if nxt.pos_ != "PROPN" or nxt.dep_ in ("compound", "flat") else nxt
    while head.dep_ in ("compound", "flat") and head.head.i > head.i:
        head = head.head
    if head.i <= verb.i:
        return None
    # "said Berg, an analyst" / "said Berg." -- not "said ASEAN must stay neutral" (a clause)
    after = doc[head.i + 1] if head.i + 1 < len(doc) else None
    # (not 'said Obama "understood ..."': the quotation after the name is what the subject said of him)
    return (
        head
        if after is None
        or (after.is_punct and not after.is_quote)
        or after.lower_ in ("who", "of", "at", "for", "from")
        else None
    )


def reports_speech(verb: "Token") -> bool:
    """A speech verb by its lemma, or a phrasal one with its particle ("fired back", "chimed in")."""
    lemma = verb.lemma_.lower()
    if lemma in SPEECH_VERBS:
        return True
    particle = PHRASAL_SPEECH_VERBS.get(lemma)
    return particle is not None and any(c.dep_ in ("prt", "advmod") and c.lower_ == particle for c in verb.children)


def _clause_child(verb: "Token") -> Optional["Token"]:
    """The verb's clausal complement. When the parser hangs two on it (the sentence before, taken
    for a fronted quote, and the clause right after), the one that starts right after the verb is
    what was said: 'the groups ... say they are "concerned ..."'."""
    clauses = [c for c in verb.children if c.dep_ in _CLAUSE_DEPS and not crosses_paragraph(c, verb)]
    after = [c for c in clauses if verb.i < c.left_edge.i <= verb.i + 3]
    if after and len(clauses) > 1:
        return after[0]
    return clauses[0] if clauses else _that_clause_on_a_noun(verb)


_NOUN_LINKS = {"dobj", "dative", "prep", "pobj", "npadvmod"}


def opens_with_that(clause: "Token") -> bool:
    """A clause opened by "that" as a conjunction ("... that the budget was stretched"), not as a
    relative pronoun ("a plan that cuts taxes")."""
    return any(c.dep_ == "mark" and c.lower_ == "that" for c in clause.children)


def _that_clause_on_a_noun(verb: "Token") -> Optional["Token"]:
    """'told Clinton at a debate that Americans were ...', 'said in a statement that ...': the parser
    hung the verb's that-clause on the noun before it. A clause opened by "that" as a conjunction
    (not a relative pronoun) on a noun of the verb's object or prepositional phrase is the verb's."""
    # walk down object and prepositional links only (a few tokens), never the whole subtree: a
    # verb heading a long chain of clauses would make that quadratic in the sentence's length
    frontier = [c for c in verb.rights if c.dep_ in _NOUN_LINKS]
    for _ in range(4):
        following = []
        for node in frontier:
            for child in node.rights:
                if child.dep_ in ("relcl", "acl") and is_verb(child) and opens_with_that(child):
                    return None if crosses_paragraph(child, verb) else child
                if child.dep_ in _NOUN_LINKS:
                    following.append(child)
        frontier = following
    return None


def _infinitive_child(verb: "Token") -> Optional["Token"]:
    for child in verb.children:
        if child.dep_ == "xcomp" and is_infinitive(child):
            return child
    return None


def _object_child(verb: "Token") -> Optional["Token"]:
    for child in verb.children:
        if child.dep_ in ("dobj", "dative"):
            return child
    return None


def _prep_child(verb: "Token", words: tuple[str, ...]) -> Optional["Token"]:
    """The particle of a request verb ('called on leaders to', 'appealed for calm'); not a preposition
    after the verb's own object or one that gives a time ('called the stance "cynical" on Monday')."""
    for child in verb.children:
        if child.dep_ in ("prep", "prt") and child.lower_ in words:
            if any(c.dep_ == "dobj" and c.i < child.i for c in verb.children):
                continue
            if any(c.dep_ == "pobj" and c.ent_type_ in ("DATE", "TIME") for c in child.children):
                continue
            return child
    return None


def _clause_marked_by(verb: "Token", words: tuple[str, ...]) -> Optional["Token"]:
    for child in verb.rights:
        if child.dep_ == "advcl" and any(
            m.dep_ == "mark" and m.lower_ in words and m.i < child.i for m in child.children
        ):
            return child
    return None


def _as_x_said(verb: "Token") -> Optional[Cue]:
    """ "As X explained, <clause>" / "<clause>, as X noted": the clause the cue hangs on is the content."""
    if not R.enabled(R.AS_X_SAID):
        return None
    if verb.dep_ != "advcl" or not any(c.dep_ == "mark" and c.lower_ == "as" for c in verb.children):
        return None
    clause = verb.head
    if crosses_paragraph(clause, verb):
        return None
    c_start, c_end = _clause_beside(clause, verb)
    return _cue(verb, c_start, c_end, rule=R.AS_X_SAID)


def _speech_cue(verb: "Token") -> Optional[Cue]:
    """Content and speaker of a speech verb, or None when nothing hangs on it."""
    lemma = verb.lemma_.lower()
    as_said = _as_x_said(verb)
    if as_said is not None:
        return as_said
    clause = _clause_child(verb) if R.enabled(R.SAID_THAT) else None
    if clause is not None:
        return _cue(verb, *_subtree_range(clause), rule=R.SAID_THAT)
    preps = REQUEST_PREPOSITIONS.get(lemma)
    if preps and R.enabled(R.CALLED_FOR):
        prep = _prep_child(verb, preps)
        if prep is not None and prep.i > verb.i:  # "called for X": the phrase after the verb, not one before it
            start, end = _subtree_range(prep)
            inf = _infinitive_child(verb)
            if inf is not None:
                end = max(end, inf.right_edge.i + 1)
            return _cue(verb, prep.i + 1, end, cue_end=prep.i + 1, rule=R.CALLED_FOR)
        clause = _clause_marked_by(verb, preps)
        if clause is not None:
            # 'called for Obama to resign': the parser may read "for" as the mark of a clause
            mark = next(m for m in clause.children if m.dep_ == "mark")
            return _cue(verb, mark.i + 1, clause.right_edge.i + 1, cue_end=mark.i + 1, rule=R.CALLED_FOR)
    if lemma in DIRECTIVE_VERBS and R.enabled(R.URGED_TO):
        inf = _infinitive_child(verb)
        obj = _object_child(verb)
        if inf is not None:
            start = obj.left_edge.i if obj is not None and obj.i < inf.i else inf.left_edge.i
            return _cue(verb, start, inf.right_edge.i + 1, rule=R.URGED_TO)
    if lemma in OBJECT_CONTENT_VERBS and R.enabled(R.DESCRIBED_AS):
        obj = _object_child(verb)
        if obj is not None:
            end = obj.right_edge.i + 1
            for child in verb.rights:
                if child.dep_ in ("oprd", "prep", "xcomp", "ccomp") and (child.dep_ != "prep" or child.lower_ == "as"):
                    end = max(end, child.right_edge.i + 1)
            return _cue(verb, obj.left_edge.i, end, rule=R.DESCRIBED_AS)
        predicate = next((c for c in verb.rights if c.dep_ == "oprd"), None)
        if predicate is not None:
            return _cue(
                verb, *_subtree_range(predicate), rule=R.DESCRIBED_AS
            )  # 'called the stance "cynical"', object parsed under it
    if lemma in OBJECT_SPEECH_VERBS and R.enabled(R.SAID_OBJECT):
        obj = _object_child(verb)
        if obj is not None and obj.pos_ != "PRON":
            start, end = _subtree_range(obj)
            for child in verb.rights:  # "accused Armenia of violating the truce"
                if child.dep_ == "prep" and child.lower_ in ("of", "for", "over", "as") and child.i > obj.i:
                    end = max(end, child.right_edge.i + 1)
            return _cue(verb, start, end, rule=R.SAID_OBJECT)
    return _intended_or_parenthetical(verb, lemma)


def _intended_or_parenthetical(verb: "Token", lemma: str) -> Optional[Cue]:
    """The last two readings of a speech or a cognition verb: 'X intends to ...' (the infinitive is
    the content), else a parenthetical 'X said' inside the sentence it reports."""
    if lemma in INTENTION_VERBS and R.enabled(R.INTENDS_TO):
        inf = _infinitive_child(verb)
        if inf is not None:
            return _cue(verb, *_subtree_range(inf), rule=R.INTENDS_TO)
    return _parenthetical_cue(verb)


def _parenthetical_cue(verb: "Token") -> Optional[Cue]:
    """'The nominee, he said, watched the Olympics to see ...', 'The plan, she believes, will fail': a
    speech or belief verb with its subject set off by commas inside a sentence reports the whole
    sentence (the clause it interrupts)."""
    doc, head = verb.doc, verb.head
    if not R.enabled(R.PARENTHETICAL_CUE):
        return None
    if verb.dep_ != "parataxis" or head.i <= verb.i or not is_verb(head) or verb.i == 0 or verb.i + 1 >= len(doc):
        return None
    if doc[verb.i + 1].text != "," or not any(c.dep_ == "nsubj" and c.i < verb.i for c in verb.children):
        return None
    subject = next(c for c in verb.children if c.dep_ == "nsubj")
    if doc[subject.left_edge.i - 1].text != "," or doc[head.left_edge.i].is_quote:
        return None
    return _cue(verb, *_subtree_range(head), rule=R.PARENTHETICAL_CUE)


def _cognition_cue(verb: "Token") -> Optional[Cue]:
    lemma = verb.lemma_.lower()
    clause = _clause_child(verb) if R.enabled(R.BELIEVES_THAT) else None
    if clause is not None and is_verb(clause):
        return _cue(verb, *_subtree_range(clause), rule=R.BELIEVES_THAT)
    return _intended_or_parenthetical(verb, lemma)


def _stance_cue(verb: "Token") -> Optional[Cue]:
    """ "X backs Y", "X opposes the deal": the object is the position held; a noun subject is required
    (passive "the plan is supported by ..." and participles say nothing about whose stance it is)."""
    if not R.enabled(R.STANCE):
        return None
    obj = _object_child(verb)
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if obj is None or subject is None:
        return None
    return _cue(verb, *_subtree_range(obj), rule=R.STANCE)


def _cue(verb: "Token", start: int, end: int, cue_end: Optional[int] = None, rule: str = "") -> Optional[Cue]:
    start, end = _trimmed(verb.doc, *_within_paragraph(verb.doc, verb.i, start, end))
    if end - start < 1:
        return None
    cue_start = verb.i
    cue_stop = cue_end if cue_end is not None and cue_end > cue_start else verb.i + 1  # a cue is a span
    # "said in a statement", "told reporters": particles of the cue that sit before the content
    return Cue(cue_start, cue_stop, start, end, subject_of(verb), verb, rule=rule)


def _according_to(tok: "Token") -> Optional[Cue]:
    """ "..., according to X": X speaks (or relays, decided by the caller) the clause it hangs on."""
    if tok.lower_ != "according" or not R.enabled(R.ACCORDING_TO):
        return None
    to = next((c for c in tok.children if c.lower_ in ("to",)), None)
    if to is None:
        return None
    source = next((c for c in to.children if c.dep_ == "pobj"), None)
    if source is None:
        return None
    clause = tok.head
    while clause.dep_ not in ("ROOT",) and not is_verb(clause) and clause.head.i != clause.i:
        clause = clause.head
    # the content is the clause on one side of "according to X" (usually all of it but the phrase)
    c_start, c_end = _trimmed(tok.doc, *_clause_beside(clause, tok))
    if c_end <= c_start:
        return None
    return Cue(tok.i, to.i + 1, c_start, c_end, source, tok, rule=R.ACCORDING_TO)


def find_cues(doc: "Doc", with_beliefs: bool = True) -> Iterator[Cue]:
    """Every reported-speech cue in the parse with a non-empty content, in text order."""
    for tok in doc:
        cue = None
        lemma = tok.lemma_.lower()
        if tok.lower_ == "according":
            cue = _according_to(tok)
        elif is_verb(tok) and reports_speech(tok):
            cue = _speech_cue(tok)
            if cue is None and with_beliefs and lemma in COGNITION_VERBS:
                cue = _cognition_cue(tok)
        elif with_beliefs and is_verb(tok) and lemma in COGNITION_VERBS:
            cue = _cognition_cue(tok)
        elif with_beliefs and is_verb(tok) and lemma in STANCE_VERBS:
            cue = _stance_cue(tok)
        if cue is not None:
            yield cue
