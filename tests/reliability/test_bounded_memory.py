"""A 1 GB WARC and a 1 GB JSONL stream through the readers and article preparation with peak RSS
well under 1.5 GB: inputs are never read whole (issue 10).

Coding a gigabyte of news through spaCy takes hours on two cores, so these tests stream the bytes
through everything before the parser (reading, decoding, HTML extraction, language check, ids);
the parser itself sees at most one truncated article at a time (test_fuzz's 10 MB sentence).
"""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap

import pytest
from warc_helpers import warc_response

pytestmark = pytest.mark.slow

GIGABYTE = 1024**3
LIMIT_MB = 1536
ARTICLE = (
    "Officials in {city} said on Tuesday that talks between the two governments on water rights would "
    "resume next month, after a year in which the dispute over the dam had brought protests to the capital. "
    "The foreign ministry called the decision a step toward a lasting agreement. "
)
CITIES = ["Cairo", "Addis Ababa", "Khartoum", "Nairobi", "Kampala", "Kigali", "Juba", "Asmara"]

STREAM = textwrap.dedent("""
    import json, resource, sys
    from diurna.ingest import read_paths
    from diurna.ingest.base import IngestError, RawArticle
    from diurna.pipeline import prepare
    from diurna.records import Article
    counts = {"articles": 0, "errors": 0, "warnings": 0, "chars": 0}
    for item in read_paths([sys.argv[1]]):
        if isinstance(item, RawArticle):
            item = prepare(item, "2024-03-05")
        if isinstance(item, Article):
            counts["articles"] += 1
            counts["chars"] += len(item.text)
        elif item.kind == "error":
            counts["errors"] += 1
        else:
            counts["warnings"] += 1
    # This process's own high-water mark. Linux keeps ru_maxrss across fork and exec, so RUSAGE_SELF
    # here would report the test runner's RSS at the fork (the whole suite's models: 1.8 GB), not this
    # stream's; VmHWM belongs to the address space exec made.
    peak = None
    try:
        with open("/proc/self/status") as status:
            peak = next((int(line.split()[1]) / 1024 for line in status if line.startswith("VmHWM:")), None)
    except OSError:
        pass
    counts["peak_rss_mb"] = peak if peak is not None else resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(json.dumps(counts))
""")


def stream(path) -> dict:
    out = subprocess.run(
        [sys.executable, "-c", STREAM, str(path)], capture_output=True, text=True, timeout=3000, check=True
    )
    return json.loads(out.stdout.strip().splitlines()[-1])


def test_one_gigabyte_jsonl_streams_in_bounded_memory(tmp_path):
    path = tmp_path / "big.jsonl"
    written = lines = 0
    with open(path, "w", encoding="utf-8") as f:
        # One over-long article first: read whole as one line, but never more than one at a time.
        huge = json.dumps({"id": "huge", "text": ARTICLE.format(city="Cairo") * 40_000, "date": "2024-03-01"})
        f.write(huge + "\n")
        written += len(huge) + 1
        while written < GIGABYTE:
            text = " ".join(ARTICLE.format(city=CITIES[(lines + k) % len(CITIES)]) for k in range(6))
            line = json.dumps({"id": "a%d" % lines, "text": text, "date": "2024-03-0%d" % (1 + lines % 9)}) + "\n"
            f.write(line)
            written += len(line)
            lines += 1
    result = stream(path)
    assert result["articles"] == lines + 1 and result["errors"] == 0
    assert result["peak_rss_mb"] < LIMIT_MB, result


def test_one_gigabyte_warc_streams_in_bounded_memory(tmp_path):
    from warcio.warcwriter import WARCWriter

    path = tmp_path / "big.warc"
    image = bytes(range(256)) * 4096  # 1 MB of image data, as crawls mostly hold
    pages = 0
    with open(path, "wb") as fh:
        writer = WARCWriter(fh, gzip=False)
        i = 0
        while fh.tell() < GIGABYTE:
            if i % 10 == 0:
                body = (
                    "<html><head><title>Water talks</title></head><body><article><p>%s</p></article>"
                    "</body></html>" % ARTICLE.format(city=CITIES[i % len(CITIES)])
                ).encode()
                warc_response(writer, "https://news.example.org/%d" % i, body)
                pages += 1
            else:
                warc_response(writer, "https://news.example.org/img/%d.jpg" % i, image, content_type="image/jpeg")
            i += 1
    result = stream(path)
    assert result["articles"] == pages and result["errors"] == 0
    assert result["peak_rss_mb"] < LIMIT_MB, result
