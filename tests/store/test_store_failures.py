"""The store when the disk, the path or one article is at fault (issue 23): a message that says what
happened and what to do, never a traceback, and nothing already stored lost."""

from __future__ import annotations

import duckdb
import pytest
from store_factory import article, event

from diurna.document import ArticleDoc
from diurna.store import Store
from diurna.store.store import StoreError

BODY = "Kenyan President William Ruto met Ethiopian Prime Minister Abiy Ahmed in Nairobi on Tuesday."


def _docs(n: int, prefix: str = "") -> list[ArticleDoc]:
    return [
        article(
            "%s%s (report %d)" % (prefix, BODY, i),
            "2023-03-14",
            [event("CONSULT", "ruto", "abiy", "2023-03-14")],
            url="https://a.example/%s%d" % (prefix, i),
        )
        for i in range(n)
    ]


@pytest.mark.parametrize(
    "make, expected",
    [
        (lambda tmp: tmp / "missing" / "s.duckdb", "folder .* does not exist"),
        (lambda tmp: tmp, "is a folder, not a store file"),
    ],
)
def test_paths_that_cannot_be_a_store_say_why(tmp_path, make, expected):
    with pytest.raises(StoreError, match=expected):
        Store(str(make(tmp_path)))


def test_a_file_that_is_not_a_duckdb_database_is_left_untouched(tmp_path):
    path = tmp_path / "notes.duckdb"
    path.write_text("my notes\n", encoding="utf-8")
    with pytest.raises(StoreError, match="not a diurna store"):
        Store(str(path))
    assert path.read_text(encoding="utf-8") == "my notes\n"


class _FullDisk:
    """A connection whose COMMIT fails as DuckDB's does on a full disk, and whose ROLLBACK then fails
    too (the transaction is already aborted): the error a user used to see instead of ENOSPC."""

    def __init__(self, con):
        self._con = con

    def execute(self, sql, *args):
        if sql == "COMMIT":
            self._con.execute("ROLLBACK")
            raise duckdb.TransactionException(
                'Failed to commit: Could not write file "s.duckdb.wal": No space left on device'
            )
        if sql == "ROLLBACK":
            raise duckdb.TransactionException("cannot rollback - no transaction is active")
        return self._con.execute(sql, *args)

    def __getattr__(self, name):
        return getattr(self._con, name)


def test_a_full_disk_is_named_and_what_was_stored_before_is_kept(tmp_path):
    path = str(tmp_path / "s.duckdb")
    with Store(path) as store:
        store.write(_docs(2, "first "))
        real = store.con
        store.con = _FullDisk(real)
        with pytest.raises(StoreError) as failure:
            store.write(_docs(2, "second "))
        store.con = real
    message = str(failure.value)
    assert "No space left on device" in message and "the disk is full" in message
    assert "run the same command again" in message and "rollback" not in message.lower()
    with Store(path, read_only=True) as store:
        assert store.counts()["articles"] == 2


def test_one_article_the_store_refuses_does_not_stop_the_others(tmp_path):
    docs = _docs(3)
    # An article that bypassed the readers' repair (a caller of the Python API): its text cannot be UTF-8.
    bad = docs[1].article.model_copy(update={"text": docs[1].article.text + " \ud800"})
    docs[1] = ArticleDoc(article=bad, origin="wire.jsonl@line 2", actors=docs[1].actors, events=docs[1].events)
    with Store(str(tmp_path / "s.duckdb")) as store:
        result = store.write_isolating(docs)
        assert result.articles == 2 and result.errors == 1
        [error] = store.errors()
        assert error.path == "wire.jsonl" and error.position == "line 2" and "could not be stored" in error.message
        assert sorted(store.article_ids()) == sorted([docs[0].article.id, docs[2].article.id])


@pytest.fixture
def small_disk(tmp_path):
    """A 300 kB tmpfs (root with CAP_SYS_ADMIN only; skipped elsewhere): a disk that really fills up."""
    import subprocess

    mount = tmp_path / "small"
    mount.mkdir()
    made = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=300k", "tmpfs", str(mount)], capture_output=True)
    if made.returncode != 0:
        pytest.skip("cannot mount a tmpfs here (needs root): %s" % made.stderr.decode(errors="replace").strip())
    yield mount
    subprocess.run(["umount", "-l", str(mount)], capture_output=True)


def test_a_really_full_disk_is_named_and_earlier_batches_kept(small_disk):
    path = str(small_disk / "s.duckdb")
    stored = 0
    with pytest.raises(StoreError) as failure, Store(path) as store:
        for batch in range(200):
            stored += store.write(_docs(4, "batch %d with some more words to fill the disk faster " % batch)).articles
    assert "No space left on device" in str(failure.value) and "run the same command again" in str(failure.value)
    assert stored > 0
    with Store(path, read_only=True) as store:
        assert store.counts()["articles"] == stored
