"""Which rules decide each written actor case (tests/actors/cases.yaml): every rule switched off in turn.

    .venv/bin/python scripts/experiments/actor_case_rules.py > rules.json

Prints, per case (in file order), whether it passes and the rules whose switching off makes it fail;
the case file names, of those, the one that fails the fewest cases (issue #20: every case names the
rule it tests; tests/actors/test_cases.py checks that switching it off fails the case)."""

import json
import pathlib
import sys
import time

REPO = pathlib.Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "tests" / "actors"))
import yaml
from actor_cases import check

from diurna.actors import ActorStage, resolve  # noqa
from diurna.actors import country as CR
from diurna.actors import rules as AR
from diurna.document import ArticleDoc
from diurna.ids import article_id
from diurna.nlp import load
from diurna.records import Article

nlp = load()
stage = ActorStage()
cases = yaml.safe_load(open(REPO / "tests" / "actors" / "cases.yaml", encoding="utf-8"))


def run(case, sdoc):
    text = case["text"]
    doc = ArticleDoc(
        article=Article(id=article_id(None, text), text=text, published=str(case.get("date", "2018-06-01")))
    )
    doc.spacy_doc = sdoc
    stage(doc)
    probs = []
    for e in case["expect"]:
        probs.extend(check(doc, e))
    return probs


rules = [("actor", n) for n in AR.RULES] + [("country", n) for n in CR.RULES]
out = []
t0 = time.time()
for k, case in enumerate(cases):
    sdoc = nlp(case["text"])
    base = run(case, sdoc)
    failing_off = []
    if not base:
        for kind, name in rules:
            ctx = AR.switched_off(name) if kind == "actor" else CR.switched_off(name)
            with ctx:
                if run(case, sdoc):
                    failing_off.append(name)
    out.append({"n": k, "passes": not base, "rules": failing_off})
    if k % 25 == 0:
        print(k, round(time.time() - t0), file=sys.stderr, flush=True)
json.dump(out, sys.stdout)
