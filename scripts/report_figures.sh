#!/usr/bin/env bash
# Every real-text figure of docs/evaluation.md's "Current figures" table, measured on this checkout in
# one run, the outputs kept in OUT:
#
#     bash scripts/report_figures.sh OUT        # about 2 minutes on a quiet machine
#
# The events scorer on opennews tune (with its halves A and B), opennews frozen and realnews-dev; the
# event dates (issue #25's measure); the country and sector of actors in events and the parties of
# matched events (issue #21); toponyms in context (issue #22). Only totals are printed. The frozen
# part's verdict lines are written to OUT because the actor measure reads them; read them only when
# reporting (docs/annotation.md, "the frozen part").
set -euo pipefail
OUT=${1:?usage: bash scripts/report_figures.sh OUT}
cd "$(dirname "$0")/.."
PY=${PYTHON:-.venv/bin/python}
mkdir -p "$OUT"
GOLD=eval/opennews

events() {  # name, then eval_realtext.py's arguments
    local name=$1
    shift
    "$PY" scripts/eval_realtext.py "$@" --keep "$OUT/$name.jsonl" --by-type >"$OUT/$name.txt"
    "$PY" scripts/eval_realtext.py "$@" --pred "$OUT/$name.jsonl" -v >"$OUT/$name.v.txt"
    echo "== events, $name"
    sed -n '2,6p' "$OUT/$name.txt"
}

events tune --split tune
events tune-A --split tune --half A
events tune-B --split tune --half B
events frozen --split frozen
"$PY" scripts/eval_realtext.py --realnews-dev --keep "$OUT/rn.jsonl" >"$OUT/rn.txt" 2>&1
"$PY" scripts/eval_realtext.py --realnews-dev --pred "$OUT/rn.jsonl" -v >"$OUT/rn.v.txt" 2>&1
echo "== events, realnews-dev"
grep -E '^(predicted|salient|target null|date right)' "$OUT/rn.txt"

for part in tune frozen rn; do
    if [ "$part" = rn ]; then gold=../shared/data/realnews-dev/gold.jsonl; dates=(); else gold=$GOLD/.gold.$part.jsonl; dates=(--gold "$gold"); fi
    echo "== dates (#25), $part"
    "$PY" scripts/eval_dates.py realnews "$OUT/$part.jsonl" "${dates[@]}" | tail -1
    echo "== actors in events (#21), $part"
    "$PY" scripts/eval_actor_countries.py "$OUT/$part.v.txt" "$gold" | tail -5
done

for split in tune frozen; do
    echo "== toponyms (#22), opennews $split"
    "$PY" scripts/eval_toponyms.py --set opennews --split "$split" | grep -v "^  "
done
echo "== toponyms (#22), PolNeAR"
"$PY" scripts/eval_toponyms.py --set polnear | grep -v "^  "
