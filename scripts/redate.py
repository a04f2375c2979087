"""Re-date the events of a `diurna code` output with this checkout's time stage, and name the
anchor rule that decided each date: for measuring a change to the time stage without coding the
articles again (dates feed no other stage), and for sorting the errors by construction.

    python scripts/redate.py OUT.jsonl NEW.jsonl [--cache DIR] [--off rule,rule]
    python scripts/eval_dates.py realnews NEW.jsonl --gold GOLD.jsonl --by-rule [-v]

Each event of NEW.jsonl gets the date `event_date` gives its trigger now, and `date_rule`: the name
of the anchor rule that decided (`anchoring.ANCHOR_RULES`), or `governing`/`published` for the
fallbacks of `event_date`. Parses are kept in DIR (one spaCy DocBin per article text) so a second
run costs only the time stage. Run from the checkout's root with the project's Python.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import sys

# this checkout's `diurna`, not the one installed in the virtualenv
sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))


def _parse(texts: list[str], cache: str | None):
    from spacy.tokens import DocBin

    from diurna import nlp

    keys = [hashlib.sha1(t.encode("utf-8")).hexdigest() for t in texts]
    docs: dict[str, object] = {}
    todo = []
    for key, text in zip(keys, texts):
        path = os.path.join(cache, key + ".spacy") if cache else None
        if path and os.path.exists(path):
            docs[key] = next(iter(DocBin().from_disk(path).get_docs(nlp.load().vocab)))
        else:
            todo.append((key, text))
    for (key, _), sdoc in zip(todo, nlp.parse([t for _, t in todo])):
        docs[key] = sdoc
        if cache:
            DocBin(docs=[sdoc]).to_disk(os.path.join(cache, key + ".spacy"))
    return [docs[k] for k in keys]


def deciding_rule(doc, token: int, off: set[str], learned: bool = True) -> tuple[object, str]:
    """The date `event_date` gives and the name of the rule (or discourse source) that gave it."""
    from diurna.time import anchoring
    from diurna.time.chooser import choose
    from diurna.time.dating import date_of_token
    from diurna.time.stage import publication_date

    chosen = choose(doc, token) if learned and not off else None
    if chosen is not None:
        return chosen
    decided = anchoring.deciding_rule(doc, token, off)
    if decided is not None:
        return decided
    date = date_of_token(doc, token)
    return (date, "governing") if date is not None else (publication_date(doc), "published")


def main(argv: list[str] | None = None) -> None:
    from diurna.document import ArticleDoc
    from diurna.records import Article
    from diurna.time import TimeStage

    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("pred")
    ap.add_argument("out")
    ap.add_argument("--cache", help="folder for the parses (made if missing)")
    ap.add_argument("--off", default="", help="anchor rules to switch off, comma-separated (the rules alone decide)")
    ap.add_argument("--rules-only", action="store_true", help="the anchor rules' choice, without the learned chooser")
    args = ap.parse_args(argv)
    if args.cache:
        os.makedirs(args.cache, exist_ok=True)
    off = {r for r in args.off.split(",") if r}
    records = [json.loads(line) for line in open(args.pred, encoding="utf-8") if line.strip()]
    coded = [r for r in records if "article" in r and r["article"].get("published")]
    parses = _parse([r["article"]["text"] for r in coded], args.cache)
    stage, changed, n = TimeStage(), 0, 0
    for rec, sdoc in zip(coded, parses):
        a = rec["article"]
        doc = ArticleDoc(article=Article(id=a["id"], text=a["text"], published=a["published"]))
        doc.spacy_doc = sdoc
        stage(doc)
        starts = {t.idx: t.i for t in sdoc}
        for e in rec.get("events", []):
            token = starts.get(e["trigger"]["start"])
            if token is None:
                continue
            date, rule = deciding_rule(doc, token, off, learned=not args.rules_only)
            new = date.model_dump()
            n += 1
            changed += new != e["date"]
            e["date"], e["date_rule"] = new, rule
    with open(args.out, "w", encoding="utf-8") as f:
        for rec in records:
            f.write(json.dumps(rec, ensure_ascii=False) + "\n")
    print("re-dated %d events of %d articles; %d dates changed" % (n, len(coded), changed), file=sys.stderr)


if __name__ == "__main__":
    main()
