#!/usr/bin/env python3
"""Score diurna on the project's real-text evaluation set (docs/annotation.md, eval/opennews/README.md).

The set is real news from every region, its gold written from the text alone before diurna was run
on it, one article per file:

    DATA/articles/ID_slug.txt     the text as the outlet printed it (cut at a sentence end)
    DATA/manifest/ID.json         source, publication date, outlet, licence, how it was retrieved
    DATA/gold/ID.json             every codable event (realnews-dev's gold format)

DATA is eval/opennews in the repository: openly licensed news only (VOA, public domain; Wikinews,
CC BY 2.5: eval/opennews/README.md), so texts, manifests and gold travel with every clone. $DIURNA_REALTEXT (or
--data) points the scripts at another set in the same layout instead, e.g. the first real-text set of
475 articles (eval/realtext/README.md), which was other publishers' copy kept outside the repository
and was lost with its machine on 2026-12-07; eval/realtext/sha256.txt pins its files, and they are
checked against it whenever a set outside the repository is scored.

Split: an article is in the *frozen* part when the first 8 hex digits of sha256(id) modulo 5 are 0 or
1 (about 40 %), else in the *tune* part. Look at the frozen part's errors only when reporting.

    .venv/bin/python scripts/eval_realtext.py                       # tune split, figures
    .venv/bin/python scripts/eval_realtext.py -v                    # tune split, a verdict per event
    .venv/bin/python scripts/eval_realtext.py --split frozen        # only when reporting
    .venv/bin/python scripts/eval_realtext.py --pred out.jsonl      # score earlier output, do not code
    .venv/bin/python scripts/eval_realtext.py --data D --write-sums # pin a set outside the repository
    .venv/bin/python scripts/eval_realtext.py --realnews-dev [--keep OUT.jsonl] [-v]  # the second check

--realnews-dev codes ../shared/data/realnews-dev (20 articles, never tuned on) with this checkout's own
package and scores it with that set's scorer. Prefer it to `.venv/bin/diurna code`: in a git worktree
that shares another checkout's venv, the console script imports the package the venv was installed
from (its editable install), not the worktree's, and so scores the other checkout.

Scoring is realnews-dev's own scorer (../shared/data/realnews-dev/score.py), so the figures mean
what they mean there (strict recall, precision, loose recall, target null, date, place).
"""

from __future__ import annotations

import argparse
import gzip
import hashlib
import importlib.util
import json
import os
import pathlib
import subprocess
import sys
import tempfile
from typing import Optional

ROOT = pathlib.Path(__file__).resolve().parent.parent
SUMS = ROOT / "eval" / "realtext" / "sha256.txt"
REALNEWS = ROOT.parent / "shared" / "data" / "realnews-dev"
SCORER = REALNEWS / "score.py"
REQUIRED_EVENT_KEYS = ("id", "type", "source", "target", "date", "place", "evidence")


def scorer():
    """realnews-dev's scorer (SCORER) as a module, for the scripts that label events with its own
    matching (score_article, actor_ok, locate) instead of re-stating it."""
    spec = importlib.util.spec_from_file_location("realnews_score", SCORER)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def load_cache(path: pathlib.Path | None) -> dict | None:
    """A training script's cache of coded articles (gzip JSON), or None when there is none."""
    if path is None or not path.exists():
        return None
    with gzip.open(path, "rt", encoding="utf-8") as f:
        return json.load(f)


def save_cache(path: pathlib.Path | None, data: dict) -> None:
    """Write a cache of coded articles through a partial file, so that an interrupted run never
    leaves a truncated cache that the next run would read."""
    if path is None:
        return
    partial = path.with_name(path.name + ".partial")
    with gzip.open(partial, "wt", encoding="utf-8") as f:
        json.dump(data, f)
    partial.replace(path)


OPEN_SET = ROOT / "eval" / "opennews"


def default_data() -> pathlib.Path:
    """The real-text set every script reads: $DIURNA_REALTEXT when set, else the repository's own
    openly licensed set (OPEN_SET). The one place that says so: the training scripts ask here."""
    return pathlib.Path(os.environ.get("DIURNA_REALTEXT") or OPEN_SET)


def in_repository(data: pathlib.Path) -> bool:
    """True for a set inside the repository, whose files git pins (no sha256 list to check)."""
    return data.resolve().is_relative_to(ROOT.resolve())


def split_of(article_id: str) -> str:
    return "frozen" if int(hashlib.sha256(article_id.encode()).hexdigest()[:8], 16) % 5 < 2 else "tune"


def half_of(article_id: str) -> str:
    """The tune split's two halves by id hash, A and B: the training scripts fit on one half and
    select on the other (defined once, so that every script selects on the same halves)."""
    return "A" if int(hashlib.sha256(("half:" + article_id).encode()).hexdigest()[:8], 16) % 2 == 0 else "B"


def fold_of(article_id: str, k: int) -> int:
    """The article's fold (0 to k - 1) of a k-fold split of the tune articles by id hash: out-of-fold
    figures group by article, so that no article is both fitted and scored."""
    return int(hashlib.sha256(("fold:" + article_id).encode()).hexdigest()[:8], 16) % k


def _collapse(text: str) -> str:
    return " ".join(text.split())


def load(data: pathlib.Path, split: Optional[str] = None) -> list[tuple[dict, dict]]:
    """(manifest, gold) per article, checked: every file present, evidence copied from the text.
    With `split` ("tune"), only that split's articles: the others' gold and text are not opened (the
    training scripts never read the frozen part)."""
    problems, out = [], []
    for mpath in sorted((data / "manifest").glob("*.json")):
        manifest = json.loads(mpath.read_text(encoding="utf-8"))
        if split is not None and split_of(manifest["id"]) != split:
            continue
        gpath = data / "gold" / mpath.name
        if not gpath.exists():
            problems.append("%s: no gold file %s" % (mpath, gpath))
            continue
        gold = json.loads(gpath.read_text(encoding="utf-8"))
        text_path = data / manifest["file"]
        if gold.get("file") != manifest["file"] or not text_path.exists():
            problems.append("%s: gold file %r / text %s do not agree" % (gpath, gold.get("file"), text_path))
            continue
        text = _collapse(text_path.read_text(encoding="utf-8"))
        for event in gold["events"] + gold.get("acceptable_extra", []):
            missing = [k for k in REQUIRED_EVENT_KEYS if k not in event]
            if missing:
                problems.append("%s %s: missing %s" % (gpath.name, event.get("id"), missing))
            for quote in [event.get("evidence", "")] + list(event.get("evidence_alt", [])):
                if _collapse(quote) not in text:
                    problems.append("%s %s: evidence not in the text: %r" % (gpath.name, event.get("id"), quote))
        gold.setdefault("published", manifest["published"])
        out.append((manifest, gold))
    if problems:
        raise SystemExit("the real-text set has problems:\n  " + "\n  ".join(problems))
    return out


def tune_texts(data: pathlib.Path) -> list[tuple[str, str, str, dict]]:
    """(id, text, publication date, gold) of each tune article, for the training scripts (`load`'s
    checks; the frozen part is never opened)."""
    return [(m["id"], (data / m["file"]).read_text(encoding="utf-8"), m["published"], g) for m, g in load(data, "tune")]


def realnews_dev() -> list[tuple[str, str, str, dict]]:
    """(id: the file's stem, text, publication date, gold) of each realnews-dev article, in its
    manifest's order: the extra held-out set the training scripts report (never train on)."""
    with open(REALNEWS / "manifest.jsonl", encoding="utf-8") as f:
        manifest = [json.loads(line) for line in f if line.strip()]
    with open(REALNEWS / "gold.jsonl", encoding="utf-8") as f:
        gold = {g["file"]: g for g in (json.loads(line) for line in f if line.strip())}
    return [
        (
            pathlib.Path(m["file"]).stem,
            (REALNEWS / m["file"]).read_text(encoding="utf-8"),
            m["published"],
            gold[m["file"]],
        )
        for m in manifest
    ]


def files_of(data: pathlib.Path, manifest: dict) -> list[pathlib.Path]:
    return [
        data / manifest["file"],
        data / "manifest" / (manifest["id"] + ".json"),
        data / "gold" / (manifest["id"] + ".json"),
    ]


def check_sums(data: pathlib.Path, articles: list[tuple[dict, dict]]) -> list[str]:
    if not SUMS.exists():
        return ["no %s: run --write-sums once the set is complete" % SUMS.relative_to(ROOT)]
    pinned = dict(row.split("  ", 1)[::-1] for row in SUMS.read_text().split("\n") if row.strip())
    notes = []
    present = set()
    for manifest, _ in articles:
        for path in files_of(data, manifest):
            rel = str(path.relative_to(data))
            present.add(rel)
            digest = hashlib.sha256(path.read_bytes()).hexdigest()
            if rel not in pinned:
                notes.append("not pinned (new): %s" % rel)
            elif pinned[rel] != digest:
                notes.append("CHANGED since pinned: %s" % rel)
    notes.extend("MISSING: %s" % rel for rel in sorted(set(pinned) - present))
    return notes


def write_sums(data: pathlib.Path, articles: list[tuple[dict, dict]]) -> None:
    lines = [
        "%s  %s" % (hashlib.sha256(p.read_bytes()).hexdigest(), p.relative_to(data))
        for manifest, _ in articles
        for p in files_of(data, manifest)
    ]
    SUMS.parent.mkdir(parents=True, exist_ok=True)
    SUMS.write_text("\n".join(sorted(lines, key=lambda l: l.split("  ")[1])) + "\n")
    print("pinned %d files of %d articles in %s" % (len(lines), len(articles), SUMS.relative_to(ROOT)))


def write_input(data: pathlib.Path, chosen, path: pathlib.Path) -> None:
    """The articles as `diurna code` input, one JSON line each with its own publication date."""
    with open(path, "w", encoding="utf-8") as out:
        for m, _ in chosen:
            text = (data / m["file"]).read_text(encoding="utf-8")
            out.write(json.dumps({"id": m["id"], "text": text, "date": m["published"]}, ensure_ascii=False) + "\n")


def code_with_this_checkout(inp: pathlib.Path, out: pathlib.Path) -> None:
    """`diurna code INP > OUT` with this checkout's package (`python -m` from ROOT: never the package a
    shared venv's console script would import)."""
    with open(out, "w", encoding="utf-8") as f:
        subprocess.run([sys.executable, "-m", "diurna.cli", "code", str(inp)], stdout=f, check=True, cwd=ROOT)


def write_realnews_input(path: pathlib.Path) -> int:
    """realnews-dev's articles as `diurna code` input, as its own make_input.py writes them (id: the
    file's stem, its publication date); returns how many."""
    articles = realnews_dev()
    with open(path, "w", encoding="utf-8") as out:
        for stem, text, published, _ in articles:
            out.write(json.dumps({"id": stem, "text": text, "date": published}, ensure_ascii=False) + "\n")
    return len(articles)


def score_realnews_dev(pred: pathlib.Path | None, keep: pathlib.Path | None, verbose: bool) -> int:
    """Code realnews-dev with this checkout (unless `pred` is given) and print its scorer's figures."""
    if pred is None:
        pred = keep or pathlib.Path(tempfile.mkstemp(suffix=".jsonl")[1])
        with tempfile.NamedTemporaryFile("w", suffix=".jsonl", delete=False, encoding="utf-8") as inp:
            write_realnews_input(pathlib.Path(inp.name))
        code_with_this_checkout(pathlib.Path(inp.name), pred)
    return subprocess.run([sys.executable, str(SCORER), str(pred)] + (["-v"] if verbose else [])).returncode


def main() -> int:
    ap = argparse.ArgumentParser(
        description=__doc__.split("\n\n")[0], formatter_class=argparse.RawDescriptionHelpFormatter, epilog=__doc__
    )
    ap.add_argument("--data", type=pathlib.Path, default=default_data(), help="the set's folder (default %(default)s)")
    ap.add_argument("--split", choices=("tune", "frozen", "all"), default="tune")
    ap.add_argument(
        "--half",
        choices=("A", "B"),
        help="only this half of the tune split (half_of): develop on A, check on B without reading its errors",
    )
    ap.add_argument("--pred", type=pathlib.Path, help="score this `diurna code` output instead of coding")
    ap.add_argument("--keep", type=pathlib.Path, help="write diurna's output here")
    ap.add_argument("--write-input", type=pathlib.Path, help="only write the split's articles as `diurna code` input")
    ap.add_argument(
        "--write-sums",
        action="store_true",
        help="pin every file of a set outside the repository in eval/realtext/sha256.txt",
    )
    ap.add_argument("-v", "--verbose", action="store_true", help="a verdict per gold and per output event")
    ap.add_argument("--by-type", action="store_true", help="also strict recall and precision per PLOVER type")
    ap.add_argument(
        "--realnews-dev",
        action="store_true",
        help="code and score ../shared/data/realnews-dev with this checkout instead (with --keep, --pred, -v)",
    )
    args = ap.parse_args()
    if args.realnews_dev:
        return score_realnews_dev(args.pred, args.keep, args.verbose)
    if not (args.data / "manifest").is_dir():
        raise SystemExit(
            "no real-text set at %s (see eval/opennews/README.md; set --data or $DIURNA_REALTEXT)" % args.data
        )
    articles = load(args.data)
    if args.write_sums:
        if in_repository(args.data):
            raise SystemExit(
                "%s is in the repository: git pins its files (--write-sums is for a set outside it)" % args.data
            )
        write_sums(args.data, articles)
        return 0
    for note in [] if in_repository(args.data) else check_sums(args.data, articles):
        print("note:", note, file=sys.stderr)
    if args.half and args.split != "tune":
        raise SystemExit("--half splits the tune part only (use it with --split tune)")
    chosen = [(m, g) for m, g in articles if args.split == "all" or split_of(m["id"]) == args.split]
    chosen = [(m, g) for m, g in chosen if not args.half or half_of(m["id"]) == args.half]
    if not chosen:
        raise SystemExit("no article in split %s" % args.split)
    part = args.split + ("-" + args.half if args.half else "")
    gold_path = args.data / (".gold.%s.jsonl" % part)
    manifest_path = args.data / (".manifest.%s.jsonl" % part)
    gold_path.write_text("".join(json.dumps(g, ensure_ascii=False) + "\n" for _, g in chosen), encoding="utf-8")
    manifest_path.write_text("".join(json.dumps(m, ensure_ascii=False) + "\n" for m, _ in chosen), encoding="utf-8")
    if args.write_input:
        write_input(args.data, chosen, args.write_input)
        return 0
    pred = args.pred
    if pred is not None and args.half:
        pred = only_articles(pred, {m["id"] for m, _ in chosen})
    if pred is None:
        pred = args.keep or pathlib.Path(tempfile.mkstemp(suffix=".jsonl")[1])
        with tempfile.NamedTemporaryFile("w", suffix=".jsonl", delete=False, encoding="utf-8") as inp:
            write_input(args.data, chosen, pathlib.Path(inp.name))
        code_with_this_checkout(pathlib.Path(inp.name), pred)
    print(
        "real-text set, split %s: %d articles, %d gold events (%d salient)"
        % (
            part,
            len(chosen),
            sum(len(g["events"]) for _, g in chosen),
            sum(bool(e.get("salient", True)) for _, g in chosen for e in g["events"]),
        )
    )
    command = [sys.executable, str(SCORER), str(pred), "--gold", str(gold_path), "--manifest", str(manifest_path)]
    if not args.by_type:
        return subprocess.run(command + (["-v"] if args.verbose else [])).returncode
    run = subprocess.run(command + ["-v"], capture_output=True, text=True)
    print(run.stdout if args.verbose else run.stdout.split("\n\n", 1)[-1], end="")
    print(by_type_table(run.stdout))
    return run.returncode


def only_articles(pred: pathlib.Path, ids: set[str]) -> pathlib.Path:
    """A copy of a `diurna code` output with the records of these articles only: one half's output
    cut from a whole split's, so that the scorer does not count the other half's as unmatched."""
    kept = [
        line
        for line in pred.read_text(encoding="utf-8").splitlines(keepends=True)
        if line.strip() and json.loads(line).get("article", {}).get("id") in ids
    ]
    with tempfile.NamedTemporaryFile("w", suffix=".jsonl", delete=False, encoding="utf-8") as out:
        out.writelines(kept)
    return pathlib.Path(out.name)


def by_type_table(verbose_output: str) -> str:
    """Strict recall per gold type and precision per output type, from the scorer's verdict lines
    ("gold STRICT q id TYPE ...", "pred RIGHT TYPE ..."; a gold with several acceptable types counts
    under its first)."""
    import re

    recall: dict[str, list[int]] = {}
    precision: dict[str, list[int]] = {}
    for line in verbose_output.splitlines():
        gold = re.match(r"\s+gold (STRICT|loose|  --)\s+(?:q )?\s*\S+\s+([A-Z/]+)", line)
        if gold:
            kind = gold.group(2).split("/")[0]
            recall.setdefault(kind, [0, 0])
            recall[kind][0] += gold.group(1) == "STRICT"
            recall[kind][1] += 1
        pred = re.match(r"\s+pred (RIGHT|locat|unloc)\s+([A-Z]+)\s", line)
        if pred:
            precision.setdefault(pred.group(2), [0, 0])
            precision[pred.group(2)][0] += pred.group(1) == "RIGHT"
            precision[pred.group(2)][1] += 1
    rows = ["", "type        strict recall        precision"]
    for kind in sorted(set(recall) | set(precision)):
        r, p = recall.get(kind, [0, 0]), precision.get(kind, [0, 0])
        rows.append(
            "%-10s %4d/%-4d %5s    %4d/%-4d %5s"
            % (
                kind,
                r[0],
                r[1],
                "%.2f" % (r[0] / r[1]) if r[1] else "-",
                p[0],
                p[1],
                "%.2f" % (p[0] / p[1]) if p[1] else "-",
            )
        )
    return "\n".join(rows)


if __name__ == "__main__":
    sys.exit(main())
