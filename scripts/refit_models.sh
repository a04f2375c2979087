#!/usr/bin/env bash
# Refit every learned component from the repository's real-text set (eval/opennews, tune part only),
# in dependency order, WITHOUT touching the packaged models: each refit is written under OUT, each
# script's log (which prints the packaged model beside the refit, on the same held-out articles) is
# OUT/<name>.log, and the comparison lines are printed at the end. Copy a refit into place only where
# it is at least as good on the held-out halves and on realnews-dev (docs/evaluation.md, ninth
# session, branch models9, says how each was judged).
#
#   bash scripts/refit_models.sh [OUT]          # default OUT=/tmp/diurna-refit; reruns reuse OUT's caches
#
# Needs scikit-learn and scipy (pyproject extra "train"), importable by .venv/bin/python (installed in
# the venv, or on PYTHONPATH). About an hour on a loaded two-core machine. The frozen part is never read.
set -euo pipefail
cd "$(dirname "$0")/.."
OUT=${1:-/tmp/diurna-refit}
PY=${PY:-.venv/bin/python}
RN=../shared/data/realnews-dev
mkdir -p "$OUT"
run() {  # name, command...: run with its log in OUT/name.log
    local name=$1
    shift
    echo "== $name: $*" >&2
    nice -n 10 "$@" >"$OUT/$name.log" 2>&1
}

# events: the detector first (it proposes candidates), then the chooser, then the verifier on it
run detector "$PY" scripts/train_detector.py --out "$OUT/detector"
run arguments "$PY" scripts/train_arguments.py --cache "$OUT/args.pkl" --out "$OUT/arguments.json"
run verifier "$PY" scripts/train_verifier.py --cache "$OUT/verifier.facts.json.gz" \
    --argument-cache "$OUT/args.pkl" --out "$OUT/verifier.json"
run statements "$PY" scripts/train_statements.py --cache "$OUT/statements.json.gz" \
    --polnear-cache "$OUT/statements.polnear.json.gz" --plv-cache "$OUT/statements.plv.json.gz" --out "$OUT/statements.json"
run nominal "$PY" scripts/train_nominal.py --cache "$OUT/nominal" --out "$OUT/nominal.json"

# actors: the country model, the agent-sector table (all tune, each half, each half's on the other),
# the sector model on tune coded without it (else the actors it gave a sector are no longer open)
run country "$PY" scripts/train_actor_country.py --cache "$OUT/country_rows.json" --out "$OUT/country_model.json"
run agents "$PY" scripts/build_agent_sectors.py --out "$OUT/agent_sectors.yaml"
run agents_check "$PY" scripts/build_agent_sectors.py --check diurna/actors/data/agent_sectors.yaml
for h in A B; do
    run "agents_$h" "$PY" scripts/build_agent_sectors.py --half $h --out "$OUT/agents_$h.yaml"
done
run agents_check_A_on_B "$PY" scripts/build_agent_sectors.py --half B --check "$OUT/agents_A.yaml"
run agents_check_B_on_A "$PY" scripts/build_agent_sectors.py --half A --check "$OUT/agents_B.yaml"
[ -s "$OUT/tune_nosector.jsonl" ] || DIURNA_ACTOR_SECTOR_MODEL= run tune_nosector "$PY" scripts/eval_realtext.py \
    --split tune --keep "$OUT/tune_nosector.jsonl"
run sector "$PY" scripts/train_actor_sector.py "$OUT/tune_nosector.jsonl" --out "$OUT/sector_model.json"
# the same fitted and selected on half A alone, to code half B with (DIURNA_ACTOR_COUNTRY_MODEL /
# DIURNA_ACTOR_SECTOR_MODEL / DIURNA_AGENT_SECTORS=$OUT/agents_A.yaml): the held-out check of each refit
run country_A "$PY" scripts/train_actor_country.py --cache "$OUT/country_rows.json" --half A --out "$OUT/country_A.json"
run sector_A "$PY" scripts/train_actor_sector.py "$OUT/tune_nosector.jsonl" --half A --out "$OUT/sector_A.json"

# dates and places: the packaged pipeline's tune output (it also writes the gold file train_dates reads)
[ -s "$OUT/tune.jsonl" ] || run tune "$PY" scripts/eval_realtext.py --split tune --keep "$OUT/tune.jsonl" --by-type
run dates "$PY" scripts/train_dates.py --pred "$OUT/tune.jsonl" --cache "$OUT/parses" \
    --features "$OUT/dates_features.jsonl" --out "$OUT/dates.json"
# (exits 1, writing nothing, when no setting beats the rules on both halves)
run places "$PY" scripts/train_event_places.py --cache "$OUT/places.pkl" --examples "$OUT/places_examples.json" \
    --out "$OUT/event_places.json" || true
# the same examples selected within half A alone and checked once on half B against the packaged
# choosers (fitted on the first real-text set, held out on both halves); each writes nothing unless
# the refit beats the packaged one (docs/evaluation.md, 2026-12-08, dateplace16)
run dates_A "$PY" scripts/train_dates.py --pred "$OUT/tune.jsonl" --features "$OUT/dates_features.jsonl" \
    --fit-half A --out "$OUT/dates_A.json" || true
run places_A "$PY" scripts/train_event_places.py --examples "$OUT/places_examples.json" --fit-half A \
    --out "$OUT/event_places_A.json" || true

# realnews-dev with the packaged models: the baseline a refit is coded against (python -m diurna.cli
# from this checkout: the venv's `diurna` entry point may import another checkout's package)
if [ -d "$RN" ]; then
    "$PY" "$RN/make_input.py" >"$OUT/rn_in.jsonl"
    [ -s "$OUT/rn.jsonl" ] || nice -n 10 "$PY" -m diurna.cli code "$OUT/rn_in.jsonl" >"$OUT/rn.jsonl"
    "$PY" "$RN/score.py" "$OUT/rn.jsonl" -v >"$OUT/rn.v.txt"
    "$PY" scripts/eval_actor_countries.py "$OUT/rn.v.txt" "$RN/gold.jsonl" >"$OUT/rn.countries.txt"
    # the date chooser on realnews-dev's located events: packaged, then the refit (if one was written)
    for model in diurna/time/model/dates.json "$OUT/dates.json"; do
        [ -s "$model" ] && "$PY" scripts/train_dates.py --pred "$OUT/rn.jsonl" --gold "$RN/gold.jsonl" \
            --cache "$OUT/rn_parses" --evaluate "$model" | tail -n 1 | sed "s|^|$model: |" >>"$OUT/rn.dates.txt"
    done
fi

echo
echo "== the packaged model beside the refit, held out the same way (full logs in $OUT/*.log)"
grep -H -E "packaged|selected|setting:|out-of-fold|held-out half|held out:|no setting|nothing written|never fires|inert|threshold by the rule|AUC|fitted on A|out of fold on A +n=" \
    "$OUT"/{detector,arguments,verifier,statements,nominal,country,country_A,sector,sector_A,dates,places,dates_A,places_A}.log | cut -c1-400 || true
cat "$OUT"/agents_check*.log
echo "realnews-dev, packaged models:" && tail -n 5 "$OUT/rn.v.txt" 2>/dev/null || true
cat "$OUT/rn.countries.txt" "$OUT/rn.dates.txt" 2>/dev/null || true
echo "a refit's realnews-dev: put it in place (or point DIURNA_ACTOR_COUNTRY_MODEL / DIURNA_ACTOR_SECTOR_MODEL /"
echo "DIURNA_AGENT_SECTORS at it), code $OUT/rn_in.jsonl with '$PY -m diurna.cli code' and score it as above"
