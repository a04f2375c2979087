"""Events told as statements: the content of what someone said is itself the act.

"Russia called Kosovo's actions a provocation", '"This is intentional chaos," the mayor said',
"Georgia said Russian troops fired on its checkpoints" (ACCUSE Georgia -> Russian troops),
"we urge Baku to withdraw": no accusing, rejecting or requesting verb that the lexicons code, yet
the statement accuses, rejects, requests or threatens. The quote stage has already found each
statement with its speaker and content (doc.quotes is the authority on who said what; nothing here
re-derives a speaker). A learned model reads each quote and says whether it is such an act and of
which type; the stage turns a confident reading into a candidate whose source is the speaker and
whose target is chosen by the named rules of `TARGET_RULES`, in order; where none of them finds a
recipient, a learned recipient ranker (`ranked_choice`, fitted on the labelled PolNeAR targets) picks
one of the actors named in the content, the rest of the cue's sentence or the sentence before.

The model is a one-vs-rest logistic per type (diurna/learned.py) over cheap features of the quote:
the lemmas of its content (the words that carry evaluation get their weight from the data: the
model's weights are the learned evaluative lexicon, no hand list), the cue verb, negation, modals
and imperatives, whether an actor is the subject of the content or named in it, and which event
types the lexicons already coded inside the quote; optionally times a recipient model (how far the
recipient the rules chose is to be trusted: the rule, how many rules agree, the speaker/recipient
pair). It is fitted by scripts/train_statements.py on tune half A's quotes and the PolNeAR train
attributions labelled with a speech-act type and target (data/polnear_statements), selected on tune
half B and on the labelled PolNeAR statements out of fold by article. The packaged thresholds are
0.50 (C=0.3, refitted on 6,000 labels), high: it fires rarely (one event on each tune half, none on
realnews-dev; docs/evaluation.md, issue 26, tenth and twelfth sessions). Thresholds above 1 switch it
off at no cost. A model may also hold a type's threshold for one target rule (`rule_threshold`). Since
the fifteenth session the trainer selects thresholds out of fold on the labelled PolNeAR statements
and tune half A, never on half B; the model it then selects (an accusation whose recipient is the cue
verb's object at 0.50, nothing else) lost B's one statement event, so the packaged model is still the
twelfth session's (docs/evaluation.md, issue 26, speech15)."""

from __future__ import annotations

import dataclasses
import functools
import json
import logging
import os
import pathlib
from dataclasses import dataclass
from typing import TYPE_CHECKING, Callable, Optional

from diurna.document import ArticleDoc
from diurna.events import codes
from diurna.events.arguments import Argument, Candidate, actor_in_phrase, subject_tokens
from diurna.events.dictionary import Sense, TriggerLexicon, direct_objects
from diurna.events.scene import mention_of
from diurna.learned import logistic
from diurna.nlp.index import index as parse_index
from diurna.nlp.syntax import is_infinitive

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

    from diurna.events.argmodel import ArgumentModel
    from diurna.records import Quote

log = logging.getLogger(__name__)
MODEL_PATH = pathlib.Path(__file__).resolve().parent / "model" / "statements.json"
ENCODING = "statement-features-3"  # bump when `features` changes: an older model is then refused
RULE = "statement"  # the candidates' rule and their sense's origin (the verifier reads both)
MAX_CONTENT_TOKENS = 60  # a long direct quote's first words say what it is; the rest is noise
FIRST_PERSON = {"we", "i", "our", "us", "my", "me"}


@dataclass(frozen=True)
class Statement:
    """One quote read as a possible act: its speaker (the quote stage's), cue verb, content span and
    the content's main predicate (where the candidate's trigger sits)."""

    quote: "Quote"
    speaker: Argument
    cue: Optional["Token"]
    content: "Span"
    head: "Token"


def statements(doc: ArticleDoc) -> list[Statement]:
    """The quotes with a resolved speaker and a content span in the parse."""
    out = []
    sdoc = doc.spacy_doc
    for quote in doc.quotes:
        if not quote.speaker or quote.content.end <= quote.content.start:
            continue
        content = sdoc.char_span(quote.content.start, quote.content.end, alignment_mode="expand")
        if content is None or len(content) == 0:
            continue
        cue_span = (
            sdoc.char_span(quote.cue.start, quote.cue.end, alignment_mode="expand")
            if quote.cue is not None and quote.cue.end > quote.cue.start
            else None
        )
        cue = next((t for t in cue_span if t.pos_ in ("VERB", "AUX")), cue_span[0]) if cue_span else None
        at = cue.idx if cue is not None else quote.content.start
        mention = mention_of(doc, quote.speaker, at)
        if mention is None:
            continue
        out.append(Statement(quote, Argument(quote.speaker, mention), cue, content, content_head(content)))
    return out


def content_head(content: "Span") -> "Token":
    """The content's main predicate: the first token (in its first sentence) whose head lies outside
    the span, a verb preferred; the span's first token when there is none."""
    lo, hi = content.start, content.end
    first_sent_end = content[0].sent.end
    tops = [t for t in content if t.i < first_sent_end and (t.head.i < lo or t.head.i >= hi or t.head.i == t.i)]
    verbs = [t for t in tops if t.pos_ in ("VERB", "AUX")]
    return (verbs or tops or [content[0]])[0]


# ------------------------------------------------------------------ features


def _bucket(n: int) -> str:
    return "0" if n == 0 else "1" if n == 1 else "2-3" if n <= 3 else "4+"


def lexicon_types(st: Statement, existing: list[Candidate]) -> set[str]:
    """The types the lexicons (and the other rules) already coded inside the quote: a trigger in its
    content or on its cue verb, by anyone."""
    lo, hi = st.content.start, st.content.end
    cue_i = st.cue.i if st.cue is not None else -1
    return {c.plover for c in existing if lo <= c.trigger_start < hi or c.trigger_start == cue_i}


def features(doc: ArticleDoc, st: Statement, existing: list[Candidate]) -> dict[str, float]:
    """What the model reads of one statement (names -> 1.0)."""
    f: dict[str, float] = {"bias_kind:" + str(st.quote.kind): 1.0}
    tokens = list(st.content)[:MAX_CONTENT_TOKENS]
    for t in tokens:
        if t.is_alpha and doc.mention_at_token(t.i) is None:  # a name says who, not what kind of act
            f["w:" + t.lemma_.lower()] = 1.0
        if t.dep_ == "neg":
            f["neg"] = 1.0
        if t.tag_ == "MD":
            f["modal:" + t.lemma_.lower()] = 1.0
        if t.lower_ in FIRST_PERSON:
            f["first_person"] = 1.0
        # what the dictionaries make of the content's words ("a violation", "fired on"): an act told
        # inside a statement is often what the statement accuses someone of
        sense = _sense(t)
        if sense is not None:
            f["sense:" + sense.plover] = 1.0
    if st.cue is not None:
        f["cue:" + st.cue.lemma_.lower()] = 1.0
        sense = _sense(st.cue)
        if sense is not None:
            f["cue_sense:" + sense.plover] = 1.0
        if any(c.dep_ == "neg" for c in st.cue.children):
            f["cue_neg"] = 1.0
        if any(actor_in_phrase(doc, o) for o in direct_objects(st.cue)):
            f["cue_object_actor"] = 1.0
    head = st.head
    f["head:" + head.lemma_.lower()] = 1.0
    f["head_pos:" + head.pos_] = 1.0
    if head.tag_ == "VB" and not any(c.dep_ in ("nsubj", "nsubjpass", "aux") for c in head.children):
        f["imperative"] = 1.0
    if is_infinitive(head):
        f["infinitive"] = 1.0
    agent = content_agent(doc, st)
    if agent is not None:
        f["subject_actor"] = 1.0
    elif any(a.actor_id == st.speaker.actor_id for a in _subject_actors(doc, st)):
        f["subject_speaker"] = 1.0
    f["actors_in_content:" + _bucket(len(content_actors(doc, st)))] = 1.0
    coded = lexicon_types(st, existing)
    for plover in coded:
        f["lex:" + plover] = 1.0
    if not coded:
        f["lex:none"] = 1.0
    f["len:" + _bucket(len(tokens) // 8)] = 1.0
    return f


def _sense(token: "Token") -> Optional[Sense]:
    lexicon = TriggerLexicon.load()
    if token.pos_ == "VERB":
        return lexicon.verb_sense(token)
    if token.pos_ == "NOUN":
        return lexicon.noun_sense(token)
    return None


# ------------------------------------------------------------------ targets


def _subject_actors(doc: ArticleDoc, st: Statement) -> list[Argument]:
    found = [actor_in_phrase(doc, t) for t in subject_tokens(st.head)]
    return [a for a in found if a is not None]


def content_agent(doc: ArticleDoc, st: Statement) -> Optional[Argument]:
    """The actor that is the subject (or passive agent) of the content clause, not the speaker."""
    return next((a for a in _subject_actors(doc, st) if a.actor_id != st.speaker.actor_id), None)


def content_actors(doc: ArticleDoc, st: Statement) -> list[Argument]:
    """The actors the content names other than the speaker, in the order of the text (names and
    descriptions; a pronoun there is too often the speaker's own side)."""
    out: list[Argument] = []
    for m in doc.mention_index().starting_in(st.content.start, st.content.end):
        if m.actor_id != st.speaker.actor_id and m.how != "pronoun" and all(a.actor_id != m.actor_id for a in out):
            out.append(Argument(m.actor_id, m))
    return sorted(out, key=lambda a: a.mention.token_start)


@dataclass(frozen=True)
class TargetRule:
    """One way to find the recipient of a statement, with a sentence it is for."""

    name: str
    example: str
    find: Callable[[ArticleDoc, Statement, Candidate, Optional["ArgumentModel"]], Optional[Argument]]


def _by_content_agent(doc, st, cand, arguments):
    return content_agent(doc, st)


def _by_cue_object(doc, st, cand, arguments):
    if st.cue is None:
        return None
    for obj in direct_objects(st.cue):
        found = actor_in_phrase(doc, obj)
        if found is not None and found.actor_id != st.speaker.actor_id:
            return found
    return None


def _by_content_about(doc, st, cand, arguments):
    named = content_actors(doc, st)
    return named[0] if named else None


def _by_argument_chooser(doc, st, cand, arguments):
    if arguments is None:
        return None
    chosen = arguments.choose(doc, cand)
    if chosen.target is None or chosen.target.actor_id == st.speaker.actor_id:
        return None
    return chosen.target


TARGET_RULES: tuple[TargetRule, ...] = (
    TargetRule(
        "content-agent",
        "Georgia said Russian troops fired on its checkpoints (-> Russian troops)",
        _by_content_agent,
    ),
    TargetRule(
        "cue-object",
        "Russia called Kosovo's actions a provocation (-> Kosovo); we urge Baku to withdraw (-> Baku)",
        _by_cue_object,
    ),
    TargetRule(
        "content-about",
        "we have concerns over the expansion of China's internal security (-> China)",
        _by_content_about,
    ),
    TargetRule(
        "argument-chooser",
        "the learned argument chooser's choice among the sentence's actors (argmodel.py)",
        _by_argument_chooser,
    ),
)


# ------------------------------------------------------------------ recipient options (the ranker's)

RANKER_PREPS = {"for", "over", "against", "of", "to", "on", "with", "at", "from", "about", "by"}


def _mention_role(doc: ArticleDoc, m) -> dict[str, float]:
    """What the mention's head does in its clause: its dependency, the preposition that governs it
    ("blamed X for", "concerns over X"), a possessor ("X's actions")."""
    head = doc.spacy_doc[m.token_start : m.token_end].root
    out = {"dep:" + head.dep_: 1.0}
    if head.dep_ == "pobj" and head.head.lower_ in RANKER_PREPS:
        out["prep:" + head.head.lower_] = 1.0
    if head.dep_ == "poss" or any(t.tag_ == "POS" for t in doc.spacy_doc[m.token_start : m.token_end + 1]):
        out["possessor"] = 1.0
    if head.dep_ == "compound" or head.dep_ == "amod":
        out["modifier"] = 1.0
    return out


def recipient_options(doc: ArticleDoc, st: Statement) -> list[tuple[Argument, dict[str, float]]]:
    """The actors a statement could be aimed at, other than its speaker, each with what the recipient
    ranker reads of it, type apart: where its nearest mention lies (the content, the rest of the
    cue's sentence, the sentence before), how it is named, its role there, how often the article
    names it and what it is to the speaker. The rules' votes are added per type (`ranker_features`)."""
    sdoc = doc.spacy_doc
    index = doc.mention_index()
    cue_sent = st.cue.sent if st.cue is not None else st.head.sent
    zones = [("content", st.content.start, st.content.end), ("cue_sentence", cue_sent.start, cue_sent.end)]
    # the sentence before the one the statement starts in (by bisection: a statement per sentence of
    # a long article would make a scan of its sentences quadratic)
    parsed = parse_index(sdoc)
    k = parsed.sentence_number(min(cue_sent.start, st.content.start))
    if k > 0:
        before = parsed.sentence(parsed.sentence_starts[k] - 1)
        zones.append(("previous", before.start, before.end))
    speaker = _described(doc, st.speaker)
    seen: dict[str, tuple[Argument, dict[str, float]]] = {}
    order = 0
    for zone, lo, hi in zones:
        for m in sorted(index.starting_in(lo, hi), key=lambda m: m.token_start):
            if m.actor_id == st.speaker.actor_id or m.actor_id in seen:
                continue
            if zone == "cue_sentence" and st.content.start <= m.token_start < st.content.end:
                continue
            f = {"where:" + zone: 1.0, "how:" + m.how: 1.0, "order:" + _bucket(order): 1.0}
            f.update(_mention_role(doc, m))
            f["mentions:" + _bucket(len(index.of_actor(m.actor_id)))] = 1.0
            arg = Argument(m.actor_id, m)
            f.update((name, 1.0) for name in pair_features(speaker, _described(doc, arg)))
            seen[m.actor_id] = (arg, f)
            order += 1
    return list(seen.values())


def ranker_features(base: dict[str, float], plover: str, votes: list[str]) -> dict[str, float]:
    """One option's features for one type: its own, the act's type, and which target rules name it."""
    out = {**base, "type:" + plover: 1.0, "votes:" + str(min(len(votes), 3)): 1.0}
    out.update(("rule:" + name, 1.0) for name in votes)
    return out


def with_rule_named(
    options: list[tuple[str, dict[str, float]]], alts: dict[str, Optional[str]], plover: str, speaker: str
) -> list[tuple[str, dict[str, float]]]:
    """The options (actor id, type-apart features) with `ranker_features` for `plover`: each option's
    votes from `alts` (target rule name -> the actor it names), and the actors a rule names that the
    options miss (an argument far from the quote), as options "elsewhere"."""
    out = []
    have = set()
    for actor, f in options:
        have.add(actor)
        out.append((actor, ranker_features(f, plover, [r for r, a in alts.items() if a == actor])))
    for actor in dict.fromkeys(a for a in alts.values() if a is not None and a not in have and a != speaker):
        out.append(
            (actor, ranker_features({"where:elsewhere": 1.0}, plover, [r for r, a in alts.items() if a == actor]))
        )
    return out


def choose_target(
    doc: ArticleDoc, st: Statement, cand: Candidate, arguments: Optional["ArgumentModel"]
) -> tuple[Optional[Argument], Optional[str]]:
    """(target, name of the rule that found it); (None, None) when no rule finds one."""
    for rule in TARGET_RULES:
        found = rule.find(doc, st, cand, arguments)
        if found is not None:
            return found, rule.name
    return None, None


def candidate(doc: ArticleDoc, st: Statement, plover: str) -> Candidate:
    """The statement as a targetless candidate of `plover`, its trigger on the content's predicate."""
    cameo = codes.cameo_for(plover, None)
    head = st.head
    sense = Sense(
        lemma=head.lemma_.lower(),
        pos="verb" if head.pos_ in ("VERB", "AUX") else "noun",
        cameo=cameo,
        plover=plover,
        mode=codes.mode_for(plover, cameo),
        frame="statement",
        origin=RULE,
    )
    return Candidate(
        trigger_start=head.i,
        trigger_end=head.i + 1,
        sense=sense,
        plover=plover,
        cameo=cameo,
        mode=sense.mode,
        source=st.speaker,
        target=None,
        polarity="asserted",
        modality="actual",
        rule=RULE,
        sentence_start=head.sent.start,
    )


# ------------------------------------------------------------------ the model


class StatementModel:
    """One-vs-rest logistic per type, read from JSON; `threshold` per type (chosen held out)."""

    def __init__(self, data: dict):
        if data.get("encoding") != ENCODING:
            raise ValueError("statement model encodes %r, the code %r" % (data.get("encoding"), ENCODING))
        self.types: tuple[str, ...] = tuple(data["types"])
        self.bias: dict[str, float] = data["bias"]
        self.weights: dict[str, dict[str, float]] = data["weights"]
        self.threshold: dict[str, float] = data["threshold"]
        # optional: a type's threshold for the statements whose recipient one target rule found
        # (type -> rule -> threshold; out of fold on the labelled PolNeAR statements, an accusation
        # whose recipient is the cue verb's object was right far more often than one whose recipient
        # is only named in the content), else the type's own
        self.rule_threshold: dict[str, dict[str, float]] = data.get("rule_threshold", {})
        # emit only statements whose recipient a rule found (held out, a targetless statement event
        # was almost never right: the gold names whom an accusation or demand is about)
        self.need_target: bool = bool(data.get("need_target", False))
        # optional: how far the recipient the rules chose is to be trusted, one logistic over
        # `recipient_features` for every type; the reading is then P(type) * P(recipient right)
        self.recipient: Optional[dict] = data.get("recipient")
        self.option_gain = {t: _most_options_add(self.weights[t]) for t in self.types}
        # optional: the recipient ranker (`ranked_choice`), else the rules of TARGET_RULES in order
        self.ranker: Optional[dict] = data.get("ranker") if os.environ.get("DIURNA_RECIPIENT_RANKER") != "0" else None

    @classmethod
    def load(cls, path: pathlib.Path = MODEL_PATH) -> "StatementModel":
        with open(path, encoding="utf-8") as f:
            return cls(json.load(f))

    def probabilities(self, f: dict[str, float]) -> dict[str, float]:
        return {t: logistic(self.bias[t], self.weights[t], f) for t in self.types}

    def recipient_probability(self, plover: str, option: tuple) -> float:
        """P(the recipient the rules chose is the act's) by the recipient model; 1.0 without one."""
        if self.recipient is None:
            return 1.0
        rule, _, pair = option[:3]
        agree = option[3] if len(option) > 3 else 0
        return logistic(
            self.recipient["bias"], self.recipient["weights"], recipient_features(plover, rule, pair, agree)
        )

    def recipients(self, doc: ArticleDoc, st: Statement, arguments) -> dict[str, tuple]:
        """Per type: (the statement's candidate with its recipient, the rule that found it)."""
        if self.ranker is None:
            return {t: targeted(doc, st, t, arguments) for t in self.types}
        own = recipient_options(doc, st)
        out = {}
        for t in self.types:
            cand = candidate(doc, st, t)
            target, rule = ranked_choice(doc, st, cand, arguments, self.ranker, own)
            out[t] = (dataclasses.replace(cand, target=target), rule)
        return out

    def may_read(self, f: dict[str, float]) -> bool:
        """Whether any type could reach its threshold whatever recipient the rules find: the score on
        the statement's own features plus the most its options can add (`option_gain`), the recipient
        model's factor taken as 1. Choosing a recipient for every type runs the argument chooser
        once per type; a statement no type can read is left before that (the outputs are the same)."""
        own = {k: v for k, v in f.items() if not k.startswith(OPTION_PREFIXES)}
        return any(
            logistic(self.bias[t] + self.option_gain[t], self.weights[t], own) >= self.lowest_threshold(t)
            for t in self.types
        )

    def threshold_for(self, plover: str, rule: Optional[str]) -> float:
        """The threshold of `plover` for a statement whose recipient `rule` found (`rule_threshold`)."""
        return self.rule_threshold.get(plover, {}).get(rule or "none", self.threshold[plover])

    def lowest_threshold(self, plover: str) -> float:
        return min([self.threshold[plover]] + list(self.rule_threshold.get(plover, {}).values()))

    def reading(self, f: dict[str, float], options: dict[str, tuple]) -> tuple[Optional[str], float]:
        """(the most probable type at or over its threshold, else None; its probability). `options`:
        per type, (name of the target rule that found its recipient or None, whether the stage already
        has that type from the speaker there, `pair_features` of speaker and recipient, and how many
        target rules name that recipient); a type already coded, or without a recipient when the model
        needs one, is not read."""
        probs = {
            t: logistic(self.bias[t], self.weights[t], with_rule(f, options[t][0], options[t][2]))
            * self.recipient_probability(t, options[t])
            for t in self.types
            if not options[t][1] and (options[t][0] is not None or not self.need_target)
        }
        if not probs:
            return None, 0.0
        best = max(probs, key=lambda t: probs[t])
        return (best if probs[best] >= self.threshold_for(best, options[best][0]) else None), probs[best]

    def candidates(
        self, doc: ArticleDoc, existing: list[Candidate], arguments: Optional["ArgumentModel"] = None
    ) -> list[Candidate]:
        """A candidate per statement the model reads as an act, unless the stage already has an event
        of that type from the same speaker inside the quote. A model whose thresholds are all above 1
        (the packaged one when no threshold passed the held-out bar) reads nothing: it costs nothing."""
        out: list[Candidate] = []
        if all(self.lowest_threshold(t) > 1.0 for t in self.types):
            return out
        for st in statements(doc):
            f = features(doc, st, existing)
            if not self.may_read(f):
                continue
            made = self.recipients(doc, st, arguments)
            options = {
                t: (
                    rule,
                    already_coded(st, existing, t),
                    pair_features(_described(doc, st.speaker), _described(doc, c.target)),
                    rule_agreement(doc, st, c, arguments) if self.recipient is not None else 0,
                )
                for t, (c, rule) in made.items()
            }
            plover, _ = self.reading(f, options)
            if plover is not None:
                out.append(made[plover][0])
        return out


# the features `with_rule` adds to a statement's own for one type: one target rule, and at most one
# of each kind of `pair_features`
OPTION_PREFIXES = ("target_rule:", "pair_country:", "target_sector:")


def _most_options_add(weights: dict[str, float]) -> float:
    """The most the option features can add to a type's score (each kind's largest weight, or
    nothing when every weight of the kind is negative: a rule with no weight, or no pair, adds 0)."""
    return sum(max([0.0] + [w for k, w in weights.items() if k.startswith(prefix)]) for prefix in OPTION_PREFIXES)


def with_rule(f: dict[str, float], rule: Optional[str], pair: tuple[str, ...] = ()) -> dict[str, float]:
    """The statement's features with the rule that found its recipient for one type and what speaker
    and recipient are to each other (the model learns how far each choice is to be trusted)."""
    out = {**f, "target_rule:" + (rule or "none"): 1.0}
    out.update((name, 1.0) for name in pair)
    return out


def recipient_features(plover: str, rule: Optional[str], pair: tuple[str, ...], agree: int) -> dict[str, float]:
    """What the recipient model reads: the act's type, the rule that found the recipient, how many
    rules name the same one (held out on the labelled PolNeAR statements, a recipient named by three
    rules was right about three times in four, one named by the argument chooser alone about half the
    time), and what speaker and recipient are to each other."""
    out = {"type:" + plover: 1.0, "target_rule:" + (rule or "none"): 1.0, "agree:" + str(min(agree, 3)): 1.0}
    out.update((name, 1.0) for name in pair)
    return out


def rule_agreement(doc: ArticleDoc, st: Statement, cand: Candidate, arguments) -> int:
    """How many rules of TARGET_RULES name the candidate's target (0 without one)."""
    if cand.target is None:
        return 0
    found = (rule.find(doc, st, cand, arguments) for rule in TARGET_RULES)
    return sum(1 for a in found if a is not None and a.actor_id == cand.target.actor_id)


def _described(doc: ArticleDoc, arg: Optional[Argument]) -> Optional[tuple[Optional[str], Optional[str]]]:
    actor = doc.actor(arg.actor_id) if arg is not None else None
    return (actor.country, actor.sector) if actor is not None else None


def pair_features(speaker: Optional[tuple], target: Optional[tuple]) -> tuple[str, ...]:
    """Speaker and recipient, each as (country, sector) or None: the same country or another (an
    accusation is mostly about another side; a recipient of the speaker's own country is more often
    a misread of who is talking), and the recipient's sector."""
    if target is None:
        return ()
    sc, tc = (speaker or (None, None))[0], target[0]
    side = "unknown" if not sc or not tc else "same" if sc == tc else "other"
    return ("pair_country:" + side, "target_sector:" + (target[1] or "none"))


def targeted(doc: ArticleDoc, st: Statement, plover: str, arguments) -> tuple[Candidate, Optional[str]]:
    """The statement's candidate of `plover` with its target, and the name of the rule that chose it."""
    cand = candidate(doc, st, plover)
    target, rule = choose_target(doc, st, cand, arguments)
    return dataclasses.replace(cand, target=target), rule


def ranked_choice(
    doc: ArticleDoc, st: Statement, cand: Candidate, arguments, ranker: dict, options=None
) -> tuple[Optional[Argument], Optional[str]]:
    """(the recipient ranker's choice among the options (`recipient_options`, computed when not
    given) and the actors a target rule names, the first rule naming it or "ranker"). A `fallback`
    ranker keeps the first rule's recipient and chooses only where no rule finds one."""
    found = {rule.name: rule.find(doc, st, cand, arguments) for rule in TARGET_RULES}
    alts = {name: (a.actor_id if a is not None else None) for name, a in found.items()}
    own = options if options is not None else recipient_options(doc, st)
    args = {a.actor_id: a for a, _ in own}
    args.update((a.actor_id, a) for a in found.values() if a is not None and a.actor_id not in args)
    scored = with_rule_named([(a.actor_id, f) for a, f in own], alts, cand.plover, st.speaker.actor_id)
    if not scored:
        return None, None
    if ranker.get("fallback"):
        # the rules first, in order; the ranker only where none finds a recipient
        first = next(((name, a) for name, a in found.items() if a is not None), None)
        if first is not None:
            return first[1], first[0]
    _, best = max((logistic(ranker["bias"], ranker["weights"], f), actor) for actor, f in scored)
    rule = next((name for name, a in alts.items() if a == best), "ranker")
    return args[best], rule


def already_coded(st: Statement, existing: list[Candidate], plover: str) -> bool:
    """Whether the stage already has an event of `plover` from the speaker in the quote's content, on
    its cue verb or in the sentence of the content's predicate (the trainer asks it too)."""
    lo, hi = st.content.start, st.content.end
    cue_i = st.cue.i if st.cue is not None else -1
    return any(
        c.plover == plover
        and c.source is not None
        and c.source.actor_id == st.speaker.actor_id
        and (lo <= c.trigger_start < hi or c.trigger_start == cue_i or c.sentence_start == st.head.sent.start)
        for c in existing
    )


@functools.lru_cache(maxsize=1)
def default_statement_model() -> Optional[StatementModel]:
    """The packaged model; None when it is missing, of another encoding, or switched off with
    DIURNA_STATEMENTS=0 (the trainer codes articles without it). DIURNA_STATEMENTS_MODEL names
    another file (the trainer's held-out runs)."""
    if os.environ.get("DIURNA_STATEMENTS") == "0":
        return None
    path = pathlib.Path(os.environ.get("DIURNA_STATEMENTS_MODEL") or MODEL_PATH)
    if not path.exists():
        return None
    try:
        return StatementModel.load(path)
    except (ValueError, KeyError, OSError) as exc:
        log.warning("statement model not used: %s", exc)
        return None
