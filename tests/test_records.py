"""Real output validates against the JSON Schema that `diurna schema` prints."""

from __future__ import annotations

import json

import jsonschema
import pytest

from diurna.records import article_document_schema


@pytest.fixture(scope="module")
def validator():
    schema = article_document_schema()
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(schema)


def test_coded_news_validates_against_the_schema(validator, code):
    doc = code(
        "Brazilian President Luiz Inacio Lula da Silva on Friday criticised the central bank, "
        "saying interest rates were hurting families.",
        "2023-02-10",
    )
    data = json.loads(doc.to_record().model_dump_json())
    validator.validate(data)


def test_the_schema_rejects_a_document_with_a_renamed_field(validator):
    bad = {"article": {"id": "a", "body": "text"}}
    with pytest.raises(jsonschema.ValidationError):
        validator.validate(bad)


def test_offsets_point_at_the_text_they_name(code):
    doc = code(
        "German Chancellor Olaf Scholz met French President Emmanuel Macron in Berlin on Monday.", "2023-01-23"
    ).to_record()
    text = doc.article.text
    spans = (
        [m for a in doc.actors for m in a.mentions]
        + [q.content for q in doc.quotes]
        + [e.trigger for e in doc.events]
        + [m for p in doc.places for m in p.mentions]
    )
    assert spans, "the sentence names actors"
    for span in spans:
        assert text[span.start : span.end] == span.text


def test_the_seed_article_gives_one_valid_document_with_its_actors(validator, shared_dir):
    """What the issue's acceptance runs: `diurna code seed.txt --pubdate 2017-12-11`."""
    import subprocess
    import sys

    seed = shared_dir / "seed" / "rouhani-haniyeh-2017.txt"
    out = subprocess.run(
        [sys.executable, "-m", "diurna.cli", "code", str(seed), "--pubdate", "2017-12-11"],
        capture_output=True,
        text=True,
        timeout=600,
        check=True,
    )
    lines = out.stdout.splitlines()
    assert len(lines) == 1
    doc = json.loads(lines[0])
    validator.validate(doc)
    names = {m["text"] for a in doc["actors"] for m in a["mentions"]}
    for expected in ("Hassan Rouhani", "Ismail Haniyeh", "PressTV", "Ayatollah Ahmad Khatami", "Iranians"):
        assert any(expected in n for n in names), expected
