"""The actor stage's contract with later stages, and the seed article's score."""

from __future__ import annotations

import json
import subprocess
import sys


def test_mentions_are_offsets_into_the_text_and_cover_pronouns(resolve_actors):
    text = (
        "Kenyan President Uhuru Kenyatta met opposition leader Raila Odinga in Nairobi on Friday. "
        "Kenyatta said he wanted the two camps to work together."
    )
    doc = resolve_actors(text)
    for actor in doc.actors:
        assert actor.mentions
        for m in actor.mentions:
            assert text[m.start : m.end] == m.text
    he = text.index(" he ") + 1
    pronoun = next(m for m in doc.mentions if m.start == he)
    assert pronoun.how == "pronoun"
    assert doc.actor(pronoun.actor_id).name == "Uhuru Kenyatta"
    assert doc.actor_at_token(pronoun.token_start) == pronoun.actor_id
    ids = [a.id for a in doc.actors]
    assert len(ids) == len(set(ids))
    assert {m.actor_id for m in doc.mentions} <= set(ids)


def test_actor_ids_are_stable(resolve_actors):
    text = "Hezbollah said on Sunday that it had no part in the attack."
    assert [a.id for a in resolve_actors(text).actors] == [a.id for a in resolve_actors(text).actors]


def test_seed_article(shared_dir, seed_text, resolve_actors, tmp_path):
    doc = resolve_actors(seed_text, "2017-12-11")
    pred = tmp_path / "seed.jsonl"
    pred.write_text(doc.to_record().model_dump_json() + "\n", encoding="utf-8")
    out = subprocess.run(
        [
            sys.executable,
            str(shared_dir / "eval" / "score_article.py"),
            "--json",
            "--gold",
            str(shared_dir / "seed" / "rouhani-haniyeh-2017.gold.json"),
            "--pred",
            str(pred),
        ],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    result = json.loads(out)
    metrics = result.get("metrics", result)
    counts = result.get("counts", {})
    assert metrics["actor_acc"] >= 0.9
    if counts:
        assert counts["gold_actors_found"] == counts["gold_actors"]
    else:
        assert metrics["actor_r"] == 1.0
