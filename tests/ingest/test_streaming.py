"""Readers stream: memory stays flat however large the JSON Lines file or WARC archive is."""

from __future__ import annotations

import json
import tracemalloc

from ingest_fixtures import PROTEST, TALKS

from diurna.ingest import read_paths
from diurna.ingest.base import RawArticle

MB = 1024 * 1024


def _peak_while_reading(path: str) -> tuple[int, int]:
    """(articles read, peak bytes Python allocated while reading them all, discarding each)."""
    tracemalloc.start()
    try:
        count = sum(isinstance(item, RawArticle) for item in read_paths([path]))
        return count, tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


def test_a_large_jsonl_file_is_read_in_constant_memory(tmp_path):
    path = tmp_path / "big.jsonl"
    line = json.dumps({"text": (TALKS + " " + PROTEST + " ") * 4}) + "\n"
    with open(path, "w", encoding="utf-8") as fh:
        for _ in range(24 * MB // len(line)):
            fh.write(line)
    count, peak = _peak_while_reading(str(path))
    assert count == 24 * MB // len(line)
    assert peak < 2 * MB, "peak %.1f MB for a %d MB file" % (peak / MB, path.stat().st_size // MB)


def test_a_large_warc_is_read_in_constant_memory(tmp_path, warc_builder):
    builder = warc_builder(tmp_path / "big.warc.gz")
    blob = bytes(range(256)) * (512 * 1024 // 256)  # 512 KB "images", which are skipped
    for number in range(48):
        builder.response("https://img.example.org/%d.jpg" % number, blob, content_type="image/jpeg")
    builder.close()
    count, peak = _peak_while_reading(str(tmp_path / "big.warc.gz"))
    assert count == 0
    assert peak < 4 * MB, "peak %.1f MB for 24 MB of records" % (peak / MB)
