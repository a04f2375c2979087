"""The Ray path gives the same records as the single-process path, and a rerun resumes."""

from __future__ import annotations

import pytest

ray = pytest.importorskip("ray")

from diurna.cli import main  # noqa: E402
from diurna.scale.shards import make_shards  # noqa: E402
from diurna.store import Store  # noqa: E402

ARTICLES = {
    "a.txt": "Japanese Prime Minister Fumio Kishida met South Korean President Yoon Suk Yeol in Tokyo on Thursday, "
    "and the two leaders agreed to resume regular security talks.",
    "b.txt": "Thousands of farmers protested outside parliament in Brussels on Monday against new environmental "
    "rules, throwing eggs at police, who used water cannon to disperse them.",
    "c.txt": "The United Nations called on both sides to respect the ceasefire after shelling hit the outskirts of "
    "Donetsk overnight, according to local officials.",
    "d.txt": "Brazil's foreign minister said on Wednesday that his government would send humanitarian aid to "
    "flood-hit areas of southern Chile.",
}


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    root = tmp_path_factory.mktemp("corpus")
    for i, (name, text) in enumerate(ARTICLES.items()):
        sub = root / ("part%d" % (i % 2))
        sub.mkdir(exist_ok=True)
        (sub / name).write_text(text, encoding="utf-8")
    return root


@pytest.fixture(scope="module")
def ray_runtime():
    ray.init(num_cpus=2, include_dashboard=False, log_to_driver=False, configure_logging=False)
    yield
    ray.shutdown()


def documents(db):
    with Store(db, read_only=True) as store:
        return sorted((d.model_dump() for d in store.documents()), key=lambda d: d["article"]["id"])


def test_ray_and_single_process_give_identical_records(corpus, tmp_path, ray_runtime, monkeypatch):
    monkeypatch.setattr("diurna.scale.shards.SHARD_FILES", 1)  # one article per shard: real fan-out
    local_db, ray_db = str(tmp_path / "local.duckdb"), str(tmp_path / "ray.duckdb")
    assert main(["ingest", str(corpus), "--db", local_db, "--pubdate", "2024-02-01", "--no-progress"]) == 0
    assert (
        main(
            [
                "ingest",
                str(corpus),
                "--db",
                ray_db,
                "--pubdate",
                "2024-02-01",
                "--no-progress",
                "--engine",
                "ray",
                "--workers",
                "2",
            ]
        )
        == 0
    )
    local, distributed = documents(local_db), documents(ray_db)
    assert len(local) == len(ARTICLES)
    assert distributed == local


def test_a_rerun_skips_finished_shards_and_redoes_missing_ones(corpus, tmp_path, ray_runtime, monkeypatch, capsys):
    monkeypatch.setattr("diurna.scale.shards.SHARD_FILES", 1)
    db, work = str(tmp_path / "ray.duckdb"), str(tmp_path / "shards")
    args = [
        "ingest",
        str(corpus),
        "--db",
        db,
        "--pubdate",
        "2024-02-01",
        "--no-progress",
        "--engine",
        "ray",
        "--work-dir",
        work,
    ]
    assert main(args) == 0
    first = documents(db)
    shards = make_shards([str(corpus)])
    assert len(shards) == len(ARTICLES)
    shards[0].output(work).unlink()  # as if the run had died before this shard finished
    capsys.readouterr()
    assert main(args) == 0
    out = capsys.readouterr().out
    assert "%d done in an earlier run" % (len(ARTICLES) - 1) in out
    assert documents(db) == first  # nothing lost, nothing duplicated


def test_a_shard_is_written_atomically(corpus, tmp_path):
    from diurna.scale.shards import read_shard, write_shard

    shard = make_shards([str(corpus)])[0]
    out = shard.output(str(tmp_path))
    write_shard(out, [], [])
    assert out.exists() and not list(tmp_path.glob("*.partial"))
    assert read_shard(out) == ([], [])


def test_shards_are_stable_across_runs(corpus):
    assert make_shards([str(corpus)]) == make_shards([str(corpus)])
