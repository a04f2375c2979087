#!/usr/bin/env python3
"""Build diurna's event-coding data files from the public CAMEO/PLOVER sources.

    .venv/bin/python scripts/build_event_dictionaries.py [--shared ../shared]

Writes, under diurna/events/data/:

- cameo_plover.tsv   every CAMEO code with its label, Goldstein value, PLOVER v2 type and mode
                     (from data/cameo/cameo_codes_goldstein.tsv, MIT, and
                     data/plover/CAMEO2PLOVER-2021.txt, CC BY-SA 4.0, with the v2 corrections
                     listed in docs/events.md)
- cameo_verbs.json.gz the PETRARCH2 CAMEO verb dictionary (data/petrarch2/CAMEO.2.0.txt, MIT)
                     compiled to verb lemma -> patterns, with its synonym sets

The outputs are deterministic (sorted, no timestamps), so rebuilding gives identical bytes.
"""

from __future__ import annotations

import argparse
import gzip
import io
import json
import pathlib
import re
import sys

REPO = pathlib.Path(__file__).resolve().parent.parent
OUT = REPO / "diurna" / "events" / "data"

# Modes the PLOVER v2 manual defines for each type; anything else in the 2021 table is a
# leftover of Draft 0.8 and is translated (or dropped) by MODE_FIXES.
V2_MODES = {
    "CONSULT": {"visit", "third-party", "multilateral", "phone"},
    "RETREAT": {"withdraw", "release", "disarm", "ceasefire", "access", "resign"},
    "REQUEST": {"assist", "change", "yield", "meet"},
    "REJECT": {"assist", "change", "yield", "meet"},
    "ACCUSE": {"disapprove", "investigate", "allege"},
    "THREATEN": {"restrict", "arrest", "relations", "expel", "territory", "violence"},
    "PROTEST": {"demo", "riot", "strike", "hunger", "boycott", "obstruct", "vandalize"},
    "SANCTION": {"convict", "expel", "withdraw", "discontinue"},
    "MOBILIZE": {"troops", "weapons", "police", "militia"},
    "COERCE": {
        "seize",
        "restrict",
        "censor",
        "curfew",
        "martial-law",
        "arrest",
        "deport",
        "withhold",
        "misinformation",
        "cyber",
    },
    "ASSAULT": {
        "abduct",
        "beat",
        "torture",
        "sexual",
        "targeted",
        "destroy",
        "primitive",
        "firearms",
        "explosives",
        "suicide-attack",
        "aerial",
        "drone",
        "heavy-weapons",
        "crowd-control",
        "unconventional",
    },
}
MODE_FIXES = {"assassinate": "targeted", "massacre": "targeted", "ban": "restrict"}

# Rows where diurna departs from the 2021 table, each for a reason given in docs/events.md.
TYPE_OVERRIDES = {
    "163": ("SANCTION", "discontinue"),  # v2 manual: international sanctions are SANCTION 'discontinue'
    "1712": ("ASSAULT", "destroy"),  # the table's mode 'seize' is not an ASSAULT mode
    "1823": ("ASSAULT", "targeted"),  # kill by physical assault
}

# CAMEO 02 (APPEAL) has no rows in the table (PLOVER drops the cue category), but PLOVER v2
# REQUEST covers "all requests, demands, and orders", and appeals ("urged", "called on") are
# requests. Their modes follow the parallel CAMEO 10 (DEMAND) rows.
APPEAL_MODES = {
    "020": None,
    "021": "assist",
    "0211": "assist",
    "0212": "assist",
    "0213": "assist",
    "0214": "assist",
    "022": "assist",
    "023": "assist",
    "0231": "assist",
    "0232": "assist",
    "0233": "assist",
    "0234": "assist",
    "024": "change",
    "0241": "change",
    "0242": "change",
    "0243": "change",
    "0244": "change",
    "025": "yield",
    "0251": "yield",
    "0252": "yield",
    "0253": "yield",
    "0254": "yield",
    "0255": "yield",
    "0256": "yield",
    "026": "meet",
    "027": "meet",
    "028": "meet",
}


def read_cameo2plover(path: pathlib.Path) -> dict[str, tuple[str, str | None]]:
    """code -> (PLOVER type, v2 mode or None) from the 2021 conversion table."""
    table: dict[str, tuple[str, str | None]] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        line = line.split("#", 1)[0].strip()
        match = re.match(r"^(\d{3,4}):\s*(.*)$", line)
        if not match:
            continue
        fields = [f.strip() for f in match.group(2).split(",")]
        plover = fields[0]
        mode = fields[1] if len(fields) > 1 and fields[1] else None
        mode = MODE_FIXES.get(mode, mode)
        if mode not in V2_MODES.get(plover, set()):
            mode = None
        table.setdefault(match.group(1), (plover, mode))  # 175 appears twice: keep the first
    table.update(TYPE_OVERRIDES)
    for code, mode in APPEAL_MODES.items():
        table[code] = ("REQUEST", mode)
    return table


def build_codes(shared: pathlib.Path) -> str:
    table = read_cameo2plover(shared / "data" / "plover" / "CAMEO2PLOVER-2021.txt")
    rows = []
    goldstein_by_root = {}
    lines = (shared / "data" / "cameo" / "cameo_codes_goldstein.tsv").read_text(encoding="utf-8").splitlines()
    header = lines[0].split("\t")
    records = [dict(zip(header, line.split("\t"))) for line in lines[1:] if line.strip()]
    for rec in records:
        if rec["cameo_code"] == rec["root_code"]:
            goldstein_by_root[rec["root_code"]] = rec["goldstein_phoenix"]
    for rec in records:
        code = rec["cameo_code"]
        if len(code) == 2:  # root rows: the codes events carry are 3-4 digits (root 'NN0' is the root)
            continue
        plover, mode = lookup_plover(table, code)
        goldstein = rec["goldstein_phoenix"] or goldstein_by_root.get(rec["root_code"], "")
        rows.append((code, plover or "", mode or "", goldstein, rec["label"]))
    out = io.StringIO()
    out.write("cameo\tplover\tmode\tgoldstein\tlabel\n")
    for row in sorted(rows):
        out.write("\t".join(row) + "\n")
    return out.getvalue()


def lookup_plover(table: dict[str, tuple[str, str | None]], code: str) -> tuple[str | None, str | None]:
    """The row for `code`, else its 3-digit parent's type (mode dropped: the parent's may not fit)."""
    if code in table:
        return table[code]
    if len(code) == 4 and code[:3] in table:
        return table[code[:3]][0], None
    root0 = code[:2] + "0"
    if root0 in table:
        return table[root0][0], None
    return None, None


# ------------------------------------------------------------------ PETRARCH2 verb dictionary

_CODE = re.compile(r"\[([^\]]*)\]\s*$")


def _codes(text: str) -> tuple[str | None, str | None]:
    """'[042:043]' -> ('042', '043'); '[---]' -> ('---', '---'); '[:173]' -> (None, '173')."""
    text = text.strip()
    if text == "---":
        return "---", "---"
    active, _, passive = text.partition(":")
    return (active.strip() or None), (passive.strip() or None) if ":" in text else (active.strip() or None)


def _words(text: str) -> list[str]:
    """Pattern words, lower-cased; '_' joins words; TABARI leftovers ($ + % ^) dropped."""
    out = []
    for raw in text.replace("_", " ").split():
        raw = raw.strip("{}$%^+")
        if raw:
            out.append(raw.lower() if not raw.startswith("&") else raw.upper())
    return out


def parse_pattern(body: str) -> dict | None:
    """One '- pre * post (PREP NOUNS) [CODE]' line as {pre, post, preps, code, passive}."""
    match = _CODE.search(body)
    if not match:
        return None
    active, passive = _codes(match.group(1))
    body = body[: match.start()]
    if "*" not in body:
        return None
    pre_text, _, post_text = body.partition("*")
    preps, post = [], []
    for chunk in re.split(r"(\([^)]*\))", post_text):
        if chunk.startswith("("):
            words = _words(chunk[1:-1])
            if words:
                preps.append([words[0], words[1:]])
        else:
            post.extend(_words(chunk))
    pre = [w for chunk in re.split(r"\([^)]*\)", pre_text) for w in _words(chunk)]
    return {"pre": pre, "post": post, "preps": preps, "code": active, "passive": passive}


def parse_verb_line(line: str) -> tuple[str, list[str], str | None, str | None] | None:
    """'SPEAK {FORMS} [CODE]' -> (verb word, other words of a multi-word verb, code, passive code)."""
    code = passive = None
    match = _CODE.search(line)
    if match:
        code, passive = _codes(match.group(1))
        line = line[: match.start()]
    line = re.sub(r"\{[^}]*\}", " ", line).strip()
    if not line:
        return None
    phrase = line.split()[0].strip("_")
    parts = [p for p in phrase.split("_") if p]
    marked = [p for p in parts if p.startswith("+")]
    verb = (marked[0] if marked else parts[0]).lstrip("+").lower()
    others = [p.lstrip("+").lower() for p in parts if p.lstrip("+").lower() != verb]
    return verb, others, code, passive


def build_verbs(shared: pathlib.Path) -> dict:
    text = (shared / "data" / "petrarch2" / "CAMEO.2.0.txt").read_text(encoding="utf-8")
    synsets: dict[str, list[str]] = {}
    verbs: dict[str, list[dict]] = {}
    blocks: list[dict] = []
    section = None
    synset = None
    block = None
    for raw in text.splitlines():
        if "SYNONYM SETS" in raw:
            section = "syn"
            continue
        if "VERB PATTERNS" in raw:
            section = "verbs"
            continue
        if "TRANSFORMATIONS" in raw:
            break
        if raw.startswith("<!"):
            break
        line = raw.split("#", 1)[0].rstrip()
        if not line.strip():
            continue
        if section == "syn":
            if line.startswith("&"):
                synset = line.strip().rstrip("_").upper()
                synsets[synset] = []
            elif line.startswith("+") and synset:
                synsets[synset].append(line[1:].strip().strip("_").replace("_", " ").lower())
        elif section == "verbs":
            header = re.match(r"^---\s+(\S+)\s+\[([^\]]*)\]\s+---", line)
            if header:
                block_code = _codes(header.group(2))
                block = {"name": header.group(1), "code": block_code[0], "passive": block_code[1], "patterns": []}
                blocks.append(block)
                continue
            if block is None:
                continue
            if line.startswith("-"):
                pattern = parse_pattern(line[1:])
                if pattern:
                    block["patterns"].append(pattern)
                continue
            parsed = parse_verb_line(line)
            if parsed is None:
                continue
            verb, others, code, passive = parsed
            entry = {
                "block": len(blocks) - 1,
                "particles": others,
                "code": code or block["code"],
                "passive": passive or block["passive"],
            }
            verbs.setdefault(verb, []).append(entry)
    # Synset references keep the '&' and a trailing '_' is part of the name in the file: normalise.
    return {
        "synsets": {k.rstrip("_"): sorted(set(v)) for k, v in sorted(synsets.items())},
        "verbs": {k: v for k, v in sorted(verbs.items())},
        "blocks": blocks,
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=pathlib.Path, default=REPO.parent / "shared")
    parser.add_argument("--out", type=pathlib.Path, default=OUT, help="output folder (default: the package's)")
    args = parser.parse_args(argv)
    out = args.out
    out.mkdir(parents=True, exist_ok=True)
    (out / "cameo_plover.tsv").write_text(build_codes(args.shared), encoding="utf-8")
    verbs = build_verbs(args.shared)
    payload = json.dumps(verbs, sort_keys=True, separators=(",", ":")).encode("utf-8")
    with open(out / "cameo_verbs.json.gz", "wb") as fh:
        # mtime=0 and no file name keep the bytes identical from one build to the next
        with gzip.GzipFile(filename="", mode="wb", fileobj=fh, mtime=0) as gz:
            gz.write(payload)
    print(
        "wrote %s: %d verbs, %d blocks, %d patterns, %d synsets"
        % (
            out,
            len(verbs["verbs"]),
            len(verbs["blocks"]),
            sum(len(b["patterns"]) for b in verbs["blocks"]),
            len(verbs["synsets"]),
        ),
        file=sys.stderr,
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
