"""The holder of what an event is done to (diurna/events/holders.py): which mention holds the thing
acted on, and the mention offered for a noun modifying it that the actor stage left unmarked."""

from __future__ import annotations

import pytest

from diurna.events.argmodel import candidate_options
from diurna.events.candidates import CandidateExtractor
from diurna.events.holders import holder_mentions, holding


@pytest.mark.parametrize(
    "text, word, holder",
    [
        # the owner of the thing an event is done to: possessor, noun modifier, "in" phrase
        ("Soldiers attacked the state broadcaster's headquarters in Omdurman.", "broadcaster", ("poss", True)),
        ("Rebels shelled an army base in Mali on Monday.", "army", ("compound", True)),
        ("Authorities restricted internet access in Iran on Sunday.", "Iran", ("prep_in", True)),
        # the object of a complement verb is acted on too
        ("Germany pledged to rebuild the damaged hospitals in Ukraine.", "Ukraine", ("prep_in", False)),
        # the doer holds nothing the event is done to
        ("Soldiers attacked the state broadcaster's headquarters in Omdurman.", "Soldiers", None),
    ],
)
def test_the_holder_of_what_is_acted_on(nlp, text, word, holder):
    # `holding` reads the parse alone except for whether the noun acted on is an actor's mention
    class Doc:
        def mention_at_token(self, i):
            return "a mention" if doc[i].lower_ == "hospitals" else None

    doc = nlp(text)
    verb = next(t for t in doc if t.pos_ == "VERB" and t.dep_ == "ROOT")
    head = next(t for t in doc if t.text == word)
    assert holding(Doc(), verb, head) == holder


def test_a_noun_modifying_the_thing_acted_on_is_the_articles_actor_of_that_noun(code):
    doc = code(
        # an outpost, not a convoy: a convoy or patrol is itself the unit's mention (the actors' objectives)
        "The state police said on Monday that gunmen opened fire on the police outpost near the town.",
        "2024-06-15",
    )
    cand = next(c for c in CandidateExtractor()(doc) if doc.spacy_doc[c.trigger_start].lemma_ == "open")
    trigger = doc.spacy_doc[cand.trigger_start : cand.trigger_end].root
    (held,) = holder_mentions(doc, trigger)
    assert doc.text[held.start : held.end] == "police" and doc.actor(held.actor_id).name.lower() == "state police"
    offered = {o.mention.token_start: o.features for o in candidate_options(doc, cand)}
    assert "holder=compound" in offered[held.token_start]
    # no actor of that noun in the article: nothing is offered
    doc = code("Gunmen opened fire on the bank convoy near the town.", "2024-06-15")
    cand = next(c for c in CandidateExtractor()(doc) if doc.spacy_doc[c.trigger_start].lemma_ == "open")
    assert holder_mentions(doc, doc.spacy_doc[cand.trigger_start : cand.trigger_end].root) == []
