"""`diurna quotes FILE...`: who said what, one line per quote, for a person to read."""

from __future__ import annotations

import argparse
import sys
import textwrap
from typing import TextIO

from diurna.document import ArticleDoc

_KIND_MARK = {"direct": "“”", "partial": "‘’", "indirect": "  "}


def register(subparsers) -> None:
    p = subparsers.add_parser(
        "quotes",
        help="print who said what in articles (speaker → quote)",
        description="Code articles and print their quotes: speaker → quote, with the cue word and the relay chain.",
    )
    p.add_argument(
        "files", nargs="+", metavar="FILE", help=".txt, .html, .jsonl, .warc[.gz], a directory, or - for stdin"
    )
    p.add_argument("--pubdate", metavar="YYYY-MM-DD", help="publication date for inputs that carry none")
    p.add_argument("--width", type=int, default=100, help="wrap quotes at this many characters (0: no wrapping)")
    p.add_argument(
        "--explain",
        action="store_true",
        help="show the rule that made each quote and any that revised its speaker (rule names: "
        "diurna/quotes/rules.py; switch rules off with DIURNA_QUOTE_RULES_OFF=name,name)",
    )
    p.set_defaults(func=cmd_quotes)


def speaker_label(doc: ArticleDoc, quote) -> str:
    """The speaker's actor name, with the words the text used when they differ ("he" → Hassan Rouhani)."""
    actor = doc.actor(quote.speaker)
    said = quote.speaker_mention.text if quote.speaker_mention else None
    if actor is None:
        return "(%s, unresolved)" % said if said else "(no speaker)"
    if said and said.lower() != actor.name.lower():
        return "%s [%s]" % (actor.name, " ".join(said.split()))
    return actor.name


def format_quote(doc: ArticleDoc, quote, width: int = 100, explain: bool = False) -> str:
    opening, closing = _KIND_MARK[quote.kind]
    content = " ".join(quote.content.text.split())
    line = "%s → %s%s%s" % (speaker_label(doc, quote), opening.strip(), content, closing.strip())
    extras = []
    if quote.cue is not None:
        extras.append("cue: %s" % quote.cue.text)
    if quote.via:
        extras.append("via: %s" % " ← ".join(doc.actor(v).name if doc.actor(v) else v for v in quote.via))
    extras.append(quote.kind)
    if explain:
        extras.append("rule: %s" % (doc.quote_rules.get(quote.id) or "(none recorded)"))
    line += "  (%s)" % "; ".join(extras)
    if width and width > 20:
        return textwrap.fill(line, width=width, subsequent_indent="      ")
    return line


def print_article(doc: ArticleDoc, out: TextIO, width: int = 100, explain: bool = False) -> None:
    title = doc.article.title or doc.origin or doc.article.id
    out.write("== %s (%d quotes)\n" % (title, len(doc.quotes)))
    for quote in doc.quotes:
        out.write(format_quote(doc, quote, width, explain) + "\n")
    out.write("\n")


def _read(paths):
    try:
        from diurna.ingest import read_paths
    except ImportError:  # before the ingest readers existed: plain text files
        from diurna.ingest.base import RawArticle

        return (RawArticle(origin=p, text=open(p, encoding="utf-8").read()) for p in paths)
    return read_paths(paths)


def cmd_quotes(args: argparse.Namespace) -> int:
    from diurna.ingest.base import IngestError
    from diurna.pipeline import Pipeline

    pipeline = Pipeline(default_pubdate=args.pubdate)
    failures = 0
    for item in pipeline(_read(args.files)):
        if isinstance(item, IngestError):
            failures += getattr(item, "kind", "error") == "error"
            sys.stderr.write("diurna quotes: %s\n" % item)
            continue
        if not isinstance(item, ArticleDoc):
            continue
        print_article(item, sys.stdout, args.width, args.explain)
    return 1 if failures else 0
