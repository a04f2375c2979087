#!/usr/bin/env bash
# Set everything up, then run diurna's main job: ingest the bundled example articles into the
# embedded DuckDB store (diurna.duckdb) and print what it holds.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
.venv/bin/diurna ingest examples/ --db "${DIURNA_DB:-diurna.duckdb}" --pubdate 2026-11-25
.venv/bin/diurna stats --db "${DIURNA_DB:-diurna.duckdb}"
