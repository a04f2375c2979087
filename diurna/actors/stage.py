from __future__ import annotations

from diurna.document import ArticleDoc, MentionRef
from diurna.ids import stable_id
from diurna.records import Actor, TextSpan

_KINDS = {"PERSON": "person", "ORG": "organization", "GPE": "country", "NORP": "group"}


class ActorStage:
    """Actor mentions from spaCy's named entities, merged by name and surname.

    The knowledge base, descriptions, pronouns and dated roles come with issue 4.
    """
    name = "actors"

    def __call__(self, doc: ArticleDoc) -> None:
        by_key: dict[str, Actor] = {}
        for ent in doc.spacy_doc.ents:
            kind = _KINDS.get(ent.label_)
            if kind is None:
                continue
            key = ent.text.split()[-1].lower() if kind == "person" else ent.text.lower()
            actor = by_key.get(key)
            if actor is None:
                actor = Actor(id=stable_id("act_", doc.article.id, key), name=ent.text, kind=kind)
                by_key[key] = actor
                doc.actors.append(actor)
            elif len(ent.text) > len(actor.name):
                actor.name = ent.text
            actor.mentions.append(TextSpan(text=ent.text, start=ent.start_char, end=ent.end_char))
            doc.mentions.append(MentionRef(actor.id, ent.start_char, ent.end_char, ent.start, ent.end))
