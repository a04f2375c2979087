"""KB load time and per-article actor resolution time (the figures in docs/evaluation.md, ## Actors).

    nice .venv/bin/python tests/actors/bench_actors.py

Run from the repository root; reads examples/txt/*.txt and, when present, the seed article in ../shared.
"""

import pathlib
import resource
import time

t = time.process_time()
w = time.perf_counter()
from diurna.actors.kb import KnowledgeBase

kb = KnowledgeBase.load()
print(
    "KB load: %.2f CPU s (%.2f s wall), %d actors, %d names; peak RSS %.0f MB"
    % (
        time.process_time() - t,
        time.perf_counter() - w,
        len(kb.actors),
        len(kb.by_name),
        resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
    )
)
from diurna import nlp
from diurna.actors import ActorStage
from diurna.document import ArticleDoc
from diurna.records import Article

texts = [p.read_text() for p in sorted(pathlib.Path("examples/txt").glob("*.txt"))] + [
    p.read_text() for p in [pathlib.Path("../shared/seed/rouhani-haniyeh-2017.txt")] if p.is_file()
]
docs = list(nlp.load().pipe(texts))
stage = ActorStage(kb)
t = time.process_time()
for _ in range(5):
    for i, (text, d) in enumerate(zip(texts, docs)):
        a = ArticleDoc(article=Article(id=str(i), text=text, published="2018-01-01"))
        a.spacy_doc = d
        stage(a)
n = 5 * len(texts)
words = sum(len(x.split()) for x in texts) * 5
print(
    "resolution: %.1f ms CPU per article (%d articles, %.0f words each on average)"
    % (1000 * (time.process_time() - t) / n, len(texts), words / n)
)
