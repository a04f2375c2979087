"""The record contract as a person reads it: one table per record, generated from diurna/records.py.

`diurna schema --markdown` prints it (so an installed diurna carries its contract), and the
"Fields" part of docs/records.md is exactly this text (tests/test_contract.py checks it), so the
documentation cannot drift from the typed records.
"""

from __future__ import annotations

from typing import Any

from diurna.records import (
    CONTRACT_VERSION,
    Actor,
    Article,
    ArticleDocument,
    CharRange,
    DateRef,
    Event,
    Place,
    Quote,
    Record,
    TextSpan,
)

# The order a reader meets the records in an article document.
RECORDS: list[type[Record]] = [ArticleDocument, Article, Actor, Event, DateRef, Quote, Place, TextSpan, CharRange]


def contract_markdown() -> str:
    """Markdown tables of every record's fields: name, JSON type, default, meaning."""
    parts = [
        "<!-- generated from diurna/records.py by `diurna schema --markdown`: do not edit by hand -->",
        "",
        "Record contract version %d." % CONTRACT_VERSION,
    ]
    for model in RECORDS:
        schema = model.model_json_schema(ref_template="{model}")
        parts += [
            "",
            "### %s" % model.__name__,
            "",
            _first_paragraph(model.__doc__),
            "",
            "| field | type | default | meaning |",
            "|---|---|---|---|",
        ]
        required = set(schema.get("required", []))
        for name, prop in schema["properties"].items():
            field = model.model_fields[name]
            default = (
                "(required)"
                if name in required
                else _default(field.default_factory() if field.default_factory else prop.get("default"))
            )
            parts.append("| `%s` | %s | %s | %s |" % (name, _type(prop), default, _cell(prop.get("description", ""))))
    return "\n".join(parts).replace("\n\n\n", "\n\n") + "\n"


def _first_paragraph(doc: str | None) -> str:
    return " ".join((doc or "").strip().split("\n\n")[0].split())


def _type(prop: dict[str, Any]) -> str:
    """A short JSON type: `string`, `string \\| null`, `list of Actor`, one of `"a"`, `"b"`, with bounds."""
    if "anyOf" in prop:
        return " \\| ".join(_type(option) for option in prop["anyOf"])
    if "$ref" in prop:
        return prop["$ref"].rsplit("/", 1)[-1]
    if "enum" in prop:
        return "one of " + ", ".join("`%s`" % value for value in prop["enum"])
    if "const" in prop:
        return "`%s`" % prop["const"]
    kind = prop.get("type", "any")
    if kind == "array":
        return "list of " + _type(prop.get("items", {}))
    bounds = [
        ("≥ %s" % prop["minimum"]) if "minimum" in prop else "",
        ("≤ %s" % prop["maximum"]) if "maximum" in prop else "",
    ]
    bounds = [b for b in bounds if b]
    return kind + (" (%s)" % ", ".join(bounds) if bounds else "")


def _default(value: Any) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "false" if not value else "true"
    if isinstance(value, str):
        return '`"%s"`' % value
    if value == []:
        return "`[]`"
    return "`%s`" % value


def _cell(text: str) -> str:
    return " ".join(text.split()).replace("|", "\\|")
