"""Print the pass rate of the labelled temporal-expression sets, with every failure.

.venv/bin/python tests/time/score_cases.py cases.yaml heldout.yaml
"""

from __future__ import annotations

import pathlib
import sys

sys.path.insert(0, str(pathlib.Path(__file__).parent))

from test_cases import load_cases, score  # noqa: E402


def main(names: list[str]) -> None:
    from diurna import nlp
    from diurna.document import ArticleDoc
    from diurna.records import Article
    from diurna.time import TimeStage

    parser, stage = nlp.load(), TimeStage()

    def time_doc(text: str, published: str) -> ArticleDoc:
        doc = ArticleDoc(article=Article(id="case", text=text, published=published))
        doc.spacy_doc = parser(text)
        stage(doc)
        return doc

    for name in names or ["cases.yaml", "heldout.yaml"]:
        cases = load_cases(name)
        rate, failures = score(time_doc, cases)
        print("%s: %d/%d exact (start, end, granularity) = %.3f" % (name, len(cases) - len(failures), len(cases), rate))
        for line in failures:
            print("  FAIL", line)


if __name__ == "__main__":
    main(sys.argv[1:])
