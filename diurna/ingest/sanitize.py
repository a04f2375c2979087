"""Text that every later stage can hold: the one place where strings from outside are made safe.

Two kinds of string come into diurna from outside and need different care:

* article fields (text, title, id, url, ...) go to spaCy, the store (UTF-8) and JSON output. A lone
  UTF-16 surrogate (`"\\ud800"` in a JSON line, a surrogate-escaped byte of a file name) cannot be
  encoded as UTF-8, so one such character used to stop every ingest at the same record. They are
  replaced by U+FFFD, the Unicode replacement character, and the record gets a warning saying so.
* messages and paths shown to a person (errors, warnings) go to a terminal: control characters in
  them (an ESC from a damaged WARC header or a file name) would be run as escape sequences. They are
  written as visible escapes (`\\x1b`) instead.

Readers yield through `diurna.ingest.read_paths`, and every other caller's articles pass through
`diurna.pipeline.Pipeline`: both call `repair_article`, so no other code needs to worry.
"""

from __future__ import annotations

import re
from typing import Optional

# Surrogate code points: valid in a Python str, invalid in UTF-8 (and so in DuckDB, JSON output, spaCy).
_SURROGATE = re.compile("[\ud800-\udfff]")
# C0 and C1 control characters, DEL, and surrogates: never printed raw to a terminal.
_UNPRINTABLE = re.compile("[\x00-\x1f\x7f-\x9f\ud800-\udfff]")
REPLACEMENT = "\ufffd"
# The RawArticle fields that become article fields; `origin` is a path, made printable instead.
ARTICLE_FIELDS = ("text", "html", "id", "title", "date", "url", "source")


def without_surrogates(text: str) -> tuple[str, int]:
    """`text` with every surrogate code point replaced by U+FFFD, and how many there were."""
    if not _SURROGATE.search(text):  # the common case costs one scan and no copy
        return text, 0
    return _SURROGATE.subn(REPLACEMENT, text)


def printable(text: Optional[str]) -> Optional[str]:
    """`text` safe to print on a terminal: control characters and surrogates as visible escapes."""
    if text is None or not _UNPRINTABLE.search(text):
        return text
    return _UNPRINTABLE.sub(_escape, text)


def _escape(match: re.Match) -> str:
    code = ord(match.group())
    return "\\x%02x" % code if code < 0x100 else "\\u%04x" % code


def repair_article(raw) -> list[str]:
    """Make a RawArticle's strings encodable, in place; the warnings to report for it (empty when
    nothing needed repair, the usual case)."""
    raw.origin = printable(raw.origin) or ""
    repaired = []
    for name in ARTICLE_FIELDS:
        value = getattr(raw, name)
        if not isinstance(value, str):
            continue
        clean, count = without_surrogates(value)
        if count:
            setattr(raw, name, clean)
            repaired.append("%d in %s" % (count, name))
    if not repaired:
        return []
    return [
        "lone UTF-16 surrogates replaced by U+FFFD (%s): they cannot be stored as UTF-8; the rest of "
        "the article is kept" % ", ".join(repaired)
    ]
