"""The `diurna quotes` view."""

import argparse
import io

from diurna.quotes.cli import print_article, register


def test_register_adds_the_quotes_command():
    parser = argparse.ArgumentParser()
    register(parser.add_subparsers())
    args = parser.parse_args(["quotes", "a.txt", "--pubdate", "2024-03-01"])
    assert args.files == ["a.txt"] and args.pubdate == "2024-03-01" and callable(args.func)


def test_view_prints_speaker_arrow_quote(code):
    doc = code(
        "Ukrainian President Volodymyr Zelensky visited troops near Pokrovsk on Friday. "
        '"We will hold the line," he said.'
    )
    out = io.StringIO()
    print_article(doc, out, width=0)
    line = next(l for l in out.getvalue().splitlines() if "hold the line" in l)
    assert line.startswith("Volodymyr Zelensky [he] → “We will hold the line")
    assert "cue: said" in line
