"""Stable identifiers: the same input gives the same id on every run and machine."""

from __future__ import annotations

import hashlib
import re
import unicodedata

_SPACE = re.compile(r"\s+")


def stable_id(prefix: str, *parts: object, length: int = 16) -> str:
    """`prefix` + a hex digest of `parts` (joined with an unambiguous separator)."""
    h = hashlib.blake2b(digest_size=16)
    for part in parts:
        h.update(str(part).encode("utf-8", "surrogatepass"))
        h.update(b"\x1f")
    return prefix + h.hexdigest()[:length]


def normalise_text(text: str) -> str:
    """Text as compared for identity: NFC, white space folded, case kept (case carries meaning)."""
    return _SPACE.sub(" ", unicodedata.normalize("NFC", text)).strip()


def article_id(url: str | None, text: str) -> str:
    """A hash of the url when there is one, else of the normalised text (records.md)."""
    if url and url.strip():
        return stable_id("art_", "url", url.strip())
    return stable_id("art_", "text", normalise_text(text))
