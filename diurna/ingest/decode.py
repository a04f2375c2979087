"""Bytes to text, done the same way by every reader, or a precise reason why not.

The rules, in order (tested in tests/ingest/test_decode.py):

1. A byte-order mark decides: UTF-8, UTF-16 LE/BE or UTF-32 LE/BE. Bytes that are not valid in
   that encoding are an error naming the byte offset.
2. A file that starts with the signature of a known binary format (PDF, PNG, JPEG, GIF, ZIP/Office,
   gzip, ...) or contains a NUL byte is binary: an error, never decoded.
3. Valid UTF-8 is UTF-8, whatever a container declares (mislabelled pages are nearly always UTF-8,
   and valid multi-byte UTF-8 almost never occurs by accident in another encoding).
4. Otherwise an encoding the container declares (HTTP or HTML charset) is used when Python knows it.
5. Otherwise, when *no* valid multi-byte UTF-8 character occurs anywhere in it, it is taken as
   legacy Windows-1252 (Western European single-byte text, a superset of Latin-1 for printable
   characters) provided every byte is defined in cp1252. A file that mixes
   valid UTF-8 with invalid bytes is corrupt UTF-8: an error naming the offset of the first bad byte,
   rather than text silently mangled into mojibake.
6. Text in which more than 1% of the characters are control characters (other than tab, newline,
   carriage return, form feed) is reported as binary too.
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass
from typing import Optional

# Longest first: the UTF-32 LE mark begins with the UTF-16 LE one.
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)

_BINARY_SIGNATURES = (
    (b"%PDF-", "a PDF document"),
    (b"\x89PNG\r\n\x1a\n", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF87a", "a GIF image"),
    (b"GIF89a", "a GIF image"),
    (b"II*\x00", "a TIFF image"),
    (b"MM\x00*", "a TIFF image"),
    (b"RIFF", "a RIFF container (WebP, WAV, AVI)"),
    (b"PK\x03\x04", "a ZIP archive (or a .docx/.xlsx/.odt document)"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "an OLE document (.doc, .xls)"),
    (b"\x1f\x8b", "gzip-compressed data (name it .gz to have it decompressed)"),
    (b"BZh", "bzip2-compressed data"),
    (b"\xfd7zXZ\x00", "xz-compressed data"),
    (b"7z\xbc\xaf\x27\x1c", "a 7-Zip archive"),
    (b"\x7fELF", "an executable"),
    (b"SQLite format 3\x00", "an SQLite database"),
)

# One valid UTF-8 multi-byte character (RFC 3629): its presence means the file was meant as UTF-8.
_UTF8_MULTIBYTE = re.compile(
    rb"[\xc2-\xdf][\x80-\xbf]"
    rb"|\xe0[\xa0-\xbf][\x80-\xbf]|[\xe1-\xec\xee\xef][\x80-\xbf]{2}|\xed[\x80-\x9f][\x80-\xbf]"
    rb"|\xf0[\x90-\xbf][\x80-\xbf]{2}|[\xf1-\xf3][\x80-\xbf]{3}|\xf4[\x80-\x8f][\x80-\xbf]{2}"
)

_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")
CONTROL_CHAR_LIMIT = 0.01


@dataclass
class Decoded:
    text: str
    encoding: str  # the codec used, e.g. "utf-8", "utf-16-le", "cp1252"


class DecodeFailure(ValueError):
    """Bytes that are not text. `offset` is the byte offset at fault (None for the whole input)."""

    def __init__(self, message: str, offset: Optional[int] = None):
        super().__init__(message)
        self.message = message
        self.offset = offset

    def position(self, base: int = 0) -> Optional[str]:
        return None if self.offset is None else "offset %d" % (base + self.offset)


def binary_signature(data: bytes) -> Optional[str]:
    """What binary format `data` starts with, e.g. "a PDF document", or None."""
    for signature, name in _BINARY_SIGNATURES:
        if data.startswith(signature):
            return name
    return None


def byte_order_mark(data: bytes) -> tuple[Optional[str], int]:
    """(codec, length of the mark) when `data` starts with a byte-order mark, else (None, 0)."""
    for bom, codec in _BOMS:
        if data.startswith(bom):
            return codec, len(bom)
    return None, 0


def decode_bytes(data: bytes, complete: bool = True, declared: Optional[str] = None) -> Decoded:
    """The text `data` holds, by the rules in this module's docstring; raises DecodeFailure.

    `complete=False` says `data` is only the beginning of a longer input: an incomplete character at
    the very end is then dropped instead of reported. `declared` is an encoding the container names
    (an HTTP or HTML charset); it is used when the bytes are not valid UTF-8.
    """
    if not data:
        raise DecodeFailure("empty file")
    codec, skip = byte_order_mark(data)
    if codec is not None:
        text = _strict_decode(data[skip:], codec, complete, skip)
    else:
        reject_binary(data)
        text, codec = _utf8_declared_or_legacy(data, complete, _usable_codec(declared))
    _reject_control_characters(text)
    return Decoded(text, codec)


def reject_binary(data: bytes) -> None:
    """Raise DecodeFailure when `data` (without a byte-order mark) is evidently not text."""
    kind = binary_signature(data)
    if kind:
        raise DecodeFailure("binary file: %s, not text" % kind, 0)
    nul = data.find(b"\x00")
    if nul >= 0:
        raise DecodeFailure("binary file: NUL byte at offset %d" % nul, nul)


def _usable_codec(declared: Optional[str]) -> Optional[str]:
    """A declared charset Python knows; UTF-8 and ASCII declarations go through the UTF-8 rule."""
    if not declared:
        return None
    try:
        name = codecs.lookup(declared.strip().strip("\"'")).name
    except LookupError:
        return None
    # Latin-1 labels usually mean cp1252 in practice (as HTML5 says); the legacy rule handles them.
    return None if name in ("utf-8", "ascii", "latin-1", "iso8859-1", "cp1252") else name


def _strict_decode(data: bytes, codec: str, complete: bool, base: int) -> str:
    decoder = codecs.getincrementaldecoder(codec)(errors="strict")
    try:
        return decoder.decode(data, final=complete)
    except UnicodeDecodeError as exc:
        raise DecodeFailure(
            "undecodable bytes at offset %d: %s is not valid %s"
            % (base + exc.start, _hex(data[exc.start : exc.start + 4]), codec),
            base + exc.start,
        ) from None


def _utf8_declared_or_legacy(data: bytes, complete: bool, declared: Optional[str]) -> tuple[str, str]:
    try:
        return _strict_decode(data, "utf-8", complete, 0), "utf-8"
    except DecodeFailure as utf8_failure:
        if declared is not None:
            return _strict_decode(data, declared, complete, 0), declared
        if _UTF8_MULTIBYTE.search(data):
            raise DecodeFailure(
                "undecodable bytes at offset %d: %s is not valid UTF-8 (the rest of the file "
                "is UTF-8, so it is corrupt rather than in another encoding)"
                % (utf8_failure.offset, _hex(data[utf8_failure.offset : utf8_failure.offset + 4])),
                utf8_failure.offset,
            ) from None
        try:
            return data.decode("cp1252"), "cp1252"
        except UnicodeDecodeError as exc:  # 0x81, 0x8D, 0x8F, 0x90, 0x9D are undefined in cp1252
            raise DecodeFailure(
                "undecodable bytes at offset %d: %s is neither UTF-8 nor Windows-1252"
                % (exc.start, _hex(data[exc.start : exc.start + 1])),
                exc.start,
            ) from None


def _reject_control_characters(text: str) -> None:
    sample = text[:65536]
    controls = _CONTROL.findall(sample)
    if sample and len(controls) > CONTROL_CHAR_LIMIT * len(sample):
        first = _CONTROL.search(sample)
        raise DecodeFailure(
            "binary file: %d control characters in the first %d characters (first at "
            "character %d)" % (len(controls), len(sample), first.start())
        )


def _hex(data: bytes) -> str:
    return "bytes " + " ".join("%02X" % b for b in data) if data else "end of input"
