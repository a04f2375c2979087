"""The event's place chosen by a model learned from real text (issue 22), the rules as its options.

The rules of `clause.PLACE_RULES` each give at most one place; tried in order, the first that fires
decides. That order was written on the tune split and carries over weakly. Here every place the rules
or the story could offer is an option - what each rule finds (whether or not an earlier one fired),
each place named in the event's sentence and in the `LOOKBACK` sentences before it, the dateline's
place, the story's most-named place - described by features (which rules found it, how its mention
hangs from the trigger, how far it is, what kind of place it is, whether it is the story's focus
country, how often the story names it, the event's type). A logistic model scores each option; it
overrules the rules only where held-out articles showed it should (`Chooser`): it gives the best
option where the rules give no place, when that option scores high enough, and it drops the rules'
place when that scores low.

    "Protesters gathered in Tahrir Square in Baghdad on Thursday. Security forces shot at them."
        shot -> Baghdad, place_rule "learned:scene_just_before" (the rules' choice, kept)

The weights are `data/event_places.json`, fitted by `scripts/train_event_places.py` on the tune split
of the first real-text set (../realtext, lost since; the file has no "fitted_on"), so that every half
of eval/opennews is held out for it; a refit (`--fit-half A`: selected out of fold within half A,
checked on half B; the frozen part is never read) replaces it only where it beats it there (refits
on the 85 tune articles did not, 2026-12-08, docs/evaluation.md). Without that file, or with
DIURNA_PLACE_CHOOSER=rules, the rules decide as before. The record says how the place was chosen:
place_basis is the chosen option's (clause, sentence, dateline, story) and place_rule is
"learned:<the rule that found it>" ("learned:mention" for a place no rule found).
"""

from __future__ import annotations

import bisect
import json
import logging
import math
import os
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from diurna.learned import logistic
from diurna.nlp.dateline import find_dateline
from diurna.nlp.index import index
from diurna.places.paths import proximity
from diurna.places.scene import SPEECH_ACTS, carries_a_scene

if TYPE_CHECKING:
    from spacy.tokens import Token

    from diurna.document import ArticleDoc, PlaceRef
    from diurna.records import Place

log = logging.getLogger(__name__)

MODEL_PATH = Path(__file__).resolve().parent / "data" / "event_places.json"
# Sentences before the event's whose places are options (the rules' scene looks two back).
LOOKBACK = 3
OFF_SWITCH = "DIURNA_PLACE_CHOOSER"  # "rules": the rules decide, as before the model


@dataclass
class Option:
    """A place the event may have happened in, with what the features read from."""

    place_id: str
    basis: str  # clause | sentence | dateline | story: how the place is reached from the event
    rule: str  # the first rule (registry order) that finds it, or "mention"
    features: dict[str, float] = field(default_factory=dict)


RULES_CHOICE = "the rules' choice"


@dataclass(frozen=True)
class Chooser:
    """A logistic score per option and two thresholds that say when the model overrules the rules:
    where the rules give no place, the best option is the event's place when it scores `add` or
    more; where they give one, it is dropped when it scores below `drop`. Selected on held-out
    articles. (Replacing the rules' place by another option was measured too: on held-out articles
    it gained nothing but traded towns for their countries, which the scorer accepts.)"""

    weights: dict[str, float]
    bias: float
    add: float
    drop: float

    def score(self, option: Option) -> float:
        return logistic(self.bias, self.weights, option.features)

    @staticmethod
    def reads(doc: ArticleDoc) -> bool:
        """Is the text a story the model can read (`DocIndex.reads_as_story`)? It learned from whole
        articles: their most-named place, their dateline, the sentences before an event; in a sentence
        or two every place is the story's most named."""
        return index(doc.spacy_doc).reads_as_story

    def choose(self, options: list[Option]) -> Option | None:
        ruled = next((o for o in options if RULES_CHOICE in o.features), None)
        if ruled is not None:
            return ruled if self.score(ruled) >= self.drop else None
        scored = [(self.score(o), o) for o in options]
        best_score, best = max(scored, key=lambda so: so[0], default=(0.0, None))  # the first of equals
        return best if best_score >= self.add else None


@lru_cache(maxsize=1)
def _load(path: str) -> Chooser | None:
    p = Path(path)
    if not p.exists():
        return None
    try:
        data = json.loads(p.read_text(encoding="utf-8"))
        return Chooser(dict(data["weights"]), float(data["bias"]), float(data["add"]), float(data["drop"]))
    except (OSError, ValueError, KeyError, TypeError) as exc:  # a broken model must not lose the rules' places
        log.warning("event-place model %s unreadable (%s): the rules choose event places", p, exc)
        return None


def load_chooser(path: Path = MODEL_PATH) -> Chooser | None:
    """The packaged chooser, or None (no model file, or switched off by DIURNA_PLACE_CHOOSER=rules)."""
    if os.environ.get(OFF_SWITCH, "").strip().lower() == "rules":
        return None
    return _load(str(path))


# ------------------------------------------------------------------ options and their features


def _story(doc: ArticleDoc) -> dict:
    """What the story says as a whole: mentions per place, its most-named place, its focus country,
    the dateline's place (once per document)."""
    key = ("diurna.places", "chooser story", len(doc.place_mentions))
    cached = doc.spacy_doc.user_data.get(key)
    if cached is not None:
        return cached
    counts = Counter(ref.place_id for ref in doc.place_mentions)
    places = {p.id: p for p in doc.places}
    countries = Counter()
    for ref in doc.place_mentions:
        place = places.get(ref.place_id)
        if place is not None and place.country:
            countries[place.country] += 1
    # the mentions' positions in the list, ordered by first token: a window's mentions by bisection
    order = sorted(range(len(doc.place_mentions)), key=lambda k: (doc.place_mentions[k].token_start, k))
    dateline = find_dateline(doc.article.text)
    dateline_ref = None
    if dateline is not None:
        dateline_ref = next((r for r in doc.place_mentions if r.start <= dateline.start < r.end), None)
    cached = {
        "counts": counts,
        "most_named": counts.most_common(1)[0][0] if counts else None,
        "focus": countries.most_common(1)[0][0] if countries else None,
        "countries": len(countries),
        "focus place": next(
            (
                p.id
                for p in doc.places
                if p.feature == "country" and countries and p.country == countries.most_common(1)[0][0]
            ),
            None,
        ),
        "places": places,
        "dateline": dateline_ref,
        "order": order,
        "starts": [doc.place_mentions[k].token_start for k in order],
    }
    doc.spacy_doc.user_data[key] = cached
    return cached


def _mentions_in(doc: ArticleDoc, story: dict, lo: int, hi: int) -> list[PlaceRef]:
    """The place mentions whose first token lies in [lo, hi), in the order of the list."""
    a, b = bisect.bisect_left(story["starts"], lo), bisect.bisect_left(story["starts"], hi)
    return [doc.place_mentions[k] for k in sorted(story["order"][a:b])]


def _bucket(value: int, edges: tuple[int, ...]) -> str:
    for edge in edges:
        if value <= edge:
            return "<=%d" % edge
    return ">%d" % edges[-1]


def _own_preposition(head: Token) -> str:
    """The preposition the place's phrase hangs by, through "of" links and lists ("in the city of X",
    "in Goma and Bukavu"), or its relation when none."""
    token = head
    while token.dep_ in ("conj", "appos", "compound") and token.head.i != token.i:
        token = token.head
    while token.dep_ == "pobj" and token.head.lower_ == "of" and token.head.head.dep_ == "pobj":
        token = token.head.head
    if token.dep_ == "pobj" and token.head.dep_ in ("prep", "agent"):
        return "prep:" + token.head.lower_
    return "rel:" + token.dep_


def _mention_features(doc: ArticleDoc, ref: PlaceRef, trigger: Token, group: set[Token], quoted) -> dict[str, float]:
    """How a mention in the event's sentence stands to the trigger."""
    head = doc.spacy_doc[ref.token_start : ref.token_end].root
    edges, words = proximity(head, trigger)
    f = {
        _own_preposition(head): 1.0,
        "edges" + _bucket(edges, (1, 2, 3, 5)): 1.0,
        "words" + _bucket(words, (3, 8, 15)): 1.0,
        "before trigger" if ref.token_start < trigger.i else "after trigger": 1.0,
    }
    if head.head in group:
        f["hangs from the clause"] = 1.0
    if head.head.head in group and head.dep_ == "pobj":
        f["phrase on the clause"] = 1.0
    if any(a.i == trigger.i for a in head.ancestors):
        f["under the trigger"] = 1.0
    if quoted[ref.token_start] and not quoted[trigger.i]:
        f["quoted apart"] = 1.0
    return f


def _place_features(place: Place | None, story: dict, capital_of) -> dict[str, float]:
    if place is None:
        return {"unknown place": 1.0}
    precision = place.precision or {"city": "place"}.get(place.feature, place.feature)
    f = {"feature:" + place.feature: 1.0, "precision:" + precision: 1.0}
    if place.geonameid is None:
        f["unlisted"] = 1.0
    if place.country and place.country == story["focus"]:
        focus = "focus country" if place.feature == "country" else "in focus country"
        f[focus] = 1.0
        f["%s|story countries %s" % (focus, _bucket(story["countries"], (1, 2, 4)))] = 1.0
    if place.feature == "city" and place.country:
        capital = capital_of(place.country)
        if capital is not None and capital.geonameid == place.geonameid:
            f["capital"] = 1.0
    n = story["counts"].get(place.id, 0)
    f["log mentions"] = math.log1p(n)
    if story["most_named"] == place.id:
        f["most named"] = 1.0
    return f


def options(
    doc: ArticleDoc, trigger: Token, event_type: str | None, rules, group: set[Token], capital_of
) -> list[Option]:
    """Every place the event may have happened in, with its features. `rules`: the registry, each
    with .name, .basis and .find(doc, trigger); `group`: the trigger's clause (clause.clause_group)."""
    story = _story(doc)
    ix = index(doc.spacy_doc)
    here = ix.sentence_number(trigger.i)
    quoted = index(doc.spacy_doc).quotations(doc.text)[1]
    found: dict[str, Option] = {}
    carried_ok = carries_a_scene(event_type)
    first = None
    for rule in rules:
        ref = rule.find(doc, trigger)
        if ref is None or ref.place_id not in story["places"]:
            continue
        option = found.get(ref.place_id)
        if option is None:
            option = found[ref.place_id] = Option(ref.place_id, rule.basis, rule.name)
        option.features["rule:" + rule.name] = 1.0
        option.features["basis:" + rule.basis] = 1.0
        if first is None and (carried_ok or rule.basis not in ("story", "dateline")):
            first = option
            option.basis, option.rule = rule.basis, rule.name  # an earlier rule may be gated off
            option.features[RULES_CHOICE] = 1.0
            option.features[RULES_CHOICE + "|" + rule.name] = 1.0
    lo = ix.sentence_starts[max(0, here - LOOKBACK)]
    nearest: dict[str, tuple[int, PlaceRef]] = {}
    for ref in _mentions_in(doc, story, lo, ix.sentence(trigger.i).end):
        if ref.token_start <= trigger.i < ref.token_end:
            continue  # the trigger is the place's own name
        back = here - ix.sentence_number(ref.token_start)
        distance = (back, abs(ref.token_start - trigger.i))
        if ref.place_id not in nearest or distance < nearest[ref.place_id][0]:
            nearest[ref.place_id] = (distance, ref)
    for place_id, ((back, _), ref) in nearest.items():
        option = found.get(place_id)
        if option is None:
            option = found[place_id] = Option(place_id, "sentence" if back == 0 else "story", "mention")
        if back == 0:
            option.features["in the sentence"] = 1.0
            option.features.update(_mention_features(doc, ref, trigger, group, quoted))
        else:
            option.features["sentences back:%d" % back] = 1.0
            # how the place stood where it was named: a scene ("in X") or an actor ("X said")
            head = doc.spacy_doc[ref.token_start : ref.token_end].root
            option.features["back " + _own_preposition(head)] = 1.0
    dateline = story["dateline"]
    if dateline is not None and dateline.place_id in story["places"]:
        option = found.get(dateline.place_id)
        if option is None:
            option = found[dateline.place_id] = Option(dateline.place_id, "dateline", "mention")
        option.features["the dateline"] = 1.0
        option.features["the dateline|%s" % ("lead" if here < 3 else "later")] = 1.0
    most = story["most_named"]
    if most is not None and most not in found:
        found[most] = Option(most, "story", "mention")
    if most is not None:
        found[most].features["most named|%s" % _bucket(here, (0, 2, 5))] = 1.0
    focus = story["focus place"]
    if focus is not None and focus not in found:
        found[focus] = Option(focus, "story", "mention")
    if len(found) == 1:
        next(iter(found.values())).features["the only option"] = 1.0
    event = {"event sentence " + _bucket(here, (0, 2, 5)): 1.0}
    if quoted[trigger.i]:
        event["event quoted"] = 1.0
    for option in found.values():
        option.features.update(_place_features(story["places"].get(option.place_id), story, capital_of))
        option.features.update(event)
        _cross(option, event_type, trigger, carried_ok)
    return list(found.values())


def _cross(option: Option, event_type: str | None, trigger: Token, carried_ok: bool) -> None:
    """The event's own traits, alone and with where the option comes from: a type that happens at a
    scene takes a place from the story; an act of speech happens where the speaker is."""
    kind = event_type or "NONE"
    near = "in the sentence" in option.features or any(k.startswith("rule:") for k in option.features)
    option.features["type:%s|%s" % (kind, "near" if near else "far")] = 1.0
    if "feature:country" in option.features:
        option.features["type:%s|country" % kind] = 1.0
    if not carried_ok:
        option.features["no scene type|%s" % ("near" if near else "far")] = 1.0
    if trigger.lemma_.lower() in SPEECH_ACTS:
        option.features["speech act|%s" % ("near" if near else "far")] = 1.0
    if trigger.pos_ in ("NOUN", "PROPN"):
        option.features["noun trigger"] = 1.0
