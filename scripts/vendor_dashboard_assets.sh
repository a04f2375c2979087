#!/usr/bin/env bash
# Re-fetch the dashboard's vendored assets with `npm pack` (no install, no build step) and convert
# them once: Natural Earth 110m country outlines from the npm package world-atlas (ISC; the data is
# public domain) -> diurna/api/static/vendor/countries-110m.json + LICENSE.world-atlas.
# Needs npm and network access to the npm registry; the result is committed, so running diurna never
# needs either.
set -euo pipefail
cd "$(dirname "$0")/.."
PYTHON=.venv/bin/python
[ -x "$PYTHON" ] || PYTHON=python3
exec "$PYTHON" scripts/vendor_dashboard_assets.py "$@"
