"""CPU cost of the time stage and of `event_date` (the anchor rules alone, and with the learned
chooser), parse excluded.

    python -m diurna.time.benchmark DIR [--pubdates FILE.tsv] [--pubdate YYYY-MM-DD]

DIR holds plain-text articles (*.txt); FILE.tsv maps a file's stem to its publication date
(first two columns). Figures are CPU seconds (`time.process_time`), so they hold on a busy
machine; the one-off dateparser start-up (~0.5 s) is excluded.
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import pathlib
import time


def _pubdates(path: pathlib.Path | None) -> dict[str, str]:
    if path is None:
        return {}
    with path.open(encoding="utf-8") as f:
        return {row[0]: row[1] for row in csv.reader(f, delimiter="\t") if len(row) >= 2}


def main(argv: list[str] | None = None) -> None:
    from diurna import nlp
    from diurna.document import ArticleDoc
    from diurna.records import Article
    from diurna.time import TimeStage, event_date
    from diurna.time.fallback import parse_calendar_date

    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("directory", type=pathlib.Path)
    ap.add_argument("--pubdates", type=pathlib.Path)
    ap.add_argument("--pubdate", default="2017-12-11")
    args = ap.parse_args(argv)

    dates = _pubdates(args.pubdates)
    files = sorted(args.directory.glob("*.txt"))
    texts = [p.read_text(encoding="utf-8") for p in files]
    parsed = list(nlp.parse(texts))
    parse_calendar_date("December the 8th", dt.date(2000, 1, 1))  # dateparser start-up, excluded
    stage = TimeStage()

    docs = []
    t0 = time.process_time()
    for path, text, sdoc in zip(files, texts, parsed):
        doc = ArticleDoc(article=Article(id=path.stem, text=text, published=dates.get(path.stem, args.pubdate)))
        doc.spacy_doc = sdoc
        stage(doc)
        docs.append(doc)
    t1 = time.process_time()
    calls = sum(1 for doc in docs for tok in doc.spacy_doc if tok.pos_ == "VERB")
    # the anchor rules alone, then with the learned chooser (model/dates.json), in one run
    per_call = {}
    for learned in (False, True):
        start = time.process_time()
        for doc in docs:
            for tok in doc.spacy_doc:
                if tok.pos_ == "VERB":
                    event_date(doc, tok.i, learned=learned)
        per_call[learned] = (time.process_time() - start) / max(1, calls) * 1e6
    print(
        "articles=%d chars=%d timexes=%d stage_cpu_ms_per_article=%.2f event_date_calls=%d "
        "event_date_cpu_us_per_call rules=%.1f learned=%.1f"
        % (
            len(docs),
            sum(map(len, texts)),
            sum(len(d.timexes) for d in docs),
            (t1 - t0) / max(1, len(docs)) * 1000,
            calls,
            per_call[False],
            per_call[True],
        )
    )


if __name__ == "__main__":
    main()
