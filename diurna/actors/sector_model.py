"""A learned sector for a named actor the rules leave without one (issue #21).

A person the knowledge base does not know, or knows with no role on the day ("Consuelo Porras",
"Freeman Mbowe"), and an organisation whose name says nothing the name-head rule reads ("Abzas
Media" does; "the Special Team of Prosecutors" does not) come out with a country and no sector. The
project's gold coders nearly always give such an actor one (an opposition leader OPP, an attorney
general JUD, a journalist MED), and the text usually says which: the title inside the mention
("Attorney General Consuelo Porras"), the words around it ("opposition leader ...", "... , the
party's chairman", "judge ..."). This model reads those words, one logistic per sector over the
words of the actor's mentions and a few words either side (features below), and gives the actor the
best-scored sector when its probability reaches the model's threshold; else the actor keeps none.

Weights are fitted by `scripts/train_actor_sector.py` on the tune split of the real-text set (the
gold sectors of the actors the text names alike), the window, vocabulary and threshold selected on
held-out articles (5 folds by article), and kept as JSON (`data/sector_model.json`): no learning
library at run time. Switch it off with DIURNA_ACTOR_SECTOR_MODEL="" (or point it at another file).
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Iterable, Optional

from diurna.learned import json_model, logistic

MODEL_FILE = Path(__file__).resolve().parent / "data" / "sector_model.json"
MODEL_ENV = "DIURNA_ACTOR_SECTOR_MODEL"  # another model file (held-out selection), or "" for none

# The kinds it decides: a state stays bare (the project codes "Iran" IRN, docs/annotation.md), and a
# group the rules gave no sector is rare (17 of 2,768 actors on tune's gold events).
KINDS = frozenset({"person", "organization", "group"})

WORD = re.compile(r"[A-Za-z][A-Za-z'\u2019-]*")


def words(text: str) -> list[str]:
    return [w.lower().replace("\u2019", "'") for w in WORD.findall(text)]


def features(text: str, spans: Iterable[tuple[int, int]], kind: str, window: int) -> dict[str, float]:
    """The actor's evidence: its kind, the words of its mentions (m:, a title inside a mention:
    "Attorney General Consuelo Porras"), the `window` words before (b:) and after (a:) each mention
    (the title or apposition around it: "opposition leader X", "X, the party's chairman"). Each
    feature is present or not; the model's vocabulary decides which words count."""
    found = {"kind:" + kind: 1.0}
    for start, end in spans:
        for w in words(text[start:end]):
            found["m:" + w] = 1.0
        before = words(text[max(0, start - 12 * window) : start])[-window:] if window else []
        after = words(text[end : end + 12 * window])[:window] if window else []
        for w in before:
            found["b:" + w] = 1.0
        for w in after:
            found["a:" + w] = 1.0
    return found


def enabled_model() -> Optional[dict]:
    """The model's weights, unless switched off ($DIURNA_ACTOR_SECTOR_MODEL="") or absent."""
    return json_model(MODEL_ENV, MODEL_FILE)


def probabilities(model: dict, found: dict[str, float]) -> dict[str, float]:
    """P(the gold accepts sector s) for each sector of the model."""
    return {s: logistic(model["bias"][s], model["weights"][s], found) for s in model["sectors"]}


def choose(model: dict, found: dict[str, float]) -> Optional[str]:
    """The best-scored sector if its probability reaches the model's threshold, else None."""
    probs = probabilities(model, found)
    best = max(sorted(probs), key=lambda s: probs[s])
    return best if probs[best] >= model["threshold"] else None


def sector_for(model: dict, text: str, spans: Iterable[tuple[int, int]], kind: str) -> Optional[str]:
    return choose(model, features(text, spans, kind, model["window"]))
