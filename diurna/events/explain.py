"""`diurna explain ARTICLE.txt`: every event candidate of a text and what became of it (issue #26).

The events stage makes candidates from the parse and leaves many out: a rule that says the act is not
reported as done (an `if` clause, a question, a demand of another; candidates.NOT_REPORTED_ACTS), a
negated intention, the pair classifier sure there is no event, a duplicate, the verifier's probability
under its threshold, no recipient in a story (stage.DROP_STEPS). The output says only how many were
left out (`events_withheld`); this command says which, and which step or rule left each out, so that a
user who misses an event sees whether the stage never proposed it (nothing here: the lexicons and
the detector did not read the verb, or its parties are no actors) or withheld it, and why.

    diurna explain article.txt --pubdate 2024-03-01
    echo "Text ..." | diurna explain - --pubdate 2024-03-01 --withheld
    diurna explain article.txt --json          # one JSON object per candidate

It runs the events stage a second time on the coded article, with the extractor's `trace` on; what the
stage emits is the same as `diurna code` emits (the stage is deterministic).
"""

from __future__ import annotations

import argparse
import json
import sys
from dataclasses import asdict, dataclass
from typing import Optional

from diurna.document import ArticleDoc
from diurna.events import stage as st

WITHHELD_BY_RULE = "rule"  # the `step` of a candidate a named rule withheld (its name is in `rule_withheld`)


@dataclass(frozen=True)
class Explained:
    """One candidate and its fate."""

    emitted: bool
    step: str  # stage.EMITTED, a stage.DROP_STEPS step, stage.NEGATED_INTENTION, or WITHHELD_BY_RULE
    type: str
    trigger: str
    start: int  # character offset of the trigger
    source: Optional[str]  # the actor's name
    target: Optional[str]
    rule: str  # the rule that proposed the candidate
    rule_withheld: Optional[str]  # the rule that withheld it (step WITHHELD_BY_RULE)
    confidence: Optional[float]  # the verifier's probability, where the record was made
    threshold: Optional[float]  # the verifier's threshold for this text (below-threshold)
    sentence: str


def explain(doc: ArticleDoc, stage: st.EventStage) -> list[Explained]:
    """Every candidate of a coded article, in text order, with what became of it. The article's own
    record (its events and count of withheld events) is left as it was."""
    if doc.spacy_doc is None:
        return []
    article, events = doc.article, list(doc.events)
    stage.extract.trace = []
    try:
        fates = stage.decide(doc)
        withheld = list(stage.extract.trace)
    finally:
        stage.extract.trace = None
        doc.article, doc.events = article, events
    threshold = stage.threshold_for(doc)
    out = [_fate(doc, f, threshold) for f in fates]
    out += [_withheld(doc, cand, why) for cand, why in withheld]
    return sorted(out, key=lambda e: (e.start, not e.emitted, e.type))


def _name(doc: ArticleDoc, actor_id: Optional[str]) -> Optional[str]:
    actor = doc.actor(actor_id) if actor_id is not None else None
    return actor.name if actor is not None else actor_id


def _sentence(doc: ArticleDoc, token_start: int) -> str:
    sent = doc.spacy_doc[token_start].sent
    return " ".join(sent.text.split())


def _fate(doc: ArticleDoc, fate: st.Fate, threshold: float) -> Explained:
    cand, event = fate.cand, fate.event
    trigger = doc.spacy_doc[cand.trigger_start : cand.trigger_end]
    return Explained(
        emitted=fate.step == st.EMITTED,
        step=fate.step,
        type=event.type if event is not None else cand.plover,
        trigger=trigger.text,
        start=trigger.start_char,
        source=_name(doc, cand.source.actor_id if cand.source else None),
        target=_name(doc, cand.target.actor_id if cand.target else None),
        rule=cand.rule,
        rule_withheld=None,
        confidence=event.confidence if event is not None else None,
        threshold=threshold if fate.step == st.BELOW_THRESHOLD else None,
        sentence=_sentence(doc, cand.trigger_start),
    )


def _withheld(doc: ArticleDoc, cand, why: str) -> Explained:
    trigger = doc.spacy_doc[cand.trigger_start : cand.trigger_end]
    return Explained(
        emitted=False,
        step=st.NEGATED_INTENTION if why == st.NEGATED_INTENTION else WITHHELD_BY_RULE,
        type=cand.plover,
        trigger=trigger.text,
        start=trigger.start_char,
        source=_name(doc, cand.source.actor_id if cand.source else None),
        target=_name(doc, cand.target.actor_id if cand.target else None),
        rule=cand.rule,
        rule_withheld=None if why == st.NEGATED_INTENTION else why,
        confidence=None,
        threshold=None,
        sentence=_sentence(doc, cand.trigger_start),
    )


def describe(e: Explained) -> str:
    """One line for a person: the fate, then the event, then the sentence."""
    if e.emitted:
        fate = "emitted (p=%.2f)" % e.confidence if e.confidence is not None else "emitted"
    elif e.step == st.BELOW_THRESHOLD:
        fate = "withheld: below the threshold (p=%.2f < %.2f)" % (e.confidence or 0.0, e.threshold or 0.0)
    elif e.step == st.RECIPIENTLESS:
        fate = "withheld: no recipient in a story (recipientless-in-story)"
    elif e.step == WITHHELD_BY_RULE:
        fate = "withheld by rule %s" % e.rule_withheld
    else:
        fate = "withheld: %s" % e.step
    return "%s\n    %s %r  %s -> %s  [proposed by %s]\n    | %s" % (
        fate,
        e.type,
        e.trigger,
        e.source or "-",
        e.target or "-",
        e.rule,
        e.sentence,
    )


# ---------------------------------------------------------------------- the command


def register(subparsers) -> None:
    parser = subparsers.add_parser(
        "explain",
        help="every event candidate of an article and the step or rule that emitted or withheld it",
        description=__doc__,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("path", metavar="ARTICLE.txt", help="a plain-text article, or - for stdin")
    parser.add_argument("--pubdate", help="publication date (YYYY-MM-DD)")
    parser.add_argument("--withheld", action="store_true", help="only the candidates left out")
    parser.add_argument("--json", action="store_true", help="one JSON object per candidate")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from diurna.cli import check_pubdate
    from diurna.pipeline import Pipeline

    check_pubdate(args.pubdate)  # the same refusal as `diurna code --pubdate`
    try:
        text = sys.stdin.read() if args.path == "-" else open(args.path, encoding="utf-8").read()
    except (OSError, UnicodeDecodeError) as exc:
        print("diurna explain: %s: %s" % (args.path, exc), file=sys.stderr)
        return 1
    pipeline = Pipeline(default_pubdate=args.pubdate)
    stage = next(s for s in pipeline.stages if isinstance(s, st.EventStage))
    try:
        doc = pipeline.code_text(text, args.pubdate)
    except ValueError as exc:  # no text, not English: the ingest error, said as `diurna code` says it
        print("diurna explain: %s" % exc, file=sys.stderr)
        return 1
    rows = [e for e in explain(doc, stage) if not (args.withheld and e.emitted)]
    for e in rows:
        print(json.dumps(asdict(e), ensure_ascii=False) if args.json else describe(e))
    if not args.json:
        left = sum(not e.emitted for e in rows)
        print("%d candidates: %d emitted, %d withheld" % (len(rows), len(rows) - left, left), file=sys.stderr)
    return 0
