"""The time stage's rule examples, comments and test sentences are our own words (ENGINEER9: never
an evaluation sentence in tests or rules). tests/test_eval_realtext.py guards the whole repository
at 8-word runs; the time stage is held to 6, which also catches a short clause copied with its
names (dates10 had four in its comments, reworded by review10): at 6 words nothing in diurna/time or
tests/time repeats a tune text. Only the tune part is read (split_of before opening)."""

from __future__ import annotations

import pathlib
import re

import pytest

REPO = pathlib.Path(__file__).resolve().parents[2]

RUN = 6


def _runs(text: str) -> set[str]:
    words = re.findall(r"[a-z0-9]+(?:'[a-z]+)?", text.lower())
    return {" ".join(words[i : i + RUN]) for i in range(len(words) - RUN + 1)}


def _tune_runs(rt) -> dict[str, str]:
    """Each RUN-word run exactly one tune text holds -> its id (a run two texts share is stock phrasing)."""
    seen: dict[str, str] = {}
    shared: set[str] = set()
    for path in sorted((rt.OPEN_SET / "articles").glob("*.txt")):
        article = path.name.split("_")[0]
        if rt.split_of(article) != "tune":
            continue  # never opened
        for run in _runs(path.read_text(encoding="utf-8")):
            if seen.get(run, article) != article:
                shared.add(run)
            seen[run] = article
    return {run: article for run, article in seen.items() if run not in shared}


def test_the_time_stage_repeats_no_clause_of_a_tune_text(load_script):
    rt = load_script("eval_realtext")
    if not (rt.OPEN_SET / "articles").is_dir():
        pytest.skip("eval/opennews is not in this checkout")
    tune = _tune_runs(rt)
    copied = []
    for folder in ("diurna/time", "tests/time"):
        for path in sorted((REPO / folder).rglob("*")):
            if path.suffix in (".py", ".yaml", ".yml") and path.is_file():
                for run in sorted(_runs(path.read_text(encoding="utf-8")) & tune.keys()):
                    copied.append("%s: %r (%s)" % (path.relative_to(REPO), run, tune[run]))
    assert not copied, "a tune text's words:\n  " + "\n  ".join(copied)
