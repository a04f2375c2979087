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

from diurna.actors.speaking import GROUP_PRONOUNS, PERSON_PRONOUNS, actor_kind, antecedent, speaking_pronoun
from diurna.document import ArticleDoc
from diurna.nlp.index import index
from diurna.quotes import rules as R
from diurna.quotes.lexicon import PERSONAL_PRONOUNS, QUANTITY_WORDS

if TYPE_CHECKING:
    from spacy.tokens import Token

# Children that end a speaker's noun phrase: "Smith, who ..., said" names Smith, not the clause.
_NP_STOP_DEPS = {"relcl", "acl", "appos", "punct", "advmod", "prep", "cc", "conj", "npadvmod", "advcl"}
# Prepositions through which an organisation speaks: "a spokesman for the ministry", "an official of Hamas".
_SPOKESPERSON_PREPS = {"for", "of", "at", "from", "with"}


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
    if token.like_num or token.lower_ in QUANTITY_WORDS:
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
            head.lower_ in PERSON_PRONOUNS | GROUP_PRONOUNS
            and mention.how == "pronoun"
            and R.enabled(R.SPEAKER_PRONOUN_CHECK)
        ):
            checked = speaking_pronoun(doc, head, mention.actor_id, quoted)
            return checked, R.SPEAKER_PRONOUN_CHECK if checked != mention.actor_id else ""
        return mention.actor_id, ""  # the actor stage's answer
    lower = head.lower_
    if head.pos_ == "PRON" or lower in PERSONAL_PRONOUNS:
        if lower in ("who", "that", "which"):
            return antecedent(doc, head, quoted), ""  # the relative clause's head: syntax
        if not R.enabled(R.SPEAKER_PRONOUN):
            return None, ""
        found = antecedent(doc, head, quoted)
        return found, R.SPEAKER_PRONOUN if found is not None else ""
    # a description or a bare surname the actor stage did not resolve stays unresolved: coreference
    # is the actor stage's (issue #20); the phrase may still name an actor inside it
    return _actor_inside_phrase(doc, head, start, end), ""


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
        if head.pos_ == "NOUN" and tok.dep_ in ("compound", "poss") and actor_kind(doc, m.actor_id) == "person":
            continue  # "a Macron supporter", "Lula's aide": someone else, tied to that person
        if tok.dep_ in ("compound", "flat", "nmod", "poss") or tok.head.i == head.i or tok.i == head.i:
            return m.actor_id
        if tok.head.dep_ == "pobj" or tok.dep_ == "pobj":
            prep = tok.head if tok.dep_ == "pobj" else tok.head.head
            if prep.lower_ in _SPOKESPERSON_PREPS:
                return m.actor_id
    return None
