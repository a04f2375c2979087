"""Who is speaking: the noun phrase that names a quote's speaker, and the actor it stands for.

Coreference is the actor stage's (issue #20): a speaker is the actor `doc.mention_at_token` gives
for its words. Two rules here second-guess that answer for a speaking pronoun, as a quote's
speaker is the one place where a wrong or missing link loses a whole quote: a he/she the actor
stage linked to someone who cannot speak as one is re-linked to the nearest fitting named person
(`speaker-pronoun-check`), and a speaking pronoun it left unresolved is linked to the nearest
fitting earlier person or group (`speaker-pronoun`). Descriptions ("the minister") and bare
surnames are the actor stage's to resolve.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Optional, Sequence

from diurna.actors.gender import given_name_gender
from diurna.document import ArticleDoc, MentionRef
from diurna.nlp.index import covered, index
from diurna.quotes import rules as R
from diurna.quotes.lexicon import PERSONAL_PRONOUNS

if TYPE_CHECKING:
    from spacy.tokens import Token

# Children that end a speaker's noun phrase: "Smith, who ..., said" names Smith, not the clause.
_NP_STOP_DEPS = {"relcl", "acl", "appos", "punct", "advmod", "prep", "cc", "conj", "npadvmod", "advcl"}
# Prepositions through which an organisation speaks: "a spokesman for the ministry", "an official of Hamas".
_SPOKESPERSON_PREPS = {"for", "of", "at", "from", "with"}
_SUBJECT_DEPS = {"nsubj", "nsubjpass"}
_PERSON_PRONOUNS = {"he", "him", "she", "her"}
_GROUP_PRONOUNS = {"they", "them", "it"}
_ANTECEDENT_SENTENCES = 4
_QUANTITY_WORDS = {
    "thousands",
    "hundreds",
    "dozens",
    "millions",
    "scores",
    "tens",
    "many",
    "some",
    "most",
    "group",
    "crowd",
    "crowds",
    "members",
    "majority",
    "number",
}  # a pronoun rarely reaches further back than this in news prose


@dataclass
class Speaker:
    """A speaker as found in the text: its words (token range) and the actor they name, if known."""

    token_start: int
    token_end: int
    head: int
    actor_id: Optional[str] = None
    rule: str = ""  # a rule of this module that changed or completed the actor stage's answer


def noun_phrase(token: "Token") -> tuple[int, int]:
    """Token range of the noun phrase headed by `token`, without trailing clauses; a name in
    apposition to a title ("the mayor of Kyiv, Vitali Klitschko,") and the organisation after
    "of/at/for" ("Lena Ortiz of Radio Norte") belong to it."""
    start = token.left_edge.i
    end = token.i + 1
    for child in token.rights:
        if child.dep_ == "prep" and child.lower_ in _SPOKESPERSON_PREPS:
            end = child.right_edge.i + 1
            continue
        if child.dep_ == "punct" and child.text == ",":
            continue
        if child.dep_ == "appos" and token.pos_ == "NOUN" and _names_someone(child):
            end = child.right_edge.i + 1
            continue
        if child.dep_ in _NP_STOP_DEPS or token.dep_ == "ROOT":
            break  # a name the parser took for the root has the sentence to its right
        end = child.right_edge.i + 1
    # "X and Y said": both names belong to the speaker phrase
    for child in token.rights:
        if child.dep_ == "conj" and child.pos_ in ("PROPN", "NOUN", "PRON"):
            end = max(end, child.right_edge.i + 1)
    # never start on punctuation or a conjunction the parser hung on the phrase
    doc = token.doc
    while start < token.i and index(doc).newline_between(doc[start].idx, token.idx):
        start += 1  # a phrase never reaches back over a line break
    while end > token.i + 1 and index(doc).newline_between(token.idx, doc[end - 1].idx + 1):
        end -= 1
    for i in range(start, token.i):
        if doc[i].text in ("\u2013", "\u2014", ":", "|", "(", ")") or (
            doc[i].text == "-" and i > 0 and doc[i - 1].whitespace_
        ):  # a spaced dash, not a hyphen
            start = i + 1  # a dash or colon ends whatever came before the name
    # nor on an adverb of the clause ('when Mr. Buckley, who ..., called for ...')
    while start < token.i and (doc[start].is_punct or doc[start].dep_ == "cc" or doc[start].tag_ == "WRB"):
        start += 1
    return start, end


def _names_someone(tok: "Token") -> bool:
    return tok.pos_ == "PROPN" or any(t.pos_ == "PROPN" for t in tok.subtree)


def _speaking_word(token: "Token") -> "Token":
    """The word that names who speaks: "Thousands of farmers" -> farmers; "the mayor of Kyiv,
    Vitali Klitschko" and "Dodik's rival, Denis Becirovic" -> the name in apposition."""
    if token.like_num or token.lower_ in _QUANTITY_WORDS:
        for child in token.children:
            if child.dep_ == "prep" and child.lower_ == "of":
                obj = next((c for c in child.children if c.dep_ == "pobj"), None)
                if obj is not None:
                    return obj
    if token.pos_ == "NOUN":
        for child in token.rights:
            if child.dep_ == "appos" and child.pos_ == "PROPN":
                return child
    return token


def speaker_for(doc: ArticleDoc, token: "Token", quoted: Sequence[tuple[int, int]] = ()) -> Speaker:
    """The speaker named by the noun phrase headed by `token`, resolved to an actor where possible.
    `quoted` holds the character spans of quotations (their words are never antecedents)."""
    if token.lower_ in ("that", "which") and token.head.dep_ == "relcl":
        token = token.head.head  # "an ad that urges voters to ...": the ad speaks
    start, end = noun_phrase(token)
    speaker = Speaker(start, end, token.i)
    word = _speaking_word(token)
    speaker.actor_id, speaker.rule = _actor_for_phrase(doc, word, start, end, quoted)
    if speaker.actor_id is None and word is not token:
        speaker.actor_id, speaker.rule = _actor_for_phrase(doc, token, start, end, quoted)
    return speaker


def _actor_for_phrase(
    doc: ArticleDoc, head: "Token", start: int, end: int, quoted: Sequence[tuple[int, int]]
) -> tuple[Optional[str], str]:
    """(actor id, the rule of this module that gave it, or "" for the actor stage's own answer)."""
    mention = doc.mention_at_token(head.i)
    if mention is not None:
        if (
            head.lower_ in _PERSON_PRONOUNS | _GROUP_PRONOUNS
            and mention.how == "pronoun"
            and R.enabled(R.SPEAKER_PRONOUN_CHECK)
        ):
            checked = _checked_pronoun(doc, head, mention.actor_id, quoted)
            return checked, R.SPEAKER_PRONOUN_CHECK if checked != mention.actor_id else ""
        return mention.actor_id, ""  # the actor stage's answer
    lower = head.lower_
    if head.pos_ == "PRON" or lower in PERSONAL_PRONOUNS:
        if lower in ("who", "that", "which"):
            return _resolve_pronoun(doc, head, quoted), ""  # the relative clause's head: syntax
        if not R.enabled(R.SPEAKER_PRONOUN):
            return None, ""
        found = _resolve_pronoun(doc, head, quoted)
        return found, R.SPEAKER_PRONOUN if found is not None else ""
    # a description or a bare surname the actor stage did not resolve stays unresolved: coreference
    # is the actor stage's (issue #20); the phrase may still name an actor inside it
    return _actor_inside_phrase(doc, head, start, end), ""


def _named_person(doc: ArticleDoc, actor_id: Optional[str]) -> bool:
    """A person the text names (not only describes: "a sitting justice"; not a handle: "@realX")."""
    actor = doc.actor(actor_id) if actor_id is not None else None
    if actor is None or actor.kind != "person" or "@" in actor.name:
        return False
    return any(m.how in ("name", "alias") for m in doc.mention_index().of_actor(actor_id))


_PRONOUN_GENDER = {"he": "m", "him": "m", "his": "m", "she": "f", "her": "f", "hers": "f"}
_TITLE_GENDER = {"mr.": "m", "mr": "m", "mrs.": "f", "mrs": "f", "ms.": "f", "ms": "f", "miss": "f"}


def _gender(doc: ArticleDoc, actor_id: Optional[str], other_than: int, by_name: bool = True) -> Optional[str]:
    """A person's gender as the text shows it: titles (Mr., Mrs., Ms.) in its names, else a given
    name ("Hillary Clinton"), else the pronouns the actor stage linked to it (other than the one at
    token `other_than`), by majority. `by_name=False` leaves the given name out (a foreign name the
    US-census table reads the other way: Haiti's Alix Didier Fils-Aime is a man)."""
    votes = {"m": 0, "f": 0}
    sdoc = doc.spacy_doc
    for m in doc.mention_index().of_actor(actor_id):
        if m.token_start == other_than:
            continue
        first = sdoc[m.token_start].lower_
        if m.how in ("name", "alias", "description") and first in _TITLE_GENDER:
            return _TITLE_GENDER[first]
        if m.how == "pronoun" and first in _PRONOUN_GENDER:
            votes[_PRONOUN_GENDER[first]] += 1
    actor = doc.actor(actor_id) if actor_id is not None else None
    named = given_name_gender(actor.name.split()) if by_name and actor is not None and actor.kind == "person" else None
    if named is not None:
        return named[0]
    if votes["m"] == votes["f"]:
        return None
    return "m" if votes["m"] > votes["f"] else "f"


def gender_fits(doc: ArticleDoc, actor_id: Optional[str], pronoun: "Token", by_name: bool = True) -> bool:
    """Whether he/she may stand for the actor, as far as the text shows its gender."""
    return _gender(doc, actor_id, pronoun.i, by_name) in (None, _PRONOUN_GENDER.get(pronoun.lower_))


def _checked_pronoun(doc: ArticleDoc, pronoun: "Token", actor_id: str, quoted: Sequence[tuple[int, int]]) -> str:
    """The actor stage's antecedent for a speaking pronoun, unless it cannot speak as one: "he" or
    "she" for a description or a non-person when a named person is near, "they" for a place when
    a group or organisation is near. Speakers are the people and groups news quotes by name."""
    lower = pronoun.lower_
    actor = doc.actor(actor_id)
    before = [m for m in doc.mention_index().of_actor(actor_id) if m.token_end <= pronoun.i and m.how != "pronoun"]
    if before and covered(quoted, max(before, key=lambda m: m.start).start):
        # '"I don't know if Donald realizes this," he said': the speaker is not someone named in the
        # quotation the pronoun frames
        return _resolve_pronoun(doc, pronoun, quoted, named_only=lower in _PERSON_PRONOUNS) or actor_id
    if lower in _PERSON_PRONOUNS and (
        not _named_person(doc, actor_id) or _gender(doc, actor_id, pronoun.i) not in (None, _PRONOUN_GENDER[lower])
    ):
        return _resolve_pronoun(doc, pronoun, quoted, named_only=True) or actor_id
    if lower in ("they", "them") and actor is not None and actor.kind == "country":
        return _resolve_pronoun(doc, pronoun, quoted, wanted={"organization", "group"}) or actor_id
    return actor_id


def _actor_inside_phrase(doc: ArticleDoc, head: "Token", start: int, end: int) -> Optional[str]:
    """An actor named inside the phrase: a name with a title ("President Hassan Rouhani" parsed
    with the title as head), or the organisation a spokesperson speaks for."""
    sdoc = head.doc
    for i in range(start, end):
        m = doc.mention_at_token(i)
        if m is None:
            continue
        tok = sdoc[i]
        # "the Iranian president": a nationality adjective does not name the speaker
        if tok.dep_ == "amod" and head.pos_ == "NOUN":
            continue
        if head.pos_ == "NOUN" and tok.dep_ in ("compound", "poss") and _kind(doc, m.actor_id) == "person":
            continue  # "a Macron supporter", "Lula's aide": someone else, tied to that person
        if tok.dep_ in ("compound", "flat", "nmod", "poss") or tok.head.i == head.i or tok.i == head.i:
            return m.actor_id
        if tok.head.dep_ == "pobj" or tok.dep_ == "pobj":
            prep = tok.head if tok.dep_ == "pobj" else tok.head.head
            if prep.lower_ in _SPOKESPERSON_PREPS:
                return m.actor_id
    return None


def _earlier_mentions(doc: ArticleDoc, before_token: int, quoted: Sequence[tuple[int, int]]) -> list[MentionRef]:
    """Mentions before `before_token` within the last few sentences, nearest first, none inside a quotation."""
    sdoc = doc.spacy_doc
    sentence_starts = index(sdoc).sentence_starts_through(before_token) if before_token < len(sdoc) else []
    window_start = sentence_starts[-_ANTECEDENT_SENTENCES] if len(sentence_starts) >= _ANTECEDENT_SENTENCES else 0
    found = [
        m
        for m in doc.mention_index().starting_in(window_start, before_token)
        if m.token_end <= before_token and not covered(quoted, m.start)
    ]
    return sorted(found, key=lambda m: -m.token_start)


def _kind(doc: ArticleDoc, actor_id: str) -> str:
    actor = doc.actor(actor_id)
    return actor.kind if actor is not None else "group"


# The actor kinds a pronoun may stand for: "they" for a country or a state is rare in news ("it" is usual).
_ANTECEDENT_KINDS = {
    **{p: {"person"} for p in _PERSON_PRONOUNS},
    "they": {"organization", "group"},
    "them": {"organization", "group"},
    "it": {"organization", "group", "country"},
}


def _resolve_pronoun(
    doc: ArticleDoc,
    pronoun: "Token",
    quoted: Sequence[tuple[int, int]],
    named_only: bool = False,
    wanted: Optional[set[str]] = None,
) -> Optional[str]:
    """he/she: the nearest earlier person, preferring one that was a sentence subject; they/it: a group.
    `named_only`: only persons the text names; `wanted`: the actor kinds that may stand for it."""
    lower = pronoun.lower_
    if lower in ("who", "that", "which"):
        antecedent = pronoun.head.head if pronoun.head.dep_ == "relcl" else None
        return doc.actor_at_token(antecedent.i) if antecedent is not None else None
    if wanted is None:
        wanted = _ANTECEDENT_KINDS.get(lower)
    if wanted is None:
        return None  # I, we, you: the speaker is whoever is quoted, found elsewhere
    sdoc = doc.spacy_doc
    fitting = [
        m
        for m in _earlier_mentions(doc, pronoun.i, quoted)
        if _kind(doc, m.actor_id) in wanted and (not named_only or _named_person(doc, m.actor_id))
    ]
    candidates = [m for m in fitting if lower not in _PRONOUN_GENDER or gender_fits(doc, m.actor_id, pronoun)]
    if not candidates and lower in _PRONOUN_GENDER:
        # given names are evidence, not proof: with nobody else to stand for the pronoun, a person
        # whose name the table reads the other way may still be meant
        candidates = [m for m in fitting if gender_fits(doc, m.actor_id, pronoun, by_name=False)]
    if not candidates:
        return None
    nearest_sentence = sdoc[candidates[0].token_start].sent.start
    same_sentence = [m for m in candidates if sdoc[m.token_start].sent.start == nearest_sentence]
    for m in reversed(same_sentence):  # earliest subject of that sentence first
        if any(sdoc[i].dep_ in _SUBJECT_DEPS for i in range(m.token_start, m.token_end)):
            return m.actor_id
    return same_sentence[-1].actor_id  # else the sentence's first fitting mention
