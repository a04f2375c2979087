"""`diurna classify PAIRS.jsonl`: the PLOVER pair classifier on marked pairs (shared/spec/records.md).

Input lines are ``{"id", "sentence", "source", "target"}`` where source and target are the actors'
words as they appear in the sentence; output lines are ``{"id", "type", "mode", "confidence"}``,
in input order. A line that cannot be read is reported on stderr with its line number and
skipped (no output line); the exit status is then 1, after every other line has been written.
"""

from __future__ import annotations

import argparse
import json
import sys
from dataclasses import dataclass
from typing import IO, Iterable, Iterator

from diurna.events.classifier import PairInput, find_span

CHUNK = 512  # lines classified together: large enough for full batches, small enough to stream


@dataclass(frozen=True)
class PairLine:
    """One readable input line."""

    number: int
    id: object  # kept as given (string or number), so the output id compares equal
    pair: PairInput
    not_found: tuple[str, ...] = ()  # "source"/"target" words given but absent from the sentence


class BadLine(ValueError):
    pass


def register(subparsers) -> None:
    parser = subparsers.add_parser(
        "classify",
        help="classify marked (sentence, source, target) pairs into PLOVER types",
        description=__doc__,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("pairs", metavar="PAIRS.jsonl", help="pair file, or - for stdin")
    parser.add_argument("-o", "--output", metavar="OUT", help="write here instead of stdout")
    parser.add_argument("--batch-size", type=int, default=64, help="pairs per model call (default 64)")
    parser.add_argument(
        "--linear-only",
        action="store_true",
        help="the linear model alone, without the fine-tuned MiniLM encoder: several times "
        "faster, less accurate (docs/evaluation.md, 'Event classifier')",
    )
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    source = sys.stdin if args.pairs == "-" else open(args.pairs, encoding="utf-8")
    sink = sys.stdout if not args.output else open(args.output, "w", encoding="utf-8")
    try:
        return classify_stream(source, sink, sys.stderr, args.pairs, args.batch_size, encoder=not args.linear_only)
    finally:
        if source is not sys.stdin:
            source.close()
        if sink is not sys.stdout:
            sink.close()


def classify_stream(
    lines: Iterable[str], out: IO[str], err: IO[str], name: str = "<input>", batch_size: int = 64, encoder: bool = True
) -> int:
    """Classify every readable line of `lines`, writing one JSON line each; 1 if any line was skipped.
    `encoder=False` uses the linear model alone."""
    from diurna.events.classifier import PloverClassifier

    classifier = None
    skipped = 0
    for chunk in _chunks(_read(lines, err, name), CHUNK):
        readable = [item for item in chunk if isinstance(item, PairLine)]
        skipped += len(chunk) - len(readable)
        if not readable:
            continue
        classifier = classifier or PloverClassifier.load(encoder=encoder)
        predictions = classifier.predict([item.pair for item in readable], batch_size=batch_size)
        for item, prediction in zip(readable, predictions):
            out.write(
                json.dumps(
                    {
                        "id": item.id,
                        "type": prediction.type,
                        "mode": None,
                        "confidence": round(prediction.confidence, 4),
                    },
                    ensure_ascii=False,
                )
                + "\n"
            )
    if skipped:
        print("diurna classify: %d line(s) of %s skipped" % (skipped, name), file=err)
    return 1 if skipped else 0


def _read(lines: Iterable[str], err: IO[str], name: str) -> Iterator[PairLine | None]:
    """PairLine per readable line, None (after an error message) per unreadable one; blank lines are ignored."""
    for number, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            item = parse_line(line, number)
        except BadLine as exc:
            print("diurna classify: %s, line %d: %s" % (name, number, exc), file=err)
            yield None
            continue
        for role in item.not_found:
            print(
                "diurna classify: %s, line %d: the %s is not in the sentence; classified without it"
                % (name, number, role),
                file=err,
            )
        yield item


def parse_line(line: str, number: int) -> PairLine:
    """The pair a JSON line describes; BadLine says what is wrong with it."""
    try:
        record = json.loads(line)
    except json.JSONDecodeError as exc:
        raise BadLine("not valid JSON (%s)" % exc.msg) from None
    if not isinstance(record, dict):
        raise BadLine("expected a JSON object, got %s" % type(record).__name__)
    if "id" not in record or record["id"] is None or isinstance(record["id"], (dict, list, bool)):
        raise BadLine('missing or unusable "id"')
    sentence = record.get("sentence")
    if not isinstance(sentence, str) or not sentence.strip():
        raise BadLine('"sentence" must be a non-empty string')
    spans, not_found = {}, []
    for role in ("source", "target"):
        phrase = record.get(role)
        if phrase is not None and not isinstance(phrase, str):
            raise BadLine('"%s" must be a string or null' % role)
        spans[role] = find_span(sentence, phrase)
        if phrase and phrase.strip() and spans[role] is None:
            not_found.append(role)
    return PairLine(number, record["id"], PairInput(sentence, spans["source"], spans["target"]), tuple(not_found))


def _chunks(items: Iterator, size: int) -> Iterator[list]:
    chunk: list = []
    for item in items:
        chunk.append(item)
        if len(chunk) == size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def main(argv: list[str] | None = None) -> int:
    """`python -m diurna.events.cli classify ...`, the same command without the top-level CLI."""
    parser = argparse.ArgumentParser(prog="diurna")
    register(parser.add_subparsers(dest="command", required=True))
    args = parser.parse_args(argv)
    return args.func(args)


if __name__ == "__main__":
    raise SystemExit(main())
