"""What a temporal expression modifies, and the tense of a clause, read off the spaCy parse."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Optional

from diurna.time.calendar import Tense
from diurna.time.lexicon import OCCASION_NOUNS

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

# A nominal with one of these relations is an argument of its verb: a date inside it ("the 2012
# decision", "last year's election") dates that noun, not the verb's event.
ARGUMENT_DEPS = {"dobj", "iobj", "attr", "oprd", "dative", "appos", "conj"}
SUBJECT_DEPS = {"nsubj", "nsubjpass", "csubj"}
# Clauses that share the time of the clause they hang from, unless they carry their own:
# "spoke ... and stressed", "declared that they had agreed", "soured ..., when the group refused".
INHERITING_CLAUSE_DEPS = {"conj", "ccomp", "xcomp", "advcl", "parataxis", "dep", "pcomp"}
# Predicates with no tense of their own: "will remain closed until Tuesday".
TENSELESS_PREDICATE_DEPS = {"acomp", "oprd"}
FUTURE_MODALS = {"will", "shall", "'ll", "wo", "would", "could", "might", "may", "should", "must"}
MAX_CLIMB = 8


# Relations only a nominal has: a word tagged VERB in one of them is a noun the tagger mistook
# ("West Africa's regional bloc ECOWAS on Sunday set up ...": ECOWAS tagged VBN, the subject of "set").
NOMINAL_ONLY_DEPS = {"nsubj", "nsubjpass", "poss"}


def is_clause_head(tok: "Token") -> bool:
    """A verb or auxiliary heading a clause (not "following" or "according" used as a preposition,
    nor a name the tagger read as a verb in a subject's place)."""
    if tok.dep_ in NOMINAL_ONLY_DEPS and tok.tag_ in ("VBN", "VBD", "VB", "VBP", "VBZ"):
        return False
    return tok.pos_ in ("VERB", "AUX") and tok.dep_ not in ("prep", "agent", "aux", "auxpass", "amod", "compound")


@dataclass(frozen=True)
class Attachment:
    """Where a temporal expression hangs in the parse: the noun it dates first, if any, and the
    clause head whose event it dates, if the climb reached one without crossing an argument."""

    noun: Optional[int]
    verb: Optional[int]


def attachment(span: "Span") -> Attachment:
    found = _climb(span)
    found = _reattach_from_a_name(span, found)
    return _reattach_after_reporting_verb(span, found)


def _reattach_from_a_name(span: "Span", found: Attachment) -> Attachment:
    """ "landed in the port city, Mombasa, Tuesday", "met the president, Emmanuel Macron,
    Friday": a bare date after a name (an appositive or a place) is hung on the name by the parser,
    but a name has no time of its own: the date belongs to the clause the name is an argument of."""
    root = span.root
    if found.verb is not None or root.dep_ != "npadvmod" or root.head.i > span.start:
        return found
    if root.head.pos_ != "PROPN":
        return found  # "the vote Tuesday", "the meeting Friday": the date of the noun's event
    return Attachment(None, _verb_above(root.head))


def _verb_above(tok: "Token") -> Optional[int]:
    verb = governing_verb(tok)
    return verb.i if verb is not None else None


def _reattach_after_reporting_verb(span: "Span", found: Attachment) -> Attachment:
    """ "said on Thursday he would run": the parser often hangs the date on the reported clause,
    but a date right after a verb whose complement follows it belongs to that verb."""
    if found.verb is None or span.start == 0:
        return found
    before = _verb_before_its_object(span.doc[span.start - 1])
    attached = span.doc[found.verb]
    if (
        is_clause_head(before)
        and attached.i > span.end - 1
        and attached.head.i == before.i
        and attached.dep_ in ("ccomp", "xcomp")
    ):
        return Attachment(found.noun, before.i)
    return found


def _verb_before_its_object(tok: "Token") -> "Token":
    """ "told reporters Monday the union would ...": the verb whose object `tok` ends, so
    that a date after a reporting verb's addressee counts as right after the verb."""
    if tok.dep_ in ("dobj", "dative") and tok.head.i < tok.i and not any(c.i > tok.i for c in tok.children):
        return tok.head
    return tok


def _climb(span: "Span") -> Attachment:
    child = span.root
    cur = child.head
    if cur.i == child.i:  # the expression is the root: a fragment such as a dateline
        return Attachment(None, None)
    noun = None
    for _ in range(MAX_CLIMB):
        if is_clause_head(cur):
            return Attachment(noun, cur.i)
        if noun is None and cur.pos_ in ("NOUN", "PROPN", "PRON", "NUM"):
            noun = cur.i
        if cur.dep_ in ARGUMENT_DEPS or cur.head.i == cur.i:
            return Attachment(noun, None)
        # A date after the subject ("The minister on Monday spoke") is a misattached adverbial; a date
        # inside it ("Friday's attack killed ...") belongs to the subject noun only.
        if cur.dep_ in SUBJECT_DEPS and (
            not (span.start > cur.i and child.dep_ in ("prep", "npadvmod")) or occasion_before_its_consequence(cur)
        ):
            return Attachment(noun, None)
        child, cur = cur, cur.head
    return Attachment(noun, None)


def occasion_before_its_consequence(subject: "Token") -> bool:
    """ "The party's victory on Sunday will strengthen the coalition", "Clinton's wins Tuesday
    solidify her argument", "the court's ruling on Monday means ...": a date after a subject that
    names an occasion (`lexicon.OCCASION_NOUNS`) is the occasion's when the predicate is present or
    future, which tells what the occasion brings, not an act on that day ("The minister on Monday
    spoke", "the attack on Monday killed six": a past predicate shares the date)."""
    if subject.lemma_.lower() not in OCCASION_NOUNS or subject.pos_ != "NOUN":
        return False
    verb = governing_verb(subject.head)
    return verb is not None and tense_of(verb) in (Tense.PRESENT, Tense.FUTURE)


def governing_verb(tok: "Token") -> Optional["Token"]:
    """The clause head a nominal hangs from (itself when it is one), through prepositions."""
    cur = tok
    for _ in range(MAX_CLIMB):
        if is_clause_head(cur):
            return cur
        if cur.head.i == cur.i:
            return None
        cur = cur.head
    return None


def tense_of(verb: Optional["Token"], depth: int = 0) -> Tense:
    """Past, present or future time reference of the clause `verb` heads, from its morphology
    and auxiliaries; clauses with no marks of their own take their head clause's tense."""
    if verb is None:
        return Tense.UNKNOWN
    auxes = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    words = {a.lower_ for a in auxes}
    if words & FUTURE_MODALS or any(a.tag_ == "MD" and a.lower_ not in ("can",) for a in auxes):
        return Tense.FUTURE
    if "to" in words and verb.tag_ == "VB":
        return Tense.FUTURE  # an infinitive: "plans to visit on Friday", "agreed to meet next week"
    if verb.tag_ == "VBD" or any(a.tag_ == "VBD" for a in auxes):
        return Tense.PAST
    if verb.tag_ == "VBN" and (any(a.lemma_ == "have" for a in auxes) or (not auxes and verb.dep_ == "acl")):
        return Tense.PAST  # perfect, or a reduced relative "talks held on Monday"
    if verb.tag_ in ("VBZ", "VBP") or any(a.tag_ in ("VBZ", "VBP") for a in auxes):
        if verb.lemma_ == "be" and any(c.dep_ == "xcomp" for c in verb.children):
            return Tense.FUTURE  # "is to visit", "is due to arrive"
        return Tense.PRESENT
    if depth < 3 and verb.dep_ in INHERITING_CLAUSE_DEPS | TENSELESS_PREDICATE_DEPS and verb.head.i != verb.i:
        return tense_of(verb.head, depth + 1)
    return Tense.UNKNOWN


# Marks of an adverbial clause that runs alongside its main clause: "as protests continue", "while talks go on".
ALONGSIDE_MARKS = {"as", "while"}


def ongoing_alongside_past(clause: "Token") -> bool:
    """A present-tense "as"/"while" clause of a past clause ("The raid came on Monday as protests continue
    in the capital", "... while talks go on"): what goes on as the story is told (the writer's present),
    not at the past clause's date, nor a plan or the terms of its act."""
    if clause.dep_ != "advcl" or tense_of(clause) is not Tense.PRESENT or tense_of(clause.head) is not Tense.PAST:
        return False
    return any(ch.dep_ == "mark" and ch.lower_ in ALONGSIDE_MARKS and ch.i < clause.i for ch in clause.children)
