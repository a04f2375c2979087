"""Event dates on the seed article (../shared/seed): every hand-coded event with a date, dated
from the head of its gold evidence, must meet the scorer's date rule (score_article.py)."""

from __future__ import annotations

import json

from diurna.document import ArticleDoc
from diurna.records import Article
from diurna.time import TimeStage, event_date


def _date_ok(gold: dict, start: str, granularity: str) -> bool:
    # score_article.py: start equals the gold date or falls inside a partial one; granularity equal if given
    inside = any(start == d or (start.startswith(d) and start[len(d)] in "-T") for d in gold["date"])
    return inside and (gold.get("date_granularity") is None or granularity == gold["date_granularity"])


def test_seed_event_dates(nlp, shared_dir, seed_text):
    gold = json.loads((shared_dir / "seed" / "rouhani-haniyeh-2017.gold.json").read_text(encoding="utf-8"))
    doc = ArticleDoc(article=Article(id="seed", text=seed_text, published=gold["article"]["published"]))
    doc.spacy_doc = nlp(seed_text)
    TimeStage()(doc)
    scored, right, wrong = 0, 0, []
    for event in gold["events"]:
        if event.get("evidence") is None or (event.get("date") is None and event.get("date_granularity") is None):
            continue
        at = seed_text.find(event["evidence"])
        assert at >= 0, event["key"]
        trigger = doc.spacy_doc.char_span(at, at + len(event["evidence"]), alignment_mode="expand").root
        date = event_date(doc, trigger.i)
        if event.get("date") is None:  # the gold fixes only the granularity ("several years ago")
            assert date.granularity == event["date_granularity"], event["key"]
            continue
        gold_dates = event["date"] if isinstance(event["date"], list) else [event["date"]]
        scored += 1
        if _date_ok({**event, "date": gold_dates}, date.start, date.granularity):
            right += 1
        else:
            wrong.append((event["key"], date.start, date.granularity))
    assert scored >= 10
    assert right / scored >= 0.95, wrong
