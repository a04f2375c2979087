"""Bytes to text: byte-order marks, UTF-8, the cp1252 fallback, binary and corrupt input."""

from __future__ import annotations

import codecs

import pytest

from diurna.ingest.decode import DecodeFailure, decode_bytes

SENTENCE = "Le ministre français a rencontré son homologue à Genève, selon l'agence."


@pytest.mark.parametrize(
    "data, encoding",
    [
        (SENTENCE.encode("utf-8"), "utf-8"),
        (codecs.BOM_UTF8 + SENTENCE.encode("utf-8"), "utf-8"),
        (codecs.BOM_UTF16_LE + SENTENCE.encode("utf-16-le"), "utf-16-le"),
        (codecs.BOM_UTF16_BE + SENTENCE.encode("utf-16-be"), "utf-16-be"),
        (codecs.BOM_UTF32_LE + SENTENCE.encode("utf-32-le"), "utf-32-le"),
        (SENTENCE.encode("cp1252"), "cp1252"),
    ],
)
def test_text_in_each_supported_encoding_decodes_exactly(data, encoding):
    decoded = decode_bytes(data)
    assert decoded.text == SENTENCE
    assert decoded.encoding == encoding


def test_cp1252_punctuation_is_read_as_windows_text():
    data = "The envoy called the talks \u201cconstructive\u201d \u2013 a rare word.".encode("cp1252")
    assert decode_bytes(data).text == "The envoy called the talks \u201cconstructive\u201d \u2013 a rare word."


def test_utf8_with_a_corrupt_byte_is_an_error_naming_its_offset():
    good = "Talks in Genève resumed.".encode("utf-8")
    data = good + b" The \xff delegation left."
    with pytest.raises(DecodeFailure) as failure:
        decode_bytes(data)
    assert failure.value.offset == len(good) + 5
    assert "offset %d" % (len(good) + 5) in failure.value.message


def test_bytes_undefined_in_cp1252_are_an_error_naming_the_offset():
    with pytest.raises(DecodeFailure) as failure:
        decode_bytes(b"Ministers met \x81 in Lima.")
    assert failure.value.offset == 14


def test_invalid_utf16_after_a_bom_is_an_error_with_the_file_offset():
    data = codecs.BOM_UTF16_LE + "Talks".encode("utf-16-le") + b"\x00\xdc" + "end".encode("utf-16-le")
    with pytest.raises(DecodeFailure) as failure:
        decode_bytes(data)
    assert failure.value.offset == 2 + 10


@pytest.mark.parametrize(
    "data, kind",
    [
        (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj", "PDF"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "PNG"),
        (b"\xff\xd8\xff\xe0\x00\x10JFIF", "JPEG"),
        (b"PK\x03\x04\x14\x00\x06\x00", "ZIP"),
    ],
)
def test_known_binary_formats_are_named(data, kind):
    with pytest.raises(DecodeFailure, match=kind):
        decode_bytes(data)


def test_a_nul_byte_makes_a_file_binary_and_is_located():
    with pytest.raises(DecodeFailure) as failure:
        decode_bytes(b"Protesters gathered\x00\x01\x02 outside")
    assert failure.value.offset == 19
    assert "binary" in failure.value.message


def test_many_control_characters_make_a_file_binary():
    with pytest.raises(DecodeFailure, match="control characters"):
        decode_bytes(bytes(range(1, 32)) * 20 + b"some text")


def test_empty_input_is_an_error():
    with pytest.raises(DecodeFailure, match="empty"):
        decode_bytes(b"")


def test_a_declared_charset_is_used_when_the_bytes_are_not_utf8():
    text = "Министр иностранных дел прибыл в Минск."
    assert decode_bytes(text.encode("cp1251"), declared="windows-1251").text == text


def test_valid_utf8_wins_over_a_wrong_declared_charset():
    text = "Министр прибыл в Минск."
    assert decode_bytes(text.encode("utf-8"), declared="windows-1251").text == text


def test_a_cut_at_the_end_of_a_partial_read_drops_the_broken_character():
    data = "Zürich talks in Genève".encode("utf-8")[:-3]  # ends with the first of the two bytes of "è"
    assert decode_bytes(data, complete=False).text == "Zürich talks in Gen"
    with pytest.raises(DecodeFailure):
        decode_bytes(data, complete=True)
