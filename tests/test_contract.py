"""The record contract in docs/records.md is generated from the typed records and keeps every
field name of the original contract (shared/spec/records.md, v1)."""

from __future__ import annotations

import pathlib
import re
import subprocess
import sys

from diurna.contract import RECORDS, contract_markdown
from diurna.records import ArticleDocument, Record

REPO = pathlib.Path(__file__).resolve().parent.parent
GENERATED_MARK = "<!-- generated from diurna/records.py"


def test_docs_records_md_is_the_generated_contract():
    doc = (REPO / "docs" / "records.md").read_text(encoding="utf-8")
    assert GENERATED_MARK in doc
    generated = doc[doc.index(GENERATED_MARK) :]
    assert generated == contract_markdown(), (
        "docs/records.md differs from diurna/records.py: regenerate its Fields section with `diurna schema --markdown`"
    )


def test_every_record_and_field_is_in_the_tables():
    text = contract_markdown()
    for model in RECORDS:
        assert "### %s" % model.__name__ in text
        for name in model.model_fields:
            assert "| `%s` |" % name in text, (model.__name__, name)


def test_every_record_reachable_from_the_document_is_documented():
    seen, todo = set(), [ArticleDocument]
    while todo:
        model = todo.pop()
        if model in seen:
            continue
        seen.add(model)
        for field in model.model_fields.values():
            todo.extend(_models_in(field.annotation))
    assert seen <= set(RECORDS), seen - set(RECORDS)


def _models_in(annotation) -> list[type[Record]]:
    if isinstance(annotation, type) and issubclass(annotation, Record):
        return [annotation]
    return [m for arg in getattr(annotation, "__args__", ()) for m in _models_in(arg)]


def test_the_v1_field_names_are_all_kept(shared_dir):
    """Every key in the JSON examples of shared/spec/records.md is still a field of its record."""
    spec = (shared_dir / "spec" / "records.md").read_text(encoding="utf-8")
    blocks = re.findall(r"```json\n(.*?)```", spec, flags=re.DOTALL)
    assert len(blocks) >= 5
    fields = {name for model in RECORDS for name in model.model_fields}
    keys = {key for block in blocks for key in re.findall(r'"(\w+)"\s*:', block)}
    assert keys and keys <= fields, keys - fields


def test_diurna_schema_prints_both_forms():
    out = subprocess.run(
        [sys.executable, "-m", "diurna.cli", "schema", "--markdown"],
        capture_output=True,
        text=True,
        check=True,
        cwd=REPO,
    ).stdout
    assert out == contract_markdown()
    help_text = subprocess.run(
        [sys.executable, "-m", "diurna.cli", "--help"], capture_output=True, text=True, check=True, cwd=REPO
    ).stdout
    assert "shared/spec" not in help_text and "diurna schema" in help_text
