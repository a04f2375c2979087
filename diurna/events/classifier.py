"""The PLOVER pair classifier: which event type, if any, links a source and a target in a sentence.

Two models vote, each giving probabilities over 16 labels (the 15 PLV labels, where YIELD stands
for CONCEDE + RETREAT, plus NONE), and the classifier averages them:

- a multinomial logistic regression over named features of the pair: words and character n-grams
  by their position relative to the two actors, and the PLOVER categories diurna's trigger
  lexicons give those words. Numpy only; `scripts/train_classifier.py` fits it with scikit-learn
  and uses this module's featurizer, so training and prediction cannot drift apart;
- all-MiniLM-L6-v2 fine-tuned on the same pairs (diurna/events/encoder.py, int8 ONNX, trained by
  `scripts/train_encoder.py`). It reads word order and context the bag of features cannot.

The average beats either model alone on cross-validation; `load(encoder=False)` gives the linear
model alone, several times faster. `diurna/events/model/README.md` says how both were trained.
"""

from __future__ import annotations

import functools
import json
import logging
import pathlib
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING, Sequence

import numpy as np

if TYPE_CHECKING:
    from diurna.events.encoder import EncoderModel

log = logging.getLogger(__name__)
MODEL_DIR = pathlib.Path(__file__).resolve().parent / "model"
ENCODING = "pair-features-v1"  # bump when the features change: old model files are then refused
NONE = "NONE"


@dataclass(frozen=True)
class PairInput:
    sentence: str
    source: tuple[int, int] | None  # char span of the source actor inside `sentence`, None if absent
    target: tuple[int, int] | None  # char span of the target actor, None if absent


@dataclass(frozen=True)
class PairPrediction:
    type: str  # a PLOVER v2 type (CONCEDE/RETREAT, never YIELD) or "NONE"
    confidence: float  # probability of `type`
    scores: dict[str, float]  # label -> probability, over the model's labels (YIELD kept as one label here)


def find_span(sentence: str, phrase: str | None) -> tuple[int, int] | None:
    """Character span of `phrase` in `sentence`: exact match first, then case-insensitive; None if absent.

    The first occurrence is taken: the pair files name actors by their text only, so when a
    name occurs twice nothing tells which occurrence was meant.
    """
    if not phrase or not phrase.strip():
        return None
    phrase = phrase.strip()
    at = sentence.find(phrase)
    if at < 0:
        at = sentence.lower().find(phrase.lower())
    return (at, at + len(phrase)) if at >= 0 else None


# --- YIELD -> CONCEDE / RETREAT -------------------------------------------------------------
# PLV (and CAMEO) have one YIELD class; PLOVER v2 splits it. The codebook's line: RETREAT is a
# concession with immediate material consequences (withdrawing, releasing, returning, disarming,
# observing a ceasefire, allowing access, resigning); CONCEDE is verbal (apologies, admissions,
# pardons and amnesties, easing restrictions or curfews) and includes *announced or promised*
# retreats ("said it would withdraw troops" is CONCEDE). So: a verbal-concession cue wins; a
# retreat cue that is promised or future is CONCEDE; a retreat cue otherwise is RETREAT; with no
# cue at all, CONCEDE (a concession with no material act described is a verbal one).
_VERBAL_CONCESSION = re.compile(
    r"\b(apolog\w*|regret\w*|remorse|admit\w*\s+(?:that|to|guilt|responsibility|wrongdoing|mistakes?|fault)"
    r"|conced\w*|acknowledg\w*|pardon\w*|amnest\w*|acquit\w*|clemency"
    r"|lift\w*|eas(?:e|ed|es|ing)|relax\w*|waiv\w*|scrap\w*|revok\w*|reversed?|backtrack\w*|back(?:ed|s)?\s+down"
    r"|dropp?\w*\s+(?:its\s+|their\s+|his\s+|her\s+|the\s+)?(?:demands?|charges?|objections?|claims?|case)"
    r"|accede\w*|gave\s+in|give\s+in|comply|complied)\b",
    re.IGNORECASE,
)
_RETREAT = re.compile(
    r"\b(withdr[ae]w\w*|pull(?:ed|s|ing)?\s+(?:[\w-]+\s+){0,3}?(?:out|back)\b|retreat\w*|evacuat\w*|ced(?:e|ed|es|ing)"
    r"|releas\w*|freed|frees|set\s+free|swapp?\w*|exchang\w*\s+(?:of\s+)?(?:prisoners|captives|detainees)"
    r"|return\w*|repatriat\w*|hand(?:ed|s|ing)?\s+(?:over|back)"
    r"|disarm\w*|demobili[sz]\w*|decommission\w*|la(?:y|id)\s+down|surrender\w*"
    r"|ceasefire|cease-fire|truce|halt\w*|stopp?\w*\s+(?:fighting|attacks|shelling|the\s+offensive)"
    r"|allow\w*\s+(?:[\w-]+\s+){0,8}?(?:access|entry|in|into|through)\b|admitted|let\s+in"
    r"|open\w*\s+(?:the\s+)?(?:border|crossing|corridor)|access"
    r"|resign\w*|step(?:s|ped|ping)?\s+down|quit\w*)\b",
    re.IGNORECASE,
)
_FUTURE_AFTER = re.compile(r"^\W*(?:[\w-]+\W+){0,3}?(will|would|shall|is\s+to|are\s+to|set\s+to)\b", re.IGNORECASE)
_PROMISE = re.compile(
    r"\b(will|would|shall|'ll|plans?|planning|pledg\w*|promis\w*|vow\w*|agree\w*|offer\w*|intend\w*"
    r"|ready|willing|prepared|set\s+to|expected\s+to|to\s+be|announc\w*|declar\w*)\b",
    re.IGNORECASE,
)


def split_yield(pair: PairInput) -> str:
    """CONCEDE or RETREAT for a pair the model put in YIELD, by the lexical rule above."""
    region = _trigger_region(pair)
    if _VERBAL_CONCESSION.search(region):
        return "CONCEDE"
    retreat = _RETREAT.search(region)
    if retreat is None:
        return "CONCEDE"
    if _PROMISE.search(region[: retreat.start()]) or _FUTURE_AFTER.search(region[retreat.end() :]):
        return "CONCEDE"  # announced, promised or future: "would withdraw", "the truce will start"
    return "RETREAT"


def _trigger_region(pair: PairInput) -> str:
    """Where the event's trigger is: from the first actor to a little past the last one.

    Looking at the whole sentence would let a second clause ("..., after the army withdrew")
    decide; the trigger of the pair's own event sits between or just after its actors.
    """
    spans = [s for s in (pair.source, pair.target) if s is not None]
    if not spans:
        return pair.sentence
    start = min(s[0] for s in spans)
    end = max(s[1] for s in spans)
    return pair.sentence[start : end + 80]


# --- features --------------------------------------------------------------------------------
# A pair is described by where its words sit relative to the two actors: the event's trigger is
# usually between them ("A <accused> B") or just after the pair ("A and B <signed> a deal"), and
# words far to the left are mostly attribution ("X said ...").  Every feature name carries its
# zone, so "withdrew" between the actors and "withdrew" in an unrelated clause count differently.
_WORD = re.compile(r"[A-Za-z]+(?:['’][a-z]+)?|\d+(?:[.,]\d+)*|[^\sA-Za-z\d]")
AFTER_WORDS = 8  # words after the last actor that may still hold the pair's trigger
LEFT_WORDS = 4  # words before the first actor ("... <accused> A of ...", passives)
LEXICON_WORDS = 12  # how far after the last actor a lexicon hit still counts
_NEGATION = frozenset(
    {
        "not",
        "n't",
        "no",
        "never",
        "nor",
        "without",
        "refused",
        "refuses",
        "refuse",
        "denied",
        "denies",
        "deny",
        "rejected",
        "failed",
    }
)
_MODAL = frozenset(
    {
        "will",
        "would",
        "could",
        "may",
        "might",
        "should",
        "shall",
        "must",
        "can",
        "threatened",
        "threatens",
        "warned",
        "warns",
        "vowed",
        "plans",
        "planned",
        "intends",
        "ready",
    }
)
_CONTRAST = frozenset({"but", "although", "though", "while", "whereas", "however"})


@dataclass(frozen=True)
class Word:
    text: str  # lower-cased surface form
    lemma: str  # dictionary form when the trigger lexicon knows the word, else the text
    start: int  # char offset in the sentence


def words_of(sentence: str, lemmas: dict[str, str]) -> list[Word]:
    result = []
    for match in _WORD.finditer(sentence):
        text = match.group().lower().replace("’", "'")
        result.append(Word(text, lemmas.get(text, text), match.start()))
    return result


@dataclass(frozen=True)
class Zones:
    """The pair's words split by position: left of both actors, inside each, between, after."""

    left: list[Word]
    source: list[Word]
    target: list[Word]
    between: list[Word]
    after: list[Word]
    order: str  # "st", "ts", "s" (no target), "t" (no source), "-" (neither), "nested"
    rest: list[Word]  # every word outside the actors, for whole-sentence context


def zones_of(pair: PairInput, words: list[Word]) -> Zones:
    spans = {role: span for role, span in (("s", pair.source), ("t", pair.target)) if span is not None}
    inside = {role: [w for w in words if span[0] <= w.start < span[1]] for role, span in spans.items()}
    outside = [w for w in words if not any(span[0] <= w.start < span[1] for span in spans.values())]
    if not spans:
        return Zones([], [], [], [], outside[:AFTER_WORDS], "-", outside)
    first_start = min(span[0] for span in spans.values())
    last_end = max(span[1] for span in spans.values())
    if len(spans) == 2:
        (a, b) = sorted(spans, key=lambda role: spans[role][0])
        overlap = spans[b][0] < spans[a][1]
        order = "nested" if overlap else a + b
        between_from, between_to = (spans[a][1], spans[b][0]) if not overlap else (last_end, last_end)
    else:
        order = next(iter(spans))
        between_from = between_to = last_end
    left = [w for w in outside if w.start < first_start][-LEFT_WORDS:]
    between = [w for w in outside if between_from <= w.start < between_to]
    after = [w for w in outside if w.start >= last_end]
    return Zones(left, inside.get("s", []), inside.get("t", []), between, after, order, outside)


class PairFeaturizer:
    """Named features of a pair: zone n-grams, character n-grams of the trigger region, lexicon
    categories of the region's words, negation/modal cues and actor order."""

    def __init__(self, lexicon: "RegionLexicon"):
        self.lexicon = lexicon

    def features(self, pair: PairInput) -> dict[str, float]:
        words = words_of(pair.sentence, self.lexicon.lemmas)
        zones = zones_of(pair, words)
        found: dict[str, float] = {}

        def add(name: str, value: float = 1.0) -> None:
            found[name] = found.get(name, 0.0) + value

        add("order=" + zones.order)
        add("gap=%d" % min(len(zones.between) // 3, 5))
        after = zones.after[:AFTER_WORDS]
        for zone, zone_words in (("b", zones.between), ("a", after), ("l", zones.left)):
            lemmas = [w.lemma for w in zone_words]
            for i, lemma in enumerate(lemmas):
                add("w%s=%s" % (zone, lemma))
                if i + 1 < len(lemmas):
                    add("bi%s=%s_%s" % (zone, lemma, lemmas[i + 1]))
            cues = {w.text for w in zone_words}
            if cues & _NEGATION:
                add("neg%s" % zone)
            if cues & _MODAL:
                add("modal%s" % zone)
            if cues & _CONTRAST:
                add("contrast%s" % zone)
        for w in zones.rest:
            add("ws=" + w.lemma)
        for role, actor in (("s", zones.source), ("t", zones.target)):
            if actor:
                add("head%s=%s" % (role, actor[-1].lemma))
        region = " ".join(w.text for w in zones.between + after if w.text.isalpha())
        for gram in _char_ngrams(region):
            add("c=" + gram)
        self._lexicon_features(zones, add)
        return found

    def _lexicon_features(self, zones: Zones, add) -> None:
        """PLOVER categories the trigger lexicons give the region's words; the first hit after the
        first actor is the most likely trigger, so it also gets a feature of its own."""
        region = [("b", zones.between), ("a", zones.after[:LEXICON_WORDS]), ("l", zones.left)]
        first = None
        for zone, zone_words in region:
            for i, word in enumerate(zone_words):
                categories = self.lexicon.categories(word.lemma, [w.lemma for w in zone_words[i + 1 : i + 7]])
                for category, weight in categories.items():
                    add("lex%s=%s" % (zone, category), weight)
                    add("lex=" + category, weight)
                if categories and first is None and zone != "l":
                    first = max(categories, key=categories.get)
        if first is not None:
            add("lexfirst=" + first)


def _char_ngrams(text: str, sizes=(3, 4, 5)) -> list[str]:
    padded = " %s " % text
    return [padded[i : i + n] for n in sizes for i in range(len(padded) - n + 1)]


# --- the trigger lexicons, flattened for word lookup -------------------------------------------
_IRREGULAR = {  # past forms the suffix rules cannot derive, for the verbs news events use
    "arise": "arose arisen",
    "bear": "bore borne",
    "beat": "beaten",
    "begin": "began begun",
    "bind": "bound",
    "blow": "blew blown",
    "break": "broke broken",
    "bring": "brought",
    "build": "built",
    "buy": "bought",
    "catch": "caught",
    "choose": "chose chosen",
    "come": "came",
    "deal": "dealt",
    "do": "did done",
    "draw": "drew drawn",
    "drive": "drove driven",
    "fall": "fell fallen",
    "feed": "fed",
    "fight": "fought",
    "flee": "fled",
    "fly": "flew flown",
    "forbid": "forbade forbidden",
    "forgive": "forgave forgiven",
    "freeze": "froze frozen",
    "get": "got gotten",
    "give": "gave given",
    "go": "went gone",
    "hang": "hung",
    "hide": "hid hidden",
    "hold": "held",
    "keep": "kept",
    "lay": "laid",
    "lead": "led",
    "leave": "left",
    "lose": "lost",
    "make": "made",
    "mean": "meant",
    "meet": "met",
    "overthrow": "overthrew overthrown",
    "pay": "paid",
    "rise": "rose risen",
    "run": "ran",
    "say": "said",
    "see": "saw seen",
    "seek": "sought",
    "sell": "sold",
    "send": "sent",
    "shake": "shook shaken",
    "shoot": "shot",
    "sink": "sank sunk",
    "speak": "spoke spoken",
    "spend": "spent",
    "stand": "stood",
    "steal": "stole stolen",
    "stick": "stuck",
    "strike": "struck stricken",
    "swear": "swore sworn",
    "sweep": "swept",
    "take": "took taken",
    "tear": "tore torn",
    "tell": "told",
    "think": "thought",
    "throw": "threw thrown",
    "undertake": "undertook undertaken",
    "uphold": "upheld",
    "win": "won",
    "withdraw": "withdrew withdrawn",
    "withhold": "withheld",
    "write": "wrote written",
    "slay": "slew slain",
    "shut": "shut",
    "split": "split",
    "hit": "hit",
    "cut": "cut",
    "put": "put",
    "quit": "quit",
}
_PLV_LABEL = {"CONCEDE": "YIELD", "RETREAT": "YIELD"}  # the model's labels keep YIELD whole


def inflections(lemma: str) -> set[str]:
    """Regular English inflections of a verb or noun lemma (plural/3sg, past, gerund) plus irregular pasts."""
    forms = {lemma, lemma + "s", lemma + "es", lemma + "ed", lemma + "ing", lemma + "d"}
    if lemma.endswith("e"):
        forms |= {lemma[:-1] + "ing", lemma + "d"}
    if lemma.endswith("y") and len(lemma) > 2 and lemma[-2] not in "aeiou":
        forms |= {lemma[:-1] + "ied", lemma[:-1] + "ies"}
    if len(lemma) > 2 and lemma[-1] in "bdgmnprt" and lemma[-2] in "aeiou" and lemma[-3] not in "aeiou":
        forms |= {lemma + lemma[-1] + "ed", lemma + lemma[-1] + "ing"}  # "ban" -> "banned"
    forms |= set(_IRREGULAR.get(lemma, "").split())
    return forms


@dataclass
class RegionLexicon:
    """Word -> PLOVER categories from diurna's trigger lexicon (data/triggers.yaml) and the PETRARCH2
    CAMEO verb dictionary (data/cameo_verbs.json.gz), read without a parse: a verb's own code counts
    fully, the codes of its patterns whose words follow it count half (PETRARCH's object patterns
    "cut ... aid" -> SANCTION, seen as words, not as syntax)."""

    lemmas: dict[str, str]  # inflected form -> lemma, for lexicon words only
    primary: dict[str, set[str]]  # lemma -> categories of its unconditional senses
    conditional: dict[str, list[tuple[frozenset[str], str]]]  # lemma -> (words that must follow, category)

    @classmethod
    @functools.lru_cache(maxsize=1)
    def load(cls) -> "RegionLexicon":
        from diurna.events import dictionary

        lexicon = dictionary.TriggerLexicon.load()
        primary: dict[str, set[str]] = {}
        conditional: dict[str, list[tuple[frozenset[str], str]]] = {}
        for lemma, senses in list(lexicon.verbs.items()) + list(lexicon.nouns.items()):
            for sense in senses:
                if sense.none:
                    continue
                category = _PLV_LABEL.get(sense.plover, sense.plover)
                needs = frozenset(sense.obj) | frozenset(sense.pobj) | ({sense.prt} if sense.prt else set())
                if needs:
                    conditional.setdefault(lemma, []).append((needs, category))
                else:
                    primary.setdefault(lemma, set()).add(category)
        cameo = dictionary._verb_dictionary()
        for lemma, entries in cameo.verbs.items():
            if lemma in lexicon.verbs:
                continue  # the diurna lexicon overrides PETRARCH for the verbs it lists
            for entry in entries:
                category = _category(entry["code"])
                if category:
                    primary.setdefault(lemma, set()).add(category)
                for pattern in cameo.blocks[entry["block"]]["patterns"]:
                    category = _category(pattern["code"])
                    words = frozenset(w for term in pattern["post"] for w in _term_words(term, cameo.synsets))
                    if category and words:
                        conditional.setdefault(lemma, []).append((words, category))
        lemmas: dict[str, str] = {}
        # Sorted: when two lemmas inflect to the same form, the first in alphabetical order keeps it.
        # Iterating a set here made the choice depend on the process's hash seed, so a Ray worker
        # and the driver could read one word differently.
        every_lemma = sorted(set(primary) | set(conditional))
        for lemma in every_lemma:
            if " " in lemma:
                continue
            for form in inflections(lemma):
                lemmas.setdefault(form, lemma)
        for lemma in every_lemma:
            lemmas[lemma] = lemma  # a lemma is never re-read as another word's inflection
        return cls(lemmas, primary, conditional)

    def categories(self, lemma: str, following: list[str]) -> dict[str, float]:
        found = {
            category: 1.0 for category in sorted(self.primary.get(lemma, ()))
        }  # sorted: ties break alike in every process
        if lemma in self.conditional:
            near = set(following)
            for needs, category in self.conditional[lemma]:
                if needs & near:
                    found[category] = max(found.get(category, 0.0), 0.5)
        return found


def _category(code: str | None) -> str | None:
    from diurna.events import codes

    plover = codes.plover_type(code) if code and code != "---" else None
    return _PLV_LABEL.get(plover, plover) if plover else None


def _term_words(term: str, synsets: dict[str, set[str]]) -> list[str]:
    if term.startswith("&"):
        return [member.split()[-1].lower() for member in synsets.get(term.rstrip("_"), ())]
    return [term.lower()]


# --- the model -------------------------------------------------------------------------------
@dataclass(frozen=True)
class LinearModel:
    """Multinomial logistic regression over L2-normalised TF-IDF blocks of named features.

    Features are grouped into blocks by the prefix of their name ("wb", "c", "lex", ...); each
    block is scaled to unit length separately so a long sentence's many character n-grams cannot
    drown its few lexicon hits. Everything is numpy: scikit-learn is used to fit, never to predict.
    """

    labels: tuple[str, ...]
    vocabulary: dict[str, int]  # feature name -> column
    idf: np.ndarray  # [n_features]
    block: np.ndarray  # [n_features] block number of each column
    block_weight: np.ndarray  # [n_blocks]
    weights: np.ndarray  # [n_features, n_labels]
    bias: np.ndarray  # [n_labels]

    def vectorise(self, features: dict[str, float]) -> tuple[np.ndarray, np.ndarray]:
        """(columns, values) of one pair's sparse feature vector."""
        columns = [self.vocabulary[name] for name in features if name in self.vocabulary]
        if not columns:
            return np.zeros(0, dtype=np.int64), np.zeros(0)
        columns_array = np.array(columns, dtype=np.int64)
        counts = np.array([features[name] for name in features if name in self.vocabulary])
        return columns_array, block_normalise(
            columns_array, (1.0 + np.log(counts)) * self.idf[columns_array], self.block, self.block_weight
        )

    def probabilities(self, features: Sequence[dict[str, float]]) -> np.ndarray:
        logits = np.tile(self.bias, (len(features), 1))
        for row, named in enumerate(features):
            columns, values = self.vectorise(named)
            logits[row] += values @ self.weights[columns]
        return _softmax(logits)

    def save(self, path: pathlib.Path) -> None:
        names = sorted(self.vocabulary, key=self.vocabulary.get)
        np.savez_compressed(
            path,
            labels=np.array(self.labels),
            names=np.array(names),
            idf=self.idf.astype(np.float32),
            block=self.block.astype(np.int16),
            block_weight=self.block_weight.astype(np.float32),
            weights=self.weights.astype(np.float32),
            bias=self.bias.astype(np.float32),
        )

    @classmethod
    def read(cls, path: pathlib.Path) -> "LinearModel":
        with np.load(path, allow_pickle=False) as data:
            names = [str(n) for n in data["names"]]
            return cls(
                tuple(str(x) for x in data["labels"]),
                {n: i for i, n in enumerate(names)},
                data["idf"].astype(np.float64),
                data["block"].astype(np.int64),
                data["block_weight"].astype(np.float64),
                data["weights"].astype(np.float64),
                data["bias"].astype(np.float64),
            )


BLOCKS = ("order", "gap", "wb", "wa", "wl", "bib", "bia", "bil", "ws", "head", "c", "lex", "neg", "modal", "contrast")


def block_of(name: str) -> int:
    """Block number of a feature name: its prefix up to '=' (or the whole name), cues grouped."""
    prefix = name.split("=", 1)[0]
    for number, block in enumerate(BLOCKS):
        if (
            prefix == block
            or (block in ("lex", "neg", "modal", "contrast") and prefix.startswith(block))
            or (block == "head" and prefix.startswith("head"))
        ):
            return number
    raise ValueError("feature %r belongs to no block" % name)


def block_normalise(columns: np.ndarray, values: np.ndarray, block: np.ndarray, block_weight: np.ndarray) -> np.ndarray:
    blocks = block[columns]
    norms = np.zeros(len(block_weight))
    np.add.at(norms, blocks, values**2)
    norms = np.sqrt(norms)
    norms[norms == 0] = 1.0
    return values / norms[blocks] * block_weight[blocks]


class PloverClassifier:
    """Predicts a PLOVER type or NONE for (sentence, source, target) pairs; load once per process."""

    def __init__(self, model: LinearModel, featurizer: PairFeaturizer, encoder: "EncoderModel | None" = None):
        self.model = model
        self.labels: list[str] = list(model.labels)
        self.featurizer = featurizer
        if encoder is not None and list(encoder.labels) != self.labels:
            raise RuntimeError(
                "the encoder model's labels %s differ from the linear model's %s; retrain both"
                % (encoder.labels, self.labels)
            )
        self.encoder = encoder

    @classmethod
    def load(cls, encoder: bool = True) -> "PloverClassifier":
        """The packaged model, loaded on first use and shared by every caller in the process.
        `encoder=False` gives the linear model alone (faster, less accurate)."""
        return _load_packaged(encoder)

    @classmethod
    def from_dir(cls, model_dir: str | pathlib.Path, encoder: bool = True) -> "PloverClassifier":
        """A model from another directory (training and cross-validation use this). The fine-tuned
        encoder in its `encoder/` folder is used when present and `encoder` is true."""
        model_dir = pathlib.Path(model_dir)
        meta = json.loads((model_dir / "labels.json").read_text(encoding="utf-8"))
        if meta.get("encoding") != ENCODING:
            raise RuntimeError(
                "classifier model in %s was built for features %r, this code computes %r; "
                "rebuild it with scripts/train_classifier.py" % (model_dir, meta.get("encoding"), ENCODING)
            )
        fine_tuned = None
        if encoder and (model_dir / "encoder" / "model.onnx").is_file():
            from diurna.events.encoder import EncoderModel

            fine_tuned = EncoderModel(model_dir / "encoder")
        elif encoder and model_dir == MODEL_DIR:  # the package lost a file: say so, then go on with less
            log.warning(
                "the fine-tuned encoder is missing from %s; classifying with the linear model alone "
                "(rebuild it with scripts/train_encoder.py)",
                model_dir / "encoder",
            )
        return cls(LinearModel.read(model_dir / "classifier.npz"), PairFeaturizer(RegionLexicon.load()), fine_tuned)

    def probabilities(self, pairs: Sequence[PairInput], batch_size: int = 64) -> np.ndarray:
        """[n_pairs, n_labels] label probabilities, in input order: the linear model's, averaged
        with the fine-tuned encoder's when it is loaded (the average beats either alone on PLV
        cross-validation, docs/evaluation.md)."""
        if not pairs:
            return np.zeros((0, len(self.labels)))
        linear = self.model.probabilities([self.featurizer.features(pair) for pair in pairs])
        if self.encoder is None:
            return linear
        return (linear + self.encoder.probabilities(pairs, batch_size)) / 2

    def predict(self, pairs: Sequence[PairInput], batch_size: int = 64) -> list[PairPrediction]:
        probabilities = self.probabilities(pairs, batch_size)
        return [self._prediction(pair, row) for pair, row in zip(pairs, probabilities)]

    def _prediction(self, pair: PairInput, row: np.ndarray) -> PairPrediction:
        best = int(row.argmax())
        label = self.labels[best]
        if label == "YIELD":
            label = split_yield(pair)
        scores = {name: float(p) for name, p in zip(self.labels, row)}
        return PairPrediction(type=label, confidence=float(row[best]), scores=scores)


@functools.lru_cache(maxsize=2)
def _load_packaged(encoder: bool) -> PloverClassifier:
    if not (MODEL_DIR / "classifier.npz").is_file():
        raise RuntimeError(
            "the event classifier model is missing from %s; rebuild it with "
            "`python scripts/train_classifier.py`" % MODEL_DIR
        )
    return PloverClassifier.from_dir(MODEL_DIR, encoder=encoder)


def _softmax(logits: np.ndarray) -> np.ndarray:
    shifted = logits - logits.max(axis=1, keepdims=True)
    exp = np.exp(shifted)
    return exp / exp.sum(axis=1, keepdims=True)
