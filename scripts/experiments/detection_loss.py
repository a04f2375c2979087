"""Why coded verbs produce no event: for the tune split's gold events on which no predicted event is
located, the verbs of the evidence that the lexicons code (TriggerLexicon.verb_sense) and the first
reason the candidate extractor gives up on each (no subject token, subject not an actor, object not an
actor, a PETRARCH2 sense with an unnamed party), or, where a candidate was made, what became of it
(events/explain.py: the step or named rule that withheld it, with the verifier's probability; or
emitted but located by the scorer on another gold event of the sentence).

Reads the tune split only (scripts/eval_realtext.load(split="tune")) and a verdict file of
`eval_realtext.py --split tune -v` for the located/unlocated gold events; never the frozen part.

    python scripts/experiments/detection_loss.py VERDICTS.v.txt [--cache DOCS.pkl] [--examples 3]
"""

from __future__ import annotations

import argparse
import collections
import pathlib
import pickle
import re
import sys

REPO = pathlib.Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "scripts"))

from diurna.actors.anaphora import names_a_party  # noqa: E402
from diurna.events.arguments import actors_of, first_actors, subject_tokens, target_groups  # noqa: E402
from diurna.events.clause_parties import gerund_adjunct_subjects, listed_subjects  # noqa: E402
from diurna.events.explain import WITHHELD_BY_RULE, explain  # noqa: E402
from diurna.events.stage import BELOW_THRESHOLD, EventStage  # noqa: E402
from diurna.ingest.base import RawArticle  # noqa: E402
from diurna.nlp.syntax import is_passive, is_reduced_passive  # noqa: E402
from diurna.pipeline import Pipeline  # noqa: E402
from eval_realtext import default_data, load  # noqa: E402


def unlocated(verdicts: pathlib.Path) -> set[str]:
    """Gold event ids on which no predicted event is located (as /tmp/lead/lossbreak.py reads them)."""
    gold, located = set(), set()
    for line in verdicts.open(encoding="utf-8"):
        m = re.match(r"\s+gold\s+(\S+)\s+(?:q\s+)?(\S+-e\d+)\s+(\S+)", line)
        if m:
            if m.group(1) != "STRICT":
                gold.add(m.group(2))
            continue
        m = re.match(r"\s+pred (\S+)\s+(\S+) .*-> (\S+-e\d+) type=", line)
        if m:
            located.add(m.group(3))
    return gold - located


def coded_docs(articles, cache: pathlib.Path | None):
    if cache is not None and cache.exists():
        with open(cache, "rb") as f:
            return pickle.load(f)
    pipeline = Pipeline(time_budget=0)
    stage = next(s for s in pipeline.stages if isinstance(s, EventStage))
    raws = [
        RawArticle(origin=m["id"], text=(default_data() / m["file"]).read_text(encoding="utf-8"), date=m["published"])
        for m, _ in articles
    ]
    out = {}
    for (m, _), doc in zip(articles, pipeline(raws)):
        if hasattr(doc, "spacy_doc"):
            # each candidate's fate (events/explain.py): emitted, or the step or rule that withheld it
            fates = {}
            for e in explain(doc, stage):
                fates.setdefault(e.start, []).append(e)
            out[m["id"]] = (doc, fates)
            doc.spacy_doc.user_data.clear()
    if cache is not None:
        with open(cache, "wb") as f:
            pickle.dump(out, f)
    return out


def evidence_span(text: str, evidence: str):
    pattern = r"\s+".join(re.escape(w) for w in evidence.split())
    m = re.search(pattern, text)
    return (m.start(), m.end()) if m else None


def phrase(token) -> str:
    return " ".join(t.text for t in token.subtree)[:60]


def withheld_step(fates: list) -> str:
    """Which step left out a verb's candidates (events/explain.py), the first one's when several."""
    e = fates[0]
    if e.step == WITHHELD_BY_RULE:
        return "rule %s" % e.rule_withheld
    if e.step == BELOW_THRESHOLD:
        return "%s (verifier p < %.2f)" % (e.step, e.threshold or 0.0)
    return e.step


def diagnose(doc, verb, sense, fates) -> tuple[str, str]:
    """The first reason `CandidateExtractor._verb` makes nothing of `verb`, with the words concerned:
    `fates` are the article's candidates by trigger offset (events/explain.py)."""
    if verb.idx in fates:
        made = fates[verb.idx]
        if any(e.emitted for e in made):  # emitted, but the scorer located it on another gold event of the sentence
            return "candidate emitted, located on another gold event (this one's type or parties differ)", verb.text
        e = made[0]
        return "candidate made, withheld: %s" % withheld_step(made), "%s %s -> %s [%s%s]" % (
            verb.text,
            e.source or "-",
            e.target or "-",
            e.rule,
            "" if e.confidence is None else " p=%.2f" % e.confidence,
        )
    if is_reduced_passive(verb) and sense.origin != "diurna":
        return "reduced passive of a broad dictionary", verb.text
    subj = subject_tokens(verb) + listed_subjects(verb) + gerund_adjunct_subjects(verb)
    if not subj:
        where = "%s (dep=%s head=%s)" % (verb.text, verb.dep_, verb.head.text)
        if is_passive(verb):
            return "no subject: agentless passive, no agent from the scene", where
        if verb.dep_ in ("amod", "compound"):
            return "no subject: participle used as an adjective", where
        if verb.dep_ == "pcomp":
            return "no subject: gerund under a preposition", where
        if verb.dep_ == "acl":
            return "no subject: participle or infinitive of a noun", where
        return "no subject: other (%s)" % (
            "clause complement" if verb.dep_ in ("ccomp", "xcomp") else "main, coordinated or adverbial clause"
        ), where
    sources = actors_of(doc, subj)
    if not sources:
        words = "%s <- %s" % (verb.text, " | ".join(phrase(s) for s in subj))
        if all(s.pos_ == "PRON" or s.lower_ in ("that", "which", "who") for s in subj):
            return "subject not an actor: a pronoun left unresolved (it, that, who, we)", words
        return "subject not an actor: a noun phrase", words
    targets = first_actors(doc, target_groups(verb, sense))
    if sense.origin.startswith("petrarch2") and not all(names_a_party(doc, a.mention) for a in sources):
        return "PETRARCH2 sense, party not named", "%s <- %s" % (
            verb.text,
            doc.text[sources[0].mention.start : sources[0].mention.end] + " (" + sources[0].mention.how + ")",
        )
    if not targets:
        objs = [c for c in verb.children if c.dep_ in ("dobj", "nsubjpass", "pobj")]
        return "no target actor (object not an actor)", "%s -> %s" % (verb.text, " | ".join(phrase(o) for o in objs))
    return "other (frame / gate in _verb)", "%s %s" % (verb.text, sense.frame)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0], epilog=__doc__)
    ap.add_argument("verdicts", type=pathlib.Path)
    ap.add_argument("--cache", type=pathlib.Path, help="pickle of the coded tune documents (made if absent)")
    ap.add_argument("--examples", type=int, default=3)
    ap.add_argument("--list", action="store_true", help="every case, not only examples")
    args = ap.parse_args()
    articles = load(default_data(), split="tune")
    missing = unlocated(args.verdicts)
    docs = coded_docs(articles, args.cache)
    from diurna.events.dictionary import TriggerLexicon

    lex = TriggerLexicon.load()
    causes = collections.Counter()
    examples = collections.defaultdict(list)
    no_verb = 0
    for m, gold in articles:
        if m["id"] not in docs:
            continue
        doc, fates = docs[m["id"]]
        for event in gold["events"]:
            if event["id"] not in missing or not event.get("salient", True):
                continue
            span = evidence_span(doc.text, event["evidence"])
            if span is None:
                continue
            verbs = [
                t
                for t in doc.spacy_doc.char_span(*span, alignment_mode="expand") or []
                if t.pos_ == "VERB" and lex.verb_sense(t) is not None
            ]
            if not verbs:
                no_verb += 1
                continue
            types = event["type"] if isinstance(event["type"], list) else event["type"].split("/")
            # the verb whose sense has the gold's type, else the first coded verb
            typed = [v for v in verbs if lex.verb_sense(v).plover in types]
            verb = (typed or verbs)[0]
            cause, words = diagnose(doc, verb, lex.verb_sense(verb), fates)
            causes[cause] += 1
            examples[cause].append("%s %s: %s" % (event["id"], "/".join(types), words))
    total = sum(causes.values())
    print(
        "unlocated salient gold events: %d; with a coded verb in the evidence: %d; without: %d"
        % (len(missing), total, no_verb)
    )
    for cause, n in causes.most_common():
        print("%4d  %s" % (n, cause))
        for ex in examples[cause][: (None if args.list else args.examples)]:
            print("        %s" % ex)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
