"""Peak memory and time of diurna on the large hostile inputs of issue 23, one process per input.

    nice .venv/bin/python benchmarks/bench_hostile_inputs.py [--work DIR] [--line-gb 2] [--only NAME]

Each input is written into the work folder (default: a temporary one), then coded by
`python -m diurna.cli code INPUT --pubdate 2024-03-05` (or uploaded to POST /api/ingest of an
in-process server, for the upload case) in a child process whose peak RSS is read from
getrusage(RUSAGE_CHILDREN). The bound issue 23 sets: under 1.5 GB for any single input, and no hang
(each run has a 30-minute timeout). Before the fix the 2 GB line took 5.8 GB and the upload 3.3 GB.

Inputs:
  line-2gb.jsonl.gz     one 2 GB line of 'a' (2 MB gzipped): the issue's `head -c 2G /dev/zero | tr ...`
  line-60mb.jsonl       one valid 60 MB article line (under the 64 MiB line limit: read, then truncated)
  nested.jsonl          a 20 MB line of JSON arrays nested 10 million deep, then a good line
  digits.jsonl          a 1 MB integer, then a good line
  zero-link/            a folder with a link to /dev/zero named .jsonl, coded with --follow-symlinks
  deep.html             an article nested 2,000 elements deep (parsed again as a huge tree)
  upload-2gb-line       the 2 GB-line .jsonl.gz uploaded to POST /api/ingest
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import pathlib
import subprocess
import sys
import tempfile
import textwrap
import time

GOOD = (
    "Kenyan President William Ruto met Ethiopian Prime Minister Abiy Ahmed in Nairobi on Tuesday to discuss "
    "border security and trade, officials said. "
)
LIMIT_MB = 1536
MEASURED = textwrap.dedent("""
    import json, resource, subprocess, sys, time
    started = time.monotonic()
    done = subprocess.run(sys.argv[1:], capture_output=True, text=True, timeout=1800)
    print(json.dumps({"rc": done.returncode, "stderr": done.stderr[-600:], "seconds": time.monotonic() - started,
                      "peak_rss_mb": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024}))
""")
UPLOAD = textwrap.dedent("""
    import sys
    from fastapi.testclient import TestClient
    from diurna.api import Settings, create_app
    app = create_app(Settings(db=sys.argv[2], allow_ingest=True, token="t"))
    with TestClient(app) as client, open(sys.argv[1], "rb") as fh:
        r = client.post("/api/ingest", files={"file": ("wire.jsonl.gz", fh, "application/gzip")},
                        headers={"Authorization": "Bearer t"})
    print(r.status_code, r.text[:300], file=sys.stderr)
    sys.exit(0 if r.status_code == 200 else 1)
""")


def good_line(article_id: str) -> bytes:
    return (json.dumps({"id": article_id, "text": GOOD, "date": "2024-03-05"}) + "\n").encode()


def write_inputs(work: pathlib.Path, line_gb: float) -> dict[str, list[str]]:
    """Write every input; the command-line arguments that code each one."""
    inputs: dict[str, list[str]] = {}
    chunk = b"a" * (1 << 24)
    path = work / "line-2gb.jsonl.gz"
    if not path.exists():
        with gzip.open(path, "wb", compresslevel=6) as out:
            for _ in range(int(line_gb * 1024**3) // len(chunk)):
                out.write(chunk)
            out.write(b"\n" + good_line("after-long-line"))
    inputs["line-2gb.jsonl.gz"] = [str(path)]
    path = work / "line-60mb.jsonl"
    with open(path, "wb") as out:
        out.write(
            good_line("before")
            + json.dumps({"id": "huge", "text": GOOD * (60 * 1024 * 1024 // len(GOOD))}).encode()
            + b"\n"
            + good_line("after")
        )
    inputs["line-60mb.jsonl"] = [str(path)]
    depth = 10_000_000
    path = work / "nested.jsonl"
    path.write_bytes(b'{"id": "deep", "text": ' + b"[" * depth + b"]" * depth + b"}\n" + good_line("after-nested"))
    inputs["nested.jsonl"] = [str(path)]
    path = work / "digits.jsonl"
    path.write_bytes(b'{"id": "n", "text": "x", "n": ' + b"7" * (1 << 20) + b"}\n" + good_line("after-digits"))
    inputs["digits.jsonl"] = [str(path)]
    folder = work / "zero-link"
    folder.mkdir(exist_ok=True)
    if not (folder / "zero.jsonl").is_symlink():
        os.symlink("/dev/zero", folder / "zero.jsonl")
    inputs["zero-link/"] = [str(folder), "--follow-symlinks"]
    path = work / "deep.html"
    path.write_text(
        "<html><body>" + "<div>" * 2000 + "<p>" + GOOD * 5 + "</p>" + "</div>" * 2000 + "</body></html>",
        encoding="utf-8",
    )
    inputs["deep.html"] = [str(path)]
    return inputs


def measure(command: list[str]) -> dict:
    out = subprocess.run([sys.executable, "-c", MEASURED, *command], capture_output=True, text=True, check=True)
    return json.loads(out.stdout)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--work", help="folder for the inputs (kept; default: a temporary folder)")
    parser.add_argument("--line-gb", type=float, default=2.0, help="length of the long line in GB (default: 2)")
    parser.add_argument("--only", help="run only the input of this name")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        work = pathlib.Path(args.work or tmp)
        work.mkdir(parents=True, exist_ok=True)
        started = time.monotonic()
        inputs = write_inputs(work, args.line_gb)
        print("inputs written in %.0f s under %s" % (time.monotonic() - started, work), file=sys.stderr)
        runs = {
            name: [sys.executable, "-m", "diurna.cli", "code", *argv, "--pubdate", "2024-03-05"]
            for name, argv in inputs.items()
        }
        runs["upload-2gb-line"] = [
            sys.executable,
            "-c",
            UPLOAD,
            inputs["line-2gb.jsonl.gz"][0],
            str(work / "upload.duckdb"),
        ]
        worst = 0.0
        print("%-20s %10s %9s %4s  %s" % ("input", "peak MB", "seconds", "rc", "last message"))
        for name, command in runs.items():
            if args.only and name != args.only:
                continue
            result = measure(command)
            worst = max(worst, result["peak_rss_mb"])
            last = (result["stderr"].strip().splitlines() or [""])[-1][:110]
            print(
                "%-20s %10.0f %9.1f %4d  %s" % (name, result["peak_rss_mb"], result["seconds"], result["rc"], last),
                flush=True,
            )
        print("worst peak RSS: %.0f MB (bound: %d MB) -> %s" % (worst, LIMIT_MB, "ok" if worst < LIMIT_MB else "OVER"))
    return 0 if worst < LIMIT_MB else 1


if __name__ == "__main__":
    sys.exit(main())
