"""A corpus of hostile inputs (issue 23), written at test time as small files beside good articles.

Each case is one file (or link, or FIFO) whose name says what it is, with what a correct ingest must
leave for it: `kept` articles it holds that must be stored (the good records around the bad ones),
and the `reported` kind(s) of row the errors table must hold naming it. The benchmark
(benchmarks/bench_hostile_inputs.py) writes the large forms of the same cases.
"""

from __future__ import annotations

import gzip
import json
import os
import pathlib
from dataclasses import dataclass, field

from diurna.ingest.jsonl import MAX_LINE_BYTES

GOOD = (
    "Kenyan President William Ruto met Ethiopian Prime Minister Abiy Ahmed in Nairobi on Tuesday to discuss "
    "border security and trade, officials said. The two leaders agreed to meet again next year."
)
ARABIC = (
    "قال الرئيس المصري عبد الفتاح السيسي يوم الاثنين إن مصر ستواصل دعم الشعب الفلسطيني في غزة وإن "
    "المفاوضات مع إسرائيل مستمرة في القاهرة"
)
CHINESE = (
    "中国外交部发言人周一表示，中国将继续支持巴勒斯坦人民的正义事业，并呼吁以色列立即停火。美国国务卿将于下周访问北京。"
)
CYRILLIC = (
    "Президент России в понедельник встретился с премьер-министром Индии в Москве для обсуждения торговли и энергетики."
)
DEVANAGARI = "भारत के प्रधानमंत्री ने सोमवार को नई दिल्ली में नेपाल के प्रधानमंत्री से मुलाकात की और व्यापार पर चर्चा की।"


@dataclass
class Case:
    name: str  # file name inside the corpus folder
    what: str  # the hostile input, as docs/reliability.md lists it
    item: int  # the item number
    kept: list[str] = field(default_factory=list)  # article ids (JSONL) that must be stored
    reported: tuple[str, ...] = ("error",)  # kinds of row the errors table must hold for it
    stored_files: int = 0  # articles without an id (txt/html) that must be stored from it


def good_line(article_id: str, **extra) -> str:
    return json.dumps(
        {"id": article_id, "text": GOOD.replace("Tuesday", "Tuesday (%s)" % article_id), "date": "2024-03-05", **extra}
    )


def write_corpus(root: pathlib.Path, long_line_bytes: int = MAX_LINE_BYTES + 1024) -> list[Case]:
    """Write every hostile case (and good records around them) under `root`; the cases."""
    root.mkdir(parents=True, exist_ok=True)
    cases: list[Case] = []

    def add(case: Case, data: bytes | str | None = None) -> None:
        if data is not None:
            path = root / case.name
            path.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
        cases.append(case)

    # 1. Lone surrogates in every field a JSONL record has.
    surrogates = (
        "\n".join(
            [
                good_line("sur-before"),
                '{"id":"sur-title","title":"\\ud800","text":"%s","date":"2024-03-05"}' % GOOD,
                '{"id":"sur-text","text":"%s \\udc00 end.","date":"2024-03-05"}' % GOOD,
                good_line("sur-after"),
            ]
        )
        + "\n"
    )
    add(
        Case(
            "surrogates.jsonl",
            "lone UTF-16 surrogates (\\ud800, \\udc00) in a title and a text",
            1,
            kept=["sur-before", "sur-title", "sur-text", "sur-after"],
            reported=("warning",),
        ),
        surrogates,
    )
    # 2. One line longer than the line limit (all 'a', no newline) between good lines, gzipped.
    with gzip.open(root / "long-line.jsonl.gz", "wb", compresslevel=1) as out:
        out.write((good_line("long-before") + "\n").encode())
        chunk = b"a" * (1 << 20)
        for _ in range(long_line_bytes // len(chunk) + 1):
            out.write(chunk)
        out.write(b"\n" + (good_line("long-after") + "\n").encode())
    add(
        Case(
            "long-line.jsonl.gz",
            "a JSONL line over the 64 MiB line limit (gzipped), between good lines",
            2,
            kept=["long-before", "long-after"],
        )
    )
    # 3. Lines that used to end the file: deep nesting, a 5,000-digit number.
    lines = [
        good_line("deep-before"),
        '{"id":"deep","text":' + "[" * 100_000 + "]" * 100_000 + "}",
        '{"id":"digits","text":"x","n":' + "9" * 5000 + "}",
        good_line("deep-after"),
    ]
    add(
        Case(
            "deep.jsonl",
            "JSON nested 100,000 deep and a 5,000-digit number, between good lines",
            3,
            kept=["deep-before", "deep-after"],
        ),
        "\n".join(lines) + "\n",
    )
    # 4. Links and special files inside the folder.
    os.symlink("/etc/passwd", root / "passwd.txt")
    add(Case("passwd.txt", "a symbolic link to /etc/passwd named .txt", 4, reported=("warning",)))
    os.symlink("/dev/zero", root / "zero.jsonl")
    add(Case("zero.jsonl", "a symbolic link to /dev/zero named .jsonl", 4, reported=("warning",)))
    os.mkfifo(root / "fifo.txt")
    add(Case("fifo.txt", "a FIFO named .txt (nobody writes to it)", 4))
    (root / "loop").mkdir()
    os.symlink("..", root / "loop" / "up")
    add(Case("loop/up", "a symbolic link back up the folder tree", 4, reported=("warning",)))
    # 9. Dates: none at all, impossible, at the ends of the calendar.
    add(
        Case("undated.txt", "an article with no date and no --pubdate", 9, reported=("warning",), stored_files=1),
        GOOD.replace("Tuesday", "Wednesday"),
    )
    dates = "\n".join([good_line("date-0001", date="0001-01-01"), good_line("date-9999", date="9999-12-31")]) + "\n"
    add(
        Case(
            "calendar-ends.jsonl",
            "publication dates 0001-01-01 and 9999-12-31",
            9,
            kept=["date-0001", "date-9999"],
            reported=("warning",),
        ),
        dates,
    )
    feed = (
        "<?xml version='1.0'?><rss version='2.0'><channel><title>Wire</title><item><title>Vote</title>"
        "<pubDate>2017-13-45</pubDate><description>Lawmakers in Lima voted on Tuesday to remove the interior "
        "minister after weeks of protests over his handling of the police.</description></item></channel></rss>"
    )
    add(Case("bad-date.rss", "a feed item with pubDate 2017-13-45", 9, reported=("warning",), stored_files=1), feed)
    # 10. Scripts other than Latin.
    for name, text in (("arabic", ARABIC), ("chinese", CHINESE), ("cyrillic", CYRILLIC), ("hindi", DEVANAGARI)):
        add(Case(name + ".txt", "news in %s" % name.title(), 10, reported=("skipped",)), text)
    # 11. Smaller cases.
    add(Case("\x1b[31mred.warc", "a file name with terminal escape sequences (an empty WARC)", 11), b"")
    deep_html = "<html><body>" + "<div>" * 300 + "<p>" + GOOD + "</p>" + "</div>" * 300 + "</body></html>"
    add(Case("deep.html", "article text nested 300 elements deep", 11, reported=(), stored_files=1), deep_html)
    add(
        Case("utf16.jsonl", "a UTF-16 JSONL file", 11),
        "\ufeff".encode("utf-16-le") + (good_line("u16") + "\n").encode("utf-16-le"),
    )
    # Good neighbours: a folder of hostile files still yields its good articles.
    add(
        Case("good.txt", "a good article beside them", 0, reported=(), stored_files=1),
        GOOD.replace("Nairobi", "Addis Ababa"),
    )
    return cases
