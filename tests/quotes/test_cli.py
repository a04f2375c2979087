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


def test_explain_shows_the_rule_that_made_each_quote(code):
    parser = argparse.ArgumentParser()
    register(parser.add_subparsers())
    assert parser.parse_args(["quotes", "a.txt", "--explain"]).explain
    doc = code(
        'Ukrainian President Volodymyr Zelensky visited troops near Pokrovsk on Friday. "We will hold the line," he '
        'said. "Nobody will leave."\nThe defence minister said more weapons would arrive soon.'
    )
    out = io.StringIO()
    print_article(doc, out, width=0, explain=True)
    lines = out.getvalue().splitlines()
    assert "rule: cue-content" in next(l for l in lines if "hold the line" in l)  # the parse: said -> ccomp
    assert "rule: continued" in next(l for l in lines if "Nobody will leave" in l)
    assert "rule: indirect" in next(l for l in lines if "more weapons" in l)
    plain = io.StringIO()
    print_article(doc, plain, width=0)
    assert "rule:" not in plain.getvalue()
