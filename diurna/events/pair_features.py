"""The named features of a source-target pair, which the PLOVER pair classifier (classifier.py) reads.

A pair (`classifier.PairInput`: a sentence and the character spans of its two actors) is described
by where its words sit relative to the actors, by character n-grams of the region that holds the
trigger, and by the PLOVER categories diurna's trigger lexicons give those words (`RegionLexicon`,
the lexicons flattened for lookup by word, without a parse). `scripts/train_classifier.py` uses the
same featurizer to fit the model, so training and prediction cannot drift apart; change a feature
and `classifier.ENCODING` must change with it.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from diurna.events.classifier import PairInput

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
