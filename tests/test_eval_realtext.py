"""scripts/eval_realtext.py: which real-text set every script reads, and that the repository's own
set (eval/opennews) is whole and split as its README says, its frozen part never opened by the
training helpers (`load(..., "tune")`)."""

from __future__ import annotations

import collections
import json
import sys

import pytest


@pytest.fixture(scope="module")
def rt(load_script):
    return load_script("eval_realtext")


def test_the_set_is_the_repositorys_own_unless_the_environment_names_another(rt, monkeypatch, tmp_path):
    monkeypatch.delenv("DIURNA_REALTEXT", raising=False)
    assert rt.default_data() == rt.OPEN_SET
    monkeypatch.setenv("DIURNA_REALTEXT", str(tmp_path))
    assert rt.default_data() == tmp_path
    monkeypatch.setenv("DIURNA_REALTEXT", "")  # set but empty: as if unset
    assert rt.default_data() == rt.OPEN_SET


def test_only_a_set_outside_the_repository_is_checked_against_the_pinned_sums(rt, tmp_path):
    assert rt.in_repository(rt.OPEN_SET)
    assert rt.in_repository(rt.OPEN_SET / ".." / "opennews")
    assert not rt.in_repository(tmp_path)


def test_pinning_sums_refuses_the_set_git_already_pins(rt, monkeypatch, tmp_path):
    sums = tmp_path / "sha256.txt"  # where a wrongly accepted call would write, not the repository's list
    monkeypatch.setattr(rt, "SUMS", sums)
    monkeypatch.setattr(sys, "argv", ["eval_realtext.py", "--data", str(rt.OPEN_SET), "--write-sums"])
    with pytest.raises(SystemExit, match="is in the repository"):
        rt.main()
    assert not sums.exists()


def test_the_repositorys_set_is_whole_and_split_as_its_readme_says(rt):
    # the README's figures (61 tune, 41 frozen articles): a change to the set changes both
    manifests = [json.loads(p.read_text(encoding="utf-8")) for p in (rt.OPEN_SET / "manifest").glob("*.json")]
    assert all((rt.OPEN_SET / m["file"]).is_file() for m in manifests)
    assert all((rt.OPEN_SET / "gold" / (m["id"] + ".json")).is_file() for m in manifests)
    assert collections.Counter(rt.split_of(m["id"]) for m in manifests) == {"tune": 61, "frozen": 41}
    tune = rt.load(rt.OPEN_SET, "tune")  # refuses the set if an evidence string is not in its text
    assert len(tune) == 61 and all(rt.split_of(m["id"]) == "tune" for m, _ in tune)


def _article(data, article_id: str, gold: str) -> None:
    (data / "articles" / (article_id + ".txt")).write_text("Police arrested two men.", encoding="utf-8")
    manifest = {"id": article_id, "file": "articles/%s.txt" % article_id, "published": "2020-01-01"}
    (data / "manifest" / (article_id + ".json")).write_text(json.dumps(manifest), encoding="utf-8")
    (data / "gold" / (article_id + ".json")).write_text(gold, encoding="utf-8")


def test_loading_the_tune_part_never_opens_a_frozen_articles_gold(rt, tmp_path):
    ids = ["x-%d" % n for n in range(40)]
    tune_id = next(i for i in ids if rt.split_of(i) == "tune")
    frozen_id = next(i for i in ids if rt.split_of(i) == "frozen")
    for folder in ("articles", "manifest", "gold"):
        (tmp_path / folder).mkdir()
    event = {
        "id": "e1",
        "type": "COERCE",
        "source": "police",
        "target": "two men",
        "date": None,
        "place": None,
        "evidence": "Police arrested two men.",
    }
    _article(tmp_path, tune_id, json.dumps({"file": "articles/%s.txt" % tune_id, "events": [event]}))
    _article(tmp_path, frozen_id, "not JSON: opening it would fail")
    assert [m["id"] for m, _ in rt.load(tmp_path, "tune")] == [tune_id]
    with pytest.raises(json.JSONDecodeError):
        rt.load(tmp_path)
