"""A learned choice of the country of a generic or unknown actor (issue #21), on top of the rules of
`diurna.actors.country`.

The rules give a story's generic actors ("police", "protesters", an unknown official) the focus
country when one country dominates the story, else the country of the places in their sentences.
In a two-sided story (Cuba and the US, Poland and Belarus) they often give none, and a focus that
is one vote ahead (Cuba 2, Bolivia 1) is taken as plainly as a landslide. This model weighs the same
evidence for each candidate country of one actor: the story's votes, the votes of the actor's own
sentences, the mention just before it, the article's first country, what the rules chose; and the
option of no country. Weights are fitted by `scripts/train_actor_country.py` on the tune split of
the real-text set (gold countries of the actors the text names alike), selected on held-out
articles, and kept as JSON (`data/country_model.json`): no learning library at run time.
"""

from __future__ import annotations

import bisect
import math
from collections import Counter, defaultdict
from pathlib import Path
from typing import TYPE_CHECKING, Optional

from diurna.learned import json_model
from diurna.nlp.index import index

if TYPE_CHECKING:
    from diurna.document import ArticleDoc
    from diurna.records import Actor

MODEL_FILE = Path(__file__).resolve().parent / "data" / "country_model.json"
MODEL_ENV = "DIURNA_ACTOR_COUNTRY_MODEL"  # another model file (held-out selection), or "" for none

# Sectors whose members act abroad as well as at home (an army shells across a border, diplomats
# are posted, a delegation travels): the scene of their sentences says less about whose they are.
ABROAD_SECTORS = frozenset({"GOV", "MIL", "REB", "UAF", "INS", "SEP", "REF", "SPY"})

FEATURES = (
    "none",  # the option of no country
    "none_top_share",  # (no country) the story's top country's share of its votes
    "none_rule",  # (no country) the rules gave none
    "story_share",  # the candidate's share of the story's country votes
    "story_top",  # the candidate is the story's top country
    "story_ratio",  # its votes over the top country's
    "named_share",  # its share of the votes of the actors named with a stated country
    "scene_share",  # its share of the place and country mentions of the actor's sentences
    "scene_share_abroad",  # the same, for an actor of a sector that acts abroad
    "scene_near",  # it is the last country named before the actor's first mention, in that or the previous sentence
    "first_country",  # it is the country the article names first (dateline, headline)
    "rule",  # the rules chose it
    "person",  # the actor is a person (the candidate's share of the story, for a person)
)


def enabled_model() -> Optional[dict]:
    """The model's weights, unless switched off ($DIURNA_ACTOR_COUNTRY_MODEL="") or absent."""
    return json_model(MODEL_ENV, MODEL_FILE, _same_features)


def _same_features(path: Path, model: dict) -> None:
    if tuple(model["features"]) != FEATURES:
        raise RuntimeError("%s was trained on other features; rebuild it with scripts/train_actor_country.py" % path)


class CountryEvidence:
    """The story's country evidence, gathered once per article: votes of the story, of the named
    actors, of each sentence, and the order in which countries are named."""

    def __init__(self, doc: "ArticleDoc", story_votes: Counter, named_votes: Counter):
        self.doc = doc
        self.story = story_votes
        self.named = named_votes
        self.sentence_of = index(doc.spacy_doc).sentence_number
        place_country = {p.id: p.country for p in doc.places}
        actor_of = {a.id: a for a in doc.actors}
        # (token, country) of every place mention and country-actor mention, in text order
        named_at = [(r.token_start, place_country.get(r.place_id)) for r in doc.place_mentions]
        named_at += [
            (m.token_start, actor_of[m.actor_id].country)
            for m in doc.mentions
            if m.actor_id in actor_of and actor_of[m.actor_id].kind == "country"
        ]
        self.named_at = sorted((t, c) for t, c in named_at if c)
        self._named_tokens = [t for t, _ in self.named_at]
        self.by_sentence: dict[int, Counter] = defaultdict(Counter)
        for token, country in self.named_at:
            self.by_sentence[self.sentence_of(token)][country] += 1
        self.first = self.named_at[0][1] if self.named_at else None
        self.mentions_of: dict[str, list] = defaultdict(list)
        for m in doc.mentions:
            self.mentions_of[m.actor_id].append(m)

    def candidates(self) -> list[str]:
        return sorted(self.story)

    def rows(self, actor: "Actor", rule: Optional[str]) -> list[tuple[Optional[str], list[float]]]:
        """(candidate, feature vector) for each candidate country of the actor, and for no country."""
        mentions = self.mentions_of.get(actor.id, [])
        sentences = {self.sentence_of(m.token_start) for m in mentions}
        scene: Counter = sum((self.by_sentence[s] for s in sentences if s in self.by_sentence), Counter())
        near = self._named_before(min(m.token_start for m in mentions)) if mentions else None
        total = sum(self.story.values()) or 1
        named_total = sum(self.named.values()) or 1
        scene_total = sum(scene.values()) or 1
        top, top_votes = self.story.most_common(1)[0] if self.story else (None, 0)
        abroad = actor.sector in ABROAD_SECTORS
        rows: list[tuple[Optional[str], list[float]]] = [
            (None, [1.0, top_votes / total, float(rule is None)] + [0.0] * (len(FEATURES) - 3))
        ]
        for country in self.candidates():
            share = self.story[country] / total
            scene_share = scene[country] / scene_total
            rows.append(
                (
                    country,
                    [
                        0.0,
                        0.0,
                        0.0,
                        share,
                        float(country == top),
                        self.story[country] / (top_votes or 1),
                        self.named[country] / named_total,
                        scene_share * (not abroad),
                        scene_share * abroad,
                        float(country == near),
                        float(country == self.first),
                        float(country == rule),
                        share * (actor.kind == "person"),
                    ],
                )
            )
        return rows

    def _named_before(self, token: int) -> Optional[str]:
        """The country named last before `token`, in its sentence or the one before."""
        k = bisect.bisect_left(self._named_tokens, token) - 1  # the last named before it
        if k < 0:
            return None
        t, country = self.named_at[k]
        return country if self.sentence_of(t) >= self.sentence_of(token) - 1 else None


def score(model: dict, features: list[float]) -> float:
    return model["bias"] + sum(w * x for w, x in zip(model["weights"], features))


def choose(model: dict, rows: list[tuple[Optional[str], list[float]]]) -> Optional[str]:
    """The candidate (a country, or None) the model scores highest."""
    best, best_score = None, -math.inf
    for country, features in rows:
        s = score(model, features)
        if s > best_score:
            best, best_score = country, s
    return best
