"""Learned nominal events: does THIS occurrence of an event noun report a codable event?

nominal.py codes a noun the lexicon lists when its phrase names the parties ("Israel's recognition
of Kosovo", "talks between X and Y"). Real news tells many events by a noun whose phrase names no
actor the rules find, or by a noun no lexicon entry lists: "a second RSF strike on the Zamzam
camp", "the 2021 assassination of President Jovenel Moise", "the trial of rights activist Omar
Radi", "street protests against President Ouattara". The same nouns are just as often no event
of their own ("condemned the attack": the attack is the object of the condemnation; "the threat of
sanctions"; "a deal would ..."). Which is which is learned here, not listed:

- a noun has an event *reading* when the trigger lexicon codes it (triggers.yaml's nouns, their
  conditions met), when it is derived from a verb the lexicon codes ("assassination" of
  "assassinate", "withdrawal" of "withdraw", "arrest" of "arrest"), or when the model's own table,
  counted from the tuning articles' gold, gives the lemma a type ("airdrop", "warrant");
- eligible are nouns no rule coded, that are no actor's mention and not (inside) a coded verb's
  direct object ("fired tear gas", "condemned the attack": its instrument or topic), and that have
  a source: the noun's possessor, compound, adjective or by-phrase, a light verb's subject ("imposed
  a state of emergency"), else the argument chooser's choice (argmodel.py), else the scene's agent of
  force or coercion; the recipient is an against/on/at/with/to/into phrase, "of" for an act done to
  someone ("the assassination of the president"; "the withdrawal of troops": the agent), else the
  chooser's;
- a logistic model (diurna/learned.py) over named features of the occurrence (lemma and reading,
  determiner, plural, a number or date modifier, which of its phrases are actors, the verb governing
  it, where its roles came from, what the rules coded in the sentence) decides; the extractor codes
  the noun when the probability reaches the model's threshold, in the sentences the model allows
  (rule "learned-nominal").

The model, its reading table and threshold are in model/nominal.json, fitted and selected on
held-out tuning articles by scripts/train_nominal.py. Without the file nothing is coded here.
"""

from __future__ import annotations

import dataclasses
import functools
import json
import logging
import pathlib
from typing import TYPE_CHECKING, Optional

from diurna.document import ArticleDoc
from diurna.events import codes
from diurna.events import constructions as cx
from diurna.events import polarity as pol
from diurna.events.arguments import Argument, Candidate, actors_of, subject_tokens
from diurna.events.dictionary import Sense, TriggerLexicon, in_list, prep_objects
from diurna.learned import logistic
from diurna.rules import RuleSet

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

    from diurna.events.argmodel import ArgumentModel

log = logging.getLogger(__name__)
MODEL_PATH = pathlib.Path(__file__).resolve().parent / "model" / "nominal.json"
ENCODING = "nominal-features-4"  # bump when features change: an older model is then refused
RULE = "learned-nominal"
ORIGIN = "nominal-model"

# Suffixes of a noun derived from a verb, and what replaces them to give the verb back (tried in turn).
DEVERBAL = (
    ("ation", ("ate", "e", "")),  # assassination, accusation, condemnation
    ("ition", ("ish",)),  # abolition
    ("ion", ("e", "")),  # execution, rejection
    ("ment", ("",)),  # deployment, imprisonment
    ("al", ("", "e")),  # withdrawal, dismissal, refusal
    ("ure", ("e",)),  # seizure, closure
    ("ing", ("", "e")),  # killing, shelling, bombing
    ("ance", ("", "e")),  # assistance, acceptance
    ("", ("",)),  # arrest, attack, raid, pardon: the same word
)
# The prepositions whose object is the act's recipient; "of" is the recipient of an act done to
# someone ("the assassination of the president") and the agent otherwise ("the withdrawal of troops").
TARGET_PREPS = ("against", "on", "at", "with", "to", "toward", "towards", "into")
DONE_TO = frozenset({"ASSAULT", "COERCE", "SANCTION", "ACCUSE", "THREATEN", "REJECT", "AID", "SUPPORT"})
DETERMINERS = frozenset({"the", "a", "an", "this", "that", "these", "those", "its", "their", "any", "no", "such"})


def verb_reading(lexicon: TriggerLexicon, lemma: str) -> Optional[str]:
    """The PLOVER type of the verb a noun is derived from, when the trigger lexicon codes that verb
    with a sense that needs no context (the first such sense)."""
    for suffix, replacements in DEVERBAL:
        if suffix and not (lemma.endswith(suffix) and len(lemma) > len(suffix) + 2):
            continue
        stem = lemma[: len(lemma) - len(suffix)] if suffix else lemma
        for r in replacements:
            senses = lexicon.verbs.get(stem + r)
            plain = [s for s in senses or () if not s.none and s.specificity == 0]
            if plain:
                return plain[0].plover
    return None


def reading(lexicon: TriggerLexicon, noun: "Token", table: dict[str, str]) -> Optional[tuple[str, str, str]]:
    """(PLOVER type, CAMEO code, where the reading comes from) of a noun, or None when it has none."""
    sense = lexicon.noun_sense(noun)
    if sense is not None:
        return sense.plover, sense.cameo, "lexicon"
    lemma = noun.lemma_.lower()
    if lemma in lexicon.nouns or noun.lower_ in lexicon.nouns:
        return None  # listed, but its condition is unmet ("law" other than "martial law")
    derived = verb_reading(lexicon, lemma)
    if derived is not None:
        return derived, codes.cameo_for(derived, None), "verb"
    if lemma in table:
        return table[lemma], codes.cameo_for(table[lemma], None), "table"
    return None


def _is_actor(doc: ArticleDoc, tokens: list["Token"]) -> bool:
    return bool(actors_of(doc, tokens))


def _light_head(lexicon: TriggerLexicon, noun: "Token") -> Optional["Token"]:
    """The light verb the noun is the object of ("imposed sanctions", "held talks"), if any."""
    if (
        noun.dep_ in ("dobj", "nsubjpass")
        and noun.head.pos_ in ("VERB", "AUX")
        and in_list(noun.head, lexicon.light_verbs)
    ):
        return noun.head
    return None


def roles(
    doc: ArticleDoc, lexicon: TriggerLexicon, noun: "Token", plover: str
) -> tuple[Optional[Argument], Optional[Argument]]:
    """(source, target) from the noun's own phrases (possessor, compound, adjective or by-phrase: the
    agent, as nominal.py reads them), None where they name no actor."""
    own = [c for c in noun.children if c.dep_ in ("poss", "compound", "nmod", "amod") and c.i < noun.i]
    preps = prep_objects(noun)
    sources = actors_of(doc, own) or actors_of(doc, preps.get("by", []))
    light = _light_head(lexicon, noun)
    if not sources and light is not None:
        sources = actors_of(doc, subject_tokens(light)) if noun.dep_ == "dobj" else []
    target_preps = TARGET_PREPS + (("of",) if sources or plover in DONE_TO else ())
    targets = actors_of(doc, [o for p in target_preps for o in preps.get(p, [])])
    if not sources and "of" not in target_preps:
        sources = actors_of(doc, preps.get("of", []))
    source = sources[0] if sources else None
    target = next((t for t in targets if source is None or t.actor_id != source.actor_id), None)
    return source, target


def features(
    doc: ArticleDoc,
    lexicon: TriggerLexicon,
    noun: "Token",
    read: tuple[str, str, str],
    sentence_cands: list[Candidate],
    found: tuple[str, str],
) -> dict[str, float]:
    """The named features of one noun occurrence with an event reading; `found` says where its source
    and target came from (phrase, chooser, episode, none)."""
    plover, _, origin = read
    lemma = noun.lemma_.lower()
    f = {"lemma=" + lemma: 1.0, "type=" + plover: 1.0, "origin=" + origin: 1.0, "dep=" + noun.dep_: 1.0}
    f["lemma_type=%s_%s" % (lemma, plover)] = 1.0
    if noun.tag_ in ("NNS", "NNPS"):
        f["plural"] = 1.0
    dets = [c.lower_ for c in noun.children if c.dep_ in ("det", "predet")]
    f["det=" + (dets[0] if dets and dets[0] in DETERMINERS else ("other" if dets else "none"))] = 1.0
    for c in noun.children:
        if c.i > noun.i:
            continue
        if c.dep_ == "poss":
            f["poss"] = 1.0
            if _is_actor(doc, [c]):
                f["poss_actor"] = 1.0
        elif c.dep_ == "compound":
            f["compound_actor" if _is_actor(doc, [c]) else "compound"] = 1.0
            if c.ent_type_ == "DATE":
                f["date_mod"] = 1.0
        elif c.dep_ == "nummod" or c.ent_type_ in ("DATE", "CARDINAL", "ORDINAL"):
            f["date_or_number_mod"] = 1.0
        elif c.dep_ == "amod":
            f["amod=" + c.lemma_.lower()] = 1.0
    for prep, objs in prep_objects(noun).items():
        f["prep=" + prep] = 1.0
        if _is_actor(doc, objs):
            f["prep_actor=" + prep] = 1.0
    if noun.dep_ == "compound":
        f["is_compound"] = 1.0
    head = noun.head
    if noun.dep_ == "pobj":
        f["pobj_of=" + head.lower_] = 1.0
        head = head.head
    f["gov=%s_%s" % (noun.dep_, head.lemma_.lower())] = 1.0
    if head.pos_ in ("VERB", "AUX"):
        f["gov_verb=" + head.lemma_.lower()] = 1.0
        if in_list(head, lexicon.speech_verbs):
            f["gov_speech"] = 1.0
    if _light_head(lexicon, noun) is not None:
        f["light_verb"] = 1.0
    if pol.is_negated(noun) or any(c.dep_ == "neg" for c in head.children):
        f["negated"] = 1.0
    modality = pol.modality(head)
    if modality != "actual":
        f["modality=" + modality] = 1.0
    f["source=" + found[0]] = 1.0
    f["target=" + found[1]] = 1.0
    types = {c.plover for c in sentence_cands}
    f["sentence=" + ("same" if plover in types else ("other" if types else "none"))] = 1.0
    if noun.sent.start == 0:
        f["first_sentence"] = 1.0
    return f


# What the rules coded in the noun's sentence: an event of the noun's type, only events of other
# types, or nothing (the `sentence=` feature).
SENTENCE_STATES = ("same", "other", "none")


def sentence_state(names: dict[str, float]) -> str:
    return next((n[9:] for n in names if n.startswith("sentence=")), "none")


class NominalModel:
    """The fitted model: a logistic over named features, the learned reading table, the threshold."""

    def __init__(
        self,
        bias: float,
        weights: dict[str, float],
        threshold: float,
        table: dict[str, str],
        sentences: tuple[str, ...] = SENTENCE_STATES,
    ):
        self.bias, self.weights, self.threshold, self.table = bias, weights, threshold, table
        # which sentences a noun may be coded in, by what the rules found there (SENTENCE_STATES):
        # a noun beside a coded verb of another type is mostly that event's topic or circumstance,
        # one beside a verb of its own type a second reading of one event; selected on held-out text
        self.sentences = tuple(sentences)

    @classmethod
    def load(cls, path: pathlib.Path = MODEL_PATH) -> "NominalModel":
        meta = json.loads(path.read_text(encoding="utf-8"))
        if meta.get("encoding") != ENCODING:
            raise ValueError("nominal model %s was built for %r, not %r" % (path, meta.get("encoding"), ENCODING))
        return cls(
            meta["bias"],
            meta["weights"],
            meta["threshold"],
            meta.get("table", {}),
            tuple(meta.get("sentences", SENTENCE_STATES)),
        )

    def probability(self, names: dict[str, float]) -> float:
        return logistic(self.bias, self.weights, names)

    def accepts(self, doc: ArticleDoc, noun: "Token", names: dict[str, float]) -> bool:
        """Whether this occurrence is coded (the training script replaces this to record examples)."""
        if sentence_state(names) not in self.sentences:
            return False
        return self.probability(names) >= self.threshold


@functools.lru_cache(maxsize=1)
def default_nominal_model() -> Optional[NominalModel]:
    """The packaged model, or None when its file is absent or from other features."""
    try:
        return NominalModel.load()
    except (OSError, ValueError, KeyError) as exc:
        log.info("nominal model not available (%s); the noun lexicon alone codes nouns", exc)
        return None


def learned_nominals(
    doc: ArticleDoc,
    lexicon: TriggerLexicon,
    model: NominalModel,
    sent: "Span",
    sentence_cands: list[Candidate],
    coded_triggers: set[int],
    consumed: set[int],
    episode: Optional["cx.Episode"] = None,
    chooser: Optional["ArgumentModel"] = None,
) -> list[Candidate]:
    """One candidate per noun of the sentence the model accepts: nouns that no rule coded, that are not
    an actor's mention nor the direct object of a verb coded in the sentence (`coded_triggers`: the
    noun is that event's instrument or topic), that have an event reading and a source. A noun in
    an adjunct of a coded verb is judged ("were killed in an attack by X": the attack is the
    killing's own event, read twice; "clashes ... after the arrest of": another one).

    The source is the noun's phrases' (`roles`), else the argument chooser's choice among the
    sentence's actors (argmodel.py), else the scene's agent of force or coercion (episode-agent);
    a guessed party GUESS_RULES refuse (a reporter of the act, a police source of a protest) is left
    out; a noun with no source is not coded (who did it is an event's core, as for the rules'
    candidates)."""
    if model.threshold > 1.0:
        return []  # a model packaged inert (no selection passed): no probability reaches it, skip the work
    taken = {i for c in sentence_cands for i in range(c.trigger_start, c.trigger_end)}
    out: list[Candidate] = []
    for noun in sent:
        if noun.pos_ not in ("NOUN", "PROPN") or noun.i in taken or noun.i in consumed:
            continue
        if doc.mention_at_token(noun.i) is not None:
            continue
        read = reading(lexicon, noun, model.table)
        if read is None:
            continue
        if _object_of(noun, coded_triggers):
            continue  # "fired tear gas", "condemned the attack": the coded verb's instrument or topic
        cand, found = _candidate(doc, lexicon, noun, read, sent, episode, chooser)
        if cand is None:
            continue
        names = features(doc, lexicon, noun, read, sentence_cands, found)
        if model.accepts(doc, noun, names):
            out.append(cand)
    return out


def _object_of(noun: "Token", coded_triggers: set[int]) -> bool:
    """Whether the noun is the direct object of a coded verb, or a conjunct or modifier inside it
    ("lobbed teargas canisters": the canisters are the object)."""
    while noun.dep_ in ("conj", "compound", "amod", "nmod") and noun.head.i != noun.i:
        noun = noun.head
    return noun.dep_ == "dobj" and noun.head.i in coded_triggers


def _candidate(
    doc: ArticleDoc,
    lexicon: TriggerLexicon,
    noun: "Token",
    read: tuple[str, str, str],
    sent: "Span",
    episode: Optional["cx.Episode"],
    chooser: Optional["ArgumentModel"],
) -> tuple[Optional[Candidate], tuple[str, str]]:
    """The noun's candidate with its roles, and where they came from; None when no source is found."""
    plover, cameo, _ = read
    source, target = roles(doc, lexicon, noun, plover)
    found = ["phrase" if source is not None else "none", "phrase" if target is not None else "none"]
    light = _light_head(lexicon, noun)
    sense = Sense(
        lemma=noun.lemma_.lower(),
        pos="noun",
        cameo=cameo,
        plover=plover,
        mode=codes.mode_for(plover, cameo),
        origin=ORIGIN,
    )
    polarity = pol.polarity(light) if light is not None else ("negated" if pol.is_negated(noun) else "asserted")
    modality = pol.modality(light if light is not None else noun.head)
    cand = Candidate(
        noun.i, noun.i + 1, sense, plover, cameo, sense.mode, source, target, polarity, modality, RULE, sent.start
    )
    if chooser is not None and (source is None or target is None):
        chosen = chooser.choose(doc, cand)
        for role, before, after in ((0, source, chosen.source), (1, target, chosen.target)):
            if before is None and after is not None:
                found[role] = "chooser"
        cand = chosen
    if chooser is not None:
        cand = _drop_guessed_parties(doc, noun, cand, found)
    if cand.source is None and episode is not None and plover in cx.VICTIM_TYPES:
        agent = episode.agent_for(noun.idx, plover, [cand.target] if cand.target else [])
        if agent is not None and _may_be_guessed(doc, noun, plover, agent, "source"):
            cand = dataclasses.replace(cand, source=agent)
            found[0] = "episode"
    if cand.source is None:
        return None, (found[0], found[1])
    return cand, (found[0], found[1])


# ------------------------------------------------------------------ parties no phrase names
# The noun's own phrases name its parties with some certainty; a party guessed from the sentence
# (the argument chooser's, the scene's agent) is often only someone near it. Two general kinds of
# guess are refused, each a named rule (diurna/rules.py) that can be switched off:
GUESS_RULES = RuleSet("nominal party rule", env="DIURNA_NOMINAL_PARTY_RULES_OFF")
REPORTER_NOT_PARTY = GUESS_RULES.register(
    "reporter-not-party",
    "Reuters reported the attack / the spokesman for the governor said the attack killed twelve: "
    "neither Reuters nor the governor attacked or was attacked",
    "the speaker of a quote (with its relays and the actors its speaker's words name) reports the act "
    "told in its content; the quote stage is the authority on who said what",
)
PROTEST_NOT_BY_STATE_FORCE = GUESS_RULES.register(
    "protest-not-by-state-force",
    "police fired on the demonstrators / the police dispersed a protest: the protest is not the police's",
    "a protest is done by civilians, an opposition or a group, not by the police or the army that police "
    "it; a guessed source of that kind is the other side of the scene",
)
STATE_FORCE = ("COP", "MIL")


def _drop_guessed_parties(doc: ArticleDoc, noun: "Token", cand: Candidate, found: list[str]) -> Candidate:
    """The candidate without the chooser's parties GUESS_RULES refuse (`found` updated)."""
    for k, role in enumerate(("source", "target")):
        arg = getattr(cand, role)
        if found[k] == "chooser" and arg is not None and not _may_be_guessed(doc, noun, cand.plover, arg, role):
            cand = dataclasses.replace(cand, **{role: None})
            found[k] = "none"
    return cand


def _may_be_guessed(doc: ArticleDoc, noun: "Token", plover: str, arg: Argument, role: str) -> bool:
    """Whether a party no phrase of the noun names may fill `role` (GUESS_RULES)."""
    if GUESS_RULES.enabled(REPORTER_NOT_PARTY) and arg.actor_id in _reporters_of(doc, noun):
        return False
    if GUESS_RULES.enabled(PROTEST_NOT_BY_STATE_FORCE) and plover == "PROTEST" and role == "source":
        actor = doc.actor(arg.actor_id)
        code = (actor.code or "") if actor is not None else ""
        if any(code.endswith(s) for s in STATE_FORCE):
            return False
    return True


def _reporters_of(doc: ArticleDoc, noun: "Token") -> set[str]:
    """The actors who report the noun: the speakers, relays and actors named in the speaker's words of
    the quotes whose content holds it, less those the content itself names ("the US said it would
    send aid", "the rebels say they will launch attacks": the speaker tells its own act)."""
    out: set[str] = set()
    for q in doc.quotes:
        if not (q.content.start <= noun.idx < q.content.end):
            continue
        if not _is_clause(doc, q.content):
            continue  # "called for the protest": the content is the act asked for, its caller's to do
        named = {a.id for a in doc.actors if any(q.content.start <= m.start < q.content.end for m in a.mentions)}
        reporters = {a for a in [q.speaker, *q.via] if a}
        if q.speaker_mention is not None:
            span = doc.spacy_doc.char_span(q.speaker_mention.start, q.speaker_mention.end, alignment_mode="expand")
            if span is not None:
                # the speaker's own phrase with its apposition ("X, spokesman for the governor")
                words = [t for t in span.root.subtree if not (q.content.start <= t.idx < q.content.end)]
                reporters.update(a.actor_id for a in actors_of(doc, words))
        out |= reporters - named
    return out


def _is_clause(doc: ArticleDoc, span) -> bool:
    """Whether a quote's content is a clause (has a verb), not only a noun phrase."""
    words = doc.spacy_doc.char_span(span.start, span.end, alignment_mode="expand")
    return words is not None and any(t.pos_ in ("VERB", "AUX") for t in words)
