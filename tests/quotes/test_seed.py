"""The seed article's quotes, scored as ../shared/eval/score_article.py scores them."""

import json
import subprocess
import sys


def test_seed_quotes_all_attributed(shared_dir, seed_text, pipeline, tmp_path):
    gold = shared_dir / "seed" / "rouhani-haniyeh-2017.gold.json"
    scorer = shared_dir / "eval" / "score_article.py"
    pred = tmp_path / "seed.jsonl"
    pred.write_text(pipeline.code_text(seed_text, "2017-12-11").to_record().model_dump_json() + "\n")
    out = subprocess.run(
        [sys.executable, str(scorer), "--gold", str(gold), "--pred", str(pred), "--json"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    report = json.loads(out)
    metrics = report.get("metrics", report)
    assert metrics["quote_attr"] == 1.0, out
    assert metrics["via_acc"] == 1.0, out
