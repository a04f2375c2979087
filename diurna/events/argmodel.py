"""A learned chooser of an event's source and target among the actors its sentence names.

The extractor's rules (candidates.py, constructions.py) find the trigger and propose arguments from
the constructions someone wrote down; on real news they often pick the wrong actor or none (the
recipient in a prepositional phrase the rules do not know, a victim named in an apposition, the
agent of a nominal event three words away, the party named one sentence before). This model reads
every actor mention of the trigger's sentence (of the one before it too when `PREVIOUS_SENTENCE` is
on, and the rules' own choices wherever they are) and scores it for each role, from the dependency path between trigger and
mention, where the mention stands, what kind of actor it is, whose side it is on against the rules'
choices, whether it holds the thing the event is done to (`holding`: "the broadcaster's headquarters",
"an army base"), the event's type and whether the rules chose it. The stage uses it to fill the roles the rules left
empty. A role the rules filled is kept, unless the model carries an `overrule` setting: then a
second, rule-blind fit (one that never saw which mention the rules chose) may replace it when it is
confident of another mention and gives the rules' choice little chance (`ArgumentModel.decide`; a
setting may name the rule families it judges, those whose choices were often wrong in training). The
packaged model carries no overrule setting (seventh session, targets7b: retrained without the
previous sentence, no setting passed the bar; docs/evaluation.md), and `PREVIOUS_SENTENCE` is off
(fills from outside the sentence were right less often than wrong held out). A few constraints no
score may break sit beside the model: one actor never fills both roles, nor the source's own forces
or phrase, nor the phrase that reports the event, nor as target the event's setting (its place, the
audience of another speech verb, the occasion a where/when clause hangs on, a party named in a
phrase of time, for a request the one a requested act is done to); a reciprocal event gets no added target. The
trainer decides with the same `decide` on the same `Slate`, so that what it selects is what runs.

It is a logistic regression per role fitted by `scripts/train_arguments.py` on real sentences
(PLV_train's marked source and target, and the tuning part of the project's real-text set), stored
as feature names and weights and read with numpy alone. The featurizer is this module's code, used
by both trainer and stage, so the two cannot drift apart.
"""

from __future__ import annotations

import dataclasses
import functools
import json
import logging
import os
import pathlib
from dataclasses import dataclass
from typing import TYPE_CHECKING, Optional

import numpy as np

from diurna.document import ArticleDoc, MentionRef
from diurna.events import codes
from diurna.events import constructions as cx
from diurna.events.arguments import Argument, Candidate, in_time_phrase
from diurna.events.holders import HOLDER_DEPS, holder_mentions, holding
from diurna.nlp.syntax import first_conjunct, is_infinitive, is_passive, tree_path
from diurna.quotes import quote_at

if TYPE_CHECKING:
    from spacy.tokens import Token

log = logging.getLogger(__name__)
MODEL_PATH = pathlib.Path(__file__).resolve().parent / "model" / "arguments.json"
ENCODING = "argument-features-v4"  # bump when features change: an older model is then refused
ROLES = ("source", "target")
BLIND = "_blind"  # suffix of the weights fitted without the features naming the rules' choices
RULE_CHOICE_FEATURES = ("rule_source", "rule_target")  # prefixes of those features
MAX_PATH = 5  # longer dependency paths are one feature value: "long"
# Offer the previous sentence's mentions too (`options`)? Off: on held-out text the model's fills from
# there were more often wrong than right at every stricter threshold tried (docs/evaluation.md, branch
# targets7b), and a wrong party is worse than none.
PREVIOUS_SENTENCE = False


@dataclass(frozen=True)
class Option:
    """One actor mention that may fill a role of one candidate event."""

    mention: MentionRef
    features: tuple[str, ...]


# ------------------------------------------------------------------ where the mentions are


def head_of(doc: ArticleDoc, mention: MentionRef) -> "Token":
    """The syntactic head of a mention's tokens."""
    return doc.spacy_doc[mention.token_start : mention.token_end].root


def options(doc: ArticleDoc, cand: Candidate, previous_sentence: Optional[bool] = None) -> list[MentionRef]:
    """The mentions that may fill a role: every actor mention of the trigger's sentence except one
    inside the trigger itself, those of the sentence before it (`previous_sentence`, by default
    `PREVIOUS_SENTENCE`), and the rules' own choices wherever they stand (a controller or the story's
    actor may be outside the sentence)."""
    sent = doc.spacy_doc[cand.trigger_start].sent
    found = [
        m
        for m in doc.mention_index().starting_in(sent.start, sent.end)
        if not (cand.trigger_start <= m.token_start < cand.trigger_end)
    ]
    seen = {(m.token_start, m.token_end) for m in found}
    if (PREVIOUS_SENTENCE if previous_sentence is None else previous_sentence) and sent.start > 0:
        # the party an event is done to is often named in the sentence before ("AA troops are attacking
        # those watercraft", the junta's, named one sentence earlier); a mention there is offered with
        # features that say where it stands, and the model decides whether such a one ever fills a role
        before = doc.spacy_doc[sent.start - 1].sent
        for m in doc.mention_index().starting_in(before.start, before.end):
            if (m.token_start, m.token_end) not in seen:
                found.append(m)
                seen.add((m.token_start, m.token_end))
    trigger = doc.spacy_doc[cand.trigger_start : cand.trigger_end].root
    for m in holder_mentions(doc, trigger):
        if (m.token_start, m.token_end) not in seen:
            found.append(m)
            seen.add((m.token_start, m.token_end))
    for arg in (cand.source, cand.target):
        if arg is not None and (arg.mention.token_start, arg.mention.token_end) not in seen:
            found.append(arg.mention)
            seen.add((arg.mention.token_start, arg.mention.token_end))
    return found


def reporting_phrase(doc: ArticleDoc, cand: Candidate) -> Optional[tuple[int, int]]:
    """The characters of the phrase naming who reports the event ("..., Ugandan officials said"),
    when the quote stage found one: the one who tells is not a party the chooser may add (the rules'
    own choices stand)."""
    quote = quote_at(doc, doc.spacy_doc[cand.trigger_start].idx)
    speaker = quote.speaker_mention if quote is not None else None
    return (speaker.start, speaker.end) if speaker is not None else None


# Prepositions whose object is where an event happens, not whom it is done to ("killed six people in
# Belgorod", "restricted internet access in Iran", "a curfew across the country").
SETTING_PREPOSITIONS = frozenset({"in", "across", "throughout", "within"})
# Types whose recipient is the state where it happens: troops sent, kept or withdrawn "in" a country
# (CAMEO and PLOVER code the host state, as destination-state does for "to").
HOSTED_TYPES = frozenset({"MOBILIZE", "RETREAT"})
# Is a place that holds the thing acted on ("the hospitals in Ukraine") exempt from the setting
# constraint (`in_setting`)? Off: held out (tune-B, eighth session, branch targets8) the chooser's fills
# of such places were 0 right and 4 wrong ("restricted internet access in Iran": the gold codes the
# Iranian public, not the state); kept as a switch so that it can be measured again.
HOLDER_NOT_SETTING = False


def in_setting(
    doc: ArticleDoc, mention: MentionRef, sense_targets: tuple[str, ...] = (), trigger: Optional["Token"] = None
) -> bool:
    """Whether the mention names the place where the event happens: a place (a toponym the places
    stage located, or a state) that is the object of an 'in'/'across'/'throughout'/'within' phrase,
    unless the trigger's sense makes that preposition its recipient's (`sense_targets`: a curfew
    "across Bangladesh" is imposed on it). The model never adds a setting as a party (the places
    stage codes it as the event's place); the rules' own choices stand. Only with HOLDER_NOT_SETTING
    (off: measured a loss held out) is a phrase that hangs on the thing the event is done to no
    setting (`holding`, given the `trigger`: "rebuild the damaged hospitals in Ukraine")."""
    head = head_of(doc, mention)
    preposition = head.head.lower_
    if head.dep_ != "pobj" or preposition not in SETTING_PREPOSITIONS or preposition in sense_targets:
        return False
    if (
        HOLDER_NOT_SETTING
        and trigger is not None
        and holding(doc, trigger, head) in (("prep_in", True), ("prep_within", True))
    ):
        # unless the thing has a holder of its own ("the broadcaster's headquarters in Omdurman")
        if not any(c.dep_ in HOLDER_DEPS and doc.mention_at_token(c.i) is not None for c in head.head.head.children):
            return False
    actor = doc.actor(mention.actor_id)
    return doc.place_at_token(head.i) is not None or (actor is not None and actor.kind == "country")


# Verbs of speaking whose "to" object or indirect object is an audience ("speaking to reporters",
# "told journalists"), and relative adverbs whose antecedent is an occasion ("met Trump, where he ...").
AUDIENCE_VERBS = frozenset({"speak", "talk", "say", "tell", "brief", "address"})
OCCASION_RELATIVES = frozenset({"where", "when"})


def audience_or_occasion(doc: ArticleDoc, mention: MentionRef, trigger: "Token") -> bool:
    """Whether the mention is the audience of a speech verb other than the trigger ("Speaking to
    reporters, X vowed ...", "X told journalists that ...") or the antecedent of the "where"/"when"
    relative clause the trigger stands in ("met with Trump, where he denounced the deal"), or a phrase
    coordinated with it (`occasion_and_its_siblings`): the one spoken to and the occasion are no
    recipient the chooser may add (audience-or-occasion)."""
    if not cx.enabled(cx.AUDIENCE_OR_OCCASION):
        return False
    head = head_of(doc, mention)
    speech = head.head.head if head.dep_ == "pobj" and head.head.lower_ == "to" else head.head
    if (
        head.dep_ in ("pobj", "dobj", "dative")
        and speech.i != trigger.i
        and speech.lemma_.lower() in AUDIENCE_VERBS
        and (head.dep_ != "dobj" or speech.lemma_.lower() in ("tell", "brief"))
    ):
        return True
    for verb in [trigger] + list(trigger.ancestors):
        if verb.dep_ == "relcl" and any(c.lower_ in OCCASION_RELATIVES and c.dep_ == "advmod" for c in verb.children):
            return head.i in {t.i for t in occasion_and_its_siblings(verb.head)}
        if verb.dep_ in ("ROOT",):
            break
    return False


def occasion_and_its_siblings(antecedent: "Token") -> list["Token"]:
    """The antecedent of an occasion clause and the phrases coordinated with it: its conjuncts, and
    the objects of the same preposition on the same word ("met with the IMF, then with the president,
    where he denounced the deal": the IMF is part of the occasion too)."""
    out = [antecedent, *antecedent.conjuncts]
    prep = antecedent.head
    if antecedent.dep_ == "pobj" and prep.dep_ == "prep":
        for sibling in prep.head.children:
            if sibling.dep_ == "prep" and sibling.lower_ == prep.lower_ and sibling.i != prep.i:
                out += [o for o in sibling.children if o.dep_ == "pobj"]
    return out


def in_event_setting(doc: ArticleDoc, cand: Candidate, mention: MentionRef, trigger: "Token") -> bool:
    """Whether the mention is part of the event's setting, never a target the chooser may add: its place
    (for types not hosted), the audience or occasion of the act, a party named in a phrase of time, or,
    for a request, the one a requested act is done to; for a friendly act, the one it is against."""
    if cand.plover not in HOSTED_TYPES and in_setting(doc, mention, tuple(cand.sense.targets), trigger):
        return True
    if audience_or_occasion(doc, mention, trigger):
        return True
    head = head_of(doc, mention)
    if cx.named_as_adversary(cand.plover, head):
        return True  # "vowed to defend X against Y": Y is no recipient (adversary-not-recipient)
    return in_time_phrase(head) or (cand.plover == "REQUEST" and cx.patient_of_act(head))


# Hostile types, and the verbs of a purpose clause whose object is helped by the act, not hit by it.
HOSTILE_TYPES = frozenset({"ASSAULT", "COERCE", "SANCTION", "THREATEN"})
HELPING_VERBS = frozenset("support help assist aid back protect defend reinforce bolster rescue".split())


def helped_by_act(doc: ArticleDoc, mention: MentionRef, trigger: "Token") -> bool:
    """Whether the mention is whom a hostile act is done to help ("carried out air strikes near the
    border to help Chadian troops"): the object of a helping purpose clause of the trigger or of the verb
    it is the object of. The model never adds such an ally as the target."""
    head = head_of(doc, mention)
    head = first_conjunct(head)  # "to support the army and the police"
    verb = head.head
    if head.dep_ != "dobj" or verb.lemma_.lower() not in HELPING_VERBS or not is_infinitive(verb):
        return False
    return verb.head.i in (trigger.i, trigger.head.i) and verb.dep_ in ("acl", "advcl", "xcomp", "relcl")


def inside(mention: MentionRef, span: Optional[tuple[int, int]]) -> bool:
    return span is not None and span[0] <= mention.start and mention.end <= span[1]


def owned_by(doc: ArticleDoc, mention: MentionRef, other: Argument) -> bool:
    """Whether the mention names the other role's own people or things: its possessor is that actor
    ("Russia withdrew its forces", "Venezuela mobilized its army", "Kenya's police"), or it lies inside
    the other role's own phrase ("Sudanese" in "Sudanese factions"). An actor's own forces or country
    are not what it acts on."""
    held = other.mention
    if held.token_start <= mention.token_start and mention.token_end <= held.token_end:
        return True
    head = head_of(doc, mention)
    for child in head.children:
        if child.dep_ == "poss":
            owner = doc.mention_at_token(child.i)
            if owner is not None and owner.actor_id == other.actor_id:
                return True
            if owner is None and child.lower_ in ("its", "their") and _nearest_subject_is(doc, head, other):
                return True
    return False


def _nearest_subject_is(doc: ArticleDoc, head: "Token", other: Argument) -> bool:
    """An unresolved "its"/"their" refers to the nearest clause subject above it ("Venezuela agreed
    to withdraw its troops": the subject of "agreed"), when that is the actor."""
    for verb in [clause_verb(head)] + [t for t in clause_verb(head).ancestors if t.pos_ in ("VERB", "AUX")]:
        subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
        if subjects:
            owner = doc.mention_at_token(subjects[0].i)
            return owner is not None and owner.actor_id == other.actor_id
    return False


# ------------------------------------------------------------------ features


def dependency_path(trigger: "Token", head: "Token") -> str:
    """The path from trigger to mention through their lowest common ancestor: 'U' steps climb from
    the trigger, 'D' steps descend to the mention; a preposition is named ("D:prep_against/D:pobj")
    because the preposition is what says who the recipient is."""
    path = tree_path(trigger, head)
    if path is None:
        return "none"
    ups, down = path
    if len(ups) + len(down) > MAX_PATH:
        return "long"
    steps = ["U:" + t.dep_ for t in ups] + ["D:" + _step(t) for t in reversed(down)]
    return "/".join(steps) or "self"


def _step(token: "Token") -> str:
    if token.dep_ in ("prep", "agent") or token.dep_ == "dative" and token.pos_ == "ADP":
        return "%s_%s" % (token.dep_, token.lower_)
    return token.dep_


def clause_verb(token: "Token") -> "Token":
    """The verb heading the clause a token stands in (the token itself when it is one)."""
    for t in [token] + list(token.ancestors):
        if t.pos_ in ("VERB", "AUX"):
            return t
    return token.sent.root


def path_prepositions(trigger: "Token", head: "Token") -> list[str]:
    """The prepositions between a mention and the word it hangs on, up to the trigger."""
    path = tree_path(trigger, head)
    climbed = path[1] if path is not None else [head, *head.ancestors]
    return [t.lower_ for t in climbed if t.dep_ in ("prep", "agent")]


def _bucket(n: int) -> str:
    for limit in (2, 5, 10, 20):
        if n <= limit:
            return "<=%d" % limit
    return ">20"


def features(doc: ArticleDoc, cand: Candidate, mention: MentionRef, rank: dict) -> tuple[str, ...]:
    """The named features of one mention for one candidate (the same names serve both roles; each
    role has its own weights)."""
    sdoc = doc.spacy_doc
    trigger = sdoc[cand.trigger_start : cand.trigger_end].root
    head = head_of(doc, mention)
    sent = trigger.sent
    inside = sent.start <= mention.token_start < sent.end
    before = (
        not inside
        and 0 < sent.start
        and mention.token_end <= sent.start
        and sdoc[sent.start - 1].sent.start <= mention.token_start
    )
    path = dependency_path(trigger, head) if inside else ("previous-sentence" if before else "other-sentence")
    first = path.split("/")[0]
    last = path.split("/")[-1]
    actor = doc.actor(mention.actor_id)
    kind = actor.kind if actor is not None else "none"
    sector = (actor.sector or "-") if actor is not None else "-"
    passive = "pass" if is_passive(trigger) else "act"
    quad = str(codes.quad_class(cand.plover))
    side = "left" if mention.token_start < trigger.i else "right"
    out = [
        "bias",
        "path=" + path,
        "path_first=" + first,
        "path_last=" + last,
        "path_type=%s_%s" % (path, cand.plover),
        "path_voice=%s_%s" % (path, passive),
        "last_voice=%s_%s" % (last, passive),
        "path_quad=%s_%s" % (path, quad),
        "trigger_pos=%s_%s" % (trigger.pos_, path),
        "dep=" + head.dep_,
        "dep_side=%s_%s" % (head.dep_, side),
        "side=" + side,
        "side_voice=%s_%s" % (side, passive),
        "dist=" + _bucket(abs(mention.token_start - trigger.i)),
        "how=" + mention.how,
        "kind=" + kind,
        "sector=" + sector,
        "sector_quad=%s_%s" % (sector, quad),
        "kind_type=%s_%s" % (kind, cand.plover),
        "rule=" + rule_family(cand.rule),
    ]
    steps = path.split("/")
    out.append("path_tail=" + "/".join(steps[-2:]))
    out.append("ups=%d" % sum(st.startswith("U:") for st in steps))
    same_clause = inside and clause_verb(head) == clause_verb(trigger)
    if same_clause:
        out += ["same_clause", "clause_dep=%s_%s" % (head.dep_, passive), "clause_dep_side=%s_%s" % (head.dep_, side)]
    if inside:
        for prep in path_prepositions(trigger, head):
            out += ["prep=" + prep, "prep_quad=%s_%s" % (prep, quad), "prep_type=%s_%s" % (prep, cand.plover)]
            if prep in cand.sense.targets:
                # the trigger's lexicon entry names this preposition its recipient's ("a curfew across",
                # "aid to"): what the lexicon knows of the word, for words the data has seldom seen
                out += ["sense_prep", "sense_prep_kind=" + kind]
    lemma = trigger.lemma_.lower()
    out += ["lemma_last=%s_%s" % (lemma, last), "lemma_side=%s_%s" % (lemma, side)]
    out.append("kind_dep=%s_%s" % (kind, head.dep_))
    if rank.get("nearest_left") == mention:
        out.append("nearest_left")
    if rank.get("nearest_right") == mention:
        out.append("nearest_right")
    if rank.get("first") == mention:
        out.append("first_in_sentence")
    for role, arg in (("source", cand.source), ("target", cand.target)):
        if arg is None:
            out.append("rule_%s_none" % role)
        elif arg.actor_id == mention.actor_id:
            out.append("rule_%s" % role)
            out.append("rule_%s_type=%s" % (role, cand.plover))
            if arg.mention == mention:
                out.append("rule_%s_mention" % role)
    quote = rank.get("quote")
    if quote is not None:
        out.append("trigger_in_quote")
        if quote.speaker == mention.actor_id:
            out.append("is_speaker")
        if quote.content.start <= mention.start < quote.content.end:
            out.append("mention_in_same_quote")
    if head in trigger.subtree:
        out.append("under_trigger")
    if trigger in head.subtree:
        out.append("over_trigger")
    out += side_features(doc, cand, mention, actor, sector, quad)
    place = doc.place_at_token(head.i) is not None
    if place:
        out += ["place", "place_dep=%s_%s" % (head.dep_, head.head.lower_), "place_type=" + cand.plover]
    held = holding(doc, trigger, head) if inside else None
    if held is not None:
        # the owner of the thing acted on: the holder of a facility, of property, of a post
        how, thing = held
        out += ["holder=" + how, "holder_thing=%s_%s" % (how, thing), "holder_type=%s_%s" % (thing, quad)]
        out.append("holder_kind=%s_%s" % (thing, kind))
        if place:
            out.append("holder_place=%s" % thing)
    out.append("sector_type=%s_%s" % (sector, cand.plover))
    if before:
        out += ["before_dep=" + head.dep_, "before_kind_type=%s_%s" % (kind, cand.plover)]
    return tuple(out)


def side_features(doc: ArticleDoc, cand: Candidate, mention: MentionRef, actor, sector: str, quad: str) -> list[str]:
    """Whose side the mention is on, against the rules' choice for each role: the same country as the
    rules' source ("Police ... the government", "Algeria's foreign ministry ... Algeria") is seldom
    whom the source acts on, and a state's own organs and territory are its side. Named apart from
    the `rule_*` features: the rule-blind judge keeps them (they say nothing of which mention the
    rules chose for the mention's own role, only whom it would face)."""
    out = []
    for role, arg in (("source", cand.source), ("target", cand.target)):
        if arg is None:
            continue  # (the rules' own choice gets these too: its absence would tell the blind judge)
        other = doc.actor(arg.actor_id)
        mine = actor.country if actor is not None else None
        theirs = other.country if other is not None else None
        relation = "unknown" if not mine or not theirs else ("same" if mine == theirs else "other")
        out += [
            "vs_%s=%s" % (role, relation),
            "vs_%s_sector=%s_%s" % (role, relation, sector),
            "vs_%s_quad=%s_%s" % (role, relation, quad),
        ]
        if relation == "same":
            kind = actor.kind if actor is not None else "none"
            out.append("vs_%s_same_kind=%s" % (role, kind))
            out.append("vs_%s_same_sectors=%s_%s" % (role, (other.sector or "-") if other else "-", sector))
    return out


def _ranks(doc: ArticleDoc, cand: Candidate, found: list[MentionRef]) -> dict:
    trigger = cand.trigger_start
    sent = doc.spacy_doc[trigger].sent
    inside = [m for m in found if sent.start <= m.token_start < sent.end]
    left = [m for m in inside if m.token_end <= trigger]
    right = [m for m in inside if m.token_start >= cand.trigger_end]
    return {
        "nearest_left": max(left, key=lambda m: m.token_start) if left else None,
        "nearest_right": min(right, key=lambda m: m.token_start) if right else None,
        "first": min(inside, key=lambda m: m.token_start) if inside else None,
        "quote": quote_at(doc, doc.spacy_doc[trigger].idx),
    }


def candidate_options(doc: ArticleDoc, cand: Candidate, previous_sentence: Optional[bool] = None) -> list[Option]:
    """Every mention that may fill a role of `cand`, with its features (`options`)."""
    found = options(doc, cand, previous_sentence)
    rank = _ranks(doc, cand, found)
    return [Option(m, features(doc, cand, m, rank)) for m in found]


# ------------------------------------------------------------------ the policy


@dataclass(frozen=True)
class Slate:
    """One candidate's options as the policy sees them, without the document: the stage builds it
    with `slate`, the trainer keeps it with its examples, and both decide with `ArgumentModel.decide`,
    so that the model selected on held-out text is the policy the stage runs, constraints included."""

    features: tuple[tuple[str, ...], ...]
    actors: tuple[str, ...]
    rule: tuple[Optional[int], Optional[int]]  # the options the rules chose for source and target
    reporting: tuple[bool, ...]  # inside the phrase that reports the event: never added
    owned: tuple[frozenset[int], ...]  # owned[i]: the options whose actor owns option i (`owned_by`)
    reciprocal: bool  # a reciprocal sense: a target is never added (its parties are the rules' to pair)
    setting: tuple[bool, ...] = ()  # names where the event happens (`in_setting`): never added as target
    outside: tuple[bool, ...] = ()  # outside the trigger's sentence (`outside_sentence`): a stricter bar
    rule_name: str = ""  # the family of the rule that proposed the candidate ("direct", "scene-victim")
    helped: tuple[bool, ...] = ()  # whom a hostile act is done to help (`helped_by_act`): never added as target


OUTSIDE_PATHS = ("path=previous-sentence", "path=other-sentence")


def rule_family(rule: str) -> str:
    """The family of a candidate's rule name ("state-authority:story-coercer" -> "state-authority")."""
    return rule.split(":")[0]


def outside_sentence(names: tuple[str, ...]) -> bool:
    """Whether an option's features place it outside the trigger's sentence (`features`' path)."""
    return any(n in OUTSIDE_PATHS for n in names)


def slate(doc: ArticleDoc, cand: Candidate, previous_sentence: Optional[bool] = None) -> tuple[Slate, list[Option]]:
    opts = candidate_options(doc, cand, previous_sentence)
    trigger = doc.spacy_doc[cand.trigger_start : cand.trigger_end].root
    mentions = [o.mention for o in opts]
    args = [Argument(m.actor_id, m) for m in mentions]
    phrase = reporting_phrase(doc, cand)

    def index(arg: Optional[Argument]) -> Optional[int]:
        if arg is None:
            return None
        if arg.mention in mentions:
            return mentions.index(arg.mention)
        # `options` offers one mention per span: the rules' may be another reading of the same words
        span = (arg.mention.token_start, arg.mention.token_end)
        return next(k for k, m in enumerate(mentions) if (m.token_start, m.token_end) == span)

    owned = tuple(
        frozenset(j for j, other in enumerate(args) if j != i and owned_by(doc, m, other))
        for i, m in enumerate(mentions)
    )
    return (
        Slate(
            features=tuple(o.features for o in opts),
            actors=tuple(m.actor_id for m in mentions),
            rule=(index(cand.source), index(cand.target)),
            reporting=tuple(inside(m, phrase) for m in mentions),
            owned=owned,
            reciprocal=cand.sense.reciprocal,
            setting=tuple(in_event_setting(doc, cand, m, trigger) for m in mentions),
            outside=tuple(outside_sentence(o.features) for o in opts),
            rule_name=rule_family(cand.rule),
            helped=tuple(cand.plover in HOSTILE_TYPES and helped_by_act(doc, m, trigger) for m in mentions),
        ),
        opts,
    )


class ArgumentModel:
    """Weights per role over named features. A role the rules left empty gets the likeliest allowed
    mention when its probability is at least the role's threshold; a role the rules filled is kept,
    unless the model is confident of another mention (`overrule`: at least `confident`) and gives the
    rules' own choice little chance (at most `rule_below`). A mention outside the trigger's sentence
    (the sentence before) is allowed at all only when its probability reaches the role's stricter
    `<role>_outside` threshold, when the model has one (above 1: never): such fills were more often
    wrong than right on held-out text, and a wrong party is worse than none (it puts a false pair
    into dyad counts)."""

    def __init__(
        self,
        vocabulary: dict[str, int],
        weights: dict[str, np.ndarray],
        thresholds: dict[str, float],
        overrule: Optional[dict[str, dict[str, float]]] = None,
    ):
        self.vocabulary, self.weights, self.thresholds = vocabulary, weights, thresholds
        self.overrule = overrule or {}

    @classmethod
    def load(cls, path: pathlib.Path = MODEL_PATH) -> "ArgumentModel":
        meta = json.loads(path.read_text(encoding="utf-8"))
        if meta.get("encoding") != ENCODING:
            raise ValueError(
                "argument model %s was built for features %r, not %r" % (path, meta.get("encoding"), ENCODING)
            )
        weights = {key: np.asarray(w, dtype=np.float64) for key, w in meta["weights"].items()}
        return cls(meta["vocabulary"], weights, meta["thresholds"], meta.get("overrule"))

    def probability(self, role: str, names: tuple[str, ...]) -> float:
        w = self.weights[role]
        score = w[-1] + sum(w[self.vocabulary[n]] for n in set(names) if n in self.vocabulary)
        return float(1.0 / (1.0 + np.exp(-score)))

    def choose(self, doc: ArticleDoc, cand: Candidate, previous_sentence: Optional[bool] = None) -> Candidate:
        """`cand` with the roles the policy (`decide`) fills or overrules; the rules' own arguments
        where it keeps them. `previous_sentence`: offer the sentence before's mentions too (`options`)."""
        if cand.source is not None and cand.target is not None and not self.overrule:
            return cand
        s, opts = slate(doc, cand, previous_sentence)
        picked = self.decide(s)
        args = []
        for role, k in enumerate(picked):
            rule_arg = (cand.source, cand.target)[role]
            if k == s.rule[role]:
                args.append(rule_arg)
            else:
                args.append(None if k is None else Argument(opts[k].mention.actor_id, opts[k].mention))
        return dataclasses.replace(cand, source=args[0], target=args[1])

    def recipient_one_sentence_back(self, doc: ArticleDoc, cand: Candidate, floor: float) -> Optional[Candidate]:
        """`cand` with a recipient from the sentence before its own, when the model gives one a
        probability of at least `floor` (the sentence before's mentions offered, as `options` does
        with `PREVIOUS_SENTENCE`; the source stays the rules'), else None. For an event that would be
        withheld for having no recipient (stage.RECIPIENT_ONE_SENTENCE_BACK)."""
        bar = dict(self.thresholds, target_outside=floor)
        chosen = ArgumentModel(self.vocabulary, self.weights, bar, self.overrule).choose(
            doc, cand, previous_sentence=True
        )
        target = chosen.target
        if target is None or target.mention.start >= doc.spacy_doc[cand.trigger_start].sent.start_char:
            return None
        return chosen

    def decide(self, s: Slate) -> tuple[Optional[int], Optional[int]]:
        """The options (indices into the slate, None for no actor) chosen for source and target. One
        actor never fills both roles, nor the other role's own forces or phrase, nor (when added by
        the model) the phrase that reports the event, nor as target the place where it happens; a reciprocal
        event gets no added target (a meeting the rules left with one party is among its own
        members: "Sudanese factions met")."""
        probs = {key: [self.probability(key, f) for f in s.features] for key in self.weights}
        source = self._decide_role(s, probs, 0, s.rule[1])
        if s.reciprocal and s.rule[1] is None:
            return source, None
        return source, self._decide_role(s, probs, 1, source)

    def _decide_role(self, s: Slate, probs: dict, r: int, other: Optional[int]) -> Optional[int]:
        role, rule = ROLES[r], s.rule[r]
        floor = self.thresholds.get(role + "_outside")

        def allowed(k: int) -> bool:
            if s.reporting[k] or (r == 1 and s.setting and s.setting[k]):
                return False  # the place may still hold the agent ("Whelan, detained in Russia")
            if r == 1 and s.helped and s.helped[k]:
                return False  # an ally the act is done to help is not its recipient
            if floor is not None and s.outside and s.outside[k] and k != rule and probs[role][k] < floor:
                return False
            return other is None or (s.actors[k] != s.actors[other] and other not in s.owned[k])

        scored = [(probs[role][k], k) for k in range(len(s.features)) if allowed(k)]
        best = max(scored, key=lambda pk: pk[0]) if scored else None
        if rule is None:
            return best[1] if best is not None and best[0] >= self.thresholds[role] else None
        over = self.overrule.get(role)
        if over is None or best is None or s.actors[best[1]] == s.actors[rule]:
            return rule
        if over.get("rules") is not None and s.rule_name not in over["rules"]:
            return rule  # only the rules whose choices were often wrong on the training text are judged
        # a rule-blind fit (one that never saw which mention the rules chose), when the model has one,
        # judges the rules' choice: the main fit mostly learned that the rules' choice is right
        judge = probs.get(role + BLIND, probs[role])
        if judge[best[1]] >= over["confident"] and judge[rule] <= over["rule_below"]:
            return best[1]
        return rule


@functools.lru_cache(maxsize=1)
def default_argument_model() -> Optional[ArgumentModel]:
    """The packaged model, or None when its file is absent or from other features, or when
    `DIURNA_ARGUMENT_MODEL=0` asks for the rules alone (to measure what the model adds).
    `DIURNA_ARGUMENT_MODEL_FILE` names another model file (a refit coded end to end on held-out text
    before it replaces the packaged one)."""
    if os.environ.get("DIURNA_ARGUMENT_MODEL", "1").strip() in ("0", "off", "no"):
        return None
    try:
        return ArgumentModel.load(pathlib.Path(os.environ.get("DIURNA_ARGUMENT_MODEL_FILE") or MODEL_PATH))
    except (OSError, ValueError, KeyError) as exc:
        log.info("argument model not available (%s); the rules alone choose sources and targets", exc)
        return None
