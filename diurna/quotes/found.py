"""A quote being assembled (`Found`), and the words around a quotation that several attribution
rules read: speech verbs (whatever the tagger made of them), names, the subject of a clause, the
owner of a text.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Optional

from diurna.nlp.index import index, paragraph_number, text_of
from diurna.nlp.subjects import WHEN_ENTITIES
from diurna.nlp.syntax import crosses_paragraph
from diurna.quotes.lexicon import SPEECH_VERBS, TEXT_NOUNS
from diurna.quotes.reported import addressed_in_passive, agent_of, reports_speech, subject_of
from diurna.quotes.speakers import Speaker

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token


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
    # the rule (quotes/rules.py) that tied the quotation or made the quote, and the rules that
    # revised its speaker or relays after it, in order: what `diurna quotes --explain` shows
    rule: str = ""
    revised: list[str] = field(default_factory=list)
    cue_rule: str = ""  # the cue construction (reported.py) whose cue the quote is, if any

    def revise(self, rule: str) -> None:
        if rule not in self.revised:
            self.revised.append(rule)

    def explained(self) -> str:
        """'cue-content (said-that)', 'unattributed > latest-speaker': the rule, the cue
        construction it used, and the rules that revised the speaker after it."""
        rule = "%s (%s)" % (self.rule, self.cue_rule) if self.cue_rule else self.rule
        return " > ".join([rule] + self.revised)

    def rules(self) -> list[str]:
        """Every rule that had a part in the quote."""
        return [r for r in [self.cue_rule, self.rule] + self.revised if r]


def direct_quote(sdoc: "Doc", inner: tuple[int, int], speaker: "Token", cue: "Token", rule: str) -> Found:
    """A direct quote of the quotation's words (`inner`), its speaker named by `speaker`, its cue the
    one word `cue`: what most frame rules make."""
    return Found("direct", *content_of(text_of(sdoc), inner), speaker=speaker, cue=(cue.i, cue.i + 1), rule=rule)


def according_quote(sdoc: "Doc", inner: tuple[int, int], according: "Token", rule: str) -> Found:
    """A direct quote of a quotation beside 'according to X' (before or after it): X speaks, and
    "according to" is the cue."""
    return Found(
        "direct", *content_of(text_of(sdoc), inner), speaker=according, cue=according_cue(according), rule=rule
    )


def token_range(sdoc: "Doc", start: int, end: int) -> tuple[int, int]:
    """Tokens whose first character lies in [start, end)."""
    return index(sdoc).tokens_in(start, end)


def overlap(a: tuple[int, int], b: tuple[int, int]) -> int:
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


def paragraph_of(text: str, offset: int) -> int:
    return paragraph_number(text, offset)


def content_of(text: str, inner: tuple[int, int]) -> tuple[int, int]:
    """A quotation's content without the comma that hands over to "he said"."""
    s, e = inner
    while e > s and text[e - 1] in ",;: \n":
        e -= 1
    return s, e


def is_speech_verb(tok: "Token") -> bool:
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
    if read_after_a_text(tok) and ends_clause:
        return True  # '"...," the editorial read.': tagged an adjective and a noun
    # '"...," Okafor notes': the tagger may read "notes" as a plural noun after a name
    # ('"...," the ad states in the filing.' likewise, when the word is lower case and ends the clause)
    if tok.lower_.endswith("s") and tok.lower_[:-1] in SPEECH_VERBS:
        return tok.nbor(-1).pos_ in ("PROPN", "PRON") or tok.nbor(-1).pos_ == "NOUN" and tok.is_lower and ends_clause
    # '"...," the Saudis state in the white paper': after a plural, the verb's plain form read as a noun
    return tok.lower_ in SPEECH_VERBS and tok.nbor(-1).tag_ in ("NNS", "NNPS") and tok.is_lower and ends_clause


def read_after_a_text(tok: "Token") -> bool:
    """'the editorial read': "read" right after a text noun, whatever the tagger made of either word."""
    return tok.lower_ in ("read", "reads") and tok.i > 0 and tok.nbor(-1).lower_ in TEXT_NOUNS


def _read_by_a_text(verb: "Token") -> bool:
    """'"...," the editorial read', '"...," read a statement from X's office': a text that "reads" says."""
    if verb.lemma_.lower() != "read" or verb.pos_ != "VERB":
        return False
    subject = next(
        (c for c in verb.children if c.dep_ in ("nsubj", "dobj") and (c.dep_ == "nsubj") == (c.i < verb.i)), None
    )
    return subject is not None and subject.lemma_.lower() in TEXT_NOUNS


def _writers_aside(verb: "Token") -> bool:
    """'Trump said, and I quote, "..."': the writer vouching for the wording, not a frame."""
    return (
        verb.lemma_.lower() == "quote"
        and not any(c.dep_ == "dobj" for c in verb.children)
        and any(c.dep_ == "nsubj" and c.lower_ in ("i", "we") for c in verb.children)
    )


def according_source(tokens: list["Token"]) -> Optional["Token"]:
    for tok in tokens:
        if tok.lower_ == "according":
            # "according to X": only the "to" after it (a preposition the parser hangs on "according"
            # from the words before is not its phrase)
            for to in (c for c in tok.children if c.lower_ == "to" and c.i > tok.i):
                for obj in to.children:
                    if obj.dep_ == "pobj":
                        return obj
    return None


def according_cue(source: "Token") -> tuple[int, int]:
    """The token range of "according to" before the source it names. The parser does not always hang
    "to" on "according", so the range is ordered rather than read off the arcs (an inverted range
    made a cue that ended before it began)."""
    to = source.head
    word = to.head if to.head.lower_ == "according" else to
    return min(word.i, to.i), max(word.i, to.i) + 1


def can_speak(tok: "Token") -> bool:
    """A subject that may name a speaker: a name, a noun, or a personal pronoun (not 'what', 'this', 'it')."""
    return tok.pos_ in ("PROPN", "NOUN") or tok.lower_ in ("he", "she", "they", "we", "i")


_NAME_LINE_TOKENS = 14


def name_line(words: list["Token"]) -> Optional["Token"]:
    """The name a line of the form 'Name[, age, description]' starts with (its last word), when the
    line has no finite verb; else None."""
    if not 0 < len(words) <= _NAME_LINE_TOKENS or words[0].pos_ != "PROPN" or words[0].ent_type_ in WHEN_ENTITIES:
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


def clause_subject(verb: "Token") -> Optional["Token"]:
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


def owner_of(noun: "Token") -> Optional["Token"]:
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


def under(tok: "Token", verb: "Token", dep: str) -> bool:
    """Whether `tok` lies in a phrase of relation `dep` hanging directly on `verb`."""
    while tok.head.i != tok.i:
        if tok.head.i == verb.i:
            return tok.dep_ == dep
        tok = tok.head
    return False


def outside_parentheses(tokens: list["Token"]) -> list["Token"]:
    """The tokens not inside brackets: 'Rep. Trey Gowdy (R-S.C.):' names Gowdy, not "S.C."."""
    out, depth = [], 0
    for tok in tokens:
        opened, closed = tok.text.count("("), tok.text.count(")")
        if depth == 0 and not opened and not closed:
            out.append(tok)
        depth = max(0, depth + opened - closed)
    return out


def name_before(verb: "Token") -> Optional["Token"]:
    """'"...," Okafor notes' when the parser found no subject: the name right before the cue (or the
    text in '"...," the editorial read')."""
    prev = verb.nbor(-1) if verb.i > 0 else None
    return (
        prev
        if prev is not None
        and prev.pos_ in ("PROPN", "PRON")
        or (prev is not None and prev.pos_ == "ADJ" and prev.is_title)
        or (prev is not None and read_after_a_text(verb))
        else None
    )


def inverted_subject(verb: "Token") -> Optional["Token"]:
    """'"...," said the minister': spaCy may hang the speaker on the verb as an object."""
    for child in verb.rights:
        if child.dep_ in ("dobj", "attr", "npadvmod", "nsubj", "dep") and child.pos_ in ("PROPN", "NOUN", "PRON"):
            return child
    return None


def main_subject_before(verb: "Token") -> Optional["Token"]:
    """'Clinton seemed ready to riff, telling the crowd, "Some people ..."': the parser hung the
    participle on a verb inside the quotation; the main clause before it has the speaker."""
    if verb.tag_ != "VBG":
        return None
    root = next((t for t in verb.doc[verb.sent.start : verb.i] if t.dep_ == "ROOT"), None)
    if root is None or crosses_paragraph(root, verb):
        return None
    speaker = subject_of(root)
    return speaker if speaker is not None and speaker.i < verb.i and can_speak(speaker) else None


def has_own_clause(verb: "Token", in_quote: list[bool]) -> bool:
    """'"....". He said that X' starts a new report: the verb's clause lies outside the quotation."""
    return any(
        c.dep_ == "ccomp"
        and verb.i < c.left_edge.i <= verb.i + 3
        and not in_quote[c.i]
        and not crosses_paragraph(c, verb)
        for c in verb.children
    )
