"""Checking one labelled actor-resolution case (tests/actors/cases.yaml) against the actor stage.

A case is a news text, its publication date, and expectations about the actor found at a piece of
text: its code, country, sector, kind or KB id; that it is the same actor as another piece of text
(coreference); or that no actor is there. The actor "at" a piece of text is the one whose mention
covers the text's last token (the head of an English noun phrase).
"""

from __future__ import annotations

from typing import Optional

FIELDS = ("code", "country", "sector", "kind", "kb_id")


def locate(doc, text: str, nth: int = 1) -> Optional[tuple[int, int]]:
    """Token span of the nth occurrence of `text` in the article (whole words)."""
    pos = -1
    for _ in range(nth):
        pos = doc.text.find(text, pos + 1)
        while pos >= 0 and (
            (pos > 0 and doc.text[pos - 1].isalnum())
            or (pos + len(text) < len(doc.text) and doc.text[pos + len(text)].isalnum())
        ):
            pos = doc.text.find(text, pos + 1)
        if pos < 0:
            return None
    span = doc.spacy_doc.char_span(pos, pos + len(text), alignment_mode="expand")
    return span.start, span.end


def actor_at(doc, text: str, nth: int = 1):
    where = locate(doc, text, nth)
    if where is None:
        raise ValueError("%r is not in the case text" % text)
    actor_id = doc.actor_at_token(where[1] - 1)
    return doc.actor(actor_id) if actor_id else None


def check(doc, expectation: dict) -> list[str]:
    """The ways the document fails one expectation (empty = it holds)."""
    text, nth = expectation["at"], expectation.get("nth", 1)
    actor = actor_at(doc, text, nth)
    if expectation.get("none"):
        return [] if actor is None else ["%r should be no actor, got %s" % (text, actor.name)]
    if actor is None:
        return ["no actor at %r" % text]
    problems = []
    for name in FIELDS:
        if name in expectation and getattr(actor, name) != expectation[name]:
            problems.append("%r: %s is %r, expected %r" % (text, name, getattr(actor, name), expectation[name]))
    if "same" in expectation:
        other = actor_at(doc, expectation["same"], expectation.get("same_nth", 1))
        if other is None or other.id != actor.id:
            problems.append(
                "%r should be the same actor as %r (got %s and %s)"
                % (text, expectation["same"], actor.name, other.name if other else None)
            )
    if "differs" in expectation:
        other = actor_at(doc, expectation["differs"])
        if other is not None and other.id == actor.id:
            problems.append("%r and %r should be different actors" % (text, expectation["differs"]))
    return problems
